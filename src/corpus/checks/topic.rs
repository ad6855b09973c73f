//! Topic mismatch: the content words of a citing context against what the corpus knows of the
//! reference (title, container, keywords, abstract), judged against the paper's other
//! citations. Always a weak signal: a source may support a sentence in other words.
//!
//! Words the paper's citing sentences share widely (its own topic, "trafficking" in a paper on
//! trafficking) count for little: each shared stem weighs its inverse document frequency over
//! the citing contexts, and stems in more than [`COMMON_SHARE`] of them, or in the paper's own
//! title and keywords, count for nothing. A citation is flagged only when it shares no other
//! word, its sentence and its reference each have enough words to judge, the paper's citations
//! typically share some, and the sentence cites at most [`MAX_WORKS_IN_SENTENCE`] works.

use std::collections::{HashMap, HashSet};

use super::context::CitingContext;
use super::words::{ContentWords, WordReader};
use super::{Flag, FlagKind, FlagSeverity, Paper, WordEvidence};
use crate::corpus::cite;
use crate::corpus::model::Reference;

/// A stem in more than this share of the citing contexts is the paper's topic, not a sign of
/// fit.
const COMMON_SHARE: f64 = 0.3;

/// What one of the paper's common words weighs when shared: a little (a citation sharing only
/// "trafficking" with its source in a paper on trafficking says little about fit; sharing five
/// of the paper's words does).
const COMMON_WEIGHT: f64 = 0.25;

/// A citation whose shared words weigh less than this (no specific word, at most one common
/// one) is a candidate for a mismatch.
const MISMATCH_BELOW: f64 = 0.5;

/// The fewest content words a reference needs to be judged (a three-word title says little).
const MIN_REFERENCE_WORDS: usize = 5;

/// The fewest content words a citing context needs to be judged.
const MIN_CONTEXT_WORDS: usize = 6;

/// Sentences citing more works than this are not judged: their words may belong to any of
/// them.
const MAX_WORKS_IN_SENTENCE: usize = 1;

/// A reference with at least this many words specific to it (not the paper's common words)…
const FAR_APART_REFERENCE_WORDS: usize = 6;

/// … and a context with at least this many content words that share none of them are far
/// apart even when no other reference fits the context better.
const FAR_APART_CONTEXT_WORDS: usize = 25;

/// The fewest judged citations a paper needs for a typical score to mean anything.
const MIN_JUDGED: usize = 5;

/// One citation as compared.
struct Judged {
    citation: usize,
    reference: usize,
    context: ContentWords,
    score: f64,
    shared: Vec<String>,
}

/// Runs the topic comparison.
pub(super) fn check(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let index = &paper.corpus.index;
    let mut reader = WordReader::new();
    let references: Vec<ContentWords> = paper
        .corpus
        .file
        .references
        .iter()
        .map(|r| reference_words(&mut reader, r))
        .collect();
    let mut candidates: Vec<(usize, usize, ContentWords)> = Vec::new();
    for citation in 0..index.citations.len() {
        let Some(context) = CitingContext::of(index, citation) else {
            continue;
        };
        let Some(&[reference]) = index
            .citations
            .get(citation)
            .map(|c| c.references.as_slice())
        else {
            continue;
        };
        if context.sentence_works.len() > MAX_WORKS_IN_SENTENCE {
            continue;
        }
        let words = reader.read([context.paragraph_text(index, reference).as_str()]);
        if words.len() < MIN_CONTEXT_WORDS
            || references
                .get(reference)
                .is_none_or(|r| r.len() < MIN_REFERENCE_WORDS)
        {
            continue;
        }
        candidates.push((citation, reference, words));
    }
    if candidates.len() < MIN_JUDGED {
        return;
    }
    let weights = Weights::new(paper, &mut reader, &candidates);
    let judged: Vec<Judged> = candidates
        .into_iter()
        .filter_map(|(citation, reference, context)| {
            let words = references.get(reference)?;
            let shared: Vec<String> = context
                .stems()
                .filter(|stem| words.contains(stem))
                .map(str::to_owned)
                .collect();
            let score = shared.iter().map(|stem| weights.of(stem)).sum();
            Some(Judged {
                citation,
                reference,
                context,
                score,
                shared,
            })
        })
        .collect();
    let typical = median(judged.iter().map(|j| j.score).collect());
    // Stem → the references (with enough words to judge) whose words hold it.
    let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
    for (position, words) in references.iter().enumerate() {
        if words.len() >= MIN_REFERENCE_WORDS {
            for stem in words.stems() {
                by_stem.entry(stem).or_default().push(position);
            }
        }
    }
    for judged in &judged {
        if judged.score >= MISMATCH_BELOW {
            continue;
        }
        let Some(words) = references.get(judged.reference) else {
            continue;
        };
        let specific = words
            .stems()
            .filter(|stem| weights.of(stem) > COMMON_WEIGHT)
            .count();
        let far_apart = specific >= FAR_APART_REFERENCE_WORDS
            && judged.context.len() >= FAR_APART_CONTEXT_WORDS;
        if !far_apart {
            continue;
        }
        let better = better_reference(judged, &by_stem, &weights);
        out.push(flag(paper, judged, words, typical, better.as_ref()));
    }
}

/// Another reference of the paper that fits the citing context better: the one sharing the
/// most specific words with it, when it shares at least [`MIN_BETTER_WORDS`].
struct Better {
    reference: usize,
    shared: Vec<String>,
}

/// The fewest specific words another reference must share with a context for the context to
/// read as being about that reference's topic rather than the cited one's.
const MIN_BETTER_WORDS: usize = 2;

fn better_reference(
    judged: &Judged,
    by_stem: &HashMap<&str, Vec<usize>>,
    weights: &Weights,
) -> Option<Better> {
    let mut shared: HashMap<usize, Vec<String>> = HashMap::new();
    for stem in judged.context.stems() {
        if weights.of(stem) <= COMMON_WEIGHT {
            continue;
        }
        for &reference in by_stem.get(stem).map_or(&[][..], Vec::as_slice) {
            if reference != judged.reference {
                shared.entry(reference).or_default().push(stem.to_owned());
            }
        }
    }
    shared
        .into_iter()
        .filter(|(_, stems)| stems.len() >= MIN_BETTER_WORDS)
        // The most words shared; of equals, the first reference.
        .max_by_key(|(reference, stems)| (stems.len(), std::cmp::Reverse(*reference)))
        .map(|(reference, shared)| Better { reference, shared })
}

/// The topic-mismatch flag of one judged citation.
fn flag(
    paper: &Paper<'_>,
    judged: &Judged,
    reference_words: &ContentWords,
    typical: f64,
    better: Option<&Better>,
) -> Flag {
    let shared_shown = judged.context.shown(&judged.shared);
    let common = if shared_shown.is_empty() {
        "They share no content word".to_owned()
    } else {
        format!(
            "They share only {}, which {} the paper's own topic (common to its citing \
             sentences or in its title)",
            super::anachronism::join_words(
                &shared_shown
                    .iter()
                    .map(|w| format!("\u{201c}{w}\u{201d}"))
                    .collect::<Vec<_>>()
            ),
            if shared_shown.len() == 1 { "is" } else { "are" }
        )
    };
    let elsewhere = better.map_or_else(
        || ", though both have many words of their own".to_owned(),
        |better| {
            let words = judged
                .context
                .shown(&better.shared)
                .iter()
                .map(|w| format!("\u{201c}{w}\u{201d}"))
                .collect::<Vec<_>>();
            format!(
                ", while the paper's reference {} shares {} with it",
                paper.reference_name(better.reference),
                super::anachronism::join_words(&words)
            )
        },
    );
    let evidence = format!(
        "The words around the citation ({}) against the reference's title and venue ({}). \
         {common}{elsewhere}. A weak signal: a source can support a sentence in other words.",
        sample(&judged.context.all_shown()),
        sample(&reference_words.all_shown()),
    );
    let title = paper
        .corpus
        .file
        .references
        .get(judged.reference)
        .map(|r| r.title.trim().to_owned())
        .unwrap_or_default();
    Flag {
        words: Some(WordEvidence {
            context: judged.context.all_shown(),
            reference: reference_words.all_shown(),
            shared: shared_shown,
            score: judged.score,
            typical,
        }),
        ..paper.citation_flag(
            judged.citation,
            judged.reference,
            FlagKind::TopicMismatch,
            "few-shared-words",
            FlagSeverity::Weak,
            format!(
                "The sentence and \u{201c}{}\u{201d} share no words of substance",
                super::malformed::shortened(&title)
            ),
            evidence,
        )
    }
}

/// Up to twelve words, joined with commas, "…" when there are more.
fn sample(words: &[String]) -> String {
    const MAX: usize = 12;
    let mut out = words
        .iter()
        .take(MAX)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if words.len() > MAX {
        out.push_str(", \u{2026}");
    }
    out
}

/// What the corpus knows of a reference's topic: its title, container, keywords and abstract.
fn reference_words(reader: &mut WordReader, reference: &Reference) -> ContentWords {
    let mut words = reader.read([reference.title.as_str(), reference.container_title.as_str()]);
    for key in [
        "keyword",
        "abstract",
        "container-title-short",
        "title-short",
    ] {
        if let Some(value) = reference.extra.get(key) {
            reader.add(&cite::field_text(value), &mut words);
        }
    }
    words
}

/// How much each shared stem weighs: its inverse document frequency over the citing contexts,
/// nothing for the paper's common words.
struct Weights {
    document_frequency: HashMap<String, usize>,
    contexts: usize,
    paper_words: HashSet<String>,
}

impl Weights {
    fn new(
        paper: &Paper<'_>,
        reader: &mut WordReader,
        judged: &[(usize, usize, ContentWords)],
    ) -> Self {
        let mut document_frequency: HashMap<String, usize> = HashMap::new();
        for (_, _, words) in judged {
            for stem in words.stems() {
                *document_frequency.entry(stem.to_owned()).or_default() += 1;
            }
        }
        let file = &paper.corpus.file;
        let mut paper_words = reader.read([file.paper.title.as_str()]);
        for keyword in &file.paper.keywords {
            reader.add(keyword, &mut paper_words);
        }
        Self {
            document_frequency,
            contexts: judged.len(),
            paper_words: paper_words.stems().map(str::to_owned).collect(),
        }
    }

    /// The weight of `stem`: 0 for the paper's common words, else ln(N / df).
    #[allow(clippy::cast_precision_loss)]
    fn of(&self, stem: &str) -> f64 {
        let df = self
            .document_frequency
            .get(stem)
            .copied()
            .unwrap_or(1)
            .max(1);
        let share = df as f64 / self.contexts.max(1) as f64;
        if share > COMMON_SHARE || self.paper_words.contains(stem) {
            return COMMON_WEIGHT;
        }
        (self.contexts as f64 / df as f64).ln().max(MISMATCH_BELOW)
    }
}

/// The median of `values` (0 when empty).
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => values.get(n / 2).copied().unwrap_or_default(),
        _ => {
            let low = values.get(n / 2 - 1).copied().unwrap_or_default();
            let high = values.get(n / 2).copied().unwrap_or_default();
            f64::midpoint(low, high)
        }
    }
}

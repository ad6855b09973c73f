//! Topic mismatch: the content words of a citing context against what the corpus knows of the
//! reference (title, container, keywords, abstract), judged against the paper's other
//! citations. Always a weak signal: a source may support a sentence in other words.
//!
//! The context is the citing sentence and the sentences of its paragraph that cite nothing
//! else, each with the names of the entities it mentions (an acronym's long form). Words the
//! paper's citing contexts share widely (its own topic, "trafficking" in a paper on
//! trafficking) count for little: a stem in more than [`COMMON_SHARE`] of the
//! contexts, or in the paper's title and keywords, weighs [`COMMON_WEIGHT`]; any other shared
//! stem its inverse document frequency over the contexts. A citation is flagged when its
//! shared words weigh less than [`MISMATCH_BELOW`] (no specific word, at most one common one),
//! the sentence cites that one work alone, and both sides have words enough to be far apart
//! (the reference [`FAR_APART_REFERENCE_WORDS`] of its own, the context
//! [`FAR_APART_CONTEXT_WORDS`]). The evidence names another reference of the paper that shares
//! words with the context, when one does.

use std::collections::{HashMap, HashSet};

use super::words::{ContentWords, WordReader};
use super::{Flag, FlagKind, FlagSeverity, Paper, WordEvidence};
use crate::corpus::cite;
use crate::corpus::index::ParagraphInfo;
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

/// A reference with at least this many words specific to it (not the paper's common words)…
const FAR_APART_REFERENCE_WORDS: usize = 6;

/// … and a context with at least this many content words, sharing none of them, are far
/// apart; with fewer words on either side, sharing none says little.
const FAR_APART_CONTEXT_WORDS: usize = 25;

/// The fewest judged citations a paper needs for a typical score to mean anything.
const MIN_JUDGED: usize = 5;

/// One citation as compared.
struct Judged {
    citation: usize,
    reference: usize,
    /// Its context's words: a position in the contexts.
    context: usize,
    score: f64,
    shared: Vec<String>,
}

/// The most work (content words of a paragraph's uncited sentences, times the references its
/// sentences cite alone) the comparison spends on one paragraph; a paragraph past it is not
/// judged (no real paragraph comes near: it keeps the check linear on hostile input).
const MAX_PARAGRAPH_WORK: usize = 1_000_000;

/// The contexts the comparison judges, each once per paragraph and reference, and the
/// citations judged: citation, reference, position of its context. A citation is judged when
/// it cites one work, alone in its sentence, and its context and reference have enough words.
/// Its context is its sentence and every other sentence of the paragraph that cites nothing or
/// only that work: what the paragraph says around it and attributes to no other work.
#[allow(clippy::type_complexity)]
fn contexts(
    paper: &Paper<'_>,
    reader: &mut WordReader,
    references: &[ContentWords],
) -> (Vec<ContentWords>, Vec<(usize, usize, usize)>) {
    let index = &paper.corpus.index;
    let mut contexts = Vec::new();
    let mut candidates = Vec::new();
    for (position, info) in index.paragraphs.iter().enumerate() {
        let facts = paper.sentences.of_paragraph(position);
        // Each sentence's one work, when it cites exactly one.
        let alone: Vec<Option<usize>> = facts
            .iter()
            .map(|f| match f.works.as_slice() {
                [one] => Some(*one),
                _ => None,
            })
            .collect();
        let judged_here: Vec<(usize, usize)> = info
            .citations
            .clone()
            .filter_map(|c| {
                let citation = index.citations.get(c)?;
                let &[reference] = citation.references.as_slice() else {
                    return None;
                };
                let enough = references
                    .get(reference)
                    .is_some_and(|r| r.len() >= MIN_REFERENCE_WORDS);
                (enough && alone.get(citation.sentence).copied().flatten() == Some(reference))
                    .then_some((c, reference))
            })
            .collect();
        if judged_here.is_empty() {
            continue;
        }
        let mut texts = super::context::sentence_texts(info);
        add_entity_names(paper, info, &mut texts);
        let mut neutral = ContentWords::default();
        let mut own: HashMap<usize, ContentWords> = HashMap::new();
        for ((text, facts), one) in texts.iter().zip(facts).zip(&alone) {
            if facts.citations.is_empty() {
                reader.add(text, &mut neutral);
            } else if let Some(one) = one {
                reader.add(text, own.entry(*one).or_default());
            }
        }
        if neutral.len().saturating_mul(own.len()) > MAX_PARAGRAPH_WORK {
            continue;
        }
        let mut made: HashMap<usize, usize> = HashMap::new();
        for (citation, reference) in judged_here {
            let slot = *made.entry(reference).or_insert_with(|| {
                let mut words = neutral.clone();
                if let Some(own) = own.get(&reference) {
                    words.extend(own);
                }
                contexts.push(words);
                contexts.len() - 1
            });
            if contexts
                .get(slot)
                .is_some_and(|w| w.len() >= MIN_CONTEXT_WORDS)
            {
                candidates.push((citation, reference, slot));
            }
        }
    }
    (contexts, candidates)
}

/// After each sentence's text, the names of the entities it mentions: an acronym's long form
/// (`ART`, "adaptive resonance theory") shares words with a title that spells it out.
fn add_entity_names(paper: &Paper<'_>, info: &ParagraphInfo, texts: &mut [String]) {
    let entities = &paper.corpus.file.entities;
    for mention in &info.mentions {
        let (Some(sentence), Some(entity)) = (
            info.sentences
                .iter()
                .position(|s| s.contains(&mention.range.start)),
            entities.get(mention.entity),
        ) else {
            continue;
        };
        if let Some(text) = texts.get_mut(sentence) {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                text.push(' ');
                text.push_str(name);
            }
        }
    }
}

/// Runs the topic comparison.
pub(super) fn check(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let mut reader = WordReader::new();
    let references: Vec<ContentWords> = paper
        .corpus
        .file
        .references
        .iter()
        .map(|r| reference_words(&mut reader, r))
        .collect();
    let (contexts, candidates) = contexts(paper, &mut reader, &references);
    if candidates.len() < MIN_JUDGED {
        return;
    }
    let weights = Weights::new(
        paper,
        &mut reader,
        candidates.iter().filter_map(|c| contexts.get(c.2)),
    );
    let judged: Vec<Judged> = candidates
        .into_iter()
        .filter_map(|(citation, reference, context)| {
            let words = references.get(reference)?;
            let context_words = contexts.get(context)?;
            let shared: Vec<String> = words
                .stems()
                .filter(|stem| context_words.contains(stem))
                .map(str::to_owned)
                .collect();
            // The sum of no weights is -0.0; the score is never negative.
            let score = shared
                .iter()
                .map(|stem| weights.of(stem))
                .sum::<f64>()
                .abs();
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
        let (Some(words), Some(context)) = (
            references.get(judged.reference),
            contexts.get(judged.context),
        ) else {
            continue;
        };
        let specific = words
            .stems()
            .filter(|stem| weights.of(stem) > COMMON_WEIGHT)
            .count();
        let far_apart =
            specific >= FAR_APART_REFERENCE_WORDS && context.len() >= FAR_APART_CONTEXT_WORDS;
        if !far_apart {
            continue;
        }
        let better = better_reference(judged, context, &by_stem, &weights);
        out.push(flag(
            paper,
            judged,
            context,
            words,
            typical,
            better.as_ref(),
        ));
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
    context: &ContentWords,
    by_stem: &HashMap<&str, Vec<usize>>,
    weights: &Weights,
) -> Option<Better> {
    let mut shared: HashMap<usize, Vec<String>> = HashMap::new();
    for stem in context.stems() {
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
    context: &ContentWords,
    reference_words: &ContentWords,
    typical: f64,
    better: Option<&Better>,
) -> Flag {
    let shared_shown = context.shown(&judged.shared);
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
            let words = context
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
        sample(&context.all_shown()),
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
            context: context.all_shown(),
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
    fn new<'c>(
        paper: &Paper<'_>,
        reader: &mut WordReader,
        contexts: impl Iterator<Item = &'c ContentWords>,
    ) -> Self {
        let mut document_frequency: HashMap<String, usize> = HashMap::new();
        let mut count = 0;
        for words in contexts {
            count += 1;
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
            contexts: count,
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

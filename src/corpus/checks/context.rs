//! The citing context of a citation: its sentence, and the sentence before when the sentence
//! refers back to it ("such campaigns", "these mechanisms") and cites nothing itself; the
//! works cited in the sentence; the sentence's text without its citations.

use std::ops::Range;

use crate::corpus::Index;
use crate::corpus::cite;
use crate::corpus::index::{ParagraphInfo, Segment};
use crate::corpus::model::Reference;

/// Words that point back at what the sentence before named. "such as" introduces examples and
/// does not count; "this study", "this paper" … speak of the citing paper itself.
const BACK_REFERENCES: [&str; 7] = [
    "such",
    "these",
    "those",
    "this",
    "the latter",
    "the former",
    "said",
];

/// What "this" may be followed by when it speaks of the citing paper, not the sentence before.
const SELF_REFERENCES: [&str; 8] = [
    "study", "paper", "article", "review", "work", "research", "analysis", "section",
];

/// What every sentence of the text cites, worked out once for all checks (in time linear in
/// the text): for each paragraph, for each sentence, its citations and the works they cite.
pub(super) struct Sentences {
    paragraphs: Vec<Vec<SentenceFacts>>,
}

/// What one sentence cites.
#[derive(Clone, Debug, Default)]
pub(super) struct SentenceFacts {
    /// Its citations (positions in `Index::citations`, consecutive).
    pub citations: Range<usize>,
    /// The references they cite, each once, in no particular order.
    pub works: Vec<usize>,
    /// The two newest of those works with their years, newest first.
    pub newest: Vec<(i32, usize)>,
}

impl Sentences {
    /// The sentences of every paragraph of `index`, whose citations cite `references`.
    pub fn new(index: &Index, references: &[Reference]) -> Self {
        let paragraphs = index
            .paragraphs
            .iter()
            .map(|info| {
                let mut facts = vec![SentenceFacts::default(); info.sentences.len()];
                for position in info.citations.clone() {
                    let Some(citation) = index.citations.get(position) else {
                        continue;
                    };
                    let Some(sentence) = facts.get_mut(citation.sentence) else {
                        continue;
                    };
                    if sentence.citations.is_empty() {
                        sentence.citations = position..position;
                    }
                    sentence.citations.end = position + 1;
                    sentence.works.extend_from_slice(&citation.references);
                }
                for sentence in &mut facts {
                    sentence.works.sort_unstable();
                    sentence.works.dedup();
                    let mut dated: Vec<(i32, usize)> = sentence
                        .works
                        .iter()
                        .filter_map(|&w| Some((cite::year(references.get(w)?)?, w)))
                        .collect();
                    dated.sort_unstable_by(|a, b| b.cmp(a));
                    dated.truncate(2);
                    sentence.newest = dated;
                }
                facts
            })
            .collect();
        Self { paragraphs }
    }

    /// What sentence `sentence` of paragraph `paragraph` cites.
    pub fn get(&self, paragraph: usize, sentence: usize) -> Option<&SentenceFacts> {
        self.paragraphs.get(paragraph)?.get(sentence)
    }

    /// The sentences of paragraph `paragraph`.
    pub fn of_paragraph(&self, paragraph: usize) -> &[SentenceFacts] {
        self.paragraphs.get(paragraph).map_or(&[], Vec::as_slice)
    }
}

/// A citation's context.
#[derive(Clone, Debug)]
pub(super) struct CitingContext<'i> {
    /// The paragraph (position in reading order).
    pub paragraph: usize,
    /// The paragraph as printed.
    pub info: &'i ParagraphInfo,
    /// The citing sentence's byte range in the paragraph's printed text.
    pub sentence: Range<usize>,
    /// The sentence before, when the citing sentence refers back to it and it cites nothing
    /// of its own.
    pub previous: Option<Range<usize>>,
    /// The back-reference that brought the sentence before in ("such", "these" …).
    pub back_reference: Option<&'static str>,
    /// The sentence's two newest works with their years, newest first.
    pub newest_works: &'i [(i32, usize)],
}

impl<'i> CitingContext<'i> {
    /// The context of citation `citation`, or `None` when the index does not place it.
    pub fn of(index: &'i Index, sentences: &'i Sentences, citation: usize) -> Option<Self> {
        let info = index.citations.get(citation)?;
        let paragraph = index.paragraphs.get(info.paragraph)?;
        let sentence = paragraph.sentences.get(info.sentence)?.clone();
        let facts = sentences.get(info.paragraph, info.sentence)?;
        let text = paragraph.printed.get(sentence.clone()).unwrap_or_default();
        let back_reference = back_reference(text);
        let previous = back_reference
            .and(info.sentence.checked_sub(1))
            .filter(|&p| {
                sentences
                    .get(info.paragraph, p)
                    .is_some_and(|before| before.citations.is_empty())
            })
            .and_then(|p| paragraph.sentences.get(p).cloned());
        Some(Self {
            paragraph: info.paragraph,
            info: paragraph,
            back_reference: back_reference.filter(|_| previous.is_some()),
            sentence,
            previous,
            newest_works: &facts.newest,
        })
    }

    /// The byte ranges the context covers: the sentence before (if it counts), then the
    /// sentence.
    pub fn ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.previous
            .iter()
            .cloned()
            .chain(std::iter::once(self.sentence.clone()))
    }

    /// Whether byte `at` of the paragraph lies in the sentence before rather than the citing
    /// sentence.
    pub fn in_previous(&self, at: usize) -> bool {
        self.previous.as_ref().is_some_and(|p| p.contains(&at))
    }
}

/// The plain text of each sentence of a paragraph, without the printed form of any citation:
/// one pass over its segments.
pub(super) fn sentence_texts(info: &ParagraphInfo) -> Vec<String> {
    let mut texts = vec![String::new(); info.sentences.len()];
    let mut sentence = 0;
    for segment in &info.segments {
        let Segment::Text(text) = segment else {
            continue;
        };
        // Sentences ending before this segment are done with.
        while info
            .sentences
            .get(sentence)
            .is_some_and(|s| s.end <= text.start)
        {
            sentence += 1;
        }
        let mut at = sentence;
        while let Some(range) = info.sentences.get(at).filter(|s| s.start < text.end) {
            let start = text.start.max(range.start);
            let end = text.end.min(range.end);
            if start < end
                && let (Some(piece), Some(out)) = (info.printed.get(start..end), texts.get_mut(at))
            {
                out.push_str(piece);
                out.push(' ');
            }
            at += 1;
        }
    }
    texts
}

/// The back-reference a sentence makes to the one before ("such campaigns", "these
/// mechanisms", "this"), if any: the first such word standing as a whole word, other than
/// "such as" and "this study" (or paper, review …).
#[must_use]
pub(super) fn back_reference(sentence: &str) -> Option<&'static str> {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or_default();
        for &back in &BACK_REFERENCES {
            let mut parts = back.split(' ');
            let first = parts.next().unwrap_or_default();
            let second = parts.next();
            if *word != first || second.is_some_and(|s| s != next) {
                continue;
            }
            if back == "such" && next == "as" {
                continue;
            }
            if back == "this" && SELF_REFERENCES.contains(&next) {
                continue;
            }
            return Some(back);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_references_but_not_examples_or_the_paper_itself() {
        assert_eq!(
            back_reference("[6] suggests that such campaigns rely on action."),
            Some("such")
        );
        assert_eq!(
            back_reference("These mechanisms are designed to standardize."),
            Some("these")
        );
        assert_eq!(
            back_reference("Initiatives such as the Blue Heart Campaign."),
            None
        );
        assert_eq!(back_reference("This study examines the trends."), None);
        assert_eq!(back_reference("Thesis work on trafficking."), None);
    }
}

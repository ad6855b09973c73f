//! The citing context of a citation: its sentence, and the sentence before when the sentence
//! refers back to it ("such campaigns", "these mechanisms") and cites nothing itself; the
//! works cited in the sentence; the sentence's text without its citations.

use std::ops::Range;

use crate::corpus::Index;
use crate::corpus::index::{ParagraphInfo, Segment};

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
    /// Every reference cited in the citing sentence, without repeats.
    pub sentence_works: Vec<usize>,
}

impl<'i> CitingContext<'i> {
    /// The context of citation `citation`, or `None` when the index does not place it.
    pub fn of(index: &'i Index, citation: usize) -> Option<Self> {
        let info = index.citations.get(citation)?;
        let paragraph = index.paragraphs.get(info.paragraph)?;
        let sentence = paragraph.sentences.get(info.sentence)?.clone();
        let sentence_citations = citations_within(index, paragraph, &sentence);
        let mut sentence_works = Vec::new();
        for &other in &sentence_citations {
            for &reference in index
                .citations
                .get(other)
                .map_or(&[][..], |c| &c.references)
            {
                if !sentence_works.contains(&reference) {
                    sentence_works.push(reference);
                }
            }
        }
        let text = paragraph.printed.get(sentence.clone()).unwrap_or_default();
        let back_reference = back_reference(text);
        let previous = back_reference
            .and(info.sentence.checked_sub(1))
            .and_then(|p| paragraph.sentences.get(p).cloned())
            .filter(|p| citations_within(index, paragraph, p).is_empty());
        Some(Self {
            paragraph: info.paragraph,
            info: paragraph,
            back_reference: back_reference.filter(|_| previous.is_some()),
            sentence,
            previous,
            sentence_works,
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

    /// The plain text of the citing sentence and of every other sentence of its paragraph
    /// that cites nothing, or only `reference`: what the paragraph says around the citation
    /// and does not attribute to another work.
    pub fn paragraph_text(&self, index: &Index, reference: usize) -> String {
        let own_or_none = |range: &Range<usize>| {
            citations_within(index, self.info, range).iter().all(|&c| {
                index
                    .citations
                    .get(c)
                    .is_some_and(|info| info.references.iter().all(|&r| r == reference))
            })
        };
        let ranges: Vec<Range<usize>> = self
            .info
            .sentences
            .iter()
            .filter(|s| **s == self.sentence || own_or_none(s))
            .cloned()
            .collect();
        self.plain_text_of(ranges)
    }

    /// The plain text of `ranges` of the paragraph, without citations.
    fn plain_text_of(&self, ranges: impl IntoIterator<Item = Range<usize>>) -> String {
        let mut out = String::new();
        for range in ranges {
            for segment in &self.info.segments {
                let Segment::Text(text) = segment else {
                    continue;
                };
                let start = text.start.max(range.start);
                let end = text.end.min(range.end);
                if start < end
                    && let Some(piece) = self.info.printed.get(start..end)
                {
                    out.push_str(piece);
                    out.push(' ');
                }
            }
        }
        out
    }
}

/// The citations whose printed form lies in `range` of `paragraph`.
fn citations_within(index: &Index, paragraph: &ParagraphInfo, range: &Range<usize>) -> Vec<usize> {
    paragraph
        .citations
        .clone()
        .filter(|&c| {
            index
                .citations
                .get(c)
                .is_some_and(|info| range.contains(&info.range.start))
        })
        .collect()
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

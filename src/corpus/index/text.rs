//! The text pass of the index: each paragraph's printed text, its sentences and citations,
//! entity mentions (Aho–Corasick over every name and alias) and the years it mentions.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{CitationInfo, Index, Mention, ParagraphInfo, Segment, YearMention};
use crate::corpus::citations::{self, Piece};
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::model::CorpusFile;

impl Index {
    pub(super) fn build_text(&mut self, file: &CorpusFile, ids: &IdMaps<'_>) {
        let numbers = &self.reference_numbers;
        let number_of = |key: &str| {
            ids.position(ItemKind::Reference, key)
                .and_then(|i| numbers.get(i).copied())
        };
        for (section_position, section) in file.sections.iter().enumerate() {
            let first = self.paragraphs.len();
            for (position_in_section, paragraph) in section.paragraphs.iter().enumerate() {
                let paragraph_position = self.paragraphs.len();
                self.paragraph_ids
                    .entry(paragraph.id.clone())
                    .or_insert(paragraph_position);
                let (pieces, _) = citations::parse(&paragraph.text);
                let mut printed = String::with_capacity(paragraph.text.len());
                let mut segments = Vec::with_capacity(pieces.len());
                let first_citation = self.citations.len();
                for piece in pieces {
                    let start = printed.len();
                    match piece {
                        Piece::Text(text) => {
                            printed.push_str(text);
                            segments.push(Segment::Text(start..printed.len()));
                        }
                        Piece::Group { keys, .. } => {
                            printed.push_str(&citations::printed_form(&keys, number_of));
                            let citation = self.citations.len();
                            let references: Vec<usize> = keys
                                .iter()
                                .filter_map(|k| ids.position(ItemKind::Reference, k))
                                .collect();
                            self.citations.push(CitationInfo {
                                paragraph: paragraph_position,
                                sentence: 0,
                                references,
                                range: start..printed.len(),
                            });
                            segments.push(Segment::Citation {
                                citation,
                                range: start..printed.len(),
                            });
                        }
                    }
                }
                let sentences = split_sentences(&printed);
                let citation_range = first_citation..self.citations.len();
                for citation in self.citations.iter_mut().skip(citation_range.start) {
                    // Sentences are in order and do not overlap: a binary search keeps a
                    // paragraph with very many citations linear.
                    let at = citation.range.start;
                    let candidate = sentences.partition_point(|s| s.end <= at);
                    citation.sentence = sentences
                        .get(candidate)
                        .filter(|s| s.contains(&at))
                        .map_or(0, |_| candidate);
                }
                self.paragraphs.push(ParagraphInfo {
                    section: section_position,
                    position_in_section,
                    printed,
                    segments,
                    sentences,
                    citations: citation_range,
                    mentions: Vec::new(),
                });
            }
            self.section_paragraphs.push(first..self.paragraphs.len());
        }
        for (paragraph_position, paragraph) in self.paragraphs.iter().enumerate() {
            for (year, range) in find_years(&paragraph.printed, &paragraph.segments) {
                self.year_mentions
                    .entry(year)
                    .or_default()
                    .push(YearMention {
                        paragraph: paragraph_position,
                        range,
                    });
            }
        }
    }

    pub(super) fn build_mentions(&mut self, file: &CorpusFile) {
        self.entity_mentions = vec![Vec::new(); file.entities.len()];
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners: Vec<usize> = Vec::new();
        for (entity_position, entity) in file.entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                if name.trim().chars().count() >= 2 {
                    patterns.push(name.trim());
                    owners.push(entity_position);
                }
            }
        }
        let Some(matcher) = build_matcher(&patterns) else {
            return;
        };
        for (paragraph_position, paragraph) in self.paragraphs.iter_mut().enumerate() {
            let text = paragraph.printed.as_str();
            for found in matcher.find_iter(text) {
                if !is_whole_word(text, found.start(), found.end()) {
                    continue;
                }
                let Some(&entity) = owners.get(found.pattern().as_usize()) else {
                    continue;
                };
                let mention = Mention {
                    entity,
                    paragraph: paragraph_position,
                    range: found.start()..found.end(),
                };
                if let Some(list) = self.entity_mentions.get_mut(entity) {
                    list.push(mention.clone());
                }
                paragraph.mentions.push(mention);
            }
        }
    }
}

/// An Aho–Corasick matcher over entity names: case-insensitive, longest match first.
fn build_matcher(patterns: &[&str]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .ok()
}

/// Whether `text[start..end]` stands as a whole word (no letter or digit on either side).
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !is_word(before) && !is_word(after)
}

/// Splits text into sentences: a sentence ends at `.`, `?` or `!` (with any closing quote or
/// bracket) followed by white space and a capital letter, digit, quote or `[`, except after a
/// common abbreviation or an initial.
#[must_use]
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    const ABBREVIATIONS: [&str; 10] = [
        "e.g.", "i.e.", "U.S.", "etc.", "vs.", "cf.", "Dr.", "St.", "al.", "No.",
    ];
    // Bytes of the word before a full stop that are looked at; longer words are never
    // abbreviations or initials.
    const MAX_WORD_BEFORE: usize = 32;
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(&(offset, c)) = chars.get(i) else {
            break;
        };
        if matches!(c, '.' | '?' | '!') {
            // Include closing quotes and brackets.
            let mut j = i + 1;
            while chars
                .get(j)
                .is_some_and(|&(_, c)| matches!(c, '"' | '”' | '’' | '\'' | ')'))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
            let followed_by_space = chars.get(j).is_some_and(|&(_, c)| c.is_whitespace());
            // The rest is only worked out after white space (so a long run like `x.x.x.` stays
            // cheap).
            let starts_sentence = followed_by_space
                && chars
                    .iter()
                    .skip(j)
                    .find(|(_, c)| !c.is_whitespace())
                    .is_some_and(|&(_, c)| {
                        // A capital, or a letter of a script without case (Arabic, Hebrew …).
                        c.is_uppercase()
                            || (c.is_alphabetic() && !c.is_lowercase())
                            || c.is_ascii_digit()
                            || matches!(c, '[' | '"' | '“' | '‘' | '(')
                    });
            let is_abbreviation = || {
                // Only the last few characters of the word matter (an abbreviation or an
                // initial); looking further back would make a long run without spaces
                // quadratic.
                let window_start = text.floor_char_boundary(offset.saturating_sub(MAX_WORD_BEFORE));
                let window = text.get(window_start..=offset).unwrap_or_default();
                let whole_word = window_start == 0 || window.contains(char::is_whitespace);
                let word_before = window
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or_default();
                ABBREVIATIONS.iter().any(|a| word_before.ends_with(a))
                    || (c == '.'
                        && whole_word
                        && word_before.chars().filter(|c| c.is_alphabetic()).count() == 1
                        && word_before.chars().next().is_some_and(char::is_uppercase))
            };
            if starts_sentence && !is_abbreviation() {
                sentences.push(start..end);
                // Skip white space to the next sentence.
                let mut k = j;
                while chars.get(k).is_some_and(|&(_, c)| c.is_whitespace()) {
                    k += 1;
                }
                start = chars.get(k).map_or(text.len(), |&(o, _)| o);
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let rest = text.get(start..).unwrap_or_default();
    if !rest.trim().is_empty() {
        sentences.push(start..text.len());
    }
    if sentences.is_empty() {
        sentences.push(0..text.len());
    }
    sentences
}

/// Four-digit years from 1800 to 2100 standing as whole words in the plain-text segments.
fn find_years(text: &str, segments: &[Segment]) -> Vec<(i32, Range<usize>)> {
    let mut years = Vec::new();
    for segment in segments {
        let Segment::Text(range) = segment else {
            continue;
        };
        let Some(slice) = text.get(range.clone()) else {
            continue;
        };
        let bytes = slice.as_bytes();
        let mut i = 0;
        while i + 4 <= bytes.len() {
            let window = bytes.get(i..i + 4).unwrap_or_default();
            let is_digits = window.iter().all(u8::is_ascii_digit);
            let before_ok = i == 0
                || !bytes
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b',');
            let after_ok = !bytes.get(i + 4).is_some_and(u8::is_ascii_alphanumeric);
            if is_digits
                && before_ok
                && after_ok
                && let Some(year) = std::str::from_utf8(window)
                    .ok()
                    .and_then(|s| s.parse::<i32>().ok())
                && (1800..=2100).contains(&year)
            {
                years.push((year, range.start + i..range.start + i + 4));
                i += 4;
                continue;
            }
            i += 1;
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences_of(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            sentences_of("The U.S. Department acts. [3] provide insights. Then “quoted.” Done"),
            vec![
                "The U.S. Department acts.",
                "[3] provide insights.",
                "Then “quoted.”",
                "Done"
            ]
        );
        assert_eq!(
            sentences_of("M. E. Porter wrote. Next."),
            vec!["M. E. Porter wrote.", "Next."]
        );
    }

    #[test]
    fn years_skip_numbers_like_counts() {
        let text = "In 2020 about 49,000, by 2021; page 1777 and 12020.";
        let years: Vec<i32> = find_years(text, &[Segment::Text(0..text.len())])
            .into_iter()
            .map(|(y, _)| y)
            .collect();
        assert_eq!(years, vec![2020, 2021]);
    }

    #[test]
    fn whole_words_only() {
        assert!(is_whole_word("the ILO works", 4, 7));
        assert!(!is_whole_word("SILO", 1, 4));
    }
}

//! The text pass: each paragraph's printed text, its sentences and citations, entity mentions
//! (Aho–Corasick over every name and alias) and the years it mentions, read once for validation
//! and the index, on several threads for a large corpus.

use std::collections::HashSet;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{CitationInfo, Mention, ParagraphInfo, Segment};
use crate::corpus::citations::{self, CitationSyntaxError, Piece};
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::model::{CorpusFile, Paragraph};

/// What the text pass finds in one paragraph.
#[derive(Debug)]
pub struct ParagraphText<'a> {
    /// The paragraph as the paper prints it, with its segments, sentences and entity mentions
    /// (citation positions counted within the paragraph until the index numbers them).
    pub info: ParagraphInfo,
    /// Its citation groups (sentence and references found, `paragraph` not yet set).
    pub citations: Vec<CitationInfo>,
    /// The years it mentions, with their ranges in the printed text.
    pub years: Vec<(i32, Range<usize>)>,
    /// Citations written wrongly.
    pub errors: Vec<CitationSyntaxError>,
    /// Citation keys that name no reference, in written order.
    pub unknown_keys: Vec<&'a str>,
}

/// The text pass over every paragraph, in reading order: read once, shared by validation (the
/// citations, the printed text quotes are checked against) and the index. It runs in two
/// halves so that a file that does not validate is not read further than validation needs.
#[derive(Debug, Default)]
pub struct TextPass<'a> {
    /// Each paragraph in reading order.
    pub paragraphs: Vec<ParagraphText<'a>>,
}

/// Below this much text the pass runs on the calling thread (threads would cost more than
/// they save).
const PARALLEL_FROM_BYTES: usize = 256 * 1024;

impl<'a> TextPass<'a> {
    /// Reads the citations of every paragraph of `file` (keys resolved through `ids`, printed
    /// with `numbers`): what validation needs. [`Self::finish`] adds the rest for the index.
    /// Large texts are split over the available cores.
    #[must_use]
    pub fn run(file: &'a CorpusFile, ids: &IdMaps<'_>, numbers: &[u32]) -> Self {
        let paragraphs: Vec<(usize, usize, &'a Paragraph)> = file
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| {
                section
                    .paragraphs
                    .iter()
                    .enumerate()
                    .map(move |(p, paragraph)| (s, p, paragraph))
            })
            .collect();
        let bytes: usize = paragraphs.iter().map(|(_, _, p)| p.text.len()).sum();
        let mut work: Vec<Reading<'a>> = paragraphs
            .into_iter()
            .map(|place| Reading { place, read: None })
            .collect();
        in_parallel(&mut work, bytes, |chunk| {
            for reading in chunk {
                let (section, position_in_section, paragraph) = reading.place;
                reading.read = Some(read_citations(
                    paragraph,
                    (section, position_in_section),
                    ids,
                    numbers,
                ));
            }
        });
        Self {
            paragraphs: work.into_iter().filter_map(|w| w.read).collect(),
        }
    }

    /// Adds what only the index needs, once the file is known to be valid: each paragraph's
    /// sentences (and the sentence of each citation), entity mentions and years.
    pub fn finish(&mut self, file: &CorpusFile) {
        let matcher = EntityMatcher::new(file);
        let bytes: usize = self.paragraphs.iter().map(|p| p.info.printed.len()).sum();
        in_parallel(&mut self.paragraphs, bytes, |chunk| {
            for paragraph in chunk {
                read_sentences_and_names(paragraph, &matcher);
            }
        });
    }
}

/// One paragraph to read: its section, its position there, the paragraph; and what was read.
struct Reading<'a> {
    place: (usize, usize, &'a Paragraph),
    read: Option<ParagraphText<'a>>,
}

/// Runs `work` over `items` in chunks: on several threads when there are `bytes` enough to
/// make it pay, else on this one.
fn in_parallel<T: Send>(items: &mut [T], bytes: usize, work: impl Fn(&mut [T]) + Sync) {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || bytes < PARALLEL_FROM_BYTES || items.len() < 2 {
        work(items);
        return;
    }
    let chunk_len = items.len().div_ceil(threads.min(8));
    let work = &work;
    std::thread::scope(|scope| {
        for chunk in items.chunks_mut(chunk_len) {
            scope.spawn(move || work(chunk));
        }
    });
}

/// The first half of the text pass over one paragraph: its citations and printed text.
fn read_citations<'a>(
    paragraph: &'a Paragraph,
    (section, position_in_section): (usize, usize),
    ids: &IdMaps<'_>,
    numbers: &[u32],
) -> ParagraphText<'a> {
    let number_of = |key: &str| {
        ids.position(ItemKind::Reference, key)
            .and_then(|i| numbers.get(i).copied())
    };
    let (pieces, errors) = citations::parse(&paragraph.text);
    let mut printed = String::with_capacity(paragraph.text.len());
    let mut segments = Vec::with_capacity(pieces.len());
    let mut citations = Vec::new();
    let mut unknown_keys = Vec::new();
    for piece in pieces {
        let start = printed.len();
        match piece {
            Piece::Text(text) => {
                printed.push_str(text);
                segments.push(Segment::Text(start..printed.len()));
            }
            Piece::Group { keys, .. } => {
                printed.push_str(&citations::printed_form(&keys, number_of));
                let mut references = Vec::with_capacity(keys.len());
                for key in keys {
                    match ids.position(ItemKind::Reference, key) {
                        Some(reference) => references.push(reference),
                        None => unknown_keys.push(key),
                    }
                }
                segments.push(Segment::Citation {
                    citation: citations.len(),
                    range: start..printed.len(),
                });
                citations.push(CitationInfo {
                    paragraph: 0,
                    sentence: 0,
                    references,
                    range: start..printed.len(),
                });
            }
        }
    }
    ParagraphText {
        info: ParagraphInfo {
            section,
            position_in_section,
            printed,
            segments,
            sentences: Vec::new(),
            citations: 0..0,
            mentions: Vec::new(),
        },
        citations,
        years: Vec::new(),
        errors,
        unknown_keys,
    }
}

/// The second half of the text pass over one paragraph: sentences, mentions and years.
fn read_sentences_and_names(paragraph: &mut ParagraphText<'_>, matcher: &EntityMatcher) {
    let info = &mut paragraph.info;
    info.sentences = split_sentences(&info.printed);
    for citation in &mut paragraph.citations {
        // Sentences are in order and do not overlap: a binary search keeps a paragraph with
        // very many citations linear.
        let at = citation.range.start;
        let candidate = info.sentences.partition_point(|s| s.end <= at);
        citation.sentence = info
            .sentences
            .get(candidate)
            .filter(|s| s.contains(&at))
            .map_or(0, |_| candidate);
    }
    info.mentions = matcher.mentions(&info.printed);
    paragraph.years = find_years(&info.printed, &info.segments);
}

/// Finds entity names and aliases in text.
struct EntityMatcher {
    /// Every name and alias of at least two characters; `None` when there are none.
    matcher: Option<AhoCorasick>,
    /// The entity each pattern belongs to.
    owners: Vec<usize>,
}

impl EntityMatcher {
    fn new(file: &CorpusFile) -> Self {
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners: Vec<usize> = Vec::new();
        // A name given twice is found for its first owner only (as the search would report
        // the first of equal patterns), so it is searched for once.
        let mut seen: HashSet<String> = HashSet::new();
        for (entity_position, entity) in file.entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let name = name.trim();
                if name.chars().count() >= 2 && seen.insert(name.to_ascii_lowercase()) {
                    patterns.push(name);
                    owners.push(entity_position);
                }
            }
        }
        Self {
            matcher: build_matcher(&patterns),
            owners,
        }
    }

    /// The entities named in `text` as whole words, in order (`paragraph` is set later).
    fn mentions(&self, text: &str) -> Vec<Mention> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        matcher
            .find_iter(text)
            .filter(|found| is_whole_word(text, found.start(), found.end()))
            .filter_map(|found| {
                Some(Mention {
                    entity: *self.owners.get(found.pattern().as_usize())?,
                    paragraph: 0,
                    range: found.start()..found.end(),
                })
            })
            .collect()
    }
}

/// The most distinct entity names and aliases searched with a DFA.
const MAX_DFA_PATTERNS: usize = 2000;

/// An Aho–Corasick matcher over entity names: case-insensitive, longest match first.
fn build_matcher(patterns: &[&str]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    // A DFA searches fastest; its size grows with the patterns, so a very long list of names
    // keeps the (smaller) default automaton.
    let kind = (patterns.len() <= MAX_DFA_PATTERNS).then_some(AhoCorasickKind::DFA);
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(kind)
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
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut from = 0;
    // The terminators are ASCII, so a byte search finds them at char boundaries.
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|b| matches!(b, b'.' | b'?' | b'!')))
    {
        let offset = from + found;
        let c = char::from(bytes.get(offset).copied().unwrap_or(b'.'));
        // Include closing quotes and brackets.
        let rest = text.get(offset + 1..).unwrap_or_default();
        let closing = rest
            .char_indices()
            .find(|&(_, c)| !matches!(c, '"' | '”' | '’' | '\'' | ')'))
            .map_or(rest.len(), |(n, _)| n);
        let end = offset + 1 + closing;
        let after = text.get(end..).unwrap_or_default();
        let followed_by_space = after.chars().next().is_some_and(char::is_whitespace);
        // The rest is only worked out after white space (so a long run like `x.x.x.` stays
        // cheap).
        let starts_sentence = followed_by_space
            && after.chars().find(|c| !c.is_whitespace()).is_some_and(|c| {
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
            start = after
                .char_indices()
                .find(|&(_, c)| !c.is_whitespace())
                .map_or(text.len(), |(n, _)| end + n);
            from = start;
            continue;
        }
        from = end;
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
        while let Some(found) = bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
        {
            i += found;
            // The run of digits starting here: a year is a run of exactly four.
            let run = bytes.get(i..).map_or(0, |rest| {
                rest.iter().take_while(|b| b.is_ascii_digit()).count()
            });
            let before_ok = i == 0
                || !bytes
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b',');
            let after_ok = !bytes.get(i + run).is_some_and(u8::is_ascii_alphanumeric);
            if run == 4
                && before_ok
                && after_ok
                && let Some(year) = bytes
                    .get(i..i + 4)
                    .and_then(|digits| std::str::from_utf8(digits).ok())
                    .and_then(|s| s.parse::<i32>().ok())
                && (1800..=2100).contains(&year)
            {
                years.push((year, range.start + i..range.start + i + 4));
            }
            i += run;
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

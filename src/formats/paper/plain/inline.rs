//! Running text: lines joined into paragraphs (hyphenation undone where the hyphen only broke
//! the line), the `*emphasis*` and `[text](link)` marks a PDF-to-text conversion leaves taken
//! out, and printed numeric citation markers (`[1]`, `[2], [4]`, `[17]–[21]`, `[1-3]`, `[1, 5]`)
//! found. Every function here is one left-to-right pass.

use std::collections::HashSet;
use std::ops::Range;

use super::super::{Rich, Span};
use super::author_year::{self, Works};
use super::labels::Labels;
use super::superscript::Superscripts;
use crate::corpus::citations::{self, Piece};
use crate::corpus::cite::emphasis;

/// The longest link target `[text](target)` looked for, in bytes (keeps the pass linear).
const MAX_LINK_TARGET: usize = 300;

/// The longest word looked at when joining, in bytes.
const MAX_WORD: usize = 64;

/// Words a sentence does not end with: a block ending in one continues in the next block.
const CONNECTORS: [&str; 24] = [
    "a", "an", "and", "are", "as", "at", "be", "between", "by", "for", "from", "in", "is", "its",
    "of", "on", "or", "such", "than", "that", "the", "their", "to", "with",
];

/// Whether `c` is a dash a range or a broken word may be written with.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—')
}

/// The hyphenated words of a text (`anti-trafficking`, lower case), to tell a compound broken at
/// its hyphen from a word broken by hyphenation.
pub(super) fn hyphenated_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|word| {
            let inner = word.trim_matches('-');
            inner.len() == word.len() && inner.contains('-')
        })
        .map(str::to_lowercase)
        .collect()
}

/// Appends `next` to `out` with a space, or, when `out` ends with a letter and a hyphen and
/// `next` starts with a lower-case letter, without one: the hyphen is dropped (`inter-` +
/// `national`) unless the document writes the joined word with a hyphen elsewhere
/// (`anti-` + `trafficking`).
pub(super) fn append_joined(out: &mut String, next: &str, hyphenated: &HashSet<String>) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if out.is_empty() {
        out.push_str(next);
        return;
    }
    let mut chars = out.chars().rev();
    let broken = chars.next() == Some('-')
        && chars.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase);
    if broken {
        let head = last_word(out).to_lowercase();
        let tail = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if !hyphenated.contains(&format!("{head}{tail}")) {
            out.pop();
        }
        out.push_str(next);
    } else {
        out.push(' ');
        out.push_str(next);
    }
}

/// The last word of `text`, looked for among its last [`MAX_WORD`] bytes only (so that joining
/// many pieces stays linear).
fn last_word(text: &str) -> &str {
    let mut start = text.len().saturating_sub(MAX_WORD);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..)
        .unwrap_or_default()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
}

/// Whether a block of text ends a sentence: its last character (before closing quotes,
/// brackets and emphasis marks) is `.`, `!`, `?` or `:`.
pub(super) fn is_finished(text: &str) -> bool {
    let trimmed = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', '*', '»']);
    trimmed.ends_with(['.', '!', '?', ':', '…'])
}

/// The narrowest a block's lines are, in characters (their median), for a short line in it to
/// end a paragraph: a column of wrapped prose.
const LEAST_WRAPPED_WIDTH: usize = 40;

/// Words a line can end with that end no sentence though they end in a stop.
const ABBREVIATIONS: [&str; 9] = [
    "al.", "e.g.", "i.e.", "cf.", "vs.", "Fig.", "Figs.", "Eq.", "Ref.",
];

/// Each line's width in characters (trimmed), and their median; `None` for no lines.
pub(super) fn widths_and_median(lines: &[&str]) -> Option<(Vec<usize>, usize)> {
    let widths: Vec<usize> = lines
        .iter()
        .map(|line| line.trim().chars().count())
        .collect();
    let mut sorted = widths.clone();
    sorted.sort_unstable();
    let median = *sorted.get(sorted.len() / 2)?;
    Some((widths, median))
}

/// The lines of a block of wrapped prose after which a paragraph ends inside it, as pdftotext
/// gives paragraphs one after another without a blank line: a line that ends a sentence and
/// is short beside the block's lines (under three quarters of their median width, itself at
/// least [`LEAST_WRAPPED_WIDTH`]), with a line opening in capitals after it. The last line is
/// never one (the block ends there anyway).
pub(super) fn paragraph_ends(lines: &[&str]) -> Vec<usize> {
    let Some((widths, median)) = widths_and_median(lines) else {
        return Vec::new();
    };
    if lines.len() < 3 || median < LEAST_WRAPPED_WIDTH {
        return Vec::new();
    }
    let mut ends = Vec::new();
    for (at, pair) in lines.windows(2).enumerate() {
        let (Some(line), Some(next), Some(&width)) = (pair.first(), pair.get(1), widths.get(at))
        else {
            continue;
        };
        let line = line.trim();
        let ends_sentence = line.ends_with(['.', '!', '?'])
            && !line
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|word| ABBREVIATIONS.contains(&word));
        let opens = next
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"'));
        if ends_sentence && opens && width * 4 < median * 3 {
            ends.push(at);
        }
    }
    ends
}

/// The bullets a list's items open with (`• amfAR works with health workers`).
pub(super) const BULLETS: [char; 4] = ['•', '◦', '▪', '‣'];

/// Whether `text` ends as text that goes on: with a letter in lower case or a comma.
pub(super) fn reads_on(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| c.is_lowercase() || c == ',')
}

/// Whether a block starting with `next` continues the unfinished text `previous` (split by a
/// page break): it starts with a lower-case letter, or `previous` ends with a comma, a dash, an
/// opening bracket or a word no sentence ends with.
pub(super) fn continues(previous: &str, next: &str) -> bool {
    if is_finished(previous) {
        return false;
    }
    if next.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let previous = previous.trim_end();
    if previous.ends_with([',', '(', '[', '/', '&']) || previous.ends_with(is_dash) {
        return true;
    }
    CONNECTORS.contains(&last_word(previous))
}

/// `text` without `*emphasis*` marks: a `*` before a non-space and a later `*` after one (on the
/// same text) are both dropped; a lone `*` is kept.
pub(super) fn strip_emphasis(text: &str) -> String {
    emphasis(text).to_plain_string()
}

/// `text` with Markdown links `[text](target)` written as their text (a target without spaces,
/// at most [`MAX_LINK_TARGET`] bytes).
pub(super) fn strip_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open: Option<usize> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        match c {
            '[' => {
                open = Some(out.len());
                out.push(c);
            }
            ']' => {
                let target_len = rest.strip_prefix('(').and_then(|after| {
                    let limit = after.len().min(MAX_LINK_TARGET);
                    let window = after.get(..limit).unwrap_or(after);
                    let close = window.find([')', ' ', '\t', '[', ']'])?;
                    window.get(close..)?.starts_with(')').then_some(close)
                });
                match (open.take(), target_len) {
                    (Some(start), Some(len)) if start + 1 < out.len() => {
                        out.remove(start);
                        rest = rest.get(len + 2..).unwrap_or_default();
                    }
                    _ => out.push(c),
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// A printed numeric marker found in text: its byte range and the numbers it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Marker {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) numbers: Vec<(u32, u32)>,
}

/// Every bracketed numeric marker of `text` in order (`[1]`, `[1, 5]`, `[1-3]`, chained as
/// `[2], [4]` or `[17]–[21]`), as the corpus itself reads them, so that each marker the import
/// keeps is one citation when the corpus loads.
pub(super) fn markers(text: &str) -> Vec<Marker> {
    citations::parse(text)
        .0
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Numeric(marker) if !marker.parenthesised => Some(Marker {
                start: marker.range.start,
                end: marker.range.end,
                numbers: marker.numbers,
            }),
            _ => None,
        })
        .collect()
}

/// Whether every number the ranges name is in `known` (sorted, without repeats).
pub(super) fn resolves(numbers: &[(u32, u32)], known: &[u32]) -> bool {
    numbers.iter().all(|&(first, last)| {
        if first > last {
            return false;
        }
        let from = known.partition_point(|&n| n < first);
        let to = known.partition_point(|&n| n <= last);
        u64::try_from(to - from).is_ok_and(|count| count == u64::from(last - first) + 1)
    })
}

/// What the citations of running text are resolved against: the numbers of the reference
/// list, and, when it is an author–date list, its works.
#[derive(Clone, Copy, Debug)]
pub(super) struct Citing<'a> {
    /// The numbers markers may name (sorted, without repeats); none for an author–date list,
    /// whose text's numbers in brackets are not markers.
    pub(super) known: &'a [u32],
    /// The works author–date citations may name.
    pub(super) works: Option<&'a Works>,
    /// The numbered references a paper citing by superscript numbers names, when it does.
    pub(super) superscripts: Option<&'a Superscripts>,
    /// The labels of a list whose entries open on labels (`[Knu84]`), when it is one: its
    /// text's numbers in brackets are not markers.
    pub(super) labels: Option<&'a Labels>,
}

/// `text` as imported running text: markers naming only known numbers as printed numeric
/// citations, author–date citations naming works of the list as citations of them, other
/// markers and citations naming nothing unresolved, the rest plain text.
pub(super) fn rich(text: &str, citing: &Citing<'_>) -> Rich {
    // An author–date or labelled paper's numbers in brackets are text.
    let author_date = citing.works.is_some() && citing.known.is_empty();
    let numbered = if author_date || citing.labels.is_some() {
        Vec::new()
    } else {
        markers(text)
    };
    let mut found: Vec<(usize, usize, Span)> = numbered
        .into_iter()
        .map(|marker| {
            let printed = text
                .get(marker.start..marker.end)
                .unwrap_or_default()
                .to_owned();
            let span = if resolves(&marker.numbers, citing.known) {
                Span::Marked(printed)
            } else {
                Span::Unresolved(printed)
            };
            (marker.start, marker.end, span)
        })
        .collect();
    if let Some(works) = citing.works {
        let numeric: Vec<(usize, usize)> = found.iter().map(|(s, e, _)| (*s, *e)).collect();
        // Both lists run left to right: one pass tells which author–date citations overlap a
        // numeric marker.
        let mut next_marker = 0;
        for citation in author_year::find(text, works) {
            while numeric
                .get(next_marker)
                .is_some_and(|&(_, end)| end <= citation.range.start)
            {
                next_marker += 1;
            }
            let overlaps = numeric
                .get(next_marker)
                .is_some_and(|&(start, _)| start < citation.range.end);
            if overlaps {
                continue;
            }
            found.push(cite_span(text, citation.range, citation.keys));
        }
        found.sort_by_key(|(start, _, _)| *start);
    }
    if let Some(superscripts) = citing.superscripts {
        found.extend(superscripts.spans(text));
        found.sort_by_key(|(start, _, _)| *start);
    }
    if let Some(labels) = citing.labels {
        found.extend(
            labels
                .find(text)
                .into_iter()
                .map(|citation| cite_span(text, citation.range, citation.keys)),
        );
        found.sort_by_key(|(start, _, _)| *start);
    }
    let mut rich = Rich::default();
    let mut at = 0;
    for (start, end, span) in found {
        rich.push_text(text.get(at..start).unwrap_or_default());
        rich.push(span);
        at = end;
    }
    rich.push_text(text.get(at..).unwrap_or_default());
    rich
}

/// The citation printed at `range` of `text` naming the works `keys`, where it stands: one
/// naming none is unresolved.
fn cite_span(text: &str, range: Range<usize>, keys: Vec<String>) -> (usize, usize, Span) {
    let printed = text.get(range.clone()).unwrap_or_default().to_owned();
    let span = if keys.is_empty() {
        Span::Unresolved(printed)
    } else {
        Span::Cite { printed, keys }
    };
    (range.start, range.end, span)
}

/// Running text as printed: emphasis and link marks taken out.
pub(super) fn clean(text: &str) -> String {
    strip_links(&strip_emphasis(text))
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn joined(parts: &[&str], hyphenated: &[&str]) -> String {
        let set: HashSet<String> = hyphenated.iter().map(|s| (*s).to_owned()).collect();
        let mut out = String::new();
        for part in parts {
            append_joined(&mut out, part, &set);
        }
        out
    }

    #[test]
    fn line_end_hyphens_are_undone_only_for_a_lower_case_continuation() {
        assert_eq!(
            joined(&["the inter-", "national law"], &[]),
            "the international law"
        );
        assert_eq!(
            joined(&["anti-", "trafficking work"], &["anti-trafficking"]),
            "anti-trafficking work"
        );
        assert_eq!(joined(&["COVID-", "19 cases"], &[]), "COVID- 19 cases");
        assert_eq!(joined(&["South-", "East"], &[]), "South- East");
        assert_eq!(joined(&["one", "two"], &[]), "one two");
    }

    #[test]
    fn a_short_line_that_ends_a_sentence_ends_a_paragraph_inside_a_block() {
        let block = [
            "The best existing algorithm for minimizing the makespan",
            "off-line has a 3/2 guaranty [7]. We derive easily an",
            "on-line batch version of it.",
            "The paper is organized as follows. In the next section,",
            "we introduce the definitions and models used in the paper",
            "as shown by Smith et al.",
            "Jones later extended them to moldable jobs of any kind.",
            "The scheduler runs the jobs as they come, one by one.",
        ];
        // Not after `et al.`, nor after the full-width line that ends a sentence.
        assert_eq!(paragraph_ends(&block), [2]);
        // A list's items, short lines of a table, or two lines only: no paragraph ends.
        let items = [
            "The tasks are sorted by one of three rules for the list:",
            "• largest task first, as is usual.",
            "• smallest area first, the opposite of the rule above.",
        ];
        assert!(paragraph_ends(&items).is_empty());
        let narrow = ["Model", "TAPAS.", "Ours is better."];
        assert!(paragraph_ends(&narrow).is_empty());
    }

    #[test]
    fn hyphenated_words_are_collected() {
        let words = hyphenated_words("An anti-trafficking, non-state (Latham-Sprinkle) -x- end-");
        assert!(words.contains("anti-trafficking"));
        assert!(words.contains("non-state"));
        assert!(words.contains("latham-sprinkle"));
        assert!(!words.contains("-x-"));
        assert!(!words.contains("end-"));
    }

    #[test]
    fn a_block_continues_after_an_unfinished_one() {
        assert!(continues("Central to", "this perspective"));
        assert!(continues("such as the", "United Nations"));
        assert!(continues("countries,", "Indonesia"));
        assert!(!continues("It ended.", "and then"));
        assert!(!continues("It ended (see below).", "next"));
        assert!(!continues("A list:", "first"));
        assert!(!continues("Anti-Slavery International", "The next"));
        assert!(is_finished("He said “no.”"));
    }

    #[test]
    fn emphasis_marks_are_dropped_in_pairs() {
        assert_eq!(strip_emphasis("in *The Book*, 2022"), "in The Book, 2022");
        assert_eq!(
            strip_emphasis("a * b and 2*3 and 4*5"),
            "a * b and 2*3 and 4*5"
        );
        assert_eq!(strip_emphasis("*a* and *b*"), "a and b");
        assert_eq!(strip_emphasis("**"), "**");
    }

    #[test]
    fn links_are_written_as_their_text() {
        assert_eq!(
            strip_links("under the [CC BY-SA](#) license"),
            "under the CC BY-SA license"
        );
        assert_eq!(
            strip_links("see [1] (2020) and [x](a b)"),
            "see [1] (2020) and [x](a b)"
        );
        assert_eq!(strip_links("[](#)"), "[](#)");
    }

    #[test]
    fn markers_are_found_in_every_printed_form() {
        let text = "A [1], B [2], [4]. C [17]–[21] D [1-3] E [1, 5] F [3 – 5, 7] G [x] [] [1";
        let found: Vec<(&str, Vec<(u32, u32)>)> = markers(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.numbers))
            .collect();
        assert_eq!(
            found,
            [
                ("[1]", vec![(1, 1)]),
                ("[2], [4]", vec![(2, 2), (4, 4)]),
                ("[17]–[21]", vec![(17, 21)]),
                ("[1-3]", vec![(1, 3)]),
                ("[1, 5]", vec![(1, 1), (5, 5)]),
                ("[3 – 5, 7]", vec![(3, 5), (7, 7)]),
            ]
        );
    }

    #[test]
    fn each_marker_is_one_numeric_citation_for_the_corpus() {
        for printed in ["[1]", "[2], [4]", "[17]–[21]", "[1-3]", "[1, 5]"] {
            let (pieces, errors) = citations::parse(printed);
            assert!(errors.is_empty());
            assert!(
                matches!(pieces.as_slice(), [Piece::Numeric(m)] if m.written == printed),
                "{printed}: {pieces:?}"
            );
        }
    }

    #[test]
    fn markers_naming_missing_numbers_are_unresolved() {
        let numbered = |known| Citing {
            known,
            works: None,
            superscripts: None,
            labels: None,
        };
        let found = rich(
            "See [1], [2] and [4]–[6] or [9] [3–1].",
            &numbered(&[1, 2, 4, 5, 6]),
        );
        assert_eq!(
            found.spans,
            [
                Span::Text("See ".into()),
                Span::Marked("[1], [2]".into()),
                Span::Text(" and ".into()),
                Span::Marked("[4]–[6]".into()),
                Span::Text(" or ".into()),
                Span::Unresolved("[9]".into()),
                Span::Text(" ".into()),
                Span::Unresolved("[3–1]".into()),
                Span::Text(".".into()),
            ]
        );
        let found = rich("[1-999999]", &numbered(&[1, 2]));
        assert!(matches!(found.spans.as_slice(), [Span::Unresolved(_)]));
    }
}

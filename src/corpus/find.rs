//! Find in the text (the Reader's Ctrl+F): every occurrence of a phrase in the section headings
//! and paragraphs as the paper prints them, citations included as printed (`[2], [4]`,
//! `(Porter, 1995)`), ignoring case. Unlike search ([`super::search`]), nothing is fuzzy and
//! every occurrence counts.

use std::ops::Range;

use super::Corpus;
use super::display::{heading_repeats_title, section_heading};
use super::model::ParagraphKind;
use super::text::script_base;

/// The text a match is in, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FoundIn {
    /// The paper's title.
    Title,
    /// The paper's abstract.
    Abstract,
    /// A section's heading as printed ([`section_heading`]), by the section's position.
    Heading(usize),
    /// A paragraph's printed text, by its position in the index.
    Paragraph(usize),
}

/// One occurrence of the phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextMatch {
    /// The heading or paragraph it is in.
    pub found_in: FoundIn,
    /// Byte range of the occurrence in that text.
    pub range: Range<usize>,
}

/// A character as find compares it: lower case, every kind of space as a plain space, and a
/// raised or lowered character as its base (`₂` as `2`).
fn fold_char(c: char) -> impl Iterator<Item = char> {
    let space = c.is_whitespace();
    script_base(c)
        .to_lowercase()
        .map(move |lower| if space { ' ' } else { lower })
}

/// The byte ranges of `text` where `phrase` occurs, ignoring case, left to right and not
/// overlapping. A phrase of only spaces finds nothing.
#[must_use]
pub fn find_in_text(text: &str, phrase: &str) -> Vec<Range<usize>> {
    if phrase.trim().is_empty() {
        return Vec::new();
    }
    let needle: String = phrase.chars().flat_map(fold_char).collect();
    if text.is_ascii() {
        // Each character of ASCII text is one byte and folds to one byte: offsets in the
        // folded text are the text's own.
        let haystack: String = text.chars().flat_map(fold_char).collect();
        return memchr::memmem::find_iter(haystack.as_bytes(), needle.as_bytes())
            .map(|start| start..start + needle.len())
            .collect();
    }
    find_in_folded(text, &needle)
}

/// Where `needle` (folded) occurs in `text` folded character by character: the folded text is
/// searched as one string, and each occurrence mapped back to the characters it was folded
/// from.
fn find_in_folded(text: &str, needle: &str) -> Vec<Range<usize>> {
    let mut haystack = String::with_capacity(text.len());
    // Each folded character: where it starts in `haystack`, and the bytes of `text` it came
    // from.
    let mut sources: Vec<(usize, Range<usize>)> = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        for folded in fold_char(c) {
            sources.push((haystack.len(), start..start + c.len_utf8()));
            haystack.push(folded);
        }
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    // UTF-8 is self-synchronising: an occurrence of a whole string of characters starts and
    // ends between characters.
    for at in memchr::memmem::find_iter(haystack.as_bytes(), needle.as_bytes()) {
        let first = sources.partition_point(|(folded_start, _)| *folded_start < at);
        let after = sources.partition_point(|(folded_start, _)| *folded_start < at + needle.len());
        let (Some((_, first)), Some((_, last))) = (
            sources.get(first),
            after.checked_sub(1).and_then(|last| sources.get(last)),
        ) else {
            continue;
        };
        let range = first.start..last.end;
        // A character that folds to several (`İ`) can only be found whole, once.
        if found
            .last()
            .is_none_or(|previous| previous.end <= range.start)
        {
            found.push(range);
        }
    }
    found
}

/// Every occurrence of `phrase` in the title and abstract (shown only under a title), the
/// section headings and the paragraphs of `corpus`, in that order (headings by section,
/// paragraphs by paragraph), each left to right.
/// Equations (shown as their source) and footnote markers (shown as their marker, not as
/// written) are not searched.
#[must_use]
pub fn find_in_paper(corpus: &Corpus, phrase: &str) -> Vec<TextMatch> {
    let mut found = Vec::new();
    if phrase.trim().is_empty() {
        return found;
    }
    let paper = &corpus.file.paper;
    if !paper.title.is_empty() {
        for (found_in, text) in [
            (FoundIn::Title, &paper.title),
            (FoundIn::Abstract, &paper.abstract_text),
        ] {
            found.extend(
                find_in_text(text, phrase)
                    .into_iter()
                    .map(|range| TextMatch { found_in, range }),
            );
        }
    }
    for (section, record) in corpus.file.sections.iter().enumerate() {
        if heading_repeats_title(corpus, section) {
            continue;
        }
        for range in find_in_text(&section_heading(record), phrase) {
            found.push(TextMatch {
                found_in: FoundIn::Heading(section),
                range,
            });
        }
    }
    for (paragraph, info) in corpus.index.paragraphs.iter().enumerate() {
        let is_equation = corpus
            .paragraph(paragraph)
            .is_some_and(|p| p.kind == ParagraphKind::Equation);
        if is_equation {
            continue;
        }
        for range in find_in_text(&info.printed, phrase) {
            let in_marker = info
                .footnotes
                .iter()
                .any(|mark| mark.range.start < range.end && range.start < mark.range.end);
            if !in_marker {
                found.push(TextMatch {
                    found_in: FoundIn::Paragraph(paragraph),
                    range,
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(text: &'t str, phrase: &str) -> Vec<&'t str> {
        find_in_text(text, phrase)
            .into_iter()
            .filter_map(|range| text.get(range))
            .collect()
    }

    #[test]
    fn finds_every_occurrence_ignoring_case() {
        assert_eq!(
            found("Trade and trafficking; TRADE again, traded.", "trade"),
            vec!["Trade", "TRADE", "trade"]
        );
        assert!(found("nothing here", "trade").is_empty());
    }

    #[test]
    fn occurrences_do_not_overlap() {
        assert_eq!(found("aaaa", "aa"), vec!["aa", "aa"]);
        assert_eq!(found("aaa", "aa"), vec!["aa"]);
    }

    #[test]
    fn ranges_are_bytes_of_the_original_text() {
        let text = "Ünïcode café ÉTÉ été";
        assert_eq!(found(text, "été"), vec!["ÉTÉ", "été"]);
        assert_eq!(found(text, "CAFÉ"), vec!["café"]);
        // A capital that lower-cases to two characters maps back to itself.
        assert_eq!(found("İstanbul", "i̇stanbul"), vec!["İstanbul"]);
        // Occurrences that would share such a capital are found once.
        assert_eq!(found("İİİ", "\u{307}i"), vec!["İİ"]);
    }

    #[test]
    fn raised_and_lowered_characters_are_found_by_their_base() {
        assert_eq!(found("CO₂ and 10⁻³ mol", "co2"), vec!["CO₂"]);
        assert_eq!(found("CO₂ and 10⁻³ mol", "10-3"), vec!["10⁻³"]);
        assert_eq!(found("x₍₁₎", "X(1)"), vec!["x₍₁₎"]);
    }

    #[test]
    fn any_space_matches_any_space_and_blank_phrases_find_nothing() {
        assert_eq!(found("law\u{a0}enforcement", "law enforcement").len(), 1);
        assert!(find_in_text("a b", " ").is_empty());
        assert!(find_in_text("a b", "").is_empty());
    }

    /// Find by definition: the folded text compared with the folded phrase at every
    /// character, an occurrence skipped past once found.
    fn find_by_definition(text: &str, phrase: &str) -> Vec<Range<usize>> {
        let needle: Vec<char> = phrase.chars().flat_map(fold_char).collect();
        let haystack: Vec<(char, Range<usize>)> = text
            .char_indices()
            .flat_map(|(start, c)| fold_char(c).map(move |f| (f, start..start + c.len_utf8())))
            .collect();
        let mut found: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        while start + needle.len() <= haystack.len() {
            let window = &haystack[start..start + needle.len()];
            if !window
                .iter()
                .zip(&needle)
                .all(|((have, _), want)| have == want)
            {
                start += 1;
                continue;
            }
            let range = window[0].1.start..window[window.len() - 1].1.end;
            if found
                .last()
                .is_none_or(|previous| previous.end <= range.start)
            {
                found.push(range);
            }
            start += needle.len();
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn ascii_text_is_found_as_by_definition(
            text in "[aAbBkK \t\n\x0b\r.]{0,40}",
            phrase in "[aAbBk \t.\u{212a}]{1,4}",
        ) {
            proptest::prop_assume!(!phrase.trim().is_empty());
            proptest::prop_assert_eq!(find_in_text(&text, &phrase), find_by_definition(&text, &phrase));
        }

        #[test]
        fn any_text_is_found_as_by_definition(
            text in "[aAiIbé É\u{a0}\u{130}\u{307}\u{212a}kK日.]{0,40}",
            phrase in "[aAiIbé É\u{130}\u{307}\u{212a}kK日]{1,4}",
        ) {
            proptest::prop_assume!(!phrase.trim().is_empty());
            proptest::prop_assert_eq!(find_in_text(&text, &phrase), find_by_definition(&text, &phrase));
        }
    }

    #[test]
    fn the_builtin_paper_is_searched_as_printed() {
        let corpus = Corpus::builtin();
        let matches = find_in_paper(&corpus, "INTERPOL");
        // Interpol is named twice in one paragraph of the paper's text.
        assert_eq!(matches.len(), 2, "{matches:?}");
        assert!(matches.iter().all(|m| m.found_in == matches[0].found_in));
        // A citation is found as the paper prints it.
        let printed = &corpus.index.citations[0];
        let paragraph = &corpus.index.paragraphs[printed.paragraph].printed;
        let marker = &paragraph[printed.range.clone()];
        assert!(
            find_in_paper(&corpus, marker).iter().any(|m| {
                m.found_in == FoundIn::Paragraph(printed.paragraph) && m.range == printed.range
            }),
            "{marker}"
        );
        // Headings first, then paragraphs, each in order and left to right.
        let common = find_in_paper(&corpus, "the");
        assert!(common.len() > 50);
        assert!(common.windows(2).all(|pair| {
            (pair[0].found_in, pair[0].range.start) < (pair[1].found_in, pair[1].range.start)
        }));
        // A heading is found as the Reader prints it.
        let headings = find_in_paper(&corpus, "literature review")
            .into_iter()
            .filter(|m| matches!(m.found_in, FoundIn::Heading(_)))
            .count();
        assert_eq!(headings, 1);
        // The title and abstract come first.
        let liberalism = find_in_paper(&corpus, "liberalism");
        assert_eq!(liberalism.first().map(|m| m.found_in), Some(FoundIn::Title));
        assert!(liberalism.iter().any(|m| m.found_in == FoundIn::Abstract));
    }
}

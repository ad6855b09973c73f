//! Where sentences end: the one splitter the cross-link index (citing sentences) and the
//! headings of figures and tables (a caption's first sentence) share.

use std::ops::Range;

/// Words ending in a full stop that do not end a sentence, compared whole, after any opening
/// bracket or quote, and without regard to ASCII case (`"(e.g."` is `"e.g."`, `"Fig."` is
/// `"fig."`; `"total."` is not `"al."`).
const ABBREVIATIONS: [&str; 24] = [
    "e.g.", "i.e.", "U.S.", "etc.", "vs.", "cf.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.",
    "al.", "Fig.", "Figs.", "Eq.", "Eqs.", "Ref.", "Refs.", "approx.", "ca.", "p.", "pp.", "vol.",
];

/// Abbreviations compared in their own case: `"No. 5"` is a number, `"… was no. The"` ends a
/// sentence.
const CASED_ABBREVIATIONS: [&str; 2] = ["No.", "Nos."];

/// Bytes of the word before a full stop that are looked at; longer words are never
/// abbreviations or initials.
const MAX_WORD_BEFORE: usize = 32;

/// Splits text into sentences: a sentence ends at `.`, `?` or `!` (with any closing quote or
/// bracket) followed by white space and a capital letter, digit, quote or opening bracket,
/// except after a common abbreviation (`e.g.`, `et al.`, `Fig.`, `pp.`) or an initial.
/// Always at least one range; the ranges are in order and do not overlap.
#[must_use]
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut from = 0;
    // The terminators are ASCII, so a byte search finds them at char boundaries.
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr3(b'.', b'?', b'!', rest))
    {
        let offset = from + found;
        // Include closing quotes and brackets.
        let rest = text.get(offset + 1..).unwrap_or_default();
        let closing = rest
            .char_indices()
            .find(|&(_, c)| !matches!(c, '"' | '”' | '’' | '\'' | ')'))
            .map_or(rest.len(), |(n, _)| n);
        let end = offset + 1 + closing;
        let after = text.get(end..).unwrap_or_default();
        if starts_sentence(after) && !ends_in_abbreviation(text, offset) {
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

/// Moves citation markers printed just after a sentence's stop into that sentence: in
/// `"… in patients. [1,7] However, …"` the markers `[1,7]` back the sentence before them, as
/// papers that print their markers after the full stop mean. A sentence that opens with
/// `citations` (in order; `range` gives each one's byte range in `text`) keeps them when a lower-case word follows
/// (`"[3] showed that …"` names the work as its subject); otherwise they, and any white space
/// or commas between them, join the sentence before. A sentence left with nothing else is
/// dropped. A marker printed right against the stop, as raised numbers are
/// (`"… on CSP.1 In brief, …"`), ends its sentence too when a new one starts after it.
/// `sentences` are as [`split_sentences`] gives them.
pub fn attach_markers_after_stops<C>(
    text: &str,
    sentences: &mut Vec<Range<usize>>,
    citations: &[C],
    range: impl Fn(&C) -> Range<usize> + Copy,
) {
    if citations.is_empty() {
        return;
    }
    split_after_raised_markers(text, sentences, citations, range);
    let mut index = 1;
    while index < sentences.len() {
        let Some(start) = sentences.get(index).map(|s| s.start) else {
            break;
        };
        let sentence_end = sentences.get(index).map_or(start, |s| s.end);
        let first = citations.partition_point(|c| range(c).start < start);
        // The longest run of markers after which the sentence ends or a new one starts.
        let mut reach = start;
        let mut end = None;
        for citation in citations.get(first..).unwrap_or_default().iter().map(range) {
            let gap = text.get(reach..citation.start);
            if citation.end > sentence_end
                || !gap.is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || c == ','))
            {
                break;
            }
            reach = citation.end;
            let after = text.get(reach..sentence_end).unwrap_or_default();
            if after.trim().is_empty() || starts_sentence(after) {
                end = Some(reach);
            }
        }
        let Some(end) = end else {
            index += 1;
            continue;
        };
        let after = text.get(end..sentence_end).unwrap_or_default();
        let only_markers = after.trim().is_empty();
        if let Some(before) = sentences.get_mut(index - 1) {
            before.end = end;
        }
        let next = after
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(sentence_end, |(n, _)| end + n);
        if only_markers {
            sentences.remove(index);
        } else if let Some(sentence) = sentences.get_mut(index) {
            sentence.start = next;
            index += 1;
        }
    }
}

/// Ends a sentence after markers printed right against its stop (`"CSP.1 In brief"`,
/// `"NS-LBBP.2–4 The term"`), which [`split_sentences`] cannot see: a stop must be followed by
/// white space there.
fn split_after_raised_markers<C>(
    text: &str,
    sentences: &mut Vec<Range<usize>>,
    citations: &[C],
    range: impl Fn(&C) -> Range<usize>,
) {
    let mut position = 0;
    while let Some(first) = citations.get(position).map(&range) {
        position += 1;
        let before = text.get(..first.start).unwrap_or_default();
        let stop = before.trim_end_matches(['"', '”', '’', '\'', ')']);
        if !stop.ends_with(['.', '?', '!']) || ends_in_abbreviation(text, stop.len() - 1) {
            continue;
        }
        // The markers run on with nothing but commas between them (`1,2`).
        let mut end = first.end;
        while let Some(next) = citations.get(position).map(&range)
            && text
                .get(end..next.start)
                .is_some_and(|gap| gap.chars().all(|c| c == ','))
        {
            end = next.end;
            position += 1;
        }
        let at = sentences.partition_point(|s| s.end <= end);
        if sentences.get(at).is_none_or(|s| s.start >= end) {
            continue;
        }
        let after = text.get(end..).unwrap_or_default();
        if !starts_sentence(after) {
            continue;
        }
        let next_start = after
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(text.len(), |(n, _)| end + n);
        let Some(sentence) = sentences.get_mut(at) else {
            continue;
        };
        let rest = next_start..sentence.end;
        sentence.end = end;
        if !rest.is_empty() {
            sentences.insert(at + 1, rest);
        }
    }
}

/// The first sentence of `text` and the rest after it, both trimmed, when the text goes on
/// after its first sentence; `None` when it is one sentence (or none).
#[must_use]
pub fn first_sentence_and_rest(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    let first = split_sentences(text).into_iter().next()?;
    let rest = text.get(first.end..)?.trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((text.get(first)?.trim_end(), rest))
}

/// Whether the text after a stop opens a new sentence: white space, then a capital (or a letter
/// of a script without case), a digit, a quote or an opening bracket.
fn starts_sentence(after: &str) -> bool {
    // The rest is only worked out after white space (so a long run like `x.x.x.` stays cheap).
    after.chars().next().is_some_and(char::is_whitespace)
        && after.chars().find(|c| !c.is_whitespace()).is_some_and(|c| {
            c.is_uppercase()
                || (c.is_alphabetic() && !c.is_lowercase())
                || c.is_ascii_digit()
                || matches!(c, '[' | '"' | '“' | '‘' | '(')
        })
}

/// Whether the stop at byte `offset` of `text` ends an abbreviation or an initial
/// (`"M."` in `"M. E. Porter"`) rather than a sentence.
fn ends_in_abbreviation(text: &str, offset: usize) -> bool {
    // Only the last few characters of the word matter; looking further back would make a long
    // run without spaces quadratic.
    let window_start = text.floor_char_boundary(offset.saturating_sub(MAX_WORD_BEFORE));
    let window = text.get(window_start..=offset).unwrap_or_default();
    let whole_word = window_start == 0 || window.contains(char::is_whitespace);
    let word = window
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(['(', '[', '"', '“', '‘', '\'']);
    let is_stop = text.as_bytes().get(offset) == Some(&b'.');
    let is_initial = || {
        let mut letters = word.chars();
        letters.next().is_some_and(char::is_uppercase) && letters.as_str() == "."
    };
    is_stop
        && whole_word
        && (ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
            || CASED_ABBREVIATIONS.contains(&word)
            || is_initial())
}

#[cfg(test)]
mod tests {
    use super::{attach_markers_after_stops, first_sentence_and_rest, split_sentences};

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
    fn a_word_that_merely_ends_like_an_abbreviation_ends_its_sentence() {
        // "total." ends in "al." and "group." in "p.", yet both end sentences; "et al." and
        // "pp." do not.
        assert_eq!(
            sentences_of(
                "The effect was total. Smith et al. [4] saw it in one group. Then pp. 12–14 say why."
            ),
            vec![
                "The effect was total.",
                "Smith et al. [4] saw it in one group.",
                "Then pp. 12–14 say why."
            ]
        );
    }

    #[test]
    fn a_figure_or_equation_named_before_its_number_does_not_end_a_sentence() {
        assert_eq!(
            sentences_of(
                "Growth slowed (see Fig. 2 and Figs. 3–4), as Eq. 5 predicts (cf. Ref. 9). Rates \
                 fell (fig. 6). Next."
            ),
            vec![
                "Growth slowed (see Fig. 2 and Figs. 3–4), as Eq. 5 predicts (cf. Ref. 9).",
                "Rates fell (fig. 6).",
                "Next."
            ]
        );
    }

    #[test]
    fn questions_exclamations_and_brackets_end_sentences_too() {
        assert_eq!(
            sentences_of("Does it work? Yes! (A) Counts. [B] Rates."),
            vec!["Does it work?", "Yes!", "(A) Counts.", "[B] Rates."]
        );
        assert_eq!(sentences_of(""), vec![""]);
        assert_eq!(sentences_of("no stop here"), vec!["no stop here"]);
    }

    #[test]
    fn the_first_sentence_and_the_rest() {
        assert_eq!(
            first_sentence_and_rest("  Growth by region. (A) Counts. (B) Rates. "),
            Some(("Growth by region.", "(A) Counts. (B) Rates."))
        );
        assert_eq!(first_sentence_and_rest("One sentence only."), None);
        assert_eq!(first_sentence_and_rest("   "), None);
    }

    /// The sentences of `text` with the markers at `markers` (each found by its text, in
    /// order) attached.
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::expect_used)]
    fn with_markers<'t>(text: &'t str, markers: &[&str]) -> Vec<&'t str> {
        let mut from = 0;
        let mut ranges = Vec::new();
        for marker in markers {
            let at = from
                + text[from..]
                    .find(marker)
                    .expect("the marker is in the text");
            ranges.push(at..at + marker.len());
            from = at + marker.len();
        }
        let mut sentences = split_sentences(text);
        attach_markers_after_stops(text, &mut sentences, &ranges, std::ops::Range::clone);
        sentences.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn markers_printed_after_a_stop_back_the_sentence_before_them() {
        let text = "It is applied in patients. [1,[4][5] However, biopsy is reliable. [1,7] \
                    Various causes are known. [8], [9] [3] showed that one is common. It was \
                    measured. [11][12]";
        assert_eq!(
            with_markers(
                text,
                &[
                    "[1,[4]", "[5]", "[1,7]", "[8]", "[9]", "[3]", "[11]", "[12]"
                ]
            ),
            vec![
                "It is applied in patients. [1,[4][5]",
                "However, biopsy is reliable. [1,7]",
                "Various causes are known. [8], [9]",
                "[3] showed that one is common.",
                "It was measured. [11][12]",
            ]
        );
        // Markers before the stop, and a bracket that is no citation, are left alone.
        let text = "Trafficking grew [2]. [A] Counts rose.";
        assert_eq!(
            with_markers(text, &["[2]"]),
            vec!["Trafficking grew [2].", "[A] Counts rose."]
        );
        assert_eq!(
            with_markers("[4] One. Two.", &["[4]"]),
            vec!["[4] One.", "Two."]
        );
    }

    #[test]
    fn raised_markers_against_the_stop_end_their_sentence() {
        let text = "It was agreed on CSP.1 In brief, septal pacing differs. It is similar in \
                    NS-LBBP.2–4 The term covers both,3 as Smith et al.5 showed.6,7";
        assert_eq!(
            with_markers(text, &["1", "2–4", "3", "5", "6", "7"]),
            vec![
                "It was agreed on CSP.1",
                "In brief, septal pacing differs.",
                "It is similar in NS-LBBP.2–4",
                "The term covers both,3 as Smith et al.5 showed.6,7",
            ]
        );
    }
}

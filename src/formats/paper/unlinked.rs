//! Citations a source prints without marking them: in an author–date paper whose markup links
//! most citations to their references (a JATS `xref`), a few are often left as plain text
//! (`(Köllner et al., 2009; <xref>Schuman et al., 2014</xref>)`). Those whose authors and year
//! name a work of the reference list become citations of it; the rest stays text.
//!
//! Each piece of text is read with every marker already there standing in as one character
//! that is no part of a name, so a parenthesis mixing marked and unmarked citations is read
//! whole and a marked one is never read again.

use super::plain::{Works, find_author_year};
use super::{Rich, Span};

/// What stands in for a span that is not plain text while the text is read.
const STAND_IN: char = '\u{FFFC}';
/// [`STAND_IN`] as text.
const STAND_IN_TEXT: &str = "\u{FFFC}";

/// Turns the unmarked author–date citations in `rich` that name works of `works` into
/// citations; returns how many it made.
pub(super) fn cite_unlinked(rich: &mut Rich, works: &Works) -> usize {
    if !rich
        .spans
        .iter()
        .any(|span| matches!(span, Span::Text(text) if text.contains(['(', '['])))
    {
        return 0;
    }
    // The text as printed (a stand-in for each span that is not plain text), where each span
    // starts in it, and the text read: every run of white space in it one space (a line break
    // in the source, `Pacyna et al.,⏎2003`, a no-break space, `et\u{a0}al.`), with the place
    // in the printed text each of its bytes comes from.
    let mut printed_length = 0;
    let mut starts = Vec::with_capacity(rich.spans.len());
    let mut read = String::new();
    let mut origin: Vec<usize> = Vec::new();
    for span in &rich.spans {
        starts.push(printed_length);
        let text = match span {
            Span::Text(text) => text.as_str(),
            _ => STAND_IN_TEXT,
        };
        for (at, c) in text.char_indices() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if c == ' ' && read.ends_with(' ') {
                continue;
            }
            read.push(c);
            origin.resize(read.len(), printed_length + at);
        }
        printed_length += text.len();
    }
    origin.push(printed_length);
    let found: Vec<_> = find_author_year(&read, works)
        .into_iter()
        .filter(|found| !found.keys.is_empty())
        .filter(|found| {
            read.get(found.range.clone())
                .is_some_and(|printed| !printed.contains(STAND_IN))
        })
        .filter_map(|mut found| {
            found.range = *origin.get(found.range.start)?..*origin.get(found.range.end)?;
            Some(found)
        })
        .collect();
    if found.is_empty() {
        return 0;
    }
    let mut made = 0;
    let mut found = found.into_iter().peekable();
    let mut spans = Vec::with_capacity(rich.spans.len() + 2);
    for (span, start) in std::mem::take(&mut rich.spans).into_iter().zip(starts) {
        let Span::Text(text) = span else {
            spans.push(span);
            continue;
        };
        let end = start + text.len();
        let mut at = 0;
        while let Some(citation) = found.next_if(|f| f.range.end <= end) {
            let (Some(from), Some(to)) = (
                citation.range.start.checked_sub(start),
                citation.range.end.checked_sub(start),
            ) else {
                continue;
            };
            let (Some(before), Some(printed)) = (text.get(at..from), text.get(from..to)) else {
                continue;
            };
            if !before.is_empty() {
                spans.push(Span::Text(before.to_owned()));
            }
            spans.push(Span::Cite {
                printed: printed.to_owned(),
                keys: citation.keys,
            });
            made += 1;
            at = to;
        }
        if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
            spans.push(Span::Text(rest.to_owned()));
        }
    }
    rich.spans = spans;
    made
}

/// Whether a paper cites by authors and year: most of its `markers` citation markers, `dated`
/// of which print a year (see [`prints_a_year`]), do.
pub(super) fn most_print_a_year(markers: usize, dated: usize) -> bool {
    dated * 2 > markers
}

/// Whether `text` (a citation marker) prints a year from 1500 to 2099 (`2014`, `2014a`): four
/// digits standing apart from other digits.
pub(super) fn prints_a_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(4).enumerate().any(|(at, four)| {
        four.iter().all(u8::is_ascii_digit)
            && matches!(four, [b'1', b'5'..=b'9', ..] | [b'2', b'0', ..])
            && !at
                .checked_sub(1)
                .and_then(|before| bytes.get(before))
                .is_some_and(u8::is_ascii_digit)
            && !bytes.get(at + 4).is_some_and(u8::is_ascii_digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Reference;

    fn works() -> Works {
        let reference = |id: &str, family: &str, second: &str, year: i32| -> Reference {
            serde_json::from_value(serde_json::json!({
                "id": id,
                "type": "article-journal",
                "title": format!("Work of {family}"),
                "author": [{"family": family, "given": "A"}, {"family": second, "given": "B"},
                           {"family": "Third", "given": "C"}],
                "issued": {"date-parts": [[year]]}
            }))
            .unwrap_or_default()
        };
        Works::author_date(&[
            reference("bib1", "Köllner", "Held", 2009),
            reference("bib2", "Schuman", "Barthel", 2014),
        ])
    }

    fn cites(rich: &Rich) -> Vec<(String, Vec<String>)> {
        rich.spans
            .iter()
            .filter_map(|span| match span {
                Span::Cite { printed, keys } => Some((printed.clone(), keys.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_citation_across_a_line_break_or_a_no_break_space_is_linked_as_printed() {
        let mut rich = Rich::text("as shown (Köllner\n   et\u{a0}al., 2009; ");
        rich.push_cite("Schuman et al., 2014", vec!["bib2".to_owned()]);
        rich.push_text(") and by Schuman et\u{a0}al.\n(2014).");
        assert_eq!(cite_unlinked(&mut rich, &works()), 2);
        assert_eq!(
            cites(&rich),
            [
                (
                    "Köllner\n   et\u{a0}al., 2009".to_owned(),
                    vec!["bib1".to_owned()]
                ),
                ("Schuman et al., 2014".to_owned(), vec!["bib2".to_owned()]),
                (
                    "Schuman et\u{a0}al.\n(2014)".to_owned(),
                    vec!["bib2".to_owned()]
                ),
            ],
            "the text around them is kept as it is"
        );
        assert_eq!(
            rich.plain(),
            "as shown (Köllner et al., 2009; Schuman et al., 2014) and by Schuman et al. (2014)."
        );
    }

    #[test]
    fn an_unmarked_citation_beside_a_marked_one_is_linked() {
        let mut rich = Rich::text("as its main products (Köllner et al., 2009; ");
        rich.push_cite("Schuman et al., 2014", vec!["bib2".to_owned()]);
        rich.push_text("), which was");
        assert_eq!(cite_unlinked(&mut rich, &works()), 1);
        assert_eq!(
            cites(&rich),
            [
                ("Köllner et al., 2009".to_owned(), vec!["bib1".to_owned()]),
                ("Schuman et al., 2014".to_owned(), vec!["bib2".to_owned()]),
            ]
        );
        assert_eq!(
            rich.plain(),
            "as its main products (Köllner et al., 2009; Schuman et al., 2014), which was"
        );
    }

    #[test]
    fn a_narrative_citation_is_linked_and_a_marked_or_unknown_one_is_left() {
        let mut rich = Rich::text("As Köllner et al. (2009) found, and Smith et al. (2009) not; ");
        rich.push_cite("Schuman et al.", vec!["bib2".to_owned()]);
        rich.push_text(" (2014) too.");
        assert_eq!(cite_unlinked(&mut rich, &works()), 1);
        assert_eq!(
            cites(&rich),
            [
                ("Köllner et al. (2009)".to_owned(), vec!["bib1".to_owned()]),
                ("Schuman et al.".to_owned(), vec!["bib2".to_owned()]),
            ],
            "a year after a marker is the marker's: not read again"
        );
        let mut plain = Rich::text("Nothing cited here (n = 12).");
        assert_eq!(cite_unlinked(&mut plain, &works()), 0);
        assert_eq!(plain, Rich::text("Nothing cited here (n = 12)."));
    }
}

//! A reference list another format prints as text (a PDF converter's Markdown: `## References`
//! and its entries) read as a plain-text list is, and the markers of that format's text made
//! citations of it: numbered markers of a numbered list, authors and year of an author–date
//! one.

use crate::corpus::model::Reference;
use crate::formats::paper::{Rich, Span};

use super::author_year::Works;
use super::{entries, inline, unique_ids, whole_list};

/// The references of a printed list's numbered entries (each its number and its text after
/// the number), read as a plain-text list's are.
pub(in crate::formats::paper) fn read_numbered_entries(
    numbered: Vec<(u32, String)>,
) -> Vec<Reference> {
    let entries: Vec<entries::Entry> = numbered
        .into_iter()
        .map(|(number, text)| entries::Entry {
            number: Some(number),
            text,
        })
        .collect();
    whole_list::references_of(&entries)
}

/// The references of a printed list's unnumbered entries (an author–date list), read as a
/// plain-text list's are, their ids made unique as citations name them (`smith2019a`), and the
/// works its citations name.
pub(in crate::formats::paper) fn read_author_date_entries(
    texts: Vec<String>,
) -> (Vec<Reference>, Works) {
    let entries: Vec<entries::Entry> = texts
        .into_iter()
        .map(|text| entries::Entry { number: None, text })
        .collect();
    let mut references = whole_list::references_of(&entries);
    unique_ids(&mut references);
    let works = Works::of(&references);
    (references, works)
}

/// `rich` with the citations its plain text prints made citations: with `works`, those naming
/// a work by its authors and year (`(Smith et al., 2019)`, `Lee (2020a)`); else the numbered
/// markers (`[1]`, `[2], [4]`, `[1-3]`), a marker naming only numbers of `known` (sorted,
/// without repeats) citing them. Any other is a marker whose target is missing. How many
/// citations it made.
pub(in crate::formats::paper) fn mark_citations(
    rich: &mut Rich,
    known: &[u32],
    works: Option<&Works>,
) -> usize {
    let citing = inline::Citing {
        known: if works.is_some() { &[] } else { known },
        works,
        superscripts: None,
        labels: None,
    };
    let mut marked = 0;
    let mut spans = Vec::with_capacity(rich.spans.len());
    for span in std::mem::take(&mut rich.spans) {
        let Span::Text(text) = span else {
            spans.push(span);
            continue;
        };
        let read = inline::rich(&text, &citing);
        marked += read
            .spans
            .iter()
            .filter(|span| matches!(span, Span::Marked(_) | Span::Cite { .. }))
            .count();
        spans.extend(read.spans);
    }
    rich.spans = spans;
    marked
}

/// Whether `text` is only the names of an entry's authors, printed given name first (`Yixin
/// Nie, …, and Douwe Kiela.`, `Paulius Micikevicius, …, et al.`): an entry a converter broke
/// after its names.
pub(in crate::formats::paper) fn is_names_only(text: &str) -> bool {
    let padded = format!("{} ", text.trim());
    super::names::given_first_authors(&padded, false)
        .is_some_and(|(_, rest)| rest.trim().is_empty())
}

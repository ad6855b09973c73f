//! The warnings the plain-text importer gives about what it could not read: blocks before
//! the first heading that are no part of the front matter, citations with no reference list to
//! name, and references read without their authors, title or year.

use crate::corpus::diagnostics::Location;
use crate::corpus::model::Reference;

use super::inline::strip_emphasis;
use super::{PaperBuilder, author_year, dated, inline};

/// The most warnings about single references, before they are counted together.
const MAX_REFERENCE_WARNINGS: usize = 5;

/// Warns, at the first of them, that the blocks at byte offsets `unread` (before the body)
/// were read as no part of the front matter and left out.
pub(super) fn unread_front(unread: &[usize], text: &str, builder: &mut PaperBuilder) {
    if let Some(&first) = unread.first() {
        builder.warn(
            format!(
                "{} before the first heading could not be read as title, authors, abstract or \
                 keywords and were left out",
                crate::corpus::counted(unread.len(), "block")
            ),
            "if they belong to the text, put a heading (such as `Introduction`) above them",
            Some(Location::at_offset(text, first, 0)),
        );
    }
}

/// Warns once, at the first of them, that the citations of a text without a reference list
/// name nothing: its numbered markers (`[3]`) and its author–date citations (`(Smith, 2019)`).
pub(super) fn no_list(text: &str, builder: &mut PaperBuilder) {
    let numbered = inline::markers(text);
    let dated = author_year::find(text, &author_year::Works::of(&[]));
    let first = numbered
        .first()
        .map(|marker| marker.start..marker.end)
        .into_iter()
        .chain(dated.first().map(|found| found.range.clone()))
        .min_by_key(|range| range.start);
    let Some(first) = first else {
        return;
    };
    let example = text.get(first.clone()).unwrap_or_default();
    builder.warn(
        format!(
            "no reference list was found, so the paper's {} (the first: \"{example}\") name \
             no reference and are kept as printed text",
            crate::corpus::counted(numbered.len() + dated.len(), "citation")
        ),
        "check that the file holds the whole paper (a text cut short before its reference list \
         has none); if the list is there under another heading, put a `References` heading \
         above it",
        Some(Location::at_offset(text, first.start, first.len())),
    );
}

/// Warns about references read without authors, title or year.
pub(super) fn references(references: &[Reference], text: &str, builder: &mut PaperBuilder) {
    let incomplete: Vec<&Reference> = references
        .iter()
        .filter(|r| lacks_title(r) || r.creators().is_empty() || lacks_year(r))
        .collect();
    for reference in incomplete.iter().take(MAX_REFERENCE_WARNINGS) {
        let number = reference
            .citation_number
            .map(|n| format!("[{n}] "))
            .unwrap_or_default();
        // Where its first words stand in the file (the entry was read with its lines joined).
        let start: String = reference
            .printed()
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect();
        let at = (!start.is_empty())
            .then(|| text.find(&start))
            .flatten()
            .map(|offset| Location::at_offset(text, offset, 0));
        builder.warn(
            format!(
                "reference {number}was read without its {}: the Inspector shows it as the \
                 list prints it",
                missing_parts(reference)
            ),
            "save the corpus and fill in the reference's fields by hand if you need them",
            at,
        );
    }
    if incomplete.len() > MAX_REFERENCE_WARNINGS {
        builder.warn(
            format!(
                "{} more were read without authors, title or year",
                crate::corpus::counted(incomplete.len() - MAX_REFERENCE_WARNINGS, "reference")
            ),
            "the Inspector shows each as the list prints it",
            None,
        );
    }
}

/// `authors and year`: what a reference lacks.
fn missing_parts(reference: &Reference) -> String {
    let mut parts = Vec::new();
    if reference.creators().is_empty() {
        parts.push("authors");
    }
    if lacks_title(reference) {
        parts.push("title");
    }
    if lacks_year(reference) {
        parts.push("year");
    }
    parts.join(" and ")
}

/// Whether a reference was read without a title its entry prints: not an article printed
/// with its journal alone ([`Reference::printed_without_title`]).
fn lacks_title(reference: &Reference) -> bool {
    reference.title.is_empty() && !reference.printed_without_title()
}

/// Whether a reference was read without the year its entry prints: not one printed `n.d.` or
/// `in press`, which has none.
fn lacks_year(reference: &Reference) -> bool {
    reference.issued.is_none()
        && dated::dated(&strip_emphasis(reference.printed().unwrap_or_default()))
            .is_none_or(|entry| entry.year.is_some())
}

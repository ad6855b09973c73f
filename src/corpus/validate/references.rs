//! References and the citations of them in the text.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::{Sink, flag_named};
use crate::corpus::citations::shorten;
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath, guide_hint};
use crate::corpus::index::{MAX_MISSING_RANGES, ParagraphText, TextPass, UnknownNumber};
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::model::{CSL_ITEM_TYPES, CorpusFile};
use crate::corpus::text::nearest_word;

/// Titles, CSL types and citation numbers of the references.
pub(super) fn check_references(file: &CorpusFile, out: &mut Sink) {
    let mut numbers: HashMap<u32, &str> = HashMap::new();
    for (i, reference) in file.references.iter().enumerate() {
        let path = JsonPath::root().key("references").index(i);
        if reference.title.trim().is_empty() && !reference.printed_without_title() {
            out.push(
                Diagnostic::warning(
                    Code::EmptyText,
                    format!("reference `{}` has no title", reference.id),
                    "add the title as the reference list prints it",
                )
                .at(path.clone()),
            );
        }
        if !CSL_ITEM_TYPES.contains(&reference.item_type.as_str()) {
            out.push(
                Diagnostic::warning(
                    Code::UnknownCslType,
                    format!(
                        "reference `{}` has type `{}`, which is not a CSL item type; citation styles will format it as a generic work",
                        reference.id, reference.item_type
                    ),
                    nearest_csl_type(&reference.item_type).map_or_else(
                        || format!("use a CSL 1.0.2 item type: `article-journal`, `book`, `chapter`, `report`, `thesis`, `webpage` …; {}", guide_hint("References (CSL-JSON)")),
                        |nearest| format!("did you mean `{nearest}`? {}", guide_hint("References (CSL-JSON)")),
                    ),
                )
                .at(path.key("type")),
            );
        }
        if let Some(number) = reference.citation_number {
            if let Some(first) = numbers.get(&number) {
                out.push(
                    Diagnostic::error(
                        Code::DuplicateCitationNumber,
                        format!(
                            "citation number {number} is used by `{first}` and `{}`",
                            reference.id
                        ),
                        "give each reference the number the paper prints for it",
                    )
                    .at(path.key("citation-number")),
                );
            } else {
                numbers.insert(number, &reference.id);
            }
        }
    }
}

/// The CSL item type `written` is most likely a slip for (`boook`, `Book`, `article_journal`),
/// if one is close enough to suggest.
fn nearest_csl_type(written: &str) -> Option<&'static str> {
    nearest_word(written, &CSL_ITEM_TYPES, 0.85)
}

/// Checks every citation the text pass found; returns the printed text of each quoted paragraph
/// by id.
pub(super) fn check_citations<'a>(
    file: &'a CorpusFile,
    ids: &IdMaps<'_>,
    text: &'a TextPass<'_>,
    quoted: &HashSet<&str>,
    out: &mut Sink,
) -> HashMap<&'a str, &'a str> {
    let mut cited = vec![false; file.references.len()];
    let mut printed = HashMap::new();
    // Worked out only when a citation names no reference.
    let reference_ids = OnceCell::new();
    let carried_numbers = OnceCell::new();
    let paragraphs = file.sections.iter().enumerate().flat_map(|(i, section)| {
        section
            .paragraphs
            .iter()
            .enumerate()
            .map(move |(j, paragraph)| (i, j, paragraph))
    });
    for ((i, j, paragraph), read) in paragraphs.zip(&text.paragraphs) {
        let path = JsonPath::root()
            .key("sections")
            .index(i)
            .key("paragraphs")
            .index(j)
            .key("text");
        let found = Found {
            file,
            reference_ids: &reference_ids,
            carried_numbers: &carried_numbers,
        };
        found.check(read, &paragraph.text, &path, &mut cited, out);
        if quoted.contains(paragraph.id.as_str()) {
            printed.insert(paragraph.id.as_str(), read.info.printed.as_str());
        }
    }
    for cell in &text.cells {
        let path = JsonPath::root()
            .key("tables")
            .index(cell.table)
            .key("rows")
            .index(cell.row)
            .key("cells")
            .index(cell.column);
        let written = file
            .tables
            .get(cell.table)
            .and_then(|t| t.rows.get(cell.row))
            .and_then(|r| r.cells.get(cell.column))
            .map_or("", String::as_str);
        let found = Found {
            file,
            reference_ids: &reference_ids,
            carried_numbers: &carried_numbers,
        };
        found.check(&cell.read, written, &path, &mut cited, out);
    }
    // A caption or a footnote that cites counts as citing.
    let caption_cites = file
        .tables
        .iter()
        .flat_map(|t| &t.references)
        .chain(file.figures.iter().flat_map(|f| &f.references))
        .chain(file.footnotes.iter().flat_map(|f| &f.references));
    flag_named(ids, ItemKind::Reference, caption_cites, &mut cited);
    // A bibliography opened on its own has no text to cite from.
    let has_text = file.sections.iter().any(|s| !s.paragraphs.is_empty());
    for (i, reference) in file.references.iter().enumerate() {
        // A citation names the first reference with its key.
        let first = ids
            .position(ItemKind::Reference, &reference.id)
            .unwrap_or(i);
        if has_text && !reference.id.is_empty() && !cited.get(first).copied().unwrap_or(false) {
            out.push(
                Diagnostic::warning(
                    Code::UncitedReference,
                    format!(
                        "reference `{}` is never cited in the text, a caption, a table's notes or a \
                         footnote",
                        reference.id
                    ),
                    format!(
                        "cite it with `[@{}]` where the paper does, or remove it",
                        reference.id
                    ),
                )
                .at(JsonPath::root().key("references").index(i).key("id")),
            );
        }
    }
    printed
}

/// What a citation's problems are reported against: the file, and the lists a "did you mean"
/// or a "the references carry" needs, worked out once when first needed.
struct Found<'f, 'c> {
    file: &'f CorpusFile,
    reference_ids: &'c OnceCell<Vec<&'f str>>,
    carried_numbers: &'c OnceCell<String>,
}

impl Found<'_, '_> {
    /// Reports the citations written wrongly or naming nothing in one text read by the text
    /// pass (a paragraph or a table cell, `written` as in the file, at `path`), and marks the
    /// references it cites.
    fn check(
        &self,
        read: &ParagraphText<'_>,
        written: &str,
        path: &JsonPath,
        cited: &mut [bool],
        out: &mut Sink,
    ) {
        let (file, reference_ids, carried_numbers) =
            (self.file, self.reference_ids, self.carried_numbers);
        for error in &read.errors {
            out.push_with(Code::MalformedCitation, true, || {
                let snippet: String = written
                    .get(error.offset..)
                    .unwrap_or_default()
                    .chars()
                    .take(12)
                    .collect();
                Diagnostic::error(
                    Code::MalformedCitation,
                    error.message.clone(),
                    format!(
                        "write citations as `[@key]`, or `[@a; @b]` for a group; {}",
                        guide_hint("Citations in the text")
                    ),
                )
                .at(path.clone())
                .within(snippet)
            });
        }
        for key in &read.unknown_keys {
            out.push_with(Code::UnknownCitationKey, true, || {
                unknown_key(key, reference_ids.get_or_init(|| reference_ids_of(file)))
                    .at(path.clone())
                    .within(format!("@{key}"))
            });
        }
        for unknown in &read.unknown_numbers {
            out.push_with(Code::UnknownCitationNumber, true, || {
                unknown_number(
                    unknown,
                    carried_numbers.get_or_init(|| carried_numbers_of(file)),
                )
                .at(path.clone())
                .within(unknown.written)
            });
        }
        for citation in &read.citations {
            for &reference in &citation.references {
                if let Some(flag) = cited.get_mut(reference) {
                    *flag = true;
                }
            }
        }
    }
}

/// Every reference id, for "did you mean".
fn reference_ids_of(file: &CorpusFile) -> Vec<&str> {
    file.references.iter().map(|r| r.id.as_str()).collect()
}

/// A citation key that names no reference, with the id it is most likely a slip for.
fn unknown_key(key: &str, ids: &[&str]) -> Diagnostic {
    match nearest_word(key.trim_start_matches('@'), ids, 0.85) {
        Some(nearest) => Diagnostic::error(
            Code::UnknownCitationKey,
            format!("citation `@{key}` names no reference; did you mean `{nearest}`?"),
            format!("write `@{nearest}`, or add a reference with the id `{key}`"),
        ),
        None => Diagnostic::error(
            Code::UnknownCitationKey,
            format!("citation `@{key}` names no reference"),
            "add a reference with this id, or fix the key to match one in `references`; an `@` that cites nothing (a handle like `@WHO`) is written `\\\\@` in the JSON",
        ),
    }
}

/// The `citation-number`s the references carry, as ranges: `1–58`, `1–19, 21–58`.
fn carried_numbers_of(file: &CorpusFile) -> String {
    let mut numbers: Vec<u32> = file
        .references
        .iter()
        .filter_map(|r| r.citation_number)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for number in numbers {
        match ranges.last_mut() {
            Some((_, to)) if to.checked_add(1) == Some(number) => *to = number,
            _ => ranges.push((number, number)),
        }
    }
    number_ranges(&ranges, MAX_MISSING_RANGES)
}

/// `[(1, 19), (21, 58)]` → `1–19, 21–58`; after `max` ranges, `…`.
fn number_ranges(ranges: &[(u32, u32)], max: usize) -> String {
    let mut words: Vec<String> = ranges
        .iter()
        .take(max)
        .map(|&(from, to)| {
            if from == to {
                from.to_string()
            } else {
                format!("{from}–{to}")
            }
        })
        .collect();
    if ranges.len() > max {
        words.push("…".to_owned());
    }
    words.join(", ")
}

/// A numeric marker naming numbers no reference carries.
fn unknown_number(unknown: &UnknownNumber<'_>, carried: &str) -> Diagnostic {
    let written = shorten(unknown.written);
    let single = matches!(unknown.missing.as_slice(), [(from, to)] if from == to)
        && !unknown.written.contains([',', '-', '–', '—']);
    let message = if single {
        format!("`{written}` names no reference: the references carry numbers {carried}")
    } else {
        format!(
            "`{written}` names {}, which no reference carries: the references carry numbers {carried}",
            number_ranges(&unknown.missing, MAX_MISSING_RANGES)
        )
    };
    Diagnostic::error(
        Code::UnknownCitationNumber,
        message,
        format!(
            "give each reference the number the paper prints for it as its `citation-number`, or correct the marker (a bracket that cites nothing is written `\\\\[…]` in the JSON); {}",
            guide_hint("Citations in the text")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::nearest_csl_type;

    #[test]
    fn a_slip_in_a_csl_type_suggests_the_type_meant() {
        assert_eq!(nearest_csl_type("boook"), Some("book"));
        assert_eq!(nearest_csl_type("Book"), Some("book"));
        assert_eq!(nearest_csl_type("article_journal"), Some("article-journal"));
        assert_eq!(nearest_csl_type("artcle-journal"), Some("article-journal"));
        assert_eq!(nearest_csl_type("webpge"), Some("webpage"));
        // Nothing is suggested for a word that is not close to any type.
        assert_eq!(nearest_csl_type("zzz"), None);
        assert_eq!(nearest_csl_type(""), None);
        assert_eq!(nearest_csl_type(&"book".repeat(1_000_000)), None);
    }
}

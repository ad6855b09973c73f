//! Opening a bibliography (CSL-JSON, BibTeX/BibLaTeX or RIS) as a references-only corpus.
//!
//! [`ReferenceFormat::detect`] tells the formats apart by file extension and, failing that, by
//! content; [`import`] reads the references, reporting each bad entry as a located warning and skipping
//! it, and [`into_corpus_file`] wraps them in a corpus with no text.

use std::collections::HashMap;
use std::path::Path;

use crate::corpus::diagnostics::{Code, Diagnostic, Location};
use crate::corpus::model::{CorpusFile, FORMAT_V2, Paper, Reference};

use super::{ReferenceFormat, bibtex, csl_json, ris};

/// The references read from a bibliography file, and what went wrong on the way.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// The references that were read, in file order.
    pub references: Vec<Reference>,
    /// Where each reference starts in the source text (parallel to `references`).
    pub locations: Vec<Location>,
    /// Skipped entries and other problems (warnings), or why nothing could be read (errors).
    pub diagnostics: Vec<Diagnostic>,
}

impl Imported {
    /// Adds a reference read from the source at `location`.
    pub fn push(&mut self, reference: Reference, location: Location) {
        self.references.push(reference);
        self.locations.push(location);
    }

    /// Gives every reference a unique, non-empty id (renaming later duplicates `key-2`, `key-3`
    /// … with a warning) and numbers them: the `citation-number`s the file carries are kept
    /// when every reference has one and no two are equal; otherwise each reference is numbered
    /// by its position, from 1.
    pub fn finish(&mut self, source: &str) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (reference, location) in self.references.iter_mut().zip(&self.locations) {
            if reference.id.trim().is_empty() {
                reference.id = generated_id(reference);
            }
            let count = seen.entry(reference.id.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                let mut n = *count;
                let mut renamed = format!("{}-{n}", reference.id);
                while seen.contains_key(&renamed) {
                    n += 1;
                    renamed = format!("{}-{n}", reference.id);
                }
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::DuplicateId,
                        format!(
                            "the key `{}` is used again at line {}; this entry is loaded as `{renamed}`",
                            reference.id, location.line
                        ),
                        "give each entry its own key in the file",
                    )
                    .located(*location),
                );
                seen.insert(renamed.clone(), 1);
                reference.id = renamed;
            }
        }
        let numbers: Vec<Option<u32>> = self.references.iter().map(|r| r.citation_number).collect();
        let mut distinct: Vec<u32> = numbers.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let keep = numbers.iter().all(Option::is_some) && distinct.len() == numbers.len();
        if !keep {
            for (position, reference) in self.references.iter_mut().enumerate() {
                reference.citation_number = u32::try_from(position + 1).ok();
            }
        }
        if self.references.is_empty() && !self.diagnostics.iter().any(Diagnostic::is_error) {
            let location = Location::at_offset(source, 0, 0);
            self.diagnostics.push(
                Diagnostic::error(
                    Code::EmptyText,
                    "the file holds no bibliography entry that could be read",
                    "check that this is the file you meant; the warnings above say why entries were skipped",
                )
                .located(location),
            );
        }
    }
}

/// What the importers' unit tests look at: what was read and where problems were reported.
#[cfg(test)]
impl Imported {
    /// The ids read, in order.
    pub(crate) fn ids(&self) -> Vec<&str> {
        self.references.iter().map(|r| r.id.as_str()).collect()
    }

    /// The titles read, in order.
    pub(crate) fn titles(&self) -> Vec<&str> {
        crate::corpus::model::titles_of(&self.references)
    }

    /// The line of each diagnostic that has a location, in order.
    pub(crate) fn diagnostic_lines(&self) -> Vec<usize> {
        self.diagnostics
            .iter()
            .filter_map(|d| d.location.map(|l| l.line))
            .collect()
    }

    /// The references read, failing the test when anything was reported.
    pub(crate) fn without_diagnostics(self) -> Vec<Reference> {
        assert!(self.diagnostics.is_empty(), "{:?}", self.diagnostics);
        self.references
    }
}

/// An id for a reference that has none: first author's family name and year, e.g.
/// `porter1995`, or `ref` when neither is known.
fn generated_id(reference: &Reference) -> String {
    let name = reference
        .creators()
        .first()
        .map(|n| {
            if n.family.is_empty() {
                n.literal.clone()
            } else {
                n.family.clone()
            }
        })
        .unwrap_or_default();
    let mut id: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if let Some(year) = crate::corpus::cite::year(reference) {
        id.push_str(&year.to_string());
    }
    if id.is_empty() {
        id.push_str("ref");
    }
    id
}

pub use crate::corpus::text::without_byte_order_mark;

/// Reads the references of a bibliography in `format`. A byte-order mark at the start is
/// ignored: locations refer to [`without_byte_order_mark`]`(text)`.
#[must_use]
pub fn import(format: ReferenceFormat, text: &str) -> Imported {
    let text = without_byte_order_mark(text);
    let mut imported = match format {
        ReferenceFormat::CslJson => csl_json::import(text),
        ReferenceFormat::Bibtex => bibtex::import(text),
        ReferenceFormat::Ris => ris::import(text),
    };
    imported.finish(text);
    imported
}

/// The title a bibliography-only corpus gets: the file's name, or `"Bibliography"`.
#[must_use]
pub fn title_for(source_name: &str) -> String {
    Path::new(source_name)
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.trim().is_empty())
        .map_or_else(|| "Bibliography".to_owned(), ToOwned::to_owned)
}

/// A corpus holding only references: the paper's title is `title`, there are no sections.
#[must_use]
pub fn into_corpus_file(references: Vec<Reference>, title: &str) -> CorpusFile {
    CorpusFile {
        format: FORMAT_V2.to_owned(),
        paper: Paper {
            title: title.to_owned(),
            ..Paper::default()
        },
        references,
        ..CorpusFile::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_and_missing_ids_are_made_unique_and_numbers_assigned() {
        let reference = |id: &str, number: Option<u32>| Reference {
            id: id.to_owned(),
            item_type: "book".to_owned(),
            citation_number: number,
            ..Reference::default()
        };
        let source = "a\nb\nc\n";
        let mut imported = Imported::default();
        for (i, (id, n)) in [("x", Some(5)), ("x", Some(7)), ("", None)]
            .into_iter()
            .enumerate()
        {
            imported.push(reference(id, n), Location::at_offset(source, i * 2, 1));
        }
        imported.finish(source);
        assert_eq!(imported.ids(), ["x", "x-2", "ref"]);
        let numbers: Vec<Option<u32>> = imported
            .references
            .iter()
            .map(|r| r.citation_number)
            .collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
        assert_eq!(imported.diagnostics.len(), 1);
        assert_eq!(imported.diagnostics[0].code, Code::DuplicateId);
        assert_eq!(imported.diagnostics[0].location.map(|l| l.line), Some(2));
        assert!(!imported.diagnostics[0].is_error());
    }

    #[test]
    fn distinct_numbers_the_file_carries_are_kept() {
        let mut imported = Imported::default();
        for (id, n) in [("a", 8), ("b", 3)] {
            imported.push(
                Reference {
                    id: id.to_owned(),
                    citation_number: Some(n),
                    ..Reference::default()
                },
                Location::at_offset("", 0, 0),
            );
        }
        imported.finish("");
        let numbers: Vec<Option<u32>> = imported
            .references
            .iter()
            .map(|r| r.citation_number)
            .collect();
        assert_eq!(numbers, [Some(8), Some(3)]);
    }

    #[test]
    fn titles_come_from_the_file_name() {
        assert_eq!(title_for("/tmp/x/refs.bib"), "refs.bib");
        assert_eq!(title_for(""), "Bibliography");
    }
}

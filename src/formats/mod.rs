//! Reference-manager formats: citation styles, export and import.
//!
//! - [`styles`]: a reference formatted in APA, IEEE, Chicago (author-date), Harvard or MLA.
//! - Export: references as [`csl_json`], [`bibtex`] or [`ris`] (through
//!   [`export_references`]), each carrying its cross-links in the format's note field; the
//!   tables and the cases as [`csv`]; the whole corpus as JSON ([`export_corpus_json`]);
//!   the citation check's flags as CSV, JSON or a Markdown worksheet ([`flags`]).
//! - Import ([`import`]): a CSL-JSON, BibTeX/BibLaTeX or RIS file as a references-only corpus;
//!   the opening layer ([`crate::open`]) calls it for such files.
//! - [`ReferenceFormat`]: the one name for those three formats (label, file extensions,
//!   detection, the command line's `--format` word).
//!
//! Nothing here knows about the window: the command line, the window and the tests all call
//! these functions.

pub mod bibtex;
pub mod csl_json;
pub mod csv;
pub mod flags;
pub mod import;
pub mod links;
pub mod notes;
pub mod paper;
mod reference_format;
pub mod ris;
pub mod styles;

use std::fmt;

use crate::corpus::Corpus;
use crate::corpus::model::{CorpusFile, Reference};

pub use import::Imported;
pub use links::{CrossLinks, cross_links};
pub use reference_format::ReferenceFormat;
pub use styles::{
    BibliographyEntry, CitationForms, CitationStyle, format_bibliography,
    format_bibliography_entry, format_citations_of_all, format_in_text, format_narrative,
    format_year,
};

/// Why an export failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// A position given for export names no reference.
    NoSuchReference(usize),
    /// The output could not be serialised.
    Serialize(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSuchReference(position) => {
                write!(f, "there is no reference at position {position}")
            }
            Self::Serialize(message) => write!(f, "the export could not be written: {message}"),
        }
    }
}

impl std::error::Error for ExportError {}

/// The extension of `file_name`, lower-cased (`xml` for `Paper.XML`); empty when it has none.
/// What `detect` reads of a file's name, for papers and bibliographies alike.
pub(crate) fn lowercase_extension(file_name: &str) -> String {
    std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Whether `start` (a file's text from its first non-blank character) opens as JSON would: an
/// object, or an array whose first element is an object, an array or a string, or which is
/// empty, or any text that is JSON through to its end. A line opening on a numbered marker
/// (`[1] A. Author, …`) or a note in brackets (`[Draft]`) is text, not JSON.
pub(crate) fn opens_as_json(start: &str) -> bool {
    if start.starts_with('{') {
        return true;
    }
    let Some(inside) = start.strip_prefix('[') else {
        return false;
    };
    matches!(
        inside.trim_start().chars().next(),
        Some('{' | '[' | ']' | '"') | None
    ) || serde_json::from_str::<serde::de::IgnoredAny>(start).is_ok()
}

/// The references at `positions` (every reference, in list order, when `None`) in `format`.
///
/// # Errors
/// When a position names no reference.
pub fn export_references(
    corpus: &Corpus,
    format: ReferenceFormat,
    positions: Option<&[usize]>,
) -> Result<String, ExportError> {
    let every: Vec<usize>;
    let positions = if let Some(positions) = positions {
        positions
    } else {
        every = (0..corpus.file.references.len()).collect();
        &every
    };
    match format {
        ReferenceFormat::CslJson => csl_json::export(corpus, positions),
        ReferenceFormat::Bibtex => bibtex::export(corpus, positions),
        ReferenceFormat::Ris => ris::export(corpus, positions),
    }
}

/// Each reference at `positions`, in order, as `write` turns it (with its cross-links) into an
/// entry of the export: the one loop every reference format's export shares.
///
/// # Errors
/// When a position names no reference.
fn each_reference<T>(
    corpus: &Corpus,
    positions: &[usize],
    mut write: impl FnMut(&Reference, Option<&CrossLinks>) -> T,
) -> Result<Vec<T>, ExportError> {
    positions
        .iter()
        .map(|&position| {
            let reference = corpus
                .file
                .references
                .get(position)
                .ok_or(ExportError::NoSuchReference(position))?;
            Ok(write(reference, cross_links(corpus, position).as_ref()))
        })
        .collect()
}

/// The whole corpus as pretty-printed JSON in the format's canonical key order (with a final
/// newline); it loads back as the same corpus.
///
/// # Errors
/// Only if serialisation fails, which it does not for a loaded corpus.
pub fn export_corpus_json(file: &CorpusFile) -> Result<String, ExportError> {
    let mut text = serde_json::to_string_pretty(&file.for_saving())
        .map_err(|e| ExportError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

//! Reference-manager formats: citation styles, export and import.
//!
//! - [`styles`]: a reference formatted in APA, IEEE, Chicago (author-date), Harvard or MLA.
//! - Export: references as [`csl_json`], [`bibtex`] or [`ris`] (through
//!   [`export_references`]), each carrying its cross-links in the format's note field; the
//!   regional table and the cases as [`csv`]; the whole corpus as JSON ([`export_corpus_json`]).
//! - Import ([`import`]): a CSL-JSON, BibTeX/BibLaTeX or RIS file as a references-only corpus;
//!   [`crate::corpus::load`] calls it for such files.
//!
//! Nothing here knows about the window: the command line, the window and the tests all call
//! these functions.

pub mod bibtex;
pub mod csl_json;
pub mod csv;
pub mod import;
pub mod links;
pub mod ris;
pub mod styles;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::corpus::model::{CorpusFile, Reference};

pub use import::Imported;
pub use links::{CrossLinks, cross_links};
pub use styles::{
    BibliographyEntry, CitationStyle, format_bibliography, format_bibliography_entry,
    format_in_text,
};

/// A reference format: what paperlens exports references in and opens bibliographies from.
///
/// The one name for these three formats in every layer: the command line parses `--format`
/// into it (clap's [`clap::ValueEnum`], spelled `bibtex`, `ris`, `csl-json`), the window lists
/// [`ReferenceFormat::ALL`] in its export menu and [`import::detect`] tells which one a file
/// is in. Variants are declared in menu order, which is also the order `--help` lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceFormat {
    /// BibTeX or BibLaTeX (`.bib`; LaTeX, JabRef, Pandoc).
    #[value(help = "BibTeX (`.bib`)")]
    Bibtex,
    /// RIS (`.ris`: `TY  - …` … `ER  - ` records; EndNote, Zotero, Mendeley).
    #[value(help = "RIS (`.ris`)")]
    Ris,
    /// CSL-JSON, an array of items (`.json`; Zotero, Pandoc, citeproc).
    #[value(help = "CSL-JSON (`.json`)")]
    CslJson,
}

impl ReferenceFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 3] = [Self::Bibtex, Self::Ris, Self::CslJson];

    /// A human-readable name, e.g. `"BibTeX"`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::CslJson => "CSL-JSON",
            Self::Bibtex => "BibTeX",
            Self::Ris => "RIS",
        }
    }

    /// The usual file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::CslJson => "json",
            Self::Bibtex => "bib",
            Self::Ris => "ris",
        }
    }
}

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

/// The references at `positions` (every reference, in list order, when `None`) in `format`.
///
/// # Errors
/// When a position names no reference.
pub fn export_references(
    corpus: &Corpus,
    format: ReferenceFormat,
    positions: Option<&[usize]>,
) -> Result<String, ExportError> {
    let all: Vec<usize>;
    let positions = match positions {
        Some(positions) => positions,
        None => {
            all = (0..corpus.file.references.len()).collect();
            &all
        }
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
    let mut text =
        serde_json::to_string_pretty(file).map_err(|e| ExportError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

//! The opening layer: turns any file or bytes paperlens opens into a [`Corpus`] and its
//! [`LoadReport`].
//!
//! A paperlens corpus goes through [`crate::corpus::load`]; a bibliography (a CSL-JSON array,
//! BibTeX/BibLaTeX or RIS) goes through [`crate::formats::import`] and becomes a corpus holding
//! only references. The window and the command line open files through here; the model knows
//! only its own format.

use std::path::Path;

use crate::corpus::Corpus;
use crate::corpus::diagnostics::{Code, Diagnostic, PathSegment};
use crate::corpus::load::{self, LoadReport};
use crate::corpus::text::without_byte_order_mark;
use crate::formats::ReferenceFormat;
use crate::formats::import;

/// Opens a corpus file, or a bibliography file (`.json` CSL-JSON array, `.bib`, `.ris`), from
/// disk.
#[must_use]
pub fn open_path(path: &Path) -> LoadReport {
    let name = path.display().to_string();
    match load::read_limited(path) {
        Ok(bytes) => open_bytes(&bytes, &name),
        Err(diagnostic) => LoadReport::failed(&name, None, *diagnostic),
    }
}

/// Opens a corpus or a bibliography from raw bytes (checked for size and UTF-8 first);
/// `source_name`'s extension helps tell the formats apart.
#[must_use]
pub fn open_bytes(bytes: &[u8], source_name: &str) -> LoadReport {
    match load::decode(bytes, source_name) {
        Ok(text) => open_text(text, source_name),
        Err(report) => *report,
    }
}

/// Opens text in any format paperlens reads: a corpus, or a bibliography (CSL-JSON, BibTeX,
/// RIS) told apart by `source_name`'s extension and the text itself.
#[must_use]
pub fn open_text(text: &str, source_name: &str) -> LoadReport {
    match ReferenceFormat::detect(source_name, text) {
        Some(format) => open_bibliography(text, source_name, format),
        None => load::load_str(text, source_name),
    }
}

/// Opens a bibliography as a corpus holding only references: its title is the file's name,
/// it has no text. Entries that cannot be read are reported as warnings and left out; the
/// load fails only when none can be read.
#[must_use]
pub fn open_bibliography(text: &str, source_name: &str, format: ReferenceFormat) -> LoadReport {
    let imported = import::import(format, text);
    let mut report = LoadReport {
        source_name: source_name.to_owned(),
        source_text: Some(without_byte_order_mark(text).to_owned()),
        corpus: None,
        diagnostics: imported.diagnostics,
    };
    if report.diagnostics.iter().any(Diagnostic::is_error) {
        return report;
    }
    let locations = imported.locations;
    let file = import::into_corpus_file(imported.references, &import::title_for(source_name));
    let mut found = match Corpus::from_file(file, source_name) {
        Ok(corpus) => {
            let warnings = corpus.warnings.clone();
            report.corpus = Some(corpus);
            warnings
        }
        Err(diagnostics) => diagnostics,
    };
    // A BibTeX or RIS importer keeps the fields it has no CSL variable for under their own
    // names (`indextitle`, `eprinttype`): that is by design, not a slip to warn about.
    if format != ReferenceFormat::CslJson {
        found.retain(|diagnostic| diagnostic.code != Code::UnknownCslField);
    }
    // Validation speaks of `$.references[i]`; point it at the entry in the source instead.
    for diagnostic in &mut found {
        if diagnostic.location.is_none()
            && let Some(path) = &diagnostic.path
            && let [PathSegment::Key(key), PathSegment::Index(i), ..] = path.0.as_slice()
            && key == "references"
        {
            diagnostic.location = locations.get(*i).copied();
        }
    }
    report.diagnostics.extend(found);
    if let Some(corpus) = &mut report.corpus {
        corpus.warnings.clone_from(&report.diagnostics);
    }
    report
}

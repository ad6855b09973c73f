//! Checks shared by the importer fuzz targets.

use paperlens::corpus::diagnostics::render_human;
use paperlens::formats::ReferenceFormat;
use paperlens::formats::import::{import, without_byte_order_mark};
use paperlens::open::open_bytes;

/// Any bytes as a bibliography in `format`: the importer must return (never panic, never hang,
/// never overflow its stack) with every location inside the text, and so must the loader that
/// opens `file_name` (whose extension picks the format).
pub fn check_import(format: ReferenceFormat, file_name: &str, data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let imported = import(format, text);
        // Locations refer to the text without its byte-order mark, as the loader's do.
        let text = without_byte_order_mark(text);
        assert_eq!(imported.references.len(), imported.locations.len());
        for location in imported.locations.iter().chain(
            imported
                .diagnostics
                .iter()
                .filter_map(|d| d.location.as_ref()),
        ) {
            assert!(location.offset <= text.len());
            assert!(text.is_char_boundary(location.offset));
        }
        let _ = render_human(&imported.diagnostics, file_name, Some(text), false);
    }
    let report = open_bytes(data, file_name);
    if report.corpus.is_none() {
        assert!(report.diagnostics.iter().any(|d| d.is_error()));
    }
    if let Some(text) = &report.source_text {
        for location in report
            .diagnostics
            .iter()
            .filter_map(|d| d.location.as_ref())
        {
            assert!(location.offset <= text.len());
            assert!(text.is_char_boundary(location.offset));
        }
    }
    let _ = render_human(
        &report.diagnostics,
        file_name,
        report.source_text.as_deref(),
        false,
    );
}

/// Any bytes as a paper of `kind` (JATS, TEI, Markdown, plain text): the importer, the
/// validation of what it makes and the citation check of the paper must return (never panic,
/// never hang, never overflow the stack),
/// a failure must be an error diagnostic, and every location must be inside the text; the
/// loader, which tells the kind from the content and `file_name`, likewise.
pub fn check_paper(kind: paperlens::formats::paper::PaperKind, file_name: &str, data: &[u8]) {
    use paperlens::formats::paper::ImportOptions;
    let text = String::from_utf8_lossy(data);
    let report = paperlens::open::open_paper(&text, file_name, kind, &ImportOptions::default());
    if report.corpus.is_none() {
        assert!(report.diagnostics.iter().any(|d| d.is_error()));
    }
    if let Some(source) = &report.source_text {
        for location in report
            .diagnostics
            .iter()
            .filter_map(|d| d.location.as_ref())
        {
            assert!(location.offset <= source.len());
            assert!(source.is_char_boundary(location.offset));
        }
    }
    let _ = render_human(
        &report.diagnostics,
        file_name,
        report.source_text.as_deref(),
        false,
    );
    if let Some(corpus) = &report.corpus {
        let _ = paperlens::corpus::checks::CitationChecks::run(corpus);
    }
    let report = open_bytes(data, file_name);
    if report.corpus.is_none() {
        assert!(report.diagnostics.iter().any(|d| d.is_error()));
    }
}

//! Any bytes (as UTF-8-lossy text) as a Pandoc Markdown paper: the importer must return (never
//! panic, never hang), and what it makes must be a corpus the loader accepts or rejects with
//! an error diagnostic, every diagnostic location inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paperlens::corpus::Corpus;
use paperlens::formats::paper::{ImportOptions, PaperKind, import};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(imported) = import(PaperKind::Markdown, &text, &ImportOptions::default()) else {
        return;
    };
    for location in imported.diagnostics.iter().filter_map(|d| d.location.as_ref()) {
        assert!(location.offset <= text.len());
        assert!(text.is_char_boundary(location.offset));
    }
    if let Err(errors) = Corpus::from_file(imported.file, "fuzz.md") {
        assert!(errors.iter().any(|d| d.is_error()));
    }
});

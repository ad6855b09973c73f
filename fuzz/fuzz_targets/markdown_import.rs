//! Any bytes (as UTF-8-lossy text) as a Pandoc Markdown paper: the importer must return (never
//! panic, never hang), and what it makes must be a corpus the loader accepts or rejects with
//! an error diagnostic, every diagnostic location inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paperlens::corpus::Corpus;
use paperlens::formats::paper::{ImportOptions, PaperKind, import};

fuzz_target!(|data: &[u8]| {
    // Through the opening layer, as the window and `paperlens check` open it.
    paperlens_fuzz::check_paper(PaperKind::Markdown, "fuzz.md", data);
    let lossy = String::from_utf8_lossy(data);
    // `import` reads past one byte-order mark; its locations are in the text after it, as the
    // opening layer shows it.
    let text = lossy.strip_prefix('\u{feff}').unwrap_or(&lossy);
    let Ok(imported) = import(PaperKind::Markdown, &lossy, &ImportOptions::default()) else {
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

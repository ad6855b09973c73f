//! Any bytes as a plain-text paper (UTF-8, lossily): the importer must return (never panic,
//! never hang) with every location inside the text, and what it makes must be a corpus the
//! loader accepts or reports on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paperlens::corpus::Corpus;
use paperlens::corpus::diagnostics::render_human;
use paperlens::formats::paper::{ImportOptions, PaperKind, import};

fuzz_target!(|data: &[u8]| {
    let lossy = String::from_utf8_lossy(data);
    // `import` reads past one byte-order mark; its locations are in the text after it, as the
    // opening layer shows it.
    let text = lossy.strip_prefix('\u{feff}').unwrap_or(&lossy);
    match import(PaperKind::PlainText, &lossy, &ImportOptions::default()) {
        Ok(imported) => {
            for location in imported.diagnostics.iter().filter_map(|d| d.location.as_ref()) {
                assert!(location.offset <= text.len());
            }
            let _ = render_human(&imported.diagnostics, "fuzz.txt", Some(text), false);
            let _ = Corpus::from_file(imported.file, "fuzz.txt");
        }
        Err(error) => {
            assert!(error.is_error());
            if let Some(location) = &error.location {
                assert!(location.offset <= text.len());
            }
            let _ = render_human(&[*error], "fuzz.txt", Some(text), false);
        }
    }
    // Through the opening layer too, as the window and `paperlens check` open it.
    paperlens_fuzz::check_paper(PaperKind::PlainText, "fuzz.txt", data);
});

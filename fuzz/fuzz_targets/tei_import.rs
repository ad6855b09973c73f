//! Any bytes (read as UTF-8, invalid sequences replaced) as a GROBID TEI paper: the importer
//! must return a corpus or a located error, never panic, hang or overflow its stack, and every
//! location it gives must lie inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paperlens::corpus::diagnostics::render_human;
use paperlens::formats::paper::{ImportOptions, PaperKind, import};

fuzz_target!(|data: &[u8]| {
    let lossy = String::from_utf8_lossy(data);
    // `import` reads past one byte-order mark; its locations are in the text after it, as the
    // opening layer shows it.
    let text = lossy.strip_prefix('\u{feff}').unwrap_or(&lossy);
    match import(PaperKind::Tei, &lossy, &ImportOptions::default()) {
        Ok(imported) => {
            for location in imported
                .diagnostics
                .iter()
                .filter_map(|d| d.location.as_ref())
            {
                assert!(location.offset <= text.len());
                assert!(text.is_char_boundary(location.offset));
            }
            let _ = render_human(&imported.diagnostics, "fuzz.tei.xml", Some(text), false);
            // What the importer makes must load (it may hold warnings, never a panic).
            let _ = paperlens::corpus::Corpus::from_file(imported.file, "fuzz.tei.xml");
        }
        Err(error) => {
            assert!(error.is_error());
            if let Some(location) = &error.location {
                assert!(location.offset <= text.len());
                assert!(text.is_char_boundary(location.offset));
            }
            let _ = render_human(&[*error], "fuzz.tei.xml", Some(text), false);
        }
    }
    // Through the opening layer too, as the window and `paperlens check` open it.
    paperlens_fuzz::check_paper(PaperKind::Tei, "fuzz.tei.xml", data);
});

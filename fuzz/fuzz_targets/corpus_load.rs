//! Any bytes handed to the corpus loader: it must return a report (never panic, never hang),
//! with a diagnostic whenever no corpus came out, and every location inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paperlens::corpus::diagnostics::{render_human, render_json};
use paperlens::open::open_bytes;
use paperlens::corpus::search::SearchIndex;

fuzz_target!(|data: &[u8]| {
    let report = open_bytes(data, "fuzz.json");
    if report.corpus.is_none() {
        assert!(
            !report.diagnostics.is_empty(),
            "no corpus and no diagnostic"
        );
    }
    if let Some(text) = &report.source_text {
        for diagnostic in &report.diagnostics {
            if let Some(location) = diagnostic.location {
                assert!(location.offset <= text.len());
                assert!(text.is_char_boundary(location.offset));
                assert!(location.line >= 1 && location.column >= 1);
            }
        }
    }
    let human = render_human(
        &report.diagnostics,
        "fuzz.json",
        report.source_text.as_deref(),
        false,
    );
    assert_eq!(human.is_empty(), report.diagnostics.is_empty());
    let json = render_json(&report.diagnostics, "fuzz.json", &serde_json::Value::Null);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    if let Some(corpus) = &report.corpus {
        let index = SearchIndex::new(corpus);
        for hit in index.search("a", 3) {
            for range in hit.highlights {
                assert!(hit.label.get(range).is_some(), "a highlight splits a char");
            }
        }
    }
});

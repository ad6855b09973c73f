//! Any text as a paragraph of an otherwise valid corpus: citation parsing, validation, the
//! index (sentences, citations, mentions, years), search and the citation check must cope with
//! all of it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paperlens::corpus::checks::CitationChecks;
use paperlens::corpus::diagnostics::render_human;
use paperlens::corpus::index::split_sentences;
use paperlens::corpus::search::SearchIndex;
use paperlens::open::open_text;

/// A valid corpus with one paragraph whose text is `TEXT` (a JSON string).
const TEMPLATE: &str = r#"{"format": "paperlens-corpus/1",
 "paper": {"title": "T", "authors": [{"name": "A"}]},
 "sections": [{"id": "s", "title": "S", "paragraphs": [
   {"id": "p1", "text": "Cited [@r1]."},
   {"id": "p2", "text": TEXT}]}],
 "references": [{"id": "r1", "type": "book", "title": "R"}],
 "entities": [{"id": "e", "name": "Example Network", "kind": "place", "aliases": ["ExNet", "ün"], "description": "d"}]}"#;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for range in split_sentences(&text) {
        assert!(text.get(range).is_some(), "a sentence splits a char");
    }
    let Ok(json_text) = serde_json::to_string(&text) else {
        return;
    };
    let source = TEMPLATE.replacen("TEXT", &json_text, 1);
    let report = open_text(&source, "fuzz.json");
    let _ = render_human(
        &report.diagnostics,
        "fuzz.json",
        report.source_text.as_deref(),
        false,
    );
    if let Some(corpus) = &report.corpus {
        for paragraph in &corpus.index.paragraphs {
            for sentence in &paragraph.sentences {
                assert!(paragraph.printed.get(sentence.clone()).is_some());
            }
            for mention in &paragraph.mentions {
                assert!(paragraph.printed.get(mention.range.clone()).is_some());
            }
        }
        // The citation check reads the same text: every flag's sentence is the citing
        // sentence as printed, and every flag points at records that exist.
        let checks = CitationChecks::run(corpus);
        for flag in &checks.flags {
            if let Some(citation) = flag.citation {
                assert_eq!(
                    corpus.index.citing_sentence(citation),
                    Some(flag.sentence.as_str())
                );
            }
            assert!(
                flag.reference
                    .is_none_or(|r| r < corpus.file.references.len())
            );
            assert!(
                flag.paragraph
                    .is_none_or(|p| p < corpus.index.paragraphs.len())
            );
        }
        let query: String = text.chars().take(8).collect();
        let index = SearchIndex::new(corpus);
        for hit in index.search(&query, 5) {
            for range in hit.highlights {
                assert!(hit.label.get(range).is_some(), "a highlight splits a char");
            }
        }
    }
});

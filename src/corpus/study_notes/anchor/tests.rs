use serde_json::Value;

use super::*;
use crate::corpus::study_notes::{NoteId, NoteLabel, Timestamp};

const MINIMAL: &str = include_str!("../../../../tests/fixtures/minimal.json");

/// The minimal corpus, with `edit` applied to its JSON first.
fn corpus_with(edit: impl FnOnce(&mut Value)) -> Corpus {
    let mut json: Value = serde_json::from_str(MINIMAL).unwrap_or_default();
    edit(&mut json);
    match Corpus::from_json(&json.to_string(), "minimal.json") {
        Ok(corpus) => corpus,
        Err(report) => panic!("the test corpus does not load: {:?}", report.diagnostics),
    }
}

/// Sets the text of the paragraph at `section`/`paragraph` (positions) to `text`.
fn set_text(json: &mut Value, section: usize, paragraph: usize, text: &str) {
    json["sections"][section]["paragraphs"][paragraph]["text"] = Value::from(text);
}

fn note(item: &str, passage: Option<Passage>) -> StudyNote {
    StudyNote {
        id: NoteId(1),
        paper: "p".to_owned(),
        item: item.to_owned(),
        text: "A note.".to_owned(),
        tags: Vec::new(),
        label: passage.as_ref().map(|_| NoteLabel::Claim),
        passage,
        created: Timestamp(0),
        updated: Timestamp(0),
    }
}

fn printed(corpus: &Corpus, paragraph_key: &str) -> String {
    match Item::from_key(paragraph_key, corpus) {
        Some(Item::Paragraph(p)) => corpus.index.paragraphs[p].printed.clone(),
        other => panic!("{paragraph_key} is {other:?}"),
    }
}

fn reference_ids(corpus: &Corpus, positions: &[usize]) -> Vec<String> {
    positions
        .iter()
        .map(|&p| corpus.file.references[p].id.clone())
        .collect()
}

#[test]
fn a_reference_note_is_about_that_work() {
    let corpus = corpus_with(|_| {});
    let resolved = note("reference:doe2021", None).resolve(&corpus);
    assert_eq!(
        resolved.item,
        corpus.reference_by_id("doe2021").map(Item::Reference)
    );
    assert_eq!(resolved.section, NoteSection::Kind(ItemKind::Reference));
    assert_eq!(resolved.section.heading(&corpus), "References");
    assert_eq!(
        reference_ids(&corpus, &resolved.cited_references(&corpus)),
        ["doe2021"]
    );
    assert_eq!(resolved.quote(&corpus), None);
}

#[test]
fn a_citation_note_quotes_its_sentence_and_names_its_works() {
    let corpus = corpus_with(|_| {});
    let resolved = note("citation:intro.p1/1", None).resolve(&corpus);
    assert!(matches!(resolved.item, Some(Item::Citation(_))));
    assert_eq!(resolved.section, NoteSection::Section(0));
    assert_eq!(resolved.section.heading(&corpus), "1 INTRODUCTION");
    let quote = resolved.quote(&corpus).unwrap_or_default();
    assert!(
        quote.starts_with("Its reports are widely discussed"),
        "{quote}"
    );
    assert_eq!(
        reference_ids(&corpus, &resolved.cited_references(&corpus)),
        ["smith2020", "doe2021"]
    );
}

#[test]
fn a_highlight_is_found_where_it_was_and_names_its_sentence_s_works() {
    let corpus = corpus_with(|_| {});
    let text = printed(&corpus, "paragraph:data.p1");
    let passage = Passage::of_quote(&text, "the count had risen");
    let resolved = note("paragraph:data.p1", passage).resolve(&corpus);
    let at = resolved
        .passage
        .clone()
        .unwrap_or_else(|| panic!("not found"));
    assert!(!at.reanchored);
    assert_eq!(&text[at.range.clone()], "the count had risen");
    assert_eq!(resolved.section, NoteSection::Section(1));
    // The sentence cites nothing; the first sentence of the paragraph cites smith2020.
    assert!(resolved.cited_references(&corpus).is_empty());
    let first = Passage::of_quote(&text, "recorded 100 cases");
    let resolved = note("paragraph:data.p1", first).resolve(&corpus);
    assert_eq!(
        reference_ids(&corpus, &resolved.cited_references(&corpus)),
        ["smith2020"]
    );
    assert_eq!(
        resolved.quote(&corpus).as_deref(),
        Some("recorded 100 cases")
    );
}

#[test]
fn a_highlight_is_re_anchored_after_the_paragraph_s_text_shifted() {
    let before = corpus_with(|_| {});
    let passage = Passage::of_quote(
        &printed(&before, "paragraph:data.p1"),
        "the count had risen",
    );
    let after = corpus_with(|json| {
        set_text(
            json,
            1,
            0,
            "Indeed, in 2020 the network recorded 100 cases [@smith2020]. By 2021 the count had \
             risen to around 120 cases.",
        );
    });
    let resolved = note("paragraph:data.p1", passage.clone()).resolve(&after);
    let at = resolved
        .passage
        .unwrap_or_else(|| panic!("not re-anchored"));
    assert!(at.reanchored);
    let text = printed(&after, "paragraph:data.p1");
    assert_eq!(&text[at.range], "the count had risen");
    assert_eq!(resolved.item, Item::from_key("paragraph:data.p1", &after));

    // Rewrapped over two lines: still found.
    let rewrapped = corpus_with(|json| {
        set_text(
            json,
            1,
            0,
            "By 2021 the count had\n   risen to around 120 cases.",
        );
    });
    let at = note("paragraph:data.p1", passage)
        .resolve(&rewrapped)
        .passage
        .unwrap_or_else(|| panic!("not found across a line break"));
    assert_eq!(
        &printed(&rewrapped, "paragraph:data.p1")[at.range],
        "the count had\n   risen"
    );
}

#[test]
fn a_highlight_follows_its_quote_into_a_renamed_paragraph() {
    let before = corpus_with(|_| {});
    let passage = Passage::of_quote(
        &printed(&before, "paragraph:data.p1"),
        "the count had risen",
    );
    let after = corpus_with(|json| {
        // Renamed everywhere the corpus names it, as a re-import with other ids would.
        let renamed = json.to_string().replace("\"data.p1\"", "\"data.p9\"");
        *json = serde_json::from_str(&renamed).unwrap_or_default();
    });
    let resolved = note("paragraph:data.p1", passage).resolve(&after);
    assert_eq!(resolved.item, Item::from_key("paragraph:data.p9", &after));
    assert!(resolved.passage.as_ref().is_some_and(|at| at.reanchored));
    assert!(!resolved.is_detached());
}

#[test]
fn a_note_whose_item_and_quote_are_gone_is_detached_not_dropped() {
    let corpus = corpus_with(|_| {});
    let gone = note("reference:nobody1999", None).resolve(&corpus);
    assert!(gone.is_detached());
    assert_eq!(gone.section, NoteSection::Detached);
    assert_eq!(gone.section.heading(&corpus), "Detached notes");
    assert!(gone.cited_references(&corpus).is_empty());
    let passage = Some(Passage {
        quote: "words the paper never had".to_owned(),
        start: 0,
        end: 25,
    });
    assert!(
        note("paragraph:gone.p1", passage.clone())
            .resolve(&corpus)
            .is_detached()
    );
    // The key still resolves: the note stays on its item, without a passage.
    let kept = note("paragraph:data.p1", passage).resolve(&corpus);
    assert_eq!(kept.item, Item::from_key("paragraph:data.p1", &corpus));
    assert_eq!(kept.passage, None);
}

#[test]
fn quotes_are_found_nearest_their_old_place() {
    let text = "one two one two";
    assert_eq!(find_quote(text, "one", 0), Some(0..3));
    assert_eq!(find_quote(text, "one", 9), Some(8..11));
    assert_eq!(find_quote(text, "one  two", 0), Some(0..7));
    assert_eq!(find_quote(text, "  ", 0), None);
    assert_eq!(find_quote(text, "three", 0), None);
    assert_eq!(find_quote("é\u{a0}x", "é x", 0), Some(0..5));
}

//! Citations as printed, through loading: Pandoc citations printed with numbers or author and
//! year, the paper's own numeric markers resolved by number, footnote markers, and the
//! messages for a key or number that names no reference.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paperlens::corpus::Corpus;
use paperlens::corpus::diagnostics::Diagnostic;
use paperlens::corpus::index::TextPass;
use paperlens::corpus::kinds::IdMaps;
use paperlens::corpus::model::CorpusFile;
use serde_json::Value;

use crate::common::fixtures;

/// `tests/fixtures/minimal.json` with the first paragraph's text replaced (its two references
/// carry `citation-number` 1 and 2 unless `numbered` is false), and a footnote for each
/// footnote marker `[^id]` the text writes.
fn minimal_with(text: &str, numbered: bool) -> String {
    let source = std::fs::read_to_string(fixtures().join("minimal.json")).expect("read");
    let mut value: Value = serde_json::from_str(&source).expect("JSON");
    value["sections"][0]["paragraphs"][0]["text"] = Value::from(text);
    let footnotes: Vec<Value> = text
        .split("[^")
        .skip(1)
        .filter_map(|rest| rest.split_once(']'))
        .map(|(id, _)| serde_json::json!({"id": id, "text": format!("Footnote {id}.")}))
        .collect();
    if !footnotes.is_empty() {
        value["footnotes"] = Value::from(footnotes);
    }
    if !numbered {
        for reference in value["references"].as_array_mut().expect("references") {
            reference
                .as_object_mut()
                .expect("object")
                .remove("citation-number");
        }
    }
    serde_json::to_string_pretty(&value).expect("serialise")
}

/// The corpus of [`minimal_with`], which must load.
fn load(text: &str, numbered: bool) -> Corpus {
    Corpus::from_json(&minimal_with(text, numbered), "citations.json")
        .unwrap_or_else(|report| panic!("{text:?}: {:?}", report.diagnostics))
}

/// The diagnostics of [`minimal_with`], which must not load.
fn problems(text: &str, numbered: bool) -> Vec<Diagnostic> {
    match Corpus::from_json(&minimal_with(text, numbered), "citations.json") {
        Ok(_) => panic!("{text:?} loaded"),
        Err(report) => report.diagnostics,
    }
}

/// The first paragraph as printed.
fn printed(corpus: &Corpus) -> &str {
    &corpus.index.paragraphs[0].printed
}

/// The references each citation of the first paragraph cites, by citation number.
fn cited_numbers(corpus: &Corpus) -> Vec<Vec<u32>> {
    corpus.index.citations[corpus.index.paragraphs[0].citations.clone()]
        .iter()
        .map(|c| {
            c.references
                .iter()
                .map(|&r| corpus.index.reference_numbers[r])
                .collect()
        })
        .collect()
}

#[test]
fn pandoc_citations_print_with_numbers_when_references_carry_them() {
    let corpus = load(
        "A [see @smith2020, p. 33; @doe2021] b @smith2020 [pp. 3–5] says; [-@doe2021].",
        true,
    );
    assert_eq!(
        printed(&corpus),
        "A [see 1, p. 33], [2] b Smith [1, pp. 3–5] says; [2]."
    );
    assert_eq!(cited_numbers(&corpus), [vec![1, 2], vec![1], vec![2]]);
}

#[test]
fn pandoc_citations_print_author_and_year_without_numbers() {
    let corpus = load(
        "A [@smith2020; @doe2021, p. 3]. As @smith2020 [p. 9] says [-@smith2020]. Counts [1] and (1).",
        false,
    );
    assert_eq!(
        printed(&corpus),
        "A (Smith, 2020; Example Institute, 2021, p. 3). As Smith (2020, p. 9) says (2020). Counts [1] and (1)."
    );
    // Without numbered references, numeric markers are text.
    assert_eq!(cited_numbers(&corpus).len(), 3);
}

#[test]
fn printed_markers_are_kept_verbatim_and_resolved_by_number() {
    let corpus = load(
        "Rose [1], [2]; fell [1]–[2], [1-2] and (1,2) and (1–2) in (2006) and (1990–2009) with (n = 30).",
        true,
    );
    assert_eq!(
        printed(&corpus),
        "Rose [1], [2]; fell [1]–[2], [1-2] and (1,2) and (1–2) in (2006) and (1990–2009) with (n = 30)."
    );
    assert_eq!(
        cited_numbers(&corpus),
        [vec![1, 2], vec![1, 2, 1, 2], vec![1, 2], vec![1, 2]]
    );
    // Years in parentheses stay text, and stay years.
    assert!(corpus.index.year_mentions.contains_key(&2006));
}

#[test]
fn a_number_no_reference_carries_is_an_error_at_the_marker() {
    let found = problems("Widely discussed [@smith2020; @doe2021] and in [59].", true);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code.as_str(), "unknown-citation-number");
    assert_eq!(
        found[0].message,
        "`[59]` names no reference: the references carry numbers 1–2"
    );
    assert!(found[0].location.is_some());
    let found = problems("Cited [@smith2020; @doe2021] as [1]–[4].", true);
    assert_eq!(
        found[0].message,
        "`[1]–[4]` names 3–4, which no reference carries: the references carry numbers 1–2"
    );
    // A range written backwards.
    let found = problems("Cited [@smith2020; @doe2021] as [2–1].", true);
    assert_eq!(found[0].code.as_str(), "malformed-citation");
    // In parentheses an unresolved number is text, not an error.
    load("Cited [@smith2020; @doe2021] in (59).", true);
}

#[test]
fn an_unknown_key_suggests_the_id_meant() {
    let found = problems("Cited [@smith2020; @doe2021] and [@smith2002].", true);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].message,
        "citation `@smith2002` names no reference; did you mean `smith2020`?"
    );
    assert!(found[0].hint.contains("`@smith2020`"), "{}", found[0].hint);
    let found = problems("Cited [@smith2020; @doe2021] and @zzz.", true);
    assert_eq!(found[0].message, "citation `@zzz` names no reference");
    // The hint says how to write an `@` that cites nothing.
    assert!(found[0].hint.contains(r"`\\@`"), "{}", found[0].hint);
}

#[test]
fn e_mail_addresses_are_text_and_footnote_markers_are_exposed() {
    let corpus = load(
        "Write to ada@example.org [@smith2020; @doe2021].[^fn1] Done.",
        true,
    );
    assert_eq!(
        printed(&corpus),
        "Write to ada@example.org [1], [2].[^fn1] Done."
    );
    assert_eq!(cited_numbers(&corpus), [vec![1, 2]]);
    let file: CorpusFile =
        serde_json::from_str(&minimal_with("Note.[^fn1] [@smith2020; @doe2021]", true))
            .expect("a corpus file");
    let ids = IdMaps::new(&file);
    let pass = TextPass::run(&file, &ids, &[1, 2]);
    let markers = &pass.paragraphs[0].footnotes;
    assert_eq!(markers.len(), 1);
    assert_eq!(markers[0].id, "fn1");
    assert_eq!(
        pass.paragraphs[0]
            .info
            .printed
            .get(markers[0].range.clone()),
        Some("[^fn1]")
    );
}

#[test]
fn a_citation_is_titled_as_printed() {
    let corpus = load(
        "Rose [1]–[2] as [@smith2020; @doe2021] and @doe2021 say.",
        true,
    );
    let titles: Vec<String> = (0..3)
        .map(|c| {
            paperlens::corpus::display::item_title(&corpus, paperlens::corpus::Item::Citation(c))
        })
        .collect();
    assert!(titles[0].starts_with("Citation [1]–[2] in "), "{titles:?}");
    assert!(titles[1].starts_with("Citation [1], [2] in "), "{titles:?}");
    assert!(
        titles[2].starts_with("Citation Example Institute [2] in "),
        "{titles:?}"
    );
}

#[test]
fn the_format_guide_worked_example_prints_as_it_says() {
    let corpus = load(
        "Counts rose [1], [2] and fell (1–2); @smith2020 [p. 3] doubts it [see @doe2021, chap. 2].[^fn1] Write to ada@example.org (2021).",
        true,
    );
    assert_eq!(
        printed(&corpus),
        "Counts rose [1], [2] and fell (1–2); Smith [1, p. 3] doubts it [see 2, chap. 2].[^fn1] Write to ada@example.org (2021)."
    );
    assert_eq!(
        cited_numbers(&corpus),
        [vec![1, 2], vec![1, 2], vec![1], vec![2]]
    );
}

//! The Reader shows citations as the paper prints them: one chip per `[n]` where that is how
//! the paper prints them, and the printed text whole where it is not (`[1]–[2]`, a locator).
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::kittest::Queryable as _;
use paperlens::app::explorer::StartOptions;
use paperlens::corpus::{Corpus, Item};
use serde_json::Value;

use crate::common::fixtures;
use crate::explorer::explorer;

/// The minimal corpus with its first paragraph's text replaced.
fn minimal_with(text: &str) -> Corpus {
    let source = std::fs::read_to_string(fixtures().join("minimal.json")).unwrap();
    let mut value: Value = serde_json::from_str(&source).unwrap();
    value["sections"][0]["paragraphs"][0]["text"] = Value::from(text);
    Corpus::from_json(&value.to_string(), "citations.json").unwrap()
}

#[test]
fn ranges_and_locators_show_as_printed_and_open_the_citation() {
    let corpus = minimal_with(
        "Counts rose [1]–[2], as [@smith2020; @doe2021] and [see @doe2021, p. 3] say.",
    );
    let mut harness = explorer(StartOptions {
        corpus: Some(corpus),
        ..StartOptions::default()
    });
    harness.run_steps(6);
    // Printed as one marker, not as chips [1], [2].
    harness.get_by_label("[1]–[2]").click();
    harness.run_steps(6);
    assert_eq!(harness.state().selection.selected, Some(Item::Citation(0)));
    harness.get_by_label("[see 2, p. 3]");
    // `[1], [2]` is one chip per reference, as before.
    assert!(harness.query_all_by_label("[1]").count() >= 1);
}

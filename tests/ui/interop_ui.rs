//! UI tests of citation styles in the window: the style picker changes the Inspector's
//! formatted citation, and "Copy this reference" puts that text on the clipboard.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::style_choice::{StyleChoice, common_entries};
use paperlens::app::style_picker::row_text;
use paperlens::formats::styles::CitationStyle;

use crate::explorer::{copied, explorer};

fn on_porter() -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions {
        select: Some("reference:porter1995".to_owned()),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    harness
}

#[test]
fn switching_the_style_changes_the_inspectors_citation() {
    let mut harness = on_porter();
    assert_eq!(
        harness.state().state.citation_style,
        StyleChoice::Common(CitationStyle::Apa)
    );
    harness.get_by_label_contains("Porter, M. E., & van der Linde, C. (1995).");
    harness.get_by_label("In text: (Porter & van der Linde, 1995)");
    // The paper's own list entry (and the editorial note quoting it) read IEEE-like already.
    let ieee = "M. E. Porter and C. van der Linde, “Toward a new conception";
    let before = harness.query_all_by_label_contains(ieee).count();

    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "APA 7th · en-US ▼")
        .click();
    harness.run_steps(2);
    let ieee_row = common_entries()
        .into_iter()
        .find(|entry| entry.choice == StyleChoice::Common(CitationStyle::Ieee))
        .map(|entry| row_text(&entry))
        .unwrap();
    harness.get_by_label(&ieee_row).click();
    harness.run_steps(4);
    assert_eq!(
        harness.state().state.citation_style,
        StyleChoice::Common(CitationStyle::Ieee)
    );
    assert!(
        harness
            .query_by_label_contains("Porter, M. E., & van der Linde")
            .is_none()
    );
    // The formatted citation now reads IEEE too: one more occurrence.
    assert_eq!(
        harness.query_all_by_label_contains(ieee).count(),
        before + 1
    );
    harness.get_by_label("In text: [8]");
}

#[test]
fn copy_citation_puts_the_formatted_text_on_the_clipboard() {
    let mut harness = on_porter();
    harness.get_by_label("Copy…").click();
    harness.run_steps(2);
    harness
        .get_by_label("Copy this reference (APA 7th)")
        .click();
    harness.step();
    let texts = copied(&harness);
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(
        texts[0].starts_with("Porter, M. E., & van der Linde, C. (1995). Toward a new conception of the environment-competitiveness relationship."),
        "{texts:?}"
    );
}

#[test]
fn copy_bibliography_copies_every_reference() {
    let mut harness = on_porter();
    harness.get_by_label("Copy…").click();
    harness.run_steps(2);
    harness
        .get_by_label("Copy the whole bibliography (APA 7th)")
        .click();
    harness.step();
    let texts = copied(&harness);
    assert_eq!(texts.len(), 1);
    assert_eq!(texts[0].lines().count(), 19, "{}", texts[0]);
}

#[test]
fn the_reader_can_show_citations_in_the_chosen_style() {
    let mut harness = explorer(StartOptions {
        select: Some("section:introduction".to_owned()),
        ..StartOptions::default()
    });
    harness.run_steps(6);
    assert!(harness.query_all_by_label("[1]").next().is_some());
    harness.state_mut().state.citation_display = paperlens::app::state::CitationDisplay::InStyle;
    harness.run_steps(4);
    assert!(harness.query_all_by_label("[1]").next().is_none());
    assert!(
        harness
            .query_all_by_label("(Citaristi, 2022)")
            .next()
            .is_some()
    );
}

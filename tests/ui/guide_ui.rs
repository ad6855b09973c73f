//! Help → Corpus format: the format guide opens from the menu, shows its headings, and closes
//! with its Close button or Esc.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::explorer::{Explorer, StartOptions};

use crate::explorer::explorer;

fn open_the_guide(harness: &mut Harness<'_, Explorer>) {
    harness.get_by_label("Help").click();
    harness.run_steps(4);
    harness.get_by_label("Corpus format").click();
    harness.run_steps(6);
    assert!(harness.state().guide.open);
}

#[test]
fn the_format_guide_opens_from_the_help_menu_and_closes() {
    let mut harness = explorer(StartOptions::default());
    harness.run_steps(6);
    assert!(!harness.state().guide.open);

    open_the_guide(&mut harness);
    // Its headings, without their Markdown marks.
    harness.get_by_label("The paperlens corpus format, paperlens-corpus/2");
    // In the contents and as the heading.
    assert_eq!(harness.get_all_by_label("Ground rules").count(), 2);
    harness.get_by_label("Close").click();
    harness.run_steps(4);
    assert!(!harness.state().guide.open);
    assert!(harness.query_by_label("Ground rules").is_none());

    open_the_guide(&mut harness);
    harness.key_press(Key::Escape);
    harness.run_steps(4);
    assert!(!harness.state().guide.open);
    assert!(harness.query_by_label("Ground rules").is_none());
}

#[test]
fn a_contents_link_scrolls_the_guide_to_its_heading() {
    let mut harness = explorer(StartOptions::default());
    harness.run_steps(6);
    open_the_guide(&mut harness);
    // A section near the end is far below the window's edge until its contents line (the
    // sixteenth, which the window shows) is clicked.
    let heading_top = |harness: &Harness<'_, Explorer>| {
        harness
            .get_all_by_label("Ids")
            .last()
            .map(|node| node.rect().min.y)
            .unwrap()
    };
    assert_eq!(harness.get_all_by_label("Ids").count(), 2);
    assert!(heading_top(&harness) > 800.0);
    harness.get_all_by_label("Ids").next().unwrap().click();
    harness.run_steps(8);
    assert!(heading_top(&harness) < 800.0);
}

//! The side panels collapse and reopen (their buttons, Ctrl+B and Ctrl+I), stay collapsed
//! across a restart, and give the main view its room on a laptop.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::Reader;
use paperlens::app::state::StateStore;

use crate::explorer::explorer;

fn button<'h>(harness: &'h Harness<'_, Explorer>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(egui::accesskit::Role::Button, label)
}

/// Whether the navigator's tabs are on screen.
fn outline_is_shown(harness: &Harness<'_, Explorer>) -> bool {
    harness.query_by_label_contains("Outline").is_some()
}

#[test]
fn the_navigator_collapses_to_a_strip_and_its_button_reopens_it() {
    let mut harness = explorer(StartOptions::default());
    harness.run_steps(4);
    assert!(outline_is_shown(&harness), "the navigator starts open");
    button(&harness, "Collapse the navigator").click();
    harness.run_steps(20);
    assert!(!harness.state().state.navigator_open);
    assert!(
        !outline_is_shown(&harness),
        "a collapsed navigator hides its tabs"
    );
    button(&harness, "Show the navigator").click();
    harness.run_steps(20);
    assert!(harness.state().state.navigator_open);
    assert!(outline_is_shown(&harness));
}

#[test]
fn ctrl_b_and_ctrl_i_collapse_the_panels_to_strips_at_the_window_edges() {
    let mut harness = explorer(StartOptions {
        view: Some(Reader::ID.to_owned()),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::B);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::I);
    harness.run_steps(20);
    assert!(!harness.state().state.navigator_open);
    assert!(!harness.state().state.inspector_open);
    // Both collapse to strips at the window's edges, leaving the width to the Reader.
    let left_strip = button(&harness, "Show the navigator").rect();
    let right_strip = button(&harness, "Show the inspector").rect();
    assert!(left_strip.right() < 60.0, "{left_strip:?}");
    assert!(right_strip.left() > 1280.0 - 60.0, "{right_strip:?}");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::I);
    harness.run_steps(20);
    assert!(harness.state().state.inspector_open);
}

#[test]
fn a_collapsed_panel_stays_collapsed_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let store = || Some(StateStore::at(dir.path().join("state.json")));
    let mut harness = explorer(StartOptions {
        store: store(),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    button(&harness, "Collapse the inspector").click();
    harness.run_steps(4);
    harness.state_mut().save_state();
    drop(harness);

    let mut harness = explorer(StartOptions {
        store: store(),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    assert!(!harness.state().state.inspector_open);
    assert!(harness.query_by_label("Show the inspector").is_some());
}

#[test]
fn on_a_laptop_screen_the_panels_leave_the_main_view_half_the_window() {
    let mut harness = Harness::builder()
        .with_size([1024.0, 640.0])
        .build_eframe(|cc| Explorer::new(&cc.egui_ctx, StartOptions::default()));
    harness.run_steps(4);
    let state = &harness.state().state;
    assert!(
        state.navigator_width + state.inspector_width <= 512.0 + 1.0,
        "navigator {} + inspector {}",
        state.navigator_width,
        state.inspector_width
    );
}

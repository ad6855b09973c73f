//! File → Export slides: a folder chosen in paperlens's own dialog (a new one allowed, a file
//! refused), every slide written there with the handout, and the status bar
//! naming the count and the folder; another paper's slides too.
//!
//! Drawing needs a graphics adapter (a GPU or Mesa's lavapipe); where there is none the status
//! bar says so, and these tests print a notice and pass, unless `CI` is set.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::context::Command;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::slide_export::{slide_count, slide_file_name};
use paperlens::app::state::FileDialogs;
use paperlens::app::style_choice::StyleChoice;
use paperlens::formats::styles::CitationStyle;

use crate::common::fixtures;
use crate::explorer::{explorer, settle, type_path};

/// The window on the built-in corpus with paperlens's own file dialog chosen.
fn started() -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions::default());
    harness.state_mut().state.file_dialogs = FileDialogs::InWindow;
    settle(&mut harness);
    harness
}

/// The status bar's last notice, or `None` with a notice printed when it says the machine has
/// no graphics adapter (and `CI` is not set).
fn notice_or_skip(harness: &Harness<'_, Explorer>, test: &str) -> Option<String> {
    let notice = harness.state().notices.last().cloned().unwrap_or_default();
    if notice.contains("no graphics adapter") && std::env::var_os("CI").is_none() {
        println!("skipped {test}: {notice}");
        return None;
    }
    Some(notice)
}

/// The PNGs written in `folder`.
fn pictures_in(folder: &Path) -> usize {
    std::fs::read_dir(folder)
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "png"))
        })
        .count()
}

#[test]
fn file_export_slides_writes_every_slide_in_the_folder_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = started();
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label_contains("Export slides…").click();
    settle(&mut harness);
    harness.get_by_label("Choose a folder for the slides");

    // A new folder, in one that exists, is chosen (and made by the export).
    let lecture = dir.path().join("lecture");
    type_path(&mut harness, &lecture.display().to_string());
    assert!(harness.state().file_dialog().is_none(), "the dialog closes");

    let Some(notice) = notice_or_skip(&harness, "File → Export slides") else {
        return;
    };
    let count = slide_count(harness.state().corpus());
    let summary = format!(
        "Wrote {count} slides (1920×1080) and slides.pdf to {}.",
        lecture.display()
    );
    assert_eq!(notice, summary);
    // The status bar said what it was doing before the window was held to draw them, then
    // says what was written.
    let notices = &harness.state().notices;
    let drawing = format!("Drawing the slides into {}…", lecture.display());
    assert_eq!(notices.get(notices.len() - 2), Some(&drawing));
    harness.get_by_label(&summary);
    assert_eq!(pictures_in(&lecture), count);
    assert!(lecture.join("slides.pdf").is_file());
    let first = image::open(lecture.join("slide-01.png")).unwrap();
    assert_eq!((first.width(), first.height()), (1920, 1080));
}

#[test]
fn the_shortcut_asks_for_a_folder_and_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "keep me").unwrap();
    let mut harness = started();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_some());
    type_path(&mut harness, &file.display().to_string());
    assert!(harness.state().file_dialog().is_some(), "still asking");
    harness.get_by_label_contains("is a file. Choose a folder");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_none());
}

#[test]
fn another_papers_slides_are_its_own() {
    let paper = fixtures().join("papers/jats-small.xml");
    let dir = tempfile::tempdir().unwrap();
    let mut harness = started();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, paper);
    harness.state_mut().finish_loading();
    settle(&mut harness);
    harness.state_mut().export_slides_to(dir.path());
    let Some(notice) = notice_or_skip(&harness, "another paper's slides") else {
        return;
    };
    let count = slide_count(harness.state().corpus());
    assert!(count > 0, "the paper has a table to present");
    assert!(
        notice.starts_with(&format!("Wrote {count} slide")),
        "{notice}"
    );
    assert_eq!(pictures_in(dir.path()), count);
}

#[test]
fn slides_are_exported_in_the_citation_style_in_use() {
    let paper = fixtures().join("papers/jats-small.xml");
    let mut harness = started();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, paper);
    harness.state_mut().finish_loading();
    settle(&mut harness);
    let mut last_slide = |style: CitationStyle| {
        let choice = StyleChoice::Common(style);
        harness
            .state_mut()
            .apply(&ctx, Command::SetCitationStyle(choice.clone()));
        settle(&mut harness);
        assert_eq!(harness.state().slide_export().style.choice, choice);
        let dir = tempfile::tempdir().unwrap();
        harness.state_mut().export_slides_to(dir.path());
        notice_or_skip(&harness, "slides in a citation style")?;
        let count = slide_count(harness.state().corpus());
        let last = dir.path().join(slide_file_name(count - 1, count));
        Some(std::fs::read(last).unwrap())
    };
    let (Some(apa), Some(ieee)) = (
        last_slide(CitationStyle::Apa),
        last_slide(CitationStyle::Ieee),
    ) else {
        return;
    };
    assert_ne!(apa, ieee, "the references slide follows the style");
}

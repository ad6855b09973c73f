//! The explorer window opens bibliographies (BibTeX, RIS, CSL-JSON) as references-only corpora
//! and draws every view of them without failing. Headless, through `egui_kittest`.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::state::StateStore;

use crate::common;

/// Opens `path` in the window. `tofu`: draw a box for a character no font has instead of
/// failing (the status bar's warning sign, shown for a file with warnings, has no glyph in the
/// bundled fonts).
fn open_with(path: PathBuf, tofu: bool) -> Harness<'static, Explorer> {
    let mut builder = Harness::builder().with_size([1280.0, 800.0]);
    if tofu {
        builder = builder.allow_missing_glyphs();
    }
    let mut harness = builder.build_eframe(move |cc| {
        Explorer::new(
            &cc.egui_ctx,
            StartOptions {
                path: Some(path),
                store: Some(StateStore::in_memory()),
                ..StartOptions::default()
            },
        )
    });
    harness.run_steps(6);
    harness
}

fn open(path: PathBuf) -> Harness<'static, Explorer> {
    open_with(path, false)
}

fn fixture(name: &str) -> PathBuf {
    common::fixtures().join("import").join(name)
}

/// Visits every main view a bibliography offers (the Bibliography view; the views with nothing
/// to show for it are not offered), a few frames each.
fn visit_views(harness: &mut Harness<'_, Explorer>) {
    for view in ["Table", "Cases", "Trends", "Reader"] {
        assert!(harness.query_by_label(view).is_none(), "{view}");
    }
    harness.get_by_label("Bibliography").click();
    harness.run_steps(4);
    assert_eq!(harness.state().view(), "bibliography");
}

#[test]
fn a_bibtex_file_with_a_broken_entry_opens() {
    let mut harness = open_with(fixture("broken.bib"), true);
    let corpus = harness.state().corpus();
    assert_eq!(corpus.file.references.len(), 2);
    assert_eq!(corpus.file.paper.title, "broken.bib");
    assert_eq!(corpus.warnings.len(), 1);
    harness.get_by_label("References 2").click();
    harness.run_steps(4);
    visit_views(&mut harness);
    assert_eq!(harness.state().corpus().file.references.len(), 2);
}

#[test]
fn a_ris_file_opens() {
    let mut harness = open_with(fixture("broken.ris"), true);
    assert_eq!(harness.state().corpus().file.references.len(), 2);
    visit_views(&mut harness);
}

#[test]
fn the_exported_csl_json_of_the_builtin_corpus_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("references.json");
    let text = paperlens::formats::export_references(
        &paperlens::corpus::Corpus::builtin(),
        paperlens::formats::ReferenceFormat::CslJson,
        None,
    )
    .unwrap();
    std::fs::write(&path, text).unwrap();
    let mut harness = open(path);
    assert_eq!(harness.state().corpus().file.references.len(), 19);
    harness.get_by_label("References 19").click();
    harness.run_steps(4);
    visit_views(&mut harness);
}

#[test]
fn the_biblatex_examples_open() {
    let Some(path) = common::biblatex_examples() else {
        return;
    };
    let mut harness = open(path);
    assert_eq!(harness.state().corpus().file.references.len(), 90);
    harness.get_by_label("References 90").click();
    harness.run_steps(4);
    visit_views(&mut harness);
}

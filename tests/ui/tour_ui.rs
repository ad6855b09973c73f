//! The guided tour made in the window: "Add to tour" on the selected item, the Tour view's
//! steps reordered and their notes edited, everything saved beside the paper and there again
//! when it is reopened; a step whose item is gone is shown, not dropped; a save that fails says
//! why.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::state::StateStore;
use paperlens::corpus::Item;
use paperlens::open::{TourFile, read_tour_file};

use crate::common::fixtures;
use crate::explorer::{accessible_texts, explorer, point_of, press_and_release, year_position};

/// The window opened on `paper` (with `select` selected), its settings in `dir`.
fn opened(dir: &Path, paper: Option<&Path>, select: Option<&str>) -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions {
        path: paper.map(Path::to_path_buf),
        select: select.map(str::to_owned),
        store: Some(StateStore::at(dir.join("state.json"))),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    harness
}

/// `fixture` (a file under tests/fixtures) copied into `dir`.
fn copied_fixture(dir: &Path, fixture: &str) -> PathBuf {
    let source = fixtures().join(fixture);
    let target = dir.join(source.file_name().unwrap());
    std::fs::copy(&source, &target).unwrap();
    target
}

/// The steps' keys of the tour file at `path`.
fn saved_steps(path: &Path) -> Vec<String> {
    read_tour_file(path)
        .unwrap()
        .expect("the tour file is there")
        .steps
        .into_iter()
        .map(|step| step.show)
        .collect()
}

fn select(harness: &mut Harness<'_, Explorer>, key: &str) {
    let item = Item::from_key(key, harness.state().corpus()).expect("the item");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, paperlens::app::context::Command::Select(item));
    harness.run_steps(2);
}

fn notices(harness: &Harness<'_, Explorer>) -> String {
    harness.state().notices.join("\n")
}

/// Asserts that a notice of the window holds `text`, showing them all when none does.
fn assert_notice(harness: &Harness<'_, Explorer>, text: &str) {
    let notices = notices(harness);
    assert!(notices.contains(text), "{text:?} not in:\n{notices}");
}

#[test]
fn a_tour_made_in_the_window_is_saved_beside_the_paper_and_there_when_it_is_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let paper = copied_fixture(dir.path(), "papers/jats-small.xml");
    let tour_file = dir.path().join("jats-small.xml.tour.json");
    let mut harness = opened(dir.path(), Some(&paper), Some("paragraph:introduction.p1"));
    assert!(harness.state().corpus().file.tour.is_empty());

    // From the Inspector's header, then by key.
    harness.get_by_label("Add to tour").click();
    harness.run_steps(2);
    select(&mut harness, "row:t1.r2");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run_steps(2);
    assert_eq!(
        saved_steps(&tour_file),
        ["paragraph:introduction.p1", "row:t1.r2"]
    );
    assert_notice(&harness, &format!("saved to {}", tour_file.display()));

    // Reorder in the Tour view.
    harness.get_by_label("Tour").click();
    harness.run_steps(2);
    harness.get_by_label("Move step 2 up").click();
    harness.run_steps(2);
    assert_eq!(
        saved_steps(&tour_file),
        ["row:t1.r2", "paragraph:introduction.p1"]
    );

    // Notes typed into the first step are saved when the field is left.
    harness
        .get_all_by_label("Speaker notes")
        .next()
        .expect("the first step's notes")
        .click();
    harness.run_steps(2);
    harness
        .get_all_by_label("Speaker notes")
        .next()
        .unwrap()
        .type_text("Start with the second catchment.");
    harness.run_steps(2);
    harness.key_press(Key::Tab);
    harness.run_steps(2);
    let saved = read_tour_file(&tour_file).unwrap().unwrap().steps;
    assert_eq!(saved[0].notes, "Start with the second catchment.");
    // Presentation mode reads the window's tour: no reload needed.
    assert_eq!(harness.state().corpus().file.tour, saved);
    let slides = paperlens::deck::deck(harness.state().corpus());
    assert_eq!(slides.len(), 2);
    assert_eq!(slides[0].notes, "Start with the second catchment.");
    drop(harness);

    // Reopened, the paper has its tour, and the Tour view shows it.
    let mut harness = opened(dir.path(), Some(&paper), None);
    let tour = &harness.state().corpus().file.tour;
    assert_eq!(tour.len(), 2);
    assert_eq!(tour[0].notes, "Start with the second catchment.");
    harness.get_by_label("Tour").click();
    harness.run_steps(2);
    let texts = accessible_texts(&harness);
    assert!(
        texts
            .iter()
            .any(|t| t == "Start with the second catchment."),
        "{texts:?}"
    );
}

#[test]
fn alt_arrows_move_the_focused_step_and_the_focus_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("papers/markdown-small");
    for name in ["paper.md", "paper.bib"] {
        std::fs::copy(source.join(name), dir.path().join(name)).unwrap();
    }
    let paper = dir.path().join("paper.md");
    let tour_file = dir.path().join("paper.md.tour.json");
    let mut harness = opened(dir.path(), Some(&paper), Some("paragraph:summary.p1"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run_steps(2);
    select(&mut harness, "paragraph:statement-of-need.p1");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run_steps(2);
    harness.get_by_label("Tour").click();
    harness.run_steps(2);
    // The second step's title field takes the keyboard; Alt+↑ moves that step first.
    harness.get_all_by_label("Title").nth(1).unwrap().click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.run_steps(3);
    assert_eq!(
        saved_steps(&tour_file),
        ["paragraph:statement-of-need.p1", "paragraph:summary.p1"]
    );
    // The focus went with the step: Alt+↓ takes it back down.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run_steps(3);
    assert_eq!(
        saved_steps(&tour_file),
        ["paragraph:summary.p1", "paragraph:statement-of-need.p1"]
    );
}

#[test]
fn a_year_clicked_on_the_chart_becomes_a_step_of_the_builtin_tour_kept_in_the_settings_folder() {
    let dir = tempfile::tempdir().unwrap();
    let tour_file = dir.path().join("built-in.tour.json");
    let mut harness = explorer(StartOptions {
        view: Some("trends".to_owned()),
        store: Some(StateStore::at(dir.path().join("state.json"))),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    let shipped = harness.state().corpus().file.tour.len();
    assert!(shipped > 0, "the built-in corpus ships a tour");
    let at = year_position(&harness, 2021);
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(at));
    harness.run_steps(2);
    press_and_release(&mut harness, at);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection.selected,
        Some(point_of(&harness, 2021))
    );
    harness.get_by_label("Add to tour").click();
    harness.run_steps(2);
    let steps = saved_steps(&tour_file);
    assert_eq!(steps.len(), shipped + 1);
    assert_eq!(steps.last().map(String::as_str), Some("point:victims/2021"));
    drop(harness);
    let harness = opened(dir.path(), None, None);
    assert_eq!(harness.state().corpus().file.tour.len(), shipped + 1);
}

#[test]
fn a_step_whose_item_is_gone_is_shown_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let paper = copied_fixture(dir.path(), "papers/jats-small.xml");
    let file = TourFile {
        format: paperlens::open::TOUR_FILE_FORMAT.to_owned(),
        steps: vec![
            paperlens::corpus::model::TourStep {
                show: "paragraph:introduction.p9".to_owned(),
                notes: "A passage cut from this version.".to_owned(),
                ..Default::default()
            },
            paperlens::corpus::model::TourStep {
                show: "paragraph:results.p1".to_owned(),
                ..Default::default()
            },
        ],
    };
    std::fs::write(
        dir.path().join("jats-small.xml.tour.json"),
        serde_json::to_string(&file).unwrap(),
    )
    .unwrap();
    let mut harness = opened(dir.path(), Some(&paper), None);
    assert_eq!(harness.state().corpus().file.tour.len(), 2);
    harness.get_by_label("Tour").click();
    harness.run_steps(2);
    let texts = accessible_texts(&harness);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Not in this paper: `paragraph:introduction.p9`")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t == "A passage cut from this version.")
    );
}

#[test]
fn a_tour_that_cannot_be_saved_says_why_and_keeps_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let paper = copied_fixture(dir.path(), "papers/jats-small.xml");
    // A folder where the tour file should be: it can be neither read nor replaced.
    std::fs::create_dir(dir.path().join("jats-small.xml.tour.json")).unwrap();
    let mut harness = opened(dir.path(), Some(&paper), Some("paragraph:introduction.p1"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run_steps(2);
    assert_notice(&harness, "the tour could not be saved");
    assert_notice(&harness, "Your edits are kept in this window");
    assert_eq!(harness.state().corpus().file.tour.len(), 1);
}

#[test]
fn the_tour_is_saved_into_a_corpus_file_which_then_opens_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = copied_fixture(dir.path(), "minimal.json");
    let beside = dir.path().join("minimal.json.tour.json");
    let mut harness = opened(dir.path(), Some(&corpus), Some("paragraph:data.p1"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run_steps(2);
    assert!(beside.is_file());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness
        .get_by_label("Save the tour into the corpus file")
        .click();
    harness.run_steps(2);
    assert_notice(&harness, "Saved the tour (1 step) into");
    assert!(!beside.exists(), "the file beside it is no longer needed");
    let report = paperlens::open::open_path(&corpus);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let tour = report.corpus.unwrap().file.tour;
    assert_eq!(tour.len(), 1);
    assert_eq!(tour[0].show, "paragraph:data.p1");
}

#[test]
fn a_tour_with_a_missing_item_is_not_written_into_the_corpus_file() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = copied_fixture(dir.path(), "minimal.json");
    std::fs::write(
        dir.path().join("minimal.json.tour.json"),
        "{\"format\": \"paperlens-tour/1\", \"steps\": [{\"show\": \"case:gone\"}]}",
    )
    .unwrap();
    let before = std::fs::read_to_string(&corpus).unwrap();
    let mut harness = opened(dir.path(), Some(&corpus), None);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, paperlens::app::context::Command::SaveTourIntoCorpus);
    harness.run_steps(2);
    assert_notice(&harness, "Remove or correct that step");
    assert_eq!(std::fs::read_to_string(&corpus).unwrap(), before);
}

#[test]
fn notes_typed_are_saved_after_a_pause_without_leaving_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let paper = copied_fixture(dir.path(), "papers/jats-small.xml");
    let tour_file = dir.path().join("jats-small.xml.tour.json");
    let mut harness = opened(dir.path(), Some(&paper), Some("row:t1.r1"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run_steps(2);
    harness.get_by_label("Tour").click();
    harness.run_steps(2);
    harness.get_by_label("Speaker notes").click();
    harness.run_steps(2);
    harness
        .get_by_label("Speaker notes")
        .type_text("Coalburn first.");
    harness.run_steps(2);
    let notes = |path: &Path| {
        read_tour_file(path).unwrap().unwrap().steps[0]
            .notes
            .clone()
    };
    assert_eq!(notes(&tour_file), "", "not saved at every keystroke");
    // About a second of frames later, the field still focused.
    harness.run_steps(90);
    assert_eq!(notes(&tour_file), "Coalburn first.");
}

#[test]
fn clicking_what_a_step_shows_selects_it_and_keeps_the_tour_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = explorer(StartOptions {
        view: Some("tour".to_owned()),
        store: Some(StateStore::at(dir.path().join("state.json"))),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    harness
        .get_by_label_contains("— Liberalism in international relations serves")
        .click();
    harness.run_steps(2);
    let selected = harness.state().selection.selected;
    assert_eq!(
        selected
            .and_then(|item| item.key(harness.state().corpus()))
            .map(|key| key.0),
        Some("paragraph:introduction.p2".to_owned())
    );
    assert_eq!(harness.state().view(), "tour");
}

#[test]
fn a_corpus_given_in_memory_keeps_its_tour_in_the_window_and_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = paperlens::corpus::Corpus::builtin();
    corpus.source_name = "an in-memory copy".to_owned();
    let mut harness = explorer(StartOptions {
        corpus: Some(corpus),
        select: Some("case:sea-labour-trafficking".to_owned()),
        store: Some(StateStore::at(dir.path().join("state.json"))),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    let before = harness.state().corpus().file.tour.len();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::T);
    harness.run_steps(2);
    assert_eq!(harness.state().corpus().file.tour.len(), before + 1);
    assert_notice(&harness, "kept in this window only");
    assert!(!dir.path().join("built-in.tour.json").exists());
}

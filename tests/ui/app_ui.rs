//! UI tests of the explorer window on the built-in corpus, driven through AccessKit labels with
//! `egui_kittest`: no GPU or display needed (snapshots are in `snapshots.rs`).
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::commands::UiCommand;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::Reader;
use paperlens::app::state::StateStore;
use paperlens::app::table_view::TableView;
use paperlens::app::trends_view::TrendsView;
use paperlens::corpus::{BUILTIN_NAME, Item};

use crate::explorer::{explorer, settle};

fn harness() -> Harness<'static, Explorer> {
    explorer(StartOptions::default())
}

fn reference(harness: &Harness<'_, Explorer>, id: &str) -> Item {
    Item::Reference(
        harness
            .state()
            .corpus()
            .reference_by_id(id)
            .expect("reference in built-in corpus"),
    )
}

/// Clicks a section in the Outline, which scrolls the Reader there.
fn go_to_section(harness: &mut Harness<'_, Explorer>, heading: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, heading)
        .click();
    settle(harness);
}

/// Scrolls the Reader down with the mouse wheel until a widget labelled `label` is on screen.
fn scroll_reader_until(harness: &mut Harness<'_, Explorer>, label: &str) {
    let over_reader = egui::pos2(600.0, 400.0);
    for _ in 0..40 {
        let on_screen = harness
            .query_all_by_label(label)
            .any(|node| node.rect().top() > 120.0 && node.rect().bottom() < 700.0);
        if on_screen {
            return;
        }
        harness
            .input_mut()
            .events
            .push(egui::Event::PointerMoved(over_reader));
        harness.input_mut().events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(3);
    }
    panic!("scrolled the Reader and found no {label:?}");
}

fn section_id_of_citation(harness: &Harness<'_, Explorer>, item: Item) -> String {
    let Item::Citation(citation) = item else {
        panic!("expected a citation, got {item:?}");
    };
    let corpus = harness.state().corpus();
    let paragraph = corpus.index.citations[citation].paragraph;
    corpus.section_of_paragraph(paragraph).unwrap().id.clone()
}

#[test]
fn clicking_citation_8_opens_porter_with_both_citing_sentences() {
    let mut harness = harness();
    settle(&mut harness);
    // The first [8] in reading order stands in the Literature Review.
    go_to_section(&mut harness, "2 LITERATURE REVIEW");
    scroll_reader_until(&mut harness, "[8]");
    harness
        .get_all_by_label("[8]")
        .next()
        .expect("a [8] chip in the Reader")
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().selection.selected,
        Some(reference(&harness, "porter1995"))
    );
    harness.get_by_label_contains("Porter & van der Linde (1995)");
    harness.get_by_label("Cited in (2)");
    harness.get_by_label_contains("Research by [8] illustrates how trafficking networks");
    harness.get_by_label_contains("[8] note that advancements in digital surveillance");
}

#[test]
fn cited_in_entry_moves_the_reader_there_and_back_returns() {
    let mut harness = harness();
    settle(&mut harness);
    go_to_section(&mut harness, "2 LITERATURE REVIEW");
    scroll_reader_until(&mut harness, "[8]");
    harness.get_all_by_label("[8]").next().unwrap().click();
    settle(&mut harness);
    harness
        .get_by_label_contains("[8] note that advancements")
        .click();
    settle(&mut harness);
    let selected = harness.state().selection.selected.expect("a selection");
    assert!(matches!(selected, Item::Citation(_)), "{selected:?}");
    assert_eq!(
        section_id_of_citation(&harness, selected),
        "law-enforcement"
    );
    assert_eq!(harness.state().view(), Reader::ID);
    // The Reader (the central panel) scrolled: the cited sentence is now on screen.
    let in_reader: Vec<_> = harness
        .query_all_by_label_contains(
            "note that advancements in digital surveillance and data analytics",
        )
        .map(|node| node.rect())
        .filter(|rect| rect.center().x > 300.0 && rect.center().x < 900.0)
        .collect();
    assert_eq!(in_reader.len(), 1, "{in_reader:?}");
    let rect = in_reader[0];
    assert!(
        rect.top() > 60.0 && rect.bottom() < 780.0,
        "sentence not on screen: {rect:?}"
    );

    harness.get_by_label("◀ Back").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().selection.selected,
        Some(reference(&harness, "porter1995"))
    );
    harness.get_by_label("Forward ▶").click();
    settle(&mut harness);
    assert_eq!(harness.state().selection.selected, Some(selected));
}

#[test]
fn keyboard_alt_left_goes_back() {
    let mut harness = harness();
    settle(&mut harness);
    go_to_section(&mut harness, "1 INTRODUCTION");
    scroll_reader_until(&mut harness, "[1]");
    harness.get_all_by_label("[1]").next().unwrap().click();
    settle(&mut harness);
    scroll_reader_until(&mut harness, "[2]");
    harness
        .query_all_by_label("[2]")
        .find(|node| node.rect().top() > 120.0 && node.rect().bottom() < 700.0)
        .unwrap()
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().selection.selected,
        Some(reference(&harness, "cho2015"))
    );
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowLeft);
    settle(&mut harness);
    assert_eq!(
        harness.state().selection.selected,
        Some(reference(&harness, "citaristi2022"))
    );
}

#[test]
fn searching_interpol_lists_reference_table_row_and_paragraphs() {
    let mut harness = harness();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::K);
    settle(&mut harness);
    assert!(harness.state().search.open);
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Interpol");
    settle(&mut harness);
    let kinds: Vec<Item> = harness
        .state()
        .search
        .results()
        .iter()
        .map(|hit| hit.item)
        .collect();
    let sayuti = reference(&harness, "sayuti2023");
    assert!(kinds.contains(&sayuti), "{kinds:?}");
    assert!(
        kinds.iter().any(|i| matches!(i, Item::TableRow(_))),
        "{kinds:?}"
    );
    // The paper names Interpol in one paragraph of its text (twice), in "2. Law Enforcement".
    let paragraphs: Vec<usize> = kinds
        .iter()
        .filter_map(|i| {
            if let Item::Paragraph(p) = i {
                Some(*p)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(paragraphs.len(), 1, "{kinds:?}");
    assert_eq!(
        harness
            .state()
            .corpus()
            .section_of_paragraph(paragraphs[0])
            .unwrap()
            .id,
        "law-enforcement"
    );
    // Grouped by kind, under headings with their counts.
    harness.get_by_label_contains("References · ");
    harness.get_by_label_contains("Table rows · ");
    harness.get_by_label("Paragraphs · 1");
    // Enter opens the first (best) result.
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert!(!harness.state().search.open);
    assert_eq!(harness.state().selection.selected, Some(sayuti));
}

#[test]
fn choosing_region_asean_leaves_its_three_table_rows() {
    let mut harness = harness();
    settle(&mut harness);
    harness.get_by_label("Table").click();
    settle(&mut harness);
    let shown = |harness: &Harness<'_, Explorer>| {
        let corpus = harness.state().corpus();
        let table = harness.state().views().get::<TableView>();
        table.map(|t| t.visible_rows(corpus).len())
    };
    assert_eq!(shown(&harness), Some(7));
    harness.get_by_label("Regions 4").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "ASEAN")
        .click();
    settle(&mut harness);
    let corpus = harness.state().corpus();
    let table = harness.state().views().get::<TableView>();
    assert_eq!(table.map(|t| t.visible_rows(corpus).len()), Some(3));
    assert_eq!(harness.query_all_by_label_contains("Row: ").count(), 3);
    harness.get_by_label_contains("Row: ASEAN: ASEAN-ACT");
    harness.get_by_label_contains("Row: ASEAN: USAID and IOM");
}

#[test]
fn opening_a_broken_corpus_shows_diagnostics_and_keeps_the_open_one() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"format\": \"paperlens-corpus/2\", \"paper\": {\"title\": ",
    )
    .unwrap();
    let mut harness = harness();
    settle(&mut harness);
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, broken.clone());
    harness.state_mut().finish_loading();
    settle(&mut harness);
    assert_eq!(harness.state().corpus().source_name, BUILTIN_NAME);
    assert_eq!(harness.state().corpus().summary().references, 19);
    assert!(harness.state().diagnostics.open);
    harness.get_by_label(&format!("Could not open {}", broken.display()));
    harness.get_by_label_contains("error[json-syntax]");
    assert!(
        harness
            .state()
            .notices
            .last()
            .unwrap()
            .contains("The open corpus is unchanged")
    );
}

/// The explorer after opening a copy of the built-in corpus with another title, the copy's
/// folder (kept alive by the caller) and its path.
fn explorer_on_a_copy_of_the_builtin() -> (tempfile::TempDir, PathBuf, Harness<'static, Explorer>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.json");
    std::fs::write(
        &path,
        paperlens::corpus::BUILTIN_JSON.replace(
            "Human Trafficking in the Lens",
            "A Copy: Human Trafficking in the Lens",
        ),
    )
    .unwrap();
    let mut harness = harness();
    settle(&mut harness);
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, path.clone());
    harness.state_mut().finish_loading();
    settle(&mut harness);
    (dir, path, harness)
}

#[test]
fn opening_the_built_in_corpus_resets_the_views_and_drops_a_load_under_way() {
    let (_dir, path, mut harness) = explorer_on_a_copy_of_the_builtin();
    // A position into the open corpus, then a load of another file that has not finished.
    harness.get_by_label("Table").click();
    settle(&mut harness);
    harness.get_by_label("Regions 4").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "ASEAN")
        .click();
    settle(&mut harness);
    let region_filter = |harness: &Harness<'_, Explorer>| {
        harness
            .state()
            .views()
            .get::<TableView>()
            .unwrap()
            .region_filter
    };
    assert!(region_filter(&harness).is_some());
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, path);
    assert!(harness.state().is_loading());

    harness
        .state_mut()
        .apply(&ctx, paperlens::app::context::Command::OpenBuiltin);
    assert!(
        !harness.state().is_loading(),
        "the load for the old corpus goes"
    );
    assert_eq!(
        region_filter(&harness),
        None,
        "no position into the old corpus stays"
    );
    harness.state_mut().finish_loading();
    settle(&mut harness);
    assert_eq!(harness.state().corpus().source_name, BUILTIN_NAME);
    assert_eq!(harness.state().open_path(), None);
}

#[test]
fn opening_a_valid_corpus_replaces_the_open_one() {
    let (_dir, path, harness) = explorer_on_a_copy_of_the_builtin();
    assert_eq!(harness.state().open_path(), Some(&path));
    assert!(
        harness
            .state()
            .corpus()
            .file
            .paper
            .title
            .starts_with("A Copy")
    );
    assert_eq!(harness.state().state.recent_files.first(), Some(&path));
}

#[test]
fn a_corrupt_state_file_is_survived_and_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("state.json");
    std::fs::write(&state_file, "{\"theme\": 12, \"zoom\": ").unwrap();
    let mut harness = explorer(StartOptions {
        store: Some(StateStore::at(state_file.clone())),
        ..StartOptions::default()
    });
    settle(&mut harness);
    let notices = harness.state().notices.join("\n");
    assert!(notices.contains("could not be read"), "{notices}");
    assert!(dir.path().join("state.json.corrupt").exists());
    // The app runs on defaults.
    assert_eq!(harness.state().view(), Reader::ID);
    harness.get_by_label("Reader");
}

/// A crash report saved by the last session is announced once at the next start: a window
/// shows where it is and what it says, and the status bar repeats the path.
#[test]
fn a_crash_report_from_the_last_session_is_announced_once() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("state.json");
    let report = dir.path().join("crash-1700000000000-42.txt");
    std::fs::write(&report, "paperlens 0.1.0 crash report\nmessage:   boom\n").unwrap();
    let start = || StartOptions {
        store: Some(StateStore::at(state_file.clone())),
        crash_report_dir: Some(dir.path().to_path_buf()),
        ..StartOptions::default()
    };
    {
        let mut harness = explorer(start());
        settle(&mut harness);
        harness.get_by_label("paperlens stopped after an internal error");
        // In the window and in the status bar.
        assert_eq!(
            harness
                .get_all_by_label_contains(&report.display().to_string())
                .count(),
            2
        );
        harness.get_by_label_contains("message:   boom");
        assert!(harness.state().diagnostics.open);
        assert_eq!(
            harness.state().state.crash_reports_seen_until,
            1_700_000_000_000
        );
        harness.state_mut().save_state();
    }
    // The next start has nothing new to say.
    let mut harness = explorer(start());
    settle(&mut harness);
    assert!(!harness.state().diagnostics.open);
    assert!(
        harness
            .query_by_label("paperlens stopped after an internal error")
            .is_none()
    );
}

#[test]
fn state_is_remembered_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("state.json");
    {
        let mut harness = explorer(StartOptions {
            store: Some(StateStore::at(state_file.clone())),
            ..StartOptions::default()
        });
        settle(&mut harness);
        harness.get_by_label("Trends").click();
        settle(&mut harness);
        harness.get_by_label("References 19").click();
        settle(&mut harness);
        harness
            .get_all_by_label_contains("Porter & van der Linde")
            .next()
            .unwrap()
            .click();
        settle(&mut harness);
        harness.state_mut().save_state();
    }
    let mut harness = explorer(StartOptions {
        store: Some(StateStore::at(state_file)),
        ..StartOptions::default()
    });
    settle(&mut harness);
    assert_eq!(harness.state().view(), TrendsView::ID);
    assert_eq!(
        harness.state().navigator.tab,
        paperlens::app::state::NavigatorTab::References
    );
    assert_eq!(
        harness.state().selection.selected,
        Some(reference(&harness, "porter1995"))
    );
}

#[test]
fn f1_shows_the_shortcut_overlay_and_escape_closes_it() {
    let mut harness = harness();
    settle(&mut harness);
    harness.key_press(Key::F1);
    settle(&mut harness);
    assert!(harness.state().show_shortcuts);
    harness.get_by_label("Search everything");
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(!harness.state().show_shortcuts);
}

#[test]
fn a_question_mark_opens_the_shortcut_overlay_while_a_button_has_the_focus() {
    let mut harness = harness();
    settle(&mut harness);
    // Tab puts the keyboard focus on the toolbar's first button: not a text field.
    harness.key_press(Key::Tab);
    settle(&mut harness);
    assert!(harness.ctx.memory(|m| m.focused().is_some()));
    harness
        .input_mut()
        .events
        .push(egui::Event::Text("?".to_owned()));
    settle(&mut harness);
    assert!(harness.state().show_shortcuts);
}

#[test]
fn the_shortcut_overlay_lists_every_command_with_its_keys() {
    let mut harness = harness();
    settle(&mut harness);
    harness.key_press(Key::F1);
    settle(&mut harness);
    let commands = UiCommand::all(harness.state().views());
    assert!(commands.len() > 10);
    for command in commands {
        let keys = command.keys_text();
        if !keys.is_empty() {
            harness.get_by_label(&command.tooltip());
            assert!(
                harness.query_all_by_label(&keys).next().is_some(),
                "{command:?}: {keys}"
            );
        }
    }
}

#[test]
fn selecting_a_reference_highlights_related_case_and_entity_shows_mentions() {
    let mut harness = harness();
    settle(&mut harness);
    harness.get_by_label("Entities 41").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Interpol")
        .click();
    settle(&mut harness);
    let selected = harness.state().selection.selected.unwrap();
    assert!(matches!(selected, Item::Entity(_)));
    harness.get_by_label_contains("Mentions (");
    harness.get_by_label_contains("Table rows (1)");
    // Its start year, which the citation check compares cited works with, marked as the
    // corpus author's, not the paper's.
    harness.get_by_label("1923 (editorial, not from the paper)");
}

#[test]
fn an_entity_without_a_start_year_shows_no_since_line() {
    let mut harness = harness();
    settle(&mut harness);
    harness.get_by_label("Entities 41").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "ASEAN-ACT")
        .click();
    settle(&mut harness);
    assert!(harness.query_by_label("Since:").is_none());
    assert!(
        harness
            .query_by_label_contains("editorial, not from the paper")
            .is_none()
    );
}

#[test]
fn select_option_opens_on_an_item() {
    let mut harness = explorer(StartOptions {
        select: Some("row:row-greta".to_owned()),
        ..StartOptions::default()
    });
    settle(&mut harness);
    assert_eq!(harness.state().view(), TableView::ID);
    assert!(matches!(
        harness.state().selection.selected,
        Some(Item::TableRow(_))
    ));
}

//! Study notes in the window, on a paper other than the built-in one (a small JATS article):
//! a note on a reference added, edited and deleted in the Inspector by typing; a sentence
//! highlighted as a claim from its menu in the Reader and listed in the Notes view; notes kept
//! across a restart and a re-import of the paper from a moved copy; a note whose item is gone
//! shown as detached; the tag filter; search finding notes; a damaged store's message and its
//! backup restored. Each test keeps its notes in a folder of its own.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::context::Command;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::notes_view::NotesView;
use paperlens::app::reader::{Reader, highlight_entry};
use paperlens::app::state::FileDialogs;
use paperlens::app::study_notes::{NOTES_HEADING, NoteCommand};
use paperlens::corpus::study_notes::{NoteDraft, NoteLabel, PaperIdentity, Passage};
use paperlens::corpus::{Corpus, Item, ItemKey};
use paperlens::notes::NoteStore;

use crate::common::fixtures;
use crate::explorer::{explorer, settle, type_path};

/// The small JATS article.
fn paper() -> PathBuf {
    fixtures().join("papers/jats-small.xml")
}

/// The window on `path`, showing `view`, its notes kept in `notes_dir`.
fn window(path: &Path, view: &str, notes_dir: &Path) -> Harness<'static, Explorer> {
    let mut harness = explorer(start(path, view, notes_dir));
    settle(&mut harness);
    harness
}

/// How the window starts on `path`, showing `view`, its notes kept in `notes_dir`.
fn start(path: &Path, view: &str, notes_dir: &Path) -> StartOptions {
    StartOptions {
        path: Some(path.to_owned()),
        view: Some(view.to_owned()),
        notes_dir: Some(notes_dir.to_owned()),
        ..StartOptions::default()
    }
}

/// Applies `command` as a panel would have sent it.
fn send(harness: &mut Harness<'_, Explorer>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, command);
    settle(harness);
}

/// The stable key of `item` in the open corpus.
fn key(harness: &Harness<'_, Explorer>, item: Item) -> String {
    item.key(harness.state().corpus()).unwrap().0
}

/// The texts of the open paper's notes, oldest first.
fn texts(harness: &Harness<'_, Explorer>) -> Vec<String> {
    harness
        .state()
        .notes()
        .entries
        .iter()
        .map(|e| e.note.text.clone())
        .collect()
}

/// Clicks the control labelled `label`.
fn click(harness: &mut Harness<'_, Explorer>, label: &str) {
    harness.get_by_label(label).click();
    settle(harness);
}

/// Types `text` into the field labelled `label` (clicking it first).
fn type_into(harness: &mut Harness<'_, Explorer>, label: &str, text: &str) {
    click(harness, label);
    harness.run_steps(2);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(2);
}

#[test]
fn a_note_on_a_reference_is_added_edited_and_deleted_in_the_inspector() {
    let dir = tempfile::tempdir().unwrap();
    // Tall enough for the reference's record and its notes under it without scrolling.
    let options = start(&paper(), Reader::ID, dir.path());
    let mut harness = Harness::builder()
        .with_size([1280.0, 1400.0])
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options));
    settle(&mut harness);
    harness.state_mut().selection.selected = Some(Item::Reference(0));
    settle(&mut harness);
    harness.get_by_label(NOTES_HEADING);
    click(&mut harness, "Add a note");
    settle(&mut harness);
    type_into(
        &mut harness,
        "Note",
        "Global runoff fields: supports the GRDC claim.",
    );
    type_into(&mut harness, "Tags", "essay, data");
    click(&mut harness, "Save note");
    settle(&mut harness);
    assert_eq!(
        texts(&harness),
        ["Global runoff fields: supports the GRDC claim."]
    );
    let note = harness.state().notes().entries[0].note.clone();
    assert_eq!(note.item, key(&harness, Item::Reference(0)));
    assert_eq!(note.tags, ["essay", "data"]);
    harness.get_by_label(&format!("{NOTES_HEADING} (1)"));
    harness.get_by_label("Global runoff fields: supports the GRDC claim.");

    // Edit: the text and tags come back into the fields; the change is written.
    click(&mut harness, "Edit");
    settle(&mut harness);
    type_into(&mut harness, "Note", " Check the years.");
    click(&mut harness, "Save note");
    settle(&mut harness);
    assert_eq!(
        texts(&harness),
        ["Global runoff fields: supports the GRDC claim. Check the years."]
    );
    let reopened = NoteStore::open(dir.path()).unwrap().store;
    assert_eq!(
        reopened.note(note.id).unwrap().unwrap().text,
        "Global runoff fields: supports the GRDC claim. Check the years."
    );
    drop(reopened);

    // Delete, then Undo brings it back.
    click(&mut harness, "Delete");
    settle(&mut harness);
    assert!(texts(&harness).is_empty());
    click(&mut harness, "Undo delete");
    settle(&mut harness);
    assert_eq!(texts(&harness).len(), 1);
}

#[test]
fn a_sentence_highlighted_as_a_claim_shows_in_the_notes_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&paper(), Reader::ID, dir.path());
    harness
        .get_by_label_contains("Both catchments respond within days")
        .click_secondary();
    settle(&mut harness);
    harness
        .get_by_label(&highlight_entry(NoteLabel::Claim))
        .click();
    settle(&mut harness);
    let entries = &harness.state().notes().entries;
    assert_eq!(entries.len(), 1);
    let highlight = entries[0].clone();
    assert_eq!(highlight.note.label, Some(NoteLabel::Claim));
    let quote = highlight.note.passage.clone().unwrap().quote;
    assert!(
        quote.starts_with("Both catchments respond within days"),
        "{quote}"
    );
    assert!(quote.ends_with('.'), "the whole sentence: {quote}");
    assert!(highlight.resolved.passage.is_some());

    // Hovering the highlight shows its note.
    assert_eq!(
        harness.query_all_by_label_contains("No note yet").count(),
        0
    );
    harness
        .get_by_label_contains("Both catchments respond within days")
        .hover();
    harness.run_steps(8);
    assert!(harness.query_all_by_label_contains("No note yet").count() > 0);

    // A click on the highlight chooses its note.
    harness
        .get_by_label_contains("Both catchments respond within days")
        .click();
    settle(&mut harness);
    assert_eq!(harness.state().notes().focused, Some(highlight.note.id));
    assert!(matches!(
        harness.state().selection.selected,
        Some(Item::Paragraph(_))
    ));

    send(&mut harness, Command::SetView(NotesView::ID));
    assert!(
        harness
            .query_all_by_label_contains("Highlight · Claim")
            .count()
            > 0
    );
    // In the list, and in the Inspector beside its paragraph.
    assert_eq!(harness.query_all_by_label(&format!("“{quote}”")).count(), 2);
    harness.get_by_label("2 Results (1)");
}

#[test]
fn notes_survive_a_restart_and_a_reimport_from_a_moved_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&paper(), Reader::ID, dir.path());
    let reference = key(&harness, Item::Reference(1));
    let paragraph = key(&harness, Item::Paragraph(0));
    let printed = harness.state().corpus().index.paragraphs[0].printed.clone();
    send(
        &mut harness,
        Command::Note(NoteCommand::Add(NoteDraft::about(
            &ItemKey(reference.clone()),
            "A textbook, not a study.",
        ))),
    );
    send(
        &mut harness,
        Command::Note(NoteCommand::Add(NoteDraft {
            item: paragraph,
            label: Some(NoteLabel::Evidence),
            passage: Passage::of_quote(&printed, "collects discharge records worldwide"),
            ..NoteDraft::default()
        })),
    );
    assert_eq!(harness.state().notes().entries.len(), 2);
    drop(harness);

    // A new window on the same folder: both notes, found where they were.
    let mut harness = window(&paper(), Reader::ID, dir.path());
    let entries = harness.state().notes().entries.clone();
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| !e.resolved.is_detached()));
    harness.state_mut().selection.selected = Some(Item::Reference(1));
    settle(&mut harness);
    harness.get_by_label("A textbook, not a study.");
    drop(harness);

    // The same paper imported again from a copy elsewhere, under another name.
    let moved = tempfile::tempdir().unwrap();
    let copy = moved.path().join("renamed-article.xml");
    std::fs::copy(paper(), &copy).unwrap();
    let harness = window(&copy, Reader::ID, dir.path());
    let entries = &harness.state().notes().entries;
    assert_eq!(entries.len(), 2);
    let highlight = entries.iter().find(|e| e.note.is_highlight()).unwrap();
    let at = highlight.resolved.passage.clone().unwrap();
    assert_eq!(
        &harness.state().corpus().index.paragraphs[at.paragraph].printed[at.range],
        "collects discharge records worldwide"
    );
}

#[test]
fn a_note_whose_item_is_gone_is_shown_detached_with_its_quote() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Corpus::from_file(
        paperlens::open::open_path(&paper()).corpus.unwrap().file,
        "jats-small.xml",
    )
    .unwrap();
    let mut store = NoteStore::open(dir.path()).unwrap().store;
    store
        .add(
            &PaperIdentity::of(&corpus),
            NoteDraft {
                item: "paragraph:a-paragraph-cut-from-this-version".to_owned(),
                text: "Was this claim dropped?".to_owned(),
                passage: Some(Passage {
                    quote: "Snowmelt dominates the spring peak".to_owned(),
                    start: 0,
                    end: 34,
                }),
                ..NoteDraft::default()
            },
        )
        .unwrap();
    drop(store);
    let harness = window(&paper(), NotesView::ID, dir.path());
    assert!(harness.state().notes().entries[0].resolved.is_detached());
    harness.get_by_label("Detached notes (1)");
    harness.get_by_label("Was this claim dropped?");
    harness.get_by_label("“Snowmelt dominates the spring peak”");
}

#[test]
fn the_notes_view_filters_by_tag_and_search_finds_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&paper(), NotesView::ID, dir.path());
    for (item, text, tag) in [
        (Item::Reference(0), "Runoff fields for the essay.", "essay"),
        (
            Item::Reference(2),
            "Simple dynamical systems: method.",
            "method",
        ),
    ] {
        let draft = NoteDraft {
            tags: vec![tag.to_owned()],
            ..NoteDraft::about(&ItemKey(key(&harness, item)), text)
        };
        send(&mut harness, Command::Note(NoteCommand::Add(draft)));
    }
    harness.get_by_label("Runoff fields for the essay.");
    harness.get_by_label("Simple dynamical systems: method.");
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Tag")
        .click();
    settle(&mut harness);
    harness.get_by_label("#essay (1)").click();
    settle(&mut harness);
    harness.get_by_label("Runoff fields for the essay.");
    assert!(
        harness
            .query_by_label("Simple dynamical systems: method.")
            .is_none()
    );
    harness.get_by_label("1 of 2 notes");

    // Search (Ctrl+K) lists the note; opening it selects its reference.
    send(&mut harness, Command::OpenSearch);
    harness.state_mut().search.query = "dynamical method".to_owned();
    settle(&mut harness);
    harness.get_by_label_contains(&format!("{NOTES_HEADING} · 1"));
    harness
        .get_by_label_contains("Simple dynamical systems: method. #method")
        .click();
    settle(&mut harness);
    assert_eq!(harness.state().selection.selected, Some(Item::Reference(2)));
}

#[test]
fn a_damaged_store_is_set_aside_with_its_message_and_its_backup_restored() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = paperlens::open::open_path(&paper()).corpus.unwrap();
    let mut store = NoteStore::open(dir.path()).unwrap().store;
    // The third reference: a record with its entry as printed, too.
    let reference = Item::Reference(2).key(&corpus).unwrap();
    store
        .add(
            &PaperIdentity::of(&corpus),
            NoteDraft::about(&reference, "Kept in the backup."),
        )
        .unwrap();
    store.backup_now().unwrap();
    drop(store);
    std::fs::write(
        dir.path().join(paperlens::notes::STORE_FILE),
        b"not a database at all, only garbage",
    )
    .unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("notes.sqlite3{suffix}")));
    }

    let mut harness = window(&paper(), NotesView::ID, dir.path());
    let notices = harness.state().notices.join("\n");
    assert!(
        notices.contains("study notes store was damaged"),
        "{notices}"
    );
    assert!(harness.query_all_by_label_contains("was damaged").count() > 0);
    assert!(harness.state().notes().entries.is_empty());
    // The status bar offers the backup too, whatever the view.
    harness.get_by_label("Restore the notes' newest backup");
    harness.get_by_label("Restore the newest backup").click();
    settle(&mut harness);
    assert_eq!(texts(&harness), ["Kept in the backup."]);
    assert_eq!(
        harness.query_all_by_label_contains("was damaged").count(),
        0
    );
}

#[test]
fn without_a_store_the_window_works_and_says_why_there_are_no_notes() {
    let mut harness = explorer(StartOptions {
        path: Some(paper()),
        view: Some(NotesView::ID.to_owned()),
        ..StartOptions::default()
    });
    settle(&mut harness);
    harness.get_by_label("Notes are not available");
    harness.state_mut().selection.selected = Some(Item::Reference(0));
    settle(&mut harness);
    assert!(
        harness
            .query_all_by_label_contains("not kept in this window")
            .count()
            > 0
    );
    assert!(harness.query_by_label("Add a note").is_none());
}

#[test]
fn file_export_writes_the_notes_as_markdown_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    // The Reader, so that the File menu's entries are the only ones (the Notes view has them too).
    let mut harness = window(&paper(), Reader::ID, dir.path());
    harness.state_mut().state.file_dialogs = FileDialogs::InWindow;
    let reference = ItemKey(key(&harness, Item::Reference(0)));
    send(
        &mut harness,
        Command::Note(NoteCommand::Add(NoteDraft::about(
            &reference,
            "Supports the runoff claim.",
        ))),
    );
    let corpus = harness.state().corpus().clone();
    let notes: Vec<_> = harness
        .state()
        .notes()
        .entries
        .iter()
        .map(|e| e.note.clone())
        .collect();
    for (entry, name, expected) in [
        (
            "Export your notes (Markdown)",
            "notes.md",
            paperlens::formats::notes::to_markdown(&corpus, &notes),
        ),
        (
            "Export your notes (CSV)",
            "notes.csv",
            paperlens::formats::notes::to_csv(&corpus, &notes).unwrap(),
        ),
    ] {
        harness.get_by_label("File").click();
        settle(&mut harness);
        harness.get_by_label(entry).click();
        settle(&mut harness);
        let path = out.path().join(name);
        type_path(&mut harness, &path.display().to_string());
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, expected);
        assert!(written.contains("Supports the runoff claim."), "{written}");
    }
    // Ctrl+8 shows the Notes view (the eighth in the toolbar).
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num8);
    settle(&mut harness);
    assert_eq!(harness.state().view(), NotesView::ID);
    harness.get_by_label("Supports the runoff claim.");
}

#[test]
fn notes_on_any_item_show_in_its_inspector_and_hover_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&paper(), Reader::ID, dir.path());
    let items = [
        (Item::TableRow(0), "The wetter catchment's row."),
        (Item::Figure(0), "The lag is visible here."),
        (Item::Citation(0), "Cited for the data, not the method."),
        (Item::Reference(0), "The global runoff fields."),
    ];
    for (item, text) in items {
        let draft = NoteDraft::about(&ItemKey(key(&harness, item)), text);
        send(&mut harness, Command::Note(NoteCommand::Add(draft)));
    }
    for (item, text) in items {
        harness.state_mut().selection.selected = Some(item);
        settle(&mut harness);
        harness.get_by_label(&format!("{NOTES_HEADING} (1)"));
        harness.get_by_label(text);
    }
    // The hover card of a reference's chip in the text carries its notes.
    harness.state_mut().selection.selected = None;
    settle(&mut harness);
    harness.get_all_by_label("[1]").next().unwrap().hover();
    harness.run_steps(8);
    assert!(
        harness
            .query_all_by_label_contains("The global runoff fields.")
            .count()
            > 0
    );
    drop(harness);

    // On the built-in paper: a case and a chart's year.
    let mut harness = explorer(StartOptions {
        view: Some(Reader::ID.to_owned()),
        notes_dir: Some(dir.path().to_owned()),
        ..StartOptions::default()
    });
    settle(&mut harness);
    assert!(
        harness.state().notes().entries.is_empty(),
        "another paper's notes"
    );
    let point = crate::explorer::point_of(&harness, 2021);
    for (item, text) in [
        (Item::Case(0), "A case for the essay's second part."),
        (point, "The drop in 2021: lockdowns or less reporting?"),
    ] {
        let draft = NoteDraft::about(&ItemKey(key(&harness, item)), text);
        send(&mut harness, Command::Note(NoteCommand::Add(draft)));
        harness.state_mut().selection.selected = Some(item);
        settle(&mut harness);
        harness.get_by_label(text);
    }
}

#[test]
fn words_dragged_over_are_highlighted_rather_than_their_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&paper(), Reader::ID, dir.path());
    let rect = harness
        .get_by_label_contains("collects discharge records worldwide")
        .rect();
    let from = egui::pos2(rect.left() + 2.0, rect.top() + 4.0);
    let to = rect.center();
    let pointer = |harness: &mut Harness<'_, Explorer>, event: egui::Event| {
        harness.input_mut().events.push(event);
        harness.step();
    };
    pointer(&mut harness, egui::Event::PointerMoved(from));
    pointer(
        &mut harness,
        egui::Event::PointerButton {
            pos: from,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        },
    );
    for step in 1..=5u8 {
        let at = from + (to - from) * (f32::from(step) / 5.0);
        pointer(&mut harness, egui::Event::PointerMoved(at));
    }
    pointer(
        &mut harness,
        egui::Event::PointerButton {
            pos: to,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        },
    );
    settle(&mut harness);
    harness.hover_at(from);
    harness.run_steps(2);
    for pressed in [true, false] {
        pointer(
            &mut harness,
            egui::Event::PointerButton {
                pos: from,
                button: egui::PointerButton::Secondary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            },
        );
    }
    settle(&mut harness);
    harness
        .get_by_label(&highlight_entry(NoteLabel::Question))
        .click();
    settle(&mut harness);
    let entries = &harness.state().notes().entries;
    assert_eq!(entries.len(), 1);
    let quote = entries[0].note.passage.clone().unwrap().quote;
    let printed = &harness.state().corpus().index.paragraphs[0].printed;
    let sentence = printed.split_inclusive(". ").next().unwrap().trim();
    assert!(printed.contains(&quote), "{quote}");
    assert!(
        !quote.is_empty() && quote.len() < sentence.len(),
        "{quote} / {sentence}"
    );
    assert_eq!(entries[0].note.label, Some(NoteLabel::Question));
}

#[test]
fn the_link_over_a_long_record_scrolls_the_inspector_to_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    // Written before the window starts, so that no note is chosen (a chosen one is scrolled to).
    let corpus = paperlens::open::open_path(&paper()).corpus.unwrap();
    // The third reference: a record with its entry as printed, too.
    let reference = Item::Reference(2).key(&corpus).unwrap();
    let mut store = NoteStore::open(dir.path()).unwrap().store;
    store
        .add(
            &PaperIdentity::of(&corpus),
            NoteDraft::about(&reference, "Under a long record."),
        )
        .unwrap();
    drop(store);
    // A small laptop's window, where the record runs past the Inspector's foot.
    let options = start(&paper(), Reader::ID, dir.path());
    let mut harness = Harness::builder()
        .with_size([1024.0, 640.0])
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options));
    settle(&mut harness);
    harness.state_mut().selection.selected = Some(Item::Reference(2));
    settle(&mut harness);
    let bottom = harness.ctx.content_rect().bottom();
    let note_top =
        |harness: &Harness<'_, Explorer>| harness.get_by_label("Under a long record.").rect().top();
    assert!(note_top(&harness) > bottom, "the note starts out of view");
    click(&mut harness, &format!("↓ {NOTES_HEADING} (1)"));
    assert!(note_top(&harness) < bottom, "the note is in view");
}

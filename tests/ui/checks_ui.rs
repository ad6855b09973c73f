//! The citation check in the window: the Checks view (flags grouped by kind and by reference,
//! a click taking the Reader to the sentence, the empty state, the editorial notes apart), the
//! Inspector's Checks section, the Reader's marks and their toggle, student mode and its
//! answers kept across restarts (in the notes' store when there is one).
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paperlens::app::checks_view::{CHECKS_NOTE, ChecksView, NO_FLAGS};
use paperlens::app::context::{CheckCtx, CitationCache, Command, Selection, UiLayout, ViewCtx};
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::{FLAG_MARK_LABEL, Reader};
use paperlens::app::records::{SUPPORT_QUESTION, item_ui};
use paperlens::app::state::{FileDialogs, StateStore};
use paperlens::app::study::{NO_ANSWERS, SupportAnswer};
use paperlens::app::theme::{Palette, Theme};
use paperlens::app::views::View as _;
use paperlens::corpus::checks::{CitationChecks, Flag, FlagKind, FlagSeverity, WordEvidence};
use paperlens::corpus::links::Related;
use paperlens::corpus::study_notes::PaperIdentity;
use paperlens::corpus::{Corpus, Item};
use paperlens::formats::flags;
use paperlens::notes::NoteStore;

use crate::common::fixtures;
use crate::explorer::{explorer, settle, type_path};

/// The explorer on `file` (a fixture), showing `view`, settled.
fn explorer_on(file: &str, view: &str, store: Option<StateStore>) -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions {
        path: Some(fixtures().join(file)),
        view: Some(view.to_owned()),
        store,
        ..StartOptions::default()
    });
    settle(&mut harness);
    harness
}

/// The position of the reference `id` in the open corpus.
fn reference(harness: &Harness<'_, Explorer>, id: &str) -> usize {
    harness
        .state()
        .corpus()
        .file
        .references
        .iter()
        .position(|r| r.id == id)
        .unwrap()
}

/// A flag for the view-level tests, on `citation` of `reference`.
fn flag(kind: FlagKind, citation: Option<usize>, reference: usize, message: &str) -> Flag {
    Flag {
        kind,
        check: "test",
        severity: FlagSeverity::Moderate,
        citation,
        reference: Some(reference),
        paragraph: None,
        sentence: String::new(),
        message: message.to_owned(),
        evidence: format!("evidence of {message}"),
        words: None,
    }
}

/// The Checks view alone, drawn from `checks` over the built-in corpus; what it sends is kept.
struct ViewHarness {
    view: ChecksView,
    corpus: Corpus,
    checks: CitationChecks,
    sent: Vec<Command>,
}

fn checks_view_harness(checks: CitationChecks) -> Harness<'static, ViewHarness> {
    let theme = Theme::new(Palette::Light);
    let related = Related::default();
    let citations = CitationCache::default();
    let state = ViewHarness {
        view: ChecksView::default(),
        corpus: Corpus::builtin(),
        checks,
        sent: Vec::new(),
    };
    Harness::builder()
        .with_size([900.0, 1400.0])
        .build_ui_state(
            move |ui, state: &mut ViewHarness| {
                let ctx = ViewCtx::new(
                    &state.corpus,
                    Selection::default(),
                    &related,
                    &related,
                    &theme,
                    &citations,
                )
                .with_checks(CheckCtx {
                    checks: &state.checks,
                    marks: true,
                    student_mode: false,
                    answers: &NO_ANSWERS,
                });
                state.view.ui(&ctx, ui);
                state.sent.extend(ctx.take_commands());
            },
            state,
        )
}

/// The view groups flags under a heading per kind with its count, and per reference when
/// asked; a topic mismatch shows the words compared as a weak signal; a click on a flag with a
/// citation reveals the citation (the Reader at its sentence), one on a reference alone selects
/// the reference.
#[test]
fn the_checks_view_groups_flags_and_a_click_goes_to_the_sentence() {
    let mut mismatch = flag(FlagKind::TopicMismatch, Some(3), 0, "Few shared words");
    mismatch.severity = FlagSeverity::Weak;
    mismatch.words = Some(WordEvidence {
        context: vec!["recruit".to_owned(), "online".to_owned()],
        reference: vec!["environment".to_owned(), "regulation".to_owned()],
        shared: Vec::new(),
        score: 0.0,
        typical: 0.2,
    });
    let checks = CitationChecks {
        flags: vec![
            flag(
                FlagKind::Anachronism,
                Some(1),
                0,
                "Older than what it is cited for",
            ),
            mismatch,
            flag(
                FlagKind::MalformedReference,
                None,
                2,
                "Title reads like body text",
            ),
            Flag {
                reference: None,
                paragraph: Some(4),
                ..flag(
                    FlagKind::Hygiene,
                    None,
                    0,
                    "The citation [@nobody] names no reference",
                )
            },
        ],
    };
    let mut harness = checks_view_harness(checks);
    harness.run_steps(2);
    harness.get_by_label(CHECKS_NOTE);
    harness.get_by_label("4 flags about 2 references");
    harness.get_by_label("Anachronism (1)");
    harness.get_by_label("Topic mismatch (1)");
    harness.get_by_label("Malformed reference (1)");
    assert!(harness.query_by_label("Citation hygiene (0)").is_none());
    harness.get_by_label("recruit, online");
    harness.get_by_label("environment, regulation");
    harness.get_by_label_contains("Weak signal: overlap 0.00");
    harness
        .get_all_by_label_contains("Older than what it is cited for")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .sent
            .contains(&Command::Reveal(Item::Citation(1)))
    );
    harness
        .get_all_by_label_contains("Title reads like body text")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .sent
            .contains(&Command::Select(Item::Reference(2)))
    );
    // A flag about a passage alone (a marker naming no reference) opens the Reader there.
    harness
        .get_all_by_label_contains("names no reference")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .sent
            .contains(&Command::Reveal(Item::Paragraph(4)))
    );

    harness.get_by_label("By reference").click();
    harness.run_steps(2);
    let first = paperlens::corpus::display::reference_label(&Corpus::builtin(), 0);
    harness.get_by_label(&format!("{first} (2)"));
    harness.get_by_label("No reference (1)");
    assert!(harness.query_by_label("Anachronism (1)").is_none());
}

/// Flags that name no reference (a marker the source gives no target) are counted without
/// "about 0 references".
#[test]
fn flags_naming_no_reference_are_counted_alone() {
    let checks = CitationChecks {
        flags: vec![Flag {
            reference: None,
            ..flag(
                FlagKind::Hygiene,
                None,
                0,
                "Citation markers in the source name no reference",
            )
        }],
    };
    let mut harness = checks_view_harness(checks);
    harness.run_steps(2);
    harness.get_by_label("1 flag");
    assert!(harness.query_by_label_contains("about 0").is_none());
}

/// With no flags the view says so in plain words, and still lists the corpus's own editorial
/// notes apart.
#[test]
fn no_flags_is_said_in_plain_words() {
    let mut harness = checks_view_harness(CitationChecks::default());
    harness.run_steps(2);
    harness.get_by_label(NO_FLAGS);
    harness.get_by_label_contains("The corpus's own editorial notes (");
}

/// On a paper whose check finds nothing, the window's Checks view says so.
#[test]
fn a_paper_with_nothing_to_question_shows_the_empty_state() {
    let mut harness = explorer_on("minimal.json", ChecksView::ID, None);
    assert!(harness.state().checks().flags.is_empty());
    harness.get_by_label(NO_FLAGS);
    // Nothing to export: File → Export the citation flags is greyed out.
    harness.get_by_label("File").click();
    harness.run_steps(2);
    assert!(
        harness
            .get_by_label("Export the citation flags (CSV)")
            .accesskit_node()
            .is_disabled()
    );
}

/// A reference's hover card lists its first flags and says how many more the Inspector has.
#[test]
fn a_hover_card_lists_a_few_flags_and_counts_the_rest() {
    let corpus = Corpus::builtin();
    let checks = CitationChecks::run(&corpus);
    let (most, count) = (0..corpus.file.references.len())
        .map(|r| (r, checks.for_reference(r).count()))
        .max_by_key(|&(_, count)| count)
        .unwrap();
    assert!(
        count > 3,
        "a reference of the built-in paper has several flags"
    );
    let theme = Theme::new(Palette::Light);
    let related = Related::default();
    let citations = CitationCache::default();
    let mut harness = Harness::builder()
        .with_size([420.0, 900.0])
        .build_ui(move |ui| {
            let ctx = ViewCtx::new(
                &corpus,
                Selection::default(),
                &related,
                &related,
                &theme,
                &citations,
            )
            .with_checks(CheckCtx {
                checks: &checks,
                marks: true,
                student_mode: false,
                answers: &NO_ANSWERS,
            });
            item_ui(&ctx, ui, Item::Reference(most), UiLayout::Tooltip);
        });
    harness.run_steps(2);
    harness.get_by_label(&format!(
        "… and {} more in the Inspector's Checks section",
        count - 3
    ));
}

/// On a small paper citing a 2005 work for something in 2018, listing a work dated after the
/// paper and one it never cites, the Checks view shows the flags under their kinds; a click on
/// the one with a sentence opens the Reader there and the Inspector shows the citation; the
/// editorial note stays apart.
#[test]
fn the_checks_view_shows_the_papers_flags_and_takes_the_reader_there() {
    let mut harness = explorer_on("checks/window.json", ChecksView::ID, None);
    let checks = harness.state().checks().clone();
    let older = cited_anachronism(&harness);
    assert!(
        checks
            .for_reference(reference(&harness, "later2026"))
            .any(|flag| flag.kind == FlagKind::Anachronism),
        "a work dated after the paper is flagged"
    );
    assert!(
        checks
            .for_reference(reference(&harness, "uncited2019"))
            .any(|flag| flag.kind == FlagKind::Hygiene),
        "a reference never cited is flagged"
    );
    harness.get_by_label("Anachronism (2)");
    harness.get_by_label("Citation hygiene (1)");
    harness.get_by_label("The corpus's own editorial notes (1)");
    harness
        .get_all_by_label_contains(&older.message)
        .next()
        .unwrap()
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().selection.selected,
        older.citation.map(Item::Citation)
    );
    assert_eq!(harness.state().view(), Reader::ID);
}

/// The flag of `checks/window.json` on a citation: the 2005 work cited for something in 2018.
fn cited_anachronism(harness: &Harness<'_, Explorer>) -> Flag {
    let old = reference(harness, "old2005");
    harness
        .state()
        .checks()
        .for_reference(old)
        .find(|flag| flag.kind == FlagKind::Anachronism && flag.citation.is_some())
        .expect("a 2005 work cited for 2018 is flagged on its citation")
        .clone()
}

/// A reference's inspector has a Checks section with its flags; a click on one goes to its
/// sentence.
#[test]
fn the_inspector_shows_a_references_flags() {
    let mut harness = explorer_on("checks/window.json", Reader::ID, None);
    let flag = cited_anachronism(&harness);
    let old = reference(&harness, "old2005");
    harness.state_mut().selection.selected = Some(Item::Reference(old));
    settle(&mut harness);
    let count = harness.state().checks().for_reference(old).count();
    harness.get_by_label(&format!("Checks ({count})"));
    harness
        .get_all_by_label_contains(&flag.message)
        .last()
        .unwrap()
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().selection.selected,
        flag.citation.map(Item::Citation)
    );
}

/// The Reader marks a flagged citation; View → Mark flagged citations turns the marks off and
/// on, and the choice is a setting.
#[test]
fn the_reader_marks_flagged_citations_and_the_toggle_hides_them() {
    let mut harness = explorer_on("checks/window.json", Reader::ID, None);
    assert!(harness.state().state.checks.marks);
    assert!(harness.query_by_label(FLAG_MARK_LABEL).is_some());
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Mark flagged citations").click();
    settle(&mut harness);
    assert!(!harness.state().state.checks.marks);
    assert!(harness.query_by_label(FLAG_MARK_LABEL).is_none());
}

/// In student mode the Inspector asks about a selected citation before it shows its flags;
/// the answer shows the flags, is kept across a restart, and can be changed.
#[test]
fn student_mode_asks_first_and_keeps_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let store = || Some(StateStore::at(dir.path().join("state.json")));
    let mut harness = explorer_on("checks/window.json", Reader::ID, store());
    let citation = cited_anachronism(&harness).citation.unwrap();
    harness.state_mut().state.checks.student_mode = true;
    harness.state_mut().selection.selected = Some(Item::Citation(citation));
    settle(&mut harness);
    harness.get_by_label(SUPPORT_QUESTION);
    let heading = format!(
        "Checks ({})",
        harness.state().checks().for_citation(citation).count()
    );
    assert!(harness.query_by_label(&heading).is_none());
    // The Reader and the Checks view do not give the answer away either.
    assert!(harness.query_by_label(FLAG_MARK_LABEL).is_none());
    let flag = cited_anachronism(&harness);
    let view = |harness: &mut Harness<'_, Explorer>, id: &'static str| {
        let ctx = harness.ctx.clone();
        harness.state_mut().apply(&ctx, Command::SetView(id));
        settle(harness);
    };
    view(&mut harness, ChecksView::ID);
    harness.get_by_label_contains("wait for your answer");
    assert!(harness.query_by_label_contains(&flag.message).is_none());
    view(&mut harness, Reader::ID);
    harness.get_by_label("Partly").click();
    settle(&mut harness);
    view(&mut harness, ChecksView::ID);
    assert!(harness.query_all_by_label_contains(&flag.message).count() > 0);
    // The list shows the answer beside the flag, as the Inspector does.
    assert_eq!(harness.query_all_by_label("Your answer: Partly").count(), 2);
    view(&mut harness, Reader::ID);
    harness.get_by_label(&heading);
    harness.get_by_label("Your answer: Partly");
    harness.state_mut().save_state();
    drop(harness);

    let mut harness = explorer_on("checks/window.json", Reader::ID, store());
    assert!(harness.state().state.checks.student_mode);
    harness.state_mut().selection.selected = Some(Item::Citation(citation));
    settle(&mut harness);
    harness.get_by_label("Your answer: Partly");
    harness.get_by_label(&heading);
    harness.get_by_label("No").click();
    settle(&mut harness);
    harness.get_by_label("Your answer: No");
    let answers: Vec<SupportAnswer> = harness
        .state()
        .state
        .study
        .papers
        .values()
        .flat_map(|answers| answers.values().copied())
        .collect();
    assert_eq!(answers, [SupportAnswer::No]);
}

/// In student mode, answers "Partly" about the citation with the anachronism flag, from the
/// Inspector; returns the citation.
fn answer_partly(harness: &mut Harness<'_, Explorer>) -> usize {
    let citation = cited_anachronism(harness).citation.unwrap();
    harness.state_mut().state.checks.student_mode = true;
    harness.state_mut().selection.selected = Some(Item::Citation(citation));
    settle(harness);
    harness.get_by_label("Partly").click();
    settle(harness);
    citation
}

/// With a notes store the answers are kept there, beside the notes: an answer an older
/// settings file kept is moved into the store when its paper opens, a new one is written
/// there, and both are found after a restart.
#[test]
fn answers_move_into_the_notes_store_and_stay_there() {
    let dir = tempfile::tempdir().unwrap();
    let notes_dir = dir.path().join("state");
    let settings = dir.path().join("state.json");
    let start = |notes: Option<&Path>| {
        let mut harness = explorer(StartOptions {
            path: Some(fixtures().join("checks/window.json")),
            view: Some(Reader::ID.to_owned()),
            store: Some(StateStore::at(settings.clone())),
            notes_dir: notes.map(Path::to_path_buf),
            ..StartOptions::default()
        });
        settle(&mut harness);
        harness
    };
    let answers_in_store = |harness: &Harness<'_, Explorer>| {
        let identity = PaperIdentity::of(harness.state().corpus());
        let opened = NoteStore::open(&notes_dir).unwrap();
        opened.store.answers_of(&identity).unwrap()
    };
    // Without a store (as before there was one) the answer goes to the settings file.
    let mut harness = start(None);
    let citation = answer_partly(&mut harness);
    assert!(!harness.state().state.study.is_empty());
    harness.state_mut().save_state();
    drop(harness);

    // With a store, the settings file's answer moves into it.
    let mut harness = start(Some(&notes_dir));
    harness.state_mut().selection.selected = Some(Item::Citation(citation));
    settle(&mut harness);
    harness.get_by_label("Your answer: Partly");
    assert!(harness.state().state.study.is_empty());
    assert_eq!(
        answers_in_store(&harness).into_values().collect::<Vec<_>>(),
        [SupportAnswer::Partly]
    );
    harness.get_by_label("No").click();
    settle(&mut harness);
    harness.get_by_label("Your answer: No");
    assert_eq!(
        answers_in_store(&harness).into_values().collect::<Vec<_>>(),
        [SupportAnswer::No]
    );
    harness.state_mut().save_state();
    drop(harness);
    let saved = std::fs::read_to_string(&settings).unwrap();
    assert!(
        !saved.contains("partly") && !saved.contains("\"no\""),
        "{saved}"
    );

    let mut harness = start(Some(&notes_dir));
    harness.state_mut().selection.selected = Some(Item::Citation(citation));
    settle(&mut harness);
    harness.get_by_label("Your answer: No");
}

/// File → Export the citation flags (CSV) and (Markdown) write the flags as the formats layer
/// writes them, every flag's message in them, where the dialog was told.
#[test]
fn file_export_writes_the_flags_as_csv_and_as_a_worksheet() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = explorer_on("checks/window.json", ChecksView::ID, None);
    harness.state_mut().state.file_dialogs = FileDialogs::InWindow;
    let corpus = harness.state().corpus().clone();
    let checks = harness.state().checks().clone();
    assert!(!checks.flags.is_empty(), "the paper has flags to export");
    for (entry, name, expected) in [
        (
            "Export the citation flags (CSV)",
            "flags.csv",
            flags::to_csv(&corpus, &checks).unwrap(),
        ),
        (
            "Export the citation flags as a worksheet (Markdown)",
            "worksheet.md",
            flags::to_markdown(&corpus, &checks),
        ),
    ] {
        harness.get_by_label("File").click();
        settle(&mut harness);
        harness.get_by_label(entry).click();
        settle(&mut harness);
        let path = dir.path().join(name);
        type_path(&mut harness, &path.display().to_string());
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, expected);
        assert!(written.contains("Cited for something in 2018"), "{written}");
        assert_eq!(
            harness.state().notices.last().cloned(),
            Some(format!("Saved {}.", path.display()))
        );
    }
}

/// The worksheet saved from the window has the answers given in student mode ticked, so a
/// student hands in what they judged.
#[test]
fn the_worksheet_from_the_window_ticks_the_students_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = explorer_on("checks/window.json", Reader::ID, None);
    harness.state_mut().state.file_dialogs = FileDialogs::InWindow;
    answer_partly(&mut harness);
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness
        .get_by_label("Export the citation flags as a worksheet (Markdown)")
        .click();
    settle(&mut harness);
    let path = dir.path().join("worksheet.md");
    type_path(&mut harness, &path.display().to_string());
    let written = std::fs::read_to_string(&path).unwrap();
    let ticked: Vec<&str> = written.lines().filter(|l| l.starts_with("- [x]")).collect();
    assert_eq!(ticked, ["- [x] Partly"], "{written}");
}

/// A bibliography opened on its own offers the Checks view: its entries' flags, and none
/// saying a reference is never cited (there is no text to cite it); selecting the flagged
/// reference shows its flags at once, even in student mode (there is no sentence to judge).
#[test]
fn a_bibliography_on_its_own_is_checked_without_never_cited_flags() {
    let mut harness = explorer_on("import/broken.bib", ChecksView::ID, None);
    assert_eq!(harness.state().view(), ChecksView::ID);
    let checks = harness.state().checks().clone();
    assert!(
        checks
            .flags
            .iter()
            .all(|flag| flag.kind != FlagKind::Hygiene)
    );
    let flag = checks
        .flags
        .iter()
        .find(|flag| flag.kind == FlagKind::MalformedReference)
        .expect("the journal article without volume or pages is flagged")
        .clone();
    harness.get_by_label("Malformed reference (1)");
    harness.state_mut().state.checks.student_mode = true;
    harness
        .get_all_by_label_contains(&flag.message)
        .next()
        .unwrap()
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().selection.selected,
        flag.reference.map(Item::Reference)
    );
    harness.get_by_label("Checks (1)");
    assert!(harness.query_by_label(SUPPORT_QUESTION).is_none());
}

/// Page Down scrolls the Checks view, as it scrolls the Reader.
#[test]
fn page_down_scrolls_the_checks_view() {
    let mut harness = explorer(StartOptions {
        view: Some(ChecksView::ID.to_owned()),
        ..StartOptions::default()
    });
    settle(&mut harness);
    assert!(
        harness.state().checks().flags.len() > 5,
        "the built-in paper has flags enough to scroll"
    );
    let top =
        |harness: &Harness<'_, Explorer>| harness.get_by_label_contains("flags about").rect().top();
    let before = top(&harness);
    harness.key_press(egui::Key::PageDown);
    settle(&mut harness);
    assert!(
        top(&harness) < before - 100.0,
        "{before} → {}",
        top(&harness)
    );
}

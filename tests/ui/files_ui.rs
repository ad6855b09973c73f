//! Files never fail silently: a file that failed to open is tried again with F5 and listed in
//! Open Recent; paperlens's own file dialog opens and saves files, a PDF among them; Help →
//! User guide and About; the window's title names the open paper.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::state::FileDialogs;
use paperlens::corpus::{BUILTIN_JSON, BUILTIN_NAME};

use crate::common::{PDF_PAPER, pdf_of, pdftotext_or_skip};
use crate::explorer::{explorer, settle, type_path};

fn started() -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions::default());
    settle(&mut harness);
    harness
}

/// A corpus that does not parse: its JSON stops in the middle.
const BROKEN: &str = "{\"format\": \"paperlens-corpus/2\", \"paper\": {\"title\": ";

/// A valid corpus: the built-in one under another title.
fn fixed_corpus() -> String {
    BUILTIN_JSON.replace(
        "Human Trafficking in the Lens",
        "A Fixed Copy: Human Trafficking in the Lens",
    )
}

/// Opens `path` and waits for the load to finish.
fn open(harness: &mut Harness<'_, Explorer>, path: &Path) {
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, path.to_path_buf());
    harness.state_mut().finish_loading();
    settle(harness);
}

fn broken_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, BROKEN).unwrap();
    (dir, path)
}

#[test]
fn f5_tries_a_failed_file_again_once_it_is_fixed() {
    let (_dir, broken) = broken_file();
    let mut harness = started();
    open(&mut harness, &broken);

    // The corpus on screen stays, and the window says which file failed, why, and what to do.
    assert_eq!(harness.state().corpus().source_name, BUILTIN_NAME);
    let notice = harness.state().notices.last().unwrap().clone();
    assert!(notice.contains("Could not open"), "{notice}");
    assert!(notice.contains("broken.json"), "{notice}");
    assert!(notice.contains("line 1"), "{notice}");
    assert!(notice.contains("press F5"), "{notice}");
    harness.get_by_label("broken.json could not be opened: why?");
    assert_eq!(harness.state().reload_path(), Some(&broken));

    // Fixed, then F5: the same file opens.
    std::fs::write(&broken, fixed_corpus()).unwrap();
    harness.state_mut().diagnostics.open = false;
    settle(&mut harness);
    harness.key_press(Key::F5);
    harness.step();
    assert!(
        harness.state().is_loading(),
        "F5 reads the failed file again"
    );
    harness.state_mut().finish_loading();
    settle(&mut harness);
    assert!(
        harness
            .state()
            .corpus()
            .file
            .paper
            .title
            .starts_with("A Fixed Copy")
    );
    assert_eq!(harness.state().open_path(), Some(&broken));
    assert!(
        harness
            .query_by_label("broken.json could not be opened: why?")
            .is_none()
    );
    assert_eq!(harness.state().state.failure_of(&broken), None);
}

#[test]
fn open_recent_lists_a_failed_file_with_why() {
    let (_dir, broken) = broken_file();
    let mut harness = started();
    open(&mut harness, &broken);
    harness.state_mut().diagnostics.open = false;
    settle(&mut harness);
    assert_eq!(harness.state().state.recent_files.first(), Some(&broken));
    let reason = harness
        .state()
        .state
        .failure_of(&broken)
        .unwrap()
        .to_owned();
    assert!(reason.starts_with("line 1, column"), "{reason}");

    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label_contains("Open recent").click();
    settle(&mut harness);
    let entry = format!("{} — could not open", broken.display());
    harness.get_by_label(&entry).hover();
    settle(&mut harness);
    harness.get_by_label_contains("Last time it could not be opened: line 1, column");
}

/// Chooses paperlens's own dialog through File → File dialogs.
fn choose_the_in_window_dialog(harness: &mut Harness<'_, Explorer>) {
    harness.get_by_label("File").click();
    settle(harness);
    harness.get_by_label("File dialogs").click();
    settle(harness);
    harness
        .get_by_label("paperlens's own, in the window")
        .click();
    settle(harness);
    assert_eq!(harness.state().state.file_dialogs, FileDialogs::InWindow);
    harness.key_press(Key::Escape);
    settle(harness);
}

#[test]
fn the_in_window_dialog_opens_a_file_by_its_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixed.json");
    std::fs::write(&path, fixed_corpus()).unwrap();
    let mut harness = started();
    choose_the_in_window_dialog(&mut harness);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_some());
    harness.get_by_label("Open a paper, corpus or bibliography");

    // A folder typed is listed; then the file's whole path is typed.
    type_path(&mut harness, &dir.path().display().to_string());
    assert_eq!(
        harness
            .state()
            .file_dialog()
            .map(|d| d.folder().to_path_buf()),
        Some(dir.path().to_path_buf())
    );
    harness.get_by_label("fixed.json");
    type_path(&mut harness, &path.display().to_string());
    assert!(harness.state().file_dialog().is_none(), "the dialog closes");
    harness.state_mut().finish_loading();
    settle(&mut harness);
    assert_eq!(harness.state().open_path(), Some(&path));
    assert!(
        harness
            .state()
            .corpus()
            .file
            .paper
            .title
            .starts_with("A Fixed Copy")
    );
}

#[test]
fn a_pdf_is_offered_by_the_in_window_dialog_and_opens_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tides.pdf");
    std::fs::write(&path, pdf_of(&PDF_PAPER)).unwrap();
    let mut harness = started();
    choose_the_in_window_dialog(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut harness);
    type_path(&mut harness, &dir.path().display().to_string());
    harness.get_by_label("tides.pdf");
    if !pdftotext_or_skip("a PDF opened in the window") {
        return;
    }
    type_path(&mut harness, &path.display().to_string());
    harness.state_mut().finish_loading();
    settle(&mut harness);
    assert_eq!(harness.state().open_path(), Some(&path));
    let title = "Tide gauges and the drift of mean sea level";
    assert_eq!(harness.state().corpus().file.paper.title, title);
    assert!(
        harness
            .state()
            .notices
            .last()
            .is_some_and(|notice| notice.contains("read as the text pdftotext took from the PDF")),
        "{:?}",
        harness.state().notices
    );
    // The Reader (and the window's title bar) show the paper's own title; the outline its
    // sections.
    assert!(harness.query_all_by_label(title).count() >= 1);
    assert!(harness.query_all_by_label_contains("Methods").count() >= 1);
}

#[test]
fn the_in_window_dialog_saves_with_a_suggested_name_and_asks_before_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = started();
    choose_the_in_window_dialog(&mut harness);
    let export = |harness: &mut Harness<'_, Explorer>| {
        harness.get_by_label("File").click();
        settle(harness);
        harness.get_by_label("Export the corpus (JSON)").click();
        settle(harness);
    };
    export(&mut harness);
    let suggested = harness.state().file_dialog().unwrap().path_text.clone();
    assert!(suggested.ends_with("corpus.json"), "{suggested}");

    // A name without its extension is given it.
    type_path(&mut harness, &dir.path().join("mine").display().to_string());
    let saved = dir.path().join("mine.json");
    assert!(harness.state().file_dialog().is_none());
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .contains("paperlens-corpus/2")
    );
    std::fs::write(&saved, "old").unwrap();

    // The second time the dialog starts in that folder, and asks before replacing.
    export(&mut harness);
    let suggested = harness.state().file_dialog().unwrap().path_text.clone();
    assert_eq!(
        suggested,
        dir.path().join("corpus.json").display().to_string()
    );
    type_path(&mut harness, &saved.display().to_string());
    harness.get_by_label_contains("“mine.json” already exists");
    harness.get_by_label("Keep it").click();
    settle(&mut harness);
    assert_eq!(std::fs::read_to_string(&saved).unwrap(), "old");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    harness.get_by_label("Replace").click();
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_none());
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .contains("paperlens-corpus/2")
    );
    let notice = harness.state().notices.last().unwrap().clone();
    assert!(notice.starts_with("Saved"), "{notice}");
}

#[test]
fn escape_cancels_the_in_window_dialog() {
    let mut harness = started();
    choose_the_in_window_dialog(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_some());
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_none());
    assert_eq!(harness.state().corpus().source_name, BUILTIN_NAME);
}

fn help(harness: &mut Harness<'_, Explorer>, entry: &str) {
    harness.get_by_label("Help").click();
    settle(harness);
    harness.get_by_label(entry).click();
    settle(harness);
}

#[test]
fn about_shows_the_version_and_the_licences() {
    let mut harness = started();
    help(&mut harness, "About paperlens");
    assert!(harness.state().about.open);
    harness.get_by_label(&format!("paperlens {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label("Licence: MIT or Apache-2.0");
    harness.get_by_label("Ubuntu Font Licence 1.0");
    // The five styles state one licence in their files.
    let styles: Vec<&str> = paperlens::formats::styles::CitationStyle::ALL
        .iter()
        .map(|style| style.label())
        .collect();
    harness.get_by_label(&styles.join(", "));
    harness.get_by_label(
        "This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License \
         (http://creativecommons.org/licenses/by-sa/3.0/)",
    );
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(!harness.state().about.open);
}

#[test]
fn the_user_guide_opens_from_the_help_menu() {
    let mut harness = started();
    help(&mut harness, "User guide");
    assert!(harness.state().user_guide.open);
    harness.get_by_label("Using paperlens");
    // In the contents and as a heading.
    assert_eq!(harness.query_all_by_label("Presenting").count(), 2);
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(!harness.state().user_guide.open);
}

/// The titles the app sent the window in the last frame.
fn titles_sent(harness: &Harness<'_, Explorer>) -> Vec<String> {
    harness
        .output()
        .viewport_output
        .values()
        .flat_map(|viewport| viewport.commands.iter())
        .filter_map(|command| match command {
            egui::ViewportCommand::Title(title) => Some(title.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_window_title_names_the_open_paper() {
    // The harness draws frames as it starts: the title is sent in the first.
    let mut harness = explorer(StartOptions::default());
    let builtin = format!("{} — paperlens", harness.state().corpus().file.paper.title);
    assert_eq!(harness.state().window_title(), builtin);
    harness.step();
    assert!(
        titles_sent(&harness).is_empty(),
        "sent once, not every frame"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixed.json");
    std::fs::write(&path, fixed_corpus()).unwrap();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, path);
    harness.state_mut().finish_loading();
    harness.step();
    let title = titles_sent(&harness);
    assert_eq!(title.len(), 1);
    assert!(
        title[0].starts_with("A Fixed Copy: Human Trafficking"),
        "{title:?}"
    );
    assert!(title[0].ends_with(" — paperlens"), "{title:?}");

    // A bibliography has no paper title of its own: the file's name stands for it.
    let bib = dir.path().join("library.bib");
    std::fs::write(
        &bib,
        "@article{a, title={A}, author={Smith, Jo}, journal={J}, year={2020}}\n",
    )
    .unwrap();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, bib);
    harness.state_mut().finish_loading();
    harness.step();
    assert_eq!(titles_sent(&harness), ["library.bib — paperlens"]);
}

#[test]
fn a_chart_and_the_references_export_through_the_in_window_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = started();
    choose_the_in_window_dialog(&mut harness);

    harness.get_by_label("Trends").click();
    settle(&mut harness);
    harness.get_by_label("Export…").click();
    settle(&mut harness);
    harness.get_by_label("SVG (vector)").click();
    settle(&mut harness);
    let suggested = harness.state().file_dialog().unwrap().path_text.clone();
    assert_eq!(
        Path::new(&suggested).extension().and_then(|e| e.to_str()),
        Some("svg"),
        "{suggested}"
    );
    type_path(
        &mut harness,
        &dir.path().join("chart.svg").display().to_string(),
    );
    let svg = std::fs::read_to_string(dir.path().join("chart.svg")).unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");

    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Export references").click();
    settle(&mut harness);
    harness.get_by_label("All references").click();
    settle(&mut harness);
    harness.get_by_label_contains("BibTeX").click();
    settle(&mut harness);
    let suggested = harness.state().file_dialog().unwrap().path_text.clone();
    assert!(suggested.ends_with("references.bib"), "{suggested}");
    // The dialog starts in the folder the chart was saved in.
    assert_eq!(harness.state().file_dialog().unwrap().folder(), dir.path());
    harness.get_by_label("Save").click();
    settle(&mut harness);
    let bib = std::fs::read_to_string(dir.path().join("references.bib")).unwrap();
    assert_eq!(
        bib.matches("\n@").count() + usize::from(bib.starts_with('@')),
        19
    );
}

#[test]
fn escape_closes_the_file_dialog_before_the_find_bar_under_it() {
    let mut harness = started();
    choose_the_in_window_dialog(&mut harness);
    let find_open = |harness: &Harness<'_, Explorer>| {
        harness
            .state()
            .views()
            .get::<paperlens::app::reader::Reader>()
            .unwrap()
            .find
            .open
    };
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    settle(&mut harness);
    assert!(find_open(&harness));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_some());
    // Even with no control holding the keyboard, Esc is the dialog's.
    harness.ctx.memory_mut(egui::Memory::stop_text_input);
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_none());
    assert!(find_open(&harness), "the find bar stays open");
}

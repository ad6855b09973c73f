//! Any CSL style in the window: the searchable style picker (Inspector and View menu), File →
//! Load citation style…, a style remembered across restarts (and a loaded file that went
//! missing), the locale shown, and copies as HTML with italics and as plain text.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use eframe::egui::{self, Key, Modifiers};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::context::Command;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::references_view::ReferencesView;
use paperlens::app::state::{CitationDisplay, FileDialogs, StateStore};
use paperlens::app::style_choice::StyleChoice;
use paperlens::formats::styles::CitationStyle;

use crate::common;
use crate::explorer::{copied, explorer, settle};

/// The built-in paper with Porter and van der Linde (1995) in the Inspector, settings in
/// `store`.
fn on_porter(store: StateStore) -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions {
        select: Some("reference:porter1995".to_owned()),
        store: Some(store),
        ..StartOptions::default()
    });
    settle(&mut harness);
    harness
}

fn tiny_style() -> PathBuf {
    common::fixtures().join("csl/tiny-author-year.csl")
}

/// Applies `command` as the window would after a frame.
fn apply(harness: &mut Harness<'_, Explorer>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, command);
    settle(harness);
}

/// Opens the Inspector's style picker and types `query` in its search field.
fn search_in_inspector(harness: &mut Harness<'_, Explorer>, query: &str) {
    let button = format!("{} ▼", harness.state().citation_style().label_with_locale());
    harness.get_by_role_and_label(Role::Button, &button).click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Find a style")
        .type_text(query);
    harness.run_steps(2);
}

#[test]
fn typing_in_the_picker_finds_a_bundled_style_and_the_inspector_follows() {
    let mut harness = on_porter(StateStore::in_memory());
    harness.get_by_label("In text: (Porter & van der Linde, 1995)");
    search_in_inspector(&mut harness, "nature");
    // Every style shows its title from its CSL file; the one typed is found by name.
    harness.get_by_label("Nature");
    assert!(
        harness
            .query_by_label_contains("APA Style 7th edition")
            .is_none()
    );
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(
        harness.state().state.citation_style,
        StyleChoice::Bundled("nature".to_owned())
    );
    // The entry and the in-text form (raised) are Nature's, and the locale in use is shown.
    harness.get_by_label_contains(
        "Porter, M. E. & van der Linde, C. Toward a new conception of the \
         environment-competitiveness relationship. J. Econ. Perspect.",
    );
    harness.get_by_label("In text: ⁸");
    harness.get_by_label("Nature · en-GB ▼");
}

#[test]
fn a_typo_still_finds_the_style_and_the_arrows_choose_from_the_view_menu() {
    let mut harness = on_porter(StateStore::in_memory());
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("APA 7th · en-US").click();
    harness.run_steps(2);
    // "vancover" is found anyway.
    let dbg = true;
    harness
        .get_by_role_and_label(Role::TextInput, "Find a style")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Find a style")
        .type_text("vancover");
    harness.run_steps(2);
    if dbg {
        let t = crate::explorer::accessible_texts(&harness);
        let i = t.iter().position(|t| t == "Find a style").unwrap();
        println!("DBG {:?}", t.get(i..i + 30));
    }
    assert!(
        harness
            .query_all_by_label_contains("nlm-citation-sequence")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("APA Style 7th edition")
            .is_none()
    );
    // The first match is highlighted; ↓ then ↑ come back to it, Enter chooses it.
    harness.key_press(Key::ArrowDown);
    harness.run_steps(1);
    harness.key_press(Key::ArrowUp);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    settle(&mut harness);
    let StyleChoice::Bundled(name) = &harness.state().state.citation_style else {
        panic!("{:?}", harness.state().state.citation_style);
    };
    assert!(
        name.contains("vancouver") || name == "nlm-citation-sequence",
        "{name}"
    );
    // A numeric style in context: Porter is the eighth work cited.
    harness.get_by_label("In text: (8)");
}

#[test]
fn harvard_formats_in_british_english_and_says_so() {
    let mut harness = on_porter(StateStore::in_memory());
    harness.state_mut().state.citation_style = StyleChoice::Common(CitationStyle::Harvard);
    settle(&mut harness);
    harness.get_by_label("Harvard · en-GB ▼");
    harness.get_by_label("In text: (Porter and van der Linde, 1995)");
}

#[test]
fn a_loaded_csl_file_is_used_listed_and_remembered_until_it_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("state.json");
    let style = dir.path().join("tiny.csl");
    std::fs::copy(tiny_style(), &style).unwrap();
    {
        let mut harness = on_porter(StateStore::at(state_file.clone()));
        apply(&mut harness, Command::LoadStyle(style.clone()));
        assert_eq!(
            harness.state().state.citation_style,
            StyleChoice::File(style.clone())
        );
        assert_eq!(harness.state().state.loaded_styles, vec![style.clone()]);
        // The file's own default locale is honoured and shown.
        harness.get_by_label("Tiny Author Year · en-GB ▼");
        harness.get_by_label("In text: {Porter & van der Linde 1995}");
        harness.get_by_label_contains("Porter, M.E. & Linde, C. van der. Toward a new conception");
        let notice = harness.state().notices.last().unwrap().clone();
        assert!(
            notice.starts_with("Citations are now in Tiny Author Year"),
            "{notice}"
        );
        // The picker lists it with the files loaded, and marks it as the one in use.
        search_in_inspector(&mut harness, "tiny");
        harness.get_by_label("Loaded files");
        harness.get_by_label("Tiny Author Year · tiny.csl");
        harness.key_press(Key::Escape);
        settle(&mut harness);
        harness.state_mut().save_state();
    }
    let saved = std::fs::read_to_string(&state_file).unwrap();
    assert!(saved.contains(r#""file":"#), "{saved}");
    {
        let harness = on_porter(StateStore::at(state_file.clone()));
        assert_eq!(
            harness.state().state.citation_style,
            StyleChoice::File(style.clone())
        );
        harness.get_by_label("In text: {Porter & van der Linde 1995}");
    }
    // The file is gone at the next start: said plainly, and APA is used.
    std::fs::remove_file(&style).unwrap();
    let harness = on_porter(StateStore::at(state_file));
    assert_eq!(
        harness.state().state.citation_style,
        StyleChoice::Common(CitationStyle::Apa)
    );
    assert!(harness.state().state.loaded_styles.is_empty());
    let said = harness.state().notices.join("\n");
    assert!(
        said.contains(&format!("The citation style file {}", style.display()))
            && said.contains("citations are in APA 7th instead"),
        "{said}"
    );
    harness.get_by_label("In text: (Porter & van der Linde, 1995)");
}

#[test]
fn a_file_that_is_not_an_independent_style_is_refused_in_plain_words() {
    let mut harness = on_porter(StateStore::in_memory());
    for (file, words) in [
        (
            "csl/not-a-style.csl",
            "is not a CSL style paperlens can read",
        ),
        ("csl/dependent.csl", "is a dependent CSL style"),
    ] {
        let path = common::fixtures().join(file);
        apply(&mut harness, Command::LoadStyle(path));
        let notice = harness.state().notices.last().unwrap().clone();
        assert!(notice.contains(words), "{notice}");
        // Nothing changed.
        assert_eq!(
            harness.state().state.citation_style,
            StyleChoice::Common(CitationStyle::Apa)
        );
        assert!(harness.state().state.loaded_styles.is_empty());
        harness.get_by_label("In text: (Porter & van der Linde, 1995)");
    }
    // What the status bar shows is the message.
    harness.get_by_label_contains("is a dependent CSL style: it only points to its parent");
}

#[test]
fn file_load_citation_style_asks_for_a_csl_file() {
    let official = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/csl/apa.csl");
    let style = if official.exists() {
        official
    } else {
        tiny_style()
    };
    let mut harness = on_porter(StateStore::in_memory());
    harness.state_mut().state.file_dialogs = FileDialogs::InWindow;
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness.get_by_label("Load citation style…").click();
    settle(&mut harness);
    harness.get_by_label("Load a citation style (.csl)");
    let field = || Role::TextInput;
    harness.get_by_role_and_label(field(), "Path").click();
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(field(), "Path")
        .type_text(&style.display().to_string());
    harness.step();
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_none());
    let absolute = std::path::absolute(&style).unwrap();
    assert_eq!(
        harness.state().state.citation_style,
        StyleChoice::File(absolute.clone())
    );
    let notice = harness.state().notices.last().unwrap().clone();
    assert!(notice.starts_with("Citations are now in"), "{notice}");
    assert!(
        notice.ends_with(&format!("from {}.", absolute.display())),
        "{notice}"
    );
}

#[test]
fn copying_puts_html_with_italics_and_plain_text_on_the_clipboard() {
    let mut harness = on_porter(StateStore::in_memory());
    harness.state_mut().state.citation_style = StyleChoice::Bundled("nature".to_owned());
    settle(&mut harness);
    harness.get_by_label("Copy…").click();
    harness.run_steps(2);
    harness.get_by_label("Copy this reference (Nature)").click();
    harness.step();
    let (html, text) = harness.state().last_copy().cloned().unwrap();
    assert_eq!(
        html,
        "Porter, M. E. &amp; van der Linde, C. Toward a new conception of the \
         environment-competitiveness relationship. <i>J. Econ. Perspect.</i> 9, 97–118 (1995)."
    );
    assert!(
        text.starts_with("Porter, M. E. & van der Linde, C. Toward"),
        "{text}"
    );
    assert!(!text.contains('<'));
    // Without a system clipboard (tests), the plain text goes through egui.
    assert_eq!(copied(&harness), vec![text]);

    harness.get_by_label("Copy…").click();
    harness.run_steps(2);
    harness
        .get_by_label("Copy the whole bibliography (Nature)")
        .click();
    harness.step();
    let (html, text) = harness.state().last_copy().cloned().unwrap();
    assert_eq!(html.matches("<p>").count(), 19, "{html}");
    assert!(html.contains("<i>J. Econ. Perspect.</i>"), "{html}");
    assert_eq!(text.lines().count(), 19);
    assert!(
        text.lines().any(|line| line.starts_with("8. Porter")),
        "{text}"
    );
}

#[test]
fn another_paper_in_a_bundled_style_lists_and_copies_its_own_references() {
    let paper = common::fixtures().join("papers/jats-small.xml");
    let mut harness = explorer(StartOptions {
        path: Some(paper),
        view: Some(ReferencesView::ID.to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    harness.state_mut().state.citation_style = StyleChoice::Bundled("nature".to_owned());
    // The style's list, not the paper's own (which keeps one of the three as printed).
    harness.state_mut().state.list_display = CitationDisplay::InStyle;
    settle(&mut harness);
    harness.get_by_label("3 references · Nature · en-GB");
    assert!(
        harness
            .query_all_by_label_contains("Fekete, B. M. High-resolution fields of global runoff.")
            .next()
            .is_some()
    );
    harness
        .get_by_label("Copy the whole bibliography (Nature)")
        .click();
    harness.step();
    let (html, text) = harness.state().last_copy().cloned().unwrap();
    assert!(
        html.contains("<i>Global Biogeochemical Cycles</i>"),
        "{html}"
    );
    assert!(text.starts_with("1. Fekete, B. M."), "{text}");
    assert!(!text.contains("Porter"), "{text}");
}

#[test]
fn another_locale_can_be_chosen_for_a_bundled_style_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("state.json");
    {
        let mut harness = on_porter(StateStore::at(state_file.clone()));
        harness.state_mut().state.citation_style =
            StyleChoice::Bundled("elsevier-harvard".to_owned());
        settle(&mut harness);
        harness.get_by_label("In text: (Porter and van der Linde, 1995)");
        let button = format!("{} ▼", harness.state().citation_style().label_with_locale());
        harness.get_by_role_and_label(Role::Button, &button).click();
        harness.run_steps(2);
        harness.get_by_label("Locale: en-US").click();
        harness.run_steps(2);
        harness.get_by_label("de-DE").click();
        settle(&mut harness);
        assert_eq!(
            harness.state().state.citation_locale.as_deref(),
            Some("de-DE")
        );
        harness.get_by_label("In text: (Porter und van der Linde, 1995)");
        assert!(
            harness
                .state()
                .citation_style()
                .label_with_locale()
                .ends_with(" · de-DE")
        );
        harness.state_mut().save_state();
    }
    let mut harness = on_porter(StateStore::at(state_file));
    harness.get_by_label("In text: (Porter und van der Linde, 1995)");
    // The style's own locale again.
    apply(&mut harness, Command::SetCitationLocale(None));
    harness.get_by_label("In text: (Porter and van der Linde, 1995)");
    // The five keep theirs whatever is chosen.
    apply(
        &mut harness,
        Command::SetCitationLocale(Some("de-DE".to_owned())),
    );
    harness.state_mut().state.citation_style = StyleChoice::Common(CitationStyle::Apa);
    settle(&mut harness);
    harness.get_by_label("In text: (Porter & van der Linde, 1995)");
    harness.get_by_label("APA 7th · en-US ▼");
}

#[test]
fn the_picker_opens_on_the_style_in_use() {
    let mut harness = on_porter(StateStore::in_memory());
    harness.state_mut().state.citation_style = StyleChoice::Bundled("the-lancet".to_owned());
    settle(&mut harness);
    search_in_inspector(&mut harness, "");
    let row = harness.get_by_label("The Lancet · the-lancet").rect();
    let load = harness.get_by_label("Load citation style…").rect();
    let field = harness
        .get_by_role_and_label(Role::TextInput, "Find a style")
        .rect();
    // Scrolled into the list's view, between the search field and the button under the list.
    assert!(
        row.top() > field.bottom() && row.bottom() < load.top(),
        "{row:?} {field:?} {load:?}"
    );
}

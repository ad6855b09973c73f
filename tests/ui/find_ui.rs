//! Search and find: the Ctrl+K search box lists many results at once, grouped under headings
//! with counts, keeps the keyboard's row in view and opens it with Enter; Ctrl+F opens the
//! Reader's find bar, which counts the matches, steps through them and closes with Escape. On
//! the built-in paper and on an imported JATS article.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use eframe::egui::{self, Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::Reader;
use paperlens::app::state::StateStore;
use paperlens::app::table_view::TableView;
use paperlens::corpus::Item;
use paperlens::corpus::display::section_heading;
use paperlens::corpus::find::FoundIn;
use paperlens::corpus::search::SearchHit;

use crate::explorer::settle;

fn at_size(size: [f32; 2], options: StartOptions) -> Harness<'static, Explorer> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options));
    settle(&mut harness);
    harness
}

fn builtin(view: &str) -> StartOptions {
    StartOptions {
        view: Some(view.to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    }
}

fn jats() -> StartOptions {
    StartOptions {
        path: Some(PathBuf::from("tests/fixtures/papers/jats-small.xml")),
        view: Some(Reader::ID.to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    }
}

/// Opens the search box and types `query`.
fn search(harness: &mut Harness<'_, Explorer>, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    settle(harness);
    assert!(harness.state().search.open);
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text(query);
    settle(harness);
}

/// What AccessKit calls a result row: its text, and where it stands when it says.
fn row_label(hit: &SearchHit) -> String {
    if hit.place.is_empty() {
        hit.label.clone()
    } else {
        format!("{} — {}", hit.label, hit.place)
    }
}

/// The results area, as the search box last drew it.
fn results_area(harness: &Harness<'_, Explorer>) -> Rect {
    harness
        .state()
        .search
        .results_rect()
        .expect("the search box lists results")
}

fn inside(outer: Rect, inner: Rect) -> bool {
    outer.expand(0.5).contains_rect(inner) && inner.height() > 1.0
}

/// How many result rows show whole inside the results area.
fn visible_rows(harness: &Harness<'_, Explorer>) -> usize {
    let area = results_area(harness);
    let labels: Vec<String> = harness
        .state()
        .search
        .results()
        .iter()
        .map(row_label)
        .collect();
    harness
        .query_all_by(|node| node.label().is_some_and(|label| labels.contains(&label)))
        .filter(|node| inside(area, node.rect()))
        .count()
}

/// The row AccessKit marks selected, with where it is.
fn selected_row(harness: &Harness<'_, Explorer>) -> Rect {
    let labels: Vec<String> = harness
        .state()
        .search
        .results()
        .iter()
        .map(row_label)
        .collect();
    let rows: Vec<Rect> = harness
        .query_all_by(|node| {
            node.toggled() == Some(egui::accesskit::Toggled::True)
                && node.label().is_some_and(|label| labels.contains(&label))
        })
        .map(|node| node.rect())
        .collect();
    assert_eq!(rows.len(), 1, "one selected row");
    rows[0]
}

#[test]
fn a_common_word_lists_at_least_ten_results_at_once_under_counted_headings() {
    let mut harness = at_size([1280.0, 800.0], builtin(Reader::ID));
    search(&mut harness, "trafficking");
    let shown = visible_rows(&harness);
    assert!(shown >= 10, "{shown} rows in view");
    let groups = harness.state().search.grouped_results().groups.clone();
    assert!(groups.len() >= 3, "{groups:?}");
    for group in &groups {
        assert!(group.total >= group.hits.len());
        harness.get_by_label(&group.heading());
    }
    // The paper names trafficking in more paragraphs than the box lists: the heading says so.
    let paragraphs = groups
        .iter()
        .find(|g| g.kind == paperlens::corpus::ItemKind::Paragraph)
        .expect("paragraphs match");
    assert!(paragraphs.heading().contains(" of "), "{paragraphs:?}");
    // A paragraph's row says where it stands, and marks the word.
    let hits = harness.state().search.results().to_vec();
    let first_paragraph = &hits[paragraphs.hits.start];
    assert!(first_paragraph.place.contains('¶'), "{first_paragraph:?}");
    assert!(
        first_paragraph
            .highlights
            .iter()
            .any(|r| first_paragraph.label[r.clone()].eq_ignore_ascii_case("trafficking")),
        "{first_paragraph:?}"
    );
}

#[test]
fn a_small_window_still_lists_eight_results() {
    let mut harness = at_size([1024.0, 640.0], builtin(Reader::ID));
    search(&mut harness, "trafficking");
    let shown = visible_rows(&harness);
    assert!(shown >= 8, "{shown} rows in view at 1024×640");
}

#[test]
fn the_keyboard_row_stays_in_view_and_enter_reveals_it() {
    let mut harness = at_size([1280.0, 800.0], builtin(TableView::ID));
    search(&mut harness, "trafficking");
    for step in 1..=14 {
        harness.key_press(Key::ArrowDown);
        harness.run_steps(2);
        assert_eq!(harness.state().search.cursor, step);
        let row = selected_row(&harness);
        assert!(
            inside(results_area(&harness), row),
            "row {step} at {row:?} is outside {:?}",
            results_area(&harness)
        );
    }
    // A page down moves by the rows in view, and the row is still in view.
    harness.key_press(Key::PageDown);
    harness.run_steps(2);
    let after_page = harness.state().search.cursor;
    assert!(after_page >= 14 + 5, "page down went to {after_page}");
    assert!(inside(results_area(&harness), selected_row(&harness)));
    harness.key_press(Key::PageUp);
    harness.run_steps(2);
    assert!(harness.state().search.cursor < after_page);
    assert!(inside(results_area(&harness), selected_row(&harness)));
    // Enter opens the row: selected, and shown in its view.
    let cursor = harness.state().search.cursor;
    let item = harness.state().search.results()[cursor].item;
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert!(!harness.state().search.open);
    assert_eq!(harness.state().selection.selected, Some(item));
    if matches!(item, Item::Paragraph(_)) {
        assert_eq!(harness.state().view(), Reader::ID);
    }
}

#[test]
fn escape_or_a_click_elsewhere_closes_the_search_box() {
    let mut harness = at_size([1280.0, 800.0], builtin(Reader::ID));
    search(&mut harness, "interpol");
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(!harness.state().search.open);

    search(&mut harness, "interpol");
    let area = results_area(&harness);
    // A click inside the box keeps it open; one beside it closes it.
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .click();
    settle(&mut harness);
    assert!(harness.state().search.open);
    let beside = egui::pos2(area.left() / 2.0, area.bottom() - 10.0);
    harness.input_mut().events.extend([
        egui::Event::PointerMoved(beside),
        egui::Event::PointerButton {
            pos: beside,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        },
        egui::Event::PointerButton {
            pos: beside,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        },
    ]);
    settle(&mut harness);
    assert!(!harness.state().search.open);
}

/// The find bar's state.
fn find<'h>(harness: &'h Harness<'_, Explorer>) -> &'h paperlens::app::reader::FindBar {
    &harness
        .state()
        .views()
        .get::<Reader>()
        .expect("the Reader is a view")
        .find
}

/// Opens the find bar with Ctrl+F and types `phrase`.
fn find_phrase(harness: &mut Harness<'_, Explorer>, phrase: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    settle(harness);
    assert_eq!(harness.state().view(), Reader::ID);
    assert!(find(harness).open);
    assert!(!harness.state().search.open, "Ctrl+F is not the search box");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .type_text(phrase);
    settle(harness);
}

/// Whether the find bar's current match was drawn inside the Reader's view: under the find bar
/// and above the status bar.
fn current_match_in_view(harness: &Harness<'_, Explorer>) -> bool {
    let bottom = harness.ctx.content_rect().bottom() - 30.0;
    let bar_bottom = harness.get_by_label("Close the find bar").rect().bottom();
    find(harness)
        .current_rect()
        .is_some_and(|rect| rect.top() > bar_bottom && rect.bottom() < bottom)
}

/// How often `word` (lower case) occurs in the title, abstract, headings and paragraphs as
/// printed, counted plainly.
fn naive_count(harness: &Harness<'_, Explorer>, word: &str) -> usize {
    let corpus = harness.state().corpus();
    let in_headings: usize = corpus
        .file
        .sections
        .iter()
        .map(|s| section_heading(s).to_lowercase().matches(word).count())
        .sum();
    let in_paragraphs: usize = corpus
        .index
        .paragraphs
        .iter()
        .map(|p| p.printed.to_lowercase().matches(word).count())
        .sum();
    let paper = &corpus.file.paper;
    let front = if paper.title.is_empty() {
        0
    } else {
        [&paper.title, &paper.abstract_text]
            .iter()
            .map(|text| text.to_lowercase().matches(word).count())
            .sum()
    };
    front + in_headings + in_paragraphs
}

fn press(harness: &mut Harness<'_, Explorer>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    settle(harness);
}

#[test]
fn ctrl_f_counts_the_matches_steps_through_them_and_escape_clears_them() {
    let mut harness = at_size([1280.0, 800.0], builtin(TableView::ID));
    find_phrase(&mut harness, "interpol");
    harness.get_by_label("1 of 2");
    assert!(current_match_in_view(&harness));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label("2 of 2");
    press(&mut harness, Modifiers::NONE, Key::F3);
    harness.get_by_label("1 of 2");
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    harness.get_by_label("2 of 2");
    press(&mut harness, Modifiers::SHIFT, Key::F3);
    harness.get_by_label("1 of 2");
    // The buttons step too.
    harness.get_by_label("Next match").click();
    settle(&mut harness);
    harness.get_by_label("2 of 2");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!find(&harness).open);
    assert_eq!(find(&harness).match_count(), 0);
    assert!(harness.query_by_label("2 of 2").is_none());
}

#[test]
fn the_find_bar_follows_a_common_word_down_the_text_and_says_when_nothing_matches() {
    let mut harness = at_size([1280.0, 800.0], builtin(Reader::ID));
    find_phrase(&mut harness, "liberal");
    let count = find(&harness).match_count();
    // Counted as the text reads, ignoring case.
    let expected = naive_count(&harness, "liberal");
    assert_eq!(count, expected);
    assert!(count > 10);
    for step in 2..=12 {
        press(&mut harness, Modifiers::NONE, Key::F3);
        harness.get_by_label(&format!("{step} of {count}"));
        // The current match is scrolled into the Reader's view.
        assert!(current_match_in_view(&harness), "match {step} not in view");
    }
    // Typing more narrows the matches; nonsense finds none.
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .type_text("zzq");
    settle(&mut harness);
    harness.get_by_label("No matches");
}

#[test]
fn a_phrase_is_found_from_where_the_reader_is_reading() {
    let mut harness = at_size([1280.0, 800.0], builtin(Reader::ID));
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "5 CONCLUSION")
        .click();
    settle(&mut harness);
    find_phrase(&mut harness, "trafficking");
    let count = find(&harness).match_count();
    let (position, _) = find(&harness).current().expect("a current match");
    // Not the paper's first mention of trafficking, but one in the conclusion, in view.
    assert!(position > count / 2, "{position} of {count}");
    harness.get_by_label(&format!("{} of {count}", position + 1));
    assert!(current_match_in_view(&harness));
}

#[test]
fn headings_are_found_too() {
    let mut harness = at_size([1280.0, 800.0], builtin(Reader::ID));
    find_phrase(&mut harness, "literature review");
    let count = find(&harness).match_count();
    assert_eq!(count, naive_count(&harness, "literature review"));
    let mut in_heading = false;
    for _ in 0..count {
        let (_, current) = find(&harness).current().expect("a current match");
        if matches!(current.found_in, FoundIn::Heading(_)) {
            in_heading = true;
            assert!(
                current_match_in_view(&harness),
                "the heading's match is in view"
            );
            break;
        }
        press(&mut harness, Modifiers::NONE, Key::F3);
    }
    assert!(in_heading, "the heading “2 LITERATURE REVIEW” is a match");
}

#[test]
fn the_view_menu_opens_the_find_bar_and_a_bibliography_searches_instead() {
    let mut harness = at_size([1280.0, 800.0], builtin(TableView::ID));
    harness.get_by_label("View").click();
    settle(&mut harness);
    harness.get_by_label("Find in text  (Ctrl+F)").click();
    settle(&mut harness);
    assert_eq!(harness.state().view(), Reader::ID);
    assert!(find(&harness).open);

    // A bibliography has no text to find in: Ctrl+F searches its references.
    let mut harness = at_size(
        [1280.0, 800.0],
        StartOptions {
            path: Some(PathBuf::from("tests/fixtures/import/links.ris")),
            store: Some(StateStore::in_memory()),
            ..StartOptions::default()
        },
    );
    assert!(harness.state().corpus().index.paragraphs.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    settle(&mut harness);
    assert!(harness.state().search.open);
    assert!(!find(&harness).open);
}

#[test]
fn the_shortcut_overlay_tells_find_from_search() {
    let mut harness = at_size([1280.0, 800.0], builtin(Reader::ID));
    harness.key_press(Key::F1);
    settle(&mut harness);
    harness.get_by_label("Find words in the Reader's text");
    harness.get_by_label("Ctrl+F");
    harness.get_by_label("Search everything");
    harness.get_by_label("Ctrl+K");
    harness.get_by_label("In the Reader's find bar");
    harness.get_by_label("Enter or F3");
    harness.get_by_label("Shift+Enter or Shift+F3");
}

#[test]
fn find_and_search_work_on_an_imported_article() {
    let mut harness = at_size([1280.0, 800.0], jats());
    find_phrase(&mut harness, "discharge");
    let expected = naive_count(&harness, "discharge");
    assert!(expected >= 2, "{expected}");
    harness.get_by_label(&format!("1 of {expected}"));
    press(&mut harness, Modifiers::NONE, Key::F3);
    harness.get_by_label(&format!("2 of {expected}"));
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!find(&harness).open);

    search(&mut harness, "catchment");
    let results = harness.state().search.grouped_results().clone();
    assert!(!results.hits.is_empty());
    for group in &results.groups {
        harness.get_by_label(&group.heading());
    }
    let paragraph = results
        .hits
        .iter()
        .find(|h| matches!(h.item, Item::Paragraph(_)))
        .expect("the article's text names its catchments");
    assert!(paragraph.place.contains('¶'), "{paragraph:?}");
    assert!(visible_rows(&harness) >= results.hits.len().min(10));
}

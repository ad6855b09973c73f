//! The Reader keeps the reader's place: the paragraph at the top stays there across a zoom and
//! a window resize, Back returns to where the text was; keys scroll it and step a chart's
//! years; linked views follow each other (a hovered year, a shared region filter, a selected
//! case taking the Reader to its passage). On the built-in paper and on an imported one.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::PathBuf;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paperlens::app::cases_view::CasesView;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::Reader;
use paperlens::app::state::StateStore;
use paperlens::app::table_view::TableView;
use paperlens::app::trends_view::TrendsView;
use paperlens::app::virtual_list::ListPlace;
use paperlens::corpus::Item;

use crate::explorer::{explorer, point_of, press_and_release, year_position};

/// The explorer on `view` of the built-in paper, with settings of its own.
fn builtin(view: &str) -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions {
        view: Some(view.to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    settle(&mut harness);
    harness
}

/// Enough frames for reveals, restored places and re-measured rows to settle (a restored
/// place is given up after eight frames at most, so what follows is the view as it stands).
fn settle(harness: &mut Harness<'_, Explorer>) {
    harness.run_steps(12);
}

fn reader<'h>(harness: &'h Harness<'_, Explorer>) -> &'h Reader {
    harness.state().views().get::<Reader>().expect("the Reader")
}

fn place(harness: &Harness<'_, Explorer>) -> ListPlace {
    reader(harness).place().expect("the Reader was drawn")
}

fn top_item(harness: &Harness<'_, Explorer>) -> Option<Item> {
    reader(harness).top_item()
}

/// Moves the pointer over the middle of the main view.
fn point_at_reader(harness: &mut Harness<'_, Explorer>) {
    let size = harness.ctx.content_rect().size();
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(egui::pos2(
            size.x * 0.5,
            size.y * 0.5,
        )));
    harness.run_steps(2);
}

/// Scrolls the Reader to a paragraph in the middle of a section: a section from the Outline,
/// then a page down, so that the top of the view is inside the text, not at a heading.
fn read_into(harness: &mut Harness<'_, Explorer>, heading: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, heading)
        .click();
    settle(harness);
    point_at_reader(harness);
    harness.key_press(Key::PageDown);
    settle(harness);
}

fn assert_same_top(before: ListPlace, after: ListPlace, what: &str) {
    assert_eq!(before.row, after.row, "{what}: {before:?} → {after:?}");
}

#[test]
fn the_top_paragraph_stays_at_the_top_across_a_zoom() {
    let mut harness = builtin(Reader::ID);
    read_into(&mut harness, "2 LITERATURE REVIEW");
    let before = place(&harness);
    let item = top_item(&harness);
    assert!(matches!(item, Some(Item::Paragraph(_))), "{item:?}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    settle(&mut harness);
    assert!(harness.ctx.zoom_factor() > 1.0, "Ctrl+= zooms in");
    assert_same_top(before, place(&harness), "zoomed in");
    assert_eq!(top_item(&harness), item);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    settle(&mut harness);
    assert!(harness.ctx.zoom_factor() < 1.0, "Ctrl+- zooms out");
    assert_same_top(before, place(&harness), "zoomed out");
}

#[test]
fn the_top_paragraph_stays_at_the_top_across_resizes() {
    let mut harness = builtin(Reader::ID);
    read_into(&mut harness, "3 METHODS");
    let before = place(&harness);
    for size in [[1024.0, 640.0], [1920.0, 1080.0], [1280.0, 800.0]] {
        harness.set_size(egui::Vec2::from(size));
        settle(&mut harness);
        assert_same_top(before, place(&harness), &format!("{size:?}"));
    }
}

#[test]
fn the_top_paragraph_stays_at_the_top_when_the_side_panels_collapse_and_reopen() {
    let mut harness = builtin(Reader::ID);
    read_into(&mut harness, "4 RESULTS AND DISCUSSION");
    let before = place(&harness);
    for (modifiers, key, what) in [
        (Modifiers::COMMAND, Key::B, "navigator collapsed"),
        (Modifiers::COMMAND, Key::I, "inspector collapsed"),
        (Modifiers::COMMAND, Key::B, "navigator reopened"),
        (Modifiers::COMMAND, Key::I, "inspector reopened"),
    ] {
        harness.key_press_modifiers(modifiers, key);
        // The panels slide open and shut over a few frames; the text rewraps each frame.
        harness.run_steps(30);
        let state = &harness.state().state;
        assert_eq!(
            (state.navigator_open, state.inspector_open),
            match what {
                "navigator collapsed" => (false, true),
                "inspector collapsed" => (false, false),
                "navigator reopened" => (true, false),
                _ => (true, true),
            },
            "{what}"
        );
        assert_same_top(before, place(&harness), what);
    }
}

#[test]
fn back_from_a_cited_in_jump_returns_to_the_same_text() {
    let mut harness = builtin(Reader::ID);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "2 LITERATURE REVIEW")
        .click();
    settle(&mut harness);
    point_at_reader(&mut harness);
    // A chip on screen selects its reference; the Reader has not moved.
    let on_screen = |harness: &Harness<'_, Explorer>| {
        harness
            .query_all_by_label("[8]")
            .find(|node| node.rect().top() > 100.0 && node.rect().bottom() < 760.0)
            .map(|node| node.rect().center())
    };
    for _ in 0..10 {
        if on_screen(&harness).is_some() {
            break;
        }
        harness.key_press(Key::ArrowDown);
        settle(&mut harness);
    }
    assert!(
        on_screen(&harness).is_some(),
        "no [8] on screen at {:?}",
        top_item(&harness)
    );
    harness
        .query_all_by_label("[8]")
        .find(|node| node.rect().top() > 100.0 && node.rect().bottom() < 760.0)
        .unwrap()
        .click();
    settle(&mut harness);
    let before = place(&harness);
    assert!(matches!(
        harness.state().selection.selected,
        Some(Item::Reference(_))
    ));
    // The inspector's Cited in entry takes the Reader to another section.
    harness
        .get_by_label_contains("[8] note that advancements")
        .click();
    settle(&mut harness);
    assert!(
        place(&harness).row > before.row + 3,
        "the jump moved the Reader: {before:?} → {:?}",
        place(&harness)
    );
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    settle(&mut harness);
    assert!(matches!(
        harness.state().selection.selected,
        Some(Item::Reference(_))
    ));
    assert_same_top(before, place(&harness), "back");
    assert!((place(&harness).fraction - before.fraction).abs() < 0.05);
    // Forward goes to the jump's place again.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    settle(&mut harness);
    assert!(place(&harness).row > before.row + 3);
}

#[test]
fn page_down_space_home_and_end_scroll_the_reader() {
    let mut harness = builtin(Reader::ID);
    point_at_reader(&mut harness);
    assert_eq!(place(&harness).row, 0);
    harness.key_press(Key::PageDown);
    settle(&mut harness);
    let paged = place(&harness);
    assert!(paged.row > 0 || paged.fraction > 0.2, "{paged:?}");
    harness.key_press(Key::Space);
    settle(&mut harness);
    let spaced = place(&harness);
    assert!(
        spaced.row > paged.row || spaced.fraction > paged.fraction,
        "{spaced:?}"
    );
    harness.key_press(Key::ArrowDown);
    settle(&mut harness);
    assert!(place(&harness) != spaced);
    harness.key_press(Key::End);
    settle(&mut harness);
    let blocks = place(&harness).row;
    assert!(blocks > 40, "End goes to the last blocks: {blocks}");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Space);
    settle(&mut harness);
    assert!(place(&harness).row < blocks, "Shift+Space pages up");
    harness.key_press(Key::Home);
    settle(&mut harness);
    assert_eq!(place(&harness).row, 0);
    assert!(place(&harness).fraction < 0.01);
}

#[test]
fn scroll_keys_are_listed_in_the_shortcut_overlay() {
    let mut harness = builtin(Reader::ID);
    harness.key_press(Key::F1);
    harness.run_steps(3);
    harness.get_by_label(
        "Scrolling the Reader and lists (the one under the pointer or with the focus)",
    );
    harness.get_by_label("Page Down or Space");
    harness.get_by_label("Page Up or Shift+Space");
    harness.get_by_label("On a chart with the keyboard focus (Tab to it)");
    harness.get_by_label("Select the year after");
}

#[test]
fn arrows_on_the_focused_chart_step_the_selected_year() {
    let mut harness = builtin(TrendsView::ID);
    let years: Vec<i32> = harness.state().corpus().file.series[0]
        .points
        .iter()
        .map(|p| p.year)
        .collect();
    let first = years[0];
    let second = years[1];
    let at = year_position(&harness, first);
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(at));
    harness.run_steps(2);
    press_and_release(&mut harness, at);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection.selected,
        Some(point_of(&harness, first))
    );
    harness.key_press(Key::ArrowRight);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection.selected,
        Some(point_of(&harness, second))
    );
    harness.key_press(Key::ArrowRight);
    harness.key_press(Key::ArrowLeft);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection.selected,
        Some(point_of(&harness, second))
    );
    harness.key_press(Key::ArrowLeft);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection.selected,
        Some(point_of(&harness, first))
    );
    // Alt+← is still Back, not a year.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection.selected,
        Some(point_of(&harness, second))
    );
}

#[test]
fn hovering_a_year_lights_the_same_passages_as_clicking_it() {
    let mut harness = builtin(TrendsView::ID);
    let at = year_position(&harness, 2021);
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(at));
    harness.run_steps(3);
    let hovered = harness.state().hovered_related().paragraphs.clone();
    assert!(!hovered.is_empty(), "the year's passages are lit on hover");
    press_and_release(&mut harness, at);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection.selected,
        Some(point_of(&harness, 2021))
    );
    assert_eq!(harness.state().selected_related().paragraphs, hovered);
}

#[test]
fn clear_filters_in_the_table_clears_the_cases_region_too() {
    let mut harness = builtin(TableView::ID);
    // A region selected in the Navigator filters both views.
    harness.get_by_label("Regions 4").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "ASEAN")
        .click();
    settle(&mut harness);
    let asean = harness
        .state()
        .corpus()
        .file
        .regions
        .iter()
        .position(|r| r.name == "ASEAN")
        .unwrap();
    let cases = |harness: &Harness<'_, Explorer>| {
        harness
            .state()
            .views()
            .get::<CasesView>()
            .unwrap()
            .region_filter
    };
    let table = |harness: &Harness<'_, Explorer>| {
        harness
            .state()
            .views()
            .get::<TableView>()
            .unwrap()
            .region_filter
    };
    assert_eq!(table(&harness), Some(asean));
    assert_eq!(cases(&harness), Some(asean));
    harness.get_by_label("Clear filters").click();
    settle(&mut harness);
    assert_eq!(table(&harness), None);
    assert_eq!(cases(&harness), None, "the Cases view is not left filtered");
    harness.get_by_label("Cases").click();
    settle(&mut harness);
    let shown = harness
        .state()
        .views()
        .get::<CasesView>()
        .unwrap()
        .visible_cases(harness.state().corpus())
        .len();
    assert_eq!(shown, harness.state().corpus().file.cases.len());
}

#[test]
fn showing_a_row_the_region_filter_hides_clears_it_in_the_cases_view_too() {
    let mut harness = builtin(TableView::ID);
    harness.get_by_label("Regions 4").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "ASEAN")
        .click();
    settle(&mut harness);
    let filters = |harness: &Harness<'_, Explorer>| {
        let views = harness.state().views();
        (
            views.get::<TableView>().unwrap().region_filter,
            views.get::<CasesView>().unwrap().region_filter,
        )
    };
    assert!(matches!(filters(&harness), (Some(_), Some(_))));
    // A row of another region, shown from the search box, clears the Table's filter …
    let corpus = harness.state().corpus();
    let asean = corpus.file.regions.iter().position(|r| r.name == "ASEAN");
    let (table, _, _) = corpus.file.table_row(0).unwrap();
    let first = corpus.file.first_row_of(table);
    let other = (first..first + corpus.file.tables[table].rows.len())
        .find(|&row| {
            let region = corpus
                .file
                .table_row(row)
                .and_then(|(_, _, r)| r.region.clone());
            region.as_deref() != asean.map(|a| corpus.file.regions[a].id.as_str())
        })
        .expect("a row of another region");
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        paperlens::app::context::Command::Reveal(Item::TableRow(other)),
    );
    settle(&mut harness);
    // … and the Cases view's with it.
    assert_eq!(filters(&harness), (None, None));
}

#[test]
fn selecting_a_case_takes_the_reader_to_its_first_passage() {
    let mut harness = builtin(Reader::ID);
    let corpus = harness.state().corpus();
    let (case, first) = (0..corpus.file.cases.len())
        .find_map(|case| {
            let related = paperlens::corpus::links::related(corpus, Item::Case(case));
            related
                .paragraphs
                .first()
                .copied()
                .filter(|&p| p > 10)
                .map(|p| (case, p))
        })
        .expect("a case discussed past the introduction");
    assert_eq!(place(&harness).row, 0);
    let title = paperlens::corpus::display::item_title(corpus, Item::Case(case));
    let cases_tab = format!("Cases {}", corpus.file.cases.len());
    // The Navigator's Cases tab shows the case in the Cases view …
    harness.get_by_label(&cases_tab).click();
    settle(&mut harness);
    harness
        .get_all_by_label(&title)
        .next()
        .expect("the case in the Navigator")
        .click();
    settle(&mut harness);
    assert_eq!(harness.state().view(), CasesView::ID);
    // … and the Reader, shown again, stands at the case's first passage.
    harness.get_by_label("Reader").click();
    settle(&mut harness);
    assert_eq!(harness.state().view(), Reader::ID);
    let top = top_item(&harness);
    // The passage stands a third down the view: at the top is it or what comes just before.
    let paragraph_on_screen = harness
        .state()
        .corpus()
        .index
        .paragraphs
        .get(first)
        .map(|p| p.printed.chars().take(40).collect::<String>())
        .unwrap();
    assert!(
        harness
            .query_all_by_label_contains(&paragraph_on_screen)
            .any(|node| node.rect().top() > 60.0 && node.rect().top() < 760.0),
        "the case's first passage is on screen (top: {top:?})"
    );
}

/// The imported JATS article, in a window small enough that its text scrolls.
fn jats_reader() -> Harness<'static, Explorer> {
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1024.0, 420.0])
        .build_eframe(|cc| {
            Explorer::new(
                &cc.egui_ctx,
                StartOptions {
                    path: Some(PathBuf::from("tests/fixtures/papers/jats-small.xml")),
                    view: Some(Reader::ID.to_owned()),
                    store: Some(StateStore::in_memory()),
                    ..StartOptions::default()
                },
            )
        });
    settle(&mut harness);
    harness
}

#[test]
fn an_imported_paper_keeps_its_place_across_a_resize_and_pages_with_the_keys() {
    let mut harness = jats_reader();
    point_at_reader(&mut harness);
    harness.key_press(Key::PageDown);
    settle(&mut harness);
    let before = place(&harness);
    assert!(before.row > 0, "Page Down moved the Reader: {before:?}");
    harness.set_size(egui::vec2(800.0, 420.0));
    settle(&mut harness);
    assert_same_top(before, place(&harness), "narrower");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    settle(&mut harness);
    assert_same_top(before, place(&harness), "zoomed in");
    point_at_reader(&mut harness);
    harness.key_press(Key::Home);
    settle(&mut harness);
    assert_eq!(place(&harness).row, 0);
}

/// Whether the last frame painted a focus ring (the theme's focus stroke) around `rect`.
fn ring_around(harness: &Harness<'_, Explorer>, rect: egui::Rect) -> bool {
    fn rings(shape: &egui::Shape, out: &mut Vec<egui::Rect>) {
        match shape {
            egui::Shape::Rect(r)
                if r.stroke.width >= 2.0 && r.fill == egui::Color32::TRANSPARENT =>
            {
                out.push(r.rect);
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| rings(s, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for clipped in &harness.output().shapes {
        rings(&clipped.shape, &mut found);
    }
    found
        .iter()
        .any(|ring| ring.contains_rect(rect) && ring.expand(-4.0).intersects(rect))
}

#[test]
fn a_focused_citation_chip_and_entity_mention_wear_a_focus_ring() {
    let mut harness = builtin(Reader::ID);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "1 INTRODUCTION")
        .click();
    settle(&mut harness);
    for label in ["[1]", "United Nations"] {
        let node = harness
            .query_all_by_label(label)
            .find(|node| node.rect().top() > 100.0 && node.rect().bottom() < 760.0)
            .unwrap_or_else(|| panic!("{label} on screen"));
        let rect = node.rect();
        assert!(!ring_around(&harness, rect), "{label} has no ring before");
        node.focus();
        harness.run_steps(3);
        let focused = harness
            .query_all_by_label(label)
            .find(egui_kittest::Node::is_focused)
            .unwrap_or_else(|| panic!("{label} has the focus"));
        assert!(
            ring_around(&harness, focused.rect()),
            "{label} wears a ring"
        );
        // Enter on it selects it, as a click does.
        harness.key_press(Key::Enter);
        settle(&mut harness);
        assert!(harness.state().selection.selected.is_some(), "{label}");
    }
}

/// The part of the window a node stands in, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Region {
    Toolbar,
    Navigator,
    MainView,
    Inspector,
}

#[test]
fn tab_goes_toolbar_navigator_main_view_inspector() {
    // A small paper in a tall window: every link of the text is on screen at once.
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1280.0, 1400.0])
        .build_eframe(|cc| {
            Explorer::new(
                &cc.egui_ctx,
                StartOptions {
                    path: Some(PathBuf::from("tests/fixtures/papers/jats-small.xml")),
                    view: Some(Reader::ID.to_owned()),
                    store: Some(StateStore::in_memory()),
                    ..StartOptions::default()
                },
            )
        });
    settle(&mut harness);
    // Something selected, so that the inspector has links too.
    harness.get_by_label("[1]–[3]").click();
    settle(&mut harness);
    let navigator_right = harness.state().state.navigator_width;
    let inspector_left = harness.ctx.content_rect().right() - harness.state().state.inspector_width;
    let mut regions: Vec<Region> = Vec::new();
    for _ in 0..120 {
        harness.key_press(Key::Tab);
        harness.run_steps(1);
        #[allow(clippy::redundant_closure_for_method_calls)]
        // A path to the method is not general enough over the tree's lifetime.
        let focused = harness.query_all_by(|node| node.is_focused()).next();
        let Some(focused) = focused else {
            continue;
        };
        // The side panels' resize handles take the focus too; they belong to no region.
        if focused.accesskit_node().label().as_deref() == Some("Resize panel") {
            continue;
        }
        let rect = focused.rect();
        let region = if rect.bottom() < 60.0 {
            Region::Toolbar
        } else if rect.center().x < navigator_right {
            Region::Navigator
        } else if rect.center().x > inspector_left {
            Region::Inspector
        } else {
            Region::MainView
        };
        if regions.last() != Some(&region) {
            regions.push(region);
        }
        if regions.len() >= 5 {
            break;
        }
    }
    assert_eq!(
        regions.get(..4),
        Some(
            &[
                Region::Toolbar,
                Region::Navigator,
                Region::MainView,
                Region::Inspector
            ][..]
        ),
        "{regions:?}"
    );
}

#[test]
fn the_keys_scroll_the_list_under_the_pointer_not_the_reader() {
    let mut harness = builtin(Reader::ID);
    harness.get_by_label("Entities 41").click();
    settle(&mut harness);
    let corpus = harness.state().corpus();
    let last = paperlens::corpus::display::item_title(
        corpus,
        Item::Entity(corpus.file.entities.len() - 1),
    );
    let visible = |harness: &Harness<'_, Explorer>| {
        harness
            .query_all_by_label(&last)
            .any(|node| node.rect().bottom() < 790.0)
    };
    assert!(!visible(&harness), "the last entity starts out of view");
    let over_list = harness.get_by_label("Entities 41").rect().center() + egui::vec2(0.0, 300.0);
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(over_list));
    harness.run_steps(2);
    harness.key_press(Key::End);
    settle(&mut harness);
    assert!(visible(&harness), "End scrolled the Navigator's list");
    assert_eq!(place(&harness).row, 0, "the Reader stayed");
}

#[test]
fn page_down_scrolls_the_list_that_holds_the_keyboard_focus() {
    let mut harness = builtin(Reader::ID);
    harness.get_by_label("Entities 41").click();
    settle(&mut harness);
    let corpus = harness.state().corpus();
    let first = paperlens::corpus::display::item_title(corpus, Item::Entity(0));
    let top_of_first = |harness: &Harness<'_, Explorer>| {
        harness
            .query_all_by_label(&first)
            .map(|node| node.rect().top())
            .find(|&top| top > 0.0)
    };
    let before = top_of_first(&harness).expect("the first entity is shown");
    point_at_reader(&mut harness);
    harness.get_by_label(&first).focus();
    harness.run_steps(2);
    harness.key_press(Key::PageDown);
    settle(&mut harness);
    assert!(
        top_of_first(&harness).is_none_or(|top| top < before - 100.0),
        "the Navigator's list moved up"
    );
    assert_eq!(place(&harness).row, 0, "the Reader stayed");
}

#[test]
fn a_table_selected_at_start_in_the_reader_is_scrolled_to_there() {
    let mut harness = explorer(StartOptions {
        view: Some(Reader::ID.to_owned()),
        select: Some("table:regional-table".to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    settle(&mut harness);
    assert_eq!(harness.state().view(), Reader::ID);
    // The Reader draws only the blocks in view: the table's card is there.
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Button, "Show in Table view")
            .is_some(),
        "the Reader asked for shows the table, as the Table view it is revealed in would \
         (top of the view: {:?})",
        top_item(&harness)
    );
}

/// A paper of plain text with three long numbered sections, the first naming the others
/// ("§3", "Section 2").
fn numbered_sections_paper(dir: &std::path::Path) -> PathBuf {
    let mut text = String::from(
        "Rivers in Cities\n\nAna Black\n\n1. Introduction\n\nCities flood more often than \
         before. We describe the gauges in §3 and what they show in Section 2.\n\n2. Results\n\n",
    );
    for n in 1..=30 {
        let _ = write!(
            text,
            "Gauge {n} rose in spring and fell in autumn, as every gauge did.\n\n"
        );
    }
    text.push_str("3. Data\n\n");
    for n in 1..=30 {
        let _ = write!(text, "Gauge {n} was read daily, at noon.\n\n");
    }
    let path = dir.join("sections.txt");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_section_sign_in_the_text_takes_the_reader_to_its_section_and_back_returns() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = explorer(StartOptions {
        path: Some(numbered_sections_paper(dir.path())),
        view: Some(Reader::ID.to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    settle(&mut harness);
    let before = place(&harness);
    harness.get_by_label("§3").click();
    settle(&mut harness);
    assert_eq!(harness.state().selection.selected, Some(Item::Section(2)));
    assert!(
        place(&harness).row > before.row + 20,
        "{:?}",
        place(&harness)
    );
    assert!(heading_in_view(&harness, "3 Data"), "its heading in view");
    // The Inspector says where the text names it.
    harness.get_by_label("Named in the text (1)");
    point_at_reader(&mut harness);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    settle(&mut harness);
    assert_same_top(before, place(&harness), "back");
    assert!(!heading_in_view(&harness, "3 Data"));
    // "Section 2" is a link too.
    harness.get_by_label("Section 2").click();
    settle(&mut harness);
    assert_eq!(harness.state().selection.selected, Some(Item::Section(1)));
    assert!(heading_in_view(&harness, "2 Results"));
}

/// Whether the Reader (right of the Navigator) shows the heading `label` inside the window.
fn heading_in_view(harness: &Harness<'_, Explorer>, label: &str) -> bool {
    harness.query_all_by_label(label).any(|node| {
        let rect = node.rect();
        rect.left() > 285.0 && rect.top() > 60.0 && rect.bottom() < 780.0
    })
}

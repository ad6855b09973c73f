//! The window fits a paper other than the built-in one: a corpus of Johnson et al. (2013), life
//! expectancies of South African adults starting antiretroviral treatment, shows its own
//! tables, headers and series, and nothing of the built-in paper anywhere.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::state::StateStore;
use paperlens::app::table_view::TableView;
use paperlens::app::trends_view::{TrendsTab, TrendsView};
use paperlens::app::views::registry;
use paperlens::chart::Plan;

use crate::explorer::accessible_texts;
use crate::snapshots::snapshot_or_skip;

/// Words of the built-in paper that must not show while another paper is open.
const BUILTIN_WORDS: [&str; 9] = [
    "trafficking",
    "regional table",
    "victims",
    "Liberalism",
    "Cooperating",
    "Cooperative",
    "ASEAN",
    "Fitria",
    "UNODC",
];

/// The corpus file, relative to the package (where tests run), so that the status bar of a
/// snapshot shows the same path on every machine.
fn art_corpus() -> PathBuf {
    PathBuf::from("tests/fixtures/papers/art-life-expectancy.json")
}

/// The window with the ART corpus open on `view` (selecting `select`), at `size`.
fn open(view: &str, select: Option<&str>, size: [f32; 2]) -> Harness<'static, Explorer> {
    let options = StartOptions {
        path: Some(art_corpus()),
        view: Some(view.to_owned()),
        select: select.map(str::to_owned),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    };
    // The test harness has only egui's own fonts, which lack the superscript "ᵃ" of Table 2's
    // "Allᵃ" header: draw a box for it instead of failing.
    let mut harness = Harness::builder()
        .with_size(size)
        .allow_missing_glyphs()
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options));
    harness.run_steps(8);
    harness
}

/// The built-in paper's words found in `texts`, with the text each is in.
fn builtin_words_in(texts: &[String]) -> Vec<(&'static str, String)> {
    texts
        .iter()
        .flat_map(|text| {
            let lower = text.to_lowercase();
            BUILTIN_WORDS
                .iter()
                .filter(move |word| lower.contains(&word.to_lowercase()))
                .map(move |word| (*word, text.clone()))
        })
        .collect()
}

/// Every text painted in the last frame (chart axis labels are painted, not widgets).
fn painted_texts(harness: &Harness<'_, Explorer>) -> Vec<String> {
    fn collect(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(text) => out.push(text.galley.text().to_owned()),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut out);
    }
    out
}

#[test]
fn the_table_view_shows_the_papers_own_tables_and_headers() {
    let mut harness = open(TableView::ID, None, [1280.0, 800.0]);
    assert!(
        harness
            .state()
            .corpus()
            .warnings
            .iter()
            .all(|d| d.severity != paperlens::corpus::Severity::Error),
        "the corpus loads without errors"
    );
    harness.get_by_label("Table 1. Patient characteristics at start of ART.");
    harness.get_by_label("Characteristic");
    harness.get_by_label("Percent");
    // A row under a row naming its group is named with the group.
    harness.get_by_label_contains("Row: Sex · Male: 14,528");

    // The picker lists both tables; choosing Table 2 shows its spanning header rows.
    harness
        .get_by_role_and_label(Role::ComboBox, "Table")
        .click();
    harness.run_steps(4);
    harness
        .get_by_role_and_label(
            Role::Button,
            "Table 2. Life expectancies (additional years of life) at ART initiation by age, sex, and baseline CD4 count.",
        )
        .click();
    harness.run_steps(6);
    assert_eq!(
        harness.state().views().get::<TableView>().map(|t| t.table),
        Some(1)
    );
    harness.get_by_label("Men");
    harness.get_by_label("Women");
    assert_eq!(harness.get_all_by_label("Baseline CD4 Count").count(), 2);
    harness.get_by_label("Age at ART Initiation (in Years)");
    assert_eq!(harness.get_all_by_label("Allᵃ").count(), 2);
    harness.get_by_label_contains("Row: 20: 21.7 (19.2–24.5)");
    harness.get_by_label("a Standardised to the baseline CD4 distribution in Table 1.");
}

#[test]
fn the_file_menu_exports_the_table_on_screen_by_its_label_and_no_cases_it_lacks() {
    let mut harness = open(TableView::ID, None, [1280.0, 800.0]);
    if let Some(table) = harness.state_mut().views_mut().get_mut::<TableView>() {
        table.choose_table(1);
    }
    harness.run_steps(4);
    harness.get_by_label("File").click();
    harness.run_steps(3);
    assert!(
        !harness
            .get_by_label("Export Table 2 (CSV)")
            .accesskit_node()
            .is_disabled()
    );
    // The paper has no case studies: there is nothing to export.
    assert!(
        harness
            .get_by_label("Export the cases (CSV)")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn numbers_in_a_table_line_up_on_the_right_and_words_on_the_left() {
    let harness = open(TableView::ID, None, [1280.0, 800.0]);
    let rect = |label: &str| harness.get_by_label(label).rect();
    // The n column: numbers of different widths end at the same place.
    let (wide, narrow) = (rect("14,528"), rect("913"));
    assert!(
        (wide.right() - narrow.right()).abs() < 1.0,
        "{wide:?} {narrow:?}"
    );
    assert!(narrow.left() > wide.left() + 5.0, "{wide:?} {narrow:?}");
    // The Characteristic column: words start at the same place.
    let (long, short) = (rect("Year of ART initiation"), rect("Sex"));
    assert!(
        (long.left() - short.left()).abs() < 1.0,
        "{long:?} {short:?}"
    );
}

#[test]
fn the_trends_view_shows_the_series_title_and_its_unit_on_the_axis() {
    let harness = open(TrendsView::ID, None, [1280.0, 800.0]);
    harness.get_by_label("South Africans receiving ART, 2004–2011 (as stated in the text)");
    let trends = harness.state().views().get::<TrendsView>().unwrap();
    let series = &harness.state().corpus().file.series[trends.series];
    let plan = Plan::new(series, &trends.options).expect("the series has a plan");
    assert!(
        plan.y_axis.label.contains("South Africans receiving ART"),
        "{}",
        plan.y_axis.label
    );
    let painted = painted_texts(&harness);
    assert!(
        painted.contains(&plan.y_axis.label),
        "{:?} not in {painted:?}",
        plan.y_axis.label
    );
}

#[test]
fn no_word_of_the_builtin_paper_shows_in_any_view() {
    let mut harness = open("reader", None, [1280.0, 800.0]);
    let mut seen = Vec::new();
    for view in registry() {
        harness
            .get_by_role_and_label(Role::Button, view.title())
            .click();
        harness.run_steps(6);
        seen.extend(accessible_texts(&harness));
    }
    // The Trends view's data tab, and the second table.
    harness
        .get_by_role_and_label(Role::Button, "Trends")
        .click();
    if let Some(trends) = harness.state_mut().views_mut().get_mut::<TrendsView>() {
        trends.tab = TrendsTab::Table;
    }
    harness.run_steps(6);
    seen.extend(accessible_texts(&harness));
    harness.get_by_role_and_label(Role::Button, "Table").click();
    if let Some(table) = harness.state_mut().views_mut().get_mut::<TableView>() {
        table.choose_table(1);
    }
    harness.run_steps(6);
    seen.extend(accessible_texts(&harness));
    // The menus.
    for menu in ["File", "View", "Help"] {
        harness.get_by_label(menu).click();
        harness.run_steps(3);
        seen.extend(accessible_texts(&harness));
        harness.key_press(egui::Key::Escape);
        harness.run_steps(3);
    }
    // The walk saw each view's own words (so an empty finding means something) …
    for own in [
        "Export Table 2 (CSV)",
        "Introduction",
        "Characteristic",
        "Baseline CD4 Count",
        "South Africans receiving ART, 2004–2011 (as stated in the text)",
    ] {
        assert!(
            seen.iter().any(|text| text.contains(own)),
            "{own:?} not seen"
        );
    }
    // … and none of the built-in paper's.
    let found = builtin_words_in(&seen);
    assert!(found.is_empty(), "the built-in paper shows: {found:#?}");
}

#[test]
fn snapshot_of_the_life_expectancy_table() {
    let mut harness = open(TableView::ID, Some("table:table2"), [1024.0, 640.0]);
    snapshot_or_skip(&mut harness, "art-table");
}

#[test]
fn snapshot_of_the_art_reach_chart() {
    let mut harness = open(
        TrendsView::ID,
        Some("point:art-reach/2011"),
        [1024.0, 640.0],
    );
    snapshot_or_skip(&mut harness, "art-trends");
}

#[test]
fn filters_of_columns_without_headers_are_named_by_place_and_stand_apart() {
    // Table 1 replaced by one whose columns have no headers, as GROBID gives some tables.
    let text = std::fs::read_to_string(art_corpus()).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["tables"][0]["header_rows"] = serde_json::json!([]);
    value["tables"][0]["columns"] = serde_json::json!([
        { "id": "c1", "header": "" }, { "id": "c2", "header": "" }, { "id": "c3", "header": "" }
    ]);
    value["tables"][0]["rows"] = serde_json::json!([
        { "id": "r1", "cells": ["North", "Yes", "first"] },
        { "id": "r2", "cells": ["South", "No", "second"] },
        { "id": "r3", "cells": ["North", "No", "third"] },
        { "id": "r4", "cells": ["South", "Yes", "fourth"] }
    ]);
    value["tables"][0]["footnotes"] = serde_json::json!([]);
    let corpus = paperlens::corpus::Corpus::from_json(&value.to_string(), "headerless.json")
        .unwrap_or_else(|report| panic!("{:?}", report.diagnostics));
    let options = StartOptions {
        corpus: Some(corpus),
        view: Some(TableView::ID.to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size([1024.0, 640.0])
        .allow_missing_glyphs()
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options));
    harness.run_steps(8);
    let first = harness
        .get_by_role_and_label(Role::ComboBox, "Column 1")
        .rect();
    let second = harness
        .get_by_role_and_label(Role::ComboBox, "Column 2")
        .rect();
    let picker = harness
        .get_by_role_and_label(Role::ComboBox, "Table")
        .rect();
    // Each label stays on its drop-down's row as the bar wraps.
    for (name, combo) in [("Column 1", first), ("Column 2", second)] {
        let label = harness.get_by_role_and_label(Role::Label, name).rect();
        assert!(
            (label.center().y - combo.center().y).abs() < combo.height() / 2.0,
            "{name}: label at {label:?}, drop-down at {combo:?}"
        );
    }
    for (name, rect) in [("Column 1", first), ("Column 2", second)] {
        assert!(
            !rect.intersects(picker)
                && !rect.intersects(if name == "Column 1" { second } else { first }),
            "{name}'s drop-down at {rect:?} overlaps another (table picker at {picker:?})"
        );
    }
}

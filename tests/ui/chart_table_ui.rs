//! "Chart this row / column" in the Table view: a table's row or column becomes a series of
//! the open corpus, shown in the Trends view. On a fixture corpus of made-up numbers.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui;
use eframe::egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::state::StateStore;
use paperlens::app::table_view::TableView;
use paperlens::app::trends_view::{ChartExport, TrendsView};
use paperlens::chart::Plan;
use paperlens::corpus::Corpus;
use paperlens::corpus::model::{PointStatus, Series};

/// The Table view of the fixture corpus with a table of places by year and one of years.
fn year_tables() -> Harness<'static, Explorer> {
    let path = crate::common::fixtures().join("year-tables.json");
    let text = std::fs::read_to_string(path).expect("the fixture");
    let corpus = Corpus::from_json(&text, "year-tables.json").expect("the fixture loads");
    let mut harness = crate::explorer::explorer(StartOptions {
        corpus: Some(corpus),
        view: Some(TableView::ID.to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    harness
}

/// Every text painted in the last frame (the chart's axis and tick labels are painted).
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

/// The series the Trends view shows, and its plan.
fn shown(harness: &Harness<'_, Explorer>) -> (Series, Plan) {
    let trends = harness.state().views().get::<TrendsView>().unwrap();
    let series = harness.state().corpus().file.series[trends.series].clone();
    let plan = Plan::new(&series, &trends.options).unwrap();
    (series, plan)
}

#[test]
fn chart_this_row_adds_the_row_as_a_series_shown_in_the_trends_view() {
    let mut harness = year_tables();
    assert!(harness.state().corpus().file.series.is_empty());
    harness.get_by_label("Row: Northfield: 11.5").click();
    harness.run_steps(3);
    harness.get_by_label("Chart this row").click();
    harness.run_steps(4);

    assert_eq!(harness.state().view(), TrendsView::ID);
    let (series, plan) = shown(&harness);
    assert_eq!(series.title, "Table 1: Northfield");
    assert_eq!(series.unit, "widgets per 1,000 people");
    let points: Vec<(i32, Option<f64>, PointStatus)> = series
        .points
        .iter()
        .map(|p| (p.year, p.value, p.status))
        .collect();
    assert_eq!(
        points,
        [
            (2001, Some(11.5), PointStatus::Stated),
            (2002, Some(12.5), PointStatus::Stated),
            (2003, Some(13.5), PointStatus::Stated),
        ]
    );
    assert_eq!(plan.y_axis.label, "Widgets per 1,000 people");
    assert_eq!(plan.note, "Values as the paper's table prints them.");
    let painted = painted_texts(&harness);
    for text in [&plan.y_axis.label, &"2001".to_owned(), &"2003".to_owned()] {
        assert!(painted.contains(text), "{text:?} not in {painted:?}");
    }
    harness.get_by_label(&series.title);
}

#[test]
fn chart_this_column_comes_from_the_header_menu() {
    let mut harness = year_tables();
    if let Some(table) = harness.state_mut().views_mut().get_mut::<TableView>() {
        table.choose_table(1);
    }
    harness.run_steps(3);
    // Table 1 has no year column: none of its columns is offered; Table 2's share is.
    harness.get_by_label("Blue share (%)").click_secondary();
    harness.run_steps(3);
    harness.get_by_label("Chart this column").click();
    harness.run_steps(4);

    assert_eq!(harness.state().view(), TrendsView::ID);
    let (series, plan) = shown(&harness);
    assert_eq!(series.title, "Table 2: Blue share");
    assert_eq!(series.points.len(), 3);
    assert_eq!(plan.y_axis.label, "Percent");
    assert!(plan.y_axis.ticks.iter().all(|t| t.label.ends_with('%')));
    assert_eq!(
        plan.points.last().and_then(|p| p.label.as_deref()),
        Some("30%")
    );
}

#[test]
fn rows_charted_under_one_chart_name_are_one_chart_with_a_line_each() {
    use paperlens::corpus::chart_table::row_series;
    let mut harness = year_tables();
    let table = harness.state().corpus().file.tables[0].clone();
    for row in 0..2 {
        let mut series = row_series(&table, row).unwrap();
        "Widget rates".clone_into(&mut series.chart);
        harness.state_mut().add_series(series);
    }
    harness.run_steps(4);
    assert_eq!(harness.state().view(), TrendsView::ID);
    assert_eq!(harness.state().corpus().file.series.len(), 2);
    // One chart with both series named, each choosable for the Data and Sources tabs.
    harness.get_by_label("Widget rates");
    harness
        .get_by_role_and_label(Role::Button, "Table 1: Northfield")
        .click();
    harness.run_steps(3);
    let trends = harness.state().views().get::<TrendsView>().unwrap();
    assert_eq!(trends.series, 0);
    harness.get_by_role_and_label(Role::Button, "Table 1: Southbury");
    // The legend above names each series by its line; the plot's legend hides one on click.
    harness.get_by_label("━ Table 1: Southbury");
    let toggle = harness.get_by_role_and_label(Role::CheckBox, "Table 1: Southbury");
    assert_eq!(toggle.accesskit_node().toggled(), Some(Toggled::True));
    toggle.click();
    harness.run_steps(3);
    let toggle = harness.get_by_role_and_label(Role::CheckBox, "Table 1: Southbury");
    assert_eq!(toggle.accesskit_node().toggled(), Some(Toggled::False));
    // Exported, the chart holds both series, each named in its legend.
    let dir = tempfile::tempdir().unwrap();
    let (svg_path, png_path) = (dir.path().join("chart.svg"), dir.path().join("chart.png"));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .export_chart(&ctx, 1, ChartExport::Svg, svg_path.clone());
    harness
        .state_mut()
        .export_chart(&ctx, 1, ChartExport::Png2x, png_path.clone());
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    for text in ["Widget rates", "Table 1: Northfield", "Table 1: Southbury"] {
        assert!(svg.contains(text), "{text} not in the exported SVG");
    }
    assert!(std::fs::read(&png_path).unwrap().starts_with(b"\x89PNG"));
    // One presentation slide for the one chart.
    let trends_slides = paperlens::deck::deck(harness.state().corpus())
        .into_iter()
        .filter(|slide| matches!(slide.shows, paperlens::deck::Shows::Chart { .. }))
        .count();
    assert_eq!(trends_slides, 1);
    let painted = painted_texts(&harness);
    for year in ["2001", "2002", "2003"] {
        assert!(
            painted.iter().any(|t| t == year),
            "{year} not in {painted:?}"
        );
    }
}

#[test]
fn a_twenty_year_row_has_year_labels_on_screen() {
    use paperlens::corpus::chart_table::row_series;
    let mut harness = year_tables();
    let table = harness.state().corpus().file.tables[2].clone();
    harness
        .state_mut()
        .add_series(row_series(&table, 0).unwrap());
    harness.run_steps(4);
    let (series, plan) = shown(&harness);
    assert_eq!(series.points.len(), 20);
    let painted = painted_texts(&harness);
    let years: Vec<&String> = painted
        .iter()
        .filter(|text| {
            text.parse::<i32>()
                .is_ok_and(|y| (1990..=2009).contains(&y))
        })
        .collect();
    assert!(years.len() >= 4, "year labels of 1990–2009: {years:?}");
    // At one readable step: 1, 2 or 5 years apart.
    let numbers: Vec<i32> = years.iter().filter_map(|y| y.parse().ok()).collect();
    let steps: Vec<i32> = numbers.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(
        steps.windows(2).all(|w| w[0] == w[1]) && [1, 2, 5].contains(&steps[0]),
        "{numbers:?}"
    );
    assert!(plan.x_axis.ticks.len() >= 4);
}

#[test]
fn chart_a_column_is_offered_in_the_bar_above_a_table_with_a_year_column() {
    let mut harness = year_tables();
    // Table 1 has no year column: nothing to offer.
    assert!(harness.query_by_label("Chart a column").is_none());
    if let Some(table) = harness.state_mut().views_mut().get_mut::<TableView>() {
        table.choose_table(1);
    }
    harness.run_steps(3);
    harness.get_by_label("Chart a column").click();
    harness.run_steps(3);
    harness.get_by_label("Blue share").click();
    harness.run_steps(4);
    assert_eq!(harness.state().view(), TrendsView::ID);
    let (series, _) = shown(&harness);
    assert_eq!(series.title, "Table 2: Blue share");
}

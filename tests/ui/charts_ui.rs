//! UI tests of what the charts show: round log-scale ticks on the Trends chart, and the chart
//! slide for a room.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::Cell;
use std::rc::Rc;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::chart_slide::{chart_slide_plan, chart_slide_ui};
use paperlens::app::context::{CitationCache, Selection, ViewCtx};
use paperlens::app::explorer::StartOptions;
use paperlens::app::theme::{Palette, Theme};
use paperlens::app::trends_view::TrendsView;
use paperlens::chart::Plan;
use paperlens::chart::{AxisScale, ChartOptions};
use paperlens::corpus::Corpus;
use paperlens::corpus::chart_table::row_series;
use paperlens::corpus::links::Related;

use crate::explorer::explorer;
use crate::snapshots::snapshot_or_skip;
use crate::trends_ui::shown_plan;

/// Every text painted in `output`, with the rectangle it was painted in.
pub fn painted_text_rects(output: &egui::FullOutput) -> Vec<(String, egui::Rect)> {
    fn collect(shape: &egui::Shape, out: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Text(text) => out.push((
                text.galley.text().to_owned(),
                egui::Rect::from_min_size(text.pos, text.galley.size()),
            )),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &output.shapes {
        collect(&clipped.shape, &mut out);
    }
    out
}

/// The numbers painted left of `plot` at its height, top to bottom: the value axis's tick
/// labels.
pub fn value_axis_labels(output: &egui::FullOutput, plot: egui::Rect) -> Vec<String> {
    let mut labels: Vec<(String, egui::Rect)> = painted_text_rects(output)
        .into_iter()
        .filter(|(text, rect)| {
            rect.right() <= plot.left() + 1.0
                && plot.y_range().contains(rect.center().y)
                && !text.is_empty()
                && text.replace(',', "").parse::<f64>().is_ok()
        })
        .collect();
    labels.sort_by(|a, b| a.1.center().y.total_cmp(&b.1.center().y));
    labels.into_iter().map(|(text, _)| text).collect()
}

/// On a log scale the value axis shows exactly the plan's ticks, at round values (35,000,
/// 40,000, … for the victims, whose values lie between 41,000 and 49,000), never `egui_plot`'s
/// own log-space marks (31,623 / 39,811 / 50,119).
#[test]
fn a_log_axis_shows_exactly_the_plans_round_labels() {
    let mut harness = explorer(StartOptions {
        view: Some(TrendsView::ID.to_owned()),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    if let Some(trends) = harness.state_mut().views_mut().get_mut::<TrendsView>() {
        trends.options = ChartOptions {
            scale: AxisScale::Log,
            ..ChartOptions::default()
        };
    }
    harness.run_steps(4);
    let plan = shown_plan(&harness);
    let mut planned: Vec<String> = plan.y_axis.ticks.iter().map(|t| t.label.clone()).collect();
    planned.reverse();
    assert_eq!(
        planned,
        ["60,000", "55,000", "50,000", "45,000", "40,000", "35,000"]
    );
    let plot = harness
        .state()
        .views()
        .get::<TrendsView>()
        .and_then(|trends| trends.chart_rect)
        .expect("the chart is drawn");
    assert_eq!(value_axis_labels(harness.output(), plot), planned);
}

/// A text painted in a frame: its words, where, and its font size.
struct Painted {
    text: String,
    rect: egui::Rect,
    size: f32,
}

/// Every text painted in `output`, with where and how large.
fn painted(output: &egui::FullOutput) -> Vec<Painted> {
    fn collect(shape: &egui::Shape, out: &mut Vec<Painted>) {
        match shape {
            egui::Shape::Text(text) => out.push(Painted {
                text: text.galley.text().to_owned(),
                rect: egui::Rect::from_min_size(text.pos, text.galley.size()),
                size: text
                    .galley
                    .job
                    .sections
                    .iter()
                    .map(|section| section.format.font_id.size)
                    .fold(0.0, f32::max),
            }),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &output.shapes {
        collect(&clipped.shape, &mut out);
    }
    out
}

/// Every stroke painted in `colour` (lines, paths, circle outlines) and every circle's radius
/// filled or stroked in it.
fn strokes_and_circles(output: &egui::FullOutput, colour: egui::Color32) -> (Vec<f32>, Vec<f32>) {
    fn collect(shape: &egui::Shape, colour: egui::Color32, out: &mut (Vec<f32>, Vec<f32>)) {
        match shape {
            egui::Shape::LineSegment { stroke, .. } if stroke.color == colour => {
                out.0.push(stroke.width);
            }
            egui::Shape::Path(path)
                if path.stroke.color == egui::epaint::ColorMode::Solid(colour) =>
            {
                out.0.push(path.stroke.width);
            }
            egui::Shape::Circle(circle)
                if circle.fill == colour || circle.stroke.color == colour =>
            {
                out.1.push(circle.radius);
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, colour, out)),
            _ => {}
        }
    }
    let mut out = (Vec::new(), Vec::new());
    for clipped in &output.shapes {
        collect(&clipped.shape, colour, &mut out);
    }
    out
}

/// The chart slide of `corpus`'s series at `series` (with `year` marked) drawn straight into a
/// window of `size` in the projector theme, as presentation mode draws it.
fn chart_slide(
    corpus: Corpus,
    series: usize,
    year: Option<i32>,
    size: [f32; 2],
) -> Harness<'static> {
    let mut harness = slide_shown_when(corpus, series, year, size, Rc::new(Cell::new(true)));
    harness.run_steps(6);
    harness
}

/// [`chart_slide`], drawn only while `shown` holds (an empty window before).
fn slide_shown_when(
    corpus: Corpus,
    series: usize,
    year: Option<i32>,
    size: [f32; 2],
    shown: Rc<Cell<bool>>,
) -> Harness<'static> {
    let theme = Theme::new(Palette::Projector);
    let related = Related::default();
    let citations = CitationCache::default();
    let mut fonts_installed = false;
    Harness::builder().with_size(size).build_ui(move |ui| {
        if !fonts_installed {
            Theme::install_fonts(ui.ctx());
            theme.apply(ui.ctx());
            fonts_installed = true;
        }
        if !shown.get() {
            return;
        }
        let ctx = ViewCtx::new(
            &corpus,
            Selection::default(),
            &related,
            &related,
            &theme,
            &citations,
        );
        chart_slide_ui(&ctx, ui, series, year);
    })
}

/// The built-in corpus.
fn builtin() -> Corpus {
    Corpus::builtin()
}

/// The numbers painted left of the first year label, top to bottom: the value axis's labels.
fn slide_value_labels(texts: &[Painted], plan: &Plan) -> Vec<String> {
    let years: Vec<&str> = plan.x_axis.ticks.iter().map(|t| t.label.as_str()).collect();
    let first_year_left = texts
        .iter()
        .filter(|t| years.contains(&t.text.as_str()))
        .map(|t| t.rect.left())
        .fold(f32::INFINITY, f32::min);
    let mut labels: Vec<&Painted> = texts
        .iter()
        .filter(|t| {
            t.rect.right() < first_year_left
                && !years.contains(&t.text.as_str())
                && t.text.replace(',', "").parse::<f64>().is_ok()
        })
        .collect();
    labels.sort_by(|a, b| a.rect.center().y.total_cmp(&b.rect.center().y));
    labels.into_iter().map(|t| t.text.clone()).collect()
}

/// At 1920×1080 the chart slide is for the back of a room: the title at least 48 points, tick
/// and axis labels at least 28, the line at least 4 points wide and markers at least 14 across;
/// only the plan's ticks (no minor grid); the marked year as a rule with its value in large
/// type; the year the text gives no number for as a gap with its "not stated" guide.
#[test]
fn the_chart_slide_reads_from_the_back_of_a_room() {
    let harness = chart_slide(builtin(), 0, Some(2021), [1920.0, 1080.0]);
    let plan = chart_slide_plan(&builtin(), 0).expect("the victims chart");
    let texts = painted(harness.output());
    let size_of = |words: &str| {
        texts
            .iter()
            .find(|t| t.text == words)
            .map_or_else(|| panic!("{words:?} is not painted"), |t| t.size)
    };
    assert!(size_of(&plan.title) >= 48.0);
    let value_labels = slide_value_labels(&texts, &plan);
    let mut planned: Vec<String> = plan.y_axis.ticks.iter().map(|t| t.label.clone()).collect();
    planned.reverse();
    assert_eq!(value_labels, planned);
    for label in plan.x_axis.ticks.iter().chain(&plan.y_axis.ticks) {
        assert!(size_of(&label.label) >= 28.0, "{}", label.label);
    }
    for axis in [&plan.x_axis.label, &plan.y_axis.label] {
        assert!(size_of(axis) >= 28.0, "{axis}");
    }
    assert!(size_of(&plan.source_line) >= 24.0);
    // The marked year's value, in body type; no other value is written.
    assert!(size_of("42,000") >= 32.0);
    assert!(texts.iter().all(|t| t.text != "≈ 49,000"));
    // 2022: a gap with its guide, no line across it.
    assert!(plan.segments.iter().all(|s| !s.dashed));
    assert!(size_of("not stated\nin the text") >= 24.0);
    let theme = Theme::new(Palette::Projector);
    let (strokes, circles) = strokes_and_circles(harness.output(), theme.series);
    assert!(strokes.iter().any(|w| *w >= 4.0), "{strokes:?}");
    assert!(
        !circles.is_empty() && circles.iter().all(|r| *r * 2.0 >= 14.0),
        "{circles:?}"
    );
    // Read out in words, the unstated year as such.
    harness.get_by_label_contains("2022: not stated in the text");
    harness.get_by_label_contains("2021: 42,000 victims; 2022");
    // Only the plan's ticks have grid lines.
    let (grid, _) = strokes_and_circles(harness.output(), theme.grid);
    assert_eq!(
        grid.len(),
        plan.x_axis.ticks.len() + plan.y_axis.ticks.len()
    );
}

/// Where the year `label` is written under the slide's chart: a point in the plot above it.
fn above_year(harness: &Harness<'_>, label: &str) -> egui::Pos2 {
    let texts = painted(harness.output());
    let year = texts
        .iter()
        .find(|t| t.text == label)
        .unwrap_or_else(|| panic!("{label} is not painted"));
    year.rect.center_top() - egui::vec2(0.0, 200.0)
}

/// A tooltip follows a moving pointer only: none for a pointer resting where it was when the
/// slide appeared, one as soon as it moves, none once it has rested again.
#[test]
fn the_slide_tooltip_shows_only_while_the_pointer_moves() {
    let at = above_year(&chart_slide(builtin(), 0, None, [1920.0, 1080.0]), "2021");
    // The pointer rests over 2021 before the slide appears, and stays there.
    let shown = Rc::new(Cell::new(false));
    let mut harness = slide_shown_when(builtin(), 0, None, [1920.0, 1080.0], Rc::clone(&shown));
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(at));
    harness.run_steps(1);
    shown.set(true);
    // Under two seconds since it last moved, but it has not moved since the slide appeared.
    harness.run_steps(4);
    let tooltip = "2021: 42,000 victims";
    assert!(harness.query_by_label(tooltip).is_none());
    harness.run_steps(4);
    assert!(harness.query_by_label(tooltip).is_none());
    // It moves: the year's value and status follow it.
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(at + egui::vec2(6.0, 0.0)));
    harness.run_steps(2);
    harness.get_by_label(tooltip);
    harness.get_by_label("Status: stated");
    // Three seconds later, the pointer still: gone.
    harness.run_steps(12);
    assert!(harness.query_by_label(tooltip).is_none());
}

/// A corpus read from a fixture file.
fn fixture_corpus(path: &std::path::Path) -> Corpus {
    let text = std::fs::read_to_string(path).expect("the fixture");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("fixture");
    Corpus::from_json(&text, name).expect("the fixture loads")
}

/// The chart slide at 1920×1080 in the projector theme, the year 2021 marked: what a lecture
/// shows of the built-in chart. Also drawn at 1280×720, where it keeps its proportions.
#[test]
fn snapshot_of_the_chart_slide() {
    let mut harness = chart_slide(builtin(), 0, Some(2021), [1920.0, 1080.0]);
    snapshot_or_skip(&mut harness, "chart-slide");
    let mut small = chart_slide(builtin(), 0, Some(2021), [1280.0, 720.0]);
    snapshot_or_skip(&mut small, "chart-slide-720");
}

/// Another paper's charts as slides: the ART series (its 2004 not stated) and a table row
/// charted with "Chart this row" (Southbury, with a dash for 2001).
#[test]
fn snapshot_of_other_papers_chart_slides() {
    let art = fixture_corpus(&crate::common::fixtures().join("papers/art-life-expectancy.json"));
    let plan = chart_slide_plan(&art, 0).expect("the ART chart");
    assert_eq!(plan.gaps.len(), 1);
    let mut harness = chart_slide(art, 0, None, [1920.0, 1080.0]);
    let texts = painted(harness.output());
    assert!(texts.iter().any(|t| t.text == plan.title && t.size >= 48.0));
    assert_eq!(
        slide_value_labels(&texts, &plan).len(),
        plan.y_axis.ticks.len()
    );
    snapshot_or_skip(&mut harness, "chart-slide-art");

    let tables = fixture_corpus(&crate::common::fixtures().join("year-tables.json"));
    let table = tables
        .file
        .tables
        .first()
        .expect("the widgets table")
        .clone();
    let row = table
        .rows
        .iter()
        .position(|row| row.id == "south")
        .expect("the Southbury row");
    let series = row_series(&table, row).expect("a row of years");
    let (charted, position) = tables.with_series(series).expect("a valid series");
    let plan = chart_slide_plan(&charted, position).expect("the row's chart");
    assert_eq!(
        plan.gaps.len(),
        1,
        "the dash is a year the table gives no number for"
    );
    let mut harness = chart_slide(charted, position, Some(2002), [1920.0, 1080.0]);
    assert!(
        painted(harness.output())
            .iter()
            .any(|t| t.text == "not stated\nin the text")
    );
    snapshot_or_skip(&mut harness, "chart-slide-table-row");
}

/// The Trends chart on a log scale: the value axis at round values, the labels off the
/// markers.
#[test]
fn snapshot_of_a_log_axis() {
    let mut harness = explorer(StartOptions {
        view: Some(TrendsView::ID.to_owned()),
        ..StartOptions::default()
    });
    if let Some(trends) = harness.state_mut().views_mut().get_mut::<TrendsView>() {
        trends.options.scale = AxisScale::Log;
    }
    harness.run_steps(6);
    snapshot_or_skip(&mut harness, "trends-log");
}

/// Two table rows charted under one chart name make one slide with a line each, every
/// series' value at the marked year written.
#[test]
fn a_chart_of_several_series_is_one_slide() {
    let tables = fixture_corpus(&crate::common::fixtures().join("year-tables.json"));
    let table = tables
        .file
        .tables
        .first()
        .expect("the widgets table")
        .clone();
    let mut corpus = tables;
    let mut first = None;
    for row in 0..2 {
        let mut series = row_series(&table, row).expect("a row of years");
        "Widget rates".clone_into(&mut series.chart);
        let (with, position) = corpus.with_series(series).expect("a valid series");
        corpus = with;
        first.get_or_insert(position);
    }
    let first = first.expect("a series");
    let plan = chart_slide_plan(&corpus, first).expect("the chart");
    assert_eq!(plan.title, "Widget rates");
    let mut harness = chart_slide(corpus, first, Some(2003), [1920.0, 1080.0]);
    let texts = painted(harness.output());
    for value in ["13.5", "23"] {
        assert!(
            texts.iter().any(|t| t.text == value && t.size >= 32.0),
            "{value}"
        );
    }
    harness.get_by_label_contains("Chart: Widget rates.");
    // The legend names each series and explains every mark any of them has.
    for entry in ["━ Table 1: Northfield", "━ Table 1: Southbury", "● stated"] {
        assert!(texts.iter().any(|t| t.text == entry), "{entry}");
    }
    assert!(texts.iter().any(|t| t.text.starts_with("┆ not stated")));
    snapshot_or_skip(&mut harness, "chart-slide-group");
}

//! UI tests of the Trends view and presentation mode, driven with `egui_kittest`.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::trends_view::TrendsView;
use paperlens::chart::{AxisScale, ChartOptions, Plan, ValueMode};

use crate::explorer::{explorer, point_of, year_position};

fn trends() -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions {
        view: Some(TrendsView::ID.to_owned()),
        ..StartOptions::default()
    });
    harness.run_steps(4);
    harness
}

/// Every text painted in the last frame (axis labels and tick labels are painted, not widgets).
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

/// The plan of the series the Trends view shows, with the options it shows it with.
pub fn shown_plan(harness: &Harness<'_, Explorer>) -> Plan {
    let trends = harness
        .state()
        .views()
        .get::<TrendsView>()
        .expect("the Trends view");
    let corpus = harness.state().corpus();
    let series = &corpus.file.series[trends.series];
    Plan::new(series, &trends.options)
        .expect("the shown series has a plan")
        .with_figures(series, &corpus.file.figures)
}

#[test]
fn the_chart_on_screen_says_what_the_plan_says() {
    let mut harness = trends();
    for (value_mode, scale, y_label) in [
        (ValueMode::Absolute, AxisScale::Linear, "Number of victims"),
        (
            ValueMode::IndexFirstYear,
            AxisScale::Linear,
            "Index, 2020 = 100 (≈ 49,000 victims)",
        ),
        (
            ValueMode::Absolute,
            AxisScale::Log,
            "Number of victims, log scale",
        ),
    ] {
        let options = ChartOptions {
            value_mode,
            scale,
            bars: false,
            connect_unstated: false,
        };
        if let Some(trends) = harness.state_mut().views_mut().get_mut::<TrendsView>() {
            trends.options = options;
        }
        harness.run_steps(4);
        let plan = shown_plan(&harness);
        assert_eq!(plan.y_axis.label, y_label);
        let painted = painted_texts(&harness);
        for label in [&plan.x_axis.label, &plan.y_axis.label] {
            assert!(
                painted.contains(label),
                "{options:?}: {label:?} not in {painted:?}"
            );
        }
        // Every year is labelled, and at least the value ticks with room for their label.
        for tick in &plan.x_axis.ticks {
            assert!(painted.contains(&tick.label), "{options:?}: {}", tick.label);
        }
        let value_ticks = plan
            .y_axis
            .ticks
            .iter()
            .filter(|tick| painted.contains(&tick.label))
            .count();
        assert!(
            value_ticks >= 3,
            "{options:?}: {value_ticks} of {:?}",
            plan.y_axis.ticks
        );
        // The source line and the legend are widgets, found by their accessible label.
        harness.get_by_label(&plan.source_line);
        harness.get_by_label(&plan.note);
        for entry in &plan.legend {
            assert!(
                harness.query_all_by_label_contains(&entry.text).count() >= 1,
                "{options:?}: legend {}",
                entry.text
            );
        }
    }
}

#[test]
fn hovering_a_year_shows_its_value_status_and_sentence() {
    let mut harness = trends();
    let at = year_position(&harness, 2021);
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(at));
    harness.run_steps(4);
    assert_eq!(
        harness.state().selection.hovered,
        Some(point_of(&harness, 2021))
    );
    harness.get_by_label("2021: 42,000 victims");
    harness.get_by_label("Status: stated");
    harness.get_by_label_contains("By 2021, the figure had dropped to 42,000");
}

#[test]
fn hovering_2022_says_it_is_not_stated() {
    let mut harness = trends();
    let at = year_position(&harness, 2022);
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(at));
    harness.run_steps(4);
    harness.get_by_label("2022: not stated in the text");
}

#[test]
fn clicking_a_point_selects_the_year_and_the_inspector_lists_passages() {
    let mut harness = trends();
    let at = year_position(&harness, 2020);
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(at));
    harness.run_steps(2);
    for pressed in [true, false] {
        harness.input_mut().events.push(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(4);
    assert_eq!(
        harness.state().selection.selected,
        Some(point_of(&harness, 2020))
    );
    // The paper speaks of 2020 in the Introduction, the Literature Review and the Methods.
    let mut paragraphs: Vec<usize> = harness.state().corpus().index.year_mentions[&2020]
        .iter()
        .map(|m| m.paragraph)
        .collect();
    paragraphs.dedup();
    assert!(paragraphs.len() >= 3, "{paragraphs:?}");
    harness.get_by_label(&format!("Passages about 2020 ({})", paragraphs.len()));
}

#[test]
fn the_data_tab_lists_every_point_with_its_status() {
    let mut harness = trends();
    harness.get_by_label("Data").click();
    harness.run_steps(4);
    harness.get_by_label("≈ 49,000 victims");
    harness.get_by_label("42,000 victims");
    harness.get_by_label("≈ 41,000 victims");
    // 2022: no value, and its status says so.
    assert_eq!(
        harness.query_all_by_label("not stated in the text").count(),
        2
    );
    assert_eq!(harness.query_all_by_label("approximate").count(), 2);
    assert_eq!(harness.query_all_by_label("stated").count(), 1);
    harness.get_by_label_contains("-14.3%");
}

#[test]
fn the_sources_tab_gives_the_source_and_quotes() {
    let mut harness = trends();
    harness.get_by_label("Sources").click();
    harness.run_steps(4);
    harness.get_by_label_contains("Global report trafficking in persons 2023");
    harness.get_by_label("The source is not among the paper's references.");
    // 2022 and 2023 rest on the same sentence.
    assert_eq!(
        harness
            .query_all_by_label_contains("In 2022 and 2023, the numbers remained relatively stable")
            .count(),
        2
    );
    harness.get_by_label_contains("COVID-19 lockdowns (2020–2021)");
}

#[test]
fn presentation_mode_steps_with_the_arrow_keys_and_leaves_with_escape() {
    let mut harness = trends();
    harness.key_press(Key::F11);
    harness.run_steps(3);
    assert_eq!(
        harness.state().presentation.as_ref().map(|p| p.slide),
        Some(0)
    );
    harness.get_by_label_contains("1 / ");
    harness.key_press(Key::ArrowRight);
    harness.run_steps(3);
    assert_eq!(
        harness.state().presentation.as_ref().map(|p| p.slide),
        Some(1)
    );
    harness.key_press(Key::Space);
    harness.key_press(Key::PageDown);
    harness.run_steps(3);
    assert_eq!(
        harness.state().presentation.as_ref().map(|p| p.slide),
        Some(3)
    );
    harness.key_press(Key::ArrowLeft);
    harness.run_steps(3);
    assert_eq!(
        harness.state().presentation.as_ref().map(|p| p.slide),
        Some(2)
    );
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(harness.state().presentation.is_none());
    // Back to the normal window.
    harness.get_by_label("Reader");
}

/// No line crosses a year the text gives no number for unless asked: the chart offers
/// "Connect across unstated years (dashed)", off by default, and the plan it draws follows it.
#[test]
fn the_line_crosses_an_unstated_year_only_when_asked() {
    let mut harness = trends();
    let drawn_dashed = |harness: &Harness<'_, Explorer>| {
        shown_plan(harness)
            .segments
            .iter()
            .filter(|s| s.dashed)
            .count()
    };
    assert_eq!(drawn_dashed(&harness), 0, "off by default");
    harness
        .get_by_label("Connect across unstated years (dashed)")
        .click();
    harness.run_steps(4);
    assert!(
        harness
            .state()
            .views()
            .get::<TrendsView>()
            .is_some_and(|trends| trends.options.connect_unstated)
    );
    assert_eq!(drawn_dashed(&harness), 1, "one dashed bridge across 2022");
}

/// Bars need the linear scale: on a log axis the Bars box is off and disabled, so the chart
/// never draws bars whose length says nothing of their value.
#[test]
fn bars_are_unavailable_on_a_log_axis() {
    let mut harness = trends();
    if let Some(trends) = harness.state_mut().views_mut().get_mut::<TrendsView>() {
        trends.options.bars = true;
        trends.options.scale = AxisScale::Log;
    }
    harness.run_steps(4);
    let options = harness
        .state()
        .views()
        .get::<TrendsView>()
        .map(|trends| trends.options)
        .unwrap_or_default();
    assert!(!options.bars);
    assert!(harness.get_by_label("Bars").accesskit_node().is_disabled());
    // Back on the linear scale, bars can be chosen again.
    if let Some(trends) = harness.state_mut().views_mut().get_mut::<TrendsView>() {
        trends.options.scale = AxisScale::Linear;
    }
    harness.run_steps(4);
    assert!(!harness.get_by_label("Bars").accesskit_node().is_disabled());
}

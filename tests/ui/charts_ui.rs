//! UI tests of what the charts show: round log-scale ticks on the Trends chart.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui;
use paperlens::app::explorer::StartOptions;
use paperlens::app::trends_view::TrendsView;
use paperlens::chart::{AxisScale, ChartOptions};

use crate::explorer::explorer;
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

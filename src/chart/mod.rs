//! Trend charts without a window: value transforms, SVG and PNG rendering, and CSV export.
//!
//! Nothing here knows about the window; `paperlens plot` and the Trends view both call it, so
//! an exported chart carries the same content as the one on screen:
//!
//! - [`transformed_points`] and [`change_from_previous`] are the numbers either draws;
//! - [`Plan`] is everything a chart says (ranges, ticks and their labels, axis labels, points,
//!   gaps, annotations, legend, title, source line, number format), computed once from a
//!   [`Series`] and its [`ChartOptions`]; the window draws it with `egui_plot`;
//! - [`Plan::label_layout`] places the labels inside the plot (at the markers, and each
//!   annotation's where it covers no marker and no other label) for a renderer's sizes;
//! - [`series_svg`] and [`plan_svg`] draw the plan with plotters' SVG backend;
//! - [`series_png`] rasterises that SVG with resvg, with an embedded fallback font so the text
//!   shows on any machine, offline;
//! - [`series_csv`] writes the points as CSV, and [`parse_series_csv`] reads them back.
//!
//! A year the text gives no number for has no value anywhere: no marker, no bar, an empty CSV
//! cell; it is drawn as a labelled dashed guide.

mod csv_file;
mod error;
mod export;
mod group;
mod labels;
mod options;
mod plan;
mod png;
mod svg;
mod ticks;
mod transform;

pub use csv_file::{CSV_HEADER, CsvRow, parse_series_csv, series_csv};
pub use error::ChartError;
pub use export::{ExportFormat, export_series, parse_size};
pub use group::{ChartGroup, GroupPlan, chart_groups};
pub use labels::{
    CHAR_WIDTH_EM, LabelLayout, LabelRoom, PixelBox, PlacedLabel, PointLabels, TextAlign,
    gap_label_y, text_size,
};
pub use options::{AxisScale, ChartOptions, ValueMode};
pub use plan::{
    AnnotationSpan, Axis, Gap, LegendEntry, LegendMark, MAX_YEAR_TICKS, NumberFormat, Plan,
    PlanPoint, Segment, Tick, YEAR_AXIS_LABEL, legend_entries, note, source_line, two_lines,
};
pub use png::{
    FontChoice, sans_serif_family, series_png, series_png_with_fonts, svg_drawing_pixels,
    svg_to_png,
};
pub use svg::{DEFAULT_SIZE, MAX_SIDE, MIN_SIDE, group_svg, plan_svg, series_svg};
pub use transform::{
    absolute_axis_label, axis_label, change_from_previous, format_number, format_point_value,
    point_label, transformed_points,
};

#[cfg(doc)]
use crate::corpus::model::Series;

/// The built-in corpus's `victims` series: what the chart's unit tests draw.
#[cfg(test)]
fn victims_for_tests() -> crate::corpus::model::Series {
    crate::corpus::Corpus::builtin()
        .file
        .series
        .into_iter()
        .find(|s| s.id == "victims")
        .unwrap_or_default()
}

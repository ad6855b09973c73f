//! A chart [`Plan`] drawn as SVG with plotters, in the window's light palette on white.
//!
//! Every word and number on the chart comes from the plan: title, axis labels, tick labels,
//! value labels, the "not stated" label, annotation labels, legend and source line. This
//! module only decides where they go at a given size: `marks` draws what is inside the plot,
//! `footer` the legend, source line and note under it.

mod footer;
mod marks;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::prelude::*;

use self::footer::Footer;
use super::error::ChartError;
use super::group::GroupPlan;
use super::labels::{LabelRoom, PlacedLabel, PointLabels};
use super::options::ChartOptions;
use super::plan::{Axis, Plan};
use crate::corpus::model::Series;
use crate::palette::{Palette, Rgba};

/// The default chart size in pixels (width, height).
pub const DEFAULT_SIZE: (u32, u32) = (1200, 700);
/// The smallest width or height a chart may have, in pixels.
pub const MIN_SIDE: u32 = 320;
/// The largest width or height a chart may have, in pixels.
pub const MAX_SIDE: u32 = 8000;

/// An exported chart is drawn in the window's light palette, so it looks like the screen.
const PALETTE: Palette = Palette::Light;
const FONT: &str = "sans-serif";
/// Average glyph width of a sans-serif font, in ems, for estimating text widths.
const CHAR_WIDTH_EM: f64 = 0.55;

type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<TickAxis, TickAxis>>;

/// The series as an SVG document of `size` (width, height) pixels: its [`Plan`] under
/// `options`, drawn by [`plan_svg`].
///
/// # Errors
/// - [`ChartError::InvalidSize`] when a side is outside [`MIN_SIDE`]..=[`MAX_SIDE`];
/// - those of [`Plan::new`] when there is nothing to draw or the mode or scale cannot show it;
/// - [`ChartError::Draw`] if plotters fails.
pub fn series_svg(
    series: &Series,
    options: &ChartOptions,
    size: (u32, u32),
) -> Result<String, ChartError> {
    check_size(size)?;
    plan_svg(&Plan::new(series, options)?, size)
}

/// A plan as an SVG document of `size` (width, height) pixels.
///
/// The chart has the plan's title; its year ticks on the x axis (thinned when the chart is
/// narrow) and value ticks on the y axis; filled markers and a solid line for stated values;
/// hollow markers for approximate ones, each value written above its marker; for each gap a
/// dashed guide with the gap label and a dashed segment bridging it (no marker, no bar);
/// shaded, labelled annotation spans; the legend; and the source line and note under the
/// chart. Text uses the generic `sans-serif` font family.
///
/// # Errors
/// [`ChartError::InvalidSize`] when a side is outside [`MIN_SIDE`]..=[`MAX_SIDE`];
/// [`ChartError::Draw`] if plotters fails.
pub fn plan_svg(plan: &Plan, size: (u32, u32)) -> Result<String, ChartError> {
    render(plan, &[(plan, PALETTE.colours().series)], size)
}

/// A chart of several series on one axis as an SVG document of `size` (width, height)
/// pixels: each member's marks in its own colour, and a legend naming each series in its
/// colour before the marks' legend.
///
/// # Errors
/// As [`plan_svg`]; [`ChartError::NoPoints`] for a group with no member to draw.
pub fn group_svg(group: &GroupPlan, size: (u32, u32)) -> Result<String, ChartError> {
    let frame = group.frame().ok_or_else(|| ChartError::NoPoints {
        series: group.title.clone(),
    })?;
    let colours = PALETTE.colours();
    let lines: Vec<(&Plan, Rgba)> = group
        .members
        .iter()
        .enumerate()
        .map(|(index, (_, plan))| (plan, colours.series_colour(index)))
        .collect();
    render(&frame, &lines, size)
}

/// The chart with `frame`'s title, axes, annotations, legend and footer, and the marks of
/// each of `lines` in its colour.
fn render(frame: &Plan, lines: &[(&Plan, Rgba)], size: (u32, u32)) -> Result<String, ChartError> {
    check_size(size)?;
    let plan = frame;
    let layout = Layout::new(plan, size);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&rgb(PALETTE.colours().background))
            .map_err(draw_error)?;
        let (upper, lower) = root.split_vertically(px(f64::from(size.1)) - layout.footer_height());
        draw_chart(&upper, plan, lines, &layout)?;
        layout.footer.draw(&lower, &layout)?;
        root.present().map_err(draw_error)?;
    }
    Ok(svg)
}

fn check_size((width, height): (u32, u32)) -> Result<(), ChartError> {
    if (MIN_SIDE..=MAX_SIDE).contains(&width) && (MIN_SIDE..=MAX_SIDE).contains(&height) {
        Ok(())
    } else {
        Err(ChartError::InvalidSize { width, height })
    }
}

fn draw_error(error: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(error.to_string())
}

/// An opaque plotters colour from a palette token.
fn rgb(colour: Rgba) -> RGBColor {
    RGBColor(colour.red, colour.green, colour.blue)
}

/// A pixel coordinate or length as plotters takes it.
fn px(value: f64) -> i32 {
    // A chart is at most MAX_SIDE pixels a side: clamped far inside i32, the cast cannot wrap.
    #[allow(clippy::cast_possible_truncation)]
    let pixels = value.clamp(-1e6, 1e6) as i32;
    pixels
}

/// A count (of characters, lines or rows) as a float for layout arithmetic.
fn count(n: usize) -> f64 {
    // Text and layout counts are far below 2^52, where f64 stops being exact.
    #[allow(clippy::cast_precision_loss)]
    let n = n as f64;
    n
}

/// A font of `size_px` pixels (plotters writes `font-size` as size / 1.24).
fn font(size_px: f64) -> FontDesc<'static> {
    (FONT, size_px * 1.24).into_font()
}

/// Roughly how wide `text` is at `size_px` pixels.
fn text_width(text: &str, size_px: f64) -> f64 {
    count(text.chars().count()) * size_px * CHAR_WIDTH_EM
}

/// A linear f64 axis whose ticks are exactly the ones given (plotters picks its own otherwise,
/// e.g. half years).
#[derive(Clone, Debug)]
struct TickAxis {
    range: (f64, f64),
    ticks: Vec<f64>,
}

impl Ranged for TickAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let (lo, hi) = self.range;
        let span = hi - lo;
        if span.abs() < f64::EPSILON || !value.is_finite() {
            return i32::midpoint(limit.0, limit.1);
        }
        let t = (value - lo) / span;
        limit.0 + px((f64::from(limit.1 - limit.0) * t + 1e-3).floor())
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.0..self.range.1
    }
}

/// Sizes at one chart size: everything the plan leaves to the renderer.
struct Layout {
    width: f64,
    /// Pixels per "unit" of the default 1200×700 layout.
    scale: f64,
    /// The year axis as drawn: the plan's, or fewer years apart when the chart is narrow.
    x_axis: Axis,
    footer: Footer,
}

impl Layout {
    fn new(plan: &Plan, (width, height): (u32, u32)) -> Self {
        let (width, height) = (f64::from(width), f64::from(height));
        let scale = (width / 1200.0).min(height / 700.0).clamp(0.4, 4.0);
        let max_labels = (width / (70.0 * scale)).floor().clamp(2.0, 1e6);
        // Clamped to 2..=1e6 and whole, so the cast neither truncates nor loses a sign.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let max_labels = max_labels as usize;
        let x_axis = plan.year_axis_at_most(max_labels);
        Self {
            width,
            scale,
            x_axis,
            footer: Footer::new(plan, width, height, scale),
        }
    }

    fn px(&self, units: f64) -> f64 {
        units * self.scale
    }

    /// A font size: `units` scaled, but never below 9 pixels.
    fn text_px(&self, units: f64) -> f64 {
        (units * self.scale).max(9.0)
    }

    /// A stroke width: `units` scaled and rounded, at least one pixel.
    fn stroke(&self, units: f64) -> u32 {
        // Rounded and clamped to 1..=1000 first: the cast neither truncates nor loses a sign.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let width = (units * self.scale).round().clamp(1.0, 1000.0) as u32;
        width
    }

    /// Font size of an annotation label.
    fn annotation_px(&self) -> f64 {
        self.text_px(14.0)
    }

    /// Font size of a value written at its marker.
    fn point_px(&self) -> f64 {
        self.text_px(15.0)
    }

    /// Font size of the "not stated" label at a gap.
    fn gap_px(&self) -> f64 {
        self.text_px(14.0)
    }

    /// Radius of a point marker, in whole pixels.
    fn marker_radius(&self) -> f64 {
        self.px(6.5).max(2.0).round()
    }

    /// What placing the labels needs to know of a plot area `dimensions` pixels large showing
    /// `plan`'s ranges: every value is written at its marker.
    fn label_room(&self, plan: &Plan, (width, height): (u32, u32)) -> LabelRoom {
        LabelRoom {
            plot_size: (f64::from(width), f64::from(height)),
            x_range: plan.x_axis.range,
            y_range: plan.y_axis.range,
            annotation_px: self.annotation_px(),
            point_px: self.point_px(),
            gap_px: self.gap_px(),
            marker_radius: self.marker_radius(),
            point_labels: PointLabels::Values,
            rule_year: None,
        }
    }

    fn line_height(&self) -> f64 {
        self.text_px(14.0) * 1.5
    }

    fn footer_height(&self) -> i32 {
        px(((count(self.footer.rows()) + 0.6) * self.line_height() + self.px(10.0)).round())
    }
}

fn draw_chart(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    plan: &Plan,
    lines: &[(&Plan, Rgba)],
    layout: &Layout,
) -> Result<(), ChartError> {
    let colours = PALETTE.colours();
    let margin = layout.px(16.0);
    let tick_px = layout.text_px(15.0);
    let desc_px = layout.text_px(16.0);
    let title_px = layout
        .px(26.0)
        .min((layout.width - 2.0 * margin) / (count(plan.title.chars().count().max(1)) * 0.56))
        .max(9.0);
    let widest_tick = plan
        .y_axis
        .ticks
        .iter()
        .map(|tick| tick.label.chars().count())
        .max()
        .unwrap_or(1);
    let y_area = count(widest_tick) * tick_px * 0.6 + desc_px * 1.8 + layout.px(14.0);
    let x_area = tick_px * 1.6 + desc_px * 1.8 + layout.px(8.0);
    let mut chart: Chart<'_, '_> = ChartBuilder::on(area)
        .caption(
            plan.title.as_str(),
            font(title_px)
                .style(FontStyle::Bold)
                .color(&rgb(colours.text)),
        )
        .margin(px(margin))
        .margin_right(px(margin * 2.0))
        .x_label_area_size(px(x_area))
        .y_label_area_size(px(y_area))
        .build_cartesian_2d(
            TickAxis {
                range: plan.x_axis.range,
                ticks: layout
                    .x_axis
                    .ticks
                    .iter()
                    .map(|tick| tick.position)
                    .collect(),
            },
            TickAxis {
                range: plan.y_axis.range,
                ticks: plan.y_axis.ticks.iter().map(|tick| tick.position).collect(),
            },
        )
        .map_err(draw_error)?;
    let year_label = |x: &f64| {
        layout
            .x_axis
            .tick_label_at(*x)
            .unwrap_or_default()
            .to_owned()
    };
    let value_label = |y: &f64| plan.y_axis.tick_label_at(*y).unwrap_or_default().to_owned();
    chart
        .configure_mesh()
        .x_desc(plan.x_axis.label.as_str())
        .y_desc(plan.y_axis.label.as_str())
        .x_label_formatter(&year_label)
        .y_label_formatter(&value_label)
        .label_style(font(tick_px).color(&rgb(colours.text)))
        .axis_desc_style(font(desc_px).color(&rgb(colours.text)))
        .axis_style(rgb(colours.muted_text).stroke_width(1))
        .bold_line_style(rgb(colours.grid).stroke_width(1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(draw_error)?;

    let room = layout.label_room(plan, chart.plotting_area().dim_in_pixel());
    let plans: Vec<&Plan> = lines.iter().map(|(line, _)| *line).collect();
    let labels = plan.label_layout(&plans, &room);
    marks::annotations(&chart, plan, layout, &labels.annotations)?;
    for (line, _) in lines {
        marks::gaps(&chart, line, layout)?;
    }
    for (slot, (line, colour)) in lines.iter().enumerate() {
        if plan.options.bars {
            marks::bars(&chart, line, layout, *colour, (slot, lines.len()))?;
        } else {
            marks::lines(&chart, line, layout, *colour)?;
        }
    }
    for (index, (line, colour)) in lines.iter().enumerate() {
        let at_markers: Vec<&PlacedLabel> = labels
            .points
            .iter()
            .filter(|label| label.line == index)
            .collect();
        marks::markers(&chart, line, layout, *colour, &at_markers)?;
    }
    marks::gap_labels(&chart, layout, &labels.gaps)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::{PointStatus, SeriesPoint};

    #[test]
    fn a_huge_source_and_a_small_chart_still_fit() {
        let series = Series {
            id: "s".to_owned(),
            title: "T".repeat(300),
            source: "word ".repeat(2_000),
            points: vec![
                SeriesPoint {
                    year: 1,
                    value: Some(5.0),
                    status: PointStatus::Stated,
                    ..Default::default()
                },
                SeriesPoint {
                    year: 2,
                    ..Default::default()
                },
            ],
            ..Series::default()
        };
        let options = ChartOptions::default();
        let plan = Plan::new(&series, &options).unwrap_or_else(|e| panic!("{e}"));
        let layout = Layout::new(&plan, (MIN_SIDE, MIN_SIDE));
        assert!(f64::from(layout.footer_height()) <= 0.5 * f64::from(MIN_SIDE));
        assert!(layout.footer.source_ends_with('…'));
        let svg = series_svg(&series, &options, (MIN_SIDE, MIN_SIDE));
        assert!(svg.is_ok_and(|svg| svg.contains("not stated")));
    }

    #[test]
    fn a_log_axis_is_labelled_at_the_plans_round_values() {
        let log = ChartOptions {
            scale: crate::chart::AxisScale::Log,
            ..ChartOptions::default()
        };
        let victims = crate::chart::victims_for_tests();
        let plan = Plan::new(&victims, &log).unwrap_or_else(|e| panic!("{e}"));
        let svg = plan_svg(&plan, DEFAULT_SIZE).unwrap_or_else(|e| panic!("{e}"));
        let numbers: Vec<&str> = svg
            .split('>')
            .filter_map(|piece| piece.split_once("</text").map(|(text, _)| text.trim()))
            .filter(|text| text.replace(',', "").parse::<f64>().is_ok())
            .collect();
        let planned: Vec<&str> = plan.y_axis.ticks.iter().map(|t| t.label.as_str()).collect();
        let years: Vec<&str> = plan.x_axis.ticks.iter().map(|t| t.label.as_str()).collect();
        let point_labels: Vec<&str> = plan
            .points
            .iter()
            .filter_map(|p| p.label.as_deref())
            .collect();
        // Every number written but the years and the values beside the markers.
        let value_labels: Vec<&str> = numbers
            .into_iter()
            .filter(|text| !years.contains(text) && !point_labels.contains(text))
            .collect();
        assert_eq!(value_labels, planned);
    }

    #[test]
    fn bad_sizes_are_refused() {
        let series = Series {
            points: vec![SeriesPoint {
                year: 2000,
                value: Some(1.0),
                status: PointStatus::Stated,
                ..Default::default()
            }],
            ..Series::default()
        };
        let options = ChartOptions::default();
        assert!(matches!(
            series_svg(&series, &options, (10, 700)),
            Err(ChartError::InvalidSize { .. })
        ));
        assert!(series_svg(&series, &options, DEFAULT_SIZE).is_ok());
    }

    #[test]
    fn nothing_to_draw_is_an_error() {
        let mut series = Series::default();
        let options = ChartOptions::default();
        assert!(matches!(
            series_svg(&series, &options, DEFAULT_SIZE),
            Err(ChartError::NoPoints { .. })
        ));
        series.points.push(SeriesPoint {
            year: 2000,
            ..Default::default()
        });
        assert!(matches!(
            series_svg(&series, &options, DEFAULT_SIZE),
            Err(ChartError::NoValues { .. })
        ));
    }
}

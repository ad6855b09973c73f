//! A series drawn as an SVG chart with plotters, honest about what the text states.
//!
//! Stated values are filled markers joined by a solid line; approximate values are hollow
//! markers labelled "≈"; a year the text gives no number for is a labelled dashed guide with a
//! dashed segment bridging the gap, never a point. Annotation spans are shaded and labelled;
//! a legend and the source line sit under the chart.

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::ChartError;
use super::options::{AxisScale, ChartOptions, ValueMode};
use super::transform::{axis_label, format_number, format_point_value, transformed_points};
use crate::corpus::model::{PointStatus, Series};

/// The default chart size in pixels (width, height).
pub const DEFAULT_SIZE: (u32, u32) = (1200, 700);
/// The smallest width or height a chart may have, in pixels.
pub const MIN_SIDE: u32 = 320;
/// The largest width or height a chart may have, in pixels.
pub const MAX_SIDE: u32 = 8000;

/// The window's light theme colours, so an export looks like the screen.
const SERIES: RGBColor = RGBColor(0x1f, 0x5f, 0xbf);
const WARNING: RGBColor = RGBColor(0xb2, 0x6b, 0x00);
const MUTED: RGBColor = RGBColor(0x5f, 0x63, 0x68);
const INK: RGBColor = RGBColor(0x20, 0x21, 0x24);
const GRID: RGBColor = RGBColor(0xe3, 0xe5, 0xe8);
const SPAN: RGBColor = RGBColor(0x9e, 0x9e, 0x9e);
const FONT: &str = "sans-serif";
/// Average glyph width of a sans-serif font, in ems, for estimating text widths.
const CHAR_WIDTH_EM: f64 = 0.55;

type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<TickAxis, TickAxis>>;

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
            return (limit.0 + limit.1) / 2;
        }
        let t = (value - lo) / span;
        limit.0 + (f64::from(limit.1 - limit.0) * t + 1e-3).floor() as i32
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

/// The series as an SVG document of `size` (width, height) pixels.
///
/// The chart has the series title; whole years on the x axis; thousands separators and the
/// unit (or the index/percent base) on the value axis; filled markers and a solid line for
/// stated values; hollow markers and a "≈" label for approximate ones; for each not-stated
/// year a dashed guide labelled "not stated in the text" and a dashed segment bridging the
/// gap (no marker, no bar); shaded, labelled annotation spans; a legend; and the line
/// `Source: …` under the chart. Text uses the generic `sans-serif` font family.
///
/// # Errors
/// - [`ChartError::InvalidSize`] when a side is outside [`MIN_SIDE`]..=[`MAX_SIDE`];
/// - [`ChartError::NoPoints`] / [`ChartError::NoValues`] when there is nothing to draw;
/// - [`ChartError::ModeUndefined`] when the index or change base is zero;
/// - [`ChartError::LogScaleNeedsPositive`] for a log axis over a value ≤ 0;
/// - [`ChartError::Draw`] if plotters fails.
pub fn series_svg(
    series: &Series,
    options: &ChartOptions,
    size: (u32, u32),
) -> Result<String, ChartError> {
    let (width, height) = size;
    if !(MIN_SIDE..=MAX_SIDE).contains(&width) || !(MIN_SIDE..=MAX_SIDE).contains(&height) {
        return Err(ChartError::InvalidSize { width, height });
    }
    let plan = Plan::new(series, options, size)?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let (upper, footer) = root.split_vertically(height as i32 - plan.footer_height());
        draw_chart(&upper, series, options, &plan)?;
        draw_footer(&footer, &plan)?;
        root.present().map_err(draw_error)?;
    }
    Ok(svg)
}

fn draw_error(error: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(error.to_string())
}

/// A font of `px` pixels (plotters writes `font-size` as size / 1.24).
fn font(px: f64) -> FontDesc<'static> {
    (FONT, px * 1.24).into_font()
}

/// Roughly how wide `text` is at `px` pixels.
fn text_width(text: &str, px: f64) -> f64 {
    text.chars().count() as f64 * px * CHAR_WIDTH_EM
}

/// Everything computed before drawing: values, ranges, ticks and sizes.
struct Plan {
    width: f64,
    /// Pixels per "unit" of the default 1200×700 layout.
    scale: f64,
    /// `(year, value in plot space, status)`; plot space is log10 for a log axis.
    points: Vec<(i32, Option<f64>, PointStatus)>,
    /// The values as labelled (not in plot space).
    labels: Vec<Option<String>>,
    x_range: (f64, f64),
    x_ticks: Vec<f64>,
    y_range: (f64, f64),
    y_ticks: Vec<f64>,
    tick_decimals: usize,
    log: bool,
    mode: ValueMode,
    axis_label: String,
    source_lines: Vec<String>,
    note_lines: Vec<String>,
    legend: Vec<LegendEntry>,
}

impl Plan {
    fn new(series: &Series, options: &ChartOptions, size: (u32, u32)) -> Result<Self, ChartError> {
        if series.points.is_empty() {
            return Err(ChartError::NoPoints {
                series: series.id.clone(),
            });
        }
        let absolute = transformed_points(series, ValueMode::Absolute);
        if absolute.iter().all(|p| p.1.is_none()) {
            return Err(ChartError::NoValues {
                series: series.id.clone(),
            });
        }
        let mode = options.value_mode;
        let shown = transformed_points(series, mode);
        if absolute
            .iter()
            .zip(&shown)
            .any(|(a, s)| a.1.is_some() && s.1.is_none())
        {
            let base_year = absolute.iter().find(|p| p.1.is_some()).map_or(0, |p| p.0);
            return Err(ChartError::ModeUndefined {
                mode: mode.label(),
                reason: format!("the first year with a value, {base_year}, has the value 0"),
            });
        }
        let log = options.scale == AxisScale::Log;
        if log
            && let Some((year, Some(value), _)) =
                shown.iter().find(|p| p.1.is_some_and(|v| v <= 0.0))
        {
            return Err(ChartError::LogScaleNeedsPositive {
                year: *year,
                value: *value,
            });
        }
        let values: Vec<f64> = shown.iter().filter_map(|p| p.1).collect();
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (y_range, y_ticks, tick_decimals) = if log {
            log_axis(min, max)
        } else {
            linear_axis(min, max)
        };
        let first_year = series.points.iter().map(|p| p.year).min().unwrap_or(0);
        let last_year = series.points.iter().map(|p| p.year).max().unwrap_or(0);
        let (width, height) = (f64::from(size.0), f64::from(size.1));
        let scale = (width / 1200.0).min(height / 700.0).clamp(0.4, 4.0);
        let max_labels = ((width / (70.0 * scale)).floor() as i64).max(2);
        let x_ticks = year_ticks(first_year, last_year, max_labels);
        let points = shown
            .iter()
            .map(|&(year, value, status)| {
                (year, value.map(|v| if log { v.log10() } else { v }), status)
            })
            .collect();
        let labels = shown
            .iter()
            .map(|&(_, value, status)| value.map(|v| format_point_value(Some(v), status, mode)))
            .collect();
        let wrap_at =
            ((width - 40.0 * scale) / ((14.0 * scale).max(9.0) * CHAR_WIDTH_EM)).max(20.0) as usize;
        let mut source_lines = wrap(&format!("Source: {}", series.source.trim()), wrap_at);
        let note = if series.figure_paragraph.is_some() {
            "Values as the paper's text states them; the paper's figure is an image missing from the text."
        } else {
            "Values as the paper's text states them."
        };
        let note_lines = wrap(note, wrap_at);
        let legend = legend(series, width, scale);
        let rows = legend.last().map_or(0, |entry| entry.row + 1) + note_lines.len();
        let line_height = (14.0 * scale).max(9.0) * 1.5;
        // The footer never takes more than 45 % of the height: a very long source is cut short.
        let room = ((0.45 * height - 10.0 * scale) / line_height - 0.6).floor() as usize;
        let room = room.saturating_sub(rows).max(1);
        if source_lines.len() > room {
            source_lines.truncate(room);
            if let Some(last) = source_lines.last_mut() {
                last.push_str(" …");
            }
        }
        Ok(Self {
            width,
            scale,
            points,
            labels,
            x_range: (f64::from(first_year) - 0.5, f64::from(last_year) + 0.5),
            x_ticks,
            y_range,
            y_ticks,
            tick_decimals,
            log,
            mode,
            axis_label: axis_label(series, mode, options.scale),
            source_lines,
            note_lines,
            legend,
        })
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
        (units * self.scale).round().max(1.0) as u32
    }

    fn line_height(&self) -> f64 {
        self.text_px(14.0) * 1.5
    }

    fn footer_height(&self) -> i32 {
        let lines = (self.legend_rows() + self.source_lines.len() + self.note_lines.len()) as f64;
        ((lines + 0.6) * self.line_height() + self.px(10.0)).round() as i32
    }

    fn legend_rows(&self) -> usize {
        self.legend.last().map_or(0, |entry| entry.row + 1)
    }

    /// A value-axis tick label, from a tick in plot space.
    fn tick_label(&self, y: f64) -> String {
        let value = if self.log { 10_f64.powf(y) } else { y };
        let text = format_number(value, self.tick_decimals);
        if self.mode == ValueMode::PercentChange {
            format!("{text}%")
        } else {
            text
        }
    }

    /// The baseline bars grow from, in plot space.
    fn bar_base(&self) -> f64 {
        if self.log {
            self.y_range.0
        } else {
            0.0_f64.clamp(self.y_range.0, self.y_range.1)
        }
    }
}

/// A "nice" step (1, 2, 2.5 or 5 × 10ⁿ) near `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10_f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks every `step` from `lo` to `hi`, and how many decimals their labels need.
fn ticks(lo: f64, hi: f64, step: f64) -> (Vec<f64>, usize) {
    let mut out = Vec::new();
    let mut k = (lo / step).ceil();
    while k * step <= hi + step * 1e-9 && out.len() < 60 {
        out.push(k * step);
        k += 1.0;
    }
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil().clamp(0.0, 10.0) as usize + usize::from(nice_step(step) != step)
    };
    (out, decimals)
}

/// A linear axis over `min..=max` that includes zero and leaves room for labels above.
fn linear_axis(min: f64, max: f64) -> ((f64, f64), Vec<f64>, usize) {
    let lo = min.min(0.0);
    let mut hi = max.max(0.0);
    if (hi - lo).abs() < f64::EPSILON {
        hi = lo + 1.0;
    }
    let span = hi - lo;
    let top = hi + span * 0.18;
    let bottom = if lo < 0.0 { lo - span * 0.12 } else { lo };
    let step = nice_step((top - bottom) / 6.0);
    let (list, decimals) = ticks(bottom, top, step);
    ((bottom, top), list, decimals)
}

/// A log10 axis over `min..=max` (both above zero), in plot space (log10 of the values).
fn log_axis(min: f64, max: f64) -> ((f64, f64), Vec<f64>, usize) {
    let bottom = min / 1.3;
    let top = max * 1.3;
    let (list, decimals) = if top / bottom >= 10.0 {
        let mut list = Vec::new();
        let first = bottom.log10().floor() as i32;
        let last = top.log10().ceil() as i32;
        for exponent in first..=last {
            for mantissa in [1.0, 2.0, 5.0] {
                let tick = mantissa * 10_f64.powi(exponent);
                if (bottom..=top).contains(&tick) && list.len() < 60 {
                    list.push(tick);
                }
            }
        }
        let smallest = list.first().copied().unwrap_or(1.0);
        let decimals = if smallest >= 1.0 {
            0
        } else {
            (-smallest.log10()).ceil().clamp(0.0, 10.0) as usize
        };
        (list, decimals)
    } else {
        ticks(bottom, top, nice_step((top - bottom) / 5.0))
    };
    (
        (bottom.log10(), top.log10()),
        list.into_iter().map(f64::log10).collect(),
        decimals,
    )
}

/// Whole years from `first` to `last`, thinned by a step of 1, 2 or 5 × 10ⁿ years to fewer
/// than `max_labels` labels.
fn year_ticks(first: i32, last: i32, max_labels: i64) -> Vec<f64> {
    let (first, last) = (i64::from(first), i64::from(last));
    let span = last - first;
    let mut step = 1_i64;
    let mut multipliers = [2, 5, 10].iter().cycle();
    let mut magnitude = 1_i64;
    while span / step >= max_labels.max(2) {
        let Some(&m) = multipliers.next() else { break };
        if m == 10 {
            magnitude *= 10;
            step = magnitude;
        } else {
            step = magnitude * m;
        }
    }
    let start = first.div_euclid(step) * step;
    let start = if start < first { start + step } else { start };
    (0..)
        .map(|k| start + k * step)
        .take_while(|year| *year <= last)
        .take(200)
        .map(|year| year as f64)
        .collect()
}

/// Greedy word wrap at `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn draw_chart(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    series: &Series,
    options: &ChartOptions,
    plan: &Plan,
) -> Result<(), ChartError> {
    let margin = plan.px(16.0);
    let tick_px = plan.text_px(15.0);
    let desc_px = plan.text_px(16.0);
    let title = series.title.trim();
    let title_px = plan
        .px(26.0)
        .min((plan.width - 2.0 * margin) / (title.chars().count().max(1) as f64 * 0.56))
        .max(9.0);
    let widest_tick = plan
        .y_ticks
        .iter()
        .map(|&y| plan.tick_label(y).chars().count())
        .max()
        .unwrap_or(1) as f64;
    let y_area = widest_tick * tick_px * 0.6 + desc_px * 1.8 + plan.px(14.0);
    let x_area = tick_px * 1.6 + desc_px * 1.8 + plan.px(8.0);
    let (x_lo, x_hi) = plan.x_range;
    let (y_lo, y_hi) = plan.y_range;
    let mut chart: Chart<'_, '_> = ChartBuilder::on(area)
        .caption(title, font(title_px).style(FontStyle::Bold).color(&INK))
        .margin(margin as i32)
        .margin_right((margin * 2.0) as i32)
        .x_label_area_size(x_area as i32)
        .y_label_area_size(y_area as i32)
        .build_cartesian_2d(
            TickAxis {
                range: (x_lo, x_hi),
                ticks: plan.x_ticks.clone(),
            },
            TickAxis {
                range: (y_lo, y_hi),
                ticks: plan.y_ticks.clone(),
            },
        )
        .map_err(draw_error)?;
    let year_label = |x: &f64| format!("{x:.0}");
    let value_label = |y: &f64| plan.tick_label(*y);
    chart
        .configure_mesh()
        .x_desc("Year")
        .y_desc(plan.axis_label.as_str())
        .x_label_formatter(&year_label)
        .y_label_formatter(&value_label)
        .label_style(font(tick_px).color(&INK))
        .axis_desc_style(font(desc_px).color(&INK))
        .axis_style(MUTED.stroke_width(1))
        .bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(draw_error)?;

    draw_annotations(&mut chart, series, plan)?;
    draw_not_stated(&mut chart, plan)?;
    if options.bars {
        draw_bars(&mut chart, plan)?;
    } else {
        draw_lines(&mut chart, plan)?;
    }
    draw_markers(&mut chart, plan, options.bars)
}

fn draw_annotations(
    chart: &mut Chart<'_, '_>,
    series: &Series,
    plan: &Plan,
) -> Result<(), ChartError> {
    let (x_lo, x_hi) = plan.x_range;
    let (y_lo, y_hi) = plan.y_range;
    let fill = SPAN.mix(0.19).filled();
    let label_px = plan.text_px(14.0);
    for (i, annotation) in series.annotations.iter().enumerate() {
        let from = (f64::from(annotation.from_year) - 0.5).max(x_lo);
        let to = (f64::from(annotation.to_year) + 0.5).min(x_hi);
        if from >= to {
            continue;
        }
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(from, y_hi), (to, y_lo)],
                fill,
            )))
            .map_err(draw_error)?;
        let offset = plan.px(8.0) + i as f64 * label_px * 1.4;
        chart
            .draw_series(std::iter::once(
                EmptyElement::at(((from + to) / 2.0, y_hi))
                    + Text::new(
                        annotation.label.trim().to_owned(),
                        (0, offset as i32),
                        font(label_px)
                            .color(&MUTED)
                            .pos(Pos::new(HPos::Center, VPos::Top)),
                    ),
            ))
            .map_err(draw_error)?;
    }
    Ok(())
}

/// For each not-stated year: a dashed guide and the words "not stated in the text".
fn draw_not_stated(chart: &mut Chart<'_, '_>, plan: &Plan) -> Result<(), ChartError> {
    let (y_lo, y_hi) = plan.y_range;
    let label_px = plan.text_px(14.0);
    let (x_lo, x_hi) = plan.x_range;
    let plot_width = chart.plotting_area().dim_in_pixel().0.max(1);
    let year_width = f64::from(plot_width) / (x_hi - x_lo).max(1.0);
    let one_line = PointStatus::NotStated.label();
    let lines: Vec<&str> = if text_width(one_line, label_px) + plan.px(12.0) <= year_width {
        vec![one_line]
    } else {
        vec!["not stated", "in the text"]
    };
    let box_width = lines
        .iter()
        .map(|l| text_width(l, label_px))
        .fold(0.0, f64::max)
        + plan.px(10.0);
    let line_step = label_px * 1.25;
    let box_height = line_step * lines.len() as f64 + plan.px(6.0);
    for (index, &(year, value, _)) in plan.points.iter().enumerate() {
        if value.is_some() {
            continue;
        }
        let x = f64::from(year);
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                vec![(x, y_lo), (x, y_hi)],
                plan.px(7.0),
                plan.px(5.0),
                WARNING.stroke_width(plan.stroke(2.0)),
            )))
            .map_err(draw_error)?;
        // Put the words in the larger free space above or below the bridging segment.
        let label_y = match bridge_at(plan, index) {
            Some(bridge) if bridge - y_lo > y_hi - bridge => (y_lo + bridge) / 2.0,
            Some(bridge) => (bridge + y_hi) / 2.0,
            None => (y_lo + y_hi) / 2.0,
        };
        let half_w = (box_width / 2.0) as i32;
        let half_h = (box_height / 2.0) as i32;
        chart
            .draw_series(std::iter::once(
                EmptyElement::at((x, label_y))
                    + Rectangle::new(
                        [(-half_w, -half_h), (half_w, half_h)],
                        WHITE.mix(0.9).filled(),
                    ),
            ))
            .map_err(draw_error)?;
        let first_offset = -(line_step * (lines.len() as f64 - 1.0) / 2.0);
        for (i, line) in lines.iter().enumerate() {
            let dy = first_offset + line_step * i as f64;
            chart
                .draw_series(std::iter::once(
                    EmptyElement::at((x, label_y))
                        + Text::new(
                            (*line).to_owned(),
                            (0, dy as i32),
                            font(label_px)
                                .color(&WARNING)
                                .pos(Pos::new(HPos::Center, VPos::Center)),
                        ),
                ))
                .map_err(draw_error)?;
        }
    }
    Ok(())
}

/// The y (plot space) of the dashed bridge across the not-stated point at `index`, if known
/// values stand on both sides of it.
fn bridge_at(plan: &Plan, index: usize) -> Option<f64> {
    let (year, _, _) = plan.points.get(index)?;
    let before = plan
        .points
        .get(..index)?
        .iter()
        .rev()
        .find_map(|p| p.1.map(|v| (p.0, v)));
    let after = plan
        .points
        .get(index + 1..)?
        .iter()
        .find_map(|p| p.1.map(|v| (p.0, v)));
    let ((y0, v0), (y1, v1)) = (before?, after?);
    if y1 == y0 {
        return Some(v0);
    }
    let t = f64::from(year - y0) / f64::from(y1 - y0);
    Some(v0 + (v1 - v0) * t)
}

/// Solid segments between neighbouring known values; dashed ones across not-stated years.
fn draw_lines(chart: &mut Chart<'_, '_>, plan: &Plan) -> Result<(), ChartError> {
    let solid = SERIES.stroke_width(plan.stroke(3.0));
    let faded = SERIES.mix(0.6);
    let dashed = faded.stroke_width(plan.stroke(2.5));
    let mut previous: Option<(i32, f64)> = None;
    let mut gap = false;
    for &(year, value, _) in &plan.points {
        let Some(value) = value else {
            gap = true;
            continue;
        };
        if let Some((before_year, before)) = previous {
            let segment = vec![(f64::from(before_year), before), (f64::from(year), value)];
            if gap || year - before_year != 1 {
                chart
                    .draw_series(std::iter::once(DashedPathElement::new(
                        segment,
                        plan.px(10.0),
                        plan.px(7.0),
                        dashed,
                    )))
                    .map_err(draw_error)?;
            } else {
                chart
                    .draw_series(std::iter::once(PathElement::new(segment, solid)))
                    .map_err(draw_error)?;
            }
        }
        previous = Some((year, value));
        gap = false;
    }
    Ok(())
}

/// A bar per known value: solid for stated, light with an outline for approximate.
fn draw_bars(chart: &mut Chart<'_, '_>, plan: &Plan) -> Result<(), ChartError> {
    let base = plan.bar_base();
    let light = SERIES.mix(0.3);
    let outline = SERIES.stroke_width(plan.stroke(2.0));
    for &(year, value, status) in &plan.points {
        let Some(value) = value else { continue };
        let corners = [
            (f64::from(year) - 0.2, base),
            (f64::from(year) + 0.2, value),
        ];
        let fill = if status == PointStatus::Approximate {
            light.filled()
        } else {
            SERIES.filled()
        };
        chart
            .draw_series([
                Rectangle::new(corners, fill),
                Rectangle::new(corners, outline),
            ])
            .map_err(draw_error)?;
    }
    Ok(())
}

/// A filled marker per stated value and a hollow one per approximate value, each with its
/// value written above it ("≈ …" for approximate ones). Not-stated years get nothing.
fn draw_markers(chart: &mut Chart<'_, '_>, plan: &Plan, bars: bool) -> Result<(), ChartError> {
    let radius = plan.px(6.5).max(2.0).round() as i32;
    let ring = SERIES.stroke_width(plan.stroke(2.5));
    let label_px = plan.text_px(15.0);
    let gap = (f64::from(radius) + plan.px(6.0)) as i32;
    for (&(year, value, status), label) in plan.points.iter().zip(&plan.labels) {
        let (Some(value), Some(label)) = (value, label) else {
            continue;
        };
        let at = (f64::from(year), value);
        // Over a bar that grows downwards the label goes under it, where it can be read.
        let (offset, v_pos) = if bars && value < plan.bar_base() {
            (gap, VPos::Top)
        } else {
            (-gap, VPos::Bottom)
        };
        let text = Text::new(
            label.clone(),
            (0, offset),
            font(label_px)
                .style(FontStyle::Bold)
                .color(&SERIES)
                .pos(Pos::new(HPos::Center, v_pos)),
        );
        match status {
            PointStatus::Approximate => chart.draw_series(std::iter::once(
                EmptyElement::at(at)
                    + Circle::new((0, 0), radius, WHITE.filled())
                    + Circle::new((0, 0), radius, ring)
                    + text,
            )),
            PointStatus::Stated | PointStatus::NotStated => chart.draw_series(std::iter::once(
                EmptyElement::at(at) + Circle::new((0, 0), radius, SERIES.filled()) + text,
            )),
        }
        .map_err(draw_error)?;
    }
    Ok(())
}

/// The mark drawn before a legend entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LegendMark {
    Filled,
    Hollow,
    Dashed,
    Shaded,
}

/// A legend entry placed in the footer: its mark, words, left edge and row.
#[derive(Clone, Debug)]
struct LegendEntry {
    mark: LegendMark,
    text: String,
    x: f64,
    row: usize,
}

/// The legend entries, wrapped onto as many rows as the width needs.
fn legend(series: &Series, width: f64, scale: f64) -> Vec<LegendEntry> {
    let text_px = (14.0 * scale).max(9.0);
    let left = 20.0 * scale;
    let mut entries = vec![
        (LegendMark::Filled, "stated".to_owned()),
        (LegendMark::Hollow, "≈ approximate".to_owned()),
        (
            LegendMark::Dashed,
            "not stated in the text (dashed; no value drawn)".to_owned(),
        ),
    ];
    let labels: Vec<&str> = series
        .annotations
        .iter()
        .map(|a| a.label.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if !labels.is_empty() {
        entries.push((LegendMark::Shaded, format!("shaded: {}", labels.join(", "))));
    }
    let mark_width = |mark: LegendMark| match mark {
        LegendMark::Filled | LegendMark::Hollow => 12.0 * scale,
        LegendMark::Dashed => 31.0 * scale,
        LegendMark::Shaded => 12.0 * scale,
    };
    let (mut x, mut row) = (left, 0);
    entries
        .into_iter()
        .map(|(mark, text)| {
            let entry_width = mark_width(mark) + 6.0 * scale + text_width(&text, text_px);
            if x > left && x + entry_width > width - left {
                x = left;
                row += 1;
            }
            let entry = LegendEntry { mark, text, x, row };
            x += entry_width + 26.0 * scale;
            entry
        })
        .collect()
}

/// The legend, the source line(s) and a note on where the values come from.
fn draw_footer(area: &DrawingArea<SVGBackend<'_>, Shift>, plan: &Plan) -> Result<(), ChartError> {
    let left = plan.px(20.0);
    let text_px = plan.text_px(14.0);
    let radius = plan.px(6.0).max(2.0).round() as i32;
    let style = font(text_px)
        .color(&INK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for entry in &plan.legend {
        let y = (plan.line_height() * (0.75 + entry.row as f64)) as i32;
        let x = entry.x;
        let mark_end = match entry.mark {
            LegendMark::Filled => {
                area.draw(&Circle::new(
                    ((x + f64::from(radius)) as i32, y),
                    radius,
                    SERIES.filled(),
                ))
                .map_err(draw_error)?;
                x + f64::from(radius) * 2.0
            }
            LegendMark::Hollow => {
                let center = ((x + f64::from(radius)) as i32, y);
                area.draw(&Circle::new(center, radius, WHITE.filled()))
                    .map_err(draw_error)?;
                area.draw(&Circle::new(
                    center,
                    radius,
                    SERIES.stroke_width(plan.stroke(2.5)),
                ))
                .map_err(draw_error)?;
                x + f64::from(radius) * 2.0
            }
            LegendMark::Dashed => {
                let dash = plan.px(7.0);
                for i in 0..3 {
                    let start = x + f64::from(i) * dash * 1.7;
                    area.draw(&PathElement::new(
                        vec![(start as i32, y), ((start + dash) as i32, y)],
                        WARNING.stroke_width(plan.stroke(2.0)),
                    ))
                    .map_err(draw_error)?;
                }
                x + dash * 4.4
            }
            LegendMark::Shaded => {
                let half = plan.px(6.0);
                area.draw(&Rectangle::new(
                    [
                        (x as i32, (f64::from(y) - half) as i32),
                        ((x + half * 2.0) as i32, (f64::from(y) + half) as i32),
                    ],
                    SPAN.mix(0.35).filled(),
                ))
                .map_err(draw_error)?;
                x + half * 2.0
            }
        };
        area.draw(&Text::new(
            entry.text.clone(),
            ((mark_end + plan.px(6.0)) as i32, y),
            style.clone(),
        ))
        .map_err(draw_error)?;
    }

    let muted = font(text_px)
        .color(&MUTED)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let italic = font(text_px)
        .style(FontStyle::Italic)
        .color(&MUTED)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut y = plan.line_height() * (plan.legend_rows() as f64 + 1.1);
    for line in &plan.source_lines {
        area.draw(&Text::new(
            line.clone(),
            (left as i32, y as i32),
            muted.clone(),
        ))
        .map_err(draw_error)?;
        y += plan.line_height();
    }
    for line in &plan.note_lines {
        area.draw(&Text::new(
            line.clone(),
            (left as i32, y as i32),
            italic.clone(),
        ))
        .map_err(draw_error)?;
        y += plan.line_height();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert!((nice_step(9_000.0) - 10_000.0).abs() < 1e-6);
        assert!((nice_step(1_900.0) - 2_000.0).abs() < 1e-6);
        assert!((nice_step(0.3) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn linear_axis_includes_zero_and_headroom() {
        let ((lo, hi), list, decimals) = linear_axis(41_000.0, 49_000.0);
        assert!(lo <= 0.0 && hi > 49_000.0 * 1.1);
        assert!(list.contains(&0.0) && list.contains(&40_000.0), "{list:?}");
        assert_eq!(decimals, 0);
        let ((lo, hi), _, _) = linear_axis(-16.3, 0.0);
        assert!(lo < -16.3 && hi > 0.0);
    }

    #[test]
    fn log_axis_ticks_are_inside_the_range() {
        let ((lo, hi), list, _) = log_axis(41_000.0, 49_000.0);
        assert!(list.len() >= 3, "{list:?}");
        assert!(list.iter().all(|t| (lo..=hi).contains(t)));
        let ((_, _), list, _) = log_axis(3.0, 50_000.0);
        assert!(list.iter().any(|t| (t - 4.0).abs() < 1e-9), "{list:?}");
    }

    #[test]
    fn years_are_whole_and_thinned() {
        assert_eq!(
            year_ticks(2020, 2023, 10),
            vec![2020.0, 2021.0, 2022.0, 2023.0]
        );
        let many = year_ticks(1900, 2020, 10);
        assert!(many.len() <= 13, "{many:?}");
        assert!(many.iter().all(|y| y.fract() == 0.0));
        assert_eq!(many.first(), Some(&1900.0));
        let huge = year_ticks(i32::MIN, i32::MAX, 10);
        assert!(!huge.is_empty() && huge.len() <= 10, "{huge:?}");
    }

    #[test]
    fn a_huge_source_and_a_small_chart_still_fit() {
        let series = Series {
            id: "s".to_owned(),
            title: "T".repeat(300),
            source: "word ".repeat(2_000),
            points: vec![
                crate::corpus::model::SeriesPoint {
                    year: 1,
                    value: Some(5.0),
                    status: PointStatus::Stated,
                    ..Default::default()
                },
                crate::corpus::model::SeriesPoint {
                    year: 2,
                    ..Default::default()
                },
            ],
            ..Series::default()
        };
        let options = ChartOptions::default();
        let plan = Plan::new(&series, &options, (MIN_SIDE, MIN_SIDE)).unwrap_or_else(|e| {
            panic!("{e}");
        });
        assert!(f64::from(plan.footer_height()) <= 0.5 * f64::from(MIN_SIDE));
        assert!(plan.source_lines.last().is_some_and(|l| l.ends_with('…')));
        let svg = series_svg(&series, &options, (MIN_SIDE, MIN_SIDE));
        assert!(svg.is_ok_and(|svg| svg.contains("not stated")));
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let lines = wrap("Source: one two three four five", 12);
        assert!(lines.iter().all(|l| l.chars().count() <= 12), "{lines:?}");
        assert_eq!(lines.join(" "), "Source: one two three four five");
    }

    #[test]
    fn bad_sizes_are_refused() {
        let series = Series {
            points: vec![crate::corpus::model::SeriesPoint {
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
        series.points.push(crate::corpus::model::SeriesPoint {
            year: 2000,
            ..Default::default()
        });
        assert!(matches!(
            series_svg(&series, &options, DEFAULT_SIZE),
            Err(ChartError::NoValues { .. })
        ));
    }
}

//! The chart plan: everything a trend chart says, computed once from a series and its options.
//!
//! A [`Plan`] holds the ranges, the ticks and their labels, the axis labels, the points with
//! their status and value labels, the line segments (solid between neighbouring years, dashed
//! across a gap), the years the text gives no number for, the annotation spans, the legend,
//! the title, the source line and the number format. It knows nothing about pixels, fonts or
//! windows: the window draws it with `egui_plot` and the export draws it as SVG (and PNG), so the
//! two cannot disagree about what the chart says.
//!
//! Positions on the value axis are in *plot space*: the value itself on a linear axis, its
//! log10 on a log axis.

use super::error::ChartError;
use super::options::{AxisScale, ChartOptions, ValueMode};
use super::ticks::{linear_axis, log_axis, year_ticks};
use super::transform::{axis_label, format_number, point_label, transformed_points};
use crate::corpus::model::{Figure, PointStatus, Series, ValueKind};
use crate::corpus::number::format_as_given;

/// The most year labels a plan's x axis carries (a renderer may show fewer, see
/// [`Plan::year_axis_at_most`]).
pub const MAX_YEAR_TICKS: usize = 17;

/// The label of the year axis.
pub const YEAR_AXIS_LABEL: &str = "Year";

/// A tick on an axis: where it is and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position in plot space (a year on the x axis).
    pub position: f64,
    /// The text written at the tick.
    pub label: String,
}

/// One axis of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The words along the axis.
    pub label: String,
    /// `(start, end)` in plot space.
    pub range: (f64, f64),
    /// The ticks, in increasing position.
    pub ticks: Vec<Tick>,
}

impl Axis {
    /// The label of the tick at `position`, if there is one there.
    #[must_use]
    pub fn tick_label_at(&self, position: f64) -> Option<&str> {
        let tolerance = (self.range.1 - self.range.0).abs() * 1e-9;
        self.ticks
            .iter()
            .find(|tick| (tick.position - position).abs() <= tolerance)
            .map(|tick| tick.label.as_str())
    }

    /// The distance from the tick at `index` to its nearest neighbour (the span of the axis
    /// when there is only one tick).
    #[must_use]
    pub fn tick_spacing(&self, index: usize) -> f64 {
        let at = |i: usize| self.ticks.get(i).map(|tick| tick.position);
        let here = at(index).unwrap_or(self.range.0);
        let before = index.checked_sub(1).and_then(at).map(|p| here - p);
        let after = at(index + 1).map(|p| p - here);
        match (before, after) {
            (Some(a), Some(b)) => a.min(b),
            (Some(d), None) | (None, Some(d)) => d,
            (None, None) => (self.range.1 - self.range.0).abs(),
        }
    }
}

/// How the value axis writes its numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberFormat {
    /// Decimals after the point.
    pub decimals: usize,
    /// A `%` after the number (the percent-change mode, or a series of percentages).
    pub percent: bool,
    /// Written before the number: the currency of a series of amounts of money shown as
    /// given (`"US$"`); empty otherwise.
    pub prefix: String,
    /// Positions are log10 of the values.
    pub log: bool,
}

impl NumberFormat {
    /// The value at a position in plot space.
    #[must_use]
    pub fn value_at(&self, position: f64) -> f64 {
        if self.log {
            10_f64.powf(position)
        } else {
            position
        }
    }

    /// The position in plot space of a value (log10 on a log axis).
    #[must_use]
    pub fn position_of(&self, value: f64) -> f64 {
        if self.log { value.log10() } else { value }
    }

    /// The label of a value-axis tick at `position`: `"40,000"`, `"85.5"`, `"-10%"`,
    /// `"US$ 1,000"`. On a log axis each label has only the decimals its value needs, up to
    /// the axis's (`"0.2"`, `"1"`, `"1,000"`), so a round value reads as one.
    #[must_use]
    pub fn tick_label(&self, position: f64) -> String {
        let value = self.value_at(position);
        let text = if self.log {
            let unit = 10_f64.powi(i32::try_from(self.decimals).unwrap_or(0));
            format_as_given((value * unit).round() / unit)
        } else {
            format_number(value, self.decimals)
        };
        let text = if self.percent {
            format!("{text}%")
        } else {
            text
        };
        if self.prefix.is_empty() {
            text
        } else {
            format!("{} {text}", self.prefix)
        }
    }

    /// How the value axis of `series` writes its numbers in `mode`, with `decimals` decimals:
    /// a `%` for percent change and for a series of percentages shown as given, the currency
    /// before amounts of money shown as given.
    #[must_use]
    pub fn for_series(series: &Series, mode: ValueMode, decimals: usize, log: bool) -> Self {
        let format = &series.value_format;
        let as_given = mode == ValueMode::Absolute;
        Self {
            decimals,
            percent: mode == ValueMode::PercentChange
                || (as_given && format.kind == ValueKind::Percent),
            prefix: if as_given && format.kind == ValueKind::Currency {
                format.currency.trim().to_owned()
            } else {
                String::new()
            },
            log,
        }
    }
}

/// A point of the series as the chart shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanPoint {
    /// The year.
    pub year: i32,
    /// The value in the chart's value mode; `None` when the text states none.
    pub value: Option<f64>,
    /// The value's position in plot space; `None` when the text states none.
    pub y: Option<f64>,
    /// Stated, approximate or not stated.
    pub status: PointStatus,
    /// The value as written next to the point (`"≈ 49,000"`, `"-14.3%"`); `None` when the
    /// text states none.
    pub label: Option<String>,
}

/// A straight piece of the series line, in plot space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// `[year, y]` where it starts.
    pub from: [f64; 2],
    /// `[year, y]` where it ends.
    pub to: [f64; 2],
    /// Dashed: it bridges years the text gives no number for.
    pub dashed: bool,
}

/// A year the text gives no number for: drawn as a labelled guide, never as a point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    /// The year.
    pub year: i32,
    /// Where the dashed bridge crosses this year (plot space), when known values stand on
    /// both sides of it.
    pub bridge_y: Option<f64>,
}

/// A shaded span of years with a label (e.g. the COVID-19 lockdowns).
#[derive(Clone, Debug, PartialEq)]
pub struct AnnotationSpan {
    /// The words shown with the span.
    pub label: String,
    /// Where the span starts on the x axis (half a year before its first year).
    pub from_x: f64,
    /// Where the span ends on the x axis (half a year after its last year).
    pub to_x: f64,
}

/// The mark a legend entry is drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendMark {
    /// A filled marker: a stated value.
    Filled,
    /// A hollow marker: an approximate value.
    Hollow,
    /// A dashed guide: a year with no value.
    Dashed,
    /// A shaded box: an annotation span.
    Shaded,
    /// A short line in the colour of the chart's series at this index (a chart of several).
    Series(usize),
}

/// One entry of the legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    /// Its mark.
    pub mark: LegendMark,
    /// Its words.
    pub text: String,
}

/// Everything a chart of one series says, computed once; see the module documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The chart's title: the series title.
    pub title: String,
    /// How the chart was asked to be drawn.
    pub options: ChartOptions,
    /// The year axis.
    pub x_axis: Axis,
    /// The value axis, in plot space.
    pub y_axis: Axis,
    /// How the value axis writes numbers.
    pub number_format: NumberFormat,
    /// Every point of the series, in its order.
    pub points: Vec<PlanPoint>,
    /// The line through the known values (drawn when the chart is not bars).
    pub segments: Vec<Segment>,
    /// The years the text gives no number for.
    pub gaps: Vec<Gap>,
    /// The words written at each gap.
    pub gap_label: String,
    /// Shaded spans of years.
    pub annotations: Vec<AnnotationSpan>,
    /// Where bars grow from, in plot space.
    pub bar_base: f64,
    /// The legend entries, in order.
    pub legend: Vec<LegendEntry>,
    /// `Source: …`, the line under the chart.
    pub source_line: String,
    /// Where the values come from, said under the source line.
    pub note: String,
}

impl Plan {
    /// The plan of `series` drawn with `options`.
    ///
    /// # Errors
    /// - [`ChartError::NoPoints`] / [`ChartError::NoValues`] when there is nothing to draw;
    /// - [`ChartError::ModeUndefined`] when the index or change base is zero;
    /// - [`ChartError::LogScaleNeedsPositive`] for a log axis over a value ≤ 0;
    /// - [`ChartError::BarsOnLogScale`] for bars on a log axis.
    pub fn new(series: &Series, options: &ChartOptions) -> Result<Self, ChartError> {
        if options.bars && options.scale == AxisScale::Log {
            return Err(ChartError::BarsOnLogScale);
        }
        let shown = shown_values(series, *options)?;
        let mode = options.value_mode;
        let log = options.scale == AxisScale::Log;
        let (min, max) = shown
            .iter()
            .filter_map(|p| p.1)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        let value_ticks = if log {
            log_axis(min, max)
        } else {
            linear_axis(min, max)
        };
        let number_format = NumberFormat::for_series(series, mode, value_ticks.decimals, log);
        let first_year = series.points.iter().map(|p| p.year).min().unwrap_or(0);
        let last_year = series.points.iter().map(|p| p.year).max().unwrap_or(0);
        let x_axis = Axis {
            label: YEAR_AXIS_LABEL.to_owned(),
            range: (f64::from(first_year) - 0.5, f64::from(last_year) + 0.5),
            ticks: year_ticks(first_year, last_year, MAX_YEAR_TICKS)
                .into_iter()
                .map(|year| Tick {
                    position: f64::from(year),
                    label: year.to_string(),
                })
                .collect(),
        };
        let y_axis = Axis {
            label: axis_label(series, mode, options.scale),
            range: value_ticks.range,
            ticks: value_ticks
                .positions
                .iter()
                .map(|&position| Tick {
                    position,
                    label: number_format.tick_label(position),
                })
                .collect(),
        };
        let points: Vec<PlanPoint> = shown
            .iter()
            .map(|&(year, value, status)| PlanPoint {
                year,
                value,
                y: value.map(|v| number_format.position_of(v)),
                status,
                label: value.map(|v| point_label(series, Some(v), status, mode)),
            })
            .collect();
        let (y_lo, y_hi) = y_axis.range;
        let bar_base = if log { y_lo } else { 0.0_f64.clamp(y_lo, y_hi) };
        Ok(Self {
            title: series.title.trim().to_owned(),
            options: *options,
            segments: segments(&points, options.connect_unstated),
            gaps: gaps(&points, options.connect_unstated),
            gap_label: PointStatus::NotStated.label().to_owned(),
            annotations: annotation_spans(series, x_axis.range),
            bar_base,
            legend: legend_entries(series),
            source_line: source_line(series),
            note: note(series, &[]),
            x_axis,
            y_axis,
            number_format,
            points,
        })
    }

    /// The year axis with at most `max_labels` year ticks, at a readable step (1, 2, 5, 10,
    /// 20, 25, 50, … years), for a chart too narrow for all of the plan's.
    #[must_use]
    pub fn year_axis_at_most(&self, max_labels: usize) -> Axis {
        let first = self.points.iter().map(|p| p.year).min().unwrap_or(0);
        let last = self.points.iter().map(|p| p.year).max().unwrap_or(0);
        Axis {
            label: self.x_axis.label.clone(),
            range: self.x_axis.range,
            ticks: year_ticks(first, last, max_labels.min(MAX_YEAR_TICKS))
                .into_iter()
                .map(|year| Tick {
                    position: f64::from(year),
                    label: year.to_string(),
                })
                .collect(),
        }
    }

    /// The plan with its note saying, when the series is drawn in a figure of `figures` whose
    /// image the corpus does not have, that the figure's image is not in the text.
    #[must_use]
    pub fn with_figures(mut self, series: &Series, figures: &[Figure]) -> Self {
        self.note = note(series, figures);
        self
    }
}

/// Each point as `(year, value in the chart's mode, status)`, or why the chart cannot be drawn.
fn shown_values(
    series: &Series,
    options: ChartOptions,
) -> Result<Vec<(i32, Option<f64>, PointStatus)>, ChartError> {
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
        && let Some((year, Some(value), _)) = shown.iter().find(|p| p.1.is_some_and(|v| v <= 0.0))
    {
        return Err(ChartError::LogScaleNeedsPositive {
            year: *year,
            value: *value,
        });
    }
    Ok(shown)
}

impl Plan {
    /// Whether the line has a year the text gives no number for between two known values: a
    /// not-stated point, or a year the series skips. Only then is there anything to connect.
    #[must_use]
    pub fn has_unstated_years(&self) -> bool {
        let known: Vec<i32> = self
            .points
            .iter()
            .filter(|point| point.y.is_some())
            .map(|point| point.year)
            .collect();
        known.windows(2).any(|pair| match pair {
            [before, after] => after - before > 1,
            _ => false,
        })
    }
}

/// Solid segments between known values of neighbouring years. Across a year the text gives no
/// number for (a not-stated point, or a year the series skips) the line breaks, unless
/// `connect_unstated` asks for a dashed bridge.
fn segments(points: &[PlanPoint], connect_unstated: bool) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut previous: Option<(i32, f64)> = None;
    let mut gap = false;
    for point in points {
        let Some(y) = point.y else {
            gap = true;
            continue;
        };
        if let Some((before_year, before)) = previous {
            let dashed = gap || point.year - before_year != 1;
            if !dashed || connect_unstated {
                out.push(Segment {
                    from: [f64::from(before_year), before],
                    to: [f64::from(point.year), y],
                    dashed,
                });
            }
        }
        previous = Some((point.year, y));
        gap = false;
    }
    out
}

/// The not-stated points, with where the dashed bridge crosses each when one is drawn.
fn gaps(points: &[PlanPoint], connect_unstated: bool) -> Vec<Gap> {
    points
        .iter()
        .enumerate()
        .filter(|(_, point)| point.y.is_none())
        .map(|(index, point)| Gap {
            year: point.year,
            bridge_y: bridge_at(points, index).filter(|_| connect_unstated),
        })
        .collect()
}

/// The y (plot space) of the dashed bridge across the point at `index`, if known values stand
/// on both sides of it.
fn bridge_at(points: &[PlanPoint], index: usize) -> Option<f64> {
    let year = points.get(index)?.year;
    let known = |p: &PlanPoint| p.y.map(|y| (p.year, y));
    let before = points.get(..index)?.iter().rev().find_map(known);
    let after = points.get(index + 1..)?.iter().find_map(known);
    let ((year0, y0), (year1, y1)) = (before?, after?);
    if year1 == year0 {
        return Some(y0);
    }
    let t = f64::from(year - year0) / f64::from(year1 - year0);
    Some(y0 + (y1 - y0) * t)
}

/// The series' annotation spans, cut to the x range; spans wholly outside it are left out.
fn annotation_spans(series: &Series, (x_lo, x_hi): (f64, f64)) -> Vec<AnnotationSpan> {
    series
        .annotations
        .iter()
        .filter_map(|annotation| {
            let from_x = (f64::from(annotation.from_year) - 0.5).max(x_lo);
            let to_x = (f64::from(annotation.to_year) + 0.5).min(x_hi);
            (from_x < to_x).then(|| AnnotationSpan {
                label: annotation.label.trim().to_owned(),
                from_x,
                to_x,
            })
        })
        .collect()
}

/// The legend of a chart of `series`: stated, approximate, not stated, and the shaded spans
/// when the series has labelled annotations.
#[must_use]
pub fn legend_entries(series: &Series) -> Vec<LegendEntry> {
    let has = |status: PointStatus| series.points.iter().any(|p| p.status == status);
    // Only the kinds of point the series has are explained.
    let filled = match (has(PointStatus::Stated), has(PointStatus::Derived)) {
        (true, true) => Some("stated or derived"),
        (true, false) => Some("stated"),
        (false, true) => Some("derived"),
        (false, false) => None,
    };
    let mut entries: Vec<LegendEntry> = filled
        .map(|text| LegendEntry {
            mark: LegendMark::Filled,
            text: text.to_owned(),
        })
        .into_iter()
        .collect();
    if has(PointStatus::Approximate) {
        entries.push(LegendEntry {
            mark: LegendMark::Hollow,
            text: "≈ approximate".to_owned(),
        });
    }
    if has(PointStatus::NotStated) {
        entries.push(LegendEntry {
            mark: LegendMark::Dashed,
            text: format!("{} (no value drawn)", PointStatus::NotStated.label()),
        });
    }
    let labels: Vec<&str> = series
        .annotations
        .iter()
        .map(|a| a.label.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if !labels.is_empty() {
        entries.push(LegendEntry {
            mark: LegendMark::Shaded,
            text: format!("shaded: {}", labels.join(", ")),
        });
    }
    entries
}

/// `Source: …`, the line under a chart of `series`.
#[must_use]
pub fn source_line(series: &Series) -> String {
    format!("Source: {}", series.source.trim())
}

/// Where the values of `series` come from; and, when the series has a figure among
/// `figures` without an image, that its image is not in the text.
#[must_use]
pub fn note(series: &Series, figures: &[Figure]) -> String {
    let mut note = if series.from_table.is_some() {
        "Values as the paper's table prints them."
    } else {
        "Values as the paper's text states them."
    }
    .to_owned();
    let missing_figure = series
        .figure
        .as_deref()
        .and_then(|id| figures.iter().find(|figure| figure.id == id))
        .filter(|figure| {
            figure
                .image
                .as_deref()
                .is_none_or(|image| image.trim().is_empty())
        });
    if let Some(figure) = missing_figure {
        let label = figure.label.trim();
        let label = if label.is_empty() {
            "The figure"
        } else {
            label
        };
        note = format!("{note} {label}'s image is not in the text.");
    }
    note
}

/// `text` cut in two at the space nearest its middle (`"not stated in the text"` →
/// `("not stated", "in the text")`), for a label on two lines; `(text, "")` without a space.
#[must_use]
pub fn two_lines(text: &str) -> (&str, &str) {
    let middle = text.len() / 2;
    text.match_indices(' ')
        .map(|(at, _)| at)
        .min_by_key(|at| at.abs_diff(middle))
        .map_or((text, ""), |at| {
            (
                text.get(..at).unwrap_or(text),
                text.get(at + 1..).unwrap_or(""),
            )
        })
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;

//! The trend chart on screen: a [`chart::Plan`] drawn with `egui_plot`.
//!
//! The plan gives every word and number (axis labels, ticks and their labels, points, gaps,
//! annotation spans, legend, source line); this module only draws it, and maps the pointer back
//! to the year under it: hovering a year lights up the passages about it, clicking selects it.
//! The exported SVG draws the same plan (`chart::plan_svg`), so the two say the same.

use eframe::egui::{self, RichText, Stroke, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, GridMark, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoint,
    PlotPoints, PlotResponse, PlotUi, Points, Span, Text, VLine,
};

use super::commands::UiCommand;
use super::context::{Command, ViewCtx};
use super::theme::Theme;
use super::trends_view::TrendsView;
use crate::chart::{self, Axis, LegendMark, Plan, ValueMode};
use crate::corpus::Item;
use crate::corpus::display::point_value_text;
use crate::corpus::model::{PointStatus, Series};

/// The grid marks of an axis of the plan: its ticks, each with its distance to the next.
fn grid_marks(axis: &Axis) -> Vec<GridMark> {
    axis.ticks
        .iter()
        .enumerate()
        .map(|(index, tick)| GridMark {
            value: tick.position,
            step_size: axis.tick_spacing(index),
        })
        .collect()
}

/// A legend mark as a glyph, for the legend written as text above the chart.
fn legend_glyph(mark: LegendMark) -> &'static str {
    match mark {
        LegendMark::Filled => "●",
        LegendMark::Hollow => "○",
        LegendMark::Dashed => "┆",
        LegendMark::Shaded => "■",
        LegendMark::Series(_) => "━",
    }
}

/// The plan's legend as a row of small coloured labels (`● stated`, `○ ≈ approximate`, …).
pub(super) fn legend_ui(theme: &Theme, ui: &mut Ui, entries: &[chart::LegendEntry]) {
    ui.horizontal_wrapped(|ui| {
        for entry in entries {
            let colour = match entry.mark {
                LegendMark::Filled | LegendMark::Hollow => theme.series,
                LegendMark::Dashed => theme.warning,
                LegendMark::Shaded => theme.muted_text,
                LegendMark::Series(index) => theme.series_colour(index),
            };
            ui.label(
                RichText::new(format!("{} {}", legend_glyph(entry.mark), entry.text))
                    .size(theme.small_size)
                    .color(colour),
            );
        }
    });
}

/// The plan's source line and its note on where the values come from.
pub(super) fn source_ui(theme: &Theme, ui: &mut Ui, plan: &Plan) {
    ui.add(
        egui::Label::new(
            RichText::new(&plan.source_line)
                .size(theme.small_size)
                .color(theme.muted_text),
        )
        .wrap(),
    );
    ui.label(
        RichText::new(&plan.note)
            .size(theme.small_size)
            .italics()
            .color(theme.muted_text),
    );
}

/// Why the chart cannot be drawn, where it would be, and the source line.
pub(super) fn no_chart_ui(theme: &Theme, ui: &mut Ui, series: &Series, error: &chart::ChartError) {
    ui.label(
        RichText::new(format!("This chart cannot be drawn: {error}."))
            .italics()
            .color(theme.warning),
    );
    ui.add(
        egui::Label::new(
            RichText::new(chart::source_line(series))
                .size(theme.small_size)
                .color(theme.muted_text),
        )
        .wrap(),
    );
}

/// One series drawn on a chart: its position, record, plan and colour.
pub(super) struct ChartLine<'a> {
    /// The series' position in the corpus.
    pub position: usize,
    /// The series.
    pub series: &'a Series,
    /// Its plan, on the chart's axes.
    pub plan: &'a Plan,
    /// Its colour.
    pub colour: egui::Color32,
}

impl TrendsView {
    /// The chart drawn with `egui_plot`, `height` points tall: `frame`'s axes and each of
    /// `lines` in its colour (with a legend that hides a line on click when there are several);
    /// records where it was drawn and where each year of the shown series sits, sends hover and
    /// selection for the year under the pointer.
    pub(super) fn plot_ui(
        &mut self,
        ctx: &ViewCtx<'_>,
        ui: &mut Ui,
        frame: &Plan,
        lines: &[ChartLine<'_>],
        height: f32,
    ) {
        let selected = match ctx.selection.selected {
            Some(Item::SeriesPoint { series, point }) => Some((series, point)),
            _ => None,
        };
        let marks: Vec<Marks<'_>> = lines
            .iter()
            .map(|line| Marks {
                theme: ctx.theme,
                series: line.series,
                plan: line.plan,
                colour: line.colour,
                line_width: if ctx.is_highlighted(Item::Series(line.position)) {
                    4.0
                } else {
                    2.5
                },
                selected_year: selected
                    .filter(|(series, _)| *series == line.position)
                    .and_then(|(_, point)| line.series.points.get(point))
                    .map(|p| p.year),
            })
            .collect();
        let focus = lines
            .iter()
            .position(|line| line.position == self.series)
            .unwrap_or(0);
        let year_axis =
            frame.year_axis_at_most(year_labels_with_room(ctx.theme, ui.available_width()));
        let mut plot = plot(frame, &year_axis, ctx.theme, self.series, height);
        if ctx.corpus.file.series.len() > 1 {
            plot = plot.legend(Legend::default());
        }
        let response = plot.show(ui, |plot_ui| {
            for line in &marks {
                line.ui(plot_ui);
            }
            plot_ui.pointer_coordinate()
        });
        let rect = response.response.rect;
        self.chart_rect = Some(rect);
        let Some(focused) = marks.get(focus) else {
            return;
        };
        self.year_positions = focused
            .plan
            .points
            .iter()
            .map(|point| {
                let year = f64::from(point.year);
                let x = response
                    .transform
                    .position_from_point(&PlotPoint::new(year, 0.0))
                    .x;
                let y = point.y.map_or(rect.center().y, |y| {
                    response
                        .transform
                        .position_from_point(&PlotPoint::new(year, y))
                        .y
                });
                (point.year, egui::pos2(x, y))
            })
            .collect();
        let position = lines.get(focus).map_or(self.series, |line| line.position);
        year_keys_ui(ctx, ui, &response.response, position, focused.series);
        if let Some(pointer) = response.inner {
            year_under_pointer_ui(ctx, ui, focused, position, &response, pointer);
        }
    }
}

/// While the chart has the keyboard focus (Tab to it, or click it; a ring marks it), ← and →
/// select the year before or after the selected one of the series at `position`, as a click on
/// it does; from no selected year, → takes the first and ← the last.
fn year_keys_ui(
    ctx: &ViewCtx<'_>,
    ui: &Ui,
    response: &egui::Response,
    position: usize,
    series: &Series,
) {
    if response.clicked() {
        response.request_focus();
    }
    if !response.has_focus() {
        return;
    }
    ctx.theme.focus_ring_ui(ui, response.rect);
    // The arrows step through the years instead of moving the focus away.
    ui.memory_mut(|memory| {
        memory.set_focus_lock_filter(
            response.id,
            egui::EventFilter {
                horizontal_arrows: true,
                ..egui::EventFilter::default()
            },
        );
    });
    let (previous, next) = ui.input_mut(|input| {
        (
            UiCommand::ChartPreviousYear.triggered(input, false),
            UiCommand::ChartNextYear.triggered(input, false),
        )
    });
    if previous == next {
        return;
    }
    // The series' points by year.
    let mut by_year: Vec<usize> = (0..series.points.len()).collect();
    by_year.sort_by_key(|&point| series.points.get(point).map(|p| p.year));
    let current = match ctx.selection.selected {
        Some(Item::SeriesPoint { series: s, point }) if s == position => {
            by_year.iter().position(|&p| p == point)
        }
        _ => None,
    };
    let rank = match (current, next) {
        (Some(rank), true) => Some((rank + 1).min(by_year.len().saturating_sub(1))),
        (Some(rank), false) => Some(rank.saturating_sub(1)),
        (None, true) => Some(0),
        (None, false) => by_year.len().checked_sub(1),
    };
    if let Some(&point) = rank.and_then(|rank| by_year.get(rank)) {
        ctx.send(Command::Select(Item::SeriesPoint {
            series: position,
            point,
        }));
    }
}

/// How many year labels fit side by side in a chart `width` points wide (the value axis and
/// its label take some of it): one per four body-text sizes, so labels never touch.
fn year_labels_with_room(theme: &Theme, width: f32) -> usize {
    let plot_width = width - theme.body_size * 6.0;
    let labels = (plot_width / (theme.body_size * 4.0))
        .floor()
        .clamp(1.0, 100.0);
    // Clamped to 1..=100 and whole: the cast neither truncates nor loses a sign.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let labels = labels as usize;
    labels
}

/// The plot with the plan's ranges, axis labels, ticks and tick labels; the years on
/// `year_axis` (the plan's, thinned to the room there is).
fn plot<'a>(
    plan: &'a Plan,
    year_axis: &'a Axis,
    theme: &Theme,
    position: usize,
    height: f32,
) -> Plot<'a> {
    let (bottom, top) = plan.y_axis.range;
    let (left, right) = plan.x_axis.range;
    // The years are already thinned to what fits: every one of them gets its label (egui_plot
    // would hide labels under 60 points apart, and a 20-year span would show none).
    let label_room = theme.body_size * 2.5;
    Plot::new(("trend", position))
        .custom_x_axes(vec![
            AxisHints::new_x().label_spacing(label_room..=label_room + 1.0),
        ])
        .height(height)
        .allow_scroll(false)
        .include_y(bottom)
        .include_y(top)
        .include_x(left)
        .include_x(right)
        .x_axis_label(plan.x_axis.label.as_str())
        .y_axis_label(plan.y_axis.label.as_str())
        .y_axis_min_width(theme.body_size * 4.0)
        .grid_color(theme.grid)
        .x_grid_spacer(|_| grid_marks(year_axis))
        .y_grid_spacer(|_| grid_marks(&plan.y_axis))
        .x_axis_formatter(|mark, _| {
            year_axis
                .tick_label_at(mark.value)
                .unwrap_or_default()
                .to_owned()
        })
        .y_axis_formatter(|mark, _| {
            plan.y_axis
                .tick_label_at(mark.value)
                .unwrap_or_default()
                .to_owned()
        })
        .label_formatter(|_| None)
        // The year guide and tooltip below replace egui_plot's own pointer lines.
        .show_x(false)
        .show_y(false)
}

/// What goes inside the plot for one series, and how it is drawn.
struct Marks<'a> {
    theme: &'a Theme,
    series: &'a Series,
    plan: &'a Plan,
    colour: egui::Color32,
    line_width: f32,
    selected_year: Option<i32>,
}

impl Marks<'_> {
    /// Spans, bars or line and markers, "≈" over approximate values, gaps, the selected year.
    fn ui(&self, plot_ui: &mut PlotUi<'_>) {
        let Self { theme, plan, .. } = *self;
        for span in &plan.annotations {
            plot_ui.span(
                Span::new(span.label.clone(), span.from_x..=span.to_x).fill(theme.annotation_fill),
            );
        }
        if plan.options.bars {
            plot_ui.bar_chart(self.bar_chart());
        } else {
            self.line_ui(plot_ui);
        }
        let (bottom, top) = plan.y_axis.range;
        for [year, y] in known_at(plan, PointStatus::Approximate) {
            plot_ui.text(
                Text::new(
                    "≈",
                    PlotPoint::new(year, y + (top - bottom) * 0.05),
                    RichText::new("≈")
                        .size(theme.body_size + 4.0)
                        .strong()
                        .color(self.colour),
                )
                .anchor(egui::Align2::CENTER_BOTTOM),
            );
        }
        let (first_line, second_line) = chart::two_lines(&plan.gap_label);
        for gap in &plan.gaps {
            let year = f64::from(gap.year);
            plot_ui.vline(
                VLine::new(plan.gap_label.clone(), year)
                    .color(theme.warning)
                    .style(LineStyle::dashed_dense())
                    .width(1.5),
            );
            plot_ui.text(
                Text::new(
                    plan.gap_label.clone(),
                    PlotPoint::new(year + 0.04, f64::midpoint(bottom, top)),
                    RichText::new(format!("{first_line}\n{second_line}"))
                        .size(theme.small_size)
                        .color(theme.warning),
                )
                .anchor(egui::Align2::LEFT_CENTER),
            );
        }
        if let Some(year) = self.selected_year {
            plot_ui.vline(
                VLine::new("selected", f64::from(year))
                    .color(theme.accent)
                    .width(2.0),
            );
        }
    }

    /// The plan's segments (dashed across gaps) and a marker per known value: filled for
    /// stated, hollow for approximate.
    fn line_ui(&self, plot_ui: &mut PlotUi<'_>) {
        let Self {
            theme,
            series,
            plan,
            ..
        } = *self;
        for segment in &plan.segments {
            let line = Line::new(
                series.title.clone(),
                PlotPoints::from(vec![segment.from, segment.to]),
            )
            .color(self.colour)
            .width(self.line_width);
            plot_ui.line(if segment.dashed {
                line.style(LineStyle::dashed_loose()).width(2.0)
            } else {
                line
            });
        }
        for (status, filled) in [
            (PointStatus::Stated, true),
            (PointStatus::Approximate, false),
        ] {
            plot_ui.points(
                Points::new(series.title.clone(), known_at(plan, status))
                    .shape(MarkerShape::Circle)
                    .radius(theme.body_size * 0.45)
                    .filled(filled)
                    .color(self.colour),
            );
        }
    }

    /// A bar per known value from the plan's bar base: solid for stated, light for approximate.
    fn bar_chart(&self) -> BarChart {
        let Self { series, plan, .. } = *self;
        let base = plan.bar_base;
        let bars = plan
            .points
            .iter()
            .filter_map(|point| {
                let y = point.y?;
                let fill = if point.status == PointStatus::Stated {
                    self.colour
                } else {
                    self.colour.gamma_multiply(0.35)
                };
                Some(
                    Bar::new(f64::from(point.year), y - base)
                        .base_offset(base)
                        .width(0.6)
                        .fill(fill)
                        .stroke(Stroke::new(1.5, self.colour))
                        .name(point.status.label()),
                )
            })
            .collect();
        BarChart::new(series.title.clone(), bars).color(self.colour)
    }
}

/// The year nearest the pointer, if within half a year: hovered (a guide and a tooltip with
/// its value, status and sentence) and selected on click.
fn year_under_pointer_ui(
    ctx: &ViewCtx<'_>,
    ui: &Ui,
    marks: &Marks<'_>,
    position: usize,
    response: &PlotResponse<Option<PlotPoint>>,
    pointer: PlotPoint,
) {
    let Marks {
        theme,
        series,
        plan,
        ..
    } = *marks;
    let Some((point_position, point)) =
        series.points.iter().enumerate().min_by(|(_, a), (_, b)| {
            (f64::from(a.year) - pointer.x)
                .abs()
                .total_cmp(&(f64::from(b.year) - pointer.x).abs())
        })
    else {
        return;
    };
    if (f64::from(point.year) - pointer.x).abs() > 0.5 {
        return;
    }
    let item = Item::SeriesPoint {
        series: position,
        point: point_position,
    };
    ctx.send(Command::Hover(item));
    let guide_x = response
        .transform
        .position_from_point(&PlotPoint::new(f64::from(point.year), 0.0))
        .x;
    let rect = response.response.rect;
    ui.painter()
        .vline(guide_x, rect.y_range(), Stroke::new(1.0, theme.muted_text));
    let value = point_value_text(point.value, point.status, series);
    let value_mode = plan.options.value_mode;
    let shown = plan
        .points
        .get(point_position)
        .and_then(|p| p.label.as_deref())
        .filter(|_| value_mode != ValueMode::Absolute);
    response.response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(theme.body_size * 28.0);
        ui.label(RichText::new(format!("{}: {value}", point.year)).strong());
        if let Some(shown) = shown {
            ui.label(format!("{}: {shown}", value_mode.label()));
        }
        ui.label(
            RichText::new(format!("Status: {}", point.status.label()))
                .color(status_color(theme, point.status)),
        );
        ui.add(egui::Label::new(RichText::new(format!("“{}”", point.quote)).italics()).wrap());
    });
    if response.response.clicked() {
        ctx.send(Command::Select(item));
    }
}

/// `[year, y]` of every known point with `status`.
fn known_at(plan: &Plan, status: PointStatus) -> Vec<[f64; 2]> {
    plan.points
        .iter()
        .filter(|point| point.status == status)
        .filter_map(|point| point.y.map(|y| [f64::from(point.year), y]))
        .collect()
}

/// The colour a point's status is written in.
pub(super) fn status_color(theme: &Theme, status: PointStatus) -> egui::Color32 {
    match status {
        PointStatus::Stated | PointStatus::Derived => theme.muted_text,
        PointStatus::Approximate | PointStatus::NotStated => theme.warning,
    }
}

//! The trend chart on screen: a [`chart::Plan`] drawn with `egui_plot`.
//!
//! The plan gives every word and number (axis labels, ticks and their labels, points, gaps,
//! annotation spans, legend, source line); this module only draws it, and maps the pointer back
//! to the year under it: hovering a year lights up the passages about it, clicking selects it.
//! The exported SVG draws the same plan (`chart::plan_svg`), so the two say the same.

use eframe::egui::{self, RichText, Stroke, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, GridMark, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoint,
    PlotPoints, PlotResponse, PlotUi, Points, Span, VLine,
};

use super::commands::UiCommand;
use super::context::{Command, ViewCtx};
use super::theme::Theme;
use super::trends_view::TrendsView;
use crate::chart::{
    self, Axis, LabelLayout, LabelRoom, LegendMark, PlacedLabel, Plan, PointLabels, TextAlign,
    ValueMode,
};
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

/// The sizes a chart is drawn at: the window's, or a slide's for a room.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ChartStyle {
    /// Tick labels and the axes' own labels.
    pub axis_size: f32,
    /// Annotation labels inside the plot.
    pub label_size: f32,
    /// The "not stated" label at a gap.
    pub gap_size: f32,
    /// The words at a marker: the "≈" of an approximate value, a marked year's value.
    pub point_size: f32,
    /// Width of the series line.
    pub line_width: f32,
    /// Radius of a point marker.
    pub marker_radius: f32,
    /// Width of the rule at the selected or marked year.
    pub rule_width: f32,
    /// Which words are written at the markers.
    pub point_labels: PointLabels,
    /// Whether the plot may be dragged or zoomed (never scrolled).
    pub movable: bool,
}

impl ChartStyle {
    /// The window's chart: body-size labels, a "≈" over each approximate value.
    pub fn window(theme: &Theme) -> Self {
        Self {
            axis_size: theme.body_size,
            label_size: theme.body_size,
            gap_size: theme.small_size,
            point_size: theme.body_size + 4.0,
            line_width: 2.5,
            marker_radius: theme.body_size * 0.45,
            rule_width: 2.0,
            point_labels: PointLabels::ApproximateMarks,
            movable: true,
        }
    }

    /// What placing the labels inside a plot needs to know, for the plot `transform` shows
    /// with a rule at `rule_year`.
    fn label_room(
        &self,
        transform: &egui_plot::PlotTransform,
        rule_year: Option<i32>,
    ) -> LabelRoom {
        let frame = transform.frame();
        let bounds = transform.bounds();
        LabelRoom {
            plot_size: (f64::from(frame.width()), f64::from(frame.height())),
            x_range: (bounds.min()[0], bounds.max()[0]),
            y_range: (bounds.min()[1], bounds.max()[1]),
            annotation_px: f64::from(self.label_size),
            point_px: f64::from(self.point_size),
            gap_px: f64::from(self.gap_size),
            marker_radius: f64::from(self.marker_radius),
            point_labels: self.point_labels,
            rule_year,
        }
    }
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

/// The plan's legend as a row of coloured labels `size` points tall (`● stated`,
/// `○ ≈ approximate`, …).
pub(super) fn legend_ui(theme: &Theme, ui: &mut Ui, entries: &[chart::LegendEntry], size: f32) {
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
                    .size(size)
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
        let style = ChartStyle::window(ctx.theme);
        let marks: Vec<Marks<'_>> = lines
            .iter()
            .map(|line| Marks {
                theme: ctx.theme,
                style,
                series: line.series,
                plan: line.plan,
                colour: line.colour,
                line_width: if ctx.is_highlighted(Item::Series(line.position)) {
                    4.0
                } else {
                    style.line_width
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
            frame.year_axis_at_most(year_labels_with_room(style.axis_size, ui.available_width()));
        let id = ("trend", self.series);
        let mut plot = plot(frame, &year_axis, ctx.theme, &style, id, height);
        if ctx.corpus.file.series.len() > 1 {
            plot = plot.legend(Legend::default());
        }
        let response = plot.show(ui, |plot_ui| {
            chart_marks_ui(plot_ui, frame, &marks);
            plot_ui.pointer_coordinate()
        });
        chart_labels_ui(ui, &response.transform, frame, &marks);
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
/// its label take some of it): one per four label sizes (`axis_size`), so labels never touch.
pub(super) fn year_labels_with_room(axis_size: f32, width: f32) -> usize {
    let plot_width = width - axis_size * 6.0;
    let labels = (plot_width / (axis_size * 4.0)).floor().clamp(1.0, 100.0);
    // Clamped to 1..=100 and whole: the cast neither truncates nor loses a sign.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let labels = labels as usize;
    labels
}

/// The plot with the plan's ranges, axis labels, ticks and tick labels, drawn at `style`'s
/// sizes; the years on `year_axis` (the plan's, thinned to the room there is). Only the
/// plan's ticks have grid lines, each as strong as the theme's grid colour.
pub(super) fn plot<'a>(
    plan: &'a Plan,
    year_axis: &'a Axis,
    theme: &Theme,
    style: &ChartStyle,
    id: impl egui::AsIdSalt,
    height: f32,
) -> Plot<'a> {
    let (bottom, top) = plan.y_axis.range;
    let (left, right) = plan.x_axis.range;
    let font = egui::FontId::proportional(style.axis_size);
    // The years are already thinned to what fits: every one of them gets its label (egui_plot
    // would hide labels under 60 points apart, and a 20-year span would show none).
    let label_room = style.axis_size * 2.5;
    let x_axis = AxisHints::new_x()
        .label(RichText::new(plan.x_axis.label.as_str()).size(style.axis_size))
        .tick_label_font(font.clone())
        .label_spacing(label_room..=label_room + 1.0)
        .formatter(|mark, _| {
            year_axis
                .tick_label_at(mark.value)
                .unwrap_or_default()
                .to_owned()
        });
    let y_axis = AxisHints::new_y()
        .label(RichText::new(plan.y_axis.label.as_str()).size(style.axis_size))
        .tick_label_font(font)
        .min_thickness(style.axis_size * 4.0)
        .formatter(|mark, _| {
            plan.y_axis
                .tick_label_at(mark.value)
                .unwrap_or_default()
                .to_owned()
        });
    Plot::new(id)
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![y_axis])
        .height(height)
        .allow_scroll(false)
        .allow_drag(style.movable)
        .allow_zoom(style.movable)
        .allow_boxed_zoom(style.movable)
        .allow_double_click_reset(style.movable)
        .include_y(bottom)
        .include_y(top)
        .include_x(left)
        .include_x(right)
        .grid_color(theme.grid)
        // Any tick of the plan more than a point from its neighbour gets a full-strength line.
        .grid_spacing(1.0..=2.0)
        .x_grid_spacer(|_| grid_marks(year_axis))
        .y_grid_spacer(|_| grid_marks(&plan.y_axis))
        .label_formatter(|_| None)
        // The year guide and tooltip replace egui_plot's own pointer lines.
        .show_x(false)
        .show_y(false)
}

/// The chart's marks inside the plot: `frame`'s annotation spans and each of `marks`' lines.
pub(super) fn chart_marks_ui(plot_ui: &mut PlotUi<'_>, frame: &Plan, marks: &[Marks<'_>]) {
    let Some(first) = marks.first() else {
        return;
    };
    for span in &frame.annotations {
        plot_ui.span(Span::new("", span.from_x..=span.to_x).fill(first.theme.annotation_fill));
    }
    for line in marks {
        line.ui(plot_ui);
    }
}

/// The words at the markers and the annotation labels, painted over the plot `transform`
/// shows where `Plan::label_layout` puts them: over no marker and no other label. Painted
/// after the plot, with its final transform, so that they follow a zoom or drag in the same
/// frame and never stretch the plot's bounds.
pub(super) fn chart_labels_ui(
    ui: &Ui,
    transform: &egui_plot::PlotTransform,
    frame: &Plan,
    marks: &[Marks<'_>],
) {
    let Some(first) = marks.first() else {
        return;
    };
    let (theme, style) = (first.theme, first.style);
    let plans: Vec<&Plan> = marks.iter().map(|line| line.plan).collect();
    let rule_year = marks.iter().find_map(|line| line.selected_year);
    let labels: LabelLayout = frame.label_layout(&plans, &style.label_room(transform, rule_year));
    let painter = ui.painter().with_clip_rect(*transform.frame());
    let page = ui.visuals().extreme_bg_color;
    let paint = |label: &PlacedLabel, font: egui::FontId, colour: egui::Color32, backed: bool| {
        let at = transform.position_from_point(&PlotPoint::new(label.anchor[0], label.anchor[1]));
        let (align, halign) = match label.align {
            TextAlign::Left => (egui::Align2::LEFT_CENTER, egui::Align::LEFT),
            TextAlign::Centre => (egui::Align2::CENTER_CENTER, egui::Align::Center),
            TextAlign::Right => (egui::Align2::RIGHT_CENTER, egui::Align::RIGHT),
        };
        let mut job =
            egui::text::LayoutJob::simple(label.text.clone(), font, colour, f32::INFINITY);
        job.halign = halign;
        let galley = painter.layout_job(job);
        let rect = align.anchor_size(at, galley.size());
        if backed {
            painter.rect_filled(rect.expand(2.0), theme.radius, page.gamma_multiply(0.9));
        }
        // A centred or right-aligned galley stands left of its origin: place what it shows.
        painter.galley(rect.min - galley.rect.min.to_vec2(), galley, colour);
    };
    // A value written at its marker stays readable over the rule at its year.
    let backed = style.point_labels != PointLabels::ApproximateMarks;
    for label in &labels.points {
        let colour = marks
            .get(label.line)
            .map_or(theme.series, |line| line.colour);
        paint(
            label,
            egui::FontId::proportional(style.point_size),
            colour,
            backed,
        );
    }
    for label in &labels.gaps {
        paint(
            label,
            egui::FontId::proportional(style.gap_size),
            theme.warning,
            false,
        );
    }
    for label in &labels.annotations {
        paint(
            label,
            egui::FontId::proportional(style.label_size),
            theme.muted_text,
            false,
        );
    }
}

/// What goes inside the plot for one series, and how it is drawn.
pub(super) struct Marks<'a> {
    /// Colours.
    pub theme: &'a Theme,
    /// Sizes.
    pub style: ChartStyle,
    /// The series.
    pub series: &'a Series,
    /// Its plan, on the chart's axes.
    pub plan: &'a Plan,
    /// Its colour.
    pub colour: egui::Color32,
    /// Width of its line.
    pub line_width: f32,
    /// The year with a rule across the plot.
    pub selected_year: Option<i32>,
}

impl Marks<'_> {
    /// Bars or line and markers, gaps, the selected year.
    fn ui(&self, plot_ui: &mut PlotUi<'_>) {
        let Self {
            theme, plan, style, ..
        } = *self;
        if plan.options.bars {
            plot_ui.bar_chart(self.bar_chart());
        } else {
            self.line_ui(plot_ui);
        }
        // The rule first: a gap's dashed guide stays visible over it.
        if let Some(year) = self.selected_year {
            plot_ui.vline(
                VLine::new("selected", f64::from(year))
                    .color(theme.accent)
                    .width(style.rule_width),
            );
        }
        for gap in &plan.gaps {
            plot_ui.vline(
                VLine::new(plan.gap_label.clone(), f64::from(gap.year))
                    .color(theme.warning)
                    .style(LineStyle::dashed_dense())
                    .width(style.rule_width.max(1.5)),
            );
        }
    }

    /// The plan's segments (dashed across gaps) and a marker per known value: filled for
    /// stated, hollow for approximate.
    fn line_ui(&self, plot_ui: &mut PlotUi<'_>) {
        let Self { series, plan, .. } = *self;
        for segment in &plan.segments {
            let line = Line::new(
                series.title.clone(),
                PlotPoints::from(vec![segment.from, segment.to]),
            )
            .color(self.colour)
            .width(self.line_width);
            plot_ui.line(if segment.dashed {
                line.style(LineStyle::dashed_loose())
                    .width(self.line_width * 0.8)
            } else {
                line
            });
        }
        let marker = |points: Vec<[f64; 2]>, radius: f32, colour: egui::Color32| {
            Points::new(series.title.clone(), points)
                .shape(MarkerShape::Circle)
                .radius(radius)
                .filled(true)
                .color(colour)
        };
        let radius = self.style.marker_radius;
        plot_ui.points(marker(
            known_at(plan, PointStatus::Stated),
            radius,
            self.colour,
        ));
        // An approximate value's marker is a ring as thick as half the line.
        let approximate = known_at(plan, PointStatus::Approximate);
        // At least 1.5 points, yet never more than half the marker (a thumbnail's are tiny).
        let ring = (self.line_width * 0.5).max(1.5).min(radius * 0.5);
        let page = plot_ui.ctx().global_style().visuals.extreme_bg_color;
        plot_ui.points(marker(approximate.clone(), radius, self.colour));
        plot_ui.points(marker(approximate, radius - ring, page));
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

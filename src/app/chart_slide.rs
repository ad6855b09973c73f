//! A chart as a slide for a room: the chart of a series' chart group, full width, its title
//! above and its source line below, in type sized for the back row ([`SlideType`]).
//!
//! It draws the same [`Plan`] as the Trends view and the exports, with the plan's ticks only
//! (light grid lines, no minor grid), thick lines and large markers, and none of the
//! explorer's state: the only marked year is the one the slide asks for, drawn as a rule with
//! its value in large type. A year the text gives no number for is a gap with its "not stated"
//! guide, never a line across it. The chart does not zoom, drag or scroll; a tooltip follows
//! the pointer only while it moves, never for a pointer resting where it was when the slide
//! appeared.

use eframe::egui::{self, RichText, Ui};
use egui_plot::{PlotPoint, PlotTransform};

use super::context::ViewCtx;
use super::theme::{SlideType, Theme};
use super::trends_chart::{
    ChartStyle, Marks, chart_labels_ui, chart_marks_ui, legend_ui, plot, status_color,
    year_labels_with_room,
};
use crate::chart::{self, ChartGroup, ChartOptions, GroupPlan, Plan, PointLabels};
use crate::corpus::display::point_value_text;
use crate::corpus::model::PointStatus;

/// How long after the pointer last moved the tooltip stays, in seconds.
const TOOLTIP_SECONDS: f32 = 2.0;

/// Fills `ui` with the chart of `series`' chart group for a projector, `year` marked when
/// given; sizes from [`SlideType::for_height`] of the height `ui` has.
pub fn chart_slide_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, series: usize, year: Option<i32>) {
    let sizes = SlideType::for_height(ui.available_height());
    chart_slide_sized_ui(ctx, ui, series, year, sizes);
}

/// [`chart_slide_ui`] with the type scale of the whole slide, for a caller that has already
/// taken the slide's margins (and perhaps a title) from `ui`.
pub fn chart_slide_sized_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    series: usize,
    year: Option<i32>,
    sizes: SlideType,
) {
    let theme = ctx.theme;
    let all = &ctx.corpus.file.series;
    let Some(shown) = all.get(series) else {
        slide_text_ui(ui, theme, sizes.body, "This chart is not in the paper.");
        return;
    };
    let group = chart::chart_groups(all)
        .into_iter()
        .find(|group| group.members.contains(&series))
        .unwrap_or_else(|| ChartGroup {
            name: String::new(),
            title: shown.title.trim().to_owned(),
            members: vec![series],
        });
    title_ui(ui, sizes, &group.title);
    // Honest by default: absolute values on a linear axis, no line across an unstated year.
    let planned = GroupPlan::new(&group, all, &ChartOptions::default());
    let (planned, frame) = match planned.map(|planned| {
        let frame = planned.frame();
        (planned, frame)
    }) {
        Ok((planned, Some(frame))) => (planned, frame),
        Ok((_, None)) => return,
        Err(error) => {
            let words = format!("This chart cannot be drawn: {error}.");
            slide_text_ui(ui, theme, sizes.body, &words);
            source_line_ui(ui, theme, sizes, &chart::source_line(shown));
            return;
        }
    };
    legend_ui(theme, ui, &frame.legend, sizes.small);
    let style = slide_style(sizes, year);
    let lines: Vec<Marks<'_>> = planned
        .members
        .iter()
        .enumerate()
        .filter_map(|(index, (position, plan))| {
            Some(Marks {
                theme,
                style,
                series: all.get(*position)?,
                plan,
                colour: theme.series_colour(index),
                line_width: style.line_width,
                // A year the text gives no number for keeps its dashed guide alone.
                selected_year: year.filter(|year| plan.gaps.iter().all(|gap| gap.year != *year)),
            })
        })
        .collect();
    for (position, error) in &planned.left_out {
        if let Some(left_out) = all.get(*position) {
            let words = format!("{} is not drawn: {error}.", left_out.title.trim());
            slide_text_ui(ui, theme, sizes.small, &words);
        }
    }
    let source = source_galley(ui, theme, sizes, &frame.source_line);
    let footer = source.size().y + sizes.gap;
    let height = (ui.available_height() - footer).max(sizes.axis * 6.0);
    let year_axis =
        frame.year_axis_at_most(year_labels_with_room(style.axis_size, ui.available_width()));
    let id = ("chart-slide", series, year);
    let response = plot(&frame, &year_axis, theme, &style, id, height)
        .show(ui, |plot_ui| chart_marks_ui(plot_ui, &frame, &lines));
    chart_labels_ui(ui, &response.transform, &frame, &lines);
    let summary = chart_summary(&group.title, &lines);
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    if let Some(line) = lines.first() {
        let hovered = response.response.hover_pos();
        tooltip_ui(ui, sizes, line, &response.transform, id, hovered);
    }
    ui.add_space(sizes.gap * 0.5);
    ui.add(egui::Label::new(source));
}

/// The source line in the slide's small type, muted, wrapped to the width `ui` has.
fn source_galley(
    ui: &Ui,
    theme: &Theme,
    sizes: SlideType,
    source_line: &str,
) -> std::sync::Arc<egui::Galley> {
    egui::WidgetText::from(
        RichText::new(source_line)
            .size(sizes.small)
            .color(theme.muted_text),
    )
    .into_galley(
        ui,
        Some(egui::TextWrapMode::Wrap),
        ui.available_width(),
        egui::TextStyle::Body,
    )
}

/// The chart's sizes on a slide: axis labels in the slide's axis type, annotation and gap
/// labels in its small type, the marked year's value in body type, thick lines, large
/// markers; nothing moves.
fn slide_style(sizes: SlideType, year: Option<i32>) -> ChartStyle {
    ChartStyle {
        axis_size: sizes.axis,
        label_size: sizes.small,
        gap_size: sizes.small,
        point_size: sizes.body,
        line_width: sizes.line_width,
        marker_radius: sizes.marker_radius,
        rule_width: sizes.line_width * 0.5,
        point_labels: year.map_or(PointLabels::ApproximateMarks, PointLabels::Year),
        movable: false,
    }
}

/// What the chart shows, read out in words: its title, then each series' years and values
/// (`"2022: not stated in the text"`), for a screen reader and the slide's tests.
fn chart_summary(title: &str, lines: &[Marks<'_>]) -> String {
    let mut parts = vec![format!("Chart: {}.", title.trim())];
    for line in lines {
        let values: Vec<String> = line
            .series
            .points
            .iter()
            .map(|point| {
                let value = point_value_text(point.value, point.status, line.series);
                format!("{}: {value}", point.year)
            })
            .collect();
        let values = values.join("; ");
        parts.push(if lines.len() > 1 {
            format!("{}: {values}.", line.series.title.trim())
        } else {
            format!("{values}.")
        });
    }
    parts.join(" ")
}

/// The chart's title in the slide's title type.
fn title_ui(ui: &mut Ui, sizes: SlideType, title: &str) {
    ui.add(egui::Label::new(RichText::new(title.trim()).size(sizes.title).strong()).wrap());
    ui.add_space(sizes.gap * 0.25);
}

/// The source line in the slide's small type, muted, wrapped.
fn source_line_ui(ui: &mut Ui, theme: &Theme, sizes: SlideType, source_line: &str) {
    let galley = source_galley(ui, theme, sizes, source_line);
    ui.add(egui::Label::new(galley));
}

/// A sentence in `size` type, wrapped.
fn slide_text_ui(ui: &mut Ui, theme: &Theme, size: f32, words: &str) {
    ui.add(egui::Label::new(RichText::new(words).size(size).color(theme.warning)).wrap());
}

/// What the slide remembers between frames: the frame it was last drawn in and where the
/// pointer was when it appeared.
#[derive(Clone, Copy, Debug, Default)]
struct SlideMemory {
    last_frame: u64,
    pointer_when_shown: Option<egui::Pos2>,
}

/// Whether the pointer has moved since the slide appeared and in the last moments: a slide
/// drawn anew (not in the frame before) remembers where the pointer rests then.
fn pointer_is_moving(ui: &Ui, id: egui::Id) -> bool {
    let frame = ui.ctx().cumulative_frame_nr();
    let (pointer, still_for) = ui.input(|input| {
        (
            input.pointer.latest_pos(),
            input.pointer.time_since_last_movement(),
        )
    });
    let memory = ui.data_mut(|data| {
        let memory = data.get_temp_mut_or_default::<SlideMemory>(id);
        if memory.last_frame + 1 < frame || memory.last_frame == 0 {
            memory.pointer_when_shown = pointer;
        }
        memory.last_frame = frame;
        *memory
    });
    let moved_since_shown = pointer.is_some() && pointer != memory.pointer_when_shown;
    if moved_since_shown && still_for < TOOLTIP_SECONDS {
        // Look again when the tooltip is due to go.
        ui.ctx()
            .request_repaint_after_secs(TOOLTIP_SECONDS - still_for + 0.05);
        return true;
    }
    false
}

/// The year under a moving pointer, if any within half a year: its value and status in a
/// tooltip at the pointer, in the slide's type.
fn tooltip_ui(
    ui: &Ui,
    sizes: SlideType,
    line: &Marks<'_>,
    transform: &PlotTransform,
    id: (&str, usize, Option<i32>),
    hovered: Option<egui::Pos2>,
) {
    let id = ui.scope_id().with(id);
    if !pointer_is_moving(ui, id) {
        return;
    }
    let Some(at) = hovered else {
        return;
    };
    let pointer = transform.value_from_position(at);
    let Some(point) = line
        .series
        .points
        .iter()
        .filter(|point| (f64::from(point.year) - pointer.x).abs() <= 0.5)
        .min_by(|a, b| {
            (f64::from(a.year) - pointer.x)
                .abs()
                .total_cmp(&(f64::from(b.year) - pointer.x).abs())
        })
    else {
        return;
    };
    let theme = line.theme;
    let value = point_value_text(point.value, point.status, line.series);
    let guide_x = transform
        .position_from_point(&PlotPoint::new(f64::from(point.year), 0.0))
        .x;
    ui.painter().vline(
        guide_x,
        transform.frame().y_range(),
        egui::Stroke::new(sizes.line_width * 0.25, theme.muted_text),
    );
    egui::Area::new(id.with("tooltip"))
        .order(egui::Order::Tooltip)
        .fixed_pos(at + egui::vec2(sizes.gap, sizes.gap))
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                point_words_ui(ui, theme, sizes, point.year, &value, point.status);
            });
        });
}

/// A year's value and status, as the tooltip says them.
fn point_words_ui(
    ui: &mut Ui,
    theme: &Theme,
    sizes: SlideType,
    year: i32,
    value: &str,
    status: PointStatus,
) {
    ui.label(
        RichText::new(format!("{year}: {value}"))
            .size(sizes.body)
            .strong(),
    );
    ui.label(
        RichText::new(format!("Status: {}", status.label()))
            .size(sizes.small)
            .color(status_color(theme, status)),
    );
}

/// The plan a slide of `series` draws with no year marked: for tests and callers that need
/// to know what the slide says (its ticks and labels).
#[must_use]
pub fn chart_slide_plan(corpus: &crate::corpus::Corpus, series: usize) -> Option<Plan> {
    let group = chart::chart_groups(&corpus.file.series)
        .into_iter()
        .find(|group| group.members.contains(&series))?;
    GroupPlan::new(&group, &corpus.file.series, &ChartOptions::default())
        .ok()?
        .frame()
}

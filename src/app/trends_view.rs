//! The Trends view: each series as a line chart, honest about what the text states.
//!
//! Stated values are filled markers joined by a solid line; approximate values are hollow
//! markers marked "≈"; a year the text gives no number for is a dashed gap with a labelled
//! guide, never a point. Hovering a year lights up the passages about it; clicking selects it.

use eframe::egui::{self, RichText, Stroke, Ui};
use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, Span, Text, VLine};

use super::context::{Command, ViewCtx};
use super::records::{point_value_text, thousands};
use crate::corpus::Item;
use crate::corpus::model::{PointStatus, Series};

/// The Trends view's own UI state.
#[derive(Debug, Default)]
pub struct TrendsView {
    /// Position of the series shown.
    pub series: usize,
}

impl TrendsView {
    /// Draws the series picker, the chart, and its source line.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        if corpus.file.series.is_empty() {
            ui.label(
                RichText::new("This corpus reports no trend series.")
                    .italics()
                    .color(ctx.theme.muted_text),
            );
            return;
        }
        if corpus.file.series.len() > 1 {
            ui.horizontal(|ui| {
                for (i, series) in corpus.file.series.iter().enumerate() {
                    ui.selectable_value(&mut self.series, i, &series.title);
                }
            });
        }
        let position = self.series.min(corpus.file.series.len() - 1);
        let Some(series) = corpus.file.series.get(position) else {
            return;
        };
        ui.add(
            egui::Label::new(
                RichText::new(&series.title)
                    .size(ctx.theme.heading_size)
                    .strong(),
            )
            .wrap(),
        );
        legend_ui(ctx, ui);
        let source_height = ctx.theme.small_size * 3.0 + ctx.theme.gap * 2.0;
        let height = (ui.available_height() - source_height).max(200.0);
        chart_ui(ctx, ui, position, series, height);
        ui.label(
            RichText::new(format!("Source: {}", series.source))
                .small()
                .color(ctx.theme.muted_text),
        );
        ui.label(
            RichText::new("Values as the paper's text states them; the paper's figure is an image missing from the text.")
                .small()
                .italics()
                .color(ctx.theme.muted_text),
        );
    }
}

fn legend_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("● stated").small().color(ctx.theme.series));
        ui.label(
            RichText::new("○ approximate (≈)")
                .small()
                .color(ctx.theme.series),
        );
        ui.label(
            RichText::new("┆ not stated in the text")
                .small()
                .color(ctx.theme.warning),
        );
    });
}

fn chart_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, series: &Series, height: f32) {
    let unit = series.unit.clone();
    let stated: Vec<[f64; 2]> = points_with(series, |s| s == PointStatus::Stated);
    let approximate: Vec<[f64; 2]> = points_with(series, |s| s == PointStatus::Approximate);
    let known: Vec<[f64; 2]> = series
        .points
        .iter()
        .filter_map(|p| p.value.map(|v| [f64::from(p.year), v]))
        .collect();
    let selected_year = match ctx.selection.selected {
        Some(Item::SeriesPoint { series: s, point }) if s == position => {
            series.points.get(point).map(|p| p.year)
        }
        _ => None,
    };
    let max_value = known.iter().map(|p| p[1]).fold(0.0_f64, f64::max);
    let first_year = series.points.first().map_or(0, |p| p.year);
    let last_year = series.points.last().map_or(0, |p| p.year);
    let theme = ctx.theme;
    let response = Plot::new(("trend", position))
        .height(height)
        .allow_scroll(false)
        .include_y(0.0)
        .include_y(max_value * 1.15)
        .include_x(f64::from(first_year) - 0.4)
        .include_x(f64::from(last_year) + 0.4)
        .x_axis_label("Year")
        .y_axis_label(format!("Number of {unit}"))
        .x_grid_spacer(|input| {
            let (min, max) = input.bounds;
            #[allow(clippy::cast_possible_truncation)]
            let (first, last) = (min.ceil() as i64, max.floor() as i64);
            (first..=last)
                .take(200)
                .map(|year| egui_plot::GridMark {
                    value: year as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(|mark, _| {
            if mark.value.fract().abs() < 1e-9 {
                format!("{:.0}", mark.value)
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| thousands(mark.value))
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            for annotation in &series.annotations {
                plot_ui.span(
                    Span::new(
                        annotation.label.clone(),
                        f64::from(annotation.from_year) - 0.5..=f64::from(annotation.to_year) + 0.5,
                    )
                    .fill(theme.annotation_fill),
                );
            }
            // Solid segments join consecutive known years; a dashed segment bridges a gap.
            for pair in series.points.windows(2) {
                let [a, b] = pair else { continue };
                if let (Some(va), Some(vb)) = (a.value, b.value) {
                    let line = Line::new(
                        "",
                        PlotPoints::from(vec![[f64::from(a.year), va], [f64::from(b.year), vb]]),
                    )
                    .color(theme.series)
                    .width(2.5);
                    plot_ui.line(if b.year - a.year == 1 {
                        line
                    } else {
                        line.style(LineStyle::dashed_loose())
                    });
                }
            }
            bridge_gaps(plot_ui, series, theme.series);
            plot_ui.points(
                Points::new("stated", stated)
                    .shape(MarkerShape::Circle)
                    .radius(6.0)
                    .filled(true)
                    .color(theme.series),
            );
            plot_ui.points(
                Points::new("approximate", approximate.clone())
                    .shape(MarkerShape::Circle)
                    .radius(6.0)
                    .filled(false)
                    .color(theme.series),
            );
            for [year, value] in &approximate {
                plot_ui.text(Text::new(
                    "",
                    egui_plot::PlotPoint::new(*year, value + max_value * 0.06),
                    RichText::new("≈")
                        .size(theme.body_size + 2.0)
                        .color(theme.series),
                ));
            }
            for point in series.points.iter().filter(|p| p.value.is_none()) {
                plot_ui.vline(
                    VLine::new("not stated", f64::from(point.year))
                        .color(theme.warning)
                        .style(LineStyle::dashed_dense())
                        .width(1.5),
                );
                plot_ui.text(Text::new(
                    "",
                    egui_plot::PlotPoint::new(f64::from(point.year), max_value * 0.5),
                    RichText::new("not stated\nin the text").color(theme.warning),
                ));
            }
            if let Some(year) = selected_year {
                plot_ui.vline(
                    VLine::new("selected", f64::from(year))
                        .color(theme.accent)
                        .width(2.0),
                );
            }
            plot_ui.pointer_coordinate()
        });
    let Some(pointer) = response.inner else {
        return;
    };
    // The nearest year with a point.
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
        .position_from_point(&egui_plot::PlotPoint::new(f64::from(point.year), 0.0))
        .x;
    let rect = response.response.rect;
    ui.painter()
        .vline(guide_x, rect.y_range(), Stroke::new(1.0, theme.muted_text));
    let value = point_value_text(point.value, point.status, &series.unit);
    response.response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(380.0);
        ui.label(RichText::new(format!("{}: {value}", point.year)).strong());
        ui.label(
            RichText::new(format!("Status: {}", point.status.label())).color(
                if point.status == PointStatus::Stated {
                    theme.muted_text
                } else {
                    theme.warning
                },
            ),
        );
        ui.add(egui::Label::new(RichText::new(format!("“{}”", point.quote)).italics()).wrap());
    });
    if response.response.clicked() {
        ctx.send(Command::Select(item));
    }
}

/// A dashed segment across each run of years with no stated value.
fn bridge_gaps(plot_ui: &mut egui_plot::PlotUi<'_>, series: &Series, color: egui::Color32) {
    let mut previous: Option<(i32, f64)> = None;
    let mut gap = false;
    for point in &series.points {
        match point.value {
            Some(value) => {
                if let (Some((year, before)), true) = (previous, gap) {
                    plot_ui.line(
                        Line::new(
                            "",
                            PlotPoints::from(vec![
                                [f64::from(year), before],
                                [f64::from(point.year), value],
                            ]),
                        )
                        .color(color.gamma_multiply(0.6))
                        .width(2.0)
                        .style(LineStyle::dashed_loose()),
                    );
                }
                previous = Some((point.year, value));
                gap = false;
            }
            None => gap = true,
        }
    }
}

fn points_with(series: &Series, keep: impl Fn(PointStatus) -> bool) -> Vec<[f64; 2]> {
    series
        .points
        .iter()
        .filter(|p| keep(p.status))
        .filter_map(|p| p.value.map(|v| [f64::from(p.year), v]))
        .collect()
}

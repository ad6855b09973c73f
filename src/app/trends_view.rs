//! The Trends view: each series as a chart, a table and its sources, honest about what the text
//! states.
//!
//! Stated values are filled markers joined by a solid line; approximate values are hollow
//! markers marked "≈"; a year the text gives no number for is a dashed gap with a labelled
//! guide, never a point. Hovering a year lights up the passages about it; clicking selects it.

use eframe::egui::{self, Color32, RichText, Stroke, Ui};
use egui_plot::{
    Bar, BarChart, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Span,
    Text, VLine,
};

use super::context::{ClickAction, Command, ViewCtx};
use super::records::item_row_ui;
use super::table_view::{CELL_GAP, cells_ui};
use crate::chart::{self, AxisScale, ChartOptions, ValueMode};
use crate::corpus::Item;
use crate::corpus::display::point_value_text;
use crate::corpus::model::{PointStatus, Series};
use crate::corpus::number::format_number;

/// The tabs of the Trends view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TrendsTab {
    /// The chart.
    #[default]
    Chart,
    /// Every point with its status and change.
    Table,
    /// Where the numbers come from.
    Sources,
}

/// What to export the chart as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartExport {
    /// PNG of the chart region exactly as shown, at screen resolution.
    ScreenPng,
    /// PNG rendered at twice the chart's size.
    Png2x,
    /// SVG (vector).
    Svg,
    /// CSV of the points.
    Csv,
}

impl ChartExport {
    /// Menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::ScreenPng => "PNG, as shown",
            Self::Png2x => "PNG, 2× resolution",
            Self::Svg => "SVG (vector)",
            Self::Csv => "CSV (data)",
        }
    }

    /// File extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::ScreenPng | Self::Png2x => "png",
            Self::Svg => "svg",
            Self::Csv => "csv",
        }
    }
}

/// The Trends view's own UI state.
#[derive(Debug, Default)]
pub struct TrendsView {
    /// Position of the series shown.
    pub series: usize,
    /// The tab shown.
    pub tab: TrendsTab,
    /// Value mode, axis scale, bars.
    pub options: ChartOptions,
    /// Where the chart was last drawn, in points (for the screen PNG export).
    pub chart_rect: Option<egui::Rect>,
    /// Where each year sits on screen in the last drawn chart (x of the year, y of its value or
    /// the middle of the chart for a year with no value).
    pub year_positions: Vec<(i32, egui::Pos2)>,
}

impl TrendsView {
    /// Draws the series picker, the tabs, the options and the tab's content.
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
        self.series = self.series.min(corpus.file.series.len() - 1);
        if corpus.file.series.len() > 1 {
            ui.horizontal(|ui| {
                let series_label = ui.label("Series");
                let current = corpus
                    .file
                    .series
                    .get(self.series)
                    .map_or("", |s| s.title.as_str());
                egui::ComboBox::from_id_salt("trend-series")
                    .selected_text(current)
                    .width(ui.available_width().min(480.0))
                    .show_ui(ui, |ui| {
                        for (i, series) in corpus.file.series.iter().enumerate() {
                            ui.selectable_value(&mut self.series, i, &series.title);
                        }
                    })
                    .response
                    .labelled_by(series_label.id);
            });
        }
        let Some(series) = corpus.file.series.get(self.series) else {
            return;
        };
        title_ui(ctx, ui, self.series, series);
        ui.horizontal_wrapped(|ui| {
            for (tab, label) in [
                (TrendsTab::Chart, "Chart"),
                (TrendsTab::Table, "Data"),
                (TrendsTab::Sources, "Sources"),
            ] {
                ui.selectable_value(&mut self.tab, tab, label);
            }
            ui.separator();
            if self.tab == TrendsTab::Chart {
                self.options_ui(ui);
                ui.separator();
            }
            ui.menu_button("Export…", |ui| {
                for export in [
                    ChartExport::ScreenPng,
                    ChartExport::Png2x,
                    ChartExport::Svg,
                    ChartExport::Csv,
                ] {
                    if ui.button(export.label()).clicked() {
                        ctx.send(Command::ExportChart {
                            series: self.series,
                            export,
                        });
                    }
                }
            });
            if ui
                .button("Present  (F11)")
                .on_hover_text("Fullscreen slides for a lecture")
                .clicked()
            {
                ctx.send(Command::TogglePresentation);
            }
        });
        match self.tab {
            TrendsTab::Chart => {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        self.options.value_mode.explanation(),
                        self.options.scale.explanation()
                    ))
                    .small()
                    .color(ctx.theme.muted_text),
                );
                let footer = ctx.theme.small_size * 3.0 + ctx.theme.gap * 2.0;
                let height = (ui.available_height() - footer).max(220.0);
                self.chart_ui(ctx, ui, series, height);
                source_ui(ctx, ui, series);
            }
            TrendsTab::Table => points_table_ui(ctx, ui, self.series, series),
            TrendsTab::Sources => sources_ui(ctx, ui, self.series, series),
        }
    }

    /// The title, the chart and its source line: what a presentation slide shows.
    pub fn chart_with_title_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, height: f32) {
        let Some(series) = ctx.corpus.file.series.get(self.series) else {
            return;
        };
        title_ui(ctx, ui, self.series, series);
        let footer =
            ctx.theme.small_size * 3.0 + ctx.theme.gap * 2.0 + ctx.theme.heading_size * 2.5;
        self.chart_ui(ctx, ui, series, (height - footer).max(200.0));
        source_ui(ctx, ui, series);
    }

    fn options_ui(&mut self, ui: &mut Ui) {
        let values_label = ui.label("Values");
        egui::ComboBox::from_id_salt("trend-values")
            .selected_text(self.options.value_mode.label())
            .show_ui(ui, |ui| {
                for mode in ValueMode::ALL {
                    ui.selectable_value(&mut self.options.value_mode, mode, mode.label())
                        .on_hover_text(mode.explanation());
                }
            })
            .response
            .labelled_by(values_label.id);
        let scale_label = ui.label("Scale");
        let log_allowed = self.options.value_mode != ValueMode::PercentChange;
        if !log_allowed {
            self.options.scale = AxisScale::Linear;
        }
        ui.add_enabled_ui(log_allowed, |ui| {
            egui::ComboBox::from_id_salt("trend-scale")
                .selected_text(self.options.scale.label())
                .show_ui(ui, |ui| {
                    for scale in AxisScale::ALL {
                        ui.selectable_value(&mut self.options.scale, scale, scale.label())
                            .on_hover_text(scale.explanation());
                    }
                })
                .response
                .labelled_by(scale_label.id)
                .on_disabled_hover_text("A log scale cannot show negative changes");
        });
        ui.checkbox(&mut self.options.bars, "Bars");
    }

    /// The chart itself; records where it was drawn.
    fn chart_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, series: &Series, height: f32) {
        let position = self.series;
        let theme = ctx.theme;
        let options = self.options;
        let log = options.scale == AxisScale::Log;
        let points = chart::transformed_points(series, options.value_mode);
        // What is plotted: the value, or its log10 on a log scale.
        let plotted = |value: f64| {
            if log {
                value.max(f64::MIN_POSITIVE).log10()
            } else {
                value
            }
        };
        let known: Vec<(i32, f64, PointStatus)> = points
            .iter()
            .filter_map(|&(year, value, status)| {
                value
                    .filter(|v| !log || *v > 0.0)
                    .map(|v| (year, plotted(v), status))
            })
            .collect();
        let (low, high) = known.iter().fold(
            (f64::INFINITY, f64::NEG_INFINITY),
            |(lo, hi), &(_, v, _)| (lo.min(v), hi.max(v)),
        );
        let (low, high) = if known.is_empty() {
            (0.0, 1.0)
        } else {
            (low, high)
        };
        let span = (high - low)
            .abs()
            .max(if log { 0.5 } else { high.abs() * 0.2 + 1.0 });
        let (bottom, top) = match (options.value_mode, log) {
            (ValueMode::Absolute, false) => (0.0, high + span * 0.2),
            _ => (low - span * 0.25, high + span * 0.25),
        };
        let selected_year = match ctx.selection.selected {
            Some(Item::SeriesPoint { series: s, point }) if s == position => {
                series.points.get(point).map(|p| p.year)
            }
            _ => None,
        };
        let cited_source_selected = ctx.is_highlighted(Item::Series(position));
        let line_width = if cited_source_selected { 4.0 } else { 2.5 };
        let first_year = series.points.first().map_or(0, |p| p.year);
        let last_year = series.points.last().map_or(0, |p| p.year);
        let value_mode = options.value_mode;
        let unit = series.unit.clone();
        let y_label = match value_mode {
            ValueMode::Absolute => format!("Number of {unit}"),
            ValueMode::IndexFirstYear => "Index (first known year = 100)".to_owned(),
            ValueMode::PercentChange => "Change since the first known year (%)".to_owned(),
        };
        let format_value = move |value: f64| -> String {
            let value = if log { 10f64.powf(value) } else { value };
            match value_mode {
                ValueMode::Absolute => format_number(value.round(), 0),
                ValueMode::IndexFirstYear => format!("{value:.0}"),
                ValueMode::PercentChange => format!("{value:+.0}%"),
            }
        };
        let mut plot = Plot::new(("trend", position))
            .height(height)
            .allow_scroll(false)
            .include_y(bottom)
            .include_y(top)
            .include_x(f64::from(first_year) - 0.5)
            .include_x(f64::from(last_year) + 0.5)
            .x_axis_label("Year")
            .y_axis_label(y_label)
            .y_axis_min_width(theme.body_size * 4.0)
            .x_grid_spacer(|input| {
                let (min, max) = input.bounds;
                #[allow(clippy::cast_possible_truncation)]
                let (first, last) = (min.ceil() as i64, max.floor() as i64);
                (first..=last)
                    .take(400)
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
            .y_axis_formatter(move |mark, _| format_value(mark.value))
            .label_formatter(|_| None)
            // The year guide and tooltip below replace egui_plot's own pointer lines.
            .show_x(false)
            .show_y(false);
        if ctx.corpus.file.series.len() > 1 {
            plot = plot.legend(Legend::default());
        }
        let response = plot.show(ui, |plot_ui| {
            for annotation in &series.annotations {
                plot_ui.span(
                    Span::new(
                        annotation.label.clone(),
                        f64::from(annotation.from_year) - 0.5..=f64::from(annotation.to_year) + 0.5,
                    )
                    .fill(theme.annotation_fill),
                );
            }
            if options.bars {
                let bars: Vec<Bar> = known
                    .iter()
                    .map(|&(year, value, status)| {
                        let fill = if status == PointStatus::Stated {
                            theme.series
                        } else {
                            theme.series.gamma_multiply(0.35)
                        };
                        Bar::new(f64::from(year), value - if log { bottom } else { 0.0 })
                            .base_offset(if log { bottom } else { 0.0 })
                            .width(0.6)
                            .fill(fill)
                            .stroke(Stroke::new(1.5, theme.series))
                            .name(status_label(status))
                    })
                    .collect();
                plot_ui.bar_chart(BarChart::new(series.title.clone(), bars).color(theme.series));
            } else {
                // Solid segments join consecutive years; dashed ones bridge a gap in the data.
                let mut previous: Option<(i32, f64)> = None;
                for &(year, value, _) in &known {
                    if let Some((previous_year, previous_value)) = previous {
                        let segment = Line::new(
                            series.title.clone(),
                            PlotPoints::from(vec![
                                [f64::from(previous_year), previous_value],
                                [f64::from(year), value],
                            ]),
                        )
                        .color(theme.series)
                        .width(line_width);
                        plot_ui.line(if year - previous_year == 1 {
                            segment
                        } else {
                            segment.style(LineStyle::dashed_loose()).width(2.0)
                        });
                    }
                    previous = Some((year, value));
                }
                let at = |status: PointStatus| -> Vec<[f64; 2]> {
                    known
                        .iter()
                        .filter(|p| p.2 == status)
                        .map(|&(year, value, _)| [f64::from(year), value])
                        .collect()
                };
                plot_ui.points(
                    Points::new(series.title.clone(), at(PointStatus::Stated))
                        .shape(MarkerShape::Circle)
                        .radius(theme.body_size * 0.45)
                        .filled(true)
                        .color(theme.series),
                );
                plot_ui.points(
                    Points::new(series.title.clone(), at(PointStatus::Approximate))
                        .shape(MarkerShape::Circle)
                        .radius(theme.body_size * 0.45)
                        .filled(false)
                        .color(theme.series),
                );
            }
            for &(year, value, status) in &known {
                if status == PointStatus::Approximate {
                    plot_ui.text(
                        Text::new(
                            "≈",
                            PlotPoint::new(f64::from(year), value + (top - bottom) * 0.05),
                            RichText::new("≈")
                                .size(theme.body_size + 4.0)
                                .strong()
                                .color(theme.series),
                        )
                        .anchor(egui::Align2::CENTER_BOTTOM),
                    );
                }
            }
            for &(year, value, _) in &points {
                if value.is_none() {
                    plot_ui.vline(
                        VLine::new("not stated", f64::from(year))
                            .color(theme.warning)
                            .style(LineStyle::dashed_dense())
                            .width(1.5),
                    );
                    plot_ui.text(
                        Text::new(
                            "not stated",
                            PlotPoint::new(f64::from(year) + 0.04, bottom + (top - bottom) * 0.5),
                            RichText::new("not stated\nin the text")
                                .size(theme.small_size)
                                .color(theme.warning),
                        )
                        .anchor(egui::Align2::LEFT_CENTER),
                    );
                }
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
        self.chart_rect = Some(response.response.rect);
        let middle = response.response.rect.center().y;
        self.year_positions = points
            .iter()
            .map(|&(year, value, _)| {
                let y = value.filter(|v| !log || *v > 0.0).map_or(middle, |v| {
                    response
                        .transform
                        .position_from_point(&PlotPoint::new(f64::from(year), plotted(v)))
                        .y
                });
                let x = response
                    .transform
                    .position_from_point(&PlotPoint::new(f64::from(year), 0.0))
                    .x;
                (year, egui::pos2(x, y))
            })
            .collect();
        let Some(pointer) = response.inner else {
            return;
        };
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
        let value = point_value_text(point.value, point.status, &series.unit);
        let shown = points
            .get(point_position)
            .and_then(|p| p.1)
            .filter(|_| value_mode != ValueMode::Absolute);
        response.response.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(theme.body_size * 28.0);
            ui.label(RichText::new(format!("{}: {value}", point.year)).strong());
            if let Some(shown) = shown {
                ui.label(format!(
                    "{}: {}",
                    value_mode.label(),
                    format_value(if log { shown.log10() } else { shown })
                ));
            }
            ui.label(
                RichText::new(format!("Status: {}", point.status.label()))
                    .color(status_color(ctx, point.status)),
            );
            ui.add(egui::Label::new(RichText::new(format!("“{}”", point.quote)).italics()).wrap());
        });
        if response.response.clicked() {
            ctx.send(Command::Select(item));
        }
    }
}

fn status_label(status: PointStatus) -> &'static str {
    match status {
        PointStatus::Stated => "stated",
        PointStatus::Approximate => "approximate",
        PointStatus::NotStated => "not stated",
    }
}

fn status_color(ctx: &ViewCtx<'_>, status: PointStatus) -> Color32 {
    match status {
        PointStatus::Stated => ctx.theme.muted_text,
        PointStatus::Approximate | PointStatus::NotStated => ctx.theme.warning,
    }
}

/// The series title, highlighted when a reference the series cites is selected, and the legend.
fn title_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, series: &Series) {
    let mut title = RichText::new(&series.title)
        .size(ctx.theme.heading_size)
        .strong();
    if ctx.is_highlighted(Item::Series(position)) && !ctx.is_selected(Item::Series(position)) {
        title = title.background_color(ctx.theme.highlight_fill);
    }
    ui.add(egui::Label::new(title).wrap());
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new("● stated")
                .size(ctx.theme.small_size)
                .color(ctx.theme.series),
        );
        ui.label(
            RichText::new("○ ≈ approximate")
                .size(ctx.theme.small_size)
                .color(ctx.theme.series),
        );
        ui.label(
            RichText::new("┆ not stated in the text (no point drawn)")
                .size(ctx.theme.small_size)
                .color(ctx.theme.warning),
        );
    });
}

fn source_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, series: &Series) {
    ui.add(
        egui::Label::new(
            RichText::new(format!("Source: {}", series.source))
                .size(ctx.theme.small_size)
                .color(ctx.theme.muted_text),
        )
        .wrap(),
    );
    ui.label(
        RichText::new("Values as the paper's text states them; the paper's figure is an image missing from the text.")
            .size(ctx.theme.small_size)
            .italics()
            .color(ctx.theme.muted_text),
    );
}

/// Year, value, status and change from the previous year; rows select the year.
fn points_table_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, series: &Series) {
    let changes = chart::change_from_previous(series);
    if ui.available_width() < 640.0 {
        stacked_points_ui(ctx, ui, position, series, &changes);
        return;
    }
    let fixed = [70.0, 170.0, 190.0, 130.0];
    let quote_width =
        (ui.available_width() - fixed.iter().sum::<f32>() - 4.0 * CELL_GAP).max(260.0);
    let widths = [fixed[0], fixed[1], fixed[2], fixed[3], quote_width];
    egui::ScrollArea::both()
        .id_salt("trend-table")
        .auto_shrink(false)
        .show(ui, |ui| {
            let headings = [
                "Year",
                "Value",
                "Status",
                "Change from previous year",
                "The paper says",
            ];
            cells_ui(ui, &widths, |ui, column| {
                if let Some(heading) = headings.get(column) {
                    ui.add(egui::Label::new(RichText::new(*heading).strong()).wrap());
                }
            });
            ui.separator();
            for (point_position, point) in series.points.iter().enumerate() {
                let item = Item::SeriesPoint {
                    series: position,
                    point: point_position,
                };
                let change = changes.get(point_position).copied().flatten();
                cells_ui(ui, &widths, |ui, column| match column {
                    0 => {
                        let response = ui.add(egui::Button::selectable(
                            ctx.is_selected(item),
                            RichText::new(point.year.to_string()).strong(),
                        ));
                        ctx.item_response(ui, response, item, ClickAction::Select);
                    }
                    1 => {
                        ui.label(point_value_text(point.value, point.status, &series.unit));
                    }
                    2 => {
                        ui.label(
                            RichText::new(point.status.label())
                                .color(status_color(ctx, point.status)),
                        );
                    }
                    3 => {
                        ui.label(change.map_or_else(|| "—".to_owned(), |c| format!("{c:+.1}%")));
                    }
                    _ => {
                        ui.add(
                            egui::Label::new(RichText::new(format!("“{}”", point.quote)).italics())
                                .wrap(),
                        );
                    }
                });
                ui.add_space(ctx.theme.gap);
            }
        });
}

/// The points one under another, for a narrow panel.
fn stacked_points_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    position: usize,
    series: &Series,
    changes: &[Option<f64>],
) {
    egui::ScrollArea::vertical()
        .id_salt("trend-table-narrow")
        .auto_shrink(false)
        .show(ui, |ui| {
            for (point_position, point) in series.points.iter().enumerate() {
                let item = Item::SeriesPoint {
                    series: position,
                    point: point_position,
                };
                ui.horizontal_wrapped(|ui| {
                    let response = ui.add(egui::Button::selectable(
                        ctx.is_selected(item),
                        RichText::new(point.year.to_string()).strong(),
                    ));
                    ctx.item_response(ui, response, item, ClickAction::Select);
                    ui.label(point_value_text(point.value, point.status, &series.unit));
                    ui.label(
                        RichText::new(point.status.label()).color(status_color(ctx, point.status)),
                    );
                    let change = changes.get(point_position).copied().flatten();
                    ui.label(
                        change.map_or_else(
                            || "change: —".to_owned(),
                            |c| format!("change: {c:+.1}%"),
                        ),
                    );
                });
                ui.add(
                    egui::Label::new(RichText::new(format!("“{}”", point.quote)).italics()).wrap(),
                );
                ui.separator();
            }
        });
}

/// The series' source, the references it cites, the quotes it rests on and editorial notes.
fn sources_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, series: &Series) {
    egui::ScrollArea::vertical()
        .id_salt("trend-sources")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.label(RichText::new("Source").strong());
            ui.add(egui::Label::new(&series.source).wrap());
            let references: Vec<usize> = series
                .references
                .iter()
                .filter_map(|id| ctx.corpus.reference_by_id(id))
                .collect();
            if references.is_empty() {
                ui.label(
                    RichText::new("The source is not among the paper's references.")
                        .italics()
                        .color(ctx.theme.muted_text),
                );
            }
            for reference in references {
                item_row_ui(ctx, ui, Item::Reference(reference), ClickAction::Select);
            }
            ui.add_space(ctx.theme.gap);
            ui.label(RichText::new("Quotes").strong());
            for (point_position, point) in series.points.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    let response = ui.add(egui::Button::selectable(
                        false,
                        RichText::new(point.year.to_string()).strong(),
                    ));
                    ctx.item_response(
                        ui,
                        response,
                        Item::SeriesPoint {
                            series: position,
                            point: point_position,
                        },
                        ClickAction::Select,
                    );
                    ui.add(
                        egui::Label::new(RichText::new(format!("“{}”", point.quote)).italics())
                            .wrap(),
                    );
                });
            }
            for annotation in &series.annotations {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} ({}–{})",
                            annotation.label, annotation.from_year, annotation.to_year
                        ))
                        .strong(),
                    );
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("“{}”", annotation.quote)).italics(),
                        )
                        .wrap(),
                    );
                });
            }
            let notes = ctx.corpus.index.notes_for(Item::Series(position));
            if !notes.is_empty() {
                ui.add_space(ctx.theme.gap);
                ui.label(RichText::new("Editorial notes").strong());
                for &note in notes {
                    item_row_ui(ctx, ui, Item::Note(note), ClickAction::Select);
                }
            }
        });
}

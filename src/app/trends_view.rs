//! The Trends view: each series as a chart, a table and its sources, honest about what the text
//! states.
//!
//! Stated values are filled markers joined by a solid line; approximate values are hollow
//! markers marked "≈"; a year the text gives no number for is a dashed gap with a labelled
//! guide, never a point. Hovering a year lights up the passages about it; clicking selects it.

use eframe::egui::{self, RichText, Ui};

use super::context::{ClickAction, Command, ViewCtx};
use super::records::item_row_ui;
use super::table_view::{CELL_GAP, cells_ui};
use super::trends_chart::{self, ChartLine, status_color};
use super::views::{View, empty_view_ui};
use crate::chart::{
    self, AxisScale, ChartError, ChartGroup, ChartOptions, GroupPlan, Plan, ValueMode,
};
use crate::corpus::chart_table::{column_series, row_series};
use crate::corpus::display::point_value_text;
use crate::corpus::model::Series;
use crate::corpus::{Corpus, Item};

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
            let chartable = corpus.file.tables.iter().any(|table| {
                (0..table.rows.len()).any(|row| row_series(table, row).is_some())
                    || (0..table.columns.len()).any(|column| column_series(table, column).is_some())
            });
            let hint = if chartable {
                "Its tables give numbers by year: open one in the Table view and choose \
                 “Chart this row” or “Chart this column”."
            } else {
                "No table in it gives numbers by year to chart. Numbers by year that the text \
                 states can be charted once written into the corpus as a series: export \
                 the corpus (File menu) and add them as the format guide shows (Help → Corpus \
                 format)."
            };
            empty_view_ui(ctx, ui, "This paper reports no trend series.", hint);
            return;
        }
        self.series = self.series.min(corpus.file.series.len() - 1);
        let group = self.chart_picker_ui(ctx, ui);
        if group.members.len() > 1 {
            members_ui(ctx, ui, &mut self.series, &group);
        }
        let Some(series) = corpus.file.series.get(self.series) else {
            return;
        };
        let planned_with = self.options;
        let plan = plan_in_corpus(ctx, series, planned_with);
        if group.members.len() > 1 {
            group_title_ui(ctx, ui, &group, planned_with);
        } else {
            title_ui(ctx, ui, self.series, series, &plan);
        }
        ui.horizontal_wrapped(|ui| {
            for (tab, label) in [
                (TrendsTab::Chart, "Chart"),
                (TrendsTab::Table, "Data"),
                (TrendsTab::Sources, "Sources"),
            ] {
                ui.selectable_value(&mut self.tab, tab, label);
            }
            ui.separator();
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
                // A row of its own, so that no caption is wrapped away from its drop-down.
                ui.horizontal(|ui| self.options_ui(ui));
                if plan.as_ref().is_ok_and(Plan::has_unstated_years) {
                    self.connect_unstated_ui(ui);
                }
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "{} {}",
                            self.options.value_mode.explanation(),
                            self.options.scale.explanation()
                        ))
                        .small()
                        .color(ctx.theme.muted_text),
                    )
                    .wrap(),
                );
                let footer = ctx.theme.small_size * 3.0 + ctx.theme.gap * 2.0;
                let height = (ui.available_height() - footer).max(220.0);
                // The options may have changed this frame: plan again with the new ones.
                let plan = if self.options == planned_with {
                    plan
                } else {
                    plan_in_corpus(ctx, series, self.options)
                };
                if group.members.len() > 1 {
                    self.group_chart_ui(ctx, ui, &group, height);
                } else {
                    self.chart_and_source_ui(ctx, ui, series, &plan, height);
                }
            }
            TrendsTab::Table => points_table_ui(ctx, ui, self.series, series),
            TrendsTab::Sources => sources_ui(ctx, ui, self.series, series),
        }
    }

    /// The chart picker (with several charts): each chart group or lone series by its title.
    /// Returns the chart of the series shown.
    fn chart_picker_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) -> ChartGroup {
        let groups = chart::chart_groups(&ctx.corpus.file.series);
        let group = groups
            .iter()
            .find(|g| g.members.contains(&self.series))
            .cloned()
            .unwrap_or_default();
        if groups.len() > 1 {
            ui.horizontal(|ui| {
                let chart_label = ui.label("Chart");
                let mut chosen = group.members.first().copied().unwrap_or(0);
                egui::ComboBox::from_id_salt("trend-series")
                    .selected_text(group.title.as_str())
                    .width(ui.available_width().min(480.0))
                    .show_ui(ui, |ui| {
                        for other in &groups {
                            let first = other.members.first().copied().unwrap_or(0);
                            ui.selectable_value(&mut chosen, first, &other.title);
                        }
                    })
                    .response
                    .labelled_by(chart_label.id);
                if !group.members.contains(&chosen) {
                    self.series = chosen;
                }
            });
        }
        group
    }

    /// The plan's chart, `height` points tall, and its source line; or why there is no chart.
    fn chart_and_source_ui(
        &mut self,
        ctx: &ViewCtx<'_>,
        ui: &mut Ui,
        series: &Series,
        plan: &Result<Plan, ChartError>,
        height: f32,
    ) {
        match plan {
            Ok(plan) => {
                let line = ChartLine {
                    position: self.series,
                    series,
                    plan,
                    colour: ctx.theme.series,
                };
                self.plot_ui(ctx, ui, plan, &[line], height);
                trends_chart::source_ui(ctx.theme, ui, plan);
            }
            Err(error) => {
                self.chart_rect = None;
                self.year_positions.clear();
                trends_chart::no_chart_ui(ctx.theme, ui, series, error);
            }
        }
    }

    /// The chart of a group's series on one axis, `height` points tall, with its source
    /// lines; or why there is no chart.
    fn group_chart_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, group: &ChartGroup, height: f32) {
        let all = &ctx.corpus.file.series;
        let planned = GroupPlan::new(group, all, &self.options).map(|mut planned| {
            for (position, plan) in &mut planned.members {
                if let Some(series) = all.get(*position) {
                    *plan = plan.clone().with_figures(series, &ctx.corpus.file.figures);
                }
            }
            planned
        });
        let (planned, frame) = match planned.map(|p| {
            let frame = p.frame();
            (p, frame)
        }) {
            Ok((planned, Some(frame))) => (planned, frame),
            Ok((_, None)) => return,
            Err(error) => {
                self.chart_rect = None;
                self.year_positions.clear();
                if let Some(series) = all.get(self.series) {
                    trends_chart::no_chart_ui(ctx.theme, ui, series, &error);
                }
                return;
            }
        };
        let lines: Vec<ChartLine<'_>> = planned
            .members
            .iter()
            .enumerate()
            .filter_map(|(index, (position, plan))| {
                Some(ChartLine {
                    position: *position,
                    series: all.get(*position)?,
                    plan,
                    colour: ctx.theme.series_colour(index),
                })
            })
            .collect();
        self.plot_ui(ctx, ui, &frame, &lines, height);
        for (position, error) in &planned.left_out {
            if let Some(series) = all.get(*position) {
                ui.label(
                    RichText::new(format!("{} is not drawn: {error}.", series.title))
                        .small()
                        .color(ctx.theme.warning),
                );
            }
        }
        trends_chart::source_ui(ctx.theme, ui, &frame);
    }

    /// The choice, off by default, to draw a dashed line across years the text gives no
    /// number for.
    fn connect_unstated_ui(&mut self, ui: &mut Ui) {
        ui.checkbox(
            &mut self.options.connect_unstated,
            "Connect across unstated years (dashed)",
        )
        .on_hover_text(
            "Off, the line breaks at a year the text gives no number for; on, a dashed line \
             crosses it. Either way no value is drawn for that year.",
        );
    }

    fn options_ui(&mut self, ui: &mut Ui) {
        choice_ui(
            ui,
            "Values",
            "trend-values",
            &mut self.options.value_mode,
            &ValueMode::ALL,
            |mode| (mode.label(), mode.explanation()),
        );
        let log_allowed = self.options.value_mode != ValueMode::PercentChange;
        if !log_allowed {
            self.options.scale = AxisScale::Linear;
        }
        ui.add_enabled_ui(log_allowed, |ui| {
            choice_ui(
                ui,
                "Scale",
                "trend-scale",
                &mut self.options.scale,
                &AxisScale::ALL,
                |scale| (scale.label(), scale.explanation()),
            )
            .on_disabled_hover_text("A log scale cannot show negative changes");
        });
        // A bar's length means its value only on a linear axis.
        let linear = self.options.scale == AxisScale::Linear;
        if !linear {
            self.options.bars = false;
        }
        ui.add_enabled(linear, egui::Checkbox::new(&mut self.options.bars, "Bars"))
            .on_disabled_hover_text(
                "Bars need the linear scale: on a log axis a bar's length says nothing of its value",
            );
    }
}

/// The plan of `series` with `options`, its note saying when its figure's image is missing.
fn plan_in_corpus(
    ctx: &ViewCtx<'_>,
    series: &Series,
    options: ChartOptions,
) -> Result<Plan, ChartError> {
    Plan::new(series, &options).map(|plan| plan.with_figures(series, &ctx.corpus.file.figures))
}

/// `caption` and a drop-down choosing one of `choices` into `value`, the choice's words never
/// wrapped; `describe` gives each choice's label and the explanation shown on hover.
fn choice_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    caption: &str,
    id_salt: &str,
    value: &mut T,
    choices: &[T],
    describe: impl Fn(T) -> (&'static str, &'static str),
) -> egui::Response {
    let caption = ui.label(caption);
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(describe(*value).0)
        .wrap_mode(egui::TextWrapMode::Extend)
        .show_ui(ui, |ui| {
            for &choice in choices {
                let (label, explanation) = describe(choice);
                ui.selectable_value(value, choice, label)
                    .on_hover_text(explanation);
            }
        })
        .response
        .labelled_by(caption.id)
}

/// The series of a chart of several, one button each: the one chosen is the one the Data and
/// Sources tabs show and the pointer reads.
fn members_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, chosen: &mut usize, group: &ChartGroup) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Series");
        for (index, &position) in group.members.iter().enumerate() {
            let Some(series) = ctx.corpus.file.series.get(position) else {
                continue;
            };
            let text = RichText::new(&series.title).color(ctx.theme.series_colour(index));
            if ui.selectable_label(*chosen == position, text).clicked() {
                *chosen = position;
            }
        }
    });
}

/// A chart of several series: its title and its legend (a line per series, then the marks).
fn group_title_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, group: &ChartGroup, options: ChartOptions) {
    ui.add(
        egui::Label::new(
            RichText::new(&group.title)
                .size(ctx.theme.heading_size)
                .strong(),
        )
        .wrap(),
    );
    let frame = GroupPlan::new(group, &ctx.corpus.file.series, &options)
        .ok()
        .and_then(|planned| planned.frame());
    if let Some(frame) = frame {
        trends_chart::legend_ui(ctx.theme, ui, &frame.legend, ctx.theme.small_size);
    }
}

/// The series title, highlighted when a reference the series cites is selected, and the legend.
fn title_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    position: usize,
    series: &Series,
    plan: &Result<Plan, ChartError>,
) {
    let mut title = RichText::new(&series.title)
        .size(ctx.theme.heading_size)
        .strong();
    if ctx.is_highlighted(Item::Series(position)) && !ctx.is_selected(Item::Series(position)) {
        title = title.background_color(ctx.theme.highlight_fill);
    }
    ui.add(egui::Label::new(title).wrap());
    if let Ok(plan) = plan {
        trends_chart::legend_ui(ctx.theme, ui, &plan.legend, ctx.theme.small_size);
    } else {
        trends_chart::legend_ui(
            ctx.theme,
            ui,
            &chart::legend_entries(series),
            ctx.theme.small_size,
        );
    }
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
            cells_ui(ui, &widths, &[], |ui, column| {
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
                cells_ui(ui, &widths, &[], |ui, column| match column {
                    0 => {
                        let response = ui.add(egui::Button::selectable(
                            ctx.is_selected(item),
                            RichText::new(point.year.to_string()).strong(),
                        ));
                        ctx.item_response(ui, response, item, ClickAction::Select);
                    }
                    1 => {
                        ui.label(point_value_text(point.value, point.status, series));
                    }
                    2 => {
                        ui.label(
                            RichText::new(point.status.label())
                                .color(status_color(ctx.theme, point.status)),
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
                    ui.label(point_value_text(point.value, point.status, series));
                    ui.label(
                        RichText::new(point.status.label())
                            .color(status_color(ctx.theme, point.status)),
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

impl TrendsView {
    /// The Trends view's name for `--view` and the settings file.
    pub const ID: &'static str = "trends";
}

impl View for TrendsView {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Trends"
    }

    fn description(&self) -> &'static str {
        "The trend chart"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        Self::ui(self, ctx, ui);
    }

    fn has_content(&self, corpus: &Corpus) -> bool {
        !corpus.file.series.is_empty()
    }

    fn can_show(&self, item: Item) -> bool {
        matches!(item, Item::Series(_) | Item::SeriesPoint { .. })
    }

    fn show_item(&mut self, _corpus: &crate::corpus::Corpus, item: Item) {
        if let Item::Series(series) | Item::SeriesPoint { series, .. } = item {
            self.series = series;
        }
    }
}

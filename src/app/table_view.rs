//! The Table view: each of the paper's tables with its own caption, header rows and columns,
//! sortable, filterable on the columns that hold few distinct values, with long cells wrapped
//! at word boundaries and the table's footnotes underneath.

use std::collections::BTreeMap;

use eframe::egui::{self, Color32, RichText, Sense, Ui};

use super::context::{ClickAction, Command, ViewCtx};
use super::table_widths::column_widths;
use super::views::{View, empty_view_ui};
use super::virtual_list::{HeightCache, content_key, virtual_list_ui};
use crate::corpus::chart_table::{column_series, row_series};
use crate::corpus::display::{column_headers, row_title};
use crate::corpus::model::{ColumnKind, Series, Table};
use crate::corpus::table_series::{DecimalMark, cell_number_with};
use crate::corpus::{Corpus, Item};

/// Space between cells, in points.
pub const CELL_GAP: f32 = 10.0;

/// A column is offered as a filter when it has at most this many distinct values.
const MOST_FILTER_VALUES: usize = 12;

/// The Table view's own UI state.
#[derive(Debug, Default)]
pub struct TableView {
    /// The table shown (position in `tables`).
    pub table: usize,
    /// Show only rows of this region (position in `regions`).
    pub region_filter: Option<usize>,
    /// Show only rows whose cell in a column (by position) is this text.
    pub filters: BTreeMap<usize, String>,
    /// Sort column (by position) and whether descending; `None` keeps the printed order.
    pub sort: Option<(usize, bool)>,
    heights: HeightCache,
    /// Rows waiting to be scrolled to once drawn (the list they sit in is known only then).
    reveal: Option<usize>,
}

impl TableView {
    /// The Table view's name for `--view` and the settings file.
    pub const ID: &'static str = "table";
}

impl View for TableView {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Table"
    }

    fn description(&self) -> &'static str {
        "The paper's tables, with their own headers"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        Self::ui(self, ctx, ui);
    }

    fn has_content(&self, corpus: &Corpus) -> bool {
        !corpus.file.tables.is_empty()
    }

    fn can_show(&self, item: Item) -> bool {
        matches!(item, Item::TableRow(_) | Item::Table(_))
    }

    fn show_item(&mut self, corpus: &Corpus, item: Item) {
        match item {
            Item::Table(table) => self.choose_table(table),
            Item::TableRow(row) => {
                if let Some((table, _, _)) = corpus.file.table_row(row) {
                    self.choose_table(table);
                }
                if !self.visible_rows(corpus).contains(&row) {
                    self.region_filter = None;
                    self.filters.clear();
                }
                self.reveal(row);
            }
            _ => {}
        }
    }

    fn follow_selection(&mut self, _corpus: &Corpus, item: Item) {
        if let Item::Region(region) = item {
            self.region_filter = Some(region);
        }
    }

    fn set_region_filter(&mut self, region: Option<usize>) {
        self.region_filter = region;
    }

    fn region_filter(&self) -> Option<Option<usize>> {
        Some(self.region_filter)
    }
}

impl TableView {
    /// Scrolls to a row on the next frame.
    pub fn reveal(&mut self, row: usize) {
        self.reveal = Some(row);
    }

    /// Shows the table at `position`, clearing the filters and sort of the one shown before.
    pub fn choose_table(&mut self, position: usize) {
        if self.table != position {
            self.table = position;
            self.filters.clear();
            self.sort = None;
            self.heights = HeightCache::default();
        }
    }

    /// The rows shown (positions over all tables' rows), in order.
    #[must_use]
    pub fn visible_rows(&self, corpus: &Corpus) -> Vec<usize> {
        let file = &corpus.file;
        let Some(table) = file.tables.get(self.table) else {
            return Vec::new();
        };
        let first = file.first_row_of(self.table);
        let region_id = self
            .region_filter
            .and_then(|r| file.regions.get(r))
            .map(|r| r.id.as_str());
        let mut rows: Vec<usize> = table
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| region_id.is_none_or(|id| row.region.as_deref() == Some(id)))
            .filter(|(_, row)| {
                self.filters
                    .iter()
                    .all(|(&column, value)| row.cells.get(column) == Some(value))
            })
            .map(|(i, _)| first + i)
            .collect();
        if let Some((column, descending)) = self.sort {
            let numeric = table
                .columns
                .get(column)
                .is_some_and(|c| c.kind.is_numeric());
            let cell = |row: usize| {
                file.table_row(row)
                    .and_then(|(_, _, r)| r.cells.get(column))
                    .map_or("", String::as_str)
            };
            if numeric {
                let mark = DecimalMark::of_table(table);
                rows.sort_by(|&a, &b| {
                    let (a, b) = (
                        cell_number_with(cell(a), mark),
                        cell_number_with(cell(b), mark),
                    );
                    a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal)
                });
            } else {
                rows.sort_by_cached_key(|&row| cell(row).to_lowercase());
            }
            if descending {
                rows.reverse();
            }
        }
        rows
    }

    /// Draws the table picker, filters, caption, header and rows.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        if corpus.file.tables.is_empty() {
            empty_view_ui(
                ctx,
                ui,
                "This paper has no tables.",
                "Tables are read from the paper's file (JATS table-wrap, GROBID figure tables, \
                 Markdown tables, tab-separated lines); a table printed as a picture is not. \
                 Tables can be added by hand: export the corpus (File menu) and write them as \
                 the format guide shows (Help → Corpus format).",
            );
            return;
        }
        if self.table >= corpus.file.tables.len() {
            self.choose_table(0);
        }
        let Some(table) = corpus.file.tables.get(self.table) else {
            return;
        };
        self.filters_ui(ctx, ui, table);
        ui.add(egui::Label::new(RichText::new(table.title()).strong()).wrap());
        if table.rows.is_empty() {
            ui.add(
                egui::Label::new(
                    RichText::new(crate::corpus::display::no_rows_note(table))
                        .italics()
                        .color(ctx.theme.muted_text),
                )
                .wrap(),
            );
            footnotes_ui(ctx, ui, table);
            return;
        }
        let rows = self.visible_rows(corpus);
        ui.label(
            RichText::new(format!(
                "{} of {}",
                rows.len(),
                crate::corpus::counted(table.rows.len(), "row")
            ))
            .small()
            .color(ctx.theme.muted_text),
        );
        let margin = ctx.theme.gap;
        let widths = column_widths(
            table,
            ui.available_width() - 2.0 * margin,
            ctx.theme.body_size,
        );
        // A table wider than the view scrolls sideways; its bar is solid, not floating, so that
        // the columns past the edge are seen to be there without hovering first.
        let inner_scroll = ui.spacing().scroll;
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt("table-sideways")
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.spacing_mut().scroll = inner_scroll;
                header_rows_ui(ctx, ui, table, &widths, Some(&mut self.sort));
                if rows.is_empty() {
                    ui.label(
                        RichText::new("No row matches the filters.")
                            .italics()
                            .color(ctx.theme.muted_text),
                    );
                    return;
                }
                if let Some(position) = self
                    .reveal
                    .take()
                    .and_then(|r| rows.iter().position(|&x| x == r))
                {
                    self.heights.scroll_to(position);
                }
                let estimate = |_: usize| ctx.theme.body_size * 4.0;
                let footnotes = usize::from(!table.footnotes.is_empty());
                self.heights
                    .scroll_by_key(ctx.take_keyboard_scroll(), ctx.theme.body_size * 1.4);
                virtual_list_ui(
                    ui,
                    "table",
                    &mut self.heights,
                    content_key(&rows) ^ (self.table as u64).rotate_left(32),
                    rows.len() + footnotes,
                    &estimate,
                    |ui, n| match rows.get(n) {
                        Some(&row) => {
                            row_ui(ctx, ui, row, &widths, n % 2 == 1);
                        }
                        None => footnotes_ui(ctx, ui, table),
                    },
                );
            });
    }

    /// The filter of `column`, named `header`: a drop-down of `values` beside its label.
    fn column_filter_ui(&mut self, ui: &mut Ui, column: usize, header: &str, values: &[&str]) {
        let current = self.filters.get(&column).cloned();
        let mut chosen = current.clone();
        kept_together_ui(ui, ("table-filter", column), |ui| {
            let label = ui.label(truncate(header, 32));
            egui::ComboBox::from_id_salt(("table-filter", self.table, column))
                .selected_text(truncate(chosen.as_deref().unwrap_or("All"), 32))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "All");
                    for &value in values {
                        ui.selectable_value(&mut chosen, Some(value.to_owned()), value);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if chosen != current {
            match chosen {
                Some(value) => self.filters.insert(column, value),
                None => self.filters.remove(&column),
            };
        }
    }

    /// The table picker (with several tables), the region filter (when rows name regions) and
    /// a filter for each column with few distinct values.
    fn filters_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, table: &Table) {
        let file = &ctx.corpus.file;
        ui.horizontal_wrapped(|ui| {
            // Each label and its drop-down are kept together on one row as the bar wraps.
            if file.tables.len() > 1 {
                let mut chosen = self.table;
                kept_together_ui(ui, "table-picker", |ui| {
                    let label = ui.label("Table");
                    egui::ComboBox::from_id_salt("table-picker")
                        .selected_text(truncate(&table.title(), 48))
                        .width(320.0)
                        .show_ui(ui, |ui| {
                            for (position, table) in file.tables.iter().enumerate() {
                                ui.selectable_value(&mut chosen, position, table.title());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                self.choose_table(chosen);
            }
            let regions: Vec<usize> = (0..file.regions.len())
                .filter(|&r| {
                    let id = file.regions.get(r).map(|r| r.id.as_str());
                    table.rows.iter().any(|row| row.region.as_deref() == id)
                })
                .collect();
            if !regions.is_empty() {
                let text = self
                    .region_filter
                    .and_then(|r| file.regions.get(r))
                    .map_or("All regions", |r| r.name.as_str());
                let mut chosen = self.region_filter;
                kept_together_ui(ui, "table-region", |ui| {
                    let label = ui.label("Region");
                    egui::ComboBox::from_id_salt("table-region")
                        .selected_text(text)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut chosen, None, "All regions");
                            for &position in &regions {
                                if let Some(region) = file.regions.get(position) {
                                    ui.selectable_value(&mut chosen, Some(position), &region.name);
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                if chosen != self.region_filter {
                    // The region filter is shared with the other views that filter by region.
                    self.region_filter = chosen;
                    ctx.send(Command::FilterRegion(chosen));
                }
            }
            let headers = column_headers(table);
            let region_names = |column: usize| {
                !regions.is_empty()
                    && table.rows.iter().all(|row| {
                        let name = row
                            .region
                            .as_deref()
                            .and_then(|id| file.regions.iter().find(|r| r.id == id))
                            .map(|r| r.name.as_str());
                        row.cells.get(column).map(String::as_str) == name
                    })
            };
            // A column that prints each row's region is filtered by the region filter above.
            for (column, values) in filterable_columns(table)
                .into_iter()
                .filter(|(column, _)| !region_names(*column))
            {
                // A column the paper prints no header for is named by its place.
                let header = headers
                    .get(column)
                    .filter(|header| !header.is_empty())
                    .cloned()
                    .unwrap_or_else(|| place_name(column));
                self.column_filter_ui(ui, column, &header, &values);
            }
            if (self.region_filter.is_some() || !self.filters.is_empty())
                && ui.button("Clear filters").clicked()
            {
                if self.region_filter.take().is_some() {
                    ctx.send(Command::FilterRegion(None));
                }
                self.filters.clear();
            }
            chart_selected_row_ui(ctx, ui, self.table, table);
            chart_column_menu_ui(ctx, ui, table);
        });
    }
}

/// "Chart this row", when the selected row is one of this table's that can be charted.
fn chart_selected_row_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, table_position: usize, table: &Table) {
    let Some(Item::TableRow(selected)) = ctx.selection.selected else {
        return;
    };
    let first = ctx.corpus.file.first_row_of(table_position);
    let Some(series) = selected
        .checked_sub(first)
        .and_then(|row| row_series(table, row))
    else {
        return;
    };
    if ui
        .button("Chart this row")
        .on_hover_text(format!("Chart “{}” in the Trends view", series.title))
        .clicked()
    {
        ctx.send(Command::AddSeries(Box::new(series)));
    }
}

/// "Chart a column", listing the columns of this table that can be charted by year.
fn chart_column_menu_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, table: &Table) {
    let chartable: Vec<(String, Series)> = column_headers(table)
        .into_iter()
        .enumerate()
        .filter_map(|(column, header)| Some((header, column_series(table, column)?)))
        .collect();
    if chartable.is_empty() {
        return;
    }
    ui.menu_button("Chart a column", |ui| {
        for (header, series) in chartable {
            if ui
                .button(header)
                .on_hover_text(format!("Chart “{}” in the Trends view", series.title))
                .clicked()
            {
                ctx.send(Command::AddSeries(Box::new(series)));
                ui.close();
            }
        }
    });
}

/// Draws `add` as one group of a wrapping row (a label and its drop-down), starting a new row
/// first when the group, as wide as it was drawn last frame, would pass the row's end: the bar
/// wraps inside the view instead of running past its edge and widening everything under it.
fn kept_together_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut Ui),
) {
    let id = ui.scope_id().with(("kept-together", id_salt));
    let last_width = ui.data(|data| data.get_temp::<f32>(id));
    // A wrapping row's available width is the whole row's; what is left of it is measured.
    let left = ui.cursor().left();
    let remaining = ui.max_rect().right() - left;
    let row_started = left > ui.max_rect().left() + 1.0;
    if row_started && last_width.is_some_and(|width| width > remaining) {
        ui.end_row();
    }
    let width = ui.horizontal(add).response.rect.width();
    ui.data_mut(|data| data.insert_temp(id, width));
}

/// The text columns worth a filter: at least two distinct values, at most
/// [`MOST_FILTER_VALUES`], and fewer than the rows (a column of all-different cells is no
/// filter), with their values sorted.
#[must_use]
pub fn filterable_columns(table: &Table) -> Vec<(usize, Vec<&str>)> {
    table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, column)| column.kind == ColumnKind::Text)
        .filter_map(|(position, _)| {
            let mut values: Vec<&str> = table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(position))
                .map(String::as_str)
                .filter(|v| !v.trim().is_empty())
                .collect();
            values.sort_unstable();
            values.dedup();
            (values.len() >= 2
                && values.len() <= MOST_FILTER_VALUES
                && values.len() < table.rows.len())
            .then_some((position, values))
        })
        .collect()
}

/// What a column the paper prints no header for is called, by its place (`Column 2`): in its
/// filter and over its cells.
pub(super) fn place_name(column: usize) -> String {
    format!("Column {}", column + 1)
}

/// The header rows that span columns, then the column headers (sortable when `sort` is given).
fn header_rows_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    table: &Table,
    widths: &[f32],
    mut sort: Option<&mut Option<(usize, bool)>>,
) {
    for header_row in table.spanning_header_rows() {
        let spanned: Vec<f32> = header_row
            .iter()
            .map(|cell| {
                widths
                    .iter()
                    .skip(cell.first_column)
                    .take(cell.span)
                    .sum::<f32>()
                    + CELL_GAP * f32::from(u16::try_from(cell.span.saturating_sub(1)).unwrap_or(0))
            })
            .collect();
        ui.horizontal_top(|ui| {
            ui.add_space(ctx.theme.gap);
            cells_ui(ui, &spanned, &[], |ui, position| {
                let Some(cell) = header_row.get(position) else {
                    return;
                };
                ui.add(egui::Label::new(RichText::new(cell.text).strong()).wrap());
                // A rule under a heading over several columns shows which columns it spans.
                if cell.span > 1 && !cell.text.is_empty() {
                    let rect = ui.min_rect();
                    ui.painter().hline(
                        rect.x_range(),
                        rect.bottom() + 2.0,
                        egui::Stroke::new(1.0, ctx.theme.muted_text),
                    );
                    ui.add_space(4.0);
                }
            });
        });
    }
    let right_aligned = numeric_columns(table);
    ui.horizontal_top(|ui| {
        ui.add_space(ctx.theme.gap);
        cells_ui(ui, widths, &right_aligned, |ui, position| {
            let Some(column) = table.columns.get(position) else {
                return;
            };
            // A column the paper prints no header for is named by its place, in muted type
            // (as its filter names it), so that it can still be sorted.
            let printed = column.header_with_unit();
            let unnamed = printed.trim().is_empty();
            let header = if unnamed {
                place_name(position)
            } else {
                printed
            };
            let styled = |text: String| {
                if unnamed {
                    RichText::new(text).color(ctx.theme.muted_text)
                } else {
                    RichText::new(text).strong()
                }
            };
            let Some(sort) = sort.as_deref_mut() else {
                ui.add(egui::Label::new(styled(header)).wrap());
                return;
            };
            let arrow = match *sort {
                Some((c, false)) if c == position => " ▲",
                Some((c, true)) if c == position => " ▼",
                _ => "",
            };
            let button = egui::Button::new(styled(format!("{header}{arrow}")))
                .frame(false)
                .wrap_mode(egui::TextWrapMode::Wrap);
            let response = ui.add(button).on_hover_text(format!("Sort by {header}"));
            if let Some(series) = column_series(table, position) {
                response.context_menu(|ui| {
                    if ui.button("Chart this column").clicked() {
                        ctx.send(Command::AddSeries(Box::new(series)));
                    }
                });
            }
            if response.clicked() {
                *sort = match *sort {
                    Some((c, false)) if c == position => Some((position, true)),
                    Some((c, true)) if c == position => None,
                    _ => Some((position, false)),
                };
            }
        });
    });
    // The rule under the headers is as wide as the rows under it (a table of a few short
    // columns is narrower than the view): each column and the gap after it (see
    // [`cells_ui`]), and a row's margin on either side.
    let columns = f32::from(u16::try_from(widths.len()).unwrap_or(u16::MAX));
    let table_width = widths.iter().sum::<f32>() + CELL_GAP * columns + 2.0 * ctx.theme.gap;
    ui.allocate_ui(egui::vec2(table_width, 0.0), |ui| {
        ui.set_width(table_width);
        ui.separator();
    });
}

/// The notes printed under a table.
fn footnotes_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, table: &Table) {
    if table.footnotes.is_empty() {
        return;
    }
    ui.add_space(ctx.theme.gap);
    for footnote in &table.footnotes {
        ui.add(
            egui::Label::new(
                RichText::new(footnote.printed())
                    .small()
                    .color(ctx.theme.muted_text),
            )
            .wrap(),
        );
    }
}

/// Which columns hold numbers (drawn right-aligned, so that their digits line up).
fn numeric_columns(table: &Table) -> Vec<bool> {
    table.columns.iter().map(|c| c.kind.is_numeric()).collect()
}

/// One row of cells, each `widths[i]` wide (its text [`CELL_GAP`] narrower) and followed by
/// [`CELL_GAP`], drawn by `cell` (given the column's position). The cells of the columns
/// `right_aligned` marks are right-aligned; others, and columns past its end, left-aligned.
pub fn cells_ui(
    ui: &mut Ui,
    widths: &[f32],
    right_aligned: &[bool],
    mut cell: impl FnMut(&mut Ui, usize),
) {
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for (position, width) in widths.iter().enumerate() {
            let align = if right_aligned.get(position).copied().unwrap_or(false) {
                egui::Align::RIGHT
            } else {
                egui::Align::LEFT
            };
            let start = ui.cursor().min.x;
            ui.allocate_ui_with_layout(
                egui::vec2(*width, 0.0),
                egui::Layout::top_down(align),
                |ui| {
                    ui.set_width(width - CELL_GAP);
                    cell(ui, position);
                },
            );
            // The cursor moves past a right-aligned cell's whole width but only past a
            // left-aligned one's text: each is made up to the same step, so that every row's
            // columns (and the rule under the headers) line up.
            let used = ui.cursor().min.x - start;
            ui.add_space((width + CELL_GAP - used).max(0.0));
        }
    });
}

/// One row of a table (by position over all tables' rows), clickable, marked when selected or
/// related.
pub fn row_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    row: usize,
    widths: &[f32],
    odd: bool,
) -> egui::Response {
    let item = Item::TableRow(row);
    let record = ctx.corpus.file.table_row(row);
    let fill = if ctx.is_selected(item) {
        ctx.theme.selected_fill
    } else if ctx.is_highlighted(item) {
        ctx.theme.highlight_fill
    } else if ctx.is_hover_highlighted(item) {
        ctx.theme.hover_fill
    } else if odd {
        ui.visuals().faint_bg_color
    } else {
        Color32::TRANSPARENT
    };
    let frame = egui::Frame::new()
        .fill(fill)
        .corner_radius(ctx.theme.radius)
        .inner_margin(egui::vec2(ctx.theme.gap, 6.0));
    let right_aligned = record
        .and_then(|(table, _, _)| ctx.corpus.file.tables.get(table))
        .map(numeric_columns)
        .unwrap_or_default();
    let inner = frame.show(ui, |ui| {
        cells_ui(ui, widths, &right_aligned, |ui, position| {
            if record.is_none() {
                return;
            }
            let text = ctx.corpus.index.cell_text(&ctx.corpus.file, row, position);
            let text = if position == 0 {
                RichText::new(text).strong()
            } else {
                RichText::new(text)
            };
            ui.add(egui::Label::new(text).wrap());
        });
    });
    let title = format!(
        "Row: {}",
        record.map_or_else(String::new, |(_, _, r)| row_title(ctx.corpus, row, r))
    );
    let response = ui
        .interact(
            inner.response.rect,
            ui.scope_id().with(("table-row", row)),
            Sense::click(),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &title));
    if let Some((table, row_in_table, _)) = record
        && let Some(series) = ctx
            .corpus
            .file
            .tables
            .get(table)
            .and_then(|table| row_series(table, row_in_table))
    {
        response.context_menu(|ui| {
            if ui.button("Chart this row").clicked() {
                ctx.send(Command::AddSeries(Box::new(series)));
            }
        });
    }
    ctx.item_response(ui, response, item, ClickAction::Select)
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    // A test that panics on a missing value is the test failing, with its message.
    #![allow(clippy::expect_used)]

    use super::*;
    use crate::formats::paper::{ImportOptions, PaperKind, import};

    #[test]
    fn a_column_sorts_by_its_numbers_as_the_table_writes_them() {
        // Counts grouped with points and shares with decimal commas, as Brazilian papers print.
        let text = "# Resultados\n\nTexto.\n\n| Idade | n | % |\n|---|---|---|\n\
                    | < 40 | 519 | 38,0 |\n| 40 a 49 | 1.414 | 49,7 |\n| ≥ 70 | 47 | 49,5 |\n";
        let imported = import(PaperKind::Markdown, text, &ImportOptions::default())
            .expect("the paper imports");
        let corpus = Corpus::from_file(imported.file, "paper.md").expect("a valid corpus");
        let first_cells = |sort| {
            let view = TableView {
                sort: Some(sort),
                ..TableView::default()
            };
            view.visible_rows(&corpus)
                .into_iter()
                .filter_map(|row| corpus.file.table_row(row))
                .filter_map(|(_, _, row)| row.cells.first().cloned())
                .collect::<Vec<String>>()
        };
        assert_eq!(first_cells((1, true)), ["40 a 49", "< 40", "≥ 70"]);
        assert_eq!(first_cells((2, false)), ["< 40", "≥ 70", "40 a 49"]);
    }
}

//! A table of short cells on a slide ([`TableLayout::Grid`](crate::deck::TableLayout)): its rows
//! and columns as the paper prints them, under its own headers and units, set as large as the
//! slide allows, so that a room reads a row across and compares the numbers down a column.

use std::sync::Arc;

use eframe::egui::{
    self, Color32, FontFamily, FontId, Galley, Rect, Sense, Stroke, Ui, pos2,
    text::{LayoutJob, TextFormat},
    vec2,
};

use super::case_table::{TableSlide, table_heading_ui};
use super::{Look, galley_ui, plain_job};
use crate::app::context::ViewCtx;
use crate::corpus::model::{Column, Table, TableFootnote, TableRow};

/// The widest share of the slide the column naming the rows takes before its names wrap.
const LABEL_SHARE: f32 = 0.4;

/// The rows of `shown` as a grid under the table's headers, with the marked row lit, and the
/// notes printed under the table.
pub(super) fn table_grid_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    shown: TableSlide<'_>,
    title: Option<&str>,
) {
    if !table_heading_ui(ctx, look, ui, shown, title) {
        return;
    }
    let corpus = ctx.corpus;
    let Some(table) = corpus.file.tables.get(shown.table) else {
        return;
    };
    let first_row = corpus.file.first_row_of(shown.table);
    let rows: Vec<Vec<&str>> = shown
        .rows
        .iter()
        .map(|&row| {
            (0..table.columns.len())
                .map(|column| {
                    corpus
                        .index
                        .cell_text(&corpus.file, first_row + row, column)
                        .trim()
                })
                .collect()
        })
        .collect();
    let texts = GridTexts {
        table,
        headers: table.columns.iter().map(Column::header_with_unit).collect(),
        rows: &rows,
        group_names: shown
            .rows
            .iter()
            .map(|&row| table.rows.get(row).is_some_and(TableRow::names_a_group))
            .collect(),
    };
    let colours = GridColours {
        text: ui.visuals().text_color(),
        strong: ui.visuals().strong_text_color(),
    };
    // The notes printed under the table (what its "*" and "a" mean) go under the grid: those
    // whose markers this slide shows, so that a long table's slides keep room for its rows.
    let spanning = table.spanning_header_rows();
    let shown_texts: Vec<&str> = std::iter::once(table.caption.as_str())
        .chain(texts.headers.iter().map(String::as_str))
        .chain(spanning.iter().flatten().map(|cell| cell.text))
        .chain(rows.iter().flatten().copied())
        .collect();
    let notes = table
        .footnotes_marked_in(&shown_texts)
        .into_iter()
        .map(TableFootnote::printed)
        .collect::<Vec<_>>()
        .join("\n");
    let notes = (!notes.trim().is_empty()).then(|| {
        let mut job = plain_job(notes.trim(), look.sizes.small, look.theme.muted_text);
        job.wrap.max_width = ui.available_width();
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    });
    let notes_height = notes
        .as_ref()
        .map_or(0.0, |galley| galley.size().y + look.sizes.gap * 0.5);
    let room = vec2(
        ui.available_width(),
        ui.available_height() - look.sizes.gap - notes_height,
    );
    // The largest size, from the title's down to what fits, at which the whole grid fits the
    // room left under the title.
    let smallest = look.sizes.small * 0.6;
    let mut size = look.sizes.title;
    let grid = loop {
        let grid = Grid::measure(ui, &texts, colours, size, room.x);
        if grid.fits(room) || size * 0.92 < smallest {
            break grid;
        }
        size *= 0.92;
    };
    grid_ui(look, ui, &grid, shown);
    if let Some(notes) = notes {
        ui.add_space(look.sizes.gap * 0.5);
        galley_ui(ui, notes);
    }
}

/// What a grid shows: each column's header, each row's cells as printed.
struct GridTexts<'a> {
    table: &'a Table,
    headers: Vec<String>,
    rows: &'a [Vec<&'a str>],
    /// Whether each row only names the group of rows under it (set strong, across the row).
    group_names: Vec<bool>,
}

impl GridTexts<'_> {
    /// Whether row `n` (of those shown) only names a group.
    fn names_group(&self, n: usize) -> bool {
        self.group_names.get(n).copied().unwrap_or(false)
    }
}

/// The colours of a grid's text.
#[derive(Clone, Copy)]
struct GridColours {
    text: Color32,
    strong: Color32,
}

/// A grid laid out at one size: every text shaped, every column's width and every row's height.
struct Grid {
    /// Columns' widths, the gap after each but the last included.
    widths: Vec<f32>,
    /// Space between columns.
    gap: f32,
    /// Whether each column's cells are numbers, set flush right.
    right: Vec<bool>,
    /// The header rows above the column headers: each cell's galley, first column and span.
    spanning: Vec<Vec<(Arc<Galley>, usize, usize)>>,
    /// The column headers.
    headers: Vec<Arc<Galley>>,
    /// Each row's cells.
    cells: Vec<Vec<Arc<Galley>>>,
    /// Space above and below a row's text.
    pad: f32,
    /// The size the text is set at.
    size: f32,
}

impl Grid {
    /// Shapes the grid at `size`: the column naming the rows wraps at [`LABEL_SHARE`] of
    /// `width`, the other cells keep to one line, the headers wrap to their columns.
    fn measure(
        ui: &Ui,
        texts: &GridTexts<'_>,
        colours: GridColours,
        size: f32,
        width: f32,
    ) -> Self {
        let gap = size * 0.8;
        let font = FontId::new(size, FontFamily::Proportional);
        let header_font = FontId::new(size * 0.8, FontFamily::Proportional);
        let columns = texts.headers.len();
        let widths = column_widths(ui, texts, (&font, &header_font), gap, width);
        let right: Vec<bool> = texts
            .table
            .columns
            .iter()
            .map(|column| column.kind.is_numeric())
            .collect();
        let is_right = |column: usize| right.get(column).copied().unwrap_or(false);
        let lay = |text: &str, font: &FontId, colour: Color32, wrap: f32| {
            shape(ui, text, (font, colour), wrap, false)
        };
        let span_width = |first: usize, span: usize| -> f32 {
            let covered: f32 = widths.iter().skip(first).take(span).sum();
            if first + span >= columns {
                covered
            } else {
                covered - gap
            }
        };
        let spanning = texts
            .table
            .spanning_header_rows()
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| {
                        let wrap = span_width(cell.first_column, cell.span);
                        let galley = lay(cell.text, &header_font, colours.strong, wrap);
                        (galley, cell.first_column, cell.span)
                    })
                    .collect()
            })
            .collect();
        let headers = texts
            .headers
            .iter()
            .enumerate()
            .map(|(column, header)| {
                let (colour, wrap) = (colours.strong, span_width(column, 1));
                shape(ui, header, (&header_font, colour), wrap, is_right(column))
            })
            .collect();
        let whole_width: f32 = widths.iter().sum();
        let cells = texts
            .rows
            .iter()
            .enumerate()
            .map(|(n, row)| {
                // A row that only names the group of rows under it is set strong, across the
                // blank cells beside its name.
                let is_group_name = texts.names_group(n);
                row.iter()
                    .enumerate()
                    .map(|(column, cell)| {
                        let (colour, wrap) = match column {
                            0 if is_group_name => (colours.strong, whole_width),
                            0 => (colours.text, span_width(0, 1)),
                            _ => (colours.text, f32::INFINITY),
                        };
                        lay(cell, &font, colour, wrap)
                    })
                    .collect()
            })
            .collect();
        Self {
            widths,
            gap,
            right,
            spanning,
            headers,
            cells,
            pad: size * 0.22,
            size,
        }
    }

    /// The grid's width.
    fn width(&self) -> f32 {
        self.widths.iter().sum()
    }

    /// The height of each header row above the column headers, then of the column headers.
    fn header_heights(&self) -> Vec<f32> {
        let mut heights: Vec<f32> = self
            .spanning
            .iter()
            .map(|row| tallest(row.iter().map(|(galley, _, _)| galley)) + self.pad)
            .collect();
        heights.push(tallest(self.headers.iter()) + self.pad);
        heights
    }

    /// The height of each row.
    fn row_heights(&self) -> Vec<f32> {
        self.cells
            .iter()
            .map(|row| tallest(row.iter()) + 2.0 * self.pad)
            .collect()
    }

    /// The whole grid's height: its headers, the rule under them, its rows.
    fn height(&self) -> f32 {
        self.header_heights().iter().sum::<f32>()
            + self.pad
            + self.row_heights().iter().sum::<f32>()
    }

    /// Whether the grid fits `room`.
    fn fits(&self, room: egui::Vec2) -> bool {
        self.width() <= room.x && self.height() <= room.y
    }

    /// Where column `column` starts, from the grid's left edge.
    fn column_x(&self, column: usize) -> f32 {
        self.widths.iter().take(column).sum()
    }

    /// Where column `column`'s text of `width` starts, from the grid's left edge: flush right
    /// in a column of numbers, else at the column's start.
    fn text_x(&self, column: usize, width: f32) -> f32 {
        let start = self.column_x(column);
        let own = self.widths.get(column).copied().unwrap_or_default()
            - if column + 1 < self.widths.len() {
                self.gap
            } else {
                0.0
            };
        if self.right.get(column).copied().unwrap_or(false) {
            start + own - width
        } else {
            start
        }
    }
}

/// `text` in `font` and `colour`, wrapped at `wrap`, its lines flush right when `right`.
fn shape(
    ui: &Ui,
    text: &str,
    (font, colour): (&FontId, Color32),
    wrap: f32,
    right: bool,
) -> Arc<Galley> {
    let mut job =
        LayoutJob::single_section(text.to_owned(), TextFormat::simple(font.clone(), colour));
    job.wrap.max_width = wrap;
    if right {
        job.halign = egui::Align::RIGHT;
    }
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}

/// Each column's width, the `gap` after it included (but for the last): as wide as its widest
/// cell in the body font and the longest word of its header in the header font; the first,
/// which names the rows, at most [`LABEL_SHARE`] of `width` (its names then wrap) unless a
/// header word is wider. What is left of `width` goes to the columns whose headers would
/// otherwise wrap, each up to its header's width on one line, so that headers take fewer lines.
fn column_widths(
    ui: &Ui,
    texts: &GridTexts<'_>,
    (font, header_font): (&FontId, &FontId),
    gap: f32,
    width: f32,
) -> Vec<f32> {
    let width_of = |text: &str, font: &FontId| {
        shape(ui, text, (font, Color32::WHITE), f32::INFINITY, false)
            .size()
            .x
    };
    let label_width = width * LABEL_SHARE;
    let mut widths: Vec<f32> = (0..texts.headers.len())
        .map(|column| {
            let longest_word = texts
                .headers
                .get(column)
                .map(String::as_str)
                .unwrap_or_default()
                .split_whitespace()
                .map(|word| width_of(word, header_font))
                .fold(0.0, f32::max);
            // A group's name runs across the row's blank cells: it does not widen its column.
            let widest_cell = texts
                .rows
                .iter()
                .enumerate()
                .filter(|&(n, _)| column > 0 || !texts.names_group(n))
                .filter_map(|(_, row)| row.get(column))
                .map(|cell| width_of(cell, font))
                .fold(0.0, f32::max);
            let mut natural = (font.size * 2.0).max(longest_word).max(widest_cell);
            if column == 0 {
                natural = natural.min(label_width.max(longest_word));
            }
            natural.ceil() + gap
        })
        .collect();
    if let Some(last) = widths.last_mut() {
        *last -= gap;
    }
    let wanted: Vec<f32> = texts
        .headers
        .iter()
        .zip(&widths)
        .enumerate()
        .map(|(column, (header, &now))| {
            let own = if column + 1 < widths.len() {
                now - gap
            } else {
                now
            };
            (width_of(header, header_font).ceil() - own).max(0.0)
        })
        .collect();
    let spare = width - widths.iter().sum::<f32>();
    let all_wanted: f32 = wanted.iter().sum();
    if spare > 0.0 && all_wanted > 0.0 {
        let given = (spare / all_wanted).min(1.0);
        for (slot, more) in widths.iter_mut().zip(&wanted) {
            *slot += (more * given).floor();
        }
    }
    widths
}

/// The height of the tallest of `galleys`.
fn tallest<'a>(galleys: impl Iterator<Item = &'a Arc<Galley>>) -> f32 {
    galleys.map(|galley| galley.size().y).fold(0.0, f32::max)
}

/// Paints `grid` where `ui` places its next widget: headers set at the foot of their rows, a
/// rule under them, striped rows, the marked one lit and outlined; each cell read out as a
/// label.
fn grid_ui(look: Look<'_>, ui: &mut Ui, grid: &Grid, shown: TableSlide<'_>) {
    let size = vec2(grid.width(), grid.height()).ceil();
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter().clone();
    let id = ui.scope_id().with(("table grid", shown.table));
    let text_colour = ui.visuals().text_color();
    let put = |ui: &Ui, at: egui::Pos2, galley: &Arc<Galley>, key: (&str, usize, usize)| {
        if galley.text().is_empty() {
            return;
        }
        let cell = Rect::from_min_size(at, galley.size());
        // A galley set flush right lies left of its origin: its rect says where.
        painter.galley(
            at - galley.rect.min.to_vec2(),
            Arc::clone(galley),
            text_colour,
        );
        let response = ui.interact(cell, id.with(key), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, galley.text()));
    };
    let heights = grid.header_heights();
    let mut y = rect.top();
    for (level, (row, height)) in grid.spanning.iter().zip(&heights).enumerate() {
        for (galley, first, span) in row {
            // A heading over columns starts where they start, as in the Table view.
            let x = rect.left() + grid.column_x(*first);
            put(
                ui,
                pos2(x, y + height - grid.pad - galley.size().y),
                galley,
                ("above", level, *first),
            );
            if *span > 1 && !galley.text().is_empty() {
                // A rule under a heading over several columns shows which ones it spans.
                let end = grid.column_x(first + span)
                    - if first + span < grid.widths.len() {
                        grid.gap
                    } else {
                        0.0
                    };
                painter.hline(
                    x..=rect.left() + end,
                    y + height - grid.pad * 0.5,
                    Stroke::new(1.0, look.theme.muted_text),
                );
            }
        }
        y += height;
    }
    let header_height = heights.last().copied().unwrap_or_default();
    for (column, galley) in grid.headers.iter().enumerate() {
        let x = rect.left() + grid.text_x(column, galley.size().x);
        let at = pos2(x, y + header_height - grid.pad - galley.size().y);
        put(ui, at, galley, ("header", 0, column));
    }
    y += header_height;
    painter.hline(
        rect.x_range(),
        y,
        Stroke::new((grid.size / 14.0).max(1.0), look.theme.muted_text),
    );
    y += grid.pad;
    for ((row, height), (n, &position)) in grid
        .cells
        .iter()
        .zip(grid.row_heights())
        .zip(shown.rows.iter().enumerate())
    {
        let band = Rect::from_min_size(pos2(rect.left(), y), vec2(rect.width(), height));
        let band = band.expand2(vec2(grid.pad, 0.0));
        if shown.marked == Some(position) {
            painter.rect_filled(band, look.theme.radius, look.theme.highlight_fill);
            painter.rect_stroke(
                band,
                look.theme.radius,
                Stroke::new(look.sizes.line_width * 0.5, look.theme.accent),
                egui::StrokeKind::Inside,
            );
        } else if n % 2 == 1 {
            painter.rect_filled(band, look.theme.radius, ui.visuals().faint_bg_color);
        }
        for (column, galley) in row.iter().enumerate() {
            let x = rect.left() + grid.text_x(column, galley.size().x);
            put(ui, pos2(x, y + grid.pad), galley, ("cell", n, column));
        }
        y += height;
    }
}

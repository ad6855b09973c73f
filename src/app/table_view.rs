//! The Table view: the paper's regional cooperation table, sortable, filterable by region and
//! by liberalism key concept, with long cells wrapped.

use eframe::egui::{self, Color32, RichText, Sense, Ui};

use super::context::{ClickAction, ViewCtx};
use super::views::View;
use super::virtual_list::{HeightCache, content_key, virtual_list_ui};
use crate::corpus::{Corpus, Item, ItemKind};

/// A column of the regional table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// Region.
    Region,
    /// Cooperating entities.
    Entities,
    /// Cooperative efforts.
    Efforts,
    /// Liberalism key concept.
    KeyConcept,
    /// References.
    References,
}

impl Column {
    /// Every column, in printed order.
    pub const ALL: [Self; 5] = [
        Self::Region,
        Self::Entities,
        Self::Efforts,
        Self::KeyConcept,
        Self::References,
    ];

    /// The heading the paper prints.
    #[must_use]
    pub fn heading(self) -> &'static str {
        match self {
            Self::Region => "Region",
            Self::Entities => "Cooperating Entities",
            Self::Efforts => "Cooperative Efforts",
            Self::KeyConcept => "Liberalism Key Concept",
            Self::References => "References",
        }
    }

    /// Share of the table's width.
    fn width_share(self) -> f32 {
        match self {
            Self::Region => 0.11,
            Self::Entities => 0.2,
            Self::Efforts => 0.31,
            Self::KeyConcept => 0.22,
            Self::References => 0.16,
        }
    }

    /// Narrowest the column gets, in points; below that the table scrolls sideways.
    fn min_width(self) -> f32 {
        match self {
            Self::Region => 96.0,
            Self::Entities => 150.0,
            Self::Efforts => 210.0,
            Self::KeyConcept => 170.0,
            Self::References => 120.0,
        }
    }
}

/// Space between cells, in points.
pub const CELL_GAP: f32 = 10.0;

/// Column widths for a table `width` points wide: shares of it, each at least its minimum.
#[must_use]
pub fn column_widths(width: f32) -> [f32; 5] {
    Column::ALL.map(|column| (width * column.width_share()).max(column.min_width()))
}

/// The Table view's own UI state.
#[derive(Debug, Default)]
pub struct TableView {
    /// Show only rows of this region (position in `regional_table.regions`).
    pub region_filter: Option<usize>,
    /// Show only rows with this key concept.
    pub concept_filter: Option<String>,
    /// Sort column and whether descending; `None` keeps the printed order.
    pub sort: Option<(Column, bool)>,
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
        "The regional cooperation table"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        Self::ui(self, ctx, ui);
    }

    fn can_show(&self, item: Item) -> bool {
        matches!(item, Item::TableRow(_))
    }

    fn show_item(&mut self, corpus: &Corpus, item: Item) {
        let Item::TableRow(row) = item else {
            return;
        };
        if !self.visible_rows(corpus).contains(&row) {
            self.region_filter = None;
            self.concept_filter = None;
        }
        self.reveal(row);
    }

    fn follow_selection(&mut self, item: Item) {
        if let Item::Region(region) = item {
            self.region_filter = Some(region);
        }
    }

    /// One slide per region that has rows.
    fn slides(&self, corpus: &Corpus) -> Vec<usize> {
        (0..corpus.file.regional_table.regions.len())
            .filter(|&region| {
                !corpus
                    .index
                    .linked(Item::Region(region), ItemKind::TableRow)
                    .is_empty()
            })
            .collect()
    }

    fn slide_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, slide: usize, _height: f32) {
        region_slide_ui(ctx, ui, slide);
    }

    fn slide_order(&self) -> u8 {
        1
    }
}

/// A slide of the table's rows of one region, under the region's name.
fn region_slide_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, region: usize) {
    let corpus = ctx.corpus;
    let Some(record) = corpus.file.regional_table.regions.get(region) else {
        return;
    };
    ui.label(
        RichText::new("Regional cooperation against human trafficking")
            .size(ctx.theme.small_size)
            .color(ctx.theme.muted_text),
    );
    ui.label(
        RichText::new(&record.name)
            .size(ctx.theme.heading_size)
            .strong(),
    );
    ui.add_space(ctx.theme.gap);
    let widths = column_widths(ui.available_width() - 2.0 * ctx.theme.gap);
    header_row_ui(ctx, ui, &widths);
    egui::ScrollArea::vertical()
        .id_salt(("slide-region", region))
        .show(ui, |ui| {
            for (n, &row) in corpus
                .index
                .linked(Item::Region(region), ItemKind::TableRow)
                .iter()
                .enumerate()
            {
                row_ui(ctx, ui, row, &widths, n % 2 == 1);
            }
        });
}

impl TableView {
    /// Scrolls to a row on the next frame.
    pub fn reveal(&mut self, row: usize) {
        self.reveal = Some(row);
    }

    /// The rows shown, in order.
    #[must_use]
    pub fn visible_rows(&self, corpus: &Corpus) -> Vec<usize> {
        let table = &corpus.file.regional_table;
        let region_id = self
            .region_filter
            .and_then(|r| table.regions.get(r))
            .map(|r| r.id.as_str());
        let mut rows: Vec<usize> = table
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| region_id.is_none_or(|id| row.region == id))
            .filter(|(_, row)| {
                self.concept_filter
                    .as_ref()
                    .is_none_or(|c| &row.key_concept == c)
            })
            .map(|(i, _)| i)
            .collect();
        if let Some((column, descending)) = self.sort {
            rows.sort_by_cached_key(|&i| cell_text(corpus, i, column).to_lowercase());
            if descending {
                rows.reverse();
            }
        }
        rows
    }

    /// Draws the filters, the header and the rows.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        let table = &corpus.file.regional_table;
        if table.rows.is_empty() {
            ui.label(
                RichText::new("This corpus has no regional table.")
                    .italics()
                    .color(ctx.theme.muted_text),
            );
            return;
        }
        self.filters_ui(ctx, ui);
        let rows = self.visible_rows(corpus);
        ui.label(
            RichText::new(format!("{} of {} rows", rows.len(), table.rows.len()))
                .small()
                .color(ctx.theme.muted_text),
        );
        let margin = ctx.theme.gap;
        let widths = column_widths(ui.available_width() - 2.0 * margin);
        egui::ScrollArea::horizontal()
            .id_salt("table-sideways")
            .auto_shrink(false)
            .show(ui, |ui| {
                self.header_ui(ctx, ui, &widths);
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
                let estimate = |_: usize| ctx.theme.body_size * 6.0;
                virtual_list_ui(
                    ui,
                    "table",
                    &mut self.heights,
                    content_key(&rows),
                    rows.len(),
                    &estimate,
                    |ui, n| {
                        if let Some(&row) = rows.get(n) {
                            row_ui(ctx, ui, row, &widths, n % 2 == 1);
                        }
                    },
                );
            });
    }

    fn filters_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let table = &ctx.corpus.file.regional_table;
        ui.horizontal_wrapped(|ui| {
            let region_label = ui.label("Region");
            let region_text = self
                .region_filter
                .and_then(|r| table.regions.get(r))
                .map_or("All regions", |r| r.name.as_str());
            egui::ComboBox::from_id_salt("table-region")
                .selected_text(region_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.region_filter, None, "All regions");
                    for (i, region) in table.regions.iter().enumerate() {
                        ui.selectable_value(&mut self.region_filter, Some(i), &region.name);
                    }
                })
                .response
                .labelled_by(region_label.id);
            let concept_label = ui.label("Key concept");
            let concept_text = self
                .concept_filter
                .clone()
                .unwrap_or_else(|| "All concepts".to_owned());
            egui::ComboBox::from_id_salt("table-concept")
                .selected_text(truncate(&concept_text, 40))
                .width(280.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.concept_filter, None, "All concepts");
                    let mut concepts: Vec<&str> =
                        table.rows.iter().map(|r| r.key_concept.as_str()).collect();
                    concepts.sort_unstable();
                    concepts.dedup();
                    for concept in concepts {
                        ui.selectable_value(
                            &mut self.concept_filter,
                            Some(concept.to_owned()),
                            concept,
                        );
                    }
                })
                .response
                .labelled_by(concept_label.id);
            if (self.region_filter.is_some() || self.concept_filter.is_some())
                && ui.button("Clear filters").clicked()
            {
                self.region_filter = None;
                self.concept_filter = None;
            }
        });
    }

    fn header_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, widths: &[f32; 5]) {
        ui.horizontal_top(|ui| {
            ui.add_space(ctx.theme.gap);
            cells_ui(ui, widths, |ui, position| {
                let Some(&column) = Column::ALL.get(position) else {
                    return;
                };
                let arrow = match self.sort {
                    Some((c, false)) if c == column => " ▲",
                    Some((c, true)) if c == column => " ▼",
                    _ => "",
                };
                let text = RichText::new(format!("{}{arrow}", column.heading())).strong();
                let button = egui::Button::new(text)
                    .frame(false)
                    .wrap_mode(egui::TextWrapMode::Wrap);
                let response = ui
                    .add(button)
                    .on_hover_text(format!("Sort by {}", column.heading()));
                if response.clicked() {
                    self.sort = match self.sort {
                        Some((c, false)) if c == column => Some((column, true)),
                        Some((c, true)) if c == column => None,
                        _ => Some((column, false)),
                    };
                }
            });
        });
        ui.separator();
    }
}

/// The column headings, not sortable (for slides).
pub fn header_row_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, widths: &[f32; 5]) {
    ui.horizontal_top(|ui| {
        ui.add_space(ctx.theme.gap);
        cells_ui(
            ui,
            widths,
            column_cells(|ui, column| {
                ui.add(egui::Label::new(RichText::new(column.heading()).strong()).wrap());
            }),
        );
    });
    ui.separator();
}

/// One row of cells, each `widths[i]` wide, drawn by `cell` (given the column's position).
pub fn cells_ui<const N: usize>(
    ui: &mut Ui,
    widths: &[f32; N],
    mut cell: impl FnMut(&mut Ui, usize),
) {
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for (position, width) in widths.iter().enumerate() {
            ui.allocate_ui_with_layout(
                egui::vec2(*width, 0.0),
                egui::Layout::top_down(egui::Align::LEFT),
                |ui| {
                    ui.set_width(width - CELL_GAP);
                    cell(ui, position);
                },
            );
            ui.add_space(CELL_GAP);
        }
    });
}

/// Calls `cell` with the regional-table column at each position.
fn column_cells(cell: impl Fn(&mut Ui, Column)) -> impl FnMut(&mut Ui, usize) {
    move |ui, position| {
        if let Some(&column) = Column::ALL.get(position) {
            cell(ui, column);
        }
    }
}

/// The text of one cell.
fn cell_text(corpus: &Corpus, row: usize, column: Column) -> String {
    let Some(record) = corpus.file.regional_table.rows.get(row) else {
        return String::new();
    };
    match column {
        Column::Region => corpus
            .region_by_id(&record.region)
            .and_then(|r| corpus.file.regional_table.regions.get(r))
            .map_or_else(|| record.region.clone(), |r| r.name.clone()),
        Column::Entities => record.cooperating_entities.clone(),
        Column::Efforts => record.cooperative_efforts.clone(),
        Column::KeyConcept => record.key_concept.clone(),
        Column::References => record.references_text.clone(),
    }
}

/// One row of the table, clickable, marked when selected or related.
pub fn row_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    row: usize,
    widths: &[f32; 5],
    odd: bool,
) -> egui::Response {
    let item = Item::TableRow(row);
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
    let inner = frame.show(ui, |ui| {
        cells_ui(
            ui,
            widths,
            column_cells(|ui, column| {
                let text = cell_text(ctx.corpus, row, column);
                let text = if column == Column::Region {
                    RichText::new(text).strong()
                } else {
                    RichText::new(text)
                };
                ui.add(egui::Label::new(text).wrap());
            }),
        );
    });
    let title = format!("Row: {}", cell_text(ctx.corpus, row, Column::Entities));
    let response = ui
        .interact(
            inner.response.rect,
            ui.scope_id().with(("table-row", row)),
            Sense::click(),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &title));
    ctx.item_response(ui, response, item, ClickAction::Select)
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

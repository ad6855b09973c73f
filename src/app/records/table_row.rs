//! A table row: its cells under their headers, its region, entities, cases and references.

use eframe::egui::Ui;

use super::{field_ui, heading_ui, item_list_ui, linked_items_ui, notes_ui, region_link_ui};
use crate::app::context::{ClickAction, Command, UiLayout, ViewCtx};
use crate::corpus::display::row_title;
use crate::corpus::{Item, ItemKind};

/// The row at `position` over all tables' rows.
pub(super) fn table_row_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let file = &ctx.corpus.file;
    let Some((table_position, _, row)) = file.table_row(position) else {
        return;
    };
    let Some(table) = file.tables.get(table_position) else {
        return;
    };
    let kind = if table.label.trim().is_empty() {
        "Table row".to_owned()
    } else {
        format!("{} row", table.label.trim())
    };
    heading_ui(
        ctx,
        ui,
        &kind,
        &row_title(ctx.corpus, position, row),
        layout,
    );
    let headers = crate::corpus::display::column_headers(table);
    for (column, header) in headers.iter().enumerate() {
        let cell = ctx
            .corpus
            .index
            .cell_text(&ctx.corpus.file, position, column);
        field_ui(ctx, ui, header, cell);
    }
    if layout == UiLayout::Tooltip {
        return;
    }
    if ui.button("Show in table").clicked() {
        ctx.send(Command::Reveal(Item::TableRow(position)));
    }
    item_list_ui(
        ctx,
        ui,
        "Table",
        [Item::Table(table_position)],
        ClickAction::Select,
    );
    if let Some(region) = &row.region {
        region_link_ui(ctx, ui, region);
    }
    linked_items_ui(
        ctx,
        ui,
        Item::TableRow(position),
        &[
            ("Entities", ItemKind::Entity),
            ("Cases", ItemKind::Case),
            ("Reference-list entries", ItemKind::Reference),
        ],
    );
    notes_ui(ctx, ui, Item::TableRow(position), layout);
}

//! A row of the regional table: its cells, its region, entities and reference-list entries.

use eframe::egui::Ui;

use super::{field_ui, heading_ui, item_list_ui, notes_ui, region_link_ui};
use crate::app::context::{ClickAction, Command, UiLayout, ViewCtx};
use crate::corpus::Item;
use crate::corpus::display::region_name;

/// The row at `position` in `regional_table.rows`.
pub(super) fn table_row_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(row) = ctx.corpus.file.regional_table.rows.get(position) else {
        return;
    };
    heading_ui(ctx, ui, "Table row", &row.cooperating_entities, layout);
    field_ui(ctx, ui, "Region", &region_name(ctx.corpus, &row.region));
    field_ui(ctx, ui, "Cooperative efforts", &row.cooperative_efforts);
    field_ui(ctx, ui, "Liberalism key concept", &row.key_concept);
    field_ui(ctx, ui, "References", &row.references_text);
    if layout == UiLayout::Tooltip {
        return;
    }
    if ui.button("Show in table").clicked() {
        ctx.send(Command::Reveal(Item::TableRow(position)));
    }
    region_link_ui(ctx, ui, &row.region);
    item_list_ui(
        ctx,
        ui,
        "Entities",
        row.entities
            .iter()
            .filter_map(|id| ctx.corpus.file.entities.iter().position(|e| &e.id == id))
            .map(Item::Entity),
        ClickAction::Select,
    );
    item_list_ui(
        ctx,
        ui,
        "Reference-list entries",
        row.references
            .iter()
            .filter_map(|id| ctx.corpus.reference_by_id(id))
            .map(Item::Reference),
        ClickAction::Select,
    );
    notes_ui(ctx, ui, Item::TableRow(position), layout);
}

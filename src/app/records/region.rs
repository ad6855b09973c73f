//! A region or group: how many rows, cases and entities it has, and which.

use eframe::egui::{RichText, Ui};

use super::{heading_ui, item_list_ui};
use crate::app::context::{ClickAction, UiLayout, ViewCtx};
use crate::corpus::{Item, ItemKind, counted};

/// The region at `position` in `regions`.
pub(super) fn region_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(region) = ctx.corpus.file.regions.get(position) else {
        return;
    };
    let index = &ctx.corpus.index;
    heading_ui(ctx, ui, "Region", &region.name, layout);
    let rows = index.linked(Item::Region(position), ItemKind::TableRow);
    let cases = index.linked(Item::Region(position), ItemKind::Case);
    let entities = index.entities_of_region(position);
    ui.label(
        RichText::new(format!(
            "{} · {} · {}",
            counted(rows.len(), "table row"),
            counted(cases.len(), "case"),
            counted(entities.len(), "entity")
        ))
        .color(ctx.theme.muted_text),
    );
    if layout == UiLayout::Tooltip {
        return;
    }
    item_list_ui(
        ctx,
        ui,
        "Table rows",
        rows.iter().map(|&row| Item::TableRow(row)),
        ClickAction::Reveal,
    );
    item_list_ui(
        ctx,
        ui,
        "Cases",
        cases.iter().map(|&case| Item::Case(case)),
        ClickAction::Reveal,
    );
    item_list_ui(
        ctx,
        ui,
        "Entities",
        entities.iter().map(|&entity| Item::Entity(entity)),
        ClickAction::Select,
    );
}

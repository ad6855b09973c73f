//! An entity (organisation, agreement, person …): description, aliases, regions, where the
//! text names it, its cases and table rows.

use eframe::egui::{self, RichText, Ui};

use super::{
    SHOWN, field_ui, heading_ui, item_list_ui, linked_items_ui, mention_passage_ui, more_ui,
    notes_ui, subheading_ui,
};
use crate::app::context::{ClickAction, UiLayout, ViewCtx};
use crate::corpus::display::times_in_text;
use crate::corpus::{Item, ItemKind};

/// The entity at `position` in `entities`.
pub(super) fn entity_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(entity) = ctx.corpus.file.entities.get(position) else {
        return;
    };
    let index = &ctx.corpus.index;
    heading_ui(ctx, ui, entity.kind.label(), &entity.name, layout);
    ui.add(egui::Label::new(&entity.description).wrap());
    let mentions = index
        .entity_mentions
        .get(position)
        .map_or(&[][..], Vec::as_slice);
    if layout == UiLayout::Tooltip {
        ui.label(
            RichText::new(times_in_text("Named", mentions.len()))
                .small()
                .color(ctx.theme.muted_text),
        );
        return;
    }
    let aliases: Vec<&str> = entity
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| *a != entity.name)
        .collect();
    field_ui(ctx, ui, "Also written", &aliases.join(" · "));
    // The corpus author's year, not the paper's: the citation check compares cited works with it.
    let since = entity
        .start_year()
        .map(|year| format!("{year} (editorial, not from the paper)"))
        .unwrap_or_default();
    field_ui(ctx, ui, "Since", &since);
    item_list_ui(
        ctx,
        ui,
        "Regions",
        entity
            .regions
            .iter()
            .filter_map(|id| ctx.corpus.region_by_id(id))
            .map(Item::Region),
        ClickAction::Select,
    );
    notes_ui(ctx, ui, Item::Entity(position), layout);
    subheading_ui(ctx, ui, &format!("Mentions ({})", mentions.len()));
    more_ui(ctx, ui, mentions.len());
    for mention in mentions.iter().take(SHOWN) {
        mention_passage_ui(ctx, ui, mention.paragraph, mention.range.clone());
    }
    linked_items_ui(
        ctx,
        ui,
        Item::Entity(position),
        &[
            ("Cases", ItemKind::Case),
            ("Table rows", ItemKind::TableRow),
        ],
    );
}

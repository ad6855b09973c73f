//! A case study or example: where, who, what, and the passages of the paper about it.

use eframe::egui::{self, RichText, Ui};

use super::{
    field_ui, heading_ui, item_list_ui, notes_ui, passage_ui, place_ui, region_link_ui,
    subheading_ui,
};
use crate::app::context::{ClickAction, UiLayout, ViewCtx};
use crate::corpus::display::region_name;
use crate::corpus::model::CaseKind;
use crate::corpus::{Item, ItemKind};

/// The case at `position` in `cases`.
pub(super) fn case_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(case) = ctx.corpus.file.cases.get(position) else {
        return;
    };
    let kind = match case.kind {
        CaseKind::CaseStudy => "Case study",
        CaseKind::Example => "Example",
    };
    heading_ui(ctx, ui, kind, &case.title, layout);
    if let Some(region) = &case.region {
        field_ui(ctx, ui, "Region", &region_name(ctx.corpus, region));
    }
    field_ui(ctx, ui, "Countries", &case.countries.join(", "));
    field_ui(ctx, ui, "Forms of exploitation", &case.forms.join(", "));
    ui.add(egui::Label::new(&case.summary).wrap());
    if layout == UiLayout::Tooltip {
        return;
    }
    ui.label(
        RichText::new("Summary written by the corpus author.")
            .small()
            .italics()
            .color(ctx.theme.muted_text),
    );
    if let Some(region) = &case.region {
        region_link_ui(ctx, ui, region);
    }
    let index = &ctx.corpus.index;
    subheading_ui(ctx, ui, "In the paper's words");
    for &paragraph in index.linked(Item::Case(position), ItemKind::Paragraph) {
        let Some(info) = index.paragraphs.get(paragraph) else {
            continue;
        };
        place_ui(ctx, ui, paragraph);
        passage_ui(
            ctx,
            ui,
            RichText::new(&info.printed).font(ctx.theme.reading_font()),
            paragraph,
        );
    }
    item_list_ui(
        ctx,
        ui,
        "Sources",
        case.references
            .iter()
            .filter_map(|id| ctx.corpus.reference_by_id(id))
            .map(Item::Reference),
        ClickAction::Select,
    );
    item_list_ui(
        ctx,
        ui,
        "Entities",
        case.entities
            .iter()
            .filter_map(|id| ctx.corpus.file.entities.iter().position(|e| &e.id == id))
            .map(Item::Entity),
        ClickAction::Select,
    );
    notes_ui(ctx, ui, Item::Case(position), layout);
}

//! A section: its heading, how long it is, how it begins, its subsections, where the text
//! names it ("Section 3", "§3").

use eframe::egui::{self, RichText, Ui};

use super::{heading_ui, item_list_ui, named_in_ui};
use crate::app::context::{ClickAction, Command, UiLayout, ViewCtx};
use crate::corpus::display::{excerpt, section_heading};
use crate::corpus::model::SectionKind;
use crate::corpus::{Item, counted};

/// The section at `position` in `sections`.
pub(super) fn section_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(section) = ctx.corpus.file.sections.get(position) else {
        return;
    };
    let kind = match section.kind {
        SectionKind::Section => "Section",
        SectionKind::Box => "Box",
    };
    heading_ui(ctx, ui, kind, &section_heading(section), layout);
    let index = &ctx.corpus.index;
    let paragraphs = index
        .section_paragraphs
        .get(position)
        .cloned()
        .unwrap_or_default();
    ui.label(RichText::new(counted(paragraphs.len(), "paragraph")).color(ctx.theme.muted_text));
    if let Some(first) = index
        .paragraphs
        .get(paragraphs.start)
        .filter(|_| !paragraphs.is_empty())
    {
        let max_chars = if layout == UiLayout::Tooltip {
            200
        } else {
            400
        };
        ui.add(egui::Label::new(excerpt(&first.printed, max_chars)).wrap());
    }
    if layout == UiLayout::Inspector {
        if ui.button("Show in text").clicked() {
            ctx.send(Command::Reveal(Item::Section(position)));
        }
        item_list_ui(
            ctx,
            ui,
            "Subsections",
            index
                .section_children
                .get(position)
                .into_iter()
                .flatten()
                .map(|&child| Item::Section(child)),
            ClickAction::Reveal,
        );
        named_in_ui(ctx, ui, Item::Section(position));
    }
}

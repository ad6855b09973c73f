//! An in-text citation group: the sentence that cites, and the references it cites.

use eframe::egui::{self, RichText, Ui};

use super::checks::checks_section_ui;
use super::{formatted_ui, heading_ui, item_list_ui, notes_ui};
use crate::app::citation_form::sentence_text;
use crate::app::context::{ClickAction, Command, UiLayout, ViewCtx};
use crate::corpus::Item;
use crate::corpus::cite;
use crate::corpus::display::item_title;

/// The citation group at `position` in reading order.
pub(super) fn citation_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let index = &ctx.corpus.index;
    let Some(citation) = index.citations.get(position) else {
        return;
    };
    heading_ui(
        ctx,
        ui,
        "Citation",
        &item_title(ctx.corpus, Item::Citation(position)),
        layout,
    );
    let sentence = sentence_text(ctx, position);
    if !sentence.is_empty() {
        ui.add(egui::Label::new(RichText::new(sentence).italics()).wrap());
    }
    if layout == UiLayout::Tooltip {
        for &position in &citation.references {
            let Some(reference) = ctx.corpus.file.references.get(position) else {
                continue;
            };
            // The entry as the paper prints it, or else in the chosen style.
            let mut entry = cite::printed_entry(reference).unwrap_or_else(|| {
                ctx.citations
                    .get(ctx.corpus, position, &ctx.citation_style)
                    .0
            });
            if let Some(number) = ctx.corpus.printed_number(position) {
                entry.0.insert(0, cite::Span::plain(format!("[{number}] ")));
            }
            formatted_ui(ui, &entry, None);
        }
        checks_section_ui(ctx, ui, Item::Citation(position), layout);
        return;
    }
    if ui.button("Show in text").clicked() {
        ctx.send(Command::Reveal(Item::Citation(position)));
    }
    item_list_ui(
        ctx,
        ui,
        "Cites",
        citation.references.iter().map(|&r| Item::Reference(r)),
        ClickAction::Select,
    );
    checks_section_ui(ctx, ui, Item::Citation(position), layout);
    notes_ui(ctx, ui, Item::Paragraph(citation.paragraph), layout);
}

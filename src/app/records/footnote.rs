//! A footnote of the running text: its marker, its text, the paragraphs that point to it and
//! the works it cites.

use eframe::egui::{self, Ui};

use super::{heading_ui, linked_items_ui, notes_ui};
use crate::app::context::{UiLayout, ViewCtx};
use crate::corpus::{Item, ItemKind};

/// The footnote at `position` in `footnotes`.
pub(super) fn footnote_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(footnote) = ctx.corpus.file.footnotes.get(position) else {
        return;
    };
    heading_ui(
        ctx,
        ui,
        "Footnote",
        &format!("Footnote {}", footnote.shown_marker()),
        layout,
    );
    ui.add(egui::Label::new(&footnote.text).wrap());
    if layout == UiLayout::Tooltip {
        return;
    }
    linked_items_ui(
        ctx,
        ui,
        Item::Footnote(position),
        &[
            ("Marked in", ItemKind::Paragraph),
            ("Figures whose caption marks it", ItemKind::Figure),
            ("Works it cites", ItemKind::Reference),
        ],
    );
    notes_ui(ctx, ui, Item::Footnote(position), layout);
}

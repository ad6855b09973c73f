//! An editorial note on its own (the notes on other records are drawn with them).

use eframe::egui::{self, RichText, Ui};

use super::heading_ui;
use crate::app::context::{UiLayout, ViewCtx};

/// The note at `position` in `notes`, always in full.
pub(super) fn note_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize) {
    let Some(note) = ctx.corpus.file.notes.get(position) else {
        return;
    };
    heading_ui(
        ctx,
        ui,
        "Editorial note",
        note.kind.label(),
        UiLayout::Inspector,
    );
    ui.add(egui::Label::new(RichText::new(&note.text).color(ctx.theme.note_text)).wrap());
}

//! The Inspector (right panel): the selected item, shown fully.

use eframe::egui::{self, RichText, Ui};

use super::context::{UiLayout, ViewCtx};
use super::records::item_ui;

/// The Inspector has no state of its own: it shows the selection.
#[derive(Debug, Default)]
pub struct Inspector;

impl Inspector {
    /// Draws the selected item, or a hint when nothing is selected.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        egui::ScrollArea::vertical()
            .id_salt("inspector")
            .auto_shrink(false)
            .show(ui, |ui| {
                if let Some(item) = ctx.selection.selected {
                    item_ui(ctx, ui, item, UiLayout::Inspector);
                } else {
                    nothing_selected_ui(ctx, ui);
                }
            });
    }
}

/// The hint shown while nothing is selected, with what the corpus holds.
fn nothing_selected_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    ui.label(RichText::new("Inspector").heading());
    ui.add(
        egui::Label::new(
            RichText::new(
                "Click a citation, a reference, a name, a table row or a case to see it here with everything that links to it.",
            )
            .color(ctx.theme.muted_text),
        )
        .wrap(),
    );
    let summary = ctx.corpus.summary();
    ui.add_space(ctx.theme.gap);
    ui.label(
        RichText::new(format!(
            "{} sections · {} paragraphs · {} references · {} citations · {} cases · {} table rows",
            summary.sections,
            summary.paragraphs,
            summary.references,
            summary.citations,
            summary.cases,
            summary.table_rows
        ))
        .small()
        .color(ctx.theme.muted_text),
    );
}

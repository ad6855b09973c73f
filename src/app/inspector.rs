//! The Inspector (right panel): the selected item, shown fully, with the student's notes about it.

use eframe::egui::{self, RichText, Ui};

use super::context::{UiLayout, ViewCtx};
use super::records::item_ui;
use super::study_notes::{item_notes_ui, notes_link_ui};
use crate::corpus::counted;

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
                ctx.keyboard_scroll_ui(ui);
                if let Some(item) = ctx.selection.selected {
                    notes_link_ui(ctx, ui, item);
                    item_ui(ctx, ui, item, UiLayout::Inspector);
                    item_notes_ui(ctx, ui, item);
                } else {
                    nothing_selected_ui(ctx, ui);
                }
            });
    }
}

/// The hint shown while nothing is selected, with what the corpus holds.
fn nothing_selected_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    // A bibliography on its own, or a paper without its text, has only references to click,
    // if any.
    let hint = if ctx.corpus.has_text() {
        "Click a citation, a reference, a table row, a figure or a name to see it here with everything that links to it."
    } else if ctx.corpus.file.references.is_empty() {
        "Nothing to select: the file gives the paper's front matter only."
    } else {
        "Click a reference to see it here: its fields, its links and how to copy it."
    };
    ui.add(egui::Label::new(RichText::new(hint).color(ctx.theme.muted_text)).wrap());
    let s = ctx.corpus.summary();
    ui.add_space(ctx.theme.gap);
    // What this corpus holds, leaving out the kinds it has none of.
    let counts: Vec<String> = [
        (s.sections, "section"),
        (s.paragraphs, "paragraph"),
        (s.references, "reference"),
        (s.citations, "citation"),
        (s.tables, "table"),
        (s.figures, "figure"),
        (s.footnotes, "footnote"),
        (s.cases, "case"),
        (s.series_points, "data point"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, noun)| counted(n, noun))
    .collect();
    ui.add(
        egui::Label::new(
            RichText::new(counts.join(" · "))
                .small()
                .color(ctx.theme.muted_text),
        )
        .wrap(),
    );
}

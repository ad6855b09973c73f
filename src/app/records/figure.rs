//! A figure: its label and caption, whether the corpus has its image, the words printed inside
//! it when the source gives them as text, the paragraphs that name it, the references its
//! caption cites, its source line and the series drawn from it.

use eframe::egui::{self, RichText, Ui};

use super::{caption_heading_ui, linked_items_ui, named_in_ui, notes_ui, subheading_ui};
use crate::app::context::{UiLayout, ViewCtx};
use crate::corpus::{Item, ItemKind};

/// The figure at `position` in `figures`.
pub(super) fn figure_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(figure) = ctx.corpus.file.figures.get(position) else {
        return;
    };
    let (heading, legend) = figure.heading_and_legend();
    caption_heading_ui(
        ctx,
        ui,
        "Figure",
        (&figure.title(), &heading, legend),
        layout,
    );
    let image = match &figure.image {
        Some(image) => format!("Image: {image}"),
        None => crate::app::figure_images::NOT_IN_THE_TEXT.to_owned(),
    };
    ui.label(RichText::new(image).italics().color(ctx.theme.muted_text));
    if layout == UiLayout::Tooltip {
        return;
    }
    if !figure.inner_text.is_empty() {
        subheading_ui(ctx, ui, "Words in the figure");
        ui.label(
            RichText::new("As the file's text gives them, without the picture")
                .small()
                .color(ctx.theme.muted_text),
        );
        ui.add(egui::Label::new(&figure.inner_text).wrap());
    }
    named_in_ui(ctx, ui, Item::Figure(position));
    linked_items_ui(
        ctx,
        ui,
        Item::Figure(position),
        &[
            ("Its caption cites", ItemKind::Reference),
            ("Footnotes its caption marks", ItemKind::Footnote),
            ("Source line", ItemKind::Paragraph),
            ("Series", ItemKind::Series),
        ],
    );
    notes_ui(ctx, ui, Item::Figure(position), layout);
}

//! A table: its label and caption, columns, rows, the notes printed under it and the references
//! its caption and notes cite.

use eframe::egui::{self, RichText, Ui};

use super::{
    caption_heading_ui, field_ui, item_list_ui, linked_items_ui, named_in_ui, notes_ui, place_ui,
};
use crate::app::context::{ClickAction, Command, UiLayout, ViewCtx};
use crate::corpus::{Item, ItemKind};

/// The table at `position` in `tables`.
pub(super) fn table_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let corpus = ctx.corpus;
    let Some(table) = corpus.file.tables.get(position) else {
        return;
    };
    let (heading, legend) = table.heading_and_legend();
    caption_heading_ui(ctx, ui, "Table", (&table.title(), &heading, legend), layout);
    ui.label(RichText::new(table.shape()).color(ctx.theme.muted_text));
    // The spanning headers once each, then the columns' own headers: the full "Men — Baseline
    // CD4 Count — <50" of every column would repeat the spanning ones column after column.
    let spanning = table.spanning_header_rows();
    for (n, header_row) in spanning.iter().enumerate() {
        let spans: Vec<&str> = header_row
            .iter()
            .map(|cell| cell.text)
            .filter(|text| !text.is_empty())
            .collect();
        let label = if spanning.len() > 1 {
            format!("Spanning headers ({})", n + 1)
        } else {
            "Spanning headers".to_owned()
        };
        field_ui(ctx, ui, &label, &spans.join(" · "));
    }
    let columns = table.named_column_headers();
    field_ui(ctx, ui, "Columns", &columns.join(" · "));
    if layout == UiLayout::Tooltip {
        return;
    }
    if ui.button("Show in table view").clicked() {
        ctx.send(Command::Reveal(Item::Table(position)));
    }
    if let Some(paragraph) = table
        .after_paragraph
        .as_deref()
        .and_then(|id| corpus.index.paragraph_by_id(id))
    {
        ui.label(RichText::new("Stands after").strong());
        place_ui(ctx, ui, paragraph);
    }
    for footnote in &table.footnotes {
        ui.add(egui::Label::new(RichText::new(footnote.printed()).small()).wrap());
    }
    named_in_ui(ctx, ui, Item::Table(position));
    linked_items_ui(
        ctx,
        ui,
        Item::Table(position),
        &[("Its caption and notes cite", ItemKind::Reference)],
    );
    let first = corpus.file.first_row_of(position);
    item_list_ui(
        ctx,
        ui,
        "Rows",
        (first..first + table.rows.len()).map(Item::TableRow),
        ClickAction::Reveal,
    );
    notes_ui(ctx, ui, Item::Table(position), layout);
}

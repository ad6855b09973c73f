//! A paragraph of the paper: its printed text, what it cites, the names, tables, figures,
//! sections, equations and cases in it; for a numbered equation, where the text names it.

use eframe::egui::{self, RichText, Ui};

use super::{heading_ui, item_list_ui, linked_items_ui, named_in_ui, notes_ui};
use crate::app::context::{ClickAction, Command, UiLayout, ViewCtx};
use crate::app::reader::shown_equation;
use crate::corpus::display::{excerpt, paragraph_place};
use crate::corpus::model::EquationNotation;
use crate::corpus::{Item, ItemKind};

/// The paragraph at `position` in reading order.
pub(super) fn paragraph_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let index = &ctx.corpus.index;
    let Some(info) = index.paragraphs.get(position) else {
        return;
    };
    heading_ui(
        ctx,
        ui,
        "Paragraph",
        &paragraph_place(ctx.corpus, position),
        layout,
    );
    // An equation reads as a line of text; its TeX or MathML is one click away.
    let equation = ctx
        .corpus
        .paragraph(position)
        .and_then(|p| shown_equation(p).map(|line| (line, p)));
    let printed = equation
        .as_ref()
        .map_or(info.printed.as_str(), |(line, _)| line);
    let text = if layout == UiLayout::Tooltip {
        excerpt(printed, 320)
    } else {
        printed.to_owned()
    };
    ui.add(egui::Label::new(RichText::new(text).font(ctx.theme.reading_font())).wrap());
    // Plain text is its own source.
    if let Some((_, source)) = equation
        && layout != UiLayout::Tooltip
        && source.notation != Some(EquationNotation::Text)
    {
        let notation = match source.notation {
            Some(EquationNotation::Mathml) => "MathML",
            _ => "TeX",
        };
        egui::CollapsingHeader::new(format!("{notation} source"))
            .id_salt(("mathml-source", position))
            .show(ui, |ui| {
                ui.add(
                    egui::Label::new(RichText::new(source.text.trim()).monospace().small()).wrap(),
                );
            });
    }
    if layout == UiLayout::Tooltip {
        return;
    }
    if ui.button("Show in text").clicked() {
        ctx.send(Command::Reveal(Item::Paragraph(position)));
    }
    notes_ui(ctx, ui, Item::Paragraph(position), layout);
    let mut cited: Vec<usize> = info
        .citations
        .clone()
        .filter_map(|c| index.citations.get(c))
        .flat_map(|c| c.references.iter().copied())
        .collect();
    cited.dedup();
    item_list_ui(
        ctx,
        ui,
        "Cites",
        cited.into_iter().map(Item::Reference),
        ClickAction::Select,
    );
    let mut entities: Vec<usize> = info.mentions.iter().map(|m| m.entity).collect();
    entities.sort_unstable();
    entities.dedup();
    item_list_ui(
        ctx,
        ui,
        "Names",
        entities.into_iter().map(Item::Entity),
        ClickAction::Select,
    );
    let mut floats: Vec<Item> = info.floats.iter().map(|m| m.item).collect();
    floats.sort_unstable();
    floats.dedup();
    // Sections and equations are places in the text: a click goes there.
    let (places, floats): (Vec<Item>, Vec<Item>) = floats
        .into_iter()
        .partition(|item| matches!(item, Item::Section(_) | Item::Paragraph(_)));
    item_list_ui(ctx, ui, "Tables and figures", floats, ClickAction::Select);
    item_list_ui(
        ctx,
        ui,
        "Sections and equations it names",
        places,
        ClickAction::Reveal,
    );
    named_in_ui(ctx, ui, Item::Paragraph(position));
    linked_items_ui(
        ctx,
        ui,
        Item::Paragraph(position),
        &[("Cases", ItemKind::Case)],
    );
}

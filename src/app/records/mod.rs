//! One way to draw each record kind, parameterised by where it is drawn ([`UiLayout`]):
//! a list row, a hover preview card, or the full inspector view.
//!
//! Each kind has its own file with one `*_ui` function; this module dispatches on [`Item`] and
//! holds the small widgets they share. The text they show (titles, places, values) comes from
//! [`crate::corpus::display`].

mod case;
mod checks;
mod citation;
mod entity;
mod figure;
mod flag;
mod footnote;
mod note;
mod paragraph;
mod reference;
mod region;
mod section;
mod series;
mod table;
mod table_row;

pub use checks::{SUPPORT_QUESTION, SUPPORT_QUESTION_REFERENCE};
pub use flag::{flag_label, flag_ui};
pub use reference::{
    COPY_PRINTED_LIST, copy_bibliography, copy_bibliography_label, copy_list, copy_reference_label,
    printed_list, reference_links, reference_menu_ui, styled_list,
};

use std::ops::Range;

use eframe::egui::{self, Color32, Response, RichText, Sense, Ui};

use super::context::{ClickAction, UiLayout, ViewCtx};
use super::study_notes::tooltip_notes_ui;
use crate::corpus::cite::Formatted;
use crate::corpus::display::{excerpt, item_title, mention_context, paragraph_place};
use crate::corpus::{Item, ItemKind};

/// Draws `item` as a tooltip card or in the inspector (a list row is [`item_row_ui`]).
pub fn item_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item, layout: UiLayout) {
    if layout == UiLayout::ListRow {
        item_row_ui(ctx, ui, item, ClickAction::Select);
        return;
    }
    match item {
        Item::Reference(r) => reference::reference_ui(ctx, ui, r, layout),
        Item::Citation(c) => citation::citation_ui(ctx, ui, c, layout),
        Item::Paragraph(p) => paragraph::paragraph_ui(ctx, ui, p, layout),
        Item::Section(s) => section::section_ui(ctx, ui, s, layout),
        Item::Entity(e) => entity::entity_ui(ctx, ui, e, layout),
        Item::Region(r) => region::region_ui(ctx, ui, r, layout),
        Item::Case(c) => case::case_ui(ctx, ui, c, layout),
        Item::TableRow(t) => table_row::table_row_ui(ctx, ui, t, layout),
        Item::Series(s) => series::series_ui(ctx, ui, s, layout),
        Item::SeriesPoint { series, point } => {
            series::series_point_ui(ctx, ui, series, point, layout);
        }
        Item::Note(n) => note::note_ui(ctx, ui, n),
        Item::Table(t) => table::table_ui(ctx, ui, t, layout),
        Item::Figure(f) => figure::figure_ui(ctx, ui, f, layout),
        Item::Footnote(f) => footnote::footnote_ui(ctx, ui, f, layout),
    }
    if layout == UiLayout::Tooltip {
        tooltip_notes_ui(ctx, ui, item);
    }
}

/// A one-line, clickable row for `item`, marked when selected or related to the selection.
pub fn item_row_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item, action: ClickAction) -> Response {
    let title = item_title(ctx.corpus, item);
    let mut text = RichText::new(title);
    if ctx.is_highlighted(item) && !ctx.is_selected(item) {
        text = text.background_color(ctx.theme.highlight_fill);
    } else if ctx.is_hover_highlighted(item) && !ctx.is_selected(item) {
        text = text.background_color(ctx.theme.hover_fill);
    }
    let response = ui.add(
        egui::Button::selectable(ctx.is_selected(item), text)
            .wrap_mode(egui::TextWrapMode::Truncate),
    );
    ctx.item_response(ui, response, item, action)
}

/// How many entries a list in the inspector shows before saying how many more there are.
const SHOWN: usize = 100;

/// "… and N more" under a list cut at [`SHOWN`] entries.
fn more_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, total: usize) {
    if total > SHOWN {
        ui.label(
            RichText::new(format!(
                "… and {} more; search (Ctrl+K) to find one",
                total - SHOWN
            ))
            .small()
            .italics()
            .color(ctx.theme.muted_text),
        );
    }
}

/// The kind in small capitals over the record's title (a heading in the inspector).
fn heading_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, kind: &str, title: &str, layout: UiLayout) {
    ui.label(
        RichText::new(kind.to_uppercase())
            .small()
            .color(ctx.theme.muted_text),
    );
    if layout == UiLayout::Inspector {
        ui.add(egui::Label::new(RichText::new(title).heading()).wrap());
    } else {
        ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
    }
}

/// A figure's or table's heading: in the inspector the label and the caption's first sentence
/// over the rest of the caption in body type, so a long legend does not fill the panel in
/// heading type; in a tooltip that heading over the legend's first lines; in a row the title.
fn caption_heading_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    kind: &str,
    (title, heading, legend): (&str, &str, &str),
    layout: UiLayout,
) {
    /// The lines of a legend a tooltip shows.
    const TOOLTIP_LEGEND_ROWS: usize = 4;
    match layout {
        UiLayout::ListRow => heading_ui(ctx, ui, kind, title, layout),
        UiLayout::Inspector => {
            heading_ui(ctx, ui, kind, heading, layout);
            if !legend.is_empty() {
                ui.add(egui::Label::new(legend).wrap());
            }
        }
        UiLayout::Tooltip => {
            heading_ui(ctx, ui, kind, heading, layout);
            if !legend.is_empty() {
                let mut job = egui::text::LayoutJob::simple(
                    legend.to_owned(),
                    egui::TextStyle::Body.resolve(ui.style()),
                    ui.visuals().text_color(),
                    ui.available_width(),
                );
                job.wrap.max_rows = TOOLTIP_LEGEND_ROWS;
                ui.add(egui::Label::new(job).wrap());
            }
        }
    }
}

/// `label: value` on one wrapped line, the value alone when the label is blank; nothing when the
/// value is empty.
fn field_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, label: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        // A value without a name (a table's column of row names, printed without a header)
        // stands alone.
        if !label.trim().is_empty() {
            ui.label(RichText::new(format!("{label}:")).color(ctx.theme.muted_text));
        }
        ui.add(egui::Label::new(value).wrap());
    });
}

/// A strong subheading after a gap.
fn subheading_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, text: &str) {
    ui.add_space(ctx.theme.gap);
    ui.label(RichText::new(text).strong());
}

/// A small, muted line naming where a passage is (`"4.1 Discussion, ¶ 2"`).
fn place_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, paragraph: usize) {
    ui.label(
        RichText::new(paragraph_place(ctx.corpus, paragraph))
            .small()
            .color(ctx.theme.muted_text),
    );
}

/// A clickable passage that reveals its paragraph in the text.
fn passage_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, text: impl Into<egui::WidgetText>, paragraph: usize) {
    let response = ui.add(egui::Label::new(text).wrap().sense(Sense::click()));
    ctx.item_response(
        ui,
        response,
        Item::Paragraph(paragraph),
        ClickAction::Reveal,
    );
}

/// Where the text names a table, figure, numbered section or equation (`item`) by its label:
/// each paragraph's place and the words around the name, a click reveals the paragraph
/// (nothing when the text never names it).
fn named_in_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item) {
    let index = &ctx.corpus.index;
    let paragraphs = index.paragraphs_naming(item);
    if paragraphs.is_empty() {
        return;
    }
    subheading_ui(
        ctx,
        ui,
        &format!("Named in the text ({})", paragraphs.len()),
    );
    for &paragraph in paragraphs.iter().take(SHOWN) {
        let mark = index
            .paragraphs
            .get(paragraph)
            .and_then(|info| info.floats.iter().find(|m| m.item == item));
        if let Some(mark) = mark {
            mention_passage_ui(ctx, ui, paragraph, mark.range.clone());
        }
    }
    more_ui(ctx, ui, paragraphs.len());
}

/// Where a paragraph mentions something (`range` of its printed text): the paragraph's place
/// over the words around the mention, a click reveals the paragraph.
fn mention_passage_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, paragraph: usize, range: Range<usize>) {
    let Some(info) = ctx.corpus.index.paragraphs.get(paragraph) else {
        return;
    };
    place_ui(ctx, ui, paragraph);
    passage_ui(ctx, ui, mention_context(&info.printed, range), paragraph);
}

/// Rows for a list of items under a subheading (nothing when empty).
fn item_list_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    heading: &str,
    items: impl IntoIterator<Item = Item>,
    action: ClickAction,
) {
    let items: Vec<Item> = items.into_iter().collect();
    if items.is_empty() {
        return;
    }
    subheading_ui(ctx, ui, &format!("{heading} ({})", items.len()));
    for &item in items.iter().take(SHOWN) {
        item_row_ui(ctx, ui, item, action);
    }
    more_ui(ctx, ui, items.len());
}

/// For each `(heading, kind)`, the records of that kind `from` links to, as a list under the
/// heading (nothing when there are none); a click reveals the record in its view.
fn linked_items_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, from: Item, lists: &[(&str, ItemKind)]) {
    for &(heading, kind) in lists {
        item_list_ui(
            ctx,
            ui,
            heading,
            ctx.corpus
                .index
                .linked(from, kind)
                .iter()
                .filter_map(|&position| Item::of_kind(kind, position)),
            ClickAction::Reveal,
        );
    }
}

/// The region a record names by id, as a one-row "Region" list (nothing for an unknown id).
fn region_link_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, region_id: &str) {
    if let Some(region) = ctx.corpus.region_by_id(region_id) {
        item_list_ui(
            ctx,
            ui,
            "Region",
            [Item::Region(region)],
            ClickAction::Select,
        );
    }
}

/// Formatted text with italic and superscript spans (a superscript in the small type, raised).
pub fn formatted_ui(ui: &mut Ui, formatted: &Formatted, color: Option<Color32>) {
    let mut job = egui::text::LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let raised = egui::TextStyle::Small.resolve(ui.style());
    let color = color.unwrap_or_else(|| ui.visuals().text_color());
    for span in &formatted.0 {
        let (font_id, valign) = if span.superscript {
            (raised.clone(), egui::Align::TOP)
        } else {
            (font.clone(), egui::Align::BOTTOM)
        };
        job.append(
            &span.text,
            0.0,
            egui::TextFormat {
                font_id,
                color,
                italics: span.italic,
                valign,
                ..Default::default()
            },
        );
    }
    ui.add(egui::Label::new(job).wrap());
}

/// Editorial notes about `item`, set apart from the paper's words.
fn notes_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item, layout: UiLayout) {
    for &note in ctx.corpus.index.notes_for(item) {
        let Some(note) = ctx.corpus.file.notes.get(note) else {
            continue;
        };
        egui::Frame::new()
            .fill(ctx.theme.note_fill)
            .corner_radius(ctx.theme.radius)
            .inner_margin(ctx.theme.gap)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!("Editorial note · {}", note.kind.label()))
                        .small()
                        .strong()
                        .color(ctx.theme.note_text),
                );
                let text = if layout == UiLayout::Tooltip {
                    excerpt(&note.text, 220)
                } else {
                    note.text.clone()
                };
                ui.add(egui::Label::new(RichText::new(text).color(ctx.theme.note_text)).wrap());
                if layout == UiLayout::Inspector {
                    ui.label(
                        RichText::new("Added by the corpus author; not the paper's words.")
                            .small()
                            .italics()
                            .color(ctx.theme.muted_text),
                    );
                }
            });
    }
}

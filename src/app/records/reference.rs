//! A reference-list entry: styled citation, the paper's own entry, where it is cited, its
//! CSL-JSON fields.

use eframe::egui::{self, RichText, Sense, Ui};

use super::checks::checks_section_ui;
use super::{
    SHOWN, formatted_ui, heading_ui, linked_items_ui, more_ui, notes_ui, place_ui, subheading_ui,
};
use crate::app::citation_form::sentence_text;
use crate::app::context::{ClickAction, Command, UiLayout, ViewCtx, doi_url};
use crate::app::style_picker::style_picker_button_ui;
use crate::corpus::cite;
use crate::corpus::display::{reference_label, times_in_text};
use crate::corpus::model::Reference;
use crate::corpus::{Item, ItemKind};
use crate::formats::styles::{self, ListEntry, to_html};

/// The reference at `position` in the reference list.
pub(super) fn reference_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(reference) = ctx.corpus.file.references.get(position) else {
        return;
    };
    let index = &ctx.corpus.index;
    heading_ui(
        ctx,
        ui,
        "Reference",
        &reference_label(ctx.corpus, position),
        layout,
    );
    let (styled, in_text) = ctx.citations.get(ctx.corpus, position, &ctx.citation_style);
    formatted_ui(ui, &styled, None);
    let citing = index.linked(Item::Reference(position), ItemKind::Citation);
    if layout == UiLayout::Tooltip {
        if ctx.corpus.has_text() {
            ui.label(
                RichText::new(times_in_text("Cited", citing.len()))
                    .small()
                    .color(ctx.theme.muted_text),
            );
        }
        checks_section_ui(ctx, ui, Item::Reference(position), layout);
        notes_ui(ctx, ui, Item::Reference(position), layout);
        return;
    }
    actions_ui(ctx, ui, position, reference, &in_text);
    // Only what the paper's list prints: a list paperlens never saw printed (a JATS
    // `element-citation`, Markdown's bibliography) shows the chosen style above, nothing else.
    if let Some(printed) = cite::printed_entry(reference) {
        ui.label(
            RichText::new("As the paper's reference list prints it")
                .small()
                .color(ctx.theme.muted_text),
        );
        formatted_ui(ui, &printed, Some(ctx.theme.muted_text));
    }
    notes_ui(ctx, ui, Item::Reference(position), layout);

    // A bibliography on its own, or a paper without its text, has no text to be cited in.
    if ctx.corpus.has_text() {
        cited_in_ui(ctx, ui, citing);
    }
    // After the sentences that cite it: its flags are about them.
    checks_section_ui(ctx, ui, Item::Reference(position), layout);
    linked_items_ui(
        ctx,
        ui,
        Item::Reference(position),
        &[
            ("Figures whose caption cites it", ItemKind::Figure),
            ("Tables whose caption or notes cite it", ItemKind::Table),
            ("Footnotes that cite it", ItemKind::Footnote),
            ("Cases", ItemKind::Case),
            ("Table rows", ItemKind::TableRow),
            ("Series", ItemKind::Series),
        ],
    );
    csl_fields_ui(ctx, ui, reference);
}

/// The style picker, the in-text form, the Copy menu (this reference, the whole bibliography)
/// and the reference's links.
fn actions_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    position: usize,
    reference: &Reference,
    in_text: &str,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Style").color(ctx.theme.muted_text));
        style_picker_button_ui(ctx, ui, "inspector");
        ui.label(RichText::new(format!("In text: {in_text}")).color(ctx.theme.muted_text));
    });
    ui.horizontal_wrapped(|ui| {
        ui.menu_button("Copy…", |ui| reference_menu_ui(ctx, ui, position))
            .response
            .on_hover_text(format!(
                "Copy this reference, or the whole bibliography, as {} prints it (formatted \
                 text, italics kept, and plain text)",
                ctx.citation_style.label
            ));
        for (label, url) in reference_links(reference) {
            ctx.url_ui(ui, &label, &url);
        }
    });
}

/// "Copy this reference (APA 7th)": the button and menu entry copying one reference.
#[must_use]
pub fn copy_reference_label(ctx: &ViewCtx<'_>) -> String {
    format!("Copy this reference ({})", ctx.citation_style.label)
}

/// "Copy the whole bibliography (APA 7th)": the button and menu entry copying every reference.
#[must_use]
pub fn copy_bibliography_label(ctx: &ViewCtx<'_>) -> String {
    format!("Copy the whole bibliography ({})", ctx.citation_style.label)
}

/// "Copy the whole list as the paper prints it": the button and menu entry copying the
/// paper's own reference list.
pub const COPY_PRINTED_LIST: &str = "Copy the whole list as the paper prints it";

/// The context menu of a reference wherever it is listed: copy it or the whole bibliography in
/// the chosen style, or as the paper's list prints them where the corpus keeps that.
pub fn reference_menu_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize) {
    if ui.button(copy_reference_label(ctx)).clicked() {
        let (styled, _) = ctx.citations.get(ctx.corpus, position, &ctx.citation_style);
        ctx.send(copy_formatted(&styled));
        ui.close();
    }
    if ui.button(copy_bibliography_label(ctx)).clicked() {
        ctx.send(copy_bibliography(ctx));
        ui.close();
    }
    let printed = ctx
        .corpus
        .file
        .references
        .get(position)
        .and_then(cite::printed_entry);
    if let Some(printed) = printed
        && ui
            .button("Copy this reference as the paper prints it")
            .clicked()
    {
        ctx.send(copy_formatted(&printed));
        ui.close();
    }
    if styles::keeps_printed_entries(ctx.corpus) && ui.button(COPY_PRINTED_LIST).clicked() {
        ctx.send(copy_list(&printed_list(ctx)));
        ui.close();
    }
}

/// The copy of one entry, as HTML (italics kept) and as plain text.
fn copy_formatted(entry: &cite::Formatted) -> Command {
    Command::CopyRich {
        html: to_html(entry),
        text: entry.to_plain_string(),
    }
}

/// The web links of a reference, each with its label: its DOI (`https://doi.org/…`), its web
/// page, its arXiv id (`https://arxiv.org/abs/…`, from an `eprint` with `eprinttype` arXiv or an
/// `arxiv` field).
#[must_use]
pub fn reference_links(reference: &Reference) -> Vec<(String, String)> {
    let mut links = Vec::new();
    if let Some(url) = doi_url(&reference.doi) {
        links.push((format!("DOI {}", reference.doi.trim()), url));
    }
    if !reference.url.trim().is_empty() {
        links.push(("Web page".to_owned(), reference.url.trim().to_owned()));
    }
    if let Some(id) = cite::arxiv_id(reference) {
        links.push((format!("arXiv {id}"), format!("https://arxiv.org/abs/{id}")));
    }
    links
}

/// Every citation of the reference, as the sentence that cites it.
fn cited_in_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, citing: &[usize]) {
    let index = &ctx.corpus.index;
    subheading_ui(ctx, ui, &format!("Cited in ({})", citing.len()));
    if citing.is_empty() {
        ui.label(RichText::new("Not cited in the text.").color(ctx.theme.muted_text));
    }
    more_ui(ctx, ui, citing.len());
    for &citation in citing.iter().take(SHOWN) {
        let Some(info) = index.citations.get(citation) else {
            continue;
        };
        place_ui(ctx, ui, info.paragraph);
        let sentence = sentence_text(ctx, citation);
        let mut text = RichText::new(sentence);
        if ctx.is_selected(Item::Citation(citation)) {
            text = text.background_color(ctx.theme.selected_fill);
        }
        let response = ui.add(egui::Label::new(text).wrap().sense(Sense::click()));
        let response =
            ctx.item_response(ui, response, Item::Citation(citation), ClickAction::Reveal);
        response.on_hover_cursor(egui::CursorIcon::PointingHand);
        ui.add_space(ctx.theme.gap * 0.5);
    }
}

/// Every reference in the chosen style, in the order the style sorts them, with the numbers
/// it prints.
#[must_use]
pub fn styled_list(ctx: &ViewCtx<'_>) -> Vec<ListEntry> {
    let styled = ctx.citations.bibliography(ctx.corpus, &ctx.citation_style);
    styles::styled_list(ctx.corpus, &styled)
}

/// The paper's reference list as it prints it, where the corpus keeps the printed entries;
/// the others in the chosen style.
#[must_use]
pub fn printed_list(ctx: &ViewCtx<'_>) -> Vec<ListEntry> {
    let styled = ctx.citations.bibliography(ctx.corpus, &ctx.citation_style);
    styles::printed_list(ctx.corpus, &styled)
}

/// The copy of a whole list, as HTML and as plain text (an entry a line).
pub fn copy_list(entries: &[ListEntry]) -> Command {
    Command::CopyRich {
        html: styles::list_html(entries),
        text: styles::list_text(entries),
    }
}

/// The copy of the whole bibliography in the chosen style, as HTML and as plain text.
pub fn copy_bibliography(ctx: &ViewCtx<'_>) -> Command {
    copy_list(&styled_list(ctx))
}

/// The reference's CSL-JSON fields as a two-column grid (empty fields left out).
fn csl_fields_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, reference: &Reference) {
    subheading_ui(ctx, ui, "CSL-JSON fields");
    egui::Grid::new("reference-fields")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |label: &str, value: String| {
                if !value.is_empty() {
                    ui.label(RichText::new(label).color(ctx.theme.muted_text));
                    ui.add(egui::Label::new(value).wrap());
                    ui.end_row();
                }
            };
            row("id", reference.id.clone());
            row("type", reference.item_type.clone());
            row("title", reference.title.clone());
            row("author", cite::author_list(&reference.author));
            row("editor", cite::author_list(&reference.editor));
            row(
                "issued",
                cite::year(reference)
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            );
            row("container-title", reference.container_title.clone());
            row("volume", reference.volume.clone());
            row("issue", reference.issue.clone());
            row("page", reference.page.clone());
            row("publisher", reference.publisher.clone());
            row("publisher-place", reference.publisher_place.clone());
            row("DOI", reference.doi.clone());
            row("URL", reference.url.clone());
            row("note", reference.note.clone());
            // The printed entry is shown above, not again here.
            for (key, value) in &reference.extra_for_others() {
                row(key, cite::field_text(value));
            }
        });
}

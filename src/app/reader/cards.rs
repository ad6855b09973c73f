//! What stands beside the running text in the Reader: tables and figures as cards where the
//! paper puts them, boxes framed apart, and footnotes listed at the end of their section.

use std::hash::Hash;

use eframe::egui::{self, Color32, RichText, Sense, Ui};

use super::find::FindBar;
use super::text::paragraph_ui;
use crate::app::context::{ClickAction, Command, ViewCtx};
use crate::app::figure_images::{FigureImage, decoding_placeholder_ui};
use crate::corpus::display::{column_headers, section_heading};
use crate::corpus::{Item, ItemKind};

/// A bordered card for `item`, clickable as a whole (the controls inside it take their own
/// clicks), named `label` for assistive technology; hovering it previews the record.
fn card_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    item: Item,
    label: &str,
    id_salt: impl Hash + std::fmt::Debug,
    contents: impl FnOnce(&mut Ui),
) -> egui::Response {
    let selected = ctx.is_selected(item);
    let stroke_color = if selected {
        ctx.theme.accent
    } else if ctx.is_highlighted(item) {
        ctx.theme.selected_fill
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke.color
    };
    let fill = if ctx.is_hover_highlighted(item) {
        ctx.theme.hover_fill
    } else {
        ui.visuals().faint_bg_color
    };
    ui.add_space(ctx.theme.gap / 2.0);
    let response = ui
        .scope_builder(
            egui::UiBuilder::new()
                .id_salt(id_salt)
                .sense(Sense::click()),
            |ui| {
                egui::Frame::new()
                    .stroke(egui::Stroke::new(
                        if selected { 2.0 } else { 1.0 },
                        stroke_color,
                    ))
                    .fill(fill)
                    .corner_radius(ctx.theme.radius * 2)
                    .inner_margin(ctx.theme.gap)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), contents);
                    });
            },
        )
        .response
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    ui.add_space(ctx.theme.gap / 2.0);
    ctx.item_response(ui, response, item, ClickAction::Select)
}

/// The small heading line of a card: what it is, muted.
fn kind_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, kind: &str) {
    ui.label(
        RichText::new(kind)
            .small()
            .strong()
            .color(ctx.theme.muted_text),
    );
}

/// The references a figure's or table's caption (or a table's notes) cites, as links after
/// "Cites": the caption prints its markers as the paper does, and these open the references.
fn cited_references_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item) {
    let cited = ctx.corpus.index.linked(item, ItemKind::Reference);
    if cited.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new("Cites")
                .small()
                .strong()
                .color(ctx.theme.muted_text),
        );
        for &position in cited {
            let Some(reference) = ctx.corpus.file.references.get(position) else {
                continue;
            };
            let label = crate::corpus::cite::short_label(reference);
            let response = ui
                .link(RichText::new(&label).small().color(ctx.theme.accent))
                .on_hover_cursor(egui::CursorIcon::PointingHand);
            ctx.item_response(ui, response, Item::Reference(position), ClickAction::Select);
        }
    });
}

/// A table where it stands: its label and caption, its column headers, the references it
/// cites, and a button that shows the whole table in the Table view.
pub(super) fn table_card_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, table: usize) {
    let Some(record) = ctx.corpus.file.tables.get(table) else {
        return;
    };
    let item = Item::Table(table);
    let title = record.title();
    let title = if title.is_empty() {
        record.id.clone()
    } else {
        title
    };
    card_ui(ctx, ui, item, &title, ("table-card", table), |ui| {
        kind_ui(ctx, ui, "TABLE");
        ui.add(egui::Label::new(RichText::new(&title).strong()).wrap());
        // Columns printed without a header (the row labels') have no name to list.
        let mut headers = column_headers(record);
        headers.retain(|header| !header.is_empty());
        if !headers.is_empty() {
            // A compact card: at most two lines of headers (the Table view shows them all).
            let headers = egui::text::LayoutJob::single_section(
                headers.join("  ·  "),
                small_format(ctx, ctx.theme.muted_text),
            );
            clipped_ui(ui, headers, 2);
        }
        cited_references_ui(ctx, ui, item);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(record.shape())
                    .small()
                    .color(ctx.theme.muted_text),
            );
            if ui
                .button("Show in Table view")
                .on_hover_text(format!("Show all of {title} in the Table view"))
                .clicked()
            {
                ctx.send(Command::Reveal(item));
            }
        });
    });
}

/// A figure where it stands: its label and caption, the references it cites, and its image
/// when the corpus has it and it loads; otherwise a line saying why it is not shown.
pub(super) fn figure_card_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, figure: usize) {
    let corpus = ctx.corpus;
    let Some(record) = corpus.file.figures.get(figure) else {
        return;
    };
    let item = Item::Figure(figure);
    let title = record.title();
    card_ui(ctx, ui, item, &title, ("figure-card", figure), |ui| {
        kind_ui(ctx, ui, "FIGURE");
        let room = egui::vec2(ui.available_width(), ctx.theme.reading_width * 0.6);
        let images = ctx.figure_images();
        match images.figure_image(ui.ctx(), &corpus.source_name, record.image.as_deref()) {
            FigureImage::Shown(texture) => {
                ui.add(
                    egui::Image::new((texture.id(), texture.size_vec2()))
                        .max_size(room)
                        .alt_text(title.clone()),
                );
            }
            FigureImage::Decoding(size) => decoding_placeholder_ui(ui, ctx.theme, size, room),
            FigureImage::Missing(missing) => {
                let line = ui.add(
                    egui::Label::new(
                        RichText::new(missing.line)
                            .italics()
                            .color(ctx.theme.muted_text),
                    )
                    .wrap(),
                );
                if let Some(help) = missing.help {
                    line.on_hover_text(help);
                }
                inner_text_ui(ctx, ui, &record.inner_text);
            }
        }
        ui.add(egui::Label::new(RichText::new(&title).strong()).wrap());
        cited_references_ui(ctx, ui, item);
    });
}

/// The words printed inside a figure whose picture is not shown, as the source's text gives
/// them: a compact card shows their first lines (the Inspector shows them all).
fn inner_text_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, inner_text: &str) {
    /// The lines of a figure's words a card shows.
    const CARD_ROWS: usize = 3;
    if inner_text.is_empty() {
        return;
    }
    let mut job = egui::text::LayoutJob::default();
    job.append(
        "Words in the figure: ",
        0.0,
        small_format(ctx, ctx.theme.muted_text),
    );
    job.append(
        inner_text,
        0.0,
        small_format(ctx, ui.visuals().text_color()),
    );
    clipped_ui(ui, job, CARD_ROWS);
}

/// Small type in `color`, as a card's compact lines are set.
fn small_format(ctx: &ViewCtx<'_>, color: egui::Color32) -> egui::TextFormat {
    egui::TextFormat {
        font_id: egui::FontId::proportional(ctx.theme.small_size),
        color,
        ..egui::TextFormat::default()
    }
}

/// `job` wrapped to at most `rows` lines, the rest cut with `…` (a card is compact; the full
/// text stands in another view).
fn clipped_ui(ui: &mut Ui, mut job: egui::text::LayoutJob, rows: usize) {
    job.wrap.max_rows = rows;
    job.wrap.overflow_character = Some('…');
    ui.add(egui::Label::new(job).wrap());
}

/// A box section: its label and title, and its paragraphs, framed apart from the running text.
pub(super) fn box_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, section: usize, find: &FindBar) {
    let corpus = ctx.corpus;
    let Some(record) = corpus.file.sections.get(section) else {
        return;
    };
    let item = Item::Section(section);
    ui.add_space(ctx.theme.gap);
    egui::Frame::new()
        .stroke(egui::Stroke::new(
            if ctx.is_selected(item) { 2.0 } else { 1.0 },
            if ctx.is_selected(item) {
                ctx.theme.accent
            } else {
                ui.visuals().widgets.noninteractive.bg_stroke.color
            },
        ))
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(ctx.theme.radius * 2)
        .inner_margin(ctx.theme.gap)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let background = ctx.is_selected(item).then_some(ctx.theme.selected_fill);
            let heading = section_heading(record);
            let findable = super::text::FindableText {
                text: &heading,
                font: egui::FontId::proportional(ctx.theme.heading_size - 2.0),
                strong: true,
                background,
                found_in: crate::corpus::find::FoundIn::Heading(section),
                sense: Sense::click(),
            };
            let response = super::text::findable_text_ui(ctx, ui, &findable, find);
            ctx.item_response(ui, response, item, ClickAction::Select);
            let paragraphs = corpus
                .index
                .section_paragraphs
                .get(section)
                .cloned()
                .unwrap_or_default();
            for paragraph in paragraphs {
                paragraph_ui(ctx, ui, paragraph, find);
            }
        });
    ui.add_space(ctx.theme.gap / 2.0);
}

/// The footnotes first marked in `section` (or, for `None`, those no paragraph marks), each
/// with its printed marker; clicking one selects it.
pub(super) fn footnotes_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, section: Option<usize>) {
    let corpus = ctx.corpus;
    ui.add_space(ctx.theme.gap / 2.0);
    ui.separator();
    for (position, footnote) in corpus.file.footnotes.iter().enumerate() {
        if super::footnote_section(corpus, position) != section {
            continue;
        }
        let item = Item::Footnote(position);
        let mut text = RichText::new(format!("{} {}", footnote.shown_marker(), footnote.text))
            .size(ctx.theme.small_size);
        if ctx.is_selected(item) {
            text = text.background_color(ctx.theme.selected_fill);
        } else if ctx.is_hover_highlighted(item) {
            text = text.background_color(ctx.theme.hover_fill);
        } else {
            text = text.background_color(Color32::TRANSPARENT);
        }
        let response = ui.add(egui::Label::new(text).wrap().sense(Sense::click()));
        ctx.item_response(ui, response, item, ClickAction::Select);
    }
}

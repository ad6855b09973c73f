//! Paragraph text in the Reader: runs of plain text, entity mentions and citation chips, the
//! highlight the selection gives them, and equations shown as their source.

use std::ops::Range;

use eframe::egui::{self, Color32, RichText, Sense, Ui};

use crate::app::context::{ClickAction, ViewCtx};
use crate::app::state::CitationDisplay;
use crate::corpus::index::{CitationInfo, Segment};
use crate::corpus::model::ParagraphKind;
use crate::corpus::{Corpus, Item, ItemKind};

/// How a run of paragraph text is drawn.
#[derive(Clone, Debug, PartialEq)]
enum Run {
    Text {
        range: Range<usize>,
        background: Option<Color32>,
    },
    Mention {
        entity: usize,
        range: Range<usize>,
        background: Option<Color32>,
    },
    Citation {
        citation: usize,
    },
    /// A footnote marker, shown as the footnote's printed marker.
    Footnote {
        footnote: usize,
    },
}

/// One paragraph: a frame (highlighted when related) holding its runs.
pub(super) fn paragraph_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, paragraph: usize) -> egui::Response {
    let corpus = ctx.corpus;
    let item = Item::Paragraph(paragraph);
    let Some(info) = corpus.index.paragraphs.get(paragraph) else {
        return ui.label("");
    };
    let kind = corpus
        .paragraph(paragraph)
        .map(|p| p.kind)
        .unwrap_or_default();
    let is_figure_source = kind == ParagraphKind::FigureSource;
    let fill = if ctx.is_selected(item) {
        ctx.theme.highlight_fill
    } else if ctx.selected_related.has_paragraph(paragraph) {
        ctx.theme.highlight_fill.gamma_multiply(0.55)
    } else if ctx.hovered_related.has_paragraph(paragraph) {
        ctx.theme.hover_fill
    } else {
        Color32::TRANSPARENT
    };
    let frame = egui::Frame::new()
        .fill(fill)
        .corner_radius(ctx.theme.radius)
        .inner_margin(egui::Margin::symmetric(6, 4));
    if kind == ParagraphKind::Equation {
        return frame
            .show(ui, |ui| equation_ui(ctx, ui, paragraph))
            .response;
    }
    // A figure's source line follows its card, which says whether the image is there; a
    // source line no figure claims says it here.
    let unclaimed_figure_source =
        is_figure_source && corpus.index.linked(item, ItemKind::Figure).is_empty();
    let inner = frame.show(ui, |ui| {
        if unclaimed_figure_source {
            ui.label(
                RichText::new("Figure (image not in the text)")
                    .small()
                    .strong()
                    .color(ctx.theme.muted_text),
            );
        }
        let runs = runs_of(ctx, paragraph);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            ui.spacing_mut().button_padding = egui::vec2(2.0, 0.0);
            let font = if is_figure_source {
                egui::FontId::proportional(ctx.theme.small_size)
            } else {
                ctx.theme.reading_font()
            };
            for run in runs {
                match run {
                    Run::Text { range, background } => {
                        let mut text = RichText::new(info.printed.get(range).unwrap_or_default())
                            .font(font.clone());
                        if let Some(color) = background {
                            text = text.background_color(color);
                        }
                        ui.label(text);
                    }
                    Run::Mention {
                        entity,
                        range,
                        background,
                    } => {
                        // Underlined all the time, so that a mention reads as a link without
                        // relying on colour; the accent underline marks the one pointed at.
                        let text = mention_text(
                            ui,
                            info.printed.get(range).unwrap_or_default(),
                            &font,
                            background,
                            ctx.theme.muted_text,
                        );
                        let response = ui.add(egui::Label::new(text).sense(Sense::click()));
                        if response.hovered() {
                            let rect = response.rect;
                            ui.painter().hline(
                                rect.x_range(),
                                rect.bottom() - 1.0,
                                egui::Stroke::new(1.0, ctx.theme.accent),
                            );
                        }
                        ctx.item_response(ui, response, Item::Entity(entity), ClickAction::Select)
                            .on_hover_cursor(egui::CursorIcon::PointingHand);
                    }
                    Run::Citation { citation } => citation_chips_ui(ctx, ui, citation, &font),
                    Run::Footnote { footnote } => footnote_marker_ui(ctx, ui, footnote, &font),
                }
            }
        });
    });
    inner.response
}

/// An entity mention's text: the reading font and colour, with a thin underline in
/// `underline` and the passage's `background` if it has one.
fn mention_text(
    ui: &Ui,
    text: &str,
    font: &egui::FontId,
    background: Option<Color32>,
    underline: Color32,
) -> egui::text::LayoutJob {
    let format = egui::TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        background: background.unwrap_or(Color32::TRANSPARENT),
        underline: egui::Stroke::new(1.0, underline),
        ..egui::TextFormat::default()
    };
    egui::text::LayoutJob::single_section(text.to_owned(), format)
}

/// A footnote marker: the footnote's printed marker, small and raised; hovering shows the
/// footnote, clicking selects it.
fn footnote_marker_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, footnote: usize, font: &egui::FontId) {
    let Some(record) = ctx.corpus.file.footnotes.get(footnote) else {
        return;
    };
    let item = Item::Footnote(footnote);
    let mut text = RichText::new(record.shown_marker())
        .size(font.size * 0.7)
        .raised()
        .color(ctx.theme.accent);
    if ctx.is_selected(item) {
        text = text.background_color(ctx.theme.selected_fill);
    } else if ctx.is_hover_highlighted(item) {
        text = text.background_color(ctx.theme.hover_fill);
    }
    let response = ui
        .add(egui::Label::new(text).sense(Sense::click()))
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    let label = format!("Footnote {}", record.shown_marker());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
    ctx.item_response(ui, response, item, ClickAction::Select);
}

/// A display equation: its source in monospace as written, its printed label at the right;
/// clicking it selects the paragraph.
fn equation_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, paragraph: usize) {
    let Some(equation) = ctx.corpus.paragraph(paragraph) else {
        return;
    };
    ui.horizontal_top(|ui| {
        let label = equation.label.trim();
        let label_width = if label.is_empty() {
            0.0
        } else {
            ctx.theme.reading_size * 4.0
        };
        let source_width = (ui.available_width() - label_width).max(ctx.theme.reading_size * 8.0);
        ui.allocate_ui_with_layout(
            egui::vec2(source_width, 0.0),
            egui::Layout::top_down(egui::Align::LEFT),
            |ui| {
                let source = egui::Label::new(
                    RichText::new(equation.text.trim())
                        .monospace()
                        .size(ctx.theme.body_size),
                )
                .wrap()
                .sense(Sense::click());
                let response = ui.add(source);
                ctx.item_response(
                    ui,
                    response,
                    Item::Paragraph(paragraph),
                    ClickAction::Select,
                );
            },
        );
        if !label.is_empty() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                ui.label(RichText::new(label).font(ctx.theme.reading_font()));
            });
        }
    });
}

/// One citation chip: `text` on `fill`, a click selects `item`.
fn chip_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    text: impl Into<String>,
    font: &egui::FontId,
    fill: egui::Color32,
    item: Item,
) {
    let button = egui::Button::new(
        RichText::new(text)
            .font(font.clone())
            .color(ctx.theme.accent),
    )
    .fill(fill)
    .corner_radius(ctx.theme.radius)
    .stroke(egui::Stroke::NONE);
    let response = ui.add(button);
    ctx.item_response(ui, response, item, ClickAction::Select);
}

/// The chips of one citation group: `[2]`, `, `, `[4]`; each chip opens its reference. A
/// citation the paper prints otherwise (`[17]–[21]`, `[see 2, p. 33]`, `(Porter, 1995)`) is
/// shown as printed, as one chip that opens the citation.
fn citation_chips_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, citation: usize, font: &egui::FontId) {
    let corpus = ctx.corpus;
    let Some(info) = corpus.index.citations.get(citation) else {
        return;
    };
    let citation_selected = ctx.is_selected(Item::Citation(citation));
    if ctx.citation_display == CitationDisplay::AsPrinted
        && let Some(printed) = printed_otherwise(corpus, info)
    {
        let fill = if citation_selected {
            ctx.theme.selected_fill
        } else if info
            .references
            .iter()
            .any(|&r| ctx.is_hover_highlighted(Item::Reference(r)))
        {
            ctx.theme.hover_fill
        } else {
            ctx.theme.chip_fill
        };
        chip_ui(ctx, ui, printed, font, fill, Item::Citation(citation));
        return;
    }
    for (n, &reference) in info.references.iter().enumerate() {
        let number = corpus
            .index
            .reference_numbers
            .get(reference)
            .copied()
            .unwrap_or(0);
        let label = match ctx.citation_display {
            CitationDisplay::AsPrinted => format!("[{number}]"),
            CitationDisplay::InStyle => ctx.citations.get(corpus, reference, ctx.citation_style).1,
        };
        if n > 0 {
            ui.label(RichText::new(", ").font(font.clone()));
        }
        let item = Item::Reference(reference);
        let fill = if ctx.is_selected(item) || citation_selected {
            ctx.theme.selected_fill
        } else if ctx.is_hover_highlighted(item) {
            ctx.theme.hover_fill
        } else {
            ctx.theme.chip_fill
        };
        chip_ui(ctx, ui, label, font, fill, item);
    }
}

/// The citation's printed text when it is not one `[n]` per reference joined by `, ` (a range,
/// a locator, author and year); `None` when chips per reference show it as printed.
fn printed_otherwise<'c>(corpus: &'c Corpus, info: &CitationInfo) -> Option<&'c str> {
    let printed = corpus
        .index
        .paragraphs
        .get(info.paragraph)?
        .printed
        .get(info.range.clone())?;
    let chips = info
        .references
        .iter()
        .map(|&r| {
            format!(
                "[{}]",
                corpus.index.reference_numbers.get(r).copied().unwrap_or(0)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    (printed != chips).then_some(printed)
}

/// Splits a paragraph into runs: plain text, entity mentions and citations, with the
/// background each gets from the selection (the cited sentence, a year, an entity).
fn runs_of(ctx: &ViewCtx<'_>, paragraph: usize) -> Vec<Run> {
    let corpus = ctx.corpus;
    let Some(info) = corpus.index.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let marks = highlight_ranges(corpus, ctx.selection.selected, paragraph);
    let hover_marks = highlight_ranges(corpus, ctx.selection.hovered, paragraph);
    let background_at = |position: usize| {
        if marks.iter().any(|r| r.contains(&position)) {
            Some(ctx.theme.selected_fill)
        } else if hover_marks.iter().any(|r| r.contains(&position)) {
            Some(ctx.theme.hover_fill)
        } else {
            None
        }
    };
    let mut runs = Vec::new();
    for segment in &info.segments {
        match segment {
            Segment::Citation { citation, .. } => runs.push(Run::Citation {
                citation: *citation,
            }),
            Segment::Text(range) => {
                // Cut points: mention edges and highlight edges inside this segment.
                let mut cuts: Vec<usize> = vec![range.start, range.end];
                for mention in info
                    .mentions
                    .iter()
                    .filter(|m| m.range.start >= range.start && m.range.end <= range.end)
                {
                    cuts.extend([mention.range.start, mention.range.end]);
                }
                let footnote_marks = info
                    .footnotes
                    .iter()
                    .filter(|m| m.range.start >= range.start && m.range.end <= range.end);
                for mark in footnote_marks.clone() {
                    cuts.extend([mark.range.start, mark.range.end]);
                }
                for mark in marks.iter().chain(&hover_marks) {
                    cuts.extend([
                        mark.start.clamp(range.start, range.end),
                        mark.end.clamp(range.start, range.end),
                    ]);
                }
                cuts.sort_unstable();
                cuts.dedup();
                for window in cuts.windows(2) {
                    let (start, end) = match window {
                        [start, end] => (*start, *end),
                        _ => continue,
                    };
                    if start >= end
                        || !info.printed.is_char_boundary(start)
                        || !info.printed.is_char_boundary(end)
                    {
                        continue;
                    }
                    if let Some(mark) = footnote_marks.clone().find(|m| m.range.start == start) {
                        runs.push(Run::Footnote {
                            footnote: mark.footnote,
                        });
                        continue;
                    }
                    if footnote_marks
                        .clone()
                        .any(|m| m.range.start < start && start < m.range.end)
                    {
                        continue;
                    }
                    let background = background_at(start);
                    let mention = info
                        .mentions
                        .iter()
                        .find(|m| m.range.start <= start && end <= m.range.end);
                    runs.push(match mention {
                        Some(mention) => Run::Mention {
                            entity: mention.entity,
                            range: start..end,
                            background,
                        },
                        None => Run::Text {
                            range: start..end,
                            background,
                        },
                    });
                }
            }
        }
    }
    runs
}

/// The byte ranges of a paragraph's printed text to mark for `item`: the sentence of a
/// selected citation, the mentions of a selected entity, the mentions of a year.
fn highlight_ranges(corpus: &Corpus, item: Option<Item>, paragraph: usize) -> Vec<Range<usize>> {
    let Some(item) = item else {
        return Vec::new();
    };
    let index = &corpus.index;
    let Some(info) = index.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    match item {
        Item::Citation(c) => index
            .citations
            .get(c)
            .filter(|citation| citation.paragraph == paragraph)
            .and_then(|citation| info.sentences.get(citation.sentence).cloned())
            .into_iter()
            .collect(),
        Item::Entity(e) => info
            .mentions
            .iter()
            .filter(|m| m.entity == e)
            .map(|m| m.range.clone())
            .collect(),
        Item::SeriesPoint { series, point } => corpus
            .point_year_mentions(series, point)
            .iter()
            .filter(|m| m.paragraph == paragraph)
            .map(|m| m.range.clone())
            .collect(),
        _ => Vec::new(),
    }
}

//! Paragraph text in the Reader: runs of plain text, entity mentions and citation chips, the
//! highlight the selection gives them, and equations shown as their source.

use std::ops::Range;

use eframe::egui::{self, Color32, RichText, Sense, Ui};

use super::find::{FindBar, FindMark};
use crate::app::citation_form::{CitationPart, citation_parts};
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
        find: FindMark,
    },
    Mention {
        entity: usize,
        range: Range<usize>,
        background: Option<Color32>,
        find: FindMark,
    },
    Citation {
        citation: usize,
        find: FindMark,
    },
    /// A footnote marker, shown as the footnote's printed marker.
    Footnote {
        footnote: usize,
    },
}

/// One paragraph: a frame (highlighted when related) holding its runs, the find bar's matches
/// marked.
pub(super) fn paragraph_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    paragraph: usize,
    find: &FindBar,
) -> egui::Response {
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
        let runs = runs_of(ctx, paragraph, &find.marks_in(paragraph));
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            ui.spacing_mut().button_padding = egui::vec2(2.0, 0.0);
            let font = if is_figure_source {
                egui::FontId::proportional(ctx.theme.small_size)
            } else {
                ctx.theme.reading_font()
            };
            for run in runs {
                run_ui(ctx, ui, &info.printed, run, &font, find);
            }
        });
    });
    inner.response
}

/// One run of a paragraph: plain text, an entity mention, a citation's chips or a footnote
/// marker, with its find mark.
fn run_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    printed: &str,
    run: Run,
    font: &egui::FontId,
    find: &FindBar,
) {
    match run {
        Run::Text {
            range,
            background,
            find: mark,
        } => {
            let mut text = RichText::new(printed.get(range).unwrap_or_default()).font(font.clone());
            if let Some(color) = background {
                text = text.background_color(color);
            }
            if mark == FindMark::Current {
                let (_, rect) = label_with_text_rect(ui, egui::Label::new(text), false);
                find_mark_ui(ctx, ui, find, mark, rect);
            } else {
                ui.label(text);
            }
        }
        Run::Mention {
            entity,
            range,
            background,
            find: mark,
        } => {
            // Underlined all the time, so that a mention reads as a link without relying on
            // colour; the accent underline marks the one pointed at.
            let text = mention_text(
                ui,
                printed.get(range).unwrap_or_default(),
                font,
                background,
                ctx.theme.muted_text,
            );
            let label = egui::Label::new(text).sense(Sense::click());
            let response = if mark == FindMark::Current {
                let (response, rect) = label_with_text_rect(ui, label, true);
                find_mark_ui(ctx, ui, find, mark, rect);
                response
            } else {
                ui.add(label)
            };
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
        Run::Citation {
            citation,
            find: mark,
        } => {
            let rect = citation_chips_ui(ctx, ui, citation, font, mark);
            if let Some(rect) = rect {
                find_mark_ui(ctx, ui, find, mark, rect);
            }
        }
        Run::Footnote { footnote } => footnote_marker_ui(ctx, ui, footnote, font),
    }
}

/// A label drawn as egui draws one (without text selection), and where its text stands: in
/// wrapped text a label's response begins where the line before it ended, so it cannot say.
fn label_with_text_rect(
    ui: &mut Ui,
    label: egui::Label,
    interactive: bool,
) -> (egui::Response, egui::Rect) {
    let (position, galley, response) = label.layout_in_ui(ui);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), galley.text())
    });
    let text_rect = galley
        .rows
        .iter()
        .filter(|row| !row.glyphs.is_empty())
        .map(|row| {
            row.rect_without_leading_space()
                .translate(position.to_vec2())
        })
        .reduce(egui::Rect::union)
        .unwrap_or(response.rect);
    if ui.is_rect_visible(response.rect) {
        let colour = if interactive {
            ui.style().interact(&response).text_color()
        } else {
            ui.visuals().text_color()
        };
        ui.painter().galley(position, galley, colour);
    }
    (response, text_rect)
}

/// Outlines the find bar's current match (drawn at `rect`) and scrolls it into view when it has
/// just become current; other matches have only their fill.
fn find_mark_ui(ctx: &ViewCtx<'_>, ui: &Ui, find: &FindBar, mark: FindMark, rect: egui::Rect) {
    if mark != FindMark::Current {
        return;
    }
    ui.painter().rect_stroke(
        rect.expand(1.0),
        ctx.theme.radius,
        egui::Stroke::new(1.5, ctx.theme.accent),
        egui::StrokeKind::Outside,
    );
    find.current_drawn(ui, rect);
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
) -> egui::Rect {
    let button = egui::Button::new(
        RichText::new(text)
            .font(font.clone())
            .color(ctx.theme.accent),
    )
    .fill(fill)
    .corner_radius(ctx.theme.radius)
    .stroke(egui::Stroke::NONE);
    let response = ui.add(button);
    ctx.item_response(ui, response, item, ClickAction::Select)
        .rect
}

/// The chips of one citation group: `[2]`, `, `, `[4]`; each chip opens its reference. A
/// citation the paper prints otherwise (`[17]–[21]`, `[see 2, p. 33]`, `(Porter, 1995)`) is
/// shown as printed, as one chip that opens the citation. A find match in the citation marks
/// its chips. Returns where the chips were drawn.
fn citation_chips_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    citation: usize,
    font: &egui::FontId,
    find: FindMark,
) -> Option<egui::Rect> {
    let corpus = ctx.corpus;
    let info = corpus.index.citations.get(citation)?;
    let find_fill = find_fill(ctx, find);
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
        let fill = find_fill.unwrap_or(fill);
        return Some(chip_ui(
            ctx,
            ui,
            printed,
            font,
            fill,
            Item::Citation(citation),
        ));
    }
    let mut drawn: Option<egui::Rect> = None;
    for part in citation_parts(ctx, info) {
        let (reference, label) = match part {
            CitationPart::Between(between) => {
                let mut between = RichText::new(between).font(font.clone());
                if let Some(fill) = find_fill {
                    between = between.background_color(fill);
                }
                ui.label(between);
                continue;
            }
            CitationPart::Reference { reference, text } => (reference, text),
        };
        let item = Item::Reference(reference);
        let fill = if ctx.is_selected(item) || citation_selected {
            ctx.theme.selected_fill
        } else if ctx.is_hover_highlighted(item) {
            ctx.theme.hover_fill
        } else {
            ctx.theme.chip_fill
        };
        let rect = chip_ui(ctx, ui, label, font, find_fill.unwrap_or(fill), item);
        drawn = Some(drawn.map_or(rect, |all| all.union(rect)));
    }
    drawn
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
fn runs_of(ctx: &ViewCtx<'_>, paragraph: usize, finds: &[(Range<usize>, FindMark)]) -> Vec<Run> {
    let corpus = ctx.corpus;
    let Some(info) = corpus.index.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let marks = highlight_ranges(corpus, ctx.selection.selected, paragraph);
    let hover_marks = highlight_ranges(corpus, ctx.selection.hovered, paragraph);
    let find_at = |range: &Range<usize>| find_mark_over(finds, range);
    let background_at = |position: usize| {
        if let Some(fill) = find_fill(ctx, find_at(&(position..position + 1))) {
            Some(fill)
        } else if marks.iter().any(|r| r.contains(&position)) {
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
            Segment::Citation { citation, range } => runs.push(Run::Citation {
                citation: *citation,
                find: find_at(range),
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
                for mark in marks
                    .iter()
                    .chain(&hover_marks)
                    .chain(finds.iter().map(|(found, _)| found))
                {
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
                    let find = find_at(&(start..end));
                    let mention = info
                        .mentions
                        .iter()
                        .find(|m| m.range.start <= start && end <= m.range.end);
                    runs.push(match mention {
                        Some(mention) => Run::Mention {
                            entity: mention.entity,
                            range: start..end,
                            background,
                            find,
                        },
                        None => Run::Text {
                            range: start..end,
                            background,
                            find,
                        },
                    });
                }
            }
        }
    }
    runs
}

/// The strongest find mark over `range`: the current match, else a match, else none.
fn find_mark_over(finds: &[(Range<usize>, FindMark)], range: &Range<usize>) -> FindMark {
    finds
        .iter()
        .filter(|(found, _)| found.start < range.end && range.start < found.end)
        .map(|(_, mark)| *mark)
        .max_by_key(|mark| *mark == FindMark::Current)
        .unwrap_or_default()
}

/// The background a find mark gives text; none for text that is not a match.
fn find_fill(ctx: &ViewCtx<'_>, mark: FindMark) -> Option<Color32> {
    match mark {
        FindMark::None => None,
        FindMark::Match => Some(ctx.theme.find_match_fill),
        FindMark::Current => Some(ctx.theme.find_current_fill),
    }
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

//! The Reader: the paper's text by section, citations as chips showing the paper's numbers,
//! entity mentions linkable, and everything related to the selection highlighted.

use std::ops::Range;

use eframe::egui::{self, Color32, RichText, Sense, Ui};

use super::context::{ClickAction, ViewCtx};
use super::state::CitationDisplay;
use super::views::View;
use super::virtual_list::{HeightCache, virtual_list_ui};
use crate::corpus::display::section_heading;
use crate::corpus::index::{CitationInfo, Segment};
use crate::corpus::model::ParagraphKind;
use crate::corpus::{Corpus, Item};

/// One block of the Reader, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    /// Title, authors, keywords, abstract.
    FrontMatter,
    /// A section heading.
    Heading(usize),
    /// A paragraph (reading-order position).
    Paragraph(usize),
}

/// The Reader's own UI state.
#[derive(Debug, Default)]
pub struct Reader {
    /// The blocks of the open corpus, and the paragraph count they were built for.
    blocks: Vec<Block>,
    built_for: Option<(usize, usize)>,
    heights: HeightCache,
}

impl Reader {
    /// The Reader's name for `--view` and the settings file.
    pub const ID: &'static str = "reader";
}

impl View for Reader {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Reader"
    }

    fn description(&self) -> &'static str {
        "The paper's text"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        Self::ui(self, ctx, ui);
    }

    fn can_show(&self, item: Item) -> bool {
        matches!(
            item,
            Item::Section(_) | Item::Paragraph(_) | Item::Citation(_)
        )
    }

    fn show_item(&mut self, corpus: &Corpus, item: Item) {
        self.reveal(corpus, item);
    }
}

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
}

impl Reader {
    /// Scrolls to `item` (a section, paragraph or citation) from the next frame on.
    pub fn reveal(&mut self, corpus: &Corpus, item: Item) {
        self.build_blocks(corpus);
        let target = match item {
            Item::Section(s) => Some(Block::Heading(s)),
            _ => paragraph_of(corpus, item).map(Block::Paragraph),
        };
        if let Some(row) = target.and_then(|block| self.blocks.iter().position(|b| *b == block)) {
            self.heights.scroll_to(row);
        }
    }

    /// Whether a scroll to a revealed item is still under way.
    #[must_use]
    pub fn is_revealing(&self) -> bool {
        self.heights.pending_scroll().is_some()
    }

    fn build_blocks(&mut self, corpus: &Corpus) {
        let key = (corpus.file.sections.len(), corpus.index.paragraphs.len());
        if self.built_for == Some(key) {
            return;
        }
        self.blocks = std::iter::once(Block::FrontMatter)
            .chain(
                corpus
                    .file
                    .sections
                    .iter()
                    .enumerate()
                    .flat_map(|(section, _)| {
                        let paragraphs = corpus
                            .index
                            .section_paragraphs
                            .get(section)
                            .cloned()
                            .unwrap_or_default();
                        std::iter::once(Block::Heading(section))
                            .chain(paragraphs.map(Block::Paragraph))
                    }),
            )
            .collect();
        self.built_for = Some(key);
        self.heights = HeightCache::default();
    }

    /// Draws the paper, only the blocks in view.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        self.build_blocks(corpus);
        let width = (ui.available_width() - 2.0 * ctx.theme.gap).min(ctx.theme.reading_width);
        let margin = ((ui.available_width() - width) / 2.0).max(ctx.theme.gap);
        let chars_per_line = (width / (ctx.theme.reading_size * 0.5)).max(20.0);
        let line_height = ctx.theme.reading_size * 1.35;
        // A height estimate for rows not yet drawn: a paragraph's length need not be exact.
        #[allow(clippy::cast_precision_loss)]
        let estimate = |row: usize| match self.blocks.get(row) {
            Some(Block::FrontMatter) => line_height * 24.0,
            Some(Block::Heading(_)) => ctx.theme.heading_size * 2.2,
            Some(Block::Paragraph(p)) => {
                let chars = corpus
                    .index
                    .paragraphs
                    .get(*p)
                    .map_or(0, |i| i.printed.len()) as f32;
                (chars / chars_per_line).ceil() * line_height + ctx.theme.gap * 2.0
            }
            None => line_height,
        };
        let blocks = &self.blocks;
        virtual_list_ui(
            ui,
            "reader",
            &mut self.heights,
            0,
            blocks.len(),
            &estimate,
            |ui, row| {
                ui.horizontal_top(|ui| {
                    ui.add_space(margin);
                    ui.vertical(|ui| {
                        ui.set_width(width);
                        match blocks.get(row) {
                            Some(Block::FrontMatter) => front_matter_ui(ctx, ui),
                            Some(Block::Heading(section)) => heading_ui(ctx, ui, *section),
                            Some(Block::Paragraph(paragraph)) => {
                                paragraph_ui(ctx, ui, *paragraph);
                            }
                            None => {}
                        }
                    });
                });
            },
        );
    }
}

/// A section heading, sized by depth, clickable.
fn heading_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, section_position: usize) {
    let corpus = ctx.corpus;
    let Some(section) = corpus.file.sections.get(section_position) else {
        return;
    };
    let depth = corpus
        .index
        .section_depth
        .get(section_position)
        .copied()
        .unwrap_or(0);
    ui.add_space(ctx.theme.gap * if depth == 0 { 2.0 } else { 1.0 });
    // A section's depth is a small count, exact in f32.
    #[allow(clippy::cast_precision_loss)]
    let size = (ctx.theme.heading_size - 2.0 * depth as f32).max(ctx.theme.body_size);
    let item = Item::Section(section_position);
    let mut heading = RichText::new(section_heading(section)).size(size).strong();
    if ctx.is_selected(item) {
        heading = heading.background_color(ctx.theme.selected_fill);
    }
    let response = ui.add(egui::Label::new(heading).wrap().sense(Sense::click()));
    ctx.item_response(ui, response, item, ClickAction::Select);
}

/// The paragraph an item sits in, for scrolling.
fn paragraph_of(corpus: &Corpus, item: Item) -> Option<usize> {
    match item {
        Item::Paragraph(p) => Some(p),
        Item::Citation(c) => corpus.index.citations.get(c).map(|c| c.paragraph),
        _ => None,
    }
}

/// Title, author, keywords and abstract.
fn front_matter_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let paper = &ctx.corpus.file.paper;
    if paper.title.is_empty() {
        return;
    }
    ui.add_space(ctx.theme.gap);
    ui.add(
        egui::Label::new(
            RichText::new(&paper.title)
                .size(ctx.theme.heading_size + 6.0)
                .strong(),
        )
        .wrap(),
    );
    let authors: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    let mut byline = authors.join(", ");
    if !paper.affiliation.is_empty() {
        byline.push_str(" · ");
        byline.push_str(&paper.affiliation);
    }
    if !paper.date.is_empty() {
        byline.push_str(" · ");
        byline.push_str(&paper.date);
    }
    ui.label(RichText::new(byline).color(ctx.theme.muted_text));
    if !paper.keywords.is_empty() {
        ui.label(
            RichText::new(format!("Keywords: {}", paper.keywords.join(" · ")))
                .small()
                .color(ctx.theme.muted_text),
        );
    }
    if !paper.abstract_text.is_empty() {
        egui::CollapsingHeader::new(RichText::new("Abstract").strong())
            .id_salt("abstract")
            .default_open(true)
            .show(ui, |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(&paper.abstract_text).font(ctx.theme.reading_font()),
                    )
                    .wrap(),
                );
            });
    }
    if !paper.license.name.is_empty() {
        ui.label(
            RichText::new(format!("Licence: {}", paper.license.name))
                .small()
                .color(ctx.theme.muted_text),
        );
    }
}

/// One paragraph: a frame (highlighted when related) holding its runs.
fn paragraph_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, paragraph: usize) -> egui::Response {
    let corpus = ctx.corpus;
    let item = Item::Paragraph(paragraph);
    let Some(info) = corpus.index.paragraphs.get(paragraph) else {
        return ui.label("");
    };
    let is_figure_source = corpus
        .paragraph(paragraph)
        .is_some_and(|p| p.kind == ParagraphKind::FigureSource);
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
    let inner = frame.show(ui, |ui| {
        if is_figure_source {
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
                        let mut text = RichText::new(info.printed.get(range).unwrap_or_default())
                            .font(font.clone());
                        if let Some(color) = background {
                            text = text.background_color(color);
                        }
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
                }
            }
        });
    });
    inner.response
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
        let button = egui::Button::new(
            RichText::new(printed)
                .font(font.clone())
                .color(ctx.theme.accent),
        )
        .fill(fill)
        .corner_radius(ctx.theme.radius)
        .stroke(egui::Stroke::NONE);
        let response = ui.add(button);
        ctx.item_response(ui, response, Item::Citation(citation), ClickAction::Select);
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
        let button = egui::Button::new(
            RichText::new(label)
                .font(font.clone())
                .color(ctx.theme.accent),
        )
        .fill(fill)
        .corner_radius(ctx.theme.radius)
        .stroke(egui::Stroke::NONE);
        let response = ui.add(button);
        ctx.item_response(ui, response, item, ClickAction::Select);
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

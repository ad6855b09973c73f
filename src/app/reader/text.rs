//! Paragraph text in the Reader: runs of plain text, entity mentions and citation chips, the
//! highlight the selection gives them, and equations: TeX as its source, `MathML` read as one
//! line of text.

use std::ops::Range;

use eframe::egui::{self, Color32, RichText, Sense, Ui};

use super::find::{FindBar, FindMark};
use super::highlights;
use super::runs::{Piece, Run, find_fill, runs_of};
use crate::app::citation_form::{CitationPart, citation_parts};
use crate::app::context::{ClickAction, ViewCtx};
use crate::app::state::CitationDisplay;
use crate::corpus::find::FoundIn;
use crate::corpus::index::CitationInfo;
use crate::corpus::model::{EquationNotation, Paragraph, ParagraphKind};
use crate::corpus::{Corpus, Item, ItemKind, math};
use crate::formats::paper::mathml;

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
        let runs = runs_of(
            ctx,
            paragraph,
            &find.marks_in(FoundIn::Paragraph(paragraph)),
        );
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            ui.spacing_mut().button_padding = egui::vec2(2.0, 0.0);
            let font = if is_figure_source {
                egui::FontId::proportional(ctx.theme.small_size)
            } else {
                ctx.theme.reading_font()
            };
            for run in runs {
                run_ui(ctx, ui, (paragraph, &info.printed), run, &font, find);
            }
        });
    });
    inner.response
}

/// One run of a paragraph: plain text, an entity mention, a citation's chips or a footnote
/// marker, with its find marks.
fn run_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    (paragraph, printed): (usize, &str),
    run: Run,
    font: &egui::FontId,
    find: &FindBar,
) {
    match run {
        Run::Text { pieces } => {
            let pieces = hang_punctuation_ui(ui, printed, pieces, font);
            if pieces.is_empty() {
                return;
            }
            let style = PiecesStyle {
                colour: Color32::PLACEHOLDER,
                valign: ui.text_valign(),
            };
            let (job, current) = pieces_job(printed, &pieces, font, &style);
            plain_text_ui(ctx, ui, (paragraph, printed), &pieces, job, current, find);
        }
        Run::Mention { item, pieces } => {
            let style = PiecesStyle {
                colour: ui.visuals().text_color(),
                valign: egui::TextFormat::default().valign,
            };
            let (job, current) = pieces_job(printed, &pieces, font, &style);
            let label = egui::Label::new(job).sense(Sense::click());
            // Underlined all the time, so that a mention reads as a link without relying on
            // colour; the accent underline marks the one pointed at.
            let underline = Underline {
                idle: ctx.theme.muted_text,
                hovered: ctx.theme.accent,
            };
            let (response, rect) =
                label_with_rect_of(ui, label, true, current.as_ref(), Some(underline));
            if let (Some(rect), Some(_)) = (rect, current) {
                find_mark_ui(ctx, ui, find, rect);
            }
            // "§3" and "Eq. (2)" are cross-references: they take the text there (Back
            // returns); a table, figure or name opens in the Inspector beside the text.
            let action = if matches!(item, Item::Section(_) | Item::Paragraph(_)) {
                ClickAction::Reveal
            } else {
                ClickAction::Select
            };
            ctx.item_response(ui, response, item, action)
                .on_hover_cursor(egui::CursorIcon::PointingHand);
        }
        Run::Citation {
            citation,
            find: mark,
        } => {
            let rect = citation_chips_ui(ctx, ui, citation, font, mark);
            if let Some(rect) = rect
                && mark == FindMark::Current
            {
                find_mark_ui(ctx, ui, find, rect);
            }
            if let Some(rect) = rect {
                flag_mark_ui(ctx, ui, citation, rect);
            }
        }
        Run::Footnote { footnote } => footnote_marker_ui(ctx, ui, footnote, font),
    }
}

/// Text that follows a mention or a citation with closing punctuation (`, and`, `).`) when
/// that punctuation no longer fits on the row: painted hanging past the row's end, as a
/// typesetter hangs it, rather than opening the next row; egui would move it there, away from
/// the word it closes. Returns the pieces left to lay out (the spaces after it dropped, as a
/// row break takes them).
fn hang_punctuation_ui(
    ui: &Ui,
    printed: &str,
    mut pieces: Vec<Piece>,
    font: &egui::FontId,
) -> Vec<Piece> {
    let Some(first) = pieces.first_mut() else {
        return pieces;
    };
    let text = printed.get(first.range.clone()).unwrap_or_default();
    let hung = hanging_punctuation_len(text);
    let row_start = ui.max_rect().min.x;
    if hung == 0 || ui.cursor().min.x <= row_start + 0.5 {
        return pieces;
    }
    let with_space = text.get(..hung).unwrap_or_default();
    let colour = ui.visuals().text_color();
    let needed = ui
        .painter()
        .layout_no_wrap(with_space.to_owned(), font.clone(), colour)
        .size()
        .x;
    if ui.available_size_before_wrap().x >= needed {
        return pieces;
    }
    let punctuation = with_space.trim_end();
    let galley = ui
        .painter()
        .layout_no_wrap(punctuation.to_owned(), font.clone(), colour);
    let rect = egui::Rect::from_min_size(ui.cursor().min, galley.size());
    if let Some(fill) = first.background {
        ui.painter().rect_filled(rect, 0.0, fill);
    }
    ui.painter().galley(rect.min, galley, colour);
    first.range.start += hung;
    if first.range.is_empty() {
        pieces.remove(0);
    }
    pieces
}

/// The bytes of closing punctuation `text` opens with, and the spaces after it, when nothing
/// but a space or the end follows the punctuation (`, and` → 2, `).` → 2, `’s` → 0).
fn hanging_punctuation_len(text: &str) -> usize {
    let punctuation = text
        .find(|c: char| !matches!(c, ',' | '.' | ';' | ':' | ')' | ']' | '!' | '?' | '”' | '’'))
        .unwrap_or(text.len());
    let rest = text.get(punctuation..).unwrap_or_default();
    if punctuation == 0 || !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return 0;
    }
    let spaces = rest.len() - rest.trim_start().len();
    punctuation + spaces
}

/// A run of plain text: a label whose words can be selected and copied, the find bar's current
/// match in it outlined, a click on a study note's highlight choosing the note and a right-click
/// offering the sentence's menu (highlight, note).
fn plain_text_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    (paragraph, printed): (usize, &str),
    pieces: &[Piece],
    job: egui::text::LayoutJob,
    current: Option<Range<usize>>,
    find: &FindBar,
) {
    let (position, galley, response) = egui::Label::new(job).layout_in_ui(ui);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), galley.text())
    });
    let byte_at = |at: egui::Pos2| {
        let cursor = galley.cursor_from_pos(at - position);
        highlights::byte_at_char(printed, pieces, cursor.index.0)
    };
    let pressed_byte = response
        .interact_pointer_pos()
        .filter(|_| response.clicked() || response.secondary_clicked())
        .and_then(byte_at);
    // Words dragged over in this run: where the drag began (kept while it lasts) to where it
    // ended.
    let drag_start_id = response.id.with("drag-start");
    if response.drag_started()
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
    {
        ui.data_mut(|data| data.insert_temp(drag_start_id, origin));
    }
    let dragged = if response.drag_stopped() {
        let origin = ui.data_mut(|data| data.remove_temp::<egui::Pos2>(drag_start_id));
        origin
            .and_then(byte_at)
            .zip(response.interact_pointer_pos().and_then(byte_at))
            .map(|(a, b)| a.min(b)..a.max(b))
    } else {
        None
    };
    let hovered_byte = response.hover_pos().and_then(byte_at);
    let current_rect = current.map(|chars| {
        let start = galley.pos_from_cursor(egui::text::CCursor::new(chars.start));
        let end = galley.pos_from_cursor(egui::text::CCursor::new(chars.end));
        start.union(end).translate(position.to_vec2())
    });
    if ui.is_rect_visible(response.rect) {
        egui::text_selection::LabelSelectionState::label_text_selection(
            ui,
            &response,
            position,
            galley,
            ui.visuals().text_color(),
            egui::Stroke::NONE,
        );
    }
    if let Some(rect) = current_rect {
        find_mark_ui(ctx, ui, find, rect);
    }
    highlights::text_run_notes_ui(ctx, paragraph, &response, pressed_byte, dragged);
    highlights::highlight_card_ui(ctx, paragraph, &response, hovered_byte);
}

/// Text the find bar searches besides paragraphs, as the Reader writes it: a heading, the
/// title, the abstract.
pub(super) struct FindableText<'t> {
    /// The text as printed.
    pub text: &'t str,
    /// Its font.
    pub font: egui::FontId,
    /// Whether it is written strong (headings, the title).
    pub strong: bool,
    /// Its fill (a selected heading), if any.
    pub background: Option<Color32>,
    /// Which text it is, for the find bar.
    pub found_in: FoundIn,
    /// What the label senses (a heading is clicked).
    pub sense: Sense,
}

/// A heading, the title or the abstract, wrapped, with the find bar's matches in it marked,
/// the current one outlined and scrolled to.
pub(super) fn findable_text_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    findable: &FindableText<'_>,
    find: &FindBar,
) -> egui::Response {
    let FindableText {
        text,
        font,
        strong,
        background,
        found_in,
        sense,
    } = findable;
    let (text, background) = (*text, *background);
    let marks = find.marks_in(*found_in);
    if marks.is_empty() {
        let mut plain = RichText::new(text).font(font.clone());
        if *strong {
            plain = plain.strong();
        }
        if let Some(fill) = background {
            plain = plain.background_color(fill);
        }
        return ui.add(egui::Label::new(plain).wrap().sense(*sense));
    }
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (range, _) in &marks {
        cuts.extend([range.start.min(text.len()), range.end.min(text.len())]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let pieces: Vec<Piece> = cuts
        .windows(2)
        .filter_map(|pair| match pair {
            [start, end] if start < end => {
                let mark = marks
                    .iter()
                    .find(|(range, _)| range.start <= *start && *end <= range.end)
                    .map_or(FindMark::None, |(_, mark)| *mark);
                Some(Piece {
                    range: *start..*end,
                    background: find_fill(ctx, mark).or(background),
                    find: mark,
                })
            }
            _ => None,
        })
        .collect();
    let style = PiecesStyle {
        colour: if *strong {
            ui.visuals().strong_text_color()
        } else {
            Color32::PLACEHOLDER
        },
        valign: ui.text_valign(),
    };
    let (job, current) = pieces_job(text, &pieces, font, &style);
    let label = egui::Label::new(job).wrap().sense(*sense);
    match current {
        Some(chars) => {
            let (response, rect) = label_with_rect_of(ui, label, true, Some(&chars), None);
            if let Some(rect) = rect {
                find_mark_ui(ctx, ui, find, rect);
            }
            response
        }
        None => ui.add(label),
    }
}

/// How the pieces of a run are written: in `colour` (a placeholder takes the label's),
/// placed on the line by `valign`.
struct PiecesStyle {
    colour: Color32,
    valign: egui::Align,
}

/// The pieces of a run as one text, each on its background; and the characters of the current
/// find match in it, if it holds it.
fn pieces_job(
    printed: &str,
    pieces: &[Piece],
    font: &egui::FontId,
    style: &PiecesStyle,
) -> (egui::text::LayoutJob, Option<Range<usize>>) {
    let mut job = egui::text::LayoutJob::default();
    let mut chars = 0;
    let mut current: Option<Range<usize>> = None;
    for piece in pieces {
        let text = printed.get(piece.range.clone()).unwrap_or_default();
        let count = text.chars().count();
        if piece.find == FindMark::Current {
            current =
                Some(current.map_or(chars..chars + count, |found| found.start..chars + count));
        }
        job.append(
            text,
            0.0,
            egui::TextFormat {
                font_id: font.clone(),
                color: style.colour,
                background: piece.background.unwrap_or(Color32::TRANSPARENT),
                valign: style.valign,
                ..egui::TextFormat::default()
            },
        );
        chars += count;
    }
    (job, current)
}

/// A label drawn as egui draws one (without text selection), and where its characters `chars`
/// stand: a label's response in wrapped text begins where the line before it ended, so only
/// its laid-out text can say. With an `underline`, each of its rows is underlined under its
/// words only: not under the space a wrapped row ends with.
fn label_with_rect_of(
    ui: &mut Ui,
    label: egui::Label,
    interactive: bool,
    chars: Option<&Range<usize>>,
    underline: Option<Underline>,
) -> (egui::Response, Option<egui::Rect>) {
    let (position, galley, response) = label.layout_in_ui(ui);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), galley.text())
    });
    let rect = chars.map(|chars| {
        let start = galley.pos_from_cursor(egui::text::CCursor::new(chars.start));
        let end = galley.pos_from_cursor(egui::text::CCursor::new(chars.end));
        start.union(end).translate(position.to_vec2())
    });
    if ui.is_rect_visible(response.rect) {
        let colour = if interactive {
            ui.style().interact(&response).text_color()
        } else {
            ui.visuals().text_color()
        };
        if let Some(underline) = underline {
            let colour = if response.hovered() {
                underline.hovered
            } else {
                underline.idle
            };
            underline_words_ui(ui, position, &galley, egui::Stroke::new(1.0, colour));
        }
        ui.painter().galley(position, galley, colour);
    }
    (response, rect)
}

/// The colours of a label's underline.
#[derive(Clone, Copy)]
struct Underline {
    idle: Color32,
    hovered: Color32,
}

/// Underlines each row of `galley` (drawn at `position`) from its first to its last glyph that
/// is not a space, where egui would underline its text.
fn underline_words_ui(ui: &Ui, position: egui::Pos2, galley: &egui::Galley, stroke: egui::Stroke) {
    for placed in &galley.rows {
        let glyphs = &placed.row.glyphs;
        let is_word = |glyph: &&egui::epaint::text::Glyph| !glyph.chr.is_whitespace();
        let (Some(first), Some(last)) = (glyphs.iter().find(is_word), glyphs.iter().rfind(is_word))
        else {
            continue;
        };
        let offset = position.to_vec2() + placed.pos.to_vec2();
        let y = ui
            .painter()
            .round_to_pixel_center(first.logical_rect().bottom() + offset.y);
        ui.painter()
            .hline(first.pos.x + offset.x..=last.max_x() + offset.x, y, stroke);
    }
}

/// Outlines the find bar's current match (drawn at `rect`) and scrolls it into view when it has
/// just become current; other matches have only their fill.
fn find_mark_ui(ctx: &ViewCtx<'_>, ui: &Ui, find: &FindBar, rect: egui::Rect) {
    ui.painter().rect_stroke(
        rect.expand(1.0),
        ctx.theme.radius,
        egui::Stroke::new(1.5, ctx.theme.accent),
        egui::StrokeKind::Outside,
    );
    find.current_drawn(ui, rect);
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

/// A display equation: one line of text read from its TeX or `MathML` (its source, in
/// monospace, when that cannot be read), its printed label at the right; clicking it selects
/// the paragraph, whose source the Inspector shows.
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
                let text = match shown_equation(equation) {
                    Some(line) => RichText::new(line).font(ctx.theme.reading_font()),
                    None => RichText::new(equation.text.trim())
                        .monospace()
                        .size(ctx.theme.body_size),
                };
                let source = egui::Label::new(text).wrap().sense(Sense::click());
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

/// How a display equation is shown when not as its source: as one line of text, read from its
/// TeX or `MathML`, or its plain text as it is (`None` for a paragraph that is no equation,
/// and for `MathML` that cannot be read, shown as written).
pub(crate) fn shown_equation(equation: &Paragraph) -> Option<String> {
    if equation.kind != ParagraphKind::Equation {
        return None;
    }
    match equation.notation.unwrap_or_default() {
        EquationNotation::Mathml => mathml::linear_text(&equation.text),
        EquationNotation::Text => Some(equation.text.trim().to_owned()),
        EquationNotation::Tex => {
            Some(math::tex_reading(&equation.text)).filter(|line| !line.is_empty())
        }
    }
}

/// The label of the mark after a citation the citation check flagged.
pub const FLAG_MARK_LABEL: &str = "Questioned by the citation check";

/// When the Reader marks flags (View → Mark flagged citations) and citation `citation` has
/// any the reader may see now (student mode hides them until answered): a dotted underline in
/// the warning colour under its chips at `rect`, and a small "?" after them whose hover card
/// says why; a click selects the citation.
fn flag_mark_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, citation: usize, rect: egui::Rect) {
    let item = Item::Citation(citation);
    if !ctx.checks.marks
        || ctx.checks.checks.for_citation(citation).next().is_none()
        || !ctx.shows_flags_of(item)
    {
        return;
    }
    ctx.theme.flag_underline_ui(ui, rect);
    let mark = egui::Label::new(
        RichText::new("?")
            .size(ctx.theme.small_size)
            .strong()
            .color(ctx.theme.warning),
    )
    .sense(Sense::click());
    let response = ui.add(mark).on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, FLAG_MARK_LABEL));
    ctx.item_response(ui, response, item, ClickAction::Select);
}

/// One citation chip: `text` on `fill`, a click selects `item`. A chip of several words
/// (`Porter and van der Linde (1995)`) wraps with the line like the words around it, so that a
/// narrative citation does not leave a gap at the end of the line before it.
fn chip_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    text: impl Into<String>,
    font: &egui::FontId,
    fill: egui::Color32,
    item: Item,
) -> egui::Rect {
    let text: String = text.into();
    if text.contains(' ') {
        // The fill covers the chip's rows and no more: grown by a point (as egui grows a
        // text background by default), it would cover the underline of a mention on the row
        // above.
        let job = egui::text::LayoutJob::single_section(
            text.clone(),
            egui::TextFormat {
                font_id: font.clone(),
                color: ctx.theme.accent,
                background: fill,
                expand_bg: 0.0,
                valign: ui.text_valign(),
                ..egui::TextFormat::default()
            },
        );
        let label = egui::Label::new(job).sense(Sense::click());
        let response = ui
            .add(label)
            .on_hover_cursor(egui::CursorIcon::PointingHand);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &text));
        return ctx
            .item_response(ui, response, item, ClickAction::Select)
            .rect;
    }
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

#[cfg(test)]
mod tests {
    use super::hanging_punctuation_len;

    #[test]
    fn closing_punctuation_and_its_spaces_hang_and_a_word_does_not() {
        assert_eq!(hanging_punctuation_len(", and studies"), 2);
        assert_eq!(hanging_punctuation_len(")."), 2);
        assert_eq!(hanging_punctuation_len(".  Then"), 3);
        assert_eq!(
            hanging_punctuation_len("”, which"),
            ",".len() + "”".len() + 1
        );
        assert_eq!(hanging_punctuation_len("’s function"), 0, "a word's ending");
        assert_eq!(hanging_punctuation_len(",5 and"), 0, "a number");
        assert_eq!(hanging_punctuation_len(" and"), 0);
        assert_eq!(hanging_punctuation_len(""), 0);
    }
}

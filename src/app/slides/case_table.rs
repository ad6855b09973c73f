//! A case study as a slide (title, region, forms of exploitation as tags, the paper's own
//! sentence as a pull quote with its sources) and a table's rows as large cards.

use eframe::egui::{
    self, Color32, FontFamily, FontId, RichText, Ui,
    text::{LayoutJob, TextFormat},
};

use super::{
    Look, fitted, galley_ui, heading_ui, kicker_ui, legend_ui, margin_points, quote_ui, tags_ui,
};
use crate::app::context::ViewCtx;
use crate::corpus::model::CaseKind;
use crate::corpus::{Corpus, display};
use crate::deck;

/// Case study `position`: what it is and where, its forms as tags, the paper's sentence about it
/// with the works that sentence and the case cite.
pub(super) fn case_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    position: usize,
    title: Option<&str>,
) {
    let corpus = ctx.corpus;
    let Some(case) = corpus.file.cases.get(position) else {
        return;
    };
    let kind = match case.kind {
        CaseKind::CaseStudy => "Case study",
        CaseKind::Example => "Example",
    };
    let region = case
        .region
        .as_deref()
        .map(|id| format!(" · {}", display::region_name(corpus, id)))
        .unwrap_or_default();
    kicker_ui(look, ui, &format!("{kind}{region}"));
    heading_ui(look, ui, title.unwrap_or(&case.title));
    tags_ui(look, ui, &case.forms);
    if !case.countries.is_empty() {
        ui.label(
            RichText::new(case.countries.join(" · "))
                .size(look.sizes.small)
                .color(look.theme.muted_text),
        );
    }
    ui.add_space(look.sizes.gap);
    let quote = deck::case_quote(corpus, position);
    // A pull quote: set as large as a title when it fits.
    let quote_size = look.sizes.title;
    let mut sources: Vec<usize> = quote
        .as_ref()
        .map(|q| q.references.clone())
        .unwrap_or_default();
    for id in &case.references {
        if let Some(reference) = corpus.reference_by_id(id)
            && !sources.contains(&reference)
        {
            sources.push(reference);
        }
    }
    let source_room = if sources.is_empty() {
        0.0
    } else {
        look.sizes.small * 3.5
    };
    let room = egui::vec2(
        ui.available_width(),
        (ui.available_height() - source_room).max(look.sizes.body),
    )
    .floor();
    // The quote stands in the middle of the space below the tags, as large as fits.
    ui.allocate_ui_with_layout(
        room,
        egui::Layout::centered_and_justified(egui::Direction::TopDown)
            .with_cross_align(egui::Align::LEFT)
            .with_cross_justify(false),
        |ui| match &quote {
            Some(quote) => quote_ui(look, ui, &format!("“{}”", quote.text), &[], quote_size),
            None => quote_ui(look, ui, &case.summary, &[], quote_size),
        },
    );
    if !sources.is_empty() {
        let cited: Vec<String> = sources
            .iter()
            .map(|&reference| {
                let (_, in_text) = ctx.citations.get(corpus, reference, &ctx.citation_style);
                in_text
            })
            .collect();
        ui.add_space(look.sizes.gap * 0.5);
        ui.add(
            egui::Label::new(
                RichText::new(format!("Sources: {}", cited.join("; ")))
                    .size(look.sizes.small)
                    .color(look.theme.muted_text),
            )
            .wrap(),
        );
    }
}

/// The rows of a table one slide shows.
#[derive(Clone, Copy)]
pub(super) struct TableSlide<'a> {
    /// Position of the table in `tables`.
    pub table: usize,
    /// Positions of the rows shown, within the table.
    pub rows: &'a [usize],
    /// What these rows are (a region's name, "Rows 1–4 of 7").
    pub heading: &'a str,
    /// The row the slide is about, within the table.
    pub marked: Option<usize>,
}

/// A table's rows as large cards side by side (two by two for four), under the table's label,
/// the rows' heading and its caption.
pub(super) fn table_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    shown: TableSlide<'_>,
    title: Option<&str>,
) {
    let corpus = ctx.corpus;
    if !table_heading_ui(ctx, look, ui, shown, title) {
        return;
    }
    let first_row = corpus.file.first_row_of(shown.table);
    let count = shown.rows.len();
    let (columns, lines) = match count {
        4 => (2, 2),
        n => (n.min(3), n.div_ceil(3)),
    };
    let gap = look.sizes.gap;
    let pad = gap;
    let columns_f = f32::from(u16::try_from(columns).unwrap_or(1));
    let lines_f = f32::from(u16::try_from(lines).unwrap_or(1));
    let card_width = ((ui.available_width() - gap * (columns_f - 1.0)) / columns_f).floor();
    let card_height =
        ((ui.available_height() - gap * (lines_f - 1.0)) / lines_f - gap * 0.5).floor();
    let text_width = (card_width - 2.0 * pad).max(look.sizes.body * 4.0).floor();
    let text_height = (card_height - 2.0 * pad).max(look.sizes.body).floor();
    let colours = CardColours {
        text: ui.visuals().text_color(),
        strong: ui.visuals().strong_text_color(),
        muted: look.theme.muted_text,
    };
    // One size for every card of the slide: the largest at which the fullest card fits.
    // As large as a title when the cells are short (a few numbers), down to what fits.
    let mut size = look.sizes.title;
    let fits = |ui: &Ui, size: f32| {
        shown.rows.iter().all(|&row| {
            let job = card_job(corpus, shown, first_row + row, size, colours, text_width);
            ui.fonts_mut(|fonts| fonts.layout_job(job)).size().y <= text_height
        })
    };
    while size * 0.92 >= look.sizes.small * 0.7 && !fits(ui, size) {
        size *= 0.92;
    }
    for line in shown.rows.chunks(columns) {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for &row in line {
                let marked = shown.marked == Some(row);
                let job = card_job(corpus, shown, first_row + row, size, colours, text_width);
                let galley = fitted(ui, |_| job.clone(), text_width, text_height, size, size);
                // The marked row's thicker border eats into its margin, so every card keeps
                // the same outer size.
                let stroke = if marked {
                    look.sizes.line_width.round()
                } else {
                    1.0
                };
                egui::Frame::new()
                    .fill(ui.visuals().faint_bg_color)
                    .stroke(egui::Stroke::new(
                        stroke,
                        if marked {
                            look.theme.accent
                        } else {
                            ui.visuals().widgets.noninteractive.bg_stroke.color
                        },
                    ))
                    .corner_radius(look.theme.radius * 2)
                    .inner_margin(egui::Margin::same(margin_points(pad - stroke + 1.0)))
                    .show(ui, |ui| {
                        ui.set_min_size(egui::vec2(text_width, text_height));
                        ui.set_max_width(text_width);
                        galley_ui(ui, galley);
                    });
            }
        });
        ui.add_space(gap * 0.5);
    }
}

/// A table slide's kicker (the table's label and the rows' heading) and title (the tour step's,
/// else the table's caption), and a word when the slide has no rows; whether there are rows to
/// draw under it.
pub(super) fn table_heading_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    shown: TableSlide<'_>,
    title: Option<&str>,
) -> bool {
    let Some(table) = ctx.corpus.file.tables.get(shown.table) else {
        return false;
    };
    // A table the paper gives no label is named by where it stands.
    let label = if table.label.trim().is_empty() {
        let section = table
            .section
            .as_deref()
            .and_then(|id| ctx.corpus.file.sections.iter().find(|s| s.id == id))
            .map(|section| section.title.trim())
            .filter(|title| !title.is_empty());
        section.map_or_else(|| "Table".to_owned(), |title| format!("Table in “{title}”"))
    } else {
        table.label.trim().to_owned()
    };
    let kicker = if shown.heading.trim().is_empty() {
        label
    } else {
        format!("{label} · {}", shown.heading.trim())
    };
    kicker_ui(look, ui, &kicker);
    // Without a label or a caption, the table's title names its columns (`Table of Df, Sum
    // sq, …`), as the Table view names it.
    // The caption's first sentence heads the slide, the rest of it set small under it on the
    // table's first slide only (eLife's legends run to ten lines).
    let (heading, legend) = if table.caption.trim().is_empty() && table.label.trim().is_empty() {
        (table.title(), "")
    } else {
        table.caption_heading_and_legend()
    };
    heading_ui(look, ui, title.unwrap_or(&heading));
    // The first slide shows the first row with any text (blank rows are left out); found by
    // reading up to that row, not every row before this slide's, each frame.
    let first_with_text = table
        .rows
        .iter()
        .position(|row| row.cells.iter().any(|cell| !cell.trim().is_empty()));
    let first_slide = match (shown.rows.first(), first_with_text) {
        (Some(&first), Some(with_text)) => first <= with_text,
        _ => true,
    };
    if title.is_none() && first_slide {
        legend_ui(look, ui, legend);
    }
    if shown.rows.is_empty() {
        // The notes printed under it may be all there is to show (GROBID keeps a table it
        // could not read as its caption and notes).
        ui.label(
            RichText::new(display::no_rows_note(table))
                .size(look.sizes.small)
                .color(look.theme.muted_text),
        );
        ui.add_space(look.sizes.gap * 0.5);
        for footnote in &table.footnotes {
            ui.add(
                egui::Label::new(RichText::new(footnote.printed()).size(look.sizes.body)).wrap(),
            );
        }
        return false;
    }
    true
}

/// The colours of a card's text.
#[derive(Clone, Copy)]
struct CardColours {
    text: Color32,
    strong: Color32,
    muted: Color32,
}

/// A row as a card: its first cell as the card's title (the next one when the first only
/// repeats the slide's heading, a region's name), then each other non-empty cell under its
/// column's header, cells as the paper prints them.
fn card_job(
    corpus: &Corpus,
    shown: TableSlide<'_>,
    row: usize,
    size: f32,
    colours: CardColours,
    width: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let font = |scale: f32| FontId::new(size * scale, FontFamily::Proportional);
    let headers = corpus
        .file
        .tables
        .get(shown.table)
        .map(display::column_headers)
        .unwrap_or_default();
    let heading = shown.heading.trim();
    let mut titled = false;
    for (column, header) in headers.iter().enumerate() {
        let cell = corpus.index.cell_text(&corpus.file, row, column).trim();
        if cell.is_empty() || (column == 0 && cell.eq_ignore_ascii_case(heading)) {
            continue;
        }
        if !titled {
            titled = true;
            job.append(cell, 0.0, TextFormat::simple(font(1.15), colours.strong));
            job.append("\n", 0.0, TextFormat::simple(font(0.5), colours.text));
            continue;
        }
        job.append(
            &format!("\n{}\n", header.trim()),
            0.0,
            TextFormat::simple(font(0.8), colours.muted),
        );
        job.append(cell, 0.0, TextFormat::simple(font(1.0), colours.text));
    }
    job
}

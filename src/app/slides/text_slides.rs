//! Slides of the paper's words: the title slide, a passage, a citation, a reference, a page of
//! the reference list, a figure, and any other record as its card.

use std::ops::Range;

use eframe::egui::{self, RichText, Ui};

use super::{
    Look, fitted, galley_ui, heading_ui, kicker_ui, legend_ui, plain_job, quote_fits, quote_ui,
    tags_ui,
};
use crate::app::context::{UiLayout, ViewCtx};
use crate::app::figure_images::{FigureImage, decoding_placeholder_ui};
use crate::app::records;
use crate::corpus::{Item, display, find};
use crate::deck;

/// The most institutions a title slide names.
const TITLE_INSTITUTIONS: usize = 4;

/// The paper's title, its authors and their affiliations, its date and its keywords.
pub(super) fn title_slide_ui(ctx: &ViewCtx<'_>, look: Look<'_>, ui: &mut Ui) {
    let paper = &ctx.corpus.file.paper;
    let height = ui.available_height();
    ui.add_space(height * 0.18);
    let colour = ui.visuals().strong_text_color();
    let width = ui.available_width();
    let title = fitted(
        ui,
        |size| plain_job(paper.title.trim(), size, colour),
        width,
        height * 0.4,
        look.sizes.title * 1.25,
        look.sizes.body,
    );
    galley_ui(ui, title);
    ui.add_space(look.sizes.gap);
    let authors: Vec<&str> = paper
        .authors
        .iter()
        .map(|a| a.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if !authors.is_empty() {
        ui.label(RichText::new(authors.join(", ")).size(look.sizes.body));
    }
    for institution in paper.institutions().into_iter().take(TITLE_INSTITUTIONS) {
        ui.label(
            RichText::new(institution)
                .size(look.sizes.small)
                .color(look.theme.muted_text),
        );
    }
    if !paper.date.trim().is_empty() {
        ui.label(
            RichText::new(paper.date.trim())
                .size(look.sizes.small)
                .color(look.theme.muted_text),
        );
    }
    ui.add_space(look.sizes.gap);
    tags_ui(look, ui, &paper.keywords);
}

/// A passage, with the words the tour marks on the highlight fill, under its place in the paper.
pub(super) fn passage_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    paragraph: usize,
    highlight: Option<&str>,
    title: Option<&str>,
) {
    let corpus = ctx.corpus;
    let Some(info) = corpus.index.paragraphs.get(paragraph) else {
        return;
    };
    kicker_ui(look, ui, &display::paragraph_place(corpus, paragraph));
    if let Some(title) = title {
        heading_ui(look, ui, title);
    }
    let marked = highlight
        .map(|words| find::find_in_text(&info.printed, words))
        .unwrap_or_default();
    // As large as a title when the passage is short, down to what fits; a passage that would
    // not fit in body type is cut to the fewest sentences around its marked words that do
    // (the whole paragraph is the Reader's).
    let mut shown = (info.printed.clone(), marked.clone());
    for keep in (1..=info.sentences.len()).rev() {
        shown = deck::excerpt(&info.printed, &info.sentences, &marked, keep);
        if quote_fits(look, ui, &shown.0, &shown.1, look.sizes.body) {
            break;
        }
    }
    quote_ui(look, ui, &shown.0, &shown.1, look.sizes.title);
}

/// An in-text citation: its sentence with the citation marked, and the works it cites in the
/// chosen style.
pub(super) fn citation_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    citation: usize,
    title: Option<&str>,
) {
    let corpus = ctx.corpus;
    let Some(info) = corpus.index.citations.get(citation) else {
        return;
    };
    kicker_ui(
        look,
        ui,
        &format!(
            "Citation · {}",
            display::paragraph_place(corpus, info.paragraph)
        ),
    );
    if let Some(title) = title {
        heading_ui(look, ui, title);
    }
    let sentence = corpus.index.paragraphs.get(info.paragraph).and_then(|p| {
        p.sentences
            .get(info.sentence)
            .map(|range| (p, range.clone()))
    });
    if let Some((paragraph, range)) = sentence
        && let Some(text) = paragraph.printed.get(range.clone())
    {
        let marked: Vec<Range<usize>> = info
            .range
            .start
            .checked_sub(range.start)
            .map(|start| start..start + info.range.len())
            .into_iter()
            .collect();
        // The sentence takes at most three fifths of the room; the cited works the rest.
        let room = egui::vec2(ui.available_width(), (ui.available_height() * 0.6).floor());
        ui.allocate_ui(room, |ui| {
            quote_ui(look, ui, text, &marked, look.sizes.title);
        });
    }
    ui.add_space(look.sizes.gap);
    cited_works_ui(ctx, look, ui, &info.references);
}

/// The works a passage cites, each as its entry in the chosen style.
fn cited_works_ui(ctx: &ViewCtx<'_>, look: Look<'_>, ui: &mut Ui, references: &[usize]) {
    if references.is_empty() {
        return;
    }
    kicker_ui(
        look,
        ui,
        if references.len() == 1 {
            "Cited work"
        } else {
            "Cited works"
        },
    );
    for &reference in references.iter().take(4) {
        let (entry, _) = ctx
            .citations
            .get(ctx.corpus, reference, &ctx.citation_style);
        ui.add(
            egui::Label::new(RichText::new(entry.to_plain_string()).size(look.sizes.body)).wrap(),
        );
    }
}

/// One reference in the chosen style, with up to three sentences that cite it.
pub(super) fn reference_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    reference: usize,
    title: Option<&str>,
) {
    let corpus = ctx.corpus;
    kicker_ui(look, ui, "Reference");
    heading_ui(
        look,
        ui,
        title.unwrap_or(&display::reference_label(corpus, reference)),
    );
    let (entry, _) = ctx.citations.get(corpus, reference, &ctx.citation_style);
    ui.add(egui::Label::new(RichText::new(entry.to_plain_string()).size(look.sizes.body)).wrap());
    let citing = corpus.index.linked(
        Item::Reference(reference),
        crate::corpus::ItemKind::Citation,
    );
    if citing.is_empty() {
        return;
    }
    ui.add_space(look.sizes.gap);
    kicker_ui(
        look,
        ui,
        &format!("Cited {}", display::times_in_text("", citing.len()).trim()),
    );
    for &citation in citing.iter().take(3) {
        if let Some(sentence) = corpus.index.citing_sentence(citation) {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("“{}”", sentence.trim())).size(look.sizes.small),
                )
                .wrap(),
            );
        }
    }
}

/// References `range` of the list, in the chosen style and its order.
pub(super) fn references_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    range: Range<usize>,
) {
    let entries = ctx.citations.bibliography(ctx.corpus, &ctx.citation_style);
    let total = entries.len();
    kicker_ui(
        look,
        ui,
        &format!(
            "{} · {}–{} of {total}",
            ctx.citation_style.label,
            range.start + 1,
            range.end.min(total)
        ),
    );
    heading_ui(look, ui, "References");
    let text: Vec<String> = entries
        .get(range)
        .unwrap_or_default()
        .iter()
        .map(|entry| match &entry.label {
            Some(label) => format!("{label} {}", entry.text.to_plain_string()),
            None => entry.text.to_plain_string(),
        })
        .collect();
    let colour = ui.visuals().text_color();
    let width = ui.available_width();
    let height = ui.available_height();
    let galley = fitted(
        ui,
        |size| {
            let mut job = plain_job(&text.join("\n\n"), size, colour);
            job.wrap.max_width = width;
            job
        },
        width,
        height,
        look.sizes.body,
        look.sizes.small * 0.6,
    );
    galley_ui(ui, galley);
}

/// A figure under its caption: its image as large as fits when the corpus has it, else a frame
/// saying why there is none.
pub(super) fn figure_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    figure: usize,
    title: Option<&str>,
) {
    let corpus = ctx.corpus;
    let Some(record) = corpus.file.figures.get(figure) else {
        return;
    };
    let caption = record.title();
    // The label is the kicker; the heading is the caption's first sentence, the rest of it
    // under the heading (the label printed twice, over and in the heading, before).
    let label = record.label.trim();
    let (heading, legend) = match title {
        Some(title) => (title.to_owned(), ""),
        None if record.caption.trim().is_empty() => (caption.clone(), ""),
        None => record.caption_heading_and_legend(),
    };
    let kicker = if label.is_empty() || heading == label {
        "Figure"
    } else {
        label
    };
    kicker_ui(look, ui, kicker);
    heading_ui(look, ui, &heading);
    legend_ui(look, ui, legend);
    let image =
        ctx.figure_images()
            .figure_image(ui.ctx(), &corpus.source_name, record.image.as_deref());
    let room = ui.available_size();
    match image {
        FigureImage::Decoding(size) => {
            ui.vertical_centered(|ui| decoding_placeholder_ui(ui, look.theme, size, room));
        }
        FigureImage::Shown(texture) => {
            ui.centered_and_justified(|ui| {
                ui.add(
                    egui::Image::new((texture.id(), texture.size_vec2()))
                        .max_size(room)
                        .maintain_aspect_ratio(true)
                        .alt_text(caption.clone()),
                );
            });
        }
        FigureImage::Missing(missing) => {
            egui::Frame::new()
                .stroke(egui::Stroke::new(
                    1.0,
                    ui.visuals().widgets.noninteractive.bg_stroke.color,
                ))
                .corner_radius(look.theme.radius * 2)
                .show(ui, |ui| {
                    ui.set_min_size((room - egui::vec2(2.0, 2.0)).floor().max(egui::Vec2::ZERO));
                    ui.centered_and_justified(|ui| {
                        let line = ui.add(
                            egui::Label::new(
                                RichText::new(missing.line)
                                    .size(look.sizes.body)
                                    .italics()
                                    .color(look.theme.muted_text),
                            )
                            .wrap(),
                        );
                        if let Some(help) = missing.help {
                            line.on_hover_text(help);
                        }
                    });
                });
        }
    }
}

/// Any other record (an entity, a region, a section, a note) as its inspector card, in the
/// slide's type.
pub(super) fn record_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    item: Item,
    title: Option<&str>,
) {
    if let Some(title) = title {
        heading_ui(look, ui, title);
    }
    ui.style_mut().override_font_id = Some(egui::FontId::proportional(look.sizes.small));
    records::item_ui(ctx, ui, item, UiLayout::Inspector);
}

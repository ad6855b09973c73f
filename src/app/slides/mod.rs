//! Slides for a room: one layout per kind of slide ([`deck::Shows`]), each filling the screen in
//! type sized for the back row ([`SlideType`]), in whatever theme it is given (the projector
//! theme in presentation mode and `paperlens slides`). Presentation mode, the presenter view and
//! the slide export all draw through [`slide_ui`].

mod case_table;
mod table_grid;
mod text_slides;

use std::ops::Range;

use eframe::egui::{
    self, Align, Color32, FontFamily, FontId, Layout, RichText, Sense, Ui, UiBuilder,
    text::{LayoutJob, TextFormat},
};

use super::context::ViewCtx;
use super::theme::{SlideType, Theme};
use crate::deck::{Shows, Slide, TableLayout};

/// What every slide layout draws with: the theme's colours and the slide's type scale.
#[derive(Clone, Copy)]
struct Look<'a> {
    theme: &'a Theme,
    sizes: SlideType,
}

/// Draws `slide` to fill the space `ui` has left.
pub fn slide_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, slide: &Slide) {
    let rect = ui.available_rect_before_wrap();
    let sizes = SlideType::for_height(rect.height());
    let look = Look {
        theme: ctx.theme,
        sizes,
    };
    let inner = rect.shrink(sizes.margin);
    // Whole points, so that what the layouts place from it stays on the pixel grid.
    let inner = egui::Rect::from_min_max(inner.min.ceil(), inner.max.floor());
    let mut page = ui.new_child(
        UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::top_down(Align::LEFT))
            .id_salt(("slide", slide.step, format!("{:?}", slide.shows))),
    );
    page.set_clip_rect(rect.intersect(ui.clip_rect()));
    page.spacing_mut().item_spacing = egui::vec2(sizes.gap * 0.5, sizes.gap * 0.5);
    // Slide type is sized to the screen, so text heights are fractions of a point; egui paints
    // text on whole pixels anyway. Debug builds would otherwise mark every such edge (release
    // builds have no debug options).
    #[cfg(debug_assertions)]
    {
        page.style_mut().debug.show_unaligned = false;
    }
    let title = slide.title.as_deref();
    match &slide.shows {
        Shows::Title => text_slides::title_slide_ui(ctx, look, &mut page),
        Shows::Chart { series, year } => {
            chart_slide_ui(ctx, look, &mut page, *series, *year, title);
        }
        Shows::Table {
            table,
            rows,
            heading,
            marked,
            layout,
        } => {
            let shown = case_table::TableSlide {
                table: *table,
                rows,
                heading,
                marked: *marked,
            };
            match layout {
                TableLayout::Cards => {
                    case_table::table_slide_ui(ctx, look, &mut page, shown, title);
                }
                TableLayout::Grid => {
                    table_grid::table_grid_slide_ui(ctx, look, &mut page, shown, title);
                }
            }
        }
        Shows::Case(case) => case_table::case_slide_ui(ctx, look, &mut page, *case, title),
        Shows::Figure(figure) => text_slides::figure_slide_ui(ctx, look, &mut page, *figure, title),
        Shows::Passage {
            paragraph,
            highlight,
        } => text_slides::passage_slide_ui(
            ctx,
            look,
            &mut page,
            *paragraph,
            highlight.as_deref(),
            title,
        ),
        Shows::Citation(citation) => {
            text_slides::citation_slide_ui(ctx, look, &mut page, *citation, title);
        }
        Shows::Reference(reference) => {
            text_slides::reference_slide_ui(ctx, look, &mut page, *reference, title);
        }
        Shows::References { first, count } => {
            text_slides::references_slide_ui(ctx, look, &mut page, *first..*first + *count);
        }
        Shows::Record(item) => text_slides::record_slide_ui(ctx, look, &mut page, *item, title),
    }
    ui.allocate_rect(rect, Sense::hover());
}

/// The chart of `series` (its chart group), full width, with its title and source line; a tour
/// step's title stands above it as the kicker, so the slide keeps one title.
fn chart_slide_ui(
    ctx: &ViewCtx<'_>,
    look: Look<'_>,
    ui: &mut Ui,
    series: usize,
    year: Option<i32>,
    title: Option<&str>,
) {
    if let Some(title) = title {
        kicker_ui(look, ui, title);
    }
    super::chart_slide::chart_slide_sized_ui(ctx, ui, series, year, look.sizes);
}

/// The small line above a title: what the slide is ("Case study · ASEAN", "Table 2 · Valine
/// (umol/l)"). Set in the paper's own letters: upper case would change its units and names
/// (`mU/m²` is not `MU/M²`, `mRNA` not `MRNA`).
fn kicker_ui(look: Look<'_>, ui: &mut Ui, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    ui.label(
        RichText::new(text.trim())
            .size(look.sizes.small)
            .color(look.theme.muted_text)
            .strong(),
    );
}

/// The rest of a caption under a slide's heading (a figure's or table's legend), in small
/// muted type; nothing when it is empty.
fn legend_ui(look: Look<'_>, ui: &mut Ui, legend: &str) {
    if legend.trim().is_empty() {
        return;
    }
    ui.add(
        egui::Label::new(
            RichText::new(legend.trim())
                .size(look.sizes.small)
                .color(look.theme.muted_text),
        )
        .wrap(),
    );
}

/// A slide's title, wrapped; a long one is set smaller so that it keeps to three lines.
fn heading_ui(look: Look<'_>, ui: &mut Ui, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let width = ui.available_width();
    let colour = ui.visuals().strong_text_color();
    let galley = fitted(
        ui,
        |size| plain_job(text, size, colour),
        width,
        look.sizes.title * 3.6,
        look.sizes.title,
        look.sizes.body,
    );
    galley_ui(ui, galley);
    ui.add_space(look.sizes.gap * 0.5);
}

/// Forms, countries or keywords as large tags.
fn tags_ui(look: Look<'_>, ui: &mut Ui, tags: &[String]) {
    let tags: Vec<&str> = tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if tags.is_empty() {
        return;
    }
    let pad = look.sizes.gap * 0.5;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(pad, pad);
        for tag in tags {
            egui::Frame::new()
                .fill(look.theme.chip_fill)
                .corner_radius(look.theme.radius * 2)
                .inner_margin(egui::Margin::symmetric(
                    margin_points(pad * 1.5),
                    margin_points(pad * 0.5),
                ))
                .show(ui, |ui| {
                    ui.label(RichText::new(tag).size(look.sizes.body * 0.9));
                });
        }
    });
}

/// A text set large beside an accent bar, the `marked` ranges on the highlight fill, at `size`
/// or smaller until it fits the space left.
fn quote_ui(look: Look<'_>, ui: &mut Ui, text: &str, marked: &[Range<usize>], size: f32) {
    let bar = look.sizes.line_width * 1.5;
    let indent = bar + look.sizes.gap;
    let (width, height) = quote_room(look, ui);
    let colour = ui.visuals().text_color();
    let galley = fitted(
        ui,
        |size| marked_job(text.trim(), marked, size, colour, look.theme.highlight_fill),
        width,
        height,
        size,
        look.sizes.small * 0.8,
    );
    let size = galley.size();
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(indent + size.x, size.y).ceil(),
        egui::Sense::hover(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, galley.text()));
    ui.painter().rect_filled(
        egui::Rect::from_min_size(rect.min, egui::vec2(bar, size.y)),
        0.0,
        look.theme.accent,
    );
    ui.painter()
        .galley(rect.min + egui::vec2(indent, 0.0), galley, colour);
}

/// Whether `text` set at `size` fits the room [`quote_ui`] gives it in `ui`.
fn quote_fits(look: Look<'_>, ui: &Ui, text: &str, marked: &[Range<usize>], size: f32) -> bool {
    let (width, height) = quote_room(look, ui);
    let colour = ui.visuals().text_color();
    let mut job = marked_job(text.trim(), marked, size, colour, look.theme.highlight_fill);
    job.wrap.max_width = width;
    ui.fonts_mut(|fonts| fonts.layout_job(job)).size().y <= height
}

/// The width and height of the text of a quote: the room left beside the accent bar, less a
/// line for what follows.
fn quote_room(look: Look<'_>, ui: &Ui) -> (f32, f32) {
    let indent = look.sizes.line_width * 1.5 + look.sizes.gap;
    (
        ui.available_width() - indent,
        ui.available_height() - look.sizes.small * 3.0,
    )
}

/// Lays out a text already shaped, in a space of whole points (so that what follows it stays on
/// the pixel grid).
fn galley_ui(ui: &mut Ui, galley: std::sync::Arc<egui::Galley>) {
    let (rect, response) = ui.allocate_exact_size(galley.size().ceil(), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, galley.text()));
    let colour = ui.visuals().text_color();
    ui.painter().galley(rect.min, galley, colour);
}

/// A margin in whole points (egui margins are `i8`): clamped to what fits.
fn margin_points(points: f32) -> i8 {
    // Clamped into i8's range first, so the cast cannot wrap.
    #[allow(clippy::cast_possible_truncation)]
    let whole = points.round().clamp(0.0, f32::from(i8::MAX)) as i8;
    whole
}

/// A text in one font and colour.
fn plain_job(text: &str, size: f32, colour: Color32) -> LayoutJob {
    LayoutJob::single_section(
        text.to_owned(),
        TextFormat::simple(FontId::new(size, FontFamily::Proportional), colour),
    )
}

/// `text` with `marked` byte ranges on the highlight fill, in the body size.
fn marked_job(
    text: &str,
    marked: &[Range<usize>],
    size: f32,
    colour: Color32,
    mark: Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = FontId::new(size, FontFamily::Proportional);
    let plain = TextFormat::simple(font.clone(), colour);
    let highlighted = TextFormat {
        background: mark,
        underline: egui::Stroke::new((size / 12.0).max(1.0), colour),
        ..TextFormat::simple(font, colour)
    };
    let mut at = 0;
    for range in marked {
        let (Some(before), Some(inside)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        job.append(inside, 0.0, highlighted.clone());
        at = range.end;
    }
    job.append(text.get(at..).unwrap_or_default(), 0.0, plain);
    job.wrap.max_width = f32::INFINITY;
    job
}

/// The text `job(size)` lays out, `width` wide, at the largest size from `size` down to
/// `smallest` (in steps of a tenth) whose height fits `max_height`.
fn fitted(
    ui: &Ui,
    job: impl Fn(f32) -> LayoutJob,
    width: f32,
    max_height: f32,
    size: f32,
    smallest: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut size = size;
    loop {
        let mut laid = job(size);
        laid.wrap.max_width = width;
        let galley = ui.fonts_mut(|fonts| fonts.layout_job(laid));
        if galley.size().y <= max_height || size * 0.9 < smallest {
            return galley;
        }
        size *= 0.9;
    }
}

//! Presentation mode: fullscreen slides for a lecture, in the projector theme and large type.
//!
//! Slides step through the trend chart(s), the regional table one region at a time, and each
//! case study. Arrow keys, Page Up/Down and Space step; Home/End jump; Esc leaves.

use eframe::egui::{self, RichText, Ui};

use super::cases_view;
use super::commands::UiCommand;
use super::context::ViewCtx;
use super::table_view;
use super::trends_view::TrendsView;
use crate::corpus::model::CaseKind;
use crate::corpus::{Corpus, Item, ItemKind};

/// One slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// A trend chart: position of the series.
    Trend(usize),
    /// The regional table's rows of one region: position of the region.
    Region(usize),
    /// A case study: position of the case.
    Case(usize),
}

/// The slides of a corpus, in order: trends, then the table by region, then case studies.
#[must_use]
pub fn slides(corpus: &Corpus) -> Vec<Slide> {
    let mut slides: Vec<Slide> = (0..corpus.file.series.len()).map(Slide::Trend).collect();
    slides.extend(
        (0..corpus.file.regional_table.regions.len())
            .filter(|&r| {
                !corpus
                    .index
                    .linked(Item::Region(r), ItemKind::TableRow)
                    .is_empty()
            })
            .map(Slide::Region),
    );
    slides.extend(
        corpus
            .file
            .cases
            .iter()
            .enumerate()
            .filter(|(_, case)| case.kind == CaseKind::CaseStudy)
            .map(|(i, _)| Slide::Case(i)),
    );
    slides
}

/// What the keyboard asked of presentation mode this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentationKey {
    /// Nothing.
    None,
    /// Leave presentation mode.
    Leave,
}

/// Presentation mode's own state.
#[derive(Debug, Default)]
pub struct Presentation {
    /// The slide shown (index into [`slides`]).
    pub slide: usize,
}

impl Presentation {
    /// Handles the stepping keys; returns whether to leave.
    pub fn handle_keys(&mut self, ctx: &egui::Context, slide_count: usize) -> PresentationKey {
        let last = slide_count.saturating_sub(1);
        let mut leave = false;
        // The keys come from the one command table, F11 from the command that entered.
        ctx.input_mut(|input| {
            if UiCommand::SlideNext.triggered(input, false) {
                self.slide = (self.slide + 1).min(last);
            }
            if UiCommand::SlidePrevious.triggered(input, false) {
                self.slide = self.slide.saturating_sub(1);
            }
            if UiCommand::SlideFirst.triggered(input, false) {
                self.slide = 0;
            }
            if UiCommand::SlideLast.triggered(input, false) {
                self.slide = last;
            }
            leave = UiCommand::LeavePresentation.triggered(input, false)
                || UiCommand::TogglePresentation.triggered(input, false);
        });
        self.slide = self.slide.min(last);
        if leave {
            PresentationKey::Leave
        } else {
            PresentationKey::None
        }
    }

    /// Draws the current slide over the whole window, with the `n / N` counter.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, trends: &mut TrendsView) {
        let slides = slides(ctx.corpus);
        let Some(&slide) = slides.get(self.slide) else {
            ui.centered_and_justified(|ui| {
                ui.label(
                    RichText::new("This corpus has nothing to present.")
                        .size(ctx.theme.heading_size),
                );
            });
            return;
        };
        let margin = ctx.theme.gap * 3.0;
        egui::Frame::new().inner_margin(margin).show(ui, |ui| {
            let counter_height = ctx.theme.small_size * 2.0;
            let content_height = ui.available_height() - counter_height;
            ui.allocate_ui(egui::vec2(ui.available_width(), content_height), |ui| {
                ui.set_min_height(content_height);
                match slide {
                    Slide::Trend(series) => {
                        trends.series = series;
                        trends.chart_with_title_ui(ctx, ui, content_height);
                    }
                    Slide::Region(region) => region_slide_ui(ctx, ui, region),
                    Slide::Case(case) => {
                        ui.label(
                            RichText::new("Case study")
                                .size(ctx.theme.small_size)
                                .color(ctx.theme.muted_text),
                        );
                        cases_view::card_ui(ctx, ui, case);
                    }
                }
            });
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new("← → step · Esc leaves")
                        .size(ctx.theme.small_size)
                        .color(ctx.theme.muted_text),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(
                        RichText::new(format!("{} / {}", self.slide + 1, slides.len()))
                            .size(ctx.theme.small_size)
                            .strong(),
                    );
                });
            });
        });
    }
}

fn region_slide_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, region: usize) {
    let corpus = ctx.corpus;
    let Some(record) = corpus.file.regional_table.regions.get(region) else {
        return;
    };
    ui.label(
        RichText::new("Regional cooperation against human trafficking")
            .size(ctx.theme.small_size)
            .color(ctx.theme.muted_text),
    );
    ui.label(
        RichText::new(&record.name)
            .size(ctx.theme.heading_size)
            .strong(),
    );
    ui.add_space(ctx.theme.gap);
    let widths = table_view::column_widths(ui.available_width() - 2.0 * ctx.theme.gap);
    table_view::header_row_ui(ctx, ui, &widths);
    egui::ScrollArea::vertical()
        .id_salt(("slide-region", region))
        .show(ui, |ui| {
            for (n, &row) in corpus
                .index
                .linked(Item::Region(region), ItemKind::TableRow)
                .iter()
                .enumerate()
            {
                table_view::row_ui(ctx, ui, row, &widths, n % 2 == 1);
            }
        });
}

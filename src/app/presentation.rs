//! Presentation mode: fullscreen slides for a lecture, in the projector theme and large type.
//!
//! The slides come from the views of the registry ([`View::slides`]), ordered by each view's
//! [`View::slide_order`]: the trend chart(s), the regional table one region at a time, each case
//! study. Arrow keys, Page Up/Down and Space step; Home/End jump; Esc leaves.

use eframe::egui::{self, RichText, Ui};

use super::commands::UiCommand;
use super::context::ViewCtx;
use super::views::{View, Views};
use crate::corpus::Corpus;

/// One slide: the view that draws it and which of that view's slides it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slide {
    /// The view's id ([`View::id`]).
    pub view: &'static str,
    /// The view's own number for the slide (a series, a region, a case).
    pub number: usize,
}

/// The slides of a corpus, in order: each view's slides, views ordered by their
/// [`View::slide_order`] (the registry's order among equals).
#[must_use]
pub fn slides(views: &Views, corpus: &Corpus) -> Vec<Slide> {
    let mut presenting: Vec<&dyn View> = views.iter().collect();
    presenting.sort_by_key(|view| view.slide_order());
    presenting
        .into_iter()
        .flat_map(|view| {
            let id = view.id();
            view.slides(corpus)
                .into_iter()
                .map(move |number| Slide { view: id, number })
        })
        .collect()
}

/// Where a presentation starts: the slide of what a view shows now (the selected series), else
/// the first.
#[must_use]
pub fn starting_slide(views: &Views, slides: &[Slide]) -> usize {
    slides
        .iter()
        .position(|slide| {
            views
                .by_id(slide.view)
                .and_then(View::current_slide)
                .is_some_and(|current| current == slide.number)
        })
        .unwrap_or(0)
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
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, views: &mut Views) {
        let slides = slides(views, ctx.corpus);
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
                if let Some(view) = views.by_id_mut(slide.view) {
                    view.slide_ui(ctx, ui, slide.number, content_height);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::CaseKind;

    #[test]
    fn slides_come_from_the_views_in_their_slide_order() {
        let corpus = Corpus::builtin();
        let views = Views::default();
        let all = slides(&views, &corpus);
        let mut order: Vec<&str> = all.iter().map(|slide| slide.view).collect();
        order.dedup();
        assert_eq!(order, ["trends", "table", "cases"]);
        let count = |view: &str| all.iter().filter(|slide| slide.view == view).count();
        assert_eq!(count("trends"), corpus.file.series.len());
        let case_studies = corpus
            .file
            .cases
            .iter()
            .filter(|case| case.kind == CaseKind::CaseStudy)
            .count();
        assert_eq!(count("cases"), case_studies);
        // One slide per eight rows of each table.
        let pages: usize = corpus
            .file
            .tables
            .iter()
            .map(|t| t.rows.len().div_ceil(8).max(1))
            .sum();
        assert_eq!(count("table"), pages);
        assert_eq!(starting_slide(&views, &all), 0, "the first series is shown");
    }
}

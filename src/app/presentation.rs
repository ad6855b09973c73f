//! Presentation mode: fullscreen slides for a lecture, in the projector theme and large type.
//!
//! The slides are the deck ([`deck::deck`]): the corpus's tour when it has one, else the slides
//! it gives by itself. Each is drawn by [`slides::slide_ui`]. Arrow keys, Page Up/Down and Space
//! step; Home/End jump; Esc leaves.

use eframe::egui::{self, RichText, Ui};

use super::commands::UiCommand;
use super::context::ViewCtx;
use super::presenter::{self, PresenterView};
use super::slides;
use crate::corpus::{Corpus, Item};
use crate::deck::{self, Shows, Slide};

/// Where a presentation starts: the slide showing the selected item (for a table row, the
/// slide of its table's rows it is among), else the first.
#[must_use]
pub fn starting_slide(corpus: &Corpus, slides: &[Slide], selected: Option<Item>) -> usize {
    let Some(shows) = selected.and_then(|item| deck::shows_item(corpus, item, None)) else {
        return 0;
    };
    slides
        .iter()
        .position(|slide| slide.shows == shows)
        .or_else(|| match &shows {
            Shows::Table {
                table,
                marked: Some(row),
                ..
            } => slides.iter().position(|slide| {
                matches!(&slide.shows, Shows::Table { table: other, rows, .. }
                    if other == table && rows.contains(row))
            }),
            _ => None,
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
    /// The slides, as the deck was when the presentation began.
    pub slides: Vec<Slide>,
    /// The slide shown (index into `slides`).
    pub slide: usize,
    /// Whether the speaker notes show over the slide (one screen).
    pub notes_shown: bool,
    /// The presenter view, while it is open.
    pub presenter: Option<PresenterView>,
}

impl Presentation {
    /// A presentation of `corpus`'s deck, starting on the slide of `selected` if it has one.
    #[must_use]
    pub fn new(corpus: &Corpus, selected: Option<Item>) -> Self {
        let slides = deck::deck(corpus);
        let slide = starting_slide(corpus, &slides, selected);
        Self {
            slides,
            slide,
            ..Self::default()
        }
    }

    /// Handles the stepping keys; returns whether to leave.
    pub fn handle_keys(&mut self, ctx: &egui::Context) -> PresentationKey {
        let last = self.slides.len().saturating_sub(1);
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
            if UiCommand::ToggleSpeakerNotes.triggered(input, false) {
                self.notes_shown = !self.notes_shown;
            }
            if UiCommand::TogglePresenterView.triggered(input, false) {
                self.presenter = match self.presenter {
                    Some(_) => None,
                    None => Some(PresenterView {
                        started: input.time,
                        monitor: 1,
                    }),
                };
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

    /// Draws presentation mode: the presenter view when it is open, else the current slide.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        if self.presenter.is_some() {
            presenter::presenter_ui(self, ctx, ui);
        } else {
            self.slide_ui(ctx, ui);
        }
    }

    /// Draws the current slide over the whole of `ui`, with the `n / N` counter and, when asked
    /// for, the speaker notes over it.
    pub fn slide_ui(&self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let Some(slide) = self.slides.get(self.slide) else {
            ui.centered_and_justified(|ui| {
                ui.label(
                    RichText::new("This corpus has nothing to present.")
                        .size(ctx.theme.heading_size),
                );
            });
            return;
        };
        let slide_rect = slide_frame_ui(ctx, ui, slide, (self.slide, self.slides.len()), true);
        if self.notes_shown && self.presenter.is_none() {
            presenter::notes_overlay_ui(ctx, ui, slide, slide_rect);
        }
    }
}

/// One slide as presentation mode shows it: the slide over the whole of `ui` and, under it, the
/// `n / N` counter (slide `number` of `count`, from zero) and, when `key_hints`, the keys. The
/// slide export draws through it too, without the keys. Returns the slide's rectangle.
pub fn slide_frame_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    slide: &Slide,
    (number, count): (usize, usize),
    key_hints: bool,
) -> egui::Rect {
    let counter_height = ctx.theme.small_size * 2.0;
    let content_height = (ui.available_height() - counter_height).max(0.0);
    let slide_rect = ui
        .allocate_ui(egui::vec2(ui.available_width(), content_height), |ui| {
            ui.set_min_height(content_height);
            slides::slide_ui(ctx, ui, slide);
        })
        .response
        .rect;
    ui.horizontal(|ui| {
        if key_hints {
            ui.add_space(ctx.theme.gap * 2.0);
            ui.label(
                RichText::new("← → step · N notes · P presenter view · Esc leaves")
                    .size(ctx.theme.small_size)
                    .color(ctx.theme.muted_text),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.add_space(ctx.theme.gap * 2.0);
            ui.label(
                RichText::new(format!("{} / {count}", number + 1))
                    .size(ctx.theme.small_size)
                    .strong(),
            );
        });
    });
    slide_rect
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_presentation_starts_on_the_slide_of_the_selection() {
        let mut corpus = Corpus::builtin();
        corpus.file.tour.clear();
        let presentation = Presentation::new(&corpus, None);
        assert_eq!(presentation.slide, 0);
        let case = corpus
            .file
            .cases
            .iter()
            .position(|c| c.kind == crate::corpus::model::CaseKind::CaseStudy)
            .unwrap_or_default();
        let presentation = Presentation::new(&corpus, Some(Item::Case(case)));
        assert_eq!(
            presentation.slides[presentation.slide].shows,
            deck::Shows::Case(case)
        );
    }
}

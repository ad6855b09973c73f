//! The presenter view: the slides fullscreen in a window of their own (on the chosen screen), and
//! here, for the lecturer, the current and next slide, the speaker notes, a timer and the slide
//! list. With one screen, the notes show over the slide instead ([`notes_overlay_ui`]).

use eframe::egui::{
    self, Align, Layout, RichText, Sense, Ui, UiBuilder, ViewportBuilder, ViewportId,
};

use super::context::ViewCtx;
use super::presentation::Presentation;
use super::slides;
use crate::deck::{self, Slide};

/// The presenter view's own state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PresenterView {
    /// When the timer started (egui's clock, seconds).
    pub started: f64,
    /// The screen the slides go fullscreen on, in the system's order (0 is the first).
    pub monitor: usize,
}

/// The slides' window while the presenter view is open.
fn slides_viewport() -> ViewportId {
    ViewportId::from_hash_of("paperlens-slides")
}

/// `seconds` as a clock: `4:05`, `1:02:09`.
#[must_use]
pub fn clock(seconds: f64) -> String {
    // Whole seconds of a lecture: far inside u64, never negative after the clamp.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let total = seconds.max(0.0).floor() as u64;
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// The console on the lecturer's screen, and the slides' window on the other.
pub fn presenter_ui(presentation: &mut Presentation, ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let Some(view) = presentation.presenter else {
        return;
    };
    slides_window_ui(presentation, ctx, ui, view);
    let theme = ctx.theme;
    let now = ui.input(|input| input.time);
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_secs(1));
    let current = presentation.slides.get(presentation.slide).cloned();
    let next = presentation.slides.get(presentation.slide + 1).cloned();
    let total = presentation.slides.len();
    let gap = theme.gap * 2.0;
    let room = ui.available_rect_before_wrap().shrink(gap);
    let left_width = (room.width() * 0.62).floor();
    let left = egui::Rect::from_min_size(room.min, egui::vec2(left_width, room.height()));
    let right = egui::Rect::from_min_max(egui::pos2(left.max.x + gap, room.min.y), room.max);
    let mut left_ui = ui.new_child(
        UiBuilder::new()
            .max_rect(left)
            .layout(Layout::top_down(Align::LEFT)),
    );
    current_and_notes_ui(presentation, ctx, &mut left_ui, current.as_ref(), total);
    let mut right_ui = ui.new_child(
        UiBuilder::new()
            .max_rect(right)
            .layout(Layout::top_down(Align::LEFT)),
    );
    timer_next_and_list_ui(
        presentation,
        ctx,
        &mut right_ui,
        next.as_ref(),
        now - view.started,
    );
}

/// The current slide as the room sees it, and its speaker notes under it.
fn current_and_notes_ui(
    presentation: &Presentation,
    ctx: &ViewCtx<'_>,
    left_ui: &mut Ui,
    current: Option<&Slide>,
    total: usize,
) {
    let theme = ctx.theme;
    let left = left_ui.max_rect();
    left_ui.label(
        RichText::new(format!("Slide {} of {total}", presentation.slide + 1))
            .size(theme.small_size)
            .color(theme.muted_text),
    );
    let thumb_width = left.width();
    if let Some(slide) = current {
        thumbnail_ui(ctx, left_ui, slide, thumb_width);
    }
    left_ui.add_space(theme.gap);
    left_ui.label(
        RichText::new("Speaker notes")
            .size(theme.small_size)
            .strong(),
    );
    let notes = current
        .as_ref()
        .map(|slide| slide.notes.trim().to_owned())
        .unwrap_or_default();
    egui::ScrollArea::vertical()
        .id_salt("presenter-notes")
        .show(left_ui, |ui| {
            if notes.is_empty() {
                ui.label(
                    RichText::new("No notes for this slide.")
                        .size(theme.body_size)
                        .color(theme.muted_text),
                );
            } else {
                ui.add(egui::Label::new(RichText::new(notes).size(theme.reading_size)).wrap());
            }
        });
}

/// The timer, the screen the slides show on, the next slide and the list of every slide.
fn timer_next_and_list_ui(
    presentation: &mut Presentation,
    ctx: &ViewCtx<'_>,
    right_ui: &mut Ui,
    next: Option<&Slide>,
    elapsed: f64,
) {
    let theme = ctx.theme;
    let right = right_ui.max_rect();
    let now = right_ui.input(|input| input.time);
    right_ui.horizontal(|ui| {
        ui.label(
            RichText::new(clock(elapsed))
                .size(theme.heading_size * 1.4)
                .monospace()
                .strong(),
        )
        .on_hover_text("Time since the presentation began");
        if ui.button("Restart timer").clicked()
            && let Some(view) = &mut presentation.presenter
        {
            view.started = now;
        }
    });
    right_ui.horizontal(|ui| {
        ui.label(RichText::new("Slides on screen").size(theme.small_size));
        for screen in 0..3 {
            let chosen = presentation
                .presenter
                .is_some_and(|view| view.monitor == screen);
            if ui
                .selectable_label(chosen, format!("{}", screen + 1))
                .on_hover_text(format!(
                    "Show the slides fullscreen on screen {}",
                    screen + 1
                ))
                .clicked()
                && let Some(view) = &mut presentation.presenter
            {
                view.monitor = screen;
                ui.ctx().send_viewport_cmd_to(
                    slides_viewport(),
                    egui::ViewportCommand::SetMonitor(screen),
                );
            }
        }
    });
    right_ui.add_space(theme.gap);
    right_ui.label(RichText::new("Next").size(theme.small_size).strong());
    match next {
        Some(slide) => thumbnail_ui(ctx, right_ui, slide, right.width() * 0.8),
        None => {
            right_ui.label(
                RichText::new("End of the slides")
                    .size(theme.body_size)
                    .color(theme.muted_text),
            );
        }
    }
    right_ui.add_space(theme.gap);
    right_ui.label(RichText::new("All slides").size(theme.small_size).strong());
    egui::ScrollArea::vertical()
        .id_salt("presenter-slide-list")
        .show(right_ui, |ui| {
            for (position, slide) in presentation.slides.clone().iter().enumerate() {
                let label = format!("{}. {}", position + 1, deck::slide_label(ctx.corpus, slide));
                let response = ui.selectable_label(position == presentation.slide, label);
                if response.clicked() {
                    presentation.slide = position;
                }
            }
        });
}

/// A slide drawn `width` points wide at 16:9, framed, as the room sees it.
fn thumbnail_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, slide: &Slide, width: f32) {
    let width = width.max(64.0).floor();
    let size = egui::vec2(width, (width * 9.0 / 16.0).floor());
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    ui.painter().rect_stroke(
        rect,
        ctx.theme.radius,
        egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
        egui::StrokeKind::Outside,
    );
    let mut inside = ui.new_child(
        UiBuilder::new()
            .max_rect(rect)
            .layout(Layout::top_down(Align::LEFT))
            .id_salt(("thumbnail", slide.step, format!("{:?}", slide.shows))),
    );
    inside.set_clip_rect(rect.intersect(ui.clip_rect()));
    slides::slide_ui(ctx, &mut inside, slide);
}

/// The slides' own window, fullscreen on the chosen screen; keys pressed there step the slides
/// too, and Esc there (or closing it) closes the presenter view.
fn slides_window_ui(
    presentation: &mut Presentation,
    ctx: &ViewCtx<'_>,
    ui: &Ui,
    view: PresenterView,
) {
    let builder = ViewportBuilder::default()
        .with_title("paperlens — slides")
        .with_inner_size([1280.0, 720.0])
        .with_fullscreen(true)
        .with_monitor(view.monitor);
    ui.ctx()
        .show_viewport_immediate(slides_viewport(), builder, |ui, class| {
            let closing = ui.input(|input| input.viewport().close_requested());
            if class == egui::ViewportClass::EmbeddedWindow {
                // Where the window cannot open another (tests), the slides show in a frame.
                let (rect, _) = ui.allocate_exact_size(egui::vec2(640.0, 360.0), Sense::hover());
                let mut inside = ui.new_child(UiBuilder::new().max_rect(rect));
                presentation.slide_ui(ctx, &mut inside);
            } else {
                egui::CentralPanel::default().show(ui, |ui| {
                    presentation.slide_ui(ctx, ui);
                });
                if presentation.handle_keys(ui.ctx()) == super::presentation::PresentationKey::Leave
                    || closing
                {
                    presentation.presenter = None;
                }
            }
        });
}

/// The speaker notes over the bottom of the slide, for a lecturer with one screen.
pub fn notes_overlay_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, slide: &Slide, rect: egui::Rect) {
    let notes = slide.notes.trim();
    let text = if notes.is_empty() {
        "No notes for this slide."
    } else {
        notes
    };
    let height = (rect.height() * 0.3).floor();
    let area = egui::Rect::from_min_max(egui::pos2(rect.min.x, rect.max.y - height), rect.max);
    let mut overlay = ui.new_child(UiBuilder::new().max_rect(area).layer_id(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("speaker-notes"),
    )));
    egui::Frame::new()
        .fill(ui.visuals().window_fill)
        .stroke(egui::Stroke::new(2.0, ctx.theme.accent))
        .corner_radius(ctx.theme.radius * 2)
        .inner_margin(ctx.theme.gap * 1.5)
        .show(&mut overlay, |ui| {
            ui.set_min_size(
                (area.size() - egui::vec2(ctx.theme.gap * 3.0 + 4.0, ctx.theme.gap * 3.0 + 4.0))
                    .max(egui::Vec2::ZERO),
            );
            ui.label(
                RichText::new("Speaker notes (N hides)")
                    .size(ctx.theme.small_size)
                    .strong(),
            );
            egui::ScrollArea::vertical()
                .id_salt("notes-overlay")
                .show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(text).size(ctx.theme.body_size)).wrap());
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_reads_as_a_clock() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(245.9), "4:05");
        assert_eq!(clock(3729.0), "1:02:09");
        assert_eq!(clock(-3.0), "0:00");
    }
}

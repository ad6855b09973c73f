//! Windows over the main layout: the diagnostics list and the keyboard shortcut overlay.

use eframe::egui::{self, RichText, Ui};

use super::commands::{OTHER_KEYS, Scope, UiCommand};
use super::context::ViewCtx;
use super::views::Views;

/// The diagnostics window: what `paperlens check` prints for the last failed or warned load.
#[derive(Debug, Default)]
pub struct DiagnosticsWindow {
    /// Whether it is shown.
    pub open: bool,
    /// Heading, e.g. "Could not open broken.json".
    pub title: String,
    /// One-line explanation under the heading.
    pub summary: String,
    /// The diagnostics as `paperlens check` prints them.
    pub text: String,
}

impl DiagnosticsWindow {
    /// Shows `text` under `title`.
    pub fn show_report(&mut self, title: String, summary: String, text: String) {
        self.title = title;
        self.summary = summary;
        self.text = text;
        self.open = true;
    }

    /// Draws the window when open.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &Ui) {
        if !self.open {
            return;
        }
        let mut open = true;
        let screen = ui.ctx().content_rect();
        egui::Window::new("Diagnostics")
            .id(egui::Id::unique("diagnostics-window"))
            .open(&mut open)
            .default_size([screen.width() * 0.6, screen.height() * 0.6])
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(&self.title).heading());
                ui.add(
                    egui::Label::new(RichText::new(&self.summary).color(ctx.theme.muted_text))
                        .wrap(),
                );
                ui.separator();
                egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(&self.text).monospace()).extend());
                });
            });
        if !open {
            self.open = false;
        }
    }
}

/// Draws the shortcut overlay: every command of [`UiCommand::all`] with its keys, then
/// [`OTHER_KEYS`]; returns `false` when the user closed it.
pub fn shortcuts_ui(ctx: &ViewCtx<'_>, ui: &Ui, views: &Views) -> bool {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .id(egui::Id::unique("shortcuts-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ui.ctx(), |ui| {
            let max_height = ui.ctx().content_rect().height() * 0.75;
            egui::ScrollArea::vertical()
                .max_height(max_height)
                .show(ui, |ui| {
                    egui::Grid::new("shortcuts")
                        .num_columns(2)
                        .striped(true)
                        .spacing([24.0, 6.0])
                        .show(ui, |ui| {
                            let mut scope = Scope::Window;
                            for command in UiCommand::all(views) {
                                let keys = command.keys_text();
                                if keys.is_empty() {
                                    continue;
                                }
                                if command.scope() != scope {
                                    scope = command.scope();
                                    if let Some(heading) = scope.heading() {
                                        ui.label(RichText::new(heading).strong());
                                        ui.end_row();
                                    }
                                }
                                ui.label(RichText::new(keys).monospace().strong());
                                ui.label(command.tooltip());
                                ui.end_row();
                            }
                            ui.label(RichText::new("Anywhere").strong());
                            ui.end_row();
                            for (keys, action) in OTHER_KEYS {
                                ui.label(RichText::new(keys).monospace().strong());
                                ui.label(action);
                                ui.end_row();
                            }
                        });
                });
            ui.add_space(ctx.theme.gap);
            ui.label(
                RichText::new("Every control can also be reached with Tab.")
                    .small()
                    .color(ctx.theme.muted_text),
            );
        });
    open
}

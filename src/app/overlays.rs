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
                let font = egui::TextStyle::Monospace.resolve(ui.style());
                let glyph = ui.fonts_mut(|fonts| fonts.glyph_width(&font, 'm'));
                let scroll_bar = ui.spacing().scroll.bar_width;
                // Truncation is wanted: a whole number of characters fits.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let columns = ((ui.available_width() - scroll_bar) / glyph.max(1.0)) as usize;
                let text = wrap_report(&self.text, columns);
                egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(text).monospace()).extend());
                });
            });
        if !open {
            self.open = false;
        }
    }
}

/// The fewest columns a report is wrapped to; a narrower window scrolls instead.
const NARROWEST_REPORT: usize = 40;

/// A report as `paperlens check` prints it, its message and `= help:` / `= note:` lines wrapped
/// to `columns` characters under their own text (a hanging indent), so that none runs past the
/// window's edge. Lines quoting the file (`104 | …`, `--> file:line:column`) stay whole, their
/// carets under the place they point at; the window scrolls sideways for them.
fn wrap_report(text: &str, columns: usize) -> String {
    let columns = columns.max(NARROWEST_REPORT);
    let mut wrapped = String::with_capacity(text.len());
    for line in text.lines() {
        let hang = hanging_indent(line).filter(|&hang| hang <= columns / 2);
        match hang {
            Some(hang) if line.chars().count() > columns => {
                let indent = " ".repeat(hang);
                let options = textwrap::Options::new(columns).subsequent_indent(&indent);
                for row in textwrap::wrap(line, options) {
                    wrapped.push_str(&row);
                    wrapped.push('\n');
                }
            }
            _ => {
                wrapped.push_str(line);
                wrapped.push('\n');
            }
        }
    }
    wrapped
}

/// Where a wrapped line's later rows start: after `= help: ` on a help or note line, after
/// `error[code]: ` on a message line; `None` for a line quoting the file.
fn hanging_indent(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let is_message = ["error", "warning", "info", "note", "help"]
        .iter()
        .any(|severity| trimmed.starts_with(severity));
    if !(trimmed.starts_with("= ") || is_message) {
        return None;
    }
    let label_end = line.find(": ")? + 2;
    Some(line.get(..label_end)?.chars().count())
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

#[cfg(test)]
mod tests {
    use super::wrap_report;

    #[test]
    fn help_and_message_lines_wrap_under_their_own_text_and_quoted_lines_stay_whole() {
        let report = "error[paper-syntax]: the element <settlement> opened here is never closed\n\
                      \x20  --> cut.tei.xml:104:10\n\
                      104 | ...                 <settlement>E and the rest of a long quoted line\n\
                      \x20   = help: the file is cut off or damaged: get it again from where it came from\n";
        let wrapped = wrap_report(report, 48);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert_eq!(
            lines,
            vec![
                "error[paper-syntax]: the element <settlement>",
                "                     opened here is never closed",
                "   --> cut.tei.xml:104:10",
                "104 | ...                 <settlement>E and the rest of a long quoted line",
                "    = help: the file is cut off or damaged: get",
                "            it again from where it came from",
            ]
        );
        // A report that fits is left as it is.
        assert_eq!(wrap_report(report, 200), report);
    }
}

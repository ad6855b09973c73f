//! The search box (Ctrl+K): fuzzy search as you type, results grouped by kind with the match
//! highlighted; arrow keys move, Enter opens, Escape closes.

use eframe::egui::{self, RichText, Sense, Ui};

use super::commands::UiCommand;
use super::context::{Command, ViewCtx};
use crate::corpus::search::{SearchHit, SearchIndex};

/// Results shown per kind.
const PER_KIND: usize = 8;

/// The search box's own UI state.
#[derive(Debug, Default)]
pub struct SearchPopup {
    /// Whether the box is shown.
    pub open: bool,
    /// The query typed.
    pub query: String,
    /// The highlighted result.
    pub cursor: usize,
    results: Vec<SearchHit>,
    searched: String,
    focus_next_frame: bool,
}

impl SearchPopup {
    /// Opens the box with the query selected for replacing.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_next_frame = true;
    }

    /// The current results.
    #[must_use]
    pub fn results(&self) -> &[SearchHit] {
        &self.results
    }

    /// Re-runs the search when the query changed.
    pub fn refresh(&mut self, index: &SearchIndex) {
        if self.searched != self.query {
            self.results = index.search(&self.query, PER_KIND);
            self.searched.clone_from(&self.query);
            self.cursor = 0;
        }
    }

    /// Forgets results (a new corpus was opened).
    pub fn reset(&mut self) {
        self.results.clear();
        self.searched.clear();
        self.query.clear();
        self.cursor = 0;
    }

    /// Draws the box when open.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, index: &SearchIndex) {
        if !self.open {
            return;
        }
        let egui_ctx = ui.ctx().clone();
        let (up, down, enter, escape) = egui_ctx.input_mut(|i| {
            (
                UiCommand::SearchPrevious.triggered(i, false),
                UiCommand::SearchNext.triggered(i, false),
                UiCommand::SearchOpenResult.triggered(i, false),
                UiCommand::SearchClose.triggered(i, false),
            )
        });
        if escape {
            self.open = false;
            return;
        }
        if down && self.cursor + 1 < self.results.len() {
            self.cursor += 1;
        }
        if up {
            self.cursor = self.cursor.saturating_sub(1);
        }
        if enter && let Some(hit) = self.results.get(self.cursor) {
            ctx.send(Command::Reveal(hit.item));
            self.open = false;
            return;
        }
        let screen = egui_ctx.content_rect();
        let width = (screen.width() * 0.6).clamp(360.0, 760.0);
        let mut still_open = true;
        egui::Window::new("Search")
            .id(egui::Id::unique("search-window"))
            .open(&mut still_open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 56.0])
            .fixed_size([width, 0.0])
            .show(&egui_ctx, |ui| {
                let edit = egui::TextEdit::singleline(&mut self.query)
                    .hint_text("Search references, text, cases, entities, table rows…")
                    .desired_width(f32::INFINITY);
                let response = ui.add(edit);
                if self.focus_next_frame {
                    response.request_focus();
                    self.focus_next_frame = false;
                }
                self.refresh(index);
                ui.add_space(4.0);
                if self.query.trim().is_empty() {
                    ui.label(
                        RichText::new("Type to search. ↑ ↓ to move, Enter to open, Esc to close.")
                            .small()
                            .color(ctx.theme.muted_text),
                    );
                    return;
                }
                if self.results.is_empty() {
                    ui.label(
                        RichText::new(format!("Nothing matches “{}”.", self.query.trim()))
                            .italics()
                            .color(ctx.theme.muted_text),
                    );
                    return;
                }
                let max_height = (screen.height() * 0.7).max(200.0);
                self.results_ui(ctx, ui, max_height, up || down);
            });
        if !still_open {
            self.open = false;
        }
    }

    /// The results, grouped by kind, the one under the cursor marked (and scrolled to when the
    /// cursor moved this frame).
    fn results_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, max_height: f32, cursor_moved: bool) {
        egui::ScrollArea::vertical()
            .max_height(max_height)
            .show(ui, |ui| {
                let mut current_kind = None;
                for (n, hit) in self.results.iter().enumerate() {
                    let kind = hit.item.kind();
                    if current_kind != Some(kind) {
                        current_kind = Some(kind);
                        ui.add_space(4.0);
                        ui.label(
                            RichText::new(kind.plural_label())
                                .small()
                                .strong()
                                .color(ctx.theme.muted_text),
                        );
                    }
                    let job = highlighted_job(ui, hit, ctx.theme.highlight_fill);
                    let selected = n == self.cursor;
                    let response = ui.add(
                        egui::Button::selectable(selected, job)
                            .wrap_mode(egui::TextWrapMode::Wrap)
                            .sense(Sense::click()),
                    );
                    if selected && cursor_moved {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        ctx.send(Command::Reveal(hit.item));
                        self.open = false;
                    }
                }
            });
    }
}

/// The hit's label with matched characters marked.
fn highlighted_job(ui: &Ui, hit: &SearchHit, mark: egui::Color32) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let mut job = egui::text::LayoutJob::default();
    let mut position = 0;
    let plain = egui::TextFormat {
        font_id: font.clone(),
        color,
        ..Default::default()
    };
    let marked = egui::TextFormat {
        font_id: font,
        color,
        background: mark,
        ..Default::default()
    };
    for range in &hit.highlights {
        if let Some(before) = hit.label.get(position..range.start) {
            job.append(before, 0.0, plain.clone());
        }
        if let Some(found) = hit.label.get(range.clone()) {
            job.append(found, 0.0, marked.clone());
        }
        position = range.end;
    }
    if let Some(rest) = hit.label.get(position..) {
        job.append(rest, 0.0, plain);
    }
    job
}

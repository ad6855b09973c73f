//! The search box (Ctrl+K): search as you type over everything the paper holds, results
//! grouped by kind under a heading with their count, each with the matched words marked and,
//! for a passage, where it stands. ↑ ↓ and Page Up / Page Down move the selection, which is
//! always in view; Enter opens it, Escape or a click elsewhere closes the box.

use eframe::egui::{self, Rect, RichText, Sense, Ui};

use super::commands::UiCommand;
use super::context::{ClickAction, Command, ViewCtx};
use super::study_notes::{NOTES_HEADING, NotesShown};
use crate::corpus::search::{ResultGroup, SearchHit, SearchIndex, SearchResults};
use crate::corpus::{Corpus, ItemKind};

/// Results listed per kind (the group heading counts them all).
const PER_KIND: usize = 25;

/// The search box's own UI state.
#[derive(Debug, Default)]
pub struct SearchPopup {
    /// Whether the box is shown.
    pub open: bool,
    /// The query typed.
    pub query: String,
    /// The highlighted result.
    pub cursor: usize,
    results: SearchResults,
    searched: String,
    focus_next_frame: bool,
    /// Scroll the list so the cursor's row shows (it moved by key, or the results changed).
    scroll_to_cursor: bool,
    /// The results area as last drawn: the part of the list in view.
    results_rect: Option<Rect>,
    /// How many rows the results area showed last frame, the step of Page Up / Page Down.
    rows_per_page: usize,
    /// The group of the student's own notes among the results, when any matched.
    notes_group: Option<usize>,
}

/// A move of the cursor by key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CursorStep {
    Up,
    Down,
    PageUp,
    PageDown,
}

impl CursorStep {
    /// Each step with the command whose keys make it.
    const KEYS: [(UiCommand, Self); 4] = [
        (UiCommand::SearchPrevious, Self::Up),
        (UiCommand::SearchNext, Self::Down),
        (UiCommand::SearchPageUp, Self::PageUp),
        (UiCommand::SearchPageDown, Self::PageDown),
    ];
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
        &self.results.hits
    }

    /// The current results with their groups.
    #[must_use]
    pub fn grouped_results(&self) -> &SearchResults {
        &self.results
    }

    /// The part of the results list in view as last drawn (`None` while nothing is listed).
    #[must_use]
    pub fn results_rect(&self) -> Option<Rect> {
        self.results_rect
    }

    /// Re-runs the search when the query changed: the paper's records, then the student's
    /// notes (`notes`) under a group of their own.
    pub fn refresh(&mut self, index: &SearchIndex, corpus: &Corpus, notes: &NotesShown) {
        if self.searched != self.query {
            self.results = index.search_grouped(&self.query, PER_KIND);
            let found = notes.search(corpus, &self.query);
            self.notes_group = None;
            if !found.is_empty() {
                let start = self.results.hits.len();
                let total = found.len();
                self.results.hits.extend(found.into_iter().take(PER_KIND));
                self.notes_group = Some(self.results.groups.len());
                self.results.groups.push(ResultGroup {
                    kind: ItemKind::Note,
                    total,
                    hits: start..self.results.hits.len(),
                });
            }
            self.searched.clone_from(&self.query);
            self.cursor = 0;
            self.scroll_to_cursor = true;
        }
    }

    /// Forgets results (a new corpus was opened).
    pub fn reset(&mut self) {
        self.results = SearchResults::default();
        self.searched.clear();
        self.query.clear();
        self.cursor = 0;
    }

    /// Moves the cursor a step, within the results; returns whether it moved.
    fn move_cursor(&mut self, step: CursorStep) -> bool {
        let last = self.results.hits.len().saturating_sub(1);
        let page = self.rows_per_page.max(1);
        let before = self.cursor;
        self.cursor = match step {
            CursorStep::Down => (self.cursor + 1).min(last),
            CursorStep::Up => self.cursor.saturating_sub(1),
            CursorStep::PageDown => (self.cursor + page).min(last),
            CursorStep::PageUp => self.cursor.saturating_sub(page),
        };
        self.cursor != before
    }

    /// Draws the box when open.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, index: &SearchIndex) {
        if !self.open {
            self.results_rect = None;
            return;
        }
        let egui_ctx = ui.ctx().clone();
        let (steps, enter, escape) = egui_ctx.input_mut(|i| {
            let steps: Vec<CursorStep> = CursorStep::KEYS
                .into_iter()
                .filter(|(command, _)| command.triggered(i, false))
                .map(|(_, step)| step)
                .collect();
            (
                steps,
                UiCommand::SearchOpenResult.triggered(i, false),
                UiCommand::SearchClose.triggered(i, false),
            )
        });
        if escape {
            self.open = false;
            return;
        }
        for step in steps {
            if self.move_cursor(step) {
                self.scroll_to_cursor = true;
            }
        }
        if enter && let Some(hit) = self.results.hits.get(self.cursor) {
            ctx.send(Command::Reveal(hit.item));
            self.open = false;
            return;
        }
        let screen = egui_ctx.content_rect();
        let width = (screen.width() * 0.62).clamp(360.0, 820.0);
        // Below the toolbar, so the query field never covers it.
        let top = ctx.theme.gap * 7.0;
        // The window's frame, the query field and the hint line take about five lines.
        let list_height = (screen.height() - top - ctx.theme.body_size * 9.0).max(120.0);
        let shown = egui::Window::new("Search")
            .id(egui::Id::unique("search-window"))
            .title_bar(false)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, top])
            .min_width(width)
            .max_width(width)
            .show(&egui_ctx, |ui| {
                let field_id = ui.make_persistent_id("search-field");
                let edit = egui::TextEdit::singleline(&mut self.query)
                    .id(field_id)
                    .hint_text("Search references, text, tables, cases, entities…")
                    .desired_width(f32::INFINITY);
                let response = ui.add(edit);
                if self.focus_next_frame {
                    response.request_focus();
                    select_all(ui, field_id, &self.query);
                    self.focus_next_frame = false;
                }
                self.refresh(index, ctx.corpus, ctx.notes);
                if self.query.trim().is_empty() {
                    self.results_rect = None;
                    hint_ui(ctx, ui, "Type to search everything in the paper.");
                    return;
                }
                if self.results.hits.is_empty() {
                    self.results_rect = None;
                    ui.label(
                        RichText::new(format!("Nothing matches “{}”.", self.query.trim()))
                            .italics()
                            .color(ctx.theme.muted_text),
                    );
                    return;
                }
                self.results_ui(ctx, ui, list_height);
                hint_ui(
                    ctx,
                    ui,
                    "↑ ↓ Page Up/Down to move · Enter to open · Esc to close",
                );
            });
        // A click anywhere else puts the box away, as a menu goes.
        if shown.is_some_and(|shown| shown.response.clicked_elsewhere()) {
            self.open = false;
        }
    }

    /// The results under their group headings, the cursor's row marked and, when it moved,
    /// scrolled into view with its heading when it is its group's first.
    fn results_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui, max_height: f32) {
        let mut area = egui::ScrollArea::vertical()
            .id_salt("search-results")
            .max_height(max_height)
            .min_scrolled_height(max_height)
            .auto_shrink([false, true]);
        if self.scroll_to_cursor && self.cursor == 0 {
            area = area.vertical_scroll_offset(0.0);
        }
        let mut opened = None;
        let mut row_height_sum = 0.0;
        let output = area.show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for (number, group) in self.results.groups.iter().enumerate() {
                let heading = if self.notes_group == Some(number) {
                    format!("{NOTES_HEADING} · {}", group.hits.len())
                } else {
                    group.heading()
                };
                let heading = group_heading_ui(ctx, ui, &heading);
                for position in group.hits.clone() {
                    let Some(hit) = self.results.hits.get(position) else {
                        continue;
                    };
                    let selected = position == self.cursor;
                    let response = result_row_ui(ctx, ui, hit, selected);
                    row_height_sum += response.rect.height();
                    if selected && self.scroll_to_cursor {
                        let rect = if position == group.hits.start {
                            response.rect.union(heading)
                        } else {
                            response.rect
                        };
                        ui.scroll_to_rect(rect, None);
                    }
                    if response.clicked() {
                        opened = Some(hit.item);
                    }
                    ctx.item_response(ui, response, hit.item, ClickAction::Reveal);
                }
            }
        });
        self.scroll_to_cursor = false;
        self.results_rect = Some(output.inner_rect);
        // Rows differ a little in height (a place line or not): a page is the rows of average
        // height that fit, less one so a row stays in view across the step.
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        if !self.results.hits.is_empty() && row_height_sum > 0.0 {
            let average = row_height_sum / self.results.hits.len() as f32;
            self.rows_per_page = ((output.inner_rect.height() / average).floor() as usize)
                .saturating_sub(1)
                .max(1);
        }
        if opened.is_some() {
            self.open = false;
        }
    }
}

/// Selects the whole text `text` of the field `id`, so that typing replaces it (the search box,
/// the Reader's find bar).
pub(crate) fn select_all(ui: &Ui, id: egui::Id, text: &str) {
    let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
    let all = egui::text::CCursorRange::two(
        egui::text::CCursor::new(0),
        egui::text::CCursor::new(text.chars().count()),
    );
    state.cursor.set_char_range(Some(all));
    state.store(ui.ctx(), id);
}

/// A line of help in small muted type.
fn hint_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, text: &str) {
    ui.add_space(ctx.theme.gap / 2.0);
    ui.label(RichText::new(text).small().color(ctx.theme.muted_text));
}

/// A group's heading with its count; returns where it was drawn.
fn group_heading_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, heading: &str) -> Rect {
    ui.add_space(ctx.theme.gap / 2.0);
    let response = ui.label(
        RichText::new(heading)
            .small()
            .strong()
            .color(ctx.theme.muted_text),
    );
    ui.add_space(ctx.theme.gap / 4.0);
    response.rect
}

/// One result: its text on one line with the matched words marked, and under it where it
/// stands (a passage's section and paragraph), in small muted type. The whole row is clickable.
fn result_row_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    hit: &SearchHit,
    selected: bool,
) -> egui::Response {
    let padding = ctx.theme.gap / 2.0;
    let width = ui.available_width();
    let text_width = (width - 2.0 * padding).max(1.0);
    let mut job = highlighted_job(ui, ctx, hit);
    job.wrap = egui::text::TextWrapping::truncate_at_width(text_width);
    let text = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let place = (!hit.place.is_empty()).then(|| {
        let mut job = egui::text::LayoutJob::simple_singleline(
            hit.place.clone(),
            egui::FontId::proportional(ctx.theme.small_size),
            ctx.theme.muted_text,
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(text_width);
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    });
    let height = text.size().y + place.as_ref().map_or(0.0, |p| p.size().y) + 2.0 * padding;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
    let accessible = if hit.place.is_empty() {
        hit.label.clone()
    } else {
        format!("{} — {}", hit.label, hit.place)
    };
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, &accessible)
    });
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter()
                .rect_filled(rect, ctx.theme.radius, visuals.weak_bg_fill);
        }
        if selected {
            ui.painter().rect_stroke(
                rect,
                ctx.theme.radius,
                egui::Stroke::new(1.0, ctx.theme.accent),
                egui::StrokeKind::Inside,
            );
        }
        let mut position = rect.min + egui::vec2(padding, padding);
        let text_height = text.size().y;
        ui.painter()
            .galley(position, text, ui.visuals().text_color());
        position.y += text_height;
        if let Some(place) = place {
            ui.painter().galley(position, place, ctx.theme.muted_text);
        }
    }
    response
}

/// The hit's text with the matched characters marked: strong, underlined, on the highlight
/// colour.
fn highlighted_job(ui: &Ui, ctx: &ViewCtx<'_>, hit: &SearchHit) -> egui::text::LayoutJob {
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
        color: ui.visuals().strong_text_color(),
        background: ctx.theme.highlight_fill,
        underline: egui::Stroke::new(1.0, color),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn popup_with(rows: usize, per_page: usize) -> SearchPopup {
        let hit = SearchHit {
            item: crate::corpus::Item::Paragraph(0),
            score: 0,
            label: String::new(),
            highlights: Vec::new(),
            place: String::new(),
        };
        SearchPopup {
            results: SearchResults {
                hits: vec![hit; rows],
                groups: Vec::new(),
            },
            rows_per_page: per_page,
            ..SearchPopup::default()
        }
    }

    #[test]
    fn the_cursor_moves_by_row_and_by_page_within_the_results() {
        let mut popup = popup_with(30, 9);
        assert!(!popup.move_cursor(CursorStep::Up));
        assert!(popup.move_cursor(CursorStep::Down));
        assert_eq!(popup.cursor, 1);
        popup.move_cursor(CursorStep::PageDown);
        assert_eq!(popup.cursor, 10);
        for _ in 0..5 {
            popup.move_cursor(CursorStep::PageDown);
        }
        assert_eq!(popup.cursor, 29);
        assert!(!popup.move_cursor(CursorStep::Down));
        popup.move_cursor(CursorStep::PageUp);
        assert_eq!(popup.cursor, 20);
    }
}

//! Find in the Reader (Ctrl+F): a bar at the top of the Reader with a field, the match count
//! ("3 of 17", "No matches"), previous and next buttons and a close button. Every match in the
//! paragraphs is marked, the current one more strongly, and it is scrolled into view. Enter or
//! F3 steps forward, Shift+Enter or Shift+F3 back, Escape closes the bar and clears the marks.
//! What counts as a match is the model's ([`crate::corpus::find`]).

use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

use eframe::egui::{self, Key, RichText, Ui};

use super::blocks::Block;
use crate::app::commands::UiCommand;
use crate::app::context::ViewCtx;
use crate::corpus::Corpus;
use crate::corpus::find::{FoundIn, TextMatch, find_in_paper};

/// How a stretch of paragraph text is marked by the find bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum FindMark {
    /// Not a match.
    #[default]
    None,
    /// One of the matches.
    Match,
    /// The current match.
    Current,
}

/// How many frames the find bar tries to bring its current match into view.
const SCROLL_FRAMES: u8 = 8;

/// The find bar's state: the phrase, its matches in reading order and the current one.
#[derive(Debug, Default)]
pub struct FindBar {
    /// Whether the bar is shown.
    pub open: bool,
    /// The phrase typed.
    pub query: String,
    /// The matches, in the order the Reader shows them.
    matches: Vec<TextMatch>,
    /// For each heading or paragraph with matches, where its matches are in `matches`.
    by_text: HashMap<FoundIn, Range<usize>>,
    /// The current match, a position in `matches`.
    current: Option<usize>,
    /// The phrase `matches` were found for.
    searched: Option<String>,
    focus_next_frame: bool,
    /// Bring the current match into view: for how many more frames to try, set when it
    /// changes, cleared once it is drawn in view (the Reader may be putting its place back).
    scroll_pending: Cell<u8>,
    /// The Reader is scrolling to a block this frame: wait before scrolling to the match.
    scroll_held: Cell<bool>,
    /// Where the current match was drawn this frame, if it was.
    current_rect: Cell<Option<egui::Rect>>,
}

impl FindBar {
    /// Opens the bar with its field focused and its text selected, for typing a new phrase.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_next_frame = true;
        self.scroll_pending.set(if self.current.is_some() {
            SCROLL_FRAMES
        } else {
            0
        });
    }

    /// Closes the bar; the marks go with it. The phrase stays for next time.
    pub fn close(&mut self) {
        self.open = false;
        self.matches.clear();
        self.by_text.clear();
        self.current = None;
        self.searched = None;
        self.scroll_pending.set(0);
    }

    /// How many matches there are.
    #[must_use]
    pub fn match_count(&self) -> usize {
        self.matches.len()
    }

    /// The current match: its position among the matches (from 0) and where it is.
    #[must_use]
    pub fn current(&self) -> Option<(usize, &TextMatch)> {
        let position = self.current?;
        self.matches.get(position).map(|m| (position, m))
    }

    /// What the bar says of the matches: `"3 of 17"`, `"No matches"`, or nothing before a
    /// phrase is typed.
    #[must_use]
    pub fn count_text(&self) -> String {
        if self.query.trim().is_empty() {
            return String::new();
        }
        match self.current {
            Some(position) if !self.matches.is_empty() => {
                format!("{} of {}", position + 1, self.matches.len())
            }
            _ => "No matches".to_owned(),
        }
    }

    /// Finds the phrase again when it changed, in the Reader's order of `blocks`; the current
    /// match becomes the first at or below `top_row`, the block at the top of the view (as a
    /// browser finds from where the reader is), else the first.
    fn refresh(&mut self, corpus: &Corpus, blocks: &[Block], top_row: usize) {
        if self.searched.as_deref() == Some(self.query.as_str()) {
            return;
        }
        let rows = text_rows(corpus, blocks);
        let mut matches: Vec<TextMatch> = find_in_paper(corpus, &self.query)
            .into_iter()
            .filter(|m| rows.contains_key(&m.found_in))
            .collect();
        matches.sort_by_key(|m| {
            (
                rows.get(&m.found_in).copied().unwrap_or(usize::MAX),
                m.found_in,
                m.range.start,
            )
        });
        self.by_text.clear();
        for (position, found) in matches.iter().enumerate() {
            self.by_text
                .entry(found.found_in)
                .and_modify(|range| range.end = position + 1)
                .or_insert(position..position + 1);
        }
        let from_top = matches
            .iter()
            .position(|m| rows.get(&m.found_in).is_some_and(|&row| row >= top_row));
        self.current = from_top.or((!matches.is_empty()).then_some(0));
        self.matches = matches;
        self.searched = Some(self.query.clone());
        self.scroll_pending.set(if self.current.is_some() {
            SCROLL_FRAMES
        } else {
            0
        });
    }

    /// Steps to the next match (or the previous), round past the last (or the first).
    pub fn step(&mut self, forward: bool) {
        let count = self.matches.len();
        if count == 0 {
            return;
        }
        self.current = Some(match (self.current, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(position), true) => (position + 1) % count,
            (Some(position), false) => (position + count - 1) % count,
        });
        self.scroll_pending.set(SCROLL_FRAMES);
    }

    /// The marked stretches of a heading's or a paragraph's printed text, in order.
    pub(super) fn marks_in(&self, text: FoundIn) -> Vec<(Range<usize>, FindMark)> {
        let Some(positions) = self.by_text.get(&text) else {
            return Vec::new();
        };
        positions
            .clone()
            .filter_map(|position| {
                let found = self.matches.get(position)?;
                let mark = if self.current == Some(position) {
                    FindMark::Current
                } else {
                    FindMark::Match
                };
                Some((found.range.clone(), mark))
            })
            .collect()
    }

    /// Whether the current match still has to be scrolled into view.
    #[must_use]
    pub(super) fn wants_scroll(&self) -> bool {
        self.scroll_pending.get() > 0
    }

    /// Called before the Reader draws its blocks, with whether it is scrolling to a block this
    /// frame (the match waits for it).
    pub(super) fn begin_drawing(&self, revealing: bool) {
        self.scroll_held.set(revealing);
        self.current_rect.set(None);
    }

    /// Where the current match was drawn in the last frame (`None` when its block was not).
    #[must_use]
    pub fn current_rect(&self) -> Option<egui::Rect> {
        self.current_rect.get()
    }

    /// Called where the current match is drawn: when it has just become current, scrolls it
    /// into view (as little as needed) until it is there.
    pub(super) fn current_drawn(&self, ui: &Ui, rect: egui::Rect) {
        self.current_rect.set(Some(rect));
        let frames = self.scroll_pending.get();
        if frames == 0 || self.scroll_held.get() {
            return;
        }
        if ui.clip_rect().contains_rect(rect) {
            self.scroll_pending.set(0);
        } else {
            ui.scroll_to_rect(rect.expand(rect.height()), None);
            self.scroll_pending.set(frames - 1);
            ui.ctx().request_repaint();
        }
    }

    /// The block the current match is drawn in, to scroll the Reader there when it is not
    /// drawn yet.
    pub(super) fn current_block(&self, corpus: &Corpus, blocks: &[Block]) -> Option<usize> {
        let (_, found) = self.current()?;
        text_rows(corpus, blocks).get(&found.found_in).copied()
    }

    /// The bar: field, count, previous, next, close; reads its keys first. Draws nothing when
    /// closed. `top_row` is the block at the top of the Reader's view.
    pub(super) fn bar_ui(
        &mut self,
        ctx: &ViewCtx<'_>,
        ui: &mut Ui,
        blocks: &[Block],
        top_row: usize,
    ) {
        if !self.open {
            return;
        }
        let field_id = ui.make_persistent_id("reader-find-field");
        let field_focused = ui.memory(|m| m.has_focus(field_id));
        let nothing_focused = ui.memory(|m| m.focused().is_none());
        // Enter belongs to the focused control unless that is the field; Escape closes the bar
        // only from the field or when nothing else has the keyboard (the search box may).
        let except: &[Key] = if field_focused { &[] } else { &[Key::Enter] };
        let (previous, next, close) = ui.input_mut(|input| {
            // Shift+Enter before Enter: a plain key also matches it with Shift held.
            let previous = UiCommand::FindPrevious.triggered_except(input, false, except);
            let next = UiCommand::FindNext.triggered_except(input, false, except);
            let close =
                (field_focused || nothing_focused) && UiCommand::FindClose.triggered(input, false);
            (previous, next, close)
        });
        if close {
            self.close();
            return;
        }
        self.refresh(ctx.corpus, blocks, top_row);
        if previous {
            self.step(false);
        } else if next {
            self.step(true);
        }
        let mut closed = false;
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new("Find").strong());
            let field_width = (ui.available_width() - ctx.theme.body_size * 14.0)
                .clamp(ctx.theme.body_size * 6.0, ctx.theme.body_size * 22.0);
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .id(field_id)
                        .hint_text("Words in the text")
                        .desired_width(field_width),
                )
                .labelled_by(label.id);
            if self.focus_next_frame {
                response.request_focus();
                crate::app::search_popup::select_all(ui, field_id, &self.query);
                self.focus_next_frame = false;
            }
            if response.changed() {
                self.refresh(ctx.corpus, blocks, top_row);
            }
            let count = self.count_text();
            let colour = if self.matches.is_empty() {
                ctx.theme.muted_text
            } else {
                ui.visuals().text_color()
            };
            ui.label(RichText::new(count).color(colour));
            let can_step = !self.matches.is_empty();
            let buttons = [
                (UiCommand::FindPrevious, "↑", false),
                (UiCommand::FindNext, "↓", true),
            ];
            for (command, arrow, forward) in buttons {
                let clicked = ui
                    .add_enabled(can_step, egui::Button::new(arrow))
                    .on_hover_text(command.hover_text())
                    .widget_info_label(command.text())
                    .clicked();
                if clicked {
                    self.step(forward);
                }
            }
            if ui
                .button("×")
                .on_hover_text(UiCommand::FindClose.hover_text())
                .widget_info_label("Close the find bar")
                .clicked()
            {
                closed = true;
            }
        });
        if closed {
            self.close();
        }
        ui.separator();
    }
}

/// A response whose accessible label is `label` rather than the symbol it shows.
trait WidgetInfoLabel {
    fn widget_info_label(self, label: &str) -> Self;
}

impl WidgetInfoLabel for egui::Response {
    fn widget_info_label(self, label: &str) -> Self {
        let enabled = self.enabled();
        self.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label));
        self
    }
}

/// The row of the Reader's list each heading and paragraph is drawn in (a box's heading and
/// paragraphs in the box's).
fn text_rows(corpus: &Corpus, blocks: &[Block]) -> HashMap<FoundIn, usize> {
    let mut rows = HashMap::new();
    for (row, block) in blocks.iter().enumerate() {
        match block {
            Block::FrontMatter => {
                rows.insert(FoundIn::Title, row);
                rows.insert(FoundIn::Abstract, row);
            }
            Block::Heading(section) => {
                rows.insert(FoundIn::Heading(*section), row);
            }
            Block::Paragraph(paragraph) => {
                rows.insert(FoundIn::Paragraph(*paragraph), row);
            }
            Block::Box(section) => {
                rows.insert(FoundIn::Heading(*section), row);
                let paragraphs = corpus
                    .index
                    .section_paragraphs
                    .get(*section)
                    .cloned()
                    .unwrap_or_default();
                for paragraph in paragraphs {
                    rows.insert(FoundIn::Paragraph(paragraph), row);
                }
            }
            _ => {}
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::reader::blocks::reading_order;

    fn bar_for(corpus: &Corpus, phrase: &str) -> FindBar {
        let blocks = reading_order(corpus, |_| None);
        let mut bar = FindBar {
            open: true,
            query: phrase.to_owned(),
            ..FindBar::default()
        };
        bar.refresh(corpus, &blocks, 0);
        bar
    }

    #[test]
    fn the_count_says_which_match_of_how_many() {
        let corpus = Corpus::builtin();
        let mut bar = bar_for(&corpus, "interpol");
        assert_eq!(bar.count_text(), "1 of 2");
        bar.step(true);
        assert_eq!(bar.count_text(), "2 of 2");
        bar.step(true);
        assert_eq!(bar.count_text(), "1 of 2");
        bar.step(false);
        assert_eq!(bar.count_text(), "2 of 2");
        assert_eq!(bar_for(&corpus, "zanzibarite").count_text(), "No matches");
        assert_eq!(bar_for(&corpus, "  ").count_text(), "");
    }

    #[test]
    fn marks_follow_the_current_match_and_closing_clears_them() {
        let corpus = Corpus::builtin();
        let mut bar = bar_for(&corpus, "interpol");
        let Some((_, first)) = bar.current().map(|(p, m)| (p, m.clone())) else {
            panic!("interpol is found twice");
        };
        let marks = bar.marks_in(first.found_in);
        assert_eq!(marks.len(), 2);
        assert_eq!(marks[0], (first.range.clone(), FindMark::Current));
        assert_eq!(marks[1].1, FindMark::Match);
        bar.step(true);
        assert_eq!(bar.marks_in(first.found_in)[0].1, FindMark::Match);
        assert_eq!(bar.marks_in(first.found_in)[1].1, FindMark::Current);
        bar.close();
        assert!(bar.marks_in(first.found_in).is_empty());
        assert_eq!(bar.match_count(), 0);
        assert_eq!(bar.query, "interpol");
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::expect_used)]
    fn a_new_phrase_is_found_from_the_top_of_the_view_on() {
        let corpus = Corpus::builtin();
        let blocks = reading_order(&corpus, |_| None);
        let rows = text_rows(&corpus, &blocks);
        let everywhere = bar_for(&corpus, "trafficking");
        let halfway = everywhere.matches[everywhere.match_count() / 2].found_in;
        let top_row = rows[&halfway];
        let mut bar = FindBar {
            open: true,
            query: "trafficking".to_owned(),
            ..FindBar::default()
        };
        bar.refresh(&corpus, &blocks, top_row);
        let (position, current) = bar.current().expect("matches");
        assert!(position > 0);
        assert!(rows[&current.found_in] >= top_row);
        // The match before it is above the top of the view.
        assert!(rows[&bar.matches[position - 1].found_in] < top_row);
        // Past the last match, the first one.
        bar.searched = None;
        bar.refresh(&corpus, &blocks, blocks.len());
        assert_eq!(bar.count_text(), format!("1 of {}", bar.match_count()));
    }

    #[test]
    fn matches_come_in_reading_order() {
        let corpus = Corpus::builtin();
        let blocks = reading_order(&corpus, |_| None);
        let rows = text_rows(&corpus, &blocks);
        let bar = bar_for(&corpus, "the");
        assert!(bar.match_count() > 50);
        let order: Vec<(usize, FoundIn, usize)> = bar
            .matches
            .iter()
            .map(|m| (rows[&m.found_in], m.found_in, m.range.start))
            .collect();
        assert!(order.windows(2).all(|pair| pair[0] <= pair[1]));
    }
}

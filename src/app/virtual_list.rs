//! A vertical list that draws only the rows in view, for long lists whose rows differ in height
//! (paragraphs, table rows, cards).
//!
//! Heights start as estimates and are replaced by measured ones as rows are drawn, so the
//! scroll bar settles as the user reads. Scrolling to a row sets the offset directly from the
//! cached heights, so it works for rows that have never been drawn.
//!
//! The list keeps its place: each frame it notes the row at the top of the view and how far
//! into it the view starts ([`ListPlace`]). When the width changes (a zoom, a window resize, a
//! side panel dragged) every row wraps anew, so the same row is put back at the top, as far
//! into it as before; [`HeightCache::restore`] does the same for a place remembered earlier
//! (Back and Forward). Keys scroll it through [`KeyScroll`].

use eframe::egui::{self, Ui, UiBuilder};

/// A key for `virtual_list_ui` that changes whenever `rows` does.
#[must_use]
pub fn content_key(rows: &[usize]) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    rows.hash(&mut hasher);
    hasher.finish()
}

/// Where a list's view starts: the row at its top and how far into that row, as a share of the
/// row's height (0 at its top edge, towards 1 at its bottom), so that it stays meaningful when
/// the row wraps to another height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ListPlace {
    /// The row at the top of the view.
    pub row: usize,
    /// How far into that row the view starts, as a share of its height.
    pub fraction: f32,
}

/// A scroll asked for by a key: a page, a few lines, or to an end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyScroll {
    /// A page down (Page Down, Space).
    PageDown,
    /// A page up (Page Up, Shift+Space).
    PageUp,
    /// A few lines down (↓).
    LineDown,
    /// A few lines up (↑).
    LineUp,
    /// To the top (Home).
    Top,
    /// To the bottom (End).
    Bottom,
}

impl KeyScroll {
    /// How far the content moves, in points (positive scrolls up, as `Ui::scroll_with_delta`
    /// takes it), in a view `page` points tall with lines `line` points tall.
    #[must_use]
    pub fn delta(self, page: f32, line: f32) -> f32 {
        // Farther than any list is long: the scroll area stops at its end.
        const TO_THE_END: f32 = 1.0e9;
        // A page keeps a line of the last one in view, so that the reader's eye finds its place.
        let page = (page - 2.0 * line).max(line);
        match self {
            Self::PageDown => -page,
            Self::PageUp => page,
            Self::LineDown => -3.0 * line,
            Self::LineUp => 3.0 * line,
            Self::Top => TO_THE_END,
            Self::Bottom => -TO_THE_END,
        }
    }

    /// Scrolls the scroll area `ui` is the content of by this step, at once (no animation);
    /// `line` is the height of a line of its text.
    pub fn apply(self, ui: &Ui, line: f32) {
        let page = ui.clip_rect().height();
        ui.scroll_with_delta_animation(
            egui::vec2(0.0, self.delta(page, line)),
            egui::style::ScrollAnimation::none(),
        );
    }
}

/// For how many frames at most a place is put back while rows settle to their measured heights.
const RESTORE_FRAMES: u8 = 8;

/// For how many frames at least a place is put back.
const RESTORE_MIN_FRAMES: u8 = 3;

/// Cached row heights of one list, in points.
#[derive(Debug, Default)]
pub struct HeightCache {
    heights: Vec<f32>,
    /// Identifies the content the heights belong to (content key, row count, layout width).
    key: (u64, usize, u32),
    /// A row to scroll to, and for how many more frames to keep it in place.
    scroll_to: Option<(usize, u8)>,
    /// Where the view started in the last frame drawn.
    place: Option<ListPlace>,
    /// A place to put back at the top, and for how many more frames at most.
    restore: Option<(ListPlace, u8)>,
    /// A key's scroll for the next frame drawn, with the height of a line.
    key_scroll: Option<(KeyScroll, f32)>,
}

impl HeightCache {
    /// Scrolls row `row` into view (a third from the top) on the next frames.
    pub fn scroll_to(&mut self, row: usize) {
        self.scroll_to = Some((row, 3));
        self.restore = None;
    }

    /// Where the view started in the last frame drawn; `None` before the list was drawn.
    #[must_use]
    pub fn place(&self) -> Option<ListPlace> {
        self.place
    }

    /// Scrolls by `step` (if any) when the list is next drawn; `line` points make a line.
    pub fn scroll_by_key(&mut self, step: Option<KeyScroll>, line: f32) {
        if let Some(step) = step {
            self.key_scroll = Some((step, line));
            self.restore = None;
            self.scroll_to = None;
        }
    }

    /// Puts `place` back at the top of the view from the next frame on (a scroll to a row
    /// waiting is dropped).
    pub fn restore(&mut self, place: ListPlace) {
        self.restore = Some((place, RESTORE_FRAMES));
        self.scroll_to = None;
    }

    /// The row waiting to be scrolled to, if any.
    #[must_use]
    pub fn pending_scroll(&self) -> Option<usize> {
        self.scroll_to.map(|(row, _)| row)
    }

    /// Resets estimates when the content or the width changed. When only the width did, the
    /// row at the top stays there: the place is put back once the rows are measured anew.
    fn prepare(
        &mut self,
        content_key: u64,
        count: usize,
        width: f32,
        estimate: &dyn Fn(usize) -> f32,
    ) {
        // A panel's width in points, rounded and at least 0: the cast neither truncates nor loses a sign.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let key = (content_key, count, width.round().max(0.0) as u32);
        if self.key != key || self.heights.len() != count {
            let same_rows = (self.key.0, self.key.1) == (key.0, key.1);
            self.heights = (0..count).map(estimate).collect();
            self.key = key;
            if !same_rows {
                self.place = None;
                self.restore = None;
            } else if let (None, Some(place)) = (self.restore, self.place) {
                self.restore = Some((place, RESTORE_FRAMES));
            }
        }
    }

    /// The scroll offset that shows `place` at the top, with the heights known now.
    fn offset_of(&self, place: ListPlace) -> f32 {
        let height = self.heights.get(place.row).copied().unwrap_or(0.0);
        self.top_of(place.row) + place.fraction.clamp(0.0, 1.0) * height
    }

    /// The top of row `row`, in points from the top of the list.
    fn top_of(&self, row: usize) -> f32 {
        self.heights.iter().take(row).sum()
    }
}

/// Draws `count` rows in a vertical scroll area, calling `draw(ui, row)` only for rows in view.
/// `estimate(row)` guesses a row's height before it has been drawn; `content_key` changes when
/// the rows do (a filter, a sort), which resets the cached heights. A key's scroll handed to
/// [`HeightCache::scroll_by_key`] is applied.
pub fn virtual_list_ui(
    ui: &mut Ui,
    id_salt: &str,
    cache: &mut HeightCache,
    content_key: u64,
    count: usize,
    estimate: &dyn Fn(usize) -> f32,
    mut draw: impl FnMut(&mut Ui, usize),
) {
    let width = ui.available_width();
    cache.prepare(content_key, count, width, estimate);
    let mut area = egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink(false);
    if let Some((row, frames)) = cache.scroll_to {
        let viewport_height = ui.available_height();
        area = area.vertical_scroll_offset((cache.top_of(row) - viewport_height / 3.0).max(0.0));
        cache.scroll_to = (frames > 1).then_some((row, frames - 1));
        cache.restore = None;
        ui.ctx().request_repaint();
    } else if let Some((place, _)) = cache.restore {
        area = area.vertical_scroll_offset(cache.offset_of(place));
        ui.ctx().request_repaint();
    }
    let placing = cache.scroll_to.is_some() || cache.restore.is_some();
    let rubber_band = ui.spacing().scroll.kinetic.rubber_band;
    if placing {
        // An offset set past the end the scroll area measured last frame (its rows wrapped
        // anew) is a place to go to, not an overscroll to spring back from.
        ui.spacing_mut().scroll.kinetic.rubber_band = false;
    }
    let mut measured_anew = false;
    area.show_viewport(ui, |ui, viewport| {
        let total: f32 = cache.heights.iter().sum();
        let origin = ui.min_rect().min;
        ui.set_height(total);
        ui.set_width(width);
        if let Some((step, line)) = cache.key_scroll.take() {
            step.apply(ui, line);
        }
        let mut top = 0.0;
        let mut place = None;
        for row in 0..count {
            let height = cache.heights.get(row).copied().unwrap_or(0.0);
            if top + height < viewport.min.y {
                top += height;
                continue;
            }
            if top > viewport.max.y {
                break;
            }
            if place.is_none() {
                place = Some(ListPlace {
                    row,
                    fraction: ((viewport.min.y - top) / height.max(1.0)).clamp(0.0, 1.0),
                });
            }
            let rect = egui::Rect::from_min_size(
                origin + egui::vec2(0.0, top),
                egui::vec2(width, height.max(1.0)),
            );
            let drawn = ui
                .scope_builder(
                    UiBuilder::new().max_rect(rect).id_salt(("row", row)),
                    |ui| {
                        ui.set_width(width);
                        draw(ui, row);
                    },
                )
                .response
                .rect
                .height();
            if let Some(slot) = cache.heights.get_mut(row)
                && (*slot - drawn).abs() > 0.5
            {
                *slot = drawn;
                measured_anew = true;
                ui.ctx().request_repaint();
            }
            top += drawn;
        }
        cache.place = place.or(cache.place);
    });
    ui.spacing_mut().scroll.kinetic.rubber_band = rubber_band;
    // A place being put back is kept for a few frames (the scroll area learns the new length
    // of the list a frame late) and while the rows around it still change height, and given up
    // once they have settled (after a few frames at most, so as never to fight the user).
    cache.restore = match cache.restore {
        Some((place, frames))
            if frames > 1 && (measured_anew || frames > RESTORE_FRAMES - RESTORE_MIN_FRAMES) =>
        {
            Some((place, frames - 1))
        }
        _ => None,
    };
    if let Some((place, _)) = cache.restore {
        cache.place = Some(place);
    }
}

//! A vertical list that draws only the rows in view, for long lists whose rows differ in height
//! (paragraphs, table rows, cards).
//!
//! Heights start as estimates and are replaced by measured ones as rows are drawn, so the
//! scroll bar settles as the user reads. Scrolling to a row sets the offset directly from the
//! cached heights, so it works for rows that have never been drawn.

use eframe::egui::{self, Ui, UiBuilder};

/// A key for `virtual_list_ui` that changes whenever `rows` does.
#[must_use]
pub fn content_key(rows: &[usize]) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    rows.hash(&mut hasher);
    hasher.finish()
}

/// Cached row heights of one list, in points.
#[derive(Debug, Default)]
pub struct HeightCache {
    heights: Vec<f32>,
    /// Identifies the content the heights belong to (content key, row count, layout width).
    key: (u64, usize, u32),
    /// A row to scroll to, and for how many more frames to keep it in place.
    scroll_to: Option<(usize, u8)>,
}

impl HeightCache {
    /// Scrolls row `row` into view (a third from the top) on the next frames.
    pub fn scroll_to(&mut self, row: usize) {
        self.scroll_to = Some((row, 3));
    }

    /// The row waiting to be scrolled to, if any.
    #[must_use]
    pub fn pending_scroll(&self) -> Option<usize> {
        self.scroll_to.map(|(row, _)| row)
    }

    /// Resets estimates when the content or the width changed.
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
            self.heights = (0..count).map(estimate).collect();
            self.key = key;
        }
    }

    /// The top of row `row`, in points from the top of the list.
    fn top_of(&self, row: usize) -> f32 {
        self.heights.iter().take(row).sum()
    }
}

/// Draws `count` rows in a vertical scroll area, calling `draw(ui, row)` only for rows in view.
/// `estimate(row)` guesses a row's height before it has been drawn; `content_key` changes when
/// the rows do (a filter, a sort), which resets the cached heights.
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
        ui.ctx().request_repaint();
    }
    area.show_viewport(ui, |ui, viewport| {
        let total: f32 = cache.heights.iter().sum();
        let origin = ui.min_rect().min;
        ui.set_height(total);
        ui.set_width(width);
        let mut top = 0.0;
        for row in 0..count {
            let height = cache.heights.get(row).copied().unwrap_or(0.0);
            if top + height < viewport.min.y {
                top += height;
                continue;
            }
            if top > viewport.max.y {
                break;
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
                ui.ctx().request_repaint();
            }
            top += drawn;
        }
    });
}

//! Under the plot: the plan's legend (wrapped onto rows), its source line (wrapped, cut short
//! when very long) and its note on where the values come from.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{CHAR_WIDTH_EM, Layout, PALETTE, count, draw_error, font, px, rgb, text_width};
use crate::chart::error::ChartError;
use crate::chart::plan::{LegendEntry, LegendMark, Plan};

/// A legend entry placed in the footer: its left edge and row.
struct Placed {
    entry: LegendEntry,
    x: f64,
    row: usize,
}

/// The footer's contents at one chart size.
pub(super) struct Footer {
    legend: Vec<Placed>,
    source_lines: Vec<String>,
    note_lines: Vec<String>,
}

impl Footer {
    /// The plan's legend, source line and note laid out for a chart `width` × `height` pixels
    /// drawn at `scale`. The footer never takes more than 45 % of the height: a very long
    /// source is cut short with "…".
    pub(super) fn new(plan: &Plan, width: f64, height: f64, scale: f64) -> Self {
        let text_px = (14.0 * scale).max(9.0);
        let wrap_at = ((width - 40.0 * scale) / (text_px * CHAR_WIDTH_EM)).max(20.0);
        // At least 20 and at most a few thousand characters: the cast cannot truncate or wrap.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let wrap_at = wrap_at.min(1e6) as usize;
        let legend = place_legend(&plan.legend, width, scale);
        let note_lines = wrap(&plan.note, wrap_at);
        let mut source_lines = wrap(&plan.source_line, wrap_at);
        let rows = legend.last().map_or(0, |placed| placed.row + 1) + note_lines.len();
        let line_height = text_px * 1.5;
        let room = ((0.45 * height - 10.0 * scale) / line_height - 0.6)
            .floor()
            .clamp(0.0, 1e6);
        // Clamped to 0..=1e6 and whole: the cast neither truncates nor loses a sign.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let room = (room as usize).saturating_sub(rows).max(1);
        if source_lines.len() > room {
            source_lines.truncate(room);
            if let Some(last) = source_lines.last_mut() {
                last.push_str(" …");
            }
        }
        Self {
            legend,
            source_lines,
            note_lines,
        }
    }

    fn legend_rows(&self) -> usize {
        self.legend.last().map_or(0, |placed| placed.row + 1)
    }

    /// How many lines of text the footer holds.
    pub(super) fn rows(&self) -> usize {
        self.legend_rows() + self.source_lines.len() + self.note_lines.len()
    }

    /// Whether the source line's last shown line ends with `c` (it was cut short).
    #[cfg(test)]
    pub(super) fn source_ends_with(&self, c: char) -> bool {
        self.source_lines.last().is_some_and(|l| l.ends_with(c))
    }

    /// The legend, the source line(s) and the note.
    pub(super) fn draw(
        &self,
        area: &DrawingArea<SVGBackend<'_>, Shift>,
        layout: &Layout,
    ) -> Result<(), ChartError> {
        let colours = PALETTE.colours();
        let left = layout.px(20.0);
        let text_px = layout.text_px(14.0);
        let style = font(text_px)
            .color(&rgb(colours.text))
            .pos(Pos::new(HPos::Left, VPos::Center));
        for placed in &self.legend {
            let y = px(layout.line_height() * (0.75 + count(placed.row)));
            let mark_end = draw_mark(area, layout, placed.entry.mark, placed.x, y)?;
            area.draw(&Text::new(
                placed.entry.text.clone(),
                (px(mark_end + layout.px(6.0)), y),
                style.clone(),
            ))
            .map_err(draw_error)?;
        }

        let muted = font(text_px)
            .color(&rgb(colours.muted_text))
            .pos(Pos::new(HPos::Left, VPos::Center));
        let italic = font(text_px)
            .style(FontStyle::Italic)
            .color(&rgb(colours.muted_text))
            .pos(Pos::new(HPos::Left, VPos::Center));
        let mut y = layout.line_height() * (count(self.legend_rows()) + 1.1);
        let lines = (self.source_lines.iter().map(|line| (line, &muted)))
            .chain(self.note_lines.iter().map(|line| (line, &italic)));
        for (line, style) in lines {
            area.draw(&Text::new(line.clone(), (px(left), px(y)), style.clone()))
                .map_err(draw_error)?;
            y += layout.line_height();
        }
        Ok(())
    }
}

/// Draws a legend mark whose left edge is `x`, centred on row `y`; returns where it ends.
fn draw_mark(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    layout: &Layout,
    mark: LegendMark,
    x: f64,
    y: i32,
) -> Result<f64, ChartError> {
    let colours = PALETTE.colours();
    let series = rgb(colours.series);
    let radius = px(layout.px(6.0).max(2.0).round());
    let center = (px(x + f64::from(radius)), y);
    match mark {
        LegendMark::Filled => {
            area.draw(&Circle::new(center, radius, series.filled()))
                .map_err(draw_error)?;
            Ok(x + f64::from(radius) * 2.0)
        }
        LegendMark::Hollow => {
            area.draw(&Circle::new(
                center,
                radius,
                rgb(colours.background).filled(),
            ))
            .map_err(draw_error)?;
            area.draw(&Circle::new(
                center,
                radius,
                series.stroke_width(layout.stroke(2.5)),
            ))
            .map_err(draw_error)?;
            Ok(x + f64::from(radius) * 2.0)
        }
        LegendMark::Dashed => {
            let dash = layout.px(7.0);
            for i in 0..3 {
                let start = x + f64::from(i) * dash * 1.7;
                area.draw(&PathElement::new(
                    vec![(px(start), y), (px(start + dash), y)],
                    rgb(colours.warning).stroke_width(layout.stroke(2.0)),
                ))
                .map_err(draw_error)?;
            }
            Ok(x + dash * 4.4)
        }
        LegendMark::Series(index) => {
            let length = layout.px(22.0);
            area.draw(&PathElement::new(
                vec![(px(x), y), (px(x + length), y)],
                rgb(colours.series_colour(index)).stroke_width(layout.stroke(4.0)),
            ))
            .map_err(draw_error)?;
            Ok(x + length)
        }
        LegendMark::Shaded => {
            let half = layout.px(6.0);
            area.draw(&Rectangle::new(
                [
                    (px(x), px(f64::from(y) - half)),
                    (px(x + half * 2.0), px(f64::from(y) + half)),
                ],
                rgb(colours.annotation_fill).mix(0.35).filled(),
            ))
            .map_err(draw_error)?;
            Ok(x + half * 2.0)
        }
    }
}

/// The legend entries placed left to right, wrapped onto as many rows as the width needs.
fn place_legend(entries: &[LegendEntry], width: f64, scale: f64) -> Vec<Placed> {
    let text_px = (14.0 * scale).max(9.0);
    let left = 20.0 * scale;
    let mark_width = |mark: LegendMark| match mark {
        LegendMark::Filled | LegendMark::Hollow | LegendMark::Shaded => 12.0 * scale,
        LegendMark::Dashed => 31.0 * scale,
        LegendMark::Series(_) => 22.0 * scale,
    };
    let (mut x, mut row) = (left, 0);
    entries
        .iter()
        .map(|entry| {
            let entry_width =
                mark_width(entry.mark) + 6.0 * scale + text_width(&entry.text, text_px);
            if x > left && x + entry_width > width - left {
                x = left;
                row += 1;
            }
            let placed = Placed {
                entry: entry.clone(),
                x,
                row,
            };
            x += entry_width + 26.0 * scale;
            placed
        })
        .collect()
}

/// Greedy word wrap at `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word() {
        let lines = wrap("Source: one two three four five", 12);
        assert!(lines.iter().all(|l| l.chars().count() <= 12), "{lines:?}");
        assert_eq!(lines.join(" "), "Source: one two three four five");
    }
}

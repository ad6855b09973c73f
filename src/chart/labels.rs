//! Where a chart's words go inside the plot: the labels at the point markers and each
//! annotation span's label, placed so that no label covers a marker or another label.
//!
//! The plan knows no fonts or pixels; a renderer says how large it draws the plot and its
//! text ([`LabelRoom`]) and gets back where each label goes ([`LabelLayout`]), in plot space,
//! so the window and the SVG put them in the same places. A label's box is estimated from its
//! length and font size ([`text_size`]), a little wider than any common sans-serif draws it.

use super::plan::{Gap, Plan, two_lines};
use crate::corpus::model::PointStatus;

/// Average glyph width of a sans-serif font, in ems, with a margin: what a label's box is
/// estimated with.
pub const CHAR_WIDTH_EM: f64 = 0.6;
/// Line height of a label, in ems.
const LINE_HEIGHT_EM: f64 = 1.25;

/// The size in pixels `text` takes on one line at `font_px`: `(width, height)`.
#[must_use]
pub fn text_size(text: &str, font_px: f64) -> (f64, f64) {
    // A label is far shorter than 2^52 characters: the count is exact as a float.
    #[allow(clippy::cast_precision_loss)]
    let chars = text.chars().count() as f64;
    (chars * font_px * CHAR_WIDTH_EM, font_px * LINE_HEIGHT_EM)
}

/// Which labels a renderer writes at the point markers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointLabels {
    /// None.
    None,
    /// Every known value's label (`"≈ 49,000"`), above its marker: the exported chart.
    Values,
    /// A "≈" above each approximate value: the window, which gives values on hover.
    ApproximateMarks,
    /// Only the value of one year: the year a slide marks.
    Year(i32),
}

/// How a renderer draws a plan, in pixels: what placing its labels needs to know.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRoom {
    /// Width and height of the plot area inside the axes.
    pub plot_size: (f64, f64),
    /// The x range the plot area shows (plot space).
    pub x_range: (f64, f64),
    /// The y range the plot area shows (plot space).
    pub y_range: (f64, f64),
    /// Font size of an annotation label.
    pub annotation_px: f64,
    /// Font size of the labels at the markers.
    pub point_px: f64,
    /// Font size of the "not stated" label at a gap.
    pub gap_px: f64,
    /// Radius of a point marker.
    pub marker_radius: f64,
    /// Which labels are written at the markers.
    pub point_labels: PointLabels,
    /// A year with a rule across the plot (the selected or marked year), if any.
    pub rule_year: Option<i32>,
}

/// A box on the plot area in pixels, y down from the top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PixelBox {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl PixelBox {
    /// The box of `size` centred on `(x, y)`.
    #[must_use]
    pub fn centred(x: f64, y: f64, (width, height): (f64, f64)) -> Self {
        Self {
            left: x - width / 2.0,
            top: y - height / 2.0,
            right: x + width / 2.0,
            bottom: y + height / 2.0,
        }
    }

    /// Whether the two boxes share any area.
    #[must_use]
    pub fn overlaps(&self, other: &Self) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// The area the two boxes share.
    fn overlap_area(&self, other: &Self) -> f64 {
        let width = self.right.min(other.right) - self.left.max(other.left);
        let height = self.bottom.min(other.bottom) - self.top.max(other.top);
        width.max(0.0) * height.max(0.0)
    }

    /// Whether the box lies wholly inside `width` × `height`.
    fn inside(&self, width: f64, height: f64) -> bool {
        self.left >= 0.0 && self.top >= 0.0 && self.right <= width && self.bottom <= height
    }
}

/// Which side of a label its anchor is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextAlign {
    /// The text starts at the anchor.
    Left,
    /// The text is centred on the anchor.
    Centre,
    /// The text ends at the anchor.
    Right,
}

/// A label placed on the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Its words (a line break between lines).
    pub text: String,
    /// The centre of its box in plot space `[x, y]`.
    pub centre: [f64; 2],
    /// Where the renderer draws it, in plot space: vertically centred there, and starting,
    /// centred on or ending there as `align` says.
    pub anchor: [f64; 2],
    /// Which side of the text `anchor` is on.
    pub align: TextAlign,
    /// The box it takes on the plot area, in pixels.
    pub area: PixelBox,
    /// The series it belongs to (its index among the chart's lines); 0 for an annotation.
    pub line: usize,
}

/// Where every label inside the plot goes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelLayout {
    /// The labels at the markers, as [`LabelRoom::point_labels`] asks.
    pub points: Vec<PlacedLabel>,
    /// Each annotation span's label, in the plan's order.
    pub annotations: Vec<PlacedLabel>,
    /// The box of every point marker, in pixels.
    pub markers: Vec<PixelBox>,
    /// Each gap's "not stated" label on two lines, beside its guide, clear of the markers,
    /// the labels at them and every line's segments.
    pub gaps: Vec<PlacedLabel>,
    /// The strip of every line across the plot's height: each gap's guide, the rule year's.
    pub rules: Vec<PixelBox>,
}

impl LabelRoom {
    /// The pixel x of a plot-space x.
    fn px_x(&self, x: f64) -> f64 {
        let (lo, hi) = self.x_range;
        let span = hi - lo;
        if span.abs() < f64::EPSILON {
            return self.plot_size.0 / 2.0;
        }
        (x - lo) / span * self.plot_size.0
    }

    /// The pixel y (down from the top) of a plot-space y.
    fn px_y(&self, y: f64) -> f64 {
        let (lo, hi) = self.y_range;
        let span = hi - lo;
        if span.abs() < f64::EPSILON {
            return self.plot_size.1 / 2.0;
        }
        (hi - y) / span * self.plot_size.1
    }

    /// The plot-space point at pixel `(x, y)`.
    fn plot_point(&self, x: f64, y: f64) -> [f64; 2] {
        let (x_lo, x_hi) = self.x_range;
        let (y_lo, y_hi) = self.y_range;
        let (width, height) = self.plot_size;
        [
            x_lo + x / width.max(1e-9) * (x_hi - x_lo),
            y_hi - y / height.max(1e-9) * (y_hi - y_lo),
        ]
    }

    /// Space kept between a label and whatever it must not touch.
    fn padding(&self) -> f64 {
        (self.annotation_px * 0.25).max(2.0)
    }
}

/// Where the "not stated" label of `gap` stands on a y axis over `y_range`: in the larger free
/// space above or below a bridge crossing it, else halfway up.
#[must_use]
pub fn gap_label_y(gap: &Gap, (y_lo, y_hi): (f64, f64)) -> f64 {
    match gap.bridge_y {
        Some(bridge) if bridge - y_lo > y_hi - bridge => f64::midpoint(y_lo, bridge),
        Some(bridge) => f64::midpoint(bridge, y_hi),
        None => f64::midpoint(y_lo, y_hi),
    }
}

/// The label at a marker, if `labels` writes one there.
fn point_text(labels: PointLabels, year: i32, status: PointStatus, label: &str) -> Option<String> {
    match labels {
        PointLabels::None => None,
        PointLabels::Values => Some(label.to_owned()),
        PointLabels::ApproximateMarks => {
            (status == PointStatus::Approximate).then(|| "≈".to_owned())
        }
        PointLabels::Year(marked) => (marked == year).then(|| label.to_owned()),
    }
}

impl Plan {
    /// Where the labels of this chart go when `lines` (this plan's marks, or each series'
    /// on a chart of several) are drawn as `room` says: each marker's label just above it
    /// (below it on a bar that grows downwards), then each annotation span's label in the first
    /// place that covers no marker, no other label and no line across the plot, trying rows
    /// from the top of the plot and from the bottom, each centred on the span, at its left or
    /// right edge, or beside it.
    #[must_use]
    pub fn label_layout(&self, lines: &[&Plan], room: &LabelRoom) -> LabelLayout {
        let mut layout = LabelLayout::default();
        for (index, line) in lines.iter().enumerate() {
            self.place_point_labels(line, index, room, &mut layout);
        }
        for (index, line) in lines.iter().enumerate() {
            for gap in &line.gaps {
                let label = gap_label(line, lines, gap, room, &layout);
                layout.gaps.push(PlacedLabel {
                    line: index,
                    ..label
                });
            }
        }
        let rule = |year: i32| {
            let x = room.px_x(f64::from(year));
            PixelBox {
                left: x - 1.5,
                top: 0.0,
                right: x + 1.5,
                bottom: room.plot_size.1,
            }
        };
        layout.rules = lines
            .iter()
            .flat_map(|line| line.gaps.iter().map(|gap| gap.year))
            .chain(room.rule_year)
            .map(rule)
            .collect();
        for span in &self.annotations {
            let from_to = (room.px_x(span.from_x), room.px_x(span.to_x));
            if let Some(area) = free_place(&layout, room, from_to, &span.label) {
                let centre = room.plot_point(
                    f64::midpoint(area.left, area.right),
                    f64::midpoint(area.top, area.bottom),
                );
                layout.annotations.push(PlacedLabel {
                    text: span.label.clone(),
                    centre,
                    anchor: centre,
                    align: TextAlign::Centre,
                    area,
                    line: 0,
                });
            }
        }
        layout
    }

    /// The markers of `line` (the chart's line at `index`) and the words `room` writes at
    /// them, added to `layout`.
    fn place_point_labels(
        &self,
        line: &Plan,
        index: usize,
        room: &LabelRoom,
        layout: &mut LabelLayout,
    ) {
        for point in &line.points {
            let (Some(y), Some(label)) = (point.y, &point.label) else {
                continue;
            };
            let x = room.px_x(f64::from(point.year));
            let y_px = room.px_y(y);
            let diameter = room.marker_radius * 2.0;
            layout
                .markers
                .push(PixelBox::centred(x, y_px, (diameter, diameter)));
            let Some(text) = point_text(room.point_labels, point.year, point.status, label) else {
                continue;
            };
            let size = text_size(&text, room.point_px);
            let offset = room.marker_radius + room.point_px * 0.3 + size.1 / 2.0;
            let below = self.options.bars && y < self.bar_base;
            let centre_y = if below { y_px + offset } else { y_px - offset };
            layout.points.push(PlacedLabel {
                centre: room.plot_point(x, centre_y),
                anchor: room.plot_point(x, centre_y),
                align: TextAlign::Centre,
                area: PixelBox::centred(x, centre_y, size),
                text,
                line: index,
            });
        }
    }
}

/// The "not stated" label of `gap` (of `line`, one of `lines`): on two lines just right of
/// its guide (left of it when there is no room), halfway up the plot or above or below a
/// bridge across it, moved up or down as little as needed to stay clear of the markers and
/// labels `layout` holds and of every line's segments.
fn gap_label(
    line: &Plan,
    lines: &[&Plan],
    gap: &Gap,
    room: &LabelRoom,
    layout: &LabelLayout,
) -> PlacedLabel {
    let (first, second) = two_lines(&line.gap_label);
    let text = if second.is_empty() {
        first.to_owned()
    } else {
        format!("{first}\n{second}")
    };
    let (first_width, line_height) = text_size(first, room.gap_px);
    let size = (
        first_width.max(text_size(second, room.gap_px).0),
        line_height * 2.0,
    );
    let (width, height) = room.plot_size;
    let padding = room.padding();
    let guide = room.px_x(f64::from(gap.year));
    let right = guide + padding + size.0 / 2.0;
    let (x, align, anchor_x) = if right + size.0 / 2.0 <= width {
        (right, TextAlign::Left, guide + padding)
    } else {
        (
            guide - padding - size.0 / 2.0,
            TextAlign::Right,
            guide - padding,
        )
    };
    let start = room.px_y(gap_label_y(gap, room.y_range));
    let segments: Vec<[(f64, f64); 2]> = lines
        .iter()
        .flat_map(|other| &other.segments)
        .map(|segment| {
            [
                (room.px_x(segment.from[0]), room.px_y(segment.from[1])),
                (room.px_x(segment.to[0]), room.px_y(segment.to[1])),
            ]
        })
        .collect();
    let taken: Vec<&PixelBox> = layout
        .markers
        .iter()
        .chain(layout.points.iter().map(|label| &label.area))
        .chain(layout.gaps.iter().map(|label| &label.area))
        .collect();
    let free = |area: &PixelBox| {
        let padded = PixelBox {
            left: area.left - padding,
            top: area.top - padding,
            right: area.right + padding,
            bottom: area.bottom + padding,
        };
        area.top >= 0.0
            && area.bottom <= height
            && taken.iter().all(|other| !padded.overlaps(other))
            && segments
                .iter()
                .all(|&[a, b]| !segment_crosses(a, b, &padded))
    };
    let step = size.1 / 4.0;
    let centre_y = (0..200)
        .flat_map(|k| {
            // A small count, exact as a float.
            #[allow(clippy::cast_precision_loss)]
            let offset = f64::from(k) * step;
            [start - offset, start + offset]
        })
        .find(|&y| free(&PixelBox::centred(x, y, size)))
        .unwrap_or(start);
    PlacedLabel {
        text,
        centre: room.plot_point(x, centre_y),
        anchor: room.plot_point(anchor_x, centre_y),
        align,
        area: PixelBox::centred(x, centre_y, size),
        line: 0,
    }
}

/// Whether the straight line from `a` to `b` passes through `area`.
pub(crate) fn segment_crosses(a: (f64, f64), b: (f64, f64), area: &PixelBox) -> bool {
    let inside = |(x, y): (f64, f64)| {
        (area.left..=area.right).contains(&x) && (area.top..=area.bottom).contains(&y)
    };
    if inside(a) || inside(b) {
        return true;
    }
    // Sample the segment finely enough that no box a label takes is stepped over.
    let length = (b.0 - a.0).hypot(b.1 - a.1);
    let steps = (length / 2.0).ceil().clamp(1.0, 10_000.0);
    // Whole and within 1..=10 000: the cast neither truncates nor loses a sign.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = steps as u32;
    (0..=count).any(|i| {
        let t = f64::from(i) / steps;
        inside((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
    })
}

/// The first place for the label `text` of a span from pixel `from` to `to` that lies inside
/// the plot and covers nothing `layout` holds yet (with a little room around each); the least
/// covered place when none is free.
fn free_place(
    layout: &LabelLayout,
    room: &LabelRoom,
    (from, to): (f64, f64),
    text: &str,
) -> Option<PixelBox> {
    let (width, height) = room.plot_size;
    let padding = room.padding();
    let taken: Vec<PixelBox> = layout
        .markers
        .iter()
        .chain(layout.points.iter().map(|label| &label.area))
        .chain(layout.gaps.iter().map(|label| &label.area))
        .chain(&layout.rules)
        .chain(layout.annotations.iter().map(|label| &label.area))
        .map(|area| PixelBox {
            left: area.left - padding,
            top: area.top - padding,
            right: area.right + padding,
            bottom: area.bottom + padding,
        })
        .collect();
    let candidates = candidates(
        (from, to),
        text_size(text, room.annotation_px),
        room.plot_size,
        padding,
    );
    let covered =
        |area: &PixelBox| -> f64 { taken.iter().map(|other| area.overlap_area(other)).sum() };
    candidates
        .iter()
        .find(|area| area.inside(width, height) && covered(area) <= 0.0)
        .copied()
        .or_else(|| {
            candidates
                .iter()
                .copied()
                .min_by(|a, b| covered(a).total_cmp(&covered(b)))
        })
}

/// The places an annotation label of `size` may take for a span from pixel `from` to `to`
/// on a plot of `plot_size`, best first: on the span (centred, at its left edge, at its right
/// edge) in rows from the top and the bottom, alternately; then just right or left of it in
/// those rows. Every place is kept inside the plot's width.
fn candidates(
    (from, to): (f64, f64),
    (width, height): (f64, f64),
    (plot_width, plot_height): (f64, f64),
    padding: f64,
) -> Vec<PixelBox> {
    let row = height + padding;
    let rows = ((plot_height - padding) / row).floor().clamp(1.0, 200.0);
    // Whole and within 1..=200: the cast neither truncates nor loses a sign.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rows = rows as usize;
    let tops = (0..rows).flat_map(|k| {
        // A small count, exact as a float.
        #[allow(clippy::cast_precision_loss)]
        let k = k as f64;
        [padding + k * row, plot_height - padding - height - k * row]
    });
    let within = [
        f64::midpoint(from, to) - width / 2.0,
        from + padding,
        to - padding - width,
    ];
    let beside = [to + padding, from - padding - width];
    let tops: Vec<f64> = tops.collect();
    let mut out = Vec::new();
    for lefts in [&within[..], &beside[..]] {
        for &top in &tops {
            for &left in lefts {
                let left = left.clamp(0.0, (plot_width - width).max(0.0));
                let area = PixelBox {
                    left,
                    top,
                    right: left + width,
                    bottom: top + height,
                };
                if !out.contains(&area) {
                    out.push(area);
                }
            }
        }
    }
    out
}

//! What is drawn inside the plot: annotation spans, gaps, the line or bars, and the markers
//! with their value labels.
//!
//! Stated values are filled markers joined by a solid line; approximate values are hollow
//! markers; a year the text gives no number for is a labelled dashed guide with a dashed
//! segment bridging the gap, never a point.

use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{Chart, Layout, PALETTE, count, draw_error, font, px, rgb};
use crate::chart::error::ChartError;
use crate::chart::labels::{PlacedLabel, TextAlign};
use crate::chart::plan::Plan;
use crate::corpus::model::PointStatus;
use crate::palette::Rgba;

/// Draws one element on the plot, in plot coordinates.
fn draw_on<'b, E>(chart: &Chart<'_, 'b>, element: &E) -> Result<(), ChartError>
where
    for<'p> &'p E: PointCollection<'p, (f64, f64)>,
    E: Drawable<SVGBackend<'b>>,
{
    chart.plotting_area().draw(element).map_err(draw_error)
}

/// Each annotation span shaded over the plot's height, its label where `labels` put it.
pub(super) fn annotations(
    chart: &Chart<'_, '_>,
    plan: &Plan,
    layout: &Layout,
    labels: &[PlacedLabel],
) -> Result<(), ChartError> {
    let colours = PALETTE.colours();
    let (y_lo, y_hi) = plan.y_axis.range;
    let fill = rgb(colours.annotation_fill)
        .mix(colours.annotation_fill.opacity())
        .filled();
    for span in &plan.annotations {
        draw_on(
            chart,
            &(Rectangle::new([(span.from_x, y_hi), (span.to_x, y_lo)], fill)),
        )?;
    }
    let muted = rgb(colours.muted_text);
    centred_labels(chart, labels, &font(layout.annotation_px()).color(&muted))
}

/// Each of `labels` in `style`, centred where the label layout put it.
fn centred_labels<'l>(
    chart: &Chart<'_, '_>,
    labels: impl IntoIterator<Item = &'l PlacedLabel>,
    style: &TextStyle<'_>,
) -> Result<(), ChartError> {
    let style = style.pos(Pos::new(HPos::Center, VPos::Center));
    for label in labels {
        draw_on(
            chart,
            &(EmptyElement::at((label.centre[0], label.centre[1]))
                + Text::new(label.text.clone(), (0, 0), style.clone())),
        )?;
    }
    Ok(())
}

/// For each gap: a dashed guide across the plot.
pub(super) fn gaps(chart: &Chart<'_, '_>, plan: &Plan, layout: &Layout) -> Result<(), ChartError> {
    let (y_lo, y_hi) = plan.y_axis.range;
    let warning = rgb(PALETTE.colours().warning);
    for gap in &plan.gaps {
        let x = f64::from(gap.year);
        draw_on(
            chart,
            &(DashedPathElement::new(
                vec![(x, y_lo), (x, y_hi)],
                layout.px(7.0),
                layout.px(5.0),
                warning.stroke_width(layout.stroke(2.0)),
            )),
        )?;
    }
    Ok(())
}

/// Each gap's "not stated" label where `labels` put it, line by line on a light backing.
pub(super) fn gap_labels(
    chart: &Chart<'_, '_>,
    layout: &Layout,
    labels: &[PlacedLabel],
) -> Result<(), ChartError> {
    let colours = PALETTE.colours();
    let background = rgb(colours.background);
    let warning = rgb(colours.warning);
    let label_px = layout.gap_px();
    let line_step = label_px * 1.25;
    for label in labels {
        let half_w = px((label.area.right - label.area.left) / 2.0);
        let half_h = px((label.area.bottom - label.area.top) / 2.0);
        draw_on(
            chart,
            &(EmptyElement::at((label.centre[0], label.centre[1]))
                + Rectangle::new(
                    [(-half_w, -half_h), (half_w, half_h)],
                    background.mix(0.9).filled(),
                )),
        )?;
        let at = (label.anchor[0], label.anchor[1]);
        let h_pos = match label.align {
            TextAlign::Left => HPos::Left,
            TextAlign::Centre => HPos::Center,
            TextAlign::Right => HPos::Right,
        };
        let lines: Vec<&str> = label.text.lines().collect();
        let first_offset = -(line_step * (count(lines.len()) - 1.0) / 2.0);
        for (i, line) in lines.iter().enumerate() {
            let dy = first_offset + line_step * count(i);
            draw_on(
                chart,
                &(EmptyElement::at(at)
                    + Text::new(
                        (*line).to_owned(),
                        (0, px(dy)),
                        font(label_px)
                            .color(&warning)
                            .pos(Pos::new(h_pos, VPos::Center)),
                    )),
            )?;
        }
    }
    Ok(())
}

/// The plan's segments: solid between neighbouring known values, dashed across gaps.
pub(super) fn lines(
    chart: &Chart<'_, '_>,
    plan: &Plan,
    layout: &Layout,
    colour: Rgba,
) -> Result<(), ChartError> {
    let series = rgb(colour);
    let solid = series.stroke_width(layout.stroke(3.0));
    let dashed = series.mix(0.6).stroke_width(layout.stroke(2.5));
    for segment in &plan.segments {
        let points = vec![
            (segment.from[0], segment.from[1]),
            (segment.to[0], segment.to[1]),
        ];
        if segment.dashed {
            draw_on(
                chart,
                &(DashedPathElement::new(points, layout.px(10.0), layout.px(7.0), dashed)),
            )?;
        } else {
            draw_on(chart, &(PathElement::new(points, solid)))?;
        }
    }
    Ok(())
}

/// A bar per known value: solid for stated, light with an outline for approximate. The bars
/// of series `slot.0` of `slot.1` on one chart stand side by side in each year.
pub(super) fn bars(
    chart: &Chart<'_, '_>,
    plan: &Plan,
    layout: &Layout,
    colour: Rgba,
    slot: (usize, usize),
) -> Result<(), ChartError> {
    let series = rgb(colour);
    let width = 0.4 / count(slot.1.max(1));
    let left = -0.2 + width * count(slot.0);
    let light = series.mix(0.3);
    let outline = series.stroke_width(layout.stroke(2.0));
    for point in &plan.points {
        let Some(y) = point.y else { continue };
        let x = f64::from(point.year);
        let corners = [(x + left, plan.bar_base), (x + left + width, y)];
        let fill = if point.status == PointStatus::Approximate {
            light.filled()
        } else {
            series.filled()
        };
        draw_on(chart, &Rectangle::new(corners, fill))?;
        draw_on(chart, &Rectangle::new(corners, outline))?;
    }
    Ok(())
}

/// A filled marker per stated value and a hollow one per approximate value, and the labels
/// `labels` placed at them. Not-stated years get nothing.
pub(super) fn markers(
    chart: &Chart<'_, '_>,
    plan: &Plan,
    layout: &Layout,
    colour: Rgba,
    labels: &[&PlacedLabel],
) -> Result<(), ChartError> {
    let colours = PALETTE.colours();
    let series = rgb(colour);
    let background = rgb(colours.background);
    let radius = px(layout.marker_radius());
    let ring = series.stroke_width(layout.stroke(2.5));
    for point in &plan.points {
        let Some(y) = point.y else {
            continue;
        };
        let at = (f64::from(point.year), y);
        match point.status {
            PointStatus::Approximate => draw_on(
                chart,
                &(EmptyElement::at(at)
                    + Circle::new((0, 0), radius, background.filled())
                    + Circle::new((0, 0), radius, ring)),
            )?,
            PointStatus::Stated | PointStatus::NotStated | PointStatus::Derived => draw_on(
                chart,
                &(EmptyElement::at(at) + Circle::new((0, 0), radius, series.filled())),
            )?,
        }
    }
    let style = font(layout.point_px())
        .style(FontStyle::Bold)
        .color(&series);
    centred_labels(chart, labels.iter().copied(), &style)
}

//! A data series and one point of it: unit, source, points, the quote a value comes from and
//! the passages about its year.

use eframe::egui::{self, RichText, Ui};

use super::{
    SHOWN, field_ui, heading_ui, item_list_ui, mention_passage_ui, more_ui, notes_ui, subheading_ui,
};
use crate::app::context::{ClickAction, UiLayout, ViewCtx};
use crate::corpus::Item;
use crate::corpus::display::point_value_text;
use crate::corpus::model::PointStatus;

/// The series at `position` in `series`.
pub(super) fn series_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(series) = ctx.corpus.file.series.get(position) else {
        return;
    };
    heading_ui(ctx, ui, "Series", &series.title, layout);
    field_ui(ctx, ui, "Unit", &series.unit);
    field_ui(ctx, ui, "Source", &series.source);
    if layout == UiLayout::Tooltip {
        return;
    }
    item_list_ui(
        ctx,
        ui,
        "Points",
        (0..series.points.len()).map(|point| Item::SeriesPoint {
            series: position,
            point,
        }),
        ClickAction::Select,
    );
    item_list_ui(
        ctx,
        ui,
        "Cites",
        series
            .references
            .iter()
            .filter_map(|id| ctx.corpus.reference_by_id(id))
            .map(Item::Reference),
        ClickAction::Select,
    );
    notes_ui(ctx, ui, Item::Series(position), layout);
}

/// The point at `point_position` of the series at `series_position`.
pub(super) fn series_point_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    series_position: usize,
    point_position: usize,
    layout: UiLayout,
) {
    let Some(series) = ctx.corpus.file.series.get(series_position) else {
        return;
    };
    let Some(point) = series.points.get(point_position) else {
        return;
    };
    heading_ui(
        ctx,
        ui,
        &series.title,
        &format!(
            "{}: {}",
            point.year,
            point_value_text(point.value, point.status, series)
        ),
        layout,
    );
    let status_color = match point.status {
        PointStatus::Stated | PointStatus::Derived => ctx.theme.muted_text,
        PointStatus::Approximate | PointStatus::NotStated => ctx.theme.warning,
    };
    ui.label(RichText::new(format!("Status: {}", point.status.label())).color(status_color));
    ui.add(egui::Label::new(RichText::new(format!("“{}”", point.quote)).italics()).wrap());
    let item = Item::SeriesPoint {
        series: series_position,
        point: point_position,
    };
    notes_ui(ctx, ui, item, layout);
    if layout == UiLayout::Tooltip {
        return;
    }
    let mentions = ctx
        .corpus
        .index
        .year_mentions
        .get(&point.year)
        .map_or(&[][..], Vec::as_slice);
    let mut paragraphs: Vec<usize> = mentions.iter().map(|m| m.paragraph).collect();
    paragraphs.dedup();
    subheading_ui(
        ctx,
        ui,
        &format!("Passages about {} ({})", point.year, paragraphs.len()),
    );
    more_ui(ctx, ui, paragraphs.len());
    for paragraph in paragraphs.into_iter().take(SHOWN) {
        if let Some(mention) = mentions.iter().find(|m| m.paragraph == paragraph) {
            mention_passage_ui(ctx, ui, paragraph, mention.range.clone());
        }
    }
}

//! Series: texts, years in order and once each, values that match their status, and quotes
//! that occur in the paragraph they name.

use std::collections::{HashMap, HashSet};

use super::{Sink, require_text, unknown_id};
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath};
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::model::{CellRef, CorpusFile, PointStatus, SeriesPoint};

/// Texts, years, values and quotes of every series (its links are checked with the others).
pub(super) fn check_series(
    file: &CorpusFile,
    ids: &IdMaps<'_>,
    printed: &HashMap<&str, &str>,
    out: &mut Sink,
) {
    let check_quote = |quote: &str, paragraph: &str, path: JsonPath, out: &mut Sink| {
        if let Some(text) = printed.get(paragraph)
            && !quote.is_empty()
            && !text.contains(quote)
        {
            out.push(
                    Diagnostic::warning(
                        Code::QuoteNotFound,
                        format!("the quote does not occur in paragraph `{paragraph}`"),
                        "copy the sentence verbatim from the paragraph, citations as the paper prints them ([1])",
                    )
                    .at(path),
                );
        }
    };
    for (i, series) in file.series.iter().enumerate() {
        let path = JsonPath::root().key("series").index(i);
        require_text(&series.title, "a series' title", path.key("title"), out);
        require_text(&series.unit, "a series' unit", path.key("unit"), out);
        if series.value_format.per == Some(0) {
            out.push(
                Diagnostic::error(
                    Code::EmptyText,
                    "a rate is per a number above zero",
                    "write the rate's base as the paper does, e.g. `\"per\": 1000` for \"per 1,000\"",
                )
                .at(path.key("value_format").key("per")),
            );
        }
        let mut previous: Option<i32> = None;
        let mut years = HashSet::new();
        for (j, point) in series.points.iter().enumerate() {
            let point_path = path.key("points").index(j);
            if !years.insert(point.year) {
                out.push(
                    Diagnostic::error(
                        Code::SeriesYearDuplicate,
                        format!("series `{}` has {} twice", series.id, point.year),
                        "keep one point per year",
                    )
                    .at(point_path.key("year")),
                );
            } else if previous.is_some_and(|p| p > point.year) {
                out.push(
                    Diagnostic::error(
                        Code::SeriesYearOrder,
                        format!(
                            "series `{}`: {} comes after a later year",
                            series.id, point.year
                        ),
                        "list the points in ascending year order",
                    )
                    .at(point_path.key("year")),
                );
            }
            previous = Some(previous.map_or(point.year, |p| p.max(point.year)));
            check_point_status(point, &point_path, out);
            check_point_source(file, ids, point, &point_path, out);
            if point.status != PointStatus::NotStated || !point.quote.is_empty() {
                require_text(
                    &point.quote,
                    "a point's quote",
                    point_path.key("quote"),
                    out,
                );
            }
            if let Some(paragraph) = &point.paragraph {
                check_quote(&point.quote, paragraph, point_path.key("quote"), out);
            }
        }
        for (j, annotation) in series.annotations.iter().enumerate() {
            let annotation_path = path.key("annotations").index(j);
            require_text(
                &annotation.label,
                "an annotation's label",
                annotation_path.key("label"),
                out,
            );
            if annotation.to_year < annotation.from_year {
                out.push(
                    Diagnostic::error(
                        Code::AnnotationRange,
                        format!(
                            "annotation `{}` ends ({}) before it starts ({})",
                            annotation.label, annotation.to_year, annotation.from_year
                        ),
                        "swap `from_year` and `to_year`",
                    )
                    .at(annotation_path.key("to_year")),
                );
            }
            if let Some(id) = &annotation.paragraph {
                check_quote(&annotation.quote, id, annotation_path.key("quote"), out);
            }
        }
    }
}

/// A point's value agrees with its status, and a derived point says how it was derived.
fn check_point_status(point: &SeriesPoint, point_path: &JsonPath, out: &mut Sink) {
    match (point.status, point.value) {
        (PointStatus::NotStated, Some(value)) => out.push(
            Diagnostic::error(
                Code::ValueOnNotStated,
                format!("{} is marked not stated but has the value {value}", point.year),
                "set `value` to null, or set `status` to `stated` or `approximate` if the text gives it",
            )
            .at(point_path.key("value")),
        ),
        (PointStatus::Stated | PointStatus::Approximate | PointStatus::Derived, None) => out.push(
            Diagnostic::error(
                Code::MissingValue,
                format!("{} is marked {} but has no value", point.year, point.status.label()),
                "give the value the text states, or set `status` to `not_stated`",
            )
            .at(point_path.key("value")),
        ),
        _ => {}
    }
    if point.status == PointStatus::Derived && point.derivation.trim().is_empty() {
        out.push(
            Diagnostic::error(
                Code::MissingDerivation,
                format!("{} is marked derived but does not say how", point.year),
                "say how the value was worked out in `derivation`, e.g. \"sum of the regional rows\"",
            )
            .at(point_path.key("status")),
        );
    }
}

/// A point quotes exactly one source (a paragraph, a table cell, a figure's caption or the
/// abstract; a point the text does not state may quote none), that source exists, and the
/// quote occurs in a cell, caption or abstract it names (paragraphs are checked by the caller).
fn check_point_source(
    file: &CorpusFile,
    ids: &IdMaps<'_>,
    point: &SeriesPoint,
    path: &JsonPath,
    out: &mut Sink,
) {
    let sources = usize::from(point.paragraph.is_some())
        + usize::from(point.cell.is_some())
        + usize::from(point.figure.is_some())
        + usize::from(point.in_abstract);
    if sources > 1 || (sources == 0 && point.status != PointStatus::NotStated) {
        // Pointed at the second source named (the first is taken to be the meant one), or at
        // the quote that has none.
        let named = [
            ("paragraph", point.paragraph.is_some()),
            ("cell", point.cell.is_some()),
            ("figure", point.figure.is_some()),
            ("abstract", point.in_abstract),
        ];
        let (problem, at) = if sources > 1 {
            let second = named
                .iter()
                .filter(|(_, named)| *named)
                .nth(1)
                .map_or("quote", |(key, _)| *key);
            ("names more than one source", second)
        } else {
            ("names no source for its quote", "quote")
        };
        out.push(
            Diagnostic::error(
                Code::PointSource,
                format!("the point for {} {problem}", point.year),
                "give exactly one of `\"paragraph\": \"<id>\"`, `\"cell\": {\"table\": …, \"row\": …, \"column\": …}`, `\"figure\": \"<id>\"` or `\"abstract\": true`",
            )
            .at(path.key(at)),
        );
        return;
    }
    let quoted_in = |text: &str, what: &str, out: &mut Sink| {
        if !point.quote.is_empty() && !text.contains(point.quote.trim()) {
            out.push(
                Diagnostic::warning(
                    Code::QuoteNotFound,
                    format!("the quote does not occur in {what}"),
                    "copy the words verbatim from where the value is printed",
                )
                .at(path.key("quote")),
            );
        }
    };
    if point.in_abstract {
        quoted_in(&file.paper.abstract_text, "the abstract", out);
    }
    if let Some(id) = &point.figure
        && let Some(figure) = file.figures.iter().find(|f| &f.id == id)
    {
        quoted_in(
            &figure.caption,
            &format!("the caption of figure `{id}`"),
            out,
        );
    }
    if let Some(cell) = &point.cell
        && let Some(text) = cell_text(file, ids, cell, &path.key("cell"), out)
    {
        quoted_in(
            text,
            &format!(
                "cell `{}`/`{}` of table `{}`",
                cell.row, cell.column, cell.table
            ),
            out,
        );
    }
}

/// The text of the cell a point names, or the diagnostic saying which part of it does not exist.
fn cell_text<'a>(
    file: &'a CorpusFile,
    ids: &IdMaps<'_>,
    cell: &CellRef,
    path: &JsonPath,
    out: &mut Sink,
) -> Option<&'a str> {
    let Some(table) = file.tables.iter().find(|t| t.id == cell.table) else {
        out.push(unknown_id(
            ItemKind::Table,
            Code::UnknownTable,
            &cell.table,
            path.key("table"),
            ids,
        ));
        return None;
    };
    let Some(row) = table.rows.iter().find(|r| r.id == cell.row) else {
        out.push(
            Diagnostic::error(
                Code::UnknownTableRow,
                format!("table `{}` has no row with the id `{}`", table.id, cell.row),
                "use the id of one of the table's rows",
            )
            .at(path.key("row")),
        );
        return None;
    };
    let Some(column) = table.column_position(&cell.column) else {
        let known: Vec<&str> = table.columns.iter().map(|c| c.id.as_str()).collect();
        out.push(
            Diagnostic::error(
                Code::UnknownColumn,
                format!(
                    "table `{}` has no column with the id `{}`",
                    table.id, cell.column
                ),
                format!("use one of its columns: {}", known.join(", ")),
            )
            .at(path.key("column")),
        );
        return None;
    };
    row.cells.get(column).map(String::as_str)
}

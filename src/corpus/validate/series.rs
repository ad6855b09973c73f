//! Series: texts, years in order and once each, values that match their status, and quotes
//! that occur in the paragraph they name.

use std::collections::{HashMap, HashSet};

use super::{Sink, require_text};
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath};
use crate::corpus::model::{CorpusFile, PointStatus};

/// Texts, years, values and quotes of every series (its links are checked with the others).
pub(super) fn check_series(file: &CorpusFile, printed: &HashMap<&str, &str>, out: &mut Sink) {
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
        require_text(&series.source, "a series' source", path.key("source"), out);
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
            match (point.status, point.value) {
                (PointStatus::NotStated, Some(value)) => out.push(
                    Diagnostic::error(
                        Code::ValueOnNotStated,
                        format!("{} is marked not stated but has the value {value}", point.year),
                        "set `value` to null, or set `status` to `stated` or `approximate` if the text gives it",
                    )
                    .at(point_path.key("value")),
                ),
                (PointStatus::Stated | PointStatus::Approximate, None) => out.push(
                    Diagnostic::error(
                        Code::MissingValue,
                        format!("{} is marked {} but has no value", point.year, point.status.label()),
                        "give the value the text states, or set `status` to `not_stated`",
                    )
                    .at(point_path.key("value")),
                ),
                _ => {}
            }
            require_text(
                &point.quote,
                "a point's quote",
                point_path.key("quote"),
                out,
            );
            check_quote(&point.quote, &point.paragraph, point_path.key("quote"), out);
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

//! The numbers a chart draws: values per mode, year-on-year change, and how they are written.

use super::options::{AxisScale, ValueMode};
use crate::corpus::display::point_value_text;
use crate::corpus::model::{PointStatus, Series, SeriesPoint, ValueKind};
pub use crate::corpus::number::format_number;

/// A point's value when the text gives one: `None` for a not-stated point, whatever its
/// `value` field holds.
fn known_value(point: &SeriesPoint) -> Option<f64> {
    match point.status {
        PointStatus::NotStated => None,
        PointStatus::Stated | PointStatus::Approximate | PointStatus::Derived => {
            point.value.filter(|v| v.is_finite())
        }
    }
}

/// The first point with a stated or approximate value: the base of the index and change modes.
pub(crate) fn base_point(series: &Series) -> Option<(&SeriesPoint, f64)> {
    series
        .points
        .iter()
        .find_map(|p| known_value(p).map(|v| (p, v)))
}

/// Each point as `(year, value, status)` with its value shown in `mode`.
///
/// - [`ValueMode::Absolute`]: the value as the text gives it.
/// - [`ValueMode::IndexFirstYear`]: `value / base × 100`, where the base is the first stated or
///   approximate value.
/// - [`ValueMode::PercentChange`]: `(value − base) / base × 100`.
///
/// A not-stated point is `None` in every mode. Every value is `None` in the index and change
/// modes when the base is zero or there is none. The status is the point's own.
#[must_use]
pub fn transformed_points(
    series: &Series,
    mode: ValueMode,
) -> Vec<(i32, Option<f64>, PointStatus)> {
    let base = base_point(series)
        .map(|(_, v)| v)
        .filter(|v| *v != 0.0 && v.is_finite());
    series
        .points
        .iter()
        .map(|point| {
            let value = known_value(point).and_then(|value| match mode {
                ValueMode::Absolute => Some(value),
                ValueMode::IndexFirstYear => base.map(|b| value / b * 100.0),
                ValueMode::PercentChange => base.map(|b| (value - b) / b * 100.0),
            });
            (point.year, value, point.status)
        })
        .collect()
}

/// Per point, the percent change from the previous point: `None` for the first point, and
/// whenever this point or the previous one is not stated (or the previous value is zero).
///
/// The previous point is the one just before in the series, so a year after a not-stated
/// year has no change: the text does not say what it changed from.
#[must_use]
pub fn change_from_previous(series: &Series) -> Vec<Option<f64>> {
    let mut previous: Option<&SeriesPoint> = None;
    series
        .points
        .iter()
        .map(|point| {
            let change = previous
                .and_then(known_value)
                .filter(|before| *before != 0.0)
                .zip(known_value(point))
                .map(|(before, now)| (now - before) / before.abs() * 100.0);
            previous = Some(point);
            change
        })
        .collect()
}

/// A value the way the chart labels it in `mode`: `"42,000"`, `"≈ 49,000"`, `"85.7"`,
/// `"-14.3%"`; `"not stated in the text"` when there is none.
#[must_use]
pub fn format_point_value(value: Option<f64>, status: PointStatus, mode: ValueMode) -> String {
    let Some(value) = value else {
        return PointStatus::NotStated.label().to_owned();
    };
    let number = match mode {
        ValueMode::Absolute => {
            let decimals = if (value - value.round()).abs() < 1e-9 {
                0
            } else {
                2
            };
            let text = format_number(value, decimals);
            if decimals > 0 {
                text.trim_end_matches('0').trim_end_matches('.').to_owned()
            } else {
                text
            }
        }
        ValueMode::IndexFirstYear => format_number(value, 1),
        ValueMode::PercentChange => {
            let text = format_number(value, 1);
            if value > 0.0 && text != "0.0" {
                format!("+{text}%")
            } else {
                format!("{text}%")
            }
        }
    };
    match status {
        PointStatus::Approximate => format!("≈ {number}"),
        PointStatus::Stated | PointStatus::NotStated | PointStatus::Derived => number,
    }
}

/// A value of `series` the way the chart labels it in `mode`: in the absolute mode with the
/// series' decimals, a `%` for percentages and the currency before money (`"27.9"`,
/// `"≈ 39.5%"`, `"US$ 1,200"`); in the other modes as [`format_point_value`] writes it.
#[must_use]
pub fn point_label(
    series: &Series,
    value: Option<f64>,
    status: PointStatus,
    mode: ValueMode,
) -> String {
    let format = &series.value_format;
    let (Some(number), ValueMode::Absolute) = (value, mode) else {
        return format_point_value(value, status, mode);
    };
    let mut text = match format.decimals {
        Some(decimals) => format_number(number, usize::from(decimals)),
        None => format_point_value(Some(number), PointStatus::Stated, mode),
    };
    match format.kind {
        ValueKind::Percent => text.push('%'),
        ValueKind::Currency if !format.currency.trim().is_empty() => {
            text = format!("{} {text}", format.currency.trim());
        }
        ValueKind::Count
        | ValueKind::Rate
        | ValueKind::Index
        | ValueKind::Currency
        | ValueKind::Measure => {}
    }
    if status == PointStatus::Approximate {
        format!("≈ {text}")
    } else {
        text
    }
}

/// The value axis label: `"Number of victims"`, `"Index, 2020 = 100 (≈ 49,000 victims)"`,
/// `"% change from 2020 (≈ 49,000 victims)"`, with `", log scale"` added for a log axis.
#[must_use]
pub fn axis_label(series: &Series, mode: ValueMode, scale: AxisScale) -> String {
    let base = base_point(series).map(|(point, value)| {
        (
            point.year,
            point_value_text(Some(value), point.status, series),
        )
    });
    let mut label = match (mode, base) {
        (ValueMode::Absolute, _) | (_, None) => absolute_axis_label(series),
        (ValueMode::IndexFirstYear, Some((year, described))) => {
            format!("Index, {year} = 100 ({described})")
        }
        (ValueMode::PercentChange, Some((year, described))) => {
            format!("% change from {year} ({described})")
        }
    };
    if scale == AxisScale::Log {
        label.push_str(", log scale");
    }
    label
}

/// `unit` to open an axis label: a word capitalised (`deaths per 1,000` → `Deaths per 1,000`),
/// a symbol as written, since its case is its meaning (`mg/dL` is not `Mg/dL`, nor `kg` `Kg`,
/// `ppm` `Ppm`): only a first word of four or more lower-case letters is taken for a word.
fn capitalised_unit(unit: &str) -> String {
    let first_word = unit.split_whitespace().next().unwrap_or_default();
    let is_word = first_word.chars().count() >= 4 && first_word.chars().all(char::is_lowercase);
    let mut chars = unit.chars();
    match chars.next() {
        Some(first) if is_word => first.to_uppercase().chain(chars).collect(),
        _ => unit.to_owned(),
    }
}

/// The value axis label for values as given: the series' own `axis_label`, else
/// `"Number of victims"` for a count, `"Percent"` for percentages without other words, and the
/// unit itself, capitalised, for anything else (`"Neonatal deaths per 1,000 live births"`); a
/// rate whose unit does not say per how many gets `per` added (`"Deaths per 1,000"`).
#[must_use]
pub fn absolute_axis_label(series: &Series) -> String {
    let unit = series.unit.trim();
    if !series.axis_label.trim().is_empty() {
        return series.axis_label.trim().to_owned();
    }
    let format = &series.value_format;
    match (format.kind, unit) {
        (ValueKind::Percent, "" | "%" | "percent" | "per cent") => "Percent".to_owned(),
        (ValueKind::Currency, "") if !format.currency.trim().is_empty() => {
            format!("Amount ({})", format.currency.trim())
        }
        (_, "") => "Value".to_owned(),
        (ValueKind::Count, unit) => format!("Number of {unit}"),
        (kind, unit) => {
            let mut label = capitalised_unit(unit);
            if let (ValueKind::Rate, Some(per)) = (kind, format.per)
                && !unit.split_whitespace().any(|word| word == "per")
            {
                label = format!("{label} per {}", format_number(f64::from(per), 0));
            }
            label
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::victims_for_tests as victims;

    fn close(actual: Option<f64>, expected: f64) -> bool {
        actual.is_some_and(|a| (a - expected).abs() < 0.05)
    }

    #[test]
    fn absolute_values_are_the_text_values() {
        let points = transformed_points(&victims(), ValueMode::Absolute);
        assert_eq!(
            points,
            vec![
                (2020, Some(49_000.0), PointStatus::Approximate),
                (2021, Some(42_000.0), PointStatus::Stated),
                (2022, None, PointStatus::NotStated),
                (2023, Some(41_000.0), PointStatus::Approximate),
            ]
        );
    }

    #[test]
    fn index_sets_the_first_known_year_to_100() {
        let points = transformed_points(&victims(), ValueMode::IndexFirstYear);
        let years: Vec<i32> = points.iter().map(|p| p.0).collect();
        assert_eq!(years, [2020, 2021, 2022, 2023]);
        assert!(close(points[0].1, 100.0), "{points:?}");
        assert!(close(points[1].1, 85.7), "{points:?}");
        assert_eq!(points[2].1, None, "a not-stated year gets no index");
        assert!(close(points[3].1, 83.7), "{points:?}");
        assert_eq!(points[0].2, PointStatus::Approximate);
        assert_eq!(points[2].2, PointStatus::NotStated);
    }

    #[test]
    fn percent_change_is_from_the_first_known_year() {
        let points = transformed_points(&victims(), ValueMode::PercentChange);
        assert!(close(points[0].1, 0.0), "{points:?}");
        assert!(close(points[1].1, -14.3), "{points:?}");
        assert_eq!(points[2].1, None);
        assert!(close(points[3].1, -16.3), "{points:?}");
    }

    #[test]
    fn the_base_skips_leading_not_stated_years() {
        let mut series = victims();
        series.points.rotate_left(2); // 2022 (not stated) first, then 2023, 2020, 2021
        let points = transformed_points(&series, ValueMode::IndexFirstYear);
        assert_eq!(points[0].1, None);
        assert!(close(points[1].1, 100.0), "{points:?}");
        assert!(
            close(points[2].1, 49_000.0 / 41_000.0 * 100.0),
            "{points:?}"
        );
    }

    #[test]
    fn a_not_stated_point_never_gets_a_value() {
        let mut series = victims();
        // A stray value on a not-stated point is ignored, not drawn.
        series.points[2].value = Some(1.0);
        for mode in ValueMode::ALL {
            assert_eq!(transformed_points(&series, mode)[2].1, None, "{mode:?}");
        }
    }

    #[test]
    fn a_zero_base_makes_relative_modes_undefined() {
        let mut series = victims();
        series.points[0].value = Some(0.0);
        for mode in [ValueMode::IndexFirstYear, ValueMode::PercentChange] {
            assert!(
                transformed_points(&series, mode)
                    .iter()
                    .all(|p| p.1.is_none()),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn change_from_previous_needs_both_years_stated() {
        let changes = change_from_previous(&victims());
        assert_eq!(changes.len(), 4);
        assert_eq!(changes[0], None, "the first year has no previous year");
        assert!(close(changes[1], -14.3), "{changes:?}");
        assert_eq!(changes[2], None, "2022 is not stated");
        assert_eq!(
            changes[3], None,
            "2023's previous year, 2022, is not stated"
        );
    }

    #[test]
    fn point_values_carry_their_status() {
        use PointStatus::{Approximate, NotStated, Stated};
        assert_eq!(
            format_point_value(Some(49_000.0), Approximate, ValueMode::Absolute),
            "≈ 49,000"
        );
        assert_eq!(
            format_point_value(Some(42_000.0), Stated, ValueMode::Absolute),
            "42,000"
        );
        assert_eq!(
            format_point_value(Some(2.5), Stated, ValueMode::Absolute),
            "2.5"
        );
        assert_eq!(
            format_point_value(Some(85.714), Stated, ValueMode::IndexFirstYear),
            "85.7"
        );
        assert_eq!(
            format_point_value(Some(-14.29), Stated, ValueMode::PercentChange),
            "-14.3%"
        );
        assert_eq!(
            format_point_value(Some(3.0), Approximate, ValueMode::PercentChange),
            "≈ +3.0%"
        );
        assert_eq!(
            format_point_value(None, NotStated, ValueMode::Absolute),
            "not stated in the text"
        );
    }

    fn formatted(kind: ValueKind, unit: &str, decimals: Option<u8>) -> Series {
        Series {
            unit: unit.to_owned(),
            value_format: crate::corpus::model::ValueFormat {
                kind,
                per: Some(1000),
                currency: "US$".to_owned(),
                decimals,
            },
            ..victims()
        }
    }

    #[test]
    fn point_labels_follow_the_value_format() {
        use PointStatus::{Approximate, Stated};
        let rate = formatted(ValueKind::Rate, "deaths per 1,000 live births", Some(1));
        assert_eq!(
            point_label(&rate, Some(28.0), Stated, ValueMode::Absolute),
            "28.0"
        );
        let percent = formatted(ValueKind::Percent, "%", None);
        assert_eq!(
            point_label(&percent, Some(39.5), Approximate, ValueMode::Absolute),
            "≈ 39.5%"
        );
        let money = formatted(ValueKind::Currency, "", Some(0));
        assert_eq!(
            point_label(&money, Some(1200.4), Stated, ValueMode::Absolute),
            "US$ 1,200"
        );
        // The relative modes write their own numbers, whatever the series' kind.
        assert_eq!(
            point_label(&percent, Some(-14.29), Stated, ValueMode::PercentChange),
            "-14.3%"
        );
        assert_eq!(
            point_label(&money, Some(85.714), Stated, ValueMode::IndexFirstYear),
            "85.7"
        );
    }

    #[test]
    fn a_rate_or_a_percentage_is_never_a_number_of() {
        let rate = formatted(
            ValueKind::Rate,
            "neonatal deaths per 1,000 live births",
            None,
        );
        assert_eq!(
            absolute_axis_label(&rate),
            "Neonatal deaths per 1,000 live births"
        );
        assert_eq!(
            absolute_axis_label(&formatted(ValueKind::Rate, "deaths", None)),
            "Deaths per 1,000"
        );
        assert_eq!(
            absolute_axis_label(&formatted(ValueKind::Percent, "%", None)),
            "Percent"
        );
        // A unit's symbol keeps its case: only a word is capitalised.
        for (unit, label) in [
            ("mg/dL", "mg/dL"),
            ("kg", "kg"),
            ("ppm", "ppm"),
            ("mmHg", "mmHg"),
            ("µmol/l", "µmol/l"),
            ("years of schooling", "Years of schooling"),
        ] {
            let series = formatted(ValueKind::Measure, unit, None);
            assert_eq!(absolute_axis_label(&series), label, "{unit}");
        }
        assert_eq!(
            absolute_axis_label(&formatted(ValueKind::Percent, "% of patients", None)),
            "% of patients"
        );
        assert_eq!(
            absolute_axis_label(&formatted(ValueKind::Currency, "", None)),
            "Amount (US$)"
        );
        assert_eq!(
            axis_label(&rate, ValueMode::IndexFirstYear, AxisScale::Linear),
            "Index, 2020 = 100 (≈ 49,000 neonatal deaths per 1,000 live births)"
        );
    }

    #[test]
    fn axis_labels_name_the_unit_and_the_base() {
        let series = victims();
        assert_eq!(
            axis_label(&series, ValueMode::Absolute, AxisScale::Linear),
            "Number of victims"
        );
        assert_eq!(
            axis_label(&series, ValueMode::IndexFirstYear, AxisScale::Linear),
            "Index, 2020 = 100 (≈ 49,000 victims)"
        );
        assert_eq!(
            axis_label(&series, ValueMode::PercentChange, AxisScale::Linear),
            "% change from 2020 (≈ 49,000 victims)"
        );
        assert_eq!(
            axis_label(&series, ValueMode::Absolute, AxisScale::Log),
            "Number of victims, log scale"
        );
    }
}

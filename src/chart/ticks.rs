//! Where a chart's axes start, end and put their ticks: nice steps, linear and log value axes,
//! whole years.

/// A value axis: its range and tick positions (both in plot space) and how many decimals its
/// labels need.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ValueTicks {
    /// `(bottom, top)` in plot space.
    pub range: (f64, f64),
    /// Tick positions in plot space, bottom to top.
    pub positions: Vec<f64>,
    /// Decimals the tick labels need.
    pub decimals: usize,
}

/// A small non-negative count from a float already clamped to `0.0..=10.0`.
fn decimals_from(value: f64) -> usize {
    // Clamped to 0..=10 and rounded up first, so the cast neither truncates nor loses a sign.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = value.ceil().clamp(0.0, 10.0) as usize;
    count
}

/// A "nice" step (1, 2, 2.5 or 5 × 10ⁿ) near `raw`.
pub(crate) fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10_f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks every `step` from `lo` to `hi`, and how many decimals their labels need.
fn ticks(lo: f64, hi: f64, step: f64) -> (Vec<f64>, usize) {
    let mut out = Vec::new();
    let mut k = (lo / step).ceil();
    while k * step <= hi + step * 1e-9 && out.len() < 60 {
        out.push(k * step);
        k += 1.0;
    }
    let decimals = if step >= 1.0 {
        0
    } else {
        decimals_from(-step.log10()) + usize::from((nice_step(step) - step).abs() > f64::EPSILON)
    };
    (out, decimals)
}

/// A linear axis over `min..=max` that includes zero and leaves room for labels above.
pub(crate) fn linear_axis(min: f64, max: f64) -> ValueTicks {
    let lo = min.min(0.0);
    let mut hi = max.max(0.0);
    if (hi - lo).abs() < f64::EPSILON {
        hi = lo + 1.0;
    }
    let span = hi - lo;
    let top = hi + span * 0.18;
    let bottom = if lo < 0.0 { lo - span * 0.12 } else { lo };
    let step = nice_step((top - bottom) / 6.0);
    let (positions, decimals) = ticks(bottom, top, step);
    ValueTicks {
        range: (bottom, top),
        positions,
        decimals,
    }
}

/// The most ticks a log axis carries: about four decades at 1, 2 and 5 × 10ⁿ.
const MAX_LOG_TICKS: usize = 13;
/// The most ticks a narrow log axis carries at a linear step.
const MAX_NARROW_LOG_TICKS: usize = 7;

/// A log10 axis over `min..=max` (both above zero), in plot space (log10 of the values).
///
/// Its ticks are round values: over a wide range (a factor of ten or more) 1, 2 and 5 × 10ⁿ,
/// or only the powers of ten (every second, fifth … one over very many decades) when those
/// would be too many; over a narrow one, a nice linear step (35,000, 40,000, 45,000), never so
/// fine that the labels at the top, where a log axis packs them closer, would touch.
pub(crate) fn log_axis(min: f64, max: f64) -> ValueTicks {
    let bottom = min / 1.3;
    let top = max * 1.3;
    let (list, decimals) = if top / bottom >= 10.0 {
        let list = decade_ticks(bottom, top);
        let smallest = list.first().copied().unwrap_or(1.0);
        let decimals = if smallest >= 1.0 {
            0
        } else {
            decimals_from(-smallest.log10() - 1e-9)
        };
        (list, decimals)
    } else {
        narrow_log_ticks(bottom, top)
    };
    ValueTicks {
        range: (bottom.log10(), top.log10()),
        positions: list.into_iter().map(f64::log10).collect(),
        decimals,
    }
}

/// Round values from `bottom` to `top` (a factor of ten or more apart): 1, 2 and 5 × 10ⁿ, or
/// powers of ten when those are more than [`MAX_LOG_TICKS`], thinned to every k-th power.
fn decade_ticks(bottom: f64, top: f64) -> Vec<f64> {
    // Exponents of finite positive f64 values lie within ±400, so the casts cannot wrap.
    #[allow(clippy::cast_possible_truncation)]
    let (lowest, highest) = (
        bottom.log10().floor().clamp(-400.0, 400.0) as i32,
        top.log10().ceil().clamp(-400.0, 400.0) as i32,
    );
    let within = |mantissas: &[f64], every: i32| -> Vec<f64> {
        (lowest..=highest)
            .filter(|exponent| exponent.rem_euclid(every) == 0)
            .flat_map(|exponent| mantissas.iter().map(move |m| m * 10_f64.powi(exponent)))
            .filter(|tick| (bottom..=top).contains(tick))
            .collect()
    };
    let fine = within(&[1.0, 2.0, 5.0], 1);
    if fine.len() <= MAX_LOG_TICKS {
        return fine;
    }
    [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .map(|every| within(&[1.0], every))
        .find(|ticks| ticks.len() <= MAX_LOG_TICKS)
        .unwrap_or_default()
}

/// Round values from `bottom` to `top` (less than a factor of ten apart) at a nice linear step:
/// the finest that gives at most [`MAX_NARROW_LOG_TICKS`] ticks, none closer on the axis than
/// a twelfth of it to its neighbour; and the decimals their labels need.
fn narrow_log_ticks(bottom: f64, top: f64) -> (Vec<f64>, usize) {
    let closest_allowed = (top / bottom).log10() / 12.0;
    let mut step = nice_step((top - bottom) / 7.0);
    for _ in 0..8 {
        let (list, decimals) = ticks(bottom, top, step);
        let crowded = list
            .windows(2)
            .any(|pair| matches!(pair, [a, b] if (b / a).log10() < closest_allowed));
        if list.len() <= MAX_NARROW_LOG_TICKS && !crowded || list.len() <= 2 {
            return (list, decimals);
        }
        step = nice_step(step * 1.01);
    }
    ticks(bottom, top, step)
}

/// The year steps a year axis may take, smallest first: 1, 2, 5, then 10, 20, 25, 50 and
/// each of those times 10, 100, … (25 only from 10 years up: a tick is a whole year).
fn year_steps() -> impl Iterator<Item = i64> {
    let small = [1, 2, 5].into_iter();
    let large = (1..=17_u32).flat_map(|power| {
        let magnitude = 10_i64.pow(power);
        [10, 20, 25, 50]
            .into_iter()
            .map(move |m| m * magnitude / 10)
    });
    small.chain(large)
}

/// How many multiples of `step` lie in `first..=last`.
fn multiples_between(first: i64, last: i64, step: i64) -> i64 {
    last.div_euclid(step) - (first - 1).div_euclid(step)
}

/// Whole years from `first` to `last` at a readable step (1, 2, 5, 10, 20, 25, 50, 100, …
/// years, each tick a multiple of the step), the smallest step that gives at most
/// `max_labels` labels; never none when the span holds a year.
pub(crate) fn year_ticks(first: i32, last: i32, max_labels: usize) -> Vec<i32> {
    let (first, last) = (i64::from(first.min(last)), i64::from(first.max(last)));
    let max_labels = i64::try_from(max_labels).unwrap_or(i64::MAX).max(1);
    let mut chosen = 1;
    for step in year_steps() {
        if multiples_between(first, last, step) == 0 {
            break;
        }
        chosen = step;
        if multiples_between(first, last, step) <= max_labels {
            break;
        }
    }
    let start = first.div_euclid(chosen) * chosen;
    let start = if start < first { start + chosen } else { start };
    (0..)
        .map(|k| start + k * chosen)
        .take_while(|year| *year <= last)
        .take(200)
        .filter_map(|year| i32::try_from(year).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert!((nice_step(9_000.0) - 10_000.0).abs() < 1e-6);
        assert!((nice_step(1_900.0) - 2_000.0).abs() < 1e-6);
        assert!((nice_step(0.3) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn linear_axis_includes_zero_and_headroom() {
        let axis = linear_axis(41_000.0, 49_000.0);
        let (lo, hi) = axis.range;
        assert!(lo <= 0.0 && hi > 49_000.0 * 1.1);
        assert!(
            axis.positions.contains(&0.0) && axis.positions.contains(&40_000.0),
            "{axis:?}"
        );
        assert_eq!(axis.decimals, 0);
        let (lo, hi) = linear_axis(-16.3, 0.0).range;
        assert!(lo < -16.3 && hi > 0.0);
    }

    /// The values (not their logarithms) at a log axis's ticks, rounded to a millionth.
    fn log_values(axis: &ValueTicks) -> Vec<f64> {
        axis.positions
            .iter()
            .map(|position| (10_f64.powf(*position) * 1e6).round() / 1e6)
            .collect()
    }

    #[test]
    fn log_ticks_are_round_over_narrow_and_wide_ranges() {
        // Narrow (under a factor of ten): a nice linear step.
        let narrow = log_axis(41_000.0, 49_000.0);
        assert_eq!(
            log_values(&narrow),
            [35_000.0, 40_000.0, 45_000.0, 50_000.0, 55_000.0, 60_000.0]
        );
        assert_eq!(narrow.decimals, 0);
        // Wide: 1, 2 and 5 × 10ⁿ.
        let wide = log_axis(3.0, 50_000.0);
        assert_eq!(
            log_values(&wide),
            [
                5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1_000.0, 2_000.0, 5_000.0, 10_000.0,
                20_000.0, 50_000.0
            ]
        );
        let fractions = log_axis(0.2, 900.0);
        assert_eq!(
            log_values(&fractions),
            [
                0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1_000.0
            ]
        );
        assert_eq!(fractions.decimals, 1);
        // Very many decades: powers of ten only, never too many.
        let huge = log_axis(0.001, 1e9);
        let values = log_values(&huge);
        assert!(
            values.len() <= MAX_LOG_TICKS && values.len() >= 5,
            "{values:?}"
        );
        assert!(
            values
                .iter()
                .all(|v| (v.log10() - v.log10().round()).abs() < 1e-9),
            "{values:?}"
        );
        for axis in [narrow, wide, fractions, huge] {
            let (lo, hi) = axis.range;
            assert!(
                axis.positions.iter().all(|t| (lo..=hi).contains(t)),
                "{axis:?}"
            );
        }
    }

    #[test]
    fn narrow_log_ticks_never_crowd_the_top_of_the_axis() {
        // 10–59: a step of 10 would put 60 and 70 a fifteenth of the axis apart.
        let axis = log_axis(10.0, 59.0);
        let values = log_values(&axis);
        assert!(values.len() >= 2, "{values:?}");
        let (lo, hi) = axis.range;
        for pair in axis.positions.windows(2) {
            if let [a, b] = pair {
                assert!(b - a >= (hi - lo) / 12.0, "{values:?}");
            }
        }
        assert!(values.iter().all(|v| v.fract() == 0.0), "{values:?}");
    }

    #[test]
    fn years_are_whole_and_thinned() {
        assert_eq!(year_ticks(2020, 2023, 10), vec![2020, 2021, 2022, 2023]);
        let many = year_ticks(1900, 2020, 10);
        assert!(many.len() <= 10, "{many:?}");
        assert_eq!(many.first(), Some(&1900));
        let huge = year_ticks(i32::MIN, i32::MAX, 10);
        assert!(!huge.is_empty() && huge.len() <= 10, "{huge:?}");
    }

    /// The step between the ticks (0 for fewer than two).
    fn step(ticks: &[i32]) -> i32 {
        match ticks {
            [a, b, ..] => b - a,
            _ => 0,
        }
    }

    #[test]
    fn every_span_gets_year_labels_at_a_readable_step() {
        // Two years: both labelled, even with room for one only one.
        assert_eq!(year_ticks(2008, 2009, 17), vec![2008, 2009]);
        assert_eq!(year_ticks(2008, 2009, 1).len(), 1);
        // Five years.
        assert_eq!(
            year_ticks(2015, 2019, 17),
            vec![2015, 2016, 2017, 2018, 2019]
        );
        assert_eq!(year_ticks(2015, 2019, 3), vec![2016, 2018]);
        // Twenty years, 1990–2009: every year, every 2nd, every 5th, as room shrinks.
        assert_eq!(year_ticks(1990, 2009, 20).len(), 20);
        assert_eq!(step(&year_ticks(1990, 2009, 17)), 2);
        assert_eq!(year_ticks(1990, 2009, 5), vec![1990, 1995, 2000, 2005]);
        assert_eq!(year_ticks(1990, 2009, 2), vec![1990, 2000]);
        // Sixty years.
        assert_eq!(step(&year_ticks(1950, 2009, 17)), 5);
        assert_eq!(
            year_ticks(1950, 2009, 6),
            vec![1950, 1960, 1970, 1980, 1990, 2000]
        );
        // A hundred and fifty years: 10, 20, 25 or 50 years apart.
        assert_eq!(step(&year_ticks(1860, 2009, 17)), 10);
        assert_eq!(step(&year_ticks(1860, 2009, 8)), 20);
        assert_eq!(step(&year_ticks(1860, 2009, 6)), 25);
        assert_eq!(
            year_ticks(1860, 2009, 6),
            vec![1875, 1900, 1925, 1950, 1975, 2000]
        );
        assert_eq!(step(&year_ticks(1860, 2009, 3)), 50);
        // Never more than asked, never none.
        for (first, last) in [(2008, 2009), (1990, 2009), (1950, 2009), (1860, 2009)] {
            for max in 1..=20 {
                let ticks = year_ticks(first, last, max);
                assert!(
                    !ticks.is_empty() && ticks.len() <= max,
                    "{first}–{last}, {max}: {ticks:?}"
                );
            }
        }
    }
}

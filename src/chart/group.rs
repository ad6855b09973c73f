//! Charts of several series on one axis: series with the same non-empty `chart` name are one
//! chart, with a legend; any other series is a chart of its own.

use super::error::ChartError;
use super::options::{AxisScale, ChartOptions, ValueMode};
use super::plan::{Axis, LegendEntry, LegendMark, NumberFormat, Plan, Tick};
use super::ticks::{linear_axis, log_axis, year_ticks};
use crate::corpus::model::Series;

/// One chart: a series alone, or the series that share a `chart` name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChartGroup {
    /// The shared `chart` name; empty for a series alone.
    pub name: String,
    /// The chart's title: the `chart` name of a group, the series' title for a series alone.
    pub title: String,
    /// The positions of its series in the corpus's `series`, in corpus order.
    pub members: Vec<usize>,
}

/// The charts `series` make, in the order their first series comes.
#[must_use]
pub fn chart_groups(series: &[Series]) -> Vec<ChartGroup> {
    let mut groups: Vec<ChartGroup> = Vec::new();
    for (position, one) in series.iter().enumerate() {
        let name = one.chart.trim();
        if !name.is_empty()
            && let Some(group) = groups.iter_mut().find(|g| g.name == name)
        {
            group.members.push(position);
            continue;
        }
        groups.push(ChartGroup {
            name: name.to_owned(),
            title: if name.is_empty() {
                one.title.trim().to_owned()
            } else {
                name.to_owned()
            },
            members: vec![position],
        });
    }
    groups
}

/// The plans of a chart's series on shared axes: each member's plan with the x and y axes of
/// the whole chart, so that they can be drawn over one another.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupPlan {
    /// The chart's title.
    pub title: String,
    /// Each member that can be drawn: its position in the corpus's `series` and its plan.
    pub members: Vec<(usize, Plan)>,
    /// The members that cannot be drawn in this mode or scale, and why.
    pub left_out: Vec<(usize, ChartError)>,
}

impl GroupPlan {
    /// The plans of `group`'s members of `series` drawn with `options` (index and change
    /// modes apply to each series from its own first year), on shared axes.
    ///
    /// # Errors
    /// The first member's error when no member can be drawn.
    pub fn new(
        group: &ChartGroup,
        series: &[Series],
        options: &ChartOptions,
    ) -> Result<Self, ChartError> {
        let mut members = Vec::new();
        let mut left_out = Vec::new();
        for &position in &group.members {
            let Some(one) = series.get(position) else {
                continue;
            };
            match Plan::new(one, options) {
                Ok(plan) => members.push((position, plan)),
                Err(error) => left_out.push((position, error)),
            }
        }
        if members.is_empty() {
            return Err(left_out.into_iter().next().map_or(
                ChartError::NoPoints {
                    series: group.name.clone(),
                },
                |(_, error)| error,
            ));
        }
        if members.len() > 1 {
            share_axes(&mut members, series, *options);
        }
        Ok(Self {
            title: group.title.clone(),
            members,
            left_out,
        })
    }

    /// The first member's plan: the axes, ranges and number format all members share.
    #[must_use]
    pub fn first(&self) -> Option<&Plan> {
        self.members.first().map(|(_, plan)| plan)
    }

    /// What the chart around the members' marks says: the first member's plan with the
    /// chart's title, a legend entry naming each series (in its colour's place) before the
    /// entries of every mark any member has, and every member's source and note, each said
    /// once.
    #[must_use]
    pub fn frame(&self) -> Option<Plan> {
        let mut frame = self.first()?.clone();
        if self.members.len() == 1 {
            return Some(frame);
        }
        frame.title.clone_from(&self.title);
        let mut legend: Vec<LegendEntry> = self
            .members
            .iter()
            .enumerate()
            .map(|(index, (_, plan))| LegendEntry {
                mark: LegendMark::Series(index),
                text: plan.title.clone(),
            })
            .collect();
        // Every mark any member has, each explained once, in the order a legend gives them.
        let mut marks: Vec<LegendEntry> = Vec::new();
        for (_, plan) in &self.members {
            for entry in &plan.legend {
                if !marks.contains(entry) {
                    marks.push(entry.clone());
                }
            }
        }
        marks.sort_by_key(|entry| mark_order(entry.mark));
        legend.append(&mut marks);
        frame.legend = legend;
        let mut sources: Vec<&str> = Vec::new();
        let mut notes: Vec<&str> = Vec::new();
        for (_, plan) in &self.members {
            let source = plan.source_line.trim_start_matches("Source:").trim();
            if !source.is_empty() && !sources.contains(&source) {
                sources.push(source);
            }
            if !notes.contains(&plan.note.as_str()) {
                notes.push(plan.note.as_str());
            }
        }
        frame.source_line = format!("Source: {}", sources.join("; "));
        frame.note = notes.join(" ");
        Some(frame)
    }
}

/// Where a legend entry of `mark` stands among the marks' entries.
fn mark_order(mark: LegendMark) -> usize {
    match mark {
        LegendMark::Series(index) => index,
        LegendMark::Filled => usize::MAX - 3,
        LegendMark::Hollow => usize::MAX - 2,
        LegendMark::Dashed => usize::MAX - 1,
        LegendMark::Shaded => usize::MAX,
    }
}

/// Gives every member the x and y axes (and bar base) of all of them together.
fn share_axes(members: &mut [(usize, Plan)], series: &[Series], options: ChartOptions) {
    let log = options.scale == AxisScale::Log;
    let values = members
        .iter()
        .flat_map(|(_, plan)| plan.points.iter().filter_map(|p| p.value));
    let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let value_ticks = if log {
        log_axis(min, max)
    } else {
        linear_axis(min, max)
    };
    let first_series = members
        .first()
        .and_then(|(position, _)| series.get(*position))
        .cloned()
        .unwrap_or_default();
    let number_format =
        NumberFormat::for_series(&first_series, options.value_mode, value_ticks.decimals, log);
    let labels: Vec<&str> = members
        .iter()
        .map(|(_, plan)| plan.y_axis.label.as_str())
        .collect();
    let y_label = if labels.windows(2).all(|pair| pair.first() == pair.last()) {
        labels.first().copied().unwrap_or_default().to_owned()
    } else {
        let mut label = match options.value_mode {
            ValueMode::Absolute => "Value",
            ValueMode::IndexFirstYear => "Index, each series' first known year = 100",
            ValueMode::PercentChange => "% change from each series' first known year",
        }
        .to_owned();
        if log {
            label.push_str(", log scale");
        }
        label
    };
    let y_axis = Axis {
        label: y_label,
        range: value_ticks.range,
        ticks: value_ticks
            .positions
            .iter()
            .map(|&position| Tick {
                position,
                label: number_format.tick_label(position),
            })
            .collect(),
    };
    let years = members
        .iter()
        .flat_map(|(_, plan)| plan.points.iter().map(|p| p.year));
    let (first_year, last_year) =
        years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    let x_label = members
        .first()
        .map(|(_, plan)| plan.x_axis.label.clone())
        .unwrap_or_default();
    let x_axis = Axis {
        label: x_label,
        range: (f64::from(first_year) - 0.5, f64::from(last_year) + 0.5),
        ticks: year_ticks(first_year, last_year, super::plan::MAX_YEAR_TICKS)
            .into_iter()
            .map(|year| Tick {
                position: f64::from(year),
                label: year.to_string(),
            })
            .collect(),
    };
    let (y_lo, y_hi) = y_axis.range;
    let bar_base = if log { y_lo } else { 0.0_f64.clamp(y_lo, y_hi) };
    for (_, plan) in members {
        plan.x_axis = x_axis.clone();
        plan.y_axis = y_axis.clone();
        plan.number_format = number_format.clone();
        plan.bar_base = bar_base;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::{PointStatus, SeriesPoint};

    fn series(id: &str, chart: &str, first: i32, values: &[f64]) -> Series {
        Series {
            id: id.to_owned(),
            title: format!("Series {id}"),
            unit: "widgets".to_owned(),
            chart: chart.to_owned(),
            points: (first..)
                .zip(values)
                .map(|(year, &value)| SeriesPoint {
                    year,
                    value: Some(value),
                    status: PointStatus::Stated,
                    ..SeriesPoint::default()
                })
                .collect(),
            ..Series::default()
        }
    }

    #[test]
    fn series_with_one_chart_name_are_one_chart() {
        let all = [
            series("a", "Widgets", 2000, &[1.0, 2.0]),
            series("b", "", 2000, &[5.0]),
            series("c", "Widgets", 2001, &[3.0, 4.0]),
        ];
        let groups = chart_groups(&all);
        let members: Vec<&[usize]> = groups.iter().map(|g| g.members.as_slice()).collect();
        assert_eq!(members, [&[0, 2][..], &[1][..]]);
        assert_eq!(groups.first().map(|g| g.title.as_str()), Some("Widgets"));
        assert_eq!(groups.last().map(|g| g.title.as_str()), Some("Series b"));
    }

    #[test]
    fn the_legend_explains_every_members_marks() {
        let mut gappy = series("c", "Widgets", 2000, &[3.0, 0.0, 4.0]);
        if let Some(point) = gappy.points.get_mut(1) {
            point.value = None;
            point.status = PointStatus::NotStated;
        }
        let all = [series("a", "Widgets", 2000, &[1.0, 2.0, 3.0]), gappy];
        let group = chart_groups(&all).into_iter().next().unwrap_or_default();
        let plan = GroupPlan::new(&group, &all, &ChartOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let frame = plan.frame().unwrap_or_else(|| panic!("a frame"));
        let marks: Vec<LegendMark> = frame.legend.iter().map(|entry| entry.mark).collect();
        assert_eq!(
            marks,
            [
                LegendMark::Series(0),
                LegendMark::Series(1),
                LegendMark::Filled,
                LegendMark::Dashed
            ]
        );
    }

    #[test]
    fn a_group_shares_its_axes() {
        let all = [
            series("a", "Widgets", 2000, &[1.0, 2.0]),
            series("c", "Widgets", 2001, &[30.0, 40.0]),
        ];
        let group = chart_groups(&all).into_iter().next().unwrap_or_else(|| {
            panic!("a group");
        });
        let plan = GroupPlan::new(&group, &all, &ChartOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan.members.len(), 2);
        let axes: Vec<(&Axis, &Axis)> = plan
            .members
            .iter()
            .map(|(_, p)| (&p.x_axis, &p.y_axis))
            .collect();
        assert!(axes.windows(2).all(|pair| pair.first() == pair.last()));
        let first = plan.first().unwrap_or_else(|| panic!("a plan"));
        assert_eq!(first.x_axis.range, (1999.5, 2002.5));
        assert!(first.y_axis.range.1 > 40.0);
        assert_eq!(first.y_axis.label, "Number of widgets");
        // Index mode: each series from its own first year.
        let index = GroupPlan::new(
            &group,
            &all,
            &ChartOptions {
                value_mode: ValueMode::IndexFirstYear,
                ..ChartOptions::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let firsts: Vec<Option<f64>> = index
            .members
            .iter()
            .map(|(_, p)| p.points.first().and_then(|point| point.value))
            .collect();
        assert_eq!(firsts, [Some(100.0), Some(100.0)]);
        assert_eq!(
            index.first().map(|p| p.y_axis.label.as_str()),
            Some("Index, each series' first known year = 100")
        );
    }
}

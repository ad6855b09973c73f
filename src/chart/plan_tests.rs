//! Tests of the chart plan.

use super::*;
use crate::chart::labels::{LabelRoom, PointLabels};
use crate::chart::victims_for_tests as victims;
use crate::corpus::model::{Annotation, SeriesPoint};

fn plan(options: ChartOptions) -> Plan {
    Plan::new(&victims(), &options).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_victims_plan_says_what_the_text_says() {
    let plan = plan(ChartOptions::default());
    assert_eq!(plan.x_axis.label, "Year");
    assert_eq!(plan.y_axis.label, "Number of victims");
    let years: Vec<&str> = plan.x_axis.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(years, ["2020", "2021", "2022", "2023"]);
    assert!(plan.y_axis.ticks.iter().any(|t| t.label == "40,000"));
    assert_eq!(plan.gaps.len(), 1);
    assert_eq!(plan.gaps.first().map(|g| g.year), Some(2022));
    // No line across 2022, which the text gives no number for: only 2020–2021 is joined.
    assert!(plan.gaps.first().is_some_and(|g| g.bridge_y.is_none()));
    let dashed: Vec<bool> = plan.segments.iter().map(|s| s.dashed).collect();
    assert_eq!(dashed, [false]);
    assert!(plan.has_unstated_years());
    assert_eq!(plan.points.iter().filter(|p| p.label.is_some()).count(), 3);
    assert!(plan.legend.iter().any(|e| e.mark == LegendMark::Shaded));
    assert!(
        plan.source_line
            .starts_with("Source: United Nations Office")
    );
    assert_eq!(plan.annotations.len(), 1);
}

#[test]
fn connecting_across_unstated_years_is_asked_for_and_dashed() {
    let plan = plan(ChartOptions {
        connect_unstated: true,
        ..ChartOptions::default()
    });
    let dashed: Vec<bool> = plan.segments.iter().map(|s| s.dashed).collect();
    assert_eq!(dashed, [false, true]);
    assert!(plan.gaps.first().is_some_and(|g| g.bridge_y.is_some()));
}

#[test]
fn a_series_of_consecutive_known_years_has_nothing_to_connect() {
    let mut series = victims();
    series.points.retain(|point| point.year <= 2021);
    let plan = Plan::new(&series, &ChartOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!plan.has_unstated_years());
    assert_eq!(plan.segments.len(), 1);
}

#[test]
fn the_index_axis_names_its_base_year() {
    let plan = plan(ChartOptions {
        value_mode: ValueMode::IndexFirstYear,
        ..ChartOptions::default()
    });
    assert_eq!(plan.y_axis.label, "Index, 2020 = 100 (≈ 49,000 victims)");
    let percent = self::plan(ChartOptions {
        value_mode: ValueMode::PercentChange,
        ..ChartOptions::default()
    });
    assert!(percent.y_axis.ticks.iter().all(|t| t.label.ends_with('%')));
}

#[test]
fn a_log_axis_labels_values_not_logarithms() {
    let plan = plan(ChartOptions {
        scale: AxisScale::Log,
        ..ChartOptions::default()
    });
    assert!(plan.y_axis.label.ends_with(", log scale"));
    let forty = plan.y_axis.ticks.iter().find(|t| t.label == "40,000");
    assert!(forty.is_some_and(|t| (t.position - 40_000_f64.log10()).abs() < 1e-9));
    assert_eq!(
        plan.y_axis.tick_label_at(40_000_f64.log10()),
        Some("40,000")
    );
    assert!((plan.bar_base - plan.y_axis.range.0).abs() < f64::EPSILON);
}

/// A series of `first..=last`, every year stated.
fn yearly(first: i32, last: i32) -> Series {
    Series {
        points: (first..=last)
            .map(|year| SeriesPoint {
                year,
                value: Some(f64::from(year - first) + 10.0),
                status: PointStatus::Stated,
                ..SeriesPoint::default()
            })
            .collect(),
        ..Series::default()
    }
}

fn years_of(axis: &Axis) -> Vec<i32> {
    axis.ticks
        .iter()
        .map(|t| t.label.parse().unwrap_or_else(|e| panic!("{e}: {t:?}")))
        .collect()
}

#[test]
fn every_span_has_year_labels_at_a_readable_step() {
    // (first, last, the plan's years at full width, at room for 4 labels)
    let cases: [(i32, i32, &[i32], &[i32]); 5] = [
        (2008, 2009, &[2008, 2009], &[2008, 2009]),
        (2015, 2019, &[2015, 2016, 2017, 2018, 2019], &[2016, 2018]),
        (
            1990,
            2009,
            &[1990, 1992, 1994, 1996, 1998, 2000, 2002, 2004, 2006, 2008],
            &[1990, 1995, 2000, 2005],
        ),
        (
            1950,
            2009,
            &[
                1950, 1955, 1960, 1965, 1970, 1975, 1980, 1985, 1990, 1995, 2000, 2005,
            ],
            &[1960, 1980, 2000],
        ),
        (
            1860,
            2009,
            &[
                1860, 1870, 1880, 1890, 1900, 1910, 1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990,
                2000,
            ],
            &[1900, 1950, 2000],
        ),
    ];
    for (first, last, full, narrow) in cases {
        let plan = Plan::new(&yearly(first, last), &ChartOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(years_of(&plan.x_axis), full, "{first}–{last}");
        let thinned = plan.year_axis_at_most(4);
        assert_eq!(years_of(&thinned), narrow, "{first}–{last} at 4 labels");
        assert_eq!(thinned.range, plan.x_axis.range);
        for max in 1..=MAX_YEAR_TICKS {
            let axis = plan.year_axis_at_most(max);
            assert!(
                !axis.ticks.is_empty() && axis.ticks.len() <= max,
                "{first}–{last} at {max}: {:?}",
                axis.ticks
            );
        }
        assert_eq!(plan.year_axis_at_most(100).ticks, plan.x_axis.ticks);
    }
}

#[test]
fn value_ticks_and_labels_follow_the_value_format() {
    use crate::corpus::model::ValueFormat;
    let mut series = yearly(2000, 2004);
    series.value_format = ValueFormat {
        kind: ValueKind::Percent,
        decimals: Some(1),
        ..ValueFormat::default()
    };
    let plan = Plan::new(&series, &ChartOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        plan.y_axis.ticks.iter().all(|t| t.label.ends_with('%')),
        "{:?}",
        plan.y_axis.ticks
    );
    assert_eq!(
        plan.points.first().and_then(|p| p.label.as_deref()),
        Some("10.0%")
    );
    assert_eq!(plan.y_axis.label, "Percent");
    let index = Plan::new(
        &series,
        &ChartOptions {
            value_mode: ValueMode::IndexFirstYear,
            ..ChartOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(index.y_axis.ticks.iter().all(|t| !t.label.ends_with('%')));
    series.value_format = ValueFormat {
        kind: ValueKind::Currency,
        currency: "US$".to_owned(),
        ..ValueFormat::default()
    };
    let plan = Plan::new(&series, &ChartOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        plan.y_axis
            .ticks
            .iter()
            .all(|t| t.label.starts_with("US$ "))
    );
    assert_eq!(
        plan.points.first().and_then(|p| p.label.as_deref()),
        Some("US$ 10")
    );
}

#[test]
fn the_note_says_when_the_figure_image_is_missing() {
    let mut series = yearly(2000, 2001);
    series.figure = Some("fig1".to_owned());
    let figure = |label: &str, image: Option<&str>| Figure {
        id: "fig1".to_owned(),
        label: label.to_owned(),
        image: image.map(str::to_owned),
        ..Figure::default()
    };
    let plan = Plan::new(&series, &ChartOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.note, "Values as the paper's text states them.");
    let missing = plan
        .clone()
        .with_figures(&series, &[figure("Figure 2", None)]);
    assert_eq!(
        missing.note,
        "Values as the paper's text states them. Figure 2's image is not in the text."
    );
    let unlabelled = plan.clone().with_figures(&series, &[figure("", None)]);
    assert!(
        unlabelled
            .note
            .ends_with(" The figure's image is not in the text.")
    );
    let present = plan.with_figures(&series, &[figure("Figure 2", Some("fig2.png"))]);
    assert_eq!(present.note, "Values as the paper's text states them.");
}

#[test]
fn labels_split_in_two_near_the_middle() {
    assert_eq!(
        two_lines("not stated in the text"),
        ("not stated", "in the text")
    );
    assert_eq!(two_lines("word"), ("word", ""));
}

#[test]
fn log_tick_labels_are_round_values_with_the_decimals_they_need() {
    let mut series = yearly(2000, 2001);
    for (point, value) in series.points.iter_mut().zip([0.2, 900.0]) {
        point.value = Some(value);
    }
    let log = ChartOptions {
        scale: AxisScale::Log,
        ..ChartOptions::default()
    };
    let plan = Plan::new(&series, &log).unwrap_or_else(|e| panic!("{e}"));
    let labels: Vec<&str> = plan.y_axis.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "0.2", "0.5", "1", "2", "5", "10", "20", "50", "100", "200", "500", "1,000"
        ]
    );
    let victims = self::plan(log);
    let labels: Vec<&str> = victims
        .y_axis
        .ticks
        .iter()
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["35,000", "40,000", "45,000", "50,000", "55,000", "60,000"]
    );
}

/// The sizes a renderer might draw `plan` at: a plot area of `plot_size` pixels showing the
/// plan's ranges, with text of `font_px` and markers of `radius`.
fn room(plan: &Plan, plot_size: (f64, f64), font_px: f64, labels: PointLabels) -> LabelRoom {
    LabelRoom {
        plot_size,
        x_range: plan.x_axis.range,
        y_range: plan.y_axis.range,
        annotation_px: font_px,
        point_px: font_px,
        gap_px: font_px * 0.85,
        marker_radius: font_px * 0.45,
        point_labels: labels,
        rule_year: Some(2021),
    }
}

/// Every annotation label of `plan` at `room`: inside the plot, and over no marker, no label
/// at a marker, no gap label, no rule across the plot and no other annotation label.
fn assert_annotation_labels_clear(plan: &Plan, room: &LabelRoom) {
    let layout = plan.label_layout(&[plan], room);
    assert_eq!(layout.annotations.len(), plan.annotations.len(), "{room:?}");
    let (width, height) = room.plot_size;
    for (index, label) in layout.annotations.iter().enumerate() {
        let area = label.area;
        let context = format!("{:?} at {room:?}: {area:?}", label.text);
        assert!(
            area.left >= 0.0 && area.top >= 0.0 && area.right <= width && area.bottom <= height,
            "outside the plot: {context}"
        );
        let others = layout
            .markers
            .iter()
            .chain(layout.points.iter().map(|point| &point.area))
            .chain(layout.gaps.iter().map(|gap| &gap.area))
            .chain(&layout.rules)
            .chain(
                layout
                    .annotations
                    .iter()
                    .take(index)
                    .map(|other| &other.area),
            );
        for other in others {
            assert!(!area.overlaps(other), "over {other:?}: {context}");
        }
        // The renderers draw it centred on its plot-space centre: that is its box's middle.
        let x = (label.centre[0] - room.x_range.0) / (room.x_range.1 - room.x_range.0) * width;
        assert!(
            (x - f64::midpoint(area.left, area.right)).abs() < 1e-6,
            "{context}"
        );
    }
}

/// Every gap label of `plan` at `room`: over no marker, no label at a marker, no other gap
/// label and no segment of the line.
fn assert_gap_labels_clear(plan: &Plan, room: &LabelRoom) {
    let layout = plan.label_layout(&[plan], room);
    assert_eq!(layout.gaps.len(), plan.gaps.len());
    let px = |[x, y]: [f64; 2]| {
        (
            (x - room.x_range.0) / (room.x_range.1 - room.x_range.0) * room.plot_size.0,
            (room.y_range.1 - y) / (room.y_range.1 - room.y_range.0) * room.plot_size.1,
        )
    };
    for (index, label) in layout.gaps.iter().enumerate() {
        let others = layout
            .markers
            .iter()
            .chain(layout.points.iter().map(|point| &point.area))
            .chain(layout.gaps.iter().take(index).map(|other| &other.area));
        for other in others {
            assert!(!label.area.overlaps(other), "{label:?} over {other:?}");
        }
        for segment in &plan.segments {
            assert!(
                !crate::chart::labels::segment_crosses(
                    px(segment.from),
                    px(segment.to),
                    &label.area
                ),
                "{label:?} crossed by {segment:?}"
            );
        }
    }
}

#[test]
fn annotation_labels_of_the_builtin_series_cover_no_marker() {
    let corpus = crate::corpus::Corpus::builtin();
    assert!(corpus.file.series.iter().any(|s| !s.annotations.is_empty()));
    for series in &corpus.file.series {
        for scale in [AxisScale::Linear, AxisScale::Log] {
            let options = ChartOptions {
                scale,
                ..ChartOptions::default()
            };
            let plan = Plan::new(series, &options).unwrap_or_else(|e| panic!("{e}"));
            for (size, font) in [
                ((1100.0, 520.0), 15.0),
                ((560.0, 300.0), 14.0),
                ((1700.0, 700.0), 34.0),
            ] {
                for labels in [
                    PointLabels::Values,
                    PointLabels::ApproximateMarks,
                    PointLabels::Year(2020),
                ] {
                    assert_annotation_labels_clear(&plan, &room(&plan, size, font, labels));
                }
            }
        }
    }
}

#[test]
fn annotation_labels_of_a_dense_series_find_a_free_place() {
    // Thirty years zigzagging over the whole range, top and bottom, with overlapping spans.
    let mut series = yearly(1990, 2019);
    for (index, point) in series.points.iter_mut().enumerate() {
        let high = index % 2 == 0;
        point.value = Some(if high { 1_000.0 } else { 50.0 } + 10.0 * f64::from(point.year - 1990));
        if index % 5 == 3 {
            point.status = PointStatus::Approximate;
        }
        if index == 17 {
            point.value = None;
            point.status = PointStatus::NotStated;
        }
    }
    series.annotations = [
        ("Recession", 1990, 1992),
        ("A very long label for a span of a single year", 1995, 1995),
        ("Policy change", 1999, 2004),
        ("Reform", 2001, 2002),
        ("Pandemic", 2018, 2019),
    ]
    .into_iter()
    .map(|(label, from_year, to_year)| Annotation {
        label: label.to_owned(),
        from_year,
        to_year,
        ..Annotation::default()
    })
    .collect();
    for scale in [AxisScale::Linear, AxisScale::Log] {
        for connect_unstated in [false, true] {
            let options = ChartOptions {
                scale,
                connect_unstated,
                ..ChartOptions::default()
            };
            let plan = Plan::new(&series, &options).unwrap_or_else(|e| panic!("{e}"));
            for labels in [PointLabels::Values, PointLabels::ApproximateMarks] {
                assert_gap_labels_clear(&plan, &room(&plan, (1100.0, 520.0), 15.0, labels));
                assert_annotation_labels_clear(&plan, &room(&plan, (1100.0, 520.0), 15.0, labels));
                assert_annotation_labels_clear(&plan, &room(&plan, (1700.0, 760.0), 30.0, labels));
            }
        }
    }
}

#[test]
fn a_gap_label_keeps_off_another_series_line() {
    use crate::chart::group::{GroupPlan, chart_groups};
    // A flat line halfway up, and a series with no value in 2002 whose label would sit on it.
    let mut flat = yearly(2000, 2004);
    let mut gappy = yearly(2000, 2004);
    for point in &mut flat.points {
        point.value = Some(50.0);
    }
    for (point, value) in gappy.points.iter_mut().zip([10.0, 90.0, 0.0, 90.0, 10.0]) {
        point.value = Some(value);
    }
    if let Some(point) = gappy.points.get_mut(2) {
        point.value = None;
        point.status = PointStatus::NotStated;
    }
    for (series, id) in [(&mut flat, "flat"), (&mut gappy, "gappy")] {
        series.id = id.to_owned();
        series.chart = "Both".to_owned();
    }
    let all = [flat, gappy];
    let group = chart_groups(&all).into_iter().next().unwrap_or_default();
    let planned =
        GroupPlan::new(&group, &all, &ChartOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let frame = planned.frame().unwrap_or_else(|| panic!("a frame"));
    let lines: Vec<&Plan> = planned.members.iter().map(|(_, plan)| plan).collect();
    let room = room(&frame, (1100.0, 520.0), 15.0, PointLabels::Values);
    let layout = frame.label_layout(&lines, &room);
    assert_eq!(layout.gaps.len(), 1);
    let px = |[x, y]: [f64; 2]| {
        (
            (x - room.x_range.0) / (room.x_range.1 - room.x_range.0) * room.plot_size.0,
            (room.y_range.1 - y) / (room.y_range.1 - room.y_range.0) * room.plot_size.1,
        )
    };
    for label in &layout.gaps {
        for segment in lines.iter().flat_map(|line| &line.segments) {
            assert!(
                !crate::chart::labels::segment_crosses(
                    px(segment.from),
                    px(segment.to),
                    &label.area
                ),
                "{label:?} crossed by {segment:?}"
            );
        }
        for marker in &layout.markers {
            assert!(!label.area.overlaps(marker), "{label:?} over {marker:?}");
        }
    }
}

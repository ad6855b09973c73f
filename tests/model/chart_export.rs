//! The exported chart (SVG, PNG) and table (CSV) of the built-in `victims` series: what they
//! contain, that they parse and render, and that the not-stated year 2022 never gets a value.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::sync::Arc;

use paperlens::chart::{
    AxisScale, ChartError, ChartOptions, DEFAULT_SIZE, FontChoice, GroupPlan, Plan, ValueMode,
    chart_groups, group_svg, parse_series_csv, plan_svg, series_csv, series_png,
    series_png_with_fonts, series_svg, two_lines,
};
use paperlens::corpus::Corpus;
use paperlens::corpus::model::{PointStatus, Series};
use resvg::tiny_skia;
use resvg::usvg::{self, fontdb, roxmltree};

const SOURCE_LINE: &str = "Source: United Nations Office on Drugs and Crime (UNODC). (2023). Global report trafficking in persons 2023. UNODC.";

fn victims() -> Series {
    Corpus::builtin()
        .file
        .series
        .into_iter()
        .find(|s| s.id == "victims")
        .expect("the built-in corpus has the victims series")
}

/// Every combination the victims series can be drawn with (percent change starts at 0, which
/// a log axis cannot show).
fn all_options() -> Vec<ChartOptions> {
    let mut out = Vec::new();
    for value_mode in ValueMode::ALL {
        for scale in AxisScale::ALL {
            if (value_mode, scale) == (ValueMode::PercentChange, AxisScale::Log) {
                continue;
            }
            // Bars need a linear axis (a_log_axis_refuses_bars).
            let bar_choices: &[bool] = if scale == AxisScale::Log {
                &[false]
            } else {
                &[false, true]
            };
            for &bars in bar_choices {
                for connect_unstated in [false, true] {
                    out.push(ChartOptions {
                        value_mode,
                        scale,
                        bars,
                        connect_unstated,
                    });
                }
            }
        }
    }
    out
}

/// What a test needs to know about an SVG chart.
struct Svg {
    texts: Vec<String>,
    /// `(cx, cy, fill)` of every circle.
    circles: Vec<(f64, f64, String)>,
    /// The points of every polyline.
    polylines: Vec<Vec<(f64, f64)>>,
}

fn attr(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name)
        .unwrap_or_else(|| panic!("<{}> has {name}", node.tag_name().name()))
        .parse()
        .unwrap()
}

fn inspect(svg: &str) -> Svg {
    let document = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    let mut texts = Vec::new();
    let mut circles = Vec::new();
    let mut polylines = Vec::new();
    for node in document.descendants().filter(roxmltree::Node::is_element) {
        match node.tag_name().name() {
            "text" => texts.push(
                node.children()
                    .filter_map(|n| n.text())
                    .collect::<String>()
                    .trim()
                    .to_owned(),
            ),
            "circle" => circles.push((
                attr(node, "cx"),
                attr(node, "cy"),
                node.attribute("fill").unwrap_or("").to_owned(),
            )),
            "polyline" => polylines.push(
                node.attribute("points")
                    .unwrap()
                    .split_whitespace()
                    .map(|pair| {
                        let (x, y) = pair.split_once(',').unwrap();
                        (x.parse().unwrap(), y.parse().unwrap())
                    })
                    .collect(),
            ),
            _ => {}
        }
    }
    Svg {
        texts,
        circles,
        polylines,
    }
}

/// The x of the x-axis label for `year`, and its y (the plot lies above it).
fn year_label(svg: &str, year: i32) -> (f64, f64) {
    let document = roxmltree::Document::parse(svg).unwrap();
    let node = document
        .descendants()
        .find(|n| n.has_tag_name("text") && n.text().map(str::trim) == Some(&year.to_string()))
        .unwrap_or_else(|| panic!("an axis label {year}"));
    (attr(node, "x"), attr(node, "y"))
}

/// Circles in the plot (above the year labels, so not the legend's) near `x`.
fn markers_near(svg: &str, chart: &Svg, x: f64) -> Vec<(f64, f64, String)> {
    let (_, label_y) = year_label(svg, 2020);
    chart
        .circles
        .iter()
        .filter(|(cx, cy, _)| (cx - x).abs() <= 3.0 && *cy < label_y)
        .cloned()
        .collect()
}

fn embedded_fontdb() -> Arc<fontdb::Database> {
    let mut db = fontdb::Database::new();
    db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
    db.set_sans_serif_family("Ubuntu");
    Arc::new(db)
}

fn render_with(svg: &str, db: Arc<fontdb::Database>) -> tiny_skia::Pixmap {
    let options = usvg::Options {
        fontdb: db,
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).expect("usvg parses the chart");
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
}

/// Pixels darker than `limit` (0–255 luma) in rows `rows`.
fn dark_pixels(image: &image::RgbaImage, rows: std::ops::Range<u32>, limit: f32) -> usize {
    image
        .enumerate_pixels()
        .filter(|(_, y, _)| rows.contains(y))
        .filter(|(_, _, p)| {
            let [r, g, b, _] = p.0;
            0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b) < limit
        })
        .count()
}

#[test]
fn svg_parses_renders_and_has_the_title_years_and_source() {
    let series = victims();
    let svg = series_svg(&series, &ChartOptions::default(), DEFAULT_SIZE).unwrap();
    let chart = inspect(&svg);
    assert!(
        chart.texts.iter().any(|t| t == &series.title),
        "title missing from {:?}",
        chart.texts
    );
    for year in 2020..=2023 {
        assert!(
            chart.texts.iter().any(|t| t == &year.to_string()),
            "year label {year} missing from {:?}",
            chart.texts
        );
    }
    assert!(
        chart.texts.iter().any(|t| t == SOURCE_LINE),
        "source line missing from {:?}",
        chart.texts
    );
    assert!(chart.texts.iter().any(|t| t == "Number of victims"));
    // Only whole years label the x axis.
    assert!(!chart.texts.iter().any(|t| t.contains("2020.5")));

    let pixmap = render_with(&svg, embedded_fontdb());
    assert_eq!((pixmap.width(), pixmap.height()), DEFAULT_SIZE);
    let non_white = pixmap
        .pixels()
        .iter()
        .filter(|p| p.red() < 250 || p.green() < 250 || p.blue() < 250)
        .count();
    assert!(non_white > 10_000, "the rendered chart is nearly blank");
}

/// Every text of the SVG drawn from a plan is one the plan gives, and the axis labels, every
/// tick label, every legend entry and the source line the plan gives are in the SVG, word for
/// word.
#[test]
fn the_svg_says_exactly_what_the_plan_says() {
    let series = victims();
    for options in all_options() {
        let plan = Plan::new(&series, &options).unwrap();
        let texts = inspect(&plan_svg(&plan, DEFAULT_SIZE).unwrap()).texts;
        let has = |wanted: &str| texts.iter().any(|t| t == wanted);
        assert!(has(&plan.x_axis.label), "{options:?}: {texts:?}");
        assert!(has(&plan.y_axis.label), "{options:?}: {texts:?}");
        for tick in plan.x_axis.ticks.iter().chain(&plan.y_axis.ticks) {
            assert!(has(&tick.label), "{options:?}: tick {}", tick.label);
        }
        for entry in &plan.legend {
            assert!(has(&entry.text), "{options:?}: legend {}", entry.text);
        }
        assert!(has(&plan.source_line), "{options:?}: {texts:?}");
        assert!(
            has(&plan.title) && has(&plan.note),
            "{options:?}: {texts:?}"
        );

        let (gap_first, gap_second) = two_lines(&plan.gap_label);
        let planned: HashSet<&str> = [
            plan.title.as_str(),
            &plan.x_axis.label,
            &plan.y_axis.label,
            &plan.source_line,
            &plan.note,
            &plan.gap_label,
            gap_first,
            gap_second,
        ]
        .into_iter()
        .chain(plan.x_axis.ticks.iter().map(|t| t.label.as_str()))
        .chain(plan.y_axis.ticks.iter().map(|t| t.label.as_str()))
        .chain(plan.legend.iter().map(|e| e.text.as_str()))
        .chain(plan.annotations.iter().map(|a| a.label.as_str()))
        .chain(plan.points.iter().filter_map(|p| p.label.as_deref()))
        .collect();
        for text in &texts {
            assert!(
                planned.contains(text.as_str()),
                "{options:?}: the SVG says {text:?}, which the plan does not"
            );
        }
        // `series_svg` is the same plan drawn the same way.
        assert_eq!(
            series_svg(&series, &options, DEFAULT_SIZE).unwrap(),
            plan_svg(&plan, DEFAULT_SIZE).unwrap()
        );
    }
}

#[test]
fn svg_values_carry_their_status() {
    let svg = series_svg(&victims(), &ChartOptions::default(), DEFAULT_SIZE).unwrap();
    let chart = inspect(&svg);
    assert!(
        chart.texts.iter().any(|t| t == "≈ 49,000"),
        "{:?}",
        chart.texts
    );
    assert!(
        chart.texts.iter().any(|t| t == "42,000"),
        "{:?}",
        chart.texts
    );
    assert!(
        chart.texts.iter().any(|t| t == "≈ 41,000"),
        "{:?}",
        chart.texts
    );
    assert!(chart.texts.iter().any(|t| t.contains("stated")));
    assert!(chart.texts.iter().any(|t| t.contains("≈ approximate")));
    assert!(chart.texts.iter().any(|t| t.contains("COVID-19 lockdowns")));
    // The y axis has thousands separators.
    assert!(
        chart.texts.iter().any(|t| t == "40,000"),
        "{:?}",
        chart.texts
    );

    // 2021 is stated: a filled marker. 2020 and 2023 are approximate: a hollow ring.
    let (x2021, _) = year_label(&svg, 2021);
    let stated = markers_near(&svg, &chart, x2021);
    assert!(!stated.is_empty(), "no marker at 2021");
    assert!(stated.iter().all(|(_, _, fill)| fill != "none"));
    for year in [2020, 2023] {
        let (x, _) = year_label(&svg, year);
        let markers = markers_near(&svg, &chart, x);
        assert!(
            markers.iter().any(|(_, _, fill)| fill == "none"),
            "{year} has no hollow marker: {markers:?}"
        );
    }
}

#[test]
fn the_not_stated_year_has_a_labelled_guide_and_no_marker() {
    let series = victims();
    for options in all_options() {
        let svg = series_svg(&series, &options, DEFAULT_SIZE).unwrap();
        let chart = inspect(&svg);
        assert!(
            chart.texts.iter().any(|t| t.contains("not stated")),
            "{options:?}: no \"not stated\" label"
        );
        let (x2022, label_y) = year_label(&svg, 2022);
        assert!(
            markers_near(&svg, &chart, x2022).is_empty(),
            "{options:?}: a marker at 2022, a year the text gives no number for"
        );
        for year in [2020, 2021, 2023] {
            let (x, _) = year_label(&svg, year);
            assert!(
                !markers_near(&svg, &chart, x).is_empty(),
                "{options:?}: {year}"
            );
        }
        // The dashed guide: many short vertical dashes at x = 2022, above the axis.
        let dashes = chart
            .polylines
            .iter()
            .filter(|points| {
                points.len() >= 2
                    && points
                        .iter()
                        .all(|(x, y)| (x - x2022).abs() < 1.0 && *y < label_y)
            })
            .count();
        assert!(dashes >= 10, "{options:?}: {dashes} dashes at 2022");
    }
}

/// The pieces of line that lie strictly between 2021 and 2023 and are not vertical (the gap's
/// guide at 2022 is vertical).
fn pieces_across_2022(svg: &str) -> usize {
    let chart = inspect(svg);
    let (x2021, _) = year_label(svg, 2021);
    let (x2023, _) = year_label(svg, 2023);
    chart
        .polylines
        .iter()
        .filter(|points| {
            points
                .iter()
                .all(|(x, _)| *x >= x2021 - 1.0 && *x <= x2023 + 1.0)
                && points.first().map(|p| p.0) != points.last().map(|p| p.0)
        })
        .count()
}

#[test]
fn the_line_breaks_at_a_year_the_text_gives_no_number_for() {
    let svg = series_svg(&victims(), &ChartOptions::default(), DEFAULT_SIZE).unwrap();
    assert_eq!(
        pieces_across_2022(&svg),
        0,
        "no line crosses 2022 by default"
    );
}

#[test]
fn connecting_unstated_years_bridges_the_gap_with_a_dashed_segment() {
    let options = ChartOptions {
        connect_unstated: true,
        ..ChartOptions::default()
    };
    let svg = series_svg(&victims(), &options, DEFAULT_SIZE).unwrap();
    let bridge = pieces_across_2022(&svg);
    assert!(
        bridge >= 10,
        "expected a dashed bridge, found {bridge} pieces"
    );
    // …and no solid segment spans the gap.
    let chart = inspect(&svg);
    let (x2021, _) = year_label(&svg, 2021);
    let (x2023, _) = year_label(&svg, 2023);
    assert!(!chart.polylines.iter().any(|points| {
        points.len() == 2 && (points[0].0 - x2021).abs() < 1.0 && (points[1].0 - x2023).abs() < 1.0
    }));
}

#[test]
fn modes_label_their_axis_and_values() {
    let series = victims();
    let svg = |value_mode, scale| {
        let options = ChartOptions {
            value_mode,
            scale,
            bars: false,
            connect_unstated: false,
        };
        inspect(&series_svg(&series, &options, DEFAULT_SIZE).unwrap()).texts
    };
    let index = svg(ValueMode::IndexFirstYear, AxisScale::Linear);
    assert!(
        index
            .iter()
            .any(|t| t == "Index, 2020 = 100 (≈ 49,000 victims)"),
        "{index:?}"
    );
    assert!(index.iter().any(|t| t == "≈ 100.0"), "{index:?}");
    assert!(index.iter().any(|t| t == "85.7"), "{index:?}");
    assert!(index.iter().any(|t| t == "≈ 83.7"), "{index:?}");
    let percent = svg(ValueMode::PercentChange, AxisScale::Linear);
    assert!(
        percent.iter().any(|t| t.starts_with("% change from 2020")),
        "{percent:?}"
    );
    assert!(percent.iter().any(|t| t == "-14.3%"), "{percent:?}");
    assert!(percent.iter().any(|t| t == "≈ -16.3%"), "{percent:?}");
    let log = svg(ValueMode::Absolute, AxisScale::Log);
    assert!(
        log.iter().any(|t| t == "Number of victims, log scale"),
        "{log:?}"
    );
    assert!(log.iter().any(|t| t == "40,000"), "{log:?}");
}

#[test]
fn a_log_axis_refuses_bars() {
    let options = ChartOptions {
        scale: AxisScale::Log,
        bars: true,
        ..ChartOptions::default()
    };
    let error = series_svg(&victims(), &options, DEFAULT_SIZE).unwrap_err();
    assert!(matches!(error, ChartError::BarsOnLogScale), "{error}");
    assert!(error.to_string().contains("linear scale"), "{error}");
}

#[test]
fn a_log_axis_refuses_values_at_or_below_zero() {
    let options = ChartOptions {
        value_mode: ValueMode::PercentChange,
        scale: AxisScale::Log,
        bars: false,
        connect_unstated: false,
    };
    let error = series_svg(&victims(), &options, DEFAULT_SIZE).unwrap_err();
    assert!(
        matches!(error, ChartError::LogScaleNeedsPositive { year: 2020, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("linear"), "{error}");
}

#[test]
fn png_has_the_requested_size_and_is_not_blank() {
    let series = victims();
    let options = ChartOptions::default();
    let png = series_png(&series, &options, DEFAULT_SIZE, 1.0).unwrap();
    let image = image::load_from_memory(&png).expect("a PNG").to_rgba8();
    assert_eq!(image.dimensions(), DEFAULT_SIZE);
    let colours: HashSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    assert!(colours.len() > 50, "only {} colours", colours.len());
    assert!(
        dark_pixels(&image, 0..700, 100.0) > 2_000,
        "too little dark ink (text)"
    );

    let double = series_png(&series, &options, DEFAULT_SIZE, 2.0).unwrap();
    let double = image::load_from_memory(&double).unwrap().to_rgba8();
    assert_eq!(double.dimensions(), (2400, 1400));
    assert!(dark_pixels(&double, 0..1400, 100.0) > 4 * 2_000 / 2);

    let small = series_png(&series, &options, (600, 400), 2.0).unwrap();
    assert_eq!(
        image::load_from_memory(&small)
            .unwrap()
            .to_rgba8()
            .dimensions(),
        (1200, 800)
    );
}

#[test]
fn png_text_shows_with_only_the_embedded_fonts() {
    let series = victims();
    let options = ChartOptions::default();
    let png = series_png_with_fonts(
        &series,
        &options,
        DEFAULT_SIZE,
        1.0,
        FontChoice::EmbeddedOnly,
    )
    .unwrap();
    let image = image::load_from_memory(&png).unwrap().to_rgba8();
    // The title (top 45 rows) and the source and note lines (bottom 45 rows) are text only.
    let title = dark_pixels(&image, 0..45, 128.0);
    let footer = dark_pixels(&image, 655..700, 200.0);
    assert!(title > 1_000, "title has {title} dark pixels");
    assert!(footer > 500, "source line has {footer} ink pixels");

    // The same regions are blank when no font is available, so the counts above are text.
    let svg = series_svg(&series, &options, DEFAULT_SIZE).unwrap();
    let bare = render_with(&svg, Arc::new(fontdb::Database::new()));
    let bare = image::load_from_memory(&bare.encode_png().unwrap())
        .unwrap()
        .to_rgba8();
    assert_eq!(dark_pixels(&bare, 0..45, 128.0), 0);
    assert_eq!(dark_pixels(&bare, 655..700, 200.0), 0);
}

#[test]
fn csv_round_trips_and_leaves_the_not_stated_value_empty() {
    let series = victims();
    let text = series_csv(&series);
    assert_eq!(text.lines().next(), Some("year,value,status,source,quote"));
    let line_2022 = text
        .lines()
        .find(|l| l.starts_with("2022,"))
        .expect("a 2022 row");
    assert!(line_2022.starts_with("2022,,not_stated,"), "{line_2022}");

    let rows = parse_series_csv(&text).unwrap();
    assert_eq!(rows.len(), series.points.len());
    for (row, point) in rows.iter().zip(&series.points) {
        assert_eq!(row.year, point.year);
        assert_eq!(row.value, point.value);
        assert_eq!(row.status, point.status);
        assert_eq!(row.quote, point.quote);
        assert_eq!(row.source, series.source);
    }
    let row_2022 = rows.iter().find(|r| r.year == 2022).unwrap();
    assert_eq!(row_2022.value, None);
    assert_eq!(row_2022.status, PointStatus::NotStated);
    assert_eq!(rows[0].value, Some(49_000.0));
    assert_eq!(rows[0].status, PointStatus::Approximate);
}

/// Two made-up series drawn on one chart: both named in the legend, each in its own colour.
#[test]
fn a_chart_of_two_series_names_both_in_its_legend() {
    let made_up = |id: &str, title: &str, values: [f64; 3]| Series {
        id: id.to_owned(),
        title: title.to_owned(),
        unit: "widgets per 1,000 people".to_owned(),
        chart: "Widget rates".to_owned(),
        source: "Fixture data".to_owned(),
        points: (2001..)
            .zip(values)
            .map(|(year, value)| paperlens::corpus::model::SeriesPoint {
                year,
                value: Some(value),
                status: PointStatus::Stated,
                ..Default::default()
            })
            .collect(),
        ..Series::default()
    };
    let all = [
        made_up("north", "Northfield", [11.5, 12.5, 13.5]),
        made_up("south", "Southbury", [21.0, 22.0, 23.0]),
    ];
    let groups = chart_groups(&all);
    assert_eq!(groups.len(), 1);
    let group = &groups[0];
    for options in all_options() {
        let planned = GroupPlan::new(group, &all, &options).unwrap();
        let svg = inspect(&group_svg(&planned, DEFAULT_SIZE).unwrap());
        for text in ["Widget rates", "Northfield", "Southbury", "2001", "2003"] {
            assert!(
                svg.texts.iter().any(|t| t == text),
                "{options:?}: {text:?} not in {:?}",
                svg.texts
            );
        }
    }
    let svg = group_svg(
        &GroupPlan::new(group, &all, &ChartOptions::default()).unwrap(),
        DEFAULT_SIZE,
    )
    .unwrap();
    let fills: HashSet<String> = inspect(&svg)
        .circles
        .into_iter()
        .map(|(_, _, fill)| fill)
        .filter(|fill| fill != "none" && fill != "#FFFFFF")
        .collect();
    assert!(fills.len() >= 2, "one colour per series: {fills:?}");
}

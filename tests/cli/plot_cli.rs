//! `paperlens plot` run as the real binary: listing, SVG/PNG/CSV output, and its exit codes.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use paperlens::chart::parse_series_csv;
use paperlens::corpus::Corpus;
use paperlens::corpus::model::PointStatus;
use resvg::usvg::roxmltree;

use crate::common;
use common::{assert_exit, paperlens, path_str, stderr, stdout};

fn builtin_corpus_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/fitria-2025.json")
}

fn expected_listing() -> String {
    Corpus::builtin()
        .file
        .series
        .iter()
        .fold(String::new(), |mut listing, s| {
            let _ = writeln!(listing, "{}\t{}", s.id, s.title);
            listing
        })
}

#[test]
fn list_prints_id_tab_title() {
    let output = paperlens(&["plot", "--list"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(
        text.starts_with("victims\tGlobal human trafficking victims"),
        "{text}"
    );
    assert_eq!(text, expected_listing());

    // The same with the corpus named on the command line.
    let output = paperlens(&["plot", "--list", path_str(&builtin_corpus_file())]);
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), expected_listing());
}

#[test]
fn writes_a_valid_svg() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("victims.svg");
    let output = paperlens(&["plot", "victims", "--out", path_str(&out)]);
    assert_exit(&output, 0);
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    let document = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(document.root_element().tag_name().name(), "svg");
    assert_eq!(document.root_element().attribute("width"), Some("1200"));
    assert_eq!(document.root_element().attribute("height"), Some("700"));
    let texts: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::trim))
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Global human trafficking victims"))
    );
    assert!(texts.iter().any(|t| t.contains("not stated")));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Source: United Nations Office"))
    );
}

#[test]
fn writes_a_valid_svg_from_a_corpus_file_with_options() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("index.svg");
    let output = paperlens(&[
        "plot",
        "victims",
        "--out",
        path_str(&out),
        path_str(&builtin_corpus_file()),
        "--mode",
        "index",
        "--bars",
        "--size",
        "800x500",
    ]);
    assert_exit(&output, 0);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains("Index, 2020 = 100"),
        "index mode labels its axis"
    );
    assert!(svg.contains(r#"width="800""#) && svg.contains(r#"height="500""#));
}

#[test]
fn writes_a_png_of_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("victims.png");
    let output = paperlens(&["plot", "victims", "--out", path_str(&out)]);
    assert_exit(&output, 0);
    let image = image::open(&out).expect("a decodable PNG").to_rgba8();
    assert_eq!(image.dimensions(), (1200, 700));
    let dark = image
        .pixels()
        .filter(|p| p.0[0] < 100 && p.0[1] < 100 && p.0[2] < 100)
        .count();
    assert!(
        dark > 1_000,
        "the PNG has {dark} dark pixels; its text is missing"
    );

    let double = dir.path().join("double.png");
    let output = paperlens(&[
        "plot",
        "victims",
        "--out",
        path_str(&double),
        "--size",
        "600x400",
        "--scale-factor",
        "2",
        "--scale",
        "log",
    ]);
    assert_exit(&output, 0);
    assert_eq!(
        image::open(&double).unwrap().to_rgba8().dimensions(),
        (1200, 800)
    );
}

#[test]
fn writes_a_csv_that_parses_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("victims.csv");
    let output = paperlens(&["plot", "victims", "--out", path_str(&out)]);
    assert_exit(&output, 0);
    let text = std::fs::read_to_string(&out).unwrap();
    let rows = parse_series_csv(&text).expect("the CSV parses back");
    let years: Vec<i32> = rows.iter().map(|r| r.year).collect();
    assert_eq!(years, [2020, 2021, 2022, 2023]);
    let row_2022 = &rows[2];
    assert_eq!(
        (row_2022.value, row_2022.status),
        (None, PointStatus::NotStated)
    );
    assert_eq!(rows[1].value, Some(42_000.0));
}

#[test]
fn an_unknown_extension_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("victims.pdf");
    let output = paperlens(&["plot", "victims", "--out", path_str(&out)]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains(".svg, .png or .csv"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn an_unknown_series_exits_1_listing_the_series() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.svg");
    let output = paperlens(&["plot", "refugees", "--out", path_str(&out)]);
    assert_exit(&output, 1);
    let message = stderr(&output);
    assert!(message.contains("`refugees`"), "{message}");
    assert!(
        message.contains("victims\t"),
        "the known ids are listed: {message}"
    );
    assert!(!out.exists());
}

#[test]
fn an_unreadable_corpus_exits_2_with_its_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.svg");
    let missing = dir.path().join("missing.json");
    let output = paperlens(&[
        "plot",
        "victims",
        "--out",
        path_str(&out),
        path_str(&missing),
    ]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("cannot read"),
        "{}",
        stderr(&output)
    );

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"format\": ").unwrap();
    let output = paperlens(&["plot", "--list", path_str(&broken)]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("error"), "{}", stderr(&output));
    assert!(!out.exists());
}

#[test]
fn bad_options_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.png");
    for args in [
        ["--size", "big"],
        ["--size", "10x10"],
        ["--scale-factor", "50"],
        ["--mode", "median"],
    ] {
        let mut all = vec!["plot", "victims", "--out", path_str(&out)];
        all.extend(args);
        let output = paperlens(&all);
        assert_exit(&output, 2);
        assert!(!out.exists(), "{args:?}");
    }
}

#[test]
fn bars_on_a_log_axis_exit_2_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.svg");
    let output = paperlens(&[
        "plot",
        "victims",
        "--out",
        path_str(&out),
        "--scale",
        "log",
        "--bars",
    ]);
    assert_exit(&output, 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bars cannot be drawn on a logarithmic axis"),
        "{stderr}"
    );
    assert!(!out.exists());
}

/// The made-up year-tables fixture with its Table 1's two rows charted under one chart name.
fn two_series_under_one_chart(dir: &Path) -> PathBuf {
    let fixture = common::fixtures().join("year-tables.json");
    let mut corpus: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    corpus["series"] = serde_json::json!([
        {"id": "north", "title": "Northfield", "unit": "widgets per 1,000 people",
         "chart": "Widget rates", "value_format": {"kind": "rate", "per": 1000},
         "from_table": {"table": "widgets", "row": "north"}},
        {"id": "south", "title": "Southbury", "unit": "widgets per 1,000 people",
         "chart": "Widget rates", "value_format": {"kind": "rate", "per": 1000},
         "from_table": {"table": "widgets", "row": "south"}}
    ]);
    let path = dir.join("two-series.json");
    std::fs::write(&path, corpus.to_string()).unwrap();
    path
}

#[test]
fn a_chart_name_draws_its_series_together() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = two_series_under_one_chart(dir.path());
    let out = dir.path().join("rates.svg");
    let output = paperlens(&[
        "plot",
        "Widget rates",
        "--out",
        path_str(&out),
        path_str(&corpus),
    ]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("(north, south)"),
        "{}",
        stdout(&output)
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    for text in [
        "Widget rates",
        "Northfield",
        "Southbury",
        "Widgets per 1,000 people",
    ] {
        assert!(svg.contains(text), "{text} not in the SVG");
    }
    let png = dir.path().join("rates.png");
    assert_exit(
        &paperlens(&[
            "plot",
            "Widget rates",
            "--out",
            path_str(&png),
            path_str(&corpus),
        ]),
        0,
    );
    // A CSV holds one series: the message names the ids to write instead.
    let csv = dir.path().join("rates.csv");
    let output = paperlens(&[
        "plot",
        "Widget rates",
        "--out",
        path_str(&csv),
        path_str(&corpus),
    ]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("north, south"),
        "{}",
        stderr(&output)
    );
    assert!(!csv.exists());
}

//! Hostile input: enormous strings and pathological shapes, each read in bounded time.
// The cases share the helpers and imports of `hostile/mod.rs`.
#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Scale: enormous strings and pathological shapes

/// The minimal corpus with the figure-source paragraph's text replaced.
fn with_paragraph(text: &str) -> String {
    let mut value = minimal();
    value["sections"][1]["paragraphs"][1]["text"] = json!(text);
    serde_json::to_string(&value).expect("serialise")
}

/// A 10 MB paragraph of ordinary sentences: loads, indexes, splits and searches in bounded
/// time; the match at its very end is found and excerpted.
#[test]
fn a_10_mb_paragraph_loads_and_searches_in_bounded_time() {
    let sentence = "In 2020 the Example Network counted cases, e.g. in the North. ";
    let mut text = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    text.push_str("The last word is zanzibarite.");
    let source = with_paragraph(&text);
    assert!(source.len() > 10_000_000);
    let report = within(BOUND, "load", || open_text(&source, "big.json"));
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        describe(&report.diagnostics)
    );
    let corpus = report.corpus.expect("loads");
    let big = corpus
        .index
        .paragraphs
        .iter()
        .find(|p| p.printed.len() > 10_000_000)
        .expect("the big paragraph");
    assert_eq!(big.sentences.len(), text.len() / sentence.len() + 1);
    assert!(corpus.index.year_mentions[&2020].len() > 100_000);
    let search = within(BOUND, "search index", || SearchIndex::new(&corpus));
    let hits = within(BOUND, "search", || search.search("zanzibarite", 5));
    let hit = hits.first().expect("found");
    assert!(hit.label.ends_with("zanzibarite."), "{}", hit.label);
    assert!(hit.label.chars().count() < 200);

    // And through the binary, with its summary.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "big.json", source.as_bytes());
    let (code, report) = check_json(&path);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["summary"]["loaded"], true);
}

/// A 10 MB string where a number belongs, and a 10 MB unknown key: the message quotes a
/// bounded part of it.
#[test]
fn a_huge_value_in_an_error_message_is_shortened() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let mut value = minimal();
    value["series"][0]["points"][0]["year"] = json!(huge);
    let source = pretty(&value);
    let report = within(BOUND, "wrong type", || open_text(&source, "huge-year.json"));
    assert_eq!(codes(&report), ["json-type"]);
    let d = &report.diagnostics[0];
    assert!(d.message.len() < 400, "{} bytes", d.message.len());
    assert!(d.message.contains("a whole number is expected"), "{d}");
    assert_eq!(path_of(d).as_deref(), Some("$.series[0].points[0].year"));
    assert_well_formed(&report);

    let mut value = minimal();
    value["paper"][huge.as_str()] = json!(1);
    let spaced = "many words ".repeat(100_000);
    value["paper"][spaced.as_str()] = json!(2);
    let source = pretty(&value);
    let report = within(BOUND, "unknown key", || open_text(&source, "huge-key.json"));
    assert_eq!(codes(&report), ["json-type"]);
    let d = &report.diagnostics[0];
    assert!(d.message.contains("is not a key of `paper`"), "{d}");
    assert!(d.message.len() < 1000, "{} bytes", d.message.len());
    assert_well_formed(&report);
}

/// A corpus of a shape that once made loading slow, and what loading it must give.
struct Shape {
    /// What the shape is.
    name: &'static str,
    /// The corpus JSON.
    source: String,
    /// Whether it loads.
    loads: bool,
    /// The code most diagnostics carry, when it fails.
    code: Option<&'static str>,
}

/// Shapes of a paragraph's text that made loading slow (see
/// [`pathological_shapes_load_or_fail_in_bounded_time`]).
fn pathological_texts() -> Vec<Shape> {
    vec![
        Shape {
            name: "full stops without spaces",
            source: with_paragraph(&"x.".repeat(5_000_000)),
            loads: true,
            code: None,
        },
        Shape {
            name: "a citation in every sentence",
            source: with_paragraph(&"A [@smith2020]. ".repeat(600_000)),
            loads: true,
            code: None,
        },
        Shape {
            name: "`[@ ` a million times, then `]`",
            source: with_paragraph(&("[@ ".repeat(1_000_000) + "]")),
            loads: false,
            code: Some("malformed-citation"),
        },
        Shape {
            name: "empty citations",
            source: with_paragraph(&"[@]".repeat(3_000_000)),
            loads: false,
            code: Some("malformed-citation"),
        },
        Shape {
            name: "distinct unknown keys",
            source: with_paragraph(&(0..600_000).fold(String::new(), |mut text, i| {
                let _ = write!(text, "A [@k{i}]. ");
                text
            })),
            loads: false,
            code: Some("unknown-citation-key"),
        },
    ]
}

/// Shapes of the records that made loading slow (see
/// [`pathological_shapes_load_or_fail_in_bounded_time`]).
fn pathological_records() -> Vec<Shape> {
    let sections = |parent: &dyn Fn(usize) -> Value, n: usize| {
        let mut value = minimal();
        let list = value["sections"].as_array_mut().expect("sections");
        list.extend(
            (0..n).map(|i| json!({"id": format!("s{i}"), "title": "T", "parent": parent(i)})),
        );
        serde_json::to_string(&value).expect("serialise")
    };
    let n = 20_000;
    let mut rows = minimal();
    rows["tables"][0]["rows"]
        .as_array_mut()
        .expect("rows")
        .extend((0..100_000).map(|i| {
            json!({"id": format!("r{i}"), "region": "north", "cells": ["North", "x", "y", "", ""],
                   "entities": ["exnet"], "references": ["smith2020"]})
        }));
    let mut notes = minimal();
    notes["notes"]
        .as_array_mut()
        .expect("notes")
        .extend((0..100_000).map(|i| {
            json!({"id": format!("n{i}"), "kind": "other", "text": "t", "about": [
            {"series_point": {"series": "cases", "year": 2022}}, {"case": "exnet-count"},
            {"table_row": "row-exnet"}, {"reference": "smith2020"}]})
        }));
    let mut duplicates = minimal();
    duplicates["entities"]
        .as_array_mut()
        .expect("entities")
        .extend(
            (0..200_000)
                .map(|_| json!({"id": "exnet", "name": "n", "kind": "place", "description": "d"})),
        );
    vec![
        Shape {
            name: "a chain of sections",
            source: sections(
                &|i| {
                    if i == 0 {
                        Value::Null
                    } else {
                        json!(format!("s{}", i - 1))
                    }
                },
                n,
            ),
            loads: true,
            code: None,
        },
        Shape {
            name: "a cycle of sections",
            source: sections(&|i| json!(format!("s{}", (i + 1) % n)), n),
            loads: false,
            code: Some("section-cycle"),
        },
        Shape {
            name: "one entity and reference in every row",
            source: serde_json::to_string(&rows).expect("serialise"),
            loads: true,
            code: None,
        },
        Shape {
            name: "many notes about the same items",
            source: serde_json::to_string(&notes).expect("serialise"),
            loads: true,
            code: None,
        },
        Shape {
            name: "one id two hundred thousand times",
            source: serde_json::to_string(&duplicates).expect("serialise"),
            loads: false,
            code: Some("duplicate-id"),
        },
    ]
}

/// Shapes that made loading quadratic (or worse) before: each loads or fails, with its
/// diagnostics, in bounded time; more than [`MAX_DIAGNOSTICS`] problems are counted in one
/// last diagnostic instead of listed.
#[test]
fn pathological_shapes_load_or_fail_in_bounded_time() {
    let shapes = pathological_texts()
        .into_iter()
        .chain(pathological_records());
    for shape in shapes {
        let report = within(BOUND, shape.name, || open_text(&shape.source, "shape.json"));
        assert_eq!(
            report.corpus.is_some(),
            shape.loads,
            "{}: {}",
            shape.name,
            describe(&report.diagnostics[..report.diagnostics.len().min(5)])
        );
        if let Some(code) = shape.code {
            assert_eq!(
                report.diagnostics.len(),
                MAX_DIAGNOSTICS + 1,
                "{}",
                shape.name
            );
            assert!(
                report.diagnostics[..MAX_DIAGNOSTICS]
                    .iter()
                    .all(|d| d.code.as_str() == code && d.location.is_some()),
                "{}",
                shape.name
            );
            let last = report.diagnostics.last().expect("a last diagnostic");
            assert_eq!(last.severity, Severity::Error, "{}", shape.name);
            assert!(
                last.message.contains("more problems"),
                "{}: {last}",
                shape.name
            );
            within(BOUND, shape.name, || assert_well_formed(&report));
        }
        if let Some(corpus) = &report.corpus {
            within(BOUND, shape.name, || {
                let search = SearchIndex::new(corpus);
                let _ = search.search("network", 10);
            });
        }
    }
}

/// Distinct problems located one by one: each unknown key points at its own occurrence, not at
/// the first key of the paragraph.
#[test]
fn repeated_problems_in_one_paragraph_point_at_each_occurrence() {
    let text = with_paragraph("One [@nobody]. Two [@nobody]. Three [@nobody].");
    let report = open_text(&text, "repeated.json");
    let columns: Vec<usize> = report
        .diagnostics
        .iter()
        .map(|d| d.location.expect("located").offset)
        .collect();
    let expected: Vec<usize> = text.match_indices("@nobody").map(|(i, _)| i).collect();
    assert_eq!(columns, expected);
}

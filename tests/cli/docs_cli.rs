//! `paperlens docs`: the corpus format guide travels in the binary.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

use paperlens::corpus::display::column_headers;
use paperlens::corpus::model::PointStatus;
use paperlens::open::open_text;
use serde_json::Value;

use crate::common::{assert_exit, paperlens, stderr, stdout};

/// The headings of `corpus/README.md` as the repository has it.
fn guide_headings() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/README.md");
    let guide = std::fs::read_to_string(path).expect("corpus/README.md is readable");
    let headings: Vec<String> = guide
        .lines()
        .filter(|line| line.starts_with('#'))
        .map(str::to_owned)
        .collect();
    assert!(headings.len() > 5, "the guide has headings");
    headings
}

#[test]
fn docs_format_prints_the_whole_guide() {
    let output = paperlens(&["docs", "format"]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(
        out.starts_with("# The paperlens corpus format"),
        "{out:.80}"
    );
    for heading in guide_headings() {
        assert!(
            out.lines().any(|line| line == heading),
            "{heading:?} missing"
        );
    }
}

#[test]
fn docs_without_a_topic_lists_the_topics() {
    let output = paperlens(&["docs"]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("format"), "{out}");
    assert!(!out.contains("## Ground rules"), "{out}");
}

#[test]
fn an_unknown_topic_lists_the_topics_and_exits_2() {
    let output = paperlens(&["docs", "nonsense"]);
    assert_exit(&output, 2);
    let err = stderr(&output);
    assert!(err.contains("no topic \"nonsense\""), "{err}");
    assert!(err.contains("format"), "{err}");
    assert!(stdout(&output).is_empty());
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// A hint written in the source as `guide_hint("Section")` sends the reader to that section
/// of the guide: each such section must be a heading of `corpus/README.md`.
#[test]
fn every_guide_section_a_hint_names_is_a_heading() {
    let headings = guide_headings();
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut named = 0;
    for file in files {
        let source = std::fs::read_to_string(&file).expect("read a source file");
        for (_, rest) in source
            .match_indices("guide_hint(\"")
            .map(|(at, _)| source.split_at(at))
        {
            let section = rest["guide_hint(\"".len()..]
                .split('"')
                .next()
                .expect("a closing quote");
            named += 1;
            assert!(
                headings.iter().any(|h| *h == format!("## {section}")),
                "{}: guide_hint({section:?}) names no heading of corpus/README.md",
                file.display()
            );
        }
    }
    assert!(named >= 3, "found {named} guide_hint calls");
}

/// The top-level lists of a corpus, the keys a worked example of the guide adds records under.
const LISTS: [&str; 10] = [
    "sections",
    "references",
    "regions",
    "entities",
    "cases",
    "tables",
    "figures",
    "footnotes",
    "series",
    "notes",
];

/// The guide's worked examples: every JSON block that is an object of top-level lists
/// (`{"tables": [...]}`), added in the guide's order to the minimal example, makes a corpus
/// that loads with no diagnostic at all, and reads what the guide says it reads.
#[test]
fn the_guide_worked_examples_load_into_the_minimal_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(root.join("corpus/README.md")).expect("the guide");
    let minimal =
        std::fs::read_to_string(root.join("tests/fixtures/minimal.json")).expect("minimal");
    let mut corpus: Value = serde_json::from_str(&minimal).expect("minimal.json is JSON");
    let mut added = BTreeSet::new();
    for block in guide.split("```json\n").skip(1) {
        let code = block.split("\n```").next().expect("a closed block");
        let Ok(Value::Object(example)) = serde_json::from_str::<Value>(code) else {
            continue;
        };
        if !example.keys().all(|key| LISTS.contains(&key.as_str())) {
            continue;
        }
        for (key, records) in example {
            let records = records.as_array().expect("a list of records").clone();
            let list = corpus
                .as_object_mut()
                .expect("an object")
                .entry(key.clone())
                .or_insert_with(|| Value::Array(Vec::new()));
            list.as_array_mut().expect("a list").extend(records);
            added.insert(key);
        }
    }
    for key in [
        "sections",
        "regions",
        "tables",
        "figures",
        "footnotes",
        "series",
    ] {
        assert!(
            added.contains(key),
            "no worked example adds {key}: {added:?}"
        );
    }
    let report = open_text(&corpus.to_string(), "guide examples");
    let problems: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let corpus = report.corpus.expect("loads");

    let points = |id: &str| -> Vec<(i32, Option<f64>, PointStatus)> {
        let series = corpus.file.series.iter().find(|s| s.id == id).expect(id);
        series
            .points
            .iter()
            .map(|p| (p.year, p.value, p.status))
            .collect()
    };
    assert_eq!(
        points("north-cases"),
        [
            (2020, Some(100.0), PointStatus::Stated),
            (2021, Some(120.0), PointStatus::Stated)
        ]
    );
    assert_eq!(
        points("referred"),
        [
            (2020, Some(35.0), PointStatus::Stated),
            (2021, Some(39.5), PointStatus::Stated),
            (2022, None, PointStatus::NotStated)
        ]
    );
    // The footnote example cites by printed numbers: `[2]`, then the range `[1]–[2]`.
    let method = corpus
        .file
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .position(|p| p.id == "method.p1")
        .expect("method.p1");
    let paragraph = &corpus.index.paragraphs[method];
    let cited: Vec<Vec<u32>> = corpus.index.citations[paragraph.citations.clone()]
        .iter()
        .map(|c| {
            c.references
                .iter()
                .map(|&r| corpus.index.reference_numbers[r])
                .collect()
        })
        .collect();
    assert_eq!(cited, [vec![2], vec![1, 2]]);
    let table = corpus
        .file
        .tables
        .iter()
        .find(|t| t.id == "table2")
        .expect("table2");
    assert_eq!(
        column_headers(table).get(1).map(String::as_str),
        Some("Cases recorded — 2020")
    );
}

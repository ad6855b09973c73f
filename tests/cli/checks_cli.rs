//! `paperlens check --citations` and `paperlens export flags` on the real binary: the citation
//! check's flags in plain words and as JSON, on the built-in corpus, a fixture corpus whose
//! flags are known (`tests/fixtures/checks/flagged.json`) and a real paper; the exit status;
//! files that do not load; the flags written as CSV and as a Markdown worksheet.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use crate::common;
use common::{assert_exit, fixtures, paperlens, path_str, stderr, stdout, write_temp};

/// The fixture corpus of the citation check: a paper of 2019 citing `lee2012`, `ward2010`
/// (for the storm surge of 2014), `kim2023` (dated after the paper) and `cole2016` (a journal
/// article without volume or pages); `hart2015` is listed but never cited.
fn flagged() -> PathBuf {
    fixtures().join("checks/flagged.json")
}

/// A real paper in `../shared/data/papers/`, or `None` after printing that the test is
/// skipped (a clone without `../shared` beside it).
fn real_paper(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/papers")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} is not present", path.display());
        None
    }
}

/// `check --citations --format json` on `args`' file, exit status 0, its JSON parsed.
fn flags_json(file: Option<&Path>) -> serde_json::Value {
    let mut args = vec!["check", "--citations", "--format", "json"];
    if let Some(file) = file {
        args.push(path_str(file));
    }
    let output = paperlens(&args);
    assert_exit(&output, 0);
    serde_json::from_str(&stdout(&output)).expect("the output is JSON")
}

/// Every flag of a `check --citations --format json` report, checked for the fields every flag
/// has: its kind among the four, its reference an id of the corpus or null, its citation a key
/// or null, a message and evidence.
fn checked_flags(report: &serde_json::Value) -> Vec<serde_json::Value> {
    let flags = report["flags"].as_array().expect("a flags array").clone();
    for flag in &flags {
        let kind = flag["kind"].as_str().expect("a kind");
        assert!(
            [
                "anachronism",
                "topic_mismatch",
                "malformed_reference",
                "hygiene"
            ]
            .contains(&kind),
            "{flag}"
        );
        assert!(
            flag["reference"].is_string() || flag["reference"].is_null(),
            "{flag}"
        );
        assert!(
            flag["citation"].is_null()
                || flag["citation"]
                    .as_str()
                    .is_some_and(|key| key.starts_with("citation:")),
            "{flag}"
        );
        assert!(
            flag["reference"].is_string() || flag["citation"].is_string(),
            "{flag}"
        );
        assert!(
            !flag["message"].as_str().unwrap_or_default().is_empty(),
            "{flag}"
        );
        assert!(
            !flag["evidence"].as_str().unwrap_or_default().is_empty(),
            "{flag}"
        );
    }
    let summary = &report["summary"];
    assert_eq!(summary["flags"].as_u64(), Some(flags.len() as u64));
    let by_kind: u64 = summary["by_kind"]
        .as_object()
        .expect("counts by kind")
        .values()
        .map(|count| count.as_u64().expect("a count"))
        .sum();
    assert_eq!(by_kind, flags.len() as u64, "{summary}");
    flags
}

#[test]
fn check_citations_on_the_built_in_corpus_prints_the_flags_in_words_and_exits_0() {
    let output = paperlens(&["check", "--citations"]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(
        out.starts_with("Citation check of built-in corpus"),
        "the heading names the corpus:\n{out}"
    );
    assert!(
        out.trim_end()
            .lines()
            .last()
            .is_some_and(|line| line.contains(" of 19 references flagged")),
        "the last line counts the flagged references:\n{out}"
    );
    // Not the diagnostics' summary line: the flags replace it.
    assert!(!out.contains("0 errors"), "{out}");
}

#[test]
fn check_citations_json_on_the_built_in_corpus_counts_its_references() {
    let report = flags_json(None);
    checked_flags(&report);
    assert_eq!(report["summary"]["references"], 19);
    assert!(report["source"].as_str().unwrap().contains("built-in"));
}

#[test]
fn check_citations_json_on_the_fixture_names_reference_ids() {
    let report = flags_json(Some(&flagged()));
    assert_eq!(report["summary"]["references"], 5);
    let ids = ["lee2012", "ward2010", "kim2023", "cole2016", "hart2015"];
    for flag in checked_flags(&report) {
        if let Some(id) = flag["reference"].as_str() {
            assert!(ids.contains(&id), "{flag}");
        }
    }
}

#[test]
fn check_citations_sends_the_files_warnings_to_standard_error() {
    let output = paperlens(&[
        "check",
        "--citations",
        "--format",
        "json",
        path_str(&flagged()),
    ]);
    assert_exit(&output, 0);
    // The fixture's `hart2015` is never cited: a warning of the file, not part of the JSON.
    assert!(
        stderr(&output).contains("warning[uncited-reference]"),
        "{}",
        stderr(&output)
    );
    assert!(
        !stdout(&output).contains("uncited-reference"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn check_citations_on_a_real_paper_prints_json_with_its_references() {
    let Some(paper) = real_paper("jats/journal.pmed.0020124.xml") else {
        return;
    };
    let report = flags_json(Some(&paper));
    let references = report["summary"]["references"].as_u64().unwrap();
    assert!(references > 10, "{}", report["summary"]);
    let flags = checked_flags(&report);
    let flagged = report["summary"]["flagged_references"].as_u64().unwrap();
    assert!(flagged <= references, "{}", report["summary"]);
    let words = paperlens(&["check", "--citations", path_str(&paper)]);
    assert_exit(&words, 0);
    let out = stdout(&words);
    assert!(
        out.contains(&format!("{flagged} of {references} references flagged")),
        "{out}"
    );
    // Every kind with flags has its heading, with its count.
    for (kind, label) in [
        ("anachronism", "Anachronism"),
        ("topic_mismatch", "Topic mismatch"),
        ("malformed_reference", "Malformed reference"),
        ("hygiene", "Citation hygiene"),
    ] {
        let count = flags.iter().filter(|f| f["kind"] == kind).count();
        assert_eq!(
            out.contains(&format!("\n{label} ({count})\n")),
            count > 0,
            "{kind}: {out}"
        );
    }
}

#[test]
fn check_citations_of_a_missing_file_says_so_and_exits_2() {
    let output = paperlens(&["check", "--citations", "/no/such/paper.json"]);
    assert_exit(&output, 2);
    let out = stdout(&output);
    assert!(out.contains("cannot read `/no/such/paper.json`"), "{out}");
    assert!(out.contains("check the path"), "{out}");
    // With --format json, the diagnostics as `check --format json` prints them.
    let output = paperlens(&[
        "check",
        "--citations",
        "--format",
        "json",
        "/no/such/paper.json",
    ]);
    assert_exit(&output, 2);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(common::json_codes(&report), ["io"]);
}

#[test]
fn check_citations_of_a_broken_file_says_where_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = write_temp(
        &dir,
        "broken.json",
        b"{\n  \"format\": \"paperlens-corpus/2\",\n  \"paper\": { \"title\": \"Half\" \n",
    );
    let output = paperlens(&["check", "--citations", path_str(&broken)]);
    assert_exit(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("broken.json:"),
        "the message names the file:\n{out}"
    );
    assert!(
        out.contains("the JSON ends too early"),
        "in plain words:\n{out}"
    );
    assert!(out.contains("not loaded"), "{out}");
    assert!(!out.contains("Citation check of"), "{out}");
}

#[test]
fn export_flags_writes_csv_and_a_markdown_worksheet_to_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("flags.csv");
    let output = paperlens(&[
        "export",
        "flags",
        "--out",
        path_str(&csv),
        path_str(&flagged()),
    ]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("flags.csv ("),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("as CSV)"), "{}", stdout(&output));
    let text = std::fs::read_to_string(&csv).expect("the CSV is written");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    for column in ["kind", "reference", "citation", "sentence", "evidence"] {
        assert!(header.iter().any(|h| h == column), "{column}: {header:?}");
    }
    let json = flags_json(Some(&flagged()));
    assert_eq!(
        reader.records().count(),
        json["flags"].as_array().unwrap().len(),
        "one row per flag"
    );

    // `.md` picks the worksheet without `--format`.
    let worksheet = dir.path().join("worksheet.md");
    let output = paperlens(&[
        "export",
        "flags",
        "--out",
        path_str(&worksheet),
        path_str(&flagged()),
    ]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("as a Markdown worksheet)"),
        "{}",
        stdout(&output)
    );
    let text = std::fs::read_to_string(&worksheet).expect("the worksheet is written");
    assert!(text.starts_with("# Citation check worksheet\n"), "{text}");
    assert!(
        text.contains("**Paper:** Flood Days on a Rising Coast"),
        "{text}"
    );
}

#[test]
fn export_flags_format_wins_over_the_extension_and_goes_to_standard_output_without_out() {
    let output = paperlens(&[
        "export",
        "flags",
        "--format",
        "markdown",
        path_str(&flagged()),
    ]);
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with("# Citation check worksheet\n"));
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("flags.txt");
    let output = paperlens(&[
        "export",
        "flags",
        "--format",
        "json",
        "--out",
        path_str(&out),
        path_str(&flagged()),
    ]);
    assert_exit(&output, 0);
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).expect("JSON");
    assert_eq!(value["summary"]["references"], 5);
}

#[test]
fn export_flags_to_a_folder_that_does_not_exist_says_so_and_exits_2() {
    let output = paperlens(&[
        "export",
        "flags",
        "--out",
        "/no/such/folder/flags.csv",
        path_str(&flagged()),
    ]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("check that the folder exists"),
        "{}",
        stderr(&output)
    );
}

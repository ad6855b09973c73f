//! Corpora of papers other than the built-in one: a format-2 corpus of a medical paper (Johnson
//! et al. 2013, life expectancies on antiretroviral treatment) and a format-1 corpus of another
//! (a 2006 editorial on social medicine) check clean, and the format-1 one migrates.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use crate::common;
use common::{assert_exit, fixtures, json_codes, paperlens, path_str, stdout};

fn paper(name: &str) -> PathBuf {
    fixtures().join("papers").join(name)
}

fn json_report(path: &str) -> serde_json::Value {
    let output = paperlens(&["check", path, "--format", "json"]);
    assert_exit(&output, 0);
    serde_json::from_str(&stdout(&output)).expect("--format json prints valid JSON")
}

#[test]
fn the_art_life_expectancy_corpus_checks_clean() {
    let path = paper("art-life-expectancy.json");
    let output = paperlens(&["check", path_str(&path)]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    let summary = out.lines().last().expect("a summary line");
    for expected in [
        "37 references",
        "2 tables (31 rows)",
        "3 figures",
        "2 series points",
        "0 errors, 0 warnings",
    ] {
        assert!(summary.contains(expected), "{expected:?} not in {out}");
    }
    assert!(!out.contains("info["), "{out}");
}

#[test]
fn the_art_life_expectancy_summary_counts_tables_figures_and_footnotes() {
    let path = paper("art-life-expectancy.json");
    let report = json_report(path_str(&path));
    let summary = &report["summary"];
    assert_eq!(summary["tables"], 2, "{summary}");
    assert_eq!(summary["table_rows"], 31, "{summary}");
    assert_eq!(summary["figures"], 3, "{summary}");
    assert_eq!(summary["footnotes"], 0, "{summary}");
    assert_eq!(summary["errors"], 0, "{summary}");
    assert_eq!(summary["warnings"], 0, "{summary}");
    assert!(json_codes(&report).is_empty(), "{report}");
}

#[test]
fn a_format_1_corpus_of_another_paper_checks_with_the_migration_notice_and_no_errors() {
    let path = paper("format1-other-paper.json");
    let output = paperlens(&["check", path_str(&path)]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("info[migrated-format]"), "{out}");
    assert!(out.contains("paperlens migrate"), "{out}");
    let summary = out.lines().last().expect("a summary line");
    assert!(summary.contains("1 table (15 rows)"), "{summary}");
    assert!(summary.contains("0 errors, 0 warnings"), "{summary}");

    let report = json_report(path_str(&path));
    assert_eq!(json_codes(&report), ["migrated-format"]);
    let summary = &report["summary"];
    assert_eq!(summary["tables"], 1, "{summary}");
    assert_eq!(summary["figures"], 0, "{summary}");
    assert_eq!(summary["footnotes"], 0, "{summary}");
    assert_eq!(summary["errors"], 0, "{summary}");
}

#[test]
fn migrating_the_format_1_corpus_writes_format_2_that_checks_clean_without_the_notice() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("migrated.json");
    let old = paper("format1-other-paper.json");
    let output = paperlens(&["migrate", path_str(&old), "--out", path_str(&new)]);
    assert_exit(&output, 0);

    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&new).unwrap()).unwrap();
    assert_eq!(written["format"], "paperlens-corpus/2");
    assert!(written.get("regional_table").is_none(), "{written}");
    let table = &written["tables"][0];
    assert_eq!(table["rows"].as_array().map(Vec::len), Some(15));
    assert_eq!(
        table["rows"][0]["cells"][1], "Arthur Kleinman and Peter Benson",
        "{table}"
    );
    assert_eq!(written["regions"].as_array().map(Vec::len), Some(4));

    let output = paperlens(&["check", path_str(&new)]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    assert!(!out.contains("migrated-format"), "{out}");
    let report = json_report(path_str(&new));
    assert!(json_codes(&report).is_empty(), "{report}");
}

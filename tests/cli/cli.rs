//! The real `paperlens` binary: `check` and `schema` need no window, so these run headless.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use paperlens::corpus::BUILTIN_JSON;

use crate::common;
use common::{assert_exit, fixtures, json_codes, paperlens, stdout, write_temp};

fn check_file(path: &Path, json: bool) -> Output {
    let path = path.to_str().expect("UTF-8 path");
    if json {
        paperlens(&["check", path, "--format", "json"])
    } else {
        paperlens(&["check", path])
    }
}

fn json_output(output: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output)).expect("--format json prints valid JSON")
}

#[test]
fn checking_the_builtin_corpus_succeeds() {
    let output = paperlens(&["check"]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    let summary = out.lines().last().expect("a summary line");
    for expected in ["19 references", "47 citations", "0 errors, 0 warnings"] {
        assert!(
            summary.contains(expected),
            "{expected:?} not in {summary:?}"
        );
    }
}

/// The summary speaks of one case and one table row in the singular.
#[test]
fn the_summary_counts_in_the_right_number() {
    let output = check_file(&fixtures().join("minimal.json"), false);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(
        out.contains("2 references, 5 citations (4 citation groups), 2 sections, 3 paragraphs, 2 entities, 1 case, 1 table (1 row), 1 figure, 0 footnotes, 3 series points; 0 errors, 0 warnings"),
        "{out}"
    );
}

#[test]
fn an_invalid_file_exits_1_with_position_caret_code_and_hint() {
    let path = fixtures().join("invalid/unknown-region.json");
    let text = std::fs::read_to_string(&path).expect("read fixture");
    // Where the offending value `"south"` starts: 1-based line and column.
    let offset = text.find("\"south\"").expect("marker");
    let line = text[..offset].matches('\n').count() + 1;
    let column = offset - text[..offset].rfind('\n').map_or(0, |n| n + 1) + 1;

    let output = check_file(&path, false);
    assert_exit(&output, 1);
    let out = stdout(&output);
    let position = format!("{}:{line}:{column}", path.display());
    assert!(out.contains(&position), "{position} not in:\n{out}");
    assert!(out.contains("error[unknown-region]"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.trim_end().ends_with("^^^^^^^ unknown-region")),
        "no caret line under the 7-byte value:\n{out}"
    );
    assert!(
        out.contains("      \"region\": \"south\","),
        "the offending line is shown:\n{out}"
    );
    assert!(
        out.contains("use the id of an existing region, or add a region with this id"),
        "the hint is shown:\n{out}"
    );
    assert!(out.contains("not loaded; 1 error, 0 warnings"), "{out}");
}

#[test]
fn a_warning_alone_still_exits_0() {
    let output = check_file(&fixtures().join("invalid/uncited-reference.json"), false);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("warning[uncited-reference]"), "{out}");
    assert!(out.contains("0 errors, 1 warning"), "{out}");
}

#[test]
fn a_missing_file_or_a_directory_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-corpus.json");
    let output = check_file(&missing, false);
    assert_exit(&output, 2);
    assert!(stdout(&output).contains("error[io]"), "{}", stdout(&output));

    let output = check_file(dir.path(), false);
    assert_exit(&output, 2);
    assert!(
        stdout(&output).contains("is a directory"),
        "{}",
        stdout(&output)
    );

    let output = check_file(&missing, true);
    assert_exit(&output, 2);
    assert_eq!(json_codes(&json_output(&output)), ["io"]);
}

#[test]
fn a_file_over_the_size_limit_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(paperlens::corpus::MAX_FILE_BYTES + 1)
        .expect("grow the file");
    drop(file);
    let output = check_file(&path, true);
    assert_exit(&output, 2);
    assert_eq!(json_codes(&json_output(&output)), ["too-large"]);
}

#[test]
fn json_output_of_the_builtin_corpus_has_a_summary() {
    let output = paperlens(&["check", "--format", "json"]);
    assert_exit(&output, 0);
    let report = json_output(&output);
    assert_eq!(report["diagnostics"].as_array().map(Vec::len), Some(0));
    assert_eq!(report["summary"]["references"], 19);
    assert_eq!(report["summary"]["citations"], 47);
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 0);
    assert_eq!(report["summary"]["loaded"], true);
}

#[test]
fn json_output_lists_every_diagnostic_with_its_position() {
    let path = fixtures().join("several-problems.json");
    let output = check_file(&path, true);
    assert_exit(&output, 1);
    let report = json_output(&output);
    assert_eq!(report["file"], path.display().to_string());
    let diagnostics = report["diagnostics"].as_array().expect("an array");
    assert_eq!(diagnostics.len(), 8);
    for d in diagnostics {
        assert!(d["code"].is_string(), "{d}");
        assert!(
            d["severity"] == "error" || d["severity"] == "warning",
            "{d}"
        );
        assert!(
            d["path"].as_str().is_some_and(|p| p.starts_with("$.")),
            "{d}"
        );
        assert!(d["line"].as_u64().is_some_and(|l| l > 1), "{d}");
        assert!(d["column"].as_u64().is_some_and(|c| c > 1), "{d}");
        assert!(d["message"].is_string() && d["hint"].is_string(), "{d}");
    }
    let region = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-region")
        .expect("unknown-region reported");
    assert_eq!(region["path"], "$.cases[0].region");
    assert_eq!(report["summary"]["errors"], 7);
    assert_eq!(report["summary"]["warnings"], 1);
    assert_eq!(report["summary"]["loaded"], false);
}

#[test]
fn a_truncated_corpus_exits_1_with_a_syntax_error_and_never_panics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let end = BUILTIN_JSON.trim_end().len();
    let offsets = [
        0,
        1,
        2,
        17,
        100,
        1000,
        end / 3,
        end / 2,
        2 * end / 3,
        end - 1,
    ];
    for offset in offsets {
        let mut cut = offset;
        while !BUILTIN_JSON.is_char_boundary(cut) {
            cut -= 1;
        }
        let path = write_temp(
            &dir,
            &format!("cut-{offset}.json"),
            &BUILTIN_JSON.as_bytes()[..cut],
        );
        let output = check_file(&path, true);
        assert_exit(&output, 1);
        assert_eq!(
            json_codes(&json_output(&output)),
            ["json-syntax"],
            "cut at {cut}"
        );
        // The human form too.
        let output = check_file(&path, false);
        assert_exit(&output, 1);
        assert!(
            stdout(&output).contains("error[json-syntax]"),
            "cut at {cut}"
        );
    }
}

#[test]
fn deeply_nested_json_fails_quickly_without_overflowing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let depth = 100_000;
    let array = "[".repeat(depth) + &"]".repeat(depth);
    let top_level = write_temp(&dir, "deep-array.json", array.as_bytes());
    // Unknown CSL fields of a reference take any JSON, so the depth itself is the problem.
    let inside = format!(
        "{{\"format\": \"paperlens-corpus/2\", \"references\": [{{\"id\": \"x\", \"type\": \"book\", \"deep\": {array}}}]}}"
    );
    let nested = write_temp(&dir, "deep-in-reference.json", inside.as_bytes());

    for (path, code) in [(&top_level, "json-type"), (&nested, "json-syntax")] {
        let started = Instant::now();
        let output = check_file(path, true);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "took {:?}",
            started.elapsed()
        );
        assert_exit(&output, 1);
        assert_eq!(
            json_codes(&json_output(&output)),
            [code],
            "{}",
            path.display()
        );
    }
    let output = check_file(&nested, false);
    assert_exit(&output, 1);
    assert!(
        stdout(&output).contains("nests arrays or objects too deeply"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn invalid_utf8_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = BUILTIN_JSON.as_bytes().to_vec();
    bytes.insert(200, 0xFF);
    let path = write_temp(&dir, "latin1.json", &bytes);
    let output = check_file(&path, true);
    assert_exit(&output, 1);
    assert_eq!(json_codes(&json_output(&output)), ["invalid-utf8"]);
    let output = check_file(&path, false);
    assert_exit(&output, 1);
    assert!(stdout(&output).contains("error[invalid-utf8]"));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = format!("\u{feff}{BUILTIN_JSON}");
    let path = write_temp(&dir, "bom.json", text.as_bytes());
    let output = check_file(&path, false);
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("19 references"));
    assert!(stdout(&output).contains("0 errors, 0 warnings"));
}

#[test]
fn the_fixture_corpora_check_clean() {
    let output = check_file(&fixtures().join("minimal.json"), false);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&output)
    );
    let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/fitria-2025.json");
    let output = check_file(&builtin, false);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = paperlens(&["schema"]);
    assert_exit(&output, 0);
    let committed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/schema.json"))
            .expect("read corpus/schema.json");
    assert_eq!(
        stdout(&output),
        committed,
        "regenerate with `cargo run --no-default-features -- schema > corpus/schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).expect("valid JSON");
    assert!(schema["properties"]["format"].is_object());
}

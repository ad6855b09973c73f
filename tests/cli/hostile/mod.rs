//! Hostile input: what a half-downloaded file, a corpus typed by hand or a file that is not a
//! corpus at all does to paperlens. Every case goes through the opening layer (`open_path`,
//! `open_bytes`, `open_text`) and most through the real binary (`paperlens check FILE`); each
//! must end, within a bounded time, with a diagnostic naming what is wrong (its code) and where
//! (line and column, or JSON path), and never with a panic.
//!
//! Small hand-written cases live in `tests/fixtures/hostile/`; large ones are generated into a
//! temporary directory here and never committed.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use paperlens::corpus::diagnostics::{Diagnostic, JsonPath, render_human, render_json};
use paperlens::corpus::load::{LoadFailure, LoadReport};
use paperlens::corpus::search::SearchIndex;
use paperlens::corpus::sentences::split_sentences;
use paperlens::corpus::validate::MAX_DIAGNOSTICS;
use paperlens::corpus::{BUILTIN_JSON, Corpus, Item, ItemKind, MAX_FILE_BYTES, Severity};
use paperlens::formats::ReferenceFormat;
use paperlens::formats::import::{Imported, import};
use paperlens::open::{open_bytes, open_path, open_text};
use serde_json::{Value, json};

mod bibliographies;
mod encodings_and_sizes;
mod fixtures_and_crashes;
mod links_and_keys;
mod scale;
mod scripts;
mod truncated_and_types;

use crate::common;
use crate::validation_rules::{codes, describe, path_of};
use common::{json_codes, write_temp};

// ---------------------------------------------------------------------------------------------
// Helpers

fn hostile_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn fixture(name: &str) -> PathBuf {
    hostile_fixtures().join(name)
}

fn minimal_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.json");
    std::fs::read_to_string(path).expect("read minimal.json")
}

fn minimal() -> Value {
    serde_json::from_str(&minimal_text()).expect("minimal.json is JSON")
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("serialise")
}

/// Runs `f`, failing the test when it takes longer than `limit`.
fn within<T>(limit: Duration, what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = f();
    let took = started.elapsed();
    assert!(took < limit, "{what} took {took:?} (limit {limit:?})");
    result
}

/// A guard against a hang or a super-linear blow-up, not a speed target (speed is measured in
/// `benches/`): the shapes that were quadratic took many minutes; linear reading of the largest
/// takes a few seconds in a debug build, and up to three times that on a loaded machine.
const BOUND: Duration = Duration::from_secs(40);

/// Every diagnostic names what (a code and a message) and where (a location inside the text it
/// was read from, or a JSON path, or the whole file for I/O problems); the human and JSON
/// renderings work on it.
fn assert_well_formed(report: &LoadReport) {
    if report.corpus.is_none() {
        assert!(
            report.diagnostics.iter().any(Diagnostic::is_error),
            "{}: no corpus but no error",
            report.source_name
        );
    }
    for d in &report.diagnostics {
        assert!(!d.message.trim().is_empty(), "{d:?}");
        assert!(!d.hint.trim().is_empty(), "{d:?}");
        assert!(
            d.message.chars().count() < 1000,
            "a message of {} chars",
            d.message.len()
        );
        if let (Some(location), Some(text)) = (d.location, &report.source_text) {
            assert!(location.offset <= text.len(), "{d:?}");
            assert!(text.is_char_boundary(location.offset), "{d:?}");
            assert!(location.line >= 1 && location.column >= 1, "{d:?}");
        }
    }
    let human = render_human(
        &report.diagnostics,
        &report.source_name,
        report.source_text.as_deref(),
        false,
    );
    for d in &report.diagnostics {
        assert!(
            human.contains(&format!("[{}]", d.code)),
            "{} missing from:\n{human}",
            d.code
        );
    }
    let json = render_json(&report.diagnostics, &report.source_name, &Value::Null);
    let parsed: Value = serde_json::from_str(&json).expect("render_json gives JSON");
    assert_eq!(
        parsed["diagnostics"].as_array().map(Vec::len),
        Some(report.diagnostics.len())
    );
}

/// 1-based line of the first occurrence of `marker` in `text`.
fn line_of(text: &str, marker: &str) -> usize {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} not found"));
    text[..at].matches('\n').count() + 1
}

/// 1-based column, in characters, of the first occurrence of `marker` in `text`.
fn column_of(text: &str, marker: &str) -> usize {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} not found"));
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    text[line_start..at].chars().count() + 1
}

/// The real binary on `args`; asserts it did not panic and ended within [`BOUND`].
fn paperlens(args: &[&str]) -> Output {
    let started = Instant::now();
    let output = common::paperlens(args);
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{args:?} panicked:\n{stderr}");
    assert!(took < BOUND, "{args:?} took {took:?}");
    output
}

/// `paperlens check FILE --format json`: the exit code and the report.
fn check_json(path: &Path) -> (i32, Value) {
    let output = paperlens(&[
        "check",
        path.to_str().expect("UTF-8 path"),
        "--format",
        "json",
    ]);
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let report: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("--format json printed no JSON ({e}):\n{stdout}"));
    (output.status.code().expect("an exit code"), report)
}

/// `paperlens check FILE`: the exit code and what it printed.
fn check_human(path: &Path) -> (i32, String) {
    let output = paperlens(&["check", path.to_str().expect("UTF-8 path")]);
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    (output.status.code().expect("an exit code"), stdout)
}

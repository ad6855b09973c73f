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
use paperlens::corpus::index::split_sentences;
use paperlens::corpus::load::{LoadFailure, LoadReport};
use paperlens::corpus::search::SearchIndex;
use paperlens::corpus::validate::MAX_DIAGNOSTICS;
use paperlens::corpus::{BUILTIN_JSON, Corpus, Item, ItemKind, MAX_FILE_BYTES, Severity};
use paperlens::formats::ReferenceFormat;
use paperlens::formats::import::{Imported, import};
use paperlens::open::{open_bytes, open_path, open_text};
use serde_json::{Value, json};

use crate::common;
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

fn describe(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| format!("{d} @ {:?}", d.location.map(|l| (l.line, l.column))))
        .collect::<Vec<_>>()
        .join("\n")
}

fn codes(report: &LoadReport) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn path_of(diagnostic: &Diagnostic) -> Option<String> {
    diagnostic.path.as_ref().map(ToString::to_string)
}

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

// ---------------------------------------------------------------------------------------------
// Truncated files

/// A download that stopped at any byte: cut mid-token, mid-string and mid-character (which the
/// library sees as bytes, not text), the file never loads and says why at its end.
#[test]
fn a_corpus_cut_at_any_byte_reports_where_it_ends() {
    let bytes = BUILTIN_JSON.as_bytes();
    let end = BUILTIN_JSON.trim_end().len();
    // Every byte of the first 400, then odd steps (so every phase of every token is hit
    // somewhere), and inside each of the first multi-byte characters.
    let mut cuts: Vec<usize> = (1..400).chain((400..end).step_by(89)).collect();
    cuts.extend(
        BUILTIN_JSON
            .char_indices()
            .filter(|(_, c)| c.len_utf8() > 1)
            .take(40)
            .flat_map(|(i, c)| (1..c.len_utf8()).map(move |k| i + k)),
    );
    let mut mid_char_cuts = 0;
    for cut in cuts {
        let report = open_bytes(&bytes[..cut], "cut.json");
        assert!(report.corpus.is_none(), "a {cut}-byte prefix loaded");
        assert_eq!(report.failure(), Some(LoadFailure::Invalid), "cut at {cut}");
        assert_eq!(report.diagnostics.len(), 1, "cut at {cut}");
        let d = &report.diagnostics[0];
        let location = d.location.expect("located");
        if BUILTIN_JSON.is_char_boundary(cut) {
            assert_eq!(d.code.as_str(), "json-syntax", "cut at {cut}: {d}");
            // Reported on the last line of what is there.
            let text = &BUILTIN_JSON[..cut];
            let last_line = text.trim_end().matches('\n').count() + 1;
            assert!(
                location.line >= last_line.saturating_sub(1) && location.line <= last_line + 1,
                "cut at {cut}: line {} for a text of {last_line} lines",
                location.line
            );
        } else {
            mid_char_cuts += 1;
            assert_eq!(d.code.as_str(), "invalid-utf8", "cut at {cut}");
            assert!(
                d.message.contains("truncated"),
                "a character cut off by the end of the file is called a truncation: {d}"
            );
            assert_eq!(location.offset, BUILTIN_JSON.floor_char_boundary(cut));
        }
        assert_well_formed(&report);
    }
    assert!(
        mid_char_cuts > 0,
        "no cut fell inside a multi-byte character"
    );
}

/// The same through the binary, at a handful of offsets: exit 1, one located diagnostic.
#[test]
fn the_binary_reports_a_truncated_file_with_its_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = BUILTIN_JSON.as_bytes();
    // A cut inside the first non-ASCII character, and a few plain ones.
    let non_ascii = BUILTIN_JSON
        .char_indices()
        .find(|(_, c)| !c.is_ascii())
        .map(|(i, _)| i + 1)
        .expect("the built-in corpus has non-ASCII text");
    for cut in [1, 7, 40, 1234, non_ascii, bytes.len() / 2, bytes.len() - 2] {
        let path = write_temp(&dir, &format!("cut-{cut}.json"), &bytes[..cut]);
        let (code, report) = check_json(&path);
        assert_eq!(code, 1, "cut at {cut}: {report}");
        let diagnostics = report["diagnostics"].as_array().expect("an array");
        assert_eq!(diagnostics.len(), 1, "cut at {cut}: {report}");
        let d = &diagnostics[0];
        assert!(
            d["code"] == "json-syntax" || d["code"] == "invalid-utf8",
            "{d}"
        );
        assert!(d["line"].as_u64().is_some_and(|l| l >= 1), "{d}");
        assert!(d["column"].as_u64().is_some_and(|c| c >= 1), "{d}");
    }
}

// ---------------------------------------------------------------------------------------------
// Wrong types at every level

/// Every node of `value` with its JSON path, depth first.
fn nodes(value: &Value, path: &JsonPath, out: &mut Vec<(JsonPath, usize)>, depth: usize) {
    out.push((path.clone(), depth));
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                nodes(child, &path.key(key), out, depth + 1);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                nodes(child, &path.index(i), out, depth + 1);
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(value: &'a mut Value, path: &JsonPath) -> &'a mut Value {
    use paperlens::corpus::diagnostics::PathSegment;
    let mut current = value;
    for segment in &path.0 {
        current = match segment {
            PathSegment::Key(key) => current.get_mut(key.as_str()).expect("key"),
            PathSegment::Index(i) => current.get_mut(*i).expect("index"),
        };
    }
    current
}

/// A value of another JSON type than `value`, picked by `turn` so that every replacement type
/// is used. Each is written on one line, so the line a node stands on does not move.
fn other_type(value: &Value, turn: usize) -> Value {
    let choices = match value {
        Value::Object(_) => [json!("wrong-type"), json!(424_242), json!([]), json!(true)],
        Value::Array(_) => [json!("wrong-type"), json!(424_242), json!({}), json!(false)],
        Value::String(_) => [json!(424_242), json!([]), json!({}), json!(true)],
        Value::Number(_) | Value::Null => [json!("wrong-type"), json!([]), json!({}), json!(true)],
        Value::Bool(_) => [json!("wrong-type"), json!(424_242), json!([]), json!({})],
    };
    choices[turn % choices.len()].clone()
}

/// The built-in corpus with the node at `path` replaced by `replacement`, and the line that
/// node stands on.
fn replaced(builtin: &Value, path: &JsonPath, replacement: &Value) -> (String, usize) {
    const SENTINEL: &str = "@@replaced-node@@";
    let mut copy = builtin.clone();
    *node_mut(&mut copy, path) = json!(SENTINEL);
    let text = pretty(&copy);
    let line = line_of(&text, SENTINEL);
    let replacement = serde_json::to_string(replacement).expect("serialise");
    (text.replace(&format!("\"{SENTINEL}\""), &replacement), line)
}

/// Each object, array, string, number, boolean and null of the built-in corpus in turn replaced
/// by a value of another type (every node, so every nesting level): the file never loads, and
/// the error names the very path replaced, as a type error, on the line it stands on.
#[test]
fn a_value_of_the_wrong_type_anywhere_is_reported_at_its_path_and_line() {
    let builtin: Value = serde_json::from_str(BUILTIN_JSON).expect("the built-in corpus is JSON");
    let mut all = Vec::new();
    nodes(&builtin, &JsonPath::root(), &mut all, 0);
    let deepest = all.iter().map(|(_, depth)| *depth).max().unwrap_or(0);
    assert!(all.len() > 1000 && deepest >= 6, "{} nodes", all.len());
    let mut per_depth = vec![0; deepest + 1];
    let mut failures = Vec::new();
    for (turn, (path, depth)) in all.iter().enumerate() {
        let original = node_mut(&mut builtin.clone(), path).clone();
        let replacement = other_type(&original, turn);
        let (text, line) = replaced(&builtin, path, &replacement);
        let report = open_text(&text, "wrong-type.json");
        let context = format!(
            "{path} = {replacement} (was {}): {}",
            truncate(&original.to_string(), 60),
            describe(&report.diagnostics)
        );
        let Some(d) = report
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == "json-type")
        else {
            failures.push(format!("no json-type diagnostic: {context}"));
            continue;
        };
        let expected_path = (!path.0.is_empty()).then(|| path.to_string());
        if report.corpus.is_some()
            || path_of(d) != expected_path
            || d.location.map(|l| l.line) != Some(line)
        {
            failures.push(format!("expected line {line}: {context}"));
        }
        assert_well_formed(&report);
        per_depth[*depth] += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        per_depth.iter().all(|&n| n > 0),
        "a nesting level without a case: {per_depth:?}"
    );
}

fn truncate(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

/// One replacement per nesting level through the binary: exit 1 and the same path and line in
/// `--format json`, and the caret line in the human form.
#[test]
fn the_binary_reports_a_wrong_type_at_each_level_with_path_and_line() {
    let builtin: Value = serde_json::from_str(BUILTIN_JSON).expect("JSON");
    let mut all = Vec::new();
    nodes(&builtin, &JsonPath::root(), &mut all, 0);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut seen_depths = Vec::new();
    for (turn, (path, depth)) in all.iter().enumerate() {
        if *depth == 0 || seen_depths.contains(depth) {
            continue;
        }
        seen_depths.push(*depth);
        let original = node_mut(&mut builtin.clone(), path).clone();
        let (text, line) = replaced(&builtin, path, &other_type(&original, turn));
        let file = write_temp(&dir, &format!("depth-{depth}.json"), text.as_bytes());
        let (code, report) = check_json(&file);
        assert_eq!(code, 1, "{path}: {report}");
        let d = &report["diagnostics"][0];
        assert_eq!(d["code"], "json-type", "{path}: {report}");
        assert_eq!(d["path"], path.to_string(), "{report}");
        assert_eq!(d["line"], line, "{report}");
        let (code, human) = check_human(&file);
        assert_eq!(code, 1);
        assert!(
            human.contains(&format!("{}:{line}:", file.display())),
            "{human}"
        );
        assert!(human.contains("^ json-type"), "no caret:\n{human}");
    }
    assert!(seen_depths.len() >= 6, "{seen_depths:?}");
}

// ---------------------------------------------------------------------------------------------
// Encodings and odd bytes

#[test]
fn bytes_that_are_not_utf8_are_reported_at_the_bad_byte() {
    let text = minimal_text();
    let marker = "A network of organisations";
    let at = text.find(marker).expect("marker");
    let cases: [(&str, &[u8]); 4] = [
        ("latin-1 é", &[0xE9]),
        ("overlong NUL", &[0xC0, 0x80]),
        ("UTF-16 surrogate", &[0xED, 0xA0, 0x80]),
        ("lone continuation", &[0x80, 0x80]),
    ];
    for (what, bad) in cases {
        let mut bytes = text.as_bytes().to_vec();
        bytes.splice(at..at, bad.iter().copied());
        let report = open_bytes(&bytes, "encoding.json");
        assert_eq!(codes(&report), ["invalid-utf8"], "{what}");
        let d = &report.diagnostics[0];
        assert_eq!(
            d.location.map(|l| (l.line, l.column)),
            Some((line_of(&text, marker), column_of(&text, marker))),
            "{what}"
        );
        assert!(d.message.contains(&format!("offset {at}")), "{what}: {d}");
        assert!(d.hint.contains("UTF-8"), "{what}: {d}");
        assert_well_formed(&report);
    }
}

/// A file saved as UTF-16 (with its byte-order mark) is not taken for garbage JSON: it is named
/// an encoding problem at its first byte, and the binary exits 1.
#[test]
fn a_utf16_file_is_an_encoding_problem_at_its_first_byte() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(minimal_text().encode_utf16().flat_map(u16::to_le_bytes));
    let report = open_bytes(&bytes, "utf16.json");
    assert_eq!(codes(&report), ["invalid-utf8"]);
    assert_eq!(report.diagnostics[0].location.map(|l| l.offset), Some(0));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "utf16.json", &bytes);
    let (code, report) = check_json(&path);
    assert_eq!(
        (code, json_codes(&report)),
        (1, vec!["invalid-utf8".into()])
    );
}

/// A UTF-8 byte-order mark loads; lines and columns after it are those an editor shows; a
/// second mark is not taken for the first and is shown escaped, not as an invisible character.
#[test]
fn a_byte_order_mark_loads_and_locations_after_it_are_right() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(minimal_text().as_bytes());
    let report = open_bytes(&bytes, "bom.json");
    assert!(report.corpus.is_some(), "{}", describe(&report.diagnostics));
    assert!(report.diagnostics.is_empty());

    let report = open_path(&fixture("bom-then-wrong-type.json"));
    assert_eq!(codes(&report), ["json-type"]);
    let d = &report.diagnostics[0];
    assert_eq!(path_of(d).as_deref(), Some("$.paper.title"));
    assert_eq!(d.location.map(|l| l.line), Some(3));
    let (code, human) = check_human(&fixture("bom-then-wrong-type.json"));
    assert_eq!(code, 1);
    assert!(human.contains("bom-then-wrong-type.json:3:"), "{human}");

    let twice = format!("\u{feff}\u{feff}{}", minimal_text());
    let report = open_text(&twice, "two-boms.json");
    assert!(report.corpus.is_none());
    assert_eq!(codes(&report), ["json-type"]);
    assert!(
        report.diagnostics[0].message.contains("\\u{feff}"),
        "{}",
        report.diagnostics[0]
    );
}

#[test]
fn nul_bytes_are_reported_where_they_stand() {
    // A raw NUL inside a string: JSON forbids control characters there.
    let report = open_path(&fixture("nul-in-string.json"));
    assert_eq!(
        codes(&report),
        ["json-syntax"],
        "{}",
        describe(&report.diagnostics)
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.location.map(|l| l.line), Some(3));
    assert!(d.message.contains("control character"), "{d}");
    assert_well_formed(&report);

    // A raw NUL between tokens.
    let text = minimal_text().replacen("\"paper\"", "\0\"paper\"", 1);
    let report = open_text(&text, "nul-between.json");
    assert_eq!(codes(&report), ["json-syntax"]);
    assert_eq!(
        report.diagnostics[0].location.map(|l| (l.line, l.column)),
        Some((3, 3))
    );

    // An escaped NUL is text like any other: it loads, indexes and searches.
    let mut value = minimal();
    value["sections"][1]["paragraphs"][1]["text"] =
        json!("Source:\0 Example\0Network annual report.");
    let report = open_text(&pretty(&value), "escaped-nul.json");
    let corpus = report.corpus.as_ref().expect("loads");
    let hits = SearchIndex::new(corpus).search("annual report", 5);
    assert!(hits.iter().any(|h| matches!(h.item, Item::Paragraph(_))));

    // A file of NULs only (space reserved by a download that never came): named, escaped.
    let dir = tempfile::tempdir().expect("temp dir");
    let zeros = write_temp(&dir, "reserved.json", &[0; 4096]);
    let report = open_path(&zeros);
    assert_eq!(codes(&report), ["json-type"]);
    assert!(
        report.diagnostics[0].message.contains("`\\0`"),
        "{}",
        report.diagnostics[0]
    );
    let (code, human) = check_human(&zeros);
    assert_eq!(code, 1);
    assert!(!human.contains('\0'), "a raw NUL printed to the terminal");
    assert!(human.contains("reserved.json:1:1"), "{human}");
}

// ---------------------------------------------------------------------------------------------
// Nesting, size, emptiness, files that are not files

/// 100 000 levels of objects and arrays, in places where any JSON is allowed and at the end of a
/// valid corpus: refused quickly by the recursion limit, in a test thread (no stack overflow).
#[test]
fn very_deep_nesting_is_refused_quickly_without_overflowing() {
    let depth = 100_000;
    let objects = "{\"x\": ".repeat(depth) + "1" + &"}".repeat(depth);
    let arrays = "[".repeat(depth) + &"]".repeat(depth);
    let mut in_reference = minimal();
    in_reference["references"][0]["deep"] = json!("@@deep@@");
    let in_reference = pretty(&in_reference);
    let cases = [
        (
            "objects in an unknown CSL field",
            in_reference.replace("\"@@deep@@\"", &objects),
            "json-syntax",
        ),
        (
            "arrays in an unknown CSL field",
            in_reference.replace("\"@@deep@@\"", &arrays),
            "json-syntax",
        ),
        (
            "objects after the corpus",
            minimal_text() + &objects,
            "json-syntax",
        ),
        (
            "objects where the paper goes",
            minimal_text().replacen(
                "\"paper\": {",
                &format!("\"paper\": {objects}, \"p\": {{"),
                1,
            ),
            "json-type",
        ),
    ];
    for (what, text, code) in cases {
        let report = within(BOUND, what, || open_text(&text, "deep.json"));
        assert!(report.corpus.is_none(), "{what}");
        assert_eq!(
            codes(&report),
            [code],
            "{what}: {}",
            describe(&report.diagnostics)
        );
        assert!(report.diagnostics[0].location.is_some(), "{what}");
        // The path names where the nesting starts, not a hundred `[0]`s.
        if what.ends_with("in an unknown CSL field") {
            assert_eq!(
                path_of(&report.diagnostics[0]).as_deref(),
                Some("$.references[0].deep"),
                "{what}"
            );
            assert!(
                report.diagnostics[0]
                    .message
                    .contains("levels inside this value"),
                "{what}: {}",
                report.diagnostics[0].message
            );
        }
        assert_well_formed(&report);
    }
    // Through the binary too (its main thread has the usual stack).
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(
        &dir,
        "deep-objects.json",
        in_reference.replace("\"@@deep@@\"", &objects).as_bytes(),
    );
    let (code, report) = check_json(&path);
    assert_eq!((code, json_codes(&report)), (1, vec!["json-syntax".into()]));
}

/// A 200 MB file (sparse, so the test writes nothing) is refused from its size alone: at once,
/// and without reading it (the binary runs with 150 MB of address space).
#[test]
fn a_200_mb_file_is_refused_at_once_without_being_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(200 * 1024 * 1024).expect("grow the file");
    drop(file);

    let report = within(Duration::from_secs(1), "load_path", || open_path(&path));
    assert_eq!(codes(&report), ["too-large"]);
    assert_eq!(report.failure(), Some(LoadFailure::Unreadable));
    assert!(report.diagnostics[0].message.contains("200 MiB"));
    assert!(report.diagnostics[0].message.contains("64 MiB"));
    assert!(report.source_text.is_none());

    let started = Instant::now();
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 153600 && exec \"$0\" check \"$1\" --format json")
        .arg(env!("CARGO_BIN_EXE_paperlens"))
        .arg(&path)
        .output()
        .expect("run paperlens under sh");
    assert!(started.elapsed() < Duration::from_secs(5));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json_codes(&report), ["too-large"]);
}

/// A device that never ends is read up to the limit and refused, not read forever.
#[test]
fn an_endless_device_is_cut_at_the_limit() {
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        println!("skipped: no /dev/zero on this system");
        return;
    }
    let report = within(BOUND, "/dev/zero", || open_path(zero));
    assert_eq!(codes(&report), ["too-large"]);
    assert!(report.source_text.is_none());
    assert!(
        report.diagnostics[0]
            .message
            .contains(&format!("{} MiB", MAX_FILE_BYTES / (1024 * 1024)))
    );
}

#[test]
fn an_empty_or_blank_file_is_called_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in [
        ("empty.json", &b""[..]),
        ("blank.json", &b" \n\t\r\n  "[..]),
        ("bom-only.json", &b"\xEF\xBB\xBF"[..]),
    ] {
        let path = write_temp(&dir, name, bytes);
        let report = open_path(&path);
        assert_eq!(codes(&report), ["json-syntax"], "{name}");
        assert!(report.diagnostics[0].message.contains("empty"), "{name}");
        assert_eq!(report.failure(), Some(LoadFailure::Invalid), "{name}");
        assert_well_formed(&report);
        let (code, human) = check_human(&path);
        assert_eq!(code, 1, "{name}");
        assert!(
            human.contains("error[json-syntax]: the file is empty"),
            "{human}"
        );
    }
    let null = Path::new("/dev/null");
    if null.exists() {
        assert_eq!(codes(&open_path(null)), ["json-syntax"]);
    }
}

#[test]
fn a_directory_is_not_read_as_a_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = open_path(dir.path());
    assert_eq!(codes(&report), ["io"]);
    assert_eq!(report.failure(), Some(LoadFailure::Unreadable));
    let d = &report.diagnostics[0];
    assert!(d.message.contains("is a directory"), "{d}");
    assert!(d.message.contains(&dir.path().display().to_string()), "{d}");
}

/// chmod 000: the error names the file and the permission problem, exit 2. Root reads such a
/// file anyway, so the case is skipped there (and says so).
#[test]
fn an_unreadable_file_names_the_permission_problem() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "locked.json", minimal_text().as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if std::fs::read(&path).is_ok() {
        println!(
            "skipped: this test runs as root (or with CAP_DAC_OVERRIDE), which can read a chmod 000 file"
        );
        return;
    }
    let report = open_path(&path);
    assert_eq!(codes(&report), ["io"]);
    assert_eq!(report.failure(), Some(LoadFailure::Unreadable));
    let d = &report.diagnostics[0];
    assert!(d.message.contains("locked.json"), "{d}");
    assert!(d.message.to_lowercase().contains("permission"), "{d}");
    let (code, _) = check_json(&path);
    assert_eq!(code, 2);
}

// ---------------------------------------------------------------------------------------------
// Duplicates, cycles, self references

/// Two `title` keys in one object: serde's duplicate-field error, as a located type error.
#[test]
fn a_duplicate_key_is_a_located_type_error() {
    let path = fixture("duplicate-title-key.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let report = open_path(&path);
    assert_eq!(
        codes(&report),
        ["json-type"],
        "{}",
        describe(&report.diagnostics)
    );
    let d = &report.diagnostics[0];
    assert!(
        d.message
            .contains("the key `title` is written twice in `paper`"),
        "{d}"
    );
    // The path names the object holding the key twice; the line is the second key's.
    assert_eq!(path_of(d).as_deref(), Some("$.paper"));
    assert_eq!(
        d.location.map(|l| l.line),
        Some(line_of(&text, "\"title\": \"The same key again\""))
    );
    let (code, report) = check_json(&path);
    assert_eq!(code, 1);
    assert_eq!(report["diagnostics"][0]["path"], "$.paper");

    // The same in a reference (whose unknown keys are kept), at the top level, and in a note
    // target (an object with exactly one key).
    for (what, from, to, expected_path) in [
        (
            "reference",
            "\"title\": \"Counting cases in the North\",",
            "\"title\": \"Counting cases in the North\", \"title\": \"Again\",",
            Some("$.references[0]"),
        ),
        (
            "root",
            "\"format\": \"paperlens-corpus/2\",",
            "\"format\": \"paperlens-corpus/2\", \"format\": \"paperlens-corpus/2\",",
            None,
        ),
        (
            "note target",
            "\"reference\": \"doe2021\"",
            "\"reference\": \"doe2021\", \"reference\": \"smith2020\"",
            Some("$.notes[0].about[0]"),
        ),
    ] {
        let text = minimal_text().replacen(from, to, 1);
        let report = open_text(&text, "dup.json");
        assert!(report.corpus.is_none(), "{what}");
        assert_eq!(
            codes(&report),
            ["json-type"],
            "{what}: {}",
            describe(&report.diagnostics)
        );
        let d = &report.diagnostics[0];
        assert_eq!(path_of(d).as_deref(), expected_path, "{what}: {d}");
        assert_eq!(
            d.location.map(|l| l.line),
            Some(line_of(&text, to)),
            "{what}"
        );
    }
}

/// A second record of each kind with the first one's id: a duplicate-id error at the second
/// `id`, naming where the first is.
#[test]
fn a_duplicate_id_of_every_kind_is_reported_at_the_second() {
    let kinds: [(&str, &[&str]); 9] = [
        ("section", &["sections"]),
        ("paragraph", &["sections", "0", "paragraphs"]),
        ("reference", &["references"]),
        ("entity", &["entities"]),
        ("case", &["cases"]),
        ("region", &["regions"]),
        ("table row", &["tables", "0", "rows"]),
        ("series", &["series"]),
        ("note", &["notes"]),
    ];
    for (kind, steps) in kinds {
        let mut value = minimal();
        let mut list = &mut value;
        for step in steps {
            list = match step.parse::<usize>() {
                Ok(i) => &mut list[i],
                Err(_) => &mut list[*step],
            };
        }
        let list = list.as_array_mut().expect("an array");
        let mut copy = list[0].clone();
        let id = copy["id"].as_str().expect("an id").to_owned();
        // Keep the copy from tripping other rules where that is easy.
        if let Some(number) = copy.get_mut("citation-number") {
            *number = json!(99);
        }
        list.push(copy);
        let second = list.len() - 1;
        let text = pretty(&value);
        let report = open_text(&text, "dup-id.json");
        assert!(report.corpus.is_none(), "{kind}");
        let expected_path = format!(
            "$.{}[{second}].id",
            steps
                .iter()
                .map(|s| s
                    .parse::<usize>()
                    .map_or(format!(".{s}"), |i| format!("[{i}]")))
                .collect::<String>()
                .trim_start_matches('.')
        );
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == "duplicate-id")
            .unwrap_or_else(|| panic!("{kind}: {}", describe(&report.diagnostics)));
        assert_eq!(path_of(d), Some(expected_path.clone()), "{kind}");
        assert!(d.message.contains(&format!("`{id}`")), "{kind}: {d}");
        assert!(d.message.contains("first at $."), "{kind}: {d}");
        let location = d.location.expect("located");
        assert!(
            text.lines()
                .nth(location.line - 1)
                .is_some_and(|l| l.contains(&id))
        );
        assert_well_formed(&report);
    }
}

#[test]
fn section_cycles_and_self_parents_are_each_reported() {
    let path = fixture("section-parent-cycle.json");
    let report = open_path(&path);
    assert!(report.corpus.is_none());
    let cycles: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "section-cycle")
        .filter_map(path_of)
        .collect();
    assert_eq!(
        cycles,
        [
            "$.sections[0].parent",
            "$.sections[1].parent",
            "$.sections[2].parent",
            "$.sections[3].parent"
        ],
        "{}",
        describe(&report.diagnostics)
    );
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("`d` is its own parent"))
    );
    assert!(report.diagnostics.iter().all(|d| d.location.is_some()));
    let (code, report) = check_json(&path);
    assert_eq!(code, 1);
    assert_eq!(json_codes(&report), ["section-cycle"; 4]);
}

/// Notes may not be about notes: the format has no such target, and saying so names the
/// variants it has.
#[test]
fn a_note_about_itself_is_refused_with_the_targets_allowed() {
    let report = open_path(&fixture("note-about-itself.json"));
    assert_eq!(codes(&report), ["json-type"]);
    let d = &report.diagnostics[0];
    assert_eq!(path_of(d).as_deref(), Some("$.notes[0].about[0]"));
    assert!(
        d.message
            .contains("`note` is not one of the values allowed here"),
        "{d}"
    );
    assert!(d.hint.contains("reference"), "{d}");
    assert!(d.location.is_some());
}

/// A note about a series point the series does not have, and a case naming a paragraph that is
/// a figure source: one error, one accepted.
#[test]
fn dangling_self_links_are_reported() {
    let mut value = minimal();
    value["notes"][1]["about"][0]["series_point"]["year"] = json!(1999);
    value["cases"][0]["paragraphs"] = json!(["data.figure1", "data.p1", "data.p1"]);
    let report = open_text(&pretty(&value), "dangling.json");
    assert_eq!(
        codes(&report),
        ["unknown-series"],
        "{}",
        describe(&report.diagnostics)
    );
    assert!(report.diagnostics[0].message.contains("no point for 1999"));
    assert_eq!(
        path_of(&report.diagnostics[0]).as_deref(),
        Some("$.notes[1].about[0].series_point.year")
    );
}

// ---------------------------------------------------------------------------------------------
// Citation keys

#[test]
fn citation_keys_with_punctuation_and_letters_beyond_ascii_load_and_link() {
    let report = open_path(&fixture("citation-keys.json"));
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        describe(&report.diagnostics)
    );
    let corpus = report.corpus.expect("loads");
    let printed = &corpus.index.paragraphs[0].printed;
    assert_eq!(
        printed,
        "Punctuation in a key [1]. Letters beyond ASCII [2], [1]."
    );
    let citing = [0, 1].map(|r| corpus.index.linked(Item::Reference(r), ItemKind::Citation));
    assert_eq!(citing, [&[0, 1][..], &[1][..]]);
    assert_eq!(
        corpus.index.citing_sentence(1),
        Some("Letters beyond ASCII [2], [1].")
    );
}

/// A diagnostic reduced to its code, JSON path and (line, column).
type Found<'a> = (&'a str, Option<String>, Option<(usize, usize)>);

#[test]
fn malformed_citations_are_each_located_in_their_paragraph() {
    let path = fixture("citation-keys-malformed.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let report = open_path(&path);
    assert!(report.corpus.is_none());
    let found: Vec<Found<'_>> = report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                path_of(d),
                d.location.map(|l| (l.line, l.column)),
            )
        })
        .collect();
    let at = |marker: &str| Some((line_of(&text, marker), column_of(&text, marker)));
    let p = |i: usize| Some(format!("$.sections[0].paragraphs[{i}].text"));
    assert_eq!(
        found,
        [
            ("malformed-citation", p(0), at("[@] here")),
            ("unknown-citation-key", p(1), at("@@r1")),
            ("malformed-citation", p(2), at("[@a [@r1]]")),
        ],
        "{}",
        describe(&report.diagnostics)
    );
    assert!(report.diagnostics[1].message.contains("`@@r1`"));
    assert!(
        report.diagnostics[2]
            .message
            .contains("not closed before the next `[@`"),
        "{}",
        report.diagnostics[2]
    );
    // Without the other two problems, the inner citation of the nested one still counts.
    let fixed = text
        .replace("Empty [@] here.", "Fine [@r1].")
        .replace("[@@r1]", "[@r1]");
    let report = open_text(&fixed, "nested.json");
    assert_eq!(codes(&report), ["malformed-citation"]);
    let (code, human) = check_human(&path);
    assert_eq!(code, 1);
    assert_eq!(human.matches("error[").count(), 3, "{human}");
}

/// Many `[@` before one `]`, and a paragraph of nothing but citations: parsed in linear time,
/// with messages that quote a bounded part of the text.
#[test]
fn runaway_citation_brackets_stay_fast_and_messages_stay_short() {
    let text = "[@ ".repeat(300_000) + "]";
    let (_, errors) = within(BOUND, "citations::parse", || {
        paperlens::corpus::citations::parse(&text)
    });
    assert_eq!(errors.len(), 300_000);
    assert!(errors.iter().all(|e| e.message.chars().count() < 200));
}

// ---------------------------------------------------------------------------------------------
// Scripts: right to left, combining marks, joiners

fn assert_char_ranges(text: &str, ranges: &[std::ops::Range<usize>]) {
    let mut previous_end = 0;
    for range in ranges {
        assert!(text.get(range.clone()).is_some(), "{range:?} splits a char");
        assert!(range.start >= previous_end, "overlapping {ranges:?}");
        previous_end = range.end;
    }
}

#[test]
fn right_to_left_and_combining_text_loads_indexes_and_searches() {
    let report = open_path(&fixture("scripts.json"));
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        describe(&report.diagnostics)
    );
    let corpus = report.corpus.expect("loads");
    assert_eq!(corpus.index.paragraphs.len(), 3);
    for paragraph in &corpus.index.paragraphs {
        assert_char_ranges(&paragraph.printed, &paragraph.sentences);
        for mention in &paragraph.mentions {
            assert!(paragraph.printed.get(mention.range.clone()).is_some());
        }
    }
    // The Arabic and Hebrew aliases are found as whole words.
    let mentioned: Vec<&str> = corpus.index.entity_mentions[0]
        .iter()
        .filter_map(|m| {
            corpus.index.paragraphs[m.paragraph]
                .printed
                .get(m.range.clone())
        })
        .collect();
    assert_eq!(
        mentioned,
        ["الأمم المتحدة", "האומות המאוחדות", "United Nations"]
    );
    // Citations print as numbers inside right-to-left text; the citing sentence is whole.
    let arabic = &corpus.index.paragraphs[0].printed;
    assert!(arabic.contains("بالبشر [1]."), "{arabic}");
    let sentence = corpus.index.citing_sentence(0).expect("a citing sentence");
    assert!(
        sentence.starts_with("تعمل") && sentence.ends_with("[1]."),
        "{sentence}"
    );
    // The combining accent and the joiner sequence survive unchanged.
    let mixed = &corpus.index.paragraphs[2].printed;
    assert!(mixed.contains("cafe\u{301}") && mixed.contains("👩\u{200d}👩\u{200d}👧"));

    let search = SearchIndex::new(&corpus);
    for query in [
        "الاتجار",
        "סחר",
        "cafe\u{301}",
        "👩",
        "Zero\u{200d}width",
        "e\u{301}\u{301}",
    ] {
        let hits = search.search(query, 10);
        assert!(
            hits.iter().any(|h| matches!(h.item, Item::Paragraph(_))),
            "{query:?} found no paragraph: {hits:?}"
        );
        for hit in &hits {
            assert_char_ranges(&hit.label, &hit.highlights);
            assert!(!hit.highlights.is_empty(), "{query:?}: {hit:?}");
        }
    }
}

#[test]
fn sentences_and_excerpts_never_split_a_character() {
    let samples = [
        "تعمل الأمم المتحدة. وتتعاون الدول؟ نعم! 2020 كان عاماً.",
        "האומות המאוחדות פועלות. השיתוף גדל! 2021 היה שונה.",
        "e\u{301}. A\u{301}. Z\u{200d}W. 👩\u{200d}👩\u{200d}👧. Ünïcode. ",
        "\u{202e}Override. \u{202c}Pop. \u{200f}RLM. Done",
        ".\u{301}.\u{301} .\u{301}",
    ];
    for text in samples {
        let sentences = split_sentences(text);
        assert!(!sentences.is_empty());
        assert_char_ranges(text, &sentences);
        // Nothing visible is lost between sentences.
        let joined: String = sentences.iter().map(|r| &text[r.clone()]).collect();
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(visible(&joined), visible(text), "{text:?}");
    }
    // Excerpts of a long right-to-left paragraph are cut on characters.
    let long = "وتتعاون الدول في المنطقة منذ سنوات عديدة ".repeat(20)
        + "الكلمة_النادرة "
        + &"סחר בבני אדם ".repeat(20);
    let mut value = minimal();
    value["sections"][1]["paragraphs"][1]["text"] = json!(long);
    let corpus = Corpus::from_json(&pretty(&value), "long-rtl.json").expect("loads");
    let hits = SearchIndex::new(&corpus).search("الكلمة_النادرة", 5);
    let hit = hits
        .iter()
        .find(|h| matches!(h.item, Item::Paragraph(_)))
        .expect("found");
    assert!(
        hit.label.starts_with('…') && hit.label.ends_with('…'),
        "{}",
        hit.label
    );
    assert_char_ranges(&hit.label, &hit.highlights);
    let highlighted: String = hit
        .highlights
        .iter()
        .map(|r| &hit.label[r.clone()])
        .collect();
    assert_eq!(highlighted, "الكلمة_النادرة");
}

/// A diagnostic inside right-to-left text: its column counts characters, and the caret line of
/// the human form does not cut a character, even when the line is cut to a window.
#[test]
fn a_diagnostic_in_right_to_left_text_is_located_in_characters() {
    let path = fixture("scripts-unknown-key.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let report = open_path(&path);
    assert_eq!(codes(&report), ["unknown-citation-key"]);
    let d = &report.diagnostics[0];
    assert_eq!(
        d.location.map(|l| (l.line, l.column)),
        Some((line_of(&text, "@مجهول"), column_of(&text, "@مجهول")))
    );
    assert_well_formed(&report);
    let (code, human) = check_human(&path);
    assert_eq!(code, 1);
    assert!(human.contains("@مجهول"), "{human}");

    // The same key deep inside one long minified line: the window around it is cut on
    // characters whatever the offset.
    for pad in 0..4 {
        let filler = "ب".repeat(300) + &" ".repeat(pad);
        let long = text
            .replace(
                "وتتعاون الدول [@مجهول]",
                &format!("{filler}[@مجهول]{filler}"),
            )
            .replace('\n', " ");
        let report = open_text(&long, "minified.json");
        assert_eq!(codes(&report), ["unknown-citation-key"]);
        assert_well_formed(&report);
        let human = render_human(&report.diagnostics, "minified.json", Some(&long), false);
        assert!(human.contains("@مجهول"), "{human}");
    }
}

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

// ---------------------------------------------------------------------------------------------
// All committed fixtures through the binary

/// Each committed hostile fixture (corpora, and bibliographies whose bad entries are skipped)
/// through `paperlens check` (JSON and human): the exit status expected, no panic, and every
/// diagnostic with a code, a message and a line and column.
#[test]
fn every_hostile_fixture_gives_located_diagnostics_through_the_binary() {
    let expected: &[(&str, i32)] = &[
        ("bibtex-nothing-readable.bib", 1),
        ("bibtex-string-cycle.bib", 0),
        ("bibtex-two-byte-order-marks.bib", 1),
        ("bibtex-unclosed-entry.bib", 0),
        ("bom-then-wrong-type.json", 1),
        ("citation-keys-malformed.json", 1),
        ("citation-keys.json", 0),
        ("csl-json-bad-items.json", 0),
        ("duplicate-title-key.json", 1),
        ("note-about-itself.json", 1),
        ("nul-in-string.json", 1),
        ("ris-stray-and-unclosed.ris", 0),
        ("scripts-unknown-key.json", 1),
        ("scripts.json", 0),
        ("section-parent-cycle.json", 1),
    ];
    let mut listed: Vec<String> = std::fs::read_dir(hostile_fixtures())
        .expect("read fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    listed.sort();
    let names: Vec<&str> = expected.iter().map(|(n, _)| *n).collect();
    assert_eq!(listed, names, "every fixture has an expectation here");
    for (name, exit) in expected {
        let path = fixture(name);
        let size = std::fs::metadata(&path).expect("metadata").len();
        assert!(size < 4096, "{name} is {size} bytes; keep fixtures small");
        let (code, report) = check_json(&path);
        assert_eq!(code, *exit, "{name}: {report}");
        for d in report["diagnostics"].as_array().expect("an array") {
            assert!(
                d["code"].is_string() && d["message"].is_string(),
                "{name}: {d}"
            );
            assert!(d["line"].as_u64().is_some_and(|l| l >= 1), "{name}: {d}");
            assert!(d["column"].as_u64().is_some_and(|c| c >= 1), "{name}: {d}");
        }
        let (code, human) = check_human(&path);
        assert_eq!(code, *exit, "{name}");
        assert!(
            human.lines().last().is_some_and(|l| l.contains("error")),
            "{human}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Crash handling

/// The binary with `PAPERLENS_TEST_PANIC=1` (the test-only trigger in `main`) and `envs`.
fn deliberate_panic(envs: &[(&str, &Path)], remove_state_dir: bool) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_paperlens"));
    command.arg("check").env("PAPERLENS_TEST_PANIC", "1");
    if remove_state_dir {
        command.env_remove("PAPERLENS_STATE_DIR");
    }
    for (key, value) in envs {
        command.env(key, value);
    }
    let output = command.output().expect("run paperlens");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The path named by "A report was saved to PATH; please include it …".
fn saved_report_path(stderr: &str) -> PathBuf {
    let after = stderr
        .split("paperlens hit an internal error. A report was saved to ")
        .nth(1)
        .unwrap_or_else(|| panic!("no report sentence in:\n{stderr}"));
    let (path, rest) = after.split_once("; ").expect("`; ` after the path");
    assert!(
        rest.starts_with("please include it when you report the problem."),
        "{stderr}"
    );
    PathBuf::from(path)
}

#[test]
fn a_panic_keeps_the_usual_message_and_saves_a_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state");
    let (code, stderr) = deliberate_panic(&[("PAPERLENS_STATE_DIR", &state)], false);
    assert_eq!(code, Some(101), "{stderr}");
    // The default hook's output is still there.
    assert!(stderr.contains("panicked at"), "{stderr}");
    assert!(stderr.contains("deliberate panic requested"), "{stderr}");
    let report_path = saved_report_path(&stderr);
    assert_eq!(report_path.parent(), Some(state.as_path()));
    let report = std::fs::read_to_string(&report_path).expect("the report exists");
    for expected in [
        "message:   deliberate panic requested with PAPERLENS_TEST_PANIC=1",
        "location:  src/crash.rs:",
        concat!("version:   paperlens ", env!("CARGO_PKG_VERSION")),
        std::env::consts::OS,
        "backtrace:\n",
    ] {
        assert!(report.contains(expected), "{expected:?} not in:\n{report}");
    }
    assert!(
        report.contains("panic_if_requested"),
        "the backtrace names the frames:\n{report}"
    );
    // Written atomically: the report and nothing else.
    let names: Vec<String> = std::fs::read_dir(&state)
        .expect("read the state directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn without_a_state_directory_the_report_goes_to_the_platform_or_temporary_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    // With the `gui` feature the platform's config directory ($XDG_CONFIG_HOME), without it
    // the temporary directory ($TMPDIR): both point into `dir`.
    let (code, stderr) = deliberate_panic(
        &[
            ("XDG_CONFIG_HOME", dir.path()),
            ("HOME", dir.path()),
            ("TMPDIR", dir.path()),
        ],
        true,
    );
    assert_eq!(code, Some(101), "{stderr}");
    let report_path = saved_report_path(&stderr);
    assert_eq!(
        report_path.parent(),
        Some(dir.path().join("paperlens").as_path()),
        "{stderr}"
    );
    assert!(report_path.is_file());
}

#[test]
fn a_report_that_cannot_be_saved_is_said_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_directory = write_temp(&dir, "a-file", b"in the way");
    let (code, stderr) = deliberate_panic(&[("PAPERLENS_STATE_DIR", &not_a_directory)], false);
    assert_eq!(code, Some(101), "{stderr}");
    assert!(stderr.contains("panicked at"), "{stderr}");
    assert!(
        stderr.contains("paperlens hit an internal error, and its report could not be saved"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// Bibliographies: BibTeX, RIS and CSL-JSON import

/// The built-in corpus's references exported in each format, with a file name for it.
fn exported_bibliographies() -> Vec<(ReferenceFormat, &'static str, String)> {
    let corpus = Corpus::builtin();
    let all: Vec<usize> = (0..corpus.file.references.len()).collect();
    vec![
        (
            ReferenceFormat::Bibtex,
            "refs.bib",
            paperlens::formats::bibtex::export(&corpus, &all).expect("BibTeX export"),
        ),
        (
            ReferenceFormat::Ris,
            "refs.ris",
            paperlens::formats::ris::export(&corpus, &all).expect("RIS export"),
        ),
        (
            ReferenceFormat::CslJson,
            "refs.json",
            paperlens::formats::csl_json::export(&corpus, &all).expect("CSL-JSON export"),
        ),
    ]
}

/// Every diagnostic of an import is located inside the text, and the references and their
/// locations go together.
fn assert_import_well_formed(imported: &Imported, text: &str, what: &str) {
    assert_eq!(
        imported.references.len(),
        imported.locations.len(),
        "{what}"
    );
    for d in &imported.diagnostics {
        assert!(!d.message.trim().is_empty(), "{what}: {d:?}");
        assert!(d.message.chars().count() < 1000, "{what}: a long message");
        let location = d
            .location
            .unwrap_or_else(|| panic!("{what}: an unlocated diagnostic {d}"));
        assert!(location.offset <= text.len(), "{what}: {d:?}");
        assert!(text.is_char_boundary(location.offset), "{what}: {d:?}");
    }
    let _ = render_human(&imported.diagnostics, what, Some(text), false);
}

/// A bibliography cut at any point (mid-entry, mid-field, mid-character) never panics: the
/// entries before the cut load, the cut one is reported where it starts, or nothing loads and
/// an error says why.
#[test]
fn a_bibliography_cut_anywhere_loads_what_is_complete() {
    for (format, name, text) in exported_bibliographies() {
        let complete = import(format, &text).references.len();
        assert_eq!(complete, 19, "{name}");
        let bytes = text.as_bytes();
        let mut cut = 0;
        let mut checked = 0;
        while cut <= bytes.len() {
            let report = within(BOUND, name, || open_bytes(&bytes[..cut], name));
            assert_well_formed(&report);
            if let Some(corpus) = &report.corpus {
                assert!(
                    corpus.file.references.len() <= complete,
                    "{name} cut at {cut}"
                );
            }
            if let Ok(prefix) = std::str::from_utf8(&bytes[..cut]) {
                let imported = import(format, prefix);
                assert_import_well_formed(&imported, prefix, &format!("{name} cut at {cut}"));
            }
            checked += 1;
            cut += 53;
        }
        assert!(checked > 50, "{name}: {checked} cuts");
        // A few cuts through the binary: it opens what it can, or exits 1 saying why.
        let dir = tempfile::tempdir().expect("temp dir");
        for cut in [1, bytes.len() / 3, bytes.len() / 2 + 1, bytes.len() - 3] {
            let path = write_temp(&dir, name, &bytes[..cut]);
            let (code, report) = check_json(&path);
            assert!(code == 0 || code == 1, "{name} cut at {cut}: {report}");
            assert_eq!(report["summary"]["loaded"], code == 0, "{report}");
        }
    }
}

/// The same files with NUL bytes, invalid UTF-8, a byte-order mark, nothing at all, or right-to-
/// left and combining text in their fields.
#[test]
fn bibliographies_with_odd_bytes_and_scripts() {
    for (format, name, text) in exported_bibliographies() {
        // NUL bytes between and inside entries.
        let nul = text.replacen('\n', "\n\0", 5).replacen(' ', "\0", 5);
        let imported = import(format, &nul);
        assert_import_well_formed(&imported, &nul, name);
        assert_well_formed(&open_bytes(nul.as_bytes(), name));

        // A Latin-1 byte: an encoding error at that byte, whatever the format.
        let mut latin1 = text.as_bytes().to_vec();
        latin1.insert(text.len() / 2, 0xE9);
        let report = open_bytes(&latin1, name);
        assert_eq!(codes(&report), ["invalid-utf8"], "{name}");

        // A byte-order mark changes nothing.
        let bom = format!("\u{feff}{text}");
        let report = open_bytes(bom.as_bytes(), name);
        let corpus = report
            .corpus
            .as_ref()
            .unwrap_or_else(|| panic!("{name} with a BOM"));
        assert_eq!(corpus.file.references.len(), 19, "{name}");

        // Empty and blank files: an error, no panic.
        for blank in ["", " \n\t\n"] {
            let report = open_bytes(blank.as_bytes(), name);
            assert!(report.corpus.is_none(), "{name} {blank:?}");
            assert_well_formed(&report);
        }
    }
    // Right-to-left, combining and joined characters survive each importer.
    let title = "تقرير عن الاتجار — דוח — cafe\u{301} 👩\u{200d}👩\u{200d}👧";
    let samples = [
        (
            ReferenceFormat::Bibtex,
            format!("@book{{rtl, title = {{{title}}}, author = {{Müller, José}}, year = 2020}}\n"),
        ),
        (
            ReferenceFormat::Ris,
            format!("TY  - BOOK\nTI  - {title}\nAU  - Müller, José\nPY  - 2020\nER  - \n"),
        ),
        (
            ReferenceFormat::CslJson,
            serde_json::to_string(&json!([{"id": "rtl", "type": "book", "title": title,
                "author": [{"family": "Müller", "given": "José"}]}]))
            .expect("serialise"),
        ),
    ];
    for (format, text) in samples {
        let imported = import(format, &text);
        assert_import_well_formed(&imported, &text, format.label());
        let reference = imported.references.first().expect("one reference");
        assert_eq!(reference.title, title, "{}", format.label());
        assert_eq!(reference.author[0].family, "Müller", "{}", format.label());
    }
}

/// BibTeX that sends a parser round in circles or blows up: abbreviations defined in terms of
/// themselves, a chain of 20 000, doubling ones (2^39 bytes), a field of three 600 KB ones,
/// inheritance loops, a parent inherited 100 times, braces 100 000 deep, 20 000 entries with
/// one key. Each is skipped with a located warning naming why, in bounded time; the good
/// entries load.
#[test]
fn bibtex_that_loops_or_explodes_is_skipped_with_a_reason() {
    let good = "@book{good, title = {A good entry}, year = 2020}\n";
    let mut doubling = String::from("@string{a0 = \"lol \"}\n");
    for i in 1..40 {
        let _ = writeln!(doubling, "@string{{a{i} = a{} # a{}}}", i - 1, i - 1);
    }
    doubling.push_str("@book{boom, title = a39}\n");
    let mut chain = String::from("@string{s0 = \"x\"}\n");
    for i in 1..20_000 {
        let _ = writeln!(chain, "@string{{s{i} = s{}}}", i - 1);
    }
    chain.push_str("@book{deep, title = s19999}\n");
    let wide = format!(
        "@string{{big = \"{}\"}}\n@book{{wide, title = big # big # big}}\n",
        "x".repeat(600_000)
    );
    let mut bomb = format!("@book{{parent, title = {{{}}}}}\n", "x".repeat(1_000_000));
    for i in 0..100 {
        let _ = writeln!(
            bomb,
            "@inbook{{child{i}, crossref = {{parent}}, title = {{C}}}}"
        );
    }
    let braces = format!(
        "@book{{braces, title = {}x{}}}\n",
        "{".repeat(100_000),
        "}".repeat(100_000)
    );
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "abbreviation cycle",
            "@string{x = y}\n@string{y = x}\n@book{loop, title = x}\n".to_owned(),
            "defined in terms of itself",
        ),
        ("abbreviation chain", chain, "nest more than"),
        ("doubling abbreviations", doubling, "expands to more than"),
        (
            "a field of large abbreviations",
            wide,
            "expands to more than",
        ),
        (
            "crossref cycle",
            "@book{a, title = {A}, crossref = {b}}\n@book{b, title = {B}, crossref = {a}}\n"
                .to_owned(),
            "leads back to",
        ),
        (
            "a parent inherited 100 times",
            bomb,
            "inherited through `crossref`",
        ),
        ("braces 100 000 deep", braces, "braces nest more than"),
        (
            "one key 20 000 times",
            "@book{same, title = {T}}\n".repeat(20_000),
            "used twice",
        ),
    ];
    for (what, body, reason) in cases {
        let text = format!("{good}{body}");
        let imported = within(BOUND, what, || import(ReferenceFormat::Bibtex, &text));
        assert_import_well_formed(&imported, &text, what);
        assert!(
            imported
                .diagnostics
                .iter()
                .any(|d| d.message.contains(reason)),
            "{what}: no diagnostic saying {reason:?}: {}",
            describe(&imported.diagnostics[..imported.diagnostics.len().min(3)])
        );
        assert!(
            imported.references.iter().any(|r| r.id == "good"),
            "{what}: the good entry did not load"
        );
        let text_size: usize = imported
            .references
            .iter()
            .map(|r| r.title.len() + r.container_title.len())
            .sum();
        assert!(
            text_size <= 32 * 1024 * 1024,
            "{what}: {text_size} bytes imported"
        );
    }
    // Through the binary: a loop is a warning, the file still opens.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(
        &dir,
        "loop.bib",
        format!("{good}@string{{x = y}}\n@string{{y = x}}\n@book{{loop, title = x}}\n").as_bytes(),
    );
    let (code, report) = check_json(&path);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["summary"]["references"], 1);
    assert!(json_codes(&report).iter().all(|c| c == "skipped-entry"));
}

/// RIS and CSL-JSON at scale and out of shape: 100 000 records, records never closed, lines
/// outside any record, a 10 MB line, 100 000 items of the wrong types, arrays 100 000 deep.
#[test]
fn ris_and_csl_json_out_of_shape_stay_bounded() {
    let cases: Vec<(ReferenceFormat, &str, String, usize)> = vec![
        (
            ReferenceFormat::Ris,
            "100 000 records",
            "TY  - JOUR\nTI  - T\nAU  - Smith, J.\nER  - \n".repeat(100_000),
            100_000,
        ),
        (
            ReferenceFormat::Ris,
            "records never closed",
            "TY  - JOUR\nTI  - T\n".repeat(100_000),
            0,
        ),
        (
            ReferenceFormat::Ris,
            "lines outside any record",
            "XX  - stray\nnot a tag\n".repeat(100_000),
            0,
        ),
        (
            ReferenceFormat::Ris,
            "a 10 MB line",
            format!("TY  - JOUR\nTI  - {}\nER  - \n", "word ".repeat(2_000_000)),
            1,
        ),
        (
            ReferenceFormat::Ris,
            "CRLF and a BOM",
            "\u{feff}TY  - JOUR\r\nTI  - T\r\nER  - \r\n".repeat(3),
            3,
        ),
        (
            ReferenceFormat::CslJson,
            "100 000 items of the wrong types",
            format!(
                "[{}]",
                vec![r#"{"id": 5, "type": [], "title": {}}"#; 100_000].join(",\n")
            ),
            0,
        ),
        (
            ReferenceFormat::CslJson,
            "100 000 items",
            format!(
                "[{}]",
                vec![r#"{"id": "a", "type": "book", "title": "T"}"#; 100_000].join(",\n")
            ),
            100_000,
        ),
        (
            ReferenceFormat::CslJson,
            "arrays 100 000 deep",
            "[".repeat(100_000) + &"]".repeat(100_000),
            0,
        ),
        (
            ReferenceFormat::CslJson,
            "objects 100 000 deep in an item",
            format!(
                "[{{\"id\": \"a\", \"type\": \"book\", \"x\": {}1{}}}]",
                "{\"a\": ".repeat(100_000),
                "}".repeat(100_000)
            ),
            0,
        ),
        (
            ReferenceFormat::CslJson,
            "not items",
            "[1, \"two\", null, [], {}]".to_owned(),
            0,
        ),
    ];
    for (format, what, text, loaded) in cases {
        let imported = within(BOUND, what, || import(format, &text));
        assert_eq!(imported.references.len(), loaded, "{what}");
        assert_import_well_formed(&imported, &text, what);
        if loaded == 0 {
            assert!(
                !imported.diagnostics.is_empty(),
                "{what}: nothing loaded, nothing said"
            );
        }
    }
}

/// Found by fuzzing (`bibtex_import`, `ris_import`, `csl_json_import`): files starting with a
/// byte-order mark, or two. The importers read the text after the first mark, and their
/// locations refer to that text, as the loader's do (its `source_text` has no mark); each
/// location falls on a character of it, and the loader reports them without panicking. (The
/// loader used to remove a second mark too, so its locations fell inside the first.)
#[test]
fn fuzz_regression_bibliographies_with_a_byte_order_mark() {
    let inputs: [(ReferenceFormat, &str, &[u8]); 4] = [
        (
            ReferenceFormat::Bibtex,
            "fuzz.bib",
            b"\xef\xbb\xbf\xef\xbb\xbf}\n@book{book2;\x00tje, number = {2}, paditoebook2;\x00tje, number = {2}, paditoe = \xd9\x99{",
        ),
        (
            ReferenceFormat::Bibtex,
            "fuzz.bib",
            b"\xef\xbb\xbf}\n@book{book202ple Press}, address = {Exampl-10},\n  doi     = {10.book{book202;, editor = {Doe, Jane}, title = yDoubts}1}\n@comment{ignored}\n",
        ),
        (
            ReferenceFormat::Ris,
            "fuzz.ris",
            b"\xef\xbb\xbf\n00\x00\x00\x00- \n\nKW  - BOOK\nAU  - ExamplT1Institute\nTI  - Methorg, An Smith, JT3AU  1\nEP  - 10\nDO  - 10.1235/exa - 133333333333333333333TI  - Methor\x04",
        ),
        (
            ReferenceFormat::CslJson,
            "fuzz.json",
            b"\xef\xbb\xbf {\"id\": \"wmith2020\", \"type\": \"article-journal\", \"title\": \"Counting cases in the Northmi,h2020\", \"type\": \"article-journql\", \"title\": \"Counting cases in the North\",\n   \"author\": [{\"family\": \"Smith\", \"given\": cle-journal\", \"titl\n]e,  } \"\":is",
        ),
    ];
    for (format, name, bytes) in inputs {
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        let imported = import(format, text);
        let without_mark = text.strip_prefix('\u{feff}').expect("starts with a BOM");
        assert_import_well_formed(&imported, without_mark, name);
        let report = open_bytes(bytes, name);
        assert_well_formed(&report);
        assert_eq!(report.source_text.as_deref(), Some(without_mark), "{name}");
    }
}

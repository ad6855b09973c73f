//! Hostile input: files cut off at any byte, and values of the wrong type at every level.
// The cases share the helpers and imports of `hostile/mod.rs`.
#![allow(clippy::wildcard_imports)]

use super::*;

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

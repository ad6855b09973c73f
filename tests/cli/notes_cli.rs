//! `paperlens notes` with the real binary, each test in a state directory of its own: adding,
//! listing, exporting and deleting notes; bad keys and quotes; the Markdown export through
//! `pandoc --citeproc` with the corpus's CSL-JSON (every citation found), on the built-in paper
//! and a JATS paper; a process killed while it writes notes (every acknowledged note is there);
//! a damaged store set aside with a message.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common;
use common::{assert_exit, paperlens_with_env, path_str, stderr, stdout};

/// The real binary on `args`, keeping its state (the notes store) in `state`.
fn notes_in(state: &Path, args: &[&str]) -> Output {
    paperlens_with_env(args, &[("PAPERLENS_STATE_DIR", state.as_os_str())])
}

/// The id `notes add` printed: `added note 12 about …`.
fn added_id(output: &Output) -> i64 {
    assert_exit(output, 0);
    let text = stdout(output);
    text.split_whitespace()
        .nth(2)
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id in {text:?}"))
}

/// `notes list --format json` as JSON.
fn listed(state: &Path, corpus: Option<&str>) -> Vec<serde_json::Value> {
    let mut args = vec!["notes", "list", "--format", "json"];
    if let Some(corpus) = corpus {
        args.extend(["--corpus", corpus]);
    }
    let output = notes_in(state, &args);
    assert_exit(&output, 0);
    serde_json::from_str::<serde_json::Value>(&stdout(&output))
        .unwrap()
        .as_array()
        .cloned()
        .unwrap()
}

#[test]
fn notes_are_added_listed_exported_and_deleted() {
    let state = tempfile::tempdir().unwrap();
    let state = state.path();
    let reference = added_id(&notes_in(
        state,
        &[
            "notes",
            "add",
            "reference:porter1995",
            "The classic.",
            "--tag",
            "essay",
            "--tag",
            "theory",
        ],
    ));
    let highlight = added_id(&notes_in(
        state,
        &[
            "notes",
            "add",
            "paragraph:literature-review.p2",
            "--quote",
            "pandemic-related lockdown measures",
            "--label",
            "evidence",
        ],
    ));
    let citation = added_id(&notes_in(
        state,
        &[
            "notes",
            "add",
            "citation:literature-review.p2/0",
            "Does it say this?",
            "--label",
            "question",
        ],
    ));
    let list = listed(state, None);
    assert_eq!(list.len(), 3);
    let by_id = |id: i64| list.iter().find(|n| n["id"] == id).cloned().unwrap();
    assert_eq!(
        by_id(reference)["tags"],
        serde_json::json!(["essay", "theory"])
    );
    assert_eq!(by_id(highlight)["label"], "evidence");
    assert_eq!(
        by_id(highlight)["quote"],
        "pandemic-related lockdown measures"
    );
    assert_eq!(by_id(citation)["cites"], serde_json::json!(["islam2024"]));

    let text = notes_in(state, &["notes", "list"]);
    assert_exit(&text, 0);
    let text = stdout(&text);
    assert!(text.starts_with("3 notes on Human Trafficking"), "{text}");
    assert!(
        text.find("2 LITERATURE REVIEW") < text.find("References"),
        "{text}"
    );
    assert!(text.contains(&format!(
        "#{highlight} [evidence] paragraph:literature-review.p2"
    )));

    exported_then_deleted(state, highlight);
}

/// The notes of [`notes_are_added_listed_exported_and_deleted`] exported as Markdown and CSV,
/// then the highlight deleted.
fn exported_then_deleted(state: &Path, highlight: i64) {
    let dir = tempfile::tempdir().unwrap();
    let markdown = dir.path().join("notes.md");
    let written = notes_in(
        state,
        &[
            "notes",
            "export",
            "--format",
            "markdown",
            "--out",
            path_str(&markdown),
        ],
    );
    assert_exit(&written, 0);
    assert!(
        stdout(&written).contains("3 notes as Markdown"),
        "{}",
        stdout(&written)
    );
    let markdown = std::fs::read_to_string(markdown).unwrap();
    assert!(
        markdown.contains("The classic. [@porter1995]"),
        "{markdown}"
    );
    assert!(
        markdown.contains("> pandemic-related lockdown measures"),
        "{markdown}"
    );
    let csv = notes_in(state, &["notes", "export", "--format", "csv"]);
    assert_exit(&csv, 0);
    assert_eq!(stdout(&csv).lines().count(), 4, "{}", stdout(&csv));

    let deleted = notes_in(state, &["notes", "delete", &highlight.to_string()]);
    assert_exit(&deleted, 0);
    assert!(stdout(&deleted).contains("paragraph:literature-review.p2"));
    assert_eq!(listed(state, None).len(), 2);
    let again = notes_in(state, &["notes", "delete", &highlight.to_string()]);
    assert_exit(&again, 1);
    assert!(
        stderr(&again).contains(&format!("there is no note {highlight}")),
        "{}",
        stderr(&again)
    );
}

#[test]
fn unknown_keys_missing_quotes_and_empty_notes_are_refused_in_plain_words() {
    let state = tempfile::tempdir().unwrap();
    let state = state.path();
    let unknown = notes_in(state, &["notes", "add", "reference:porter1996", "Text."]);
    assert_exit(&unknown, 1);
    let message = stderr(&unknown);
    assert!(
        message.contains("no item `reference:porter1996`"),
        "{message}"
    );
    assert!(
        message.contains("did you mean reference:porter1995"),
        "{message}"
    );
    let quote = notes_in(
        state,
        &[
            "notes",
            "add",
            "paragraph:introduction.p1",
            "--quote",
            "words it never had",
        ],
    );
    assert_exit(&quote, 1);
    assert!(
        stderr(&quote).contains("are not in paragraph:introduction.p1"),
        "{}",
        stderr(&quote)
    );
    let not_text = notes_in(
        state,
        &["notes", "add", "reference:porter1995", "--quote", "x"],
    );
    assert_exit(&not_text, 1);
    assert!(
        stderr(&not_text).contains("not a paragraph"),
        "{}",
        stderr(&not_text)
    );
    let empty = notes_in(state, &["notes", "add", "reference:porter1995"]);
    assert_exit(&empty, 1);
    assert!(
        stderr(&empty).contains("the note is empty"),
        "{}",
        stderr(&empty)
    );
    assert!(listed(state, None).is_empty());
}

/// The first JATS paper in `../shared/data/papers/jats/`, or `None` after saying the test is
/// skipped there.
fn jats_paper() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/papers/jats/journal.pbio.0020188.xml");
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} is not present", path.display());
        None
    }
}

/// Writes the corpus's references as CSL-JSON to `bibliography` (`paperlens export refs`) and
/// returns their ids.
fn csl_json_ids(state: &Path, corpus: Option<&Path>, bibliography: &Path) -> Vec<String> {
    let mut export = vec![
        "export",
        "refs",
        "--format",
        "csl-json",
        "--out",
        path_str(bibliography),
    ];
    if let Some(corpus) = corpus {
        export.push(path_str(corpus));
    }
    assert_exit(&notes_in(state, &export), 0);
    let references: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bibliography).unwrap()).unwrap();
    let ids: Vec<String> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(!ids.is_empty());
    ids
}

/// Adds a note about every reference of the corpus, and about and in the first citing
/// paragraphs (a paragraph note, a highlight of its first citing sentence, its first citation),
/// exports them as Markdown and runs `pandoc --citeproc` on it with the corpus's CSL-JSON: no
/// citation may be missing. Skipped with a notice when pandoc is not installed.
fn every_citation_resolves_in_pandoc(corpus: Option<&Path>) {
    if Command::new("pandoc").arg("--version").output().is_err() {
        println!("skipped: pandoc is not installed");
        return;
    }
    let state = tempfile::tempdir().unwrap();
    let state = state.path();
    let dir = tempfile::tempdir().unwrap();
    let with_corpus = |args: &[&str]| {
        let mut all: Vec<&str> = args.to_vec();
        if let Some(corpus) = corpus {
            all.extend(["--corpus", path_str(corpus)]);
        }
        notes_in(state, &all)
    };
    let bibliography = dir.path().join("references.json");
    let ids = csl_json_ids(state, corpus, &bibliography);
    for id in &ids {
        added_id(&with_corpus(&[
            "notes",
            "add",
            &format!("reference:{id}"),
            "Read it.",
        ]));
    }
    // The citing sentences, from `export citations` (paragraph id, then the sentence).
    let mut citations = vec!["export", "citations"];
    if let Some(corpus) = corpus {
        citations.push(path_str(corpus));
    }
    let csv = stdout(&notes_in(state, &citations));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let mut paragraphs = BTreeSet::new();
    for row in reader.records().map(Result::unwrap) {
        let paragraph = row.get(1).unwrap().to_owned();
        if paragraphs.len() == 4 || !paragraphs.insert(paragraph.clone()) {
            continue;
        }
        let key = format!("paragraph:{paragraph}");
        added_id(&with_corpus(&[
            "notes",
            "add",
            &key,
            "About this paragraph.",
            "--tag",
            "essay",
        ]));
        let sentence = row.get(2).unwrap();
        added_id(&with_corpus(&[
            "notes", "add", &key, "--quote", sentence, "--label", "claim",
        ]));
        let citation = format!("citation:{paragraph}/0");
        added_id(&with_corpus(&[
            "notes",
            "add",
            &citation,
            "Check the source.",
        ]));
    }
    let markdown = dir.path().join("notes.md");
    assert_exit(
        &with_corpus(&[
            "notes",
            "export",
            "--format",
            "markdown",
            "--out",
            path_str(&markdown),
        ]),
        0,
    );
    let text = std::fs::read_to_string(&markdown).unwrap();
    for id in &ids {
        assert!(
            text.contains(&format!("@{id}")),
            "no citation of {id} in:\n{text}"
        );
    }
    let pandoc = Command::new("pandoc")
        .arg(&markdown)
        .args(["--citeproc", "--bibliography"])
        .arg(&bibliography)
        .args(["-t", "plain"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let warnings = String::from_utf8_lossy(&pandoc.stderr);
    assert!(pandoc.status.success(), "{warnings}");
    assert!(
        !warnings.contains("not found"),
        "pandoc did not find citations:\n{warnings}"
    );
    // Each citation became the style's text: no `@key` is left in the output.
    let rendered = String::from_utf8_lossy(&pandoc.stdout);
    assert!(!rendered.contains("[@"), "{rendered}");
}

#[test]
fn the_markdown_export_cites_every_work_pandoc_finds_built_in_paper() {
    every_citation_resolves_in_pandoc(None);
}

#[test]
fn the_markdown_export_cites_every_work_pandoc_finds_jats_paper() {
    if let Some(paper) = jats_paper() {
        every_citation_resolves_in_pandoc(Some(&paper));
    }
}

#[test]
fn a_process_killed_while_writing_loses_no_acknowledged_note() {
    let state = tempfile::tempdir().unwrap();
    let state = state.path();
    let mut child = Command::new(env!("CARGO_BIN_EXE_paperlens"))
        .args([
            "notes",
            "add",
            "reference:porter1995",
            "Written before the kill",
            "--repeat",
            "1000000",
        ])
        .env("PAPERLENS_STATE_DIR", state)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut acknowledged = Vec::new();
    while acknowledged.len() < 300 {
        let line = lines.next().expect("the writer stopped early").unwrap();
        acknowledged.push(line);
    }
    // SIGKILL, in the middle of its writing: no chance to finish a transaction or close.
    child.kill().unwrap();
    // What it printed before it died was acknowledged too.
    acknowledged.extend(lines.map_while(Result::ok));
    let _ = child.wait();
    let acknowledged: BTreeSet<i64> = acknowledged
        .iter()
        .map(|line| line.split_whitespace().nth(2).unwrap().parse().unwrap())
        .collect();
    let kept: BTreeSet<i64> = listed(state, None)
        .iter()
        .map(|note| note["id"].as_i64().unwrap())
        .collect();
    let lost: Vec<&i64> = acknowledged.difference(&kept).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    assert!(kept.len() >= 300);
}

#[test]
fn a_damaged_store_is_set_aside_with_a_message_and_a_fresh_one_works() {
    let state = tempfile::tempdir().unwrap();
    let state = state.path();
    let store = state.join("notes.sqlite3");
    let garbage = b"these bytes were never an SQLite database \x00\xff".repeat(100);
    std::fs::write(&store, &garbage).unwrap();
    let output = notes_in(state, &["notes", "list"]);
    assert_exit(&output, 0);
    let message = stderr(&output);
    assert!(
        message.contains("The study notes store was damaged"),
        "{message}"
    );
    assert!(message.contains("not an SQLite database"), "{message}");
    let aside: Vec<PathBuf> = std::fs::read_dir(state)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().contains("notes.sqlite3.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(message.contains(path_str(&aside[0])), "{message}");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), garbage);
    added_id(&notes_in(
        state,
        &[
            "notes",
            "add",
            "reference:porter1995",
            "In the fresh store.",
        ],
    ));
    assert_eq!(listed(state, None).len(), 1);
}

#[test]
fn notes_follow_their_paper_through_a_re_import_a_move_and_a_migration() {
    let state = tempfile::tempdir().unwrap();
    let state = state.path();
    let dir = tempfile::tempdir().unwrap();
    let Some(paper) = jats_paper() else {
        return;
    };
    // A highlight made on the JATS paper itself …
    let csv = stdout(&notes_in(state, &["export", "citations", path_str(&paper)]));
    let row = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap();
    let key = format!("paragraph:{}", row.get(1).unwrap());
    let sentence = row.get(2).unwrap().to_owned();
    let id = added_id(&notes_in(
        state,
        &[
            "notes",
            "add",
            &key,
            "--quote",
            &sentence,
            "--corpus",
            path_str(&paper),
        ],
    ));
    // … is found on the corpus imported from it, and on that corpus moved elsewhere.
    let imported = dir.path().join("imported.json");
    assert_exit(
        &notes_in(
            state,
            &["import", path_str(&paper), "--out", path_str(&imported)],
        ),
        0,
    );
    let moved_dir = dir.path().join("elsewhere");
    std::fs::create_dir(&moved_dir).unwrap();
    let moved = moved_dir.join("renamed.json");
    std::fs::rename(&imported, &moved).unwrap();
    let found = listed(state, Some(path_str(&moved)));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["id"], id);
    assert_eq!(found[0]["detached"], false);
    assert_eq!(found[0]["quote"], sentence.trim());

    // A note on a format-1 corpus is found on the corpus `paperlens migrate` writes.
    let old = common::fixtures().join("papers/format1-other-paper.json");
    let reference = stdout(&notes_in(state, &["cite", path_str(&old), "--in-text"]));
    let first_key = reference.split('\t').next().unwrap().to_owned();
    let note = added_id(&notes_in(
        state,
        &[
            "notes",
            "add",
            &format!("reference:{first_key}"),
            "On the old file.",
            "--corpus",
            path_str(&old),
        ],
    ));
    let migrated = dir.path().join("migrated.json");
    assert_exit(
        &notes_in(
            state,
            &["migrate", path_str(&old), "--out", path_str(&migrated)],
        ),
        0,
    );
    let found = listed(state, Some(path_str(&migrated)));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["id"], note);
    assert_eq!(found[0]["detached"], false);
}

//! `paperlens export` with the real binary: references, table, cases and corpus, from the
//! built-in corpus or any file paperlens opens.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paperlens::corpus::Corpus;
use paperlens::open::open_path;
use serde_json::Value;

use crate::common;
use common::{assert_exit, fixtures, paperlens, path_str, stderr, stdout};

#[test]
fn bibtex_goes_to_stdout_and_is_valid() {
    let output = paperlens(&["export", "refs", "--format", "bibtex"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    let bibliography = biblatex::Bibliography::parse(&text).expect("valid BibTeX");
    assert_eq!(bibliography.len(), 19);
    let porter = bibliography.get("porter1995").expect("porter1995");
    let annote = porter
        .get("annote")
        .map(biblatex::ChunksExt::format_verbatim)
        .unwrap_or_default();
    assert!(annote.contains("paperlens: reference [8]"), "{annote}");
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

#[test]
fn ris_is_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("refs.ris");
    let output = paperlens(&["export", "refs", "--format", "ris", "--out", path_str(&out)]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("19 references as RIS"),
        "{}",
        stdout(&output)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.matches("TY  - ").count(), 19);
    assert_eq!(text.matches("ER  - ").count(), 19);
    // The file reads back as a bibliography of 19 references.
    let report = open_path(&out);
    assert_eq!(report.corpus.map(|c| c.file.references.len()), Some(19));
}

#[test]
fn csl_json_of_chosen_keys() {
    let output = paperlens(&[
        "export",
        "refs",
        "-f",
        "csl-json",
        "--id",
        "porter1995",
        "--id",
        "cho2015",
    ]);
    assert_exit(&output, 0);
    let items: Vec<Value> = serde_json::from_str(&stdout(&output)).unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["porter1995", "cho2015"]);
    assert_eq!(items[0]["custom"]["paperlens"]["number"], 8);
}

#[test]
fn an_unknown_key_exits_1() {
    let output = paperlens(&["export", "refs", "--format", "ris", "--id", "nobody1999"]);
    assert_exit(&output, 1);
    assert!(
        stderr(&output).contains("`nobody1999`"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn the_table_and_the_cases_as_csv() {
    let corpus = Corpus::builtin();
    let dir = tempfile::tempdir().unwrap();

    let table = dir.path().join("table.csv");
    assert_exit(
        &paperlens(&["export", "table", "--out", path_str(&table)]),
        0,
    );
    let mut reader = csv::Reader::from_path(&table).unwrap();
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    // The headers as the paper prints them, then the cells verbatim.
    let table = &corpus.file.tables[0];
    let printed: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, printed);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), table.rows.len());
    for (row, expected) in rows.iter().zip(&table.rows) {
        let cells: Vec<&str> = row.iter().collect();
        assert_eq!(cells, expected.cells);
    }
    assert_eq!(&rows[0][0], "ASEAN");

    let cases = dir.path().join("cases.csv");
    assert_exit(
        &paperlens(&["export", "cases", "--out", path_str(&cases)]),
        0,
    );
    let mut reader = csv::Reader::from_path(&cases).unwrap();
    assert_eq!(reader.headers().unwrap().get(1), Some("title"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), corpus.file.cases.len());
    for (row, expected) in rows.iter().zip(&corpus.file.cases) {
        assert_eq!(&row[0], expected.id);
        assert_eq!(&row[1], expected.title);
        assert_eq!(&row[7], expected.summary);
        assert_eq!(&row[9], expected.references.join("; "));
    }
}

#[test]
fn the_corpus_as_canonical_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus.json");
    assert_exit(
        &paperlens(&["export", "corpus", "--out", path_str(&out)]),
        0,
    );
    let report = open_path(&out);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(report.corpus.unwrap().file, Corpus::builtin().file);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        text,
        format!(
            "{}\n",
            serde_json::to_string_pretty(&Corpus::builtin().file).unwrap()
        )
    );
}

#[test]
fn a_bibliography_file_works_as_corpus_and_its_warnings_go_to_stderr() {
    let broken = fixtures().join("import/broken.bib");
    let output = paperlens(&["export", "refs", "--format", "ris", path_str(&broken)]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert_eq!(text.matches("TY  - ").count(), 2);
    assert!(text.contains("TI  - First good entry"));
    assert!(text.contains("AU  - Müller, Anna"));
    let err = stderr(&output);
    assert!(err.contains("warning[skipped-entry]"), "{err}");
    assert!(err.contains("broken.bib:11:1"), "{err}");

    // A bibliography becomes a paperlens corpus.
    let output = paperlens(&[
        "export",
        "corpus",
        path_str(&fixtures().join("import/broken.ris")),
    ]);
    assert_exit(&output, 0);
    let corpus: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(corpus["format"], "paperlens-corpus/2");
    assert_eq!(corpus["paper"]["title"], "broken.ris");
    assert_eq!(corpus["references"].as_array().map(Vec::len), Some(2));
}

#[test]
fn an_invalid_corpus_exits_1_with_check_style_diagnostics() {
    let invalid = fixtures().join("invalid/unknown-region.json");
    let output = paperlens(&["export", "refs", "--format", "bibtex", path_str(&invalid)]);
    assert_exit(&output, 1);
    let err = stderr(&output);
    assert!(err.contains("error[unknown-region]"), "{err}");
    assert!(err.contains("unknown-region.json:"), "{err}");
    assert!(err.contains("not loaded"), "{err}");
    assert!(stdout(&output).is_empty());
}

#[test]
fn an_unreadable_corpus_or_output_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.bib");
    let output = paperlens(&["export", "table", path_str(&missing)]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("error[io]"), "{}", stderr(&output));

    let nowhere = dir.path().join("no-such-folder/out.csv");
    let output = paperlens(&["export", "cases", "--out", path_str(&nowhere)]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("cannot write"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_opens_bibliographies_too() {
    let output = paperlens(&["check", path_str(&fixtures().join("import/broken.ris"))]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("broken.ris:9:1"), "{out}");
    assert!(out.contains("2 references"), "{out}");
    assert!(out.contains("0 errors, 1 warning"), "{out}");
}

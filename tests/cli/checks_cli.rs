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
/// has: its kind among the four, its reference an id or null, its citation and paragraph keys
/// or null (a citation's paragraph and place given), a message and evidence.
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
            flag["paragraph"].is_null()
                || flag["paragraph"]
                    .as_str()
                    .is_some_and(|key| key.starts_with("paragraph:")),
            "{flag}"
        );
        // A citation stands in a paragraph, at a place.
        if flag["citation"].is_string() {
            assert!(flag["paragraph"].is_string(), "{flag}");
            assert!(
                !flag["place"].as_str().unwrap_or_default().is_empty(),
                "{flag}"
            );
        }
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

/// The `(check, reference id)` of each flag, in order.
fn checks_and_references(flags: &[serde_json::Value]) -> Vec<(String, String)> {
    flags
        .iter()
        .map(|flag| {
            (
                flag["check"].as_str().unwrap_or_default().to_owned(),
                flag["reference"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn check_citations_on_the_built_in_corpus_prints_the_flags_in_words_and_exits_0() {
    let output = paperlens(&["check", "--citations"]);
    // The built-in paper has flags: they never change the exit status.
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(
        out.starts_with("Citation check of built-in corpus"),
        "the heading names the corpus:\n{out}"
    );
    let report = flags_json(None);
    let summary = &report["summary"];
    let last = out.trim_end().lines().last().unwrap_or_default();
    assert!(
        last.starts_with(&format!(
            "{} of 19 references flagged; {} flags: ",
            summary["flagged_references"], summary["flags"]
        )),
        "the last line counts the flagged references:\n{out}"
    );
    // The 1977 book cited for the Blue Heart Campaign (2009), under its kind's heading, with
    // the sentence and the evidence.
    let anachronisms = out
        .split("\nAnachronism (")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("an Anachronism section");
    assert!(
        anachronisms.contains(
            "\n    2. Law Enforcement, ¶\u{a0}1: “[6] suggests that such campaigns rely on \
             collective action"
        ),
        "{anachronisms}"
    );
    assert!(
        anachronisms.contains("\n  [6] Keohane (1977): "),
        "{anachronisms}"
    );
    assert!(
        anachronisms.contains("Blue Heart Campaign, which began in 2009"),
        "{anachronisms}"
    );
    // Not the diagnostics' summary line: the flags replace it.
    assert!(!out.contains("0 errors"), "{out}");
}

#[test]
fn check_citations_json_on_the_built_in_corpus_names_the_flagged_references() {
    let report = flags_json(None);
    let flags = checked_flags(&report);
    assert_eq!(report["summary"]["references"], 19);
    assert!(report["source"].as_str().unwrap().contains("built-in"));
    let found = checks_and_references(&flags);
    for expected in [
        // The 1977 book cited about the Palermo Protocol (2000) and the Blue Heart Campaign.
        ("older-than-entity", "keohane1977"),
        // The 1995 article on environmental regulation cited for online recruitment.
        ("few-shared-words", "porter1995"),
        // A search-engine artefact as a venue.
        ("venue-artefact", "latonero2011"),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {found:?}"
        );
    }
    let blue_heart = flags
        .iter()
        .find(|f| {
            f["check"] == "older-than-entity"
                && f["evidence"]
                    .as_str()
                    .unwrap()
                    .contains("Blue Heart Campaign")
        })
        .expect("the Blue Heart Campaign's flag");
    assert_eq!(blue_heart["reference"], "keohane1977");
    assert_eq!(blue_heart["citation"], "citation:law-enforcement.p1/1");
    assert!(
        blue_heart["sentence"]
            .as_str()
            .unwrap()
            .starts_with("[6] suggests that such campaigns"),
        "{blue_heart}"
    );
}

#[test]
fn check_citations_on_the_fixture_finds_the_flags_it_was_written_for() {
    let report = flags_json(Some(&flagged()));
    assert_eq!(report["summary"]["references"], 5);
    assert_eq!(report["summary"]["flagged_references"], 4);
    let flags = checked_flags(&report);
    let mut found = checks_and_references(&flags);
    found.sort();
    let expected = [
        // Dated 2023, after the paper (2019).
        ("after-paper", "kim2023"),
        // A journal article without volume or pages.
        ("missing-volume-pages", "cole2016"),
        // Listed, never cited.
        ("never-cited", "hart2015"),
        // Cited for the storm surge of 2014, dated 2010.
        ("older-than-year", "ward2010"),
    ]
    .map(|(check, id)| (check.to_owned(), id.to_owned()));
    assert_eq!(found, expected);
    let ward = flags.iter().find(|f| f["reference"] == "ward2010").unwrap();
    assert_eq!(ward["citation"], "citation:intro.p1/1");
    assert_eq!(ward["kind"], "anachronism");
    assert!(
        ward["sentence"]
            .as_str()
            .unwrap()
            .starts_with("Coastal councils published flood maps after the storm surge of 2014"),
        "{ward}"
    );
    assert!(
        ward["evidence"].as_str().unwrap().contains("2014"),
        "{ward}"
    );
    let kim = flags.iter().find(|f| f["reference"] == "kim2023").unwrap();
    assert_eq!(kim["severity"], "strong");

    let output = paperlens(&["check", "--citations", path_str(&flagged())]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("\nAnachronism (2)\n"), "{out}");
    assert!(out.contains("\nMalformed reference (1)\n"), "{out}");
    assert!(out.contains("\nCitation hygiene (1)\n"), "{out}");
    assert!(!out.contains("Topic mismatch"), "{out}");
    assert!(out.contains("\n  Kim (2023): "), "{out}");
    assert!(
        out.contains("\n4 of 5 references flagged; 4 flags: 2 anachronism, 1 malformed reference, 1 citation hygiene\n"),
        "{out}"
    );
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
fn check_citations_on_real_papers_prints_json_with_their_references() {
    // A JATS paper, and a TEI one with citation markers that name no reference.
    for paper in ["jats/journal.pmed.0020124.xml", "tei/N18-3011.tei.xml"] {
        if let Some(paper) = real_paper(paper) {
            check_citations_on_a_real_paper(&paper);
        }
    }
}

/// `check --citations` on `paper`, in JSON and in words, saying the same.
fn check_citations_on_a_real_paper(paper: &Path) {
    let paper = paper.to_path_buf();
    let report = flags_json(Some(&paper));
    let references = report["summary"]["references"].as_u64().unwrap();
    assert!(references > 10, "{}", report["summary"]);
    let flags = checked_flags(&report);
    let flagged = report["summary"]["flagged_references"].as_u64().unwrap();
    assert!(flagged <= references, "{}", report["summary"]);
    // Each flag's reference is one of the paper's references, by its id.
    let listed = paperlens(&["export", "refs", "--format", "csl-json", path_str(&paper)]);
    assert_exit(&listed, 0);
    let listed: serde_json::Value = serde_json::from_str(&stdout(&listed)).expect("CSL-JSON");
    let ids: Vec<&str> = listed
        .as_array()
        .expect("a list of references")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    for flag in &flags {
        if let Some(id) = flag["reference"].as_str() {
            assert!(
                ids.contains(&id),
                "{id} is not a reference of the paper: {flag}"
            );
        }
    }
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
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (reference, check) = (column("reference"), column("check"));
    let mut rows: Vec<(String, String)> = reader
        .records()
        .map(|row| {
            let row = row.expect("a CSV row");
            (row[check].to_owned(), row[reference].to_owned())
        })
        .collect();
    rows.sort();
    let mut expected = checks_and_references(&checked_flags(&flags_json(Some(&flagged()))));
    expected.sort();
    assert_eq!(rows, expected, "one row per flag");
    assert_eq!(rows.len(), 4);

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
    // A section per flagged reference, in the list's order, as the list prints it.
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), 4, "{text}");
    for (heading, author) in headings.iter().zip(["Ward", "Kim", "Cole", "Hart"]) {
        assert!(heading.contains(author), "{author}: {heading}");
    }
    assert!(
        text.contains("\n> Coastal councils published flood maps after the storm surge of 2014"),
        "the citing sentence quoted:\n{text}"
    );
    assert!(text.contains("**Does this source support this sentence?**\n\n- [ ] Yes\n- [ ] Partly\n- [ ] No\n- [ ] Can't tell\n"), "{text}");
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

/// The files of `folder`, and of its folders one level down (a Markdown paper's folder).
fn files_in(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            files.extend(files_in(&path).into_iter().filter(|p| p.is_file()));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn check_citations_exits_as_check_does_on_every_fixture_and_real_paper() {
    let mut files: Vec<PathBuf> = ["invalid", "hostile", "papers", "import", "checks"]
        .iter()
        .flat_map(|folder| files_in(&fixtures().join(folder)))
        .collect();
    match real_paper("") {
        Some(papers) => files.extend(files_in(&papers)),
        None => println!("skipped: the real papers"),
    }
    assert!(files.len() > 60, "{files:?}");
    for file in &files {
        let plain = paperlens(&["check", path_str(file)]);
        let citations = paperlens(&["check", "--citations", path_str(file)]);
        assert_eq!(
            citations.status.code(),
            plain.status.code(),
            "{}: the flags changed the exit status:\n{}{}",
            file.display(),
            stdout(&citations),
            stderr(&citations)
        );
        assert!(
            !stderr(&citations).contains("panicked"),
            "{}",
            file.display()
        );
        if citations.status.success() {
            let out = stdout(&citations);
            let last = out.trim_end().lines().last().unwrap_or_default();
            assert!(
                last.contains(" flagged; "),
                "{}: the last line counts the flags:\n{out}",
                file.display()
            );
        }
    }
}

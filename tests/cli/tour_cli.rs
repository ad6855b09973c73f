//! `paperlens check` and the guided tour: a step naming no item, a highlight that is not in its
//! passage.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use common::{assert_exit, fixtures, paperlens, path_str, stdout};

#[test]
fn check_reports_a_tour_step_naming_no_item_with_the_nearest_key() {
    let path = fixtures().join("invalid/unknown-tour-item.json");
    let output = paperlens(&["check", path_str(&path)]);
    assert_exit(&output, 1);
    let out = stdout(&output);
    assert!(out.contains("error[unknown-tour-item]"), "{out}");
    assert!(
        out.contains("no case has the id `exnet-cuont`"),
        "the message names the id:\n{out}"
    );
    assert!(
        out.contains("did you mean `case:exnet-count`?"),
        "the hint suggests the nearest key:\n{out}"
    );
    assert!(
        out.contains("“Tour”"),
        "the hint names the guide's section:\n{out}"
    );
}

#[test]
fn check_warns_of_a_highlight_not_in_its_passage_and_still_exits_0() {
    let path = fixtures().join("invalid/highlight-not-found.json");
    let output = paperlens(&["check", path_str(&path)]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("warning[highlight-not-found]"), "{out}");
    assert!(out.contains("paragraph `data.p1`"), "{out}");
    assert!(out.contains("0 errors, 1 warning"), "{out}");
}

/// The Markdown paper of the fixtures, copied with its bibliography into a folder of its own.
fn markdown_paper_in(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let source = fixtures().join("papers/markdown-small");
    for name in ["paper.md", "paper.bib"] {
        std::fs::copy(source.join(name), dir.path().join(name)).expect("copy the fixture");
    }
    dir.path().join("paper.md")
}

#[test]
fn check_reads_the_tour_file_beside_a_paper_and_names_it_in_its_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paper = markdown_paper_in(&dir);
    let tour = dir.path().join("paper.md.tour.json");
    std::fs::write(
        &tour,
        "{\n  \"format\": \"paperlens-tour/1\",\n  \"steps\": [\n    { \"show\": \"paragraph:summary.p1\", \"highlight\": \"Tide gauges\" },\n    { \"show\": \"paragraph:sumary.p1\" }\n  ]\n}\n",
    )
    .expect("write the tour file");
    let output = paperlens(&["check", path_str(&paper)]);
    // A tour file never stops the paper opening: its problems are warnings.
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("warning[unknown-tour-item]"), "{out}");
    let place = format!("{}:5:15: ", tour.display());
    assert!(
        out.contains(&place),
        "the tour file's line and column:\n{out}"
    );
    assert!(
        out.contains("did you mean `paragraph:summary.p1`?"),
        "{out}"
    );
    assert!(out.contains("0 errors, 1 warning"), "{out}");
}

#[test]
fn check_warns_of_a_broken_tour_file_and_still_opens_the_paper() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paper = markdown_paper_in(&dir);
    let tour = dir.path().join("paper.md.tour.json");
    std::fs::write(
        &tour,
        "{\n  \"format\": \"paperlens-tour/1\",\n  \"steps\": [\n",
    )
    .unwrap();
    let output = paperlens(&["check", path_str(&paper)]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("warning[tour-file]"), "{out}");
    assert!(
        out.contains(&format!(
            "{}:4:1: the tour file cannot be read",
            tour.display()
        )),
        "the tour file's path, line and column:\n{out}"
    );
    assert!(out.contains("delete it to start the tour afresh"), "{out}");
    assert!(out.contains("3 references"), "the paper is read:\n{out}");
}

#[test]
fn a_paper_imported_with_a_tour_file_naming_a_missing_item_writes_a_corpus_that_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paper = markdown_paper_in(&dir);
    std::fs::write(
        dir.path().join("paper.md.tour.json"),
        "{\"format\": \"paperlens-tour/1\", \"steps\": [{\"show\": \"paragraph:summary.p1\"}, {\"show\": \"paragraph:gone.p9\"}]}",
    )
    .unwrap();
    let out = dir.path().join("corpus.json");
    let output = paperlens(&["import", path_str(&paper), "--out", path_str(&out)]);
    assert_exit(&output, 0);
    // The written corpus keeps the step that shows something and opens cleanly.
    let report = paperlens::open::open_path(&out);
    let corpus = report.corpus.expect("the written corpus opens");
    let shows: Vec<&str> = corpus.file.tour.iter().map(|s| s.show.as_str()).collect();
    assert_eq!(shows, ["paragraph:summary.p1"]);
}

//! `paperlens import`, `paperlens check` and `paperlens export citations` on papers: a small JATS
//! article and a small Pandoc Markdown paper with its BibTeX file (fixtures of their own, about
//! hydrology and tide gauges), read straight from the formats they come in.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use crate::common;
use common::{assert_exit, fixtures, json_codes, paperlens, path_str, stderr, stdout, write_temp};

fn jats() -> PathBuf {
    fixtures().join("papers/jats-small.xml")
}

fn markdown() -> PathBuf {
    fixtures().join("papers/markdown-small/paper.md")
}

#[test]
fn a_jats_article_imports_as_a_corpus_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rainfall.json");
    let output = paperlens(&["import", path_str(&jats()), "--out", path_str(&out)]);
    assert_exit(&output, 0);
    let err = stderr(&output);
    assert!(err.contains("read as JATS XML"), "{err}");
    assert!(stdout(&output).contains("wrote"), "{}", stdout(&output));
    let check = paperlens(&["check", path_str(&out)]);
    assert_exit(&check, 0);
    let summary = stdout(&check);
    for expected in [
        "3 references",
        "2 sections",
        "1 table (2 rows)",
        "1 figure",
        "0 errors",
    ] {
        assert!(summary.contains(expected), "{expected:?} not in {summary}");
    }
    let corpus: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(corpus["format"], "paperlens-corpus/2");
    assert_eq!(
        corpus["paper"]["title"],
        "Rainfall and river discharge in two upland catchments"
    );
    assert_eq!(
        corpus["paper"]["authors"][0]["orcid"],
        "https://orcid.org/0000-0002-1825-0097"
    );
    assert_eq!(corpus["paper"]["authors"][2]["group"], true);
}

#[test]
fn a_paper_is_checked_directly_and_its_summary_counts_tables_and_figures() {
    let output = paperlens(&["check", path_str(&jats()), "--format", "json"]);
    assert_exit(&output, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let summary = &report["summary"];
    assert_eq!(summary["tables"], 1, "{summary}");
    assert_eq!(summary["figures"], 1, "{summary}");
    assert_eq!(summary["references"], 3, "{summary}");
    assert_eq!(summary["errors"], 0, "{summary}");
    assert!(
        json_codes(&report).contains(&"imported".to_owned()),
        "{report}"
    );
}

#[test]
fn a_paper_without_its_text_is_checked_with_one_warning() {
    // A JATS article held as scanned pages: front matter and references, no body.
    let dir = tempfile::tempdir().unwrap();
    let article = write_temp(
        &dir,
        "scanned.xml",
        b"<article><front><article-meta><title-group><article-title>Tides</article-title>\
          </title-group></article-meta></front><back><ref-list><ref id=\"r1\">\
          <mixed-citation>Moss A. Sea level. 1998.</mixed-citation></ref></ref-list></back>\
          </article>",
    );
    let output = paperlens(&["check", path_str(&article), "--format", "json"]);
    assert_exit(&output, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let codes = json_codes(&report);
    assert_eq!(
        codes.iter().filter(|c| *c == "no-paper-text").count(),
        1,
        "{report}"
    );
    assert!(!codes.contains(&"uncited-reference".to_owned()), "{report}");
    let output = paperlens(&["check", path_str(&article)]);
    let out = stdout(&output);
    assert!(
        out.contains("the file holds no text of the paper, only its title and 1 reference"),
        "{out}"
    );
    assert!(out.contains("PubMed Central"), "the hint says why: {out}");
}

#[test]
fn a_markdown_paper_imports_with_its_bibliography_beside_it() {
    let output = paperlens(&["import", path_str(&markdown())]);
    assert_exit(&output, 0);
    let corpus: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let references = corpus["references"].as_array().unwrap();
    assert_eq!(references.len(), 3, "{corpus}");
    let check = paperlens(&["check", path_str(&markdown())]);
    assert_exit(&check, 0);
    let out = stdout(&check);
    assert!(out.contains("4 citations"), "{out}");
    assert!(out.contains("1 table"), "{out}");
    assert!(out.contains("1 figure"), "{out}");
}

#[test]
fn a_bibliography_named_by_a_path_from_elsewhere_is_found_beside_the_paper() {
    // Pandoc reads `bibliography:` from the folder it runs in: `examples/paper.bib` names the
    // file beside a paper in `examples/`.
    let dir = tempfile::tempdir().unwrap();
    let paper = std::fs::read_to_string(markdown()).unwrap().replace(
        "bibliography: paper.bib",
        "bibliography: examples/paper.bib",
    );
    let path = write_temp(&dir, "paper.md", paper.as_bytes());
    let bib = std::fs::read(markdown().with_file_name("paper.bib")).unwrap();
    write_temp(&dir, "paper.bib", &bib);
    let output = paperlens(&["check", path_str(&path)]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("3 references"), "{out}");
    assert!(!out.contains("could not be read"), "{out}");
}

#[test]
fn a_bibliography_given_with_bib_replaces_the_one_the_paper_names() {
    let dir = tempfile::tempdir().unwrap();
    let bib = write_temp(
        &dir,
        "other.json",
        br#"[{"id": "woodworth2016", "type": "article-journal", "title": "Only this one"}]"#,
    );
    let output = paperlens(&["import", path_str(&markdown()), "--bib", path_str(&bib)]);
    assert_exit(&output, 0);
    let err = stderr(&output);
    assert!(
        err.contains("holgate2013"),
        "a key missing from --bib is told: {err}"
    );
    let corpus: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(corpus["references"][0]["title"], "Only this one");
}

#[test]
fn a_markdown_paper_whose_bibliography_is_missing_still_opens_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let paper = std::fs::read(markdown()).unwrap();
    let path = write_temp(&dir, "paper.md", &paper);
    let output = paperlens(&["check", path_str(&path)]);
    let out = stdout(&output);
    assert!(
        out.contains("paper.bib"),
        "the missing file is named: {out}"
    );
    assert!(out.contains("0 references"), "{out}");
}

#[test]
fn citations_export_as_a_worksheet_of_section_paragraph_sentence_and_reference() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("citations.csv");
    let output = paperlens(&[
        "export",
        "citations",
        "--out",
        path_str(&out),
        path_str(&jats()),
    ]);
    assert_exit(&output, 0);
    let text = std::fs::read_to_string(&out).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers,
        [
            "section",
            "paragraph",
            "sentence",
            "citation",
            "reference",
            "label"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // [1]; [2,3] (two works); [1]–[3] (three works).
    assert_eq!(rows.len(), 6, "{text}");
    let first = &rows[0];
    assert_eq!(&first[0], "1 Introduction");
    assert!(first[2].contains("Global Runoff Data Centre"), "{text}");
    assert_eq!(&first[4], "b1");
    assert!(first[5].contains("Fekete"), "{text}");
    let range: Vec<&str> = rows.iter().skip(3).map(|row| &row[4]).collect();
    assert_eq!(range, ["b1", "b2", "b3"], "a range cites every work in it");
}

#[test]
fn citations_in_table_cells_and_captions_are_exported_after_the_texts() {
    let article = r#"<?xml version="1.0"?>
<article><front><article-meta><title-group><article-title>Pumps</article-title></title-group></article-meta></front>
<body><sec><title>Results</title><p>Strains differ <xref ref-type="bibr" rid="b1">[1]</xref>.</p>
<table-wrap id="t1"><label>Table 1</label><caption><p>Strains.</p></caption><table>
<thead><tr><th>Strain</th><th>Source</th></tr></thead>
<tbody><tr><td>HF10</td><td><xref ref-type="bibr" rid="b2">[2]</xref></td></tr>
<tr><td>HF70</td><td><xref ref-type="bibr" rid="b1">[1]</xref>, <xref ref-type="bibr" rid="b2">[2]</xref></td></tr></tbody>
</table></table-wrap>
<fig id="f1"><label>Figure 1</label><caption><p>Colonies, as grown by <xref ref-type="bibr" rid="b2">[2]</xref>.</p></caption><graphic xlink:href="f1.png" xmlns:xlink="http://www.w3.org/1999/xlink"/></fig></sec></body>
<back><ref-list>
<ref id="b1"><label>1</label><element-citation><person-group person-group-type="author"><name><surname>Frigaard</surname><given-names>N</given-names></name></person-group><article-title>Proteorhodopsin</article-title><source>Nature</source><year>2006</year></element-citation></ref>
<ref id="b2"><label>2</label><element-citation><person-group person-group-type="author"><name><surname>McCarren</surname><given-names>J</given-names></name></person-group><article-title>Pumps</article-title><source>PNAS</source><year>2007</year></element-citation></ref>
</ref-list></back></article>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(&dir, "pumps.xml", article.as_bytes());
    let output = paperlens(&["export", "citations", path_str(&path)]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|row| row.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let cells: Vec<[&str; 4]> = rows
        .iter()
        .map(|row| [&*row[1], &*row[2], &*row[3], &*row[4]])
        .collect();
    assert_eq!(
        cells,
        [
            ["results.p1", "Strains differ [1].", "[1]", "b1"],
            ["t1.r1", "HF10 | [2]", "[2]", "b2"],
            ["t1.r2", "HF70 | [1], [2]", "[1], [2]", "b1"],
            ["t1.r2", "HF70 | [1], [2]", "[1], [2]", "b2"],
            // A caption keeps its markers as text: the work, and no marker of its own.
            ["f1", "Figure 1. Colonies, as grown by [2].", "", "b2"],
        ],
        "{text}"
    );
    assert!(rows.iter().skip(1).all(|row| row[0] == "Results"), "{text}");
    let csv = dir.path().join("citations.csv");
    let output = paperlens(&[
        "export",
        "citations",
        "--out",
        path_str(&csv),
        path_str(&path),
    ]);
    assert_exit(&output, 0);
    let said = format!("{}{}", stdout(&output), stderr(&output));
    assert!(said.contains("(5 cited references as CSV)"), "{said}");
}

#[test]
fn the_built_in_papers_citations_export_one_row_per_cited_reference() {
    let output = paperlens(&["export", "citations"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    let check = paperlens(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&check)).unwrap();
    let cited = report["summary"]["citations"].as_u64().unwrap();
    let rows = csv::Reader::from_reader(text.as_bytes()).records().count();
    assert_eq!(rows as u64, cited, "{text}");
}

#[test]
fn a_paper_that_cannot_be_read_is_told_where_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let cut = write_temp(
        &dir,
        "cut.xml",
        b"<?xml version=\"1.0\"?>\n<article>\n<body><p>Text",
    );
    let output = paperlens(&["import", path_str(&cut)]);
    assert_exit(&output, 1);
    let err = stderr(&output);
    assert!(err.contains("paper-syntax"), "{err}");
    assert!(err.contains("cut.xml:"), "the place is given: {err}");
    assert!(err.contains("never closed"), "{err}");

    let missing = dir.path().join("missing.xml");
    assert_exit(&paperlens(&["import", path_str(&missing)]), 2);

    let output = paperlens(&[
        "import",
        path_str(&markdown()),
        "--bib",
        path_str(&dir.path().join("nope.bib")),
    ]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("nope.bib"), "{}", stderr(&output));

    let output = paperlens(&["import", path_str(&jats()), "--kind", "tei"]);
    assert_exit(&output, 1);
    assert!(stderr(&output).contains("article"), "{}", stderr(&output));
}

/// Found by fuzzing: text after two byte-order marks. Whatever the import makes of it, every
/// location it reports is a character boundary of the text the report shows.
#[test]
fn locations_in_a_paper_after_two_byte_order_marks_fall_on_characters() {
    let mut bytes = b"\xEF\xBB\xBF\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("\u{fffd}q<\u{1}not\u{fffd}<sx?ml vers\0\0A\u{13}b".as_bytes());
    for name in ["fuzz.xml", "fuzz.tei.xml", "fuzz.md", "fuzz.txt"] {
        let report = paperlens::open::open_bytes(&bytes, name);
        let source = report.source_text.clone().unwrap_or_default();
        for location in report.diagnostics.iter().filter_map(|d| d.location) {
            assert!(
                source.is_char_boundary(location.offset),
                "{name}: {location:?}"
            );
        }
        let rendered = paperlens::corpus::diagnostics::render_human(
            &report.diagnostics,
            name,
            report.source_text.as_deref(),
            false,
        );
        assert!(!rendered.is_empty(), "{name}");
    }
}

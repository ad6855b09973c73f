//! A PDF opened by the real binary: its text taken out by `pdftotext` and read as plain text
//! (a small paper of its own, written here as a PDF, about tide gauges), and each way that can
//! fail said in plain words: `pdftotext` missing, a damaged PDF, a scan without text, a Word
//! document. The tests that need `pdftotext` print a notice and pass where it is not installed.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use common::{
    PDF_PAPER, assert_exit, paperlens, paperlens_with_env, path_str, pdf_of, pdftotext_or_skip,
    stderr, stdout, write_temp,
};

#[test]
fn a_pdf_is_read_through_pdftotext_with_its_sections_citations_and_references() {
    if !pdftotext_or_skip("a PDF read through pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let paper = write_temp(&dir, "tides.pdf", &pdf_of(&PDF_PAPER));
    let output = paperlens(&["import", path_str(&paper)]);
    assert_exit(&output, 0);
    let corpus: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        corpus["paper"]["title"],
        "Tide gauges and the drift of mean sea level"
    );
    let sections: Vec<&str> = corpus["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|section| section["title"].as_str())
        .collect();
    assert_eq!(sections, ["Introduction", "Methods"]);
    let references = corpus["references"].as_array().unwrap();
    assert_eq!(references.len(), 2);
    assert_eq!(references[0]["title"], "Sea level records");
    assert_eq!(
        references[0]["container-title"],
        "Journal of Coastal Research"
    );
    assert_eq!(references[0]["volume"], "12");
    assert_eq!(references[0]["issued"]["date-parts"][0][0], 2001);
    assert_eq!(references[1]["title"], "Altimetry and gauges");
    assert_eq!(references[1]["issued"]["date-parts"][0][0], 2003);
    assert_eq!(corpus["paper"]["authors"][0]["name"], "Maren Ostby");
    let err = stderr(&output);
    assert!(
        err.contains("read as the text pdftotext took from the PDF: 2 sections"),
        "{err}"
    );
    assert!(
        err.contains("lines and columns these messages give"),
        "{err}"
    );
    // Both citations point at their references: the worksheet has a row for each.
    let output = paperlens(&["export", "citations", path_str(&paper)]);
    assert_exit(&output, 0);
    let rows = stdout(&output);
    assert!(rows.contains("satellite record"), "{rows}");
    assert_eq!(rows.lines().count(), 3, "{rows}");
}

#[test]
fn a_pdf_without_pdftotext_says_how_to_install_it() {
    let dir = tempfile::tempdir().unwrap();
    let paper = write_temp(&dir, "tides.pdf", &pdf_of(&PDF_PAPER));
    let missing = dir.path().join("no-such-program");
    let output = paperlens_with_env(
        &["check", path_str(&paper)],
        &[("PAPERLENS_PDFTOTEXT", missing.as_os_str())],
    );
    assert_exit(&output, 1);
    let err = stdout(&output);
    assert!(
        err.contains("paperlens reads a PDF's text with `pdftotext`, which is not installed"),
        "{err}"
    );
    assert!(err.contains("apt install poppler-utils"), "{err}");
    assert!(err.contains("tides.pdf"), "the file is named: {err}");
}

#[test]
fn a_damaged_pdf_or_a_scan_says_what_is_wrong() {
    if !pdftotext_or_skip("a damaged PDF") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let whole = pdf_of(&PDF_PAPER);
    let cut = write_temp(&dir, "cut.pdf", whole.get(..whole.len() / 3).unwrap());
    let output = paperlens(&["check", path_str(&cut)]);
    assert_exit(&output, 1);
    let err = stdout(&output);
    assert!(err.contains("`pdftotext` could not read this PDF"), "{err}");
    assert!(err.contains("damaged or cut short"), "{err}");
    // A page with no text on it, as a scan's pages are pictures.
    let scan = write_temp(&dir, "scan.pdf", &pdf_of(&[]));
    let output = paperlens(&["check", path_str(&scan)]);
    assert_exit(&output, 1);
    let err = stdout(&output);
    assert!(err.contains("the PDF has no text in it"), "{err}");
    assert!(err.contains("ocrmypdf"), "{err}");
}

#[test]
fn a_file_named_as_a_pdf_that_is_none_says_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write_temp(&dir, "empty.pdf", b"");
    let output = paperlens(&["check", path_str(&empty)]);
    assert_exit(&output, 1);
    let err = stdout(&output);
    assert!(
        err.contains("the file is empty: there is no PDF in it"),
        "{err}"
    );
    assert!(!err.contains("corpus"), "{err}");
    // What a journal's site gives instead of the PDF when it wants a login.
    let page = write_temp(
        &dir,
        "paper.pdf",
        b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>",
    );
    let output = paperlens(&["check", path_str(&page)]);
    assert_exit(&output, 1);
    let err = stdout(&output);
    assert!(err.contains("holds a web page"), "{err}");
    assert!(err.contains("save the PDF itself"), "{err}");
}

#[test]
fn a_word_document_is_named_not_reported_as_text_that_is_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let docx = write_temp(
        &dir,
        "essay.docx",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xfe",
    );
    let output = paperlens(&["check", path_str(&docx)]);
    assert_exit(&output, 1);
    let err = stdout(&output);
    assert!(
        err.contains("the file is a Word document (.docx), not a paper's text"),
        "{err}"
    );
    assert!(err.contains("pandoc"), "{err}");
    assert!(!err.contains("UTF-8"), "{err}");
    assert!(docx.exists());
}

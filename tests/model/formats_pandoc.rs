//! The exported CSL-JSON and BibTeX of the built-in corpus work as a Pandoc bibliography:
//! `pandoc --citeproc` formats all 19 references.
//!
//! Without `pandoc` on the PATH the test prints a notice and passes, except on CI (the `CI`
//! environment variable set), where pandoc is installed and its absence is a failure.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use paperlens::corpus::Corpus;
use paperlens::formats::{ReferenceFormat, export_references};

/// Whether pandoc can be run; panics on CI when it cannot.
pub(crate) fn pandoc_available() -> bool {
    match Command::new("pandoc").arg("--version").output() {
        Ok(output) if output.status.success() => true,
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "pandoc is not installed, but CI is set: CI must install pandoc"
            );
            println!("skipped: pandoc not installed");
            false
        }
    }
}

/// Lower case, letters and digits only: titles compared whatever case, quotes and line
/// breaks a style gives them.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Runs pandoc on a document citing every entry of `bibliography` and returns the plain text.
fn pandoc_bibliography(bibliography: &str, file_name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join(file_name);
    std::fs::write(&bib, bibliography).unwrap();
    let doc = dir.path().join("doc.md");
    std::fs::write(&doc, "---\nnocite: '@*'\n---\n\n# References\n").unwrap();
    let output = Command::new("pandoc")
        .arg("--citeproc")
        .arg("--bibliography")
        .arg(&bib)
        .args(["-t", "plain", "--wrap=none"])
        .arg(&doc)
        .output()
        .expect("run pandoc");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "pandoc failed: {stderr}");
    assert!(
        !stderr.contains("WARNING") && !stderr.contains("Error"),
        "pandoc complained: {stderr}"
    );
    String::from_utf8(output.stdout).unwrap()
}

fn check(format: ReferenceFormat, file_name: &str) {
    let corpus = Corpus::builtin();
    let text = export_references(&corpus, format, None).unwrap();
    let out = pandoc_bibliography(&text, file_name);
    let entries: Vec<&str> = out
        .lines()
        .filter(|l| !l.trim().is_empty() && l.trim() != "References")
        .collect();
    assert_eq!(entries.len(), 19, "{out}");
    let normalised_entries: Vec<String> = entries.iter().map(|e| normalise(e)).collect();
    for reference in &corpus.file.references {
        let title = normalise(&reference.title);
        // A repeated author may print as `———`, so the name is looked for in the whole list.
        let family = normalise(&reference.author[0].family);
        assert!(normalise(&out).contains(&family), "{family}: {out}");
        assert!(
            normalised_entries.iter().any(|e| e.contains(&title)),
            "{} (“{}”) is missing from pandoc's output:\n{out}",
            reference.id,
            reference.title
        );
    }
}

#[test]
fn pandoc_formats_every_reference_of_the_csl_json_export() {
    if pandoc_available() {
        check(ReferenceFormat::CslJson, "references.json");
    }
}

#[test]
fn pandoc_formats_every_reference_of_the_bibtex_export() {
    if pandoc_available() {
        check(ReferenceFormat::Bibtex, "references.bib");
    }
}

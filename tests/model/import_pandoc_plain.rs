//! The six JOSS papers of `../shared/data/papers/markdown/` as plain text with author–date
//! citations, written by `pandoc --citeproc -t plain` in Chicago author-date, APA and Harvard
//! (the official styles of `../shared/data/csl/`): imported as plain text, each must have the
//! references and the citations its Markdown has, every citation naming the works its `@key`s
//! name (a work known by its first author's family name and its year).
//!
//! Skipped, with a notice, when `../shared` is absent or pandoc is not installed (on CI, where
//! pandoc is installed, its absence is a failure).
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use paperlens::corpus::Corpus;
use paperlens::corpus::cite::year;
use paperlens::corpus::model::Reference;
use paperlens::formats::paper::{ImportOptions, PaperKind, import};

use super::formats_pandoc::pandoc_available;
use super::import_acl_plain::first_author;

const PAPERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/papers/markdown/"
);
const STYLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/csl/");

/// A work as both imports know it: its first author's family name (an organisation's whole
/// name), lower case and without diacritics, and its year.
type Work = (String, Option<i32>);

fn work(reference: &Reference) -> Work {
    let first = first_author(reference)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .map(nucleo_matcher::chars::normalize)
        .flat_map(char::to_lowercase)
        .collect();
    (first, year(reference))
}

/// The works the corpus's citations (in its text and its tables' cells) name, one for each
/// time one is named, sorted: a style orders the works of one parenthesis its own way (APA
/// alphabetically), and prints each work of `[@a; @b]` as a citation of its own.
fn cited_works(corpus: &Corpus) -> Vec<Work> {
    let in_text = corpus.index.citations.iter().map(|c| &c.references);
    let in_cells = corpus.index.cell_citations.iter().map(|c| &c.references);
    let mut works: Vec<Work> = in_text
        .chain(in_cells)
        .flatten()
        .map(|&r| work(&corpus.file.references[r]))
        .collect();
    works.sort();
    works
}

/// The paper `name` as its Markdown reads, with its bibliography beside it.
fn from_markdown(dir: &Path) -> Corpus {
    let text = std::fs::read_to_string(dir.join("paper.md")).unwrap();
    let read_beside =
        |file: &str| std::fs::read_to_string(dir.join(file)).map_err(|e| e.to_string());
    let options = ImportOptions {
        bibliography: None,
        read_beside: &read_beside,
    };
    let imported = import(PaperKind::Markdown, &text, &options).unwrap();
    Corpus::from_file(imported.file, "paper.md").unwrap()
}

/// The paper as `pandoc --citeproc` writes it in plain text in `style`, its title first.
fn pandoc_plain_text(dir: &Path, style: &str) -> String {
    let output = Command::new("pandoc")
        .current_dir(dir)
        .args([
            "paper.md",
            "--standalone",
            "--citeproc",
            "--to",
            "plain",
            "--csl",
        ])
        .arg(PathBuf::from(STYLES).join(format!("{style}.csl")))
        .output()
        .expect("run pandoc");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "pandoc failed: {stderr}");
    String::from_utf8(output.stdout).expect("pandoc writes UTF-8")
}

/// Checks every JOSS paper in `style`: `unread` lists, as `(paper, work)`, the works whose
/// entries the plain text does not give back (their citations left out of the comparison).
fn read_back_in(style: &str, unread: &[(&str, &str)]) {
    let Ok(folders) = std::fs::read_dir(PAPERS) else {
        eprintln!("skipped: {PAPERS} is not present");
        return;
    };
    if !pandoc_available() {
        return;
    }
    let mut dirs: Vec<PathBuf> = folders.filter_map(|f| Some(f.ok()?.path())).collect();
    dirs.sort();
    let mut missing = Vec::new();
    for dir in dirs.iter().filter(|dir| dir.join("paper.md").exists()) {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let markdown = from_markdown(dir);
        let text = pandoc_plain_text(dir, style);
        let imported = import(PaperKind::PlainText, &text, &ImportOptions::default())
            .unwrap_or_else(|error| panic!("{name} in {style} does not import: {error:?}"));
        let plain = Corpus::from_file(imported.file, &name)
            .unwrap_or_else(|errors| panic!("{name} in {style}: {errors:#?}"));

        // The title and date pandoc prints at the top (its apostrophes typographic).
        let front = |corpus: &Corpus| {
            let paper = &corpus.file.paper;
            (paper.title.replace('’', "'"), paper.date.clone())
        };
        assert_eq!(front(&plain), front(&markdown), "{name} in {style}");

        // Pandoc prints each image as its caption in brackets: the same figures, in order.
        let figures = |corpus: &Corpus| -> Vec<(String, String)> {
            let file = &corpus.file;
            file.figures
                .iter()
                .map(|f| (f.label.clone(), f.caption.replace('’', "'")))
                .collect()
        };
        assert_eq!(figures(&plain), figures(&markdown), "{name} in {style}");

        // Pandoc lists the works the text cites; the Markdown import keeps the same.
        let mut listed: Vec<Work> = plain.file.references.iter().map(work).collect();
        let mut cited: Vec<Work> = markdown.file.references.iter().map(work).collect();
        listed.sort();
        cited.sort();
        for lost in cited.iter().filter(|w| !listed.contains(w)) {
            missing.push((name.clone(), format!("{} {:?}", lost.0, lost.1)));
        }
        assert_eq!(listed.len(), cited.len(), "{name} in {style}: {listed:?}");

        // Every time the Markdown cites a work, the text cites it; those the list lost are
        // left out of both.
        let kept = |works: Vec<Work>| -> Vec<Work> {
            works.into_iter().filter(|w| listed.contains(w)).collect()
        };
        let expected = kept(cited_works(&markdown));
        let found = kept(cited_works(&plain));
        assert_eq!(found, expected, "{name} in {style}:\n{text}");
    }
    let unread: Vec<(String, String)> = unread
        .iter()
        .map(|&(paper, work)| (paper.to_owned(), work.to_owned()))
        .collect();
    assert_eq!(missing, unread, "works not read back in {style}");
}

#[test]
fn joss_papers_in_chicago_author_date_plain_text_read_back() {
    read_back_in(
        "chicago-author-date",
        // `paper.bib` spells the author `Crooks, Andrew"`, and Chicago prints the stray quote
        // (`Kazil, Jackie, David Masad, and Andrew" Crooks. 2020.`): no list of names has it.
        &[("ABM4ALL__Melodie", "kazil Some(2020)")],
    );
}

#[test]
fn joss_papers_in_apa_plain_text_read_back() {
    read_back_in("apa", &[]);
}

#[test]
fn joss_papers_in_harvard_plain_text_read_back() {
    read_back_in("harvard-cite-them-right", &[]);
}

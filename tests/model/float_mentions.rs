//! Tables and figures named in the text, on the real articles of `../shared/data/papers/`:
//! every `<xref ref-type="fig">` and `<xref ref-type="table">` of a JATS article's running
//! text is where a paragraph names its figure or table, so each must be found by its printed
//! label ("Fig 2", "Table 1", "Figs 3 and 4") and linked both ways; a GROBID TEI file and a
//! JOSS paper name theirs in the same words.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use crate::common::shared_papers;

use paperlens::corpus::{Corpus, Item};
use paperlens::formats::paper::xml::{self, Element, Node};
use paperlens::formats::paper::{ImportOptions, PaperKind, collapse_whitespace, import};

fn open(path: &Path, kind: PaperKind) -> (String, Corpus) {
    let text = std::fs::read_to_string(path).expect("read the paper");
    let imported = import(kind, &text, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{}: {}", path.display(), error.message));
    let corpus = Corpus::from_file(imported.file, &path.display().to_string()).expect("valid");
    (text, corpus)
}

/// Elements whose paragraphs are not the running text.
const NOT_RUNNING_TEXT: [&str; 7] = [
    "front",
    "caption",
    "table-wrap",
    "fig",
    "ref-list",
    "supplementary-material",
    "title",
];

/// Every cross-reference to a figure or table in a paragraph of the running text: the words
/// printed up to and with it (the last six) and the id it names.
fn cross_references(root: Element<'_>) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![root];
    while let Some(element) = stack.pop() {
        if NOT_RUNNING_TEXT.contains(&element.name()) {
            continue;
        }
        if element.is("p") {
            walk(element, &mut String::new(), &mut found);
        }
        stack.extend(element.elements());
    }
    found
}

fn walk(element: Element<'_>, printed: &mut String, found: &mut Vec<(String, String)>) {
    for node in element.nodes() {
        match node {
            Node::Text(text) => printed.push_str(text),
            Node::Element(child)
                if child.is("xref") && matches!(child.attr("ref-type"), Some("fig" | "table")) =>
            {
                printed.push_str(&child.text());
                let words: Vec<&str> = printed.split_whitespace().collect();
                let phrase = words[words.len().saturating_sub(6)..].join(" ");
                for rid in child.attr("rid").unwrap_or_default().split_whitespace() {
                    found.push((phrase.clone(), rid.to_owned()));
                }
            }
            // What the printed paragraph does not hold as written: start the phrase again.
            Node::Element(child) if !matches!(child.name(), "italic" | "bold" | "sup" | "sub") => {
                printed.clear();
                walk(child, printed, found);
                printed.clear();
            }
            Node::Element(child) => walk(child, printed, found),
        }
    }
}

/// The figure or table of `corpus` whose id is `id`.
fn float_with_id(corpus: &Corpus, id: &str) -> Option<Item> {
    let file = &corpus.file;
    file.figures
        .iter()
        .position(|f| f.id == id)
        .map(Item::Figure)
        .or_else(|| file.tables.iter().position(|t| t.id == id).map(Item::Table))
}

#[test]
fn every_figure_and_table_a_jats_paragraph_points_at_is_named_there() {
    let Some(jats) = shared_papers("jats") else {
        return;
    };
    let mut checked = 0;
    let mut missed = Vec::new();
    let mut folder: Vec<PathBuf> = std::fs::read_dir(jats)
        .expect("the JATS folder")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    folder.sort();
    for path in folder {
        let (text, corpus) = open(&path, PaperKind::Jats);
        let document = xml::parse(&text).expect("well-formed");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        for (phrase, id) in cross_references(document.root()) {
            // A figure given only as a supplementary file is not one of the corpus's figures.
            let Some(item) = float_with_id(&corpus, &id) else {
                continue;
            };
            let index = &corpus.index;
            let holding: Vec<usize> = (0..index.paragraphs.len())
                .filter(|&p| {
                    index
                        .paragraphs
                        .get(p)
                        .is_some_and(|info| collapse_whitespace(&info.printed).contains(&phrase))
                })
                .collect();
            assert!(
                !holding.is_empty(),
                "{name}: no paragraph prints {phrase:?}"
            );
            checked += 1;
            let named = holding
                .iter()
                .any(|p| index.paragraphs_naming(item).contains(p));
            if !named {
                missed.push(format!("{name}: {phrase:?} ({id})"));
            }
            for &p in index.paragraphs_naming(item) {
                let info = index.paragraphs.get(p).expect("a paragraph");
                assert!(
                    info.floats.iter().any(|mark| mark.item == item),
                    "{name}: both ways"
                );
            }
        }
    }
    println!("{checked} cross-references to figures and tables checked");
    assert!(checked >= 80, "{checked} checked");
    assert!(missed.is_empty(), "not named:\n{}", missed.join("\n"));
}

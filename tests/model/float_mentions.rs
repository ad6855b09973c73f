//! Tables and figures named in the text, on the real papers of `../shared/data/papers/`:
//! every `<xref ref-type="fig">` and `<xref ref-type="table">` of a JATS article's running
//! text, and every `<ref type="figure">` and `<ref type="table">` GROBID found in a TEI
//! file's, is where a paragraph names its figure or table, so each must be found by its
//! printed label ("Fig 2", "Table 1", "Figs 3 and 4") and linked both ways; and every section
//! sign of a TEI file ("§4.3") that names one of its numbered sections links to it.

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

/// Elements whose paragraphs are not the running text (JATS and TEI).
const NOT_RUNNING_TEXT: [&str; 9] = [
    "front",
    "caption",
    "table-wrap",
    "fig",
    "ref-list",
    "supplementary-material",
    "title",
    "teiHeader",
    "figure",
];

/// The ids a cross-reference to a figure or table names: JATS's `<xref ref-type="fig"
/// rid="f1 f2">`, TEI's `<ref type="figure" target="#fig_0">`; none for other elements.
fn targets(element: Element<'_>) -> Option<Vec<String>> {
    if element.is("xref") && matches!(element.attr("ref-type"), Some("fig" | "table")) {
        let rids = element.attr("rid").unwrap_or_default().split_whitespace();
        return Some(rids.map(str::to_owned).collect());
    }
    if element.is("ref") && matches!(element.attr("type"), Some("figure" | "table")) {
        let ids = element
            .attr("target")
            .unwrap_or_default()
            .split_whitespace();
        return Some(
            ids.map(|id| id.trim_start_matches('#').to_owned())
                .collect(),
        );
    }
    None
}

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
            Node::Element(child) => {
                if let Some(ids) = targets(child) {
                    printed.push_str(&child.text());
                    let words: Vec<&str> = printed.split_whitespace().collect();
                    let phrase = words[words.len().saturating_sub(6)..].join(" ");
                    found.extend(ids.into_iter().map(|id| (phrase.clone(), id)));
                } else if matches!(child.name(), "italic" | "bold" | "sup" | "sub" | "hi") {
                    walk(child, printed, found);
                } else {
                    // What the printed paragraph does not hold as written: start the phrase
                    // again.
                    printed.clear();
                    walk(child, printed, found);
                    printed.clear();
                }
            }
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
fn every_figure_and_table_a_paragraph_points_at_is_named_there() {
    let (Some(jats), Some(tei)) = (shared_papers("jats"), shared_papers("tei")) else {
        return;
    };
    let mut papers: Vec<(PathBuf, PaperKind)> = Vec::new();
    for (folder, kind) in [(jats, PaperKind::Jats), (tei, PaperKind::Tei)] {
        let entries = std::fs::read_dir(folder)
            .expect("a folder of papers")
            .flatten();
        papers.extend(entries.map(|entry| (entry.path(), kind)));
    }
    papers.sort_by(|a, b| a.0.cmp(&b.0));
    let mut checked = 0;
    let mut missed = Vec::new();
    for (path, kind) in papers {
        let (text, corpus) = open(&path, kind);
        let document = xml::parse(&text).expect("well-formed");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        for (phrase, id) in cross_references(document.root()) {
            // A figure given only as a supplementary file, or one GROBID found no label for,
            // is not one of the corpus's figures by that label.
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
    // 83 in the JATS articles, 4 in the TEI files.
    assert!(checked >= 85, "{checked} checked");
    assert!(missed.is_empty(), "not named:\n{}", missed.join("\n"));
}

/// The number written after each section sign of `text` ("§4.3" → `4.3`, "§ 6" → `6`), with
/// the byte where its sign starts.
fn section_signs(text: &str) -> Vec<(usize, String)> {
    text.match_indices('§')
        .filter_map(|(at, sign)| {
            let after = text.get(at + sign.len()..)?.trim_start_matches(['§', ' ']);
            let number: String = after
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let number = number.trim_end_matches('.');
            (!number.is_empty()).then(|| (at, number.to_owned()))
        })
        .collect()
}

#[test]
fn every_section_sign_naming_a_numbered_section_links_to_it() {
    let Some(tei) = shared_papers("tei") else {
        return;
    };
    let mut checked = 0;
    for name in ["2020.acl-main.207.tei.xml", "N18-3011.tei.xml"] {
        let (_, corpus) = open(&tei.join(name), PaperKind::Tei);
        let section_numbered = |number: &str| {
            corpus
                .file
                .sections
                .iter()
                .position(|s| s.number.trim_end_matches('.') == number)
                .map(Item::Section)
        };
        for (p, info) in corpus.index.paragraphs.iter().enumerate() {
            for (at, number) in section_signs(&info.printed) {
                let Some(section) = section_numbered(&number) else {
                    continue;
                };
                checked += 1;
                assert!(
                    info.floats
                        .iter()
                        .any(|mark| mark.item == section && mark.range.start == at),
                    "{name}: §{number} in paragraph {p} is not linked: {}",
                    info.printed
                );
                assert!(corpus.index.paragraphs_naming(section).contains(&p));
            }
        }
    }
    println!("{checked} section signs checked");
    assert!(checked >= 10, "{checked} checked");
}

//! The plain-text importer against the built-in paper: its own text (`../shared/paper/*.txt`)
//! imported must have the structure of the hand-made corpus (`corpus/fitria-2025.json`):
//! references, citations paragraph by paragraph, sections, paragraphs, the table, the figure and
//! the front matter. Also a second, unrelated paper of our own (`tests/fixtures/papers/`).
//! Tests that need the shared text print a notice and pass without it.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use paperlens::corpus::Corpus;
use paperlens::corpus::diagnostics::Severity;
use paperlens::formats::paper::{ImportOptions, Imported, PaperKind, import};

const PAPER_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/paper/");

/// The built-in paper's text, or `None` (after saying so) when the shared directory is absent.
fn paper_text() -> Option<String> {
    let Ok(entries) = std::fs::read_dir(Path::new(PAPER_DIR)) else {
        eprintln!("skipped: ../shared/paper not found");
        return None;
    };
    let path = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "txt"))?;
    Some(std::fs::read_to_string(path).expect("read the paper's text"))
}

fn imported(text: &str) -> (Imported, Corpus) {
    let imported = import(PaperKind::PlainText, text, &ImportOptions::default()).expect("imports");
    let corpus = Corpus::from_file(imported.file.clone(), "imported.json").expect("a valid corpus");
    (imported, corpus)
}

/// Each section as (number, title, parent's title, paragraph count).
fn outline(corpus: &Corpus) -> Vec<(String, String, String, usize)> {
    let file = &corpus.file;
    file.sections
        .iter()
        .map(|section| {
            let parent = section
                .parent
                .as_ref()
                .and_then(|id| file.sections.iter().find(|s| &s.id == id))
                .map(|s| s.title.clone())
                .unwrap_or_default();
            (
                section.number.clone(),
                section.title.clone(),
                parent,
                section.paragraphs.len(),
            )
        })
        .collect()
}

/// Each paragraph as (printed text, whitespace collapsed; the sorted citation numbers it cites).
fn paragraphs(corpus: &Corpus) -> Vec<(String, Vec<u32>)> {
    corpus
        .index
        .paragraphs
        .iter()
        .map(|paragraph| {
            let mut numbers: Vec<u32> = corpus.index.citations[paragraph.citations.clone()]
                .iter()
                .flat_map(|citation| citation.references.iter())
                .map(|&r| corpus.index.reference_numbers[r])
                .collect();
            numbers.sort_unstable();
            let text = paragraph
                .printed
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (text, numbers)
        })
        .collect()
}

#[test]
fn the_built_in_paper_imports_with_the_hand_made_structure() {
    let Some(text) = paper_text() else {
        return;
    };
    let (imported, corpus) = imported(&text);
    let builtin = Corpus::builtin();
    let errors: Vec<_> = imported
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    for warning in &corpus.warnings {
        eprintln!("load warning: {warning:?}");
    }

    assert_eq!(outline(&corpus), outline(&builtin));

    let ours = paragraphs(&corpus);
    let theirs = paragraphs(&builtin);
    assert_eq!(ours.len(), theirs.len());
    for (n, (ours, theirs)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(ours.1, theirs.1, "citations of paragraph {n}: {}", ours.0);
        assert_eq!(ours.0, theirs.0, "text of paragraph {n}");
    }
    assert_eq!(corpus.summary().citations, 47);
}

#[test]
fn the_built_in_paper_s_references_are_read_with_authors_titles_and_years() {
    let Some(text) = paper_text() else {
        return;
    };
    let (_, corpus) = imported(&text);
    let builtin = Corpus::builtin();
    let key = |corpus: &Corpus| -> Vec<(u32, Vec<String>, String, Option<i32>)> {
        corpus
            .file
            .references
            .iter()
            .map(|r| {
                (
                    r.citation_number.unwrap_or_default(),
                    r.author.iter().map(|a| a.family.clone()).collect(),
                    r.title.clone(),
                    r.issued
                        .as_ref()
                        .and_then(|d| d.date_parts.first()?.first().copied()),
                )
            })
            .collect()
    };
    let ours = key(&corpus);
    let theirs = key(&builtin);
    assert_eq!(ours.len(), 19);
    for (ours, theirs) in ours.iter().zip(&theirs) {
        assert_eq!(ours, theirs);
    }
    for (ours, theirs) in corpus.file.references.iter().zip(&builtin.file.references) {
        // Each entry kept as the list prints it, as the hand-made corpus keeps it.
        assert_eq!(ours.printed(), theirs.printed());
        let printed = ours.printed().unwrap_or_default();
        assert_eq!(ours.container_title, theirs.container_title, "{printed}");
        assert_eq!(ours.volume, theirs.volume, "{printed}");
        assert_eq!(ours.issue, theirs.issue, "{printed}");
        assert_eq!(ours.page, theirs.page, "{printed}");
        assert_eq!(ours.publisher, theirs.publisher, "{printed}");
        assert!(ours.note.is_empty(), "{}", ours.note);
    }
}

#[test]
fn the_built_in_paper_s_table_figure_and_front_matter_are_where_the_hand_made_corpus_has_them() {
    let Some(text) = paper_text() else {
        return;
    };
    let (imported, corpus) = imported(&text);
    let builtin = Corpus::builtin();
    for diagnostic in &imported.diagnostics {
        eprintln!("{:?}: {}", diagnostic.severity, diagnostic.message);
    }
    // Table: same place, header, shape and cells (rows split by the page break joined, the
    // region written once for the rows it spans repeated).
    assert_eq!(corpus.file.tables.len(), 1);
    let (ours, theirs) = (&corpus.file.tables[0], &builtin.file.tables[0]);
    let place = |id: &Option<String>, corpus: &Corpus| {
        let at = corpus
            .index
            .paragraph_by_id(id.as_deref().unwrap())
            .unwrap();
        corpus.index.paragraphs[at].printed.clone()
    };
    assert_eq!(
        place(&ours.after_paragraph, &corpus),
        place(&theirs.after_paragraph, &builtin)
    );
    let headers = |t: &paperlens::corpus::model::Table| -> Vec<String> {
        t.columns.iter().map(|c| c.header.clone()).collect()
    };
    assert_eq!(headers(ours), headers(theirs));
    let cells = |t: &paperlens::corpus::model::Table| -> Vec<Vec<String>> {
        t.rows.iter().map(|r| r.cells.clone()).collect()
    };
    assert_eq!(cells(ours), cells(theirs));
    // The paper prints no "Table 1" line: no label is made up.
    assert_eq!(ours.label, "");

    // Figure: the source line under a missing graph, after the same paragraph.
    assert_eq!(corpus.file.figures.len(), 1);
    let (ours, theirs) = (&corpus.file.figures[0], &builtin.file.figures[0]);
    assert!(ours.image.is_none());
    assert_eq!(
        place(&ours.after_paragraph, &corpus),
        place(&theirs.after_paragraph, &builtin)
    );
    assert_eq!(
        place(&ours.source_paragraph, &corpus),
        place(&theirs.source_paragraph, &builtin)
    );

    let (ours, theirs) = (&corpus.file.paper, &builtin.file.paper);
    assert_eq!(ours.title, theirs.title);
    assert_eq!(ours.authors, theirs.authors);
    assert_eq!(ours.affiliation, theirs.affiliation);
    assert_eq!(ours.abstract_text, theirs.abstract_text);
    assert_eq!(ours.keywords, theirs.keywords);
    assert_eq!(ours.history, theirs.history);
    assert_eq!(ours.date, theirs.date);
    assert_eq!(ours.license.name, theirs.license.name);
    assert_eq!(ours.license.statement, theirs.license.statement);
}

/// A second paper of our own: Vancouver-style references, page-break debris (running header,
/// page numbers) inside a paragraph, a hyphenated line end, a captioned table, a captioned
/// figure with its source line, and one marker naming a reference the list lacks.
fn vancouver() -> (Imported, Corpus) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/papers/plain-vancouver.txt");
    imported(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn a_vancouver_style_paper_imports_with_its_sections_and_links() {
    let (imported, corpus) = vancouver();
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let codes: Vec<&str> = imported
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "imported",
            "import-incomplete",
            "import-incomplete",
            "unresolved-marker"
        ],
        "{:?}",
        imported.diagnostics
    );

    let paper = &corpus.file.paper;
    assert_eq!(paper.title, "Rainfall and Crop Yields in Smallholder Farms");
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Maria Okafor", "Lena Brandt"]);
    assert_eq!(paper.keywords, ["rainfall", "maize", "smallholders"]);
    assert!(
        paper
            .abstract_text
            .starts_with("We relate seasonal rainfall")
    );

    let sections: Vec<(String, String, usize)> = outline(&corpus)
        .into_iter()
        .map(|(number, title, _, paragraphs)| (number, title, paragraphs))
        .collect();
    let expected = [
        ("1", "Introduction", 1),
        ("2", "Data and Methods", 0),
        ("2.1", "Study Sites", 1),
        ("2.2", "Rainfall Records", 2),
        ("3", "Results", 1),
    ];
    let expected: Vec<(String, String, usize)> = expected
        .iter()
        .map(|(n, t, p)| ((*n).to_owned(), (*t).to_owned(), *p))
        .collect();
    assert_eq!(sections, expected);

    let paragraphs = paragraphs(&corpus);
    // The introduction, joined over the page break, without the running header and page number.
    let (intro, numbers) = &paragraphs[0];
    assert!(intro.contains("less predictable over"), "{intro}");
    assert!(
        intro.ends_with("the role of timing in the growing season was left open [1]–[3]."),
        "{intro}"
    );
    assert_eq!(numbers, &[1, 1, 2, 2, 3, 3]);
    assert!(!intro.contains("Journal of Field Studies"));
    let cites = |words: &str| -> Vec<u32> {
        paragraphs
            .iter()
            .find(|(text, _)| text.contains(words))
            .map_or_else(|| panic!("no paragraph with {words:?}"), |(_, n)| n.clone())
    };
    assert_eq!(cites("station records"), [4]);
    assert_eq!(cites("first six weeks"), [2, 5]);
}

#[test]
fn a_vancouver_style_paper_s_references_table_and_figure_are_read() {
    let (_, corpus) = vancouver();
    let references = &corpus.file.references;
    assert_eq!(references.len(), 5);
    let summary: Vec<(Option<u32>, String, String, String)> = references
        .iter()
        .map(|r| {
            let first = r.author.first().unwrap();
            let family = if first.family.is_empty() {
                first.literal.clone()
            } else {
                first.family.clone()
            };
            (
                r.citation_number,
                family,
                r.title.clone(),
                r.container_title.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary[0],
        (
            Some(1),
            "Adeyemi".into(),
            "Food production on small farms".into(),
            "Afr J Agric".into()
        )
    );
    assert_eq!(
        summary[1],
        (
            Some(2),
            "Okonkwo".into(),
            "Rainfall timing and maize yields".into(),
            "Field Crops Res".into()
        )
    );
    assert_eq!(summary[2].1, "Smith");
    assert_eq!(references[2].publisher, "Earthscan");
    assert_eq!(summary[3].1, "Nigerian Meteorological Agency");
    assert_eq!(summary[4].2, "Planting dates and yield");
    assert_eq!(
        (
            references[4].creators().len(),
            references[4].creators_cut_short()
        ),
        (3, true),
        "et al. is no author, but says the list goes on"
    );
    assert_eq!(references[4].doi, "10.1016/j.agsy.2019.01.005");
    assert_eq!(
        (
            references[0].volume.as_str(),
            references[0].issue.as_str(),
            references[0].page.as_str()
        ),
        ("3", "2", "10-20")
    );

    let table = &corpus.file.tables[0];
    assert_eq!(
        (table.label.as_str(), table.caption.as_str()),
        ("Table 1", "Farms surveyed by district")
    );
    assert_eq!(table.columns.len(), 3);
    assert_eq!(table.rows[1].cells, ["Kaduna", "56", "2.3"]);
    let figure = &corpus.file.figures[0];
    assert_eq!(
        (figure.label.as_str(), figure.caption.as_str()),
        ("Figure 1", "Monthly rainfall at both stations")
    );
    let source = corpus
        .index
        .paragraph_by_id(figure.source_paragraph.as_deref().unwrap())
        .unwrap();
    assert_eq!(
        corpus.index.paragraphs[source].printed,
        "Source: Nigerian Meteorological Agency, 2018."
    );
}

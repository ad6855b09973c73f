//! The JATS importer on real articles (`../shared/data/papers/jats/`: eleven PLOS articles and
//! a `PubMed` Central `.nxml`): every file validates, its reference list is whole, every marker
//! pointing at a reference is a citation of that reference in its paragraph, and its tables
//! and figures are there.
//!
//! The expected counts were taken from the files themselves: references are the `<ref `
//! elements of the reference list (`grep -c '<ref '`), tables the `table-wrap`s holding a
//! `<table>` outside a comment, figures the `<fig>` elements plus the tables given only as an
//! image (journal.pmed.0020124's four tables and journal.pmed.0030445's one are images, their
//! `<table>`s commented out). Markers are the `xref ref-type="bibr"` whose `rid` names a `ref`,
//! in a paragraph or a table cell and not in the front matter, a caption, a title or the
//! reference list (counted with Python's `ElementTree`); the rest are in captions, which the
//! corpus keeps as printed, each figure and table listing the references its caption cites.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use paperlens::corpus::model::Reference;
use paperlens::corpus::{Corpus, counted};
use paperlens::formats::paper::xml::{self, Element, Node};
use paperlens::formats::paper::{ImportOptions, Imported, PaperKind, collapse_whitespace, import};

/// What one real file holds.
struct Expected {
    file: &'static str,
    references: usize,
    tables: usize,
    figures: usize,
    /// Markers naming a reference of the list (`xref ref-type="bibr"` whose `rid` is a `ref`'s
    /// id), outside captions and the reference list.
    markers: usize,
    /// Markers checked by hand: a phrase of the paragraph, and the id of a reference that a
    /// citation in that paragraph names.
    samples: &'static [(&'static str, &'static str)],
}

const FILES: [Expected; 12] = [
    Expected {
        file: "PMC5828200.nxml",
        markers: 66,
        references: 52,
        tables: 1,
        figures: 11,
        samples: &[("play the major pathogenic role in AD", "R2")],
    },
    Expected {
        file: "journal.pbio.0020188.xml",
        markers: 3,
        references: 3,
        tables: 0,
        figures: 0,
        samples: &[
            (
                "Blackburn and Janet Rowley (2004)",
                "pbio-0020188-Blackburn1",
            ),
            ("President's Council on Bioethics 2003", "pbio-0020188-PCB2"),
        ],
    },
    Expected {
        file: "journal.pbio.1000359.xml",
        markers: 82,
        references: 25,
        tables: 1,
        figures: 2,
        samples: &[(
            "generating biochemical energy from light",
            "pbio.1000359-Spudich2",
        )],
    },
    Expected {
        file: "journal.pcbi.1000589.xml",
        markers: 93,
        references: 102,
        tables: 0,
        figures: 0,
        // `[1]–[6]`: the references between the two ends too.
        samples: &[(
            "in both academic and commercial settings",
            "pcbi.1000589-Chen1",
        )],
    },
    Expected {
        file: "journal.pgen.1002912.xml",
        markers: 84,
        references: 56,
        tables: 0,
        figures: 3,
        samples: &[(
            "combined desirable traits from both parents",
            "pgen.1002912-Barnett1",
        )],
    },
    Expected {
        file: "journal.pmed.0020124.xml",
        markers: 36,
        references: 37,
        // Its four tables are images, their `<table>`s commented out.
        tables: 0,
        figures: 6,
        // `[1–3]` in one marker naming only b1: b2 and b3 are cited too.
        samples: &[
            ("traditional epidemiological studies", "pmed-0020124-b3"),
            ("most modern molecular research", "pmed-0020124-b5"),
        ],
    },
    Expected {
        file: "journal.pmed.0030445.xml",
        markers: 15,
        references: 17,
        tables: 0,
        figures: 1,
        samples: &[("respond to violent political conflict", "pmed-0030445-b001")],
    },
    Expected {
        file: "journal.pmed.1001418.xml",
        markers: 60,
        references: 58,
        tables: 3,
        figures: 3,
        samples: &[(
            "high-income countries have been published",
            "pmed.1001418-Lima1",
        )],
    },
    Expected {
        file: "journal.pntd.0001969.xml",
        markers: 50,
        references: 38,
        tables: 4,
        figures: 3,
        samples: &[("are often still neglected", "pntd.0001969-Hotez2")],
    },
    Expected {
        file: "journal.pone.0008519.xml",
        markers: 27,
        references: 26,
        tables: 1,
        figures: 2,
        samples: &[(
            "describing a gamma-retrovirus infection",
            "pone.0008519-Lombardi1",
        )],
    },
    Expected {
        file: "journal.pone.0097541.xml",
        markers: 0,
        references: 1,
        tables: 0,
        figures: 0,
        samples: &[],
    },
    Expected {
        file: "journal.pone.0120049.xml",
        markers: 68,
        references: 45,
        tables: 5,
        figures: 3,
        // `[3–6]` written `[<xref>3</xref>–<xref>6</xref>]`.
        samples: &[("in obesity since then", "pone.0120049.ref005")],
    },
];

fn folder() -> Option<PathBuf> {
    crate::common::shared_papers("jats")
}

fn import_file(path: &Path) -> (String, Imported) {
    let text = std::fs::read_to_string(path).expect("read the article");
    let imported = import(PaperKind::Jats, &text, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{}: {}", path.display(), error.message));
    (text, imported)
}

/// The ids of the references each paragraph cites, by paragraph (index order), and each
/// paragraph's printed text.
fn cited_by_paragraph(corpus: &Corpus) -> Vec<(String, Vec<&str>)> {
    let index = &corpus.index;
    index
        .paragraphs
        .iter()
        .map(|paragraph| {
            let cited = index
                .citations
                .get(paragraph.citations.clone())
                .unwrap_or_default()
                .iter()
                .flat_map(|citation| &citation.references)
                .filter_map(|&r| corpus.file.references.get(r))
                .map(|r| r.id.as_str())
                .collect();
            (collapse_whitespace(&paragraph.printed), cited)
        })
        .collect()
}

/// Whether some paragraph printing `phrase` cites `reference`.
fn cites(paragraphs: &[(String, Vec<&str>)], phrase: &str, reference: &str) -> bool {
    paragraphs
        .iter()
        .any(|(printed, cited)| printed.contains(phrase) && cited.contains(&reference))
}

/// Elements whose paragraphs are not running text (captions, tables, front matter, the
/// reference list).
const NOT_RUNNING_TEXT: [&str; 8] = [
    "front",
    "caption",
    "table-wrap",
    "fig",
    "ref-list",
    "supplementary-material",
    "title",
    "table-wrap-foot",
];

/// Elements inside a paragraph that the paragraph's printed text does not hold as they are
/// written: the text before them is not a phrase of the same printed paragraph.
const BREAKS: [&str; 9] = [
    "fig",
    "table-wrap",
    "disp-formula",
    "list",
    "boxed-text",
    "supplementary-material",
    "inline-formula",
    "fn",
    "p",
];

/// The ids of the reference list's entries.
fn reference_ids(root: Element<'_>) -> Vec<&str> {
    root.descendants_named("ref")
        .iter()
        .filter_map(|r| r.attr("id"))
        .collect()
}

/// Every marker of the running text that names a reference of the list: the last words
/// printed up to and with it in its paragraph, and the reference id.
fn markers(text: &str) -> Vec<(String, String)> {
    let document = xml::parse(text).expect("well-formed");
    let root = document.root();
    let references = reference_ids(root);
    let mut found = Vec::new();
    let mut stack = vec![root];
    while let Some(element) = stack.pop() {
        if NOT_RUNNING_TEXT.contains(&element.name()) {
            continue;
        }
        if element.is("p") {
            let mut printed = String::new();
            paragraph_markers(element, &references, &mut printed, &mut found);
        }
        stack.extend(element.elements());
    }
    found
}

fn paragraph_markers(
    element: Element<'_>,
    references: &[&str],
    printed: &mut String,
    found: &mut Vec<(String, String)>,
) {
    for node in element.nodes() {
        match node {
            Node::Text(text) => printed.push_str(text),
            Node::Element(child) if BREAKS.contains(&child.name()) => printed.clear(),
            Node::Element(child) if child.is("xref") && child.attr("ref-type") == Some("fn") => {
                printed.clear();
            }
            Node::Element(child) if child.is("xref") && child.attr("ref-type") == Some("bibr") => {
                printed.push_str(&child.text());
                let words: Vec<&str> = printed.split_whitespace().collect();
                let phrase = words[words.len().saturating_sub(6)..].join(" ");
                for rid in child.attr("rid").unwrap_or_default().split_whitespace() {
                    if references.contains(&rid) {
                        found.push((phrase.clone(), rid.to_owned()));
                    }
                }
            }
            Node::Element(child) => paragraph_markers(child, references, printed, found),
        }
    }
}

#[test]
fn every_real_article_imports_whole() {
    let Some(folder) = folder() else {
        return;
    };
    for expected in &FILES {
        let path = folder.join(expected.file);
        let (text, imported) = import_file(&path);
        let name = expected.file;
        let file = imported.file.clone();
        let report = imported.diagnostics[0].message.clone();
        assert_eq!(
            file.references.len(),
            expected.references,
            "{name}: references"
        );
        assert_eq!(file.tables.len(), expected.tables, "{name}: tables");
        assert_eq!(file.figures.len(), expected.figures, "{name}: figures");
        assert!(!file.paper.title.is_empty(), "{name}: title");
        assert!(!file.paper.authors.is_empty(), "{name}: authors");
        let corpus = Corpus::from_file(file, name).unwrap_or_else(|errors| {
            let messages: Vec<&str> = errors
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.message.as_str())
                .collect();
            panic!("{name}: {} errors: {messages:#?}", messages.len())
        });
        let summary = corpus.summary();
        assert!(
            report.contains(&format!(
                "{} ({})",
                counted(summary.citations, "citation"),
                counted(summary.citation_groups, "citation group")
            )),
            "{name}: the import reports the citations the index finds: {report}"
        );
        let paragraphs = cited_by_paragraph(&corpus);
        for (phrase, reference) in expected.samples {
            assert!(
                cites(&paragraphs, phrase, reference),
                "{name}: the paragraph with {phrase:?} should cite {reference}"
            );
        }
        let markers = markers(&text);
        let mut missed = Vec::new();
        for (phrase, reference) in &markers {
            if !cites(&paragraphs, phrase, reference) {
                missed.push(format!("{phrase:?} → {reference}"));
            }
        }
        assert!(
            missed.is_empty(),
            "{name}: {} of {} markers are not citations of their reference in their paragraph: {missed:#?}",
            missed.len(),
            markers.len()
        );
        // Markers in table cells: the table's cells cite the same references.
        let cell_markers = cell_markers(&text);
        for (label, reference) in &cell_markers {
            let table = corpus
                .file
                .tables
                .iter()
                .find(|t| &t.label == label)
                .unwrap_or_else(|| panic!("{name}: {label} is read"));
            let cites_it = table.rows.iter().flat_map(|r| &r.cells).any(|cell| {
                cell.contains(&format!("@{reference};"))
                    || cell.contains(&format!("@{reference}}}"))
            });
            assert!(
                cites_it,
                "{name}: a cell of {label} should cite {reference}"
            );
        }
        assert_eq!(
            markers.len() + cell_markers.len(),
            expected.markers,
            "{name}: every marker naming a reference is checked"
        );
    }
}

/// Every marker in a table's cells that names a reference: the table's label and the id.
fn cell_markers(text: &str) -> Vec<(String, String)> {
    let document = xml::parse(text).expect("well-formed");
    let root = document.root();
    let references: Vec<&str> = root
        .descendants_named("ref")
        .iter()
        .filter_map(|r| r.attr("id"))
        .collect();
    let mut found = Vec::new();
    for wrap in root.descendants_named("table-wrap") {
        let label = wrap
            .child("label")
            .map(|l| collapse_whitespace(&l.text()))
            .unwrap_or_default();
        for cell in wrap
            .descendants()
            .into_iter()
            .filter(|e| e.is("td") || e.is("th"))
        {
            for xref in cell.descendants_named("xref") {
                if xref.attr("ref-type") != Some("bibr") {
                    continue;
                }
                for rid in xref.attr("rid").unwrap_or_default().split_whitespace() {
                    if references.contains(&rid) {
                        found.push((label.clone(), rid.to_owned()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn a_real_table_keeps_its_shape_and_cells() {
    let Some(folder) = folder() else {
        return;
    };
    let (_, imported) = import_file(&folder.join("journal.pone.0120049.xml"));
    let tables: HashMap<&str, _> = imported
        .file
        .tables
        .iter()
        .map(|t| (t.label.as_str(), t))
        .collect();
    // Table 1: three columns, fourteen body rows, one header row.
    let first = tables["Table 1"];
    assert_eq!((first.columns.len(), first.rows.len()), (3, 14));
    assert_eq!(first.columns[1].header, "Basal BCAA (2F/6M)");
    assert_eq!(first.rows[0].cells, ["Age, y", "22.9 ± 1.7", "19.1 ± 0.8"]);
    assert_eq!(first.rows[13].cells[0], "Hemoglobin A1C (%)");
    assert_eq!(first.footnotes.len(), 1);
    // Table 2: "Study Period" spans three of four columns above the column headers.
    let second = tables["Table 2"];
    assert_eq!((second.columns.len(), second.rows.len()), (4, 12));
    assert_eq!(second.header_rows.len(), 2);
    assert_eq!(second.header_rows[0][1].text, "Study Period");
    assert_eq!(second.header_rows[0][1].span, 3);
    assert_eq!(
        second.columns[3].header,
        "Hyperinsulinemic-euglycemic Clamp"
    );
    assert_eq!(second.rows[1].cells[0], "Control");
    assert_eq!(second.rows[2].cells[2], "292 ± 47*† 252 (238–366)");
    assert!(
        second
            .caption
            .starts_with("Plasma branched-chain amino acid")
    );
}

/// Each figure or table (by its source id) whose caption cites: the ids of the references the
/// caption's markers name, sorted.
fn caption_citations(text: &str) -> Vec<(String, Vec<String>)> {
    let document = xml::parse(text).expect("well-formed");
    let root = document.root();
    let references = reference_ids(root);
    let mut found = Vec::new();
    for holder in root
        .descendants()
        .into_iter()
        .filter(|e| e.is("fig") || e.is("table-wrap"))
    {
        let (Some(id), Some(caption)) = (holder.attr("id"), holder.child("caption")) else {
            continue;
        };
        let mut cited: Vec<String> = caption
            .descendants_named("xref")
            .iter()
            .filter(|x| x.attr("ref-type") == Some("bibr"))
            .flat_map(|x| x.attr("rid").unwrap_or_default().split_whitespace())
            .filter(|rid| references.contains(rid))
            .map(str::to_owned)
            .collect();
        cited.sort();
        cited.dedup();
        if !cited.is_empty() {
            found.push((id.to_owned(), cited));
        }
    }
    found
}

#[test]
fn every_reference_a_caption_cites_is_linked_from_its_figure_or_table() {
    let Some(folder) = folder() else {
        return;
    };
    let mut captions = 0;
    for expected in &FILES {
        let (text, imported) = import_file(&folder.join(expected.file));
        let name = expected.file;
        let file = &imported.file;
        for (id, cited) in caption_citations(&text) {
            let linked = file
                .figures
                .iter()
                .find(|f| f.id == id)
                .map(|f| &f.references)
                .or_else(|| {
                    file.tables
                        .iter()
                        .find(|t| t.id == id)
                        .map(|t| &t.references)
                })
                .unwrap_or_else(|| panic!("{name}: no figure or table {id}"));
            let mut linked = linked.clone();
            linked.sort();
            assert_eq!(linked, cited, "{name}: the caption of {id}");
            captions += 1;
        }
        let corpus = Corpus::from_file(imported.file.clone(), name).expect("valid");
        for figure in 0..corpus.file.figures.len() {
            for &reference in corpus.index.linked(
                paperlens::corpus::Item::Figure(figure),
                paperlens::corpus::ItemKind::Reference,
            ) {
                assert!(
                    corpus
                        .index
                        .linked(
                            paperlens::corpus::Item::Reference(reference),
                            paperlens::corpus::ItemKind::Figure
                        )
                        .contains(&figure),
                    "{name}: linked both ways"
                );
            }
        }
    }
    // journal.pbio.1000359 and journal.pgen.1002912 cite in their figure legends.
    assert!(captions >= 2, "{captions} captions cite");
}

#[test]
fn a_real_article_front_matter() {
    let Some(folder) = folder() else {
        return;
    };
    let (_, imported) = import_file(&folder.join("journal.pone.0120049.xml"));
    let paper = &imported.file.paper;
    assert!(paper.title.starts_with("Effects of Acute Exposure"));
    assert_eq!(
        paper.authors.len(),
        4,
        "the academic editor is not an author"
    );
    let last = &paper.authors[3];
    assert_eq!(last.name, "Christos S. Katsanos");
    assert!(last.corresponding);
    assert_eq!(last.email, "christos.katsanos@asu.edu");
    assert!(
        last.affiliation
            .starts_with("Center for Metabolic and Vascular Biology")
    );
    assert_eq!(paper.date, "2015-03-17");
    assert_eq!(paper.license.name, "CC BY 4.0");
    assert!(
        paper
            .abstract_text
            .starts_with("Background: Plasma branched-chain")
    );
    assert_eq!(paper.history.len(), 2);
}

/// The sentences holding a citation printed `marker` in `corpus`, as the index cuts them.
fn citing_sentences<'c>(corpus: &'c Corpus, marker: &str) -> Vec<&'c str> {
    let index = &corpus.index;
    index
        .paragraphs
        .iter()
        .flat_map(|paragraph| {
            index
                .citations
                .get(paragraph.citations.clone())
                .unwrap_or_default()
                .iter()
                .filter(|citation| paragraph.printed.get(citation.range.clone()) == Some(marker))
                .filter_map(|citation| paragraph.sentences.get(citation.sentence))
                .filter_map(|sentence| paragraph.printed.get(sentence.clone()))
        })
        .collect()
}

#[test]
fn a_citing_sentence_ends_where_the_article_ends_it() {
    let Some(folder) = folder() else {
        return;
    };
    // Each sentence before the citing one ends in a word that merely ends like an
    // abbreviation ("journal.", "factorial.", "glucose disposal."): it must not run on into the
    // citing sentence.
    let cases = [
        (
            "journal.pmed.0020124.xml",
            "[29]",
            "The term Proteus phenomenon has been coined",
        ),
        (
            "journal.pone.0008519.xml",
            "[21]",
            "Nearly two decades ago, sequences from another retrovirus",
        ),
        (
            "journal.pone.0120049.xml",
            "[28]",
            "However, Smith et al [28] have also recently shown",
        ),
    ];
    for (name, marker, opening) in cases {
        let (_, imported) = import_file(&folder.join(name));
        let corpus = Corpus::from_file(imported.file, name).expect("the article validates");
        let sentences = citing_sentences(&corpus, marker);
        assert!(
            sentences.iter().any(|s| s.starts_with(opening)),
            "{name}: {marker} is cited in a sentence opening {opening:?}, found {sentences:?}"
        );
    }
}

/// `text` without its spaces and italic marks: what a printed entry must keep of its source.
fn printed_letters(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

/// Calls `visit` with each real article's name, each of its `ref` elements and the reference
/// imported from it; `false` (after saying so) when `../shared` is absent.
fn for_each_reference(mut visit: impl FnMut(&str, Element<'_>, &Reference)) -> bool {
    let Some(folder) = folder() else {
        return false;
    };
    for expected in &FILES {
        let name = expected.file;
        let (text, imported) = import_file(&folder.join(name));
        let document = xml::parse(&text).expect("well-formed");
        for source in document.root().descendants_named("ref") {
            let id = source.attr("id").unwrap_or_default();
            let reference = imported
                .file
                .references
                .iter()
                .find(|r| r.id == id)
                .unwrap_or_else(|| panic!("{name}: {id} is read"));
            visit(name, source, reference);
        }
    }
    true
}

#[test]
fn every_entry_a_file_prints_is_kept_as_printed_and_no_other() {
    let mut printed = 0;
    let mut barnett = false;
    let present = for_each_reference(|name, source, reference| {
        let id = &reference.id;
        match source.descendants_named("mixed-citation").first() {
            Some(mixed) => {
                let kept = reference
                    .printed()
                    .unwrap_or_else(|| panic!("{name}: {id} keeps its printed entry"));
                assert_eq!(
                    printed_letters(kept),
                    printed_letters(&mixed.text()),
                    "{name}: {id}: every character printed, in order"
                );
                printed += 1;
            }
            None => assert_eq!(reference.printed(), None, "{name}: {id} prints nothing"),
        }
        if id == "pgen.1002912-Barnett1" {
            barnett = true;
            assert_eq!(
                reference.printed(),
                Some(
                    "Barnett JA (2007) A history of research on yeasts 10: foundations of yeast \
                     genetics. Yeast 24: 799–845."
                )
            );
        }
    });
    if present {
        // Five files print their entries (56 + 58 + 38 + 1 + 45).
        assert_eq!(printed, 198);
        assert!(barnett, "pgen's first entry is checked as PLOS prints it");
    }
}

#[test]
fn an_entry_whose_markup_tags_no_field_is_read_from_its_words() {
    let mut untagged = 0;
    let present = for_each_reference(|name, source, reference| {
        let id = &reference.id;
        // A title without the full stop the list ends it with: a style adds its own.
        let title = reference.title.as_str();
        let last_word = title.rsplit(' ').next().unwrap_or_default();
        assert!(
            !title.ends_with('.') || last_word.trim_end_matches('.').contains('.'),
            "{name}: {id}: {title:?}"
        );
        let Some(mixed) = source.descendants_named("mixed-citation").first().copied() else {
            return;
        };
        let tags_a_field = mixed.elements().any(|child| {
            matches!(
                child.name(),
                "person-group" | "name" | "collab" | "year" | "source" | "article-title"
            )
        });
        if tags_a_field {
            return;
        }
        untagged += 1;
        assert!(!reference.author.is_empty(), "{name}: {id} has its authors");
        assert!(reference.issued.is_some(), "{name}: {id} has its year");
        assert!(
            !title.is_empty() && !mixed.text().trim_start().starts_with(title),
            "{name}: {id}: its title after its authors, not the whole entry: {title:?}"
        );
        assert!(
            !reference.container_title.is_empty()
                || !reference.publisher.is_empty()
                || !reference.url.is_empty(),
            "{name}: {id}: where it was published, or its address"
        );
    });
    if present {
        // Nine entries in three files tag nothing (PLOS's reports, books and an article in
        // press).
        assert_eq!(untagged, 9);
    }
}

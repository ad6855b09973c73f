//! The two GROBID TEI papers of `../shared/data/papers/tei/` imported: references, every
//! citation marker against the XML it came from, tables, figures and front matter, and a valid
//! corpus. Each test prints `skipped` and passes when `../shared` is absent.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::Path;

use paperlens::corpus::Corpus;
use paperlens::corpus::diagnostics::{Code, Severity};
use paperlens::corpus::model::ParagraphKind;
use paperlens::formats::paper::xml::{self, Element};
use paperlens::formats::paper::{ImportOptions, Imported, PaperKind, collapse_whitespace, import};

const TEI_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/papers/tei/");

/// The file's text, or `None` (after saying so) when `../shared` is absent.
fn source(name: &str) -> Option<String> {
    let path = Path::new(TEI_DIR).join(name);
    if let Ok(text) = std::fs::read_to_string(&path) {
        Some(text)
    } else {
        eprintln!("skipped: {} is not present", path.display());
        None
    }
}

/// The paper imported and loaded as a corpus, which must have no errors.
fn load(name: &str, text: &str) -> (Imported, Corpus) {
    let imported = import(PaperKind::Tei, text, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{name} does not import: {error:?}"));
    let corpus = Corpus::from_file(imported.file.clone(), name)
        .unwrap_or_else(|errors| panic!("{name} is not a valid corpus: {errors:#?}"));
    (imported, corpus)
}

/// Every non-blank `p` of the body and of the back matter other than the reference list, in
/// order: the paragraphs the importer must have made of them.
fn source_paragraphs(root: Element<'_>) -> Vec<Element<'_>> {
    let text = root.child("text").expect("<text>");
    let mut out = text.child("body").expect("<body>").descendants_named("p");
    if let Some(back) = text.child("back") {
        for div in back.elements() {
            if div.attr("type") != Some("references") {
                out.extend(div.descendants_named("p"));
            }
        }
    }
    out.retain(|p| !p.text().trim().is_empty());
    out
}

/// A marker GROBID gave no target, as printed, and the works its authors and year name.
type Named<'a> = (&'a str, &'a [&'a str]);

/// For each paragraph of the source, the reference ids each of its markers cites, in order
/// (markers whose targets name no reference left out, unless `named` gives what they print);
/// and how many `ref type="bibr"` have no target naming one and are not in `named`.
fn source_citations(root: Element<'_>, named: &[Named<'_>]) -> (Vec<Vec<Vec<String>>>, usize) {
    let ids: HashSet<&str> = root
        .descendants_named("biblStruct")
        .iter()
        .filter_map(|b| b.attr("id"))
        .collect();
    let mut unresolved = 0;
    let paragraphs = source_paragraphs(root)
        .into_iter()
        .map(|p| {
            let mut cites = Vec::new();
            for marker in p.descendants_named("ref") {
                if marker.attr("type") != Some("bibr") {
                    continue;
                }
                let keys: Vec<String> = marker
                    .attr("target")
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(|t| t.trim_start_matches('#'))
                    .filter(|t| ids.contains(t))
                    .map(str::to_owned)
                    .collect();
                let printed = marker.text();
                if keys.is_empty()
                    && let Some((_, works)) = named.iter().find(|(p, _)| *p == printed)
                {
                    cites.push(works.iter().map(|&w| w.to_owned()).collect());
                } else if keys.is_empty() {
                    unresolved += 1;
                } else {
                    cites.push(keys);
                }
            }
            cites
        })
        .collect();
    (paragraphs, unresolved)
}

/// Checks that every marker of the source is, in the same paragraph and order, a citation of
/// the references it names (one without a target, of the works `named` gives for it); that
/// the other markers without a target are reported unresolved; and that the only other
/// citations are `unmarked`, in order: those the text prints by authors and year without a
/// marker (as printed, and the reference cited). Returns the number of marker citations
/// checked.
fn every_marker_is_its_citation(
    text: &str,
    imported: &Imported,
    corpus: &Corpus,
    named: &[Named<'_>],
    unmarked: &[(&str, &str)],
) -> usize {
    let document = xml::parse(text).expect("well-formed");
    let (expected, unresolved) = source_citations(document.root(), named);
    let text_paragraphs: Vec<usize> = corpus
        .index
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, info)| {
            let section = &corpus.file.sections[info.section];
            section.paragraphs[info.position_in_section].kind == ParagraphKind::Text
        })
        .map(|(position, _)| position)
        .collect();
    assert_eq!(
        text_paragraphs.len(),
        expected.len(),
        "one paragraph per <p> of the source"
    );
    let mut checked = 0;
    let mut found_unmarked: Vec<(&str, String)> = Vec::new();
    for (n, (&position, cites)) in text_paragraphs.iter().zip(&expected).enumerate() {
        let info = &corpus.index.paragraphs[position];
        // The paragraph's citations are its markers', in order, with the unmarked ones
        // among them.
        let mut marked = cites.iter().peekable();
        for citation in &corpus.index.citations[info.citations.clone()] {
            let ids: Vec<String> = citation
                .references
                .iter()
                .map(|&r| corpus.file.references[r].id.clone())
                .collect();
            if marked.next_if(|cite| **cite == ids).is_none() {
                found_unmarked.push((&info.printed[citation.range.clone()], ids.join(" ")));
            }
        }
        assert!(
            marked.next().is_none(),
            "paragraph {n}: not every marker is a citation: {}",
            info.printed
        );
        checked += cites.len();
    }
    let found_unmarked: Vec<(&str, &str)> = found_unmarked
        .iter()
        .map(|(printed, id)| (*printed, id.as_str()))
        .collect();
    assert_eq!(
        found_unmarked, unmarked,
        "the citations printed without a marker, linked by authors and year"
    );
    let reported = imported
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UnresolvedMarker)
        .map(|d| d.message.clone())
        .unwrap_or_default();
    assert!(
        reported.starts_with(&format!("{unresolved} citation marker")),
        "expected {unresolved} unresolved markers, the report says: {reported}"
    );
    checked
}

/// The paragraph whose printed text contains `words`.
fn paragraph_with(corpus: &Corpus, words: &str) -> usize {
    corpus
        .index
        .paragraphs
        .iter()
        .position(|p| p.printed.contains(words))
        .unwrap_or_else(|| panic!("no paragraph contains {words:?}"))
}

/// The ids of the references cited in paragraph `position`.
fn cited_in(corpus: &Corpus, position: usize) -> Vec<&str> {
    let range = corpus.index.paragraphs[position].citations.clone();
    corpus.index.citations[range]
        .iter()
        .flat_map(|c| c.references.iter())
        .map(|&r| corpus.file.references[r].id.as_str())
        .collect()
}

/// The load warnings, each of which must be the source's doing: a footnote GROBID left without
/// a marker, a reference it found no title for or no marker of.
fn check_warnings(corpus: &Corpus) {
    for warning in &corpus.warnings {
        assert!(
            warning.severity != Severity::Error
                && (warning.message.contains("is never marked in the text")
                    || warning.message.contains("is never cited in the text")
                    || warning.message.contains("has no title")),
            "unexpected warning: {warning:?}"
        );
    }
}

/// The citations of the SPECTER paper GROBID left without a marker that name a work by authors
/// and year, as printed and the work; four others do not (their entries' names misread:
/// `Diederik, P.; Kingma, Jimmy; Ba`).
const SPECTER_UNMARKED: [(&str, &str); 4] = [
    ("Devlin et al. (2019)", "b11"),
    ("Howard and Ruder, 2018", "b20"),
    ("van der Maaten, 2014", "b34"),
    ("Hamilton et al. (2017a)", "b17"),
];

#[test]
fn specter_imports_with_every_reference_citation_table_and_figure() {
    let name = "2020.acl-main.207.tei.xml";
    let Some(text) = source(name) else { return };
    let (imported, corpus) = load(name, &text);
    check_warnings(&corpus);
    let file = &corpus.file;

    // `grep -c '<biblStruct xml:id' 2020.acl-main.207.tei.xml` → 57 (the header's biblStruct
    // has no id).
    assert_eq!(file.references.len(), 57);
    // 79 `<ref type="bibr"`: 62 with a target naming a biblStruct, 17 without a target. Two of
    // those name four works of the list by authors and year; two others name works that cannot
    // be told by them (`Kiros` has no year in the entry GROBID read, `Řehůřek` is run into his
    // given name), and the rest are numbers GROBID took for markers (`[5,`, `10,`, `15]`).
    let named: [Named<'_>; 2] = [
        ("Hamilton et al., 2017a,b;", &["b17", "b18"]),
        ("Wu et al., 2019a,b)", &["b50", "b53"]),
    ];
    assert_eq!(
        every_marker_is_its_citation(&text, &imported, &corpus, &named, &SPECTER_UNMARKED),
        64
    );
    // Each work a marker names is a citation, and each unmarked one.
    assert_eq!(corpus.summary().citations, 66 + 4);

    let intro = paragraph_with(&corpus, "pretrained neural language models (LMs)");
    assert_eq!(cited_in(&corpus, intro)[..2], ["b38", "b11"]);
    let mesh = paragraph_with(&corpus, "Medical Subject Headings (MeSH)");
    assert_eq!(cited_in(&corpus, mesh), ["b30", "b13"]);
    assert!(
        file.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .any(|p| p.text.contains("[(Lipscomb, 2000)]{@b30}")),
        "the marker is printed as the paper prints it"
    );

    // 5 `<figure`: 4 `type="table"` and one figure (`fig_0`, no image).
    assert_eq!(file.tables.len(), 4);
    assert_eq!(file.figures.len(), 1);
    let labels: Vec<&str> = file.tables.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Table 1", "Table 2", "", "Table 3"]);
    assert_eq!(
        file.tables[0].caption,
        "Results on the SCIDOCS evaluation suite consisting of 7 tasks."
    );
    assert!(file.tables[1].footnotes[0].text.starts_with("Ablations:"));
    // `tab_4`: two rows of two cells, GROBID marking neither as the header; the first, words
    // above the second's numbers, names the columns.
    let grid = &file.tables[2];
    assert_eq!(grid.id, "tab_4");
    assert_eq!((grid.rows.len(), grid.columns.len()), (1, 2));
    let headers: Vec<&str> = grid.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["Training signal", "CLS USR CITE REC All"]);
    assert_eq!(grid.rows[0].cells[0], "SPECTER");
    assert_eq!(
        file.figures[0].caption,
        "t-SNE visualization of paper embeddings and their corresponding MAG topics."
    );

    // Front matter.
    assert_eq!(
        file.paper.title,
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
    );
    let authors: Vec<&str> = file.paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        authors,
        [
            "Arman Cohan",
            "Sergey Feldman",
            "Iz Beltagy",
            "Doug Downey",
            "Daniel S. Weld"
        ]
    );
    assert_eq!(file.paper.authors[0].email, "armanc@allenai.org");
    assert!(
        file.paper.authors[0]
            .affiliation
            .ends_with("University of Washington")
    );
    assert!(
        file.paper
            .abstract_text
            .starts_with("Representation learning is a critical ingredient")
    );
    // 18 numbered heads in the body, nested: 2.2 inside 2, 3.1 inside 3.
    let section = |number: &str| {
        file.sections
            .iter()
            .find(|s| s.number == number)
            .unwrap_or_else(|| panic!("no section {number}"))
    };
    assert_eq!(section("2.2").parent, Some(section("2").id.clone()));
    // GROBID ran `2 Model` and `2.1 Overview` into one head: two sections again.
    assert_eq!(section("2").title, "Model");
    assert_eq!(section("2.1").title, "Overview");
    assert_eq!(section("2.1").parent, Some(section("2").id.clone()));
    assert_eq!(section("3.1").parent, Some(section("3").id.clone()));
    assert_eq!(section("4").parent, None);
    // 4 `<formula`.
    let equations = file
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.kind == ParagraphKind::Equation)
        .count();
    assert_eq!(equations, 4);
    // 3 `<note place="foot"`.
    assert_eq!(file.footnotes.len(), 3);
    let title = file.references.iter().find(|r| r.id == "b0").unwrap();
    assert_eq!(
        title.title,
        "Estimating position bias without intrusive interventions"
    );
    assert_eq!(collapse_whitespace(&title.container_title), "WSDM");
}

#[test]
fn the_literature_graph_paper_imports_with_every_reference_and_citation() {
    let name = "N18-3011.tei.xml";
    let Some(text) = source(name) else { return };
    let (imported, corpus) = load(name, &text);
    check_warnings(&corpus);
    let file = &corpus.file;

    // `grep -c '<biblStruct xml:id' N18-3011.tei.xml` → 27.
    assert_eq!(file.references.len(), 27);
    // 28 `<ref type="bibr"`: 20 with a target naming a biblStruct, 8 without: one of those
    // names a work of the list by authors and year, the others are dataset names and numbers
    // GROBID took for markers (`CoNLL-2003`, `4`).
    let named: [Named<'_>; 1] = [("(e.g., Lample et al., 2016", &["b15"])];
    // Three citations GROBID left without a marker name a work by authors and year; one other
    // (`Jimeno-Yepes et al., 2011`) does not, its entry's names read otherwise.
    let unmarked = [
        ("Ferragina and Scaiella, 2010", "b9"),
        ("Demner-Fushman et al., 2017", "b7"),
        ("Weihs and Etzioni (2017)", "b24"),
    ];
    assert_eq!(
        every_marker_is_its_citation(&text, &imported, &corpus, &named, &unmarked),
        21
    );
    // No `<figure` in the file.
    assert!(file.tables.is_empty() && file.figures.is_empty());

    assert_eq!(
        file.paper.title,
        "Construction of the Literature Graph in Semantic Scholar"
    );
    // 24 `<author` in the header, 23 with a name (one holds only an affiliation).
    assert_eq!(file.paper.authors.len(), 23);
    assert_eq!(file.paper.authors[0].name, "Waleed Ammar");
    assert!(file.paper.authors[0].corresponding);
    assert_eq!(file.paper.authors[22].name, "Oren Etzioni");
    // 12 heads: 1, 2, 2.1, 2.2, 3, 4, 4.1–4.4, 5, 6.
    assert_eq!(file.sections.len(), 12);
    let top: Vec<&str> = file
        .sections
        .iter()
        .filter(|s| s.parent.is_none())
        .map(|s| s.number.as_str())
        .collect();
    assert_eq!(top, ["1", "2", "3", "4", "5", "6"]);
}

#[test]
fn every_raw_reference_is_kept_as_its_entry_printed() {
    for name in ["2020.acl-main.207.tei.xml", "N18-3011.tei.xml"] {
        let Some(text) = source(name) else {
            return;
        };
        let (imported, _) = load(name, &text);
        if name == "N18-3011.tei.xml" {
            // `Daniela Sci- aky`, `cor- pus`, `extrac- tion`: whole, as the fields print them.
            let li = imported.file.references.iter().find(|r| {
                r.printed()
                    .is_some_and(|printed| printed.starts_with("Jiao Li"))
            });
            let printed = li.and_then(|r| r.printed()).unwrap_or_default();
            assert!(
                printed.contains("Daniela Sciaky") && printed.contains("task corpus: a resource"),
                "{printed}"
            );
        }
        let document = xml::parse(&text).expect("well-formed");
        let entries = document.root().descendants_named("biblStruct");
        let in_list: Vec<Element<'_>> = entries
            .into_iter()
            .filter(|b| b.attr("id").is_some_and(|id| id.starts_with('b')))
            .collect();
        assert_eq!(in_list.len(), imported.file.references.len(), "{name}");
        for (source, reference) in in_list.iter().zip(&imported.file.references) {
            let raw = source
                .children_named("note")
                .find(|n| n.attr("type") == Some("raw_reference"))
                .map(|n| collapse_whitespace(&n.text()));
            // Every character GROBID read, in order; a word broken at a line end may be whole.
            let letters = |text: &str| -> String {
                text.chars()
                    .filter(|c| !c.is_whitespace() && *c != '-')
                    .collect()
            };
            assert_eq!(
                reference.printed().map(letters),
                raw.as_deref().map(letters),
                "{name}: {}",
                reference.id
            );
            assert!(
                !reference
                    .note
                    .contains(reference.printed().unwrap_or("\u{0}")),
                "{name}: the note does not repeat it"
            );
        }
    }
}

//! The Pandoc Markdown importer on the six JOSS papers of `../shared/data/papers/markdown/`
//! (each `paper.md` with its `paper.bib`, read beside it as `bibliography: paper.bib` says).
//!
//! The numbers below were counted from the sources themselves: references = the distinct keys
//! the text cites (`@key` not after a word character, outside code blocks) that `paper.bib`
//! defines (`@type{key,`), counted with a small Python script over each file; sections = the
//! `#` headings but the closing empty `# References`; tables, figures (`![…](…)` paragraphs),
//! display equations (`$$ … $$` pairs) and code blocks counted by eye in each file.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use paperlens::corpus::Corpus;
use paperlens::corpus::citations::{Piece, parse};
use paperlens::corpus::model::{CorpusFile, ParagraphKind};
use paperlens::formats::paper::{ImportOptions, Imported, PaperKind, import};

/// The folder of one paper, or `None` after saying the test is skipped.
fn paper_dir(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/papers/markdown")
        .join(name);
    if dir.join("paper.md").exists() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not present", dir.display());
        None
    }
}

/// Imports a paper with its bibliography read beside it, and checks it validates.
fn imported(name: &str) -> Option<Imported> {
    let dir = paper_dir(name)?;
    let text = std::fs::read_to_string(dir.join("paper.md")).expect("paper.md is UTF-8");
    let read_beside =
        |file: &str| std::fs::read_to_string(dir.join(file)).map_err(|e| e.to_string());
    let options = ImportOptions {
        bibliography: None,
        read_beside: &read_beside,
    };
    let imported = import(PaperKind::Markdown, &text, &options).expect("imports");
    let corpus = Corpus::from_file(imported.file.clone(), name)
        .unwrap_or_else(|errors| panic!("{name} does not validate: {errors:#?}"));
    for warning in &corpus.warnings {
        eprintln!("{name}: validation warning: {}", warning.message);
    }
    for diagnostic in &imported.diagnostics {
        eprintln!("{name}: {:?} {}", diagnostic.severity, diagnostic.message);
        assert!(!diagnostic.is_error(), "{name}: {}", diagnostic.message);
    }
    Some(imported)
}

/// The keys each Pandoc citation in `text` names.
fn keys_in(text: &str) -> Vec<String> {
    parse(text)
        .0
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Group(group) => Some(group.cites),
            _ => None,
        })
        .flatten()
        .map(|cite| cite.key.to_owned())
        .collect()
}

/// Every text of the corpus that may cite: paragraphs and table cells.
fn texts(file: &CorpusFile) -> Vec<&str> {
    let paragraphs = file
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.kind == ParagraphKind::Text)
        .map(|p| p.text.as_str());
    let cells = file
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| &r.cells)
        .map(String::as_str);
    paragraphs.chain(cells).collect()
}

/// The keys cited by the paragraph (or cell) holding `words`.
fn cited_where(file: &CorpusFile, words: &str) -> Vec<String> {
    let holding: Vec<&str> = texts(file)
        .into_iter()
        .filter(|t| t.contains(words))
        .collect();
    assert_eq!(holding.len(), 1, "one text holds {words:?}: {holding:#?}");
    keys_in(holding.first().copied().unwrap_or_default())
}

/// Every key cited anywhere resolves to a reference, and the references are the keys cited.
fn check_citations_resolve(file: &CorpusFile, references: usize) {
    let ids: HashSet<&str> = file.references.iter().map(|r| r.id.as_str()).collect();
    let cited: HashSet<String> = texts(file).into_iter().flat_map(keys_in).collect();
    for key in &cited {
        assert!(
            ids.contains(key.as_str()),
            "`{key}` is cited but not a reference"
        );
    }
    assert_eq!(cited.len(), references, "{cited:?}");
    assert_eq!(file.references.len(), references);
}

fn section_titles(file: &CorpusFile) -> Vec<&str> {
    file.sections.iter().map(|s| s.title.as_str()).collect()
}

fn equations(file: &CorpusFile) -> Vec<&str> {
    file.sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.kind == ParagraphKind::Equation)
        .map(|p| p.text.as_str())
        .collect()
}

fn has_info(imported: &Imported, words: &str) -> bool {
    imported
        .diagnostics
        .iter()
        .any(|d| d.message.contains(words))
}

#[test]
fn mwarp1d_metadata_citations_and_figure() {
    let Some(imported) = imported("0todd0000__mwarp1d") else {
        return;
    };
    let file = &imported.file;
    assert_eq!(
        file.paper.title,
        "mwarp1d: Manual one-dimensional data warping in Python and PyQt"
    );
    assert_eq!(file.paper.date, "11 October 2019");
    assert_eq!(file.paper.authors.len(), 3);
    assert_eq!(file.paper.authors[0].orcid, "0000-0002-8292-7189");
    assert_eq!(
        file.paper.authors[1].affiliation,
        "Kyoto University, Department of Human Health Sciences; Shinshu University, \
         Department of Bioengineering"
    );
    assert_eq!(file.paper.keywords.len(), 6);
    // 9 distinct keys cited, all 9 in paper.bib.
    check_citations_resolve(file, 9);
    assert_eq!(
        cited_where(file, "variety of applications"),
        [
            "Ramsay:1998",
            "Sadeghi:2000",
            "Marron:2015",
            "Ramsay:2005",
            "Wrobel:2018",
            "Zeng:2019",
            "Iosifescu:1997",
            "Buckner:2004",
            "Qin:2009"
        ]
    );
    assert_eq!(
        section_titles(file),
        ["Summary", "Statement of need", "Figures"]
    );
    assert_eq!(file.figures.len(), 1);
    assert_eq!(file.figures[0].caption, "Example 1D warp.");
    assert_eq!(file.figures[0].image.as_deref(), Some("figure.png"));
    assert_eq!(file.figures[0].label, "Figure 1");
    // Links are their text; inline code its text.
    let first = &file.sections[0].paragraphs[0].text;
    assert!(
        first.starts_with("\"Warping\" is a mathematical"),
        "{first}"
    );
}

#[test]
fn melodie_code_block_is_left_out_and_lists_are_paragraphs() {
    let Some(imported) = imported("ABM4ALL__Melodie") else {
        return;
    };
    let file = &imported.file;
    assert_eq!(file.paper.authors.len(), 2);
    assert!(file.paper.authors[1].corresponding);
    assert!(!file.paper.authors[0].corresponding);
    // Mesa, AgentPy, Netlogo, Yu: 4 distinct keys cited, all in paper.bib.
    check_citations_resolve(file, 4);
    assert_eq!(
        cited_where(file, "are the two open-source frameworks"),
        ["Mesa", "AgentPy", "Netlogo"]
    );
    assert_eq!(cited_where(file, "introduced in detail in"), ["Yu"]);
    assert_eq!(
        section_titles(file),
        [
            "Introduction",
            "Statement of need",
            "Overview",
            "Model",
            "Scenario",
            "Modelling Manager",
            "Infrastructure",
            "Resources",
            "Acknowledgements"
        ]
    );
    let overview = file
        .sections
        .iter()
        .position(|s| s.title == "Overview")
        .unwrap();
    assert_eq!(
        file.sections[3].parent.as_deref(),
        Some(file.sections[overview].id.as_str())
    );
    // The six bullets under "Model" are six paragraphs after the one before them.
    assert_eq!(file.sections[3].paragraphs.len(), 7);
    assert!(has_info(&imported, "1 code block left out"));
    let all: String = texts(file).join("\n");
    assert!(!all.contains("from Melodie import Simulator"));
}

#[test]
fn bumbl_latex_table_and_display_math() {
    let Some(imported) = imported("Aariq__bumbl") else {
        return;
    };
    let file = &imported.file;
    // goulson2008, goulson2010bumblebees, croneBumbleBeeColony2016,
    // wickhamGgplot2ElegantGraphics2016: 4 keys, all in paper.bib.
    check_citations_resolve(file, 4);
    assert_eq!(
        cited_where(file, "developed a method to estimate"),
        [
            "goulson2008",
            "goulson2010bumblebees",
            "croneBumbleBeeColony2016"
        ]
    );
    assert_eq!(
        section_titles(file),
        [
            "Statement of Need",
            "Background",
            "Example",
            "Acknowledgments"
        ]
    );
    assert_eq!(equations(file).len(), 2);
    assert!(equations(file)[0].starts_with("W_t ="));
    assert_eq!(file.tables.len(), 1);
    let table = &file.tables[0];
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "colony",
            "converged",
            "tau",
            "logN0",
            "logLam",
            "decay",
            "logNmax"
        ]
    );
    assert_eq!(table.rows.len(), 4);
    assert_eq!(
        table.rows[0].cells,
        ["104", "TRUE", "6.42", "3.44", "0.380", "-0.541", "5.78"]
    );
    assert_eq!(table.rows[3].cells[0], "24");
    assert!(
        table
            .caption
            .starts_with("Data frame output by the bumbl() function"),
        "{}",
        table.caption
    );
    assert_eq!(file.figures.len(), 1);
    assert!(
        file.figures[0]
            .caption
            .starts_with("Results of analysis by the bumbl() function")
    );
    assert!(!file.figures[0].caption.contains("label"));
    assert_eq!(file.paper.date, "15 April 2021");
}

#[test]
fn spiralmap_table_cites_in_cells_and_code_lines_are_no_headings() {
    let Some(imported) = imported("Abhaypru__SpiralMap") else {
        return;
    };
    let file = &imported.file;
    // 13 distinct keys cited (9 of them in the table), all in paper.bib (16 entries).
    check_citations_resolve(file, 13);
    assert!(has_info(
        &imported,
        "3 references in the bibliography not cited"
    ));
    assert_eq!(
        cited_where(file, "such as while comparing"),
        ["jbhreview2016", "Khanna:2023", "Poggio:2024"]
    );
    assert_eq!(
        cited_where(file, "we reproduce figures from"),
        ["khanna2024"]
    );
    assert_eq!(file.tables.len(), 1);
    let table = &file.tables[0];
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["Model", "Description"]);
    assert_eq!(table.rows.len(), 9);
    assert_eq!(table.rows[0].cells[0], "Taylor_Cordes_1992");
    assert_eq!(table.rows[0].cells[1], "Model based on HII [@Taylor:1993].");
    assert_eq!(keys_in(&table.rows[8].cells[1]), ["Drimmel:2024"]);
    assert_eq!(
        section_titles(file),
        [
            "Summary",
            "Statement of need",
            "State of the field",
            "Software Design",
            "Research Impact Statement",
            "AI usage disclosure",
            "Example Scientific application",
            "Availability",
            "Acknowledgements"
        ]
    );
    assert!(
        file.sections
            .iter()
            .all(|s| !s.title.contains('#') && !s.title.contains("Readout"))
    );
    let all: String = texts(file).join("\n");
    assert!(!all.contains("Readout a single arm"));
    assert!(has_info(&imported, "1 code block left out"));
    assert_eq!(file.figures.len(), 5);
    assert_eq!(
        file.figures[4].image.as_deref(),
        Some("figures/residuals_polar_0.png")
    );
    assert_eq!(
        file.figures[4].caption,
        "Same as above, but showing only the Drimmel_NIR_2000 model."
    );
}

#[test]
fn gmr_multi_line_display_math_is_one_equation_each() {
    let Some(imported) = imported("AlexanderFabisch__gmr") else {
        return;
    };
    let file = &imported.file;
    // 8 distinct keys, all in paper.bib.
    check_citations_resolve(file, 8);
    assert_eq!(
        cited_where(file, "has been proposed first by"),
        ["Ghahramani1994", "Calinon2007", "Stulp2015"]
    );
    assert_eq!(cited_where(file, "unscented transform"), ["Uhlmann1995"]);
    // One `$$` pair in "Training" (five lines) and six in "Prediction".
    let equations = equations(file);
    assert_eq!(equations.len(), 7, "{equations:#?}");
    assert!(equations[0].starts_with("p(\\boldsymbol{x}, \\boldsymbol{y}) ="));
    assert!(equations[0].contains("{\\boldsymbol{\\Sigma}_{\\boldsymbol{x}\\boldsymbol{y}}}_k)"));
    // The text around the math in "Prediction" stays in paragraphs of its own.
    let prediction = file
        .sections
        .iter()
        .find(|s| s.title == "Prediction")
        .unwrap();
    let kinds: Vec<ParagraphKind> = prediction.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == ParagraphKind::Equation)
            .count(),
        6
    );
    assert!(
        prediction
            .paragraphs
            .iter()
            .any(|p| p.text == "is defined by")
    );
    // Inline math is kept as written, and printed as it reads.
    let summary = &file.sections[0].paragraphs[1].text;
    assert!(
        summary.contains("$p(\\boldsymbol{x}, \\boldsymbol{y})$"),
        "{summary}"
    );
    let corpus = Corpus::from_file(file.clone(), "gmr").expect("valid");
    let printed = &corpus.index.paragraphs[1].printed;
    assert!(
        printed.contains("distribution p(x, y) of input x and output y through"),
        "{printed}"
    );
    assert!(!printed.contains('$'), "{printed}");
    assert_eq!(file.figures.len(), 2);
    // The bullet list: seven items, seven paragraphs, each opening with its bullet.
    let need = file
        .sections
        .iter()
        .find(|s| s.title == "Statement of Need")
        .unwrap();
    let items = need
        .paragraphs
        .iter()
        .filter(|p| p.text.starts_with("• "))
        .count();
    assert_eq!(items, 7);
    assert!(
        need.paragraphs
            .iter()
            .any(|p| p.text == "• computation of conditional distributions")
    );
}

#[test]
fn ggparliament_image_with_empty_caption_is_a_figure() {
    let Some(imported) = imported("zmeers__ggparliament") else {
        return;
    };
    let file = &imported.file;
    // R, tidyverse, ggplot2, pscl, Amelia, MatchIt, margins: 7 keys cited, all in paper.bib.
    check_citations_resolve(file, 7);
    assert_eq!(
        cited_where(file, "package for visualizing legislative"),
        ["R", "tidyverse", "ggplot2"]
    );
    assert_eq!(
        cited_where(file, "for an incomplete list"),
        ["pscl", "Amelia", "MatchIt", "margins"]
    );
    assert_eq!(section_titles(file), ["Summary"]);
    assert_eq!(file.figures.len(), 1);
    assert_eq!(file.figures[0].caption, "");
    assert_eq!(
        file.figures[0].image.as_deref(),
        Some("ggparliament_layouts.png")
    );
    assert!(has_info(&imported, "1 code block left out"));
}

/// The corpus index finds as many citation groups and cited works as the source writes:
/// counted with a regular expression over each `paper.md` (outside code blocks: bracketed
/// groups holding an `@`, plus narrative `@key`s), the nine groups in the table cells of
/// `Abhaypru__SpiralMap` among them; the import's report counts the same. No numbered list
/// item such as Melodie's "(1)" is taken for a citation.
#[test]
fn the_index_counts_every_citation_of_the_running_text() {
    for (name, groups, citations) in [
        ("0todd0000__mwarp1d", 4, 9),
        ("ABM4ALL__Melodie", 4, 4),
        ("Aariq__bumbl", 6, 6),
        ("Abhaypru__SpiralMap", 12, 13),
        ("AlexanderFabisch__gmr", 8, 8),
        ("zmeers__ggparliament", 7, 7),
    ] {
        let Some(imported) = imported(name) else {
            return;
        };
        let report = imported.diagnostics[0].message.clone();
        let corpus = Corpus::from_file(imported.file, name).unwrap();
        let summary = corpus.summary();
        assert_eq!(
            (summary.citation_groups, summary.citations),
            (groups, citations),
            "{name}"
        );
        assert!(
            report.contains(&format!("{citations} citations ({groups} citation groups)")),
            "{name}: {report}"
        );
    }
}

#[test]
fn autoref_prints_the_number_of_the_table_or_figure_it_names() {
    for (name, printed) in [
        (
            "Aariq__bumbl",
            &[
                "calculated from the models (Table 1).",
                "raw data and best fit lines (Figure 1).",
            ][..],
        ),
        (
            "AlexanderFabisch__gmr",
            &[
                "On the left side of Figure 1 we see",
                "In Figure 2 we can see",
            ][..],
        ),
    ] {
        let Some(imported) = imported(name) else {
            continue;
        };
        let texts = texts(&imported.file);
        for words in printed {
            assert!(
                texts.iter().any(|text| text.contains(words)),
                "{name}: no text holds {words:?}"
            );
        }
        assert!(
            !texts.iter().any(|text| text.contains("autoref")),
            "{name}: a cross-reference is left as LaTeX"
        );
        assert!(!has_info(&imported, "cross-reference"), "{name}");
    }
}

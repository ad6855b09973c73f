//! Tests of the plain-text importer as a whole: front matter, sections, paragraphs, markers,
//! tables, figures and what it reports.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use crate::corpus::Corpus;
use crate::formats::paper::{ImportOptions, PaperKind, import};

/// Imports `text`, or the error's message and line.
fn run(text: &str) -> Result<crate::formats::paper::Imported, (String, usize)> {
    import(PaperKind::PlainText, text, &ImportOptions::default())
        .map_err(|e| (e.message.clone(), e.location.map_or(0, |l| l.line)))
}

/// The titles of the imported paper's sections, in order.
pub(super) fn section_titles(imported: &crate::formats::paper::Imported) -> Vec<&str> {
    imported
        .file
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect()
}

#[test]
fn a_pdf_binary_or_empty_file_is_refused_in_plain_words() {
    let (message, line) = run("%PDF-1.7\n%\u{e2}\u{e3}").unwrap_err();
    assert!(message.contains("PDF file"), "{message}");
    assert_eq!(line, 1);
    let (message, line) = run("Title\n\nsome\0thing").unwrap_err();
    assert!(message.contains("binary data"), "{message}");
    assert_eq!(line, 3);
    let (message, _) = run("  \n\n \t\n").unwrap_err();
    assert!(
        message.contains("no title, text or references"),
        "{message}"
    );
}

#[test]
fn a_short_paper_becomes_a_valid_corpus() {
    let text = "A Title\n\nAnn Lee\n\nAbstract\n\nWe look.\n\n1. Introduction\n\nText \
                cites [1] and [2].\n\nReferences\n\n[1] A. Lee, \"One,\" 2019.\n[2] B. \
                Chan, \"Two,\" J. X, 2020.\n";
    let imported = run(text).unwrap();
    assert_eq!(imported.file.paper.title, "A Title");
    assert_eq!(imported.file.paper.abstract_text, "We look.");
    assert_eq!(imported.file.sections.len(), 1);
    let corpus = Corpus::from_file(imported.file, "t").unwrap();
    assert_eq!(corpus.summary().citations, 2);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
}

#[test]
fn a_summary_for_readers_after_the_abstract_is_the_first_section() {
    // PLOS prints an Author Summary between the abstract and the introduction; a list of
    // links ends it without a full stop before the next heading.
    let text = "A Title\n\nAnn Lee\n\nAbstract\n\nWe look.\n\nAuthor Summary\n\nWorms are \
                counted in stool.\n\nAdditional Information\n\n• The WHO has more statistics on \
                worms\n\nIntroduction\n\nText cites [1].\n\nReferences\n\n[1] A. Lee, \"One,\" \
                2019.\n";
    let imported = run(text).unwrap();
    assert_eq!(imported.file.paper.abstract_text, "We look.");
    assert_eq!(
        section_titles(&imported),
        ["Author Summary", "Additional Information", "Introduction"]
    );
    assert_eq!(
        imported.file.sections[0].paragraphs[0].text,
        "Worms are counted in stool."
    );
}

#[test]
fn a_paper_in_portuguese_has_its_abstract_sections_and_references() {
    let text = "Fatores associados à persistência\n\nCláudia Brito\n\nResumo\n\nAnalisar \
                os fatores.\n\nPalavras-chave: câncer; adesão\n\nINTRODUÇÃO\n\nO \
                câncer [1].\n\nMÉTODOS\n\nUma coorte [2].\n\nAgradecimentos\n\nA \
                todos.\n\nReferências\n\n1. Avorn J, Monette J. Persistence of use. \
                JAMA. 1998;279(18):1458-62.\n2. Barron TI. Early discontinuation. Cancer. \
                2007;109(5):832-9.\n";
    let file = run(text).unwrap().file;
    assert_eq!(file.paper.abstract_text, "Analisar os fatores.");
    assert_eq!(file.paper.keywords, ["câncer", "adesão"]);
    let titles: Vec<&str> = file.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["INTRODUÇÃO", "MÉTODOS", "Agradecimentos"]);
    assert_eq!(file.references.len(), 2);
    assert_eq!(file.references[1].container_title, "Cancer");
    let corpus = Corpus::from_file(file, "t").unwrap();
    assert_eq!(corpus.summary().citations, 2);
}

#[test]
fn a_source_line_under_a_table_is_its_note_and_a_caption_names_it() {
    let text = "T\n\n1. Data\n\nTable 2. Counts by year\nYear\tCount\n2019\t4\n2020\t5\n\
                Source: Ministry, 2021.\n\nAfter the table.\n";
    let imported = run(text).unwrap();
    let table = &imported.file.tables[0];
    assert_eq!(
        (table.label.as_str(), table.caption.as_str()),
        ("Table 2", "Counts by year")
    );
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.footnotes[0].text, "Source: Ministry, 2021.");
    assert!(imported.file.figures.is_empty());
}

#[test]
fn table_rows_split_by_a_page_break_are_joined_and_spanning_cells_repeated() {
    let text = "Tables\n\n1. Data\n\nRegion\tBody\tNote\nAsia\tASEAN\tWorks with the\n\n\t\t\
                governments of the region.\n\tUNODC\tHelps.\nEurope\tGRETA\tChecks.\n";
    let imported = run(text).unwrap();
    let rows: Vec<Vec<String>> = imported.file.tables[0]
        .rows
        .iter()
        .map(|r| r.cells.clone())
        .collect();
    assert_eq!(
        rows,
        [
            vec!["Asia", "ASEAN", "Works with the governments of the region."],
            vec!["Asia", "UNODC", "Helps."],
            vec!["Europe", "GRETA", "Checks."],
        ]
    );
}

#[test]
fn a_figure_caption_with_its_source_line_is_a_figure_without_image() {
    let text = "T\n\n1. Data\n\nSome text.\n\nFigure 3: Rainfall by month\nSource: Station \
                records.\n\nMore text.\n";
    let imported = run(text).unwrap();
    let figure = &imported.file.figures[0];
    assert_eq!(
        (figure.label.as_str(), figure.caption.as_str()),
        ("Figure 3", "Rainfall by month")
    );
    assert!(figure.image.is_none());
    assert_eq!(figure.source_paragraph.as_deref(), Some("data.p2"));
    assert_eq!(imported.file.sections[0].paragraphs.len(), 3);
    Corpus::from_file(imported.file, "t").unwrap();
}

#[test]
fn a_caption_in_brackets_is_a_figure_as_pandoc_prints_an_image() {
    let text = "T\n\n1. Data\n\nSome text [1].\n\n[Rainfall by month, as [1] measured\nit.]\n\n                [1]\n\n[Table 2 about here]\n\n[]\n\nReferences\n\n1. Smith J. Rain. Nature. \
                2001;1:2-3.\n";
    let imported = run(text).unwrap();
    let figures: Vec<(&str, &str)> = imported
        .file
        .figures
        .iter()
        .map(|f| (f.label.as_str(), f.caption.as_str()))
        .collect();
    assert_eq!(
        figures,
        [
            ("Figure 1", "Rainfall by month, as [1] measured it."),
            ("Figure 2", ""),
        ]
    );
    assert_eq!(imported.file.figures[0].references, ["smith2001"]);
    let paragraphs: Vec<&str> = imported.file.sections[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        paragraphs,
        ["Some text [1].", "[1]", "\\[Table 2 about here]"]
    );
    Corpus::from_file(imported.file, "t").unwrap();
}

#[test]
fn a_marker_naming_no_reference_is_warned_about_where_it_stands() {
    let text = "T\n\n1. Intro\n\nOne [1].\n\nTwo [1], then\n[7] here.\n\nReferences\n\n\
                [1] A. Lee, \"One,\" 2019.\n";
    let imported = run(text).unwrap();
    let warning = imported
        .diagnostics
        .iter()
        .find(|d| d.message.contains("[7]"))
        .expect("a warning about [7]");
    let location = warning.location.unwrap();
    assert_eq!((location.line, location.column), (8, 1));
    assert!(
        warning
            .message
            .contains("names a number the reference list does not have")
    );
}

#[test]
fn a_text_without_a_title_is_called_untitled_and_opens() {
    // `pandoc -t plain` without `--standalone`: no title, a JOSS paper's `Summary` first.
    let text = "Summary\n\nWarping moves the nodes of a domain (Ramsay & Li, 1998).\n\n\
                Statement of need\n\nManual warps are rare.\n\nReferences\n\n\
                Ramsay, J. O., & Li, X. (1998). Curve registration. Journal of the Royal \
                Statistical Society, 60(2), 351–363.\n";
    let imported = run(text).unwrap();
    assert_eq!(imported.file.paper.title, "Untitled");
    let warning = imported
        .diagnostics
        .iter()
        .find(|d| d.message.contains("no title"))
        .expect("a warning that the paper has no title");
    assert!(warning.hint.contains("first line"), "{}", warning.hint);
    let titles = section_titles(&imported);
    // A JOSS paper's `Summary` before its `Statement of need` is a section, citations and all.
    assert_eq!(titles, ["Summary", "Statement of need"]);
    let corpus = Corpus::from_file(imported.file, "t").unwrap();
    assert_eq!(corpus.summary().citations, 1);
    // Text without any heading goes in a section of its own, titled so.
    let imported = run(
        "Sediment Loads in Upland Rivers\n\nLoads rose after each storm.\n\n\
                        They fell within a week.\n",
    )
    .unwrap();
    assert_eq!(imported.file.sections.len(), 1);
    assert_eq!(imported.file.sections[0].title, "Text");
    assert_eq!(imported.file.sections[0].paragraphs.len(), 2);
}

#[test]
fn a_text_opening_on_a_paragraph_keeps_it_as_text() {
    let text = "Students often cite works they have not read [1]. This essay looks at why.\n\n\
                Introduction\n\nWe begin with the data [2].\n\nReferences\n\n\
                1. Smith J. Rain. Nature. 2001;1:2-3.\n2. Lee K. Snow. Science. 2003;4:5-6.\n";
    let imported = run(text).unwrap();
    assert_eq!(imported.file.paper.title, "Untitled");
    assert_eq!(section_titles(&imported), ["Text", "Introduction"]);
    assert_eq!(
        imported.file.sections[0].paragraphs[0].text,
        "Students often cite works they have not read [1]. This essay looks at why."
    );
    let corpus = Corpus::from_file(imported.file, "t").unwrap();
    assert_eq!(corpus.summary().citations, 2);
    assert!(corpus.warnings.is_empty(), "{:#?}", corpus.warnings);
}

#[test]
fn headings_in_sentence_case_between_paragraphs_are_subsections() {
    let paragraph = "Adults of the cohort took part in every study of the programme, as described.";
    let mut text = String::from("A Study of Things\n\nIntroduction\n\n");
    for block in [
        paragraph,
        "Materials and Methods",
        "Study participants",
        paragraph,
        "Calculations",
        paragraph,
        // A formula, a question and a line after an unfinished sentence stay text.
        "E = m c2",
        paragraph,
        "Which papers discuss the effects of rain?",
        paragraph,
        "Results",
        "Plasma concentrations of amino acids",
        "Cells were grown in the dark for twelve days before they were counted, and",
        "Glucose clearance",
        paragraph,
    ] {
        text.push_str(block);
        text.push_str("\n\n");
    }
    let imported = run(&text).unwrap();
    let file = &imported.file;
    let outline: Vec<(&str, Option<&str>)> = file
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.parent.as_deref()))
        .collect();
    assert_eq!(
        outline,
        [
            ("Introduction", None),
            ("Materials and Methods", None),
            ("Study participants", Some("materials-and-methods")),
            ("Calculations", Some("materials-and-methods")),
            ("Results", None),
            ("Plasma concentrations of amino acids", Some("results")),
        ]
    );
    let calculations = &file.sections[3].paragraphs;
    let texts: Vec<&str> = calculations.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            paragraph,
            "E = m c2",
            paragraph,
            "Which papers discuss the effects of rain?",
            paragraph
        ]
    );
    assert_eq!(
        file.sections[5].paragraphs[0].text,
        "Cells were grown in the dark for twelve days before they were counted, and Glucose \
         clearance"
    );
}

#[test]
fn numbers_in_brackets_are_text_in_an_author_date_paper() {
    let text = "Tuning\n\nMethod\n\nWe follow Lau and Baldwin (2016) over the grid \
                {'window': [5,10,15], 'epochs': [50,100,200]} and van der Maaten (2014) \
                (see also van der Maaten, 2014).\n\nReferences\n\n\
                Jey Han Lau and Timothy Baldwin. 2016. An empirical evaluation of doc2vec. In \
                RepL4NLP.\n\n\
                Laurens van der Maaten. 2014. Accelerating t-SNE using tree-based algorithms. \
                JMLR.\n";
    let imported = run(text).unwrap();
    let paragraph = &imported.file.sections[0].paragraphs[0].text;
    assert_eq!(
        paragraph,
        "We follow [Lau and Baldwin (2016)]{@lau2016} over the grid {'window': \\[5,10,15], \
         'epochs': \\[50,100,200]} and [van der Maaten (2014)]{@maaten2014} (see also \
         [van der Maaten, 2014]{@maaten2014})."
    );
    assert!(
        imported
            .diagnostics
            .iter()
            .all(|d| !d.message.contains('[')),
        "{:#?}",
        imported.diagnostics
    );
}

#[test]
fn a_text_without_its_reference_list_says_so_once_where_its_first_citation_stands() {
    let numbered = "T\n\n1. Intro\n\nOne [1].\n\nTwo [2] and [3].\n";
    let imported = run(numbered).unwrap();
    let about_markers: Vec<&str> = imported
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .filter(|m| m.contains("reference list"))
        .collect();
    assert_eq!(
        about_markers,
        [
            "no reference list was found, so the paper's 3 citations (the first: \"[1]\") name \
             no reference and are kept as printed text"
        ],
        "one warning, not one per marker"
    );
    let warning = imported
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("no reference list"))
        .unwrap();
    let location = warning.location.unwrap();
    assert_eq!((location.line, location.column), (5, 5));

    let dated = "T\n\nIntroduction\n\nAs shown (Smith & Jones, 2019; Lee, 2020a).\n\n\
                 Brown (2017) agrees.\n";
    let imported = run(dated).unwrap();
    let warning = imported
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("no reference list"))
        .expect("author–date citations are counted too");
    assert!(
        warning
            .message
            .contains("2 citations (the first: \"Smith & Jones, 2019\")"),
        "{}",
        warning.message
    );
    // A text that cites nothing and lists nothing has nothing to say about it.
    let plain = run("T\n\nIntroduction\n\nNo citations (in 2019) here.\n").unwrap();
    assert!(
        plain
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("reference list")),
        "{:?}",
        plain.diagnostics
    );
}

#[test]
fn a_heading_is_not_taken_from_the_middle_of_a_sentence() {
    let text = "T\n\n1. Intro\n\nThe work of the\n\nUnited Nations\n\nis long.\n";
    let imported = run(text).unwrap();
    assert_eq!(imported.file.sections.len(), 1);
    assert_eq!(
        imported.file.sections[0].paragraphs[0].text,
        "The work of the United Nations is long."
    );
}

/// Imports `text` and says how long it took (it must not fail or panic).
fn timed(text: &str) -> Duration {
    let start = Instant::now();
    let _ = run(text);
    start.elapsed()
}

#[test]
fn pathological_inputs_finish_quickly() {
    let megabyte = 1 << 20;
    let inputs = [
        "[".repeat(megabyte),
        "[1".repeat(megabyte / 2),
        "[1], ".repeat(megabyte / 5),
        "*a ".repeat(megabyte / 3),
        "[a](".repeat(megabyte / 4),
        "a\tb\n".repeat(100_000),
        "x\t".repeat(megabyte / 2),
        "1. Heading\n\n".repeat(100_000),
        "1.1.1.1 Deep\n".repeat(100_000),
        "References\n\n".to_owned() + &"[1] A, \"".repeat(megabyte / 8),
        "Title\n\n".to_owned() + &"word-\n".repeat(megabyte / 6),
        "Abstract\n\n".to_owned() + &"Table 1\n".repeat(megabyte / 8),
        // Author–date: one paragraph of citations and markers, a list of one work repeated.
        "Intro\n\n".to_owned()
            + &"(Smith, 2019) [1] Smith (2019) ".repeat(megabyte / 32)
            + "\n\nReferences\n\n"
            + &"Smith, J. (2019). T.\n".repeat(megabyte / 20),
        "References\n\n".to_owned() + &"“X.” n.d.\n".repeat(megabyte / 12),
        // Author–page: pages alone after many capitalised words, a list of one work repeated.
        "Intro\n\n".to_owned()
            + &"Black And Green (23) ".repeat(megabyte / 20)
            + "\n\nWorks Cited\n\n"
            + &"Black, Carla. T. Oxford UP, 2015.\n".repeat(megabyte / 40),
    ];
    for input in &inputs {
        let took = timed(input);
        assert!(
            took < Duration::from_secs(30),
            "{took:?} for {:?}…",
            input.chars().take(20).collect::<String>()
        );
    }
}

#[test]
fn a_paper_of_several_studies_keeps_each_study_s_headings_and_text() {
    let mut text = String::from(
        "Priming and Choice\n\nAna Silva\n\nIntroduction\n\nPriming shapes choice \
         (Bargh, 1996).\n",
    );
    for (study, words) in [
        (1, "Forty adults"),
        (2, "Sixty students"),
        (3, "Ninety workers"),
    ] {
        let _ = write!(
            text,
            "\nStudy {study}\n\nMethod\n\n{words} took part online.\n\nResults\n\n\
             Choices shifted with the prime (Bargh, 1996).\n"
        );
    }
    text.push_str(
        "\nReferences\n\nBargh, J. A. (1996). Automaticity in social psychology. Guilford.\n",
    );
    let imported = run(&text).unwrap();
    let titles = section_titles(&imported);
    assert_eq!(
        titles,
        [
            "Introduction",
            "Study 1",
            "Method",
            "Results",
            "Study 2",
            "Method",
            "Results",
            "Study 3",
            "Method",
            "Results"
        ]
    );
    // Each study's method and results nest in it.
    let sections = &imported.file.sections;
    let parent_title = |parent: Option<&str>| {
        let parent = parent?;
        Some(sections.iter().find(|s| s.id == parent)?.title.as_str())
    };
    let parents: Vec<Option<&str>> = sections
        .iter()
        .map(|s| parent_title(s.parent.as_deref()))
        .collect();
    assert_eq!(
        parents.iter().filter(|p| **p == Some("Study 2")).count(),
        2,
        "{parents:?}"
    );
    let texts: Vec<&str> = sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str()))
        .collect();
    assert!(
        texts.contains(&"Sixty students took part online."),
        "{texts:?}"
    );
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.starts_with("Choices shifted"))
            .count(),
        3
    );
}

#[test]
fn an_author_date_citation_of_an_edited_book_links_to_it_under_its_editors() {
    let text = "Rivers and Cities\n\nJane Doe\n\nIntroduction\n\nCities shape rivers (Brown, \
                2010). Edited volumes gather the field (Green & White, 2012).\n\nReferences\n\n\
                Brown, K. (Ed.). (2010). Urban water. Elsevier.\n\
                Green, A., & White, B. (Eds.). (2012). Rivers in the city (2nd ed.). Routledge.\n";
    let imported = run(text).unwrap();
    let corpus = Corpus::from_file(imported.file, "edited.txt").unwrap();
    assert_eq!(
        printed_citations(&corpus),
        pairs(&[
            ("Brown, 2010", "brown2010"),
            ("Green & White, 2012", "green2012")
        ])
    );
    assert!(
        corpus
            .file
            .references
            .iter()
            .all(|r| r.author.is_empty() && !r.editor.is_empty())
    );
    let labels: Vec<String> = corpus
        .file
        .references
        .iter()
        .map(crate::corpus::cite::short_label)
        .collect();
    assert_eq!(labels, ["Brown (2010)", "Green & White (2012)"]);
    // Nothing is flagged as a reference without authors.
    assert!(
        !imported
            .diagnostics
            .iter()
            .any(|d| d.message.contains("without its authors")),
        "{:?}",
        imported.diagnostics
    );
}

/// Each in-text citation of `corpus` as printed, with the ids of the references it names
/// (separated by spaces).
fn printed_citations(corpus: &Corpus) -> Vec<(String, String)> {
    corpus
        .index
        .citations
        .iter()
        .map(|c| {
            let paragraph = corpus.index.paragraphs.get(c.paragraph).unwrap();
            let printed = paragraph.printed.get(c.range.clone()).unwrap_or_default();
            let ids: Vec<&str> = c
                .references
                .iter()
                .filter_map(|&r| corpus.file.references.get(r))
                .map(|r| r.id.as_str())
                .collect();
            (printed.to_owned(), ids.join(" "))
        })
        .collect()
}

/// `(printed, ids)` pairs as [`printed_citations`] gives them.
fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|&(printed, ids)| (printed.to_owned(), ids.to_owned()))
        .collect()
}

/// An MLA paper: its Works Cited prints no year after the names, and its text cites by author
/// and page.
const MLA_PAPER: &str = "Water and the City\n\nJane Doe\n\nIntroduction\n\n\
Cities have always shaped their rivers (Black 23). Some argue the reverse holds as well (Green \
and White 104-06). Others disagree entirely (Lee et al. 7). Morrison's novel has no river \
(Morrison). Black argues that every city is a delta (41). Exile is a kind of drought (qtd. in \
Said 175; Black 40). See Figure 2 (Table 3) and (p. 7).\n\nWorks Cited\n\n\
Black, Carla. The Handbook of Urban Hydrology. Oxford UP, 2015.\n\
Green, Anne, and Ben White. \"Rivers in the City.\" Journal of Urban Water, vol. 12, no. 3, \
2012, pp. 98-110.\n\
Lee, Anna, et al. Water Systems. Wiley, 2016.\n\
Morrison, Toni. Beloved. Alfred A. Knopf, 1987.\n\
Said, Edward W. \"Reflections on Exile.\" Reflections on Exile and Other Essays, Harvard UP, \
2000, pp. 173-86.\n";

#[test]
fn an_mla_paper_s_works_cited_and_author_page_citations_are_read() {
    let corpus = Corpus::from_file(run(MLA_PAPER).unwrap().file, "mla.txt").unwrap();
    // Each entry of the list (one a line, no blank lines between), its first author inverted.
    let read: Vec<(&str, &str, &str, &str, &str)> = corpus
        .file
        .references
        .iter()
        .map(|r| {
            (
                r.item_type.as_str(),
                r.author.first().map_or("", |a| a.given.as_str()),
                r.title.as_str(),
                r.container_title.as_str(),
                r.publisher.as_str(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "book",
                "Carla",
                "The Handbook of Urban Hydrology",
                "",
                "Oxford UP"
            ),
            (
                "article-journal",
                "Anne",
                "Rivers in the City",
                "Journal of Urban Water",
                ""
            ),
            ("book", "Anna", "Water Systems", "", "Wiley"),
            ("book", "Toni", "Beloved", "", "Alfred A. Knopf"),
            (
                "chapter",
                "Edward W.",
                "Reflections on Exile",
                "Reflections on Exile and Other Essays",
                "Harvard UP"
            ),
        ]
    );
    // Every citation by author and page, and a page alone after the author's name; a table,
    // a figure and a page naming no author are text.
    assert_eq!(
        printed_citations(&corpus),
        pairs(&[
            ("Black 23", "black2015"),
            ("Green and White 104-06", "green2012"),
            ("Lee et al. 7", "lee2016"),
            ("Morrison", "morrison1987"),
            ("41", "black2015"),
            ("Said 175", "said2000"),
            ("Black 40", "black2015"),
        ])
    );
    // `Lee, Anna, et al.` names one of several authors: its label says so.
    let labels: Vec<String> = corpus
        .file
        .references
        .iter()
        .map(crate::corpus::cite::short_label)
        .collect();
    assert_eq!(
        labels,
        [
            "Black (2015)",
            "Green & White (2012)",
            "Lee et al. (2016)",
            "Morrison (1987)",
            "Said (2000)"
        ]
    );
}

#[test]
fn two_works_of_one_author_are_told_apart_by_a_short_title_or_not_at_all() {
    let text = MLA_PAPER
        .replace(
            "Morrison, Toni. Beloved.",
            "Morrison, Toni. Jazz. Alfred A. Knopf, 1992.\nMorrison, Toni. Beloved.",
        )
        .replace(
            "See Figure 2",
            "Memory returns (Morrison, Beloved 45), music too (Morrison, Jazz 7). See Figure 2",
        );
    let corpus = Corpus::from_file(run(&text).unwrap().file, "mla.txt").unwrap();
    assert_eq!(corpus.file.references.len(), 6);
    let cited = printed_citations(&corpus);
    let morrison: Vec<(String, String)> = cited
        .iter()
        .filter(|(_, ids)| ids.contains("morrison"))
        .cloned()
        .collect();
    // `(Morrison)` names neither; each short title names its own.
    assert_eq!(
        morrison,
        pairs(&[
            ("Morrison, Beloved 45", "morrison1987"),
            ("Morrison, Jazz 7", "morrison1992"),
        ])
    );
    assert_eq!(cited.len(), 8);
}

#[test]
fn an_organisation_s_entry_in_a_works_cited_is_its_own_and_a_wrapped_title_is_not() {
    let text = "Trafficking and the State\n\nJane Doe\n\nIntroduction\n\nStates cooperate \
                unevenly (United Nations Office on Drugs and Crime 12). Black disagrees (23).\
                \n\nWorks Cited\n\nBlack, Carla.\nThe Handbook of Urban Hydrology. Oxford UP, \
                2015.\nUnited Nations Office on Drugs and Crime. Global Report on Trafficking \
                in Persons. United Nations, 2020.\nGreen, Anne, and Ben White. \"Rivers in the \
                City.\" Journal of Urban Water, vol. 12, no. 3, 2012, pp. 98-110.\n";
    let corpus = Corpus::from_file(run(text).unwrap().file, "mla.txt").unwrap();
    let titles = crate::corpus::model::titles_of(&corpus.file.references);
    assert_eq!(
        titles,
        [
            "The Handbook of Urban Hydrology",
            "Global Report on Trafficking in Persons",
            "Rivers in the City"
        ]
    );
    let agency = corpus.file.references.get(1).unwrap();
    assert_eq!(
        agency.author.first().map(|a| a.literal.as_str()),
        Some("United Nations Office on Drugs and Crime")
    );
    assert_eq!(
        printed_citations(&corpus),
        pairs(&[
            ("United Nations Office on Drugs and Crime 12", "united2020"),
            ("23", "black2015"),
        ])
    );
}

#[test]
fn an_organisation_s_report_with_its_publisher_after_a_comma_is_a_book_by_it() {
    let text = "Rivers and Cities\n\nAna Black\n\nIntroduction\n\nFloods are rising (World \
                Meteorological Organization). Cities respond (Black 23).\n\nWorks Cited\n\n\
                Black, Carla. The Handbook of Urban Hydrology. Oxford UP, 2015.\n\
                World Meteorological Organization. State of the Global Climate. WMO, 2020.\n";
    let corpus = Corpus::from_file(run(text).unwrap().file, "wmo.txt").unwrap();
    let report = corpus.file.references.get(1).unwrap();
    assert_eq!(
        (
            report.item_type.as_str(),
            report.author.first().map(|a| a.literal.as_str()),
            report.title.as_str(),
            report.publisher.as_str(),
            crate::corpus::cite::year(report),
        ),
        (
            "book",
            Some("World Meteorological Organization"),
            "State of the Global Climate",
            "WMO",
            Some(2020)
        )
    );
    assert_eq!(
        printed_citations(&corpus),
        pairs(&[
            ("World Meteorological Organization", "world2020"),
            ("Black 23", "black2015"),
        ])
    );
}

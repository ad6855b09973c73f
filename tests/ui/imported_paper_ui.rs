//! Papers opened straight from the formats they come in: a small JATS article (hydrology) and a
//! small Pandoc Markdown paper with its BibTeX file (tide gauges), fixtures of their own. Every
//! view says something sensible for them, citations open their references, and nothing of the
//! built-in paper shows.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::PathBuf;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::cases_view::CasesView;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::Reader;
use paperlens::app::state::StateStore;
use paperlens::app::table_view::TableView;
use paperlens::app::trends_view::TrendsView;
use paperlens::corpus::{Item, Severity};

use crate::explorer::{accessible_texts, explorer, explorer_sized};

/// Relative to the package, where tests run, so the status bar reads the same everywhere.
fn jats() -> PathBuf {
    PathBuf::from("tests/fixtures/papers/jats-small.xml")
}

fn markdown() -> PathBuf {
    PathBuf::from("tests/fixtures/papers/markdown-small/paper.md")
}

fn open(path: PathBuf, view: &str) -> Harness<'static, Explorer> {
    open_selected(path, view, None)
}

/// `path` opened in `view` with the item keyed `select` selected, if any, settled.
fn open_selected(path: PathBuf, view: &str, select: Option<&str>) -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions {
        path: Some(path),
        view: Some(view.to_owned()),
        select: select.map(str::to_owned),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    harness.run_steps(8);
    harness
}

/// At least one widget's label holds `text`.
fn shows(harness: &Harness<'_, Explorer>, text: &str) {
    assert!(
        harness.query_all_by_label_contains(text).next().is_some(),
        "nothing shows {text:?}"
    );
}

/// No widget's label holds `text`.
fn shows_no(harness: &Harness<'_, Explorer>, text: &str) {
    assert!(
        harness.query_all_by_label_contains(text).next().is_none(),
        "something shows {text:?}"
    );
}

fn assert_no_builtin_words(harness: &Harness<'_, Explorer>) {
    for text in accessible_texts(harness) {
        let lower = text.to_lowercase();
        for word in ["trafficking", "liberalism", "fitria", "asean", "unodc"] {
            assert!(!lower.contains(word), "{word:?} shows in {text:?}");
        }
    }
}

#[test]
fn a_jats_article_opens_in_the_reader_and_its_citations_open_their_references() {
    let mut harness = open(jats(), Reader::ID);
    let corpus = harness.state().corpus();
    assert!(
        corpus
            .warnings
            .iter()
            .all(|d| d.severity != Severity::Error)
    );
    assert_eq!(corpus.file.references.len(), 3);
    shows(
        &harness,
        "Rainfall and river discharge in two upland catchments",
    );
    shows(&harness, "Introduction");
    shows(&harness, "Table 1");
    shows(&harness, "Figure 1");
    // The status bar says what the file was read as.
    assert!(
        harness
            .state()
            .notices
            .iter()
            .any(|n| n.contains("read as JATS XML")),
        "{:?}",
        harness.state().notices
    );
    // The range [1]–[3] is one marker that cites all three works.
    harness.get_by_label("[1]–[3]").click();
    harness.run_steps(6);
    let Some(Item::Citation(citation)) = harness.state().selection.selected else {
        panic!(
            "a citation is selected: {:?}",
            harness.state().selection.selected
        );
    };
    let cited = &harness.state().corpus().index.citations[citation].references;
    assert_eq!(cited.len(), 3);
    assert_no_builtin_words(&harness);
}

#[test]
fn every_view_says_something_sensible_for_an_imported_paper() {
    let harness = open(jats(), TableView::ID);
    harness.get_by_label("Catchment");
    harness.get_by_label("Rainfall (mm)");
    shows(&harness, "Afon Hafren");
    assert_no_builtin_words(&harness);

    let harness = open(jats(), CasesView::ID);
    harness.get_by_label("This paper has no case studies.");
    shows(&harness, "added by hand");

    let harness = open(jats(), TrendsView::ID);
    harness.get_by_label("This paper reports no trend series.");
    // Its one table gives no years: the view says so, before how to add a series.
    shows(&harness, "No table in it gives numbers by year to chart.");
    assert_no_builtin_words(&harness);
}

#[test]
fn a_markdown_paper_opens_with_its_bibliography_table_and_figure() {
    let mut harness = open(markdown(), Reader::ID);
    let corpus = harness.state().corpus();
    assert!(
        corpus
            .warnings
            .iter()
            .all(|d| d.severity != Severity::Error)
    );
    assert_eq!(corpus.file.references.len(), 3);
    assert_eq!(corpus.file.tables.len(), 1);
    assert_eq!(corpus.file.figures.len(), 1);
    shows(&harness, "tidewater");
    shows(&harness, "Statement of need");
    // The narrative citation prints the authors, the year and the locator, and opens.
    harness.get_by_label_contains("(2014, p. 12)").click();
    harness.run_steps(6);
    assert!(
        matches!(harness.state().selection.selected, Some(Item::Citation(_))),
        "{:?}",
        harness.state().selection.selected
    );
    assert_no_builtin_words(&harness);

    let harness = open(markdown(), TableView::ID);
    harness.get_by_label("Station");
    shows(&harness, "Newlyn");
}

/// The JATS fixture with its figure's caption replaced by `caption` (the inside of
/// `<caption>`), opened in the Reader with the figure selected.
fn with_figure_caption(caption: &str) -> (tempfile::TempDir, Harness<'static, Explorer>) {
    let fixture = std::fs::read_to_string(jats()).unwrap();
    let changed = fixture.replace(
        "<caption><title>Daily discharge at both gauges.</title></caption>",
        &format!("<caption>{caption}</caption>"),
    );
    assert_ne!(
        changed, fixture,
        "the fixture's caption is where the test expects it"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("changed-caption.xml");
    std::fs::write(&path, changed).unwrap();
    let harness = open_selected(path, Reader::ID, Some("figure:f1"));
    assert_eq!(harness.state().selection.selected, Some(Item::Figure(0)));
    (dir, harness)
}

#[test]
fn a_long_caption_is_headed_by_its_first_sentence_over_the_rest_in_body_type() {
    let legend = "(A) Discharge at Afon Hafren, measured every fifteen minutes through the \
                  winter. (B) Discharge at Coalburn over the same days.";
    let (_dir, harness) = with_figure_caption(&format!(
        "<title>Daily discharge at both gauges.</title><p>{legend}</p>"
    ));
    // The Reader's card prints the whole title as one text; only the inspector cuts it.
    let heading = harness.get_by_label("Figure 1. Daily discharge at both gauges.");
    let rest = harness.get_by_label(legend);
    assert!(
        rest.rect().top() >= heading.rect().bottom(),
        "the rest of the caption stands under the heading"
    );
    assert!(
        harness
            .query_all_by_label_contains("Figure 1. Daily discharge at both gauges. (A)")
            .next()
            .is_some(),
        "the Reader still prints the whole caption"
    );
}

#[test]
fn a_figure_card_links_the_references_its_caption_cites() {
    let (_dir, mut harness) = with_figure_caption(
        r#"<title>Daily discharge at both gauges, modelled as before [<xref ref-type="bibr" rid="b2">2</xref>].</title>"#,
    );
    harness.get_by_label("Beven (2012)").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection.selected,
        Some(Item::Reference(1)),
        "the link under the card opens the reference the caption cites"
    );
}

#[test]
fn a_table_the_file_gives_no_rows_says_so_and_shows_its_notes() {
    // GROBID writes `<table />` for a table it could not read.
    let path = PathBuf::from("tests/fixtures/papers/tei-table-without-rows.xml");
    let harness = open_selected(path, TableView::ID, Some("table:tab_1"));
    shows(&harness, "Table 1. Sediment load by storm.");
    // The Inspector does not count the one column the format asks every table to have.
    shows(&harness, "no rows in the file");
    shows_no(&harness, "1 column");
    shows(
        &harness,
        "The file gives no rows for this table, only its caption and notes.",
    );
    shows(&harness, "Loads are in tonnes per day.");
    // No filter hides anything.
    shows_no(&harness, "No row matches the filters");
}

#[test]
fn a_paper_without_tables_says_so_in_the_table_view() {
    let tei = r#"<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title level="a" type="main">Sediment in upland rivers</title></titleStmt></fileDesc></teiHeader>
<text><body><div><head n="1">Results</head><p>Loads rose after each storm.</p></div></body></text></TEI>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sediment.tei.xml");
    std::fs::write(&path, tei).unwrap();
    let harness = open(path, TableView::ID);
    harness.get_by_label("This paper has no tables.");
    shows(&harness, "a table printed as a picture is not");
    // The Navigator leaves out the tab it would have nothing to list in.
    shows_no(&harness, "Figures & tables");
    shows_no(&harness, "corpus has no");
    assert_no_builtin_words(&harness);
}

#[test]
fn a_paper_without_its_text_opens_on_its_front_matter_and_says_the_text_is_elsewhere() {
    // GROBID's header-only output: title, authors and abstract, and an empty `<text>`.
    let tei = r#"<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title level="a" type="main">Sediment in upland rivers</title></titleStmt>
<sourceDesc><biblStruct><analytic><author><persName><forename>Ada</forename><surname>Moss</surname></persName></author></analytic></biblStruct></sourceDesc></fileDesc>
<profileDesc><abstract><p>Loads rose after each storm.</p></abstract></profileDesc></teiHeader>
<text xml:lang="en"></text></TEI>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sediment.tei.xml");
    std::fs::write(&path, tei).unwrap();
    let harness = open(path, Reader::ID);
    assert_eq!(
        harness.state().state.view,
        Reader::ID,
        "the Reader is offered"
    );
    shows(&harness, "Sediment in upland rivers");
    shows(&harness, "Ada Moss");
    shows(&harness, "Loads rose after each storm.");
    shows(&harness, "This file holds no text of the paper");
    shows(&harness, "GROBID's full-text TEI");
    // The import says so in the status bar.
    shows(&harness, "1 warning");
    // No outline to show, no reference to sort or filter.
    shows(&harness, "The paper lists no references.");
    shows_no(&harness, "Filter references");
    shows_no(&harness, "No reference matches the filter.");
    shows(&harness, "Nothing to select");
    shows_no(&harness, "Click a reference");
    assert_no_builtin_words(&harness);
}

/// Text before any heading (an eLife Insight, a GROBID file whose first part has no heading)
/// is read into a section titled with the paper's title; the Reader does not print that title
/// a second time over it, and the outline still takes the reader there.
#[test]
fn text_before_any_heading_is_not_headed_by_the_title_again() {
    let lead = (1..=40).fold(String::new(), |mut lead, n| {
        let _ = write!(
            lead,
            "<p>Paragraph {n} of the lead: the cell is a crowded place.</p>"
        );
        lead
    });
    let jats = format!(
        r#"<?xml version="1.0"?>
<article><front><article-meta><title-group><article-title>Granules come together</article-title></title-group></article-meta></front>
<body>{lead}<sec><title>Later work</title>{lead}</sec></body></article>"#
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("insight.xml");
    std::fs::write(&path, jats).unwrap();
    let reader_top = |harness: &Harness<'_, Explorer>| {
        harness
            .state()
            .views()
            .get::<Reader>()
            .and_then(Reader::top_item)
    };
    let mut harness = open(path, Reader::ID);
    shows(&harness, "Paragraph 1 of the lead");
    assert_eq!(reader_top(&harness), None, "the front matter is at the top");
    // The front matter's title, the top bar's and the outline's: no heading in the text.
    assert_eq!(
        harness.query_all_by_label("Granules come together").count(),
        3
    );
    let outline = |harness: &mut Harness<'_, Explorer>, entry: &str| {
        harness
            .get_by_role_and_label(egui::accesskit::Role::Button, entry)
            .click();
        harness.run_steps(12);
    };
    outline(&mut harness, "Later work");
    let top = reader_top(&harness);
    assert!(
        matches!(top, Some(Item::Paragraph(p)) if p > 20),
        "scrolled down to the later section: {top:?}"
    );
    // The untitled section's entry goes back to its first paragraph (centred, so the front
    // matter above it is at the top).
    outline(&mut harness, "Granules come together");
    let top = reader_top(&harness);
    assert!(
        matches!(top, None | Some(Item::Paragraph(0..=2))),
        "scrolled back to the lead: {top:?}"
    );
}

#[test]
fn the_inspector_shows_an_entry_as_printed_only_where_the_paper_printed_it() {
    const PRINTED: &str = "As the paper's reference list prints it";
    // A mixed citation: the entry as the file prints it.
    let harness = open_selected(jats(), Reader::ID, Some("reference:b3"));
    shows(&harness, PRINTED);
    shows(
        &harness,
        "Kirchner JW. Catchments as simple dynamical systems. Water Resources Research. 2009;45(2).",
    );
    // An element citation holds fields only: the chosen style shows it, and nothing claims to
    // be the paper's own list (no other paper's list style either).
    let harness = open_selected(jats(), Reader::ID, Some("reference:b1"));
    shows(&harness, "High-resolution fields of global runoff");
    shows_no(&harness, PRINTED);
    shows_no(&harness, "vol. 16");
    // The built-in paper's entries as its list prints them.
    let mut builtin = explorer(StartOptions {
        view: Some(Reader::ID.to_owned()),
        select: Some("reference:porter1995".to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    builtin.run_steps(8);
    shows(&builtin, PRINTED);
    shows(
        &builtin,
        "M. E. Porter and C. van der Linde, \"Toward a new conception of the \
         environment-competitiveness relationship,\" J. Econ. Perspect., vol. 9, no. 4, \
         pp. 97–118, 1995.",
    );
}

#[test]
fn the_bibliography_lists_the_paper_s_own_entries_or_the_chosen_style() {
    use paperlens::app::references_view::ReferencesView;
    use paperlens::app::state::CitationDisplay;
    const KIRCHNER: &str = "Kirchner JW. Catchments as simple dynamical systems. Water Resources Research. 2009;45(2).";
    let mut harness = open(jats(), ReferencesView::ID);
    // The paper's list first: its one printed entry, the two it does not keep in the style,
    // said so; in the paper's order and numbers.
    harness.get_by_label(
        "3 references · as the paper's list prints them (2 in APA 7th, lighter: their printed \
         entries are not kept)",
    );
    shows(&harness, KIRCHNER);
    harness.get_by_label(COPY_PRINTED).click();
    harness.step();
    let (html, text) = harness.state().last_copy().cloned().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("[1] Fekete, B. M. (2002)."), "{text}");
    assert!(lines[1].starts_with("[2] Beven, K. J. (2012)."), "{text}");
    assert_eq!(lines[2], format!("[3] {KIRCHNER}"));
    assert!(
        html.contains("<i>Global Biogeochemical Cycles</i>"),
        "{html}"
    );

    // The chosen style instead, remembered: every entry in APA, sorted as APA sorts them.
    harness.get_by_label("In APA 7th").click();
    harness.run_steps(4);
    assert_eq!(harness.state().state.list_display, CitationDisplay::InStyle);
    harness.get_by_label("3 references · APA 7th · en-US");
    // The mixed citation tags no field: its words were read as a plain-text list's entry is.
    shows(
        &harness,
        "Kirchner, J. W. (2009). Catchments as simple dynamical systems.",
    );
    shows_no(&harness, "(n.d.)");
    shows(
        &harness,
        "Fekete, B. M. (2002). High-resolution fields of global runoff.",
    );
    harness
        .get_by_label("Copy the whole bibliography (APA 7th)")
        .click();
    harness.step();
    let (_, text) = harness.state().last_copy().cloned().unwrap();
    assert!(text.starts_with("Beven, K. J. (2012)."), "{text}");
    harness.get_by_label("As the paper prints them").click();
    harness.run_steps(4);
    assert_eq!(
        harness.state().state.list_display,
        CitationDisplay::AsPrinted
    );
    shows(&harness, KIRCHNER);

    // A paper that keeps no printed entry has no such choice, whatever was chosen.
    let harness = open(markdown(), ReferencesView::ID);
    assert!(harness.query_by_label("As the paper prints them").is_none());
    assert!(harness.query_by_label(COPY_PRINTED).is_none());
    shows(&harness, "· APA 7th · en-US");
}

/// The Bibliography view's copy of the paper's own list.
const COPY_PRINTED: &str = "Copy the whole list as the paper prints it";

#[test]
fn the_view_menu_shows_the_paper_s_own_citation_form() {
    let mut harness = open(jats(), Reader::ID);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("As the paper prints them: [1]");
    let mut harness = open(markdown(), Reader::ID);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("As the paper prints them: (Woodworth et al., 2016)");
}

#[test]
fn a_printed_entry_is_copied_as_printed_and_an_element_citation_offers_no_such_copy() {
    let mut harness = open_selected(jats(), Reader::ID, Some("reference:b3"));
    harness.get_by_label("Copy…").click();
    harness.run_steps(2);
    harness
        .get_by_label("Copy this reference as the paper prints it")
        .click();
    harness.step();
    let (_, text) = harness.state().last_copy().cloned().unwrap();
    assert_eq!(
        text,
        "Kirchner JW. Catchments as simple dynamical systems. Water Resources Research. 2009;45(2)."
    );
    let mut harness = open_selected(jats(), Reader::ID, Some("reference:b1"));
    harness.get_by_label("Copy…").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label("Copy this reference as the paper prints it")
            .is_none()
    );
    // The paper's list as a whole is still there to copy.
    harness.get_by_label(COPY_PRINTED).click();
    harness.step();
    let (_, text) = harness.state().last_copy().cloned().unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
}

#[test]
fn a_wide_table_s_filters_and_caption_stay_inside_the_view_of_a_small_window() {
    let mut rows = String::new();
    for n in 0..12 {
        let group = ["control", "treated"][n % 2];
        let sex = ["female", "male"][n / 2 % 2];
        let site = ["north", "south", "east"][n % 3];
        let p = ["&lt; 0.001", "0.04"][n / 3 % 2];
        let _ = write!(
            rows,
            "<tr><td>Participant {n}</td><td>{group}</td><td>{sex}</td><td>{site}</td><td>{p}</td></tr>"
        );
    }
    let text = format!(
        r#"<?xml version="1.0"?><article><front><article-meta><title-group><article-title>Wide tables</article-title></title-group></article-meta></front>
<body><sec><title>Results</title><p>See Table 1.</p><table-wrap id="t1"><label>Table 1</label><caption><p>Outcomes of every participant by treatment group, sex, recruitment site and significance, a caption long enough to wrap</p></caption>
<table><thead><tr><th>Participant</th><th>Treatment group</th><th>Sex of the participant</th><th>Recruitment site</th><th>Significance (p)</th></tr></thead><tbody>{rows}</tbody></table></table-wrap></sec></body></article>"#
    );
    let corpus = paperlens::open::open_text(&text, "wide.xml")
        .corpus
        .expect("the article imports");
    let mut harness = explorer_sized(
        StartOptions {
            corpus: Some(corpus),
            view: Some(TableView::ID.to_owned()),
            store: Some(StateStore::in_memory()),
            ..StartOptions::default()
        },
        [1024.0, 640.0],
    );
    harness.run_steps(6);
    let view_ends = harness.get_by_label("Inspector").rect().left();
    let filters: Vec<egui::Rect> = harness
        .query_all_by_role(egui::accesskit::Role::ComboBox)
        .map(|combo| combo.rect())
        .collect();
    assert_eq!(filters.len(), 4, "a filter for each column of few values");
    for filter in &filters {
        assert!(
            filter.right() <= view_ends,
            "a filter runs past the view's edge ({view_ends}): {filter:?}"
        );
    }
    let caption = harness.get_by_label_contains("long enough to wrap").rect();
    assert!(
        caption.right() <= view_ends,
        "the caption runs past the view's edge ({view_ends}): {caption:?}"
    );
}

#[test]
fn a_work_cited_only_in_a_footnote_links_to_the_footnote_and_back() {
    let text = r#"<?xml version="1.0"?><article><front><article-meta><title-group><article-title>Notes that cite</article-title></title-group></article-meta></front>
<body><sec><title>Results</title><p>Found.<xref ref-type="fn" rid="fn1">1</xref></p></sec></body>
<back><fn-group><fn id="fn1" symbol="1"><p>Others disagree (<xref ref-type="bibr" rid="r1">Porter, 1995</xref>).</p></fn></fn-group>
<ref-list><ref id="r1"><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Porter</surname><given-names>T</given-names></name></person-group><article-title>Trust in numbers</article-title><source>J Tests</source><year>1995</year></element-citation></ref></ref-list></back></article>"#;
    let open = |select: &str| {
        let corpus = paperlens::open::open_text(text, "notes.xml")
            .corpus
            .expect("the article imports");
        let mut harness = explorer(StartOptions {
            corpus: Some(corpus),
            view: Some(Reader::ID.to_owned()),
            select: Some(select.to_owned()),
            store: Some(StateStore::in_memory()),
            ..StartOptions::default()
        });
        harness.run_steps(8);
        harness
    };
    let harness = open("reference:r1");
    shows(&harness, "Footnotes that cite it (1)");
    shows(&harness, "Others disagree (Porter, 1995).");
    let harness = open("footnote:fn1");
    shows(&harness, "Works it cites (1)");
}

#[test]
fn a_table_named_in_the_text_opens_from_there_and_lists_where_it_is_named() {
    let mut harness = open(jats(), Reader::ID);
    // "(Table 1)" in the paragraph is a link to the table, drawn as one label; hovering it
    // previews the table, as every link does.
    let caption = "Mean annual rainfall and discharge.";
    let shown = harness.query_all_by_label_contains(caption).count();
    harness.get_by_label("Table 1").hover();
    harness.run_steps(8);
    assert_eq!(harness.state().selection.hovered, Some(Item::Table(0)));
    assert!(harness.query_all_by_label_contains(caption).count() > shown);
    harness.get_by_label("Table 1").click();
    harness.run_steps(6);
    assert_eq!(harness.state().selection.selected, Some(Item::Table(0)));
    shows(&harness, "Named in the text (1)");
    shows(&harness, "Both catchments respond within days (Table 1)");
    // The paragraph lists the table it names.
    let corpus = harness.state().corpus();
    let paragraph = corpus.index.paragraphs_naming(Item::Table(0))[0];
    let key = Item::Paragraph(paragraph).key(corpus).expect("a key").0;
    let harness = open_selected(jats(), Reader::ID, Some(&key));
    shows(&harness, "Tables and figures (1)");
}

/// PLOS prints a column's header once, in the first header row above a blank cell, beside a
/// heading over other columns; the first column, of the rows' names, has no header. The Table
/// view names that column once, and a row's Inspector lists the row's name without an empty
/// label before it.
#[test]
fn a_header_printed_above_a_blank_cell_names_its_column_once() {
    let jats = r#"<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article">
<front><article-meta><title-group><article-title>Worm eggs in stool</article-title></title-group></article-meta></front>
<body><sec id="s1"><title>Results</title><p>Most infections were light (<xref ref-type="table" rid="t1">Table 1</xref>).</p>
<table-wrap id="t1"><label>Table 1</label><caption><title>Infection intensity by species.</title></caption>
<table><thead>
<tr><td/><td>No. (%) infected</td><td colspan="2">Intensity</td></tr>
<tr><td/><td/><td>Light</td><td>Heavy</td></tr>
</thead><tbody>
<tr><td>Hookworm</td><td>21 (9.5)</td><td>18 (85.7%)</td><td>1 (4.8%)</td></tr>
<tr><td>Ascaris</td><td>7 (3.2)</td><td>6 (85.7%)</td><td>0</td></tr>
</tbody></table></table-wrap></sec></body>
</article>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("worms.xml");
    std::fs::write(&path, jats).unwrap();
    let harness = open_selected(path, TableView::ID, Some("row:t1.r1"));
    assert!(matches!(
        harness.state().selection.selected,
        Some(Item::TableRow(0))
    ));
    // As often as "Light", a column header shown once.
    let count = |text: &str| harness.query_all_by_label(text).count();
    assert_eq!(count("No. (%) infected"), count("Light"));
    assert!(count("Light") > 0);
    shows(&harness, "Intensity");
    // The Inspector: each cell under its header, the rows' names under none.
    shows(&harness, "No. (%) infected:");
    shows(&harness, "Intensity — Light:");
    let texts = accessible_texts(&harness);
    assert!(
        texts.iter().all(|text| !text.trim_start().starts_with(':')),
        "{texts:#?}"
    );
}

/// eLife prints some tables without a header row. The Table view names each column by its
/// place, as its filter does, so that the table can still be sorted by it.
#[test]
fn a_table_printed_without_headers_names_its_columns_by_place_and_sorts_by_them() {
    let jats = r#"<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article">
<front><article-meta><title-group><article-title>Leaf angles</article-title></title-group></article-meta></front>
<body><sec id="s1"><title>Results</title><p>Angles are given in <xref ref-type="table" rid="t1">Table 1</xref>.</p>
<table-wrap id="t1"><label>Table 1.</label><caption><p>Observed angles.</p></caption>
<table><tbody>
<tr><td>Plastochron ratio</td><td>1.12</td></tr>
<tr><td>Average angle</td><td>136.4</td></tr>
<tr><td>Lucas sequences</td><td>0</td></tr>
</tbody></table></table-wrap></sec></body>
</article>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("angles.xml");
    std::fs::write(&path, jats).unwrap();
    let mut harness = open(path, TableView::ID);
    harness.get_by_label("Column 2").click();
    harness.run_steps(2);
    let sort = harness
        .state()
        .views()
        .get::<TableView>()
        .map(|view| view.sort);
    assert_eq!(sort, Some(Some((1, false))));
    harness.get_by_label("Column 1");
}

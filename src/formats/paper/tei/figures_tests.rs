//! Small TEI documents of tables and figures, one per construct the real GROBID files in
//! `../shared` lack.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{read, tei, valid};
use crate::corpus::model::CorpusFile;

/// Each figure's label and caption.
fn figure_cards(file: &CorpusFile) -> Vec<(&str, &str)> {
    file.figures
        .iter()
        .map(|f| (f.label.as_str(), f.caption.as_str()))
        .collect()
}

#[test]
fn a_table_with_a_header_row_and_a_spanning_cell() {
    let body = r#"<div><head n="1">Results</head><p>See the table.</p>
<figure type="table" xml:id="tab_0"><head>Table 1 : Scores by task</head><label>1</label><figDesc>Higher is better.</figDesc>
<table><row role="head"><cell>Model</cell><cell cols="2">Scores</cell></row>
<row><cell>Ours</cell><cell>84.2</cell><cell>88.4</cell></row>
<row><cell cols="3">Baselines</cell></row>
<row><cell>BERT</cell><cell>80.1</cell></row></table><note>Averages over three runs.</note></figure></div>"#;
    let file = valid(&read(&tei(body, "")));
    assert_eq!(file.tables.len(), 1);
    let table = &file.tables[0];
    assert_eq!(table.id, "tab_0");
    assert_eq!(table.label, "Table 1");
    assert_eq!(table.caption, "Scores by task Higher is better.");
    assert_eq!(table.columns.len(), 3);
    assert_eq!(table.header_rows.len(), 1);
    assert_eq!(table.header_rows[0][1].text, "Scores");
    assert_eq!(table.header_rows[0][1].span, 2);
    let rows = crate::corpus::model::cells_of(table);
    assert_eq!(
        rows,
        [
            vec!["Ours", "84.2", "88.4"],
            vec!["Baselines", "", ""],
            vec!["BERT", "80.1", ""]
        ]
    );
    assert_eq!(table.footnotes[0].text, "Averages over three runs.");
    assert_eq!(table.section.as_deref(), Some("results"));
    assert_eq!(table.after_paragraph.as_deref(), Some("results.p1"));
}

#[test]
fn a_table_of_words_printed_line_by_line_is_joined_into_its_rows() {
    let table = |rows: &str| {
        let body = format!(
            r#"<div><head n="1">Tools</head><p>See the table.</p><figure type="table" xml:id="tab_0"><head>Table 1</head><table><row role="head"><cell>Step</cell><cell>Tools</cell><cell>Potential</cell></row>{rows}</table></figure></div>"#
        );
        let file = valid(&read(&tei(&body, "")));
        let table = file.tables.into_iter().next().expect("the table");
        table
            .rows
            .into_iter()
            .map(|row| row.cells)
            .collect::<Vec<_>>()
    };
    // As GROBID reads Table 1 of Wagner et al. (2022): one row per printed line.
    let rows = table(
        "<row><cell>1. Problem</cell><cell>• Libraries supporting thematic analyses</cell><cell>• Moderate potential with AI pointing</cell></row>\
         <row><cell>formulation</cell><cell>based on LDA models (Antons and</cell><cell>researchers to promising areas</cell></row>\
         <row><cell/><cell>Breidbach, 2017)</cell><cell/></row>\
         <row><cell/><cell>• GUI applications</cell><cell/></row>\
         <row><cell>3. Search</cell><cell>• TheoryOn enables ontology-</cell><cell>• Very high potential</cell></row>\
         <row><cell/><cell>based searches</cell><cell/></row>",
    );
    assert_eq!(
        rows,
        [
            [
                "1. Problem formulation",
                "• Libraries supporting thematic analyses based on LDA models (Antons and \
                 Breidbach, 2017) • GUI applications",
                "• Moderate potential with AI pointing researchers to promising areas"
            ],
            [
                "3. Search",
                "• TheoryOn enables ontology-based searches",
                "• Very high potential"
            ]
        ]
    );
    // A table of numbers keeps its rows, blank first cells and all.
    let numbers = table(
        "<row><cell>Ours</cell><cell>84.2</cell><cell>88.4</cell></row>\
         <row><cell/><cell>85.0</cell><cell>89.1</cell></row>\
         <row><cell>baseline</cell><cell>80.3</cell><cell>81.2</cell></row>",
    );
    assert_eq!(numbers.len(), 3);
}

#[test]
fn leading_rows_of_words_above_numbers_are_the_header_when_none_is_marked() {
    let table = |rows: &str| {
        let body = format!(
            r#"<div><head n="1">Results</head><p>See the table.</p><figure type="table" xml:id="tab_0"><head>Table 1</head><table>{rows}</table></figure></div>"#
        );
        let file = valid(&read(&tei(&body, "")));
        file.tables.into_iter().next().expect("the table")
    };
    let found = table(
        "<row><cell>Items</cell><cell>IGT-related</cell><cell>Idiopathic</cell></row>\
         <row><cell/><cell>PN (n = 12)</cell><cell>PN (n = 17)</cell></row>\
         <row><cell>VAS</cell><cell>3.75 ± 3.91</cell><cell>4.59 ± 3.08</cell></row>\
         <row><cell>SFN-SIQ</cell><cell>5.33 ± 1.67</cell><cell>4.53 ± 1.55</cell></row>",
    );
    // Two lines of one header, no cell spanning: each column's lines are its one header.
    assert!(found.header_rows.is_empty());
    let headers: Vec<&str> = found.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        ["Items", "IGT-related PN (n = 12)", "Idiopathic PN (n = 17)"]
    );
    assert_eq!(found.rows.len(), 2);
    assert_eq!(found.rows[0].cells[0], "VAS");
    // A label spanning columns over their own headers: two header rows, the span kept.
    let spanning = table(
        r#"<row><cell/><cell cols="2">Scores</cell></row>
        <row><cell>Model</cell><cell>Dev</cell><cell>Test</cell></row>
        <row><cell>Ours</cell><cell>84.2</cell><cell>88.4</cell></row>"#,
    );
    assert_eq!(spanning.header_rows.len(), 2);
    let top: Vec<(&str, u32)> = spanning.header_rows[0]
        .iter()
        .map(|cell| (cell.text.as_str(), cell.span))
        .collect();
    assert_eq!(top, [("", 1), ("Scores", 2)]);
    let headers: Vec<&str> = spanning.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["Model", "Dev", "Test"]);
    // Words only, or a number in the first row: every row stays a row.
    let words =
        table("<row><cell>A</cell><cell>B</cell></row><row><cell>C</cell><cell>D</cell></row>");
    assert!(words.header_rows.is_empty() && words.rows.len() == 2);
    assert!(words.columns.iter().all(|c| c.header.is_empty()));
    let numbers =
        table("<row><cell>1</cell><cell>B</cell></row><row><cell>C</cell><cell>D</cell></row>");
    assert_eq!(numbers.rows.len(), 2);
}

#[test]
fn a_figure_with_its_label_caption_and_image() {
    let body = r#"<div><head n="1">Overview</head><p>Text.</p>
<figure xml:id="fig_0"><head>Figure 2: Overview of the model.</head><label>2</label><figDesc>Queries and papers.</figDesc><graphic url="fig2.png"/></figure>
<figure xml:id="fig_1"><head></head><label>3</label><figDesc>t-SNE plot.</figDesc></figure>
<figure xml:id="fig_2"><head/><label/><figDesc/></figure></div>"#;
    let file = valid(&read(&tei(body, "")));
    let figures: Vec<(&str, &str, Option<&str>)> = file
        .figures
        .iter()
        .map(|f| (f.label.as_str(), f.caption.as_str(), f.image.as_deref()))
        .collect();
    assert_eq!(
        figures,
        [
            (
                "Figure 2",
                "Overview of the model. Queries and papers.",
                Some("fig2.png")
            ),
            ("Figure 3", "t-SNE plot.", None),
            ("Figure", "", None)
        ]
    );
}

#[test]
fn a_label_older_grobid_repeats_in_the_description_is_read_once() {
    // GROBID 0.5: the label again at the description's start, or only there; a figure whose
    // caption was found in a table's place, with the page's text as its "table".
    let body = r#"<div><head>Results</head><p>Text.</p>
<figure xml:id="fig_0"><head>FIG. 2 .</head><label>2</label><figDesc>FIG. 2. Depth profiles.</figDesc></figure>
<figure xml:id="fig_1"><head></head><label></label><figDesc>FIG. 5. Depth distribution.</figDesc></figure>
<figure type="table" xml:id="tab_0"><head></head><label></label><figDesc>FIG. 1. Map of the sea.</figDesc><table>7470
HU ET AL.
assay kit</table></figure>
<figure type="table" xml:id="tab_2"><head></head><label></label><figDesc>Gráfico 6 World expenditure on R&amp;D, 1990</figDesc><table>1999: US$ 410 billion</table></figure>
<figure type="table" xml:id="tab_1"><head>TABLE 1 .</head><label>1</label><figDesc>Properties of the water.</figDesc><table><row><cell>Depth</cell><cell>Temp</cell></row><row><cell>10</cell><cell>25.1</cell></row></table></figure></div>"#;
    let file = valid(&read(&tei(body, "")));
    let figures = figure_cards(&file);
    assert_eq!(
        figures,
        [
            ("FIG. 2", "Depth profiles."),
            ("FIG. 5", "Depth distribution."),
            ("FIG. 1", "Map of the sea."),
            ("Gráfico 6", "World expenditure on R&D, 1990")
        ]
    );
    let tables: Vec<(&str, &str, usize)> = file
        .tables
        .iter()
        .map(|t| (t.label.as_str(), t.caption.as_str(), t.rows.len()))
        .collect();
    assert_eq!(tables, [("TABLE 1", "Properties of the water.", 1)]);
}

#[test]
fn a_table_older_grobid_gives_as_text_keeps_its_text_as_a_note() {
    // As GROBID 0.5 gives Table 1 of an ASM journal: the cells a line each, no rows.
    let body = r#"<div><head n="1">Results</head><p>See the table.</p>
<figure type="table" xml:id="tab_1"><head>TABLE 1 .</head><label>1</label><figDesc>Properties of the water</figDesc><table>Depth
(m)

Station 712
0
25.80
</table></figure></div>"#;
    let imported = read(&tei(body, ""));
    let file = valid(&imported);
    let table = &file.tables[0];
    assert!(table.rows.is_empty());
    assert_eq!(
        table.footnotes[0].text,
        "The source gives this table's text without its rows and columns: Depth (m) Station \
         712 0 25.80"
    );
    // It is still counted as a table without cells.
    assert!(
        imported.diagnostics.iter().any(|d| d
            .message
            .starts_with("1 table without cells in the source (TABLE 1. Properties of the water)"))
    );
}

#[test]
fn a_caption_loses_the_labels_grobid_repeats_or_merges_into_it() {
    // As GROBID 0.8 reads a psychology preprint: the description repeats the label with its
    // number glued on (`Figure3.`); two figures taken as one give a head of two labels; a
    // caption found in running text opens with the sentence's full stop.
    let body = r#"<div><head n="1">Results</head><p>See the figures.</p>
<figure xml:id="fig_0"><head/><label/><figDesc>. All names of members of three boards</figDesc></figure>
<figure xml:id="fig_1"><head>Figure 1 .Figure 2 .</head><label>12</label><figDesc>Figure1. Attitude about one-tailed tests.</figDesc></figure>
<figure xml:id="fig_2"><head>Figure 3 .</head><label>3</label><figDesc>Figure3. Attitude about sequential analyses.</figDesc></figure>
<figure xml:id="fig_3"><head>Fig.4</head><figDesc>Fig. 4 Frequencies of responses.</figDesc></figure>
<figure xml:id="fig_4"><head>A</head><label/><figDesc>. high stathmin H-score. B. low stathmin H-score.</figDesc></figure></div>"#;
    let file = valid(&read(&tei(body, "")));
    let cards = figure_cards(&file);
    assert_eq!(
        cards,
        [
            ("", "All names of members of three boards"),
            ("Figure 1", "Attitude about one-tailed tests."),
            ("Figure 3", "Attitude about sequential analyses."),
            ("Fig. 4", "Frequencies of responses."),
            ("", "A . high stathmin H-score. B. low stathmin H-score."),
        ]
    );
}

//! The builder as every importer uses it: a paper built from each kind of piece is a valid
//! corpus with its markers as printed.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::corpus::Corpus;
use crate::corpus::model::Reference;
use crate::formats::paper::{FigureDraft, PaperBuilder, PaperKind, Rich, Span, TableDraft};

fn reference(id: &str) -> Reference {
    Reference {
        id: id.to_owned(),
        title: format!("Work {id}"),
        ..Reference::default()
    }
}

#[test]
fn a_built_paper_is_a_valid_corpus_with_its_markers_as_printed() {
    let mut builder = PaperBuilder::new(PaperKind::Jats);
    builder.paper().title = "A paper".to_owned();
    builder.begin_section("1", "Introduction");
    let mut text = Rich::text("The World Health Organization (WHO) said [so] @ noon ");
    text.push_cite("[1]–[3]", vec!["b 1".into(), "b2".into(), "b3".into()]);
    text.push_text(" and ");
    text.push_cite("Smith et al., 2019", vec!["b2".into()]);
    text.push(Span::Unresolved("[9]".into()));
    text.push(Span::Footnote("fn1".into()));
    text.push_text(".");
    builder.paragraph(text);
    builder.table(TableDraft {
        source_id: "T1".into(),
        label: "Table 1.".into(),
        caption: Rich::text("Counts"),
        header_rows: vec![vec![("Year".into(), 1), ("Cases".into(), 1)]],
        rows: vec![vec![Rich::text("2019"), Rich::text("1,204")]],
        footnotes: vec![],
        part_headers: vec![],
    });
    builder.begin_section("1.1", "Details");
    builder.paragraph(Rich::text("More."));
    builder.figure(FigureDraft {
        source_id: "F1".into(),
        label: "Figure\n 1.".into(),
        caption: Rich::text("A chart"),
        image: None,
        source_line: Some("Source: WHO".into()),
        inner_text: " Cases · 2020 ".into(),
    });
    builder.footnote("fn1", "1", Rich::text("A note."));
    for id in ["b 1", "b2", "b3"] {
        builder.reference(reference(id));
    }
    let imported = builder.finish();
    let file = &imported.file;
    let paragraph = &file.sections[0].paragraphs[0].text;
    assert_eq!(
        paragraph,
        "The World Health Organization (WHO) said \\[so] \\@ noon [[1]–[3]]{@b-1; @b2; @b3} \
         and [Smith et al., 2019]{@b2}\\[9][^fn1]."
    );
    assert_eq!(file.sections[1].parent.as_deref(), Some("introduction"));
    assert_eq!(
        file.tables[0].after_paragraph.as_deref(),
        Some("introduction.p1")
    );
    // The stop a journal prints after a label's number is not the label's.
    assert_eq!(
        (
            file.tables[0].label.as_str(),
            file.figures[0].label.as_str()
        ),
        ("Table 1", "Figure 1")
    );
    assert_eq!(
        file.tables[0].columns[0].kind,
        crate::corpus::model::ColumnKind::Year
    );
    assert_eq!(
        file.tables[0].columns[1].kind,
        crate::corpus::model::ColumnKind::Number
    );
    assert_eq!(
        file.figures[0].source_paragraph.as_deref(),
        Some("details.p2")
    );
    assert_eq!(file.figures[0].inner_text, "Cases · 2020");
    assert_eq!(file.entities[0].aliases, vec!["WHO".to_owned()]);
    let corpus = Corpus::from_file(imported.file.clone(), "test").expect("valid");
    let summary = corpus.summary();
    assert_eq!(
        (summary.citation_groups, summary.citations),
        (2, 4),
        "{summary:?}"
    );
    let codes: Vec<_> = imported
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(
        codes,
        ["imported", "import-incomplete", "unresolved-marker"]
    );
    assert!(
        imported.diagnostics[0]
            .message
            .contains("4 citations (2 citation groups)")
    );
}

#[test]
fn an_equations_source_is_never_read_for_citations() {
    let mut builder = PaperBuilder::new(PaperKind::PlainText);
    builder.paper().title = "Numbers".to_owned();
    builder.begin_section("1", "Model");
    builder.paragraph(Rich {
        spans: vec![Span::Text("As shown ".into()), Span::Marked("[1].".into())],
    });
    builder.equation(
        r"x \in [0,1], \; f(x) = [2] + @y [^z]",
        crate::corpus::model::EquationNotation::Tex,
        "(1)",
    );
    builder.reference(reference("r1"));
    let imported = builder.finish();
    // The references are numbered (the text resolves `[1]` by number), yet `[0,1]` and `[2]`
    // in the equation are not markers, nor `@y` a citation, nor `[^z]` a footnote.
    assert_eq!(imported.file.references[0].citation_number, Some(1));
    let corpus = Corpus::from_file(imported.file, "test").expect("valid");
    assert_eq!(corpus.summary().citations, 1);
    assert_eq!(
        corpus.index.paragraphs[1].printed,
        r"x \in [0,1], \; f(x) = [2] + @y [^z]"
    );
}

#[test]
fn a_few_names_are_listed_cut_short_and_the_rest_counted() {
    let names: Vec<String> = [
        "Table 1. Results on the evaluation suite consisting of seven tasks.",
        "Table 2",
        "Table 3",
        "Table 4",
        "Table 5",
    ]
    .map(str::to_owned)
    .to_vec();
    assert_eq!(
        super::named_briefly(&names),
        "Table 1. Results on the evaluation …; Table 2; Table 3; and 2 more"
    );
    assert_eq!(super::named_briefly(&names[1..2]), "Table 2");
}

#[test]
fn a_label_keeps_a_stop_that_ends_an_abbreviation() {
    use crate::formats::paper::builder::float_label;
    assert_eq!(float_label("Fig. 2."), "Fig. 2");
    assert_eq!(float_label("Table IV."), "Table IV");
    assert_eq!(float_label("Table 1.2."), "Table 1.2");
    assert_eq!(float_label("Fig."), "Fig.");
    assert_eq!(float_label("Figure 1:"), "Figure 1");
    assert_eq!(float_label("Figure:"), "Figure:");
    assert_eq!(float_label("Supplementary Fig."), "Supplementary Fig.");
    assert_eq!(float_label(" Table  S1 "), "Table S1");
}

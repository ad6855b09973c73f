//! The JATS importer on small articles written for each construct.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Write as _;

use crate::corpus::Corpus;
use crate::corpus::model::{CorpusFile, EquationNotation, ParagraphKind, Table};
use crate::formats::paper::{ImportOptions, Imported, PaperKind, import};

/// Imports `text` as JATS, which must succeed.
pub(super) fn read(text: &str) -> Imported {
    import(PaperKind::Jats, text, &ImportOptions::default()).expect("imports")
}

/// An article around `body` and `back`, with a reference list of `b1`…`b6` numbered 1…6.
pub(super) fn article(body: &str, back: &str) -> String {
    let mut refs = String::new();
    for n in 1..=6 {
        let _ = write!(
            refs,
            r#"<ref id="b{n}"><label>{n}</label><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Author{n}</surname><given-names>A</given-names></name></person-group><article-title>Work {n}</article-title><source>J Tests</source><year>200{n}</year></element-citation></ref>"#
        );
    }
    format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN" "JATS-journalpublishing1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML"><front><article-meta><title-group><article-title>A test article</article-title></title-group></article-meta></front>
<body>{body}</body><back>{back}<ref-list><title>References</title>{refs}</ref-list></back></article>"#
    )
}

/// A table's header rows: each cell's text and the columns it spans.
pub(super) fn header_spans(table: &Table) -> Vec<Vec<(&str, u32)>> {
    table
        .header_rows
        .iter()
        .map(|row| row.iter().map(|c| (c.text.as_str(), c.span)).collect())
        .collect()
}

/// The written text of the paragraph that contains `words`.
pub(super) fn paragraph_with<'f>(file: &'f CorpusFile, words: &str) -> &'f str {
    file.sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.text.as_str())
        .find(|text| text.contains(words))
        .unwrap_or_else(|| panic!("no paragraph contains {words:?}"))
}

/// Each section's title and the written text of its paragraphs, in order.
pub(super) fn titles_and_texts(file: &CorpusFile) -> Vec<(&str, Vec<&str>)> {
    file.sections
        .iter()
        .map(|s| {
            (
                s.title.as_str(),
                s.paragraphs.iter().map(|p| p.text.as_str()).collect(),
            )
        })
        .collect()
}

/// The imported corpus, which must validate.
pub(super) fn valid(imported: &Imported) -> Corpus {
    Corpus::from_file(imported.file.clone(), "test").expect("a valid corpus")
}

#[test]
fn citations_name_their_references() {
    let body = r#"<sec><label>1</label><title>Introduction</title>
<p>Two rids <xref ref-type="bibr" rid="b1 b2">1,2</xref> here.</p>
<p>A range <xref ref-type="bibr" rid="b2">[2]</xref>–<xref ref-type="bibr" rid="b5">[5]</xref> here.</p>
<p>Bracketed [<xref ref-type="bibr" rid="b1">1</xref>, <xref ref-type="bibr" rid="b3">3</xref>] here.</p>
<p>Printed range [<xref ref-type="bibr" rid="b4">4–6</xref>] here.</p>
<p>Missing <xref ref-type="bibr">[7]</xref> and dangling <xref ref-type="bibr" rid="b99">[8]</xref> here.</p>
<p>As <xref ref-type="bibr" rid="b6">Author6 (2006)</xref> says.</p>
<p>Text ranges [<xref ref-type="bibr" rid="b1">1</xref>–3] and (<xref ref-type="bibr" rid="b4">4</xref> - 6), not <xref ref-type="bibr" rid="b2">[2]</xref>-3 groups.</p>
<p>Superscripts<sup><xref ref-type="bibr" rid="b1">1</xref></sup>–<sup><xref ref-type="bibr" rid="b3">3</xref></sup> and<sup><xref ref-type="bibr" rid="b5">5</xref>,<xref ref-type="bibr" rid="b6">6</xref></sup> end.</p>
<p>Two groups [<xref ref-type="bibr" rid="b1">1</xref>], [<xref ref-type="bibr" rid="b2">2</xref>] joined.</p>
<p>Split brackets [<xref ref-type="bibr" rid="b2">2</xref>]–[<xref ref-type="bibr" rid="b4">4</xref>] here, and (<xref ref-type="bibr" rid="b1">1</xref>) [<xref ref-type="bibr" rid="b6">6</xref>] apart.</p>
</sec>"#;
    let imported = read(&article(body, ""));
    let file = &imported.file;
    assert_eq!(file.sections[0].number, "1");
    assert_eq!(file.sections[0].title, "Introduction");
    assert_eq!(
        paragraph_with(file, "Two rids"),
        "Two rids [1,2]{@b1; @b2} here."
    );
    assert_eq!(
        paragraph_with(file, "A range"),
        "A range [[2]–[5]]{@b2; @b3; @b4; @b5} here."
    );
    assert_eq!(
        paragraph_with(file, "Bracketed"),
        "Bracketed [[1, 3]]{@b1; @b3} here."
    );
    assert_eq!(
        paragraph_with(file, "Printed range"),
        "Printed range [[4–6]]{@b4; @b5; @b6} here."
    );
    assert_eq!(
        paragraph_with(file, "Missing"),
        "Missing \\[7] and dangling \\[8] here."
    );
    assert_eq!(
        paragraph_with(file, "As "),
        "As [Author6 (2006)]{@b6} says."
    );
    assert_eq!(
        paragraph_with(file, "Text ranges"),
        "Text ranges [[1–3]]{@b1; @b2; @b3} and [(4 - 6)]{@b4; @b5; @b6}, not [[2]]{@b2}-3 groups."
    );
    assert_eq!(
        paragraph_with(file, "Superscripts"),
        "Superscripts[1–3]{@b1; @b2; @b3} and[5,6]{@b5; @b6} end."
    );
    assert_eq!(
        paragraph_with(file, "Two groups"),
        "Two groups [[1], [2]]{@b1; @b2} joined."
    );
    assert_eq!(
        paragraph_with(file, "Split brackets"),
        "Split brackets [[2]–[4]]{@b2; @b3; @b4} here, and [(1)]{@b1} [[6]]{@b6} apart."
    );
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "unresolved-marker" && d.message.starts_with('2')),
        "{:?}",
        imported.diagnostics
    );
    let corpus = valid(&imported);
    assert_eq!(
        corpus.summary().citations,
        2 + 4 + 2 + 3 + 1 + 3 + 3 + 1 + 3 + 2 + 2 + 3 + 1 + 1
    );
}

#[test]
fn inline_tex_is_kept_as_math_and_printed_as_it_reads() {
    let body = r"<sec><title>Methods</title><p>When <inline-formula><tex-math>\documentclass{article}\begin{document}$t \leq \tau$\end{document}</tex-math></inline-formula> it costs $5, or <inline-formula><tex-math>\(x^2\)</tex-math></inline-formula> [1].</p></sec>";
    let imported = read(&article(body, ""));
    let paragraph = &imported.file.sections[0].paragraphs[0];
    // A literal `$` is escaped, so that it opens no math.
    assert_eq!(
        paragraph.text,
        "When $t \\leq \\tau$ it costs \\$5, or $x^2$ \\[1]."
    );
    let corpus = valid(&imported);
    assert_eq!(
        corpus.index.paragraphs[0].printed,
        "When t ≤ τ it costs $5, or x² [1]."
    );
}

#[test]
fn blocks_formulas_footnotes_and_lists() {
    let body = r#"<p><graphic xlink:href="logo.png"/></p><p>Opening text before any heading.</p>
<sec><title>Methods</title>
<p>We compute<xref ref-type="fn" rid="fn1"><sup>a</sup></xref> this:
<disp-formula id="e1"><label>(1)</label><tex-math>\documentclass{article}\begin{document}$E = mc^2$\end{document}</tex-math></disp-formula>
and then <inline-formula><tex-math>$x_1$</tex-math></inline-formula> also <inline-formula><mml:math><mml:msub><mml:mi>y</mml:mi><mml:mn>2</mml:mn></mml:msub></mml:math></inline-formula>
<disp-formula id="e2"><label>(2)</label><mml:math><mml:mi>y</mml:mi><mml:mo>=</mml:mo><mml:mn>2</mml:mn></mml:math></disp-formula></p>
<disp-formula id="e3"><label>(3)</label><graphic xlink:href="e3.tif"/></disp-formula>
<list list-type="bullet"><list-item><p>First item.</p></list-item><list-item><p>Second item.</p></list-item></list>
<list list-type="roman-lower"><list-item><p>Research article</p></list-item><list-item><p>Short report</p></list-item></list>
<list list-type="order"><list-item><label>(a)</label><p>Labelled.</p></list-item></list>
<list list-type="simple"><list-item><p>Plain.</p></list-item></list>
<boxed-text id="box1"><label>Box 1</label><caption><title>Key points</title></caption><p>Inside the box.</p></boxed-text>
</sec>"#;
    let back = r#"<ack><p>We thank all.</p></ack><app-group><app><title>Appendix A</title><p>More detail.</p></app></app-group>
<fn-group><fn id="fn1"><label>a</label><p>A footnote.</p></fn><fn id="fn2"><p>Competing interests: none.</p></fn></fn-group>
<glossary><title>Abbreviations</title><def-list><def-item><term>CC</term><def><p>Creative Commons</p></def></def-item></def-list></glossary>"#;
    let imported = read(&article(body, back));
    let file = &imported.file;
    let titles: Vec<&str> = file.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "A test article",
            "Methods",
            "Key points",
            "Acknowledgments",
            "Appendix A",
            "Notes",
            "Abbreviations"
        ]
    );
    assert_eq!(
        file.sections[0].paragraphs[0].text,
        "Opening text before any heading."
    );
    let methods = &file.sections[1].paragraphs;
    assert_eq!(methods[0].text, "We compute[^fn1] this:");
    assert_eq!(methods[1].kind, ParagraphKind::Equation);
    assert_eq!(methods[1].text, "$E = mc^2$");
    assert_eq!(methods[1].label, "(1)");
    assert_eq!(methods[1].notation, Some(EquationNotation::Tex));
    // Inline MathML reads as a line of text, its subscript lowered.
    assert_eq!(methods[2].text, "and then $x_1$ also y₂");
    assert_eq!(methods[3].notation, Some(EquationNotation::Mathml));
    assert_eq!(
        methods[3].text,
        "<mml:math><mml:mi>y</mml:mi><mml:mo>=</mml:mo><mml:mn>2</mml:mn></mml:math>"
    );
    // Each item is a paragraph opening with its label, else the marker its list's type gives.
    let items: Vec<&str> = methods
        .get(4..)
        .unwrap()
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "• First item.",
            "• Second item.",
            "i. Research article",
            "ii. Short report",
            "(a) Labelled.",
            "Plain."
        ]
    );
    let boxed = &file.sections[2];
    assert_eq!(boxed.kind, crate::corpus::model::SectionKind::Box);
    assert_eq!(boxed.label, "Box 1");
    assert_eq!(boxed.parent.as_deref(), Some(file.sections[1].id.as_str()));
    assert_eq!(boxed.paragraphs[0].text, "Inside the box.");
    assert_eq!(file.footnotes.len(), 1);
    assert_eq!(file.footnotes[0].marker, "a");
    assert_eq!(file.footnotes[0].text, "A footnote.");
    assert_eq!(
        paragraph_with(file, "Competing"),
        "Competing interests: none."
    );
    assert_eq!(paragraph_with(file, "CC:"), "CC: Creative Commons");
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("1 image standing outside any figure")),
        "{:?}",
        imported.diagnostics
    );
    assert_eq!(
        file.figures.len(),
        1,
        "a logo is not a figure; an equation image is"
    );
    assert_eq!(file.figures[0].label, "Equation (3)");
    assert_eq!(file.figures[0].image.as_deref(), Some("e3.tif"));
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("1 equation given only as an image")),
    );
    valid(&imported);
}

#[test]
fn tables_with_spans_and_notes_and_figures() {
    let body = r#"<sec><title>Results</title><p>See <xref ref-type="table" rid="t1">Table 1</xref>.</p>
<table-wrap id="t1"><label>Table 1</label><caption><title>Counts by group.</title><p>Means <xref ref-type="bibr" rid="b1">[1]</xref>.</p></caption>
<table><thead><tr><th rowspan="2">Group</th><th colspan="2">Year</th></tr><tr><th>2019</th><th>2020<xref ref-type="table-fn" rid="tf1">a</xref></th></tr></thead>
<tbody><tr><td rowspan="2">Men</td><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr><tr><td colspan="3">All <xref ref-type="table-fn" rid="tf1">a</xref></td></tr></tbody></table>
<table-wrap-foot><fn id="tf1"><label>a</label><p>Pooled.</p></fn></table-wrap-foot></table-wrap>
<table-wrap id="t2"><label>Table 2</label><caption><title>Scanned.</title></caption><graphic xlink:href="t2.tif"/></table-wrap>
<fig id="f1"><label>Fig 1</label><caption><title>A chart.</title><p>Its legend.</p></caption><graphic xlink:href="f1.png"/></fig>
</sec>"#;
    let imported = read(&article(body, ""));
    let file = &imported.file;
    assert_eq!(file.tables.len(), 1);
    let table = &file.tables[0];
    assert_eq!(table.id, "t1");
    assert_eq!(table.label, "Table 1");
    assert_eq!(table.caption, "Counts by group. Means [1].");
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    // A footnote marker is raised, and is not part of the column's id.
    assert_eq!(headers, ["Group", "2019", "2020ᵃ"]);
    assert_eq!(table.columns[2].id, "2020");
    assert_eq!(
        header_spans(table),
        [
            vec![("Group", 1), ("Year", 2)],
            vec![("Group", 1), ("2019", 1), ("2020ᵃ", 1)]
        ]
    );
    let rows: Vec<&Vec<String>> = table.rows.iter().map(|r| &r.cells).collect();
    assert_eq!(rows[0], &["Men", "1", "2"]);
    assert_eq!(rows[1], &["Men", "3", "4"]);
    assert_eq!(rows[2], &["All ᵃ", "", ""]);
    assert_eq!(table.footnotes[0].marker, "a");
    assert_eq!(table.footnotes[0].text, "Pooled.");
    assert_eq!(file.figures.len(), 2);
    assert_eq!(file.figures[0].label, "Table 2");
    assert_eq!(file.figures[0].image.as_deref(), Some("t2.tif"));
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.message.contains("Table 2 is given only as an image")),
    );
    let figure = &file.figures[1];
    assert_eq!((figure.id.as_str(), figure.label.as_str()), ("f1", "Fig 1"));
    assert_eq!(figure.caption, "A chart. Its legend.");
    assert_eq!(figure.image.as_deref(), Some("f1.png"));
    assert_eq!(figure.section.as_deref(), Some("results"));
    valid(&imported);
}

#[test]
fn a_label_that_names_its_part_is_its_title() {
    let text = article(
        "<sec><title>Methods</title><p>x</p></sec>",
        r#"<app-group><app id="app1"><label>Apéndice I</label><p>Lista.</p></app><app id="app2"><label>B</label><p>Más.</p></app><app id="app3"><label>VIII</label><p>Y más.</p></app></app-group>"#,
    );
    let file = read(&text).file;
    let headings: Vec<(&str, &str)> = file
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        headings,
        [
            ("", "Methods"),
            ("", "Apéndice I"),
            ("B", "Appendix"),
            ("VIII", "Appendix")
        ]
    );
}

#[test]
fn a_heading_written_in_lower_case_for_small_capitals_starts_with_a_capital() {
    let text = article(
        "<sec><title>introduction</title><p>x</p><sec><title>mRNA levels</title><p>y</p></sec></sec>\
         <sec><title>3 dosing</title><p>z</p></sec>",
        "",
    );
    let file = read(&text).file;
    let titles: Vec<&str> = file.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Introduction", "mRNA levels", "3 dosing"]);
}

#[test]
fn a_wrong_root_is_an_error_saying_what_was_found() {
    let error = import(
        PaperKind::Jats,
        "<?xml version=\"1.0\"?>\n<TEI><text/></TEI>",
        &ImportOptions::default(),
    )
    .expect_err("not JATS");
    assert_eq!(error.code.as_str(), "paper-syntax");
    assert!(
        error.message.contains("root element is <TEI>"),
        "{}",
        error.message
    );
    assert!(error.hint.contains("JATS XML"), "{}", error.hint);
    let location = error.location.expect("located");
    assert_eq!((location.line, location.column), (2, 1));
}

#[test]
fn a_cut_off_or_empty_file_is_an_error() {
    let cut = article("<sec><title>A</title><p>text", "");
    let cut = cut.get(..cut.find("<p>text").unwrap() + 7).unwrap();
    let error = import(PaperKind::Jats, cut, &ImportOptions::default()).expect_err("cut off");
    assert!(error.message.contains("never closed"), "{}", error.message);
    assert!(error.location.is_some());
    let empty = import(PaperKind::Jats, "", &ImportOptions::default()).expect_err("empty");
    assert!(
        empty.message.contains("no XML element"),
        "{}",
        empty.message
    );
    let bare = import(PaperKind::Jats, "<article/>", &ImportOptions::default())
        .expect_err("nothing in it");
    assert!(
        bare.message.contains("no title, text or references"),
        "{}",
        bare.message
    );
}

#[test]
fn unknown_entities_are_reported_once() {
    let text = article("<p>An &foo; and &bar; and &foo; again &alpha;.</p>", "");
    let imported = read(&text);
    let warnings: Vec<&str> = imported
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("does not define"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("&foo;, &bar;"), "{}", warnings[0]);
    assert!(paragraph_with(&imported.file, "An ").contains("&foo; and &bar;"));
}

#[test]
fn hostile_input_finishes_quickly() {
    // A megabyte of markers, each the end of a range, in one paragraph.
    let markers =
        r#"<xref ref-type="bibr" rid="b1">[1]</xref>–<xref ref-type="bibr" rid="b6">[6]</xref>, "#
            .repeat(12_000);
    let deep = format!("{}x{}", "<italic>".repeat(500), "</italic>".repeat(500));
    let big_span = r#"<table-wrap><table><tr><td colspan="999999999" rowspan="999999999">x</td></tr><tr><td>y</td></tr></table></table-wrap>"#;
    let text = article(&format!("<p>{markers}</p><p>{deep}</p>{big_span}"), "");
    let start = std::time::Instant::now();
    let imported = read(&text);
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    assert_eq!(imported.file.tables[0].rows.len(), 2);
}

#[test]
fn deep_nesting_of_every_kind_is_read_without_overflow() {
    // Each case nests as deep as the XML tree allows (512, less the article around it), and
    // is read on a thread with the 2 MiB stack a worker thread has.
    let nested = |open: &str, close: &str, inner: &str| {
        // The elements each level leaves open.
        let per_level = open.matches('<').count() - 2 * open.matches("</").count();
        let levels = 505 / per_level;
        format!("{}{inner}{}", open.repeat(levels), close.repeat(levels))
    };
    let cases = [
        nested("<sec><title>S</title>", "</sec>", "<p>deep</p>"),
        nested("<boxed-text>", "</boxed-text>", "<p>deep</p>"),
        nested("<list><list-item>", "</list-item></list>", "<p>deep</p>"),
        nested("<disp-quote>", "</disp-quote>", "<p>deep</p>"),
        format!("<p>{}</p>", nested("<italic>", "</italic>", "deep")),
        format!("<p>{}</p>", nested("<p>", "</p>", "deep")),
        nested(
            "<table-wrap><table><tr><td>",
            "</td></tr></table></table-wrap>",
            "deep",
        ),
        format!("<p>{}</p>", nested("<fn><p>", "</p></fn>", "deep")),
        format!(
            "<p>{}</p>",
            nested("<xref ref-type=\"bibr\" rid=\"b1\">", "</xref>", "1")
        ),
    ];
    for body in cases {
        let text = article(&body, "");
        let handle = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || {
                import(PaperKind::Jats, &text, &ImportOptions::default())
                    .map(|i| i.file.sections.len())
            })
            .expect("a thread");
        let result = handle.join();
        assert!(result.is_ok(), "overflowed on {}", &body[..40]);
        assert!(
            result.is_ok_and(|imported| imported.is_ok()),
            "not read: {}",
            &body[..40]
        );
    }
}

#[test]
fn nothing_printed_makes_no_empty_record() {
    let body = r#"<sec><title>S</title>
<table-wrap><graphic xlink:href="t.png"/></table-wrap>
<fig><caption><fn id="cf"><p/></fn></caption><graphic xlink:href="f.png"/></fig>
<p><xref ref-type="bibr" rid="b99"/></p>
<def-list><title><fn id="tf"><p>In a title.</p></fn></title></def-list>
<p>Kept.</p></sec>"#;
    let imported = read(&article(body, ""));
    let file = &imported.file;
    let labels: Vec<&str> = file.figures.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["Table", "Figure"]);
    let texts: Vec<&str> = file.sections[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(texts, ["Kept."]);
    valid(&imported);
}

#[test]
fn a_column_under_a_blank_header_cell_keeps_the_heading_above() {
    let body = r#"<sec><title>S</title><table-wrap><label>Table 1</label><table><thead>
<tr><th>Age</th><th colspan="2">Men</th></tr><tr><th/><th>a</th><th>b</th></tr></thead>
<tbody><tr><td>20</td><td>1</td><td>2</td></tr></tbody></table></table-wrap></sec>"#;
    let imported = read(&article(body, ""));
    let table = &imported.file.tables[0];
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["Age", "a", "b"]);
    assert_eq!(
        table.header_rows[1][0].text, "",
        "the header rows stay as printed"
    );
    valid(&imported);
}

#[test]
fn notes_only_the_author_list_points_to_are_paragraphs_under_their_group_title() {
    // As eLife writes them: each author points to a contribution and to the competing
    // interests, which stand in the back matter under titled groups.
    let text = r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta>
<title-group><article-title>Notes of authors</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Byrne</surname><given-names>Ada</given-names></name><xref ref-type="fn" rid="con1"/><xref ref-type="fn" rid="conf1"/></contrib></contrib-group>
</article-meta></front>
<body><sec><title>Introduction</title><p>Marked in the text<xref ref-type="fn" rid="fn1">*</xref>.</p></sec></body>
<back><fn-group><fn id="fn1"><label>*</label><p>A real footnote.</p></fn></fn-group>
<sec sec-type="additional-information"><title>Additional information</title>
<fn-group content-type="competing-interest"><title>Competing interests</title><fn fn-type="conflict" id="conf1"><p>The author declares no competing interests.</p></fn></fn-group>
<fn-group content-type="author-contribution"><title>Author contributions</title><fn fn-type="con" id="con1"><p>AB: Conception and design, Drafting the article</p></fn></fn-group>
</sec></back></article>"#;
    let imported = read(text);
    let file = &imported.file;
    let footnotes: Vec<&str> = file.footnotes.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(footnotes, ["A real footnote."]);
    let section = |title: &str| {
        file.sections
            .iter()
            .find(|s| s.title == title)
            .unwrap_or_else(|| panic!("no section {title:?}"))
    };
    let additional = section("Additional information");
    for (title, paragraph) in [
        (
            "Competing interests",
            "The author declares no competing interests.",
        ),
        (
            "Author contributions",
            "AB: Conception and design, Drafting the article",
        ),
    ] {
        let group = section(title);
        assert_eq!(group.parent.as_deref(), Some(additional.id.as_str()));
        let texts: Vec<&str> = group.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, [paragraph]);
    }
    let corpus = valid(&imported);
    assert!(
        corpus
            .warnings
            .iter()
            .all(|d| d.code != crate::corpus::diagnostics::Code::UnmarkedFootnote),
        "{:?}",
        corpus.warnings
    );
}

#[test]
fn an_appendix_wrapped_in_one_untitled_box_has_no_box_level() {
    let back = r#"<app-group><app id="app1"><title>Appendix 1</title><boxed-text><object-id pub-id-type="doi">10.1/x</object-id><sec><title>Setup</title><p>How it was set up.</p></sec><sec><title/><p>Printed without a heading.</p><sec><title>Models</title><p>The models.</p></sec></sec></boxed-text></app>
<app id="app2"><title>Appendix 2</title><boxed-text><caption><title>Key terms</title></caption><p>Terms.</p></boxed-text></app></app-group>"#;
    let imported = read(&article("<p>Body.</p>", back));
    let file = &imported.file;
    let outline: Vec<(&str, Option<&str>)> = file
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.parent.as_deref()))
        .collect();
    assert_eq!(
        outline,
        [
            ("A test article", None),
            ("Appendix 1", None),
            ("Setup", Some("appendix-1")),
            ("Models", Some("appendix-1")),
            ("Appendix 2", None),
            ("Key terms", Some("appendix-2")),
        ]
    );
    assert_eq!(
        file.sections[1]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>(),
        ["Printed without a heading."],
        "a subsection printed without a heading adds no level: its text is the appendix's"
    );
    assert_eq!(
        file.sections[5].kind,
        crate::corpus::model::SectionKind::Box,
        "a box with a title is still a box"
    );
    valid(&imported);
}

#[test]
fn superscripts_and_subscripts_of_digits_and_signs_keep_their_place() {
    let body = r#"<sec><title>Methods</title><p>A rate of 10<sup>−3</sup>, CO<sub>2</sub> and Ca<sup>2+</sup>; the 5<sup>th</sup> dose at T<sub>max</sub>, SS<sub><italic>i,j</italic></sub> aside, cited<sup><xref ref-type="bibr" rid="b1">1</xref></sup>.</p></sec>"#;
    let imported = read(&article(body, ""));
    let text = paragraph_with(&imported.file, "A rate of");
    assert!(
        text.starts_with("A rate of 10⁻³, CO₂ and Ca²⁺; the 5th dose at Tmax, SSi,j aside, cited"),
        "{text}"
    );
    assert!(
        text.contains("@b1"),
        "a raised citation is still a citation: {text}"
    );
    valid(&imported);
}

#[test]
fn powers_and_indices_of_variables_set_in_italics_are_written_as_tex_writes_them() {
    // As Growth and Form and eLife print them: pretty-printed, the script on its own line.
    let body = r"<sec><title>Shapes</title><p>Supercircles |<italic>x</italic>|<italic>
        <sup>n</sup></italic> + <italic>y
        <sup>m</sup></italic> = <italic>R<sup>2</sup></italic>, and <italic>y</italic> = <italic>x<sup>n/m</sup></italic> at <italic>W</italic><sub>max</sub>, <italic>E<sub>k</sub></italic>, in <italic>Ptf1a<sup>Cre</sup></italic> mice.</p></sec>";
    let imported = read(&article(body, ""));
    let text = paragraph_with(&imported.file, "Supercircles");
    assert_eq!(
        text,
        "Supercircles |x|^(n) + y^(m) = R², and y = x^(n/m) at Wmax, E_(k), in Ptf1aCre mice."
    );
    valid(&imported);
}

#[test]
fn raised_markers_after_the_stop_cite_from_the_sentence_they_end() {
    let body = r#"<sec><title>Background</title><p>Agreement was reached on CSP.<sup><xref ref-type="bibr" rid="b1">1</xref></sup> In brief, it differs. It is similar in NS-LBBP.<sup><xref ref-type="bibr" rid="b2">2</xref>–<xref ref-type="bibr" rid="b4">4</xref></sup> The term covers both.</p></sec>"#;
    let corpus = valid(&read(&article(body, "")));
    let paragraph = &corpus.index.paragraphs[0];
    let citing: Vec<&str> = corpus
        .index
        .citations
        .iter()
        .map(|c| &paragraph.printed[paragraph.sentences[c.sentence].clone()])
        .collect();
    assert_eq!(
        citing,
        [
            "Agreement was reached on CSP.1",
            "It is similar in NS-LBBP.2–4"
        ]
    );
    assert_eq!(paragraph.sentences.len(), 4);
}

#[test]
fn a_group_too_long_for_one_marker_is_one_citation_per_work() {
    // The British Journal of Cancer prints groups of eighteen works: too long for one printed
    // marker, so each work is its own link and the group's text stays as printed.
    let one = |n: u32| {
        format!(
            r#"<xref ref-type="bibr" rid="b{n}">Author{n} <italic>et al</italic>, 200{n}</xref>"#
        )
    };
    let works: Vec<String> = (1..=6).cycle().take(24).map(one).collect();
    // Indentation inside the markers counts as the one space it prints.
    let indent = "\n".to_owned() + &" ".repeat(200);
    let indented = format!(
        r#"<xref ref-type="bibr" rid="b3">Author3{indent}2003</xref>; <xref ref-type="bibr" rid="b4">Author4{indent}2004</xref>"#
    );
    let body = format!(
        "<sec><title>Background</title><p>Short ({}; {}), indented ({indented}) and long ({}) \
         groups.</p></sec>",
        one(1),
        one(2),
        works.join("; ")
    );
    let imported = read(&article(&body, ""));
    let text = paragraph_with(&imported.file, "Short");
    assert!(
        text.starts_with(
            "Short [(Author1 et al, 2001; Author2 et al, 2002)]{@b1; @b2}, indented \
             [(Author3 2003; Author4 2004)]{@b3; @b4} and long ([Author1 et al, 2001]{@b1}; \
             [Author2 et al, 2002]{@b2}; "
        ),
        "{text}"
    );
    assert!(
        text.ends_with("; [Author6 et al, 2006]{@b6}) groups."),
        "{text}"
    );
    let corpus = valid(&imported);
    assert_eq!(corpus.summary().citations, 2 + 2 + 24);
    assert!(
        corpus.file.sections[0].paragraphs[0]
            .text
            .matches("[]{")
            .next()
            .is_none(),
        "no citation prints nothing"
    );
}

#[test]
fn a_section_without_a_heading_after_others_goes_on_under_the_one_before() {
    let body = r"<sec><title>Funding</title><p>Funded by a fund.</p></sec><sec><title/><p>Data accessibility: the data are online.</p></sec>";
    // eLife's back matter: a `sec` without a heading around headed groups of notes.
    let back = r#"<sec sec-type="additional-information"><fn-group content-type="competing-interest"><title>Competing interests</title><fn fn-type="COI-statement" id="conf1"><p>None declared.</p></fn></fn-group></sec>"#;
    let file = read(&article(body, back)).file;
    let outline = titles_and_texts(&file);
    assert_eq!(
        outline,
        [
            (
                "Funding",
                vec![
                    "Funded by a fund.",
                    "Data accessibility: the data are online."
                ]
            ),
            ("Competing interests", vec!["None declared."])
        ],
        "as printed: no heading, and not the paper's title or \"Untitled section\" for one"
    );
}

#[test]
fn a_cross_reference_of_a_mistyped_or_missing_kind_naming_a_reference_cites_it() {
    let body = r#"<sec><title>Intro</title>
<p>Mistyped<xref ref-type="foo" rid="b4">4</xref>, untyped <xref rid="b2">[2]</xref>, other <xref ref-type="other" rid="b3">(3)</xref>.</p>
<p>A figure <xref ref-type="fig" rid="b5">5</xref> and a mistyped target <xref ref-type="foo" rid="f1">Figure 1</xref> do not.</p>
</sec>"#;
    let imported = read(&article(body, ""));
    valid(&imported);
    assert_eq!(
        paragraph_with(&imported.file, "Mistyped"),
        "Mistyped[4]{@b4}, untyped [[2]]{@b2}, other [(3)]{@b3}."
    );
    assert_eq!(
        paragraph_with(&imported.file, "A figure"),
        "A figure 5 and a mistyped target Figure 1 do not."
    );
}

#[test]
fn raised_markers_joined_by_a_raised_comma_are_one_citation() {
    // SciELO sets each number and the comma between them as superscripts, one per line.
    let body = "<sec><title>Intro</title>
<p>Among MSM.<xref ref-type=\"bibr\" rid=\"b4\">
    <sup>4</sup>
  </xref>
  <sup>,</sup>
  <xref ref-type=\"bibr\" rid=\"b6\">
    <sup>6</sup>
  </xref> Then<xref ref-type=\"bibr\" rid=\"b1\"><sup>1</sup></xref><sup>–</sup><xref ref-type=\"bibr\" rid=\"b3\"><sup>3</sup></xref> and<xref ref-type=\"bibr\" rid=\"b5\"><sup>5</sup></xref><sup>a</sup><xref ref-type=\"bibr\" rid=\"b2\"><sup>2</sup></xref>.</p>
<p>Tools.<xref ref-type=\"bibr\" rid=\"b1\"><sup>1</sup></xref><sup>)-(</sup><xref ref-type=\"bibr\" rid=\"b3\"><sup>3</sup></xref> Event.<sup>(</sup><xref ref-type=\"bibr\" rid=\"b4\">4</xref><sup>), (</sup><xref ref-type=\"bibr\" rid=\"b6\">6</xref><sup>)</sup>. Lone<sup>(</sup><xref ref-type=\"bibr\" rid=\"b5\">5</xref><sup>)</sup> (<xref ref-type=\"bibr\" rid=\"b2\">2</xref>). Left<xref ref-type=\"bibr\" rid=\"b4\">4</xref><sup>)- (</sup><xref ref-type=\"bibr\" rid=\"b6\">6</xref><sup>)</sup> out.</p>
</sec>";
    let imported = read(&article(body, ""));
    valid(&imported);
    assert_eq!(
        paragraph_with(&imported.file, "Among"),
        "Among MSM.[4,6]{@b4; @b6} Then[1–3]{@b1; @b2; @b3} and[5]{@b5}a[2]{@b2}."
    );
    // Pretty-printed: the layout inside the brackets and before the stop is no space of the
    // text.
    let pretty = "<sec><title>Intro</title>
<p>All violence”
  <sup>
    (
    <xref ref-type=\"bibr\" rid=\"b2\">2</xref>
    )
  </sup>
  . Schools <sup>(<xref ref-type=\"bibr\" rid=\"b4\">4</xref>)</sup> , here.</p>
</sec>";
    let pretty = read(&article(pretty, ""));
    assert_eq!(
        paragraph_with(&pretty.file, "All"),
        "All violence” [(2)]{@b2}. Schools [(4)]{@b4} , here."
    );
    // SciELO's Vancouver superscripts bracket each number, the group's outer brackets at times
    // left out of the markup: `(1)-(3)`, `(4), (6)`.
    assert_eq!(
        paragraph_with(&imported.file, "Tools"),
        "Tools.[1-3]{@b1; @b2; @b3} Event.[(4, 6)]{@b4; @b6}. Lone[(5)]{@b5} [(2)]{@b2}. Left[4-6]{@b4; @b5; @b6} out."
    );
}

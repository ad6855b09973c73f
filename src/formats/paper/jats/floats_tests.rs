//! The JATS importer on small articles of floats and what stands beside them: figures and
//! tables with the references their captions and notes cite, supplementary files and videos,
//! eLife's DOI lines.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{article, paragraph_with, read, valid};
use crate::corpus::diagnostics::Code;
use crate::corpus::model::{ColumnKind, CorpusFile, Table};
use crate::formats::paper::Imported;

/// The paragraphs of the last section, which must be the supplementary files' list.
fn supporting_information(file: &CorpusFile) -> Vec<&str> {
    let last = file.sections.last().expect("a section");
    assert_eq!(last.title, "Supporting information");
    last.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

/// A table's notes, each its marker and text.
fn notes_of(table: &Table) -> Vec<(&str, &str)> {
    table
        .footnotes
        .iter()
        .map(|note| (note.marker.as_str(), note.text.as_str()))
        .collect()
}

/// Asserts that no footnote of `corpus` is left unmarked.
fn assert_every_footnote_marked(corpus: &crate::corpus::Corpus) {
    assert!(
        corpus
            .warnings
            .iter()
            .all(|d| d.code != Code::UnmarkedFootnote),
        "{:#?}",
        corpus.warnings
    );
}

/// The messages of the imported corpus's "never cited" warnings; it must load.
fn uncited(imported: &Imported) -> Vec<String> {
    valid(imported)
        .warnings
        .into_iter()
        .filter(|d| d.code == Code::UncitedReference)
        .map(|d| d.message)
        .collect()
}

#[test]
fn supplementary_material_floats_inline_notes_and_an_empty_sub_article() {
    let text = r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group><article-title>Extras</article-title></title-group>
<author-notes><fn id="an1"><p>Equal contribution.</p></fn></author-notes>
<supplementary-material xlink:href="meta.zip"><label>S0 Archive</label></supplementary-material></article-meta></front>
<body><sec><title>Results</title>
<p>Inline<fn id="ifn"><label>†</label><p>Said in passing.</p></fn> and equal<xref ref-type="fn" rid="an1">*</xref> work.</p>
<supplementary-material id="s1" xlink:href="s1.pdf"><label>S1 Table</label><caption><p>Raw data.</p></caption></supplementary-material>
</sec></body>
<back><supplementary-material><label>S2 Code</label><media xlink:href="code.tar.gz"/></supplementary-material>
<supplementary-material><label>Supplementary file 1.</label><caption><title>Cross-links.</title></caption><media xlink:href="s3.xlsx"/></supplementary-material></back>
<floats-group><fig id="f9"><label>Fig 9</label><caption><p>Floating.</p></caption><graphic xlink:href="f9.png"/></fig></floats-group>
<sub-article article-type="reply"><front-stub/></sub-article></article>"#;
    let imported = read(text);
    let file = &imported.file;
    assert_eq!(
        paragraph_with(file, "Inline"),
        "Inline[^ifn] and equal* work.",
        "a note written in place is a footnote; a marker of an author note keeps its text"
    );
    assert_eq!(file.footnotes.len(), 1);
    assert_eq!(
        (
            file.footnotes[0].marker.as_str(),
            file.footnotes[0].text.as_str()
        ),
        ("†", "Said in passing.")
    );
    assert_eq!(
        paragraph_with(file, "S1 Table"),
        "S1 Table: Raw data. (s1.pdf)"
    );
    assert_eq!(
        paragraph_with(file, "Supplementary file 1."),
        "Supplementary file 1. Cross-links. (s3.xlsx)",
        "a label ending in a stop takes no colon"
    );
    assert_eq!(
        supporting_information(file),
        [
            "S0 Archive (meta.zip)",
            "S2 Code (code.tar.gz)",
            "Supplementary file 1. Cross-links. (s3.xlsx)"
        ]
    );
    assert_eq!(file.figures.len(), 1);
    assert_eq!(file.figures[0].label, "Fig 9");
    assert!(
        file.sections.iter().all(|s| s.title != "Author response"),
        "a sub-article without a body makes no section"
    );
    valid(&imported);
}

#[test]
fn a_caption_that_cites_links_its_figure_or_table_to_the_references() {
    let body = r#"<sec><title>Results</title><p>Only the first work is cited here <xref ref-type="bibr" rid="b1">1</xref>.</p>
<fig id="f1"><label>Figure 1</label><caption><title>Growth.</title><p>Drawn as before <xref ref-type="bibr" rid="b2">2</xref>, <xref ref-type="bibr" rid="b2">2</xref>.</p></caption><graphic xlink:href="f1"/></fig>
<table-wrap id="t1"><label>Table 1</label><caption><p>Counts, after <xref ref-type="bibr" rid="b3">3</xref> and <xref ref-type="bibr" rid="b2 b9">2</xref>.</p></caption>
<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></table-wrap></sec>"#;
    let imported = read(&article(body, ""));
    let file = &imported.file;
    let figure = file.figures.first().expect("the figure");
    assert_eq!(figure.references, ["b2"], "each reference once");
    assert_eq!(figure.caption, "Growth. Drawn as before 2, 2.");
    let table = file.tables.first().expect("the table");
    assert_eq!(table.references, ["b3", "b2"], "in the order first cited");
    let uncited = uncited(&imported);
    assert_eq!(uncited.len(), 3, "b4, b5 and b6 only: {uncited:?}");
    assert!(
        uncited
            .iter()
            .all(|m| !m.contains("`b2`") && !m.contains("`b3`"))
    );
    // Both ways: the reference lists the figure and the table, and they list it.
    let corpus = valid(&imported);
    let b2 = crate::corpus::Item::Reference(1);
    assert_eq!(
        corpus.index.linked(b2, crate::corpus::ItemKind::Figure),
        [0]
    );
    assert_eq!(corpus.index.linked(b2, crate::corpus::ItemKind::Table), [0]);
    assert_eq!(
        corpus.index.linked(
            crate::corpus::Item::Table(0),
            crate::corpus::ItemKind::Reference
        ),
        [2, 1]
    );
}

#[test]
fn doi_lines_are_left_out_and_a_captions_supplementary_files_are_listed_with_the_others() {
    let doi = |n: u32| {
        format!(
            r#"<p><bold>DOI:</bold> <ext-link ext-link-type="doi" xlink:href="10.7554/eLife.0{n}">http://dx.doi.org/10.7554/eLife.0{n}</ext-link></p>"#
        )
    };
    let text = format!(
        r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group><article-title>Addresses</article-title></title-group>
<abstract><object-id pub-id-type="doi">10.7554/eLife.01</object-id><p>What was found.</p>{abstract_doi}</abstract></article-meta></front>
<body><sec><title>Results</title><p>Migration is shown.</p>
<fig id="fig1"><object-id pub-id-type="doi">10.7554/eLife.02</object-id><label>Figure 1</label><caption><title>Migration.</title><p>(A) Tracks.</p>{figure_doi}<p><supplementary-material id="SD1"><label>Figure 1—source movie 1.</label><caption><title>Tracks over time.</title>{movie_doi}</caption><media xlink:href="s001.avi"/></supplementary-material></p></caption><graphic xlink:href="f001"/></fig>
<table-wrap id="tbl1"><label>Table 1</label><caption><title>Counts.</title>{table_doi}</caption><table><tr><td>1</td></tr></table><table-wrap-foot><fn><p>Source data: <supplementary-material><label>Table 1—source data 1.</label><media xlink:href="s002.xlsx"/></supplementary-material></p></fn></table-wrap-foot></table-wrap>
<p>DOI: a word about addresses, not one.</p></sec></body></article>"#,
        abstract_doi = doi(1),
        figure_doi = doi(2),
        movie_doi = doi(3),
        table_doi = doi(4),
    );
    let imported = read(&text);
    let file = &imported.file;
    assert_eq!(file.paper.abstract_text, "What was found.");
    assert_eq!(file.figures[0].caption, "Migration. (A) Tracks.");
    assert_eq!(file.tables[0].caption, "Counts.");
    assert!(
        file.tables[0]
            .footnotes
            .iter()
            .all(|note| !note.text.contains("source data")),
        "{:?}",
        file.tables[0].footnotes
    );
    assert_eq!(
        supporting_information(file),
        [
            "Figure 1—source movie 1. Tracks over time. (s001.avi)",
            "Table 1—source data 1. (s002.xlsx)"
        ]
    );
    assert_eq!(
        paragraph_with(file, "DOI:"),
        "DOI: a word about addresses, not one.",
        "a paragraph that says more than a DOI is text"
    );
}

#[test]
fn a_video_with_a_label_is_listed_where_it_stands_and_a_bare_image_is_counted_out() {
    let text = article(
        r#"<sec><title>Results</title><p>Cells move (Video 1).</p>
<p><media id="media1" mimetype="video" xlink:href="media1.mp4"><object-id pub-id-type="doi">10.7554/eLife.07</object-id><label>Video 1.</label><caption><title>Cells moving over a day.</title><p><bold>DOI:</bold> <ext-link ext-link-type="doi" xlink:href="10.7554/eLife.07">http://dx.doi.org/10.7554/eLife.07</ext-link></p></caption></media></p>
<p>They stop.</p><p><media xlink:href="logo.gif"/></p></sec>"#,
        "",
    );
    let imported = read(&text);
    let results = &imported.file.sections[0];
    let texts: Vec<&str> = results.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Cells move (Video 1).",
            "Video 1. Cells moving over a day. (media1.mp4)",
            "They stop."
        ]
    );
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("1 image standing outside")),
        "{:?}",
        imported.diagnostics
    );
}

#[test]
fn a_tables_notes_that_cite_link_it_to_the_references_and_keep_their_markers() {
    let text = article(
        r#"<sec><title>Results</title><p>Counts are given [<xref ref-type="bibr" rid="b1">1</xref>].</p>
<table-wrap id="t1"><label>Table 1</label><caption><p>Counts [<xref ref-type="bibr" rid="b2">2</xref>].</p></caption>
<table><thead><tr><th>Site</th><th>n</th></tr></thead><tbody><tr><td>A</td><td>3</td></tr></tbody></table>
<table-wrap-foot><fn><label>a</label><p>As defined by Author3 [<xref ref-type="bibr" rid="b3">3</xref>] and [<xref ref-type="bibr" rid="b2">2</xref>].</p></fn><p>Data from [<xref ref-type="bibr" rid="b4">4</xref>].</p></table-wrap-foot></table-wrap></sec>"#,
        "",
    );
    let imported = read(&text);
    let file = &imported.file;
    let table = &file.tables[0];
    assert_eq!(
        table.references,
        ["b2", "b3", "b4"],
        "caption first, then the notes, each once"
    );
    assert_eq!(
        notes_of(table),
        [
            ("a", "As defined by Author3 [3] and [2]."),
            ("", "Data from [4].")
        ]
    );
    let uncited = uncited(&imported);
    assert_eq!(uncited.len(), 2, "b5 and b6 only: {uncited:?}");
}

#[test]
fn sub_articles_are_sections_after_the_article_and_their_citations_resolve() {
    let text = article(
        r#"<sec><title>Results</title><p>Found [<xref ref-type="bibr" rid="b1">1</xref>].</p></sec>"#,
        "",
    )
    .replace(
        "</back></article>",
        r#"</back>
<sub-article article-type="article-commentary" id="SA1"><front-stub><title-group><article-title>Decision letter</article-title></title-group></front-stub>
<body><boxed-text><p>In the interests of transparency, the letter is shown.</p></boxed-text>
<p>Please compare with Author2 [<xref ref-type="bibr" rid="b2">2</xref>].</p></body></sub-article>
<sub-article article-type="reply" id="SA2"><front-stub/><body><p>We compared it.</p>
<sec><title>Point 1</title><p>Done.</p>
<fig id="sa2fig1"><label>Author response image 1.</label><caption><title>More cells.</title><p><supplementary-material><label>Author response image 1—source data 1.</label><media xlink:href="resp1.xlsx"/></supplementary-material></p></caption></fig></sec></body>
<sub-article article-type="referee-report" id="SA3"><body><p>A nested report.</p></body></sub-article></sub-article></article>"#,
    );
    let imported = read(&text);
    let file = &imported.file;
    let titles: Vec<&str> = file.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Results",
            "Decision letter",
            "Author response",
            "Point 1",
            "Peer review"
        ]
    );
    let letter: Vec<&str> = file.sections[1]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        letter,
        [
            "In the interests of transparency, the letter is shown.",
            "Please compare with Author2 [[2]]{@b2}."
        ],
        "the untitled box that opens it is its first paragraph"
    );
    assert_eq!(
        paragraph_with(file, "Please compare"),
        "Please compare with Author2 [[2]]{@b2}."
    );
    let response = file
        .sections
        .iter()
        .find(|s| s.title == "Author response")
        .unwrap();
    assert_eq!(response.paragraphs[0].text, "We compared it.");
    let point = file.sections.iter().find(|s| s.title == "Point 1").unwrap();
    assert_eq!(point.parent.as_ref(), Some(&response.id));
    assert_eq!(
        response.paragraphs.last().unwrap().text,
        "Author response image 1—source data 1. (resp1.xlsx)",
        "a sub-article's own supplementary files close it"
    );
    assert_eq!(file.figures[0].label, "Author response image 1");
    assert!(
        imported
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("sub-article")),
        "{:?}",
        imported.diagnostics
    );
    let uncited = uncited(&imported);
    assert_eq!(
        uncited.len(),
        4,
        "b3 to b6: b2 is cited in the letter: {uncited:?}"
    );
}

#[test]
fn a_box_holding_one_titled_section_takes_its_title() {
    let text = article(
        r#"<sec><title>Intro</title><p>Before.</p>
<boxed-text id="box1" position="float"><object-id pub-id-type="doi">10.1/box1</object-id><sec id="s1a1"><title>Box 1. A Decade of Milestones</title>
<p><bold>2000</bold> First found.</p><p><bold>2001</bold> Confirmed.</p></sec></boxed-text>
<boxed-text><sec><title>Kept</title><p>One.</p></sec><p>Two.</p></boxed-text>
<boxed-text id="box2"><label>Box 2.</label><caption><p>Example of a small box</p></caption><p>Small.</p></boxed-text>
<boxed-text id="box3"><label>Box 3.</label><p>Unnamed.</p></boxed-text></sec>"#,
        "",
    );
    let imported = read(&text);
    let file = &imported.file;
    let headings: Vec<String> = file
        .sections
        .iter()
        .map(crate::corpus::display::section_heading)
        .collect();
    // The second box holds more than its section: it keeps its own level. eLife heads a box
    // with its caption's one short paragraph; a box with only a label is named once.
    assert_eq!(
        headings,
        [
            "Intro",
            "Box 1. A Decade of Milestones",
            "Box",
            "Kept",
            "Box 2. Example of a small box",
            "Box 3."
        ]
    );
    let small: Vec<&str> = file.sections[4]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        small,
        ["Small."],
        "the caption is the heading, not a paragraph too"
    );
    assert_eq!(
        file.sections[1].kind,
        crate::corpus::model::SectionKind::Box
    );
    let paragraphs: Vec<&str> = file.sections[1]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(paragraphs, ["2000 First found.", "2001 Confirmed."]);
}

#[test]
fn a_sub_article_with_its_own_references_cites_them() {
    // SciELO prints a letter and its reply as one file, each with its own reference list.
    let text = article(
        r#"<sec><title>Letter</title><p>As shown [<xref ref-type="bibr" rid="b1">1</xref>].</p></sec>"#,
        "",
    )
    .replace(
        "</back></article>",
        r#"</back>
<sub-article article-type="reply" id="s1" xml:lang="es"><front-stub><title-group><article-title>Respuesta</article-title></title-group></front-stub>
<body><p>Como se mostró [<xref ref-type="bibr" rid="B7">7</xref>] y [<xref ref-type="bibr" rid="b2">2</xref>].</p>
<fn-group><fn id="rfn1"><p>Una nota.</p></fn></fn-group></body>
<back><ref-list><ref id="B7"><label>7</label><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Reply</surname><given-names>R</given-names></name></person-group><article-title>Cited by the reply</article-title><source>Rev Test</source><year>2019</year></element-citation></ref></ref-list></back></sub-article></article>"#,
    );
    let imported = read(&text);
    let file = &imported.file;
    let ids: Vec<&str> = file.references.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["b1", "b2", "b3", "b4", "b5", "b6", "B7"]);
    assert_eq!(file.references[6].title, "Cited by the reply");
    assert_eq!(
        paragraph_with(file, "Como se"),
        "Como se mostró [[7]]{@B7} y [[2]]{@b2}."
    );
    assert!(
        imported
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("target is missing")),
        "{:?}",
        imported.diagnostics
    );
    valid(&imported);
}

#[test]
fn a_translation_says_so_and_in_which_language() {
    let text = article("<sec><title>Métodos</title><p>Texto.</p></sec>", "").replace(
        "</back></article>",
        r#"</back>
<sub-article article-type="translation" id="s1" xml:lang="en"><front-stub><title-group><article-title>Persistence with therapy</article-title></title-group></front-stub>
<body><sec><title>Methods</title><p>Text.</p></sec></body>
<sub-article article-type="reviewer-report" id="s2"><body><p>A report.</p></body></sub-article></sub-article>
<sub-article article-type="translation" id="s3" xml:lang="tlh"><body><p>Untitled.</p></body></sub-article></article>"#,
    );
    let file = read(&text).file;
    let titles: Vec<&str> = file.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Métodos",
            "Translation (English): Persistence with therapy",
            "Methods",
            "Peer review",
            "Translation (tlh)"
        ]
    );
}

#[test]
fn a_report_headed_again_with_its_own_title_is_one_section() {
    let text = article("<sec><title>Results</title><p>Found.</p></sec>", "").replace(
        "</back></article>",
        r#"</back>
<sub-article article-type="reviewer-report" id="s2" xml:lang="pt"><front-stub><title-group><article-title>Parecer I</article-title></title-group></front-stub>
<body><sec><title>PARECER I</title><p>O artigo é claro.</p></sec><sec><title>Recomendação</title><p>Aceitar.</p></sec></body></sub-article></article>"#,
    );
    let file = read(&text).file;
    let outline: Vec<(&str, bool)> = file
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.parent.is_some()))
        .collect();
    assert_eq!(
        outline,
        [
            ("Results", false),
            ("Parecer I", false),
            ("Recomendação", true)
        ]
    );
    assert_eq!(file.sections[1].paragraphs[0].text, "O artigo é claro.");
}

#[test]
fn a_footnote_that_cites_links_its_works_and_prints_its_symbol() {
    let text = article(
        r#"<sec><title>Results</title><p>Found.<xref ref-type="fn" rid="fn1">1</xref></p></sec>"#,
        r#"<fn-group><title>Notes</title><fn id="fn1" symbol="1"><p>Admittedly, others disagree (<xref ref-type="bibr" rid="b2">Author2, 2002</xref>).</p></fn></fn-group>"#,
    );
    let imported = read(&text);
    let corpus = valid(&imported);
    let footnote = &corpus.file.footnotes[0];
    assert_eq!(
        footnote.marker, "1",
        "the symbol JATS gives in an attribute"
    );
    assert_eq!(
        footnote.text,
        "Admittedly, others disagree (Author2, 2002)."
    );
    assert_eq!(footnote.references, ["b2"]);
    assert!(
        !uncited(&imported).iter().any(|m| m.contains("`b2`")),
        "a work a footnote cites is cited"
    );
    // A footnote naming a reference the list lacks is an error, as any link is.
    let mut file = imported.file.clone();
    file.footnotes[0].references = vec!["nowhere".to_owned()];
    let errors = crate::corpus::Corpus::from_file(file, "test").expect_err("a dangling id");
    assert!(
        errors
            .iter()
            .any(|d| d.code == Code::UnknownReference && d.message.contains("nowhere")),
        "{errors:#?}"
    );
}

#[test]
fn a_note_only_a_table_s_cells_mark_is_that_table_s_note() {
    // Pandoc writes a table's notes among the article's, marked from the cells.
    let text = article(
        r#"<sec><title>Related work</title><p>See <xref ref-type="table" rid="t1">Table 1</xref>.<xref ref-type="fn" rid="fn3">3</xref></p>
<table-wrap id="t1"><label>Table 1</label><caption><p>Packages.</p></caption><table>
<thead><tr><th>Package</th><th>Web</th></tr></thead>
<tbody><tr><td>iWantHue</td><td>yes<xref ref-type="fn" rid="fn1">1</xref></td></tr>
<tr><td>Colorgorical</td><td>yes<xref ref-type="fn" rid="fn2">2</xref></td></tr>
<tr><td>Qualpal</td><td>yes<xref ref-type="fn" rid="fn3">3</xref></td></tr></tbody></table></table-wrap></sec>"#,
        r#"<fn-group><fn id="fn1"><label>1</label><p>https://medialab.github.io/iwanthue/</p></fn>
<fn id="fn2"><label>2</label><p>Down at the time of writing.</p></fn>
<fn id="fn3"><label>3</label><p>Marked in the text too.</p></fn></fn-group>"#,
    );
    let imported = read(&text);
    let corpus = valid(&imported);
    let table = &corpus.file.tables[0];
    assert_eq!(
        notes_of(table),
        [
            ("1", "https://medialab.github.io/iwanthue/"),
            ("2", "Down at the time of writing.")
        ],
        "the notes only the cells mark, in their order"
    );
    let cells = crate::corpus::model::cells_of(table);
    assert_eq!(
        cells[0],
        ["iWantHue", "yes¹"],
        "the cell's marker is raised"
    );
    assert_eq!(
        cells[2],
        ["Qualpal", "yes³"],
        "so is a footnote's, which a cell cannot link"
    );
    let footnotes: Vec<&str> = corpus
        .file
        .footnotes
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(footnotes, ["fn3"], "a note the text marks stays a footnote");
    assert_every_footnote_marked(&corpus);
}

#[test]
fn a_footnote_a_figure_s_caption_marks_is_marked_there() {
    let text = article(
        r#"<sec><title>Results</title><p>The theatre (<xref ref-type="fig" rid="f1">Photo 1</xref>).</p>
<fig id="f1"><label>Photo 1</label><caption><title>Mariinsky Theatre. A. Savin, 2012<xref ref-type="fn" rid="fn4">4</xref>.</title></caption><graphic xlink:href="f1.tif"/></fig></sec>"#,
        r#"<fn-group><fn id="fn4"><label>4</label><p>The photographs' licences: https://commons.wikimedia.org/.</p></fn></fn-group>"#,
    );
    let imported = read(&text);
    let corpus = valid(&imported);
    let figure = &corpus.file.figures[0];
    assert_eq!(figure.caption, "Mariinsky Theatre. A. Savin, 2012.");
    assert_eq!(figure.footnotes, [corpus.file.footnotes[0].id.clone()]);
    assert_every_footnote_marked(&corpus);
    // A caption naming a footnote the paper lacks is an error, as any link is.
    let mut file = imported.file.clone();
    file.figures[0].footnotes = vec!["nowhere".to_owned()];
    let errors = crate::corpus::Corpus::from_file(file, "test").expect_err("a dangling id");
    assert!(
        errors.iter().any(|d| d.code == Code::UnknownFootnote),
        "{errors:#?}"
    );
}

#[test]
fn a_box_between_two_paragraphs_stands_after_the_first() {
    let text = article(
        r#"<sec><title>Intro</title><p>Before.</p>
<boxed-text id="box1"><label>Box 1.</label><caption><title>Terms</title></caption><p>Defined.</p></boxed-text>
<p>After.</p></sec>
<sec><title>Next</title><boxed-text id="box2"><label>Box 2.</label><p>First thing.</p></boxed-text><p>Then.</p></sec>"#,
        "",
    );
    let imported = read(&text);
    valid(&imported);
    let placed: Vec<(&str, Option<&str>)> = imported
        .file
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.after_paragraph.as_deref()))
        .collect();
    assert_eq!(
        placed,
        [
            ("Intro", None),
            ("Terms", Some("intro.p1")),
            ("Next", None),
            ("Box 2.", None)
        ],
        "a box before any paragraph of its section names none"
    );
}

/// A caption's title set apart from its legend ends its own sentence when the two run
/// together: a title without a closing full stop took the legend's first sentence into it
/// (`… in vitro SH-SY5Y cells were …`), and a slide's heading and the sentence index with it.
#[test]
fn a_caption_s_title_without_a_full_stop_ends_before_its_legend() {
    let text = r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group><article-title>Captions</article-title></title-group></article-meta></front>
<body><sec><title>Results</title><p>See the figures.</p>
<fig id="f1"><label>Figure 1</label><caption><title>CSP protects cells <italic>in vitro</italic></title><p>Cells were treated for 48 hours.</p></caption></fig>
<fig id="f2"><label>Figure 2</label><caption><title>Is the effect real?</title><p>Panels (A) and (B).</p></caption></fig>
<fig id="f3"><label>Figure 3</label><caption><title>Odds by bias (u)</title><p>Panels by power.</p></caption></fig>
<fig id="f4"><label>Figure 4</label><caption><title>A title alone</title></caption></fig>
<table-wrap id="t1"><label>Table 1</label><caption><title>Doses given.</title><p>Mean ± SD.</p></caption><table><tr><td>1</td></tr></table></table-wrap>
</sec></body></article>"#;
    let imported = read(text);
    let captions: Vec<&str> = imported
        .file
        .figures
        .iter()
        .map(|figure| figure.caption.as_str())
        .chain(imported.file.tables.iter().map(|t| t.caption.as_str()))
        .collect();
    assert_eq!(
        captions,
        [
            "CSP protects cells in vitro. Cells were treated for 48 hours.",
            "Is the effect real? Panels (A) and (B).",
            "Odds by bias (u). Panels by power.",
            "A title alone",
            "Doses given. Mean ± SD.",
        ]
    );
    valid(&imported);
}

#[test]
fn a_table_printed_in_parts_is_one_table_and_alternatives_count_once() {
    let body = r#"<sec><title>Results</title><p>See <xref ref-type="table" rid="t1">Table 1</xref> and <xref ref-type="table" rid="t2">Table 2</xref>.</p>
<table-wrap id="t1"><label>Table 1</label><caption><p>Ratios.</p></caption>
<table><thead><tr><th>Protein</th><th>Ratio</th><th>Source</th></tr></thead>
<tbody><tr><td>Vam7p</td><td>2</td><td><xref ref-type="bibr" rid="b1">Author1, 2001</xref></td></tr></tbody></table>
<table><thead><tr><th>Protein</th><th>Ratio</th> <th>Source</th></tr></thead>
<tbody><tr><td>Ypt7p</td><td>4</td><td><xref ref-type="bibr" rid="b2">Author2, 2002</xref></td></tr></tbody></table>
<table><thead><tr><th>Second group</th><th>Share</th></tr></thead>
<tbody><tr><td>Sec17p</td><td>7</td><td><xref ref-type="bibr" rid="b3">Author3, 2003</xref></td></tr>
<tr><td>Cell</td><td>9</td><td><table><tr><td>inner</td></tr></table></td></tr></tbody></table></table-wrap>
<table-wrap id="t2"><label>Table 2</label><caption><p>Twice given.</p></caption>
<alternatives><graphic xlink:href="t2.png"/><table><tbody><tr><td>a</td><td>1</td></tr></tbody></table><table><tbody><tr><td>a</td><td>1</td></tr></tbody></table></alternatives></table-wrap>
</sec>"#;
    let imported = read(&article(body, ""));
    let file = &imported.file;
    assert_eq!(file.tables.len(), 2);
    let rows = crate::corpus::model::cells_of(&file.tables[0]);
    assert_eq!(
        rows,
        [
            vec!["Vam7p", "2", "[Author1, 2001]{@b1}"],
            vec!["Ypt7p", "4", "[Author2, 2002]{@b2}"],
            vec!["Second group", "Share", ""],
            vec!["Sec17p", "7", "[Author3, 2003]{@b3}"],
            vec!["Cell", "9", "inner"],
        ],
        "a later part's rows follow; its header row is a row unless it repeats the first's; \
         a table in a cell is that cell's text"
    );
    assert_eq!(
        file.tables[0].columns[1].kind,
        ColumnKind::Number,
        "a later part's header, kept as a row, does not make a column of numbers text"
    );
    assert_eq!(file.tables[1].rows.len(), 1, "alternatives are one table");
    let uncited = uncited(&imported);
    assert_eq!(
        uncited.len(),
        3,
        "every part's citations are read; b4 to b6 only: {uncited:?}"
    );
}

#[test]
fn an_author_date_article_s_unmarked_citations_are_linked_by_authors_and_year() {
    let reference = |id: &str, family: &str, year: u32| {
        format!(
            r#"<ref id="{id}"><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>{family}</surname><given-names>A</given-names></name><name><surname>Other</surname><given-names>B</given-names></name><name><surname>Third</surname><given-names>C</given-names></name></person-group><article-title>Work of {family}</article-title><source>J Tests</source><year>{year}</year></element-citation></ref>"#
        )
    };
    let text = format!(
        r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group><article-title>Volatiles</article-title></title-group></article-meta></front>
<body><sec><title>Results</title><p>TPS10 makes TAB (Köllner et al., 2009; <xref ref-type="bibr" rid="bib2">Schuman et al., 2014</xref>), as <xref ref-type="bibr" rid="bib2">Schuman et al. (2014)</xref> showed.</p>
<fig id="fig1"><label>Figure 1.</label><caption><title>Emission.</title><p>As in Köllner et al. (2009).</p></caption></fig></sec></body>
<back><ref-list>{}{}</ref-list></back></article>"#,
        reference("bib1", "Köllner", 2009),
        reference("bib2", "Schuman", 2014)
    );
    let imported = read(&text);
    let file = &imported.file;
    assert_eq!(
        paragraph_with(file, "TPS10"),
        "TPS10 makes TAB ([Köllner et al., 2009]{@bib1}; [Schuman et al., 2014]{@bib2}), as \
         [Schuman et al. (2014)]{@bib2} showed."
    );
    assert_eq!(file.figures[0].references, ["bib1"]);
    assert!(
        imported.diagnostics.iter().any(|d| d.message
            == "2 citations printed without a link in the source linked to their references by \
                authors and year"),
        "{:?}",
        imported.diagnostics
    );
    assert!(uncited(&imported).is_empty());
    // A numbered article's text is left as it is.
    let numbered = text
        .replace(">Schuman et al., 2014<", ">1<")
        .replace(">Schuman et al. (2014)<", ">1<");
    let numbered = read(&numbered);
    assert!(
        paragraph_with(&numbered.file, "TPS10").contains("(Köllner et al., 2009; "),
        "{}",
        paragraph_with(&numbered.file, "TPS10")
    );
}

#[test]
fn a_float_given_in_two_languages_is_one_float_captioned_in_the_article_s_language() {
    // SciELO: the Portuguese member gives the caption, the English one the cells or the image.
    let body = r#"<sec><title>Resultados</title><p>Ver a tabela 1.</p>
<table-wrap-group id="t1">
<table-wrap xml:lang="pt"><label>Tabela 1</label><caption><title>Espécies por área.</title></caption></table-wrap>
<table-wrap xml:lang="en"><label>Table 1</label><caption><title>Species by area.</title></caption>
<table><thead><tr><th>Species</th><th>A</th></tr></thead><tbody><tr><td>Ocotea</td><td>12</td></tr></tbody></table></table-wrap>
</table-wrap-group>
<fig-group id="f1">
<fig xml:lang="pt"><label>Figura 1</label><caption><title>Mapa das áreas.</title></caption></fig>
<fig xml:lang="en"><label>Figure 1</label><caption><title>Map of the areas.</title></caption><graphic xlink:href="gf01.tif"/></fig>
</fig-group>
<fig-group id="f3"><fig xml:lang="pt"><label>Figura 3:</label><caption><title>Curvas.</title></caption></fig>
<fig xml:lang="en"><label>Figure 3:</label><caption><title>Curves.</title></caption></fig>
<alternatives><graphic xlink:href="gf03.tif"/></alternatives></fig-group>
<fig-group id="f2"><caption><title>Two panels.</title></caption>
<fig id="f2a"><label>Figure 2a</label><graphic xlink:href="gf02a.tif"/></fig>
<fig id="f2b"><label>Figure 2b</label><graphic xlink:href="gf02b.tif"/></fig>
</fig-group></sec>"#;
    let in_portuguese = article(body, "").replacen("<article ", "<article xml:lang=\"pt\" ", 1);
    let imported = read(&in_portuguese);
    let report = valid(&imported);
    let file = &imported.file;
    let tables: Vec<(&str, &str)> = file
        .tables
        .iter()
        .map(|t| (t.label.as_str(), t.caption.as_str()))
        .collect();
    assert_eq!(tables, [("Tabela 1", "Espécies por área.")]);
    let table = file.tables.first().unwrap();
    assert_eq!(table.rows.len(), 1, "the English member's cells");
    let figures: Vec<(&str, &str, Option<&str>)> = file
        .figures
        .iter()
        .map(|f| (f.label.as_str(), f.caption.as_str(), f.image.as_deref()))
        .collect();
    assert_eq!(
        figures,
        [
            ("Figura 1", "Mapa das áreas.", Some("gf01.tif")),
            ("Figura 3", "Curvas.", Some("gf03.tif")),
            ("Figure 2a", "", Some("gf02a.tif")),
            ("Figure 2b", "", Some("gf02b.tif")),
        ],
        "a figure's panels stay figures of their own"
    );
    assert!(
        report
            .warnings
            .iter()
            .all(|w| !w.message.contains("given only as an image")),
        "{:?}",
        report.warnings
    );

    // Without a language for the article, the member holding the float gives its caption.
    let imported = read(&article(body, ""));
    let labels: Vec<&str> = imported
        .file
        .tables
        .iter()
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(labels, ["Table 1"]);
}

#[test]
fn a_header_row_written_as_a_cell_holding_cells_is_the_header() {
    // Stencila writes a header row as `<th>` around its cells, with no `<tr>`.
    let body = r#"<sec><title>Methods</title><p>See <xref ref-type="table" rid="t1">Table 1</xref>.</p>
<table-wrap id="t1"><label>Table 1.</label><caption/><table>
<thead><th><th>Oligo</th><th>RNA/DNA</th></th></thead>
<tbody><tr><td>NRAS G4</td><td>RNA</td></tr><tr><td>Myc G4</td><td>DNA</td></tr></tbody>
</table></table-wrap></sec>"#;
    let imported = read(&article(body, ""));
    let table = &imported.file.tables[0];
    let labels: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(labels, ["Oligo", "RNA/DNA"]);
    assert_eq!(
        crate::corpus::model::cells_of(table),
        [vec!["NRAS G4", "RNA"], vec!["Myc G4", "DNA"]]
    );
}

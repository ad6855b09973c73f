//! Small TEI documents, one per construct the real GROBID files in `../shared` lack.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Write as _;

use crate::corpus::diagnostics::Code;
use crate::corpus::model::{CorpusFile, CslDate, CslName, EquationNotation, ParagraphKind};
use crate::corpus::{Corpus, Item};
use crate::formats::paper::{ImportOptions, Imported, PaperKind, import};

/// A TEI document with a title, `body` and `back` as given.
pub(super) fn tei(body: &str, back: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<TEI xml:space="preserve" xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title level="a" type="main">A paper</title></titleStmt></fileDesc></teiHeader>
<text><body>{body}</body><back>{back}</back></text></TEI>"#
    )
}

/// A reference list of plain entries with these ids.
fn bibliography(ids: &[&str]) -> String {
    let mut entries = String::new();
    for id in ids {
        let _ = write!(
            entries,
            r#"<biblStruct xml:id="{id}"><analytic><title level="a">Work {id}</title></analytic><monogr><title level="j">J</title><imprint><date when="2001"/></imprint></monogr></biblStruct>"#
        );
    }
    format!(r#"<div type="references"><listBibl>{entries}</listBibl></div>"#)
}

pub(super) fn read(text: &str) -> Imported {
    import(PaperKind::Tei, text, &ImportOptions::default()).expect("imports")
}

/// What the import says of the markers it kept as printed text.
fn unresolved_report(imported: &Imported) -> &str {
    imported
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UnresolvedMarker)
        .map(|d| d.message.as_str())
        .expect("unresolved markers reported")
}

/// The imported file, checked to load as a corpus with no errors.
pub(super) fn valid(imported: &Imported) -> CorpusFile {
    Corpus::from_file(imported.file.clone(), "test.tei.xml")
        .unwrap_or_else(|errors| panic!("not a valid corpus: {errors:#?}"));
    imported.file.clone()
}

/// Each section's number, title and parent's id, in order.
fn outline(file: &CorpusFile) -> Vec<(&str, &str, Option<&str>)> {
    file.sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str(), s.parent.as_deref()))
        .collect()
}

#[test]
fn flat_divs_are_nested_by_their_numbers() {
    let body = r#"<p>Before any heading.</p>
<div><head n="1">Introduction</head><p>One.</p></div>
<div><head n="2">Method</head><p>Two.</p></div>
<div><head n="2.1">Data</head><p>Two one.</p></div>
<div><head n="2.1.1">Sources</head><p>Two one one.</p></div>
<div><head>Run-in heading</head><p>Still in 2.1.1.</p></div>
<div><head n="2.2.">Model</head><p>Two two.</p></div>
<div><head n="3"></head></div>
<div></div>
<div><head n="4">Discussion</head><p>Four.</p></div>"#;
    let file = valid(&read(&tei(body, "")));
    assert_eq!(
        outline(&file),
        [
            ("", "A paper", None),
            ("1", "Introduction", None),
            ("2", "Method", None),
            ("2.1", "Data", Some("method")),
            ("2.1.1", "Sources", Some("data")),
            ("", "Run-in heading", Some("sources")),
            ("2.2", "Model", Some("method")),
            ("3", "Section 3", None),
            ("4", "Discussion", None),
        ]
    );
    assert_eq!(file.sections[0].paragraphs[0].text, "Before any heading.");
    assert_eq!(file.sections[5].paragraphs[0].text, "Still in 2.1.1.");
}

#[test]
fn a_heading_run_together_with_its_first_subsection_s_is_two_sections() {
    let body = r#"<div><head n="1">Introduction</head><p>One.</p></div>
<div><head n="2">Model 2.1 Overview</head><p>Two one.</p></div>
<div><head n="2.2">Training</head><p>Two two.</p></div>
<div><head n="3">Results for 3.1 million users</head><p>Three.</p></div>
<div><head n="4">Scores 4.10 Higher</head><p>Four.</p></div>"#;
    let file = valid(&read(&tei(body, "")));
    assert_eq!(
        outline(&file),
        [
            ("1", "Introduction", None),
            ("2", "Model", None),
            ("2.1", "Overview", Some("model")),
            ("2.2", "Training", Some("model")),
            ("3", "Results for 3.1 million users", None),
            ("4", "Scores 4.10 Higher", None),
        ]
    );
    assert!(file.sections[1].paragraphs.is_empty());
    assert_eq!(file.sections[2].paragraphs[0].text, "Two one.");
}

#[test]
fn unnumbered_headings_of_an_unnumbered_paper_are_all_top_level() {
    let body = r"<div><head>Introduction</head><p>One.</p></div>
<div><head>Background</head><p>Two.</p></div>";
    let file = valid(&read(&tei(body, "")));
    assert!(file.sections.iter().all(|s| s.parent.is_none()));
    assert_eq!(file.sections.len(), 2);
}

#[test]
fn a_formula_is_an_equation_with_its_label() {
    let body = r#"<div><head n="1">Model</head><p>We minimise</p>
<formula xml:id="formula_0">L = max(d + m, 0) ,<label>(1)</label></formula><p>where m is a margin.</p>
<formula xml:id="formula_1">f = @n + 1<label>(2)</label></formula></div>"#;
    let file = valid(&read(&tei(body, "")));
    let paragraphs = &file.sections[0].paragraphs;
    assert_eq!(paragraphs.len(), 4);
    let equation = &paragraphs[1];
    assert_eq!(equation.kind, ParagraphKind::Equation);
    assert_eq!(equation.text, "L = max(d + m, 0) ,");
    assert_eq!(equation.label, "(1)");
    assert_eq!(equation.notation, Some(EquationNotation::Text));
    // Text the corpus would read as a citation stays running text, escaped.
    assert_eq!(paragraphs[3].kind, ParagraphKind::Text);
    assert_eq!(paragraphs[3].text, "f = \\@n + 1 (2)");
}

/// The first section's equations as (text, label).
fn equations_of(file: &CorpusFile) -> Vec<(&str, &str)> {
    file.sections[0]
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Equation)
        .map(|p| (p.text.as_str(), p.label.as_str()))
        .collect()
}

#[test]
fn a_number_grobid_left_in_a_formula_s_text_is_its_label() {
    let body = r#"<div><head n="1">Model</head><p>By Eq. (2) and Eq. (3a).</p>
<formula xml:id="formula_0">L = max d P Q , 0 (2)</formula>
<formula xml:id="formula_1">v = f (x) (3a)</formula></div>"#;
    let file = valid(&read(&tei(body, "")));
    let equations = equations_of(&file);
    assert_eq!(
        equations,
        [("L = max d P Q , 0", "(2)"), ("v = f (x)", "(3a)")]
    );
    // Four digits, no space before, nothing before: no number.
    for formula in ["w = g (1234)", "w = g(4)", "(4)", "w = g (x)"] {
        assert_eq!(super::body::trailing_number(formula), None, "{formula}");
    }
    // And the text names them.
    let corpus = Corpus::from_file(file, "test").unwrap();
    let named: Vec<Item> = corpus
        .index
        .paragraphs
        .first()
        .unwrap()
        .floats
        .iter()
        .map(|m| m.item)
        .collect();
    assert_eq!(named, [Item::Paragraph(1), Item::Paragraph(2)]);
}

#[test]
fn a_formula_in_a_pdf_s_symbol_font_is_read_as_printed() {
    let body = r#"<div><head n="1">Model</head><p>Surprise is</p>
<formula xml:id="formula_0">Iðx i Þ ¼ À ln pðx i Þ þ ½a b Š<label>ð1Þ</label></formula>
<formula xml:id="formula_1">x = ¼ y<label>(2)</label></formula>
<formula xml:id="formula_2">Þór ð<label>(3)</label></formula></div>"#;
    let file = valid(&read(&tei(body, "")));
    let equations = equations_of(&file);
    assert_eq!(
        equations,
        [
            ("I(x i ) = − ln p(x i ) + [a b ]", "(1)"),
            // A quarter beside an equals sign, and Icelandic letters, are what they say.
            ("x = ¼ y", "(2)"),
            ("Þór ð", "(3)"),
        ]
    );
}

#[test]
fn footnotes_and_their_markers() {
    let body = r##"<div><head n="1">Intro</head><p>Code is online<ref type="foot" target="#foot_0">1</ref> and <ref type="foot">2</ref> so.</p></div>
<note place="foot" n="1" xml:id="foot_0">See https://example.org/code.</note>
<note place="foot" n="2">A note no marker names.</note>"##;
    let imported = read(&tei(body, ""));
    let file = valid(&imported);
    assert_eq!(
        file.sections[0].paragraphs[0].text,
        "Code is online[^foot_0] and 2 so."
    );
    assert_eq!(file.footnotes.len(), 2);
    assert_eq!(file.footnotes[0].id, "foot_0");
    assert_eq!(file.footnotes[0].marker, "1");
    assert_eq!(file.footnotes[0].text, "See https://example.org/code.");
    assert_eq!(file.footnotes[1].marker, "2");
}

#[test]
fn markers_cite_every_target_and_the_others_are_unresolved() {
    let body = r##"<div><head n="1">Intro</head><p>As shown <ref type="bibr" target="#b0 #b1">[1, 2]</ref>, and <ref type="bibr" target="#b1">Smith et al. (2019)</ref>; not <ref type="bibr">[7]</ref> nor <ref type="bibr" target="#b9">[9]</ref>, see <ref type="table" target="#tab_0">Table 1</ref>.</p></div>"##;
    let imported = read(&tei(body, &bibliography(&["b0", "b1"])));
    let file = valid(&imported);
    assert_eq!(
        file.sections[0].paragraphs[0].text,
        "As shown [[1, 2]]{@b0; @b1}, and [Smith et al. (2019)]{@b1}; not \\[7] nor \\[9], see \
         Table 1."
    );
    let unresolved = unresolved_report(&imported);
    assert!(unresolved.starts_with("2 citation markers"), "{unresolved}");
    assert!(
        imported.diagnostics[0]
            .message
            .contains("3 citations (2 citation groups)")
    );
}

#[test]
fn a_marker_grobid_split_in_pieces_is_one_citation_of_the_sentence_before_it() {
    // GROBID writes `[1,2]` printed after a full stop as `[1,` and `2]`, one `<ref>` each.
    let body = r##"<div><head>Intro</head><p>It is applied in patients. <ref type="bibr" target="#b0">[1,</ref><ref type="bibr" target="#b1">2]</ref> However, it is reliable. <ref type="bibr" target="#b0">[1,</ref><ref type="bibr" target="#b2">[3]</ref><ref type="bibr" target="#b3">[4]</ref> It was <ref type="bibr" target="#b3">4]</ref> measured. <ref type="bibr" target="#b1">[2]</ref><ref type="bibr" target="#b2">[3]</ref></p></div>"##;
    let imported = read(&tei(body, &bibliography(&["b0", "b1", "b2", "b3"])));
    let file = valid(&imported);
    assert_eq!(
        file.sections[0].paragraphs[0].text,
        r"It is applied in patients. [[1,2]]{@b0; @b1} However, it is reliable. [\[1,\[3\]\[4\]]{@b0; @b2; @b3} It was [4\]]{@b3} measured. [[2]]{@b1}[[3]]{@b2}"
    );
    let corpus = Corpus::from_file(file, "test.tei.xml").unwrap();
    let paragraph = &corpus.index.paragraphs[0];
    let cited: Vec<(&str, &str)> = corpus
        .index
        .citations
        .iter()
        .map(|c| {
            (
                &paragraph.printed[c.range.clone()],
                &paragraph.printed[paragraph.sentences[c.sentence].clone()],
            )
        })
        .collect();
    assert_eq!(
        cited,
        [
            ("[1,2]", "It is applied in patients. [1,2]"),
            ("[1,[3][4]", "However, it is reliable. [1,[3][4]"),
            ("4]", "It was 4] measured. [2][3]"),
            ("[2]", "It was 4] measured. [2][3]"),
            ("[3]", "It was 4] measured. [2][3]"),
        ]
    );
    // Author and year: each work its own citation, with the space GROBID drops put back.
    let body = r##"<div><head>Intro</head><p>Models <ref type="bibr" target="#b0">(Smith, 2018;</ref><ref type="bibr" target="#b1">Jones, 2019;</ref><ref type="bibr">Lee, 2020)</ref> work.</p></div>"##;
    let file = valid(&read(&tei(body, &bibliography(&["b0", "b1"]))));
    assert_eq!(
        file.sections[0].paragraphs[0].text,
        "Models [(Smith, 2018;]{@b0} [Jones, 2019;]{@b1} Lee, 2020) work."
    );
}

#[test]
fn references_become_csl_items() {
    let back = r#"<div type="references"><listBibl>
<biblStruct xml:id="b0"><analytic><title level="a" type="main">Deep learning</title>
<author><persName><forename type="first">Yann</forename><forename type="middle">A</forename><surname>LeCun</surname></persName></author>
<author><persName><forename type="first">Geoffrey</forename><surname>Hinton</surname></persName></author>
<idno type="DOI">https://doi.org/10.1038/nature14539</idno></analytic>
<monogr><title level="j">Nature</title><imprint><biblScope unit="volume">521</biblScope><biblScope unit="issue">7553</biblScope><biblScope unit="page" from="436" to="444"/><date type="published" when="2015-05-28"/></imprint></monogr>
<note type="raw_reference">LeCun, Y. et al. 2015. Deep learning. Nature.</note></biblStruct>
<biblStruct xml:id="b1"><analytic><title level="a">BERT</title><author><persName><forename>Jacob</forename><surname>Devlin</surname></persName></author></analytic>
<monogr><title level="m">Proceedings of NAACL</title><meeting>NAACL-HLT<address><settlement>Minneapolis</settlement></address></meeting><editor><persName><forename>Jill</forename><surname>Burstein</surname></persName></editor><imprint><date>June 2019</date></imprint></monogr><idno type="arXiv">arXiv:1810.04805</idno></biblStruct>
<biblStruct xml:id="b2"><monogr><title level="m">The adaptive web</title><author><persName><surname>Brusilovsky</surname></persName></author><imprint><publisher>Springer</publisher><pubPlace>Berlin</pubPlace><date when="2007"/></imprint></monogr><ptr target="https://example.org/book"/></biblStruct>
<biblStruct xml:id="b3"><monogr><title/><imprint><date/></imprint></monogr><note type="raw_reference">J. Bruna. 2014. Spectral networks. ICLR.</note></biblStruct>
<biblStruct xml:id="b4"><analytic><title level="a">RoBERTa</title></analytic><monogr><title level="j">ArXiv</title><imprint><date when="2019"/></imprint></monogr><idno>abs/1907.11692</idno></biblStruct>
<biblStruct xml:id="b5"><analytic><title level="a">SciBERT</title></analytic><monogr><title level="m">EMNLP</title></monogr></biblStruct>
<biblStruct xml:id="b6"><analytic><title level="a">Collaborative filtering</title></analytic><monogr><title level="s">Lecture Notes in Computer Science</title><title level="m">The adaptive web</title></monogr></biblStruct>
</listBibl></div>"#;
    let body = r##"<div><head n="1">Intro</head><p>Cited <ref type="bibr" target="#b0">(LeCun, 2015)</ref>.</p></div>"##;
    let file = valid(&read(&tei(body, back)));
    let refs = &file.references;
    assert_eq!(refs.len(), 7);

    let journal = &refs[0];
    assert_eq!(journal.id, "b0");
    assert_eq!(journal.item_type, "article-journal");
    assert_eq!(journal.title, "Deep learning");
    assert_eq!(journal.container_title, "Nature");
    assert_eq!(
        journal.author[0],
        CslName {
            family: "LeCun".into(),
            given: "Yann A.".into(),
            ..CslName::default()
        }
    );
    assert_eq!(journal.author.len(), 2);
    assert_eq!(
        (
            journal.volume.as_str(),
            journal.issue.as_str(),
            journal.page.as_str()
        ),
        ("521", "7553", "436–444")
    );
    assert_eq!(
        journal.issued,
        Some(CslDate {
            date_parts: vec![vec![2015, 5, 28]],
            ..CslDate::default()
        })
    );
    assert_eq!(journal.doi, "10.1038/nature14539");
    assert_eq!(
        journal.note, "",
        "the raw reference is kept only without a title"
    );

    let conference = &refs[1];
    assert_eq!(conference.item_type, "paper-conference");
    assert_eq!(conference.container_title, "Proceedings of NAACL");
    assert_eq!(conference.extra["event-title"], "NAACL-HLT");
    assert_eq!(conference.editor[0].family, "Burstein");
    assert_eq!(conference.note, "arXiv:1810.04805");
    assert_eq!(conference.issued.as_ref().unwrap().date_parts, [vec![2019]]);

    let book = &refs[2];
    assert_eq!(book.item_type, "book");
    assert_eq!(book.title, "The adaptive web");
    assert_eq!(book.author[0].family, "Brusilovsky");
    assert_eq!(
        (book.publisher.as_str(), book.publisher_place.as_str()),
        ("Springer", "Berlin")
    );
    assert_eq!(book.url, "https://example.org/book");

    let raw = &refs[3];
    assert_eq!(raw.title, "");
    assert_eq!(
        raw.printed(),
        Some("J. Bruna. 2014. Spectral networks. ICLR.")
    );
    assert!(raw.note.is_empty());
    assert_eq!(raw.issued, None);

    assert_eq!(refs[4].note, "arXiv:1907.11692");
    // `In EMNLP`: a conference's acronym; a book's title: a chapter of it.
    assert_eq!(refs[5].item_type, "paper-conference");
    assert_eq!(refs[5].container_title, "EMNLP");
    assert_eq!(refs[6].item_type, "chapter");
    assert_eq!(refs[6].container_title, "The adaptive web");
    assert_eq!(
        refs[6].extra["collection-title"],
        "Lecture Notes in Computer Science"
    );
}

#[test]
fn grobid_s_venue_given_as_editor_and_surname_given_as_forename_are_mended() {
    // As GROBID gives two entries of an ACL paper's list: the venue as the editor, and an
    // author's surname as a middle name.
    let back = r#"<div type="references"><listBibl>
<biblStruct xml:id="b0"><monogr><title level="m" type="main">Content-Based Citation Recommendation</title>
<author><persName><forename type="first">Chandra</forename><surname>Bhagavatula</surname></persName></author>
<editor>NAACL-HLT</editor><imprint><date type="published" when="2018"/></imprint></monogr>
<note type="raw_reference">Chandra Bhagavatula. 2018. Content-Based Citation Recommendation. In NAACL-HLT.</note></biblStruct>
<biblStruct xml:id="b1"><analytic><title level="a" type="main">Search needs a shake-up</title>
<author><persName><forename type="first">Oren</forename><forename type="middle">Etzioni</forename></persName></author></analytic>
<monogr><title level="j">Nature</title><imprint><biblScope unit="volume">476</biblScope><date type="published" when="2011"/></imprint></monogr></biblStruct>
<biblStruct xml:id="b2"><monogr><title level="m">A handbook</title><editor>Jill Burstein</editor><imprint><date when="2019"/></imprint></monogr>
<note type="raw_reference">A handbook. 2019. Jill Burstein, editor.</note></biblStruct>
<biblStruct xml:id="b3"><analytic><title level="a">Initials only</title>
<author><persName><forename type="first">J</forename><forename type="middle">R</forename></persName></author></analytic><monogr><title level="j">Nature</title></monogr></biblStruct>
</listBibl></div>"#;
    let body = r##"<div><head>Intro</head><p>See <ref type="bibr" target="#b0">[1]</ref>, <ref type="bibr" target="#b1">[2]</ref>, <ref type="bibr" target="#b2">[3]</ref>, <ref type="bibr" target="#b3">[4]</ref>.</p></div>"##;
    let file = valid(&read(&tei(body, back)));
    let refs = &file.references;

    let paper = &refs[0];
    assert_eq!(paper.container_title, "NAACL-HLT");
    assert_eq!(paper.item_type, "paper-conference");
    assert!(paper.editor.is_empty());
    assert_eq!(paper.title, "Content-Based Citation Recommendation");

    let etzioni = &refs[1].author[0];
    assert_eq!(
        (etzioni.family.as_str(), etzioni.given.as_str()),
        ("Etzioni", "Oren")
    );

    // An editor the printed entry does not introduce with `In` stays the editor.
    assert_eq!(refs[2].editor[0].literal, "Jill Burstein");
    assert_eq!(refs[2].container_title, "");
    assert_eq!(refs[2].item_type, "book");
    // Initials are no surname.
    assert_eq!(refs[3].author[0].literal, "J. R.");
}

#[test]
fn the_header_gives_title_authors_date_keywords_and_abstract() {
    let text = r##"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title level="a" type="main">Reading   papers</title></titleStmt>
<publicationStmt><date type="published" when="2021-03-02">2 March 2021</date></publicationStmt>
<sourceDesc><biblStruct><analytic>
<author role="corresp"><persName><forename type="first">Mary</forename><forename type="middle">Ann</forename><surname>Smith</surname></persName><email>mary@example.org</email><idno type="ORCID">0000-0002-1825-0097</idno>
<affiliation key="aff0"><orgName type="department">Dept. of Physics</orgName><orgName type="institution">Example University</orgName><address><country>UK</country></address></affiliation></author>
<author><persName><forename>Li</forename><surname>Wei</surname></persName><affiliation key="aff1"><orgName type="institution">Other Lab</orgName></affiliation></author>
<author><affiliation key="aff2"><orgName type="department">Introduction</orgName></affiliation></author>
<author><persName><forename type="first">ᰔ</forename></persName></author>
</analytic><monogr><imprint><date/></imprint></monogr></biblStruct></sourceDesc></fileDesc>
<profileDesc><textClass><keywords><term>citations</term><term>TEI</term></keywords></textClass>
<abstract><div><p>First part <ref type="bibr" target="#b0">[1]</ref>.</p></div><div><p>Second part.</p></div></abstract></profileDesc></teiHeader>
<text><body><div><head n="1">Intro</head><p>Text.</p></div></body></text></TEI>"##;
    let file = valid(&read(text));
    let paper = &file.paper;
    assert_eq!(paper.title, "Reading papers");
    assert_eq!(paper.date, "2021-03-02");
    assert_eq!(paper.keywords, ["citations", "TEI"]);
    assert_eq!(
        paper.abstract_text, "First part [1].\n\nSecond part.",
        "a marker naming no work of the list stays printed text in the abstract"
    );
    // One naming a work of the list makes the abstract the first section, the marker linked.
    let cited = read(&text.replace(
        "</body></text>",
        r#"</body><back><div type="references"><listBibl><biblStruct xml:id="b0"><analytic><title level="a">Work</title></analytic><monogr><title level="j">J</title><imprint><date when="2001"/></imprint></monogr></biblStruct></listBibl></div></back></text>"#,
    ));
    let cited = valid(&cited);
    assert_eq!(cited.paper.abstract_text, "");
    assert_eq!(cited.sections[0].title, "Abstract");
    assert_eq!(
        cited.sections[0]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>(),
        ["First part [[1]]{@b0}.", "Second part."]
    );
    // An affiliation alone, and a sign of the PDF's author line read as a name, name no one.
    assert_eq!(paper.authors.len(), 2);
    let first = &paper.authors[0];
    assert_eq!(first.name, "Mary Ann Smith");
    assert_eq!(first.email, "mary@example.org");
    assert_eq!(first.orcid, "0000-0002-1825-0097");
    assert_eq!(first.affiliation, "Dept. of Physics, Example University");
    assert!(first.corresponding);
    assert!(!paper.authors[1].corresponding);
    assert_eq!(
        paper.affiliation,
        "Dept. of Physics, Example University; Other Lab"
    );
}

#[test]
fn sentences_lists_and_back_matter() {
    let body = r#"<div><head n="1">Intro</head><p><s>First sentence.</s><s>Second <hi rend="italic">one</hi>.</s></p>
<list><item>Item one</item><item>Item two</item></list></div>"#;
    let back = r#"<div type="acknowledgement"><div><head>Acknowledgements</head><p>We thank you.</p></div></div>"#;
    let file = valid(&read(&tei(body, back)));
    let texts: Vec<&str> = file.sections[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["First sentence. Second one.", "Item one", "Item two"]
    );
    assert_eq!(file.sections[1].title, "Acknowledgements");
    assert_eq!(file.sections[1].parent, None);
}

#[test]
fn a_wrong_root_is_told_where_and_what_to_open() {
    let error = import(
        PaperKind::Tei,
        "<?xml version=\"1.0\"?>\n  <article><front/></article>",
        &ImportOptions::default(),
    )
    .expect_err("not TEI");
    assert_eq!(error.code, Code::PaperSyntax);
    assert!(
        error.message.contains("<article>") && error.message.contains("not <TEI>"),
        "{}",
        error.message
    );
    assert!(error.hint.contains("JATS"), "{}", error.hint);
    let location = error.location.expect("located");
    assert_eq!((location.line, location.column), (2, 3));
}

#[test]
fn a_cut_off_file_is_told_where() {
    let whole = tei(r#"<div><head n="1">Intro</head><p>Text.</p></div>"#, "");
    let cut = &whole[..whole.find("<p>Text").unwrap() + 5];
    let error = import(PaperKind::Tei, cut, &ImportOptions::default()).expect_err("cut off");
    assert_eq!(error.code, Code::PaperSyntax);
    assert!(error.message.contains("never closed"), "{}", error.message);
    assert!(error.location.is_some());
    let empty = import(PaperKind::Tei, "", &ImportOptions::default()).expect_err("empty");
    assert_eq!(empty.code, Code::PaperSyntax);
}

#[test]
fn an_empty_tei_document_is_an_error_not_an_empty_paper() {
    let error = import(
        PaperKind::Tei,
        r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><div><head/></div></body></text></TEI>"#,
        &ImportOptions::default(),
    )
    .expect_err("nothing in it");
    assert!(error.message.contains("no title"), "{}", error.message);
}

#[test]
fn unknown_entities_are_one_warning() {
    let body = r#"<div><head n="1">Intro</head><p>A &foo; and &bar; and &foo;.</p></div>"#;
    let imported = read(&tei(body, ""));
    let warnings: Vec<&str> = imported
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("&foo;"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warnings.len(), 1, "{:#?}", imported.diagnostics);
    assert!(warnings[0].contains("&bar;"), "{}", warnings[0]);
}

#[test]
fn deep_nesting_of_divs_and_notes_is_read_without_overflow() {
    let depth = 500;
    let divs = format!(
        "{}<p>Deep.</p>{}",
        r#"<div><head n="1">D</head>"#.repeat(depth),
        "</div>".repeat(depth)
    );
    let imported = read(&tei(&divs, ""));
    assert!(!imported.file.sections.is_empty());
    let notes = format!(
        r#"<div><head n="1">N</head><p>x{}y{}</p></div>"#,
        r#"<note place="foot">n"#.repeat(depth),
        "</note>".repeat(depth)
    );
    let imported = read(&tei(&notes, ""));
    assert_eq!(imported.file.footnotes.len(), depth);
}

#[test]
fn sentences_and_paragraphs_of_grobid_0_8_are_set_apart() {
    let text = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc>
<profileDesc><abstract><div><p><s>One.</s><s>Two.</s></p><p><s>Three.</s></p></div></abstract></profileDesc></teiHeader>
<text><body><div><head n="1">A</head><p><s>Four.</s><s>Five.</s></p>
<figure xml:id="fig_0"><head>Figure 1 :</head><label>1</label><figDesc><div><p><s>Six.</s><s>Seven.</s></p></div></figDesc></figure></div></body></text></TEI>"#;
    let file = valid(&read(text));
    assert_eq!(file.paper.abstract_text, "One. Two.\n\nThree.");
    assert_eq!(file.sections[0].paragraphs[0].text, "Four. Five.");
    assert_eq!(file.figures[0].caption, "Six. Seven.");
}

#[test]
fn a_large_paper_is_read_in_one_pass() {
    // About 1.5 MB: 5,000 sections of a paragraph with two markers each and a footnote.
    let mut body = String::new();
    for n in 1..=5000 {
        let _ = write!(
            body,
            r##"<div><head n="{n}">Part {n}</head><p>Text <ref type="bibr" target="#b0">[1]</ref> and <ref type="bibr">[2]</ref><ref type="foot" target="#foot_{n}">{n}</ref>.</p><note place="foot" xml:id="foot_{n}" n="{n}">Note {n}.</note></div>"##
        );
    }
    let text = tei(&body, &bibliography(&["b0"]));
    assert!(text.len() > 1_000_000);
    let started = std::time::Instant::now();
    let imported = read(&text);
    assert_eq!(imported.file.sections.len(), 5000);
    assert_eq!(imported.file.footnotes.len(), 5000);
    // Linear work takes well under a second even unoptimised; quadratic work would take minutes.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn nested_notes_paragraphs_and_lists_are_each_read_once() {
    // Hundreds of levels around 200 KB of text: reading each level's whole subtree again
    // would copy tens of megabytes per kind of element; reading each once stays instant.
    let words = "word ".repeat(40_000);
    let nested = |open: &str, close: &str, depth: usize| {
        format!("{}{words}{}", open.repeat(depth), close.repeat(depth))
    };
    let body = format!(
        r#"<div><head n="1">N</head><p>x{}</p></div>"#,
        nested(r#"<note place="foot">n"#, "</note>", 500)
    );
    let back = format!(
        r#"<div type="references"><listBibl>{}</listBibl></div>"#,
        nested(
            "<biblStruct><note><listBibl>",
            "</listBibl></note></biblStruct>",
            160
        )
    );
    let abstract_text = nested("<p>", "</p>", 500);
    let text = tei(&body, &back).replace(
        "</fileDesc>",
        &format!("</fileDesc><profileDesc><abstract>{abstract_text}</abstract></profileDesc>"),
    );
    let started = std::time::Instant::now();
    let imported = read(&text);
    assert_eq!(imported.file.footnotes.len(), 500);
    assert_eq!(imported.file.references.len(), 1);
    assert!(imported.file.paper.abstract_text.ends_with("word"));
    // Each level read again took 10 s here, unoptimised; read once, a fraction of a second.
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

#[test]
fn superscripts_and_subscripts_of_digits_and_signs_are_raised_and_lowered() {
    let body = r##"<div><head>Results</head><p>A rate of 10<hi rend="superscript">-3</hi> in CO<hi rend="subscript">2</hi>, T<hi rend="subscript">max</hi> at x<hi rend="superscript"><hi rend="italic">n</hi></hi>, cited<ref type="bibr" target="#b0"><hi rend="superscript">1</hi></ref>.</p></div>"##;
    let imported = read(&tei(body, &bibliography(&["b0"])));
    let file = valid(&imported);
    assert_eq!(
        file.sections[0].paragraphs[0].text, "A rate of 10⁻³ in CO₂, Tmax at xn, cited[1]{@b0}.",
        "scripts of digits are raised and lowered; a raised marker stays a citation"
    );
}

#[test]
fn a_note_given_as_a_tables_last_rows_is_its_note() {
    let table = |last_rows: &str| {
        format!(
            r#"<div><head>Results</head><p>See the table.</p>
<figure type="table" xml:id="tab_0"><head>Table 1 : Scores</head><label>1</label><figDesc></figDesc>
<table><row><cell>Items</cell><cell>Group A</cell><cell>Group B</cell></row>
<row><cell>VAS</cell><cell>3.75 ± 3.91</cell><cell>6.00 ± 3.91</cell></row>{last_rows}</table><note></note></figure></div>"#
        )
    };
    let note = r#"<row><cell cols="3">Data are shown as mean ± SD. VAS: Visual</cell></row>
<row><cell cols="2">analog scale.</cell><cell></cell></row>"#;
    let file = valid(&read(&tei(&table(note), "")));
    let scores = &file.tables[0];
    let rows = crate::corpus::model::cells_of(scores);
    assert_eq!(rows, [vec!["VAS", "3.75 ± 3.91", "6.00 ± 3.91"]]);
    let notes: Vec<&str> = scores.footnotes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        notes,
        ["Data are shown as mean ± SD. VAS: Visual analog scale."]
    );

    // A heading left at the end, or a last row that spans nothing, stays a row.
    for last in [
        r#"<row><cell cols="3">Baselines</cell></row>"#,
        r"<row><cell>Data are shown as mean ± SD.</cell><cell></cell><cell></cell></row>",
    ] {
        let file = valid(&read(&tei(&table(last), "")));
        assert_eq!(file.tables[0].rows.len(), 2, "{last}");
        assert!(file.tables[0].footnotes.is_empty(), "{last}");
    }
}

#[test]
fn a_table_given_without_cells_keeps_its_caption_and_notes_and_is_reported() {
    // GROBID writes `<table />` for a table it could not read, as in SPECTER's Tables 1–3.
    let empty = |n: usize, note: &str| {
        format!(
            r#"<figure type="table" xml:id="tab_{n}"><head>Table {n} :</head><label>{n}</label><figDesc>Results of run {n}.</figDesc><table /><note>{note}</note></figure>"#
        )
    };
    let body = format!(
        "<div><head>Results</head><p>See the tables.</p></div>{}{}",
        empty(1, ""),
        empty(2, "Numbers are averages over five runs.")
    );
    let imported = read(&tei(&body, ""));
    let file = valid(&imported);
    let shapes: Vec<(String, usize, usize)> = file
        .tables
        .iter()
        .map(|t| (t.title(), t.rows.len(), t.footnotes.len()))
        .collect();
    assert_eq!(
        shapes,
        [
            ("Table 1. Results of run 1.".to_owned(), 0, 0),
            ("Table 2. Results of run 2.".to_owned(), 0, 1)
        ]
    );
    let reported: Vec<&str> = imported
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::ImportIncomplete)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        reported,
        [
            "2 tables without cells in the source (Table 1. Results of run 1.; Table 2. Results of \
          run 2.): only the caption and notes are kept"
        ]
    );
}

#[test]
fn a_marker_without_a_target_cites_the_works_its_authors_and_year_name() {
    let entry = |id: &str, surnames: &[&str], year: u32| {
        let mut authors = String::new();
        for surname in surnames {
            let _ = write!(
                authors,
                "<author><persName><surname>{surname}</surname></persName></author>"
            );
        }
        format!(
            r#"<biblStruct xml:id="{id}"><analytic><title level="a">Work {id}</title>{authors}</analytic><monogr><title level="j">J</title><imprint><date when="{year}"/></imprint></monogr></biblStruct>"#
        )
    };
    let back = format!(
        r#"<div type="references"><listBibl>{}{}{}{}</listBibl></div>"#,
        entry("b0", &["Hamilton", "Ying", "Leskovec"], 2017),
        entry("b1", &["Hamilton", "Ying", "Leskovec"], 2017),
        entry("b2", &["Lample", "Ballesteros", "Dyer"], 2016),
        entry("b3", &["Kiros", "Zhu"], 2015),
    );
    let body = r#"<div><head>Intro</head><p>Graphs <ref type="bibr">(Hamilton et al., 2017a,b;</ref> <ref type="bibr">Kiros et al., 2015)</ref>, taggers on <ref type="bibr">CoNLL-2003</ref><ref type="bibr">and ACE-2005</ref><ref type="bibr">(e.g., Lample et al., 2016</ref>), sizes <ref type="bibr">[5,</ref> <ref type="bibr">10]</ref>, and <ref type="bibr">(Smith, 2019)</ref>.</p></div>"#;
    let imported = read(&tei(body, &back));
    let file = valid(&imported);
    assert_eq!(
        file.sections[0].paragraphs[0].text,
        "Graphs [(Hamilton et al., 2017a,b;]{@b0; @b1} [Kiros et al., 2015)]{@b3}, taggers on \
         CoNLL-2003 and ACE-2005 [(e.g., Lample et al., 2016]{@b2}), sizes \\[5, 10], and \
         (Smith, 2019)."
    );
    // Numbers and names of data sets GROBID took for markers, and a work the list lacks, stay
    // as printed, with the spaces GROBID dropped between markers of words put back.
    let unresolved = unresolved_report(&imported);
    assert!(unresolved.starts_with("5 citation markers"), "{unresolved}");
}

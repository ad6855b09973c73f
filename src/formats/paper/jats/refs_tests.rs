//! The JATS importer's reference lists on small articles: CSL fields from each kind of
//! citation, citations with little or no markup, labels as numbers.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{paragraph_with, read, valid};
use crate::corpus::cite::year;
use crate::corpus::model::{CslName, Reference};

/// A reference's authors, each its family name, given names and literal name.
fn authors_of(reference: &Reference) -> Vec<(&str, &str, &str)> {
    reference
        .author
        .iter()
        .map(|name| {
            (
                name.family.as_str(),
                name.given.as_str(),
                name.literal.as_str(),
            )
        })
        .collect()
}

#[test]
fn references_are_read_into_csl_fields() {
    let text = r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group><article-title>Refs</article-title></title-group></article-meta></front>
<body><p>Cites <xref ref-type="bibr" rid="r1">[1]</xref>, <xref ref-type="bibr" rid="r2">[2]</xref>, <xref ref-type="bibr" rid="r3">[3]</xref>, <xref ref-type="bibr" rid="r4">[4]</xref> and <xref ref-type="bibr" rid="r5">[5]</xref>.</p></body>
<back><ref-list><title>References</title>
<ref id="r1"><label>1</label><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Cahill</surname><given-names>GF</given-names><suffix>Jr.</suffix></name><collab>WHO Group</collab><etal/><name><surname>et al</surname></name></person-group><article-title>Plasma levels</article-title><source>N Engl J Med</source><year>1969a</year><volume>281</volume><issue>4</issue><fpage>811</fpage><lpage>816</lpage><pub-id pub-id-type="doi">10.1056/x.1</pub-id><pub-id pub-id-type="pmid">5809519</pub-id></element-citation></ref>
<ref id="r2"><label>2</label><mixed-citation publication-type="other">Department of Health (2003) Operational plan. Available: <ext-link ext-link-type="uri" xlink:href="http://example.org/plan.pdf">http://example.org/plan.pdf</ext-link>.</mixed-citation></ref>
<ref-list><title>Books</title>
<ref id="r3"><label>3</label><mixed-citation publication-type="book"><name><surname>Wolfe</surname><given-names>RR</given-names></name> (<year>1992</year>) <source>Tracers</source>. <publisher-loc>New York</publisher-loc>: <publisher-name>Wiley</publisher-name>.</mixed-citation></ref>
<ref id="r4"><label>4</label><element-citation publication-type="book"><person-group person-group-type="author"><name><surname>Doe</surname><given-names>J</given-names></name></person-group><chapter-title>A chapter</chapter-title><person-group person-group-type="editor"><name><surname>Roe</surname><given-names>R</given-names></name></person-group><source>The book</source><year>2001</year><fpage>1</fpage><lpage>9</lpage></element-citation></ref>
</ref-list>
<ref id="r5"><label>5</label><mixed-citation publication-type="journal"><article-title>Online</article-title> <source>PLoS ONE</source> <elocation-id>e86816</elocation-id> <comment>doi:<ext-link ext-link-type="uri" xlink:href="http://dx.doi.org/10.1371/journal.pone.0086816">10.1371/journal.pone.0086816</ext-link></comment></mixed-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let refs = &imported.file.references;
    assert_eq!(refs.len(), 5, "the nested list's references too");
    let r1 = &refs[0];
    assert_eq!(
        (r1.id.as_str(), r1.item_type.as_str()),
        ("r1", "article-journal")
    );
    assert_eq!(
        (
            r1.author.len(),
            r1.creators().len(),
            r1.creators_cut_short()
        ),
        (3, 2, true),
        "etal and a name written `et al` close the list as \"et al.\", once, and are no one"
    );
    assert_eq!(r1.author[2], CslName::et_al());
    assert_eq!(
        (
            r1.author[0].family.as_str(),
            r1.author[0].given.as_str(),
            r1.author[0].suffix.as_str()
        ),
        ("Cahill", "G. F.", "Jr.")
    );
    assert_eq!(r1.author[1].literal, "WHO Group");
    assert_eq!(r1.title, "Plasma levels");
    assert_eq!(r1.container_title, "N Engl J Med");
    assert_eq!(r1.issued.as_ref().unwrap().date_parts, vec![vec![1969]]);
    assert_eq!(
        (r1.volume.as_str(), r1.issue.as_str(), r1.page.as_str()),
        ("281", "4", "811–816")
    );
    assert_eq!(r1.doi, "10.1056/x.1");
    assert_eq!(r1.extra["PMID"], "5809519");
    let r2 = &refs[1];
    assert_eq!(r2.item_type, "document");
    assert_eq!(
        r2.printed(),
        Some(
            "Department of Health (2003) Operational plan. Available: http://example.org/plan.pdf."
        )
    );
    assert!(
        r2.note.is_empty(),
        "the note does not repeat the printed entry"
    );
    assert_eq!(
        r2.title, "Operational plan",
        "read from the text's own form"
    );
    assert_eq!(r2.author[0].literal, "Department of Health");
    assert_eq!(r2.issued.as_ref().unwrap().date_parts, vec![vec![2003]]);
    assert_eq!(r2.url, "http://example.org/plan.pdf");
    let r3 = &refs[2];
    assert_eq!(
        (r3.item_type.as_str(), r3.title.as_str()),
        ("book", "Tracers")
    );
    assert_eq!(
        (r3.publisher.as_str(), r3.publisher_place.as_str()),
        ("Wiley", "New York")
    );
    let r4 = &refs[3];
    assert_eq!(r4.item_type, "chapter");
    assert_eq!(
        (r4.title.as_str(), r4.container_title.as_str()),
        ("A chapter", "The book")
    );
    assert_eq!(r4.editor[0].family, "Roe");
    let r5 = &refs[4];
    assert_eq!(r5.doi, "10.1371/journal.pone.0086816");
    assert_eq!(r5.page, "e86816");
    assert!(
        r5.note.is_empty(),
        "a comment that only gives the DOI: {}",
        r5.note
    );
    valid(&imported);
}

#[test]
fn references_with_little_markup_still_get_a_title_and_type() {
    let text = r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group><article-title>Refs</article-title></title-group></article-meta></front>
<body><p>Cites <xref ref-type="bibr" rid="r1">[1]</xref>, <xref ref-type="bibr" rid="r2">[2]</xref>, <xref ref-type="bibr" rid="r3">[3]</xref>, <xref ref-type="bibr" rid="r4">[4]</xref>, <xref ref-type="bibr" rid="r5">[5]</xref>, <xref ref-type="bibr" rid="r6">[6]</xref>, <xref ref-type="bibr" rid="r7">[7]</xref>.</p></body>
<back><ref-list>
<ref id="r1"><element-citation publication-type="other"><comment>The R Project [<ext-link ext-link-type="uri" xlink:href="http://www.R-project.org/">http://www.R-project.org/</ext-link>]</comment></element-citation></ref>
<ref id="r2"><element-citation publication-type="other"><person-group person-group-type="author"><name><surname>Mount</surname><given-names>DW</given-names></name></person-group><year>2004</year><source>Bioinformatics</source><publisher-loc>Cold Spring Harbor</publisher-loc><publisher-name>CSHL Press</publisher-name></element-citation></ref>
<ref id="r3"><element-citation publication-type="other"><person-group person-group-type="author"><name><surname>Matsunaga</surname><given-names>A</given-names></name></person-group><year>2008</year><comment>CloudBLAST: combining MapReduce and virtualization.</comment></element-citation></ref>
<ref id="r4"><mixed-citation publication-type="other">Smith GI, Yoshino J, et al. (2014) Protein ingestion induces resistance. Diabetes.</mixed-citation></ref>
<ref id="r5"><mixed-citation>Nothing to read here, no year</mixed-citation></ref>
<ref id="r6"><mixed-citation publication-type="journal">Kirchner JW. Catchments as simple dynamical systems. Water Resources Research. 2009;45(2).</mixed-citation></ref>
<ref id="r7"><mixed-citation>Chiang CL (1968) Introduction to stochastic processes in biostatistics. New York: John Wiley &amp; Sons.</mixed-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let refs = &imported.file.references;
    assert_eq!(refs[0].title, "The R Project");
    assert_eq!(refs[0].url, "http://www.R-project.org/");
    assert_eq!(
        refs[0].note, "The R Project [http://www.R-project.org/]",
        "nothing else to read: the whole text is kept"
    );
    assert_eq!(
        (refs[1].item_type.as_str(), refs[1].title.as_str()),
        ("book", "Bioinformatics")
    );
    assert_eq!(
        refs[2].title,
        "CloudBLAST: combining MapReduce and virtualization."
    );
    assert!(refs[2].note.is_empty());
    assert!(refs[3].creators_cut_short(), "its `et al.`");
    let names: Vec<(&str, &str)> = refs[3]
        .creators()
        .iter()
        .map(|n| (n.family.as_str(), n.given.as_str()))
        .collect();
    assert_eq!(names, [("Smith", "G. I."), ("Yoshino", "J.")]);
    assert_eq!(refs[3].title, "Protein ingestion induces resistance");
    assert_eq!(refs[3].container_title, "Diabetes");
    assert_eq!(
        refs[3].printed(),
        Some("Smith GI, Yoshino J, et al. (2014) Protein ingestion induces resistance. Diabetes.")
    );
    assert_eq!(refs[4].title, "Nothing to read here, no year");
    assert_eq!(refs[4].printed(), Some(refs[4].title.as_str()));
    assert!(refs[4].note.is_empty());
    // Vancouver's form, untagged: read as a plain-text list's entry is.
    let kirchner = &refs[5];
    assert_eq!(kirchner.author[0].family, "Kirchner");
    assert_eq!(kirchner.author[0].given, "J. W.");
    assert_eq!(kirchner.title, "Catchments as simple dynamical systems");
    assert_eq!(kirchner.container_title, "Water Resources Research");
    assert_eq!(
        (kirchner.volume.as_str(), kirchner.issue.as_str()),
        ("45", "2")
    );
    assert_eq!(year(kirchner), Some(2009));
    assert_eq!(kirchner.item_type, "article-journal");
    assert_eq!(
        kirchner.printed(),
        Some(
            "Kirchner JW. Catchments as simple dynamical systems. Water Resources Research. 2009;45(2)."
        )
    );
    // PLOS's book: its place and publisher.
    let chiang = &refs[6];
    assert_eq!(
        (chiang.item_type.as_str(), chiang.title.as_str()),
        (
            "book",
            "Introduction to stochastic processes in biostatistics"
        )
    );
    assert_eq!(
        (chiang.publisher_place.as_str(), chiang.publisher.as_str()),
        ("New York", "John Wiley & Sons")
    );
    valid(&imported);
}

#[test]
fn etal_closes_an_author_list_the_citation_shortened_even_outside_a_person_group() {
    let text = r#"<article><front><article-meta><title-group><article-title>Refs</article-title></title-group></article-meta></front><body><p>Text.</p></body><back><ref-list>
<ref id="r1"><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Cahill</surname><given-names>GF</given-names></name><etal/></person-group><year>1969</year><article-title>Plasma levels</article-title><source>N Engl J Med</source></element-citation></ref>
<ref id="r2"><nlm-citation citation-type="journal"><name><surname>Algom</surname><given-names>D</given-names></name><etal/><name><surname>Cain</surname><given-names>WS</given-names></name><year>1991</year><article-title>Chemosensory representation</article-title><source>J Exp Psychol</source></nlm-citation></ref>
<ref id="r3"><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Doe</surname><given-names>J</given-names></name></person-group><year>2001</year><article-title>Whole</article-title><source>Nature</source></element-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let labels: Vec<(String, usize, bool)> = imported
        .file
        .references
        .iter()
        .map(|r| {
            (
                crate::corpus::cite::short_label(r),
                r.creators().len(),
                r.author.last() == Some(&CslName::et_al()),
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("Cahill et al. (1969)".to_owned(), 1, true),
            ("Algom et al. (1991)".to_owned(), 2, true),
            ("Doe (2001)".to_owned(), 1, false),
        ]
    );
    let corpus = valid(&imported);
    assert!(
        !corpus
            .warnings
            .iter()
            .any(|w| w.code == crate::corpus::diagnostics::Code::EtAlAuthor),
        "a list closed by et al. is no warning"
    );
}

#[test]
fn a_reference_label_gives_its_number() {
    let document = crate::formats::paper::xml::parse(
        "<ref-list><ref><label>12.</label></ref><ref><label>[3]</label></ref><ref><label>a</label></ref><ref/></ref-list>",
    )
    .expect("well-formed");
    let numbers: Vec<Option<u32>> = document
        .root()
        .elements()
        .map(super::refs::label_number)
        .collect();
    assert_eq!(numbers, [Some(12), Some(3), None, None]);
}

#[test]
fn initials_run_together_are_written_as_initials_and_names_are_kept() {
    let text = r#"<article><front><article-meta><title-group><article-title>Names</article-title></title-group></article-meta></front>
<back><ref-list><ref id="r1"><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Witzel</surname><given-names>K-P</given-names></name><name><surname>Frigaard</surname><given-names>N-U</given-names></name><name><surname>Mount</surname><given-names>DW</given-names></name><name><surname>Wu</surname><given-names>Li</given-names></name><name><surname>DeLong</surname><given-names>E. F</given-names></name><name><surname>Sarah</surname><given-names>Seth M</given-names></name></person-group><article-title>Lateral transfer</article-title><source>Nature</source><year>2006</year></element-citation></ref></ref-list></back></article>"#;
    let imported = read(text);
    let given: Vec<&str> = imported.file.references[0]
        .author
        .iter()
        .map(|name| name.given.as_str())
        .collect();
    assert_eq!(
        given,
        ["K.-P.", "N.-U.", "D. W.", "Li", "E. F.", "Seth M"],
        "PubMed's initials are initials for a CSL processor; a name stays as written"
    );
}

#[test]
fn a_last_page_shortened_as_medline_writes_it_is_the_full_page() {
    let pages = |first: &str, last: &str| {
        let text = format!(
            r#"<article><front><article-meta><title-group><article-title>Pages</article-title></title-group></article-meta></front>
<back><ref-list><ref id="r1"><element-citation publication-type="journal"><article-title>Work</article-title><source>J Biol Chem</source><year>1992</year><fpage>{first}</fpage><lpage>{last}</lpage></element-citation></ref></ref-list></back></article>"#
        );
        read(&text).file.references[0].page.clone()
    };
    assert_eq!(pages("17082", "6"), "17082–17086");
    assert_eq!(pages("329", "44"), "329–344");
    assert_eq!(pages("811", "816"), "811–816", "a full last page stays");
    assert_eq!(
        pages("879", "879"),
        "879",
        "a range of one page is that page"
    );
    assert_eq!(
        pages("98", "2"),
        "98–2",
        "a last page before the first stays as written"
    );
    assert_eq!(pages("e116", "7"), "e116–7", "not page numbers: as written");
}

#[test]
fn a_mixed_citation_is_kept_as_the_list_prints_it_and_an_element_citation_is_not() {
    let text = r#"<article><front><article-meta><title-group><article-title>Printed</article-title></title-group></article-meta></front>
<body><p>Cites <xref ref-type="bibr" rid="r1">1</xref>, <xref ref-type="bibr" rid="r2">2</xref> and <xref ref-type="bibr" rid="r3">3</xref>.</p></body>
<back><ref-list>
<ref id="r1"><label>1</label><mixed-citation publication-type="journal"><name name-style="western"><surname>Barnett</surname><given-names>JA</given-names></name>, <name><surname>van Dijk</surname><given-names>K</given-names><suffix>Jr</suffix></name> (<year>2007</year>) <article-title>A history of <italic>Saccharomyces</italic> genetics</article-title>. <source><italic> Yeast </italic></source> <volume>24</volume>: <fpage>799</fpage>–<lpage>845</lpage>.</mixed-citation></ref>
<ref id="r2"><label>2</label><citation-alternatives><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Lee</surname><given-names>H</given-names></name></person-group><article-title>Both forms</article-title><source>Cell</source><year>2010</year></element-citation><mixed-citation publication-type="journal">Lee H (2010) Both forms. <italic>Cell</italic>.<pub-id pub-id-type="pmid">18804375</pub-id></mixed-citation></citation-alternatives></ref>
<ref id="r3"><label>3</label><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Roe</surname><given-names>R</given-names></name></person-group><article-title>Fields only</article-title><source>Science</source><year>2001</year></element-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let refs = &imported.file.references;
    assert_eq!(
        refs[0].printed(),
        Some(
            "Barnett JA, van Dijk K Jr (2007) A history of *Saccharomyces* genetics. *Yeast* 24: 799–845."
        ),
        "names spaced, italics marked next to their words"
    );
    assert_eq!(refs[0].title, "A history of Saccharomyces genetics");
    assert_eq!(
        refs[1].printed(),
        Some("Lee H (2010) Both forms. *Cell*."),
        "a PubMed id run on to the entry is its link, not printed"
    );
    assert_eq!(
        refs[1].title, "Both forms",
        "fields still from the structured form"
    );
    assert_eq!(refs[2].printed(), None, "nothing printed to keep");
    valid(&imported);
}

#[test]
fn a_title_loses_the_list_s_full_stop_and_a_titled_work_with_a_publisher_is_a_book() {
    let text = r#"<article><front><article-meta><title-group><article-title>Stops</article-title></title-group></article-meta></front>
<body><p>Cites <xref ref-type="bibr" rid="r1">[1]</xref>, <xref ref-type="bibr" rid="r2">[2]</xref>, <xref ref-type="bibr" rid="r3">[3]</xref>.</p></body>
<back><ref-list>
<ref id="r1"><element-citation publication-type="journal"><person-group><name><surname>Chalder</surname><given-names>T</given-names></name></person-group><year>1993</year><article-title>Development of a fatigue scale.</article-title><source>J Psychosom Res</source><volume>37</volume></element-citation></ref>
<ref id="r2"><element-citation publication-type="journal"><person-group><name><surname>Doe</surname><given-names>J</given-names></name></person-group><year>2001</year><article-title>Health care in the U.S.</article-title><source>Health Aff</source></element-citation></ref>
<ref id="r3"><element-citation publication-type="other"><person-group><name><surname>Kleinman</surname><given-names>A</given-names></name></person-group><year>1981</year><article-title>Patients and healers in the context of culture.</article-title><publisher-loc>Berkeley</publisher-loc><publisher-name>University of California Press</publisher-name></element-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let refs = &imported.file.references;
    assert_eq!(refs[0].title, "Development of a fatigue scale");
    assert_eq!(
        refs[1].title, "Health care in the U.S.",
        "an abbreviation's stop stays"
    );
    assert_eq!(
        (refs[2].item_type.as_str(), refs[2].title.as_str()),
        ("book", "Patients and healers in the context of culture")
    );
    valid(&imported);
}

#[test]
fn a_chapter_whose_book_only_a_comment_names_has_it_as_its_container() {
    let text = r#"<article><front><article-meta><title-group><article-title>Chapters</article-title></title-group></article-meta></front>
<body><p>Cites <xref ref-type="bibr" rid="r1">[1]</xref>.</p></body>
<back><ref-list>
<ref id="r1"><element-citation publication-type="other"><person-group><name><surname>Virchow</surname><given-names>R</given-names></name></person-group><year>1879</year><article-title>Report on the typhus epidemic in Upper Silesia (1848).</article-title><comment>In:</comment><person-group person-group-type="editor"><name><surname>Rather</surname><given-names>LJ</given-names></name></person-group><comment>editor</comment><comment>Rudolf Virchow: Collected essays on public health and epidemiology</comment><publisher-loc>Canton (MA)</publisher-loc><publisher-name>Science History</publisher-name><fpage>205</fpage><lpage>319</lpage></element-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let chapter = &imported.file.references[0];
    assert_eq!(chapter.item_type, "chapter");
    assert_eq!(
        chapter.title,
        "Report on the typhus epidemic in Upper Silesia (1848)"
    );
    assert_eq!(
        chapter.container_title,
        "Rudolf Virchow: Collected essays on public health and epidemiology"
    );
    assert_eq!(chapter.editor[0].family, "Rather");
    assert_eq!(chapter.page, "205–319");
    assert!(chapter.note.is_empty(), "{}", chapter.note);
    valid(&imported);
}

#[test]
fn a_conference_paper_named_in_a_comment_has_its_proceedings_as_container() {
    let text = r#"<article><front><article-meta><title-group><article-title>Refs</article-title></title-group></article-meta></front>
<body><p>As shown (<xref ref-type="bibr" rid="B02">Araújo; Guimarães, 2017</xref>).</p></body>
<back><ref-list><ref id="B02"><element-citation publication-type="confproc"><person-group person-group-type="author"><name><surname>Araújo</surname><given-names>P. C.</given-names></name></person-group>
<comment>Análise de citação da produção científica</comment><conf-name>Encontro Nacional de Pesquisa em Ciência da Informação</conf-name><conf-date>2017</conf-date><conf-loc>Marília</conf-loc>
<source>Anais</source><publisher-name>UNESP</publisher-name><year>2017</year><fpage>1</fpage><lpage>20</lpage></element-citation></ref></ref-list></back></article>"#;
    let imported = read(text);
    valid(&imported);
    let reference = &imported.file.references[0];
    assert_eq!(reference.item_type, "paper-conference");
    assert_eq!(reference.title, "Análise de citação da produção científica");
    assert_eq!(reference.container_title, "Anais");
    assert_eq!(
        reference.extra.get("event-title").and_then(|v| v.as_str()),
        Some("Encontro Nacional de Pesquisa em Ciência da Informação")
    );
    assert_eq!(
        reference.extra.get("event-place").and_then(|v| v.as_str()),
        Some("Marília")
    );
    assert_eq!(reference.note, "", "the comment is the title, not a note");
}

#[test]
fn names_and_titles_printed_as_text_beside_tagged_fields_are_read() {
    // NLM 2's citations of older articles tag the year, the journal and the first page, and
    // print the authors (in bold) and the title (in italics) as text.
    let text = r#"<article><front><article-meta><title-group><article-title>Refs</article-title></title-group></article-meta></front>
<body><p>Odours are remembered (<xref rid="c1">Algom and Cain, 1991a</xref>; <xref rid="c2">1991b</xref>; <xref rid="c3">Hall, 1990</xref>).</p></body>
<back><ref-list>
<ref id="c1"><citation><bold>Algom, D. </bold>and<bold> Cain, W.S.</bold> (<year>1991a</year>) <italic>Chemosensory representation in perception and memory</italic>. In Bolanowski, S.J. and Gescheider, G.A. (eds), Ratioscaling of Psychological Magnitude. LEA, Hillsdale, NJ, pp. <fpage>183</fpage>–198.</citation></ref>
<ref id="c2"><citation><bold>Algom, D. </bold>and<bold> Cain, W.S.</bold> (<year>1991b</year>) <italic>Remembered odors and mental mixtures</italic>. <source>J. Exp. Psychol.</source>, <volume>17</volume>, <fpage>1100</fpage>–1117.</citation></ref>
<ref id="c3"><citation><bold>Hall, M.</bold> (<year>1990</year>) <source>Odours and Memory</source>. <publisher-name>Wiley</publisher-name>.</citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    valid(&imported);
    let refs = &imported.file.references;
    let chapter = &refs[0];
    assert_eq!(chapter.item_type, "chapter");
    let families = |names: &[crate::corpus::model::CslName]| -> Vec<String> {
        names.iter().map(|n| n.family.clone()).collect()
    };
    assert_eq!(families(&chapter.author), ["Algom", "Cain"]);
    assert_eq!(families(&chapter.editor), ["Bolanowski", "Gescheider"]);
    assert_eq!(
        chapter.title,
        "Chemosensory representation in perception and memory"
    );
    assert_eq!(
        chapter.container_title,
        "Ratioscaling of Psychological Magnitude"
    );
    assert_eq!(
        (year(chapter), chapter.page.as_str()),
        (Some(1991), "183–198"),
        "the tagged first page and the printed last one"
    );
    let article = &refs[1];
    assert_eq!(
        (
            article.item_type.as_str(),
            article.title.as_str(),
            article.container_title.as_str()
        ),
        (
            "article-journal",
            "Remembered odors and mental mixtures",
            "J. Exp. Psychol."
        )
    );
    assert_eq!(families(&article.author), ["Algom", "Cain"]);
    assert_eq!(
        (article.volume.as_str(), article.page.as_str()),
        ("17", "1100–1117")
    );
    // A book whose title is tagged as its source keeps it.
    let book = &refs[2];
    assert_eq!(families(&book.author), ["Hall"]);
    assert_eq!(
        (book.title.as_str(), book.publisher.as_str()),
        ("Odours and Memory", "Wiley")
    );
    assert_eq!(
        paragraph_with(&imported.file, "Odours"),
        "Odours are remembered [(Algom and Cain, 1991a; 1991b; Hall, 1990)]{@c1; @c2; @c3}."
    );
}

#[test]
fn organisations_printed_before_a_tagged_title_are_the_authors() {
    let text = r#"<article><front><article-meta><title-group><article-title>Groups</article-title></title-group></article-meta></front>
<body><p>Cites <xref ref-type="bibr" rid="b1">1</xref>, <xref ref-type="bibr" rid="b2">2</xref>, <xref ref-type="bibr" rid="b3">3</xref>, <xref ref-type="bibr" rid="b4">4</xref>, <xref ref-type="bibr" rid="b5">5</xref> and <xref ref-type="bibr" rid="b6">6</xref>.</p></body>
<back><ref-list>
<ref id="b1"><mixed-citation publication-type="journal">World Health Organization. <source>World Malaria Report: 2013</source> World Health Organization (<year>2013</year>).</mixed-citation></ref>
<ref id="b2"><mixed-citation>3. World Health Organization, United Nations University; The United Nations Children's Fund. <article-title>Iron deficiency anaemia</article-title>. <year>2001</year>.</mixed-citation></ref>
<ref id="b3"><mixed-citation>Smith J, Jones K. <article-title>Untagged people</article-title>. <source>Lancet</source> <year>2001</year>.</mixed-citation></ref>
<ref id="b4"><element-citation>Department of Health <source>Plan</source><year>2003</year></element-citation></ref>
<ref id="b5"><mixed-citation publication-type="journal">Putt ED. <year>1940</year>. <article-title>Flowering in the sunflower</article-title>. <source>Sci Agric</source> <volume>21</volume>:<fpage>167</fpage>.</mixed-citation></ref>
<ref id="b6"><mixed-citation publication-type="journal">Putt ED. Personal communication. <year>1940</year>. <article-title>Flowering again</article-title>. <source>Sci Agric</source> <volume>21</volume>:<fpage>168</fpage>.</mixed-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let authors = |n: usize| -> Vec<String> {
        imported.file.references[n]
            .author
            .iter()
            .map(|name| name.literal.clone())
            .collect()
    };
    assert_eq!(authors(0), ["World Health Organization"]);
    assert_eq!(
        imported.file.references[0].title,
        "World Malaria Report: 2013"
    );
    assert_eq!(
        authors(1),
        [
            "World Health Organization",
            "United Nations University",
            "The United Nations Children's Fund"
        ],
        "each organisation of the list, its number left out"
    );
    assert_eq!(
        authors_of(&imported.file.references[2]),
        [("Smith", "J.", ""), ("Jones", "K.", "")],
        "people's names printed as text are people, not organisations"
    );
    assert!(
        authors(3).is_empty(),
        "an element citation's stray words are not read"
    );
    let putt = &imported.file.references[4].author;
    assert_eq!(
        (putt.len(), putt[0].family.as_str(), putt[0].given.as_str()),
        (1, "Putt", "E. D."),
        "Vancouver's family name and initials before the tagged year"
    );
    assert!(
        imported.file.references[5].author.is_empty(),
        "words before the first field that name no one keep the entry unread"
    );
    valid(&imported);
}

#[test]
fn a_physics_entry_without_an_article_title_is_in_its_journal() {
    let text = r#"<article><front><article-meta><title-group><article-title>Physics</article-title></title-group></article-meta></front>
<body><p>Quarkonia [<xref ref-type="bibr" rid="bib1">1</xref>], a standard [<xref ref-type="bibr" rid="bib2">2</xref>], a review [<xref ref-type="bibr" rid="bib3">3</xref>] and a letter [<xref ref-type="bibr" rid="bib4">4</xref>].</p></body>
<back><ref-list>
<ref id="bib1"><label>[1]</label><mixed-citation publication-type="journal"><person-group person-group-type="author"><string-name><given-names>H.-T.</given-names> <surname>Ding</surname></string-name></person-group>, <source>Nucl. Phys. A</source>. <volume>982</volume>, <fpage>715</fpage> (<year>2019</year>).<pub-id pub-id-type="doi">10.1016/j.x.2018.09.075</pub-id></mixed-citation></ref>
<ref id="bib3"><label>[3]</label><mixed-citation publication-type="journal"><string-name><given-names>A. C.</given-names> <surname>Hayday</surname></string-name>, <source>Annu. Rev. Immunol.</source>, in press.</mixed-citation></ref>
<ref id="bib4"><label>[4]</label><mixed-citation publication-type="journal"><string-name><given-names>B.</given-names> <surname>Vantourout</surname></string-name>, <source>Nat. Commun.</source> doi:<pub-id pub-id-type="doi">10.1038/x.1</pub-id>.</mixed-citation></ref>
<ref id="bib2"><label>[2]</label><mixed-citation publication-type="journal"><collab>ISO 14044</collab>. <source>Environmental management—Life cycle assessment</source>. <year>2006</year>;<volume>2006</volume>: <fpage>46</fpage>.</mixed-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let physics = &imported.file.references[0];
    assert_eq!(
        (physics.title.as_str(), physics.container_title.as_str()),
        ("", "Nucl. Phys. A"),
        "the abbreviated journal is the container, the entry printed without a title"
    );
    assert_eq!(
        (physics.volume.as_str(), physics.page.as_str()),
        ("982", "715")
    );
    assert_eq!(
        physics.printed(),
        Some("H.-T. Ding, Nucl. Phys. A. 982, 715 (2019). 10.1016/j.x.2018.09.075"),
        "the DOI printed after the entry's full stop, a space between them"
    );
    let in_press = &imported.file.references[1];
    assert_eq!(
        (in_press.title.as_str(), in_press.container_title.as_str()),
        ("", "Annu. Rev. Immunol."),
        "an article in press, printed without its title, is in its journal"
    );
    let online = &imported.file.references[2];
    assert_eq!(
        (online.title.as_str(), online.container_title.as_str()),
        ("", "Nat. Commun."),
        "so is an article published online, with its DOI"
    );
    let standard = &imported.file.references[3];
    assert_eq!(
        standard.title, "Environmental management—Life cycle assessment",
        "a source written out stays the work's title"
    );
    let corpus = valid(&imported);
    assert!(
        corpus
            .warnings
            .iter()
            .all(|w| !w.message.contains("no title")),
        "{:?}",
        corpus.warnings
    );
}

#[test]
fn a_reference_listed_twice_word_for_word_is_read_once() {
    let entry = r#"<ref id="ref-k18"><element-citation publication-type="paper-conference"><person-group person-group-type="author"><name><surname>Kersten</surname><given-names>Timo</given-names></name></person-group><article-title>Everything you always wanted to know about compiled and vectorized queries</article-title><source>VLDB</source><year>2018</year></element-citation></ref>"#;
    let other = r#"<ref id="ref-k18"><element-citation><person-group person-group-type="author"><name><surname>Other</surname><given-names>A</given-names></name></person-group><article-title>Another work under the same key</article-title><year>2019</year></element-citation></ref>"#;
    let text = format!(
        r#"<article><front><article-meta><title-group><article-title>Twice</article-title></title-group></article-meta></front>
<body><p>As shown (<xref ref-type="bibr" rid="ref-k18">2018</xref>).</p></body>
<back><ref-list>{entry}
{entry}
{other}</ref-list></back></article>"#
    );
    let imported = read(&text);
    let titles = crate::corpus::model::titles_of(&imported.file.references);
    assert_eq!(
        titles,
        [
            "Everything you always wanted to know about compiled and vectorized queries",
            "Another work under the same key"
        ],
        "the repeat is read once; another work under the same id is kept"
    );
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.message
                == "1 reference listed twice, word for word under the same id, read once"),
        "{:#?}",
        imported.diagnostics
    );
}

#[test]
fn pandoc_s_csl_types_and_a_group_written_as_a_person_are_read() {
    // Pandoc's JATS (JOSS) types each citation by CSL's own names, and writes a group its
    // bibliography left unbraced as a person.
    let text = r#"<article><front><article-meta><title-group><article-title>Pandoc</article-title></title-group></article-meta></front>
<body><p>Forests (<xref ref-type="bibr" rid="ref-b">Breiman, 2001</xref>; <xref ref-type="bibr" rid="ref-k">Kersten, 2018</xref>; <xref ref-type="bibr" rid="ref-f">Bengtsson &amp; Team, 2020</xref>).</p></body>
<back><ref-list>
<ref id="ref-b"><element-citation publication-type="article-journal"><person-group person-group-type="author"><name><surname>Breiman</surname><given-names>Leo</given-names></name></person-group><article-title>Random forests</article-title><source>Machine Learning</source><year iso-8601-date="2001-10">2001</year><month>10</month><volume>45</volume><issue>1</issue></element-citation></ref>
<ref id="ref-k"><element-citation publication-type="paper-conference"><person-group person-group-type="author"><name><surname>Kersten</surname><given-names>Timo</given-names></name></person-group><article-title>Compiled and vectorized queries</article-title><source>Proceedings of the VLDB Endowment</source><year>2018</year></element-citation></ref>
<ref id="ref-f"><element-citation publication-type="software"><person-group person-group-type="author"><name><surname>Bengtsson</surname><given-names>Henrik</given-names></name><name><surname>Team</surname><given-names>R Core</given-names></name></person-group><article-title>Future.apply</article-title><year>2020</year></element-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let refs = &imported.file.references;
    let types: Vec<&str> = refs.iter().map(|r| r.item_type.as_str()).collect();
    assert_eq!(types, ["article-journal", "paper-conference", "software"]);
    assert_eq!(refs[0].container_title, "Machine Learning");
    assert_eq!(
        authors_of(&refs[2]),
        [("Bengtsson", "Henrik", ""), ("", "", "R Core Team")],
        "the group is named as it names itself"
    );
    valid(&imported);
}

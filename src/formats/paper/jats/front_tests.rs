//! The JATS importer's front matter on small articles: title, authors, affiliations and
//! keywords.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{article, read, titles_and_texts, valid};

#[test]
fn front_matter_is_read() {
    let text = r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta>
<title-group><article-title>Cells <italic>in vitro</italic></article-title></title-group>
<contrib-group>
<contrib contrib-type="author" corresp="yes"><contrib-id contrib-id-type="orcid">https://orcid.org/0000-0002-1825-0097</contrib-id><name><surname>Carberry</surname><given-names>Josiah</given-names></name><xref ref-type="aff" rid="a1"><sup>1</sup></xref><xref ref-type="corresp" rid="c1">*</xref></contrib>
<contrib contrib-type="author"><collab>The Test Consortium</collab><xref ref-type="aff" rid="a1">1</xref></contrib>
<contrib contrib-type="editor"><name><surname>Editor</surname><given-names>E</given-names></name></contrib>
</contrib-group>
<aff id="a1"><label>1</label> <institution>Brown University</institution>, <addr-line>Providence, RI</addr-line></aff>
<author-notes><corresp id="c1">* E-mail: <email>josiah@example.org</email></corresp></author-notes>
<pub-date pub-type="collection"><year>2015</year></pub-date>
<pub-date pub-type="epub"><day>7</day><month>3</month><year>2015</year></pub-date>
<history><date date-type="received"><day>4</day><month>11</month><year>2014</year></date><date date-type="accepted"><month>Feb</month><year>2015</year></date></history>
<permissions><license xlink:href="https://creativecommons.org/licenses/by/4.0/"><license-p>Distributed under CC BY.</license-p></license></permissions>
<abstract abstract-type="summary"><p>Not this one.</p></abstract>
<abstract><sec><title>Background</title><p>Why.</p></sec><sec><title>Results:</title><p>What <italic>we</italic> found.</p></sec></abstract>
<kwd-group><kwd>cells</kwd><kwd>tests</kwd></kwd-group>
</article-meta></front><body><p>Text.</p></body></article>"#;
    let imported = read(text);
    let paper = &imported.file.paper;
    assert_eq!(paper.title, "Cells in vitro");
    assert_eq!(paper.authors.len(), 2, "the editor is not an author");
    let first = &paper.authors[0];
    assert_eq!(first.name, "Josiah Carberry");
    assert_eq!(first.orcid, "https://orcid.org/0000-0002-1825-0097");
    assert!(first.corresponding);
    assert_eq!(first.email, "josiah@example.org");
    assert_eq!(first.affiliation, "Brown University, Providence, RI");
    let group = &paper.authors[1];
    assert_eq!(group.name, "The Test Consortium");
    assert!(group.group && !group.corresponding);
    assert_eq!(paper.affiliation, "Brown University, Providence, RI");
    assert_eq!(paper.date, "2015-03-07");
    let history: Vec<(&str, &str)> = paper
        .history
        .iter()
        .map(|h| (h.event.as_str(), h.date.as_str()))
        .collect();
    assert_eq!(
        history,
        [("received", "2014-11-04"), ("accepted", "2015-02")]
    );
    assert_eq!(paper.license.name, "CC BY 4.0");
    assert_eq!(
        paper.license.url,
        "https://creativecommons.org/licenses/by/4.0/"
    );
    assert_eq!(paper.license.statement, "Distributed under CC BY.");
    assert_eq!(paper.keywords, ["cells", "tests"]);
    // A section title printed with its colon (as the British Journal of Cancer writes them)
    // gets no second one.
    assert_eq!(
        paper.abstract_text,
        "Background: Why.\n\nResults: What we found."
    );
    valid(&imported);
}

#[test]
fn authors_with_different_affiliations_leave_the_paper_affiliation_empty() {
    let text = r#"<article><front><article-meta><title-group><article-title>T</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>A</surname><given-names>B</given-names></name><xref ref-type="aff" rid="x1"/></contrib>
<contrib contrib-type="author"><name><surname>C</surname><given-names>D</given-names></name><xref ref-type="aff" rid="x2"/></contrib></contrib-group>
<aff id="x1"><sup>1</sup> One</aff><aff id="x2"><sup>2</sup> Two</aff></article-meta></front><body><p>x</p></body></article>"#;
    let paper = read(text).file.paper;
    assert_eq!(paper.authors[0].affiliation, "One");
    assert_eq!(paper.authors[1].affiliation, "Two");
    assert_eq!(paper.affiliation, "");
}

#[test]
fn affiliations_without_links_are_every_authors() {
    let text = r#"<article xmlns:ali="http://www.niso.org/schemas/ali/1.0/"><front><article-meta><title-group><article-title>T</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>A</surname><given-names>B</given-names></name></contrib>
<contrib contrib-type="author"><name><surname>C</surname><given-names>D</given-names></name></contrib></contrib-group>
<aff>Only One Institute</aff>
<permissions><license><ali:license_ref>https://creativecommons.org/licenses/by-sa/4.0/</ali:license_ref><license-p>Shared alike.</license-p></license></permissions>
</article-meta></front><body><p>x</p></body></article>"#;
    let paper = read(text).file.paper;
    assert_eq!(paper.authors[1].affiliation, "Only One Institute");
    assert_eq!(paper.affiliation, "Only One Institute");
    assert_eq!(paper.license.name, "CC BY-SA 4.0");
    assert_eq!(
        paper.license.url,
        "https://creativecommons.org/licenses/by-sa/4.0/"
    );
    assert_eq!(paper.license.statement, "Shared alike.");
}

#[test]
fn an_affiliation_given_in_parts_and_as_printed_reads_as_printed() {
    // SciELO: the parts, then the affiliation as printed and as a registry names it.
    let text = r#"<article><front><article-meta><title-group><article-title>T</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>A</surname><given-names>B</given-names></name><xref ref-type="aff" rid="aff1"><sup>1</sup></xref></contrib>
<contrib contrib-type="author"><name><surname>C</surname><given-names>D</given-names></name><xref ref-type="aff" rid="aff2"><sup>2</sup></xref></contrib></contrib-group>
<aff id="aff1"><label>1</label><institution content-type="orgname">Universidad de Ejemplo</institution>
<addr-line><named-content content-type="city">Neiva</named-content></addr-line><country country="CO">Colombia</country>
<institution content-type="original">Universidad de Ejemplo, sede
  Neiva. COLOMBIA</institution><institution content-type="normalized">Universidad de Ejemplo</institution></aff>
<aff id="aff2"><label>2</label><institution content-type="orgname">Instituto Dos</institution>, <country>Chile</country>
<institution content-type="normalized">Instituto Dos</institution></aff>
</article-meta></front><body><p>x</p></body></article>"#;
    let paper = read(text).file.paper;
    assert_eq!(
        paper.authors[0].affiliation,
        "Universidad de Ejemplo, sede Neiva. COLOMBIA"
    );
    assert_eq!(
        paper.authors[1].affiliation, "Instituto Dos, Chile",
        "without the printed form, the parts and not the registry's name"
    );
}

#[test]
fn an_indented_affiliation_has_no_space_before_its_commas() {
    let text = r#"<article><front><article-meta><title-group><article-title>T</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>A</surname><given-names>B</given-names></name><xref ref-type="aff" rid="aff1">1</xref></contrib>
<aff id="aff1">
    <label>1</label>
    <institution>University of California, Berkeley</institution>,
    <addr-line>
        <named-content content-type="city">Berkeley</named-content>
    </addr-line>, <country>United States</country>
</aff></contrib-group>
</article-meta></front><body><p>x</p></body></article>"#;
    let paper = read(text).file.paper;
    assert_eq!(
        paper.authors[0].affiliation,
        "University of California, Berkeley, Berkeley, United States"
    );
}

#[test]
fn keywords_are_those_of_the_articles_language() {
    let text = |lang: &str| {
        format!(
            r#"<article {lang}><front><article-meta><title-group><article-title>T</article-title></title-group>
<kwd-group xml:lang="es"><kwd>Validación externa</kwd></kwd-group><kwd-group xml:lang="en"><kwd>External validation</kwd></kwd-group><kwd-group><kwd>Sin idioma</kwd></kwd-group>
</article-meta></front><body><p>x</p></body></article>"#
        )
    };
    let keywords = |lang: &str| read(&text(lang)).file.paper.keywords;
    assert_eq!(
        keywords(r#"xml:lang="es-CO""#),
        ["Validación externa", "Sin idioma"]
    );
    assert_eq!(
        keywords(""),
        ["Validación externa", "External validation", "Sin idioma"],
        "an article that does not say its language keeps every group"
    );
    assert_eq!(
        keywords(r#"xml:lang="pt""#),
        ["Sin idioma"],
        "only the group of no language is left"
    );
}

#[test]
fn an_affiliation_is_read_without_its_registry_ids() {
    let text = r#"<article><front><article-meta><title-group><article-title>T</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>A</surname><given-names>B</given-names></name><xref ref-type="aff" rid="Aff1">1</xref></contrib></contrib-group>
<aff id="Aff1"><label>1</label><institution-wrap><institution-id institution-id-type="GRID">grid.444487.f</institution-id><institution-id institution-id-type="ISNI">0000 0004 0634 0540</institution-id><institution>Department of Applied Sciences, </institution><institution>Universiti Teknologi PETRONAS, </institution></institution-wrap>32610 Seri Iskandar, Malaysia </aff>
</article-meta></front><body><p>x</p></body></article>"#;
    let paper = read(text).file.paper;
    assert_eq!(
        paper.authors[0].affiliation,
        "Department of Applied Sciences, Universiti Teknologi PETRONAS, 32610 Seri Iskandar, Malaysia"
    );
}

#[test]
fn summaries_for_readers_are_sections_before_the_text() {
    let text = r#"<article><front><article-meta><title-group><article-title>T</article-title></title-group>
<abstract><p>The abstract.</p></abstract>
<abstract abstract-type="summary"><title>Author Summary</title><p>Worms are counted.</p></abstract>
<abstract abstract-type="executive-summary"><object-id pub-id-type="doi">10.7554/eLife.1.002</object-id><title>eLife digest</title><p>Cells keep their lipids.</p><p><bold>DOI:</bold> <ext-link ext-link-type="doi" xlink:href="10.7554/eLife.1.002">http://dx.doi.org/10.7554/eLife.1.002</ext-link></p></abstract>
<abstract abstract-type="toc"><p>A teaser.</p></abstract>
</article-meta></front><body><sec><title/><p>Opening text.</p></sec><sec><title>Introduction</title><p>Text.</p></sec></body></article>"#;
    let file = read(text).file;
    assert_eq!(file.paper.abstract_text, "The abstract.");
    let sections = titles_and_texts(&file);
    assert_eq!(
        sections,
        [
            ("Author Summary", vec!["Worms are counted."]),
            ("eLife digest", vec!["Cells keep their lipids."]),
            ("T", vec!["Opening text."]),
            ("Introduction", vec!["Text."])
        ],
        "the teaser is not printed with the article; the digest's DOI line is left out; the \
         text before the first heading is not the digest's"
    );
}

#[test]
fn an_abstract_that_cites_works_is_the_first_section_and_its_citations_link() {
    // eLife 06003 cites three works in its abstract, one of them nowhere else.
    let text = article(
        r#"<sec><title>Introduction</title><p>Text [<xref ref-type="bibr" rid="b2">2</xref>].</p></sec>"#,
        "",
    )
    .replace(
        "</title-group></article-meta>",
        r#"</title-group><abstract><object-id pub-id-type="doi">10.1/a</object-id><p>Lipids turn over [<xref ref-type="bibr" rid="b1">1</xref>].</p></abstract></article-meta>"#,
    );
    let imported = read(&text);
    let file = &imported.file;
    assert_eq!(file.paper.abstract_text, "", "not shown twice");
    assert_eq!(file.sections[0].title, "Abstract");
    let corpus = valid(&imported);
    let cited: Vec<&str> = corpus
        .index
        .citations
        .iter()
        .flat_map(|c| c.references.iter())
        .filter_map(|&r| corpus.file.references.get(r))
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(cited, ["b1", "b2"], "the abstract's citation first, linked");
}

#[test]
fn a_publishers_own_article_xml_is_named_for_what_it_is() {
    use crate::formats::paper::{ImportOptions, PaperKind, import};
    // Elsevier's full-text XML: its own parts, in its own namespace.
    let elsevier = r#"<?xml version="1.0"?>
<article xmlns="http://www.elsevier.com/xml/ja/dtd" xmlns:ce="http://www.elsevier.com/xml/common/dtd" version="5.0">
<item-info><jid>JID</jid></item-info><ce:floats/><head><ce:title>A title</ce:title></head>
<body><ce:sections><ce:para>Text.</ce:para></ce:sections></body><tail/></article>"#;
    // IOP's header DTD: a <body> and <back> as JATS has, but its front is its own.
    let iop = "<article artid=\"j1\"><article-metadata><jnl-data/></article-metadata>\
<header><title-group><title>A title</title></title-group></header>\
<body><p>Text.</p></body><back><references/></back></article>";
    // Nature's legacy XML.
    let nature = "<article id=\"1\"><pubfm/><fm><atl>A title</atl></fm><bdy><p>Text.</p></bdy>\
<bm/><bm/><bm/><bm/><x1/><x2/></article>";
    for (text, parts) in [
        (elsevier, "<item-info>, <ce:floats>, <head>, <body>, <tail>"),
        (iop, "<article-metadata>, <header>, <body>, <back>"),
        (nature, "<pubfm>, <fm>, <bdy>, <bm>, <x1>, …"),
    ] {
        let error = import(PaperKind::Jats, text, &ImportOptions::default()).expect_err("not JATS");
        assert!(
            error
                .message
                .contains("this XML's root is an <article>, but not a JATS one"),
            "{}",
            error.message
        );
        assert!(error.message.contains(parts), "{}", error.message);
        assert!(error.hint.contains("PubMed Central"), "{}", error.hint);
        assert!(error.location.is_some());
    }
    let namespaced =
        import(PaperKind::Jats, elsevier, &ImportOptions::default()).expect_err("not JATS");
    assert!(
        namespaced
            .message
            .contains("in the namespace `http://www.elsevier.com/xml/ja/dtd`"),
        "{}",
        namespaced.message
    );
    // JATS stays JATS: a front with anything beside it, or JATS's parts alone.
    for text in [
        "<article><front><article-meta><title-group><article-title>T</article-title>\
</title-group></article-meta></front><extra/><body><p>Text.</p></body></article>",
        "<article><body><p>Text.</p></body><back/></article>",
        "<article xmlns=\"http://jats.nlm.nih.gov\"><body><p>Text.</p></body></article>",
    ] {
        import(PaperKind::Jats, text, &ImportOptions::default()).expect("JATS");
    }
}

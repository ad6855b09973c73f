//! The JATS importer on what Copernicus's journals (ACP, HESS, GMD …) write: tables in the
//! OASIS exchange model, figures and tables without labels, citations without `xref`s, and
//! reference entries of every field after a comma.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{article, header_spans, paragraph_with, read, valid};
use crate::corpus::cite::year;
use crate::corpus::item::Item;

#[test]
fn an_oasis_table_is_read_with_its_spans_and_named_columns() {
    // As Copernicus writes tables: the OASIS exchange model JATS allows beside XHTML's.
    let body = r#"<sec><title>Results</title><p>See <xref ref-type="table" rid="t1">Table 1</xref>.</p>
<table-wrap id="t1"><label>Table 1</label><caption><p>Slopes.</p></caption>
<oasis:table xmlns:oasis="http://docs.oasis-open.org/ns/oasis-exchange/table"><oasis:tgroup cols="4">
<oasis:colspec colnum="1" colname="c1"/><oasis:colspec colname="c2"/><oasis:colspec colname="c3"/><oasis:colspec colname="c4"/>
<oasis:spanspec spanname="all" namest="c1" nameend="c4"/>
<oasis:thead><oasis:row><oasis:entry colname="c1">Ratio</oasis:entry><oasis:entry namest="c2" nameend="c4">Slope</oasis:entry></oasis:row>
<oasis:row><oasis:entry colname="c1"/><oasis:entry colname="c2">Mean</oasis:entry><oasis:entry colname="c3">Median</oasis:entry><oasis:entry colname="c4">N</oasis:entry></oasis:row></oasis:thead>
<oasis:tbody><oasis:row><oasis:entry colname="c1" morerows="1">GEM / CO</oasis:entry><oasis:entry colname="c2">7.3</oasis:entry><oasis:entry colname="c3">7.5</oasis:entry><oasis:entry colname="c4">37</oasis:entry></oasis:row>
<oasis:row><oasis:entry colname="c2">7.8</oasis:entry><oasis:entry colname="c4">40</oasis:entry></oasis:row>
<oasis:row><oasis:entry spanname="all">All regions pooled</oasis:entry></oasis:row></oasis:tbody>
</oasis:tgroup></oasis:table></table-wrap></sec>"#;
    let imported = read(&article(body, ""));
    let table = imported.file.tables.first().expect("the table is read");
    assert_eq!(
        header_spans(table),
        [
            vec![("Ratio", 1), ("Slope", 3)],
            vec![("", 1), ("Mean", 1), ("Median", 1), ("N", 1)]
        ]
    );
    assert_eq!(
        crate::corpus::model::cells_of(table),
        [
            vec!["GEM / CO", "7.3", "7.5", "37"],
            vec!["GEM / CO", "7.8", "", "40"],
            vec!["All regions pooled", "", "", ""],
        ],
        "a cell spans down by `morerows`; an entry naming a column further on leaves the one \
         before it empty; a named span covers its columns"
    );
    assert!(
        !imported
            .diagnostics
            .iter()
            .any(|d| d.message.contains("without cells")),
        "{:?}",
        imported.diagnostics
    );
}

#[test]
fn copernicus_s_entries_and_its_unmarked_citations_are_read() {
    // Copernicus (ACP, HESS, …): no `xref` at all, and entries as `Authors: Title, Journal,
    // volume, pages, DOI, year.` in `mixed-citation`.
    let text = r#"<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group><article-title>Mercury</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title><p>Emissions rose (Brunke et al.,
2001; Nriagu, 1989), as Ebinghaus et&#160;al. (2007) found.</p></sec></body>
<back><ref-list><title>References</title>
<ref id="bib1.bib1"><label>1</label><mixed-citation>Brunke, E. G., Labuschagne, C., and Slemr, F.: Gaseous mercury emissions from a fire in the Cape Peninsula, South Africa, during January 2000, Geophys.
Res. Lett., 28, 1483–1486, <ext-link xlink:href="http://dx.doi.org/10.1029/2000gl012193" ext-link-type="DOI">10.1029/2000gl012193</ext-link>, 2001.</mixed-citation></ref>
<ref id="bib1.bib2"><label>2</label><mixed-citation>Ebinghaus, R., Slemr, F., van Velthoven, P., Van Heyst, B., and Oram, D. E.: Emissions of gaseous mercury from biomass burning, Geophys. Res. Lett., 34, L08813, 2007.</mixed-citation></ref>
<ref id="bib1.bib3"><label>3</label><mixed-citation>Nriagu, J. O.: A global assessment of natural sources of atmospheric trace-metals, Nature, 338, 47–49, 1989.</mixed-citation></ref>
</ref-list></back></article>"#;
    let imported = read(text);
    let file = &imported.file;
    let authors: Vec<Vec<String>> = file
        .references
        .iter()
        .map(|r| {
            r.author
                .iter()
                .map(|a| format!("{} {}", a.non_dropping_particle, a.family))
                .map(|name| name.trim().to_owned())
                .collect()
        })
        .collect();
    assert_eq!(
        authors,
        [
            vec!["Brunke", "Labuschagne", "Slemr"],
            vec!["Ebinghaus", "Slemr", "van Velthoven", "Van Heyst", "Oram"],
            vec!["Nriagu"]
        ]
    );
    let read_as: Vec<(&str, &str, &str, &str, Option<i32>)> = file
        .references
        .iter()
        .map(|r| {
            (
                r.title.as_str(),
                r.container_title.as_str(),
                r.volume.as_str(),
                r.page.as_str(),
                year(r),
            )
        })
        .collect();
    assert_eq!(
        read_as,
        [
            (
                "Gaseous mercury emissions from a fire in the Cape Peninsula, South Africa, \
                 during January 2000",
                "Geophys. Res. Lett.",
                "28",
                "1483–1486",
                Some(2001)
            ),
            (
                "Emissions of gaseous mercury from biomass burning",
                "Geophys. Res. Lett.",
                "34",
                "L08813",
                Some(2007)
            ),
            (
                "A global assessment of natural sources of atmospheric trace-metals",
                "Nature",
                "338",
                "47–49",
                Some(1989)
            ),
        ]
    );
    assert_eq!(
        paragraph_with(file, "Emissions rose"),
        "Emissions rose ([Brunke et al., 2001]{@bib1.bib1}; [Nriagu, 1989]{@bib1.bib3}), as \
         [Ebinghaus et al. (2007)]{@bib1.bib2} found."
    );
    valid(&imported);
}

#[test]
fn figures_and_tables_of_an_article_that_labels_none_are_labelled_by_their_place() {
    let body = r#"<sec><title>Results</title><p>As Fig. 2 and Table 1 show.</p>
<fig id="Ch1.F1"><caption><p>Sites.</p></caption><graphic xlink:href="f01.png"/></fig>
<fig id="Ch1.F2"><caption><p>Slopes.</p></caption><graphic xlink:href="f02.png"/></fig>
<table-wrap id="Ch1.T1"><caption><p>Summary.</p></caption><table><tr><td>a</td><td>1</td></tr></table></table-wrap>
<table-wrap id="inline1" position="anchor"><table><tr><td>set in the line</td></tr></table></table-wrap>
</sec>"#;
    let imported = read(&article(body, ""));
    let file = &imported.file;
    let labels: Vec<&str> = file
        .figures
        .iter()
        .map(|f| f.label.as_str())
        .chain(file.tables.iter().map(|t| t.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        ["Figure 1", "Figure 2", "Table 1", ""],
        "a table set in the line is not numbered"
    );
    let corpus = valid(&imported);
    let paragraph = corpus
        .index
        .paragraphs
        .iter()
        .position(|p| p.printed.starts_with("As Fig. 2"))
        .expect("the paragraph");
    for item in [Item::Figure(1), Item::Table(0)] {
        assert_eq!(
            corpus.index.paragraphs_naming(item),
            [paragraph],
            "the text's `Fig. 2` and `Table 1` name {item:?}"
        );
    }
    // One label among them: the others are left as the source gives them.
    let labelled = body.replace(
        r#"<fig id="Ch1.F2">"#,
        r#"<fig id="Ch1.F2"><label>Figure 2</label>"#,
    );
    let figure_labels = |body: &str| -> Vec<String> {
        let imported = read(&article(body, ""));
        imported.file.figures.into_iter().map(|f| f.label).collect()
    };
    assert_eq!(figure_labels(&labelled), ["", "Figure 2"]);
    // Pandoc (JOSS) gives its figures neither a label nor an id; an image without a caption
    // (a book's cover) is no numbered figure, and the count goes on past it.
    let joss = r#"<sec><title>Design</title><p>The object.</p>
<fig><caption><p><bold>Structure of the object.</bold></p></caption><graphic xlink:href="media/a.png"/></fig>
<fig><graphic xlink:href="media/cover.png"/></fig>
<fig><caption><p>Its ecosystem.</p></caption><graphic xlink:href="media/b.png"/></fig></sec>"#;
    assert_eq!(figure_labels(joss), ["Figure 1", "Figure", "Figure 2"]);
}

//! The front of a Markdown paper without a YAML header, as PDF converters write one: the
//! title, the author block and the abstract read from the first heading and what follows it.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{paragraphs, read_with, valid};

/// As Nougat writes a paper's first page: the title broken over two lines, each author's name,
/// institution and address on lines of their own, a footnote to the title among them.
const CONVERTED: &str = "# An Aggregated Multicolumn Dilated Convolution Network\n\n\
for Perspective-Free Counting\n\n\
Diptodip Deb\n\nGeorgia Institute of Technology\n\ndiptodipdeb@gatech.edu\n\n\
1. Code is available at https://example.org/code\n\n\
Jonathan Ventura\n\njventura@uccs.edu\n\nBarret Zoph\n\nzoph@example.org\n\n\
Google Brain\n\n\
###### Abstract\n\nWe propose dilated filters for counting.\n\n\
## 1 Introduction\n\nCounting is hard.\n";

#[test]
fn a_converter_s_front_gives_the_title_authors_and_abstract() {
    let imported = read_with(CONVERTED, &[]);
    valid(&imported);
    let paper = &imported.file.paper;
    assert_eq!(
        paper.title,
        "An Aggregated Multicolumn Dilated Convolution Network for Perspective-Free Counting"
    );
    let authors: Vec<(&str, &str, &str)> = paper
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.affiliation.as_str(), a.email.as_str()))
        .collect();
    assert_eq!(
        authors,
        [
            (
                "Diptodip Deb",
                "Georgia Institute of Technology",
                "diptodipdeb@gatech.edu"
            ),
            ("Jonathan Ventura", "Google Brain", "jventura@uccs.edu"),
            ("Barret Zoph", "Google Brain", "zoph@example.org"),
        ],
        "an institution is that of each author named since the last one"
    );
    assert_eq!(
        paper.abstract_text,
        "We propose dilated filters for counting."
    );
    let titles: Vec<&str> = imported
        .file
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert!(!titles.contains(&"Abstract"), "{titles:?}");
    assert_eq!(
        paragraphs(&imported.file),
        [
            "1. Code is available at https://example.org/code",
            "Counting is hard."
        ],
        "a footnote to the title stays in the text"
    );
}

#[test]
fn an_abstract_that_cites_stays_a_section_and_a_paper_without_an_author_block_keeps_its_heading() {
    let citing = CONVERTED.replace(
        "We propose dilated filters for counting.",
        "We build on earlier work (Zhang et al., 2016).",
    );
    let imported = read_with(&citing, &[]);
    assert_eq!(imported.file.paper.authors.len(), 3);
    assert_eq!(imported.file.paper.abstract_text, "");
    assert!(imported.file.sections.iter().any(|s| s.title == "Abstract"));

    let prose = "# Field notes\n\nWe walked along the river for three days and counted every \
                 heron we saw on the way, writing down the time, the place and the weather.\n\n\
                 ## Results\n\nMany herons.\n";
    let imported = read_with(prose, &[]);
    assert_eq!(imported.file.paper.title, "Field notes");
    assert!(imported.file.paper.authors.is_empty());
    assert!(
        imported
            .file
            .sections
            .iter()
            .any(|s| s.title == "Field notes"),
        "the first heading stays a section of the text"
    );

    // A YAML header giving the title leaves the text's front as written.
    let headed = format!("---\ntitle: Counting\n---\n\n{CONVERTED}");
    let imported = read_with(&headed, &[]);
    assert_eq!(imported.file.paper.title, "Counting");
    assert!(imported.file.paper.authors.is_empty());
}

#[test]
fn a_line_listing_the_authors_and_one_listing_their_institutions_are_read() {
    // As docling writes a JATS article's front: the names on one line, the institutions on
    // the next, none said to be whose.
    let text = "# Risk factors of failing surveys\n\n\
                Clara R. Burgert-Brucker, Kathryn L. Zoerhoff, Nko'Ayissi Georges, Biholong \
                Benjamin Didier, and Molly Brady\n\n\
                Global Health Division, RTI International, Washington, DC, United States of \
                America; Global Health, Population, and Nutrition, FHI 360, Washington, DC; \
                Ministry of Health, Cotonou, Benin; Georgetown University, Washington, DC\n\n\
                ## Abstract\n\nAchieving elimination requires five rounds.\n\n\
                ## Introduction\n\nText.\n";
    let imported = read_with(text, &[]);
    let paper = &imported.file.paper;
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Clara R. Burgert-Brucker",
            "Kathryn L. Zoerhoff",
            "Nko'Ayissi Georges",
            "Biholong Benjamin Didier",
            "Molly Brady"
        ]
    );
    assert!(
        paper
            .affiliation
            .starts_with("Global Health Division, RTI International")
    );
    assert!(paper.authors.iter().all(|a| a.affiliation.is_empty()));
    assert_eq!(
        paper.abstract_text,
        "Achieving elimination requires five rounds."
    );

    // A paragraph of prose after a name is no list of institutions, though it has commas:
    // the text starts there, and the front is left as written.
    let prose = "# Field notes\n\nJane Doe\n\nWe walked along the river, counted herons, \
                 cranes and egrets, and wrote it down. Then we went home, tired, wet and \
                 happy, and slept.\n\n## Results\n\nMany herons.\n";
    assert!(read_with(prose, &[]).file.paper.authors.is_empty());
}

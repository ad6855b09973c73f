//! Small TEI documents for what GROBID takes for the body's parts and is not: page furniture
//! and running heads as heads, a running footer as a footnote, authors' roles as heads.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{read, tei, valid};

#[test]
fn a_running_footer_grobid_files_as_a_footnote_and_its_list_of_funders_are_left_out() {
    let body = r##"<div><head n="1">Intro</head><p>Code is online<ref type="foot" target="#foot_1">1</ref>.</p></div>
<note place="foot" xml:id="foot_0"><p>Nature Plants | Volume 9 | September 2023 | 1468-1480</p></note>
<note place="foot" n="1" xml:id="foot_1">See the code.</note>
<note place="foot" xml:id="foot_2">Equal contribution by the first two authors.</note>
<note place="foot" n="3" xml:id="foot_3">Numbered, though no marker names it (2023).</note>"##;
    let back = r#"<div type="acknowledgement"><div><head>Acknowledgements</head><p>Funded by NSF grant 1801446.</p></div></div>
<listOrg type="funding"><org type="funding" xml:id="_a"><idno type="grant-number">1801446</idno></org></listOrg>"#;
    let imported = read(&tei(body, back));
    let file = valid(&imported);
    let footnotes: Vec<&str> = file.footnotes.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        footnotes,
        [
            "See the code.",
            "Equal contribution by the first two authors.",
            "Numbered, though no marker names it (2023)."
        ]
    );
    let acknowledgements = &file.sections[1];
    assert_eq!(acknowledgements.title, "Acknowledgements");
    assert_eq!(acknowledgements.paragraphs.len(), 1);
    assert!(
        imported
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("listOrg")),
        "{:#?}",
        imported.diagnostics
    );
}

#[test]
fn heads_grobid_made_of_page_furniture_or_a_sentence_s_end_are_mended() {
    let body = r#"<div><head n="1">Results</head><p>Levels rose (Figure 1A; Figure 1—figure </p></div>
<div><head>supplement 1).</head><p>Serum levels fell.</p></div>
<div><head>Figure 3 continued on next page</head><p>Macrophages lie near enteric neurons</p><p>They do.</p></div>
<div><head>Continued on next page</head><p>This paragraph goes on as a sentence.</p></div>
<div><head>Continued</head><p>So does this one, after a table.</p></div>
<div><head>© The Author(s) 2023</head></div>
<div><head>Treatment discontinued</head><p>Stopped.</p></div>
<div><head>mRNA levels (qPCR)</head><p>Measured.</p></div>
<div><head>p53 signalling (see Figure 2).</head><p>Also measured.</p></div>"#;
    let file = valid(&read(&tei(body, "")));
    let titles: Vec<&str> = file.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Results",
            "Macrophages lie near enteric neurons",
            "Treatment discontinued",
            "mRNA levels (qPCR)",
            "p53 signalling (see Figure 2)."
        ]
    );
    let texts = |at: usize| -> Vec<&str> {
        file.sections[at]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect()
    };
    assert_eq!(
        texts(0),
        [
            "Levels rose (Figure 1A; Figure 1—figure supplement 1).",
            "Serum levels fell."
        ]
    );
    assert_eq!(
        texts(1),
        [
            "They do.",
            "This paragraph goes on as a sentence.",
            "So does this one, after a table."
        ]
    );
}

#[test]
fn a_journal_s_running_head_taken_for_a_heading_is_left_out() {
    for running_head in ["Article", "nature plants Article"] {
        let body = format!(
            "<div><head>{running_head}</head><p>The text before any heading.</p></div>
<div><head>Results</head><p>Found.</p></div>
<div><head>A Research Article</head><p>Kept.</p></div>"
        );
        let file = valid(&read(&tei(&body, "")));
        let titles: Vec<&str> = file.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["A paper", "Results", "A Research Article"]);
        assert_eq!(
            file.sections[0].paragraphs[0].text,
            "The text before any heading."
        );
    }
}

#[test]
fn the_roles_of_authors_grobid_took_for_heads_are_the_contributions_text() {
    let back = r#"<div type="contribution"><div><head>Author Contributions</head><p>Conceptualization: A. Kluger.</p></div>
<div><head>Data curation: A. Kluger, L. Quante.</head></div>
<div><head>Formal analysis: L. Quante.</head><p>Investigation: A. Kluger.</p></div></div>
<div type="acknowledgement"><div><head>Notes: on funding</head><p>None.</p></div></div>"#;
    let file = valid(&read(&tei(
        "<div><head>Intro</head><p>Text.</p></div>",
        back,
    )));
    let titles: Vec<&str> = file.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Intro", "Author Contributions", "Notes: on funding"]
    );
    let roles: Vec<&str> = file.sections[1]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        roles,
        [
            "Conceptualization: A. Kluger.",
            "Data curation: A. Kluger, L. Quante.",
            "Formal analysis: L. Quante.",
            "Investigation: A. Kluger."
        ]
    );
}

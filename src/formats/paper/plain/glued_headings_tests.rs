//! Tests of the plain-text importer on headings as pdftotext gives a two-column paper's:
//! printed directly above their paragraph, with no blank line between.

use super::pdf_text_tests::{corpus_of, numbered_sections, sections};

#[test]
fn a_subheading_printed_directly_above_its_paragraph_is_a_heading() {
    // As pdftotext gives an ACM paper's subheadings: the section's heading, the subsection's
    // and its paragraph in one block, or the subheading after the last sentence of the
    // paragraph above it. A numbered list in a paragraph and a number starting a sentence
    // stay text.
    let text = "Scheduling Jobs on Clusters\n\nA. Author\n\n\
                1. INTRODUCTION\n1.1 Cluster computing\n\
                The last few years have been characterized by huge changes in computing.\n\
                Today, powerful machines are available at low price everywhere.\n\
                1.2 Related approaches\n\
                Some scheduling algorithms have been developed for classical systems of old.\n\n\
                Our steps were these:\n1.1 Define the problem of the jobs and their queue.\n\
                1.2 Measure the queue.\n\n\
                The machines ran for a year. Of them,\n\
                2.5 Thousand jobs were run each day by the students of the course\n\
                and their teachers.\n\n\
                2. CONTEXT AND DEFINITION\n\
                The target execution support that we consider here is a cluster of machines.\n\n\
                3 Data Model\n\
                A Bigtable is a sparse, distributed, persistent multidimensional sorted map.\n";
    let corpus = corpus_of(text);
    let expected = [
        ("1", "INTRODUCTION"),
        ("1.1", "Cluster computing"),
        ("1.2", "Related approaches"),
        ("2", "CONTEXT AND DEFINITION"),
        ("3", "Data Model"),
    ];
    assert_eq!(
        numbered_sections(&corpus),
        expected.map(|(number, title)| (number.to_owned(), title.to_owned()))
    );
    let texts: Vec<&str> = corpus
        .file
        .sections
        .iter()
        .flat_map(|section| &section.paragraphs)
        .map(|paragraph| paragraph.text.as_str())
        .collect();
    assert_eq!(
        texts.first().copied(),
        Some(
            "The last few years have been characterized by huge changes in computing. Today, \
             powerful machines are available at low price everywhere."
        )
    );
    assert!(
        texts
            .iter()
            .any(|text| text.starts_with("Our steps were these: 1.1 Define"))
    );
    assert!(
        texts
            .iter()
            .any(|text| text.contains("Of them, 2.5 Thousand jobs"))
    );
}

#[test]
fn a_usual_section_s_name_printed_directly_above_its_paragraph_is_a_heading() {
    // As pdftotext gives a medical journal's unnumbered headings: each directly above its
    // paragraph, the paragraph's lines narrow (two columns).
    let text = "Stressful Life Events and Dementia\n\nA. Author\n\n\
                Introduction\nDementia diseases are among the diseases most\n\
                feared by the elderly, with an estimated 36 million\n\
                people suffering from dementia in 2010.\n\n\
                Results\nThe study population was composed of 2,462\n\
                participants without dementia at the baseline.\n\n\
                Acknowledgments\nThe Betula study is funded by the Swedish\n\
                Research Council.\n";
    let corpus = corpus_of(text);
    assert_eq!(
        sections(&corpus),
        ["Introduction", "Results", "Acknowledgments"]
    );
    let first = corpus
        .file
        .sections
        .first()
        .and_then(|section| section.paragraphs.first())
        .map(|paragraph| paragraph.text.as_str());
    assert_eq!(
        first,
        Some(
            "Dementia diseases are among the diseases most feared by the elderly, with an \
             estimated 36 million people suffering from dementia in 2010."
        )
    );
}

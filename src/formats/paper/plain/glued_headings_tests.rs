//! Tests of the plain-text importer on headings as pdftotext gives a two-column paper's:
//! printed directly above their paragraph, with no blank line between, or wrapped over two
//! lines; and a chart's axis labels, which look like headings and are none.

use super::pdf_text_tests::{assert_outline, corpus_of, paragraph_texts, sections};

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
    assert_outline(&corpus, &expected);
    let texts = paragraph_texts(&corpus.file);
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

#[test]
fn a_subheading_in_sentence_case_after_a_paragraph_s_last_sentence_is_a_heading() {
    // Subheadings of a Methods section as pdftotext gives them: the first under the section's
    // heading, the others each between the last sentence of a paragraph and the first line of
    // the next, all in one block; a sentence's first words on a short line stay text.
    let text = "Life Events and Dementia\n\nA. Author\n\n\
                Method\nStudy population\n\
                The study population comprised participants from the Betula study of aging \
                and health.\n\
                Life event inventory\n\
                To measure the influence of life events, we used the\n\
                inventory of the Betula study, given at each visit.\n\
                Potential confounders\n\
                We considered a range of potential confounders that\n\
                were measured at baseline. The particle is fast today.\n\
                The addition of\n\
                ULBDM to the total matter background with this value\n\
                moves the spectrum.\n\n\
                Results\n\n\
                The study population was composed of 2,462 participants.\n";
    let corpus = corpus_of(text);
    let titles: Vec<(&str, usize)> = corpus
        .file
        .sections
        .iter()
        .map(|section| (section.title.as_str(), section.paragraphs.len()))
        .collect();
    assert_eq!(
        titles,
        [
            ("Method", 0),
            ("Study population", 1),
            ("Life event inventory", 1),
            ("Potential confounders", 1),
            ("Results", 1)
        ]
    );
    let confounders = corpus
        .file
        .sections
        .get(3)
        .and_then(|section| section.paragraphs.first())
        .map(|paragraph| paragraph.text.as_str())
        .unwrap_or_default();
    assert!(
        confounders.ends_with(
            "fast today. The addition of ULBDM to the total matter background with this value \
             moves the spectrum."
        ),
        "{confounders}"
    );
}

#[test]
fn a_numbered_back_matter_heading_is_not_where_the_body_starts() {
    // A paper whose only heading is its numbered acknowledgements (`1. Acknowledgements`, as
    // an Elsevier preprint prints it): its text starts after the abstract, not there.
    let text = "Heavy Quarks in a Plasma\n\nA. Author\n\nAbstract\n\
                The equation is a fundamental tool for the study of kinematics.\n\n\
                The interest in heavy-quark dynamics has increased with the experiments. \
                They show the particles interact with the medium.\n\n\
                Figure 1: The distribution functions in time.\n\n\
                We observe clear differences in the solutions for all the cases.\n\
                1. Acknowledgements\n\
                E.M. and A.D. thank E. Ruiz Arriola for discussions on these matters.\n";
    let corpus = corpus_of(text);
    assert_eq!(sections(&corpus), ["Text", "Acknowledgements"]);
    assert_eq!(
        corpus.file.paper.abstract_text,
        "The equation is a fundamental tool for the study of kinematics."
    );
    assert_eq!(corpus.file.figures.len(), 1);
}

#[test]
fn a_chart_s_axis_label_or_a_table_s_row_label_after_its_numbers_is_no_heading() {
    // A chart's ticks and axis label, as pdftotext gives them, then a section numbered apart
    // from its title (`2.1`⏎⏎`Edge Types`), which stays a heading.
    let corpus = corpus_of(
        "A Study of Detector Efficiency\n\n\
         1. Introduction\n\n\
         The detector counts events at low energies, as the figure shows.\n\n\
         1.0\n\n\
         Efficiency\n\n\
         0.8\n0.6\n\n\
         1.0\n0.8\n\n\
         Efficiency\n\n\
         The efficiency was found from simulated pulses added to noise.\n\n\
         2.1\n\n\
         Edge Types\n\n\
         Edges join the papers to the entities they name.\n",
    );
    let titles = sections(&corpus);
    assert!(
        !titles.iter().any(|title| title == "Efficiency"),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|title| title == "Edge Types"),
        "{titles:?}"
    );
    assert!(
        paragraph_texts(&corpus.file)
            .iter()
            .any(|text| text.contains("simulated pulses")),
        "the text after the chart is kept"
    );
}

#[test]
fn a_subheading_wrapped_over_two_lines_is_one_heading() {
    // As pdftotext gives a long subheading of an astronomy paper: wrapped after its first line,
    // directly above its paragraph, or in a block of its own. A numbered line whose next line
    // ends a sentence is a list's item, and a line going on at length is text.
    let text = "Carbon Dust Analogues\n\nA. Author\n\n\
                1 INTRODUCTION\n\n\
                Carbon dust forms in the envelopes of evolved stars and in the interstellar medium.\n\n\
                2 RESULTS\n\
                2.1 Carbon dust description: from the macro to\n\
                the nanoscale\n\
                Macroscopic monitoring of the carbon dust shows particles free roaming on the substrate.\n\n\
                2.2 What do the infrared spectra tell\n\
                about the hydrogen?\n\n\
                The spectra show the aliphatic bands of hydrogenated amorphous carbon at 3.4 microns.\n\n\
                Our steps were these:\n\n\
                2.3 We measured the spectra of\n\
                the samples.\n\n\
                3 CONCLUSIONS\n\n\
                The dust analogue matches what the telescopes observe in the galaxy.\n";
    let corpus = corpus_of(text);
    let expected = [
        ("1", "INTRODUCTION"),
        ("2", "RESULTS"),
        (
            "2.1",
            "Carbon dust description: from the macro to the nanoscale",
        ),
        (
            "2.2",
            "What do the infrared spectra tell about the hydrogen?",
        ),
        ("3", "CONCLUSIONS"),
    ];
    assert_outline(&corpus, &expected);
    let texts = paragraph_texts(&corpus.file);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Macroscopic monitoring")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("2.3 We measured the spectra of the samples.")),
        "{texts:?}"
    );
}

#[test]
fn a_section_s_number_printed_apart_is_not_a_page_number() {
    // As pdftotext gives an ACL paper: each heading's number a line of its own above its
    // title, a page's number at its foot (in a sentence the page break split, or before the
    // form feed opening the next page). Subsection titles are in sentence case.
    let text = "Summaries of Lawsuits\n\nA. Author\n\n\
                1\n\nIntroduction\n\n\
                Automatic summarization is a longstanding goal of language processing.\n\
                It needs hours of an expert's work for each case\n\n\
                3\n\nand more whenever the case goes on.\n\n\
                2\n\nRelated work\n\n2.1\n\nNatural language processing for legal documents\n\n\
                Much recent work in language processing has focused on the legal domain.\n\n\
                3\n\nMulti-LexSum\n\n3.1\n\nTask definition\n\n\
                The dataset holds the summaries of several thousand civil rights cases.\n\n\
                4\n\n\u{c}Conclusion\n\n\
                Summaries written by experts at three lengths make a new dataset to learn from.\n";
    let corpus = corpus_of(text);
    let expected = [
        ("1", "Introduction"),
        ("2", "Related work"),
        ("2.1", "Natural language processing for legal documents"),
        ("3", "Multi-LexSum"),
        ("3.1", "Task definition"),
        ("", "Conclusion"),
    ];
    assert_outline(&corpus, &expected);
    // The page numbers are gone; the sentence a page break split is whole.
    let texts = paragraph_texts(&corpus.file);
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with("for each case and more whenever the case goes on.")),
        "{texts:?}"
    );
    assert!(texts.iter().all(|t| t.len() > 3), "{texts:?}");
}

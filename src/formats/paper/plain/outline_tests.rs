//! Tests of the plain-text outline: headings recognised and nested.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::*;
use crate::formats::paper::{PaperKind, Rich};

#[test]
fn headings_are_recognised() {
    let h = heading("1. INTRODUCTION").unwrap();
    assert_eq!(
        (h.numbering, h.printed.as_str(), h.title.as_str(), h.style),
        (
            Some(Numbering::Decimal(vec![1])),
            "1.",
            "INTRODUCTION",
            Style::Caps
        )
    );
    let h = heading("4.1 Discussion").unwrap();
    assert_eq!(h.numbering, Some(Numbering::Decimal(vec![4, 1])));
    assert_eq!(
        heading("II. METHODS").unwrap().numbering,
        Some(Numbering::Roman(2))
    );
    assert_eq!(
        heading("B. Data sources").unwrap().numbering,
        Some(Numbering::Letter(2))
    );
    assert_eq!(heading("Theoretical Framework").unwrap().numbering, None);
    assert!(heading("Case Study from Around the World").is_some());
    assert!(heading("REFERENCES").is_some());
    assert!(heading("Materials and methods").is_some());
    assert!(heading("Materials were collected").is_none());
    assert!(heading("Conclusions").is_some());
    assert!(heading("Statement of need").is_some());
    assert!(heading("Figures").is_some());
    for no in [
        "A. B. Smith and C. Jones",
        "This sentence ends with a full stop.",
        "the continuation of a sentence",
        "Source: UNODC",
        "Table 1",
        "Figure 2 Victims",
        "Fig. 3 Loads",
        "2023 global trends in trafficking",
        "Results show [3] Growth",
        "",
    ] {
        assert!(heading(no).is_none(), "{no}");
    }
}

/// The sections (number, title, parent title) an outline makes of these headings.
fn nest(lines: &[&str]) -> Vec<(String, String, String)> {
    let mut builder = PaperBuilder::new(PaperKind::PlainText);
    builder.paper().title = "T".into();
    let mut outline = Outline::default();
    for line in lines {
        outline.begin(&heading(line).unwrap(), &mut builder);
        builder.paragraph(Rich::text("Text."));
    }
    let file = builder.finish().file;
    file.sections
        .iter()
        .map(|s| {
            let parent = s
                .parent
                .as_ref()
                .and_then(|p| file.sections.iter().find(|x| &x.id == p))
                .map(|p| p.title.clone())
                .unwrap_or_default();
            (s.number.clone(), s.title.clone(), parent)
        })
        .collect()
}

fn triple(number: &str, title: &str, parent: &str) -> (String, String, String) {
    (number.into(), title.into(), parent.into())
}

#[test]
fn numbers_restarting_inside_a_section_and_other_case_headings_nest() {
    let sections = nest(&[
        "1. INTRODUCTION",
        "2. LITERATURE REVIEW",
        "Theoretical Framework",
        "3. RESULTS",
        "3.1 Discussion",
        "1. International Cooperation",
        "Case Study from Around the World",
        "2. Law Enforcement",
        "4. CONCLUSION",
        "ACKNOWLEDGEMENTS",
    ]);
    assert_eq!(
        sections,
        [
            triple("1", "INTRODUCTION", ""),
            triple("2", "LITERATURE REVIEW", ""),
            triple("", "Theoretical Framework", "LITERATURE REVIEW"),
            triple("3", "RESULTS", ""),
            triple("3.1", "Discussion", "RESULTS"),
            triple("1.", "International Cooperation", "Discussion"),
            triple(
                "",
                "Case Study from Around the World",
                "International Cooperation"
            ),
            triple("2.", "Law Enforcement", "Discussion"),
            triple("4", "CONCLUSION", ""),
            triple("", "ACKNOWLEDGEMENTS", ""),
        ]
    );
}

#[test]
fn nesting_is_bounded() {
    let mut builder = PaperBuilder::new(PaperKind::PlainText);
    builder.paper().title = "T".into();
    let mut outline = Outline::default();
    for _ in 0..50 {
        outline.begin(&heading("1. Start").unwrap(), &mut builder);
        builder.paragraph(Rich::text("Text."));
    }
    let file = builder.finish().file;
    let depth = |mut at: usize| {
        let mut depth = 0;
        while let Some(parent) = &file.sections[at].parent {
            at = file.sections.iter().position(|s| &s.id == parent).unwrap();
            depth += 1;
        }
        depth
    };
    assert_eq!(file.sections.len(), 50);
    let deepest = (0..50).map(depth).max().unwrap();
    assert_eq!(deepest, MAX_DEPTH - 1);
}

#[test]
fn roman_letters_and_unnumbered_papers_nest() {
    let sections = nest(&[
        "I. INTRODUCTION",
        "A. Scope",
        "B. Data",
        "II. METHODS",
        "A. Design",
    ]);
    assert_eq!(
        sections,
        [
            triple("I", "INTRODUCTION", ""),
            triple("A", "Scope", "INTRODUCTION"),
            triple("B", "Data", "INTRODUCTION"),
            triple("II", "METHODS", ""),
            triple("A", "Design", "METHODS"),
        ]
    );
    let sections = nest(&["Introduction", "Methods", "Results", "Conclusion"]);
    assert!(sections.iter().all(|(_, _, parent)| parent.is_empty()));
    let sections = nest(&[
        "Introduction",
        "Study 1",
        "Method",
        "Results",
        "Experiment 2b: Replication",
        "Method",
        "Participants",
        "Procedure",
        "Discussion",
        "General Discussion",
        "Methods",
        "Participants",
        "Results",
    ]);
    assert_eq!(
        sections,
        [
            triple("", "Introduction", ""),
            triple("", "Study 1", ""),
            triple("", "Method", "Study 1"),
            triple("", "Results", "Study 1"),
            triple("", "Experiment 2b: Replication", ""),
            triple("", "Method", "Experiment 2b: Replication"),
            triple("", "Participants", "Method"),
            triple("", "Procedure", "Method"),
            triple("", "Discussion", "Experiment 2b: Replication"),
            triple("", "General Discussion", ""),
            // One study's report: its method's parts in its method.
            triple("", "Methods", ""),
            triple("", "Participants", "Methods"),
            triple("", "Results", ""),
        ]
    );
    for study in [
        "Study 2",
        "Study II",
        "Experiment 3a",
        "Pilot Study",
        "Study One",
    ] {
        assert!(is_study(study), "{study}");
    }
    for other in [
        "Study Area",
        "Study design",
        "Experimental setup",
        "Studies",
    ] {
        assert!(!is_study(other), "{other}");
    }
    let sections = nest(&["BACKGROUND", "Study Area", "Data Sources", "RESULTS"]);
    assert_eq!(
        sections,
        [
            triple("", "BACKGROUND", ""),
            triple("", "Study Area", "BACKGROUND"),
            triple("", "Data Sources", "BACKGROUND"),
            triple("", "RESULTS", ""),
        ]
    );
}

#[test]
fn a_pdf_s_formulas_axis_labels_and_links_are_no_headings() {
    for line in [
        "Γ(φ → ZZ) =",
        "2v 2 + 1",
        "S =",
        "1 https://bitbucket.org/mpcdev/digest2",
    ] {
        assert!(heading(line).is_none(), "{line}");
    }
    assert!(heading("GW190412 Results").is_some());
    assert!(is_numbered_section_heading(
        "2. OBSERVATIONS AND DATA PROCESSING"
    ));
    assert!(!is_numbered_section_heading("2. Observations"));
}

/// The blocks of numbers [`join_detached_numbers`] leaves out of `blocks` (each block's lines),
/// and the numbered headings it makes: printed number and title.
fn detached_numbers_joined(blocks: &[Vec<&str>]) -> (Vec<usize>, Vec<(String, String)>) {
    let mut headings: Vec<Option<Heading>> = blocks
        .iter()
        .map(|lines| match lines.as_slice() {
            [line] => heading(line),
            _ => None,
        })
        .collect();
    let numbers = join_detached_numbers(|i| blocks.get(i).map(Vec::as_slice), &mut headings);
    let printed = headings
        .iter()
        .flatten()
        .filter(|h| h.numbering.is_some())
        .map(|h| (h.printed.clone(), h.title.clone()))
        .collect();
    (numbers, printed)
}

#[test]
fn a_subsection_s_number_alone_numbers_its_title_in_sentence_case_but_a_tick_does_not() {
    let paragraph = "Much recent work in natural language processing has focused on the law.";
    let blocks: Vec<Vec<&str>> = vec![
        vec!["2.1"],
        vec!["Natural language processing for legal documents"],
        vec![paragraph],
        // A section's number above its first subsection's.
        vec!["3"],
        vec!["Related Work"],
        vec!["3.1"],
        vec!["Summarization datasets in other domains"],
        vec![paragraph],
        // A chart's ticks at equal steps and its axis label, over the text or over the figure's
        // caption.
        vec!["3.4"],
        vec!["3.6"],
        vec!["3.8"],
        vec!["Wavelength of the band"],
        vec![paragraph],
        vec!["4.2"],
        vec!["Energy of the recoil"],
        vec!["Figure 9. Spectra acquired in the micro mode and in the macro mode."],
        // A footnote's number and its words.
        vec!["4.3"],
        vec!["4 We also experimented with a rules-based approach"],
        vec![paragraph],
    ];
    let (numbers, printed) = detached_numbers_joined(&blocks);
    assert_eq!(numbers, [0, 3, 5]);
    assert_eq!(
        printed,
        [
            ("2.1", "Natural language processing for legal documents"),
            ("3", "Related Work"),
            ("3.1", "Summarization datasets in other domains"),
        ]
        .map(|(number, title)| (number.to_owned(), title.to_owned()))
    );
}

#[test]
fn a_number_standing_alone_above_a_heading_s_words_numbers_it() {
    let blocks: Vec<Vec<&str>> = vec![
        vec!["I."],
        vec!["INTRODUCTION"],
        vec!["Black holes are among the most fascinating objects in the universe."],
        vec!["II."],
        vec!["FLAVOR STRUCTURE OF LIGHT AND", "HEAVY MESONS"],
        vec!["2.1"],
        vec!["Overview"],
        vec!["Our goal is to learn task-independent representations of papers."],
        // A chart's axis: a number without its stop over a word, no paragraph after it.
        vec!["0.1"],
        vec!["Combined"],
        vec!["2.5"],
        vec!["Observed"],
        vec!["Observed"],
        // A number over a sentence.
        vec!["III."],
        vec!["These considerations let us ignore the states."],
    ];
    let (numbers, printed) = detached_numbers_joined(&blocks);
    assert_eq!(numbers, [0, 3, 5]);
    assert_eq!(
        printed,
        [
            ("I.".to_owned(), "INTRODUCTION".to_owned()),
            (
                "II.".to_owned(),
                "FLAVOR STRUCTURE OF LIGHT AND HEAVY MESONS".to_owned()
            ),
            ("2.1".to_owned(), "Overview".to_owned()),
        ]
    );
}

#[test]
fn a_numbered_heading_glued_to_its_paragraph_is_told_from_a_numbered_line_of_text() {
    let paragraph = "The last few years have been characterized by huge changes.";
    assert!(is_glued_numbered_heading(
        "1.1 Cluster computing",
        Some("1. INTRODUCTION"),
        paragraph
    ));
    assert!(is_glued_numbered_heading(
        "3.2.1 Lower Bound",
        Some("It ends here."),
        paragraph
    ));
    assert!(is_glued_numbered_heading("4.2 Results", None, paragraph));
    // A section's number only opening its block, above a much longer line.
    assert!(is_glued_numbered_heading("2 Data Model", None, paragraph));
    assert!(is_glued_numbered_heading(
        "2. The implementation of TIMP",
        None,
        paragraph
    ));
    // Inside a sentence, a list's item, a sentence's number, a section's own heading, or
    // above a short line or another numbered one: text.
    for (line, before, next) in [
        (
            "1.2 Related approaches",
            Some("a collection of the"),
            paragraph,
        ),
        (
            "1.2 Related approaches",
            Some("a collection of tens"),
            paragraph,
        ),
        ("1.1 Define the problem.", Some("Our steps:"), paragraph),
        ("2.5 live-days of data", Some("It ends here."), paragraph),
        ("2 Data Model", Some("It ends here."), paragraph),
        (
            "2. The implementation of TIMP",
            None,
            "TIMP has been designed so.",
        ),
        ("1.1 Cluster computing", None, "Job queue"),
        (
            "1.1 Cluster computing",
            None,
            "1.2 Related approaches and the other ones",
        ),
        (
            "1.1 A Title of Very Many Words That Goes On and On Here",
            None,
            "The last few years have been characterized by huge changes in how computing \
             is done and where.",
        ),
    ] {
        assert!(
            !is_glued_numbered_heading(line, before, next),
            "{line} after {before:?}"
        );
    }
}

#[test]
fn a_usual_section_s_name_glued_to_its_paragraph_is_a_heading_in_any_case() {
    let paragraph = "Dementia diseases are among the diseases most feared";
    assert!(is_glued_named_heading("Introduction", None, paragraph));
    assert!(is_glued_named_heading(
        "Acknowledgments",
        Some("had no bearing on the results."),
        paragraph
    ));
    // Words of a sentence, a heading no paper's part is named, or above a short line: text.
    for (line, before, next) in [
        ("Results", Some("as shown in the"), paragraph),
        (
            "Results",
            None,
            "section two shows how the results were read in the end",
        ),
        ("Study population", None, paragraph),
        ("Results", None, "Table 2"),
    ] {
        assert!(
            !is_glued_named_heading(line, before, next),
            "{line} after {before:?}"
        );
    }
}

#[test]
fn a_subheading_in_sentence_case_glued_to_its_paragraph_is_told_from_a_sentence_s_start() {
    let paragraph = "To measure the influence of life events, we used the";
    let sentence = Some("the present method of diagnosis.");
    assert!(is_glued_subheading(
        "Life event inventory",
        sentence,
        false,
        paragraph
    ));
    // Under a heading split off its block, opening the block.
    assert!(is_glued_subheading(
        "Study population",
        None,
        true,
        paragraph
    ));
    assert!(is_glued_subheading(
        "B. Route Maintenance",
        sentence,
        false,
        paragraph
    ));
    for (line, before, next) in [
        // Opening a block, not under a heading: a paragraph's first line.
        ("Life event inventory", None, paragraph),
        // Inside a sentence, or the start of one running on.
        (
            "Life event inventory",
            Some("as described in the"),
            paragraph,
        ),
        (
            "The addition of",
            sentence,
            "ULBDM to the total matter background with this value of",
        ),
        ("Then it runs", sentence, paragraph),
        // The rest of a heading in capitals; a reference's authors; a bracket left open.
        ("PRIORITIZATION MODEL)", sentence, paragraph),
        ("Manzil Zaheer, Guru Guruganesh", sentence, paragraph),
        ("Discounted Cumulative Gain (nDCG", sentence, paragraph),
        // Above a line not twice as long.
        (
            "Life event inventory",
            sentence,
            "To measure the influence of life",
        ),
    ] {
        assert!(
            !is_glued_subheading(line, before, false, next),
            "{line} after {before:?}"
        );
    }
}

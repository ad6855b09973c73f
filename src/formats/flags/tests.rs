//! The flags' exports on a small corpus whose flags are written here by hand, so each export is
//! tested apart from the checks that find them.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use crate::corpus::checks::{CitationChecks, Flag, FlagKind, FlagSeverity, WordEvidence};
use crate::corpus::{Corpus, Item};

use super::markdown::escape;
use super::{FlagFields, FlagSummary, to_csv, to_json, to_markdown, to_markdown_answered, to_text};

/// The fixture corpus of the citation check: five references (`lee2012`, `ward2010`,
/// `kim2023`, `cole2016`, `hart2015`), four citations in two paragraphs.
const FLAGGED: &str = include_str!("../../../tests/fixtures/checks/flagged.json");

fn corpus_from(text: &str) -> Corpus {
    Corpus::from_json(text, "flagged.json").expect("the fixture loads")
}

/// A flag on citation `citation` of reference `reference` (or on the reference alone, or the
/// citation alone), with the citing sentence as the index prints it.
fn flag(
    corpus: &Corpus,
    kind: FlagKind,
    reference: Option<&str>,
    citation: Option<usize>,
    message: &str,
    evidence: &str,
) -> Flag {
    Flag {
        kind,
        check: "test-check",
        severity: FlagSeverity::Moderate,
        citation,
        reference: reference.map(|id| corpus.reference_by_id(id).expect("a fixture reference")),
        paragraph: citation.map(|c| corpus.index.citations[c].paragraph),
        sentence: citation
            .and_then(|c| corpus.index.citing_sentence(c))
            .unwrap_or_default()
            .trim()
            .to_owned(),
        message: message.to_owned(),
        evidence: evidence.to_owned(),
        words: None,
    }
}

/// Three flags: an anachronism on `ward2010`'s citation (position 1), a never-cited
/// `hart2015`, a malformed `cole2016` (its citation elsewhere).
fn three_flags(corpus: &Corpus) -> CitationChecks {
    CitationChecks {
        flags: vec![
            flag(
                corpus,
                FlagKind::Anachronism,
                Some("ward2010"),
                Some(1),
                "Cited for the storm surge of 2014, but dated 2010",
                "The sentence names 2014; the work is dated 2010.",
            ),
            flag(
                corpus,
                FlagKind::Hygiene,
                Some("hart2015"),
                None,
                "Listed but never cited",
                "No citation in the text names hart2015.",
            ),
            flag(
                corpus,
                FlagKind::MalformedReference,
                Some("cole2016"),
                None,
                "A journal article without volume or pages",
                "type: article-journal; volume: none; page: none",
            ),
        ],
    }
}

#[test]
fn fields_name_the_reference_the_citation_and_where_the_sentence_stands() {
    let corpus = corpus_from(FLAGGED);
    let checks = three_flags(&corpus);
    let fields = FlagFields::of(&corpus, &checks.flags[0]);
    assert_eq!(fields.kind, "anachronism");
    assert_eq!(fields.severity, "moderate");
    assert_eq!(fields.reference.as_deref(), Some("ward2010"));
    assert_eq!(fields.reference_label, "Ward (2010)");
    assert_eq!(fields.citation.as_deref(), Some("citation:intro.p1/1"));
    assert_eq!(fields.cited_as, "(Ward, 2010)");
    assert!(fields.place.contains("Introduction"), "{}", fields.place);
    assert!(fields.place.contains('¶'), "{}", fields.place);
    assert!(
        fields
            .sentence
            .starts_with("Coastal councils published flood maps"),
        "{}",
        fields.sentence
    );
    let entry_only = FlagFields::of(&corpus, &checks.flags[1]);
    assert_eq!(entry_only.citation, None);
    assert_eq!(entry_only.place, "");
    assert_eq!(entry_only.sentence, "");
}

#[test]
fn summary_counts_references_flagged_and_flags_of_each_kind() {
    let corpus = corpus_from(FLAGGED);
    let summary = FlagSummary::of(&corpus, &three_flags(&corpus));
    assert_eq!(summary.references, 5);
    assert_eq!(summary.flagged_references, 3);
    assert_eq!(summary.flags, 3);
    assert_eq!(
        summary.line(),
        "3 of 5 references flagged; 3 flags: 1 anachronism, 1 malformed reference, \
         1 citation hygiene"
    );
    let none = FlagSummary::of(&corpus, &CitationChecks::default());
    assert_eq!(none.line(), "0 of 5 references flagged; no flags");
    assert!(none.by_kind.iter().all(|(_, count)| *count == 0));
    assert_eq!(none.by_kind.len(), FlagKind::ALL.len());
}

#[test]
fn csv_has_a_header_and_one_row_per_flag_that_reads_back_field_for_field() {
    let corpus = corpus_from(FLAGGED);
    let mut checks = three_flags(&corpus);
    // Commas, quotes and a line break, which CSV must quote and keep.
    checks.flags[0].message = "Cited for \"2014\", but dated 2010".to_owned();
    checks.flags[0].evidence = "Years named: 2014.\nDated: 2010, \"Coastal Management\"".to_owned();
    let text = to_csv(&corpus, &checks).unwrap();
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, super::CSV_HEADER.map(str::to_owned).to_vec());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let first = &rows[0];
    assert_eq!(&first[0], "anachronism");
    assert_eq!(&first[1], "test-check");
    assert_eq!(&first[3], "ward2010");
    assert_eq!(&first[4], "Ward (2010)");
    assert_eq!(&first[5], "citation:intro.p1/1");
    assert_eq!(&first[6], "(Ward, 2010)");
    assert_eq!(&first[7], "paragraph:intro.p1");
    assert_eq!(&first[10], "Cited for \"2014\", but dated 2010");
    assert_eq!(
        &first[11],
        "Years named: 2014.\nDated: 2010, \"Coastal Management\""
    );
    assert_eq!(&first[12], "Anachronism");
    assert_eq!(&first[13], "worth checking");
    // A reference-only flag leaves the citation's cells empty.
    assert_eq!(&rows[1][3], "hart2015");
    assert_eq!(&rows[1][5], "");
    assert_eq!(&rows[1][7], "");
    assert_eq!(&rows[1][9], "");
    assert!(
        text.contains("\"Cited for \"\"2014\"\", but dated 2010\""),
        "{text}"
    );
}

#[test]
fn csv_of_no_flags_is_the_header_alone() {
    let corpus = corpus_from(FLAGGED);
    let text = to_csv(&corpus, &CitationChecks::default()).unwrap();
    assert_eq!(text, format!("{}\n", super::CSV_HEADER.join(",")));
}

#[test]
fn json_names_each_flags_reference_and_citation_and_counts_them() {
    let corpus = corpus_from(FLAGGED);
    let mut checks = three_flags(&corpus);
    let mut mismatch = flag(
        &corpus,
        FlagKind::TopicMismatch,
        Some("lee2012"),
        Some(0),
        "Few words shared",
        "Shared: coast.",
    );
    mismatch.severity = FlagSeverity::Weak;
    mismatch.words = Some(WordEvidence {
        context: vec!["tide".into(), "coast".into()],
        reference: vec!["coast".into()],
        shared: vec!["coast".into()],
        score: 0.1,
        typical: 0.4,
    });
    checks.flags.push(mismatch);
    checks.flags.push(flag(
        &corpus,
        FlagKind::Hygiene,
        None,
        Some(2),
        "A citation with no reference",
        "The key names no reference.",
    ));
    let value: serde_json::Value =
        serde_json::from_str(&to_json(&corpus, &checks).unwrap()).unwrap();
    assert_eq!(value["source"], "flagged.json");
    let flags = value["flags"].as_array().unwrap();
    assert_eq!(flags.len(), 5);
    assert_eq!(flags[0]["reference"], "ward2010");
    assert_eq!(flags[0]["citation"], "citation:intro.p1/1");
    assert_eq!(flags[0]["kind"], "anachronism");
    assert_eq!(flags[0]["severity"], "moderate");
    assert_eq!(
        flags[0]["evidence"],
        "The sentence names 2014; the work is dated 2010."
    );
    assert!(flags[0].get("words").is_none());
    assert_eq!(flags[1]["citation"], serde_json::Value::Null);
    assert_eq!(flags[3]["words"]["shared"][0], "coast");
    assert_eq!(flags[3]["severity"], "weak");
    assert_eq!(flags[4]["reference"], serde_json::Value::Null);
    assert_eq!(flags[4]["citation"], "citation:intro.p2/0");
    let summary = &value["summary"];
    assert_eq!(summary["references"], 5);
    assert_eq!(summary["flagged_references"], 4);
    assert_eq!(summary["flags"], 5);
    assert_eq!(summary["by_kind"]["hygiene"], 2);
    assert_eq!(summary["by_kind"]["topic_mismatch"], 1);
}

#[test]
fn json_of_no_flags_has_an_empty_array_and_zero_counts() {
    let corpus = corpus_from(FLAGGED);
    let value: serde_json::Value =
        serde_json::from_str(&to_json(&corpus, &CitationChecks::default()).unwrap()).unwrap();
    assert_eq!(value["flags"], serde_json::json!([]));
    assert_eq!(value["summary"]["flagged_references"], 0);
    for kind in FlagKind::ALL {
        assert_eq!(value["summary"]["by_kind"][kind.code()], 0, "{kind:?}");
    }
}

#[test]
fn markdown_groups_flags_by_reference_in_list_order_with_boxes_to_tick() {
    let corpus = corpus_from(FLAGGED);
    let text = to_markdown(&corpus, &three_flags(&corpus));
    assert!(text.starts_with("# Citation check worksheet\n"), "{text}");
    assert!(
        text.contains("**Paper:** Flood Days on a Rising Coast"),
        "{text}"
    );
    assert!(text.contains("3 of 5 references flagged"), "{text}");
    // The references in the order of the list: ward2010, cole2016, hart2015.
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), 3, "{text}");
    // An entry the corpus holds as printed is given so; one it does not hold is in APA.
    assert_eq!(
        headings[0],
        "## Ward, O. (2010). Flood maps published by coastal councils. *Coastal Management*, *38*(2), 110–125."
    );
    assert_eq!(
        headings[1],
        "## Cole, A. 2016. Flood insurance claims along the coast. *Insurance Review*."
    );
    assert!(headings[2].contains("Hart"), "{}", headings[2]);
    // The citing sentence quoted, where it stands, and the question with its four boxes.
    assert!(
        text.contains("> Coastal councils published flood maps after the storm surge of 2014"),
        "{text}"
    );
    assert!(
        text.contains("Cited in 1 Introduction, ¶\u{a0}1 as “(Ward, 2010)”:\n"),
        "{text}"
    );
    assert!(
        text.contains("**Evidence:** The sentence names 2014; the work is dated 2010."),
        "{text}"
    );
    let support = text
        .matches("**Does this source support this sentence?**")
        .count();
    assert_eq!(support, 1, "only the flag with a sentence asks it:\n{text}");
    for answer in ["- [ ] Yes", "- [ ] Partly", "- [ ] No", "- [ ] Can't tell"] {
        assert!(text.contains(answer), "{answer}:\n{text}");
    }
    assert_eq!(
        text.matches("**Does this entry need fixing?**").count(),
        2,
        "{text}"
    );
    assert_eq!(text.matches("### Flag ").count(), 3);
}

#[test]
fn markdown_ticks_the_answers_given_by_citation_else_by_reference() {
    let corpus = corpus_from(FLAGGED);
    let checks = three_flags(&corpus);
    let citation_key = Item::Citation(1).key(&corpus).expect("a key").0;
    let answers: BTreeMap<String, String> = [
        (citation_key, "Partly".to_owned()),
        // About an entry, the question is whether it needs fixing: "No" is one of its answers.
        ("reference:cole2016".to_owned(), "No".to_owned()),
        // Not an answer any question offers: nothing ticked for it.
        ("reference:hart2015".to_owned(), "Perhaps".to_owned()),
    ]
    .into();
    let text = to_markdown_answered(&corpus, &checks, &answers);
    let ticked: Vec<&str> = text.lines().filter(|l| l.starts_with("- [x]")).collect();
    assert_eq!(ticked, ["- [x] Partly", "- [x] No"], "{text}");
    assert!(!text.contains("[x] Perhaps"), "{text}");
    // Without answers, the same worksheet with every box empty.
    assert_eq!(
        to_markdown(&corpus, &checks),
        text.replace("- [x]", "- [ ]")
    );
}

#[test]
fn markdown_puts_citations_with_no_reference_in_a_group_of_their_own() {
    let corpus = corpus_from(FLAGGED);
    let checks = CitationChecks {
        flags: vec![flag(
            &corpus,
            FlagKind::Hygiene,
            None,
            Some(2),
            "A citation with no reference",
            "The key names no reference.",
        )],
    };
    let text = to_markdown(&corpus, &checks);
    assert!(
        text.contains("\n## Citations with no reference\n"),
        "{text}"
    );
    assert!(text.contains("> Later surveys of flood days"), "{text}");
    // No source to judge: the question is whether the citation needs fixing.
    assert!(
        text.contains("**Does this citation need fixing?**"),
        "{text}"
    );
    assert!(!text.contains("support this sentence"), "{text}");
}

#[test]
fn markdown_escapes_what_the_paper_writes_so_it_reads_as_written() {
    let text = FLAGGED.replace("Coastal Engineering", "Coastal_Engineering *Quarterly*");
    let corpus = corpus_from(&text);
    let mut checks = three_flags(&corpus);
    checks.flags[0].sentence = "2014. Maps [see](http://x) <b>bold</b> * star_s | pipe".to_owned();
    checks.flags[0].evidence = "- one\n# two\n3) three".to_owned();
    let markdown = to_markdown(&corpus, &checks);
    assert!(
        markdown.contains(
            "> 2014\\. Maps \\[see\\](http://x) \\<b\\>bold\\</b\\> \\* star\\_s \\| pipe"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("- \\- one\n- \\# two\n- 3\\) three\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("*Coastal\\_Engineering \\*Quarterly\\**"),
        "{markdown}"
    );
}

#[test]
fn escape_keeps_plain_words_and_an_ampersand_between_words() {
    assert_eq!(escape("Porter & van der Linde"), "Porter & van der Linde");
    assert_eq!(escape("&amp; AT&T"), "\\&amp; AT\\&T");
    assert_eq!(escape("12 monkeys. 1995"), "12 monkeys. 1995");
    assert_eq!(escape("+ plus"), "\\+ plus");
}

#[test]
fn markdown_of_no_flags_says_nothing_was_found_and_has_no_sections() {
    let corpus = corpus_from(FLAGGED);
    let text = to_markdown(&corpus, &CitationChecks::default());
    assert!(
        text.contains("0 of 5 references flagged; no flags."),
        "{text}"
    );
    assert!(
        text.contains("The checks found nothing to question."),
        "{text}"
    );
    assert!(!text.contains("\n## "), "{text}");
    assert!(!text.contains("- [ ]"), "{text}");
}

#[test]
fn text_groups_flags_by_kind_with_the_sentence_and_evidence_then_the_counts() {
    let corpus = corpus_from(FLAGGED);
    let mut checks = three_flags(&corpus);
    checks.flags[0].evidence = "Years named: 2014.\nDated: 2010.".to_owned();
    checks.flags.push(flag(
        &corpus,
        FlagKind::Hygiene,
        None,
        Some(2),
        "A citation with no reference",
        "The key names no reference.",
    ));
    let text = to_text(&corpus, &checks);
    let kinds: Vec<&str> = text
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with(' '))
        .collect();
    assert_eq!(
        kinds,
        [
            "Citation check of flagged.json: what a careful reader would question, with the \
             evidence; never a verdict.",
            "Anachronism (1)",
            "Malformed reference (1)",
            "Citation hygiene (2)",
            "3 of 5 references flagged; 4 flags: 1 anachronism, 1 malformed reference, 2 \
             citation hygiene",
        ]
    );
    assert!(
        text.contains(
            "  Ward (2010): Cited for the storm surge of 2014, but dated 2010 (worth checking)\n\
             \x20   1 Introduction, ¶\u{a0}1: “Coastal councils published flood maps after the storm \
             surge of 2014 (Ward, 2010).”\n\
             \x20   Evidence: Years named: 2014.\n\
             \x20             Dated: 2010.\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  citation (Kim, 2023): A citation with no reference (worth checking)\n"),
        "{text}"
    );
}

#[test]
fn text_of_no_flags_is_the_heading_and_the_counts() {
    let corpus = corpus_from(FLAGGED);
    let text = to_text(&corpus, &CitationChecks::default());
    assert_eq!(text.lines().filter(|l| !l.is_empty()).count(), 2, "{text}");
    assert!(
        text.ends_with("\n0 of 5 references flagged; no flags\n"),
        "{text}"
    );
}

/// A flag about a passage with no citation (a marker that names no reference) in paragraph
/// `paragraph`, and one about the paper as a whole.
fn passage_and_paper_flags(paragraph: usize) -> CitationChecks {
    let about = |paragraph: Option<usize>, sentence: &str, message: &str| Flag {
        kind: FlagKind::Hygiene,
        check: "no-reference",
        severity: FlagSeverity::Strong,
        citation: None,
        reference: None,
        paragraph,
        sentence: sentence.to_owned(),
        message: message.to_owned(),
        evidence: "Kept as printed text.".to_owned(),
        words: None,
    };
    CitationChecks {
        flags: vec![
            about(
                Some(paragraph),
                "Later surveys of flood days along the coast confirm the rise [9].",
                "A citation marker names no reference",
            ),
            about(None, "", "Citation markers in the source name no reference"),
        ],
    }
}

#[test]
fn a_flag_about_a_passage_names_its_paragraph_and_one_about_the_paper_names_nothing() {
    let corpus = corpus_from(FLAGGED);
    let checks = passage_and_paper_flags(1);
    let value: serde_json::Value =
        serde_json::from_str(&to_json(&corpus, &checks).unwrap()).unwrap();
    let flags = value["flags"].as_array().unwrap();
    assert_eq!(flags[0]["paragraph"], "paragraph:intro.p2");
    assert_eq!(flags[0]["citation"], serde_json::Value::Null);
    assert!(
        flags[0]["place"].as_str().unwrap().contains('¶'),
        "{}",
        flags[0]
    );
    assert_eq!(flags[1]["paragraph"], serde_json::Value::Null);
    assert_eq!(flags[1]["place"], "");

    let markdown = to_markdown(&corpus, &checks);
    let headings: Vec<&str> = markdown.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        ["## Citations with no reference", "## The paper as a whole"],
        "{markdown}"
    );
    assert!(
        markdown.contains("**Does this citation need fixing?**"),
        "{markdown}"
    );
    assert!(
        markdown.contains("**Does this need fixing?**"),
        "{markdown}"
    );
    assert!(!markdown.contains("support this sentence"), "{markdown}");

    let text = to_text(&corpus, &checks);
    assert!(
        text.contains("  a passage: A citation marker names no reference (strong)\n"),
        "{text}"
    );
    assert!(
        text.contains("  the paper: Citation markers in the source name no reference (strong)\n"),
        "{text}"
    );
}

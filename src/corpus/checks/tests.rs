//! The checks on the built-in paper (what its editorial notes record by hand) and on small
//! corpora made for each check, each with the case it must flag and the cases it must not.

// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;

use serde_json::json;

use super::*;
use crate::corpus::model::{
    CorpusFile, Entity, EntityKind, Figure, NoteKind, NoteTarget, Paper, Paragraph, Reference,
    Section,
};

// ---------------------------------------------------------------------------------------------
// The built-in paper

fn builtin_flags() -> (Corpus, CitationChecks) {
    let corpus = Corpus::builtin();
    let checks = CitationChecks::run(&corpus);
    (corpus, checks)
}

/// The flags of `check` about the reference with id `id`.
fn flags_of<'c>(
    corpus: &Corpus,
    checks: &'c CitationChecks,
    id: &str,
    check: &str,
) -> Vec<&'c Flag> {
    let reference = corpus.reference_by_id(id).expect("the reference exists");
    checks
        .for_reference(reference)
        .filter(|f| f.check == check)
        .collect()
}

#[test]
fn builtin_the_1977_book_is_older_than_the_protocol_the_office_and_the_campaign() {
    let (corpus, checks) = builtin_flags();
    let flags = flags_of(&corpus, &checks, "keohane1977", "older-than-entity");
    assert_eq!(flags.len(), 2, "{flags:#?}");
    let mechanisms = flags
        .iter()
        .find(|f| f.sentence.starts_with("These mechanisms"))
        .expect("the sentence about these mechanisms");
    for words in [
        "Dated 1977",
        "sentence before",
        "Palermo Protocol",
        "2000",
        "1997",
        "editorial",
    ] {
        assert!(
            mechanisms.evidence.contains(words),
            "{words}: {}",
            mechanisms.evidence
        );
    }
    assert!(
        mechanisms
            .evidence
            .contains("United Nations Office on Drugs and Crime")
    );
    assert_eq!(
        mechanisms.message,
        "Cited about the Palermo Protocol (began 2000) and the United Nations Office on Drugs \
         and Crime (began 1997), but dated 1977"
    );
    let campaigns = flags
        .iter()
        .find(|f| f.sentence.contains("such campaigns"))
        .expect("the sentence about such campaigns");
    assert!(
        campaigns
            .evidence
            .contains("Blue Heart Campaign, which began in 2009")
    );
    assert!(campaigns.message.contains("1977"));
    assert_eq!(campaigns.severity, FlagSeverity::Strong);
    assert_eq!(campaigns.kind, FlagKind::Anachronism);
    assert!(campaigns.citation.is_some() && campaigns.paragraph.is_some());
}

#[test]
fn builtin_a_1997_article_cited_for_the_2000_protocol() {
    let (corpus, checks) = builtin_flags();
    let flags = flags_of(&corpus, &checks, "moravcsik1997", "older-than-entity");
    assert_eq!(flags.len(), 1);
    assert!(
        flags[0]
            .evidence
            .contains("Palermo Protocol, which began in 2000")
    );
    // Three years apart: worth checking, not strong.
    assert_eq!(flags[0].severity, FlagSeverity::Moderate);
}

#[test]
fn builtin_every_malformed_reference_note_is_found() {
    let (corpus, checks) = builtin_flags();
    let noted: Vec<usize> = corpus
        .file
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::MalformedReference)
        .flat_map(|n| &n.about)
        .filter_map(|target| match target {
            NoteTarget::Reference(id) => corpus.reference_by_id(id),
            _ => None,
        })
        .collect();
    assert_eq!(noted.len(), 5);
    for reference in noted {
        assert!(
            checks
                .for_reference(reference)
                .any(|f| f.kind == FlagKind::MalformedReference),
            "reference {reference} has no malformed-reference flag"
        );
    }
    let expect = |id: &str, check: &str, words: &str| {
        let flags = flags_of(&corpus, &checks, id, check);
        assert!(
            flags
                .iter()
                .any(|f| f.evidence.contains(words) && f.citation.is_none()),
            "{id} {check} {words}: {flags:#?}"
        );
    };
    expect("hynes2024", "title-reads-like-text", "(Gallagher, 2015a");
    expect("shelley2010", "venue-artefact", "A Glob. Perspect.");
    expect("keohane1977", "venue-artefact", "TBS B. Serv. Ltd");
    expect("latonero2011", "venue-artefact", "Available SSRN 2045851");
    expect(
        "lathamsprinkle2019",
        "missing-venue",
        "no venue, publisher or other locator",
    );
}

#[test]
fn builtin_the_mismatched_sources_are_weak_topic_flags_with_their_words() {
    let (corpus, checks) = builtin_flags();
    let porter = flags_of(&corpus, &checks, "porter1995", "few-shared-words");
    assert_eq!(porter.len(), 2, "both sentences citing [8]");
    assert!(
        porter
            .iter()
            .any(|f| f.sentence.contains("online recruitment"))
    );
    assert!(
        porter
            .iter()
            .any(|f| f.sentence.contains("digital surveillance"))
    );
    let islam = flags_of(&corpus, &checks, "islam2024", "few-shared-words");
    assert_eq!(islam.len(), 1);
    for flag in porter.iter().chain(&islam) {
        assert_eq!(flag.severity, FlagSeverity::Weak);
        assert_eq!(flag.kind, FlagKind::TopicMismatch);
        let words = flag.words.as_ref().expect("the words compared");
        assert!(!words.context.is_empty() && !words.reference.is_empty());
        assert!(flag.evidence.contains("weak signal"));
    }
    let porter_words = porter[0].words.as_ref().expect("words");
    assert!(porter_words.reference.iter().any(|w| w == "environment"));
    assert!(porter_words.shared.is_empty());
    // Written as 0, never -0.
    assert!(porter_words.score.to_bits() == 0.0_f64.to_bits());
    // Islam & Fay share only the paper's own topic word with the sentence.
    let islam_words = islam[0].words.as_ref().expect("words");
    assert_eq!(islam_words.shared, ["trafficking"]);
    assert!(islam_words.context.iter().any(|w| w == "lockdown"));
}

#[test]
fn builtin_has_no_hygiene_problem_and_nothing_after_the_paper() {
    let (_, checks) = builtin_flags();
    let unexpected: Vec<&Flag> = checks
        .flags
        .iter()
        .filter(|f| {
            f.kind == FlagKind::Hygiene || f.check == "after-paper" || f.check == "older-than-year"
        })
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}

#[test]
fn flags_come_by_kind_then_in_reading_order_each_one_line() {
    let (corpus, checks) = builtin_flags();
    let kinds: Vec<FlagKind> = checks.flags.iter().map(|f| f.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted);
    for pair in checks.flags.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.kind == b.kind && a.citation.is_some() && b.citation.is_some() {
            assert!(a.citation <= b.citation, "{a:#?} before {b:#?}");
        }
    }
    for flag in &checks.flags {
        assert!(!flag.message.contains('\n') && !flag.message.is_empty());
        assert!(!flag.evidence.is_empty());
        if let Some(citation) = flag.citation {
            assert_eq!(
                Some(flag.sentence.as_str()),
                corpus.index.citing_sentence(citation)
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Small corpora

fn reference(value: serde_json::Value) -> Reference {
    serde_json::from_value(value).expect("a CSL-JSON reference")
}

/// A journal article with every field, by `family`, dated `year`.
pub(super) fn article(id: &str, family: &str, year: i32, title: &str) -> Reference {
    reference(json!({
        "id": id, "type": "article-journal", "title": title,
        "author": [{"family": family, "given": "A."}],
        "issued": {"date-parts": [[year]]},
        "container-title": "J. Example Stud.", "volume": "3", "page": "1–10",
    }))
}

/// A corpus of one section holding `paragraphs`, dated `date`.
pub(super) fn corpus_with(
    paragraphs: &[&str],
    references: Vec<Reference>,
    entities: Vec<Entity>,
    date: &str,
) -> Corpus {
    let file = CorpusFile {
        format: crate::corpus::model::FORMAT_V2.to_owned(),
        paper: Paper {
            title: "A test paper".to_owned(),
            date: date.to_owned(),
            ..Paper::default()
        },
        sections: vec![Section {
            id: "s".to_owned(),
            title: "Section".to_owned(),
            paragraphs: paragraphs
                .iter()
                .enumerate()
                .map(|(i, text)| Paragraph {
                    id: format!("s.p{i}"),
                    text: (*text).to_owned(),
                    ..Paragraph::default()
                })
                .collect(),
            ..Section::default()
        }],
        references,
        entities,
        ..CorpusFile::default()
    };
    Corpus::from_file(file, "test").expect("the test corpus is valid")
}

fn campaign(since: Option<i32>) -> Entity {
    Entity {
        id: "blue-heart".to_owned(),
        name: "Blue Heart Campaign".to_owned(),
        kind: EntityKind::Campaign,
        description: "An awareness campaign.".to_owned(),
        since,
        ..Entity::default()
    }
}

/// The checks of `corpus` as `check` codes with the id of their reference.
pub(super) fn found(corpus: &Corpus) -> Vec<(&'static str, String)> {
    CitationChecks::run(corpus)
        .flags
        .iter()
        .map(|f| {
            let id = f
                .reference
                .and_then(|r| corpus.file.references.get(r))
                .map_or_else(String::new, |r| r.id.clone());
            (f.check, id)
        })
        .collect()
}

fn has(corpus: &Corpus, check: &str, id: &str) -> bool {
    found(corpus).iter().any(|(c, i)| *c == check && i == id)
}

#[test]
fn a_work_older_than_the_campaign_its_sentence_names() {
    let text = ["The Blue Heart Campaign raises awareness [@old]."];
    let older = corpus_with(
        &text,
        vec![article("old", "Old", 1990, "Awareness")],
        vec![campaign(Some(2009))],
        "2024",
    );
    assert!(has(&older, "older-than-entity", "old"));
    let newer = corpus_with(
        &text,
        vec![article("old", "Old", 2010, "Awareness")],
        vec![campaign(Some(2009))],
        "2024",
    );
    assert!(!has(&newer, "older-than-entity", "old"));
    // Within the margin: a work of 2008 may discuss a campaign being prepared.
    let close = corpus_with(
        &text,
        vec![article("old", "Old", 2008, "Awareness")],
        vec![campaign(Some(2009))],
        "2024",
    );
    assert!(!has(&close, "older-than-entity", "old"));
    let unknown = corpus_with(
        &text,
        vec![article("old", "Old", 1990, "Awareness")],
        vec![campaign(None)],
        "2024",
    );
    assert!(
        found(&unknown)
            .iter()
            .all(|(c, _)| *c != "older-than-entity")
    );
    // A start year validation refuses is not used.
    let typo = corpus_with(
        &text,
        vec![article("old", "Old", 1990, "Awareness")],
        vec![campaign(Some(20009))],
        "2024",
    );
    assert!(!has(&typo, "older-than-entity", "old"));
}

#[test]
fn the_sentence_before_counts_only_when_referred_back_to_and_uncited() {
    let refs = || {
        vec![
            article("old", "Old", 1990, "Awareness"),
            article("new", "New", 2015, "Campaigns"),
        ]
    };
    let entities = || vec![campaign(Some(2009))];
    let back = corpus_with(
        &["The Blue Heart Campaign began. Such campaigns need support [@old]."],
        refs(),
        entities(),
        "2024",
    );
    let flags = CitationChecks::run(&back);
    let flag = flags
        .flags
        .iter()
        .find(|f| f.check == "older-than-entity")
        .expect("flagged");
    assert!(
        flag.evidence.contains("sentence before"),
        "{}",
        flag.evidence
    );
    assert!(flag.evidence.contains("\u{201c}such\u{201d}"));
    let no_back = corpus_with(
        &["The Blue Heart Campaign began. Campaigns need support [@old]."],
        refs(),
        entities(),
        "2024",
    );
    assert!(!has(&no_back, "older-than-entity", "old"));
    let examples = corpus_with(
        &["The Blue Heart Campaign began. Campaigns such as others need support [@old]."],
        refs(),
        entities(),
        "2024",
    );
    assert!(!has(&examples, "older-than-entity", "old"));
    let cited_before = corpus_with(
        &["The Blue Heart Campaign began [@new]. Such campaigns need support [@old]."],
        refs(),
        entities(),
        "2024",
    );
    assert!(!has(&cited_before, "older-than-entity", "old"));
}

#[test]
fn in_a_sentence_citing_several_works_the_thing_may_belong_to_a_newer_one() {
    let refs = vec![
        article("old", "Old", 1990, "Awareness"),
        article("new", "New", 2012, "Campaigns"),
    ];
    let corpus = corpus_with(
        &["The Blue Heart Campaign [@new] builds on awareness work [@old]."],
        refs,
        vec![campaign(Some(2009))],
        "2024",
    );
    assert!(!has(&corpus, "older-than-entity", "old"));
    let both_old = vec![
        article("old", "Old", 1990, "Awareness"),
        article("new", "New", 1995, "Campaigns"),
    ];
    let corpus = corpus_with(
        &["The Blue Heart Campaign [@new] builds on awareness work [@old]."],
        both_old,
        vec![campaign(Some(2009))],
        "2024",
    );
    assert!(has(&corpus, "older-than-entity", "old") && has(&corpus, "older-than-entity", "new"));
    let flags = CitationChecks::run(&corpus);
    assert!(
        flags
            .flags
            .iter()
            .all(|f| f.severity == FlagSeverity::Moderate)
    );
}

#[test]
fn a_work_older_than_a_year_its_sentence_reports() {
    let refs = || vec![article("old", "Old", 2005, "Rates")];
    let flagged = corpus_with(
        &["In 2015, reported rates rose sharply [@old]."],
        refs(),
        vec![],
        "2024",
    );
    assert!(has(&flagged, "older-than-year", "old"));
    for text in [
        "Between 2010 and 2015, reported rates rose sharply [@old].",
        "Reported rates rose sharply over 2010–2015 [@old].",
        "Rates should halve by 2030 [@old].",
        "Rates have risen since 2015 [@old].",
        "Rates rose, as noted (Smith, 2015) and elsewhere [@old].",
        "In 2006, reported rates rose sharply [@old].",
        // After the paper: a target, not a report.
        "In 2028, rates are expected to rise [@old].",
    ] {
        let corpus = corpus_with(&[text], refs(), vec![], "2024");
        assert!(!has(&corpus, "older-than-year", "old"), "{text}");
    }
}

#[test]
fn a_work_dated_after_the_paper() {
    let refs = vec![
        article("later", "Later", 2023, "A later work"),
        article("next", "Next", 2021, "In press"),
        article("same", "Same", 2020, "Same year"),
    ];
    let corpus = corpus_with(
        &["Cited [@later], [@next] and [@same]."],
        refs,
        vec![],
        "March 2020",
    );
    let checks = CitationChecks::run(&corpus);
    let after: Vec<(&str, FlagSeverity)> = checks
        .flags
        .iter()
        .filter(|f| f.check == "after-paper")
        .filter_map(|f| {
            Some((
                corpus.file.references.get(f.reference?)?.id.as_str(),
                f.severity,
            ))
        })
        .collect();
    assert_eq!(
        after,
        [
            ("later", FlagSeverity::Strong),
            ("next", FlagSeverity::Moderate)
        ]
    );
    let undated = corpus_with(
        &["Cited [@later]."],
        vec![article("later", "Later", 2023, "A later work")],
        vec![],
        "",
    );
    assert!(!has(&undated, "after-paper", "later"));
}

#[test]
fn malformed_entries_and_well_formed_ones() {
    let long_title = "word ".repeat(45);
    let refs = vec![
        article("good", "Good", 2020, "A well formed title"),
        article("long", "Long", 2020, &long_title),
        reference(
            json!({"id": "ssrn", "type": "article-journal", "title": "Online classifieds", "issued": {"date-parts": [[2011]]}, "container-title": "Available at SSRN", "volume": "1", "page": "2"}),
        ),
        reference(
            json!({"id": "chapter", "type": "chapter", "title": "A chapter", "issued": {"date-parts": [[2011]]}, "publisher": "Press"}),
        ),
        reference(
            json!({"id": "book", "type": "book", "title": "A book", "issued": {"date-parts": [[2011]]}}),
        ),
        reference(
            json!({"id": "bare", "type": "article-journal", "title": "Bare", "issued": {"date-parts": [[2011]]}, "container-title": "J. Bare"}),
        ),
        reference(
            json!({"id": "online", "type": "article-journal", "title": "Online first", "issued": {"date-parts": [[2011]]}, "container-title": "J. Bare", "DOI": "10.1/x"}),
        ),
        reference(
            json!({"id": "undated", "type": "article-journal", "title": "Undated", "container-title": "J. U.", "volume": "1", "page": "2"}),
        ),
        reference(
            json!({"id": "site", "type": "webpage", "title": "A web site", "URL": "https://example.org"}),
        ),
        reference(json!({"id": "tool", "type": "document", "title": "GitHub", "note": "GitHub"})),
        // Printed with a publisher its fields were read without; printed with nothing more.
        reference(
            json!({"id": "printed", "type": "book", "title": "Missing data", "author": [{"family": "Kenward", "given": "M. G."}], "issued": {"date-parts": [[2007]]}, "custom": {"paperlens": {"printed": "Kenward MG (2007) Missing data. Chichester: John Wiley & Sons."}}}),
        ),
        reference(
            json!({"id": "names", "type": "book", "title": "Only names", "author": [{"family": "Larsen", "given": "J."}], "issued": {"date-parts": [[2019]]}, "custom": {"paperlens": {"printed": "J. Larsen and J. Larsen, \"Only na- mes,\" March 2019."}}}),
        ),
    ];
    let text = "Cited [@good], [@long], [@ssrn], [@chapter], [@book], [@bare], [@online], [@undated], [@site], [@tool], [@printed] and [@names].";
    let corpus = corpus_with(&[text], refs, vec![], "2024");
    let mut malformed: Vec<(&str, String)> = found(&corpus)
        .into_iter()
        .filter(|(c, _)| {
            [
                "title-reads-like-text",
                "venue-artefact",
                "missing-venue",
                "missing-volume-pages",
                "missing-year",
            ]
            .contains(c)
        })
        .collect();
    malformed.sort();
    let expected: Vec<(&str, String)> = [
        ("missing-venue", "book"),
        ("missing-venue", "chapter"),
        ("missing-venue", "names"),
        ("missing-volume-pages", "bare"),
        ("missing-year", "undated"),
        ("title-reads-like-text", "long"),
        ("venue-artefact", "ssrn"),
    ]
    .into_iter()
    .map(|(c, i)| (c, i.to_owned()))
    .collect();
    assert_eq!(malformed, expected);
}

#[test]
fn hygiene_never_cited_but_not_when_a_caption_cites_it() {
    let mut refs = vec![
        article("a", "Alpha", 2020, "Cited"),
        article("b", "Beta", 2019, "Never cited"),
    ];
    let corpus = corpus_with(&["Cited [@a]."], refs.clone(), vec![], "2024");
    assert_eq!(found(&corpus), [("never-cited", "b".to_owned())]);
    // A figure caption names Beta (2019) as printed text.
    let mut file = corpus.file.clone();
    file.figures.push(Figure {
        id: "f1".to_owned(),
        label: "Figure 1".to_owned(),
        caption: "Adapted from Beta et al. 2019.".to_owned(),
        ..Figure::default()
    });
    let with_caption = Corpus::from_file(file, "test").expect("valid");
    assert!(found(&with_caption).is_empty());
    refs[1].title = "Cited".to_owned();
    refs[1].author = refs[0].author.clone();
    refs[1].issued = refs[0].issued.clone();
    refs[1].doi = "10.1/same".to_owned();
    refs[0].doi = "https://doi.org/10.1/SAME".to_owned();
    let duplicate = corpus_with(&["Cited [@a] and [@b]."], refs, vec![], "2024");
    let flags = found(&duplicate);
    assert!(
        flags.contains(&("duplicate-reference", "b".to_owned())),
        "{flags:?}"
    );
    // Same first author and year in an author–date paper.
    assert!(
        flags.contains(&("same-author-year", "b".to_owned())),
        "{flags:?}"
    );
}

#[test]
fn same_author_and_year_only_matters_when_the_paper_prints_names() {
    let mut first = article("a", "Smith", 2020, "One thing");
    let mut second = article("b", "Smith", 2020, "Another thing");
    let names = corpus_with(
        &["Cited [@a] and [@b]."],
        vec![first.clone(), second.clone()],
        vec![],
        "2024",
    );
    assert!(has(&names, "same-author-year", "b"));
    first.citation_number = Some(1);
    second.citation_number = Some(2);
    let numbers = corpus_with(&["Cited [1] and [2]."], vec![first, second], vec![], "2024");
    assert!(!has(&numbers, "same-author-year", "b"));
}

#[test]
fn a_citation_naming_no_reference_kept_as_text() {
    let corpus = corpus_with(
        &["Known [@a]. Unknown \\[\\@ghost2020] here."],
        vec![article("a", "A", 2020, "Known")],
        vec![],
        "2024",
    );
    let checks = CitationChecks::run(&corpus);
    let flag = checks
        .flags
        .iter()
        .find(|f| f.check == "no-reference")
        .expect("flagged");
    assert_eq!(flag.paragraph, Some(0));
    assert_eq!(flag.sentence, "Unknown [@ghost2020] here.");
    assert!(flag.message.contains("[@ghost2020]"));
    assert_eq!(flag.severity, FlagSeverity::Strong);
}

#[test]
fn a_printed_range_that_skips_a_reference() {
    let mut refs: Vec<Reference> = ["a", "b", "c"]
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let mut r = article(id, "Author", 2020, "A title");
            r.citation_number = Some(u32::try_from(i + 1).unwrap_or_default());
            r.author[0].family = format!("Author{id}");
            r
        })
        .collect();
    let corpus = corpus_with(
        &["A range [[1]–[3]]{@a; @c} and [2]."],
        refs.clone(),
        vec![],
        "2024",
    );
    let checks = CitationChecks::run(&corpus);
    let flag = checks
        .flags
        .iter()
        .find(|f| f.check == "unresolved-range")
        .expect("flagged");
    assert!(flag.evidence.contains("[2]"), "{}", flag.evidence);
    refs.truncate(3);
    let whole = corpus_with(&["A range [[1]–[3]]{@a; @b; @c}."], refs, vec![], "2024");
    assert!(found(&whole).iter().all(|(c, _)| *c != "unresolved-range"));
}

#[test]
fn a_secondary_citation() {
    let refs = vec![
        article("a", "Alpha", 2020, "Primary"),
        article("b", "Beta", 2021, "Secondary"),
    ];
    let corpus = corpus_with(
        &[
            "Slavery persists [@a], as cited in [@b]. Recited inside [@a]. What should be cited in a draft [@a].",
        ],
        refs,
        vec![],
        "2024",
    );
    let secondary: Vec<(&str, String)> = found(&corpus)
        .into_iter()
        .filter(|(c, _)| *c == "secondary-citation")
        .collect();
    assert_eq!(secondary, [("secondary-citation", "b".to_owned())]);
}

#[test]
fn a_corpus_ten_times_the_builtin_has_ten_times_its_flags_of_each_check() {
    let (_, builtin) = builtin_flags();
    let file = crate::corpus::synthetic::scaled_corpus(10, 7);
    let scaled = Corpus::from_file(file, "scaled").expect("the scaled corpus is valid");
    let checks = CitationChecks::run(&scaled);
    let count = |checks: &CitationChecks, check: &str| {
        checks.flags.iter().filter(|f| f.check == check).count()
    };
    for check in [
        "older-than-entity",
        "few-shared-words",
        "title-reads-like-text",
        "venue-artefact",
        "missing-venue",
        "missing-volume-pages",
    ] {
        assert_eq!(
            count(&checks, check),
            10 * count(&builtin, check),
            "{check}"
        );
    }
}

#[test]
fn a_long_paragraph_of_citations_each_sentence_its_own_context() {
    // One paragraph of 2,000 cited sentences and as many uncited ones, each cited sentence
    // naming a year its work is older than: each flag is found, in its own sentence, and the
    // check stays linear (a quadratic one took minutes here).
    let n = 2000;
    let refs: Vec<Reference> = (0..n)
        .map(|i| {
            article(
                &format!("r{i}"),
                &format!("Author{i}"),
                2000,
                "A title of some words",
            )
        })
        .collect();
    let mut text = String::new();
    for i in 0..n {
        let _ = write!(
            text,
            "Sentence {i} reports rates in 2015 [@r{i}]. Another sentence without a citation. "
        );
    }
    let corpus = corpus_with(&[text.as_str()], refs, vec![], "2024");
    let checks = CitationChecks::run(&corpus);
    let years: Vec<&Flag> = checks
        .flags
        .iter()
        .filter(|f| f.check == "older-than-year")
        .collect();
    assert_eq!(years.len(), n);
    for (i, flag) in years.iter().enumerate() {
        assert_eq!(
            flag.sentence,
            format!("Sentence {i} reports rates in 2015 (Author{i}, 2000).")
        );
    }
}

//! Property tests of the citation check: paragraphs made of the pieces the checks look for
//! (citations alone and in groups, years, ranges, "since", "such", entity names with start
//! years, "as cited in", Pandoc markers written out as text, any script) never make it panic,
//! and every flag points at records that exist and quotes its citing sentence as printed.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paperlens::corpus::Corpus;
use paperlens::corpus::checks::CitationChecks;
use paperlens::corpus::model::{
    CorpusFile, Entity, EntityKind, FORMAT_V2, Paper, Paragraph, Reference, Section,
};
use proptest::prelude::*;
use serde_json::json;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 96,
        ..ProptestConfig::default()
    }
}

/// The pieces a paragraph is made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[@a]".to_owned()),
        Just("[@b; @c]".to_owned()),
        Just("@a says".to_owned()),
        Just("(Smith, 2010)".to_owned()),
        Just("\\[\\@ghost\\]".to_owned()),
        Just("The Blue Heart Campaign".to_owned()),
        Just("UNODC".to_owned()),
        Just("such campaigns".to_owned()),
        Just("These mechanisms".to_owned()),
        Just("as cited in".to_owned()),
        Just("by 2030".to_owned()),
        Just("since 1990".to_owned()),
        Just("between 2001 and 2015".to_owned()),
        Just("March 2001 to February 2010".to_owned()),
        Just(". ".to_owned()),
        Just("? ".to_owned()),
        Just(" ".to_owned()),
        (1800..2100i32).prop_map(|y| y.to_string()),
        "[A-Za-zÀ-ÿΑ-ωא-ת一-龥]{1,12}",
        "[^\\[\\]@$\\\\]{0,12}",
    ]
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..24).prop_map(|pieces| pieces.join(" "))
}

fn reference(id: &str, year: Option<i32>, title: &str) -> Reference {
    let mut value = json!({
        "id": id, "type": "article-journal", "title": title,
        "author": [{"family": "Smith", "given": "A."}],
        "container-title": "J. Example",
    });
    if let Some(year) = year {
        value["issued"] = json!({"date-parts": [[year]]});
    }
    serde_json::from_value(value).expect("a CSL-JSON reference")
}

fn corpus(paragraphs: &[String], years: [Option<i32>; 3], date: &str) -> Option<Corpus> {
    let file = CorpusFile {
        format: FORMAT_V2.to_owned(),
        paper: Paper {
            title: "Trafficking campaigns".to_owned(),
            date: date.to_owned(),
            ..Paper::default()
        },
        sections: vec![Section {
            id: "s".to_owned(),
            title: "S".to_owned(),
            paragraphs: paragraphs
                .iter()
                .enumerate()
                .map(|(i, text)| Paragraph {
                    id: format!("s.p{i}"),
                    text: text.clone(),
                    ..Paragraph::default()
                })
                .collect(),
            ..Section::default()
        }],
        references: vec![
            reference(
                "a",
                years[0],
                "Awareness campaigns against trafficking in persons",
            ),
            reference("b", years[1], "Campaigns"),
            reference(
                "c",
                years[2],
                "Awareness campaigns against trafficking in persons",
            ),
        ],
        entities: vec![
            Entity {
                id: "blue-heart".to_owned(),
                name: "Blue Heart Campaign".to_owned(),
                kind: EntityKind::Campaign,
                description: "A campaign.".to_owned(),
                since: Some(2009),
                ..Entity::default()
            },
            Entity {
                id: "unodc".to_owned(),
                name: "UNODC".to_owned(),
                kind: EntityKind::Organisation,
                description: "An office.".to_owned(),
                since: Some(1997),
                ..Entity::default()
            },
        ],
        ..CorpusFile::default()
    };
    // A generated paragraph may write a citation wrongly: such a corpus does not load, and
    // there is nothing to check.
    Corpus::from_file(file, "generated").ok()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_paragraphs_every_flag_is_sound(
        paragraphs in prop::collection::vec(paragraph(), 1..5),
        years in prop::array::uniform3(prop::option::of(1950..2030i32)),
        date in prop_oneof![Just(String::new()), Just("2020".to_owned()), Just("Feb, 2025".to_owned())],
    ) {
        let Some(corpus) = corpus(&paragraphs, years, &date) else {
            return Ok(());
        };
        let checks = CitationChecks::run(&corpus);
        let mut last_kind = None;
        for flag in &checks.flags {
            prop_assert!(last_kind <= Some(flag.kind), "flags come by kind");
            last_kind = Some(flag.kind);
            prop_assert!(!flag.message.is_empty() && !flag.message.contains('\n'));
            prop_assert!(!flag.evidence.is_empty());
            if let Some(citation) = flag.citation {
                prop_assert_eq!(corpus.index.citing_sentence(citation), Some(flag.sentence.as_str()));
            }
            prop_assert!(flag.reference.is_none_or(|r| r < corpus.file.references.len()));
            prop_assert!(flag.paragraph.is_none_or(|p| p < corpus.index.paragraphs.len()));
            if flag.check == "older-than-entity" || flag.check == "older-than-year" {
                // A work is only ever flagged as older than something when it has a year.
                let reference = flag.reference.and_then(|r| corpus.file.references.get(r));
                prop_assert!(reference.is_some_and(|r| r.issued.is_some()));
            }
        }
    }
}

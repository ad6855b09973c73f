//! Property tests: a reference written as BibTeX or RIS and imported again keeps every field
//! the format carries.

// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paperlens::corpus::model::{CslDate, CslName, Reference};
use proptest::prelude::*;

use crate::proptest_roundtrip::config;

/// Words separated by single spaces (both formats normalise white space), each from letters of
/// several scripts, digits and punctuation, LaTeX's special characters included. Not `'`: TeX
/// reads `''` as a closing quotation mark, and the BibTeX export does not protect it (yet).
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        "[A-Za-z0-9À-ÿΑ-ωء-يא-ת.,:;!?\"()/&%$#_~^*+=<>|@{}\\\\-]{1,8}",
        1..6,
    )
    .prop_map(|w| w.join(" "))
}

/// A name: a person (family, given, sometimes a particle or a suffix) or an organisation
/// (literal).
/// A person always has a given name here: both formats write a family name alone exactly as an
/// organisation's name, so it reads back as one.
fn csl_name() -> impl Strategy<Value = CslName> {
    let word = "[A-Z][a-zà-ÿ]{1,8}";
    prop_oneof![
        (
            word,
            word,
            any::<bool>(),
            prop::sample::select(vec!["", "Jr.", "III"])
        )
            .prop_map(|(family, given, particle, suffix)| CslName {
                family,
                given,
                non_dropping_particle: if particle {
                    "van der".to_owned()
                } else {
                    String::new()
                },
                suffix: suffix.to_owned(),
                ..CslName::default()
            }),
        prop::collection::vec(word, 2..4).prop_map(|w| CslName {
            literal: w.join(" "),
            ..CslName::default()
        }),
    ]
}

/// A reference with every field BibTeX and RIS both carry.
fn carried_reference() -> impl Strategy<Value = Reference> {
    (
        "[a-z][a-z0-9_:-]{0,12}",
        prop::sample::select(vec![
            "article-journal",
            "book",
            "chapter",
            "paper-conference",
            "report",
        ]),
        words(),
        prop::collection::vec(csl_name(), 0..4),
        prop::collection::vec(csl_name(), 0..2),
        prop::option::of((
            1800..2100i32,
            prop::option::of((1..=12i32, prop::option::of(1..=28i32))),
        )),
        (prop::option::of(words()), prop::option::of(words())),
        (
            prop::option::of(1..500u32),
            prop::option::of(1..50u32),
            prop::option::of((1..500u32, prop::option::of(1..99u32))),
        ),
        (
            prop::option::of("10\\.[0-9]{4,5}/[a-z0-9.]{1,10}"),
            prop::option::of("https://example\\.org/[a-z0-9]{1,10}"),
        ),
    )
        .prop_map(
            |(
                id,
                item_type,
                title,
                author,
                editor,
                date,
                (container, publisher),
                numbers,
                links,
            )| {
                let (volume, issue, pages) = numbers;
                let (doi, url) = links;
                Reference {
                    id,
                    item_type: item_type.to_owned(),
                    title,
                    author,
                    editor,
                    issued: date.map(|(year, rest)| CslDate {
                        date_parts: vec![match rest {
                            None => vec![year],
                            Some((month, None)) => vec![year, month],
                            Some((month, Some(day))) => vec![year, month, day],
                        }],
                        ..Default::default()
                    }),
                    container_title: container.unwrap_or_default(),
                    volume: volume.map(|v| v.to_string()).unwrap_or_default(),
                    issue: issue.map(|v| v.to_string()).unwrap_or_default(),
                    page: pages
                        .map(|(start, length)| match length {
                            Some(length) => format!("{start}–{}", start + length),
                            None => start.to_string(),
                        })
                        .unwrap_or_default(),
                    publisher: publisher.clone().unwrap_or_default(),
                    publisher_place: publisher.map(|p| format!("{p} City")).unwrap_or_default(),
                    doi: doi.unwrap_or_default(),
                    url: url.unwrap_or_default(),
                    ..Reference::default()
                }
            },
        )
}

/// The fields a bibliography format carries, side by side, for comparison.
fn carried(r: &Reference) -> Vec<(&'static str, String)> {
    vec![
        ("id", r.id.clone()),
        ("type", r.item_type.clone()),
        ("title", r.title.clone()),
        ("author", format!("{:?}", r.author)),
        ("editor", format!("{:?}", r.editor)),
        ("issued", format!("{:?}", r.issued)),
        ("container-title", r.container_title.clone()),
        ("volume", r.volume.clone()),
        ("issue", r.issue.clone()),
        ("page", r.page.clone()),
        ("publisher", r.publisher.clone()),
        ("publisher-place", r.publisher_place.clone()),
        ("DOI", r.doi.clone()),
        ("URL", r.url.clone()),
    ]
}

/// `original` written by `write`, read back by `read`: no diagnostic, one reference, and every
/// field both BibTeX and RIS carry as it was.
fn assert_round_trip(
    original: &Reference,
    write: fn(&Reference, Option<&paperlens::formats::links::CrossLinks>) -> String,
    read: fn(&str) -> paperlens::formats::import::Imported,
) -> Result<(), TestCaseError> {
    let text = write(original, None);
    let imported = read(&text);
    prop_assert!(
        imported.diagnostics.is_empty(),
        "{:?}\n{text}",
        imported.diagnostics
    );
    prop_assert_eq!(imported.references.len(), 1, "{}", text);
    prop_assert_eq!(
        carried(&imported.references[0]),
        carried(original),
        "{}",
        text
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// A reference written as a BibTeX entry and read back keeps every field BibTeX carries.
    #[test]
    fn a_reference_round_trips_through_bibtex(original in carried_reference()) {
        assert_round_trip(
            &original,
            paperlens::formats::bibtex::entry,
            paperlens::formats::bibtex::import,
        )?;
    }

    /// A reference written as a RIS record and read back keeps every field RIS carries.
    #[test]
    fn a_reference_round_trips_through_ris(original in carried_reference()) {
        assert_round_trip(
            &original,
            paperlens::formats::ris::record,
            paperlens::formats::ris::import,
        )?;
    }
}

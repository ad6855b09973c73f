//! Opening bibliographies: broken entries among good ones, and the biblatex example database
//! with its @strings, accents, crossrefs and sets.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use paperlens::corpus::diagnostics::Severity;
use paperlens::corpus::load::LoadReport;
use paperlens::corpus::model::{CslDate, CslName, Reference};
use paperlens::open::{open_bytes, open_path};
use serde_json::json;

use crate::common;

fn fixture(name: &str) -> PathBuf {
    common::fixtures().join("import").join(name)
}

fn references(report: &LoadReport) -> &[Reference] {
    &report
        .corpus
        .as_ref()
        .unwrap_or_else(|| panic!("not loaded: {:#?}", report.diagnostics))
        .file
        .references
}

fn by_id<'a>(references: &'a [Reference], id: &str) -> &'a Reference {
    references
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no reference `{id}`"))
}

fn person(family: &str, given: &str) -> CslName {
    CslName {
        family: family.to_owned(),
        given: given.to_owned(),
        ..CslName::default()
    }
}

#[test]
fn a_broken_bibtex_entry_is_skipped_with_its_line_and_the_others_load() {
    let report = open_path(&fixture("broken.bib"));
    assert_eq!(report.failure(), None);
    let refs = references(&report);
    let ids: Vec<&str> = refs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["good-one", "good-two"]);
    assert_eq!(refs[0].author, [person("Müller", "Anna")]);
    assert_eq!(refs[0].container_title, "Journal of Human Rights");
    assert_eq!(refs[1].author, [person("García", "Luis")]);
    assert_eq!(
        refs.iter().map(|r| r.citation_number).collect::<Vec<_>>(),
        [Some(1), Some(2)]
    );

    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let warning = &report.diagnostics[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.location.map(|l| l.line), Some(11));
    assert!(
        warning.message.contains("@book{broken-entry"),
        "{}",
        warning.message
    );
    assert!(warning.message.contains("comma"), "{}", warning.message);
    // The corpus carries the warning too, for the window to show.
    assert_eq!(report.corpus.as_ref().map(|c| c.warnings.len()), Some(1));
}

#[test]
fn a_broken_ris_record_is_skipped_with_its_line_and_the_others_load() {
    let report = open_path(&fixture("broken.ris"));
    assert_eq!(report.failure(), None);
    let refs = references(&report);
    let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["First good record", "Second good record"]);
    assert_eq!(refs[0].item_type, "article-journal");
    assert_eq!(refs[0].id, "good-one");
    assert_eq!(refs[1].publisher, "Example Press");
    assert_eq!(refs[1].author, [person("García", "Luis")]);

    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let warning = &report.diagnostics[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.location.map(|l| l.line), Some(9));
    assert!(
        warning.message.contains("A record that never ends"),
        "{}",
        warning.message
    );
}

#[test]
fn a_bibliography_alone_is_not_warned_about_uncited_references() {
    let report = open_path(&fixture("broken.bib"));
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.code.as_str() != "uncited-reference"),
        "{:#?}",
        report.diagnostics
    );
    let corpus = report.corpus.expect("loaded");
    assert_eq!(corpus.file.paper.title, "broken.bib");
    assert!(corpus.file.sections.is_empty());
}

#[test]
fn a_bibliography_with_no_readable_entry_does_not_load() {
    let report = open_bytes(b"@book{a, title = {x}\n", "empty.bib");
    assert!(report.corpus.is_none());
    let codes: Vec<(&str, Severity)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.severity))
        .collect();
    assert_eq!(
        codes,
        [
            ("skipped-entry", Severity::Warning),
            ("empty-text", Severity::Error)
        ]
    );
}

#[test]
fn formats_are_recognised_by_content_when_the_name_says_nothing() {
    let bib = open_bytes(b"@book{k, title = {T}, year = 2000}\n", "clipboard");
    assert_eq!(references(&bib)[0].title, "T");
    let ris = open_bytes(b"TY  - BOOK\nTI  - R\nER  - \n", "clipboard");
    assert_eq!(references(&ris)[0].title, "R");
    let csl = open_bytes(
        br#"[{"id": "c", "type": "book", "title": "C"}]"#,
        "clipboard",
    );
    assert_eq!(references(&csl)[0].title, "C");
    assert_eq!(
        csl.corpus.as_ref().map(|c| c.file.paper.title.as_str()),
        Some("clipboard")
    );
}

#[test]
fn validation_problems_of_an_imported_entry_point_at_its_line() {
    let text = "@book{first, title = {One}, year = 2000}\n\n@book{untitled,\n  year = 2001,\n}\n";
    let report = open_bytes(text.as_bytes(), "refs.bib");
    assert!(report.corpus.is_some());
    let warning = report
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "empty-text")
        .expect("a missing-title warning");
    assert_eq!(warning.location.map(|l| l.line), Some(3));
}

#[test]
fn the_biblatex_examples_open_with_all_90_entries() {
    let Some(path) = common::biblatex_examples() else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let records = text
        .lines()
        .filter(|l| l.starts_with('@') && l.contains('{'))
        .count();
    assert_eq!(records, 100, "the file is the one the README describes");

    let report = open_path(&path);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let refs = references(&report);
    // 100 records = 8 @string + 2 @set + 90 entries: the sets are skipped, their members kept.
    assert_eq!(refs.len(), 90);
    assert!(refs.iter().all(|r| r.id != "set" && r.id != "stdmodel"));
    for member in ["herrmann", "aksin", "yoon", "glashow", "weinberg", "salam"] {
        by_id(refs, member);
    }
    let numbers: Vec<Option<u32>> = refs.iter().map(|r| r.citation_number).collect();
    assert_eq!(numbers, (1..=90).map(Some).collect::<Vec<_>>());
    // Nothing LaTeX is left in what a style prints.
    for r in refs {
        for text in [
            &r.title,
            &r.container_title,
            &r.publisher,
            &r.publisher_place,
        ] {
            assert!(!text.contains(['\\', '{', '}', '~']), "{}: {text:?}", r.id);
        }
        for name in r.author.iter().chain(&r.editor) {
            assert!(
                !format!("{}{}{}", name.family, name.given, name.literal)
                    .contains(['\\', '{', '}']),
                "{}: {name:?}",
                r.id
            );
        }
    }
}

#[test]
fn biblatex_example_strings_are_expanded_and_accents_decoded() {
    let Some(path) = common::biblatex_examples() else {
        return;
    };
    let report = open_path(&path);
    let refs = references(&report);

    // `journaltitle = jomch`, `@string{jomch = {J.~Organomet. Chem.}}`; `~` is a no-break space.
    let aksin = by_id(refs, "aksin");
    assert_eq!(aksin.container_title, "J.\u{a0}Organomet. Chem.");
    assert_eq!(aksin.item_type, "article-journal");
    assert_eq!(
        aksin.title,
        "Effect of immobilization on catalytic characteristics of saturated Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions"
    );
    let authors: Vec<(&str, &str)> = aksin
        .author
        .iter()
        .map(|a| (a.family.as_str(), a.given.as_str()))
        .collect();
    assert_eq!(
        authors,
        [
            ("Aksın", "Özge"),
            ("Türkmen", "Hayati"),
            ("Artok", "Levent"),
            ("Çetinkaya", "Bekir"),
            ("Ni", "Chaoying"),
            ("Büyükgüngör", "Orhan"),
            ("Özkal", "Erhan"),
        ]
    );
    assert_eq!(
        (
            aksin.volume.as_str(),
            aksin.issue.as_str(),
            aksin.page.as_str()
        ),
        ("691", "13", "3027-3036")
    );
    assert_eq!(
        aksin.issued,
        Some(CslDate {
            date_parts: vec![vec![2006]],
            ..Default::default()
        })
    );

    assert_eq!(
        by_id(refs, "herrmann").container_title,
        "Angew.\u{a0}Chem. Int.\u{a0}Ed."
    );
    assert_eq!(
        by_id(refs, "bertram").container_title,
        "J.\u{a0}Amer. Math. Soc."
    );
    assert_eq!(
        by_id(refs, "angenendt").container_title,
        "Revue d'Histoire Ecclésiastique"
    );
    // `dtv # { and Walter de Gruyter}`: a string concatenated with text, as a list.
    assert_eq!(
        by_id(refs, "nietzsche:ksa").publisher,
        "Deutscher Taschenbuch-Verlag; Walter de Gruyter"
    );
    assert_eq!(
        by_id(refs, "aristotle:anima").publisher,
        "Cambridge University Press"
    );
    assert_eq!(by_id(refs, "malinowski").author[0].given, "Bronisław");
    assert_eq!(
        by_id(refs, "britannica").title,
        "The New Encyclopædia Britannica"
    );
    assert_eq!(
        by_id(refs, "spiegelberg").title,
        "“Intention” und “Intentionalität” in der Scholastik, bei Brentano und Husserl"
    );
    assert_eq!(
        by_id(refs, "kastenholz").title,
        "Computation of methodology-independent ionic solvation free energies from molecular simulations: I. The electrostatic potential in molecular liquids"
    );
    let gennep = &by_id(refs, "vangennep").author[0];
    assert_eq!(
        (
            gennep.non_dropping_particle.as_str(),
            gennep.family.as_str(),
            gennep.given.as_str()
        ),
        ("van", "Gennep", "Arnold")
    );
    assert_eq!(
        by_id(refs, "knuth:ct")
            .issued
            .as_ref()
            .map(|d| d.date_parts.clone()),
        Some(vec![vec![1984], vec![1986]])
    );
    assert_eq!(
        by_id(refs, "baez/online")
            .issued
            .as_ref()
            .map(|d| d.date_parts.clone()),
        Some(vec![vec![2004, 10, 27]])
    );
}

#[test]
fn biblatex_example_crossrefs_are_inherited() {
    let Some(path) = common::biblatex_examples() else {
        return;
    };
    let report = open_path(&path);
    let refs = references(&report);
    // `@incollection{westfahl:space, crossref = {westfahl:frontier}, …}` inherits the
    // collection's title (as its book title), editor, publisher, place and date.
    let space = by_id(refs, "westfahl:space");
    assert_eq!(space.item_type, "chapter");
    assert_eq!(
        space.title,
        "The True Frontier: Confronting and Avoiding the Realities of Space in American Science Fiction Films"
    );
    assert_eq!(
        space.container_title,
        "Space and Beyond: The Frontier Theme in Science Fiction"
    );
    assert_eq!(space.publisher, "Greenwood");
    assert_eq!(space.publisher_place, "Westport, Conn.; London");
    assert_eq!(space.editor, [person("Westfahl", "Gary")]);
    assert_eq!(space.author, [person("Westfahl", "Gary")]);
    assert_eq!(space.page, "55-65");
    assert_eq!(
        space.issued.as_ref().map(|d| d.date_parts.clone()),
        Some(vec![vec![2000]])
    );
    // The collection it refers to is an entry of its own.
    assert_eq!(by_id(refs, "westfahl:frontier").item_type, "book");
    // `@inbook` with the book title and book author in the entry itself.
    let kant = by_id(refs, "kant:kpv");
    assert_eq!(
        kant.container_title,
        "Kritik der praktischen Vernunft. Kritik der Urtheilskraft"
    );
    assert_eq!(
        kant.extra.get("container-author"),
        Some(&json!([{"family": "Kant", "given": "Immanuel"}]))
    );
}

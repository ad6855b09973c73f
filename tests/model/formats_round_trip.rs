//! Export → import round trips: CSL-JSON keeps every field; BibTeX and RIS keep every field
//! they can carry, and the cross-links arrive in their note fields.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use paperlens::corpus::model::{CslDate, CslName, Reference};
use paperlens::corpus::{Corpus, CorpusFile};
use paperlens::formats::import::into_corpus_file;
use paperlens::formats::{ReferenceFormat, cross_links, export_references};
use paperlens::open::{open_bytes, open_text};
use serde_json::{Value, json};

fn builtin() -> Corpus {
    let corpus = Corpus::builtin();
    assert_eq!(corpus.file.references.len(), 19);
    corpus
}

fn export(corpus: &Corpus, format: ReferenceFormat) -> String {
    export_references(corpus, format, None).expect("export")
}

/// Loads exported text as a file with this name, expecting no diagnostics at all.
fn import(text: &str, name: &str) -> Corpus {
    let report = open_bytes(text.as_bytes(), name);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    report.corpus.expect("loaded")
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn csl_json_import_then_export_gives_back_the_input_field_by_field() {
    let corpus = builtin();
    // The references exactly as the corpus holds them: our fields and `extra`.
    let input = serde_json::to_string_pretty(&corpus.file.references).unwrap();
    let imported = import(&input, "references.json");
    assert_eq!(imported.file.references, corpus.file.references);
    let output = export(&imported, ReferenceFormat::CslJson);
    let input: Value = serde_json::from_str(&input).unwrap();
    let output: Value = serde_json::from_str(&output).unwrap();
    let (input, output) = (input.as_array().unwrap(), output.as_array().unwrap());
    assert_eq!(input.len(), 19);
    assert_eq!(output.len(), 19);
    for (a, b) in input.iter().zip(output) {
        let (a, b) = (a.as_object().unwrap(), b.as_object().unwrap());
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "{}",
            a["id"]
        );
        for (key, value) in a {
            assert_eq!(Some(value), b.get(key), "{} {key}", a["id"]);
        }
    }
}

/// What reference managers write beyond the corpus's own references: particles, suffixes and
/// name flags, uncertain and seasonal dates, fields the model does not name. Each comes back
/// with the value it went in with.
#[test]
fn csl_json_name_and_date_details_survive_import_and_export() {
    let input = json!([
        {
            "id": "king1963",
            "type": "book",
            "title": "Strength to Love",
            "author": [
                {"family": "King", "given": "Martin Luther", "suffix": "Jr.", "comma-suffix": true},
                {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
                {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de", "static-ordering": false}
            ],
            "issued": {"date-parts": [[1963]], "circa": true},
            "original-date": {"date-parts": [[1850]], "season": 2},
            "collection-number": 4
        }
    ]);
    let text = serde_json::to_string_pretty(&input).unwrap();
    let imported = import(&text, "zotero.json");
    let output: Value = serde_json::from_str(&export(&imported, ReferenceFormat::CslJson)).unwrap();
    let (Some(a), Some(b)) = (input[0].as_object(), output[0].as_object()) else {
        panic!("one item in, one out: {output}");
    };
    for (key, value) in a {
        assert_eq!(Some(value), b.get(key), "{key}");
    }
}

#[test]
fn csl_json_export_carries_cross_links_and_survives_a_second_trip() {
    let corpus = builtin();
    let first = export(&corpus, ReferenceFormat::CslJson);
    let items: Value = serde_json::from_str(&first).unwrap();
    let porter = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "porter1995")
        .unwrap();
    let links = &porter["custom"]["paperlens"];
    assert_eq!(links["number"], 8);
    // Beside the entry as the paper's list prints it, which the corpus keeps there.
    assert!(
        links["printed"]
            .as_str()
            .unwrap()
            .starts_with("M. E. Porter and C. van der Linde, \"Toward")
    );
    let cited = links["cited-in"].as_array().unwrap();
    assert_eq!(cited.len(), 2);
    assert_eq!(cited[0]["section"], "2 LITERATURE REVIEW");
    assert!(cited[0]["sentence"].as_str().unwrap().contains("[8]"));
    let citaristi = &items[0]["custom"]["paperlens"];
    assert!(
        citaristi["cases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "sea-labour-trafficking")
    );
    // Reading the export back and exporting again changes nothing.
    let again = export(&import(&first, "export.json"), ReferenceFormat::CslJson);
    assert_eq!(again, first);
}

#[test]
fn a_subset_of_positions_is_exported_in_the_order_given() {
    let corpus = builtin();
    let text = export_references(&corpus, ReferenceFormat::CslJson, Some(&[7, 1])).unwrap();
    let items: Vec<Value> = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["porter1995", "cho2015"]);
    // Their printed numbers survive, so they read back as [8] and [2].
    let back = import(&text, "subset.json");
    let numbers: Vec<Option<u32>> = back
        .file
        .references
        .iter()
        .map(|r| r.citation_number)
        .collect();
    assert_eq!(numbers, [Some(8), Some(2)]);
    assert!(export_references(&corpus, ReferenceFormat::Ris, Some(&[19])).is_err());
}

#[test]
fn ris_export_has_exactly_one_ty_er_record_per_reference() {
    let text = export(&builtin(), ReferenceFormat::Ris);
    let tags: Vec<&str> = text
        .lines()
        .filter_map(|l| l.get(..6))
        .filter(|t| *t == "TY  - " || *t == "ER  - ")
        .collect();
    assert_eq!(tags.len(), 38);
    assert!(
        tags.chunks(2).all(|pair| pair == ["TY  - ", "ER  - "]),
        "records must alternate TY … ER"
    );
    assert!(
        text.lines()
            .all(|l| l.is_empty() || l.get(2..6) == Some("  - "))
    );
    assert!(text.contains("ID  - porter1995\r\n"));
}

/// The type a CSL type comes back as after a trip through a format that has no exact match.
fn round_trip_type(format: ReferenceFormat, item_type: &str) -> &str {
    match (format, item_type) {
        (ReferenceFormat::Ris, "article") => "document",
        _ => item_type,
    }
}

/// Checks the fields BibTeX and RIS both carry, and that the cross-links arrived in `note`.
fn assert_carried(
    format: ReferenceFormat,
    original: &Corpus,
    back: &Corpus,
    note: impl Fn(&Reference) -> String,
) {
    assert_eq!(back.file.references.len(), original.file.references.len());
    for (position, (a, b)) in original
        .file
        .references
        .iter()
        .zip(&back.file.references)
        .enumerate()
    {
        let id = &a.id;
        assert_eq!(b.id, a.id);
        assert_eq!(b.item_type, round_trip_type(format, &a.item_type), "{id}");
        assert_eq!(
            b.citation_number,
            Some(u32::try_from(position + 1).unwrap())
        );
        assert_eq!(b.title, a.title, "{id}");
        assert_eq!(b.author, a.author, "{id}");
        assert_eq!(b.editor, a.editor, "{id}");
        assert_eq!(b.issued, a.issued, "{id}");
        assert_eq!(b.container_title, a.container_title, "{id}");
        assert_eq!(b.volume, a.volume, "{id}");
        assert_eq!(b.issue, a.issue, "{id}");
        assert_eq!(b.page, a.page, "{id}");
        assert_eq!(b.publisher, a.publisher, "{id}");
        assert_eq!(b.publisher_place, a.publisher_place, "{id}");
        assert_eq!(b.doi, a.doi, "{id}");
        assert_eq!(b.url, a.url, "{id}");
        let links = cross_links(original, position).expect("the paper has text");
        assert_eq!(words(&note(b)), words(&links.note_text()), "{id}");
    }
}

#[test]
fn bibtex_round_trip_keeps_every_field_it_carries() {
    let corpus = builtin();
    let text = export(&corpus, ReferenceFormat::Bibtex);
    assert_eq!(text.matches("\n@").count() + 1, 19);
    // Valid BibTeX for an independent parser too.
    let parsed = biblatex::Bibliography::parse(&text).expect("valid .bib");
    assert_eq!(parsed.len(), 19);
    assert_eq!(
        parsed.get("porter1995").map(|e| e.entry_type.to_string()),
        Some("article".to_owned())
    );
    assert_eq!(
        parsed
            .get("citaristi2022")
            .map(|e| e.entry_type.to_string()),
        Some("incollection".to_owned())
    );
    assert_eq!(
        parsed.get("wilson2020").map(|e| e.entry_type.to_string()),
        Some("phdthesis".to_owned())
    );
    let back = import(&text, "export.bib");
    // The cross-links travel in `annote`, which reads back as CSL's `annote`.
    assert_carried(ReferenceFormat::Bibtex, &corpus, &back, |r| {
        r.extra
            .get("annote")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    });
    assert!(back.file.references.iter().all(|r| r.note.is_empty()));
}

/// Every CSL item type comes back from BibTeX: a type without an entry type of its own travels
/// in `entrysubtype` (BibLaTeX's `magazine` and `newspaper` for those articles).
#[test]
fn every_csl_type_survives_bibtex() {
    for item_type in paperlens::corpus::model::CSL_ITEM_TYPES {
        let reference = Reference {
            id: "x".to_owned(),
            item_type: item_type.to_owned(),
            title: "A title".to_owned(),
            ..Reference::default()
        };
        let text = paperlens::formats::bibtex::entry(&reference, None);
        let imported = paperlens::formats::bibtex::import(&text);
        let back = imported.references.first().expect("one entry");
        assert_eq!(back.item_type, item_type, "{text}");
        assert!(back.extra.is_empty(), "{text}: {:?}", back.extra);
    }
    let magazine = Reference {
        id: "m".to_owned(),
        item_type: "article-magazine".to_owned(),
        ..Reference::default()
    };
    assert!(
        paperlens::formats::bibtex::entry(&magazine, None).contains("entrysubtype = {magazine}")
    );
}

#[test]
fn ris_round_trip_keeps_every_field_it_carries() {
    let corpus = builtin();
    let back = import(&export(&corpus, ReferenceFormat::Ris), "export.ris");
    // The cross-links travel as `N1` notes.
    assert_carried(ReferenceFormat::Ris, &corpus, &back, |r| r.note.clone());
}

/// A bibliography exercising the fields the built-in corpus leaves empty.
fn rich_corpus() -> Corpus {
    let name = |family: &str, given: &str| CslName {
        family: family.to_owned(),
        given: given.to_owned(),
        ..CslName::default()
    };
    let mut extra = BTreeMap::new();
    extra.insert("ISBN".to_owned(), json!("978-0-19-000000-1"));
    extra.insert(
        "abstract".to_owned(),
        json!("What the book says, in brief."),
    );
    extra.insert("language".to_owned(), json!("en"));
    extra.insert("edition".to_owned(), json!("2"));
    extra.insert("collection-title".to_owned(), json!("Studies in Examples"));
    extra.insert("title-short".to_owned(), json!("Examples"));
    let book = Reference {
        id: "doe2020".to_owned(),
        item_type: "book".to_owned(),
        citation_number: Some(1),
        title: "Examples & counter-examples: 100% worth it".to_owned(),
        author: vec![
            name("Doe", "Jane"),
            CslName {
                literal: "World Health Organization".to_owned(),
                ..CslName::default()
            },
        ],
        editor: vec![name("Roe", "R.")],
        issued: Some(CslDate {
            date_parts: vec![vec![2020, 5, 17]],
            ..Default::default()
        }),
        publisher: "Oxford University Press".to_owned(),
        publisher_place: "Oxford".to_owned(),
        doi: "10.1000/xyz_123".to_owned(),
        url: "https://example.org/book?id=1&x=%20".to_owned(),
        note: "Reprinted with corrections.".to_owned(),
        extra,
        ..Reference::default()
    };
    let mut chapter_extra = BTreeMap::new();
    chapter_extra.insert("keyword".to_owned(), json!("trafficking, law"));
    let chapter = Reference {
        id: "roe2019".to_owned(),
        item_type: "chapter".to_owned(),
        citation_number: Some(2),
        title: "A chapter on {braces}, ~tildes and $dollars".to_owned(),
        author: vec![CslName {
            family: "Linde".to_owned(),
            given: "C.".to_owned(),
            non_dropping_particle: "van der".to_owned(),
            ..Default::default()
        }],
        editor: vec![name("Doe", "Jane")],
        issued: Some(CslDate {
            date_parts: vec![vec![2019]],
            ..Default::default()
        }),
        container_title: "The Handbook of Examples".to_owned(),
        page: "12–34".to_owned(),
        publisher: "Example Press".to_owned(),
        extra: chapter_extra,
        ..Reference::default()
    };
    let file: CorpusFile = into_corpus_file(vec![book, chapter], "rich");
    Corpus::from_file(file, "rich").expect("valid")
}

#[test]
fn bibtex_and_ris_carry_the_other_fields_too() {
    let corpus = rich_corpus();
    let original = &corpus.file.references;

    let bib = import(&export(&corpus, ReferenceFormat::Bibtex), "rich.bib");
    assert_eq!(
        &bib.file.references, original,
        "BibTeX keeps every field here"
    );

    let ris = import(&export(&corpus, ReferenceFormat::Ris), "rich.ris");
    for (a, b) in original.iter().zip(&ris.file.references) {
        assert_eq!(b.title, a.title);
        assert_eq!(b.author, a.author);
        assert_eq!(b.editor, a.editor);
        assert_eq!(b.issued, a.issued);
        assert_eq!(b.container_title, a.container_title);
        assert_eq!(b.page, a.page);
        assert_eq!(b.publisher, a.publisher);
        assert_eq!(b.publisher_place, a.publisher_place);
        assert_eq!(b.doi, a.doi);
        assert_eq!(b.url, a.url);
        assert_eq!(b.note, a.note);
        assert_eq!(b.extra, a.extra, "{}", a.id);
    }
}

#[test]
fn the_printed_entry_stays_out_of_bibtex_and_ris_and_other_tools_custom_data_goes_along() {
    let mut corpus = rich_corpus();
    let mut file = corpus.file.clone();
    file.references[0].set_printed("J. Doe, *Examples*. Oxford: OUP, 2020.");
    file.references[0]
        .custom
        .extra
        .insert("zotero-key".to_owned(), json!("ABCD1234"));
    corpus = Corpus::from_file(file, "rich").expect("valid");
    for format in [ReferenceFormat::Bibtex, ReferenceFormat::Ris] {
        let text = export(&corpus, format);
        assert!(!text.contains("Oxford: OUP"), "{format:?}: {text}");
        assert!(!text.contains("paperlens"), "{format:?}: {text}");
        assert!(text.contains("ABCD1234"), "{format:?}: {text}");
    }
    let csl: Value = serde_json::from_str(&export(&corpus, ReferenceFormat::CslJson)).unwrap();
    assert_eq!(
        csl[0]["custom"]["paperlens"]["printed"],
        "J. Doe, *Examples*. Oxford: OUP, 2020."
    );
    assert_eq!(csl[0]["custom"]["zotero-key"], "ABCD1234");
}

#[test]
fn the_corpus_json_export_loads_back_as_the_same_corpus() {
    let corpus = builtin();
    let text = paperlens::formats::export_corpus_json(&corpus.file).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"paperlens-corpus/2\",\n  \"paper\": {"));
    let report = open_text(&text, "export.json");
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(report.corpus.expect("loaded").file, corpus.file);
}

/// Names and dates written the ways people write them: an organisation, "et al." written as an
/// author, initials run together, date variables besides `issued`, one of them loosely.
#[test]
fn names_and_dates_travel_as_each_format_can_carry_them() {
    let name = |family: &str, given: &str, literal: &str| CslName {
        family: family.to_owned(),
        given: given.to_owned(),
        literal: literal.to_owned(),
        ..CslName::default()
    };
    let mut extra = BTreeMap::new();
    extra.insert("accessed".to_owned(), json!({"date-parts": [[2024, 3, 5]]}));
    extra.insert("event-date".to_owned(), json!({"date-parts": [[2019, 6]]}));
    extra.insert("original-date".to_owned(), json!({"year": 1850}));
    let reference = Reference {
        id: "who2006".to_owned(),
        item_type: "report".to_owned(),
        citation_number: Some(1),
        title: "Neonatal and perinatal mortality".to_owned(),
        author: vec![
            name("", "", "World Health Organization"),
            name("Lawn", "JE", ""),
            name("", "", "et al."),
        ],
        issued: Some(CslDate {
            date_parts: vec![vec![2006]],
            ..CslDate::default()
        }),
        publisher: "WHO".to_owned(),
        extra,
        ..Reference::default()
    };
    let file: CorpusFile = into_corpus_file(vec![reference.clone()], "names");
    let corpus = Corpus::from_file(file, "names").expect("valid");
    let codes: Vec<&str> = corpus.warnings.iter().map(|d| d.code.as_str()).collect();
    // "et al." closing the list says it was shortened: no warning.
    assert_eq!(codes, ["unknown-date-key"]);
    // The people, with the initials as the exports write them.
    let mut people = reference.author[..2].to_vec();
    if let Some(lawn) = people.get_mut(1) {
        lawn.given = "J. E.".to_owned();
    }

    // BibTeX: the organisation braced whole, initials apart (BibTeX styles would abbreviate `JE`
    // to `J.`), "et al." as `and others`, which reads back as the list's closing "et al."; `urldate` and
    // `eventdate` keep month and day; the loose date is written as meant.
    let bib = export(&corpus, ReferenceFormat::Bibtex);
    for field in [
        "author = {{World Health Organization} and Lawn, J. E. and others},",
        "urldate = {2024-03-05},",
        "eventdate = {2019-06},",
        "origdate = {1850},",
    ] {
        assert!(words(&bib).contains(field), "{field}: {bib}");
    }
    let back = import(&bib, "names.bib");
    let back = &back.file.references[0];
    assert_eq!(
        back.author,
        [people.as_slice(), &[CslName::et_al()]].concat()
    );
    assert!(back.creators_cut_short());
    assert_eq!(back.extra.get("accessed"), reference.extra.get("accessed"));
    assert_eq!(
        back.extra.get("event-date"),
        reference.extra.get("event-date")
    );
    assert_eq!(
        back.extra.get("original-date"),
        Some(&json!({"date-parts": [[1850]]}))
    );

    // RIS: one `AU` line for the organisation, none for "et al.", `accessed` as `Y2`.
    let ris = export(&corpus, ReferenceFormat::Ris);
    assert!(
        ris.contains("AU  - World Health Organization\r\nAU  - Lawn, J. E.\r\nTI  - "),
        "{ris}"
    );
    assert!(ris.contains("Y2  - 2024/03/05/\r\n"), "{ris}");
    let back = import(&ris, "names.ris");
    let back = &back.file.references[0];
    assert_eq!(back.author, people);
    assert_eq!(back.extra.get("accessed"), reference.extra.get("accessed"));

    // CSL-JSON keeps the reference as the corpus has it, but for "et al.", which CSL-JSON
    // cannot say and a reference manager would read as a person.
    let csl = export(&corpus, ReferenceFormat::CslJson);
    let report = open_text(&csl, "names.json");
    let back = report.corpus.expect("loaded");
    assert_eq!(back.file.references[0].author, reference.author[..2]);
    assert_eq!(back.file.references[0].extra, reference.extra);
}

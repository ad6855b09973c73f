//! Tests of `cite`: printed entries, names, dates and short forms.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::corpus::Corpus;

#[test]
fn the_built_in_paper_keeps_every_entry_as_its_list_prints_it() {
    let corpus = Corpus::builtin();
    let printed = |id: &str| {
        corpus
            .file
            .references
            .iter()
            .find(|r| r.id == id)
            .and_then(printed_entry)
            .unwrap_or_default()
    };
    let porter = printed("porter1995");
    assert_eq!(
        porter.to_plain_string(),
        "M. E. Porter and C. van der Linde, \"Toward a new conception of the environment-competitiveness relationship,\" J. Econ. Perspect., vol. 9, no. 4, pp. 97–118, 1995."
    );
    let italics: Vec<&str> = porter
        .0
        .iter()
        .filter(|span| span.italic)
        .map(|span| span.text.as_str())
        .collect();
    assert_eq!(italics, ["J. Econ. Perspect."]);
    assert_eq!(
        printed("donnelly2013").to_plain_string(),
        "J. Donnelly, Universal human rights in theory and practice. Cornell University Press, 2013."
    );
    assert!(
        corpus
            .file
            .references
            .iter()
            .all(|r| printed_entry(r).is_some())
    );
}

#[test]
fn emphasis_marks_pair_into_italics_and_a_lone_star_is_text() {
    let spans = |text: &str| -> Vec<(String, bool)> {
        emphasis(text)
            .0
            .into_iter()
            .map(|span| (span.text, span.italic))
            .collect()
    };
    assert_eq!(
        spans("in *Nature*, 2019"),
        [
            ("in ".to_owned(), false),
            ("Nature".to_owned(), true),
            (", 2019".to_owned(), false)
        ]
    );
    assert_eq!(spans("p < 0.05 * 2"), [("p < 0.05 * 2".to_owned(), false)]);
    assert_eq!(spans("a*b*c"), [("a*b*c".to_owned(), false)]);
    assert_eq!(spans("*open only"), [("*open only".to_owned(), false)]);
    assert!(spans("").is_empty());
}

#[test]
fn a_printed_entry_is_kept_beside_other_custom_data() {
    let json = r#"{"id": "a", "type": "book", "custom": {"zotero": 1}}"#;
    let mut reference: Reference = serde_json::from_str(json).unwrap();
    assert_eq!(reference.printed(), None);
    reference.set_printed("  ");
    assert_eq!(reference.printed(), None, "an empty entry is none");
    reference.set_printed(" A. Author, *Title*. 2019. ");
    assert_eq!(reference.printed(), Some("A. Author, *Title*. 2019."));
    assert_eq!(
        serde_json::to_value(&reference).unwrap()["custom"],
        serde_json::json!({"zotero": 1, "paperlens": {"printed": "A. Author, *Title*. 2019."}})
    );
    // Other tools are given their own data, not paperlens's.
    assert_eq!(
        reference.extra_for_others().get("custom"),
        Some(&serde_json::json!({"zotero": 1}))
    );
    let mut ours_only = Reference::default();
    ours_only.set_printed("Printed.");
    assert!(ours_only.extra_for_others().is_empty());
    // Nothing kept, nothing written.
    let bare = serde_json::to_value(Reference::default()).unwrap();
    assert!(bare.get("custom").is_none());
}

fn person(family: &str, given: &str) -> CslName {
    CslName {
        family: family.to_owned(),
        given: given.to_owned(),
        ..CslName::default()
    }
}

fn group(literal: &str) -> CslName {
    CslName {
        literal: literal.to_owned(),
        ..CslName::default()
    }
}

#[test]
fn et_al_in_its_usual_spellings_is_not_a_person() {
    for written in [
        "et al",
        "et al.",
        "Et Al.",
        "et. al.",
        "and others",
        "Others",
        "ET AL",
    ] {
        assert!(person(written, "").is_et_al(), "{written}");
        assert!(group(written).is_et_al(), "{written}");
        assert!(person("", written).is_et_al(), "{written}");
    }
    for name in ["Etal", "Otherson", "Al", "Smith"] {
        assert!(!person(name, "J.").is_et_al(), "{name}");
    }
}

#[test]
fn et_al_written_as_an_author_prints_as_et_al() {
    let names = [person("Smith", "J."), person("Doe", "A."), group("et al.")];
    assert_eq!(author_list(&names), "J. Smith, A. Doe et al.");
    let reference = Reference {
        author: vec![person("Smith", "J."), person("et al.", "")],
        ..Reference::default()
    };
    assert_eq!(short_label(&reference), "Smith et al. (n.d.)");
    let reference = Reference {
        author: vec![person("Smith", "J."), person("Doe", "A."), group("others")],
        ..Reference::default()
    };
    assert_eq!(short_label(&reference), "Smith et al. (n.d.)");
}

#[test]
fn a_list_its_source_shortened_is_cited_with_et_al_under_its_named_people() {
    let reference = Reference {
        author: vec![person("Cahill", "G. F."), CslName::et_al()],
        issued: Some(CslDate {
            date_parts: vec![vec![1969]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    assert_eq!(reference.creators(), [person("Cahill", "G. F.")]);
    assert!(reference.creators_cut_short());
    assert_eq!(short_label(&reference), "Cahill et al. (1969)");
    assert_eq!(author_list(&reference.author), "G. F. Cahill et al.");
    // An edited book's editors, shortened.
    let edited = Reference {
        editor: vec![
            person("Peden", "M."),
            person("Scurfield", "R."),
            group("others"),
        ],
        ..Reference::default()
    };
    assert_eq!(edited.creators().len(), 2);
    assert_eq!(short_label(&edited), "Peden et al. (n.d.)");
    // A list of no one but "et al." names no one, and is not cut short of anyone.
    let no_one = Reference {
        author: vec![CslName::et_al()],
        ..Reference::default()
    };
    assert!(no_one.creators().is_empty());
    assert!(!no_one.creators_cut_short());
    assert_eq!(short_label(&no_one), "Anon. (n.d.)");
    let whole = Reference {
        author: vec![person("Smith", "J."), person("Doe", "A.")],
        ..Reference::default()
    };
    assert!(!whole.creators_cut_short());
    assert_eq!(short_label(&whole), "Smith & Doe (n.d.)");
}

#[test]
fn et_al_among_a_list_s_names_moves_to_its_end_once() {
    let mut names = vec![
        person("et al", ""),
        person("Smith", "J."),
        group("and others"),
        person("Doe", "A."),
    ];
    et_al_last(&mut names);
    assert_eq!(
        names,
        [person("Smith", "J."), person("Doe", "A."), CslName::et_al()]
    );
    let mut alone = vec![group("et al.")];
    et_al_last(&mut alone);
    assert!(alone.is_empty());
    let mut whole = vec![person("Smith", "J.")];
    et_al_last(&mut whole);
    assert_eq!(whole, [person("Smith", "J.")]);
}

#[test]
fn an_edited_book_is_known_by_its_editors_and_a_chapter_by_its_authors() {
    let mut book = Reference {
        editor: vec![person("Chambers", "J. M."), person("Hastie", "T. J.")],
        issued: lenient_date(&serde_json::json!("1992")),
        ..Reference::default()
    };
    assert_eq!(book.creators(), book.editor.as_slice());
    assert_eq!(short_label(&book), "Chambers & Hastie (1992)");
    assert!(crate::corpus::search::reference_search_text(&book).contains("Hastie"));
    // Its authors, when it has them, are the ones it is known by.
    book.author = vec![person("Smith", "J.")];
    assert_eq!(short_label(&book), "Smith (1992)");
    assert_eq!(short_label(&Reference::default()), "Anon. (n.d.)");
}

#[test]
fn initials_written_together_are_separate_initials() {
    for (given, expected) in [
        ("JE", Some("J. E.")),
        ("J.E.", Some("J. E.")),
        ("J E", Some("J. E.")),
        ("J. E.", Some("J. E.")),
        ("J", Some("J.")),
        ("JEM", Some("J. E. M.")),
        ("JEMS", Some("J. E. M. S.")),
        ("ÉM", Some("É. M.")),
        ("K-P", Some("K.-P.")),
        ("J.-P.", Some("J.-P.")),
        ("J-CB", Some("J.-C. B.")),
        ("Jo", None),
        ("Ed", None),
        ("Li", None),
        ("JEMSA", None),
        ("Martin Luther", None),
        ("Jean-Paul", None),
        ("K-", None),
        ("-", None),
        ("", None),
    ] {
        assert_eq!(initials(given).as_deref(), expected, "{given:?}");
    }
    assert_eq!(display_name(&person("Lawn", "JE")), "J. E. Lawn");
    assert_eq!(display_name(&person("Lawn", "Joy")), "Joy Lawn");
    assert_eq!(first_initial("JE"), "J");
    assert_eq!(first_initial("J. E."), "J");
    assert_eq!(first_initial("élodie"), "É");
    assert_eq!(first_initial(""), "");
}

#[test]
fn a_group_author_is_shown_whole() {
    let who = Reference {
        item_type: "report".to_owned(),
        title: "Neonatal and perinatal mortality".to_owned(),
        author: vec![group("World Health Organization")],
        issued: Some(CslDate {
            date_parts: vec![vec![2006]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    assert_eq!(short_label(&who), "World Health Organization (2006)");
    let two = [
        group("IeDEA Southern Africa Collaboration"),
        person("Smith", "J"),
    ];
    assert_eq!(
        author_list(&two),
        "IeDEA Southern Africa Collaboration and J. Smith"
    );
}

#[test]
fn loosely_written_dates_are_read_as_meant() {
    let date = |json: &str| {
        serde_json::from_str::<Value>(json)
            .ok()
            .and_then(|value| lenient_date(&value))
    };
    let parts = |json: &str| date(json).map(|d| d.date_parts);
    assert_eq!(
        parts(r#"{"date-parts": [[2006, 5]]}"#),
        Some(vec![vec![2006, 5]])
    );
    assert_eq!(parts(r#"{"year": 2006}"#), Some(vec![vec![2006]]));
    assert_eq!(
        parts(r#"{"year": "2006", "month": 5, "day": 2}"#),
        Some(vec![vec![2006, 5, 2]])
    );
    assert_eq!(parts(r#""2006""#), Some(vec![vec![2006]]));
    assert_eq!(parts(r#""2006-05-01""#), Some(vec![vec![2006, 5, 1]]));
    assert_eq!(parts("2006"), Some(vec![vec![2006]]));
    assert_eq!(
        parts(r#"{"date-parts": [2006, 5]}"#),
        Some(vec![vec![2006, 5]])
    );
    assert_eq!(parts(r#"{"raw": "2006-05"}"#), Some(vec![vec![2006, 5]]));
    assert_eq!(
        parts(r#"{"date-parts": [["2006", "5"], [2007]]}"#),
        Some(vec![vec![2006, 5], vec![2007]])
    );
    assert_eq!(
        date(r#""spring 2006""#).map(|d| d.literal),
        Some("spring 2006".to_owned())
    );
    assert_eq!(
        date(r#""05-2006""#).map(|d| d.literal),
        Some("05-2006".to_owned())
    );
    assert_eq!(date(r#"{"month": 5}"#), None);
    assert_eq!(date("[2006]"), None);
    assert_eq!(date(r#""""#), None);
}

#[test]
fn short_labels() {
    let corpus = Corpus::builtin();
    let label = |id: &str| {
        corpus
            .file
            .references
            .iter()
            .find(|r| r.id == id)
            .map(short_label)
    };
    assert_eq!(
        label("porter1995").as_deref(),
        Some("Porter & van der Linde (1995)")
    );
    assert_eq!(label("sayuti2023").as_deref(), Some("Sayuti et al. (2023)"));
}

#[test]
fn field_values_read_as_text() {
    use serde_json::json;
    assert_eq!(field_text(&json!("A note.")), "A note.");
    assert_eq!(field_text(&json!(12)), "12");
    assert_eq!(field_text(&json!(["a", "b"])), "a; b");
    assert_eq!(
        field_text(&json!([{"family": "Doe", "given": "J."}, {"family": "Roe", "given": "R."}])),
        "J. Doe and R. Roe"
    );
    assert_eq!(
        field_text(&json!({"date-parts": [[2006, 5, 1]]})),
        "2006-05-01"
    );
    assert_eq!(field_text(&json!({"a": "x", "b": 2})), "a: x; b: 2");
    assert_eq!(field_text(&json!(null)), "");
}

#[test]
fn arxiv_ids_from_eprint_fields() {
    let mut reference = Reference::default();
    reference.extra.insert(
        "eprint".to_owned(),
        Value::String("math/0307200v3".to_owned()),
    );
    assert_eq!(arxiv_id(&reference), None);
    reference
        .extra
        .insert("eprinttype".to_owned(), Value::String("arxiv".to_owned()));
    assert_eq!(arxiv_id(&reference).as_deref(), Some("math/0307200v3"));
    let mut other = Reference::default();
    other.extra.insert(
        "arxiv".to_owned(),
        Value::String("arXiv:2101.00001".to_owned()),
    );
    assert_eq!(arxiv_id(&other).as_deref(), Some("2101.00001"));
    let mut zotero = Reference::default();
    zotero.extra.insert(
        "number".to_owned(),
        Value::String("arXiv:1810.04805".to_owned()),
    );
    assert_eq!(arxiv_id(&zotero).as_deref(), Some("1810.04805"));
}

//! Every style formats every reference: the built-in corpus and the biblatex example database
//! (an imported bibliography with every kind of entry) all come out with their titles.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paperlens::corpus::Corpus;
use paperlens::corpus::model::{CslDate, CslName, Reference};
use paperlens::formats::{
    CitationStyle, format_bibliography, format_bibliography_entry, format_in_text,
};
use paperlens::open::open_path;

use crate::common;

/// Lower-case letters and digits only, so titles compare whatever case and quotes a style
/// gives them.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `tidy`: also require single spaces (the renderer leaves a double space where an empty
/// part of some styles' layouts stands, which the built-in references never reach).
fn check_all(references: &[Reference], tidy: bool) {
    let all: Vec<&Reference> = references.iter().collect();
    for style in CitationStyle::ALL {
        let entries = format_bibliography(&all, style);
        assert_eq!(entries.len(), references.len(), "{}", style.label());
        for reference in references {
            let entry = entries
                .iter()
                .find(|e| e.id == reference.id)
                .unwrap_or_else(|| panic!("{} has no {} entry", reference.id, style.label()));
            let text = entry.text.to_plain_string();
            assert!(
                normalise(&text).contains(&normalise(&reference.title)),
                "{} in {}: {text}",
                reference.id,
                style.label()
            );
            assert!(!tidy || !text.contains("  "), "{}: {text:?}", reference.id);
            assert_eq!(text.trim(), text, "{}", reference.id);
            assert!(
                !format_in_text(&[reference], style, 1).is_empty(),
                "{} in {}",
                reference.id,
                style.label()
            );
        }
        if style.is_numeric() {
            let labels: Vec<Option<String>> = entries.iter().map(|e| e.label.clone()).collect();
            let expected: Vec<Option<String>> = (1..=references.len())
                .map(|n| Some(format!("[{n}]")))
                .collect();
            assert_eq!(labels, expected);
        }
    }
}

#[test]
fn every_builtin_reference_in_every_style() {
    check_all(&Corpus::builtin().file.references, true);
}

#[test]
fn every_biblatex_example_in_every_style() {
    let Some(path) = common::biblatex_examples() else {
        return;
    };
    let report = open_path(&path);
    let corpus = report.corpus.expect("loads");
    assert_eq!(corpus.file.references.len(), 90);
    check_all(&corpus.file.references, false);
}

/// A group author is printed whole, "et al." closing a list is the style's own "et al." after
/// the names before it, initials run together are initials, and a loosely written `accessed`
/// date is printed.
#[test]
fn group_authors_stay_whole_et_al_is_the_styles_and_initials_are_initials() {
    let name = |family: &str, given: &str, literal: &str| CslName {
        family: family.to_owned(),
        given: given.to_owned(),
        literal: literal.to_owned(),
        ..CslName::default()
    };
    let mut reference = Reference {
        id: "who2006".to_owned(),
        item_type: "webpage".to_owned(),
        title: "Neonatal mortality".to_owned(),
        author: vec![
            name("", "", "World Health Organization"),
            name("Lawn", "JE", ""),
            name("Cousens", "S", ""),
            name("", "", "et al."),
        ],
        issued: Some(CslDate {
            date_parts: vec![vec![2006]],
            ..CslDate::default()
        }),
        url: "https://who.int".to_owned(),
        ..Reference::default()
    };
    reference
        .extra
        .insert("accessed".to_owned(), serde_json::json!("2024-03-05"));
    let text = |style| format_bibliography_entry(&reference, style).to_plain_string();
    assert_eq!(
        text(CitationStyle::Apa),
        "World Health Organization, Lawn, J. E., Cousens, S., et al. (2006). Neonatal mortality. https://who.int"
    );
    assert_eq!(
        text(CitationStyle::Ieee),
        "World Health Organization, J. E. Lawn, S. Cousens, et al., “Neonatal mortality.” Accessed: Mar. 05, 2024. [Online]. Available: https://who.int"
    );
    assert_eq!(
        text(CitationStyle::ChicagoAuthorDate),
        "World Health Organization, J. E. Lawn, S. Cousens, et al. 2006. “Neonatal Mortality.” https://who.int."
    );
    assert_eq!(
        format_in_text(&[&reference], CitationStyle::Apa, 1),
        "(World Health Organization et al., 2006)"
    );
    reference.author.truncate(1);
    assert_eq!(
        format_in_text(&[&reference], CitationStyle::Harvard, 1),
        "(World Health Organization, 2006)"
    );
    assert_eq!(
        format_bibliography_entry(&reference, CitationStyle::Harvard).to_plain_string(),
        "World Health Organization (2006) Neonatal mortality. Available at: https://who.int (Accessed: 5 March 2024)."
    );
}

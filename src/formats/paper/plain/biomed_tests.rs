//! The plain-text importer's reference entries as `BioMed Central` prints them: the authors
//! closed by a colon, the journal's year before its volume and pages
//! (`Kudsk KA, Voeller G: Silent deep vein thrombosis. Am J Surg 1989, 158:515-9.`); and
//! Vancouver's year after the journal's full stop, spaced as PLOS prints it.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::entries::Entry;
use super::references::reference;
use crate::corpus::cite::year;
use crate::corpus::model::Reference;

fn read(text: &str) -> Reference {
    reference(&Entry {
        number: Some(1),
        text: text.to_owned(),
    })
}

fn families(reference: &Reference) -> Vec<&str> {
    reference.author.iter().map(|a| a.family.as_str()).collect()
}

#[test]
fn authors_closed_by_a_colon_are_all_authors() {
    let r = read(
        "Kudsk KA, Fabian TC, Baum S, Voeller G: Silent deep vein thrombosis in immobilized \
         multiple trauma patients. Am J Surg 1989, 158:515-9.",
    );
    assert_eq!(families(&r), ["Kudsk", "Fabian", "Baum", "Voeller"]);
    assert_eq!(
        r.title,
        "Silent deep vein thrombosis in immobilized multiple trauma patients"
    );
    let r = read("Streiff MB: Vena caval filters: a comprehensive review. Blood 2000, 95:3669-77.");
    assert_eq!(families(&r), ["Streiff"]);
    assert_eq!(r.title, "Vena caval filters: a comprehensive review");
    // A colon inside the title is no end of the authors.
    let r = read("Smith AB, Jones CD. Cancer: a review. Lancet 2001;357:1-9.");
    assert_eq!(families(&r), ["Smith", "Jones"]);
    assert_eq!(r.title, "Cancer: a review");
}

#[test]
fn the_year_after_the_journal_is_no_volume_or_page() {
    let r = read(
        "Geerts WH, Code KI, Jay RM, Chen E, Szalai JP: A prospective study of venous \
         thromboembolism after major trauma. N Engl J Med 1994, 331:1601-6.",
    );
    assert_eq!(r.container_title, "N Engl J Med");
    assert_eq!(year(&r), Some(1994));
    assert_eq!((r.volume.as_str(), r.page.as_str()), ("331", "1601-6"));
    let r = read(
        "Geerts WH, Heit JA, Anderson FA Jr, Wheeler HB: Prevention of venous thromboembolism. \
         Chest 2001, 119(1 Suppl):132S-75S.",
    );
    assert_eq!(families(&r), ["Geerts", "Heit", "Anderson", "Wheeler"]);
    let anderson = r
        .author
        .get(2)
        .map(|a| (a.given.as_str(), a.suffix.as_str()));
    assert_eq!(anderson, Some(("F. A.", "Jr")));
    assert_eq!(r.title, "Prevention of venous thromboembolism");
    assert_eq!(r.container_title, "Chest");
    assert_eq!(year(&r), Some(2001));
    assert_eq!(
        (r.volume.as_str(), r.issue.as_str(), r.page.as_str()),
        ("119", "1 Suppl", "132S-75S")
    );
    let r = read("Weitz JI: Low-molecular-weight heparins. N Engl J Med 1997, 337:688-98.");
    assert_eq!(families(&r), ["Weitz"]);
    assert_eq!(year(&r), Some(1997));
}

#[test]
fn vancouver_s_year_after_the_journal_s_full_stop_spaced_as_plos_prints_it() {
    let r = read(
        "Asseng S. Rising temperatures reduce global wheat production. Nat Clim Change. 2015; \
         5: 143–147.",
    );
    assert_eq!(families(&r), ["Asseng"]);
    assert_eq!(
        r.title,
        "Rising temperatures reduce global wheat production"
    );
    assert_eq!(r.container_title, "Nat Clim Change");
    assert_eq!(year(&r), Some(2015));
    assert_eq!((r.volume.as_str(), r.page.as_str()), ("5", "143–147"));
}

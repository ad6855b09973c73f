//! A reference list's entries read together, each first read alone ([`super::references`]):
//! a lone author of a list that prints people given name first is a person, one such person
//! cut at an initial's full stop is read again whole, and dashes repeat the entry before's
//! authors.

use crate::corpus::model::{CslName, Reference};

use super::dated;
use super::entries::Entry;
use super::identifiers::id;
use super::inline::strip_emphasis;
use super::names::{is_given_first_name, is_written_out_name, names};
use super::references::{reference, reference_reading};
use super::small_caps::names_written_again;

/// The references of a list's entries, their names in small capitals written again
/// ([`names_written_again`]), each read by [`reference()`], then read together: one
/// person cut at an initial's full stop is read again whole, a lone author of a list that
/// prints people given name first is a person, and dashes repeat the entry before's authors.
pub(super) fn references_of(entries: &[Entry]) -> Vec<Reference> {
    let entries = names_written_again(entries);
    let mut references: Vec<Reference> = entries.iter().map(reference).collect();
    read_one_person_given_first(&entries, &mut references);
    read_people_of_a_given_first_list(&mut references);
    repeat_authors_of_dashed_entries(&mut references);
    references
}

/// Whether a reference's one author looks cut at an initial's full stop, the family name
/// after it taken for the title: `John W. Backus. Can …` read as `John W.` with the title
/// `Backus`, `G. Booch. Object …` as `G` with `Booch`.
fn cut_at_an_initial(reference: &Reference) -> bool {
    let [only] = reference.author.as_slice() else {
        return false;
    };
    let lone_initial = [only.given.as_str(), only.family.as_str()]
        .iter()
        .any(|part| part.trim_end_matches('.').chars().count() == 1);
    let title = reference.title.trim_end_matches('.');
    lone_initial && !title.contains(' ') && is_written_out_name(title)
}

/// Reads again an entry whose one author was cut at an initial's full stop
/// ([`cut_at_an_initial`]) as one person named given name first, when two entries of the
/// list at least were so cut (one alone may be Vancouver's `Jones C. Editorial.`), and that
/// reading finds one whose family name is written out.
fn read_one_person_given_first(entries: &[Entry], references: &mut [Reference]) {
    let cut: Vec<bool> = references.iter().map(cut_at_an_initial).collect();
    if cut.iter().filter(|&&cut| cut).count() < 2 {
        return;
    }
    for ((entry, reference), cut) in entries.iter().zip(references.iter_mut()).zip(cut) {
        if !cut {
            continue;
        }
        let again = reference_reading(entry, true);
        if let [person] = again.author.as_slice()
            && is_written_out_name(&person.family)
        {
            *reference = again;
        }
    }
}

/// Reads a work's one author that was kept as an organisation's name (`Hal Daumé. 2007.`)
/// as a person when the list prints its people given name first (`Marco Valenzuela, Vu Ha,
/// and Oren Etzioni. 2015.`): at least three of its entries with people, and most of them,
/// open on the first author's given name written out.
fn read_people_of_a_given_first_list(references: &mut [Reference]) {
    let openings: Vec<bool> = references
        .iter()
        .filter_map(|reference| {
            let first = reference.author.first().filter(|n| !n.family.is_empty())?;
            let given = first.given.split_whitespace().next()?;
            let printed = reference.printed()?;
            Some(is_written_out_name(given) && strip_emphasis(printed).starts_with(&first.given))
        })
        .collect();
    let given_first = openings.iter().filter(|&&given_first| given_first).count();
    if given_first < 3 || given_first * 2 <= openings.len() {
        return;
    }
    for reference in references.iter_mut() {
        let [only] = reference.author.as_slice() else {
            continue;
        };
        if only.family.is_empty() && is_given_first_name(&only.literal, true) {
            reference.author = names(&only.literal);
            reference.id = id(reference, reference.citation_number);
        }
    }
}

/// Gives an entry printed with dashes for its authors (`———. 2017.`, as Chicago and MLA
/// print a second work of the same authors) the authors of the entry before it, or none.
fn repeat_authors_of_dashed_entries(references: &mut [Reference]) {
    let mut previous: Option<Vec<CslName>> = None;
    for reference in references.iter_mut() {
        let dashed = matches!(reference.author.as_slice(), [only]
            if only.family.is_empty() && dated::is_same_authors(&only.literal));
        if dashed {
            // Dashes opening the list repeat no one: the entry has no authors it names.
            reference.author = previous.clone().unwrap_or_default();
            reference.id = id(reference, reference.citation_number);
        }
        previous = Some(reference.author.clone());
    }
}

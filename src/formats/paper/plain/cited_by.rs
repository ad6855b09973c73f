//! What a plain-text paper's citations name its reference list by: the labels its entries
//! open on (`[Knu84]`), the authors and years of an author–date list (or of a numbered list
//! its text cites that way), or the numbers of a numbered list; and the references' ids made
//! unique where citations name works by authors and year or by label.

use std::collections::{HashMap, HashSet};

use crate::corpus::model::Reference;

use super::inline::{self, strip_emphasis};
use super::{author_year, dated, labels};

/// What a paper's text cites its reference list by.
pub(super) struct CitedBy {
    /// The labels of a list whose entries open on them (`[Knu84]`): the text cites by them,
    /// and by nothing else.
    pub(super) labels: Option<labels::Labels>,
    /// The works author–date citations may name.
    pub(super) works: Option<author_year::Works>,
    /// Whether the text cites the list's numbers in brackets.
    pub(super) numbers: bool,
    /// The numbers markers may name (none for an author–date or labelled list).
    pub(super) known: Vec<u32>,
}

impl CitedBy {
    /// What `text` cites its `references` by, their ids made unique where citations name
    /// them by authors and year or by label.
    pub(super) fn of(text: &str, references: &mut [Reference]) -> Self {
        let labels = labelled_works(references);
        let author_date = if labels.is_some() {
            None
        } else {
            author_date_works(references)
        };
        // Only a numbered list's markers are looked for in the whole text.
        let numbers =
            labels.is_none() && author_date.is_none() && cites_its_numbers(text, references);
        let works = author_date.or_else(|| {
            (labels.is_none() && !numbers)
                .then(|| works_cited_instead_of_numbers(references, text))
                .flatten()
        });
        let known = if labels.is_some()
            || works
                .as_ref()
                .is_some_and(author_year::Works::is_dated_list)
        {
            Vec::new()
        } else {
            known_numbers(references)
        };
        Self {
            labels,
            works,
            numbers,
            known,
        }
    }
}

/// Whether `text` cites the numbers of the `references` in brackets (`[3]`, `[2–4]`).
fn cites_its_numbers(text: &str, references: &[Reference]) -> bool {
    let known = known_numbers(references);
    !known.is_empty()
        && inline::markers(text)
            .iter()
            .any(|marker| inline::resolves(&marker.numbers, &known))
}

/// The labels of a list whose entries open on them (`[Knu84]`), its references' ids made
/// unique first; `None` for any other list.
fn labelled_works(references: &mut [Reference]) -> Option<labels::Labels> {
    if !references.iter().any(|r| r.citation_label().is_some()) {
        return None;
    }
    unique_ids(references);
    labels::Labels::of(references)
}

/// The works an author–date list's citations name (a list without numbers), its references'
/// ids made unique first; `None` for a numbered list or none.
fn author_date_works(references: &mut [Reference]) -> Option<author_year::Works> {
    let author_date =
        !references.is_empty() && references.iter().all(|r| r.citation_number.is_none());
    author_date.then(|| {
        unique_ids(references);
        author_year::Works::of(references)
    })
}

/// The works of a numbered list whose text cites none of its numbers in brackets but names
/// its works by authors and year (`(Wang and Neumann, 2007a)` above a list numbered `1.` to
/// `12.`), its references' ids made unique first; `None` when no citation names one of its
/// works.
fn works_cited_instead_of_numbers(
    references: &mut [Reference],
    text: &str,
) -> Option<author_year::Works> {
    if known_numbers(references).is_empty() {
        return None;
    }
    with_unique_ids(references, |references| {
        let works = author_year::Works::of(references);
        let cited = author_year::find(text, &works)
            .iter()
            .any(|citation| !citation.keys.is_empty());
        cited.then_some(works)
    })
}

/// What `read` finds in the references once their ids are made unique (for citations that
/// name them by id); the ids as they were when it finds nothing.
pub(super) fn with_unique_ids<T>(
    references: &mut [Reference],
    read: impl FnOnce(&[Reference]) -> Option<T>,
) -> Option<T> {
    let mut ids: Vec<String> = references.iter().map(|r| r.id.clone()).collect();
    unique_ids(references);
    let found = read(references);
    if found.is_none() {
        for (reference, id) in references.iter_mut().zip(ids.iter_mut()) {
            reference.id = std::mem::take(id);
        }
    }
    found
}

/// Makes the references' ids unique, as citations name them: works of one first author and
/// year get the letter they are printed with (`2019a`) or one in list order.
pub(super) fn unique_ids(references: &mut [Reference]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for reference in references.iter() {
        *counts.entry(reference.id.clone()).or_default() += 1;
    }
    let mut given: HashMap<String, usize> = HashMap::new();
    let mut taken: HashSet<String> = references.iter().map(|r| r.id.clone()).collect();
    for reference in references.iter_mut() {
        if counts.get(&reference.id).copied().unwrap_or(0) < 2 {
            continue;
        }
        let printed = dated::dated(&strip_emphasis(reference.printed().unwrap_or_default()))
            .and_then(|d| d.suffix);
        let next = given.entry(reference.id.clone()).or_default();
        let letters = printed.into_iter().chain(('a'..='z').skip(*next));
        // Past `z`, a number, counted on from the duplicates already named.
        let numbers = (*next + 2..).map(|n: usize| format!("-{n}"));
        *next += 1;
        if let Some(id) = letters
            .map(String::from)
            .chain(numbers)
            .map(|tail| format!("{}{tail}", reference.id))
            .find(|id| !taken.contains(id))
        {
            taken.insert(id.clone());
            reference.id = id;
        }
    }
}

/// The numbers markers may name: the printed numbers when every reference has a distinct one
/// (as the builder keeps them), else 1 to the number of references.
fn known_numbers(references: &[Reference]) -> Vec<u32> {
    let mut numbers: Vec<u32> = references
        .iter()
        .filter_map(|r| r.citation_number)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.len() == references.len() {
        numbers
    } else {
        (1..=u32::try_from(references.len()).unwrap_or(u32::MAX)).collect()
    }
}

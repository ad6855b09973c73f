//! References whose fields are printed rather than tagged: a citation that tags none of its
//! fields, one that prints its people and title as text, and the organisations a citation names
//! as its authors before its tagged title.

use crate::corpus::cite::year;
use crate::corpus::model::{CslName, Reference};
use crate::formats::paper::plain::{is_organisation_author, read_reference_entry};
use crate::formats::paper::xml::{Element, Node};

use super::{Fields, plain_text};

/// A citation that tags none of its fields, read as an entry of a plain-text reference list is:
/// Vancouver's `Kirchner JW. Catchments as simple dynamical systems. Water Resources Research.
/// 2009;45(2).`, PLOS's `Dorrington RE, Bourne D (2001) The impact of HIV/AIDS. Cape Town: …`;
/// `None` unless its words give a year, a title short of the whole text, and its authors or
/// the journal it is in (an edited book's editors standing for its authors).
pub(super) fn untagged_entry(text: &str) -> Option<Reference> {
    let parsed = read_reference_entry(text);
    let read = !parsed.title.is_empty()
        && parsed.title != text
        && parsed.issued.is_some()
        && (!parsed.creators().is_empty() || !parsed.container_title.is_empty());
    read.then_some(parsed)
}

/// The authors and title of a printed citation that tags its year, journal or pages but prints
/// its people and title as text, as NLM 2's citations of older articles do (`<bold>Algom,
/// D.</bold> and <bold>Cain, W.S.</bold> (<year>1991</year>) <italic>Chemosensory
/// representation…</italic>. In Bolanowski, S.J. … (eds), Ratioscaling …`), read from its words
/// as a plain-text list's entry is; what it tags is kept.
pub(super) fn read_untagged_names_and_title(
    citation: Element<'_>,
    reference: &mut Reference,
    fields: &mut Fields,
) {
    let untagged = fields.authors.is_empty()
        && fields.editors.is_empty()
        && fields.article_title.is_empty()
        && fields.chapter_title.is_empty()
        && fields.comments.is_empty()
        && !citation.is("element-citation");
    if !untagged || (fields.year.is_empty() && fields.source.is_empty()) {
        return;
    }
    let Some(parsed) = untagged_entry(&plain_text(citation)).filter(|p| !p.creators().is_empty())
    else {
        return;
    };
    let parsed_year = year(&parsed);
    fields.authors = parsed.author;
    fields.editors = parsed.editor;
    if fields.source.is_empty() {
        fields.source = parsed.container_title;
    }
    if parsed.item_type == "chapter" {
        fields.chapter_title = parsed.title;
    } else {
        fields.article_title = parsed.title;
    }
    if fields.year.is_empty()
        && let Some(year) = parsed_year
    {
        fields.year = year.to_string();
    }
    // A range whose first page alone is tagged (`<fpage>183</fpage>–198`).
    if fields.last_page.is_empty()
        && !parsed.page.is_empty()
        && parsed.page.starts_with(fields.first_page.as_str())
    {
        reference.page = parsed.page;
    }
    for (tagged, read) in [
        (&mut reference.volume, parsed.volume),
        (&mut reference.issue, parsed.issue),
        (&mut reference.publisher, parsed.publisher),
        (&mut reference.publisher_place, parsed.publisher_place),
    ] {
        if tagged.is_empty() {
            *tagged = read;
        }
    }
}

/// The fields read from an untagged citation's words, beside what its markup gave (its id,
/// number, printed entry, and any DOI or link it tagged).
pub(super) fn take_untagged_fields(reference: &mut Reference, mut parsed: Reference) {
    reference.author = parsed.author;
    if reference.editor.is_empty() {
        reference.editor = parsed.editor;
    }
    if let Some(edition) = parsed.extra.remove("edition") {
        reference
            .extra
            .entry("edition".to_owned())
            .or_insert(edition);
    }
    reference.issued = parsed.issued;
    reference.title = parsed.title;
    reference.container_title = parsed.container_title;
    reference.volume = parsed.volume;
    reference.issue = parsed.issue;
    reference.page = parsed.page;
    reference.publisher = parsed.publisher;
    reference.publisher_place = parsed.publisher_place;
    if reference.doi.is_empty() {
        reference.doi = parsed.doi;
    }
    if reference.url.is_empty() {
        reference.url = parsed.url;
    }
    // `article` is the plain reading's word for a work it cannot tell more of.
    if reference.item_type == "document" && parsed.item_type != "article" {
        reference.item_type = parsed.item_type;
    }
}

/// The authors a printed citation names in words before the first field it tags: the
/// organisations of Nature's list (`World Health Organization. <source>World Malaria Report:
/// 2013</source> …`), each of the names, separated by commas or semicolons, of the text before
/// that field (less a number leading it, `1.` or `[8]`), when every one is an organisation's or
/// a group's name; or people, as bioRxiv's lists print them (`Putt ED. <year>1940</year>.
/// <article-title>…`), when the whole citation read as a plain-text list's entry names people
/// and every word of that text is one of their names or initials. None otherwise.
pub(super) fn authors_before_first_field(citation: Element<'_>) -> Vec<CslName> {
    if citation.is("element-citation") {
        return Vec::new();
    }
    let mut lead = String::new();
    for node in citation.nodes() {
        match node {
            Node::Text(text) => lead.push_str(text),
            Node::Element(element) if element.is("label") => {}
            Node::Element(_) => break,
        }
    }
    let lead = lead
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit() || "[]().".contains(c))
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim();
    if lead.is_empty() {
        return Vec::new();
    }
    let names: Vec<&str> = lead.split([',', ';']).map(str::trim).collect();
    if !names.iter().all(|name| is_organisation_author(name)) {
        return people_named(lead, &plain_text(citation));
    }
    names
        .into_iter()
        .map(|name| CslName {
            literal: name.to_owned(),
            ..CslName::default()
        })
        .collect()
}

/// The people `whole` (a citation's text) names as its authors, read as a plain-text list's
/// entry is, when every word of `lead` (its text before its first tagged field) is one of their
/// family names, given names or initials (`Putt ED` is E. D. Putt); none otherwise.
fn people_named(lead: &str, whole: &str) -> Vec<CslName> {
    let parsed = read_reference_entry(whole);
    let people = parsed.author;
    // `et al.` closes a list as the name `others`.
    let unnamed = |person: &CslName| person.family.is_empty() && person.literal != "others";
    if people.is_empty() || people.iter().any(unnamed) {
        return Vec::new();
    }
    let letters = |word: &str| -> String { word.chars().filter(|c| c.is_alphabetic()).collect() };
    let mut known: Vec<String> = Vec::new();
    for person in &people {
        known.extend(person.family.split_whitespace().map(letters));
        known.extend(person.given.split_whitespace().map(letters));
        known.push(letters(&person.given));
    }
    let covered = lead
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(letters)
        .filter(|word| !word.is_empty() && !["and", "et", "al"].contains(&word.as_str()))
        .all(|word| known.iter().any(|name| name.eq_ignore_ascii_case(&word)));
    if covered { people } else { Vec::new() }
}

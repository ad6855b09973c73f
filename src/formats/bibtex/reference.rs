//! One parsed BibTeX entry as a reference: titles with their subtitles, people as CSL names
//! (the von part as the particle, the Jr part as the suffix), dates leniently, list fields
//! joined, and every field without a place of its own kept in `extra`.

use biblatex::{
    ChunksExt as _, DateValue, Datetime, EditorType, Entry, EntryType, PermissiveType, Person,
    RetrievalError,
};
use serde_json::Value;

use crate::corpus::cite::et_al_last;
use crate::corpus::model::{CslDate, CslName, Reference};
use crate::corpus::text::after_title;

use super::latex::{decode_latex, restore_literals};
use super::mapping::{CONSUMED, VERBATIM_FIELDS, csl_field, csl_type};

/// A field's text with the LaTeX the parser leaves decoded, trimmed; `None` when empty.
fn text_field(entry: &Entry, field: &str) -> Option<String> {
    let text = decode_latex(&entry.get(field)?.format_verbatim());
    (!text.is_empty()).then_some(text)
}

/// A field kept verbatim (`url`, `doi`): trimmed, undecoded.
fn verbatim_field(entry: &Entry, field: &str) -> Option<String> {
    let text = restore_literals(entry.get(field)?.format_verbatim().trim());
    (!text.is_empty()).then_some(text)
}

/// `main` and `sub` as one title: `Main: Sub`.
fn with_subtitle(main: Option<String>, sub: Option<String>) -> String {
    match (main, sub) {
        (Some(main), Some(sub)) => after_title(&main, &sub),
        (Some(main), None) => main,
        (None, Some(sub)) => sub,
        (None, None) => String::new(),
    }
}

/// A BibTeX list field (`publisher`, `location`) as one text: items joined by `; `.
fn list_field(entry: &Entry, field: &str) -> Option<String> {
    let items: Vec<String> = entry
        .get_as::<Vec<biblatex::Chunks>>(field)
        .ok()?
        .iter()
        .map(|chunks| decode_latex(&chunks.format_verbatim()))
        .filter(|s| !s.is_empty())
        .collect();
    (!items.is_empty()).then(|| items.join("; "))
}

/// A person as a CSL name: a name with neither given name, particle nor suffix (`{World Health
/// Organization}`, `Plato`) is a literal; the von part is the particle, the Jr part the suffix.
fn csl_name(person: &Person) -> CslName {
    let clean = |s: &str| decode_latex(s).replace('\u{a0}', " ");
    let family = clean(&person.name);
    let given = clean(&person.given_name);
    let prefix = clean(&person.prefix);
    let suffix = clean(&person.suffix);
    if given.is_empty() && prefix.is_empty() && suffix.is_empty() {
        return CslName {
            literal: family,
            ..CslName::default()
        };
    }
    CslName {
        family,
        given,
        non_dropping_particle: prefix,
        suffix,
        ..CslName::default()
    }
}

/// People as CSL names. BibTeX's `and others` (the list goes on) is not a person: it closes
/// the list as "et al." (`{"literal": "others"}`), which the BibTeX export writes back.
fn csl_names(people: &[Person]) -> Vec<CslName> {
    let mut names = people.iter().map(csl_name).collect();
    et_al_last(&mut names);
    names
}

/// A BibLaTeX date as a CSL date: a range keeps both ends, an open range its known end.
fn csl_date(date: &PermissiveType<biblatex::Date>) -> CslDate {
    let parts = |d: &Datetime| {
        let mut parts = vec![d.year];
        if let Some(month) = d.month {
            parts.push(i32::from(month) + 1);
            if let Some(day) = d.day {
                parts.push(i32::from(day) + 1);
            }
        }
        parts
    };
    match date {
        PermissiveType::Typed(date) => CslDate {
            date_parts: match &date.value {
                DateValue::At(d) | DateValue::After(d) | DateValue::Before(d) => vec![parts(d)],
                DateValue::Between(a, b) => vec![parts(a), parts(b)],
            },
            literal: String::new(),
            ..CslDate::default()
        },
        PermissiveType::Chunks(chunks) => CslDate {
            date_parts: Vec::new(),
            literal: decode_latex(&chunks.format_verbatim()),
            ..CslDate::default()
        },
    }
}

/// A date field read leniently: a date the parser rejects is kept as text.
fn date_of(
    entry: &Entry,
    result: Result<PermissiveType<biblatex::Date>, RetrievalError>,
    raw_field: &str,
) -> Option<CslDate> {
    match result {
        Ok(date) => Some(csl_date(&date)),
        Err(RetrievalError::Missing(_)) => None,
        Err(RetrievalError::TypeError(_)) => {
            let literal = text_field(entry, raw_field).or_else(|| text_field(entry, "year"))?;
            Some(CslDate {
                literal,
                ..CslDate::default()
            })
        }
    }
}

/// One BibTeX entry as a reference. See the module documentation for the mapping.
#[must_use]
pub fn to_reference(entry: &Entry) -> Reference {
    let (item_type, type_from_subtype) = csl_type(entry);
    let is_article = matches!(
        entry.entry_type,
        EntryType::Article | EntryType::SuppPeriodical
    );
    let mut reference = Reference {
        id: entry.key.clone(),
        item_type: item_type.to_owned(),
        ..Reference::default()
    };
    reference.title = with_subtitle(text_field(entry, "title"), text_field(entry, "subtitle"));
    reference.author = entry.author().map(|a| csl_names(&a)).unwrap_or_default();
    let mut other_editors: Vec<(&str, Vec<CslName>)> = Vec::new();
    for (people, role) in entry.editors().unwrap_or_default() {
        let names = csl_names(&people);
        match role {
            EditorType::Compiler => other_editors.push(("compiler", names)),
            EditorType::Organizer => other_editors.push(("organizer", names)),
            EditorType::Director => other_editors.push(("director", names)),
            _ => reference.editor.extend(names),
        }
    }
    reference.issued = date_of(entry, entry.date(), "date");
    reference.container_title = container_title(entry, is_article);
    reference.volume = text_field(entry, "volume").unwrap_or_default();
    let number = text_field(entry, "number");
    let issue = text_field(entry, "issue");
    if is_article {
        reference.issue = number.or(issue).unwrap_or_default();
    } else {
        reference.issue = issue.unwrap_or_default();
        if let Some(number) = number {
            reference
                .extra
                .insert("number".to_owned(), Value::String(number));
        }
    }
    reference.page = text_field(entry, "pages").unwrap_or_default();
    reference.publisher = list_field(entry, "publisher")
        .or_else(|| list_field(entry, "institution"))
        .or_else(|| list_field(entry, "school"))
        .unwrap_or_default();
    reference.publisher_place = list_field(entry, "location")
        .or_else(|| list_field(entry, "address"))
        .unwrap_or_default();
    reference.doi = doi(entry);
    reference.url = verbatim_field(entry, "url").unwrap_or_default();
    reference.note = text_field(entry, "note").unwrap_or_default();
    for (role, names) in other_editors {
        if let Ok(value) = serde_json::to_value(names) {
            reference.extra.insert(role.to_owned(), value);
        }
    }
    if !reference.publisher.is_empty()
        && let Some(institution) = list_field(entry, "institution")
        && institution != reference.publisher
    {
        reference
            .extra
            .insert("authority".to_owned(), Value::String(institution));
    }
    read_how_published(entry, &mut reference);
    keep_other_fields(entry, type_from_subtype, &mut reference);
    reference
}

/// `howpublished` (how a `@misc` work came out: `Private communication`, `GitHub repository`, a
/// web address): a web address is the work's URL when it has none; else it is the publisher,
/// before any other, as Pandoc reads it (`Private communication; Ternary Intelligence Inc.`),
/// less the URL when it repeats it (`[Computer Software] https://doi.org/…`).
fn read_how_published(entry: &Entry, reference: &mut Reference) {
    let Some(mut how) = text_field(entry, "howpublished") else {
        return;
    };
    if !reference.url.is_empty() && how != reference.url && how.contains(&reference.url) {
        let without_url = how.replace(&reference.url, " ");
        without_url.trim().clone_into(&mut how);
    }
    let web_address = (how.starts_with("http://") || how.starts_with("https://"))
        && !how.contains(char::is_whitespace);
    if web_address && reference.url.is_empty() {
        reference.url = how;
    } else if !web_address || how != reference.url {
        reference.publisher = if reference.publisher.is_empty() {
            how
        } else {
            format!("{how}; {}", reference.publisher)
        };
    }
}

/// The title of the journal (for an article) or the book (`booktitle`, else `maintitle`) the
/// entry is part of, with its subtitle.
fn container_title(entry: &Entry, is_article: bool) -> String {
    if is_article {
        with_subtitle(
            text_field(entry, "journaltitle").or_else(|| text_field(entry, "journal")),
            text_field(entry, "journalsubtitle"),
        )
    } else {
        let book = with_subtitle(
            text_field(entry, "booktitle"),
            text_field(entry, "booksubtitle"),
        );
        if book.is_empty() {
            with_subtitle(
                text_field(entry, "maintitle"),
                text_field(entry, "mainsubtitle"),
            )
        } else {
            book
        }
    }
}

/// The DOI without the resolver or `doi:` prefix some tools write before it.
fn doi(entry: &Entry) -> String {
    verbatim_field(entry, "doi")
        .map(|d| {
            [
                "https://doi.org/",
                "http://doi.org/",
                "https://dx.doi.org/",
                "doi:",
            ]
            .iter()
            .fold(d, |d, prefix| {
                d.strip_prefix(prefix).map(str::to_owned).unwrap_or(d)
            })
        })
        .unwrap_or_default()
}

/// Every field of `entry` not read into the reference's own fields, kept in its `extra` under
/// its CSL-JSON name where it has one (people and dates as CSL-JSON values, other text decoded
/// unless BibLaTeX keeps it verbatim). `type_from_subtype` says whether `entrysubtype` gave the
/// item type.
fn keep_other_fields(entry: &Entry, type_from_subtype: bool, reference: &mut Reference) {
    for (field, chunks) in &entry.fields {
        // An `entrysubtype` that gave the type is not kept a second time in `extra`.
        if CONSUMED.contains(&field.as_str()) || (field == "entrysubtype" && type_from_subtype) {
            continue;
        }
        let key = csl_field(field).unwrap_or(field.as_str());
        if reference.extra.contains_key(key) {
            continue;
        }
        let value = match key {
            "translator" | "container-author" => entry
                .get_as::<Vec<Person>>(field)
                .ok()
                .and_then(|people| serde_json::to_value(csl_names(&people)).ok()),
            "accessed" => date_of(entry, entry.url_date(), "urldate")
                .and_then(|d| serde_json::to_value(d).ok()),
            "original-date" => date_of(entry, entry.orig_date(), "origdate")
                .and_then(|d| serde_json::to_value(d).ok()),
            "event-date" => date_of(entry, entry.event_date(), "eventdate")
                .and_then(|d| serde_json::to_value(d).ok()),
            _ => {
                let text = if VERBATIM_FIELDS.contains(&field.as_str()) {
                    restore_literals(chunks.format_verbatim().trim())
                } else {
                    decode_latex(&chunks.format_verbatim())
                };
                (!text.is_empty()).then_some(Value::String(text))
            }
        };
        if let Some(value) = value {
            reference.extra.insert(key.to_owned(), value);
        }
    }
}

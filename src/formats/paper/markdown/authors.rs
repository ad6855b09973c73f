//! A Markdown paper's authors and their affiliations, in the shapes its YAML metadata gives
//! them: JOSS (`name` or `given-names`/`surname`, `affiliation: "1, 2"` naming an
//! `affiliations` list by `index`), Quarto (affiliations written out under an author, or named
//! by `ref`, flags under `attributes`, `group` authors), and the journal templates of R
//! Markdown, which name the
//! same things otherwise (`firstname`/`lastname`, `familyname`/`othernames`, `name` with a
//! `surname`; `affil`, `aff`, `num` or `inst` naming an affiliation by `code`, `number`, `num`,
//! `label` or `ref`; an affiliation as `address`, `org`, `organization` or `institution` with
//! its department, city and country). Markers of notes mixed in with the affiliations (`*`,
//! `\dagger`) are left out, and a name starred as corresponding (`A. Uthor*`) loses its star.

use std::collections::HashMap;

use serde_yaml::{Mapping, Value};

use crate::corpus::model::Author;

use super::meta::{scalar, strings};
use super::spans::flatten;

/// The keys an author's affiliations are named under.
const AFFILIATION_KEYS: [&str; 8] = [
    "affiliation",
    "affiliations",
    "affil",
    "aff",
    "num",
    "inst",
    "affiliationref",
    "addressLabel",
];

/// The keys an affiliation is known by in the list of affiliations.
const AFFILIATION_ID_KEYS: [&str; 9] = [
    "index", "id", "key", "code", "number", "num", "label", "ref", "aff",
];

/// The authors the metadata `map` names (`authors:` or `author:`, or the names alone Pandoc's
/// HTML template takes, `author-meta:`, as Manubot writes them), with their affiliations.
pub(super) fn read(map: &Mapping) -> Vec<Author> {
    let affiliations = affiliations(map);
    let Some(value) = ["authors", "author", "author-meta"]
        .iter()
        .find_map(|key| map.get(*key))
    else {
        return Vec::new();
    };
    let items: Vec<&Value> = match value {
        Value::Sequence(items) => items.iter().collect(),
        other => vec![other],
    };
    items
        .into_iter()
        .filter_map(|item| author(item, &affiliations))
        .collect()
}

/// Affiliation names by the id authors name them with (`{name, index}`, `{code, address}`,
/// `{number, info: {orgname}}` …); one of the list without an id is known by its place in it
/// (`1`, `2`, …).
fn affiliations(map: &Mapping) -> HashMap<String, String> {
    let mut names = HashMap::new();
    let list = ["affiliations", "affiliation", "institutes", "address"]
        .iter()
        .find_map(|key| match map.get(*key) {
            Some(Value::Sequence(items)) => Some(items),
            _ => None,
        });
    for (position, item) in list.into_iter().flatten().enumerate() {
        let Value::Mapping(map) = item else {
            continue;
        };
        let name = affiliation_name(map);
        if name.is_empty() {
            continue;
        }
        let key = AFFILIATION_ID_KEYS
            .iter()
            .find_map(|k| map.get(*k).and_then(scalar))
            .unwrap_or_else(|| (position + 1).to_string());
        names.insert(key.trim().to_owned(), name);
    }
    // Quarto lets an author write an affiliation out with an `id` that other authors then
    // name (`- ref: another-u`).
    let authors = match map.get("authors").or_else(|| map.get("author")) {
        Some(Value::Sequence(authors)) => authors.as_slice(),
        _ => &[],
    };
    for author in authors {
        let Value::Mapping(author) = author else {
            continue;
        };
        let Some(Value::Sequence(written)) = author.get("affiliations") else {
            continue;
        };
        for item in written {
            if let Value::Mapping(item) = item
                && let Some(id) = item.get("id").and_then(scalar)
            {
                let name = affiliation_name(item);
                if !name.is_empty() {
                    names.entry(id.trim().to_owned()).or_insert(name);
                }
            }
        }
    }
    names
}

/// What an affiliation is called: its department and its `name` (or organisation), with the
/// city and country; else its `address`.
fn affiliation_name(map: &Mapping) -> String {
    let info = match map.get("info") {
        Some(Value::Mapping(info)) => info,
        _ => map,
    };
    let first = |from: &Mapping, keys: &[&str]| {
        keys.iter()
            .find_map(|k| from.get(*k).and_then(scalar))
            .map(|text| clean(&text))
            .filter(|text| !text.is_empty())
    };
    let organisation = first(
        info,
        &[
            "name",
            "organization",
            "organisation",
            "institution",
            "orgname",
            "org",
        ],
    );
    if organisation.is_none()
        && let Some(address) = first(map, &["address"])
    {
        return address;
    }
    let place = match map.get("address") {
        Some(Value::Mapping(address)) => address,
        _ => map,
    };
    // A part the name already holds (`name: Department X, Institution X` with its
    // `department`) is not written twice.
    let mut parts: Vec<String> = Vec::new();
    for part in [
        first(info, &["department", "orgdiv"]),
        organisation,
        first(place, &["city"]),
        first(place, &["country"]),
    ]
    .into_iter()
    .flatten()
    {
        if parts.iter().any(|known| known.contains(part.as_str())) {
            continue;
        }
        parts.retain(|known| !part.contains(known.as_str()));
        parts.push(part);
    }
    parts.join(", ")
}

/// One author: a name, or a map of what is known of them.
fn author(value: &Value, affiliations: &HashMap<String, String>) -> Option<Author> {
    let map = match value {
        Value::Mapping(map) => map,
        other => {
            let name = scalar(other)?;
            return (!name.trim().is_empty()).then(|| Author {
                name: flatten(&name),
                ..Author::default()
            });
        }
    };
    let text = |key: &str| map.get(key).and_then(scalar).unwrap_or_default();
    let name = match map.get("name") {
        Some(Value::Mapping(parts)) => name_from_parts(parts),
        // `name: First` beside `surname: Author` (the IMS template) is the given name.
        Some(other) => with_surname(&scalar(other).unwrap_or_default(), map),
        None => name_from_parts(map),
    };
    let name = flatten(&name);
    let starred = name.ends_with('*');
    let name = name.trim_end_matches('*').trim_end().to_owned();
    if name.is_empty() {
        return None;
    }
    let affiliation = match AFFILIATION_KEYS.iter().find_map(|key| map.get(*key)) {
        Some(value) => affiliation_text(value, affiliations),
        None => ["institution", "address"]
            .iter()
            .find_map(|key| map.get(*key).and_then(scalar))
            .map(|text| clean(&text))
            .unwrap_or_default(),
    };
    // Quarto also sets the flags under `attributes`.
    let attributes = match map.get("attributes") {
        Some(Value::Mapping(attributes)) => Some(attributes),
        _ => None,
    };
    let flag = |keys: &[&str]| {
        keys.iter().any(|key| {
            map.get(*key)
                .or_else(|| attributes.and_then(|a| a.get(*key)))
                .is_some_and(says_yes)
        })
    };
    Some(Author {
        name,
        affiliation,
        email: email(&text("email")),
        orcid: text("orcid").trim().to_owned(),
        corresponding: starred
            || flag(&[
                "corresponding",
                "correspondingauthor",
                "corresponding_author",
            ]),
        group: flag(&["group"]),
    })
}

/// Whether a flag is set: `true`, `yes`, or any text but `false` and `no` (PLOS's template
/// gives the corresponding author's address there).
fn says_yes(value: &Value) -> bool {
    match value {
        Value::Bool(b) => *b,
        Value::String(s) => !matches!(
            s.trim().to_ascii_lowercase().as_str(),
            "" | "false" | "no" | "0"
        ),
        _ => false,
    }
}

/// An address as written, without LaTeX's wrapping (`\email{a@b.org}`, `a\@b.org`).
fn email(text: &str) -> String {
    let text = text.trim();
    let text = text
        .strip_prefix("\\email{")
        .and_then(|rest| rest.strip_suffix('}'))
        .unwrap_or(text);
    text.replace("\\@", "@").trim().to_owned()
}

/// `given` followed by the map's surname when it is not already part of it.
fn with_surname(given: &str, map: &Mapping) -> String {
    let surname = ["surname", "lastname", "familyname", "family"]
        .iter()
        .find_map(|k| map.get(*k).and_then(scalar))
        .unwrap_or_default();
    let surname = surname.trim();
    if surname.is_empty() || given.contains(surname) {
        given.to_owned()
    } else {
        format!("{} {surname}", given.trim())
    }
}

/// A name given in parts (`given-names`, `surname`, particles, suffix).
fn name_from_parts(map: &Mapping) -> String {
    let part = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| map.get(*k).and_then(scalar))
            .unwrap_or_default()
    };
    let words = [
        part(&[
            "given-names",
            "given",
            "given_name",
            "first",
            "first-name",
            "firstname",
            "othernames",
        ]),
        part(&["dropping-particle"]),
        part(&["non-dropping-particle", "particle"]),
        part(&[
            "surname",
            "family",
            "last",
            "last-name",
            "lastname",
            "familyname",
        ]),
        part(&["suffix"]),
    ];
    let name: Vec<&str> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    if name.is_empty() {
        part(&["literal"])
    } else {
        name.join(" ")
    }
}

/// Whether `index` marks a note rather than naming an affiliation (`*`, `\dagger`, `†`).
fn is_note_marker(index: &str) -> bool {
    let index = index.trim_start_matches('\\');
    index.chars().all(|c| "*†‡§¶#".contains(c))
        || matches!(
            index,
            "dagger" | "ddagger" | "S" | "P" | "textdagger" | "textdaggerdbl"
        )
}

/// An affiliation's text made plain: its lines joined (a line block's `| ` left out), LaTeX's
/// `\and` between two affiliations a `;`, a comma left over at the end of a part dropped.
fn clean(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(|line| {
            let line = line.trim();
            line.strip_prefix("| ").unwrap_or(line)
        })
        .collect();
    let joined = lines.join(" ").replace("\\AND", ";").replace("\\and", ";");
    let parts: Vec<String> = joined
        .split(';')
        .map(|part| {
            part.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end_matches(',')
                .to_owned()
        })
        .filter(|part| !part.is_empty())
        .collect();
    flatten(&parts.join("; "))
}

/// An author's affiliations as text: each index (`"1, 2"`, `1`, a list) replaced by the
/// affiliation's name, joined by `; `; markers of notes left out; text that names no index is
/// kept as written.
fn affiliation_text(value: &Value, affiliations: &HashMap<String, String>) -> String {
    // Quarto's: one affiliation or a list, each written out (`{name, city, country}`) or
    // naming one of the list (`{ref: aff1}`).
    // A list may mix them with plain names (JSS: `- Journal of Statistical Software`).
    let items: &[Value] = match value {
        Value::Mapping(_) => std::slice::from_ref(value),
        Value::Sequence(items) => items,
        _ => &[],
    };
    if items.iter().any(Value::is_mapping) {
        let mut names: Vec<String> = Vec::new();
        for item in items {
            let name = match item {
                Value::Mapping(map) => match map.get("ref").and_then(scalar) {
                    Some(id) => affiliations.get(id.trim()).cloned().unwrap_or_default(),
                    None => affiliation_name(map),
                },
                other => scalar(other)
                    .map(|text| {
                        affiliations
                            .get(text.trim())
                            .cloned()
                            .unwrap_or_else(|| clean(&text))
                    })
                    .unwrap_or_default(),
            };
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
        return names.join("; ");
    }
    let mut names: Vec<String> = Vec::new();
    for item in strings(value) {
        for index in item.split([',', ';']) {
            let index = index.trim();
            // A marker of a note (`*`, `\dagger`), or a short code naming no affiliation of
            // the list (PNAS's `a,1,2`: the numbers mark notes), is no affiliation.
            let names_nothing = !affiliations.is_empty()
                && !affiliations.contains_key(index)
                && index.chars().count() <= 3;
            if index.is_empty() || is_note_marker(index) || names_nothing {
                continue;
            }
            let name = affiliations
                .get(index)
                .cloned()
                .unwrap_or_else(|| clean(index));
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if names.iter().any(|n| !affiliations.values().any(|a| a == n)) && names.len() > 1 {
        // Free text with commas in it ("Dept. X, University Y"): kept whole.
        let whole: Vec<String> = strings(value);
        if whole
            .iter()
            .all(|w| w.split(',').all(|i| !affiliations.contains_key(i.trim())))
        {
            return whole
                .iter()
                .map(|w| clean(w))
                .collect::<Vec<_>>()
                .join("; ");
        }
    }
    names.join("; ")
}

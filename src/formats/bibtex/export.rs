//! Writing references as BibTeX entries: LaTeX specials escaped, titles protected from case
//! changes by an extra pair of braces, names as `von Last, Jr, First`, dates as `year`/`month`
//! (and BibLaTeX's `date` for a day or a range), the cross-links in `annote`.

use std::fmt::Write as _;

use serde_json::Value;

use crate::corpus::Corpus;
use crate::corpus::cite::{display_given, lenient_date, words};
use crate::corpus::model::{CslDate, CslName, Reference};
use crate::formats::links::CrossLinks;
use crate::formats::{ExportError, each_reference};

use super::mapping::{bibtex_field, entry_subtype, entry_type};

/// The references at `positions` as a `.bib` file: one entry per reference, separated by blank
/// lines.
///
/// # Errors
/// When a position names no reference.
pub fn export(corpus: &Corpus, positions: &[usize]) -> Result<String, ExportError> {
    Ok(each_reference(corpus, positions, entry)?.join("\n"))
}

/// One reference as a BibTeX entry (ending in a newline).
#[must_use]
pub fn entry(reference: &Reference, links: Option<&CrossLinks>) -> String {
    let kind = entry_type(reference);
    let mut fields: Vec<(String, String)> = Vec::new();
    let push = |fields: &mut Vec<(String, String)>, name: &str, value: String| {
        if !value.is_empty() {
            let name = if fields.iter().any(|(n, _)| n == name) {
                format!("csl-{name}")
            } else {
                name.to_owned()
            };
            fields.push((name, value));
        }
    };
    if let Some(subtype) = entry_subtype(reference, kind) {
        push(&mut fields, "entrysubtype", subtype.to_owned());
    }
    push(&mut fields, "author", names(&reference.author));
    push(&mut fields, "editor", names(&reference.editor));
    if !reference.title.is_empty() {
        push(
            &mut fields,
            "title",
            format!("{{{}}}", escape(&reference.title)),
        );
    }
    if !reference.container_title.is_empty() {
        let container = escape(&reference.container_title);
        if kind == "article" {
            push(&mut fields, "journal", container);
        } else {
            push(&mut fields, "booktitle", format!("{{{container}}}"));
        }
    }
    if let Some(date) = &reference.issued {
        for (name, value) in date_fields(date) {
            push(&mut fields, name, value);
        }
    }
    push(&mut fields, "volume", escape(&reference.volume));
    push(
        &mut fields,
        if kind == "article" { "number" } else { "issue" },
        escape(&reference.issue),
    );
    push(
        &mut fields,
        "pages",
        escape(&reference.page).replace('–', "--"),
    );
    let publisher_field = match kind {
        "phdthesis" | "mastersthesis" => "school",
        "techreport" => "institution",
        _ => "publisher",
    };
    push(
        &mut fields,
        publisher_field,
        list_value(&reference.publisher),
    );
    push(
        &mut fields,
        "address",
        list_value(&reference.publisher_place),
    );
    push(&mut fields, "doi", verbatim(&reference.doi));
    push(&mut fields, "url", verbatim(&reference.url));
    push(&mut fields, "note", escape(&reference.note));
    let mut annote: Vec<String> = reference
        .extra
        .get("annote")
        .and_then(Value::as_str)
        .map(|a| vec![a.to_owned()])
        .unwrap_or_default();
    if let Some(links) = links {
        annote.push(links.note_text());
    }
    push(&mut fields, "annote", escape(&annote.join("\n")));
    for (key, value) in &reference.extra_for_others() {
        if key == "annote" {
            continue;
        }
        let name = bibtex_field(key).map_or_else(|| field_name(key), str::to_owned);
        if name.is_empty() {
            continue;
        }
        // A date variable written loosely (`"accessed": "2006-05"`, `{"year": 2006}`) is
        // written as the date it means, so `urldate` and the like stay dates.
        let date = DATE_VARIABLES
            .contains(&key.as_str())
            .then(|| lenient_date(value))
            .flatten();
        let text = date.map_or_else(|| extra_value(value), |date| date_text(&date));
        push(&mut fields, &name, text);
    }
    let mut out = format!("@{kind}{{{},\n", citation_key(&reference.id));
    let width = fields.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    for (name, value) in &fields {
        let _ = writeln!(out, "  {name:<width$} = {{{value}}},");
    }
    out.push_str("}\n");
    out
}

/// The CSL date variables kept in `extra`, written as BibLaTeX dates (`urldate`, `eventdate`,
/// `origdate`) or as fields of their own name.
const DATE_VARIABLES: [&str; 5] = [
    "accessed",
    "available-date",
    "event-date",
    "original-date",
    "submitted",
];

/// A citation key BibTeX accepts: characters it treats specially become `-`.
#[must_use]
pub fn citation_key(id: &str) -> String {
    let key: String = id
        .chars()
        .map(|c| {
            if c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    ',' | '{' | '}' | '"' | '#' | '%' | '\'' | '(' | ')' | '=' | '~' | '\\'
                )
            {
                '-'
            } else {
                c
            }
        })
        .collect();
    if key.is_empty() {
        "ref".to_owned()
    } else {
        key
    }
}

/// A field name from a CSL-JSON key: lower case, characters BibTeX does not allow in a name
/// dropped (an empty result means the field cannot be written).
fn field_name(key: &str) -> String {
    key.chars()
        .filter(|&c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '+' | '/'))
        .flat_map(char::to_lowercase)
        .skip_while(|&c| c == '-')
        .collect()
}

/// Text with LaTeX specials escaped, so that it reads back as written.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = '\0';
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            // `--` would read back as an en dash.
            '-' if previous == '-' => out.push_str("{}-"),
            _ => out.push(c),
        }
        previous = c;
    }
    out
}

/// A value BibTeX keeps verbatim (`url`, `doi`): only braces, which would unbalance it, are
/// percent-encoded.
fn verbatim(text: &str) -> String {
    text.replace('{', "%7B").replace('}', "%7D")
}

/// A publisher or place: protected by braces when it contains ` and `, which BibTeX would
/// otherwise split into a list.
fn list_value(text: &str) -> String {
    let escaped = escape(text);
    if text.contains(" and ") {
        format!("{{{escaped}}}")
    } else {
        escaped
    }
}

/// Names as BibTeX writes them: `von Last, First and …`, or `von Last, Jr, First` with a
/// suffix; an organisation in braces, so BibTeX neither splits nor abbreviates it
/// (`{World Health Organization}`). Both CSL particles go in the von part; initials run together
/// are written apart (`JE` → `J. E.`). "et al." written as
/// a name is not written as one: the list ends in BibTeX's own `and others` instead.
fn names(list: &[CslName]) -> String {
    let et_al = list.iter().any(CslName::is_et_al);
    let mut written: Vec<String> = list
        .iter()
        .filter(|name| !name.is_et_al())
        .map(|name| {
            if !name.literal.is_empty() || (name.family.is_empty() && !name.given.is_empty()) {
                let literal = if name.literal.is_empty() {
                    &name.given
                } else {
                    &name.literal
                };
                return format!("{{{}}}", escape(literal));
            }
            let mut family = escape(&name.family);
            if name.family.contains([' ', ',']) {
                family = format!("{{{family}}}");
            }
            let von_last = words(&[
                &escape(&name.dropping_particle),
                &escape(&name.non_dropping_particle),
                &family,
            ]);
            // A comma inside a part would start the next part.
            let part = |text: &str| {
                if text.contains(',') {
                    format!("{{{}}}", escape(text))
                } else {
                    escape(text)
                }
            };
            // BibTeX styles abbreviate a given name to its first letter: `JE` would print `J.`.
            let given = display_given(&name.given);
            match (name.suffix.is_empty(), given.is_empty()) {
                (true, true) => von_last,
                (true, false) => format!("{von_last}, {}", part(&given)),
                (false, _) => format!("{von_last}, {}, {}", part(&name.suffix), part(&given)),
            }
        })
        .collect();
    if et_al && !written.is_empty() {
        written.push("others".to_owned());
    }
    written.join(" and ")
}

/// `year` and `month` of the first date; a day or a range adds BibLaTeX's `date`. A date given
/// only as text goes into `year` as it is.
fn date_fields(date: &CslDate) -> Vec<(&'static str, String)> {
    let mut fields = Vec::new();
    let Some(first) = date.date_parts.first().filter(|p| !p.is_empty()) else {
        if !date.literal.is_empty() {
            fields.push(("year", escape(&date.literal)));
        }
        return fields;
    };
    let (year, month, day) = (first.first(), first.get(1), first.get(2));
    if let Some(year) = year {
        fields.push(("year", year.to_string()));
    }
    if let Some(month) = month {
        fields.push(("month", month.to_string()));
    }
    if day.is_some() || date.date_parts.len() > 1 {
        fields.push(("date", iso_range(date)));
    }
    fields
}

/// The date parts in ISO form, a range joined by `/`: `2001-02-03/2002`.
fn iso_range(date: &CslDate) -> String {
    let iso = |parts: &Vec<i32>| {
        parts
            .iter()
            .enumerate()
            .map(|(i, n)| {
                if i == 0 {
                    format!("{n:04}")
                } else {
                    format!("{n:02}")
                }
            })
            .collect::<Vec<_>>()
            .join("-")
    };
    let range: Vec<String> = date.date_parts.iter().take(2).map(iso).collect();
    range.join("/")
}

/// A date as one BibLaTeX date field: its parts in ISO form with month and day when known
/// (`2006-05`), or its text when it has no parts.
fn date_text(date: &CslDate) -> String {
    if date
        .date_parts
        .first()
        .is_some_and(|parts| !parts.is_empty())
    {
        iso_range(date)
    } else {
        escape(&date.literal)
    }
}

/// An extra CSL-JSON value as field text: names as a BibTeX name list, dates in ISO form,
/// other structures as JSON.
fn extra_value(value: &Value) -> String {
    match value {
        Value::String(text) => escape(text),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        Value::Array(items) if items.iter().all(Value::is_object) => {
            match serde_json::from_value::<Vec<CslName>>(value.clone()) {
                Ok(list) if !list.is_empty() => names(&list),
                _ => escape(&value.to_string()),
            }
        }
        Value::Object(object)
            if object.contains_key("date-parts") || object.contains_key("literal") =>
        {
            match serde_json::from_value::<CslDate>(value.clone()) {
                Ok(date) => date_text(&date),
                Err(_) => escape(&value.to_string()),
            }
        }
        _ => escape(&value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::bibtex::read_one as one;

    #[test]
    fn export_escapes_specials_and_reads_back_the_same() {
        let reference = Reference {
            id: "x 1".to_owned(),
            item_type: "chapter".to_owned(),
            title: "Profits & 100% {braces} #1 a_b ~home ^up back\\slash -- dash".to_owned(),
            author: vec![
                CslName {
                    family: "Linde".to_owned(),
                    given: "C.".to_owned(),
                    non_dropping_particle: "van der".to_owned(),
                    ..CslName::default()
                },
                CslName {
                    literal: "World Health Organization".to_owned(),
                    ..CslName::default()
                },
            ],
            container_title: "Essays and Studies".to_owned(),
            publisher: "Smith and Sons".to_owned(),
            page: "5–9".to_owned(),
            url: "https://example.org/a_b?x=1%20y#frag".to_owned(),
            issued: Some(CslDate {
                date_parts: vec![vec![2001, 2, 3], vec![2002]],
                ..CslDate::default()
            }),
            ..Reference::default()
        };
        let text = entry(&reference, None);
        assert!(text.starts_with("@incollection{x-1,\n"), "{text}");
        assert!(text.contains("pages     = {5--9}"), "{text}");
        let back = one(&text);
        assert_eq!(back.title, reference.title);
        assert_eq!(back.author, reference.author);
        assert_eq!(back.container_title, reference.container_title);
        assert_eq!(back.publisher, reference.publisher);
        assert_eq!(back.page, reference.page);
        assert_eq!(back.url, reference.url);
        assert_eq!(back.issued, reference.issued);
    }

    #[test]
    fn et_al_becomes_and_others_and_an_organisation_stays_whole() {
        let mut reference = Reference {
            id: "who2006".to_owned(),
            item_type: "report".to_owned(),
            title: "T".to_owned(),
            author: vec![
                CslName {
                    literal: "World Health Organization".to_owned(),
                    ..CslName::default()
                },
                CslName {
                    family: "Lawn".to_owned(),
                    given: "JE".to_owned(),
                    ..CslName::default()
                },
                CslName {
                    family: "et al.".to_owned(),
                    ..CslName::default()
                },
            ],
            ..Reference::default()
        };
        let text = entry(&reference, None);
        assert!(
            text.contains("author = {{World Health Organization} and Lawn, J. E. and others},"),
            "{text}"
        );
        let back = one(&text);
        assert_eq!(back.author.first(), reference.author.first());
        // A list that is only "et al." has no author to write.
        reference.author.drain(..2);
        assert!(!entry(&reference, None).contains("author"));
    }

    #[test]
    fn date_variables_keep_their_month_and_loose_ones_are_read_as_meant() {
        let mut reference = Reference {
            id: "d".to_owned(),
            item_type: "webpage".to_owned(),
            title: "T".to_owned(),
            ..Reference::default()
        };
        reference.extra.insert(
            "accessed".to_owned(),
            serde_json::json!({"date-parts": [[2020, 5]]}),
        );
        reference
            .extra
            .insert("event-date".to_owned(), serde_json::json!({"year": 2019}));
        reference
            .extra
            .insert("original-date".to_owned(), serde_json::json!("1850"));
        let text = entry(&reference, None);
        for field in [
            "urldate      = {2020-05}",
            "eventdate    = {2019}",
            "origdate     = {1850}",
        ] {
            assert!(text.contains(field), "{field}: {text}");
        }
        let back = one(&text);
        assert_eq!(
            back.extra.get("accessed"),
            Some(&serde_json::json!({"date-parts": [[2020, 5]]}))
        );
        assert_eq!(
            back.extra.get("event-date"),
            Some(&serde_json::json!({"date-parts": [[2019]]}))
        );
    }

    #[test]
    fn suffixes_and_particles_survive_as_the_jr_and_von_parts() {
        let person = |family: &str, given: &str, dropping: &str, suffix: &str| CslName {
            family: family.to_owned(),
            given: given.to_owned(),
            dropping_particle: dropping.to_owned(),
            suffix: suffix.to_owned(),
            ..CslName::default()
        };
        let reference = Reference {
            id: "k".to_owned(),
            item_type: "book".to_owned(),
            title: "T".to_owned(),
            author: vec![
                person("King", "Martin Luther", "", "Jr."),
                person("Beethoven", "Ludwig", "van", ""),
                // A comma inside the given name stays inside it.
                person("Doe", "Jane, Lady", "", ""),
                person("Gates", "", "", "III"),
            ],
            ..Reference::default()
        };
        let text = entry(&reference, None);
        assert!(
            text.contains(
                "King, Jr., Martin Luther and van Beethoven, Ludwig and Doe, {Jane, Lady}"
            ),
            "{text}"
        );
        let back = one(&text);
        let parts: Vec<(&str, &str, &str, &str)> = back
            .author
            .iter()
            .map(|n| {
                (
                    n.family.as_str(),
                    n.given.as_str(),
                    n.non_dropping_particle.as_str(),
                    n.suffix.as_str(),
                )
            })
            .collect();
        // BibTeX has one von part: a dropping particle comes back in it.
        assert_eq!(
            parts,
            [
                ("King", "Martin Luther", "", "Jr."),
                ("Beethoven", "Ludwig", "van", ""),
                ("Doe", "Jane, Lady", "", ""),
                ("Gates", "", "", "III"),
            ]
        );
    }
}

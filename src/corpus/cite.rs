//! A reference as the paper's own list prints it (the printed entry the corpus keeps, its
//! italics read from `*…*` marks), and short forms for list rows. Output is a list of spans so a
//! caller can italicise titles of containers.
//!
//! The rules every layer shares about names and dates live here too: "et al." written as an
//! author is not a person ([`CslName::is_et_al`]), initials written together are initials
//! ([`initials`]), and a date variable written loosely is read as the date meant
//! ([`lenient_date`]).

use serde_json::Value;

use super::model::{CslDate, CslName, Reference};

/// A run of formatted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Whether it is set in italics (titles of books and journals).
    pub italic: bool,
    /// Whether it is raised as a superscript (Nature's in-text numbers).
    pub superscript: bool,
}

/// A formatted reference: spans in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Formatted(pub Vec<Span>);

impl Span {
    /// A run of upright text.
    #[must_use]
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            italic: false,
            superscript: false,
        }
    }
}

impl Formatted {
    fn plain(&mut self, text: impl Into<String>) {
        self.0.push(Span::plain(text));
    }

    fn italic(&mut self, text: impl Into<String>) {
        self.0.push(Span {
            text: text.into(),
            italic: true,
            superscript: false,
        });
    }

    /// The text without styling.
    #[must_use]
    pub fn to_plain_string(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }
}

/// The parts that are not empty, joined by spaces: `["", "van der", "Linde"]` is
/// `"van der Linde"`.
#[must_use]
pub fn words(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A given name written as initials run together (`JE`, `J.E.`, `J E`, `J`, and joined by a
/// hyphen `K-P`) as separate initials with their points, `J. E.`, `K.-P.`; `None` when it is a
/// name (`Jo`, `Ed`, `Li`, `Martin Luther`). Initials are one to four capital letters, with
/// or without dots and spaces, in parts joined by hyphens (as the National Library of
/// Medicine writes `K-P` for Klaus-Peter).
#[must_use]
pub fn initials(given: &str) -> Option<String> {
    let given = given.trim();
    let parts: Option<Vec<Vec<char>>> = given
        .split('-')
        .map(|part| {
            let is_initials = part
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == ' ');
            let letters: Vec<char> = part.chars().filter(|c| c.is_uppercase()).collect();
            (is_initials && !letters.is_empty()).then_some(letters)
        })
        .collect();
    let parts = parts?;
    let count: usize = parts.iter().map(Vec::len).sum();
    if count > 4 {
        return None;
    }
    Some(
        parts
            .iter()
            .map(|letters| {
                letters
                    .iter()
                    .map(|letter| format!("{letter}."))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("-"),
    )
}

/// The first initial of a given name, without a dot, for short forms: `J` for `JE`, `J. E.`
/// or `Jane`; empty when there is no given name.
#[must_use]
pub fn first_initial(given: &str) -> String {
    given
        .chars()
        .find(|c| c.is_alphabetic())
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default()
}

/// The given name as printed: initials run together are spaced out (`JE` → `J. E.`), anything
/// else is kept as written.
#[must_use]
pub fn display_given(given: &str) -> String {
    initials(given).unwrap_or_else(|| given.to_owned())
}

/// One name as the paper's list prints it: initials first, `M. E. Porter`, `C. van der Linde`,
/// `M. L. King Jr.`; an organisation (`literal`) whole, `World Health Organization`.
#[must_use]
pub fn display_name(name: &CslName) -> String {
    if !name.literal.is_empty() {
        return name.literal.clone();
    }
    words(&[
        &display_given(&name.given),
        &name.dropping_particle,
        &name.non_dropping_particle,
        &name.family,
        &name.suffix,
    ])
}

/// The author list as printed: `A`, `A and B`, `A, B, C, and D`; `A, B et al.` when the list
/// ends in "et al." written as an author (which is not printed as a name).
#[must_use]
pub fn author_list(names: &[CslName]) -> String {
    let et_al = names.iter().any(CslName::is_et_al);
    let names: Vec<String> = names
        .iter()
        .filter(|name| !name.is_et_al())
        .map(display_name)
        .collect();
    if et_al && !names.is_empty() {
        return format!("{} et al.", names.join(", "));
    }
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] => format!("{first} and {second}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

/// `names` with "et al." written anywhere among them (`<etal/>`, BibTeX's `and others`, a
/// printed `et al.`) moved to the end, once: the mark of a list its source shortened. A list
/// of no one but "et al." is left empty.
pub fn et_al_last(names: &mut Vec<CslName>) {
    let before = names.len();
    names.retain(|name| !name.is_et_al());
    if names.len() < before && !names.is_empty() {
        names.push(CslName::et_al());
    }
}

/// The year of issue, if any.
#[must_use]
pub fn year(reference: &Reference) -> Option<i32> {
    reference
        .issued
        .as_ref()?
        .date_parts
        .first()?
        .first()
        .copied()
}

/// The name a short form and sorting use: the family name with its non-dropping particle
/// (`van der Linde`), an organisation whole (`World Health Organization`), or the given name
/// when that is all there is.
#[must_use]
pub fn short_name(name: &CslName) -> String {
    if !name.literal.is_empty() {
        return name.literal.clone();
    }
    if name.family.is_empty() {
        return name.given.clone();
    }
    words(&[&name.non_dropping_particle, &name.family])
}

/// The date a CSL date variable's value means, read leniently: a CSL date object as it is
/// (`{"date-parts": [[2006, 5]]}`, `{"literal": "spring 2006"}`, `{"raw": "2006-05"}`), and
/// the slips people write for one: `{"year": 2006, "month": 5}`, `"2006-05-01"`, `"2006"`,
/// `2006`, `{"date-parts": [2006, 5]}`. Other text becomes a literal date; `None` when nothing
/// in the value is a date.
#[must_use]
pub fn lenient_date(value: &Value) -> Option<CslDate> {
    let from_parts = |parts: Vec<i32>| {
        (!parts.is_empty()).then(|| CslDate {
            date_parts: vec![parts],
            ..CslDate::default()
        })
    };
    match value {
        Value::String(text) => date_from_text(text),
        Value::Number(number) => number
            .as_i64()
            .and_then(|year| i32::try_from(year).ok())
            .and_then(|year| from_parts(vec![year])),
        Value::Object(object) => {
            if let Ok(date) = serde_json::from_value::<CslDate>(value.clone())
                && (date.date_parts.first().is_some_and(|p| !p.is_empty())
                    || !date.literal.trim().is_empty())
            {
                return Some(date);
            }
            let number = |key: &str| object.get(key).and_then(date_number);
            if let Some(Value::Array(written)) = object.get("date-parts") {
                // `[2006, 5]` (one date, unnested) or `[["2006", "5"]]` (numbers as text).
                let one =
                    |parts: &[Value]| -> Vec<i32> { parts.iter().map_while(date_number).collect() };
                let mut dates: Vec<Vec<i32>> = if written.iter().all(Value::is_array) {
                    written
                        .iter()
                        .take(2)
                        .filter_map(Value::as_array)
                        .map(|parts| one(parts))
                        .collect()
                } else {
                    vec![one(written)]
                };
                dates.retain(|parts| !parts.is_empty());
                if !dates.is_empty() {
                    return Some(CslDate {
                        date_parts: dates,
                        ..CslDate::default()
                    });
                }
            }
            if let Some(year) = number("year") {
                let mut parts = vec![year];
                if let Some(month) = number("month") {
                    parts.push(month);
                    parts.extend(number("day"));
                }
                return from_parts(parts);
            }
            ["raw", "edtf", "literal"]
                .iter()
                .find_map(|key| object.get(*key)?.as_str().and_then(date_from_text))
        }
        _ => None,
    }
}

/// One part of a date written as a number or as digits.
fn date_number(value: &Value) -> Option<i32> {
    match value {
        Value::Number(number) => i32::try_from(number.as_i64()?).ok(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// A date written as text: `2006`, `2006-05`, `2006-05-01` (or with `/`) as date parts, other
/// text as a literal date.
fn date_from_text(text: &str) -> Option<CslDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    // The year first, in four digits; month and day in one or two.
    let numbers: Option<Vec<i32>> = text
        .split(['-', '/'])
        .enumerate()
        .map(|(i, part)| {
            let width_ok = if i == 0 {
                part.len() == 4
            } else {
                (1..=2).contains(&part.len())
            };
            if width_ok && part.chars().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        })
        .collect();
    Some(match numbers {
        Some(parts) if parts.len() <= 3 => CslDate {
            date_parts: vec![parts],
            ..CslDate::default()
        },
        _ => CslDate {
            literal: text.to_owned(),
            ..CslDate::default()
        },
    })
}

/// The authors (an edited book's editors) as a short form names them: `Porter & van der
/// Linde`, `Latham-Sprinkle et al.`, `World Health Organization`, `Anon.` when there are none.
/// A list the source shortened ("et al." as its last name) counts as more authors.
#[must_use]
pub fn short_authors(reference: &Reference) -> String {
    let et_al =
        reference.creators_cut_short() || reference.creators().iter().any(CslName::is_et_al);
    let people: Vec<&CslName> = reference
        .creators()
        .iter()
        .filter(|name| !name.is_et_al())
        .collect();
    match people.as_slice() {
        [] => "Anon.".to_owned(),
        [one] if !et_al => short_name(one),
        [a, b] if !et_al => format!("{} & {}", short_name(a), short_name(b)),
        [a, ..] => format!("{} et al.", short_name(a)),
    }
}

/// The year as a short form prints it: `1995`, or `n.d.` when there is none.
#[must_use]
pub fn year_label(reference: &Reference) -> String {
    year(reference).map_or_else(|| "n.d.".to_owned(), |year| year.to_string())
}

/// A short form for lists: `Porter & van der Linde (1995)`, `Latham-Sprinkle et al. (2019)`,
/// `World Health Organization (2006)`.
#[must_use]
pub fn short_label(reference: &Reference) -> String {
    format!("{} ({})", short_authors(reference), year_label(reference))
}

/// The entry as the paper's own reference list prints it, without its number, its `*…*`
/// marks set in italics; `None` when the corpus does not hold it (see [`Reference::printed`]).
#[must_use]
pub fn printed_entry(reference: &Reference) -> Option<Formatted> {
    reference.printed().map(emphasis)
}

/// `text` with its `*emphasis*` marks read as italics: a `*` before a non-space and a later `*`
/// after one are a pair, and the text between them is in italics; a lone `*` is text.
#[must_use]
pub fn emphasis(text: &str) -> Formatted {
    let chars: Vec<char> = text.chars().collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c != '*' {
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        let can_close = before.is_some_and(|b| !b.is_whitespace() && *b != '*')
            && after.is_none_or(|a| !a.is_alphanumeric());
        let can_open = after.is_some_and(|a| !a.is_whitespace() && *a != '*')
            && before.is_none_or(|b| !b.is_alphanumeric());
        match open {
            Some(start) if can_close => {
                pairs.push((start, i));
                open = None;
            }
            _ if can_open => open = Some(i),
            _ => {}
        }
    }
    let mut out = Formatted::default();
    let mut from = 0;
    let text_between = |from: usize, to: usize| -> String {
        chars.get(from..to).unwrap_or_default().iter().collect()
    };
    for (start, end) in pairs {
        if start > from {
            out.plain(text_between(from, start));
        }
        out.italic(text_between(start + 1, end));
        from = end + 1;
    }
    if from < chars.len() {
        out.plain(text_between(from, chars.len()));
    }
    out
}

/// A field's value as text to read: text as it is, a number as written, names as an author
/// list (`A and B`), a date as `2006-05-01` (or its literal), a list joined with `; `, an
/// object as `key: value; …`. Never JSON syntax (no quotes or braces).
#[must_use]
pub fn field_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => text.trim().to_owned(),
        Value::Array(items) => {
            let is_name = |item: &Value| {
                ["family", "given", "literal"]
                    .iter()
                    .any(|key| item.get(*key).is_some_and(Value::is_string))
            };
            if !items.is_empty()
                && items.iter().all(is_name)
                && let Ok(names) = serde_json::from_value::<Vec<CslName>>(value.clone())
            {
                return author_list(&names);
            }
            joined(items.iter().map(field_text))
        }
        Value::Object(fields) => {
            if ["date-parts", "raw"]
                .iter()
                .any(|key| fields.contains_key(*key))
                && let Some(date) = lenient_date(value)
            {
                return date_text(&date);
            }
            joined(fields.iter().map(|(key, value)| {
                let text = field_text(value);
                if text.is_empty() {
                    text
                } else {
                    format!("{key}: {text}")
                }
            }))
        }
    }
}

/// Non-empty texts joined with `; `.
fn joined(texts: impl Iterator<Item = String>) -> String {
    texts
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A date as text: its literal, or its parts as `2006-05-01` (a range as `1984–1986`).
#[must_use]
pub fn date_text(date: &CslDate) -> String {
    if !date.literal.trim().is_empty() {
        return date.literal.trim().to_owned();
    }
    let parts: Vec<String> = date
        .date_parts
        .iter()
        .filter(|parts| !parts.is_empty())
        .map(|parts| {
            parts
                .iter()
                .enumerate()
                .map(|(n, part)| {
                    if n == 0 {
                        part.to_string()
                    } else {
                        format!("{part:02}")
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect();
    parts.join("–")
}

/// The arXiv identifier of a reference (`2101.00001`, `math/0307200v3`): as BibTeX writes it
/// (an `eprint` whose `eprinttype` or `archiveprefix` is arXiv), as CSL-JSON does (a `number`
/// `arXiv:…`, or an `archive_location` in the `archive` arXiv), or an `arxiv` field. `None`
/// when it has none.
#[must_use]
pub fn arxiv_id(reference: &Reference) -> Option<String> {
    let text_of = |key: &str| {
        reference
            .extra
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .and_then(|(_, v)| v.as_str())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let is_arxiv = ["eprinttype", "eprint-type", "archiveprefix", "archive"]
        .iter()
        .any(|key| text_of(key).is_some_and(|v| v.eq_ignore_ascii_case("arxiv")));
    // CSL-JSON as Zotero writes a preprint: `"number": "arXiv:2004.07180"`, or the archive
    // and its location.
    let numbered = text_of("number").filter(|n| n.to_ascii_lowercase().starts_with("arxiv:"));
    let id = text_of("arxiv")
        .or(numbered)
        .or_else(|| text_of("eprint").filter(|_| is_arxiv))
        .or_else(|| text_of("archive_location").filter(|_| is_arxiv))?;
    let id = id
        .get(..6)
        .filter(|prefix| prefix.eq_ignore_ascii_case("arxiv:"))
        .and_then(|_| id.get(6..))
        .unwrap_or(id)
        .trim();
    let plausible = !id.is_empty()
        && id.len() < 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-'));
    plausible.then(|| id.to_owned())
}

#[cfg(test)]
#[path = "cite_tests.rs"]
mod tests;

//! CSL-JSON, the format Zotero, Pandoc and citeproc exchange: an array of items.
//!
//! Export writes each reference exactly as the corpus holds it (its known fields and every
//! other field kept in `extra`), plus its cross-links under `custom.paperlens` (the CSL-JSON
//! place for data no CSL variable holds). Import reads such an array back.

use serde_json::{Map, Value};

use crate::corpus::Corpus;
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath, Location, locate_paths};
use crate::corpus::load::json_error;
use crate::corpus::model::Reference;

use super::import::Imported;
use super::links::CrossLinks;
use super::{ExportError, each_reference};

/// One reference as the CSL-JSON item export writes: the reference as the corpus holds it,
/// with its cross-links (when given) under `custom.paperlens`, beside what the corpus keeps
/// there (the entry as the paper's list prints it); other tools' `custom` data kept as it is.
#[must_use]
pub fn item(reference: &Reference, links: Option<&CrossLinks>) -> Reference {
    // CSL-JSON is the corpus's own reference format, so it is written as the corpus has it:
    // initials run together and loosely written dates are kept as written (the
    // `malformed-date` warning says so at load), where BibTeX, RIS and the citation styles
    // write what they mean. "et al." is the exception: CSL-JSON has no way to say a list goes
    // on, and a reference manager would take it for a person called "others", so it is left
    // out, as RIS leaves it out (BibTeX writes `and others`).
    let mut item = reference.clone();
    item.author.retain(|name| !name.is_et_al());
    item.editor.retain(|name| !name.is_et_al());
    if let Some(Value::Object(links)) = links.and_then(|links| serde_json::to_value(links).ok()) {
        item.custom.paperlens.extra.extend(links);
    }
    item
}

/// The references at `positions` as a pretty-printed CSL-JSON array (with a final newline).
///
/// # Errors
/// When a position names no reference.
pub fn export(corpus: &Corpus, positions: &[usize]) -> Result<String, ExportError> {
    let items = each_reference(corpus, positions, item)?;
    let mut text =
        serde_json::to_string_pretty(&items).map_err(|e| ExportError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// CSL fields whose value is text in the corpus model; a number there is read as its digits.
const TEXT_FIELDS: [&str; 11] = [
    "title",
    "container-title",
    "volume",
    "issue",
    "page",
    "publisher",
    "publisher-place",
    "DOI",
    "URL",
    "note",
    "id",
];

/// Reads a CSL-JSON array. An item that is not a valid CSL-JSON item is reported (with its
/// line and the offending field) and skipped; the others are read.
#[must_use]
pub fn import(text: &str) -> Imported {
    let mut imported = Imported::default();
    let start = text.len() - text.trim_start().len();
    let after_bracket = text
        .get(start + 1..)
        .map(|rest| (rest.len() - rest.trim_start().len(), rest.trim_start()))
        .and_then(|(skip, rest)| rest.chars().next().map(|c| (start + 1 + skip, c)));
    if let Some((offset, first)) = after_bracket
        && first != '{'
        && first != ']'
    {
        imported.diagnostics.push(
            Diagnostic::error(
                Code::JsonType,
                format!(
                    "a CSL-JSON bibliography is an array of items (JSON objects), but its first element starts with `{first}`"
                ),
                "a CSL-JSON file looks like `[{\"id\": \"key\", \"type\": \"book\", \"title\": …}, …]`; a paperlens corpus is a JSON object `{\"format\": \"paperlens-corpus/1\", …}`",
            )
            .located(Location::at_offset(text, offset, first.len_utf8())),
        );
        return imported;
    }
    let items: Vec<Value> = match serde_json::from_str(text) {
        Ok(Value::Array(items)) => items,
        Ok(_) => {
            imported.diagnostics.push(
                Diagnostic::error(
                    Code::JsonType,
                    "a CSL-JSON bibliography is an array of items, but this file is not an array",
                    "a CSL-JSON file starts with `[`",
                )
                .located(Location::at_offset(text, start, 1)),
            );
            return imported;
        }
        Err(error) => {
            imported
                .diagnostics
                .push(json_error(text, &error, JsonPath::root()));
            return imported;
        }
    };
    // Where each item starts in the text.
    let mut markers: Vec<Diagnostic> = (0..items.len())
        .map(|i| Diagnostic::warning(Code::JsonType, "", "").at(JsonPath::root().index(i)))
        .collect();
    locate_paths(text, &mut markers);
    // Skipped items, located all at once after the loop (one scan of the text, not one per
    // item, which would be quadratic for a large file), each with its item's place to fall
    // back on.
    let mut skipped: Vec<Diagnostic> = Vec::new();
    let mut fallbacks: Vec<Location> = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let location = markers
            .get(i)
            .and_then(|m| m.location)
            .unwrap_or_else(|| Location::at_offset(text, start, 1));
        match read_item(item) {
            Ok(reference) => imported.push(reference, location),
            Err((path, message)) => {
                let mut full = JsonPath::root().index(i);
                full.0.extend(path.0);
                skipped.push(Diagnostic::warning(
                    Code::SkippedEntry,
                    format!("item {} is skipped: {message}", i + 1),
                    "a CSL-JSON item needs at least `id` and `type`; names are lists of {\"family\", \"given\"} or {\"literal\"}, dates {\"date-parts\": [[year, month, day]]}",
                )
                .at(full));
                fallbacks.push(location);
            }
        }
    }
    locate_paths(text, &mut skipped);
    for (mut diagnostic, fallback) in skipped.into_iter().zip(fallbacks) {
        if diagnostic.location.is_none() {
            diagnostic.location = Some(fallback);
        }
        imported.diagnostics.push(diagnostic);
    }
    imported
}

/// One item as a reference, after reading the variants of CSL-JSON that tools write (numbers
/// for text, strings in `date-parts`, a `raw` date, a name as a plain string).
fn read_item(mut item: Value) -> Result<Reference, (JsonPath, String)> {
    let Some(object) = item.as_object_mut() else {
        return Err((JsonPath::root(), "it is not a JSON object".to_owned()));
    };
    for key in TEXT_FIELDS {
        if let Some(value @ Value::Number(_)) = object.get_mut(key) {
            *value = Value::String(value.to_string());
        }
    }
    if let Some(value @ Value::String(_)) = object.get_mut("citation-number")
        && let Some(number) = value.as_str().and_then(|s| s.trim().parse::<u32>().ok())
    {
        *value = Value::from(number);
    }
    for key in ["author", "editor"] {
        if let Some(Value::Array(names)) = object.get_mut(key) {
            names.iter_mut().for_each(normalise_name);
        }
    }
    for key in DATE_VARIABLES {
        if let Some(date) = object.get_mut(key) {
            normalise_date(date);
        }
    }
    serde_path_to_error::deserialize::<_, Reference>(item)
        .map_err(|e| (JsonPath::from_serde(e.path()), e.inner().to_string()))
}

/// A name written as a plain string becomes a literal.
fn normalise_name(name: &mut Value) {
    if let Value::String(text) = name {
        let mut literal = Map::new();
        literal.insert("literal".to_owned(), Value::String(text.clone()));
        *name = Value::Object(literal);
    }
}

/// The CSL date variables, read through [`normalise_date`].
const DATE_VARIABLES: [&str; 6] = [
    "issued",
    "accessed",
    "event-date",
    "original-date",
    "submitted",
    "available-date",
];

/// Date parts written as strings become numbers; a `raw` ISO date (`2019-05-01`, `2019/2020`)
/// becomes date parts, and so does a date written as a bare string (`"2019-05-01"`).
fn normalise_date(date: &mut Value) {
    if let Value::String(raw) = date {
        let mut object = Map::new();
        object.insert("raw".to_owned(), Value::String(raw.clone()));
        *date = Value::Object(object);
    }
    let Some(object) = date.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(parts)) = object.get_mut("date-parts") {
        for part in parts.iter_mut() {
            if let Value::Array(numbers) = part {
                for number in numbers.iter_mut() {
                    if let Some(parsed) = number.as_str().and_then(|s| s.trim().parse::<i32>().ok())
                    {
                        *number = Value::from(parsed);
                    }
                }
            }
        }
        return;
    }
    let Some(raw) = object.get("raw").and_then(Value::as_str).map(str::to_owned) else {
        return;
    };
    let parts: Option<Vec<Value>> = raw
        .split('/')
        .map(|one| {
            let numbers: Option<Vec<i32>> = one
                .trim()
                .split('-')
                .map(|n| n.parse::<i32>().ok())
                .collect();
            numbers
                .filter(|n| !n.is_empty() && n.len() <= 3)
                .map(Value::from)
        })
        .collect();
    match parts {
        Some(parts) if !parts.is_empty() && parts.len() <= 2 => {
            object.insert("date-parts".to_owned(), Value::Array(parts));
            object.remove("raw");
        }
        _ => {
            object.insert("literal".to_owned(), Value::String(raw));
            object.remove("raw");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_variants_of_csl_json_are_read() {
        let text = r#"[
  {"id": "a", "type": "book", "title": "T", "volume": 3, "page": 12,
   "author": ["Plato", {"family": "Gaulle", "given": "Charles", "dropping-particle": "de", "suffix": "Jr."}],
   "issued": {"date-parts": [["2019", "5"]]}},
  {"id": "b", "type": "book", "issued": {"raw": "2001-02-03/2002"}}
]"#;
        let references = import(text).without_diagnostics();
        let a = &references[0];
        assert_eq!(a.volume, "3");
        assert_eq!(a.page, "12");
        assert_eq!(a.author[0].literal, "Plato");
        assert_eq!(
            (
                a.author[1].given.as_str(),
                a.author[1].dropping_particle.as_str(),
                a.author[1].suffix.as_str()
            ),
            ("Charles", "de", "Jr.")
        );
        assert_eq!(
            a.issued.as_ref().map(|d| d.date_parts.clone()),
            Some(vec![vec![2019, 5]])
        );
        let b = &references[1];
        assert_eq!(
            b.issued.as_ref().map(|d| d.date_parts.clone()),
            Some(vec![vec![2001, 2, 3], vec![2002]])
        );
    }

    #[test]
    fn every_date_variable_is_read_like_issued() {
        let text = r#"[{"id": "a", "type": "webpage", "title": "T",
   "issued": "2019",
   "accessed": {"date-parts": [["2024", "3", "5"]]},
   "event-date": {"raw": "2019-06-10/2019-06-12"},
   "original-date": "about 1850"}]"#;
        let references = import(text).without_diagnostics();
        let a = &references[0];
        assert_eq!(
            a.issued.as_ref().map(|d| d.date_parts.clone()),
            Some(vec![vec![2019]])
        );
        assert_eq!(
            a.extra.get("accessed"),
            Some(&serde_json::json!({"date-parts": [[2024, 3, 5]]}))
        );
        assert_eq!(
            a.extra.get("event-date"),
            Some(&serde_json::json!({"date-parts": [[2019, 6, 10], [2019, 6, 12]]}))
        );
        assert_eq!(
            a.extra.get("original-date"),
            Some(&serde_json::json!({"literal": "about 1850"}))
        );
        // Read this way, the bibliography opens without date warnings.
        let corpus = crate::formats::import::into_corpus_file(references, "a");
        let warnings = crate::corpus::validate::validate(&corpus);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn name_and_date_fields_the_model_does_not_name_are_kept() {
        let text = r#"[{"id": "k", "type": "book",
  "author": [{"family": "King", "given": "Martin Luther", "suffix": "Jr.", "comma-suffix": true}],
  "issued": {"date-parts": [[1963]], "circa": true, "season": 2}}]"#;
        let references = import(text).without_diagnostics();
        let k = &references[0];
        assert_eq!(
            k.author[0].extra.get("comma-suffix"),
            Some(&serde_json::json!(true))
        );
        let issued = k.issued.as_ref().map(|d| &d.extra);
        assert_eq!(
            issued.and_then(|e| e.get("circa")),
            Some(&serde_json::json!(true))
        );
        assert_eq!(
            issued.and_then(|e| e.get("season")),
            Some(&serde_json::json!(2))
        );
        // Written back as they came.
        let written = serde_json::to_value(k).unwrap_or_default();
        assert_eq!(written["author"][0]["comma-suffix"], true);
        assert_eq!(written["issued"]["circa"], true);
    }

    #[test]
    fn a_bad_item_is_skipped_with_its_line() {
        let text = "[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"b\",\n   \"type\": \"book\", \"author\": 7},\n  {\"id\": \"c\", \"type\": \"book\"}\n]";
        let imported = import(text);
        assert_eq!(imported.ids(), ["a", "c"]);
        assert_eq!(imported.diagnostics.len(), 1);
        let d = &imported.diagnostics[0];
        assert!(!d.is_error());
        assert_eq!(d.code, Code::SkippedEntry);
        assert!(d.message.starts_with("item 2 is skipped"), "{}", d.message);
        assert_eq!(d.location.map(|l| l.line), Some(4));
        assert_eq!(imported.locations[1].line, 5);
    }

    #[test]
    fn an_array_of_arrays_is_not_a_bibliography() {
        let imported = import("[[1]]");
        assert_eq!(imported.diagnostics.len(), 1);
        assert_eq!(imported.diagnostics[0].code, Code::JsonType);
        assert!(imported.diagnostics[0].is_error());
    }
}

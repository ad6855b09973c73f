//! CSL-JSON fields and date keys paperlens does not know: kept as written, and warned about so
//! that a slip (`"titel"`, `"issued": {"year": 2006}`) is never dropped silently.

use serde_json::Value;

use super::Sink;
use crate::corpus::cite;
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath, guide_hint};
use crate::corpus::model::{CorpusFile, CslDate};
use crate::corpus::text::nearest_word;

/// Every variable of CSL 1.0.2 (standard, number, date and name variables), and the other keys
/// of a CSL-JSON item (`id`, `type`, and the fields Zotero and citeproc-js write).
const CSL_ITEM_KEYS: &[&str] = &[
    // Item keys of CSL-JSON.
    "id",
    "type",
    "categories",
    "custom",
    "journalAbbreviation",
    "shortTitle",
    "language",
    // Standard variables.
    "abstract",
    "annote",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "authority",
    "call-number",
    "citation-key",
    "citation-label",
    "collection-title",
    "container-title",
    "container-title-short",
    "dimensions",
    "division",
    "DOI",
    "event",
    "event-title",
    "event-place",
    "genre",
    "ISBN",
    "ISSN",
    "jurisdiction",
    "keyword",
    "license",
    "medium",
    "note",
    "original-publisher",
    "original-publisher-place",
    "original-title",
    "part-title",
    "PMCID",
    "PMID",
    "publisher",
    "publisher-place",
    "references",
    "reviewed-genre",
    "reviewed-title",
    "scale",
    "source",
    "status",
    "title",
    "title-short",
    "URL",
    "volume-title",
    "volume-title-short",
    "year-suffix",
    // Number variables.
    "chapter-number",
    "citation-number",
    "collection-number",
    "edition",
    "first-reference-note-number",
    "issue",
    "locator",
    "number",
    "number-of-pages",
    "number-of-volumes",
    "page",
    "page-first",
    "part-number",
    "printing-number",
    "section",
    "supplement-number",
    "version",
    "volume",
    // Date variables.
    "accessed",
    "available-date",
    "event-date",
    "issued",
    "original-date",
    "submitted",
    // Name variables.
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editorial-director",
    "editor-translator",
    "executive-producer",
    "guest",
    "host",
    "illustrator",
    "interviewer",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
];

/// The keys of a CSL-JSON date object.
const CSL_DATE_KEYS: &[&str] = &["date-parts", "raw", "literal", "circa", "season", "edtf"];

/// The hint every date warning ends with: the shape a CSL date has, shown for `variable`.
fn date_shape(variable: &str) -> String {
    format!(
        "`\"{variable}\": {{\"date-parts\": [[2006, 5]]}}` (year, then month and day if known), or `{{\"literal\": \"spring 2006\"}}` for a date that is not a number"
    )
}

/// The CSL date variables other than `issued`, which the model keeps in `extra`.
const OTHER_DATE_VARIABLES: [&str; 5] = [
    "accessed",
    "available-date",
    "event-date",
    "original-date",
    "submitted",
];

/// Warns about each reference field that is not a CSL variable, each key of a date (`issued`,
/// `accessed` …) that is not a CSL date key, and each date variable that is not a date object.
pub(super) fn check_csl_fields(file: &CorpusFile, out: &mut Sink) {
    for (i, reference) in file.references.iter().enumerate() {
        let path = JsonPath::root().key("references").index(i);
        for key in reference.extra.keys() {
            if CSL_ITEM_KEYS.contains(&key.as_str()) {
                continue;
            }
            out.push_with(Code::UnknownCslField, false, || {
                let hint = nearest(key, CSL_ITEM_KEYS).map_or_else(
                    || "paperlens keeps the field as written but uses it nowhere; use a CSL 1.0.2 variable (`title`, `container-title`, `issued`, `author` …), or move the text into `note`".to_owned(),
                    |nearest| format!("did you mean `{nearest}`? paperlens keeps `{key}` as written but uses it nowhere"),
                );
                let hint = format!("{hint}; {}", guide_hint("References (CSL-JSON)"));
                Diagnostic::warning(
                    Code::UnknownCslField,
                    format!(
                        "reference `{}` has a field `{key}`, which is not a CSL-JSON variable",
                        reference.id
                    ),
                    hint,
                )
                .at(path.key(key))
            });
        }
        if let Some(date) = &reference.issued {
            check_date(&reference.id, "issued", date, &path.key("issued"), out);
        }
        for variable in OTHER_DATE_VARIABLES {
            if let Some(value) = reference.extra.get(variable) {
                check_date_variable(&reference.id, variable, value, &path.key(variable), out);
            }
        }
    }
}

/// A date variable kept in `extra` (`accessed` …): a CSL date object has its keys checked as
/// `issued`'s are; anything else (`"2006"`, `2006`, `{"date-parts": [2006]}`) is warned about
/// with the date it most likely means written the CSL way.
fn check_date_variable(
    reference_id: &str,
    variable: &str,
    value: &Value,
    path: &JsonPath,
    out: &mut Sink,
) {
    if value.is_object()
        && let Ok(date) = serde_json::from_value::<CslDate>(value.clone())
    {
        check_date(reference_id, variable, &date, path, out);
        return;
    }
    out.push_with(Code::MalformedDate, false, || {
        let written = match value {
            Value::String(_) => "as text",
            Value::Number(_) => "as a number",
            Value::Array(_) => "as a list",
            Value::Object(object) if object.contains_key("date-parts") => {
                "with `date-parts` that is not a list of [year, month, day] lists"
            }
            Value::Object(_) => "as an object that is not a CSL date",
            Value::Bool(_) | Value::Null => "as a value that is no date",
        };
        let message = format!(
            "`{variable}` of reference `{reference_id}` is written {written}, not as a CSL date; paperlens reads it as the date it most likely means, other programs may not"
        );
        let hint = match cite::lenient_date(value) {
            Some(date) => format!(
                "write it as `\"{variable}\": {}`; a CSL date looks like {}",
                date_example(&date),
                date_shape(variable)
            ),
            None => format!("a CSL date looks like {}", date_shape(variable)),
        };
        Diagnostic::warning(
            Code::MalformedDate,
            message,
            format!("{hint}; {}", guide_hint("References (CSL-JSON)")),
        )
        .at(path.clone())
    });
}

/// A CSL date written out as JSON: `{"date-parts": [[2006, 5]]}` or `{"literal": "…"}`.
fn date_example(date: &CslDate) -> String {
    match date.date_parts.first() {
        Some(parts) if !parts.is_empty() => {
            let parts: Vec<String> = parts.iter().map(ToString::to_string).collect();
            format!("{{\"date-parts\": [[{}]]}}", parts.join(", "))
        }
        _ => format!("{{\"literal\": {}}}", Value::String(date.literal.clone())),
    }
}

/// Warns about each key of `date` (the value of `variable`) that is not a CSL date key; when
/// the date has nothing usable left, the warning says the reference has no date because of it.
fn check_date(reference_id: &str, variable: &str, date: &CslDate, path: &JsonPath, out: &mut Sink) {
    let unknown: Vec<&String> = date
        .extra
        .keys()
        .filter(|key| !CSL_DATE_KEYS.contains(&key.as_str()))
        .collect();
    if unknown.is_empty() {
        return;
    }
    let usable = date.date_parts.iter().any(|parts| !parts.is_empty())
        || !date.literal.trim().is_empty()
        || ["raw", "edtf"].iter().any(|key| {
            date.extra
                .get(*key)
                .is_some_and(|value| value.as_str().is_some_and(|text| !text.trim().is_empty()))
        });
    let example = example_from(date);
    let which = if variable == "issued" {
        "date".to_owned()
    } else {
        format!("`{variable}` date")
    };
    for key in unknown {
        out.push_with(Code::UnknownDateKey, false, || {
            let message = if usable {
                format!("`{key}` is not a key of a CSL date (in reference `{reference_id}`); it is kept but not used")
            } else {
                format!("`{key}` is not a key of a CSL date, so reference `{reference_id}` has no {which}")
            };
            let shape = date_shape(variable);
            let hint = match (&example, nearest(key, CSL_DATE_KEYS)) {
                (Some(example), _) => format!("write the date as `\"{variable}\": {example}`; a CSL date looks like {shape}"),
                (None, Some(nearest)) => format!("did you mean `{nearest}`? a CSL date looks like {shape}"),
                (None, None) => format!("a CSL date looks like {shape}"),
            };
            let hint = format!("{hint}; {}", guide_hint("References (CSL-JSON)"));
            Diagnostic::warning(Code::UnknownDateKey, message, hint).at(path.key(key))
        });
    }
}

/// `{"date-parts": [[2006, 5]]}` built from `year`, `month` and `day` keys written as numbers
/// (or digits), when the date has a year that way.
fn example_from(date: &CslDate) -> Option<String> {
    let number = |key: &str| -> Option<i64> {
        match date.extra.get(key)? {
            Value::Number(number) => number.as_i64(),
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        }
    };
    let year = number("year")?;
    let mut parts = vec![year.to_string()];
    if let Some(month) = number("month") {
        parts.push(month.to_string());
        if let Some(day) = number("day") {
            parts.push(day.to_string());
        }
    }
    Some(format!("{{\"date-parts\": [[{}]]}}", parts.join(", ")))
}

/// The known key `written` is most likely a slip for, if one is close enough to suggest.
fn nearest(written: &str, known: &[&'static str]) -> Option<&'static str> {
    nearest_word(written, known, 0.85)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_field_gets_the_nearest_variable() {
        assert_eq!(nearest("titel", CSL_ITEM_KEYS), Some("title"));
        assert_eq!(nearest("doi", CSL_ITEM_KEYS), Some("DOI"));
        assert_eq!(nearest("zzzzzzzz", CSL_ITEM_KEYS), None);
    }

    /// The diagnostics for one reference with `field` set to the JSON `value`, as
    /// `code path | message | hint`.
    fn date_warnings(field: &str, value: &str) -> Vec<String> {
        let mut reference = crate::corpus::model::Reference {
            id: "r".to_owned(),
            ..crate::corpus::model::Reference::default()
        };
        reference.extra.insert(
            field.to_owned(),
            serde_json::from_str(value).unwrap_or_default(),
        );
        let file = CorpusFile {
            references: vec![reference],
            ..CorpusFile::default()
        };
        let mut sink = Sink::default();
        check_csl_fields(&file, &mut sink);
        sink.finish()
            .iter()
            .map(|d| {
                let path = d.path.as_ref().map(ToString::to_string).unwrap_or_default();
                format!("{} {path} | {} | {}", d.code, d.message, d.hint)
            })
            .collect()
    }

    #[test]
    fn a_date_variable_besides_issued_is_checked_like_issued() {
        // A year key: the date-key warning, with the date written the CSL way.
        let found = date_warnings("accessed", r#"{"year": 2006}"#);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("unknown-date-key $.references[0].accessed.year | `year` is not a key of a CSL date, so reference `r` has no `accessed` date"),
            "{found:?}"
        );
        assert!(
            found[0].contains(r#"write the date as `"accessed": {"date-parts": [[2006]]}`"#),
            "{found:?}"
        );
        // A misspelt key: did you mean.
        let found = date_warnings("event-date", r#"{"date_parts": [[2006]]}"#);
        assert!(
            found[0].contains("did you mean `date-parts`?")
                && found[0].contains(r#"`"event-date": {"date-parts": [[2006, 5]]}`"#),
            "{found:?}"
        );
        // Text, a number, a flat list of parts: not a date object.
        for (value, written, example) in [
            (
                r#""2006""#,
                "as text",
                r#"`"accessed": {"date-parts": [[2006]]}`"#,
            ),
            (
                r#""2006-05-02""#,
                "as text",
                r#"`"accessed": {"date-parts": [[2006, 5, 2]]}`"#,
            ),
            (
                "2006",
                "as a number",
                r#"`"accessed": {"date-parts": [[2006]]}`"#,
            ),
            (
                r#"{"date-parts": [2006, 5]}"#,
                "with `date-parts` that is not a list",
                r#"`"accessed": {"date-parts": [[2006, 5]]}`"#,
            ),
            (
                r#""last spring""#,
                "as text",
                r#"`"accessed": {"literal": "last spring"}`"#,
            ),
        ] {
            let found = date_warnings("accessed", value);
            assert_eq!(found.len(), 1, "{value}: {found:?}");
            assert!(
                found[0].starts_with("malformed-date $.references[0].accessed | `accessed` of reference `r` is written ")
                    && found[0].contains(written)
                    && found[0].contains(&format!("write it as {example}")),
                "{value}: {found:?}"
            );
        }
        // Well-formed dates and fields that are not dates say nothing.
        assert!(date_warnings("accessed", r#"{"date-parts": [[2006, 5]]}"#).is_empty());
        assert!(date_warnings("original-date", r#"{"literal": "1850s"}"#).is_empty());
        assert!(date_warnings("note", r#""2006""#).is_empty());
    }

    #[test]
    fn a_year_key_becomes_date_parts() {
        let date: CslDate =
            serde_json::from_str(r#"{"year": 2006, "month": "5"}"#).unwrap_or_default();
        assert_eq!(
            example_from(&date).as_deref(),
            Some("{\"date-parts\": [[2006, 5]]}")
        );
    }
}

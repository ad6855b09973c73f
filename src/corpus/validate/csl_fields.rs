//! CSL-JSON fields and date keys paperlens does not know: kept as written, and warned about so
//! that a slip (`"titel"`, `"issued": {"year": 2006}`) is never dropped silently.

use serde_json::Value;

use super::Sink;
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

/// The hint every date-key warning ends with: the shape a CSL date has.
const DATE_SHAPE: &str = "`\"issued\": {\"date-parts\": [[2006, 5]]}` (year, then month and day if known), or `{\"literal\": \"spring 2006\"}` for a date that is not a number";

/// Warns about each reference field that is not a CSL variable, and each key of its `issued`
/// date that is not a CSL date key.
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
            check_date(&reference.id, date, &path.key("issued"), out);
        }
    }
}

/// Warns about each key of `date` that is not a CSL date key; when the date has nothing usable
/// left, the warning says the reference has no date because of it.
fn check_date(reference_id: &str, date: &CslDate, path: &JsonPath, out: &mut Sink) {
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
    for key in unknown {
        out.push_with(Code::UnknownDateKey, false, || {
            let message = if usable {
                format!("`{key}` is not a key of a CSL date (in reference `{reference_id}`); it is kept but not used")
            } else {
                format!("`{key}` is not a key of a CSL date, so reference `{reference_id}` has no date")
            };
            let hint = match (&example, nearest(key, CSL_DATE_KEYS)) {
                (Some(example), _) => format!("write the date as `\"issued\": {example}`; a CSL date looks like {DATE_SHAPE}"),
                (None, Some(nearest)) => format!("did you mean `{nearest}`? a CSL date looks like {DATE_SHAPE}"),
                (None, None) => format!("a CSL date looks like {DATE_SHAPE}"),
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

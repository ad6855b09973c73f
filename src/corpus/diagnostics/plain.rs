//! serde's messages in plain words: no Rust or serde type names ("expected struct `CslDate`",
//! "invalid type: map, expected a sequence"), the nearest key for a misspelt one, and an
//! example of the expected shape where the type is known.

use super::{JsonPath, PathSegment};
use crate::corpus::text::nearest_word;

/// A serde data error's message in plain words, and an example of the expected shape when the
/// type is known. `path` is where the error is.
#[must_use]
pub fn plain_words(message: &str, path: &JsonPath) -> (String, Option<String>) {
    let key = last_key(path);
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = split_expected(rest);
        let known = backticked(expected);
        let place = place_of(&parent(path));
        let plain = match nearest_word(&field, &known, 0.8) {
            Some(near) => format!("`{field}` is not a key of {place}; did you mean `{near}`?"),
            None => format!("`{field}` is not a key of {place}"),
        };
        let keys = if known.is_empty() {
            "this object takes no keys".to_owned()
        } else {
            format!("the keys of {place} are {}", list(&known))
        };
        return (plain, Some(keys));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, expected) = split_expected(rest);
        let known = backticked(expected);
        let plain = match nearest_word(&value, &known, 0.8) {
            Some(near) => {
                format!("`{value}` is not one of the values allowed here; did you mean `{near}`?")
            }
            None => format!("`{value}` is not one of the values allowed here"),
        };
        return (
            plain,
            Some(format!("the values allowed here are {}", list(&known))),
        );
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return (
            format!(
                "the required key {field} is missing from {}",
                place_of(path)
            ),
            None,
        );
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        return (
            format!("the key {field} is written twice in {}", place_of(path)),
            None,
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected_words = type_words(expected);
        return (
            format!(
                "{} is written here, but {expected_words} is expected",
                found_words(found)
            ),
            example(expected, key.as_deref()),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            format!(
                "{} is not allowed here: {} is expected",
                found_words(found),
                type_words(expected)
            ),
            example(expected, key.as_deref()),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            format!(
                "this list has {found} items, but {} is expected",
                type_words(expected)
            ),
            example(expected, key.as_deref()),
        );
    }
    (message.to_owned(), None)
}

/// `` `titel`, expected one of `id`, `title` `` → (`titel`, `` expected one of `id`, `title` ``).
fn split_expected(rest: &str) -> (String, &str) {
    let (head, tail) = rest.split_once(", expected").unwrap_or((rest, ""));
    (head.trim_matches('`').to_owned(), tail)
}

/// Every `` `word` `` in `text`.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// `` `a`, `b` or `c` ``.
fn list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [head @ .., last] => {
            let head: Vec<String> = head.iter().map(|word| format!("`{word}`")).collect();
            format!("{} and `{last}`", head.join(", "))
        }
    }
}

/// The path without its last segment.
fn parent(path: &JsonPath) -> JsonPath {
    let mut segments = path.0.clone();
    segments.pop();
    JsonPath(segments)
}

/// The last key of the path, skipping array indexes.
fn last_key(path: &JsonPath) -> Option<String> {
    path.0.iter().rev().find_map(|segment| match segment {
        PathSegment::Key(key) => Some(key.clone()),
        PathSegment::Index(_) => None,
    })
}

/// Where the object at `object` is, in words: "the top level", "a `section` (`$.sections[1]`)",
/// "`paper` (`$.paper`)".
fn place_of(object: &JsonPath) -> String {
    match object.0.as_slice() {
        [] => "the top level".to_owned(),
        [.., PathSegment::Key(key), PathSegment::Index(_)] => {
            format!("{} `{}` (`{object}`)", article_for(key), singular(key))
        }
        [.., PathSegment::Key(key)] => format!("`{key}` (`{object}`)"),
        _ => format!("`{object}`"),
    }
}

/// `sections` → `section`, `entities` → `entity`, `series` → `series`.
fn singular(key: &str) -> &str {
    match key {
        "series" | "about" | "parts" | "date-parts" => key,
        "entities" => "entity",
        _ => key.strip_suffix('s').unwrap_or(key),
    }
}

/// "an" before a vowel, else "a".
fn article_for(key: &str) -> &'static str {
    if key.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// serde's words for what was found (a map, a string, an integer) in plain words.
fn found_words(found: &str) -> String {
    let found = found.trim();
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    for (serde_word, plain) in [
        ("integer ", "the number "),
        ("floating point ", "the number "),
        ("boolean ", ""),
    ] {
        if let Some(value) = found.strip_prefix(serde_word) {
            return format!("{plain}{}", value.trim_matches('`'));
        }
    }
    match found {
        "map" => "an object `{…}`".to_owned(),
        "sequence" => "a list `[…]`".to_owned(),
        "null" | "unit value" => "`null`".to_owned(),
        other => other.to_owned(),
    }
}

/// serde's words for an expected type (`a sequence`, `struct CslDate`, `i32`) in plain words.
fn type_words(expected: &str) -> String {
    let expected = expected.trim();
    if let Some(name) = expected.strip_prefix("struct ") {
        return match name {
            "CslDate" => "a date `{\"date-parts\": [[2006, 5]]}`".to_owned(),
            "CslName" => "a name `{\"family\": \"Smith\", \"given\": \"J.\"}`".to_owned(),
            _ => "an object `{…}`".to_owned(),
        };
    }
    if expected.starts_with("enum ") || expected.contains("variant") {
        return "one of the values the format allows".to_owned();
    }
    match expected {
        "a sequence" | "a vec" | "tuple" => "a list `[…]`".to_owned(),
        "a string" | "a borrowed string" | "a char" => "a text in quotes `\"…\"`".to_owned(),
        "a map" => "an object `{…}`".to_owned(),
        "a boolean" => "`true` or `false`".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number of zero or more".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_owned(),
        other if other.starts_with("a tuple") || other.starts_with("tuple") => {
            "a list `[…]`".to_owned()
        }
        other if other.starts_with("an array") || other.starts_with("a sequence") => {
            format!(
                "a list ({})",
                other
                    .trim_start_matches("an array ")
                    .trim_start_matches("a sequence ")
            )
        }
        "" => "another kind of value".to_owned(),
        other => other.replace("sequence", "list").replace("map", "object"),
    }
}

/// An example of the expected shape, from the type serde expected and the key the value is at.
fn example(expected: &str, key: Option<&str>) -> Option<String> {
    let key = key?;
    let expected = expected.trim();
    let date = [
        "issued",
        "accessed",
        "original-date",
        "event-date",
        "submitted",
        "available-date",
    ];
    let names = [
        "author",
        "editor",
        "translator",
        "container-author",
        "collection-editor",
        "contributor",
    ];
    let shape = if expected == "struct CslDate" || date.contains(&key) {
        "{\"date-parts\": [[2006, 5]]}".to_owned()
    } else if expected == "struct CslName" || names.contains(&key) {
        "[{\"family\": \"Smith\", \"given\": \"J.\"}, {\"literal\": \"World Health Organization\"}]"
            .to_owned()
    } else if matches!(expected, "a string" | "a borrowed string") {
        "\"…\"".to_owned()
    } else if expected == "a sequence" && key.ends_with('s') {
        format!("[\"{}-1\", \"{}-2\"]", singular(key), singular(key))
    } else if matches!(expected, "i32" | "i64" | "u32" | "u64" | "usize") {
        if key.contains("year") {
            "2006".to_owned()
        } else {
            "3".to_owned()
        }
    } else if matches!(expected, "f32" | "f64") {
        "12.5".to_owned()
    } else {
        return None;
    };
    Some(format!("write it like `\"{key}\": {shape}`"))
}

/// The heading of the corpus format guide (`corpus/README.md`) that describes the value at
/// `path`: "References (CSL-JSON)" for anything under `$.references`, and so on. A format-1
/// key (`regional_table`) in a format-2 file names the section on migrating.
#[must_use]
pub fn guide_section(path: &JsonPath) -> &'static str {
    let first = path.0.first().and_then(|segment| match segment {
        PathSegment::Key(key) => Some(key.as_str()),
        PathSegment::Index(_) => None,
    });
    match first {
        Some("paper") => "Paper",
        Some("sections") => "Sections and paragraphs",
        Some("references") => "References (CSL-JSON)",
        Some("regions") => "Regions",
        Some("entities") => "Entities",
        Some("cases") => "Cases",
        Some("tables") => "Tables",
        Some("figures") => "Figures",
        Some("footnotes") => "Footnotes",
        Some("series") => "Series",
        Some("notes") => "Editorial notes",
        Some("tour") => "Tour",
        Some("regional_table") => "Migrating from format 1",
        _ => "Top-level keys",
    }
}

/// "see “Series” in the corpus format guide (`paperlens docs format`)".
#[must_use]
pub fn guide_hint(section: &str) -> String {
    format!("see “{section}” in the corpus format guide (`paperlens docs format`)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(keys: &[&str]) -> JsonPath {
        JsonPath(
            keys.iter()
                .map(|key| {
                    key.parse()
                        .map_or_else(|_| PathSegment::Key((*key).to_owned()), PathSegment::Index)
                })
                .collect(),
        )
    }

    #[test]
    fn a_path_names_its_section_of_the_guide() {
        assert_eq!(
            guide_section(&path(&["references", "3", "issued"])),
            "References (CSL-JSON)"
        );
        assert_eq!(guide_section(&path(&[])), "Top-level keys");
        assert_eq!(
            guide_section(&path(&["tables", "0", "rows", "2", "cells"])),
            "Tables"
        );
        assert_eq!(
            guide_section(&path(&["series", "1", "from_table", "row"])),
            "Series"
        );
        assert_eq!(
            guide_section(&path(&["regional_table"])),
            "Migrating from format 1"
        );
        assert_eq!(
            guide_hint("Series"),
            "see “Series” in the corpus format guide (`paperlens docs format`)"
        );
    }

    #[test]
    fn every_section_named_is_a_heading_of_the_guide() {
        let firsts = [
            "paper",
            "sections",
            "references",
            "regions",
            "entities",
            "cases",
            "tables",
            "figures",
            "footnotes",
            "series",
            "notes",
            "regional_table",
            "format",
        ];
        let mut sections: Vec<&str> = firsts
            .iter()
            .map(|key| guide_section(&path(&[key])))
            .collect();
        sections.push("Citations in the text");
        for section in sections {
            assert!(
                crate::corpus::FORMAT_GUIDE.contains(&format!("\n## {section}\n")),
                "no heading “{section}” in corpus/README.md"
            );
        }
    }

    #[test]
    fn no_serde_type_names_survive() {
        let (message, example) = plain_words(
            "invalid type: integer `2006`, expected struct CslDate",
            &path(&["references", "0", "issued"]),
        );
        assert!(
            !message.contains("struct") && !message.contains("CslDate"),
            "{message}"
        );
        assert_eq!(
            example.as_deref(),
            Some("write it like `\"issued\": {\"date-parts\": [[2006, 5]]}`")
        );
        let (message, _) = plain_words(
            "invalid type: map, expected a sequence",
            &path(&["cases", "0", "paragraphs"]),
        );
        assert_eq!(
            message,
            "an object `{…}` is written here, but a list `[…]` is expected"
        );
    }

    #[test]
    fn an_unknown_key_names_the_nearest() {
        let (message, _) = plain_words(
            "unknown field `title`, expected one of `format`, `paper`, `sections`",
            &path(&["title"]),
        );
        assert_eq!(message, "`title` is not a key of the top level");
        let (message, keys) = plain_words(
            "unknown field `titel`, expected `id` or `title`",
            &path(&["sections", "1", "titel"]),
        );
        assert_eq!(
            message,
            "`titel` is not a key of a `section` (`$.sections[1]`); did you mean `title`?"
        );
        assert_eq!(
            keys.as_deref(),
            Some("the keys of a `section` (`$.sections[1]`) are `id` and `title`")
        );
    }
}

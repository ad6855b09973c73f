//! RIS, the tagged format of `EndNote`, Zotero, Mendeley and most library catalogues: one
//! `TY  - …` … `ER  - ` record per reference, one `TAG  - value` line per field.
//!
//! Export uses the standard tags (`AU`, `A2` or a book's `ED`, `TI`, `T2`, `PY`, `DA`, `VL`, `IS`, `SP`/`EP`,
//! `PB`, `CY`, `DO`, `UR`, `N1`, `ID` …); the cross-links and any field RIS has no tag for go
//! into `N1` notes, one line each. Import reads the same tags (and the common variants `JO`,
//! `JF`, `BT`, `ED`, `Y1`); a record that is not closed, or lines outside any record, are
//! reported with their line and skipped.

use std::fmt::Write as _;

use serde_json::Value;

use crate::corpus::Corpus;
use crate::corpus::cite::{display_given, et_al_last, lenient_date, words};
use crate::corpus::diagnostics::{Code, Diagnostic, LineIndex, Location};
use crate::corpus::model::{CslDate, CslName, Reference};

use super::import::Imported;
use super::links::CrossLinks;
use super::{ExportError, each_reference};

/// The line ending RIS files use.
const EOL: &str = "\r\n";

/// RIS reference types and the CSL item types they stand for, first match wins on export.
const TYPES: [(&str, &str); 20] = [
    ("article-journal", "JOUR"),
    ("article-magazine", "MGZN"),
    ("article-newspaper", "NEWS"),
    ("book", "BOOK"),
    ("chapter", "CHAP"),
    ("paper-conference", "CPAPER"),
    ("thesis", "THES"),
    ("report", "RPRT"),
    ("webpage", "ELEC"),
    ("manuscript", "UNPB"),
    ("patent", "PAT"),
    ("dataset", "DATA"),
    ("software", "COMP"),
    ("legislation", "STAT"),
    ("legal_case", "CASE"),
    ("map", "MAP"),
    ("motion_picture", "VIDEO"),
    ("entry-encyclopedia", "ENCYC"),
    ("pamphlet", "PAMP"),
    ("document", "GEN"),
];

/// RIS types that other programs write, read as the CSL type given.
const MORE_TYPES: [(&str, &str); 10] = [
    ("JFULL", "article-journal"),
    ("EJOUR", "article-journal"),
    ("ABST", "article-journal"),
    ("EBOOK", "book"),
    ("EDBOOK", "book"),
    ("ECHAP", "chapter"),
    ("CONF", "paper-conference"),
    ("WEB", "webpage"),
    ("ICOMM", "webpage"),
    ("MANSCPT", "manuscript"),
];

/// CSL-JSON fields held in `extra` that RIS has a tag for.
const EXTRA_TAGS: [(&str, &str); 9] = [
    ("ISBN", "SN"),
    ("ISSN", "SN"),
    ("abstract", "AB"),
    ("language", "LA"),
    ("edition", "ET"),
    ("genre", "M3"),
    ("collection-title", "T3"),
    ("title-short", "ST"),
    ("container-title-short", "J2"),
];

/// The references at `positions` as a RIS file, one record per reference.
///
/// # Errors
/// When a position names no reference.
pub fn export(corpus: &Corpus, positions: &[usize]) -> Result<String, ExportError> {
    Ok(each_reference(corpus, positions, record)?.concat())
}

/// The RIS type of a CSL item type (`GEN` when RIS has none).
#[must_use]
pub fn ris_type(item_type: &str) -> &'static str {
    TYPES
        .iter()
        .find(|(csl, _)| *csl == item_type)
        .map_or("GEN", |(_, ris)| ris)
}

/// The CSL item type of a RIS type (`document` for `GEN` and types paperlens does not know).
#[must_use]
pub fn csl_type(ris: &str) -> &'static str {
    let ris = ris.trim().to_ascii_uppercase();
    TYPES
        .iter()
        .find(|(_, r)| *r == ris)
        .map(|(csl, _)| *csl)
        .or_else(|| {
            MORE_TYPES
                .iter()
                .find(|(r, _)| *r == ris)
                .map(|(_, csl)| *csl)
        })
        .unwrap_or("document")
}

/// One line: `TAG  - value`, with line breaks in the value turned into spaces.
fn tag(out: &mut String, name: &str, value: &str) {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if !value.is_empty() {
        let _ = write!(out, "{name}  - {value}{EOL}");
    }
}

/// A name as RIS writes it: `Family, Given` or `Family, Given, Suffix` (the particles before the
/// family name; initials run together written apart, `Lawn, J. E.`).
fn ris_name(name: &CslName) -> String {
    if !name.literal.is_empty() {
        return name.literal.clone();
    }
    let family = words(&[
        &name.dropping_particle,
        &name.non_dropping_particle,
        &name.family,
    ]);
    let given = display_given(&name.given);
    match (given.is_empty(), name.suffix.is_empty()) {
        (true, true) => family,
        (false, true) => format!("{family}, {given}"),
        (_, false) => format!("{family}, {given}, {}", name.suffix),
    }
}

/// A CSL date in RIS form, `YYYY/MM/DD/` with missing parts left empty.
fn ris_date(parts: &[i32]) -> String {
    let part = |i: usize, width: usize| {
        parts
            .get(i)
            .map(|n| format!("{n:0width$}"))
            .unwrap_or_default()
    };
    format!("{}/{}/{}/", part(0, 4), part(1, 2), part(2, 2))
}

/// The page range split at its dash into start and end page, when it is a single range.
fn split_pages(page: &str) -> (String, Option<String>) {
    let dashes: Vec<(usize, char)> = page
        .char_indices()
        .filter(|(_, c)| matches!(c, '–' | '-' | '—'))
        .collect();
    match dashes.as_slice() {
        [(at, dash)] if !page.contains(',') => (
            page.get(..*at).unwrap_or_default().trim().to_owned(),
            page.get(at + dash.len_utf8()..)
                .map(|end| end.trim().to_owned()),
        ),
        _ => (page.trim().to_owned(), None),
    }
}

/// One reference as a RIS record.
#[must_use]
pub fn record(reference: &Reference, links: Option<&CrossLinks>) -> String {
    let mut out = String::new();
    tag(&mut out, "TY", ris_type(&reference.item_type));
    // "et al." written as a name is not a person: RIS has no way to say it, so it is left out.
    for name in reference.author.iter().filter(|name| !name.is_et_al()) {
        tag(&mut out, "AU", &ris_name(name));
    }
    // A book's editors are `ED`: RIS's own specification and Zotero both read it as the
    // editor, where a book's `A2` is its series' editor to Zotero.
    let editor_tag = if ris_type(&reference.item_type) == "BOOK" {
        "ED"
    } else {
        "A2"
    };
    for name in reference.editor.iter().filter(|name| !name.is_et_al()) {
        tag(&mut out, editor_tag, &ris_name(name));
    }
    tag(&mut out, "TI", &reference.title);
    tag(&mut out, "T2", &reference.container_title);
    if let Some(date) = &reference.issued {
        match date.date_parts.first() {
            Some(first) if !first.is_empty() => {
                if let Some(year) = first.first() {
                    tag(&mut out, "PY", &year.to_string());
                }
                if first.len() > 1 {
                    tag(&mut out, "DA", &ris_date(first));
                }
            }
            _ => tag(&mut out, "PY", &date.literal),
        }
    }
    tag(&mut out, "VL", &reference.volume);
    tag(&mut out, "IS", &reference.issue);
    let (start, end) = split_pages(&reference.page);
    tag(&mut out, "SP", &start);
    if let Some(end) = end {
        tag(&mut out, "EP", &end);
    }
    tag(&mut out, "PB", &reference.publisher);
    tag(&mut out, "CY", &reference.publisher_place);
    tag(&mut out, "DO", &reference.doi);
    tag(&mut out, "UR", &reference.url);
    let mut notes: Vec<String> = reference.note.lines().map(str::to_owned).collect();
    for (key, value) in &reference.extra_for_others() {
        if let Some((_, ris)) = EXTRA_TAGS.iter().find(|(csl, _)| csl == key)
            && let Some(text) = value.as_str()
        {
            tag(&mut out, ris, text);
            continue;
        }
        match (key.as_str(), value) {
            ("keyword", Value::String(text)) => {
                for keyword in text.split([',', ';']) {
                    tag(&mut out, "KW", keyword.trim());
                }
            }
            // Read leniently (`"2006-05"`, `{"year": 2006}`); a date with no parts stays a note.
            ("accessed", _) => match lenient_date(value)
                .and_then(|date| date.date_parts.into_iter().next())
                .filter(|parts| !parts.is_empty())
            {
                Some(parts) => tag(&mut out, "Y2", &ris_date(&parts)),
                None => notes.push(format!(
                    "{key}: {}",
                    value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_owned)
                )),
            },
            (_, Value::String(text)) => notes.push(format!("{key}: {text}")),
            _ => notes.push(format!("{key}: {value}")),
        }
    }
    if let Some(links) = links {
        notes.extend(links.note_lines());
    }
    for note in &notes {
        tag(&mut out, "N1", note);
    }
    tag(&mut out, "ID", &reference.id);
    let _ = write!(out, "ER  - {EOL}");
    out
}

/// Whether a line is a record's first line, `TY  - …`.
#[must_use]
pub fn is_type_line(line: &str) -> bool {
    parse_line(line).is_some_and(|(tag, _)| tag == "TY")
}

/// A line split into its tag and value, when it is a tag line (`AU  - Smith, J.`). The value
/// may be empty (`ER  - `); the space after the dash may be missing.
fn parse_line(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_end_matches(['\r', '\n']);
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let tag = line.get(..2)?;
    let mut chars = tag.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !valid {
        return None;
    }
    let rest = line.get(2..)?.trim_start_matches(' ');
    let value = rest.strip_prefix('-')?;
    Some((tag, value.strip_prefix(' ').unwrap_or(value).trim_end()))
}

/// A record being read: its tag lines, in order, and where it starts.
struct Record<'a> {
    start: Location,
    fields: Vec<(&'a str, String)>,
}

/// Reads a RIS file. A record without its `ER  - ` line (another `TY` comes first, or the file
/// ends) and tag lines outside any record are reported with their line and skipped; a line
/// that is not a tag continues the previous value.
#[must_use]
pub fn import(text: &str) -> Imported {
    let mut imported = Imported::default();
    let mut current: Option<Record<'_>> = None;
    let mut stray: Option<Location> = None;
    let mut offset = 0;
    // One index of line starts: locating each line from the start of the text would make a
    // long file quadratic.
    let lines = LineIndex::new(text);
    for line in text.split_inclusive('\n') {
        let here = lines.location(offset, line.trim_end().len());
        offset += line.len();
        match parse_line(line) {
            Some(("TY", value)) => {
                if let Some(open) = current.take() {
                    unclosed(&open, &mut imported);
                }
                flush_stray(&mut stray, &mut imported);
                current = Some(Record {
                    start: here,
                    fields: vec![("TY", value.to_owned())],
                });
            }
            Some(("ER", _)) => match current.take() {
                Some(record) => {
                    let reference = to_reference(&record.fields);
                    imported.push(reference, record.start);
                }
                None => {
                    stray.get_or_insert(here);
                }
            },
            Some((name, value)) => match &mut current {
                Some(record) => record.fields.push((name, value.to_owned())),
                None => {
                    stray.get_or_insert(here);
                }
            },
            None if line.trim().is_empty() => {}
            None => match &mut current {
                // A continuation line of the previous value.
                Some(record) => {
                    if let Some((_, value)) = record.fields.last_mut() {
                        value.push('\n');
                        value.push_str(line.trim());
                    }
                }
                None => {
                    stray.get_or_insert(here);
                }
            },
        }
    }
    if let Some(open) = current.take() {
        unclosed(&open, &mut imported);
    }
    flush_stray(&mut stray, &mut imported);
    imported
}

fn unclosed(record: &Record<'_>, imported: &mut Imported) {
    let title = record
        .fields
        .iter()
        .find(|(t, _)| matches!(*t, "TI" | "T1"))
        .map(|(_, v)| format!(" (“{}”)", v.chars().take(60).collect::<String>()))
        .unwrap_or_default();
    imported.diagnostics.push(
        Diagnostic::warning(
            Code::SkippedEntry,
            format!(
                "skipped the record starting at line {}{title}: it has no `ER  - ` line before the next record or the end of the file",
                record.start.line
            ),
            "end every record with a line `ER  - `",
        )
        .located(record.start),
    );
}

fn flush_stray(stray: &mut Option<Location>, imported: &mut Imported) {
    if let Some(at) = stray.take() {
        imported.diagnostics.push(
            Diagnostic::warning(
                Code::SkippedEntry,
                format!(
                    "skipped the lines from line {} on: they stand outside any record",
                    at.line
                ),
                "start every record with a line `TY  - JOUR` (or another type) and end it with `ER  - `",
            )
            .located(at),
        );
    }
}

/// A `Family, Given` or `Family, Given, Suffix` name (a name without a comma is taken whole, as
/// an organisation); lower case words before the family name are its particle
/// (`van der Linde, C.`).
fn csl_name(text: &str) -> CslName {
    let text = text.trim();
    let Some((last, rest)) = text.split_once(',') else {
        return CslName {
            literal: text.to_owned(),
            ..CslName::default()
        };
    };
    let (given, suffix) = rest.split_once(',').unwrap_or((rest, ""));
    let words: Vec<&str> = last.split_whitespace().collect();
    let particle_len = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    CslName {
        family: words.get(particle_len..).unwrap_or_default().join(" "),
        given: given.trim().to_owned(),
        non_dropping_particle: words.get(..particle_len).unwrap_or_default().join(" "),
        suffix: suffix.trim().trim_matches(',').trim().to_owned(),
        ..CslName::default()
    }
}

/// A RIS date (`2019`, `2019/05/01/`, `2019/05//spring`, `2019-05-01`) as CSL date parts.
fn csl_date_parts(text: &str) -> Option<Vec<i32>> {
    let numbers: Vec<i32> = text
        .split(['/', '-'])
        .take(3)
        .map_while(|part| part.trim().parse::<i32>().ok())
        .collect();
    (!numbers.is_empty()).then_some(numbers)
}

/// One record's tag lines as a reference.
fn to_reference(fields: &[(&str, String)]) -> Reference {
    let all = |names: &[&str]| -> Vec<&str> {
        fields
            .iter()
            .filter(|(t, _)| names.contains(t))
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let first = |names: &[&str]| -> String {
        names
            .iter()
            .find_map(|name| {
                fields
                    .iter()
                    .find(|(t, v)| t == name && !v.trim().is_empty())
                    .map(|(_, v)| v.split_whitespace().collect::<Vec<_>>().join(" "))
            })
            .unwrap_or_default()
    };
    let mut reference = Reference {
        id: first(&["ID"]),
        item_type: csl_type(&first(&["TY"])).to_owned(),
        title: first(&["TI", "T1", "CT"]),
        container_title: first(&["T2", "JF", "JO", "BT", "JA"]),
        volume: first(&["VL"]),
        issue: first(&["IS", "CP"]),
        publisher: first(&["PB"]),
        publisher_place: first(&["CY", "PP"]),
        doi: first(&["DO"]),
        url: first(&["UR", "L2"]),
        ..Reference::default()
    };
    reference.author = all(&["AU", "A1"]).into_iter().map(csl_name).collect();
    reference.editor = all(&["A2", "ED"]).into_iter().map(csl_name).collect();
    // `AU  - et al.` closes a list its record shortened.
    et_al_last(&mut reference.author);
    et_al_last(&mut reference.editor);
    let start = first(&["SP"]);
    let end = first(&["EP"]);
    reference.page = match (start.is_empty(), end.is_empty()) {
        (false, false) => format!("{start}–{end}"),
        (false, true) => start,
        (true, false) => end,
        (true, true) => String::new(),
    };
    let year = first(&["PY", "Y1"]);
    let full = first(&["DA"]);
    reference.issued = match (csl_date_parts(&full), csl_date_parts(&year)) {
        (Some(parts), _) | (None, Some(parts)) => Some(CslDate {
            date_parts: vec![parts],
            literal: String::new(),
            ..CslDate::default()
        }),
        (None, None) if !year.is_empty() => Some(CslDate {
            date_parts: Vec::new(),
            literal: year,
            ..CslDate::default()
        }),
        (None, None) => None,
    };
    reference.note = all(&["N1"]).join("\n");
    // `SN` holds an ISBN or an ISSN; an ISSN has eight digits.
    for serial in all(&["SN"]) {
        let digits = serial.chars().filter(char::is_ascii_alphanumeric).count();
        let key = if digits == 8 { "ISSN" } else { "ISBN" };
        reference
            .extra
            .entry(key.to_owned())
            .or_insert_with(|| Value::String(serial.trim().to_owned()));
    }
    for (csl, ris) in EXTRA_TAGS {
        let value = first(&[ris]);
        if ris != "SN" && !value.is_empty() {
            reference
                .extra
                .entry(csl.to_owned())
                .or_insert(Value::String(value));
        }
    }
    let keywords = all(&["KW"]);
    if !keywords.is_empty() {
        reference
            .extra
            .insert("keyword".to_owned(), Value::String(keywords.join(", ")));
    }
    if let Some(parts) = csl_date_parts(&first(&["Y2"]))
        && let Ok(value) = serde_json::to_value(CslDate {
            date_parts: vec![parts],
            literal: String::new(),
            ..CslDate::default()
        })
    {
        reference.extra.insert("accessed".to_owned(), value);
    }
    reference
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_particles_and_organisations() {
        assert_eq!(
            csl_name("van der Linde, C."),
            CslName {
                family: "Linde".to_owned(),
                given: "C.".to_owned(),
                non_dropping_particle: "van der".to_owned(),
                ..CslName::default()
            }
        );
        assert_eq!(csl_name("UNODC").literal, "UNODC");
        let king = csl_name("King, Martin Luther, Jr.");
        assert_eq!(
            (
                king.family.as_str(),
                king.given.as_str(),
                king.suffix.as_str()
            ),
            ("King", "Martin Luther", "Jr.")
        );
        assert_eq!(ris_name(&king), "King, Martin Luther, Jr.");
        // A trailing comma is not a suffix.
        assert_eq!(csl_name("Smith, J.,").suffix, "");
        assert_eq!(csl_name("Smith, J.,").given, "J.");
        assert_eq!(csl_name("Latham-Sprinkle, J.").family, "Latham-Sprinkle");
    }

    #[test]
    fn a_record_without_er_is_skipped_with_its_line() {
        let text = "TY  - JOUR\nTI  - One\nER  - \n\nTY  - BOOK\nTI  - Broken\n\nTY  - BOOK\nTI  - Three\nAU  - Doe, J.\nPY  - 2001\nER  - \n";
        let imported = import(text);
        assert_eq!(imported.titles(), ["One", "Three"]);
        assert_eq!(imported.diagnostics.len(), 1);
        assert_eq!(imported.diagnostics[0].location.map(|l| l.line), Some(5));
        assert!(imported.diagnostics[0].message.contains("Broken"));
        assert_eq!(imported.references[1].item_type, "book");
        assert_eq!(imported.locations[1].line, 8);
    }

    #[test]
    fn et_al_is_left_out_an_organisation_is_one_line_and_accessed_is_y2() {
        let name = |family: &str, literal: &str| CslName {
            family: family.to_owned(),
            literal: literal.to_owned(),
            ..CslName::default()
        };
        let mut reference = Reference {
            id: "who2006".to_owned(),
            item_type: "report".to_owned(),
            author: vec![
                name("", "IeDEA Southern Africa Collaboration"),
                name("Smith", ""),
                name("", "et al."),
            ],
            editor: vec![name("others", "")],
            ..Reference::default()
        };
        reference
            .extra
            .insert("accessed".to_owned(), serde_json::json!("2024-03-05"));
        let text = record(&reference, None);
        assert!(
            text.contains("AU  - IeDEA Southern Africa Collaboration\r\nAU  - Smith\r\nY2"),
            "{text}"
        );
        assert!(!text.contains("et al") && !text.contains("A2"), "{text}");
        assert!(text.contains("Y2  - 2024/03/05/"), "{text}");
        // A date with no parts survives as a note.
        reference
            .extra
            .insert("accessed".to_owned(), serde_json::json!("last spring"));
        assert!(
            record(&reference, None).contains("N1  - accessed: last spring"),
            "{}",
            record(&reference, None)
        );
    }

    #[test]
    fn a_book_s_editors_are_ed_and_a_chapter_s_book_editors_a2_both_read_back() {
        let editor = CslName {
            family: "Brown".to_owned(),
            given: "K.".to_owned(),
            ..CslName::default()
        };
        for (item_type, tag) in [("book", "ED  - Brown, K."), ("chapter", "A2  - Brown, K.")] {
            let reference = Reference {
                id: "brown2010".to_owned(),
                item_type: item_type.to_owned(),
                title: "Urban water".to_owned(),
                editor: vec![editor.clone()],
                ..Reference::default()
            };
            let text = record(&reference, None);
            assert!(text.contains(tag), "{text}");
            let back = import(&text);
            assert_eq!(
                back.references.first().map(|r| r.editor.clone()),
                Some(vec![editor.clone()])
            );
            assert!(
                back.references.iter().all(|r| r.author.is_empty()),
                "{text}"
            );
        }
    }

    #[test]
    fn pages_split_and_join() {
        assert_eq!(
            split_pages("97–118"),
            ("97".to_owned(), Some("118".to_owned()))
        );
        assert_eq!(split_pages("113"), ("113".to_owned(), None));
        assert_eq!(split_pages("1–3, 5–9"), ("1–3, 5–9".to_owned(), None));
    }
}

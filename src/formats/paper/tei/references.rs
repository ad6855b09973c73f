//! A `biblStruct` of the reference list as a CSL-JSON reference: its title and container (by
//! the level GROBID gives each `title`), type, authors and editors, date, volume, issue, pages,
//! DOI, arXiv id, URL, publisher and place; the raw reference kept as the entry as printed.

use std::collections::HashSet;

use serde_json::Value;

use crate::corpus::model::{CslDate, CslName, Reference};
use crate::corpus::text::after_title;
use crate::formats::paper::collapse_whitespace;
use crate::formats::paper::xml::Element;

use super::header::name_parts;
use super::{child_text, plain};

/// The reference `bibl` describes; its id is the `biblStruct`'s `xml:id` (what markers name).
pub(super) fn reference(bibl: Element<'_>) -> Reference {
    let analytic = bibl.child("analytic");
    let monogr = bibl.child("monogr");
    let mut reference = Reference {
        id: bibl.attr("id").unwrap_or_default().trim().to_owned(),
        ..Reference::default()
    };

    let analytic_title = analytic.map(|a| title(a, &["a"])).unwrap_or_default();
    let monogr_title = monogr.map(|m| title(m, &["m", "j"])).unwrap_or_default();
    let series = series(bibl);
    let level = monogr
        .and_then(|m| {
            m.children_named("title")
                .find(|t| t.attr("level") != Some("s") && !plain(*t).is_empty())
        })
        .and_then(|t| t.attr("level"))
        .unwrap_or_default();
    let meeting = monogr
        .and_then(|m| m.child("meeting"))
        .map(meeting_name)
        .unwrap_or_default();
    let report_type = bibl
        .children_named("note")
        .find(|note| note.attr("type") == Some("report_type"))
        .map(plain)
        .unwrap_or_default();

    if analytic_title.is_empty() {
        reference.title = monogr_title;
        reference.item_type = if !report_type.is_empty() {
            "report"
        } else if level == "j" {
            "article-journal"
        } else if !meeting.is_empty() {
            "paper-conference"
        } else {
            "book"
        }
        .into();
        if reference.item_type == "paper-conference" {
            reference.container_title.clone_from(&meeting);
        }
    } else {
        reference.title = analytic_title;
        reference.container_title = if monogr_title.is_empty() {
            meeting.clone()
        } else {
            monogr_title
        };
        reference.item_type = if level == "j" {
            "article-journal"
        } else if !meeting.is_empty() || is_proceedings(&reference.container_title) {
            "paper-conference"
        } else if !report_type.is_empty() {
            "report"
        } else if level == "m" {
            "chapter"
        } else {
            "article"
        }
        .into();
    }
    if !meeting.is_empty() {
        reference
            .extra
            .insert("event-title".to_owned(), Value::String(meeting));
    }
    if let Some(series) = series {
        reference
            .extra
            .insert("collection-title".to_owned(), Value::String(series));
    }
    if !report_type.is_empty() {
        reference
            .extra
            .insert("genre".to_owned(), Value::String(report_type));
    }

    reference.author = analytic
        .map(|a| names(a, "author"))
        .filter(|names| !names.is_empty())
        .or_else(|| monogr.map(|m| names(m, "author")))
        .unwrap_or_default();
    reference.editor = [analytic, monogr]
        .into_iter()
        .flatten()
        .flat_map(|part| names(part, "editor"))
        .collect();

    if let Some(monogr) = monogr {
        imprint(monogr, &mut reference);
    }
    notes(bibl, &mut reference);
    venue_given_as_editor(&mut reference);
    reference
}

/// GROBID sometimes gives the venue of a work with no container as its editor, a bare text
/// with no `persName` (`<editor>NAACL-HLT</editor>`, the entry printing `… In NAACL-HLT.`):
/// an editor written so that the printed entry introduces with `In` is the container, and a
/// work read as a book is a paper in it when it names proceedings or a conference.
fn venue_given_as_editor(reference: &mut Reference) {
    if !reference.container_title.is_empty() {
        return;
    }
    let Some(printed) = reference.printed().map(str::to_owned) else {
        return;
    };
    let Some(position) = reference.editor.iter().position(|editor| {
        !editor.literal.is_empty()
            && editor.family.is_empty()
            && printed.contains(&format!("In {}", editor.literal))
    }) else {
        return;
    };
    let venue = reference.editor.remove(position).literal;
    if reference.item_type == "book" && is_proceedings(&venue) {
        reference.item_type = "paper-conference".into();
    } else if reference.item_type == "book" {
        reference.item_type = "chapter".into();
    }
    reference.container_title = venue;
}

/// The series title: `monogr/title[@level="s"]`, or a `series` beside the `monogr`.
fn series(bibl: Element<'_>) -> Option<String> {
    [bibl.child("monogr"), bibl.child("series")]
        .into_iter()
        .flatten()
        .find_map(|part| {
            part.children_named("title")
                .filter(|t| t.attr("level") == Some("s"))
                .map(plain)
                .find(|t| !t.is_empty())
        })
}

/// The note: identifiers CSL has no variable for (arXiv) and GROBID's untyped notes; the raw
/// reference (the entry as the PDF's list prints it) is kept as the printed entry.
fn notes(bibl: Element<'_>, reference: &mut Reference) {
    let mut notes = Vec::new();
    identifiers(bibl, reference, &mut notes);
    for note in bibl.children_named("note") {
        let text = plain(note);
        match note.attr("type") {
            None if !text.is_empty() => notes.push(text),
            Some("raw_reference") => {
                let printed = unbroken(&text, reference);
                reference.set_printed(&printed);
            }
            _ => {}
        }
    }
    reference.note = notes.join("; ");
}

/// GROBID's raw reference with the words the PDF broke at the end of a line whole again, where
/// the fields read from it print them whole: `Sci- aky` is `Sciaky` when an author is so
/// named, `Semi- supervised` is `Semi-supervised` when the title has it so; a break the fields
/// do not settle stays as it is.
fn unbroken(raw: &str, reference: &Reference) -> String {
    let mut fields = vec![
        reference.title.as_str(),
        reference.container_title.as_str(),
        reference.publisher.as_str(),
        reference.publisher_place.as_str(),
    ];
    for name in reference.author.iter().chain(&reference.editor) {
        fields.extend([
            name.family.as_str(),
            name.given.as_str(),
            name.literal.as_str(),
        ]);
    }
    let words: HashSet<String> = fields
        .iter()
        .flat_map(|field| field.split(|c: char| !c.is_alphabetic() && c != '-'))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out = String::with_capacity(raw.len());
    let mut tokens = raw.split(' ').peekable();
    while let Some(token) = tokens.next() {
        out.push_str(token);
        let Some(&next) = tokens.peek() else {
            break;
        };
        let head = token
            .strip_suffix('-')
            .map(|head| {
                head.rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        let lower = |text: String| text.to_lowercase();
        if !head.is_empty() && !tail.is_empty() {
            if words.contains(&lower(format!("{head}-{tail}"))) {
                continue;
            }
            if words.contains(&lower(format!("{head}{tail}"))) {
                out.pop();
                continue;
            }
        }
        out.push(' ');
    }
    out
}

/// The first non-empty `title` child of `part` whose level is one of `levels` (or has none),
/// a subtitle (`type="sub"`) joined after a colon.
fn title(part: Element<'_>, levels: &[&str]) -> String {
    let titles: Vec<Element<'_>> = part
        .children_named("title")
        .filter(|t| t.attr("level").is_none_or(|level| levels.contains(&level)))
        .collect();
    let main = titles
        .iter()
        .filter(|t| t.attr("type") != Some("sub") && t.attr("type") != Some("abbrev"))
        .map(|t| plain(*t))
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    let sub = titles
        .iter()
        .filter(|t| t.attr("type") == Some("sub"))
        .map(|t| plain(*t))
        .find(|t| !t.is_empty());
    match sub {
        Some(sub) if !main.is_empty() => after_title(&main, &sub),
        Some(sub) => sub,
        None => main,
    }
}

/// A `meeting`'s name, without its address.
fn meeting_name(meeting: Element<'_>) -> String {
    let mut name = String::new();
    for node in meeting.nodes() {
        match node {
            crate::formats::paper::xml::Node::Text(text) => name.push_str(text),
            crate::formats::paper::xml::Node::Element(child) if !child.is("address") => {
                name.push_str(&child.text());
            }
            crate::formats::paper::xml::Node::Element(_) => {}
        }
    }
    collapse_whitespace(&name)
}

/// Whether a container title names conference proceedings: it says so, or it starts with a
/// conference's acronym (`EMNLP`, `NAACL-HLT`, `ICLR 2020`), as GROBID gives `In EMNLP`.
fn is_proceedings(container: &str) -> bool {
    let lower = container.to_lowercase();
    let says_so = [
        "proceedings",
        "proc.",
        "conference",
        "workshop",
        "symposium",
    ]
    .iter()
    .any(|word| lower.contains(word));
    let first_word = container.split_whitespace().next().unwrap_or_default();
    let letters: Vec<char> = first_word.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    says_so || acronym
}

/// The people named `role` (`author`, `editor`) in `part`, as CSL names: a `persName` as
/// family and given names, anything else (an organisation, a name GROBID could not split) as
/// a literal.
fn names(part: Element<'_>, role: &str) -> Vec<CslName> {
    part.children_named(role)
        .filter_map(|person| {
            if let Some(name) = person.child("persName") {
                let (given, family) = name_parts(name);
                if !family.is_empty() {
                    return Some(CslName {
                        family,
                        given,
                        suffix: child_text(name, "genName"),
                        ..CslName::default()
                    });
                }
                let literal = if given.is_empty() { plain(name) } else { given };
                return (!literal.is_empty()).then(|| literal_name(literal));
            }
            let literal = person.child("orgName").map_or_else(|| plain(person), plain);
            (!literal.is_empty()).then(|| literal_name(literal))
        })
        .collect()
}

fn literal_name(literal: String) -> CslName {
    CslName {
        literal,
        ..CslName::default()
    }
}

/// The `imprint` of `monogr` (and the `biblScope`s GROBID sometimes puts beside it): date,
/// volume, issue, pages, publisher and place.
fn imprint(monogr: Element<'_>, reference: &mut Reference) {
    let parts: Vec<Element<'_>> = monogr
        .children_named("imprint")
        .chain(std::iter::once(monogr))
        .collect();
    for part in parts {
        for scope in part.children_named("biblScope") {
            let value = scope_value(scope);
            let field = match scope.attr("unit").or_else(|| scope.attr("type")) {
                Some("volume" | "vol") => &mut reference.volume,
                Some("issue" | "number" | "issn") => &mut reference.issue,
                Some("page" | "pp" | "pages") => &mut reference.page,
                _ => continue,
            };
            if field.is_empty() {
                *field = value;
            }
        }
        if reference.issued.is_none() {
            let dates: Vec<Element<'_>> = part.children_named("date").collect();
            reference.issued = dates
                .iter()
                .find(|d| d.attr("type") == Some("published"))
                .or_else(|| dates.first())
                .and_then(|d| date(*d));
        }
        if reference.publisher.is_empty() {
            reference.publisher = child_text(part, "publisher");
        }
        if reference.publisher_place.is_empty() {
            reference.publisher_place = child_text(part, "pubPlace");
        }
    }
}

/// A `biblScope`'s value: `from`–`to`, `from`, or its text.
fn scope_value(scope: Element<'_>) -> String {
    let from = scope
        .attr("from")
        .map(collapse_whitespace)
        .unwrap_or_default();
    let to = scope
        .attr("to")
        .map(collapse_whitespace)
        .unwrap_or_default();
    match (from.is_empty(), to.is_empty()) {
        (false, false) if from != to => format!("{from}–{to}"),
        (false, _) => from,
        (true, false) => to,
        (true, true) => plain(scope),
    }
}

/// A `date` as CSL: `when="2019-05-01"` as date parts (year, month, day as far as given), else
/// the year in its text, else its text as a literal; `None` when it says nothing.
fn date(element: Element<'_>) -> Option<CslDate> {
    if let Some(parts) = element.attr("when").and_then(date_parts) {
        return Some(CslDate {
            date_parts: vec![parts],
            ..CslDate::default()
        });
    }
    let text = plain(element);
    if text.is_empty() {
        return None;
    }
    Some(match year_in(&text) {
        Some(year) => CslDate {
            date_parts: vec![vec![year]],
            ..CslDate::default()
        },
        None => CslDate {
            literal: text,
            ..CslDate::default()
        },
    })
}

/// `2019`, `2019-05`, `2019-05-01` as date parts; `None` when the year is not a number.
fn date_parts(when: &str) -> Option<Vec<i32>> {
    let mut parts = Vec::new();
    for (position, piece) in when.trim().split('-').take(3).enumerate() {
        let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
        let Ok(value) = digits.parse::<i32>() else {
            break;
        };
        let valid = match position {
            0 => (1..=9999).contains(&value),
            1 => (1..=12).contains(&value),
            _ => (1..=31).contains(&value),
        };
        if !valid {
            break;
        }
        parts.push(value);
        if digits.len() != piece.len() {
            break;
        }
    }
    (!parts.is_empty()).then_some(parts)
}

/// The first four-digit year (1000–2999) in `text`.
fn year_in(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|start| {
        let window = bytes.get(start..start + 4)?;
        let before = start.checked_sub(1).and_then(|b| bytes.get(b));
        let after = bytes.get(start + 4);
        let alone =
            !before.is_some_and(u8::is_ascii_digit) && !after.is_some_and(u8::is_ascii_digit);
        let year = std::str::from_utf8(window).ok()?.parse::<i32>().ok()?;
        (alone && window.iter().all(u8::is_ascii_digit) && (1000..3000).contains(&year))
            .then_some(year)
    })
}

/// The `idno`s and `ptr`s of `bibl`: DOI, arXiv id (into the note, CSL having no arXiv
/// variable), PMID, ISBN, ISSN, URL.
fn identifiers(bibl: Element<'_>, reference: &mut Reference, notes: &mut Vec<String>) {
    let parts: Vec<Element<'_>> = [bibl.child("analytic"), bibl.child("monogr")]
        .into_iter()
        .flatten()
        .chain(std::iter::once(bibl))
        .collect();
    for part in &parts {
        for idno in part.children_named("idno") {
            let value = plain(idno);
            if value.is_empty() {
                continue;
            }
            let kind = idno.attr("type").unwrap_or_default().to_ascii_lowercase();
            match kind.as_str() {
                "doi" if reference.doi.is_empty() => reference.doi = doi(&value),
                "arxiv" => push_new(notes, arxiv_note(&value)),
                "pmid" | "pmcid" | "isbn" | "issn" => {
                    let key = match kind.as_str() {
                        "pmid" => "PMID",
                        "pmcid" => "PMCID",
                        "isbn" => "ISBN",
                        _ => "ISSN",
                    };
                    reference
                        .extra
                        .entry(key.to_owned())
                        .or_insert(Value::String(value));
                }
                "" if looks_like_arxiv(&value) => push_new(notes, arxiv_note(&value)),
                _ => {}
            }
        }
        for pointer in part.children_named("ptr") {
            if let Some(target) = pointer.attr("target").map(str::trim)
                && !target.is_empty()
                && reference.url.is_empty()
            {
                target.clone_into(&mut reference.url);
            }
        }
    }
}

fn push_new(notes: &mut Vec<String>, note: String) {
    if !notes.contains(&note) {
        notes.push(note);
    }
}

/// A DOI without its `https://doi.org/` or `doi:` prefix.
fn doi(value: &str) -> String {
    let lower = value.to_ascii_lowercase();
    for prefix in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
    ] {
        if lower.starts_with(prefix) {
            return value.get(prefix.len()..).unwrap_or(value).trim().to_owned();
        }
    }
    value.to_owned()
}

/// `arXiv:1810.04805` from `1810.04805`, `arXiv:1810.04805` or `abs/1810.04805`.
fn arxiv_note(value: &str) -> String {
    let id = value.trim();
    let id = id
        .strip_prefix("arXiv:")
        .or_else(|| id.strip_prefix("arxiv:"))
        .or_else(|| id.strip_prefix("abs/"))
        .unwrap_or(id);
    format!("arXiv:{id}")
}

/// Whether an untyped `idno` is an arXiv id: `abs/1806.01620`, `1806.01620v2`.
fn looks_like_arxiv(value: &str) -> bool {
    let id = value.trim().strip_prefix("abs/").unwrap_or(value.trim());
    let Some((year_month, number)) = id.split_once('.') else {
        return false;
    };
    let number = number.split_once('v').map_or(number, |(n, version)| {
        if !version.is_empty() && version.chars().all(|c| c.is_ascii_digit()) {
            n
        } else {
            "x"
        }
    });
    year_month.len() == 4
        && year_month.chars().all(|c| c.is_ascii_digit())
        && (4..=5).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_broken_at_a_line_end_are_whole_where_the_fields_print_them_whole() {
        let reference = Reference {
            title: "Semi-supervised corpus work".to_owned(),
            author: vec![CslName {
                family: "Sciaky".to_owned(),
                given: "Daniela".to_owned(),
                ..CslName::default()
            }],
            ..Reference::default()
        };
        assert_eq!(
            unbroken(
                "Daniela Sci- aky. 2019. Semi- supervised cor- pus work. A well- known venue.",
                &reference
            ),
            "Daniela Sciaky. 2019. Semi-supervised corpus work. A well- known venue.",
            "a break no field settles stays"
        );
        assert_eq!(unbroken("", &reference), "");
        assert_eq!(
            unbroken("Ends with a dash -", &reference),
            "Ends with a dash -"
        );
    }
}

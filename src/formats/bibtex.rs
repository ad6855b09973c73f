//! BibTeX and BibLaTeX: export to a `.bib` file, and import of one.
//!
//! Export writes classic BibTeX entry types (`@article`, `@book`, `@incollection`,
//! `@phdthesis` …) with LaTeX specials escaped, titles protected from case changes by an extra
//! pair of braces, and the reference's cross-links in `annote`. Fields BibTeX has no name for
//! are written under their CSL-JSON name, which BibTeX ignores and paperlens reads back; a CSL
//! type BibTeX has no entry type for (a preprint's `article`, `webpage`, `classic` …) is written
//! as `entrysubtype`, BibLaTeX's field for a finer type, so that it comes back.
//!
//! Import parses with the `biblatex` crate, which expands `@string` abbreviations, resolves
//! `crossref` and `xdata` inheritance and decodes most LaTeX accents; what it leaves (`~`,
//! formatting commands such as `\mkbibquote{…}`, TeX quotes) is decoded here. An entry that
//! cannot be parsed is reported with its line and skipped; the rest load.
//!
//! `@set` entries (a group of entries cited together) are skipped and their members kept:
//! paperlens has no grouping of references, and each member is a complete entry of its own.
//! `@xdata` entries hold data for other entries to inherit and are skipped likewise.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use biblatex::{
    Bibliography, ChunksExt as _, DateValue, Datetime, EditorType, Entry, EntryType, ParseError,
    ParseErrorKind, PermissiveType, Person, RawBibliography, RetrievalError, Token,
};
use serde_json::Value;

use crate::corpus::Corpus;
use crate::corpus::cite::words;
use crate::corpus::diagnostics::{Code, Diagnostic, LineIndex};
use crate::corpus::model::{CSL_ITEM_TYPES, CslDate, CslName, Reference};

use super::ExportError;
use super::import::Imported;
use super::links::{CrossLinks, cross_links};

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/// The references at `positions` as a `.bib` file: one entry per reference, separated by blank
/// lines.
///
/// # Errors
/// When a position names no reference.
pub fn export(corpus: &Corpus, positions: &[usize]) -> Result<String, ExportError> {
    let mut out = String::new();
    for (n, &position) in positions.iter().enumerate() {
        let reference = corpus
            .file
            .references
            .get(position)
            .ok_or(ExportError::NoSuchReference(position))?;
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&entry(reference, cross_links(corpus, position).as_ref()));
    }
    Ok(out)
}

/// The BibTeX entry type for a CSL item type.
#[must_use]
pub fn entry_type(reference: &Reference) -> &'static str {
    match reference.item_type.as_str() {
        "article-journal" | "article-magazine" | "article-newspaper" | "review" | "review-book" => {
            "article"
        }
        "book" | "classic" => "book",
        "chapter" | "entry-dictionary" | "entry-encyclopedia" => "incollection",
        "paper-conference" => "inproceedings",
        "thesis" => {
            let genre = reference
                .extra
                .get("genre")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_lowercase();
            if genre.contains("master") {
                "mastersthesis"
            } else {
                "phdthesis"
            }
        }
        "report" => "techreport",
        "manuscript" => "unpublished",
        _ => "misc",
    }
}

/// The `entrysubtype` that tells the reference's CSL type apart when the entry type `kind`
/// alone reads back as another (`@misc` is `document`, `@book` is `book`): BibLaTeX's
/// `magazine` or `newspaper` for those articles, the CSL type itself otherwise.
fn entry_subtype<'a>(reference: &'a Reference, kind: &str) -> Option<&'a str> {
    let csl = reference.item_type.as_str();
    if base_csl_type(&EntryType::new(kind), None) == csl || !CSL_ITEM_TYPES.contains(&csl) {
        return None;
    }
    Some(match csl {
        "article-magazine" => "magazine",
        "article-newspaper" => "newspaper",
        _ => csl,
    })
}

/// CSL-JSON fields held in `extra` that BibTeX (or BibLaTeX) has a field for.
const EXTRA_TO_BIBTEX: [(&str, &str); 20] = [
    ("event-date", "eventdate"),
    ("container-author", "bookauthor"),
    ("ISBN", "isbn"),
    ("ISSN", "issn"),
    ("abstract", "abstract"),
    ("keyword", "keywords"),
    ("edition", "edition"),
    ("collection-title", "series"),
    ("language", "language"),
    ("title-short", "shorttitle"),
    ("container-title-short", "shortjournal"),
    ("genre", "type"),
    ("number-of-pages", "pagetotal"),
    ("number-of-volumes", "volumes"),
    ("chapter-number", "chapter"),
    ("event-title", "eventtitle"),
    ("event-place", "venue"),
    ("accessed", "urldate"),
    ("original-date", "origdate"),
    ("translator", "translator"),
];

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
    for (key, value) in &reference.extra {
        if key == "annote" {
            continue;
        }
        let name = EXTRA_TO_BIBTEX
            .iter()
            .find(|(csl, _)| csl == key)
            .map_or_else(|| field_name(key), |(_, bib)| (*bib).to_owned());
        if name.is_empty() {
            continue;
        }
        push(&mut fields, &name, extra_value(value));
    }
    let mut out = format!("@{kind}{{{},\n", citation_key(&reference.id));
    let width = fields.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    for (name, value) in &fields {
        let _ = writeln!(out, "  {name:<width$} = {{{value}}},");
    }
    out.push_str("}\n");
    out
}

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
/// suffix; an organisation in braces. Both CSL particles go in the von part.
fn names(list: &[CslName]) -> String {
    list.iter()
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
            let last = words(&[
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
            match (name.suffix.is_empty(), name.given.is_empty()) {
                (true, true) => last,
                (true, false) => format!("{last}, {}", part(&name.given)),
                (false, _) => format!("{last}, {}, {}", part(&name.suffix), part(&name.given)),
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
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
        fields.push(("date", range.join("/")));
    }
    fields
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
                Ok(date) => {
                    let fields = date_fields(&date);
                    fields
                        .iter()
                        .find(|(n, _)| *n == "date")
                        .or_else(|| fields.iter().find(|(n, _)| *n == "year"))
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                }
                Err(_) => escape(&value.to_string()),
            }
        }
        _ => escape(&value.to_string()),
    }
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/// Whether a line starts a BibTeX entry: `@type{` or `@type(` (after optional white space).
#[must_use]
pub fn is_entry_line(line: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix('@') else {
        return false;
    };
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .unwrap_or(rest.len());
    name_len > 0
        && rest
            .get(name_len..)
            .map(str::trim_start)
            .is_some_and(|r| r.starts_with(['{', '(']))
}

/// The byte offsets where entries start: the `@` of each line [`is_entry_line`] accepts.
fn entry_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if is_entry_line(line) {
            starts.push(offset + (line.len() - line.trim_start().len()));
        }
        offset += line.len();
    }
    starts
}

/// The deepest nesting of braces an entry may have; deeper ones are skipped, as the parser
/// reads nested commands recursively.
const MAX_BRACE_DEPTH: usize = 64;

/// Where braces first nest deeper than [`MAX_BRACE_DEPTH`], if they do.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => {
                depth += 1;
                if depth > MAX_BRACE_DEPTH {
                    return Some(at);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A stretch of the file: one entry (from its `@` to the next entry), or the text before the
/// first one.
#[derive(Clone, Copy, Debug)]
struct Piece {
    start: usize,
    end: usize,
    skipped: bool,
}

/// Reads a BibTeX or BibLaTeX file. See the module documentation for what is resolved and
/// what is skipped.
#[must_use]
pub fn import(text: &str) -> Imported {
    // The parser is third-party code fed with untrusted input: should it ever panic, the file
    // is reported as unreadable rather than bringing the program down.
    std::panic::catch_unwind(|| import_checked(text)).unwrap_or_else(|_| {
        let mut imported = Imported::default();
        imported.diagnostics.push(Diagnostic::error(
            Code::BibtexSyntax,
            "the BibTeX parser could not read this file",
            "check the file in a BibTeX editor (e.g. JabRef) and fix the entries it reports",
        ));
        imported
    })
}

fn import_checked(text: &str) -> Imported {
    let mut imported = Imported::default();
    // One index of line starts: locating each entry from the start of the text would make a
    // long file quadratic.
    let lines = LineIndex::new(text);
    let starts = entry_starts(text);
    let mut pieces: Vec<Piece> = Vec::with_capacity(starts.len() + 1);
    let mut boundaries = vec![0];
    boundaries.extend(starts.iter().copied().filter(|&s| s > 0));
    boundaries.push(text.len());
    for pair in boundaries.windows(2) {
        if let [start, end] = *pair
            && end > start
        {
            pieces.push(Piece {
                start,
                end,
                skipped: false,
            });
        }
    }
    let mut working = text.to_owned();

    // 1. Syntax, entry by entry, so one broken entry cannot take its neighbours with it.
    for piece in &mut pieces {
        let Some(slice) = text.get(piece.start..piece.end) else {
            continue;
        };
        if let Some(at) = too_deep(slice) {
            let problem = Problem {
                code: Code::SkippedEntry,
                what: format!("braces nest more than {MAX_BRACE_DEPTH} levels deep"),
                hint: "a real entry never needs that many; check the file for damage",
                at: piece.start + at,
            };
            skip_for(text, &lines, &mut working, piece, &problem, &mut imported);
            continue;
        }
        if let Err(error) = RawBibliography::parse(slice) {
            skip(
                text,
                &lines,
                &mut working,
                piece,
                &error,
                piece.start,
                &mut imported,
            );
        }
    }

    // 2. Duplicate keys: the first entry wins, as in BibTeX.
    let snapshot = working.clone();
    if let Ok(raw) = RawBibliography::parse(&snapshot) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        let mut duplicates = Vec::new();
        for raw_entry in &raw.entries {
            let key = raw_entry.v.key.v;
            match first.get(key) {
                Some(&at) => duplicates.push((key.to_owned(), at, raw_entry.span.start)),
                None => {
                    first.insert(key, raw_entry.span.start);
                }
            }
        }
        for (key, first_at, at) in duplicates {
            if let Some(piece) = piece_at(&mut pieces, at) {
                let first_line = lines.location(first_at, 0).line;
                let error = ParseError {
                    span: at..at,
                    kind: ParseErrorKind::DuplicateKey(format!(
                        "{key}` (first at line {first_line})"
                    )),
                };
                skip(text, &lines, &mut working, piece, &error, 0, &mut imported);
            }
        }
        // Abbreviations that refer back to themselves, nest absurdly deep or expand to an
        // absurd size (`@string{a = b # b}`, `@string{b = c # c}` …): the parser resolves them
        // recursively, so they would overflow its stack or exhaust memory.
        for (at, what) in abbreviation_problems(&raw) {
            if let Some(piece) = piece_at(&mut pieces, at).filter(|p| !p.skipped) {
                let problem = Problem {
                    code: Code::SkippedEntry,
                    what,
                    hint: "define each `@string` from text and earlier `@string`s, never from itself",
                    at,
                };
                skip_for(text, &lines, &mut working, piece, &problem, &mut imported);
            }
        }
        // Inheritance that loops (or runs absurdly deep) would never finish resolving.
        for (at, what) in inheritance_problems(&raw, &first) {
            if let Some(piece) = piece_at(&mut pieces, at).filter(|p| !p.skipped) {
                let problem = Problem {
                    code: Code::SkippedEntry,
                    what,
                    hint: "make `crossref` (and `xdata`) point to an entry that does not refer back",
                    at,
                };
                skip_for(text, &lines, &mut working, piece, &problem, &mut imported);
            }
        }
        // Inheritance copies the parent's fields into every child: many children of a large
        // parent would multiply a small file into gigabytes.
        for (at, what) in inheritance_budget_problems(&raw, &first) {
            if let Some(piece) = piece_at(&mut pieces, at).filter(|p| !p.skipped) {
                let problem = Problem {
                    code: Code::SkippedEntry,
                    what,
                    hint: "a parent entry shared by many children should hold only short fields",
                    at,
                };
                skip_for(text, &lines, &mut working, piece, &problem, &mut imported);
            }
        }
    }

    // 3. Abbreviations, cross-references and field contents, over the whole file: an entry
    //    that fails is skipped and the file read again.
    let bibliography = loop {
        match Bibliography::parse(&working) {
            Ok(bibliography) => break bibliography,
            Err(error) => {
                let at = error.span.start;
                let Some(piece) = piece_at(&mut pieces, at).filter(|p| !p.skipped) else {
                    imported.diagnostics.push(
                        Diagnostic::error(
                            Code::BibtexSyntax,
                            format!("the file cannot be read as BibTeX: {}", error.kind),
                            "fix the file at this point",
                        )
                        .located(lines.location(at, 1)),
                    );
                    return imported;
                };
                skip(text, &lines, &mut working, piece, &error, 0, &mut imported);
            }
        }
    };

    // Read once more with literal specials (`\{`, `\textasciitilde` …) set apart, so that
    // decoding the LaTeX the parser leaves cannot mistake them for syntax.
    let bibliography = Bibliography::parse(&protect_literals(&working)).unwrap_or(bibliography);

    // Where each entry starts, for diagnostics.
    let mut offsets: HashMap<String, usize> = HashMap::new();
    if let Ok(raw) = RawBibliography::parse(&working) {
        for raw_entry in &raw.entries {
            offsets
                .entry(raw_entry.v.key.v.to_owned())
                .or_insert(raw_entry.span.start);
        }
    }
    let keys: HashSet<&str> = bibliography.keys().collect();
    for entry in bibliography.iter() {
        if matches!(entry.entry_type, EntryType::Set | EntryType::XData) {
            continue;
        }
        let offset = offsets.get(&entry.key).copied().unwrap_or(0);
        let head_len = text
            .get(offset..)
            .and_then(|rest| rest.find(['\n', ',']))
            .unwrap_or(0);
        let location = lines.location(offset, head_len);
        if let Some(parent) = entry.get("crossref").map(|c| c.format_verbatim())
            && !keys.contains(parent.trim())
        {
            imported.diagnostics.push(
                Diagnostic::warning(
                    Code::UnknownReference,
                    format!(
                        "entry `{}` has `crossref = {{{}}}`, but no entry has that key; nothing is inherited",
                        entry.key,
                        parent.trim()
                    ),
                    "add the entry it refers to, or remove the crossref",
                )
                .located(location),
            );
        }
        imported.push(to_reference(entry), location);
    }
    imported
}

/// The deepest chain of `@string` abbreviations resolved.
const MAX_ABBREVIATION_DEPTH: usize = 32;

/// The most text abbreviations may expand to in one `@string` or one field: 1 MiB.
const MAX_ABBREVIATION_BYTES: usize = 1024 * 1024;

/// The `@string` definitions and entries (their offsets, with what is wrong) whose
/// abbreviations refer back to themselves, nest deeper than [`MAX_ABBREVIATION_DEPTH`] or
/// expand to more than [`MAX_ABBREVIATION_BYTES`]. Each abbreviation is measured once.
fn abbreviation_problems(raw: &RawBibliography<'_>) -> Vec<(usize, String)> {
    // As the parser resolves them: by exact name, the last definition winning.
    let definitions: HashMap<&str, &biblatex::Pair<'_>> =
        raw.abbreviations.iter().map(|p| (p.key.v, p)).collect();
    let mut measured: HashMap<&str, Expansion> = HashMap::new();
    let mut problems = Vec::new();
    for pair in &raw.abbreviations {
        let mut visiting = HashSet::new();
        if let Err(what) = expansion(pair.key.v, &definitions, &mut measured, &mut visiting, 0) {
            problems.push((pair.key.span.start, what));
        }
    }
    for entry in &raw.entries {
        for pair in &entry.v.fields {
            let mut total = 0usize;
            for chunk in &pair.value.v {
                if let biblatex::RawChunk::Abbreviation(name) = chunk.v {
                    let mut visiting = HashSet::new();
                    match expansion(name, &definitions, &mut measured, &mut visiting, 1) {
                        Ok(found) => total = total.saturating_add(found.bytes),
                        Err(what) => {
                            problems.push((entry.span.start, what));
                            total = 0;
                            break;
                        }
                    }
                }
            }
            if total > MAX_ABBREVIATION_BYTES {
                problems.push((
                    entry.span.start,
                    format!(
                        "its field `{}` expands to more than {} KiB of abbreviations",
                        pair.key.v,
                        MAX_ABBREVIATION_BYTES / 1024
                    ),
                ));
            }
        }
    }
    problems.sort_unstable();
    problems.dedup_by_key(|(at, _)| *at);
    problems
}

/// What an abbreviation expands to: its length in bytes, and how deep its abbreviations nest.
#[derive(Clone, Copy)]
struct Expansion {
    bytes: usize,
    depth: usize,
}

/// What abbreviation `name` expands to (`measured` remembers the ones done), or what is
/// wrong with it. `call_depth` bounds this function's own recursion.
fn expansion<'s>(
    name: &'s str,
    definitions: &HashMap<&'s str, &biblatex::Pair<'s>>,
    measured: &mut HashMap<&'s str, Expansion>,
    visiting: &mut HashSet<&'s str>,
    call_depth: usize,
) -> Result<Expansion, String> {
    let too_deep =
        || format!("its abbreviations nest more than {MAX_ABBREVIATION_DEPTH} levels deep");
    if let Some(&found) = measured.get(name) {
        return if call_depth + found.depth > MAX_ABBREVIATION_DEPTH {
            Err(too_deep())
        } else {
            Ok(found)
        };
    }
    let Some(pair) = definitions.get(name) else {
        // A month name, or an unknown abbreviation the parser reports itself.
        return Ok(Expansion {
            bytes: name.len(),
            depth: 0,
        });
    };
    if call_depth > MAX_ABBREVIATION_DEPTH {
        return Err(too_deep());
    }
    if !visiting.insert(name) {
        return Err(format!(
            "the abbreviation `{name}` is defined in terms of itself"
        ));
    }
    let mut found = Expansion { bytes: 0, depth: 1 };
    for chunk in &pair.value.v {
        let (bytes, depth) = match chunk.v {
            biblatex::RawChunk::Normal(text) => (text.len(), 0),
            biblatex::RawChunk::Abbreviation(inner) => {
                let inner = expansion(inner, definitions, measured, visiting, call_depth + 1)?;
                (inner.bytes, inner.depth)
            }
        };
        found.bytes = found.bytes.saturating_add(bytes);
        found.depth = found.depth.max(depth + 1);
        if found.bytes > MAX_ABBREVIATION_BYTES {
            return Err(format!(
                "the abbreviation `{name}` expands to more than {} KiB",
                MAX_ABBREVIATION_BYTES / 1024
            ));
        }
    }
    visiting.remove(name);
    measured.insert(name, found);
    if call_depth + found.depth > MAX_ABBREVIATION_DEPTH {
        return Err(too_deep());
    }
    Ok(found)
}

/// The piece holding byte `at` (pieces are in order and do not overlap).
fn piece_at(pieces: &mut [Piece], at: usize) -> Option<&mut Piece> {
    let i = pieces.partition_point(|p| p.end <= at);
    pieces.get_mut(i).filter(|p| p.start <= at)
}

/// The longest chain of `crossref`/`xdata` inheritance resolved.
const MAX_INHERITANCE_DEPTH: usize = 32;

/// The most text all entries together may inherit through `crossref` and `xdata`: 16 MiB.
const MAX_INHERITED_BYTES: usize = 16 * 1024 * 1024;

/// The entries (their offsets, with what is wrong) past the point where the text inherited
/// through `crossref` and `xdata`, counted over the whole file in order, exceeds
/// [`MAX_INHERITED_BYTES`]. `first` maps each key to the offset of the entry that holds it.
fn inheritance_budget_problems(
    raw: &RawBibliography<'_>,
    first: &HashMap<&str, usize>,
) -> Vec<(usize, String)> {
    let field_text = |pair: &biblatex::Pair<'_>| -> String {
        pair.value
            .v
            .iter()
            .map(|chunk| match chunk.v {
                biblatex::RawChunk::Normal(s) | biblatex::RawChunk::Abbreviation(s) => s,
            })
            .collect()
    };
    // Each entry's own size and parents (the first entry with a key, as the parser keeps).
    let mut entries: HashMap<&str, (usize, Vec<String>)> = HashMap::new();
    for entry in &raw.entries {
        if first.get(entry.v.key.v) != Some(&entry.span.start) {
            continue;
        }
        let mut size = 0usize;
        let mut parents = Vec::new();
        for pair in &entry.v.fields {
            let name = pair.key.v.to_ascii_lowercase();
            if name == "crossref" || name == "xdata" {
                parents.extend(
                    field_text(pair)
                        .split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned),
                );
            } else {
                size = size.saturating_add(pair.value.v.iter().map(|c| c.span.len()).sum());
            }
        }
        entries.insert(entry.v.key.v, (size, parents));
    }
    // What an entry inherits: its parents' sizes and what they inherit, to a bounded depth.
    fn inherited(
        key: &str,
        entries: &HashMap<&str, (usize, Vec<String>)>,
        memo: &mut HashMap<String, usize>,
        depth: usize,
    ) -> usize {
        if depth > MAX_INHERITANCE_DEPTH {
            return 0;
        }
        if let Some(&known) = memo.get(key) {
            return known;
        }
        let mut total = 0usize;
        if let Some((_, parents)) = entries.get(key) {
            for parent in parents {
                let own = entries.get(parent.as_str()).map_or(0, |(size, _)| *size);
                total = total.saturating_add(own).saturating_add(inherited(
                    parent,
                    entries,
                    memo,
                    depth + 1,
                ));
            }
        }
        memo.insert(key.to_owned(), total);
        total
    }
    let mut memo = HashMap::new();
    let mut running = 0usize;
    let mut problems = Vec::new();
    for entry in &raw.entries {
        if first.get(entry.v.key.v) != Some(&entry.span.start) {
            continue;
        }
        let amount = inherited(entry.v.key.v, &entries, &mut memo, 0);
        if amount == 0 {
            continue;
        }
        if running.saturating_add(amount) > MAX_INHERITED_BYTES {
            problems.push((
                entry.span.start,
                format!(
                    "the text inherited through `crossref` in this file passes {} MiB here",
                    MAX_INHERITED_BYTES / (1024 * 1024)
                ),
            ));
        } else {
            running += amount;
        }
    }
    problems
}

/// The entries (their offsets, with what is wrong) whose `crossref` or `xdata` chain comes
/// back to them or runs deeper than [`MAX_INHERITANCE_DEPTH`]. `first` maps each key to the
/// offset of the entry that holds it.
fn inheritance_problems(
    raw: &RawBibliography<'_>,
    first: &HashMap<&str, usize>,
) -> Vec<(usize, String)> {
    let mut parents: HashMap<&str, Vec<String>> = HashMap::new();
    for entry in &raw.entries {
        if first.get(entry.v.key.v) != Some(&entry.span.start) {
            continue;
        }
        let mut targets = Vec::new();
        for pair in &entry.v.fields {
            let name = pair.key.v.to_ascii_lowercase();
            if name != "crossref" && name != "xdata" {
                continue;
            }
            let value: String = pair
                .value
                .v
                .iter()
                .map(|chunk| match chunk.v {
                    biblatex::RawChunk::Normal(s) | biblatex::RawChunk::Abbreviation(s) => s,
                })
                .collect();
            targets.extend(
                value
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned),
            );
        }
        if !targets.is_empty() {
            parents.insert(entry.v.key.v, targets);
        }
    }
    let mut problems = Vec::new();
    for &key in parents.keys() {
        // Depth-first over the parents, with an explicit stack of (key, depth).
        let mut stack: Vec<(&str, usize)> = vec![(key, 0)];
        let mut seen: HashSet<&str> = HashSet::new();
        let mut verdict = None;
        while let Some((current, depth)) = stack.pop() {
            if depth > MAX_INHERITANCE_DEPTH {
                verdict = Some(format!(
                    "its crossref chain is more than {MAX_INHERITANCE_DEPTH} entries long"
                ));
                break;
            }
            for parent in parents.get(current).into_iter().flatten() {
                if parent == key {
                    verdict = Some(format!("its crossref chain leads back to `{key}` itself"));
                    break;
                }
                if seen.insert(parent.as_str()) {
                    stack.push((parent.as_str(), depth + 1));
                }
            }
            if verdict.is_some() {
                break;
            }
        }
        if let (Some(what), Some(&at)) = (verdict, first.get(key)) {
            problems.push((at, what));
        }
    }
    problems.sort_unstable();
    problems
}

/// Reports `piece` as skipped because of `error` (whose span is relative to `base`) and blanks
/// it in `working`, keeping every line break so that later offsets still match the file.
fn skip(
    text: &str,
    lines: &LineIndex<'_>,
    working: &mut String,
    piece: &mut Piece,
    error: &ParseError,
    base: usize,
    imported: &mut Imported,
) {
    let (what, hint) = describe(&error.kind);
    let code = if matches!(error.kind, ParseErrorKind::DuplicateKey(_)) {
        Code::DuplicateId
    } else {
        Code::SkippedEntry
    };
    let problem = Problem {
        code,
        what,
        hint,
        at: base + error.span.start,
    };
    skip_for(text, lines, working, piece, &problem, imported);
}

/// Why an entry is skipped: the code, what is wrong, what to do, and the byte offset it is at.
struct Problem {
    code: Code,
    what: String,
    hint: &'static str,
    at: usize,
}

/// Reports `piece` as skipped for `problem` and blanks it in `working` (see [`skip`]).
fn skip_for(
    text: &str,
    lines: &LineIndex<'_>,
    working: &mut String,
    piece: &mut Piece,
    problem: &Problem,
    imported: &mut Imported,
) {
    piece.skipped = true;
    let head: String = text
        .get(piece.start..piece.end)
        .unwrap_or_default()
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .chars()
        .take(60)
        .collect();
    let at = lines.location(problem.at, 0);
    let entry_location = lines.location(piece.start, head.len());
    let (what, hint) = (&problem.what, problem.hint);
    let message = if head.starts_with('@') {
        format!(
            "skipped the entry `{head}` (line {}): {what} at line {}, column {}",
            entry_location.line, at.line, at.column
        )
    } else {
        format!(
            "skipped the text at line {}: {what} at line {}, column {}",
            entry_location.line, at.line, at.column
        )
    };
    imported
        .diagnostics
        .push(Diagnostic::warning(problem.code, message, hint).located(entry_location));
    let blanked: String = text
        .get(piece.start..piece.end)
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_owned()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    if working.is_char_boundary(piece.start) && working.is_char_boundary(piece.end) {
        working.replace_range(piece.start..piece.end, &blanked);
    }
}

/// What a parse error means, and what to do about it.
fn describe(kind: &ParseErrorKind) -> (String, &'static str) {
    match kind {
        ParseErrorKind::UnexpectedEof => (
            "the entry does not end".to_owned(),
            "a brace or quotation mark is not closed: every `{` needs its `}`",
        ),
        ParseErrorKind::Expected(Token::Comma) => (
            "a comma is missing".to_owned(),
            "separate the key and the fields with commas: `@type{key, field = {value}, …}`",
        ),
        ParseErrorKind::Expected(Token::Equals) => (
            "`=` is missing after a field name".to_owned(),
            "write each field as `name = {value}`",
        ),
        ParseErrorKind::Expected(token) => (
            format!("expected {token}"),
            "write the entry as `@type{key, field = {value}, …}`",
        ),
        ParseErrorKind::Unexpected(token) => (
            format!("unexpected {token}"),
            "write the entry as `@type{key, field = {value}, …}`; a lone `}` ends the entry early",
        ),
        ParseErrorKind::UnknownAbbreviation(name) => (
            format!("`{name}` is not a defined @string abbreviation"),
            "define it with `@string{name = {…}}` before the entries, or put the value in braces",
        ),
        ParseErrorKind::MalformedCommand => (
            "a LaTeX command is malformed".to_owned(),
            "write commands as `\\name{argument}`",
        ),
        ParseErrorKind::DuplicateKey(key) => (
            format!("the key `{key} is used twice"),
            "give each entry its own key; the first entry with a key is the one loaded",
        ),
        ParseErrorKind::ResolutionError(error) => (
            format!("its crossref cannot be resolved ({error})"),
            "check the fields of the entry it inherits from",
        ),
        _ => (
            "the entry is not valid BibTeX".to_owned(),
            "write the entry as `@type{key, field = {value}, …}`",
        ),
    }
}

/// Fields whose value BibLaTeX keeps verbatim (no LaTeX decoding).
const VERBATIM_FIELDS: [&str; 9] = [
    "url", "doi", "eprint", "file", "pdf", "uri", "verba", "verbb", "verbc",
];

/// BibTeX fields read into the corpus's own fields (or consumed by inheritance); every other
/// field goes to `extra`.
const CONSUMED: [&str; 40] = [
    "author",
    "editor",
    "editora",
    "editorb",
    "editorc",
    "editortype",
    "editoratype",
    "editorbtype",
    "editorctype",
    "title",
    "subtitle",
    "journal",
    "journaltitle",
    "journalsubtitle",
    "booktitle",
    "booksubtitle",
    "maintitle",
    "mainsubtitle",
    "date",
    "year",
    "month",
    "day",
    "endyear",
    "endmonth",
    "endday",
    "volume",
    "number",
    "issue",
    "pages",
    "publisher",
    "location",
    "address",
    "institution",
    "school",
    "doi",
    "url",
    "note",
    "crossref",
    "xdata",
    "entryset",
];

/// BibTeX fields with a CSL-JSON name of their own in `extra`.
const BIBTEX_TO_EXTRA: [(&str, &str); 24] = [
    ("eventdate", "event-date"),
    ("bookauthor", "container-author"),
    ("isbn", "ISBN"),
    ("issn", "ISSN"),
    ("abstract", "abstract"),
    ("keywords", "keyword"),
    ("edition", "edition"),
    ("series", "collection-title"),
    ("language", "language"),
    ("langid", "language"),
    ("shorttitle", "title-short"),
    ("shortjournal", "container-title-short"),
    ("type", "genre"),
    ("pagetotal", "number-of-pages"),
    ("volumes", "number-of-volumes"),
    ("chapter", "chapter-number"),
    ("eventtitle", "event-title"),
    ("venue", "event-place"),
    ("annotation", "annote"),
    ("annote", "annote"),
    ("urldate", "accessed"),
    ("origdate", "original-date"),
    ("translator", "translator"),
    ("pmid", "PMID"),
];

/// The CSL item type of a BibTeX entry: an `entrysubtype` naming a CSL type (as paperlens
/// writes for types BibTeX lacks) wins, else the entry type decides. The flag says whether
/// `entrysubtype` decided the type (and so need not be kept as a field of its own).
fn csl_type(entry: &Entry) -> (&'static str, bool) {
    let subtype = entry
        .get("entrysubtype")
        .map(|c| c.format_verbatim().trim().to_lowercase());
    if let Some(named) = subtype
        .as_deref()
        .and_then(|s| CSL_ITEM_TYPES.iter().find(|t| **t == s))
    {
        return (named, true);
    }
    let item_type = base_csl_type(&entry.entry_type, subtype.as_deref());
    (
        item_type,
        item_type != base_csl_type(&entry.entry_type, None),
    )
}

/// The CSL item type of a BibTeX entry type (with BibLaTeX's `entrysubtype` of articles).
fn base_csl_type(entry_type: &EntryType, subtype: Option<&str>) -> &'static str {
    match entry_type {
        EntryType::Article => match subtype {
            Some("magazine") => "article-magazine",
            Some("newspaper") => "article-newspaper",
            _ => "article-journal",
        },
        EntryType::Book
        | EntryType::MvBook
        | EntryType::Collection
        | EntryType::MvCollection
        | EntryType::Proceedings
        | EntryType::MvProceedings
        | EntryType::Reference
        | EntryType::MvReference => "book",
        EntryType::Booklet => "pamphlet",
        EntryType::InBook
        | EntryType::BookInBook
        | EntryType::SuppBook
        | EntryType::InCollection
        | EntryType::SuppCollection => "chapter",
        EntryType::InReference => "entry-encyclopedia",
        EntryType::InProceedings => "paper-conference",
        EntryType::MastersThesis | EntryType::PhdThesis | EntryType::Thesis => "thesis",
        EntryType::TechReport | EntryType::Report | EntryType::Manual => "report",
        EntryType::Unpublished => "manuscript",
        EntryType::Patent => "patent",
        EntryType::Online => "webpage",
        EntryType::Software => "software",
        EntryType::Dataset => "dataset",
        EntryType::Periodical => "periodical",
        EntryType::SuppPeriodical => "article-journal",
        _ => "document",
    }
}

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
        (Some(main), Some(sub)) => {
            if main.ends_with(['?', '!', ':', '.']) {
                format!("{main} {sub}")
            } else {
                format!("{main}: {sub}")
            }
        }
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

fn csl_names(people: &[Person]) -> Vec<CslName> {
    people.iter().map(csl_name).collect()
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
    reference.container_title = if is_article {
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
    };
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
    reference.doi = verbatim_field(entry, "doi")
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
        .unwrap_or_default();
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
    for (field, chunks) in &entry.fields {
        // An `entrysubtype` that gave the type is not kept a second time in `extra`.
        if CONSUMED.contains(&field.as_str()) || (field == "entrysubtype" && type_from_subtype) {
            continue;
        }
        let known = BIBTEX_TO_EXTRA.iter().find(|(bib, _)| bib == field);
        let key = known.map_or(field.as_str(), |(_, csl)| *csl);
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
    reference
}

/// Characters written escaped in BibTeX because they are LaTeX syntax, and the private-use
/// characters that stand for them between parsing and decoding.
const LITERALS: [(&str, char, char); 7] = [
    ("\\textasciitilde{}", '\u{e000}', '~'),
    ("\\textasciitilde", '\u{e000}', '~'),
    ("\\textasciicircum{}", '\u{e001}', '^'),
    ("\\textbackslash{}", '\u{e002}', '\\'),
    ("\\textbackslash", '\u{e002}', '\\'),
    ("\\{", '\u{e003}', '{'),
    ("\\}", '\u{e004}', '}'),
];

/// The source with escaped literal specials replaced by placeholders (see [`LITERALS`]).
fn protect_literals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        if c == '\\' {
            for (escaped, placeholder, _) in LITERALS {
                if let Some(after) = rest.strip_prefix(escaped) {
                    out.push(placeholder);
                    rest = after;
                    continue 'outer;
                }
            }
            // A starred command, `\enquote*{x}`: the parser would lose its argument, so the
            // star goes (`\enquote*` is the single-quoted form).
            let name_len = rest
                .get(1..)
                .unwrap_or_default()
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(0);
            if name_len > 0
                && let Some(name) = rest.get(1..=name_len)
                && let Some(after) = rest.get(name_len + 1..).and_then(|r| r.strip_prefix('*'))
            {
                out.push('\\');
                out.push_str(if name == "enquote" {
                    "enquotesingle"
                } else {
                    name
                });
                rest = after;
                continue;
            }
            // Any other escape is copied whole, so that `\\{` is not read as `\` + `\{`.
            let len = rest.chars().take(2).map(char::len_utf8).sum::<usize>();
            out.push_str(rest.get(..len).unwrap_or(rest));
            rest = rest.get(len..).unwrap_or_default();
            continue;
        }
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

/// The placeholders of [`protect_literals`] back as the characters they stand for.
fn restore_literals(text: &str) -> String {
    text.chars()
        .map(|c| {
            LITERALS
                .iter()
                .find(|(_, placeholder, _)| *placeholder == c)
                .map_or(c, |(_, _, literal)| *literal)
        })
        .collect()
}

/// Formatting commands whose argument is the text (`\emph{x}` → `x`).
const TEXT_COMMANDS: [&str; 20] = [
    "emph",
    "textit",
    "textbf",
    "texttt",
    "textsc",
    "textsf",
    "textrm",
    "textup",
    "textsl",
    "textmd",
    "textnormal",
    "mkbibemph",
    "mkbibitalic",
    "mkbibbold",
    "underline",
    "mbox",
    "hbox",
    "url",
    "path",
    "ensuremath",
];

/// Decodes the LaTeX that the BibTeX parser leaves in a value: `~` (a no-break space),
/// TeX quotes (` ``x'' ` → “x”), quotation commands (`\mkbibquote{x}`, `\enquote{x}` → “x”),
/// formatting commands (their argument is kept), `\autocap{x}` (capitalised) and commands
/// that only steer TeX (`\protect`, `\noopsort{…}`), and collapses white space.
#[must_use]
pub fn decode_latex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    decode_into(&chars, &mut out);
    // Collapse white space, but keep the no-break spaces `~` stands for.
    let mut collapsed = String::with_capacity(out.len());
    for word in out.split(|c: char| c.is_ascii_whitespace()) {
        if !word.is_empty() {
            if !collapsed.is_empty() {
                collapsed.push(' ');
            }
            collapsed.push_str(word);
        }
    }
    restore_literals(&collapsed)
}

fn decode_into(chars: &[char], out: &mut String) {
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => {
                let name_start = i + 1;
                let mut end = name_start;
                while chars.get(end).is_some_and(char::is_ascii_alphabetic) {
                    end += 1;
                }
                if end == name_start {
                    // `\,` and other one-character commands: a thin space, or the character.
                    match chars.get(name_start) {
                        Some(',' | ';' | ' ') => out.push(' '),
                        Some('/' | '-') => {}
                        Some(&other) => out.push(other),
                        None => {}
                    }
                    i = name_start + 1;
                    continue;
                }
                let name: String = chars
                    .get(name_start..end)
                    .unwrap_or_default()
                    .iter()
                    .collect();
                let mut next = end;
                while chars.get(next).is_some_and(|c| *c == ' ') {
                    next += 1;
                }
                let argument = if chars.get(next) == Some(&'{') {
                    matching_brace(chars, next).map(|close| (next + 1, close))
                } else {
                    None
                };
                let decoded_argument = || {
                    let mut inner = String::new();
                    if let Some((from, to)) = argument {
                        decode_into(chars.get(from..to).unwrap_or_default(), &mut inner);
                    }
                    inner
                };
                match name.as_str() {
                    "mkbibquote" | "enquote" | "textquote" => {
                        out.push('“');
                        out.push_str(&decoded_argument());
                        out.push('”');
                    }
                    "enquotesingle" => {
                        out.push('‘');
                        out.push_str(&decoded_argument());
                        out.push('’');
                    }
                    "hyphen" => out.push('-'),
                    "autocap" => {
                        let inner = decoded_argument();
                        let mut inner_chars = inner.chars();
                        if let Some(first) = inner_chars.next() {
                            out.extend(first.to_uppercase());
                            out.push_str(inner_chars.as_str());
                        }
                    }
                    "slash" => out.push('/'),
                    "noopsort" | "nocite" | "label" | "index" => {}
                    _ if TEXT_COMMANDS.contains(&name.as_str()) => {
                        out.push_str(&decoded_argument());
                    }
                    _ => {
                        // An unknown command: its argument is the best guess at the text.
                        out.push_str(&decoded_argument());
                    }
                }
                i = match argument {
                    Some((_, close)) => close + 1,
                    None => next.max(end),
                };
            }
            '{' | '}' => i += 1,
            '~' => {
                out.push('\u{a0}');
                i += 1;
            }
            '`' if chars.get(i + 1) == Some(&'`') => {
                out.push('“');
                i += 2;
            }
            '\'' if chars.get(i + 1) == Some(&'\'') => {
                out.push('”');
                i += 2;
            }
            '`' => {
                out.push('‘');
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// The position of the `}` closing the `{` at `open`.
fn matching_brace(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Reference {
        let imported = import(text);
        assert!(
            imported.diagnostics.is_empty(),
            "{:?}",
            imported.diagnostics
        );
        imported.references.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn accents_and_leftover_latex_become_unicode() {
        let r = one(
            r#"@book{k, author = {M{\"u}ller, J{\"o}rg and {\O}stergaard, S{\o}ren and Gar{\c{c}}on, Fran\c{c}ois},
 title = {Caf\'e \mkbibquote{Stra{\ss}e} \emph{and} ``more'' p.~12 \autocap{e}xcerpt, {\TeX}}, year = 2001}"#,
        );
        assert_eq!(r.author[0].family, "Müller");
        assert_eq!(r.author[0].given, "Jörg");
        assert_eq!(r.author[1].family, "Østergaard");
        assert_eq!(r.author[1].given, "Søren");
        assert_eq!(r.author[2].family, "Garçon");
        assert_eq!(r.author[2].given, "François");
        assert_eq!(r.title, "Café “Straße” and “more” p.\u{a0}12 Excerpt, TeX");
    }

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

    #[test]
    fn a_broken_entry_is_skipped_and_its_neighbours_load() {
        let text = "@string{j = {J. Test}}\n\n@article{good1, title = {One}, journal = j, year = 2000}\n\n@article{bad, title = {Two} year = 2001}\n\n@article{good2, title = {Three}, journal = undefinedabbrev, year = 2002}\n\n@book{good3, title = {Four}, year = 2003}\n";
        let imported = import(text);
        let ids: Vec<&str> = imported.references.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["good1", "good3"]);
        assert_eq!(imported.references[0].container_title, "J. Test");
        let lines: Vec<usize> = imported
            .diagnostics
            .iter()
            .filter_map(|d| d.location.map(|l| l.line))
            .collect();
        assert_eq!(lines, [5, 7], "{:?}", imported.diagnostics);
        assert!(imported.diagnostics.iter().all(|d| !d.is_error()));
        assert!(imported.diagnostics[1].message.contains("undefinedabbrev"));
    }

    #[test]
    fn braces_nested_too_deeply_skip_the_entry_instead_of_overflowing() {
        let deep = format!(
            "@book{{a, title = {{{}y{}}}, year = 1}}\n@book{{b, title = {{B}}, year = 2}}\n",
            "\\x{".repeat(100_000),
            "}".repeat(100_000)
        );
        let imported = import(&deep);
        let ids: Vec<&str> = imported.references.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b"]);
        assert_eq!(imported.diagnostics.len(), 1);
        assert!(
            imported.diagnostics[0]
                .message
                .contains("nest more than 64")
        );
        assert_eq!(imported.diagnostics[0].location.map(|l| l.line), Some(1));
    }

    #[test]
    fn crossref_loops_are_skipped_instead_of_resolved_forever() {
        let text = "@book{a, title = {A}, crossref = {b}, year = 1}\n@book{b, title = {B}, crossref = {a}, year = 2}\n@book{self, title = {S}, crossref = {self}, year = 3}\n@book{c, title = {C}, year = 4}\n";
        let imported = import(text);
        let ids: Vec<&str> = imported.references.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["c"]);
        let lines: Vec<usize> = imported
            .diagnostics
            .iter()
            .filter_map(|d| d.location.map(|l| l.line))
            .collect();
        assert_eq!(lines, [1, 2, 3], "{:?}", imported.diagnostics);
        assert!(imported.diagnostics[0].message.contains("leads back"));
    }

    #[test]
    fn sets_are_skipped_and_duplicates_reported() {
        let text = "@set{s, entryset = {a,b}}\n@book{a, title = {A}, year = 1}\n@book{b, title = {B}, year = 2}\n@book{a, title = {Again}, year = 3}\n";
        let imported = import(text);
        let titles: Vec<&str> = imported
            .references
            .iter()
            .map(|r| r.title.as_str())
            .collect();
        assert_eq!(titles, ["A", "B"]);
        assert_eq!(imported.diagnostics.len(), 1);
        assert_eq!(imported.diagnostics[0].code, Code::DuplicateId);
        assert_eq!(imported.diagnostics[0].location.map(|l| l.line), Some(4));
    }
}

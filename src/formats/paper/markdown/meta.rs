//! The YAML metadata block at the top of a Pandoc Markdown paper (`---` … `---` or `...`):
//! title, authors and affiliations as JOSS writes them, date, keywords, abstract, the
//! bibliography files, `nocite` and inline `references`. Unknown keys (R Markdown's `output:`,
//! `csl:`, `journal:` …) are ignored. A quote a top-level value opens and never closes is
//! closed at the end of its line, and said so; other YAML that cannot be parsed is reported at
//! its line and the top-level `title:`, `date:` and `bibliography:` lines are still read one by
//! one.

use serde_yaml::{Mapping, Value};

use crate::corpus::diagnostics::Location;
use crate::corpus::model::Paper;
use crate::corpus::text::after_title;

use super::crossref::CustomKind;
use super::spans::flatten;

/// The metadata block found at the top of a paper.
#[derive(Debug, Default)]
pub(super) struct FrontMatter<'a> {
    /// The YAML text between the fences.
    pub(super) yaml: &'a str,
    /// Byte offset of the YAML text in the paper.
    pub(super) yaml_offset: usize,
    /// Byte offset where the Markdown body starts.
    pub(super) body_offset: usize,
    /// The block has no opening `---` line: it starts the file with `title:` (or another key
    /// of a paper's metadata) and only its closing line is there.
    pub(super) unopened: bool,
}

/// What the metadata says beyond the paper's front matter.
#[derive(Debug, Default)]
pub(super) struct Metadata {
    /// The bibliography files named (`bibliography: paper.bib` or a list).
    pub(super) bibliography: Vec<String>,
    /// `nocite: '@*'`: every reference is kept, cited or not.
    pub(super) nocite_all: bool,
    /// Keys `nocite` names.
    pub(super) nocite: Vec<String>,
    /// Inline CSL references (`references:`), as CSL-JSON values.
    pub(super) references: Option<serde_json::Value>,
    /// Manubot's `citekey-aliases`: a key → the key it stands for (`tag:x: doi:…`).
    pub(super) key_aliases: Vec<(String, String)>,
    /// The kinds of numbered float Quarto's `crossref: custom:` declares.
    pub(super) float_kinds: Vec<CustomKind>,
    /// The header as read, for Quarto's `{{< meta key >}}`.
    pub(super) header: Value,
    /// The YAML files Quarto's `metadata-files` names, whose values `{{< meta key >}}` prints
    /// too.
    pub(super) value_files: Vec<String>,
}

/// The metadata block at the start of `text`, if it opens with a `---` line followed by a
/// non-blank line and is closed by a `---` or `...` line. `Err(offset)` when it is opened but
/// never closed (the offset of the opening line).
pub(super) fn split(text: &str) -> Result<Option<FrontMatter<'_>>, usize> {
    let mut lines = line_spans(text);
    let Some((0, first_end)) = lines.next() else {
        return Ok(None);
    };
    if text.get(..first_end).map(str::trim_end) != Some("---") {
        return Ok(unopened(text));
    }
    let yaml_offset = (first_end + 1).min(text.len());
    let mut first_inner = true;
    for (start, end) in lines {
        let line = text.get(start..end).unwrap_or_default().trim_end();
        if first_inner && line.is_empty() {
            // `---` followed by a blank line is a horizontal rule, not metadata.
            return Ok(None);
        }
        first_inner = false;
        if line == "---" || line == "..." {
            return Ok(Some(FrontMatter {
                yaml: text.get(yaml_offset..start).unwrap_or_default(),
                yaml_offset,
                body_offset: (end + 1).min(text.len()),
                unopened: false,
            }));
        }
    }
    Err(0)
}

/// The most lines a metadata block without its opening `---` is looked for in.
const MAX_UNOPENED_LINES: usize = 200;

/// A metadata block that lost its opening `---` line: the file starts with a key of a paper's
/// metadata (`title: …`), every line up to a `---` or `...` line is YAML-like (a `key:` line,
/// an indented line, a list item or blank), and that closing line comes within
/// [`MAX_UNOPENED_LINES`].
fn unopened(text: &str) -> Option<FrontMatter<'_>> {
    const KEYS: [&str; 11] = [
        "title",
        "subtitle",
        "author",
        "authors",
        "date",
        "bibliography",
        "tags",
        "keywords",
        "abstract",
        "affiliations",
        "lang",
    ];
    let mut lines = line_spans(text).take(MAX_UNOPENED_LINES);
    let (_, first_end) = lines.next()?;
    let first = text.get(..first_end)?.trim_end();
    if !key_of(first).is_some_and(|key| KEYS.contains(&key)) {
        return None;
    }
    for (start, end) in lines {
        let line = text.get(start..end)?.trim_end();
        if line == "---" || line == "..." {
            return Some(FrontMatter {
                yaml: text.get(..start)?,
                yaml_offset: 0,
                body_offset: (end + 1).min(text.len()),
                unopened: true,
            });
        }
        let yaml_like =
            line.is_empty() || line.starts_with([' ', '\t', '-']) || key_of(line).is_some();
        if !yaml_like {
            return None;
        }
    }
    None
}

/// The key of a top-level `key: value` line (letters, digits, `-` and `_`).
fn key_of(line: &str) -> Option<&str> {
    let (key, rest) = line.split_once(':')?;
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (is_key && (rest.is_empty() || rest.starts_with(' '))).then_some(key)
}

/// Each line's start and end (without its newline) in `text`.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text
            .get(start..)
            .and_then(|rest| rest.find('\n'))
            .map_or(text.len(), |n| start + n);
        let line = (start, end);
        start = end + 1;
        Some(line)
    })
}

/// A YAML problem: what was wrong and what was read, what to do, and where in the paper it is.
pub(super) struct YamlProblem {
    /// What is wrong and what was read of the metadata.
    pub(super) message: String,
    /// What to do about it.
    pub(super) help: &'static str,
    /// Where, in the paper.
    pub(super) location: Location,
}

/// What to do about YAML that does not parse.
const CORRECT_THE_YAML: &str = "correct the YAML between the `---` lines (quote values holding \
                                 `:` or starting with `@`, and indent lists evenly)";

/// A top-level `key: 'value` line whose quote is never closed (`title: 'Gala: a package`, or
/// one closed by a backquote): the YAML with that quote closed at the end of the line (a
/// backquote or curly quote ending it taken for the closing quote), with the key, the quote and
/// its byte offset in the YAML. `None` when no line reads so.
fn with_unclosed_quote_closed(yaml: &str) -> Option<(String, &str, char, usize)> {
    for (start, end) in line_spans(yaml) {
        let line = yaml.get(start..end)?.trim_end();
        let Some(key) = key_of(line) else {
            continue;
        };
        let value = line.get(key.len() + 1..)?.trim_start();
        let Some(quote) = value.chars().next().filter(|&c| c == '\'' || c == '"') else {
            continue;
        };
        let inside = value.get(1..)?;
        if inside.contains(quote) || inside.ends_with('\\') {
            continue;
        }
        let quote_at = start + (line.len() - value.len());
        let text = inside.trim_end_matches([
            '`', '\u{b4}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}',
        ]);
        let mut repaired = String::with_capacity(yaml.len() + 1);
        repaired.push_str(yaml.get(..quote_at)?);
        repaired.push(quote);
        repaired.push_str(text);
        repaired.push(quote);
        repaired.push_str(yaml.get(start + line.len()..)?);
        return Some((repaired, key, quote, quote_at));
    }
    None
}

/// Reads the metadata into `paper`. YAML that does not parse is returned as a problem, after
/// reading what the top-level lines still give.
pub(super) fn read(
    text: &str,
    front: &FrontMatter<'_>,
    paper: &mut Paper,
) -> (Metadata, Option<YamlProblem>) {
    match serde_yaml::from_str::<Value>(front.yaml) {
        Ok(Value::Mapping(map)) => (read_mapping(&map, paper), None),
        Ok(Value::Null) => (Metadata::default(), None),
        Ok(_) => (
            Metadata::default(),
            Some(YamlProblem {
                message: unread("the metadata block is not a list of `key: value` lines"),
                help: CORRECT_THE_YAML,
                location: Location::at_offset(text, front.yaml_offset, 0),
            }),
        ),
        Err(error) => {
            if let Some((repaired, key, quote, quote_at)) = with_unclosed_quote_closed(front.yaml)
                && let Ok(Value::Mapping(map)) = serde_yaml::from_str::<Value>(&repaired)
            {
                let problem = YamlProblem {
                    message: format!(
                        "the YAML metadata's `{key}:` value opens a quote ({quote}) it never \
                         closes: read as closed at the end of its line"
                    ),
                    help: "close the quote at the end of the line (Pandoc reads none of the \
                           metadata until it is closed)",
                    location: Location::at_offset(text, front.yaml_offset + quote_at, 1),
                };
                return (read_mapping(&map, paper), Some(problem));
            }
            let offset = front.yaml_offset + error.location().map_or(0, |l| l.index());
            let problem = YamlProblem {
                message: unread(&error.to_string()),
                help: CORRECT_THE_YAML,
                location: Location::at_offset(text, offset, 0),
            };
            (read_line_by_line(front.yaml, paper), Some(problem))
        }
    }
}

/// The message for metadata that could not be read, `why` in brackets.
fn unread(why: &str) -> String {
    format!(
        "the YAML metadata could not be read ({why}): only its `title:`, `date:` and \
         `bibliography:` lines were taken"
    )
}

/// The metadata a mapping gives.
fn read_mapping(map: &Mapping, paper: &mut Paper) -> Metadata {
    let get = |key: &str| map.get(key);
    if let Some(title) = title(map) {
        paper.title = flatten(&without_notes(&title));
    }
    if let Some(subtitle) = get("subtitle").and_then(scalar)
        && !subtitle.trim().is_empty()
    {
        paper.title = after_title(&paper.title, &flatten(&subtitle));
    }
    // `\today` (or any LaTeX command) is the day the PDF was made, not a date the paper
    // gives.
    // Nor is R code run when the document is knitted (`` `r Sys.Date()` ``), nor a flag, nor
    // Quarto's `today`, `now` and `last-modified` (the day it renders). Manubot gives the
    // date as `date-meta`, for Pandoc's HTML template.
    if let Some(date) = get("date")
        .or_else(|| get("date-meta"))
        .filter(|value| !value.is_bool())
        .and_then(scalar)
        .filter(|date| {
            let date = date.trim_start();
            !date.starts_with('\\')
                && !date.starts_with("`r ")
                && !matches!(date.trim_end(), "today" | "now" | "last-modified")
        })
    {
        date.trim().clone_into(&mut paper.date);
    }
    paper.authors = super::authors::read(map);
    for key in ["keywords", "tags"] {
        if let Some(value) = get(key) {
            // JSS gives them `formatted` and `plain`; some templates separate them by `;`.
            let value = plain_or_formatted(value).unwrap_or(value);
            paper.keywords = strings(value)
                .iter()
                .flat_map(|s| s.split([',', ';']).map(|k| flatten(k.trim())))
                .filter(|s| !s.is_empty())
                .collect();
            break;
        }
    }
    if let Some(text) = get("abstract").and_then(scalar) {
        paper.abstract_text = flatten(&text);
    }
    let mut metadata = Metadata {
        bibliography: get("bibliography").map(strings).unwrap_or_default(),
        ..Metadata::default()
    };
    for nocite in get("nocite").map(strings).unwrap_or_default() {
        for word in nocite.split([',', ';', ' ']) {
            let key = word.trim().trim_start_matches('@');
            if key == "*" {
                metadata.nocite_all = true;
            } else if !key.is_empty() {
                metadata.nocite.push(key.to_owned());
            }
        }
    }
    metadata.references = get("references")
        .and_then(|value| serde_json::to_value(value).ok())
        .filter(serde_json::Value::is_array);
    metadata.float_kinds = get("crossref").map(custom_kinds).unwrap_or_default();
    metadata.value_files = get("metadata-files").map(strings).unwrap_or_default();
    metadata.header = Value::Mapping(map.clone());
    if let Some(Value::Mapping(aliases)) = get("citekey-aliases") {
        metadata.key_aliases = aliases
            .iter()
            .filter_map(|(key, target)| Some((scalar(key)?, scalar(target)?)))
            .map(|(key, target)| (key.trim().to_owned(), target.trim().to_owned()))
            .collect();
    }
    metadata
}

/// The kinds of float Quarto's `crossref: {custom: [{kind: float, key: suppfig,
/// reference-prefix: Supplementary Figure}]}` declares; without a `reference-prefix`, a
/// reference prints the key capitalised, as Quarto does.
fn custom_kinds(crossref: &Value) -> Vec<CustomKind> {
    let Some(Value::Sequence(custom)) = crossref.get("custom") else {
        return Vec::new();
    };
    custom
        .iter()
        .filter(|kind| {
            kind.get("kind")
                .and_then(scalar)
                .is_none_or(|k| k.trim() == "float")
        })
        .filter_map(|kind| {
            let key = kind.get("key").and_then(scalar)?.trim().to_owned();
            if key.is_empty() || key.contains(char::is_whitespace) {
                return None;
            }
            let prefix = kind
                .get("reference-prefix")
                .and_then(scalar)
                .map(|prefix| flatten(prefix.trim()))
                .filter(|prefix| !prefix.is_empty())
                .unwrap_or_else(|| {
                    let mut chars = key.chars();
                    chars
                        .next()
                        .map(|first| first.to_uppercase().chain(chars).collect())
                        .unwrap_or_default()
                });
            Some(CustomKind { key, prefix })
        })
        .collect()
}

/// The title: `title`, given plain or formatted (`title: {formatted: …, plain: …}`, as the
/// Journal of Statistical Software's template writes it), or `title_full`.
fn title(map: &Mapping) -> Option<String> {
    match map.get("title") {
        Some(value) => scalar(plain_or_formatted(value).unwrap_or(value)),
        None => map.get("title_full").and_then(scalar),
    }
}

/// The `plain` (else `formatted`) form of a value given both ways.
fn plain_or_formatted(value: &Value) -> Option<&Value> {
    let Value::Mapping(forms) = value else {
        return None;
    };
    forms.get("plain").or_else(|| forms.get("formatted"))
}

/// A title without the notes LaTeX sets under it (`Title\thanks{Funded by X.}`).
fn without_notes(title: &str) -> String {
    let mut out = title.to_owned();
    for command in ["\\thanks{", "\\footnote{"] {
        while let Some(start) = out.find(command) {
            let open = start + command.len() - 1;
            let Some(close) = out.get(open..).and_then(super::latex::group_end) else {
                break;
            };
            out.replace_range(start..=open + close, "");
        }
    }
    out
}

/// When the YAML does not parse: the top-level `title:`, `date:` and `bibliography:` lines,
/// each read on its own.
fn read_line_by_line(yaml: &str, paper: &mut Paper) -> Metadata {
    let mut metadata = Metadata::default();
    for line in yaml.lines() {
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = match serde_yaml::from_str::<Value>(value) {
            Ok(value) => scalar(&value).unwrap_or_default(),
            Err(_) => value.trim().trim_matches(['"', '\'']).to_owned(),
        };
        match key.trim() {
            "title" => paper.title = flatten(&value),
            "date" if !value.trim_start().starts_with('\\') => {
                value.trim().clone_into(&mut paper.date);
            }
            "bibliography" if !value.trim().is_empty() => {
                metadata.bibliography.push(value.trim().to_owned());
            }
            _ => {}
        }
    }
    metadata
}

/// A scalar as text (strings, numbers, booleans).
pub(super) fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(tagged) => scalar(&tagged.value),
        _ => None,
    }
}

/// A scalar or a list of scalars as a list of strings.
pub(super) fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other).into_iter().collect(),
    }
}

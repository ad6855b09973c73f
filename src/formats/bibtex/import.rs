//! Reading a `.bib` file entry by entry, so that one broken entry cannot take its neighbours
//! with it: each is checked for syntax and against the [`limits`](super::limits), a bad one is
//! reported with its line and blanked out, and the rest is parsed as one bibliography.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use biblatex::{
    Bibliography, ChunksExt, EntryType, ParseError, ParseErrorKind, RawBibliography, Token,
};

use crate::corpus::diagnostics::{Code, Diagnostic, LineIndex};
use crate::formats::import::Imported;

use super::latex::protect_literals;
use super::limits::{
    MAX_BRACE_DEPTH, abbreviation_problems, heirs, inheritance_budget_problems,
    inheritance_problems, too_deep,
};
use super::reference::to_reference;

/// How many abbreviations no `@string` defines are read as written in one file.
const MAX_READ_AS_WRITTEN: usize = 32;

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
    crate::crash::recover("reading a BibTeX file", || import_checked(text)).unwrap_or_else(|| {
        let mut imported = Imported::default();
        imported.diagnostics.push(Diagnostic::error(
            Code::BibtexSyntax,
            "the BibTeX parser could not read this file",
            "check the file in a BibTeX editor (e.g. JabRef) and fix the entries it reports",
        ));
        imported
    })
}

/// Reads `text` in the steps the module documentation describes.
fn import_checked(text: &str) -> Imported {
    let mut reading = Reading::new(text);
    reading.skip_unparsable_entries();
    reading.skip_duplicates_and_entries_past_limits();
    if let Some(bibliography) = reading.parse_the_rest() {
        reading.read_entries(&bibliography);
    }
    reading.imported
}

/// A `.bib` file being read: its text cut into pieces, a working copy in which skipped pieces
/// are blanked out, and what has been read and reported so far.
struct Reading<'t> {
    /// The file's text.
    text: &'t str,
    /// Where each line of `text` starts: locating each entry from the start of the text would
    /// make a long file quadratic.
    lines: LineIndex<'t>,
    /// The entries, and the text before the first, in order.
    pieces: Vec<Piece>,
    /// `text` with every skipped piece blanked, line breaks kept, so that offsets still match.
    working: String,
    /// The references read and the problems reported.
    imported: Imported,
}

impl<'t> Reading<'t> {
    /// `text` cut into pieces at the start of each entry, nothing read yet.
    fn new(text: &'t str) -> Self {
        let mut boundaries = vec![0];
        boundaries.extend(entry_starts(text).into_iter().filter(|&s| s > 0));
        boundaries.push(text.len());
        let pieces = boundaries
            .windows(2)
            .filter_map(|pair| match *pair {
                [start, end] if end > start => Some(Piece {
                    start,
                    end,
                    skipped: false,
                }),
                _ => None,
            })
            .collect();
        Self {
            text,
            lines: LineIndex::new(text),
            pieces,
            working: text.to_owned(),
            imported: Imported::default(),
        }
    }

    /// 1. Syntax, entry by entry, so that one broken entry cannot take its neighbours with it.
    fn skip_unparsable_entries(&mut self) {
        for i in 0..self.pieces.len() {
            let Some(piece) = self.pieces.get(i).copied() else {
                continue;
            };
            let Some(slice) = self.text.get(piece.start..piece.end) else {
                continue;
            };
            if let Some(at) = too_deep(slice) {
                let problem = Problem {
                    code: Code::SkippedEntry,
                    what: format!("braces nest more than {MAX_BRACE_DEPTH} levels deep"),
                    hint: "a real entry never needs that many; check the file for damage",
                    at: piece.start + at,
                };
                self.skip(i, &problem);
            } else if let Err(error) = RawBibliography::parse(slice) {
                self.skip(i, &Problem::from_parse_error(&error, piece.start));
            }
        }
    }

    /// 2. Duplicate keys (the first entry wins, as in BibTeX), then the entries past the
    ///    limits of [`super::limits`].
    fn skip_duplicates_and_entries_past_limits(&mut self) {
        let snapshot = self.working.clone();
        let Ok(raw) = RawBibliography::parse(&snapshot) else {
            return;
        };
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
            if let Some(i) = self.piece_at(at) {
                let first_line = self.lines.location(first_at, 0).line;
                let error = ParseError {
                    span: at..at,
                    kind: ParseErrorKind::DuplicateKey(format!(
                        "{key}` (first at line {first_line})"
                    )),
                };
                self.skip(i, &Problem::from_parse_error(&error, 0));
            }
        }
        let heirs = heirs(&raw, &first);
        let limited = [
            // Abbreviations that refer back to themselves, nest absurdly deep or expand to an
            // absurd size (`@string{a = b # b}`, `@string{b = c # c}` …): the parser resolves
            // them recursively, so they would overflow its stack or exhaust memory.
            (
                abbreviation_problems(&raw),
                "define each `@string` from text and earlier `@string`s, never from itself",
            ),
            // Inheritance that loops (or runs absurdly deep) would never finish resolving.
            (
                inheritance_problems(&heirs),
                "make `crossref` (and `xdata`) point to an entry that does not refer back",
            ),
            // Inheritance copies the parent's fields into every child: many children of a
            // large parent would multiply a small file into gigabytes.
            (
                inheritance_budget_problems(&heirs),
                "a parent entry shared by many children should hold only short fields",
            ),
        ];
        for (problems, hint) in limited {
            for (at, what) in problems {
                if let Some(i) = self.unskipped_piece_at(at) {
                    let problem = Problem {
                        code: Code::SkippedEntry,
                        what,
                        hint,
                        at,
                    };
                    self.skip(i, &problem);
                }
            }
        }
    }

    /// 3. Abbreviations, cross-references and field contents, over the whole file: an entry
    ///    that fails is skipped and the file read again. `None` when what fails is outside
    ///    any entry still read (then reported as an error).
    fn parse_the_rest(&mut self) -> Option<Bibliography> {
        let mut defined: HashSet<String> = HashSet::new();
        let bibliography = loop {
            match Bibliography::parse(&self.working) {
                Ok(bibliography) => break bibliography,
                Err(error) => {
                    let at = error.span.start;
                    if let ParseErrorKind::UnknownAbbreviation(name) = &error.kind
                        && self.read_as_written(name, at, &mut defined)
                    {
                        continue;
                    }
                    let Some(i) = self.unskipped_piece_at(at) else {
                        self.imported.diagnostics.push(
                            Diagnostic::error(
                                Code::BibtexSyntax,
                                format!("the file cannot be read as BibTeX: {}", error.kind),
                                "fix the file at this point",
                            )
                            .located(self.lines.location(at, 1)),
                        );
                        return None;
                    };
                    self.skip(i, &Problem::from_parse_error(&error, 0));
                }
            }
        };
        // Read once more with literal specials (`\{`, `\textasciitilde` …) set apart, so that
        // decoding the LaTeX the parser leaves cannot mistake them for syntax.
        Some(Bibliography::parse(&protect_literals(&self.working)).unwrap_or(bibliography))
    }

    /// An abbreviation no `@string` defines (`month = November`, `journal = apj`), used at
    /// byte `at`: read as its own name, as BibTeX keeps the entry, and reported. Defined at
    /// the end of the working copy, so that every offset before stays as it is. `false` when
    /// it cannot be (a name that is not a plain word, or one defined already).
    fn read_as_written(&mut self, name: &str, at: usize, defined: &mut HashSet<String>) -> bool {
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'));
        // Each one read so costs a parse of the whole file again: past a few, the entries
        // using more are skipped as before, so a hostile file stays quick.
        if !plain || defined.len() >= MAX_READ_AS_WRITTEN || !defined.insert(name.to_owned()) {
            return false;
        }
        let _ = write!(self.working, "\n@string{{{name} = {{{name}}}}}\n");
        let location = self.lines.location(at, 1);
        self.imported.diagnostics.push(
            Diagnostic::warning(
                Code::ImportIncomplete,
                format!(
                    "`{name}` is not a defined @string abbreviation: read as the text `{name}`"
                ),
                "put the value in braces (`{November}`), or define it with \
                 `@string{name = {…}}` before the entries",
            )
            .located(location),
        );
        true
    }

    /// 4. Each entry of `bibliography` as a reference located at its line (sets and `xdata`
    ///    entries left out); a `crossref` to no entry is reported.
    fn read_entries(&mut self, bibliography: &Bibliography) {
        // Where each entry starts, for diagnostics.
        let mut offsets: HashMap<String, usize> = HashMap::new();
        if let Ok(raw) = RawBibliography::parse(&self.working) {
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
            let head_len = self
                .text
                .get(offset..)
                .and_then(|rest| rest.find(['\n', ',']))
                .unwrap_or(0);
            let location = self.lines.location(offset, head_len);
            if let Some(parent) = entry.get("crossref").map(ChunksExt::format_verbatim)
                && !keys.contains(parent.trim())
            {
                self.imported.diagnostics.push(
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
            self.imported.push(to_reference(entry), location);
        }
    }

    /// The index of the piece holding byte `at` (pieces are in order and do not overlap).
    fn piece_at(&self, at: usize) -> Option<usize> {
        let i = self.pieces.partition_point(|p| p.end <= at);
        self.pieces.get(i).filter(|p| p.start <= at).map(|_| i)
    }

    /// The index of the piece holding byte `at`, unless that piece is skipped already.
    fn unskipped_piece_at(&self, at: usize) -> Option<usize> {
        self.piece_at(at)
            .filter(|&i| self.pieces.get(i).is_some_and(|p| !p.skipped))
    }

    /// Reports piece `i` as skipped for `problem` and blanks it in the working copy, keeping
    /// every line break so that later offsets still match the file.
    fn skip(&mut self, i: usize, problem: &Problem) {
        let Some(piece) = self.pieces.get_mut(i) else {
            return;
        };
        piece.skipped = true;
        let (start, end) = (piece.start, piece.end);
        let original = self.text.get(start..end).unwrap_or_default();
        let head: String = original
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .chars()
            .take(60)
            .collect();
        let at = self.lines.location(problem.at, 0);
        let entry_location = self.lines.location(start, head.len());
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
        self.imported
            .diagnostics
            .push(Diagnostic::warning(problem.code, message, hint).located(entry_location));
        let blanked: String = original
            .chars()
            .map(|c| {
                if c == '\n' {
                    "\n".to_owned()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        if self.working.is_char_boundary(start) && self.working.is_char_boundary(end) {
            self.working.replace_range(start..end, &blanked);
        }
    }
}

/// Why an entry is skipped: the code, what is wrong, what to do, and the byte offset it is at.
struct Problem {
    code: Code,
    what: String,
    hint: &'static str,
    at: usize,
}

impl Problem {
    /// What a parse error (whose span is relative to `base`) says is wrong.
    fn from_parse_error(error: &ParseError, base: usize) -> Self {
        let (what, hint) = describe(&error.kind);
        let code = if matches!(error.kind, ParseErrorKind::DuplicateKey(_)) {
            Code::DuplicateId
        } else {
            Code::SkippedEntry
        };
        Self {
            code,
            what,
            hint,
            at: base + error.span.start,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn how_a_work_was_published_is_its_publisher_or_its_address() {
        let text = r"@misc{ternary2017, author = {Paramonov, Pavel}, year = {2017},
  publisher = {Ternary Intelligence Inc.},
  howpublished = {Private communication, {Chief Science and Technology Officer}}}
@misc{repo, title = {gmr}, year = {2020}, howpublished = {\url{https://github.com/a_b/gmr}}}
@misc{both, title = {T}, url = {https://x.org}, howpublished = {\url{https://x.org}}}
@misc{plain, title = {T}, howpublished = {GitHub repository}}
@misc{software, title = {T}, url = {https://doi.org/10.1/x}, institution = {SSRN},
  howpublished = {[Computer Software] https://doi.org/10.1/x}}";
        let references = import(text).without_diagnostics();
        let read: Vec<(&str, &str, &str)> = references
            .iter()
            .map(|r| (r.id.as_str(), r.publisher.as_str(), r.url.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "ternary2017",
                    "Private communication, Chief Science and Technology Officer; Ternary \
                     Intelligence Inc.",
                    ""
                ),
                ("repo", "", "https://github.com/a_b/gmr"),
                ("both", "", "https://x.org"),
                ("plain", "GitHub repository", ""),
                (
                    "software",
                    "[Computer Software]; SSRN",
                    "https://doi.org/10.1/x"
                ),
            ]
        );
        assert!(
            references.iter().all(
                |r| !r.extra.contains_key("howpublished") && !r.extra.contains_key("authority")
            )
        );
    }

    #[test]
    fn a_broken_entry_is_skipped_and_its_neighbours_load() {
        let text = "@string{j = {J. Test}}\n\n@article{good1, title = {One}, journal = j, year = 2000}\n\n@article{bad, title = {Two} year = 2001}\n\n@article{good2, title = {Three}, journal = undefinedabbrev, year = 2002}\n\n@book{good3, title = {Four}, year = 2003}\n";
        let imported = import(text);
        // An abbreviation no `@string` defines is read as written, as BibTeX keeps the entry.
        assert_eq!(imported.ids(), ["good1", "good2", "good3"]);
        assert_eq!(imported.references[0].container_title, "J. Test");
        assert_eq!(imported.references[1].container_title, "undefinedabbrev");
        assert_eq!(
            imported.diagnostic_lines(),
            [5, 7],
            "{:?}",
            imported.diagnostics
        );
        assert!(imported.diagnostics.iter().all(|d| !d.is_error()));
        assert!(
            imported.diagnostics[1]
                .message
                .contains("`undefinedabbrev` is not a defined @string abbreviation: read as")
        );
    }

    #[test]
    fn past_a_few_undefined_abbreviations_the_entries_using_them_are_skipped() {
        use std::fmt::Write as _;
        let mut text = String::from("@book{good, title = {Good}, year = 2000}\n");
        for entry in 0..40 {
            let fields: String = (0..50).fold(String::new(), |mut out, field| {
                let _ = write!(out, ", f{field} = u{entry}x{field}");
                out
            });
            let _ = writeln!(text, "@book{{e{entry}, title = {{T}}{fields}}}");
        }
        let started = std::time::Instant::now();
        let imported = import(&text);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        assert!(imported.ids().contains(&"good"));
        let read_as_written = imported
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("read as the text"))
            .count();
        assert_eq!(read_as_written, MAX_READ_AS_WRITTEN);
    }

    #[test]
    fn a_month_written_out_without_braces_is_read_as_written() {
        let text = "@phdthesis{t, author = {Gent, A.}, title = {Waves}, school = {Uni},\n  year = 2012, month = November}\n@book{b, title = {B}, year = 2, month = nov}\n";
        let imported = import(text);
        assert_eq!(imported.ids(), ["t", "b"]);
        assert_eq!(
            imported.diagnostic_lines(),
            [2],
            "{:?}",
            imported.diagnostics
        );
    }

    #[test]
    fn sets_are_skipped_and_duplicates_reported() {
        let text = "@set{s, entryset = {a,b}}\n@book{a, title = {A}, year = 1}\n@book{b, title = {B}, year = 2}\n@book{a, title = {Again}, year = 3}\n";
        let imported = import(text);
        assert_eq!(imported.titles(), ["A", "B"]);
        assert_eq!(imported.diagnostics.len(), 1);
        assert_eq!(imported.diagnostics[0].code, Code::DuplicateId);
        assert_eq!(imported.diagnostics[0].location.map(|l| l.line), Some(4));
    }
}

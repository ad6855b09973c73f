//! Inline Markdown, second pass: the text of [`super::inline`] split by the corpus citation
//! parser into plain text ([`Span::Text`]) and Pandoc citations kept exactly as written
//! ([`Span::Marked`]); inline math `$…$` as [`Span::Math`]; footnote markers as
//! [`Span::Footnote`] with their notes read once, in the order they are first referred to.
//! Cross-references (`@fig:x`, `@tbl:x`, `@eq:x`, `@sec:x`) are text: what they print when they
//! name a figure, table or equation of the paper's ([`super::crossref`]), else as written.

use std::collections::{HashMap, HashSet};

use crate::corpus::citations::{self, Group, Piece};
use crate::corpus::counted;
use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::formats::paper::{Rich, Span};

use super::crossref::Targets;
use super::inline::{
    Known, LITERAL_AT, LITERAL_BACKSLASH, LITERAL_BRACKET, LITERAL_DOLLAR, LITERAL_SEMICOLON,
    NOTE_END, NOTE_START, NoteRef, RawChunk, scan,
};

/// A paragraph's pieces: running text, or display math standing in it.
#[derive(Clone, Debug)]
pub(super) enum Chunk {
    /// Running text.
    Text(Rich),
    /// Display math: TeX and label.
    Math {
        /// The TeX source.
        tex: String,
        /// The label (`eq:x`), or empty.
        label: String,
    },
}

/// Reads inline text for the whole paper: remembers the keys cited and the footnotes met.
pub(super) struct Inlines {
    footnote_text: HashMap<String, String>,
    labels: HashSet<String>,
    targets: Targets,
    unresolved: Vec<String>,
    /// Inline code run for a value when the paper is rendered (`` `r n` ``), kept as written.
    computed: Vec<String>,
    used_notes: HashSet<String>,
    inline_notes: usize,
    pending: Vec<(String, String, Rich)>,
    notes_numbered: usize,
    cited: Vec<String>,
    cited_set: HashSet<String>,
    malformed: Vec<String>,
    brackets_around_keys: Vec<String>,
    commas_read_as_semicolons: usize,
    keys_given_their_at: Vec<String>,
}

/// The pandoc-crossref prefixes: `@fig:x` names a figure, not a work.
const CROSS_REFERENCE_PREFIXES: [&str; 10] = [
    "fig:", "tbl:", "eq:", "sec:", "lst:", "fig-", "tbl-", "eq-", "sec-", "lst-",
];

/// Whether `key` is a pandoc-crossref (`fig:x`) or Quarto (`fig-x`) label rather than a
/// citation key.
pub(super) fn is_cross_reference(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    CROSS_REFERENCE_PREFIXES
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

/// Inline text flattened to what it prints (for metadata: title, author names, abstract).
pub(super) fn flatten(text: &str) -> String {
    Inlines::new(HashMap::new(), HashSet::new(), Targets::default())
        .rich(text)
        .plain()
}

impl Inlines {
    /// A reader knowing the footnotes defined (id → raw text), link labels (lower case) and
    /// the labels of the paper's figures, tables and equations.
    pub(super) fn new(
        footnote_text: HashMap<String, String>,
        labels: HashSet<String>,
        targets: Targets,
    ) -> Self {
        Self {
            footnote_text,
            labels,
            targets,
            unresolved: Vec::new(),
            computed: Vec::new(),
            used_notes: HashSet::new(),
            inline_notes: 0,
            pending: Vec::new(),
            notes_numbered: 0,
            cited: Vec::new(),
            cited_set: HashSet::new(),
            malformed: Vec::new(),
            brackets_around_keys: Vec::new(),
            commas_read_as_semicolons: 0,
            keys_given_their_at: Vec::new(),
        }
    }

    /// A paragraph's text split at its display math.
    pub(super) fn chunks(&mut self, text: &str) -> Vec<Chunk> {
        self.read(text, true, false)
    }

    /// Inline text (a heading, a caption, a cell) as one piece, display math kept as written.
    pub(super) fn rich(&mut self, text: &str) -> Rich {
        let mut rich = Rich::default();
        for chunk in self.read(text, false, false) {
            if let Chunk::Text(text) = chunk {
                rich.extend(text);
            }
        }
        rich
    }

    /// The footnotes first referred to since the last call: id, printed marker, text.
    pub(super) fn take_notes(&mut self) -> Vec<(String, String, Rich)> {
        std::mem::take(&mut self.pending)
    }

    /// Lets the footnote `id` be read again where it is next marked (it was taken for a
    /// table's note).
    pub(super) fn release_note(&mut self, id: &str) {
        self.used_notes.remove(id);
    }

    /// The labels of cross-references that name no figure, table or equation of the paper's
    /// (kept as written in the text): text by text, each one's LaTeX commands before its
    /// pandoc-crossref keys.
    /// The inline code met that knitr or Quarto runs for a value, as written.
    pub(super) fn computed(&self) -> &[String] {
        &self.computed
    }

    pub(super) fn unresolved(&self) -> &[String] {
        &self.unresolved
    }

    /// What the text wrote of its citations otherwise than Pandoc reads them, and how each
    /// was read: keys separated by commas (`[@a, @b]`) and entries without their `@`
    /// (`[smith2020; @b]`) read as groups; a bracket with an entry holding no key
    /// (`[Negishi weights; @negishi1960]`) read as Pandoc reads it, as text around in-text
    /// citations; a group that is none otherwise (`[@a @b]`) kept as printed text.
    pub(super) fn citation_slips(&self) -> Vec<Diagnostic> {
        let mut slips = Vec::new();
        if self.commas_read_as_semicolons > 0 {
            slips.push(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} with keys separated by commas (`[@a, @b]`) read as citation groups \
                     (`[@a; @b]`)",
                    counted(self.commas_read_as_semicolons, "text")
                ),
                "separate the keys with `;` in the source, as Pandoc reads them",
            ));
        }
        if let Some(first) = self.keys_given_their_at.first() {
            slips.push(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} of citation groups written without `@` (`{first}`) read as keys",
                    counted(self.keys_given_their_at.len(), "entry")
                ),
                "write each entry of a citation group with its `@` (`[@a; @b]`) in the \
                 source: Pandoc prints a group with one left out as text",
            ));
        }
        if let Some(first) = self.brackets_around_keys.first() {
            // One line for them all, naming the first.
            let others = self.brackets_around_keys.len() - 1;
            let also = if others == 0 {
                String::new()
            } else {
                format!(" (and {} like it)", counted(others, "other bracket"))
            };
            slips.push(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{first}{also}: its words kept as printed text and each `@key` in it read \
                     as a citation in the running text, as Pandoc reads it"
                ),
                "to cite in the group instead, write each entry of it as one `@key` \
                 (`[see @a, p. 3; @b]`)",
            ));
        }
        for message in &self.malformed {
            slips.push(Diagnostic::warning(
                Code::ImportIncomplete,
                format!("{message}: kept as printed text"),
                "write a citation group as `[@a; @b]`, each entry one `@key` (`[see @a, p. 3]`)",
            ));
        }
        slips
    }

    /// The keys the text cites (not cross-references), in the order first cited.
    pub(super) fn cited(&self) -> &[String] {
        &self.cited
    }

    fn read(&mut self, text: &str, split_math: bool, in_note: bool) -> Vec<Chunk> {
        let known = Known {
            footnotes: &self.footnote_text,
            labels: &self.labels,
            targets: &self.targets,
        };
        let mut scanned = scan(text, &known, split_math, in_note);
        self.unresolved.append(&mut scanned.unresolved);
        self.computed.append(&mut scanned.computed);
        scanned
            .chunks
            .into_iter()
            .map(|chunk| match chunk {
                RawChunk::Text(text) => Chunk::Text(self.spans(&text, &scanned.notes)),
                RawChunk::Math { tex, label } => Chunk::Math {
                    tex: plain(&tex),
                    label,
                },
            })
            .collect()
    }

    /// Text of the first pass as spans: footnote markers, then citations in what is between.
    fn spans(&mut self, text: &str, notes: &[NoteRef]) -> Rich {
        let mut rich = Rich::default();
        let mut rest = text;
        while let Some(start) = rest.find(NOTE_START) {
            self.citations(rest.get(..start).unwrap_or_default(), &mut rich);
            let after = rest
                .get(start + NOTE_START.len_utf8()..)
                .unwrap_or_default();
            let Some(end) = after.find(NOTE_END) else {
                rest = after;
                continue;
            };
            let index: Option<usize> = after.get(..end).and_then(|n| n.parse().ok());
            if let Some(note) = index.and_then(|i| notes.get(i)) {
                let id = self.note(note);
                rich.push(Span::Footnote(id));
            }
            rest = after.get(end + NOTE_END.len_utf8()..).unwrap_or_default();
        }
        self.citations(rest, &mut rich);
        rich
    }

    /// The footnote `note` names, read the first time it is met; its id.
    fn note(&mut self, note: &NoteRef) -> String {
        match note {
            NoteRef::Defined(id) => {
                if self.used_notes.insert(id.clone()) {
                    let raw = self.footnote_text.get(id).cloned().unwrap_or_default();
                    let mut text = Rich::default();
                    for chunk in self.read(&raw, false, true) {
                        if let Chunk::Text(chunk) = chunk {
                            text.extend(chunk);
                        }
                    }
                    self.notes_numbered += 1;
                    self.pending
                        .push((id.clone(), self.notes_numbered.to_string(), text));
                }
                id.clone()
            }
            NoteRef::Inline(scanned) => {
                let id = loop {
                    self.inline_notes += 1;
                    let id = format!("note-{}", self.inline_notes);
                    if !self.footnote_text.contains_key(&id) {
                        break id;
                    }
                };
                let text = self.spans(scanned, &[]);
                self.notes_numbered += 1;
                self.used_notes.insert(id.clone());
                self.pending
                    .push((id.clone(), self.notes_numbered.to_string(), text));
                id
            }
        }
    }

    /// Plain text and the Pandoc citations in it.
    fn citations(&mut self, text: &str, rich: &mut Rich) {
        if text.is_empty() {
            return;
        }
        let (pieces, errors) = citations::parse(text);
        if !errors.is_empty()
            && let Some(repaired) = keys_split_by_commas(text, &pieces)
        {
            self.commas_read_as_semicolons += 1;
            self.citations(&repaired, rich);
            return;
        }
        if !errors.is_empty()
            && let Some((repaired, keys)) = keys_without_at(text, &pieces)
        {
            self.keys_given_their_at.extend(keys);
            self.citations(&repaired, rich);
            return;
        }
        if errors.iter().any(|error| error.keys_cite_in_text) {
            // Pandoc's reading of a bracket with an entry holding no key: the bracket is text
            // (its `[` escaped here) and each `@key` in it a citation in the running text.
            let mut escaped = String::with_capacity(text.len() + errors.len());
            let mut from = 0;
            for error in errors.iter().filter(|error| error.keys_cite_in_text) {
                escaped.push_str(text.get(from..error.offset).unwrap_or_default());
                escaped.push('\\');
                from = error.offset;
                self.brackets_around_keys.push(plain(&error.message));
            }
            escaped.push_str(text.get(from..).unwrap_or_default());
            self.citations(&escaped, rich);
            return;
        }
        self.malformed
            .extend(errors.iter().map(|error| plain(&error.message)));
        for piece in pieces {
            match piece {
                Piece::Text(text) => rich.push_text(&plain(text)),
                Piece::Numeric(marker) => rich.push_text(&plain(marker.written)),
                Piece::Footnote { range, .. } => {
                    rich.push_text(&plain(text.get(range).unwrap_or_default()));
                }
                Piece::Math { tex, .. } => rich.push(Span::Math(plain(tex))),
                Piece::Group(group) => {
                    let written = text.get(group.range.clone()).unwrap_or_default();
                    if group
                        .cites
                        .iter()
                        .all(|cite| self.targets.is_label(cite.key))
                    {
                        let before = text.get(..group.range.start).unwrap_or_default();
                        let named = follows_a_kind_s_name(before);
                        rich.push_text(&self.cross_reference(&group, written, named));
                        continue;
                    }
                    for cite in &group.cites {
                        if !self.targets.is_label(cite.key)
                            && self.cited_set.insert(cite.key.to_owned())
                        {
                            self.cited.push(cite.key.to_owned());
                        }
                    }
                    rich.push(Span::Marked(marked(written)));
                }
            }
        }
    }
}

impl Inlines {
    /// What a pandoc-crossref group prints (`[see @fig:x]` → `see fig. 2`), its numbers alone
    /// after the kind's name the text writes (`named`); as written when it names anything the
    /// paper does not label.
    fn cross_reference(&mut self, group: &Group<'_>, written: &str, named: bool) -> String {
        let keys: Vec<&str> = group.cites.iter().map(|cite| cite.key).collect();
        let suppressed = named || group.cites.iter().all(|cite| cite.suppress_author);
        let Some(printed) = self.targets.crossref(&keys, suppressed) else {
            self.unresolved
                .extend(keys.iter().map(|&key| key.to_owned()));
            return plain(written);
        };
        let first = group.cites.first();
        let last = group.cites.last();
        let around = [
            first.map_or("", |cite| cite.prefix),
            printed.as_str(),
            last.map_or("", |cite| cite.locator),
            last.map_or("", |cite| cite.suffix),
        ];
        let words: Vec<&str> = around.into_iter().filter(|part| !part.is_empty()).collect();
        plain(&words.join(" "))
    }
}

/// Whether `before` ends with the name of a kind of thing a paper numbers and a space
/// (`Figure @fig:x`, as Manubot's manuscripts write it for pandoc-fignos, which prints the
/// number alone): what follows prints its number, not the name again ("Figure 1", not
/// "Figure fig. 1").
fn follows_a_kind_s_name(before: &str) -> bool {
    const NAMES: [&str; 14] = [
        "figure",
        "figures",
        "fig.",
        "figs.",
        "table",
        "tables",
        "tbl.",
        "tab.",
        "equation",
        "equations",
        "eq.",
        "eqs.",
        "eqn.",
        "eqns.",
    ];
    let Some(stripped) = before.strip_suffix([' ', '\u{a0}']) else {
        return false;
    };
    let word = stripped
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .to_lowercase();
    NAMES.contains(&word.as_str())
}

/// `text` with the commas between keys of a bracket that is not a citation group made `;`
/// (`[@a, @b]`, a common slip for `[@a; @b]`); `None` when no bracket reads so.
fn keys_split_by_commas(text: &str, pieces: &[Piece<'_>]) -> Option<String> {
    rewrite_brackets(text, pieces, |inner| {
        let keys: Vec<&str> = inner.split(',').map(str::trim).collect();
        let all_keys = keys.len() > 1
            && keys.iter().all(|key| {
                key.strip_prefix('@').is_some_and(|k| {
                    !k.is_empty() && !k.contains(|c: char| c.is_whitespace() || c == '@')
                })
            });
        all_keys.then(|| keys.join("; "))
    })
}

/// `text` with the `@` put back before each entry of a citation group written without it
/// (`[RamellaRoman2005; @vanTurnhout2009]`, a slip Pandoc prints as text): an entry that is one
/// key-like word holding a year (letters, then four digits; `_`, `:`, `.`, `-` allowed) in a
/// bracket whose other entries are `@key`s. `None` when no bracket reads so; else the text and
/// the keys given their `@`.
fn keys_without_at(text: &str, pieces: &[Piece<'_>]) -> Option<(String, Vec<String>)> {
    let is_bare_key = |entry: &str| {
        let starts_with_letter = entry.chars().next().is_some_and(char::is_alphabetic);
        let key_chars = entry
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '.' | '-'));
        let holds_a_year = entry
            .as_bytes()
            .windows(4)
            .any(|four| four.iter().all(u8::is_ascii_digit));
        starts_with_letter && key_chars && holds_a_year
    };
    let mut keys = Vec::new();
    let repaired = rewrite_brackets(text, pieces, |inner| {
        let entries: Vec<&str> = inner.split(';').map(str::trim).collect();
        let keyed = entries.len() > 1
            && entries.iter().any(|entry| is_bare_key(entry))
            && entries
                .iter()
                .all(|entry| is_bare_key(entry) || entry.contains('@'));
        if !keyed {
            return None;
        }
        let entries: Vec<String> = entries
            .iter()
            .map(|entry| {
                if is_bare_key(entry) {
                    keys.push((*entry).to_owned());
                    format!("@{entry}")
                } else {
                    (*entry).to_owned()
                }
            })
            .collect();
        Some(entries.join("; "))
    })?;
    Some((repaired, keys))
}

/// `text` with the inside of each bracket in its plain text (`[` … `]`, no bracket nested)
/// replaced by what `rewrite` makes of it; `None` when it rewrites none.
fn rewrite_brackets(
    text: &str,
    pieces: &[Piece<'_>],
    mut rewrite: impl FnMut(&str) -> Option<String>,
) -> Option<String> {
    let mut repaired = String::with_capacity(text.len() + 8);
    let mut changed = false;
    for piece in pieces {
        let Piece::Text(part) = piece else {
            repaired.push_str(piece_text(text, piece));
            continue;
        };
        let mut rest = *part;
        // Each `]` closes the last `[` before it.
        while let Some(close) = rest.find(']') {
            let Some(open) = rest.get(..close).and_then(|before| before.rfind('[')) else {
                repaired.push_str(rest.get(..=close).unwrap_or_default());
                rest = rest.get(close + 1..).unwrap_or_default();
                continue;
            };
            let inner = rest.get(open + 1..close).unwrap_or_default();
            repaired.push_str(rest.get(..=open).unwrap_or_default());
            match rewrite(inner) {
                Some(rewritten) => {
                    repaired.push_str(&rewritten);
                    changed = true;
                }
                None => repaired.push_str(inner),
            }
            repaired.push(']');
            rest = rest.get(close + 1..).unwrap_or_default();
        }
        repaired.push_str(rest);
    }
    changed.then_some(repaired)
}

/// The text a piece of `text` stands for.
fn piece_text<'t>(text: &'t str, piece: &Piece<'t>) -> &'t str {
    match piece {
        Piece::Text(part) => part,
        Piece::Numeric(marker) => marker.written,
        Piece::Group(group) => text.get(group.range.clone()).unwrap_or_default(),
        Piece::Footnote { range, .. } | Piece::Math { range, .. } => {
            text.get(range.clone()).unwrap_or_default()
        }
    }
}

/// First-pass text as plain text: stand-ins back to the characters they stand for.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            LITERAL_BRACKET => '[',
            LITERAL_AT => '@',
            LITERAL_BACKSLASH => '\\',
            LITERAL_DOLLAR => '$',
            LITERAL_SEMICOLON => ';',
            c => c,
        })
        .collect()
}

/// First-pass text inside a citation, in the corpus syntax: literal `[` and `@` escaped.
fn marked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            LITERAL_BRACKET => out.push_str("\\["),
            LITERAL_AT => out.push_str("\\@"),
            LITERAL_BACKSLASH => out.push('\\'),
            LITERAL_DOLLAR => out.push_str("\\$"),
            LITERAL_SEMICOLON => out.push_str("\\;"),
            c => out.push(c),
        }
    }
    out
}

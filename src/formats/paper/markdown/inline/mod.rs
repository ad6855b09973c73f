//! Inline Markdown, first pass: emphasis, code, links, images, autolinks, HTML, escapes and
//! math flattened to the text they print, in one left-to-right pass (linear in the text: every
//! search for a closing delimiter is a binary search in positions found once).
//!
//! The result is text in which Pandoc citations are still as written: a literal `[`, `@` or
//! `\` (from an escape, code, math or a URL) is written as a private-use stand-in so that the
//! corpus citation parser, run over it in [`super::spans`], finds exactly the citations the
//! source writes. Footnote markers are stand-ins too, numbering [`NoteRef`]s.

mod literal;

use literal::push_literal;

use std::collections::{HashMap, HashSet};

use super::crossref::{COMMANDS, Targets};
use super::line::is_icon;

/// Stand-in for a literal `[` (never the start of a citation).
pub(super) const LITERAL_BRACKET: char = '\u{E000}';
/// Stand-in for a literal `@`.
pub(super) const LITERAL_AT: char = '\u{E001}';
/// Stand-in for a literal `\`.
pub(super) const LITERAL_BACKSLASH: char = '\u{E002}';
/// Stand-in for a literal `$` (never the start of inline math).
pub(super) const LITERAL_DOLLAR: char = '\u{E005}';
/// Stand-in for a literal `;` (`\;`: in a citation group, part of an entry, not between two).
pub(super) const LITERAL_SEMICOLON: char = '\u{E006}';
/// Starts a footnote marker: the stand-in, the note's index in decimal, [`NOTE_END`].
pub(super) const NOTE_START: char = '\u{E003}';
/// Ends a footnote marker.
pub(super) const NOTE_END: char = '\u{E004}';
/// Output bytes deleted after the fact (a link's `[` once its `](url)` is found).
const DELETED: u8 = 0x01;

/// Where a footnote marker points.
#[derive(Clone, Debug)]
pub(super) enum NoteRef {
    /// `[^id]`: a footnote defined in a `[^id]: …` block.
    Defined(String),
    /// `^[text]`: an inline note, its text already through this pass.
    Inline(String),
}

/// A piece of a paragraph: running text, or display math standing in it (`$$ … $$`).
#[derive(Clone, Debug)]
pub(super) enum RawChunk {
    /// Text through this pass.
    Text(String),
    /// Display math: its TeX and its label (`{#eq:x}` after it).
    Math {
        /// The TeX between the `$$`.
        tex: String,
        /// The label, without `#`.
        label: String,
    },
}

/// What the pass needs to know of the rest of the paper.
pub(super) struct Known<'a> {
    /// Ids of the footnotes defined (`[^id]: …`).
    pub(super) footnotes: &'a HashMap<String, String>,
    /// Link reference labels defined (`[label]: url`), lower case.
    pub(super) labels: &'a HashSet<String>,
    /// The labels of the paper's figures, tables and equations (`\autoref{fig:x}`).
    pub(super) targets: &'a Targets,
}

/// The result of the pass over one text.
pub(super) struct Scanned {
    /// The text, split at display math when asked.
    pub(super) chunks: Vec<RawChunk>,
    /// The footnotes its markers point at.
    pub(super) notes: Vec<NoteRef>,
    /// The labels of cross-references (`\ref{x}`) that name nothing in the paper, kept as
    /// written.
    pub(super) unresolved: Vec<String>,
    /// Inline code knitr or Quarto runs for a value (`` `r n` ``), kept as written.
    pub(super) computed: Vec<String>,
}

/// Runs the pass over `src`. With `split_math`, display math becomes chunks of its own;
/// otherwise it is kept in the text as written. In a note (`in_note`), footnote markers and
/// inline notes are not read again.
pub(super) fn scan(src: &str, known: &Known<'_>, split_math: bool, in_note: bool) -> Scanned {
    let mut scanner = Scanner::new(src, known, split_math, in_note);
    scanner.run();
    scanner.flush();
    Scanned {
        chunks: scanner.chunks,
        notes: scanner.notes,
        unresolved: scanner.unresolved,
        computed: scanner.computed,
    }
}

/// Sorted byte offsets of one character, for "the next one after" in O(log n).
#[derive(Default)]
struct Positions(Vec<usize>);

impl Positions {
    fn next_after(&self, from: usize) -> Option<usize> {
        let at = self.0.partition_point(|&p| p < from);
        self.0.get(at).copied()
    }

    fn count_between(&self, start: usize, end: usize) -> usize {
        self.0.partition_point(|&p| p < end) - self.0.partition_point(|&p| p < start)
    }
}

/// Closing delimiters found nowhere after some point of the text.
#[derive(Default)]
struct Missing {
    /// No inline note `^[…]` closes.
    note_close: bool,
    /// No `-->` closes an HTML comment.
    comment_close: bool,
}

/// What a `[` opened.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OpenerKind {
    Link,
    Image,
}

/// An unclosed `[` or `![`: where it stands in the source and the output.
struct Opener {
    kind: OpenerKind,
    src: usize,
    out: usize,
}

/// The state of the pass.
struct Scanner<'s, 'k> {
    src: &'s str,
    bytes: &'s [u8],
    known: &'k Known<'k>,
    split_math: bool,
    in_note: bool,
    /// What no longer closes anywhere after the point reached (so it is not looked for again).
    missing: Missing,
    pos: usize,
    out: String,
    chunks: Vec<RawChunk>,
    notes: Vec<NoteRef>,
    unresolved: Vec<String>,
    computed: Vec<String>,
    openers: Vec<Opener>,
    /// Open emphasis delimiters by character (`*`, `_`, `~~` as `=`, `~`, `^`): output
    /// offset and length.
    delimiters: HashMap<u8, Vec<(usize, usize)>>,
    close_paren: Positions,
    open_paren: Positions,
    close_bracket: Positions,
    open_bracket: Positions,
    close_brace: Positions,
    close_angle: Positions,
    open_angle: Positions,
    backtick_runs: HashMap<usize, Positions>,
    /// Every single `$` not escaped: the first after an opening `$` is the only one that can
    /// close it.
    single_dollars: Positions,
    /// The single `$`s that can close inline math (none after a space, before a digit).
    dollar_closers: Positions,
    double_dollars: Positions,
}

/// LaTeX commands that only style their text, read as that text.
const TEXT_STYLE_COMMANDS: [&str; 13] = [
    "texttt", "textit", "textbf", "textsc", "textrm", "textsf", "emph", "textup", "mbox", "url",
    // The Journal of Statistical Software's markup of names of packages, languages and code.
    "pkg", "proglang", "code",
];

/// Whether `c` counts as punctuation for emphasis flanking.
fn is_punctuation(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

/// Whether `c` is whitespace or the edge of the text.
fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Bytes that start something in the pass; every other byte is copied as it is.
fn is_special(b: u8) -> bool {
    matches!(
        b,
        b'\\'
            | b'['
            | b']'
            | b'!'
            | b'^'
            | b'<'
            | b'&'
            | b'*'
            | b'_'
            | b'~'
            | b'`'
            | b'$'
            | b'-'
            | b'{'
            | 0xEE
            | b' '
            | b'\n'
    ) || (b < 0x20 && b != b'\t')
}

impl<'s, 'k> Scanner<'s, 'k> {
    fn new(src: &'s str, known: &'k Known<'k>, split_math: bool, in_note: bool) -> Self {
        let bytes = src.as_bytes();
        let mut positions: HashMap<u8, Vec<usize>> = HashMap::new();
        let mut backtick_runs: HashMap<usize, Positions> = HashMap::new();
        let mut single_dollars = Vec::new();
        let mut dollar_closers = Vec::new();
        let mut double_dollars = Vec::new();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            match b {
                b'(' | b')' | b'[' | b']' | b'}' | b'<' | b'>' => {
                    positions.entry(b).or_default().push(at);
                    at += 1;
                }
                b'`' | b'$' => {
                    let len = bytes
                        .get(at..)
                        .map_or(0, |r| r.iter().take_while(|&&c| c == b).count());
                    if b == b'`' {
                        backtick_runs.entry(len).or_default().0.push(at);
                    } else if len == 1 {
                        let before = src.get(..at).and_then(|s| s.chars().next_back());
                        let after = bytes.get(at + 1);
                        if before != Some('\\') {
                            single_dollars.push(at);
                            if !is_space(before) && !after.is_some_and(u8::is_ascii_digit) {
                                dollar_closers.push(at);
                            }
                        }
                    } else {
                        double_dollars.push(at);
                    }
                    at += len.max(1);
                }
                _ => at += 1,
            }
        }
        let mut take = |b: u8| Positions(positions.remove(&b).unwrap_or_default());
        Self {
            src,
            bytes,
            known,
            split_math,
            in_note,
            missing: Missing::default(),
            pos: 0,
            out: String::with_capacity(src.len()),
            chunks: Vec::new(),
            notes: Vec::new(),
            unresolved: Vec::new(),
            computed: Vec::new(),
            openers: Vec::new(),
            delimiters: HashMap::new(),
            close_paren: take(b')'),
            open_paren: take(b'('),
            close_bracket: take(b']'),
            open_bracket: take(b'['),
            close_brace: take(b'}'),
            close_angle: take(b'>'),
            open_angle: take(b'<'),
            backtick_runs,
            single_dollars: Positions(single_dollars),
            dollar_closers: Positions(dollar_closers),
            double_dollars: Positions(double_dollars),
        }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    fn char_before(&self, at: usize) -> Option<char> {
        self.src.get(..at).and_then(|s| s.chars().next_back())
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.src.get(at..).and_then(|s| s.chars().next())
    }

    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            let start = self.pos;
            let plain_len = self.bytes.get(start..).map_or(0, |rest| {
                rest.iter().take_while(|&&b| !is_special(b)).count()
            });
            if plain_len > 0 {
                let plain = self.src.get(start..start + plain_len).unwrap_or_default();
                self.out.push_str(plain);
                self.pos += plain_len;
                continue;
            }
            let Some(b) = self.byte(start) else { break };
            match b {
                b'\\' => self.backslash(),
                b'[' => self.open_bracket(),
                b']' => self.close_bracket(),
                b'!' if self.byte(start + 1) == Some(b'[') => {
                    self.openers.push(Opener {
                        kind: OpenerKind::Image,
                        src: start + 1,
                        out: self.out.len(),
                    });
                    self.out.push_str("![");
                    self.pos += 2;
                }
                b'^' if self.byte(start + 1) == Some(b'[')
                    && !self.in_note
                    && !self.missing.note_close =>
                {
                    self.inline_note();
                }
                b'<' => self.angle(),
                b'{' if self.src.get(start..).is_some_and(|r| r.starts_with("{{<")) => {
                    self.shortcode();
                }
                b'&' => self.entity(),
                b'*' | b'_' | b'~' | b'^' => self.delimiter(b),
                b'`' => self.code(),
                b'$' => self.math(),
                b'-' => self.dashes(),
                b' ' | b'\n' => {
                    // Sub- and superscripts never span a space.
                    self.delimiters.remove(&b'~');
                    self.delimiters.remove(&b'^');
                    self.out.push(char::from(b));
                    self.pos += 1;
                }
                _ => {
                    let c = self.char_at(start).unwrap_or(' ');
                    if !c.is_control() || c == '\t' {
                        push_literal(&mut self.out, c);
                    }
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// A cross-reference to a label of the paper's is what it prints; `\` + punctuation is that
    /// character; `\` + space one that does not break; `\` + newline a line break;
    /// `\label{…}` is dropped; any other backslash is kept.
    fn backslash(&mut self) {
        if let Some((printed, end)) = self.cross_reference() {
            self.out.push_str(&printed);
            self.pos = end;
            return;
        }
        // LaTeX's `\protect` (before a command in a heading or caption) prints nothing.
        if let Some(after) = self
            .src
            .get(self.pos..)
            .and_then(|r| r.strip_prefix("\\protect"))
            && !after.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            self.pos += "\\protect".len();
            return;
        }
        let next = self.char_at(self.pos + 1);
        match next {
            Some('\n') => {
                self.out.push('\n');
                self.pos += 2;
            }
            Some(c) if c.is_ascii_punctuation() => {
                push_literal(&mut self.out, c);
                self.pos += 2;
            }
            // Pandoc's escaped space, a space that does not break (LaTeX's `\LaTeX\ class`).
            Some(' ') => {
                self.out.push('\u{a0}');
                self.pos += 2;
            }
            _ => {
                if let Some(len) = self
                    .src
                    .get(self.pos..)
                    .and_then(literal::spacing_command_len)
                {
                    self.pos += len;
                    return;
                }
                if self
                    .src
                    .get(self.pos..)
                    .is_some_and(|rest| rest.starts_with("\\label{"))
                    && let Some(close) = self.close_brace.next_after(self.pos)
                {
                    self.pos = close + 1;
                    return;
                }
                // `\cite{a,b}` in running text, which Pandoc passes to LaTeX: the citation
                // it prints, read as the Pandoc citation `[@a; @b]`.
                if let Some((len, citation)) = self
                    .src
                    .get(self.pos..)
                    .and_then(super::latex::citation_command)
                {
                    self.out.push_str(&citation);
                    self.pos += len;
                    return;
                }
                if let Some((content, end)) =
                    self.text_style_command().or_else(|| self.logo_command())
                {
                    for c in content.chars() {
                        push_literal(&mut self.out, c);
                    }
                    self.pos = end;
                    return;
                }
                self.out.push(LITERAL_BACKSLASH);
                self.pos += 1;
            }
        }
    }

    /// At a backslash: a LaTeX command that only styles its text (`\texttt{DTW-C++}`,
    /// `\emph{…}`), which Pandoc passes through as raw LaTeX: its text, and where it ends.
    /// Only for text without braces or commands of its own.
    fn text_style_command(&self) -> Option<(&'s str, usize)> {
        let (_, content, end) = self.command_at(&TEXT_STYLE_COMMANDS)?;
        (!content.contains(['{', '\\', '\n'])).then_some((content, end))
    }

    /// At a backslash: the TeX logos (`\LaTeX`, `\TeX`, `\LaTeXe`, with or without `{}`) as
    /// their names, and where they end.
    fn logo_command(&self) -> Option<(&'static str, usize)> {
        let rest = self.src.get(self.pos + 1..)?;
        let (name, printed) = [("LaTeXe", "LaTeX2ε"), ("LaTeX", "LaTeX"), ("TeX", "TeX")]
            .into_iter()
            .find(|(name, _)| {
                rest.starts_with(name)
                    && !rest
                        .get(name.len()..)
                        .and_then(|after| after.chars().next())
                        .is_some_and(char::is_alphabetic)
            })?;
        let mut end = self.pos + 1 + name.len();
        if self
            .src
            .get(end..)
            .is_some_and(|after| after.starts_with("{}"))
        {
            end += 2;
        }
        Some((printed, end))
    }

    /// At a backslash: one of `commands` with its argument (`\ref{fig:x}`): the command, the
    /// argument, and where it ends.
    fn command_at(&self, commands: &[&'static str]) -> Option<(&'static str, &'s str, usize)> {
        let rest = self.src.get(self.pos + 1..)?;
        let command = commands
            .iter()
            .find(|c| rest.starts_with(*c) && rest.as_bytes().get(c.len()) == Some(&b'{'))?;
        let open = self.pos + 1 + command.len();
        let close = self.close_brace.next_after(open)?;
        Some((command, self.src.get(open + 1..close)?, close + 1))
    }

    /// At a backslash: a cross-reference (`\autoref{fig:x}`, bookdown's `\@ref(fig:x)`) naming
    /// a label of the paper's, as it prints, and where it ends. A label the paper does not give
    /// is noted and the reference kept as written.
    fn cross_reference(&mut self) -> Option<(String, usize)> {
        let (command, label, end) = self
            .command_at(&COMMANDS)
            .or_else(|| self.bookdown_reference())?;
        let printed = self.known.targets.command(command, label);
        if printed.is_none() {
            self.unresolved.push(label.trim().to_owned());
        }
        Some((printed?, end))
    }

    /// At `{{<`: a Quarto shortcode as what it prints: `{{< latex >}}` the logo, `{{< kbd
    /// Ctrl-C >}}` its keys, `{{< pagebreak >}}` nothing; any other is kept as written.
    fn shortcode(&mut self) {
        let start = self.pos;
        let rest = self.src.get(start + 3..).unwrap_or_default();
        // Looked for within 300 bytes, so text full of `{{<` is read in linear time.
        let window = (0..=rest.len().min(300))
            .rev()
            .find(|&end| rest.is_char_boundary(end))
            .unwrap_or(0);
        let Some(close) = rest.get(..window).and_then(|r| r.find(">}}")) else {
            push_literal(&mut self.out, '{');
            self.pos += 1;
            return;
        };
        let inner = rest.get(..close).unwrap_or_default().trim();
        let (name, arguments) = inner.split_once(' ').unwrap_or((inner, ""));
        let printed = match name {
            "latex" => "LaTeX",
            "kbd" => arguments.trim(),
            "pagebreak" => "",
            _ => self
                .src
                .get(start..start + 3 + close + 3)
                .unwrap_or_default(),
        };
        for c in printed.chars() {
            push_literal(&mut self.out, c);
        }
        self.pos = start + 3 + close + 3;
    }

    /// At a backslash: bookdown's cross-reference `\@ref(fig:x)`, read as LaTeX's `\ref`: the
    /// command, the label, and where it ends.
    fn bookdown_reference(&self) -> Option<(&'static str, &'s str, usize)> {
        let rest = self.src.get(self.pos..)?.strip_prefix("\\@ref(")?;
        let close = rest.char_indices().take(200).find(|&(_, c)| c == ')')?.0;
        Some((
            "ref",
            rest.get(..close)?,
            self.pos + "\\@ref(".len() + close + 1,
        ))
    }

    /// `[^id]` (a footnote marker), or the `[` of a link, an image or a citation.
    fn open_bracket(&mut self) {
        let start = self.pos;
        if !self.in_note && self.byte(start + 1) == Some(b'^') {
            let id_start = start + 2;
            let id_len = self.bytes.get(id_start..).map_or(0, |rest| {
                rest.iter()
                    .take(200)
                    .take_while(|&&b| !matches!(b, b']' | b'[') && !b.is_ascii_whitespace())
                    .count()
            });
            if id_len > 0
                && self.byte(id_start + id_len) == Some(b']')
                && let Some(id) = self.src.get(id_start..id_start + id_len)
                && self.known.footnotes.contains_key(id)
            {
                self.push_note(NoteRef::Defined(id.to_owned()));
                self.pos = id_start + id_len + 1;
                return;
            }
        }
        self.openers.push(Opener {
            kind: OpenerKind::Link,
            src: start,
            out: self.out.len(),
        });
        self.out.push('[');
        self.pos += 1;
    }

    fn push_note(&mut self, note: NoteRef) {
        self.out.push(NOTE_START);
        self.out.push_str(&self.notes.len().to_string());
        self.out.push(NOTE_END);
        self.notes.push(note);
    }

    /// A `]`: closes a link (`](url)`, `][ref]`, `]{attributes}`, a defined label) or is
    /// literal, leaving its `[` for the citation parser.
    fn close_bracket(&mut self) {
        let close = self.pos;
        let Some(opener) = self.openers.pop() else {
            self.out.push(']');
            self.pos += 1;
            return;
        };
        let after = close + 1;
        let resolved_end = match self.byte(after) {
            Some(b'(') => self.link_destination_end(after),
            Some(b'[') if !self.known.labels.is_empty() => {
                self.close_bracket.next_after(after + 1).filter(|&end| {
                    self.open_bracket.count_between(after + 1, end) == 0 && {
                        let label = self.src.get(after + 1..end).unwrap_or_default();
                        let label = if label.is_empty() {
                            self.src.get(opener.src + 1..close).unwrap_or_default()
                        } else {
                            label
                        };
                        self.is_label(label)
                    }
                })
            }
            Some(b'{') => self.close_brace.next_after(after),
            _ => None,
        };
        let shortcut = resolved_end.is_none()
            && !self.known.labels.is_empty()
            && close - opener.src <= 200
            && self.is_label(self.src.get(opener.src + 1..close).unwrap_or_default());
        if resolved_end.is_none() && !shortcut {
            self.out.push(']');
            self.pos += 1;
            return;
        }
        let opener_len = if opener.kind == OpenerKind::Image {
            2
        } else {
            1
        };
        self.delete_output(opener.out, opener_len);
        self.pos = resolved_end.map_or(close + 1, |end| end + 1);
        if resolved_end.is_some() && self.byte(self.pos) == Some(b'{') {
            // Attributes after a link or an image: `{width=50%}`.
            if let Some(end) = self.close_brace.next_after(self.pos) {
                let attributes = self.src.get(self.pos..end).unwrap_or_default();
                if opener.kind == OpenerKind::Image && is_icon(attributes) {
                    // An icon (Manubot's ORCID and GitHub marks) prints nothing, not its alt.
                    let alt = self.out.get(opener.out..).unwrap_or_default();
                    let blank: String = alt.chars().map(|c| "\u{1}".repeat(c.len_utf8())).collect();
                    self.out.replace_range(opener.out.., &blank);
                }
                self.pos = end + 1;
            }
        }
    }

    fn is_label(&self, label: &str) -> bool {
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        self.known.labels.contains(&label.to_lowercase())
    }

    /// The `)` closing a link destination opened at `open` (one level of parentheses inside).
    fn link_destination_end(&self, open: usize) -> Option<usize> {
        let mut end = self.close_paren.next_after(open + 1)?;
        for _ in 0..4 {
            let inner = self.open_paren.count_between(open + 1, end);
            let closed = self.close_paren.count_between(open + 1, end);
            if inner <= closed {
                return Some(end);
            }
            end = self.close_paren.next_after(end + 1)?;
        }
        Some(end)
    }

    fn delete_output(&mut self, at: usize, len: usize) {
        if let Some(range) = self.out.get(at..at + len)
            && range.is_ascii()
        {
            // ASCII bytes replaced by the ASCII DELETED byte: still UTF-8.
            let replaced = "\u{1}".repeat(len);
            self.out.replace_range(at..at + len, &replaced);
        }
    }

    /// `^[text]`: an inline note, read on its own.
    fn inline_note(&mut self) {
        let open = self.pos + 1;
        let mut depth = 0usize;
        let mut at = open;
        let mut end = None;
        while let Some(&b) = self.bytes.get(at) {
            match b {
                b'\\' => at += 1,
                b'[' => depth += 1,
                b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = Some(at);
                        break;
                    }
                }
                _ => {}
            }
            at += 1;
        }
        let Some(end) = end else {
            // No note closes after this one: none after it will either be read.
            self.missing.note_close = true;
            self.delimiter(b'^');
            return;
        };
        let inner = self.src.get(open + 1..end).unwrap_or_default();
        let scanned = scan(inner, self.known, false, true);
        let text = scanned
            .chunks
            .into_iter()
            .map(|chunk| match chunk {
                RawChunk::Text(text) => text,
                RawChunk::Math { tex, .. } => tex,
            })
            .collect::<String>();
        self.push_note(NoteRef::Inline(text));
        self.pos = end + 1;
    }

    /// A run of `*`, `_`, `~` or `^`: dropped when it opens or closes emphasis, strikeout,
    /// a subscript or a superscript matched in the same text; otherwise kept.
    fn delimiter(&mut self, b: u8) {
        let start = self.pos;
        let len = self
            .bytes
            .get(start..)
            .map_or(1, |rest| rest.iter().take_while(|&&c| c == b).count())
            .max(1);
        let before = self.char_before(start);
        let after = self.char_at(start + len);
        let left = !is_space(after)
            && (!is_punctuation(after) || is_space(before) || is_punctuation(before));
        let right = !is_space(before)
            && (!is_punctuation(before) || is_space(after) || is_punctuation(after));
        let (can_open, can_close, key) = match (b, len) {
            (b'*', _) => (left, right, b'*'),
            (b'_', _) => (
                left && (!right || is_punctuation(before)),
                right && (!left || is_punctuation(after)),
                b'_',
            ),
            (b'~', 2) => (left, right, b'='),
            (b'~' | b'^', 1) => (!is_space(after), !is_space(before), b),
            _ => (false, false, b),
        };
        let out = self.out.len();
        let run = self.src.get(start..start + len).unwrap_or_default();
        self.out.push_str(run);
        self.pos += len;
        if can_close
            && let Some(stack) = self.delimiters.get_mut(&key)
            && let Some((open_at, open_len)) = stack.pop()
        {
            self.delete_output(open_at, open_len);
            self.delete_output(out, len);
            self.raise_or_lower(key, open_at + open_len..out);
            return;
        }
        if can_open {
            self.delimiters.entry(key).or_default().push((out, len));
        }
    }

    /// `10^-3^`, `H~2~O`: the text between a closed `^` or `~` pair raised or lowered in
    /// Unicode where it has every character (digits and signs), so the number reads as
    /// printed; a raised marker of a letter or two (`Total^a^`, `x^n^`) raised too, as
    /// [`crate::corpus::text::as_raised_marker`] raises a table's footnote marker; otherwise
    /// left as it is.
    fn raise_or_lower(&mut self, key: u8, inner: std::ops::Range<usize>) {
        let Some(text) = self.out.get(inner.clone()) else {
            return;
        };
        let scripted = match key {
            b'^' => crate::corpus::text::as_superscript(text)
                .or_else(|| crate::corpus::text::as_raised_marker(text)),
            b'~' => crate::corpus::text::as_subscript(text),
            _ => None,
        };
        if let Some(scripted) = scripted.filter(|_| !text.is_empty()) {
            // Only characters with scripts are inside, so no open bracket or delimiter is.
            self.out.replace_range(inner, &scripted);
        }
    }

    /// A run of hyphens as Pandoc prints it: `--` an en dash (`33--35`, `Xiao--Gimbutas`),
    /// `---` an em dash, any other run as written.
    fn dashes(&mut self) {
        let run = self
            .bytes
            .get(self.pos..)
            .map_or(0, |rest| rest.iter().take_while(|&&b| b == b'-').count());
        match run {
            2 => self.out.push('\u{2013}'),
            3 => self.out.push('\u{2014}'),
            _ => self
                .out
                .push_str(self.src.get(self.pos..self.pos + run).unwrap_or_default()),
        }
        self.pos += run.max(1);
    }

    /// Ends the text chunk read so far: deleted bytes removed, unclosed brackets and
    /// delimiters left as they are.
    fn flush(&mut self) {
        self.openers.clear();
        self.delimiters.clear();
        let mut text = std::mem::take(&mut self.out);
        text.retain(|c| c != char::from(DELETED));
        if !text.trim().is_empty() {
            self.chunks.push(RawChunk::Text(text));
        }
    }
}

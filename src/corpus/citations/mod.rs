//! In-text citations as paragraph text writes them: Pandoc's citation syntax (`[@a; @b]`,
//! `[see @a, p. 33]`, `[-@a]`, narrative `@a` and `@a [p. 33]`), citations that give their
//! printed form (`[Smith et al., 2019]{@smith2019}`, `[[1]–[3]]{@a; @b; @c}`), the paper's own
//! printed numeric markers (`[1]`, `[4], [5]`, `[17]–[21]`, `(1–3)`), footnote markers
//! (`[^id]`) and inline math (`$\tau$`).
//!
//! [`parse`] splits paragraph text into pieces in one left-to-right pass (linear in the text);
//! [`printed_form`] turns a Pandoc group into what the paper prints. Whether a numeric marker is
//! a citation depends on the references (are they numbered, does every number resolve): the
//! parser reports every candidate and the text pass decides.

mod explicit;
mod narrative;
mod numeric;
mod pandoc;
mod printed;

use std::ops::Range;

pub use narrative::{names_the_author, narrative_citations, open_parentheses, reads_narratively};
pub use pandoc::group_entries;
pub use printed::{CitedWork, printed_form};

/// A piece of paragraph text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Plain text.
    Text(&'a str),
    /// A Pandoc citation: a bracketed group `[@a; @b]` or a narrative `@a`.
    Group(Group<'a>),
    /// A printed numeric marker (`[1]`, `[17]–[21]`, `(1,2)`), kept verbatim. A citation only
    /// when the references carry numbers (and, in parentheses, every number resolves).
    Numeric(NumericMarker<'a>),
    /// A footnote marker `[^id]`: printed as written, linked to the footnote `id`.
    Footnote {
        /// The footnote id (between `[^` and `]`).
        id: &'a str,
        /// Byte range of the whole `[^id]` in the source text.
        range: Range<usize>,
    },
    /// Inline math `$…$` (Pandoc's rule: no space after the opening `$`, none before the
    /// closing one, and no digit right after it), printed as it reads
    /// ([`crate::corpus::math::tex_reading`]). Nothing in it is a citation.
    Math {
        /// The TeX between the dollars.
        tex: &'a str,
        /// Byte range of the whole `$…$` in the source text.
        range: Range<usize>,
    },
}

/// A Pandoc citation: a bracketed group or a narrative citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<'a> {
    /// The cited works in the order written.
    pub cites: Vec<Cite<'a>>,
    /// `@a` or `@a [p. 33]` in running text (the author's name is part of the sentence), as
    /// opposed to a bracketed `[@a]`.
    pub narrative: bool,
    /// What the paper prints, when the text gives it: `[Smith et al., 2019]{@smith2019}` prints
    /// `Smith et al., 2019` (how an imported paper keeps its markers exactly as printed).
    pub printed: Option<&'a str>,
    /// Byte range of the whole citation in the source text (`[…]`, or `@a` with its `[…]`).
    pub range: Range<usize>,
}

/// One cited work in a Pandoc citation: `see @a, pp. 33-35 and passim`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cite<'a> {
    /// The citation key (without `@` and braces).
    pub key: &'a str,
    /// Byte range of the key in the source text.
    pub key_range: Range<usize>,
    /// Text before the key (`see`), trimmed.
    pub prefix: &'a str,
    /// The locator (`p. 33`, `pp. 33-35`, `chap. 2`; a bare number is a page), or empty.
    pub locator: &'a str,
    /// Text after the locator (`and passim`), trimmed, or empty.
    pub suffix: &'a str,
    /// `-@a`: the author's name is left out, only the year is printed.
    pub suppress_author: bool,
}

/// A numeric citation marker as the paper prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumericMarker<'a> {
    /// The marker exactly as written (`[17]–[21]`).
    pub written: &'a str,
    /// The numbers it names, as inclusive ranges in written order (`[1–3, 7]` is `1..=3`,
    /// `7..=7`). A range may be written backwards (`[5–3]`); the text pass reports it.
    pub numbers: Vec<(u32, u32)>,
    /// Written in parentheses `(1,2)` rather than brackets.
    pub parenthesised: bool,
    /// Byte range of the marker in the source text.
    pub range: Range<usize>,
}

/// A citation written wrongly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitationSyntaxError {
    /// Byte offset of the citation (its `[` or `@`) in the source text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// Pandoc reads this bracket as text and each `@key` in it as a citation in the running
    /// text, for an entry holding no key (`[Negishi weights; @negishi1960]`); the bracket is
    /// kept as text here, an importer may read it as Pandoc does (escaping its `[`).
    pub keys_cite_in_text: bool,
}

/// Splits `text` into plain text, Pandoc citations, numeric markers and footnote markers.
///
/// A `[@` with no closing `]`, a `[@` opened again before it is closed, or a bracketed group
/// with an entry that is not one `@key` is a syntax error; the bad part is kept as text and
/// the rest is still parsed. `\@`, `\[`, `\$` and `\;` write a literal `@`, `[`, `$` and `;`
/// (the backslash is not printed; `\;` keeps a group's entry whole). The pass is linear in
/// the length of the text.
#[must_use]
pub fn parse(text: &str) -> (Vec<Piece<'_>>, Vec<CitationSyntaxError>) {
    let mut parser = Parser::new(text);
    parser.run();
    (parser.pieces, parser.errors)
}

/// Whether `$tex$` in paragraph text reads back as inline math holding exactly `tex` (by
/// Pandoc's rule: no space inside either dollar, no dollar within, no backslash before the
/// closing one). A digit right after the closing dollar, which the text around it decides,
/// would still make it text.
#[must_use]
pub fn reads_as_inline_math(tex: &str) -> bool {
    let edges_visible = tex.chars().next().is_some_and(|c| !c.is_whitespace())
        && tex.chars().next_back().is_some_and(|c| !c.is_whitespace());
    edges_visible && !tex.contains('$') && !tex.ends_with('\\')
}

/// What reading at one trigger character gave.
enum Step<'a> {
    /// A piece ending at this byte offset.
    Piece(Piece<'a>, usize),
    /// Plain text: go on reading from this byte offset.
    Text(usize),
    /// Stop: the rest of the text is plain text.
    Stop,
}

/// The state of one pass over a text.
struct Parser<'a> {
    text: &'a str,
    pieces: Vec<Piece<'a>>,
    errors: Vec<CitationSyntaxError>,
    /// Where the plain text not yet emitted starts.
    text_start: usize,
    /// The first `]` at or after some offset, remembered so that many `[` before one `]` do
    /// not each search to the end (which would be quadratic).
    next_close: Next,
    /// Likewise the next `[`.
    next_open: Next,
    /// Likewise the next `$` that may close inline math.
    next_math_close: Next,
}

/// Where the next of some character was found, when last looked for.
#[derive(Clone, Copy)]
enum Next {
    /// Not looked for yet.
    Unknown,
    /// At this byte offset.
    At(usize),
    /// Nowhere in the rest of the text.
    Nowhere,
}

impl Next {
    /// The next `needle` at or after `from` in `text`, from the remembered search if it is
    /// still ahead.
    fn find(&mut self, text: &str, needle: char, from: usize) -> Option<usize> {
        match *self {
            Self::At(at) if at >= from => return Some(at),
            Self::Nowhere => return None,
            _ => {}
        }
        let found = text
            .get(from..)
            .and_then(|rest| rest.find(needle))
            .map(|n| from + n);
        *self = found.map_or(Self::Nowhere, Self::At);
        found
    }
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            pieces: Vec::new(),
            errors: Vec::new(),
            text_start: 0,
            next_close: Next::Unknown,
            next_open: Next::Unknown,
            next_math_close: Next::Unknown,
        }
    }

    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        let mut at = 0;
        // The next of each character that may start something, each searched for again only
        // once passed (a `find` of one character is a fast memchr).
        let mut triggers = [Next::Unknown; 5];
        loop {
            let mut here = None;
            for (next, needle) in triggers.iter_mut().zip(['[', '(', '@', '\\', '$']) {
                if let Some(found) = next.find(self.text, needle, at) {
                    here = Some(here.map_or(found, |here: usize| here.min(found)));
                }
            }
            let Some(here) = here else {
                break;
            };
            let step = match bytes.get(here) {
                Some(b'\\') => self.escape(here),
                Some(b'[') => self.bracket(here),
                Some(b'(') => numeric::parenthesised(self.text, here),
                Some(b'$') => self.math(here),
                _ => pandoc::narrative(self.text, here),
            };
            match step {
                Step::Piece(piece, end) => {
                    let start = piece_start(&piece);
                    self.emit_text_to(start);
                    self.pieces.push(piece);
                    self.text_start = end;
                    at = end;
                }
                Step::Text(next) => at = next.max(here + 1),
                Step::Stop => break,
            }
        }
        self.emit_text_to(self.text.len());
    }

    /// Emits the plain text from `text_start` up to `end`.
    fn emit_text_to(&mut self, end: usize) {
        if end > self.text_start
            && let Some(text) = self.text.get(self.text_start..end)
        {
            self.pieces.push(Piece::Text(text));
        }
        self.text_start = self.text_start.max(end);
    }

    /// `\@`, `\[`, `\$`, `\(` and `\;`: the backslash is dropped, the character after it is
    /// plain text.
    fn escape(&mut self, at: usize) -> Step<'a> {
        if matches!(
            self.text.as_bytes().get(at + 1),
            Some(b'@' | b'[' | b'$' | b'(' | b';')
        ) {
            self.emit_text_to(at);
            self.text_start = at + 1;
            Step::Text(at + 2)
        } else {
            Step::Text(at + 1)
        }
    }

    /// Reads at a `$`: inline math up to the first `$` that may close it, or text. `$$` is text.
    fn math(&mut self, open: usize) -> Step<'a> {
        let text = self.text;
        let after = text.get(open + 1..).and_then(|rest| rest.chars().next());
        if after.is_none_or(|c| c.is_whitespace() || c == '$') {
            return Step::Text(open + if after == Some('$') { 2 } else { 1 });
        }
        let Some(close) = self.math_close(open + 2) else {
            return Step::Text(open + 1);
        };
        let piece = Piece::Math {
            tex: text.get(open + 1..close).unwrap_or_default(),
            range: open..close + 1,
        };
        Step::Piece(piece, close + 1)
    }

    /// The first `$` at or after `from` that may close inline math: not right after
    /// whitespace or a backslash, not right before a digit. Remembered, like the next `]`.
    fn math_close(&mut self, from: usize) -> Option<usize> {
        match self.next_math_close {
            Next::At(at) if at >= from => return Some(at),
            Next::Nowhere => return None,
            _ => {}
        }
        let text = self.text;
        let found = memchr::memchr_iter(b'$', text.as_bytes().get(from..).unwrap_or_default())
            .map(|at| from + at)
            .find(|&at| {
                let before = text.get(..at).and_then(|head| head.chars().next_back());
                let next = text.as_bytes().get(at + 1);
                before.is_some_and(|c| !c.is_whitespace() && c != '\\')
                    && !next.is_some_and(u8::is_ascii_digit)
            });
        self.next_math_close = found.map_or(Next::Nowhere, Next::At);
        found
    }

    /// Reads at a `[`: a footnote marker, a Pandoc group, a numeric marker, or text.
    fn bracket(&mut self, open: usize) -> Step<'a> {
        let text = self.text;
        if let Some((group, end)) = explicit::group(text, open) {
            return Step::Piece(Piece::Group(group), end);
        }
        let after = text.get(open + 1..).unwrap_or_default();
        let starts_citation = after.starts_with('@') || after.starts_with("-@");
        let close = self.next_close.find(text, ']', open + 1);
        let inner_open = self.next_open.find(text, '[', open + 1);
        let Some(close) = close else {
            if starts_citation {
                self.errors.push(CitationSyntaxError {
                    offset: open,
                    message: "citation `[@…` is never closed with `]`".to_owned(),
                    keys_cite_in_text: false,
                });
                return Step::Stop;
            }
            return Step::Text(open + 1);
        };
        if let Some(inner) = inner_open.filter(|&inner| inner < close) {
            if !starts_citation {
                return Step::Text(open + 1);
            }
            // A `[` opened again before this citation is closed: this one is malformed, and
            // parsing goes on from the inner one (so `[@a [@b]]` still cites `b`).
            let inner_is_citation = text
                .get(inner + 1..)
                .is_some_and(|rest| rest.starts_with('@') || rest.starts_with("-@"));
            let next = if inner_is_citation { "`[@`" } else { "`[`" };
            self.errors.push(CitationSyntaxError {
                offset: open,
                message: format!(
                    "citation `{}` is not closed before the next {next}",
                    shorten(text.get(open..inner).unwrap_or_default().trim_end())
                ),
                keys_cite_in_text: false,
            });
            return Step::Text(inner);
        }
        let content = text.get(open + 1..close).unwrap_or_default();
        if let Some(key) = content.strip_prefix('@')
            && !key.is_empty()
            && !key.contains(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '{' | '@'))
        {
            // `[@key]`, by far the most common citation, read without the general rules.
            return Step::Piece(
                Piece::Group(Group {
                    cites: vec![Cite {
                        key,
                        key_range: open + 2..close,
                        ..Cite::default()
                    }],
                    narrative: false,
                    printed: None,
                    range: open..close + 1,
                }),
                close + 1,
            );
        }
        if let Some(id) = content.strip_prefix('^') {
            return if !id.is_empty() && !id.contains(char::is_whitespace) {
                Step::Piece(
                    Piece::Footnote {
                        id,
                        range: open..close + 1,
                    },
                    close + 1,
                )
            } else {
                Step::Text(open + 1)
            };
        }
        if !starts_citation && let Some((marker, end)) = numeric::bracketed(text, open, close) {
            return Step::Piece(Piece::Numeric(marker), end);
        }
        if starts_citation || pandoc::has_citation_at(content) {
            return match pandoc::group(text, open, close) {
                Ok(group) => Step::Piece(Piece::Group(group), close + 1),
                Err(not_a_group) => {
                    self.errors.push(CitationSyntaxError {
                        offset: open,
                        message: not_a_group.message,
                        keys_cite_in_text: not_a_group.keys_cite_in_text,
                    });
                    Step::Text(close + 1)
                }
            };
        }
        Step::Text(open + 1)
    }
}

/// Where a piece starts in the source text.
fn piece_start(piece: &Piece<'_>) -> usize {
    match piece {
        Piece::Text(_) => 0,
        Piece::Group(group) => group.range.start,
        Piece::Numeric(marker) => marker.range.start,
        Piece::Footnote { range, .. } | Piece::Math { range, .. } => range.start,
    }
}

/// `text` cut to at most 60 characters (with `…` when cut), so that a message quoting a
/// runaway group stays short.
#[must_use]
pub fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests;

//! Pandoc's citation syntax: bracketed groups `[see @a, p. 33; -@b]`, narrative `@a` and
//! `@a [p. 33]`, keys and locators.

use std::ops::Range;

use super::{Cite, Group, Piece, Step, shorten};

/// Whether `c` is part of a word: an `@` right after one (`ada@example.org`) is no citation.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Punctuation Pandoc allows inside a key when a letter or digit follows (`@doe:2021`,
/// `@a/b.c`); at the end of a key it is the sentence's (`@smith2020.`).
fn is_internal_punctuation(c: char) -> bool {
    matches!(
        c,
        ':' | '.' | '#' | '$' | '%' | '&' | '-' | '+' | '?' | '<' | '>' | '~' | '/'
    )
}

/// The longest braced key `@{…}` looked for (a `{` not closed within it is no key).
const MAX_BRACED_KEY_CHARS: usize = 200;

/// The longest narrative locator `@a [p. 33]` looked for.
const MAX_NARRATIVE_LOCATOR_CHARS: usize = 120;

/// The key at the start of `s` (just after an `@`): its byte range in `s`, and the bytes the
/// key takes (with its braces). Pandoc's rule: a letter, digit or `_`, then letters, digits,
/// `_` and internal punctuation; or anything but `}` in braces.
fn key_at(s: &str) -> Option<(Range<usize>, usize)> {
    if let Some(rest) = s.strip_prefix('{') {
        // A `{` before the `}` is no key (so `@{@{@{…` is read in linear time).
        let (end, _) = rest
            .char_indices()
            .take(MAX_BRACED_KEY_CHARS)
            .find(|&(_, c)| c == '}' || c == '{')
            .filter(|&(_, c)| c == '}')?;
        return (end > 0).then_some((1..1 + end, end + 2));
    }
    let mut chars = s.char_indices().peekable();
    let (_, first) = chars.next()?;
    if !is_word_char(first) {
        return None;
    }
    let mut end = first.len_utf8();
    while let Some(&(at, c)) = chars.peek() {
        if is_word_char(c) {
            end = at + c.len_utf8();
            chars.next();
        } else if is_internal_punctuation(c) {
            // A run of punctuation belongs to the key only when a letter or digit follows.
            let mut run_end = at;
            while let Some(&(at, c)) = chars.peek() {
                if !is_internal_punctuation(c) {
                    break;
                }
                run_end = at + c.len_utf8();
                chars.next();
            }
            match chars.peek() {
                Some(&(_, c)) if is_word_char(c) => end = run_end,
                _ => break,
            }
        } else {
            break;
        }
    }
    Some((0..end, end))
}

/// Whether `text` holds a citation `@`: not after a word character or another `@`, and
/// followed by a key.
pub(super) fn has_citation_at(text: &str) -> bool {
    citation_at(text).is_some()
}

/// The byte offset of the first citation `@` in `text`.
fn citation_at(text: &str) -> Option<usize> {
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '@'
            && !previous.is_some_and(|p| is_word_char(p) || p == '@')
            && chars
                .peek()
                .is_some_and(|&(_, next)| next == '{' || is_word_char(next))
        {
            return Some(at);
        }
        previous = Some(c);
    }
    None
}

/// Why a bracket holding a citation `@` is no citation group.
pub(super) struct NotAGroup {
    /// What is wrong, in words.
    pub(super) message: String,
    /// An entry holds no key (`[Negishi weights; @negishi1960]`, `[see @a;]`): Pandoc reads
    /// the bracket as text and each `@key` in it as a citation in the running text.
    pub(super) keys_cite_in_text: bool,
}

/// The bracketed group `text[open..=close]` (`[` at `open`, `]` at `close`, no `[` between):
/// entries separated by `;`, each exactly one `@key` with an optional prefix before it and a
/// locator and suffix after it. `Err` says why a malformed group is none.
pub(super) fn group(text: &str, open: usize, close: usize) -> Result<Group<'_>, NotAGroup> {
    let whole = || shorten(text.get(open..=close).unwrap_or_default());
    let content = text.get(open + 1..close).unwrap_or_default();
    let mut cites = Vec::new();
    let mut entry_start = open + 1;
    for entry in group_entries(content) {
        let offset = entry_start;
        entry_start += entry.len() + 1;
        let not_a_key = |why: &str| {
            if entry.trim().is_empty() {
                format!(
                    "citation group `{}` has an empty entry (a `;` with no `@key` after it)",
                    whole()
                )
            } else {
                format!(
                    "citation group `{}` has an entry `{}` that is not `@key`{why}",
                    whole(),
                    shorten(entry.trim())
                )
            }
        };
        let cite = cite_in_entry(text, offset, entry).ok_or_else(|| NotAGroup {
            message: not_a_key(""),
            keys_cite_in_text: true,
        })?;
        let after_key = text.get(cite.key_range.end..offset + entry.len());
        if after_key.is_some_and(has_citation_at) {
            return Err(NotAGroup {
                message: not_a_key(" (separate two keys with `;`)"),
                keys_cite_in_text: false,
            });
        }
        cites.push(cite);
    }
    Ok(Group {
        cites,
        narrative: false,
        printed: None,
        range: open..close + 1,
    })
}

/// The entries of a citation group's content (what its brackets hold): the parts between the
/// `;`s not escaped (`[SDC\; see @a]` is one entry, its prefix `SDC; see`).
pub fn group_entries(content: &str) -> impl Iterator<Item = &str> {
    let mut escaped = false;
    content.split(move |c: char| {
        let separates = c == ';' && !escaped;
        escaped = c == '\\' && !escaped;
        separates
    })
}

/// The one cited work in a group entry that starts at byte `offset` of `text`.
fn cite_in_entry<'a>(text: &'a str, offset: usize, entry: &'a str) -> Option<Cite<'a>> {
    // The first `@` not inside a word. Inside brackets the key runs to a space, `,` or `;`
    // (so ids with any punctuation work, and `[@@r1]` names the key `@r1` it was written
    // with); only a narrative key ends at punctuation the sentence puts after it.
    let mut previous: Option<char> = None;
    let at = entry.char_indices().find_map(|(at, c)| {
        let found = c == '@' && !previous.is_some_and(is_word_char);
        previous = Some(c);
        found.then_some(at)
    })?;
    let rest = entry.get(at + 1..)?;
    let braced = rest.starts_with('{').then(|| key_at(rest)).flatten();
    let (key_range, key_len) = braced.or_else(|| {
        let len = rest
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(rest.len());
        (len > 0).then_some((0..len, len))
    })?;
    let key_start = offset + at + 1 + key_range.start;
    let key_end = offset + at + 1 + key_range.end;
    let before = entry.get(..at)?;
    let (prefix, suppress_author) = match before.strip_suffix('-') {
        Some(prefix) if prefix.is_empty() || prefix.ends_with(char::is_whitespace) => {
            (prefix, true)
        }
        _ => (before, false),
    };
    let (locator, suffix) = split_locator(entry.get(at + 1 + key_len..)?);
    Some(Cite {
        key: text.get(key_start..key_end)?,
        key_range: key_start..key_end,
        prefix: prefix.trim(),
        locator,
        suffix,
        suppress_author,
    })
}

/// A narrative citation at the `@` at byte `at`: `@a`, or `@a [p. 33]` with a locator.
pub(super) fn narrative(text: &str, at: usize) -> Step<'_> {
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    if before.is_some_and(|c| is_word_char(c) || c == '@') {
        return Step::Text(at + 1);
    }
    let Some((key_range, key_len)) = text.get(at + 1..).and_then(key_at) else {
        return Step::Text(at + 1);
    };
    let key_start = at + 1 + key_range.start;
    let key_end = at + 1 + key_range.end;
    let mut cite = Cite {
        key: text.get(key_start..key_end).unwrap_or_default(),
        key_range: key_start..key_end,
        ..Cite::default()
    };
    let mut end = at + 1 + key_len;
    if let Some((content, close)) = narrative_locator(text, end) {
        (cite.locator, cite.suffix) = split_locator(content);
        end = close + 1;
    }
    Step::Piece(
        Piece::Group(Group {
            cites: vec![cite],
            narrative: true,
            printed: None,
            range: at..end,
        }),
        end,
    )
}

/// The `[p. 33]` right after a narrative key ending at `from` (one space between at most):
/// its content and the offset of its `]`. A `[` that starts a citation, a footnote or holds
/// one is not a locator.
fn narrative_locator(text: &str, from: usize) -> Option<(&str, usize)> {
    let rest = text.get(from..)?;
    let skip = usize::from(rest.starts_with(' '));
    let open = from + skip;
    let after = text.get(open..)?.strip_prefix('[')?;
    if after.starts_with(['@', '^']) || after.starts_with("-@") {
        return None;
    }
    let (len, _) = after
        .char_indices()
        .take(MAX_NARRATIVE_LOCATOR_CHARS)
        .find(|&(_, c)| c == ']' || c == '[')
        .filter(|&(_, c)| c == ']')?;
    let content = after.get(..len)?;
    if content.trim().is_empty() || has_citation_at(content) {
        return None;
    }
    Some((content, open + 1 + len))
}

/// Pandoc's locator terms (English), singular and plural, words and abbreviations.
const LOCATOR_TERMS: &[&str] = &[
    "book",
    "books",
    "bk.",
    "bks.",
    "chapter",
    "chapters",
    "chap.",
    "chaps.",
    "column",
    "columns",
    "col.",
    "cols.",
    "figure",
    "figures",
    "fig.",
    "figs.",
    "folio",
    "folios",
    "fol.",
    "fols.",
    "number",
    "numbers",
    "no.",
    "nos.",
    "line",
    "lines",
    "l.",
    "ll.",
    "note",
    "notes",
    "n.",
    "nn.",
    "opus",
    "opera",
    "op.",
    "opp.",
    "page",
    "pages",
    "p.",
    "pp.",
    "paragraph",
    "paragraphs",
    "para.",
    "paras.",
    "part",
    "parts",
    "pt.",
    "pts.",
    "section",
    "sections",
    "sec.",
    "secs.",
    "sub verbo",
    "sub verbis",
    "s.v.",
    "s.vv.",
    "verse",
    "verses",
    "v.",
    "vv.",
    "volume",
    "volumes",
    "vol.",
    "vols.",
    "§§",
    "§",
    "¶¶",
    "¶",
];

/// Splits what follows a key (`, pp. 33-35 and passim`) into the locator (`pp. 33-35`) and
/// the suffix (`and passim`). A locator is a locator term and a value, or a value starting
/// with a digit (a page); a value is numbers or roman numerals, joined by commas and dashes.
pub(super) fn split_locator(after_key: &str) -> (&str, &str) {
    let text = after_key.trim_start();
    let text = text.strip_prefix(',').unwrap_or(text).trim_start();
    if text.is_empty() {
        return ("", "");
    }
    let term_len = LOCATOR_TERMS
        .iter()
        .find(|term| {
            text.get(..term.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(term))
                && text
                    .get(term.len()..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|c| {
                        c.is_whitespace() || (term.ends_with('.') && c.is_ascii_digit())
                    })
        })
        .map_or(0, |term| term.len());
    let value_from = text
        .get(term_len..)
        .map_or(0, |rest| term_len + (rest.len() - rest.trim_start().len()));
    let value = text.get(value_from..).unwrap_or_default();
    if term_len == 0 && !value.starts_with(|c: char| c.is_ascii_digit()) {
        return ("", text.trim_end());
    }
    let value_len = locator_value_len(value);
    if value_len == 0 {
        return ("", text.trim_end());
    }
    let end = value_from + value_len;
    (
        text.get(..end).unwrap_or_default(),
        text.get(end..).unwrap_or_default().trim(),
    )
}

/// The length of the locator value at the start of `text`: tokens (a word holding a digit,
/// or a roman numeral) joined by `,`, `-`, `–` or `—` with optional spaces.
fn locator_value_len(text: &str) -> usize {
    let token_len = |s: &str| {
        let len = s
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(s.len());
        let token = s.get(..len).unwrap_or_default();
        let numeric = token.contains(|c: char| c.is_ascii_digit());
        let roman = !token.is_empty() && token.chars().all(|c| "ivxlcdmIVXLCDM".contains(c));
        if numeric || roman { len } else { 0 }
    };
    let mut end = token_len(text);
    if end == 0 {
        return 0;
    }
    loop {
        let rest = text.get(end..).unwrap_or_default();
        let trimmed = rest.trim_start();
        let Some(separator) = trimmed
            .chars()
            .next()
            .filter(|c| matches!(c, ',' | '-' | '–' | '—'))
        else {
            return end;
        };
        let after = trimmed
            .get(separator.len_utf8()..)
            .unwrap_or_default()
            .trim_start_matches(['-', ' ']);
        let next = token_len(after);
        if next == 0 {
            return end;
        }
        end = text.len() - after.len() + next;
    }
}

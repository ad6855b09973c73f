//! In-text citations in Pandoc syntax: `[@key]`, and `[@a; @b]` for a group.
//!
//! [`parse`] splits paragraph text into plain text and citation groups; [`printed_form`] turns a
//! group back into what the paper prints (`[2], [4]`).

use std::ops::Range;

/// A piece of paragraph text: plain text, or one citation group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Plain text.
    Text(&'a str),
    /// A citation group: its keys, and its byte range in the source text.
    Group {
        /// The keys in the order written.
        keys: Vec<&'a str>,
        /// Byte range of the whole `[@…]` in the source text.
        range: Range<usize>,
    },
}

/// A citation written wrongly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitationSyntaxError {
    /// Byte offset of the `[@` in the source text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// Splits `text` into plain text and citation groups.
///
/// A `[` not followed by `@` is plain text. A `[@` with no closing `]`, or a group with an empty
/// key, is a syntax error; the rest of the text is still parsed, and the bad part kept as text.
#[must_use]
pub fn parse(text: &str) -> (Vec<Piece<'_>>, Vec<CitationSyntaxError>) {
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut text_start = 0;
    let mut search_from = 0;
    // The first `]` at or after the current `[@`, remembered so that many `[@` before one `]`
    // are not each searched to the end (which would be quadratic).
    let mut next_close: Option<usize> = None;
    while let Some(found) = text.get(search_from..).and_then(|rest| rest.find("[@")) {
        let open = search_from + found;
        let close = match next_close {
            Some(close) if close >= open => Some(close),
            _ => text
                .get(open..)
                .and_then(|rest| rest.find(']'))
                .map(|n| open + n),
        };
        next_close = close;
        let Some(close) = close else {
            errors.push(CitationSyntaxError {
                offset: open,
                message: "citation `[@…` is never closed with `]`".to_owned(),
            });
            break;
        };
        // A `[@` opened again before this one is closed: this one is malformed, and parsing
        // goes on from the inner one (so `[@a [@b]]` still cites `b`). Checking this first
        // keeps nested openings linear.
        if let Some(nested) = text
            .get(open + 2..close)
            .and_then(|inner| inner.find("[@"))
            .map(|n| open + 2 + n)
        {
            errors.push(CitationSyntaxError {
                offset: open,
                message: format!(
                    "citation `{}` is not closed before the next `[@`",
                    shorten(text.get(open..nested).unwrap_or_default().trim_end())
                ),
            });
            search_from = nested;
            continue;
        }
        let inner = text.get(open + 1..close).unwrap_or_default();
        let mut keys = Vec::new();
        let mut bad = None;
        for part in inner.split(';') {
            let part = part.trim();
            match part.strip_prefix('@') {
                Some(key) if !key.is_empty() && !key.contains(char::is_whitespace) => {
                    keys.push(key);
                }
                _ => {
                    bad = Some(format!(
                        "citation group `{}` has an entry `{}` that is not `@key`",
                        shorten(text.get(open..=close).unwrap_or_default()),
                        shorten(part)
                    ));
                    break;
                }
            }
        }
        if let Some(message) = bad {
            errors.push(CitationSyntaxError {
                offset: open,
                message,
            });
            search_from = open + 2;
            continue;
        }
        if open > text_start {
            pieces.push(Piece::Text(text.get(text_start..open).unwrap_or_default()));
        }
        pieces.push(Piece::Group {
            keys,
            range: open..close + 1,
        });
        text_start = close + 1;
        search_from = text_start;
    }
    if text_start < text.len() {
        pieces.push(Piece::Text(text.get(text_start..).unwrap_or_default()));
    }
    (pieces, errors)
}

/// `text` cut to at most 60 characters (with `…` when cut), so that a message quoting a
/// runaway group stays short.
fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text.to_owned(),
    }
}

/// What the paper prints for a group: `[2], [4]`. `number` maps a key to its printed number;
/// a key with none prints as `[?key]`.
#[must_use]
pub fn printed_form(keys: &[&str], number: impl Fn(&str) -> Option<u32>) -> String {
    keys.iter()
        .map(|key| match number(key) {
            Some(n) => format!("[{n}]"),
            None => format!("[?{key}]"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_and_grouped_citations() {
        let (pieces, errors) = parse("A [@x] b [@y; @z].");
        assert!(errors.is_empty());
        assert_eq!(
            pieces,
            vec![
                Piece::Text("A "),
                Piece::Group {
                    keys: vec!["x"],
                    range: 2..6
                },
                Piece::Text(" b "),
                Piece::Group {
                    keys: vec!["y", "z"],
                    range: 9..17
                },
                Piece::Text("."),
            ]
        );
    }

    #[test]
    fn plain_brackets_are_text() {
        let (pieces, errors) = parse("see [this] and [1]");
        assert!(errors.is_empty());
        assert_eq!(pieces, vec![Piece::Text("see [this] and [1]")]);
    }

    #[test]
    fn unclosed_and_empty_citations_are_errors() {
        let (_, errors) = parse("oops [@x and more");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors.first().map(|e| e.offset), Some(5));
        let (pieces, errors) = parse("a [@] b [@ok]");
        assert_eq!(errors.len(), 1);
        assert!(
            pieces
                .iter()
                .any(|p| matches!(p, Piece::Group { keys, .. } if keys == &["ok"]))
        );
    }

    #[test]
    fn printed_form_matches_the_paper() {
        let number = |key: &str| match key {
            "a" => Some(2),
            "b" => Some(4),
            _ => None,
        };
        assert_eq!(printed_form(&["a", "b"], number), "[2], [4]");
        assert_eq!(printed_form(&["zz"], number), "[?zz]");
    }
}

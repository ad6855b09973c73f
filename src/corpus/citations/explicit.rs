//! Citations that give their printed form: `[Smith et al., 2019]{@smith2019}`,
//! `[[1]–[3]]{@a; @b; @c}`. An imported paper writes every marker of its source this way, so the
//! text prints exactly what the paper printed and links exactly the works its markup names.

use super::{Cite, Group};

/// How far the printed part may run (in bytes) before its `]{@`: markers are short, and the
/// bound keeps a text with many `[` linear.
const MAX_PRINTED: usize = 400;
/// How far the key list may run (in bytes) before its `}`.
const MAX_KEYS: usize = 4000;

/// The citation with a printed form starting at the `[` at byte `open` of `text`, and the offset
/// just after its `}`; `None` when there is none there. The printed part may hold balanced
/// brackets, and any bracket escaped (`[\[1,]{@a}` prints `[1,`, see [`unescape_printed`]);
/// the keys are `@key`s separated by `;`.
pub(super) fn group(text: &str, open: usize) -> Option<(Group<'_>, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut close = None;
    let mut escaped = false;
    for (offset, &byte) in bytes.iter().enumerate().skip(open).take(MAX_PRINTED) {
        if escaped {
            escaped = false;
            continue;
        }
        match byte {
            b'\\' => escaped = true,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(offset);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    if !text.get(close + 1..)?.starts_with("{@") {
        return None;
    }
    let keys_start = close + 2;
    let keys_end = keys_start
        + bytes
            .get(keys_start..)?
            .iter()
            .take(MAX_KEYS)
            .position(|&b| b == b'}')?;
    let printed = text.get(open + 1..close)?;
    let mut cites = Vec::new();
    let mut entry_start = keys_start;
    for entry in text.get(keys_start..keys_end)?.split(';') {
        let key = entry.trim().strip_prefix('@')?;
        if key.is_empty() || key.contains(|c: char| c.is_whitespace() || matches!(c, '@' | '{')) {
            return None;
        }
        let key_offset = entry_start + entry.find('@')? + 1;
        cites.push(Cite {
            key,
            key_range: key_offset..key_offset + key.len(),
            ..Cite::default()
        });
        entry_start += entry.len() + 1;
    }
    Some((
        Group {
            cites,
            narrative: false,
            printed: Some(printed),
            range: open..keys_end + 1,
        },
        keys_end + 1,
    ))
}

/// The printed part of an explicit citation as it reads: `\[` and `\]` are brackets.
#[must_use]
pub(super) fn unescape_printed(printed: &str) -> String {
    printed.replace("\\[", "[").replace("\\]", "]")
}

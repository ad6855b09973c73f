//! The paper's own numeric markers: `[1]`, `[4], [5]`, `[4],[5]`, `[17]–[21]`, `[1-3]`,
//! `[1–3, 7]`, `(1,2)`, `(1–3)`. Only groups written wholly of numbers, commas, dashes and
//! spaces are candidates; whether one is a citation is for the text pass to decide.

use super::{NumericMarker, Piece, Step};

/// The dashes a range may be written with: hyphen-minus, hyphen, non-breaking hyphen, figure
/// dash, en dash, em dash.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—')
}

/// Whether `c` may stand in a numeric marker.
fn is_marker_char(c: char) -> bool {
    c.is_ascii_digit() || c == ',' || c.is_whitespace() || is_dash(c)
}

/// The most digits a number in a marker has (more is no citation number).
const MAX_DIGITS: usize = 9;

/// `1–3, 7` → `[(1, 3), (7, 7)]`: numbers or ranges separated by commas, with any spaces. `None`
/// when `text` is anything else (empty, a word, a decimal point, a trailing comma).
fn number_list(text: &str) -> Option<Vec<(u32, u32)>> {
    let mut numbers = Vec::new();
    for item in text.split(',') {
        let item = item.trim();
        let first_len = item
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(item.len());
        let first = number(item.get(..first_len)?)?;
        let rest = item.get(first_len..)?.trim_start();
        if rest.is_empty() {
            numbers.push((first, first));
            continue;
        }
        let dash = rest.chars().next().filter(|&c| is_dash(c))?;
        let last = number(rest.get(dash.len_utf8()..)?.trim_start())?;
        numbers.push((first, last));
    }
    Some(numbers)
}

/// A number of one to [`MAX_DIGITS`] ASCII digits.
fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > MAX_DIGITS || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    digits.parse().ok()
}

/// The numbers of a bracket opening at `open` whose content is all marker characters, and the
/// offset of its `]`.
fn bracket_at(text: &str, open: usize) -> Option<(Vec<(u32, u32)>, usize)> {
    let after = text.get(open..)?.strip_prefix('[')?;
    let len = after
        .find(|c: char| !is_marker_char(c))
        .unwrap_or(after.len());
    let close = open + 1 + len;
    (text.get(close..)?.starts_with(']'))
        .then(|| number_list(text.get(open + 1..close)?).map(|numbers| (numbers, close)))
        .flatten()
}

/// A bracketed numeric marker at `open` (its `]` at `close`), with the brackets chained to it:
/// `[4], [5]` and `[4],[5]` list, `[17]–[21]` (any dash, spaces around it) is a range. Returns
/// the marker and the offset after it.
pub(super) fn bracketed(
    text: &str,
    open: usize,
    close: usize,
) -> Option<(NumericMarker<'_>, usize)> {
    let mut numbers = number_list(text.get(open + 1..close)?)?;
    let mut end = close + 1;
    loop {
        let rest = text.get(end..).unwrap_or_default();
        let trimmed = rest.trim_start_matches(' ');
        let Some(joiner) = trimmed.chars().next().filter(|&c| c == ',' || is_dash(c)) else {
            break;
        };
        let after = trimmed
            .get(joiner.len_utf8()..)
            .unwrap_or_default()
            .trim_start_matches(' ');
        let next_open = text.len() - after.len();
        let Some((next, next_close)) = bracket_at(text, next_open) else {
            break;
        };
        if is_dash(joiner) {
            // `[17]–[21]`: from the last number before the dash to the first after it.
            let from = numbers.pop().map_or(0, |(from, _)| from);
            let mut next = next.into_iter();
            let to = next.next().map_or(from, |(_, to)| to);
            numbers.push((from, to));
            numbers.extend(next);
        } else {
            numbers.extend(next);
        }
        end = next_close + 1;
    }
    Some((
        NumericMarker {
            written: text.get(open..end)?,
            numbers,
            parenthesised: false,
            range: open..end,
        },
        end,
    ))
}

/// A parenthesised numeric marker at the `(` at `open`: `(1,2)`, `(1–3)`. Parentheses that
/// hold numbers but cite nothing are text (see [`is_no_citation`]).
pub(super) fn parenthesised(text: &str, open: usize) -> Step<'_> {
    let after = text.get(open + 1..).unwrap_or_default();
    let len = after
        .find(|c: char| !is_marker_char(c))
        .unwrap_or(after.len());
    let close = open + 1 + len;
    if !text.get(close..).is_some_and(|rest| rest.starts_with(')')) {
        return Step::Text(close.max(open + 1));
    }
    let Some(numbers) = text.get(open + 1..close).and_then(number_list) else {
        return Step::Text(close + 1);
    };
    if is_no_citation(text, open, close, &numbers) {
        return Step::Text(close + 1);
    }
    let end = close + 1;
    Step::Piece(
        Piece::Numeric(NumericMarker {
            written: text.get(open..end).unwrap_or_default(),
            numbers,
            parenthesised: true,
            range: open..end,
        }),
        end,
    )
}

/// Whether the parentheses at `open..=close` holding `numbers` are something else than a
/// citation: a call or an index written against a word (`find(10)`, `x(2)`); a statistic's
/// range or spread after a number (`35 (28–40)`); or a single number that numbers a list item:
/// at the start of the text or after `:`, `;`, `,`, `.`, `?`, `!`, `and` or `or`, and followed
/// by a space and a word (`aims: (1) to count, (2) to compare`, `circuit. (1) Protons`).
fn is_no_citation(text: &str, open: usize, close: usize, numbers: &[(u32, u32)]) -> bool {
    let before_text = text.get(..open).unwrap_or_default();
    if before_text
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return true;
    }
    let before = before_text.trim_end();
    if before.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let single = matches!(numbers, [(first, last)] if first == last);
    let starts_item = before.is_empty()
        || before.ends_with([':', ';', ',', '.', '?', '!'])
        || [" and", " or"].iter().any(|w| before.ends_with(w))
        || before == "and"
        || before == "or";
    let after = text.get(close + 1..).unwrap_or_default();
    let followed_by_word = after.starts_with(char::is_whitespace)
        && after.trim_start().starts_with(char::is_alphabetic);
    single && starts_item && followed_by_word
}

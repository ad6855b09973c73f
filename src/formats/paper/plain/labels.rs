//! Reference lists whose entries open on a printed label instead of a number, and the text's
//! citations of those labels: `[Knu84] D. E. Knuth. …` as BibTeX's `alpha` style prints an
//! entry, `[Arons, 1997] Arons, B. (1997). …` as a `\bibitem[label]` prints without natbib;
//! cited as `[Knu84]`, `[BLM+11, Theorem 2]`, `[Rees86,6.2]` or `[Scheirer and Slaney, 1997,
//! Fujinaga, 1998]`. Labels are compared without their whitespace, which pdftotext adds and
//! drops (`[WVS+ 96]` is `[WVS+96]`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::corpus::model::Reference;

use super::entries::{Entry, entry_start, opens_beside_a_column};
use super::inline::append_joined;

/// The longest label read, in characters.
const MAX_LABEL: usize = 60;

/// The fewest entries opening on distinct labels for a list to be read as labelled.
const LEAST_LABELLED: usize = 3;

/// The longest bracketed text looked into for labels, in bytes (keeps the pass linear).
const MAX_BRACKET: usize = 400;

/// The most words before a label in a bracket that are read as its prefix (`[see Knu84]`).
const MAX_PREFIX_WORDS: usize = 3;

/// The label a line opens a list's entry with and the text after it (`[Knu84] D. E. Knuth…`,
/// `[Arons, 1997] Arons, B.…`, or a label alone on its line). A label opens on a letter: a
/// numbered list's `[3]` is none.
pub(super) fn label_start(line: &str) -> Option<(&str, &str)> {
    let inside = line.trim_start().strip_prefix('[')?;
    let close = inside.find(']')?;
    let label = inside.get(..close)?.trim();
    let rest = inside.get(close + 1..)?;
    let is_label = label.starts_with(char::is_alphabetic)
        && label.chars().count() <= MAX_LABEL
        && !label.contains('[');
    let separated = rest.is_empty() || rest.starts_with(char::is_whitespace);
    (is_label && separated).then(|| (label, rest.trim()))
}

/// `text` without its whitespace: a label as it is compared.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The entries of a list whose entries open on labels, each with its label, the lines after
/// a label joined to its entry (lines before the first label are no entry's), or labels
/// printed as a column of their own apart from their entries. `None` unless
/// at least [`LEAST_LABELLED`] lines open on labels, nearly all of them distinct (a wrapped
/// `[Online]` opening a line now and then labels nothing), and more than open on numbers.
pub(super) fn labelled_entries(
    groups: &[Vec<&str>],
    hyphenated: &HashSet<String>,
) -> Option<Vec<(String, Entry)>> {
    let lines: Vec<&str> = groups.iter().flatten().copied().collect();
    let labels: Vec<&str> = lines
        .iter()
        .filter_map(|line| label_start(line).map(|(label, _)| label))
        .collect();
    let distinct: HashSet<String> = labels.iter().map(|label| squeezed(label)).collect();
    let numbered = lines
        .iter()
        .filter(|line| entry_start(line, None).is_some())
        .count();
    if distinct.len() < LEAST_LABELLED
        || distinct.len() * 10 < labels.len() * 9
        || labels.len() <= numbered
    {
        return None;
    }
    if labels_in_a_column(&lines) {
        return Some(entries_beside_a_column_of_labels(&lines, hyphenated));
    }
    let mut out: Vec<(String, Entry)> = Vec::new();
    for line in lines {
        if let Some((label, rest)) = label_start(line) {
            let entry = Entry {
                number: None,
                text: rest.to_owned(),
            };
            out.push((label.to_owned(), entry));
        } else if let Some((_, entry)) = out.last_mut() {
            append_joined(&mut entry.text, line, hyphenated);
        }
    }
    Some(out)
}

/// Whether pdftotext printed a list's labels as a column of their own: two in a row at least,
/// each alone on its line (`[BB94]`⏎`[BBBV96]`⏎…).
fn labels_in_a_column(lines: &[&str]) -> bool {
    let alone = |line: &&str| label_start(line).is_some_and(|(_, rest)| rest.is_empty());
    lines.windows(2).any(|pair| pair.iter().all(alone))
}

/// The entries of a list whose labels stand in a column of their own, the entries after them:
/// the other lines, an entry opening on its first author's name, labelled in order; unless as
/// many entries open as there are labels, each with an empty label (which entry is whose
/// cannot be told: none is cited by its label).
fn entries_beside_a_column_of_labels(
    lines: &[&str],
    hyphenated: &HashSet<String>,
) -> Vec<(String, Entry)> {
    let mut labels: Vec<String> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut previous: Option<&str> = None;
    for line in lines {
        if let Some((label, rest)) = label_start(line) {
            labels.push(label.to_owned());
            if rest.is_empty() {
                continue;
            }
            entries.push(Entry {
                number: None,
                text: rest.to_owned(),
            });
        } else {
            match entries.last_mut() {
                Some(entry) if !opens_beside_a_column(line, previous) => {
                    append_joined(&mut entry.text, line, hyphenated);
                }
                _ if labels.is_empty() => {}
                _ => entries.push(Entry {
                    number: None,
                    text: line.trim().to_owned(),
                }),
            }
        }
        previous = Some(line);
    }
    if labels.len() != entries.len() {
        labels = vec![String::new(); entries.len()];
    }
    labels.into_iter().zip(entries).collect()
}

/// A citation of labels found in running text: the bracket's byte range and the ids of the
/// works its labels name, in order (none when it only looks like one: `[Xyz99]` naming no
/// label of the list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Found {
    /// The bracket's byte range, brackets included.
    pub(super) range: Range<usize>,
    /// The ids of the works named.
    pub(super) keys: Vec<String>,
}

/// The labels of a labelled list's works, as the text's citations name them.
#[derive(Clone, Debug, Default)]
pub(super) struct Labels {
    /// Each label without its whitespace, and the id of its work.
    ids: HashMap<String, String>,
    /// The most pieces (parted by `,` and `;`) a label has.
    most_pieces: usize,
}

impl Labels {
    /// The labels of `references` (those printed with one); `None` when none was.
    pub(super) fn of(references: &[Reference]) -> Option<Self> {
        let mut labels = Self::default();
        for reference in references {
            let Some(label) = reference.citation_label() else {
                continue;
            };
            labels.most_pieces = labels
                .most_pieces
                .max(label.matches([',', ';']).count() + 1);
            labels
                .ids
                .entry(squeezed(label))
                .or_insert_with(|| reference.id.clone());
        }
        (!labels.ids.is_empty()).then_some(labels)
    }

    /// Every bracket of `text` naming labels of the list, and every one whose pieces all look
    /// like `alpha` labels (`[Xyz99]`, `[AB+01; Cd02]`) but name none of its works, in order.
    pub(super) fn find(&self, text: &str) -> Vec<Found> {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(open) = text.get(at..).and_then(|rest| rest.find('[')) {
            let open = at + open;
            let inside_start = open + 1;
            let mut window_end = text.len().min(inside_start + MAX_BRACKET);
            while !text.is_char_boundary(window_end) {
                window_end -= 1;
            }
            let window = text.get(inside_start..window_end).unwrap_or_default();
            let closes = |i: &usize| window.get(*i..).is_some_and(|rest| rest.starts_with(']'));
            let Some(close) = window.find(['[', ']']).filter(closes) else {
                at = inside_start;
                continue;
            };
            let inside = window.get(..close).unwrap_or_default();
            let keys = self.keys_in(inside);
            if !keys.is_empty() || looks_like_labels(inside) {
                found.push(Found {
                    range: open..inside_start + close + 1,
                    keys,
                });
            }
            at = inside_start + close + 1;
        }
        found
    }

    /// The ids of the works the labels in a bracket's `inside` name, in order: its pieces
    /// (parted by `,` and `;`) read left to right, each run of pieces that together spell a
    /// label (`Scheirer and Slaney, 1997`) naming its work, a piece that names none (a
    /// locator: `Theorem 2`, `p.214`) passed over; a label may follow a few words of prefix
    /// (`see Knu84`).
    fn keys_in(&self, inside: &str) -> Vec<String> {
        let mut pieces: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        for (at, c) in inside.char_indices() {
            if matches!(c, ',' | ';') {
                pieces.push(start..at);
                start = at + 1;
            }
        }
        pieces.push(start..inside.len());
        let mut keys: Vec<String> = Vec::new();
        let mut piece = 0;
        while let Some(first) = pieces.get(piece) {
            let first_text = inside.get(first.clone()).unwrap_or_default();
            // Where a label may begin in the first piece: its start, or after a word of prefix.
            let starts = std::iter::once(first.start).chain(
                first_text
                    .match_indices(char::is_whitespace)
                    .map(|(i, _)| first.start + i + 1)
                    .take(MAX_PREFIX_WORDS + 1),
            );
            let last_piece = (piece + self.most_pieces).min(pieces.len());
            let named = starts.into_iter().find_map(|from| {
                (piece..last_piece).rev().find_map(|last| {
                    let end = pieces.get(last)?.end;
                    let id = self.ids.get(&squeezed(inside.get(from..end)?))?;
                    Some((last, id))
                })
            });
            match named {
                Some((last, id)) => {
                    if !keys.contains(id) {
                        keys.push(id.clone());
                    }
                    piece = last + 1;
                }
                None => piece += 1,
            }
        }
        keys
    }
}

/// Whether every piece of a bracket's `inside` (parted by `,` and `;`) looks like an `alpha`
/// label: a capital, up to seven more letters (or `+`, `-`), two digits and perhaps a letter
/// (`Knu84`, `BLM+11`, `Cha93a`).
fn looks_like_labels(inside: &str) -> bool {
    inside.split([',', ';']).all(|piece| {
        let piece = squeezed(piece);
        let letters = piece
            .char_indices()
            .find(|(_, c)| c.is_ascii_digit())
            .map_or(piece.len(), |(i, _)| i);
        let (head, tail) = piece.split_at(letters);
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        let after = tail.get(digits..).unwrap_or_default();
        head.starts_with(|c: char| c.is_ascii_uppercase())
            && head.len() <= 8
            && head
                .chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, '+' | '-'))
            && digits == 2
            && (after.is_empty()
                || (after.len() == 1 && after.bytes().all(|b| b.is_ascii_lowercase())))
    })
}

#[cfg(test)]
#[path = "labels_tests.rs"]
mod tests;

//! Tables and figures named in the text: "Table 2", "Fig. 3A", "Figures 1 and 2", "Tables
//! 2–4", "S1 Fig", found by the labels the corpus gives its tables and figures, whatever the
//! paper calls them ("Box 1", "Scheme 2", "Table S1", "Table IV").

use std::collections::HashMap;
use std::ops::Range;

use super::FloatMark;
use crate::corpus::item::Item;
use crate::corpus::model::CorpusFile;

/// The most tables or figures a written range ("Figures 1–4") names.
const MOST_IN_A_RANGE: u32 = 50;

/// Finds the tables and figures a paragraph names by their labels.
#[derive(Debug, Default)]
pub(super) struct FloatMatcher {
    /// `(kind word, number)` → the table or figure labelled so; both in lower case, the kind
    /// word in its usual form (`figure` for `Fig.`, `Figs`, `Figures`).
    labels: HashMap<(String, String), Item>,
    /// Every kind word the labels use, in that form.
    kinds: Vec<String>,
    /// Whether some label prints its number first (PLOS's "S1 Fig", "S2 Table").
    number_first: bool,
}

impl FloatMatcher {
    /// The matcher of `file`'s table and figure labels. A label given twice names the first
    /// table or figure that has it.
    pub(super) fn new(file: &CorpusFile) -> Self {
        let mut matcher = Self::default();
        let tables = file
            .tables
            .iter()
            .enumerate()
            .map(|(i, t)| (Item::Table(i), t.label.as_str()));
        let figures = file
            .figures
            .iter()
            .enumerate()
            .map(|(i, f)| (Item::Figure(i), f.label.as_str()));
        for (item, label) in tables.chain(figures) {
            let Some((kind, number, number_first)) = parse_label(label) else {
                continue;
            };
            if !matcher.kinds.contains(&kind) {
                matcher.kinds.push(kind.clone());
            }
            matcher.number_first |= number_first;
            matcher.labels.entry((kind, number)).or_insert(item);
        }
        matcher
    }

    /// The tables and figures `text` names in `segment` (a byte range of it), in order. A
    /// range's inner members ("2" and "3" of "Tables 1–4") are marked with an empty range
    /// where the range is written: they are linked but nothing is drawn for them.
    pub(super) fn marks(&self, text: &str, segment: Range<usize>, out: &mut Vec<FloatMark>) {
        if self.labels.is_empty() {
            return;
        }
        let Some(slice) = text.get(segment.clone()) else {
            return;
        };
        let mut at = 0;
        while let Some(token) = next_token(slice, at) {
            at = token.end;
            let Some(word) = slice.get(token.clone()) else {
                continue;
            };
            if let Some(kind) = self.kind_of(word) {
                at = self.read_list(slice, kind, token.start, token.end, segment.start, out);
            } else if self.number_first
                && is_number(word)
                && let Some(next) = next_token(slice, token.end)
                && slice.get(token.end..next.start).is_some_and(is_space)
                && let Some(kind) = slice.get(next.clone()).and_then(|w| self.kind_of(w))
                && let Some(item) = self.find(kind, word)
            {
                let end = word_end_with_stop(slice, next.end);
                out.push(FloatMark {
                    item,
                    range: segment.start + token.start..segment.start + end,
                });
                at = end;
            }
        }
    }

    /// Reads the numbers after the kind word at `word_start..word_end` of `slice` ("Figs. 2
    /// and 3", "Table 1–3"), marking each that names a table or figure; returns where reading
    /// stopped.
    fn read_list(
        &self,
        slice: &str,
        kind: &str,
        word_start: usize,
        word_end: usize,
        offset: usize,
        out: &mut Vec<FloatMark>,
    ) -> usize {
        let after_word = word_end_with_stop(slice, word_end);
        let Some(first) = next_token(slice, after_word) else {
            return after_word;
        };
        let gap = slice.get(after_word..first.start).unwrap_or_default();
        let Some(number) = slice.get(first.clone()).filter(|n| is_number(n)) else {
            return after_word;
        };
        // "Fig.1" is written without a space; "Table1" is one word, not a label.
        if !(is_space(gap) && (!gap.is_empty() || after_word > word_end)) {
            return after_word;
        }
        let Some(item) = self.find(kind, number) else {
            return first.end;
        };
        out.push(FloatMark {
            item,
            range: offset + word_start..offset + first.end,
        });
        let mut previous = (number, first.end);
        loop {
            let Some((is_range, next)) = list_continues(slice, previous.1) else {
                return previous.1;
            };
            let Some(number) = slice.get(next.clone()).filter(|n| is_number(n)) else {
                return previous.1;
            };
            if is_roman(number) != is_roman(previous.0) {
                return previous.1;
            }
            if is_range {
                self.mark_between(kind, (previous.0, number), offset + previous.1, out);
            }
            if let Some(item) = self.find(kind, number) {
                out.push(FloatMark {
                    item,
                    range: offset + next.start..offset + next.end,
                });
            }
            previous = (number, next.end);
        }
    }

    /// Marks, with an empty range at `at`, the tables or figures numbered strictly between the
    /// two ends of a written range (`S1`–`S4` too; not Roman numerals or panels' letters).
    fn mark_between(
        &self,
        kind: &str,
        (from, to): (&str, &str),
        at: usize,
        out: &mut Vec<FloatMark>,
    ) {
        let (Some((prefix, first)), Some((to_prefix, last))) =
            (prefixed_number(from), prefixed_number(to))
        else {
            return;
        };
        if !prefix.eq_ignore_ascii_case(to_prefix) || last <= first {
            return;
        }
        for number in (first + 1..last).take(MOST_IN_A_RANGE as usize) {
            if let Some(item) = self.find(kind, &format!("{prefix}{number}")) {
                out.push(FloatMark {
                    item,
                    range: at..at,
                });
            }
        }
    }

    /// The kind word `word` is ("Fig" → `figure`, "Tables" → `table`), when a label uses it.
    fn kind_of(&self, word: &str) -> Option<&str> {
        let usual = usual_kind(word);
        let singular = [
            Some(usual.as_str()),
            usual.strip_suffix("es"),
            usual.strip_suffix('s'),
        ];
        singular
            .into_iter()
            .flatten()
            .find_map(|form| self.kinds.iter().find(|k| k.as_str() == form))
            .map(String::as_str)
    }

    /// The table or figure `number` names among those of `kind`: as written ("3A" when a
    /// figure is labelled so), else without a panel's letters ("3A" → figure 3).
    fn find(&self, kind: &str, number: &str) -> Option<Item> {
        let lower = number.to_lowercase();
        let key = (kind.to_owned(), lower);
        if let Some(item) = self.labels.get(&key) {
            return Some(*item);
        }
        let without_panel = key.1.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (without_panel.len() < key.1.len() && without_panel.ends_with(|c: char| c.is_ascii_digit()))
            .then(|| {
                self.labels
                    .get(&(kind.to_owned(), without_panel.to_owned()))
            })
            .flatten()
            .copied()
    }
}

/// A label's kind word, number and whether the number comes first: "Table 2" → (`table`,
/// `2`, false), "Fig. 3" → (`figure`, `3`, false), "S1 Fig" → (`figure`, `s1`, true),
/// "Supplementary Table S1" → (`table`, `s1`, false). `None` for a label without a number
/// ("Graphical abstract").
fn parse_label(label: &str) -> Option<(String, String, bool)> {
    let words: Vec<&str> = label
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_end_matches([':', '.', ',']))
        .filter(|w| !w.is_empty())
        .collect();
    let [.., first, second] = words.as_slice() else {
        return None;
    };
    let is_word = |w: &str| w.chars().all(char::is_alphabetic) && !is_roman(w);
    if is_word(first) && is_number(second) {
        Some((usual_kind(first), second.to_lowercase(), false))
    } else if is_number(first) && is_word(second) {
        Some((usual_kind(second), first.to_lowercase(), true))
    } else {
        None
    }
}

/// A kind word in lower case, without its stop, abbreviations written out: `figure` for
/// "Fig", "Figs.", "Figure", "Figures"; `table` for "Tab.", "Tbl", "Tables".
fn usual_kind(word: &str) -> String {
    let lower = word.trim_end_matches('.').to_lowercase();
    match lower.as_str() {
        "fig" | "figs" | "figure" | "figures" => "figure".to_owned(),
        "tab" | "tabs" | "tbl" | "table" | "tables" => "table".to_owned(),
        _ => lower,
    }
}

/// Whether `token` reads as a table's or figure's number: digits, with letters before or after
/// ("S1", "3A", "A2") or dots between ("2.1"), or a Roman numeral in capitals ("IV").
fn is_number(token: &str) -> bool {
    if is_roman(token) {
        return true;
    }
    token.chars().any(|c| c.is_ascii_digit())
        && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        && !token.ends_with('.')
        && token.chars().filter(char::is_ascii_alphabetic).count() <= 2
}

/// Whether `token` is a Roman numeral in capitals, up to 39 (`I` … `XXXIX`).
fn is_roman(token: &str) -> bool {
    !token.is_empty() && token.len() <= 6 && token.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// `S12` → ("S", 12); `3` → ("", 3); `None` when letters follow the digits or nothing does.
fn prefixed_number(token: &str) -> Option<(&str, u32)> {
    let digits_from = token.find(|c: char| c.is_ascii_digit())?;
    let (prefix, digits) = token.split_at(digits_from);
    Some((prefix, digits.parse().ok()?))
}

/// The next token of `slice` from byte `from`: a run of letters and digits (with dots between
/// digits, "2.1") that does not run on from a word before it, or `None` at the end.
fn next_token(slice: &str, from: usize) -> Option<Range<usize>> {
    let mut from = from;
    loop {
        let rest = slice.get(from..)?;
        let start = from + rest.find(char::is_alphanumeric)?;
        let end = token_end(slice, start);
        let runs_on = slice
            .get(..start)
            .is_some_and(|before| before.ends_with(char::is_alphanumeric));
        if !runs_on {
            return Some(start..end);
        }
        from = end;
    }
}

/// Where the token starting at `start` ends.
fn token_end(slice: &str, start: usize) -> usize {
    let mut end = start;
    let Some(rest) = slice.get(start..) else {
        return end;
    };
    let mut chars = rest.char_indices().peekable();
    let mut after_digit = false;
    while let Some((i, c)) = chars.next() {
        let dot_between_digits =
            c == '.' && after_digit && chars.peek().is_some_and(|(_, d)| d.is_ascii_digit());
        if !(c.is_alphanumeric() || dot_between_digits) {
            break;
        }
        after_digit = c.is_ascii_digit();
        end = start + i + c.len_utf8();
    }
    end
}

/// Where a kind word ending at `end` ends with its abbreviation's stop ("Fig.").
fn word_end_with_stop(slice: &str, end: usize) -> usize {
    if slice.get(end..).is_some_and(|rest| rest.starts_with('.')) {
        end + 1
    } else {
        end
    }
}

/// Whether `gap` is only spaces (no-break ones too).
fn is_space(gap: &str) -> bool {
    gap.chars().all(char::is_whitespace)
}

/// After a number ending at `end`, whether another follows in the same list: `, 3`, ` and 3`,
/// `, and 3`, ` & 3`, ` or 3`, or a range `–3`, `-3`, ` to 3`. Gives whether it is a range and
/// where the next number is.
fn list_continues(slice: &str, end: usize) -> Option<(bool, Range<usize>)> {
    let rest = slice.get(end..)?;
    let trimmed = rest.trim_start();
    let (is_range, after) = if let Some(after) = trimmed.strip_prefix(['–', '-', '—']) {
        (true, after)
    } else if let Some(after) = trimmed.strip_prefix(',') {
        let after = after.trim_start();
        (false, after.strip_prefix("and ").unwrap_or(after))
    } else if let Some(after) = ["and ", "& ", "or "]
        .iter()
        .find_map(|word| trimmed.strip_prefix(word))
    {
        (false, after)
    } else {
        (true, trimmed.strip_prefix("to ")?)
    };
    let next_start = slice.len() - after.trim_start().len();
    let next = next_token(slice, next_start)?;
    (next.start == next_start).then_some((is_range, next))
}

#[cfg(test)]
#[path = "floats_tests.rs"]
mod tests;

//! A reference list's entries as printed: where each starts (`[3] …`, `3. …`, a number alone
//! above its entry, numbers printed as a column of their own apart from their entries) and,
//! for a list without numbers, where an author–date entry ends and the next opens.

use std::collections::{HashSet, VecDeque};

use super::dated::{self, is_given_names};
use super::inline::append_joined;
use super::names::{self, opens_with_author};

/// The highest number a reference list entry is read with.
const MAX_NUMBER: u32 = 100_000;

/// The most entries a list's numbers may skip (`2.` then `10.`) where the text between was
/// printed elsewhere.
const MAX_SKIP: u32 = 20;

/// One entry of the list as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    /// Its printed number, if the list is numbered.
    pub(super) number: Option<u32>,
    /// Its text after the number, lines joined.
    pub(super) text: String,
}

/// The printed number a line starts an entry with, and the text after it: `[3] …`, `3. …`,
/// `3) …`, after an optional list bullet; `[3]` or `3.` alone, its text on the lines below. A `3.` must
/// follow the entry before it (`2.`), so that a wrapped line starting with a year is not an
/// entry.
pub(super) fn entry_start(line: &str, previous: Option<u32>) -> Option<(u32, &str)> {
    let line = line.trim_start();
    let line = ["- ", "• ", "* ", "– "]
        .iter()
        .find_map(|bullet| line.strip_prefix(bullet))
        .unwrap_or(line)
        .trim_start();
    let (number, rest, bracketed, stop) = if let Some(inside) = line.strip_prefix('[') {
        let (number, rest) = inside.split_once(']')?;
        (number, rest, true, false)
    } else {
        let end = line.find(|c: char| !c.is_ascii_digit())?;
        let rest = line.get(end..)?;
        let after_stop = rest.strip_prefix('.');
        let stop = after_stop.is_some();
        let rest = after_stop.or_else(|| rest.strip_prefix(')'))?;
        (line.get(..end)?, rest, false, stop)
    };
    if number.is_empty() || number.len() > 6 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u32 = number
        .parse()
        .ok()
        .filter(|n| (1..=MAX_NUMBER).contains(n))?;
    let follows = previous.map_or(number <= 5, |p| number == p + 1);
    // `10.Wang, R.`: a PDF's text may drop the space after a number of two digits; the entry
    // must then follow the one before and open on a capital.
    let glued =
        stop && previous.is_some_and(|p| number == p + 1) && rest.starts_with(char::is_uppercase);
    // `[3]` or `3.` alone on its line: the entry's text is on the lines below.
    let separated =
        rest.starts_with(char::is_whitespace) || ((bracketed || stop) && rest.is_empty()) || glued;
    // Entries printed out of order (a column's read before the heading) leave a gap: a number
    // a little past the one before, its entry opening on an author's name, still starts one.
    let skips_ahead = previous.is_some_and(|p| number > p && number <= p + MAX_SKIP)
        && opens_with_author(rest.trim_start());
    (separated && (bracketed || follows || skips_ahead)).then(|| (number, rest.trim()))
}

/// The entries of the reference list's lines (blank lines and page breaks already taken out of
/// `lines`): numbered entries, each with the lines that follow it; entries beside a column of
/// their numbers, numbered in order; or, when no line starts with a number, one entry per group
/// of lines (`groups`, the blocks the list was printed in), a group cut where a line opens an
/// author–date entry after one that ends an entry.
pub(super) fn entries(groups: &[Vec<&str>], hyphenated: &HashSet<String>) -> Vec<Entry> {
    if let Some(highest) = column_of_numbers(groups) {
        let without_numbers: Vec<Vec<&str>> = groups
            .iter()
            .map(|group| {
                group
                    .iter()
                    .copied()
                    .filter(|line| bare_number(line).is_none())
                    .collect::<Vec<&str>>()
            })
            .filter(|group| !group.is_empty())
            .collect();
        return entries_beside_a_column_of_numbers(&without_numbers, highest, hyphenated)
            .unwrap_or_else(|| unnumbered_entries(&without_numbers, hyphenated));
    }
    let lines: Vec<&str> = groups.iter().flatten().copied().collect();
    let mut out: Vec<Entry> = Vec::new();
    let mut previous = None;
    let mut column = Column::default();
    for (i, line) in lines.iter().enumerate() {
        if let Some((number, text)) = entry_start(line, previous) {
            previous = Some(number);
            // A number alone above another (`51.`⏎`52.`), above the lower-case rest of the
            // entry before, or after such numbers: a column of numbers, its entries below.
            let in_column = text.is_empty()
                && (!column.numbers.is_empty()
                    || lines.get(i + 1).is_some_and(|next| {
                        bare_number(next).is_some() || next.starts_with(char::is_lowercase)
                    }));
            if in_column {
                column.add(number, out.len());
                continue;
            }
            column.end(&mut out, hyphenated);
            out.push(Entry {
                number: Some(number),
                text: text.to_owned(),
            });
        } else if let Some(number) =
            column.next_number(line, i.checked_sub(1).and_then(|p| lines.get(p)))
        {
            out.push(Entry {
                number: Some(number),
                text: line.trim().to_owned(),
            });
        } else if let Some(entry) = out.last_mut() {
            append_joined(&mut entry.text, line, hyphenated);
        }
    }
    column.end(&mut out, hyphenated);
    if out.is_empty() {
        return unnumbered_entries(groups, hyphenated);
    }
    out
}

/// The numbers of a numbered list printed as a column of their own (`51.`⏎`52.`⏎`53.`), their
/// entries following, each opening on its first author's name.
#[derive(Default)]
struct Column {
    /// The numbers whose entries have yet to come.
    numbers: VecDeque<u32>,
    /// How many entries the list had when the column began.
    first_entry: usize,
    /// Whether an entry of the column has started.
    started: bool,
    /// Whether more entries opened than the column has numbers.
    overflowed: bool,
}

impl Column {
    /// Adds `number` to the column; `entries` is how many entries the list has so far.
    fn add(&mut self, number: u32, entries: usize) {
        if self.numbers.is_empty() && !self.started {
            self.first_entry = entries;
        }
        self.numbers.push_back(number);
    }

    /// The number of the entry `line` opens, if the column has numbers left and `line` opens
    /// on an author's name (or directly follows the column, not a lower-case continuation)
    /// after a `previous` line that leaves no names unfinished.
    fn next_number(&mut self, line: &str, previous: Option<&&str>) -> Option<u32> {
        if self.numbers.is_empty() && !self.started {
            return None;
        }
        let first = !self.started
            && previous.is_some_and(|previous| bare_number(previous).is_some())
            && !line.starts_with(char::is_lowercase);
        if !first && !opens_beside_a_column(line, previous.copied()) {
            return None;
        }
        self.started = true;
        let number = self.numbers.pop_front();
        self.overflowed |= number.is_none();
        number
    }

    /// Ends the column: when its entries did not open as many times as it has numbers, they
    /// are not told apart and are joined to the entry before it, unnumbered by the column.
    fn end(&mut self, out: &mut Vec<Entry>, hyphenated: &HashSet<String>) {
        let mismatched = !self.numbers.is_empty() || self.overflowed;
        if mismatched && self.first_entry <= out.len() {
            let unmatched = out.split_off(self.first_entry);
            if let Some(entry) = out.last_mut() {
                for other in unmatched {
                    append_joined(&mut entry.text, &other.text, hyphenated);
                }
            }
        }
        *self = Self::default();
    }
}

/// The entries of a list without numbers: one per group of lines, a group cut where a line
/// opens an author–date entry after one that ends an entry.
fn unnumbered_entries(groups: &[Vec<&str>], hyphenated: &HashSet<String>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for group in groups {
        let mut text = String::new();
        for (i, line) in group.iter().enumerate() {
            // An author–date list printed without blank lines: a line opening an entry after a
            // line ending one starts the next.
            let starts = i > 0
                && group
                    .get(i - 1)
                    .is_some_and(|previous| dated::ends_entry(previous))
                && (dated::opens_entry(line, group.get(i + 1).copied())
                    || opens_on_long_author_list(group.get(i..).unwrap_or_default())
                    || opens_mla_entry(line)
                    || opens_initials_entry(line)
                    || opens_organisation_entry(line, &text));
            if starts && !text.is_empty() {
                out.push(Entry {
                    number: None,
                    text: std::mem::take(&mut text),
                });
            }
            append_joined(&mut text, line, hyphenated);
        }
        out.push(Entry { number: None, text });
    }
    out
}

/// The most lines an entry's author list is read over before its year.
const MAX_AUTHOR_LINES: usize = 4;

/// Whether `lines` open an entry whose author list runs over three lines or more before its
/// year, as ACL's long lists of names wrap (`Matthew E. Peters, Mark Neumann, Mohit Iyyer,
/// Matt`⏎`Gardner, Christopher Clark, Kenton Lee, and Luke`⏎`Zettlemoyer. 2018. Deep …`).
fn opens_on_long_author_list(lines: &[&str]) -> bool {
    // Names running on: a comma among them, no full stop ending the first two lines.
    let runs_on = |line: Option<&&str>| line.is_some_and(|line| !line.trim_end().ends_with('.'));
    if !lines.first().is_some_and(|line| line.contains(','))
        || !runs_on(lines.first())
        || !runs_on(lines.get(1))
    {
        return false;
    }
    let mut joined = String::new();
    for (count, line) in lines.iter().take(MAX_AUTHOR_LINES).enumerate() {
        if count > 0 {
            joined.push(' ');
        }
        joined.push_str(line.trim());
        if count >= 2 && dated::opens_entry(&joined, None) {
            return true;
        }
    }
    false
}

/// Whether `line` opens an entry of MLA's Works Cited, which prints no year after the names:
/// its first author inverted, given names written out, then a full stop or more authors
/// (`Black, Carla. The Handbook…`, `Green, Anne, and Ben White.`, `Said, Edward W. “Reflections`,
/// `Lee, Anna, et al.`).
fn opens_mla_entry(line: &str) -> bool {
    let Some((family, rest)) = line.split_once(", ") else {
        return false;
    };
    let family_words: Vec<&str> = family.split_whitespace().collect();
    let given = rest.split([',', '“', '"']).next().unwrap_or_default();
    let Some(given) = given
        .split_once(". ")
        .map(|(given, _)| given)
        .or_else(|| given.strip_suffix('.'))
        .or_else(|| rest.contains(',').then_some(given))
    else {
        return false;
    };
    (1..=3).contains(&family_words.len())
        && names::is_name(family)
        && family_words
            .iter()
            .all(|word| word.chars().any(char::is_lowercase))
        && is_given_names(given.trim())
}

/// Whether `line` opens an entry whose first author is inverted with initials, as ICML's and
/// other machine-learning lists print them with the year at the end (`Chandrasekaran, V.,
/// Sanghavi, S., …`, `Davidson, K. R. and Szarek, S. J. Local operator theory …`): a family
/// name written out, a comma, initials, then a comma, `and` or the title.
pub(super) fn opens_initials_entry(line: &str) -> bool {
    let Some((family, rest)) = line.split_once(", ") else {
        return false;
    };
    let family_words: Vec<&str> = family.split_whitespace().collect();
    let initials: Vec<&str> = rest
        .split_whitespace()
        .take_while(|word| names::is_dotted_initial(word.trim_end_matches(',')))
        .collect();
    let after = rest
        .split_whitespace()
        .nth(initials.len())
        .unwrap_or_default();
    (1..=3).contains(&family_words.len())
        && family_words.iter().all(|word| {
            word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase)
        })
        && names::is_name(family)
        && !initials.is_empty()
        && (initials.last().is_some_and(|last| last.ends_with(','))
            || after == "and"
            || after.starts_with(char::is_uppercase))
}

/// Whether `line` opens an entry whose author is an organisation, after an entry that is
/// complete, as MLA closes one on its year or pages (`Oxford UP, 2015.`, `pp. 98-110.`):
/// `United Nations Office on Drugs and Crime. Global Report on Trafficking in Persons. …`. A
/// title wrapped onto a line of its own follows an entry that has not closed yet.
fn opens_organisation_entry(line: &str, entry_so_far: &str) -> bool {
    let closed = entry_so_far
        .trim_end()
        .strip_suffix('.')
        .is_some_and(|entry| {
            let last = entry.rsplit([' ', ',']).next().unwrap_or_default();
            let year = last.len() == 4 && last.bytes().all(|b| b.is_ascii_digit());
            let pages = entry.rsplit_once(" pp. ").is_some_and(|(_, pages)| {
                pages
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
            });
            year || pages
        });
    let Some((name, rest)) = line.split_once(". ") else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    closed
        && !rest.trim().is_empty()
        && (2..=12).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || ["of", "on", "and", "for", "the", "in"].contains(w)
        })
}

/// The number a line holds alone (`3`, `3.`), as a list's numbers printed apart from their
/// entries are.
fn bare_number(line: &str) -> Option<u32> {
    let digits = line.trim().trim_end_matches('.');
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The highest number of a list whose numbers pdftotext printed apart from their entries, as
/// a column of lines of their own (`1.`⏎`2.`⏎`3.`⏎⏎`Zimmermann MB, …`), some of them perhaps
/// lost; `None` unless the list opens on a number line and two stand in a row. The numbers counted run upwards from
/// one of the first five, each at most [`MAX_SKIP`] past the one before (a page number is no
/// entry's).
fn column_of_numbers(groups: &[Vec<&str>]) -> Option<u32> {
    let lines: Vec<&str> = groups.iter().flatten().copied().collect();
    if lines
        .first()
        .is_none_or(|first| bare_number(first).is_none())
    {
        return None;
    }
    let in_a_row = lines
        .windows(2)
        .any(|pair| pair.iter().all(|line| bare_number(line).is_some()));
    if !in_a_row {
        return None;
    }
    let mut highest = 0;
    for number in lines.iter().filter_map(|line| bare_number(line)) {
        let starts = highest == 0 && (1..=5).contains(&number);
        if starts || (highest > 0 && number > highest && number <= highest + MAX_SKIP) {
            highest = number;
        }
    }
    (highest >= 3).then_some(highest)
}

/// The entries of a list printed beside a column of numbers up to `highest`, its lines
/// (`groups`) without the numbers: each entry opens on its first author's name after a line
/// that does not leave the names unfinished (`,`, `and`), or on an organisation's after a line
/// that closes an entry, and the entries are numbered in order. `None` unless there are as
/// many entries as `highest`.
fn entries_beside_a_column_of_numbers(
    groups: &[Vec<&str>],
    highest: u32,
    hyphenated: &HashSet<String>,
) -> Option<Vec<Entry>> {
    let mut out: Vec<Entry> = Vec::new();
    let mut previous: Option<&str> = None;
    for line in groups.iter().flatten() {
        match out.last_mut() {
            Some(entry) if !opens_beside_a_column(line, previous) => {
                append_joined(&mut entry.text, line, hyphenated);
            }
            _ => out.push(Entry {
                number: u32::try_from(out.len() + 1).ok(),
                text: line.trim().to_owned(),
            }),
        }
        previous = Some(line);
    }
    (u32::try_from(out.len()).ok() == Some(highest)).then_some(out)
}

/// Whether `line` opens an entry of a list printed beside a column of its numbers: on its
/// first author's name after a `previous` line that does not leave the names unfinished (`,`,
/// `and`), or on an organisation's after a line that closes an entry.
pub(super) fn opens_beside_a_column(line: &str, previous: Option<&str>) -> bool {
    let previous = previous.map(str::trim_end);
    let names_unfinished = previous.is_some_and(|previous| {
        previous.ends_with([',', '&', '-', '–']) || previous.ends_with(" and")
    });
    !names_unfinished
        && (opens_with_author(line)
            || previous.is_some_and(|previous| {
                previous.ends_with(['.', ')']) && opens_with_organisation(line)
            }))
}

/// Whether `line` opens on an organisation or a person named in full as an entry's author, its
/// name's words capitalised up to a full stop or a comma (`World Health Organization. World
/// prevalence…`, `World Health Organization, United Nations University`, `Michael Dobson.`).
fn opens_with_organisation(line: &str) -> bool {
    let Some(end) = line.find([',', '.']) else {
        return false;
    };
    let name = line.get(..end).unwrap_or_default();
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || ["of", "on", "and", "for", "the", "in"].contains(w)
        })
        && line
            .get(end + 1..)
            .is_some_and(|rest| rest.starts_with(' '))
}

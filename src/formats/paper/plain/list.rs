//! Where the reference list stands: under its heading, also when a PDF's text prints the
//! heading directly above the first entry with no blank line between (`References⏎[1] F.
//! Englert…`; a numbered section heading printed so is split off likewise), or, with no
//! heading at all, as the numbered entries that end the text (`[1] …` to `[53] …`, as physics
//! journals print their lists).

use super::blocks::{Block, Line, caption};
use super::dated;
use super::entries::{entry_start, opens_initials_entry};
use super::inline::continues;
use super::labels::label_start;
use super::outline;
use super::references::year_in;
use super::section_names;
use super::structure;

/// The most lines of text that may follow an unheaded list's last entry start: the rest of
/// that entry, wrapped, and what a page ends with.
const MAX_LINES_AFTER_LAST_ENTRY: usize = 12;

/// The longest heading naming a reference list, in bytes (`Referências bibliográficas`
/// with its number).
const MAX_LIST_HEADING_LEN: usize = 40;

/// The fewest entries an unheaded list is read with.
const MIN_UNHEADED_ENTRIES: u32 = 3;

/// Whether `line` is a heading that stands inside a block of text, as a PDF's text prints
/// headings directly above what follows them: one naming a reference list (`References`,
/// `REFERENCES`, `7 References`, `Bibliografia`) above the list's first entry, a numbered
/// one in capitals or naming a usual section (`2. OBSERVATIONS AND DATA PROCESSING`,
/// `1. Introduction`), a usual section's name in capitals (`METHODS`), or one of a table of
/// contents (`Contents`); `before`, the line above it in the block, ends what it says (a line
/// that runs on into it, `…listed in the⏎References⏎below`, is a sentence's words).
pub(super) fn is_glued_heading(line: &str, before: Option<&str>) -> bool {
    (names_a_list(line)
        || outline::is_numbered_section_heading(line)
        || outline::is_capital_section_heading(line)
        || structure::is_contents_heading(line))
        && before.is_none_or(|before| !continues(before, line))
}

/// Whether `line` is a heading naming a reference list.
pub(super) fn names_a_list(line: &str) -> bool {
    line.len() <= MAX_LIST_HEADING_LEN
        && outline::heading(line)
            .is_some_and(|heading| section_names::is_references(&heading.title.to_lowercase()))
}

/// The index in `lines` of the first entry of a reference list printed without a heading: the
/// last line that starts `[1]`, when the lines after it that start with a number in brackets
/// count on from it (`[2]`, `[3]`, … at least to [`MIN_UNHEADED_ENTRIES`]) and the last of them
/// stands at the end of the text. Lines in `skip` (page-break debris) are passed over.
pub(super) fn unheaded_start(lines: &[Line<'_>], skip: &[bool]) -> Option<usize> {
    let text = |i: usize| {
        lines
            .get(i)
            .filter(|_| skip.get(i) != Some(&true))
            .map(|line| line.text.trim())
            .filter(|text| !text.is_empty())
    };
    let first = (0..lines.len())
        .rev()
        .find(|&i| text(i).is_some_and(opens_first_entry))?;
    let mut previous = 1;
    let mut since_last_entry = 0;
    for i in first + 1..lines.len() {
        let Some(line) = text(i) else {
            continue;
        };
        match entry_start(line, Some(previous)).filter(|_| line.starts_with('[')) {
            Some((number, _)) if number == previous + 1 => {
                previous = number;
                since_last_entry = 0;
            }
            // A bracketed number that does not count on is no list's.
            Some(_) => return None,
            None => since_last_entry += 1,
        }
    }
    (previous >= MIN_UNHEADED_ENTRIES && since_last_entry <= MAX_LINES_AFTER_LAST_ENTRY)
        .then_some(first)
}

/// Whether a line opens a numbered list's first entry: `[1]` alone or before its text.
fn opens_first_entry(line: &str) -> bool {
    line.starts_with("[1]") && entry_start(line, None).is_some_and(|(number, _)| number == 1)
}

/// Where the list stands among the blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ListPlace {
    /// The block of its heading, when it has one.
    pub(super) heading: Option<usize>,
    /// Its blocks: after the heading up to back matter (`Appendix`) or the end, the heading
    /// printed again at the top of the list's later pages left out. A numbered list ends
    /// before the first heading after its last entry's start (the author list a
    /// collaboration prints after it), an unnumbered one at a caption followed by the text of
    /// figures rather than entries, or at a section's heading no entry follows before that
    /// end; an unnumbered one also holds the blocks of entries a PDF's text prints before its
    /// heading ([`entries_before`]) and those ending the text after the section that ended it.
    pub(super) blocks: Vec<usize>,
    /// The block after it: where the text goes on, or the end.
    pub(super) end: usize,
    /// The blocks between its heading and its first entry that are text, not entries, as a
    /// PDF's text prints the end of a column beside the list's heading (a figure's labels and
    /// caption, the last paragraph): read with the text before the list.
    pub(super) text_within: Vec<usize>,
}

impl ListPlace {
    /// Where the list stands, given the blocks' headings (`title_of`, in lower case): after
    /// the last heading naming a reference list, or the first of a run of them with only the
    /// list between (a heading repeated on each page of the list), else from the block
    /// starting at `unheaded` (a byte offset, from [`unheaded_start`]).
    pub(super) fn find(
        blocks: &[Block<'_>],
        title_of: impl Fn(usize) -> Option<String>,
        unheaded: Option<usize>,
    ) -> Option<Self> {
        let is_list_title =
            |i: usize| title_of(i).is_some_and(|t| section_names::is_references(&t));
        let mut heading = (0..blocks.len()).rev().find(|&i| is_list_title(i));
        while let Some(at) = heading {
            let earlier = (0..at).rev().find(|&i| title_of(i).is_some());
            match earlier {
                Some(earlier) if is_list_title(earlier) => heading = Some(earlier),
                _ => break,
            }
        }
        let mut first = if let Some(at) = heading {
            at + 1
        } else {
            let offset = unheaded?;
            blocks.iter().position(|block| block.offset() == offset)?
        };
        let back_matter = (first..blocks.len())
            .find(|&i| title_of(i).is_some_and(|t| section_names::is_back_matter(&t)))
            .unwrap_or(blocks.len());
        let is_other_heading =
            |i: usize| title_of(i).is_some_and(|t| !section_names::is_references(&t));
        let numbered_end = last_entry_block(blocks, first, back_matter).map(|last| {
            (last + 1..back_matter)
                .find(|&i| is_other_heading(i))
                .unwrap_or(back_matter)
        });
        let Some(end) = numbered_end else {
            // An author–date list.
            let mut text_within: Vec<usize> = (first..back_matter)
                .take_while(|&i| is_text_not_entry(blocks, i) && title_of(i).is_none())
                .collect();
            let entries_after = first + text_within.len();
            if entries_after < back_matter && title_of(entries_after).is_none() {
                first = entries_after;
            } else {
                text_within.clear();
            }
            let end = after_last_dated_entry(blocks, first, back_matter);
            // A section the PDF's text prints after the list's first entries (`Conclusions`
            // beside the list's first column) ends it, the rest of its entries after that
            // section, ending the text; not a line of an entry read as a heading (`1999.
            // Active Learning for …`).
            let ends_list = |i: usize| {
                is_other_heading(i)
                    && blocks
                        .get(i)
                        .and_then(Block::first_line)
                        .is_none_or(|line| year_in(line).is_none())
                    && !(i + 1..end).any(|after| opens_entry_block(blocks, after))
            };
            let end = (first + 1..end).find(|&i| ends_list(i)).unwrap_or(end);
            let stranded = (end..blocks.len())
                .rev()
                .take_while(|&i| title_of(i).is_none() && opens_entry_block(blocks, i))
                .count();
            let stranded = if stranded >= 2 { stranded } else { 0 };
            let before = heading.map_or_else(Vec::new, |at| entries_before(blocks, &title_of, at));
            let listed = before
                .into_iter()
                .chain(first..end)
                .chain(blocks.len() - stranded..blocks.len());
            return Some(Self {
                heading,
                blocks: listed.filter(|&i| !is_list_title(i)).collect(),
                end,
                text_within,
            });
        };
        Some(Self {
            heading,
            blocks: (first..end).filter(|&i| !is_list_title(i)).collect(),
            end,
            text_within: Vec::new(),
        })
    }

    /// Where the body ends: at the list's heading, or its first entry.
    pub(super) fn body_end(&self) -> usize {
        self.heading
            .or_else(|| self.blocks.first().copied())
            .unwrap_or(self.end)
    }
}

/// The blocks of an author–date list printed before its heading (`heading`), as a PDF's text
/// gives the column that holds them before the one the heading stands in: after the last
/// section's heading (not the back matter's: `Acknowledgments`), blocks in which two lines or
/// more each open an entry with its year (`Marco Baroni and Roberto Zamparelli. 2010. Nouns`).
fn entries_before(
    blocks: &[Block<'_>],
    title_of: impl Fn(usize) -> Option<String>,
    heading: usize,
) -> Vec<usize> {
    let last_section = (0..heading)
        .rev()
        .find(|&i| title_of(i).is_some_and(|t| !section_names::is_back_matter(&t)));
    let from = last_section.map_or(heading, |at| at + 1);
    (from..heading)
        .filter(|&i| {
            title_of(i).is_none()
                && blocks.get(i).and_then(Block::lines).is_some_and(|lines| {
                    let opening = lines
                        .iter()
                        .filter(|line| {
                            dated::dated(line).is_some_and(|entry| entry.title_first.is_none())
                                && dated::opens_entry(line, None)
                        })
                        .count();
                    opening >= 2
                })
        })
        .collect()
}

/// Whether block `i` opens an author–date entry (`Surname, A. (2019). …`, `A. Surname. 2019.
/// …`, ICML's `Surname, A., Other, B., and Last, C. Title …`).
fn opens_entry_block(blocks: &[Block<'_>], i: usize) -> bool {
    blocks.get(i).and_then(Block::lines).is_some_and(|lines| {
        lines.first().is_some_and(|line| {
            dated::opens_entry(line, lines.get(1).copied()) || opens_initials_entry(line)
        })
    })
}

/// Whether block `i`, where an author–date list should start, is text rather than an entry:
/// it opens none, not even on a label (`[Ab]` above its entry), and names no year (a
/// figure's labels, its caption, a paragraph's end).
fn is_text_not_entry(blocks: &[Block<'_>], i: usize) -> bool {
    let Some(lines) = blocks.get(i).and_then(Block::lines) else {
        return false;
    };
    !opens_entry_block(blocks, i)
        && lines.first().is_none_or(|line| label_start(line).is_none())
        && !lines.iter().any(|line| year_in(line).is_some())
}

/// Where an unnumbered list ends: at the first figure or table caption after which most
/// blocks open no entry (a PDF's text prints the floats of the list's last page after it,
/// their axis labels and legends), else at `end`.
fn after_last_dated_entry(blocks: &[Block<'_>], first: usize, end: usize) -> usize {
    let opens_entry = |i: usize| {
        blocks.get(i).and_then(Block::lines).is_some_and(|lines| {
            lines
                .first()
                .is_some_and(|line| dated::opens_entry(line, lines.get(1).copied()))
        })
    };
    let is_caption = |i: usize| {
        blocks
            .get(i)
            .and_then(Block::first_line)
            .is_some_and(|line| caption(line).is_some())
    };
    let Some(at) = (first..end).find(|&i| is_caption(i)) else {
        return end;
    };
    let entries_after = (at + 1..end).filter(|&i| opens_entry(i)).count();
    if 2 * entries_after < end - at {
        at
    } else {
        end
    }
}

/// The last block from `first` to before `end` in which a numbered entry starts (`[12] …`,
/// `12. …` after `11. …`); `None` for a list without numbers.
fn last_entry_block(blocks: &[Block<'_>], first: usize, end: usize) -> Option<usize> {
    let mut previous = None;
    let mut last = None;
    for i in first..end {
        let Some(Block::Text { lines, .. }) = blocks.get(i) else {
            continue;
        };
        for line in lines {
            if let Some((number, _)) = entry_start(line, previous) {
                previous = Some(number);
                last = Some(i);
            }
        }
    }
    last
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::unwrap_used)]
mod tests {
    use std::fmt::Write as _;

    use super::super::blocks::{debris, lines};
    use super::*;

    #[test]
    fn a_heading_above_the_first_entry_is_the_list_s_unless_a_sentence_runs_into_it() {
        assert!(is_glued_heading("References", None));
        assert!(is_glued_heading(
            "REFERENCES",
            Some("System (MODS) (Valdes 2015)")
        ));
        assert!(is_glued_heading(
            "References",
            Some("the University of Washington.")
        ));
        assert!(is_glued_heading("7 References", Some("as shown above.")));
        assert!(is_glued_heading("Bibliografia", Some("(B.61)")));
        assert!(!is_glued_heading(
            "References",
            Some("the entries are listed in the")
        ));
        assert!(!is_glued_heading("References", Some("its own list of")));
        assert!(!is_glued_heading("Results", None));
        // A usual section's name in capitals, as medical journals print one above its text.
        assert!(is_glued_heading("METHODS", None));
        assert!(is_glued_heading(
            "RESULTS AND DISCUSSION",
            Some("as shown.")
        ));
        assert!(!is_glued_heading("METHODS", Some("we compared the")));
        assert!(!is_glued_heading("WHO", None));
        // A numbered heading in capitals or naming a usual section, not a list's item.
        assert!(is_glued_heading(
            "2. OBSERVATIONS AND DATA",
            Some("(Valdes 2015)")
        ));
        assert!(is_glued_heading("1. Introduction", Some("Liverpool, UK")));
        assert!(!is_glued_heading(
            "1. Collect the samples",
            Some("We did this.")
        ));
        assert!(!is_glued_heading(
            "1. Introduction",
            Some("as described in")
        ));
    }

    fn unheaded(text: &str) -> Option<&str> {
        let lines = lines(text);
        let skip = debris(&lines);
        unheaded_start(&lines, &skip).map(|i| lines.get(i).unwrap().text)
    }

    #[test]
    fn numbered_entries_that_end_the_text_are_a_list_without_its_heading() {
        let list = "[1] A. Author, Phys. Rev. 1 (2000) 1.\n[2] B. Author,\n\
                    arXiv:1506.03751 [hep-ph].\n\n6\n[3] C. Author, JHEP 07 (2002) 043.\n";
        let text =
            format!("As [1] and [2] show, with [3].\n\nCorresponding author: a@b.org\n{list}");
        assert_eq!(
            unheaded(&text),
            Some("[1] A. Author, Phys. Rev. 1 (2000) 1.")
        );
        // The number alone on its line, the entry below it.
        assert_eq!(
            unheaded(
                "Text.\n\n[1]\n\nA. Author, X.\n\n[2]\n\nB. Author, Y.\n\n[3]\n\nC. Author, Z.\n"
            ),
            Some("[1]")
        );
    }

    #[test]
    fn numbers_that_do_not_count_on_or_end_the_text_are_no_list() {
        // Too few.
        assert_eq!(unheaded("Text.\n\n[1] A. Author.\n[2] B. Author.\n"), None);
        // A bracketed number out of turn.
        assert_eq!(
            unheaded("[1] A. Author.\n[2] B. Author.\n[5] C. Author.\n[3] D. Author.\n"),
            None
        );
        // A paper's text after them.
        let mut text = String::from("[1] A.\n[2] B.\n[3] C.\n\n");
        for n in 0..20 {
            let _ = writeln!(text, "A sentence of the text, number {n}.");
        }
        assert_eq!(unheaded(&text), None);
        // Markers inside sentences.
        assert_eq!(unheaded("Shown in [1], [2] and [3].\n"), None);
    }
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::unwrap_used)]
#[path = "list_order_tests.rs"]
mod order_tests;

//! The text as blocks: runs of lines between blank lines, with page-break debris (lone page
//! numbers, running headers and footers repeated on several pages) taken out, and runs of
//! tab-separated lines with the same number of cells gathered into tables. One pass over the
//! lines, plus one to count repeated lines.

use std::collections::HashMap;

use super::inline::continues;
use super::list::{is_glued_heading, names_a_list};
use super::{outline, section_names};

/// How often a short line must repeat to be a running header or footer.
const RUNNING_REPEATS: usize = 3;

/// The longest copyright line taken for page furniture, in bytes.
const MAX_COPYRIGHT_LEN: usize = 60;

/// The longest line that may be a running header or footer, in bytes (ACM prints a paper's
/// whole title at the head of its pages).
const RUNNING_MAX_LEN: usize = 120;

/// A block of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Block<'a> {
    /// Lines of text between blank lines (trimmed, never empty).
    Text {
        /// The lines in order.
        lines: Vec<&'a str>,
        /// Byte offset of the first line in the source.
        offset: usize,
    },
    /// Tab-separated lines with the same number of cells (at least two rows).
    Table {
        /// Each row's cells, trimmed.
        rows: Vec<Vec<&'a str>>,
        /// Byte offset of the first row in the source.
        offset: usize,
    },
}

impl<'a> Block<'a> {
    /// Byte offset of the block's start in the source.
    pub(super) fn offset(&self) -> usize {
        match self {
            Self::Text { offset, .. } | Self::Table { offset, .. } => *offset,
        }
    }

    /// The block's only line, when it is a text block of one line.
    pub(super) fn single_line(&self) -> Option<&str> {
        match self {
            Self::Text { lines, .. } if lines.len() == 1 => lines.first().copied(),
            _ => None,
        }
    }

    /// The lines of a text block.
    pub(super) fn lines(&self) -> Option<&[&'a str]> {
        match self {
            Self::Text { lines, .. } => Some(lines),
            Self::Table { .. } => None,
        }
    }

    /// The first line of a text block.
    pub(super) fn first_line(&self) -> Option<&str> {
        match self {
            Self::Text { lines, .. } => lines.first().copied(),
            Self::Table { .. } => None,
        }
    }
}

/// One line of the source: its text without the line break and trailing spaces, and its byte
/// offset.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    pub(super) offset: usize,
}

/// Where `line`, a slice of `text` as every line of its blocks is, starts in it; `None` for a
/// string that is not part of `text`.
pub(super) fn offset_in(text: &str, line: &str) -> Option<usize> {
    let at = line.as_ptr().addr().checked_sub(text.as_ptr().addr())?;
    text.get(at..at.checked_add(line.len())?).map(|_| at)
}

/// The lines of `text` (`\n` or `\r\n` breaks; trailing spaces dropped, tabs kept: a trailing
/// tab is an empty last cell).
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        out.push(Line {
            text: raw.trim_end_matches(['\r', ' ', '\u{a0}', '\u{c}']),
            offset,
        });
        offset += raw.len() + 1;
    }
    out
}

/// Whether a line holds nothing but whitespace.
fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// A lone page number: `12`, `- 12 -`, `Page 12`, `12 of 30`, `Page 12 of 30`.
pub(super) fn is_page_number(line: &str) -> bool {
    let line = line
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = line.to_lowercase();
    let lower = lower
        .strip_prefix("page")
        .map_or(lower.as_str(), str::trim_start);
    let mut parts = lower.splitn(2, " of ");
    let is_number = |s: &str| {
        let s = s.trim();
        !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
    };
    let first = parts.next().unwrap_or_default();
    is_number(first) && parts.next().is_none_or(is_number)
}

/// A short copyright line at a page's foot (`© 2025 The Authors`), which a PDF's text puts
/// in the middle of a paragraph the page break splits.
fn is_copyright(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('©')
        && line.len() <= MAX_COPYRIGHT_LEN
        && line
            .split_whitespace()
            .any(|word| word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
}

/// A line with its digits written as `#`, so that `Journal 3 (2020) 12` and `Journal 3 (2020) 13`
/// are the same running header; an identifier (`arXiv:…`, `doi:…`, a link) as written.
fn running_key(line: &str) -> String {
    let line = line.trim();
    // An identifier's digits are what it says (`arXiv:1506.04392 [Inspire].` wrapped under one
    // entry after another of a list): repeated, it is a running footer only as written.
    let lower = line.to_lowercase();
    if ["arxiv:", "doi:", "http"]
        .iter()
        .any(|start| lower.starts_with(start))
    {
        return line.to_owned();
    }
    line.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Whether a line could be a running header: short, no tab, some letters, not a source line, a
/// reference-list entry or the list's heading (printed again on each of its pages, it still
/// says where the list starts), nor a chapter's label (`Chapter 2` above the chapter's title at
/// the top of its first page).
fn may_be_running(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty()
        && trimmed.len() <= RUNNING_MAX_LEN
        && !line.contains('\t')
        && trimmed.chars().any(char::is_alphabetic)
        && outline::chapter_label(trimmed).is_none()
        && !trimmed.to_lowercase().starts_with("source")
        && !trimmed.starts_with('[')
        && !names_a_list(trimmed)
}

/// The lines that are page-break debris: lone page numbers and copyright lines, and short lines
/// repeated at least
/// [`RUNNING_REPEATS`] times (digits aside) that stand at page breaks at least half the times
/// they appear (running headers and footers). A line stands at a page break at the start or
/// the end of the text, beside a lone page number or a form feed, or inside a sentence the
/// break split (the text before it unfinished, the text after it going on); other repeated
/// lines, page numbers and blank lines around it are passed over. A repeated line that mostly
/// stands between finished paragraphs is the paper's own: the `Method`, `Results` and `Study 2`
/// headings of a paper of several studies.
pub(super) fn debris(lines: &[Line<'_>]) -> Vec<bool> {
    let keys: Vec<Option<String>> = lines
        .iter()
        .map(|line| may_be_running(line.text).then(|| running_key(line.text)))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for key in keys.iter().flatten() {
        *counts.entry(key.as_str()).or_default() += 1;
    }
    let page_number: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            !line.text.contains('\t')
                && ((is_page_number(line.text) && !numbers_a_section(lines, i))
                    || is_copyright(line.text))
        })
        .collect();
    let repeated: Vec<bool> = keys
        .iter()
        .map(|key| {
            key.as_deref()
                .and_then(|key| counts.get(key))
                .is_some_and(|&n| n >= RUNNING_REPEATS)
        })
        .collect();
    let passed_over: Vec<bool> = lines
        .iter()
        .zip(repeated.iter().zip(&page_number))
        .map(|(line, (&repeated, &page_number))| repeated || page_number || is_blank(line.text))
        .collect();
    let is_mark = |i: usize| {
        page_number.get(i) == Some(&true)
            || lines.get(i).is_some_and(|line| line.text.contains('\u{c}'))
    };
    let before = neighbours(lines.len(), 0..lines.len(), &passed_over, is_mark);
    let after = neighbours(lines.len(), (0..lines.len()).rev(), &passed_over, is_mark);
    let text = |neighbour: Option<usize>| neighbour.and_then(|i| lines.get(i)).map(|l| l.text);
    let mut at_breaks: HashMap<&str, usize> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        let (Some(key), Some(true)) = (key, repeated.get(i)) else {
            continue;
        };
        let (Some(&(before, mark_before)), Some(&(after, mark_after))) =
            (before.get(i), after.get(i))
        else {
            continue;
        };
        let at_break = match (text(before), text(after)) {
            // A form feed opening the line after it: a footer at the foot of its page.
            (Some(before), Some(after)) => {
                mark_before
                    || mark_after
                    || is_mark(i)
                    || after.starts_with('\u{c}')
                    || continues(before, after.trim_start())
            }
            // The start or the end of the text.
            _ => true,
        };
        if at_break {
            *at_breaks.entry(key.as_str()).or_default() += 1;
        }
    }
    let in_runs = in_runs(lines, &keys);
    keys.iter()
        .zip(repeated.iter().zip(&page_number))
        .map(|(key, (&repeated, &page_number))| {
            page_number
                || (repeated
                    && key.as_deref().is_some_and(|key| {
                        let seen = counts.get(key).copied().unwrap_or_default();
                        let at_breaks = at_breaks.get(key).copied().unwrap_or_default();
                        let listed = in_runs.get(key).copied().unwrap_or_default();
                        2 * at_breaks >= seen && 2 * listed < seen
                    }))
        })
        .collect()
}

/// For each key of a line that may be running, how many of its lines follow another of its
/// lines with only blank lines between: a list (`Gauge 1 was read daily.`, `Gauge 2 …`), which
/// a running header, with a page of text between its repeats, never is.
fn in_runs<'k>(lines: &[Line<'_>], keys: &'k [Option<String>]) -> HashMap<&'k str, usize> {
    let mut runs: HashMap<&str, usize> = HashMap::new();
    let mut previous: Option<&str> = None;
    for (line, key) in lines.iter().zip(keys) {
        if is_blank(line.text) {
            continue;
        }
        let key = key.as_deref();
        if let Some(key) = key.filter(|key| previous == Some(*key)) {
            *runs.entry(key).or_default() += 1;
        }
        previous = key;
    }
    runs
}

/// For each of `len` lines, visited in `order`, the nearest line before it in that order that
/// is not `passed_over` (blank lines, page numbers, repeated lines), and whether a page mark
/// (`is_mark`: a page number, a form feed) stands between the two. One pass.
fn neighbours(
    len: usize,
    order: impl Iterator<Item = usize>,
    passed_over: &[bool],
    is_mark: impl Fn(usize) -> bool,
) -> Vec<(Option<usize>, bool)> {
    let mut out = vec![(None, false); len];
    let mut nearest: Option<usize> = None;
    let mut mark_since = false;
    for i in order {
        if let Some(slot) = out.get_mut(i) {
            *slot = (nearest, mark_since);
        }
        if passed_over.get(i) == Some(&true) {
            mark_since |= is_mark(i);
        } else {
            nearest = Some(i);
            mark_since = false;
        }
    }
    out
}

/// The cells of a tab-separated line (trimmed), or `None` for a line without tabs.
fn cells(line: &str) -> Option<Vec<&str>> {
    line.contains('\t')
        .then(|| line.split('\t').map(str::trim).collect())
}

/// Whether a line can start a table: at least two cells, at least two of them non-empty.
fn starts_table(cells: &[&str]) -> bool {
    cells.len() >= 2 && cells.iter().filter(|c| !c.is_empty()).count() >= 2
}

/// A `Table 1.` or `Figure 2:` caption line: whether it is a table's, its label and its words.
pub(super) fn caption(text: &str) -> Option<(bool, String, String)> {
    let lower = text.to_lowercase();
    let (is_table, name_len) = [
        ("table", true),
        ("figure", false),
        ("fig.", false),
        ("fig", false),
    ]
    .iter()
    .find(|(name, _)| lower.starts_with(name))
    .map(|(name, table)| (*table, name.len()))?;
    let rest = text.get(name_len..)?;
    let rest_trimmed = rest.trim_start();
    if rest_trimmed.len() == rest.len() && !rest.is_empty() && !text.get(..name_len)?.ends_with('.')
    {
        return None;
    }
    let number_len = rest_trimmed
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest_trimmed.len());
    let number = rest_trimmed.get(..number_len)?;
    if number.is_empty()
        || number.len() > 5
        || !number
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'))
        || number.chars().any(char::is_lowercase)
    {
        return None;
    }
    let after = rest_trimmed.get(number_len..)?;
    let words = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ':' | '—' | '–' | '-' | '|')
    });
    let separated = after.is_empty()
        || after.starts_with(['.', ':', '—', '–', '-', '|'])
        || after.starts_with("  ")
        || (text.len() <= 150 && words.chars().next().is_some_and(char::is_uppercase));
    if !separated {
        return None;
    }
    let label = format!("{} {number}", text.get(..name_len)?);
    Some((is_table, label, words.trim().to_owned()))
}

/// The caption of a figure printed as a block wholly in brackets, as `pandoc -t plain` prints
/// an image (`[Example 1D warp.]`, `[]` for one without a caption): the words inside; `None`
/// for any other block, and for a bracket holding a citation marker's numbers only (`[12]`,
/// `[3–5, 8]`) or an editor's note (`[Table 2 about here]`).
pub(super) fn bracketed_caption(text: &str) -> Option<&str> {
    let inside = text.strip_prefix('[')?.strip_suffix(']')?;
    let mut depth = 0_usize;
    for c in inside.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.checked_sub(1)?,
            _ => {}
        }
    }
    let marker_only = !inside.is_empty()
        && inside
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–'));
    let note = inside.to_lowercase().contains("about here");
    (depth == 0 && !marker_only && !note).then(|| inside.trim())
}

/// Whether a block is the source line under a figure or table.
pub(super) fn is_source_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with("source:") || lower.starts_with("sources:") || lower.starts_with("source :")
}

/// The blocks of `lines`, `skip[i]` telling the lines to leave out (page-break debris), which
/// separate blocks as a blank line does. A caption line starts a block, and a source line and a
/// reference list's heading printed directly above its first entry are blocks of their own; the
/// line `list_start` (an unheaded list's first entry) starts one.
pub(super) fn blocks<'a>(
    lines: &[Line<'a>],
    skip: &[bool],
    list_start: Option<usize>,
) -> Vec<Block<'a>> {
    let mut out = Vec::new();
    let mut current: Vec<&'a str> = Vec::new();
    let mut current_offset = 0;
    // Whether the line before was a heading split off its block.
    let mut after_heading = false;
    let mut i = 0;
    let gap = |i: usize| {
        lines
            .get(i)
            .is_some_and(|l| is_blank(l.text) || skip.get(i).copied().unwrap_or(false))
    };
    while let Some(line) = lines.get(i) {
        if gap(i) {
            flush(&mut out, &mut current, current_offset);
            after_heading = false;
            i += 1;
            continue;
        }
        if let Some(first) = cells(line.text).filter(|c| starts_table(c)) {
            let width = first.len();
            let mut rows = vec![first];
            let mut next = i + 1;
            let mut end = next;
            loop {
                while gap(next) {
                    next += 1;
                }
                match lines.get(next).and_then(|l| cells(l.text)) {
                    Some(row) if row.len() == width => {
                        rows.push(row);
                        next += 1;
                        end = next;
                    }
                    _ => break,
                }
            }
            if rows.len() >= 2 {
                flush(&mut out, &mut current, current_offset);
                out.push(Block::Table {
                    rows,
                    offset: line.offset,
                });
                i = end;
                continue;
            }
        }
        // A caption or a source line is a block of its own, as is the line after a source line;
        // a form feed (a page break as pdftotext writes it) ends a block too.
        let trimmed = line.text.trim();
        let next = lines
            .get(i + 1)
            .filter(|_| !gap(i + 1))
            .map(|next| next.text);
        let after_next = lines
            .get(i + 2)
            .filter(|_| next.is_some() && !gap(i + 2))
            .map(|line| line.text);
        let glued_heading = is_glued_heading(trimmed, current.last().copied())
            || next.is_some_and(|next| {
                let before = current.last().copied();
                heads_its_paragraph(trimmed, before, after_heading, next)
                    || heads_a_subheading(trimmed, before, next, after_next)
            });
        // A numbered subheading wrapped over two lines above its paragraph: a block of its own.
        if !glued_heading
            && let (Some(next), Some(after)) = (next, after_next)
            && outline::is_glued_wrapped_subheading(trimmed, current.last().copied(), next, after)
        {
            flush(&mut out, &mut current, current_offset);
            out.push(Block::Text {
                lines: vec![trimmed, next.trim()],
                offset: line.offset,
            });
            after_heading = true;
            i += 2;
            continue;
        }
        let detached_number = gap(i + 1)
            && is_subsection_number(trimmed)
            && current
                .last()
                .is_some_and(|before| before.ends_with(['.', ':', '!', '?']));
        if is_source_line(trimmed)
            || caption(trimmed).is_some()
            || line.text.starts_with('\u{c}')
            || glued_heading
            || detached_number
            || list_start == Some(i)
        {
            flush(&mut out, &mut current, current_offset);
        }
        if current.is_empty() {
            current_offset = line.offset;
        }
        current.push(trimmed);
        if is_source_line(trimmed) || glued_heading {
            flush(&mut out, &mut current, current_offset);
        }
        after_heading = glued_heading;
        i += 1;
    }
    flush(&mut out, &mut current, current_offset);
    out
}

/// Whether `line` is a heading printed directly above its paragraph's first line `next`, in
/// one block: numbered, a usual section's name, or a subheading in sentence case under a
/// heading split off so (`after_heading`) or after a sentence's end (`before`, the line above
/// it in the block).
fn heads_its_paragraph(line: &str, before: Option<&str>, after_heading: bool, next: &str) -> bool {
    outline::is_glued_numbered_heading(line, before, next)
        || outline::is_glued_named_heading(line, before, next)
        || outline::is_glued_subheading(line, before, after_heading, next)
}

/// Whether `line` is a heading printed directly above a subheading (`next`) in sentence case
/// and its paragraph's first line (`after_next`), all in one block (`Method`⏎`Study
/// population`⏎`The study population comprised …`): numbered or a usual section's name, as
/// [`heads_its_paragraph`] tells them, the paragraph standing under the subheading.
fn heads_a_subheading(
    line: &str,
    before: Option<&str>,
    next: &str,
    after_next: Option<&str>,
) -> bool {
    after_next.is_some_and(|paragraph| {
        outline::is_glued_subheading(next, None, true, paragraph)
            && (outline::is_glued_numbered_heading(line, before, paragraph)
                || outline::is_glued_named_heading(line, before, paragraph))
    })
}

/// Whether `line` is only a subsection's number (`3.1`, `6.2.4`), as pdftotext prints a
/// two-column paper's subheading: its number as the last line of the paragraph above, its
/// words after a blank line (no part `0` or `05`, which a chart's ticks have, as a heading's
/// number has not). Such a line is a block of its own, for the heading to take.
fn is_subsection_number(line: &str) -> bool {
    let parts: Vec<&str> = line.trim_end_matches('.').split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            (1..=2).contains(&part.len())
                && part.bytes().all(|b| b.is_ascii_digit())
                && !part.starts_with('0')
        })
}

/// Whether the number alone at `i` is a section's printed apart from its title, as pdftotext
/// gives a two-column paper's headings, not a page's: the next line with text is a section's
/// usual name on the same page (a page's first line opens with a form feed) above a paragraph
/// (`1`⏎⏎`Introduction`⏎⏎`Automatic summarization is …`), or a short title above the number's
/// first subsection (`3`⏎⏎`Multi-LexSum`⏎⏎`3.1`).
fn numbers_a_section(lines: &[Line<'_>], i: usize) -> bool {
    let Some(number) = lines.get(i).map(|line| line.text.trim()) else {
        return false;
    };
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut next = lines
        .iter()
        .skip(i + 1)
        .map(|line| line.text)
        .filter(|text| !is_blank(text));
    let (Some(title), after) = (next.next(), next.next()) else {
        return false;
    };
    if title.starts_with('\u{c}') || title.trim().len() > MAX_SECTION_TITLE {
        return false;
    }
    let title = title.trim();
    let first_subsection =
        after.is_some_and(|after| after.trim().trim_end_matches('.') == format!("{number}.1"));
    title.starts_with(|c: char| c.is_alphabetic())
        && (first_subsection
            || (section_names::is_body_name(title) && after.is_some_and(outline::opens_prose)))
}

/// The longest title, in bytes, a section's number printed apart is looked for above.
const MAX_SECTION_TITLE: usize = 100;

fn flush<'a>(out: &mut Vec<Block<'a>>, current: &mut Vec<&'a str>, offset: usize) {
    if !current.is_empty() {
        out.push(Block::Text {
            lines: std::mem::take(current),
            offset,
        });
    }
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    fn blocks_of(text: &str) -> Vec<Block<'_>> {
        let lines = lines(text);
        let skip = debris(&lines);
        blocks(&lines, &skip, None)
    }

    #[test]
    fn page_numbers_are_recognised() {
        for yes in ["12", " 3 ", "- 4 -", "Page 7", "page 7 of 20", "7 of 20"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["12345", "1.", "Page", "Chapter 2", "", "[3]"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn identifiers_wrapped_under_a_list_s_entries_are_not_running_footers() {
        let mut text = String::new();
        for n in 1..=6 {
            let _ = write!(
                text,
                "[{n}] A. Author{n} and B. Other,\narXiv:1506.0{n}392 [Inspire].\n"
            );
        }
        let listed = lines(&text);
        assert!(debris(&listed).iter().all(|skip| !skip));
        // A link printed the same at every page's foot is one.
        let mut text = String::new();
        for (n, word) in ["One", "Two", "Three", "Four"].iter().enumerate() {
            let _ = write!(
                text,
                "{word} is the page.\n\nhttps://doi.org/10.1016/j.x.2020.01.001\n{n}\n\n"
            );
        }
        let pages = lines(&text);
        // The four links and the four page numbers.
        assert_eq!(debris(&pages).iter().filter(|skip| **skip).count(), 8);
    }

    #[test]
    fn a_copyright_line_at_a_page_s_foot_is_no_part_of_the_text() {
        let text = "Dust forms in\n(Claire Pirim)\n© 2025 The Authors\n\nand ices.\n";
        let lines = lines(text);
        let skip = debris(&lines);
        assert_eq!(skip, [false, false, true, false, false, false]);
        assert!(!is_copyright(
            "© The Authors, who wrote a great deal about it all in 2025 and after"
        ));
    }

    #[test]
    fn running_headers_and_page_numbers_split_blocks_and_vanish() {
        let text = "J. Stud. 3 (2020) 1\n\nFirst part\n\n1\n\nJ. Stud. 3 (2020) 2\n\nsecond \
                    part\n\nJ. Stud. 3 (2020) 3\n";
        let blocks = blocks_of(text);
        let firsts: Vec<&str> = blocks.iter().filter_map(Block::first_line).collect();
        assert_eq!(firsts, ["First part", "second part"]);
    }

    #[test]
    fn a_line_s_offset_is_where_it_starts_in_its_text_and_another_string_has_none() {
        let text = "Title\n\nThe study began";
        let last = lines(text).last().map(|line| line.text).unwrap();
        assert_eq!(super::offset_in(text, last), Some(7));
        assert_eq!(super::offset_in(text, &String::from(last)), None);
    }

    #[test]
    fn a_journal_s_long_running_title_vanishes_from_the_page_breaks() {
        // ACM prints the paper's whole title at the head of each page: over 100 bytes, its
        // last word wrapped to a line of its own, the page's number under it.
        let header = "Paper Plain: Making Medical Research Papers Approachable to Healthcare \
                      Consumers with Natural Language";
        let mut text = String::from("Title\n\nIntro\n\nThe study began");
        for page in 2..=4 {
            let _ = write!(
                text,
                "\n\n\u{c}{header}\nProcessing\n\n{page}\n\nand went on"
            );
        }
        text.push_str(".\n");
        let blocks = blocks_of(&text);
        let lines: Vec<&str> = blocks
            .iter()
            .filter_map(Block::lines)
            .flatten()
            .copied()
            .collect();
        assert!(
            lines.iter().all(|line| !line.contains("Approachable")),
            "{lines:?}"
        );
        assert!(lines.iter().all(|line| *line != "Processing"), "{lines:?}");
        // What is left of the pages is the sentence, in blocks the importer joins.
        assert_eq!(
            lines,
            [
                "Title",
                "Intro",
                "The study began",
                "and went on",
                "and went on",
                "and went on."
            ]
        );
    }

    #[test]
    fn short_lines_alike_but_for_their_numbers_in_a_row_are_a_list_even_at_the_end() {
        let mut text = String::from("Data\n\nThe gauges:\n\n");
        for n in 1..=5 {
            let _ = write!(text, "Gauge {n} was read daily, at noon.\n\n");
        }
        let blocks = blocks_of(&text);
        assert_eq!(blocks.len(), 7, "{blocks:?}");
        assert_eq!(
            blocks.last().and_then(Block::first_line),
            Some("Gauge 5 was read daily, at noon.")
        );
    }

    #[test]
    fn headings_repeated_between_finished_paragraphs_are_the_paper_s_own() {
        let mut text = String::from("Introduction\n\nWe ran three studies.\n");
        for study in 1..=3 {
            let _ = write!(
                text,
                "\nStudy {study}\n\nMethod\n\nAdults took part.\n\nResults\n\nChoices \
                 shifted.\n"
            );
        }
        text.push_str("\nGeneral Discussion\n\nAll agree.\n");
        let blocks = blocks_of(&text);
        let firsts: Vec<&str> = blocks.iter().filter_map(Block::first_line).collect();
        assert_eq!(firsts.iter().filter(|line| **line == "Method").count(), 3);
        assert_eq!(firsts.iter().filter(|line| **line == "Results").count(), 3);
        assert!(firsts.contains(&"Study 2"), "{firsts:?}");
    }

    #[test]
    fn a_running_header_goes_beside_page_marks_or_inside_a_split_sentence() {
        // After form feeds, between finished paragraphs.
        let text = "Short Title 1\nOne.\n\u{c}Short Title 2\nTwo.\n\u{c}Short Title 3\nThree.\n";
        let firsts: Vec<String> = blocks_of(text)
            .iter()
            .filter_map(|b| b.first_line().map(str::to_owned))
            .collect();
        assert!(
            firsts.iter().all(|line| !line.contains("Short Title")),
            "{firsts:?}"
        );
        // Running footers, each page after them opening with a form feed.
        let text =
            "One.\nShort Footer 1\n\u{c}Two.\nShort Footer 2\n\u{c}Three.\nShort Footer 3\nEnd.\n";
        let blocks = blocks_of(text);
        let firsts: Vec<&str> = blocks.iter().filter_map(Block::first_line).collect();
        assert_eq!(firsts, ["One.", "Two.", "Three.", "End."]);
        // No page marks at all: the header splits sentences, twice of three times.
        let text = "Intro\n\nThe results\n\nJ. Stud. 3\n\nshow that.\n\nMore text.\n\nJ. Stud. 3\n\n\
                    Other words.\n\nA sentence that\n\nJ. Stud. 3\n\nruns on.\n";
        let blocks = blocks_of(text);
        let firsts: Vec<&str> = blocks.iter().filter_map(Block::first_line).collect();
        assert!(!firsts.contains(&"J. Stud. 3"), "{firsts:?}");
        // Only once of three: the line is the paper's.
        let text = "Intro\n\nThe results\n\nTrials\n\nshow that.\n\nMore text.\n\nTrials\n\n\
                    Other words.\n\nA sentence.\n\nTrials\n\nRuns on.\n";
        let blocks = blocks_of(text);
        let firsts: Vec<&str> = blocks.iter().filter_map(Block::first_line).collect();
        assert_eq!(
            firsts.iter().filter(|line| **line == "Trials").count(),
            3,
            "{firsts:?}"
        );
    }

    #[test]
    fn tab_lines_with_the_same_cell_count_are_a_table_even_across_a_blank_line() {
        let text = "Intro\nA\tB\tC\n1\t2\t\n\n\tx\ty\nAfter\n";
        let blocks = blocks_of(text);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        let Block::Table { rows, .. } = &blocks[1] else {
            panic!("a table: {blocks:?}");
        };
        assert_eq!(
            rows,
            &[vec!["A", "B", "C"], vec!["1", "2", ""], vec!["", "x", "y"]]
        );
        assert_eq!(blocks[2].first_line(), Some("After"));
    }

    #[test]
    fn a_form_feed_ends_a_block() {
        let blocks = blocks_of("End of a page.\n\u{c}New page starts\nhere.\n");
        let firsts: Vec<&str> = blocks.iter().filter_map(Block::first_line).collect();
        assert_eq!(firsts, ["End of a page.", "New page starts"]);
    }

    #[test]
    fn a_lone_tab_line_or_an_indented_line_is_text() {
        let blocks = blocks_of("\tIndented paragraph\nnext line\n\nA\tB\n");
        assert!(blocks.iter().all(|b| matches!(b, Block::Text { .. })));
    }
}

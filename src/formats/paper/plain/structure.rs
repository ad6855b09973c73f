//! Which of a text's blocks are its headings, once each has been read alone: subsection titles
//! in sentence case found by what stands around them, the lines of figures and tables that
//! look like headings in a paper that numbers its sections read as text, and a table of
//! contents (with lists of figures and tables) printed before the text left out.

use super::blocks::{self, Block};
use super::detached;
use super::leave_out;
use super::outline::{self, Heading};
use super::section_names;

/// The fewest numbered headings that make a paper one that numbers its sections.
const MIN_NUMBERED_HEADINGS: usize = 3;

/// The headings of a table of contents or of a list of figures or tables, in lower case and
/// without accents.
const CONTENTS_HEADINGS: [&str; 17] = [
    "contents",
    "table of contents",
    "list of figures",
    "list of tables",
    "conteudo",
    "sumario",
    "indice",
    "lista de figuras",
    "lista de tabelas",
    "lista de tablas",
    "contenido",
    "contenidos",
    "table des matieres",
    "liste des figures",
    "liste des tableaux",
    "inhalt",
    "inhaltsverzeichnis",
];

/// The longest line, in bytes, that can be one of [`CONTENTS_HEADINGS`] as printed: twice the
/// longest (`table des matieres`), room for every letter to carry an accent written apart.
const MAX_CONTENTS_HEADING_LEN: usize = 36;

/// The most blocks a table of contents with its lists of figures and tables spans.
const MAX_CONTENTS_BLOCKS: usize = 600;

/// The heading of each of `blocks` (`None` for the blocks that are none), with the blocks
/// that are only a heading's number joined to its words and a table of contents left out.
pub(super) fn headings(blocks: &mut Vec<Block<'_>>) -> Vec<Option<Heading>> {
    let mut headings: Vec<Option<Heading>> = blocks
        .iter()
        .map(|block| {
            block
                .single_line()
                .and_then(outline::heading)
                .or_else(|| block.lines().and_then(outline::chapter_heading))
                .or_else(|| match block.lines()? {
                    [first, second] => outline::wrapped_subheading(first, second),
                    _ => None,
                })
        })
        .collect();
    let detached = outline::join_detached_numbers(|i| blocks.get(i)?.lines(), &mut headings);
    leave_out(blocks, &detached);
    leave_out(&mut headings, &detached);
    add_sentence_case_headings(blocks, &mut headings);
    drop_axis_labels(blocks, &mut headings);
    keep_the_numbered_outline(blocks, &mut headings);
    if let Some(contents) = table_of_contents(blocks, &headings) {
        let indices: Vec<usize> = contents.collect();
        leave_out(blocks, &indices);
        leave_out(&mut headings, &indices);
    }
    headings
}

/// Leaves out the headings that are a chart's axis labels or a table's row labels, as a PDF's
/// text gives a chart or a table: an unnumbered heading, no usual part's name, right after a
/// block of numbers, two or more (`1.0`⏎`0.8`⏎⏎`Efficiency`), or one with numbers after the
/// heading too (`1.0`⏎⏎`Efficiency`⏎⏎`0.8`): a number alone before a heading is its section's
/// number printed apart (`2.1`⏎⏎`Edge Types`).
fn drop_axis_labels(blocks: &[Block<'_>], headings: &mut [Option<Heading>]) {
    let is_number = |line: &&str| detached::number_value(line).is_some();
    // How many lines of numbers each block is made of (0 for any other block).
    let numbers: Vec<usize> = blocks
        .iter()
        .map(|block| {
            block
                .lines()
                .filter(|lines| lines.iter().all(is_number))
                .map_or(0, <[&str]>::len)
        })
        .collect();
    for (at, heading) in headings.iter_mut().enumerate() {
        let is_label = heading.as_ref().is_some_and(|heading| {
            heading.numbering.is_none() && !section_names::is_usual_part(&heading.title)
        });
        let before = at
            .checked_sub(1)
            .and_then(|before| numbers.get(before))
            .copied()
            .unwrap_or(0);
        let after = numbers.get(at + 1).copied().unwrap_or(0);
        if is_label && (before >= 2 || (before == 1 && after > 0)) {
            *heading = None;
        }
    }
}

/// Whether `line` heads a table of contents or a list of figures or tables (`Contents`,
/// `Table of Contents`, `Lista de Figuras`, `Inhaltsverzeichnis`), a page number after it or
/// not.
pub(super) fn is_contents_heading(line: &str) -> bool {
    let words = line
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .trim_end_matches(':');
    // Asked of every line of the text: a line longer than any heading here, even with each
    // letter's accent written as a mark of its own, is passed over without folding it.
    words.len() <= MAX_CONTENTS_HEADING_LEN
        && CONTENTS_HEADINGS.contains(&outline::unaccented(words).as_str())
}

/// The blocks of a table of contents printed before the text, to be left out: from its
/// heading (`Contents`, in the first half of the text and with no prose directly under it) to
/// the first paragraph of prose, the heading above it kept (one line, or two: a thesis's
/// `Chapter 1`⏎`Introduction`). The lists of figures and tables after it are left out with
/// it. `None` when the text prints no contents, or when no prose follows them.
fn table_of_contents(
    blocks: &[Block<'_>],
    headings: &[Option<Heading>],
) -> Option<std::ops::Range<usize>> {
    let start = (0..blocks.len() / 2).find(|&i| {
        blocks
            .get(i)
            .and_then(Block::single_line)
            .is_some_and(is_contents_heading)
    })?;
    let first_prose = (start + 1..blocks.len()).find(|&i| blocks.get(i).is_some_and(is_prose))?;
    // A section named `Contents`, with prose under it, is no table of contents.
    if first_prose == start + 1 {
        return None;
    }
    let above = first_prose - 1;
    let heads_the_prose = headings.get(above).is_some_and(Option::is_some)
        || blocks
            .get(above)
            .and_then(Block::lines)
            .is_some_and(|lines| lines.len() <= 2 && !lines.iter().any(|l| has_leader(l)));
    let end = if heads_the_prose { above } else { first_prose };
    (end > start + 1 && end - start <= MAX_CONTENTS_BLOCKS).then_some(start..end)
}

/// Whether `block` opens on a figure's or table's caption.
fn is_caption(block: &Block<'_>) -> bool {
    block
        .first_line()
        .is_some_and(|line| blocks::caption(line.trim_start()).is_some())
}

/// Whether `block` is running prose, not an entry of a table of contents: a sentence ends
/// inside it (a word of two lower-case letters or more and a stop, then a capital), or, with
/// no entry's dots leading to a page number (which are no words), it has more than forty
/// words, or ten on two lines or more and ends with a stop (a figure's entry in a list of
/// figures is one line).
fn is_prose(block: &Block<'_>) -> bool {
    let Block::Text { lines, .. } = block else {
        return false;
    };
    let words: Vec<&str> = lines
        .iter()
        .flat_map(|line| line.split_whitespace())
        .filter(|word| !word.chars().all(|c| c == '.' || c == '…'))
        .collect();
    let sentence_ends = words.windows(2).any(|pair| {
        let [before, after] = pair else {
            return false;
        };
        before.strip_suffix('.').is_some_and(|stem| {
            stem.chars()
                .rev()
                .take(2)
                .filter(|c| c.is_lowercase())
                .count()
                == 2
        }) && after.chars().next().is_some_and(char::is_uppercase)
    });
    let leaders = lines.iter().any(|line| has_leader(line));
    let ends_a_sentence = lines
        .last()
        .is_some_and(|line| line.trim_end().ends_with(['.', '?', '!']));
    sentence_ends
        || (!leaders
            && (words.len() > 40 || (lines.len() >= 2 && words.len() >= 10 && ends_a_sentence)))
}

/// Whether `line` leads to a page number with dots (`Introduction . . . . 3`, `Methods.....7`).
fn has_leader(line: &str) -> bool {
    line.contains(". . .") || line.contains("...") || line.contains('…')
}

/// Marks as headings the lines in sentence case (`Study participants`) that stand between a
/// finished block (a sentence's end, a heading, a table) and a paragraph: subsection titles
/// as a PDF's text gives them, without the bold type that told them apart.
fn add_sentence_case_headings(blocks: &[Block<'_>], headings: &mut [Option<Heading>]) {
    for i in 1..blocks.len() {
        let (Some(block), Some(None)) = (blocks.get(i), headings.get(i)) else {
            continue;
        };
        let Some(heading) = block.single_line().and_then(outline::sentence_case_heading) else {
            continue;
        };
        let after_finished = headings.get(i - 1).is_some_and(Option::is_some)
            || blocks.get(i - 1).is_some_and(|before| match before {
                Block::Table { .. } => true,
                Block::Text { lines, .. } => lines
                    .last()
                    .is_some_and(|line| line.trim_end().ends_with(['.', '?', '!', ')', '”', '"'])),
            });
        let before_paragraph =
            headings.get(i + 1).is_some_and(Option::is_none) && paragraph_follows(blocks, i);
        if after_finished
            && before_paragraph
            && let Some(slot) = headings.get_mut(i)
        {
            *slot = Some(heading);
        }
    }
}

/// Whether a paragraph follows the block at `heading` (past the captions of figures printed
/// at the top of a page, between a heading and its text): a block of a dozen words or more,
/// starting with a capital.
fn paragraph_follows(blocks: &[Block<'_>], heading: usize) -> bool {
    match blocks
        .iter()
        .skip(heading + 1)
        .find(|block| !is_caption(block))
    {
        Some(Block::Text { lines, .. }) => {
            let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
            words >= 12
                && lines
                    .first()
                    .and_then(|line| line.trim_start().chars().next())
                    .is_some_and(char::is_uppercase)
        }
        Some(Block::Table { .. }) | None => false,
    }
}

/// In a paper that numbers its sections (at least [`MIN_NUMBERED_HEADINGS`] numbered headings),
/// after its first numbered heading an unnumbered line in capitals or Title Case is a heading
/// only when it names a usual part of a paper (`Acknowledgments`, `References`, `Appendix`) or
/// a paragraph follows it: what else stands alone so is the text of a figure or a table
/// (`Trace 1`, `Node ID`, `NIC`) as a PDF's text gives it, and is read as text.
fn keep_the_numbered_outline(blocks: &[Block<'_>], headings: &mut [Option<Heading>]) {
    let numbered = headings
        .iter()
        .flatten()
        .filter(|heading| heading.numbering.is_some())
        .count();
    if numbered < MIN_NUMBERED_HEADINGS {
        return;
    }
    let first_numbered = headings
        .iter()
        .position(|heading| heading.as_ref().is_some_and(|h| h.numbering.is_some()))
        .unwrap_or(headings.len());
    for i in first_numbered..headings.len() {
        let labels_a_figure = headings
            .get(i)
            .and_then(Option::as_ref)
            .is_some_and(|heading| {
                heading.numbering.is_none()
                    && !section_names::is_usual_part(&heading.title)
                    && !(headings.get(i + 1).is_some_and(Option::is_none)
                        && paragraph_follows(blocks, i))
            });
        if labels_a_figure && let Some(slot) = headings.get_mut(i) {
            *slot = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contents_heading_fits_the_length_checked_before_folding() {
        for heading in CONTENTS_HEADINGS {
            assert!(2 * heading.len() <= MAX_CONTENTS_HEADING_LEN, "{heading}");
        }
        assert!(is_contents_heading("Table des matie\u{300}res  3"));
        assert!(is_contents_heading("Conteu\u{301}do"));
        assert!(!is_contents_heading("Contents of the archive"));
    }
}

//! Where a plain text's body starts: at its first numbered heading, an opening section's
//! heading (`Introduction`), after the abstract, or after the title and its authors.

use super::blocks::{Block, offset_in};
use super::front::{is_above_title, is_affiliation, is_before_title, is_license};
use super::front_labels::label;
use super::outline::{Heading, Numbering};
use super::section_names;
use super::title_page;

/// The most blocks a journal prints between an abstract and the body's first paragraph.
const MAX_BLOCKS_UNDER_ABSTRACT: usize = 6;
/// The headings of summaries for readers a paper prints after its abstract, in lower case.
const READER_SUMMARIES: [&str; 9] = [
    "author summary",
    "editors' summary",
    "editors’ summary",
    "editor's summary",
    "editor’s summary",
    "elife digest",
    "plain language summary",
    "lay summary",
    "significance statement",
];

/// Where the body starts: at the first numbered heading (`1.`, `I.`; not the back matter's)
/// or, when it comes first,
/// heading naming an opening section (`Introduction`, `Background`), else after the abstract,
/// else after the title.
pub(super) fn where_body_starts(
    blocks: &[Block<'_>],
    headings: &[Option<Heading>],
    end: usize,
) -> usize {
    let heading = |i: usize| headings.get(i).and_then(Option::as_ref);
    // A numbered heading of the back matter (`1. Acknowledgements` in a paper whose body has
    // no heading) is not where the body starts.
    let numbered = (1..end).find(|&i| {
        heading(i).is_some_and(|h| {
            matches!(
                h.numbering,
                Some(Numbering::Decimal(_) | Numbering::Roman(_))
            ) && !section_names::is_back_matter(&h.title)
        })
    });
    let named = |i: usize, names: &[&str]| {
        heading(i).is_some_and(|h| names.contains(&h.title.to_lowercase().trim_end_matches(':')))
    };
    // `Introduction and Related Work`, `Introduction and Motivation`.
    let introduction_and = |i: usize| {
        heading(i).is_some_and(|h| {
            h.title
                .to_lowercase()
                .strip_prefix("introduction and ")
                .is_some_and(|rest| !rest.trim().is_empty())
        })
    };
    let opening = || {
        let at = (1..end).find(|&i| {
            named(
                i,
                &[
                    "introduction",
                    "background",
                    "overview",
                    "motivation",
                    "statement of need",
                    "introdução",
                    "introducción",
                    "einleitung",
                    "introduzione",
                ],
            ) || introduction_and(i)
        })?;
        // A JOSS paper's `Summary` before its `Statement of need` is its first section; so is
        // a summary for readers printed after the abstract (PLOS's Author Summary, eLife's
        // digest).
        let summary = (0..at).find(|&i| named(i, &["summary"]));
        let for_readers = (0..at).find(|&i| named(i, &READER_SUMMARIES));
        Some(
            summary
                .filter(|_| named(at, &["statement of need"]))
                .or(for_readers)
                .unwrap_or(at),
        )
    };
    let after_abstract = || {
        (0..end)
            .find(|&i| {
                blocks
                    .get(i)
                    .and_then(Block::first_line)
                    .is_some_and(|line| {
                        let lower = line.to_lowercase();
                        lower.starts_with("abstract")
                    })
            })
            .map(|at| {
                let block = blocks.get(at);
                let inline = block
                    .and_then(Block::first_line)
                    .is_some_and(|line| line.trim().len() > "abstract:".len());
                // `ABSTRACT`⏎`Background …` in one block holds its text: the body opens on the
                // first paragraph after it, past what a journal prints under an abstract
                // (`Submitted to …`, a licence, a footnote).
                let label_above_text = block
                    .and_then(Block::lines)
                    .is_some_and(|lines| lines.len() > 1);
                if inline {
                    at + 1
                } else if label_above_text
                    && let Some(paragraph) = (at + 1..end)
                        .take(MAX_BLOCKS_UNDER_ABSTRACT)
                        .find(|&i| blocks.get(i).is_some_and(is_prose))
                {
                    paragraph
                } else {
                    at + 2
                }
            })
    };
    // An opening section's heading unnumbered before the first numbered one (`Introduction`
    // above `2.1 Overview`, its number lost as a page number) starts the body there.
    let opening = opening();
    // Else the text starts after the title (the first block but for the stamps above it,
    // `arXiv:…`) and the authors' blocks under it.
    let title = blocks
        .iter()
        .take_while(|block| block.lines().is_some_and(is_above_title))
        .count();
    let authors = blocks
        .iter()
        .skip(title + 1)
        .take_while(|block| {
            block
                .lines()
                .is_some_and(|lines| title_page::is_authors_block(lines, is_affiliation))
        })
        .count();
    numbered
        .map(|numbered| opening.map_or(numbered, |opening| opening.min(numbered)))
        .or(opening)
        .or_else(after_abstract)
        .unwrap_or(title + 1 + authors)
        .min(end)
}

/// Whether the text opens on a paragraph, without a title block: its first block is prose,
/// not the licence statement a journal prints above the title.
pub(super) fn opens_on_paragraph(blocks: &[Block<'_>]) -> bool {
    blocks.first().is_some_and(|block| {
        is_prose(block)
            && !block
                .lines()
                .is_some_and(|lines| is_license(&lines.join(" ")))
    })
}

/// The most words a title is taken to have: a longer first block is a paragraph.
pub(super) const MAX_TITLE_WORDS: usize = 40;

/// Whether the first block of a text is a paragraph rather than a title: longer than any title,
/// two sentences (`… not read [1]. This essay …`), or a citation marker in it. A file that
/// starts so has no title block, and its text starts there.
pub(super) fn is_prose(block: &Block<'_>) -> bool {
    let Block::Text { lines, .. } = block else {
        return false;
    };
    // A title with its authors under it is no paragraph, however many they are.
    let lines = lines
        .get(..title_page::authors_start(lines, is_affiliation).unwrap_or(lines.len()))
        .unwrap_or_default();
    let text = lines.join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    // A sentence of five words or more ending inside the block, three more words after it (not
    // a header's `Research Article. Open Access.` or `Received 3 March. Accepted 5 May.`).
    let sentence_ends = (4..words.len().saturating_sub(3)).any(|at| {
        let (Some(before), Some(after)) = (words.get(at), words.get(at + 1)) else {
            return false;
        };
        let stem = before.trim_end_matches(['.', '?', '!']);
        let word_ends = stem
            .chars()
            .rev()
            .take(2)
            .filter(|c| c.is_lowercase())
            .count()
            == 2;
        stem.len() + 1 == before.len()
            && word_ends
            && after.chars().next().is_some_and(char::is_uppercase)
    });
    let marker = text.match_indices('[').any(|(at, _)| {
        text.get(at + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_ascii_digit())
    });
    words.len() > MAX_TITLE_WORDS || sentence_ends || marker
}

/// Splits the title's block where the text runs on under the title in it (an editorial
/// without authors or abstract, as pdftotext gives it: [`title_page::title_lines`]), so that
/// the text after the title is the body's first paragraph, not lost with the front matter.
pub(super) fn split_run_on_title(blocks: &mut Vec<Block<'_>>, text: &str) {
    let Some(at) = blocks
        .iter()
        .position(|block| block.lines().is_some_and(|lines| !is_before_title(lines)))
    else {
        return;
    };
    let Some(Block::Text { lines, .. }) = blocks.get_mut(at) else {
        return;
    };
    // ACM's title, its authors a line each (`TAL AUGUST, University of Washington, USA`) and
    // its abstract without a label, in one block: split after the authors.
    let acm_authors = (1..lines.len())
        .find(|&i| {
            lines
                .get(i)
                .is_some_and(|line| title_page::is_acm_author_line(line))
        })
        .map(|first| {
            first
                + lines
                    .iter()
                    .skip(first)
                    .take_while(|line| title_page::is_acm_author_line(line))
                    .count()
        });
    let lines_in_title = acm_authors.unwrap_or_else(|| {
        title_page::masthead_lines(lines)
            + title_page::title_lines(
                lines
                    .get(title_page::masthead_lines(lines)..)
                    .unwrap_or_default(),
            )
            .len()
    });
    if lines_in_title >= lines.len() {
        return;
    }
    let mut rest = lines.split_off(lines_in_title);
    if rest
        .first()
        .and_then(|line| offset_in(text, line))
        .is_none()
    {
        lines.extend(rest);
        return;
    }
    // Under ACM's authors, the labelled parts (`CCS Concepts:`, `Additional Key Words and
    // Phrases:`) are blocks of their own, the abstract's text above them.
    let mut parts = Vec::new();
    if acm_authors.is_some() {
        while let Some(last) = (1..rest.len())
            .rev()
            .find(|&i| rest.get(i).is_some_and(|line| label(line).is_some()))
        {
            parts.push(rest.split_off(last));
        }
    }
    parts.push(rest);
    for (n, part) in parts.into_iter().rev().enumerate() {
        if let Some(offset) = part.first().and_then(|line| offset_in(text, line)) {
            blocks.insert(
                at + 1 + n,
                Block::Text {
                    lines: part,
                    offset,
                },
            );
        }
    }
}

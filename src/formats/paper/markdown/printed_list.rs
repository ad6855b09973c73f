//! A reference list printed in the text: the numbered entries under a paper's last references
//! heading (`## References`, then `- [1] …` or `1. …`), as converters of PDFs write a paper
//! into Markdown. When the paper names no bibliography, the entries are its references and the
//! numbered markers of its text (`[1]`, `[18-21]`, `[2], [4]`) cite them, as a plain-text
//! paper's do.

use std::ops::Range;

use super::blocks::Block;
use super::{is_references_heading, spans};
use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::formats::paper::PaperBuilder;
use crate::formats::paper::plain::{mark_numbered_citations, read_numbered_entries};

/// The numbered entries printed under a references heading.
pub(super) struct PrintedList {
    /// The heading as printed (`References`, `REFERENCES`).
    heading: String,
    /// Each entry's number and its text after the number.
    entries: Vec<(u32, String)>,
}

/// Takes the reference list printed under the paper's last references heading out of
/// `blocks` (the heading with it), when the blocks under it are numbered entries: at least
/// two, and few other blocks among them. A paragraph that opens with no number continues the
/// entry before it (a blank line broke it). `None`, and `blocks` as they were, otherwise.
pub(super) fn take(blocks: &mut Vec<Block>) -> Option<PrintedList> {
    let (at, level, heading) =
        blocks
            .iter()
            .enumerate()
            .rev()
            .find_map(|(at, block)| match block {
                Block::Heading { level, text } if is_references_heading(&spans::flatten(text)) => {
                    Some((at, *level, spans::flatten(text)))
                }
                _ => None,
            })?;
    let end = blocks
        .iter()
        .enumerate()
        .skip(at + 1)
        .find(|(_, block)| matches!(block, Block::Heading { level: l, .. } if *l <= level))
        .map_or(blocks.len(), |(end, _)| end);
    let mut entries: Vec<(u32, String)> = Vec::new();
    let mut others = 0;
    for block in blocks.get(at + 1..end)? {
        let Block::Paragraph { text } = block else {
            others += 1;
            continue;
        };
        let text = spans::flatten(text);
        if let Some((number, rest)) = numbered_entry(&text) {
            entries.push((number, rest.to_owned()));
        } else if let Some((_, entry)) = entries.last_mut() {
            // `End-to-⏎⏎end object detection`: a word broken at its hyphen is joined.
            if !entry.ends_with('-') {
                entry.push(' ');
            }
            entry.push_str(text.trim());
        } else {
            others += 1;
        }
    }
    if entries.len() < 2 || others * 4 > entries.len() {
        return None;
    }
    blocks.drain(Range { start: at, end });
    Some(PrintedList { heading, entries })
}

/// A list item's paragraph that opens an entry with its number: `• [12] …` (a bullet before a
/// bracketed number) or `12. …` (an ordered list's number); the number and the text after it.
fn numbered_entry(text: &str) -> Option<(u32, &str)> {
    let text = text.trim_start();
    let text = text.strip_prefix('•').map_or(text, str::trim_start);
    let (number, rest) = if let Some(inside) = text.strip_prefix('[') {
        inside.split_once(']')?
    } else {
        let end = text.find(|c: char| !c.is_ascii_digit())?;
        let (number, rest) = text.split_at(end);
        let rest = rest.strip_prefix(['.', ')'])?;
        (number, rest.strip_prefix(char::is_whitespace)?)
    };
    let number = number
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=9999).contains(n))?;
    let rest = rest.trim();
    (!rest.is_empty()).then_some((number, rest))
}

impl PrintedList {
    /// Adds the entries to `builder` as its references and makes the numbered markers of the
    /// paper's text citations of them (call it once the text is read); an info line says so.
    pub(super) fn cite(self, builder: &mut PaperBuilder) {
        let count = self.entries.len();
        let mut known: Vec<u32> = self.entries.iter().map(|(number, _)| *number).collect();
        known.sort_unstable();
        known.dedup();
        for reference in read_numbered_entries(self.entries) {
            builder.reference(reference);
        }
        let marked = builder.rewrite_citing_texts(|rich| mark_numbered_citations(rich, &known));
        builder.report(Diagnostic::info(
            Code::Imported,
            format!(
                "the paper names no bibliography: the {} printed under “{}” {} its reference \
                 list, and {} in the text {} them",
                crate::corpus::counted(count, "numbered entry"),
                self.heading.trim(),
                if count == 1 { "is" } else { "are" },
                crate::corpus::counted(marked, "numbered marker"),
                if marked == 1 { "cites" } else { "cite" },
            ),
            "each entry is read into fields (authors, title, container, year …) from its words; \
             check them in the Bibliography, or give the paper's bibliography with `--bib`",
        ));
    }
}

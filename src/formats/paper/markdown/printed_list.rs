//! A reference list printed in the text: the entries under a paper's last references heading
//! (`## References`, then `- [1] …`, `1. …`, or an author–date list's entries one per paragraph
//! or item), as converters of PDFs write a paper into Markdown. When the paper names no
//! bibliography, the entries are its references, and the numbered markers of its text (`[1]`,
//! `[18-21]`, `[2], [4]`) or its authors and years (`(Fedus et al., 2021)`) cite them, as a
//! plain-text paper's do.

use std::collections::HashSet;

use super::blocks::{Block, remove_all_but};
use super::{is_references_heading, spans};
use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::formats::paper::plain::{
    Works, is_names_only, mark_citations, read_author_date_entries, read_numbered_entries, year_in,
};
use crate::formats::paper::{PaperBuilder, Span};

/// The entries printed under a references heading.
pub(super) struct PrintedList {
    /// The heading as printed (`References`, `REFERENCES`).
    heading: String,
    /// The entries, numbered or not.
    entries: Entries,
}

/// A printed list's entries.
enum Entries {
    /// Each entry's number and its text after the number.
    Numbered(Vec<(u32, String)>),
    /// Each entry's text, of a list citations name by authors and year.
    AuthorDate(Vec<String>),
}

impl Entries {
    fn len(&self) -> usize {
        match self {
            Self::Numbered(entries) => entries.len(),
            Self::AuthorDate(entries) => entries.len(),
        }
    }
}

/// Takes the reference list printed under the paper's last references heading out of
/// `blocks` (the heading and the entries; a table, a figure or a caption a converter put among
/// them stays in the text), when the blocks under it are entries with few other blocks (code,
/// equations) among them:
/// at least two numbered entries, or else at least two paragraphs most of which print a year
/// (an author–date list). A paragraph that opens with no number (in an author–date list, with
/// a lower-case word) continues the entry before it (a blank line broke it). `None`, and
/// `blocks` as they were, otherwise.
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
    let mut pieces: Vec<String> = Vec::new();
    let mut kept: Vec<usize> = Vec::new();
    let mut others = 0;
    for (offset, block) in blocks.get(at + 1..end)?.iter().enumerate() {
        let text = match block {
            Block::Paragraph { text } => spans::flatten(text),
            Block::Table(_) | Block::Figure { .. } => String::new(),
            _ => {
                others += 1;
                String::new()
            }
        };
        if text.is_empty() || is_float_caption(&text) {
            kept.push(at + 1 + offset);
            continue;
        }
        pieces.extend(split_at_items(&text).into_iter().map(str::to_owned));
    }
    let entries = numbered(&pieces).or_else(|| author_date(&pieces))?;
    if entries.len() < 2 || others * 4 > entries.len() {
        return None;
    }
    remove_all_but(blocks, at..end, &kept);
    Some(PrintedList { heading, entries })
}

/// The pieces as numbered entries: each opening with its number, a piece with none continuing
/// the entry before; `None` when fewer than two are numbered or more than a quarter of them
/// continue no entry.
fn numbered(pieces: &[String]) -> Option<Entries> {
    let mut entries: Vec<(u32, String)> = Vec::new();
    let mut others = 0;
    for piece in pieces {
        if let Some((number, rest)) = numbered_entry(piece) {
            entries.push((number, rest.to_owned()));
        } else if let Some((_, entry)) = entries.last_mut() {
            continue_entry(entry, piece);
        } else {
            others += 1;
        }
    }
    (entries.len() >= 2 && others * 4 <= entries.len()).then_some(Entries::Numbered(entries))
}

/// The pieces as an author–date list's entries, each without a bullet or the label a converter
/// printed before it (`Abadi et al. (2016) Martin Abadi, …`). A piece continues the entry
/// before when it opens with a lower-case word, or when that entry has no year yet and was
/// broken off: after its names alone, at a comma or a hyphen, or before a few words (`Google
/// Cloud Blog, 2019.`). `None` unless there are two entries or more and at least three in four
/// of them print a year.
fn author_date(pieces: &[String]) -> Option<Entries> {
    let mut entries: Vec<String> = Vec::new();
    for piece in pieces {
        let text = piece.trim_start();
        let text = text.strip_prefix('•').map_or(text, str::trim_start);
        match entries.last_mut() {
            Some(entry) if continues(entry, text) => continue_entry(entry, text),
            _ => entries.push(without_label(text).trim().to_owned()),
        }
    }
    let dated = entries.iter().filter(|e| year_in(e).is_some()).count();
    (entries.len() >= 2 && dated * 4 >= entries.len() * 3).then_some(Entries::AuthorDate(entries))
}

/// Whether `piece` continues an author–date `entry` a blank line broke (see [`author_date`]).
fn continues(entry: &str, piece: &str) -> bool {
    if piece.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    year_in(entry).is_none()
        && (entry.ends_with([',', '-'])
            || is_names_only(entry)
            || piece.split_whitespace().count() <= 6)
}

/// Adds `piece` to the entry a blank line broke: `End-to-⏎⏎end object detection` joined at the
/// hyphen, other words with a space.
fn continue_entry(entry: &mut String, piece: &str) {
    if !entry.ends_with('-') {
        entry.push(' ');
    }
    entry.push_str(piece.trim());
}

/// `text` cut before each numbered item a paragraph ran on into (`… 2017. * [4] L. Boominathan
/// …`: a list item after a paragraph's line, which Pandoc reads as the paragraph's text), each
/// piece after the first opening at its number.
fn split_at_items(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(" [") {
        let bullet = text
            .get(..at)
            .and_then(|before| before.strip_suffix(['*', '-', '•']))
            .filter(|before| before.ends_with(' '));
        let number = text.get(at + 2..).is_some_and(|after| {
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            (1..=4).contains(&digits) && after.get(digits..).is_some_and(|a| a.starts_with("] "))
        });
        if let Some(before) = bullet.filter(|_| number)
            && before.len() > start
        {
            pieces.push(text.get(start..before.len()).unwrap_or_default());
            // The next piece opens at the number, without its bullet.
            start = at + 1;
        }
    }
    pieces.push(text.get(start..).unwrap_or_default());
    pieces
}

/// A caption a converter put among the entries (`Table 4: …`, `Figure 4. …`): text of the
/// paper, not an entry.
fn is_float_caption(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let kind = words.next().unwrap_or_default().to_lowercase();
    let number = words.next().unwrap_or_default();
    ["figure", "fig.", "table"].contains(&kind.as_str())
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with([':', '.', '|'])
}

/// `text` without the label a converter printed before an author–date entry, as the
/// paper's `natbib` shows it (`Abadi et al. (2016) Martin Abadi, Paul Barham, …`): a label of
/// names without a comma and a year in parentheses, the label's first name printed again
/// soon after it. An entry printing its year after its authors (`Smith, J. (2019) Title`,
/// `Smith (2019). Title`) keeps it.
fn without_label(text: &str) -> &str {
    let Some(open) = text
        .get(..text.floor_char_boundary(80))
        .and_then(|head| head.find(" ("))
    else {
        return text;
    };
    let (label, rest) = text.split_at(open);
    let Some(after) = rest.strip_prefix(" (").and_then(|r| {
        let year = r.bytes().take_while(u8::is_ascii_digit).count();
        let suffix = usize::from(
            r.get(year..)
                .is_some_and(|s| s.starts_with(|c: char| c.is_ascii_lowercase())),
        );
        (year == 4)
            .then(|| r.get(year + suffix..))
            .flatten()?
            .strip_prefix(") ")
    }) else {
        return text;
    };
    let first = label.split_whitespace().next().unwrap_or_default();
    let named_again = after
        .get(..after.floor_char_boundary(80))
        .is_some_and(|head| head.contains(first));
    if label.contains(',') || first.chars().count() < 2 || !named_again {
        return text;
    }
    after
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
    /// Adds the entries to `builder` as its references and makes the citations of the paper's
    /// text citations of them (call it once the text is read); an info line says so. An
    /// unnumbered list is cited by authors and year, or by numbers in brackets counting its
    /// entries (a numbered list a converter printed without its numbers) when the text cites
    /// more works so.
    pub(super) fn cite(self, builder: &mut PaperBuilder) {
        let count = self.entries.len();
        let entries = match self.entries {
            Entries::AuthorDate(texts) => unnumbered(texts, builder),
            Entries::Numbered(entries) => Reading::Numbered(entries, false),
        };
        let (marked, markers, kind) = match entries {
            Reading::Numbered(entries, by_place) => {
                let known = numbers_of(&entries);
                for reference in read_numbered_entries(entries) {
                    builder.reference(reference);
                }
                let marked =
                    builder.rewrite_citing_texts(|rich| mark_citations(rich, &known, None));
                let markers = crate::corpus::counted(marked, "numbered marker");
                if by_place {
                    (marked, format!("{markers} counting them"), "entry")
                } else {
                    (marked, markers, "numbered entry")
                }
            }
            Reading::AuthorDate(references, works) => {
                for reference in references {
                    builder.reference(reference);
                }
                let marked =
                    builder.rewrite_citing_texts(|rich| mark_citations(rich, &[], Some(&works)));
                let markers = format!(
                    "{} by authors and year",
                    crate::corpus::counted(marked, "citation")
                );
                (marked, markers, "entry")
            }
        };
        builder.report(Diagnostic::info(
            Code::Imported,
            format!(
                "the paper names no bibliography: the {} printed under “{}” {} its reference \
                 list, and {markers} in the text {} them",
                crate::corpus::counted(count, kind),
                self.heading.trim(),
                if count == 1 { "is" } else { "are" },
                if marked == 1 { "cites" } else { "cite" },
            ),
            "each entry is read into fields (authors, title, container, year …) from its words; \
             check them in the Bibliography, or give the paper's bibliography with `--bib`",
        ));
    }
}

/// How a list's entries are read and cited.
enum Reading {
    /// Numbered entries, cited by their numbers; numbered by their places (`true`) when the
    /// list printed none.
    Numbered(Vec<(u32, String)>, bool),
    /// An author–date list's references and works, cited by authors and year.
    AuthorDate(Vec<crate::corpus::model::Reference>, Works),
}

/// The numbers of `entries`, sorted, without repeats.
fn numbers_of(entries: &[(u32, String)]) -> Vec<u32> {
    let mut known: Vec<u32> = entries.iter().map(|(number, _)| *number).collect();
    known.sort_unstable();
    known.dedup();
    known
}

/// How the unnumbered entries `texts` are cited (see [`PrintedList::cite`]): counted on copies
/// of the paper's texts, so nothing changes until it is known.
fn unnumbered(texts: Vec<String>, builder: &mut PaperBuilder) -> Reading {
    let positions: Vec<(u32, String)> = (1..).zip(texts.iter().cloned()).collect();
    let known = numbers_of(&positions);
    let mut numbers_named: HashSet<String> = HashSet::new();
    let by_number = builder.rewrite_citing_texts(|rich| {
        let mut copy = rich.clone();
        let marked = mark_citations(&mut copy, &known, None);
        for span in &copy.spans {
            // A Pandoc citation (`[@key]`) was marked before.
            if let Span::Marked(printed) = span
                && !printed.contains('@')
            {
                numbers_named.extend(
                    printed
                        .split(|c: char| !c.is_ascii_digit())
                        .filter(|number| !number.is_empty())
                        .map(str::to_owned),
                );
            }
        }
        marked
    });
    let (references, works) = read_author_date_entries(texts);
    let by_authors = builder.rewrite_citing_texts(|rich| {
        let mut copy = rich.clone();
        mark_citations(&mut copy, &[], Some(&works))
    });
    // Numbers name a third of the entries at least, not one footnote's `[1]` after each name.
    let named_enough = numbers_named.len() >= 3 && numbers_named.len() * 3 >= positions.len();
    if by_number > by_authors && named_enough {
        Reading::Numbered(positions, true)
    } else {
        Reading::AuthorDate(references, works)
    }
}

//! A note found again in a corpus: its item by its stable key, a highlight's passage by its
//! offsets or else by its quote (re-anchored after the text shifted, or in another paragraph
//! after a re-import renamed it), else detached. Also where a note belongs (its section) and the
//! works it is about (for Pandoc citations).

use std::collections::BTreeSet;
use std::ops::Range;

use super::{Passage, StudyNote};
use crate::corpus::display::section_heading;
use crate::corpus::{Corpus, Item, ItemKind};

/// Where a note's highlight stands now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassageAt {
    /// The paragraph (reading-order position).
    pub paragraph: usize,
    /// The quote's byte range in the paragraph's printed text
    /// ([`crate::corpus::index::ParagraphInfo::printed`]).
    pub range: Range<usize>,
    /// Whether it was found by its quote rather than where it was recorded (the text shifted,
    /// or the paragraph was renamed): a caller may store the new place.
    pub reanchored: bool,
}

/// The group a note is listed under: the section its item stands in, its item's kind for items
/// outside the running text (references, entities, series …), or detached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoteSection {
    /// A section, by position in `sections`.
    Section(usize),
    /// Items of a kind that stands outside the sections (a reference, an entity …).
    Kind(ItemKind),
    /// The item is no longer in the corpus and the quote was not found.
    Detached,
}

impl NoteSection {
    /// Its heading: the section as printed (`"2 Literature Review"`), the kind's plural
    /// (`"References"`), or `"Detached notes"`.
    #[must_use]
    pub fn heading(self, corpus: &Corpus) -> String {
        match self {
            Self::Section(position) => corpus
                .file
                .sections
                .get(position)
                .map_or_else(|| "Detached notes".to_owned(), section_heading),
            Self::Kind(kind) => kind.plural_label().to_owned(),
            Self::Detached => "Detached notes".to_owned(),
        }
    }
}

/// A note as found in a corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The item it is about now: the one its key names, or the paragraph where its quote was
    /// found; `None` when detached.
    pub item: Option<Item>,
    /// Where its highlight stands, when it has one and it was found.
    pub passage: Option<PassageAt>,
    /// The group it is listed under.
    pub section: NoteSection,
}

impl Resolved {
    /// Whether the note's item is gone and its quote was not found: it is kept and listed
    /// apart, never dropped.
    #[must_use]
    pub fn is_detached(&self) -> bool {
        self.item.is_none()
    }

    /// The words the note is about, as the paper prints them: the highlighted passage, else a
    /// citation's sentence; `None` for other items.
    #[must_use]
    pub fn quote(&self, corpus: &Corpus) -> Option<String> {
        if let Some(at) = &self.passage {
            let printed = &corpus.index.paragraphs.get(at.paragraph)?.printed;
            return printed.get(at.range.clone()).map(str::to_owned);
        }
        let Some(Item::Citation(citation)) = self.item else {
            return None;
        };
        let citation = corpus.index.citations.get(citation)?;
        let info = corpus.index.paragraphs.get(citation.paragraph)?;
        let sentence = info.sentences.get(citation.sentence)?;
        info.printed
            .get(sentence.clone())
            .map(|s| s.trim().to_owned())
    }

    /// The references (positions) the note is about, for citations: a reference itself; a
    /// citation's works; a highlight's works cited in the sentences it touches; a paragraph's
    /// (or section's) works. In order of first mention, each once.
    #[must_use]
    pub fn cited_references(&self, corpus: &Corpus) -> Vec<usize> {
        let index = &corpus.index;
        let mut found: Vec<usize> = Vec::new();
        let mut add = |references: &[usize]| {
            for &reference in references {
                if !found.contains(&reference) {
                    found.push(reference);
                }
            }
        };
        let citations_of = |paragraph: usize, within: Option<&Range<usize>>| {
            let Some(info) = index.paragraphs.get(paragraph) else {
                return Vec::new();
            };
            let sentences: BTreeSet<usize> = within.map_or_else(BTreeSet::new, |range| {
                info.sentences
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| {
                        s.start < range.end.max(range.start + 1) && range.start < s.end
                    })
                    .map(|(i, _)| i)
                    .collect()
            });
            info.citations
                .clone()
                .filter_map(|c| index.citations.get(c))
                .filter(|c| within.is_none() || sentences.contains(&c.sentence))
                .map(|c| c.references.clone())
                .collect()
        };
        match (self.item, &self.passage) {
            (_, Some(at)) => {
                for references in citations_of(at.paragraph, Some(&at.range)) {
                    add(&references);
                }
            }
            (Some(Item::Reference(reference)), None) => add(&[reference]),
            (Some(Item::Citation(citation)), None) => {
                if let Some(citation) = index.citations.get(citation) {
                    add(&citation.references);
                }
            }
            (Some(Item::Paragraph(paragraph)), None) => {
                for references in citations_of(paragraph, None) {
                    add(&references);
                }
            }
            (Some(Item::Section(section)), None) => {
                for paragraph in index
                    .section_paragraphs
                    .get(section)
                    .cloned()
                    .unwrap_or(0..0)
                {
                    for references in citations_of(paragraph, None) {
                        add(&references);
                    }
                }
            }
            _ => {}
        }
        found
    }
}

impl StudyNote {
    /// Finds this note in `corpus`. The item its key names, with a highlight's passage at its
    /// offsets when they still hold the quote, else the quote searched for in that paragraph
    /// (nearest the old place), else anywhere in the text (a re-import that renamed the
    /// paragraph); detached when neither the key nor the quote is found.
    #[must_use]
    pub fn resolve(&self, corpus: &Corpus) -> Resolved {
        let item = Item::from_key(self.item.trim(), corpus);
        let passage = self
            .passage
            .as_ref()
            .and_then(|passage| find_passage(corpus, item, passage));
        let item = match (&passage, item) {
            // The key is gone but the quote was found: the note is about that paragraph now.
            (Some(at), None) => Some(Item::Paragraph(at.paragraph)),
            (Some(at), Some(found)) if paragraph_of(corpus, found) != Some(at.paragraph) => {
                Some(Item::Paragraph(at.paragraph))
            }
            (_, item) => item,
        };
        let section = item.map_or(NoteSection::Detached, |item| section_of(corpus, item));
        Resolved {
            item,
            passage,
            section,
        }
    }
}

/// The paragraph an item stands in: itself, or a citation's paragraph.
fn paragraph_of(corpus: &Corpus, item: Item) -> Option<usize> {
    match item {
        Item::Paragraph(paragraph) => Some(paragraph),
        Item::Citation(citation) => corpus.index.citations.get(citation).map(|c| c.paragraph),
        _ => None,
    }
}

/// Where a highlight stands in `corpus`: see [`StudyNote::resolve`].
fn find_passage(corpus: &Corpus, item: Option<Item>, passage: &Passage) -> Option<PassageAt> {
    let paragraphs = &corpus.index.paragraphs;
    if let Some(paragraph) = item.and_then(|item| paragraph_of(corpus, item))
        && let Some(info) = paragraphs.get(paragraph)
    {
        let printed = info.printed.as_str();
        if let Some(range) = char_range(printed, passage.start..passage.end)
            && printed.get(range.clone()) == Some(passage.quote.as_str())
        {
            return Some(PassageAt {
                paragraph,
                range,
                reanchored: false,
            });
        }
        let near = char_range(printed, passage.start..passage.start).map_or(0, |r| r.start);
        if let Some(range) = find_quote(printed, &passage.quote, near) {
            return Some(PassageAt {
                paragraph,
                range,
                reanchored: true,
            });
        }
    }
    paragraphs.iter().enumerate().find_map(|(paragraph, info)| {
        find_quote(&info.printed, &passage.quote, 0).map(|range| PassageAt {
            paragraph,
            range,
            reanchored: true,
        })
    })
}

/// The byte range of a range of characters of `text`; `None` past its end.
fn char_range(text: &str, chars: Range<usize>) -> Option<Range<usize>> {
    let byte_at = |n: usize| {
        text.char_indices()
            .map(|(at, _)| at)
            .chain(std::iter::once(text.len()))
            .nth(n)
    };
    Some(byte_at(chars.start)?..byte_at(chars.end.max(chars.start))?)
}

/// Where `quote` stands in `text` as a byte range: the occurrence nearest the byte offset
/// `near`, exactly as written, else with any run of white space matching any other (a
/// re-import that rewrapped the text). `None` when it is not there or is blank.
#[must_use]
pub fn find_quote(text: &str, quote: &str, near: usize) -> Option<Range<usize>> {
    let quote = quote.trim();
    if quote.is_empty() {
        return None;
    }
    let nearest = |ranges: Vec<Range<usize>>| {
        ranges
            .into_iter()
            .min_by_key(|range| range.start.abs_diff(near))
    };
    let exact: Vec<Range<usize>> = text
        .match_indices(quote)
        .map(|(at, found)| at..at + found.len())
        .collect();
    if !exact.is_empty() {
        return nearest(exact);
    }
    // White space collapsed on both sides, each kept character's byte offset remembered.
    let (collapsed, starts) = collapse_space(text);
    let (wanted, _) = collapse_space(quote);
    let ranges: Vec<Range<usize>> = collapsed
        .match_indices(wanted.as_str())
        .filter_map(|(at, found)| {
            let start = *starts.get(at)?;
            let last = *starts.get(at + found.len() - 1)?;
            let end = last + text.get(last..)?.chars().next()?.len_utf8();
            Some(start..end)
        })
        .collect();
    nearest(ranges)
}

/// `text` with every run of white space as one space, and for each byte of the result the byte
/// offset in `text` it came from.
fn collapse_space(text: &str) -> (String, Vec<usize>) {
    let mut collapsed = String::with_capacity(text.len());
    let mut starts = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                collapsed.push(' ');
                starts.push(at);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        collapsed.push(c);
        starts.extend(std::iter::repeat_n(at, c.len_utf8()));
    }
    (collapsed, starts)
}

/// The group an item is listed under: the section it stands in, else its kind.
fn section_of(corpus: &Corpus, item: Item) -> NoteSection {
    let file = &corpus.file;
    let by_id = |id: Option<&String>| {
        id.and_then(|id| file.sections.iter().position(|s| &s.id == id))
            .map(NoteSection::Section)
    };
    let found = match item {
        Item::Section(section) => Some(NoteSection::Section(section)),
        Item::Paragraph(_) | Item::Citation(_) => paragraph_of(corpus, item)
            .and_then(|p| corpus.index.paragraphs.get(p))
            .map(|info| NoteSection::Section(info.section)),
        Item::Table(table) => by_id(file.tables.get(table).and_then(|t| t.section.as_ref())),
        Item::TableRow(row) => file
            .table_row(row)
            .and_then(|(table, _, _)| by_id(file.tables.get(table)?.section.as_ref())),
        Item::Figure(figure) => by_id(file.figures.get(figure).and_then(|f| f.section.as_ref())),
        _ => None,
    };
    found.unwrap_or(NoteSection::Kind(item.kind()))
}

#[cfg(test)]
mod tests;

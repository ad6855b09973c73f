//! Search as you type over references, paragraphs, cases, entities, table rows and sections.
//!
//! Every record has a short label (names, titles), matched fuzzily with nucleo-matcher so typos
//! and abbreviations still find it, and a body (running text, all fields), matched word by word
//! as substrings so a query finds passages without scattering over a paragraph.
//! The haystacks are built once per corpus ([`SearchIndex::new`]); each query only scores them.

use std::ops::Range;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::Corpus;
use super::item::{Item, ItemKind};
use super::model::Reference;

/// One searchable record: a short label matched fuzzily (typos and abbreviations welcome) and
/// a longer body matched word by word as substrings.
#[derive(Clone, Debug)]
struct Entry {
    item: Item,
    label: String,
    body: String,
    /// `body` as nucleo compares it (first code point of each grapheme, case-folded,
    /// normalised), so a plain substring test can rule an entry out before nucleo runs.
    body_folded: String,
}

/// Text as nucleo compares it: the first code point of each grapheme, case-folded and with
/// diacritics normalised away.
fn fold(text: &str) -> String {
    if text.is_ascii() && !text.contains('\r') {
        // Every ASCII character but CR is a grapheme of its own: lower case is the fold.
        return text.to_ascii_lowercase();
    }
    nucleo_matcher::chars::graphemes(text)
        .map(|c| nucleo_matcher::chars::normalize(nucleo_matcher::chars::to_lower_case(c)))
        .collect()
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// The record found.
    pub item: Item,
    /// Higher is better.
    pub score: u32,
    /// The text to show: the label, or for running text a window around the match.
    pub label: String,
    /// Byte ranges of `label` that matched, for highlighting.
    pub highlights: Vec<Range<usize>>,
}

/// The haystacks of one corpus, built once.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Every word of the folded bodies, sorted, with the entries (ascending) it occurs in.
    words: Vec<(String, Vec<u32>)>,
}

/// Query words shorter than this scan every entry; longer ones go through the word index.
const INDEXED_QUERY_CHARS: usize = 3;

/// Word matches collected per kind before ranking; the scan of a kind stops there.
const CANDIDATES_PER_RESULT: usize = 4;

/// Added to word matches so they rank above fuzzy ones.
const WORD_MATCH_BONUS: u32 = 1000;

/// Kinds in the order results are grouped.
pub const RESULT_KINDS: [ItemKind; 6] = [
    ItemKind::Reference,
    ItemKind::Entity,
    ItemKind::TableRow,
    ItemKind::Case,
    ItemKind::Section,
    ItemKind::Paragraph,
];

impl SearchIndex {
    /// Builds the haystacks for `corpus`.
    #[must_use]
    pub fn new(corpus: &Corpus) -> Self {
        let file = &corpus.file;
        let mut entries = Vec::new();
        for (i, reference) in file.references.iter().enumerate() {
            let number = corpus.index.reference_numbers.get(i).copied().unwrap_or(0);
            entries.push(Entry {
                item: Item::Reference(i),
                label: format!("[{number}] {}", super::cite::short_label(reference)),
                body_folded: String::new(),
                body: format!("[{number}] {}", reference_search_text(reference)),
            });
        }
        for (i, entity) in file.entities.iter().enumerate() {
            let mut label = entity.name.clone();
            for alias in &entity.aliases {
                if alias != &entity.name {
                    label.push_str(" · ");
                    label.push_str(alias);
                }
            }
            entries.push(Entry {
                item: Item::Entity(i),
                body_folded: String::new(),
                body: format!("{label} — {}", entity.description),
                label,
            });
        }
        table_entries(file, &mut entries);
        for (i, case) in file.cases.iter().enumerate() {
            entries.push(Entry {
                item: Item::Case(i),
                label: case.title.clone(),
                body_folded: String::new(),
                body: format!(
                    "{} — {} — {}",
                    case.title,
                    case.countries.join(", "),
                    case.summary
                ),
            });
        }
        for (i, section) in file.sections.iter().enumerate() {
            let heading = format!("{} {}", section.number, section.title)
                .trim()
                .to_owned();
            entries.push(Entry {
                item: Item::Section(i),
                body_folded: String::new(),
                body: heading.clone(),
                label: heading,
            });
        }
        for (i, paragraph) in corpus.index.paragraphs.iter().enumerate() {
            entries.push(Entry {
                item: Item::Paragraph(i),
                label: String::new(),
                body_folded: String::new(),
                body: paragraph.printed.clone(),
            });
        }
        for entry in &mut entries {
            entry.body_folded = fold(&entry.body);
        }
        let mut postings: std::collections::HashMap<&str, Vec<u32>> =
            std::collections::HashMap::new();
        for (position, entry) in entries.iter().enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            let words = entry
                .body_folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty());
            for word in words {
                let list = postings.entry(word).or_default();
                if list.last() != Some(&position) {
                    list.push(position);
                }
            }
        }
        let mut words: Vec<(String, Vec<u32>)> = postings
            .into_iter()
            .map(|(w, list)| (w.to_owned(), list))
            .collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Self { entries, words }
    }

    /// The entries whose folded body may contain every query word, ascending; `None` when a
    /// query word is short or has non-word characters, so every entry must be scanned.
    fn candidates(&self, folded_words: &[String]) -> Option<Vec<u32>> {
        let indexable = !folded_words.is_empty()
            && folded_words.iter().all(|word| {
                word.chars().count() >= INDEXED_QUERY_CHARS
                    && word.chars().all(char::is_alphanumeric)
            });
        if !indexable {
            return None;
        }
        let mut result: Option<Vec<u32>> = None;
        for query_word in folded_words {
            // A query word matches inside any word of the text that contains it.
            let mut hits: Vec<u32> = self
                .words
                .iter()
                .filter(|(word, _)| word.contains(query_word.as_str()))
                .flat_map(|(_, list)| list.iter().copied())
                .collect();
            hits.sort_unstable();
            hits.dedup();
            result = Some(match result {
                None => hits,
                Some(previous) => {
                    let keep: std::collections::HashSet<u32> = hits.into_iter().collect();
                    previous.into_iter().filter(|p| keep.contains(p)).collect()
                }
            });
        }
        result
    }

    /// Every record matching `query`, best first within each kind, at most `per_kind` of each
    /// kind, kinds in [`RESULT_KINDS`] order. An empty query finds nothing.
    #[must_use]
    pub fn search(&self, query: &str, per_kind: usize) -> Vec<SearchHit> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let fuzzy = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let words = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Substring,
        );
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buffer = Vec::new();
        let mut indices = Vec::new();
        let mut hits: Vec<SearchHit> = Vec::new();
        let query_chars = query.chars().filter(|c| !c.is_whitespace()).count();
        let folded_words: Vec<String> = query.split_whitespace().map(fold).collect();
        // First pass: word matches in bodies. A substring test on the folded body rules out
        // most entries cheaply; nucleo scores and highlights the rest.
        let mut word_hits_per_kind = [0usize; RESULT_KINDS.len()];
        let mut word_matched = vec![false; self.entries.len()];
        let candidates: Box<dyn Iterator<Item = usize>> = match self.candidates(&folded_words) {
            Some(list) => Box::new(list.into_iter().map(|p| p as usize)),
            None => Box::new(0..self.entries.len()),
        };
        let enough = per_kind.saturating_mul(CANDIDATES_PER_RESULT).max(1);
        for position in candidates {
            let Some(entry) = self.entries.get(position) else {
                continue;
            };
            let kind_slot = RESULT_KINDS
                .iter()
                .position(|kind| *kind == entry.item.kind());
            if kind_slot
                .and_then(|k| word_hits_per_kind.get(k))
                .is_some_and(|&n| n >= enough)
            {
                continue;
            }
            if !folded_words
                .iter()
                .all(|word| entry.body_folded.contains(word.as_str()))
            {
                continue;
            }
            indices.clear();
            let body = Utf32Str::new(&entry.body, &mut buffer);
            let Some(score) = words.indices(body, &mut matcher, &mut indices) else {
                continue;
            };
            indices.sort_unstable();
            indices.dedup();
            hits.push(body_hit(entry, &indices, score + WORD_MATCH_BONUS));
            if let Some(slot) = word_matched.get_mut(position) {
                *slot = true;
            }
            if let Some(count) = kind_slot.and_then(|k| word_hits_per_kind.get_mut(k)) {
                *count += 1;
            }
        }
        // Second pass: fuzzy matches of labels, for kinds that do not have enough word matches
        // (a typo, an abbreviation); word matches rank above them anyway.
        for (position, entry) in self.entries.iter().enumerate() {
            let kind_full = RESULT_KINDS
                .iter()
                .position(|kind| *kind == entry.item.kind())
                .and_then(|k| word_hits_per_kind.get(k))
                .is_some_and(|&count| count >= per_kind);
            if entry.label.is_empty()
                || kind_full
                || word_matched.get(position).copied().unwrap_or(false)
            {
                continue;
            }
            indices.clear();
            let label = Utf32Str::new(&entry.label, &mut buffer);
            let Some(score) = fuzzy.indices(label, &mut matcher, &mut indices) else {
                continue;
            };
            indices.sort_unstable();
            indices.dedup();
            // A fuzzy match scattered over a long label is noise, not a match.
            let span = match (indices.first(), indices.last()) {
                (Some(&first), Some(&last)) => (last - first + 1) as usize,
                _ => 0,
            };
            if span > query_chars * 2 + 2 {
                continue;
            }
            hits.push(SearchHit {
                item: entry.item,
                score,
                label: entry.label.clone(),
                highlights: char_indices_to_ranges(&entry.label, &indices, 0),
            });
        }
        best_per_kind(&hits, per_kind)
    }
}

/// A word match in an entry's body: the body (an excerpt around the matches when it is long)
/// with the matched characters highlighted.
fn body_hit(entry: &Entry, indices: &[u32], score: u32) -> SearchHit {
    let (label, highlights) = if entry.body.chars().count() > 160 {
        excerpt(&entry.body, indices)
    } else {
        (
            entry.body.clone(),
            char_indices_to_ranges(&entry.body, indices, 0),
        )
    };
    SearchHit {
        item: entry.item,
        score,
        label,
        highlights,
    }
}

/// The best `per_kind` hits of each kind, best first, kinds in [`RESULT_KINDS`] order.
fn best_per_kind(hits: &[SearchHit], per_kind: usize) -> Vec<SearchHit> {
    let mut grouped = Vec::new();
    for kind in RESULT_KINDS {
        let mut of_kind: Vec<SearchHit> = hits
            .iter()
            .filter(|h| h.item.kind() == kind)
            .cloned()
            .collect();
        of_kind.sort_by(|a, b| b.score.cmp(&a.score).then(a.item.cmp(&b.item)));
        of_kind.truncate(per_kind);
        grouped.extend(of_kind);
    }
    grouped
}

/// The searchable text of a reference: authors, year, title, container.
#[must_use]
pub fn reference_search_text(reference: &Reference) -> String {
    let authors: Vec<String> = reference
        .author
        .iter()
        .map(super::cite::display_name)
        .collect();
    let year = reference
        .issued
        .as_ref()
        .and_then(|d| d.date_parts.first())
        .and_then(|parts| parts.first())
        .map(ToString::to_string)
        .unwrap_or_default();
    format!(
        "{} ({year}) {} {}",
        authors.join(", "),
        reference.title,
        reference.container_title
    )
    .trim()
    .to_owned()
}

/// Converts sorted char indices into merged byte ranges of `text`, shifted by `-char_offset`.
fn char_indices_to_ranges(text: &str, indices: &[u32], char_offset: usize) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut wanted = indices
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| i >= char_offset)
        .map(|i| i - char_offset)
        .peekable();
    for (char_position, (byte, c)) in text.char_indices().enumerate() {
        while wanted.peek().is_some_and(|&w| w < char_position) {
            wanted.next();
        }
        if wanted.peek() == Some(&char_position) {
            let end = byte + c.len_utf8();
            match ranges.last_mut() {
                Some(last) if last.end == byte => last.end = end,
                _ => ranges.push(byte..end),
            }
        }
    }
    ranges
}

/// A window of about 140 characters of `text` around the first matched char, with highlights.
fn excerpt(text: &str, indices: &[u32]) -> (String, Vec<Range<usize>>) {
    const BEFORE: usize = 50;
    const LENGTH: usize = 140;
    let first = indices.first().map_or(0, |&i| i as usize);
    let start_char = first.saturating_sub(BEFORE);
    let total = text.chars().count();
    let mut label: String = text.chars().skip(start_char).take(LENGTH).collect();
    let mut shift = 0;
    if start_char > 0 {
        label.insert(0, '…');
        shift = 1;
    }
    if start_char + LENGTH < total {
        label.push('…');
    }
    let visible: Vec<u32> = indices
        .iter()
        .filter(|&&i| (i as usize) >= start_char && (i as usize) < start_char + LENGTH)
        .map(|&i| u32::try_from(i as usize - start_char + shift).unwrap_or(u32::MAX))
        .collect();
    let highlights = char_indices_to_ranges(&label, &visible, 0);
    (label, highlights)
}

/// Search entries for table rows, tables, figures and footnotes.
fn table_entries(file: &crate::corpus::CorpusFile, entries: &mut Vec<Entry>) {
    for (i, (_, row)) in file.table_rows().enumerate() {
        entries.push(Entry {
            item: Item::TableRow(i),
            label: super::display::row_title(row),
            body_folded: String::new(),
            body: row.cells.join(" — "),
        });
    }
    for (i, table) in file.tables.iter().enumerate() {
        let mut body = table.title();
        for column in &table.columns {
            body.push_str(" — ");
            body.push_str(&column.header);
        }
        for footnote in &table.footnotes {
            body.push_str(" — ");
            body.push_str(&footnote.text);
        }
        entries.push(Entry {
            item: Item::Table(i),
            label: table.title(),
            body_folded: String::new(),
            body,
        });
    }
    for (i, figure) in file.figures.iter().enumerate() {
        entries.push(Entry {
            item: Item::Figure(i),
            label: figure.title(),
            body_folded: String::new(),
            body: figure.title(),
        });
    }
    for (i, footnote) in file.footnotes.iter().enumerate() {
        entries.push(Entry {
            item: Item::Footnote(i),
            label: format!("Footnote {}", footnote.shown_marker()),
            body_folded: String::new(),
            body: footnote.text.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn the_word_index_keeps_substring_matching() {
        let corpus = Corpus::builtin();
        let index = SearchIndex::new(&corpus);
        let items = |query: &str| -> Vec<Item> {
            index
                .search(query, 50)
                .into_iter()
                .map(|h| h.item)
                .collect()
        };
        let interpol = items("interpol");
        // Inside a word ("terpol" in "Interpol's"), and in any case.
        assert_eq!(items("terpol"), interpol);
        assert_eq!(items("INTERPOL"), interpol);
        assert!(interpol.iter().any(|i| matches!(i, Item::Reference(_))));
        // Several words must all occur.
        let both = items("interpol unodc");
        assert!(!both.is_empty() && both.len() < interpol.len());
    }

    #[test]
    fn ranges_merge_adjacent_chars() {
        assert_eq!(
            char_indices_to_ranges("héllo", &[0, 1, 3], 0),
            vec![0..3, 4..5]
        );
    }

    #[test]
    fn excerpt_marks_cut_ends() {
        let text = "x".repeat(100) + "needle" + &"y".repeat(200);
        let indices: Vec<u32> = (100..106).collect();
        let (label, highlights) = excerpt(&text, &indices);
        assert!(label.starts_with('…') && label.ends_with('…'));
        let first = highlights.first().cloned().unwrap_or_default();
        assert_eq!(label.get(first), Some("needle"));
    }
}

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
    /// Where the record stands (`"§2 Literature Review, ¶ 3"`), shown under the result.
    place: String,
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
    /// Where the record stands, e.g. `"§2 Literature Review, ¶ 3"`; empty when it is a place
    /// of its own ([`super::display::search_place`]).
    pub place: String,
}

/// The results of one kind: a heading with their count, and where they are in
/// [`SearchResults::hits`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultGroup {
    /// Their kind.
    pub kind: ItemKind,
    /// How many records of this kind match, shown or not.
    pub total: usize,
    /// Their positions in [`SearchResults::hits`].
    pub hits: Range<usize>,
}

impl ResultGroup {
    /// The group's heading with its count: `"References · 3"`, or `"Paragraphs · 20 of 57"`
    /// when not all are listed.
    #[must_use]
    pub fn heading(&self) -> String {
        let shown = self.hits.len();
        if shown < self.total {
            format!("{} · {shown} of {}", self.kind.plural_label(), self.total)
        } else {
            format!("{} · {shown}", self.kind.plural_label())
        }
    }
}

/// What a query found: the hits, grouped by kind in [`RESULT_KINDS`] order, best first within
/// each kind, and the groups with their counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Every hit listed, group after group.
    pub hits: Vec<SearchHit>,
    /// One group per kind that has hits, in the order of `hits`.
    pub groups: Vec<ResultGroup>,
}

impl SearchResults {
    /// The group the hit at `position` belongs to.
    #[must_use]
    pub fn group_of(&self, position: usize) -> Option<&ResultGroup> {
        self.groups.iter().find(|g| g.hits.contains(&position))
    }
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

/// Kinds in the order results are grouped: the few, precise ones first, running text last.
pub const RESULT_KINDS: [ItemKind; 9] = [
    ItemKind::Reference,
    ItemKind::Entity,
    ItemKind::Section,
    ItemKind::Table,
    ItemKind::Figure,
    ItemKind::Case,
    ItemKind::TableRow,
    ItemKind::Footnote,
    ItemKind::Paragraph,
];

impl SearchIndex {
    /// Builds the haystacks for `corpus`.
    #[must_use]
    pub fn new(corpus: &Corpus) -> Self {
        let file = &corpus.file;
        let mut entries = Vec::new();
        for (i, reference) in file.references.iter().enumerate() {
            // A bibliography on its own prints no numbers: none is shown or searched.
            let number = corpus
                .printed_number(i)
                .map(|number| format!("[{number}] "))
                .unwrap_or_default();
            entries.push(Entry {
                place: String::new(),
                item: Item::Reference(i),
                label: format!("{number}{}", super::cite::short_label(reference)),
                body_folded: String::new(),
                body: format!("{number}{}", reference_search_text(reference)),
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
                place: String::new(),
                item: Item::Entity(i),
                body_folded: String::new(),
                body: format!("{label} — {}", entity.description),
                label,
            });
        }
        table_entries(file, &mut entries);
        for (i, case) in file.cases.iter().enumerate() {
            entries.push(Entry {
                place: String::new(),
                item: Item::Case(i),
                label: case.title.clone(),
                body_folded: String::new(),
                body: [
                    case.title.trim(),
                    &case.countries.join(", "),
                    case.summary.trim(),
                ]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" — "),
            });
        }
        for (i, section) in file.sections.iter().enumerate() {
            let heading = format!("{} {}", section.number, section.title)
                .trim()
                .to_owned();
            entries.push(Entry {
                place: String::new(),
                item: Item::Section(i),
                body_folded: String::new(),
                body: heading.clone(),
                label: heading,
            });
        }
        for (i, paragraph) in corpus.index.paragraphs.iter().enumerate() {
            entries.push(Entry {
                place: String::new(),
                item: Item::Paragraph(i),
                label: String::new(),
                body_folded: String::new(),
                body: paragraph.printed.clone(),
            });
        }
        for entry in &mut entries {
            entry.body_folded = fold(&entry.body);
            entry.place = super::display::search_place(corpus, entry.item);
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
        self.search_grouped(query, per_kind).hits
    }

    /// As [`SearchIndex::search`], with the groups: each kind's heading and how many of its
    /// records match in all (a kind with more than `per_kind` lists only its best).
    #[must_use]
    pub fn search_grouped(&self, query: &str, per_kind: usize) -> SearchResults {
        let query = query.trim();
        if query.is_empty() {
            return SearchResults::default();
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
        // Word matches past those ranked, counted for the group headings.
        let mut uncounted_per_kind = [0usize; RESULT_KINDS.len()];
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
            if !folded_words
                .iter()
                .all(|word| entry.body_folded.contains(word.as_str()))
            {
                continue;
            }
            if kind_slot
                .and_then(|k| word_hits_per_kind.get(k))
                .is_some_and(|&n| n >= enough)
            {
                // Enough to rank: the rest are only counted.
                if let Some(count) = kind_slot.and_then(|k| uncounted_per_kind.get_mut(k)) {
                    *count += 1;
                }
                continue;
            }
            indices.clear();
            let body = Utf32Str::new(&entry.body, &mut buffer);
            let Some(score) = words.indices(body, &mut matcher, &mut indices) else {
                continue;
            };
            indices.sort_unstable();
            indices.dedup();
            hits.push(body_hit(entry, &indices, score + WORD_MATCH_BONUS, query));
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
                place: entry.place.clone(),
            });
        }
        best_per_kind(&hits, per_kind, &uncounted_per_kind)
    }
}

/// A word match in an entry's body: the body (an excerpt around the matches when it is long)
/// with the matched characters highlighted.
/// Every occurrence of each word of `query` is marked, not only the one nucleo scored.
fn body_hit(entry: &Entry, indices: &[u32], score: u32, query: &str) -> SearchHit {
    let (label, mut highlights) = if entry.body.chars().count() > 160 {
        excerpt(&entry.body, indices)
    } else {
        (
            entry.body.clone(),
            char_indices_to_ranges(&entry.body, indices, 0),
        )
    };
    for word in query.split_whitespace() {
        highlights.extend(super::find::find_in_text(&label, word));
    }
    highlights = merge_ranges(highlights);
    SearchHit {
        item: entry.item,
        score,
        label,
        highlights,
        place: entry.place.clone(),
    }
}

/// The best `per_kind` hits of each kind, best first, kinds in [`RESULT_KINDS`] order, with
/// each kind's group: its hits and its total (`uncounted` more matched than were ranked).
fn best_per_kind(
    hits: &[SearchHit],
    per_kind: usize,
    uncounted: &[usize; RESULT_KINDS.len()],
) -> SearchResults {
    let mut results = SearchResults::default();
    for (kind, more) in RESULT_KINDS.into_iter().zip(uncounted) {
        let mut of_kind: Vec<SearchHit> = hits
            .iter()
            .filter(|h| h.item.kind() == kind)
            .cloned()
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let total = of_kind.len() + more;
        of_kind.sort_by(|a, b| b.score.cmp(&a.score).then(a.item.cmp(&b.item)));
        of_kind.truncate(per_kind);
        let start = results.hits.len();
        results.hits.extend(of_kind);
        results.groups.push(ResultGroup {
            kind,
            total,
            hits: start..results.hits.len(),
        });
    }
    results
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
    let year = if year.is_empty() {
        String::new()
    } else {
        format!("({year})")
    };
    super::cite::words(&[
        &authors.join(", "),
        &year,
        &reference.title,
        &reference.container_title,
    ])
}

/// `ranges` sorted, those that overlap or touch joined.
fn merge_ranges(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
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

/// A snippet of `text` around its first matched char: about 40 characters before it and 140
/// in all, cut between words where a space is near, with an ellipsis where cut; the matched
/// chars (`indices`, chars of `text`) as byte ranges of the snippet.
fn excerpt(text: &str, indices: &[u32]) -> (String, Vec<Range<usize>>) {
    const BEFORE: usize = 40;
    const LENGTH: usize = 140;
    /// How far a cut moves to fall between words.
    const WORD_SLACK: usize = 12;
    let chars: Vec<char> = text.chars().collect();
    let first = indices.first().map_or(0, |&i| i as usize).min(chars.len());
    let mut start = first.saturating_sub(BEFORE);
    if start > 0 {
        // Start after a space near the cut, never past the match.
        if let Some(space) = (start..first.min(start + WORD_SLACK))
            .find(|&i| chars.get(i).is_some_and(|c| c.is_whitespace()))
        {
            start = space + 1;
        }
    }
    let mut end = (start + LENGTH).min(chars.len());
    if end < chars.len() {
        let floor = end.saturating_sub(WORD_SLACK).max(first + 1);
        if let Some(space) = (floor..end)
            .rev()
            .find(|&i| chars.get(i).is_some_and(|c| c.is_whitespace()))
        {
            end = space;
        }
    }
    let mut label: String = chars.get(start..end).unwrap_or_default().iter().collect();
    let mut shift = 0;
    if start > 0 {
        label.insert(0, '…');
        shift = 1;
    }
    if end < chars.len() {
        label.push('…');
    }
    let visible: Vec<u32> = indices
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| i >= start && i < end)
        .map(|i| u32::try_from(i - start + shift).unwrap_or(u32::MAX))
        .collect();
    let highlights = char_indices_to_ranges(&label, &visible, 0);
    (label, highlights)
}

/// Search entries for table rows, tables, figures and footnotes.
fn table_entries(file: &crate::corpus::CorpusFile, entries: &mut Vec<Entry>) {
    for (i, (_, row)) in file.table_rows().enumerate() {
        entries.push(Entry {
            place: String::new(),
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
            place: String::new(),
            item: Item::Table(i),
            label: table.title(),
            body_folded: String::new(),
            body,
        });
    }
    for (i, figure) in file.figures.iter().enumerate() {
        entries.push(Entry {
            place: String::new(),
            item: Item::Figure(i),
            label: figure.title(),
            body_folded: String::new(),
            body: figure.title(),
        });
    }
    for (i, footnote) in file.footnotes.iter().enumerate() {
        entries.push(Entry {
            place: String::new(),
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
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::expect_used)]
    fn every_occurrence_of_a_query_word_is_marked() {
        let corpus = Corpus::builtin();
        let index = SearchIndex::new(&corpus);
        let hits = index.search("trafficking", 50);
        // A reference title naming it twice ("post-trafficking … of trafficking") marks both.
        let twice = hits
            .iter()
            .find(|h| h.label.to_lowercase().matches("trafficking").count() >= 2)
            .expect("some result names trafficking twice");
        let marked: Vec<&str> = twice
            .highlights
            .iter()
            .filter_map(|r| twice.label.get(r.clone()))
            .collect();
        assert!(
            marked
                .iter()
                .filter(|m| m.eq_ignore_ascii_case("trafficking"))
                .count()
                >= 2,
            "{twice:?}"
        );
        assert_eq!(
            merge_ranges(vec![5..9, 0..2, 1..3, 9..10]),
            vec![0..3, 5..10]
        );
    }

    #[test]
    fn a_reference_without_a_year_reads_without_empty_brackets() {
        let reference = Reference {
            title: "Catchments as simple dynamical systems".to_owned(),
            ..Reference::default()
        };
        assert_eq!(
            reference_search_text(&reference),
            "Catchments as simple dynamical systems"
        );
    }

    #[test]
    fn ranges_merge_adjacent_chars() {
        assert_eq!(
            char_indices_to_ranges("héllo", &[0, 1, 3], 0),
            vec![0..3, 4..5]
        );
    }

    #[test]
    fn excerpts_cut_between_words_and_keep_the_match() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen \
                    fourteen needle fifteen sixteen seventeen eighteen nineteen twenty twentyone \
                    twentytwo twentythree twentyfour twentyfive twentysix twentyseven twentyeight";
        let at = text.find("needle").unwrap_or_default();
        let first = text.get(..at).unwrap_or_default().chars().count();
        let indices: Vec<u32> = (first..first + 6)
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        let (label, highlights) = excerpt(text, &indices);
        // Whole words at both ends, and the match well inside.
        let inner = label.trim_start_matches('…').trim_end_matches('…');
        assert!(text.contains(inner), "{label}");
        for word in [inner.split(' ').next(), inner.split(' ').next_back()] {
            assert!(
                text.split(' ').any(|w| Some(w) == word),
                "{word:?} is cut: {label}"
            );
        }
        assert_eq!(
            highlights.first().and_then(|r| label.get(r.clone())),
            Some("needle")
        );
        assert!(label.starts_with('…') && label.ends_with('…'), "{label}");
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::expect_used)]
    fn groups_count_every_match_and_list_the_best() {
        let corpus = Corpus::builtin();
        let index = SearchIndex::new(&corpus);
        let results = index.search_grouped("trafficking", 5);
        let paragraphs = results
            .groups
            .iter()
            .find(|g| g.kind == ItemKind::Paragraph)
            .expect("the paper's text names trafficking");
        // More paragraphs name it than are listed; the heading says both.
        assert_eq!(paragraphs.hits.len(), 5);
        assert!(paragraphs.total > 20, "{paragraphs:?}");
        assert_eq!(
            paragraphs.heading(),
            format!("Paragraphs · 5 of {}", paragraphs.total)
        );
        // Groups follow each other over the hits, each of one kind, in the kinds' order.
        let mut next = 0;
        for group in &results.groups {
            assert_eq!(group.hits.start, next);
            next = group.hits.end;
            assert!(
                results.hits[group.hits.clone()]
                    .iter()
                    .all(|h| h.item.kind() == group.kind)
            );
            assert_eq!(results.group_of(group.hits.start), Some(group));
        }
        assert_eq!(next, results.hits.len());
        // A paragraph says where it stands.
        let hit = &results.hits[paragraphs.hits.start];
        assert!(hit.place.contains(", ¶"), "{hit:?}");
        // A group that lists everything says just its count.
        let small = index.search_grouped("Interpol", 50);
        let references = small.groups.first().expect("a reference names Interpol");
        assert_eq!(references.kind, ItemKind::Reference);
        assert_eq!(
            references.heading(),
            format!("References · {}", references.total)
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

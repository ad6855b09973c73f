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
use super::text::script_base;

mod excerpt;
mod postings;

use excerpt::{excerpt, grapheme_indices_to_ranges, merge_ranges};
use postings::{EntrySet, WordIndex, fits_in_window};

/// One searchable record: a short label matched fuzzily (typos and abbreviations welcome) and
/// a longer body matched word by word as substrings.
#[derive(Clone, Debug)]
struct Entry {
    item: Item,
    label: String,
    /// `label` as nucleo compares it: what tells a plain query's fuzzy matches.
    label_folded: String,
    /// Where the record stands (`"§2 Literature Review, ¶ 3"`), shown under the result.
    place: String,
    body: String,
    /// `body` as nucleo compares it (first code point of each grapheme, case-folded,
    /// normalised): what the word index and the search for words of other characters read.
    body_folded: String,
}

impl Entry {
    /// A record with its label and body; where it stands and the folded texts come later.
    fn new(item: Item, label: String, body: String) -> Self {
        Self {
            item,
            label,
            label_folded: String::new(),
            place: String::new(),
            body,
            body_folded: String::new(),
        }
    }
}

/// Text as nucleo compares it: the first code point of each grapheme, case-folded, with
/// diacritics normalised away and raised or lowered characters read as their base (`CO₂` as
/// `co2`).
fn fold(text: &str) -> String {
    if text.is_ascii() && !text.contains('\r') {
        // Every ASCII character but CR is a grapheme of its own: lower case is the fold.
        return text.to_ascii_lowercase();
    }
    nucleo_matcher::chars::graphemes(text)
        .map(|c| {
            nucleo_matcher::chars::normalize(nucleo_matcher::chars::to_lower_case(script_base(c)))
        })
        .collect()
}

/// A text as nucleo is to read it. When folding finds what nucleo finds (`folds_exactly`),
/// the [`fold`]ed text: one character per grapheme of the original, so a match's indices are
/// the same and nothing is segmented again (a score may lack a capital letter's bonus inside
/// a word). Otherwise the original, segmented by nucleo. Either way a match position counts
/// graphemes of the original.
fn haystack<'a>(
    folds_exactly: bool,
    original: &'a str,
    folded: &'a str,
    buffer: &'a mut Vec<char>,
) -> Utf32Str<'a> {
    if !folds_exactly {
        // As `Utf32Str::new`, but a CR LF is one grapheme here too (nucleo reads ASCII text
        // a byte at a time), so every match position counts graphemes.
        if original.is_ascii() && !original.contains('\r') {
            return Utf32Str::Ascii(original.as_bytes());
        }
        buffer.clear();
        buffer.extend(nucleo_matcher::chars::graphemes(original));
        return Utf32Str::Unicode(buffer);
    }
    if folded.is_ascii() {
        return Utf32Str::Ascii(folded.as_bytes());
    }
    buffer.clear();
    buffer.extend(folded.chars());
    Utf32Str::Unicode(buffer)
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
    /// Every record, kind after kind in [`RESULT_KINDS`] order.
    entries: Vec<Entry>,
    /// Where each kind of [`RESULT_KINDS`] is in `entries`.
    spans: [Range<usize>; RESULT_KINDS.len()],
    words: WordIndex,
}

/// Word matches ranked per kind, in the order of the text; a kind with more is only counted.
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

/// Where `kind` stands in [`RESULT_KINDS`] (past its end for a kind not searched).
fn result_slot(kind: ItemKind) -> usize {
    RESULT_KINDS
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(RESULT_KINDS.len())
}

/// One query, parsed once: its fuzzy pattern for labels, its substring pattern for bodies,
/// its words folded, and nucleo's working memory.
struct Query {
    fuzzy: Pattern,
    words: Pattern,
    folded_words: Vec<String>,
    /// The query's words as typed, each marked wherever it occurs in a body's excerpt.
    typed_words: Vec<String>,
    /// How far a fuzzy match may scatter over a label, first matched character to last.
    fuzzy_span: usize,
    /// Whether the folded query finds what nucleo finds: an ASCII query. nucleo does not fold
    /// accents away from a query that has them (`é` finds `é` but not `e`), though the folded
    /// texts have none, so each match of such a query is confirmed by nucleo.
    folds_exactly: bool,
    /// Whether every word is ASCII letters and digits, so nucleo reads the query as plain
    /// fuzzy words and [`fits_in_window`] tells which labels match.
    plain_ascii: bool,
    matcher: Matcher,
    buffer: Vec<char>,
    indices: Vec<u32>,
}

/// What [`Query::label_match`] found of a label.
enum LabelMatch {
    /// It does not match.
    No,
    /// It matches, counted but not ranked.
    Counted,
    /// It matches, scored and marked.
    Ranked(SearchHit),
}

impl Query {
    fn new(query: &str) -> Self {
        let folded_words: Vec<String> = query.split_whitespace().map(fold).collect();
        let query_chars = query.chars().filter(|c| !c.is_whitespace()).count();
        Self {
            fuzzy: Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart),
            words: Pattern::new(
                query,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Substring,
            ),
            folds_exactly: query.is_ascii(),
            plain_ascii: query
                .split_whitespace()
                .all(|word| word.bytes().all(|b| b.is_ascii_alphanumeric())),
            folded_words,
            typed_words: query.split_whitespace().map(str::to_owned).collect(),
            fuzzy_span: query_chars * 2 + 2,
            matcher: Matcher::new(Config::DEFAULT),
            buffer: Vec::new(),
            indices: Vec::new(),
        }
    }

    /// How well `entry`'s body matches the query word by word, or `None`.
    fn body_score(&mut self, entry: &Entry) -> Option<u32> {
        let body = haystack(
            self.folds_exactly,
            &entry.body,
            &entry.body_folded,
            &mut self.buffer,
        );
        self.words.score(body, &mut self.matcher)
    }

    /// `entry` as a word match, its matched characters marked.
    fn body_hit(&mut self, entry: &Entry, score: u32) -> SearchHit {
        self.indices.clear();
        let body = haystack(
            self.folds_exactly,
            &entry.body,
            &entry.body_folded,
            &mut self.buffer,
        );
        // Scored already, so it matches; should it not, the excerpt starts at the top.
        if self
            .words
            .indices(body, &mut self.matcher, &mut self.indices)
            .is_none()
        {
            self.indices.clear();
        }
        self.indices.sort_unstable();
        self.indices.dedup();
        body_hit(
            entry,
            &self.indices,
            score + WORD_MATCH_BONUS,
            &self.typed_words,
        )
    }

    /// Whether `entry`'s label matches fuzzily (a typo, an abbreviation) without scattering
    /// over it: each query word's letters in order within `fuzzy_span` characters; when `rank`
    /// is set, with the hit scored and marked by nucleo. A query of plain words is answered
    /// without nucleo.
    fn label_match(&mut self, entry: &Entry, rank: bool) -> LabelMatch {
        if entry.label.is_empty() {
            return LabelMatch::No;
        }
        let hit = if self.plain_ascii {
            let span = self.fuzzy_span;
            let fits = self
                .folded_words
                .iter()
                .all(|word| fits_in_window(&entry.label_folded, word.as_bytes(), span));
            if !fits {
                return LabelMatch::No;
            }
            if rank { self.label_hit(entry) } else { None }
        } else {
            let Some(hit) = self.label_hit(entry) else {
                return LabelMatch::No;
            };
            rank.then_some(hit)
        };
        hit.map_or(LabelMatch::Counted, LabelMatch::Ranked)
    }

    /// `entry`'s label (not empty: [`Self::label_match`] asks) as a fuzzy match, scored and
    /// marked by nucleo; `None` when it does not match, or (for a query other than plain
    /// words) when nucleo's match scatters too far.
    fn label_hit(&mut self, entry: &Entry) -> Option<SearchHit> {
        self.indices.clear();
        let label = haystack(
            self.folds_exactly,
            &entry.label,
            &entry.label_folded,
            &mut self.buffer,
        );
        let score = self
            .fuzzy
            .indices(label, &mut self.matcher, &mut self.indices)?;
        self.indices.sort_unstable();
        self.indices.dedup();
        let span = match (self.indices.first(), self.indices.last()) {
            (Some(&first), Some(&last)) => (last - first + 1) as usize,
            _ => 0,
        };
        (self.plain_ascii || span <= self.fuzzy_span).then(|| SearchHit {
            item: entry.item,
            score,
            label: entry.label.clone(),
            highlights: grapheme_indices_to_ranges(&entry.label, &self.indices),
            place: entry.place.clone(),
        })
    }
}

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
            entries.push(Entry::new(
                Item::Reference(i),
                format!("{number}{}", super::cite::short_label(reference)),
                format!("{number}{}", reference_search_text(reference)),
            ));
        }
        for (i, entity) in file.entities.iter().enumerate() {
            let mut label = entity.name.clone();
            for alias in &entity.aliases {
                if alias != &entity.name {
                    label.push_str(" · ");
                    label.push_str(alias);
                }
            }
            let body = format!("{label} — {}", entity.description);
            entries.push(Entry::new(Item::Entity(i), label, body));
        }
        table_entries(corpus, &mut entries);
        for (i, case) in file.cases.iter().enumerate() {
            let body = [
                case.title.trim(),
                &case.countries.join(", "),
                case.summary.trim(),
            ]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" — ");
            entries.push(Entry::new(Item::Case(i), case.title.clone(), body));
        }
        for (i, section) in file.sections.iter().enumerate() {
            let heading = format!("{} {}", section.number, section.title)
                .trim()
                .to_owned();
            entries.push(Entry::new(Item::Section(i), heading.clone(), heading));
        }
        for (i, paragraph) in corpus.index.paragraphs.iter().enumerate() {
            let body = paragraph.printed.clone();
            entries.push(Entry::new(Item::Paragraph(i), String::new(), body));
        }
        // Kind after kind, each in its own order, so a kind is one stretch of entries.
        entries.sort_by_key(|entry| result_slot(entry.item.kind()));
        let mut spans: [Range<usize>; RESULT_KINDS.len()] = Default::default();
        for (slot, span) in spans.iter_mut().enumerate() {
            let start = entries.partition_point(|e| result_slot(e.item.kind()) < slot);
            let end = entries.partition_point(|e| result_slot(e.item.kind()) <= slot);
            *span = start..end;
        }
        for entry in &mut entries {
            entry.body_folded = fold(&entry.body);
            entry.label_folded = fold(&entry.label);
            entry.place = super::display::search_place(corpus, entry.item);
        }
        let words = WordIndex::new(entries.iter().map(|e| e.body_folded.as_str()));
        Self {
            entries,
            spans,
            words,
        }
    }

    /// The entries whose folded body contains every query word. The word index answers for
    /// words of letters and digits; a word with other characters is looked for in every body.
    fn word_matches(&self, folded_words: &[String]) -> EntrySet {
        let mut found: Option<EntrySet> = None;
        let mut unindexed = Vec::new();
        for word in folded_words {
            if WordIndex::answers(word) {
                let set = self.words.entries_containing(word);
                match &mut found {
                    Some(found) => found.intersect(&set),
                    None => found = Some(set),
                }
            } else {
                unindexed.push(memchr::memmem::Finder::new(word.as_bytes()));
            }
        }
        if unindexed.is_empty() {
            return found.unwrap_or_else(|| EntrySet::empty(self.entries.len()));
        }
        let mut set = EntrySet::empty(self.entries.len());
        for (position, entry) in self.entries.iter().enumerate() {
            let indexed = found.as_ref().is_none_or(|found| found.contains(position));
            if indexed
                && unindexed
                    .iter()
                    .all(|finder| finder.find(entry.body_folded.as_bytes()).is_some())
            {
                set.insert(position);
            }
        }
        set
    }

    /// Every record matching `query`, best first within each kind, at most `per_kind` of each
    /// kind, kinds in [`RESULT_KINDS`] order. An empty query finds nothing.
    #[must_use]
    pub fn search(&self, query: &str, per_kind: usize) -> Vec<SearchHit> {
        self.search_grouped(query, per_kind).hits
    }

    /// As [`SearchIndex::search`], with the groups: each kind's heading and how many of its
    /// records match in all (a kind with more than `per_kind` lists only its best).
    ///
    /// Word matches in bodies come first: every one is counted, the first few of each kind in
    /// the text's order are ranked. A kind with fewer than `per_kind` of them also gets fuzzy
    /// matches of its labels (a typo, an abbreviation), ranked below.
    #[must_use]
    pub fn search_grouped(&self, query: &str, per_kind: usize) -> SearchResults {
        let query = query.trim();
        if query.is_empty() || per_kind == 0 {
            return SearchResults::default();
        }
        let mut query = Query::new(query);
        let matched = self.word_matches(&query.folded_words);
        let ranked = per_kind.saturating_mul(CANDIDATES_PER_RESULT);
        let mut results = SearchResults::default();
        for (kind, span) in RESULT_KINDS.into_iter().zip(&self.spans) {
            // The first matches in the text's order are scored. When folding finds what nucleo
            // finds, the index's count is exact and scoring stops there; else the folded text
            // matches more than nucleo does, and nucleo confirms every match it counts.
            let mut scored: Vec<(u32, usize)> = Vec::new();
            let mut confirmed = 0;
            for position in matched.iter_in(span.clone()) {
                if query.folds_exactly && scored.len() == ranked {
                    break;
                }
                let Some(score) = self
                    .entries
                    .get(position)
                    .and_then(|entry| query.body_score(entry))
                else {
                    continue;
                };
                confirmed += 1;
                if scored.len() < ranked {
                    scored.push((score, position));
                }
            }
            let word_total = if query.folds_exactly {
                matched.count_in(span.clone())
            } else {
                confirmed
            };
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            scored.truncate(per_kind);
            let mut hits: Vec<SearchHit> = scored
                .into_iter()
                .filter_map(|(score, position)| {
                    Some(query.body_hit(self.entries.get(position)?, score))
                })
                .collect();
            let mut total = word_total;
            if word_total < per_kind {
                // Fuzzy matches of labels: every one counted, the first few ranked.
                let mut fuzzy_ranked = 0;
                for (position, entry) in self
                    .entries
                    .iter()
                    .enumerate()
                    .skip(span.start)
                    .take(span.len())
                {
                    if matched.contains(position) {
                        continue;
                    }
                    match query.label_match(entry, fuzzy_ranked < ranked) {
                        LabelMatch::No => {}
                        LabelMatch::Counted => total += 1,
                        LabelMatch::Ranked(hit) => {
                            total += 1;
                            fuzzy_ranked += 1;
                            hits.push(hit);
                        }
                    }
                }
                hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.item.cmp(&b.item)));
                hits.truncate(per_kind);
            }
            if hits.is_empty() {
                continue;
            }
            let start = results.hits.len();
            results.hits.extend(hits);
            results.groups.push(ResultGroup {
                kind,
                total: total.max(results.hits.len() - start),
                hits: start..results.hits.len(),
            });
        }
        results
    }
}

/// A word match in an entry's body: the body (an excerpt around the matches when it is long)
/// with the matched characters highlighted.
/// Every occurrence of each query word is marked, not only the one nucleo scored.
fn body_hit(entry: &Entry, indices: &[u32], score: u32, words: &[String]) -> SearchHit {
    let (label, mut highlights) = if entry.body.chars().count() > 160 {
        excerpt(&entry.body, indices)
    } else {
        (
            entry.body.clone(),
            grapheme_indices_to_ranges(&entry.body, indices),
        )
    };
    for word in words {
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

/// The searchable text of a reference: authors (an edited book's editors), year, title,
/// container.
#[must_use]
pub fn reference_search_text(reference: &Reference) -> String {
    let authors: Vec<String> = reference
        .creators()
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

/// Search entries for table rows, tables, figures and footnotes.
fn table_entries(corpus: &Corpus, entries: &mut Vec<Entry>) {
    let file = &corpus.file;
    for (i, (_, row)) in file.table_rows().enumerate() {
        entries.push(Entry::new(
            Item::TableRow(i),
            super::display::row_title(corpus, i, row),
            row.cells.join(" — "),
        ));
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
        entries.push(Entry::new(Item::Table(i), table.title(), body));
    }
    for (i, figure) in file.figures.iter().enumerate() {
        let mut body = figure.title();
        if !figure.inner_text.is_empty() {
            body.push_str(" — ");
            body.push_str(&figure.inner_text);
        }
        entries.push(Entry::new(Item::Figure(i), figure.title(), body));
    }
    for (i, footnote) in file.footnotes.iter().enumerate() {
        entries.push(Entry::new(
            Item::Footnote(i),
            format!("Footnote {}", footnote.shown_marker()),
            footnote.text.clone(),
        ));
    }
}

#[cfg(test)]
mod tests;

//! The cross-link index, built once at load in time linear in the corpus size.
//!
//! Everything a panel shows about how records connect comes from here: which sentences cite a
//! reference, where an entity is mentioned, what belongs to a region, which paragraphs speak of
//! a year, and which editorial notes concern an item.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::citations::{self, Piece};
use super::item::Item;
use super::model::{CorpusFile, NoteTarget};

/// One paragraph as the reader shows it.
#[derive(Clone, Debug, Default)]
pub struct ParagraphInfo {
    /// Position of the section holding it.
    pub section: usize,
    /// Position of the paragraph inside its section.
    pub position_in_section: usize,
    /// The text as the paper prints it (citations as `[n]`).
    pub printed: String,
    /// The printed text split into plain text and citations, in order.
    pub segments: Vec<Segment>,
    /// Byte ranges of the sentences of `printed`.
    pub sentences: Vec<Range<usize>>,
    /// The citations in this paragraph (positions in [`Index::citations`]).
    pub citations: Range<usize>,
    /// Entity mentions in `printed`, in order.
    pub mentions: Vec<Mention>,
}

/// A run of a paragraph's printed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Plain text: a byte range of the printed text.
    Text(Range<usize>),
    /// A citation group: its position in [`Index::citations`] and its printed range.
    Citation {
        /// Position in [`Index::citations`].
        citation: usize,
        /// Byte range of its printed form (`[2], [4]`).
        range: Range<usize>,
    },
}

/// One in-text citation group.
#[derive(Clone, Debug, Default)]
pub struct CitationInfo {
    /// Position of the paragraph it stands in.
    pub paragraph: usize,
    /// Position of the sentence it stands in, within the paragraph.
    pub sentence: usize,
    /// The references it cites, in written order (unknown keys are left out).
    pub references: Vec<usize>,
    /// Byte range of its printed form in the paragraph's printed text.
    pub range: Range<usize>,
}

/// An entity named in a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Position of the entity.
    pub entity: usize,
    /// Position of the paragraph.
    pub paragraph: usize,
    /// Byte range of the mention in the paragraph's printed text.
    pub range: Range<usize>,
}

/// Where a paragraph mentions a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearMention {
    /// Position of the paragraph.
    pub paragraph: usize,
    /// Byte range of the year in the paragraph's printed text.
    pub range: Range<usize>,
}

/// All cross-links of a corpus.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Every paragraph in reading order.
    pub paragraphs: Vec<ParagraphInfo>,
    /// Every citation group in reading order.
    pub citations: Vec<CitationInfo>,
    /// For each section, the positions of its paragraphs in [`Self::paragraphs`].
    pub section_paragraphs: Vec<Range<usize>>,
    /// For each section, its child sections in order.
    pub section_children: Vec<Vec<usize>>,
    /// Top-level sections in order.
    pub top_sections: Vec<usize>,
    /// For each section, its depth (0 for top level).
    pub section_depth: Vec<usize>,
    /// For each reference, the number shown for it (`citation-number`, or its position + 1).
    pub reference_numbers: Vec<u32>,
    /// For each reference, the citations that cite it.
    pub reference_citations: Vec<Vec<usize>>,
    /// For each reference, the cases that list it.
    pub reference_cases: Vec<Vec<usize>>,
    /// For each reference, the table rows that list it.
    pub reference_rows: Vec<Vec<usize>>,
    /// For each reference, the series that cite it as a source.
    pub reference_series: Vec<Vec<usize>>,
    /// For each entity, its mentions in the text.
    pub entity_mentions: Vec<Vec<Mention>>,
    /// For each entity, the cases that involve it.
    pub entity_cases: Vec<Vec<usize>>,
    /// For each entity, the table rows that name it.
    pub entity_rows: Vec<Vec<usize>>,
    /// For each region, its table rows.
    pub region_rows: Vec<Vec<usize>>,
    /// For each region, its cases.
    pub region_cases: Vec<Vec<usize>>,
    /// For each region, the entities tied to it (by the entity, its rows or its cases).
    pub region_entities: Vec<Vec<usize>>,
    /// For each case, the paragraphs it comes from.
    pub case_paragraphs: Vec<Vec<usize>>,
    /// For each paragraph, the cases drawn from it.
    pub paragraph_cases: Vec<Vec<usize>>,
    /// Year → every mention of it in the text.
    pub year_mentions: BTreeMap<i32, Vec<YearMention>>,
    /// Item → the editorial notes about it.
    pub notes_about: HashMap<Item, Vec<usize>>,
    paragraph_ids: HashMap<String, usize>,
}

impl Index {
    /// Builds the index of a corpus file that passed validation (unknown links are skipped).
    #[must_use]
    pub fn build(file: &CorpusFile) -> Self {
        let mut index = Self::default();
        let reference_ids: HashMap<&str, usize> = file
            .references
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        index.reference_numbers = file
            .references
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.citation_number
                    .unwrap_or_else(|| u32::try_from(i + 1).unwrap_or(u32::MAX))
            })
            .collect();
        index.reference_citations = vec![Vec::new(); file.references.len()];
        index.build_sections(file);
        index.build_text(file, &reference_ids);
        index.build_mentions(file);
        index.build_links(file, &reference_ids);
        index
    }

    /// The position of the paragraph with this id.
    #[must_use]
    pub fn paragraph_by_id(&self, id: &str) -> Option<usize> {
        self.paragraph_ids.get(id).copied()
    }

    /// The printed text of the sentence holding a citation.
    #[must_use]
    pub fn citing_sentence(&self, citation: usize) -> Option<&str> {
        let citation = self.citations.get(citation)?;
        let paragraph = self.paragraphs.get(citation.paragraph)?;
        let range = paragraph.sentences.get(citation.sentence)?;
        paragraph.printed.get(range.clone())
    }

    /// The notes about an item (empty when there are none).
    #[must_use]
    pub fn notes_for(&self, item: Item) -> &[usize] {
        self.notes_about.get(&item).map_or(&[], Vec::as_slice)
    }

    fn build_sections(&mut self, file: &CorpusFile) {
        let ids: HashMap<&str, usize> = file
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        self.section_children = vec![Vec::new(); file.sections.len()];
        self.section_depth = vec![0; file.sections.len()];
        for (i, section) in file.sections.iter().enumerate() {
            match section.parent.as_deref().and_then(|p| ids.get(p)) {
                Some(&parent) if parent != i => {
                    if let Some(children) = self.section_children.get_mut(parent) {
                        children.push(i);
                    }
                }
                _ => self.top_sections.push(i),
            }
        }
        // Depths, each worked out once (a long chain of parents stays linear); a section on or
        // leading into a cycle gets a depth past the number of sections.
        let n = file.sections.len();
        let parent_of = |i: usize| {
            file.sections
                .get(i)
                .and_then(|s| s.parent.as_deref())
                .and_then(|p| ids.get(p).copied())
        };
        let mut depth: Vec<Option<usize>> = vec![None; n];
        let mut on_path = vec![false; n];
        for i in 0..n {
            let mut path = Vec::new();
            let mut current = i;
            // Walk up until a section whose depth is known, a top-level one, or a cycle.
            let base = loop {
                if let Some(&Some(known)) = depth.get(current) {
                    break known;
                }
                if on_path.get(current).copied().unwrap_or(true) {
                    break n;
                }
                if let Some(flag) = on_path.get_mut(current) {
                    *flag = true;
                }
                path.push(current);
                match parent_of(current) {
                    Some(parent) => current = parent,
                    None => break usize::MAX,
                }
            };
            // `usize::MAX` marks the top of the chain: the last section walked has depth 0.
            let mut next = base;
            for &section in path.iter().rev() {
                next = if next == usize::MAX {
                    0
                } else {
                    (next + 1).min(n + 1)
                };
                if let Some(slot) = depth.get_mut(section) {
                    *slot = Some(next);
                }
                if let Some(flag) = on_path.get_mut(section) {
                    *flag = false;
                }
            }
        }
        self.section_depth = depth.into_iter().map(Option::unwrap_or_default).collect();
    }

    fn build_text(&mut self, file: &CorpusFile, reference_ids: &HashMap<&str, usize>) {
        let numbers = &self.reference_numbers;
        let number_of = |key: &str| {
            reference_ids
                .get(key)
                .and_then(|&i| numbers.get(i).copied())
        };
        for (section_position, section) in file.sections.iter().enumerate() {
            let first = self.paragraphs.len();
            for (position_in_section, paragraph) in section.paragraphs.iter().enumerate() {
                let paragraph_position = self.paragraphs.len();
                self.paragraph_ids
                    .entry(paragraph.id.clone())
                    .or_insert(paragraph_position);
                let (pieces, _) = citations::parse(&paragraph.text);
                let mut printed = String::with_capacity(paragraph.text.len());
                let mut segments = Vec::with_capacity(pieces.len());
                let first_citation = self.citations.len();
                for piece in pieces {
                    let start = printed.len();
                    match piece {
                        Piece::Text(text) => {
                            printed.push_str(text);
                            segments.push(Segment::Text(start..printed.len()));
                        }
                        Piece::Group { keys, .. } => {
                            printed.push_str(&citations::printed_form(&keys, number_of));
                            let citation = self.citations.len();
                            let references: Vec<usize> = keys
                                .iter()
                                .filter_map(|k| reference_ids.get(k).copied())
                                .collect();
                            self.citations.push(CitationInfo {
                                paragraph: paragraph_position,
                                sentence: 0,
                                references,
                                range: start..printed.len(),
                            });
                            segments.push(Segment::Citation {
                                citation,
                                range: start..printed.len(),
                            });
                        }
                    }
                }
                let sentences = split_sentences(&printed);
                let citation_range = first_citation..self.citations.len();
                for (citation_position, citation) in self
                    .citations
                    .iter_mut()
                    .enumerate()
                    .skip(citation_range.start)
                {
                    // Sentences are in order and do not overlap: a binary search keeps a
                    // paragraph with very many citations linear.
                    let at = citation.range.start;
                    let candidate = sentences.partition_point(|s| s.end <= at);
                    citation.sentence = sentences
                        .get(candidate)
                        .filter(|s| s.contains(&at))
                        .map_or(0, |_| candidate);
                    for &reference in &citation.references {
                        if let Some(list) = self.reference_citations.get_mut(reference)
                            && list.last() != Some(&citation_position)
                        {
                            list.push(citation_position);
                        }
                    }
                }
                self.paragraphs.push(ParagraphInfo {
                    section: section_position,
                    position_in_section,
                    printed,
                    segments,
                    sentences,
                    citations: citation_range,
                    mentions: Vec::new(),
                });
            }
            self.section_paragraphs.push(first..self.paragraphs.len());
        }
        for (paragraph_position, paragraph) in self.paragraphs.iter().enumerate() {
            for (year, range) in find_years(&paragraph.printed, &paragraph.segments) {
                self.year_mentions
                    .entry(year)
                    .or_default()
                    .push(YearMention {
                        paragraph: paragraph_position,
                        range,
                    });
            }
        }
    }

    fn build_mentions(&mut self, file: &CorpusFile) {
        self.entity_mentions = vec![Vec::new(); file.entities.len()];
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners: Vec<usize> = Vec::new();
        for (entity_position, entity) in file.entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                if name.trim().chars().count() >= 2 {
                    patterns.push(name.trim());
                    owners.push(entity_position);
                }
            }
        }
        let Some(matcher) = build_matcher(&patterns) else {
            return;
        };
        for (paragraph_position, paragraph) in self.paragraphs.iter_mut().enumerate() {
            let text = paragraph.printed.as_str();
            for found in matcher.find_iter(text) {
                if !is_whole_word(text, found.start(), found.end()) {
                    continue;
                }
                let Some(&entity) = owners.get(found.pattern().as_usize()) else {
                    continue;
                };
                let mention = Mention {
                    entity,
                    paragraph: paragraph_position,
                    range: found.start()..found.end(),
                };
                if let Some(list) = self.entity_mentions.get_mut(entity) {
                    list.push(mention.clone());
                }
                paragraph.mentions.push(mention);
            }
        }
    }

    fn build_links(&mut self, file: &CorpusFile, reference_ids: &HashMap<&str, usize>) {
        let entity_ids: HashMap<&str, usize> = file
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let region_ids: HashMap<&str, usize> = file
            .regional_table
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let regions = file.regional_table.regions.len();
        self.reference_cases = vec![Vec::new(); file.references.len()];
        self.reference_rows = vec![Vec::new(); file.references.len()];
        self.reference_series = vec![Vec::new(); file.references.len()];
        self.entity_cases = vec![Vec::new(); file.entities.len()];
        self.entity_rows = vec![Vec::new(); file.entities.len()];
        self.region_rows = vec![Vec::new(); regions];
        self.region_cases = vec![Vec::new(); regions];
        self.region_entities = vec![Vec::new(); regions];
        self.paragraph_cases = vec![Vec::new(); self.paragraphs.len()];

        // Values arrive in ascending order for each list (region_entities, filled from three
        // loops, is sorted and deduplicated afterwards), so comparing with the last one is
        // enough to skip repeats, and keeps a record linked from very many others linear.
        let push = |lists: &mut Vec<Vec<usize>>, at: Option<usize>, value: usize| {
            if let Some(list) = at.and_then(|i| lists.get_mut(i))
                && list.last() != Some(&value)
            {
                list.push(value);
            }
        };
        for (row_position, row) in file.regional_table.rows.iter().enumerate() {
            let region = region_ids.get(row.region.as_str()).copied();
            push(&mut self.region_rows, region, row_position);
            for id in &row.entities {
                let entity = entity_ids.get(id.as_str()).copied();
                push(&mut self.entity_rows, entity, row_position);
                if let Some(entity) = entity {
                    push(&mut self.region_entities, region, entity);
                }
            }
            for id in &row.references {
                push(
                    &mut self.reference_rows,
                    reference_ids.get(id.as_str()).copied(),
                    row_position,
                );
            }
        }
        for (case_position, case) in file.cases.iter().enumerate() {
            let region = region_ids.get(case.region.as_str()).copied();
            push(&mut self.region_cases, region, case_position);
            for id in &case.entities {
                let entity = entity_ids.get(id.as_str()).copied();
                push(&mut self.entity_cases, entity, case_position);
                if let Some(entity) = entity {
                    push(&mut self.region_entities, region, entity);
                }
            }
            for id in &case.references {
                push(
                    &mut self.reference_cases,
                    reference_ids.get(id.as_str()).copied(),
                    case_position,
                );
            }
            let paragraphs: Vec<usize> = case
                .paragraphs
                .iter()
                .filter_map(|id| self.paragraph_by_id(id))
                .collect();
            for &paragraph in &paragraphs {
                push(&mut self.paragraph_cases, Some(paragraph), case_position);
            }
            self.case_paragraphs.push(paragraphs);
        }
        for (entity_position, entity) in file.entities.iter().enumerate() {
            for id in &entity.regions {
                push(
                    &mut self.region_entities,
                    region_ids.get(id.as_str()).copied(),
                    entity_position,
                );
            }
        }
        for list in &mut self.region_entities {
            list.sort_unstable();
            list.dedup();
        }
        for (series_position, series) in file.series.iter().enumerate() {
            for id in &series.references {
                push(
                    &mut self.reference_series,
                    reference_ids.get(id.as_str()).copied(),
                    series_position,
                );
            }
        }
        let series_ids: HashMap<&str, usize> = file
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        // Lookups by id (the first record with an id wins), so
        // very many notes stay linear.
        let case_ids = first_positions(file.cases.iter().map(|c| c.id.as_str()));
        let row_ids = first_positions(file.regional_table.rows.iter().map(|r| r.id.as_str()));
        let mut point_years: HashMap<(usize, i32), usize> = HashMap::new();
        for (s, series) in file.series.iter().enumerate() {
            for (point, p) in series.points.iter().enumerate() {
                point_years.entry((s, p.year)).or_insert(point);
            }
        }
        for (note_position, note) in file.notes.iter().enumerate() {
            for target in &note.about {
                let item = match target {
                    NoteTarget::Reference(id) => {
                        reference_ids.get(id.as_str()).map(|&i| Item::Reference(i))
                    }
                    NoteTarget::Paragraph(id) => self.paragraph_by_id(id).map(Item::Paragraph),
                    NoteTarget::Series(id) => series_ids.get(id.as_str()).map(|&i| Item::Series(i)),
                    NoteTarget::SeriesPoint { series, year } => {
                        series_ids.get(series.as_str()).and_then(|&s| {
                            let point = *point_years.get(&(s, *year))?;
                            Some(Item::SeriesPoint { series: s, point })
                        })
                    }
                    NoteTarget::Case(id) => case_ids.get(id.as_str()).map(|&i| Item::Case(i)),
                    NoteTarget::Entity(id) => entity_ids.get(id.as_str()).map(|&i| Item::Entity(i)),
                    NoteTarget::TableRow(id) => {
                        row_ids.get(id.as_str()).map(|&i| Item::TableRow(i))
                    }
                };
                if let Some(item) = item {
                    let list = self.notes_about.entry(item).or_default();
                    if list.last() != Some(&note_position) {
                        list.push(note_position);
                    }
                }
            }
        }
    }
}

/// Each id's first position.
fn first_positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

/// An Aho–Corasick matcher over entity names: case-insensitive, longest match first.
fn build_matcher(patterns: &[&str]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .ok()
}

/// Whether `text[start..end]` stands as a whole word (no letter or digit on either side).
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !is_word(before) && !is_word(after)
}

/// Splits text into sentences: a sentence ends at `.`, `?` or `!` (with any closing quote or
/// bracket) followed by white space and a capital letter, digit, quote or `[`, except after a
/// common abbreviation or an initial.
#[must_use]
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    const ABBREVIATIONS: [&str; 10] = [
        "e.g.", "i.e.", "U.S.", "etc.", "vs.", "cf.", "Dr.", "St.", "al.", "No.",
    ];
    // Bytes of the word before a full stop that are looked at; longer words are never
    // abbreviations or initials.
    const MAX_WORD_BEFORE: usize = 32;
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(&(offset, c)) = chars.get(i) else {
            break;
        };
        if matches!(c, '.' | '?' | '!') {
            // Include closing quotes and brackets.
            let mut j = i + 1;
            while chars
                .get(j)
                .is_some_and(|&(_, c)| matches!(c, '"' | '”' | '’' | '\'' | ')'))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
            let followed_by_space = chars.get(j).is_some_and(|&(_, c)| c.is_whitespace());
            // The rest is only worked out after white space (so a long run like `x.x.x.` stays
            // cheap).
            let starts_sentence = followed_by_space
                && chars
                    .iter()
                    .skip(j)
                    .find(|(_, c)| !c.is_whitespace())
                    .is_some_and(|&(_, c)| {
                        // A capital, or a letter of a script without case (Arabic, Hebrew …).
                        c.is_uppercase()
                            || (c.is_alphabetic() && !c.is_lowercase())
                            || c.is_ascii_digit()
                            || matches!(c, '[' | '"' | '“' | '‘' | '(')
                    });
            let is_abbreviation = || {
                // Only the last few characters of the word matter (an abbreviation or an
                // initial); looking further back would make a long run without spaces
                // quadratic.
                let window_start =
                    floor_char_boundary(text, offset.saturating_sub(MAX_WORD_BEFORE));
                let window = text.get(window_start..=offset).unwrap_or_default();
                let whole_word = window_start == 0 || window.contains(char::is_whitespace);
                let word_before = window
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or_default();
                ABBREVIATIONS.iter().any(|a| word_before.ends_with(a))
                    || (c == '.'
                        && whole_word
                        && word_before.chars().filter(|c| c.is_alphabetic()).count() == 1
                        && word_before.chars().next().is_some_and(char::is_uppercase))
            };
            if starts_sentence && !is_abbreviation() {
                sentences.push(start..end);
                // Skip white space to the next sentence.
                let mut k = j;
                while chars.get(k).is_some_and(|&(_, c)| c.is_whitespace()) {
                    k += 1;
                }
                start = chars.get(k).map_or(text.len(), |&(o, _)| o);
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let rest = text.get(start..).unwrap_or_default();
    if !rest.trim().is_empty() {
        sentences.push(start..text.len());
    }
    if sentences.is_empty() {
        sentences.push(0..text.len());
    }
    sentences
}

/// The largest char boundary at or before `index`.
fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Four-digit years from 1800 to 2100 standing as whole words in the plain-text segments.
fn find_years(text: &str, segments: &[Segment]) -> Vec<(i32, Range<usize>)> {
    let mut years = Vec::new();
    for segment in segments {
        let Segment::Text(range) = segment else {
            continue;
        };
        let Some(slice) = text.get(range.clone()) else {
            continue;
        };
        let bytes = slice.as_bytes();
        let mut i = 0;
        while i + 4 <= bytes.len() {
            let window = bytes.get(i..i + 4).unwrap_or_default();
            let is_digits = window.iter().all(u8::is_ascii_digit);
            let before_ok = i == 0
                || !bytes
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b',');
            let after_ok = !bytes.get(i + 4).is_some_and(u8::is_ascii_alphanumeric);
            if is_digits
                && before_ok
                && after_ok
                && let Some(year) = std::str::from_utf8(window)
                    .ok()
                    .and_then(|s| s.parse::<i32>().ok())
                && (1800..=2100).contains(&year)
            {
                years.push((year, range.start + i..range.start + i + 4));
                i += 4;
                continue;
            }
            i += 1;
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences_of(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            sentences_of("The U.S. Department acts. [3] provide insights. Then “quoted.” Done"),
            vec![
                "The U.S. Department acts.",
                "[3] provide insights.",
                "Then “quoted.”",
                "Done"
            ]
        );
        assert_eq!(
            sentences_of("M. E. Porter wrote. Next."),
            vec!["M. E. Porter wrote.", "Next."]
        );
    }

    #[test]
    fn years_skip_numbers_like_counts() {
        let text = "In 2020 about 49,000, by 2021; page 1777 and 12020.";
        let years: Vec<i32> = find_years(text, &[Segment::Text(0..text.len())])
            .into_iter()
            .map(|(y, _)| y)
            .collect();
        assert_eq!(years, vec![2020, 2021]);
    }

    #[test]
    fn whole_words_only() {
        assert!(is_whole_word("the ILO works", 4, 7));
        assert!(!is_whole_word("SILO", 1, 4));
    }
}

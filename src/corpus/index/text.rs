//! The text pass: each paragraph's printed text, its sentences and citations, entity mentions
//! (Aho–Corasick over every name and alias), the tables and figures it names and the years it
//! mentions, read once for validation and the index, on several threads for a large corpus.

use std::collections::BTreeMap;
use std::ops::Range;

use super::floats::FloatMatcher;
use super::mentions::{EntityMatcher, fold};
use super::{CitationInfo, ParagraphInfo, Segment};
use crate::corpus::citations::{self, CitationSyntaxError, CitedWork, NumericMarker, Piece};
use crate::corpus::cite::short_name;
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::math;
use crate::corpus::model::{CorpusFile, Paragraph, ParagraphKind, Reference};
use crate::corpus::sentences::{attach_markers_after_stops, split_sentences};

/// What the text pass finds in one paragraph.
#[derive(Debug)]
pub struct ParagraphText<'a> {
    /// The paragraph as the paper prints it, with its segments, sentences and entity mentions
    /// (citation positions counted within the paragraph until the index numbers them).
    pub info: ParagraphInfo,
    /// Its citation groups (sentence and references found, `paragraph` not yet set).
    pub citations: Vec<CitationInfo>,
    /// The years it mentions, with their ranges in the printed text.
    pub years: Vec<(i32, Range<usize>)>,
    /// Citations written wrongly.
    pub errors: Vec<CitationSyntaxError>,
    /// Citation keys that name no reference, in written order.
    pub unknown_keys: Vec<&'a str>,
    /// Bracketed numeric markers naming a number no reference carries, in written order.
    pub unknown_numbers: Vec<UnknownNumber<'a>>,
    /// Its footnote markers `[^id]`, in written order.
    pub footnotes: Vec<FootnoteMarker<'a>>,
}

/// A numeric marker (`[59]`, `[17]–[21]`) naming numbers no reference carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownNumber<'a> {
    /// The marker as written.
    pub written: &'a str,
    /// The numbers no reference carries, as inclusive ranges (at most
    /// [`MAX_MISSING_RANGES`] of them).
    pub missing: Vec<(u32, u32)>,
}

/// The most ranges of missing numbers one [`UnknownNumber`] lists.
pub const MAX_MISSING_RANGES: usize = 8;

/// A footnote marker `[^id]` in a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FootnoteMarker<'a> {
    /// The footnote id.
    pub id: &'a str,
    /// Byte range of the marker in the paragraph's printed text (where it is printed as
    /// written).
    pub range: Range<usize>,
}

/// The text pass over every paragraph, in reading order: read once, shared by validation (the
/// citations, the printed text quotes are checked against) and the index. It runs in two
/// halves so that a file that does not validate is not read further than validation needs.
#[derive(Debug, Default)]
pub struct TextPass<'a> {
    /// Each paragraph in reading order.
    pub paragraphs: Vec<ParagraphText<'a>>,
    /// Each table cell that holds a citation (Pandoc `@key` or a bracketed number), in table,
    /// row and column order.
    pub cells: Vec<CellText<'a>>,
}

/// What the text pass finds in one table cell: its citations, read as a paragraph's are.
#[derive(Debug)]
pub struct CellText<'a> {
    /// The table's position in `tables`.
    pub table: usize,
    /// The row's position in its table.
    pub row: usize,
    /// The column's position.
    pub column: usize,
    /// The cell read as text (`info.printed` is the cell as the paper prints it).
    pub read: ParagraphText<'a>,
}

/// Below this much text the pass runs on the calling thread (threads would cost more than
/// they save).
const PARALLEL_FROM_BYTES: usize = 256 * 1024;

impl<'a> TextPass<'a> {
    /// Reads the citations of every paragraph of `file` (keys resolved through `ids`, printed
    /// with `numbers`): what validation needs. [`Self::finish`] adds the rest for the index.
    /// Large texts are split over the available cores.
    #[must_use]
    pub fn run(file: &'a CorpusFile, ids: &IdMaps<'_>, numbers: &[u32]) -> Self {
        let paragraphs: Vec<(usize, usize, &'a Paragraph)> = file
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| {
                section
                    .paragraphs
                    .iter()
                    .enumerate()
                    .map(move |(p, paragraph)| (s, p, paragraph))
            })
            .collect();
        let bytes: usize = paragraphs.iter().map(|(_, _, p)| p.text.len()).sum();
        let resolver = Resolver::new(&file.references, ids, numbers);
        let mut work: Vec<Reading<'a>> = paragraphs
            .into_iter()
            .map(|place| Reading { place, read: None })
            .collect();
        in_parallel(&mut work, bytes, |chunk| {
            for reading in chunk {
                let (section, position_in_section, paragraph) = reading.place;
                let place = (section, position_in_section);
                reading.read = Some(if paragraph.kind == ParagraphKind::Equation {
                    verbatim_text(&paragraph.text, place)
                } else {
                    read_text(&paragraph.text, place, &resolver)
                });
            }
        });
        let mut cells = Vec::new();
        for (table_position, table) in file.tables.iter().enumerate() {
            for (row_position, row) in table.rows.iter().enumerate() {
                for (column, cell) in row.cells.iter().enumerate() {
                    // Only a cell that may cite or hold math is read: statistics such as
                    // "656 (372–940)" are never taken for a numeric citation.
                    if cell.contains(['@', '[', '$']) {
                        cells.push(CellText {
                            table: table_position,
                            row: row_position,
                            column,
                            read: read_text(cell, (0, 0), &resolver),
                        });
                    }
                }
            }
        }
        let mut paragraphs: Vec<ParagraphText<'a>> =
            work.into_iter().filter_map(|w| w.read).collect();
        number_paragraphs(file, &mut paragraphs);
        Self { paragraphs, cells }
    }

    /// Adds what only the index needs, once the file is known to be valid: each paragraph's
    /// sentences (and the sentence of each citation), entity mentions, the tables and figures
    /// it names, and years.
    pub fn finish(&mut self, file: &CorpusFile) {
        let bytes: usize = self.paragraphs.iter().map(|p| p.info.printed.len()).sum();
        let matcher = EntityMatcher::new(file, bytes);
        let floats = FloatMatcher::new(file);
        let folds = !matcher.is_empty() || !floats.is_empty();
        in_parallel(&mut self.paragraphs, bytes, |chunk| {
            let mut folded = String::new();
            for paragraph in chunk {
                if folds {
                    fold(&paragraph.info.printed, &mut folded);
                }
                read_sentences_and_names(paragraph, &matcher, &file.references, &folded);
                floats.read(&mut paragraph.info, &folded);
            }
        });
    }
}

/// Gives each running-text paragraph its ¶ number in its section (1, 2, …), skipping figure
/// source lines and equations, which are not paragraphs of the text.
fn number_paragraphs(file: &CorpusFile, paragraphs: &mut [ParagraphText<'_>]) {
    let mut section = None;
    let mut count = 0;
    for read in paragraphs {
        let info = &mut read.info;
        if section != Some(info.section) {
            section = Some(info.section);
            count = 0;
        }
        let is_text = file
            .sections
            .get(info.section)
            .and_then(|s| s.paragraphs.get(info.position_in_section))
            .is_some_and(|p| p.kind.is_text());
        info.number_in_section = is_text.then(|| {
            count += 1;
            count
        });
    }
}

/// One paragraph to read: its section, its position there, the paragraph; and what was read.
struct Reading<'a> {
    place: (usize, usize, &'a Paragraph),
    read: Option<ParagraphText<'a>>,
}

/// Runs `work` over `items` in chunks: on several threads when there are `bytes` enough to
/// make it pay, else on this one.
fn in_parallel<T: Send>(items: &mut [T], bytes: usize, work: impl Fn(&mut [T]) + Sync) {
    let threads = cores();
    if threads < 2 || bytes < PARALLEL_FROM_BYTES || items.len() < 2 {
        work(items);
        return;
    }
    let chunk_len = items.len().div_ceil(threads.min(8));
    let work = &work;
    std::thread::scope(|scope| {
        for chunk in items.chunks_mut(chunk_len) {
            scope.spawn(move || work(chunk));
        }
    });
}

/// How many threads can run at once here, asked once per process (the answer reads the
/// system's files, which costs more than a small corpus's whole text pass).
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
}

/// Resolves citation keys and printed numbers to references.
struct Resolver<'r, 'i> {
    ids: &'r IdMaps<'i>,
    /// What a Pandoc citation prints for each reference.
    works: Vec<CitedWork>,
    /// Each `citation-number` a reference carries → the first reference carrying it. Empty
    /// when the references carry no numbers (numeric markers are then plain text).
    by_number: BTreeMap<u32, usize>,
}

impl<'r, 'i> Resolver<'r, 'i> {
    fn new(references: &'r [Reference], ids: &'r IdMaps<'i>, numbers: &'r [u32]) -> Self {
        let mut by_number = BTreeMap::new();
        for (position, reference) in references.iter().enumerate() {
            if let Some(number) = reference.citation_number {
                by_number.entry(number).or_insert(position);
            }
        }
        let works = references
            .iter()
            .enumerate()
            .map(|(position, reference)| {
                let number = reference
                    .citation_number
                    .and_then(|_| numbers.get(position).copied());
                CitedWork::of(reference, number)
            })
            .collect();
        Self {
            ids,
            works,
            by_number,
        }
    }

    /// The reference a key names.
    fn by_key(&self, key: &str) -> Option<usize> {
        self.ids.position(ItemKind::Reference, key)
    }

    /// What a Pandoc citation prints for a key: its number if it carries one, its authors and
    /// year.
    fn cited_work(&self, key: &str) -> Option<&CitedWork> {
        self.works.get(self.by_key(key)?)
    }

    /// The references a numeric marker names, in written order; the numbers no reference
    /// carries; whether a range is written backwards. Linear in the references named (a range
    /// like `[1–4000000000]` is not walked number by number).
    fn resolve(&self, numbers: &[(u32, u32)]) -> (Vec<usize>, Vec<(u32, u32)>, bool) {
        let mut references = Vec::new();
        let mut missing = Vec::new();
        let mut backwards = false;
        for &(from, to) in numbers {
            if from > to {
                backwards = true;
                continue;
            }
            let mut expected = Some(from);
            for (&number, &position) in self.by_number.range(from..=to) {
                if let Some(gap_start) = expected.filter(|&e| e < number) {
                    missing.push((gap_start, number - 1));
                }
                references.push(position);
                expected = number.checked_add(1);
            }
            if let Some(gap_start) = expected.filter(|&e| e <= to) {
                missing.push((gap_start, to));
            }
        }
        missing.truncate(MAX_MISSING_RANGES);
        (references, missing, backwards)
    }
}

/// Appends plain text to the printed text, extending the last text segment if it ends there.
fn push_text(printed: &mut String, segments: &mut Vec<Segment>, text: &str) {
    let start = printed.len();
    printed.push_str(text);
    match segments.last_mut() {
        Some(Segment::Text(range)) if range.end == start => range.end = printed.len(),
        _ => segments.push(Segment::Text(start..printed.len())),
    }
}

/// An equation's text: printed as written (TeX and `MathML` use `[`, `@` and `\` freely), with no
/// citations, footnote markers or escapes read in it.
fn verbatim_text(text: &str, (section, position_in_section): (usize, usize)) -> ParagraphText<'_> {
    ParagraphText {
        info: ParagraphInfo {
            section,
            position_in_section,
            number_in_section: None,
            printed: text.to_owned(),
            segments: vec![Segment::Text(0..text.len())],
            sentences: Vec::new(),
            citations: 0..0,
            mentions: Vec::new(),
            footnotes: Vec::new(),
            floats: Vec::new(),
        },
        citations: Vec::new(),
        years: Vec::new(),
        errors: Vec::new(),
        unknown_keys: Vec::new(),
        unknown_numbers: Vec::new(),
        footnotes: Vec::new(),
    }
}

/// The first half of the text pass over one paragraph: its citations and printed text.
fn read_text<'a>(
    text: &'a str,
    (section, position_in_section): (usize, usize),
    resolver: &Resolver<'_, '_>,
) -> ParagraphText<'a> {
    let (pieces, mut errors) = citations::parse(text);
    let mut printed = String::with_capacity(text.len());
    let mut segments = Vec::with_capacity(pieces.len());
    let mut citations = Vec::new();
    let mut unknown_keys = Vec::new();
    let mut unknown_numbers = Vec::new();
    let mut footnotes = Vec::new();
    for piece in pieces {
        let start = printed.len();
        let mut narrative = false;
        let mut author_named = false;
        let references = match piece {
            Piece::Text(text) => {
                push_text(&mut printed, &mut segments, text);
                continue;
            }
            Piece::Math { tex, .. } => {
                push_text(&mut printed, &mut segments, &math::tex_reading(tex));
                continue;
            }
            Piece::Footnote { id, range } => {
                let written = text.get(range).unwrap_or_default();
                push_text(&mut printed, &mut segments, written);
                footnotes.push(FootnoteMarker {
                    id,
                    range: start..printed.len(),
                });
                continue;
            }
            Piece::Group(group) => {
                narrative = group.narrative;
                // `Smith [-@smith2020] argues`: the sentence gives the name, the year follows.
                author_named = matches!(group.cites.as_slice(), [cite] if cite.suppress_author);
                printed.push_str(&citations::printed_form(&group, |key| {
                    resolver.cited_work(key)
                }));
                let mut references = Vec::with_capacity(group.cites.len());
                for cite in &group.cites {
                    match resolver.by_key(cite.key) {
                        Some(reference) => references.push(reference),
                        None => unknown_keys.push(cite.key),
                    }
                }
                references
            }
            Piece::Numeric(marker) => {
                let Some(references) =
                    read_numeric(&marker, resolver, &mut errors, &mut unknown_numbers)
                else {
                    push_text(&mut printed, &mut segments, marker.written);
                    continue;
                };
                printed.push_str(marker.written);
                references
            }
        };
        segments.push(Segment::Citation {
            citation: citations.len(),
            range: start..printed.len(),
        });
        citations.push(CitationInfo {
            paragraph: 0,
            sentence: 0,
            references,
            range: start..printed.len(),
            narrative,
            author_named,
            in_parentheses: false,
        });
    }
    ParagraphText {
        info: ParagraphInfo {
            section,
            position_in_section,
            number_in_section: None,
            printed,
            segments,
            sentences: Vec::new(),
            citations: 0..0,
            mentions: Vec::new(),
            footnotes: Vec::new(),
            floats: Vec::new(),
        },
        citations,
        years: Vec::new(),
        errors,
        unknown_keys,
        unknown_numbers,
        footnotes,
    }
}

/// Whether a numeric marker is a citation, and if so the references it names. Markers are
/// plain text when the references carry no numbers; in parentheses they cite only when every
/// number resolves (so `(2006)` and `(1990–2009)` stay text). A bracketed marker always cites
/// (when the references are numbered): a number no reference carries is recorded in
/// `unknown_numbers`, a range written backwards in `errors`.
fn read_numeric<'a>(
    marker: &NumericMarker<'a>,
    resolver: &Resolver<'_, '_>,
    errors: &mut Vec<CitationSyntaxError>,
    unknown_numbers: &mut Vec<UnknownNumber<'a>>,
) -> Option<Vec<usize>> {
    if resolver.by_number.is_empty() {
        return None;
    }
    let (references, missing, backwards) = resolver.resolve(&marker.numbers);
    if marker.parenthesised && (backwards || !missing.is_empty()) {
        return None;
    }
    if backwards {
        errors.push(CitationSyntaxError {
            offset: marker.range.start,
            message: format!(
                "citation `{}` has a range written backwards",
                marker.written
            ),
            keys_cite_in_text: false,
        });
    }
    if !missing.is_empty() {
        unknown_numbers.push(UnknownNumber {
            written: marker.written,
            missing,
        });
    }
    Some(references)
}

/// The second half of the text pass over one paragraph: sentences, mentions and years.
fn read_sentences_and_names(
    paragraph: &mut ParagraphText<'_>,
    matcher: &EntityMatcher,
    references: &[Reference],
    folded: &str,
) {
    let info = &mut paragraph.info;
    info.sentences = split_sentences(&info.printed);
    attach_markers_after_stops(
        &info.printed,
        &mut info.sentences,
        &paragraph.citations,
        |c| c.range.clone(),
    );
    for citation in &mut paragraph.citations {
        // Sentences are in order and do not overlap: a binary search keeps a paragraph with
        // very many citations linear.
        let at = citation.range.start;
        let candidate = info.sentences.partition_point(|s| s.end <= at);
        citation.sentence = info
            .sentences
            .get(candidate)
            .filter(|s| s.contains(&at))
            .map_or(0, |_| candidate);
    }
    let placed: Vec<(Range<usize>, Range<usize>)> = paragraph
        .citations
        .iter()
        .map(|c| {
            let sentence = info.sentences.get(c.sentence).cloned().unwrap_or(0..0);
            (c.range.clone(), sentence)
        })
        .collect();
    let narrative = citations::narrative_citations(&info.printed, &placed);
    let depths = citations::open_parentheses(&info.printed, &placed);
    for ((citation, reads_narratively), depth) in
        paragraph.citations.iter_mut().zip(narrative).zip(depths)
    {
        citation.narrative |= reads_narratively;
        citation.in_parentheses = depth > 0;
        // "Lombardi et al. [1]": the name is in the sentence already.
        if let [reference] = citation.references.as_slice()
            && let Some(first) = references
                .get(*reference)
                .and_then(|r| r.creators().first())
        {
            let sentence_start = info
                .sentences
                .get(citation.sentence)
                .map_or(0, |s| s.start)
                .min(citation.range.start);
            let before = info
                .printed
                .get(sentence_start..citation.range.start)
                .unwrap_or_default();
            citation.author_named |= citations::names_the_author(before, &short_name(first));
        }
    }
    info.mentions = matcher.mentions(&info.printed, folded);
    paragraph.years = find_years(&info.printed, &info.segments);
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
        while let Some(found) = bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
        {
            i += found;
            // The run of digits starting here: a year is a run of exactly four.
            let run = bytes.get(i..).map_or(0, |rest| {
                rest.iter().take_while(|b| b.is_ascii_digit()).count()
            });
            let before_ok = i == 0
                || !bytes
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b',');
            let after_ok = !bytes.get(i + run).is_some_and(u8::is_ascii_alphanumeric);
            if run == 4
                && before_ok
                && after_ok
                && let Some(year) = bytes
                    .get(i..i + 4)
                    .and_then(|digits| std::str::from_utf8(digits).ok())
                    .and_then(|s| s.parse::<i32>().ok())
                && (1800..=2100).contains(&year)
            {
                years.push((year, range.start + i..range.start + i + 4));
            }
            i += run;
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_skip_numbers_like_counts() {
        let text = "In 2020 about 49,000, by 2021; page 1777 and 12020.";
        let years: Vec<i32> = find_years(text, &[Segment::Text(0..text.len())])
            .into_iter()
            .map(|(y, _)| y)
            .collect();
        assert_eq!(years, vec![2020, 2021]);
    }
}

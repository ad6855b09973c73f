//! The cross-link index, built once at load in time linear in the corpus size.
//!
//! Everything a panel shows about how records connect comes from here: which sentences cite a
//! reference, where an entity is mentioned, which paragraphs name a table or figure, what
//! belongs to a region, which paragraphs speak of a year, and which editorial notes concern an
//! item. The text pass (`text`) reads every
//! paragraph once; the link table (`links`) holds every link [`crate::corpus::kinds`] declares.

mod floats;
mod links;
mod mentions;
mod text;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::item::{Item, ItemKind};
use super::kinds::IdMaps;
use super::model::{CorpusFile, NoteTarget};
use links::LinkTable;

pub use text::{
    CellText, FootnoteMarker, MAX_MISSING_RANGES, ParagraphText, TextPass, UnknownNumber,
};

/// One paragraph as the reader shows it.
#[derive(Clone, Debug, Default)]
pub struct ParagraphInfo {
    /// Position of the section holding it.
    pub section: usize,
    /// Position of the paragraph inside its section (every block: paragraphs, figure source
    /// lines, equations).
    pub position_in_section: usize,
    /// Its ¶ number in its section, counting running-text paragraphs only; `None` for a figure
    /// source line or an equation, which take no number.
    pub number_in_section: Option<usize>,
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
    /// Footnote markers `[^id]` that name a footnote, in order.
    pub footnotes: Vec<FootnoteMark>,
    /// The tables, figures and numbered sections it names by their labels ("Table 2", "Figs. 1
    /// and 3", "Section 4", "§2.1"), in order.
    pub floats: Vec<FloatMark>,
}

/// A table or figure named in a paragraph's printed text by its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FloatMark {
    /// The table, figure or section ([`Item::Table`], [`Item::Figure`], [`Item::Section`]).
    pub item: Item,
    /// Byte range of its name in the paragraph's printed text ("Fig. 3A"; "3" of "Figs. 2 and
    /// 3"); empty for one inside a written range ("2" of "Tables 1–3"), which is linked but
    /// not drawn.
    pub range: Range<usize>,
}

/// A footnote marker `[^id]` in a paragraph's printed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FootnoteMark {
    /// Position of the footnote in `footnotes`.
    pub footnote: usize,
    /// Byte range of the marker `[^id]` in the paragraph's printed text.
    pub range: Range<usize>,
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
    /// Whether it is part of its sentence ("Research by [8] illustrates", Pandoc's `@key`)
    /// rather than beside it ("… slavery [2]."): an author–date style prints it as
    /// `Porter and van der Linde (1995)`.
    pub narrative: bool,
    /// Whether the words right before it already name its one work's author ("Lombardi et
    /// al. [1]"): an author–date style then prints only the year, `(2009)`.
    pub author_named: bool,
    /// Whether it stands inside its sentence's own parentheses ("(see [3])"): an author–date
    /// style then prints it without parentheses of its own, `(see Cho, 2015)`.
    pub in_parentheses: bool,
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
    /// Whether the paper prints its citations as numbers (`[8]`, `(1–3)`): its references carry
    /// numbers, or most of its citations print only digits. An author–date paper's references
    /// are named without a number.
    pub prints_numbers: bool,
    /// For each entity, its mentions in the text.
    pub entity_mentions: Vec<Vec<Mention>>,
    /// Year → every mention of it in the text.
    pub year_mentions: BTreeMap<i32, Vec<YearMention>>,
    /// Each table, figure or section named in the text → the paragraphs naming it, in reading
    /// order: see [`Self::paragraphs_naming`].
    float_paragraphs: HashMap<Item, Vec<usize>>,
    /// Every declared link, both ways: see [`Self::linked`].
    links: LinkTable,
    /// For each region, the entities tied to it (by the entity, its rows or its cases).
    region_entities: Vec<Vec<usize>>,
    /// (series, point) → the editorial notes about that point.
    point_notes: HashMap<(usize, usize), Vec<usize>>,
    /// (row over all tables, column) → the cell as the paper prints it, for cells whose
    /// citations print otherwise than written (`[@smith2020]` → `[1]`).
    printed_cells: HashMap<(usize, usize), String>,
    /// Every citation in a table cell, in table, row and column order.
    pub cell_citations: Vec<CellCitation>,
    /// Row over all tables → the row naming the group it stands in (its table's position and
    /// its position in that table), for the rows that stand in one: see [`Self::group_name`].
    row_groups: HashMap<usize, (usize, usize)>,
    paragraph_ids: HashMap<String, usize>,
}

/// A citation printed in a table cell (`[24]` in a column of sources).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellCitation {
    /// The row's position over all tables.
    pub row: usize,
    /// The column's position.
    pub column: usize,
    /// Byte range of the citation in the cell as printed ([`Index::cell_text`]).
    pub range: Range<usize>,
    /// The references it cites, by position.
    pub references: Vec<usize>,
}

/// For each reference, the number shown for it: its `citation-number`, or its position + 1.
#[must_use]
pub fn reference_numbers(file: &CorpusFile) -> Vec<u32> {
    file.references
        .iter()
        .enumerate()
        .map(|(i, r)| {
            r.citation_number
                .unwrap_or_else(|| u32::try_from(i + 1).unwrap_or(u32::MAX))
        })
        .collect()
}

impl Index {
    /// Builds the index of a corpus file that passed validation (unknown links are skipped).
    #[must_use]
    pub fn build(file: &CorpusFile) -> Self {
        let ids = IdMaps::new(file);
        let numbers = reference_numbers(file);
        let text = TextPass::run(file, &ids, &numbers);
        Self::build_with(file, &ids, numbers, text)
    }

    /// Builds the index from the ids, reference numbers and text pass validation used.
    #[must_use]
    pub fn build_with(
        file: &CorpusFile,
        ids: &IdMaps<'_>,
        reference_numbers: Vec<u32>,
        mut text: TextPass<'_>,
    ) -> Self {
        text.finish(file);
        let mut index = Self {
            reference_numbers,
            links: LinkTable::from_declarations(file, ids),
            entity_mentions: vec![Vec::new(); file.entities.len()],
            ..Self::default()
        };
        index.build_sections(file);
        index.add_cells(file, std::mem::take(&mut text.cells));
        index.build_row_groups(file);
        index.add_text(file, ids, text);
        index.build_region_entities(file);
        index.build_point_notes(file, ids);
        index.prints_numbers = index.citations_print_numbers(file);
        index
    }

    /// Whether the citations print as numbers: the references carry `citation-number`, or more
    /// than half of the citations print nothing but digits (raised ones too, `¹²`), brackets and
    /// separators.
    fn citations_print_numbers(&self, file: &CorpusFile) -> bool {
        if file.references.iter().any(|r| r.citation_number.is_some()) {
            return true;
        }
        let numeric = self
            .citations
            .iter()
            .filter(|c| {
                self.paragraphs
                    .get(c.paragraph)
                    .and_then(|p| p.printed.get(c.range.clone()))
                    .is_some_and(|printed| {
                        let read = || printed.chars().map(crate::corpus::text::script_base);
                        read().any(|c| c.is_ascii_digit())
                            && read().all(|c| {
                                c.is_ascii_digit()
                                    || c.is_whitespace()
                                    || matches!(
                                        c,
                                        '[' | ']' | '(' | ')' | ',' | ';' | '-' | '–' | '—'
                                    )
                            })
                    })
            })
            .count();
        numeric * 2 > self.citations.len()
    }

    /// The row naming the group each table row stands in ([`Table::row_groups`]), by rows'
    /// positions over all tables.
    ///
    /// [`Table::row_groups`]: crate::corpus::model::Table::row_groups
    fn build_row_groups(&mut self, file: &CorpusFile) {
        let mut first = 0;
        for (table_position, table) in file.tables.iter().enumerate() {
            for (row, group) in table.row_groups().into_iter().enumerate() {
                if let Some(group) = group {
                    self.row_groups.insert(first + row, (table_position, group));
                }
            }
            first += table.rows.len();
        }
    }

    /// The name of the group that table row `row` (over all tables) stands in: the first cell
    /// of the row naming it (`Isoleucine (umol/l)` over its `Control` and `BCAA`), if it
    /// stands in one.
    #[must_use]
    pub fn group_name<'f>(&self, file: &'f CorpusFile, row: usize) -> Option<&'f str> {
        let &(table, group) = self.row_groups.get(&row)?;
        let name = file.tables.get(table)?.rows.get(group)?.cells.first()?;
        Some(name.trim())
    }

    /// Takes in the table cells that cite: their printed text, and their rows linked with the
    /// references they cite.
    fn add_cells(&mut self, file: &CorpusFile, cells: Vec<text::CellText<'_>>) {
        if cells.is_empty() {
            return;
        }
        for cell in cells {
            let row = file.first_row_of(cell.table) + cell.row;
            for citation in &cell.read.citations {
                for &reference in &citation.references {
                    self.links
                        .link((ItemKind::TableRow, row), (ItemKind::Reference, reference));
                }
                self.cell_citations.push(CellCitation {
                    row,
                    column: cell.column,
                    range: citation.range.clone(),
                    references: citation.references.clone(),
                });
            }
            self.printed_cells
                .insert((row, cell.column), cell.read.info.printed);
        }
        self.links.tidy(ItemKind::TableRow, ItemKind::Reference);
    }

    /// How many references the citations in table cells cite, counted once per citation.
    #[must_use]
    pub fn cited_in_cells(&self) -> usize {
        self.cell_citations.iter().map(|c| c.references.len()).sum()
    }

    /// A table cell as the paper prints it (its citations as printed), by the row's position over
    /// all tables and the column's position; empty for a cell that does not exist.
    #[must_use]
    pub fn cell_text<'f>(&'f self, file: &'f CorpusFile, row: usize, column: usize) -> &'f str {
        if let Some(printed) = self.printed_cells.get(&(row, column)) {
            return printed;
        }
        file.table_row(row)
            .and_then(|(_, _, r)| r.cells.get(column))
            .map_or("", String::as_str)
    }

    /// Takes in the text pass: paragraphs and citations numbered in reading order, mentions and
    /// years listed by entity and year, citations linked with their references.
    fn add_text(&mut self, file: &CorpusFile, id_maps: &IdMaps<'_>, text: TextPass<'_>) {
        self.paragraph_ids.reserve(text.paragraphs.len());
        let ids = file
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| &p.id);
        for (position, (paragraph, id)) in text.paragraphs.into_iter().zip(ids).enumerate() {
            self.paragraph_ids.entry(id.clone()).or_insert(position);
            let first_citation = self.citations.len();
            let mut info = paragraph.info;
            info.citations = first_citation..first_citation + paragraph.citations.len();
            for segment in &mut info.segments {
                if let Segment::Citation { citation, .. } = segment {
                    *citation += first_citation;
                }
            }
            for (offset, mut citation) in paragraph.citations.into_iter().enumerate() {
                citation.paragraph = position;
                for &reference in &citation.references {
                    self.links.link(
                        (ItemKind::Citation, first_citation + offset),
                        (ItemKind::Reference, reference),
                    );
                }
                self.citations.push(citation);
            }
            // Markers link their paragraph and the footnote both ways (validation reports a
            // marker that names no footnote).
            info.footnotes = paragraph
                .footnotes
                .iter()
                .filter_map(|marker| {
                    let footnote = id_maps.position(ItemKind::Footnote, marker.id)?;
                    self.links.link(
                        (ItemKind::Paragraph, position),
                        (ItemKind::Footnote, footnote),
                    );
                    Some(FootnoteMark {
                        footnote,
                        range: marker.range.clone(),
                    })
                })
                .collect();
            for mention in &mut info.mentions {
                mention.paragraph = position;
                if let Some(list) = self.entity_mentions.get_mut(mention.entity) {
                    list.push(mention.clone());
                }
            }
            for mark in &info.floats {
                let paragraphs = self.float_paragraphs.entry(mark.item).or_default();
                if paragraphs.last() != Some(&position) {
                    paragraphs.push(position);
                }
            }
            for (year, range) in paragraph.years {
                self.year_mentions
                    .entry(year)
                    .or_default()
                    .push(YearMention {
                        paragraph: position,
                        range,
                    });
            }
            self.paragraphs.push(info);
        }
        // A paragraph may mark footnotes out of their order, or one twice.
        self.links.tidy(ItemKind::Paragraph, ItemKind::Footnote);
        let mut first = 0;
        for section in &file.sections {
            let end = first + section.paragraphs.len();
            self.section_paragraphs.push(first..end);
            first = end;
        }
    }

    /// The records of `kind` linked with `item` through a declared link, either way (see
    /// [`crate::corpus::kinds::KINDS`]): `linked(Item::Reference(r), ItemKind::Case)` is the
    /// cases that list reference `r`, `linked(Item::Case(c), ItemKind::Reference)` the
    /// references case `c` lists.
    #[must_use]
    pub fn linked(&self, item: Item, kind: ItemKind) -> &[usize] {
        item.position()
            .map_or(&[], |position| self.links.get(item.kind(), position, kind))
    }

    /// The paragraphs, in reading order, that name a table, figure or numbered section (`item`)
    /// by its label ("as Table 2 shows", "(Figs. 1 and 3)", "see §4"); none for other items.
    #[must_use]
    pub fn paragraphs_naming(&self, item: Item) -> &[usize] {
        self.float_paragraphs.get(&item).map_or(&[], Vec::as_slice)
    }

    /// The entities tied to a region: by the entity's own `regions`, or by a table row or case
    /// of the region that names the entity.
    #[must_use]
    pub fn entities_of_region(&self, region: usize) -> &[usize] {
        self.region_entities.get(region).map_or(&[], Vec::as_slice)
    }

    /// The position of the paragraph with this id.
    #[must_use]
    pub fn paragraph_by_id(&self, id: &str) -> Option<usize> {
        self.paragraph_ids.get(id).copied()
    }

    /// A citation as the paper prints it (`[2], [4]`, `(Porter, 1995)`).
    #[must_use]
    pub fn printed_citation(&self, citation: usize) -> Option<&str> {
        let citation = self.citations.get(citation)?;
        let paragraph = self.paragraphs.get(citation.paragraph)?;
        paragraph.printed.get(citation.range.clone())
    }

    /// The printed text of the sentence holding a citation.
    #[must_use]
    pub fn citing_sentence(&self, citation: usize) -> Option<&str> {
        let citation = self.citations.get(citation)?;
        let paragraph = self.paragraphs.get(citation.paragraph)?;
        let range = paragraph.sentences.get(citation.sentence)?;
        paragraph.printed.get(range.clone())
    }

    /// The sentence holding a citation, with every citation in it written as `write` gives
    /// it (by citation position): how a list of citing sentences follows a citation style.
    #[must_use]
    pub fn citing_sentence_with(
        &self,
        citation: usize,
        mut write: impl FnMut(usize) -> String,
    ) -> Option<String> {
        let info = self.citations.get(citation)?;
        let paragraph = self.paragraphs.get(info.paragraph)?;
        let sentence = paragraph.sentences.get(info.sentence)?;
        let mut out = String::with_capacity(sentence.len());
        let mut at = sentence.start;
        for position in paragraph.citations.clone() {
            let Some(other) = self.citations.get(position) else {
                continue;
            };
            if other.range.start < at || other.range.end > sentence.end {
                continue;
            }
            out.push_str(paragraph.printed.get(at..other.range.start)?);
            out.push_str(&write(position));
            at = other.range.end;
        }
        out.push_str(paragraph.printed.get(at..sentence.end)?);
        Some(out)
    }

    /// The notes about an item (empty when there are none).
    #[must_use]
    pub fn notes_for(&self, item: Item) -> &[usize] {
        match item {
            Item::SeriesPoint { series, point } => self
                .point_notes
                .get(&(series, point))
                .map_or(&[], Vec::as_slice),
            _ => self.linked(item, ItemKind::Note),
        }
    }

    fn build_region_entities(&mut self, file: &CorpusFile) {
        let regions = file.regions.len();
        let mut region_entities: Vec<Vec<usize>> = (0..regions)
            .map(|region| self.linked(Item::Region(region), ItemKind::Entity).to_vec())
            .collect();
        let rows = (0..file.table_row_count()).map(Item::TableRow);
        let cases = (0..file.cases.len()).map(Item::Case);
        for record in rows.chain(cases) {
            let entities = self.linked(record, ItemKind::Entity);
            for &region in self.linked(record, ItemKind::Region) {
                if let Some(list) = region_entities.get_mut(region) {
                    list.extend_from_slice(entities);
                }
            }
        }
        for list in &mut region_entities {
            list.sort_unstable();
            list.dedup();
        }
        self.region_entities = region_entities;
    }

    /// Notes about a series point name the series and the year: looked up, not searched, so
    /// very many notes stay linear.
    fn build_point_notes(&mut self, file: &CorpusFile, ids: &IdMaps<'_>) {
        let mut point_years: HashMap<(usize, i32), usize> = HashMap::new();
        for (s, series) in file.series.iter().enumerate() {
            for (point, p) in series.points.iter().enumerate() {
                point_years.entry((s, p.year)).or_insert(point);
            }
        }
        for (note_position, note) in file.notes.iter().enumerate() {
            for target in &note.about {
                let NoteTarget::SeriesPoint { series, year } = target else {
                    continue;
                };
                let Some(series) = ids.position(ItemKind::Series, series) else {
                    continue;
                };
                let Some(&point) = point_years.get(&(series, *year)) else {
                    continue;
                };
                let list = self.point_notes.entry((series, point)).or_default();
                if list.last() != Some(&note_position) {
                    list.push(note_position);
                }
            }
        }
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
}

#[cfg(test)]
mod footnote_tests {
    use super::*;
    use crate::corpus::model::{Footnote, Paragraph, Section};

    fn paragraph(id: &str, text: &str) -> Paragraph {
        Paragraph {
            id: id.to_owned(),
            text: text.to_owned(),
            ..Paragraph::default()
        }
    }

    #[test]
    fn a_footnote_marker_links_its_paragraph_and_the_footnote_both_ways() {
        let file = CorpusFile {
            sections: vec![Section {
                id: "s".to_owned(),
                title: "S".to_owned(),
                paragraphs: vec![
                    paragraph("s.p1", "Counted once.[^b] Again.[^a] And again.[^b]"),
                    paragraph("s.p2", "No marker here."),
                    paragraph("s.p3", "Counted twice.[^a]"),
                ],
                ..Section::default()
            }],
            footnotes: ["a", "b", "c"]
                .map(|id| Footnote {
                    id: id.to_owned(),
                    marker: String::new(),
                    text: format!("Footnote {id}."),
                    references: Vec::new(),
                })
                .to_vec(),
            ..CorpusFile::default()
        };
        let index = Index::build(&file);
        assert_eq!(index.linked(Item::Footnote(0), ItemKind::Paragraph), [0, 2]);
        assert_eq!(index.linked(Item::Footnote(1), ItemKind::Paragraph), [0]);
        assert!(
            index
                .linked(Item::Footnote(2), ItemKind::Paragraph)
                .is_empty()
        );
        assert_eq!(index.linked(Item::Paragraph(0), ItemKind::Footnote), [0, 1]);
        assert!(
            index
                .linked(Item::Paragraph(1), ItemKind::Footnote)
                .is_empty()
        );
        let first = &index.paragraphs[0];
        let marks: Vec<(usize, &str)> = first
            .footnotes
            .iter()
            .map(|m| (m.footnote, &first.printed[m.range.clone()]))
            .collect();
        assert_eq!(marks, [(1, "[^b]"), (0, "[^a]"), (1, "[^b]")]);
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::Corpus;

    /// The built-in paper's "Research by [8] illustrates …": the citation reads as part of
    /// the sentence, and the sentence can be written with it in another form.
    #[test]
    fn a_citing_sentence_rewritten_and_its_narrative_citation() {
        let corpus = Corpus::builtin();
        let index = &corpus.index;
        let porter = corpus.reference_by_id("porter1995").unwrap_or(usize::MAX);
        let research_by = (0..index.citations.len())
            .find(|&n| {
                index
                    .citations
                    .get(n)
                    .is_some_and(|c| c.references == [porter])
                    && index
                        .citing_sentence(n)
                        .is_some_and(|s| s.starts_with("Research by"))
            })
            .unwrap_or(usize::MAX);
        let info = index.citations.get(research_by);
        assert!(info.is_some_and(|c| c.narrative));
        let sentence = index
            .citing_sentence_with(research_by, |_| {
                "Porter and van der Linde (1995)".to_owned()
            })
            .unwrap_or_default();
        assert!(
            sentence.starts_with("Research by Porter and van der Linde (1995) illustrates"),
            "{sentence}"
        );
        // A citation at the end of its sentence stands beside it.
        let beside = index
            .citations
            .iter()
            .enumerate()
            .find(|(n, _)| {
                index
                    .citing_sentence(*n)
                    .is_some_and(|s| s.ends_with("modern forms of slavery [2]."))
            })
            .map(|(_, c)| c.narrative);
        assert_eq!(beside, Some(false));
    }
}

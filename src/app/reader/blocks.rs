//! The Reader's blocks in reading order: front matter, headings, paragraphs, boxes, and the
//! tables, figures and footnote lists placed where the paper puts them.

use std::collections::HashMap;

use crate::corpus::Corpus;
use crate::corpus::display::heading_repeats_title;
use crate::corpus::model::SectionKind;

/// One block of the Reader, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Block {
    /// Title, authors, keywords, abstract.
    FrontMatter,
    /// A section heading.
    Heading(usize),
    /// A box section (`kind: box`): its label, title and paragraphs, framed apart.
    Box(usize),
    /// A paragraph (reading-order position).
    Paragraph(usize),
    /// A table's card (position in `tables`).
    Table(usize),
    /// A figure's card (position in `figures`).
    Figure(usize),
    /// The footnotes first marked in a section, listed at its end; `None` for footnotes no
    /// paragraph marks, listed at the end of the paper.
    Footnotes(Option<usize>),
}

/// Where a table or figure stands in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Place {
    /// Right after a paragraph (reading-order position).
    AfterParagraph(usize),
    /// After the own paragraphs of a section (position), before its subsections.
    SectionEnd(usize),
    /// At the end of the paper: the record says nowhere (or names nothing that exists).
    End,
}

/// Where a record with these `section` and `after_paragraph` ids stands: after the paragraph
/// when it names one, else at the end of the section, else at the end of the paper.
fn place_of(
    corpus: &Corpus,
    section_positions: &HashMap<&str, usize>,
    section: Option<&str>,
    after_paragraph: Option<&str>,
) -> Place {
    if let Some(paragraph) = after_paragraph.and_then(|id| corpus.index.paragraph_by_id(id)) {
        return Place::AfterParagraph(paragraph);
    }
    match section.and_then(|id| section_positions.get(id)) {
        Some(&section) => Place::SectionEnd(section),
        None => Place::End,
    }
}

/// Every block of `corpus` in reading order. `footnote_section(f)` is the section whose text
/// first marks footnote `f` (its list stands at that section's end), `None` when none does.
pub(super) fn reading_order(
    corpus: &Corpus,
    footnote_section: impl Fn(usize) -> Option<usize>,
) -> Vec<Block> {
    let file = &corpus.file;
    let section_positions: HashMap<&str, usize> = file
        .sections
        .iter()
        .enumerate()
        .map(|(position, section)| (section.id.as_str(), position))
        .collect();
    let mut placed: HashMap<Place, Vec<Block>> = HashMap::new();
    let tables = file.tables.iter().enumerate().map(|(t, table)| {
        let place = place_of(
            corpus,
            &section_positions,
            table.section.as_deref(),
            table.after_paragraph.as_deref(),
        );
        (place, Block::Table(t))
    });
    let figures = file.figures.iter().enumerate().map(|(f, figure)| {
        let place = place_of(
            corpus,
            &section_positions,
            figure.section.as_deref(),
            figure.after_paragraph.as_deref(),
        );
        (place, Block::Figure(f))
    });
    for (place, block) in tables.chain(figures) {
        placed.entry(place).or_default().push(block);
    }
    let mut sections_with_footnotes = vec![false; file.sections.len()];
    let mut unmarked_footnotes = false;
    for footnote in 0..file.footnotes.len() {
        match footnote_section(footnote).and_then(|s| sections_with_footnotes.get_mut(s)) {
            Some(has) => *has = true,
            None => unmarked_footnotes = true,
        }
    }
    // A box printed between two paragraphs of its section stands after the first of them.
    let mut boxes_after: HashMap<usize, Vec<usize>> = HashMap::new();
    for (position, section) in file.sections.iter().enumerate() {
        if section.kind == SectionKind::Box
            && let Some(paragraph) = section
                .after_paragraph
                .as_deref()
                .and_then(|id| corpus.index.paragraph_by_id(id))
        {
            boxes_after.entry(paragraph).or_default().push(position);
        }
    }
    let placed_boxes: Vec<usize> = boxes_after.values().flatten().copied().collect();
    let mut order = Order {
        corpus,
        placed,
        boxes_after,
        boxes_shown: vec![false; file.sections.len()],
        sections_with_footnotes,
        blocks: vec![Block::FrontMatter],
    };
    for (section_position, section) in file.sections.iter().enumerate() {
        if placed_boxes.contains(&section_position) {
            continue;
        }
        if section.kind == SectionKind::Box {
            order.push_box(section_position);
            continue;
        }
        if !heading_repeats_title(corpus, section_position) {
            order.blocks.push(Block::Heading(section_position));
        }
        for paragraph in order.paragraphs_of(section_position) {
            order.blocks.push(Block::Paragraph(paragraph));
            order.after_paragraph(paragraph);
        }
        order.end_section(section_position);
    }
    // A box placed after a paragraph nothing shows (boxes naming each other's paragraphs) is
    // shown at the end rather than lost.
    for position in placed_boxes {
        order.push_box(position);
    }
    order.take(Place::End);
    let Order {
        mut blocks, placed, ..
    } = order;
    // Anything left names a paragraph the text pass did not place (cannot happen for a valid
    // corpus): it is shown at the end rather than lost.
    let mut rest: Vec<Block> = placed.into_values().flatten().collect();
    rest.sort_by_key(|block| match block {
        Block::Table(t) => (0, *t),
        Block::Figure(f) => (1, *f),
        _ => (2, 0),
    });
    blocks.extend(rest);
    if unmarked_footnotes {
        blocks.push(Block::Footnotes(None));
    }
    blocks
}

/// The blocks laid out so far, and what is still to be placed among them.
struct Order<'c> {
    corpus: &'c Corpus,
    placed: HashMap<Place, Vec<Block>>,
    /// The boxes printed after each paragraph (reading-order position → section positions).
    boxes_after: HashMap<usize, Vec<usize>>,
    /// Whether each section's box has been laid out (a box is shown once).
    boxes_shown: Vec<bool>,
    sections_with_footnotes: Vec<bool>,
    blocks: Vec<Block>,
}

impl Order<'_> {
    /// Appends what stands at `place`.
    fn take(&mut self, place: Place) {
        if let Some(list) = self.placed.remove(&place) {
            self.blocks.extend(list);
        }
    }

    /// The paragraphs of the section at `position`, in reading order.
    fn paragraphs_of(&self, position: usize) -> std::ops::Range<usize> {
        self.corpus
            .index
            .section_paragraphs
            .get(position)
            .cloned()
            .unwrap_or_default()
    }

    /// What stands after the paragraph at `paragraph`: tables, figures and boxes.
    fn after_paragraph(&mut self, paragraph: usize) {
        self.take(Place::AfterParagraph(paragraph));
        for inner in self.boxes_after.remove(&paragraph).unwrap_or_default() {
            self.push_box(inner);
        }
    }

    /// A box, once: its frame (which holds its paragraphs), what stands after each of them,
    /// and its end.
    fn push_box(&mut self, position: usize) {
        match self.boxes_shown.get_mut(position) {
            Some(shown) if !*shown => *shown = true,
            _ => return,
        }
        self.blocks.push(Block::Box(position));
        for paragraph in self.paragraphs_of(position) {
            self.after_paragraph(paragraph);
        }
        self.end_section(position);
    }

    /// What stands at the end of the section at `position`, and its footnotes.
    fn end_section(&mut self, position: usize) {
        self.take(Place::SectionEnd(position));
        if self
            .sections_with_footnotes
            .get(position)
            .copied()
            .unwrap_or(false)
        {
            self.blocks.push(Block::Footnotes(Some(position)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_figures_boxes_and_footnotes_stand_where_the_paper_puts_them() {
        let corpus = Corpus::from_json(
            include_str!("../../../tests/fixtures/reader.json"),
            "reader.json",
        )
        .unwrap_or_else(|report| panic!("{:?}", report.diagnostics));
        let paragraph = |id: &str| corpus.index.paragraph_by_id(id).unwrap_or(usize::MAX);
        // The footnote is marked in the introduction.
        let blocks = reading_order(&corpus, |_| Some(0));
        assert_eq!(
            blocks,
            [
                Block::FrontMatter,
                Block::Heading(0),
                Block::Paragraph(paragraph("intro.p1")),
                // After the paragraph it names.
                Block::Figure(0),
                Block::Paragraph(paragraph("intro.p2")),
                Block::Footnotes(Some(0)),
                // A box holds its paragraphs.
                Block::Box(1),
                Block::Heading(2),
                Block::Paragraph(paragraph("methods.p1")),
                Block::Paragraph(paragraph("methods.eq1")),
                Block::Heading(3),
                Block::Paragraph(paragraph("results.p1")),
                Block::Figure(1),
                // Only its section: at the section's end.
                Block::Table(0),
            ]
        );
        // A box that says which paragraph it follows stands right after it.
        let mut file = corpus.file.clone();
        file.sections[1].after_paragraph = Some("intro.p1".to_owned());
        let placed =
            Corpus::from_file(file, "reader.json").unwrap_or_else(|errors| panic!("{errors:?}"));
        assert_eq!(
            reading_order(&placed, |_| Some(0)).get(..7),
            Some(
                &[
                    Block::FrontMatter,
                    Block::Heading(0),
                    Block::Paragraph(paragraph("intro.p1")),
                    Block::Figure(0),
                    Block::Box(1),
                    Block::Paragraph(paragraph("intro.p2")),
                    Block::Footnotes(Some(0)),
                ][..]
            )
        );
        // A box said to follow its own paragraph is still shown, once.
        let mut file = corpus.file.clone();
        file.sections[1].after_paragraph = Some("definitions.p1".to_owned());
        let looped =
            Corpus::from_file(file, "reader.json").unwrap_or_else(|errors| panic!("{errors:?}"));
        let shown = reading_order(&looped, |_| Some(0))
            .iter()
            .filter(|block| **block == Block::Box(1))
            .count();
        assert_eq!(shown, 1);
        // A footnote no paragraph marks is listed at the end of the paper.
        assert_eq!(
            reading_order(&corpus, |_| None).last(),
            Some(&Block::Footnotes(None))
        );
    }
}

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
    let mut blocks = vec![Block::FrontMatter];
    let mut take = |blocks: &mut Vec<Block>, place: Place| {
        if let Some(list) = placed.remove(&place) {
            blocks.extend(list);
        }
    };
    for (section_position, section) in file.sections.iter().enumerate() {
        let paragraphs = corpus
            .index
            .section_paragraphs
            .get(section_position)
            .cloned()
            .unwrap_or_default();
        if section.kind == SectionKind::Box {
            blocks.push(Block::Box(section_position));
            for paragraph in paragraphs {
                take(&mut blocks, Place::AfterParagraph(paragraph));
            }
        } else {
            if !heading_repeats_title(corpus, section_position) {
                blocks.push(Block::Heading(section_position));
            }
            for paragraph in paragraphs {
                blocks.push(Block::Paragraph(paragraph));
                take(&mut blocks, Place::AfterParagraph(paragraph));
            }
        }
        take(&mut blocks, Place::SectionEnd(section_position));
        if sections_with_footnotes
            .get(section_position)
            .copied()
            .unwrap_or(false)
        {
            blocks.push(Block::Footnotes(Some(section_position)));
        }
    }
    take(&mut blocks, Place::End);
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
        // A footnote no paragraph marks is listed at the end of the paper.
        assert_eq!(
            reading_order(&corpus, |_| None).last(),
            Some(&Block::Footnotes(None))
        );
    }
}

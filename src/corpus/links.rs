//! What is related to an item: the set every panel highlights when that item is selected or
//! hovered. Computed from the [`super::Index`] and the declared links
//! ([`super::kinds::KINDS`]), once per change of selection.

use std::collections::BTreeSet;

use super::Corpus;
use super::item::{Item, ItemKind};
use super::kinds::{Follow, KINDS};
use super::model::NoteTarget;

/// The items related to one item, and the paragraphs that speak of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Related {
    /// The item these relations are about.
    pub origin: Option<Item>,
    /// Every related item (the origin included).
    pub items: BTreeSet<Item>,
    /// Paragraphs (reading-order positions) to highlight in the text.
    pub paragraphs: BTreeSet<usize>,
}

impl Related {
    /// Whether `item` is the origin or related to it.
    #[must_use]
    pub fn contains(&self, item: Item) -> bool {
        self.items.contains(&item)
    }

    /// Whether a paragraph is highlighted.
    #[must_use]
    pub fn has_paragraph(&self, paragraph: usize) -> bool {
        self.paragraphs.contains(&paragraph)
    }
}

/// Everything related to `item` in `corpus`: the records its declared links reach, the ways
/// [`crate::corpus::kinds`] says to follow them, and what the text ties to it.
#[must_use]
pub fn related(corpus: &Corpus, item: Item) -> Related {
    let index = &corpus.index;
    let mut out = Related {
        origin: Some(item),
        ..Related::default()
    };
    let add = |out: &mut Related, item: Item| {
        if let Item::Paragraph(p) = item {
            out.paragraphs.insert(p);
        }
        if let Item::Citation(c) = item
            && let Some(citation) = index.citations.get(c)
        {
            out.paragraphs.insert(citation.paragraph);
        }
        out.items.insert(item);
    };
    let add_linked = |out: &mut Related, from: Item, kind: ItemKind| {
        for &position in index.linked(from, kind) {
            if let Some(linked) = Item::of_kind(kind, position) {
                add(out, linked);
            }
        }
    };
    add(&mut out, item);
    for spec in &KINDS {
        for link in spec.links {
            if spec.kind == item.kind() && link.follow != Follow::Never {
                add_linked(&mut out, item, link.to);
            }
            if link.to == item.kind() && link.follow == Follow::Both {
                add_linked(&mut out, item, spec.kind);
            }
        }
    }
    // What the text and the structure tie to an item, besides its declared links.
    match item {
        Item::Entity(e) => {
            for mention in index.entity_mentions.get(e).into_iter().flatten() {
                add(&mut out, Item::Paragraph(mention.paragraph));
            }
        }
        Item::Region(r) => {
            for &entity in index.entities_of_region(r) {
                add(&mut out, Item::Entity(entity));
            }
            for &case in index.linked(item, ItemKind::Case) {
                add_linked(&mut out, Item::Case(case), ItemKind::Paragraph);
            }
        }
        Item::Table(_) | Item::Figure(_) => {
            for &paragraph in index.paragraphs_naming(item) {
                add(&mut out, Item::Paragraph(paragraph));
            }
        }
        Item::Paragraph(p) => {
            for mark in index.paragraphs.get(p).into_iter().flat_map(|i| &i.floats) {
                add(&mut out, mark.item);
            }
            // A numbered equation: the paragraphs naming it ("Eq. (2)").
            for &paragraph in index.paragraphs_naming(item) {
                add(&mut out, Item::Paragraph(paragraph));
            }
        }
        Item::Section(s) => {
            for paragraph in index.section_paragraphs.get(s).cloned().unwrap_or_default() {
                add(&mut out, Item::Paragraph(paragraph));
            }
        }
        Item::SeriesPoint { series, point } => {
            for mention in corpus.point_year_mentions(series, point) {
                add(&mut out, Item::Paragraph(mention.paragraph));
            }
        }
        Item::Note(n) => {
            for target in corpus.file.notes.get(n).into_iter().flat_map(|n| &n.about) {
                if let NoteTarget::SeriesPoint { series, year } = target
                    && let Some(point) = series_point(corpus, series, *year)
                {
                    add(&mut out, point);
                }
            }
        }
        _ => {}
    }
    out
}

/// The point of the series with this id for `year`, when there is one.
fn series_point(corpus: &Corpus, series_id: &str, year: i32) -> Option<Item> {
    let series = corpus.file.series.iter().position(|s| s.id == series_id)?;
    let point = corpus
        .file
        .series
        .get(series)?
        .points
        .iter()
        .position(|p| p.year == year)?;
    Some(Item::SeriesPoint { series, point })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_relates_to_its_citing_paragraphs() {
        let corpus = Corpus::builtin();
        let Some(porter) = corpus.reference_by_id("porter1995") else {
            panic!("built-in corpus lacks porter1995");
        };
        let related = related(&corpus, Item::Reference(porter));
        assert_eq!(related.paragraphs.len(), 2);
        assert!(
            related
                .items
                .iter()
                .filter(|i| matches!(i, Item::Citation(_)))
                .count()
                == 2
        );
    }

    #[test]
    fn a_region_relates_to_its_rows_and_cases() {
        let corpus = Corpus::builtin();
        let Some(asean) = corpus.region_by_id("asean") else {
            panic!("built-in corpus lacks region asean");
        };
        let related = related(&corpus, Item::Region(asean));
        let rows = related
            .items
            .iter()
            .filter(|i| matches!(i, Item::TableRow(_)))
            .count();
        assert_eq!(rows, 3);
        assert!(related.items.iter().any(|i| matches!(i, Item::Case(_))));
    }
}

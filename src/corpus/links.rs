//! What is related to an item: the set every panel highlights when that item is selected or
//! hovered. Computed from the [`super::Index`], once per change of selection.

use std::collections::BTreeSet;

use super::Corpus;
use super::item::Item;

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

/// Everything related to `item` in `corpus`.
#[must_use]
pub fn related(corpus: &Corpus, item: Item) -> Related {
    let index = &corpus.index;
    let mut out = Related {
        origin: Some(item),
        ..Related::default()
    };
    out.items.insert(item);
    let add_all = |out: &mut Related, items: &mut dyn Iterator<Item = Item>| {
        for item in items {
            if let Item::Paragraph(p) = item {
                out.paragraphs.insert(p);
            }
            if let Item::Citation(c) = item
                && let Some(citation) = index.citations.get(c)
            {
                out.paragraphs.insert(citation.paragraph);
            }
            out.items.insert(item);
        }
    };
    let list = |lists: &Vec<Vec<usize>>, at: usize| lists.get(at).cloned().unwrap_or_default();
    match item {
        Item::Reference(r) => {
            add_all(
                &mut out,
                &mut list(&index.reference_citations, r)
                    .into_iter()
                    .map(Item::Citation),
            );
            add_all(
                &mut out,
                &mut list(&index.reference_cases, r).into_iter().map(Item::Case),
            );
            add_all(
                &mut out,
                &mut list(&index.reference_rows, r)
                    .into_iter()
                    .map(Item::TableRow),
            );
            add_all(
                &mut out,
                &mut list(&index.reference_series, r)
                    .into_iter()
                    .map(Item::Series),
            );
        }
        Item::Citation(c) => {
            if let Some(citation) = index.citations.get(c) {
                out.paragraphs.insert(citation.paragraph);
                add_all(
                    &mut out,
                    &mut citation.references.clone().into_iter().map(Item::Reference),
                );
            }
        }
        Item::Entity(e) => {
            let mentions = index.entity_mentions.get(e).cloned().unwrap_or_default();
            add_all(
                &mut out,
                &mut mentions.into_iter().map(|m| Item::Paragraph(m.paragraph)),
            );
            add_all(
                &mut out,
                &mut list(&index.entity_cases, e).into_iter().map(Item::Case),
            );
            add_all(
                &mut out,
                &mut list(&index.entity_rows, e).into_iter().map(Item::TableRow),
            );
            if let Some(entity) = corpus.file.entities.get(e) {
                let regions: Vec<Item> = entity
                    .regions
                    .iter()
                    .filter_map(|id| corpus.region_by_id(id))
                    .map(Item::Region)
                    .collect();
                add_all(&mut out, &mut regions.into_iter());
            }
        }
        Item::Region(r) => {
            add_all(
                &mut out,
                &mut list(&index.region_rows, r).into_iter().map(Item::TableRow),
            );
            add_all(
                &mut out,
                &mut list(&index.region_cases, r).into_iter().map(Item::Case),
            );
            add_all(
                &mut out,
                &mut list(&index.region_entities, r)
                    .into_iter()
                    .map(Item::Entity),
            );
            for case in list(&index.region_cases, r) {
                add_all(
                    &mut out,
                    &mut list(&index.case_paragraphs, case)
                        .into_iter()
                        .map(Item::Paragraph),
                );
            }
        }
        Item::Case(c) => {
            add_all(
                &mut out,
                &mut list(&index.case_paragraphs, c)
                    .into_iter()
                    .map(Item::Paragraph),
            );
            if let Some(case) = corpus.file.cases.get(c) {
                let mut linked: Vec<Item> = Vec::new();
                linked.extend(
                    case.references
                        .iter()
                        .filter_map(|id| corpus.reference_by_id(id))
                        .map(Item::Reference),
                );
                linked.extend(
                    case.entities
                        .iter()
                        .filter_map(|id| entity_position(corpus, id))
                        .map(Item::Entity),
                );
                linked.extend(corpus.region_by_id(&case.region).map(Item::Region));
                add_all(&mut out, &mut linked.into_iter());
            }
        }
        Item::TableRow(t) => {
            if let Some(row) = corpus.file.regional_table.rows.get(t) {
                let mut linked: Vec<Item> = Vec::new();
                linked.extend(
                    row.entities
                        .iter()
                        .filter_map(|id| entity_position(corpus, id))
                        .map(Item::Entity),
                );
                linked.extend(
                    row.references
                        .iter()
                        .filter_map(|id| corpus.reference_by_id(id))
                        .map(Item::Reference),
                );
                linked.extend(corpus.region_by_id(&row.region).map(Item::Region));
                add_all(&mut out, &mut linked.into_iter());
            }
        }
        Item::Paragraph(p) => {
            out.paragraphs.insert(p);
            add_all(
                &mut out,
                &mut list(&index.paragraph_cases, p).into_iter().map(Item::Case),
            );
        }
        Item::Section(s) => {
            let range = index.section_paragraphs.get(s).cloned().unwrap_or_default();
            add_all(&mut out, &mut range.map(Item::Paragraph));
        }
        Item::Series(s) => {
            if let Some(series) = corpus.file.series.get(s) {
                let mut linked: Vec<Item> = Vec::new();
                linked.extend(
                    series
                        .points
                        .iter()
                        .filter_map(|p| index.paragraph_by_id(&p.paragraph))
                        .map(Item::Paragraph),
                );
                linked.extend(
                    series
                        .references
                        .iter()
                        .filter_map(|id| corpus.reference_by_id(id))
                        .map(Item::Reference),
                );
                add_all(&mut out, &mut linked.into_iter());
            }
        }
        Item::SeriesPoint { series, point } => {
            let year = corpus
                .file
                .series
                .get(series)
                .and_then(|s| s.points.get(point))
                .map(|p| p.year);
            if let Some(year) = year {
                let mentions = index.year_mentions.get(&year).cloned().unwrap_or_default();
                add_all(
                    &mut out,
                    &mut mentions.into_iter().map(|m| Item::Paragraph(m.paragraph)),
                );
            }
        }
        Item::Note(n) => {
            let targets: Vec<Item> = index
                .notes_about
                .iter()
                .filter(|(_, notes)| notes.contains(&n))
                .map(|(item, _)| *item)
                .collect();
            add_all(&mut out, &mut targets.into_iter());
        }
    }
    out
}

fn entity_position(corpus: &Corpus, id: &str) -> Option<usize> {
    corpus.file.entities.iter().position(|e| e.id == id)
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

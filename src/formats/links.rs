//! A reference's cross-links (its number in the paper, the sentences citing it, its cases,
//! table rows and series), written into each export format's note field so that they survive
//! the trip to a reference manager.

use serde::Serialize;

use crate::corpus::cite::words;
use crate::corpus::{Corpus, Item, ItemKind};

/// One sentence of the paper that cites a reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CitedAt {
    /// The section, as its number and heading print it: `2 LITERATURE REVIEW`.
    pub section: String,
    /// The id of the paragraph.
    pub paragraph: String,
    /// The sentence as the paper prints it (citations as `[n]`).
    pub sentence: String,
}

/// A record a reference is linked to: its id and a label to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Linked {
    /// The record's id.
    pub id: String,
    /// Its title or name.
    pub label: String,
}

/// Everything a corpus links to one reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct CrossLinks {
    /// The title of the paper whose reference list holds the reference.
    pub paper: String,
    /// The number the paper prints for the reference (`[8]` → 8).
    pub number: u32,
    /// The sentences citing it, in reading order.
    pub cited_in: Vec<CitedAt>,
    /// The cases that list it.
    pub cases: Vec<Linked>,
    /// The regional-table rows that list it.
    pub table_rows: Vec<Linked>,
    /// The series that cite it as their source.
    pub series: Vec<Linked>,
}

/// The cross-links of the reference at `position`, or `None` when the corpus has no text (a
/// bibliography opened on its own has nothing to link) or there is no such reference.
#[must_use]
pub fn cross_links(corpus: &Corpus, position: usize) -> Option<CrossLinks> {
    if corpus.file.sections.is_empty() {
        return None;
    }
    let (_, number) = corpus.reference(position)?;
    let index = &corpus.index;
    let cited_in = index
        .linked(Item::Reference(position), ItemKind::Citation)
        .iter()
        .filter_map(|&citation| {
            let info = index.citations.get(citation)?;
            let section = corpus.section_of_paragraph(info.paragraph)?;
            let paragraph = corpus.paragraph(info.paragraph)?;
            Some(CitedAt {
                section: words(&[&section.number, &section.title]),
                paragraph: paragraph.id.clone(),
                sentence: index.citing_sentence(citation)?.trim().to_owned(),
            })
        })
        .collect();
    let linked = |kind: ItemKind, record: &dyn Fn(usize) -> Option<Linked>| {
        index
            .linked(Item::Reference(position), kind)
            .iter()
            .filter_map(|&p| record(p))
            .collect::<Vec<_>>()
    };
    let file = &corpus.file;
    Some(CrossLinks {
        paper: file.paper.title.clone(),
        number,
        cited_in,
        cases: linked(ItemKind::Case, &|p| {
            let case = file.cases.get(p)?;
            Some(Linked {
                id: case.id.clone(),
                label: case.title.clone(),
            })
        }),
        table_rows: linked(ItemKind::TableRow, &|p| {
            let (_, _, row) = file.table_row(p)?;
            Some(Linked {
                id: row.id.clone(),
                label: crate::corpus::display::row_title(corpus, p, row),
            })
        }),
        series: linked(ItemKind::Series, &|p| {
            let series = file.series.get(p)?;
            Some(Linked {
                id: series.id.clone(),
                label: series.title.clone(),
            })
        }),
    })
}

impl CrossLinks {
    /// The cross-links as lines of plain text, for note fields:
    ///
    /// ```text
    /// paperlens: reference [8] of “…paper title…”
    /// Cited in 1 INTRODUCTION (introduction.p2): “… [8].”
    /// Case: Labour trafficking in Southeast Asia (sea-labour-trafficking)
    /// ```
    #[must_use]
    pub fn note_lines(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "paperlens: reference [{}] of “{}”",
            self.number, self.paper
        )];
        if self.cited_in.is_empty() {
            lines.push("Not cited in the text.".to_owned());
        }
        for cited in &self.cited_in {
            lines.push(format!(
                "Cited in {} ({}): “{}”",
                cited.section, cited.paragraph, cited.sentence
            ));
        }
        for (what, records) in [
            ("Case", &self.cases),
            ("Table row", &self.table_rows),
            ("Series", &self.series),
        ] {
            for record in records {
                lines.push(format!("{what}: {} ({})", record.label, record.id));
            }
        }
        lines
    }

    /// [`Self::note_lines`] joined by newlines.
    #[must_use]
    pub fn note_text(&self) -> String {
        self.note_lines().join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cited_reference_lists_its_sentences_and_cases() {
        let corpus = Corpus::builtin();
        let position = corpus
            .reference_by_id("citaristi2022")
            .unwrap_or(usize::MAX);
        let links = cross_links(&corpus, position).unwrap_or_else(|| panic!("links"));
        assert_eq!(links.number, 1);
        assert!(!links.cited_in.is_empty());
        assert!(links.cited_in.iter().all(|c| c.sentence.contains("[1]")));
        assert!(links.cases.iter().any(|c| c.id == "sea-labour-trafficking"));
        let text = links.note_text();
        assert!(text.starts_with("paperlens: reference [1] of “Human Trafficking"));
        assert!(
            text.contains("Case: Labour trafficking in Southeast Asia (sea-labour-trafficking)")
        );
    }

    #[test]
    fn a_bibliography_without_text_has_no_cross_links() {
        let mut corpus = Corpus::builtin();
        corpus.file.sections.clear();
        assert_eq!(cross_links(&corpus, 0), None);
    }
}

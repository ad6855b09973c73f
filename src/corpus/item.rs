//! [`Item`]: every linkable thing in a corpus, by position, and its stable key.

use std::fmt;

use super::Corpus;

/// Every linkable thing in a loaded corpus, named by its position in the corpus.
///
/// Positions are cheap to copy and compare; [`Item::key`] gives the stable, id-based form used to
/// persist a selection or name one on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// A section, by position in `sections`.
    Section(usize),
    /// A paragraph, by position in reading order over all sections.
    Paragraph(usize),
    /// One in-text citation group, by position in reading order.
    Citation(usize),
    /// A reference, by position in `references`.
    Reference(usize),
    /// A case, by position in `cases`.
    Case(usize),
    /// A table row, by position over the rows of all tables in order.
    TableRow(usize),
    /// A region, by position in `regions`.
    Region(usize),
    /// An entity, by position in `entities`.
    Entity(usize),
    /// A series, by position in `series`.
    Series(usize),
    /// One point of a series.
    SeriesPoint {
        /// Position of the series.
        series: usize,
        /// Position of the point in the series.
        point: usize,
    },
    /// An editorial note, by position in `notes`.
    Note(usize),
    /// A table, by position in `tables`.
    Table(usize),
    /// A figure, by position in `figures`.
    Figure(usize),
    /// A footnote, by position in `footnotes`.
    Footnote(usize),
}

/// The kind of an [`Item`], for grouping and labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// See [`Item::Section`].
    Section,
    /// See [`Item::Paragraph`].
    Paragraph,
    /// See [`Item::Citation`].
    Citation,
    /// See [`Item::Reference`].
    Reference,
    /// See [`Item::Case`].
    Case,
    /// See [`Item::TableRow`].
    TableRow,
    /// See [`Item::Region`].
    Region,
    /// See [`Item::Entity`].
    Entity,
    /// See [`Item::Series`].
    Series,
    /// See [`Item::SeriesPoint`].
    SeriesPoint,
    /// See [`Item::Note`].
    Note,
    /// See [`Item::Table`].
    Table,
    /// See [`Item::Figure`].
    Figure,
    /// See [`Item::Footnote`].
    Footnote,
}

impl ItemKind {
    /// The prefix of this kind's keys, e.g. `"reference"`.
    #[must_use]
    pub fn key_prefix(self) -> &'static str {
        self.spec().key_prefix
    }

    /// A plural label for headings, e.g. `"References"`.
    #[must_use]
    pub fn plural_label(self) -> &'static str {
        self.spec().plural_label
    }

    /// The singular noun messages use, e.g. `"table row"`.
    #[must_use]
    pub fn noun(self) -> &'static str {
        self.spec().noun
    }
}

impl Item {
    /// This item's kind.
    #[must_use]
    pub fn kind(self) -> ItemKind {
        match self {
            Self::Section(_) => ItemKind::Section,
            Self::Paragraph(_) => ItemKind::Paragraph,
            Self::Citation(_) => ItemKind::Citation,
            Self::Reference(_) => ItemKind::Reference,
            Self::Case(_) => ItemKind::Case,
            Self::TableRow(_) => ItemKind::TableRow,
            Self::Region(_) => ItemKind::Region,
            Self::Entity(_) => ItemKind::Entity,
            Self::Series(_) => ItemKind::Series,
            Self::SeriesPoint { .. } => ItemKind::SeriesPoint,
            Self::Note(_) => ItemKind::Note,
            Self::Table(_) => ItemKind::Table,
            Self::Figure(_) => ItemKind::Figure,
            Self::Footnote(_) => ItemKind::Footnote,
        }
    }

    /// This item's position among the records of its kind (`None` for a series point, which is
    /// named by two positions).
    #[must_use]
    pub fn position(self) -> Option<usize> {
        match self {
            Self::Section(i)
            | Self::Paragraph(i)
            | Self::Citation(i)
            | Self::Reference(i)
            | Self::Case(i)
            | Self::TableRow(i)
            | Self::Region(i)
            | Self::Entity(i)
            | Self::Series(i)
            | Self::Note(i)
            | Self::Table(i)
            | Self::Figure(i)
            | Self::Footnote(i) => Some(i),
            Self::SeriesPoint { .. } => None,
        }
    }

    /// The item of `kind` at `position` (`None` for a series point).
    #[must_use]
    pub fn of_kind(kind: ItemKind, position: usize) -> Option<Self> {
        Some(match kind {
            ItemKind::Section => Self::Section(position),
            ItemKind::Paragraph => Self::Paragraph(position),
            ItemKind::Citation => Self::Citation(position),
            ItemKind::Reference => Self::Reference(position),
            ItemKind::Case => Self::Case(position),
            ItemKind::TableRow => Self::TableRow(position),
            ItemKind::Region => Self::Region(position),
            ItemKind::Entity => Self::Entity(position),
            ItemKind::Series => Self::Series(position),
            ItemKind::Note => Self::Note(position),
            ItemKind::Table => Self::Table(position),
            ItemKind::Figure => Self::Figure(position),
            ItemKind::Footnote => Self::Footnote(position),
            ItemKind::SeriesPoint => return None,
        })
    }

    /// The stable key of this item in `corpus`, e.g. `"reference:porter1995"`,
    /// `"point:victims/2022"`, `"citation:literature-review.p3/0"`; `None` if it does not exist.
    #[must_use]
    pub fn key(self, corpus: &Corpus) -> Option<ItemKey> {
        let file = &corpus.file;
        let index = &corpus.index;
        let id: String = match self {
            Self::Paragraph(i) => corpus.paragraph(i)?.id.clone(),
            Self::Citation(i) => {
                let citation = index.citations.get(i)?;
                let paragraph = corpus.paragraph(citation.paragraph)?;
                let nth = index
                    .paragraphs
                    .get(citation.paragraph)?
                    .citations
                    .clone()
                    .position(|c| c == i)?;
                format!("{}/{nth}", paragraph.id)
            }
            Self::SeriesPoint { series, point } => {
                let series = file.series.get(series)?;
                format!("{}/{}", series.id, series.points.get(point)?.year)
            }
            // Every other kind is one list of records with ids (see `kinds::KINDS`).
            _ => {
                let list = self.kind().spec().list.as_ref()?;
                (list.id)(file, self.position()?)?.to_owned()
            }
        };
        Some(ItemKey(format!("{}:{id}", self.kind().key_prefix())))
    }

    /// Finds the item a key names in `corpus`.
    #[must_use]
    pub fn from_key(key: &str, corpus: &Corpus) -> Option<Self> {
        let (prefix, id) = key.split_once(':')?;
        let file = &corpus.file;
        let index = &corpus.index;
        let kind = ItemKind::ALL
            .into_iter()
            .find(|kind| kind.key_prefix() == prefix)?;
        Some(match kind {
            ItemKind::Paragraph => Self::Paragraph(index.paragraph_by_id(id)?),
            ItemKind::Citation => {
                let (paragraph_id, nth) = id.rsplit_once('/')?;
                let paragraph = index.paragraphs.get(index.paragraph_by_id(paragraph_id)?)?;
                Self::Citation(paragraph.citations.clone().nth(nth.parse().ok()?)?)
            }
            ItemKind::SeriesPoint => {
                let (series_id, year) = id.rsplit_once('/')?;
                let year: i32 = year.parse().ok()?;
                let series = file.series.iter().position(|s| s.id == series_id)?;
                let point = file
                    .series
                    .get(series)?
                    .points
                    .iter()
                    .position(|p| p.year == year)?;
                Self::SeriesPoint { series, point }
            }
            // Every other kind is one list of records with ids (see `kinds::KINDS`).
            _ => {
                let list = kind.spec().list.as_ref()?;
                let position = (0..(list.len)(file)).find(|&i| (list.id)(file, i) == Some(id))?;
                Self::of_kind(kind, position)?
            }
        })
    }
}

/// The stable, id-based name of an [`Item`], e.g. `"reference:porter1995"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ItemKey(pub String);

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

//! Record kinds, declared once: each kind's names and the links its records hold to records of
//! other kinds.
//!
//! Validation of links ([`super::validate`]), the cross-link index ([`super::Index::linked`])
//! and what is related to an item ([`super::links::related`]) all derive from [`KINDS`]. Adding
//! a record kind means: its model type, its [`ItemKind`], and one [`KindSpec`] here (then its
//! drawing function in the window).

use std::collections::HashMap;

use super::diagnostics::{Code, JsonPath};
use super::item::ItemKind;
use super::model::{CorpusFile, NoteTarget};

/// One record kind: its names, where its records are, and the links they hold.
#[derive(Debug)]
pub struct KindSpec {
    /// The kind this declares.
    pub kind: ItemKind,
    /// The singular noun messages use, e.g. `"table row"`.
    pub noun: &'static str,
    /// The prefix of this kind's stable keys, e.g. `"row"` in `row:asean-1`.
    pub key_prefix: &'static str,
    /// A plural label for headings, e.g. `"Table rows"`.
    pub plural_label: &'static str,
    /// Where the records are, when they are one list in the file with an id each (`None` for
    /// paragraphs, which sit inside sections, and for citations and points, which have no id).
    pub list: Option<RecordList>,
    /// The links every record of this kind may hold.
    pub links: &'static [LinkSpec],
}

/// A kind's records as one list in the file.
#[derive(Debug)]
pub struct RecordList {
    /// The JSON path of the record at a position, e.g. `$.tables[0].rows[3]`.
    pub path: fn(&CorpusFile, usize) -> JsonPath,
    /// How many records there are.
    pub len: fn(&CorpusFile) -> usize,
    /// The id of the record at a position.
    pub id: fn(&CorpusFile, usize) -> Option<&str>,
}

impl RecordList {
    /// The JSON path of the record at `position`, e.g. `$.tables[0].rows[3]`.
    #[must_use]
    pub fn record_path(&self, file: &CorpusFile, position: usize) -> JsonPath {
        (self.path)(file, position)
    }
}

/// One link: a field of a record naming records of another kind by id.
#[derive(Debug)]
pub struct LinkSpec {
    /// The field's JSON key, e.g. `"references"`.
    pub field: &'static str,
    /// The kind the ids name.
    pub to: ItemKind,
    /// How the field holds its ids.
    pub ids: Ids,
    /// The diagnostic an id that names no record raises.
    pub dangling: Code,
    /// Which way [`super::links::related`] follows the link.
    pub follow: Follow,
}

/// How a link's field holds its ids.
#[derive(Debug)]
pub enum Ids {
    /// One id (`"region": "asean"`); an optional field gives `None` when absent.
    One(fn(&CorpusFile, usize) -> Option<&str>),
    /// A list of ids (`"references": ["a", "b"]`).
    Many(fn(&CorpusFile, usize) -> &[String]),
    /// One id in each element of a list of the record (`"points": [{"paragraph": "p1"}, …]`):
    /// the list's key, its length, and the id of element `j`, if it has one in this field.
    InEach {
        /// The list's JSON key, e.g. `"points"`.
        list: &'static str,
        /// How many elements the record's list has.
        len: fn(&CorpusFile, usize) -> usize,
        /// The id element `j` holds in this field.
        id: fn(&CorpusFile, usize, usize) -> Option<&str>,
    },
    /// Written in the paragraphs' text as `[@key]` (citations) or `[^id]` (footnote markers):
    /// the text pass of the index finds these, and validation reports unknown keys and ids.
    InText,
}

/// Which way "what is related" follows a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Follow {
    /// Both ways: a case relates to its region, and the region to its cases.
    Both,
    /// From the record to what it names only: a note relates to what it is about, but a
    /// reference does not relate to the notes about it (the index still knows them).
    Forward,
    /// Not at all, and the link is not in the index: it is only checked (a section's parent
    /// builds the outline instead).
    Never,
}

impl LinkSpec {
    /// Calls `visit(element, id)` for every id this link holds in the record at `position`;
    /// `element` is the position in the list for [`Ids::Many`] and [`Ids::InEach`], 0 for
    /// [`Ids::One`].
    pub fn for_each_id<'a>(
        &self,
        file: &'a CorpusFile,
        position: usize,
        mut visit: impl FnMut(usize, &'a str),
    ) {
        match self.ids {
            Ids::One(id) => {
                if let Some(id) = id(file, position) {
                    visit(0, id);
                }
            }
            Ids::Many(ids) => {
                for (element, id) in ids(file, position).iter().enumerate() {
                    visit(element, id);
                }
            }
            Ids::InEach { len, id, .. } => {
                for element in 0..len(file, position) {
                    if let Some(id) = id(file, position, element) {
                        visit(element, id);
                    }
                }
            }
            Ids::InText => {}
        }
    }

    /// The JSON path of the id at `element` of this link, in the record at `record`.
    #[must_use]
    pub fn id_path(&self, record: &JsonPath, element: usize) -> JsonPath {
        match self.ids {
            Ids::One(_) | Ids::InText => record.key(self.field),
            Ids::Many(_) => record.key(self.field).index(element),
            Ids::InEach { list, .. } => record.key(list).index(element).key(self.field),
        }
    }
}

impl ItemKind {
    /// Every kind, in the order of [`KINDS`].
    pub const ALL: [Self; 14] = [
        Self::Section,
        Self::Paragraph,
        Self::Citation,
        Self::Reference,
        Self::Case,
        Self::TableRow,
        Self::Region,
        Self::Entity,
        Self::Series,
        Self::SeriesPoint,
        Self::Note,
        Self::Table,
        Self::Figure,
        Self::Footnote,
    ];

    /// This kind's declaration.
    #[must_use]
    pub fn spec(self) -> &'static KindSpec {
        // `KINDS` lists every kind in declaration order (a test checks it).
        &KINDS[self as usize]
    }
}

/// A link to a reference in a list field.
const fn references(ids: fn(&CorpusFile, usize) -> &[String], follow: Follow) -> LinkSpec {
    LinkSpec {
        field: "references",
        to: ItemKind::Reference,
        ids: Ids::Many(ids),
        dangling: Code::UnknownReference,
        follow,
    }
}

/// A note's link to one kind of target, in `about[j].<field>`.
const fn about(
    field: &'static str,
    to: ItemKind,
    dangling: Code,
    id: fn(&CorpusFile, usize, usize) -> Option<&str>,
) -> LinkSpec {
    LinkSpec {
        field,
        to,
        ids: Ids::InEach {
            list: "about",
            len: |file, note| file.notes.get(note).map_or(0, |n| n.about.len()),
            id,
        },
        dangling,
        follow: Follow::Forward,
    }
}

/// The target a note names at `about[j]`.
fn note_target(file: &CorpusFile, note: usize, j: usize) -> Option<&NoteTarget> {
    file.notes.get(note)?.about.get(j)
}

/// Every record kind, in the order of [`ItemKind`].
pub static KINDS: [KindSpec; 14] = [
    KindSpec {
        kind: ItemKind::Section,
        noun: "section",
        key_prefix: "section",
        plural_label: "Sections",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("sections").index(i),
            len: |file| file.sections.len(),
            id: |file, i| file.sections.get(i).map(|s| s.id.as_str()),
        }),
        links: &[
            LinkSpec {
                field: "parent",
                to: ItemKind::Section,
                ids: Ids::One(|file, i| file.sections.get(i)?.parent.as_deref()),
                dangling: Code::UnknownSection,
                follow: Follow::Never,
            },
            LinkSpec {
                field: "after_paragraph",
                to: ItemKind::Paragraph,
                ids: Ids::One(|file, i| file.sections.get(i)?.after_paragraph.as_deref()),
                dangling: Code::UnknownParagraph,
                follow: Follow::Never,
            },
        ],
    },
    KindSpec {
        kind: ItemKind::Paragraph,
        noun: "paragraph",
        key_prefix: "paragraph",
        plural_label: "Paragraphs",
        list: None,
        links: &[LinkSpec {
            field: "text",
            to: ItemKind::Footnote,
            ids: Ids::InText,
            dangling: Code::UnknownFootnote,
            follow: Follow::Both,
        }],
    },
    KindSpec {
        kind: ItemKind::Citation,
        noun: "citation",
        key_prefix: "citation",
        plural_label: "Citations",
        list: None,
        links: &[LinkSpec {
            field: "text",
            to: ItemKind::Reference,
            ids: Ids::InText,
            dangling: Code::UnknownCitationKey,
            follow: Follow::Both,
        }],
    },
    KindSpec {
        kind: ItemKind::Reference,
        noun: "reference",
        key_prefix: "reference",
        plural_label: "References",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("references").index(i),
            len: |file| file.references.len(),
            id: |file, i| file.references.get(i).map(|r| r.id.as_str()),
        }),
        links: &[],
    },
    KindSpec {
        kind: ItemKind::Case,
        noun: "case",
        key_prefix: "case",
        plural_label: "Cases",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("cases").index(i),
            len: |file| file.cases.len(),
            id: |file, i| file.cases.get(i).map(|c| c.id.as_str()),
        }),
        links: &[
            LinkSpec {
                field: "region",
                to: ItemKind::Region,
                ids: Ids::One(|file, i| file.cases.get(i)?.region.as_deref()),
                dangling: Code::UnknownRegion,
                follow: Follow::Both,
            },
            LinkSpec {
                field: "paragraphs",
                to: ItemKind::Paragraph,
                ids: Ids::Many(|file, i| file.cases.get(i).map_or(&[], |c| &c.paragraphs)),
                dangling: Code::UnknownParagraph,
                follow: Follow::Both,
            },
            references(
                |file, i| file.cases.get(i).map_or(&[], |c| &c.references),
                Follow::Both,
            ),
            LinkSpec {
                field: "entities",
                to: ItemKind::Entity,
                ids: Ids::Many(|file, i| file.cases.get(i).map_or(&[], |c| &c.entities)),
                dangling: Code::UnknownEntity,
                follow: Follow::Both,
            },
        ],
    },
    KindSpec {
        kind: ItemKind::TableRow,
        noun: "table row",
        key_prefix: "row",
        plural_label: "Table rows",
        list: Some(RecordList {
            path: |file, i| match file.table_row(i) {
                Some((table, row, _)) => JsonPath::root()
                    .key("tables")
                    .index(table)
                    .key("rows")
                    .index(row),
                None => JsonPath::root().key("tables"),
            },
            len: CorpusFile::table_row_count,
            id: |file, i| file.table_row(i).map(|(_, _, r)| r.id.as_str()),
        }),
        links: &[
            LinkSpec {
                field: "region",
                to: ItemKind::Region,
                ids: Ids::One(|file, i| file.table_row(i)?.2.region.as_deref()),
                dangling: Code::UnknownRegion,
                follow: Follow::Both,
            },
            LinkSpec {
                field: "entities",
                to: ItemKind::Entity,
                ids: Ids::Many(|file, i| file.table_row(i).map_or(&[], |(_, _, r)| &r.entities)),
                dangling: Code::UnknownEntity,
                follow: Follow::Both,
            },
            references(
                |file, i| file.table_row(i).map_or(&[], |(_, _, r)| &r.references),
                Follow::Both,
            ),
            LinkSpec {
                field: "cases",
                to: ItemKind::Case,
                ids: Ids::Many(|file, i| file.table_row(i).map_or(&[], |(_, _, r)| &r.cases)),
                dangling: Code::UnknownCase,
                follow: Follow::Both,
            },
        ],
    },
    KindSpec {
        kind: ItemKind::Region,
        noun: "region",
        key_prefix: "region",
        plural_label: "Regions",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("regions").index(i),
            len: |file| file.regions.len(),
            id: |file, i| file.regions.get(i).map(|r| r.id.as_str()),
        }),
        links: &[],
    },
    KindSpec {
        kind: ItemKind::Entity,
        noun: "entity",
        key_prefix: "entity",
        plural_label: "Entities",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("entities").index(i),
            len: |file| file.entities.len(),
            id: |file, i| file.entities.get(i).map(|e| e.id.as_str()),
        }),
        links: &[LinkSpec {
            field: "regions",
            to: ItemKind::Region,
            ids: Ids::Many(|file, i| file.entities.get(i).map_or(&[], |e| &e.regions)),
            dangling: Code::UnknownRegion,
            follow: Follow::Both,
        }],
    },
    KindSpec {
        kind: ItemKind::Series,
        noun: "series",
        key_prefix: "series",
        plural_label: "Series",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("series").index(i),
            len: |file| file.series.len(),
            id: |file, i| file.series.get(i).map(|s| s.id.as_str()),
        }),
        links: &[
            references(
                |file, i| file.series.get(i).map_or(&[], |s| &s.references),
                Follow::Both,
            ),
            LinkSpec {
                field: "figure",
                to: ItemKind::Figure,
                ids: Ids::One(|file, i| file.series.get(i)?.figure.as_deref()),
                dangling: Code::UnknownFigure,
                follow: Follow::Both,
            },
            LinkSpec {
                field: "paragraph",
                to: ItemKind::Paragraph,
                ids: Ids::InEach {
                    list: "points",
                    len: |file, i| file.series.get(i).map_or(0, |s| s.points.len()),
                    id: |file, i, j| file.series.get(i)?.points.get(j)?.paragraph.as_deref(),
                },
                dangling: Code::UnknownParagraph,
                follow: Follow::Forward,
            },
            LinkSpec {
                field: "figure",
                to: ItemKind::Figure,
                ids: Ids::InEach {
                    list: "points",
                    len: |file, i| file.series.get(i).map_or(0, |s| s.points.len()),
                    id: |file, i, j| file.series.get(i)?.points.get(j)?.figure.as_deref(),
                },
                dangling: Code::UnknownFigure,
                follow: Follow::Forward,
            },
            LinkSpec {
                field: "paragraph",
                to: ItemKind::Paragraph,
                ids: Ids::InEach {
                    list: "annotations",
                    len: |file, i| file.series.get(i).map_or(0, |s| s.annotations.len()),
                    id: |file, i, j| file.series.get(i)?.annotations.get(j)?.paragraph.as_deref(),
                },
                dangling: Code::UnknownParagraph,
                follow: Follow::Never,
            },
        ],
    },
    KindSpec {
        kind: ItemKind::SeriesPoint,
        noun: "point",
        key_prefix: "point",
        plural_label: "Data points",
        list: None,
        links: &[],
    },
    KindSpec {
        kind: ItemKind::Note,
        noun: "note",
        key_prefix: "note",
        plural_label: "Editorial notes",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("notes").index(i),
            len: |file| file.notes.len(),
            id: |file, i| file.notes.get(i).map(|n| n.id.as_str()),
        }),
        // A note about a series point (`series_point: {series, year}`) names a series and a
        // year, not an id: validation and the index handle it on their own.
        links: &[
            about(
                "reference",
                ItemKind::Reference,
                Code::UnknownReference,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::Reference(id) => Some(id),
                    _ => None,
                },
            ),
            about(
                "paragraph",
                ItemKind::Paragraph,
                Code::UnknownParagraph,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::Paragraph(id) => Some(id),
                    _ => None,
                },
            ),
            about(
                "series",
                ItemKind::Series,
                Code::UnknownSeries,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::Series(id) => Some(id),
                    _ => None,
                },
            ),
            about(
                "case",
                ItemKind::Case,
                Code::UnknownCase,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::Case(id) => Some(id),
                    _ => None,
                },
            ),
            about(
                "entity",
                ItemKind::Entity,
                Code::UnknownEntity,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::Entity(id) => Some(id),
                    _ => None,
                },
            ),
            about(
                "table_row",
                ItemKind::TableRow,
                Code::UnknownTableRow,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::TableRow(id) => Some(id),
                    _ => None,
                },
            ),
            about(
                "table",
                ItemKind::Table,
                Code::UnknownTable,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::Table(id) => Some(id),
                    _ => None,
                },
            ),
            about(
                "figure",
                ItemKind::Figure,
                Code::UnknownFigure,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::Figure(id) => Some(id),
                    _ => None,
                },
            ),
            about(
                "footnote",
                ItemKind::Footnote,
                Code::UnknownFootnote,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::Footnote(id) => Some(id),
                    _ => None,
                },
            ),
            about(
                "region",
                ItemKind::Region,
                Code::UnknownRegion,
                |file, i, j| match note_target(file, i, j)? {
                    NoteTarget::Region(id) => Some(id),
                    _ => None,
                },
            ),
        ],
    },
    KindSpec {
        kind: ItemKind::Table,
        noun: "table",
        key_prefix: "table",
        plural_label: "Tables",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("tables").index(i),
            len: |file| file.tables.len(),
            id: |file, i| file.tables.get(i).map(|t| t.id.as_str()),
        }),
        links: &[
            LinkSpec {
                field: "section",
                to: ItemKind::Section,
                ids: Ids::One(|file, i| file.tables.get(i)?.section.as_deref()),
                dangling: Code::UnknownSection,
                follow: Follow::Never,
            },
            LinkSpec {
                field: "after_paragraph",
                to: ItemKind::Paragraph,
                ids: Ids::One(|file, i| file.tables.get(i)?.after_paragraph.as_deref()),
                dangling: Code::UnknownParagraph,
                follow: Follow::Never,
            },
            references(
                |file, i| file.tables.get(i).map_or(&[], |t| &t.references),
                Follow::Both,
            ),
        ],
    },
    KindSpec {
        kind: ItemKind::Figure,
        noun: "figure",
        key_prefix: "figure",
        plural_label: "Figures",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("figures").index(i),
            len: |file| file.figures.len(),
            id: |file, i| file.figures.get(i).map(|f| f.id.as_str()),
        }),
        links: &[
            LinkSpec {
                field: "section",
                to: ItemKind::Section,
                ids: Ids::One(|file, i| file.figures.get(i)?.section.as_deref()),
                dangling: Code::UnknownSection,
                follow: Follow::Never,
            },
            LinkSpec {
                field: "after_paragraph",
                to: ItemKind::Paragraph,
                ids: Ids::One(|file, i| file.figures.get(i)?.after_paragraph.as_deref()),
                dangling: Code::UnknownParagraph,
                follow: Follow::Never,
            },
            LinkSpec {
                field: "source_paragraph",
                to: ItemKind::Paragraph,
                ids: Ids::One(|file, i| file.figures.get(i)?.source_paragraph.as_deref()),
                dangling: Code::UnknownParagraph,
                follow: Follow::Both,
            },
            references(
                |file, i| file.figures.get(i).map_or(&[], |f| &f.references),
                Follow::Both,
            ),
            LinkSpec {
                field: "footnotes",
                to: ItemKind::Footnote,
                ids: Ids::Many(|file, i| file.figures.get(i).map_or(&[], |f| &f.footnotes)),
                dangling: Code::UnknownFootnote,
                follow: Follow::Both,
            },
        ],
    },
    KindSpec {
        kind: ItemKind::Footnote,
        noun: "footnote",
        key_prefix: "footnote",
        plural_label: "Footnotes",
        list: Some(RecordList {
            path: |_, i| JsonPath::root().key("footnotes").index(i),
            len: |file| file.footnotes.len(),
            id: |file, i| file.footnotes.get(i).map(|f| f.id.as_str()),
        }),
        links: &[references(
            |file, i| file.footnotes.get(i).map_or(&[], |f| &f.references),
            Follow::Both,
        )],
    },
];

/// The position of every id of every kind, built once at load and shared by validation and the
/// index. Where an id is used twice, the first record wins (validation reports the second); a
/// blank id names nothing.
#[derive(Debug, Default)]
pub struct IdMaps<'a> {
    /// For each kind (by [`ItemKind`] order), id → position of its first record.
    positions: Vec<HashMap<&'a str, usize>>,
    /// For each paragraph in reading order: its section's position and its position inside it.
    pub paragraph_places: Vec<(usize, usize)>,
}

impl<'a> IdMaps<'a> {
    /// Collects the ids of every kind that has them.
    #[must_use]
    pub fn new(file: &'a CorpusFile) -> Self {
        let mut positions = vec![HashMap::new(); ItemKind::ALL.len()];
        for spec in &KINDS {
            let (Some(list), Some(map)) = (&spec.list, positions.get_mut(spec.kind as usize))
            else {
                continue;
            };
            let len = (list.len)(file);
            map.reserve(len);
            for position in 0..len {
                if let Some(id) = (list.id)(file, position).filter(|id| !id.trim().is_empty()) {
                    map.entry(id).or_insert(position);
                }
            }
        }
        let mut paragraph_places = Vec::new();
        let mut paragraphs = HashMap::new();
        for (section_position, section) in file.sections.iter().enumerate() {
            for (position_in_section, paragraph) in section.paragraphs.iter().enumerate() {
                if !paragraph.id.trim().is_empty() {
                    paragraphs
                        .entry(paragraph.id.as_str())
                        .or_insert(paragraph_places.len());
                }
                paragraph_places.push((section_position, position_in_section));
            }
        }
        if let Some(slot) = positions.get_mut(ItemKind::Paragraph as usize) {
            *slot = paragraphs;
        }
        Self {
            positions,
            paragraph_places,
        }
    }

    /// The position of the first record of `kind` with this id (paragraphs in reading order).
    #[must_use]
    pub fn position(&self, kind: ItemKind, id: &str) -> Option<usize> {
        self.positions.get(kind as usize)?.get(id).copied()
    }

    /// Every id of `kind`, sorted (what a "did you mean" chooses from); none when there are
    /// more than `at_most`.
    #[must_use]
    pub fn ids_of(&self, kind: ItemKind, at_most: usize) -> Vec<&'a str> {
        let mut ids: Vec<&str> = self
            .positions
            .get(kind as usize)
            .filter(|map| map.len() <= at_most)
            .map(|map| map.keys().copied().collect())
            .unwrap_or_default();
        ids.sort_unstable();
        ids
    }

    /// Whether a record of `kind` has this id.
    #[must_use]
    pub fn contains(&self, kind: ItemKind, id: &str) -> bool {
        self.position(kind, id).is_some()
    }

    /// The JSON path of a paragraph by its reading-order position.
    #[must_use]
    pub fn paragraph_path(&self, position: usize) -> Option<JsonPath> {
        let &(section, paragraph) = self.paragraph_places.get(position)?;
        Some(
            JsonPath::root()
                .key("sections")
                .index(section)
                .key("paragraphs")
                .index(paragraph),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_declared_in_the_order_of_item_kind() {
        for (position, kind) in ItemKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, position);
            assert_eq!(kind.spec().kind, kind);
        }
    }

    #[test]
    fn kinds_with_links_have_a_list_to_find_their_records() {
        for spec in &KINDS {
            let listed_links = spec.links.iter().any(|l| !matches!(l.ids, Ids::InText));
            assert!(!listed_links || spec.list.is_some(), "{:?}", spec.kind);
        }
    }
}

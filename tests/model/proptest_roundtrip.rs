//! Property tests: generated corpora and references survive being written and read back.
//!
//! - A generated corpus (valid ids, paragraphs citing existing references, points whose status
//!   agrees with their value, links only to records that exist) serialises to JSON and loads
//!   back equal, with no error.
//! - A reference serialises to a CSL-JSON item and reads back equal, alone and through the
//!   CSL-JSON importer.
//!
//! BibTeX and RIS round trips are in `proptest_bibliography.rs`. Case counts are modest (64)
//! so the suite stays fast.

// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use paperlens::corpus::model::{
    Annotation, Author, Case, CaseKind, Column, ColumnKind, CorpusFile, CslDate, CslName,
    CustomData, Entity, EntityKind, FORMAT_V2, Figure, HeaderCell, HistoryEvent, License, Note,
    NoteKind, NoteTarget, Paper, PaperlensData, Paragraph, ParagraphKind, PointStatus, Reference,
    Region, Section, Series, SeriesPoint, Table, TableFootnote, TableRow, TourStep,
};
use paperlens::open::open_text;
use proptest::prelude::*;
use serde_json::Value;

/// Cases per property: modest, so the suite stays fast.
pub(crate) fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies

/// Text that is not blank: a visible first character, then anything but the citation
/// brackets (which [`paragraph_text`] places itself) and the dollars of inline math: any
/// script, controls, odd spaces.
fn text() -> impl Strategy<Value = String> {
    ("[A-Za-zÀ-ÿΑ-ωА-яء-يא-ת一-龥0-9]", "[^\\[\\]@$]{0,24}").prop_map(|(a, b)| a + &b)
}

/// Text that may be empty.
fn maybe_text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), text()]
}

/// An id stem: letters (any script), digits and the punctuation ids use, never blank.
fn id_stem() -> impl Strategy<Value = String> {
    "[a-zà-ÿα-ω][a-z0-9à-ÿ_.:/-]{0,6}"
}

fn year() -> impl Strategy<Value = i32> {
    1800..2100i32
}

/// Ingredients of a corpus; [`build`] turns them into a valid one (ids made unique by an
/// index, links picked among the records that exist).
#[derive(Clone, Debug)]
struct Ingredients {
    stems: Vec<String>,
    texts: Vec<String>,
    optional: Vec<String>,
    numbers: Vec<u32>,
    years: Vec<i32>,
    flags: Vec<bool>,
    sections: usize,
    paragraphs: usize,
    references: usize,
    entities: usize,
    regions: usize,
    rows: usize,
    cases: usize,
    points: usize,
    notes: usize,
}

fn ingredients() -> impl Strategy<Value = Ingredients> {
    (
        (
            prop::collection::vec(id_stem(), 1..6),
            prop::collection::vec(text(), 1..12),
            prop::collection::vec(maybe_text(), 1..8),
            prop::collection::vec(any::<u32>(), 16..32),
            prop::collection::vec(year(), 1..8),
            prop::collection::vec(any::<bool>(), 16..32),
        ),
        (
            1..5usize,
            1..6usize,
            1..6usize,
            0..4usize,
            1..3usize,
            0..4usize,
            0..4usize,
            0..6usize,
            0..4usize,
        ),
    )
        .prop_map(
            |(
                (stems, texts, optional, numbers, years, flags),
                (sections, paragraphs, references, entities, regions, rows, cases, points, notes),
            )| Ingredients {
                stems,
                texts,
                optional,
                numbers,
                years,
                flags,
                sections,
                paragraphs,
                references,
                entities,
                regions,
                rows,
                cases,
                points,
                notes,
            },
        )
}

impl Ingredients {
    fn stem(&self, i: usize) -> &str {
        &self.stems[i % self.stems.len()]
    }
    fn text(&self, i: usize) -> String {
        self.texts[i % self.texts.len()].clone()
    }
    fn optional(&self, i: usize) -> String {
        self.optional[i % self.optional.len()].clone()
    }
    fn number(&self, i: usize) -> u32 {
        self.numbers[i % self.numbers.len()]
    }
    fn pick(&self, i: usize, n: usize) -> usize {
        self.number(i) as usize % n.max(1)
    }
    /// A month (`count` 12) or a day (`count` 28), from 1.
    fn calendar_number(&self, i: usize, count: u8) -> i32 {
        1 + i32::from(u8::try_from(self.pick(i, usize::from(count))).unwrap_or(0))
    }
    fn flag(&self, i: usize) -> bool {
        self.flags[i % self.flags.len()]
    }
    fn id(&self, kind: &str, i: usize) -> String {
        format!("{}-{kind}{i}", self.stem(i))
    }
}

/// A paragraph's text: plain runs, with a citation group (of existing keys) after each.
fn paragraph_text(ing: &Ingredients, seed: usize, keys: &[String]) -> String {
    let mut text = ing.text(seed);
    let groups = ing.pick(seed, 3);
    for g in 0..groups {
        let size = 1 + ing.pick(seed + g, 3);
        let group: Vec<String> = (0..size)
            .map(|k| format!("@{}", keys[ing.pick(seed + g + k + 1, keys.len())]))
            .collect();
        let _ = write!(text, " [{}] ", group.join("; "));
        text.push_str(&ing.optional(seed + g));
    }
    text
}

fn name(ing: &Ingredients, i: usize) -> CslName {
    if ing.flag(i) {
        CslName {
            literal: ing.text(i),
            ..CslName::default()
        }
    } else {
        CslName {
            family: ing.text(i),
            given: ing.optional(i + 1),
            non_dropping_particle: if ing.flag(i + 1) {
                "van der".to_owned()
            } else {
                String::new()
            },
            ..Default::default()
        }
    }
}

fn date(ing: &Ingredients, i: usize) -> CslDate {
    let year = ing.years[i % ing.years.len()];
    let parts = match ing.pick(i, 3) {
        0 => vec![year],
        1 => vec![year, ing.calendar_number(i + 1, 12)],
        _ => vec![
            year,
            ing.calendar_number(i + 1, 12),
            ing.calendar_number(i + 2, 28),
        ],
    };
    let mut date_parts = vec![parts];
    if ing.flag(i + 3) {
        date_parts.push(vec![year + 1]);
    }
    CslDate {
        date_parts,
        literal: if ing.flag(i + 4) {
            ing.text(i)
        } else {
            String::new()
        },
        ..CslDate::default()
    }
}

fn reference(ing: &Ingredients, i: usize, id: String) -> Reference {
    const TYPES: [&str; 6] = [
        "article-journal",
        "book",
        "chapter",
        "report",
        "thesis",
        "webpage",
    ];
    let mut extra = BTreeMap::new();
    if ing.flag(i + 5) {
        extra.insert("ISBN".to_owned(), Value::String(ing.text(i + 2)));
    }
    if ing.flag(i + 6) {
        extra.insert(
            "custom-field".to_owned(),
            serde_json::json!({"n": ing.number(i), "list": [true, null, ing.text(i)]}),
        );
    }
    Reference {
        id,
        item_type: TYPES[ing.pick(i, TYPES.len())].to_owned(),
        citation_number: ing.flag(i).then_some(u32::try_from(i + 1).unwrap_or(1)),
        title: ing.text(i + 1),
        author: (0..ing.pick(i, 3)).map(|k| name(ing, i + k)).collect(),
        editor: (0..ing.pick(i + 1, 2))
            .map(|k| name(ing, i + k + 7))
            .collect(),
        issued: ing.flag(i + 2).then(|| date(ing, i)),
        container_title: ing.optional(i),
        volume: ing.optional(i + 1),
        issue: ing.optional(i + 2),
        page: ing.optional(i + 3),
        publisher: ing.optional(i + 4),
        publisher_place: ing.optional(i + 5),
        doi: if ing.flag(i + 7) {
            format!("10.{}/{}", 1000 + ing.pick(i, 9000), ing.stem(i))
        } else {
            String::new()
        },
        url: if ing.flag(i + 8) {
            format!("https://example.org/{}", ing.stem(i))
        } else {
            String::new()
        },
        note: ing.optional(i + 6),
        // The entry as printed, now and then, beside another tool's data.
        custom: CustomData {
            paperlens: PaperlensData {
                printed: ing.optional(i + 9),
                ..PaperlensData::default()
            },
            extra: if ing.flag(i + 9) {
                BTreeMap::from([("zotero".to_owned(), Value::from(ing.number(i)))])
            } else {
                BTreeMap::new()
            },
        },
        extra,
    }
}

/// A valid corpus from the ingredients.
fn build(ing: &Ingredients) -> CorpusFile {
    let reference_ids: Vec<String> = (0..ing.references).map(|i| ing.id("ref", i)).collect();
    let region_ids: Vec<String> = (0..ing.regions).map(|i| ing.id("region", i)).collect();
    let entity_ids: Vec<String> = (0..ing.entities).map(|i| ing.id("entity", i)).collect();
    let (sections, paragraph_ids) = sections(ing, &reference_ids);
    let references = (reference_ids.iter().enumerate())
        .map(|(i, id)| reference(ing, i, id.clone()))
        .collect();
    let entities = entity_ids
        .iter()
        .enumerate()
        .map(|(i, id)| Entity {
            id: id.clone(),
            name: ing.text(i + 2),
            kind: EntityKind::ALL[ing.pick(i, EntityKind::ALL.len())],
            aliases: (0..ing.pick(i, 3)).map(|k| ing.text(i + k)).collect(),
            description: ing.text(i + 4),
            regions: (0..ing.pick(i + 1, 2))
                .map(|k| region_ids[ing.pick(i + k, region_ids.len())].clone())
                .collect(),
            since: None,
        })
        .collect();
    let rows: Vec<TableRow> = (0..ing.rows)
        .map(|i| TableRow {
            id: ing.id("row", i),
            region: Some(region_ids[ing.pick(i, region_ids.len())].clone()),
            cells: vec![
                ing.text(i),
                ing.text(i + 1),
                ing.optional(i),
                ing.optional(i + 1),
            ],
            cases: Vec::new(),
            entities: if entity_ids.is_empty() {
                Vec::new()
            } else {
                vec![entity_ids[ing.pick(i, entity_ids.len())].clone()]
            },
            references: vec![reference_ids[ing.pick(i + 1, reference_ids.len())].clone()],
        })
        .collect();
    let cases: Vec<Case> = (0..ing.cases)
        .map(|i| Case {
            id: ing.id("case", i),
            title: ing.text(i),
            kind: if ing.flag(i) {
                CaseKind::Example
            } else {
                CaseKind::CaseStudy
            },
            region: ing
                .flag(i + 2)
                .then(|| region_ids[ing.pick(i, region_ids.len())].clone()),
            countries: (0..ing.pick(i, 3)).map(|k| ing.text(i + k)).collect(),
            forms: (0..ing.pick(i + 1, 2))
                .map(|k| ing.text(i + k + 1))
                .collect(),
            summary: ing.text(i + 2),
            paragraphs: vec![paragraph_ids[ing.pick(i, paragraph_ids.len())].clone()],
            references: vec![reference_ids[ing.pick(i, reference_ids.len())].clone()],
            entities: entity_ids.iter().take(ing.pick(i, 3)).cloned().collect(),
        })
        .collect();
    let series = series(ing, &reference_ids, &paragraph_ids);
    let notes = notes(
        ing,
        &Linked {
            references: &reference_ids,
            paragraphs: &paragraph_ids,
            entities: &entity_ids,
            series: &series,
            cases: &cases,
            rows: &rows,
        },
    );
    let tables = tables(ing, rows, &paragraph_ids, &reference_ids);
    let figures = figures(ing, &paragraph_ids, &reference_ids);
    CorpusFile {
        schema: ing.flag(9).then(|| "schema.json".to_owned()),
        format: FORMAT_V2.to_owned(),
        paper: paper(ing),
        sections,
        references,
        regions: region_ids
            .iter()
            .enumerate()
            .map(|(i, id)| Region {
                id: id.clone(),
                name: ing.text(i),
            })
            .collect(),
        entities,
        cases,
        tables,
        figures,
        footnotes: Vec::new(),
        series,
        notes,
        tour: tour(ing, &paragraph_ids),
    }
}

/// A tour of the first paragraphs, with titles and notes.
fn tour(ing: &Ingredients, paragraph_ids: &[String]) -> Vec<TourStep> {
    paragraph_ids
        .iter()
        .take(2)
        .enumerate()
        .map(|(i, id)| TourStep {
            show: format!("paragraph:{id}"),
            title: ing.flag(i).then(|| ing.text(i)),
            notes: ing.text(i + 1),
            highlight: None,
        })
        .collect()
}

/// The one table (when there are rows), with a header row, footnotes and references its
/// caption cites now and then.
fn tables(
    ing: &Ingredients,
    rows: Vec<TableRow>,
    paragraph_ids: &[String],
    reference_ids: &[String],
) -> Vec<Table> {
    let column = |id: &str, kind| Column {
        id: id.to_owned(),
        header: ing.text(id.len()),
        kind,
        unit: if kind == ColumnKind::Number {
            ing.optional(3)
        } else {
            String::new()
        },
    };
    if rows.is_empty() {
        Vec::new()
    } else {
        vec![Table {
            id: ing.id("table", 0),
            label: ing.optional(5),
            caption: ing.optional(0),
            references: reference_ids.iter().take(ing.pick(7, 3)).cloned().collect(),
            section: ing.flag(3).then(|| ing.id("section", 0)),
            after_paragraph: ing.flag(4).then(|| paragraph_ids[0].clone()),
            header_rows: if ing.flag(5) {
                vec![vec![
                    HeaderCell {
                        text: ing.text(6),
                        span: 2,
                    },
                    HeaderCell {
                        text: String::new(),
                        span: 2,
                    },
                ]]
            } else {
                Vec::new()
            },
            columns: vec![
                column("a", ColumnKind::Text),
                column("b", ColumnKind::Number),
                column("c", ColumnKind::Text),
                column("d", ColumnKind::Percent),
            ],
            rows,
            footnotes: (0..ing.pick(2, 2))
                .map(|k| TableFootnote {
                    marker: ing.optional(k),
                    text: ing.text(k + 5),
                })
                .collect(),
        }]
    }
}

/// A figure, now and then, its caption citing a reference or two now and then.
fn figures(ing: &Ingredients, paragraph_ids: &[String], reference_ids: &[String]) -> Vec<Figure> {
    if ing.flag(6) {
        vec![Figure {
            id: ing.id("figure", 0),
            label: ing.optional(6),
            caption: ing.text(7),
            references: reference_ids.iter().take(ing.pick(8, 3)).cloned().collect(),
            section: None,
            after_paragraph: ing.flag(7).then(|| paragraph_ids[0].clone()),
            image: None,
            source_paragraph: None,
            footnotes: Vec::new(),
            inner_text: ing.optional(9),
        }]
    } else {
        Vec::new()
    }
}

/// The sections, each with its paragraphs (citing `reference_ids`), and every paragraph's id.
fn sections(ing: &Ingredients, reference_ids: &[String]) -> (Vec<Section>, Vec<String>) {
    let mut sections = Vec::new();
    let mut paragraph_ids = Vec::new();
    for s in 0..ing.sections {
        let id = ing.id("section", s);
        let paragraphs = (0..ing.paragraphs)
            .map(|p| {
                let pid = format!("{id}.p{p}");
                paragraph_ids.push(pid.clone());
                Paragraph {
                    id: pid,
                    kind: if ing.flag(s + p) && p > 0 {
                        ParagraphKind::FigureSource
                    } else {
                        ParagraphKind::Text
                    },
                    text: paragraph_text(ing, s * 7 + p, reference_ids),
                    label: String::new(),
                    notation: None,
                }
            })
            .collect();
        sections.push(Section {
            // Parents only ever point back, so there is no cycle.
            parent: (s > 0 && ing.flag(s)).then(|| ing.id("section", ing.pick(s, s))),
            id,
            number: ing.optional(s),
            title: ing.text(s + 3),
            kind: paperlens::corpus::model::SectionKind::Section,
            label: String::new(),
            after_paragraph: None,
            paragraphs,
        });
    }
    (sections, paragraph_ids)
}

/// The one series (when there are points), its points and an annotation.
fn series(ing: &Ingredients, reference_ids: &[String], paragraph_ids: &[String]) -> Vec<Series> {
    // Strictly ascending years; the value agrees with the status.
    let first_year = ing.years[0];
    let points: Vec<SeriesPoint> = (0..ing.points)
        .map(|i| {
            let status = [
                PointStatus::Stated,
                PointStatus::Approximate,
                PointStatus::NotStated,
            ][ing.pick(i, 3)];
            SeriesPoint {
                year: first_year + i32::try_from(i).unwrap_or(0),
                value: (status != PointStatus::NotStated)
                    // Whole and quarter values: what a paper prints.
                    .then(|| f64::from(ing.number(i) % 1_000_000) / 4.0),
                status,
                quote: ing.text(i),
                paragraph: Some(paragraph_ids[ing.pick(i, paragraph_ids.len())].clone()),
                ..SeriesPoint::default()
            }
        })
        .collect();
    if points.is_empty() {
        Vec::new()
    } else {
        vec![Series {
            id: ing.id("series", 0),
            title: ing.text(0),
            unit: ing.text(1),
            source: ing.text(2),
            references: vec![reference_ids[0].clone()],
            annotations: vec![Annotation {
                label: ing.text(3),
                from_year: first_year,
                to_year: first_year + i32::try_from(ing.pick(1, 3)).unwrap_or(0),
                quote: ing.optional(2),
                paragraph: ing.flag(1).then(|| paragraph_ids[0].clone()),
            }],
            points,
            ..Series::default()
        }]
    }
}

/// The records notes may be about.
struct Linked<'a> {
    references: &'a [String],
    paragraphs: &'a [String],
    entities: &'a [String],
    series: &'a [Series],
    cases: &'a [Case],
    rows: &'a [TableRow],
}

/// The notes, each about one record of every kind there is.
fn notes(ing: &Ingredients, linked: &Linked<'_>) -> Vec<Note> {
    (0..ing.notes)
        .map(|i| {
            let mut about = vec![
                NoteTarget::Reference(
                    linked.references[ing.pick(i, linked.references.len())].clone(),
                ),
                NoteTarget::Paragraph(
                    linked.paragraphs[ing.pick(i, linked.paragraphs.len())].clone(),
                ),
            ];
            if let Some(series) = linked.series.first() {
                about.push(NoteTarget::Series(series.id.clone()));
                let point = &series.points[ing.pick(i, series.points.len())];
                about.push(NoteTarget::SeriesPoint {
                    series: series.id.clone(),
                    year: point.year,
                });
            }
            if let Some(case) = linked.cases.first() {
                about.push(NoteTarget::Case(case.id.clone()));
            }
            if let Some(row) = linked.rows.first() {
                about.push(NoteTarget::TableRow(row.id.clone()));
            }
            if let Some(entity) = linked.entities.first() {
                about.push(NoteTarget::Entity(entity.clone()));
            }
            Note {
                id: ing.id("note", i),
                kind: [
                    NoteKind::CitationMismatch,
                    NoteKind::MalformedReference,
                    NoteKind::Contradiction,
                    NoteKind::Missing,
                    NoteKind::Other,
                ][ing.pick(i, 5)],
                text: ing.text(i),
                about,
            }
        })
        .collect()
}

/// The paper's metadata.
fn paper(ing: &Ingredients) -> Paper {
    Paper {
        title: ing.text(0),
        authors: vec![Author {
            name: ing.text(1),
            affiliation: ing.optional(0),
            email: ing.optional(1),
            orcid: ing.optional(4),
            corresponding: ing.flag(2),
            group: ing.flag(8),
        }],
        affiliation: ing.optional(2),
        date: ing.optional(3),
        doi: ing.optional(9),
        history: vec![HistoryEvent {
            event: "received".to_owned(),
            date: ing.text(4),
        }],
        license: License {
            name: ing.optional(5),
            url: ing.optional(6),
            statement: ing.optional(7),
        },
        keywords: ing.texts.clone(),
        abstract_text: ing.optional(8),
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config())]

    /// A generated corpus is valid, and JSON (compact or pretty) loads back equal to it.
    #[test]
    fn a_generated_corpus_round_trips_through_json(ing in ingredients()) {
        let file = build(&ing);
        for text in [
            serde_json::to_string(&file).expect("serialise"),
            serde_json::to_string_pretty(&file).expect("serialise"),
        ] {
            let report = open_text(&text, "generated.json");
            let errors: Vec<String> = report
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(ToString::to_string)
                .collect();
            prop_assert!(errors.is_empty(), "{errors:?}");
            let corpus = report.corpus.expect("loads");
            prop_assert_eq!(&corpus.file, &file);
            // The index agrees with what was generated.
            let paragraphs: usize = file.sections.iter().map(|s| s.paragraphs.len()).sum();
            prop_assert_eq!(corpus.index.paragraphs.len(), paragraphs);
            let groups: usize = file
                .sections
                .iter()
                .flat_map(|s| &s.paragraphs)
                .map(|p| p.text.matches("[@").count())
                .sum();
            prop_assert_eq!(corpus.index.citations.len(), groups);
            for citation in &corpus.index.citations {
                prop_assert!(!citation.references.is_empty());
            }
        }
    }

    /// A reference as a CSL-JSON item reads back equal, alone and through the CSL-JSON
    /// importer (which checks and numbers what it reads).
    #[test]
    fn a_reference_round_trips_through_csl_json(ing in ingredients()) {
        let references: Vec<Reference> = (0..ing.references)
            .map(|i| reference(&ing, i, ing.id("ref", i)))
            .collect();
        for original in &references {
            let item = serde_json::to_string(original).expect("serialise");
            let back: Reference = serde_json::from_str(&item).expect("deserialise");
            prop_assert_eq!(&back, original);
        }
        let text = serde_json::to_string_pretty(&references).expect("serialise");
        let imported = paperlens::formats::csl_json::import(&text);
        prop_assert!(
            imported.diagnostics.iter().all(|d| !d.is_error()),
            "{:?}",
            imported.diagnostics
        );
        prop_assert_eq!(imported.references.len(), references.len());
        for (back, original) in imported.references.iter().zip(&references) {
            // The importer numbers references that carry no number (or not all do).
            let mut back = back.clone();
            back.citation_number = original.citation_number;
            prop_assert_eq!(&back, original);
        }
    }
}

//! The corpus file format, `paperlens-corpus/1`, as serde types.
//!
//! These types are the single source of truth for the format: `corpus/schema.json` is generated
//! from them (see [`crate::corpus::schema`]) and `corpus/README.md` documents them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The format tag every corpus file must carry in its `format` key.
pub const FORMAT_V1: &str = "paperlens-corpus/1";

/// A whole corpus file: one paper, its text, references and the data drawn from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CorpusFile {
    /// The JSON Schema the file follows, e.g. `"schema.json"`, so that editors can check it as
    /// it is typed. Optional; paperlens keeps it but does not read the schema it names.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `"paperlens-corpus/1"` for this version of the format.
    pub format: String,
    /// Bibliographic facts about the paper itself.
    pub paper: Paper,
    /// The paper's sections in reading order. Nesting is given by `parent`.
    pub sections: Vec<Section>,
    /// The paper's reference list as CSL-JSON items.
    pub references: Vec<Reference>,
    /// Organisations, frameworks, campaigns, places and concepts the paper names.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Case studies and concrete examples the paper discusses.
    #[serde(default)]
    pub cases: Vec<Case>,
    /// The paper's regional cooperation table, with the regions it is organised by.
    #[serde(default)]
    pub regional_table: RegionalTable,
    /// Numeric trends the paper reports (for example a count per year).
    #[serde(default)]
    pub series: Vec<Series>,
    /// Editorial notes: remarks by the corpus author, never the paper's own words.
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// Bibliographic facts about the paper.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    /// The paper's title as printed.
    pub title: String,
    /// The authors in printed order.
    pub authors: Vec<Author>,
    /// The affiliation printed under the author line.
    #[serde(default)]
    pub affiliation: String,
    /// Publication date as printed (free text, e.g. `"Feb, 2025"`), or an ISO date.
    #[serde(default)]
    pub date: String,
    /// The article history as printed (received, revised, accepted …).
    #[serde(default)]
    pub history: Vec<HistoryEvent>,
    /// The licence the paper is published under.
    #[serde(default)]
    pub license: License,
    /// The keywords as printed.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The abstract, verbatim.
    #[serde(rename = "abstract", default)]
    pub abstract_text: String,
}

/// One author of the paper.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// Full name as printed.
    pub name: String,
    /// Institution as printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub affiliation: String,
    /// Contact e-mail, if printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// Whether the paper names this author as corresponding author.
    #[serde(default, skip_serializing_if = "is_false")]
    pub corresponding: bool,
}

/// One step of the article history, e.g. received or accepted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryEvent {
    /// What happened: `received`, `revised`, `accepted`, `published` …
    pub event: String,
    /// When, as printed.
    pub date: String,
}

/// The licence of the paper.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct License {
    /// Short name, e.g. `"CC BY-SA"`.
    pub name: String,
    /// Where the licence text lives, if known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// The sentence the paper prints about its licence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub statement: String,
}

/// One section or subsection of the paper.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, unique among sections, e.g. `"introduction"`.
    pub id: String,
    /// The number as printed (`"1"`, `"4.1"`, `"1."`), empty for an unnumbered heading.
    #[serde(default)]
    pub number: String,
    /// The heading as printed.
    pub title: String,
    /// The id of the enclosing section; absent for a top-level section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The section's own paragraphs, in order (subsections hold their own).
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of running text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Stable id, unique in the corpus, e.g. `"introduction.p3"`.
    pub id: String,
    /// What kind of block this is; ordinary text when absent.
    #[serde(default, skip_serializing_if = "ParagraphKind::is_text")]
    pub kind: ParagraphKind,
    /// The text verbatim, with each in-text citation written in Pandoc syntax:
    /// `[@key]`, or `[@a; @b]` for a group the paper prints as `[1], [2]`.
    pub text: String,
}

/// What a paragraph block is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Running text.
    #[default]
    Text,
    /// The source line printed under a figure whose image is not part of the text.
    FigureSource,
}

impl ParagraphKind {
    /// Whether this is ordinary running text.
    #[must_use]
    pub fn is_text(&self) -> bool {
        *self == Self::Text
    }
}

/// The item types of CSL 1.0.2, the values a reference's `type` can take.
pub const CSL_ITEM_TYPES: [&str; 45] = [
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
];

/// One reference-list entry as a CSL-JSON item (the shape Zotero and Pandoc exchange).
///
/// Fields the format does not name are kept in `extra` and written back unchanged.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reference {
    /// The citation key used in paragraph text (`[@id]`).
    pub id: String,
    /// CSL item type: `article-journal`, `book`, `chapter`, `report`, `thesis` …
    #[serde(rename = "type")]
    pub item_type: String,
    /// The number the paper prints for this reference (`[8]` → 8).
    #[serde(
        rename = "citation-number",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub citation_number: Option<u32>,
    /// Title as printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Authors in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<CslName>,
    /// Editors in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editor: Vec<CslName>,
    /// Date of issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<CslDate>,
    /// Journal, book or series the item appears in, as printed.
    #[serde(
        rename = "container-title",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub container_title: String,
    /// Volume as printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub volume: String,
    /// Issue number as printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub issue: String,
    /// Page range as printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub page: String,
    /// Publisher as printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// Publisher's place as printed.
    #[serde(
        rename = "publisher-place",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub publisher_place: String,
    /// Digital Object Identifier, without the `https://doi.org/` prefix.
    #[serde(rename = "DOI", default, skip_serializing_if = "String::is_empty")]
    pub doi: String,
    /// Web address of the item.
    #[serde(rename = "URL", default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Free-text note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Every other CSL-JSON field, kept as written.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A CSL-JSON name: a person (`family`, `given`) or an organisation (`literal`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CslName {
    /// Family name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub family: String,
    /// Given names or initials.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub given: String,
    /// Particle that is dropped when sorting and in short forms, e.g. the `"van"` of Ludwig van
    /// Beethoven, who sorts under B.
    #[serde(
        rename = "dropping-particle",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub dropping_particle: String,
    /// Particle that is not dropped when sorting, e.g. `"van der"`.
    #[serde(
        rename = "non-dropping-particle",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub non_dropping_particle: String,
    /// Suffix after the name, e.g. `"Jr."` or `"III"`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suffix: String,
    /// A name given as a single string, e.g. an organisation.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub literal: String,
    /// Every other CSL name field (`comma-suffix`, `static-ordering`, `parse-names` …), kept as
    /// written.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A CSL-JSON date: `{"date-parts": [[2020, 5, 1]]}`; a second part makes a range.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CslDate {
    /// One or two `[year, month?, day?]` arrays.
    #[serde(rename = "date-parts", default)]
    pub date_parts: Vec<Vec<i32>>,
    /// A date that does not fit date-parts, as free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub literal: String,
    /// Every other CSL date field (`circa`, `season` …), kept as written.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// An organisation, framework, campaign, place, person or concept the paper names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Stable id, unique among entities, e.g. `"unodc"`.
    pub id: String,
    /// The name shown for it.
    pub name: String,
    /// What sort of thing it is.
    pub kind: EntityKind,
    /// Other spellings the paper uses; each is matched as a whole word to find mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// One line saying what it is, in the corpus author's words.
    pub description: String,
    /// Region ids (from `regional_table.regions`) it is associated with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
}

/// The sort of thing an [`Entity`] is.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// An intergovernmental, governmental or non-governmental body.
    #[default]
    Organisation,
    /// A treaty, law, directive or protocol.
    Framework,
    /// An awareness or training campaign.
    Campaign,
    /// A programme or project.
    Programme,
    /// A report or index.
    Report,
    /// A country, region or place.
    Place,
    /// A person.
    Person,
    /// An idea or theory.
    Concept,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 8] = [
        Self::Organisation,
        Self::Framework,
        Self::Campaign,
        Self::Programme,
        Self::Report,
        Self::Place,
        Self::Person,
        Self::Concept,
    ];

    /// A human-readable label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Organisation => "Organisation",
            Self::Framework => "Framework",
            Self::Campaign => "Campaign",
            Self::Programme => "Programme",
            Self::Report => "Report",
            Self::Place => "Place",
            Self::Person => "Person",
            Self::Concept => "Concept",
        }
    }
}

/// A case study or concrete example the paper discusses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Stable id, unique among cases.
    pub id: String,
    /// A short title in the corpus author's words.
    pub title: String,
    /// Whether the paper presents it as a case study or mentions it as an example.
    #[serde(default)]
    pub kind: CaseKind,
    /// The region id (from `regional_table.regions`) it belongs to.
    pub region: String,
    /// Countries the paper names for it.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Forms of exploitation the paper names for it.
    #[serde(default)]
    pub forms: Vec<String>,
    /// A one- or two-sentence summary in the corpus author's words.
    pub summary: String,
    /// Ids of the paragraphs it comes from.
    pub paragraphs: Vec<String>,
    /// Ids of the references the paper cites for it.
    #[serde(default)]
    pub references: Vec<String>,
    /// Ids of the entities involved.
    #[serde(default)]
    pub entities: Vec<String>,
}

/// Whether a [`Case`] is a presented case study or an example mentioned in passing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// A case study the paper presents.
    #[default]
    CaseStudy,
    /// A concrete example the paper discusses.
    Example,
}

/// The paper's regional cooperation table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionalTable {
    /// The table's caption, or a description when the paper prints none.
    #[serde(default)]
    pub caption: String,
    /// The id of the section the table stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The id of the paragraph the table follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_paragraph: Option<String>,
    /// The regions the table (and the cases) are organised by.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// The rows, in printed order.
    #[serde(default)]
    pub rows: Vec<TableRow>,
}

/// A region used to group table rows, cases and entities.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable id, e.g. `"asean"`.
    pub id: String,
    /// The name as the table prints it, e.g. `"ASEAN"`.
    pub name: String,
}

/// One row of the regional table: the printed cells, and links drawn from them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    /// Stable id, unique among rows.
    pub id: String,
    /// Region id (the Region column).
    pub region: String,
    /// The Cooperating Entities cell, verbatim.
    pub cooperating_entities: String,
    /// The Cooperative Efforts cell, verbatim.
    pub cooperative_efforts: String,
    /// The Liberalism Key Concept cell, verbatim.
    pub key_concept: String,
    /// The References cell, verbatim (the paper prints source names, not numbers).
    pub references_text: String,
    /// Ids of the entities the row names.
    #[serde(default)]
    pub entities: Vec<String>,
    /// Ids of reference-list entries the row's References cell points to, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
}

/// A numeric trend reported by the paper.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Stable id, used by `paperlens plot`.
    pub id: String,
    /// The chart title.
    pub title: String,
    /// What one unit counts, e.g. `"victims"`.
    pub unit: String,
    /// Where the numbers come from, as the paper prints it.
    pub source: String,
    /// Ids of reference-list entries the source corresponds to, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// The id of the paragraph that prints the figure's source line, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure_paragraph: Option<String>,
    /// The points, one per year, in ascending year order.
    pub points: Vec<SeriesPoint>,
    /// Events drawn over the chart, e.g. a lockdown period.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
}

/// One year of a [`Series`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesPoint {
    /// The year.
    pub year: i32,
    /// The value; must be absent (`null`) when `status` is `not_stated`.
    pub value: Option<f64>,
    /// How the text gives this value.
    pub status: PointStatus,
    /// The sentence the value comes from, verbatim.
    pub quote: String,
    /// The id of the paragraph holding `quote`.
    pub paragraph: String,
}

/// How the paper's text gives a [`SeriesPoint`]'s value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PointStatus {
    /// The text states the number exactly.
    Stated,
    /// The text gives the number with "approximately", "around" or similar.
    Approximate,
    /// The text gives no number for this year.
    #[default]
    NotStated,
}

impl PointStatus {
    /// A human-readable label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Approximate => "approximate",
            Self::NotStated => "not stated in the text",
        }
    }
}

/// A labelled year or span drawn over a series.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Short label, e.g. `"COVID-19 lockdowns"`.
    pub label: String,
    /// First year covered.
    pub from_year: i32,
    /// Last year covered (equal to `from_year` for a single year).
    pub to_year: i32,
    /// The sentence the annotation rests on, verbatim.
    #[serde(default)]
    pub quote: String,
    /// The id of the paragraph holding `quote`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
}

/// An editorial note: the corpus author's remark, shown apart from the paper's words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id, unique among notes.
    pub id: String,
    /// What sort of remark it is.
    pub kind: NoteKind,
    /// The remark.
    pub text: String,
    /// What it is about: ids of references, paragraphs, series, cases or entities.
    pub about: Vec<NoteTarget>,
}

/// The sort of an editorial [`Note`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// A cited reference whose title and venue do not match the claim it is cited for.
    CitationMismatch,
    /// A reference-list entry that is malformed or incomplete.
    MalformedReference,
    /// The text contradicts itself.
    Contradiction,
    /// Something the text refers to but does not contain (e.g. a figure's image).
    Missing,
    /// Anything else.
    #[default]
    Other,
}

impl NoteKind {
    /// A human-readable label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::CitationMismatch => "Citation does not match its source",
            Self::MalformedReference => "Malformed reference entry",
            Self::Contradiction => "The text contradicts itself",
            Self::Missing => "Missing from the text",
            Self::Other => "Editorial note",
        }
    }
}

/// One thing a [`Note`] is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteTarget {
    /// A reference id.
    Reference(String),
    /// A paragraph id.
    Paragraph(String),
    /// A series id.
    Series(String),
    /// A series point: series id and year.
    SeriesPoint {
        /// The series id.
        series: String,
        /// The year.
        year: i32,
    },
    /// A case id.
    Case(String),
    /// An entity id.
    Entity(String),
    /// A table row id.
    TableRow(String),
}

// serde's `skip_serializing_if` passes the field by reference, so this must take `&bool`.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

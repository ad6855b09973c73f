//! Entities, cases, regions and editorial notes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
    /// Region ids (from `regions`) it is associated with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    /// The year it began: a treaty's adoption, an organisation's founding, a campaign's
    /// launch, a report's first edition. Editorial, like the description (the corpus author's
    /// knowledge, not the paper's words); importers leave it empty. The citation check flags a
    /// work cited about the entity that is older than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<i32>,
}

impl Entity {
    /// The years `since` may take (validation warns of others, `entity-since`, and the citation
    /// check ignores them): before 1000 is a slip such as a missing digit, after 2100 a typo.
    pub const SINCE_YEARS: std::ops::RangeInclusive<i32> = 1000..=2100;

    /// The year it began, when it is given and plausible.
    #[must_use]
    pub fn start_year(&self) -> Option<i32> {
        self.since.filter(|year| Self::SINCE_YEARS.contains(year))
    }
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
    /// The region id (from `regions`) it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
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

/// A region or group that tables, cases and entities are organised by.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable id, e.g. `"asean"` or `"who-africa"`.
    pub id: String,
    /// The name as the paper prints it, e.g. `"ASEAN"`.
    pub name: String,
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
    /// What it is about: ids of references, paragraphs, series, cases, entities, tables …
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
    /// A table id.
    Table(String),
    /// A figure id.
    Figure(String),
    /// A footnote id.
    Footnote(String),
    /// A region id.
    Region(String),
}

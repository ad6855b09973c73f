//! References as CSL-JSON items: the shape Zotero and Pandoc exchange.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

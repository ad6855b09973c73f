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

/// CSL's variable for the label a style prints for a work in place of a number.
pub const CITATION_LABEL: &str = "citation-label";

/// The titles of `references`, in order: what a test compares with the source's list.
#[cfg(test)]
pub(crate) fn titles_of(references: &[Reference]) -> Vec<&str> {
    references.iter().map(|r| r.title.as_str()).collect()
}

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
    /// CSL-JSON's `custom` object: paperlens's own data (the entry as printed) and any other
    /// tool's.
    #[serde(default, skip_serializing_if = "CustomData::is_empty")]
    pub custom: CustomData,
    /// Every other CSL-JSON field, kept as written.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// CSL-JSON's `custom` object: its place for data no CSL variable holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CustomData {
    /// paperlens's own data (`custom.paperlens`).
    #[serde(default, skip_serializing_if = "PaperlensData::is_empty")]
    pub paperlens: PaperlensData,
    /// Every other tool's data, kept as written.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl CustomData {
    /// Whether there is nothing in it (so a reference writes no `custom`).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.paperlens.is_empty() && self.extra.is_empty()
    }
}

/// paperlens's own data about a reference, kept in its CSL-JSON `custom.paperlens`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PaperlensData {
    /// The entry as the paper's own reference list prints it, without its number, `*…*` around
    /// what it sets in italics. Importers keep it from a plain-text list, a JATS
    /// `mixed-citation` or GROBID's `raw_reference`; a list paperlens never saw printed (a JATS
    /// `element-citation`, a bibliography) has none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub printed: String,
    /// Every other key (the cross-links a CSL-JSON export writes here, when read back), kept as
    /// written.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl PaperlensData {
    /// Whether there is nothing in it.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.printed.is_empty() && self.extra.is_empty()
    }
}

impl Reference {
    /// The label the paper prints for the work in place of a number (CSL's `citation-label`:
    /// `Knu84`, as BibTeX's `alpha` style prints it), when it has one.
    #[must_use]
    pub fn citation_label(&self) -> Option<&str> {
        self.extra
            .get(CITATION_LABEL)?
            .as_str()
            .map(str::trim)
            .filter(|label| !label.is_empty())
    }

    /// The entry as the paper's own reference list prints it ([`PaperlensData::printed`]),
    /// when the corpus holds it.
    #[must_use]
    pub fn printed(&self) -> Option<&str> {
        let text = self.custom.paperlens.printed.trim();
        (!text.is_empty()).then_some(text)
    }

    /// Whether the paper's list prints the work without a title, as physics and astronomy
    /// lists print an article (`Phys. Rev. D 92 (2015) 055001`, `ApJ, 507, 281`): the entry as
    /// printed is kept and names a journal, and the title is empty.
    #[must_use]
    pub fn printed_without_title(&self) -> bool {
        self.title.trim().is_empty()
            && self.printed().is_some()
            && !self.container_title.trim().is_empty()
    }

    /// The names the work is listed and cited under: its authors, or its editors when it has
    /// no author (an edited book), as citation styles put the editors in the authors' place;
    /// without the "et al." that closes a list the source shortened (see
    /// [`Reference::creators_cut_short`]).
    #[must_use]
    pub fn creators(&self) -> &[CslName] {
        let listed = self.listed_creators();
        let people = listed
            .iter()
            .rposition(|name| !name.is_et_al())
            .map_or(0, |last| last + 1);
        listed.get(..people).unwrap_or_default()
    }

    /// Whether the names the work is cited under end in "et al." (`{"literal": "others"}`, as
    /// BibTeX's `and others`): the source listed only the first of them, so a short form of
    /// even one or two names adds "et al.".
    #[must_use]
    pub fn creators_cut_short(&self) -> bool {
        let listed = self.listed_creators();
        listed.last().is_some_and(CslName::is_et_al) && !self.creators().is_empty()
    }

    /// The authors, or the editors when there is no author, as listed.
    fn listed_creators(&self) -> &[CslName] {
        if self.author.is_empty() {
            &self.editor
        } else {
            &self.author
        }
    }

    /// Keeps `text` as the entry the paper's list prints, trimmed.
    pub fn set_printed(&mut self, text: &str) {
        text.trim().clone_into(&mut self.custom.paperlens.printed);
    }

    /// The fields other tools' formats (BibTeX, RIS) are given besides the named ones: every
    /// field of `extra`, and `custom` with other tools' data only (paperlens's own, the printed
    /// entry, stays in the corpus and its CSL-JSON).
    #[must_use]
    pub fn extra_for_others(&self) -> BTreeMap<String, serde_json::Value> {
        let mut fields = self.extra.clone();
        if !self.custom.extra.is_empty() {
            let custom = self.custom.extra.clone().into_iter().collect();
            fields.insert("custom".to_owned(), serde_json::Value::Object(custom));
        }
        fields
    }
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

impl CslName {
    /// "et al." where a list shortened by its source ends, as an importer writes it (BibTeX's
    /// `and others`).
    #[must_use]
    pub fn et_al() -> Self {
        Self {
            literal: "others".to_owned(),
            ..Self::default()
        }
    }

    /// Whether this is "et al." written as if it were a name: its family name, literal or
    /// given name is `et al`, `et al.`, `et. al.`, `and others` or `others` (any case). It
    /// stands for the names the source left out, so it is never printed or exported as a
    /// name.
    #[must_use]
    pub fn is_et_al(&self) -> bool {
        [&self.family, &self.literal, &self.given]
            .into_iter()
            .any(|part| Self::is_et_al_text(part))
    }

    /// Whether `text` is one of the ways "et al." is written: `et al`, `et. al.`, `and
    /// others` … (asked of every name of every reference, so it allocates nothing).
    #[must_use]
    pub fn is_et_al_text(text: &str) -> bool {
        let mut words = text
            .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
            .filter(|word| !word.is_empty());
        let (first, second, third) = (words.next(), words.next(), words.next());
        let is = |word: Option<&str>, wanted| word.is_some_and(|w| w.eq_ignore_ascii_case(wanted));
        let pair = |a, b| is(first, a) && is(second, b);
        third.is_none()
            && (pair("et", "al")
                || pair("and", "others")
                || (second.is_none() && is(first, "others")))
    }
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

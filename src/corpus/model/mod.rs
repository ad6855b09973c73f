//! The corpus file format, `paperlens-corpus/2`, as serde types.
//!
//! These types are the single source of truth for the format: `corpus/schema.json` is generated
//! from them (see [`crate::corpus::schema`]) and `corpus/README.md` documents them. Files in the
//! first version of the format are migrated on load ([`crate::corpus::migrate`]).

mod records;
mod reference;
mod series;
mod table;
mod tour;

pub use records::*;
pub use reference::*;
pub use series::*;
pub use table::*;
pub use tour::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The format tag of the current format, which every corpus paperlens writes carries.
pub const FORMAT_V2: &str = "paperlens-corpus/2";

/// The format tag of the first version of the format, still read (and migrated on load).
pub const FORMAT_V1: &str = "paperlens-corpus/1";

/// A whole corpus file: one paper, its text, references and the data drawn from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CorpusFile {
    /// The JSON Schema the file follows, e.g. `"schema.json"`, so that editors can check it as
    /// it is typed. Optional; paperlens keeps it but does not read the schema it names.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `"paperlens-corpus/2"` for this version of the format.
    pub format: String,
    /// Bibliographic facts about the paper itself.
    pub paper: Paper,
    /// The paper's sections (and boxes) in reading order. Nesting is given by `parent`.
    pub sections: Vec<Section>,
    /// The paper's reference list as CSL-JSON items.
    pub references: Vec<Reference>,
    /// Regions or groups that tables, cases and entities are organised by: WHO regions, ASEAN,
    /// continents, study arms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
    /// Organisations, frameworks, campaigns, places and concepts the paper names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// Case studies and concrete examples the paper discusses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    /// The paper's tables, in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<Table>,
    /// The paper's figures, in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// The paper's footnotes, each linked from its marker `[^id]` in the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
    /// Numeric trends the paper reports (for example a rate per year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
    /// Editorial notes: remarks by the corpus author, never the paper's own words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// A guided tour for presenting the paper: ordered steps, each showing one item with the
    /// lecturer's speaker notes. Presentation mode steps through it when there is one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tour: Vec<TourStep>,
}

impl CorpusFile {
    /// The file as it should be written back: series charted from table cells lose the points
    /// the load drew from those cells (a reload draws them again).
    #[must_use]
    pub fn for_saving(&self) -> Self {
        let mut file = self.clone();
        for series in &mut file.series {
            if series.from_table.is_some() {
                series.points.clear();
            }
        }
        file
    }

    /// Every table row with its table's position, in printed order over all tables.
    pub fn table_rows(&self) -> impl Iterator<Item = (usize, &TableRow)> {
        self.tables
            .iter()
            .enumerate()
            .flat_map(|(table, t)| t.rows.iter().map(move |row| (table, row)))
    }

    /// The table row at `position` over all tables: its table's position, its position in that
    /// table, and the row.
    #[must_use]
    pub fn table_row(&self, position: usize) -> Option<(usize, usize, &TableRow)> {
        let mut first = 0;
        for (table_position, table) in self.tables.iter().enumerate() {
            if let Some(row) = table.rows.get(position.checked_sub(first)?) {
                return Some((table_position, position - first, row));
            }
            first += table.rows.len();
        }
        None
    }

    /// How many table rows there are over all tables.
    #[must_use]
    pub fn table_row_count(&self) -> usize {
        self.tables.iter().map(|t| t.rows.len()).sum()
    }

    /// The position over all tables of the first row of the table at `table`.
    #[must_use]
    pub fn first_row_of(&self, table: usize) -> usize {
        self.tables.iter().take(table).map(|t| t.rows.len()).sum()
    }
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
    /// The paper's own DOI (`10.1371/journal.pbio.0020188`), when it has one: what identifies it
    /// to the study notes before its title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doi: String,
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

impl Paper {
    /// The institutions its authors belong to, each once, in the order they are first named:
    /// every author's affiliations (several joined by `"; "`), then the paper's own.
    #[must_use]
    pub fn institutions(&self) -> Vec<&str> {
        let mut institutions: Vec<&str> = Vec::new();
        let named = self
            .authors
            .iter()
            .map(|author| author.affiliation.as_str())
            .chain(std::iter::once(self.affiliation.as_str()))
            .flat_map(|affiliation| affiliation.split("; "))
            .map(str::trim)
            .filter(|institution| !institution.is_empty());
        for institution in named {
            if !institutions.contains(&institution) {
                institutions.push(institution);
            }
        }
        institutions
    }
}

/// One author of the paper.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// Full name as printed.
    pub name: String,
    /// Institution as printed; several joined by `"; "`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub affiliation: String,
    /// Contact e-mail, if printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// The author's ORCID iD, as `0000-0002-1825-0097` or its `https://orcid.org/…` address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub orcid: String,
    /// Whether the paper names this author as corresponding author.
    #[serde(default, skip_serializing_if = "is_false")]
    pub corresponding: bool,
    /// Whether this is a group or institutional author (a consortium, a collaboration, an
    /// organisation), whose name is never split into given and family names.
    #[serde(default, skip_serializing_if = "is_false")]
    pub group: bool,
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
    /// Whether this is a section of the running text or boxed text set apart from it.
    #[serde(default, skip_serializing_if = "SectionKind::is_section")]
    pub kind: SectionKind,
    /// The label a box carries as printed (`"Box 1"`); empty for an ordinary section.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// For a box: the paragraph of its enclosing section it stands after, as printed; absent,
    /// it stands after all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_paragraph: Option<String>,
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
    /// The text verbatim. Citations are written in Pandoc syntax (`[@key]`, `[@a; @b]`,
    /// `[see @a, p. 33]`, `@a` in running text) or, when references carry their printed
    /// numbers, as the paper prints them (`[1]`, `[17]–[21]`); footnote markers as `[^id]`;
    /// inline math as `$…$` (TeX, printed as it reads); `\@`, `\[` and `\$` are a literal `@`,
    /// `[` and `$`. An equation's text is its source (TeX or `MathML`).
    pub text: String,
    /// An equation's printed number, e.g. `"(1)"`; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The notation an equation's source is written in; absent for other blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notation: Option<EquationNotation>,
}

/// What a section is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// A section of the running text.
    #[default]
    Section,
    /// Boxed text: a panel set apart from the running text (`"Box 1. Definitions"`).
    Box,
}

impl SectionKind {
    /// Whether this is an ordinary section.
    #[must_use]
    pub fn is_section(&self) -> bool {
        *self == Self::Section
    }
}

/// The notation of a display equation's source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EquationNotation {
    /// TeX, e.g. `PPV = (1 - \beta)R / (R - \beta R + \alpha)`.
    #[default]
    Tex,
    /// `MathML`, kept as its XML text.
    Mathml,
    /// Plain text, spaces and all: what GROBID reads a PDF's formula as (`I(x i ) = − ln p(x
    /// i )`), shown as it is written.
    Text,
}

/// What a paragraph block is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Running text.
    #[default]
    Text,
    /// The source line printed under a figure, kept in the running text where it stands.
    FigureSource,
    /// A display equation: its text is the equation's source, shown as written.
    Equation,
}

impl ParagraphKind {
    /// Whether this is ordinary running text.
    #[must_use]
    pub fn is_text(&self) -> bool {
        *self == Self::Text
    }
}

// serde's `skip_serializing_if` passes the field by reference, so this must take `&bool`.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

#[cfg(test)]
mod tests {
    use super::{Author, Paper};

    #[test]
    fn a_paper_s_institutions_are_named_once_each_in_first_named_order() {
        let author = |affiliation: &str| Author {
            name: "A. Author".to_owned(),
            affiliation: affiliation.to_owned(),
            ..Author::default()
        };
        let paper = Paper {
            authors: vec![
                author("Swiss TPH, Basel; University of Basel"),
                author("Swiss TPH, Basel; University of Basel; CSRS, Abidjan"),
                author(""),
                author("University of Basel"),
            ],
            affiliation: "CSRS, Abidjan".to_owned(),
            ..Paper::default()
        };
        assert_eq!(
            paper.institutions(),
            ["Swiss TPH, Basel", "University of Basel", "CSRS, Abidjan"]
        );
    }
}

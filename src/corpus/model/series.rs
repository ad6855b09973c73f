//! Numeric trends: series of values by year.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A numeric trend reported by the paper.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Stable id, used by `paperlens plot`.
    pub id: String,
    /// The chart title.
    pub title: String,
    /// What the values measure, as the paper words it: `"victims"`,
    /// `"neonatal deaths per 1,000 live births"`, `"%"`.
    pub unit: String,
    /// The value axis label; when absent it is made from the unit and the kind of value
    /// (`"Number of victims"` for a count, the unit itself for a rate).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub axis_label: String,
    /// What kind of number the values are, and how many decimals to show.
    #[serde(default, skip_serializing_if = "ValueFormat::is_default")]
    pub value_format: ValueFormat,
    /// Where the numbers come from, as the paper prints it.
    #[serde(default)]
    pub source: String,
    /// Ids of reference-list entries the source corresponds to, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// The id of the figure that shows this series, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    /// Series with the same `chart` name are drawn together on one axis, with a legend.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub chart: String,
    /// Table cells the points are read from, instead of listing them in `points`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_table: Option<TableSeries>,
    /// The points, one per year, in ascending year order (drawn from the table at load when
    /// `from_table` is given).
    #[serde(default)]
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
    /// How a `derived` value was worked out from what the paper states.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub derivation: String,
    /// The words the value comes from, verbatim: a sentence, a table cell, a caption.
    #[serde(default)]
    pub quote: String,
    /// The id of the paragraph holding `quote`. A point quotes exactly one of a paragraph, a
    /// table cell (`cell`), a figure caption (`figure`) or the abstract (`abstract`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    /// The table cell holding `quote`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<CellRef>,
    /// The id of the figure whose caption holds `quote`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    /// Whether `quote` is in the paper's abstract.
    #[serde(rename = "abstract", default, skip_serializing_if = "is_false")]
    pub in_abstract: bool,
}

/// One cell of a table: its table, row and column ids.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CellRef {
    /// The table's id.
    pub table: String,
    /// The row's id.
    pub row: String,
    /// The column's id.
    pub column: String,
}

/// A series read from a table's cells: one row across its year columns, or one column down
/// the rows (each row's year taken from the table's year column).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableSeries {
    /// The table's id.
    pub table: String,
    /// A row id: its cells under the columns whose header is a year (four digits alone); a
    /// column of kind `year` holds years, not values, and is not one of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// A column id: its cell in each row, by the year in the row's `year` column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

/// What kind of number a series' values are, so that axes and numbers read right.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueFormat {
    /// The kind of number.
    #[serde(default)]
    pub kind: ValueKind,
    /// For a rate: per how many (`1000` for "per 1,000 live births").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<u32>,
    /// For a currency: its code or symbol as the paper prints it (`"US$"`, `"EUR"`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub currency: String,
    /// How many decimals to show; as written in the corpus when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
}

impl ValueFormat {
    /// Whether nothing is set (a count, decimals as written).
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// The kind of number a series holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// A count of things (victims, deaths, patients).
    #[default]
    Count,
    /// A rate per some number (`per`), e.g. deaths per 1,000 live births.
    Rate,
    /// A percentage.
    Percent,
    /// An index number.
    Index,
    /// An amount of money (`currency`).
    Currency,
    /// Any other measurement.
    Measure,
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
    /// Worked out from what the paper states (say how in `derivation`).
    Derived,
}

impl PointStatus {
    /// A human-readable label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Approximate => "approximate",
            Self::NotStated => "not stated in the text",
            Self::Derived => "derived",
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

// serde's `skip_serializing_if` passes the field by reference, so this must take `&bool`.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

//! A lecturer's guided tour: ordered steps, each showing one thing with speaker notes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One step of a guided tour: what it shows, and what the lecturer says over it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    /// What the step shows, as an item key: `"paragraph:introduction.p2"`,
    /// `"citation:introduction.p2/0"` (the first citation of that paragraph), `"case:ghana"`,
    /// `"row:asean"` (a table row), `"series:victims"` (a chart),
    /// `"point:victims/2019"` (a chart with that year selected), `"figure:fig1"`,
    /// `"table:table1"`, `"reference:porter1995"`, or the key of any other record.
    pub show: String,
    /// A short title for the slide; without one the slide is titled by what it shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Speaker notes: what to say over this step, shown to the lecturer only.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Words of a passage to mark on the slide (they must occur in the passage's text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight: Option<String>,
}

//! Tables, figures and footnotes: the parts of a paper that stand beside its running text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::corpus::counted;
use crate::corpus::sentences::first_sentence_and_rest;

/// One table of the paper, with its own columns as printed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Stable id, unique among tables, e.g. `"table1"`.
    pub id: String,
    /// The label as printed, e.g. `"Table 1"`; empty when the paper prints none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The caption as printed, or a description when the paper prints none.
    #[serde(default)]
    pub caption: String,
    /// Ids of the references its caption and notes cite (both keep their markers as printed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// The id of the section the table stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The id of the paragraph the table follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_paragraph: Option<String>,
    /// Header rows printed above the column headers, whose cells may span several columns
    /// (`"Men"` over four columns, `"Women"` over the next four).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_rows: Vec<Vec<HeaderCell>>,
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// The rows, in printed order.
    #[serde(default)]
    pub rows: Vec<TableRow>,
    /// The notes printed under the table (`"a All CD4 categories combined."`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<TableFootnote>,
}

impl Table {
    /// The notes to print under some of the table's rows (a slide's): a general note always;
    /// a marked note when its marker, raised as the importers raise it (`ᵃ`, `¹`, `*`), stands
    /// in `shown` (the caption, headers and cells shown). When no raised letter or digit of any
    /// note's marker stands there (a corpus written by hand with `Alla`, or rows without
    /// markers), every note is printed, so that none is lost for want of a match. Reads only
    /// `shown` and the notes, never the whole table: a slide calls it every frame.
    #[must_use]
    pub fn footnotes_marked_in(&self, shown: &[&str]) -> Vec<&TableFootnote> {
        let raised: Vec<Option<String>> = self
            .footnotes
            .iter()
            .map(|note| crate::corpus::text::as_raised_marker(&note.marker))
            .collect();
        let is_shown = |marker: &str| shown.iter().any(|text| text.contains(marker));
        let raises_markers = self.footnotes.iter().zip(&raised).any(|(note, raised)| {
            raised
                .as_deref()
                .is_some_and(|raised| raised != note.marker.trim() && is_shown(raised))
        });
        self.footnotes
            .iter()
            .zip(raised)
            .filter(|(_, raised)| match raised {
                Some(raised) if raises_markers => is_shown(raised),
                // A general note, a marker that cannot be raised, or a table whose markers
                // cannot be told on this slide.
                _ => true,
            })
            .map(|(note, _)| note)
            .collect()
    }

    /// For each row (by position), the position of the row naming the group it stands in: the
    /// nearest row above it that only names a group ([`TableRow::names_a_group`]), unless a
    /// blank row comes between (a blank row ends a group). `None` for a row that names a group
    /// itself or is blank, and for rows before any group. One pass over the rows.
    #[must_use]
    pub fn row_groups(&self) -> Vec<Option<usize>> {
        let mut group = None;
        self.rows
            .iter()
            .enumerate()
            .map(|(position, row)| {
                if row.is_blank() {
                    group = None;
                    None
                } else if row.names_a_group() {
                    group = Some(position);
                    None
                } else {
                    group
                }
            })
            .collect()
    }

    /// The label and caption as one line: `"Table 1. Patient characteristics"`; for a table
    /// printed with neither (eLife's tables of test results inside a paragraph), what its
    /// columns hold: `"Table of Df, Sum sq, F, p"`.
    #[must_use]
    pub fn title(&self) -> String {
        if self.label.trim().is_empty() && self.caption.trim().is_empty() {
            return self.title_from_columns();
        }
        label_and_caption(&self.label, &self.caption)
    }

    /// `"Table of …"` and the first few column headers, or `"Table without a caption"` when
    /// no column is named.
    fn title_from_columns(&self) -> String {
        const SHOWN: usize = 5;
        let headers = self.named_column_headers();
        if headers.is_empty() {
            return "Table without a caption".to_owned();
        }
        let shown = headers.get(..SHOWN).unwrap_or(&headers).join(", ");
        if headers.len() > SHOWN {
            format!("Table of {shown}, …")
        } else {
            format!("Table of {shown}")
        }
    }

    /// The headers of the columns that have one, left to right (a column of row labels is
    /// often printed without).
    #[must_use]
    pub fn named_column_headers(&self) -> Vec<&str> {
        self.columns
            .iter()
            .map(|column| column.header.trim())
            .filter(|header| !header.is_empty())
            .collect()
    }

    /// Its size as the panels give it: `"3 columns · 2 rows"`, or `"no rows in the file"` when
    /// it has none (its one column is then only the place the format asks for).
    #[must_use]
    pub fn shape(&self) -> String {
        if self.rows.is_empty() {
            return "no rows in the file".to_owned();
        }
        format!(
            "{} · {}",
            counted(self.columns.len(), "column"),
            counted(self.rows.len(), "row")
        )
    }

    /// The title cut for a heading, and the rest of the caption; see [`Figure::heading_and_legend`].
    #[must_use]
    pub fn heading_and_legend(&self) -> (String, &str) {
        heading_and_legend(&self.label, &self.caption).unwrap_or_else(|| (self.title(), ""))
    }

    /// The caption cut for a heading where the label is shown apart; see
    /// [`Figure::caption_heading_and_legend`].
    #[must_use]
    pub fn caption_heading_and_legend(&self) -> (String, &str) {
        caption_heading_and_legend(&self.caption)
    }

    /// The header rows to show above the column headers, each cell with the columns it
    /// stands over: every one of `header_rows` but a last one that only repeats the column
    /// headers (an importer keeps the row that names the columns as the paper prints it, blanks
    /// included). A cell that only repeats the header of each column it stands over (the
    /// columns were named from it, their cells below being blank) is shown as those columns'
    /// headers, so it is blank here; a row left with nothing to show is dropped.
    #[must_use]
    pub fn spanning_header_rows(&self) -> Vec<Vec<HeaderAbove<'_>>> {
        let rows = match self.header_rows.split_last() {
            Some((last, above))
                if last.len() == self.columns.len()
                    && last.iter().zip(&self.columns).all(|(cell, column)| {
                        cell.span <= 1
                            && (cell.text.trim().is_empty()
                                || cell.text.trim() == column.header.trim())
                    }) =>
            {
                above
            }
            _ => &self.header_rows,
        };
        rows.iter()
            .map(|row| self.header_row_above(row))
            .filter(|row| row.iter().any(|cell| !cell.text.is_empty()))
            .collect()
    }

    /// The cells of one header row with the columns each stands over; see
    /// [`Table::spanning_header_rows`].
    fn header_row_above<'a>(&'a self, row: &'a [HeaderCell]) -> Vec<HeaderAbove<'a>> {
        let mut first_column = 0;
        row.iter()
            .map(|cell| {
                let span = usize::try_from(cell.span.max(1)).unwrap_or(1);
                let text = cell.text.trim();
                let spanned = self.columns.get(first_column..first_column + span);
                let repeats_its_columns = !text.is_empty()
                    && spanned.is_some_and(|columns| {
                        columns.iter().all(|column| column.header.trim() == text)
                    });
                let above = HeaderAbove {
                    text: if repeats_its_columns { "" } else { text },
                    first_column,
                    span,
                };
                first_column += span;
                above
            })
            .collect()
    }

    /// The position of the column with this id.
    #[must_use]
    pub fn column_position(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }
}

/// One cell of a header row above the column headers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HeaderCell {
    /// The text as printed; empty for a blank cell.
    #[serde(default)]
    pub text: String,
    /// How many columns it spans (1 when absent).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub span: u32,
}

/// A cell of a header row as shown above the column headers; see
/// [`Table::spanning_header_rows`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderAbove<'a> {
    /// Its text, trimmed; empty when it has nothing to show.
    pub text: &'a str,
    /// The position of the first column it stands over.
    pub first_column: usize,
    /// How many columns it stands over (at least one).
    pub span: usize,
}

/// One column of a [`Table`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Stable id, unique in its table, e.g. `"deaths"` or `"y1990"`.
    pub id: String,
    /// The header as printed.
    pub header: String,
    /// What the column's cells hold; text when absent.
    #[serde(default, skip_serializing_if = "ColumnKind::is_text")]
    pub kind: ColumnKind,
    /// The unit of a number column, e.g. `"per 1,000 live births"`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
}

impl Column {
    /// Its header with its unit in parentheses when it has one: `"Deaths (per 1,000)"`.
    #[must_use]
    pub fn header_with_unit(&self) -> String {
        match self.unit.trim() {
            "" => self.header.trim().to_owned(),
            unit => format!("{} ({unit})", self.header.trim()),
        }
    }
}

/// What the cells of a [`Column`] hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Words.
    #[default]
    Text,
    /// Numbers (a cell may add to the number, as in `"656 (372–940)"`).
    Number,
    /// Years.
    Year,
    /// Percentages.
    Percent,
}

impl ColumnKind {
    /// Whether the column holds words.
    #[must_use]
    pub fn is_text(&self) -> bool {
        *self == Self::Text
    }

    /// Whether the column's cells are read as numbers.
    #[must_use]
    pub fn is_numeric(self) -> bool {
        !self.is_text()
    }
}

/// One row of a [`Table`]: its printed cells, and links drawn from them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    /// Stable id, unique among the rows of every table.
    pub id: String,
    /// The cells verbatim, one per column in column order. A cell may hold citations, written
    /// as in paragraph text.
    pub cells: Vec<String>,
    /// The id of the region (from `regions`) the row is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Ids of the entities the row names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    /// Ids of the references the row cites or draws on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// Ids of the cases the row is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<String>,
}

impl TableRow {
    /// Whether the row only names a group of the rows after it (`Hookworm`, `Age group`): its
    /// first cell printed, every other cell (at least one) blank.
    #[must_use]
    pub fn names_a_group(&self) -> bool {
        let mut cells = self.cells.iter().map(|cell| cell.trim());
        let first = cells.next().unwrap_or_default();
        !first.is_empty() && self.cells.len() > 1 && cells.all(str::is_empty)
    }

    /// Whether every cell of the row is blank.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.trim().is_empty())
    }
}

/// A note printed under a table, e.g. `"a All CD4 categories combined."`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableFootnote {
    /// The marker as printed (`"a"`, `"*"`); empty for a general note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub marker: String,
    /// The note, verbatim.
    pub text: String,
}

impl TableFootnote {
    /// The note as printed under the table: its marker, then its text.
    #[must_use]
    pub fn printed(&self) -> String {
        match self.marker.trim() {
            "" => self.text.clone(),
            marker => format!("{marker} {}", self.text),
        }
    }
}

/// One figure of the paper.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Stable id, unique among figures, e.g. `"figure1"`.
    pub id: String,
    /// The label as printed, e.g. `"Figure 1"`; empty when the paper prints none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The caption as printed; empty when the paper prints none.
    #[serde(default)]
    pub caption: String,
    /// Ids of the references its caption cites (the caption keeps their markers as printed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// The id of the section the figure stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The id of the paragraph the figure follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_paragraph: Option<String>,
    /// The image file, relative to the corpus file (PNG, JPEG, TIFF, GIF, WebP or SVG); absent
    /// when the corpus does not have the image, which is then shown as not in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The id of the paragraph that prints the figure's source line, if the text has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_paragraph: Option<String>,
    /// Ids of the footnotes its caption marks (a photograph's credit, its licence); the
    /// caption keeps no marker.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    /// The words printed inside the figure (a chart's axis labels, a diagram's boxes) as a
    /// source gives them without the picture, as a PDF's text does: kept apart from the running
    /// text; empty when the source gives none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub inner_text: String,
}

impl Figure {
    /// The label and caption as one line: `"Figure 1. Survival by CD4 count"`.
    #[must_use]
    pub fn title(&self) -> String {
        if self.label.trim().is_empty() && self.caption.trim().is_empty() {
            return self.id.clone();
        }
        label_and_caption(&self.label, &self.caption)
    }

    /// The title cut for a heading, and the rest of the caption: the label and the caption's
    /// first sentence when the caption goes on after it (`"Figure 1. Growth by region"` and
    /// `"(A) Counts. (B) Rates."`); the label alone over the whole caption when that sentence
    /// is too long for a heading (and there is a label), the caption one sentence or more; the
    /// whole title and `""` when the caption is one sentence short enough for a heading.
    #[must_use]
    pub fn heading_and_legend(&self) -> (String, &str) {
        heading_and_legend(&self.label, &self.caption).unwrap_or_else(|| (self.title(), ""))
    }

    /// The caption cut for a heading where the label is shown apart (a slide names the figure
    /// above its heading): its first sentence and the rest when it goes on after it, else the
    /// whole caption and `""`.
    #[must_use]
    pub fn caption_heading_and_legend(&self) -> (String, &str) {
        caption_heading_and_legend(&self.caption)
    }
}

/// A caption cut for a heading with its label shown apart: its first sentence and the rest
/// when it goes on after it, else the whole caption and `""`.
fn caption_heading_and_legend(caption: &str) -> (String, &str) {
    heading_and_legend("", caption).unwrap_or_else(|| (caption.trim().to_owned(), ""))
}

/// The longest first sentence a heading shows, in bytes; a longer one stays in the legend.
const LONGEST_HEADING: usize = 160;

/// A label and caption cut for a heading (see [`Figure::heading_and_legend`]); `None` when the
/// caption is one sentence short enough for a heading, or there is no label to head a long one.
fn heading_and_legend<'c>(label: &str, caption: &'c str) -> Option<(String, &'c str)> {
    let long_one = || caption.trim().len() > LONGEST_HEADING && !label.trim().is_empty();
    let Some((title, legend)) = first_sentence_and_rest(caption) else {
        // One long sentence (PLOS's tables: what, among whom, where and when): the label
        // heads it.
        return long_one().then(|| (label.trim().to_owned(), caption.trim()));
    };
    // Without a label, the first sentence is the only heading there is, however long.
    if title.len() > LONGEST_HEADING && !label.trim().is_empty() {
        return Some((label.trim().to_owned(), caption.trim()));
    }
    Some((label_and_caption(label, title), legend))
}

/// A label and a caption as one line, `"Table 1. Patient characteristics"`, either alone when
/// the other is empty; a label that ends in its own stop or colon (`"Figure 1—figure
/// supplement 1."`) takes no second one.
#[must_use]
pub fn label_and_caption(label: &str, caption: &str) -> String {
    match (label.trim(), caption.trim()) {
        ("", caption) => caption.to_owned(),
        (label, "") => label.to_owned(),
        (label, caption) if label.ends_with(['.', ':']) => format!("{label} {caption}"),
        (label, caption) => format!("{label}. {caption}"),
    }
}

/// A footnote of the running text, linked from its marker `[^id]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// Stable id, unique among footnotes; the text links to it as `[^id]`.
    pub id: String,
    /// The marker as printed (`"1"`, `"*"`); the id is shown when absent.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub marker: String,
    /// The footnote's text, verbatim (it may hold citations).
    pub text: String,
    /// Ids of the references its text cites, when it keeps their markers as printed (as an
    /// imported paper's footnotes do).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
}

impl Footnote {
    /// The marker the paper prints, or the id when it gives none.
    #[must_use]
    pub fn shown_marker(&self) -> &str {
        if self.marker.trim().is_empty() {
            &self.id
        } else {
            &self.marker
        }
    }
}

fn one() -> u32 {
    1
}

// serde's `skip_serializing_if` passes the field by reference, so this must take `&u32`.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_one(value: &u32) -> bool {
    *value == 1
}

/// Table rows of the given cells, with ids `r0`, `r1`, …
#[cfg(test)]
pub(crate) fn rows_of(rows: &[&[&str]]) -> Vec<TableRow> {
    rows.iter()
        .enumerate()
        .map(|(n, cells)| TableRow {
            id: format!("r{n}"),
            cells: cells.iter().map(|cell| (*cell).to_owned()).collect(),
            ..TableRow::default()
        })
        .collect()
}

/// The cells of each of `table`'s rows, as written: what a test compares with the source.
#[cfg(test)]
pub(crate) fn cells_of(table: &Table) -> Vec<Vec<&str>> {
    table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(String::as_str).collect())
        .collect()
}

/// A table with these header rows (each cell's text and span) over columns with these headers,
/// and no rows: for tests of how headers are shown.
#[cfg(test)]
pub(crate) fn headed_table(header_rows: &[&[(&str, u32)]], headers: &[&str]) -> Table {
    Table {
        header_rows: header_rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|&(text, span)| HeaderCell {
                        text: text.to_owned(),
                        span,
                    })
                    .collect()
            })
            .collect(),
        columns: headers
            .iter()
            .map(|header| Column {
                id: header.to_lowercase(),
                header: (*header).to_owned(),
                ..Column::default()
            })
            .collect(),
        ..Table::default()
    }
}

#[cfg(test)]
mod tests {
    use super::{Figure, Table, TableFootnote, headed_table, rows_of};

    #[test]
    fn a_title_joins_label_and_caption_with_one_stop() {
        let figure = |label: &str, caption: &str| Figure {
            id: "f1".to_owned(),
            label: label.to_owned(),
            caption: caption.to_owned(),
            ..Figure::default()
        };
        assert_eq!(figure("Figure 1", "Growth").title(), "Figure 1. Growth");
        assert_eq!(
            figure("Figure 1—figure supplement 1.", "Inhibition").title(),
            "Figure 1—figure supplement 1. Inhibition"
        );
        assert_eq!(figure("Fig 2:", "Counts").title(), "Fig 2: Counts");
        assert_eq!(figure("", "Counts").title(), "Counts");
        assert_eq!(figure("", " ").title(), "f1");
        let table = Table {
            label: "Table 3.".to_owned(),
            caption: "Doses".to_owned(),
            ..Table::default()
        };
        assert_eq!(table.title(), "Table 3. Doses");
    }

    #[test]
    fn a_table_printed_without_label_or_caption_is_named_by_its_columns() {
        let table = |headers: &[&str]| Table {
            id: "tblu1".to_owned(),
            ..headed_table(&[], headers)
        };
        assert_eq!(
            table(&["", "Df", "Sum sq", "F", "p"]).title(),
            "Table of Df, Sum sq, F, p"
        );
        assert_eq!(
            table(&["A", "B", "C", "D", "E", "F"]).title(),
            "Table of A, B, C, D, E, …"
        );
        assert_eq!(table(&["", " "]).title(), "Table without a caption");
        let titled = Table {
            caption: "Doses".to_owned(),
            ..table(&["Df"])
        };
        assert_eq!(titled.title(), "Doses");
        assert_eq!(
            table(&["Df"]).heading_and_legend(),
            ("Table of Df".to_owned(), "")
        );
    }

    #[test]
    fn a_tables_shape_counts_its_columns_and_rows_unless_it_has_none() {
        let Ok(mut table) = serde_json::from_str::<Table>(
            r#"{"id": "t1", "columns": [{"id": "a", "header": "A"}, {"id": "b", "header": "B"}],
                "rows": [{"id": "r1", "cells": ["1", "2"]}]}"#,
        ) else {
            panic!("the table reads");
        };
        assert_eq!(table.shape(), "2 columns · 1 row");
        table.rows.clear();
        assert_eq!(table.shape(), "no rows in the file");
    }

    #[test]
    fn a_heading_is_the_label_and_the_captions_first_sentence_over_the_rest() {
        let figure = |label: &str, caption: &str| Figure {
            id: "f1".to_owned(),
            label: label.to_owned(),
            caption: caption.to_owned(),
            ..Figure::default()
        };
        let long = figure(
            "Figure 1",
            "Angioblast migration is not regulated by Vegf. (A–F) Schematic (A) and imaging \
             (B–F) of angioblasts. Arrows indicate the migration.",
        );
        assert_eq!(
            long.heading_and_legend(),
            (
                "Figure 1. Angioblast migration is not regulated by Vegf.".to_owned(),
                "(A–F) Schematic (A) and imaging (B–F) of angioblasts. Arrows indicate the \
                 migration."
            )
        );
        // Initials and abbreviations do not end the first sentence.
        let initials = figure(
            "Fig 2",
            "Counts after J. Smith et al. Data from 2020. Rates.",
        );
        assert_eq!(
            initials.heading_and_legend(),
            (
                "Fig 2. Counts after J. Smith et al. Data from 2020.".to_owned(),
                "Rates."
            )
        );
        // One sentence, or none, is the whole title.
        assert_eq!(
            figure("Figure 3", "Growth by region.").heading_and_legend(),
            ("Figure 3. Growth by region.".to_owned(), "")
        );
        assert_eq!(figure("", "").heading_and_legend(), ("f1".to_owned(), ""));
        // A first sentence too long for a heading leaves the label over the whole caption.
        let sentence = format!("{}. Then more.", "word ".repeat(40).trim_end());
        let too_long = figure("Figure 4", &sentence);
        let (heading, legend) = too_long.heading_and_legend();
        assert_eq!((heading.as_str(), legend), ("Figure 4", sentence.as_str()));
        // So does a long caption of one sentence.
        let one_sentence = format!("{}.", "word ".repeat(40).trim_end());
        let labelled = figure("Figure 5", &one_sentence);
        let (heading, legend) = labelled.heading_and_legend();
        assert_eq!(
            (heading.as_str(), legend),
            ("Figure 5", one_sentence.as_str())
        );
        let bare = figure("", &one_sentence);
        let (heading, legend) = bare.heading_and_legend();
        assert_eq!((heading.as_str(), legend), (one_sentence.as_str(), ""));
        // Without a label, the long first sentence is the heading all the same.
        let unlabelled = figure("", &sentence);
        let (heading, legend) = unlabelled.heading_and_legend();
        assert_eq!(
            (heading.as_str(), legend),
            (&sentence[..sentence.len() - 11], "Then more.")
        );
        let table = Table {
            label: "Table 1".to_owned(),
            caption: "Doses. Given daily.".to_owned(),
            ..Table::default()
        };
        assert_eq!(
            table.heading_and_legend(),
            ("Table 1. Doses.".to_owned(), "Given daily.")
        );
    }

    #[test]
    fn a_last_header_row_that_only_names_the_columns_is_not_shown_twice() {
        let cell = |text: &str, span: u32| super::HeaderCell {
            text: text.to_owned(),
            span,
        };
        let mut table = headed_table(
            &[&[("Age", 1), ("Men", 2)], &[("", 1), ("a", 1), ("b", 1)]],
            &["Age", "a", "b"],
        );
        let texts = |table: &Table| -> Vec<Vec<String>> {
            table
                .spanning_header_rows()
                .iter()
                .map(|row| row.iter().map(|cell| cell.text.to_owned()).collect())
                .collect()
        };
        // "Age" over the one column it names is that column's header, shown once.
        assert_eq!(texts(&table), [["", "Men"]]);
        let men = table.spanning_header_rows()[0][1];
        assert_eq!((men.first_column, men.span), (1, 2));
        // A last row that says more than the columns do is shown, less what only repeats them.
        table.header_rows[1][0].text = "Years".to_owned();
        assert_eq!(texts(&table), vec![vec!["", "Men"], vec!["Years", "", ""]]);
        // So is a last row with a spanning cell.
        table.header_rows = vec![vec![cell("Age", 1), cell("Men", 2)]];
        assert_eq!(texts(&table), [["", "Men"]]);
        // A row with nothing left to show is not shown.
        table.header_rows = vec![
            vec![cell("Age", 1), cell("", 1), cell("b", 1)],
            vec![cell("", 1), cell("a", 1), cell("", 1)],
        ];
        assert!(table.spanning_header_rows().is_empty());
        // A cell over two columns both named from it (eLife's `Functional hierarchy` over its
        // two label columns) is their headers, not a row of its own above them.
        let mut paired = headed_table(
            &[
                &[("", 2), ("Protein", 2)],
                &[("Functional hierarchy", 2), ("%", 1), ("# unique", 1)],
            ],
            &[
                "Functional hierarchy",
                "Functional hierarchy",
                "%",
                "# unique",
            ],
        );
        assert_eq!(texts(&paired), [["", "Protein"]]);
        // Over columns of other names it stays a heading of its own.
        paired.columns[1].header = "Class".to_owned();
        assert_eq!(texts(&paired).len(), 2);
    }

    #[test]
    fn a_slide_prints_the_notes_whose_markers_it_shows() {
        let mut table = headed_table(&[], &["Variable", "Casesᵃ"]);
        table.rows = rows_of(&[&["Never", "1040"], &["Ever", "822ᵇ"], &["Parity", "12ᶜ"]]);
        let note = |marker: &str, text: &str| TableFootnote {
            marker: marker.to_owned(),
            text: text.to_owned(),
        };
        table.footnotes = vec![
            note("a", "Cases and non-cases."),
            note("b", "Among users."),
            note("c", "Among mothers."),
            note("", "Hazard ratios."),
            note("†", "Marked in the caption only."),
        ];
        let markers = |table: &Table, shown: &[&str]| -> Vec<String> {
            table
                .footnotes_marked_in(shown)
                .iter()
                .map(|n| n.marker.clone())
                .collect()
        };
        // The first rows under the headers: notes a and b and the general note; the one whose
        // marker only the caption prints, when the caption is shown.
        assert_eq!(
            markers(
                &table,
                &["Variable", "Casesᵃ", "Never", "1040", "Ever", "822ᵇ"]
            ),
            ["a", "b", ""]
        );
        assert_eq!(
            markers(&table, &["Counts†", "Casesᵃ", "Parity", "12ᶜ"]),
            ["a", "c", "", "†"]
        );
        // Rows with no raised marker among them (nor in the headers shown) keep every note.
        assert_eq!(markers(&table, &["Never", "1040"]).len(), 5);
        // A table whose markers are not raised (`Alla`) keeps every note.
        table.columns[1].header = "Casesa".to_owned();
        table.rows[1].cells[1] = "822b".to_owned();
        table.rows[2].cells[1] = "12c".to_owned();
        assert_eq!(markers(&table, &["Casesa"]).len(), 5);
    }
}

//! Series offered from a table: "chart this row" (across the table's year columns) and "chart
//! this column" (down the rows, by the table's year column), as `from_table` series added to a
//! corpus.

use super::Corpus;
use super::diagnostics::Diagnostic;
use super::model::{ColumnKind, CorpusFile, Series, Table, TableSeries, ValueFormat, ValueKind};
use super::table_series::{DecimalMark, cell_number_with, column_year, parse_year};

/// The series charting row `row` (its position in the table) of `table` across the year
/// columns, if the table has year columns and the row a number under one of them. Its id is
/// not yet unique: [`Corpus::with_series`] makes it so.
#[must_use]
pub fn row_series(table: &Table, row: usize) -> Option<Series> {
    let record = table.rows.get(row)?;
    let mark = DecimalMark::of_table(table);
    let year_columns: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, column)| column_year(column.kind, &column.header).is_some())
        .map(|(position, _)| position)
        .collect();
    let has_number = year_columns.iter().any(|&c| {
        record
            .cells
            .get(c)
            .and_then(|cell| cell_number_with(cell, mark))
            .is_some()
    });
    if !has_number {
        return None;
    }
    let unit = year_columns
        .iter()
        .filter_map(|&c| table.columns.get(c))
        .map(|column| column.unit.trim())
        .find(|unit| !unit.is_empty())
        .unwrap_or_default();
    let percent = year_columns
        .iter()
        .filter_map(|&c| table.columns.get(c))
        .all(|column| column.kind == ColumnKind::Percent);
    let name = record
        .cells
        .iter()
        .map(|cell| cell.trim())
        .find(|cell| !cell.is_empty())
        .unwrap_or(record.id.as_str());
    Some(table_series(
        table,
        &record.id,
        name,
        unit,
        percent,
        TableSeries {
            table: table.id.clone(),
            row: Some(record.id.clone()),
            column: None,
        },
    ))
}

/// The series charting column `column` (its position) of `table` down the rows, by the year in
/// each row's year column, if the table has a year column and this column holds a number in a
/// row with a year. Its id is not yet unique: [`Corpus::with_series`] makes it so.
#[must_use]
pub fn column_series(table: &Table, column: usize) -> Option<Series> {
    let record = table.columns.get(column)?;
    let mark = DecimalMark::of_table(table);
    let year_column = table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Year)?;
    if year_column == column {
        return None;
    }
    let has_number = table.rows.iter().any(|row| {
        row.cells
            .get(year_column)
            .and_then(|y| parse_year(y))
            .is_some()
            && row
                .cells
                .get(column)
                .and_then(|cell| cell_number_with(cell, mark))
                .is_some()
    });
    if !has_number {
        return None;
    }
    let header = record.header.trim();
    let name = if header.is_empty() {
        record.id.as_str()
    } else {
        header
    };
    let mut series = table_series(
        table,
        &record.id,
        name,
        record.unit.trim(),
        record.kind == ColumnKind::Percent,
        TableSeries {
            table: table.id.clone(),
            row: None,
            column: Some(record.id.clone()),
        },
    );
    if series.unit.is_empty() && series.value_format.kind != ValueKind::Percent {
        // Without a unit, the header is what the values measure.
        header.clone_into(&mut series.axis_label);
    }
    Some(series)
}

/// A `from_table` series of `table` titled by the table's label and `name`.
fn table_series(
    table: &Table,
    part: &str,
    name: &str,
    unit: &str,
    percent: bool,
    from: TableSeries,
) -> Series {
    let label = match (table.label.trim(), table.caption.trim()) {
        ("", "") => table.id.as_str(),
        ("", caption) => caption,
        (label, _) => label,
    };
    let kind = if percent || unit == "%" {
        ValueKind::Percent
    } else if unit.split_whitespace().any(|word| word == "per") {
        ValueKind::Rate
    } else {
        ValueKind::Measure
    };
    Series {
        id: format!("{}-{part}", table.id),
        title: format!("{label}: {name}"),
        unit: unit.to_owned(),
        value_format: ValueFormat {
            kind,
            ..ValueFormat::default()
        },
        source: table.title(),
        from_table: Some(from),
        ..Series::default()
    }
}

impl Corpus {
    /// This corpus with `series` added after its own (its id made unique with `-2`, `-3`, …
    /// when taken), validated and indexed again; and the new series' position.
    ///
    /// # Errors
    /// The diagnostics, when the corpus with the new series does not validate.
    pub fn with_series(&self, mut series: Series) -> Result<(Self, usize), Vec<Diagnostic>> {
        let mut file: CorpusFile = self.file.clone();
        // Points read from a table are filled again at load.
        for existing in &mut file.series {
            if existing.from_table.is_some() {
                existing.points.clear();
            }
        }
        let taken = |id: &str| file.series.iter().any(|s| s.id == id);
        if taken(&series.id) {
            let base = series.id.clone();
            // Of len + 1 candidates at least one is free.
            let candidates = 2..=file.series.len() + 2;
            if let Some(free) = candidates
                .map(|n| format!("{base}-{n}"))
                .find(|id| !taken(id))
            {
                series.id = free;
            }
        }
        file.series.push(series);
        let position = file.series.len() - 1;
        Ok((Self::from_file(file, &self.source_name)?, position))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::{Column, PointStatus, TableRow};

    fn column(id: &str, header: &str, kind: ColumnKind, unit: &str) -> Column {
        Column {
            id: id.to_owned(),
            header: header.to_owned(),
            kind,
            unit: unit.to_owned(),
        }
    }

    fn row(id: &str, cells: &[&str]) -> TableRow {
        TableRow {
            id: id.to_owned(),
            cells: cells.iter().map(|&c| c.to_owned()).collect(),
            ..TableRow::default()
        }
    }

    /// Fixture numbers: a row per place across year columns.
    fn across() -> Table {
        Table {
            id: "t1".to_owned(),
            label: "Table 1".to_owned(),
            caption: "Widgets per 1,000 people".to_owned(),
            columns: vec![
                column("place", "Place", ColumnKind::Text, ""),
                column("y2001", "2001", ColumnKind::Number, "per 1,000 people"),
                column("y2002", "2002", ColumnKind::Number, "per 1,000 people"),
            ],
            rows: vec![
                row("north", &["North", "11.5", "12.5"]),
                row("none", &["None", "–", ""]),
            ],
            ..Table::default()
        }
    }

    /// Fixture numbers: a row per year.
    fn down() -> Table {
        Table {
            id: "t2".to_owned(),
            label: "Table 2".to_owned(),
            columns: vec![
                column("year", "Year", ColumnKind::Year, ""),
                column("share", "Share", ColumnKind::Percent, "%"),
                column("note", "Note", ColumnKind::Text, ""),
            ],
            rows: vec![
                row("r1", &["2001", "10%", "a"]),
                row("r2", &["2002", "20%", "b"]),
            ],
            ..Table::default()
        }
    }

    #[test]
    fn a_row_with_numbers_under_year_columns_can_be_charted() {
        let series = row_series(&across(), 0).unwrap_or_default();
        assert_eq!(series.title, "Table 1: North");
        assert_eq!(series.unit, "per 1,000 people");
        assert_eq!(series.value_format.kind, ValueKind::Rate);
        assert_eq!(
            series.from_table.and_then(|f| f.row),
            Some("north".to_owned())
        );
        assert!(row_series(&across(), 1).is_none(), "no number in the row");
        assert!(row_series(&across(), 9).is_none());
        assert!(row_series(&down(), 0).is_none(), "no year columns");
    }

    #[test]
    fn a_number_column_of_a_table_with_years_can_be_charted() {
        let series = column_series(&down(), 1).unwrap_or_default();
        assert_eq!(series.title, "Table 2: Share");
        assert_eq!(series.value_format.kind, ValueKind::Percent);
        assert!(column_series(&down(), 0).is_none(), "the year column");
        assert!(column_series(&down(), 2).is_none(), "no numbers");
        assert!(column_series(&across(), 1).is_none(), "no year column");
    }

    #[test]
    fn a_series_added_to_a_corpus_reads_its_cells_and_gets_a_free_id() {
        let mut file = CorpusFile {
            format: "paperlens-corpus/2".to_owned(),
            tables: vec![across(), down()],
            ..CorpusFile::default()
        };
        "Fixture".clone_into(&mut file.paper.title);
        let corpus = Corpus::from_file(file, "fixture").unwrap_or_else(|d| panic!("{d:?}"));
        let series = row_series(&across(), 0).unwrap_or_default();
        let (corpus, first) = corpus
            .with_series(series.clone())
            .unwrap_or_else(|d| panic!("{d:?}"));
        let (corpus, second) = corpus
            .with_series(series)
            .unwrap_or_else(|d| panic!("{d:?}"));
        let ids: Vec<&str> = corpus.file.series.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["t1-north", "t1-north-2"]);
        assert_eq!((first, second), (0, 1));
        let points: Vec<(i32, Option<f64>, PointStatus)> = corpus
            .file
            .series
            .first()
            .map(|s| {
                s.points
                    .iter()
                    .map(|p| (p.year, p.value, p.status))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            points,
            [
                (2001, Some(11.5), PointStatus::Stated),
                (2002, Some(12.5), PointStatus::Stated)
            ]
        );
    }
}

//! Series read from table cells (`"from_table"`): the points are drawn from the cells at load,
//! each quoting its cell, so that a corpus never copies a table's numbers by hand.

use super::diagnostics::{Code, Diagnostic, JsonPath};
use super::model::{CellRef, ColumnKind, CorpusFile, PointStatus, SeriesPoint, Table};

/// Fills the points of every series declared `from_table` from its table's cells. Returns a
/// diagnostic for each such series that cannot be read (its points are then left empty).
pub fn fill_from_tables(file: &mut CorpusFile) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for position in 0..file.series.len() {
        let Some(series) = file.series.get(position) else {
            continue;
        };
        let Some(from) = series.from_table.clone() else {
            continue;
        };
        let path = JsonPath::root().key("series").index(position);
        if !series.points.is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    Code::TableSeries,
                    format!(
                        "series `{}` lists its points and also reads them from table `{}`",
                        series.id, from.table
                    ),
                    "keep one of them: remove `points` to read the values from the table's cells, or remove `from_table`",
                )
                .at(path.key("points")),
            );
            continue;
        }
        let from_path = path.key("from_table");
        let Some(table) = file.tables.iter().find(|t| t.id == from.table) else {
            diagnostics.push(
                Diagnostic::error(
                    Code::UnknownTable,
                    format!("no table has the id `{}`", from.table),
                    "use the id of one of the corpus's `tables`",
                )
                .at(from_path.key("table")),
            );
            continue;
        };
        let points = match (&from.row, &from.column) {
            (Some(row), None) => points_along_row(table, row, &from_path),
            (None, Some(column)) => points_down_column(table, column, &from_path),
            _ => Err(Box::new(Diagnostic::error(
                Code::TableSeries,
                format!(
                    "series `{}` must name one `row` or one `column` of table `{}`",
                    series.id, table.id
                ),
                "give `\"row\": \"<row id>\"` to chart a row across the year columns, or `\"column\": \"<column id>\"` to chart a column down the rows",
            )
            .at(from_path.clone()))),
        };
        match points {
            Ok(mut points) => {
                points.sort_by_key(|p| p.year);
                if let Some(series) = file.series.get_mut(position) {
                    series.points = points;
                }
            }
            Err(diagnostic) => diagnostics.push(*diagnostic),
        }
    }
    diagnostics
}

/// A row's cells under the table's year columns.
fn points_along_row(
    table: &Table,
    row_id: &str,
    path: &JsonPath,
) -> Result<Vec<SeriesPoint>, Box<Diagnostic>> {
    let row = table.rows.iter().find(|r| r.id == row_id).ok_or_else(|| {
        Box::new(
            Diagnostic::error(
                Code::UnknownTableRow,
                format!("table `{}` has no row with the id `{row_id}`", table.id),
                "use the id of one of the table's rows",
            )
            .at(path.key("row")),
        )
    })?;
    let mark = DecimalMark::of_table(table);
    let points: Vec<SeriesPoint> = table
        .columns
        .iter()
        .zip(&row.cells)
        .filter_map(|(column, cell)| {
            let year = column_year(column.kind, &column.header)?;
            Some(point_from_cell(
                year,
                (cell, mark),
                &table.id,
                &row.id,
                &column.id,
            ))
        })
        .collect();
    if points.is_empty() {
        return Err(Box::new(Diagnostic::error(
            Code::TableSeries,
            format!("table `{}` has no year columns to chart row `{row_id}` across", table.id),
            "give each year's column that year, four digits alone, as its header (`\"header\": \"1990\"`; the column's kind is `number` or `percent`, not `year`), or chart a column instead",
        )
        .at(path.key("row"))));
    }
    Ok(points)
}

/// A column's cell in each row that has a year in the table's year column.
fn points_down_column(
    table: &Table,
    column_id: &str,
    path: &JsonPath,
) -> Result<Vec<SeriesPoint>, Box<Diagnostic>> {
    let column = table.column_position(column_id).ok_or_else(|| {
        let known: Vec<&str> = table.columns.iter().map(|c| c.id.as_str()).collect();
        Diagnostic::error(
            Code::UnknownColumn,
            format!(
                "table `{}` has no column with the id `{column_id}`",
                table.id
            ),
            format!("use one of its columns: {}", known.join(", ")),
        )
        .at(path.key("column"))
    })?;
    let year_column = table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Year)
        .ok_or_else(|| {
            Box::new(
                Diagnostic::error(
                    Code::TableSeries,
                    format!(
                        "table `{}` has no year column to chart column `{column_id}` by",
                        table.id
                    ),
                    "mark the column that holds the years `\"kind\": \"year\"`",
                )
                .at(path.key("column")),
            )
        })?;
    let column_id = table
        .columns
        .get(column)
        .map_or(column_id, |c| c.id.as_str());
    let mark = DecimalMark::of_table(table);
    let points = table
        .rows
        .iter()
        .filter_map(|row| {
            let year = parse_year(row.cells.get(year_column)?)?;
            let cell = row.cells.get(column)?;
            Some(point_from_cell(
                year,
                (cell, mark),
                &table.id,
                &row.id,
                column_id,
            ))
        })
        .collect();
    Ok(points)
}

/// The year a column of values stands for: its header, when that is a year. (A column of kind
/// `year` holds years in its cells, not values.)
pub(crate) fn column_year(kind: ColumnKind, header: &str) -> Option<i32> {
    match kind {
        ColumnKind::Year => None,
        ColumnKind::Text | ColumnKind::Number | ColumnKind::Percent => parse_year(header),
    }
}

/// A year written alone: four digits, nothing else but spaces.
pub(crate) fn parse_year(text: &str) -> Option<i32> {
    let text = text.trim();
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn point_from_cell(
    year: i32,
    (cell, mark): (&str, DecimalMark),
    table: &str,
    row: &str,
    column: &str,
) -> SeriesPoint {
    let value = cell_number_with(cell, mark);
    SeriesPoint {
        year,
        value,
        status: if value.is_some() {
            PointStatus::Stated
        } else {
            PointStatus::NotStated
        },
        quote: cell.trim().to_owned(),
        cell: Some(CellRef {
            table: table.to_owned(),
            row: row.to_owned(),
            column: column.to_owned(),
        }),
        ..SeriesPoint::default()
    }
}

/// Which mark a table writes between a number's whole part and its fraction: a point
/// (`39.5`, `14,528`) or, as Portuguese, Spanish, French and German papers write them, a comma
/// (`39,5`, `14.528`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DecimalMark {
    /// `39.5`; a comma or a thin space groups thousands.
    #[default]
    Point,
    /// `39,5`; a point or a thin space groups thousands.
    Comma,
}

impl DecimalMark {
    /// The mark `table`'s cells use: a comma when at least two of its numbers can only be read
    /// with a decimal comma (`49,7`, `0,0048`, `1.234,5`) and none only with a decimal point
    /// (`39.5`, `1,234.5`); else a point. A number such as `1.414` or `14,528` reads either way
    /// and says nothing.
    #[must_use]
    pub fn of_table(table: &Table) -> Self {
        Self::of_cells(
            table
                .rows
                .iter()
                .flat_map(|row| row.cells.iter().map(String::as_str)),
        )
    }

    /// The mark the numbers in `cells` use (see [`Self::of_table`]).
    #[must_use]
    pub fn of_cells<'c>(cells: impl IntoIterator<Item = &'c str>) -> Self {
        let mut commas = 0;
        // A cell with a bracket cites (`[3,4]`): its numbers are no decimals.
        for cell in cells.into_iter().filter(|cell| !cell.contains('[')) {
            for token in number_tokens(cell) {
                match token_mark(token) {
                    Some(Self::Point) => return Self::Point,
                    Some(Self::Comma) => commas += 1,
                    None => {}
                }
            }
        }
        if commas >= 2 {
            Self::Comma
        } else {
            Self::Point
        }
    }
}

/// The numbers written in `text` with their separators: runs of digits joined by single points
/// or commas (`1.234,5`; `3, 4` is two numbers).
fn number_tokens(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes.get(at..)?.iter().position(u8::is_ascii_digit)?;
        let mut end = start;
        while let Some(&byte) = bytes.get(end) {
            let joins_digits =
                matches!(byte, b'.' | b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            if byte.is_ascii_digit() || joins_digits {
                end += 1;
            } else {
                break;
            }
        }
        at = end;
        text.get(start..end)
    })
}

/// The decimal mark a number such as `49,7` or `1,234.5` can only be read with, if one.
fn token_mark(token: &str) -> Option<DecimalMark> {
    let last = token.rfind(['.', ','])?;
    let mark = if token.as_bytes().get(last) == Some(&b',') {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    };
    let other = if mark == DecimalMark::Comma { '.' } else { ',' };
    let fraction = token.len() - last - 1;
    let groups_before_are_thousands = token
        .get(..last)?
        .split(other)
        .skip(1)
        .all(|group| group.len() == 3);
    let same_mark_twice = token.get(..last)?.contains(token.get(last..=last)?);
    if same_mark_twice {
        // `1.234.567`: the mark repeated groups thousands, so the decimal mark is the other.
        return Some(if mark == DecimalMark::Comma {
            DecimalMark::Point
        } else {
            DecimalMark::Comma
        })
        .filter(|_| fraction == 3);
    }
    if token.contains(other) {
        // `1.234,5`: the last mark is the decimal one.
        return groups_before_are_thousands.then_some(mark);
    }
    (fraction != 3).then_some(mark)
}

/// The number a table cell starts with: `"14,528"` → 14528, `"39.5%"` → 39.5,
/// `"656 (372–940)"` → 656, `"−2.1"` → −2.1; `None` for a cell with no leading number
/// (`""`, `"–"`, `"NA"`).
#[must_use]
pub fn cell_number(cell: &str) -> Option<f64> {
    cell_number_with(cell, DecimalMark::Point)
}

/// Whether a cell prints a number, perhaps with a unit or an interval (`12.5 mg/kg`,
/// `3.75 ± 3.91`, `656 (372–940)`, `3 weeks`): it starts with one and holds at most five
/// letters. `1. Problem formulation` starts with a number but prints words; `2020-06-05`,
/// `05/06/2020` and `14:30` start with one but print a date or a time.
#[must_use]
pub fn prints_a_number(cell: &str) -> bool {
    cell_number(cell).is_some()
        && cell.chars().filter(|c| c.is_alphabetic()).count() <= 5
        && !starts_with_a_date_or_time(cell.trim())
}

/// Whether `cell` starts with a date or a time of day: `2020-06-05`, `2020-06`, `2020/6/5`,
/// `05/06/2020`, `5/6/20`, `05.06.2020`, `14:30`. Not a range of years (`1990-2000`), a
/// fiscal year (`2019-20`) or a decimal (`3.75`).
fn starts_with_a_date_or_time(cell: &str) -> bool {
    let groups: Vec<&str> = cell
        .split(|c: char| !c.is_ascii_digit() && !matches!(c, '-' | '/' | '.' | ':'))
        .next()
        .unwrap_or_default()
        .split_inclusive(['-', '/', '.', ':'])
        .collect();
    // Each group: its digits and the separator after it (none for the last).
    let parts: Vec<(&str, Option<char>)> = groups
        .iter()
        .map(|group| match group.char_indices().last() {
            Some((at, c)) if matches!(c, '-' | '/' | '.' | ':') => {
                (group.get(..at).unwrap_or_default(), Some(c))
            }
            _ => (*group, None),
        })
        .collect();
    let digits = |text: &str, lens: &[usize]| {
        lens.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
    };
    let within = |text: &str, low: u32, high: u32| {
        text.parse::<u32>().is_ok_and(|n| (low..=high).contains(&n))
    };
    match parts.as_slice() {
        // Year first: `2020-06-05`, `2020/6/5`, `2020-06`.
        [(year, Some(sep)), (month, after), rest @ ..]
            if digits(year, &[4])
                && matches!(sep, '-' | '/')
                && digits(month, &[1, 2])
                && within(month, 1, 12)
                && (rest.is_empty() || *after == Some(*sep)) =>
        {
            match rest.first() {
                None => digits(month, &[2]),
                Some((day, _)) => digits(day, &[1, 2]) && within(day, 1, 31),
            }
        }
        // Day and month first: `05/06/2020`, `5/6/20`, `05.06.2020`.
        [(first, Some(sep)), (second, Some(sep2)), (year, _), ..]
            if sep == sep2
                && matches!(sep, '/' | '.' | '-')
                && digits(first, &[1, 2])
                && digits(second, &[1, 2])
                && within(first, 1, 31)
                && within(second, 1, 31)
                && (digits(year, &[4]) || (*sep == '/' && digits(year, &[2]))) =>
        {
            true
        }
        // A time of day: `14:30`, `9:05:12`.
        [(hours, Some(':')), (minutes, _), ..] => {
            digits(hours, &[1, 2])
                && within(hours, 0, 24)
                && digits(minutes, &[2])
                && within(minutes, 0, 59)
        }
        _ => false,
    }
}

/// The number a table cell starts with, read with the table's decimal mark: with a comma,
/// `"49,7"` → 49.7 and `"1.414"` → 1414.
#[must_use]
pub fn cell_number_with(cell: &str, mark: DecimalMark) -> Option<f64> {
    let (decimal, grouping) = match mark {
        DecimalMark::Point => ('.', ','),
        DecimalMark::Comma => (',', '.'),
    };
    let text = cell.trim();
    let (negative, digits) = match text.chars().next()? {
        '-' | '\u{2212}' => (true, text.get(text.chars().next()?.len_utf8()..)?),
        _ => (false, text),
    };
    let mut number = String::new();
    let mut seen_point = false;
    let mut chars = digits.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            '0'..='9' => number.push(c),
            // A thousands separator only between digits: "14,528", not "3, 4".
            c if (c == grouping || c == '\u{202f}' || c == '\u{2009}')
                && !number.is_empty()
                && !seen_point =>
            {
                let mut ahead = chars.clone();
                ahead.next();
                let group: String = ahead.take(3).collect();
                if group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()) {
                    chars.next();
                    continue;
                }
                break;
            }
            c if c == decimal && !seen_point && !number.is_empty() => {
                seen_point = true;
                number.push('.');
            }
            _ => break,
        }
        chars.next();
    }
    let value: f64 = number.trim_end_matches('.').parse().ok()?;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::{Column, Series, TableRow, TableSeries};

    #[test]
    fn a_table_writing_decimal_commas_is_read_with_them() {
        let mark = |cells: &[&str]| DecimalMark::of_cells(cells.iter().copied());
        // Brazilian: counts grouped by points, shares with a decimal comma.
        let brazilian = ["519", "1.414", "38,0", "49,7", "< 0,0001"];
        assert_eq!(mark(&brazilian), DecimalMark::Comma);
        assert_eq!(mark(&["1.234,5", "2.000.000"]), DecimalMark::Comma);
        // One decimal point anywhere settles it, as does a lone comma (a list such as `1,2`).
        assert_eq!(mark(&["49,7", "38,0", "39.5"]), DecimalMark::Point);
        assert_eq!(mark(&["[1,2]", "14,528", "1.414"]), DecimalMark::Point);
        assert_eq!(mark(&["[3,4]", "[5,6]", "1,234"]), DecimalMark::Point);
        assert_eq!(mark(&["1,234.5", "3,4", "5,6"]), DecimalMark::Point);
        assert_eq!(mark(&["3, 4", "2020", "NA"]), DecimalMark::Point);
        let comma = |cell| cell_number_with(cell, DecimalMark::Comma);
        assert_eq!(comma("1.414"), Some(1414.0));
        assert_eq!(comma("49,7"), Some(49.7));
        assert_eq!(comma("\u{2212}0,5 (−1,2–0,1)"), Some(-0.5));
        assert_eq!(comma("1.234,56%"), Some(1234.56));
        assert_eq!(comma("3. 4"), Some(3.0));
        assert_eq!(cell_number("1.414"), Some(1.414));
    }

    #[test]
    fn a_cell_starting_with_a_number_may_print_words() {
        for cell in [
            "12.5 mg/kg",
            "3.75 ± 3.91",
            "656 (372–940)",
            "12%",
            "−2.1",
            "3 weeks",
            "1990-2000",
            "2019-20",
            "12-15",
            "0.05",
            "1.2.3",
        ] {
            assert!(prints_a_number(cell), "{cell}");
        }
        for cell in [
            "1. Problem formulation",
            "12 patients",
            "NA",
            "",
            "2020-06-05",
            "2020-06",
            "2020/6/5",
            "05/06/2020",
            "5/6/20",
            "05.06.2020",
            "14:30",
            "2020-06-05 14:30",
            "2020-06-05T14:30Z",
        ] {
            assert!(!prints_a_number(cell), "{cell}");
        }
    }

    #[test]
    fn cells_read_as_their_leading_number() {
        assert_eq!(cell_number("14,528"), Some(14528.0));
        assert_eq!(cell_number("39.5%"), Some(39.5));
        assert_eq!(cell_number("656 (372–940)"), Some(656.0));
        assert_eq!(cell_number("\u{2212}2.1"), Some(-2.1));
        assert_eq!(cell_number(" 3, 4"), Some(3.0));
        assert_eq!(cell_number("–"), None);
        assert_eq!(cell_number("NA"), None);
        assert_eq!(cell_number(""), None);
    }

    fn years_table() -> Table {
        let column = |id: &str, header: &str, kind| Column {
            id: id.to_owned(),
            header: header.to_owned(),
            kind,
            unit: String::new(),
        };
        Table {
            id: "t1".to_owned(),
            columns: vec![
                column("region", "Region", ColumnKind::Text),
                column("y1990", "1990", ColumnKind::Number),
                column("y2009", "2009", ColumnKind::Number),
            ],
            rows: vec![TableRow {
                id: "africa".to_owned(),
                cells: vec!["Africa".to_owned(), "43.6".to_owned(), "–".to_owned()],
                ..TableRow::default()
            }],
            ..Table::default()
        }
    }

    /// A corpus of `table` and one series charting its row `africa`.
    fn charting_row_africa(table: Table) -> CorpusFile {
        CorpusFile {
            tables: vec![table],
            series: vec![Series {
                id: "africa".to_owned(),
                from_table: Some(TableSeries {
                    table: "t1".to_owned(),
                    row: Some("africa".to_owned()),
                    column: None,
                }),
                ..Series::default()
            }],
            ..CorpusFile::default()
        }
    }

    #[test]
    fn a_row_is_charted_across_its_year_columns() {
        let mut file = charting_row_africa(years_table());
        assert!(fill_from_tables(&mut file).is_empty());
        let points = &file
            .series
            .first()
            .map(|s| s.points.clone())
            .unwrap_or_default();
        let read: Vec<(i32, Option<f64>, PointStatus)> =
            points.iter().map(|p| (p.year, p.value, p.status)).collect();
        assert_eq!(
            read,
            vec![
                (1990, Some(43.6), PointStatus::Stated),
                (2009, None, PointStatus::NotStated)
            ]
        );
        let first = points.first().cloned().unwrap_or_default();
        assert_eq!(first.quote, "43.6");
        assert_eq!(first.cell.map(|c| c.column), Some("y1990".to_owned()));
    }

    #[test]
    fn a_series_naming_no_row_or_an_unknown_table_is_reported() {
        let mut file = CorpusFile {
            tables: vec![years_table()],
            series: vec![
                Series {
                    id: "a".to_owned(),
                    from_table: Some(TableSeries {
                        table: "t1".to_owned(),
                        ..TableSeries::default()
                    }),
                    ..Series::default()
                },
                Series {
                    id: "b".to_owned(),
                    from_table: Some(TableSeries {
                        table: "t9".to_owned(),
                        row: Some("africa".to_owned()),
                        column: None,
                    }),
                    ..Series::default()
                },
            ],
            ..CorpusFile::default()
        };
        let codes: Vec<Code> = fill_from_tables(&mut file).iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![Code::TableSeries, Code::UnknownTable]);
    }

    /// Columns of kind `year` hold years, not a year's values: a row is charted across the
    /// columns headed by a year, and the hint says so rather than to mark them `year`.
    #[test]
    fn a_row_with_no_year_headed_columns_is_told_to_head_them_with_years() {
        let mut table = years_table();
        for column in &mut table.columns {
            column.kind = ColumnKind::Year;
        }
        let mut file = charting_row_africa(table);
        let diagnostics = fill_from_tables(&mut file);
        let hints: Vec<&str> = diagnostics.iter().map(|d| d.hint.as_str()).collect();
        assert_eq!(diagnostics.len(), 1, "{hints:?}");
        assert!(
            hints
                .iter()
                .all(|h| h.contains("as its header") && !h.contains("mark the year columns")),
            "{hints:?}"
        );
    }
}

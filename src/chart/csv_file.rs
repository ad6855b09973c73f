//! A series as CSV: `year,value,status,source,quote`, one row per point.

use super::error::ChartError;
use crate::corpus::model::{PointStatus, Series};

/// The header row [`series_csv`] writes and [`parse_series_csv`] expects.
pub const CSV_HEADER: [&str; 5] = ["year", "value", "status", "source", "quote"];

/// One row of a series CSV file.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvRow {
    /// The year.
    pub year: i32,
    /// The value; `None` (an empty cell) when the text does not state it.
    pub value: Option<f64>,
    /// How the text gives the value.
    pub status: PointStatus,
    /// Where the numbers come from, as the paper prints it.
    pub source: String,
    /// The sentence the value comes from, verbatim.
    pub quote: String,
}

/// The status as written in the CSV `status` column.
fn status_name(status: PointStatus) -> &'static str {
    match status {
        PointStatus::Stated => "stated",
        PointStatus::Approximate => "approximate",
        PointStatus::NotStated => "not_stated",
        PointStatus::Derived => "derived",
    }
}

/// The CSV text of a series: a header `year,value,status,source,quote`, then one row per point.
///
/// `status` is `stated`, `approximate` or `not_stated`; `value` is empty for a not-stated point
/// (whatever its `value` field holds), so no number is ever invented. Values are written in
/// full, without thousands separators (`49000`).
#[must_use]
pub fn series_csv(series: &Series) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; were it to, the text would be cut short, never wrong.
    let mut rows = vec![CSV_HEADER.map(str::to_owned)];
    rows.extend(series.points.iter().map(|point| {
        let value = match (point.status, point.value) {
            (PointStatus::NotStated, _) | (_, None) => String::new(),
            (_, Some(value)) => value.to_string(),
        };
        [
            point.year.to_string(),
            value,
            status_name(point.status).to_owned(),
            series.source.clone(),
            point.quote.clone(),
        ]
    }));
    for row in &rows {
        if writer.write_record(row).is_err() {
            break;
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Reads CSV text in the shape [`series_csv`] writes.
///
/// # Errors
/// [`ChartError::Csv`] with the line number when the header differs, a row has the wrong number
/// of cells, a year or value is not a number, a status is unknown, a not-stated row carries a
/// value, or a stated or approximate row has none.
pub fn parse_series_csv(text: &str) -> Result<Vec<CsvRow>, ChartError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| csv_error(None, &e))?;
    if header.iter().ne(CSV_HEADER) {
        return Err(ChartError::Csv {
            line: Some(1),
            message: format!(
                "the header is `{}`, expected `{}`",
                header.iter().collect::<Vec<_>>().join(","),
                CSV_HEADER.join(",")
            ),
        });
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(None, &e))?;
        let line = record.position().map(csv::Position::line);
        let fail = |message: String| ChartError::Csv { line, message };
        let [
            Some(year),
            Some(value),
            Some(status),
            Some(source),
            Some(quote),
            None,
        ] = [0, 1, 2, 3, 4, 5].map(|i| record.get(i))
        else {
            return Err(fail(format!(
                "expected {} cells, found {}",
                CSV_HEADER.len(),
                record.len()
            )));
        };
        let year: i32 = year
            .trim()
            .parse()
            .map_err(|_| fail(format!("the year `{year}` is not a whole number")))?;
        let status = match status.trim() {
            "stated" => PointStatus::Stated,
            "approximate" => PointStatus::Approximate,
            "not_stated" => PointStatus::NotStated,
            other => {
                return Err(fail(format!(
                    "unknown status `{other}`; use stated, approximate or not_stated"
                )));
            }
        };
        let value = match value.trim() {
            "" => None,
            number => Some(
                number
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| fail(format!("the value `{number}` is not a number")))?,
            ),
        };
        match (status, value) {
            (PointStatus::NotStated, Some(value)) => {
                return Err(fail(format!(
                    "{year} is not_stated but has the value {value}; a not-stated year has no value"
                )));
            }
            (PointStatus::Stated | PointStatus::Approximate, None) => {
                return Err(fail(format!(
                    "{year} is {} but its value is empty",
                    status_name(status)
                )));
            }
            _ => {}
        }
        rows.push(CsvRow {
            year,
            value,
            status,
            source: source.to_owned(),
            quote: quote.to_owned(),
        });
    }
    Ok(rows)
}

fn csv_error(line: Option<u64>, error: &csv::Error) -> ChartError {
    let line = line.or_else(|| error.position().map(csv::Position::line));
    ChartError::Csv {
        line,
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_a_value_on_a_not_stated_row() {
        let text = "year,value,status,source,quote\n2022,41500,not_stated,S,Q\n";
        let error = parse_series_csv(text).err();
        assert!(
            matches!(&error, Some(ChartError::Csv { line: Some(2), message }) if message.contains("not-stated")),
            "{error:?}"
        );
    }

    #[test]
    fn rejects_a_wrong_header_and_bad_cells() {
        assert!(parse_series_csv("year,value\n2020,1\n").is_err());
        assert!(parse_series_csv("year,value,status,source,quote\n20x0,1,stated,S,Q\n").is_err());
        assert!(parse_series_csv("year,value,status,source,quote\n2020,,stated,S,Q\n").is_err());
        assert!(parse_series_csv("year,value,status,source,quote\n2020,1,guessed,S,Q\n").is_err());
        assert!(parse_series_csv("year,value,status,source,quote\n2020,1,stated,S\n").is_err());
    }

    #[test]
    fn quotes_with_commas_and_quotes_survive() {
        let series = Series {
            source: "A, \"B\"".to_owned(),
            points: vec![crate::corpus::model::SeriesPoint {
                year: 1999,
                value: Some(1234.5),
                status: PointStatus::Stated,
                quote: "He said \"about 1,234.5\",\nthen left.".to_owned(),
                paragraph: Some("p".to_owned()),
                ..crate::corpus::model::SeriesPoint::default()
            }],
            ..Series::default()
        };
        let rows = parse_series_csv(&series_csv(&series)).unwrap_or_default();
        assert_eq!(
            rows,
            vec![CsvRow {
                year: 1999,
                value: Some(1234.5),
                status: PointStatus::Stated,
                source: "A, \"B\"".to_owned(),
                quote: "He said \"about 1,234.5\",\nthen left.".to_owned(),
            }]
        );
    }
}

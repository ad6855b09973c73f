//! Tables and the cases as CSV, for spreadsheets: one header row, then one row per record;
//! lists are joined with `; `.

use crate::corpus::Corpus;
use crate::corpus::display::column_headers;

use super::ExportError;

/// Writes rows (the first being the header) as CSV.
fn write(rows: Vec<Vec<String>>) -> Result<String, ExportError> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer
            .write_record(&row)
            .map_err(|e| ExportError::Serialize(e.to_string()))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Serialize(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Serialize(e.to_string()))
}

/// The table at `position` in the corpus as printed: one header row (each column's header,
/// after the headers of the header rows that span it: `"Men — <50"`), then its rows' cells as
/// the paper prints them (citations as printed). An empty text when there is no such table.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
pub fn table(corpus: &Corpus, position: usize) -> Result<String, ExportError> {
    let file = &corpus.file;
    let Some(table) = file.tables.get(position) else {
        return Ok(String::new());
    };
    let first = file.first_row_of(position);
    let mut rows = vec![column_headers(table)];
    for row in first..first + table.rows.len() {
        rows.push(
            (0..table.columns.len())
                .map(|column| corpus.index.cell_text(file, row, column).to_owned())
                .collect(),
        );
    }
    write(rows)
}

/// The cases: `id, title, kind, region, region_id, countries, forms, summary, paragraphs,
/// references, entities`, one row per case in corpus order. `kind` is `case_study` or
/// `example`.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
pub fn cases(corpus: &Corpus) -> Result<String, ExportError> {
    let regions = &corpus.file.regions;
    let mut rows = vec![
        [
            "id",
            "title",
            "kind",
            "region",
            "region_id",
            "countries",
            "forms",
            "summary",
            "paragraphs",
            "references",
            "entities",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for case in &corpus.file.cases {
        let region_id = case.region.clone().unwrap_or_default();
        let region = corpus
            .region_by_id(&region_id)
            .and_then(|p| regions.get(p))
            .map_or_else(|| region_id.clone(), |r| r.name.clone());
        let kind = serde_json::to_value(case.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        rows.push(vec![
            case.id.clone(),
            case.title.clone(),
            kind,
            region,
            region_id,
            case.countries.join("; "),
            case.forms.join("; "),
            case.summary.clone(),
            case.paragraphs.join("; "),
            case.references.join("; "),
            case.entities.join("; "),
        ]);
    }
    write(rows)
}

//! The regional table and the cases as CSV, for spreadsheets: one header row, then one row per
//! record; lists are joined with `; `.

use crate::corpus::Corpus;

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

/// The regional table: `id, region, region_id, cooperating_entities, cooperative_efforts,
/// key_concept, references_text, entities, references`, one row per table row in printed
/// order. `region` is the region's name as the table prints it.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
pub fn regional_table(corpus: &Corpus) -> Result<String, ExportError> {
    let table = &corpus.file.regional_table;
    let mut rows = vec![
        [
            "id",
            "region",
            "region_id",
            "cooperating_entities",
            "cooperative_efforts",
            "key_concept",
            "references_text",
            "entities",
            "references",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for row in &table.rows {
        let region = corpus
            .region_by_id(&row.region)
            .and_then(|p| table.regions.get(p))
            .map_or_else(|| row.region.clone(), |r| r.name.clone());
        rows.push(vec![
            row.id.clone(),
            region,
            row.region.clone(),
            row.cooperating_entities.clone(),
            row.cooperative_efforts.clone(),
            row.key_concept.clone(),
            row.references_text.clone(),
            row.entities.join("; "),
            row.references.join("; "),
        ]);
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
    let regions = &corpus.file.regional_table.regions;
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
        let region = corpus
            .region_by_id(&case.region)
            .and_then(|p| regions.get(p))
            .map_or_else(|| case.region.clone(), |r| r.name.clone());
        let kind = serde_json::to_value(case.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        rows.push(vec![
            case.id.clone(),
            case.title.clone(),
            kind,
            region,
            case.region.clone(),
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

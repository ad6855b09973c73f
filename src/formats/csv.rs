//! Tables, the cases and the in-text citations as CSV, for spreadsheets: one header row, then
//! one row per record; lists are joined with `; `.

use crate::corpus::Corpus;
use crate::corpus::cite::short_label;
use crate::corpus::display::{column_headers, section_heading};

use super::ExportError;

/// Writes rows (the first being the header) as CSV.
pub(super) fn write(rows: Vec<Vec<String>>) -> Result<String, ExportError> {
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

/// Every in-text citation, one row per cited reference (a citation of three works is three
/// rows): `section, paragraph, sentence, citation, reference, label` — the section's heading,
/// the paragraph's id, the citing sentence as printed, the citation as printed (`[2], [4]`,
/// `(Porter, 1995)`), the reference's id and its short label (`Porter, 1995`). In text order:
/// a student's worksheet of what each source is cited for. Then the citations printed in
/// table cells, by table and row: the section the table stands in, the row's id, the row as
/// printed (its cells joined by ` | `), and the rest as for the text. Then the works the
/// captions cite (a table's notes too), by table and figure: the section it stands in, its
/// id, its label, caption and notes, an empty citation (a caption keeps its markers as plain
/// printed text) and the work.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
pub fn citations(corpus: &Corpus) -> Result<String, ExportError> {
    let file = &corpus.file;
    let index = &corpus.index;
    let mut rows = vec![
        [
            "section",
            "paragraph",
            "sentence",
            "citation",
            "reference",
            "label",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for (position, citation) in index.citations.iter().enumerate() {
        let Some(info) = index.paragraphs.get(citation.paragraph) else {
            continue;
        };
        let section = file
            .sections
            .get(info.section)
            .map(section_heading)
            .unwrap_or_default();
        let paragraph = corpus
            .paragraph(citation.paragraph)
            .map(|p| p.id.clone())
            .unwrap_or_default();
        let sentence = index.citing_sentence(position).unwrap_or_default().trim();
        let printed = info.printed.get(citation.range.clone()).unwrap_or_default();
        for &reference in &citation.references {
            let Some(work) = file.references.get(reference) else {
                continue;
            };
            rows.push(vec![
                section.clone(),
                paragraph.clone(),
                sentence.to_owned(),
                printed.to_owned(),
                work.id.clone(),
                short_label(work),
            ]);
        }
    }
    for citation in &index.cell_citations {
        let Some((table, _, row)) = file.table_row(citation.row) else {
            continue;
        };
        let section = heading_of(
            file,
            file.tables.get(table).and_then(|t| t.section.as_deref()),
        );
        let cells: Vec<&str> = (0..row.cells.len())
            .map(|column| index.cell_text(file, citation.row, column).trim())
            .filter(|cell| !cell.is_empty())
            .collect();
        let printed = index
            .cell_text(file, citation.row, citation.column)
            .get(citation.range.clone())
            .unwrap_or_default();
        for work in citation
            .references
            .iter()
            .filter_map(|&reference| file.references.get(reference))
        {
            rows.push(vec![
                section.clone(),
                row.id.clone(),
                cells.join(" | "),
                printed.to_owned(),
                work.id.clone(),
                short_label(work),
            ]);
        }
    }
    caption_rows(corpus, &mut rows);
    write(rows)
}

/// The heading of the section with id `section` (where a table or figure stands); empty when
/// there is none.
fn heading_of(file: &crate::corpus::model::CorpusFile, section: Option<&str>) -> String {
    section
        .and_then(|id| file.sections.iter().find(|s| s.id == id))
        .map(section_heading)
        .unwrap_or_default()
}

/// How many rows [`citations`] writes below its header.
#[must_use]
pub fn citation_rows(corpus: &Corpus) -> usize {
    let file = &corpus.file;
    let in_captions = file.tables.iter().map(|t| &t.references);
    let in_captions = in_captions.chain(file.figures.iter().map(|f| &f.references));
    corpus.summary().citations
        + in_captions
            .flatten()
            .filter(|key| corpus.reference_by_id(key).is_some())
            .count()
}

/// The worksheet's rows for the works captions and table notes cite: see [`citations`].
fn caption_rows(corpus: &Corpus, rows: &mut Vec<Vec<String>>) {
    let file = &corpus.file;
    let tables = file.tables.iter().map(|table| {
        let mut text = table.title();
        for note in &table.footnotes {
            text.push(' ');
            text.push_str(&note.text);
        }
        (&table.id, table.section.as_deref(), text, &table.references)
    });
    let figures = file.figures.iter().map(|figure| {
        (
            &figure.id,
            figure.section.as_deref(),
            figure.title(),
            &figure.references,
        )
    });
    for (id, section, text, references) in tables.chain(figures) {
        let section = heading_of(file, section);
        for work in references
            .iter()
            .filter_map(|key| corpus.reference_by_id(key))
            .filter_map(|position| file.references.get(position))
        {
            rows.push(vec![
                section.clone(),
                id.clone(),
                text.trim().to_owned(),
                String::new(),
                work.id.clone(),
                short_label(work),
            ]);
        }
    }
}

//! Reading the first version of the format, `paperlens-corpus/1`: a file in it is migrated to
//! the current format on load (with an info diagnostic), and `paperlens migrate` writes it out.
//!
//! What changed: the one `regional_table` became a general `tables` list (its five fixed cells
//! became columns, its regions the top-level `regions`), and a series' `figure_paragraph`
//! became a figure record the series links to.

use serde_json::{Map, Value, json};

use super::diagnostics::{Code, Diagnostic, JsonPath, guide_hint, plain_words};
use super::model::{CorpusFile, FORMAT_V1, FORMAT_V2};

/// Whether `text` is a well-formed corpus in the first version of the format.
#[must_use]
pub fn is_format_1(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Tag {
        format: String,
    }
    serde_json::from_str::<Tag>(text).is_ok_and(|tag| tag.format == FORMAT_V1)
}

/// The info diagnostic a migrated file carries.
#[must_use]
pub fn migrated_notice() -> Diagnostic {
    Diagnostic::info(
        Code::MigratedFormat,
        format!("this file is in the first version of the format (`{FORMAT_V1}`); it was migrated to `{FORMAT_V2}` as it loaded"),
        format!(
            "to update the file itself, run `paperlens migrate FILE --out NEW.json`; {}",
            guide_hint("Migrating from format 1")
        ),
    )
    .at(JsonPath::root().key("format"))
}

/// Parses a format-1 corpus into the current format.
///
/// # Errors
/// A diagnostic naming the value (by its path in the migrated file) that does not fit.
pub fn parse_format_1(text: &str) -> Result<CorpusFile, Box<Diagnostic>> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| {
        Box::new(Diagnostic::error(
            Code::JsonSyntax,
            format!("the JSON is not well-formed: {e}"),
            "fix the JSON syntax at the place shown",
        ))
    })?;
    migrate_value(&mut value);
    serde_path_to_error::deserialize::<_, CorpusFile>(value).map_err(|error| {
        let path = JsonPath::from_serde(error.path());
        // The same plain words as a current file's type errors, never serde's.
        let (message, shape) = plain_words(&error.into_inner().to_string(), &path);
        let hint = match shape {
            Some(shape) => format!("{shape}; fix the value in the format-1 file"),
            None => "fix the value in the format-1 file, or write the file in the current format (`paperlens docs format`)".to_owned(),
        };
        Box::new(
            Diagnostic::error(
                Code::JsonType,
                format!("after migrating this format-1 file, a value does not fit: {message}"),
                hint,
            )
            .at(path),
        )
    })
}

/// Rewrites a format-1 corpus, as JSON, into the current format. Values of unexpected shapes
/// are left where they are, for the current format's checks to report.
pub fn migrate_value(value: &mut Value) {
    let Some(root) = value.as_object_mut() else {
        return;
    };
    root.insert("format".to_owned(), Value::String(FORMAT_V2.to_owned()));
    if let Some(Value::Object(table)) = root.remove("regional_table") {
        migrate_regional_table(root, table);
    }
    migrate_series_figures(root);
}

/// The keys of a format-1 table row's text cells, in printed order after the Region column.
const ROW_CELLS: [&str; 4] = [
    "cooperating_entities",
    "cooperative_efforts",
    "key_concept",
    "references_text",
];

/// A format-1 field name as a column header: `"key_concept"` → `"Key concept"`.
fn header_of(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn migrate_regional_table(root: &mut Map<String, Value>, mut table: Map<String, Value>) {
    let regions = table.remove("regions").unwrap_or_else(|| json!([]));
    let region_name = |id: &str| {
        regions
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r.get("id").and_then(Value::as_str) == Some(id))
            .and_then(|r| r.get("name").and_then(Value::as_str))
            .unwrap_or(id)
            .to_owned()
    };
    let rows: Vec<Value> = match table.remove("rows") {
        Some(Value::Array(rows)) => rows
            .into_iter()
            .map(|row| match row {
                Value::Object(mut row) => {
                    let region = row.get("region").and_then(Value::as_str).map(str::to_owned);
                    let mut cells = vec![Value::String(
                        region.as_deref().map(region_name).unwrap_or_default(),
                    )];
                    for key in ROW_CELLS {
                        cells.push(row.remove(key).unwrap_or_else(|| json!("")));
                    }
                    row.insert("cells".to_owned(), Value::Array(cells));
                    Value::Object(row)
                }
                other => other,
            })
            .collect(),
        _ => Vec::new(),
    };
    if regions.as_array().is_some_and(|r| !r.is_empty()) {
        root.insert("regions".to_owned(), regions.clone());
    }
    if rows.is_empty() {
        return;
    }
    let mut columns = vec![json!({"id": "region", "header": "Region"})];
    columns.extend(
        ROW_CELLS
            .iter()
            .map(|key| json!({"id": key, "header": header_of(key)})),
    );
    let mut migrated = Map::new();
    migrated.insert("id".to_owned(), json!("table"));
    for key in ["caption", "section", "after_paragraph"] {
        if let Some(value) = table.remove(key) {
            migrated.insert(key.to_owned(), value);
        }
    }
    migrated.insert("columns".to_owned(), Value::Array(columns));
    migrated.insert("rows".to_owned(), Value::Array(rows));
    root.insert(
        "tables".to_owned(),
        Value::Array(vec![Value::Object(migrated)]),
    );
}

fn migrate_series_figures(root: &mut Map<String, Value>) {
    let mut figures = Vec::new();
    if let Some(Value::Array(series)) = root.get_mut("series") {
        for series in series.iter_mut().filter_map(Value::as_object_mut) {
            let Some(Value::String(paragraph)) = series.remove("figure_paragraph") else {
                continue;
            };
            let id = format!(
                "{}-figure",
                series.get("id").and_then(Value::as_str).unwrap_or("series")
            );
            let caption = series
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            figures.push(json!({"id": id, "caption": caption, "source_paragraph": paragraph}));
            series.insert("figure".to_owned(), Value::String(id));
        }
    }
    if !figures.is_empty() {
        root.insert("figures".to_owned(), Value::Array(figures));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_1_table_becomes_a_table_with_columns() {
        let mut value = json!({
            "format": FORMAT_V1,
            "regional_table": {
                "caption": "Cooperation",
                "regions": [{"id": "asean", "name": "ASEAN"}],
                "rows": [{
                    "id": "r1", "region": "asean", "cooperating_entities": "A",
                    "cooperative_efforts": "B", "key_concept": "C", "references_text": "D",
                    "entities": ["e"]
                }]
            },
            "series": [{"id": "s", "title": "T", "figure_paragraph": "p9"}]
        });
        migrate_value(&mut value);
        assert_eq!(value["format"], FORMAT_V2);
        assert_eq!(value["regions"][0]["name"], "ASEAN");
        let table = &value["tables"][0];
        assert_eq!(table["caption"], "Cooperation");
        assert_eq!(table["columns"][3]["header"], "Key concept");
        assert_eq!(
            table["rows"][0]["cells"],
            json!(["ASEAN", "A", "B", "C", "D"])
        );
        assert_eq!(table["rows"][0]["region"], "asean");
        assert_eq!(table["rows"][0]["entities"], json!(["e"]));
        assert_eq!(value["series"][0]["figure"], "s-figure");
        assert_eq!(value["figures"][0]["source_paragraph"], "p9");
    }

    #[test]
    fn the_notice_sends_the_reader_to_the_guide_on_migrating() {
        let notice = migrated_notice();
        assert!(
            notice
                .hint
                .contains("see “Migrating from format 1” in the corpus format guide"),
            "{}",
            notice.hint
        );
        assert!(
            crate::corpus::FORMAT_GUIDE.contains("\n## Migrating from format 1\n"),
            "no such heading in corpus/README.md"
        );
    }

    #[test]
    fn only_format_1_files_are_recognised() {
        assert!(is_format_1(r#"{"format": "paperlens-corpus/1", "x": 1}"#));
        assert!(!is_format_1(r#"{"format": "paperlens-corpus/2"}"#));
        assert!(!is_format_1("{not json"));
    }
}

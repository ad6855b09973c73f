//! The JSON Schema of the corpus format, generated from the Rust types.
//!
//! `corpus/schema.json` is this schema, committed; a test fails when it is stale, and
//! `paperlens schema` prints it.

use super::model::CorpusFile;

/// The JSON Schema of `paperlens-corpus/2`, pretty-printed with a trailing newline.
#[must_use]
pub fn corpus_schema_json() -> String {
    let mut schema = schemars::schema_for!(CorpusFile);
    schema.insert(
        "title".to_owned(),
        serde_json::Value::String("paperlens corpus (paperlens-corpus/2)".to_owned()),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

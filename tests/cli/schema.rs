//! `corpus/schema.json` is generated from the Rust types; it must never go stale.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use paperlens::corpus::schema::corpus_schema_json;

const REGENERATE: &str = "cargo run --no-default-features -- schema > corpus/schema.json";

fn committed() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/schema.json");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; create it with `{REGENERATE}`",
            path.display()
        )
    })
}

#[test]
fn committed_schema_is_up_to_date() {
    let generated = corpus_schema_json();
    assert!(
        generated == committed(),
        "corpus/schema.json is stale: the corpus types changed. Regenerate it with `{REGENERATE}`"
    );
}

#[test]
fn schema_describes_the_format() {
    let schema: serde_json::Value = serde_json::from_str(&committed()).expect("valid JSON");
    assert_eq!(schema["title"], "paperlens corpus (paperlens-corpus/2)");
    let properties = schema["properties"]
        .as_object()
        .expect("top-level properties");
    for key in [
        "$schema",
        "format",
        "paper",
        "sections",
        "references",
        "entities",
        "cases",
        "regions",
        "tables",
        "figures",
        "footnotes",
        "series",
        "notes",
    ] {
        assert!(properties.contains_key(key), "no property {key}");
    }
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required keys")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for key in ["format", "paper", "sections", "references"] {
        assert!(required.contains(&key), "{key} must be required");
    }
    // Unknown keys are rejected at the top level, as the loader does.
    assert_eq!(schema["additionalProperties"], false);
}

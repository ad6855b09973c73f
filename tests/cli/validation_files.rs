//! Files as a whole rather than one rule each: bytes that are not UTF-8, the 64 MiB limit, a
//! truncated file, a trailing comma, fields a corpus does not know, ids that do not exist,
//! format-1 files migrated, and citations printed as the paper prints them.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paperlens::corpus::load::{LoadFailure, LoadReport};
use paperlens::corpus::{BUILTIN_JSON, MAX_FILE_BYTES, Severity};
use paperlens::open::{open_bytes, open_path, open_text};

use crate::common::fixtures;
use crate::validation_rules::{codes, describe, line_of, minimal_text, path_of};

#[test]
fn invalid_utf8_is_reported_at_the_bad_byte() {
    let text = minimal_text();
    let marker = "A network of organisations";
    let at = text.find(marker).expect("marker in minimal.json");
    let mut bytes = text.as_bytes().to_vec();
    // A lone continuation byte and an 0xFF: never valid UTF-8.
    bytes.splice(at..at, [0xFF, 0x80]);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("latin1.json");
    std::fs::write(&path, &bytes).expect("write fixture");

    let report = open_path(&path);
    assert_eq!(
        report.diagnostics.len(),
        1,
        "{}",
        describe(&report.diagnostics)
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.code.as_str(), "invalid-utf8");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.location.map(|l| l.line), Some(line_of(&text, marker, 0)));
    assert_eq!(d.location.map(|l| l.offset), Some(at));
    assert!(report.corpus.is_none());
    assert_eq!(report.failure(), Some(LoadFailure::Invalid));
}

#[test]
fn a_file_over_64_mib_is_too_large_and_unreadable() {
    assert_eq!(MAX_FILE_BYTES, 64 * 1024 * 1024);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(MAX_FILE_BYTES + 1).expect("grow the file");
    drop(file);

    let report = open_path(&path);
    assert_eq!(
        report.diagnostics.len(),
        1,
        "{}",
        describe(&report.diagnostics)
    );
    assert_eq!(report.diagnostics[0].code.as_str(), "too-large");
    assert!(report.diagnostics[0].message.contains("64 MiB"));
    assert_eq!(report.failure(), Some(LoadFailure::Unreadable));

    // The same limit holds for bytes handed over directly.
    let bytes = vec![b' '; usize::try_from(MAX_FILE_BYTES).expect("fits") + 1];
    let report = open_bytes(&bytes, "bytes");
    assert_eq!(
        report.diagnostics.first().map(|d| d.code.as_str()),
        Some("too-large")
    );
}

#[test]
fn a_file_of_exactly_64_mib_is_still_read() {
    let mut text = minimal_text();
    let size = usize::try_from(MAX_FILE_BYTES).expect("fits");
    text.extend(std::iter::repeat_n(' ', size - text.len()));
    assert_eq!(text.len(), size);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("padded.json");
    std::fs::write(&path, &text).expect("write");
    drop(text);

    let report = open_path(&path);
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        describe(&report.diagnostics)
    );
    assert!(report.corpus.is_some());
}

#[test]
fn quotes_are_compared_with_citations_printed_as_numbers() {
    // minimal.json quotes "… 100 cases [1]."; the same sentence written with the citation key
    // does not occur in the printed paragraph.
    let text = minimal_text().replace(
        "\"quote\": \"In 2020 the network recorded 100 cases [1].\"",
        "\"quote\": \"In 2020 the network recorded 100 cases [@smith2020].\"",
    );
    assert_ne!(text, minimal_text(), "the replacement must apply");
    let report = open_text(&text, "keyed-quote.json");
    let codes = codes(&report);
    assert_eq!(codes, ["quote-not-found"]);
    assert_eq!(
        path_of(&report.diagnostics[0]).as_deref(),
        Some("$.series[0].points[0].quote")
    );
}

#[test]
fn a_schema_key_is_accepted_and_kept() {
    let text = minimal_text().replacen('{', "{\n  \"$schema\": \"../../corpus/schema.json\",", 1);
    let report = open_text(&text, "with-schema.json");
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        describe(&report.diagnostics)
    );
    let corpus = report.corpus.expect("loads");
    assert_eq!(
        corpus.file.schema.as_deref(),
        Some("../../corpus/schema.json")
    );
    // And it round-trips.
    let written = serde_json::to_value(&corpus.file).expect("serialize");
    assert_eq!(written["$schema"], "../../corpus/schema.json");
}

#[test]
fn unknown_csl_fields_round_trip_through_extra() {
    let report = open_path(&fixtures().join("minimal.json"));
    let corpus = report.corpus.expect("loads");
    let doe = &corpus.file.references[1];
    assert_eq!(
        doe.extra.get("ISBN").and_then(|v| v.as_str()),
        Some("978-0-00-000000-0")
    );
    let written = serde_json::to_value(doe).expect("serialize");
    assert_eq!(written["ISBN"], "978-0-00-000000-0");
    assert_eq!(written["publisher-place"], "Exampleton");
}

#[test]
fn a_truncated_builtin_corpus_never_loads_and_never_panics() {
    let end = BUILTIN_JSON.trim_end().len();
    let mut offset = 0;
    let mut checked = 0;
    while offset < end {
        if BUILTIN_JSON.is_char_boundary(offset) {
            let cut = &BUILTIN_JSON[..offset];
            let report: LoadReport = open_text(cut, "cut.json");
            assert!(report.corpus.is_none(), "a prefix of {offset} bytes loaded");
            let codes = codes(&report);
            assert_eq!(codes, ["json-syntax"], "prefix of {offset} bytes");
            checked += 1;
        }
        offset += 263;
    }
    assert!(checked > 100);
}

#[test]
fn unknown_csl_fields_and_date_keys_are_pointed_at_their_key_with_a_suggestion() {
    let field = std::fs::read_to_string(fixtures().join("invalid/unknown-csl-field.json")).unwrap();
    let report = open_text(&field, "unknown-csl-field.json");
    let warning = &report.diagnostics[0];
    let location = warning.location.unwrap();
    assert_eq!(
        &field[location.offset..location.offset + location.length],
        "\"container-titel\""
    );
    assert!(
        warning.hint.contains("did you mean `container-title`?"),
        "{}",
        warning.hint
    );
    assert!(
        report.corpus.unwrap().file.references[0]
            .extra
            .contains_key("container-titel")
    );

    let date = std::fs::read_to_string(fixtures().join("invalid/unknown-date-key.json")).unwrap();
    let report = open_text(&date, "unknown-date-key.json");
    let warning = &report.diagnostics[0];
    let location = warning.location.unwrap();
    assert_eq!(
        &date[location.offset..location.offset + location.length],
        "\"year\""
    );
    assert!(
        warning.message.contains("has no date"),
        "{}",
        warning.message
    );
    assert!(
        warning.hint.contains(r#"{"date-parts": [[2021]]}"#),
        "{}",
        warning.hint
    );
}

#[test]
fn a_trailing_comma_is_pointed_at_the_comma() {
    // In an object (line 2, after `[]`) and in a list (line 2, after its only item).
    for (source, column) in [
        (
            "{\"format\": \"paperlens-corpus/2\",\n  \"references\": [],\n}",
            19,
        ),
        (
            "{\"format\": \"paperlens-corpus/2\",\n  \"references\": [{\"id\": \"a\", \"type\": \"book\"} , ]}",
            46,
        ),
    ] {
        let report = open_text(source, "comma.json");
        let error = &report.diagnostics[0];
        let location = error.location.unwrap();
        assert_eq!((location.line, location.column), (2, column), "{error}");
        assert_eq!(&source[location.offset..=location.offset], ",");
        assert!(
            error.message.contains("comma after the last item"),
            "{error}"
        );
        assert!(error.hint.contains("remove this comma"), "{}", error.hint);
    }
}

#[test]
fn a_duplicated_paragraph_id_is_one_error_that_names_the_missing_id() {
    // The second paragraph copied the first one's id: links to its real id (`data.p1`) name
    // nothing, and quotes in it cannot be checked. One mistake, one error, whose hint says
    // which id the links expect.
    let text = minimal_text().replacen("\"id\": \"data.p1\"", "\"id\": \"intro.p1\"", 1);
    let report = open_text(&text, "dup-paragraph.json");
    let codes = codes(&report);
    assert_eq!(codes, ["duplicate-id"], "{}", describe(&report.diagnostics));
    let error = &report.diagnostics[0];
    assert!(error.hint.contains("`data.p1`"), "{}", error.hint);
}

#[test]
fn an_unknown_id_suggests_the_nearest_one() {
    let report = open_path(&fixtures().join("invalid/unknown-table.json"));
    let error = &report.diagnostics[0];
    assert!(
        error.hint.contains("did you mean `table`?"),
        "{}",
        error.hint
    );
}

#[test]
fn a_format_1_corpus_is_migrated_with_a_notice_and_loads() {
    // minimal.json as the first version of the format wrote it: the one regional table.
    let mut value: serde_json::Value = serde_json::from_str(&minimal_text()).unwrap();
    let table = value["tables"][0].take();
    let object = value.as_object_mut().unwrap();
    object.remove("tables");
    let regions = object.remove("regions").unwrap();
    let series_figure = object.remove("figures").unwrap()[0]["source_paragraph"].clone();
    object["format"] = serde_json::json!("paperlens-corpus/1");
    let series = object["series"][0].as_object_mut().unwrap();
    series.remove("figure");
    series.insert("figure_paragraph".to_owned(), series_figure);
    let rows: Vec<serde_json::Value> = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let cells = &row["cells"];
            serde_json::json!({
                "id": row["id"], "region": row["region"],
                "cooperating_entities": cells[1], "cooperative_efforts": cells[2],
                "key_concept": cells[3], "references_text": cells[4],
                "entities": row["entities"], "references": row["references"],
            })
        })
        .collect();
    object.insert(
        "regional_table".to_owned(),
        serde_json::json!({"caption": table["caption"], "section": table["section"],
            "after_paragraph": table["after_paragraph"], "regions": regions, "rows": rows}),
    );
    let report = open_text(&serde_json::to_string_pretty(&value).unwrap(), "old.json");
    let codes = codes(&report);
    assert_eq!(
        codes,
        ["migrated-format"],
        "{}",
        describe(&report.diagnostics)
    );
    assert_eq!(report.diagnostics[0].severity, Severity::Info);
    let corpus = report.corpus.expect("a format-1 corpus loads");
    assert_eq!(corpus.file.format, "paperlens-corpus/2");
    let table = &corpus.file.tables[0];
    assert_eq!(
        table.rows[0].cells[0], "North",
        "the Region cell prints the region's name"
    );
    assert_eq!(corpus.file.regions.len(), 1);
    assert_eq!(
        corpus.file.series[0].figure.as_deref(),
        Some("cases-figure")
    );
}

#[test]
fn a_citation_in_a_table_cell_prints_as_the_paper_prints_it_and_links_the_row() {
    let text = minimal_text().replacen("\"Smith (2020)\"", "\"Smith [@smith2020]\"", 1);
    let report = open_text(&text, "cell.json");
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        describe(&report.diagnostics)
    );
    let corpus = report.corpus.unwrap();
    assert_eq!(corpus.index.cell_text(&corpus.file, 0, 4), "Smith [1]");
    let smith = corpus.reference_by_id("smith2020").unwrap();
    let rows = corpus.index.linked(
        paperlens::corpus::Item::Reference(smith),
        paperlens::corpus::ItemKind::TableRow,
    );
    assert_eq!(rows, [0]);

    let text = minimal_text().replacen("\"Smith (2020)\"", "\"Smith [@smyth2020]\"", 1);
    let report = open_text(&text, "cell.json");
    assert_eq!(
        report.diagnostics.len(),
        1,
        "{}",
        describe(&report.diagnostics)
    );
    let error = &report.diagnostics[0];
    assert_eq!(error.code.as_str(), "unknown-citation-key");
    assert_eq!(
        path_of(error).as_deref(),
        Some("$.tables[0].rows[0].cells[4]")
    );
    assert!(
        error.message.contains("did you mean `smith2020`"),
        "{error}"
    );
}

#[test]
fn a_type_error_in_a_format_1_file_is_told_in_plain_words() {
    let text = minimal_text()
        .replacen("\"paperlens-corpus/2\"", "\"paperlens-corpus/1\"", 1)
        .replacen("\"title\": \"A Minimal Example Paper\"", "\"title\": 5", 1);
    let report = open_text(&text, "old.json");
    let error = report
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "json-type")
        .expect("a type error");
    assert!(error.message.contains("after migrating"), "{error}");
    assert!(
        !error.message.contains("invalid type") && !error.message.contains("expected a string"),
        "serde's words: {error}"
    );
    assert!(error.hint.contains("\"title\": \"…\""), "{}", error.hint);
    assert_eq!(error.location.map(|l| l.line), Some(4), "{error}");
}

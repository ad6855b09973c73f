//! One fixture per validation rule: each file under `tests/fixtures/invalid/` is a copy of
//! `tests/fixtures/minimal.json` with exactly one problem, and must produce exactly that
//! diagnostic, with the right severity, JSON path and line.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::fmt::Write as _;

use paperlens::corpus::Severity;
use paperlens::corpus::diagnostics::Diagnostic;
use paperlens::corpus::load::{LoadFailure, LoadReport};
use paperlens::corpus::model::PointStatus;
use paperlens::open::{open_path, open_text};

use crate::common;
use common::fixtures;

pub(crate) fn minimal_text() -> String {
    std::fs::read_to_string(fixtures().join("minimal.json")).expect("read minimal.json")
}

/// One row of the rule table.
struct Rule {
    /// File name under `tests/fixtures/invalid/`.
    fixture: &'static str,
    /// The stable code the problem must be reported under.
    code: &'static str,
    severity: Severity,
    /// The JSON path the diagnostic must carry (`None`: it has none).
    path: Option<&'static str>,
    /// A string on the offending line, and which occurrence of it (0-based) is meant.
    marker: &'static str,
    nth: usize,
}

const fn rule(
    fixture: &'static str,
    code: &'static str,
    severity: Severity,
    path: Option<&'static str>,
    marker: &'static str,
    nth: usize,
) -> Rule {
    Rule {
        fixture,
        code,
        severity,
        path,
        marker,
        nth,
    }
}

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

#[rustfmt::skip]
const RULES: &[Rule] = &[
    // Truncated in the middle of a string: the error is at the end of the file.
    rule("json-syntax.json", "json-syntax", E, Some("$.references[0].title"), "\"title\": \"Counting cases in", 0),
    rule("json-type.json", "json-type", E, Some("$.series[0].points[1].year"), "\"year\": \"2021\"", 0),
    // A key the format does not know (a typo of `title`) is a type error with a path.
    rule("json-type-unknown-key.json", "json-type", E, Some("$.sections[1].titel"), "\"titel\"", 0),
    rule("unsupported-format.json", "unsupported-format", E, Some("$.format"), "paperlens-corpus/3", 0),
    rule("duplicate-id.json", "duplicate-id", E, Some("$.entities[1].id"), "\"id\": \"exnet\"", 1),
    rule("unknown-citation-key.json", "unknown-citation-key", E, Some("$.sections[0].paragraphs[0].text"), "@nobody2000", 0),
    // A printed marker naming a number no reference carries: located at the marker.
    rule("unknown-citation-number.json", "unknown-citation-number", E, Some("$.sections[0].paragraphs[0].text"), "[3]", 0),
    rule("malformed-citation.json", "malformed-citation", E, Some("$.sections[0].paragraphs[0].text"), "[@smith2020 @doe2021]", 0),
    rule("uncited-reference.json", "uncited-reference", W, Some("$.references[2].id"), "\"id\": \"orphan2019\"", 0),
    rule("unknown-section.json", "unknown-section", E, Some("$.sections[1].parent"), "\"parent\": \"introduction\"", 0),
    rule("unknown-paragraph.json", "unknown-paragraph", E, Some("$.cases[0].paragraphs[0]"), "\"data.p9\"", 0),
    rule("unknown-entity.json", "unknown-entity", E, Some("$.tables[0].rows[0].entities[0]"), "\"exnot\"", 0),
    rule("unknown-region.json", "unknown-region", E, Some("$.cases[0].region"), "\"region\": \"south\"", 0),
    rule("unknown-reference.json", "unknown-reference", E, Some("$.notes[0].about[0].reference"), "\"doe2099\"", 0),
    rule("unknown-case.json", "unknown-case", E, Some("$.notes[1].about[2].case"), "\"exnet-raid\"", 0),
    rule("unknown-series.json", "unknown-series", E, Some("$.notes[1].about[0].series_point.series"), "\"cazes\"", 0),
    rule("unknown-table-row.json", "unknown-table-row", E, Some("$.notes[1].about[3].table_row"), "\"row-exnot\"", 0),
    rule("section-cycle.json", "section-cycle", E, Some("$.sections[1].parent"), "\"parent\": \"data\"", 0),
    rule("series-year-duplicate.json", "series-year-duplicate", E, Some("$.series[0].points[1].year"), "\"year\": 2020", 1),
    rule("series-year-order.json", "series-year-order", E, Some("$.series[0].points[1].year"), "\"year\": 2019", 0),
    rule("value-on-not-stated.json", "value-on-not-stated", E, Some("$.series[0].points[2].value"), "\"value\": 130", 0),
    rule("missing-value.json", "missing-value", E, Some("$.series[0].points[0].value"), "\"value\": null", 0),
    rule("annotation-range.json", "annotation-range", E, Some("$.series[0].annotations[0].to_year"), "\"to_year\": 2019", 0),
    rule("entity-since.json", "entity-since", W, Some("$.entities[0].since"), "\"since\": 20019", 0),
    rule("quote-not-found.json", "quote-not-found", W, Some("$.series[0].points[1].quote"), "rose to about 120", 0),
    rule("empty-text.json", "empty-text", E, Some("$.notes[1].text"), "\"text\": \"\"", 0),
    rule("duplicate-citation-number.json", "duplicate-citation-number", E, Some("$.references[1].citation-number"), "\"citation-number\": 1", 1),
    rule("unknown-csl-type.json", "unknown-csl-type", W, Some("$.references[1].type"), "\"type\": \"boook\"", 0),
    // A field that is not a CSL variable is kept, and the warning points at its key.
    rule("unknown-csl-field.json", "unknown-csl-field", W, Some("$.references[0].container-titel"), "\"container-titel\"", 0),
    // `{"year": 2021}` is no CSL date: the reference has none, and the warning says so.
    rule("unknown-date-key.json", "unknown-date-key", W, Some("$.references[1].issued.year"), "\"year\": 2021", 0),
    // `accessed` written as text instead of a CSL date object.
    rule("malformed-date.json", "malformed-date", W, Some("$.references[0].accessed"), "\"accessed\": \"2024-03-05\"", 0),
    // "et al." written as an author is not a person; styles add it themselves.
    rule("et-al-author.json", "et-al-author", W, Some("$.references[0].author[0]"), "\"literal\": \"et al.\"", 0),
    rule("cell-count.json", "cell-count", E, Some("$.tables[0].rows[0].cells"), "\"cells\"", 0),
    rule("header-span.json", "header-span", E, Some("$.tables[0].header_rows[0]"), "\"header_rows\"", 0),
    // A point quoting a paragraph and the abstract: the second source is pointed at.
    rule("point-source.json", "point-source", E, Some("$.series[0].points[0].abstract"), "\"abstract\": true", 0),
    rule("missing-derivation.json", "missing-derivation", E, Some("$.series[0].points[0].status"), "\"status\": \"derived\"", 0),
    rule("table-series.json", "table-series", E, Some("$.series[1].from_table"), "\"from_table\"", 0),
    rule("unknown-table.json", "unknown-table", E, Some("$.notes[0].about[2].table"), "\"tabel\"", 0),
    rule("unknown-figure.json", "unknown-figure", E, Some("$.series[0].figure"), "\"cases-figur\"", 0),
    rule("unknown-column.json", "unknown-column", E, Some("$.series[0].points[0].cell.column"), "\"efforts\"", 0),
    rule("unknown-footnote.json", "unknown-footnote", E, Some("$.notes[0].about[2].footnote"), "\"fn9\"", 0),
    // Checked when a corpus is opened from a file: the image is looked for beside it.
    // A footnote marker with a slip in its id (the footnote is marked rightly elsewhere).
    rule("unknown-footnote-marker.json", "unknown-footnote", E, Some("$.sections[0].paragraphs[0].text"), "[^sourse]", 0),
    rule("unmarked-footnote.json", "unmarked-footnote", W, Some("$.footnotes[0].id"), "\"id\": \"source\"", 0),
    // A tour step naming a case by a slip of its id.
    rule("unknown-tour-item.json", "unknown-tour-item", E, Some("$.tour[1].show"), "\"case:exnet-cuont\"", 0),
    rule("highlight-not-found.json", "highlight-not-found", W, Some("$.tour[0].highlight"), "rose to about 120 cases", 0),
    rule("image-not-found.json", "image-not-found", W, Some("$.figures[0].image"), "\"image\": \"figures/cases.png\"", 0),
];

/// Every code that parsing or validating a file can produce. `invalid-utf8` and `too-large`
/// are tested below with generated files; `io` by the CLI tests (missing file, directory).
const FIXTURE_CODES: &[&str] = &[
    "json-syntax",
    "json-type",
    "unsupported-format",
    "duplicate-id",
    "unknown-citation-key",
    "unknown-citation-number",
    "malformed-citation",
    "uncited-reference",
    "unknown-section",
    "unknown-paragraph",
    "unknown-entity",
    "unknown-region",
    "unknown-reference",
    "unknown-case",
    "unknown-series",
    "unknown-table-row",
    "section-cycle",
    "series-year-duplicate",
    "series-year-order",
    "value-on-not-stated",
    "missing-value",
    "annotation-range",
    "entity-since",
    "quote-not-found",
    "empty-text",
    "duplicate-citation-number",
    "unknown-csl-type",
    "unknown-csl-field",
    "unknown-date-key",
    "malformed-date",
    "et-al-author",
    "cell-count",
    "header-span",
    "point-source",
    "missing-derivation",
    "table-series",
    "unknown-table",
    "unknown-figure",
    "unknown-column",
    "unknown-footnote",
    "image-not-found",
    "unmarked-footnote",
    "unknown-tour-item",
    "highlight-not-found",
];

/// The 1-based line of the `nth` occurrence of `marker` in `text`.
pub(crate) fn line_of(text: &str, marker: &str, nth: usize) -> usize {
    let (offset, _) = text
        .match_indices(marker)
        .nth(nth)
        .unwrap_or_else(|| panic!("marker {marker:?} (occurrence {nth}) not in the fixture"));
    text.get(..offset)
        .expect("char boundary")
        .matches('\n')
        .count()
        + 1
}

/// The codes of `report`'s diagnostics, in order.
pub(crate) fn codes(report: &LoadReport) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// The JSON path a diagnostic points at, as written (`$.series[0].points[0].value`).
pub(crate) fn path_of(diagnostic: &Diagnostic) -> Option<String> {
    diagnostic.path.as_ref().map(ToString::to_string)
}

pub(crate) fn describe(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().fold(String::new(), |mut text, d| {
        let _ = write!(
            text,
            "\n  {d} @ {:?}",
            d.location.map(|l| (l.line, l.column))
        );
        text
    })
}

#[test]
fn minimal_fixture_is_clean() {
    let report = open_path(&fixtures().join("minimal.json"));
    assert!(
        report.diagnostics.is_empty(),
        "minimal.json must have no diagnostics:{}",
        describe(&report.diagnostics)
    );
    let corpus = report.corpus.expect("minimal.json loads");
    let summary = corpus.summary();
    assert_eq!(summary.sections, 2);
    assert_eq!(summary.paragraphs, 3);
    assert_eq!(summary.references, 2);
    assert_eq!(summary.citations, 5);
    assert_eq!(summary.entities, 2);
    assert_eq!(summary.cases, 1);
    assert_eq!(summary.table_rows, 1);
    assert_eq!(summary.series_points, 3);
    assert_eq!(summary.notes, 2);
    let statuses: Vec<_> = corpus.file.series[0]
        .points
        .iter()
        .map(|p| p.status)
        .collect();
    assert_eq!(
        statuses,
        [
            PointStatus::Stated,
            PointStatus::Approximate,
            PointStatus::NotStated
        ]
    );
}

#[test]
fn every_rule_has_exactly_one_fixture_and_every_fixture_a_rule() {
    let table_codes: BTreeSet<&str> = RULES.iter().map(|r| r.code).collect();
    let wanted: BTreeSet<&str> = FIXTURE_CODES.iter().copied().collect();
    assert_eq!(table_codes, wanted, "the rule table must cover every code");
    for code in FIXTURE_CODES {
        assert!(
            RULES.iter().any(|r| r.fixture == format!("{code}.json")),
            "no fixture named {code}.json"
        );
    }
    let on_disk: BTreeSet<String> = std::fs::read_dir(fixtures().join("invalid"))
        .expect("read tests/fixtures/invalid")
        .map(|entry| {
            entry
                .expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let in_table: BTreeSet<String> = RULES.iter().map(|r| r.fixture.to_owned()).collect();
    assert_eq!(
        on_disk, in_table,
        "every fixture file must be in the table and vice versa"
    );
}

/// Codes tested elsewhere than by a fixture: `io`, `invalid-utf8` and `too-large` need
/// generated files or missing paths; `non-finite-value` cannot come from a file (see
/// `an_out_of_range_number_is_a_syntax_error`); `skipped-entry` is about bibliographies, not
/// corpora (`tests/formats_import.rs`); `bibtex-syntax` is reserved for a BibTeX parser failure
/// outside any entry, which reading entry by entry leaves no known input to reach.
const OTHER_CODES: &[&str] = &[
    "io",
    "too-large",
    "invalid-utf8",
    "non-finite-value",
    "skipped-entry",
    "bibtex-syntax",
    // `a_format_1_corpus_is_migrated_with_a_notice_and_loads`.
    "migrated-format",
    // Importing papers: tests/cli/import_cli.rs (`imported`, `paper-syntax`,
    // `missing-bibliography-entry`), the builder's test in src/formats/paper/finish.rs
    // (`import-incomplete`, `unresolved-marker`) and each importer's tests.
    "imported",
    "import-incomplete",
    "unresolved-marker",
    "missing-bibliography-entry",
    "paper-syntax",
    // A paper given without its text: `a_paper_without_its_text_is_checked_with_one_warning`
    // in tests/cli/import_cli.rs and the test in src/open.rs.
    "no-paper-text",
    // A tour file beside a paper that cannot be read: src/open/tour_file.rs and
    // tests/cli/tour_cli.rs.
    "tour-file",
];

/// The stable strings of `Code::as_str`, read from the source so that a new code without a
/// fixture or documentation fails the tests below.
fn codes_in_source() -> BTreeSet<&'static str> {
    let source = include_str!("../../src/corpus/diagnostics.rs");
    let code_impl = &source[source.find("impl Code {").expect("impl Code")..];
    let as_str = &code_impl[..code_impl.find("\n}\n").expect("end of impl Code")];
    let codes: BTreeSet<&str> = as_str
        .lines()
        .filter_map(|line| {
            line.split_once("=> \"")?
                .1
                .split_once('"')
                .map(|(code, _)| code)
        })
        .collect();
    assert!(codes.len() >= 28, "parsed {codes:?}");
    codes
}

#[test]
fn every_code_in_diagnostics_rs_is_covered() {
    let covered: BTreeSet<&str> = FIXTURE_CODES.iter().chain(OTHER_CODES).copied().collect();
    assert_eq!(
        codes_in_source(),
        covered,
        "every Code needs a fixture or a test"
    );
}

#[test]
fn every_code_is_documented_in_the_corpus_readme() {
    let readme = include_str!("../../corpus/README.md");
    let table = &readme[readme.find("## Diagnostic codes").expect("a codes section")..];
    for code in codes_in_source() {
        assert!(
            table.contains(&format!("| `{code}` |")),
            "corpus/README.md does not document `{code}`"
        );
    }
}

#[test]
fn the_readme_example_is_the_minimal_fixture() {
    let readme = include_str!("../../corpus/README.md");
    let section = &readme[readme
        .find("## A minimal complete example")
        .expect("the example section")..];
    let start = section.find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + section[start..].find("\n```").expect("end of the block");
    let example: serde_json::Value =
        serde_json::from_str(&section[start..end]).expect("the README example is JSON");
    let minimal: serde_json::Value =
        serde_json::from_str(&minimal_text()).expect("minimal.json is JSON");
    assert_eq!(
        example, minimal,
        "corpus/README.md's example must equal tests/fixtures/minimal.json"
    );
    let report = open_text(&section[start..end], "README example");
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        describe(&report.diagnostics)
    );
}

/// Where a type error points, as (line, column, the text it spans).
fn pointed_at(text: &str) -> (usize, usize, String) {
    let report = open_text(text, "type.json");
    let codes = codes(&report);
    assert_eq!(codes, ["json-type"], "{}", describe(&report.diagnostics));
    let location = report.diagnostics[0].location.expect("located");
    let spanned = text[location.offset..location.offset + location.length].to_owned();
    (location.line, location.column, spanned)
}

/// A type error points at the start of the offending value (or key), not where `serde_json`
/// stopped reading it, which for an array or object can be lines further on.
#[test]
fn a_type_error_points_at_the_value_not_past_it() {
    let minimal = minimal_text();

    // A string where a number belongs: the whole string.
    let text = std::fs::read_to_string(fixtures().join("invalid/json-type.json")).unwrap();
    let line = line_of(&text, "\"year\": \"2021\"", 0);
    let (at_line, column, spanned) = pointed_at(&text);
    assert_eq!((at_line, spanned.as_str()), (line, "\"2021\""));
    assert_eq!(
        column,
        text.lines()
            .nth(line - 1)
            .unwrap()
            .find("\"2021\"")
            .unwrap()
            + 1
    );

    // A misspelt key: the key.
    let text = minimal.replacen(
        "\"title\": \"INTRODUCTION\"",
        "\"titel\": \"INTRODUCTION\"",
        1,
    );
    assert!(text != minimal, "the key to misspell is in minimal.json");
    let (at_line, _, spanned) = pointed_at(&text);
    assert_eq!(
        (at_line, spanned.as_str()),
        (line_of(&text, "\"titel\"", 0), "\"titel\"")
    );

    // An array spread over three lines where a string belongs: its opening bracket, on the
    // key's line.
    let text = minimal.replacen(
        "\"title\": \"INTRODUCTION\"",
        "\"title\": [\n\"Intro\",\n\"duction\"\n]",
        1,
    );
    let (at_line, _, spanned) = pointed_at(&text);
    assert_eq!(
        (at_line, spanned.as_str()),
        (line_of(&text, "\"title\": [", 0), "[")
    );
}

#[test]
fn an_out_of_range_number_is_a_syntax_error() {
    let text = minimal_text().replace("\"value\": 100,", "\"value\": 1e999,");
    let report = open_text(&text, "inf.json");
    let codes = codes(&report);
    assert_eq!(codes, ["json-syntax"]);
    assert_eq!(
        path_of(&report.diagnostics[0]).as_deref(),
        Some("$.series[0].points[0].value")
    );
    assert!(report.corpus.is_none());
}

#[test]
fn each_fixture_reports_its_rule_at_the_offending_line() {
    let mut failures = Vec::new();
    for rule in RULES {
        let path = fixtures().join("invalid").join(rule.fixture);
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let report = open_path(&path);
        let expected_line = line_of(&text, rule.marker, rule.nth);
        let all = describe(&report.diagnostics);

        // Exactly one problem per fixture, so exactly one diagnostic.
        if report.diagnostics.len() != 1 {
            failures.push(format!(
                "{}: expected one diagnostic, got:{all}",
                rule.fixture
            ));
            continue;
        }
        let d = &report.diagnostics[0];
        if d.code.as_str() != rule.code {
            failures.push(format!(
                "{}: expected code {}, got:{all}",
                rule.fixture, rule.code
            ));
        }
        if d.severity != rule.severity {
            failures.push(format!(
                "{}: expected {:?}, got:{all}",
                rule.fixture, rule.severity
            ));
        }
        let path_text = path_of(d);
        if path_text.as_deref() != rule.path {
            failures.push(format!(
                "{}: expected path {:?}, got {path_text:?}",
                rule.fixture, rule.path
            ));
        }
        match d.location {
            Some(location) if location.line == expected_line => {}
            other => failures.push(format!(
                "{}: expected line {expected_line}, got {other:?}",
                rule.fixture
            )),
        }
        // Errors stop the corpus from loading; warnings do not.
        match rule.severity {
            Severity::Info => {
                failures.push(format!("{}: no rule is only information", rule.fixture));
            }
            Severity::Error => {
                if report.corpus.is_some() || report.failure() != Some(LoadFailure::Invalid) {
                    failures.push(format!("{}: an error must stop the load", rule.fixture));
                }
            }
            Severity::Warning => match &report.corpus {
                Some(corpus) if corpus.warnings.len() == 1 => {}
                _ => failures.push(format!(
                    "{}: a warning must not stop the load",
                    rule.fixture
                )),
            },
        }
        if d.hint.trim().is_empty() {
            failures.push(format!("{}: no hint", rule.fixture));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_file_with_several_problems_reports_all_of_them() {
    let path = fixtures().join("several-problems.json");
    let text = std::fs::read_to_string(&path).expect("read several-problems.json");
    let report = open_path(&path);
    let all = describe(&report.diagnostics);
    let expected: &[(&str, &str, &str, usize)] = &[
        (
            "unknown-citation-key",
            "$.sections[0].paragraphs[0].text",
            "@nobody2000",
            0,
        ),
        (
            "unknown-region",
            "$.cases[0].region",
            "\"region\": \"south\"",
            0,
        ),
        (
            "value-on-not-stated",
            "$.series[0].points[2].value",
            "\"value\": 130",
            0,
        ),
        (
            "annotation-range",
            "$.series[0].annotations[0].to_year",
            "\"to_year\": 2019",
            0,
        ),
        ("duplicate-id", "$.entities[1].id", "\"id\": \"exnet\"", 1),
        (
            "uncited-reference",
            "$.references[2].id",
            "\"id\": \"orphan2019\"",
            0,
        ),
        ("empty-text", "$.notes[1].text", "\"text\": \"\"", 0),
        (
            "unknown-section",
            "$.sections[1].parent",
            "\"parent\": \"introduction\"",
            0,
        ),
    ];
    assert_eq!(report.diagnostics.len(), expected.len(), "{all}");
    for (code, path, marker, nth) in expected {
        let found = report
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == *code)
            .unwrap_or_else(|| panic!("{code} not reported:{all}"));
        assert_eq!(path_of(found).as_deref(), Some(*path));
        assert_eq!(
            found.location.map(|l| l.line),
            Some(line_of(&text, marker, *nth)),
            "{code} at the wrong line"
        );
    }
    let (errors, warnings) = paperlens::corpus::diagnostics::count(&report.diagnostics);
    assert_eq!((errors, warnings), (7, 1));
    assert!(report.corpus.is_none());
}

#[test]
fn every_located_rule_names_its_section_of_the_format_guide() {
    for rule in RULES {
        let path = fixtures().join("invalid").join(rule.fixture);
        let report = open_path(&path);
        for diagnostic in report.diagnostics.iter().filter(|d| d.path.is_some()) {
            assert!(
                diagnostic
                    .hint
                    .contains("in the corpus format guide (`paperlens docs format`)"),
                "{}: {diagnostic}: {}",
                rule.fixture,
                diagnostic.hint
            );
        }
    }
}

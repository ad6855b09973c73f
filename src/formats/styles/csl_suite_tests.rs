//! The CSL processor test suite (`citation-style-language/test-suite`,
//! `processor-tests/humans/*.txt`) run through the renderer as paperlens runs it: each
//! fixture's style read as a `.csl` file is, its CSL-JSON input read as corpus references, the
//! `citation` and `bibliography` fixtures formatted and compared with the expected output as
//! text (tags stripped, entities decoded, white space collapsed).
//!
//! The suite is not in this repository (its files carry no licence now, see the README), so the
//! run reads it from the folder named by `PAPERLENS_CSL_TEST_SUITE` and is skipped without it;
//! its pass counts are held as a floor. The fixture reader and the comparison are tested on
//! fixtures written here.

use std::panic::AssertUnwindSafe;

use super::any::{AnyStyle, cite_all, render_document, style_from_csl};
use super::trim_spans;
use crate::corpus::cite::Formatted;
use crate::corpus::model::Reference;

/// The environment variable naming the suite's `processor-tests/humans` folder.
const SUITE_VARIABLE: &str = "PAPERLENS_CSL_TEST_SUITE";

/// Fixtures passed in citation mode on the whole suite (commit `13724f9`): only ever raised.
const CITATION_FLOOR: usize = 299;
/// Fixtures passed in bibliography mode on the whole suite: only ever raised.
const BIBLIOGRAPHY_FLOOR: usize = 105;

/// Sections that ask for what this runner does not do: several citations with positions,
/// a bibliography of chosen entries or sections, abbreviation lists.
const UNSUPPORTED_SECTIONS: [&str; 4] = ["CITATIONS", "BIBENTRIES", "BIBSECTION", "ABBREVIATIONS"];

/// One fixture's sections by name (`MODE`, `RESULT`, `CSL`, `INPUT` …), in file order.
#[derive(Debug, Default)]
struct Fixture {
    sections: Vec<(String, String)>,
}

impl Fixture {
    /// The text of section `name`, if the fixture has it.
    fn section(&self, name: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|(section, _)| section == name)
            .map(|(_, text)| text.as_str())
    }
}

/// The section a marker line opens (`>>===== MODE =====>>`) or closes (`<<===== MODE =====<<`).
fn marker<'a>(line: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let inner = line.trim().strip_prefix(open)?.strip_suffix(close)?;
    let name = inner.trim_matches('=').trim();
    (inner.starts_with('=') && !name.is_empty()).then_some(name)
}

/// Reads a fixture: the text between each section's opening and closing markers; text
/// outside sections is ignored.
fn parse_fixture(text: &str) -> Fixture {
    let mut fixture = Fixture::default();
    let mut open: Option<(String, Vec<&str>)> = None;
    for line in text.lines() {
        if let Some((name, lines)) = &mut open {
            if marker(line, "<<", "<<") == Some(name.as_str()) {
                fixture.sections.push((name.clone(), lines.join("\n")));
                open = None;
            } else {
                lines.push(line);
            }
        } else if let Some(name) = marker(line, ">>", ">>") {
            open = Some((name.to_owned(), Vec::new()));
        }
    }
    fixture
}

/// What running one fixture came to.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// Printed what the fixture expects.
    Pass,
    /// Printed something else (or the style or input could not be read, or it panicked).
    Fail(String),
    /// Asks for a mode or a section this runner does not run.
    Unsupported(String),
}

/// HTML as the text it shows: tags dropped (a `div` boundary as a space), the entities
/// citeproc-js writes decoded.
fn text_content(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            text.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = &rest[start..=start + end];
        if tag.starts_with("<div") || tag.starts_with("</div") {
            text.push(' ');
        }
        rest = &rest[start + end + 1..];
    }
    text.push_str(rest);
    decode_entities(&text)
}

/// `&#38;`, `&#x26;`, `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&nbsp;` as the characters they are.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let decoded = after.find(';').filter(|end| *end <= 8).and_then(|end| {
            let name = &after[..end];
            let character = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            };
            character.map(|c| (c, end))
        });
        if let Some((character, end)) = decoded {
            out.push(character);
            rest = &after[end + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// White space (no-break spaces included) collapsed to single spaces, trimmed.
fn normalised(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The citations of `groups` (each a list of the input's indices, one citation each) in
/// `style`, one line each, as plain text.
fn render_citations(
    references: &[Reference],
    groups: &[Vec<usize>],
    style: &AnyStyle,
    locale: &str,
) -> Vec<String> {
    let references: Vec<&Reference> = references.iter().collect();
    render_document(&references, groups, None, style, locale)
        .citations
        .into_iter()
        .map(|spans| Formatted(trim_spans(spans)).to_plain_string())
        .collect()
}

/// The citations a fixture asks for: its `CITATION-ITEMS` (citations of items given by id
/// only), else one citation of every input item.
fn citation_groups(fixture: &Fixture, references: &[Reference]) -> Result<Vec<Vec<usize>>, String> {
    let Some(items) = fixture.section("CITATION-ITEMS") else {
        return Ok(vec![(0..references.len()).collect()]);
    };
    let groups: Vec<Vec<serde_json::Map<String, serde_json::Value>>> =
        serde_json::from_str(items).map_err(|e| format!("CITATION-ITEMS: {e}"))?;
    groups
        .iter()
        .map(|group| {
            group
                .iter()
                .map(|item| {
                    if item.keys().any(|key| key != "id") {
                        return Err("CITATION-ITEMS with more than ids".to_owned());
                    }
                    let id = item.get("id").map(|id| match id {
                        serde_json::Value::String(text) => text.clone(),
                        other => other.to_string(),
                    });
                    references
                        .iter()
                        .position(|r| Some(&r.id) == id.as_ref())
                        .ok_or_else(|| "CITATION-ITEMS names an unknown id".to_owned())
                })
                .collect()
        })
        .collect()
}

/// Runs one fixture (never panics: a panic in the renderer is a failure).
fn run_fixture(name: &str, fixture: &Fixture) -> Outcome {
    let mode = fixture.section("MODE").map(str::trim).unwrap_or_default();
    if mode != "citation" && mode != "bibliography" {
        return Outcome::Unsupported(format!("mode \"{mode}\""));
    }
    if let Some(section) = UNSUPPORTED_SECTIONS
        .iter()
        .find(|section| fixture.section(section).is_some())
    {
        return Outcome::Unsupported((*section).to_owned());
    }
    let (Some(csl), Some(input), Some(result)) = (
        fixture.section("CSL"),
        fixture.section("INPUT"),
        fixture.section("RESULT"),
    ) else {
        return Outcome::Unsupported("a missing CSL, INPUT or RESULT".to_owned());
    };
    let style = match style_from_csl(csl, name) {
        Ok(style) => style,
        Err(error) => return Outcome::Fail(error),
    };
    let references: Vec<Reference> = match serde_json::from_str(input) {
        Ok(references) => references,
        Err(error) => return Outcome::Fail(format!("input not read: {error}")),
    };
    let locale = style.default_locale();
    let printed = if mode == "citation" {
        let groups = match citation_groups(fixture, &references) {
            Ok(groups) => groups,
            Err(reason) => return Outcome::Unsupported(reason),
        };
        let rendered = std::panic::catch_unwind(AssertUnwindSafe(|| {
            render_citations(&references, &groups, &style, &locale)
        }));
        match rendered {
            Ok(lines) => lines.join("\n"),
            Err(_) => return Outcome::Fail("the renderer panicked".to_owned()),
        }
    } else {
        let all: Vec<&Reference> = references.iter().collect();
        cite_all(&all, &style, &locale)
            .bibliography
            .iter()
            .map(|entry| match &entry.label {
                Some(label) => format!("{label} {}", entry.text.to_plain_string()),
                None => entry.text.to_plain_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let expected = normalised(&text_content(result));
    let printed = normalised(&printed);
    if printed == expected {
        Outcome::Pass
    } else {
        Outcome::Fail(format!("expected {expected:?}, printed {printed:?}"))
    }
}

/// Counts by mode: (passed, run, unsupported).
#[derive(Debug, Default)]
struct Tally {
    citation: (usize, usize, usize),
    bibliography: (usize, usize, usize),
}

#[test]
fn csl_processor_test_suite() {
    let Some(folder) = std::env::var_os(SUITE_VARIABLE) else {
        println!(
            "CSL test suite skipped: set {SUITE_VARIABLE} to its processor-tests/humans folder"
        );
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{SUITE_VARIABLE}={}: {e}", folder.to_string_lossy()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no .txt fixtures in {}",
        folder.to_string_lossy()
    );
    let verbose = std::env::var_os("PAPERLENS_CSL_TEST_SUITE_FAILURES").is_some();
    let mut tally = Tally::default();
    for path in &paths {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let fixture = parse_fixture(&text);
        let outcome = run_fixture(&name, &fixture);
        let counts = match fixture.section("MODE").map(str::trim) {
            Some("bibliography") => &mut tally.bibliography,
            _ => &mut tally.citation,
        };
        match &outcome {
            Outcome::Pass => {
                counts.0 += 1;
                counts.1 += 1;
            }
            Outcome::Fail(why) => {
                counts.1 += 1;
                if verbose {
                    println!("FAIL {name}: {why}");
                }
            }
            Outcome::Unsupported(_) => counts.2 += 1,
        }
    }
    let line = |mode: &str, (passed, run, unsupported): (usize, usize, usize)| {
        println!(
            "CSL test suite, {mode}: {passed} of {} passed ({passed} of {run} run; {unsupported} \
             not run)",
            run + unsupported
        );
    };
    line("citation", tally.citation);
    line("bibliography", tally.bibliography);
    assert!(tally.citation.0 >= CITATION_FLOOR, "{tally:?}");
    assert!(tally.bibliography.0 >= BIBLIOGRAPHY_FLOOR, "{tally:?}");
}

/// A fixture in the suite's format, written here.
fn sample(mode: &str, result: &str, layout: &str, extra: &str) -> String {
    format!(
        "Text outside sections is ignored.\n\n>>===== MODE =====>>\n{mode}\n<<===== MODE =====<<\n\n\
         >>==== RESULT ====>>\n{result}\n<<==== RESULT ====<<\n\n>>===== CSL =====>>\n\
         <style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n\
         <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>\n\
         <citation><layout delimiter=\"; \">{layout}</layout></citation>\n\
         <bibliography><layout>{layout}</layout></bibliography>\n</style>\n<<===== CSL =====<<\n\n\
         >>===== INPUT =====>>\n[{{\"id\": \"ITEM-1\", \"type\": \"book\", \"title\": \"Tom & Jerry\",\n\
         \"author\": [{{\"family\": \"Doe\", \"given\": \"John\"}}]}},\n\
         {{\"id\": \"ITEM-2\", \"type\": \"book\", \"title\": \"Other\",\n\
         \"author\": [{{\"family\": \"Roe\", \"given\": \"Jane\"}}]}}]\n<<===== INPUT =====<<\n{extra}"
    )
}

#[test]
fn fixtures_are_read_section_by_section() {
    let fixture = parse_fixture(&sample(
        "citation",
        "Doe; Roe",
        "<text variable=\"title\"/>",
        "",
    ));
    assert_eq!(fixture.section("MODE"), Some("citation"));
    assert_eq!(fixture.section("RESULT"), Some("Doe; Roe"));
    assert!(
        fixture
            .section("CSL")
            .is_some_and(|csl| csl.contains("<citation>"))
    );
    assert!(
        fixture
            .section("INPUT")
            .is_some_and(|input| input.starts_with('['))
    );
    assert_eq!(fixture.section("CITATIONS"), None);
}

#[test]
fn fixtures_pass_fail_or_are_not_run() {
    let names = "<names variable=\"author\"><name form=\"short\"/></names>";
    let citation = sample("citation", "Doe; Roe", names, "");
    assert_eq!(run_fixture("a", &parse_fixture(&citation)), Outcome::Pass);
    let wrong = sample("citation", "Roe; Doe", names, "");
    assert!(matches!(
        run_fixture("b", &parse_fixture(&wrong)),
        Outcome::Fail(_)
    ));
    let items = ">>===== CITATION-ITEMS =====>>\n[[{\"id\": \"ITEM-2\"}], [{\"id\": \"ITEM-1\"}]]\n\
                 <<===== CITATION-ITEMS =====<<\n";
    let two = sample("citation", "Roe\nDoe", names, items);
    assert_eq!(run_fixture("c", &parse_fixture(&two)), Outcome::Pass);
    let html = "<div class=\"csl-bib-body\">\n  <div class=\"csl-entry\">Doe, <i>Tom &#38; Jerry</i></div>\n\
                \x20 <div class=\"csl-entry\">Roe, <i>Other</i></div>\n</div>";
    let layout = "<group delimiter=\", \"><names variable=\"author\"><name form=\"short\"/></names>\
                  <text variable=\"title\" font-style=\"italic\"/></group>";
    let bibliography = sample("bibliography", html, layout, "");
    assert_eq!(
        run_fixture("d", &parse_fixture(&bibliography)),
        Outcome::Pass
    );
    let other = sample(
        "bibliography",
        &html.replace("Other", "Another"),
        layout,
        "",
    );
    assert!(matches!(
        run_fixture("e", &parse_fixture(&other)),
        Outcome::Fail(_)
    ));
    let sections = ">>===== CITATIONS =====>>\n[]\n<<===== CITATIONS =====<<\n";
    let positions = sample("citation", "Doe", names, sections);
    assert_eq!(
        run_fixture("f", &parse_fixture(&positions)),
        Outcome::Unsupported("CITATIONS".to_owned())
    );
    let broken = sample("citation", "Doe", "<text variable=", "");
    assert!(matches!(
        run_fixture("g", &parse_fixture(&broken)),
        Outcome::Fail(_)
    ));
}

#[test]
fn expected_html_is_compared_as_text() {
    assert_eq!(
        normalised(&text_content(
            "<div class=\"csl-left-margin\">[1]</div><div class=\"csl-right-inline\">A &#38; B&#160;<b>C</b> &lt;d&gt;</div>"
        )),
        "[1] A & B C <d>"
    );
    assert_eq!(
        decode_entities("A & B &unknown; &#x41;"),
        "A & B &unknown; A"
    );
}

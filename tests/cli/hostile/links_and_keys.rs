//! Hostile input: duplicate keys and ids, cycles and self references, and malformed citation keys.
// The cases share the helpers and imports of `hostile/mod.rs`.
#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Duplicates, cycles, self references

/// Two `title` keys in one object: serde's duplicate-field error, as a located type error.
#[test]
fn a_duplicate_key_is_a_located_type_error() {
    let path = fixture("duplicate-title-key.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let report = open_path(&path);
    assert_eq!(
        codes(&report),
        ["json-type"],
        "{}",
        describe(&report.diagnostics)
    );
    let d = &report.diagnostics[0];
    assert!(
        d.message
            .contains("the key `title` is written twice in `paper`"),
        "{d}"
    );
    // The path names the object holding the key twice; the line is the second key's.
    assert_eq!(path_of(d).as_deref(), Some("$.paper"));
    assert_eq!(
        d.location.map(|l| l.line),
        Some(line_of(&text, "\"title\": \"The same key again\""))
    );
    let (code, report) = check_json(&path);
    assert_eq!(code, 1);
    assert_eq!(report["diagnostics"][0]["path"], "$.paper");

    // The same in a reference (whose unknown keys are kept), at the top level, and in a note
    // target (an object with exactly one key).
    for (what, from, to, expected_path) in [
        (
            "reference",
            "\"title\": \"Counting cases in the North\",",
            "\"title\": \"Counting cases in the North\", \"title\": \"Again\",",
            Some("$.references[0]"),
        ),
        (
            "root",
            "\"format\": \"paperlens-corpus/2\",",
            "\"format\": \"paperlens-corpus/2\", \"format\": \"paperlens-corpus/2\",",
            None,
        ),
        (
            "note target",
            "\"reference\": \"doe2021\"",
            "\"reference\": \"doe2021\", \"reference\": \"smith2020\"",
            Some("$.notes[0].about[0]"),
        ),
    ] {
        let text = minimal_text().replacen(from, to, 1);
        let report = open_text(&text, "dup.json");
        assert!(report.corpus.is_none(), "{what}");
        assert_eq!(
            codes(&report),
            ["json-type"],
            "{what}: {}",
            describe(&report.diagnostics)
        );
        let d = &report.diagnostics[0];
        assert_eq!(path_of(d).as_deref(), expected_path, "{what}: {d}");
        assert_eq!(
            d.location.map(|l| l.line),
            Some(line_of(&text, to)),
            "{what}"
        );
    }
}

/// A second record of each kind with the first one's id: a duplicate-id error at the second
/// `id`, naming where the first is.
#[test]
fn a_duplicate_id_of_every_kind_is_reported_at_the_second() {
    let kinds: [(&str, &[&str]); 9] = [
        ("section", &["sections"]),
        ("paragraph", &["sections", "0", "paragraphs"]),
        ("reference", &["references"]),
        ("entity", &["entities"]),
        ("case", &["cases"]),
        ("region", &["regions"]),
        ("table row", &["tables", "0", "rows"]),
        ("series", &["series"]),
        ("note", &["notes"]),
    ];
    for (kind, steps) in kinds {
        let mut value = minimal();
        let mut list = &mut value;
        for step in steps {
            list = match step.parse::<usize>() {
                Ok(i) => &mut list[i],
                Err(_) => &mut list[*step],
            };
        }
        let list = list.as_array_mut().expect("an array");
        let mut copy = list[0].clone();
        let id = copy["id"].as_str().expect("an id").to_owned();
        // Keep the copy from tripping other rules where that is easy.
        if let Some(number) = copy.get_mut("citation-number") {
            *number = json!(99);
        }
        list.push(copy);
        let second = list.len() - 1;
        let text = pretty(&value);
        let report = open_text(&text, "dup-id.json");
        assert!(report.corpus.is_none(), "{kind}");
        let expected_path = format!(
            "$.{}[{second}].id",
            steps
                .iter()
                .map(|s| s
                    .parse::<usize>()
                    .map_or(format!(".{s}"), |i| format!("[{i}]")))
                .collect::<String>()
                .trim_start_matches('.')
        );
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == "duplicate-id")
            .unwrap_or_else(|| panic!("{kind}: {}", describe(&report.diagnostics)));
        assert_eq!(path_of(d), Some(expected_path.clone()), "{kind}");
        assert!(d.message.contains(&format!("`{id}`")), "{kind}: {d}");
        assert!(d.message.contains("first at $."), "{kind}: {d}");
        let location = d.location.expect("located");
        assert!(
            text.lines()
                .nth(location.line - 1)
                .is_some_and(|l| l.contains(&id))
        );
        assert_well_formed(&report);
    }
}

#[test]
fn section_cycles_and_self_parents_are_each_reported() {
    let path = fixture("section-parent-cycle.json");
    let report = open_path(&path);
    assert!(report.corpus.is_none());
    let cycles: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "section-cycle")
        .filter_map(path_of)
        .collect();
    assert_eq!(
        cycles,
        [
            "$.sections[0].parent",
            "$.sections[1].parent",
            "$.sections[2].parent",
            "$.sections[3].parent"
        ],
        "{}",
        describe(&report.diagnostics)
    );
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("`d` is its own parent"))
    );
    assert!(report.diagnostics.iter().all(|d| d.location.is_some()));
    let (code, report) = check_json(&path);
    assert_eq!(code, 1);
    assert_eq!(json_codes(&report), ["section-cycle"; 4]);
}

/// Notes may not be about notes: the format has no such target, and saying so names the
/// variants it has.
#[test]
fn a_note_about_itself_is_refused_with_the_targets_allowed() {
    let report = open_path(&fixture("note-about-itself.json"));
    assert_eq!(codes(&report), ["json-type"]);
    let d = &report.diagnostics[0];
    assert_eq!(path_of(d).as_deref(), Some("$.notes[0].about[0]"));
    assert!(
        d.message
            .contains("`note` is not one of the values allowed here"),
        "{d}"
    );
    assert!(d.hint.contains("reference"), "{d}");
    assert!(d.location.is_some());
}

/// A note about a series point the series does not have, and a case naming a paragraph that is
/// a figure source: one error, one accepted.
#[test]
fn dangling_self_links_are_reported() {
    let mut value = minimal();
    value["notes"][1]["about"][0]["series_point"]["year"] = json!(1999);
    value["cases"][0]["paragraphs"] = json!(["data.figure1", "data.p1", "data.p1"]);
    let report = open_text(&pretty(&value), "dangling.json");
    assert_eq!(
        codes(&report),
        ["unknown-series"],
        "{}",
        describe(&report.diagnostics)
    );
    assert!(report.diagnostics[0].message.contains("no point for 1999"));
    assert_eq!(
        path_of(&report.diagnostics[0]).as_deref(),
        Some("$.notes[1].about[0].series_point.year")
    );
}

// ---------------------------------------------------------------------------------------------
// Citation keys

#[test]
fn citation_keys_with_punctuation_and_letters_beyond_ascii_load_and_link() {
    let report = open_path(&fixture("citation-keys.json"));
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        describe(&report.diagnostics)
    );
    let corpus = report.corpus.expect("loads");
    let printed = &corpus.index.paragraphs[0].printed;
    assert_eq!(
        printed,
        "Punctuation in a key [1]. Letters beyond ASCII [2], [1]."
    );
    let citing = [0, 1].map(|r| corpus.index.linked(Item::Reference(r), ItemKind::Citation));
    assert_eq!(citing, [&[0, 1][..], &[1][..]]);
    assert_eq!(
        corpus.index.citing_sentence(1),
        Some("Letters beyond ASCII [2], [1].")
    );
}

/// A diagnostic reduced to its code, JSON path and (line, column).
type Found<'a> = (&'a str, Option<String>, Option<(usize, usize)>);

#[test]
fn malformed_citations_are_each_located_in_their_paragraph() {
    let path = fixture("citation-keys-malformed.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let report = open_path(&path);
    assert!(report.corpus.is_none());
    let found: Vec<Found<'_>> = report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                path_of(d),
                d.location.map(|l| (l.line, l.column)),
            )
        })
        .collect();
    let at = |marker: &str| Some((line_of(&text, marker), column_of(&text, marker)));
    let p = |i: usize| Some(format!("$.sections[0].paragraphs[{i}].text"));
    assert_eq!(
        found,
        [
            ("malformed-citation", p(0), at("[@] here")),
            ("unknown-citation-key", p(1), at("@@r1")),
            ("malformed-citation", p(2), at("[@a [@r1]]")),
        ],
        "{}",
        describe(&report.diagnostics)
    );
    assert!(report.diagnostics[1].message.contains("`@@r1`"));
    assert!(
        report.diagnostics[2]
            .message
            .contains("not closed before the next `[@`"),
        "{}",
        report.diagnostics[2]
    );
    // Without the other two problems, the inner citation of the nested one still counts.
    let fixed = text
        .replace("Empty [@] here.", "Fine [@r1].")
        .replace("[@@r1]", "[@r1]");
    let report = open_text(&fixed, "nested.json");
    assert_eq!(codes(&report), ["malformed-citation"]);
    let (code, human) = check_human(&path);
    assert_eq!(code, 1);
    assert_eq!(human.matches("error[").count(), 3, "{human}");
}

/// Many `[@` before one `]`, and a paragraph of nothing but citations: parsed in linear time,
/// with messages that quote a bounded part of the text.
#[test]
fn runaway_citation_brackets_stay_fast_and_messages_stay_short() {
    let text = "[@ ".repeat(300_000) + "]";
    let (_, errors) = within(BOUND, "citations::parse", || {
        paperlens::corpus::citations::parse(&text)
    });
    assert_eq!(errors.len(), 300_000);
    assert!(errors.iter().all(|e| e.message.chars().count() < 200));
}

//! Hostile input: BibTeX, RIS and CSL-JSON bibliographies that are broken or made to break
//! readers.
// The cases share the helpers and imports of `hostile/mod.rs`.
#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Bibliographies: BibTeX, RIS and CSL-JSON import

/// The built-in corpus's references exported in each format, with a file name for it.
fn exported_bibliographies() -> Vec<(ReferenceFormat, &'static str, String)> {
    let corpus = Corpus::builtin();
    let all: Vec<usize> = (0..corpus.file.references.len()).collect();
    vec![
        (
            ReferenceFormat::Bibtex,
            "refs.bib",
            paperlens::formats::bibtex::export(&corpus, &all).expect("BibTeX export"),
        ),
        (
            ReferenceFormat::Ris,
            "refs.ris",
            paperlens::formats::ris::export(&corpus, &all).expect("RIS export"),
        ),
        (
            ReferenceFormat::CslJson,
            "refs.json",
            paperlens::formats::csl_json::export(&corpus, &all).expect("CSL-JSON export"),
        ),
    ]
}

/// Every diagnostic of an import is located inside the text, and the references and their
/// locations go together.
fn assert_import_well_formed(imported: &Imported, text: &str, what: &str) {
    assert_eq!(
        imported.references.len(),
        imported.locations.len(),
        "{what}"
    );
    for d in &imported.diagnostics {
        assert!(!d.message.trim().is_empty(), "{what}: {d:?}");
        assert!(d.message.chars().count() < 1000, "{what}: a long message");
        let location = d
            .location
            .unwrap_or_else(|| panic!("{what}: an unlocated diagnostic {d}"));
        assert!(location.offset <= text.len(), "{what}: {d:?}");
        assert!(text.is_char_boundary(location.offset), "{what}: {d:?}");
    }
    let _ = render_human(&imported.diagnostics, what, Some(text), false);
}

/// A bibliography cut at any point (mid-entry, mid-field, mid-character) never panics: the
/// entries before the cut load, the cut one is reported where it starts, or nothing loads and
/// an error says why.
#[test]
fn a_bibliography_cut_anywhere_loads_what_is_complete() {
    for (format, name, text) in exported_bibliographies() {
        let complete = import(format, &text).references.len();
        assert_eq!(complete, 19, "{name}");
        let bytes = text.as_bytes();
        let mut cut = 0;
        let mut checked = 0;
        while cut <= bytes.len() {
            let report = within(BOUND, name, || open_bytes(&bytes[..cut], name));
            assert_well_formed(&report);
            if let Some(corpus) = &report.corpus {
                assert!(
                    corpus.file.references.len() <= complete,
                    "{name} cut at {cut}"
                );
            }
            if let Ok(prefix) = std::str::from_utf8(&bytes[..cut]) {
                let imported = import(format, prefix);
                assert_import_well_formed(&imported, prefix, &format!("{name} cut at {cut}"));
            }
            checked += 1;
            cut += 53;
        }
        assert!(checked > 50, "{name}: {checked} cuts");
        // A few cuts through the binary: it opens what it can, or exits 1 saying why.
        let dir = tempfile::tempdir().expect("temp dir");
        for cut in [1, bytes.len() / 3, bytes.len() / 2 + 1, bytes.len() - 3] {
            let path = write_temp(&dir, name, &bytes[..cut]);
            let (code, report) = check_json(&path);
            assert!(code == 0 || code == 1, "{name} cut at {cut}: {report}");
            assert_eq!(report["summary"]["loaded"], code == 0, "{report}");
        }
    }
}

/// The same files with NUL bytes, invalid UTF-8, a byte-order mark, nothing at all, or right-to-
/// left and combining text in their fields.
#[test]
fn bibliographies_with_odd_bytes_and_scripts() {
    for (format, name, text) in exported_bibliographies() {
        // NUL bytes between and inside entries.
        let nul = text.replacen('\n', "\n\0", 5).replacen(' ', "\0", 5);
        let imported = import(format, &nul);
        assert_import_well_formed(&imported, &nul, name);
        assert_well_formed(&open_bytes(nul.as_bytes(), name));

        // A Latin-1 byte: an encoding error at that byte, whatever the format.
        let mut latin1 = text.as_bytes().to_vec();
        latin1.insert(text.len() / 2, 0xE9);
        let report = open_bytes(&latin1, name);
        assert_eq!(codes(&report), ["invalid-utf8"], "{name}");

        // A byte-order mark changes nothing.
        let bom = format!("\u{feff}{text}");
        let report = open_bytes(bom.as_bytes(), name);
        let corpus = report
            .corpus
            .as_ref()
            .unwrap_or_else(|| panic!("{name} with a BOM"));
        assert_eq!(corpus.file.references.len(), 19, "{name}");

        // Empty and blank files: an error, no panic.
        for blank in ["", " \n\t\n"] {
            let report = open_bytes(blank.as_bytes(), name);
            assert!(report.corpus.is_none(), "{name} {blank:?}");
            assert_well_formed(&report);
        }
    }
    // Right-to-left, combining and joined characters survive each importer.
    let title = "تقرير عن الاتجار — דוח — cafe\u{301} 👩\u{200d}👩\u{200d}👧";
    let samples = [
        (
            ReferenceFormat::Bibtex,
            format!("@book{{rtl, title = {{{title}}}, author = {{Müller, José}}, year = 2020}}\n"),
        ),
        (
            ReferenceFormat::Ris,
            format!("TY  - BOOK\nTI  - {title}\nAU  - Müller, José\nPY  - 2020\nER  - \n"),
        ),
        (
            ReferenceFormat::CslJson,
            serde_json::to_string(&json!([{"id": "rtl", "type": "book", "title": title,
                "author": [{"family": "Müller", "given": "José"}]}]))
            .expect("serialise"),
        ),
    ];
    for (format, text) in samples {
        let imported = import(format, &text);
        assert_import_well_formed(&imported, &text, format.label());
        let reference = imported.references.first().expect("one reference");
        assert_eq!(reference.title, title, "{}", format.label());
        assert_eq!(reference.author[0].family, "Müller", "{}", format.label());
    }
}

/// BibTeX that sends a parser round in circles or blows up: abbreviations defined in terms of
/// themselves, a chain of 20 000, doubling ones (2^39 bytes), a field of three 600 KB ones,
/// inheritance loops, a parent inherited 100 times, braces 100 000 deep, 20 000 entries with
/// one key. Each is skipped with a located warning naming why, in bounded time; the good
/// entries load.
#[test]
fn bibtex_that_loops_or_explodes_is_skipped_with_a_reason() {
    let good = "@book{good, title = {A good entry}, year = 2020}\n";
    let mut doubling = String::from("@string{a0 = \"lol \"}\n");
    for i in 1..40 {
        let _ = writeln!(doubling, "@string{{a{i} = a{} # a{}}}", i - 1, i - 1);
    }
    doubling.push_str("@book{boom, title = a39}\n");
    let mut chain = String::from("@string{s0 = \"x\"}\n");
    for i in 1..20_000 {
        let _ = writeln!(chain, "@string{{s{i} = s{}}}", i - 1);
    }
    chain.push_str("@book{deep, title = s19999}\n");
    let wide = format!(
        "@string{{big = \"{}\"}}\n@book{{wide, title = big # big # big}}\n",
        "x".repeat(600_000)
    );
    let mut bomb = format!("@book{{parent, title = {{{}}}}}\n", "x".repeat(1_000_000));
    for i in 0..100 {
        let _ = writeln!(
            bomb,
            "@inbook{{child{i}, crossref = {{parent}}, title = {{C}}}}"
        );
    }
    let braces = format!(
        "@book{{braces, title = {}x{}}}\n",
        "{".repeat(100_000),
        "}".repeat(100_000)
    );
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "abbreviation cycle",
            "@string{x = y}\n@string{y = x}\n@book{loop, title = x}\n".to_owned(),
            "defined in terms of itself",
        ),
        ("abbreviation chain", chain, "nest more than"),
        ("doubling abbreviations", doubling, "expands to more than"),
        (
            "a field of large abbreviations",
            wide,
            "expands to more than",
        ),
        (
            "crossref cycle",
            "@book{a, title = {A}, crossref = {b}}\n@book{b, title = {B}, crossref = {a}}\n"
                .to_owned(),
            "leads back to",
        ),
        (
            "a parent inherited 100 times",
            bomb,
            "inherited through `crossref`",
        ),
        ("braces 100 000 deep", braces, "braces nest more than"),
        (
            "one key 20 000 times",
            "@book{same, title = {T}}\n".repeat(20_000),
            "used twice",
        ),
    ];
    for (what, body, reason) in cases {
        let text = format!("{good}{body}");
        let imported = within(BOUND, what, || import(ReferenceFormat::Bibtex, &text));
        assert_import_well_formed(&imported, &text, what);
        assert!(
            imported
                .diagnostics
                .iter()
                .any(|d| d.message.contains(reason)),
            "{what}: no diagnostic saying {reason:?}: {}",
            describe(&imported.diagnostics[..imported.diagnostics.len().min(3)])
        );
        assert!(
            imported.references.iter().any(|r| r.id == "good"),
            "{what}: the good entry did not load"
        );
        let text_size: usize = imported
            .references
            .iter()
            .map(|r| r.title.len() + r.container_title.len())
            .sum();
        assert!(
            text_size <= 32 * 1024 * 1024,
            "{what}: {text_size} bytes imported"
        );
    }
    // Through the binary: a loop is a warning, the file still opens.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(
        &dir,
        "loop.bib",
        format!("{good}@string{{x = y}}\n@string{{y = x}}\n@book{{loop, title = x}}\n").as_bytes(),
    );
    let (code, report) = check_json(&path);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["summary"]["references"], 1);
    assert!(json_codes(&report).iter().all(|c| c == "skipped-entry"));
}

/// RIS and CSL-JSON at scale and out of shape: 100 000 records, records never closed, lines
/// outside any record, a 10 MB line, 100 000 items of the wrong types, arrays 100 000 deep.
#[test]
fn ris_and_csl_json_out_of_shape_stay_bounded() {
    let cases: Vec<(ReferenceFormat, &str, String, usize)> = vec![
        (
            ReferenceFormat::Ris,
            "100 000 records",
            "TY  - JOUR\nTI  - T\nAU  - Smith, J.\nER  - \n".repeat(100_000),
            100_000,
        ),
        (
            ReferenceFormat::Ris,
            "records never closed",
            "TY  - JOUR\nTI  - T\n".repeat(100_000),
            0,
        ),
        (
            ReferenceFormat::Ris,
            "lines outside any record",
            "XX  - stray\nnot a tag\n".repeat(100_000),
            0,
        ),
        (
            ReferenceFormat::Ris,
            "a 10 MB line",
            format!("TY  - JOUR\nTI  - {}\nER  - \n", "word ".repeat(2_000_000)),
            1,
        ),
        (
            ReferenceFormat::Ris,
            "CRLF and a BOM",
            "\u{feff}TY  - JOUR\r\nTI  - T\r\nER  - \r\n".repeat(3),
            3,
        ),
        (
            ReferenceFormat::CslJson,
            "100 000 items of the wrong types",
            format!(
                "[{}]",
                vec![r#"{"id": 5, "type": [], "title": {}}"#; 100_000].join(",\n")
            ),
            0,
        ),
        (
            ReferenceFormat::CslJson,
            "100 000 items",
            format!(
                "[{}]",
                vec![r#"{"id": "a", "type": "book", "title": "T"}"#; 100_000].join(",\n")
            ),
            100_000,
        ),
        (
            ReferenceFormat::CslJson,
            "arrays 100 000 deep",
            "[".repeat(100_000) + &"]".repeat(100_000),
            0,
        ),
        (
            ReferenceFormat::CslJson,
            "objects 100 000 deep in an item",
            format!(
                "[{{\"id\": \"a\", \"type\": \"book\", \"x\": {}1{}}}]",
                "{\"a\": ".repeat(100_000),
                "}".repeat(100_000)
            ),
            0,
        ),
        (
            ReferenceFormat::CslJson,
            "not items",
            "[1, \"two\", null, [], {}]".to_owned(),
            0,
        ),
    ];
    for (format, what, text, loaded) in cases {
        let imported = within(BOUND, what, || import(format, &text));
        assert_eq!(imported.references.len(), loaded, "{what}");
        assert_import_well_formed(&imported, &text, what);
        if loaded == 0 {
            assert!(
                !imported.diagnostics.is_empty(),
                "{what}: nothing loaded, nothing said"
            );
        }
    }
}

/// Found by fuzzing (`bibtex_import`, `ris_import`, `csl_json_import`): files starting with a
/// byte-order mark, or two. The importers read the text after the first mark, and their
/// locations refer to that text, as the loader's do (its `source_text` has no mark); each
/// location falls on a character of it, and the loader reports them without panicking. (The
/// loader used to remove a second mark too, so its locations fell inside the first.)
#[test]
fn fuzz_regression_bibliographies_with_a_byte_order_mark() {
    let inputs: [(ReferenceFormat, &str, &[u8]); 4] = [
        (
            ReferenceFormat::Bibtex,
            "fuzz.bib",
            b"\xef\xbb\xbf\xef\xbb\xbf}\n@book{book2;\x00tje, number = {2}, paditoebook2;\x00tje, number = {2}, paditoe = \xd9\x99{",
        ),
        (
            ReferenceFormat::Bibtex,
            "fuzz.bib",
            b"\xef\xbb\xbf}\n@book{book202ple Press}, address = {Exampl-10},\n  doi     = {10.book{book202;, editor = {Doe, Jane}, title = yDoubts}1}\n@comment{ignored}\n",
        ),
        (
            ReferenceFormat::Ris,
            "fuzz.ris",
            b"\xef\xbb\xbf\n00\x00\x00\x00- \n\nKW  - BOOK\nAU  - ExamplT1Institute\nTI  - Methorg, An Smith, JT3AU  1\nEP  - 10\nDO  - 10.1235/exa - 133333333333333333333TI  - Methor\x04",
        ),
        (
            ReferenceFormat::CslJson,
            "fuzz.json",
            b"\xef\xbb\xbf {\"id\": \"wmith2020\", \"type\": \"article-journal\", \"title\": \"Counting cases in the Northmi,h2020\", \"type\": \"article-journql\", \"title\": \"Counting cases in the North\",\n   \"author\": [{\"family\": \"Smith\", \"given\": cle-journal\", \"titl\n]e,  } \"\":is",
        ),
    ];
    for (format, name, bytes) in inputs {
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        let imported = import(format, text);
        let without_mark = text.strip_prefix('\u{feff}').expect("starts with a BOM");
        assert_import_well_formed(&imported, without_mark, name);
        let report = open_bytes(bytes, name);
        assert_well_formed(&report);
        assert_eq!(report.source_text.as_deref(), Some(without_mark), "{name}");
    }
}

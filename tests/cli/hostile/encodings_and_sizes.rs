//! Hostile input: bytes that are not UTF-8, byte-order marks and NULs; deep nesting, and huge,
//! endless, empty, unreadable files and folders.
// The cases share the helpers and imports of `hostile/mod.rs`.
#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Encodings and odd bytes

#[test]
fn bytes_that_are_not_utf8_are_reported_at_the_bad_byte() {
    let text = minimal_text();
    let marker = "A network of organisations";
    let at = text.find(marker).expect("marker");
    let cases: [(&str, &[u8]); 4] = [
        ("latin-1 é", &[0xE9]),
        ("overlong NUL", &[0xC0, 0x80]),
        ("UTF-16 surrogate", &[0xED, 0xA0, 0x80]),
        ("lone continuation", &[0x80, 0x80]),
    ];
    for (what, bad) in cases {
        let mut bytes = text.as_bytes().to_vec();
        bytes.splice(at..at, bad.iter().copied());
        let report = open_bytes(&bytes, "encoding.json");
        assert_eq!(codes(&report), ["invalid-utf8"], "{what}");
        let d = &report.diagnostics[0];
        assert_eq!(
            d.location.map(|l| (l.line, l.column)),
            Some((line_of(&text, marker), column_of(&text, marker))),
            "{what}"
        );
        assert!(d.message.contains(&format!("offset {at}")), "{what}: {d}");
        assert!(d.hint.contains("UTF-8"), "{what}: {d}");
        assert_well_formed(&report);
    }
}

/// A file saved as UTF-16 (with its byte-order mark) is not taken for garbage JSON: it is named
/// an encoding problem at its first byte, and the binary exits 1.
#[test]
fn a_utf16_file_is_an_encoding_problem_at_its_first_byte() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(minimal_text().encode_utf16().flat_map(u16::to_le_bytes));
    let report = open_bytes(&bytes, "utf16.json");
    assert_eq!(codes(&report), ["invalid-utf8"]);
    assert_eq!(report.diagnostics[0].location.map(|l| l.offset), Some(0));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "utf16.json", &bytes);
    let (code, report) = check_json(&path);
    assert_eq!(
        (code, json_codes(&report)),
        (1, vec!["invalid-utf8".into()])
    );
}

/// A UTF-8 byte-order mark loads; lines and columns after it are those an editor shows; a
/// second mark is not taken for the first and is shown escaped, not as an invisible character.
#[test]
fn a_byte_order_mark_loads_and_locations_after_it_are_right() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(minimal_text().as_bytes());
    let report = open_bytes(&bytes, "bom.json");
    assert!(report.corpus.is_some(), "{}", describe(&report.diagnostics));
    assert!(report.diagnostics.is_empty());

    let report = open_path(&fixture("bom-then-wrong-type.json"));
    assert_eq!(codes(&report), ["json-type"]);
    let d = &report.diagnostics[0];
    assert_eq!(path_of(d).as_deref(), Some("$.paper.title"));
    assert_eq!(d.location.map(|l| l.line), Some(3));
    let (code, human) = check_human(&fixture("bom-then-wrong-type.json"));
    assert_eq!(code, 1);
    assert!(human.contains("bom-then-wrong-type.json:3:"), "{human}");

    let twice = format!("\u{feff}\u{feff}{}", minimal_text());
    let report = open_text(&twice, "two-boms.json");
    assert!(report.corpus.is_none());
    assert_eq!(codes(&report), ["json-type"]);
    assert!(
        report.diagnostics[0].message.contains("\\u{feff}"),
        "{}",
        report.diagnostics[0]
    );
}

#[test]
fn nul_bytes_are_reported_where_they_stand() {
    // A raw NUL inside a string: JSON forbids control characters there.
    let report = open_path(&fixture("nul-in-string.json"));
    assert_eq!(
        codes(&report),
        ["json-syntax"],
        "{}",
        describe(&report.diagnostics)
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.location.map(|l| l.line), Some(3));
    assert!(d.message.contains("control character"), "{d}");
    assert_well_formed(&report);

    // A raw NUL between tokens.
    let text = minimal_text().replacen("\"paper\"", "\0\"paper\"", 1);
    let report = open_text(&text, "nul-between.json");
    assert_eq!(codes(&report), ["json-syntax"]);
    assert_eq!(
        report.diagnostics[0].location.map(|l| (l.line, l.column)),
        Some((3, 3))
    );

    // An escaped NUL is text like any other: it loads, indexes and searches.
    let mut value = minimal();
    value["sections"][1]["paragraphs"][1]["text"] =
        json!("Source:\0 Example\0Network annual report.");
    let report = open_text(&pretty(&value), "escaped-nul.json");
    let corpus = report.corpus.as_ref().expect("loads");
    let hits = SearchIndex::new(corpus).search("annual report", 5);
    assert!(hits.iter().any(|h| matches!(h.item, Item::Paragraph(_))));

    // A file of NULs only (space reserved by a download that never came): named, escaped.
    let dir = tempfile::tempdir().expect("temp dir");
    let zeros = write_temp(&dir, "reserved.json", &[0; 4096]);
    let report = open_path(&zeros);
    assert_eq!(codes(&report), ["json-type"]);
    assert!(
        report.diagnostics[0].message.contains("`\\0`"),
        "{}",
        report.diagnostics[0]
    );
    let (code, human) = check_human(&zeros);
    assert_eq!(code, 1);
    assert!(!human.contains('\0'), "a raw NUL printed to the terminal");
    assert!(human.contains("reserved.json:1:1"), "{human}");
}

// ---------------------------------------------------------------------------------------------
// Nesting, size, emptiness, files that are not files

/// 100 000 levels of objects and arrays, in places where any JSON is allowed and at the end of a
/// valid corpus: refused quickly by the recursion limit, in a test thread (no stack overflow).
#[test]
fn very_deep_nesting_is_refused_quickly_without_overflowing() {
    let depth = 100_000;
    let objects = "{\"x\": ".repeat(depth) + "1" + &"}".repeat(depth);
    let arrays = "[".repeat(depth) + &"]".repeat(depth);
    let mut in_reference = minimal();
    in_reference["references"][0]["deep"] = json!("@@deep@@");
    let in_reference = pretty(&in_reference);
    let cases = [
        (
            "objects in an unknown CSL field",
            in_reference.replace("\"@@deep@@\"", &objects),
            "json-syntax",
        ),
        (
            "arrays in an unknown CSL field",
            in_reference.replace("\"@@deep@@\"", &arrays),
            "json-syntax",
        ),
        (
            "objects after the corpus",
            minimal_text() + &objects,
            "json-syntax",
        ),
        (
            "objects where the paper goes",
            minimal_text().replacen(
                "\"paper\": {",
                &format!("\"paper\": {objects}, \"p\": {{"),
                1,
            ),
            "json-type",
        ),
    ];
    for (what, text, code) in cases {
        let report = within(BOUND, what, || open_text(&text, "deep.json"));
        assert!(report.corpus.is_none(), "{what}");
        assert_eq!(
            codes(&report),
            [code],
            "{what}: {}",
            describe(&report.diagnostics)
        );
        assert!(report.diagnostics[0].location.is_some(), "{what}");
        // The path names where the nesting starts, not a hundred `[0]`s.
        if what.ends_with("in an unknown CSL field") {
            assert_eq!(
                path_of(&report.diagnostics[0]).as_deref(),
                Some("$.references[0].deep"),
                "{what}"
            );
            assert!(
                report.diagnostics[0]
                    .message
                    .contains("levels inside this value"),
                "{what}: {}",
                report.diagnostics[0].message
            );
        }
        assert_well_formed(&report);
    }
    // Through the binary too (its main thread has the usual stack).
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(
        &dir,
        "deep-objects.json",
        in_reference.replace("\"@@deep@@\"", &objects).as_bytes(),
    );
    let (code, report) = check_json(&path);
    assert_eq!((code, json_codes(&report)), (1, vec!["json-syntax".into()]));
}

/// A 200 MB file (sparse, so the test writes nothing) is refused from its size alone: at once,
/// and without reading it (the binary runs with 150 MB of address space).
#[test]
fn a_200_mb_file_is_refused_at_once_without_being_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(200 * 1024 * 1024).expect("grow the file");
    drop(file);

    let report = within(Duration::from_secs(1), "load_path", || open_path(&path));
    assert_eq!(codes(&report), ["too-large"]);
    assert_eq!(report.failure(), Some(LoadFailure::Unreadable));
    assert!(report.diagnostics[0].message.contains("200 MiB"));
    assert!(report.diagnostics[0].message.contains("64 MiB"));
    assert!(report.source_text.is_none());

    let started = Instant::now();
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 153600 && exec \"$0\" check \"$1\" --format json")
        .arg(env!("CARGO_BIN_EXE_paperlens"))
        .arg(&path)
        .output()
        .expect("run paperlens under sh");
    assert!(started.elapsed() < Duration::from_secs(5));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json_codes(&report), ["too-large"]);
}

/// A device that never ends is read up to the limit and refused, not read forever.
#[test]
fn an_endless_device_is_cut_at_the_limit() {
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        println!("skipped: no /dev/zero on this system");
        return;
    }
    let report = within(BOUND, "/dev/zero", || open_path(zero));
    assert_eq!(codes(&report), ["too-large"]);
    assert!(report.source_text.is_none());
    assert!(
        report.diagnostics[0]
            .message
            .contains(&format!("{} MiB", MAX_FILE_BYTES / (1024 * 1024)))
    );
}

#[test]
fn an_empty_or_blank_file_is_called_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in [
        ("empty.json", &b""[..]),
        ("blank.json", &b" \n\t\r\n  "[..]),
        ("bom-only.json", &b"\xEF\xBB\xBF"[..]),
    ] {
        let path = write_temp(&dir, name, bytes);
        let report = open_path(&path);
        assert_eq!(codes(&report), ["json-syntax"], "{name}");
        assert!(report.diagnostics[0].message.contains("empty"), "{name}");
        assert_eq!(report.failure(), Some(LoadFailure::Invalid), "{name}");
        assert_well_formed(&report);
        let (code, human) = check_human(&path);
        assert_eq!(code, 1, "{name}");
        assert!(
            human.contains("error[json-syntax]: the file is empty"),
            "{human}"
        );
    }
    let null = Path::new("/dev/null");
    if null.exists() {
        assert_eq!(codes(&open_path(null)), ["json-syntax"]);
    }
    // An empty paper is called an empty paper, not a corpus missing its `{`.
    for name in ["article.xml", "article.nxml", "paper.md", "paper.txt"] {
        let path = write_temp(&dir, name, b"\xEF\xBB\xBF \n");
        let report = open_path(&path);
        assert_eq!(codes(&report), ["paper-syntax"], "{name}");
        assert_eq!(report.failure(), Some(LoadFailure::Invalid), "{name}");
        assert_well_formed(&report);
        let (code, human) = check_human(&path);
        assert_eq!(code, 1, "{name}");
        assert!(
            human.contains("error[paper-syntax]: the file is empty"),
            "{human}"
        );
        assert!(human.contains("saved or downloaded completely"), "{human}");
        assert!(!human.contains("JSON"), "{human}");
    }
    // So is a file named as XML that holds something else, or XML of another kind.
    for (name, bytes, said) in [
        (
            "figure.xml",
            &b"image content\n"[..],
            "holds no XML: it starts with `image content`",
        ),
        (
            "page.xml",
            &b"<!DOCTYPE html><html><body>Hi</body></html>"[..],
            "neither a JATS article nor a GROBID TEI document: its first element is `<html>`",
        ),
        (
            "elsevier.xml",
            &b"<article xmlns=\"http://www.elsevier.com/xml/ja/dtd\"><item-info/><head/>\
<body/><tail/></article>"[..],
            "an <article>, but not a JATS one (its elements are in the namespace \
             `http://www.elsevier.com/xml/ja/dtd`)",
        ),
    ] {
        let path = write_temp(&dir, name, bytes);
        let report = open_path(&path);
        assert_eq!(codes(&report), ["paper-syntax"], "{name}");
        assert_well_formed(&report);
        let (code, human) = check_human(&path);
        assert_eq!(code, 1, "{name}");
        assert!(human.contains(said), "{human}");
        assert!(!human.contains("JSON"), "{human}");
    }
}

#[test]
fn a_directory_is_not_read_as_a_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = open_path(dir.path());
    assert_eq!(codes(&report), ["io"]);
    assert_eq!(report.failure(), Some(LoadFailure::Unreadable));
    let d = &report.diagnostics[0];
    assert!(d.message.contains("is a directory"), "{d}");
    assert!(d.message.contains(&dir.path().display().to_string()), "{d}");
}

/// chmod 000: the error names the file and the permission problem, exit 2. Root reads such a
/// file anyway, so the case is skipped there (and says so).
#[test]
fn an_unreadable_file_names_the_permission_problem() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "locked.json", minimal_text().as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if std::fs::read(&path).is_ok() {
        println!(
            "skipped: this test runs as root (or with CAP_DAC_OVERRIDE), which can read a chmod 000 file"
        );
        return;
    }
    let report = open_path(&path);
    assert_eq!(codes(&report), ["io"]);
    assert_eq!(report.failure(), Some(LoadFailure::Unreadable));
    let d = &report.diagnostics[0];
    assert!(d.message.contains("locked.json"), "{d}");
    assert!(d.message.to_lowercase().contains("permission"), "{d}");
    let (code, _) = check_json(&path);
    assert_eq!(code, 2);
}

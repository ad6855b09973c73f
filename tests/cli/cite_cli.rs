//! `paperlens cite` with the real binary: bundled styles, the official `.csl` files, in-text
//! citations, HTML, chosen keys, another paper, and every kind of bad input.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use crate::common;
use common::{assert_exit, fixtures, paperlens, path_str, stderr, stdout, write_temp};

/// The official CSL style files in `../shared/data/csl/`, or none after printing that the
/// test is skipped (a clone without `../shared` beside it).
fn official_styles() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/csl");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|e| e == "csl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if files.is_empty() {
        eprintln!("skipped: no official CSL styles in {}", dir.display());
    }
    files
}

#[test]
fn apa_is_the_default_one_entry_a_line_in_the_styles_order() {
    let output = paperlens(&["cite"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 19, "{text}");
    assert!(
        lines[0].starts_with("Bales, K. (2016). Blood and earth"),
        "{text}"
    );
    assert!(lines[18].starts_with("Wilson, "), "{text}");
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

#[test]
fn keys_keep_their_numbers_in_a_numeric_style() {
    let output = paperlens(&["cite", "--style", "ieee", "porter1995", "islam2024"]);
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "[7] F. Islam and S. Fay, “Intersectional challenges in post-trafficking reintegration \
         of survivor women of trafficking,” Int. J. Hum. Rights, vol. 28, no. 10, pp. 1777–1807, \
         2024.\n[8] M. E. Porter and C. van der Linde, “Toward a new conception of the \
         environment-competitiveness relationship,” J. Econ. Perspect., vol. 9, no. 4, pp. \
         97–118, 1995.\n"
    );
}

#[test]
fn in_text_citations_in_the_order_of_the_keys() {
    let output = paperlens(&[
        "cite",
        "--style",
        "harvard-cite-them-right",
        "--in-text",
        "sayuti2023",
        "porter1995",
    ]);
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "sayuti2023\t(Sayuti, Rofii and Salya, 2023)\nporter1995\t(Porter and van der Linde, \
         1995)\n"
    );
}

#[test]
fn cite_them_right_is_british_unless_a_locale_is_asked_for() {
    let british = stdout(&paperlens(&[
        "cite",
        "--style",
        "harvard-cite-them-right",
        "porter1995",
    ]));
    assert!(
        british.contains("(1995) ‘Toward a new conception"),
        "{british}"
    );
    let german = paperlens(&["cite", "--locale", "de-DE", "citaristi2022"]);
    assert_exit(&german, 0);
    assert!(
        stdout(&german).contains("(S. 248–252)"),
        "{}",
        stdout(&german)
    );
}

#[test]
fn html_keeps_italics_and_escapes() {
    let output = paperlens(&["cite", "--format", "html", "porter1995"]);
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "Porter, M. E., &amp; van der Linde, C. (1995). Toward a new conception of the \
         environment-competitiveness relationship. <i>J. Econ. Perspect.</i>, <i>9</i>(4), \
         97–118.\n"
    );
}

#[test]
fn every_official_style_file_formats_the_built_in_paper() {
    for style in official_styles() {
        let output = paperlens(&["cite", "--style", path_str(&style)]);
        assert_exit(&output, 0);
        let text = stdout(&output);
        assert_eq!(text.lines().count(), 19, "{}: {text}", style.display());
        assert!(
            text.lines()
                .any(|line| line.contains("Porter") && line.contains("1995")),
            "{}: {text}",
            style.display()
        );
        let in_text = paperlens(&["cite", "--style", path_str(&style), "--in-text"]);
        assert_exit(&in_text, 0);
        let citations = stdout(&in_text);
        assert_eq!(citations.lines().count(), 19, "{citations}");
        let porter = citations
            .lines()
            .find(|line| line.starts_with("porter1995\t"))
            .unwrap_or_default();
        assert!(
            porter.contains("Porter") || porter.contains("[8]"),
            "{}: {porter}",
            style.display()
        );
    }
}

#[test]
fn another_paper_is_cited_from_its_own_references() {
    let paper = fixtures().join("papers/jats-small.xml");
    let output = paperlens(&["cite", path_str(&paper), "--style", "ieee"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.starts_with("[1] B. M. Fekete"), "{text}");
    assert!(!text.contains("Porter"), "{text}");
}

#[test]
fn an_unknown_style_name_lists_the_names_and_the_nearest() {
    let output = paperlens(&["cite", "--style", "apaa"]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(
        message.contains("no bundled citation style \"apaa\""),
        "{message}"
    );
    assert!(message.contains("Did you mean \"apa\"?"), "{message}");
    assert!(message.contains("harvard-cite-them-right"), "{message}");
    assert!(stdout(&output).is_empty());
}

#[test]
fn a_broken_style_file_is_named_with_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write_temp(
        &dir,
        "broken.csl",
        br#"<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>x</title></info></style>"#,
    );
    let output = paperlens(&["cite", "--style", path_str(&broken)]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains(path_str(&broken)), "{message}");
    assert!(message.contains("missing field `id`"), "{message}");
    let missing = dir.path().join("missing.csl");
    let output = paperlens(&["cite", "--style", path_str(&missing)]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("cannot read the style file"));
}

#[test]
fn an_unknown_key_names_the_nearest() {
    let output = paperlens(&["cite", "porter1996"]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output)
            .contains("no reference has the key \"porter1996\". Did you mean \"porter1995\"?"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unknown_locale_is_refused() {
    let output = paperlens(&["cite", "--locale", "xx-YY"]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains("no bundled locale \"xx-YY\""), "{message}");
    assert!(message.contains("en-GB"), "{message}");
}

#[test]
fn help_lists_the_bundled_styles() {
    let output = paperlens(&["cite", "--help"]);
    assert_exit(&output, 0);
    let help = stdout(&output);
    for name in [
        "apa",
        "harvard-cite-them-right",
        "modern-language-association",
        "vancouver",
    ] {
        assert!(help.contains(name), "{name}: {help}");
    }
}

#[test]
fn the_list_as_the_paper_prints_it_in_its_order_with_its_numbers() {
    // The built-in paper: every entry as its list prints it, italics marked in HTML.
    let output = paperlens(&["cite", "--as-printed"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 19, "{text}");
    assert!(
        lines[0].starts_with("[1] I. Citaristi, \"United Nations Office on Drugs and Crime"),
        "{text}"
    );
    assert!(
        lines[7].starts_with("[8] M. E. Porter and C. van der Linde"),
        "{text}"
    );
    let output = paperlens(&["cite", "--as-printed", "--format", "html", "porter1995"]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("<i>J. Econ. Perspect.</i>, vol. 9"),
        "{}",
        stdout(&output)
    );

    // Another paper: its one printed entry, the two it keeps no printed entry for in the
    // style, all in its own order and numbers.
    let jats = fixtures().join("papers/jats-small.xml");
    let output = paperlens(&["cite", "--as-printed", path_str(&jats)]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("[1] Fekete, B. M. (2002)."), "{text}");
    assert_eq!(
        lines[2],
        "[3] Kirchner JW. Catchments as simple dynamical systems. Water Resources Research. \
         2009;45(2)."
    );
}

#[test]
fn a_list_nobody_printed_or_a_mix_with_in_text_is_refused() {
    let markdown = fixtures().join("papers/markdown-small/paper.md");
    let output = paperlens(&["cite", "--as-printed", path_str(&markdown)]);
    assert_exit(&output, 1);
    let error = stderr(&output);
    assert!(
        error.contains("keeps no entry as a reference list printed it")
            && error.contains("leave out --as-printed"),
        "{error}"
    );
    let output = paperlens(&["cite", "--as-printed", "--in-text"]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("cannot be used with"),
        "{}",
        stderr(&output)
    );
}

//! Helpers shared by the test binaries: running the real `paperlens` binary, reading fixtures
//! and finding the real-world data in `../shared/data`. Each test file uses some of them.
// Each test binary uses some of these helpers, and a helper that cannot do its job fails the test.
#![allow(dead_code, clippy::expect_used)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `tests/fixtures`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A folder of real papers in `../shared/data/papers/` (`jats`, `tei`, `markdown`; `""` for
/// all of them), or `None` after printing that the test is skipped.
pub fn shared_papers(folder: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/papers")
        .join(folder);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} is not present", path.display());
        None
    }
}

/// The biblatex example database in `../shared/data/bibliographies/`, or `None` after printing
/// that the test is skipped (a clone without `../shared` beside it).
pub fn biblatex_examples() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/bibliographies/biblatex-examples.bib");
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} is not present", path.display());
        None
    }
}

/// The real binary on `args`, without colour and without the test-only panic trigger.
pub fn paperlens(args: &[&str]) -> Output {
    paperlens_with_env(args, &[])
}

/// [`paperlens`] with `vars` set in the binary's environment (`PAPERLENS_STATE_DIR`, the
/// `pdftotext` to run, a graphics backend).
pub fn paperlens_with_env(args: &[&str], vars: &[(&str, &OsStr)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_paperlens"));
    command
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PAPERLENS_TEST_PANIC");
    for (name, value) in vars {
        command.env(name, value);
    }
    command.output().expect("run paperlens")
}

/// What the binary printed on stdout (which must be UTF-8).
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// What the binary printed on stderr.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The exit code, with stdout and stderr in the message when it is not `expected`; and no
/// panic.
pub fn assert_exit(output: &Output, expected: i32) {
    assert_eq!(
        output.status.code(),
        Some(expected),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
    assert!(!stderr(output).contains("panicked"), "{}", stderr(output));
}

/// A path as the `&str` a command line takes.
pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Writes `bytes` to `name` in `dir` and returns its path.
pub fn write_temp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

/// The codes of a `check --format json` report, in order.
pub fn json_codes(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .map(|d| d["code"].as_str().expect("a code").to_owned())
        .collect()
}

/// A paper of one page: a title (the first line, set larger), an author, two numbered
/// sections, a citation and a reference list of two entries. An empty string is a gap.
#[cfg(feature = "gui")]
pub const PDF_PAPER: [&str; 19] = [
    "Tide gauges and the drift of mean sea level",
    "",
    "",
    "Maren Ostby",
    "",
    "1 Introduction",
    "",
    "Coastal tide gauges record the level of the sea every hour [1].",
    "Their records are long, but the land they stand on moves.",
    "",
    "2 Methods",
    "",
    "We compared each gauge with the satellite record of the same",
    "years, as earlier work did for the North Sea [2].",
    "",
    "References",
    "",
    "[1] P. Woodworth, Sea level records. Journal of Coastal Research 12 (2001) 1-10.",
    "[2] J. Church, Altimetry and gauges. Geophysical Letters 30 (2003) 44-51.",
];

/// `lines` set in Helvetica on one A4 page, the first at 16 points, a gap for each empty one,
/// as a PDF file.
#[cfg(feature = "gui")]
pub fn pdf_of(lines: &[&str]) -> Vec<u8> {
    use pdf_writer::{Content, Finish as _, Name, Pdf, Rect, Ref, Str};
    let (catalog, page_tree, page, font, content) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
    );
    let font_name = Name(b"F1");
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree).kids([page]).count(1);
    let mut page_writer = pdf.page(page);
    page_writer.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
    page_writer.parent(page_tree);
    page_writer.contents(content);
    page_writer.resources().fonts().pair(font_name, font);
    page_writer.finish();
    pdf.type1_font(font).base_font(Name(b"Helvetica"));
    let mut text = Content::new();
    let mut y = 780.0;
    for (number, line) in lines.iter().enumerate() {
        if line.is_empty() {
            y -= 26.0;
            continue;
        }
        text.begin_text();
        text.set_font(font_name, if number == 0 { 16.0 } else { 11.0 });
        text.next_line(60.0, y);
        text.show(Str(line.as_bytes()));
        text.end_text();
        y -= 14.0;
    }
    pdf.stream(content, &text.finish());
    pdf.finish()
}

/// Whether `pdftotext` runs here; a notice when it does not.
pub fn pdftotext_or_skip(test: &str) -> bool {
    let runs = Command::new("pdftotext").arg("-v").output().is_ok();
    if !runs {
        println!("skipped {test}: pdftotext is not installed (Debian: poppler-utils)");
    }
    runs
}

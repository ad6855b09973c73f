//! Helpers shared by the test binaries: running the real `paperlens` binary, reading fixtures
//! and finding the real-world data in `../shared/data`. Each test file uses some of them.
// Each test binary uses some of these helpers, and a helper that cannot do its job fails the test.
#![allow(dead_code, clippy::expect_used)]

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
    Command::new(env!("CARGO_BIN_EXE_paperlens"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PAPERLENS_TEST_PANIC")
        .output()
        .expect("run paperlens")
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

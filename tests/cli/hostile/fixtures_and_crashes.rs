//! Hostile input: every committed hostile fixture through the binary, and how a crash is
//! reported.
// The cases share the helpers and imports of `hostile/mod.rs`.
#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// All committed fixtures through the binary

/// Each committed hostile fixture (corpora, and bibliographies whose bad entries are skipped)
/// through `paperlens check` (JSON and human): the exit status expected, no panic, and every
/// diagnostic with a code, a message and a line and column.
#[test]
fn every_hostile_fixture_gives_located_diagnostics_through_the_binary() {
    let expected: &[(&str, i32)] = &[
        ("bibtex-nothing-readable.bib", 1),
        ("bibtex-string-cycle.bib", 0),
        ("bibtex-two-byte-order-marks.bib", 1),
        ("bibtex-unclosed-entry.bib", 0),
        ("bom-then-wrong-type.json", 1),
        ("citation-keys-malformed.json", 1),
        ("citation-keys.json", 0),
        ("csl-json-bad-items.json", 0),
        ("duplicate-title-key.json", 1),
        ("note-about-itself.json", 1),
        ("nul-in-string.json", 1),
        ("ris-stray-and-unclosed.ris", 0),
        ("scripts-unknown-key.json", 1),
        ("scripts.json", 0),
        ("section-parent-cycle.json", 1),
    ];
    let mut listed: Vec<String> = std::fs::read_dir(hostile_fixtures())
        .expect("read fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    listed.sort();
    let names: Vec<&str> = expected.iter().map(|(n, _)| *n).collect();
    assert_eq!(listed, names, "every fixture has an expectation here");
    for (name, exit) in expected {
        let path = fixture(name);
        let size = std::fs::metadata(&path).expect("metadata").len();
        assert!(size < 4096, "{name} is {size} bytes; keep fixtures small");
        let (code, report) = check_json(&path);
        assert_eq!(code, *exit, "{name}: {report}");
        for d in report["diagnostics"].as_array().expect("an array") {
            assert!(
                d["code"].is_string() && d["message"].is_string(),
                "{name}: {d}"
            );
            assert!(d["line"].as_u64().is_some_and(|l| l >= 1), "{name}: {d}");
            assert!(d["column"].as_u64().is_some_and(|c| c >= 1), "{name}: {d}");
        }
        let (code, human) = check_human(&path);
        assert_eq!(code, *exit, "{name}");
        assert!(
            human.lines().last().is_some_and(|l| l.contains("error")),
            "{human}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Crash handling

/// The binary with `PAPERLENS_TEST_PANIC=1` (the test-only trigger in `main`) and `envs`.
fn deliberate_panic(envs: &[(&str, &Path)], remove_state_dir: bool) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_paperlens"));
    command.arg("check").env("PAPERLENS_TEST_PANIC", "1");
    if remove_state_dir {
        command.env_remove("PAPERLENS_STATE_DIR");
    }
    for (key, value) in envs {
        command.env(key, value);
    }
    let output = command.output().expect("run paperlens");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The path named by "A report was saved to PATH; please include it …".
fn saved_report_path(stderr: &str) -> PathBuf {
    let after = stderr
        .split("paperlens hit an internal error. A report was saved to ")
        .nth(1)
        .unwrap_or_else(|| panic!("no report sentence in:\n{stderr}"));
    let (path, rest) = after.split_once("; ").expect("`; ` after the path");
    assert!(
        rest.starts_with("please include it when you report the problem."),
        "{stderr}"
    );
    PathBuf::from(path)
}

#[test]
fn a_panic_the_program_works_around_is_one_line_and_leaves_no_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state");
    let output = Command::new(env!("CARGO_BIN_EXE_paperlens"))
        .arg("check")
        .env("PAPERLENS_TEST_PANIC", "caught")
        .env("PAPERLENS_STATE_DIR", &state)
        .output()
        .expect("run paperlens");
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The check goes on and passes, as without the panic.
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("0 errors"),
        "{stderr}"
    );
    let notices: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("paperlens: testing the panic hook failed"))
        .collect();
    assert_eq!(notices.len(), 1, "{stderr}");
    assert!(
        notices.iter().all(|line| line.contains(
            "(deliberate panic requested with PAPERLENS_TEST_PANIC=caught, at src/crash.rs:"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked at"), "{stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");
    // No crash report, so the next start of the window does not speak of a crash.
    assert!(
        !state.exists(),
        "{:?}",
        std::fs::read_dir(&state).map(Iterator::count)
    );
}

#[test]
fn a_panic_keeps_the_usual_message_and_saves_a_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state");
    let (code, stderr) = deliberate_panic(&[("PAPERLENS_STATE_DIR", &state)], false);
    assert_eq!(code, Some(101), "{stderr}");
    // The default hook's output is still there.
    assert!(stderr.contains("panicked at"), "{stderr}");
    assert!(stderr.contains("deliberate panic requested"), "{stderr}");
    let report_path = saved_report_path(&stderr);
    assert_eq!(report_path.parent(), Some(state.as_path()));
    let report = std::fs::read_to_string(&report_path).expect("the report exists");
    for expected in [
        "message:   deliberate panic requested with PAPERLENS_TEST_PANIC=1",
        "location:  src/crash.rs:",
        concat!("version:   paperlens ", env!("CARGO_PKG_VERSION")),
        std::env::consts::OS,
        "backtrace:\n",
    ] {
        assert!(report.contains(expected), "{expected:?} not in:\n{report}");
    }
    assert!(
        report.contains("panic_if_requested"),
        "the backtrace names the frames:\n{report}"
    );
    // Written atomically: the report and nothing else.
    let names: Vec<String> = std::fs::read_dir(&state)
        .expect("read the state directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn without_a_state_directory_the_report_goes_to_the_platform_or_temporary_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    // With the `gui` feature the platform's config directory ($XDG_CONFIG_HOME), without it
    // the temporary directory ($TMPDIR): both point into `dir`.
    let (code, stderr) = deliberate_panic(
        &[
            ("XDG_CONFIG_HOME", dir.path()),
            ("HOME", dir.path()),
            ("TMPDIR", dir.path()),
        ],
        true,
    );
    assert_eq!(code, Some(101), "{stderr}");
    let report_path = saved_report_path(&stderr);
    assert_eq!(
        report_path.parent(),
        Some(dir.path().join("paperlens").as_path()),
        "{stderr}"
    );
    assert!(report_path.is_file());
}

#[test]
fn a_report_that_cannot_be_saved_is_said_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_directory = write_temp(&dir, "a-file", b"in the way");
    let (code, stderr) = deliberate_panic(&[("PAPERLENS_STATE_DIR", &not_a_directory)], false);
    assert_eq!(code, Some(101), "{stderr}");
    assert!(stderr.contains("panicked at"), "{stderr}");
    assert!(
        stderr.contains("paperlens hit an internal error, and its report could not be saved"),
        "{stderr}"
    );
}

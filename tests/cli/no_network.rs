//! paperlens runs offline: its window-less commands give the same output inside a network
//! namespace with no network (`unshare -rn`, or `unshare -n` as root) as outside it. Where no
//! such namespace can be made (no `unshare`, or not permitted), the test says so and passes.
//!
//! Also the link allow-list: paperlens opens only `http`/`https` addresses.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `unshare` flags that give a network namespace here, if any do.
fn unshare_flags() -> Option<&'static str> {
    ["-rn", "-n"].into_iter().find(|flags| {
        Command::new("unshare")
            .args([flags, "true"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// `paperlens args…`, inside the namespace when `flags` is given, in `dir`.
fn run(flags: Option<&str>, dir: &Path, args: &[&str]) -> Output {
    let binary = env!("CARGO_BIN_EXE_paperlens");
    let mut command = match flags {
        Some(flags) => {
            let mut c = Command::new("unshare");
            c.args([flags, binary]);
            c
        }
        None => Command::new(binary),
    };
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("PAPERLENS_TEST_PANIC")
        .output()
        .expect("run paperlens")
}

fn minimal() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.json")
}

#[test]
fn commands_give_the_same_output_without_a_network() {
    let Some(flags) = unshare_flags() else {
        println!("skipped: cannot create a network namespace");
        return;
    };
    // The namespace really has no network: only a loopback interface.
    let devices = Command::new("unshare")
        .args([flags, "cat", "/proc/self/net/dev"])
        .output()
        .expect("read the namespace's devices");
    let devices = String::from_utf8_lossy(&devices.stdout);
    let interfaces: Vec<&str> = devices
        .lines()
        .skip(2)
        .filter_map(|l| l.split(':').next())
        .map(str::trim)
        .collect();
    assert_eq!(interfaces, ["lo"], "{devices}");

    let minimal = minimal();
    let minimal = minimal.to_str().expect("UTF-8 path");
    let commands: Vec<Vec<&str>> = vec![
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["check", minimal],
        vec!["check", "--citations"],
        vec!["check", "--citations", "--format", "json", minimal],
        vec!["schema"],
        vec!["export", "refs", "--format", "csl-json"],
        vec!["export", "refs", "--format", "bibtex"],
        vec!["export", "refs", "--format", "ris"],
        vec!["export", "refs", "--format", "csl-json", minimal],
        vec!["export", "flags", "--format", "markdown"],
        vec!["plot", "--list"],
        vec!["plot", "victims", "--out", "victims.csv"],
        vec!["plot", "victims", "--out", "victims.svg"],
    ];
    let outside = tempfile::tempdir().expect("temp dir");
    let inside = tempfile::tempdir().expect("temp dir");
    for args in &commands {
        let free = run(None, outside.path(), args);
        let cut_off = run(Some(flags), inside.path(), args);
        let stderr = String::from_utf8_lossy(&cut_off.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(
            cut_off.status.code(),
            free.status.code(),
            "{args:?}: {stderr}"
        );
        assert_eq!(
            String::from_utf8_lossy(&cut_off.stdout).replace(
                &inside.path().display().to_string(),
                &outside.path().display().to_string()
            ),
            String::from_utf8_lossy(&free.stdout),
            "{args:?}"
        );
    }
    // The commands did their work; the files written are the same.
    for file in ["victims.csv", "victims.svg"] {
        let free = std::fs::read(outside.path().join(file))
            .unwrap_or_else(|e| panic!("{file} written outside: {e}"));
        let cut_off = std::fs::read(inside.path().join(file))
            .unwrap_or_else(|e| panic!("{file} written inside: {e}"));
        assert!(!free.is_empty(), "{file} is empty");
        assert_eq!(cut_off, free, "{file} differs without a network");
    }
    let exported = run(
        None,
        outside.path(),
        &["export", "refs", "--format", "csl-json"],
    );
    let items: serde_json::Value =
        serde_json::from_slice(&exported.stdout).expect("CSL-JSON is JSON");
    assert_eq!(items.as_array().map(Vec::len), Some(19));
}

/// Only `http` and `https` addresses with a host open; every other scheme, relative paths, and
/// addresses carrying white space, control characters or invisible characters are refused.
#[cfg(feature = "gui")]
#[test]
fn only_web_links_pass_the_allow_list() {
    use paperlens::app::context::{doi_url, is_openable_url};

    for url in [
        "https://example.org",
        "http://example.org/a/b?c=d#e",
        "HTTPS://EXAMPLE.ORG/",
        "https://doi.org/10.1257/jep.9.4.97",
        "https://example.org/%20encoded%0Aspace",
    ] {
        assert!(is_openable_url(url), "{url:?} refused");
    }
    for url in [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "  javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/file",
        "mailto:someone@example.org",
        "ssh://example.org",
        "about:blank",
        "/etc/passwd",
        "../corpus.json",
        "corpus.json",
        "example.org",
        "//example.org/path",
        "http:/example.org",
        "https:example.org",
        "",
        "   ",
        "https://exa\nmple.org",
        "https://example.org\r\nSet-Cookie: x",
        "https://example.org/\u{0}",
        "https://example.org/\u{7f}",
        "https://example.org/\u{1b}[31m",
        "https://example.org/\u{85}",
        "java\tscript:alert(1)",
        // An empty host.
        "https://",
        "https:///etc/passwd",
        "http://?q=1",
        // White space around or inside, and invisible characters that disguise an address.
        " https://example.org",
        "https://example.org ",
        "https://example.org javascript:alert(1)",
        "https://exa mple.org",
        "https://example.org/\u{a0}",
        "https://example.org/\u{2028}",
        "https://evil.example/\u{202e}gro.elpmaxe",
        "https://exam\u{200b}ple.org",
        "https://example.org/\u{feff}",
    ] {
        assert!(!is_openable_url(url), "{url:?} accepted");
    }
    let long = format!("https://example.org/{}", "a".repeat(4096));
    assert!(!is_openable_url(&long), "a 4 KiB address accepted");
    // DOIs become https links, and only DOIs do.
    assert_eq!(
        doi_url("doi:10.1000/xyz").as_deref(),
        Some("https://doi.org/10.1000/xyz")
    );
    assert_eq!(doi_url("10.1000/x y"), None);
    assert_eq!(doi_url("javascript:alert(1)"), None);
    assert!(
        doi_url("10.1000/xyz")
            .as_deref()
            .is_some_and(is_openable_url)
    );
}

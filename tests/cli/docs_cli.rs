//! `paperlens docs`: the corpus format guide travels in the binary.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::common::{assert_exit, paperlens, stderr, stdout};

/// The headings of `corpus/README.md` as the repository has it.
fn guide_headings() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/README.md");
    let guide = std::fs::read_to_string(path).expect("corpus/README.md is readable");
    let headings: Vec<String> = guide
        .lines()
        .filter(|line| line.starts_with('#'))
        .map(str::to_owned)
        .collect();
    assert!(headings.len() > 5, "the guide has headings");
    headings
}

#[test]
fn docs_format_prints_the_whole_guide() {
    let output = paperlens(&["docs", "format"]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(
        out.starts_with("# The paperlens corpus format"),
        "{out:.80}"
    );
    for heading in guide_headings() {
        assert!(
            out.lines().any(|line| line == heading),
            "{heading:?} missing"
        );
    }
}

#[test]
fn docs_without_a_topic_lists_the_topics() {
    let output = paperlens(&["docs"]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("format"), "{out}");
    assert!(!out.contains("## Ground rules"), "{out}");
}

#[test]
fn an_unknown_topic_lists_the_topics_and_exits_2() {
    let output = paperlens(&["docs", "nonsense"]);
    assert_exit(&output, 2);
    let err = stderr(&output);
    assert!(err.contains("no topic \"nonsense\""), "{err}");
    assert!(err.contains("format"), "{err}");
    assert!(stdout(&output).is_empty());
}

//! `paperlens check` and the guided tour: a step naming no item, a highlight that is not in its
//! passage.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use common::{assert_exit, fixtures, paperlens, path_str, stdout};

#[test]
fn check_reports_a_tour_step_naming_no_item_with_the_nearest_key() {
    let path = fixtures().join("invalid/unknown-tour-item.json");
    let output = paperlens(&["check", path_str(&path)]);
    assert_exit(&output, 1);
    let out = stdout(&output);
    assert!(out.contains("error[unknown-tour-item]"), "{out}");
    assert!(
        out.contains("no case has the id `exnet-cuont`"),
        "the message names the id:\n{out}"
    );
    assert!(
        out.contains("did you mean `case:exnet-count`?"),
        "the hint suggests the nearest key:\n{out}"
    );
    assert!(
        out.contains("“Tour”"),
        "the hint names the guide's section:\n{out}"
    );
}

#[test]
fn check_warns_of_a_highlight_not_in_its_passage_and_still_exits_0() {
    let path = fixtures().join("invalid/highlight-not-found.json");
    let output = paperlens(&["check", path_str(&path)]);
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("warning[highlight-not-found]"), "{out}");
    assert!(out.contains("paragraph `data.p1`"), "{out}");
    assert!(out.contains("0 errors, 1 warning"), "{out}");
}

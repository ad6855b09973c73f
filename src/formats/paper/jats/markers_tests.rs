//! The JATS importer on citation markers as publishers set them apart from PLOS's markup:
//! markers that touch, with no separator between them, and a range's dash set as a link.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{article, paragraph_with, read, valid};

#[test]
fn touching_markers_are_a_range_or_a_list_and_a_linked_dash_a_range() {
    // BMJ prints `1–3` and writes `<xref>1</xref><xref>3</xref>`; Nature prints `5,6` and
    // writes `<xref>5</xref><xref>6</xref>`; ASM links a range's dash to the reference after
    // the first.
    let body = r#"<sec><title>Introduction</title>
<p>BMJ sets.<xref rid="b1" ref-type="bibr">1</xref><xref rid="b3" ref-type="bibr">3</xref> Then.</p>
<p>Nature sets<xref ref-type="bibr" rid="b4">4</xref><xref ref-type="bibr" rid="b5">5</xref><xref ref-type="bibr" rid="b6">6</xref>.</p>
<p>Years touch (<xref ref-type="bibr" rid="b1">2001</xref><xref ref-type="bibr" rid="b4">2004</xref>) apart.</p>
<p>ASM sets (<xref rid="b2" ref-type="bibr">2</xref><xref ref-type="bibr" rid="b3">&#x02013;</xref><xref rid="b5" ref-type="bibr">5</xref>) here.</p>
</sec>"#;
    let imported = read(&article(body, ""));
    valid(&imported);
    let file = &imported.file;
    assert_eq!(
        paragraph_with(file, "BMJ sets"),
        "BMJ sets.[1–3]{@b1; @b2; @b3} Then."
    );
    assert_eq!(
        paragraph_with(file, "Nature sets"),
        "Nature sets[4,5,6]{@b4; @b5; @b6}."
    );
    assert_eq!(
        paragraph_with(file, "Years touch"),
        "Years touch [(2001,2004)]{@b1; @b4} apart."
    );
    assert_eq!(
        paragraph_with(file, "ASM sets"),
        "ASM sets [(2–5)]{@b2; @b3; @b4; @b5} here."
    );
}

#[test]
fn one_marker_printing_numbers_one_space_apart_cites_each() {
    // BMJ writes `4,5` as one link to the first: `<xref rid="R4"><sup>4 5</sup></xref>`. Only
    // a list opening with its own reference's number is read so.
    let body = r#"<sec><title>Introduction</title>
<p>Cells suppress.<xref rid="b4" ref-type="bibr"><sup>4 5</sup></xref> Then.</p>
<p>Not this.<xref rid="b4" ref-type="bibr"><sup>5 6</sup></xref> Then.</p>
</sec>"#;
    let imported = read(&article(body, ""));
    valid(&imported);
    let file = &imported.file;
    assert_eq!(
        paragraph_with(file, "Cells suppress"),
        "Cells suppress.[4 5]{@b4; @b5} Then."
    );
    assert_eq!(
        paragraph_with(file, "Not this"),
        "Not this.[5 6]{@b4} Then."
    );
}

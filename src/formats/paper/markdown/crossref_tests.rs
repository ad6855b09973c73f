//! The Markdown importer on Quarto's cross-references (`@fig-x`, `@tbl-x`, `@eq-x`), which
//! print what they name, as Quarto prints them.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{messages, paragraphs, read, valid};

#[test]
fn quarto_cross_references_print_what_they_name() {
    let text = "---\ntitle: A Quarto paper\nbibliography: refs.bib\n---\n\n# Introduction {#sec-intro}\n\n\
                As @fig-rates shows and [@smith2020] found, see @tbl-rates, [@fig-rates; @fig-more], \
                @eq-sum and @sec-methods.\n\n\
                ![Positive result rates.](rates.png){#fig-rates}\n\n\
                ![More rates.](more.png){#fig-more}\n\n\
                | Kind | Rate |\n|------|-----:|\n| Standard | 96 |\n\n: Rates by kind {#tbl-rates}\n\n\
                $$ a + b $$ {#eq-sum}\n\n# Methods {#sec-methods}\n\nText.\n";
    let imported = read(text);
    valid(&imported);
    assert_eq!(
        paragraphs(&imported.file).first().copied(),
        Some(
            "As Figure 1 shows and [@smith2020] found, see Table 1, Figures 1, 2, Equation 1 and \
             \\@sec-methods."
        )
    );
    assert_eq!(imported.file.references.len(), 1);
    let said = messages(&imported);
    assert!(
        said.iter().all(|m| !m.contains("not in the bibliography")),
        "a label is no citation key: {said:?}"
    );
    assert!(
        said.iter().any(|m| m.contains("`sec-methods`")),
        "a label naming no figure, table or equation is said: {said:?}"
    );
}

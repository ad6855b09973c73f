//! The Markdown importer on Quarto's cross-references (`@fig-x`, `@tbl-x`, `@eq-x`), which
//! print what they name, as Quarto prints them; on notes marked in a table's cells; and on a
//! caption's attributes given on an empty span (`[]{#tbl:x}`).
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{messages, paragraphs, read, valid};
use crate::corpus::diagnostics::Code;

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

#[test]
fn a_note_marked_in_a_table_s_cell_is_the_table_s_note() {
    // As Quarto's ACS template: notes marked in cells, and one marked again in the text.
    let text = "# Results\n\nSee @tbl-notes.\n\n| Header one | Header two |\n|---|---|\n\
                | Entry one[^1] | Entry two |\n| Entry three[^2] | Entry four |\n\n\
                : A table with notes {#tbl-notes}\n\nAs the second note says[^2].\n\n\
                [^1]: This is a footnote\n\n[^2]: This is a second note\n";
    let imported = read(text);
    let corpus = valid(&imported);
    let table = &imported.file.tables[0];
    let cells: Vec<&str> = table.rows.iter().map(|r| r.cells[0].as_str()).collect();
    assert_eq!(cells, ["Entry one¹", "Entry three²"]);
    let notes: Vec<(&str, &str)> = table
        .footnotes
        .iter()
        .map(|n| (n.marker.as_str(), n.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [("¹", "This is a footnote"), ("²", "This is a second note")]
    );
    assert_eq!(
        paragraphs(&imported.file),
        ["See Table 1.", "As the second note says[^2]."]
    );
    assert_eq!(imported.file.footnotes.len(), 1);
    assert_eq!(imported.file.footnotes[0].text, "This is a second note");
    assert!(
        corpus
            .warnings
            .iter()
            .all(|d| d.code != Code::UnmarkedFootnote),
        "{:?}",
        corpus.warnings
    );
}

#[test]
fn a_cross_reference_after_its_kind_s_name_prints_its_number() {
    // Manubot's manuscripts write the name before a pandoc-fignos reference, which prints the
    // number alone.
    let text = "# Results\n\n\
                Figure @fig:square and Table @tbl:scores agree, as fig.\u{a0}@fig:square, \
                Equation @eq:sum and @fig:square do; tables [@tbl:scores].\n\n\
                ![A square.](square.png){#fig:square}\n\n\
                | a | b |\n|---|---|\n| 1 | 2 |\n\nTable: Scores. {#tbl:scores}\n\n\
                $$ a + b $$ {#eq:sum}\n";
    let imported = read(text);
    valid(&imported);
    assert_eq!(
        paragraphs(&imported.file).first().copied(),
        Some("Figure 1 and Table 1 agree, as fig. 1, Equation 1 and fig. 1 do; tables 1.")
    );
}

#[test]
fn a_caption_s_attributes_on_an_empty_span_label_its_table() {
    // As a thesis template writes a pandoc-crossref table caption with a short caption.
    let text = "# Results\n\n[@tbl:random] shows it.\n\n\
                | Land | Area |\n|---|---|\n| Asia | 44 |\n\n\
                : Important data for land masses. []{#tbl:random short-caption=\"Short\"}\n";
    let imported = read(text);
    valid(&imported);
    let table = imported.file.tables.first().unwrap();
    assert_eq!(
        (table.label.as_str(), table.caption.as_str()),
        ("Table 1", "Important data for land masses.")
    );
    assert_eq!(
        paragraphs(&imported.file).first().copied(),
        Some("tbl. 1 shows it.")
    );
}

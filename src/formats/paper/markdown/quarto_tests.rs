//! The Markdown importer on what Quarto adds to Pandoc's Markdown for a paper split into
//! files: `{{< include file >}}` lines.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{BIB, messages, paragraphs, read_with, valid};
use crate::corpus::diagnostics::Severity;

#[test]
fn an_included_file_is_read_where_the_paper_includes_it() {
    let text = "---\ntitle: A paper in parts\nbibliography: refs.bib\n---\n\n# Results\n\n\
                As @tbl-venues shows [@smith2020].\n\n{{< include tables/venues.md >}}\n\n\
                {{< include appendix.qmd >}}\n{{< include missing.qmd >}}\n";
    let venues = "| Venue | Works |\n|---|--:|\n| Energy Policy | 69 |\n\n\
                  : Venues of the works {#tbl-venues}\n";
    let appendix = "---\ntitle: Appendix\n---\n\n# Appendix\n\nAs @doe:2019 says.\n";
    let imported = read_with(
        text,
        &[
            ("refs.bib", BIB),
            ("tables/venues.md", venues),
            ("appendix.qmd", appendix),
        ],
    );
    valid(&imported);
    let file = &imported.file;
    assert_eq!(
        paragraphs(file),
        ["As Table 1 shows [@smith2020].", "As @doe:2019 says."]
    );
    let titles: Vec<&str> = file.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Results", "Appendix"]);
    assert_eq!(file.tables.len(), 1);
    assert_eq!(file.references.len(), 2);
    let said = messages(&imported);
    assert!(
        said.iter().any(|m| m.contains("read 2 files into the text")
            && m.contains("`tables/venues.md`")
            && m.contains("`appendix.qmd`")),
        "{said:?}"
    );
    let missing = imported
        .diagnostics
        .iter()
        .find(|d| d.message.contains("`missing.qmd` could not be read"))
        .expect("the missing file is said");
    assert_eq!(missing.severity, Severity::Warning);
    let location = missing.location.as_ref().expect("at its line");
    assert_eq!((location.line, location.column), (13, 1));
    assert!(
        paragraphs(file).iter().all(|p| !p.contains("{{<")),
        "no include is printed"
    );
}

//! The Markdown importer on what Quarto adds to Pandoc's Markdown for a paper split into
//! files: `{{< include file >}}` lines.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{BIB, figure_cards, messages, paragraphs, read_with, table_cards, valid};
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

#[test]
fn a_float_div_is_its_figure_or_table_captioned_by_its_last_paragraph() {
    let text = "# Results\n\nSee @fig-map, @fig-drawn, @tbl-rates and @tbl-computed.\n\n\
                ::: {#fig-map}\n![](map.png)\n\nWhere the sites are.\n:::\n\n\
                ::: {#fig-drawn layout-ncol=1}\n```{r}\nplot(x)\n```\n\n\
                A plot the code draws.\\vspace{20pt}\n:::\n\n\
                ::: {#tbl-rates}\n| Kind | Rate |\n|---|--:|\n| Standard | 96 |\n\n\
                Rates by kind.\n:::\n\n\
                ::: {#tbl-computed}\n```{r}\nkable(x)\n```\n\nA table the code computes.\n:::\n\n\
                ::: {.column-margin}\nA margin note.\n:::\n\n\
                ::: {#fig-unclosed}\n![](last.png)\n\nThe last figure.\n";
    let imported = read_with(text, &[]);
    valid(&imported);
    let file = &imported.file;
    assert_eq!(
        paragraphs(file),
        [
            "See Figure 1, Figure 2, Table 1 and Table 2.",
            "A margin note."
        ]
    );
    assert_eq!(
        figure_cards(file),
        [
            ("Figure 1", "Where the sites are.", Some("map.png")),
            ("Figure 2", "A plot the code draws.", None),
            ("Figure 3", "The last figure.", Some("last.png")),
        ]
    );
    assert_eq!(
        table_cards(file),
        [
            ("Table 1", "Rates by kind.", 1),
            ("Table 2", "A table the code computes.", 0)
        ]
    );
}

#[test]
fn floats_of_a_declared_kind_are_numbered_apart_and_printed_with_its_prefix() {
    let text = "---\ntitle: A paper with supplements\nbibliography: refs.bib\n\
                crossref:\n  custom:\n    - kind: float\n      key: suppfig\n      \
                reference-prefix: Supplementary Figure\n    - kind: float\n      key: supptbl\n      \
                reference-prefix: Supplementary Table\n    - key: extra\n---\n\n\
                # Results\n\nAs @fig-main shows [@smith2020], and Supplementary Figures \
                [-@suppfig-a] and [-@suppfig-b] (see @supptbl-tasks, @extra-one).\n\n\
                ![The main result.](main.png){#fig-main}\n\n\
                # Appendix\n\n::: {#suppfig-a}\n```{r}\nplot(a)\n```\n\nThe first supplement.\n:::\n\n\
                ::: {#suppfig-b}\n![](b.png)\n\nThe second supplement.\n:::\n\n\
                ::: {#supptbl-tasks}\n```{r}\nflextable(tasks)\n```\n\nThe tasks.\n:::\n\n\
                ::: {#extra-one}\nAn extra float.\n:::\n";
    let imported = read_with(text, &[("refs.bib", BIB)]);
    valid(&imported);
    let file = &imported.file;
    assert_eq!(
        paragraphs(file).first().copied(),
        Some(
            "As Figure 1 shows [@smith2020], and Supplementary Figures 1 and 2 (see \
             Supplementary Table 1, Extra 1)."
        )
    );
    let labels: Vec<&str> = file.figures.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Figure 1",
            "Supplementary Figure 1",
            "Supplementary Figure 2",
            "Extra 1"
        ]
    );
    assert_eq!(
        table_cards(file),
        [("Supplementary Table 1", "The tasks.", 0)]
    );
    assert_eq!(file.references.len(), 1);
    let said = messages(&imported);
    assert!(
        said.iter()
            .all(|m| !m.contains("not in the bibliography") && !m.contains("naming no figure")),
        "a declared kind's label is no citation key: {said:?}"
    );
}

#[test]
fn meta_and_var_shortcodes_print_the_values_the_paper_keeps_apart() {
    let text = "---\ntitle: \"{{< meta short >}}: a study\"\nshort: Ten thousand works\n\
                abstract: We read {{< meta total >}} works.\n\
                metadata-files: [vars.yml]\nstudy:\n  n: 412\n---\n\n# Data\n\n\
                About {{< meta total >}} works, n = {{< meta study.n >}}, version \
                {{< var version >}}; {{< meta gone >}} stays.\n\n\
                ```{r}\nx <- \"{{< meta total >}}\"\n```\n\n{{< include part.qmd >}}\n";
    let imported = read_with(
        text,
        &[
            ("vars.yml", "total: \"10,000\"\nshort: not this one\n"),
            ("_variables.yml", "version: 2.1\n"),
            ("part.qmd", "From {{< meta total >}} works.\n"),
        ],
    );
    valid(&imported);
    let file = &imported.file;
    assert_eq!(file.paper.title, "Ten thousand works: a study");
    assert_eq!(file.paper.abstract_text, "We read 10,000 works.");
    assert_eq!(
        paragraphs(file),
        [
            "About 10,000 works, n = 412, version 2.1; {{< meta gone >}} stays.",
            "From 10,000 works."
        ]
    );
    let said = messages(&imported);
    assert!(
        said.iter()
            .any(|m| m.contains("1 shortcode naming a value") && m.contains("`{{< meta gone >}}`")),
        "{said:?}"
    );
}

#[test]
fn inline_code_run_for_a_value_is_kept_as_written_and_said() {
    let text = "# Results\n\nWe included `r nrow(df)` studies and `{python} len(x)` more; \
                the function `r` and the code `{x}` are code.\n";
    let imported = read_with(text, &[]);
    valid(&imported);
    assert_eq!(
        paragraphs(&imported.file),
        [
            "We included `r nrow(df)` studies and `{python} len(x)` more; the function r and \
          the code {x} are code."
        ]
    );
    let said = messages(&imported);
    assert!(
        said.iter()
            .any(|m| m.starts_with("2 pieces of inline code run for a value")
                && m.contains("(`r nrow(df)`)")),
        "{said:?}"
    );
}

#[test]
fn subfigures_are_parts_of_one_figure_printed_with_their_letter() {
    let text = "# Results\n\nSee @fig-elephants, @fig-hanno, @fig-dag-1 and @fig-after.\n\n\
                ::: {#fig-elephants layout-ncol=2}\n![Surus](surus.png){#fig-surus}\n\n\
                ![Hanno](hanno.png){#fig-hanno}\n\nFamous elephants.\n:::\n\n\
                ```{r}\n#| label: fig-dag\n#| fig-cap: \"Two DAGs.\"\n#| fig-subcap:\n\
                #|   - \"Before.\"\n#|   - \"After: adjusted.\"\n#| layout-ncol: 2\nplot(dag)\n```\n\n\
                ![The last one.](after.png){#fig-after}\n";
    let imported = read_with(text, &[]);
    valid(&imported);
    let file = &imported.file;
    assert_eq!(
        paragraphs(file),
        ["See Figure 1, Figure 1 (b), Figure 2 (a) and Figure 3."]
    );
    assert_eq!(
        figure_cards(file),
        [
            (
                "Figure 1",
                "Famous elephants. (a) Surus (b) Hanno",
                Some("surus.png")
            ),
            (
                "Figure 2",
                "Two DAGs. (a) Before. (b) After: adjusted.",
                None
            ),
            ("Figure 3", "The last one.", Some("after.png")),
        ]
    );
}

#[test]
fn includes_and_values_multiplying_without_end_are_cut_short_and_said_briefly() {
    // Each file includes the next fifty times: 50⁸ includes, were they all read.
    let fifty = |next: &str| format!("{{{{< include {next} >}}}}\n").repeat(50);
    let files: Vec<(String, String)> = (0..8)
        .map(|n| {
            (
                format!("f{n}.md"),
                format!("Level {n}.\n\n{}", fifty(&format!("f{}.md", n + 1))),
            )
        })
        .collect();
    let mut readable: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let long = format!("big: \"{}\"\n", "x".repeat(1 << 20));
    readable.push(("big.yml", &long));
    let text = format!(
        "---\ntitle: Hostile\nmetadata-files: [big.yml]\n---\n\n# Text\n\n{}\n\n{}",
        "{{< meta big >}} ".repeat(100),
        fifty("f0.md")
    );
    let started = std::time::Instant::now();
    let imported = read_with(&text, &readable);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    let said = messages(&imported);
    let left_out = said
        .iter()
        .filter(|m| m.contains("left out of the text"))
        .count();
    assert!(
        left_out <= 11,
        "the includes left out are said briefly: {left_out}"
    );
    assert!(
        said.iter().any(|m| m.contains("more left out of the text")),
        "{said:?}"
    );
    let printed: usize = paragraphs(&imported.file).iter().map(|p| p.len()).sum();
    assert!(
        printed < 40 << 20,
        "the values printed are bounded: {printed} bytes"
    );
}

//! Unit tests of the Markdown importer, with small fixtures written inline: what the six real
//! papers lack (grid, simple and multiline tables, footnotes, quotes, setext headings, other
//! bibliography formats, broken YAML …) and hostile input.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use crate::corpus::Corpus;
use crate::corpus::diagnostics::Severity;
use crate::corpus::model::{CorpusFile, ParagraphKind};
use crate::formats::paper::{ImportOptions, Imported, PaperKind, import};

pub(super) const BIB: &str = "@article{smith2020, author = {Smith, Ann}, title = {A work}, \
                   journal = {J}, year = {2020}}\n\
                   @book{doe:2019, author = {Doe, Jo}, title = {A book}, year = {2019}}\n\
                   @book{unused, author = {Nobody, No}, title = {Never cited}, year = {2001}}\n";

/// Imports `text` with `files` readable beside it.
pub(super) fn read_with(text: &str, files: &[(&str, &str)]) -> Imported {
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect();
    let read_beside = move |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| "no such file".to_owned())
    };
    let options = ImportOptions {
        bibliography: None,
        read_beside: &read_beside,
    };
    import(PaperKind::Markdown, text, &options).expect("imports")
}

pub(super) fn read(text: &str) -> Imported {
    read_with(text, &[("refs.bib", BIB)])
}

pub(super) fn valid(imported: &Imported) -> Corpus {
    Corpus::from_file(imported.file.clone(), "test").expect("valid corpus")
}

pub(super) fn paragraphs(file: &CorpusFile) -> Vec<&str> {
    file.sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.kind == ParagraphKind::Text)
        .map(|p| p.text.as_str())
        .collect()
}

/// Each figure's label, caption and image.
pub(super) fn figure_cards(file: &CorpusFile) -> Vec<(&str, &str, Option<&str>)> {
    file.figures
        .iter()
        .map(|f| (f.label.as_str(), f.caption.as_str(), f.image.as_deref()))
        .collect()
}

/// Each table's label, caption and number of rows.
pub(super) fn table_cards(file: &CorpusFile) -> Vec<(&str, &str, usize)> {
    file.tables
        .iter()
        .map(|t| (t.label.as_str(), t.caption.as_str(), t.rows.len()))
        .collect()
}

pub(super) fn messages(imported: &Imported) -> Vec<&str> {
    imported
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect()
}

pub(super) const HEADER: &str = "---\ntitle: A *test* paper\nbibliography: refs.bib\n---\n\n";

#[test]
fn a_bibliography_named_without_its_extension_is_read_as_bibtex() {
    let imported = read_with(
        "---\nbibliography: refs\n---\n\nText [@smith2020].\n",
        &[("refs.bib", BIB)],
    );
    assert_eq!(imported.file.references.len(), 1);
    assert_eq!(valid(&imported).summary().citations, 1);
    assert!(
        messages(&imported)
            .iter()
            .all(|m| !m.contains("could not be read"))
    );
}

#[test]
fn a_missing_bibliography_file_is_a_warning_naming_it() {
    let imported = read_with("---\nbibliography: gone.bib\n---\n\nText [@a].\n", &[]);
    let warning = imported
        .diagnostics
        .iter()
        .find(|d| {
            d.message
                .contains("`gone.bib` could not be read: no such file")
        })
        .expect("warning");
    assert_eq!(warning.severity, Severity::Warning);
    assert!(imported.file.references.is_empty());
    valid(&imported);
}

#[test]
fn bib_option_reads_csl_json_csl_yaml_and_ris() {
    let json = r#"[{"id": "smith2020", "type": "book", "title": "A work"}]"#;
    let yaml = "references:\n- id: smith2020\n  type: book\n  title: A work\n  issued:\n    date-parts: [[2020]]\n";
    let bare_yaml = "- id: smith2020\n  type: book\n  title: A work\n";
    let ris = "TY  - BOOK\nID  - smith2020\nTI  - A work\nER  - \n";
    for (name, bibliography) in [
        ("refs.json", json),
        ("refs.yaml", yaml),
        ("refs.yml", bare_yaml),
        ("refs.ris", ris),
    ] {
        let options = ImportOptions {
            bibliography: Some((name, bibliography)),
            ..ImportOptions::default()
        };
        let imported = import(
            PaperKind::Markdown,
            "# A\n\nAs [@smith2020] shows.\n",
            &options,
        )
        .expect("imports");
        let titles = crate::corpus::model::titles_of(&imported.file.references);
        assert_eq!(titles, ["A work"], "{name}: {:?}", messages(&imported));
        assert_eq!(valid(&imported).summary().citations, 1, "{name}");
    }
}

#[test]
fn broken_yaml_is_a_warning_at_its_line_and_the_rest_is_read() {
    let text = "---\ntitle: Still read\nauthors:\n  - name: [unclosed\nbibliography: refs.bib\n---\n\n# Body\n\nText [@smith2020].\n";
    let imported = read(text);
    let warning = imported
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("the YAML metadata could not be read"))
        .expect("warning");
    let line = warning.location.map(|l| l.line).unwrap();
    assert!((4..=6).contains(&line), "line {line}");
    assert_eq!(imported.file.paper.title, "Still read");
    assert_eq!(imported.file.references.len(), 1);
    assert_eq!(imported.file.sections[0].title, "Body");
}

#[test]
fn a_quote_never_closed_on_its_line_is_closed_there_and_the_rest_is_read() {
    // JOSS papers whose title opens a quote and never closes it, or closes it with a backquote.
    for (title_line, title) in [
        (
            "title: 'AnyPyTools: reproducible research.",
            "AnyPyTools: reproducible research.",
        ),
        ("title: 'MAESTROeX: A Solver`", "MAESTROeX: A Solver"),
        ("title: \"Gala: a package", "Gala: a package"),
    ] {
        let text = format!(
            "---\n{title_line}\nauthors:\n  - name: A. Price\n    affiliation: 1\naffiliations:\n \
             - name: Lund University\n   index: 1\nbibliography: refs.bib\n---\n\n# Body\n\nText \
             [@smith2020].\n"
        );
        let imported = read(&text);
        let paper = &imported.file.paper;
        assert_eq!(paper.title, title);
        let authors: Vec<(&str, &str)> = paper
            .authors
            .iter()
            .map(|a| (a.name.as_str(), a.affiliation.as_str()))
            .collect();
        assert_eq!(authors, [("A. Price", "Lund University")], "{title_line}");
        assert_eq!(imported.file.references.len(), 1);
        let said: Vec<String> = imported
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("YAML"))
            .map(|d| format!("{} {:?}", d.message, d.location.map(|l| (l.line, l.column))))
            .collect();
        let quote = title_line.chars().nth(7).unwrap_or_default();
        assert_eq!(
            said,
            [format!(
                "the YAML metadata's `title:` value opens a quote ({quote}) it never closes: read \
                 as closed at the end of its line Some((2, 8))"
            )]
        );
    }
    // A value going on over lines that read as no YAML once it is closed is not closed by guess.
    let text = "---\ntitle: 'A title\n  going on\nauthors: [A. Price]\n---\n\nText.\n";
    let imported = read(text);
    assert!(imported.file.paper.authors.is_empty());
    assert!(
        messages(&imported)
            .iter()
            .any(|m| m.starts_with("the YAML metadata could not be read"))
    );
}

#[test]
fn metadata_without_its_opening_line_is_read_and_said_so() {
    let text = "title: 'Gala: a package'\nauthors:\n  - name: A. Price\nbibliography: refs.bib\n---\n\n\
                # Summary\n\nText [@smith2020].\n";
    let imported = read(text);
    assert_eq!(imported.file.paper.title, "Gala: a package");
    assert_eq!(
        imported.file.references.len(),
        1,
        "its bibliography is read"
    );
    assert_eq!(imported.file.sections[0].title, "Summary");
    let warning = imported
        .diagnostics
        .iter()
        .find(|d| d.message.contains("no `---` line above it"))
        .expect("warning");
    assert_eq!(warning.location.map(|l| l.line), Some(1));
    // A first line that only looks like a key, over text, is text: the `---` below is a rule.
    let prose = read("Title: not metadata\n\nA paragraph of text.\n\n---\n\n# Next\n");
    assert!(
        paragraphs(&prose.file).contains(&"A paragraph of text."),
        "{:?}",
        paragraphs(&prose.file)
    );
    assert!(
        !prose
            .diagnostics
            .iter()
            .any(|d| d.message.contains("no `---` line above it"))
    );
}

#[test]
fn joss_authors_and_affiliations() {
    let text = "---\ntitle: T\nauthors:\n  - given-names: Ann\n    surname: Smith\n    \
                affiliation: \"1, 2\"\n    corresponding: true\n    equal-contrib: true\n  \
                - name: Bo Li\n    affiliation: 2\naffiliations:\n  - name: Uni A\n    index: 1\n  \
                - name: Uni B\n    index: 2\ndate: 1 May 2020\nkeywords: [x, y]\n\
                abstract: An *abstract*.\noutput: pdf_document\n---\n\nText.\n";
    let file = read(text).file;
    assert_eq!(file.paper.authors[0].name, "Ann Smith");
    assert_eq!(file.paper.authors[0].affiliation, "Uni A; Uni B");
    assert!(file.paper.authors[0].corresponding);
    assert_eq!(file.paper.authors[1].affiliation, "Uni B");
    assert_eq!(file.paper.date, "1 May 2020");
    assert_eq!(file.paper.keywords, ["x", "y"]);
    assert_eq!(file.paper.abstract_text, "An abstract.");
}

#[test]
fn headings_nest_by_level_with_numbers_and_attributes() {
    let text = "Title\n=====\n\nIntro.\n\n1.2 Methods {#sec:m .unnumbered}\n---------\n\n\
                ### Deep ###\n\nx\n\n## Next\n\ny\n\n# References\n";
    let file = read(text).file;
    let titles: Vec<(&str, &str, Option<&str>)> = file
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str(), s.parent.as_deref()))
        .collect();
    assert_eq!(
        titles,
        [
            ("", "Title", None),
            ("1.2", "Methods", Some("title")),
            ("", "Deep", Some("methods")),
            ("", "Next", Some("title")),
        ]
    );
}

#[test]
fn atx_attributes_are_stripped() {
    let file = read("# 2 Results {#sec:results}\n\ntext\n").file;
    assert_eq!(file.sections[0].number, "2");
    assert_eq!(file.sections[0].title, "Results");
}

#[test]
fn quotes_lists_comments_rules_and_code_blocks() {
    let text = "# A\n\n> Quoted line one\n> and two.\n>\n> > Nested.\n\n- item one\n  \
                continued\n- item two\n    1. nested\n\n1. first\n2) second\n\n<!-- a\n\ncomment -->\n\n\
                ***\n\n```python\n# not a heading\n```\n\n~~~~\n# nor this\n~~~~\n\n\
                \tindented code\n\n\\newpage\n\nEnd *here* and **there** and ~~gone~~ H~2~O.\n";
    let imported = read(text);
    assert_eq!(
        paragraphs(&imported.file),
        [
            "Quoted line one and two.",
            "Nested.",
            "• item one continued",
            "• item two",
            "1. nested",
            "1. first",
            "2) second",
            "End here and there and gone H₂O."
        ]
    );
    assert_eq!(imported.file.sections.len(), 1);
    assert!(messages(&imported).contains(&"3 code blocks left out of the text"));
}

#[test]
fn fenced_divs_keep_their_text_and_leave_out_their_fences() {
    let text = "# A\n\n::: note\nA note in a div.\n:::\n\n::::: {#box .warning}\nOuter text.\n\n\
                ::: inner\nInner text.\n:::\n:::::\n\nAfter.\n";
    let imported = read(text);
    assert_eq!(
        paragraphs(&imported.file),
        ["A note in a div.", "Outer text.", "Inner text.", "After."]
    );
}

#[test]
fn footnotes_and_inline_notes() {
    let text = "---\nbibliography: refs.bib\n---\n\n# A\n\nText[^n1] and more^[An inline note \
                citing [@smith2020].] end.\n\n[^n1]: The note,\n    continued.\n\n    Second paragraph.\n\nAfter.\n";
    let imported = read(text);
    valid(&imported);
    let file = &imported.file;
    assert_eq!(
        paragraphs(file),
        ["Text[^n1] and more[^note-1] end.", "After."]
    );
    let notes: Vec<(&str, &str, &str)> = file
        .footnotes
        .iter()
        .map(|f| (f.id.as_str(), f.marker.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            ("n1", "1", "The note, continued. Second paragraph."),
            ("note-1", "2", "An inline note citing (Smith, 2020).")
        ]
    );
    assert_eq!(file.references.len(), 1);
}

#[test]
fn links_images_html_and_escapes_are_flattened() {
    let text = "[ref]: https://example.org\n\nSee [the site](https://x.org/a_(b)) and [this][ref], \
                <https://y.org/@z>, <span class=\"x\">span</span>, ![alt text](i.png) and \
                \\*star\\* &amp; 5 \\$ and [1] and [sic].\n";
    let imported = read(text);
    assert_eq!(
        paragraphs(&imported.file),
        [
            "See the site and this, https://y.org/\\@z, span, alt text and *star* & 5 \\$ and \\[1] \
          and \\[sic]."
        ]
    );
}

#[test]
fn a_caption_written_as_text_beside_its_table_is_its_caption_and_label() {
    let text = "# T\n\nTable 1 shows the input. Table 2. is not a caption either.\n\n\
                Table 1: Minimal example of input values\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                **Table S2.** Flattened\n\n| c |\n|---|\n| 3 |\n\n\
                | d |\n|---|\n| 4 |\n\nTable 3 is described above.\n\n\
                Table: **Table 4. Popular repositories**. Not all of them.\n\n| e |\n|---|\n| 5 |\n\n\
                | f |\n|---|\n| 6 |\n\nTable 4.1: A part of it\n\n\
                ![Figure 1: A *plot* of it](plot.png)\n\n![Fig. 2 shows no label](other.png)\n";
    let imported = read(text);
    valid(&imported);
    let tables: Vec<(&str, &str)> = imported
        .file
        .tables
        .iter()
        .map(|t| (t.label.as_str(), t.caption.as_str()))
        .collect();
    assert_eq!(
        tables,
        [
            ("Table 1", "Minimal example of input values"),
            ("Table S2", "Flattened"),
            ("Table 3", ""),
            ("Table 4", "Popular repositories. Not all of them."),
            ("Table 4.1", "A part of it")
        ]
    );
    let figures: Vec<(&str, &str)> = imported
        .file
        .figures
        .iter()
        .map(|f| (f.label.as_str(), f.caption.as_str()))
        .collect();
    assert_eq!(
        figures,
        [
            ("Figure 1", "A plot of it"),
            ("Figure 2", "Fig. 2 shows no label")
        ]
    );
    assert_eq!(
        paragraphs(&imported.file),
        [
            "Table 1 shows the input. Table 2. is not a caption either.",
            "Table 3 is described above."
        ]
    );
}

#[test]
fn citations_in_captions_and_notes_print_as_in_the_text() {
    let text = format!(
        "{HEADER}# T\n\nText.[^n]\n\n[^n]: See Doe [-@doe:2019].\n\n\
         ![A plot after @smith2020 and [@doe:2019, p. 3].](plot.png)\n\n\
         : Values [@smith2020; @nobody]\n\n| a |\n|---|\n| 1 |\n"
    );
    let imported = read(&text);
    valid(&imported);
    let file = &imported.file;
    assert_eq!(
        file.figures[0].caption,
        "A plot after Smith (2020) and (Doe, 2019, p. 3)."
    );
    assert_eq!(file.figures[0].references, ["smith2020", "doe:2019"]);
    assert_eq!(
        file.tables[0].caption, "Values [@smith2020; @nobody]",
        "a group naming a work the bibliography lacks is kept as written"
    );
    assert_eq!(file.footnotes[0].text, "See Doe (2019).");
}

#[test]
fn double_and_triple_hyphens_print_as_dashes_outside_code() {
    let text = format!(
        "{HEADER}# T\n\nGauss--Jacobi rules---fast; see [@smith2020, pp. 33--35], run \
         `tool --fast` and keep a-b and ----.\n"
    );
    let imported = read(&text);
    valid(&imported);
    let paragraph = paragraphs(&imported.file)[0];
    assert!(
        paragraph.starts_with(
            "Gauss\u{2013}Jacobi rules\u{2014}fast; see [@smith2020, pp. 33\u{2013}35]"
        ),
        "{paragraph}"
    );
    assert!(
        paragraph.contains("--fast"),
        "code keeps its hyphens: {paragraph}"
    );
    assert!(paragraph.ends_with("a-b and ----."), "{paragraph}");
}

#[test]
fn pipe_grid_simple_and_multiline_tables() {
    let text = "---\nbibliography: refs.bib\n---\n# T\n\n: Pipe caption\n\n| a | b |\n|:--|--:|\n| 1 | [@smith2020] |\n\n\
                +-----+-----+\n| h1  | h2  |\n+=====+=====+\n| x   | y   |\n| x2  |     |\n+-----+-----+\n\n\
                Table: Grid caption\n\n\
                  Right     Left\n-------   ------\n     12   ab\n    123   cd\n\n\
                -------------------\nCol    Other\nOne    \n-----  -----------\nFirst  a long\n       cell\n\n\
                Second b\n-------------------\n";
    let imported = read(text);
    valid(&imported);
    let tables = &imported.file.tables;
    assert_eq!(tables.len(), 4);
    assert_eq!(tables[0].caption, "Pipe caption");
    assert_eq!(tables[0].rows[0].cells, ["1", "[@smith2020]"]);
    assert_eq!(tables[1].caption, "Grid caption");
    let headers: Vec<&str> = tables[1]
        .columns
        .iter()
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(headers, ["h1", "h2"]);
    assert_eq!(tables[1].rows[0].cells, ["x x2", "y"]);
    assert_eq!(tables[2].rows[1].cells, ["123", "cd"]);
    let headers: Vec<&str> = tables[3]
        .columns
        .iter()
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(headers, ["Col One", "Other"]);
    assert_eq!(tables[3].rows[0].cells, ["First", "a long cell"]);
    assert_eq!(tables[3].rows[1].cells, ["Second", "b"]);
    assert_eq!(imported.file.references.len(), 1);
}

#[test]
fn grid_tables_with_aligned_headers_doubled_borders_and_feet() {
    // As a JOSS paper writes one: colons in the header's border, a doubled border between
    // groups, and a closing `=` border; then a table with a foot between `=` borders.
    let text = "# T\n\nTable: Functions\n\n\
                +------+-------+\n| Name | Does  | \n+:=====+:======+\n| *A*  |       | \n\
                +------+-------+\n| a1   | one   |\n+------+-------+\n+------+-------+\n\
                | b1   | two   |\n+======+=======+\n\n\
                +------+-------+\n| Item | Price |\n+======+=======+\n| x    | 1     |\n\
                +======+=======+\n| All  | 1     |\n+======+=======+\n\n\
                +------+-------+\n| p    | q     |\n+======+=======+\n\n\
                <!-- Dummy table to trigger required latex libraries. -->\n| |\n|--|\n| |\n";
    let imported = read(text);
    valid(&imported);
    let tables = &imported.file.tables;
    let shape = |t: usize| {
        let table = &tables[t];
        let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
        (headers, crate::corpus::model::cells_of(table))
    };
    assert_eq!(
        shape(0),
        (
            vec!["Name", "Does"],
            vec![vec!["A", ""], vec!["a1", "one"], vec!["b1", "two"]]
        )
    );
    assert_eq!(tables[0].caption, "Functions");
    assert_eq!(
        shape(1),
        (
            vec!["Item", "Price"],
            vec![vec!["x", "1"], vec!["All", "1"]]
        )
    );
    // A table whose only `=` border closes it has no header.
    assert_eq!(shape(2).1, vec![vec!["p", "q"]]);
    // A placeholder table printing nothing is left out, and said so.
    assert_eq!(tables.len(), 3);
    assert!(
        messages(&imported)
            .iter()
            .any(|m| m.starts_with("1 empty table left out")),
        "{:?}",
        messages(&imported)
    );
}

#[test]
fn detection_by_content() {
    assert!(super::looks_like_markdown("---\ntitle: x\n---\nText\n"));
    assert!(super::looks_like_markdown(
        "# Intro\n\nAs shown [@smith2020].\n"
    ));
    assert!(!super::looks_like_markdown(
        "# Intro\n\nNo citations here.\n"
    ));
    assert!(!super::looks_like_markdown("Plain text [1].\n"));
}

/// Hostile input of about 1 MB each: never a panic, and time linear in the text.
#[test]
fn pathological_input_is_read_in_linear_time() {
    let megabyte = 1 << 20;
    let row = "| a | b |\n";
    let cases: Vec<(&str, String)> = vec![
        ("brackets", "[".repeat(megabyte)),
        ("closed brackets", "[a](".repeat(megabyte / 4)),
        ("backticks", "` `` ".repeat(megabyte / 5)),
        ("dollars", "$a $ ".repeat(megabyte / 5)),
        ("quotes", format!("{}x\n", ">".repeat(megabyte))),
        (
            "quote lines",
            "> > > > > > > > > > x\n".repeat(megabyte / 22),
        ),
        ("lists", format!("{}x\n", "- ".repeat(megabyte / 2))),
        (
            "table",
            format!("| a | b |\n|---|---|\n{}", row.repeat(100_000)),
        ),
        ("emphasis", "*a _b ~c ^d ".repeat(megabyte / 12)),
        ("notes", "^[a ".repeat(megabyte / 4)),
        ("at signs", "@@a [@b ".repeat(megabyte / 8)),
        ("latex", "\\begin{x}\n".repeat(megabyte / 10)),
        ("comments", "<!--\n".repeat(megabyte / 5)),
        ("angles", "<a <a: <b>".repeat(megabyte / 10)),
        ("fences", "```\n".repeat(megabyte / 4)),
        ("dash lines", "-----\nx\n".repeat(megabyte / 8)),
    ];
    for (name, text) in cases {
        let start = Instant::now();
        let result = import(PaperKind::Markdown, &text, &ImportOptions::default());
        let elapsed = start.elapsed();
        assert!(
            elapsed < Duration::from_secs(20),
            "{name}: {elapsed:?} for {} bytes",
            text.len()
        );
        if let Ok(imported) = result {
            assert!(imported.diagnostics.iter().all(|d| !d.is_error()), "{name}");
        }
    }
}

#[test]
fn superscripts_and_subscripts_of_digits_and_signs_and_raised_markers_are_written_in_unicode() {
    let text = "# A\n\nA rate of 10^-3^ per year, Ca^2+^ in CO~2~-rich water, T~max~ at x^n^, \
                and 2^10^ ways.\n\n| Group | n |\n|---|---|\n| All^a^ | 3^b,c^ |\n";
    let imported = read(text);
    assert_eq!(
        paragraphs(&imported.file),
        ["A rate of 10⁻³ per year, Ca²⁺ in CO₂-rich water, Tmax at xⁿ, and 2¹⁰ ways."]
    );
    // A table's footnote markers, raised as the paper prints them.
    assert_eq!(imported.file.tables[0].rows[0].cells, ["Allᵃ", "3ᵇ,ᶜ"]);
}

#[test]
fn a_list_item_opens_with_its_marker_as_printed() {
    let text = "# A\n\n#. one\n#. two\n\n+ plus\n\n(c) lettered\n\n* ```\n  code only\n  ```\n* after code\n";
    assert_eq!(
        paragraphs(&read(text).file),
        ["1. one", "2. two", "• plus", "(c) lettered", "• after code"]
    );
}

#[test]
fn cleveref_names_several_labels_as_it_prints_them() {
    let text = "# Results\n\n\
                See \\cref{fig:c,fig:a,fig:b}, \\Cref{fig:a, fig:c}, \\cref{fig:a,tab:t,fig:d,fig:b}, \
                \\cref{eq:x,eq:y} and \\cref{fig:a,fig:gone}.\n\n\
                ![A.](a.png){#fig:a}\n\n![B.](b.png){#fig:b}\n\n![C.](c.png){#fig:c}\n\n\
                ![D.](d.png){#fig:d}\n\n\
                | a | b |\n|---|---|\n| 1 | 2 |\n\n: T. {#tab:t}\n\n\
                $$ x = 1 $$ {#eq:x}\n\n$$ y = 2 $$ {#eq:y}\n";
    let imported = read(text);
    valid(&imported);
    assert_eq!(
        paragraphs(&imported.file)[0],
        "See figs. 1 to 3, Figures 1 and 3, figs. 1, 2 and 4 and table 1, eqs. (1) and (2) \
         and \\cref{fig:a,fig:gone}."
    );
    assert!(
        messages(&imported).contains(
            &"1 cross-reference naming no figure, table or equation of the paper \
              (`fig:a,fig:gone`): kept as written"
        ),
        "{:?}",
        messages(&imported)
    );
}

#[test]
fn cross_references_print_the_number_of_what_they_name() {
    let text = "---\nbibliography: refs.bib\n---\n# Results\n\n\
                As \\autoref{fig:one} and Figure \\ref{fig:one} show, and @fig:one and [@fig:one], \
                the table (\\autoref{tab:t}, [see @tbl:second]) agrees with @smith2020; see \
                \\eqref{eq:e}, \\Cref{eq:sum}, \\cref{fig:one}, [-@fig:one], @Fig:one and \
                [@fig:one; @fig:two].\n\n\
                ![One.\\label{fig:one}](one.png)\n\n\
                $$ E = mc^2 $$ {#eq:e}\n\n\
                | a | b |\n|---|---|\n| 1 | 2 |\n\n: First. \\label{tab:t}\n\n\
                \\begin{align}\na &= b \\\\\nc &= d \\nonumber \\\\\ne &= f \\label{eq:sum}\n\\end{align}\n\n\
                \\begin{equation*}\nx = y \\label{eq:star}\n\\end{equation*}\n\n\
                | a | b |\n|---|---|\n| 3 | 4 |\n\n: Second. {#tbl:second}\n\n\
                ![Two.](two.png){#fig:two width=50%}\n\n\
                Not the paper's: \\autoref{sec:intro}, @tbl:gone, \\ref{fig:gone} and \\ref{eq:star}.\n";
    let imported = read(text);
    valid(&imported);
    let texts = paragraphs(&imported.file);
    assert_eq!(
        texts[0],
        "As Figure 1 and Figure 1 show, and fig. 1 and fig. 1, the table (Table 1, see tbl. 2) \
         agrees with @smith2020; see (1), Equation (3), fig. 1, 1, Fig. 1 and figs. 1, 2."
    );
    assert_eq!(
        texts[1],
        "Not the paper's: \\autoref{sec:intro}, \\@tbl:gone, \\ref{fig:gone} and \\ref{eq:star}."
    );
    let labels: Vec<&str> = imported.file.sections[0]
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Equation)
        .map(|p| p.label.as_str())
        .collect();
    // `align` numbers its rows but the one marked `\nonumber`; `equation*` none, so its label
    // names no number.
    assert_eq!(labels, ["(1)", "(2)–(3)", ""]);
    let tables = &imported.file.tables;
    assert_eq!(tables[1].caption, "Second.");
    assert_eq!(tables[1].id, "tbl:second");
    assert!(
        messages(&imported).contains(
            &"4 cross-references naming no figure, table or equation of the paper \
              (`sec:intro`; `fig:gone`; `eq:star`; and 1 more): kept as written"
        ),
        "{:?}",
        messages(&imported)
    );
}

#[test]
fn a_table_without_a_caption_takes_no_number_another_table_prints() {
    // A PDF converter gives a figure's grid as a table before the paper's own Table 1; a
    // table whose caption it lost later keeps the number it would have.
    let text = "# Results\n\n| 0 | 1 |\n| - | - |\n| 3 | 4 |\n\nFigure 1: A grid.\n\n\
                Table 1: Datasets.\n\n| Name | Size |\n| - | - |\n| A | 3 |\n\n\
                Table 2 lists more.\n\n| Name | Size |\n| - | - |\n| B | 5 |\n";
    let imported = read_with(text, &[]);
    valid(&imported);
    assert_eq!(
        table_cards(&imported.file),
        [("", "", 1), ("Table 1", "Datasets.", 1), ("Table 2", "", 1)]
    );
}

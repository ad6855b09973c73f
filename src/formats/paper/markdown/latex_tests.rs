//! The Markdown importer on LaTeX and TeX math in Markdown: commands, environments, `$…$`.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{BIB, HEADER, messages, paragraphs, read, read_with, valid};
use crate::corpus::model::{ColumnKind, ParagraphKind};

#[test]
fn latex_commands_that_only_style_text_read_as_their_text() {
    let text = format!(
        "{HEADER}# Intro\n\nWe compare \\texttt{{DTW-C++}} with \\emph{{x_y*z}} at \\url{{https://e.org/a_b}}; \
         \\emph{{a {{b}}}} and \\foo{{c}} stay as written [@smith2020].\n"
    );
    let imported = read(&text);
    valid(&imported);
    assert_eq!(
        paragraphs(&imported.file),
        [
            "We compare DTW-C++ with x_y*z at https://e.org/a_b; \\emph{a {b}} and \\foo{c} stay as \
          written [@smith2020]."
        ]
    );
    // `\protect` before a command in a heading prints nothing.
    let text = "# Proof of Lemma \\protect\\ref{le1}\n\nText.\n";
    assert_eq!(
        read(text).file.sections[0].title,
        "Proof of Lemma \\ref{le1}"
    );
}

#[test]
fn latex_equations_and_tables() {
    let text = "---\nbibliography: refs.bib\n---\n# E\n\n\\begin{equation}\nE = mc^2 \\label{eq:e}\n\\end{equation}\n\n\
                $$ a + b $$ {#eq:sum}\n\n\
                \\begin{table}\n\\caption{A \\textbf{bold} caption}\n\\begin{tabular}{lr}\n\\toprule\n\
                \\multicolumn{2}{c}{Both} \\\\\n\\midrule\nx & \\cite{smith2020} \\\\\n\\bottomrule\n\
                \\end{tabular}\n\\end{table}\n\n\\begin{itemize}\n\\item left out\n\\end{itemize}\n\n\
                \\begin{figure}\n\\includegraphics[width=5cm]{plot.png}\n\\caption{A \\emph{plot}.}\n\
                \\end{figure}\n\nText <!-- hidden --> shown.\n";
    let imported = read(text);
    valid(&imported);
    let section = &imported.file.sections[0];
    let equations: Vec<(&str, &str)> = section
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Equation)
        .map(|p| (p.text.as_str(), p.label.as_str()))
        .collect();
    assert_eq!(equations, [("E = mc^2", "(1)"), ("a + b", "(2)")]);
    let table = &imported.file.tables[0];
    assert_eq!(table.caption, "A bold caption");
    assert_eq!(table.header_rows[0][0].text, "Both");
    assert_eq!(table.header_rows[0][0].span, 2);
    assert_eq!(table.rows[0].cells, ["x", "[@smith2020]"]);
    assert!(
        messages(&imported)
            .iter()
            .any(|m| m.starts_with("1 raw LaTeX block left out"))
    );
    let figure = &imported.file.figures[0];
    assert_eq!(
        (figure.image.as_deref(), figure.caption.as_str()),
        (Some("plot.png"), "A plot.")
    );
    assert_eq!(paragraphs(&imported.file), ["Text shown."]);
}

#[test]
fn inline_math_stays_tex_in_text_and_reads_as_text_in_captions_cells_and_headings() {
    let text = "# Rates for $t \\leq \\tau$\n\n\
                When $\\alpha \\in [0, 1]$ and @x, it costs \\$5 or $5.\n\n\
                ![The fit of $\\lambda^2$.](fit.png)\n\n\
                | $\\beta$ | b |\n|---|---|\n| $x_1$ | 2 |\n\n: Values of $\\sigma$.\n";
    let imported = read(text);
    let corpus = valid(&imported);
    let file = &imported.file;
    assert_eq!(file.sections[0].title, "Rates for t ≤ τ");
    // The paragraph keeps its TeX (nothing in it escaped), and a literal dollar is escaped.
    assert_eq!(
        paragraphs(file),
        ["When $\\alpha \\in [0, 1]$ and \\@x, it costs \\$5 or \\$5."]
    );
    assert_eq!(
        corpus.index.paragraphs[0].printed,
        "When α ∈ [0, 1] and @x, it costs $5 or $5."
    );
    // As Pandoc reads it, the next `$` closes inline math or nothing does: one after a space
    // cannot, so the first two are dollar signs (and `\\` between them a backslash) and
    // `$y[$` is math.
    let odd = read("# A\n\nand $\\begin{cases} x \\\\ $ then $y[$ end.\n");
    assert_eq!(
        paragraphs(&odd.file),
        ["and \\$\\begin{cases} x \\ \\$ then $y[$ end."]
    );
    let template = read("# A\n\nSingle dollars ($) are needed, e.g. $f(x) = e^{\\pi/x}$.\n");
    assert_eq!(
        paragraphs(&template.file),
        ["Single dollars (\\$) are needed, e.g. $f(x) = e^{\\pi/x}$."]
    );
    assert_eq!(
        valid(&odd).index.paragraphs[0].printed,
        "and $\\begin{cases} x \\ $ then y[ end."
    );
    assert_eq!(file.figures[0].caption, "The fit of λ².");
    assert_eq!(file.tables[0].caption, "Values of σ.");
    assert_eq!(file.tables[0].columns[0].header, "β");
    // A cell is text in the corpus syntax, like a paragraph.
    assert_eq!(file.tables[0].rows[0].cells[0], "$x_1$");
    assert_eq!(corpus.index.cell_text(&corpus.file, 0, 0), "x₁");
}

#[test]
fn an_equation_environment_under_a_line_of_text_is_set_apart() {
    // The JOSS template: the environment opens on the line after the text introducing it.
    let text = "# Math\n\nYou can also use plain \\LaTeX for equations\n\\begin{equation}\\label{eq:fourier}\n\
                \\hat f(\\omega) = \\int f(x) dx\n\\end{equation}\nand refer to \\autoref{eq:fourier} \
                from text.\n\n$$\nW_t =\n  \\begin{cases}\n  a & t \\\\\n  b & u\n  \\end{cases}\n$$\n";
    let imported = read(text);
    valid(&imported);
    let blocks: Vec<(ParagraphKind, &str)> = imported.file.sections[0]
        .paragraphs
        .iter()
        .map(|p| (p.kind, p.text.as_str()))
        .collect();
    let (Some(first), Some(equation), Some(after), Some(display)) =
        (blocks.first(), blocks.get(1), blocks.get(2), blocks.get(3))
    else {
        panic!("four blocks: {blocks:?}");
    };
    assert_eq!(
        *first,
        (
            ParagraphKind::Text,
            "You can also use plain LaTeX for equations"
        )
    );
    assert_eq!(equation.0, ParagraphKind::Equation);
    assert_eq!(
        *after,
        (ParagraphKind::Text, "and refer to Equation 1 from text."),
        "the reference names the equation"
    );
    assert_eq!(
        display.0,
        ParagraphKind::Equation,
        "an environment inside `$$` is part of its formula: {display:?}"
    );
    assert_eq!(blocks.len(), 4, "{blocks:?}");
}

#[test]
fn latex_citations_cite_the_bibliography_latex_names() {
    let text = "---\ntitle: A thesis\ndate: \\today\nheader-includes: |\n    \\usepackage[style=alphabetic]{biblatex}\n    \
                \\addbibresource{thesis.bib}\n---\n\n# Intro\n\nBugs were found \\cite{smith2020, doe:2019}, \
                as \\textcite[p.~3]{smith2020} shows; \\cite{} and \\citenothing{x} stay.\n";
    let imported = read_with(text, &[("thesis.bib", BIB)]);
    valid(&imported);
    assert_eq!(
        paragraphs(&imported.file),
        [
            "Bugs were found [@smith2020; @doe:2019], as @smith2020 shows; \\cite{} and \
             \\citenothing{x} stay."
        ]
    );
    assert_eq!(imported.file.references.len(), 2);
    assert_eq!(
        imported.file.paper.date, "",
        "`\\today` is no date the paper gives"
    );
    // `\bibliography{thesis}` at the end names `thesis.bib`, as BibTeX reads it.
    // natbib's `*` before a key merges its entry into the one before; it still cites it.
    let text = "---\ntitle: A thesis\n---\n\n# Intro\n\nFound \\citep{doe:2019, *smith2020}.\n\n\\bibliography{thesis}\n";
    let imported = read_with(text, &[("thesis.bib", BIB)]);
    valid(&imported);
    assert_eq!(
        paragraphs(&imported.file),
        ["Found [@doe:2019; @smith2020]."]
    );
    assert_eq!(imported.file.references.len(), 2);
    assert!(
        messages(&imported)
            .iter()
            .all(|m| !m.contains("names no bibliography")),
        "{:?}",
        messages(&imported)
    );
}

#[test]
fn a_latex_header_row_shorter_than_the_table_ends_in_blank_cells() {
    // As the arXiv template's table: "Part" over two of three columns, the third left blank.
    let text = "# T\n\n\\begin{table}\n\\caption{Sample table title}\n\\begin{tabular}{lll}\n\\toprule\n\
                \\multicolumn{2}{c}{Part} \\\\\n\\cmidrule(r){1-2}\nName & Description & Size \\\\\n\
                \\midrule\nDendrite & Input terminal & $\\sim$100 \\\\\nAxon & Output terminal & $[1, 2]$ \\\\\n\
                \\bottomrule\n\\end{tabular}\n\\end{table}\n";
    let imported = read(text);
    valid(&imported);
    let table = &imported.file.tables[0];
    let header: Vec<Vec<(&str, u32)>> = table
        .header_rows
        .iter()
        .map(|row| row.iter().map(|c| (c.text.as_str(), c.span)).collect())
        .collect();
    assert_eq!(
        header,
        [
            vec![("Part", 2), ("", 1)],
            vec![("Name", 1), ("Description", 1), ("Size", 1)]
        ]
    );
    assert_eq!(table.columns.len(), 3);
    // Math reads as LaTeX sets it, `$\sim$100` too (no math to Markdown: a digit follows it).
    assert_eq!(table.rows[0].cells[2], "∼100");
    assert_eq!(table.rows[1].cells, ["Axon", "Output terminal", "\\[1, 2]"]);
}

#[test]
fn the_first_hline_under_a_row_ends_a_latex_table_s_header() {
    // As the IMS template's table: a spanning header over part of the table, a `\cline` under
    // it, the columns' headers, then `\hline`; minus signs set as math.
    let text = "# T\n\n\\begin{table}\n\\caption{Estimates}\n\\begin{tabular}{lrrr}\n\\hline\n\
                && \\multicolumn{2}{c}{Quantile} \\\\\n\\cline{3-4}\nModel & Mean & 2.5\\% & 97.5\\% \\\\\n\
                \\hline\n{Model 0} & $-$12.29 & $-$18.04 & $-$8.56 \\\\[6pt]\n\
                {Model 1} & 0.79 & 0.38 & 1.20 \\\\\n\\hline\n\\end{tabular}\n\\end{table}\n";
    let imported = read(text);
    valid(&imported);
    let table = &imported.file.tables[0];
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["Model", "Mean", "2.5%", "97.5%"]);
    assert_eq!(table.header_rows.len(), 2);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(
        table.rows[0].cells,
        ["Model 0", "−12.29", "−18.04", "−8.56"]
    );
    assert!(
        table
            .columns
            .iter()
            .skip(1)
            .all(|c| c.kind == ColumnKind::Number),
        "{:?}",
        table.columns
    );
}

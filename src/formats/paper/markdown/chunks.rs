//! Executable code chunks of R Markdown and Quarto (```` ```{r label, fig.cap = "…"} ````,
//! ```` ```{python} ```` with `#| fig-cap: …` lines): their code is run when the document is
//! knitted and is not the paper's text, but a chunk with a figure caption makes a figure there,
//! and one with a table caption (`tab.cap`, `tbl-cap`, `knitr::kable(…, caption = "…")`,
//! papaja's `apa_table(…, caption = "…")`) a table. Each is kept, captioned and labelled as
//! knitr, bookdown and Quarto label it
//! (`fig:label`, `tab:label`, `fig-x`, `tbl-x`, or the `\label{}` its caption holds): a figure
//! with the image `knitr::include_graphics()` names when it names one, else without an image
//! (the code draws it); a table without its cells (the code computes them).

use super::blocks::{Block, caption_label};
use super::floats::lettered_captions;
use super::tables::TableBlock;

/// The figure or table the chunk whose fence line's info string is `info` (`{r fig2, fig.cap
/// = "…"}`) and whose lines are `body` makes, if it makes one.
pub(super) fn float(info: &str, body: &[&str]) -> Option<Block> {
    let header = info.trim().strip_prefix('{')?.strip_suffix('}')?;
    let mut options: Vec<(String, String)> = Vec::new();
    let mut label = String::new();
    for (position, item) in split_options(header).into_iter().enumerate() {
        match item.split_once('=') {
            Some((key, value)) => options.push((key.trim().to_owned(), r_string(value))),
            // `r fig2`: the engine, then the chunk's label; `r, …`: no label.
            None if position == 0 => {
                let mut words = item.split_whitespace();
                let engine = words.next()?;
                if !engine
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    return None;
                }
                words.next().unwrap_or_default().clone_into(&mut label);
            }
            None => {}
        }
    }
    // Quarto's options, one per `#|` line at the top of the chunk; `fig-subcap` a list, an
    // item a line.
    let mut subcaptions: Vec<String> = Vec::new();
    let mut in_subcaptions = false;
    for line in body {
        let Some(option) = line.trim_start().strip_prefix("#|") else {
            break;
        };
        if in_subcaptions && let Some(item) = option.trim_start().strip_prefix("- ") {
            subcaptions.push(yaml_string(item));
            continue;
        }
        in_subcaptions = false;
        if let Some((key, value)) = option.split_once(':') {
            in_subcaptions = key.trim() == "fig-subcap" && value.trim().is_empty();
            options.push((key.trim().to_owned(), yaml_string(value)));
        }
    }
    let option = |names: &[&str]| {
        options
            .iter()
            .rev()
            .find(|(key, _)| names.contains(&key.as_str()))
            .map(|(_, value)| value.as_str())
    };
    let off = |names: &[&str]| {
        option(names).is_some_and(|v| matches!(v, "FALSE" | "F" | "false" | "no" | "hide"))
    };
    if off(&["include"]) || off(&["eval"]) || off(&["fig.show", "fig-show"]) {
        return None;
    }
    if let Some(named) = option(&["label"]) {
        named.clone_into(&mut label);
    }
    let Some(caption) = option(&["fig.cap", "fig-cap"]).filter(|c| !c.trim().is_empty()) else {
        return table(option(&["tab.cap", "tbl-cap"]), &label, body);
    };
    let label = match caption_label(caption) {
        Some(own) => own.to_owned(),
        None if label.starts_with("fig-") || label.starts_with("fig:") => label,
        None if !label.is_empty() => format!("fig:{label}"),
        None => String::new(),
    };
    // Quarto labels the subfigures `fig-x-1`, `fig-x-2`, … and prints their captions lettered.
    let parts = if label.starts_with("fig-") {
        (1..=subcaptions.len())
            .map(|n| format!("{label}-{n}"))
            .collect()
    } else {
        Vec::new()
    };
    let caption = if subcaptions.is_empty() {
        caption.to_owned()
    } else {
        format!("{} {}", caption.trim_end(), lettered_captions(&subcaptions))
    };
    Some(Block::Figure {
        caption,
        image: body.iter().find_map(|line| included_graphic(line)),
        label,
        parts,
    })
}

/// The table a chunk makes with a caption (`tab.cap`, Quarto's `tbl-cap`, or the `caption`
/// its call of `knitr::kable()` and its kin gives), labelled as knitr, bookdown and Quarto
/// label it: the rows are computed when the document is knitted, so only its caption is kept.
fn table(option: Option<&str>, label: &str, body: &[&str]) -> Option<Block> {
    let caption = if let Some(caption) = option {
        caption.to_owned()
    } else {
        let code = body.join("\n");
        let call = ["kable(", "kbl(", "xtable(", "gt(", "apa_table("]
            .iter()
            .find_map(|name| code.split_once(name).map(|(_, after)| after))?;
        let (_, after) = call.split_once("caption")?;
        let value = after.trim_start().strip_prefix('=')?.trim_start();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let end = closing_quote(value.get(1..)?, quote)?;
        r_string(value.get(..end + 2)?)
    };
    if caption.trim().is_empty() {
        return None;
    }
    let id = match caption_label(&caption) {
        Some(own) => own.to_owned(),
        None if label.starts_with("tbl-") || label.starts_with("tab:") => label.to_owned(),
        None if !label.is_empty() => format!("tab:{label}"),
        None => String::new(),
    };
    Some(Block::Table(TableBlock {
        header: Vec::new(),
        rows: Vec::new(),
        caption: Some(caption),
        id,
        label: None,
    }))
}

/// The offset in `text` of the `quote` that ends the string it starts (a backslash escapes).
fn closing_quote(text: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == quote => return Some(at),
            _ => {}
        }
    }
    None
}

/// A chunk header's items, split at commas outside quotes and brackets.
fn split_options(header: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut quote: Option<char> = None;
    let mut depth = 0usize;
    let mut escaped = false;
    for (at, c) in header.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match (quote, c) {
            (Some(_), '\\') => escaped = true,
            (Some(open), c) if c == open => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth = depth.saturating_sub(1),
            (None, ',') if depth == 0 => {
                items.push(header.get(start..at).unwrap_or_default());
                start = at + 1;
            }
            (Some(_) | None, _) => {}
        }
    }
    items.push(header.get(start..).unwrap_or_default());
    items
}

/// An R value as text: a quoted string unquoted and unescaped (`"\\label{f}"` is
/// `\label{f}`), anything else trimmed.
fn r_string(value: &str) -> String {
    let value = value.trim();
    let quoted = ['"', '\'']
        .iter()
        .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)));
    let Some(inner) = quoted else {
        return value.to_owned();
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(next) => out.push(next),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A YAML scalar on a `#|` line as text (quotes removed).
fn yaml_string(value: &str) -> String {
    match serde_yaml::from_str::<serde_yaml::Value>(value) {
        Ok(serde_yaml::Value::String(text)) => text,
        Ok(serde_yaml::Value::Bool(flag)) => flag.to_string(),
        _ => value.trim().to_owned(),
    }
}

/// The file `knitr::include_graphics("figures/plot.png")` on `line` shows.
fn included_graphic(line: &str) -> Option<String> {
    let (_, after) = line.split_once("include_graphics(")?;
    let after = after.trim_start();
    let quote = after.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let file = after.get(1..)?.split(quote).next()?;
    (!file.is_empty()).then(|| file.to_owned())
}

#[cfg(test)]
mod tests {
    // A test that panics on a missing value is the test failing, with its message.
    #![allow(clippy::unwrap_used)]

    use super::super::tests::{figure_cards, messages, paragraphs, read, table_cards, valid};

    #[test]
    fn a_chunk_with_a_figure_caption_makes_a_figure_where_it_stands() {
        let text = "# Results\n\nFigure \\ref{fig:scatter} and Figure \\@ref(fig:drawn) show it; \
                    see @fig-py and \\ref{own}.\n\n\
                    ```{r setup, include=FALSE}\nlibrary(x)\n```\n\n\
                    ```{r scatter, echo = FALSE, fig.cap = \"A *scatter*, of x.\"}\nplot(x)\n```\n\n\
                    ```{r drawn, fig.cap='Drawn.', out.width=\"50%\"}\n\
                    knitr::include_graphics(\"figures/drawn.png\")\n```\n\n\
                    ```{python}\n#| label: fig-py\n#| fig-cap: \"From Python\"\nplt.plot(x)\n```\n\n\
                    ```{r, fig.cap = \"\\\\label{own}Labelled in its caption.\"}\nplot(y)\n```\n\n\
                    ```{r hidden, fig.cap = \"Never drawn\", eval = FALSE}\nplot(z)\n```\n\n\
                    ```{r}\nsummary(x)\n```\n";
        let imported = read(text);
        valid(&imported);
        assert_eq!(
            figure_cards(&imported.file),
            [
                ("Figure 1", "A scatter, of x.", None),
                ("Figure 2", "Drawn.", Some("figures/drawn.png")),
                ("Figure 3", "From Python", None),
                ("Figure 4", "Labelled in its caption.", None),
            ]
        );
        assert_eq!(
            paragraphs(&imported.file),
            ["Figure 1 and Figure 2 show it; see Figure 3 and 4."]
        );
        assert!(
            messages(&imported)
                .iter()
                .any(|m| m.starts_with("3 code blocks left out")),
            "{:?}",
            messages(&imported)
        );
    }

    #[test]
    fn a_chunk_with_a_table_caption_makes_a_table_without_its_cells() {
        let text = "# Results\n\nTables \\ref{tab1}, \\@ref(tab:cars) and @tbl-py.\n\n\
                    ```{r tab1, echo = TRUE}\nknitr::kable(head(mtcars),\n  \
                    caption = \"\\\\label{tab1}Caption \\\"centered\\\" above\")\n```\n\n\
                    ```{r cars, tab.cap = 'Cars.'}\nkable(cars)\n```\n\n\
                    ```{python}\n#| label: tbl-py\n#| tbl-cap: Planets\ndf\n```\n\n\
                    ```{r}\nkable(x)\n```\n\n\
                    ```{r table-papaja, results = \"asis\"}\napa_table(x, digits = 0, \
                    caption = \"Studies included.\", note = \"A note.\")\n```\n\n\
                    As Table \\@ref(tab:table-papaja) shows.\n";
        let imported = read(text);
        valid(&imported);
        assert_eq!(
            table_cards(&imported.file),
            [
                ("Table 1", "Caption \"centered\" above", 0),
                ("Table 2", "Cars.", 0),
                ("Table 3", "Planets", 0),
                ("Table 4", "Studies included.", 0),
            ]
        );
        assert_eq!(
            paragraphs(&imported.file),
            ["Tables 1, 2 and Table 3.", "As Table 4 shows."]
        );
        assert!(
            messages(&imported)
                .iter()
                .any(|m| m.starts_with("4 tables without cells in the source")),
            "{:?}",
            messages(&imported)
        );
    }
}

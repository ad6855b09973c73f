//! Executable code chunks of R Markdown and Quarto (```` ```{r label, fig.cap = "…"} ````,
//! ```` ```{python} ```` with `#| fig-cap: …` lines): their code is run when the document is
//! knitted and is not the paper's text, but a chunk with a figure caption makes a figure there.
//! That figure is kept, captioned and labelled as knitr and Quarto label it (`fig:label`,
//! `fig-x`, or the `\label{}` its caption holds), with the image `knitr::include_graphics()`
//! names when it names one, else without an image (the code draws it).

use super::blocks::{Block, caption_label};

/// The figure the chunk whose fence line's info string is `info` (`{r fig2, fig.cap = "…"}`)
/// and whose lines are `body` makes, if it makes one.
pub(super) fn figure(info: &str, body: &[&str]) -> Option<Block> {
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
    // Quarto's options, one per `#|` line at the top of the chunk.
    for line in body {
        let Some(option) = line.trim_start().strip_prefix("#|") else {
            break;
        };
        if let Some((key, value)) = option.split_once(':') {
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
    let caption = option(&["fig.cap", "fig-cap"]).filter(|c| !c.trim().is_empty())?;
    if let Some(named) = option(&["label"]) {
        named.clone_into(&mut label);
    }
    let label = match caption_label(caption) {
        Some(own) => own.to_owned(),
        None if label.starts_with("fig-") || label.starts_with("fig:") => label,
        None if !label.is_empty() => format!("fig:{label}"),
        None => String::new(),
    };
    Some(Block::Figure {
        caption: caption.to_owned(),
        image: body.iter().find_map(|line| included_graphic(line)),
        label,
    })
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

    use super::super::tests::{messages, paragraphs, read, valid};

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
        let figures: Vec<(&str, &str, Option<&str>)> = imported
            .file
            .figures
            .iter()
            .map(|f| (f.label.as_str(), f.caption.as_str(), f.image.as_deref()))
            .collect();
        assert_eq!(
            figures,
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
}

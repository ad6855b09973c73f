//! Raw LaTeX in a Markdown paper: a `table` holding a `tabular` (rows split on `\\`, cells on
//! `&`, rules dropped, `\multicolumn` a span), equation environments, a `figure` with its
//! `\includegraphics` and `\caption`, and LaTeX text (captions, cells) as the text it prints,
//! `\cite{a,b}` written as the Pandoc citation `[@a; @b]`.

use std::path::Path;

use crate::corpus::math::{tex_reading, without_delimiters};

use super::blocks::Block;
use super::tables::TableBlock;

/// The environments that are display math.
const EQUATIONS: [&str; 12] = [
    "equation",
    "equation*",
    "align",
    "align*",
    "eqnarray",
    "eqnarray*",
    "gather",
    "gather*",
    "multline",
    "multline*",
    "displaymath",
    "math",
];

/// The block a LaTeX environment `name` (its whole text `body`) is: an equation, a table, a
/// figure, or one paperlens does not read.
pub(super) fn block(name: &str, body: String) -> Block {
    if let Some((tex, label)) = equation(name, &body) {
        Block::Equation {
            environment: name.to_owned(),
            body,
            tex,
            label,
        }
    } else if let Some(table) = table(&body) {
        Block::Table(table)
    } else if let Some((image, caption, label)) = figure(name, &body) {
        Block::Figure {
            caption,
            image,
            label,
            parts: Vec::new(),
        }
    } else {
        Block::Latex
    }
}

/// A display equation: its TeX and its label.
fn equation(name: &str, body: &str) -> Option<(String, String)> {
    if !EQUATIONS.contains(&name) {
        return None;
    }
    let label = argument(body, "\\label").unwrap_or_default();
    let without_label = remove_command(body, "\\label");
    let tex = if name.starts_with("equation") {
        let begin = format!("\\begin{{{name}}}");
        let end = format!("\\end{{{name}}}");
        let inner = without_label.trim();
        let inner = inner.strip_prefix(begin.as_str()).unwrap_or(inner);
        inner
            .strip_suffix(end.as_str())
            .unwrap_or(inner)
            .trim()
            .to_owned()
    } else {
        without_label.trim().to_owned()
    };
    Some((tex, label))
}

/// A figure environment: image file, caption (LaTeX text made plain) and label.
fn figure(name: &str, body: &str) -> Option<(Option<String>, String, String)> {
    if !name.starts_with("figure") {
        return None;
    }
    let image = argument(body, "\\includegraphics");
    let caption = argument(body, "\\caption")
        .map(|c| text(&c))
        .unwrap_or_default();
    let label = argument(body, "\\label").unwrap_or_default();
    (image.is_some() || !caption.is_empty()).then_some((image, caption, label))
}

/// A table from an environment holding a `tabular` (or `tabularx`, `longtable`).
fn table(body: &str) -> Option<TableBlock> {
    let (begin_at, name) = ["tabularx", "tabular*", "tabular", "longtable", "tabu"]
        .iter()
        .find_map(|name| Some((body.find(&format!("\\begin{{{name}}}"))?, *name)))?;
    let after_begin = body.get(begin_at + name.len() + 8..)?;
    let end_at = after_begin.find(&format!("\\end{{{name}}}"))?;
    let mut rest = after_begin.get(..end_at)?;
    // Skip `[t]`, a width (`tabularx`) and the column specification.
    rest = rest.trim_start();
    if rest.starts_with('[') {
        rest = rest.get(rest.find(']')? + 1..)?.trim_start();
    }
    if matches!(name, "tabularx" | "tabular*") && rest.starts_with('{') {
        rest = rest.get(group_end(rest)? + 1..)?.trim_start();
    }
    if rest.starts_with('{') {
        rest = rest.get(group_end(rest)? + 1..)?;
    }
    let content = without_comments(rest);
    let mut rows: Vec<Vec<(String, u32)>> = Vec::new();
    let mut rule_after: Vec<bool> = Vec::new();
    let mut midrule_at = None;
    let mut hline_at = None;
    for raw_row in split_top_level(&content, "\\\\") {
        let mut row_text = raw_row.trim_start();
        if row_text.starts_with('[') {
            // `\\[2pt]`: spacing after the row break.
            row_text = row_text
                .get(row_text.find(']').map_or(0, |e| e + 1)..)
                .unwrap_or_default();
        }
        let (cells_text, rules) = without_rules(row_text);
        if rules.midrule && midrule_at.is_none() {
            midrule_at = Some(rows.len());
        }
        // The first rule across the table under a row ends the header, as booktabs'
        // `\midrule` does: IMS's `\hline` under two header rows, the first with a
        // `\cline` under part of it.
        if rules.hline && hline_at.is_none() && !rows.is_empty() {
            hline_at = Some(rows.len());
        }
        if rules.any
            && let Some(last) = rule_after.last_mut()
        {
            *last = true;
        }
        if cells_text.trim().is_empty() {
            continue;
        }
        rows.push(
            split_top_level(&cells_text, "&")
                .into_iter()
                .map(|cell| cell_text(&cell))
                .collect(),
        );
        rule_after.push(false);
    }
    if rows.is_empty() {
        return None;
    }
    let header_count = match midrule_at.or(hline_at) {
        Some(at) if at < rows.len() => at,
        _ if rows.len() > 1 && rule_after.first() == Some(&true) => 1,
        _ => 0,
    };
    let body_rows = rows.split_off(header_count);
    Some(TableBlock {
        header: rows,
        rows: body_rows
            .into_iter()
            .map(|row| {
                let mut cells = Vec::new();
                for (text, span) in row {
                    cells.push(text);
                    for _ in 1..span.min(64) {
                        cells.push(String::new());
                    }
                }
                cells
            })
            .collect(),
        caption: argument(body, "\\caption").map(|c| text(&c)),
        id: argument(body, "\\label").unwrap_or_default(),
        label: None,
    })
}

/// What rule commands a row had.
#[derive(Default)]
struct Rules {
    any: bool,
    midrule: bool,
    /// `\hline`: a rule across the whole table.
    hline: bool,
}

/// A row's text without its rule commands (`\hline`, `\toprule`, `\cline{2-3}` …).
fn without_rules(row: &str) -> (String, Rules) {
    let mut rules = Rules::default();
    let mut out = row.to_owned();
    for name in [
        "\\hline",
        "\\toprule",
        "\\midrule",
        "\\bottomrule",
        "\\cline",
        "\\cmidrule",
        "\\addlinespace",
        "\\endfirsthead",
        "\\endhead",
        "\\endlastfoot",
        "\\endfoot",
        "\\specialrule",
    ] {
        if out.contains(name) {
            rules.any = true;
            if name == "\\midrule" {
                rules.midrule = true;
            }
            if name == "\\hline" {
                rules.hline = true;
            }
            out = remove_command(&out, name);
        }
    }
    (out, rules)
}

/// A cell: its text and span (`\multicolumn{n}{spec}{text}`).
fn cell_text(cell: &str) -> (String, u32) {
    let trimmed = cell.trim();
    if let Some(rest) = trimmed.strip_prefix("\\multicolumn") {
        let arguments = arguments(rest, 3);
        if let [count, _, text_arg] = arguments.as_slice() {
            let span = count.trim().parse::<u32>().unwrap_or(1).clamp(1, 64);
            return (cell_printed(text_arg), span);
        }
    }
    if let Some(rest) = trimmed.strip_prefix("\\multirow") {
        let arguments = arguments(rest, 3);
        if let Some(text_arg) = arguments.get(2) {
            return (cell_printed(text_arg), 1);
        }
    }
    (cell_printed(trimmed), 1)
}

/// The byte offset of the `}` closing the group that `text` opens with `{`.
pub(super) fn group_end(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// Up to `count` brace groups at the start of `text` (optional `[…]` skipped), their contents.
fn arguments(text: &str, count: usize) -> Vec<String> {
    let mut rest = text;
    let mut found = Vec::new();
    while found.len() < count {
        rest = rest.trim_start();
        if rest.starts_with('[')
            && let Some(end) = rest.find(']')
        {
            rest = rest.get(end + 1..).unwrap_or_default();
            continue;
        }
        if !rest.starts_with('{') {
            break;
        }
        let Some(end) = group_end(rest) else { break };
        found.push(rest.get(1..end).unwrap_or_default().to_owned());
        rest = rest.get(end + 1..).unwrap_or_default();
    }
    found
}

/// The first argument of the first `command` in `text`.
fn argument(text: &str, command: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = text.get(from..)?.find(command) {
        let after = text.get(from + at + command.len()..)?;
        if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return arguments(after, 1).into_iter().next();
        }
        from += at + command.len();
    }
    None
}

/// `text` without every `command` and its arguments.
fn remove_command(text: &str, command: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(command) {
        out.push_str(rest.get(..at).unwrap_or_default());
        let mut after = rest.get(at + command.len()..).unwrap_or_default();
        if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push_str(command);
            rest = after;
            continue;
        }
        loop {
            let trimmed = after.trim_start_matches([' ', '\t']);
            let close = match trimmed.chars().next() {
                Some('{') => group_end(trimmed),
                Some('[') => trimmed.find(']'),
                Some('(') if command == "\\cmidrule" => trimmed.find(')'),
                _ => None,
            };
            let Some(close) = close else { break };
            after = trimmed.get(close + 1..).unwrap_or_default();
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `text` with `%` comments removed (an escaped `\%` kept).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut previous = ' ';
            let cut = line
                .char_indices()
                .find(|&(_, c)| {
                    let comment = c == '%' && previous != '\\';
                    previous = c;
                    comment
                })
                .map_or(line.len(), |(at, _)| at);
            line.get(..cut).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` split on `separator` outside braces (`\&` is no separator).
fn split_top_level(text: &str, separator: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut at = 0;
    let bytes = text.as_bytes();
    while at < bytes.len() {
        if depth == 0 && text.get(at..).is_some_and(|r| r.starts_with(separator)) {
            parts.push(text.get(start..at).unwrap_or_default().to_owned());
            at += separator.len();
            start = at;
            continue;
        }
        match bytes.get(at) {
            Some(b'\\') => at += 1,
            Some(b'{') => depth += 1,
            Some(b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    parts.push(text.get(start..).unwrap_or_default().to_owned());
    parts
}

/// LaTeX text as it prints: formatting commands give their argument, `\label` and spacing
/// commands nothing, `\cite` a Pandoc citation, `\%` a `%`; math (`$…$`) kept as written.
pub(super) fn text(latex: &str) -> String {
    printed(latex, false)
}

/// A table cell's LaTeX as it prints, its math (`$\sim$100`) read as text (`∼100`) by LaTeX's
/// rules, not Markdown's (which take no `$` followed by a digit for the end of math), and
/// escaped for the Markdown the cell is read with.
fn cell_printed(latex: &str) -> String {
    printed(latex, true)
}

/// LaTeX as it prints; math kept as written, or read as text when `read_math`.
fn printed(latex: &str, read_math: bool) -> String {
    let mut out = String::with_capacity(latex.len());
    let mut rest = latex;
    while let Some(at) = rest.find(['\\', '{', '}', '~', '$']) {
        out.push_str(rest.get(..at).unwrap_or_default());
        let here = rest.get(at..).unwrap_or_default();
        let mut chars = here.chars();
        match chars.next() {
            Some('{' | '}') => rest = here.get(1..).unwrap_or_default(),
            Some('~') => {
                out.push(' ');
                rest = here.get(1..).unwrap_or_default();
            }
            Some('$') => {
                let close = here
                    .get(1..)
                    .and_then(|r| r.find('$'))
                    .map_or(here.len(), |c| c + 2);
                let math = here.get(..close).unwrap_or(here);
                if read_math {
                    // Escaped, so the cell's Markdown takes `[1, 2]` for text, not a marker.
                    for c in tex_reading(without_delimiters(math)).chars() {
                        if c.is_ascii_punctuation() {
                            out.push('\\');
                        }
                        out.push(c);
                    }
                } else {
                    out.push_str(math);
                }
                rest = here.get(close..).unwrap_or_default();
            }
            _ => {
                let name_len = here
                    .get(1..)
                    .unwrap_or_default()
                    .bytes()
                    .take_while(u8::is_ascii_alphabetic)
                    .count();
                if name_len == 0 {
                    // `\%`, `\&`, `\\` …
                    let next = chars.next();
                    match next {
                        Some('\\') => out.push(' '),
                        Some(c) => out.push(c),
                        None => {}
                    }
                    rest = here
                        .get(1 + next.map_or(0, char::len_utf8)..)
                        .unwrap_or_default();
                    continue;
                }
                let name = here.get(1..=name_len).unwrap_or_default();
                let after = here.get(1 + name_len..).unwrap_or_default();
                let (consumed, printed) = command(name, after);
                out.push_str(&printed);
                rest = after.get(consumed..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bibliography files a LaTeX-set paper names on lines of their own: `\addbibresource{
/// refs.bib}` as written, `\bibliography{refs,more}` each with `.bib` added when it has no
/// extension (as BibTeX reads it).
pub(super) fn bibliography_files(text: &str) -> Vec<String> {
    let mut files = Vec::new();
    for line in text.lines() {
        let line = line.trim_start();
        let (added, rest) = if let Some(rest) = line.strip_prefix("\\addbibresource") {
            (true, rest)
        } else if let Some(rest) = line.strip_prefix("\\bibliography") {
            (false, rest)
        } else {
            continue;
        };
        let rest = match rest.strip_prefix('[') {
            Some(options) => options.split_once(']').map_or("", |(_, after)| after),
            None => rest,
        };
        let Some(names) = rest
            .strip_prefix('{')
            .and_then(|names| names.split_once('}'))
            .map(|(names, _)| names)
        else {
            continue;
        };
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let has_extension = Path::new(name).extension().is_some();
            let file = if added || has_extension {
                name.to_owned()
            } else {
                format!("{name}.bib")
            };
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    files
}

/// At a backslash in running text: a LaTeX citation command (`\cite{a,b}`, `\citep[p.~3]{a}`,
/// `\textcite{a}`) as the Pandoc citation it prints (`[@a; @b]`, `@a`), and how many bytes of
/// `at` it takes; `None` for any other command.
pub(super) fn citation_command(at: &str) -> Option<(usize, String)> {
    let name_len = at
        .get(1..)?
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let name = at.get(1..=name_len)?;
    if !CITATION_COMMANDS.contains(&name) {
        return None;
    }
    let after = at.get(1 + name_len..)?;
    let (consumed, printed) = command(name, after);
    (consumed > 0 && printed.contains('@')).then_some((1 + name_len + consumed, printed))
}

/// The citation commands of natbib and biblatex read as Pandoc citations.
const CITATION_COMMANDS: [&str; 9] = [
    "cite",
    "citep",
    "parencite",
    "autocite",
    "citet",
    "textcite",
    "citealp",
    "citeauthor",
    "citeyear",
];

/// A command `name` followed by `after`: how many bytes of `after` it takes, what it prints.
fn command(name: &str, after: &str) -> (usize, String) {
    let first_group = || -> Option<(usize, String)> {
        let trimmed = after.trim_start_matches(' ');
        let skipped = after.len() - trimmed.len();
        let (optional, trimmed) = if trimmed.starts_with('[') {
            let end = trimmed.find(']')?;
            (end + 1, trimmed.get(end + 1..)?)
        } else {
            (0, trimmed)
        };
        if !trimmed.starts_with('{') {
            return None;
        }
        let end = group_end(trimmed)?;
        Some((
            skipped + optional + end + 1,
            trimmed.get(1..end)?.to_owned(),
        ))
    };
    match name {
        "textbf" | "textit" | "emph" | "texttt" | "textrm" | "textsf" | "textsc" | "underline"
        | "mbox" | "text" | "textup" | "textmd" | "textnormal" => {
            first_group().map_or((0, String::new()), |(len, inner)| (len, text(&inner)))
        }
        "label" | "vspace" | "hspace" | "includegraphics" | "caption" | "footnotesize"
        | "small" | "centering" | "noindent" | "normalsize" | "scriptsize" | "tiny" | "large"
        | "Large" => (first_group().map_or(0, |(len, _)| len), String::new()),
        _ if CITATION_COMMANDS.contains(&name) => {
            first_group().map_or((0, String::new()), |(len, keys)| {
                let keys: Vec<String> = keys
                    .split(',')
                    // natbib's `\cite{a,*b}` merges `b` into `a`'s entry: it still cites `b`.
                    .map(|k| k.trim().trim_start_matches('*').trim())
                    .filter(|k| !k.is_empty())
                    .map(|k| format!("@{k}"))
                    .collect();
                let printed = if matches!(name, "citet" | "textcite") {
                    keys.join(" and ")
                } else {
                    format!("[{}]", keys.join("; "))
                };
                (len, printed)
            })
        }
        _ => (0, format!("\\{name}")),
    }
}

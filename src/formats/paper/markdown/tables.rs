//! Pandoc's four Markdown tables: pipe tables (`| a | b |` over `|---|:--|`), grid tables
//! (`+---+` borders, `+===+` under the header, cells over several lines), simple tables (a
//! header over dashed column rules) and multiline tables (dashed lines above and below, rows
//! separated by blank lines). Cells are kept as inline text, read later.

use std::collections::HashSet;

use super::blocks::{Block, caption_label};
use super::line::{Line, TABLE_NOUNS, printed_caption};

/// A table as its source lays it out, its cells still inline Markdown.
#[derive(Clone, Debug, Default)]
pub(super) struct TableBlock {
    /// Header rows: each cell's text and how many columns it spans.
    pub(super) header: Vec<Vec<(String, u32)>>,
    /// Body rows, one text per cell.
    pub(super) rows: Vec<Vec<String>>,
    /// The caption (`Table: …` or `: …` beside it, or LaTeX's `\caption`).
    pub(super) caption: Option<String>,
    /// The source's id for it (LaTeX's `\label`), or empty.
    pub(super) id: String,
    /// The label its caption prints (`Table 2` of `Table 2: Results`), when the caption is
    /// written as text beside it.
    pub(super) label: Option<String>,
}

impl TableBlock {
    /// The label cross-references name it by: its id, else the `\label{}` its caption holds.
    pub(super) fn source_label(&self) -> Option<&str> {
        if self.id.is_empty() {
            self.caption.as_deref().and_then(caption_label)
        } else {
            Some(self.id.as_str())
        }
    }

    /// The label and caption its caption prints (`Table 2` and `Results` of `Table 2:
    /// Results`), when it has no label of its own.
    pub(super) fn printed_caption(&self) -> Option<(String, String)> {
        let caption = self.caption.as_deref().filter(|_| self.label.is_none())?;
        printed_caption(caption, TABLE_NOUNS)
    }
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// A pipe table's separator row: cells of `:?-+:?` between pipes.
fn is_pipe_separator(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed.contains('|')
        && trimmed.contains('-')
        && trimmed
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        && split_row(trimmed).iter().all(|cell| {
            let cell = cell.trim_matches(':');
            !cell.is_empty() && cell.bytes().all(|b| b == b'-')
        })
}

/// Whether line `i` and the next start a pipe table (a row with `|` over a separator).
pub(super) fn pipe_starts(lines: &[Line<'_>], i: usize) -> bool {
    lines.get(i).is_some_and(|l| l.text.contains('|'))
        && lines.get(i + 1).is_some_and(|l| is_pipe_separator(l.text))
}

/// A pipe table's row split into cells: outer pipes optional, `\|` and pipes inside code
/// spans kept.
fn split_row(text: &str) -> Vec<String> {
    let trimmed = text.trim();
    let trimmed = trimmed.strip_prefix('|').unwrap_or(trimmed);
    let trimmed = if trimmed.ends_with('|') && !trimmed.ends_with("\\|") {
        trimmed.get(..trimmed.len() - 1).unwrap_or_default()
    } else {
        trimmed
    };
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut in_code = false;
    let mut chars = trimmed.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '`' => {
                in_code = !in_code;
                cell.push(c);
            }
            '|' if !in_code => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            c => cell.push(c),
        }
    }
    cells.push(cell.trim().to_owned());
    cells
}

/// A pipe table at line `i` (header row and separator, or a separator for no header): the
/// table and the line after it.
pub(super) fn pipe(lines: &[Line<'_>], i: usize) -> Option<(TableBlock, usize)> {
    let first = lines.get(i)?;
    let (header, mut end) = if is_pipe_separator(first.text) {
        (Vec::new(), i + 1)
    } else if pipe_starts(lines, i) {
        let cells = split_row(first.text).into_iter().map(|c| (c, 1)).collect();
        (vec![cells], i + 2)
    } else {
        return None;
    };
    let mut rows = Vec::new();
    while let Some(line) = lines.get(end) {
        if is_blank(line.text) || !line.text.contains('|') {
            break;
        }
        rows.push(split_row(line.text));
        end += 1;
    }
    Some((
        TableBlock {
            header,
            rows,
            ..TableBlock::default()
        },
        end,
    ))
}

/// A grid table's border (`+---+---+`, `+===+`, `+:--+`).
fn is_grid_border(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed.len() > 2
        && trimmed.starts_with('+')
        && trimmed.ends_with('+')
        && trimmed.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
        && trimmed.contains(['-', '='])
}

/// A grid table at line `i`.
pub(super) fn grid(lines: &[Line<'_>], i: usize) -> Option<(TableBlock, usize)> {
    let first = lines.get(i)?;
    if !is_grid_border(first.text) {
        return None;
    }
    let indent = first.text.len() - first.text.trim_start().len();
    let bounds: Vec<usize> = first
        .text
        .chars()
        .enumerate()
        .filter(|&(_, c)| c == '+')
        .map(|(at, _)| at)
        .collect();
    let columns = bounds.len().saturating_sub(1);
    let mut end = i + 1;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut header_rows = 0;
    let mut header_border = None;
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); columns];
    let mut has_content = false;
    while let Some(line) = lines.get(end) {
        let trimmed = line.text.trim_start();
        if !(trimmed.starts_with('+') || trimmed.starts_with('|'))
            || line.text.len() - trimmed.len() != indent
        {
            break;
        }
        end += 1;
        if is_grid_border(line.text) {
            if has_content {
                rows.push(
                    cells
                        .iter_mut()
                        .map(|c| std::mem::take(c).join("\n"))
                        .collect(),
                );
                has_content = false;
            }
            // The first `=` border ends the header, unless it closes the table; a later one
            // opens or closes the table's foot, whose rows are kept with the body's.
            if line.text.contains('=') && header_border.is_none() {
                header_border = Some(end);
                header_rows = rows.len();
            }
            continue;
        }
        let chars: Vec<char> = line.text.chars().collect();
        let mut column = 0;
        for (k, window) in bounds.windows(2).enumerate() {
            let (Some(&from), Some(&to)) = (window.first(), window.get(1)) else {
                continue;
            };
            if k == 0 || chars.get(from).is_some_and(|&c| c == '|' || c == '+') {
                column = k;
            }
            let piece: String = chars
                .get(from + 1..to.min(chars.len()))
                .unwrap_or_default()
                .iter()
                .collect();
            let piece = piece.trim();
            if let Some(cell) = cells.get_mut(column)
                && !piece.is_empty()
            {
                cell.push(piece.to_owned());
                has_content = true;
            }
        }
    }
    if has_content {
        rows.push(
            cells
                .iter_mut()
                .map(|c| std::mem::take(c).join("\n"))
                .collect(),
        );
    }
    if header_border == Some(end) {
        header_rows = 0;
    }
    let body = rows.split_off(header_rows.min(rows.len()));
    let header = rows
        .into_iter()
        .map(|row| row.into_iter().map(|c| (c, 1)).collect())
        .collect();
    Some((
        TableBlock {
            header,
            rows: body,
            ..TableBlock::default()
        },
        end,
    ))
}

/// The dashed column rules of a simple or multiline table: each column's first character,
/// when the line is only dashes and spaces with at least two runs of two or more dashes.
fn dash_columns(text: &str) -> Option<Vec<usize>> {
    if !text.contains('-') || !text.chars().all(|c| c == '-' || c == ' ') {
        return None;
    }
    let mut starts = Vec::new();
    let mut run = 0;
    let mut previous = ' ';
    for (at, c) in text.chars().enumerate() {
        if c == '-' && previous != '-' {
            starts.push(at);
            run = 0;
        }
        if c == '-' {
            run += 1;
        } else if previous == '-' && run < 2 {
            return None;
        }
        previous = c;
    }
    (starts.len() >= 2 && (previous != '-' || run >= 2)).then_some(starts)
}

/// A full-width dashed line (the top and bottom of a multiline table).
fn is_dash_line(text: &str) -> bool {
    let trimmed = text.trim_end();
    trimmed.len() >= 3 && trimmed.bytes().all(|b| b == b'-')
}

/// A line cut into cells at the columns' first characters (the first column from the start).
fn cut(text: &str, starts: &[usize]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..starts.len())
        .map(|k| {
            let from = if k == 0 {
                0
            } else {
                starts.get(k).copied().unwrap_or(0)
            };
            let to = starts.get(k + 1).copied().unwrap_or(chars.len());
            chars
                .get(from.min(chars.len())..to.min(chars.len()))
                .unwrap_or_default()
                .iter()
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .collect()
}

/// A simple table at line `i`: a header line over dashed column rules (rows up to a blank
/// line), or dashed rules first (rows up to closing dashes).
pub(super) fn simple(lines: &[Line<'_>], i: usize) -> Option<(TableBlock, usize)> {
    let first = lines.get(i)?;
    if let Some(starts) = dash_columns(first.text) {
        // No header: the table ends with a dashed line.
        let mut end = i + 1;
        let mut rows = Vec::new();
        while let Some(line) = lines.get(end) {
            if is_blank(line.text) {
                return None;
            }
            end += 1;
            if dash_columns(line.text).is_some() || is_dash_line(line.text) {
                return (!rows.is_empty()).then(|| {
                    (
                        TableBlock {
                            rows,
                            ..TableBlock::default()
                        },
                        end,
                    )
                });
            }
            rows.push(cut(line.text, &starts));
        }
        return None;
    }
    let starts = dash_columns(lines.get(i + 1)?.text)?;
    if is_blank(first.text) {
        return None;
    }
    let header = vec![
        cut(first.text, &starts)
            .into_iter()
            .map(|c| (c, 1))
            .collect(),
    ];
    let mut end = i + 2;
    let mut rows = Vec::new();
    while let Some(line) = lines.get(end) {
        if is_blank(line.text) {
            break;
        }
        end += 1;
        if dash_columns(line.text).is_some() || is_dash_line(line.text) {
            break;
        }
        rows.push(cut(line.text, &starts));
    }
    Some((
        TableBlock {
            header,
            rows,
            ..TableBlock::default()
        },
        end,
    ))
}

/// A multiline table at line `i`: a dashed line, header lines, dashed column rules, rows
/// separated by blank lines, a closing dashed line.
pub(super) fn multiline(lines: &[Line<'_>], i: usize) -> Option<(TableBlock, usize)> {
    if !is_dash_line(lines.get(i)?.text) {
        return None;
    }
    let mut rule = i + 1;
    while let Some(line) = lines.get(rule) {
        if is_blank(line.text) || is_dash_line(line.text) {
            return None;
        }
        if dash_columns(line.text).is_some() {
            break;
        }
        rule += 1;
    }
    let starts = dash_columns(lines.get(rule)?.text)?;
    let header_lines = lines.get(i + 1..rule).unwrap_or_default();
    let mut end = rule + 1;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<Vec<String>> = vec![Vec::new(); starts.len()];
    let mut blanks = 0;
    let finish = |row: &mut Vec<Vec<String>>, rows: &mut Vec<Vec<String>>| {
        if row.iter().any(|cell| !cell.is_empty()) {
            rows.push(
                row.iter_mut()
                    .map(|c| std::mem::take(c).join("\n"))
                    .collect(),
            );
        }
    };
    loop {
        let line = lines.get(end)?;
        end += 1;
        if is_dash_line(line.text) {
            finish(&mut row, &mut rows);
            break;
        }
        if is_blank(line.text) {
            blanks += 1;
            if blanks > 1 {
                return None;
            }
            finish(&mut row, &mut rows);
            continue;
        }
        blanks = 0;
        for (cell, piece) in row.iter_mut().zip(cut(line.text, &starts)) {
            if !piece.is_empty() {
                cell.push(piece);
            }
        }
    }
    let mut header: Vec<Vec<String>> = vec![Vec::new(); starts.len()];
    for line in header_lines {
        for (cell, piece) in header.iter_mut().zip(cut(line.text, &starts)) {
            if !piece.is_empty() {
                cell.push(piece);
            }
        }
    }
    let header = vec![header.into_iter().map(|c| (c.join(" "), 1)).collect()];
    Some((
        TableBlock {
            header,
            rows,
            ..TableBlock::default()
        },
        end,
    ))
}

/// The labels the tables of `blocks` print: `Table 1` of a caption `Table 1: …`.
pub(super) fn printed_labels(blocks: &[Block]) -> HashSet<String> {
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Table(table) => table
                .label
                .clone()
                .or_else(|| table.printed_caption().map(|(label, _)| label)),
            _ => None,
        })
        .collect()
}

//! `figure`s: `type="table"` ones as tables (label, caption, rows and cells with their spans,
//! header rows, notes), the others as figures (label, caption, image).

use crate::corpus::table_series::{cell_number, prints_a_number};
use crate::formats::paper::xml::Element;
use crate::formats::paper::{FigureDraft, PaperBuilder, Rich, TableDraft, loose_table_note};

use super::{Context, child_text, plain};

/// The widest span a cell may claim: more is a damaged or hostile file.
const MAX_SPAN: u32 = 64;
/// The fewest words of a note GROBID gave as a table's last rows.
const MIN_NOTE_WORDS: usize = 4;

/// Hands `figure` to the builder as a table or a figure, where the text has reached.
pub(super) fn read(figure: Element<'_>, context: &Context<'_>, builder: &mut PaperBuilder) {
    let marked_table = figure.attr("type") == Some("table")
        || (figure.child("table").is_some() && figure.child("graphic").is_none());
    let (label, head_rest) = label_and_rest(figure, if marked_table { "Table" } else { "Figure" });
    let (label, description) = label_and_description(label, &child_text(figure, "figDesc"));
    // Older GROBID files a figure whose caption it found in a table's place as a table, with
    // the page's text as its "cells": the caption's own label says what it is.
    let is_table = marked_table && !names_a_figure(&label);
    let caption = caption(&head_rest, &description);
    let source_id = figure.attr("id").unwrap_or_default().to_owned();
    if is_table {
        let mut table = figure
            .child("table")
            .map(|table| rows(table, context))
            .unwrap_or_default();
        table.source_id = source_id;
        table.label = label;
        table.caption = caption;
        table.footnotes.extend(
            figure
                .children_named("note")
                .map(plain)
                .filter(|note| !note.is_empty())
                .map(|note| (String::new(), Rich::text(&note))),
        );
        // Older GROBID gives a table it could not split into cells as its text, a cell a line:
        // kept as a note, so that its numbers can still be read and found.
        if table.rows.is_empty()
            && let Some(text) = figure
                .child("table")
                .filter(|t| t.child("row").is_none())
                .map(plain)
                .filter(|text| !text.trim().is_empty())
        {
            table
                .footnotes
                .push((String::new(), Rich::text(&loose_table_note(&text))));
        }
        builder.table(table);
    } else {
        let image = figure
            .descendants_named("graphic")
            .into_iter()
            .find_map(|graphic| graphic.attr("url"))
            .map(str::to_owned);
        // A figure must say what it is: GROBID sometimes keeps one with no words at all.
        let label = if label.is_empty() && caption.is_blank() {
            "Figure".to_owned()
        } else {
            label
        };
        builder.figure(FigureDraft {
            source_id,
            label,
            caption,
            image,
            ..FigureDraft::default()
        });
    }
}

/// A `table` outside any `figure`: its rows, no label or caption.
pub(super) fn bare_table(table: Element<'_>, context: &Context<'_>, builder: &mut PaperBuilder) {
    let mut draft = rows(table, context);
    table
        .attr("id")
        .unwrap_or_default()
        .clone_into(&mut draft.source_id);
    builder.table(draft);
}

/// The label as printed (`Table 1`, `Fig. 2`), from the head's start or else the `label`
/// element (`1` → `Table 1`), and what the head says after the label.
fn label_and_rest(figure: Element<'_>, noun: &str) -> (String, String) {
    let head = child_text(figure, "head");
    let number = child_text(figure, "label");
    if let Some((label, rest)) = split_label(&head) {
        return (label, rest);
    }
    let label = if number.is_empty() {
        String::new()
    } else if number.starts_with(|c: char| c.is_alphabetic()) && number.contains(' ') {
        number
    } else {
        format!("{noun} {number}")
    };
    (label, head)
}

/// `Table 1 : Results` → (`Table 1`, `Results`), and so with the number glued to the noun
/// (`Figure3. Attitude`, `Fig.3`); `None` when `head` does not start with a table or figure
/// label.
fn split_label(head: &str) -> Option<(String, String)> {
    let mut words = head.split_whitespace();
    let first = words.next()?;
    let is_noun = |noun: &str| {
        let bare = noun.trim_end_matches([':', '.']).to_lowercase();
        is_table_noun(&bare) || is_figure_noun(&bare)
    };
    let glued = first
        .find(|c: char| c.is_ascii_digit())
        .and_then(|at| Some((first.get(..at)?, first.get(at..)?)))
        .filter(|(noun, _)| is_noun(noun));
    let (noun, number) = match glued {
        Some((noun, number)) => (noun, number),
        None if is_noun(first) => (first, words.next()?),
        None => return None,
    };
    let number = number.trim_end_matches([':', '.', ',']);
    let is_number = number.chars().any(|c| c.is_ascii_digit())
        || (!number.is_empty() && number.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')));
    if !is_number {
        return None;
    }
    let rest: Vec<&str> = words.collect();
    let rest = rest.join(" ");
    let rest = rest
        .trim_start_matches([':', '.', '-', '–', '—', ' '])
        .to_owned();
    Some((format!("{} {number}", noun.trim_end_matches(':')), rest))
}

/// The label, and the `figDesc` without the label it repeats: older GROBID opens the
/// description with the label as printed (`FIG. 2. Depth profiles …`), and for some figures
/// gives the label nowhere else.
fn label_and_description(label: String, description: &str) -> (String, String) {
    let comparable = |label: &str| {
        label
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    match split_label(description) {
        Some((printed, rest)) if label.is_empty() => (printed, rest),
        Some((printed, rest)) if comparable(&printed) == comparable(&label) => (label, rest),
        _ => (label, description.to_owned()),
    }
}

/// Whether a label names a figure (`Fig. 1`, `FIGURE 2`, `Gráfico 6`), not a table.
fn names_a_figure(label: &str) -> bool {
    let noun = label.split_whitespace().next().unwrap_or_default();
    is_figure_noun(&noun.trim_end_matches(['.', ':']).to_lowercase())
}

/// The words a table's label opens with, in lower case (English, Spanish, Portuguese, French,
/// German).
fn is_table_noun(word: &str) -> bool {
    matches!(
        word,
        "table" | "tab" | "tbl" | "tabla" | "cuadro" | "tabela" | "quadro" | "tableau" | "tabelle"
    )
}

/// The words a figure's label opens with, in lower case.
fn is_figure_noun(word: &str) -> bool {
    matches!(
        word,
        "figure"
            | "fig"
            | "chart"
            | "figura"
            | "gráfico"
            | "grafico"
            | "gráfica"
            | "abbildung"
            | "abb"
    )
}

/// The caption: what the head says after its label, then the description. A head that goes
/// on with another label alone (GROBID's `Figure 1 .Figure 2 .` for two figures it took as
/// one) gives only its first; stray punctuation before the words (`. All names …`) is left
/// out.
fn caption(head_rest: &str, description: &str) -> Rich {
    let head_rest = match split_label(head_rest) {
        Some((_, rest)) if rest.trim_matches(['.', ':', ' ']).is_empty() => "",
        _ => head_rest,
    };
    let parts: Vec<&str> = [head_rest, description]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    Rich::text(
        parts
            .join(" ")
            .trim_start_matches(['.', ',', ';', ':', ' ']),
    )
}

/// When GROBID marks no header row: the leading rows that print words but no number
/// (`Items | IGT-related | MS-related`, then `| PN (n = 12) | PN (n = 9)`), taken out of `rows`
/// as header rows, as long as a row with a number follows them. None when every row prints
/// words only, or the first prints a number. `spans` gives each row's cells' spans.
///
/// Several such rows of which no cell spans columns are one header printed over several lines
/// (GROBID's "IGT-related" over "PN (n = 12)" is the one heading "IGT-related PN (n = 12)"):
/// each column's lines are joined into one header row.
fn leading_label_rows(rows: &mut Vec<Vec<Rich>>, spans: &[Vec<u32>]) -> Vec<Vec<(String, u32)>> {
    // Only the rows up to the first that is not words alone are printed.
    let mut labels: Vec<Vec<String>> = Vec::new();
    let mut numbers_follow = false;
    for row in rows.iter() {
        let cells: Vec<String> = row.iter().map(Rich::plain).collect();
        if cells.iter().any(|cell| cell_number(cell).is_some()) {
            numbers_follow = true;
            break;
        }
        if cells.iter().all(String::is_empty) {
            break;
        }
        labels.push(cells);
    }
    if labels.is_empty() || !numbers_follow {
        return Vec::new();
    }
    rows.drain(..labels.len());
    let spans = spans.get(..labels.len()).unwrap_or_default();
    if labels.len() > 1 && spans.iter().flatten().all(|&span| span == 1) {
        let width = labels.iter().map(Vec::len).max().unwrap_or(0);
        let joined = (0..width)
            .map(|column| {
                let lines: Vec<&str> = labels
                    .iter()
                    .filter_map(|row| row.get(column))
                    .map(|cell| cell.trim())
                    .filter(|cell| !cell.is_empty())
                    .collect();
                (lines.join(" "), 1)
            })
            .collect();
        return vec![joined];
    }
    // Each printed cell once, with its span (the row holds a blank for each column it spans).
    labels
        .into_iter()
        .enumerate()
        .map(|(n, cells)| {
            let row_spans = spans.get(n).map_or(&[][..], Vec::as_slice);
            let mut header = Vec::new();
            let mut column = 0;
            for &span in row_spans {
                header.push((cells.get(column).cloned().unwrap_or_default(), span));
                column += span as usize;
            }
            header.extend(cells.into_iter().skip(column).map(|cell| (cell, 1)));
            header
        })
        .collect()
}

/// The note printed under a table, when GROBID gave it as the table's last rows (`Data are
/// shown as mean ± SD. VAS: Visual analog scale; …`, one row per printed line): taken out of
/// the rows and joined into one text. They are the rows after the last one with a number
/// whose only text is in their first cell, the first of them spanning several columns, and
/// they say more than a heading would.
fn trailing_note_rows(rows: &mut Vec<Vec<Rich>>, spans: &[Vec<u32>]) -> Option<Rich> {
    let first_cell_only = |row: &Vec<Rich>| {
        row.first().is_some_and(|cell| !cell.is_blank()) && row.iter().skip(1).all(Rich::is_blank)
    };
    let start = rows.len()
        - rows
            .iter()
            .rev()
            .take_while(|row| first_cell_only(row))
            .count();
    let data_above = rows
        .iter()
        .take(start)
        .any(|row| row.iter().any(|cell| cell_number(&cell.plain()).is_some()));
    if start == rows.len()
        || !data_above
        || spans
            .get(start)
            .and_then(|row| row.first())
            .is_none_or(|&span| span < 2)
    {
        return None;
    }
    // A row group's heading left at the end ("Baselines") is a few words, not a note.
    let words: usize = rows
        .iter()
        .skip(start)
        .filter_map(|row| row.first())
        .map(|cell| cell.plain().split_whitespace().count())
        .sum();
    if words < MIN_NOTE_WORDS {
        return None;
    }
    let mut note = Rich::default();
    for line in rows.drain(start..).filter_map(|row| row.into_iter().next()) {
        if !note.is_blank() {
            note.push_text(" ");
        }
        note.extend(line);
    }
    Some(note)
}

/// In a table of words (few cells are numbers), GROBID makes a row of each printed line: a
/// row whose first cell is blank or goes on in lower case (`formulation` under `1. Problem`)
/// is the row above wrapped onto another line, and is joined to it, cell by cell. A table of
/// numbers, whose rows are its lines, is left as it is.
fn join_wrapped_lines(rows: &mut Vec<Vec<Rich>>) {
    let texts: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(Rich::plain).collect())
        .collect();
    let filled: Vec<&String> = texts.iter().flatten().filter(|c| !c.is_empty()).collect();
    let numbers = filled.iter().filter(|cell| prints_a_number(cell)).count();
    if filled.is_empty() || numbers * 4 >= filled.len() {
        return;
    }
    let goes_on = |row: &[String]| {
        row.first().is_none_or(|first| {
            first.is_empty() || first.chars().next().is_some_and(char::is_lowercase)
        })
    };
    let starts = texts.iter().filter(|row| !goes_on(row)).count();
    let continued = texts.iter().skip(1).filter(|row| goes_on(row)).count();
    if starts < 2 || continued == 0 || texts.first().is_none_or(|row| goes_on(row)) {
        return;
    }
    let mut joined: Vec<Vec<Rich>> = Vec::new();
    for (row, text) in std::mem::take(rows).into_iter().zip(&texts) {
        match joined.last_mut() {
            Some(above) if goes_on(text) => {
                for (position, cell) in row.into_iter().enumerate() {
                    if cell.is_blank() {
                        continue;
                    }
                    match above.get_mut(position) {
                        Some(target) if target.is_blank() => *target = cell,
                        Some(target) => {
                            // A word hyphenated at the line's end (`time-` / `consuming`) is
                            // one word again.
                            let hyphenated = target.plain().ends_with('-')
                                && cell.plain().starts_with(char::is_lowercase);
                            if !hyphenated {
                                target.push_text(" ");
                            }
                            target.extend(cell);
                        }
                        None => above.push(cell),
                    }
                }
            }
            _ => joined.push(row),
        }
    }
    *rows = joined;
}

/// The rows of a `table`: `role="head"` rows as header rows (a cell and its `cols` span), the
/// others as body rows with a spanning cell followed by empty cells; every row one cell per
/// column.
fn rows(table: Element<'_>, context: &Context<'_>) -> TableDraft {
    let mut draft = TableDraft::default();
    // The spans of each body row's cells, as printed.
    let mut spans = Vec::new();
    for row in table.children_named("row") {
        let cells: Vec<(Rich, u32)> = row
            .children_named("cell")
            .map(|cell| {
                let span = cell
                    .attr("cols")
                    .and_then(|cols| cols.trim().parse::<u32>().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_SPAN);
                (context.inline(cell).0, span)
            })
            .collect();
        let is_head = row.attr("role") == Some("head")
            || (!cells.is_empty()
                && row
                    .children_named("cell")
                    .all(|cell| cell.attr("role") == Some("head")));
        if is_head {
            draft.header_rows.push(
                cells
                    .into_iter()
                    .map(|(text, span)| (text.plain(), span))
                    .collect(),
            );
        } else {
            spans.push(cells.iter().map(|(_, span)| *span).collect::<Vec<u32>>());
            let mut out = Vec::new();
            for (text, span) in cells {
                out.push(text);
                for _ in 1..span {
                    out.push(Rich::default());
                }
            }
            draft.rows.push(out);
        }
    }
    if let Some(note) = trailing_note_rows(&mut draft.rows, &spans) {
        draft.footnotes.push((String::new(), note));
    }
    if draft.header_rows.is_empty() {
        draft.header_rows = leading_label_rows(&mut draft.rows, &spans);
    }
    join_wrapped_lines(&mut draft.rows);
    let width = draft
        .rows
        .iter()
        .map(Vec::len)
        .chain(
            draft
                .header_rows
                .iter()
                .map(|row| row.iter().map(|(_, span)| *span as usize).sum()),
        )
        .max()
        .unwrap_or(0);
    for row in &mut draft.rows {
        row.resize(width, Rich::default());
    }
    for row in &mut draft.header_rows {
        let used: usize = row.iter().map(|(_, span)| *span as usize).sum();
        for _ in used..width {
            row.push((String::new(), 1));
        }
    }
    draft
}

//! A table printed in parts side by side to save space: a long table of a few columns set as
//! two or three copies of them across the page (eLife's `Locus | Reaction | Ess Tn5 | Ess FBA`
//! three times over). Read as the paper means it: one table of those columns, the first part's
//! rows, then the second's, and so on.

use super::builder::{Rich, TableDraft};
use crate::corpus::diagnostics::{Code, Diagnostic};

/// When every header row of `table` is the same few columns repeated (its names, and any
/// heading over them, alike in each part), makes it one table of those columns: each part's
/// rows in turn, a part's row left blank at the foot of a shorter part left out. Returns an
/// info diagnostic saying so, or `None` (the table unchanged) when it is not printed so.
pub(super) fn unfold(table: &mut TableDraft) -> Option<Diagnostic> {
    let columns = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    let expanded: Vec<Vec<(&str, bool)>> = table
        .header_rows
        .iter()
        .map(|row| expand(row, columns))
        .collect::<Option<_>>()?;
    let names = expanded.last()?;
    if !table.part_headers.is_empty() || names.iter().all(|(text, _)| text.is_empty()) {
        return None;
    }
    let width = (1..columns)
        .filter(|width| columns % width == 0)
        .find(|&width| expanded.iter().all(|row| repeats_every(row, width)))?;
    let parts = columns / width;
    table.header_rows = table
        .header_rows
        .iter()
        .map(|row| first_columns(row, width))
        .collect();
    let mut rows = std::mem::take(&mut table.rows);
    let across = rows
        .last()
        .and_then(|last| row_across_parts(last, width))
        .inspect(|_| {
            rows.pop();
        });
    for part in 0..parts {
        for row in &rows {
            let cells: Vec<Rich> = row.iter().skip(part * width).take(width).cloned().collect();
            if cells.iter().any(|cell| !cell.is_blank()) {
                table.rows.push(cells);
            }
        }
    }
    table.rows.extend(across);
    let label = super::builder::float_label(&table.label);
    let table_name = if label.is_empty() {
        "A table".to_owned()
    } else {
        label
    };
    Some(Diagnostic::info(
        Code::Imported,
        format!(
            "{table_name} is printed in {parts} parts side by side: read as one table of {}, the \
             parts' rows one after another",
            crate::corpus::counted(width, "column")
        ),
        "its columns' headers repeat across the page; the Table view sorts and filters the \
         whole of it",
    ))
}

/// A last row printed across the parts (eLife's `Total; 31 cancer types` under the first
/// part's names, its sums under the second part's columns): one part names it and nothing
/// more, another gives its values without a name. As one row: that name with those values.
fn row_across_parts(row: &[Rich], width: usize) -> Option<Vec<Rich>> {
    let parts: Vec<&[Rich]> = row.chunks(width).collect();
    let named_only = |part: &&[Rich]| {
        part.split_first()
            .is_some_and(|(name, rest)| !name.is_blank() && rest.iter().all(Rich::is_blank))
    };
    let values_only = |part: &&[Rich]| {
        part.split_first()
            .is_some_and(|(name, rest)| name.is_blank() && rest.iter().any(|c| !c.is_blank()))
    };
    let name = parts.iter().copied().find(named_only)?;
    let values = parts.iter().copied().find(values_only)?;
    let blank = parts
        .iter()
        .filter(|part| part.iter().all(Rich::is_blank))
        .count();
    if blank + 2 != parts.len() {
        return None;
    }
    let mut merged = values.to_vec();
    if let (Some(slot), Some(name)) = (merged.first_mut(), name.first()) {
        slot.clone_from(name);
    }
    Some(merged)
}

/// A header row as one `(text, starts a cell)` per column, when its cells cover exactly
/// `columns` columns.
fn expand(row: &[(String, u32)], columns: usize) -> Option<Vec<(&str, bool)>> {
    let mut expanded = Vec::with_capacity(columns);
    for (text, span) in row {
        let span = usize::try_from((*span).max(1)).ok()?;
        // A span past the table's columns (a hostile file's `colspan`) is not expanded.
        if expanded.len() + span > columns {
            return None;
        }
        expanded.push((text.trim(), true));
        expanded.extend(std::iter::repeat_n((text.trim(), false), span - 1));
    }
    (expanded.len() == columns).then_some(expanded)
}

/// Whether `row` is its first `width` columns over and over, no cell spanning two parts.
fn repeats_every(row: &[(&str, bool)], width: usize) -> bool {
    row.chunks(width).all(|part| {
        part.first().is_some_and(|(_, starts)| *starts) && row.get(..width) == Some(part)
    })
}

/// The cells of a header row that stand over its first `width` columns.
fn first_columns(row: &[(String, u32)], width: usize) -> Vec<(String, u32)> {
    let mut column = 0;
    row.iter()
        .take_while(|(_, span)| {
            let start = column;
            column += usize::try_from((*span).max(1)).unwrap_or(1);
            start < width
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(header_rows: &[&[(&str, u32)]], rows: &[&[&str]]) -> TableDraft {
        TableDraft {
            label: "Table 2.".to_owned(),
            header_rows: header_rows
                .iter()
                .map(|row| row.iter().map(|(t, s)| ((*t).to_owned(), *s)).collect())
                .collect(),
            rows: rows
                .iter()
                .map(|row| row.iter().map(|cell| Rich::text(cell)).collect())
                .collect(),
            ..TableDraft::default()
        }
    }

    fn cells(table: &TableDraft) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|row| row.iter().map(Rich::plain).collect())
            .collect()
    }

    #[test]
    fn three_copies_of_four_columns_are_one_table_of_four_read_part_by_part() {
        let names = [
            ("Locus", 1),
            ("Reaction", 1),
            ("Ess Tn5", 1),
            ("Ess FBA", 1),
        ];
        let header: Vec<(&str, u32)> = names.iter().copied().cycle().take(12).collect();
        let mut table = draft(
            &[&header],
            &[
                &[
                    "Amino acid metabolism",
                    "",
                    "",
                    "",
                    "Cofactor metabolism",
                    "",
                    "",
                    "",
                    "0798",
                    "UPPRT",
                    "■",
                    "■",
                ],
                &[
                    "0381*", "AHCi", "⋅", "⋅", "0823", "5FTHFPGS", "□", "■", "", "", "", "",
                ],
            ],
        );
        let note = unfold(&mut table).map(|d| d.message);
        assert_eq!(
            note.as_deref(),
            Some(
                "Table 2 is printed in 3 parts side by side: read as one table of 4 columns, \
                 the parts' rows one after another"
            )
        );
        assert_eq!(
            table.header_rows,
            [names.map(|(t, s)| (t.to_owned(), s)).to_vec()]
        );
        assert_eq!(
            cells(&table),
            [
                ["Amino acid metabolism", "", "", ""],
                ["0381*", "AHCi", "⋅", "⋅"],
                ["Cofactor metabolism", "", "", ""],
                ["0823", "5FTHFPGS", "□", "■"],
                ["0798", "UPPRT", "■", "■"],
            ]
        );
    }

    #[test]
    fn a_table_whose_repeated_names_stand_under_different_headings_is_left_as_it_is() {
        // Men's and women's mean and SD: the names repeat, the headings over them do not.
        let grouped: &[&[(&str, u32)]] = &[
            &[("Men", 2), ("Women", 2)],
            &[("Mean", 1), ("SD", 1), ("Mean", 1), ("SD", 1)],
        ];
        let rows: &[&[&str]] = &[&["70", "9", "62", "8"]];
        let mut table = draft(grouped, rows);
        let before = table.clone();
        assert!(unfold(&mut table).is_none());
        assert_eq!(table, before);
        // Nor is one whose header spans more columns than it has, however many.
        let mut spanning = draft(&[&[("Mean", u32::MAX)]], rows);
        assert!(unfold(&mut spanning).is_none());
        // Nor is a table of different names, or one whose names are all blank.
        for header in [
            &[("Year", 1), ("Cases", 1), ("Deaths", 1), ("Rate", 1)][..],
            &[("", 1), ("", 1), ("", 1), ("", 1)][..],
        ] {
            let mut table = draft(&[header], rows);
            assert!(unfold(&mut table).is_none());
        }
        // A heading over both parts alike is a table in two parts.
        let mut twice = draft(
            &[
                &[("Gene", 2), ("Gene", 2)],
                &[("Name", 1), ("Count", 1), ("Name", 1), ("Count", 1)],
            ],
            &[&["ank1", "3", "nkx6", "4"], &["gdap1", "2", "", ""]],
        );
        assert!(unfold(&mut twice).is_some());
        assert_eq!(
            cells(&twice),
            [["ank1", "3"], ["gdap1", "2"], ["nkx6", "4"]]
        );
        // A last row printed across both parts, its name under the first and its sums under
        // the second, is one row at the foot.
        let mut totals = draft(
            &[&[("Tumour", 1), ("WGS", 1), ("Tumour", 1), ("WGS", 1)]],
            &[
                &["Breast", "284", "Meningioma", "0"],
                &["Lung", "60", "", ""],
                &["Total; 31 cancer types", "", "", "704"],
            ],
        );
        assert!(unfold(&mut totals).is_some());
        assert_eq!(
            cells(&totals),
            [
                ["Breast", "284"],
                ["Lung", "60"],
                ["Meningioma", "0"],
                ["Total; 31 cancer types", "704"]
            ]
        );
        assert_eq!(twice.header_rows.len(), 2);
        assert_eq!(twice.header_rows[0], [("Gene".to_owned(), 2)]);
    }
}

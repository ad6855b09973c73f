//! A table a plain text gives with its cells parted by tabs, as pdftotext or a copy from a
//! spreadsheet writes one: its header, its rows (a row a page break split joined again, a cell
//! spanning rows repeated), and the caption waiting above it.

use super::{Body, TableDraft, inline};

impl Body<'_, '_> {
    /// A tab-separated table: its first row the header; a row whose first cell is empty and
    /// whose other cells each continue the unfinished cell above (lower case, or after a word no
    /// sentence ends with) continues the row above (a row split by a page break); another row
    /// with an empty first cell repeats the first cell above (a cell
    /// spanning rows).
    pub(super) fn table_block(&mut self, rows: &[Vec<&str>]) {
        if let Some(table) = self.table.take() {
            self.builder.table(table);
        }
        let (label, caption) = match self.caption.take() {
            Some((true, label, words)) => (label, words),
            other => {
                self.caption = other;
                self.flush();
                (String::new(), String::new())
            }
        };
        let mut body: Vec<Vec<String>> = Vec::new();
        for row in rows.iter().skip(1) {
            let cells: Vec<String> = row.iter().map(|c| inline::clean(c)).collect();
            let first_empty = cells.first().is_none_or(String::is_empty);
            let continues = first_empty
                && body.last().is_some_and(|above| {
                    cells.iter().any(|c| !c.is_empty())
                        && cells
                            .iter()
                            .zip(above)
                            .filter(|(cell, _)| !cell.is_empty())
                            .all(|(cell, above)| inline::continues(above, cell))
                });
            match body.last_mut() {
                Some(previous) if continues => {
                    for (into, cell) in previous.iter_mut().zip(&cells) {
                        inline::append_joined(into, cell, self.hyphenated);
                    }
                }
                Some(previous) if first_empty => {
                    let mut cells = cells;
                    if let (Some(first), Some(above)) = (cells.first_mut(), previous.first()) {
                        first.clone_from(above);
                    }
                    body.push(cells);
                }
                _ => body.push(cells),
            }
        }
        self.table = Some(TableDraft {
            label,
            caption: inline::rich(&caption, &self.citing),
            header_rows: rows
                .first()
                .map(|header| header.iter().map(|cell| (inline::clean(cell), 1)).collect())
                .into_iter()
                .collect(),
            rows: body
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| inline::rich(cell, &self.citing))
                        .collect()
                })
                .collect(),
            ..TableDraft::default()
        });
    }
}

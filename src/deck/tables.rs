//! A table's slides: which rows each slide shows, and whether as cards (a few rows of long
//! text, each a card) or as a grid (a table of short cells, its rows and columns as printed).

use super::Shows;
use crate::corpus::model::{Table, TableRow};
use crate::corpus::{Corpus, display};

/// Rows of a table on one slide of cards: few enough to draw each row as a large card.
pub const ROWS_PER_SLIDE: usize = 4;

/// Most rows of a table on one slide of a grid: as many as stay legible from the back of a
/// room (a table's rows are shared evenly among as few slides as hold them).
pub const GRID_ROWS_PER_SLIDE: usize = 10;

/// Most columns a grid always shows; a table of more is a grid only when its rows are short
/// enough across (see [`GRID_ROW_CHARS`]).
const GRID_MAX_COLUMNS: usize = 8;

/// Most columns a grid shows; a wider table is shown as cards.
const GRID_MOST_COLUMNS: usize = 14;

/// Most characters across a grid of more than [`GRID_MAX_COLUMNS`] columns (each column's
/// longest cell, summed, a name as wide as it stands before it wraps): a table of nine short
/// numbers a row (a model's estimates, errors and correlations) reads better as a grid than as
/// cards of nine fields each.
const GRID_ROW_CHARS: usize = 90;

/// Most characters of a cell of a grid, but for the cell that names its row.
const GRID_CELL_CHARS: usize = 24;

/// Most characters of a cell of a grid made of numbers and signs, with at most one word
/// (`670 ± 143*† 542 (504–963)`, a mean and a median with their spreads).
const GRID_NUMBERS_CHARS: usize = 40;

/// Most characters of a cell that names a row of a grid (in its first column, or its first
/// two when both hold words and numbers follow).
const GRID_LABEL_CHARS: usize = 48;

/// Most characters across a row of a grid whose names are longer than [`GRID_LABEL_CHARS`]
/// (the names and the other columns' longest cells), and across a row that only names the
/// group of rows under it (it runs across the row's blank cells).
const GRID_NAMED_ROW_CHARS: usize = 100;

/// Most columns at the start of a grid that name its rows.
const LABEL_COLUMNS: usize = 2;

/// How a slide lays out a table's rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TableLayout {
    /// Each row a large card, its cells under their columns' headers: rows of long text.
    #[default]
    Cards,
    /// The rows and columns as the paper prints them, under its headers: a table of short
    /// cells (numbers, counts, short labels), whose rows are read across and compared.
    Grid,
}

impl TableLayout {
    /// The layout for `table`: a grid when it has two to [`GRID_MAX_COLUMNS`] columns (or up
    /// to [`GRID_MOST_COLUMNS`] printing at most [`GRID_ROW_CHARS`] across) and every cell is
    /// short (at most [`GRID_CELL_CHARS`] characters, [`GRID_NUMBERS_CHARS`] when it
    /// is numbers and signs with at most one word, [`GRID_LABEL_CHARS`] for the first, which
    /// names the row, and for a second column of words before columns of numbers, or more when
    /// the row stays within [`GRID_NAMED_ROW_CHARS`]; a row that only names a group, up to
    /// that across); cards otherwise.
    #[must_use]
    pub fn of(table: &Table) -> Self {
        let columns = table.columns.len();
        // The columns that name a row: the first, and a second of words before the numbers
        // (eLife's `Genetic information processing | Folding, Sorting and Degradation | 9.58`).
        let words_before_numbers = table
            .columns
            .iter()
            .take_while(|column| !column.kind.is_numeric())
            .count();
        let naming = if words_before_numbers < columns {
            words_before_numbers.clamp(1, LABEL_COLUMNS)
        } else {
            1
        };
        // Each column's longest cell, in characters.
        let longest: Vec<usize> = (0..columns)
            .map(|column| {
                table
                    .rows
                    .iter()
                    .filter_map(|row| row.cells.get(column))
                    .map(|cell| cell.trim().chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        // Names may be longer when the other columns leave the room (`Mean (s.d.) duration of
        // oral contraceptive use (years)` beside two columns of `9.2 (9.8)`).
        // Each naming column may take what the rest of the row leaves (two naming columns share
        // it: a long species name beside a short popular name).
        let across_all: usize = longest.iter().sum();
        let label_chars: Vec<usize> = longest
            .iter()
            .take(naming)
            .map(|&own| GRID_LABEL_CHARS.max(GRID_NAMED_ROW_CHARS.saturating_sub(across_all - own)))
            .collect();
        let short = |row: &TableRow| {
            if row.names_a_group() {
                return row
                    .cells
                    .first()
                    .is_none_or(|name| name.trim().chars().count() <= GRID_NAMED_ROW_CHARS);
            }
            row.cells.iter().enumerate().all(|(column, cell)| {
                let length = cell.trim().chars().count();
                if let Some(&limit) = label_chars.get(column) {
                    return length <= limit;
                }
                length <= GRID_CELL_CHARS || (length <= GRID_NUMBERS_CHARS && words_in(cell) <= 1)
            })
        };
        // A name wraps in its column (to the width of a name of `GRID_LABEL_CHARS`), a cell
        // of the other columns keeps to one line.
        let across: usize = longest
            .iter()
            .enumerate()
            .map(|(column, &chars)| {
                if column < naming {
                    chars.min(GRID_LABEL_CHARS)
                } else {
                    chars
                }
            })
            .sum();
        let fits_across = across <= GRID_ROW_CHARS;
        let fits = columns >= 2
            && (columns <= GRID_MAX_COLUMNS || (columns <= GRID_MOST_COLUMNS && fits_across));
        if fits && table.rows.iter().all(short) {
            Self::Grid
        } else {
            Self::Cards
        }
    }
}

/// How many words `cell` holds: runs of two letters or more (`143*†`, `(504–963)` and `mg` in
/// `12 mg` are not all words: only `mg` is).
fn words_in(cell: &str) -> usize {
    cell.split(|c: char| !c.is_alphabetic())
        .filter(|run| run.chars().count() >= 2)
        .count()
}

/// The slides of one table, laid out as [`TableLayout::of`] says: a slide per region, in the
/// order the regions first come, when its rows name regions; the rows without one come after,
/// [`ROWS_PER_SLIDE`] as cards or up to [`GRID_ROWS_PER_SLIDE`] in a grid at a time. As cards,
/// a row that only names a group (`Menopausal status (%)` over its categories, every other
/// cell blank) starts a new page headed by its name instead of being a card of its own, and a
/// blank row is left out and starts a new page; in a grid, such a row stays a row of the grid,
/// at the top of a page rather than alone at its foot, and a blank row is left out.
pub(super) fn table_slides(corpus: &Corpus, position: usize, table: &Table) -> Vec<Shows> {
    let mut regions: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut loose = Vec::new();
    for (row_position, row) in table.rows.iter().enumerate() {
        match row.region.as_deref() {
            Some(region) => match regions.iter_mut().find(|(id, _)| *id == region) {
                Some((_, rows)) => rows.push(row_position),
                None => regions.push((region, vec![row_position])),
            },
            None => loose.push(row_position),
        }
    }
    let layout = TableLayout::of(table);
    let mut slides: Vec<Shows> = regions
        .into_iter()
        .map(|(region, rows)| Shows::Table {
            table: position,
            rows,
            heading: display::region_name(corpus, region),
            marked: None,
            layout,
        })
        .collect();
    let total = table.rows.len();
    if layout == TableLayout::Grid {
        let pages = grid_pages(table, &loose);
        let only = pages.len() == 1 && slides.is_empty();
        slides.extend(pages.into_iter().map(|rows| Shows::Table {
            table: position,
            heading: if only {
                String::new()
            } else {
                rows_heading(&rows, total)
            },
            rows,
            marked: None,
            layout,
        }));
    }
    let card_groups = match layout {
        TableLayout::Cards => row_groups(table, &loose),
        TableLayout::Grid => Vec::new(),
    };
    for (group, rows) in card_groups {
        let pages = rows.len().div_ceil(ROWS_PER_SLIDE);
        slides.extend(rows.chunks(ROWS_PER_SLIDE).map(|rows| {
            let counted = rows_heading(rows, total);
            let heading = match group {
                Some(group) if pages > 1 => format!("{group} · {counted}"),
                Some(group) => group.to_owned(),
                None => counted,
            };
            Shows::Table {
                table: position,
                heading,
                rows: rows.to_vec(),
                marked: None,
                layout,
            }
        }));
    }
    if slides.is_empty() {
        slides.push(Shows::Table {
            table: position,
            rows: Vec::new(),
            heading: String::new(),
            marked: None,
            layout,
        });
    }
    slides
}

/// The rows at `positions` in as few pages of at most [`GRID_ROWS_PER_SLIDE`] as hold them,
/// shared evenly (14 rows are two pages of 7, not 10 and 4, so both are set alike), blank rows
/// left out; a row naming a group that would end a page (with rows after it) starts the next
/// one instead. When those moves leave rows over for a page of their own (a last slide of one
/// row), the rows are shared among one page more, a few times at most.
fn grid_pages(table: &Table, positions: &[usize]) -> Vec<Vec<usize>> {
    let shown: Vec<(usize, &TableRow)> = positions
        .iter()
        .filter_map(|&position| Some((position, table.rows.get(position)?)))
        .filter(|(_, row)| !row.is_blank())
        .collect();
    let mut page_count = shown.len().div_ceil(GRID_ROWS_PER_SLIDE).max(1);
    let mut pages = paged(&shown, shown.len().div_ceil(page_count));
    for _ in 0..3 {
        if pages.len() <= page_count || page_count >= shown.len() {
            break;
        }
        page_count += 1;
        pages = paged(&shown, shown.len().div_ceil(page_count));
    }
    pages
}

/// `shown` in pages of at most `per_page` rows, a row naming a group that would end a page
/// (with rows after it) moved to the next.
fn paged(shown: &[(usize, &TableRow)], per_page: usize) -> Vec<Vec<usize>> {
    let mut pages = Vec::new();
    let mut page: Vec<usize> = Vec::new();
    for (n, (position, row)) in shown.iter().enumerate() {
        let full = page.len() == per_page;
        let group_at_foot =
            page.len() + 1 == per_page && row.names_a_group() && n + 1 < shown.len();
        if full || group_at_foot {
            pages.push(std::mem::take(&mut page));
        }
        page.push(*position);
    }
    if !page.is_empty() {
        pages.push(page);
    }
    pages
}

/// The rows at `positions` in groups: each row that only names a group (its first cell
/// printed, the others blank) starts one, under that name; a blank row is left out and ends
/// the group before it; the rows before either make a group without a name. A row naming a
/// group no row follows is shown as a row of its own.
fn row_groups<'t>(table: &'t Table, positions: &[usize]) -> Vec<(Option<&'t str>, Vec<usize>)> {
    /// A group being gathered: the row naming it (its position and name), and its rows.
    struct Group<'t> {
        named_by: Option<(usize, &'t str)>,
        rows: Vec<usize>,
    }
    let mut groups: Vec<Group<'t>> = Vec::new();
    for &position in positions {
        let Some(row) = table.rows.get(position) else {
            continue;
        };
        if row.is_blank() || row.names_a_group() {
            let named_by = row
                .cells
                .first()
                .map(|first| first.trim())
                .filter(|first| !first.is_empty())
                .map(|first| (position, first));
            groups.push(Group {
                named_by,
                rows: Vec::new(),
            });
            continue;
        }
        match groups.last_mut() {
            Some(group) => group.rows.push(position),
            None => groups.push(Group {
                named_by: None,
                rows: vec![position],
            }),
        }
    }
    groups
        .into_iter()
        .filter_map(|group| match (group.named_by, group.rows.is_empty()) {
            (named_by, false) => Some((named_by.map(|(_, name)| name), group.rows)),
            (Some((position, _)), true) => Some((None, vec![position])),
            (None, true) => None,
        })
        .collect()
}

/// The rows of a table a slide shows; none for any other slide.
pub(super) fn rows_shown(slide: &Shows) -> &[usize] {
    match slide {
        Shows::Table { rows, .. } => rows,
        _ => &[],
    }
}

/// "Rows 1–4 of 7", "Row 5 of 7", or nothing for a table shown whole.
fn rows_heading(rows: &[usize], total: usize) -> String {
    match (rows.first(), rows.last()) {
        (Some(_), Some(_)) if rows.len() == total => String::new(),
        (Some(first), Some(last)) if first == last => format!("Row {} of {total}", first + 1),
        (Some(first), Some(last)) => format!("Rows {}–{} of {total}", first + 1, last + 1),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Item;
    use crate::deck::shows_item;

    #[test]
    fn a_table_without_regions_is_shown_a_few_rows_at_a_time() {
        let mut corpus = Corpus::builtin();
        for row in &mut corpus.file.tables[0].rows {
            row.region = None;
        }
        let slides = table_slides(&corpus, 0, &corpus.file.tables[0]);
        let headings: Vec<&str> = slides
            .iter()
            .filter_map(|s| match s {
                Shows::Table { heading, .. } => Some(heading.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(headings, ["Rows 1–4 of 7", "Rows 5–7 of 7"]);
        assert_eq!(rows_heading(&[4], 7), "Row 5 of 7");
        assert_eq!(rows_heading(&[0, 1], 2), "");
    }

    #[test]
    fn rows_naming_a_group_head_its_page_and_blank_rows_end_one() {
        let mut corpus = Corpus::builtin();
        let table = &mut corpus.file.tables[0];
        let columns = table.columns.len();
        let mut template = table.rows[0].clone();
        template.region = None;
        let row = |id: &str, cells: &[&str]| TableRow {
            id: id.to_owned(),
            cells: (0..columns)
                .map(|c| cells.get(c).copied().unwrap_or_default().to_owned())
                .collect(),
            ..template.clone()
        };
        table.rows = vec![
            row("age", &["Mean age", "57.4"]),
            row("blank", &[]),
            row("status", &["Menopausal status (%)"]),
            row("pre", &["Pre-menopausal", "11.2"]),
            // A note in words: the table is shown as cards.
            row(
                "post",
                &["Post-menopausal", "74.1", "most after a surgical menopause"],
            ),
            row("gap", &["", " "]),
            row("smokers", &["Smokers (%)", "18.5"]),
            row("unknown", &["Not reported"]),
        ];
        let slides = table_slides(&corpus, 0, &corpus.file.tables[0]);
        let pages: Vec<(&str, &[usize])> = slides
            .iter()
            .filter_map(|s| match s {
                Shows::Table { heading, rows, .. } => Some((heading.as_str(), rows.as_slice())),
                _ => None,
            })
            .collect();
        assert_eq!(
            pages,
            [
                ("Row 1 of 8", &[0][..]),
                ("Menopausal status (%)", &[3, 4][..]),
                ("Row 7 of 8", &[6][..]),
                // A group's name with no row after it is a row of its own.
                ("Row 8 of 8", &[7][..]),
            ]
        );
        // A row shown as a page's name, not a card (the first table's third row): that page,
        // with no card marked.
        let Some(Shows::Table { rows, marked, .. }) = shows_item(&corpus, Item::TableRow(2), None)
        else {
            panic!("the group's row shows its page");
        };
        assert_eq!((rows.as_slice(), marked), (&[3, 4][..], None));
    }

    /// A table of `rows` short rows under three columns: a name and two numbers.
    fn numbers_table(corpus: &mut Corpus, rows: &[[&str; 3]]) {
        let table = &mut corpus.file.tables[0];
        table.columns.truncate(3);
        for (column, header) in table.columns.iter_mut().zip(["Catchment", "Rain", "Flow"]) {
            column.header = header.to_owned();
        }
        table.header_rows.clear();
        let rows: Vec<&[&str]> = rows.iter().map(<[&str; 3]>::as_slice).collect();
        table.rows = crate::corpus::model::rows_of(&rows);
    }

    /// The headings and rows of a table's slides, and whether they are all grids.
    fn pages(corpus: &Corpus) -> Vec<(String, Vec<usize>, TableLayout)> {
        table_slides(corpus, 0, &corpus.file.tables[0])
            .into_iter()
            .filter_map(|slide| match slide {
                Shows::Table {
                    heading,
                    rows,
                    layout,
                    ..
                } => Some((heading, rows, layout)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_table_of_short_cells_is_a_grid_and_one_of_long_text_is_cards() {
        let mut corpus = Corpus::builtin();
        // The built-in table: sentences in every cell.
        assert_eq!(TableLayout::of(&corpus.file.tables[0]), TableLayout::Cards);
        numbers_table(
            &mut corpus,
            &[
                ["Afon Hafren", "2,480", "1,950"],
                ["Coalburn", "1,340", "890"],
            ],
        );
        let table = &mut corpus.file.tables[0];
        assert_eq!(TableLayout::of(table), TableLayout::Grid);
        // Shown whole on one slide, with no "Rows 1–2 of 2".
        assert_eq!(
            pages(&corpus),
            [(String::new(), vec![0, 1], TableLayout::Grid)]
        );
        // A row name may be longer than a number, up to a point: as long as the row stays
        // within a slide's reading beside the numbers.
        let table = &mut corpus.file.tables[0];
        table.rows[0].cells[0] = "Afon Hafren at the Plynlimon flume, mid Wales".to_owned();
        assert_eq!(TableLayout::of(table), TableLayout::Grid);
        table.rows[0].cells[0] =
            "Afon Hafren at the Plynlimon flume in mid Wales, upstream".to_owned();
        assert_eq!(TableLayout::of(table), TableLayout::Grid);
        table.rows[0].cells[0] = "Afon Hafren at the Plynlimon flume in mid Wales, upstream \
                                  of the confluence with the Afon Hore, in the forest"
            .to_owned();
        assert_eq!(TableLayout::of(table), TableLayout::Cards);
        // Beside wider numbers a name has less room.
        table.rows[0].cells[0] =
            "Afon Hafren at the Plynlimon flume in mid Wales, upstream of the Hore".to_owned();
        assert_eq!(TableLayout::of(table), TableLayout::Grid);
        table.rows[0].cells[1] = "2,480 (2,210–2,750)".to_owned();
        table.rows[0].cells[2] = "1,950 (1,700–2,200)".to_owned();
        table.rows[1].cells[1] = "1,340 (1,100–1,560)".to_owned();
        assert_eq!(TableLayout::of(table), TableLayout::Cards);
        // A row that only names the group under it runs across the row: it may be long.
        table.rows[0].cells = vec![
            "Upland catchments of mid Wales, measured at their flumes".to_owned(),
            String::new(),
            String::new(),
        ];
        assert_eq!(TableLayout::of(table), TableLayout::Grid);
        table.rows[0].cells[0] = "Afon Hafren".to_owned();
        table.rows[0].cells[1] = "2,480".to_owned();
        table.rows[0].cells[2] = "1,950".to_owned();
        table.rows[1].cells[1] = "1,340".to_owned();
        // So may a second column of words naming the rows before the numbers, but not a
        // second column of words in a table of words.
        let mut named_twice = table.clone();
        named_twice
            .columns
            .insert(1, named_twice.columns[0].clone());
        for column in named_twice.columns.iter_mut().skip(2) {
            column.kind = crate::corpus::model::ColumnKind::Number;
        }
        for row in &mut named_twice.rows {
            row.cells[0] = "Upland catchments".to_owned();
            row.cells
                .insert(1, "Afon Hafren at the Plynlimon flume".to_owned());
        }
        assert_eq!(TableLayout::of(&named_twice), TableLayout::Grid);
        for column in &mut named_twice.columns {
            column.kind = crate::corpus::model::ColumnKind::Text;
        }
        assert_eq!(TableLayout::of(&named_twice), TableLayout::Cards);
        // A cell of words under a number's column makes cards.
        table.rows[0].cells[0] = "Afon Hafren".to_owned();
        table.rows[1].cells[2] = "not measured in the dry year".to_owned();
        assert_eq!(TableLayout::of(table), TableLayout::Cards);
        // A longer cell of numbers and signs does not: a mean and a median with their spreads.
        table.rows[1].cells[2] = "670 ± 143*† 542 (504–963)".to_owned();
        assert_eq!(TableLayout::of(table), TableLayout::Grid);
        table.rows[1].cells[2] = "670 ± 143 mg 542 (504–963) mg/l".to_owned();
        assert_eq!(TableLayout::of(table), TableLayout::Cards);
        table.rows[1].cells[2] = "670 ± 143*† 542 (504–963) 12 (10–14) 3.14".to_owned();
        assert_eq!(TableLayout::of(table), TableLayout::Cards);
        // One column, or more than a slide's width of them, too.
        table.rows[1].cells[2] = "890".to_owned();
        let mut one = table.clone();
        one.columns.truncate(1);
        assert_eq!(TableLayout::of(&one), TableLayout::Cards);
        // Nine columns of short numbers are a grid (a model's estimates and correlations);
        // nine of longer cells, or fifteen, are cards.
        let mut wide = table.clone();
        wide.columns = (0..9).map(|_| table.columns[1].clone()).collect();
        for row in &mut wide.rows {
            row.cells = (0..9).map(|n| format!("−0.{n}91")).collect();
        }
        assert_eq!(TableLayout::of(&wide), TableLayout::Grid);
        wide.rows[0].cells[4] = "0.1 (0.05–0.2) 0.3".to_owned();
        wide.rows[1].cells[5] = "0.1 (0.05–0.2) 0.3".to_owned();
        wide.rows[1].cells[6] = "0.1 (0.05–0.2) 0.3 ± 0.01".to_owned();
        wide.rows[0].cells[7] = "0.1 (0.05–0.2) 0.3 ± 0.01".to_owned();
        assert_eq!(TableLayout::of(&wide), TableLayout::Cards);
        let mut widest = table.clone();
        widest.columns = (0..15).map(|_| table.columns[1].clone()).collect();
        for row in &mut widest.rows {
            row.cells = (0..15).map(|n| n.to_string()).collect();
        }
        assert_eq!(TableLayout::of(&widest), TableLayout::Cards);
    }

    #[test]
    fn names_that_wrap_beside_many_short_columns_make_a_grid() {
        let mut corpus = Corpus::builtin();
        numbers_table(&mut corpus, &[["Catchment", "1", "2"]]);
        let table = &corpus.file.tables[0];
        let mut survey = table.clone();
        survey.columns = (0..9).map(|_| table.columns[1].clone()).collect();
        // Nine columns of marks and codes beside species' names that wrap in their column
        // (a floristic survey's `Família/Espécie | Nome Popular | Área A | … | Nº de
        // coleta`).
        for column in survey.columns.iter_mut().take(8) {
            column.kind = crate::corpus::model::ColumnKind::Text;
        }
        for row in &mut survey.rows {
            row.cells = [
                "Apocynaceae Aspidosperma olivaceum Müll.Arg. ex Benth. et al.",
                "guatambu-da-mata-seca",
                "X",
                "X",
                "",
                "PI",
                "NP",
                "ZOO",
                "123",
            ]
            .map(str::to_owned)
            .to_vec();
        }
        assert_eq!(TableLayout::of(&survey), TableLayout::Grid);
    }

    #[test]
    fn a_grid_shows_at_most_ten_rows_a_slide_shared_evenly_keeping_a_group_s_name_with_its_rows() {
        let mut corpus = Corpus::builtin();
        // Fourteen rows are two slides of seven, set alike, not ten and four.
        numbers_table(&mut corpus, &vec![["Catchment", "1", "2"]; 14]);
        let sizes: Vec<usize> = pages(&corpus)
            .iter()
            .map(|(_, rows, _)| rows.len())
            .collect();
        assert_eq!(sizes, [7, 7]);

        let mut rows: Vec<[&str; 3]> = vec![["Catchment", "1", "2"]; 24];
        rows[3] = ["", " ", ""];
        // 23 rows shown, three pages of eight at most; a group's name that would stand last
        // on the first page.
        rows[8] = ["Upland", "", ""];
        numbers_table(&mut corpus, &rows);
        let pages = pages(&corpus);
        let shown: Vec<(&str, &[usize])> = pages
            .iter()
            .map(|(heading, rows, _)| (heading.as_str(), rows.as_slice()))
            .collect();
        let first: Vec<usize> = (0..3).chain(4..8).collect();
        let second: Vec<usize> = (8..16).collect();
        let third: Vec<usize> = (16..24).collect();
        assert_eq!(
            shown,
            [
                ("Rows 1–8 of 24", first.as_slice()),
                ("Rows 9–16 of 24", second.as_slice()),
                ("Rows 17–24 of 24", third.as_slice()),
            ]
        );
        assert!(
            pages
                .iter()
                .all(|(_, _, layout)| *layout == TableLayout::Grid)
        );
        // A row's step shows its page with the row marked; the group's name is a row too.
        let first_row = corpus.file.first_row_of(0);
        for row in [12, 8] {
            let Some(Shows::Table { rows, marked, .. }) =
                shows_item(&corpus, Item::TableRow(first_row + row), None)
            else {
                panic!("a row shows its page");
            };
            assert_eq!((rows, marked), (second.clone(), Some(row)));
        }
        // Twenty rows with a group's name where the first page of ten would end: moving it
        // would leave one row for a third page; the rows are shared among three instead.
        let mut rows: Vec<[&str; 3]> = vec![["Catchment", "1", "2"]; 20];
        rows[9] = ["Lowland", "", ""];
        numbers_table(&mut corpus, &rows);
        let sizes: Vec<usize> =
            super::grid_pages(&corpus.file.tables[0], &(0..20).collect::<Vec<_>>())
                .iter()
                .map(Vec::len)
                .collect();
        assert_eq!(sizes.iter().sum::<usize>(), 20);
        assert!(
            sizes.len() == 3 && sizes.iter().all(|&n| n >= 6),
            "{sizes:?}"
        );
    }
}

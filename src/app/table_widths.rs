//! The Table view's column widths: how the width a table is drawn in is shared among its
//! columns, from what their cells and headers hold (no drawing here).

use super::table_view::CELL_GAP;
use crate::corpus::model::Table;

/// Column widths for `table` in `width` points (each followed by [`CELL_GAP`]): every column at
/// least as wide as its longest word (so that words are never broken; a line may break after a
/// hyphen, as egui breaks it). When every column's longest cell fits on one line, each gets
/// that, and the table is no wider than its cells and headers want (see [`on_one_line`]): a
/// few short columns are not spread across the view. Otherwise the columns
/// of short cells (numbers, names) keep their cells on one line and the columns of passages
/// share the rest by how much text each holds, when that leaves each passage its narrowest
/// (about 28 characters a line, or as few as 15 when that fits the table in `width`);
/// failing that, the space above the narrowest widths goes to the columns by how much more
/// their longest cells want, so that a column of short numbers is not wrapped while another has
/// room to spare. When the longest words alone are wider than `width`, the table is wider than
/// the space and scrolls sideways.
#[must_use]
pub fn column_widths(table: &Table, width: f32, body_size: f32) -> Vec<f32> {
    // An average character of the body font is about this many font sizes wide.
    const CHAR_WIDTH: f32 = 0.55;
    // The longest a cell is taken to want on one line, in characters.
    const LONGEST_LINE: usize = 80;
    // A column whose cells are all at most this long holds short cells, not passages.
    const SHORT_CELL: usize = 32;
    // The characters a line of a passage is given when there is room, and the fewest.
    const READABLE_LINE: f32 = 28.0;
    const NARROWEST_LINE: f32 = 15.0;
    let points = |chars: f32| (chars + 1.0) * body_size * CHAR_WIDTH + CELL_GAP;
    let columns = column_texts(table);
    let weights: Vec<f32> = columns.iter().map(|c| c.average.clamp(4.0, 80.0)).collect();
    let longest_cells: Vec<usize> = columns.iter().map(|c| c.longest_cell).collect();
    let naturals: Vec<f32> = columns
        .iter()
        .map(|c| {
            let longest = f32::from(u16::try_from(c.longest_cell.min(LONGEST_LINE)).unwrap_or(80));
            points(longest.max(c.longest_word))
        })
        .collect();
    let gaps = CELL_GAP * f32::from(u16::try_from(weights.len()).unwrap_or(u16::MAX));
    let room = width - gaps;
    // A column of long passages is kept wide enough to read: about 28 characters a line, or
    // down to about 15 when that fits the table in the space; when even that does not, the
    // table scrolls sideways at 28 rather than becoming a ribbon.
    let minimums_at = |readable: f32| -> Vec<f32> {
        columns
            .iter()
            .map(|c| points(c.longest_word.max((c.average / 4.0).min(readable))))
            .collect()
    };
    let mut minimums = minimums_at(READABLE_LINE);
    if minimums.iter().sum::<f32>() > room {
        let narrowest = minimums_at(NARROWEST_LINE);
        if narrowest.iter().sum::<f32>() <= room {
            minimums = narrowest;
        }
    }
    let naturals: Vec<f32> = naturals
        .iter()
        .zip(&minimums)
        .map(|(natural, minimum)| natural.max(*minimum))
        .collect();
    let natural: f32 = naturals.iter().sum();
    if natural <= room {
        let headers: Vec<f32> = columns.iter().map(|c| points(c.header_line)).collect();
        // A cell longer than a line may have more of the room, up to all of it on one line.
        let whole_cells: Vec<f32> = columns
            .iter()
            .map(|c| points(f32::from(u16::try_from(c.longest_cell).unwrap_or(u16::MAX))))
            .collect();
        return on_one_line(&naturals, &headers, &whole_cells, &weights, room);
    }
    // Columns of short cells (numbers, names) on one line, the columns of passages sharing
    // the rest by how much text each holds, when that leaves each passage its narrowest.
    let short: Vec<bool> = longest_cells.iter().map(|&n| n <= SHORT_CELL).collect();
    let short_width = sum_where(&naturals, &short, true);
    let passages_minimum = sum_where(&minimums, &short, false);
    if short.iter().any(|short| !short) && short_width + passages_minimum <= room {
        let left = room - short_width - passages_minimum;
        let total = sum_where(&weights, &short, false).max(1.0);
        return naturals
            .iter()
            .zip(&minimums)
            .zip(&weights)
            .zip(&short)
            .map(|(((natural, minimum), weight), short)| {
                if *short {
                    *natural
                } else {
                    minimum + left * weight / total
                }
            })
            .collect();
    }
    let left = (room - minimums.iter().sum::<f32>()).max(0.0);
    let wanted: f32 = naturals
        .iter()
        .zip(&minimums)
        .map(|(natural, minimum)| natural - minimum)
        .sum::<f32>()
        .max(1.0);
    naturals
        .iter()
        .zip(minimums)
        .map(|(natural, minimum)| minimum + left * (natural - minimum) / wanted)
        .collect()
}

/// Widths when every column's longest cell fits on one line in `room` (`naturals`, a cell
/// longer than a line counted at a line): what is left goes first to the headers that would
/// wrap, each up to its header on one line (`# unique` not broken after its `#`), shared by how
/// much more each wants when not all fit; then to the columns with cells longer than a line,
/// by `weights`, each up to its longest cell on one line (`whole_cells`). No column is wider
/// than that: a table of short cells stays as narrow as they are, not spread across the view.
fn on_one_line(
    naturals: &[f32],
    headers: &[f32],
    whole_cells: &[f32],
    weights: &[f32],
    room: f32,
) -> Vec<f32> {
    let shared = |widths: &[f32], wants: &[f32], left: f32| -> Vec<f32> {
        let wanted: f32 = wants.iter().sum();
        let given = if wanted > 0.0 {
            (left / wanted).min(1.0)
        } else {
            0.0
        };
        widths
            .iter()
            .zip(wants)
            .map(|(width, want)| width + want * given)
            .collect()
    };
    let wants: Vec<f32> = naturals
        .iter()
        .zip(headers)
        .map(|(natural, header)| (header - natural).max(0.0))
        .collect();
    let mut widths = shared(naturals, &wants, room - naturals.iter().sum::<f32>());
    // Shared by weight among the columns that still wrap, none past its longest cell: what
    // one cannot take is offered to the others in turn.
    let mut left = room - widths.iter().sum::<f32>();
    for _ in 0..widths.len() {
        let open: Vec<bool> = widths
            .iter()
            .zip(whole_cells)
            .map(|(width, whole)| whole - width > 0.5)
            .collect();
        let total = sum_where(weights, &open, true);
        if left <= 0.5 || total <= 0.0 {
            break;
        }
        for ((width, whole), (weight, open)) in widths
            .iter_mut()
            .zip(whole_cells)
            .zip(weights.iter().zip(&open))
        {
            if *open {
                let given = (left * weight / total).min(whole - *width);
                *width += given;
            }
        }
        left = room - widths.iter().sum::<f32>();
    }
    widths
}

/// The sum of those of `values` whose place in `marks` is `wanted`.
fn sum_where(values: &[f32], marks: &[bool], wanted: bool) -> f32 {
    values
        .iter()
        .zip(marks)
        .filter(|(_, mark)| **mark == wanted)
        .map(|(value, _)| value)
        .sum()
}

/// What a column holds, as [`column_widths`] shares the width by it.
struct ColumnText {
    /// Its cells' and header's average length, in characters.
    average: f32,
    /// Its longest word (a line may break after a hyphen), in characters, at most 40.
    longest_word: f32,
    /// Its longest cell, in characters.
    longest_cell: usize,
    /// The length of its header's widest line (its own, or one above it over it alone; not
    /// one over several columns), in characters, at most 40.
    header_line: f32,
}

/// What each column of `table` holds. Its header is what it shows (a blank one is named by
/// its place) with any header above it over this column alone; one over several columns
/// wraps across all of them, so it does not widen any one.
fn column_texts(table: &Table) -> Vec<ColumnText> {
    let mut above: Vec<Vec<&str>> = vec![Vec::new(); table.columns.len()];
    for row in table.spanning_header_rows() {
        for cell in row.iter().filter(|c| c.span == 1 && !c.text.is_empty()) {
            if let Some(texts) = above.get_mut(cell.first_column) {
                texts.push(cell.text);
            }
        }
    }
    table
        .columns
        .iter()
        .zip(above)
        .enumerate()
        .map(|(position, (column, mut above))| {
            let own = column.header_with_unit();
            let own = if own.trim().is_empty() {
                super::table_view::place_name(position)
            } else {
                own
            };
            above.push(&own);
            // Its header's widest line: its own, or one above it over this column alone.
            let header_line = above
                .iter()
                .map(|text| text.trim().chars().count())
                .max()
                .unwrap_or(0);
            let header = above.join(" ");
            let cells = table.rows.iter().filter_map(|r| r.cells.get(position));
            let longest_cell = cells
                .clone()
                .map(|cell| cell.trim().chars().count())
                .max()
                .unwrap_or(0);
            let (total, count, longest_word) = cells.chain(std::iter::once(&header)).fold(
                (0usize, 0usize, 0usize),
                |(total, count, longest), cell| {
                    // Lines break at a hyphen too (`Hyperinsulinemic-` / `euglycemic`).
                    let word = cell
                        .split_whitespace()
                        .flat_map(|w| w.split_inclusive('-'))
                        .map(|w| w.chars().count())
                        .max()
                        .unwrap_or(0);
                    (total + cell.chars().count(), count + 1, longest.max(word))
                },
            );
            ColumnText {
                header_line: f32::from(u16::try_from(header_line.min(40)).unwrap_or(40)),
                average: f32::from(u16::try_from(total / count.max(1)).unwrap_or(u16::MAX)),
                longest_word: f32::from(u16::try_from(longest_word.min(40)).unwrap_or(40)),
                longest_cell,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::{headed_table, rows_of};

    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            rows: rows_of(rows),
            ..headed_table(&[], headers)
        }
    }

    /// The width a cell of `chars` characters takes on one line, as `column_widths` counts.
    fn one_line(chars: f32) -> f32 {
        (chars + 1.0) * 14.0 * 0.55 + CELL_GAP
    }

    #[test]
    fn short_numbers_stay_on_one_line_where_a_long_header_can_break_at_its_hyphen() {
        let numbers = table(
            &["", "Time 0", "Hyperinsulinemic-euglycemic Clamp"],
            &[
                &["Control", "114 ± 22 95 (85–151)", "59 ± 11# 48 (40–83)"],
                &["BCAA", "184 ± 29 168 (136–239)", "479 ± 63*† 406 (373–621)"],
            ],
        );
        // Too narrow for every cell on one line beside the header's whole word: the cells keep
        // their lines, the header breaks after its hyphen.
        let widths = column_widths(&numbers, 500.0, 14.0);
        assert!((widths.iter().sum::<f32>() - (500.0 - 3.0 * CELL_GAP)).abs() < 0.5);
        assert!(widths[1] >= one_line(22.0) - 0.5, "{widths:?}");
        assert!(widths[2] >= one_line(24.0) - 0.5, "{widths:?}");
        assert!(widths[2] < one_line(27.0), "{widths:?}");
        // Narrower still, the room goes where the longest cells want it: no column is left
        // at its narrowest while another has more than it needs.
        let narrow = column_widths(&numbers, 400.0, 14.0);
        assert!(
            narrow[2] < one_line(24.0) && narrow[1] < one_line(22.0),
            "{narrow:?}"
        );
        // Room for everything: every cell on one line, the rest shared out.
        let wide = column_widths(&numbers, 1200.0, 14.0);
        assert!(
            wide.iter()
                .zip([7.0, 22.0, 24.0])
                .all(|(w, n)| *w >= one_line(n))
        );
    }

    #[test]
    fn a_table_of_short_cells_is_as_wide_as_they_are_and_long_cells_take_the_room() {
        // timeseriesflattener's three columns of dates and ids in a wide view: each column as
        // wide as its longest cell or header, not spread across the view.
        let dates = table(
            &["datetime", "{value}", "id"],
            &[&["2020-01-01", "5", "1"], &["2020-05-01", "2", "1"]],
        );
        let widths = column_widths(&dates, 1200.0, 14.0);
        for (width, chars) in widths.iter().zip([10.0, 7.0, 2.0]) {
            assert!((width - one_line(chars)).abs() < 0.5, "{widths:?}");
        }
        // A cell longer than a line has the room it can use, up to all of it on one line; a
        // column of short cells beside it stays as it is.
        let long = "a".repeat(60) + " " + &"b".repeat(59);
        let mixed = table(&["Id", "Note"], &[&["1", &long]]);
        let wide = column_widths(&mixed, 1600.0, 14.0);
        assert!((wide[0] - one_line(2.0)).abs() < 0.5, "{wide:?}");
        assert!((wide[1] - one_line(120.0)).abs() < 0.5, "{wide:?}");
        let narrower = column_widths(&mixed, 900.0, 14.0);
        assert!((narrower[0] - one_line(2.0)).abs() < 0.5, "{narrower:?}");
        assert!(
            (narrower.iter().sum::<f32>() - (900.0 - 2.0 * CELL_GAP)).abs() < 0.5,
            "{narrower:?}"
        );
    }

    #[test]
    fn passages_share_what_short_cells_leave() {
        let passage = "Works in partnership with governments, NGOs, and the private sector to \
                       enhance legal frameworks and establish victim support systems.";
        let mixed = table(
            &["Region", "Efforts"],
            &[&["ASEAN", passage], &["Global", passage]],
        );
        let widths = column_widths(&mixed, 500.0, 14.0);
        // The region keeps its name on one line; the passage takes the rest.
        assert!((widths[0] - one_line(6.0)).abs() < 0.5, "{widths:?}");
        assert!((widths[1] - (500.0 - 2.0 * CELL_GAP - one_line(6.0))).abs() < 0.5);
    }

    #[test]
    fn passages_narrow_to_fit_the_space_before_the_table_scrolls_sideways() {
        let passage = "Works in partnership with governments, NGOs, and the private sector to \
                       enhance legal frameworks and establish victim support systems.";
        let passages = table(
            &["Region", "Efforts", "Concept", "Partners", "Sources"],
            &[
                &["ASEAN", passage, passage, passage, passage],
                &["Global", passage, passage, passage, passage],
            ],
        );
        // Four passages at their readable width (here 23 characters a line: a quarter of their
        // average length) are about 800 points: at 700 they are given fewer characters a line
        // (at least 15) and the table fits.
        let widths = column_widths(&passages, 700.0, 14.0);
        assert!((widths.iter().sum::<f32>() - (700.0 - 5.0 * CELL_GAP)).abs() < 0.5);
        assert!(
            widths[1..].iter().all(|w| *w >= one_line(15.0) - 0.5),
            "{widths:?}"
        );
        assert!(widths[1] < one_line(23.0), "{widths:?}");
        // At 500 not even 15 characters fit: each passage keeps its readable width and the
        // table scrolls.
        let narrow = column_widths(&passages, 500.0, 14.0);
        assert!(
            narrow[1..]
                .iter()
                .all(|w| (*w - one_line(23.0)).abs() < 3.0),
            "{narrow:?}"
        );
        assert!(narrow.iter().sum::<f32>() > 500.0);
        // With room, they keep it and more.
        let wide = column_widths(&passages, 1400.0, 14.0);
        assert!(wide[1..].iter().all(|w| *w >= one_line(22.0)), "{wide:?}");
    }

    #[test]
    fn a_header_over_several_columns_does_not_widen_each_and_short_headers_keep_one_line() {
        let mut counts = table(
            &["# unique", "# E", "# Q", "# N"],
            &[&["428", "271", "113", "68"], &["4", "1", "0", "3"]],
        );
        counts.header_rows = headed_table(
            &[
                &[("", 1), ("Essentiality", 3)],
                &[("# unique", 1), ("# E", 1), ("# Q", 1), ("# N", 1)],
            ],
            &[],
        )
        .header_rows;
        let widths = column_widths(&counts, 600.0, 14.0);
        // "# unique" on one line, not broken after its "#".
        assert!(widths[0] >= one_line(8.0) - 0.5, "{widths:?}");
        // "Essentiality" wraps across its three columns: none is widened to hold it alone.
        assert!(
            widths[1..].iter().all(|w| (*w - widths[1]).abs() < 0.5),
            "{widths:?}"
        );
        let narrow = column_widths(&counts, 200.0, 14.0);
        assert!(narrow[1] < one_line(12.0), "{narrow:?}");
        // A header above one column alone is that column's to hold on one line too.
        counts.header_rows[0][0].text = "Unique genes".to_owned();
        let widths = column_widths(&counts, 280.0, 14.0);
        assert!(widths[0] >= one_line(12.0) - 0.5, "{widths:?}");
    }
}

//! Entities, cases, regions, tables, figures and editorial notes: their texts, and what their
//! declared links cannot say (a table's shape, notes about a series point).

use std::collections::HashSet;

use super::{Sink, require_text, unknown_id};
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath};
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::model::{CorpusFile, Entity, NoteTarget};

/// Every entity has a name and a description, and a `since` that is a plausible year.
pub(super) fn check_entities(file: &CorpusFile, out: &mut Sink) {
    for (i, entity) in file.entities.iter().enumerate() {
        let path = JsonPath::root().key("entities").index(i);
        require_text(&entity.name, "an entity's name", path.key("name"), out);
        require_text(
            &entity.description,
            "an entity's description",
            path.key("description"),
            out,
        );
        if let Some(since) = entity.since.filter(|y| !Entity::SINCE_YEARS.contains(y)) {
            out.push(
                Diagnostic::warning(
                    Code::EntitySince,
                    format!(
                        "entity `{}` began in {since}, which is not a year from {} to {}",
                        entity.id,
                        Entity::SINCE_YEARS.start(),
                        Entity::SINCE_YEARS.end()
                    ),
                    "write the year it began as four digits, e.g. `\"since\": 2000`, or leave \
                     `since` out; the citation check ignores it meanwhile",
                )
                .at(path.key("since")),
            );
        }
    }
}

/// Every case has a title and a summary.
pub(super) fn check_cases(file: &CorpusFile, out: &mut Sink) {
    for (i, case) in file.cases.iter().enumerate() {
        let path = JsonPath::root().key("cases").index(i);
        require_text(&case.title, "a case's title", path.key("title"), out);
        require_text(&case.summary, "a case's summary", path.key("summary"), out);
    }
}

/// Every region has a name.
pub(super) fn check_regions(file: &CorpusFile, out: &mut Sink) {
    for (i, region) in file.regions.iter().enumerate() {
        let path = JsonPath::root().key("regions").index(i);
        require_text(&region.name, "a region's name", path.key("name"), out);
    }
}

/// Every table has columns with ids and headers, header rows that span exactly its columns,
/// and rows with one cell per column.
pub(super) fn check_tables(file: &CorpusFile, out: &mut Sink) {
    for (i, table) in file.tables.iter().enumerate() {
        let path = JsonPath::root().key("tables").index(i);
        let columns = table.columns.len();
        if columns == 0 {
            out.push(
                Diagnostic::error(
                    Code::EmptyText,
                    format!("table `{}` has no columns", table.id),
                    "list the table's columns: `\"columns\": [{\"id\": \"region\", \"header\": \"Region\"}, …]`",
                )
                .at(path.key("columns")),
            );
        }
        let mut column_ids = HashSet::new();
        for (j, column) in table.columns.iter().enumerate() {
            let column_path = path.key("columns").index(j);
            if column.id.trim().is_empty() {
                require_text(&column.id, "a column's id", column_path.key("id"), out);
            } else if !column_ids.insert(column.id.as_str()) {
                out.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        format!(
                            "table `{}` has two columns with the id `{}`",
                            table.id, column.id
                        ),
                        "give each column of a table its own id",
                    )
                    .at(column_path.key("id")),
                );
            }
        }
        for (j, header_row) in table.header_rows.iter().enumerate() {
            let spanned: u64 = header_row.iter().map(|c| u64::from(c.span)).sum();
            if spanned != columns as u64 {
                out.push(
                    Diagnostic::error(
                        Code::HeaderSpan,
                        format!(
                            "header row {} of table `{}` spans {spanned} columns, but the table has {columns}",
                            j + 1,
                            table.id
                        ),
                        "make the cells' `span`s add up to the number of columns (a blank cell is `{\"text\": \"\"}`)",
                    )
                    .at(path.key("header_rows").index(j)),
                );
            }
        }
        for (j, row) in table.rows.iter().enumerate() {
            if row.cells.len() != columns {
                out.push_with(Code::CellCount, true, || {
                    Diagnostic::error(
                        Code::CellCount,
                        format!(
                            "row `{}` of table `{}` has {} cells, but the table has {columns} columns",
                            row.id,
                            table.id,
                            row.cells.len()
                        ),
                        "give the row one cell per column, in column order (an empty cell is `\"\"`)",
                    )
                    .at(path.key("rows").index(j).key("cells"))
                });
            }
        }
    }
}

/// Every figure has a label or a caption.
pub(super) fn check_figures(file: &CorpusFile, out: &mut Sink) {
    for (i, figure) in file.figures.iter().enumerate() {
        if figure.label.trim().is_empty() && figure.caption.trim().is_empty() {
            out.push(
                Diagnostic::error(
                    Code::EmptyText,
                    format!("figure `{}` has neither a label nor a caption", figure.id),
                    "give the label as printed (`\"Figure 1\"`) and the caption",
                )
                .at(JsonPath::root().key("figures").index(i).key("caption")),
            );
        }
    }
}

/// Every note has a text, and a note about a series point names a series and one of its years.
pub(super) fn check_notes(file: &CorpusFile, ids: &IdMaps<'_>, out: &mut Sink) {
    // The years each series has (the first series with an id), looked up, not searched, so
    // very many notes stay linear.
    let mut point_years: HashSet<(usize, i32)> = HashSet::new();
    for (i, series) in file.series.iter().enumerate() {
        point_years.extend(series.points.iter().map(|p| (i, p.year)));
    }
    for (i, note) in file.notes.iter().enumerate() {
        let path = JsonPath::root().key("notes").index(i);
        require_text(&note.text, "a note's text", path.key("text"), out);
        for (j, target) in note.about.iter().enumerate() {
            let NoteTarget::SeriesPoint { series, year } = target else {
                continue;
            };
            let point_path = path.key("about").index(j).key("series_point");
            match ids.position(ItemKind::Series, series) {
                None => out.push(unknown_id(
                    ItemKind::Series,
                    Code::UnknownSeries,
                    series,
                    point_path.key("series"),
                    ids,
                )),
                Some(found) if !point_years.contains(&(found, *year)) => out.push(
                    Diagnostic::error(
                        Code::UnknownSeries,
                        format!("series `{series}` has no point for {year}"),
                        "name a year the series has a point for",
                    )
                    .at(point_path.key("year")),
                ),
                Some(_) => {}
            }
        }
    }
}

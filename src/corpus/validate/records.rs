//! Entities, cases, the regional table and editorial notes: their texts, and what their
//! declared links cannot say (the table's place in the text, notes about a series point).

use std::collections::HashSet;

use super::{Sink, require_text, unknown_id};
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath};
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::model::{CorpusFile, NoteTarget};

/// Every entity has a name and a description.
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

/// The table's place in the text names a section and a paragraph that exist; regions have
/// names and rows their two text cells.
pub(super) fn check_table(file: &CorpusFile, ids: &IdMaps<'_>, out: &mut Sink) {
    let table = JsonPath::root().key("regional_table");
    if let Some(section) = &file.regional_table.section
        && !ids.contains(ItemKind::Section, section)
    {
        out.push(unknown_id(
            ItemKind::Section,
            Code::UnknownSection,
            section,
            table.key("section"),
        ));
    }
    if let Some(paragraph) = &file.regional_table.after_paragraph
        && !ids.contains(ItemKind::Paragraph, paragraph)
    {
        out.push(unknown_id(
            ItemKind::Paragraph,
            Code::UnknownParagraph,
            paragraph,
            table.key("after_paragraph"),
        ));
    }
    for (i, region) in file.regional_table.regions.iter().enumerate() {
        require_text(
            &region.name,
            "a region's name",
            table.key("regions").index(i).key("name"),
            out,
        );
    }
    for (i, row) in file.regional_table.rows.iter().enumerate() {
        let path = table.key("rows").index(i);
        require_text(
            &row.cooperating_entities,
            "the Cooperating Entities cell",
            path.key("cooperating_entities"),
            out,
        );
        require_text(
            &row.cooperative_efforts,
            "the Cooperative Efforts cell",
            path.key("cooperative_efforts"),
            out,
        );
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

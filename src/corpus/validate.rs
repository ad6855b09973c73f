//! Validation: every rule a well-formed corpus keeps, checked all at once.
//!
//! [`validate`] never stops at the first problem: it returns every error and warning it finds,
//! each with a stable code, a JSON path and a hint.

use std::collections::{HashMap, HashSet};

use super::citations::{self, Piece};
use super::diagnostics::{Code, Diagnostic, JsonPath};
use super::model::{CSL_ITEM_TYPES, CorpusFile, FORMAT_V1, NoteTarget, PointStatus};

/// The most diagnostics [`validate`] lists; the rest are counted in one last diagnostic, so a
/// file with millions of problems is reported in bounded time and memory.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// Where diagnostics are collected: the first [`MAX_DIAGNOSTICS`] are kept, the rest counted.
#[derive(Default)]
struct Sink {
    list: Vec<Diagnostic>,
    dropped: usize,
    dropped_error: bool,
    first_dropped: Option<Code>,
}

impl Sink {
    fn push(&mut self, diagnostic: Diagnostic) {
        if self.list.len() < MAX_DIAGNOSTICS {
            self.list.push(diagnostic);
        } else {
            self.dropped += 1;
            self.dropped_error |= diagnostic.is_error();
            self.first_dropped.get_or_insert(diagnostic.code);
        }
    }

    /// The kept diagnostics, and one more saying how many were left out (an error when any of
    /// them was, so a corpus with errors never loads).
    fn finish(mut self) -> Vec<Diagnostic> {
        if let Some(code) = self.first_dropped {
            let message = format!(
                "{} more problems (the first of them `{code}`) are not listed; paperlens lists the first {MAX_DIAGNOSTICS}",
                self.dropped
            );
            let hint = "fix the problems listed and check again";
            self.list.push(if self.dropped_error {
                Diagnostic::error(code, message, hint)
            } else {
                Diagnostic::warning(code, message, hint)
            });
        }
        self.list
    }
}

/// The ids of one kind of record, with the path of each.
struct IdSet<'a> {
    ids: HashMap<&'a str, JsonPath>,
}

impl<'a> IdSet<'a> {
    /// Collects ids, reporting empty and duplicate ones.
    fn collect(
        kind: &str,
        records: impl Iterator<Item = (&'a str, JsonPath)>,
        out: &mut Sink,
    ) -> Self {
        let mut ids: HashMap<&'a str, JsonPath> = HashMap::new();
        for (id, path) in records {
            let id_path = path.key("id");
            if id.trim().is_empty() {
                out.push(
                    Diagnostic::error(
                        Code::EmptyText,
                        format!("a {kind} has an empty id"),
                        format!("give every {kind} a short, unique id such as `{kind}-1`"),
                    )
                    .at(id_path),
                );
                continue;
            }
            if let Some(first) = ids.get(id) {
                out.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        format!("{kind} id `{id}` is used twice (first at {first})"),
                        format!("rename one of them; {kind} ids must be unique"),
                    )
                    .at(id_path),
                );
            } else {
                ids.insert(id, path);
            }
        }
        Self { ids }
    }

    fn contains(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// Reports `id` at `path` if it is not in this set.
    fn check_link(&self, id: &str, code: Code, kind: &str, path: JsonPath, out: &mut Sink) {
        if !self.contains(id) {
            out.push(
                Diagnostic::error(
                    code,
                    format!("no {kind} has the id `{id}`"),
                    format!("use the id of an existing {kind}, or add a {kind} with this id"),
                )
                .at(path),
            );
        }
    }
}

/// Checks every rule of the format and returns all problems found.
#[must_use]
pub fn validate(file: &CorpusFile) -> Vec<Diagnostic> {
    let mut out = Sink::default();
    let root = JsonPath::root();

    if file.format != FORMAT_V1 {
        out.push(
            Diagnostic::error(
                Code::UnsupportedFormat,
                format!("unsupported format `{}`", file.format),
                format!("this version of paperlens reads `\"format\": \"{FORMAT_V1}\"`"),
            )
            .at(root.key("format")),
        );
    }
    require_text(
        &file.paper.title,
        "the paper's title",
        root.key("paper").key("title"),
        &mut out,
    );

    // Ids of every kind.
    let sections = IdSet::collect(
        "section",
        file.sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), root.key("sections").index(i))),
        &mut out,
    );
    let paragraphs = IdSet::collect(
        "paragraph",
        file.sections.iter().enumerate().flat_map(|(i, s)| {
            s.paragraphs.iter().enumerate().map(move |(j, p)| {
                (
                    p.id.as_str(),
                    JsonPath::root()
                        .key("sections")
                        .index(i)
                        .key("paragraphs")
                        .index(j),
                )
            })
        }),
        &mut out,
    );
    let references = IdSet::collect(
        "reference",
        file.references
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), root.key("references").index(i))),
        &mut out,
    );
    let entities = IdSet::collect(
        "entity",
        file.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), root.key("entities").index(i))),
        &mut out,
    );
    let cases = IdSet::collect(
        "case",
        file.cases
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), root.key("cases").index(i))),
        &mut out,
    );
    let table = root.key("regional_table");
    let regions = IdSet::collect(
        "region",
        file.regional_table
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), table.key("regions").index(i))),
        &mut out,
    );
    let rows = IdSet::collect(
        "table row",
        file.regional_table
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), table.key("rows").index(i))),
        &mut out,
    );
    let series_ids = IdSet::collect(
        "series",
        file.series
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), root.key("series").index(i))),
        &mut out,
    );
    IdSet::collect(
        "note",
        file.notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), root.key("notes").index(i))),
        &mut out,
    );

    check_sections(file, &sections, &mut out);
    check_references(file, &mut out);
    // Only paragraphs that series quotes point into need their printed text.
    let quoted: HashSet<&str> = file
        .series
        .iter()
        .flat_map(|series| {
            series.points.iter().map(|p| p.paragraph.as_str()).chain(
                series
                    .annotations
                    .iter()
                    .filter_map(|a| a.paragraph.as_deref()),
            )
        })
        .collect();
    let printed = check_citations(file, &references, &quoted, &mut out);

    for (i, entity) in file.entities.iter().enumerate() {
        let path = root.key("entities").index(i);
        require_text(&entity.name, "an entity's name", path.key("name"), &mut out);
        require_text(
            &entity.description,
            "an entity's description",
            path.key("description"),
            &mut out,
        );
        for (j, region) in entity.regions.iter().enumerate() {
            regions.check_link(
                region,
                Code::UnknownRegion,
                "region",
                path.key("regions").index(j),
                &mut out,
            );
        }
    }

    for (i, case) in file.cases.iter().enumerate() {
        let path = root.key("cases").index(i);
        require_text(&case.title, "a case's title", path.key("title"), &mut out);
        require_text(
            &case.summary,
            "a case's summary",
            path.key("summary"),
            &mut out,
        );
        regions.check_link(
            &case.region,
            Code::UnknownRegion,
            "region",
            path.key("region"),
            &mut out,
        );
        for (j, id) in case.paragraphs.iter().enumerate() {
            paragraphs.check_link(
                id,
                Code::UnknownParagraph,
                "paragraph",
                path.key("paragraphs").index(j),
                &mut out,
            );
        }
        for (j, id) in case.references.iter().enumerate() {
            references.check_link(
                id,
                Code::UnknownReference,
                "reference",
                path.key("references").index(j),
                &mut out,
            );
        }
        for (j, id) in case.entities.iter().enumerate() {
            entities.check_link(
                id,
                Code::UnknownEntity,
                "entity",
                path.key("entities").index(j),
                &mut out,
            );
        }
    }

    if let Some(section) = &file.regional_table.section {
        sections.check_link(
            section,
            Code::UnknownSection,
            "section",
            table.key("section"),
            &mut out,
        );
    }
    if let Some(paragraph) = &file.regional_table.after_paragraph {
        paragraphs.check_link(
            paragraph,
            Code::UnknownParagraph,
            "paragraph",
            table.key("after_paragraph"),
            &mut out,
        );
    }
    for (i, region) in file.regional_table.regions.iter().enumerate() {
        require_text(
            &region.name,
            "a region's name",
            table.key("regions").index(i).key("name"),
            &mut out,
        );
    }
    for (i, row) in file.regional_table.rows.iter().enumerate() {
        let path = table.key("rows").index(i);
        regions.check_link(
            &row.region,
            Code::UnknownRegion,
            "region",
            path.key("region"),
            &mut out,
        );
        require_text(
            &row.cooperating_entities,
            "the Cooperating Entities cell",
            path.key("cooperating_entities"),
            &mut out,
        );
        require_text(
            &row.cooperative_efforts,
            "the Cooperative Efforts cell",
            path.key("cooperative_efforts"),
            &mut out,
        );
        for (j, id) in row.entities.iter().enumerate() {
            entities.check_link(
                id,
                Code::UnknownEntity,
                "entity",
                path.key("entities").index(j),
                &mut out,
            );
        }
        for (j, id) in row.references.iter().enumerate() {
            references.check_link(
                id,
                Code::UnknownReference,
                "reference",
                path.key("references").index(j),
                &mut out,
            );
        }
    }

    check_series(file, &paragraphs, &references, &printed, &mut out);

    // The first series with each id, and the years each series has, for notes about points
    // (looked up, not searched, so very many notes stay linear).
    let mut first_series: HashMap<&str, usize> = HashMap::new();
    let mut point_years: HashSet<(usize, i32)> = HashSet::new();
    for (i, series) in file.series.iter().enumerate() {
        first_series.entry(series.id.as_str()).or_insert(i);
        point_years.extend(series.points.iter().map(|p| (i, p.year)));
    }
    for (i, note) in file.notes.iter().enumerate() {
        let path = root.key("notes").index(i);
        require_text(&note.text, "a note's text", path.key("text"), &mut out);
        for (j, target) in note.about.iter().enumerate() {
            let target_path = path.key("about").index(j);
            match target {
                NoteTarget::Reference(id) => references.check_link(
                    id,
                    Code::UnknownReference,
                    "reference",
                    target_path.key("reference"),
                    &mut out,
                ),
                NoteTarget::Paragraph(id) => paragraphs.check_link(
                    id,
                    Code::UnknownParagraph,
                    "paragraph",
                    target_path.key("paragraph"),
                    &mut out,
                ),
                NoteTarget::Series(id) => series_ids.check_link(
                    id,
                    Code::UnknownSeries,
                    "series",
                    target_path.key("series"),
                    &mut out,
                ),
                NoteTarget::SeriesPoint { series, year } => {
                    let point_path = target_path.key("series_point");
                    match first_series.get(series.as_str()) {
                        None => series_ids.check_link(
                            series,
                            Code::UnknownSeries,
                            "series",
                            point_path.key("series"),
                            &mut out,
                        ),
                        Some(&found) if !point_years.contains(&(found, *year)) => out.push(
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
                NoteTarget::Case(id) => cases.check_link(
                    id,
                    Code::UnknownCase,
                    "case",
                    target_path.key("case"),
                    &mut out,
                ),
                NoteTarget::Entity(id) => entities.check_link(
                    id,
                    Code::UnknownEntity,
                    "entity",
                    target_path.key("entity"),
                    &mut out,
                ),
                NoteTarget::TableRow(id) => rows.check_link(
                    id,
                    Code::UnknownTableRow,
                    "table row",
                    target_path.key("table_row"),
                    &mut out,
                ),
            }
        }
    }
    out.finish()
}

fn require_text(text: &str, what: &str, path: JsonPath, out: &mut Sink) {
    if text.trim().is_empty() {
        out.push(
            Diagnostic::error(
                Code::EmptyText,
                format!("{what} is empty"),
                "write the text, or remove the record if it is not needed",
            )
            .at(path),
        );
    }
}

fn check_sections(file: &CorpusFile, sections: &IdSet<'_>, out: &mut Sink) {
    let parents: HashMap<&str, &str> = file
        .sections
        .iter()
        .filter_map(|s| s.parent.as_deref().map(|p| (s.id.as_str(), p)))
        .collect();
    let endless = endless_chains(&parents);
    for (i, section) in file.sections.iter().enumerate() {
        let path = JsonPath::root().key("sections").index(i);
        require_text(&section.title, "a section's title", path.key("title"), out);
        for (j, paragraph) in section.paragraphs.iter().enumerate() {
            require_text(
                &paragraph.text,
                "a paragraph's text",
                path.key("paragraphs").index(j).key("text"),
                out,
            );
        }
        let Some(parent) = &section.parent else {
            continue;
        };
        if !sections.contains(parent) {
            sections.check_link(
                parent,
                Code::UnknownSection,
                "section",
                path.key("parent"),
                out,
            );
            continue;
        }
        // A section that is its own parent is reported once, not again as an ancestor.
        if parent == &section.id {
            out.push(
                Diagnostic::error(
                    Code::SectionCycle,
                    format!("section `{}` is its own parent", section.id),
                    "remove `parent`, or name the enclosing section",
                )
                .at(path.key("parent")),
            );
            continue;
        }
        // Following parents from here never reaches a top-level section: a cycle.
        if endless.contains(parent.as_str()) {
            out.push(
                Diagnostic::error(
                    Code::SectionCycle,
                    format!(
                        "section `{}` is its own ancestor through `parent`",
                        section.id
                    ),
                    "make `parent` point to an enclosing section, never to a descendant",
                )
                .at(path.key("parent")),
            );
        }
    }
}

/// The ids from which following `parents` never ends (ids on a cycle, or leading into one).
/// Each id is walked once, so a long chain of sections stays linear.
fn endless_chains<'a>(parents: &HashMap<&'a str, &'a str>) -> HashSet<&'a str> {
    let mut endless: HashSet<&str> = HashSet::new();
    let mut ends: HashSet<&str> = HashSet::new();
    for &start in parents.keys() {
        let mut path: Vec<&str> = Vec::new();
        let mut on_path: HashSet<&str> = HashSet::new();
        let mut current = start;
        let is_endless = loop {
            if endless.contains(current) || on_path.contains(current) {
                break true;
            }
            if ends.contains(current) {
                break false;
            }
            path.push(current);
            on_path.insert(current);
            match parents.get(current) {
                Some(&parent) => current = parent,
                None => break false,
            }
        };
        if is_endless {
            endless.extend(path);
        } else {
            ends.extend(path);
        }
    }
    endless
}

fn check_references(file: &CorpusFile, out: &mut Sink) {
    let mut numbers: HashMap<u32, &str> = HashMap::new();
    for (i, reference) in file.references.iter().enumerate() {
        let path = JsonPath::root().key("references").index(i);
        if reference.title.trim().is_empty() {
            out.push(
                Diagnostic::warning(
                    Code::EmptyText,
                    format!("reference `{}` has no title", reference.id),
                    "add the title as the reference list prints it",
                )
                .at(path.clone()),
            );
        }
        if !CSL_ITEM_TYPES.contains(&reference.item_type.as_str()) {
            out.push(
                Diagnostic::warning(
                    Code::UnknownCslType,
                    format!(
                        "reference `{}` has type `{}`, which is not a CSL item type; citation styles will format it as a generic work",
                        reference.id, reference.item_type
                    ),
                    nearest_csl_type(&reference.item_type).map_or_else(
                        || "use a CSL 1.0.2 item type: `article-journal`, `book`, `chapter`, `report`, `thesis`, `webpage` …".to_owned(),
                        |nearest| format!("did you mean `{nearest}`?"),
                    ),
                )
                .at(path.key("type")),
            );
        }
        if let Some(number) = reference.citation_number {
            if let Some(first) = numbers.get(&number) {
                out.push(
                    Diagnostic::error(
                        Code::DuplicateCitationNumber,
                        format!(
                            "citation number {number} is used by `{first}` and `{}`",
                            reference.id
                        ),
                        "give each reference the number the paper prints for it",
                    )
                    .at(path.key("citation-number")),
                );
            } else {
                numbers.insert(number, &reference.id);
            }
        }
    }
}

/// The CSL item type `written` is most likely a slip for (`boook`, `Book`, `article_journal`),
/// if one is close enough to suggest.
fn nearest_csl_type(written: &str) -> Option<&'static str> {
    // The longest type has 22 characters; a long text is no slip for one (and comparing it
    // with every type would take time in proportion to its length).
    if written.len() > 40 {
        return None;
    }
    let written = written.trim().to_lowercase();
    CSL_ITEM_TYPES
        .iter()
        .map(|&known| (strsim::jaro_winkler(&written, known), known))
        .filter(|&(similarity, _)| similarity >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, known)| known)
}

/// Checks every citation in the text; returns the printed text of each paragraph by id.
fn check_citations<'a>(
    file: &'a CorpusFile,
    references: &IdSet<'_>,
    quoted: &HashSet<&str>,
    out: &mut Sink,
) -> HashMap<&'a str, String> {
    let numbers: HashMap<&str, u32> = file
        .references
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                r.id.as_str(),
                r.citation_number
                    .unwrap_or(u32::try_from(i + 1).unwrap_or(u32::MAX)),
            )
        })
        .collect();
    let mut cited: HashSet<&str> = HashSet::new();
    let mut printed = HashMap::new();
    for (i, section) in file.sections.iter().enumerate() {
        for (j, paragraph) in section.paragraphs.iter().enumerate() {
            let path = JsonPath::root()
                .key("sections")
                .index(i)
                .key("paragraphs")
                .index(j)
                .key("text");
            let (pieces, errors) = citations::parse(&paragraph.text);
            for error in errors {
                let snippet: String = paragraph
                    .text
                    .get(error.offset..)
                    .unwrap_or_default()
                    .chars()
                    .take(12)
                    .collect();
                out.push(
                    Diagnostic::error(
                        Code::MalformedCitation,
                        error.message,
                        "write citations as `[@key]`, or `[@a; @b]` for a group",
                    )
                    .at(path.clone())
                    .within(snippet),
                );
            }
            let wanted = quoted.contains(paragraph.id.as_str());
            let mut text = String::with_capacity(if wanted { paragraph.text.len() } else { 0 });
            for piece in &pieces {
                match piece {
                    Piece::Text(t) if wanted => text.push_str(t),
                    Piece::Text(_) => {}
                    Piece::Group { keys, .. } => {
                        for key in keys {
                            if references.contains(key) {
                                cited.insert(key);
                            } else {
                                out.push(
                                    Diagnostic::error(
                                        Code::UnknownCitationKey,
                                        format!("citation `@{key}` names no reference"),
                                        "add a reference with this id, or fix the key to match one in `references`",
                                    )
                                    .at(path.clone())
                                    .within(format!("@{key}")),
                                );
                            }
                        }
                        if wanted {
                            text.push_str(&citations::printed_form(keys, |k| {
                                numbers.get(k).copied()
                            }));
                        }
                    }
                }
            }
            if wanted {
                printed.insert(paragraph.id.as_str(), text);
            }
        }
    }
    // A bibliography opened on its own has no text to cite from.
    let has_text = file.sections.iter().any(|s| !s.paragraphs.is_empty());
    for (i, reference) in file.references.iter().enumerate() {
        if has_text && !reference.id.is_empty() && !cited.contains(reference.id.as_str()) {
            out.push(
                Diagnostic::warning(
                    Code::UncitedReference,
                    format!("reference `{}` is never cited in the text", reference.id),
                    format!(
                        "cite it with `[@{}]` where the paper does, or remove it",
                        reference.id
                    ),
                )
                .at(JsonPath::root().key("references").index(i).key("id")),
            );
        }
    }
    printed
}

fn check_series(
    file: &CorpusFile,
    paragraphs: &IdSet<'_>,
    references: &IdSet<'_>,
    printed: &HashMap<&str, String>,
    out: &mut Sink,
) {
    let check_quote = |quote: &str, paragraph: &str, path: JsonPath, out: &mut Sink| {
        if let Some(text) = printed.get(paragraph)
            && !quote.is_empty()
            && !text.contains(quote)
        {
            out.push(
                    Diagnostic::warning(
                        Code::QuoteNotFound,
                        format!("the quote does not occur in paragraph `{paragraph}`"),
                        "copy the sentence verbatim from the paragraph, citations as the paper prints them ([1])",
                    )
                    .at(path),
                );
        }
    };
    for (i, series) in file.series.iter().enumerate() {
        let path = JsonPath::root().key("series").index(i);
        require_text(&series.title, "a series' title", path.key("title"), out);
        require_text(&series.unit, "a series' unit", path.key("unit"), out);
        require_text(&series.source, "a series' source", path.key("source"), out);
        for (j, id) in series.references.iter().enumerate() {
            references.check_link(
                id,
                Code::UnknownReference,
                "reference",
                path.key("references").index(j),
                out,
            );
        }
        if let Some(id) = &series.figure_paragraph {
            paragraphs.check_link(
                id,
                Code::UnknownParagraph,
                "paragraph",
                path.key("figure_paragraph"),
                out,
            );
        }
        let mut previous: Option<i32> = None;
        let mut years = HashSet::new();
        for (j, point) in series.points.iter().enumerate() {
            let point_path = path.key("points").index(j);
            if !years.insert(point.year) {
                out.push(
                    Diagnostic::error(
                        Code::SeriesYearDuplicate,
                        format!("series `{}` has {} twice", series.id, point.year),
                        "keep one point per year",
                    )
                    .at(point_path.key("year")),
                );
            } else if previous.is_some_and(|p| p > point.year) {
                out.push(
                    Diagnostic::error(
                        Code::SeriesYearOrder,
                        format!(
                            "series `{}`: {} comes after a later year",
                            series.id, point.year
                        ),
                        "list the points in ascending year order",
                    )
                    .at(point_path.key("year")),
                );
            }
            previous = Some(previous.map_or(point.year, |p| p.max(point.year)));
            match (point.status, point.value) {
                (PointStatus::NotStated, Some(value)) => out.push(
                    Diagnostic::error(
                        Code::ValueOnNotStated,
                        format!("{} is marked not stated but has the value {value}", point.year),
                        "set `value` to null, or set `status` to `stated` or `approximate` if the text gives it",
                    )
                    .at(point_path.key("value")),
                ),
                (PointStatus::Stated | PointStatus::Approximate, None) => out.push(
                    Diagnostic::error(
                        Code::MissingValue,
                        format!("{} is marked {} but has no value", point.year, point.status.label()),
                        "give the value the text states, or set `status` to `not_stated`",
                    )
                    .at(point_path.key("value")),
                ),
                _ => {}
            }
            require_text(
                &point.quote,
                "a point's quote",
                point_path.key("quote"),
                out,
            );
            paragraphs.check_link(
                &point.paragraph,
                Code::UnknownParagraph,
                "paragraph",
                point_path.key("paragraph"),
                out,
            );
            check_quote(&point.quote, &point.paragraph, point_path.key("quote"), out);
        }
        for (j, annotation) in series.annotations.iter().enumerate() {
            let annotation_path = path.key("annotations").index(j);
            require_text(
                &annotation.label,
                "an annotation's label",
                annotation_path.key("label"),
                out,
            );
            if annotation.to_year < annotation.from_year {
                out.push(
                    Diagnostic::error(
                        Code::AnnotationRange,
                        format!(
                            "annotation `{}` ends ({}) before it starts ({})",
                            annotation.label, annotation.to_year, annotation.from_year
                        ),
                        "swap `from_year` and `to_year`",
                    )
                    .at(annotation_path.key("to_year")),
                );
            }
            if let Some(id) = &annotation.paragraph {
                paragraphs.check_link(
                    id,
                    Code::UnknownParagraph,
                    "paragraph",
                    annotation_path.key("paragraph"),
                    out,
                );
                check_quote(&annotation.quote, id, annotation_path.key("quote"), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::nearest_csl_type;

    #[test]
    fn a_slip_in_a_csl_type_suggests_the_type_meant() {
        assert_eq!(nearest_csl_type("boook"), Some("book"));
        assert_eq!(nearest_csl_type("Book"), Some("book"));
        assert_eq!(nearest_csl_type("article_journal"), Some("article-journal"));
        assert_eq!(nearest_csl_type("artcle-journal"), Some("article-journal"));
        assert_eq!(nearest_csl_type("webpge"), Some("webpage"));
        // Nothing is suggested for a word that is not close to any type.
        assert_eq!(nearest_csl_type("zzz"), None);
        assert_eq!(nearest_csl_type(""), None);
        assert_eq!(nearest_csl_type(&"book".repeat(1_000_000)), None);
    }
}

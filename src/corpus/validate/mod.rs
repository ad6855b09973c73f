//! Validation: every rule a well-formed corpus keeps, checked all at once.
//!
//! [`validate`] never stops at the first problem: it returns every error and warning it finds,
//! each with a stable code, a JSON path and a hint. Ids and links are checked for every kind
//! from its declaration ([`crate::corpus::kinds::KINDS`]); each kind's own rules are in the
//! module named after it.

mod csl_fields;
mod footnotes;
mod names;
mod records;
mod references;
mod sections;
mod series;
mod tour;

pub use tour::{TourTargets, check_steps, check_tour_of};

use std::collections::HashSet;

use super::diagnostics::{Code, Diagnostic, JsonPath};
use super::index::{TextPass, reference_numbers};
use super::item::ItemKind;
use super::kinds::{IdMaps, Ids, KINDS};
use super::model::{CorpusFile, FORMAT_V1, FORMAT_V2};
use super::text::nearest_word;

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

    /// Pushes the diagnostic `make` builds, or only counts it when the list is full (so very
    /// many problems of one kind are not each worded).
    fn push_with(&mut self, code: Code, is_error: bool, make: impl FnOnce() -> Diagnostic) {
        if self.list.len() < MAX_DIAGNOSTICS {
            self.list.push(make());
        } else {
            self.dropped += 1;
            self.dropped_error |= is_error;
            self.first_dropped.get_or_insert(code);
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

/// Checks every rule of the format and returns all problems found.
#[must_use]
pub fn validate(file: &CorpusFile) -> Vec<Diagnostic> {
    let ids = IdMaps::new(file);
    let text = TextPass::run(file, &ids, &reference_numbers(file));
    validate_with(file, &ids, &text)
}

/// [`validate`] with the ids collected and the text read already (the index uses them too).
#[must_use]
pub fn validate_with(file: &CorpusFile, ids: &IdMaps<'_>, text: &TextPass<'_>) -> Vec<Diagnostic> {
    let mut out = Sink::default();
    let root = JsonPath::root();

    if file.format != FORMAT_V2 {
        out.push(
            Diagnostic::error(
                Code::UnsupportedFormat,
                format!("unsupported format `{}`", file.format),
                format!(
                    "this version of paperlens reads `\"format\": \"{FORMAT_V2}\"` (and `{FORMAT_V1}`, which it migrates)"
                ),
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
    let duplicates = check_ids(file, ids, &mut out);

    sections::check_sections(file, ids, &mut out);
    references::check_references(file, &mut out);
    csl_fields::check_csl_fields(file, &mut out);
    names::check_names(file, &mut out);
    // Only paragraphs that series quotes point into need their printed text.
    let quoted: HashSet<&str> = file
        .series
        .iter()
        .flat_map(|series| {
            series
                .points
                .iter()
                .filter_map(|p| p.paragraph.as_deref())
                .chain(
                    series
                        .annotations
                        .iter()
                        .filter_map(|a| a.paragraph.as_deref()),
                )
        })
        .collect();
    let mut printed = references::check_citations(file, ids, text, &quoted, &mut out);
    // A quote in a paragraph whose id is used twice cannot be checked: which one is meant is
    // the duplicate-id error's to say.
    printed.retain(|id, _| !duplicates.has(ItemKind::Paragraph, id));
    footnotes::check_footnotes(file, ids, text, &mut out);
    records::check_entities(file, &mut out);
    records::check_cases(file, &mut out);
    records::check_regions(file, &mut out);
    records::check_tables(file, &mut out);
    records::check_figures(file, &mut out);
    series::check_series(file, ids, &printed, &mut out);
    records::check_notes(file, ids, &mut out);
    check_links(file, ids, &duplicates, &mut out);
    let paragraph = |position: usize| {
        text.paragraphs
            .get(position)
            .map(|read| (read.info.printed.as_str(), read.citations.len()))
    };
    let targets = TourTargets {
        file,
        ids,
        paragraph: &paragraph,
    };
    for diagnostic in check_steps(&file.tour, &root.key("tour"), &targets) {
        out.push(diagnostic);
    }
    out.finish()
}

/// The ids used twice, by kind, and where their duplicate-id errors are in the list: a link
/// that names no record of such a kind is most likely the id the duplicate was meant to have,
/// so it is told in that error's hint instead of as an error of its own (one mistake, one
/// error).
#[derive(Default)]
struct Duplicates<'a> {
    /// (kind, id) of every duplicated id.
    ids: HashSet<(ItemKind, &'a str)>,
    /// For each kind with a duplicate: the position in the diagnostics of its first
    /// duplicate-id error.
    first_error: Vec<(ItemKind, usize)>,
}

impl Duplicates<'_> {
    fn has(&self, kind: ItemKind, id: &str) -> bool {
        self.ids.contains(&(kind, id))
    }

    fn error_of(&self, kind: ItemKind) -> Option<usize> {
        self.first_error
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, at)| *at)
    }
}

/// Every record of every kind with ids has a non-empty id of its own. Returns the ids used
/// twice.
fn check_ids<'a>(file: &'a CorpusFile, ids: &IdMaps<'_>, out: &mut Sink) -> Duplicates<'a> {
    let mut duplicates = Duplicates::default();
    let mut check =
        |kind: ItemKind, position: usize, id: &'a str, path: &dyn Fn(usize) -> JsonPath| {
            let noun = kind.noun();
            if id.trim().is_empty() {
                out.push(
                    Diagnostic::error(
                        Code::EmptyText,
                        format!("{} has an empty id", with_article(noun)),
                        format!("give every {noun} a short, unique id such as `{noun}-1`"),
                    )
                    .at(path(position).key("id")),
                );
            } else if let Some(first) = ids.position(kind, id).filter(|&first| first != position) {
                duplicates.ids.insert((kind, id));
                if duplicates.error_of(kind).is_none() && out.list.len() < MAX_DIAGNOSTICS {
                    duplicates.first_error.push((kind, out.list.len()));
                }
                out.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        format!("{noun} id `{id}` is used twice (first at {})", path(first)),
                        format!("rename one of them; {noun} ids must be unique"),
                    )
                    .at(path(position).key("id")),
                );
            }
        };
    for spec in &KINDS {
        let Some(list) = &spec.list else {
            if spec.kind == ItemKind::Paragraph {
                let path = |position| ids.paragraph_path(position).unwrap_or_else(JsonPath::root);
                let paragraphs = file.sections.iter().flat_map(|s| &s.paragraphs);
                for (position, paragraph) in paragraphs.enumerate() {
                    check(ItemKind::Paragraph, position, &paragraph.id, &path);
                }
            }
            continue;
        };
        let path = |position| list.record_path(file, position);
        for position in 0..(list.len)(file) {
            if let Some(id) = (list.id)(file, position) {
                check(spec.kind, position, id, &path);
            }
        }
    }
    duplicates
}

/// Every id a declared link holds names a record of the kind it links to. For a kind with a
/// duplicated id, the ids that name nothing are told in the duplicate's error instead.
fn check_links(file: &CorpusFile, ids: &IdMaps<'_>, duplicates: &Duplicates<'_>, out: &mut Sink) {
    let mut folded: Vec<(ItemKind, &str)> = Vec::new();
    for spec in &KINDS {
        let Some(list) = &spec.list else {
            continue;
        };
        for position in 0..(list.len)(file) {
            for link in spec.links {
                if matches!(link.ids, Ids::InText) {
                    continue;
                }
                link.for_each_id(file, position, |element, id| {
                    if !ids.contains(link.to, id) && duplicates.error_of(link.to).is_some() {
                        if !folded.contains(&(link.to, id)) {
                            folded.push((link.to, id));
                        }
                    } else if !ids.contains(link.to, id) {
                        out.push_with(link.dangling, true, || {
                            let path = link.id_path(&list.record_path(file, position), element);
                            unknown_id(link.to, link.dangling, id, path, ids)
                        });
                    }
                });
            }
        }
    }
    for kind in ItemKind::ALL {
        let missing: Vec<String> = folded
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, id)| format!("`{id}`"))
            .collect();
        if let (false, Some(at)) = (missing.is_empty(), duplicates.error_of(kind))
            && let Some(error) = out.list.get_mut(at)
        {
            let noun = kind.noun();
            error.hint = format!(
                "{}; links name {}, which no {noun} has: if this {noun} is meant to be one of them, give it that id",
                error.hint,
                missing.join(", ")
            );
        }
    }
}

/// "No `kind` has the id `id`", under `code`, at `path`, with the id most like it ("did you
/// mean") when one is close.
fn unknown_id(
    kind: ItemKind,
    code: Code,
    id: &str,
    path: JsonPath,
    ids: &IdMaps<'_>,
) -> Diagnostic {
    /// Beyond this many ids a "did you mean" is not looked for (it would cost more than it helps).
    const MOST_IDS_COMPARED: usize = 5000;
    let noun = kind.noun();
    let known = ids.ids_of(kind, MOST_IDS_COMPARED);
    let hint = match nearest_word(id, &known, 0.85) {
        Some(near) => format!(
            "did you mean `{near}`? Use the id of an existing {noun}, or add {} with this id",
            with_article(noun)
        ),
        None => format!(
            "use the id of an existing {noun}, or add {} with this id",
            with_article(noun)
        ),
    };
    Diagnostic::error(code, format!("no {noun} has the id `{id}`"), hint).at(path)
}

/// Sets `flags[position]` for every record of `kind` one of `named` names by id: what a
/// caption, a footnote or a figure links to counts as cited or marked. An id naming no record
/// is left to [`check_links`], which reports it.
fn flag_named<'a>(
    ids: &IdMaps<'_>,
    kind: ItemKind,
    named: impl IntoIterator<Item = &'a String>,
    flags: &mut [bool],
) {
    for id in named {
        if let Some(flag) = ids
            .position(kind, id)
            .and_then(|position| flags.get_mut(position))
        {
            *flag = true;
        }
    }
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

/// `noun` after "a" or "an": `"an entity"`, `"a table row"`.
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

//! Turning what an importer gathered into a format-2 corpus: unique, valid ids; text in the
//! corpus syntax (citations with their printed form, footnote markers, escapes); tables and
//! figures placed after the paragraph they follow; entities; and the report of what was found.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use crate::corpus::citations::{self, Piece};
use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::corpus::model::{
    CorpusFile, FORMAT_V2, Figure, Footnote, Paragraph, ParagraphKind, Reference, Section,
    SectionKind, Table,
};

use super::builder::{Block, Parts, Place, Rich, SectionDraft, Span, TableDraft, float_label};
use super::writer::{Stats, Writer};
use super::{Imported, entities, name_case};

/// A figure's image path as the source names it, trimmed; `None` when it names none.
fn image_path(image: Option<&str>) -> Option<String> {
    image
        .map(str::trim)
        .filter(|image| !image.is_empty())
        .map(str::to_owned)
}

/// The corpus and the report. See the module documentation.
pub(super) fn finish(parts: Parts) -> Imported {
    let Parts {
        kind,
        paper,
        sections: drafts,
        mut references,
        tables: table_drafts,
        figures: figure_drafts,
        footnotes: footnote_drafts,
        mut diagnostics,
        key_aliases,
    } = parts;

    name_case::family_names_in_their_own_case(&mut references);
    let numeric_markers = uses_numeric_markers(&drafts, &table_drafts);
    let reference_map = number_references(&mut references, numeric_markers, key_aliases);
    let renamed_keys = reference_map.iter().any(|(key, id)| key != id);
    // The number each reference is shown with (its position when it carries none), for a
    // marker the source left empty.
    let number_of: HashMap<String, u32> = references
        .iter()
        .zip(1u32..)
        .map(|(r, position)| (r.id.clone(), r.citation_number.unwrap_or(position)))
        .collect();

    // Footnotes.
    let mut footnote_ids = Ids::default();
    let mut footnote_map = HashMap::new();
    let mut footnote_records = Vec::new();
    for (position, (source_id, marker, text)) in footnote_drafts.iter().enumerate() {
        let id = footnote_ids.claim(source_id, &format!("fn-{}", position + 1));
        footnote_map.insert(source_id.clone(), id.clone());
        footnote_records.push((id, marker.clone(), text));
    }

    let mut writer = Writer {
        numbered: numeric_markers,
        references: &reference_map,
        numbers: &number_of,
        footnotes: &footnote_map,
        records: &references,
        renamed_keys,
        corpus_ids: OnceCell::new(),
        keys_by_lower_case: OnceCell::new(),
        works: OnceCell::new(),
        stats: Stats::default(),
    };

    let (sections, block_ids) = write_sections(&drafts, &mut writer);
    let place = |place: Option<(usize, usize)>| -> (Option<String>, Option<String>) {
        let Some((section, blocks_before)) = place else {
            return (None, None);
        };
        let section_id = sections.get(section).map(|s| s.id.clone());
        let after = blocks_before
            .checked_sub(1)
            .and_then(|last| block_ids.get(section)?.get(last).cloned());
        (section_id, after)
    };

    // Tables.
    let mut table_ids = Ids::default();
    let mut tables = Vec::with_capacity(table_drafts.len());
    for (position, (draft, at)) in table_drafts.iter().enumerate() {
        let id = table_ids.claim(&draft.source_id, &format!("table-{}", position + 1));
        let (section, after_paragraph) = place(*at);
        tables.push(writer.table(draft, id, section, after_paragraph));
    }

    // Figures.
    let mut figure_ids = Ids::default();
    let mut figures = Vec::with_capacity(figure_drafts.len());
    for (position, (draft, at)) in figure_drafts.iter().enumerate() {
        let id = figure_ids.claim(&draft.source_id, &format!("figure-{}", position + 1));
        let (section, after_paragraph) = place(*at);
        let source_paragraph = draft.source_line.as_ref().and_then(|_| {
            let (section, blocks_before) = (*at)?;
            block_ids.get(section)?.get(blocks_before).cloned()
        });
        figures.push(Figure {
            id,
            label: float_label(&draft.label),
            caption: writer.printed(&draft.caption),
            references: writer.cited_in([&draft.caption]),
            section,
            after_paragraph,
            image: image_path(draft.image.as_deref()),
            source_paragraph,
            footnotes: marked_footnotes(&draft.caption, &footnote_map),
            inner_text: draft.inner_text.trim().to_owned(),
        });
    }
    let without_image = figures.iter().filter(|f| f.image.is_none()).count();

    let footnotes = write_footnotes(footnote_records, &writer);
    let stats = writer.stats;

    let mut file = CorpusFile {
        schema: None,
        format: FORMAT_V2.to_owned(),
        paper,
        sections,
        references,
        tables,
        figures,
        footnotes,
        ..CorpusFile::default()
    };
    file.entities = entities::find(&file);

    report(kind, &file, stats, without_image, &mut diagnostics);
    Imported { file, diagnostics }
}

/// The sections with their paragraphs written, and each section's paragraph ids in order.
fn write_sections(
    drafts: &[SectionDraft],
    writer: &mut Writer<'_>,
) -> (Vec<Section>, Vec<Vec<String>>) {
    let mut section_ids = Ids::default();
    let mut sections = Vec::with_capacity(drafts.len());
    let mut block_ids: Vec<Vec<String>> = Vec::with_capacity(drafts.len());
    for (position, draft) in drafts.iter().enumerate() {
        let wanted = slug(if draft.title.is_empty() {
            &draft.label
        } else {
            &draft.title
        });
        let id = section_ids.claim(&wanted, &format!("section-{}", position + 1));
        let mut paragraphs = Vec::with_capacity(draft.blocks.len());
        let mut ids = Vec::with_capacity(draft.blocks.len());
        for (n, block) in draft.blocks.iter().enumerate() {
            let paragraph_id = format!("{id}.p{}", n + 1);
            ids.push(paragraph_id.clone());
            paragraphs.push(match block {
                Block::Text(rich) => Paragraph {
                    id: paragraph_id,
                    text: writer.write(rich),
                    ..Paragraph::default()
                },
                Block::Equation {
                    source,
                    notation,
                    label,
                } => Paragraph {
                    id: paragraph_id,
                    kind: ParagraphKind::Equation,
                    text: source.clone(),
                    label: label.clone(),
                    notation: Some(*notation),
                },
                Block::FigureSource(line) => Paragraph {
                    id: paragraph_id,
                    kind: ParagraphKind::FigureSource,
                    text: escape(line),
                    ..Paragraph::default()
                },
            });
        }
        block_ids.push(ids);
        sections.push(Section {
            id,
            number: draft.number.clone(),
            title: draft.title.clone(),
            parent: None,
            kind: draft.kind,
            label: draft.label.clone(),
            after_paragraph: None,
            paragraphs,
        });
    }
    for (position, draft) in drafts.iter().enumerate() {
        let parent = draft
            .parent
            .and_then(|parent| sections.get(parent))
            .map(|parent| parent.id.clone());
        // A box stands after the paragraph of its section printed before it; the Reader shows
        // one at its section's end without it.
        let after_paragraph = draft
            .parent
            .filter(|_| draft.kind == SectionKind::Box)
            .zip(draft.after_blocks.checked_sub(1))
            .and_then(|(parent, last)| block_ids.get(parent)?.get(last).cloned());
        if let Some(section) = sections.get_mut(position) {
            section.parent = parent;
            section.after_paragraph = after_paragraph;
        }
    }
    (sections, block_ids)
}

/// Whether the text keeps printed numeric markers (`[1]`, `[17]–[21]`) to be resolved by
/// number, as a plain-text paper's does: only then do the references carry numbers. Otherwise
/// every marker is written with its keys, and references without numbers keep a number in
/// parentheses in the text (`Eq (2)`, `(1–3)`) from ever being read as a citation.
fn uses_numeric_markers(sections: &[SectionDraft], tables: &[(TableDraft, Place)]) -> bool {
    let blocks = sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Text(rich) => Some(rich),
            _ => None,
        });
    let cells = tables.iter().flat_map(|(t, _)| t.rows.iter().flatten());
    blocks
        .chain(cells)
        .flat_map(|rich| &rich.spans)
        .any(|span| {
            matches!(span, Span::Marked(text)
            if citations::parse(text).0.iter().any(|p| matches!(p, Piece::Numeric(_))))
        })
}

/// The footnotes `text` marks, by their corpus ids (`marked` maps the source's to them), each
/// once, in order.
fn marked_footnotes(text: &Rich, marked: &HashMap<String, String>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for span in &text.spans {
        if let Span::Footnote(source_id) = span
            && let Some(id) = marked.get(source_id)
            && !ids.contains(id)
        {
            ids.push(id.clone());
        }
    }
    ids
}

/// The footnotes as records: each text as printed, with the works it cites.
fn write_footnotes(records: Vec<(String, String, &Rich)>, writer: &Writer<'_>) -> Vec<Footnote> {
    records
        .into_iter()
        .map(|(id, marker, text)| Footnote {
            id,
            marker,
            text: writer.printed(text),
            references: writer.cited_in([text]),
        })
        .collect()
}

/// Gives the references ids valid as citation keys and unique, and, when the text resolves
/// printed numeric markers by number, numbers them (the numbers the source gives when every
/// reference has a distinct one, else list order); otherwise they carry no numbers. Returns
/// each source id's new id, and each of `key_aliases`' keys' (the other keys the text cites a
/// reference by).
fn number_references(
    references: &mut [Reference],
    numbered: bool,
    key_aliases: Vec<(String, String)>,
) -> HashMap<String, String> {
    let mut reference_ids = Ids::default();
    let mut reference_map = HashMap::new();
    for (position, reference) in references.iter_mut().enumerate() {
        let id = reference_ids.claim(&reference.id, &format!("ref-{}", position + 1));
        reference_map
            .entry(reference.id.clone())
            .or_insert_with(|| id.clone());
        reference.id = id;
    }
    for (key, source_id) in key_aliases {
        if let Some(id) = reference_map.get(&source_id).cloned() {
            reference_map.entry(key).or_insert(id);
        }
    }
    if !numbered {
        for reference in references.iter_mut() {
            reference.citation_number = None;
        }
        return reference_map;
    }
    let numbers: Vec<Option<u32>> = references.iter().map(|r| r.citation_number).collect();
    let distinct: HashSet<u32> = numbers.iter().flatten().copied().collect();
    if numbers.iter().any(Option::is_none) || distinct.len() != numbers.len() {
        for (position, reference) in references.iter_mut().enumerate() {
            reference.citation_number = u32::try_from(position + 1).ok();
        }
    }
    reference_map
}

/// The report: what was read first, then what could not be mapped.
fn report(
    kind: super::PaperKind,
    file: &CorpusFile,
    stats: Stats,
    without_image: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (citations, citation_groups) = (stats.citations, stats.citation_groups);
    diagnostics.extend(stats.warnings);
    if without_image > 0 {
        diagnostics.push(Diagnostic::info(
            Code::ImportIncomplete,
            format!(
                "{} without an image file in the source",
                counted(without_image, "figure")
            ),
            "the Reader shows their captions; to show an image, save the corpus and set each \
             figure's `image` to a PNG, JPEG, TIFF, GIF, WebP or SVG file beside it",
        ));
    }
    let without_cells: Vec<String> = file
        .tables
        .iter()
        .filter(|table| table.rows.is_empty())
        .map(Table::title)
        .collect();
    if !without_cells.is_empty() {
        diagnostics.push(Diagnostic::info(
            Code::ImportIncomplete,
            format!(
                "{} without cells in the source ({}): only the caption and notes are kept",
                counted(without_cells.len(), "table"),
                named_briefly(&without_cells),
            ),
            "the source gives no rows for them (GROBID leaves a table it could not read empty; \
             a PDF's text gives a table's cells as loose lines, kept as the table's note); to \
             fill one, save the corpus and write its `columns` and `rows` (`paperlens docs \
             format`)",
        ));
    }
    if stats.unresolved > 0 {
        diagnostics.push(Diagnostic::warning(
            Code::UnresolvedMarker,
            format!(
                "{} whose target is missing in the source: kept as printed text",
                counted(stats.unresolved, "citation marker")
            ),
            "save the corpus and write each as a citation (`[@key]`) to link it to its reference",
        ));
    }
    let paragraphs: usize = file.sections.iter().map(|s| s.paragraphs.len()).sum();
    diagnostics.insert(
        0,
        Diagnostic::info(
            Code::Imported,
            format!(
                "read as {}: {}, {}, {}, {} ({}), {}, {}, {}",
                kind.label(),
                counted(file.sections.len(), "section"),
                counted(paragraphs, "paragraph"),
                counted(file.references.len(), "reference"),
                counted(citations, "citation"),
                counted(citation_groups, "citation group"),
                counted(file.tables.len(), "table"),
                counted(file.figures.len(), "figure"),
                counted(file.entities.len(), "entity"),
            ),
            "to add cases, series and notes by hand, save it as a corpus: `paperlens import \
             PAPER --out CORPUS.json`, or File → Export the corpus (JSON)",
        ),
    );
}

/// `names` each in backticks, for [`named_briefly`], each once, in the order they first come.
pub(super) fn quoted_once(names: &[String]) -> Vec<String> {
    let mut quoted: Vec<String> = Vec::new();
    for name in names {
        let name = format!("`{name}`");
        if !quoted.contains(&name) {
            quoted.push(name);
        }
    }
    quoted
}

/// The first few of `names` cut short and joined, with how many more there are: `"Table 1.
/// Results on …; Table 2; and 3 more"`.
pub(super) fn named_briefly(names: &[String]) -> String {
    const SHOWN: usize = 3;
    const LONGEST: usize = 40;
    let mut shown: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|name| match name.char_indices().nth(LONGEST) {
            // Cut between words where there is a space to cut at.
            Some((cut, _)) => {
                let head = name.get(..cut).unwrap_or(name);
                let head = head.rsplit_once(' ').map_or(head, |(words, _)| words);
                format!("{} …", head.trim_end())
            }
            None => name.clone(),
        })
        .collect();
    if names.len() > SHOWN {
        shown.push(format!("and {} more", names.len() - SHOWN));
    }
    shown.join("; ")
}

/// `3 figures`, `1 entity`.
fn counted(n: usize, noun: &str) -> String {
    crate::corpus::counted(n, noun)
}

/// Plain text written so that nothing in it reads as a citation or as math: `[`, `@` and `$`
/// escaped, and the `\` of a `\;` (which would print `;`).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out` escaped as [`escape`] does.
pub(super) fn escape_into(out: &mut String, text: &str) {
    let text = if memchr::memmem::find(text.as_bytes(), b"\\;").is_some() {
        std::borrow::Cow::Owned(text.replace("\\;", "\\\\;"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let mut written = 0;
    // `[`, `@` and `$` are ASCII, so each one found is a character of its own.
    for at in memchr::memchr3_iter(b'[', b'@', b'$', text.as_bytes()) {
        out.push_str(text.get(written..at).unwrap_or_default());
        out.push('\\');
        written = at;
    }
    out.push_str(text.get(written..).unwrap_or_default());
}

/// A short id from a heading: lower case, words joined by `-`, at most 6 words; a raised
/// footnote marker (`Allᵃ`) is not part of it.
#[must_use]
pub fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() || crate::corpus::text::is_raised_letter(c))
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}

/// Ids handed out once each.
#[derive(Default)]
pub(super) struct Ids {
    used: HashSet<String>,
    /// The next number to try for each base, so that many equal bases stay linear.
    next: HashMap<String, usize>,
}

impl Ids {
    /// `wanted` made valid (no spaces or citation punctuation) and unique (`-2`, `-3` …), or
    /// `fallback` when nothing of it is left.
    pub(super) fn claim(&mut self, wanted: &str, fallback: &str) -> String {
        let cleaned: String = wanted
            .trim()
            .chars()
            .map(|c| {
                if c.is_whitespace() || matches!(c, ';' | ',' | '{' | '}' | '[' | ']' | '@' | '#') {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        let cleaned = cleaned.trim_matches('-');
        let base = if cleaned.is_empty() {
            fallback
        } else {
            cleaned
        };
        let mut id = base.to_owned();
        let mut n = self.next.get(base).copied().unwrap_or(1);
        while self.used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.next.insert(base.to_owned(), n);
        self.used.insert(id.clone());
        id
    }
}

#[cfg(test)]
#[path = "finish_tests.rs"]
mod tests;

//! Study notes written out: Markdown for an essay (grouped by section, each highlight's quoted
//! sentence as a blockquote, Pandoc citations such as `[@porter1995]` for the works a note is
//! about, ready for Pandoc `--citeproc`, Quarto or Obsidian with the corpus's CSL-JSON), CSV
//! (one row per note) and JSON (`paperlens notes list --format json`). Every format is made
//! from the same [`NoteFields`].

use std::fmt::Write as _;

use serde::Serialize;

use super::ExportError;
use super::flags::escape_markdown;
use crate::corpus::display::{item_title, paragraph_place};
use crate::corpus::study_notes::{NoteLabel, NoteSection, Resolved, StudyNote};
use crate::corpus::{Corpus, Item};

/// One note as every export writes it: what it says, where it stands in the corpus now, and the
/// works it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoteFields {
    /// Its number in the store.
    pub id: i64,
    /// The item's stable key, as stored.
    pub item: String,
    /// The heading of the group it is listed under (its section, `References`, or
    /// `Detached notes`).
    pub section: String,
    /// Where its item stands, in words (`1 INTRODUCTION, ¶ 2`, a reference's label); empty when
    /// detached.
    pub place: String,
    /// Its label's word (`claim`), or empty.
    pub label: String,
    /// The words it quotes: the highlighted passage as the paper prints it now (as stored when
    /// detached), or a citation's sentence; empty otherwise.
    pub quote: String,
    /// Its text.
    pub text: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// The ids of the references it is about (for Pandoc citations).
    pub cites: Vec<String>,
    /// Whether its item is gone from the corpus and its quote was not found.
    pub detached: bool,
    /// When it was written (ISO 8601, UTC).
    pub created: String,
    /// When it was last changed (ISO 8601, UTC).
    pub updated: String,
    /// The group it is listed under, for sorting.
    #[serde(skip)]
    group: NoteSection,
    /// Where it stands in reading order within its group, for sorting.
    #[serde(skip)]
    order: (Option<Item>, usize),
}

impl NoteFields {
    /// The fields of `note` as found in `corpus`.
    #[must_use]
    pub fn of(corpus: &Corpus, note: &StudyNote) -> Self {
        let resolved = note.resolve(corpus);
        let quote = resolved
            .quote(corpus)
            .or_else(|| {
                resolved
                    .is_detached()
                    .then(|| note.passage.as_ref().map(|p| p.quote.clone()))
                    .flatten()
            })
            .unwrap_or_default();
        let cites = resolved
            .cited_references(corpus)
            .into_iter()
            .filter_map(|position| corpus.file.references.get(position))
            .map(|reference| reference.id.clone())
            .collect();
        Self {
            id: note.id.0,
            item: note.item.clone(),
            section: resolved.section.heading(corpus),
            place: place(corpus, &resolved),
            label: note.label.map(|l| l.word().to_owned()).unwrap_or_default(),
            quote: quote.trim().to_owned(),
            text: note.text.clone(),
            tags: note.tags.clone(),
            cites,
            detached: resolved.is_detached(),
            created: note.created.iso(),
            updated: note.updated.iso(),
            group: resolved.section,
            order: (
                resolved.item,
                resolved.passage.as_ref().map_or(0, |at| at.range.start),
            ),
        }
    }

    /// Every note's fields, in the order the exports list them: by group (sections in the
    /// paper's order, then items outside the sections by kind, then detached notes), then by
    /// where the item stands, then by id.
    #[must_use]
    pub fn all(corpus: &Corpus, notes: &[StudyNote]) -> Vec<Self> {
        let mut fields: Vec<Self> = notes.iter().map(|note| Self::of(corpus, note)).collect();
        fields.sort_by_key(|note| (note.group, note.order, note.id));
        fields
    }
}

/// Where a resolved note's item stands, in words.
fn place(corpus: &Corpus, resolved: &Resolved) -> String {
    match resolved.item {
        None => String::new(),
        Some(Item::Paragraph(paragraph)) => paragraph_place(corpus, paragraph),
        Some(item) => item_title(corpus, item),
    }
}

/// A Pandoc citation of `ids`: `[@porter1995; @smith2020]`; a key Pandoc would not read bare
/// is written in braces (`@{odd key}`). Empty for no ids.
#[must_use]
pub fn pandoc_citation(ids: &[String]) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let keys: Vec<String> = ids.iter().map(|id| pandoc_key(id)).collect();
    format!("[{}]", keys.join("; "))
}

/// `@id`, or `@{id}` when the id is not a bare Pandoc citation key (it starts with a letter,
/// digit or `_` and holds only letters, digits and single inner punctuation `:.#$%&-+?<>~/`).
fn pandoc_key(id: &str) -> String {
    let punctuation = |c: char| ":.#$%&-+?<>~/".contains(c);
    let bare = id
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || punctuation(c))
        && !id.ends_with(punctuation)
        && !id
            .chars()
            .zip(id.chars().skip(1))
            .any(|(a, b)| punctuation(a) && punctuation(b));
    if bare {
        format!("@{id}")
    } else {
        format!("@{{{}}}", id.replace(['{', '}'], ""))
    }
}

/// The notes as Markdown for an essay: a title naming the paper, then a `##` heading per group
/// (the paper's sections in order, items outside them by kind, detached notes last), and each
/// note: a line with its label and place, its quote as a blockquote (the paper's words,
/// escaped), its text (the student's own Markdown, as written) followed by a Pandoc citation of
/// the works it is about, and a line with its tags, item key and number.
#[must_use]
pub fn to_markdown(corpus: &Corpus, notes: &[StudyNote]) -> String {
    let mut out = String::new();
    let title = corpus.file.paper.title.trim();
    let title = if title.is_empty() {
        corpus.source_name.as_str()
    } else {
        title
    };
    let _ = writeln!(out, "# Study notes: {}\n", escape_markdown(title));
    let fields = NoteFields::all(corpus, notes);
    if fields.is_empty() {
        out.push_str("No notes yet.\n");
        return out;
    }
    let mut group = None;
    for note in &fields {
        if group != Some(note.group) {
            group = Some(note.group);
            let _ = writeln!(out, "## {}\n", escape_markdown(&note.section));
            if note.detached {
                out.push_str(
                    "Their items are no longer in this paper and their quotes were not found; \
                     they are kept as written.\n\n",
                );
            }
        }
        let mut heading = Vec::new();
        if let Some(label) = NoteLabel::from_word(&note.label) {
            heading.push(format!("**{}**", label.title()));
        }
        if !note.place.is_empty() {
            heading.push(escape_markdown(&note.place));
        }
        if !heading.is_empty() {
            let _ = writeln!(out, "{}\n", heading.join(" · "));
        }
        if !note.quote.is_empty() {
            for line in note.quote.lines() {
                let _ = writeln!(out, "> {}", escape_markdown(line.trim()));
            }
            out.push('\n');
        }
        let citation = pandoc_citation(&note.cites);
        let body = [note.text.trim(), citation.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if !body.is_empty() {
            let _ = writeln!(out, "{body}\n");
        }
        let mut about = Vec::new();
        if !note.tags.is_empty() {
            let tags: Vec<String> = note.tags.iter().map(|t| escape_markdown(t)).collect();
            about.push(format!("Tags: {}", tags.join(", ")));
        }
        about.push(format!("`{}`", note.item.replace('`', "'")));
        about.push(format!("note {}", note.id));
        let _ = writeln!(out, "*{}*\n", about.join(" · "));
    }
    out
}

/// The notes as CSV: a header row, then one row per note in the order of [`NoteFields::all`]:
/// id, section, place, item, label, quote, text, tags and cites (joined with `; `), detached
/// (`yes`/`no`), created, updated.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
pub fn to_csv(corpus: &Corpus, notes: &[StudyNote]) -> Result<String, ExportError> {
    let mut rows = vec![
        [
            "id", "section", "place", "item", "label", "quote", "text", "tags", "cites",
            "detached", "created", "updated",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for note in NoteFields::all(corpus, notes) {
        rows.push(vec![
            note.id.to_string(),
            note.section,
            note.place,
            note.item,
            note.label,
            note.quote,
            note.text,
            note.tags.join("; "),
            note.cites.join("; "),
            if note.detached { "yes" } else { "no" }.to_owned(),
            note.created,
            note.updated,
        ]);
    }
    super::csv::write(rows)
}

/// The notes as a JSON array of [`NoteFields`], in the order of [`NoteFields::all`].
///
/// # Errors
/// Only if serialising fails, which it does not for these fields.
pub fn to_json(corpus: &Corpus, notes: &[StudyNote]) -> Result<String, ExportError> {
    let mut text = serde_json::to_string_pretty(&NoteFields::all(corpus, notes))
        .map_err(|e| ExportError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests;

//! Notes and papers as rows: finding a paper by its identity (its DOI, else its title key, so a
//! paper that gained a DOI keeps its notes), reading notes with their tags, writing a note's
//! content.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::corpus::study_notes::{
    NoteDraft, NoteId, NoteLabel, PaperIdentity, Passage, StudyNote, Timestamp,
};

/// The row of the paper with this identity, if the store has one: by DOI first; else by title
/// key, among rows without a DOI for a paper that has one (a row written before the paper had
/// its DOI, which then takes it), among all rows for a paper without one (the same paper read
/// from a file that does not state its DOI).
pub fn find_paper(connection: &Connection, paper: &PaperIdentity) -> rusqlite::Result<Option<i64>> {
    if let Some(doi) = &paper.doi
        && let Some(row) = connection
            .query_row("SELECT id FROM papers WHERE doi = ?1", [doi], |r| r.get(0))
            .optional()?
    {
        return Ok(Some(row));
    }
    let by_title = if paper.doi.is_some() {
        "SELECT id FROM papers WHERE title_key = ?1 AND doi IS NULL ORDER BY id LIMIT 1"
    } else {
        "SELECT id FROM papers WHERE title_key = ?1 ORDER BY id LIMIT 1"
    };
    connection
        .query_row(by_title, [&paper.title_key], |r| r.get(0))
        .optional()
}

/// The row of the paper with this identity, made when the store has none; a row found by title
/// for a paper that now has a DOI takes the DOI.
pub fn paper_row(connection: &Connection, paper: &PaperIdentity) -> rusqlite::Result<i64> {
    if let Some(row) = find_paper(connection, paper)? {
        if let Some(doi) = &paper.doi {
            connection.execute(
                "UPDATE papers SET doi = ?2, key = ?3 WHERE id = ?1 AND doi IS NULL",
                params![row, doi, paper.key()],
            )?;
        }
        return Ok(row);
    }
    connection.execute(
        "INSERT INTO papers (key, doi, title_key, title) VALUES (?1, ?2, ?3, ?4)",
        params![paper.key(), paper.doi, paper.title_key, paper.title],
    )?;
    Ok(connection.last_insert_rowid())
}

/// The columns [`note_from_row`] reads, in order.
const NOTE_COLUMNS: &str = "n.id, p.key, n.item, n.text, n.label, n.quote, n.quote_start, \
                            n.quote_end, n.created, n.updated FROM notes n JOIN papers p ON p.id = n.paper";

fn note_from_row(row: &Row<'_>) -> rusqlite::Result<StudyNote> {
    let label: Option<String> = row.get(4)?;
    let quote: Option<String> = row.get(5)?;
    let offset = |at: usize| -> rusqlite::Result<usize> {
        Ok(row
            .get::<_, Option<i64>>(at)?
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0))
    };
    let passage = match quote {
        Some(quote) => Some(Passage {
            quote,
            start: offset(6)?,
            end: offset(7)?,
        }),
        None => None,
    };
    Ok(StudyNote {
        id: NoteId(row.get(0)?),
        paper: row.get(1)?,
        item: row.get(2)?,
        text: row.get(3)?,
        tags: Vec::new(),
        label: label.as_deref().and_then(NoteLabel::from_word),
        passage,
        created: Timestamp(row.get(8)?),
        updated: Timestamp(row.get(9)?),
    })
}

/// Notes chosen by a `WHERE` clause (with its one parameter), oldest first, with their tags.
fn notes_where(
    connection: &Connection,
    condition: &str,
    parameter: i64,
) -> rusqlite::Result<Vec<StudyNote>> {
    let mut statement = connection.prepare(&format!(
        "SELECT {NOTE_COLUMNS} WHERE {condition} ORDER BY n.id"
    ))?;
    let mut notes = statement
        .query_map([parameter], note_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    let mut statement = connection.prepare(&format!(
        "SELECT t.note, t.tag FROM note_tags t JOIN notes n ON n.id = t.note JOIN papers p ON \
         p.id = n.paper WHERE {condition} ORDER BY t.note, t.position"
    ))?;
    for pair in statement.query_map([parameter], |row| Ok((row.get(0)?, row.get(1)?)))? {
        let (note, tag) = pair?;
        tags.entry(note).or_default().push(tag);
    }
    for note in &mut notes {
        note.tags = tags.remove(&note.id.0).unwrap_or_default();
    }
    Ok(notes)
}

/// The notes of the paper in row `paper`.
pub fn notes_of_paper(connection: &Connection, paper: i64) -> rusqlite::Result<Vec<StudyNote>> {
    notes_where(connection, "n.paper = ?1", paper)
}

/// Every note.
pub fn all_notes(connection: &Connection) -> rusqlite::Result<Vec<StudyNote>> {
    notes_where(connection, "?1 = ?1", 0)
}

/// One note.
pub fn note(connection: &Connection, id: NoteId) -> rusqlite::Result<Option<StudyNote>> {
    Ok(notes_where(connection, "n.id = ?1", id.0)?.pop())
}

/// Writes a note's label, passage and tags (its item and text are written by the caller).
pub fn write_content(
    connection: &Connection,
    id: NoteId,
    draft: &NoteDraft,
) -> rusqlite::Result<()> {
    let passage = draft.passage.as_ref();
    let offset = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    connection.execute(
        "UPDATE notes SET label = ?2, quote = ?3, quote_start = ?4, quote_end = ?5 WHERE id = ?1",
        params![
            id.0,
            draft.label.map(NoteLabel::word),
            passage.map(|p| p.quote.as_str()),
            passage.map(|p| offset(p.start)),
            passage.map(|p| offset(p.end)),
        ],
    )?;
    connection.execute("DELETE FROM note_tags WHERE note = ?1", [id.0])?;
    for (position, tag) in draft.tags.iter().enumerate() {
        connection.execute(
            "INSERT INTO note_tags (note, position, tag) VALUES (?1, ?2, ?3)",
            params![id.0, i64::try_from(position).unwrap_or(i64::MAX), tag],
        )?;
    }
    Ok(())
}

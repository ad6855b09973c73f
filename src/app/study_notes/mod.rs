//! Study notes in the window: the store opened once at start ([`PaperNotes`]), the open
//! paper's notes kept in memory with where each stands in the corpus ([`NotesShown`], what the
//! panels draw from), and the changes the panels ask for ([`NoteCommand`], applied after the
//! frame and written through before the list is read again). The notes section of the
//! Inspector and hover cards is in `section.rs`.

mod section;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::app::study::{StudyAnswers, paper_identity};
use crate::corpus::display::item_title;
use crate::corpus::search::SearchHit;
use crate::corpus::study_notes::{
    NoteDraft, NoteId, NoteLabel, PaperAnswers, PaperIdentity, Resolved, StudyNote, SupportAnswer,
};
use crate::corpus::{Corpus, Item};
use crate::notes::{NoteStore, Opened};

pub use section::{
    NOTES_HEADING, item_notes_ui, note_kicker, notes_link_ui, open_note_editor, tooltip_notes_ui,
};

/// A note of the open paper and where it stands in the open corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteEntry {
    /// The note as kept.
    pub note: StudyNote,
    /// Its item and highlight found in the corpus (or detached).
    pub resolved: Resolved,
}

/// What the panels show of the open paper's notes this frame.
#[derive(Debug, Default)]
pub struct NotesShown {
    /// Every note of the paper, oldest first, each resolved in the open corpus.
    pub entries: Vec<NoteEntry>,
    /// Why notes cannot be kept in this window, when they cannot (the store did not open).
    pub unavailable: Option<String>,
    /// What happened to a damaged store found at start, until it is dismissed or a backup is
    /// restored.
    pub recovery: Option<String>,
    /// Whether a backup can be restored now (the newest one).
    pub backup_offered: bool,
    /// The note last chosen (a click on its highlight or its row): the Inspector marks it.
    pub focused: Option<NoteId>,
    /// Whether a deleted note can be brought back (Undo).
    pub can_undo: bool,
}

/// No notes: what a context shows before the explorer gives it the paper's notes.
pub static NO_NOTES: NotesShown = NotesShown {
    entries: Vec::new(),
    unavailable: None,
    recovery: None,
    backup_offered: false,
    focused: None,
    can_undo: false,
};

/// A highlight in a paragraph: the bytes of its printed text, its label and its note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HighlightMark {
    /// The highlighted bytes of the paragraph's printed text.
    pub range: Range<usize>,
    /// What it marks the passage as.
    pub label: Option<NoteLabel>,
    /// Its note.
    pub note: NoteId,
}

impl NotesShown {
    /// The notes about `item` (the item each resolved to), oldest first.
    pub fn of_item(&self, item: Item) -> impl Iterator<Item = &NoteEntry> {
        self.entries
            .iter()
            .filter(move |entry| entry.resolved.item == Some(item))
    }

    /// The highlights found in paragraph `paragraph`.
    #[must_use]
    pub fn highlights_in(&self, paragraph: usize) -> Vec<HighlightMark> {
        self.entries
            .iter()
            .filter_map(|entry| {
                let at = entry.resolved.passage.as_ref()?;
                (at.paragraph == paragraph).then(|| HighlightMark {
                    range: at.range.clone(),
                    label: entry.note.label,
                    note: entry.note.id,
                })
            })
            .collect()
    }

    /// The note with id `id`.
    #[must_use]
    pub fn entry(&self, id: NoteId) -> Option<&NoteEntry> {
        self.entries.iter().find(|entry| entry.note.id == id)
    }

    /// The notes whose text, quote or tags hold every word of `query` (any case), as search
    /// results: the note's words with the matches marked, its item's title as the place. A
    /// detached note has no item to go to and is left out.
    #[must_use]
    pub fn search(&self, corpus: &Corpus, query: &str) -> Vec<SearchHit> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter_map(|entry| {
                let item = entry.resolved.item?;
                let label = search_label(&entry.note);
                let folded = label.to_lowercase();
                if !words.iter().all(|word| folded.contains(word.as_str())) {
                    return None;
                }
                // Marks only where folding kept every byte in place (it does for most text).
                let highlights = if folded.len() == label.len() {
                    let mut marks: Vec<Range<usize>> = words
                        .iter()
                        .flat_map(|word| {
                            folded
                                .match_indices(word.as_str())
                                .map(|(at, found)| at..at + found.len())
                                .collect::<Vec<_>>()
                        })
                        .filter(|range| {
                            label.is_char_boundary(range.start) && label.is_char_boundary(range.end)
                        })
                        .collect();
                    marks.sort_by_key(|range| range.start);
                    marks.dedup_by(|later, earlier| later.start < earlier.end);
                    marks
                } else {
                    Vec::new()
                };
                Some(SearchHit {
                    item,
                    score: 0,
                    label,
                    highlights,
                    place: item_title(corpus, item),
                })
            })
            .collect()
    }

    /// Whether notes can be written in this window.
    #[must_use]
    pub fn is_kept(&self) -> bool {
        self.unavailable.is_none()
    }
}

/// A change to the open paper's notes, or a choice among them, asked for while drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum NoteCommand {
    /// Write a new note about an item of the open paper.
    Add(NoteDraft),
    /// Replace what a note says.
    Update(NoteId, NoteDraft),
    /// Delete a note (it can be brought back with [`NoteCommand::UndoDelete`]).
    Delete(NoteId),
    /// Bring back the note deleted last.
    UndoDelete,
    /// Mark a note as the one chosen (its highlight was clicked, or its row).
    Focus(NoteId),
    /// Put back the notes of the newest backup (after a damaged store was set aside).
    RestoreBackup,
    /// Stop showing what happened to a damaged store.
    DismissRecovery,
    /// Export the paper's notes (asks where to save).
    Export(NotesExport),
}

/// What File → Export writes of the paper's notes, through `formats::notes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesExport {
    /// Markdown for an essay: grouped by section, quotes, Pandoc citations.
    Markdown,
    /// One row per note, for a spreadsheet.
    Csv,
}

impl NotesExport {
    /// The file name the save dialog suggests.
    #[must_use]
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Markdown => "study-notes.md",
            Self::Csv => "study-notes.csv",
        }
    }

    /// The kind of file, as the save dialog names it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown",
            Self::Csv => "CSV",
        }
    }

    /// The file's extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Csv => "csv",
        }
    }

    /// The notes written in this format.
    ///
    /// # Errors
    /// The CSV writer failed (it does not, writing to memory).
    pub fn write(self, corpus: &Corpus, notes: &[StudyNote]) -> Result<String, String> {
        match self {
            Self::Markdown => Ok(crate::formats::notes::to_markdown(corpus, notes)),
            Self::Csv => crate::formats::notes::to_csv(corpus, notes).map_err(|e| e.to_string()),
        }
    }
}

/// The store and the open paper's notes, kept by the explorer.
pub struct PaperNotes {
    store: Option<NoteStore>,
    paper: PaperIdentity,
    shown: NotesShown,
    /// The paper's answers to the citation check, as the store keeps them.
    answers: PaperAnswers,
    deleted: Option<StudyNote>,
    backup: Option<PathBuf>,
}

impl std::fmt::Debug for PaperNotes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PaperNotes")
            .field("paper", &self.paper.key())
            .field("notes", &self.shown.entries.len())
            .finish_non_exhaustive()
    }
}

impl PaperNotes {
    /// Opens the store in `state_dir` (none: notes are not kept in this window) and reads the
    /// notes and answers of `corpus`'s paper, moving those `settings` kept into the store; what
    /// the status bar should say (a damaged store set aside, a store that would not open) goes
    /// to `notices`.
    #[must_use]
    pub fn open(
        state_dir: Option<&Path>,
        corpus: &Corpus,
        settings: &mut StudyAnswers,
        notices: &mut Vec<String>,
    ) -> Self {
        let mut notes = Self {
            store: None,
            paper: PaperIdentity::of(corpus),
            shown: NotesShown::default(),
            answers: PaperAnswers::new(),
            deleted: None,
            backup: None,
        };
        let notice = match state_dir.map(NoteStore::open) {
            None => {
                notes.shown.unavailable = Some(
                    "Study notes are not kept in this window: it was started without a folder \
                     for paperlens's state."
                        .to_owned(),
                );
                None
            }
            Some(Err(error)) => {
                let message = format!(
                    "Study notes are not available: {error}. The rest of paperlens works; \
                     close other paperlens windows or free the folder, then start it again."
                );
                notes.shown.unavailable = Some(message.clone());
                Some(message)
            }
            Some(Ok(Opened { store, recovery })) => {
                notes.store = Some(store);
                recovery.map(|recovery| {
                    let message = recovery.message();
                    notes.backup = recovery.backup;
                    notes.shown.recovery = Some(message.clone());
                    message
                })
            }
        };
        let error = notes
            .reload(corpus)
            .or_else(|| notes.adopt_settings_answers(corpus, settings));
        notices.extend(notice.or(error));
        notes
    }

    /// What the panels draw from.
    #[must_use]
    pub fn shown(&self) -> &NotesShown {
        &self.shown
    }

    /// The open paper's notes as kept, oldest first (what an export writes).
    #[must_use]
    pub fn notes(&self) -> Vec<StudyNote> {
        self.shown.entries.iter().map(|e| e.note.clone()).collect()
    }

    /// The open paper's identity (what its notes are kept under).
    #[must_use]
    pub fn paper(&self) -> &PaperIdentity {
        &self.paper
    }

    /// The open paper's answers to the citation check when the store keeps them; `None`
    /// without a store (the settings file keeps them then).
    #[must_use]
    pub fn answers(&self) -> Option<&PaperAnswers> {
        self.store.as_ref().map(|_| &self.answers)
    }

    /// The open paper's answers: the store's, else those `settings` keeps under `paper` (its
    /// [`paper_identity`]) when there is no store.
    #[must_use]
    pub fn answers_or<'a>(&'a self, settings: &'a StudyAnswers, paper: &str) -> &'a PaperAnswers {
        self.answers().unwrap_or_else(|| settings.of_paper(paper))
    }

    /// Records `answer` about the item `key` of the open paper in the store; what the status
    /// bar should say when it could not be saved (the earlier answer stays then).
    pub fn set_answer(&mut self, key: &str, answer: SupportAnswer) -> Option<String> {
        let store = self.store.as_mut()?;
        match store.set_answer(&self.paper, key, answer) {
            Ok(()) => {
                self.answers.insert(key.to_owned(), answer);
                None
            }
            Err(error) => Some(format!("Could not save your answer: {error}")),
        }
    }

    /// Moves the answers the settings file kept about `corpus`'s paper (written before the
    /// store kept them) into the store, where an answer the store has already stays; they
    /// stay in `settings` when there is no store or it cannot take them (what the status bar
    /// should say then).
    fn adopt_settings_answers(
        &mut self,
        corpus: &Corpus,
        settings: &mut StudyAnswers,
    ) -> Option<String> {
        let store = self.store.as_mut()?;
        let key = paper_identity(corpus);
        let older = settings.take(&key);
        if older.is_empty() {
            return None;
        }
        match store.adopt_answers(&self.paper, &older) {
            Ok(_) => {
                for (item, answer) in older {
                    self.answers.entry(item).or_insert(answer);
                }
                None
            }
            Err(error) => {
                settings.papers.insert(key, older);
                Some(format!(
                    "Your earlier answers stay in the settings file: {error}"
                ))
            }
        }
    }

    /// A corpus was opened or re-imported: its paper's notes and answers, found in it anew
    /// (with the answers `settings` kept about it moved into the store).
    pub fn switch_to(&mut self, corpus: &Corpus, settings: &mut StudyAnswers) -> Option<String> {
        self.paper = PaperIdentity::of(corpus);
        self.deleted = None;
        self.shown.focused = None;
        let error = self.reload(corpus);
        error.or_else(|| self.adopt_settings_answers(corpus, settings))
    }

    /// Reads the paper's notes and answers again and finds each note in `corpus`; returns a
    /// message when the store could not be read.
    pub fn reload(&mut self, corpus: &Corpus) -> Option<String> {
        self.shown.can_undo = self.deleted.is_some();
        self.shown.backup_offered = self.backup.is_some() && self.store.is_some();
        let store = self.store.as_ref()?;
        // What cannot be read is shown as none, never as the previous paper's.
        let answers_error = match store.answers_of(&self.paper) {
            Ok(answers) => {
                self.answers = answers;
                None
            }
            Err(error) => {
                self.answers.clear();
                Some(format!("Could not read your answers: {error}"))
            }
        };
        let notes_error = match store.notes_of(&self.paper) {
            Ok(notes) => {
                self.shown.entries = notes
                    .into_iter()
                    .map(|note| NoteEntry {
                        resolved: note.resolve(corpus),
                        note,
                    })
                    .collect();
                None
            }
            Err(error) => {
                self.shown.entries.clear();
                Some(format!("Could not read the study notes: {error}"))
            }
        };
        notes_error.or(answers_error)
    }

    /// Applies `command`; returns what the status bar should say (done, or why not). The
    /// paper's notes are read again after every write.
    pub fn apply(&mut self, corpus: &Corpus, command: NoteCommand) -> Option<String> {
        let Some(store) = self.store.as_mut() else {
            return self.shown.unavailable.clone();
        };
        let said = match command {
            NoteCommand::Add(draft) => match store.add(&self.paper, draft) {
                Ok(note) => {
                    self.shown.focused = Some(note.id);
                    Some(saved_words(&note, "Saved"))
                }
                Err(error) => Some(format!("The note was not saved: {error}")),
            },
            NoteCommand::Update(id, draft) => match store.update(id, draft) {
                Ok(note) => Some(saved_words(&note, "Saved the changes to")),
                Err(error) => Some(format!("The changes were not saved: {error}")),
            },
            NoteCommand::Delete(id) => match store.delete(id) {
                Ok(note) => {
                    self.deleted = Some(note);
                    if self.shown.focused == Some(id) {
                        self.shown.focused = None;
                    }
                    Some("Deleted the note; Undo in its item's Notes brings it back.".to_owned())
                }
                Err(error) => Some(format!("The note was not deleted: {error}")),
            },
            NoteCommand::UndoDelete => {
                let deleted = self.deleted.take()?;
                match store.add(&self.paper, deleted.draft()) {
                    Ok(note) => {
                        self.shown.focused = Some(note.id);
                        Some("Brought the deleted note back.".to_owned())
                    }
                    Err(error) => {
                        self.deleted = Some(deleted);
                        Some(format!("The note could not be brought back: {error}"))
                    }
                }
            }
            NoteCommand::Focus(id) => {
                self.shown.focused = Some(id);
                None
            }
            NoteCommand::RestoreBackup => {
                let backup = self.backup.take()?;
                match store.restore_backup(&backup) {
                    Ok(count) => {
                        self.shown.recovery = None;
                        Some(format!(
                            "Restored the notes of the backup {} ({count} in all).",
                            backup.display()
                        ))
                    }
                    Err(error) => {
                        self.backup = Some(backup);
                        Some(format!("The backup could not be restored: {error}"))
                    }
                }
            }
            NoteCommand::DismissRecovery => {
                self.shown.recovery = None;
                None
            }
            // File work: the explorer asks where to save (see `Explorer::apply_note`).
            NoteCommand::Export(_) => None,
        };
        let error = self.reload(corpus);
        error.or(said)
    }
}

/// What search shows of a note: its text (or its quote, for a bare highlight) and its tags.
fn search_label(note: &StudyNote) -> String {
    let mut label = if note.text.is_empty() {
        note.passage
            .as_ref()
            .map(|p| format!("“{}”", p.quote))
            .unwrap_or_default()
    } else {
        note.text.replace('\n', " ")
    };
    for tag in &note.tags {
        label.push_str(" #");
        label.push_str(tag);
    }
    label
}

/// "Saved the note about reference:porter1995." and the like.
fn saved_words(note: &StudyNote, verb: &str) -> String {
    let what = if note.text.is_empty() {
        "highlight"
    } else {
        "note"
    };
    format!("{verb} the {what} about {}.", note.item)
}

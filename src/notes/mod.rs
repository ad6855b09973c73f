//! The study notes' store: one SQLite database (`notes.sqlite3`, SQLite compiled in through
//! rusqlite) in the state directory, holding every paper's notes, and the student's answers of
//! the citation check ([`answers`]), under the paper's identity.
//!
//! Crash safety: write-ahead log with `synchronous=FULL`, and every `add`, `update` and
//! `delete` is one transaction committed before it returns, so an acknowledged note survives a
//! killed process or a power cut. The schema version is `PRAGMA user_version`, with the steps
//! between versions in [`schema`]. A rolling backup (SQLite's online backup API) is made at
//! open when the newest is older than a day and after every few writes ([`backup`]). A damaged
//! store (not a database, failing SQLite's integrity check, or from a newer paperlens) is moved
//! aside and kept, a fresh one started, and [`Opened::recovery`] says so and offers the newest
//! backup ([`damage`]). Notes are never deleted because their item left the paper: that is for
//! [`crate::corpus::study_notes::StudyNote::resolve`] to say.

mod answers;
mod backup;
mod damage;
mod error;
mod rows;
mod schema;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior, params};

use crate::corpus::study_notes::{NoteDraft, NoteId, PaperIdentity, StudyNote, Timestamp};

pub use backup::{BACKUP_EVERY_WRITES, BACKUP_FOLDER, BACKUPS_KEPT, backups_in};
pub use damage::Recovery;
pub use error::StoreError;
pub use schema::SCHEMA_VERSION;

/// The store's file name in the state directory.
pub const STORE_FILE: &str = "notes.sqlite3";

/// The environment variable naming the state directory (settings, notes, crash reports).
pub const STATE_DIR_ENV: &str = "PAPERLENS_STATE_DIR";

/// The state directory: `$PAPERLENS_STATE_DIR`, else the platform's settings folder for
/// paperlens (`~/.config/paperlens` on Linux), where the window keeps its settings too; `None`
/// when neither is known.
#[must_use]
pub fn state_dir() -> Option<PathBuf> {
    std::env::var_os(STATE_DIR_ENV)
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(platform_dir)
}

#[cfg(feature = "gui")]
fn platform_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("paperlens"))
}

#[cfg(not(feature = "gui"))]
fn platform_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))
        .map(|dir| dir.join("paperlens"))
}

/// The open store.
#[derive(Debug)]
pub struct NoteStore {
    connection: Connection,
    path: PathBuf,
    backup_folder: PathBuf,
    writes_since_backup: u32,
    backup_error: Option<String>,
}

/// A store just opened, and what happened to a damaged one found there.
#[derive(Debug)]
pub struct Opened {
    /// The store, ready.
    pub store: NoteStore,
    /// Set when the store found was damaged: it was moved aside and a fresh one started.
    pub recovery: Option<Recovery>,
}

/// A tag of a paper's notes and how many notes carry it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagCount {
    /// The tag as first written.
    pub tag: String,
    /// How many of the paper's notes carry it.
    pub notes: usize,
}

impl NoteStore {
    /// Opens (or creates) the store in `state_dir`, brings its schema up to date and makes the
    /// daily backup when it is due. A damaged store is moved aside first and a fresh one
    /// started: see [`Opened::recovery`].
    ///
    /// # Errors
    /// The folder cannot be made, the store cannot be opened or checked (locked, unreadable),
    /// or a damaged one cannot be moved aside.
    pub fn open(state_dir: &Path) -> Result<Opened, StoreError> {
        std::fs::create_dir_all(state_dir).map_err(|source| StoreError::Folder {
            path: state_dir.to_owned(),
            source,
        })?;
        let path = state_dir.join(STORE_FILE);
        let backup_folder = state_dir.join(BACKUP_FOLDER);
        let recovery = match damage::damage(&path)? {
            Some(reason) => Some(Recovery {
                moved_to: damage::move_aside(&path)?,
                reason,
                backup: backups_in(&backup_folder).pop(),
            }),
            None => None,
        };
        let failed = |action| {
            let path = path.clone();
            move |source| StoreError::Database {
                path,
                action,
                source,
            }
        };
        let mut connection = Connection::open(&path).map_err(failed("opening it"))?;
        schema::configure(&connection).map_err(failed("setting it up"))?;
        schema::migrate(&mut connection).map_err(failed("updating its schema"))?;
        let mut store = Self {
            connection,
            path,
            backup_folder,
            writes_since_backup: 0,
            backup_error: None,
        };
        if recovery.is_none() && backup::backup_due(&store.backup_folder) && store.has_notes()? {
            store.backup_now_quietly();
        }
        Ok(Opened { store, recovery })
    }

    /// The store's file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the last automatic backup failed, if it did (the writes themselves were kept).
    #[must_use]
    pub fn backup_error(&self) -> Option<&str> {
        self.backup_error.as_deref()
    }

    /// The notes of a paper, oldest first.
    ///
    /// # Errors
    /// SQLite could not read the store.
    pub fn notes_of(&self, paper: &PaperIdentity) -> Result<Vec<StudyNote>, StoreError> {
        let Some(row) =
            rows::find_paper(&self.connection, paper).map_err(self.failed("reading"))?
        else {
            return Ok(Vec::new());
        };
        rows::notes_of_paper(&self.connection, row).map_err(self.failed("reading the notes"))
    }

    /// Every note in the store, of every paper, oldest first.
    ///
    /// # Errors
    /// SQLite could not read the store.
    pub fn all_notes(&self) -> Result<Vec<StudyNote>, StoreError> {
        rows::all_notes(&self.connection).map_err(self.failed("reading the notes"))
    }

    /// One note by its id, if it exists.
    ///
    /// # Errors
    /// SQLite could not read the store.
    pub fn note(&self, id: NoteId) -> Result<Option<StudyNote>, StoreError> {
        rows::note(&self.connection, id).map_err(self.failed("reading a note"))
    }

    /// The tags of a paper's notes, each with how many notes carry it, by name (any case).
    ///
    /// # Errors
    /// SQLite could not read the store.
    pub fn tags(&self, paper: &PaperIdentity) -> Result<Vec<TagCount>, StoreError> {
        let mut counts: Vec<TagCount> = Vec::new();
        for note in self.notes_of(paper)? {
            for tag in note.tags {
                match counts.iter_mut().find(|c| c.tag.eq_ignore_ascii_case(&tag)) {
                    Some(count) => count.notes += 1,
                    None => counts.push(TagCount { tag, notes: 1 }),
                }
            }
        }
        counts.sort_by_key(|c| c.tag.to_lowercase());
        Ok(counts)
    }

    /// Adds a note about one of the paper's items; it is on disk when this returns.
    ///
    /// # Errors
    /// The draft names no item or says nothing ([`StoreError::Invalid`]), or SQLite could not
    /// write it (nothing is kept then).
    pub fn add(
        &mut self,
        paper: &PaperIdentity,
        draft: NoteDraft,
    ) -> Result<StudyNote, StoreError> {
        let draft = checked(draft)?;
        let now = Timestamp::now();
        let failed = self.failed("saving the note");
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&failed)?;
        let paper_row = rows::paper_row(&transaction, paper).map_err(&failed)?;
        transaction
            .execute(
                "INSERT INTO notes (paper, item, text, created, updated) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![paper_row, draft.item, draft.text, now.0],
            )
            .map_err(&failed)?;
        let id = NoteId(transaction.last_insert_rowid());
        rows::write_content(&transaction, id, &draft).map_err(&failed)?;
        transaction.commit().map_err(&failed)?;
        self.written();
        self.note(id)?.ok_or(StoreError::NoSuchNote(id))
    }

    /// Replaces what a note says (item, text, tags, label, passage); it is on disk when this
    /// returns. Its paper and creation time stay.
    ///
    /// # Errors
    /// No note has this id, the draft is empty, or SQLite could not write it.
    pub fn update(&mut self, id: NoteId, draft: NoteDraft) -> Result<StudyNote, StoreError> {
        let draft = checked(draft)?;
        let failed = self.failed("saving the note");
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&failed)?;
        let changed = transaction
            .execute(
                "UPDATE notes SET item = ?2, text = ?3, updated = ?4 WHERE id = ?1",
                params![id.0, draft.item, draft.text, Timestamp::now().0],
            )
            .map_err(&failed)?;
        if changed == 0 {
            return Err(StoreError::NoSuchNote(id));
        }
        rows::write_content(&transaction, id, &draft).map_err(&failed)?;
        transaction.commit().map_err(&failed)?;
        self.written();
        self.note(id)?.ok_or(StoreError::NoSuchNote(id))
    }

    /// Deletes a note (the user's choice, never because its item left the paper); it is gone
    /// from disk when this returns. Returns the note as it was, so that it can be added back.
    ///
    /// # Errors
    /// No note has this id, or SQLite could not write.
    pub fn delete(&mut self, id: NoteId) -> Result<StudyNote, StoreError> {
        let note = self.note(id)?.ok_or(StoreError::NoSuchNote(id))?;
        let failed = self.failed("deleting the note");
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&failed)?;
        transaction
            .execute("DELETE FROM note_tags WHERE note = ?1", [id.0])
            .and_then(|_| transaction.execute("DELETE FROM notes WHERE id = ?1", [id.0]))
            .map_err(&failed)?;
        transaction.commit().map_err(&failed)?;
        self.written();
        Ok(note)
    }

    /// The backups, oldest first.
    #[must_use]
    pub fn backups(&self) -> Vec<PathBuf> {
        backups_in(&self.backup_folder)
    }

    /// Makes a backup now; returns its path.
    ///
    /// # Errors
    /// The backup folder or file could not be written.
    pub fn backup_now(&mut self) -> Result<PathBuf, StoreError> {
        let made = backup::make_backup(&self.connection, &self.backup_folder)?;
        self.writes_since_backup = 0;
        self.backup_error = None;
        Ok(made)
    }

    /// Replaces the store's notes with a backup's (the one [`Recovery::backup`] offers, or any
    /// of [`Self::backups`]), after backing up the notes it holds now (so that nothing is lost
    /// either way). Returns how many notes the store holds afterwards.
    ///
    /// # Errors
    /// The backup is missing, damaged or from a newer paperlens; or the current notes could not
    /// be backed up first; or SQLite could not copy it.
    pub fn restore_backup(&mut self, backup: &Path) -> Result<usize, StoreError> {
        if self.has_notes()? {
            self.backup_now()?;
        }
        backup::restore_into(&mut self.connection, backup)?;
        schema::migrate(&mut self.connection).map_err(self.failed("updating its schema"))?;
        Ok(self.all_notes()?.len())
    }

    /// Whether the store holds any note or answer (anything a backup would keep).
    fn has_notes(&self) -> Result<bool, StoreError> {
        self.connection
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM notes) OR EXISTS (SELECT 1 FROM answers)",
                [],
                |row| row.get(0),
            )
            .map_err(self.failed("reading"))
    }

    /// Counts a committed write, and backs up every [`BACKUP_EVERY_WRITES`].
    fn written(&mut self) {
        self.writes_since_backup += 1;
        if self.writes_since_backup >= BACKUP_EVERY_WRITES {
            self.backup_now_quietly();
        }
    }

    /// A backup whose failure is remembered ([`Self::backup_error`]), not raised: the write
    /// before it is kept either way.
    fn backup_now_quietly(&mut self) {
        if let Err(error) = self.backup_now() {
            self.backup_error = Some(error.to_string());
        }
    }

    fn failed(&self, action: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
        let path = self.path.clone();
        move |source| StoreError::Database {
            path: path.clone(),
            action,
            source,
        }
    }
}

/// The draft cleaned, or why it cannot be kept.
fn checked(draft: NoteDraft) -> Result<NoteDraft, StoreError> {
    let draft = draft.cleaned();
    if draft.item.is_empty() {
        return Err(StoreError::Invalid(
            "a note needs the key of the item it is about (`reference:porter1995`, \
             `paragraph:intro.p2`)"
                .to_owned(),
        ));
    }
    if draft.text.is_empty() && draft.passage.is_none() {
        return Err(StoreError::Invalid(
            "the note is empty: write its text, or highlight a passage".to_owned(),
        ));
    }
    Ok(draft)
}

#[cfg(test)]
mod tests;

//! What can go wrong with the notes store, in plain words: which file, what happened, what to
//! do.

use std::fmt;
use std::path::PathBuf;

use crate::corpus::study_notes::NoteId;

/// A failure of the notes store. Its `Display` is the message for the user.
#[derive(Debug)]
pub enum StoreError {
    /// The folder the store lives in could not be made.
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// SQLite refused something the store asked of it.
    Database {
        /// The store's (or a backup's) file.
        path: PathBuf,
        /// What the store was doing, in words (`"saving the note"`).
        action: &'static str,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// A damaged store could not be moved aside.
    MoveAside {
        /// The damaged file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// No note has this id.
    NoSuchNote(NoteId),
    /// A note that cannot be kept as asked (no item, nothing in it).
    Invalid(String),
    /// A backup that cannot be restored.
    BadBackup {
        /// The backup file.
        path: PathBuf,
        /// Why, in words.
        reason: String,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Folder { path, source } => write!(
                f,
                "cannot make the folder for the study notes, {}: {source}. Check that it can be \
                 written, or set PAPERLENS_STATE_DIR to a folder that can.",
                path.display()
            ),
            Self::Database {
                path,
                action,
                source,
            } => write!(
                f,
                "the study notes store {} failed while {action}: {source}. If another paperlens \
                 is writing to it, try again in a moment; check that the file and its folder can \
                 be written.",
                path.display()
            ),
            Self::MoveAside { path, source } => write!(
                f,
                "the study notes store {} is damaged and could not be moved aside: {source}. \
                 Move or rename it yourself (keep it: it may still be readable), then start \
                 paperlens again.",
                path.display()
            ),
            Self::NoSuchNote(id) => write!(
                f,
                "there is no note {id}; `paperlens notes list` shows the notes and their numbers."
            ),
            Self::Invalid(why) => f.write_str(why),
            Self::BadBackup { path, reason } => write!(
                f,
                "cannot restore the backup {}: {reason}. Choose another backup (they are in the \
                 same folder, newest last by name).",
                path.display()
            ),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Folder { source, .. } | Self::MoveAside { source, .. } => Some(source),
            Self::Database { source, .. } => Some(source),
            Self::NoSuchNote(_) | Self::Invalid(_) | Self::BadBackup { .. } => None,
        }
    }
}

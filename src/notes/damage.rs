//! A damaged store: found at open (not a database, SQLite's integrity check fails, or written
//! by a newer paperlens), moved aside under a timestamped name (kept, never deleted), and
//! [`Recovery`], what the user is told and offered.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::StoreError;
use super::schema::{SCHEMA_VERSION, version};
use crate::corpus::study_notes::Timestamp;

/// What happened when the store found at open was damaged, for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// Where the damaged file was moved (kept for inspection or repair).
    pub moved_to: PathBuf,
    /// What was wrong with it, in words.
    pub reason: String,
    /// The newest backup, offered to restore ([`super::NoteStore::restore_backup`]).
    pub backup: Option<PathBuf>,
}

impl Recovery {
    /// The message in plain words: what was wrong, where the file is now, that a fresh store
    /// was started, and the backup on offer.
    #[must_use]
    pub fn message(&self) -> String {
        let backup = match &self.backup {
            Some(backup) => format!(
                " The newest backup, {}, can be restored (`paperlens notes restore {}`).",
                backup.display(),
                backup.display()
            ),
            None => " There is no backup to restore.".to_owned(),
        };
        format!(
            "The study notes store was damaged ({}). It was moved aside to {} and kept; a fresh, \
             empty store was started.{backup}",
            self.reason,
            self.moved_to.display()
        )
    }
}

/// What is wrong with the store file at `path`, if anything: `Ok(None)` when it is sound (or
/// absent), `Ok(Some(reason))` when it must be set aside, `Err` when it cannot be told (it is
/// locked, or cannot be read) — then nothing is moved.
pub fn damage(path: &Path) -> Result<Option<String>, StoreError> {
    if !path.exists() {
        return Ok(None);
    }
    let failed = |source| StoreError::Database {
        path: path.to_owned(),
        action: "checking it at open",
        source,
    };
    let connection = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(failed)?;
    // Another paperlens may be writing: wait for it as the store itself does.
    connection
        .busy_timeout(std::time::Duration::from_secs(5))
        .map_err(failed)?;
    let found = match version(&connection) {
        Err(error) if is_damage(&error) => return Ok(Some(damage_words(&error))),
        Err(error) => return Err(failed(error)),
        Ok(found) => found,
    };
    if found > SCHEMA_VERSION {
        return Ok(Some(format!(
            "it was written by a newer paperlens, schema version {found}; this one reads up to \
             version {SCHEMA_VERSION}"
        )));
    }
    let verdict: Result<String, _> =
        connection.query_row("PRAGMA integrity_check", [], |row| row.get(0));
    match verdict {
        Ok(verdict) if verdict == "ok" => Ok(None),
        Ok(verdict) => Ok(Some(format!(
            "SQLite's integrity check failed: {}",
            verdict.lines().next().unwrap_or_default()
        ))),
        Err(error) if is_damage(&error) => Ok(Some(damage_words(&error))),
        Err(error) => Err(failed(error)),
    }
}

/// Whether SQLite's error says the file itself is bad (not a database, or corrupt), rather than
/// busy or unreadable.
fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

fn damage_words(error: &rusqlite::Error) -> String {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => "it is not an SQLite database".to_owned(),
        _ => format!("SQLite found it corrupt: {error}"),
    }
}

/// Moves the store at `path` (and its `-wal` and `-shm` files) aside to
/// `NAME.damaged-20261130T073605Z` (a number added if that is taken); returns the new path.
pub fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp: String = Timestamp::now()
        .iso()
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let free = (1..1000)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            path.with_file_name(format!("{name}.damaged-{stamp}{suffix}"))
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.with_file_name(format!("{name}.damaged")));
    let moved = |source| StoreError::MoveAside {
        path: path.to_owned(),
        source,
    };
    // The log first: a store moved without its log would lose what the log holds.
    for companion in ["-wal", "-shm"] {
        let from = with_suffix(path, companion);
        if from.exists() {
            std::fs::rename(&from, with_suffix(&free, companion)).map_err(moved)?;
        }
    }
    std::fs::rename(path, &free).map_err(moved)?;
    Ok(free)
}

/// `path` with `suffix` added to its file name (`notes.sqlite3` → `notes.sqlite3-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

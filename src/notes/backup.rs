//! The rolling backup: copies of the store made with SQLite's online backup API into
//! `notes-backups/` beside it (`notes-20261130T073605.123Z.sqlite3`), at open when the newest is
//! older than a day and after every [`BACKUP_EVERY_WRITES`] writes, the newest [`BACKUPS_KEPT`]
//! kept; and restoring one.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use super::StoreError;
use super::damage::damage;
use crate::corpus::study_notes::Timestamp;

/// The folder of backups, beside the store.
pub const BACKUP_FOLDER: &str = "notes-backups";
/// A backup is made after this many writes since the last one.
pub const BACKUP_EVERY_WRITES: u32 = 25;
/// A backup is made at open when the newest is older than this.
pub const BACKUP_MAX_AGE: Duration = Duration::from_hours(24);
/// How many backups are kept (the oldest go first).
pub const BACKUPS_KEPT: usize = 5;

/// The backups in `folder`, oldest first (by name, which is their time).
#[must_use]
pub fn backups_in(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with("notes-") && n.ends_with(".sqlite3"))
        })
        .collect();
    found.sort();
    found
}

/// Whether the newest backup in `folder` is missing or older than [`BACKUP_MAX_AGE`].
#[must_use]
pub fn backup_due(folder: &Path) -> bool {
    let Some(newest) = backups_in(folder).pop() else {
        return true;
    };
    std::fs::metadata(&newest)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_none_or(|age| age > BACKUP_MAX_AGE)
}

/// Copies the store `connection` holds into a new backup in `folder` (written under a temporary
/// name, then renamed, so that a half-written copy never looks like a backup), then drops the
/// oldest beyond [`BACKUPS_KEPT`]. Returns the backup's path.
pub fn make_backup(connection: &Connection, folder: &Path) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
        path: folder.to_owned(),
        source,
    })?;
    // `20261130T073605.123Z`: names of one length, so that their order is their time's; a
    // second backup in the same millisecond gets `_002`, which sorts after the first.
    let now = Timestamp::now();
    let seconds: String = now
        .iso()
        .chars()
        .filter(|c| !matches!(c, '-' | ':' | 'Z'))
        .collect();
    let stamp = format!("{seconds}.{:03}Z", now.0.rem_euclid(1000));
    let target = (1..1000)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("_{n:03}")
            };
            folder.join(format!("notes-{stamp}{suffix}.sqlite3"))
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| folder.join(format!("notes-{stamp}.sqlite3")));
    // One per process: the window and the command line may back up at the same time.
    let partial = folder.join(format!("backup-{}.partial", std::process::id()));
    let failed = |source| StoreError::Database {
        path: partial.clone(),
        action: "writing a backup",
        source,
    };
    let _ = std::fs::remove_file(&partial);
    {
        let mut copy = Connection::open(&partial).map_err(failed)?;
        Backup::new(connection, &mut copy)
            .and_then(|backup| backup.run_to_completion(256, Duration::ZERO, None))
            .map_err(failed)?;
        // The copy is a file on its own: no write-ahead log beside it.
        let _mode: String = copy
            .query_row("PRAGMA journal_mode=DELETE", [], |row| row.get(0))
            .map_err(failed)?;
    }
    std::fs::rename(&partial, &target).map_err(|source| StoreError::Folder {
        path: target.clone(),
        source,
    })?;
    let backups = backups_in(folder);
    for old in backups
        .iter()
        .take(backups.len().saturating_sub(BACKUPS_KEPT))
    {
        let _ = std::fs::remove_file(old);
    }
    Ok(target)
}

/// Copies the backup at `path` over the store `connection` holds, after checking that it is a
/// sound store this build can read.
pub fn restore_into(connection: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let bad = |reason: String| StoreError::BadBackup {
        path: path.to_owned(),
        reason,
    };
    if !path.is_file() {
        return Err(bad("there is no such file".to_owned()));
    }
    if let Some(reason) = damage(path).map_err(|e| bad(e.to_string()))? {
        return Err(bad(reason));
    }
    let source = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| bad(e.to_string()))?;
    Backup::new(&source, connection)
        .and_then(|backup| backup.run_to_completion(256, Duration::ZERO, None))
        .map_err(|source| StoreError::Database {
            path: path.to_owned(),
            action: "restoring a backup",
            source,
        })?;
    // The restored copy's own journal mode came with it: the store keeps its write-ahead log.
    let _ = connection.query_row("PRAGMA journal_mode=WAL", [], |row| row.get::<_, String>(0));
    Ok(())
}

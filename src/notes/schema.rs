//! The store's tables (papers, notes and their tags, answers), each schema version's step from the one before, and the connection's
//! settings (WAL, `synchronous=FULL`, foreign keys).
//!
//! `PRAGMA user_version` holds the schema version. Opening a store runs the steps it lacks in
//! one transaction, so a store is at one version or the next, never between.

use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = 3;

/// Version 1: papers (by identity), notes about items, their tags.
pub const VERSION_1: &str = "
CREATE TABLE papers (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    doi       TEXT,
    title_key TEXT NOT NULL,
    title     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX papers_by_doi ON papers(doi);
CREATE INDEX papers_by_title_key ON papers(title_key);
CREATE TABLE notes (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    paper   INTEGER NOT NULL REFERENCES papers(id),
    item    TEXT NOT NULL,
    text    TEXT NOT NULL DEFAULT '',
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL
);
CREATE INDEX notes_by_paper ON notes(paper);
CREATE TABLE note_tags (
    note     INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag      TEXT NOT NULL,
    PRIMARY KEY (note, position)
);
";

/// Version 2: highlights, a note's label and its quoted passage (characters of the paragraph's
/// printed text).
pub const VERSION_2: &str = "
ALTER TABLE notes ADD COLUMN label TEXT;
ALTER TABLE notes ADD COLUMN quote TEXT;
ALTER TABLE notes ADD COLUMN quote_start INTEGER;
ALTER TABLE notes ADD COLUMN quote_end INTEGER;
";

/// Version 3: a student's answers to "Does this source support this sentence?", one per item
/// of a paper (`answer` as `SupportAnswer::key` writes it; `answered` in milliseconds since the
/// Unix epoch).
pub const VERSION_3: &str = "
CREATE TABLE answers (
    paper    INTEGER NOT NULL REFERENCES papers(id),
    item     TEXT NOT NULL,
    answer   TEXT NOT NULL,
    answered INTEGER NOT NULL,
    PRIMARY KEY (paper, item)
);
";

/// How long a write waits for another paperlens writing the same store.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Sets a connection up as the store needs: write-ahead log, every commit synced to disk before
/// it returns, foreign keys enforced, a wait when another process holds the lock.
pub fn configure(connection: &Connection) -> rusqlite::Result<()> {
    connection.busy_timeout(BUSY_TIMEOUT)?;
    // `journal_mode` answers with the mode set; WAL is refused only on odd file systems, where
    // the rollback journal (also durable with FULL) stays.
    let _mode: String = connection.query_row("PRAGMA journal_mode=WAL", [], |row| row.get(0))?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// The schema version a store's file says it is at.
pub fn version(connection: &Connection) -> rusqlite::Result<i32> {
    connection.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings a store up to [`SCHEMA_VERSION`], every missing step in one transaction. A store at a
/// later version is left alone (the caller refuses it before).
pub fn migrate(connection: &mut Connection) -> rusqlite::Result<()> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from = version(&transaction)?;
    if from >= SCHEMA_VERSION {
        return Ok(());
    }
    for (to, step) in [(1, VERSION_1), (2, VERSION_2), (3, VERSION_3)] {
        if from < to {
            transaction.execute_batch(step)?;
        }
    }
    transaction.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    transaction.commit()
}

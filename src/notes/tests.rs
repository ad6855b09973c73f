use std::path::Path;

use rusqlite::Connection;

use super::schema::{SCHEMA_VERSION, VERSION_1};
use super::*;
use crate::corpus::study_notes::{NoteLabel, PaperAnswers, Passage, SupportAnswer};

fn paper(title: &str) -> PaperIdentity {
    PaperIdentity {
        doi: None,
        title_key: format!("{} | ada | 2024", title.to_lowercase()),
        title: title.to_owned(),
    }
}

fn open(dir: &Path) -> Opened {
    match NoteStore::open(dir) {
        Ok(opened) => opened,
        Err(error) => panic!("the store does not open: {error}"),
    }
}

fn draft(item: &str, text: &str, tags: &[&str]) -> NoteDraft {
    NoteDraft {
        item: item.to_owned(),
        text: text.to_owned(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        ..NoteDraft::default()
    }
}

fn highlight(item: &str, quote: &str) -> NoteDraft {
    NoteDraft {
        item: item.to_owned(),
        label: Some(NoteLabel::Evidence),
        passage: Some(Passage {
            quote: quote.to_owned(),
            start: 4,
            end: 4 + quote.chars().count(),
        }),
        ..NoteDraft::default()
    }
}

fn must<T>(result: Result<T, StoreError>) -> T {
    result.unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn notes_are_added_changed_deleted_and_kept_across_a_reopen() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = paper("A Paper");
    let b = paper("Another Paper");
    let (first, second, kept) = {
        let mut store = open(dir.path()).store;
        let first = must(store.add(
            &a,
            draft(
                "reference:porter1995",
                "Classic.",
                &["essay", "#Essay", "method"],
            ),
        ));
        assert_eq!(first.tags, ["essay", "method"]);
        assert_eq!(first.paper, a.key());
        assert_eq!(first.created, first.updated);
        let second = must(store.add(&a, highlight("paragraph:intro.p1", "the claim")));
        let kept = must(store.add(&b, draft("citation:intro.p1/0", "Elsewhere.", &[])));
        let edited = must(store.update(
            first.id,
            NoteDraft {
                text: "A classic, read it.".to_owned(),
                label: Some(NoteLabel::Claim),
                ..first.draft()
            },
        ));
        assert_eq!(edited.created, first.created);
        assert!(edited.updated >= first.updated);
        assert_eq!(edited.tags, first.tags);
        (edited, second, kept)
    };
    let mut store = open(dir.path()).store;
    assert_eq!(must(store.notes_of(&a)), [first.clone(), second.clone()]);
    assert_eq!(must(store.notes_of(&b)), std::slice::from_ref(&kept));
    assert!(must(store.notes_of(&paper("Unknown"))).is_empty());
    assert_eq!(
        must(store.tags(&a)),
        [
            TagCount {
                tag: "essay".to_owned(),
                notes: 1
            },
            TagCount {
                tag: "method".to_owned(),
                notes: 1
            },
        ]
    );
    assert_eq!(must(store.delete(second.id)), second);
    assert!(matches!(
        store.delete(second.id),
        Err(StoreError::NoSuchNote(_))
    ));
    assert!(matches!(
        store.update(second.id, draft("paragraph:x", "y", &[])),
        Err(StoreError::NoSuchNote(_))
    ));
    // An id is never given twice, even after a deletion.
    let third = must(store.add(&a, draft("paragraph:intro.p1", "New.", &[])));
    assert!(third.id > kept.id, "{third:?}");
    drop(store);
    let store = open(dir.path()).store;
    assert_eq!(must(store.notes_of(&a)), [first, third]);
    assert_eq!(must(store.all_notes()).len(), 3);
}

#[test]
fn empty_notes_and_notes_about_nothing_are_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = open(dir.path()).store;
    let a = paper("A");
    for bad in [
        draft("", "Text.", &[]),
        draft("reference:x", "  ", &["tag"]),
    ] {
        let error = store
            .add(&a, bad)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("item") || error.contains("empty"), "{error}");
    }
    // A bare highlight needs no text.
    assert!(store.add(&a, highlight("paragraph:p", "words")).is_ok());
    assert_eq!(must(store.all_notes()).len(), 1);
}

#[test]
fn a_paper_that_gains_a_doi_keeps_its_notes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = open(dir.path()).store;
    let without = paper("A Paper");
    let note = must(store.add(&without, draft("reference:a", "Before the DOI.", &[])));
    let with = PaperIdentity {
        doi: Some("10.1000/xyz".to_owned()),
        ..without.clone()
    };
    assert_eq!(must(store.notes_of(&with)), std::slice::from_ref(&note));
    let later = must(store.add(&with, draft("reference:b", "With the DOI.", &[])));
    assert_eq!(later.paper, "doi:10.1000/xyz");
    // Found by DOI under another title, and by title from a file that states no DOI.
    let renamed = PaperIdentity {
        title_key: "a corrected title | ada | 2024".to_owned(),
        ..with
    };
    assert_eq!(must(store.notes_of(&renamed)).len(), 2);
    assert_eq!(must(store.notes_of(&without)).len(), 2);
}

#[test]
fn the_store_is_durable_by_its_settings() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = open(dir.path()).store;
    let pragma = |name: &str| -> String {
        store
            .connection
            .query_row(&format!("PRAGMA {name}"), [], |row| {
                row.get::<_, rusqlite::types::Value>(0)
            })
            .map(|value| format!("{value:?}"))
            .unwrap_or_default()
    };
    assert_eq!(pragma("journal_mode"), "Text(\"wal\")");
    // FULL is 2.
    assert_eq!(pragma("synchronous"), "Integer(2)");
    assert_eq!(pragma("foreign_keys"), "Integer(1)");
    assert_eq!(pragma("user_version"), format!("Integer({SCHEMA_VERSION})"));
    assert_eq!(store.path(), dir.path().join(STORE_FILE));
}

#[test]
fn a_version_1_store_is_migrated_with_its_notes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join(STORE_FILE);
    {
        let connection = Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let setup = format!(
            "{VERSION_1}
             PRAGMA user_version = 1;
             INSERT INTO papers (id, key, title_key, title) VALUES (1, 'old | ada | 2024', 'old | ada | 2024', 'Old');
             INSERT INTO notes (id, paper, item, text, created, updated)
                 VALUES (7, 1, 'reference:porter1995', 'Written by version 1.', 1000, 2000);
             INSERT INTO note_tags (note, position, tag) VALUES (7, 0, 'essay');"
        );
        connection
            .execute_batch(&setup)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let opened = open(dir.path());
    assert_eq!(opened.recovery, None);
    let mut store = opened.store;
    assert_eq!(
        schema::version(&store.connection).unwrap_or_default(),
        SCHEMA_VERSION
    );
    let old = paper("Old");
    let notes = must(store.notes_of(&old));
    assert_eq!(notes.len(), 1);
    let note = &notes[0];
    assert_eq!(
        (note.id, note.text.as_str(), note.tags.as_slice()),
        (
            NoteId(7),
            "Written by version 1.",
            ["essay".to_owned()].as_slice()
        )
    );
    assert_eq!(
        (note.created, note.updated),
        (Timestamp(1000), Timestamp(2000))
    );
    assert_eq!((note.label, note.passage.clone()), (None, None));
    // What version 2 added works on the migrated store.
    let added = must(store.add(&old, highlight("paragraph:p1", "the claim")));
    assert_eq!(added.label, Some(NoteLabel::Evidence));
    assert!(added.id > NoteId(7));
}

#[test]
fn backups_roll_and_restore_what_they_hold() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = paper("A");
    let mut store = open(dir.path()).store;
    assert!(store.backups().is_empty(), "an empty store needs no backup");
    let first = must(store.add(&a, draft("reference:a", "Kept in the backup.", &["t"])));
    let backup = must(store.backup_now());
    assert_eq!(store.backups(), std::slice::from_ref(&backup));
    must(store.delete(first.id));
    must(store.add(&a, draft("reference:b", "After the backup.", &[])));
    assert_eq!(must(store.restore_backup(&backup)), 1);
    assert_eq!(must(store.notes_of(&a)), [first]);
    // The notes replaced were backed up first.
    assert_eq!(store.backups().len(), 2);
    // A backup every few writes, the newest few kept.
    let rounds = usize::try_from(BACKUP_EVERY_WRITES).unwrap_or(0) * (BACKUPS_KEPT + 2);
    for n in 0..rounds {
        must(store.add(&a, draft("reference:a", &format!("Note {n}."), &[])));
    }
    assert_eq!(store.backups().len(), BACKUPS_KEPT);
    // The newest by name is the one made last, even within one millisecond.
    let last = must(store.backup_now());
    let again = must(store.backup_now());
    assert_eq!(store.backups().last(), Some(&again));
    assert_eq!(store.backups().iter().rev().nth(1), Some(&last));
    assert_eq!(store.backup_error(), None);
    // A backup that is not a store is refused, and nothing changes.
    let garbage = dir.path().join("garbage.sqlite3");
    std::fs::write(&garbage, b"not a database at all, just words").unwrap_or_default();
    let error = store
        .restore_backup(&garbage)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        error.contains("garbage.sqlite3") && error.contains("not an SQLite database"),
        "{error}"
    );
    assert_eq!(must(store.notes_of(&a)).len(), rounds + 1);
}

#[test]
fn a_backup_is_made_at_open_when_the_last_is_a_day_old() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    {
        let mut store = open(dir.path()).store;
        must(store.add(&paper("A"), draft("reference:a", "Note.", &[])));
    }
    let store = open(dir.path()).store;
    assert_eq!(store.backups().len(), 1, "none yet: one at open");
    drop(store);
    let store = open(dir.path()).store;
    assert_eq!(store.backups().len(), 1, "a fresh one: no second");
    // Two days later, the next open makes another.
    let backups = store.backups();
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(48);
    std::fs::File::options()
        .write(true)
        .open(&backups[0])
        .and_then(|file| file.set_modified(two_days_ago))
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    let store = open(dir.path()).store;
    assert_eq!(store.backups().len(), 2, "a day old: a new one");
}

#[test]
fn a_damaged_store_is_moved_aside_kept_and_a_fresh_one_started() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = paper("A");
    let backup = {
        let mut store = open(dir.path()).store;
        must(store.add(&a, draft("reference:a", "Saved.", &[])));
        must(store.backup_now())
    };
    let path = dir.path().join(STORE_FILE);
    let garbage = b"\x00\x01 this was a store once \xff\xfe".repeat(300);
    std::fs::write(&path, &garbage).unwrap_or_default();
    let _ = std::fs::remove_file(damage::with_suffix(&path, "-wal"));
    let opened = open(dir.path());
    let recovery = opened
        .recovery
        .clone()
        .unwrap_or_else(|| panic!("no recovery"));
    assert_eq!(
        std::fs::read(&recovery.moved_to).unwrap_or_default(),
        garbage
    );
    assert_eq!(recovery.backup.as_ref(), Some(&backup));
    let message = recovery.message();
    assert!(message.contains("not an SQLite database"), "{message}");
    assert!(
        message.contains(&recovery.moved_to.display().to_string()),
        "{message}"
    );
    assert!(message.contains(&backup.display().to_string()), "{message}");
    let mut store = opened.store;
    assert!(must(store.notes_of(&a)).is_empty());
    must(store.add(&a, draft("reference:b", "In the fresh store.", &[])));
    assert_eq!(must(store.restore_backup(&backup)), 1);
    assert_eq!(must(store.notes_of(&a))[0].text, "Saved.");
}

#[test]
fn a_store_from_a_newer_paperlens_is_set_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    {
        let store = open(dir.path()).store;
        store
            .connection
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let opened = open(dir.path());
    let recovery = opened.recovery.unwrap_or_else(|| panic!("no recovery"));
    assert!(
        recovery.reason.contains("newer paperlens"),
        "{}",
        recovery.reason
    );
    assert!(recovery.moved_to.exists());
    assert!(recovery.message().contains("There is no backup"));
}

#[test]
fn a_store_whose_pages_are_corrupt_is_set_aside() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = paper("A");
    {
        let mut store = open(dir.path()).store;
        for n in 0..200 {
            must(store.add(
                &a,
                draft(
                    "reference:a",
                    &format!("Note {n} {}", "words ".repeat(20)),
                    &["t"],
                ),
            ));
        }
    }
    let path = dir.path().join(STORE_FILE);
    let mut bytes = std::fs::read(&path).unwrap_or_default();
    assert!(bytes.len() > 8 * 4096, "{}", bytes.len());
    // The header stays a database's; pages after it are scribbled over.
    for byte in bytes.iter_mut().skip(2 * 4096).take(4 * 4096) {
        *byte = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap_or_default();
    let opened = open(dir.path());
    let recovery = opened
        .recovery
        .unwrap_or_else(|| panic!("the corrupt store was kept in use"));
    assert!(
        recovery.reason.contains("integrity check") || recovery.reason.contains("corrupt"),
        "{}",
        recovery.reason
    );
    assert_eq!(std::fs::read(&recovery.moved_to).unwrap_or_default(), bytes);
    assert!(must(opened.store.notes_of(&a)).is_empty());
}

#[test]
fn answers_are_kept_per_paper_replaced_and_found_after_a_reopen() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = paper("A Paper");
    let b = paper("Another Paper");
    {
        let mut store = open(dir.path()).store;
        assert!(must(store.answers_of(&a)).is_empty());
        must(store.set_answer(&a, "citation:intro.p1/0", SupportAnswer::No));
        must(store.set_answer(&a, "citation:intro.p1/0", SupportAnswer::Partly));
        must(store.set_answer(&a, "reference:porter1995", SupportAnswer::CantTell));
        must(store.set_answer(&b, "citation:intro.p1/0", SupportAnswer::Yes));
        // Answers given before the store kept them come in without overwriting its own.
        let older: PaperAnswers = [
            ("citation:intro.p1/0".to_owned(), SupportAnswer::Yes),
            ("citation:data.p2/1".to_owned(), SupportAnswer::No),
        ]
        .into_iter()
        .collect();
        assert_eq!(must(store.adopt_answers(&a, &older)), 1);
    }
    let store = open(dir.path()).store;
    let expected: PaperAnswers = [
        ("citation:data.p2/1".to_owned(), SupportAnswer::No),
        ("citation:intro.p1/0".to_owned(), SupportAnswer::Partly),
        ("reference:porter1995".to_owned(), SupportAnswer::CantTell),
    ]
    .into_iter()
    .collect();
    assert_eq!(must(store.answers_of(&a)), expected);
    assert_eq!(
        must(store.answers_of(&b)).into_iter().collect::<Vec<_>>(),
        [("citation:intro.p1/0".to_owned(), SupportAnswer::Yes)]
    );
    assert!(must(store.answers_of(&paper("Unknown"))).is_empty());
    // A value written by a newer version is left out, not misread.
    must(
        store
            .connection
            .execute("UPDATE answers SET answer = 'strongly'", [])
            .map_err(store.failed("test")),
    );
    assert!(must(store.answers_of(&b)).is_empty());
}

#[test]
fn a_store_with_only_answers_is_backed_up_before_a_restore() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = paper("A Paper");
    let mut store = open(dir.path()).store;
    must(store.add(&a, draft("reference:porter1995", "Kept.", &[])));
    let backup = must(store.backup_now());
    let note = must(store.notes_of(&a)).remove(0);
    must(store.delete(note.id));
    must(store.set_answer(&a, "citation:intro.p1/0", SupportAnswer::No));
    let before = store.backups().len();
    assert_eq!(must(store.restore_backup(&backup)), 1);
    // The answer given after the backup was saved in a backup of its own first.
    assert_eq!(store.backups().len(), before + 1);
    assert!(must(store.answers_of(&a)).is_empty());
}

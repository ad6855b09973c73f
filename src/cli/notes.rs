//! `paperlens notes add | list | export | delete | restore`: the study notes from the command
//! line, for scripts and tests. The notes are kept in the state directory's store
//! (`$PAPERLENS_STATE_DIR/notes.sqlite3`), under the paper's identity; the corpus is the
//! built-in one unless `--corpus` names a file.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

use crate::corpus::study_notes::{
    NoteDraft, NoteId, NoteLabel, PaperIdentity, Passage, nearest_keys,
};
use crate::corpus::{Corpus, Item};
use crate::formats::notes::{NoteFields, to_csv, to_json, to_markdown};
use crate::notes::{NoteStore, StoreError, state_dir};

use super::export::write_export;
use super::{eprint_diagnostics, load_corpus_or_builtin, loaded};

/// Arguments of `paperlens notes`.
#[derive(Debug, Clone, clap::Args)]
pub struct NotesArgs {
    /// What to do with the notes.
    #[command(subcommand)]
    pub action: NotesAction,
}

/// What `paperlens notes` does.
#[derive(Debug, Clone, Subcommand)]
pub enum NotesAction {
    /// Add a note about an item of the paper: `paperlens notes add reference:porter1995 "Text"`;
    /// a highlight with `paperlens notes add paragraph:intro.p2 --quote "words of it"`.
    Add {
        /// The item's stable key: `reference:porter1995`, `paragraph:introduction.p2`,
        /// `citation:introduction.p2/0`, `case:…`, `point:victims/2022` …
        item: String,
        /// The note's text (may be left out for a highlight with `--quote`).
        text: Option<String>,
        /// A tag (repeat for more).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// What it marks the passage or item as.
        #[arg(long, value_enum)]
        label: Option<LabelArg>,
        /// Highlight these words of the paragraph (or of the citation's paragraph), as printed.
        #[arg(long, value_name = "TEXT")]
        quote: Option<String>,
        /// The corpus, paper or bibliography (the built-in corpus when absent).
        #[arg(long, value_name = "FILE")]
        corpus: Option<PathBuf>,
        /// Add the note this many times, numbered, printing each as it is saved (a test of
        /// durability).
        #[arg(long, hide = true, value_name = "N")]
        repeat: Option<u32>,
    },
    /// List the paper's notes, grouped by section (detached notes last).
    List {
        /// The corpus, paper or bibliography (the built-in corpus when absent).
        #[arg(long, value_name = "FILE")]
        corpus: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Export the paper's notes: Markdown with Pandoc citations (`[@porter1995]`) grouped by
    /// section, or CSV with one row per note.
    Export {
        /// The format.
        #[arg(long, value_enum)]
        format: NotesFormat,
        /// The file to write (standard output when absent).
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The corpus, paper or bibliography (the built-in corpus when absent).
        #[arg(long, value_name = "FILE")]
        corpus: Option<PathBuf>,
    },
    /// Delete a note by its number (`paperlens notes list` shows them).
    Delete {
        /// The note's number.
        id: i64,
    },
    /// Replace the notes with a backup's (those replaced are backed up first).
    Restore {
        /// The backup file (in `notes-backups/` beside the store).
        backup: PathBuf,
    },
}

/// A note's label on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LabelArg {
    /// A claim the paper makes.
    Claim,
    /// Evidence for a claim.
    Evidence,
    /// Something to ask about.
    Question,
    /// A definition.
    Definition,
}

impl From<LabelArg> for NoteLabel {
    fn from(label: LabelArg) -> Self {
        match label {
            LabelArg::Claim => Self::Claim,
            LabelArg::Evidence => Self::Evidence,
            LabelArg::Question => Self::Question,
            LabelArg::Definition => Self::Definition,
        }
    }
}

/// How `notes list` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Grouped by section, for people.
    Text,
    /// A JSON array, for programs.
    Json,
}

/// The formats of `notes export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NotesFormat {
    /// Markdown with Pandoc citations, for an essay (Pandoc, Quarto, Obsidian).
    Markdown,
    /// CSV, one row per note.
    Csv,
}

/// `paperlens notes …`. Exit status: 0 done, 1 a key, quote or note that does not exist or a
/// note with nothing in it, 2 a corpus or the store that cannot be read or written.
#[must_use]
pub fn notes(args: &NotesArgs) -> ExitCode {
    let result = match &args.action {
        NotesAction::Add {
            item,
            text,
            tags,
            label,
            quote,
            corpus,
            repeat,
        } => with_corpus(corpus.as_ref(), |corpus| {
            let draft = NoteDraft {
                item: item.trim().to_owned(),
                text: text.clone().unwrap_or_default(),
                tags: tags.clone(),
                label: label.map(NoteLabel::from),
                passage: None,
            };
            add(corpus, draft, quote.as_deref(), repeat.unwrap_or(1))
        }),
        NotesAction::List { corpus, format } => with_corpus(corpus.as_ref(), |corpus| {
            let notes = open_store()?.notes_of(&PaperIdentity::of(corpus))?;
            let text = match format {
                ListFormat::Text => list_text(corpus, &notes),
                ListFormat::Json => {
                    to_json(corpus, &notes).map_err(|e| Failure::Io(e.to_string()))?
                }
            };
            let _ = std::io::stdout().write_all(text.as_bytes());
            Ok(ExitCode::SUCCESS)
        }),
        NotesAction::Export {
            format,
            out,
            corpus,
        } => with_corpus(corpus.as_ref(), |corpus| {
            let notes = open_store()?.notes_of(&PaperIdentity::of(corpus))?;
            let (text, what) = match format {
                NotesFormat::Markdown => (to_markdown(corpus, &notes), "Markdown"),
                NotesFormat::Csv => (
                    to_csv(corpus, &notes).map_err(|e| Failure::Io(e.to_string()))?,
                    "CSV",
                ),
            };
            Ok(write_export(
                out.as_ref(),
                &text,
                &format!("{} as {what}", crate::corpus::counted(notes.len(), "note")),
            ))
        }),
        NotesAction::Delete { id } => open_store().and_then(|mut store| {
            let note = store.delete(NoteId(*id))?;
            println!("deleted note {} about {}", note.id, note.item);
            Ok(ExitCode::SUCCESS)
        }),
        NotesAction::Restore { backup } => open_store().and_then(|mut store| {
            let count = store.restore_backup(backup)?;
            println!(
                "restored {} from {} into {}",
                crate::corpus::counted(count, "note"),
                backup.display(),
                store.path().display()
            );
            Ok(ExitCode::SUCCESS)
        }),
    };
    result.unwrap_or_else(|failure| {
        let (code, message) = match failure {
            Failure::Input(message) => (1, message),
            Failure::Store(error @ (StoreError::NoSuchNote(_) | StoreError::Invalid(_))) => {
                (1, error.to_string())
            }
            Failure::Store(error) => (2, error.to_string()),
            Failure::Io(message) => (2, message),
            Failure::Exit(code) => return code,
        };
        eprintln!("error: {message}");
        ExitCode::from(code)
    })
}

/// Why a `notes` command stopped.
enum Failure {
    /// Input that names nothing or says nothing (exit 1).
    Input(String),
    /// The store's failure.
    Store(StoreError),
    /// A file that cannot be written (exit 2).
    Io(String),
    /// The corpus did not load; its diagnostics are printed already.
    Exit(ExitCode),
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Self {
        Self::Store(error)
    }
}

/// Runs `then` on the corpus `path` names (the built-in one when absent), its warnings printed
/// on standard error; a corpus that does not load is reported as `check` reports it.
fn with_corpus(
    path: Option<&PathBuf>,
    then: impl FnOnce(&Corpus) -> Result<ExitCode, Failure>,
) -> Result<ExitCode, Failure> {
    let report = load_corpus_or_builtin(path);
    if report.corpus.is_none() {
        eprint_diagnostics(&report, &report.diagnostics);
    }
    let corpus = loaded(&report).map_err(Failure::Exit)?;
    then(corpus)
}

/// The store in the state directory, a damaged one's recovery said on standard error.
fn open_store() -> Result<NoteStore, Failure> {
    let Some(dir) = state_dir() else {
        return Err(Failure::Io(
            "no folder for the study notes: set PAPERLENS_STATE_DIR to a folder paperlens may \
             write to"
                .to_owned(),
        ));
    };
    let opened = NoteStore::open(&dir)?;
    if let Some(recovery) = &opened.recovery {
        eprintln!("warning: {}", recovery.message());
    }
    Ok(opened.store)
}

/// `notes add`: the item checked, a `--quote` found in its paragraph, then the note saved
/// `repeat` times (numbered when more than once), each printed as soon as it is on disk.
fn add(
    corpus: &Corpus,
    mut draft: NoteDraft,
    quote: Option<&str>,
    repeat: u32,
) -> Result<ExitCode, Failure> {
    let Some(item) = Item::from_key(&draft.item, corpus) else {
        let near = nearest_keys(corpus, &draft.item, 3);
        let hint = if near.is_empty() {
            "keys look like reference:porter1995, paragraph:introduction.p1, \
             citation:introduction.p1/0"
                .to_owned()
        } else {
            format!("did you mean {}?", near.join(", "))
        };
        return Err(Failure::Input(format!(
            "no item `{}` in {}; {hint}",
            draft.item, corpus.source_name
        )));
    };
    if let Some(quote) = quote {
        let paragraph = match item {
            Item::Paragraph(p) => Some(p),
            Item::Citation(c) => corpus.index.citations.get(c).map(|c| c.paragraph),
            _ => None,
        };
        let Some(printed) = paragraph
            .and_then(|p| corpus.index.paragraphs.get(p))
            .map(|info| info.printed.as_str())
        else {
            return Err(Failure::Input(format!(
                "--quote highlights words of a paragraph: `{}` is a {}, not a paragraph or a \
                 citation",
                draft.item,
                item.kind().noun()
            )));
        };
        draft.passage = Some(Passage::of_quote(printed, quote).ok_or_else(|| {
            Failure::Input(format!(
                "the words \"{quote}\" are not in {} as the paper prints it",
                draft.item
            ))
        })?);
    }
    let paper = PaperIdentity::of(corpus);
    let mut store = open_store()?;
    let mut stdout = std::io::stdout().lock();
    for n in 1..=repeat.max(1) {
        let mut this = draft.clone();
        if repeat > 1 {
            this.text = format!("{} {n}", this.text.trim());
        }
        let note = store.add(&paper, this)?;
        let _ = writeln!(stdout, "added note {} about {}", note.id, note.item);
        let _ = stdout.flush();
    }
    if let Some(problem) = store.backup_error() {
        eprintln!("warning: the notes were saved, but the backup failed: {problem}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The notes in words, grouped by section: each note's number, label, item and tags, its quote
/// and its text.
fn list_text(corpus: &Corpus, notes: &[crate::corpus::study_notes::StudyNote]) -> String {
    use std::fmt::Write as _;
    let fields = NoteFields::all(corpus, notes);
    let mut out = String::new();
    let title = PaperIdentity::of(corpus).title;
    let _ = writeln!(
        out,
        "{} on {}",
        crate::corpus::counted(fields.len(), "note"),
        if title.is_empty() {
            corpus.source_name.as_str()
        } else {
            title.as_str()
        }
    );
    let mut section = None;
    for note in &fields {
        if section.as_ref() != Some(&note.section) {
            section = Some(note.section.clone());
            let _ = writeln!(out, "\n{}", note.section);
        }
        let label = if note.label.is_empty() {
            String::new()
        } else {
            format!(" [{}]", note.label)
        };
        let tags = if note.tags.is_empty() {
            String::new()
        } else {
            format!("  tags: {}", note.tags.join(", "))
        };
        let _ = writeln!(out, "  #{}{label} {}{tags}", note.id, note.item);
        if !note.quote.is_empty() {
            let _ = writeln!(
                out,
                "      > {}",
                note.quote.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
        for line in note.text.lines() {
            let _ = writeln!(out, "      {line}");
        }
    }
    out
}

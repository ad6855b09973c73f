//! `paperlens export`: references, a table, the cases, the in-text citations, the citation
//! check's flags or the whole corpus, written to a file or standard output.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use crate::corpus::checks::CitationChecks;
use crate::corpus::counted;
use crate::formats::ReferenceFormat;

use super::{eprint_diagnostics, load_corpus_or_builtin, loaded};

/// Arguments of `paperlens export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// What to export.
    #[command(subcommand)]
    pub what: ExportWhat,
}

/// What `paperlens export` writes.
#[derive(Debug, Clone, Subcommand)]
pub enum ExportWhat {
    /// The references, each with its cross-links (citing sentences, cases …) in the format's
    /// note field.
    Refs {
        /// The format to write.
        #[arg(long, short, value_enum, value_name = "FORMAT")]
        format: ReferenceFormat,
        /// Export only the reference with this key (repeat for several).
        #[arg(long = "id", value_name = "KEY")]
        ids: Vec<String>,
        /// The file to write (standard output when absent).
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The corpus or bibliography to read (the built-in corpus when absent).
        #[arg(value_name = "CORPUS")]
        corpus: Option<PathBuf>,
    },
    /// One of the paper's tables as CSV: its headers, then its rows as printed.
    Table {
        /// The id of the table to write (the first table when absent).
        #[arg(long = "table", value_name = "ID")]
        table: Option<String>,
        /// The file to write (standard output when absent).
        #[arg(long, short, value_name = "FILE.csv")]
        out: Option<PathBuf>,
        /// The corpus to read (the built-in corpus when absent).
        #[arg(value_name = "CORPUS")]
        corpus: Option<PathBuf>,
    },
    /// Every in-text citation as CSV, one row per cited reference: its section, paragraph id,
    /// citing sentence, the citation as printed, the reference's id and label; then those
    /// printed in table cells, with the row's id and the row as printed; then the works
    /// captions cite.
    Citations {
        /// The file to write (standard output when absent).
        #[arg(long, short, value_name = "FILE.csv")]
        out: Option<PathBuf>,
        /// The corpus or paper to read (the built-in corpus when absent).
        #[arg(value_name = "CORPUS")]
        corpus: Option<PathBuf>,
    },
    /// The cases as CSV, one row per case.
    Cases {
        /// The file to write (standard output when absent).
        #[arg(long, short, value_name = "FILE.csv")]
        out: Option<PathBuf>,
        /// The corpus to read (the built-in corpus when absent).
        #[arg(value_name = "CORPUS")]
        corpus: Option<PathBuf>,
    },
    /// The citation check's flags: as CSV (one row per flag: kind, check, severity, reference,
    /// citation, place, sentence, message, evidence), as a Markdown worksheet for a student
    /// (grouped by reference, each flag's sentence, evidence and boxes to tick) or as JSON.
    Flags {
        /// The format to write (by `--out`'s extension when absent: `.md` Markdown, `.json`
        /// JSON, anything else CSV).
        #[arg(long, short, value_enum, value_name = "FORMAT")]
        format: Option<FlagsFormat>,
        /// The file to write (standard output when absent).
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The corpus or paper to read (the built-in corpus when absent).
        #[arg(value_name = "CORPUS")]
        corpus: Option<PathBuf>,
    },
    /// The whole corpus as pretty-printed JSON in canonical order (a bibliography read from
    /// another format becomes a paperlens corpus).
    Corpus {
        /// The file to write (standard output when absent).
        #[arg(long, short, value_name = "FILE.json")]
        out: Option<PathBuf>,
        /// The corpus or bibliography to read (the built-in corpus when absent).
        #[arg(value_name = "CORPUS")]
        corpus: Option<PathBuf>,
    },
}

/// How `export flags` writes the flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FlagsFormat {
    /// One row per flag, for a spreadsheet.
    Csv,
    /// A worksheet for a student: each flag's sentence, evidence and boxes to tick.
    Markdown,
    /// The object `check --citations --format json` prints.
    Json,
}

impl FlagsFormat {
    /// The format asked for, else the one `out`'s extension names (`.md`, `.markdown`,
    /// `.json`), else CSV.
    fn chosen(asked: Option<Self>, out: Option<&PathBuf>) -> Self {
        asked.unwrap_or_else(|| {
            let extension = out
                .and_then(|path| path.extension())
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            match extension.as_deref() {
                Some("md" | "markdown") => Self::Markdown,
                Some("json") => Self::Json,
                _ => Self::Csv,
            }
        })
    }

    /// Its name in the line saying what was written.
    fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Markdown => "a Markdown worksheet",
            Self::Json => "JSON",
        }
    }
}

/// `paperlens export`: writes references, the table, the cases, the citations, the flags or
/// the corpus. Returns 0 when
/// written, 1 for an invalid corpus or an unknown `--id`, 2 when a file cannot be read or
/// written. Diagnostics go to standard error, rendered as `check` renders them.
#[must_use]
pub fn export(args: &ExportArgs) -> ExitCode {
    use crate::formats;
    let (corpus_path, out) = match &args.what {
        ExportWhat::Refs { corpus, out, .. }
        | ExportWhat::Table { corpus, out, .. }
        | ExportWhat::Citations { corpus, out }
        | ExportWhat::Cases { corpus, out }
        | ExportWhat::Flags { corpus, out, .. }
        | ExportWhat::Corpus { corpus, out } => (corpus.as_ref(), out.as_ref()),
    };
    let report = load_corpus_or_builtin(corpus_path);
    eprint_diagnostics(&report, &report.diagnostics);
    let corpus = match loaded(&report) {
        Ok(corpus) => corpus,
        Err(code) => return code,
    };
    let (result, what) = match &args.what {
        ExportWhat::Refs { format, ids, .. } => {
            let mut positions = Vec::with_capacity(ids.len());
            for id in ids {
                let Some(position) = corpus.reference_by_id(id) else {
                    eprintln!(
                        "error: {} has no reference with the key `{id}`; `paperlens export refs --format csl-json` lists every key",
                        report.source_name
                    );
                    return ExitCode::from(1);
                };
                positions.push(position);
            }
            let count = if ids.is_empty() {
                corpus.file.references.len()
            } else {
                positions.len()
            };
            let format = *format;
            (
                formats::export_references(
                    corpus,
                    format,
                    (!ids.is_empty()).then_some(positions.as_slice()),
                ),
                format!("{} as {}", counted(count, "reference"), format.label()),
            )
        }
        ExportWhat::Table { table, .. } => {
            let Some((position, chosen)) = chosen_table(corpus, table.as_deref()) else {
                return ExitCode::from(1);
            };
            (
                formats::csv::table(corpus, position),
                format!(
                    "{} as CSV ({})",
                    counted(chosen.rows.len(), "row"),
                    chosen.title()
                ),
            )
        }
        ExportWhat::Citations { .. } => (
            formats::csv::citations(corpus),
            format!(
                "{} as CSV",
                counted(formats::csv::citation_rows(corpus), "cited reference")
            ),
        ),
        ExportWhat::Cases { .. } => (
            formats::csv::cases(corpus),
            format!("{} as CSV", counted(corpus.file.cases.len(), "case")),
        ),
        ExportWhat::Flags { format, .. } => {
            let checks = CitationChecks::run(corpus);
            let format = FlagsFormat::chosen(*format, out);
            let written = match format {
                FlagsFormat::Csv => formats::flags::to_csv(corpus, &checks),
                FlagsFormat::Markdown => Ok(formats::flags::to_markdown(corpus, &checks)),
                FlagsFormat::Json => formats::flags::to_json(corpus, &checks),
            };
            (
                written,
                format!(
                    "{} as {}",
                    counted(checks.flags.len(), "flag"),
                    format.label()
                ),
            )
        }
        ExportWhat::Corpus { .. } => (
            formats::export_corpus_json(&corpus.file_to_write()),
            "the corpus as JSON".to_owned(),
        ),
    };
    let text = match result {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(1);
        }
    };
    write_export(out, &text, &what)
}

/// The table `export table` writes: the one with the id given, or the first; `None` (said on
/// standard error) when there is no such table.
fn chosen_table<'a>(
    corpus: &'a crate::corpus::Corpus,
    id: Option<&str>,
) -> Option<(usize, &'a crate::corpus::model::Table)> {
    let tables = &corpus.file.tables;
    let chosen = match id {
        Some(id) => tables.iter().enumerate().find(|(_, t)| t.id == id),
        None => tables.first().map(|t| (0, t)),
    };
    if chosen.is_none() {
        let known: Vec<&str> = tables.iter().map(|t| t.id.as_str()).collect();
        match id {
            Some(id) if !known.is_empty() => eprintln!(
                "error: no table has the id `{id}`; the corpus's tables are: {}",
                known.join(", ")
            ),
            _ => eprintln!("error: {} has no tables to export", corpus.source_name),
        }
    }
    chosen
}

/// Writes an export to `out` (saying what was written), or to standard output without one.
pub(super) fn write_export(out: Option<&PathBuf>, text: &str, what: &str) -> ExitCode {
    let Some(path) = out else {
        // A closed pipe (e.g. `| head`) is not an error worth a panic.
        let _ = std::io::stdout().write_all(text.as_bytes());
        return ExitCode::SUCCESS;
    };
    if let Err(error) = std::fs::write(path, text.as_bytes()) {
        eprintln!(
            "error: cannot write `{}`: {error}; check that the folder exists and that you may write there",
            path.display()
        );
        return ExitCode::from(2);
    }
    println!("wrote {} ({what})", path.display());
    ExitCode::SUCCESS
}

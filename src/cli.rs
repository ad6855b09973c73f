//! The command line: `paperlens [PATH]`, `paperlens check [FILE]`, `paperlens schema`.
//!
//! Commands that need no window live here and use only [`crate::corpus`].

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::diagnostics::{self, render_human, render_json};
use crate::corpus::load::{LoadFailure, LoadReport, load_path, load_str};
use crate::corpus::{BUILTIN_JSON, BUILTIN_NAME, schema};

/// paperlens: explore a research paper as linked panels of text, citations, references, cases,
/// a regional table and trends.
#[derive(Debug, Parser)]
#[command(
    name = "paperlens",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without a command, open the explorer window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options for the explorer window.
    #[command(flatten)]
    pub window: WindowArgs,
}

/// Options of the explorer window.
#[derive(Debug, Default, Clone, clap::Args)]
pub struct WindowArgs {
    /// A corpus file to open (the built-in corpus when absent).
    pub path: Option<PathBuf>,
    /// Render the window once, save it as a PNG here, and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// The main view to show.
    #[arg(long, value_enum)]
    pub view: Option<ViewArg>,
    /// An item to select, by key: `reference:porter1995`, `region:asean`, `case:…`, `entity:…`.
    #[arg(long, value_name = "ITEM")]
    pub select: Option<String>,
    /// Window size for `--screenshot`, as WIDTHxHEIGHT in points.
    #[arg(long, value_name = "WxH", default_value = "1280x800")]
    pub size: String,
}

/// A main view named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// The paper's text.
    Reader,
    /// The regional cooperation table.
    Table,
    /// The case studies.
    Cases,
    /// The trend chart.
    Trends,
}

/// A command that needs no window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a corpus file (the built-in corpus when no FILE) and print its diagnostics.
    ///
    /// Exit status: 0 no errors, 1 errors, 2 the file cannot be read.
    Check {
        /// The corpus file to check.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
    },
    /// Print the JSON Schema of the corpus format.
    Schema,
}

/// How `check` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// As a compiler does, for people.
    Human,
    /// As JSON, for programs.
    Json,
}

/// Runs a window-less command and returns the process exit code.
#[must_use]
pub fn run_command(command: &Command) -> ExitCode {
    match command {
        Command::Check { file, format } => check(file.as_ref(), *format),
        Command::Schema => {
            print!("{}", schema::corpus_schema_json());
            ExitCode::SUCCESS
        }
    }
}

/// `paperlens check`: prints diagnostics and a summary; 0 clean, 1 errors, 2 unreadable.
#[must_use]
pub fn check(file: Option<&PathBuf>, format: OutputFormat) -> ExitCode {
    let report = match file {
        Some(path) => load_path(path),
        None => load_str(BUILTIN_JSON, BUILTIN_NAME),
    };
    let text = match format {
        OutputFormat::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut text = render_human(
                &report.diagnostics,
                &report.source_name,
                report.source_text.as_deref(),
                color,
            );
            text.push_str(&summary_line(&report));
            text.push('\n');
            text
        }
        OutputFormat::Json => {
            let mut text = render_json(
                &report.diagnostics,
                &report.source_name,
                &summary_json(&report),
            );
            text.push('\n');
            text
        }
    };
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(text.as_bytes());
    match report.failure() {
        None => ExitCode::SUCCESS,
        Some(LoadFailure::Invalid) => ExitCode::from(1),
        Some(LoadFailure::Unreadable) => ExitCode::from(2),
    }
}

/// One line: what the corpus holds and how many errors and warnings were found.
#[must_use]
pub fn summary_line(report: &LoadReport) -> String {
    let (errors, warnings) = diagnostics::count(&report.diagnostics);
    let verdict = format!(
        "{errors} error{}, {warnings} warning{}",
        plural(errors),
        plural(warnings)
    );
    match &report.corpus {
        Some(corpus) => {
            let s = corpus.summary();
            format!(
                "{}: {} references, {} citations ({} citation groups), {} sections, {} paragraphs, {} entities, {} cases, {} table rows, {} series points; {verdict}",
                report.source_name,
                s.references,
                s.citations,
                s.citation_groups,
                s.sections,
                s.paragraphs,
                s.entities,
                s.cases,
                s.table_rows,
                s.series_points,
            )
        }
        None => format!("{}: not loaded; {verdict}", report.source_name),
    }
}

fn summary_json(report: &LoadReport) -> serde_json::Value {
    let (errors, warnings) = diagnostics::count(&report.diagnostics);
    let mut value = serde_json::json!({ "errors": errors, "warnings": warnings, "loaded": report.corpus.is_some() });
    if let (Some(corpus), Some(object)) = (&report.corpus, value.as_object_mut())
        && let Ok(serde_json::Value::Object(counts)) = serde_json::to_value(corpus.summary())
    {
        object.extend(counts);
    }
    value
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

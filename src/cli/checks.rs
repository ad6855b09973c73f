//! `paperlens check --citations [FILE] [--format json]`: the citation check's flags in plain
//! words grouped by kind, or as JSON; a file that does not load is reported as `check`
//! reports it.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::corpus::checks::CitationChecks;
use crate::formats::flags;

use super::{
    OutputFormat, check_exit_code, eprint_diagnostics, load_corpus_or_builtin, print_diagnostics,
};

/// `paperlens check --citations`: loads `file` (the built-in corpus without one) and prints its
/// flags on standard output, in plain words or, with `format` JSON, as the object
/// [`flags::to_json`] writes; the file's own diagnostics go to standard error. A file that does
/// not load prints what `check` prints, in the same format, with its exit code (1 errors, 2
/// unreadable). Flags never change the exit status: 0 whenever the file loads.
#[must_use]
pub fn check_citations(file: Option<&PathBuf>, format: OutputFormat) -> ExitCode {
    let report = load_corpus_or_builtin(file);
    let Some(corpus) = &report.corpus else {
        print_diagnostics(&report, format);
        return check_exit_code(&report);
    };
    eprint_diagnostics(&report, &report.diagnostics);
    let checks = CitationChecks::run(corpus);
    let text = match format {
        OutputFormat::Human => flags::to_text(corpus, &checks),
        OutputFormat::Json => match flags::to_json(corpus, &checks) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::from(1);
            }
        },
    };
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(text.as_bytes());
    check_exit_code(&report)
}

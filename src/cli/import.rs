//! `paperlens import`: a paper (JATS, GROBID TEI, Pandoc Markdown, plain text) written as a
//! corpus, with what the import found and could not map on standard error.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::corpus::summary_line;
use crate::formats::paper::PaperKind;
use crate::open::{OpenOptions, open_path_with};

use super::{eprint_diagnostics, loaded, write_export};

/// Arguments of `paperlens import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The paper to read: JATS XML (`.xml`, `.nxml`), GROBID TEI XML, Pandoc Markdown (`.md`),
    /// plain text with numbered or author–date citations (`.txt`), or a PDF (its text, through
    /// Poppler's `pdftotext`); the kind is told from the content.
    #[arg(value_name = "PAPER")]
    pub paper: PathBuf,
    /// The corpus file to write (standard output when absent).
    #[arg(long, short, value_name = "CORPUS.json")]
    pub out: Option<PathBuf>,
    /// The paper's bibliography (BibTeX, CSL-JSON, CSL YAML or RIS), instead of the one a
    /// Markdown paper names in its `bibliography:`.
    #[arg(long, value_name = "FILE")]
    pub bib: Option<PathBuf>,
    /// Read the paper as this kind, whatever its content looks like.
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<PaperKind>,
}

/// `paperlens import`: 0 written, 1 the paper cannot be read as a corpus, 2 a file cannot be
/// read or written.
#[must_use]
pub fn import(args: &ImportArgs) -> ExitCode {
    let options = OpenOptions {
        bibliography: args.bib.clone(),
        kind: args.kind,
    };
    let report = open_path_with(&args.paper, &options);
    eprint_diagnostics(&report, &report.diagnostics);
    let corpus = match loaded(&report) {
        Ok(corpus) => corpus,
        Err(code) => return code,
    };
    match crate::formats::export_corpus_json(&corpus.file_to_write()) {
        Ok(text) => write_export(
            args.out.as_ref(),
            &text,
            &format!("paperlens-corpus/2, {}", summary_line(&report)),
        ),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}

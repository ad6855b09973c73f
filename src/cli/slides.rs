//! `paperlens slides`: the arguments, and what the command line checks before the window's
//! renderer draws the slides (`main.rs` hands the prepared job to `app::export_slides`: the
//! command line never imports the window).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::corpus::Corpus;
use crate::corpus::summary_line;

use super::{eprint_diagnostics, load_corpus_or_builtin};

/// The smallest and largest side of a slide picture, in pixels.
pub const SLIDE_SIDES: std::ops::RangeInclusive<u32> = 200..=8192;

/// Arguments of `paperlens slides`.
#[derive(Debug, Clone, clap::Args)]
pub struct SlidesArgs {
    /// The corpus to present: a corpus file, or any paper or bibliography paperlens opens (the
    /// built-in corpus when absent).
    #[arg(value_name = "CORPUS")]
    pub corpus: Option<PathBuf>,
    /// The folder to write the slides in (made when it does not exist): `slide-01.png`,
    /// `slide-02.png` … and `slides.pdf`. Files of those names are replaced.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Each slide's size in pixels, as `WIDTHxHEIGHT`: the projector's resolution.
    #[arg(long, value_name = "WxH", default_value = "1920x1080")]
    pub size: String,
    /// Write only the PNG pictures, not the PDF handout.
    #[arg(long)]
    pub no_pdf: bool,
    /// Draw the slides the corpus gives by itself (its title, every chart, each table a region
    /// or a few rows at a time, each case study, each figure, the references), even when it has
    /// a tour; without it, the slides Present shows: the tour when there is one.
    #[arg(long)]
    pub generated: bool,
}

/// Slides to draw: the corpus loaded, the folder, the size and whether to write the handout.
#[derive(Debug)]
pub struct SlidesJob {
    /// The corpus to present.
    pub corpus: Corpus,
    /// The folder to write in.
    pub out: PathBuf,
    /// Each picture's width and height in pixels.
    pub size: [u32; 2],
    /// Whether to write `slides.pdf` too.
    pub pdf: bool,
    /// Whether to draw the generated slides rather than the tour.
    pub generated: bool,
}

/// Checks the arguments of `paperlens slides` and loads the corpus; when it cannot, says why on
/// standard error (a corpus that does not load: its diagnostics, as `check` prints them) and
/// gives exit status 2 instead.
///
/// # Errors
/// The exit code, once the reason is printed.
pub fn prepare_slides(args: &SlidesArgs) -> Result<SlidesJob, ExitCode> {
    let fail = |message: &str| {
        eprintln!("error: {message}");
        ExitCode::from(2)
    };
    let size = crate::chart::parse_size(&args.size)
        .map_err(|message| fail(&format!("--size: {message}")))?;
    let (width, height) = size;
    if !SLIDE_SIDES.contains(&width) || !SLIDE_SIDES.contains(&height) {
        return Err(fail(&format!(
            "--size: a slide's sides must be {} to {} pixels each (got {width}×{height}); a \
             projector is 1920x1080 or 1280x720",
            SLIDE_SIDES.start(),
            SLIDE_SIDES.end()
        )));
    }
    if args.out.is_file() {
        return Err(fail(&format!(
            "--out {} is a file; the slides go in a folder: give a folder's path (it is made \
             when it does not exist)",
            args.out.display()
        )));
    }
    let mut report = load_corpus_or_builtin(args.corpus.as_ref());
    let Some(corpus) = report.corpus.take() else {
        eprint_diagnostics(&report, &report.diagnostics);
        return Err(fail(&summary_line(&report)));
    };
    Ok(SlidesJob {
        corpus,
        out: args.out.clone(),
        size: [width, height],
        pdf: !args.no_pdf,
        generated: args.generated,
    })
}

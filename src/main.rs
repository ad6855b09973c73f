//! The `paperlens` binary: the explorer window, or a command-line tool.
//!
//! The window (`paperlens::app`) and the command line (`paperlens::cli`) never import each
//! other; this file joins them: it tells the parser which views `--view` names, turns the
//! parsed window arguments into the window's own options, and hands `paperlens slides`, checked
//! by the command line, to the window's offscreen renderer.

use std::process::ExitCode;

use clap::{CommandFactory as _, FromArgMatches as _};
use paperlens::cli::{Cli, run_command};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    paperlens::crash::install_panic_hook();
    // Test-only trigger: with `PAPERLENS_TEST_PANIC=1` the binary panics here, so the tests can
    // check the crash report (see `paperlens::crash`). Nothing else sets it.
    paperlens::crash::panic_if_requested();
    let mut command = window_command(Cli::command());
    let cli = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
        .unwrap_or_else(|error| error.format(&mut command).exit());
    if let Some(command) = &cli.command {
        #[cfg(feature = "gui")]
        if let paperlens::cli::Command::Slides(args) = command {
            return slides(args);
        }
        return run_command(command);
    }
    open_window(&cli, started)
}

/// The parser with the window's view names as the values `--view` accepts.
#[cfg(feature = "gui")]
fn window_command(command: clap::Command) -> clap::Command {
    use clap::builder::{PossibleValue, PossibleValuesParser};
    let views = paperlens::app::view_names()
        .into_iter()
        .map(|(name, description)| PossibleValue::new(name).help(description));
    command.mut_arg("view", |arg| {
        arg.value_parser(PossibleValuesParser::new(views))
    })
}

#[cfg(not(feature = "gui"))]
fn window_command(command: clap::Command) -> clap::Command {
    command
}

#[cfg(feature = "gui")]
fn open_window(cli: &Cli, started: std::time::Instant) -> ExitCode {
    let args = &cli.window;
    let Some(screenshot_size) = window_size(&args.size) else {
        eprintln!(
            "error: --size must be WIDTHxHEIGHT, e.g. 1280x800 (got `{}`)",
            args.size
        );
        return ExitCode::from(2);
    };
    let options = paperlens::app::WindowOptions {
        path: args.path.clone(),
        screenshot: args.screenshot.clone(),
        screenshot_size,
        view: args.view.clone(),
        select: args.select.clone(),
        measure_startup: args.measure_startup,
        present: args.present,
    };
    paperlens::app::run(options, started)
}

/// `paperlens slides`: the command line checks the arguments and loads the corpus, the window's
/// renderer draws and writes the slides; one line per file written, then a summary.
#[cfg(feature = "gui")]
fn slides(args: &paperlens::cli::SlidesArgs) -> ExitCode {
    use paperlens::app::{SlideExport, SlideExportError, WhichSlides, export_slides};
    let job = match paperlens::cli::prepare_slides(args) {
        Ok(job) => job,
        Err(code) => return code,
    };
    let export = SlideExport {
        size: job.size,
        pdf: job.pdf,
        slides: if job.generated {
            WhichSlides::Generated
        } else {
            WhichSlides::Presented
        },
        ..SlideExport::default()
    };
    let written = export_slides(&job.corpus, &job.out, &export, |path| {
        println!("wrote {}", path.display());
    });
    match written {
        Ok(written) => {
            println!("{}", written.summary(job.size));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            let nothing_to_present = matches!(
                error,
                SlideExportError::NoSlides | SlideExportError::BibliographyOnly
            );
            ExitCode::from(if nothing_to_present { 1 } else { 2 })
        }
    }
}

/// A window size from `WIDTHxHEIGHT`, between 200 and 8000 points each way.
#[cfg(feature = "gui")]
fn window_size(text: &str) -> Option<[f32; 2]> {
    let (width, height) = paperlens::chart::parse_size(text).ok()?;
    let side = |points: u32| {
        u16::try_from(points)
            .ok()
            .filter(|points| (200..=8000).contains(points))
            .map(f32::from)
    };
    Some([side(width)?, side(height)?])
}

#[cfg(not(feature = "gui"))]
fn open_window(_cli: &Cli, _started: std::time::Instant) -> ExitCode {
    eprintln!(
        "paperlens was built without the `gui` feature; use `paperlens check` or rebuild with default features"
    );
    ExitCode::from(2)
}

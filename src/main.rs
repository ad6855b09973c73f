//! The `paperlens` binary: the explorer window, or a command-line tool.

use std::process::ExitCode;

use clap::Parser as _;
use paperlens::cli::{Cli, run_command};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    paperlens::crash::install_panic_hook();
    // Test-only trigger: with `PAPERLENS_TEST_PANIC=1` the binary panics here, so the tests can
    // check the crash report (see `paperlens::crash`). Nothing else sets it.
    paperlens::crash::panic_if_requested();
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return run_command(command);
    }
    open_window(&cli, started)
}

#[cfg(feature = "gui")]
fn open_window(cli: &Cli, started: std::time::Instant) -> ExitCode {
    paperlens::app::run(&cli.window, started)
}

#[cfg(not(feature = "gui"))]
fn open_window(_cli: &Cli, _started: std::time::Instant) -> ExitCode {
    eprintln!(
        "paperlens was built without the `gui` feature; use `paperlens check` or rebuild with default features"
    );
    ExitCode::from(2)
}

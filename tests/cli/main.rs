//! The real `paperlens` binary and the corpus diagnostics: `check`, `schema`, `export`, `plot`,
//! validation rules, hostile input and running with no network.
//!
//! One test binary for all of them, so `cargo test` links the program's dependencies once per
//! group instead of once per file.

#[path = "../common/mod.rs"]
mod common;

mod checks_cli;
mod cite_cli;
mod cli;
mod docs_cli;
mod export_cli;
mod hostile;
mod import_cli;
mod no_network;
mod notes_cli;
mod papers;
mod pdf_cli;
mod plot_cli;
mod schema;
mod slides_cli;
mod tour_cli;
mod validation_files;
mod validation_rules;

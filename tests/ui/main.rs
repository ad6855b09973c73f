//! The explorer window, driven headless through `egui_kittest`, and its snapshot images.
//!
//! One test binary for all of them, so `cargo test` links the program's dependencies once per
//! group instead of once per file.
#![cfg(feature = "gui")]

#[path = "../common/mod.rs"]
mod common;

mod app_ui;
mod chart_table_ui;
mod charts_ui;
mod checks_ui;
mod citation_style_ui;
mod citations_ui;
mod explorer;
mod export_slides_ui;
mod files_ui;
mod find_ui;
mod formats_gui_open;
mod guide_ui;
mod imported_paper_ui;
mod interop_ui;
mod notes_ui;
mod other_paper_ui;
mod panels_ui;
mod presentation_ui;
mod reader_place_ui;
mod reader_ui;
mod snapshots;
mod styles_ui;
mod tour_ui;
mod trends_ui;

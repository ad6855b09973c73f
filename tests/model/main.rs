//! The model and the UI-free formats: the built-in corpus against the paper, bibliography
//! import, export and citation styles, Pandoc, property-based round trips and chart export.
//!
//! One test binary for all of them, so `cargo test` links the program's dependencies once per
//! group instead of once per file.

#[path = "../common/mod.rs"]
mod common;

mod builtin_tour;
mod chart_export;
mod checks_props;
mod checks_real;
mod citations;
mod corpus_fidelity;
mod float_mentions;
mod formats_import;
mod formats_pandoc;
mod formats_round_trip;
mod formats_styles;
mod import_acl_plain;
mod import_author_date;
mod import_jats;
mod import_jats_plain;
mod import_markdown;
mod import_pandoc_plain;
mod import_plain;
mod import_tei;
mod layers;
mod proptest_bibliography;
mod proptest_roundtrip;

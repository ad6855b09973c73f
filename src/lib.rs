//! paperlens: a desktop explorer for a research paper as a cross-linked JSON corpus.
//!
//! [`corpus`] is the model (no UI); [`cli`] is the command line; `app` is the window (feature
//! `gui`).

pub mod chart;
pub mod cli;
pub mod corpus;
pub mod crash;
pub mod formats;

#[cfg(feature = "gui")]
pub mod app;

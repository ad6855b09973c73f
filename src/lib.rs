//! paperlens: a desktop explorer for research papers, each read as a cross-linked corpus.
//!
//! [`corpus`] is the model (no UI); [`formats`], [`chart`] and [`deck`] (what a presentation
//! shows) sit on it; [`open`] turns any file into a corpus; [`notes`] keeps the study notes; [`cli`] is the command line and `app`
//! the window (feature `gui`).

pub mod chart;
pub mod cli;
pub mod corpus;
pub mod crash;
pub mod deck;
pub mod formats;
pub mod notes;
pub mod open;
pub mod palette;

#[cfg(feature = "gui")]
pub mod app;

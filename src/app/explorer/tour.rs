//! The tour made in the window: "Add to tour", the Tour view's edits, and saving the tour to the
//! file kept beside the open one (`<file name>.tour.json`, or `built-in.tour.json` in the
//! settings folder for the built-in corpus). Edits change the open corpus's tour in place, so
//! presentation mode shows them at once; typing is saved shortly after it stops, anything else
//! at once. A save that fails says why and keeps the edits.

use std::path::PathBuf;

use eframe::egui;

use super::Explorer;
use crate::app::state::StateStore;
use crate::app::tour_view::TourEdit;
use crate::corpus::model::TourStep;
use crate::corpus::{Corpus, Item, display};
use crate::open;

/// How long after the last keystroke in a step's field the tour is saved.
const SAVE_AFTER_TYPING_SECONDS: f64 = 0.8;

/// The built-in corpus with the tour saved for it in the settings folder of `store`, and the
/// problems of that tour file as a status line.
pub(super) fn builtin_with_saved_tour(store: &StateStore) -> (Corpus, Option<String>) {
    let mut report =
        crate::corpus::load::load_str(crate::corpus::BUILTIN_JSON, crate::corpus::BUILTIN_NAME);
    if let Some(path) = builtin_tour_path(store) {
        open::apply_tour_file(&mut report, &path);
    }
    let notice = report
        .diagnostics
        .first()
        .map(|problem| format!("The saved tour has a problem: {}", problem.message));
    let corpus = report.corpus.unwrap_or_else(Corpus::builtin);
    (corpus, notice)
}

/// Where the built-in corpus's tour is kept: beside the settings file, when settings are kept.
fn builtin_tour_path(store: &StateStore) -> Option<PathBuf> {
    store
        .path()
        .and_then(|settings| settings.parent())
        .map(open::builtin_tour_file)
}

impl Explorer {
    /// The file the open corpus's tour is saved to: beside the open file, or in the settings
    /// folder for the built-in corpus (`None` when settings are not kept, or for a corpus given
    /// in memory, which has no file).
    #[must_use]
    pub fn tour_file(&self) -> Option<PathBuf> {
        match &self.open_path {
            Some(path) => Some(open::tour_file_beside(path)),
            None if self.corpus.source_name == crate::corpus::BUILTIN_NAME => {
                builtin_tour_path(&self.store)
            }
            None => None,
        }
    }

    /// Adds the selected item as the tour's last step, and saves.
    pub(super) fn add_to_tour(&mut self) {
        let Some(item) = self.selection.selected else {
            self.notices.push(
                "Select something first (a passage, a chart year, a row, a case), then Add to tour."
                    .to_owned(),
            );
            return;
        };
        let Some(key) = item.key(&self.corpus) else {
            return;
        };
        self.corpus.file.tour.push(TourStep {
            show: key.0,
            ..TourStep::default()
        });
        let count = self.corpus.file.tour.len();
        let added = format!(
            "Added “{}” to the tour as step {count}",
            display::item_title(&self.corpus, item)
        );
        self.save_tour_now(Some(added));
    }

    /// Applies an edit of the Tour view; typing is saved a little later, the rest at once.
    pub(super) fn edit_tour(&mut self, ctx: &egui::Context, edit: &TourEdit) {
        if !edit.apply(&mut self.corpus.file.tour) {
            return;
        }
        match edit {
            TourEdit::Title(..) | TourEdit::Notes(..) | TourEdit::Highlight(..) => {
                let due = ctx.input(|input| input.time) + SAVE_AFTER_TYPING_SECONDS;
                self.tour_save_due = Some(due);
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                    SAVE_AFTER_TYPING_SECONDS,
                ));
            }
            TourEdit::Move { .. } | TourEdit::Remove(_) => self.save_tour_now(None),
        }
    }

    /// Saves the tour when typing in it stopped long enough ago (called every frame).
    pub(super) fn save_tour_when_due(&mut self, ctx: &egui::Context) {
        if self
            .tour_save_due
            .is_some_and(|due| ctx.input(|input| input.time) >= due)
        {
            self.save_tour_now(None);
        }
    }

    /// Saves the tour now if it has unsaved edits (a field was left, or the window closes).
    pub(super) fn save_pending_tour(&mut self) {
        if self.tour_save_due.is_some() {
            self.save_tour_now(None);
        }
    }

    /// Writes the tour to its file atomically, with a status line naming the file (`done`
    /// says what was done first). A failed save says why; the edits stay in the window.
    fn save_tour_now(&mut self, done: Option<String>) {
        self.tour_save_due = None;
        let Some(path) = self.tour_file() else {
            let done = done.unwrap_or_else(|| "The tour is changed".to_owned());
            self.notices.push(format!(
                "{done}; it is kept in this window only (there is no file to save it beside)."
            ));
            return;
        };
        // A tour file that could not be read when the paper opened is kept, not overwritten.
        let kept_aside = match open::read_tour_file(&path) {
            Err(_) if path.is_file() => {
                let aside = path.with_extension("json.unreadable");
                std::fs::rename(&path, &aside)
                    .ok()
                    .map(|()| format!(" (the unreadable one is kept as {})", aside.display()))
            }
            _ => None,
        }
        .unwrap_or_default();
        let shown = path.display();
        let notice = match (open::save_tour_file(&path, &self.corpus.file.tour), done) {
            (Ok(()), Some(done)) => format!("{done}; saved to {shown}{kept_aside}."),
            (Ok(()), None) => format!("Tour saved to {shown}{kept_aside}."),
            (Err(error), done) => {
                let failed = format!(
                    "could not be saved to {shown}: {error}. Your edits are kept in this window; check that the folder may be written to."
                );
                match done {
                    Some(done) => format!("{done}, but the tour {failed}"),
                    None => format!("The tour {failed}"),
                }
            }
        };
        if self.notices.last() != Some(&notice) {
            self.notices.push(notice);
        }
    }

    /// Whether the open file is one a tour can be written into: a corpus file (`.json`) that is
    /// not a bibliography.
    pub(super) fn corpus_file_holds_tours(&self) -> bool {
        self.open_path
            .as_ref()
            .is_some_and(|path| path.extension().is_some_and(|ext| ext == "json"))
            && !self.corpus.is_bibliography_only()
    }

    /// Writes the tour into the open corpus file (read again from disk, so that nothing else
    /// done in the window, such as a charted row, goes into it), atomically, and removes the
    /// tour file beside it, whose steps it now holds.
    pub(super) fn save_tour_into_corpus(&mut self) {
        let Some(path) = self
            .open_path
            .clone()
            .filter(|_| self.corpus_file_holds_tours())
        else {
            self.notices.push(
                "Only a paperlens corpus file (JSON) can hold a tour; this one's is kept in the file beside it."
                    .to_owned(),
            );
            return;
        };
        // A step naming no item is an error in a corpus file: it would no longer open.
        let problems = crate::corpus::validate::check_tour_of(
            &self.corpus,
            &self.corpus.file.tour,
            &crate::corpus::diagnostics::JsonPath::root().key("tour"),
        );
        if let Some(error) = problems.iter().find(|problem| problem.is_error()) {
            self.notices.push(format!(
                "The tour was not saved into {}: {}. Remove or correct that step in the Tour view first.",
                path.display(),
                error.message
            ));
            return;
        }
        let written = std::fs::read_to_string(&path)
            .map_err(|error| error.to_string())
            .and_then(|text| {
                crate::corpus::load::parse(&text).map_err(|diagnostic| diagnostic.message)
            })
            .and_then(|file| {
                if file.format != crate::corpus::model::FORMAT_V2 {
                    return Err(format!(
                        "it is in the format `{}`; migrate it first (`paperlens migrate`)",
                        file.format
                    ));
                }
                let mut file = file.for_saving();
                file.tour.clone_from(&self.corpus.file.tour);
                let mut text =
                    serde_json::to_string_pretty(&file).map_err(|error| error.to_string())?;
                text.push('\n');
                open::write_atomically(&path, text.as_bytes()).map_err(|error| error.to_string())
            });
        self.notices.push(match written {
            Ok(()) => {
                self.tour_save_due = None;
                let beside = open::tour_file_beside(&path);
                let removed = beside.is_file() && std::fs::remove_file(&beside).is_ok();
                format!(
                    "Saved the tour ({}) into {}{}.",
                    crate::corpus::counted(self.corpus.file.tour.len(), "step"),
                    path.display(),
                    if removed {
                        format!("; {} is no longer needed and was removed", beside.display())
                    } else {
                        String::new()
                    }
                )
            }
            Err(reason) => format!(
                "Could not save the tour into {}: {reason}. The tour is kept in the window and beside the file.",
                path.display()
            ),
        });
    }

    /// The item a tour step shows, when the open corpus has it.
    #[must_use]
    pub fn tour_step_item(&self, step: usize) -> Option<Item> {
        let step = self.corpus.file.tour.get(step)?;
        Item::from_key(step.show.trim(), &self.corpus)
    }
}

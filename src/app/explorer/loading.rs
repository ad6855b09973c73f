//! Opening files: on a worker thread, then swapped in after a frame; a failed load keeps the
//! open corpus, shows why, and is remembered (F5 tries the file again; Open Recent marks it).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use eframe::egui;

use super::Explorer;
use crate::app::context::Selection;
use crate::app::figure_images::FigureImages;
use crate::app::state::NavigatorTab;
use crate::app::study::paper_identity;
use crate::app::views::Views;
use crate::corpus::checks::CitationChecks;
use crate::corpus::diagnostics::{Code, count, render_human};
use crate::corpus::load::LoadReport;
use crate::corpus::search::SearchIndex;
use crate::corpus::{Corpus, Item, summary_line};
use crate::open;

/// A file that failed to open: the "current file" F5 tries again until it opens.
#[derive(Clone, Debug)]
pub(super) struct FailedOpen {
    /// The file.
    pub(super) path: PathBuf,
    /// The diagnostics window's heading, summary and text, to show them again.
    pub(super) report: (String, String, String),
}

/// What the explorer works out from a corpus once, when it is loaded (on the loading thread
/// for a file), never per frame: the search index, the citation check's flags and the paper's
/// identity (what the student's answers are kept under).
pub(super) struct Derived {
    /// The search box's index.
    pub(super) search: SearchIndex,
    /// The citation check's flags.
    pub(super) checks: CitationChecks,
    /// The paper's identity ([`paper_identity`]).
    pub(super) paper: String,
}

impl Derived {
    /// Works everything out for `corpus`.
    pub(super) fn of(corpus: &Corpus) -> Self {
        Self {
            search: SearchIndex::new(corpus),
            checks: CitationChecks::run(corpus),
            paper: paper_identity(corpus),
        }
    }
}

/// A load running on a worker thread.
pub(super) struct PendingLoad {
    /// The file being loaded.
    pub(super) path: PathBuf,
    /// The report, and what is derived from the loaded corpus, both made on the worker.
    receiver: mpsc::Receiver<(LoadReport, Option<Derived>)>,
}

impl Explorer {
    /// Opens a file: loads it on a worker thread; the open corpus stays until it is ready.
    pub fn open(&mut self, ctx: &egui::Context, path: PathBuf) {
        let (sender, receiver) = mpsc::channel();
        let worker_path = path.clone();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("corpus-loader".to_owned())
            .spawn(move || {
                let report = open::open_path(&worker_path);
                let derived = report.corpus.as_ref().map(Derived::of);
                let _ = sender.send((report, derived));
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => self.pending_load = Some(PendingLoad { path, receiver }),
            Err(e) => self
                .notices
                .push(format!("Could not start loading {}: {e}", path.display())),
        }
    }

    /// Waits for a background load to finish and applies it (for tests and scripts).
    pub fn finish_loading(&mut self) {
        if let Some(pending) = self.pending_load.take()
            && let Ok((report, derived)) = pending.receiver.recv()
        {
            self.finish_load(pending.path, &report, derived);
        }
    }

    pub(super) fn poll_loading(&mut self) {
        let Some(pending) = &self.pending_load else {
            return;
        };
        match pending.receiver.try_recv() {
            Ok((report, derived)) => {
                if let Some(pending) = self.pending_load.take() {
                    self.finish_load(pending.path, &report, derived);
                }
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => {
                self.notices
                    .push("Loading stopped unexpectedly; the open corpus is unchanged.".to_owned());
                self.pending_load = None;
            }
        }
    }

    /// Shows the corpus a finished load of `path` read, or why it could not.
    pub(super) fn finish_load(
        &mut self,
        path: PathBuf,
        report: &LoadReport,
        derived: Option<Derived>,
    ) {
        let Some(corpus) = report.corpus.clone() else {
            self.show_failed_load(&path, report);
            return;
        };
        let previous_selection = self
            .selection
            .selected
            .and_then(|item| item.key(&self.corpus));
        self.warnings_text = diagnostics_text(report);
        let derived = derived.unwrap_or_else(|| Derived::of(&corpus));
        self.replace_corpus(corpus, derived);
        // Keep the selection across a reload when the item still exists.
        if let Some(item) = previous_selection.and_then(|key| Item::from_key(&key.0, &self.corpus))
        {
            self.selection.selected = Some(item);
        }
        self.refresh_related();
        self.failed_open = None;
        self.state.remember_recent(&path);
        self.state.last_corpus = Some(path.clone());
        self.open_path = Some(path);
        self.notices.push(opened_notice(report));
    }

    /// Stops a background load; the open corpus stays.
    pub(super) fn cancel_load(&mut self) {
        if self.pending_load.take().is_some() {
            self.notices
                .push("Loading cancelled; the open corpus is unchanged.".to_owned());
        }
    }

    /// Shows the built-in corpus in place of the open one.
    pub(super) fn open_builtin(&mut self) {
        let (corpus, tour_problem) = super::tour::builtin_with_saved_tour(&self.store);
        let derived = Derived::of(&corpus);
        self.replace_corpus(corpus, derived);
        self.open_path = None;
        self.failed_open = None;
        self.state.last_corpus = None;
        self.warnings_text.clear();
        self.notices.push("Opened the built-in corpus.".to_owned());
        self.notices.extend(tour_problem);
    }

    /// Shows `corpus` in place of the open one, with what was `derived` from it (search index,
    /// flags): the views, the search box, the history, the selection and the formatted
    /// citations start afresh, and a load still under way is dropped, so nothing keeps a
    /// position into the corpus that was open.
    pub(super) fn replace_corpus(&mut self, corpus: Corpus, derived: Derived) {
        // Typed edits of the tour go to the file of the corpus they were made in.
        self.save_pending_tour();
        self.pending_load = None;
        self.derived = derived;
        self.citation_cache.clear();
        self.figure_images = FigureImages::default();
        self.corpus = corpus;
        let switched = self.notes.switch_to(&self.corpus, &mut self.state.study);
        self.notices.extend(switched);
        self.search.reset();
        self.history.clear();
        self.views = Views::default();
        self.selection = Selection::default();
        self.refresh_related();
        self.start_on_what_the_corpus_has();
    }

    /// A bibliography opened on its own starts on its references (the Bibliography view and
    /// the navigator's References tab); a view the corpus does not offer is left for the first
    /// one it does.
    pub(super) fn started_on_what_the_corpus_has(mut self) -> Self {
        self.start_on_what_the_corpus_has();
        self
    }

    /// As [`Self::started_on_what_the_corpus_has`], in place.
    pub(super) fn start_on_what_the_corpus_has(&mut self) {
        // Back from a bibliography to a paper: the view the reader had before.
        if let Some(before) = self.view_before_bibliography.take()
            && self.views.is_offered(&before, &self.corpus)
        {
            self.state.view = before;
        }
        let offered = self.views.offered_or_first(&self.state.view, &self.corpus);
        if offered != self.state.view {
            // A bibliography has no Reader: show it what it has, but remember (and save) the
            // view the reader chose, for the next paper.
            self.view_before_bibliography =
                Some(std::mem::replace(&mut self.state.view, offered.to_owned()));
        }
        if !self.corpus.has_text() {
            self.navigator.tab = NavigatorTab::References;
        }
    }

    /// Says that `path` could not be opened, and why, keeps the open corpus, and remembers the
    /// file: F5 tries it again, Open Recent lists it as failed.
    pub(super) fn show_failed_load(&mut self, path: &Path, report: &LoadReport) {
        let reason = failure_reason(report);
        self.notices.push(format!(
            "Could not open {}: {reason}. The open corpus is unchanged; fix the file and press \
             F5 to try it again.",
            report.source_name
        ));
        let heading = format!("Could not open {}", report.source_name);
        let summary = "The corpus already open stays open. Fix these problems and press F5 to try \
                       this file again, or open another file."
            .to_owned();
        let text = diagnostics_text(report);
        self.diagnostics
            .show_report(heading.clone(), summary.clone(), text.clone());
        self.state.remember_failed(path, reason);
        self.failed_open = Some(FailedOpen {
            path: path.to_path_buf(),
            report: (heading, summary, text),
        });
    }

    /// The file F5 reads: the one that last failed to open, else the open one.
    pub(super) fn current_file(&self) -> Option<&PathBuf> {
        self.failed_open
            .as_ref()
            .map(|failed| &failed.path)
            .or(self.open_path.as_ref())
    }

    /// Shows again why the last file failed to open.
    pub(super) fn show_load_failure(&mut self) {
        if let Some(failed) = &self.failed_open {
            let (heading, summary, text) = failed.report.clone();
            self.diagnostics.show_report(heading, summary, text);
        }
    }
}

/// Why a load failed, in a line: its first error with where it is, and how many more there are
/// (Open Recent's hover text and the status bar's notice).
pub(super) fn failure_reason(report: &LoadReport) -> String {
    let mut errors = report.diagnostics.iter().filter(|d| d.is_error());
    let Some(first) = errors.next() else {
        return "it could not be read".to_owned();
    };
    let message = first.message.trim_end_matches('.');
    let mut reason = match first.location {
        Some(location) => format!(
            "line {}, column {}: {message}",
            location.line, location.column
        ),
        None => message.to_owned(),
    };
    let more = errors.count();
    if more > 0 {
        let plural = if more == 1 { "" } else { "s" };
        let _ = write!(reason, " (and {more} more problem{plural})");
    }
    reason
}

/// The diagnostics of a load as `paperlens check` prints them, with its summary line.
pub(super) fn diagnostics_text(report: &LoadReport) -> String {
    if report.diagnostics.is_empty() {
        return String::new();
    }
    let mut text = render_human(
        &report.diagnostics,
        &report.source_name,
        report.source_text.as_deref(),
        false,
    );
    text.push_str(&summary_line(report));
    text
}

/// The status bar's notice for a file just opened: its name, what an import read from it (a
/// paper: "read as JATS XML: 7 sections, …"), and how many warnings it has.
pub(super) fn opened_notice(report: &LoadReport) -> String {
    let (_, warnings) = count(&report.diagnostics);
    let imported = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Imported)
        .map(|d| format!(" ({})", d.message))
        .unwrap_or_default();
    match warnings {
        0 => format!("Opened {}{imported}.", report.source_name),
        n => format!(
            "Opened {}{imported} with {n} warning{}.",
            report.source_name,
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// The notice for a paper opened at start: what the import read (`None` for a corpus file).
pub(super) fn import_notice(report: &LoadReport) -> Option<String> {
    report
        .diagnostics
        .iter()
        .any(|d| d.code == Code::Imported)
        .then(|| opened_notice(report))
}

//! [`Explorer`]: the app. It owns the corpus, the one selection, the panels and the persisted
//! state; panels draw from a [`ViewCtx`] and send [`Command`]s, applied after the frame.

use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use eframe::egui::{self, RichText, Ui};

use super::commands::UiCommand;
use super::context::{
    CitationCache, Command, History, ReferenceScope, Selection, ViewCtx, is_openable_url,
};
use super::inspector::Inspector;
use super::navigator::Navigator;
use super::overlays::{DiagnosticsWindow, shortcuts_ui};
use super::presentation::{Presentation, PresentationKey, slides};
use super::search_popup::SearchPopup;
use super::state::{CitationDisplay, PersistedState, StateStore};
use super::theme::{Theme, ThemeChoice};
use super::trends_view::{ChartExport, TrendsView};
use super::views::Views;
use crate::chart;
use crate::corpus::diagnostics::{count, render_human};
use crate::corpus::links::{Related, related};
use crate::corpus::load::LoadReport;
use crate::corpus::search::SearchIndex;
use crate::corpus::{Corpus, Item, summary_line};
use crate::formats::styles::CitationStyle;
use crate::formats::{self, ReferenceFormat};
use crate::open;

/// How the app starts.
#[derive(Debug, Default)]
pub struct StartOptions {
    /// A corpus file to open instead of the last one or the built-in corpus.
    pub path: Option<PathBuf>,
    /// The main view to show, by name (`"trends"`).
    pub view: Option<String>,
    /// An item key to select, e.g. `reference:porter1995`.
    pub select: Option<String>,
    /// Where settings live.
    pub store: Option<StateStore>,
    /// Save a screenshot of the window here after the first frames, then close.
    pub screenshot: Option<PathBuf>,
    /// Start in presentation mode.
    pub present: bool,
    /// A corpus already in memory to show (benchmarks, tests); wins over `path`.
    pub corpus: Option<Corpus>,
    /// Print the time from `started` to the first frame, then close (startup benchmark).
    pub measure_startup_from: Option<std::time::Instant>,
    /// Where crash reports are saved: a report newer than the last one announced is shown at
    /// start. `None` looks nowhere.
    pub crash_report_dir: Option<PathBuf>,
}

/// A load running on a worker thread.
struct PendingLoad {
    path: PathBuf,
    /// The report, and the search index of the loaded corpus, both built on the worker.
    receiver: mpsc::Receiver<(LoadReport, Option<SearchIndex>)>,
}

/// A screenshot being taken for `--screenshot`.
struct ScreenshotTask {
    path: PathBuf,
    requested: bool,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

/// The explorer app.
pub struct Explorer {
    corpus: Corpus,
    search_index: SearchIndex,
    open_path: Option<PathBuf>,
    /// Selection and hover shared by every panel.
    pub selection: Selection,
    history: History,
    selected_related: Related,
    hovered_related: Related,
    theme: Theme,
    /// What is remembered across restarts.
    pub state: PersistedState,
    store: StateStore,
    saved_state: PersistedState,
    last_save_seconds: f64,
    /// The Navigator.
    pub navigator: Navigator,
    /// The main views (`views::registry`), each with its own state.
    views: Views,
    inspector: Inspector,
    /// The search box.
    pub search: SearchPopup,
    /// The diagnostics window.
    pub diagnostics: DiagnosticsWindow,
    /// Whether the shortcut overlay is shown.
    pub show_shortcuts: bool,
    /// One-line messages for the status bar (newest last).
    pub notices: Vec<String>,
    /// Warnings of the open corpus, rendered as `paperlens check` prints them.
    warnings_text: String,
    pending_load: Option<PendingLoad>,
    screenshot: Option<ScreenshotTask>,
    frames: u64,
    applied_zoom: bool,
    /// Set when a `--screenshot` could not be written.
    pub screenshot_error: Arc<Mutex<Option<String>>>,
    measure_startup_from: Option<std::time::Instant>,
    /// Presentation mode, when on.
    pub presentation: Option<Presentation>,
    /// Formatted citations of the open corpus.
    citation_cache: CitationCache,
    /// A screen capture of the chart region waiting to be written: path, chart rectangle.
    pending_chart_capture: Option<(PathBuf, egui::Rect)>,
    capture_result: Arc<Mutex<Option<Result<PathBuf, String>>>>,
}

impl Explorer {
    /// Creates the app on `ctx` with the given start options.
    #[must_use]
    pub fn new(ctx: &egui::Context, options: StartOptions) -> Self {
        let store = options.store.unwrap_or_else(StateStore::in_memory);
        let loaded = store.load();
        let mut state = loaded.state;
        let mut notices: Vec<String> = loaded.warning.into_iter().collect();
        let mut open_path = None;
        let mut warnings_text = String::new();
        let mut failed_report = None;
        let requested = options.path.clone().or_else(|| state.last_corpus.clone());
        let corpus = match (options.corpus, requested) {
            (Some(corpus), _) => corpus,
            (None, requested) => match requested {
                Some(path) => {
                    let report = open::open_path(&path);
                    if let Some(corpus) = report.corpus.clone() {
                        warnings_text = diagnostics_text(&report);
                        open_path = Some(path.clone());
                        state.remember_recent(&path);
                        corpus
                    } else {
                        notices.push(format!(
                            "Could not open {}; showing the built-in corpus instead.",
                            path.display()
                        ));
                        state.last_corpus = None;
                        failed_report = Some(report);
                        Corpus::builtin()
                    }
                }
                None => Corpus::builtin(),
            },
        };
        let views = Views::default();
        if let Some(view) = &options.view {
            state.view.clone_from(view);
        }
        if views.by_id(&state.view).is_none() {
            state.view = views.first_id().to_owned();
        }
        let mut diagnostics = DiagnosticsWindow::default();
        if let Some((time, path)) = options
            .crash_report_dir
            .as_deref()
            .and_then(|dir| crate::crash::newest_report_after(dir, state.crash_reports_seen_until))
        {
            state.crash_reports_seen_until = time;
            notices.push(format!(
                "paperlens stopped after an internal error last time; the report is {}",
                path.display()
            ));
            diagnostics.show_report(
                "paperlens stopped after an internal error".to_owned(),
                format!(
                    "The last session ended with an internal error. Its report was saved to {}; please attach that file when you report the problem.",
                    path.display()
                ),
                crate::crash::read_report(&path),
            );
        }
        Theme::install_fonts(ctx);
        let theme = Theme::for_choice(state.theme, ctx.system_theme() == Some(egui::Theme::Dark));
        theme.apply(ctx);
        let mut app = Self {
            search_index: SearchIndex::new(&corpus),
            corpus,
            open_path,
            selection: Selection::default(),
            history: History::default(),
            selected_related: Related::default(),
            hovered_related: Related::default(),
            theme,
            saved_state: state.clone(),
            state,
            store,
            last_save_seconds: 0.0,
            navigator: Navigator::default(),
            views,
            inspector: Inspector,
            search: SearchPopup::default(),
            diagnostics,
            show_shortcuts: false,
            notices,
            warnings_text,
            pending_load: None,
            screenshot: options.screenshot.map(|path| ScreenshotTask {
                path,
                requested: false,
                result: Arc::new(Mutex::new(None)),
            }),
            frames: 0,
            applied_zoom: false,
            screenshot_error: Arc::new(Mutex::new(None)),
            presentation: None,
            citation_cache: CitationCache::default(),
            measure_startup_from: options.measure_startup_from,
            pending_chart_capture: None,
            capture_result: Arc::new(Mutex::new(None)),
        };
        app.navigator.tab = app.state.navigator_tab;
        if options.present {
            app.toggle_presentation(ctx);
        }
        if let Some(report) = failed_report {
            app.show_failed_load(&report);
        }
        let selection_key = options.select.or_else(|| app.state.selection.clone());
        if let Some(key) = selection_key {
            match Item::from_key(&key, &app.corpus) {
                Some(item) => app.apply(ctx, Command::Reveal(item)),
                None if app.state.selection.as_deref() != Some(key.as_str()) => {
                    app.notices
                        .push(format!("Nothing in this corpus has the key `{key}`."));
                }
                None => {}
            }
            if let Some(view) = options.view.filter(|view| app.views.by_id(view).is_some()) {
                app.state.view = view;
            }
        }
        app
    }

    /// The open corpus.
    #[must_use]
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The name of the main view shown (`"reader"`).
    #[must_use]
    pub fn view(&self) -> &str {
        &self.state.view
    }

    /// The main views.
    #[must_use]
    pub fn views(&self) -> &Views {
        &self.views
    }

    /// The main views, to change.
    pub fn views_mut(&mut self) -> &mut Views {
        &mut self.views
    }

    /// The path of the open file (`None` for the built-in corpus).
    #[must_use]
    pub fn open_path(&self) -> Option<&PathBuf> {
        self.open_path.as_ref()
    }

    /// Whether a file is loading in the background.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.pending_load.is_some()
    }

    /// Opens a file: loads it on a worker thread; the open corpus stays until it is ready.
    pub fn open(&mut self, ctx: &egui::Context, path: PathBuf) {
        let (sender, receiver) = mpsc::channel();
        let worker_path = path.clone();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("corpus-loader".to_owned())
            .spawn(move || {
                let report = open::open_path(&worker_path);
                let search = report.corpus.as_ref().map(SearchIndex::new);
                let _ = sender.send((report, search));
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
            && let Ok((report, search)) = pending.receiver.recv()
        {
            self.finish_load(pending.path, report, search);
        }
    }

    fn poll_loading(&mut self) {
        let Some(pending) = &self.pending_load else {
            return;
        };
        match pending.receiver.try_recv() {
            Ok((report, search)) => {
                if let Some(pending) = self.pending_load.take() {
                    self.finish_load(pending.path, report, search);
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

    fn finish_load(&mut self, path: PathBuf, report: LoadReport, search: Option<SearchIndex>) {
        let Some(corpus) = report.corpus.clone() else {
            self.show_failed_load(&report);
            return;
        };
        let previous_selection = self
            .selection
            .selected
            .and_then(|item| item.key(&self.corpus));
        self.warnings_text = diagnostics_text(&report);
        let search_index = search.unwrap_or_else(|| SearchIndex::new(&corpus));
        self.replace_corpus(corpus, search_index);
        // Keep the selection across a reload when the item still exists.
        if let Some(item) = previous_selection.and_then(|key| Item::from_key(&key.0, &self.corpus))
        {
            self.selection.selected = Some(item);
        }
        self.refresh_related();
        self.state.remember_recent(&path);
        self.state.last_corpus = Some(path.clone());
        self.open_path = Some(path);
        let (_, warnings) = count(&report.diagnostics);
        self.notices.push(match warnings {
            0 => format!("Opened {}.", report.source_name),
            n => format!(
                "Opened {} with {n} warning{}.",
                report.source_name,
                if n == 1 { "" } else { "s" }
            ),
        });
    }

    /// Shows `corpus` in place of the open one: the views, the search box, the history, the
    /// selection and the formatted citations start afresh, and a load still under way is
    /// dropped, so nothing keeps a position into the corpus that was open.
    fn replace_corpus(&mut self, corpus: Corpus, search_index: SearchIndex) {
        self.pending_load = None;
        self.search_index = search_index;
        self.citation_cache.clear();
        self.corpus = corpus;
        self.search.reset();
        self.history.clear();
        self.views = Views::default();
        self.selection = Selection::default();
        self.refresh_related();
    }

    fn show_failed_load(&mut self, report: &LoadReport) {
        let (errors, _) = count(&report.diagnostics);
        self.notices.push(format!(
            "Could not open {}: {errors} error{}. The open corpus is unchanged.",
            report.source_name,
            if errors == 1 { "" } else { "s" }
        ));
        self.diagnostics.show_report(
            format!("Could not open {}", report.source_name),
            "The corpus already open stays open. Fix these problems and reload (F5), or open another file.".to_owned(),
            diagnostics_text(report),
        );
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Select(item) => self.select(item, false),
            Command::Reveal(item) => self.select(item, true),
            Command::Hover(item) => self.selection.hovered = Some(item),
            Command::ClearSelection => {
                self.history.leave(self.selection.selected);
                self.selection.selected = None;
            }
            Command::Back => {
                if let Some(item) = self.history.back(self.selection.selected) {
                    self.selection.selected = Some(item);
                    self.show_in_view(item);
                }
            }
            Command::Forward => {
                if let Some(item) = self.history.forward(self.selection.selected) {
                    self.selection.selected = Some(item);
                    self.show_in_view(item);
                }
            }
            Command::SetView(view) => view.clone_into(&mut self.state.view),
            Command::OpenDialog => {
                let mut dialog = rfd::FileDialog::new()
                    .add_filter("Corpus or bibliography", &["json", "bib", "bibtex", "ris"])
                    .add_filter("paperlens corpus", &["json"])
                    .add_filter("BibTeX", &["bib", "bibtex"])
                    .add_filter("RIS", &["ris"])
                    .add_filter("All files", &["*"]);
                if let Some(dir) = self.open_path.as_ref().and_then(|p| p.parent()) {
                    dialog = dialog.set_directory(dir);
                }
                if let Some(path) = dialog.pick_file() {
                    self.open(ctx, path);
                }
            }
            Command::Open(path) => self.open(ctx, path),
            Command::CancelLoad => {
                if self.pending_load.take().is_some() {
                    self.notices
                        .push("Loading cancelled; the open corpus is unchanged.".to_owned());
                }
            }
            Command::OpenBuiltin => {
                let corpus = Corpus::builtin();
                let search_index = SearchIndex::new(&corpus);
                self.replace_corpus(corpus, search_index);
                self.open_path = None;
                self.state.last_corpus = None;
                self.warnings_text.clear();
                self.notices.push("Opened the built-in corpus.".to_owned());
            }
            Command::Reload => match self.open_path.clone() {
                Some(path) => self.open(ctx, path),
                None => self
                    .notices
                    .push("The built-in corpus is always up to date.".to_owned()),
            },
            Command::ShowDiagnostics(open) => {
                if open && !self.diagnostics.open {
                    self.diagnostics.show_report(
                        format!("Warnings in {}", self.corpus.source_name),
                        "The corpus opened; these are things its author may want to fix."
                            .to_owned(),
                        self.warnings_text.clone(),
                    );
                }
                self.diagnostics.open = open;
            }
            Command::OpenSearch => self.search.open(),
            Command::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::CloseOverlay => {
                if self.show_shortcuts {
                    self.show_shortcuts = false;
                } else {
                    self.diagnostics.open = false;
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::SetTheme(choice) => {
                self.state.theme = choice;
                self.theme =
                    Theme::for_choice(choice, ctx.system_theme() == Some(egui::Theme::Dark));
                self.theme.apply(ctx);
            }
            Command::CopyText(text) => {
                ctx.copy_text(text);
                self.notices.push("Copied to the clipboard.".to_owned());
            }
            Command::OpenUrl(url) => {
                if is_openable_url(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            Command::ExportChart { series, export } => {
                let name = self
                    .corpus
                    .file
                    .series
                    .get(series)
                    .map_or("chart", |s| s.id.as_str());
                let dialog = rfd::FileDialog::new()
                    .set_file_name(format!("{name}.{}", export.extension()))
                    .add_filter(export.label(), &[export.extension()]);
                if let Some(path) = dialog.save_file() {
                    self.export_chart(ctx, series, export, path);
                }
            }
            Command::TogglePresentation => self.toggle_presentation(ctx),
            Command::SetCitationStyle(style) => self.state.citation_style = style,
            Command::SetCitationDisplay(display) => self.state.citation_display = display,
            Command::ExportReferences { scope, format } => {
                let positions = self.references_in(scope);
                let written = formats::export_references(&self.corpus, format, Some(&positions))
                    .map_err(|e| e.to_string());
                self.save_export(
                    written,
                    &format!("references.{}", format.extension()),
                    format.label(),
                    format.extension(),
                );
            }
            Command::ExportTable => {
                let written = formats::csv::regional_table(&self.corpus).map_err(|e| e.to_string());
                self.save_export(written, "regional-table.csv", "CSV", "csv");
            }
            Command::ExportCases => {
                let written = formats::csv::cases(&self.corpus).map_err(|e| e.to_string());
                self.save_export(written, "cases.csv", "CSV", "csv");
            }
            Command::ExportCorpus => {
                let written =
                    formats::export_corpus_json(&self.corpus.file).map_err(|e| e.to_string());
                self.save_export(written, "corpus.json", "paperlens corpus", "json");
            }
        }
    }

    /// The positions of the references an export of `scope` covers.
    #[must_use]
    pub fn references_in(&self, scope: ReferenceScope) -> Vec<usize> {
        match scope {
            ReferenceScope::All => (0..self.corpus.file.references.len()).collect(),
            ReferenceScope::Filtered => super::navigator::filtered_references(
                &self.corpus,
                &self.navigator.reference_filter,
                self.navigator.reference_sort,
            ),
            ReferenceScope::Selection => match self.selection.selected {
                Some(Item::Reference(r)) => vec![r],
                Some(Item::Citation(c)) => self
                    .corpus
                    .index
                    .citations
                    .get(c)
                    .map(|citation| citation.references.clone())
                    .unwrap_or_default(),
                _ => Vec::new(),
            },
        }
    }

    /// Asks where to save `contents` (or reports why there is nothing to save).
    fn save_export(
        &mut self,
        contents: Result<String, String>,
        file_name: &str,
        label: &str,
        extension: &str,
    ) {
        let contents = match contents {
            Ok(contents) => contents,
            Err(e) => {
                self.notices.push(format!("Could not export: {e}"));
                return;
            }
        };
        let dialog = rfd::FileDialog::new()
            .set_file_name(file_name)
            .add_filter(label, &[extension]);
        if let Some(path) = dialog.save_file() {
            self.notices.push(match std::fs::write(&path, contents) {
                Ok(()) => format!("Saved {}.", path.display()),
                Err(e) => format!("Could not save {}: {e}", path.display()),
            });
        }
    }

    /// Writes a chart export to `path`. The screen PNG is captured from the next frame.
    pub fn export_chart(
        &mut self,
        ctx: &egui::Context,
        series: usize,
        export: ChartExport,
        path: PathBuf,
    ) {
        let Some(record) = self.corpus.file.series.get(series) else {
            return;
        };
        let Some(trends) = self.views.get::<TrendsView>() else {
            return;
        };
        let (options, chart_rect) = (trends.options, trends.chart_rect);
        let size = chart_rect.map_or((1200, 700), |rect| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let size = (
                rect.width().max(320.0) as u32,
                rect.height().max(240.0) as u32,
            );
            size
        });
        let written = match export {
            ChartExport::ScreenPng => {
                let Some(rect) = chart_rect else {
                    self.notices
                        .push("Show the chart first, then export it as shown.".to_owned());
                    return;
                };
                self.pending_chart_capture = Some((path, rect));
                ctx.request_repaint();
                return;
            }
            ChartExport::Png2x => chart::series_png(record, &options, size, 2.0)
                .map_err(|e| e.to_string())
                .and_then(|bytes| std::fs::write(&path, bytes).map_err(|e| e.to_string())),
            ChartExport::Svg => chart::series_svg(record, &options, size)
                .map_err(|e| e.to_string())
                .and_then(|svg| std::fs::write(&path, svg).map_err(|e| e.to_string())),
            ChartExport::Csv => {
                std::fs::write(&path, chart::series_csv(record)).map_err(|e| e.to_string())
            }
        };
        self.notices.push(match written {
            Ok(()) => format!("Saved {}.", path.display()),
            Err(e) => format!("Could not save {}: {e}", path.display()),
        });
    }

    /// Captures the chart region of the current frame for a pending screen PNG export.
    fn capture_chart(&mut self, ctx: &egui::Context) {
        if let Some((path, rect)) = self.pending_chart_capture.take() {
            let result = Arc::clone(&self.capture_result);
            let repaint = ctx.clone();
            let pixels_per_point = ctx.pixels_per_point();
            ctx.request_screenshot(move |image| {
                let region = image.region(&rect, Some(pixels_per_point));
                let saved = save_png(&path, &region).map(|()| path.clone());
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(saved);
                }
                repaint.request_repaint();
            });
        }
        let finished = self
            .capture_result
            .lock()
            .ok()
            .and_then(|mut slot| slot.take());
        if let Some(outcome) = finished {
            self.notices.push(match outcome {
                Ok(path) => format!("Saved {}.", path.display()),
                Err(e) => format!("Could not save the chart: {e}"),
            });
        }
    }

    /// Enters presentation mode (fullscreen, projector theme, large type) or leaves it.
    pub fn toggle_presentation(&mut self, ctx: &egui::Context) {
        if self.presentation.take().is_some() {
            self.theme = Theme::for_choice(
                self.state.theme,
                ctx.system_theme() == Some(egui::Theme::Dark),
            );
            self.theme.apply(ctx);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            return;
        }
        // Start on the slide of what is shown: the selected series, else the first slide.
        let all = slides(&self.corpus);
        let shown_series = self.views.get::<TrendsView>().map(|trends| trends.series);
        let start = all
            .iter()
            .position(|slide| matches!(slide, super::presentation::Slide::Trend(s) if Some(*s) == shown_series))
            .unwrap_or(0);
        self.presentation = Some(Presentation { slide: start });
        self.theme = Theme::new(super::theme::Palette::Projector);
        self.theme.apply(ctx);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    fn select(&mut self, item: Item, reveal: bool) {
        if self.selection.selected != Some(item) {
            self.history.leave(self.selection.selected);
            self.selection.selected = Some(item);
        }
        for view in self.views.iter_mut() {
            view.follow_selection(item);
        }
        if reveal {
            self.show_in_view(item);
        }
    }

    /// Takes the main view to where `item` is shown and scrolls there.
    fn show_in_view(&mut self, item: Item) {
        if let Some(view) = self.views.iter_mut().find(|view| view.can_show(item)) {
            view.id().clone_into(&mut self.state.view);
            view.show_item(&self.corpus, item);
        }
    }

    fn refresh_related(&mut self) {
        if self.selected_related.origin != self.selection.selected {
            self.selected_related = self
                .selection
                .selected
                .map(|item| related(&self.corpus, item))
                .unwrap_or_default();
        }
        if self.hovered_related.origin != self.selection.hovered {
            self.hovered_related = self
                .selection
                .hovered
                .map(|item| related(&self.corpus, item))
                .unwrap_or_default();
        }
    }

    /// Keyboard shortcuts, mouse back/forward buttons and dropped files.
    fn global_input(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let text_focused = ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
        // Esc is the search box's while it is open, and only taken when there is something to close.
        let can_close = !self.search.open && (self.show_shortcuts || self.diagnostics.open);
        ctx.input_mut(|input| {
            for command in UiCommand::all(&self.views) {
                if (command != UiCommand::CloseOverlay || can_close)
                    && command.triggered(input, text_focused)
                {
                    commands.push(command.command());
                }
            }
            if let Some(path) = input
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
            {
                commands.push(Command::Open(path));
            }
        });
        commands
    }

    fn remember_layout(&mut self, ctx: &egui::Context) {
        self.state.navigator_tab = self.navigator.tab;
        self.state.selection = self
            .selection
            .selected
            .and_then(|item| item.key(&self.corpus))
            .map(|k| k.0);
        self.state.zoom = ctx.zoom_factor();
        let now = ctx.input(|i| i.time);
        if self.state != self.saved_state && now - self.last_save_seconds > 1.0 {
            self.save_state();
            self.last_save_seconds = now;
        }
    }

    /// Writes the persisted state now (also called on exit).
    pub fn save_state(&mut self) {
        match self.store.save(&self.state) {
            Ok(()) => self.saved_state = self.state.clone(),
            Err(e) => {
                let message = format!("Could not save settings: {e}");
                if self.notices.last() != Some(&message) {
                    self.notices.push(message);
                }
                // Do not retry every frame.
                self.saved_state = self.state.clone();
            }
        }
    }

    fn take_screenshot(&mut self, ctx: &egui::Context) {
        let Some(task) = &mut self.screenshot else {
            return;
        };
        if !task.requested && self.frames >= 4 {
            task.requested = true;
            let path = task.path.clone();
            let result = Arc::clone(&task.result);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let saved = save_png(&path, &image);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(saved);
                }
                repaint.request_repaint();
            });
        }
        let finished = task.result.lock().ok().and_then(|mut slot| slot.take());
        if let Some(outcome) = finished {
            if let Err(e) = outcome
                && let Ok(mut slot) = self.screenshot_error.lock()
            {
                *slot = Some(e);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }

    /// Draws one frame: panels, then overlays, then applies the commands they sent.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.frames += 1;
        if let Some(started) = self.measure_startup_from {
            if self.frames == 1 {
                println!(
                    "first frame after {:.1} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                );
            }
            if self.frames >= 3 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            ctx.request_repaint();
        }
        if !self.applied_zoom {
            ctx.set_zoom_factor(self.state.zoom);
            self.applied_zoom = true;
        }
        self.poll_loading();
        if self.presentation.is_some() {
            self.presentation_frame_ui(ui);
            return;
        }
        let mut commands = self.global_input(&ctx);
        let selection = self.begin_frame();

        let view_ctx = ViewCtx::new(
            &self.corpus,
            selection,
            &self.selected_related,
            &self.hovered_related,
            &self.theme,
            &self.citation_cache,
        )
        .with_citations(self.state.citation_style, self.state.citation_display);
        self.toolbar_ui(&view_ctx, ui);
        self.status_bar_ui(&view_ctx, ui);
        let navigator_width = egui::Panel::left("navigator")
            .resizable(true)
            .default_size(self.state.navigator_width)
            .size_range(180.0..=600.0)
            .show(ui, |ui| self.navigator.ui(&view_ctx, ui))
            .response
            .rect
            .width();
        let inspector_width = egui::Panel::right("inspector")
            .resizable(true)
            .default_size(self.state.inspector_width)
            .size_range(240.0..=800.0)
            .show(ui, |ui| self.inspector.ui(&view_ctx, ui))
            .response
            .rect
            .width();
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(view) = self.views.by_id_mut(&self.state.view) {
                view.ui(&view_ctx, ui);
            }
        });
        self.search.ui(&view_ctx, ui, &self.search_index);
        self.diagnostics.ui(&view_ctx, ui);
        if self.show_shortcuts && !shortcuts_ui(&view_ctx, ui, &self.views) {
            commands.push(Command::ToggleShortcuts);
        }
        commands.extend(view_ctx.take_commands());
        self.state.navigator_width = navigator_width;
        self.state.inspector_width = inspector_width;

        for command in commands {
            self.apply(&ctx, command);
        }
        self.refresh_related();
        self.remember_layout(&ctx);
        self.capture_chart(&ctx);
        if self.screenshot.is_some() {
            self.take_screenshot(&ctx);
        }
    }

    /// Starts a frame's drawing: brings the related sets up to date and returns the selection
    /// panels draw with (hover as of last frame; this frame's hover is collected afresh).
    fn begin_frame(&mut self) -> Selection {
        self.refresh_related();
        let selection = self.selection;
        self.selection.hovered = None;
        selection
    }

    /// A frame of presentation mode: the slide over the whole window, nothing else.
    fn presentation_frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let slide_count = slides(&self.corpus).len();
        let leave = self
            .presentation
            .as_mut()
            .is_some_and(|p| p.handle_keys(&ctx, slide_count) == PresentationKey::Leave);
        let selection = self.begin_frame();
        let view_ctx = ViewCtx::new(
            &self.corpus,
            selection,
            &self.selected_related,
            &self.hovered_related,
            &self.theme,
            &self.citation_cache,
        )
        .with_citations(self.state.citation_style, self.state.citation_display);
        if let Some(presentation) = &mut self.presentation {
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(trends) = self.views.get_mut::<TrendsView>() {
                    presentation.ui(&view_ctx, ui, trends);
                }
            });
        }
        let commands = view_ctx.take_commands();
        for command in commands {
            // Hover and selection keep working on slides; navigation does not change the slide.
            if matches!(command, Command::Hover(_) | Command::Select(_)) {
                self.apply(&ctx, command);
            }
        }
        if leave {
            self.toggle_presentation(&ctx);
        }
        self.refresh_related();
        if self.screenshot.is_some() {
            self.take_screenshot(&ctx);
        }
    }

    fn toolbar_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui) {
        egui::Panel::top("toolbar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    self.command_ui(view_ctx, ui, UiCommand::Open);
                    ui.menu_button("Open recent", |ui| {
                        if self.state.recent_files.is_empty() {
                            ui.label(RichText::new("No recent files").italics());
                        }
                        for path in &self.state.recent_files {
                            if ui.button(path.display().to_string()).clicked() {
                                view_ctx.send(Command::Open(path.clone()));
                            }
                        }
                    });
                    self.command_ui(view_ctx, ui, UiCommand::OpenBuiltin);
                    self.command_ui(view_ctx, ui, UiCommand::Reload);
                    ui.separator();
                    ui.menu_button("Export references", |ui| {
                        for scope in [
                            ReferenceScope::All,
                            ReferenceScope::Filtered,
                            ReferenceScope::Selection,
                        ] {
                            ui.menu_button(scope.label(), |ui| {
                                for format in ReferenceFormat::ALL {
                                    if ui
                                        .button(format!(
                                            "{} (.{})",
                                            format.label(),
                                            format.extension()
                                        ))
                                        .clicked()
                                    {
                                        view_ctx.send(Command::ExportReferences { scope, format });
                                    }
                                }
                            });
                        }
                    });
                    self.command_ui(view_ctx, ui, UiCommand::ExportTable);
                    self.command_ui(view_ctx, ui, UiCommand::ExportCases);
                    self.command_ui(view_ctx, ui, UiCommand::ExportCorpus);
                    ui.separator();
                    self.command_ui(view_ctx, ui, UiCommand::Quit);
                });
                ui.menu_button("View", |ui| {
                    self.view_choice_ui(view_ctx, ui);
                    ui.separator();
                    ui.label(RichText::new("Theme").small());
                    for choice in ThemeChoice::ALL {
                        if ui
                            .selectable_label(self.state.theme == choice, choice.label())
                            .clicked()
                        {
                            view_ctx.send(Command::SetTheme(choice));
                        }
                    }
                    ui.separator();
                    ui.label(RichText::new("Citation style").small());
                    for style in CitationStyle::ALL {
                        if ui
                            .selectable_label(self.state.citation_style == style, style.label())
                            .clicked()
                        {
                            view_ctx.send(Command::SetCitationStyle(style));
                        }
                    }
                    ui.label(RichText::new("Citations in the text").small());
                    for (display, label) in [
                        (
                            CitationDisplay::AsPrinted,
                            "As the paper prints them ([2], [4])".to_owned(),
                        ),
                        (
                            CitationDisplay::InStyle,
                            format!("In {} style", self.state.citation_style.label()),
                        ),
                    ] {
                        if ui
                            .selectable_label(self.state.citation_display == display, label)
                            .clicked()
                        {
                            view_ctx.send(Command::SetCitationDisplay(display));
                        }
                    }
                    ui.separator();
                    egui::gui_zoom::zoom_menu_buttons(ui);
                });
                ui.menu_button("Help", |ui| {
                    self.command_ui(view_ctx, ui, UiCommand::ToggleShortcuts);
                });
            });
            ui.horizontal(|ui| {
                self.command_ui(view_ctx, ui, UiCommand::Back);
                self.command_ui(view_ctx, ui, UiCommand::Forward);
                ui.separator();
                self.view_choice_ui(view_ctx, ui);
                ui.separator();
                self.command_ui(view_ctx, ui, UiCommand::Search);
                self.command_ui(view_ctx, ui, UiCommand::TogglePresentation);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let title = &view_ctx.corpus.file.paper.title;
                    let name = if title.is_empty() {
                        view_ctx.corpus.source_name.clone()
                    } else {
                        title.clone()
                    };
                    ui.add(egui::Label::new(RichText::new(name).strong()).truncate());
                });
            });
        });
    }

    /// A button (or menu entry) for `command`: enabled when it can run now, with its shortcut
    /// in the label (history steps show it on hover, beside their arrows) and its hover text.
    fn command_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui, command: UiCommand) {
        let (enabled, text) = match command {
            UiCommand::Back => (self.history.can_go_back(), command.text().to_owned()),
            UiCommand::Forward => (self.history.can_go_forward(), command.text().to_owned()),
            UiCommand::Reload => (self.open_path.is_some(), command.label()),
            _ => (true, command.label()),
        };
        if ui
            .add_enabled(enabled, egui::Button::new(text))
            .on_hover_text(command.hover_text())
            .clicked()
        {
            view_ctx.send(command.command());
        }
    }

    /// One choice per main view, the one shown marked.
    fn view_choice_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui) {
        for command in UiCommand::show_views(&self.views) {
            let UiCommand::ShowView { id, .. } = command else {
                continue;
            };
            if ui
                .selectable_label(self.state.view == id, command.text())
                .on_hover_text(command.hover_text())
                .clicked()
            {
                view_ctx.send(command.command());
            }
        }
    }

    fn status_bar_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let source = match &self.open_path {
                    Some(path) => path.display().to_string(),
                    None => "Built-in corpus".to_owned(),
                };
                ui.label(
                    RichText::new(source)
                        .small()
                        .color(view_ctx.theme.muted_text),
                );
                let (_, warnings) = count(&view_ctx.corpus.warnings);
                if warnings > 0 {
                    let label =
                        format!("{warnings} warning{}", if warnings == 1 { "" } else { "s" });
                    if ui
                        .link(RichText::new(label).small().color(view_ctx.theme.warning))
                        .clicked()
                    {
                        view_ctx.send(Command::ShowDiagnostics(true));
                    }
                }
                if let Some(pending) = &self.pending_load {
                    ui.spinner();
                    ui.label(RichText::new(format!("Loading {}…", pending.path.display())).small());
                    if ui.small_button("Cancel").clicked() {
                        view_ctx.send(Command::CancelLoad);
                    }
                }
                if let Some(notice) = self.notices.last() {
                    ui.separator();
                    ui.add(egui::Label::new(RichText::new(notice).small()).truncate());
                }
            });
        });
    }
}

/// The diagnostics of a load as `paperlens check` prints them, with its summary line.
fn diagnostics_text(report: &LoadReport) -> String {
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

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let width = u32::try_from(width).map_err(|e| e.to_string())?;
    let height = u32::try_from(height).map_err(|e| e.to_string())?;
    image::save_buffer(path, &bytes, width, height, image::ColorType::Rgba8)
        .map_err(|e| format!("could not write {}: {e}", path.display()))
}

impl eframe::App for Explorer {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self) {
        self.state.navigator_tab = self.navigator.tab;
        self.save_state();
    }
}

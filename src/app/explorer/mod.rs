//! [`Explorer`]: the app's state (the corpus, the one selection, the views, the persisted
//! state) and its frame: panels draw from a [`ViewCtx`] and send [`Command`]s, applied after
//! the frame. The rest lives beside it: `apply` (commands), `loading` (background loading,
//! failed opens), `exports` (dialogs and files), `chrome` (menus, toolbar, status bar,
//! window-wide keys, the window's title).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use eframe::egui::{self, Ui};

use super::about::AboutWindow;
use super::context::{CheckCtx, CitationCache, Command, History, Selection, SidePanel, ViewCtx};
use super::figure_images::FigureImages;
use super::file_dialog::{FilePurpose, PathDialog};
use super::guide::{Guide, GuideWindow};
use super::inspector::Inspector;
use super::navigator::Navigator;
use super::overlays::{DiagnosticsWindow, shortcuts_ui};
use super::presentation::{Presentation, PresentationKey};
use super::search_popup::SearchPopup;
use super::state::{PersistedState, StateStore};
use super::study_notes::PaperNotes;
use super::theme::Theme;
use super::views::Views;
use crate::corpus::links::{Related, related};
use crate::corpus::{Corpus, Item};
use crate::open;

mod apply;
mod chrome;
mod exports;
mod loading;
mod panels;
mod styles;
mod tour;

use loading::{Derived, FailedOpen, PendingLoad, diagnostics_text};

/// How the app starts.
#[derive(Debug, Default)]
pub struct StartOptions {
    /// A paper, bibliography or corpus file to open instead of the last one or the built-in
    /// corpus.
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
    /// Copy formatted citations to the system clipboard as HTML and text (the window); off,
    /// copies are plain text through egui (tests never touch the real clipboard).
    pub system_clipboard: bool,
    /// The folder of the study notes' store (`notes::state_dir()`); `None`: notes are not
    /// kept in this window (tests that do not test notes), and it says so.
    pub notes_dir: Option<PathBuf>,
}

/// A screenshot being taken for `--screenshot`.
struct ScreenshotTask {
    path: PathBuf,
    requested: bool,
    /// When the window opened: the picture waits for figure images being decoded, at most
    /// `SCREENSHOT_IMAGE_WAIT` from then.
    started: std::time::Instant,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ScreenshotTask {
    /// A picture to be written to `path`, the window opening now.
    fn new(path: PathBuf) -> Self {
        Self {
            path,
            requested: false,
            started: std::time::Instant::now(),
            result: Arc::new(Mutex::new(None)),
        }
    }

    /// Whether the picture has been written (or failed to be).
    fn is_done(&self) -> bool {
        self.result.lock().is_ok_and(|slot| slot.is_some())
    }
}

/// The explorer app.
pub struct Explorer {
    corpus: Corpus,
    /// What is worked out from the corpus once, when it loads (search index, flags).
    derived: Derived,
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
    /// The corpus format guide (Help → Corpus format).
    pub guide: GuideWindow,
    /// The user guide (Help → User guide).
    pub user_guide: GuideWindow,
    /// Help → About.
    pub about: AboutWindow,
    /// paperlens's own file dialog while it is open, and what it was opened for.
    file_dialog: Option<(PathDialog, FilePurpose)>,
    /// Whether the desktop has a file dialog (`Err` says why not); asked once, when first needed.
    desktop_dialogs: Option<Result<(), String>>,
    /// The file that last failed to open, until a file opens: F5 tries it again.
    failed_open: Option<FailedOpen>,
    /// The window title last sent to the window.
    window_title: String,
    /// The folder a file was last chosen in (dialogs start there).
    last_folder: Option<PathBuf>,
    /// One-line messages for the status bar (newest last).
    pub notices: Vec<String>,
    /// Warnings of the open corpus, rendered as `paperlens check` prints them.
    warnings_text: String,
    pending_load: Option<PendingLoad>,
    /// The view the reader chose while a bibliography file (which offers no Reader) shows
    /// another: saved as the view, and shown again when a paper opens.
    view_before_bibliography: Option<String>,
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
    /// The open corpus's figure images, for the Reader and the slides.
    figure_images: FigureImages,
    /// The citation style in use, the styles read, the clipboard.
    styles: styles::StyleRuntime,
    /// A screen capture of the chart region waiting to be written: path, chart rectangle.
    pending_chart_capture: Option<(PathBuf, egui::Rect)>,
    /// A folder the slides are to be drawn into, and the frame that asked: drawn two frames
    /// later, once the status bar has said so (drawing them holds the window a few seconds).
    pending_slide_export: Option<(PathBuf, u64)>,
    capture_result: Arc<Mutex<Option<Result<PathBuf, String>>>>,
    /// When edits typed into the tour are due to be saved (egui's clock), if there are any.
    tour_save_due: Option<f64>,
    /// The study notes' store and the open paper's notes.
    notes: PaperNotes,
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
        let mut failed_report: Option<(PathBuf, crate::corpus::load::LoadReport)> = None;
        let requested = options.path.clone().or_else(|| state.last_corpus.clone());
        let corpus = match (options.corpus, requested) {
            (Some(corpus), _) => corpus,
            (None, requested) => match requested {
                Some(path) => {
                    let report = open::open_path(&path);
                    if let Some(corpus) = report.corpus.clone() {
                        warnings_text = diagnostics_text(&report);
                        notices.extend(loading::import_notice(&report));
                        open_path = Some(path.clone());
                        state.remember_recent(&path);
                        corpus
                    } else {
                        notices.push(format!(
                            "Could not open {}; showing the built-in corpus instead.",
                            path.display()
                        ));
                        state.last_corpus = None;
                        failed_report = Some((path, report));
                        builtin(&store, &mut notices)
                    }
                }
                None => builtin(&store, &mut notices),
            },
        };
        let views = Views::default();
        let view = start_view(&views, options.view.as_deref(), &state.view).to_owned();
        state.view = view;
        let mut diagnostics = DiagnosticsWindow::default();
        if let Some(dir) = &options.crash_report_dir {
            notices.extend(announce_crash_report(dir, &mut state, &mut diagnostics));
        }
        let notes_dir = options.notes_dir.as_deref();
        let notes = PaperNotes::open(notes_dir, &corpus, &mut state.study, &mut notices);
        let mut app = Self {
            derived: Derived::of(&corpus),
            corpus,
            open_path,
            selection: Selection::default(),
            history: History::default(),
            selected_related: Related::default(),
            hovered_related: Related::default(),
            theme: Theme::install(ctx, state.theme),
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
            guide: GuideWindow::new(Guide::FORMAT),
            user_guide: GuideWindow::new(Guide::USER),
            about: AboutWindow::default(),
            file_dialog: None,
            desktop_dialogs: None,
            failed_open: None,
            window_title: String::new(),
            last_folder: None,
            notices,
            warnings_text,
            pending_load: None,
            view_before_bibliography: None,
            screenshot: options.screenshot.map(ScreenshotTask::new),
            frames: 0,
            applied_zoom: false,
            screenshot_error: Arc::new(Mutex::new(None)),
            presentation: None,
            citation_cache: CitationCache::default(),
            figure_images: FigureImages::default(),
            styles: styles::StyleRuntime::default(),
            measure_startup_from: options.measure_startup_from,
            pending_chart_capture: None,
            pending_slide_export: None,
            capture_result: Arc::new(Mutex::new(None)),
            tour_save_due: None,
            notes,
        };
        app.navigator.tab = app.state.navigator_tab;
        app.start_styles(options.system_clipboard);
        if let Some((path, report)) = failed_report {
            app.show_failed_load(&path, &report);
        }
        app.select_at_start(ctx, options.select, options.view);
        // After the selection: presenting starts on the slide of what is selected.
        if options.present {
            app.toggle_presentation(ctx);
        }
        app.started_on_what_the_corpus_has()
    }

    /// Selects the item `select` names (else the one selected last time) and shows it; the view
    /// asked for at start wins over the item's own.
    fn select_at_start(
        &mut self,
        ctx: &egui::Context,
        select: Option<String>,
        view: Option<String>,
    ) {
        let Some(key) = select.or_else(|| self.state.selection.clone()) else {
            return;
        };
        let item = Item::from_key(&key, &self.corpus);
        match item {
            Some(item) => self.apply(ctx, Command::Reveal(item)),
            None if self.state.selection.as_deref() != Some(key.as_str()) => {
                self.notices
                    .push(format!("Nothing in this corpus has the key `{key}`."));
            }
            None => {}
        }
        if let Some(view) = view.filter(|view| self.views.by_id(view).is_some()) {
            // The view asked for shows the item too when it can (a table in the Reader, not
            // only in the Table view it was revealed in).
            if let Some(item) = item
                && let Some(shown) = self.views.by_id_mut(&view)
                && (shown.can_show(item) || shown.also_shows(item))
            {
                shown.show_item(&self.corpus, item);
            }
            self.state.view = view;
        }
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

    /// The citation check's flags of the open corpus (computed once, when it loaded).
    #[must_use]
    pub fn checks(&self) -> &crate::corpus::checks::CitationChecks {
        &self.derived.checks
    }

    /// The path of the open file (`None` for the built-in corpus).
    #[must_use]
    pub fn open_path(&self) -> Option<&PathBuf> {
        self.open_path.as_ref()
    }

    /// What is related to the selection (what panels highlight).
    #[must_use]
    pub fn selected_related(&self) -> &Related {
        &self.selected_related
    }

    /// What is related to what the pointer is over (what panels light up on hover).
    #[must_use]
    pub fn hovered_related(&self) -> &Related {
        &self.hovered_related
    }

    /// The file F5 reads: the one that last failed to open (until a file opens), else the open
    /// one; `None` for the built-in corpus.
    #[must_use]
    pub fn reload_path(&self) -> Option<&PathBuf> {
        self.current_file()
    }

    /// The window's title as last sent to the window (`"<paper title> — paperlens"`).
    #[must_use]
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    /// paperlens's own file dialog, while it is open.
    #[must_use]
    pub fn file_dialog(&self) -> Option<&PathDialog> {
        self.file_dialog.as_ref().map(|(dialog, _)| dialog)
    }

    /// The open paper's study notes as the panels show them.
    #[must_use]
    pub fn notes(&self) -> &super::study_notes::NotesShown {
        self.notes.shown()
    }

    /// Whether a file is loading in the background.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.pending_load.is_some()
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

    fn remember_layout(&mut self, ctx: &egui::Context) {
        self.state.navigator_tab = self.navigator.tab;
        self.state.selection = self
            .selection
            .selected
            .and_then(|item| item.key(&self.corpus))
            .map(|k| k.0);
        self.state.zoom = ctx.zoom_factor();
        let now = ctx.input(|i| i.time);
        if self.persisted() != self.saved_state && now - self.last_save_seconds > 1.0 {
            self.save_state();
            self.last_save_seconds = now;
        }
    }

    /// The state as it is saved: the view is the one the reader chose, not the one a
    /// bibliography file (which has no text) showed instead.
    fn persisted(&self) -> PersistedState {
        let mut state = self.state.clone();
        if let Some(view) = &self.view_before_bibliography {
            view.clone_into(&mut state.view);
        }
        state
    }

    /// Writes the persisted state now (also called on exit).
    pub fn save_state(&mut self) {
        let state = self.persisted();
        match self.store.save(&state) {
            Ok(()) => self.saved_state = state,
            Err(e) => {
                let message = format!("Could not save settings: {e}");
                if self.notices.last() != Some(&message) {
                    self.notices.push(message);
                }
                // Do not retry every frame.
                self.saved_state = state;
            }
        }
    }

    /// For a `--screenshot` run: whether the picture is written and the window closes (this
    /// last frame is not drawn: it would cost a software renderer a full frame for nothing).
    /// The first frame only has to lay out (the lists measure their rows), so it is not
    /// painted, sparing a software renderer; `--screenshot` pictures the third (see
    /// `SCREENSHOT_FRAME`).
    fn screenshot_done(&mut self, ui: &mut Ui) -> bool {
        if self
            .screenshot
            .as_ref()
            .is_some_and(ScreenshotTask::is_done)
        {
            self.take_screenshot(ui.ctx());
            return true;
        }
        if self.screenshot.is_some() && self.frames == 1 {
            ui.set_invisible();
        }
        false
    }

    /// Draws one frame: panels, then overlays, then applies the commands they sent. In
    /// presentation mode the slide covers the whole window instead.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.count_frame(&ctx);
        if self.screenshot_done(ui) {
            return;
        }
        self.poll_loading();
        let presenting = self.presentation.is_some();
        let leave_presentation = self.presentation_keys(&ctx);
        let (mut commands, keyboard_scroll) = if presenting {
            (Vec::new(), None)
        } else {
            (self.global_input(&ctx), self.keyboard_scroll(&ctx))
        };
        let selection = self.begin_frame();
        let view_ctx = ViewCtx::new(
            &self.corpus,
            selection,
            &self.selected_related,
            &self.hovered_related,
            &self.theme,
            &self.citation_cache,
        )
        .with_citations(
            self.styles
                .settings(self.state.citation_display, self.state.list_display),
        )
        .with_checks(CheckCtx {
            checks: &self.derived.checks,
            marks: self.state.checks.marks,
            student_mode: self.state.checks.student_mode,
            answers: self
                .notes
                .answers_or(&self.state.study, &self.derived.paper),
        })
        .with_notes(self.notes.shown())
        .with_figure_images(self.figure_images.clone())
        .with_keyboard_scroll(keyboard_scroll);
        if self.presentation.is_some() {
            commands.extend(self.presentation_ui(ui));
            if leave_presentation {
                commands.push(Command::TogglePresentation);
            }
        } else {
            // Tab follows the order widgets are drawn in: toolbar, navigator, main view,
            // inspector, status bar. Panels must be laid out before the main view, so the
            // inspector's and the status bar's rooms are reserved here and filled after it.
            self.toolbar_ui(&view_ctx, ui);
            let status_room = Self::status_bar_room_ui(ui);
            panels::side_panel_ui(
                &view_ctx,
                ui,
                SidePanel::Navigator,
                &mut self.state.navigator_open,
                &mut self.state.navigator_width,
                |ui| self.navigator.ui(&view_ctx, ui),
            );
            let inspector_room = panels::side_panel_room_ui(
                &view_ctx,
                ui,
                SidePanel::Inspector,
                &mut self.state.inspector_open,
                &mut self.state.inspector_width,
            );
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(view) = self.views.by_id_mut(&self.state.view) {
                    view.ui(&view_ctx, ui);
                }
            });
            panels::side_panel_contents_ui(
                &view_ctx,
                ui,
                SidePanel::Inspector,
                inspector_room,
                |ui| self.inspector.ui(&view_ctx, ui),
            );
            self.status_bar_ui(&view_ctx, ui, status_room);
            self.search.ui(&view_ctx, ui, &self.derived.search);
            self.diagnostics.ui(&view_ctx, ui);
            self.guide.ui(&view_ctx, ui);
            self.user_guide.ui(&view_ctx, ui);
            self.about.ui(&view_ctx, ui);
            if self.show_shortcuts && !shortcuts_ui(&view_ctx, ui, &self.views) {
                commands.push(Command::ToggleShortcuts);
            }
            commands.extend(view_ctx.take_commands());
        }
        for command in commands {
            self.apply(&ctx, command);
        }
        self.file_dialog_ui(&ctx, ui);
        self.refresh_related();
        self.update_title(&ctx);
        self.save_tour_when_due(&ctx);
        if !presenting {
            self.remember_layout(&ctx);
            self.capture_chart(&ctx);
            self.export_pending_slides(&ctx);
        }
        if self.screenshot.is_some() {
            self.take_screenshot(&ctx);
        }
    }

    /// Counts the frame; for `--measure-startup`, prints the first frame's time and closes
    /// after the third; applies the remembered zoom once.
    fn count_frame(&mut self, ctx: &egui::Context) {
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
    }

    /// Draws presentation mode; returns the hovers and selections made on the slides.
    fn presentation_ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let Some(presentation) = &mut self.presentation else {
            return Vec::new();
        };
        // Slides carry nothing over from the explorer: no selection, nothing highlighted.
        let nothing = Related::default();
        let slide_ctx = ViewCtx::new(
            &self.corpus,
            Selection::default(),
            &nothing,
            &nothing,
            &self.theme,
            &self.citation_cache,
        )
        .with_citations(
            self.styles
                .settings(self.state.citation_display, self.state.list_display),
        )
        .with_figure_images(self.figure_images.clone());
        egui::CentralPanel::default().show(ui, |ui| {
            presentation.ui(&slide_ctx, ui);
        });
        // Hover and selection keep working on slides; navigation does not change the slide.
        slide_ctx
            .take_commands()
            .into_iter()
            .filter(|command| matches!(command, Command::Hover(_) | Command::Select(_)))
            .collect()
    }

    /// In presentation mode, steps through the slides by key; returns whether to leave it.
    fn presentation_keys(&mut self, ctx: &egui::Context) -> bool {
        let Some(presentation) = &mut self.presentation else {
            return false;
        };
        presentation.handle_keys(ctx) == PresentationKey::Leave
    }

    /// Starts a frame's drawing: brings the related sets up to date and returns the selection
    /// panels draw with (hover as of last frame; this frame's hover is collected afresh).
    fn begin_frame(&mut self) -> Selection {
        self.refresh_related();
        self.sync_citation_style();
        let selection = self.selection;
        self.selection.hovered = None;
        selection
    }
}

/// Takes all the room left in `ui` (a panel's) and returns it, to be filled later with
/// [`fill_room_ui`]: Tab follows the order widgets are drawn in, not where they stand.
fn reserve_room_ui(ui: &mut Ui) -> egui::Rect {
    let room = ui.available_rect_before_wrap();
    ui.allocate_rect(room, egui::Sense::hover());
    room
}

/// Draws `contents` in `room`, reserved earlier with [`reserve_room_ui`] (or a panel's row).
fn fill_room_ui<R>(
    ui: &mut Ui,
    room: egui::Rect,
    id_salt: &str,
    contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    let mut room_ui = ui.new_child(egui::UiBuilder::new().max_rect(room).id_salt(id_salt));
    // Clipped to its room as a panel's contents are.
    room_ui.set_clip_rect(room.intersect(ui.clip_rect()));
    contents(&mut room_ui)
}

/// The built-in corpus with the tour saved for it; a problem of that tour goes to `notices`.
fn builtin(store: &StateStore, notices: &mut Vec<String>) -> Corpus {
    let (corpus, notice) = tour::builtin_with_saved_tour(store);
    notices.extend(notice);
    corpus
}

/// The view to start on: the one asked for, else the one last shown, else the first; each only
/// when the registry has it.
fn start_view<'a>(views: &Views, asked: Option<&'a str>, last: &'a str) -> &'a str {
    [asked, Some(last)]
        .into_iter()
        .flatten()
        .find(|view| views.by_id(view).is_some())
        .unwrap_or_else(|| views.first_id())
}

/// Shows the newest crash report in `dir` the user has not been told about yet, and remembers
/// it as told; returns the status-bar notice.
fn announce_crash_report(
    dir: &std::path::Path,
    state: &mut PersistedState,
    diagnostics: &mut DiagnosticsWindow,
) -> Option<String> {
    let (time, path) = crate::crash::newest_report_after(dir, state.crash_reports_seen_until)?;
    state.crash_reports_seen_until = time;
    diagnostics.show_report(
        "paperlens stopped after an internal error".to_owned(),
        format!(
            "The last session ended with an internal error. Its report was saved to {}; please attach that file when you report the problem.",
            path.display()
        ),
        crate::crash::read_report(&path),
    );
    Some(format!(
        "paperlens stopped after an internal error last time; the report is {}",
        path.display()
    ))
}

impl eframe::App for Explorer {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self) {
        self.save_pending_tour();
        self.state.navigator_tab = self.navigator.tab;
        self.save_state();
    }
}

//! The window's chrome around the views: menus, toolbar, status bar, the window's title, and
//! the keys and dropped files that act on the whole window. Buttons and keys come from
//! [`UiCommand`].

use eframe::egui::{self, RichText, Ui};

use super::Explorer;
use crate::app::commands::{Scope, UiCommand};
use crate::app::context::{Command, ReferenceScope, ViewCtx};
use crate::app::reader::Reader;
use crate::app::state::{CitationDisplay, FileDialogs};
use crate::app::study_notes::NoteCommand;
use crate::app::style_picker::style_picker_submenu_ui;
use crate::app::table_view::TableView;
use crate::app::theme::ThemeChoice;
use crate::app::virtual_list::KeyScroll;
use crate::corpus::diagnostics::count;
use crate::corpus::display::excerpt;
use crate::formats::ReferenceFormat;

/// Where the status bar's height, measured as it is drawn, is kept for the next frame's room.
const STATUS_HEIGHT: &str = "status-bar-height";

impl Explorer {
    /// Keyboard shortcuts, mouse back/forward buttons and dropped files.
    pub(super) fn global_input(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some((dialog, _)) = &mut self.file_dialog {
            // paperlens's file dialog is modal: its keys are its own. Esc is taken before any
            // view draws, so no find bar or search box closes instead.
            if ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
                dialog.press_escape();
            }
            return commands;
        }
        let text_focused = ctx.text_edit_focused();
        // Esc is the search box's while it is open, and only taken when there is something to close.
        let can_close = !self.search.open
            && (self.show_shortcuts
                || self.about.open
                || self.user_guide.open
                || self.guide.open
                || self.diagnostics.open);
        ctx.input_mut(|input| {
            let window_commands = UiCommand::all(&self.views)
                .into_iter()
                .filter(|c| c.scope() == Scope::Window);
            for command in window_commands {
                if (command != UiCommand::CloseOverlay || can_close)
                    && command.triggered(input, text_focused)
                {
                    commands.extend(command.command());
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

    /// The scroll a key asks for this frame (Page Down, Space, ↓, Home …), taken from the
    /// input; none while a text field has the keyboard or an overlay is open (paperlens's file
    /// dialog is modal: the keys are its own while it is open).
    pub(super) fn keyboard_scroll(&self, ctx: &egui::Context) -> Option<KeyScroll> {
        let text_focused = ctx.text_edit_focused();
        if text_focused
            || self.search.open
            || self.show_shortcuts
            || self.guide.open
            || self.diagnostics.open
            || self.file_dialog.is_some()
        {
            return None;
        }
        let widget_focused = ctx.memory(|m| m.focused().is_some());
        ctx.input_mut(|input| UiCommand::key_scroll_pressed(&self.views, input, widget_focused))
    }

    /// The menu bar and the toolbar under it: history, views, search, presentation, the title.
    pub(super) fn toolbar_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui) {
        egui::Panel::top("toolbar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    self.file_menu_ui(view_ctx, ui);
                });
                ui.menu_button("View", |ui| {
                    self.view_menu_ui(view_ctx, ui);
                });
                ui.menu_button("Help", |ui| {
                    self.command_ui(view_ctx, ui, UiCommand::UserGuide);
                    self.command_ui(view_ctx, ui, UiCommand::ToggleShortcuts);
                    self.command_ui(view_ctx, ui, UiCommand::FormatGuide);
                    ui.separator();
                    self.command_ui(view_ctx, ui, UiCommand::About);
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

    /// The File menu: open, recent files, reload, exports, quit.
    fn file_menu_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui) {
        self.command_ui(view_ctx, ui, UiCommand::Open);
        ui.menu_button("Open recent", |ui| self.recent_files_ui(view_ctx, ui));
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
                            .button(format!("{} (.{})", format.label(), format.extension()))
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
        self.command_ui(view_ctx, ui, UiCommand::ExportFlagsCsv);
        self.command_ui(view_ctx, ui, UiCommand::ExportFlagsMarkdown);
        self.command_ui(view_ctx, ui, UiCommand::ExportNotesMarkdown);
        self.command_ui(view_ctx, ui, UiCommand::ExportNotesCsv);
        self.command_ui(view_ctx, ui, UiCommand::ExportSlides);
        self.command_ui(view_ctx, ui, UiCommand::SaveTourIntoCorpus);
        ui.separator();
        self.command_ui(view_ctx, ui, UiCommand::LoadCitationStyle);
        ui.separator();
        ui.menu_button("File dialogs", |ui| {
            for choice in FileDialogs::ALL {
                if ui
                    .selectable_label(self.state.file_dialogs == choice, choice.label())
                    .clicked()
                {
                    view_ctx.send(Command::SetFileDialogs(choice));
                }
            }
        });
        ui.separator();
        self.command_ui(view_ctx, ui, UiCommand::Quit);
    }

    /// File → Open recent: each recent file; one that failed to open last time is marked so,
    /// with why on hover.
    fn recent_files_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui) {
        if self.state.recent_files.is_empty() {
            ui.label(RichText::new("No recent files").italics());
        }
        for path in &self.state.recent_files {
            let name = path.display().to_string();
            let clicked = match self.state.failure_of(path) {
                Some(reason) => ui
                    .button(
                        RichText::new(format!("{name} — could not open"))
                            .color(view_ctx.theme.warning),
                    )
                    .on_hover_text(format!(
                        "Last time it could not be opened: {reason}. Fix the file, then choose \
                         it here or press F5."
                    ))
                    .clicked(),
                None => ui.button(name).clicked(),
            };
            if clicked {
                view_ctx.send(Command::Open(path.clone()));
            }
        }
    }

    /// The View menu: the views, the theme, the citation style and display, zoom.
    fn view_menu_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui) {
        self.view_choice_ui(view_ctx, ui);
        ui.separator();
        self.command_ui(view_ctx, ui, UiCommand::Search);
        self.command_ui(view_ctx, ui, UiCommand::Find);
        self.command_ui(view_ctx, ui, UiCommand::AddToTour);
        ui.separator();
        ui.label(RichText::new("Citation check").small());
        self.toggle_command_ui(view_ctx, ui, UiCommand::ToggleFlagMarks);
        self.toggle_command_ui(view_ctx, ui, UiCommand::ToggleStudentMode);
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
        style_picker_submenu_ui(view_ctx, ui, "view-menu");
        // A bibliography on its own, or a paper without its text, has no text to show
        // citations in.
        let displays = if view_ctx.corpus.has_text() {
            ui.label(RichText::new("Citations in the text").small());
            vec![
                (
                    CitationDisplay::AsPrinted,
                    // The paper's own first citation as the example of its form (a long group
                    // cut short).
                    match view_ctx.corpus.first_printed_citation() {
                        Some(example) => {
                            format!("As the paper prints them: {}", excerpt(example, 40))
                        }
                        None => "As the paper prints them".to_owned(),
                    },
                ),
                (
                    CitationDisplay::InStyle,
                    format!("In {} style", view_ctx.citation_style.label),
                ),
            ]
        } else {
            Vec::new()
        };
        for (display, label) in displays {
            if ui
                .selectable_label(self.state.citation_display == display, label)
                .clicked()
            {
                view_ctx.send(Command::SetCitationDisplay(display));
            }
        }
        ui.separator();
        egui::gui_zoom::zoom_menu_buttons(ui);
    }

    /// A button (or menu entry) for `command`: enabled when it can run now, with its shortcut
    /// in the label (history steps show it on hover, beside their arrows) and its hover text.
    pub(super) fn command_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui, command: UiCommand) {
        let (enabled, text) = match command {
            UiCommand::Back => (self.history.can_go_back(), command.text().to_owned()),
            UiCommand::Forward => (self.history.can_go_forward(), command.text().to_owned()),
            UiCommand::Reload => (self.current_file().is_some(), command.label()),
            // A bibliography on its own has no text to find in and nothing to present.
            UiCommand::Find => (
                self.views.is_offered(Reader::ID, view_ctx.corpus),
                command.label(),
            ),
            UiCommand::TogglePresentation => (
                !crate::deck::deck(view_ctx.corpus).is_empty(),
                command.label(),
            ),
            UiCommand::AddToTour => (view_ctx.selection.selected.is_some(), command.label()),
            UiCommand::SaveTourIntoCorpus => (self.corpus_file_holds_tours(), command.label()),
            UiCommand::ExportNotesMarkdown | UiCommand::ExportNotesCsv => {
                (!self.notes.shown().entries.is_empty(), command.label())
            }
            UiCommand::ExportFlagsCsv | UiCommand::ExportFlagsMarkdown => {
                (!self.checks().flags.is_empty(), command.label())
            }
            // The table the Table view shows, by its label: `Export Table 2 (CSV)`.
            UiCommand::ExportTable => {
                let tables = &view_ctx.corpus.file.tables;
                let shown = self.views.get::<TableView>().map_or(0, |view| view.table);
                let text = match tables.get(shown).map(|table| table.label.trim()) {
                    Some(label) if !label.is_empty() => format!("Export {label} (CSV)"),
                    _ => command.label(),
                };
                (!tables.is_empty(), text)
            }
            UiCommand::ExportCases => (!view_ctx.corpus.file.cases.is_empty(), command.label()),
            _ => (true, command.label()),
        };
        if ui
            .add_enabled(enabled, egui::Button::new(text))
            .on_hover_text(command.hover_text())
            .on_disabled_hover_text(format!(
                "{} — there is nothing for it in this file",
                command.hover_text()
            ))
            .clicked()
            && let Some(command) = command.command()
        {
            view_ctx.send(command);
        }
    }

    /// A menu entry for a command that turns a setting on or off, marked while it is on.
    fn toggle_command_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui, command: UiCommand) {
        let on = match command {
            UiCommand::ToggleFlagMarks => self.state.checks.marks,
            UiCommand::ToggleStudentMode => self.state.checks.student_mode,
            _ => false,
        };
        if ui
            .selectable_label(on, command.label())
            .on_hover_text(command.hover_text())
            .clicked()
            && let Some(command) = command.command()
        {
            view_ctx.send(command);
        }
    }

    /// One choice per main view, the one shown marked.
    pub(super) fn view_choice_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui) {
        for command in UiCommand::show_views(&self.views) {
            let UiCommand::ShowView { id, .. } = command else {
                continue;
            };
            if !self.views.is_offered(id, view_ctx.corpus) {
                continue;
            }
            if ui
                .selectable_label(self.state.view == id, command.text())
                .on_hover_text(command.hover_text())
                .clicked()
                && let Some(command) = command.command()
            {
                view_ctx.send(command);
            }
        }
    }

    /// Reserves the status bar's row at the bottom of the window; [`Explorer::status_bar_ui`]
    /// fills it after everything else, so that Tab reaches its link last.
    pub(super) fn status_bar_room_ui(ui: &mut Ui) -> egui::Rect {
        egui::Panel::bottom("status")
            .show(ui, |ui| {
                // As tall as its contents were last frame (a row of small text at first).
                let height = ui
                    .ctx()
                    .data(|data| data.get_temp::<f32>(egui::Id::unique(STATUS_HEIGHT)))
                    .unwrap_or_else(|| ui.text_style_height(&egui::TextStyle::Small));
                ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), height),
                    egui::Sense::hover(),
                )
                .0
            })
            .inner
    }

    /// The status bar, in its `room` (from [`Explorer::status_bar_room_ui`]): the open file,
    /// its warnings, a load under way, the last notice.
    pub(super) fn status_bar_ui(&self, view_ctx: &ViewCtx<'_>, ui: &mut Ui, room: egui::Rect) {
        let height = super::fill_room_ui(ui, room, "status", |ui| {
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
                if let Some(failed) = &self.failed_open {
                    ui.separator();
                    let name = failed.path.file_name().map_or_else(
                        || failed.path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .link(
                            RichText::new(format!("{name} could not be opened: why?"))
                                .small()
                                .color(view_ctx.theme.error),
                        )
                        .on_hover_text("Fix the file, then press F5 to try it again")
                        .clicked()
                    {
                        view_ctx.send(Command::ShowLoadFailure);
                    }
                }
                let notes = self.notes.shown();
                if notes.recovery.is_some() && notes.backup_offered {
                    ui.separator();
                    if ui
                        .link(
                            RichText::new("Restore the notes' newest backup")
                                .small()
                                .color(view_ctx.theme.warning),
                        )
                        .on_hover_text(notes.recovery.clone().unwrap_or_default())
                        .clicked()
                    {
                        view_ctx.send(Command::Note(NoteCommand::RestoreBackup));
                    }
                }
                if let Some(notice) = self.notices.last() {
                    ui.separator();
                    ui.add(egui::Label::new(RichText::new(notice).small()).truncate())
                        .on_hover_text(notice);
                }
            })
            .response
            .rect
            .height()
        });
        if (height - room.height()).abs() > 0.5 {
            ui.ctx()
                .data_mut(|data| data.insert_temp(egui::Id::unique(STATUS_HEIGHT), height));
            ui.ctx().request_repaint();
        }
    }
}

impl Explorer {
    /// Names the open paper in the window's title (`<paper title> — paperlens`, the file's name
    /// when the paper has none); sent when it changes.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = window_title(&self.corpus);
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}

/// The window's title for `corpus`: its paper's title, else its file's name, then the program.
#[must_use]
pub fn window_title(corpus: &crate::corpus::Corpus) -> String {
    let title = corpus.file.paper.title.trim();
    let name = if title.is_empty() {
        std::path::Path::new(&corpus.source_name)
            .file_name()
            .map_or_else(
                || corpus.source_name.clone(),
                |n| n.to_string_lossy().into_owned(),
            )
    } else {
        title.to_owned()
    };
    if name.is_empty() {
        "paperlens".to_owned()
    } else {
        format!("{name} — paperlens")
    }
}

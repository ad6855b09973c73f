//! Applying [`Command`]s after the frame: selection and history, views, settings, and handing
//! loading and file work to their modules.

use eframe::egui;

use super::Explorer;
use super::loading::Derived;
use crate::app::context::{Command, SidePanel, Step, is_openable_url};
use crate::app::presentation::Presentation;
use crate::app::reader::Reader;
use crate::app::study::PaperAnswers;
use crate::app::study_notes::NoteCommand;
use crate::app::theme::{Palette, Theme};
use crate::app::trends_view::TrendsView;
use crate::corpus::Item;
use crate::corpus::model::Series;

impl Explorer {
    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Select(item) => self.select(item, false),
            Command::Reveal(item) => self.select(item, true),
            Command::Hover(item) => self.selection.hovered = Some(item),
            Command::ClearSelection => {
                self.history.leave(self.here());
                self.selection.selected = None;
            }
            Command::FilterRegion(region) => self.apply_region_filter(region),
            Command::Back => {
                if let Some(step) = self.history.back(self.here()) {
                    self.go_to(step);
                }
            }
            Command::Forward => {
                if let Some(step) = self.history.forward(self.here()) {
                    self.go_to(step);
                }
            }
            Command::SetView(view) => {
                if self.views.is_offered(view, &self.corpus) {
                    view.clone_into(&mut self.state.view);
                }
            }
            Command::OpenDialog => self.open_dialog(ctx),
            Command::Open(path) => self.open(ctx, path),
            Command::CancelLoad => self.cancel_load(),
            Command::OpenBuiltin => self.open_builtin(),
            Command::Reload => match self.current_file().cloned() {
                Some(path) => self.open(ctx, path),
                None => self
                    .notices
                    .push("The built-in corpus is always up to date.".to_owned()),
            },
            Command::ShowLoadFailure => self.show_load_failure(),
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
            Command::OpenFind => self.open_find(),
            Command::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::ShowFormatGuide => self.guide.show(),
            Command::ShowUserGuide => self.user_guide.show(),
            Command::ShowAbout => self.about.open = true,
            Command::SetFileDialogs(choice) => self.state.file_dialogs = choice,
            Command::CloseOverlay => self.close_overlay(),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::SetTheme(choice) => self.set_theme(ctx, choice),
            Command::OpenUrl(url) => {
                if is_openable_url(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            Command::ExportChart { series, export } => {
                self.export_chart_dialog(ctx, series, export);
            }
            Command::TogglePresentation => self.toggle_presentation(ctx),
            Command::TogglePanel(SidePanel::Navigator) => {
                self.state.navigator_open = !self.state.navigator_open;
            }
            Command::TogglePanel(SidePanel::Inspector) => {
                self.state.inspector_open = !self.state.inspector_open;
            }
            Command::AddSeries(series) => self.add_series(*series),
            Command::SetCitationStyle(_)
            | Command::LoadStyleDialog
            | Command::LoadStyle(_)
            | Command::CopyText(_)
            | Command::CopyRich { .. }
            | Command::SetCitationLocale(_) => self.apply_style_command(ctx, command),
            Command::SetCitationDisplay(display) => self.state.citation_display = display,
            Command::SetListDisplay(display) => self.state.list_display = display,
            Command::ExportReferences { scope, format } => {
                self.export_references(ctx, scope, format);
            }
            Command::ExportTable => self.export_table(ctx),
            Command::ExportCases => self.export_cases(ctx),
            Command::ExportCorpus => self.export_corpus(ctx),
            Command::ExportSlides => self.export_slides_dialog(ctx),
            Command::AddToTour => self.add_to_tour(),
            Command::EditTour(edit) => self.edit_tour(ctx, &edit),
            Command::SaveTour => self.save_pending_tour(),
            Command::SaveTourIntoCorpus => self.save_tour_into_corpus(),
            Command::ToggleFlagMarks
            | Command::ToggleStudentMode
            | Command::AnswerSupport { .. } => self.apply_check_setting(command),
            Command::ExportFlags(export) => self.export_flags(ctx, export),
            Command::Note(command) => self.apply_note(ctx, command),
        }
    }

    /// Changes the theme (following the system's light or dark mode for `System`).
    fn set_theme(&mut self, ctx: &egui::Context, choice: crate::app::theme::ThemeChoice) {
        self.state.theme = choice;
        self.theme = Theme::for_choice(choice, ctx.system_theme() == Some(egui::Theme::Dark));
        self.theme.apply(ctx);
    }

    /// Applies a change to the study notes (written at once); says what happened in the status
    /// bar.
    fn apply_note(&mut self, ctx: &egui::Context, command: NoteCommand) {
        if let NoteCommand::Export(export) = command {
            let written = export.write(&self.corpus, &self.notes.notes());
            self.save_export(
                ctx,
                written,
                export.file_name(),
                export.label(),
                export.extension(),
            );
        } else if let Some(said) = self.notes.apply(&self.corpus, command) {
            self.notices.push(said);
        }
    }

    /// Applies a command about how the citation check shows: the Reader's marks, student mode
    /// and its answers (kept under the open paper's identity, in the notes' store when there is
    /// one, else in the settings file).
    fn apply_check_setting(&mut self, command: Command) {
        let checks = &mut self.state.checks;
        match command {
            Command::ToggleFlagMarks => checks.marks = !checks.marks,
            Command::ToggleStudentMode => checks.student_mode = !checks.student_mode,
            Command::AnswerSupport { key, answer } => {
                if self.notes.answers().is_some() {
                    self.notices.extend(self.notes.set_answer(&key, answer));
                } else {
                    self.state.study.set(&self.derived.paper, &key, answer);
                }
            }
            _ => {}
        }
    }

    /// The open paper's answers to the citation check: the store's, else the settings file's.
    pub(super) fn answers(&self) -> &PaperAnswers {
        self.notes
            .answers_or(&self.state.study, &self.derived.paper)
    }

    /// Closes the topmost of the shortcut overlay, About, the guides and the diagnostics.
    fn close_overlay(&mut self) {
        if self.show_shortcuts {
            self.show_shortcuts = false;
        } else if self.about.open {
            self.about.open = false;
        } else if self.user_guide.open {
            self.user_guide.open = false;
        } else if self.guide.open {
            self.guide.open = false;
        } else {
            self.diagnostics.open = false;
        }
    }

    /// Adds `series` to the open corpus, swapped in as a load does, and shows it in the Trends
    /// view; says why when the corpus with it would not validate.
    pub fn add_series(&mut self, series: Series) {
        let title = series.title.clone();
        match self.corpus.with_series(series) {
            Ok((corpus, position)) => {
                let derived = Derived::of(&corpus);
                self.replace_corpus(corpus, derived);
                if let Some(trends) = self.views.get_mut::<TrendsView>() {
                    trends.series = position;
                }
                TrendsView::ID.clone_into(&mut self.state.view);
                self.notices.push(format!(
                    "Charted “{title}”; it stays until the corpus is reloaded or another is opened."
                ));
            }
            Err(diagnostics) => {
                let reasons: Vec<String> = diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.message.clone())
                    .collect();
                self.notices
                    .push(format!("Could not chart “{title}”: {}", reasons.join("; ")));
            }
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
        // Start on the slide of what is selected, else the first slide.
        self.presentation = Some(Presentation::new(&self.corpus, self.selection.selected));
        self.theme = Theme::new(Palette::Projector);
        self.theme.apply(ctx);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Where the user is now, as a history step: the selection, the view, the Reader's place.
    fn here(&self) -> Step {
        Step {
            item: self.selection.selected,
            view: self.state.view.clone(),
            reader_place: self.views.get::<Reader>().and_then(Reader::place),
        }
    }

    /// Goes back (or forward) to `step`: its selection, its view, and the Reader scrolled to
    /// where it was then.
    fn go_to(&mut self, step: Step) {
        self.selection.selected = step.item;
        if let Some(item) = step.item {
            self.show_in_view(item);
        }
        if let Some(place) = step.reader_place
            && let Some(reader) = self.views.get_mut::<Reader>()
        {
            reader.restore(place);
        }
        if self.views.by_id(&step.view).is_some() {
            self.state.view = step.view;
        }
    }

    /// Shows the Reader with its find bar open and its field focused; a paper without text
    /// (a bibliography) has nothing to find in, so the search box opens instead.
    fn open_find(&mut self) {
        if self.corpus.index.paragraphs.is_empty() {
            self.search.open();
            return;
        }
        if let Some(reader) = self.views.get_mut::<Reader>() {
            reader.find.open();
            Reader::ID.clone_into(&mut self.state.view);
        }
    }

    pub(super) fn select(&mut self, item: Item, reveal: bool) {
        if self.selection.selected != Some(item) {
            self.history.leave(self.here());
            self.selection.selected = Some(item);
        }
        for view in self.views.iter_mut() {
            view.follow_selection(&self.corpus, item);
        }
        if reveal {
            self.show_in_view(item);
        }
    }

    /// Takes the main view to where `item` is shown and scrolls there.
    /// A region filter the view clears to show a hidden item is cleared in every view that
    /// shares it.
    pub(super) fn show_in_view(&mut self, item: Item) {
        let Some(view) = self.views.iter_mut().find(|view| view.can_show(item)) else {
            return;
        };
        view.id().clone_into(&mut self.state.view);
        let filter_before = view.region_filter();
        view.show_item(&self.corpus, item);
        let filter_after = view.region_filter();
        if filter_after != filter_before
            && let Some(region) = filter_after
        {
            self.apply_region_filter(region);
        }
    }

    /// Filters every view that filters by region to `region` (or shows them all).
    fn apply_region_filter(&mut self, region: Option<usize>) {
        for view in self.views.iter_mut() {
            view.set_region_filter(region);
        }
    }
}

//! Every command a person gives by menu, toolbar button or key, in one table: its text, what it
//! does and its shortcuts. Menus, the toolbar, the shortcut overlay and key handling all read
//! [`UiCommand`], so a shortcut is written once and the overlay cannot disagree with the keys.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers, PointerButton};

use super::checks_view::FlagExport;
use super::context::{Command, SidePanel};
use super::study_notes::{NoteCommand, NotesExport};
use super::views::Views;
use super::virtual_list::KeyScroll;
pub use keys::{Scope, Trigger};
use keys::{VIEW_KEYS, keys};

mod keys;

/// What the shortcut overlay lists besides the [`UiCommand`]s: egui's own zoom and focus keys,
/// and what the mouse does. Written here, beside the commands' keys, so the overlay draws
/// every key it lists from this file.
pub const OTHER_KEYS: [(&str, &str); 8] = [
    ("Ctrl+Plus / Ctrl+Minus / Ctrl+0", "Zoom in / out / reset"),
    ("Tab / Shift+Tab", "Move keyboard focus between controls"),
    ("Space / Enter", "Activate the focused control"),
    (
        "Click a citation chip",
        "Open the reference in the Inspector",
    ),
    (
        "Click a “Cited in” sentence",
        "Jump to that place in the Reader",
    ),
    ("Hover a link", "Preview what it points to"),
    (
        "Right-click a sentence in the Reader",
        "Highlight it as a claim, evidence, a question or a definition, or add a note",
    ),
    ("Drop a file", "Open it"),
];

/// A command from a menu, a toolbar button or a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// Search everything (the search box).
    Search,
    /// Find words in the Reader's text (the find bar).
    Find,
    /// Back in the selection history.
    Back,
    /// Forward in the selection history.
    Forward,
    /// Show a main view.
    ShowView {
        /// Its place in the toolbar (Ctrl+1 shows the first).
        position: usize,
        /// Its name.
        id: &'static str,
        /// Its title.
        title: &'static str,
    },
    /// Open a corpus or bibliography file (asks which).
    Open,
    /// Open the built-in corpus.
    OpenBuiltin,
    /// Reload the open file.
    Reload,
    /// Export the table the Table view shows as CSV.
    ExportTable,
    /// Export the cases as CSV.
    ExportCases,
    /// Export the whole corpus as JSON.
    ExportCorpus,
    /// Export the citation check's flags as CSV.
    ExportFlagsCsv,
    /// Export the citation check's flags as a Markdown worksheet.
    ExportFlagsMarkdown,
    /// Export the paper's study notes as Markdown with Pandoc citations.
    ExportNotesMarkdown,
    /// Export the paper's study notes as CSV.
    ExportNotesCsv,
    /// Export every slide as a PNG, with a PDF handout, in a folder.
    ExportSlides,
    /// Close the window.
    Quit,
    /// Collapse or reopen the navigator (the left panel).
    ToggleNavigator,
    /// Collapse or reopen the inspector (the right panel).
    ToggleInspector,
    /// Enter or leave presentation mode.
    TogglePresentation,
    /// Show or hide the keyboard shortcut overlay.
    ToggleShortcuts,
    /// Show the corpus format guide.
    FormatGuide,
    /// Show the user guide.
    UserGuide,
    /// Show the About window.
    About,
    /// Close the shortcut overlay, else About, else a guide, else the diagnostics window.
    CloseOverlay,
    /// The search result above.
    SearchPrevious,
    /// The search result below.
    SearchNext,
    /// A page of search results up.
    SearchPageUp,
    /// A page of search results down.
    SearchPageDown,
    /// Open the search result under the cursor.
    SearchOpenResult,
    /// Close the search box.
    SearchClose,
    /// The next match of the find bar.
    FindNext,
    /// The previous match of the find bar.
    FindPrevious,
    /// Close the find bar.
    FindClose,
    /// The next slide.
    SlideNext,
    /// The previous slide.
    SlidePrevious,
    /// The first slide.
    SlideFirst,
    /// The last slide.
    SlideLast,
    /// Leave presentation mode (as [`UiCommand::TogglePresentation`] does too).
    LeavePresentation,
    /// Show or hide the speaker notes over the slide (one screen).
    ToggleSpeakerNotes,
    /// Open or close the presenter view: slides fullscreen on another screen, the current and
    /// next slide, the notes, a timer and the slide list here.
    TogglePresenterView,
    /// Scroll a page down.
    ScrollPageDown,
    /// Scroll a page up.
    ScrollPageUp,
    /// Scroll a few lines down.
    ScrollLinesDown,
    /// Scroll a few lines up.
    ScrollLinesUp,
    /// Scroll to the top.
    ScrollTop,
    /// Scroll to the bottom.
    ScrollBottom,
    /// Select the year before on the focused chart.
    ChartPreviousYear,
    /// Select the year after on the focused chart.
    ChartNextYear,
    /// Add the selected item to the tour, as its last step.
    AddToTour,
    /// Move the focused step of the tour up.
    TourStepUp,
    /// Move the focused step of the tour down.
    TourStepDown,
    /// Write the tour into the open corpus file itself.
    SaveTourIntoCorpus,
    /// Mark the citations the citation check flagged in the Reader, or stop marking them.
    ToggleFlagMarks,
    /// Turn student mode on or off: the Inspector asks whether a source supports its sentence
    /// before it shows the flags.
    ToggleStudentMode,
    /// Load a `.csl` file as the citation style (asks which).
    LoadCitationStyle,
    /// Move the style picker's highlight up.
    StylePickerPrevious,
    /// Move the style picker's highlight down.
    StylePickerNext,
    /// Choose the highlighted style.
    StylePickerChoose,
}

impl UiCommand {
    /// Every command, in the order the shortcut overlay lists them; one per view of `views`,
    /// in toolbar order.
    #[must_use]
    pub fn all(views: &Views) -> Vec<Self> {
        let mut all = vec![Self::Search, Self::Find, Self::Back, Self::Forward];
        all.extend(Self::show_views(views));
        all.extend([
            Self::Open,
            Self::OpenBuiltin,
            Self::Reload,
            Self::ExportTable,
            Self::ExportCases,
            Self::ExportCorpus,
            Self::ExportFlagsCsv,
            Self::ExportFlagsMarkdown,
            Self::ExportNotesMarkdown,
            Self::ExportNotesCsv,
            Self::ExportSlides,
            Self::Quit,
            Self::ToggleNavigator,
            Self::ToggleInspector,
            Self::TogglePresentation,
            Self::ToggleShortcuts,
            Self::UserGuide,
            Self::FormatGuide,
            Self::About,
            Self::CloseOverlay,
            Self::SearchPrevious,
            Self::SearchNext,
            Self::SearchPageUp,
            Self::SearchPageDown,
            Self::SearchOpenResult,
            Self::SearchClose,
            Self::FindNext,
            Self::FindPrevious,
            Self::FindClose,
            Self::SlideNext,
            Self::SlidePrevious,
            Self::SlideFirst,
            Self::SlideLast,
            Self::LeavePresentation,
            Self::ToggleSpeakerNotes,
            Self::TogglePresenterView,
            Self::ScrollPageDown,
            Self::ScrollPageUp,
            Self::ScrollLinesDown,
            Self::ScrollLinesUp,
            Self::ScrollTop,
            Self::ScrollBottom,
            Self::ChartPreviousYear,
            Self::ChartNextYear,
            Self::AddToTour,
            Self::TourStepUp,
            Self::TourStepDown,
            Self::SaveTourIntoCorpus,
            Self::ToggleFlagMarks,
            Self::ToggleStudentMode,
            Self::LoadCitationStyle,
            Self::StylePickerPrevious,
            Self::StylePickerNext,
            Self::StylePickerChoose,
        ]);
        all
    }

    /// Where its keys act.
    #[must_use]
    pub fn scope(self) -> Scope {
        match self {
            Self::SearchPrevious
            | Self::SearchNext
            | Self::SearchPageUp
            | Self::SearchPageDown
            | Self::SearchOpenResult
            | Self::SearchClose => Scope::Search,
            Self::FindNext | Self::FindPrevious | Self::FindClose => Scope::Find,
            Self::SlideNext
            | Self::SlidePrevious
            | Self::SlideFirst
            | Self::SlideLast
            | Self::LeavePresentation
            | Self::ToggleSpeakerNotes
            | Self::TogglePresenterView => Scope::Presentation,
            Self::ScrollPageDown
            | Self::ScrollPageUp
            | Self::ScrollLinesDown
            | Self::ScrollLinesUp
            | Self::ScrollTop
            | Self::ScrollBottom => Scope::Scroll,
            Self::ChartPreviousYear | Self::ChartNextYear => Scope::Chart,
            Self::TourStepUp | Self::TourStepDown => Scope::TourStep,
            Self::StylePickerPrevious | Self::StylePickerNext | Self::StylePickerChoose => {
                Scope::StylePicker
            }
            _ => Scope::Window,
        }
    }

    /// A command per view, showing it, in toolbar order.
    pub fn show_views(views: &Views) -> impl Iterator<Item = Self> {
        views
            .iter()
            .enumerate()
            .map(|(position, view)| Self::ShowView {
                position,
                id: view.id(),
                title: view.title(),
            })
    }

    /// The words on its button or menu entry.
    #[must_use]
    pub fn text(self) -> &'static str {
        match self {
            Self::Search => "Search",
            Self::Find => "Find in text",
            Self::Back => "◀ Back",
            Self::Forward => "Forward ▶",
            Self::ShowView { title, .. } => title,
            Self::Open => "Open…",
            Self::OpenBuiltin => "Open the built-in corpus",
            Self::Reload => "Reload",
            Self::ExportTable => "Export the table (CSV)",
            Self::ExportCases => "Export the cases (CSV)",
            Self::ExportCorpus => "Export the corpus (JSON)",
            Self::ExportFlagsCsv => "Export the citation flags (CSV)",
            Self::ExportFlagsMarkdown => "Export the citation flags as a worksheet (Markdown)",
            Self::ExportNotesMarkdown => "Export your notes (Markdown)",
            Self::ExportNotesCsv => "Export your notes (CSV)",
            Self::ExportSlides => "Export slides…",
            Self::Quit => "Quit",
            Self::ToggleNavigator => "Navigator",
            Self::ToggleInspector => "Inspector",
            Self::TogglePresentation => "Present",
            Self::ToggleShortcuts => "Keyboard shortcuts",
            Self::FormatGuide => "Corpus format",
            Self::UserGuide => "User guide",
            Self::About => "About paperlens",
            Self::CloseOverlay | Self::SearchClose | Self::FindClose => "Close",
            Self::SearchPrevious => "Previous result",
            Self::SearchNext => "Next result",
            Self::SearchPageUp => "Previous page of results",
            Self::SearchPageDown => "Next page of results",
            Self::SearchOpenResult => "Open",
            Self::FindNext => "Next match",
            Self::FindPrevious => "Previous match",
            Self::SlideNext => "Next slide",
            Self::SlidePrevious => "Previous slide",
            Self::SlideFirst => "First slide",
            Self::SlideLast => "Last slide",
            Self::LeavePresentation => "Leave",
            Self::ToggleSpeakerNotes => "Speaker notes",
            Self::TogglePresenterView => "Presenter view",
            Self::ScrollPageDown => "Page down",
            Self::ScrollPageUp => "Page up",
            Self::ScrollLinesDown => "Lines down",
            Self::ScrollLinesUp => "Lines up",
            Self::ScrollTop => "To the top",
            Self::ScrollBottom => "To the end",
            Self::ChartPreviousYear => "Previous year",
            Self::ChartNextYear => "Next year",
            Self::AddToTour => "Add to tour",
            Self::TourStepUp => "Move step up",
            Self::TourStepDown => "Move step down",
            Self::SaveTourIntoCorpus => "Save the tour into the corpus file",
            Self::ToggleFlagMarks => "Mark flagged citations",
            Self::ToggleStudentMode => "Student mode",
            Self::LoadCitationStyle => "Load citation style…",
            Self::StylePickerPrevious => "Previous style",
            Self::StylePickerNext => "Next style",
            Self::StylePickerChoose => "Choose the style",
        }
    }

    /// What it does, in a sentence: the shortcut overlay's second column and the hover text.
    #[must_use]
    pub fn tooltip(self) -> String {
        match self {
            Self::Search => "Search everything".to_owned(),
            Self::Find => "Find words in the Reader's text".to_owned(),
            Self::Back => "Back to the previous selection".to_owned(),
            Self::Forward => "Forward again".to_owned(),
            Self::ShowView { title, .. } => format!("Show the {title}"),
            Self::Open => "Open a corpus file".to_owned(),
            Self::OpenBuiltin => "Open the corpus paperlens comes with".to_owned(),
            Self::Reload => "Reload the open file".to_owned(),
            Self::ExportTable => "Save the Table view's table, every row of it, as CSV".to_owned(),
            Self::ExportCases => "Save the cases as CSV".to_owned(),
            Self::ExportCorpus => "Save the whole corpus as JSON".to_owned(),
            Self::ExportFlagsCsv => {
                "Save the citation check's flags, with their evidence, as CSV".to_owned()
            }
            Self::ExportFlagsMarkdown => {
                "Save the citation check's flags as a worksheet to fill in: each flag with \
                 “Does this source support this sentence?”"
                    .to_owned()
            }
            Self::ExportNotesMarkdown => "Save your notes on this paper as Markdown for an essay: \
                 by section, with their quotes and Pandoc citations"
                .to_owned(),
            Self::ExportNotesCsv => "Save your notes on this paper as CSV, one row each".to_owned(),
            Self::ExportSlides => {
                "Save every slide as a 1920×1080 PNG, with a PDF handout, in a folder".to_owned()
            }
            Self::Quit => "Close paperlens".to_owned(),
            Self::ToggleNavigator => "Collapse or reopen the navigator (the left panel)".to_owned(),
            Self::ToggleInspector => {
                "Collapse or reopen the inspector (the right panel)".to_owned()
            }
            Self::TogglePresentation => {
                "Presentation mode: fullscreen slides in large type".to_owned()
            }
            Self::ToggleShortcuts => "Show or hide this overlay".to_owned(),
            Self::FormatGuide => {
                "The corpus format guide: how to write a corpus for another paper".to_owned()
            }
            Self::UserGuide => {
                "How to use paperlens: opening papers, linked panels, search, presenting, exports"
                    .to_owned()
            }
            Self::About => {
                "The version, and the licences of paperlens and what it bundles".to_owned()
            }
            Self::CloseOverlay => {
                "Close this overlay, About, a guide or the diagnostics".to_owned()
            }
            Self::SearchPrevious => "Move up through the results".to_owned(),
            Self::SearchNext => "Move down through the results".to_owned(),
            Self::SearchPageUp => "Move up a page of results".to_owned(),
            Self::SearchPageDown => "Move down a page of results".to_owned(),
            Self::SearchOpenResult => "Open the result".to_owned(),
            Self::SearchClose => "Close search".to_owned(),
            Self::FindNext => "Go to the next match".to_owned(),
            Self::FindPrevious => "Go to the previous match".to_owned(),
            Self::FindClose => "Close the find bar and clear its highlights".to_owned(),
            Self::SlideNext => "Next slide".to_owned(),
            Self::SlidePrevious => "Previous slide".to_owned(),
            Self::SlideFirst => "First slide".to_owned(),
            Self::SlideLast => "Last slide".to_owned(),
            Self::LeavePresentation => "Leave presentation mode (F11 too)".to_owned(),
            Self::ToggleSpeakerNotes => "Show or hide the speaker notes over the slide".to_owned(),
            Self::TogglePresenterView => {
                "Slides fullscreen on the other screen; notes, timer and the next slide here"
                    .to_owned()
            }
            Self::ScrollPageDown => "Scroll a page down".to_owned(),
            Self::ScrollPageUp => "Scroll a page up".to_owned(),
            Self::ScrollLinesDown => "Scroll a few lines down".to_owned(),
            Self::ScrollLinesUp => "Scroll a few lines up".to_owned(),
            Self::ScrollTop => "Scroll to the top".to_owned(),
            Self::ScrollBottom => "Scroll to the end".to_owned(),
            Self::ChartPreviousYear => "Select the year before".to_owned(),
            Self::ChartNextYear => "Select the year after".to_owned(),
            Self::AddToTour => {
                "Add the selected item to the tour, as its last step (see the Tour view)".to_owned()
            }
            Self::TourStepUp => "Move the step one place earlier in the tour".to_owned(),
            Self::TourStepDown => "Move the step one place later in the tour".to_owned(),
            Self::SaveTourIntoCorpus => {
                "Write the tour into the open corpus file, instead of the file beside it".to_owned()
            }
            Self::ToggleFlagMarks => {
                "Mark the citations the citation check questions in the Reader (see the Checks view)"
                    .to_owned()
            }
            Self::ToggleStudentMode => {
                "Ask “Does this source support this sentence?” before showing a citation's flags"
                    .to_owned()
            }
            Self::LoadCitationStyle => {
                "Format citations with a CSL style file (.csl) of your own; it is remembered"
                    .to_owned()
            }
            Self::StylePickerPrevious => "Move the highlight up the list of styles".to_owned(),
            Self::StylePickerNext => "Move the highlight down the list of styles".to_owned(),
            Self::StylePickerChoose => "Format citations in the highlighted style".to_owned(),
        }
    }

    /// Its shortcuts, the first one the one menus and buttons show.
    #[must_use]
    pub fn triggers(self) -> Vec<Trigger> {
        match self {
            Self::Search => vec![keys(Modifiers::COMMAND, Key::K)],
            Self::Find => vec![keys(Modifiers::COMMAND, Key::F)],
            Self::Back => vec![
                keys(Modifiers::ALT, Key::ArrowLeft),
                Trigger::Pointer(PointerButton::Extra1, "the mouse's back button"),
            ],
            Self::Forward => vec![
                keys(Modifiers::ALT, Key::ArrowRight),
                Trigger::Pointer(PointerButton::Extra2, "the mouse's forward button"),
            ],
            Self::ShowView { position, .. } => VIEW_KEYS
                .get(position)
                .map(|&key| vec![keys(Modifiers::COMMAND, key)])
                .unwrap_or_default(),
            Self::Open => vec![keys(Modifiers::COMMAND, Key::O)],
            Self::ExportSlides => vec![keys(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::E)],
            Self::Reload => vec![keys(Modifiers::NONE, Key::F5)],
            Self::ToggleNavigator => vec![keys(Modifiers::COMMAND, Key::B)],
            Self::ToggleInspector => vec![keys(Modifiers::COMMAND, Key::I)],
            Self::TogglePresentation => vec![keys(Modifiers::NONE, Key::F11)],
            Self::ToggleShortcuts => vec![keys(Modifiers::NONE, Key::F1), Trigger::Typed("?")],
            Self::CloseOverlay | Self::SearchClose | Self::LeavePresentation => {
                vec![keys(Modifiers::NONE, Key::Escape)]
            }
            Self::SearchPrevious | Self::ScrollLinesUp | Self::StylePickerPrevious => {
                vec![keys(Modifiers::NONE, Key::ArrowUp)]
            }
            Self::SearchNext | Self::ScrollLinesDown | Self::StylePickerNext => {
                vec![keys(Modifiers::NONE, Key::ArrowDown)]
            }
            Self::SearchPageUp => vec![keys(Modifiers::NONE, Key::PageUp)],
            Self::SearchPageDown => vec![keys(Modifiers::NONE, Key::PageDown)],
            Self::SearchOpenResult | Self::StylePickerChoose => {
                vec![keys(Modifiers::NONE, Key::Enter)]
            }
            Self::FindNext => vec![
                keys(Modifiers::NONE, Key::Enter),
                keys(Modifiers::NONE, Key::F3),
            ],
            Self::FindPrevious => vec![
                keys(Modifiers::SHIFT, Key::Enter),
                keys(Modifiers::SHIFT, Key::F3),
            ],
            Self::FindClose => vec![keys(Modifiers::NONE, Key::Escape)],
            Self::SlideNext => [Key::ArrowRight, Key::ArrowDown, Key::PageDown, Key::Space]
                .map(|key| keys(Modifiers::NONE, key))
                .to_vec(),
            Self::SlidePrevious => [Key::ArrowLeft, Key::ArrowUp, Key::PageUp]
                .map(|key| keys(Modifiers::NONE, key))
                .to_vec(),
            Self::SlideFirst | Self::ScrollTop => vec![keys(Modifiers::NONE, Key::Home)],
            Self::SlideLast | Self::ScrollBottom => vec![keys(Modifiers::NONE, Key::End)],
            Self::ToggleSpeakerNotes => vec![keys(Modifiers::NONE, Key::N)],
            Self::TogglePresenterView => vec![keys(Modifiers::NONE, Key::P)],
            Self::ScrollPageDown => vec![
                keys(Modifiers::NONE, Key::PageDown),
                keys(Modifiers::NONE, Key::Space),
            ],
            Self::ScrollPageUp => vec![
                keys(Modifiers::NONE, Key::PageUp),
                keys(Modifiers::SHIFT, Key::Space),
            ],
            Self::ChartPreviousYear => vec![keys(Modifiers::NONE, Key::ArrowLeft)],
            Self::ChartNextYear => vec![keys(Modifiers::NONE, Key::ArrowRight)],
            Self::AddToTour => vec![keys(Modifiers::COMMAND, Key::T)],
            Self::TourStepUp => vec![keys(Modifiers::ALT, Key::ArrowUp)],
            Self::TourStepDown => vec![keys(Modifiers::ALT, Key::ArrowDown)],
            Self::OpenBuiltin
            | Self::ExportTable
            | Self::ExportCases
            | Self::ExportCorpus
            | Self::ExportFlagsCsv
            | Self::ExportFlagsMarkdown
            | Self::ExportNotesMarkdown
            | Self::ExportNotesCsv
            | Self::SaveTourIntoCorpus
            | Self::ToggleFlagMarks
            | Self::ToggleStudentMode
            | Self::LoadCitationStyle
            | Self::FormatGuide
            | Self::UserGuide
            | Self::About
            | Self::Quit => Vec::new(),
        }
    }

    /// Its shortcuts as the overlay lists them, e.g. `F1 or ?`; empty when it has none.
    #[must_use]
    pub fn keys_text(self) -> String {
        self.triggers()
            .into_iter()
            .map(Trigger::text)
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// The text of its menu entry or button with its main shortcut, e.g. `Reload  (F5)`.
    #[must_use]
    pub fn label(self) -> String {
        match self.triggers().first() {
            Some(trigger) => format!("{}  ({})", self.text(), trigger.text()),
            None => self.text().to_owned(),
        }
    }

    /// Its hover text: what it does and its main shortcut, e.g. `Reload the open file (F5)`.
    #[must_use]
    pub fn hover_text(self) -> String {
        match self.triggers().first() {
            Some(trigger) => format!("{} ({})", self.tooltip(), trigger.text()),
            None => self.tooltip(),
        }
    }

    /// The side effect it asks for; `None` for keys the search box or presentation mode act on
    /// themselves.
    #[must_use]
    pub fn command(self) -> Option<Command> {
        Some(match self {
            Self::Search => Command::OpenSearch,
            Self::Find => Command::OpenFind,
            Self::Back => Command::Back,
            Self::Forward => Command::Forward,
            Self::ShowView { id, .. } => Command::SetView(id),
            Self::Open => Command::OpenDialog,
            Self::OpenBuiltin => Command::OpenBuiltin,
            Self::Reload => Command::Reload,
            Self::ExportTable => Command::ExportTable,
            Self::ExportCases => Command::ExportCases,
            Self::ExportCorpus => Command::ExportCorpus,
            Self::ExportFlagsCsv => Command::ExportFlags(FlagExport::Csv),
            Self::ExportFlagsMarkdown => Command::ExportFlags(FlagExport::Markdown),
            Self::ExportNotesMarkdown => Command::Note(NoteCommand::Export(NotesExport::Markdown)),
            Self::ExportNotesCsv => Command::Note(NoteCommand::Export(NotesExport::Csv)),
            Self::ExportSlides => Command::ExportSlides,
            Self::Quit => Command::Quit,
            Self::ToggleNavigator => Command::TogglePanel(SidePanel::Navigator),
            Self::ToggleInspector => Command::TogglePanel(SidePanel::Inspector),
            Self::TogglePresentation => Command::TogglePresentation,
            Self::ToggleShortcuts => Command::ToggleShortcuts,
            Self::FormatGuide => Command::ShowFormatGuide,
            Self::UserGuide => Command::ShowUserGuide,
            Self::About => Command::ShowAbout,
            Self::CloseOverlay => Command::CloseOverlay,
            Self::AddToTour => Command::AddToTour,
            Self::SaveTourIntoCorpus => Command::SaveTourIntoCorpus,
            Self::ToggleFlagMarks => Command::ToggleFlagMarks,
            Self::ToggleStudentMode => Command::ToggleStudentMode,
            Self::LoadCitationStyle => Command::LoadStyleDialog,
            Self::SearchPrevious
            | Self::SearchNext
            | Self::SearchPageUp
            | Self::SearchPageDown
            | Self::SearchOpenResult
            | Self::SearchClose
            | Self::FindNext
            | Self::FindPrevious
            | Self::FindClose
            | Self::SlideNext
            | Self::SlidePrevious
            | Self::SlideFirst
            | Self::SlideLast
            | Self::LeavePresentation
            | Self::ToggleSpeakerNotes
            | Self::TogglePresenterView
            | Self::ScrollPageDown
            | Self::ScrollPageUp
            | Self::ScrollLinesDown
            | Self::ScrollLinesUp
            | Self::ScrollTop
            | Self::ScrollBottom
            | Self::ChartPreviousYear
            | Self::ChartNextYear
            | Self::TourStepUp
            | Self::TourStepDown
            | Self::StylePickerPrevious
            | Self::StylePickerNext
            | Self::StylePickerChoose => return None,
        })
    }

    /// The scroll a [`Scope::Scroll`] command asks for.
    #[must_use]
    pub fn key_scroll(self) -> Option<KeyScroll> {
        Some(match self {
            Self::ScrollPageDown => KeyScroll::PageDown,
            Self::ScrollPageUp => KeyScroll::PageUp,
            Self::ScrollLinesDown => KeyScroll::LineDown,
            Self::ScrollLinesUp => KeyScroll::LineUp,
            Self::ScrollTop => KeyScroll::Top,
            Self::ScrollBottom => KeyScroll::Bottom,
            _ => return None,
        })
    }

    /// The scroll pressed this frame, its key taken from the input. Space and the arrows
    /// count only when no widget has the keyboard focus (`widget_focused`): a focused button
    /// takes Space, and the arrows move the focus. Keys with more modifiers are tried first, so
    /// Shift+Space is not read as Space.
    pub fn key_scroll_pressed(
        views: &Views,
        input: &mut egui::InputState,
        widget_focused: bool,
    ) -> Option<KeyScroll> {
        let mut candidates: Vec<(KeyboardShortcut, KeyScroll)> = Self::all(views)
            .into_iter()
            .filter(|command| command.scope() == Scope::Scroll)
            .flat_map(|command| {
                let step = command.key_scroll();
                command
                    .triggers()
                    .into_iter()
                    .filter_map(move |trigger| match trigger {
                        Trigger::Keys(shortcut) => step.map(|step| (shortcut, step)),
                        Trigger::Typed(_) | Trigger::Pointer(..) => None,
                    })
            })
            .filter(|(shortcut, _)| {
                !widget_focused
                    || !matches!(
                        shortcut.logical_key,
                        Key::Space
                            | Key::ArrowUp
                            | Key::ArrowDown
                            | Key::ArrowLeft
                            | Key::ArrowRight
                    )
            })
            .collect();
        candidates.sort_by_key(|(shortcut, _)| {
            std::cmp::Reverse(
                u8::from(shortcut.modifiers.shift)
                    + u8::from(shortcut.modifiers.alt)
                    + u8::from(shortcut.modifiers.command),
            )
        });
        candidates
            .into_iter()
            .find(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, step)| step)
    }

    /// Whether one of its triggers happened this frame. Keys are taken from the input; a typed
    /// character counts only when no text field has the keyboard.
    pub fn triggered(self, input: &mut egui::InputState, text_focused: bool) -> bool {
        self.triggered_except(input, text_focused, &[])
    }

    /// As [`UiCommand::triggered`], leaving the keys `except` (with any modifiers) to the
    /// widgets: Enter steps the find bar only while its field has the keyboard.
    pub fn triggered_except(
        self,
        input: &mut egui::InputState,
        text_focused: bool,
        except: &[Key],
    ) -> bool {
        let mut triggered = false;
        for trigger in self.triggers() {
            if let Trigger::Keys(shortcut) = trigger
                && except.contains(&shortcut.logical_key)
            {
                continue;
            }
            triggered |= match trigger {
                Trigger::Keys(shortcut) => input.consume_shortcut(&shortcut),
                Trigger::Typed(text) => {
                    !text_focused
                        && input
                            .events
                            .iter()
                            .any(|event| matches!(event, egui::Event::Text(t) if t == text))
                }
                Trigger::Pointer(button, _) => input.pointer.button_pressed(button),
            };
        }
        triggered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_where_they_act() {
        let mut seen: Vec<(Scope, Trigger)> = Vec::new();
        for command in UiCommand::all(&Views::default()) {
            for trigger in command.triggers() {
                let key = (command.scope(), trigger);
                assert!(!seen.contains(&key), "{key:?} is used twice");
                seen.push(key);
            }
        }
    }

    #[test]
    fn labels_show_the_main_shortcut() {
        assert_eq!(UiCommand::Search.label(), "Search  (Ctrl+K)");
        assert_eq!(UiCommand::Reload.label(), "Reload  (F5)");
        assert_eq!(UiCommand::Open.label(), "Open…  (Ctrl+O)");
        assert_eq!(UiCommand::TogglePresentation.label(), "Present  (F11)");
        assert_eq!(UiCommand::ToggleShortcuts.keys_text(), "F1 or ?");
        assert_eq!(UiCommand::Find.label(), "Find in text  (Ctrl+F)");
        assert_eq!(
            UiCommand::ExportSlides.label(),
            "Export slides…  (Ctrl+Shift+E)"
        );
        assert_eq!(UiCommand::FindNext.keys_text(), "Enter or F3");
        assert_eq!(
            UiCommand::FindPrevious.keys_text(),
            "Shift+Enter or Shift+F3"
        );
        assert_eq!(
            UiCommand::Back.keys_text(),
            "Alt+← or the mouse's back button"
        );
        let views = Views::default();
        let trends = UiCommand::show_views(&views).find(|c| c.text() == "Trends");
        assert_eq!(trends.map(UiCommand::keys_text).as_deref(), Some("Ctrl+4"));
    }
}

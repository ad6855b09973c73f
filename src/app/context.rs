//! What every panel shares: the corpus, the one selection and hover state, the theme, and the
//! queue of [`Command`]s. Every clickable item goes through [`ViewCtx::item_response`].

use std::cell::{Cell, RefCell};
use std::path::PathBuf;

use eframe::egui::{self, Response, Ui};

pub use super::citation_cache::CitationCache;
use super::figure_images::FigureImages;
use super::records;
use super::state::{CitationDisplay, FileDialogs};
use super::study::{NO_ANSWERS, PaperAnswers, SupportAnswer};
use super::study_notes::{NO_NOTES, NotesShown};
use super::style_choice::{ActiveStyle, StyleChoice, StyleEntry};
use super::theme::{Theme, ThemeChoice};
use super::virtual_list::{KeyScroll, ListPlace};
use crate::corpus::checks::{CitationChecks, Flag};
use crate::corpus::links::Related;
use crate::corpus::{Corpus, Item};
use crate::formats::ReferenceFormat;

/// The selection and hover state shared by every panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// What the user clicked last.
    pub selected: Option<Item>,
    /// What the pointer was over last frame.
    pub hovered: Option<Item>,
}

/// One step of the history: what was selected, the main view shown, and where the Reader was
/// scrolled to, so that Back and Forward return to the same text, not only the same selection.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Step {
    /// The selection.
    pub item: Option<Item>,
    /// The main view shown, by name.
    pub view: String,
    /// Where the Reader's view started, if it has been drawn.
    pub reader_place: Option<ListPlace>,
}

/// Back/forward history of selections, like a browser's: each step keeps the view and the
/// Reader's place too.
#[derive(Clone, Debug, Default)]
pub struct History {
    back: Vec<Step>,
    forward: Vec<Step>,
}

impl History {
    /// Records leaving `from` for somewhere new: `from` goes on the back stack (a step with the
    /// same selection as the last one replaces it), forward clears. A step with nothing
    /// selected is kept only for its place in the Reader: a cross-reference followed from
    /// the text ("§3") comes back to where the reading was.
    pub fn leave(&mut self, from: Step) {
        if from.item.is_some() || from.reader_place.is_some() {
            if self.back.last().is_some_and(|last| last.item == from.item) {
                self.back.pop();
            }
            self.back.push(from);
        }
        self.forward.clear();
    }

    /// Steps back from `current`; returns where to go.
    pub fn back(&mut self, current: Step) -> Option<Step> {
        let target = self.back.pop()?;
        if current.item.is_some() {
            self.forward.push(current);
        }
        Some(target)
    }

    /// Steps forward from `current`; returns where to go.
    pub fn forward(&mut self, current: Step) -> Option<Step> {
        let target = self.forward.pop()?;
        if current.item.is_some() {
            self.back.push(current);
        }
        Some(target)
    }

    /// Whether there is somewhere to go back to.
    #[must_use]
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Whether there is somewhere to go forward to.
    #[must_use]
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Forgets everything (a new corpus was opened).
    pub fn clear(&mut self) {
        self.back.clear();
        self.forward.clear();
    }
}

/// One of the two side panels, which collapse to a thin strip to give the main view room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidePanel {
    /// The navigator, on the left.
    Navigator,
    /// The inspector, on the right.
    Inspector,
}

/// A side effect requested while drawing, applied after the frame's UI.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select an item (a history step).
    Select(Item),
    /// Select an item, show it in the view it belongs to and scroll to it (a history step).
    Reveal(Item),
    /// The pointer is over an item.
    Hover(Item),
    /// Clear the selection.
    ClearSelection,
    /// Filter every view that filters by region to this region (a position), or show all.
    FilterRegion(Option<usize>),
    /// Go back in history.
    Back,
    /// Go forward in history.
    Forward,
    /// Switch the main view, by name.
    SetView(&'static str),
    /// Ask which file to open (the desktop's dialog, else paperlens's own).
    OpenDialog,
    /// Open a corpus or bibliography file.
    Open(PathBuf),
    /// Stop a background load; the open corpus stays.
    CancelLoad,
    /// Load the built-in corpus.
    OpenBuiltin,
    /// Reload the open file, or try again the file that last failed to open.
    Reload,
    /// Show again why the last file failed to open.
    ShowLoadFailure,
    /// Show or hide the diagnostics window.
    ShowDiagnostics(bool),
    /// Open the search box.
    OpenSearch,
    /// Open the Reader's find bar (showing the Reader).
    OpenFind,
    /// Show or hide the keyboard shortcut overlay.
    ToggleShortcuts,
    /// Show the corpus format guide.
    ShowFormatGuide,
    /// Show the user guide.
    ShowUserGuide,
    /// Show the About window.
    ShowAbout,
    /// Choose which file dialog Open and the exports use.
    SetFileDialogs(FileDialogs),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Copy text to the clipboard.
    CopyText(String),
    /// Open a web address (only `http`, `https`; checked again when applied).
    OpenUrl(String),
    /// Export a series' chart or data (asks where to save).
    ExportChart {
        /// Position of the series.
        series: usize,
        /// What to write.
        export: super::trends_view::ChartExport,
    },
    /// Enter or leave presentation mode.
    TogglePresentation,
    /// Collapse a side panel, or reopen it.
    TogglePanel(SidePanel),
    /// Add a series to the open corpus (made from a table's row or column) and show it in the
    /// Trends view.
    AddSeries(Box<crate::corpus::model::Series>),
    /// Change the citation style (one of the five, a bundled style, a loaded file).
    SetCitationStyle(StyleChoice),
    /// Format in this locale instead of the style's own (`None`: the style's own again).
    SetCitationLocale(Option<String>),
    /// Ask for a `.csl` file to load as the citation style (File → Load citation style…).
    LoadStyleDialog,
    /// Load the `.csl` file at this path and make it the citation style.
    LoadStyle(PathBuf),
    /// Copy formatted text: HTML (italics kept) and plain text for where HTML is not taken.
    CopyRich {
        /// The HTML (`<i>` for italics).
        html: String,
        /// The same as plain text.
        text: String,
    },
    /// Change how the Reader shows in-text citations.
    SetCitationDisplay(CitationDisplay),
    /// Change how the Bibliography view lists the references.
    SetListDisplay(CitationDisplay),
    /// Export references (asks where to save).
    ExportReferences {
        /// Which references.
        scope: ReferenceScope,
        /// In which format.
        format: ReferenceFormat,
    },
    /// Export the table the Table view shows as CSV (asks where to save).
    ExportTable,
    /// Export the cases as CSV (asks where to save).
    ExportCases,
    /// Export the whole corpus as JSON (asks where to save).
    ExportCorpus,
    /// Export every slide as a PNG and the PDF handout (asks for a folder).
    ExportSlides,
    /// Close the shortcut overlay, else About, else a guide, else the diagnostics window.
    CloseOverlay,
    /// Close the window.
    Quit,
    /// Add the selected item to the tour, as its last step (saved to the tour file).
    AddToTour,
    /// Change the tour: a step's words, its place, or remove it (saved to the tour file, typing
    /// a little later).
    EditTour(super::tour_view::TourEdit),
    /// Save the tour to its file now (a step's field was left).
    SaveTour,
    /// Write the tour into the open corpus file itself (a paperlens corpus).
    SaveTourIntoCorpus,
    /// Mark the citations the citation check flagged in the Reader, or stop marking them.
    ToggleFlagMarks,
    /// Turn student mode on or off (the Inspector asks before it shows flags).
    ToggleStudentMode,
    /// Record a student's answer about a citation or reference of the open paper.
    AnswerSupport {
        /// The stable key of the citation or reference (`citation:intro.p2/0`).
        key: String,
        /// The answer.
        answer: SupportAnswer,
    },
    /// Export the citation check's flags (asks where to save).
    ExportFlags(super::checks_view::FlagExport),
    /// Add, change, delete or choose a study note of the open paper (written at once).
    Note(super::study_notes::NoteCommand),
}

/// Which references an export covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceScope {
    /// Every reference.
    All,
    /// The references the Navigator's filter shows.
    Filtered,
    /// The selected reference (or the references of the selected citation).
    Selection,
}

impl ReferenceScope {
    /// Menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::All => "All references",
            Self::Filtered => "The filtered list",
            Self::Selection => "The selection",
        }
    }
}

/// What a click on an item does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClickAction {
    /// Select it and show it in the inspector.
    Select,
    /// Select it and take the main view there.
    Reveal,
}

/// Where a record is drawn: one drawing function per record kind serves all three.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiLayout {
    /// A one-line row in a list.
    ListRow,
    /// A compact preview card on hover.
    Tooltip,
    /// The full record in the inspector.
    Inspector,
}

/// No flags: what a context shows before the citation check is given to it.
static NO_CHECKS: CitationChecks = CitationChecks { flags: Vec::new() };

/// The citation check as the panels show it this frame: the open corpus's flags (computed
/// once per corpus), whether the Reader marks them, student mode and the student's answers.
#[derive(Clone, Copy, Debug)]
pub struct CheckCtx<'a> {
    /// The flags of the open corpus.
    pub checks: &'a CitationChecks,
    /// Whether the Reader marks flagged citations.
    pub marks: bool,
    /// Whether student mode is on.
    pub student_mode: bool,
    /// The student's answers about the open paper, by item key.
    pub answers: &'a PaperAnswers,
}

impl Default for CheckCtx<'_> {
    fn default() -> Self {
        Self {
            checks: &NO_CHECKS,
            marks: false,
            student_mode: false,
            answers: &NO_ANSWERS,
        }
    }
}

/// The user's citation preferences, as a frame's context takes them.
#[derive(Clone, Debug)]
pub struct CitationSettings<'a> {
    /// The citation style in use.
    pub style: ActiveStyle,
    /// The `.csl` files loaded, as the style picker lists them.
    pub loaded_styles: &'a [StyleEntry],
    /// How the Reader shows in-text citations.
    pub display: CitationDisplay,
    /// How the Bibliography view lists the references.
    pub list_display: CitationDisplay,
}

/// What panels draw from. Built once per frame by the app.
pub struct ViewCtx<'a> {
    /// The open corpus.
    pub corpus: &'a Corpus,
    /// Selection and hover state (as of the start of the frame).
    pub selection: Selection,
    /// What is related to the selection.
    pub selected_related: &'a Related,
    /// What is related to the hovered item.
    pub hovered_related: &'a Related,
    /// Colours and sizes.
    pub theme: &'a Theme,
    /// The chosen citation style, ready to format with.
    pub citation_style: ActiveStyle,
    /// The `.csl` files the user loaded, as the style picker lists them.
    pub loaded_styles: &'a [StyleEntry],
    /// How the Reader shows in-text citations.
    pub citation_display: CitationDisplay,
    /// How the Bibliography view lists the references.
    pub list_display: CitationDisplay,
    /// Formatted citations.
    pub citations: &'a CitationCache,
    /// The citation check's flags, marks and student mode.
    pub checks: CheckCtx<'a>,
    /// The open paper's study notes.
    pub notes: &'a NotesShown,
    /// The figure images read so far, shared by the views that show them.
    figure_images: FigureImages,
    commands: RefCell<Vec<Command>>,
    /// A scroll asked for by a key this frame, until a list takes it.
    keyboard_scroll: Cell<Option<KeyScroll>>,
}

impl<'a> ViewCtx<'a> {
    /// A context for one frame.
    #[must_use]
    pub fn new(
        corpus: &'a Corpus,
        selection: Selection,
        selected_related: &'a Related,
        hovered_related: &'a Related,
        theme: &'a Theme,
        citations: &'a CitationCache,
    ) -> Self {
        Self {
            corpus,
            selection,
            selected_related,
            hovered_related,
            theme,
            citation_style: ActiveStyle::default(),
            loaded_styles: &[],
            citation_display: CitationDisplay::default(),
            list_display: CitationDisplay::default(),
            citations,
            checks: CheckCtx::default(),
            notes: &NO_NOTES,
            figure_images: FigureImages::default(),
            commands: RefCell::new(Vec::new()),
            keyboard_scroll: Cell::new(None),
        }
    }

    /// This context drawing figures from `images`, the window's cache (a context of its own
    /// starts an empty one).
    #[must_use]
    pub(crate) fn with_figure_images(mut self, images: FigureImages) -> Self {
        self.figure_images = images;
        self
    }

    /// The figure images read so far: the Reader's cards and the figure slides draw from it.
    pub(crate) fn figure_images(&self) -> &FigureImages {
        &self.figure_images
    }

    /// This context with a scroll asked for by a key this frame (Page Down, Home …).
    #[must_use]
    pub fn with_keyboard_scroll(self, step: Option<KeyScroll>) -> Self {
        self.keyboard_scroll.set(step);
        self
    }

    /// The main view's take of the key scroll: what no list under the pointer or holding the
    /// focus took first (side panels are drawn before the main view).
    pub fn take_keyboard_scroll(&self) -> Option<KeyScroll> {
        self.keyboard_scroll.take()
    }

    /// Scrolls the scroll area `ui` is the content of when a key asked for a scroll and the
    /// pointer is over it or one of its rows has the keyboard focus (a list in a side panel).
    pub fn keyboard_scroll_ui(&self, ui: &Ui) {
        if self.keyboard_scroll.get().is_none() {
            return;
        }
        let view = ui.clip_rect();
        let holds_focus = ui
            .ctx()
            .memory(egui::Memory::focused)
            .and_then(|id| ui.ctx().read_response(id))
            .is_some_and(|focused| view.contains(focused.rect.center()));
        if (holds_focus || ui.rect_contains_pointer(view))
            && let Some(step) = self.keyboard_scroll.take()
        {
            step.apply(ui, ui.text_style_height(&egui::TextStyle::Body));
        }
    }

    /// This context with the user's citation preferences.
    #[must_use]
    pub fn with_citations(mut self, settings: CitationSettings<'a>) -> Self {
        self.citation_style = settings.style;
        self.loaded_styles = settings.loaded_styles;
        self.citation_display = settings.display;
        self.list_display = settings.list_display;
        self
    }

    /// This context with the citation check's flags, marks and student mode.
    #[must_use]
    pub fn with_checks(mut self, checks: CheckCtx<'a>) -> Self {
        self.checks = checks;
        self
    }

    /// This context with the open paper's study notes.
    #[must_use]
    pub fn with_notes(mut self, notes: &'a NotesShown) -> Self {
        self.notes = notes;
        self
    }

    /// The student's answer about `item` (a citation or reference), if one was given.
    #[must_use]
    pub fn answer_for(&self, item: Item) -> Option<SupportAnswer> {
        let key = item.key(self.corpus)?;
        self.checks.answers.get(&key.0).copied()
    }

    /// Whether student mode asks the student about `item` before showing its flags: a
    /// citation, or a reference the text cites (one no sentence cites has nothing to be judged
    /// against).
    #[must_use]
    pub fn asks_about(&self, item: Item) -> bool {
        self.checks.student_mode
            && match item {
                Item::Citation(_) => true,
                Item::Reference(_) => !self
                    .corpus
                    .index
                    .linked(item, crate::corpus::ItemKind::Citation)
                    .is_empty(),
                _ => false,
            }
    }

    /// Whether the flags about `item` are shown now: always, except while student mode waits
    /// for the student's answer about it.
    #[must_use]
    pub fn shows_flags_of(&self, item: Item) -> bool {
        !self.asks_about(item) || self.answer_for(item).is_some()
    }

    /// The flags about `item`: a citation's own, or a reference's (with those on its
    /// citations); none for other items.
    #[must_use]
    pub fn flags_of(&self, item: Item) -> Vec<&'a Flag> {
        let checks = self.checks.checks;
        match item {
            Item::Citation(citation) => checks.for_citation(citation).collect(),
            Item::Reference(reference) => checks.for_reference(reference).collect(),
            _ => Vec::new(),
        }
    }

    /// Queues a command for after the frame.
    pub fn send(&self, command: Command) {
        self.commands.borrow_mut().push(command);
    }

    /// The commands queued so far.
    #[must_use]
    pub fn take_commands(self) -> Vec<Command> {
        self.commands.into_inner()
    }

    /// Whether `item` is the selection.
    #[must_use]
    pub fn is_selected(&self, item: Item) -> bool {
        self.selection.selected == Some(item)
    }

    /// Whether `item` is related to the selection (or is it).
    #[must_use]
    pub fn is_highlighted(&self, item: Item) -> bool {
        self.selected_related.contains(item)
    }

    /// Whether `item` is related to what the pointer is over.
    #[must_use]
    pub fn is_hover_highlighted(&self, item: Item) -> bool {
        self.hovered_related.contains(item)
    }

    /// The one way every clickable item behaves: hovering shows a preview card of its target
    /// and marks it hovered for every panel; clicking (or Enter on it while it has the
    /// keyboard focus, which a ring marks) selects it (or reveals it).
    pub fn item_response(
        &self,
        ui: &Ui,
        response: Response,
        item: Item,
        action: ClickAction,
    ) -> Response {
        if response.has_focus() {
            self.theme.focus_ring_ui(ui, response.rect);
        }
        if response.hovered() {
            self.send(Command::Hover(item));
        }
        if response.clicked() {
            self.send(match action {
                ClickAction::Select => Command::Select(item),
                ClickAction::Reveal => Command::Reveal(item),
            });
        }
        response.on_hover_ui(|ui| {
            ui.set_max_width(420.0);
            records::item_ui(self, ui, item, UiLayout::Tooltip);
        })
    }

    /// A link to `url` that opens only on click, with the full address shown on hover, and only
    /// for `http`, `https` and DOI addresses; anything else is shown as plain text.
    pub fn url_ui(&self, ui: &mut Ui, label: &str, url: &str) {
        if is_openable_url(url) {
            let response = ui
                .link(egui::RichText::new(label).color(self.theme.accent))
                .on_hover_text(format!("Open {url} in your browser"));
            if response.has_focus() {
                self.theme.focus_ring_ui(ui, response.rect);
            }
            if response.clicked() {
                self.send(Command::OpenUrl(url.to_owned()));
            }
        } else {
            ui.label(label)
                .on_hover_text("This address is not a web link, so paperlens does not open it.");
        }
    }
}

/// Whether paperlens may open `url`: only `http://` and `https://` addresses with a host, and
/// nothing hidden in them: no white space, control characters, or invisible formatting
/// characters (zero-width spaces, bidirectional overrides) that could disguise where it leads.
#[must_use]
pub fn is_openable_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let has_host = rest.is_some_and(|rest| {
        rest.split(['/', '?', '#'])
            .next()
            .is_some_and(|host| !host.is_empty())
    });
    has_host
        && url.len() < 2048
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_invisible_format(c))
}

/// Unicode format characters that change how text looks or reads without showing themselves.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00ad}'
        | '\u{061c}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}')
}

/// The web address of a DOI, if it looks like one (`10.` prefix).
#[must_use]
pub fn doi_url(doi: &str) -> Option<String> {
    let doi = doi.trim();
    let doi = doi
        .strip_prefix("https://doi.org/")
        .or_else(|| doi.strip_prefix("doi:"))
        .unwrap_or(doi);
    (doi.starts_with("10.") && !doi.contains(char::is_whitespace))
        .then(|| format!("https://doi.org/{doi}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_open() {
        assert!(is_openable_url("https://example.org/x"));
        assert!(is_openable_url("HTTP://example.org"));
        assert!(!is_openable_url("file:///etc/passwd"));
        assert!(!is_openable_url("javascript:alert(1)"));
        assert!(!is_openable_url("https://exa\nmple.org"));
        assert_eq!(
            doi_url("10.1257/jep.9.4.97").as_deref(),
            Some("https://doi.org/10.1257/jep.9.4.97")
        );
        assert_eq!(doi_url("not a doi"), None);
    }

    #[test]
    fn history_goes_back_and_forward() {
        let step = |item, row| Step {
            item: Some(item),
            view: "reader".to_owned(),
            reader_place: Some(ListPlace { row, fraction: 0.5 }),
        };
        let mut history = History::default();
        history.leave(step(Item::Reference(1), 4));
        assert_eq!(
            history.back(step(Item::Citation(2), 40)),
            Some(step(Item::Reference(1), 4))
        );
        assert_eq!(
            history.forward(step(Item::Reference(1), 4)),
            Some(step(Item::Citation(2), 40))
        );
        assert!(history.can_go_back());
        assert!(!history.can_go_forward());
        // Leaving the same selection again keeps its newest place only.
        history.leave(step(Item::Citation(2), 41));
        assert_eq!(
            history.back(Step::default()),
            Some(step(Item::Citation(2), 41))
        );
        assert_eq!(
            history.back(Step::default()),
            Some(step(Item::Reference(1), 4))
        );
        assert!(!history.can_go_back());
        // Nothing selected: kept for the Reader's place, and not at all without one.
        let reading = Step {
            reader_place: Some(ListPlace {
                row: 7,
                fraction: 0.0,
            }),
            ..Step::default()
        };
        history.leave(Step::default());
        assert!(!history.can_go_back());
        history.leave(reading.clone());
        assert_eq!(
            history.back(step(Item::Section(2), 30)),
            Some(reading.clone())
        );
        assert_eq!(history.forward(reading), Some(step(Item::Section(2), 30)));
    }
}

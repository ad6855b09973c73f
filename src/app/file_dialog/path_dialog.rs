//! paperlens's own file dialog, drawn in the window: a path field, the folder's entries to click
//! through, Open, Save or Choose (a folder) and Cancel, and a confirmation before a file is
//! replaced. It works
//! wherever the window does, with no help from the desktop.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText, Ui};

use crate::app::theme::Theme;

/// Whether the dialog opens a file, saves one, or chooses a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// Choose an existing file.
    Open,
    /// Choose a place and a name; an existing file is replaced only once confirmed.
    Save,
    /// Choose a folder to write files in (an existing one, or a new one in an existing folder,
    /// made by whatever writes there).
    Folder,
}

/// What happened in the dialog this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogEvent {
    /// Still open.
    Pending,
    /// Closed without a choice.
    Cancelled,
    /// This file was chosen (for Save: confirmed if it existed), or this folder.
    Chosen(PathBuf),
}

/// One entry of the folder listed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    name: String,
    is_folder: bool,
}

/// The dialog's state while it is open.
#[derive(Debug)]
pub struct PathDialog {
    /// Open or save.
    pub kind: DialogKind,
    title: String,
    /// The folder listed.
    folder: PathBuf,
    /// The path field: what was typed, or the entry last clicked.
    pub path_text: String,
    /// The folder's entries, or why it could not be read.
    entries: Result<Vec<Entry>, String>,
    /// The extensions listed (lower case, no dot); all files when empty or `show_all`.
    extensions: Vec<String>,
    /// For Save: the extension a name typed without one is given.
    default_extension: Option<String>,
    show_all: bool,
    /// A problem with the path field, shown under it.
    problem: Option<String>,
    /// The file a save would replace, waiting for the person to confirm.
    pub confirm_replace: Option<PathBuf>,
    focus_field: bool,
    /// Esc was pressed this frame, before the dialog was drawn.
    escape_pressed: bool,
}

impl PathDialog {
    /// A dialog to open a file with one of `extensions`, starting in `folder`.
    #[must_use]
    pub fn open(title: String, folder: PathBuf, extensions: &[&str]) -> Self {
        let mut dialog = Self::new(DialogKind::Open, title, folder, extensions, None);
        dialog.path_text = with_separator(&dialog.folder);
        dialog
    }

    /// A dialog to save `file_name` (its extension `extension`), starting in `folder`.
    #[must_use]
    pub fn save(title: String, folder: PathBuf, file_name: &str, extension: &str) -> Self {
        let mut dialog = Self::new(
            DialogKind::Save,
            title,
            folder,
            &[extension],
            Some(extension.to_owned()),
        );
        dialog.path_text = dialog.folder.join(file_name).display().to_string();
        dialog
    }

    /// A dialog to choose a folder, starting in (and at first naming) `folder`.
    #[must_use]
    pub fn choose_folder(title: String, folder: PathBuf) -> Self {
        let mut dialog = Self::new(DialogKind::Folder, title, folder, &[], None);
        dialog.path_text = with_separator(&dialog.folder);
        dialog
    }

    fn new(
        kind: DialogKind,
        title: String,
        folder: PathBuf,
        extensions: &[&str],
        default_extension: Option<String>,
    ) -> Self {
        let mut dialog = Self {
            kind,
            title,
            folder: PathBuf::new(),
            path_text: String::new(),
            entries: Ok(Vec::new()),
            extensions: extensions.iter().map(|e| e.to_ascii_lowercase()).collect(),
            default_extension,
            show_all: false,
            problem: None,
            confirm_replace: None,
            focus_field: true,
            escape_pressed: false,
        };
        dialog.list(folder);
        dialog
    }

    /// Takes an Esc pressed before the dialog is drawn this frame (the window reads keys
    /// first): it cancels the dialog, or the replace question.
    pub fn press_escape(&mut self) {
        self.escape_pressed = true;
    }

    /// The folder listed.
    #[must_use]
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The names listed, folders first (each with a trailing `/`).
    #[must_use]
    pub fn listed_names(&self) -> Vec<String> {
        self.shown_entries().map(entry_label).collect()
    }

    /// Lists `folder` (a folder that cannot be read is listed with why).
    fn list(&mut self, folder: PathBuf) {
        self.entries = read_folder(&folder);
        self.folder = folder;
        self.problem = None;
    }

    /// The entries shown: folders, and the files of the listed extensions (all with
    /// `show_all`); hidden ones only with `show_all`.
    fn shown_entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten().filter(|entry| {
            (self.show_all || !entry.name.starts_with('.'))
                && (entry.is_folder || self.kind != DialogKind::Folder)
                && (entry.is_folder
                    || self.show_all
                    || self.extensions.is_empty()
                    || has_extension(&entry.name, &self.extensions))
        })
    }

    /// The path the field names: `~` is the home folder, a relative path is under the folder
    /// listed.
    fn typed_path(&self) -> PathBuf {
        let text = self.path_text.trim();
        let path = match text.strip_prefix('~') {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => dirs::home_dir().map_or_else(
                || PathBuf::from(text),
                |home| home.join(rest.trim_start_matches('/')),
            ),
            _ => PathBuf::from(text),
        };
        if path.is_absolute() {
            path
        } else {
            self.folder.join(path)
        }
    }

    /// The file name the field ends with, for keeping it when another folder is listed (Save).
    fn typed_file_name(&self) -> Option<String> {
        let text = self.path_text.trim();
        if text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
            return None;
        }
        Path::new(text)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
    }

    /// Lists `folder` and points the field at it (keeping the file name being saved).
    fn enter_folder(&mut self, folder: PathBuf) {
        let keep = match self.kind {
            DialogKind::Save => self.typed_file_name(),
            DialogKind::Open | DialogKind::Folder => None,
        };
        self.list(folder);
        self.path_text = match keep {
            Some(name) => self.folder.join(name).display().to_string(),
            None => with_separator(&self.folder),
        };
    }

    /// Acts on the path field (Enter, or the Open/Save/Choose button): a folder is listed (or
    /// chosen, when choosing a folder); a file is chosen, a save over an existing one asks
    /// first; anything else says what is wrong.
    pub fn confirm(&mut self) -> DialogEvent {
        let path = self.typed_path();
        if self.kind == DialogKind::Folder {
            return self.confirm_folder(path);
        }
        if path.is_dir() {
            self.enter_folder(path);
            return DialogEvent::Pending;
        }
        if self.typed_file_name().is_none() {
            self.problem = Some(format!(
                "The folder {} does not exist. Choose a folder from the list.",
                path.display()
            ));
            return DialogEvent::Pending;
        }
        match self.kind {
            DialogKind::Folder => self.confirm_folder(path),
            DialogKind::Open => {
                if path.is_file() {
                    DialogEvent::Chosen(path)
                } else {
                    self.problem = Some(format!(
                        "There is no file at {}. Check the name, or pick a file from the list.",
                        path.display()
                    ));
                    DialogEvent::Pending
                }
            }
            DialogKind::Save => {
                let path = match (&self.default_extension, path.extension()) {
                    (Some(extension), None) => path.with_extension(extension),
                    _ => path,
                };
                match path.parent() {
                    Some(parent) if !parent.is_dir() => {
                        self.problem = Some(format!(
                            "The folder {} does not exist. Choose a folder from the list.",
                            parent.display()
                        ));
                        DialogEvent::Pending
                    }
                    _ if path.exists() => {
                        self.confirm_replace = Some(path);
                        DialogEvent::Pending
                    }
                    _ => DialogEvent::Chosen(path),
                }
            }
        }
    }

    /// A folder chosen: an existing one, or a new one whose parent exists; a file or a path in
    /// a missing folder says what is wrong.
    fn confirm_folder(&mut self, path: PathBuf) -> DialogEvent {
        if path.is_dir() {
            return DialogEvent::Chosen(path);
        }
        if path.exists() {
            self.problem = Some(format!(
                "{} is a file. Choose a folder from the list, or type a new folder's name.",
                path.display()
            ));
            return DialogEvent::Pending;
        }
        match path.parent() {
            Some(parent) if parent.is_dir() => DialogEvent::Chosen(path),
            _ => {
                self.problem = Some(format!(
                    "The folder {} does not exist. Choose a folder from the list.",
                    path.parent().unwrap_or(&path).display()
                ));
                DialogEvent::Pending
            }
        }
    }

    /// Draws the dialog over a dimmed window (nothing under it reacts meanwhile); returns what
    /// happened. Esc cancels it (or the replace question).
    pub fn ui(&mut self, theme: &Theme, ui: &Ui) -> DialogEvent {
        let ctx = ui.ctx().clone();
        let screen = ctx.content_rect();
        let width = (screen.width() * 0.9).min(44.0 * theme.body_size);
        let list_height = ((screen.height() * 0.8).min(32.0 * theme.body_size)
            - 9.0 * theme.body_size)
            .max(4.0 * theme.body_size);
        let escape = std::mem::take(&mut self.escape_pressed)
            || ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        egui::Modal::new(egui::Id::unique("paperlens-file-dialog"))
            .show(&ctx, |ui| {
                ui.set_width(width);
                ui.label(RichText::new(&self.title).size(theme.heading_size).strong());
                ui.add_space(theme.gap * 0.5);
                if self.confirm_replace.is_some() {
                    self.replace_ui(theme, ui, escape)
                } else {
                    self.browse_ui(theme, ui, escape, list_height)
                }
            })
            .inner
    }

    /// The question before a file is replaced.
    fn replace_ui(&mut self, theme: &Theme, ui: &mut Ui, escape: bool) -> DialogEvent {
        let Some(path) = self.confirm_replace.clone() else {
            return DialogEvent::Pending;
        };
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "“{name}” already exists in {}.",
                    self.folder.display()
                ))
                .strong(),
            )
            .wrap(),
        );
        ui.label("Replace it? Its contents will be lost.");
        ui.add_space(theme.gap);
        let mut event = DialogEvent::Pending;
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                event = DialogEvent::Chosen(path.clone());
            }
            if ui.button("Keep it").clicked() || escape {
                self.confirm_replace = None;
                self.focus_field = true;
            }
        });
        event
    }

    /// The path field, the folder's entries and the buttons.
    fn browse_ui(
        &mut self,
        theme: &Theme,
        ui: &mut Ui,
        escape: bool,
        list_height: f32,
    ) -> DialogEvent {
        let mut event = DialogEvent::Pending;
        ui.horizontal(|ui| {
            let up = self.folder.parent().map(Path::to_path_buf);
            if ui
                .add_enabled(up.is_some(), egui::Button::new("↑ Up"))
                .on_hover_text("The folder above")
                .clicked()
                && let Some(parent) = up
            {
                self.enter_folder(parent);
            }
            let label = ui.label("Path");
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.path_text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if self.focus_field {
                field.request_focus();
                self.focus_field = false;
            }
            if field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
                event = self.confirm();
                self.focus_field = true;
            }
        });
        ui.label(
            RichText::new(match self.kind {
                DialogKind::Open => "Type a path and press Enter, or click through the folders.",
                DialogKind::Save => {
                    "Type a name or a path and press Enter, or click a folder to save in it."
                }
                DialogKind::Folder => {
                    "Click through the folders, or type a folder's path (a new one is made), \
                     then Choose."
                }
            })
            .small()
            .color(theme.muted_text),
        );
        if let Some(problem) = &self.problem {
            ui.add(egui::Label::new(RichText::new(problem).color(theme.error)).wrap());
        }
        ui.separator();
        let clicked = self.entries_ui(theme, ui, list_height);
        if let Some((entry, double)) = clicked {
            let path = self.folder.join(&entry.name);
            if entry.is_folder {
                self.enter_folder(path);
            } else {
                self.path_text = path.display().to_string();
                self.problem = None;
                if double {
                    event = self.confirm();
                }
            }
        }
        ui.separator();
        ui.horizontal(|ui| {
            let action = match self.kind {
                DialogKind::Open => "Open",
                DialogKind::Save => "Save",
                DialogKind::Folder => "Choose",
            };
            if ui.button(action).clicked() {
                event = self.confirm();
            }
            if ui.button("Cancel").clicked() || escape {
                event = DialogEvent::Cancelled;
            }
            if !self.extensions.is_empty() && self.kind != DialogKind::Folder {
                ui.checkbox(&mut self.show_all, "Show every file");
            }
        });
        event
    }
}

impl PathDialog {
    /// The folder's entries (or why it could not be read); returns the entry clicked, and
    /// whether twice.
    fn entries_ui(&self, theme: &Theme, ui: &mut Ui, height: f32) -> Option<(Entry, bool)> {
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .max_height(height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Err(why) = &self.entries {
                    ui.add(egui::Label::new(RichText::new(why).color(theme.error)).wrap());
                    return;
                }
                let chosen_name = self.typed_file_name();
                let mut any = false;
                for entry in self.shown_entries() {
                    any = true;
                    let selected =
                        !entry.is_folder && chosen_name.as_deref() == Some(entry.name.as_str());
                    let response =
                        ui.add(egui::Button::selectable(selected, entry_label(entry)).truncate());
                    if response.double_clicked() {
                        clicked = Some((entry.clone(), true));
                    } else if response.clicked() {
                        clicked = Some((entry.clone(), false));
                    }
                }
                if !any {
                    ui.label(
                        RichText::new(match self.kind {
                            DialogKind::Folder => {
                                "No folders in this folder: Choose puts the files here."
                            }
                            DialogKind::Open | DialogKind::Save => {
                                "Nothing to show in this folder."
                            }
                        })
                        .italics()
                        .color(theme.muted_text),
                    );
                }
            });
        clicked
    }
}

/// A folder's path written with a separator at its end, so the field reads as a folder.
fn with_separator(folder: &Path) -> String {
    let text = folder.display().to_string();
    if text.ends_with(std::path::MAIN_SEPARATOR) {
        text
    } else {
        format!("{text}{}", std::path::MAIN_SEPARATOR)
    }
}

/// How the list shows an entry: a folder with a separator after its name.
fn entry_label(entry: &Entry) -> String {
    if entry.is_folder {
        format!("{}{}", entry.name, std::path::MAIN_SEPARATOR)
    } else {
        entry.name.clone()
    }
}

/// Whether `name` ends with one of `extensions` (lower case), in any case.
fn has_extension(name: &str, extensions: &[String]) -> bool {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| extensions.contains(&e))
}

/// A folder's entries, folders first, each group by name ignoring case; or why it could not be
/// read.
fn read_folder(folder: &Path) -> Result<Vec<Entry>, String> {
    let read = std::fs::read_dir(folder)
        .map_err(|e| format!("The folder {} could not be read: {e}.", folder.display()))?;
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .map(|entry| Entry {
            name: entry.file_name().to_string_lossy().into_owned(),
            // Follows links, so a link to a folder is entered like one.
            is_folder: entry.path().is_dir(),
        })
        .collect();
    entries.sort_by_cached_key(|entry| (!entry.is_folder, entry.name.to_lowercase()));
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with_files() -> tempfile::TempDir {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temp dir");
        };
        for name in ["b.json", "A.bib", "notes.pdf", ".hidden.json"] {
            assert!(std::fs::write(dir.path().join(name), "x").is_ok());
        }
        assert!(std::fs::create_dir(dir.path().join("papers")).is_ok());
        dir
    }

    #[test]
    fn the_list_shows_folders_first_then_the_files_it_can_open() {
        let dir = folder_with_files();
        let mut dialog = PathDialog::open(
            "Open".to_owned(),
            dir.path().to_path_buf(),
            &["json", "bib"],
        );
        let folder = format!("papers{}", std::path::MAIN_SEPARATOR);
        assert_eq!(dialog.listed_names(), [folder.as_str(), "A.bib", "b.json"]);
        dialog.show_all = true;
        assert_eq!(dialog.listed_names().len(), 5);
    }

    #[test]
    fn open_lists_a_typed_folder_and_chooses_a_typed_file() {
        let dir = folder_with_files();
        let mut dialog = PathDialog::open("Open".to_owned(), PathBuf::from("/"), &["json"]);
        dialog.path_text = dir.path().display().to_string();
        assert_eq!(dialog.confirm(), DialogEvent::Pending);
        assert_eq!(dialog.folder(), dir.path());
        // A name is read under the folder listed.
        dialog.path_text = "b.json".to_owned();
        assert_eq!(
            dialog.confirm(),
            DialogEvent::Chosen(dir.path().join("b.json"))
        );
        dialog.path_text = "missing.json".to_owned();
        assert_eq!(dialog.confirm(), DialogEvent::Pending);
        assert!(
            dialog
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("There is no file"))
        );
    }

    #[test]
    fn save_suggests_the_name_adds_the_extension_and_asks_before_replacing() {
        let dir = folder_with_files();
        let mut dialog = PathDialog::save(
            "Save".to_owned(),
            dir.path().to_path_buf(),
            "references.bib",
            "bib",
        );
        assert_eq!(
            dialog.path_text,
            dir.path().join("references.bib").display().to_string()
        );
        assert_eq!(
            dialog.confirm(),
            DialogEvent::Chosen(dir.path().join("references.bib"))
        );
        dialog.path_text = "A".to_owned();
        assert_eq!(dialog.confirm(), DialogEvent::Pending, "A.bib exists");
        assert_eq!(dialog.confirm_replace, Some(dir.path().join("A.bib")));
        // Entering a folder keeps the name being saved.
        dialog.confirm_replace = None;
        dialog.path_text = dir.path().join("mine.bib").display().to_string();
        dialog.enter_folder(dir.path().join("papers"));
        assert_eq!(
            dialog.path_text,
            dir.path()
                .join("papers")
                .join("mine.bib")
                .display()
                .to_string()
        );
        let nowhere = dir.path().join("nowhere");
        dialog.path_text = format!("{}{}", nowhere.display(), std::path::MAIN_SEPARATOR);
        assert_eq!(
            dialog.confirm(),
            DialogEvent::Pending,
            "a folder, not a file"
        );
        assert!(!dir.path().join("nowhere.bib").exists());
        assert!(
            dialog
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("does not exist"))
        );
        dialog.path_text = dir
            .path()
            .join("nowhere")
            .join("x.bib")
            .display()
            .to_string();
        assert_eq!(dialog.confirm(), DialogEvent::Pending);
        assert!(
            dialog
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("does not exist"))
        );
    }

    #[test]
    fn a_folder_is_chosen_existing_or_new_but_never_a_file() {
        let dir = folder_with_files();
        let mut dialog = PathDialog::choose_folder("Export".to_owned(), dir.path().to_path_buf());
        let folder = format!("papers{}", std::path::MAIN_SEPARATOR);
        assert_eq!(dialog.listed_names(), [folder.as_str()], "folders only");
        assert_eq!(
            dialog.confirm(),
            DialogEvent::Chosen(dir.path().to_path_buf()),
            "the folder listed"
        );
        // Clicking into a folder names it; Enter or Choose takes it.
        dialog.enter_folder(dir.path().join("papers"));
        assert_eq!(
            dialog.confirm(),
            DialogEvent::Chosen(dir.path().join("papers"))
        );
        dialog.path_text = "lecture".to_owned();
        assert_eq!(
            dialog.confirm(),
            DialogEvent::Chosen(dir.path().join("papers").join("lecture")),
            "a new folder in the one listed"
        );
        dialog.path_text = dir.path().join("b.json").display().to_string();
        assert_eq!(dialog.confirm(), DialogEvent::Pending);
        assert!(
            dialog
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("is a file"))
        );
        dialog.path_text = dir.path().join("no").join("such").display().to_string();
        assert_eq!(dialog.confirm(), DialogEvent::Pending);
        assert!(
            dialog
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("does not exist"))
        );
    }

    #[test]
    fn a_folder_that_cannot_be_read_says_why() {
        let dialog = PathDialog::open(
            "Open".to_owned(),
            PathBuf::from("/nonexistent/folder"),
            &["json"],
        );
        assert!(
            dialog
                .entries
                .as_ref()
                .is_err_and(|why| why.contains("/nonexistent/folder could not be read"))
        );
        assert!(dialog.listed_names().is_empty());
    }
}

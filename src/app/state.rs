//! Persisted user state (theme, zoom, panel sizes, view, selection, recent files and which of
//! them failed to open, the file dialog chosen) and the file it lives in.
//!
//! The file is JSON, written atomically (temporary file, fsync, rename). A file that does not
//! decode is moved aside, never deleted, and paperlens starts from defaults and says so once.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::study::StudyAnswers;
use super::style_choice::StyleChoice;
use super::theme::ThemeChoice;
use crate::open::write_atomically;

/// The state format version written into the file.
pub const STATE_VERSION: u32 = 1;

/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

/// The environment variable that overrides where the state file lives (a directory).
pub const STATE_DIR_ENV: &str = "PAPERLENS_STATE_DIR";

/// The navigator's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NavigatorTab {
    /// Sections of the paper.
    #[default]
    Outline,
    /// The reference list.
    References,
    /// Case studies and examples.
    Cases,
    /// Regions.
    Regions,
    /// Entities.
    Entities,
    /// Tables, figures and footnotes.
    Figures,
}

impl NavigatorTab {
    /// Every tab, in order.
    pub const ALL: [Self; 6] = [
        Self::Outline,
        Self::References,
        Self::Figures,
        Self::Cases,
        Self::Regions,
        Self::Entities,
    ];

    /// Tab label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Outline => "Outline",
            Self::References => "References",
            Self::Cases => "Cases",
            Self::Regions => "Regions",
            Self::Entities => "Entities",
            Self::Figures => "Figures & tables",
        }
    }
}

/// Everything remembered across restarts. Unknown or missing fields take their defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersistedState {
    /// Format version of this state.
    pub version: u32,
    /// Light, dark or follow the system.
    pub theme: ThemeChoice,
    /// UI zoom factor.
    pub zoom: f32,
    /// Width of the navigator in points.
    pub navigator_width: f32,
    /// Width of the inspector in points.
    pub inspector_width: f32,
    /// Whether the navigator is open (else collapsed to a strip).
    pub navigator_open: bool,
    /// Whether the inspector is open (else collapsed to a strip).
    pub inspector_open: bool,
    /// The main view shown, by its name (`"reader"`; see `views::registry`); empty or unknown
    /// means the first view.
    pub view: String,
    /// The navigator tab shown.
    pub navigator_tab: NavigatorTab,
    /// The selected item, by key (e.g. `reference:porter1995`).
    pub selection: Option<String>,
    /// The corpus file last open; `None` for the built-in corpus.
    pub last_corpus: Option<PathBuf>,
    /// Recently opened files, most recent first; a file that failed to open is among them.
    pub recent_files: Vec<PathBuf>,
    /// The recent files whose last open failed, each with why (Open Recent marks them).
    pub failed_files: Vec<FailedFile>,
    /// Which file dialog Open and the exports use.
    pub file_dialogs: FileDialogs,
    /// The citation style of formatted citations and copies: one of the five (written as
    /// older versions wrote it, `"apa"`), a bundled style or a loaded `.csl` file.
    pub citation_style: StyleChoice,
    /// The locale citations are formatted in, when the user chose one other than the style's
    /// own (the five keep theirs).
    pub citation_locale: Option<String>,
    /// The `.csl` files the user loaded, listed in the style picker.
    pub loaded_styles: Vec<PathBuf>,
    /// How the Reader shows in-text citations.
    pub citation_display: CitationDisplay,
    /// How the Bibliography view lists the references: as the paper's list prints them (where
    /// the corpus keeps them) or in the chosen style.
    pub list_display: CitationDisplay,
    /// The time (milliseconds since the Unix epoch) of the newest crash report the user has
    /// been told about, so that each report is announced once.
    pub crash_reports_seen_until: u64,
    /// How the citation check shows: the Reader's marks, student mode.
    pub checks: CheckSettings,
    /// The student's answers, per paper (see [`StudyAnswers`]), when there is no notes store;
    /// an older settings file's are moved into the store when their paper opens.
    pub study: StudyAnswers,
}

/// A recent file whose last open failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedFile {
    /// The file.
    pub path: PathBuf,
    /// Why it could not be opened, in a line (Open Recent's hover text).
    pub reason: String,
}

/// Which file dialog Open and the exports use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileDialogs {
    /// The desktop's own dialog when it has one, else paperlens's dialog in the window.
    #[default]
    Desktop,
    /// Always paperlens's dialog in the window.
    InWindow,
}

impl FileDialogs {
    /// Both, in menu order.
    pub const ALL: [Self; 2] = [Self::Desktop, Self::InWindow];

    /// Its menu entry.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Desktop => "The desktop's, when it has one",
            Self::InWindow => "paperlens's own, in the window",
        }
    }
}

/// How the citation check shows in the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckSettings {
    /// Whether the Reader marks citations the citation check flagged.
    pub marks: bool,
    /// Student mode: the Inspector asks whether a source supports its sentence before it
    /// shows the citation check's flags.
    pub student_mode: bool,
}

impl Default for CheckSettings {
    fn default() -> Self {
        Self {
            marks: true,
            student_mode: false,
        }
    }
}

/// How citations (in the Reader) or references (in the Bibliography view) are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CitationDisplay {
    /// As the paper prints them: its own markers (`[2], [4]`), its own list's entries.
    #[default]
    AsPrinted,
    /// In the chosen style: its in-text form (`(Cho, 2015)`), its bibliography.
    InStyle,
}

impl Default for PersistedState {
    fn default() -> Self {
        Self {
            version: STATE_VERSION,
            theme: ThemeChoice::System,
            zoom: 1.0,
            navigator_width: 280.0,
            inspector_width: 360.0,
            navigator_open: true,
            inspector_open: true,
            view: String::new(),
            navigator_tab: NavigatorTab::Outline,
            selection: None,
            last_corpus: None,
            recent_files: Vec::new(),
            failed_files: Vec::new(),
            file_dialogs: FileDialogs::default(),
            citation_style: StyleChoice::default(),
            citation_locale: None,
            loaded_styles: Vec::new(),
            citation_display: CitationDisplay::default(),
            list_display: CitationDisplay::default(),
            crash_reports_seen_until: 0,
            checks: CheckSettings::default(),
            study: StudyAnswers::default(),
        }
    }
}

impl PersistedState {
    /// Decodes state from JSON; out-of-range numbers are brought back into range. A setting
    /// whose value has the wrong type (`"zoom": "big"`) takes its default and is named in the
    /// list returned beside the state (with its line and why); every other setting is kept.
    ///
    /// # Errors
    /// A message saying why the text is not a state file at all: not JSON, or not an object.
    pub fn decode(text: &str) -> Result<(Self, Vec<String>), String> {
        let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if !value.is_object() {
            return Err("it holds no settings: the file is JSON but not an object".to_owned());
        }
        let mut reset = Vec::new();
        let whole = Self::deserialize(&value);
        let mut state: Self = if let Ok(state) = whole {
            state
        } else {
            // Each setting alone, the others at their defaults: the ones that do not decode
            // are left out and named.
            if let Some(fields) = value.as_object_mut() {
                fields.retain(|name, setting| {
                    let alone = serde_json::Map::from_iter([(name.clone(), setting.clone())]);
                    match Self::deserialize(&serde_json::Value::Object(alone)) {
                        Ok(_) => true,
                        Err(error) => {
                            reset.push(setting_problem(text, name, &error));
                            false
                        }
                    }
                });
            }
            Self::deserialize(&value).map_err(|e| e.to_string())?
        };
        state.zoom = if state.zoom.is_finite() {
            state.zoom.clamp(0.5, 3.0)
        } else {
            1.0
        };
        state.navigator_width = sane_width(state.navigator_width, 280.0);
        state.inspector_width = sane_width(state.inspector_width, 360.0);
        state.recent_files.truncate(MAX_RECENT);
        let recent = state.recent_files.clone();
        state
            .failed_files
            .retain(|failed| recent.contains(&failed.path));
        Ok((state, reset))
    }

    /// Puts `path` first in the recent files, as a file that opened.
    pub fn remember_recent(&mut self, path: &Path) {
        self.put_first(path);
        self.failed_files.retain(|failed| failed.path != path);
    }

    /// Puts `path` first in the recent files, as a file that failed to open for `reason`.
    pub fn remember_failed(&mut self, path: &Path, reason: String) {
        self.put_first(path);
        self.failed_files.retain(|failed| failed.path != path);
        self.failed_files.push(FailedFile {
            path: path.to_path_buf(),
            reason,
        });
    }

    /// Why `path`, a recent file, failed to open last time; `None` when it opened.
    #[must_use]
    pub fn failure_of(&self, path: &Path) -> Option<&str> {
        self.failed_files
            .iter()
            .find(|failed| failed.path == path)
            .map(|failed| failed.reason.as_str())
    }

    fn put_first(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(MAX_RECENT);
        let recent = &self.recent_files;
        self.failed_files
            .retain(|failed| recent.contains(&failed.path));
    }
}

/// A setting that could not be read, in words: `zoom (line 3: invalid type: string "big",
/// expected f32)`, the line where `"name":` stands in `text` (left out if it cannot be found).
fn setting_problem(text: &str, name: &str, error: &serde_json::Error) -> String {
    let key = format!("\"{name}\"");
    let line = text.match_indices(&key).find_map(|(at, _)| {
        let after = text.get(at + key.len()..)?;
        after.trim_start().starts_with(':').then(|| {
            text.get(..at)
                .map_or(1, |before| before.matches('\n').count() + 1)
        })
    });
    match line {
        Some(line) => format!("{name} (line {line}: {error})"),
        None => format!("{name} ({error})"),
    }
}

fn sane_width(width: f32, default: f32) -> f32 {
    if width.is_finite() {
        width.clamp(160.0, 900.0)
    } else {
        default
    }
}

/// Where the state file lives and how it is read and written.
#[derive(Clone, Debug)]
pub struct StateStore {
    path: Option<PathBuf>,
}

/// The result of reading the state file.
#[derive(Clone, Debug, Default)]
pub struct LoadedState {
    /// The state (defaults when the file was missing or bad).
    pub state: PersistedState,
    /// A message for the user, when the file was bad.
    pub warning: Option<String>,
}

impl StateStore {
    /// A store at the default location: `$PAPERLENS_STATE_DIR/state.json`, or the platform's
    /// config directory (`~/.config/paperlens/state.json` on Linux).
    #[must_use]
    pub fn at_default_location() -> Self {
        let dir = std::env::var_os(STATE_DIR_ENV)
            .map(PathBuf::from)
            .or_else(|| dirs::config_dir().map(|d| d.join("paperlens")));
        Self {
            path: dir.map(|d| d.join("state.json")),
        }
    }

    /// A store at a given file path.
    #[must_use]
    pub fn at(path: PathBuf) -> Self {
        Self { path: Some(path) }
    }

    /// A store that remembers nothing (tests, screenshots).
    #[must_use]
    pub fn in_memory() -> Self {
        Self { path: None }
    }

    /// The state file's path, if state is persisted.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Reads the state. A missing file gives defaults silently; a file that cannot be read or
    /// decoded is moved aside to `state.json.corrupt` (kept for inspection) and gives defaults
    /// with a warning.
    #[must_use]
    pub fn load(&self) -> LoadedState {
        let Some(path) = &self.path else {
            return LoadedState::default();
        };
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|e| e.to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return LoadedState::default(),
            Err(e) => Err(e.to_string()),
        };
        match text.and_then(|t| PersistedState::decode(&t)) {
            Ok((state, reset)) if reset.is_empty() => LoadedState {
                state,
                warning: None,
            },
            Ok((state, reset)) => {
                // The file as it was is kept beside it, and the settings that could be read
                // are written back, so the next start is quiet.
                let aside = path.with_extension("json.corrupt");
                let kept = match std::fs::copy(path, &aside) {
                    Ok(_) => format!("the file as it was is kept as {}", aside.display()),
                    Err(e) => format!("the file as it was could not be copied aside ({e})"),
                };
                let _ = self.save(&state);
                LoadedState {
                    state,
                    warning: Some(format!(
                        "Some of your settings in {} could not be read and are back to their defaults: {}. Every other setting is kept; {kept}.",
                        path.display(),
                        reset.join("; ")
                    )),
                }
            }
            Err(reason) => {
                let aside = path.with_extension("json.corrupt");
                let kept = match std::fs::rename(path, &aside) {
                    Ok(()) => format!("it was kept as {}", aside.display()),
                    Err(e) => format!("it could not be moved aside ({e})"),
                };
                LoadedState {
                    state: PersistedState::default(),
                    warning: Some(format!(
                        "Your settings file {} could not be read ({reason}); {kept}. paperlens started with default settings.",
                        path.display()
                    )),
                }
            }
        }
    }

    /// Writes the state atomically: to a temporary file in the same directory, flushed to
    /// disk, then renamed over the old file.
    ///
    /// # Errors
    /// Any I/O error on the way.
    pub fn save(&self, state: &PersistedState) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let text = serde_json::to_string_pretty(state).map_err(std::io::Error::other)?;
        write_atomically(path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_defaults_and_bad_numbers_are_clamped() {
        let state = PersistedState::decode(r#"{"zoom": 40.0, "view": "table"}"#)
            .unwrap_or_default()
            .0;
        assert_eq!(state.view, "table");
        assert!((state.zoom - 3.0).abs() < f32::EPSILON);
        assert_eq!(state.navigator_tab, NavigatorTab::Outline);
        // A settings file from before the citation check marks flags, out of student mode.
        assert_eq!(state.checks, CheckSettings::default());
        assert!(state.checks.marks && !state.checks.student_mode);
    }

    #[test]
    fn an_older_settings_file_keeps_its_citation_style() {
        use crate::formats::styles::CitationStyle;
        let (state, _) = PersistedState::decode(r#"{"citation_style": "harvard", "zoom": 1.5}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            state.citation_style,
            StyleChoice::Common(CitationStyle::Harvard)
        );
        assert!(state.loaded_styles.is_empty());
        assert_eq!(state.citation_locale, None);
        let (state, _) = PersistedState::decode(r#"{"citation_style": "chicago_author_date"}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            state.citation_style,
            StyleChoice::Common(CitationStyle::ChicagoAuthorDate)
        );
    }

    #[test]
    fn corrupt_file_is_moved_aside_and_defaults_are_used() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temp dir");
        };
        let path = dir.path().join("state.json");
        assert!(std::fs::write(&path, "{ not json").is_ok());
        let store = StateStore::at(path.clone());
        let loaded = store.load();
        assert_eq!(loaded.state, PersistedState::default());
        let warning = loaded.warning.unwrap_or_default();
        assert!(warning.contains("could not be read"), "{warning}");
        assert!(!path.exists());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("state.json.corrupt")).unwrap_or_default(),
            "{ not json"
        );
        // A second start is quiet: the bad file is gone.
        assert!(store.load().warning.is_none());
    }

    #[test]
    fn a_setting_of_the_wrong_type_takes_its_default_and_the_others_are_kept() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temp dir");
        };
        let path = dir.path().join("state.json");
        let text = "{\n  \"view\": \"trends\",\n  \"zoom\": \"big\",\n  \"theme\": \"dark\",\n  \
                    \"recent_files\": [\"/tmp/a.json\"],\n  \"checks\": {\"marks\": 3}\n}";
        assert!(std::fs::write(&path, text).is_ok());
        let store = StateStore::at(path.clone());
        let loaded = store.load();
        assert_eq!(loaded.state.view, "trends");
        assert_eq!(loaded.state.theme, ThemeChoice::Dark);
        assert_eq!(
            loaded.state.recent_files,
            vec![PathBuf::from("/tmp/a.json")]
        );
        assert!((loaded.state.zoom - 1.0).abs() < f32::EPSILON);
        assert_eq!(loaded.state.checks, CheckSettings::default());
        let warning = loaded.warning.unwrap_or_default();
        for expected in [
            "Some of your settings in",
            "zoom (line 3: invalid type: string \"big\", expected f32)",
            "checks (line 6: invalid type: integer `3`, expected a boolean)",
            "Every other setting is kept",
            "state.json.corrupt",
        ] {
            assert!(warning.contains(expected), "{expected:?} not in {warning}");
        }
        assert!(!warning.contains("view"), "{warning}");
        // The file as it was is kept; the settings read are written back, so the next start
        // is quiet and keeps them.
        assert_eq!(
            std::fs::read_to_string(dir.path().join("state.json.corrupt")).unwrap_or_default(),
            text
        );
        let again = store.load();
        assert!(again.warning.is_none(), "{:?}", again.warning);
        assert_eq!(again.state, loaded.state);
        // Not an object at all: set aside whole, as before.
        assert!(PersistedState::decode("[1, 2]").is_err());
    }

    #[test]
    fn a_failed_file_is_recent_and_marked_until_it_opens() {
        let mut state = PersistedState::default();
        let broken = Path::new("/tmp/broken.json");
        state.remember_recent(Path::new("/tmp/a.json"));
        state.remember_failed(broken, "line 3: expected a value".to_owned());
        assert_eq!(
            state.recent_files.first().map(PathBuf::as_path),
            Some(broken)
        );
        assert_eq!(state.failure_of(broken), Some("line 3: expected a value"));
        assert_eq!(state.failure_of(Path::new("/tmp/a.json")), None);
        state.remember_recent(broken);
        assert_eq!(state.failure_of(broken), None);
        assert_eq!(state.recent_files.len(), 2);
        // A failure whose file fell off the recent list is forgotten with it.
        state.remember_failed(broken, "again".to_owned());
        for n in 0..MAX_RECENT {
            state.remember_recent(&PathBuf::from(format!("/tmp/{n}.json")));
        }
        assert!(state.failed_files.is_empty());
    }

    #[test]
    fn save_then_load_round_trips() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temp dir");
        };
        let store = StateStore::at(dir.path().join("sub").join("state.json"));
        let mut state = PersistedState {
            view: "trends".to_owned(),
            selection: Some("reference:porter1995".to_owned()),
            ..PersistedState::default()
        };
        state.remember_recent(Path::new("/tmp/a.json"));
        state.remember_failed(Path::new("/tmp/b.json"), "not JSON".to_owned());
        state.file_dialogs = FileDialogs::InWindow;
        state.citation_style = StyleChoice::File(PathBuf::from("/styles/mine.csl"));
        state.loaded_styles = vec![PathBuf::from("/styles/mine.csl")];
        state.citation_locale = Some("en-GB".to_owned());
        state.checks = CheckSettings {
            marks: false,
            student_mode: true,
        };
        state.study.set(
            "a paper | ada | 2024",
            "citation:intro.p1/0",
            crate::app::study::SupportAnswer::CantTell,
        );
        assert!(store.save(&state).is_ok());
        let loaded = store.load();
        assert!(loaded.warning.is_none());
        assert_eq!(loaded.state, state);
    }
}

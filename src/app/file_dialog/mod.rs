//! Choosing a file to open or a place to save one: the desktop's dialog (rfd: the
//! xdg-desktop-portal on Linux, zenity where the portal is missing) when the desktop has one,
//! else paperlens's own dialog in the window ([`PathDialog`]).
//!
//! rfd answers `None` both when the person cancels and when no dialog could be shown, so the
//! desktop's dialog is asked for only when [`desktop_dialog_status`] finds one; a `None` that
//! comes back faster than anyone could cancel ([`NativeAnswer::of`]) is taken as a dialog that
//! did not open, and paperlens's own dialog is shown instead.

mod path_dialog;

use std::path::PathBuf;
use std::time::Duration;

pub use path_dialog::{DialogEvent, DialogKind, PathDialog};

use super::trends_view::ChartExport;

/// What a file is being chosen for.
#[derive(Clone, Debug)]
pub enum FilePurpose {
    /// A paper, corpus or bibliography to open.
    Open,
    /// A place to save an export.
    Save(SaveRequest),
    /// A folder to write every slide in (File → Export slides).
    ExportSlides,
    /// A `.csl` file to format citations with (File → Load citation style…).
    LoadStyle,
}

/// An export waiting for the place to save it.
#[derive(Clone, Debug)]
pub struct SaveRequest {
    /// The file name the dialog suggests, with its extension (`references.bib`).
    pub file_name: String,
    /// What is saved, for the dialog's title and filter (`BibTeX`).
    pub label: String,
    /// The extension a name typed without one is given (`bib`).
    pub extension: String,
    /// What is written once the place is chosen.
    pub contents: SaveContents,
}

/// What an export writes.
#[derive(Clone, Debug)]
pub enum SaveContents {
    /// Text made already (references, a table, the cases, the corpus).
    Text(String),
    /// A chart of the series at this position, drawn when the place is chosen.
    Chart {
        /// The series' position in the corpus.
        series: usize,
        /// How it is exported.
        export: ChartExport,
    },
}

impl FilePurpose {
    /// The title of the dialog asking for it.
    #[must_use]
    pub fn title(&self) -> String {
        match self {
            Self::Open => "Open a paper, corpus or bibliography".to_owned(),
            Self::Save(request) => format!("Save {} as", request.label),
            Self::ExportSlides => "Choose a folder for the slides".to_owned(),
            Self::LoadStyle => "Load a citation style (.csl)".to_owned(),
        }
    }
}

/// The extensions File → Open offers: a corpus, the bibliographies, every paper format and a
/// PDF (read through `pdftotext`).
#[must_use]
pub fn openable_extensions() -> Vec<&'static str> {
    let mut everything = vec!["json", "bib", "bibtex", "ris", "pdf"];
    for kind in crate::formats::paper::PaperKind::ALL {
        for extension in kind.extensions() {
            if !everything.contains(extension) {
                everything.push(extension);
            }
        }
    }
    everything
}

/// How long the desktop's dialog must have been up before a `None` from it counts as the person
/// cancelling: nobody closes a dialog this fast, so a quicker `None` means none was shown.
pub const FASTEST_CANCEL: Duration = Duration::from_millis(250);

/// What the desktop's dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NativeAnswer {
    /// A file was chosen.
    Chosen(PathBuf),
    /// The person closed the dialog without choosing.
    Cancelled,
    /// No dialog was shown (it answered at once).
    NotShown,
}

impl NativeAnswer {
    /// The answer `picked`, given after `elapsed`, stands for.
    #[must_use]
    pub fn of(picked: Option<PathBuf>, elapsed: Duration) -> Self {
        match picked {
            Some(path) => Self::Chosen(path),
            None if elapsed < FASTEST_CANCEL => Self::NotShown,
            None => Self::Cancelled,
        }
    }
}

/// Whether the desktop can show its file dialog; `Err` says why not, in plain words.
///
/// On Linux rfd asks the xdg-desktop-portal's file chooser on the session bus and falls back to
/// the `zenity` program; either will do. Elsewhere the system's dialog is always there.
///
/// # Errors
/// Why neither the portal nor zenity is there.
pub fn desktop_dialog_status() -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        let path = std::env::var_os("PATH").unwrap_or_default();
        if program_on_path("zenity", &path) {
            return Ok(());
        }
        portal::file_chooser().map_err(|why| format!("{why}, and zenity is not installed"))
    }
    #[cfg(not(target_os = "linux"))]
    {
        Ok(())
    }
}

/// Whether an executable file `name` is in one of the folders of `path` (a `PATH` value).
#[must_use]
pub fn program_on_path(name: &str, path: &std::ffi::OsStr) -> bool {
    std::env::split_paths(path).any(|dir| {
        let candidate = dir.join(name);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::metadata(&candidate)
                .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
        }
        #[cfg(not(unix))]
        {
            candidate.is_file()
        }
    })
}

/// The xdg-desktop-portal's file chooser, asked for on the session bus.
#[cfg(target_os = "linux")]
mod portal {
    use std::time::Duration;

    /// How long the portal may take to answer (it may be started for the question).
    const TIMEOUT: Duration = Duration::from_secs(5);

    /// Why there is no portal when the session has no message bus.
    const NO_BUS: &str = "the desktop session has no message bus (D-Bus)";

    /// Why there is no portal when the bus has no file chooser.
    const NO_PORTAL: &str = "its file-dialog service, xdg-desktop-portal, is not running";

    /// Whether the session bus has the portal's file chooser: its `version` property is read,
    /// which starts the portal when it is installed but not running.
    pub(super) fn file_chooser() -> Result<(), String> {
        pollster::block_on(async {
            let connection = zbus::connection::Builder::session()
                .map(|builder| builder.method_timeout(TIMEOUT))
                .map_err(|_| NO_BUS.to_owned())?
                .build()
                .await
                .map_err(|_| NO_BUS.to_owned())?;
            connection
                .call_method(
                    Some("org.freedesktop.portal.Desktop"),
                    "/org/freedesktop/portal/desktop",
                    Some("org.freedesktop.DBus.Properties"),
                    "Get",
                    &("org.freedesktop.portal.FileChooser", "version"),
                )
                .await
                .map(|_| ())
                .map_err(|_| NO_PORTAL.to_owned())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_none_answered_at_once_is_a_dialog_that_was_not_shown() {
        assert_eq!(
            NativeAnswer::of(None, Duration::from_millis(3)),
            NativeAnswer::NotShown
        );
        assert_eq!(
            NativeAnswer::of(None, Duration::from_secs(2)),
            NativeAnswer::Cancelled
        );
        let path = PathBuf::from("/tmp/a.json");
        assert_eq!(
            NativeAnswer::of(Some(path.clone()), Duration::from_millis(1)),
            NativeAnswer::Chosen(path)
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_program_is_found_only_where_an_executable_of_its_name_is() {
        use std::os::unix::fs::PermissionsExt as _;
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temp dir");
        };
        let program = dir.path().join("zenity");
        assert!(std::fs::write(&program, "#!/bin/sh\n").is_ok());
        let path = std::env::join_paths([std::path::Path::new("/nonexistent"), dir.path()])
            .unwrap_or_default();
        assert!(!program_on_path("zenity", &path), "not executable yet");
        assert!(std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).is_ok());
        assert!(program_on_path("zenity", &path));
        assert!(!program_on_path("kdialog", &path));
    }

    #[test]
    fn open_offers_corpora_bibliographies_and_papers() {
        let extensions = openable_extensions();
        for extension in ["json", "bib", "ris", "xml", "md", "txt", "pdf"] {
            assert!(extensions.contains(&extension), "{extension}");
        }
    }
}

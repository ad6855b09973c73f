//! A tour kept beside the paper it is about: `<file name>.tour.json` next to the opened file
//! (a corpus, JATS, TEI, Markdown or plain text), or `built-in.tour.json` in the settings folder
//! for the built-in corpus. It holds a format tag and the steps, as the corpus format writes a
//! tour:
//!
//! ```json
//! { "format": "paperlens-tour/1",
//!   "steps": [ { "show": "paragraph:intro.p1", "notes": "Start here." } ] }
//! ```
//!
//! When there is one, its steps are the corpus's tour. A tour file that cannot be read never
//! stops the paper opening: it is a warning saying where and what to do.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomically;
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath, Severity, locate_paths, plain_words};
use crate::corpus::load::{self, LoadReport};
use crate::corpus::model::TourStep;
use crate::corpus::text::without_byte_order_mark;
use crate::corpus::validate::check_tour_of;

/// The format tag of a tour file.
pub const TOUR_FILE_FORMAT: &str = "paperlens-tour/1";

/// What a tour file's name adds to the name of the file it is beside.
pub const TOUR_FILE_SUFFIX: &str = ".tour.json";

/// The name of the built-in corpus's tour file, in the settings folder.
pub const BUILTIN_TOUR_FILE_NAME: &str = "built-in.tour.json";

/// A tour file's contents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourFile {
    /// Always [`TOUR_FILE_FORMAT`].
    pub format: String,
    /// The steps, in order.
    #[serde(default)]
    pub steps: Vec<TourStep>,
}

/// The tour file of the file at `path`: `paper.md` → `paper.md.tour.json`, in the same folder.
#[must_use]
pub fn tour_file_beside(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(TOUR_FILE_SUFFIX);
    path.with_file_name(name)
}

/// The built-in corpus's tour file in the settings folder `state_dir`.
#[must_use]
pub fn builtin_tour_file(state_dir: &Path) -> PathBuf {
    state_dir.join(BUILTIN_TOUR_FILE_NAME)
}

/// `steps` as a tour file's text (pretty JSON, ending with a new line).
#[must_use]
pub fn encode_tour(steps: &[TourStep]) -> String {
    let file = TourFile {
        format: TOUR_FILE_FORMAT.to_owned(),
        steps: steps.to_vec(),
    };
    // A tour file is strings only: serialising it cannot fail.
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// Saves `steps` to the tour file at `path` atomically (a reader never sees half a file).
///
/// # Errors
/// Why the file could not be written; the file on disk is then as it was.
pub fn save_tour_file(path: &Path, steps: &[TourStep]) -> std::io::Result<()> {
    write_atomically(path, encode_tour(steps).as_bytes())
}

/// A tour file as read: its steps, and its text (for the lines and columns of its problems).
#[derive(Clone, Debug)]
pub struct ReadTour {
    /// The steps, in order.
    pub steps: Vec<TourStep>,
    /// The file's text.
    pub text: String,
}

/// Reads the tour file at `path`: `Ok(None)` when there is none, else its steps, or a warning
/// saying why it cannot be read (with its line and column when it is not a tour file's JSON).
///
/// # Errors
/// The warning, when the file is there but cannot be read as a tour.
pub fn read_tour_file(path: &Path) -> Result<Option<ReadTour>, Box<Diagnostic>> {
    const WHAT_TO_DO: &str = "correct the file in a text editor (see “Tour” in the corpus \
        format guide), or delete it to start the tour afresh; the paper opened without it";
    if !path.exists() {
        return Ok(None);
    }
    let shown = path.display();
    let unreadable = |what: String| {
        Box::new(Diagnostic::warning(
            Code::TourFile,
            format!("the tour file {shown} cannot be read: {what}"),
            WHAT_TO_DO,
        ))
    };
    let bytes = load::read_limited(path).map_err(|diagnostic| unreadable(diagnostic.message))?;
    let text = String::from_utf8(bytes).map_err(|_| unreadable("it is not UTF-8 text".into()))?;
    let text = without_byte_order_mark(&text).to_owned();
    let file: TourFile = match serde_json::from_str(&text) {
        Ok(file) => file,
        Err(error) => {
            // Read again to learn where in the file's keys the error is, for the plain words.
            let mut deserializer = serde_json::Deserializer::from_str(&text);
            let path_in_file = serde_path_to_error::deserialize::<_, TourFile>(&mut deserializer)
                .err()
                .map_or_else(JsonPath::root, |e| JsonPath::from_serde(e.path()));
            let raw = error.to_string();
            let raw = raw.split(" at line ").next().unwrap_or_default();
            let (plain, _) = plain_words(raw, &path_in_file);
            let (line, column) = (error.line(), error.column().max(1));
            return Err(Box::new(Diagnostic::warning(
                Code::TourFile,
                format!("{shown}:{line}:{column}: the tour file cannot be read: {plain}"),
                WHAT_TO_DO,
            )));
        }
    };
    if file.format != TOUR_FILE_FORMAT {
        return Err(unreadable(format!(
            "its format is `{}`, not `{TOUR_FILE_FORMAT}`",
            file.format
        )));
    }
    Ok(Some(ReadTour {
        steps: file.steps,
        text,
    }))
}

/// Makes the steps of the tour file at `path` the tour of the corpus `report` opened, checked as
/// the corpus's own tour is; its problems, and a file that cannot be read, are warnings naming
/// the tour file, its line and column. Nothing changes when there is no such file.
pub fn apply_tour_file(report: &mut LoadReport, path: &Path) {
    let Some(corpus) = &mut report.corpus else {
        return;
    };
    let found = match read_tour_file(path) {
        Ok(None) => return,
        Ok(Some(read)) => {
            let mut found = check_tour_of(corpus, &read.steps, &JsonPath::root().key("steps"));
            locate_paths(&read.text, &mut found);
            for diagnostic in &mut found {
                told_in_tour_file(diagnostic, path);
            }
            corpus.file.tour = read.steps;
            found
        }
        Err(diagnostic) => vec![*diagnostic],
    };
    corpus.warnings.extend(found.iter().cloned());
    report.diagnostics.extend(found);
}

/// A problem of a tour file's step as a warning whose message names the file, line and column
/// (the report's own locations are in the paper's text).
fn told_in_tour_file(diagnostic: &mut Diagnostic, path: &Path) {
    let place = match diagnostic.location.take() {
        Some(location) => format!("{}:{}:{}", path.display(), location.line, location.column),
        None => path.display().to_string(),
    };
    let at = diagnostic
        .path
        .take()
        .map_or_else(String::new, |json| format!(" (at {json})"));
    diagnostic.message = format!("{place}: {}{at}", diagnostic.message);
    if diagnostic.severity == Severity::Error {
        diagnostic.severity = Severity::Warning;
        diagnostic.hint = format!(
            "{}; until then the step stays in the tour but is not presented",
            diagnostic.hint
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{BUILTIN_JSON, BUILTIN_NAME};

    fn step(show: &str, notes: &str) -> TourStep {
        TourStep {
            show: show.to_owned(),
            notes: notes.to_owned(),
            ..TourStep::default()
        }
    }

    fn builtin_report() -> LoadReport {
        load::load_str(BUILTIN_JSON, BUILTIN_NAME)
    }

    #[test]
    fn the_tour_file_is_named_after_the_file_it_is_beside() {
        assert_eq!(
            tour_file_beside(Path::new("papers/paper.md")),
            PathBuf::from("papers/paper.md.tour.json")
        );
        assert_eq!(
            tour_file_beside(Path::new("corpus.json")),
            PathBuf::from("corpus.json.tour.json")
        );
        assert_eq!(
            builtin_tour_file(Path::new("state")),
            PathBuf::from("state/built-in.tour.json")
        );
    }

    #[test]
    fn a_saved_tour_reads_back_the_same_and_becomes_the_corpus_tour() {
        let Ok(dir) = tempfile::tempdir() else {
            return;
        };
        let path = dir.path().join("paper.md.tour.json");
        let steps = vec![
            TourStep {
                title: Some("The drop".to_owned()),
                highlight: Some("By 2021".to_owned()),
                ..step("paragraph:introduction.p4", "Look at 2021.\nThen at 2023.")
            },
            step("case:sea-labour-trafficking", ""),
        ];
        assert!(save_tour_file(&path, &steps).is_ok());
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            text.starts_with("{\n  \"format\": \"paperlens-tour/1\""),
            "{text}"
        );
        let read = read_tour_file(&path).ok().flatten().map(|read| read.steps);
        assert_eq!(read.as_ref(), Some(&steps));

        let mut report = builtin_report();
        apply_tour_file(&mut report, &path);
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        assert_eq!(report.corpus.map(|c| c.file.tour), Some(steps));
    }

    #[test]
    fn no_tour_file_leaves_the_corpus_tour_as_it_is() {
        let Ok(dir) = tempfile::tempdir() else {
            return;
        };
        let mut report = builtin_report();
        let before = report.corpus.as_ref().map(|c| c.file.tour.clone());
        apply_tour_file(&mut report, &dir.path().join("none.tour.json"));
        assert_eq!(report.corpus.map(|c| c.file.tour), before);
        assert!(report.diagnostics.is_empty());
    }

    #[test]
    fn a_broken_tour_file_is_a_warning_with_file_line_and_column_and_the_paper_opens() {
        let Ok(dir) = tempfile::tempdir() else {
            return;
        };
        let path = dir.path().join("paper.md.tour.json");
        let broken = "{\n  \"format\": \"paperlens-tour/1\",\n  \"steps\": [\n    { \"show\": \"case:x\" \n    { \"show\": \"case:y\" }\n  ]\n}\n";
        assert!(std::fs::write(&path, broken).is_ok());
        let mut report = builtin_report();
        let before = report.corpus.as_ref().map(|c| c.file.tour.clone());
        apply_tour_file(&mut report, &path);
        let [warning] = report.diagnostics.as_slice() else {
            panic!("{:?}", report.diagnostics);
        };
        assert_eq!(warning.code, Code::TourFile);
        assert_eq!(warning.severity, Severity::Warning);
        let place = format!("{}:5:5: ", path.display());
        assert!(warning.message.starts_with(&place), "{}", warning.message);
        assert!(warning.hint.contains("delete it"), "{}", warning.hint);
        let corpus = report.corpus.as_ref();
        assert!(corpus.is_some(), "the paper still opens");
        assert_eq!(corpus.map(|c| c.file.tour.clone()), before);
        assert!(corpus.is_some_and(|c| c.warnings.contains(warning)));

        // A key the format does not know, and another format's tag.
        assert!(std::fs::write(&path, "{\"format\": \"paperlens-tour/1\", \"stepz\": []}").is_ok());
        let message = read_tour_file(&path)
            .err()
            .map(|d| d.message)
            .unwrap_or_default();
        assert!(message.contains("did you mean `steps`?"), "{message}");
        assert!(std::fs::write(&path, "{\"format\": \"paperlens-corpus/2\"}").is_ok());
        let message = read_tour_file(&path)
            .err()
            .map(|d| d.message)
            .unwrap_or_default();
        assert!(message.contains("not `paperlens-tour/1`"), "{message}");
    }

    #[test]
    fn a_step_of_the_tour_file_naming_no_item_is_a_warning_at_its_line_and_is_kept() {
        let Ok(dir) = tempfile::tempdir() else {
            return;
        };
        let path = dir.path().join("corpus.json.tour.json");
        let steps = vec![
            step("case:sea-labour-trafficking", ""),
            step("case:sea-labor-trafficking", ""),
        ];
        assert!(save_tour_file(&path, &steps).is_ok());
        let mut report = builtin_report();
        apply_tour_file(&mut report, &path);
        let [warning] = report.diagnostics.as_slice() else {
            panic!("{:?}", report.diagnostics);
        };
        assert_eq!(warning.code, Code::UnknownTourItem);
        assert_eq!(warning.severity, Severity::Warning);
        let place = format!("{}:8:15: ", path.display());
        assert!(warning.message.starts_with(&place), "{}", warning.message);
        assert!(
            warning.message.ends_with("(at $.steps[1].show)"),
            "{}",
            warning.message
        );
        assert!(
            warning
                .hint
                .contains("did you mean `case:sea-labour-trafficking`?")
        );
        assert_eq!(report.corpus.map(|c| c.file.tour), Some(steps));
    }
}

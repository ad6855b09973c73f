//! Files a paper comes in that are not text: a PDF, whose text `pdftotext` (Poppler's, when it
//! is installed) takes out for the plain-text importer, and word processors' files and files
//! named as PDFs that are none (empty, a web page), which are named, with what to do, instead
//! of being reported as text that is not UTF-8 or a corpus that is not JSON.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::corpus::load::{LoadReport, MAX_FILE_BYTES};

/// The environment variable naming the `pdftotext` program to run (its path), when it is not
/// `pdftotext` on the `PATH`.
pub const PDFTOTEXT_ENV: &str = "PAPERLENS_PDFTOTEXT";

/// How long `pdftotext` may take over one PDF before it is stopped.
const PDFTOTEXT_TIME_LIMIT: Duration = Duration::from_mins(2);

/// What to do when a PDF cannot be read: the formats paperlens reads without it.
const OTHER_FORMATS: &str = "or open the paper as JATS XML (PubMed Central and most publishers \
                             offer it), GROBID TEI, Markdown or plain text";

/// Whether `bytes` are a PDF file: its header, `%PDF-` and the version's first digit, opening
/// a line within the first kilobyte (readers look for it there; a few writers put bytes before
/// it).
#[must_use]
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes);
    memchr::memmem::find_iter(head, b"%PDF-").any(|at| {
        let opens_line = at == 0 || matches!(head.get(at - 1), Some(b'\n' | b'\r'));
        opens_line && head.get(at + 5).is_some_and(u8::is_ascii_digit)
    })
}

/// Whether the file at `path` is a PDF ([`is_pdf`]), from its first kilobyte alone; `false`
/// when it cannot be read (reading it whole then says why).
#[must_use]
pub fn file_is_pdf(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(1024);
    file.take(1024).read_to_end(&mut head).is_ok() && is_pdf(&head)
}

/// Why a file that is a word processor's document (Word, `OpenDocument`, an e-book) cannot be
/// opened, and what to do; `None` for any other file.
#[must_use]
pub fn word_processor_document(bytes: &[u8], source_name: &str) -> Option<Diagnostic> {
    let extension = crate::formats::lowercase_extension(source_name);
    let save_as_text = "save it from its program as plain text (.txt) or Markdown (`pandoc \
                        FILE -t markdown -o paper.md` keeps headings, tables and citations), or \
                        open the paper's PDF, JATS XML or TEI";
    let (kind, hint) = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        ("an old Word document (.doc)", save_as_text)
    } else if bytes.starts_with(b"PK\x03\x04") {
        match extension.as_str() {
            "docx" | "docm" | "dotx" => ("a Word document (.docx)", save_as_text),
            "odt" | "ott" => ("an OpenDocument text (.odt)", save_as_text),
            "epub" => ("an e-book (.epub)", save_as_text),
            "pages" => ("a Pages document", save_as_text),
            _ => (
                "a ZIP archive",
                "unpack it and open the paper inside (its .xml, .nxml, .pdf, .md or .txt file)",
            ),
        }
    } else {
        return None;
    };
    Some(Diagnostic::error(
        Code::PaperSyntax,
        format!("the file is {kind}, not a paper's text"),
        hint,
    ))
}

/// Why a file named as a PDF (`.pdf`) that is none cannot be opened: it is empty, a web page
/// (what a site showed instead of the PDF: a login, a cookie notice) or no text at all; `None`
/// for a PDF, any file named otherwise, or text, which opens as what it holds.
#[must_use]
pub fn misnamed_pdf(bytes: &[u8], source_name: &str) -> Option<Diagnostic> {
    if crate::formats::lowercase_extension(source_name) != "pdf" || is_pdf(bytes) {
        return None;
    }
    let head = String::from_utf8_lossy(bytes.get(..512).unwrap_or(bytes)).to_lowercase();
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let (message, hint) = if head.is_empty() {
        (
            "the file is empty: there is no PDF in it",
            "download or save the PDF again; the copy may have stopped before it began",
        )
    } else if head.starts_with('<') && head.contains("html") {
        (
            "the file is named as a PDF but holds a web page: the site may have shown a page \
             (a login, a cookie notice) instead of the PDF",
            "open the paper's page in a browser and save the PDF itself",
        )
    } else if std::str::from_utf8(bytes).is_err() {
        (
            "the file is named as a PDF but is not one: it has no PDF header (`%PDF-`) at its \
             start",
            "download the PDF again, or open the file with the program that made it",
        )
    } else {
        return None;
    };
    Some(Diagnostic::error(Code::PaperSyntax, message, hint))
}

/// The text of the PDF at `path` as `pdftotext` gives it (reading order, a blank line between
/// paragraphs, a form feed between pages), for the plain-text importer; otherwise why it could
/// not be had, in plain words: `pdftotext` missing, the PDF damaged or locked, or a scan with
/// no text in it.
///
/// # Errors
/// A diagnostic saying what went wrong and what to do.
pub fn pdf_text(path: &Path) -> Result<String, Box<Diagnostic>> {
    let program = std::env::var_os(PDFTOTEXT_ENV).unwrap_or_else(|| "pdftotext".into());
    pdf_text_with(Path::new(&program), path)
}

/// A diagnostic of a PDF that could not be read: `message`, and `hint` saying what to do.
fn unread(message: String, hint: String) -> Box<Diagnostic> {
    Box::new(Diagnostic::error(Code::PaperSyntax, message, hint))
}

/// [`pdf_text`] with the `pdftotext` program at `program`.
fn pdf_text_with(program: &Path, path: &Path) -> Result<String, Box<Diagnostic>> {
    let ran = run_pdftotext(program, path)?;
    if !ran.status.success() {
        let said = ran
            .said
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or("nothing");
        let hint = if ran.status.code() == Some(3) || said.contains("assword") {
            format!("save the PDF without its password or copy protection first, {OTHER_FORMATS}")
        } else {
            format!(
                "check that the file opens in a PDF reader (it may be damaged or cut short), \
                 {OTHER_FORMATS}"
            )
        };
        return Err(unread(
            format!("`pdftotext` could not read this PDF (it said: {said})"),
            hint,
        ));
    }
    let text = match ran.text {
        Some(Ok(text)) if text.len() as u64 > MAX_FILE_BYTES => {
            return Err(unread(
                format!(
                    "the PDF's text is more than {} MiB, more than paperlens reads",
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
                "open the paper's text a part at a time".to_owned(),
            ));
        }
        // A glyph of a font without a map to Unicode may come out as a NUL, which would have
        // the text taken for binary data.
        Some(Ok(text)) => String::from_utf8_lossy(&text).replace('\0', ""),
        Some(Err(error)) => {
            return Err(unread(
                format!("the text `pdftotext` gave could not be read: {error}"),
                format!("try again, {OTHER_FORMATS}"),
            ));
        }
        None => {
            return Err(unread(
                "the text `pdftotext` gave could not be read".to_owned(),
                format!("try again, {OTHER_FORMATS}"),
            ));
        }
    };
    if text.chars().all(|c| c.is_whitespace() || c == '\u{c}') {
        return Err(unread(
            "the PDF has no text in it: its pages are pictures (a scan)".to_owned(),
            format!(
                "give it a text layer with OCR first (`ocrmypdf scan.pdf paper.pdf`), \
                 {OTHER_FORMATS}"
            ),
        ));
    }
    Ok(text)
}

/// What a run of `pdftotext` gave: how it ended, its text (up to one byte over the limit), and
/// what it said on its standard error.
struct PdftotextRun {
    status: ExitStatus,
    text: Option<std::io::Result<Vec<u8>>>,
    said: String,
}

/// Runs `program` (`pdftotext`) over the PDF at `path`, reading both its pipes while it runs
/// (so that neither fills and stops it) and stopping it after [`PDFTOTEXT_TIME_LIMIT`].
fn run_pdftotext(program: &Path, path: &Path) -> Result<PdftotextRun, Box<Diagnostic>> {
    // A relative path is given from `.`, so that a name starting with `-` is no option.
    let path = if path.is_relative() {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    };
    let mut child = Command::new(program)
        .args(["-enc", "UTF-8", "-eol", "unix"])
        .arg(&path)
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| not_started(program, &error))?;
    let stdout = child.stdout.take().map(|pipe| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            let read = pipe.take(MAX_FILE_BYTES + 1).read_to_end(&mut text);
            read.map(|_| text)
        })
    });
    let stderr = child.stderr.take().map(|pipe| {
        std::thread::spawn(move || {
            let mut said = String::new();
            let _ = pipe.take(64 * 1024).read_to_string(&mut said);
            said
        })
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if started.elapsed() > PDFTOTEXT_TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                break Err(unread(
                    format!(
                        "`pdftotext` took more than {} seconds over this PDF and was stopped",
                        PDFTOTEXT_TIME_LIMIT.as_secs()
                    ),
                    format!("check that the file opens in a PDF reader, {OTHER_FORMATS}"),
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(error) => {
                break Err(unread(
                    format!("`pdftotext` could not be waited for: {error}"),
                    format!("try again, {OTHER_FORMATS}"),
                ));
            }
        }
    };
    // The pipes close when the program ends (or is stopped), so both readers finish.
    let text = stdout.and_then(|reader| reader.join().ok());
    let said = stderr
        .and_then(|reader| reader.join().ok())
        .unwrap_or_default();
    Ok(PdftotextRun {
        status: status?,
        text,
        said,
    })
}

/// Why `program` could not be started: not installed (how to install it), or another reason.
fn not_started(program: &Path, error: &std::io::Error) -> Box<Diagnostic> {
    if error.kind() == std::io::ErrorKind::NotFound {
        unread(
            "the file is a PDF; paperlens reads a PDF's text with `pdftotext`, which is not \
             installed"
                .to_owned(),
            format!(
                "install Poppler's utilities (Debian and Ubuntu: `apt install poppler-utils`; \
                 Fedora: `dnf install poppler-utils`; macOS: `brew install poppler`; Windows: \
                 Poppler for Windows, its `bin` folder on the PATH, or its `pdftotext.exe` named \
                 in {PDFTOTEXT_ENV}), {OTHER_FORMATS}"
            ),
        )
    } else {
        unread(
            format!(
                "the file is a PDF, and `pdftotext` ({}) could not be started: {error}",
                program.display()
            ),
            format!("check that it is a program you may run, {OTHER_FORMATS}"),
        )
    }
}

/// Says in `report` that the paper was read from the text `pdftotext` took out of its PDF:
/// the import's summary names it, and a note says what that means for what was found.
pub fn note_read_from_pdf(report: &mut LoadReport) {
    let note = Diagnostic::info(
        Code::ImportIncomplete,
        "the paper was read from the text `pdftotext` took out of the PDF: its headings, \
         reference list, tables and figure captions were found from how that text is laid out, \
         and the lines and columns these messages give are that text's",
        "check the sections and references found; where the publisher offers the paper as JATS \
         XML, open that instead (`pdftotext PAPER.pdf -` prints the text read)",
    );
    let noted = |diagnostics: &mut Vec<Diagnostic>| {
        for diagnostic in diagnostics.iter_mut() {
            if diagnostic.code == Code::Imported {
                diagnostic.message = diagnostic.message.replacen(
                    "read as plain text",
                    "read as the text pdftotext took from the PDF",
                    1,
                );
            }
        }
        diagnostics.push(note.clone());
    };
    noted(&mut report.diagnostics);
    if let Some(corpus) = &mut report.corpus {
        noted(&mut corpus.warnings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_told_by_its_header_and_a_word_document_by_its_signature() {
        assert!(is_pdf(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"));
        // Some writers put a few bytes before the header; readers look within the first KB.
        assert!(is_pdf(b"\r\n%PDF-1.4\n"));
        assert!(!is_pdf(
            b"Title of a paper\n\nThe %PDF-1.7 header is named here."
        ));
        assert!(!is_pdf(b"%PDF-"));
        let docx = word_processor_document(b"PK\x03\x04\x14\x00", "essay.DOCX");
        assert_eq!(
            docx.map(|d| d.message).as_deref(),
            Some("the file is a Word document (.docx), not a paper's text")
        );
        let doc = word_processor_document(
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
            "essay.doc",
        );
        assert!(doc.is_some_and(|d| d.message.contains("old Word document")));
        assert!(word_processor_document(b"PK\x03\x04", "paper.odt").is_some());
        let archive = word_processor_document(b"PK\x03\x04", "pmc-package.zip");
        assert!(archive.is_some_and(|d| d.hint.starts_with("unpack it")));
        assert!(word_processor_document(b"Plain words.", "paper.txt").is_none());
    }

    #[test]
    fn a_file_named_as_a_pdf_that_is_none_says_what_it_is() {
        let message = |bytes: &[u8]| misnamed_pdf(bytes, "paper.PDF").map(|d| d.message);
        assert_eq!(
            message(b"").as_deref(),
            Some("the file is empty: there is no PDF in it")
        );
        assert!(
            message(b"\n<!DOCTYPE html><html><head><title>Sign in</title>")
                .is_some_and(|m| m.contains("holds a web page"))
        );
        assert!(message(b"\x89PNG\r\n\x1a\n\x00").is_some_and(|m| m.contains("no PDF header")));
        // Text opens as what it holds; a PDF and a file named otherwise are no concern here.
        assert_eq!(message(b"A Title\n\nSome text."), None);
        assert_eq!(message(b"%PDF-1.7\n"), None);
        assert_eq!(misnamed_pdf(b"", "paper.txt"), None);
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn a_pdf_file_is_told_from_its_first_kilobyte() {
        let folder = tempfile::tempdir().unwrap();
        let pdf = folder.path().join("paper.pdf");
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.resize(4096, b' ');
        std::fs::write(&pdf, &bytes).unwrap();
        assert!(file_is_pdf(&pdf));
        let text = folder.path().join("paper.txt");
        std::fs::write(&text, "A Title\n\nThe header %PDF-1.7 is named here.").unwrap();
        assert!(!file_is_pdf(&text));
        assert!(!file_is_pdf(&folder.path().join("missing.pdf")));
    }

    #[test]
    fn no_pdftotext_says_how_to_install_it() {
        let Err(problem) = pdf_text_with(
            Path::new("/nonexistent/paperlens-test/pdftotext"),
            Path::new("paper.pdf"),
        ) else {
            panic!("no program, no text");
        };
        assert_eq!(
            problem.message,
            "the file is a PDF; paperlens reads a PDF's text with `pdftotext`, which is not \
             installed"
        );
        assert!(
            problem.hint.contains("apt install poppler-utils"),
            "{}",
            problem.hint
        );
        assert!(problem.hint.contains(PDFTOTEXT_ENV), "{}", problem.hint);
    }
}

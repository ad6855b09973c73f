//! Reading a corpus in the paperlens format: size limit, UTF-8, JSON syntax and types, then
//! validation and indexing. Every failure becomes a located [`Diagnostic`].
//!
//! Only the corpus format is read here; opening any file (bibliographies too) is the opening
//! layer's job (`crate::open`).

use std::io::Read as _;
use std::path::Path;

use super::diagnostics::{
    Code, Diagnostic, JsonPath, Location, guide_hint, guide_section, locate_paths, plain_words,
};
use super::model::{self, CorpusFile};
use super::text::without_byte_order_mark;
use super::{Corpus, migrate};

/// The largest corpus file paperlens reads: 64 MiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a load produced no corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// The file could not be read at all (missing, a directory, no permission, too large).
    Unreadable,
    /// The file was read but is not a valid corpus.
    Invalid,
}

/// The outcome of loading: the corpus if it is valid, and every diagnostic either way.
#[derive(Clone, Debug)]
pub struct LoadReport {
    /// The file's name as given, for messages.
    pub source_name: String,
    /// The text that was read (after removing a UTF-8 byte-order mark), when it was text.
    pub source_text: Option<String>,
    /// The loaded corpus, when there were no errors.
    pub corpus: Option<Corpus>,
    /// Every error and warning, located where possible.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadReport {
    /// Why there is no corpus, or `None` when there is one.
    #[must_use]
    pub fn failure(&self) -> Option<LoadFailure> {
        if self.corpus.is_some() {
            None
        } else if self.source_text.is_none()
            && self
                .diagnostics
                .iter()
                .any(|d| matches!(d.code, Code::Io | Code::TooLarge))
        {
            Some(LoadFailure::Unreadable)
        } else {
            Some(LoadFailure::Invalid)
        }
    }

    /// A report of a load that failed with one diagnostic.
    #[must_use]
    pub fn failed(source_name: &str, source_text: Option<String>, diagnostic: Diagnostic) -> Self {
        Self {
            source_name: source_name.to_owned(),
            source_text,
            corpus: None,
            diagnostics: vec![diagnostic],
        }
    }
}

/// Reads at most [`MAX_FILE_BYTES`] from `path`, with a clear diagnostic for every failure.
///
/// # Errors
/// A diagnostic saying why the file cannot be read.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    let io_error = |what: String| {
        Diagnostic::error(
            Code::Io,
            what,
            "check the path and that you may read the file",
        )
    };
    let metadata = std::fs::metadata(path)
        .map_err(|e| Box::new(io_error(format!("cannot read `{}`: {e}", path.display()))))?;
    if metadata.is_dir() {
        return Err(Box::new(io_error(format!(
            "`{}` is a directory, not a corpus file",
            path.display()
        ))));
    }
    let too_large = |size: u64| {
        Diagnostic::error(
            Code::TooLarge,
            format!(
                "`{}` is {} MiB; paperlens reads corpus files of at most {} MiB",
                path.display(),
                size / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            "split the corpus into smaller files, or remove embedded data it does not need",
        )
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(Box::new(too_large(metadata.len())));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Box::new(io_error(format!("cannot open `{}`: {e}", path.display()))))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Box::new(io_error(format!("cannot read `{}`: {e}", path.display()))))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Box::new(too_large(bytes.len() as u64)));
    }
    Ok(bytes)
}

/// Checks raw bytes for size and UTF-8 and returns them as text, or the report of a failed
/// load saying why they are not.
///
/// # Errors
/// A report holding the diagnostic, when the bytes are too many or not UTF-8.
pub fn decode<'a>(bytes: &'a [u8], source_name: &str) -> Result<&'a str, Box<LoadReport>> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let diagnostic = Diagnostic::error(
            Code::TooLarge,
            format!(
                "the corpus is {} MiB; paperlens reads corpus files of at most {} MiB",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            "split the corpus into smaller files",
        );
        return Err(Box::new(LoadReport::failed(source_name, None, diagnostic)));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
            let valid_text = std::str::from_utf8(valid).unwrap_or_default();
            let location = Location::at_offset(valid_text, valid_text.len(), 0);
            // No bad byte, only a character cut off by the end: the file is incomplete.
            let diagnostic = if error.error_len().is_none() {
                Diagnostic::error(
                    Code::InvalidUtf8,
                    format!(
                        "the file ends in the middle of a UTF-8 character (at offset {}); it looks truncated",
                        error.valid_up_to()
                    ),
                    "open the complete file (a download or copy may have stopped early)",
                )
            } else {
                Diagnostic::error(
                    Code::InvalidUtf8,
                    format!(
                        "the file is not valid UTF-8 (bad byte at offset {})",
                        error.valid_up_to()
                    ),
                    "save the file as UTF-8 (most editors offer this under \"Save with encoding\")",
                )
            }
            .located(location);
            Err(Box::new(LoadReport::failed(source_name, None, diagnostic)))
        }
    }
}

/// Loads a corpus from its JSON text: parsed, validated and indexed. A leading UTF-8
/// byte-order mark is ignored.
#[must_use]
pub fn load_str(text: &str, source_name: &str) -> LoadReport {
    let text = without_byte_order_mark(text);
    let mut report = LoadReport {
        source_name: source_name.to_owned(),
        source_text: None,
        corpus: None,
        diagnostics: Vec::new(),
    };
    // A file in the current format is read once; only a file that is not (or that says it is
    // in the first version) is looked at again for the first version's tag.
    let mut parsed = parse(text);
    let format_1 = match &parsed {
        Ok(file) => file.format == model::FORMAT_V1,
        Err(_) => migrate::is_format_1(text),
    };
    if format_1 {
        parsed = migrate::parse_format_1(text);
    }
    match parsed {
        Err(diagnostic) => report.diagnostics.push(*diagnostic),
        Ok(file) => match Corpus::from_file(file, source_name) {
            Ok(corpus) => {
                report.diagnostics.clone_from(&corpus.warnings);
                report.corpus = Some(corpus);
            }
            Err(diagnostics) => report.diagnostics = diagnostics,
        },
    }
    if format_1 {
        report.diagnostics.insert(0, migrate::migrated_notice());
    }
    if !report.diagnostics.is_empty() {
        locate(text, &mut report.diagnostics);
        if let Some(corpus) = &mut report.corpus {
            corpus.warnings.clone_from(&report.diagnostics);
        }
        report.source_text = Some(text.to_owned());
    }
    report
}

/// Gives each diagnostic about the corpus `text` its line and column (from its JSON path) and
/// a hint naming the section of the format guide that describes the value it is about.
pub fn locate(text: &str, diagnostics: &mut [Diagnostic]) {
    locate_paths(text, diagnostics);
    for diagnostic in diagnostics {
        if matches!(
            diagnostic.code,
            Code::UnknownCslField | Code::UnknownDateKey
        ) {
            point_at_key(text, diagnostic);
        }
        // Every rule about a value is described in the guide's section for that value.
        if let Some(path) = &diagnostic.path
            && !diagnostic.hint.contains("corpus format guide")
        {
            let guide = guide_hint(guide_section(path));
            diagnostic.hint = format!("{}; {guide}", diagnostic.hint);
        }
    }
}

/// Parses JSON into a [`CorpusFile`], reporting the first syntax or type error with its JSON
/// path and line:column.
///
/// # Errors
/// A located diagnostic for the first syntax or type error.
pub fn parse(text: &str) -> Result<CorpusFile, Box<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(Box::new(Diagnostic::error(
            Code::JsonSyntax,
            "the file is empty",
            "a corpus is a JSON object starting with `{\"format\": \"paperlens-corpus/2\", …`",
        )));
    }
    let first = text.trim_start().chars().next().unwrap_or(' ');
    if first != '{' {
        let offset = text.len() - text.trim_start().len();
        // Escaped, so that a NUL byte or an invisible character shows as what it is.
        let shown = first.escape_debug();
        return Err(Box::new(Diagnostic::error(
            Code::JsonType,
            format!("a corpus is a JSON object, but this file starts with `{shown}`"),
            "a corpus file starts with `{\"format\": \"paperlens-corpus/2\", …`; paperlens also opens bibliographies: a CSL-JSON array (`[…]`), BibTeX (`.bib`) or RIS (`.ris`). Is this the right file?",
        )
        .located(Location::at_offset(text, offset, first.len_utf8()))));
    }
    // Most files are valid: read them without tracking the JSON path, which costs an
    // allocation per key; only a file with an error is read again to say where it is.
    if let Ok(file) = serde_json::from_str::<CorpusFile>(text) {
        return Ok(file);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result: Result<CorpusFile, _> = serde_path_to_error::deserialize(&mut deserializer);
    let file = match result {
        Ok(file) => file,
        Err(error) => {
            let path = JsonPath::from_serde(error.path());
            let inner = error.into_inner();
            let mut diagnostic = json_error(text, &inner, path.clone());
            let well_formed = || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
            // serde_json reports some shape mismatches (`{}` where a name like `"book"` is
            // expected) as syntax errors; when the JSON is in fact well-formed, say what it is.
            if inner.classify() == serde_json::error::Category::Syntax
                && !diagnostic.message.contains("recursion limit")
                && !diagnostic.message.contains("out of range")
                && well_formed()
            {
                diagnostic.code = Code::JsonType;
                diagnostic.message = format!(
                    "this value does not have the type or shape the format expects ({})",
                    diagnostic
                        .message
                        .strip_prefix("the JSON is not well-formed: ")
                        .unwrap_or(&diagnostic.message)
                );
                diagnostic.hint = format!(
                    "this value's expected shape: {}",
                    guide_hint(guide_section(&path))
                );
            } else if diagnostic.code == Code::JsonType && well_formed() {
                point_at_value(text, &mut diagnostic);
            }
            if inner.classify() == serde_json::error::Category::Data {
                let (message, shape) = plain_words(&diagnostic.message, &path);
                diagnostic.message = message;
                let guide = guide_hint(guide_section(&path));
                diagnostic.hint = match shape {
                    Some(shape) => format!("{shape}; {guide}"),
                    None => format!("this value's expected shape: {guide}"),
                };
            }
            return Err(Box::new(diagnostic));
        }
    };
    deserializer
        .end()
        .map_err(|e| Box::new(json_error(text, &e, JsonPath::root())))?;
    Ok(file)
}

/// Points a type error at the value its JSON path names, instead of where `serde_json` stopped
/// reading (the end of that value, which for an object or array can be many lines further on).
/// A string, number or literal is spanned whole; an object or array by its opening bracket; an
/// unknown or duplicate field by its key. `text` must be well-formed JSON; where the path is
/// the root or is not found, the diagnostic keeps the position `serde_json` gave.
fn point_at_value(text: &str, diagnostic: &mut Diagnostic) {
    let Some(reported) = diagnostic.location.take() else {
        return;
    };
    if ["unknown field", "duplicate field"]
        .iter()
        .any(|key_error| diagnostic.message.starts_with(key_error))
    {
        // The key is what is wrong; serde_json stops on its closing quote.
        let key_start = text
            .get(..reported.offset)
            .and_then(|before| before.rfind('"'))
            .filter(|_| text.as_bytes().get(reported.offset) == Some(&b'"'));
        diagnostic.location = Some(key_start.map_or(reported, |start| {
            Location::at_offset(text, start, reported.offset + 1 - start)
        }));
        return;
    }
    locate_paths(text, std::slice::from_mut(diagnostic));
    match &mut diagnostic.location {
        Some(location) => {
            if matches!(text.as_bytes().get(location.offset), Some(b'{' | b'[')) {
                location.length = 1;
            }
        }
        None => diagnostic.location = Some(reported),
    }
}

/// Moves a diagnostic located at a value to the key before it (`"titel": "…"` → `"titel"`), for
/// diagnostics about the key itself. Where the key is not found just before the value (written
/// with escapes, say), the location stays at the value.
fn point_at_key(text: &str, diagnostic: &mut Diagnostic) {
    let Some(super::diagnostics::PathSegment::Key(key)) =
        diagnostic.path.as_ref().and_then(|path| path.0.last())
    else {
        return;
    };
    let Some(location) = diagnostic.location else {
        return;
    };
    let quoted = format!("\"{key}\"");
    let key_start = text.get(..location.offset).and_then(|before| {
        let before_colon = before.trim_end().strip_suffix(':')?.trim_end();
        before_colon
            .ends_with(&quoted)
            .then(|| before_colon.len() - quoted.len())
    });
    if let Some(start) = key_start {
        diagnostic.location = Some(Location::at_offset(text, start, quoted.len()));
    }
}

/// A diagnostic for a `serde_json` error in `text`, located at its line and column.
#[must_use]
pub fn json_error(text: &str, error: &serde_json::Error, path: JsonPath) -> Diagnostic {
    use serde_json::error::Category;
    let location = Location::at_line_byte_column(text, error.line(), error.column());
    // serde_json appends " at line L column C"; the location carries that already.
    let message = error.to_string();
    let message = shorten_message(
        message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(head, _)| head),
    );
    // Too deep a document ends its path in a long run of `[0]` or `.key`: name where the
    // nesting starts and how deep it goes instead.
    let too_deep = message.contains("recursion limit");
    let (path, levels_inside) = if too_deep {
        path.split_repeated_tail()
    } else {
        (path, 0)
    };
    let message = if levels_inside > 0 {
        format!("{message}, {levels_inside} levels inside this value")
    } else {
        message
    };
    let (code, message, hint) = match error.classify() {
        Category::Eof => (
            Code::JsonSyntax,
            format!("the JSON ends too early: {message}"),
            "the file looks truncated; open the complete file, or close every `{`, `[` and `\"`",
        ),
        Category::Syntax => (
            Code::JsonSyntax,
            format!("the JSON is not well-formed: {message}"),
            if too_deep {
                "the document nests arrays or objects too deeply; a corpus needs only a few levels"
            } else {
                "fix the JSON syntax at this point (a missing comma, quote or bracket is the usual cause)"
            },
        ),
        Category::Data => (
            Code::JsonType,
            message,
            "see the corpus format guide (`paperlens docs format`) for the expected shape of this value",
        ),
        Category::Io => (Code::Io, message, "check that the file can be read"),
    };
    let mut diagnostic = Diagnostic::error(code, message, hint).located(location);
    if error.classify() == Category::Syntax
        && diagnostic.message.ends_with("trailing comma")
        && let Some(comma) = trailing_comma_before(text, location.offset)
    {
        "there is a comma after the last item of this object or list"
            .clone_into(&mut diagnostic.message);
        "remove this comma: JSON allows none after the last item".clone_into(&mut diagnostic.hint);
        diagnostic.location = Some(Location::at_offset(text, comma, 1));
    }
    if !path.0.is_empty() {
        diagnostic = diagnostic.at(path);
    }
    diagnostic
}

/// The offset of the comma before the closing `}` or `]` at or just before `offset`, with
/// only white space between them.
fn trailing_comma_before(text: &str, offset: usize) -> Option<usize> {
    let head = text.get(..offset.saturating_add(1).min(text.len()))?;
    let closing = head.rfind(['}', ']'])?;
    let before = head.get(..closing)?.trim_end();
    before.ends_with(',').then(|| before.len() - 1)
}

/// A `serde_json` message with long values cut: serde quotes the offending key or string in
/// full, and a 10 MB string would otherwise make a 10 MB message. Each word longer than 80
/// characters keeps its start and end; a message still longer than 400 characters keeps its
/// start and end.
fn shorten_message(message: &str) -> String {
    const MAX_WORD: usize = 80;
    const MAX_MESSAGE: usize = 400;
    let cut = |text: &str, head: usize, tail: usize| -> String {
        let chars = text.chars().count();
        if chars <= head + tail + 1 {
            return text.to_owned();
        }
        let start: String = text.chars().take(head).collect();
        let end: String = text.chars().skip(chars - tail).collect();
        format!("{start}…{end}")
    };
    let words: Vec<String> = message
        .split(' ')
        .map(|word| {
            if word.chars().count() > MAX_WORD {
                cut(word, 60, 5)
            } else {
                word.to_owned()
            }
        })
        .collect();
    let joined = words.join(" ");
    if joined.chars().count() > MAX_MESSAGE {
        cut(&joined, 250, 140)
    } else {
        joined
    }
}

//! Diagnostics: what is wrong with a corpus file, where, and what to do about it.
//!
//! Every problem found while reading, parsing or validating a corpus becomes a [`Diagnostic`]
//! with a stable [`Code`], a JSON path and (where the source text is at hand) a line and column.
//! [`render_human`] prints them as a compiler does; [`render_json`] as machine-readable JSON.

mod location;
mod plain;
mod render;

use std::fmt;

use serde::Serialize;

pub use location::{JsonPath, LineIndex, Location, PathSegment, locate_paths};
pub use plain::{guide_hint, guide_section, plain_words};
pub use render::{render_human, render_json};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The corpus cannot be used as it is.
    Error,
    /// The corpus loads, but something is probably not what its author meant.
    Warning,
    /// Nothing is wrong; something was done that the user should know (a file migrated).
    Info,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// A stable code naming the kind of problem. The string form never changes between versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum Code {
    /// The file could not be read.
    Io,
    /// The file is larger than paperlens accepts.
    TooLarge,
    /// The file is not valid UTF-8.
    InvalidUtf8,
    /// The file is not well-formed JSON.
    JsonSyntax,
    /// The JSON is well-formed but a value has the wrong type or an unexpected key.
    JsonType,
    /// The `format` key names a version this build does not read.
    UnsupportedFormat,
    /// Two records of one kind share an id.
    DuplicateId,
    /// A `[@key]` citation names no reference.
    UnknownCitationKey,
    /// A printed numeric citation marker (`[59]`) names a number no reference carries.
    UnknownCitationNumber,
    /// A `[@…` citation is not closed or has an empty key.
    MalformedCitation,
    /// A reference is never cited in the text, a caption, a table's notes or a footnote.
    UncitedReference,
    /// A link names a section that does not exist.
    UnknownSection,
    /// A link names a paragraph that does not exist.
    UnknownParagraph,
    /// A link names an entity that does not exist.
    UnknownEntity,
    /// A link names a region that does not exist.
    UnknownRegion,
    /// A link names a reference that does not exist.
    UnknownReference,
    /// A link names a case that does not exist.
    UnknownCase,
    /// A link names a series that does not exist.
    UnknownSeries,
    /// A link names a table row that does not exist.
    UnknownTableRow,
    /// A link names a table that does not exist.
    UnknownTable,
    /// A link names a figure that does not exist.
    UnknownFigure,
    /// A link names a footnote that does not exist (in a note, or a `[^id]` marker).
    UnknownFootnote,
    /// A footnote is never marked `[^id]` in the text.
    UnmarkedFootnote,
    /// A cell reference names a column its table does not have.
    UnknownColumn,
    /// A table row has more or fewer cells than its table has columns.
    CellCount,
    /// A table's header row spans more or fewer columns than the table has.
    HeaderSpan,
    /// A series point quotes no source, or more than one (paragraph, cell, figure, abstract).
    PointSource,
    /// A series read from a table names neither a row nor a column, or both, or cells that hold
    /// no year.
    TableSeries,
    /// A `derived` point does not say how it was derived.
    MissingDerivation,
    /// A figure's image file is not beside the corpus.
    ImageNotFound,
    /// The file is in the first version of the format and was migrated on load.
    MigratedFormat,
    /// Sections' `parent` links form a cycle.
    SectionCycle,
    /// A series has the same year twice.
    SeriesYearDuplicate,
    /// A series' years are not in ascending order.
    SeriesYearOrder,
    /// A point marked `not_stated` carries a value.
    ValueOnNotStated,
    /// A point marked `stated` or `approximate` has no value.
    MissingValue,
    /// A value is not a finite number.
    NonFiniteValue,
    /// An annotation's years are reversed.
    AnnotationRange,
    /// An entity's `since` is not a plausible year (before 1000 or after 2100).
    EntitySince,
    /// A quote does not occur in the paragraph it points to.
    QuoteNotFound,
    /// Required text is empty.
    EmptyText,
    /// A tour step's `show` names no item of the corpus.
    UnknownTourItem,
    /// A tour step's highlight does not occur in the passage it shows, or the step shows no
    /// passage.
    HighlightNotFound,
    /// The tour file kept beside a paper cannot be read; the paper opens without it.
    TourFile,
    /// Two references carry the same printed citation number.
    DuplicateCitationNumber,
    /// A reference's `type` is not one of the CSL item types.
    UnknownCslType,
    /// A reference has a field that is not a CSL-JSON variable; it is kept but not used.
    UnknownCslField,
    /// A CSL date has a key that is not a CSL date key; it is kept but not used.
    UnknownDateKey,
    /// A CSL date variable (`accessed`, `event-date` …) is not a CSL date object.
    MalformedDate,
    /// "et al." is written as an author (or editor); styles add it themselves.
    EtAlAuthor,
    /// A bibliography entry (BibTeX entry, RIS record, CSL-JSON item) cannot be read; it is
    /// left out and the others load.
    SkippedEntry,
    /// A BibTeX file cannot be read at all (the parser failed outside any entry, or stopped).
    BibtexSyntax,
    /// What importing a paper (JATS, TEI, Markdown, plain text) found: sections, references,
    /// citations, tables, figures.
    Imported,
    /// Something in an imported paper that could not be mapped (a figure without its image, a
    /// construct left out); the rest is read.
    ImportIncomplete,
    /// A citation marker in an imported paper whose target is missing: kept as printed text.
    UnresolvedMarker,
    /// A key a Markdown paper cites is not in its bibliography: kept as printed text.
    MissingBibliographyEntry,
    /// An imported paper holds none of its own text (its front matter alone, as GROBID's
    /// header-only output or a scanned article): nothing cites its references.
    NoPaperText,
    /// An imported paper cannot be read at all (XML that is not well-formed, nesting too deep,
    /// no text found).
    PaperSyntax,
}

impl Code {
    /// The stable string form, e.g. `"unknown-citation-key"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Io => "io",
            Self::TooLarge => "too-large",
            Self::InvalidUtf8 => "invalid-utf8",
            Self::JsonSyntax => "json-syntax",
            Self::JsonType => "json-type",
            Self::UnsupportedFormat => "unsupported-format",
            Self::DuplicateId => "duplicate-id",
            Self::UnknownCitationKey => "unknown-citation-key",
            Self::UnknownCitationNumber => "unknown-citation-number",
            Self::MalformedCitation => "malformed-citation",
            Self::UncitedReference => "uncited-reference",
            Self::UnknownSection => "unknown-section",
            Self::UnknownParagraph => "unknown-paragraph",
            Self::UnknownEntity => "unknown-entity",
            Self::UnknownRegion => "unknown-region",
            Self::UnknownReference => "unknown-reference",
            Self::UnknownCase => "unknown-case",
            Self::UnknownSeries => "unknown-series",
            Self::UnknownTableRow => "unknown-table-row",
            Self::UnknownTable => "unknown-table",
            Self::UnknownFigure => "unknown-figure",
            Self::UnknownFootnote => "unknown-footnote",
            Self::UnmarkedFootnote => "unmarked-footnote",
            Self::UnknownColumn => "unknown-column",
            Self::CellCount => "cell-count",
            Self::HeaderSpan => "header-span",
            Self::PointSource => "point-source",
            Self::TableSeries => "table-series",
            Self::MissingDerivation => "missing-derivation",
            Self::ImageNotFound => "image-not-found",
            Self::MigratedFormat => "migrated-format",
            Self::Imported => "imported",
            Self::ImportIncomplete => "import-incomplete",
            Self::UnresolvedMarker => "unresolved-marker",
            Self::MissingBibliographyEntry => "missing-bibliography-entry",
            Self::NoPaperText => "no-paper-text",
            Self::PaperSyntax => "paper-syntax",
            Self::SectionCycle => "section-cycle",
            Self::SeriesYearDuplicate => "series-year-duplicate",
            Self::SeriesYearOrder => "series-year-order",
            Self::ValueOnNotStated => "value-on-not-stated",
            Self::MissingValue => "missing-value",
            Self::NonFiniteValue => "non-finite-value",
            Self::AnnotationRange => "annotation-range",
            Self::EntitySince => "entity-since",
            Self::QuoteNotFound => "quote-not-found",
            Self::EmptyText => "empty-text",
            Self::UnknownTourItem => "unknown-tour-item",
            Self::HighlightNotFound => "highlight-not-found",
            Self::TourFile => "tour-file",
            Self::DuplicateCitationNumber => "duplicate-citation-number",
            Self::UnknownCslType => "unknown-csl-type",
            Self::UnknownCslField => "unknown-csl-field",
            Self::UnknownDateKey => "unknown-date-key",
            Self::MalformedDate => "malformed-date",
            Self::EtAlAuthor => "et-al-author",
            Self::SkippedEntry => "skipped-entry",
            Self::BibtexSyntax => "bibtex-syntax",
        }
    }
}

impl From<Code> for &'static str {
    fn from(code: Code) -> Self {
        code.as_str()
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code naming the kind of problem.
    pub code: Code,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where in the JSON document, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<JsonPath>,
    /// Where in the source text, when known.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// What to do about it.
    pub hint: String,
    /// Text inside the value at `path` that the diagnostic is about; narrows the location.
    #[serde(skip)]
    pub needle: Option<String>,
}

impl Diagnostic {
    /// An error with a message and a hint.
    #[must_use]
    pub fn error(code: Code, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            path: None,
            location: None,
            hint: hint.into(),
            needle: None,
        }
    }

    /// A warning with a message and a hint.
    #[must_use]
    pub fn warning(code: Code, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, message, hint)
        }
    }

    /// A piece of information with a message and a hint.
    #[must_use]
    pub fn info(code: Code, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            severity: Severity::Info,
            ..Self::error(code, message, hint)
        }
    }

    /// This diagnostic, pointing at `path`.
    #[must_use]
    pub fn at(mut self, path: JsonPath) -> Self {
        self.path = Some(path);
        self
    }

    /// This diagnostic, pointing at `needle` inside the value at its path.
    #[must_use]
    pub fn within(mut self, needle: impl Into<String>) -> Self {
        self.needle = Some(needle.into());
        self
    }

    /// This diagnostic, pointing at a source location.
    #[must_use]
    pub fn located(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Whether this is an error (as opposed to a warning).
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` (or just `file`) for this diagnostic.
    #[must_use]
    pub fn position(&self, file_name: &str) -> String {
        match self.location {
            Some(location) => format!("{file_name}:{}:{}", location.line, location.column),
            None => file_name.to_owned(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {}",
            self.severity.as_str(),
            self.code,
            self.message
        )?;
        if let Some(path) = &self.path {
            write!(f, " (at {path})")?;
        }
        Ok(())
    }
}

/// Counts errors and warnings.
#[must_use]
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let of = |severity: Severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    (of(Severity::Error), of(Severity::Warning))
}

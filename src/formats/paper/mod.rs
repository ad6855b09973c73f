//! Papers in the formats they come in, read as a format-2 corpus: JATS XML ([`jats`]), GROBID's
//! TEI XML ([`tei`]), Pandoc Markdown with its bibliography ([`markdown`]) and plain text with
//! numbered or author–date citations ([`plain`]).
//!
//! Each importer walks its source and hands what it finds to a [`PaperBuilder`], which makes the
//! corpus (unique ids, citations written with their printed form, tables and figures placed,
//! entities found) and the report of what was found and what could not be mapped. Nothing here
//! reads files: a Markdown paper's bibliography is read through [`ImportOptions::read_beside`].

mod accents;
mod builder;
mod entities;
mod finish;
mod jats;
mod lists;
mod markdown;
pub mod mathml;
mod name_case;
mod plain;
#[cfg(test)]
mod random;
mod side_by_side;
mod tei;
mod unlinked;
mod writer;
pub mod xml;

pub use builder::{
    FigureDraft, PaperBuilder, Rich, Span, TableDraft, UNTITLED_SECTION, collapse_whitespace,
};
pub use entities::definitions as acronym_definitions;
pub use finish::{escape, slug};

use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::corpus::model::CorpusFile;
use crate::corpus::text::without_byte_order_mark;

use super::{ReferenceFormat, lowercase_extension, opens_as_json};

/// The formats a paper is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum PaperKind {
    /// JATS XML (`PubMed` Central `.nxml`, PLOS, eLife and most publishers).
    #[value(name = "jats")]
    Jats,
    /// GROBID's TEI XML (what GROBID makes of a PDF).
    #[value(name = "tei")]
    Tei,
    /// Pandoc Markdown with a YAML header and a bibliography (JOSS papers, theses).
    #[value(name = "markdown")]
    Markdown,
    /// Plain text with numbered citations and a numbered reference list, or author–date ones
    /// and an unnumbered list.
    #[value(name = "text")]
    PlainText,
}

impl PaperKind {
    /// Every kind.
    pub const ALL: [Self; 4] = [Self::Jats, Self::Tei, Self::Markdown, Self::PlainText];

    /// The kind's name in messages.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Jats => "JATS XML",
            Self::Tei => "GROBID TEI XML",
            Self::Markdown => "Pandoc Markdown",
            Self::PlainText => "plain text",
        }
    }

    /// Where a file of this kind gives the paper's title: what to do when it has none.
    #[must_use]
    pub fn title_hint(self) -> &'static str {
        match self {
            Self::Jats => "give the article an `<article-title>` in its `<title-group>`",
            Self::Tei => "give the paper a `<title>` in the `<titleStmt>` of its header",
            Self::Markdown => "start the file with a YAML header holding `title: …`",
            Self::PlainText => "put the title on the file's first line, with a blank line after it",
        }
    }

    /// The file extensions File → Open offers for it.
    #[must_use]
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Jats => &["xml", "nxml", "jats"],
            Self::Tei => &["xml", "tei"],
            Self::Markdown => &["md", "markdown", "qmd", "rmd"],
            Self::PlainText => &["txt", "text"],
        }
    }

    /// Whether `file_name` has the extension of some kind of paper (`.xml`, `.nxml`, `.md`,
    /// `.txt` …), whatever the file holds.
    #[must_use]
    pub fn is_paper_file_name(file_name: &str) -> bool {
        let extension = lowercase_extension(file_name);
        Self::ALL
            .into_iter()
            .any(|kind| kind.extensions().contains(&extension.as_str()))
    }

    /// The kind of paper `text` (read from a file named `file_name`) is, from its content
    /// first and its name second; `None` for a paperlens corpus, a bibliography or an empty
    /// file.
    #[must_use]
    pub fn detect(file_name: &str, text: &str) -> Option<Self> {
        let text = without_byte_order_mark(text);
        let start = text.trim_start();
        if start.is_empty() {
            return None;
        }
        let extension = lowercase_extension(file_name);
        if start.starts_with('<') {
            let head: String = start.chars().take(8192).collect();
            if head.contains("<TEI") || head.contains("tei-c.org/ns") {
                return Some(Self::Tei);
            }
            if head.contains("<article") || head.contains("JATS") || head.contains("NLM//DTD") {
                return Some(Self::Jats);
            }
            match extension.as_str() {
                "nxml" | "jats" => return Some(Self::Jats),
                "tei" => return Some(Self::Tei),
                // A Markdown or text file may open with HTML: `<!-- image -->`, as converters
                // of PDFs write it, or a `<div>`.
                named
                    if Self::Markdown.extensions().contains(&named)
                        || Self::PlainText.extensions().contains(&named) => {}
                _ => return None,
            }
        }
        if Self::Markdown.extensions().contains(&extension.as_str()) {
            return Some(Self::Markdown);
        }
        if opens_as_json(start) {
            return None;
        }
        if markdown::looks_like_markdown(start) {
            return Some(Self::Markdown);
        }
        if ReferenceFormat::detect(file_name, text).is_some() {
            return None;
        }
        (Self::PlainText.extensions().contains(&extension.as_str()) || extension.is_empty())
            .then_some(Self::PlainText)
    }
}

/// What an import is given besides the paper's text.
pub struct ImportOptions<'a> {
    /// A bibliography for the paper (`--bib`): its file name and text. A Markdown paper's own
    /// `bibliography:` is read only when this is absent.
    pub bibliography: Option<(&'a str, &'a str)>,
    /// Reads a file the paper names, relative to the paper's folder: its text, or why it cannot
    /// be read in plain words.
    pub read_beside: &'a dyn Fn(&str) -> Result<String, String>,
}

impl Default for ImportOptions<'_> {
    fn default() -> Self {
        Self {
            bibliography: None,
            read_beside: &|name| {
                Err(format!(
                    "the paper was not opened from a file, so `{name}` beside it cannot be read"
                ))
            },
        }
    }
}

/// An imported paper: the corpus and what the import found.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The corpus (format 2), not yet validated.
    pub file: CorpusFile,
    /// What was found (info), what could not be mapped (warnings).
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `text` as a paper of `kind`.
///
/// # Errors
/// Why nothing could be read (XML that is not well-formed, too deep, no text at all), as an error
/// diagnostic with its line and column.
pub fn import(
    kind: PaperKind,
    text: &str,
    options: &ImportOptions<'_>,
) -> Result<Imported, Box<Diagnostic>> {
    let text = without_byte_order_mark(text);
    let mut builder = PaperBuilder::new(kind);
    match kind {
        PaperKind::Jats => jats::read(text, options, &mut builder)?,
        PaperKind::Tei => tei::read(text, options, &mut builder)?,
        PaperKind::Markdown => markdown::read(text, options, &mut builder)?,
        PaperKind::PlainText => plain::read(text, options, &mut builder)?,
    }
    let text_missing = builder.is_text_missing();
    let mut imported = builder.finish();
    let has_paragraphs = imported
        .file
        .sections
        .iter()
        .any(|s| !s.paragraphs.is_empty());
    let empty = !has_paragraphs
        && imported.file.references.is_empty()
        && imported.file.paper.title.trim().is_empty();
    if empty {
        return Err(Box::new(Diagnostic::error(
            Code::PaperSyntax,
            format!(
                "no title, text or references were found in this {}",
                kind.label()
            ),
            "check this is the paper itself (not an empty or a different file)",
        )));
    }
    if imported.file.paper.title.trim().is_empty() {
        "Untitled".clone_into(&mut imported.file.paper.title);
        imported.diagnostics.push(Diagnostic::warning(
            Code::ImportIncomplete,
            "the paper has no title in this file: it is called \"Untitled\"",
            kind.title_hint(),
        ));
    }
    if text_missing || !has_paragraphs {
        let warning = no_text_warning(kind, &imported.file);
        imported.diagnostics.push(warning);
    }
    Ok(imported)
}

/// The warning for a paper read without its own text (its front matter alone, perhaps with
/// back matter), saying what was read and where the text may be found.
fn no_text_warning(kind: PaperKind, file: &CorpusFile) -> Diagnostic {
    let paper = &file.paper;
    let mut parts = Vec::new();
    if !paper.title.trim().is_empty() {
        parts.push("title".to_owned());
    }
    if !paper.authors.is_empty() {
        parts.push(crate::corpus::counted(paper.authors.len(), "author"));
    }
    if !paper.abstract_text.trim().is_empty() {
        parts.push("abstract".to_owned());
    }
    if !file.references.is_empty() {
        parts.push(crate::corpus::counted(file.references.len(), "reference"));
    }
    // What the importer read after the text, such as acknowledgements.
    let back_matter: Vec<&str> = file
        .sections
        .iter()
        .filter(|s| !s.paragraphs.is_empty())
        .map(|s| s.title.trim())
        .filter(|title| !title.is_empty())
        .collect();
    if !back_matter.is_empty() {
        parts.push(format!("back matter ({})", back_matter.join(", ")));
    }
    let read = if parts.is_empty() {
        "its metadata".to_owned()
    } else {
        format!("its {}", and_list(&parts))
    };
    let hint = match kind {
        PaperKind::Jats => {
            "the article has no <body>, or an empty one: PubMed Central gives some articles \
             (often older ones, scanned from print) without their text, which is then only in \
             the PDF; look for the article's full-text XML"
        }
        PaperKind::Tei => {
            "GROBID's header extraction (processHeaderDocument) writes no text: run its \
             full-text extraction (processFulltextDocument) on the PDF to read the whole paper"
        }
        PaperKind::Markdown => {
            "the file holds nothing but its metadata: check it is the paper itself, not only \
             its YAML header"
        }
        PaperKind::PlainText => "check the file is the paper itself, not only its title page",
    };
    Diagnostic::warning(
        Code::NoPaperText,
        format!("the file holds no text of the paper, only {read}"),
        hint,
    )
}

/// The note kept under a table its source gives as loose text, a cell a line, without its rows
/// and columns (older GROBID's TEI, a PDF's text): `text` with each run of white space one space.
fn loose_table_note(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("The source gives this table's text without its rows and columns: {text}")
}

/// `items` joined as a sentence lists them: "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::PaperKind;

    #[test]
    fn papers_are_told_apart_by_content_then_name() {
        let detect = PaperKind::detect;
        let jats = "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS\" \"x.dtd\">\n<article>";
        assert_eq!(detect("paper.xml", jats), Some(PaperKind::Jats));
        assert_eq!(
            detect("paper", "<article><front/></article>"),
            Some(PaperKind::Jats)
        );
        let tei = "<?xml version=\"1.0\"?><TEI xmlns=\"http://www.tei-c.org/ns/1.0\">";
        assert_eq!(detect("paper.xml", tei), Some(PaperKind::Tei));
        assert_eq!(detect("whatever.txt", tei), Some(PaperKind::Tei));
        assert_eq!(detect("paper.md", "Some text"), Some(PaperKind::Markdown));
        assert_eq!(
            detect("paper", "---\ntitle: A paper\n---\n\n# Intro\n"),
            Some(PaperKind::Markdown)
        );
        assert_eq!(
            detect("paper.txt", "A Title\n\nAbstract"),
            Some(PaperKind::PlainText)
        );
        assert_eq!(
            detect("paper", "A Title\n\nAbstract"),
            Some(PaperKind::PlainText)
        );
        // A text opening on a numbered marker or a note in brackets is no JSON.
        assert_eq!(
            detect("refs.txt", "[1] A. Author, A title, 2020.\n[2] B. Author"),
            Some(PaperKind::PlainText)
        );
        assert_eq!(
            detect("paper.txt", "[Draft] A Title\n\nAbstract"),
            Some(PaperKind::PlainText)
        );
        // Corpora, bibliographies and empty files are not papers.
        assert_eq!(detect("corpus.json", "{\"format\": 2}"), None);
        assert_eq!(detect("corpus", "{\"format\": 2}"), None);
        assert_eq!(detect("refs.json", "[{}]"), None);
        assert_eq!(detect("refs.txt", "@article{x, title={T}}"), None);
        assert_eq!(detect("refs.ris", "TY  - JOUR\nER  - \n"), None);
        assert_eq!(detect("refs.bib", "@book{a,}"), None);
        assert_eq!(detect("empty", " \n "), None);
        assert_eq!(detect("data.xml", "<svg/>"), None);
        // Markdown and text that open with HTML, as PDF converters write them.
        assert_eq!(
            detect("paper.md", "<!-- image -->\n\n## Introduction\n"),
            Some(PaperKind::Markdown)
        );
        assert_eq!(
            detect("paper.txt", "<div>A Title</div>\n\nAbstract"),
            Some(PaperKind::PlainText)
        );
    }
}

//! The opening layer: turns any file or bytes paperlens opens into a [`Corpus`] and its
//! [`LoadReport`].
//!
//! A paperlens corpus goes through [`crate::corpus::load`]; a paper (JATS, GROBID TEI, Pandoc
//! Markdown, plain text) through [`crate::formats::paper`], its bibliography and figure images
//! read from beside it; a bibliography (a CSL-JSON array, BibTeX/BibLaTeX or RIS) through
//! [`crate::formats::import`], becoming a corpus holding only references. A tour kept beside the
//! file (`tour_file`) becomes its tour. The window and the command line open files through here;
//! the model knows only its own format.

use std::path::{Path, PathBuf};

mod atomic;
mod documents;
mod figure_images;
mod tour_file;

pub use atomic::write_atomically;
pub use documents::PDFTOTEXT_ENV;
use figure_images::{check_figure_images, find_figure_images};
pub use figure_images::{figure_image_path, image_beside};
pub use tour_file::{
    BUILTIN_TOUR_FILE_NAME, ReadTour, TOUR_FILE_FORMAT, TOUR_FILE_SUFFIX, TourFile,
    apply_tour_file, builtin_tour_file, encode_tour, read_tour_file, save_tour_file,
    tour_file_beside,
};

use crate::corpus::Corpus;
use crate::corpus::diagnostics::{Code, Diagnostic, PathSegment};
use crate::corpus::load::{self, LoadReport};
use crate::corpus::text::without_byte_order_mark;
use crate::formats::ReferenceFormat;
use crate::formats::import;
use crate::formats::paper::{self, ImportOptions, PaperKind};

/// How a file is opened, beyond its path.
#[derive(Clone, Debug, Default)]
pub struct OpenOptions {
    /// The bibliography of a paper (a Markdown paper's `--bib`), instead of the one it names.
    pub bibliography: Option<PathBuf>,
    /// Read the file as this kind of paper, whatever its content looks like.
    pub kind: Option<PaperKind>,
}

/// Opens a corpus file, a paper (JATS, TEI, Markdown, plain text) or a bibliography file
/// (`.json` CSL-JSON array, `.bib`, `.ris`) from disk.
#[must_use]
pub fn open_path(path: &Path) -> LoadReport {
    open_path_with(path, &OpenOptions::default())
}

/// [`open_path`] with options: a paper's bibliography, or the kind of paper to read it as.
#[must_use]
pub fn open_path_with(path: &Path, options: &OpenOptions) -> LoadReport {
    let name = path.display().to_string();
    // A PDF is read as the text pdftotext takes out of it, however large the file (a thesis
    // with its pictures); only its first bytes are read here.
    let pdf_text = match documents::file_is_pdf(path).then(|| documents::pdf_text(path)) {
        Some(Ok(text)) => Some(text),
        Some(Err(diagnostic)) => return LoadReport::failed(&name, None, *diagnostic),
        None => None,
    };
    let bytes = match pdf_text {
        Some(_) => Vec::new(),
        None => match load::read_limited(path) {
            Ok(bytes) => bytes,
            Err(diagnostic) => return LoadReport::failed(&name, None, *diagnostic),
        },
    };
    // Only XML says what it is encoded in; any other file must be UTF-8.
    let transcoded = (pdf_text.is_none() && std::str::from_utf8(&bytes).is_err())
        .then(|| transcoded_xml(&bytes))
        .flatten()
        .filter(|(text, _)| text.trim_start().starts_with('<'));
    let text = match (&pdf_text, &transcoded) {
        (Some(text), _) | (None, Some((text, _))) => text.as_str(),
        (None, None) => match not_text(&bytes, &name) {
            Some(report) => return *report,
            None => match load::decode(&bytes, &name) {
                Ok(text) => text,
                Err(report) => return *report,
            },
        },
    };
    let kind = if pdf_text.is_some() {
        Some(PaperKind::PlainText)
    } else {
        options.kind.or_else(|| PaperKind::detect(&name, text))
    };
    let Some(kind) = kind else {
        let mut report = open_text(text, &name);
        check_figure_images(&mut report, path, &bytes);
        apply_tour_file(&mut report, &tour_file_beside(path));
        return report;
    };
    let bibliography = match &options.bibliography {
        Some(bib_path) => match read_text(bib_path) {
            Ok(text) => Some((bib_path.display().to_string(), text)),
            Err(message) => {
                let diagnostic = Diagnostic::error(
                    Code::Io,
                    format!(
                        "cannot read the bibliography {}: {message}",
                        bib_path.display()
                    ),
                    "check the path given to --bib",
                );
                return LoadReport::failed(&name, None, diagnostic);
            }
        },
        None => None,
    };
    // A path such as `examples/refs.bib` is as Pandoc reads it, from the folder it was run in:
    // when the paper's folder does not hold it there, the file of that name beside the paper
    // is the one meant.
    let read_beside = |wanted: &str| -> Result<String, String> {
        let as_written = image_beside(path, wanted);
        if let Some(file) = as_written.as_ref().filter(|file| file.is_file()) {
            return read_text(file);
        }
        let same_name = Path::new(wanted.trim())
            .file_name()
            .and_then(|name| image_beside(path, &name.to_string_lossy()))
            .filter(|file| file.is_file());
        match (same_name, as_written) {
            (Some(file), _) | (None, Some(file)) => read_text(&file),
            (None, None) => Err(format!(
                "`{wanted}` is not a file name inside the paper's folder"
            )),
        }
    };
    let import_options = ImportOptions {
        bibliography: bibliography
            .as_ref()
            .map(|(name, text)| (name.as_str(), text.as_str())),
        read_beside: &read_beside,
    };
    let mut report = open_paper(text, &name, kind, &import_options);
    if let Some((_, encoding)) = &transcoded {
        let diagnostic = Diagnostic::info(
            Code::ImportIncomplete,
            format!("the file is in {encoding}, not UTF-8: it was read as {encoding}"),
            "nothing to do; saving the corpus writes UTF-8",
        );
        if let Some(corpus) = &mut report.corpus {
            corpus.warnings.push(diagnostic.clone());
        }
        report.diagnostics.push(diagnostic);
    }
    if pdf_text.is_some() {
        documents::note_read_from_pdf(&mut report);
    }
    find_figure_images(&mut report, path);
    apply_tour_file(&mut report, &tour_file_beside(path));
    report
}

/// An XML paper that is not UTF-8, as text: UTF-16 with its byte-order mark, or an XML
/// declaration naming ISO-8859-1 (Latin-1) or Windows-1252. The text and the encoding's name;
/// `None` for anything else (which is then reported as not UTF-8).
fn transcoded_xml(bytes: &[u8]) -> Option<(String, &'static str)> {
    let utf16 = |big_endian: bool| -> Option<String> {
        let units = bytes.get(2..)?.chunks_exact(2).map(|pair| match pair {
            [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
            [a, b] => u16::from_le_bytes([*a, *b]),
            _ => 0,
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok()
    };
    match bytes {
        [0xFF, 0xFE, ..] => return utf16(false).map(|text| (text, "UTF-16")),
        [0xFE, 0xFF, ..] => return utf16(true).map(|text| (text, "UTF-16")),
        _ => {}
    }
    let head = String::from_utf8_lossy(bytes.get(..200).unwrap_or(bytes)).to_ascii_lowercase();
    let declaration = head.strip_prefix("<?xml")?.split("?>").next()?.to_owned();
    let encoding = if ["iso-8859-1", "latin1", "latin-1"]
        .iter()
        .any(|name| declaration.contains(name))
    {
        "ISO-8859-1"
    } else if ["windows-1252", "cp1252"]
        .iter()
        .any(|name| declaration.contains(name))
    {
        "Windows-1252"
    } else {
        return None;
    };
    // Latin-1 is the first 256 code points; Windows-1252 differs only in 0x80–0x9F, where its
    // printable characters are mapped and the rest kept as Latin-1.
    let text = bytes
        .iter()
        .map(|&byte| match (encoding, byte) {
            ("Windows-1252", 0x80..=0x9F) => windows_1252_high(byte),
            _ => char::from(byte),
        })
        .collect();
    Some((text, encoding))
}

/// The Windows-1252 character of a byte in 0x80–0x9F (Latin-1's control range).
fn windows_1252_high(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    HIGH.get(usize::from(byte.wrapping_sub(0x80)))
        .copied()
        .unwrap_or_else(|| char::from(byte))
}

/// Why `bytes`, a word processor's document or a file named as a PDF that is none, cannot be
/// opened (a report saying what to do); `None` for any other file.
fn not_text(bytes: &[u8], source_name: &str) -> Option<Box<LoadReport>> {
    documents::word_processor_document(bytes, source_name)
        .or_else(|| documents::misnamed_pdf(bytes, source_name))
        .map(|diagnostic| Box::new(LoadReport::failed(source_name, None, diagnostic)))
}

/// The text of a file beside a paper (its bibliography), or why it cannot be read, in plain
/// words.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = load::read_limited(path).map_err(|diagnostic| diagnostic.message)?;
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "{} is not UTF-8 text; save it as UTF-8 and open the paper again",
            path.display()
        )
    })
}

/// Reads `text` as a paper of `kind` and validates the corpus it makes. The report holds what
/// the import found (an `imported` info first), then what validation says.
#[must_use]
pub fn open_paper(
    text: &str,
    source_name: &str,
    kind: PaperKind,
    options: &ImportOptions<'_>,
) -> LoadReport {
    let source_text = Some(without_byte_order_mark(text).to_owned());
    let imported = match paper::import(kind, text, options) {
        Ok(imported) => imported,
        Err(diagnostic) => return LoadReport::failed(source_name, source_text, *diagnostic),
    };
    let mut report = LoadReport {
        source_name: source_name.to_owned(),
        source_text,
        corpus: None,
        diagnostics: imported.diagnostics,
    };
    match Corpus::from_file(imported.file, source_name) {
        Ok(mut corpus) => {
            // A bibliography read from BibTeX or RIS keeps the fields it has no CSL variable
            // for under their own names (`adsurl`, `eprint`): by design, not a slip to warn of.
            // A paper read without its text cites nothing: its references are not uncited.
            let without_text = report
                .diagnostics
                .iter()
                .any(|diagnostic| diagnostic.code == Code::NoPaperText);
            corpus.warnings.retain(|diagnostic| {
                diagnostic.code != Code::UnknownCslField
                    && !(without_text && diagnostic.code == Code::UncitedReference)
            });
            report.diagnostics.append(&mut corpus.warnings);
            corpus.warnings.clone_from(&report.diagnostics);
            report.corpus = Some(corpus);
        }
        Err(diagnostics) => report.diagnostics.extend(diagnostics),
    }
    report
}

/// Opens a corpus or a bibliography from raw bytes (checked for size and UTF-8 first);
/// `source_name`'s extension helps tell the formats apart.
#[must_use]
pub fn open_bytes(bytes: &[u8], source_name: &str) -> LoadReport {
    if let Some(report) = not_text(bytes, source_name) {
        return *report;
    }
    if documents::is_pdf(bytes) {
        let diagnostic = Diagnostic::error(
            Code::PaperSyntax,
            "the PDF came without its file, and pdftotext reads a PDF from a file",
            "save the PDF first, then open that file (File → Open, or `paperlens PAPER.pdf`)",
        );
        return LoadReport::failed(source_name, None, diagnostic);
    }
    match load::decode(bytes, source_name) {
        Ok(text) => open_text(text, source_name),
        Err(report) => *report,
    }
}

/// Opens text in any format paperlens reads: a corpus, a paper (JATS, TEI, Markdown, plain
/// text) or a bibliography (CSL-JSON, BibTeX, RIS), told apart by the text itself and
/// `source_name`'s extension. A paper opened this way has no folder to read its bibliography
/// or images from.
#[must_use]
pub fn open_text(text: &str, source_name: &str) -> LoadReport {
    if let Some(kind) = PaperKind::detect(source_name, text) {
        return open_paper(text, source_name, kind, &ImportOptions::default());
    }
    if without_byte_order_mark(text).trim().is_empty() && PaperKind::is_paper_file_name(source_name)
    {
        let diagnostic = Diagnostic::error(
            Code::PaperSyntax,
            "the file is empty",
            "there is no paper in it to read: check that the file was saved or downloaded \
             completely",
        );
        return LoadReport::failed(source_name, Some(String::new()), diagnostic);
    }
    if let Some(diagnostic) = xml_that_is_no_paper(text, source_name) {
        return LoadReport::failed(source_name, Some(text.to_owned()), diagnostic);
    }
    match ReferenceFormat::detect(source_name, text) {
        Some(format) => open_bibliography(text, source_name, format),
        None => load::load_str(text, source_name),
    }
}

/// Why a file named as XML (`.xml`, `.nxml`, `.jats`, `.tei`) that is no paper cannot be
/// opened: XML of another kind (its root element named, where it stands), XML that is not
/// well-formed (where), or no XML at all; `None` for any other file.
fn xml_that_is_no_paper(text: &str, source_name: &str) -> Option<Diagnostic> {
    let extension = crate::formats::lowercase_extension(source_name);
    let named_as_xml = [PaperKind::Jats, PaperKind::Tei]
        .iter()
        .any(|kind| kind.extensions().contains(&extension.as_str()));
    if !named_as_xml {
        return None;
    }
    let start = without_byte_order_mark(text).trim_start();
    if start.starts_with('<') {
        let document = match crate::formats::paper::xml::parse(text) {
            Ok(document) => document,
            Err(not_well_formed) => return Some(*not_well_formed),
        };
        let root = document.root();
        return Some(
            Diagnostic::error(
                Code::PaperSyntax,
                format!(
                    "this XML is neither a JATS article nor a GROBID TEI document: its first \
                     element is `<{}>`",
                    root.qualified_name()
                ),
                "paperlens reads JATS (`<article>`, as PubMed Central, PLOS, eLife and SciELO \
                 give it) and GROBID's TEI (`<TEI>`); open the paper in one of those, or as \
                 Markdown or plain text",
            )
            .located(root.location()),
        );
    }
    let opening: String = start.chars().take_while(|c| *c != '\n').take(40).collect();
    Some(Diagnostic::error(
        Code::PaperSyntax,
        format!(
            "the file is named as XML (`.{extension}`) but holds no XML: it starts with `{opening}`"
        ),
        "an XML paper starts with `<`: check that the file was saved or downloaded completely, \
         or rename it for what it holds",
    ))
}

/// Opens a bibliography as a corpus holding only references: its title is the file's name,
/// it has no text. Entries that cannot be read are reported as warnings and left out; the
/// load fails only when none can be read.
#[must_use]
pub fn open_bibliography(text: &str, source_name: &str, format: ReferenceFormat) -> LoadReport {
    let imported = import::import(format, text);
    let mut report = LoadReport {
        source_name: source_name.to_owned(),
        source_text: Some(without_byte_order_mark(text).to_owned()),
        corpus: None,
        diagnostics: imported.diagnostics,
    };
    if report.diagnostics.iter().any(Diagnostic::is_error) {
        return report;
    }
    let locations = imported.locations;
    let file = import::into_corpus_file(imported.references, &import::title_for(source_name));
    let mut found = match Corpus::from_file(file, source_name) {
        Ok(corpus) => {
            let warnings = corpus.warnings.clone();
            report.corpus = Some(corpus);
            warnings
        }
        Err(diagnostics) => diagnostics,
    };
    // A BibTeX or RIS importer keeps the fields it has no CSL variable for under their own
    // names (`indextitle`, `eprinttype`): that is by design, not a slip to warn about.
    if format != ReferenceFormat::CslJson {
        found.retain(|diagnostic| diagnostic.code != Code::UnknownCslField);
    }
    // Validation speaks of `$.references[i]`; point it at the entry in the source instead.
    for diagnostic in &mut found {
        if diagnostic.location.is_none()
            && let Some(path) = &diagnostic.path
            && let [PathSegment::Key(key), PathSegment::Index(i), ..] = path.0.as_slice()
            && key == "references"
        {
            diagnostic.location = locations.get(*i).copied();
        }
    }
    report.diagnostics.extend(found);
    if let Some(corpus) = &mut report.corpus {
        corpus.warnings.clone_from(&report.diagnostics);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_in_latin_1_windows_1252_or_utf_16_is_read_as_such() {
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><p>caf\xe9</p>";
        assert_eq!(
            transcoded_xml(latin),
            Some((
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><p>café</p>".to_owned(),
                "ISO-8859-1"
            ))
        );
        let windows = b"<?xml version='1.0' encoding='windows-1252'?><p>\x93hi\x94</p>";
        assert_eq!(
            transcoded_xml(windows).map(|(text, _)| text),
            Some("<?xml version='1.0' encoding='windows-1252'?><p>“hi”</p>".to_owned())
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("<p>é</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            transcoded_xml(&utf16),
            Some(("<p>é</p>".to_owned(), "UTF-16"))
        );
        // Not declared: left to the UTF-8 error.
        assert_eq!(transcoded_xml(b"<p>caf\xe9</p>"), None);
    }

    #[test]
    fn a_file_named_as_xml_that_is_no_paper_says_what_it_holds() {
        let (report, said) = reported("image content\n", "figure.xml");
        assert!(report.corpus.is_none());
        assert_eq!(
            said,
            [(
                Code::PaperSyntax,
                "the file is named as XML (`.xml`) but holds no XML: it starts with `image \
                 content`"
                    .to_owned()
            )]
        );
        let (report, said) = reported(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<!-- saved --><html><body>Hi</body></html>",
            "page.XML",
        );
        let line = report
            .diagnostics
            .first()
            .and_then(|d| d.location.as_ref())
            .map(|at| at.line);
        assert_eq!(line, Some(3), "where the element stands");
        assert_eq!(
            said,
            [(
                Code::PaperSyntax,
                "this XML is neither a JATS article nor a GROBID TEI document: its first element \
                 is `<html>`"
                    .to_owned()
            )]
        );
        // XML cut off says where.
        let (_, said) = reported("<html><body>Hi", "page.xml");
        assert_eq!(
            said,
            [(
                Code::PaperSyntax,
                "the element <body> opened here is never closed".to_owned()
            )]
        );
        // A bibliography or a corpus under its own name is read as before.
        let (_, said) = reported("image content\n", "notes.json");
        assert!(
            said.iter().all(|(code, _)| *code != Code::PaperSyntax),
            "{said:?}"
        );
    }

    /// What opening `text` as `name` reported: each diagnostic's code and message.
    fn reported(text: &str, name: &str) -> (LoadReport, Vec<(Code, String)>) {
        let report = open_text(text, name);
        let said = report
            .diagnostics
            .iter()
            .map(|d| (d.code, d.message.clone()))
            .collect();
        (report, said)
    }

    #[test]
    fn a_paper_given_without_its_text_says_so_and_reports_no_reference_as_uncited() {
        // GROBID's header-only output: title, authors and abstract, an empty <text>.
        let header = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>\
            <titleStmt><title level=\"a\" type=\"main\">Attention</title></titleStmt>\
            <sourceDesc><biblStruct><analytic>\
            <author><persName><forename>Ashish</forename><surname>Vaswani</surname></persName></author>\
            <author><persName><forename>Noam</forename><surname>Shazeer</surname></persName></author>\
            </analytic></biblStruct></sourceDesc></fileDesc>\
            <profileDesc><abstract><p>Sequence models.</p></abstract></profileDesc></teiHeader>\
            <text xml:lang=\"en\"></text></TEI>";
        let (report, said) = reported(header, "header.tei.xml");
        assert!(
            said.contains(&(
                Code::NoPaperText,
                "the file holds no text of the paper, only its title, 2 authors and abstract"
                    .to_owned()
            )),
            "{said:?}"
        );
        let corpus = report
            .corpus
            .as_ref()
            .map(|c| (c.has_text(), c.is_bibliography_only()));
        assert_eq!(corpus, Some((false, false)), "a paper, without text");

        // A JATS article without its body, but with acknowledgements and references: the
        // references are not reported as never cited.
        let article = "<article><front><article-meta><title-group><article-title>Scanned\
            </article-title></title-group></article-meta></front><back><ack><title>Acknowledgments\
            </title><p>We thank the nurses.</p></ack><ref-list>\
            <ref id=\"r1\"><element-citation><person-group><name><surname>Lombardi</surname>\
            </name></person-group><article-title>One</article-title><year>2009</year>\
            </element-citation></ref>\
            <ref id=\"r2\"><element-citation><person-group><name><surname>Furuta</surname>\
            </name></person-group><article-title>Two</article-title><year>2009</year>\
            </element-citation></ref></ref-list></back></article>";
        let (report, said) = reported(article, "scanned.xml");
        assert!(
            said.contains(&(
                Code::NoPaperText,
                "the file holds no text of the paper, only its title, 2 references and back \
                 matter (Acknowledgments)"
                    .to_owned()
            )),
            "{said:?}"
        );
        assert!(
            !said.iter().any(|(code, _)| *code == Code::UncitedReference),
            "{said:?}"
        );
        let corpus = report.corpus.as_ref();
        assert_eq!(
            corpus.map(|c| c.file.sections.len()),
            Some(1),
            "the acknowledgements"
        );
        assert_eq!(corpus.map(Corpus::has_text), Some(false));

        // GROBID's full-text output of a PDF whose text it could not find: acknowledgements
        // only.
        let (report, said) = reported(
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>\
             <title level=\"a\" type=\"main\">Scanned</title></titleStmt></fileDesc>\
             </teiHeader><text><body/><back><div type=\"acknowledgement\"><div><head>\
             Acknowledgements</head><p>We thank the nurses.</p></div></div></back></text></TEI>",
            "scanned.tei.xml",
        );
        assert!(
            said.contains(&(
                Code::NoPaperText,
                "the file holds no text of the paper, only its title and back matter \
                 (Acknowledgements)"
                    .to_owned()
            )),
            "{said:?}"
        );
        assert_eq!(report.corpus.map(|c| c.has_text()), Some(false));

        // A paper with its text says nothing of the kind.
        let (_, said) = reported(
            "---\ntitle: Whole\n---\n\n# One\n\nSome text.\n",
            "whole.md",
        );
        assert!(
            !said.iter().any(|(code, _)| *code == Code::NoPaperText),
            "{said:?}"
        );
        // Nor does a bibliography opened on its own, which is no paper.
        let (report, said) = reported("@book{a, title={A}, year={2001}}", "refs.bib");
        assert!(!said.iter().any(|(code, _)| *code == Code::NoPaperText));
        assert_eq!(report.corpus.map(|c| c.is_bibliography_only()), Some(true));
    }
}

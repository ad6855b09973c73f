//! The one way every paper importer builds a corpus: sections, paragraphs and their citation
//! markers, references, tables, figures and footnotes are handed over as the source gives them
//! (with the source's own ids); [`PaperBuilder::finish`] makes the ids unique and valid, writes
//! the text in the corpus syntax, places tables and figures, finds entities and reports what
//! it found and what it could not map.

use crate::corpus::diagnostics::{Code, Diagnostic, Location};
use crate::corpus::model::{EquationNotation, Paper, Reference, SectionKind};

use super::{Imported, PaperKind};

/// The title of the section holding text that comes before any heading.
pub const UNTITLED_SECTION: &str = "Text";

/// A piece of imported text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    /// Plain text as printed (whitespace runs are collapsed when it is written out).
    Text(String),
    /// A citation marker as the source prints it (`[4]`, `Smith et al., 2019`, `1–3`), citing
    /// the references with these source ids (a range already expanded to every id in it).
    Cite {
        /// The marker as printed.
        printed: String,
        /// The source ids of the references it cites.
        keys: Vec<String>,
    },
    /// A marker that should cite but whose target the source does not give: kept as printed
    /// text and counted as unresolved.
    Unresolved(String),
    /// A footnote marker pointing at the footnote with this source id.
    Footnote(String),
    /// Text already in the corpus syntax, written as it is: the printed numeric markers of a
    /// plain-text paper (`[1]`, resolved by `citation-number`), Pandoc citations of a Markdown
    /// paper (`[@key]`, keys the bibliography's ids).
    Marked(String),
    /// Inline math: its TeX, without delimiters. Paragraph text keeps it as `$…$`; captions,
    /// cells and titles, which the corpus holds as printed, as it reads (`t ≤ τ`).
    Math(String),
}

/// Imported text: a paragraph, a caption, a table cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rich {
    /// The pieces in order.
    pub spans: Vec<Span>,
}

impl Span {
    /// The bytes of text it holds.
    #[must_use]
    pub fn text_len(&self) -> usize {
        match self {
            Self::Text(text)
            | Self::Unresolved(text)
            | Self::Footnote(text)
            | Self::Marked(text)
            | Self::Math(text) => text.len(),
            Self::Cite { printed, keys } => {
                printed.len() + keys.iter().map(String::len).sum::<usize>()
            }
        }
    }
}

impl Rich {
    /// Plain text with no markers.
    #[must_use]
    pub fn text(text: &str) -> Self {
        let mut rich = Self::default();
        rich.push_text(text);
        rich
    }

    /// Appends plain text (joined to the text before it).
    pub fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(Span::Text(last)) = self.spans.last_mut() {
            last.push_str(text);
        } else {
            self.spans.push(Span::Text(text.to_owned()));
        }
    }

    /// Appends a citation marker printed as `printed`, citing `keys` (source ids).
    pub fn push_cite(&mut self, printed: &str, keys: Vec<String>) {
        self.spans.push(Span::Cite {
            printed: printed.to_owned(),
            keys,
        });
    }

    /// Appends any piece.
    pub fn push(&mut self, span: Span) {
        match span {
            Span::Text(text) => self.push_text(&text),
            other => self.spans.push(other),
        }
    }

    /// Appends all of `other`.
    pub fn extend(&mut self, other: Self) {
        for span in other.spans {
            self.push(span);
        }
    }

    /// The text as printed, whitespace collapsed: markers as printed, footnote markers left out.
    #[must_use]
    pub fn plain(&self) -> String {
        let mut out = Collapsed::default();
        for span in &self.spans {
            match span {
                Span::Text(text) | Span::Unresolved(text) | Span::Marked(text) => out.push(text),
                Span::Cite { printed, .. } => out.push(printed),
                Span::Math(tex) => out.push(&crate::corpus::math::tex_reading(tex)),
                Span::Footnote(_) => {}
            }
        }
        out.finish()
    }

    /// Whether it prints nothing but whitespace.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.spans.iter().all(|span| match span {
            Span::Text(text) | Span::Marked(text) | Span::Math(text) => text.trim().is_empty(),
            _ => false,
        })
    }
}

/// A table as the source gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableDraft {
    /// The source's id for it, if it has one (`T1`, `tab1`).
    pub source_id: String,
    /// Its label as printed (`Table 1`).
    pub label: String,
    /// Its caption (title and legend) as printed.
    pub caption: Rich,
    /// Header rows, top to bottom: each cell's text and how many columns it spans (0 or 1 for
    /// one). The last header row names the columns.
    pub header_rows: Vec<Vec<(String, u32)>>,
    /// Body rows, each cell once (a cell spanning several columns is repeated or padded by the
    /// importer so that each row has one cell per column, or the builder pads short rows).
    pub rows: Vec<Vec<Rich>>,
    /// Table footnotes: marker (may be empty) and text, with the citations it makes.
    pub footnotes: Vec<(String, Rich)>,
    /// The positions in `rows`, in order, of rows that head a later part of the table (a JATS
    /// table printed as two `table`s, the second under headers of its own): kept as rows, and
    /// left out when the kind of each column (numbers, years, text) is told from its cells.
    pub part_headers: Vec<usize>,
}

impl TableDraft {
    /// Whether the table prints nothing: no label, caption or notes, and no cell with text.
    #[must_use]
    pub fn prints_nothing(&self) -> bool {
        self.label.trim().is_empty()
            && self.caption.is_blank()
            && self.footnotes.is_empty()
            && self
                .header_rows
                .iter()
                .flatten()
                .all(|(text, _)| text.trim().is_empty())
            && self.rows.iter().flatten().all(Rich::is_blank)
    }
}

/// A figure as the source gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FigureDraft {
    /// The source's id for it, if it has one.
    pub source_id: String,
    /// Its label as printed (`Figure 2`, `Fig 2`).
    pub label: String,
    /// Its caption as printed.
    pub caption: Rich,
    /// The image file the source names (a file name or relative path), if any.
    pub image: Option<String>,
    /// The source line printed under it (`Source: …`), if any.
    pub source_line: Option<String>,
    /// The words printed inside it, as a PDF's text gives them without the picture.
    pub inner_text: String,
}

/// A block of a section.
#[derive(Clone, Debug)]
pub(super) enum Block {
    /// Running text.
    Text(Rich),
    /// A display equation.
    Equation {
        source: String,
        notation: EquationNotation,
        label: String,
    },
    /// The source line under a figure.
    FigureSource(String),
}

/// A section being built.
#[derive(Clone, Debug)]
pub(super) struct SectionDraft {
    pub(super) number: String,
    pub(super) title: String,
    pub(super) parent: Option<usize>,
    pub(super) kind: SectionKind,
    pub(super) label: String,
    pub(super) blocks: Vec<Block>,
    /// For a box: how many blocks of its enclosing section come before it.
    pub(super) after_blocks: usize,
}

/// Where a table or figure stands: the section (position in the builder's list) and how many
/// of its blocks come before it.
pub(super) type Place = Option<(usize, usize)>;

/// Everything a builder gathered, for [`super::finish`].
pub(super) struct Parts {
    pub(super) kind: PaperKind,
    pub(super) paper: Paper,
    pub(super) sections: Vec<SectionDraft>,
    pub(super) references: Vec<Reference>,
    pub(super) tables: Vec<(TableDraft, Place)>,
    pub(super) figures: Vec<(FigureDraft, Place)>,
    pub(super) footnotes: Vec<(String, String, Rich)>,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) key_aliases: Vec<(String, String)>,
}

/// Builds one corpus from an importer's findings. See the module documentation.
#[derive(Debug)]
pub struct PaperBuilder {
    kind: PaperKind,
    paper: Paper,
    sections: Vec<SectionDraft>,
    open: Vec<usize>,
    references: Vec<Reference>,
    tables: Vec<(TableDraft, Place)>,
    figures: Vec<(FigureDraft, Place)>,
    footnotes: Vec<(String, String, Rich)>,
    diagnostics: Vec<Diagnostic>,
    /// Whether the source lacks the paper's own text, whatever back matter it holds.
    text_missing: bool,
    /// Tables left out for printing nothing.
    empty_tables: usize,
    /// Citation keys that name a reference by another name: (key, the reference's source id).
    key_aliases: Vec<(String, String)>,
}

impl PaperBuilder {
    /// An empty paper read from a source of `kind`.
    #[must_use]
    pub fn new(kind: PaperKind) -> Self {
        Self {
            kind,
            paper: Paper::default(),
            sections: Vec::new(),
            open: Vec::new(),
            references: Vec::new(),
            tables: Vec::new(),
            figures: Vec::new(),
            footnotes: Vec::new(),
            diagnostics: Vec::new(),
            text_missing: false,
            empty_tables: 0,
            key_aliases: Vec::new(),
        }
    }

    /// Says the source holds none of the paper's own text (a JATS article without its body),
    /// though it may hold back matter (acknowledgements, notes): the import then reports it as
    /// a paper without text, as it does one with no paragraph at all.
    pub fn mark_text_missing(&mut self) {
        self.text_missing = true;
    }

    /// How many blocks of text (paragraphs, equations) the sections hold so far.
    #[must_use]
    pub fn block_count(&self) -> usize {
        self.sections.iter().map(|s| s.blocks.len()).sum()
    }

    /// Whether [`Self::mark_text_missing`] was called.
    #[must_use]
    pub fn is_text_missing(&self) -> bool {
        self.text_missing
    }

    /// The paper's front matter (title, authors, date, licence, keywords, abstract), to fill in.
    pub fn paper(&mut self) -> &mut Paper {
        &mut self.paper
    }

    /// Opens a section inside the one open now (a top-level section when none is): its number as
    /// printed (may be empty) and heading.
    pub fn begin_section(&mut self, number: &str, title: &str) {
        self.begin(number, title, SectionKind::Section, "");
    }

    /// Opens boxed text (`Box 1`, a sidebar) inside the section open now.
    pub fn begin_box(&mut self, label: &str, title: &str) {
        self.begin("", title, SectionKind::Box, label);
    }

    fn begin(&mut self, number: &str, title: &str, kind: SectionKind, label: &str) {
        let after_blocks = self
            .open
            .last()
            .and_then(|&parent| self.sections.get(parent))
            .map_or(0, |parent| parent.blocks.len());
        self.sections.push(SectionDraft {
            number: collapse_whitespace(number),
            title: collapse_whitespace(title),
            parent: self.open.last().copied(),
            kind,
            label: collapse_whitespace(label),
            blocks: Vec::new(),
            after_blocks,
        });
        self.open.push(self.sections.len() - 1);
    }

    /// Closes the section opened last (nothing when none is open).
    pub fn end_section(&mut self) {
        self.open.pop();
    }

    /// Closes every open section: what comes next starts at the top level.
    pub fn end_all_sections(&mut self) {
        self.open.clear();
    }

    /// How many sections have been opened so far.
    #[must_use]
    pub fn section_count(&self) -> usize {
        self.sections.len()
    }

    /// Opens again the last top-level section, for text printed after it without a heading of
    /// its own, when it is one of the sections opened from the `from`th on; `false` (and
    /// nothing opened) when there is none.
    pub fn reopen_last_top_level(&mut self, from: usize) -> bool {
        let last = self
            .sections
            .iter()
            .rposition(|s| s.parent.is_none())
            .filter(|&last| last >= from);
        if let Some(last) = last {
            self.open.clear();
            self.open.push(last);
        }
        last.is_some()
    }

    /// How many sections are open.
    #[must_use]
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// The section text goes into, opening one titled [`UNTITLED_SECTION`] when none is open.
    fn current(&mut self) -> &mut SectionDraft {
        if self.open.is_empty() {
            self.begin("", UNTITLED_SECTION, SectionKind::Section, "");
        }
        let at = self.open.last().copied().unwrap_or_default();
        let last = self.sections.len().saturating_sub(1);
        let at = at.min(last);
        &mut self.sections[at]
    }

    /// Adds a paragraph of running text to the section open now (a blank one is skipped).
    pub fn paragraph(&mut self, text: Rich) {
        if !text.is_blank() {
            self.current().blocks.push(Block::Text(text));
        }
    }

    /// Adds `text` to the end of the last paragraph of the section open now, a space between:
    /// the rest of a sentence a converter cut off from it. `false`, and nothing added, when no
    /// section is open or the section's last block is not a paragraph.
    pub fn continue_paragraph(&mut self, text: &str) -> bool {
        if self.open.is_empty() {
            return false;
        }
        let Some(Block::Text(last)) = self.current().blocks.last_mut() else {
            return false;
        };
        last.push_text(" ");
        last.push_text(text);
        true
    }

    /// Adds a display equation: its source (TeX or `MathML`) and printed label (`(1)`).
    pub fn equation(&mut self, source: &str, notation: EquationNotation, label: &str) {
        let source = source.trim();
        if !source.is_empty() {
            self.current().blocks.push(Block::Equation {
                source: source.to_owned(),
                notation,
                label: collapse_whitespace(label),
            });
        }
    }

    /// Adds a reference as CSL-JSON, its `id` the source's id for it (what markers name). A
    /// `citation-number` is kept when every reference has a distinct one; otherwise references
    /// are numbered in list order.
    pub fn reference(&mut self, reference: Reference) {
        self.references.push(reference);
    }

    /// Says the text's citation key `key` cites the reference whose source id is `id` (a key
    /// naming the work by its DOI, `doi:10.1038/nature14539`): its citations are written with
    /// the reference's id.
    pub fn cite_as(&mut self, key: &str, id: &str) {
        self.key_aliases.push((key.to_owned(), id.to_owned()));
    }

    /// Applies `rewrite` to every text of the paper that may cite: the running text, captions,
    /// cells and notes; returns the sum of what it returns (what it changed).
    pub fn rewrite_citing_texts(&mut self, mut rewrite: impl FnMut(&mut Rich) -> usize) -> usize {
        self.sections
            .iter_mut()
            .flat_map(|section| &mut section.blocks)
            .filter_map(|block| match block {
                Block::Text(rich) => Some(rich),
                _ => None,
            })
            .chain(self.tables.iter_mut().flat_map(|(table, _)| {
                std::iter::once(&mut table.caption)
                    .chain(table.rows.iter_mut().flatten())
                    .chain(table.footnotes.iter_mut().map(|(_, text)| text))
            }))
            .chain(
                self.figures
                    .iter_mut()
                    .map(|(figure, _)| &mut figure.caption),
            )
            .chain(self.footnotes.iter_mut().map(|(_, _, text)| text))
            .map(&mut rewrite)
            .sum()
    }

    /// Links the citations the text prints by authors and year without marking them
    /// (`(Köllner et al., 2009; <xref>Schuman et al., 2014</xref>)`) to the works of the
    /// reference list they name, in the running text, captions, cells and notes; call it once
    /// every reference is added. An info diagnostic counts those linked.
    pub fn cite_unlinked_author_date(&mut self) {
        let works = super::plain::Works::author_date(&self.references);
        let linked = self.rewrite_citing_texts(|rich| super::unlinked::cite_unlinked(rich, &works));
        if linked > 0 {
            self.diagnostics.push(Diagnostic::info(
                Code::Imported,
                format!(
                    "{} printed without a link in the source linked to {} by authors and year",
                    crate::corpus::counted(linked, "citation"),
                    if linked == 1 {
                        "its reference"
                    } else {
                        "their references"
                    }
                ),
                "check them in the Reader: each names a work of the reference list by its \
                 authors and year, as the paper's linked citations do",
            ));
        }
    }

    /// How many references have been added.
    #[must_use]
    pub fn reference_count(&self) -> usize {
        self.references.len()
    }

    /// Adds a table where the text has reached; one that prints nothing (no label, caption,
    /// notes or cell with text: a Markdown paper's placeholder table) is left out and counted,
    /// and one printed in parts side by side is made one (see `side_by_side::unfold`).
    pub fn table(&mut self, mut table: TableDraft) {
        if table.prints_nothing() {
            self.empty_tables += 1;
            return;
        }
        self.diagnostics
            .extend(super::side_by_side::unfold(&mut table));
        let place = self.place();
        self.tables.push((table, place));
    }

    /// Adds a figure where the text has reached; its source line, if it has one, is kept in
    /// the running text right after it.
    pub fn figure(&mut self, figure: FigureDraft) {
        let place = self.place();
        if let Some(line) = figure.source_line.as_deref().map(collapse_whitespace)
            && !line.is_empty()
        {
            self.current().blocks.push(Block::FigureSource(line));
        }
        let place = place.or_else(|| self.place().map(|(section, _)| (section, 0)));
        self.figures.push((figure, place));
    }

    /// How many figures have been added so far.
    #[must_use]
    pub fn figure_count(&self) -> usize {
        self.figures.len()
    }

    /// Adds a footnote: the source's id (what [`Span::Footnote`] names), its marker as printed
    /// (may be empty) and its text.
    pub fn footnote(&mut self, source_id: &str, marker: &str, text: Rich) {
        self.footnotes
            .push((source_id.to_owned(), marker.trim().to_owned(), text));
    }

    /// Reports something found in the source (a warning or an info diagnostic; an error makes
    /// the import fail).
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Reports a warning at `location` in the source: what the source holds that could not be
    /// mapped, and what to do.
    pub fn warn(
        &mut self,
        message: impl Into<String>,
        hint: impl Into<String>,
        at: Option<Location>,
    ) {
        let mut diagnostic = Diagnostic::warning(Code::ImportIncomplete, message, hint);
        if let Some(location) = at {
            diagnostic = diagnostic.located(location);
        }
        self.diagnostics.push(diagnostic);
    }

    fn place(&self) -> Place {
        let section = *self.open.last()?;
        Some((section, self.sections.get(section)?.blocks.len()))
    }

    /// The corpus, its ids unique and valid, and what the import found.
    #[must_use]
    pub fn finish(self) -> Imported {
        super::finish::finish(self.into_parts())
    }

    fn into_parts(mut self) -> Parts {
        if self.empty_tables > 0 {
            self.diagnostics.push(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} left out: no caption and no cell with text",
                    crate::corpus::counted(self.empty_tables, "empty table")
                ),
                "nothing is lost; give the table text in the source to have it shown",
            ));
        }
        Parts {
            kind: self.kind,
            paper: self.paper,
            sections: self.sections,
            references: self.references,
            tables: self.tables,
            figures: self.figures,
            footnotes: self.footnotes,
            diagnostics: self.diagnostics,
            key_aliases: self.key_aliases,
        }
    }
}

/// `text` with every run of whitespace one space, trimmed.
#[must_use]
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = Collapsed::with_capacity(text.len());
    out.push(text);
    out.finish()
}

/// A table's or figure's label as the paper names it, whitespace collapsed and without the
/// full stop or colon a journal prints after its number (`Table 1.`, `Fig. 2.`, `Table IV.`,
/// `Figure 3:` are `Table 1`, `Fig. 2`, `Table IV`, `Figure 3`); a stop that ends an
/// abbreviation (`Fig.`) stays.
#[must_use]
pub fn float_label(label: &str) -> String {
    let mut label = collapse_whitespace(label);
    let numbered = label
        .strip_suffix(['.', ':'])
        .and_then(|bare| bare.rsplit(' ').next())
        .is_some_and(|last| {
            let roman = !last.is_empty() && last.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
            roman || last.chars().any(|c| c.is_ascii_digit())
        });
    if numbered {
        label.pop();
    }
    label
}

/// Text written piece by piece with every run of whitespace (across pieces too) one space and
/// none at either end: what [`collapse_whitespace`] makes of the pieces joined, without joining
/// them first.
#[derive(Debug, Default)]
pub(super) struct Collapsed {
    out: String,
    /// Whitespace was seen since the last word written.
    space: bool,
}

impl Collapsed {
    /// An empty text with room for `capacity` bytes.
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            space: false,
        }
    }

    /// Appends `text`, its whitespace collapsed.
    pub(super) fn push(&mut self, text: &str) {
        self.push_words(text, false);
    }

    /// Appends `text`, its whitespace collapsed and every `[` and `@` escaped (see
    /// [`super::finish::escape`]).
    pub(super) fn push_escaped(&mut self, text: &str) {
        self.push_words(text, true);
    }

    /// The text written.
    pub(super) fn finish(self) -> String {
        self.out
    }

    /// Writes `text`'s runs of words: a run is copied whole up to whitespace other than one
    /// ASCII space between two words, which ends it and leaves one space before the next.
    fn push_words(&mut self, text: &str, escaped: bool) {
        // Most runs are words one space apart (no other whitespace, no control character),
        // perhaps with a space at either end: copied at once.
        let words = text.trim_matches(' ');
        if is_single_spaced(words) {
            self.space |= words.len() < text.len() && text.starts_with(' ');
            if !words.is_empty() {
                self.run(words, escaped);
            }
            self.space |= words.len() < text.len() && text.ends_with(' ');
            return;
        }
        let bytes = text.as_bytes();
        let mut run_start: Option<usize> = None;
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            // Printable ASCII, nearly every byte of a paper: a word, read to its end at once.
            if is_printable_ascii(byte) {
                run_start.get_or_insert(i);
                let rest = bytes.get(i..).unwrap_or_default();
                i += rest
                    .iter()
                    .position(|&b| !is_printable_ascii(b))
                    .unwrap_or(rest.len());
                continue;
            }
            if byte == b' '
                && run_start.is_some()
                && bytes
                    .get(i + 1)
                    .is_some_and(|&next| whitespace_len(text, i + 1, next) == 0)
            {
                i += 1;
                continue;
            }
            let space_len = whitespace_len(text, i, byte);
            if space_len == 0 {
                run_start.get_or_insert(i);
                i += 1;
                continue;
            }
            if let Some(start) = run_start.take() {
                self.run(text.get(start..i).unwrap_or_default(), escaped);
            }
            self.space = true;
            i += space_len;
        }
        if let Some(start) = run_start {
            self.run(text.get(start..).unwrap_or_default(), escaped);
        }
    }

    /// Writes words separated by single spaces, after one space when whitespace came before.
    fn run(&mut self, words: &str, escaped: bool) {
        if self.space && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.space = false;
        if escaped {
            super::finish::escape_into(&mut self.out, words);
        } else {
            self.out.push_str(words);
        }
    }
}

/// Whether `text` has no control character, no whitespace but the ASCII space, and no two
/// spaces together: words one space apart when it neither starts nor ends with a space.
fn is_single_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Chunks are checked without stopping early inside one, which compiles to vector code.
    let no_controls = bytes.chunks(64).all(|chunk| {
        let controls = chunk.iter().fold(0_u8, |found, &byte| {
            found | u8::from(byte < b' ' || byte == 0x7F)
        });
        controls == 0
    });
    // Every other whitespace character is encoded starting with one of these bytes.
    let unicode_space = || {
        memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
            .chain(memchr::memchr_iter(0xE3, bytes))
            .any(|at| {
                bytes
                    .get(at)
                    .is_some_and(|&byte| whitespace_len(text, at, byte) > 0)
            })
    };
    no_controls && memchr::memmem::find(bytes, b"  ").is_none() && !unicode_space()
}

/// Whether `byte` is a visible ASCII character (neither whitespace, a control, nor part of a
/// longer UTF-8 character).
#[inline]
fn is_printable_ascii(byte: u8) -> bool {
    byte > b' ' && byte < 0x7F
}

/// The length of the whitespace character at byte `i` of `text` (whose byte there is `byte`),
/// or 0 when it is not whitespace (or not the first byte of a character): what
/// [`char::is_whitespace`] says, with ASCII answered without decoding.
#[inline]
fn whitespace_len(text: &str, i: usize, byte: u8) -> usize {
    if byte < 0x80 {
        usize::from(matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
    } else if byte >= 0xC0 {
        text.get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Collapsed, collapse_whitespace};
    use crate::formats::paper::finish::escape;

    /// Collapsing, as defined: the words `split_whitespace` finds, joined by one space.
    fn by_definition(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn whitespace_of_every_kind_collapses_to_one_space() {
        assert_eq!(
            collapse_whitespace("  a\t\n b\u{a0}\u{2003}c\u{b}d\u{c}\r e  "),
            "a b c d e"
        );
        assert_eq!(collapse_whitespace("é  ü\u{3000}日本"), "é ü 日本");
        assert_eq!(collapse_whitespace(" \n "), "");
    }

    proptest! {
        #[test]
        fn pieces_collapse_as_their_concatenation_does(
            pieces in proptest::collection::vec("[ a\t\n\u{a0}\u{2003}\u{85}\u{200a}\u{1680}\u{3000}–é\\[@日]{0,12}", 0..6),
            escaped in any::<bool>(),
        ) {
            let mut out = Collapsed::default();
            for piece in &pieces {
                if escaped {
                    out.push_escaped(piece);
                } else {
                    out.push(piece);
                }
            }
            let joined = by_definition(&pieces.concat());
            let expected = if escaped { escape(&joined) } else { joined };
            prop_assert_eq!(out.finish(), expected);
        }
    }
}

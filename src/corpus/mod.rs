//! The model: corpus types, loading, validation, the cross-link index and search.
//!
//! Nothing here knows about the window; the command line and the tests use it directly.

pub mod chart_table;
pub mod checks;
pub mod citations;
pub mod cite;
pub mod diagnostics;
pub mod display;
pub mod find;
pub mod index;
pub mod item;
pub mod kinds;
pub mod links;
pub mod load;
pub mod math;
pub mod migrate;
pub mod model;
pub mod number;
pub mod schema;
pub mod search;
pub mod sentences;
pub mod study_notes;
pub mod synthetic;
pub mod table_series;
pub mod text;
pub mod validate;

pub use diagnostics::{Code, Diagnostic, Severity};
pub use index::Index;
pub use item::{Item, ItemKey, ItemKind};
pub use load::{LoadFailure, LoadReport, MAX_FILE_BYTES};
pub use model::CorpusFile;

use model::{Paragraph, Reference, Section};

/// The built-in corpus: Fitria (2025), *Human Trafficking in the Lens of Liberalism in
/// International Relations*, embedded in the binary.
pub const BUILTIN_JSON: &str = include_str!("../../corpus/fitria-2025.json");

/// The corpus format guide (`corpus/README.md`), embedded in the binary so that
/// `paperlens docs format` and the window's Help → Corpus format work without the repository.
pub const FORMAT_GUIDE: &str = include_str!("../../corpus/README.md");

/// The name the built-in corpus goes by in messages.
pub const BUILTIN_NAME: &str = "built-in corpus (fitria-2025.json)";

/// A loaded, validated and indexed corpus.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// The records as read from the file.
    pub file: CorpusFile,
    /// Cross-links computed at load.
    pub index: Index,
    /// Warnings found at load (a corpus with errors does not load).
    pub warnings: Vec<Diagnostic>,
    /// Where it came from: a path, or [`BUILTIN_NAME`].
    pub source_name: String,
}

impl Corpus {
    /// Validates and indexes a parsed corpus file. Returns every diagnostic on failure.
    ///
    /// # Errors
    /// The diagnostics, when any of them is an error.
    pub fn from_file(mut file: CorpusFile, source_name: &str) -> Result<Self, Vec<Diagnostic>> {
        let from_tables = table_series::fill_from_tables(&mut file);
        let ids = kinds::IdMaps::new(&file);
        let numbers = index::reference_numbers(&file);
        let text = index::TextPass::run(&file, &ids, &numbers);
        let mut diagnostics = from_tables;
        diagnostics.extend(validate::validate_with(&file, &ids, &text));
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        let index = Index::build_with(&file, &ids, numbers, text);
        drop(ids);
        Ok(Self {
            file,
            index,
            warnings: diagnostics,
            source_name: source_name.to_owned(),
        })
    }

    /// Parses, validates and indexes corpus JSON.
    ///
    /// # Errors
    /// Every diagnostic (with line and column) when the text does not make a valid corpus.
    pub fn from_json(text: &str, source_name: &str) -> Result<Self, Box<LoadReport>> {
        let report = load::load_str(text, source_name);
        match report.corpus {
            Some(corpus) => Ok(corpus),
            None => Err(Box::new(report)),
        }
    }

    /// The built-in corpus. It is checked by the test suite; should it ever fail to load, an
    /// empty corpus carrying the diagnostics as warnings is returned instead of panicking.
    #[must_use]
    pub fn builtin() -> Self {
        let report = load::load_str(BUILTIN_JSON, BUILTIN_NAME);
        match report.corpus {
            Some(corpus) => corpus,
            None => Self {
                warnings: report.diagnostics,
                source_name: BUILTIN_NAME.to_owned(),
                ..Self::default()
            },
        }
    }

    /// The file as it is written out (an export, `import --out`, `migrate`): without the tour
    /// steps that name no item. A tour file beside a paper keeps such steps (the Tour view shows
    /// them); in a corpus file they are errors, and the written file would not open.
    #[must_use]
    pub fn file_to_write(&self) -> CorpusFile {
        let mut file = self.file.for_saving();
        file.tour
            .retain(|step| Item::from_key(step.show.trim(), self).is_some());
        file
    }

    /// A paragraph by its reading-order position.
    #[must_use]
    pub fn paragraph(&self, position: usize) -> Option<&Paragraph> {
        let info = self.index.paragraphs.get(position)?;
        self.file
            .sections
            .get(info.section)?
            .paragraphs
            .get(info.position_in_section)
    }

    /// The section holding a paragraph.
    #[must_use]
    pub fn section_of_paragraph(&self, position: usize) -> Option<&Section> {
        self.file
            .sections
            .get(self.index.paragraphs.get(position)?.section)
    }

    /// The position of the reference with this id.
    #[must_use]
    pub fn reference_by_id(&self, id: &str) -> Option<usize> {
        self.file.references.iter().position(|r| r.id == id)
    }

    /// The position of the region with this id.
    #[must_use]
    pub fn region_by_id(&self, id: &str) -> Option<usize> {
        self.file.regions.iter().position(|r| r.id == id)
    }

    /// Whether the corpus holds references and no paper: a bibliography opened on its own
    /// (`.bib`, `.ris`, CSL-JSON), with no text and nothing of a paper's front matter but a
    /// title. Nothing cites its references, so they have no printed numbers and there is no
    /// paper whose reference list could be quoted.
    #[must_use]
    pub fn is_bibliography_only(&self) -> bool {
        let paper = &self.file.paper;
        !self.has_text()
            && paper.authors.is_empty()
            && paper.abstract_text.trim().is_empty()
            && paper.keywords.is_empty()
    }

    /// Whether the corpus holds the paper's text: a section, and no import said the text is
    /// missing. A paper given by its front matter alone (GROBID's header-only output, an
    /// article `PubMed` Central has as scanned pages, perhaps with its acknowledgements) has
    /// none: nothing in it cites, and it has no outline.
    #[must_use]
    pub fn has_text(&self) -> bool {
        !self.file.sections.is_empty()
            && !self
                .warnings
                .iter()
                .any(|warning| warning.code == Code::NoPaperText)
    }

    /// The number the paper prints for a reference (`[8]`), by position; `None` in a
    /// bibliography-only corpus, where no text prints one, and in a paper whose citations print
    /// no numbers (author–date: `Smith et al., 2019`).
    #[must_use]
    pub fn printed_number(&self, position: usize) -> Option<u32> {
        if self.is_bibliography_only() || !self.index.prints_numbers {
            return None;
        }
        self.index.reference_numbers.get(position).copied()
    }

    /// The label a paper's list prints for a reference in place of a number (`Knu84`), by
    /// position; `None` in a bibliography-only corpus, where no text prints one.
    #[must_use]
    pub fn printed_label(&self, position: usize) -> Option<&str> {
        if self.is_bibliography_only() {
            return None;
        }
        self.file.references.get(position)?.citation_label()
    }

    /// The first in-text citation as the paper prints it (`[1]`, `(Smith et al., 2019)`), an
    /// example of the paper's own form; `None` when nothing in the text cites.
    #[must_use]
    pub fn first_printed_citation(&self) -> Option<&str> {
        self.index.printed_citation(0).map(str::trim)
    }

    /// The number before a reference in the paper's numbered list: `[8]` in a paper whose
    /// markers print square brackets, else `8.`; in a paper whose list prints labels instead,
    /// the label (`[Knu84]`); `None` where neither is printed (see
    /// [`Corpus::printed_number`]).
    #[must_use]
    pub fn list_label(&self, position: usize) -> Option<String> {
        let Some(number) = self.printed_number(position) else {
            return self
                .printed_label(position)
                .map(|label| format!("[{label}]"));
        };
        let bracketed = self
            .first_printed_citation()
            .is_some_and(|citation| citation.starts_with('['));
        Some(if bracketed {
            format!("[{number}]")
        } else {
            format!("{number}.")
        })
    }

    /// The reference and its printed number, by position.
    #[must_use]
    pub fn reference(&self, position: usize) -> Option<(&Reference, u32)> {
        Some((
            self.file.references.get(position)?,
            *self.index.reference_numbers.get(position)?,
        ))
    }

    /// Where the text mentions the year of a series point (empty when it has none).
    #[must_use]
    pub fn point_year_mentions(&self, series: usize, point: usize) -> &[index::YearMention] {
        self.file
            .series
            .get(series)
            .and_then(|s| s.points.get(point))
            .and_then(|p| self.index.year_mentions.get(&p.year))
            .map_or(&[], Vec::as_slice)
    }

    /// Counts of what the corpus holds, for summaries.
    #[must_use]
    pub fn summary(&self) -> Summary {
        Summary {
            references: self.file.references.len(),
            citations: self
                .index
                .citations
                .iter()
                .map(|c| c.references.len())
                .sum::<usize>()
                + self.index.cited_in_cells(),
            citation_groups: self.index.citations.len() + self.index.cell_citations.len(),
            sections: self.file.sections.len(),
            paragraphs: self.index.paragraphs.len(),
            entities: self.file.entities.len(),
            cases: self.file.cases.len(),
            tables: self.file.tables.len(),
            table_rows: self.file.table_row_count(),
            figures: self.file.figures.len(),
            footnotes: self.file.footnotes.len(),
            series_points: self.file.series.iter().map(|s| s.points.len()).sum(),
            notes: self.file.notes.len(),
        }
    }
}

/// `"1 case"`, `"3 cases"`, `"2 entities"`: a count with its noun in the right number.
#[must_use]
pub fn counted(n: usize, noun: &str) -> String {
    // `entity`, `entities`; but `key`, `keys` (a vowel before the `y`).
    let consonant_y = noun
        .strip_suffix('y')
        .filter(|stem| !stem.ends_with(['a', 'e', 'o', 'u']));
    match (n, consonant_y) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {noun}s"),
    }
}

/// One line: what the corpus holds and how many errors and warnings were found.
#[must_use]
pub fn summary_line(report: &LoadReport) -> String {
    let (errors, warnings) = diagnostics::count(&report.diagnostics);
    let verdict = format!(
        "{}, {}",
        counted(errors, "error"),
        counted(warnings, "warning")
    );
    match &report.corpus {
        Some(corpus) => {
            let s = corpus.summary();
            format!(
                "{}: {}, {} ({}), {}, {}, {}, {}, {} ({}), {}, {}, {}; {verdict}",
                report.source_name,
                counted(s.references, "reference"),
                counted(s.citations, "citation"),
                counted(s.citation_groups, "citation group"),
                counted(s.sections, "section"),
                counted(s.paragraphs, "paragraph"),
                counted(s.entities, "entity"),
                counted(s.cases, "case"),
                counted(s.tables, "table"),
                counted(s.table_rows, "row"),
                counted(s.figures, "figure"),
                counted(s.footnotes, "footnote"),
                counted(s.series_points, "series point"),
            )
        }
        None => format!("{}: not loaded; {verdict}", report.source_name),
    }
}

/// Counts of what a corpus holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Reference-list entries.
    pub references: usize,
    /// Citations of a reference in the text and in table cells (`[2], [4]` counts two).
    pub citations: usize,
    /// Citation groups in the text and in table cells (`[2], [4]` counts one).
    pub citation_groups: usize,
    /// Sections and subsections.
    pub sections: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Entities.
    pub entities: usize,
    /// Cases and examples.
    pub cases: usize,
    /// Tables.
    pub tables: usize,
    /// Rows over all tables.
    pub table_rows: usize,
    /// Figures.
    pub figures: usize,
    /// Footnotes of the running text.
    pub footnotes: usize,
    /// Data points over all series.
    pub series_points: usize,
    /// Editorial notes.
    pub notes: usize,
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn counts_take_the_noun_in_the_right_number() {
        assert_eq!(counted(1, "case"), "1 case");
        assert_eq!(counted(0, "case"), "0 cases");
        assert_eq!(counted(2, "entity"), "2 entities");
        assert_eq!(counted(1, "table row"), "1 table row");
    }
}

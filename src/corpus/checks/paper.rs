//! What every check shares: the corpus, the citing paper's year, and making flags.

use super::context::Sentences;
use super::{Flag, FlagKind, FlagSeverity};
use crate::corpus::{Corpus, cite};

/// The paper being checked.
pub(super) struct Paper<'a> {
    /// The corpus.
    pub corpus: &'a Corpus,
    /// The citing paper's year, from its date or else its history; `None` when neither holds
    /// a year.
    pub year: Option<i32>,
    /// Where the year was read, in words ("its date, Feb, 2025").
    pub date_source: String,
    /// What each sentence cites.
    pub sentences: Sentences,
}

impl<'a> Paper<'a> {
    /// The paper of `corpus`.
    pub fn new(corpus: &'a Corpus) -> Self {
        let paper = &corpus.file.paper;
        let from_date =
            year_in(&paper.date).map(|year| (year, format!("its date, {}", paper.date)));
        let from_history = || {
            paper
                .history
                .iter()
                .filter_map(|event| {
                    let year = year_in(&event.date)?;
                    Some((year, format!("its history, {} {}", event.event, event.date)))
                })
                .max_by_key(|(year, _)| *year)
        };
        let (year, date_source) = from_date.or_else(from_history).unzip();
        Self {
            corpus,
            year,
            date_source: date_source.unwrap_or_default(),
            sentences: Sentences::new(&corpus.index, &corpus.file.references),
        }
    }

    /// The latest year a sentence can report on: the paper's, else the newest reference's.
    pub fn latest_year(&self) -> Option<i32> {
        self.year.or_else(|| {
            self.corpus
                .file
                .references
                .iter()
                .filter_map(cite::year)
                .max()
        })
    }

    /// A flag about citation `citation` of reference `reference`.
    #[allow(clippy::too_many_arguments)]
    pub fn citation_flag(
        &self,
        citation: usize,
        reference: usize,
        kind: FlagKind,
        check: &'static str,
        severity: FlagSeverity,
        message: String,
        evidence: String,
    ) -> Flag {
        let index = &self.corpus.index;
        Flag {
            citation: Some(citation),
            paragraph: index.citations.get(citation).map(|c| c.paragraph),
            sentence: index
                .citing_sentence(citation)
                .unwrap_or_default()
                .to_owned(),
            ..reference_flag(reference, kind, check, severity, message, evidence)
        }
    }
}

/// A flag about reference `reference` alone.
pub(super) fn reference_flag(
    reference: usize,
    kind: FlagKind,
    check: &'static str,
    severity: FlagSeverity,
    message: String,
    evidence: String,
) -> Flag {
    Flag {
        kind,
        check,
        severity,
        citation: None,
        reference: Some(reference),
        paragraph: None,
        sentence: String::new(),
        message,
        evidence,
        words: None,
    }
}

/// How a flag sorts within its kind: by where it stands in the text (paragraph, then
/// citation), then flags about a reference alone by reference.
pub(super) fn place_of(flag: &Flag) -> (usize, usize, usize) {
    (
        flag.paragraph.unwrap_or(usize::MAX),
        flag.citation.unwrap_or(usize::MAX),
        flag.reference.unwrap_or(usize::MAX),
    )
}

impl Paper<'_> {
    /// How the paper prints reference `reference` in a message: `[8]` when numbered, else its
    /// short label `Porter & van der Linde (1995)`.
    pub fn reference_name(&self, reference: usize) -> String {
        match self.corpus.reference(reference) {
            Some((r, number)) if r.citation_number.is_some() => {
                format!("[{number}] {}", cite::short_label(r))
            }
            Some((r, _)) => cite::short_label(r),
            None => format!("reference {}", reference + 1),
        }
    }
}

/// The first four-digit year (1800–2100) standing as a word in `text`.
pub(super) fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse::<i32>().ok())
        .find(|year| (1800..=2100).contains(year))
}

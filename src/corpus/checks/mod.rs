//! The citation check: what a careful reader would question about a paper's citations and
//! references, each as a [`Flag`] with its evidence, never a verdict.
//!
//! Four kinds of check ([`FlagKind`]): anachronism (a cited work older than what its citing
//! context names, or dated after the citing paper), topic mismatch (little overlap between the
//! citing context's words and what the corpus knows of the reference; a weak signal), malformed
//! reference entries, and citation hygiene. Flags are computed from a loaded [`Corpus`]; the
//! corpus's own editorial notes stay apart from them.

mod anachronism;
mod context;
mod hygiene;
mod malformed;
mod mislinked;
mod paper;
#[cfg(test)]
mod tests;
mod topic;
#[cfg(test)]
mod topic_tests;
mod words;

use serde::Serialize;

use super::Corpus;
use super::item::Item;
use paper::Paper;

/// The family a flag belongs to; the Checks view groups by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// The cited work is older than something its citing context names, or dated after the
    /// citing paper.
    Anachronism,
    /// The citing context and the reference share few content words.
    TopicMismatch,
    /// A reference entry whose fields do not read as what they should hold.
    MalformedReference,
    /// Citations and references that do not match up: no reference, never cited, listed twice,
    /// ambiguous author–year, unresolved ranges, secondary citations, a marker linked to
    /// another work than it prints.
    Hygiene,
}

impl FlagKind {
    /// Every kind, in the order they are shown.
    pub const ALL: [Self; 4] = [
        Self::Anachronism,
        Self::TopicMismatch,
        Self::MalformedReference,
        Self::Hygiene,
    ];

    /// Its name as shown to a reader, e.g. "Topic mismatch".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Anachronism => "Anachronism",
            Self::TopicMismatch => "Topic mismatch",
            Self::MalformedReference => "Malformed reference",
            Self::Hygiene => "Citation hygiene",
        }
    }

    /// Its stable name in JSON and CSV, e.g. `topic_mismatch`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Anachronism => "anachronism",
            Self::TopicMismatch => "topic_mismatch",
            Self::MalformedReference => "malformed_reference",
            Self::Hygiene => "hygiene",
        }
    }
}

/// How strongly a flag suggests a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagSeverity {
    /// A weak signal worth a look (topic mismatch is never more than this).
    Weak,
    /// Likely worth questioning.
    Moderate,
    /// Almost certainly a problem (a citation with no reference, a work dated after the paper).
    Strong,
}

impl FlagSeverity {
    /// Its name as shown to a reader.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Weak => "weak signal",
            Self::Moderate => "worth checking",
            Self::Strong => "strong",
        }
    }
}

/// The words a topic-mismatch flag compared, shown so the reader can judge.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct WordEvidence {
    /// Content words (stems as printed words) of the citing context.
    pub context: Vec<String>,
    /// Content words of the reference's title, container, keywords and abstract.
    pub reference: Vec<String>,
    /// The words both share.
    pub shared: Vec<String>,
    /// This citation's overlap score.
    pub score: f64,
    /// The typical (median) score of the paper's other citations.
    pub typical: f64,
}

/// One thing the check found, with what it found it from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flag {
    /// Its family.
    pub kind: FlagKind,
    /// Its precise check, a stable code such as `older-than-entity`, `title-reads-like-text`.
    pub check: &'static str,
    /// How strongly it suggests a problem.
    pub severity: FlagSeverity,
    /// The citation it is about (position in `Index::citations`), if any.
    #[serde(skip)]
    pub citation: Option<usize>,
    /// The reference it is about (position in `references`), if any.
    #[serde(skip)]
    pub reference: Option<usize>,
    /// The paragraph of the citing sentence (position in reading order), if any.
    #[serde(skip)]
    pub paragraph: Option<usize>,
    /// The citing sentence as the Reader prints it (empty for a reference-only flag).
    pub sentence: String,
    /// One line saying what was found, e.g. "Cited for the Blue Heart Campaign (2009), but
    /// dated 1977".
    pub message: String,
    /// The evidence in plain words: years, entity, field and value, words compared.
    pub evidence: String,
    /// For a topic mismatch: the words compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<WordEvidence>,
}

impl Flag {
    /// The item a click on the flag selects: its citation, else its reference.
    #[must_use]
    pub fn item(&self) -> Option<Item> {
        self.citation
            .map(Item::Citation)
            .or(self.reference.map(Item::Reference))
    }
}

/// Every flag of a corpus, in reading order within each kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CitationChecks {
    /// The flags.
    pub flags: Vec<Flag>,
}

impl CitationChecks {
    /// Runs every check over `corpus`; the flags come ordered by kind, then in reading order
    /// (flags about a reference alone after those about a place in the text, by reference).
    #[must_use]
    pub fn run(corpus: &Corpus) -> Self {
        let paper = Paper::new(corpus);
        let mut flags = Vec::new();
        anachronism::check(&paper, &mut flags);
        topic::check(&paper, &mut flags);
        malformed::check(&paper, &mut flags);
        hygiene::check(&paper, &mut flags);
        mislinked::check(&paper, &mut flags);
        flags.sort_by_key(|flag| (flag.kind, paper::place_of(flag)));
        Self { flags }
    }

    /// The flags about reference `reference` (position in `references`), including those on
    /// its citations.
    pub fn for_reference(&self, reference: usize) -> impl Iterator<Item = &Flag> {
        self.flags
            .iter()
            .filter(move |flag| flag.reference == Some(reference))
    }

    /// The flags about citation `citation` (position in `Index::citations`).
    pub fn for_citation(&self, citation: usize) -> impl Iterator<Item = &Flag> {
        self.flags
            .iter()
            .filter(move |flag| flag.citation == Some(citation))
    }

    /// How many distinct references have at least one flag.
    #[must_use]
    pub fn flagged_references(&self) -> usize {
        let mut references: Vec<usize> = self.flags.iter().filter_map(|f| f.reference).collect();
        references.sort_unstable();
        references.dedup();
        references.len()
    }
}

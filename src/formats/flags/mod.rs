//! The citation check's flags ([`CitationChecks`]) written out: as CSV for a spreadsheet
//! ([`to_csv`]), as JSON for programs ([`to_json`]), as a Markdown worksheet a student fills
//! in ([`to_markdown`]) and as plain words for a terminal ([`to_text`]).
//!
//! Each flag is first turned into its fields once ([`FlagFields`]: the reference's id and label,
//! the citation's key, where the sentence stands …), and every format writes those fields, so
//! the three say the same thing about a flag. [`FlagSummary`] holds the counts they all report.

mod markdown;
mod text;

use serde::Serialize;

use crate::corpus::Corpus;
use crate::corpus::checks::{CitationChecks, Flag, FlagKind, FlagSeverity, WordEvidence};
use crate::corpus::display::{paragraph_place, reference_label};
use crate::corpus::item::Item;

use super::ExportError;

pub(crate) use markdown::escape as escape_markdown;
pub use markdown::{SUPPORT_ANSWERS, SUPPORT_QUESTION, to_markdown, to_markdown_answered};
pub use text::to_text;

/// One flag as the exports write it: its kind, check and severity by their stable codes and
/// labels, what it is about (reference id and label, citation key and printed form, place),
/// the citing sentence, the message and the evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlagFields {
    /// The kind's stable code (`anachronism`, `topic_mismatch` …).
    pub kind: &'static str,
    /// The kind as a reader sees it ("Topic mismatch").
    #[serde(skip)]
    pub kind_label: &'static str,
    /// The precise check's stable code (`older-than-entity` …).
    pub check: &'static str,
    /// The severity's stable code (`weak`, `moderate`, `strong`).
    pub severity: &'static str,
    /// The severity as a reader sees it ("worth checking").
    #[serde(skip)]
    pub severity_label: &'static str,
    /// The id of the reference it is about (`porter1995`), if any.
    pub reference: Option<String>,
    /// The reference in a few words as the paper numbers it (`[8] Porter & van der Linde
    /// (1995)`); empty without a reference.
    pub reference_label: String,
    /// The key of the citation it is about (`citation:literature-review.p3/0`), if any.
    pub citation: Option<String>,
    /// The citation as the paper prints it (`[8]`, `(Porter, 1995)`); empty without one.
    pub cited_as: String,
    /// The key of the paragraph the sentence stands in (`paragraph:literature-review.p3`), if
    /// any: a flag about a passage with no citation (a marker that names no reference) has
    /// this and no citation key.
    pub paragraph: Option<String>,
    /// Where the citing sentence stands (`2 Literature Review, ¶ 3`); empty without one.
    pub place: String,
    /// The citing sentence as printed; empty for a flag about a reference entry only.
    pub sentence: String,
    /// One line saying what was found.
    pub message: String,
    /// The evidence in plain words.
    pub evidence: String,
    /// For a topic mismatch: the words compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<WordEvidence>,
}

impl FlagFields {
    /// The fields of `flag`, a flag of `corpus`.
    #[must_use]
    pub fn of(corpus: &Corpus, flag: &Flag) -> Self {
        let reference = flag.reference.filter(|&r| r < corpus.file.references.len());
        let citation_info = flag.citation.and_then(|c| corpus.index.citations.get(c));
        let paragraph = flag.paragraph.or(citation_info.map(|info| info.paragraph));
        let cited_as = flag
            .citation
            .and_then(|c| corpus.index.printed_citation(c))
            .unwrap_or_default();
        Self {
            kind: flag.kind.code(),
            kind_label: flag.kind.label(),
            check: flag.check,
            severity: severity_code(flag.severity),
            severity_label: flag.severity.label(),
            reference: reference.and_then(|r| corpus.file.references.get(r).map(|w| w.id.clone())),
            reference_label: reference
                .map(|r| reference_label(corpus, r))
                .unwrap_or_default(),
            citation: flag
                .citation
                .and_then(|c| Item::Citation(c).key(corpus))
                .map(|key| key.0),
            cited_as: one_line(cited_as),
            paragraph: paragraph
                .and_then(|p| Item::Paragraph(p).key(corpus))
                .map(|key| key.0),
            place: paragraph
                .map(|p| paragraph_place(corpus, p))
                .unwrap_or_default(),
            sentence: one_line(&flag.sentence),
            message: one_line(&flag.message),
            evidence: flag.evidence.trim().to_owned(),
            words: flag.words.clone(),
        }
    }
}

/// Every flag of `checks` as its fields, in the checks' order.
#[must_use]
pub fn all_fields(corpus: &Corpus, checks: &CitationChecks) -> Vec<FlagFields> {
    checks
        .flags
        .iter()
        .map(|flag| FlagFields::of(corpus, flag))
        .collect()
}

/// A severity's stable code in JSON and CSV, as serde writes it.
fn severity_code(severity: FlagSeverity) -> &'static str {
    match severity {
        FlagSeverity::Weak => "weak",
        FlagSeverity::Moderate => "moderate",
        FlagSeverity::Strong => "strong",
    }
}

/// `text` on one line: every run of white space (line breaks included) as one space, trimmed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The counts every export reports: how many references the corpus has, how many of them are
/// flagged, how many flags, and how many of each kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlagSummary {
    /// References in the corpus.
    pub references: usize,
    /// References with at least one flag.
    pub flagged_references: usize,
    /// Flags in all.
    pub flags: usize,
    /// Flags of each kind, in [`FlagKind::ALL`] order (every kind, zero included).
    pub by_kind: Vec<(FlagKind, usize)>,
}

impl FlagSummary {
    /// The counts of `checks`, the flags of `corpus`.
    #[must_use]
    pub fn of(corpus: &Corpus, checks: &CitationChecks) -> Self {
        Self {
            references: corpus.file.references.len(),
            flagged_references: checks.flagged_references(),
            flags: checks.flags.len(),
            by_kind: FlagKind::ALL
                .into_iter()
                .map(|kind| (kind, checks.flags.iter().filter(|f| f.kind == kind).count()))
                .collect(),
        }
    }

    /// One line in plain words: `"4 of 19 references flagged; 6 flags: 2 anachronism, 4
    /// citation hygiene"`, or `"0 of 19 references flagged; no flags"`.
    #[must_use]
    pub fn line(&self) -> String {
        let head = format!(
            "{} of {} flagged",
            self.flagged_references,
            crate::corpus::counted(self.references, "reference")
        );
        if self.flags == 0 {
            return format!("{head}; no flags");
        }
        let kinds: Vec<String> = self
            .by_kind
            .iter()
            .filter(|(_, count)| *count > 0)
            .map(|(kind, count)| format!("{count} {}", kind.label().to_lowercase()))
            .collect();
        format!(
            "{head}; {}: {}",
            crate::corpus::counted(self.flags, "flag"),
            kinds.join(", ")
        )
    }
}

/// The CSV header, one column per field of [`FlagFields`] (the words compared are in the
/// evidence).
const CSV_HEADER: [&str; 14] = [
    "kind",
    "check",
    "severity",
    "reference",
    "reference_label",
    "citation",
    "cited_as",
    "paragraph",
    "place",
    "sentence",
    "message",
    "evidence",
    "kind_label",
    "severity_label",
];

/// The flags as CSV: a header row, then one row per flag in the checks' order: `kind, check,
/// severity` (stable codes), `reference` (its id) and `reference_label` (as the paper numbers
/// it), `citation` (its key) and `cited_as` (as printed), `paragraph` (its key), `place`
/// (section and ¶), `sentence`,
/// `message`, `evidence`, and the kind's and severity's labels as a reader sees them. Empty
/// cells where a flag has no reference or citation. Only the header when there are no flags.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
pub fn to_csv(corpus: &Corpus, checks: &CitationChecks) -> Result<String, ExportError> {
    let mut rows = vec![CSV_HEADER.map(str::to_owned).to_vec()];
    for fields in all_fields(corpus, checks) {
        rows.push(vec![
            fields.kind.to_owned(),
            fields.check.to_owned(),
            fields.severity.to_owned(),
            fields.reference.unwrap_or_default(),
            fields.reference_label,
            fields.citation.unwrap_or_default(),
            fields.cited_as,
            fields.paragraph.unwrap_or_default(),
            fields.place,
            fields.sentence,
            fields.message,
            fields.evidence,
            fields.kind_label.to_owned(),
            fields.severity_label.to_owned(),
        ]);
    }
    super::csv::write(rows)
}

/// The flags as pretty-printed JSON (with a final newline): an object with `source` (the
/// corpus's name), `summary` (`references`, `flagged_references`, `flags` and `by_kind`, a
/// count for every kind's code) and `flags`, an array of objects with `kind`, `check`,
/// `severity`, `reference` (the reference's id, or null), `reference_label`, `citation` (the
/// citation's key, or null), `cited_as`, `paragraph` (the paragraph's key, or null), `place`,
/// `sentence`, `message`, `evidence` and, for a
/// topic mismatch, `words` (`context`, `reference`, `shared`, `score`, `typical`).
///
/// # Errors
/// Only if serialisation fails, which it does not for these types.
pub fn to_json(corpus: &Corpus, checks: &CitationChecks) -> Result<String, ExportError> {
    /// The document, its keys in this order.
    #[derive(Serialize)]
    struct Document<'a> {
        source: &'a str,
        summary: Counts,
        flags: Vec<FlagFields>,
    }
    /// The summary's counts.
    #[derive(Serialize)]
    struct Counts {
        references: usize,
        flagged_references: usize,
        flags: usize,
        by_kind: serde_json::Map<String, serde_json::Value>,
    }
    let summary = FlagSummary::of(corpus, checks);
    let value = Document {
        source: &corpus.source_name,
        summary: Counts {
            references: summary.references,
            flagged_references: summary.flagged_references,
            flags: summary.flags,
            by_kind: summary
                .by_kind
                .iter()
                .map(|(kind, count)| (kind.code().to_owned(), (*count).into()))
                .collect(),
        },
        flags: all_fields(corpus, checks),
    };
    let mut text =
        serde_json::to_string_pretty(&value).map_err(|e| ExportError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests;

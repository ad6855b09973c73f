//! The flags in plain words for a terminal (`paperlens check --citations`): grouped by kind,
//! each flag's reference, what was found, the sentence and the evidence, then the counts.

use std::fmt::Write as _;

use crate::corpus::Corpus;
use crate::corpus::checks::{CitationChecks, FlagKind};

use super::{FlagFields, FlagSummary};

/// The flags of `checks` as plain text: a line naming the corpus, then for each kind that has
/// flags (in [`FlagKind::ALL`] order) its label and count, and under it each flag: the
/// reference as the paper numbers it (else the citation as printed, else "a passage" or "the
/// paper"),
/// what was found and how strongly, where the sentence stands and the sentence in quotes, and
/// the evidence, each line indented; last, the summary line
/// (`"4 of 19 references flagged; …"`).
#[must_use]
pub fn to_text(corpus: &Corpus, checks: &CitationChecks) -> String {
    let mut out = format!(
        "Citation check of {}: what a careful reader would question, with the evidence; \
         never a verdict.\n",
        corpus.source_name
    );
    for kind in FlagKind::ALL {
        let flags: Vec<FlagFields> = checks
            .flags
            .iter()
            .filter(|flag| flag.kind == kind)
            .map(|flag| FlagFields::of(corpus, flag))
            .collect();
        if flags.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({})", kind.label(), flags.len());
        for fields in &flags {
            flag_text(&mut out, fields);
        }
    }
    let _ = writeln!(out, "\n{}", FlagSummary::of(corpus, checks).line());
    out
}

/// One flag, indented under its kind.
fn flag_text(out: &mut String, fields: &FlagFields) {
    let about = if !fields.reference_label.is_empty() {
        fields.reference_label.clone()
    } else if !fields.cited_as.is_empty() {
        format!("citation {}", fields.cited_as)
    } else if fields.paragraph.is_some() {
        "a passage".to_owned()
    } else {
        "the paper".to_owned()
    };
    let _ = writeln!(
        out,
        "  {about}: {} ({})",
        fields.message, fields.severity_label
    );
    if !fields.sentence.is_empty() {
        let place = if fields.place.is_empty() {
            String::new()
        } else {
            format!("{}: ", fields.place)
        };
        let _ = writeln!(out, "    {place}“{}”", fields.sentence);
    }
    let mut lines = fields
        .evidence
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty());
    if let Some(first) = lines.next() {
        let _ = writeln!(out, "    Evidence: {first}");
        for line in lines {
            let _ = writeln!(out, "              {line}");
        }
    }
}

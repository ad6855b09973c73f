//! The flags as a Markdown worksheet for a student: a title, the counts, then one section per
//! flagged reference (the entry as the paper's list prints it, or in APA) with each of its flags: the
//! citing sentence quoted, what was found, the evidence and boxes to tick.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::corpus::Corpus;
use crate::corpus::checks::CitationChecks;
use crate::corpus::cite::printed_entry;
use crate::formats::styles::{CitationStyle, format_bibliography_entry};

use super::{FlagFields, FlagSummary, one_line};

/// The question a flag on a citing sentence asks the student (the worksheet; student mode may
/// ask it too).
pub const SUPPORT_QUESTION: &str = "Does this source support this sentence?";
/// The question a flag on a reference entry alone asks (no sentence to judge).
const ENTRY_QUESTION: &str = "Does this entry need fixing?";
/// The question a flag on a citation with no reference asks (no source to judge).
const CITATION_QUESTION: &str = "Does this citation need fixing?";
/// The question a flag about the paper as a whole asks.
const PAPER_QUESTION: &str = "Does this need fixing?";
/// The answers to [`SUPPORT_QUESTION`].
pub const SUPPORT_ANSWERS: [&str; 4] = ["Yes", "Partly", "No", "Can't tell"];
/// The answers to [`ENTRY_QUESTION`], [`CITATION_QUESTION`] and [`PAPER_QUESTION`].
const FIXING_ANSWERS: [&str; 3] = ["Yes", "No", "Can't tell"];

/// The flags of `checks` as a Markdown worksheet: a title naming the paper, the counts, a
/// word on what a flag is, then a `##` section per flagged reference in the order of the
/// paper's list (its entry as the list prints it), then one for citations with no reference
/// and one for flags about the paper as a whole;
/// under each, every flag numbered, with the citing sentence quoted and where it stands, what
/// was found, the evidence, and the question to answer with boxes and a line for notes: "Does
/// this source support this sentence?" (`- [ ] Yes`, `Partly`, `No`, `Can't tell`) for a flag
/// on a citing sentence, else whether the entry or the citation needs fixing. The corpus's text is escaped, so nothing in it
/// reads as Markdown.
#[must_use]
pub fn to_markdown(corpus: &Corpus, checks: &CitationChecks) -> String {
    to_markdown_answered(corpus, checks, &BTreeMap::new())
}

/// [`to_markdown`] with the answers a reader has given already ticked: `answers` holds, by the
/// stable key of the citation (`citation:intro.p2/0`) or reference (`reference:porter1995`)
/// a flag is about, one of the answers offered ([`SUPPORT_ANSWERS`] for a citing sentence);
/// its box is written `- [x]`. An answer that is not among a question's answers ticks nothing.
#[must_use]
pub fn to_markdown_answered(
    corpus: &Corpus,
    checks: &CitationChecks,
    answers: &BTreeMap<String, String>,
) -> String {
    let mut out = String::new();
    let title = corpus.file.paper.title.trim();
    let _ = writeln!(out, "# Citation check worksheet\n");
    if title.is_empty() {
        let _ = writeln!(out, "**Source:** {}\n", escape(&corpus.source_name));
    } else {
        let _ = writeln!(out, "**Paper:** {}\n", escape(title));
    }
    let summary = FlagSummary::of(corpus, checks);
    let _ = writeln!(out, "{}.\n", escape(&summary.line()));
    if checks.flags.is_empty() {
        out.push_str(
            "The checks found nothing to question. That is not a verdict either: a citation \
             can still misstate its source.\n",
        );
        return out;
    }
    out.push_str(
        "Each flag is something a careful reader would question, with the evidence found; it \
         is not a verdict. Read the sentence, look at the source itself, then tick one answer.\n",
    );
    let mut number = 0;
    for (heading, flags) in groups(corpus, checks) {
        let _ = writeln!(out, "\n## {heading}");
        for fields in flags {
            number += 1;
            flag_markdown(&mut out, number, &fields, answer_for(&fields, answers));
        }
    }
    out
}

/// The answer given about the citation a flag is about, else about its reference.
fn answer_for<'a>(fields: &FlagFields, answers: &'a BTreeMap<String, String>) -> Option<&'a str> {
    let by_citation = fields.citation.as_ref().and_then(|key| answers.get(key));
    let by_reference = || {
        fields
            .reference
            .as_ref()
            .and_then(|id| answers.get(&format!("reference:{id}")))
    };
    by_citation.or_else(by_reference).map(String::as_str)
}

/// The flags grouped under their headings: each flagged reference in list order (its entry as
/// the list prints it, Markdown already), then citations (or passages) with no reference, then
/// flags about the paper as a whole.
fn groups(corpus: &Corpus, checks: &CitationChecks) -> Vec<(String, Vec<FlagFields>)> {
    let mut references: Vec<usize> = checks.flags.iter().filter_map(|f| f.reference).collect();
    references.sort_unstable();
    references.dedup();
    let mut groups: Vec<(String, Vec<FlagFields>)> = references
        .into_iter()
        .map(|position| {
            let flags = checks
                .for_reference(position)
                .map(|flag| FlagFields::of(corpus, flag))
                .collect();
            (entry_markdown(corpus, position), flags)
        })
        .collect();
    let unreferenced = |in_the_text: bool| -> Vec<FlagFields> {
        checks
            .flags
            .iter()
            .filter(|f| {
                f.reference.is_none()
                    && (f.citation.is_some() || f.paragraph.is_some()) == in_the_text
            })
            .map(|flag| FlagFields::of(corpus, flag))
            .collect()
    };
    for (heading, flags) in [
        ("Citations with no reference", unreferenced(true)),
        ("The paper as a whole", unreferenced(false)),
    ] {
        if !flags.is_empty() {
            groups.push((heading.to_owned(), flags));
        }
    }
    groups
}

/// A reference's entry as the paper's list prints it (`[8] ` first when the paper numbers its
/// list), in APA when the corpus does not hold the printed entry; its italics kept.
fn entry_markdown(corpus: &Corpus, position: usize) -> String {
    let Some(reference) = corpus.file.references.get(position) else {
        return String::new();
    };
    let mut out = corpus
        .printed_number(position)
        .map(|number| format!("\\[{number}\\] "))
        .unwrap_or_default();
    // As the paper's list prints it, or else in APA (a list paperlens never saw printed).
    let entry = printed_entry(reference)
        .unwrap_or_else(|| format_bibliography_entry(reference, CitationStyle::default()));
    for span in entry.0 {
        let edge = |yes: bool| if yes { " " } else { "" };
        let lead = edge(span.text.starts_with(char::is_whitespace));
        let trail = edge(span.text.ends_with(char::is_whitespace));
        let text = escape_inline(&one_line(&span.text));
        if text.is_empty() {
            out.push_str(lead);
        } else if span.italic {
            // Emphasis holds only when it starts and ends beside a letter, not a space.
            let _ = write!(out, "{lead}*{text}*{trail}");
        } else {
            let _ = write!(out, "{lead}{text}{trail}");
        }
    }
    out.trim().to_owned()
}

/// One flag of the worksheet, numbered.
fn flag_markdown(out: &mut String, number: usize, fields: &FlagFields, given: Option<&str>) {
    let _ = writeln!(
        out,
        "\n### Flag {number} · {} ({})\n",
        fields.kind_label, fields.severity_label
    );
    if !fields.sentence.is_empty() {
        let mut cited = String::from("Cited");
        if !fields.place.is_empty() {
            let _ = write!(cited, " in {}", escape(&fields.place));
        }
        if !fields.cited_as.is_empty() {
            let _ = write!(cited, " as “{}”", escape_inline(&fields.cited_as));
        }
        let _ = writeln!(out, "{cited}:\n\n> {}\n", escape(&fields.sentence));
    }
    let _ = writeln!(out, "**Found:** {}\n", escape(&fields.message));
    let evidence: Vec<&str> = fields
        .evidence
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    match evidence.as_slice() {
        [] => {}
        [line] => {
            let _ = writeln!(out, "**Evidence:** {}\n", escape(line));
        }
        lines => {
            out.push_str("**Evidence:**\n\n");
            for line in lines {
                let _ = writeln!(out, "- {}", escape(line));
            }
            out.push('\n');
        }
    }
    let in_the_text = fields.citation.is_some() || fields.paragraph.is_some();
    let question = match (&fields.reference, fields.sentence.is_empty()) {
        (Some(_), false) => SUPPORT_QUESTION,
        (Some(_), true) => ENTRY_QUESTION,
        (None, _) if in_the_text => CITATION_QUESTION,
        (None, _) => PAPER_QUESTION,
    };
    let answers: &[&str] = if question == SUPPORT_QUESTION {
        &SUPPORT_ANSWERS
    } else {
        &FIXING_ANSWERS
    };
    let _ = writeln!(out, "**{question}**\n");
    for answer in answers {
        let tick = if given == Some(*answer) { 'x' } else { ' ' };
        let _ = writeln!(out, "- [{tick}] {answer}");
    }
    out.push_str("\nNotes:\n");
}

/// `text` (one line) escaped so that Markdown shows it as written: the characters that mark up
/// inline text (backslash, backtick, `* _ [ ] < > | ~`) behind a backslash, an `&` that would start an entity,
/// and what would make the line a heading, list item or quote where it starts.
pub(crate) fn escape(text: &str) -> String {
    escape_line_start(escape_inline(text))
}

/// `text` with the characters that mark up inline text behind a backslash (see [`escape`]).
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    out
}

/// `line` with what would make it a block where a line starts (`#`, `-`, `+`, `=`, `1.`,
/// `1)`) behind a backslash.
fn escape_line_start(line: String) -> String {
    if line.starts_with(['#', '-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && let Some(mark @ ('.' | ')')) = line.get(digits..).and_then(|rest| rest.chars().next())
    {
        let (number, rest) = line.split_at(digits);
        return format!("{number}\\{mark}{}", rest.get(1..).unwrap_or_default());
    }
    line
}

//! Anachronism: a cited work older than what its citing context names (an entity with a known
//! start year, or a year written in the text), or dated after the citing paper.
//!
//! Conservative by design: the named thing must be newer than the work by [`MARGIN`] years; a
//! year that starts a range, sets a target ("by 2030"), starts a period ("since 1990"), belongs
//! to a citation printed as text ("(Smith, 2010)") or lies after the paper is not counted; in a
//! sentence that cites several works, a flag is raised only when every work cited there is
//! older than the named thing (so it cannot belong to another of them).

use std::fmt::Write as _;
use std::ops::Range;

use super::context::CitingContext;
use super::paper::reference_flag;
use super::{Flag, FlagKind, FlagSeverity, Paper};
use crate::corpus::cite;
use crate::corpus::text::MONTHS;

/// How many years newer than the work the named thing must be: a work dated the year before a
/// treaty may well discuss its drafting.
pub(super) const MARGIN: i32 = 2;

/// From this many years on, a single-work anachronism is strong.
const STRONG_FROM: i32 = 10;

/// Words before a year that make it a target or the start of a period, not a time the
/// sentence reports on.
const NOT_REPORTED_BEFORE: [&str; 9] = [
    "by", "until", "till", "since", "from", "towards", "toward", "target", "before",
];

/// Capitalised words that may stand before a year without being an author's name.
const NOT_NAMES: [&str; 16] = [
    "in", "by", "since", "from", "until", "during", "after", "before", "between", "of", "and",
    "the", "as", "at", "to", "early",
];

/// Runs the anachronism checks.
pub(super) fn check(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let index = &paper.corpus.index;
    let years = years_by_paragraph(paper);
    for citation in 0..index.citations.len() {
        let Some(context) = CitingContext::of(index, &paper.sentences, citation) else {
            continue;
        };
        let Some(info) = index.citations.get(citation) else {
            continue;
        };
        let in_paragraph = years.get(context.paragraph).map_or(&[][..], Vec::as_slice);
        for &reference in &info.references {
            let Some(year) = paper
                .corpus
                .file
                .references
                .get(reference)
                .and_then(cite::year)
            else {
                continue;
            };
            if let Some(flag) = older_than_entity(paper, citation, reference, year, &context) {
                out.push(flag);
            }
            if let Some(flag) =
                older_than_year(paper, citation, reference, year, &context, in_paragraph)
            {
                out.push(flag);
            }
        }
    }
    after_paper(paper, out);
}

/// A year written in a paragraph: the year and its byte range.
type WrittenYear = (i32, Range<usize>);

/// For each paragraph, the years it writes that a sentence may report on (not after the
/// paper), in text order.
fn years_by_paragraph(paper: &Paper<'_>) -> Vec<Vec<WrittenYear>> {
    let index = &paper.corpus.index;
    let latest = paper.latest_year();
    let mut years: Vec<Vec<WrittenYear>> = vec![Vec::new(); index.paragraphs.len()];
    for (&year, mentions) in &index.year_mentions {
        if latest.is_some_and(|latest| year > latest) {
            break;
        }
        for mention in mentions {
            if let Some(list) = years.get_mut(mention.paragraph) {
                list.push((year, mention.range.clone()));
            }
        }
    }
    for list in &mut years {
        list.sort_by_key(|(_, range)| range.start);
    }
    years
}

/// The items of `sorted` (in text order by `start`) that start inside `range`.
fn starting_within<'s, T>(
    sorted: &'s [T],
    range: &Range<usize>,
    start: impl Fn(&T) -> usize,
) -> &'s [T] {
    let from = sorted.partition_point(|item| start(item) < range.start);
    let to = sorted.partition_point(|item| start(item) < range.end);
    sorted.get(from..to.max(from)).unwrap_or_default()
}

/// The newest year among the other works the sentence cites (`None` when this is the only
/// one, or none of the others has a year), from the sentence's two newest works.
fn newest_other_work(reference: usize, context: &CitingContext<'_>) -> Option<i32> {
    context
        .newest_works
        .iter()
        .find(|(_, work)| *work != reference)
        .map(|(year, _)| *year)
}

/// Whether something that began or happened in `named` is too new for the work dated `year`
/// in this context: newer by the margin, and newer than every other work the sentence cites.
fn too_new(named: i32, year: i32, newest_other: Option<i32>) -> bool {
    named - year >= MARGIN && newest_other.is_none_or(|other| named - other >= MARGIN)
}

/// How strong an anachronism is: strong for a large gap when the work is the only one cited.
fn severity(gap: i32, alone: bool) -> FlagSeverity {
    if alone && gap >= STRONG_FROM {
        FlagSeverity::Strong
    } else {
        FlagSeverity::Moderate
    }
}

/// Where in the context something was named, in words.
fn where_named(context: &CitingContext<'_>, in_previous: bool) -> String {
    match (in_previous, context.back_reference) {
        (true, Some(back)) => format!(
            "the sentence before, which this one refers back to (\u{201c}{back}\u{201d}), names"
        ),
        _ => "the sentence names".to_owned(),
    }
}

/// A work older than an entity the context names whose start year the corpus gives.
fn older_than_entity(
    paper: &Paper<'_>,
    citation: usize,
    reference: usize,
    year: i32,
    context: &CitingContext<'_>,
) -> Option<Flag> {
    let newest_other = newest_other_work(reference, context);
    let mut found: Vec<(usize, i32, bool)> = Vec::new();
    let mentions = context
        .ranges()
        .flat_map(|range| starting_within(&context.info.mentions, &range, |m| m.range.start));
    for mention in mentions {
        let at = mention.range.start;
        let Some(since) = paper
            .corpus
            .file
            .entities
            .get(mention.entity)
            .and_then(crate::corpus::model::Entity::start_year)
        else {
            continue;
        };
        if too_new(since, year, newest_other) && !found.iter().any(|n| n.0 == mention.entity) {
            found.push((mention.entity, since, context.in_previous(at)));
        }
    }
    let newest = found.iter().map(|n| n.1).max()?;
    let mut evidence = format!("Dated {year}; ");
    for in_previous in [true, false] {
        let here: Vec<&(usize, i32, bool)> = found.iter().filter(|n| n.2 == in_previous).collect();
        if here.is_empty() {
            continue;
        }
        if !evidence.ends_with("; ") {
            evidence.push_str("; ");
        }
        evidence.push_str(&where_named(context, in_previous));
        let names: Vec<String> = here
            .iter()
            .filter_map(|(entity, since, _)| {
                let name = &paper.corpus.file.entities.get(*entity)?.name;
                Some(format!("the {name}, which began in {since}"))
            })
            .collect();
        let _ = write!(evidence, " {}", join_words(&names));
    }
    evidence.push_str(" (start years are editorial, from the corpus, not the paper)");
    // The message names the two newest, newest first, and counts the rest.
    let mut by_age = found.clone();
    by_age.sort_by_key(|n| std::cmp::Reverse(n.1));
    let mut named: Vec<String> = by_age
        .iter()
        .take(2)
        .filter_map(|(entity, since, _)| {
            let name = &paper.corpus.file.entities.get(*entity)?.name;
            Some(format!("the {name} (began {since})"))
        })
        .collect();
    if found.len() > 2 {
        named.push(format!("{} more", found.len() - 2));
    }
    Some(paper.citation_flag(
        citation,
        reference,
        FlagKind::Anachronism,
        "older-than-entity",
        severity(newest - year, newest_other.is_none()),
        format!("Cited about {}, but dated {year}", join_words(&named)),
        evidence,
    ))
}

/// A work older than a year written in its context (a reported time, not a target, a range's
/// start or a citation printed as text).
fn older_than_year(
    paper: &Paper<'_>,
    citation: usize,
    reference: usize,
    year: i32,
    context: &CitingContext<'_>,
    in_paragraph: &[WrittenYear],
) -> Option<Flag> {
    let newest_other = newest_other_work(reference, context);
    let printed = &context.info.printed;
    let mut named: Vec<(i32, bool)> = Vec::new();
    for range in context.ranges() {
        for (written, at) in starting_within(in_paragraph, &range, |(_, r)| r.start) {
            if *written - year >= MARGIN
                && too_new(*written, year, newest_other)
                && is_reported_year(printed, at.clone())
            {
                named.push((*written, context.in_previous(at.start)));
            }
        }
    }
    let &(newest, in_previous) = named.iter().max_by_key(|n| n.0)?;
    let mut numbers: Vec<i32> = named.iter().map(|n| n.0).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let years: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    let evidence = format!(
        "Dated {year}; {} the year{} {}",
        where_named(context, in_previous),
        if years.len() > 1 { "s" } else { "" },
        join_words(&years)
    );
    Some(paper.citation_flag(
        citation,
        reference,
        FlagKind::Anachronism,
        "older-than-year",
        severity(newest - year, newest_other.is_none()),
        format!("Cited for something in {newest}, but dated {year}"),
        evidence,
    ))
}

/// Works dated after the citing paper.
fn after_paper(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let Some(paper_year) = paper.year else {
        return;
    };
    for (position, reference) in paper.corpus.file.references.iter().enumerate() {
        let Some(year) = cite::year(reference) else {
            continue;
        };
        if year <= paper_year {
            continue;
        }
        let severity = if year > paper_year + 1 {
            FlagSeverity::Strong
        } else {
            FlagSeverity::Moderate
        };
        out.push(reference_flag(
            position,
            FlagKind::Anachronism,
            "after-paper",
            severity,
            format!("Dated {year}, after the citing paper ({paper_year})"),
            format!(
                "The reference is dated {year}; the paper is dated {paper_year} ({}). A work \
                 in press may carry next year's date; a later year is a slip.",
                paper.date_source
            ),
        ));
    }
}

/// Whether the year at `range` of `text` is a time the sentence reports on: not the start of a
/// range (`1990–2010`, `1990 to 2010`), not after "by", "since", "from" …, not a year printed as
/// part of a citation (`Smith, 2010`, `Smith et al. (2010)`, `(2010)`) or a name (`Agenda 2030`).
#[must_use]
pub(super) fn is_reported_year(text: &str, range: Range<usize>) -> bool {
    let before = text.get(..range.start).unwrap_or_default();
    let after = text.get(range.end..).unwrap_or_default();
    // A range's start, or its end: either way the sentence speaks of a period.
    let after_trimmed = after.trim_start();
    let starts_range = after.starts_with(['–', '-', '—', '/'])
        || ["to ", "and ", "through ", "until "]
            .iter()
            .any(|w| after_trimmed.starts_with(w) && next_is_year(after_trimmed, w.len()));
    let before_trimmed = without_month(before.trim_end());
    let ends_range = before_trimmed.ends_with(['–', '-', '—', '/'])
        || ((before_trimmed.ends_with(" to")
            || before_trimmed.ends_with(" and")
            || before_trimmed.ends_with(" through")
            || before_trimmed.ends_with(" until"))
            && previous_word_is_year(before_trimmed));
    if starts_range || ends_range {
        return false;
    }
    // "(2010)" alone or "(see 2010)": an author–date citation kept as text.
    if before_trimmed.ends_with('(') && after_trimmed.starts_with([')', ';', ',']) {
        return false;
    }
    let words: Vec<&str> = before_trimmed
        .rsplit(|c: char| c.is_whitespace())
        .take(3)
        .collect();
    let last = words.first().copied().unwrap_or_default();
    let last_word = last
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if NOT_REPORTED_BEFORE.contains(&last_word.as_str()) {
        return false;
    }
    // "et al. 2010", "et al., 2010"
    if last.starts_with("al.") || last == "al" {
        return false;
    }
    // "Smith, 2010", "Smith (2010)", "Smith 2010", "Agenda 2030": a capitalised word that is
    // no preposition or month.
    let word = last.trim_matches(|c: char| matches!(c, ',' | '(' | '[' | '&'));
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
    let lower = word.to_lowercase();
    if capitalised && !NOT_NAMES.contains(&lower.as_str()) && !MONTHS.contains(&lower.as_str()) {
        return false;
    }
    // A year right after a semicolon inside parentheses: a list of citations.
    !last.ends_with(';')
}

/// Whether `text` holds a year right after byte `from` (white space and a month name
/// skipped: "to February 2010").
fn next_is_year(text: &str, from: usize) -> bool {
    let mut rest = text.get(from..).unwrap_or_default().trim_start();
    let first: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if MONTHS.contains(&first.as_str()) {
        rest = rest.get(first.len()..).unwrap_or_default().trim_start();
    }
    rest.chars().take(4).filter(char::is_ascii_digit).count() == 4
}

/// `text` without a month name at its end ("March 2001 to February" → "March 2001 to").
fn without_month(text: &str) -> &str {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    if MONTHS.contains(&last.to_lowercase().as_str()) {
        text.get(..text.len() - last.len())
            .unwrap_or(text)
            .trim_end()
    } else {
        text
    }
}

/// Whether the word before the last word of `text` is a year (a month name before it
/// skipped).
fn previous_word_is_year(text: &str) -> bool {
    let mut words = text.rsplit(char::is_whitespace).skip(1);
    let mut word = words.next().unwrap_or_default();
    if MONTHS.contains(&word.to_lowercase().as_str()) {
        word = words.next().unwrap_or_default();
    }
    word.trim_matches(|c: char| !c.is_ascii_digit()).len() == 4
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(text: &str, year: &str) -> bool {
        let start = text.find(year).unwrap_or_default();
        is_reported_year(text, start..start + year.len())
    }

    #[test]
    fn years_the_sentence_reports_on() {
        assert!(reported("In 2015, the UN adopted goals [3].", "2015"));
        assert!(reported("The campaign launched in May 2010 [3].", "2010"));
        assert!(reported("Cases rose in 2019 and fell [3].", "2019"));
    }

    #[test]
    fn years_that_do_not_date_what_the_work_reports() {
        assert!(!reported("Trends between 2020 and 2023 [3].", "2020"));
        assert!(!reported("Trends between 2020 and 2023 [3].", "2023"));
        assert!(!reported("Trends 2020–2023 [3].", "2020"));
        let period = "Over the period (March 2001 to February 2010), guidelines said [31].";
        assert!(!reported(period, "2001"));
        assert!(!reported(period, "2010"));
        assert!(!reported("Poverty should end by 2030 [3].", "2030"));
        assert!(!reported("Rising since 1990 [3].", "1990"));
        assert!(!reported("As shown (Smith, 2010) before [3].", "2010"));
        assert!(!reported("As Smith et al. (2010) showed [3].", "2010"));
        assert!(!reported("As Smith et al. 2010 showed [3].", "2010"));
        assert!(!reported("The Agenda 2030 goals [3].", "2030"));
        assert!(!reported("Known (see Jones 2001; 2012) [3].", "2012"));
    }
}

//! Mislinked citations: a marker that prints authors and a year (`Kupiec, 1997`) but links to
//! a work of other authors or another year. The markup of a source slipped (a JATS `xref`
//! whose `rid` names the wrong entry), and a click sends the reader to the wrong work.

use super::{Flag, FlagKind, FlagSeverity, Paper};
use crate::corpus::cite;

/// Capitalised words a marker prints that name no author (lower case).
const NOT_NAMES: [&str; 8] = ["et", "al", "and", "see", "also", "cf", "in", "press"];

/// What a marker is matched against: a reference's first author's last name (lower case) and
/// year.
struct Work {
    name: Option<String>,
    year: Option<i32>,
}

/// One work a marker prints (`Kupiec, 1997`; a group's parts are parted by `;`), read once.
struct PrintedWork {
    /// Its text in lower case.
    lowered: String,
    /// The years it prints.
    years: Vec<i32>,
    /// The words in it that may be names (lower case).
    names: Vec<String>,
}

impl PrintedWork {
    fn of(part: &str) -> Self {
        Self {
            lowered: part.to_lowercase(),
            years: printed_years(part),
            names: printed_names(part),
        }
    }
}

impl Work {
    /// Whether its first author's name is printed in `printed` (or no name is).
    fn has_name_in(&self, printed: &PrintedWork) -> bool {
        printed.names.is_empty()
            || self
                .name
                .as_ref()
                .is_some_and(|name| printed.lowered.contains(name.as_str()))
    }

    /// Whether `printed` names this work: one of its years is the work's year, and the work's
    /// first author's name is printed (or no name is).
    fn is_named_by(&self, printed: &PrintedWork) -> bool {
        self.year.is_some_and(|year| printed.years.contains(&year)) && self.has_name_in(printed)
    }
}

/// Flags each citation whose printed authors and year name none of the works it links to.
pub(super) fn check(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let corpus = paper.corpus;
    let index = &corpus.index;
    // A numbered paper's markers print numbers, not authors.
    if index.prints_numbers {
        return;
    }
    let works: Vec<Work> = corpus
        .file
        .references
        .iter()
        .map(|reference| Work {
            name: reference
                .creators()
                .first()
                .map(cite::short_name)
                .and_then(|name| name.split_whitespace().last().map(str::to_lowercase)),
            year: cite::year(reference),
        })
        .collect();
    for (position, info) in index.citations.iter().enumerate() {
        let Some(printed) = index.printed_citation(position) else {
            continue;
        };
        let linked: Vec<(usize, &Work)> = info
            .references
            .iter()
            .filter_map(|&r| Some((r, works.get(r)?)))
            .collect();
        // Each work a group prints (`Adler, 1997; Ross, 2012`); a marker printing a year
        // alone (the narrative `Smith et al. (2006)` whose link is the year) is matched by it.
        let parts: Vec<(&str, PrintedWork)> = printed
            .split(';')
            .map(|part| (part, PrintedWork::of(part)))
            .collect();
        for (part, read) in &parts {
            if read.years.is_empty() || linked.iter().any(|(_, work)| work.is_named_by(read)) {
                continue;
            }
            // The linked work this part is about: the one no other part of the marker names.
            let Some(&(reference, work)) = linked
                .iter()
                .find(|(_, work)| !parts.iter().any(|(_, other)| work.is_named_by(other)))
            else {
                continue;
            };
            let part = part.trim().trim_matches(['(', ')', '[', ']']).trim();
            let named_elsewhere = (!read.names.is_empty())
                .then(|| works.iter().position(|other| other.is_named_by(read)))
                .flatten();
            let linked_name = paper.reference_name(reference);
            if let Some(other) = named_elsewhere {
                out.push(paper.citation_flag(
                    position,
                    reference,
                    FlagKind::Hygiene,
                    "mislinked-citation",
                    FlagSeverity::Strong,
                    format!("{part} links to {linked_name}"),
                    format!(
                        "The text prints {part}, but the citation links to {linked_name}; the \
                         reference list's {} matches what is printed. The source's link is \
                         likely wrong.",
                        paper.reference_name(other)
                    ),
                ));
            } else if let Some(year) = work.year
                && !read.years.contains(&year)
                && work.has_name_in(read)
            {
                out.push(paper.citation_flag(
                    position,
                    reference,
                    FlagKind::Hygiene,
                    "mislinked-citation",
                    FlagSeverity::Moderate,
                    format!("{part} links to {linked_name}"),
                    format!(
                        "The text prints {part}, but the work the citation links to is dated \
                         {year}, and no other reference matches what is printed."
                    ),
                ));
            }
        }
    }
}

/// The years a marker's part prints (`1997`, `2012a`, `2003, 2006`): four digits from 1500 to
/// 2099 standing apart, a letter after them allowed.
fn printed_years(part: &str) -> Vec<i32> {
    part.split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|word| {
            let digits = word.trim_end_matches(|c: char| c.is_ascii_lowercase());
            (digits.len() == 4 && word.len() <= 5)
                .then(|| digits.parse::<i32>().ok())
                .flatten()
        })
        .filter(|year| (1500..=2099).contains(year))
        .collect()
}

/// The words of a marker's part that may be names (lower case): words of letters opening
/// with a capital, not `et al.`, `and`, `see`.
fn printed_names(part: &str) -> Vec<String> {
    part.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|word| word.chars().count() >= 2 && !NOT_NAMES.contains(&word.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{article, corpus_with, found};
    use crate::corpus::checks::{CitationChecks, FlagSeverity};
    use crate::corpus::model::{CslName, Reference};

    fn references() -> Vec<Reference> {
        let mut who = article(
            "who2010",
            "",
            2010,
            "Global report on trafficking in persons",
        );
        who.author = vec![CslName {
            literal: "World Health Organization".to_owned(),
            ..CslName::default()
        }];
        vec![
            article("adler1997", "Adler", 1997, "Noise in gene expression"),
            article(
                "kupiec1997",
                "Kupiec",
                1997,
                "A Darwinian theory of the cell",
            ),
            article(
                "smith2006",
                "Smith",
                2006,
                "A plausible model of phyllotaxis",
            ),
            article("ross2012", "Ross", 2012, "Simulation"),
            article("mirabet2012", "Mirabet", 2012, "Noise and robustness"),
            who,
        ]
    }

    /// The mislinked-citation flags of a paper of `paragraphs`: their reference, severity
    /// and message.
    fn flagged(paragraphs: &[&str]) -> Vec<(String, FlagSeverity, String)> {
        let corpus = corpus_with(paragraphs, references(), vec![], "2016");
        CitationChecks::run(&corpus)
            .flags
            .into_iter()
            .filter(|flag| flag.check == "mislinked-citation")
            .map(|flag| {
                let id = flag
                    .reference
                    .and_then(|r| corpus.file.references.get(r))
                    .map_or_else(String::new, |r| r.id.clone());
                (id, flag.severity, flag.message)
            })
            .collect()
    }

    #[test]
    fn a_marker_linked_to_another_work_than_it_prints_is_flagged() {
        let flags = flagged(&[
            "Cells vary [(Kupiec, 1997)]{@adler1997}.",
            "Both [(Adler, 1997; Ross, 2012)]{@adler1997; @mirabet2012}.",
            "Later [(Smith, 2005)]{@smith2006}.",
        ]);
        assert_eq!(
            flags,
            [
                (
                    "adler1997".to_owned(),
                    FlagSeverity::Strong,
                    "Kupiec, 1997 links to Adler (1997)".to_owned()
                ),
                (
                    "mirabet2012".to_owned(),
                    FlagSeverity::Strong,
                    "Ross, 2012 links to Mirabet (2012)".to_owned()
                ),
                (
                    "smith2006".to_owned(),
                    FlagSeverity::Moderate,
                    "Smith, 2005 links to Smith (2006)".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_marker_naming_its_work_is_not_flagged() {
        let flags = flagged(&[
            "Cells vary [(Kupiec, 1997)]{@kupiec1997} and [(Adler, 1997; Kupiec, 1997)]{@adler1997; \
             @kupiec1997}.",
            "As Kupiec [(1997)]{@kupiec1997} and [Smith et al. (2006a)]{@smith2006} said, \
             [(e.g. Ross, 2012)]{@ross2012}.",
            "A group abbreviated [(WHO, 2010)]{@who2010}.",
        ]);
        assert_eq!(flags, []);
        // A numbered paper's markers print no authors.
        let mut numbered = references();
        for (number, reference) in (1..).zip(&mut numbered) {
            reference.citation_number = Some(number);
        }
        let corpus = corpus_with(&["Cells vary [1]."], numbered, vec![], "2016");
        assert!(
            found(&corpus)
                .iter()
                .all(|(check, _)| *check != "mislinked-citation")
        );
    }
}

//! Citation hygiene: citations with no reference, references never cited, a work listed
//! twice, the same first author and year without a/b, ranges that do not resolve, secondary
//! citations ("as cited in").

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::paper::reference_flag;
use super::{Flag, FlagKind, FlagSeverity, Paper};
use crate::corpus::citations::{self, Piece};
use crate::corpus::cite;
use crate::corpus::diagnostics::Code;
use crate::corpus::index::Segment;
use crate::corpus::item::{Item, ItemKind};

/// Phrases that mark a secondary citation: the work is cited through another.
const SECONDARY: [&str; 5] = [
    "as cited in",
    "cited in",
    "quoted in",
    "as quoted by",
    "cited by",
];

/// Runs the hygiene checks.
pub(super) fn check(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    no_reference(paper, out);
    // A bibliography opened on its own, or a paper given without its text, has no text to
    // cite its references.
    if paper.corpus.has_text() {
        never_cited(paper, out);
    }
    duplicates(paper, out);
    same_author_year(paper, out);
    unresolved_ranges(paper, out);
    secondary(paper, out);
}

/// A flag about a place in the text (a paragraph, when known) with no citation or reference
/// of its own.
fn paragraph_flag(
    paragraph: Option<usize>,
    sentence: String,
    check: &'static str,
    message: String,
    evidence: String,
) -> Flag {
    Flag {
        kind: FlagKind::Hygiene,
        check,
        severity: FlagSeverity::Strong,
        citation: None,
        reference: None,
        paragraph,
        sentence,
        message,
        evidence,
        words: None,
    }
}

/// Citation markers that name no reference. A corpus that validates has none among its
/// citations (an unknown key or number is an error), but an importer keeps such a marker as
/// printed text: `[@key]` written out in the text, or only counted in its `unresolved-marker`
/// warning.
fn no_reference(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let mut found = 0;
    for (position, info) in paper.corpus.index.paragraphs.iter().enumerate() {
        for segment in &info.segments {
            let Segment::Text(range) = segment else {
                continue;
            };
            let text = info.printed.get(range.clone()).unwrap_or_default();
            for (offset, marker) in pandoc_markers_in(text) {
                let at = range.start + offset;
                let sentence = info
                    .sentences
                    .get(info.sentences.partition_point(|s| s.end <= at))
                    .and_then(|s| info.printed.get(s.clone()))
                    .unwrap_or_default();
                found += 1;
                out.push(paragraph_flag(
                    Some(position),
                    sentence.to_owned(),
                    "no-reference",
                    format!("The citation {marker} names no reference"),
                    format!(
                        "The text cites {marker}, but the reference list has no entry with that \
                         key; the marker is kept as printed text."
                    ),
                ));
            }
        }
    }
    if found > 0 {
        return;
    }
    for warning in &paper.corpus.warnings {
        if warning.code == Code::UnresolvedMarker {
            out.push(paragraph_flag(
                None,
                String::new(),
                "no-reference",
                "Citation markers in the source name no reference".to_owned(),
                format!(
                    "When the paper was read: {}. They cannot be placed in the text here.",
                    warning.message
                ),
            ));
        }
    }
}

/// Pandoc citation markers written out as text (`[@smith2020]`, `[see @a; @b]`): the byte
/// offset and the marker.
fn pandoc_markers_in(text: &str) -> Vec<(usize, &str)> {
    let mut markers = Vec::new();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|rest| rest.find('[')) {
        let open = from + open;
        let Some(close) = text.get(open..).and_then(|rest| rest.find(']')) else {
            break;
        };
        let inside = text.get(open + 1..open + close).unwrap_or_default();
        let cites = inside.char_indices().any(|(i, c)| {
            c == '@'
                && inside
                    .get(..i)
                    .and_then(|b| b.chars().next_back())
                    .is_none_or(|b| matches!(b, ' ' | ';' | '-' | '['))
                && inside
                    .get(i + 1..)
                    .and_then(|a| a.chars().next())
                    .is_some_and(|a| a.is_alphanumeric() || a == '_')
        });
        if cites && close < 200 {
            markers.push((open, text.get(open..=open + close).unwrap_or_default()));
        }
        from = open + close + 1;
    }
    markers
}

/// References no citation in the text names (nor a table cell, nor a caption or footnote,
/// where an imported paper keeps citations as printed text).
fn never_cited(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let corpus = paper.corpus;
    let index = &corpus.index;
    let uncited: Vec<usize> = (0..corpus.file.references.len())
        .filter(|&position| {
            let item = Item::Reference(position);
            index.linked(item, ItemKind::Citation).is_empty()
                && index.linked(item, ItemKind::TableRow).is_empty()
        })
        .collect();
    if uncited.is_empty() {
        return;
    }
    let named = named_in_text(paper, &outside_text(paper), &uncited);
    // An importer that could not resolve some markers kept them as text: one of them may
    // cite the reference, so the flag is only a weak signal.
    let unresolved = corpus
        .warnings
        .iter()
        .find(|w| w.code == Code::UnresolvedMarker)
        .map(|w| w.message.as_str());
    for (position, named) in uncited.into_iter().zip(named) {
        if named {
            continue;
        }
        let mut evidence = "No citation in the text names this reference, and neither the \
                            text, the tables, the captions nor the footnotes print its number or \
                            one of its first authors with its year."
            .to_owned();
        if let Some(unresolved) = unresolved {
            let _ = write!(
                evidence,
                " When the paper was read, {unresolved}: one of them may cite it."
            );
        }
        out.push(reference_flag(
            position,
            FlagKind::Hygiene,
            "never-cited",
            if unresolved.is_some() {
                FlagSeverity::Weak
            } else {
                FlagSeverity::Moderate
            },
            format!("{} is never cited", paper.reference_name(position)),
            evidence,
        ));
    }
}

/// Where a citation may stand as printed text (an importer keeps a marker whose target it
/// could not find as text): the paragraphs, captions, table notes and cells, footnotes.
fn outside_text<'a>(paper: &Paper<'a>) -> Vec<&'a str> {
    let file = &paper.corpus.file;
    let mut texts: Vec<&str> = paper
        .corpus
        .index
        .paragraphs
        .iter()
        .map(|p| p.printed.as_str())
        .collect();
    for table in &file.tables {
        texts.push(&table.caption);
        texts.extend(table.footnotes.iter().map(|f| f.text.as_str()));
        for row in &table.rows {
            texts.extend(row.cells.iter().map(String::as_str));
        }
    }
    texts.extend(file.figures.iter().map(|f| f.caption.as_str()));
    texts.extend(file.footnotes.iter().map(|f| f.text.as_str()));
    texts
}

/// For each of `references`, whether `texts` cite it as printed text: its key (`@id`), its
/// printed number in a marker (in a paper that prints numbers), or one of its first three
/// authors' names followed closely by its year (by any year when it has none): an importer may
/// have read the names wrongly, `Kingma` as a given name. One pass over the texts, whatever
/// the number of references.
fn named_in_text(paper: &Paper<'_>, texts: &[&str], references: &[usize]) -> Vec<bool> {
    let corpus = paper.corpus;
    let mut keys: HashSet<&str> = HashSet::new();
    let mut numbers: HashSet<u32> = HashSet::new();
    let lowered: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
    for text in texts {
        keys.extend(
            text.split(|c: char| {
                !(c.is_alphanumeric() || matches!(c, '@' | '_' | '-' | ':' | '.'))
            })
            .filter_map(|word| word.strip_prefix('@')),
        );
        if paper.corpus.index.prints_numbers {
            let (pieces, _) = citations::parse(text);
            for piece in &pieces {
                if let Piece::Numeric(marker) = piece {
                    for &(from, to) in &marker.numbers {
                        if from <= to && to - from <= 500 {
                            numbers.extend(from..=to);
                        }
                    }
                }
            }
        }
    }
    // Each name (lower case) → the references it may name, with their year.
    let mut by_name: HashMap<String, Vec<(usize, Option<String>)>> = HashMap::new();
    for (slot, &position) in references.iter().enumerate() {
        let Some(reference) = corpus.file.references.get(position) else {
            continue;
        };
        let year = cite::year(reference).map(|y| y.to_string());
        for name in reference.creators().iter().take(3) {
            let short = cite::short_name(name);
            if let Some(last) = short.split_whitespace().last().map(str::to_lowercase)
                && last.chars().count() >= 3
            {
                by_name.entry(last).or_default().push((slot, year.clone()));
            }
        }
    }
    let mut named: Vec<bool> = references
        .iter()
        .map(|&position| {
            corpus
                .reference(position)
                .is_some_and(|(reference, number)| {
                    keys.contains(reference.id.as_str())
                        || (paper.corpus.index.prints_numbers && numbers.contains(&number))
                })
        })
        .collect();
    let patterns: Vec<&String> = by_name.keys().collect();
    let Ok(matcher) = aho_corasick::AhoCorasick::new(&patterns) else {
        return named;
    };
    for text in &lowered {
        for found in matcher.find_overlapping_iter(text.as_str()) {
            let Some(name) = patterns.get(found.pattern().as_usize()) else {
                continue;
            };
            // A whole name, not the end of a longer word.
            if text
                .get(..found.start())
                .and_then(|before| before.chars().next_back())
                .is_some_and(char::is_alphabetic)
            {
                continue;
            }
            let near: String = text
                .get(found.end()..)
                .unwrap_or_default()
                .chars()
                .take(60)
                .collect();
            for (slot, year) in by_name.get(*name).map_or(&[][..], Vec::as_slice) {
                let cited = match year {
                    Some(year) => near.contains(year.as_str()),
                    None => super::paper::year_in(&near).is_some(),
                };
                if cited && let Some(flag) = named.get_mut(*slot) {
                    *flag = true;
                }
            }
        }
    }
    named
}

/// A title as compared for duplicates: lower-case letters and digits, words single-spaced.
fn normalised_title(title: &str) -> String {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A DOI as compared: lower case, without a resolver prefix.
fn normalised_doi(doi: &str) -> String {
    let lower = doi.trim().to_lowercase();
    [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
    ]
    .iter()
    .find_map(|prefix| lower.strip_prefix(prefix))
    .map_or_else(|| lower.clone(), str::to_owned)
}

/// The same work listed twice: the same DOI, or the same title (of at least three words) and
/// year.
fn duplicates(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let mut by_doi: HashMap<String, usize> = HashMap::new();
    let mut by_title: HashMap<(String, Option<i32>), usize> = HashMap::new();
    for (position, reference) in paper.corpus.file.references.iter().enumerate() {
        let doi = normalised_doi(&reference.doi);
        let title = normalised_title(&reference.title);
        let mut evidence = None;
        if !doi.is_empty() {
            if let Some(&first) = by_doi.get(&doi) {
                evidence = Some((first, format!("Both give the DOI {doi}.")));
            } else {
                by_doi.insert(doi, position);
            }
        }
        if evidence.is_none() && title.split(' ').count() >= 3 {
            let key = (title, cite::year(reference));
            if let Some(&first) = by_title.get(&key) {
                evidence = Some((
                    first,
                    format!(
                        "Both have the title \u{201c}{}\u{201d} and the year {}.",
                        reference.title.trim(),
                        cite::year_label(reference)
                    ),
                ));
            } else {
                by_title.insert(key, position);
            }
        }
        if let Some((first, evidence)) = evidence {
            out.push(reference_flag(
                position,
                FlagKind::Hygiene,
                "duplicate-reference",
                FlagSeverity::Moderate,
                format!(
                    "{} repeats {}",
                    paper.reference_name(position),
                    paper.reference_name(first)
                ),
                evidence,
            ));
        }
    }
}

/// Two references with the same first author and year that the text cannot tell apart: only
/// in an author–date paper (numbered references are told apart by their numbers), and only
/// when the text prints neither with a letter after the year (`2015a`).
fn same_author_year(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let corpus = paper.corpus;
    if paper.corpus.index.prints_numbers {
        return;
    }
    // Works cited alike: the same first author and year, and the same short form
    // (`Choi et al. (2009)` and `Choi & Holsen (2009)` are told apart by their names).
    let mut seen: HashMap<(String, i32), usize> = HashMap::new();
    for (position, reference) in corpus.file.references.iter().enumerate() {
        let (Some(first), Some(year)) = (reference.creators().first(), cite::year(reference))
        else {
            continue;
        };
        if cite::short_name(first).is_empty() {
            continue;
        }
        let cited_as = cite::short_label(reference).to_lowercase();
        let Some(&earlier) = seen.get(&(cited_as.clone(), year)) else {
            seen.insert((cited_as, year), position);
            continue;
        };
        if printed_with_letter(paper, earlier, year) || printed_with_letter(paper, position, year) {
            continue;
        }
        out.push(reference_flag(
            position,
            FlagKind::Hygiene,
            "same-author-year",
            FlagSeverity::Moderate,
            format!(
                "{} and {} share first author and year",
                cite::short_label(reference),
                paper.reference_name(earlier)
            ),
            format!(
                "Both are by {} and dated {year}, and the text prints neither with a letter \
                 ({year}a, {year}b): an author\u{2013}date citation cannot tell them apart.",
                cite::short_name(first)
            ),
        ));
    }
}

/// Whether the text prints a citation of `reference` with a letter after its year (`2015a`).
fn printed_with_letter(paper: &Paper<'_>, reference: usize, year: i32) -> bool {
    let index = &paper.corpus.index;
    let year = year.to_string();
    index
        .linked(Item::Reference(reference), ItemKind::Citation)
        .iter()
        .filter_map(|&c| index.printed_citation(c))
        .any(|printed| {
            printed.match_indices(year.as_str()).any(|(at, _)| {
                printed
                    .get(at + 4..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|c| c.is_ascii_lowercase())
            })
        })
}

/// A printed numeric range (`[17]–[21]`, `[3–6]`) whose citation does not name every
/// reference between its ends.
fn unresolved_ranges(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let corpus = paper.corpus;
    let index = &corpus.index;
    let numbered: HashMap<u32, usize> = corpus
        .file
        .references
        .iter()
        .enumerate()
        .filter(|(_, r)| r.citation_number.is_some())
        .filter_map(|(p, _)| Some((*index.reference_numbers.get(p)?, p)))
        .collect();
    if numbered.is_empty() {
        return;
    }
    for (position, info) in index.citations.iter().enumerate() {
        let Some(printed) = index.printed_citation(position) else {
            continue;
        };
        let (pieces, _) = citations::parse(printed);
        let mut missing: Vec<String> = Vec::new();
        for piece in &pieces {
            let Piece::Numeric(marker) = piece else {
                continue;
            };
            for &(from, to) in &marker.numbers {
                if from >= to || to - from > 500 {
                    continue;
                }
                for number in from..=to {
                    let named = numbered
                        .get(&number)
                        .is_some_and(|r| info.references.contains(r));
                    if !named {
                        missing.push(format!("[{number}]"));
                    }
                }
            }
        }
        if missing.is_empty() {
            continue;
        }
        let Some(&first) = info.references.first() else {
            continue;
        };
        out.push(paper.citation_flag(
            position,
            first,
            FlagKind::Hygiene,
            "unresolved-range",
            FlagSeverity::Moderate,
            format!("The range {printed} does not resolve to every reference in it"),
            format!(
                "The text prints {printed}, but the citation names no reference for {}.",
                super::anachronism::join_words(&missing)
            ),
        ));
    }
}

/// Citations in a sentence that says the work is cited through another ("as cited in"): the
/// citation the phrase introduces.
fn secondary(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    let index = &paper.corpus.index;
    for (position, info) in index.paragraphs.iter().enumerate() {
        let facts = paper.sentences.of_paragraph(position);
        for (sentence, facts) in info.sentences.iter().zip(facts) {
            if facts.citations.is_empty() {
                continue;
            }
            let Some(text) = info.printed.get(sentence.clone()) else {
                continue;
            };
            let lower = text.to_lowercase();
            let Some((phrase, at)) = SECONDARY
                .iter()
                .find_map(|phrase| whole_phrase(&lower, phrase).map(|at| (*phrase, at)))
            else {
                continue;
            };
            let phrase_end = sentence.start + at + phrase.len();
            // The citation the phrase introduces: right after it, or after a name written out
            // ("as cited in Smith et al. [4]"); "should be cited in a given draft" cites none.
            let Some(citation) = facts.citations.clone().find(|&c| {
                index
                    .citations
                    .get(c)
                    .is_some_and(|i| i.range.start >= phrase_end)
            }) else {
                continue;
            };
            let introduced = index.citations.get(citation).is_some_and(|i| {
                info.printed
                    .get(phrase_end..i.range.start)
                    .is_some_and(introduces_a_name)
            });
            if !introduced {
                continue;
            }
            let Some(&reference) = index
                .citations
                .get(citation)
                .and_then(|c| c.references.first())
            else {
                continue;
            };
            out.push(paper.citation_flag(
                citation,
                reference,
                FlagKind::Hygiene,
                "secondary-citation",
                FlagSeverity::Weak,
                format!("A secondary citation (\u{201c}{phrase}\u{201d})"),
                format!(
                    "The sentence says \u{201c}{phrase}\u{201d}: the claim is taken from \
                     another work through this one; the original may say otherwise."
                ),
            ));
        }
    }
}

/// Whether the text between "cited in" and a citation is nothing, or a name written out
/// (capitalised, short): `as cited in [4]`, `as cited in Smith et al. [4]`.
fn introduces_a_name(between: &str) -> bool {
    let between = between.trim_matches(|c: char| c.is_whitespace() || c == '(');
    between.is_empty()
        || (between.chars().count() <= 40 && between.chars().next().is_some_and(char::is_uppercase))
}

/// The byte offset of `phrase` in `text` as whole words.
fn whole_phrase(text: &str, phrase: &str) -> Option<usize> {
    text.match_indices(phrase).map(|(at, _)| at).find(|&at| {
        let before = text.get(..at).and_then(|b| b.chars().next_back());
        let after = text.get(at + phrase.len()..).and_then(|a| a.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{article, corpus_with, found};
    use super::*;
    use crate::corpus::model::CslName;

    #[test]
    fn markers_written_out_as_text() {
        let found: Vec<&str> =
            pandoc_markers_in("As [@smith2020] and [see @a; @b] but not [x@y.org] or [3].")
                .into_iter()
                .map(|(_, m)| m)
                .collect();
        assert_eq!(found, ["[@smith2020]", "[see @a; @b]"]);
    }

    #[test]
    fn dois_and_titles_compared_loosely() {
        assert_eq!(normalised_doi("https://doi.org/10.1/ABC"), "10.1/abc");
        assert_eq!(
            normalised_title("Human  Trafficking: A Review."),
            "human trafficking a review"
        );
        assert_eq!(whole_phrase("as cited in smith", "cited in"), Some(3));
        assert_eq!(whole_phrase("recited in", "cited in"), None);
    }

    #[test]
    fn works_of_one_first_author_and_year_cited_apart_are_not_flagged() {
        let name = |family: &str| CslName {
            family: family.to_owned(),
            ..CslName::default()
        };
        // `Choi et al. (2009)` and `Choi & Holsen (2009)`: the text tells them apart.
        let mut three = article("a", "Choi", 2009, "Total gaseous mercury in Seoul");
        three.author.extend([name("Kim"), name("Yi")]);
        let mut two = article("b", "Choi", 2009, "Mercury fluxes from the forest floor");
        two.author.push(name("Holsen"));
        let mut also_two = article("c", "Choi", 2009, "Mercury in the Adirondacks");
        also_two.author.push(name("Holsen"));
        let corpus = corpus_with(
            &["Cited [@a], [@b] and [@c]."],
            vec![three, two, also_two],
            vec![],
            "2015",
        );
        let flagged: Vec<String> = found(&corpus)
            .into_iter()
            .filter(|(check, _)| *check == "same-author-year")
            .map(|(_, id)| id)
            .collect();
        assert_eq!(
            flagged,
            ["c"],
            "only the two cited alike, `Choi & Holsen (2009)`"
        );
    }
}

//! Citations printed as superscript numbers, as medical, chemistry and Nature-style journals
//! print them. A PDF's text keeps no superscript: pdftotext glues the numbers to the word or
//! the stop before them (`selection bias12`, `the oil palm.1,2`, `et al.16`, `RCTs25e32`, the
//! `e` an en dash some journals' fonts give). Such numbers are citations only in a paper whose
//! reference list is numbered and whose text cites none of its numbers in brackets, and only
//! in the order such papers number their works: by first citation, so each citation names
//! numbers already cited or the next few. Chemical formulae (`CO2`), program names with their
//! version and words such as `type2` or `Fig.3` are not read.

use std::cell::Cell;

use super::super::Span;
use super::inline::resolves;
use crate::corpus::model::Reference;
use crate::corpus::text::superscript;

/// How far past the highest number cited so far a citation's first number may be (a
/// citation pdftotext lost, or one in a caption printed elsewhere, skips a few).
const MAX_SKIP: u32 = 5;

/// The fewest superscript citations (naming as many numbers) the body must hold before any
/// glued number is read as one.
const MIN_CITATIONS: usize = 3;

/// The most digits of one number (a year is no citation).
const MAX_DIGITS: usize = 3;

/// The widest range one citation names (`1e300` is no range).
const MAX_RANGE: u32 = 40;

/// Words a glued number counts or names rather than cites (`Fig.3`, `type2`, `No.9`).
const COUNTING_WORDS: [&str; 32] = [
    "appendix", "ch", "chap", "chapter", "class", "day", "days", "eq", "eqn", "eqs", "fig", "figs",
    "figure", "grade", "group", "level", "month", "no", "nos", "p", "phase", "pp", "ref", "refs",
    "sec", "sect", "stage", "step", "tab", "table", "type", "vol",
];

/// A number (or numbers) glued to the word before it: its byte range and the ranges it names.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Glued {
    start: usize,
    end: usize,
    numbers: Vec<(u32, u32)>,
    /// The numbers as printed, an `e` read as the dash it stands for.
    printed: String,
    /// Whether the next sentence runs on from them without the space the text lost
    /// (`billion.4Many`).
    runs_on: bool,
}

/// The numbered references superscript citations resolve against, and the highest number
/// cited so far in reading order.
#[derive(Debug)]
pub(super) struct Superscripts {
    /// The list's numbers (sorted, without repeats) and each one's reference id.
    numbered: Vec<(u32, String)>,
    known: Vec<u32>,
    highest: Cell<u32>,
}

impl Superscripts {
    /// The superscript citations of a paper whose numbered `references` its text before the
    /// list cites by glued numbers at least [`MIN_CITATIONS`] times, in the order of first
    /// citation; `None` for any other paper. That text is `front` (what stands before the
    /// body: an introduction a PDF's title page hides may cite the first works) then `body`,
    /// whose citations are then read in order.
    pub(super) fn of(references: &[Reference], front: &str, body: &str) -> Option<Self> {
        let mut numbered: Vec<(u32, String)> = references
            .iter()
            .filter_map(|r| Some((r.citation_number?, r.id.clone())))
            .collect();
        numbered.sort_by_key(|(n, _)| *n);
        numbered.dedup_by_key(|(n, _)| *n);
        let known: Vec<u32> = numbered.iter().map(|(n, _)| *n).collect();
        let superscripts = Self {
            numbered,
            known,
            highest: Cell::new(0),
        };
        let mut cited = superscripts.citations(front);
        let highest_before_body = superscripts.highest.get();
        cited.extend(superscripts.citations(body));
        let mut names: Vec<u32> = cited
            .iter()
            .flat_map(|glued| glued.numbers.iter().flat_map(|&(from, to)| from..=to))
            .collect();
        names.sort_unstable();
        names.dedup();
        superscripts.highest.set(highest_before_body);
        (cited.len() >= MIN_CITATIONS && names.len() >= MIN_CITATIONS).then_some(superscripts)
    }

    /// The citations of `text` (read after the texts before it), as spans at their byte
    /// ranges: the numbers alone, raised (`¹²`, `¹,²`, `¹–³`), citing the references they
    /// name; a space after one the next sentence runs on from.
    pub(super) fn spans(&self, text: &str) -> Vec<(usize, usize, Span)> {
        self.citations(text)
            .into_iter()
            .flat_map(|glued| {
                let keys = glued
                    .numbers
                    .iter()
                    .flat_map(|&(from, to)| {
                        self.numbered
                            .iter()
                            .filter(move |(n, _)| (from..=to).contains(n))
                            .map(|(_, id)| id.clone())
                    })
                    .collect();
                // Raised as the paper prints them (`bias¹²`), so that they do not read as part
                // of the word.
                let printed = glued
                    .printed
                    .chars()
                    .map(|c| superscript(c).filter(|_| c.is_ascii_digit()).unwrap_or(c))
                    .collect();
                let span = Span::Cite { printed, keys };
                // The space the text lost before the next sentence, given back.
                let space = glued
                    .runs_on
                    .then(|| (glued.end, glued.end, Span::Text(" ".to_owned())));
                std::iter::once((glued.start, glued.end, span)).chain(space)
            })
            .collect()
    }

    /// The glued numbers of `text` that cite: every number on the list, the first no more
    /// than [`MAX_SKIP`] past the highest cited before it.
    fn citations(&self, text: &str) -> Vec<Glued> {
        glued_numbers(text)
            .filter(|glued| {
                let first = glued.numbers.iter().map(|&(from, _)| from).min();
                let last = glued.numbers.iter().map(|&(_, to)| to).max();
                let (Some(first), Some(last)) = (first, last) else {
                    return false;
                };
                let in_order = first <= self.highest.get().saturating_add(MAX_SKIP);
                let cites = in_order && resolves(&glued.numbers, &self.known);
                if cites {
                    self.highest.set(self.highest.get().max(last));
                }
                cites
            })
            .collect()
    }
}

/// Every number of `text` glued to the word, stop or closing quote before it, as a
/// superscript citation is (`bias12`, `palm.1,2`, `al.16`, `CIs17`, `Asia.1e3`,
/// `“Cosmic Censorship”4`), in order.
fn glued_numbers(text: &str) -> impl Iterator<Item = Glued> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter_map(move |at| {
        let digit = bytes.get(at).is_some_and(u8::is_ascii_digit);
        let before = at.checked_sub(1).and_then(|i| bytes.get(i));
        if !digit || before.is_none_or(u8::is_ascii_digit) {
            return None;
        }
        let head = text.get(..at)?;
        let word = head.trim_end_matches([',', '.', ';', ')', '”', '"', '’']);
        let stop = word.len() < head.len();
        let marks = head
            .get(word.len()..)
            .map_or(0, |marks| marks.chars().count());
        if marks > 2 || !cites_after(word, stop) {
            return None;
        }
        numbers_at(text, at, stop)
    })
}

/// Whether numbers glued to the end of `head` (after a stop or a comma when `stop`) may be a
/// citation: `head` ends on a word in lower case (`bias`, `al`, `meta-analysis`), capitalised
/// (`Jadad`) or an acronym's plural (`RCTs`), or on any word when a stop comes between
/// (`UK.4`); not on a counting word, a formula (`CO2`, `mRNA`) or a name with digits
/// (`SARS-CoV-2`).
fn cites_after(head: &str, stop: bool) -> bool {
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i);
    let Some(word) = start.and_then(|i| head.get(i..)) else {
        return false;
    };
    let before = start
        .and_then(|i| head.get(..i))
        .and_then(|rest| rest.chars().next_back());
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '_' | '.')) {
        return false;
    }
    if COUNTING_WORDS.contains(&word.to_lowercase().as_str()) {
        return false;
    }
    let length = word.chars().count();
    if stop {
        return length >= 2;
    }
    let mut letters = word.chars();
    let first = letters.next().is_some_and(char::is_uppercase);
    let rest: Vec<char> = letters.collect();
    let lower = rest.iter().all(|c| c.is_lowercase());
    let plural_acronym = rest.split_last().is_some_and(|(last, caps)| {
        *last == 's' && !caps.is_empty() && caps.iter().all(|c| c.is_uppercase())
    });
    match (first, lower) {
        (false, true) => length >= 3 || word == "al",
        (true, true) => length >= 4,
        _ => first && plural_acronym,
    }
}

/// The numbers printed from byte `at` (`12`, `1,2`, `10-12`, `25e27`) when they end where a
/// citation ends (a space, a stop or a bracket; not a decimal point or a unit), or, after a
/// stop (`after_stop`), where the next sentence opens without a space (`billion.4Many`).
fn numbers_at(text: &str, at: usize, after_stop: bool) -> Option<Glued> {
    let bytes = text.as_bytes();
    let number = |from: usize| {
        let digits = bytes
            .get(from..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let value = text.get(from..from + digits)?.parse::<u32>().ok()?;
        (digits <= MAX_DIGITS && value > 0).then_some((value, from + digits))
    };
    let mut numbers = Vec::new();
    let mut printed = String::new();
    let (mut first, mut end) = number(at)?;
    loop {
        let rest = text.get(end..).unwrap_or_default();
        let dash = ["–", "-", "e"].into_iter().find(|d| rest.starts_with(d));
        if let Some((last, after)) = dash.and_then(|d| number(end + d.len())) {
            if last <= first || last - first > MAX_RANGE {
                return None;
            }
            printed.push_str(&first.to_string());
            printed.push('–');
            printed.push_str(&last.to_string());
            numbers.push((first, last));
            end = after;
        } else {
            printed.push_str(&first.to_string());
            numbers.push((first, first));
        }
        let rest = text.get(end..).unwrap_or_default();
        match rest.strip_prefix(',').map(|_| number(end + 1)) {
            Some(Some((next, after))) => {
                printed.push(',');
                first = next;
                end = after;
            }
            _ => break,
        }
    }
    let mut after = text.get(end..).unwrap_or_default().chars();
    let next = after.next();
    let decimal =
        matches!(next, Some('.' | ',')) && after.next().is_some_and(|c| c.is_ascii_digit());
    let ends = next.is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')'));
    let runs_on = after_stop
        && next.is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase);
    ((ends && !decimal) || runs_on).then_some(Glued {
        start: at,
        end,
        numbers,
        printed,
        runs_on,
    })
}

#[cfg(test)]
mod tests {
    // A test that panics on a missing value is the test failing, with its message.
    #![allow(clippy::expect_used)]

    use super::*;

    fn glued(text: &str) -> Vec<String> {
        glued_numbers(text).map(|g| g.printed).collect()
    }

    #[test]
    fn numbers_glued_to_words_and_stops_are_found() {
        assert_eq!(
            glued(
                "selection bias12 and the palm.1,2 a meta-analysis.5 Jadad et al.16 in 95% CIs17 \
                 of Asia.1e3 RCTs25e27 were meaningful.4, as elsewhere.10-12; Sarker et al32 \
                 one billion.4Many “Cosmic Censorship”7"
            ),
            [
                "12", "1,2", "5", "16", "17", "1–3", "25–27", "4", "10–12", "32", "4", "7"
            ]
        );
    }

    #[test]
    fn formulae_counts_versions_and_decimals_are_no_citations() {
        assert!(
            glued(
                "CO2 and H2O, mRNA1, SARS-CoV-2, COVID-19, type2 diabetes, Fig.3, No.9, step1, \
                 x2 or cm2, in 2005.12 and 3.14, Python3.8, Collaboration2008, value 60e80, \
                 a1b, p.5, bias4Many, U.S.3The"
            )
            .is_empty()
        );
    }

    fn references(count: u32) -> Vec<Reference> {
        (1..=count)
            .map(|n| Reference {
                id: format!("r{n}"),
                citation_number: Some(n),
                ..Reference::default()
            })
            .collect()
    }

    #[test]
    fn citations_must_come_in_the_order_works_are_numbered() {
        let body = "Anaemia is common in Asia.1e3 It follows habits.2 Earlier work4 and \
                    bias5,6 agree; a later study12 and one more7 differ.";
        let superscripts = Superscripts::of(&references(12), "", body).expect("cited");
        let cited: Vec<String> = superscripts
            .spans(body)
            .into_iter()
            .filter_map(|(_, _, span)| match span {
                Span::Cite { printed, keys } => Some(format!("{printed}:{}", keys.join("+"))),
                _ => None,
            })
            .collect();
        // `study12` jumps past the next numbers and is left as text.
        assert_eq!(cited, ["¹–³:r1+r2+r3", "²:r2", "⁴:r4", "⁵,⁶:r5+r6", "⁷:r7"]);
    }

    #[test]
    fn a_paper_with_few_glued_numbers_has_no_superscript_citations() {
        assert!(Superscripts::of(&references(12), "", "Pythia8 and Geant4 were run.").is_none());
        assert!(
            Superscripts::of(
                &references(12),
                "",
                "On the oil palm.1 Palm oil.1 Oil palms.1"
            )
            .is_none(),
            "one number named three times"
        );
        assert!(Superscripts::of(&[], "", "bias1 and bias2 and bias3").is_none());
    }

    /// A medical journal's paper as pdftotext gives it: superscript citations glued to the
    /// words and stops before them, its en dashes read as `e`.
    const GLUED_PAPER: &str = "\
Iron supplements for anaemic children: a meta-analysis

Abstract
Objective To assess iron supplements in children.

Introduction

Iron deficiency anaemia is common, especially in Asia.1e3 Its causes are related to dietary
habits.2Whether supplements help has been controversial.4,5

Methods

Trials were scored on the Jadad scale,6 including selection bias7 and attrition bias8. The
pooled estimates used the method of DerSimonian and Laird.9 Children with type2 diabetes, a
CO2 level of 3 cm2 or a Hb value 60e80 g/L were left out (Fig.3).

References
1. World Health Organization. Iron deficiency anaemia. Geneva: WHO, 2001.
2. Zimmermann MB, Hurrell RF. Nutritional iron deficiency. Lancet 2007;370:511-20.
3. Stoltzfus RJ. Iron deficiency: global prevalence. J Nutr 2001;131:697S-701S.
4. Gera T, Sachdev HP. Effect of iron-fortified foods. BMJ 2002;325:1142.
5. Sachdev H, Gera T, Nestel P. Effect of iron supplementation. Public Health Nutr 2005;8:117-32.
6. Jadad AR, Moore RA, Carroll D. Assessing the quality of reports. Control Clin Trials 1996;17:1-12.
7. Higgins JP, Altman DG. Assessing risk of bias in included studies. Cochrane Handbook 2008.
8. Schulz KF, Chalmers I. Empirical evidence of bias. JAMA 1995;273:408-12.
9. DerSimonian R, Laird N. Meta-analysis in clinical trials. Control Clin Trials 1986;7:177-88.
";

    #[test]
    fn a_paper_citing_by_superscript_numbers_links_each_to_its_works() {
        use super::super::pdf_text_tests::{cited, corpus_and_report, reference_ids};
        let (corpus, messages) = corpus_and_report(GLUED_PAPER);
        let ids = reference_ids(&corpus);
        assert_eq!(ids.len(), 9, "{ids:?}");
        let named: Vec<Vec<usize>> = cited(&corpus)
            .iter()
            .map(|keys| {
                keys.iter()
                    .filter_map(|key| ids.iter().position(|id| id == key).map(|at| at + 1))
                    .collect()
            })
            .collect();
        assert_eq!(
            named,
            [
                vec![1, 2, 3],
                vec![2],
                vec![4, 5],
                vec![6],
                vec![7],
                vec![8],
                vec![9]
            ],
            "{messages:?}"
        );
        // The citations print raised numbers: the works are numbered as the list numbers them.
        assert!(corpus.index.prints_numbers);
        // Each citation stands in the sentence it follows, not the next one.
        let sentences: Vec<usize> = corpus.index.citations.iter().map(|c| c.sentence).collect();
        assert_eq!(sentences, [0, 1, 2, 0, 0, 0, 1]);
        let first = corpus.paragraph(0).map(|p| p.text.as_str());
        assert!(
            first.is_some_and(|text| text.contains("Asia.[¹–³]")
                && !text.contains("1e3")
                && text.contains("} Whether")),
            "{first:?}"
        );
        let methods = corpus.paragraph(1).map(|p| p.text.as_str());
        for text in ["type2", "CO2", "cm2", "60e80", "Fig.3"] {
            assert!(
                methods.is_some_and(|m| m.contains(text)),
                "{text}: {methods:?}"
            );
        }
        assert!(
            !messages.iter().any(|m| m.contains("never cited")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_paper_citing_in_brackets_reads_no_glued_number() {
        use super::super::pdf_text_tests::{cited, corpus_and_report};
        let text = GLUED_PAPER.replace("Laird.9", "Laird [9].");
        let (corpus, _) = corpus_and_report(&text);
        assert_eq!(cited(&corpus).len(), 1, "only the bracketed marker cites");
    }
}

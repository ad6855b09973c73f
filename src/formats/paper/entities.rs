//! Entities found in an imported paper's text: each acronym the paper defines ("United Nations
//! Office on Drugs and Crime (UNODC)") becomes an entity with both forms as names, so that entity
//! links and the Entities navigator work on a paper nobody has annotated.
//!
//! The long form is found as Schwartz and Hearst describe (*A simple algorithm for identifying
//! abbreviation definitions in biomedical text*, PSB 2003): among the words before the
//! parenthesis, the shortest run whose characters take in the acronym's letters in order, the
//! first letter at the start of a word.

use std::collections::HashSet;

use crate::corpus::model::{CorpusFile, Entity, EntityKind, ParagraphKind};

use super::finish::slug;

/// At most this many entities are made from one paper.
const MAX_ENTITIES: usize = 300;

/// The entities the text of `file` defines, in order of first definition.
#[must_use]
pub fn find(file: &CorpusFile) -> Vec<Entity> {
    let mut seen = HashSet::new();
    let mut ids = HashSet::new();
    let mut found = Vec::new();
    let texts = std::iter::once(file.paper.abstract_text.as_str()).chain(
        file.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .filter(|p| p.kind == ParagraphKind::Text)
            .map(|p| p.text.as_str()),
    );
    for text in texts {
        for (long, short) in definitions(text) {
            if found.len() >= MAX_ENTITIES {
                return found;
            }
            if !seen.insert(short.clone()) {
                continue;
            }
            let mut id = slug(&short);
            if id.is_empty() {
                continue;
            }
            let base = id.clone();
            let mut n = 1;
            while !ids.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            found.push(Entity {
                id,
                kind: kind_of(&long),
                description: format!("Defined in the text as “{long} ({short})”."),
                aliases: vec![short],
                name: long,
                regions: Vec::new(),
                since: None,
            });
        }
    }
    found
}

/// Every `long form (ACRONYM)` in `text`: the long form and the acronym.
#[must_use]
pub fn definitions(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut before_start = 0;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest.get(open + 1..).and_then(|r| r.find(')')) else {
            break;
        };
        let inside = rest.get(open + 1..open + 1 + close).unwrap_or_default();
        let before = text
            .get(before_start..before_start + open)
            .unwrap_or_default();
        if let Some(short) = acronym(inside)
            && let Some(long) = long_form(before, short)
        {
            out.push((long, short.to_owned()));
        }
        let advance = open + 1;
        before_start += advance;
        rest = rest.get(advance..).unwrap_or_default();
    }
    out
}

/// The acronym a parenthesis holds (`UNODC`, `IoT`, `COVID-19`, `WHO, 2019`), if it holds
/// one: 2 to 10 characters, one word, starting with a letter, at least two capitals. A list of
/// them (`(WT, TPS10)`, the lines of a study) defines none; one followed by a maker and a
/// place (`(DMEM; Gibco, USA)`) is defined all the same.
fn acronym(inside: &str) -> Option<&str> {
    let mut parts = inside.split([';', ',']).map(str::trim);
    let candidate = parts.next()?;
    let mut rest = parts.peekable();
    if rest.peek().is_some() && rest.all(is_acronym) {
        return None;
    }
    is_acronym(candidate).then_some(candidate)
}

/// Whether `candidate` reads as an acronym: see [`acronym`].
fn is_acronym(candidate: &str) -> bool {
    let chars = candidate.chars().count();
    let capitals = candidate.chars().filter(char::is_ascii_uppercase).count();
    (2..=10).contains(&chars)
        && candidate.chars().next().is_some_and(char::is_alphabetic)
        && capitals >= 2
        && !candidate.contains(char::is_whitespace)
        && candidate
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '/' | '.'))
}

/// The long form of `short` at the end of `before`, as Schwartz and Hearst find it.
fn long_form(before: &str, short: &str) -> Option<String> {
    let letters: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let first = *letters.first()?;
    let words: Vec<&str> = before.split_whitespace().collect();
    // The long form may not run over a sentence or clause boundary, nor over a citation.
    let max_words = (letters.len() + 5).min(letters.len() * 2);
    let start = words.len().saturating_sub(max_words);
    let window: Vec<&str> = words.get(start..)?.to_vec();
    let mut cut = 0;
    for (i, word) in window.iter().enumerate() {
        if word.ends_with(['.', ';', ':', ']', ')']) || word.contains(['[', '@']) {
            cut = i + 1;
        }
    }
    let window = window.get(cut..)?;
    let joined = window.join(" ");
    let lower: Vec<char> = joined.chars().map(|c| c.to_ascii_lowercase()).collect();
    // Match the acronym's letters from the last backwards.
    let mut at = lower.len();
    for (n, &letter) in letters.iter().enumerate().rev() {
        loop {
            let i = at.checked_sub(1)?;
            at = i;
            let here = *lower.get(i)?;
            let word_start = i == 0 || lower.get(i - 1).is_some_and(|c| !c.is_alphanumeric());
            if here == letter && (n > 0 || word_start) {
                break;
            }
        }
    }
    if lower.get(at).is_none_or(|&c| c != first) {
        return None;
    }
    let long: String = joined.chars().skip(at).collect();
    let long = long.trim_end_matches([',', ' ']).trim().to_owned();
    let long_words = long.split_whitespace().count();
    let good = long.chars().count() > short.chars().count()
        && long_words >= 2
        && long.chars().next().is_some_and(char::is_alphabetic);
    good.then_some(long)
}

/// A guess at what sort of thing a long form names, from its words.
fn kind_of(long: &str) -> EntityKind {
    let words: Vec<String> = long.split_whitespace().map(str::to_lowercase).collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(&[
        "act",
        "protocol",
        "convention",
        "treaty",
        "directive",
        "law",
        "charter",
        "declaration",
        "regulation",
        "agreement",
    ]) {
        EntityKind::Framework
    } else if has(&["campaign"]) {
        EntityKind::Campaign
    } else if has(&[
        "programme",
        "program",
        "project",
        "initiative",
        "study",
        "trial",
    ]) {
        EntityKind::Programme
    } else if has(&["report", "index", "survey", "database"]) {
        EntityKind::Report
    } else if has(&[
        "organization",
        "organisation",
        "office",
        "agency",
        "association",
        "institute",
        "council",
        "commission",
        "union",
        "nations",
        "department",
        "ministry",
        "center",
        "centre",
        "foundation",
        "bank",
        "fund",
        "society",
        "university",
        "committee",
        "service",
    ]) {
        EntityKind::Organisation
    } else {
        EntityKind::Concept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_long_forms_before_acronyms() {
        let text = "The United Nations Office on Drugs and Crime (UNODC) reported it, \
                    as did the World Health Organization (WHO). Positive predictive value \
                    (PPV) is low; the Internet of Things (IoT) too.";
        assert_eq!(
            definitions(text),
            vec![
                (
                    "United Nations Office on Drugs and Crime".to_owned(),
                    "UNODC".to_owned()
                ),
                ("World Health Organization".to_owned(), "WHO".to_owned()),
                ("Positive predictive value".to_owned(), "PPV".to_owned()),
                ("Internet of Things".to_owned(), "IoT".to_owned()),
            ]
        );
    }

    #[test]
    fn parentheses_that_are_not_definitions_are_left_alone() {
        assert!(definitions("in 2019 (see above) and (p < 0.05) and (Table 1)").is_empty());
        assert!(definitions("the results (n = 3)").is_empty());
        // Letters that are not in the words before: no definition.
        assert!(definitions("a thing (XYZ)").is_empty());
        // Unclosed parenthesis.
        assert!(definitions("a thing (XY").is_empty());
        // A list of lines, genes or groups names them; it defines none of them.
        assert!(definitions("We treated LOX2/3-expressing (WT, TPS10) plants").is_empty());
        assert_eq!(
            definitions(
                "as the wild type (WT; see Methods) plants and the World Health Organization (WHO, \
                 2019) in polyvinylidene difluoride (PVDF, IPVH00010; Millipore, USA)"
            ),
            [
                ("wild type".to_owned(), "WT".to_owned()),
                ("World Health Organization".to_owned(), "WHO".to_owned()),
                ("polyvinylidene difluoride".to_owned(), "PVDF".to_owned())
            ]
        );
    }

    #[test]
    fn kinds_from_words() {
        assert_eq!(
            kind_of("World Health Organization"),
            EntityKind::Organisation
        );
        assert_eq!(
            kind_of("Trafficking Victims Protection Act"),
            EntityKind::Framework
        );
        assert_eq!(kind_of("Positive predictive value"), EntityKind::Concept);
    }
}

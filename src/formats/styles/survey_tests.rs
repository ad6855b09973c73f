//! Every bundled independent style over two papers' references: each formats without
//! panicking, every entry is there, names its first author (or its title), and has no doubled
//! punctuation.

use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::Style;

use super::any::{bundled_style, cite_all};
use crate::corpus::Corpus;
use crate::corpus::model::Reference;
use crate::formats::paper::{ImportOptions, PaperKind, import};

/// Styles whose output is known to fail the checks, and why (the README says so too).
const KNOWN: [(&str, &str); 3] = [
    (
        "alphanumeric",
        "prints no bibliography, and its in-text label (`citation-label`) is empty for CSL-JSON \
         references",
    ),
    (
        "associacao-brasileira-de-normas-tecnicas",
        "the style's own `. , 2019.` for a report without publisher (citeproc-js prints it too)",
    ),
    (
        "future-science",
        "` , 113 (2024)` for a chapter with pages and no volume (not checked against \
         citeproc-js: the style is no longer in the official repository)",
    ),
];

/// Punctuation that never belongs in an entry: a delimiter after a space or doubled.
const DOUBLED: [&str; 7] = [" ;", " ,", " .", ",,", ";;", ". .", ", ,"];

/// The built-in paper's references and those of a second, unrelated paper.
fn references() -> Vec<Reference> {
    let mut references = Corpus::builtin().file.references;
    let jats = include_str!("../../../tests/fixtures/papers/jats-small.xml");
    let imported = import(PaperKind::Jats, jats, &ImportOptions::default())
        .unwrap_or_else(|d| panic!("jats-small.xml imports: {}", d.message));
    assert!(!imported.file.references.is_empty());
    references.extend(imported.file.references);
    references
}

/// What an entry must name: its first author's or editor's family name (or literal name),
/// else the first word of its title.
fn must_name(reference: &Reference) -> String {
    let name = reference.author.first().or(reference.editor.first());
    let word = match name {
        Some(name) if !name.family.is_empty() => name.family.clone(),
        Some(name) => name.literal.clone(),
        None => reference
            .title
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned(),
    };
    word.to_lowercase()
}

/// Whether `reference` is an unstructured citation: its whole text as the title, no author,
/// editor or container (an importer's fallback), which styles that leave article titles out
/// cannot name.
fn unstructured(reference: &Reference) -> bool {
    reference.author.is_empty()
        && reference.editor.is_empty()
        && reference.container_title.is_empty()
        && reference.title.split_whitespace().count() > 8
}

/// What is wrong with `text`, the entry of `reference`, if anything; `repeated` when the
/// entry before it has the same first name and the style may replace a repeated name
/// (`———`, or nothing in AAA's list).
fn problem(reference: &Reference, text: &str, repeated: bool) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Some("empty".to_owned());
    }
    if unstructured(reference) {
        return None;
    }
    let wanted = must_name(reference);
    if !repeated && !trimmed.to_lowercase().contains(&wanted) {
        return Some(format!("does not name \"{wanted}\""));
    }
    if trimmed.starts_with([',', ';', '.', ':']) {
        return Some(format!("starts with punctuation: {trimmed}"));
    }
    DOUBLED
        .iter()
        .find(|doubled| trimmed.contains(**doubled))
        .map(|doubled| format!("\"{doubled}\" in: {trimmed}"))
}

/// Whether an in-text citation shows nothing but brackets and punctuation.
fn is_empty_citation(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

/// The names of the bundled independent styles, one per style.
fn independent_styles() -> Vec<&'static str> {
    ArchivedStyle::all()
        .iter()
        .filter(|style| matches!(style.get(), Style::Independent(_)))
        .filter_map(|style| style.names().first().copied())
        .collect()
}

/// Every problem every style has with the references, one line each.
fn survey(references: &[&Reference]) -> Vec<String> {
    let mut problems = Vec::new();
    for name in independent_styles() {
        if KNOWN.iter().any(|(known, _)| *known == name) {
            continue;
        }
        let style = bundled_style(name).unwrap_or_else(|e| panic!("{e}"));
        let cited = cite_all(references, &style, &style.default_locale());
        if cited.bibliography.len() != references.len() {
            problems.push(format!(
                "{name}: {} entries for {} references",
                cited.bibliography.len(),
                references.len()
            ));
            continue;
        }
        let substitutes = style
            .csl
            .bibliography
            .as_ref()
            .is_some_and(|b| b.subsequent_author_substitute.is_some());
        let mut previous_name = String::new();
        for entry in &cited.bibliography {
            let Some(reference) = references.iter().find(|r| r.id == entry.id) else {
                problems.push(format!("{name}: an entry for an unknown id {}", entry.id));
                continue;
            };
            let wanted = must_name(reference);
            let repeated = substitutes && wanted == previous_name;
            previous_name = wanted;
            if let Some(problem) = problem(reference, &entry.text.to_plain_string(), repeated) {
                problems.push(format!("{name}: {}: {problem}", entry.id));
            }
        }
        for (id, citation) in &cited.citations {
            let structured = references.iter().any(|r| r.id == *id && !unstructured(r));
            if structured && is_empty_citation(&citation.to_plain_string()) {
                problems.push(format!("{name}: {id}: empty in-text citation"));
            }
        }
    }
    problems
}

#[test]
fn every_bundled_style_prints_every_entry() {
    let references = references();
    let all: Vec<&Reference> = references.iter().collect();
    assert!(independent_styles().len() > 50);
    let problems = survey(&all);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_checks_see_what_they_look_for() {
    let reference = Reference {
        title: "Human trafficking".to_owned(),
        ..Reference::default()
    };
    assert_eq!(problem(&reference, "Human trafficking. 2010.", false), None);
    assert!(problem(&reference, "  ", false).is_some());
    assert!(problem(&reference, "Other. 2010.", false).is_some());
    assert_eq!(problem(&reference, "———. Other. 2010.", true), None);
    assert!(problem(&reference, "Human trafficking. 1995 ;9.", false).is_some());
    assert!(problem(&reference, "Human trafficking,, 2010", false).is_some());
    assert!(problem(&reference, ". Human trafficking. 2010", false).is_some());
    // The in-text check: brackets around nothing are empty.
    assert!(is_empty_citation("[]") && is_empty_citation(" ( ) ") && !is_empty_citation("[3]"));
}

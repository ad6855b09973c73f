//! Every reference's citation forms in one style at once, so that the style tells apart works
//! of the same authors and year as its list does: `Knuth, D. E. (1984b)` in the list is
//! `(Knuth, 1984b)` and `Knuth (1984b)` in the text, not `(Knuth, 1984)`; MLA, which names no
//! year in text, adds each work's title when one author has several (`(Keohane, After
//! Hegemony: …)`).

use std::collections::HashMap;

use hayagriva::CitePurpose;
use hayagriva::citationberg::json::Item;

use super::{
    CitationStyle, FORMATTING, cite_each_once, collect_children, csl_style, format_bibliography,
    format_bibliography_entry, format_in_text, format_narrative, format_year, spans_to_plain,
    to_csl_item,
};
use crate::corpus::cite::Formatted;
use crate::corpus::model::Reference;
use crate::crash::recover;

/// How one reference is printed in one style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CitationForms {
    /// Its bibliography entry.
    pub entry: Formatted,
    /// Its in-text citation beside a sentence: `(Porter & van der Linde, 1995)`, `[8]`; in
    /// superscript digits (`⁸`) for a style that raises it (Nature, AMA).
    pub parenthetical: String,
    /// Its citation as part of a sentence: `Porter and van der Linde (1995)`.
    pub narrative: String,
    /// The year alone, after its authors' names: `(1995)`.
    pub year: String,
}

/// The forms of every reference of `references` in `style`; `numbers` are their numbers for a
/// numeric style (parallel to `references`). Works of the same authors and year get the
/// letters the style's list gives them.
#[must_use]
pub fn format_citations_of_all(
    references: &[&Reference],
    style: CitationStyle,
    numbers: &[u32],
) -> Vec<CitationForms> {
    let one_by_one = || {
        references
            .iter()
            .zip(numbers)
            .map(|(reference, &number)| CitationForms {
                entry: format_bibliography_entry(reference, style),
                parenthetical: format_in_text(&[*reference], style, number),
                narrative: format_narrative(reference, style, number),
                year: format_year(reference, style, number),
            })
            .collect()
    };
    if style.is_numeric() || references.len() != numbers.len() {
        return one_by_one();
    }
    let together = recover(FORMATTING, || {
        let entries = format_bibliography(references, style);
        let by_id: HashMap<&str, &Formatted> = entries
            .iter()
            .map(|entry| (entry.id.as_str(), &entry.text))
            .collect();
        let parenthetical = each_citation(references, style, None)?;
        let purpose = if style == CitationStyle::Mla {
            CitePurpose::Author
        } else {
            CitePurpose::Prose
        };
        let narrative = each_citation(references, style, Some(purpose))?;
        let forms = references
            .iter()
            .zip(parenthetical.into_iter().zip(narrative))
            .zip(numbers)
            .map(|((reference, (parenthetical, narrative)), &number)| {
                let narrative = if style == CitationStyle::Apa {
                    narrative.replace(" & ", " and ")
                } else {
                    narrative
                };
                let year = match narrative.rfind('(') {
                    Some(open) if style != CitationStyle::Mla && narrative.ends_with(')') => {
                        narrative.get(open..).unwrap_or_default().to_owned()
                    }
                    _ => format_year(reference, style, number),
                };
                CitationForms {
                    entry: by_id
                        .get(reference.id.as_str())
                        .map_or_else(Formatted::default, |entry| (*entry).clone()),
                    parenthetical,
                    narrative,
                    year,
                }
            })
            .collect::<Vec<_>>();
        Some(forms)
    });
    match together {
        Some(Some(forms)) if forms.len() == references.len() => forms,
        _ => one_by_one(),
    }
}

/// Each reference cited on its own, in one document, with `purpose`: the texts in order.
/// `None` when the renderer gives another number of citations.
fn each_citation(
    references: &[&Reference],
    style: CitationStyle,
    purpose: Option<CitePurpose>,
) -> Option<Vec<String>> {
    let csl = csl_style(style)?;
    let items: Vec<Item> = references.iter().map(|r| to_csl_item(r, style)).collect();
    let rendered = cite_each_once(csl, &items, style, purpose);
    let texts: Vec<String> = rendered
        .citations
        .iter()
        .map(|citation| {
            let mut spans = Vec::new();
            collect_children(&citation.citation, &mut spans);
            spans_to_plain(&spans).trim().to_owned()
        })
        .collect();
    (texts.len() == references.len()).then_some(texts)
}

//! Every reference's citation forms in any CSL style, worked out in the context of the whole
//! list (what the window shows for a style that is not one of the five): the bibliography in
//! the style's order, and each reference's in-text, narrative and year forms, cited once each
//! in one document so the style tells works apart as its list does (names added, a title,
//! `2019a`/`2019b`) and a numeric style numbers them in its own order.
//!
//! A style whose in-text citations are numbers, labels or notes has no narrative form of its
//! own: its narrative and year forms are its in-text citation (`[3]`). A style that names the
//! author without a year (MLA's kind) gives the authors alone as its narrative form, and its
//! in-text citation for the year form.

use hayagriva::CitePurpose;
use hayagriva::citationberg::{CitationFormat, StyleCategory};

use super::any::render_document;
use super::{AnyStyle, BibliographyEntry, CitationForms, FORMATTING, cite_all, spans_to_plain};
use crate::corpus::cite::Formatted;
use crate::corpus::model::Reference;
use crate::crash::recover;

/// How a style cites in the text, from its CSL `info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InTextKind {
    /// Author and year: `(Porter & van der Linde, 1995)`.
    AuthorDate,
    /// The author without a year: `(Porter and van der Linde)`.
    Author,
    /// A number or a label: `[8]`, `[Por95]`.
    Numeric,
    /// A footnote or an endnote.
    Note,
}

impl InTextKind {
    /// The kind `style` declares in its `info` (author-date when it declares none).
    #[must_use]
    pub fn of(style: &AnyStyle) -> Self {
        style
            .csl
            .info
            .category
            .iter()
            .find_map(|category| match category {
                StyleCategory::CitationFormat { format } => Some(match format {
                    CitationFormat::AuthorDate => Self::AuthorDate,
                    CitationFormat::Author => Self::Author,
                    CitationFormat::Numeric | CitationFormat::Label => Self::Numeric,
                    CitationFormat::Note => Self::Note,
                }),
                StyleCategory::Field { .. } => None,
            })
            .unwrap_or(Self::AuthorDate)
    }
}

/// What [`forms_in_context`] gives: the bibliography in the style's order, and each
/// reference's forms in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormsInContext {
    /// The bibliography, in the style's order, with numeric labels where the style has them.
    pub bibliography: Vec<BibliographyEntry>,
    /// Each reference's forms, parallel to the references given (its `entry` is its
    /// bibliography entry).
    pub forms: Vec<CitationForms>,
}

/// Every reference of `references` in `style` and `locale`, formatted together: the
/// bibliography, and each reference's entry, in-text, narrative and year forms. Empty should
/// the renderer fail.
#[must_use]
pub fn forms_in_context(
    references: &[&Reference],
    style: &AnyStyle,
    locale: &str,
) -> FormsInContext {
    let cited = cite_all(references, style, locale);
    let parenthetical: Vec<String> = cited
        .citations
        .iter()
        .map(|(_, text)| raised_in_text(text).unwrap_or_else(|| text.to_plain_string()))
        .collect();
    if parenthetical.len() != references.len() {
        return FormsInContext {
            bibliography: cited.bibliography,
            forms: Vec::new(),
        };
    }
    let kind = InTextKind::of(style);
    let narrative = match kind {
        InTextKind::AuthorDate => citations_with(references, style, locale, CitePurpose::Prose),
        InTextKind::Author => citations_with(references, style, locale, CitePurpose::Author),
        InTextKind::Numeric | InTextKind::Note => None,
    }
    .filter(|texts| texts.len() == references.len())
    .unwrap_or_else(|| parenthetical.clone());
    let forms = references
        .iter()
        .zip(parenthetical.into_iter().zip(narrative))
        .map(|(reference, (parenthetical, narrative))| {
            let year = match narrative.rfind('(') {
                Some(open) if kind == InTextKind::AuthorDate && narrative.ends_with(')') => {
                    narrative.get(open..).unwrap_or_default().to_owned()
                }
                _ => parenthetical.clone(),
            };
            let entry = cited
                .bibliography
                .iter()
                .find(|entry| entry.id == reference.id)
                .map(|entry| entry.text.clone())
                .unwrap_or_default();
            CitationForms {
                entry,
                parenthetical,
                narrative,
                year,
            }
        })
        .collect();
    FormsInContext {
        bibliography: cited.bibliography,
        forms,
    }
}

/// The digits 0 to 9 raised, as a raised in-text form is written (`⁸`).
pub const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// An in-text citation the style raises as a whole (Nature's and AMA's superscript numbers,
/// `<sup>8</sup>`) written in superscript digits (`⁸`, `¹²`), so that every place showing the
/// form as one line of text shows it raised. `None` when it is not all raised, or holds
/// anything but digits, commas and spaces (which have no superscript form every font has).
fn raised_in_text(text: &Formatted) -> Option<String> {
    let visible = || text.0.iter().filter(|span| !span.text.trim().is_empty());
    if visible().next().is_none() || !visible().all(|span| span.superscript) {
        return None;
    }
    text.to_plain_string()
        .trim()
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(digit) => SUPERSCRIPT_DIGITS
                .get(usize::try_from(digit).ok()?)
                .copied(),
            None => matches!(c, ',' | ' ').then_some(c),
        })
        .collect()
}

/// Each reference cited once, on its own, with `purpose`, in one document: the texts in the
/// order given. `None` should the renderer fail.
fn citations_with(
    references: &[&Reference],
    style: &AnyStyle,
    locale: &str,
    purpose: CitePurpose,
) -> Option<Vec<String>> {
    recover(FORMATTING, || {
        let each_alone: Vec<Vec<usize>> = (0..references.len()).map(|index| vec![index]).collect();
        render_document(references, &each_alone, Some(purpose), style, locale)
            .citations
            .iter()
            .map(|spans| spans_to_plain(spans).trim().to_owned())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::formats::styles::bundled_style;

    fn builtin_in(name: &str) -> (Corpus, FormsInContext) {
        let corpus = Corpus::builtin();
        let style = bundled_style(name).unwrap_or_else(|e| panic!("{e}"));
        let references: Vec<&Reference> = corpus.file.references.iter().collect();
        let forms = forms_in_context(&references, &style, &style.default_locale());
        (corpus, forms)
    }

    #[test]
    fn a_numeric_style_numbers_in_its_order_and_has_no_narrative_of_its_own() {
        let (corpus, vancouver) = builtin_in("vancouver");
        assert_eq!(
            InTextKind::of(&bundled_style("vancouver").unwrap_or_else(|e| panic!("{e}"))),
            InTextKind::Numeric
        );
        assert_eq!(vancouver.forms.len(), corpus.file.references.len());
        assert_eq!(vancouver.bibliography.len(), corpus.file.references.len());
        // Cited in the list's order, each takes the number its bibliography entry is labelled.
        for (reference, forms) in corpus.file.references.iter().zip(&vancouver.forms) {
            let entry = vancouver
                .bibliography
                .iter()
                .find(|entry| entry.id == reference.id)
                .unwrap_or_else(|| panic!("{} is listed", reference.id));
            let label = entry.label.clone().unwrap_or_default();
            let number: String = label.chars().filter(char::is_ascii_digit).collect();
            assert!(!number.is_empty(), "{label:?}");
            assert!(
                forms.parenthetical.contains(&number),
                "{} vs {label}",
                forms.parenthetical
            );
            assert_eq!(forms.narrative, forms.parenthetical);
            assert_eq!(forms.entry, entry.text);
        }
    }

    /// Nature and AMA raise their in-text numbers: the form is written in superscript digits,
    /// the number the bibliography labels the entry with.
    #[test]
    fn a_raised_in_text_number_is_written_in_superscript_digits() {
        const RAISED: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        for name in ["nature", "american-medical-association"] {
            let (corpus, in_context) = builtin_in(name);
            for (reference, forms) in corpus.file.references.iter().zip(&in_context.forms) {
                let raised = &forms.parenthetical;
                let lowered: String = raised
                    .chars()
                    .filter_map(|c| RAISED.chars().position(|r| r == c))
                    .filter_map(|digit| char::from_digit(u32::try_from(digit).ok()?, 10))
                    .collect();
                assert_eq!(
                    lowered.chars().count(),
                    raised.chars().count(),
                    "{name}, {}: {raised:?} is not all raised digits",
                    reference.id
                );
                let label: String = in_context
                    .bibliography
                    .iter()
                    .find(|entry| entry.id == reference.id)
                    .and_then(|entry| entry.label.clone())
                    .unwrap_or_default()
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                assert_eq!(lowered, label, "{name}, {}", reference.id);
            }
        }
        // A style that does not raise its citations keeps them as they are.
        let (_, vancouver) = builtin_in("vancouver");
        assert!(
            vancouver
                .forms
                .iter()
                .all(|f| !f.parenthetical.contains('¹'))
        );
        assert!(
            vancouver
                .forms
                .iter()
                .any(|f| f.parenthetical.contains('1'))
        );
    }

    #[test]
    fn an_author_date_style_gives_a_narrative_and_a_year() {
        let (corpus, forms) = builtin_in("elsevier-harvard");
        let porter = corpus
            .file
            .references
            .iter()
            .position(|r| r.id == "porter1995")
            .unwrap_or_else(|| panic!("porter1995 is built in"));
        let porter = forms.forms.get(porter).cloned().unwrap_or_default();
        assert!(porter.parenthetical.contains("1995"), "{porter:?}");
        assert!(porter.narrative.starts_with("Porter"), "{porter:?}");
        assert!(porter.narrative.ends_with("(1995)"), "{porter:?}");
        assert_eq!(porter.year, "(1995)");
    }
}

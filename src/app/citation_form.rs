//! How an in-text citation is shown: as the paper prints it (`[8]`), or in the chosen style,
//! beside the sentence (`(Porter & van der Linde, 1995)`) or as part of it (`Porter and van
//! der Linde (1995)`) as the index decided. The Reader draws the parts as chips; lists of
//! citing sentences write them as text.

use super::context::ViewCtx;
use super::state::CitationDisplay;
use crate::corpus::index::CitationInfo;
use crate::formats::styles::SUPERSCRIPT_DIGITS;

/// One part of a citation as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CitationPart {
    /// A cited reference (its position) and how it is written.
    Reference {
        /// The reference's position.
        reference: usize,
        /// How it is written (`[8]`, `(Cho, 2015)`, `Cho (2015)`).
        text: String,
    },
    /// The words between two references (`, `, ` and `).
    Between(String),
}

/// The parts of a citation, one per cited reference with the words between: numbers as the
/// paper prints them, or the chosen style's form: narrative when the citation is part of its
/// sentence (`Cho (2015) and Raets et al. (2021)`), else in one pair of parentheses
/// (`(Cho, 2015; Shelley, 2010)`).
#[must_use]
pub fn citation_parts(ctx: &ViewCtx<'_>, info: &CitationInfo) -> Vec<CitationPart> {
    let corpus = ctx.corpus;
    let style = &ctx.citation_style;
    let narrative =
        ctx.citation_display == CitationDisplay::InStyle && info.narrative && !style.is_numeric();
    let count = info.references.len();
    // "Lombardi et al. [1]": the sentence names the author, the style adds the year.
    let year_only = ctx.citation_display == CitationDisplay::InStyle
        && info.author_named
        && !style.is_numeric()
        && !style.names_no_year();
    // Inside the sentence's own parentheses the citation brings none of its own: "(see [3])"
    // reads `(see Cho, 2015)`, not `(see (Cho, 2015))`.
    let bare = ctx.citation_display == CitationDisplay::InStyle
        && info.in_parentheses
        && !narrative
        && !style.is_numeric();
    // Works cited together beside the sentence share one pair of parentheses, separated as
    // author-date styles separate them: `(Cho, 2015; Shelley, 2010)`.
    let grouped = ctx.citation_display == CitationDisplay::InStyle
        && !narrative
        && !bare
        && !style.is_numeric()
        && count > 1;
    let mut parts = Vec::with_capacity(count * 2 + 2);
    if grouped {
        parts.push(CitationPart::Between("(".to_owned()));
    }
    for (n, &reference) in info.references.iter().enumerate() {
        let text = match ctx.citation_display {
            CitationDisplay::AsPrinted => format!(
                "[{}]",
                corpus
                    .index
                    .reference_numbers
                    .get(reference)
                    .copied()
                    .unwrap_or(0)
            ),
            CitationDisplay::InStyle if year_only => {
                let year = ctx.citations.year(corpus, reference, style);
                if bare {
                    without_parentheses(&year).to_owned()
                } else {
                    year
                }
            }
            CitationDisplay::InStyle if narrative => {
                ctx.citations.narrative(corpus, reference, style)
            }
            CitationDisplay::InStyle => {
                let in_text = ctx.citations.get(corpus, reference, style).1;
                if grouped || bare {
                    without_parentheses(&in_text).to_owned()
                } else {
                    in_text
                }
            }
        };
        if n > 0 {
            let between = match (narrative, grouped || bare, count, n + 1 == count) {
                (true, _, 2, _) => " and ",
                (true, _, _, true) => ", and ",
                (false, true, _, _) => "; ",
                // Raised numbers run together: `¹,²`.
                _ if is_raised(&text) => ",",
                _ => ", ",
            };
            parts.push(CitationPart::Between(between.to_owned()));
        }
        parts.push(CitationPart::Reference { reference, text });
    }
    if grouped {
        parts.push(CitationPart::Between(")".to_owned()));
    }
    parts
}

/// Whether an in-text form is a raised number (`⁸`: Nature, AMA).
fn is_raised(in_text: &str) -> bool {
    in_text
        .chars()
        .next()
        .is_some_and(|c| SUPERSCRIPT_DIGITS.contains(&c))
}

/// An in-text citation without its outer parentheses: `(Cho, 2015)` → `Cho, 2015`.
fn without_parentheses(in_text: &str) -> &str {
    in_text
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .unwrap_or(in_text)
}

/// A citation as the Reader shows it, as one piece of text: as the paper prints it, or in the
/// chosen style.
#[must_use]
pub fn citation_text(ctx: &ViewCtx<'_>, citation: usize) -> String {
    let corpus = ctx.corpus;
    let Some(info) = corpus.index.citations.get(citation) else {
        return String::new();
    };
    if ctx.citation_display == CitationDisplay::AsPrinted || info.references.is_empty() {
        return corpus
            .index
            .printed_citation(citation)
            .unwrap_or_default()
            .to_owned();
    }
    citation_parts(ctx, info)
        .into_iter()
        .map(|part| match part {
            CitationPart::Reference { text, .. } | CitationPart::Between(text) => text,
        })
        .collect()
}

/// The sentence holding a citation, with every citation in it shown as the Reader shows it
/// (`Research by Porter and van der Linde (1995) illustrates …` in APA).
#[must_use]
pub fn sentence_text(ctx: &ViewCtx<'_>, citation: usize) -> String {
    ctx.corpus
        .index
        .citing_sentence_with(citation, |other| citation_text(ctx, other))
        .unwrap_or_default()
}

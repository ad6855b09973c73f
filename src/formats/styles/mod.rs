//! Citation styles: a reference formatted as APA, IEEE, Chicago (author-date), Harvard or MLA
//! would print it, through the CSL styles bundled with hayagriva.
//!
//! A reference goes to the renderer as a CSL-JSON item ([`to_csl_item`]); what the bundled
//! styles would otherwise print wrongly is mended there or in the request: straight quotes
//! become typographic, a date range keeps only two dates, and Harvard (Cite Them Right) gets
//! the British locale its rules are written for.
//!
//! The renderer is hayagriva with fixes of ours (`vendor/hayagriva/PATCHES.md`): title case
//! keeps a closing all-capitals word (`…Crime—UNODC`), leaves small words after a comma and
//! lone letters in lower case (`Ecocide, and the`, `2015a, b`), words in mixed case as written
//! (`PLoS One`, `eLife`) and capitalises a closing stop word (`Definition Of`); no delimiter is written before a date that prints nothing (Chicago's
//! `Soc. Incl. 3 : 2–21`, `A Glob. Perspect.,.`); a quoted title sorts by its words (MLA's
//! `———` on the right work); a group whose names are all empty prints nothing (Cite Them
//! Right's lone `in`); a condition sees a variable printed as a substitute (no stray MLA
//! `Vol. 332`); and every one of one author's works takes its title in MLA's in-text form.

use std::sync::LazyLock;

use hayagriva::citationberg::json::{Item, Value};
use hayagriva::citationberg::{
    FontStyle, IndependentStyle, Locale, LocaleCode, Style, VerticalAlign,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, CitePurpose, ElemChild,
    ElemChildren,
};
use serde::{Deserialize, Serialize};

use crate::corpus::cite::{Formatted, Span, initials, lenient_date};
use crate::crash::recover;

mod all;
mod any;
mod as_printed;
mod in_context;

use crate::corpus::model::{CslDate, CslName, Reference};
pub use all::{CitationForms, format_citations_of_all};
pub use any::{
    AnyStyle, CitedList, bundled_locale, bundled_locale_codes, bundled_style, bundled_style_names,
    cite_all, style_from_csl, to_html,
};
pub use as_printed::{
    ListEntry, keeps_printed_entries, list_html, list_text, printed_list, styled_list,
};
pub use in_context::{FormsInContext, InTextKind, SUPERSCRIPT_DIGITS, forms_in_context};

/// What the citation renderer does, for the line printed should it fail (see
/// [`crate::crash::recover`]).
const FORMATTING: &str = "formatting citations";

/// A citation style students are commonly asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CitationStyle {
    /// APA, 7th edition (author-date).
    #[default]
    Apa,
    /// IEEE (numeric).
    Ieee,
    /// Chicago Manual of Style, author-date.
    ChicagoAuthorDate,
    /// Harvard, as taught by *Cite Them Right*.
    Harvard,
    /// MLA, 9th edition.
    Mla,
}

impl CitationStyle {
    /// Every style, in menu order.
    pub const ALL: [Self; 5] = [
        Self::Apa,
        Self::Ieee,
        Self::ChicagoAuthorDate,
        Self::Harvard,
        Self::Mla,
    ];

    /// A short human-readable name, e.g. `"APA 7th"`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Apa => "APA 7th",
            Self::Ieee => "IEEE",
            Self::ChicagoAuthorDate => "Chicago (author-date)",
            Self::Harvard => "Harvard",
            Self::Mla => "MLA 9th",
        }
    }

    /// The name of the bundled CSL style this style is rendered with.
    #[must_use]
    pub fn csl_name(self) -> &'static str {
        match self {
            Self::Apa => "american-psychological-association",
            Self::Ieee => "institute-of-electrical-and-electronics-engineers",
            Self::ChicagoAuthorDate => "chicago-author-date",
            Self::Harvard => "harvard-cite-them-right",
            Self::Mla => "modern-language-association",
        }
    }

    /// The locale the style is written for: Cite Them Right is a British guide (single quotation
    /// marks, punctuation outside them); the others are American. The bundled styles do not
    /// carry this, so it is supplied here.
    #[must_use]
    pub fn locale(self) -> &'static str {
        match self {
            Self::Harvard => "en-GB",
            Self::Apa | Self::Ieee | Self::ChicagoAuthorDate | Self::Mla => "en-US",
        }
    }

    /// The quotation marks for a quotation inside a title: the opposite of the marks the
    /// style puts around article titles (APA sets none, so a quotation takes the outer marks).
    #[must_use]
    pub fn inner_quotes(self) -> (char, char) {
        match self {
            Self::Apa | Self::Harvard => ('“', '”'),
            Self::Ieee | Self::ChicagoAuthorDate | Self::Mla => ('‘', '’'),
        }
    }

    /// Whether in-text citations are numbers (`[1]`) rather than author and year.
    #[must_use]
    pub fn is_numeric(self) -> bool {
        self == Self::Ieee
    }

    /// The licence its bundled CSL file states (its `rights`): the words and the licence's
    /// address; `None` when the file states none.
    #[must_use]
    pub fn licence(self) -> Option<(String, Option<String>)> {
        let rights = csl_style(self)?.info.rights.as_ref()?;
        Some((rights.name.clone(), rights.license.clone()))
    }
}

/// The bundled CSL locales, decoded once.
static LOCALES: LazyLock<Vec<Locale>> = LazyLock::new(hayagriva::archive::locales);

/// The five styles, decoded once. A style that is not independent (never the case for the
/// bundled ones) is left out, and formatting with it yields empty output.
static STYLES: LazyLock<Vec<(CitationStyle, IndependentStyle)>> = LazyLock::new(|| {
    CitationStyle::ALL
        .iter()
        .filter_map(|&style| {
            let archived = hayagriva::archive::ArchivedStyle::by_name(style.csl_name())?;
            match archived.get() {
                Style::Independent(independent) => Some((style, independent)),
                Style::Dependent(_) => None,
            }
        })
        .collect()
});

fn csl_style(style: CitationStyle) -> Option<&'static IndependentStyle> {
    STYLES.iter().find(|(s, _)| *s == style).map(|(_, csl)| csl)
}

/// CSL-JSON fields holding prose that a style prints, whose straight quotes are made
/// typographic before rendering.
const PROSE_FIELDS: [&str; 13] = [
    "title",
    "title-short",
    "container-title",
    "container-title-short",
    "collection-title",
    "volume-title",
    "part-title",
    "original-title",
    "reviewed-title",
    "event-title",
    "publisher",
    "genre",
    "medium",
];

/// CSL-JSON date fields.
const DATE_FIELDS: [&str; 6] = [
    "issued",
    "accessed",
    "event-date",
    "original-date",
    "submitted",
    "available-date",
];

/// Converts a reference to the CSL-JSON item hayagriva renders, readying fields on the way:
///
/// - straight quotes in printed prose become typographic (`Let's` → `Let’s`; `'x'` → `‘x’`,
///   or `“x”` where the style sets titles without quotation marks or in single ones), as CSL
///   processors are expected to do with field text and the renderer does not;
/// - a date range keeps its two dates (the renderer prints a range of years in full, and of
///   any other range its first date); a date without parts, or a third date, is left out;
/// - a field whose value CSL-JSON cannot hold as text, number, names or date (for example an
///   object in `custom`, or a boolean) is left out: no style prints it.
#[must_use]
pub fn to_csl_item(reference: &Reference, style: CitationStyle) -> Item {
    to_csl_item_quoted(reference, style.inner_quotes())
}

/// [`to_csl_item`] for any style: `quotes` are the marks for a quotation inside a title.
#[must_use]
pub fn to_csl_item_quoted(reference: &Reference, quotes: (char, char)) -> Item {
    let mut item = Item(std::collections::BTreeMap::new());
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(reference) else {
        return item;
    };
    for (key, mut value) in fields {
        if PROSE_FIELDS.contains(&key.as_str())
            && let serde_json::Value::String(text) = &value
        {
            value = serde_json::Value::String(typographic_quotes(text, quotes));
        }
        if DATE_FIELDS.contains(&key.as_str()) {
            // A date written loosely (`"accessed": "2024-03-05"`) is given as the date meant.
            let is_csl_date = value.is_object()
                && serde_json::from_value::<CslDate>(value.clone()).is_ok_and(|date| {
                    date.date_parts.iter().any(|parts| !parts.is_empty())
                        || !date.literal.is_empty()
                });
            if !is_csl_date
                && let Some(date) = lenient_date(&value)
                && let Ok(meant) = serde_json::to_value(date)
            {
                value = meant;
            }
            if let Some(serde_json::Value::Array(parts)) = value.get_mut("date-parts") {
                // A date without parts is left out (the renderer cannot read one: `[[], [1986]]`
                // is 1986); a range keeps its last date only when it has exactly two.
                parts.retain(|date| date.as_array().is_some_and(|parts| !parts.is_empty()));
                let keep = if parts.len() == 2 { 2 } else { 1 };
                parts.truncate(keep);
            }
        }
        if let serde_json::Value::Array(names) = &mut value {
            ready_names(names);
        }
        if let Ok(value) = serde_json::from_value::<Value>(value) {
            item.0.insert(key, value);
        }
    }
    item
}

/// A CSL name list readied for the renderer: "et al." written as a name (`<etal/>`, `and
/// others`) ends the list as the one name `others` when real names come before it, which the
/// renderer prints as the style's "et al." after them, as citeproc does for BibTeX's `and
/// others`; anywhere else it is left out. Initials written together are spaced out (`JE` →
/// `J. E.`, which the renderer would otherwise take for one name). A list that is not names
/// is left as it is.
fn ready_names(names: &mut Vec<serde_json::Value>) {
    let is_name = |value: &serde_json::Value| {
        value.as_object().is_some_and(|object| {
            ["family", "given", "literal"]
                .iter()
                .any(|key| object.contains_key(*key))
        })
    };
    if names.is_empty() || !names.iter().all(is_name) {
        return;
    }
    let is_et_al = |value: &serde_json::Value| {
        serde_json::from_value::<CslName>(value.clone()).is_ok_and(|name| name.is_et_al())
    };
    let shortened = names.last().is_some_and(is_et_al);
    names.retain(|value| !is_et_al(value));
    if shortened && !names.is_empty() {
        names.push(serde_json::json!({ "literal": "others" }));
    }
    for name in names.iter_mut() {
        if let Some(serde_json::Value::String(given)) = name.get_mut("given")
            && let Some(spaced) = initials(given)
        {
            *given = spaced;
        }
    }
}

/// Straight single quotes made typographic. An apostrophe (`Let's`, `students'`) becomes `’`;
/// a quoted phrase (`'Let's argue!'`) takes `quotes`, the marks for a quotation inside a title
/// in the style at hand.
#[must_use]
pub fn typographic_quotes(text: &str, quotes: (char, char)) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    for (i, &c) in chars.iter().enumerate() {
        if c != '\'' {
            out.push(c);
            continue;
        }
        let previous = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let opens = previous.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '“' | '"' | '—' | '–' | '/')
        }) && next.is_some_and(|n| !n.is_whitespace());
        let inside_word =
            previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        if opens && !open {
            out.push(quotes.0);
            open = true;
        } else if open && !inside_word {
            out.push(quotes.1);
            open = false;
        } else {
            out.push('’');
        }
    }
    out
}

/// One entry of a formatted bibliography.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BibliographyEntry {
    /// The reference's id.
    pub id: String,
    /// The label printed before the entry by numeric styles (`[3]`), if any.
    pub label: Option<String>,
    /// The entry, with the spans the style sets in italics.
    pub text: Formatted,
}

/// The bibliography entry of one reference in `style`, without a numeric label.
#[must_use]
pub fn format_bibliography_entry(reference: &Reference, style: CitationStyle) -> Formatted {
    format_bibliography(&[reference], style)
        .into_iter()
        .next()
        .map(|entry| entry.text)
        .unwrap_or_default()
}

/// The bibliography of `references` in `style`, in the order the style sorts it (author-date
/// styles sort by author and year; IEEE keeps the given order and numbers from 1).
#[must_use]
pub fn format_bibliography(
    references: &[&Reference],
    style: CitationStyle,
) -> Vec<BibliographyEntry> {
    // The renderer is third-party code run on user data: should it panic on something
    // unusual, the result is empty rather than the end of the program.
    recover(FORMATTING, || render_bibliography(references, style)).unwrap_or_default()
}

/// One document citing each of `items` once, on its own, with `purpose`, rendered in `style`:
/// its citations in order and its bibliography (which tells apart works of the same authors
/// and year, `1984a`, `1984b`).
fn cite_each_once(
    csl: &IndependentStyle,
    items: &[Item],
    style: CitationStyle,
    purpose: Option<CitePurpose>,
) -> hayagriva::Rendered {
    let mut driver: BibliographyDriver<'_, Item> = BibliographyDriver::new();
    for item in items {
        driver.citation(CitationRequest::new(
            vec![CitationItem::new(item, None, None, false, purpose)],
            csl,
            Some(LocaleCode(style.locale().to_owned())),
            &LOCALES,
            None,
        ));
    }
    driver.finish(BibliographyRequest::new(
        csl,
        Some(LocaleCode(style.locale().to_owned())),
        &LOCALES,
    ))
}

fn render_bibliography(references: &[&Reference], style: CitationStyle) -> Vec<BibliographyEntry> {
    let Some(csl) = csl_style(style) else {
        return Vec::new();
    };
    let items: Vec<Item> = references.iter().map(|r| to_csl_item(r, style)).collect();
    let rendered = cite_each_once(csl, &items, style, None);
    bibliography_entries(rendered.bibliography)
}

/// The entries of a bibliography hayagriva rendered, each with its numeric label if it has
/// one; none when the style prints no bibliography.
fn bibliography_entries(
    bibliography: Option<hayagriva::RenderedBibliography>,
) -> Vec<BibliographyEntry> {
    let Some(bibliography) = bibliography else {
        return Vec::new();
    };
    bibliography
        .items
        .into_iter()
        .map(|item| {
            let label = item.first_field.map(|field| {
                let mut spans = Vec::new();
                collect_child(&field, &mut spans);
                spans_to_plain(&spans).trim().to_owned()
            });
            let mut spans = Vec::new();
            collect_children(&item.content, &mut spans);
            BibliographyEntry {
                id: item.key,
                label,
                text: Formatted(trim_spans(spans)),
            }
        })
        .collect()
}

/// The in-text citation of `references` as one group in `style`: `(Porter & van der Linde,
/// 1995)` for APA, `[8]` for IEEE. Numeric styles number the references `first_number`,
/// `first_number + 1`, … in the order given.
#[must_use]
pub fn format_in_text(
    references: &[&Reference],
    style: CitationStyle,
    first_number: u32,
) -> String {
    recover(FORMATTING, || {
        render_in_text(references, style, first_number, None)
    })
    .unwrap_or_default()
}

/// A citation of `reference` that is part of its sentence, as `style` prints it there:
/// `Porter and van der Linde (1995)` in APA, Chicago (author-date) and Harvard (APA writes
/// "and" where its parenthetical form has "&"); the authors alone in MLA (`Porter and van
/// der Linde`), which names no year in text; the number (`[8]`) in a numeric style, which
/// has no narrative form. `number` is the reference's number for a numeric style.
#[must_use]
pub fn format_narrative(reference: &Reference, style: CitationStyle, number: u32) -> String {
    if style.is_numeric() {
        return format_in_text(&[reference], style, number);
    }
    let purpose = if style == CitationStyle::Mla {
        CitePurpose::Author
    } else {
        CitePurpose::Prose
    };
    let rendered = recover(FORMATTING, || {
        render_in_text(&[reference], style, number, Some(purpose))
    })
    .unwrap_or_default();
    let rendered = rendered.trim().to_owned();
    if style == CitationStyle::Apa {
        rendered.replace(" & ", " and ")
    } else {
        rendered
    }
}

/// The year of `reference` in parentheses as `style` prints it after an author's name the
/// sentence gives already ("Lombardi et al. (2009)"): `(2009)`, `(n.d.)`. A numeric style
/// prints its number; MLA, which names no year in text, its usual parenthetical form.
#[must_use]
pub fn format_year(reference: &Reference, style: CitationStyle, number: u32) -> String {
    if style.is_numeric() || style == CitationStyle::Mla {
        return format_in_text(&[reference], style, number);
    }
    let year = recover(FORMATTING, || {
        render_in_text(&[reference], style, number, Some(CitePurpose::Year))
    })
    .unwrap_or_default();
    let year = year.trim();
    if year.is_empty() {
        return format_in_text(&[reference], style, number);
    }
    format!("({year})")
}

fn render_in_text(
    references: &[&Reference],
    style: CitationStyle,
    first_number: u32,
    purpose: Option<CitePurpose>,
) -> String {
    let Some(csl) = csl_style(style) else {
        return String::new();
    };
    if references.is_empty() {
        return String::new();
    }
    let items: Vec<Item> = references.iter().map(|r| to_csl_item(r, style)).collect();
    let offset = usize::try_from(first_number.saturating_sub(1)).unwrap_or(0);
    let mut driver: BibliographyDriver<'_, Item> =
        BibliographyDriver::new().with_citation_number_offset(offset);
    driver.citation(CitationRequest::new(
        items
            .iter()
            .map(|item| CitationItem::new(item, None, None, false, purpose))
            .collect(),
        csl,
        Some(LocaleCode(style.locale().to_owned())),
        &LOCALES,
        None,
    ));
    let rendered = driver.finish(BibliographyRequest::new(
        csl,
        Some(LocaleCode(style.locale().to_owned())),
        &LOCALES,
    ));
    rendered
        .citations
        .first()
        .map(|citation| {
            let mut spans = Vec::new();
            collect_children(&citation.citation, &mut spans);
            spans_to_plain(&spans)
        })
        .unwrap_or_default()
}

fn collect_children(children: &ElemChildren, out: &mut Vec<Span>) {
    for child in &children.0 {
        collect_child(child, out);
    }
}

fn collect_child(child: &ElemChild, out: &mut Vec<Span>) {
    match child {
        ElemChild::Text(text) => push_span(out, &text.text, span_style(text.formatting)),
        // A block of its own (`display="block"`, a margin, an indent) is set apart from the
        // text before it by a space in plain text, as citeproc-js's text output does (AAA's
        // `Keohane, R. O. 1977 Power and …`, not `1977Power`).
        ElemChild::Elem(elem) if elem.display.is_some() => {
            let mut block = Vec::new();
            collect_children(&elem.children, &mut block);
            let before = out.last().and_then(|span| span.text.chars().last());
            let first = block.first().and_then(|span| span.text.chars().next());
            if before.is_some_and(|c| !c.is_whitespace())
                && first.is_some_and(|c| !c.is_whitespace())
            {
                push_span(out, " ", (false, false));
            }
            for span in block {
                push_span(out, &span.text, (span.italic, span.superscript));
            }
        }
        ElemChild::Elem(elem) => collect_children(&elem.children, out),
        ElemChild::Markup(markup) => push_span(out, markup, (false, false)),
        ElemChild::Link { text, .. } => {
            push_span(out, &text.text, span_style(text.formatting));
        }
        ElemChild::Transparent { .. } => {}
    }
}

/// Whether text so formatted is italic, and whether it is superscript.
fn span_style(formatting: hayagriva::Formatting) -> (bool, bool) {
    (
        formatting.font_style == FontStyle::Italic,
        formatting.vertical_align == VerticalAlign::Sup,
    )
}

/// Appends text (italic, superscript), merging it into the previous span when the styling is
/// the same.
fn push_span(out: &mut Vec<Span>, text: &str, (italic, superscript): (bool, bool)) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.italic == italic && last.superscript == superscript => {
            last.text.push_str(text);
        }
        _ => out.push(Span {
            text: text.to_owned(),
            italic,
            superscript,
        }),
    }
}

fn spans_to_plain(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// Removes leading and trailing whitespace of the whole run of spans.
fn trim_spans(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

#[cfg(test)]
mod citeproc_tests;
#[cfg(test)]
mod csl_suite_tests;
#[cfg(test)]
mod oracle_tests;
#[cfg(test)]
mod survey_tests;
#[cfg(test)]
mod tests;

//! What the paper prints for a Pandoc citation: the form the text gives, if it gives one, else numbers when every cited work carries one
//! (`[2], [4]`, `[see 2, p. 33]`), else author and year (`(Porter, 1995; Smith & Jones, 2000,
//! p. 3)`, narrative `Porter (1995)`, suppressed author `(1995)`).

use std::borrow::Cow;

use super::{Cite, Group};
use crate::corpus::cite::{short_authors, year_label};
use crate::corpus::model::Reference;

/// What a citation prints for one cited work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CitedWork {
    /// The number the paper prints for it (its `citation-number`), if it carries one.
    pub number: Option<u32>,
    /// Its authors, short (`Porter & van der Linde`, `Sayuti et al.`).
    pub authors: String,
    /// Its year (`1995`, or `n.d.`).
    pub year: String,
}

impl CitedWork {
    /// What a Pandoc citation prints for `reference`: its short authors and year, and `number`
    /// (the number the paper shows it with) when it is a numbered reference.
    #[must_use]
    pub fn of(reference: &Reference, number: Option<u32>) -> Self {
        Self {
            number,
            authors: short_authors(reference),
            year: year_label(reference),
        }
    }
}

/// What the paper prints for `group`. `work` gives what to print for a key; a key it does not
/// know prints as `?key`.
#[must_use]
pub fn printed_form<'w>(group: &Group<'_>, work: impl Fn(&str) -> Option<&'w CitedWork>) -> String {
    if let Some(printed) = group.printed {
        return if printed.contains('\\') {
            super::explicit::unescape_printed(printed)
        } else {
            printed.to_owned()
        };
    }
    if let [cite] = group.cites.as_slice()
        && !group.narrative
        && cite.prefix.is_empty()
        && cite.locator.is_empty()
        && cite.suffix.is_empty()
        && let Some(number) = work(cite.key).and_then(|work| work.number)
    {
        // `[@key]` of a numbered reference, by far the most common citation.
        return format!("[{number}]");
    }
    let works: Vec<Option<&CitedWork>> = group.cites.iter().map(|cite| work(cite.key)).collect();
    let numbered = works.iter().flatten().all(|work| work.number.is_some());
    let pairs = group.cites.iter().zip(&works);
    if numbered {
        pairs
            .map(|(cite, work)| {
                let number = match work.and_then(|w| w.number) {
                    Some(number) => number.to_string(),
                    None => format!("?{}", cite.key),
                };
                let bracketed = format!(
                    "[{}{number}{}]",
                    with_space_after(cite.prefix),
                    locator_after_comma(cite)
                );
                match work {
                    Some(work) if group.narrative && !work.authors.is_empty() => {
                        format!("{} {bracketed}", work.authors)
                    }
                    _ => bracketed,
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    } else if group.narrative {
        pairs
            .map(|(cite, work)| match work {
                Some(work) => format!(
                    "{} ({}{})",
                    work.authors,
                    work.year,
                    locator_after_comma(cite)
                ),
                None => format!("?{}", cite.key),
            })
            .collect::<Vec<_>>()
            .join("; ")
    } else {
        let items: Vec<String> = pairs
            .map(|(cite, work)| {
                let work = match work {
                    Some(work) if cite.suppress_author => work.year.clone(),
                    Some(work) => format!("{}, {}", work.authors, work.year),
                    None => format!("?{}", cite.key),
                };
                format!(
                    "{}{work}{}",
                    with_space_after(cite.prefix),
                    locator_after_comma(cite)
                )
            })
            .collect();
        format!("({})", items.join("; "))
    }
}

/// `see` → `see `; nothing → nothing.
fn with_space_after(prefix: &str) -> String {
    if prefix.is_empty() {
        String::new()
    } else {
        format!("{} ", unescaped(prefix))
    }
}

/// A group entry's prefix, locator or suffix as printed: each `\;` (a `;` that does not end
/// the entry) a `;`.
fn unescaped(part: &str) -> Cow<'_, str> {
    if part.contains("\\;") {
        Cow::Owned(part.replace("\\;", ";"))
    } else {
        Cow::Borrowed(part)
    }
}

/// `, p. 33 and passim` (locator and suffix after a comma), or nothing.
fn locator_after_comma(cite: &Cite<'_>) -> String {
    match (&*unescaped(cite.locator), &*unescaped(cite.suffix)) {
        ("", "") => String::new(),
        (locator, "") => format!(", {locator}"),
        ("", suffix) if suffix.starts_with(',') => suffix.to_owned(),
        ("", suffix) => format!(", {suffix}"),
        (locator, suffix) if suffix.starts_with([',', ';', '.']) => format!(", {locator}{suffix}"),
        (locator, suffix) => format!(", {locator} {suffix}"),
    }
}

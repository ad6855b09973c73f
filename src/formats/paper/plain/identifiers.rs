//! What identifies an entry of a reference list: its DOI and URL, cut out of the text as
//! printed, and the id the corpus gives it (`citaristi2022`, `ref-3`, `hadoop`).

use crate::corpus::model::Reference;

/// Cuts the DOI and URL out of an entry: (text before them, DOI, URL).
pub(super) fn identifiers(text: &str) -> (&str, String, String) {
    let lower = text.to_lowercase();
    let doi_at = lower
        .find("doi:")
        .or_else(|| lower.find("https://doi.org/"))
        .or_else(|| lower.find("http://dx.doi.org/"));
    let url_at = lower.find("http://").or_else(|| lower.find("https://"));
    let cut = [
        doi_at,
        url_at,
        lower.find("available:"),
        lower.find("available from"),
        lower.find("[online]"),
        // natbib's `URL http://…`, as ICML's and NeurIPS's lists print a link.
        lower.find("url http"),
        lower.find("url: http"),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(text.len());
    let doi_from = doi_at.unwrap_or(text.len());
    let doi = lower
        .get(doi_from..)
        .and_then(|after| after.find("10."))
        .and_then(|at| text.get(doi_from + at..))
        .and_then(|from| from.split_whitespace().next())
        .map(|d| d.trim_end_matches(['.', ',', ';', ')']).to_owned())
        .filter(|d| d.contains('/'))
        .unwrap_or_default();
    let url = url_at
        .and_then(|at| text.get(at..))
        .and_then(|from| from.split_whitespace().next())
        .map(|u| u.trim_end_matches(['.', ',', ';', ')']).to_owned())
        .filter(|u| !u.contains("doi.org/"))
        .unwrap_or_default();
    (text.get(..cut).unwrap_or(text), doi, url)
}

/// An id from the first author's family name and the year (`citaristi2022`, `daume2007`), or
/// `ref-N`; a work without authors in an unnumbered list, from its title (`hadoop`).
pub(super) fn id(reference: &Reference, number: Option<u32>) -> String {
    let family: String = reference
        .creators()
        .first()
        .map(|name| {
            let family = if name.family.is_empty() {
                name.literal.split_whitespace().next().unwrap_or_default()
            } else {
                &name.family
            };
            // `Daumé` as `daume`.
            family
                .chars()
                .map(nucleo_matcher::chars::normalize)
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_lowercase()
        })
        .unwrap_or_default();
    let year = reference
        .issued
        .as_ref()
        .and_then(|d| d.date_parts.first()?.first().copied())
        .map(|y| y.to_string())
        .unwrap_or_default();
    if !family.is_empty() {
        return format!("{family}{year}");
    }
    if let Some(n) = number {
        return format!("ref-{n}");
    }
    // A work without authors: the first word of its title that says something (`hadoop`).
    let word = reference
        .title
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .find(|w| w.len() >= 3 && w.is_ascii() && !["the", "and", "for"].contains(&w.as_str()));
    word.map_or_else(|| "ref".to_owned(), |word| format!("{word}{year}"))
}

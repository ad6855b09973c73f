//! Malformed reference entries: a title that reads like body text, a venue that is an
//! artefact (a search engine's "Available SSRN …", a bookseller, the title's own subtitle), a
//! venue or publisher missing for the type, a journal article without volume or pages, a
//! missing year.

use super::paper::reference_flag;
use super::{Flag, FlagKind, FlagSeverity, Paper};
use crate::corpus::cite;
use crate::corpus::model::Reference;

/// More words than this and a title reads like running text.
const LONG_TITLE_WORDS: usize = 40;

/// Company endings: a venue that ends so names a firm (a bookseller, a printer), not a journal.
const COMPANY_ENDINGS: [&str; 8] = [
    "ltd", "ltd.", "limited", "inc", "inc.", "llc", "gmbh", "plc",
];

/// Runs the checks on every reference entry.
pub(super) fn check(paper: &Paper<'_>, out: &mut Vec<Flag>) {
    for (position, reference) in paper.corpus.file.references.iter().enumerate() {
        let mut flag = |check: &'static str, message: String, evidence: String| {
            out.push(reference_flag(
                position,
                FlagKind::MalformedReference,
                check,
                FlagSeverity::Moderate,
                message,
                evidence,
            ));
        };
        if let Some(evidence) = title_reads_like_text(&reference.title) {
            flag(
                "title-reads-like-text",
                "The title field holds running text, not a title".to_owned(),
                evidence,
            );
        }
        if let Some((message, evidence)) = venue_artefact(reference) {
            flag("venue-artefact", message, evidence);
        }
        if let Some((message, evidence)) = missing_venue(reference) {
            flag("missing-venue", message, evidence);
        }
        if let Some(evidence) = missing_volume_pages(reference) {
            flag(
                "missing-volume-pages",
                "A journal article without volume or pages".to_owned(),
                evidence,
            );
        }
        if cite::year(reference).is_none()
            && !has_literal_year(reference)
            && !is_web_resource(reference)
        {
            flag(
                "missing-year",
                "No year".to_owned(),
                format!(
                    "The entry \u{201c}{}\u{201d} gives no date of issue; a reader cannot tell \
                     which edition or version is meant.",
                    shortened(&reference.title)
                ),
            );
        }
    }
}

/// Why a title reads like body text: it holds an author–year citation, or is very long.
fn title_reads_like_text(title: &str) -> Option<String> {
    if let Some(citation) = citation_in(title) {
        return Some(format!(
            "The title holds an author\u{2013}year citation, \u{201c}{citation}\u{201d}: \
             \u{201c}{}\u{201d}",
            shortened(title)
        ));
    }
    let words = title.split_whitespace().count();
    (words > LONG_TITLE_WORDS).then(|| {
        format!(
            "The title is {words} words long: \u{201c}{}\u{201d}",
            shortened(title)
        )
    })
}

/// An author–year citation written in `text`, such as `(Gallagher, 2015a` or `Morrison, 2002`
/// inside parentheses: a capitalised name, a comma, then a year.
fn citation_in(text: &str) -> Option<String> {
    let mut depth_start = None;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth_start = Some(at),
            ')' => depth_start = None,
            _ => {}
        }
        let Some(open) = depth_start else {
            continue;
        };
        if c != ',' {
            continue;
        }
        let before = text.get(open + 1..at).unwrap_or_default().trim();
        let name = before.rsplit([';', '(']).next().unwrap_or_default().trim();
        let untrimmed = text.get(at + 1..).unwrap_or_default();
        let after = untrimmed.trim_start();
        let year_start = at + 1 + (untrimmed.len() - after.len());
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let named = name.chars().next().is_some_and(char::is_uppercase)
            && name.split_whitespace().count() <= 4;
        if named
            && digits == 4
            && after
                .get(..4)
                .and_then(|y| y.parse::<i32>().ok())
                .is_some_and(|y| (1800..=2100).contains(&y))
        {
            let end = year_start + 4;
            let end = text
                .get(end..)
                .and_then(|rest| rest.chars().next())
                .filter(char::is_ascii_lowercase)
                .map_or(end, |c| end + c.len_utf8());
            return text.get(open..end).map(str::to_owned);
        }
    }
    None
}

/// A venue that is an artefact: a search engine's "Available at SSRN", a company, or the
/// title's subtitle abbreviated like a journal.
fn venue_artefact(reference: &Reference) -> Option<(String, String)> {
    let venue = reference.container_title.trim();
    if venue.is_empty() {
        return None;
    }
    let lower = venue.to_lowercase();
    if lower.starts_with("available")
        || lower.contains("ssrn") && venue.chars().any(|c| c.is_ascii_digit())
    {
        return Some((
            format!("The venue \u{201c}{venue}\u{201d} is a repository note, not a journal"),
            format!(
                "The venue reads \u{201c}{venue}\u{201d}: where a search engine found the work \
                 (a repository and its number), not where it was published."
            ),
        ));
    }
    let last = lower.split_whitespace().last().unwrap_or_default();
    if COMPANY_ENDINGS.contains(&last) {
        return Some((
            format!("The venue \u{201c}{venue}\u{201d} names a company, not a journal"),
            format!(
                "The venue reads \u{201c}{venue}\u{201d}, ending in \u{201c}{}\u{201d} like a \
                 firm's name (a bookseller or printer); the {} gives no publisher.",
                venue.split_whitespace().last().unwrap_or_default(),
                type_noun(&reference.item_type)
            ),
        ));
    }
    let located =
        !reference.volume.is_empty() || !reference.page.is_empty() || !reference.issue.is_empty();
    if reference.item_type == "article-journal"
        && !located
        && (lower.starts_with("a ") || lower.starts_with("an "))
    {
        return Some((
            format!("The venue \u{201c}{venue}\u{201d} reads as the title's subtitle"),
            format!(
                "The venue reads \u{201c}{venue}\u{201d}, a phrase starting with \u{201c}{}\u{201d} \
                 as a subtitle does, abbreviated like a journal; with the title: \u{201c}{}: {venue}\u{201d}. \
                 No volume, issue or pages are given.",
                venue.split_whitespace().next().unwrap_or_default(),
                reference.title.trim()
            ),
        ));
    }
    None
}

/// A venue or publisher the entry's type needs but lacks.
fn missing_venue(reference: &Reference) -> Option<(String, String)> {
    let has = |text: &str| !text.trim().is_empty();
    let has_locator = has(&reference.doi)
        || has(&reference.url)
        || has(&reference.note)
        || printed_names_more(reference);
    let noun = type_noun(&reference.item_type);
    let (missing, what) = match reference.item_type.as_str() {
        "article-journal" if !has(&reference.container_title) && !has_locator => {
            ("journal", "no journal")
        }
        "chapter" if !has(&reference.container_title) => ("book title", "no book title"),
        "paper-conference" if !has(&reference.container_title) && !has(&reference.publisher) => {
            ("proceedings", "no proceedings or conference")
        }
        "book" if !has(&reference.publisher) && !has_locator => ("publisher", "no publisher"),
        "article" | "document" | "manuscript"
            if !has(&reference.container_title) && !has(&reference.publisher) && !has_locator =>
        {
            (
                "venue",
                "no venue, publisher or other locator (DOI, address)",
            )
        }
        _ => return None,
    };
    Some((
        format!("A {noun} without a {missing}"),
        format!(
            "The entry is typed as a {noun} ({}) but gives {what}: authors, title and year only.",
            reference.item_type
        ),
    ))
}

/// A journal article with neither volume nor pages (nor a DOI, address or preprint number to
/// find it by).
fn missing_volume_pages(reference: &Reference) -> Option<String> {
    let article_number = ["number", "article-number"]
        .iter()
        .any(|key| reference.extra.contains_key(*key));
    (reference.item_type == "article-journal"
        && reference.volume.trim().is_empty()
        && reference.page.trim().is_empty()
        && !found_without_pages(reference)
        && !article_number)
        .then(|| {
            format!(
                "The journal article gives no volume and no pages{}, and no DOI or address.",
                if reference.container_title.trim().is_empty() {
                    String::new()
                } else {
                    format!(" in \u{201c}{}\u{201d}", reference.container_title.trim())
                }
            )
        })
}

/// Words an entry prints besides its names, title and date that name no venue or publisher.
const NOT_A_VENUE: [&str; 12] = [
    "and",
    "eds",
    "edn",
    "edition",
    "vol",
    "pp",
    "retrieved",
    "available",
    "accessed",
    "from",
    "online",
    "the",
];

/// Whether the entry as the paper prints it names more than its authors, title and date: a
/// place, a publisher or a venue its fields were read without (an importer reads fewer fields
/// from an entry with little markup than its printed text holds). An entry the corpus does not
/// keep as printed names nothing more.
fn printed_names_more(reference: &Reference) -> bool {
    let Some(printed) = reference.printed() else {
        return false;
    };
    let mut known: Vec<String> = Vec::new();
    let mut add_words = |text: &str| {
        known.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .map(str::to_lowercase),
        );
        // A compound as a word broken at the end of a line prints it (`Semi-supervised`).
        known.extend(text.split_whitespace().map(|word| {
            word.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        }));
    };
    for name in reference.author.iter().chain(&reference.editor) {
        for part in [
            &name.family,
            &name.given,
            &name.literal,
            &name.non_dropping_particle,
            &name.dropping_particle,
            &name.suffix,
        ] {
            add_words(part);
        }
        // Initials printed together (`Molenberghs G, Kenward MG`).
        let initials: String = name
            .given
            .split(|c: char| !c.is_alphabetic())
            .filter_map(|word| word.chars().next())
            .collect();
        add_words(&initials);
    }
    add_words(&reference.title);
    // Words a PDF broke at the end of a line joined again (`Rep- resentations`).
    let printed = printed.replace("- ", "");
    printed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .map(str::to_lowercase)
        .any(|word| {
            !known.contains(&word)
                && !NOT_A_VENUE.contains(&word.as_str())
                && !crate::corpus::text::MONTHS
                    .iter()
                    .any(|month| month.eq_ignore_ascii_case(&word))
        })
}

/// Whether the entry is a web page, a piece of software or a data set, or names a thing found
/// at an address or by its name alone (no author, venue or publisher: "GitHub", "The R
/// Project"): such entries often carry no date, and the address or name is how a reader finds
/// them.
fn is_web_resource(reference: &Reference) -> bool {
    matches!(
        reference.item_type.as_str(),
        "webpage" | "post" | "post-weblog" | "software" | "dataset"
    ) || ((!reference.url.trim().is_empty() || reference.creators().is_empty())
        && reference.container_title.trim().is_empty()
        && reference.publisher.trim().is_empty())
}

/// Whether the entry is a preprint, in press, or is found by an address or identifier rather
/// than by volume and pages: a DOI, an address, an arXiv id, a preprint server as venue.
fn found_without_pages(reference: &Reference) -> bool {
    let venue = reference.container_title.to_lowercase();
    let mentions = |word: &str| {
        [
            reference.container_title.as_str(),
            reference.note.as_str(),
            reference.title.as_str(),
            reference.printed().unwrap_or_default(),
        ]
        .iter()
        .any(|field| field.to_lowercase().contains(word))
    };
    !reference.doi.trim().is_empty()
        || !reference.url.trim().is_empty()
        || cite::arxiv_id(reference).is_some()
        || mentions("arxiv")
        || mentions("in press")
        || ["arxiv", "biorxiv", "medrxiv", "preprint", "corr"]
            .iter()
            .any(|server| {
                venue
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == *server)
            })
}

/// Whether the entry's date is written as text holding a year (`{"literal": "spring 2006"}`).
fn has_literal_year(reference: &Reference) -> bool {
    reference
        .issued
        .as_ref()
        .is_some_and(|date| super::paper::year_in(&date.literal).is_some())
}

/// The CSL type in words.
fn type_noun(item_type: &str) -> &'static str {
    match item_type {
        "article-journal" => "journal article",
        "chapter" => "book chapter",
        "book" => "book",
        "paper-conference" => "conference paper",
        "thesis" => "thesis",
        "report" => "report",
        _ => "work",
    }
}

/// `text` cut to about 120 characters between words, with an ellipsis when cut.
pub(super) fn shortened(text: &str) -> String {
    const MAX: usize = 120;
    let text = text.trim();
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() > MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('\u{2026}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_inside_a_title() {
        let title = "Although not new (Gallagher, 2015a, b; Morrison, 2002). Prior to";
        assert_eq!(citation_in(title).as_deref(), Some("(Gallagher, 2015a"));
        assert_eq!(citation_in("The 2010 census (revised, 2012 edition)"), None);
        assert_eq!(citation_in("Cities (1990, 2000)"), None);
    }

    #[test]
    fn venue_artefacts_and_real_venues() {
        let with_venue = |venue: &str| Reference {
            item_type: "article-journal".to_owned(),
            title: "Human trafficking".to_owned(),
            container_title: venue.to_owned(),
            ..Reference::default()
        };
        for artefact in [
            "Available SSRN 2045851",
            "Available at SSRN",
            "TBS B. Serv. Ltd",
            "A Glob. Perspect.",
        ] {
            assert!(
                venue_artefact(&with_venue(artefact)).is_some(),
                "{artefact}"
            );
        }
        for venue in ["Int. J. Hum. Rights", "PLoS ONE", "Nature"] {
            assert!(venue_artefact(&with_venue(venue)).is_none(), "{venue}");
        }
        let mut located = with_venue("A Journal of Things");
        located.volume = "3".to_owned();
        assert!(venue_artefact(&located).is_none());
    }
}

//! The book a chapter is in, as author–date lists print it after `In` or `in:`: its editors,
//! its title, the chapter's pages, then its place and publisher. APA: `In K. Brown (Ed.),
//! Urban water (pp. 12–30). Elsevier.`; Elsevier's Harvard style: `in: Brown, K., White, L.
//! (Eds.), Urban Water. Elsevier, Amsterdam, pp. 12–30.`; Harvard: `in Brown, K. (ed.) Urban
//! Water. London: Routledge, pp. 40–52.`

use crate::corpus::model::CslName;

use super::dated;

/// How far into the text after `In` its editors' role is looked for, in bytes.
const MAX_EDITORS: usize = 300;

/// The marks of an editors' role, as the styles print them after the names.
const ROLES: [&str; 10] = [
    "(Eds.)", "(Ed.)", "(eds.)", "(ed.)", "(Eds)", "(Ed)", "(eds)", "(ed)", "(Hrsg.)", "(Hg.)",
];

/// The book a chapter is in, read from the text after its `In`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Book<'t> {
    /// The book's editors.
    pub(super) editors: Vec<CslName>,
    /// The book's title as printed (emphasis marks kept).
    pub(super) title: &'t str,
    /// The chapter's pages when printed in parentheses after the title (`(pp. 12–30)`).
    pub(super) pages: &'t str,
    /// The text after the title: the place, publisher and pages.
    pub(super) rest: &'t str,
}

/// A chapter's title ended by Elsevier's `, in:` before its book (`Water in towns, in: Brown,
/// K. (Ed.), …`), when that comes before the title's first full stop: the title and the text
/// from `in:`.
pub(super) fn title_before_in(text: &str, sentence_end: usize) -> Option<(&str, &str)> {
    let at = text
        .find(", in: ")
        .or_else(|| text.find(", In: "))
        .filter(|&at| at < sentence_end)?;
    Some((text.get(..at)?, text.get(at + 2..)?))
}

/// The book after a chapter's `In`, when its editors are named with their role; `None`
/// otherwise (a book without editors is read as any container is).
pub(super) fn book_after_in(text: &str) -> Option<Book<'_>> {
    let (at, role) = ROLES
        .iter()
        .filter_map(|role| text.find(role).map(|at| (at, *role)))
        .filter(|&(at, _)| at <= MAX_EDITORS)
        .min_by_key(|&(at, _)| at)?;
    let editors = text.get(..at)?.trim().trim_end_matches(',').trim();
    if editors.is_empty() || !names_only(editors) {
        return None;
    }
    let after = text
        .get(at + role.len()..)?
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':'));
    let (title, pages, rest) = book_title(after);
    if title.is_empty() {
        return None;
    }
    Some(Book {
        editors: dated::author_names(editors),
        title,
        pages,
        rest,
    })
}

/// Whether `text` is names and initials only: no word of a sentence (a lower-case word other
/// than a joining one or a particle).
fn names_only(text: &str) -> bool {
    text.split_whitespace().all(|word| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        bare.is_empty()
            || bare.chars().next().is_some_and(char::is_uppercase)
            || [
                "and", "et", "al", "von", "van", "der", "de", "la", "du", "le",
            ]
            .contains(&bare)
    })
}

/// The book's title at the start of `text`, the pages printed in parentheses after it, and the
/// text after them: emphasised (`*Urban water*`), up to `(pp. …)`, or up to the first full
/// stop before a capital or the end.
fn book_title(text: &str) -> (&str, &str, &str) {
    if let Some(inner) = text.strip_prefix('*')
        && let Some(close) = inner.find('*')
    {
        let title = inner.get(..close).unwrap_or_default();
        let (pages, rest) = parenthesised_pages(inner.get(close + 1..).unwrap_or_default());
        return (title, pages, rest);
    }
    let end = text
        .match_indices(". ")
        .map(|(at, _)| at)
        .find(|&at| {
            let word = text
                .get(..at)
                .unwrap_or_default()
                .rsplit(' ')
                .next()
                .unwrap_or_default();
            // `Proc. Int. Conf.`: an abbreviation's stop does not end the title.
            word.chars().count() > 4 || word.chars().any(|c| c.is_ascii_digit())
        })
        .unwrap_or(text.len());
    let sentence = text.get(..end).unwrap_or(text);
    if let Some(open) = sentence.find(" (pp")
        && let Some(close) = sentence.get(open..).and_then(|s| s.find(')'))
    {
        let pages = sentence.get(open + 2..open + close).unwrap_or_default();
        let pages = pages
            .trim_start_matches("pp.")
            .trim_start_matches("pp")
            .trim();
        let rest = text.get(open + close + 1..).unwrap_or_default();
        return (sentence.get(..open).unwrap_or_default().trim(), pages, rest);
    }
    (
        sentence.trim().trim_end_matches('.'),
        "",
        text.get(end..).unwrap_or_default(),
    )
}

/// `(pp. 12–30)` at the start of `text` (after spaces): the pages and the text after them.
fn parenthesised_pages(text: &str) -> (&str, &str) {
    let trimmed = text.trim_start();
    if let Some(inner) = trimmed.strip_prefix("(pp")
        && let Some(close) = inner.find(')')
    {
        let pages = inner.get(..close).unwrap_or_default();
        let pages = pages.trim_start_matches('.').trim();
        return (pages, inner.get(close + 1..).unwrap_or_default());
    }
    ("", text)
}

/// A place and publisher printed `Place: Publisher` as the first part of `text` (before a
/// comma or a full stop): the place, the publisher and the text after them.
pub(super) fn place_colon_publisher(text: &str) -> Option<(&str, &str, &str)> {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','));
    let end = text.find([',', '.']).unwrap_or(text.len());
    let (place, publisher) = text.get(..end)?.split_once(": ")?;
    let plain = |part: &str| {
        let words = part.split_whitespace().count();
        (1..=6).contains(&words)
            && part.chars().next().is_some_and(char::is_uppercase)
            && !part.chars().any(|c| c.is_ascii_digit())
    };
    (plain(place) && plain(publisher)).then(|| {
        (
            place.trim(),
            publisher.trim(),
            text.get(end..).unwrap_or_default(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn families(book: &Book<'_>) -> Vec<String> {
        book.editors.iter().map(|n| n.family.clone()).collect()
    }

    #[test]
    fn a_book_s_editors_title_and_pages_are_read_after_in() {
        let apa = book_after_in("K. Brown (Ed.), Urban water (pp. 12–30). Elsevier.");
        let apa = apa.as_ref();
        assert_eq!(apa.map(families), Some(vec!["Brown".to_owned()]));
        assert_eq!(
            apa.map(|b| (b.title, b.pages, b.rest)),
            Some(("Urban water", "12–30", ". Elsevier."))
        );
        let elsevier = book_after_in(
            "Brown, K., White, L. (Eds.), Urban Water. Elsevier, Amsterdam, pp. 12–30.",
        );
        let elsevier = elsevier.as_ref();
        assert_eq!(
            elsevier.map(families),
            Some(vec!["Brown".to_owned(), "White".to_owned()])
        );
        assert_eq!(
            elsevier.map(|b| (b.title, b.pages, b.rest)),
            Some(("Urban Water", "", ". Elsevier, Amsterdam, pp. 12–30."))
        );
        let harvard = book_after_in("Brown, K. (ed.) *Urban Water*. London: Routledge, pp. 40–52.");
        assert_eq!(
            harvard.as_ref().map(|b| (b.title, b.rest)),
            Some(("Urban Water", ". London: Routledge, pp. 40–52."))
        );
        // An abbreviation's stop does not end the title.
        let proceedings = book_after_in("A. Lee (Ed.), Proc. Int. Conf. on Water. ACM.");
        assert_eq!(
            proceedings.map(|b| b.title),
            Some("Proc. Int. Conf. on Water")
        );
    }

    #[test]
    fn a_book_without_named_editors_is_not_read_here() {
        assert_eq!(book_after_in("Urban Water. Elsevier, Amsterdam."), None);
        // A role mark after a sentence is not an editors' list.
        assert_eq!(
            book_after_in("the proceedings of the meeting, chaired by K. Brown (Ed.), Water."),
            None
        );
        assert_eq!(book_after_in("K. Brown (Ed.)"), None);
        assert_eq!(
            place_colon_publisher(". London: Routledge, pp. 40–52."),
            Some(("London", "Routledge", ", pp. 40–52."))
        );
        assert_eq!(place_colon_publisher(". Note: 12 pages."), None);
    }
}

//! The reference list: entries starting `[n]` or `n.` (wrapping over several lines), each read
//! into CSL fields: authors (`A. B. Surname, C. Name, and D. Name`, `Surname, A., Surname, B.`,
//! `Surname AB, Surname C`), the title (quoted, emphasised, or up to the first full stop), the
//! container, volume, issue, pages, year, publisher, DOI and URL. The entry as printed is kept
//! in `note`.

use std::collections::HashSet;

use crate::corpus::model::{CslDate, CslName, Reference};

use super::super::collapse_whitespace;
use super::inline::{append_joined, strip_emphasis};
use super::names::{is_author_piece, names};

/// The highest number a reference list entry is read with.
const MAX_NUMBER: u32 = 100_000;

/// One entry of the list as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    /// Its printed number, if the list is numbered.
    pub(super) number: Option<u32>,
    /// Its text after the number, lines joined.
    pub(super) text: String,
}

/// The printed number a line starts an entry with, and the text after it: `[3] …`, `3. …`,
/// `3) …`, after an optional list bullet. A `3.` must follow the entry before it (`2.`), so that
/// a wrapped line starting with a year is not an entry.
fn entry_start(line: &str, previous: Option<u32>) -> Option<(u32, &str)> {
    let line = line.trim_start();
    let line = ["- ", "• ", "* ", "– "]
        .iter()
        .find_map(|bullet| line.strip_prefix(bullet))
        .unwrap_or(line)
        .trim_start();
    let (number, rest, bracketed) = if let Some(inside) = line.strip_prefix('[') {
        let (number, rest) = inside.split_once(']')?;
        (number, rest, true)
    } else {
        let end = line.find(|c: char| !c.is_ascii_digit())?;
        let rest = line.get(end..)?;
        let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
        (line.get(..end)?, rest, false)
    };
    if number.is_empty() || number.len() > 6 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u32 = number
        .parse()
        .ok()
        .filter(|n| (1..=MAX_NUMBER).contains(n))?;
    let follows = previous.map_or(number <= 5, |p| number == p + 1);
    (rest.starts_with(char::is_whitespace) && (bracketed || follows)).then(|| (number, rest.trim()))
}

/// The entries of the reference list's lines (blank lines and page breaks already taken out of
/// `lines`): numbered entries, each with the lines that follow it; or, when no line starts with
/// a number, one entry per group of lines (`groups`, the blocks the list was printed in).
pub(super) fn entries(groups: &[Vec<&str>], hyphenated: &HashSet<String>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut previous = None;
    for line in groups.iter().flatten() {
        if let Some((number, text)) = entry_start(line, previous) {
            previous = Some(number);
            out.push(Entry {
                number: Some(number),
                text: text.to_owned(),
            });
        } else if let Some(entry) = out.last_mut() {
            append_joined(&mut entry.text, line, hyphenated);
        }
    }
    if out.is_empty() {
        for group in groups {
            let mut text = String::new();
            for line in group {
                append_joined(&mut text, line, hyphenated);
            }
            out.push(Entry { number: None, text });
        }
    }
    out
}

/// The text of an entry split at a quoted title: before, title, after.
fn quoted(text: &str) -> Option<(&str, &str, &str)> {
    let open = text.find(['"', '“'])?;
    let quote = text.get(open..)?.chars().next()?;
    let close_char = if quote == '“' { '”' } else { '"' };
    let inside_start = open + quote.len_utf8();
    let close = inside_start + text.get(inside_start..)?.find(close_char)?;
    Some((
        text.get(..open)?,
        text.get(inside_start..close)?,
        text.get(close + close_char.len_utf8()..)?,
    ))
}

/// The text split at its first emphasised part (`*…*`): before, the part, after.
fn emphasised(text: &str) -> Option<(&str, &str, &str)> {
    let open = text.find('*')?;
    let close = open + 1 + text.get(open + 1..)?.find('*')?;
    Some((
        text.get(..open)?,
        text.get(open + 1..close)?,
        text.get(close + 1..)?,
    ))
}

/// The authors' part of an unquoted entry and the rest: the comma-separated names at its start,
/// the last one possibly ending with `. ` before the title (`Smith AB, Jones C. Title…`).
fn split_authors(text: &str) -> (&str, &str) {
    let mut end = 0;
    let mut start = 0;
    for piece in text.split_inclusive(',') {
        let piece_end = start + piece.len();
        let bare = piece.trim_end_matches(',').trim();
        if is_author_piece(bare.trim_end_matches('.')) && !bare.is_empty() {
            end = piece_end;
            start = piece_end;
            continue;
        }
        // `Jones C. Title …`: the name ends at a full stop.
        let mut stop_at = None;
        let mut from = 0;
        while let Some(found) = piece.get(from..).and_then(|p| p.find(". ")) {
            let at = from + found;
            if is_author_piece(piece.get(..at).unwrap_or_default()) {
                stop_at = Some(at + 1);
                break;
            }
            from = at + 2;
            if from > 80 {
                break;
            }
        }
        if let Some(stop) = stop_at {
            end = start + stop;
        }
        break;
    }
    (
        text.get(..end).unwrap_or_default(),
        text.get(end..).unwrap_or_default(),
    )
}

/// A year from 1500 to 2100 standing alone in `text` (the last one).
fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|word| {
            let digits = word.trim_end_matches(|c: char| c.is_ascii_lowercase() && word.len() == 5);
            (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse::<i32>().ok())
                .flatten()
        })
        .rfind(|year| (1500..=2100).contains(year))
}

/// Strips `prefix` (any case) and the spaces after it.
fn field<'a>(segment: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|prefix| {
        segment
            .get(..prefix.len())
            .filter(|start| start.eq_ignore_ascii_case(prefix))
            .and_then(|_| segment.get(prefix.len()..))
            .map(str::trim)
    })
}

/// Whether a segment is a page range or a number range: `10-20`, `97–118`.
fn is_range(text: &str) -> bool {
    let mut parts = text.split(['-', '–', '—']);
    let numeric = |s: Option<&str>| s.is_some_and(is_article_number);
    numeric(parts.next()) && numeric(parts.next()) && parts.next().is_none()
}

/// Whether a segment is one article number standing for pages: `e1000204`, `1234`, `S12`.
fn is_article_number(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        && text.chars().any(|c| c.is_ascii_digit())
}

/// A segment split at its first `. ` after a leading field name (`vol. 332. Routledge` →
/// `vol. 332` and `Routledge`).
fn split_after_field(segment: &str) -> (&str, Option<&str>) {
    let skip = ["vol.", "no.", "pp.", "p."]
        .iter()
        .find(|prefix| field(segment, &[prefix]).is_some())
        .map_or(0, |prefix| prefix.len());
    match segment.get(skip..).and_then(|rest| rest.find(". ")) {
        Some(at) => (
            segment.get(..skip + at).unwrap_or(segment),
            segment.get(skip + at + 2..),
        ),
        None => (segment, None),
    }
}

/// Reads the fields after the container: volume, issue, pages, year, publisher.
fn read_fields(rest: &str, reference: &mut Reference) {
    let mut segments: Vec<String> = rest
        .split([',', ';'])
        .map(|s| s.trim().trim_end_matches('.').trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    segments.reverse();
    let mut publisher: Vec<String> = Vec::new();
    while let Some(segment) = segments.pop() {
        let segment = segment.as_str();
        // `vol. 332. Routledge London`: a field, then more after a full stop.
        let (head, tail) = split_after_field(segment);
        let head = head.trim();
        if let Some(value) = field(head, &["vol.", "vol ", "volume "]) {
            value.clone_into(&mut reference.volume);
        } else if let Some(value) = field(head, &["no.", "no ", "issue ", "nr."]) {
            value.clone_into(&mut reference.issue);
        } else if let Some(value) = field(head, &["pp.", "p.", "pages ", "page "]) {
            value.clone_into(&mut reference.page);
        } else if let Some((volume, after)) = head.split_once('(')
            && let Some((issue, pages)) = after.split_once(')')
            && !volume.is_empty()
            && volume.trim().chars().all(|c| c.is_ascii_digit())
        {
            // `3(2):10-20` or `3(2)`.
            volume.trim().clone_into(&mut reference.volume);
            issue.trim().clone_into(&mut reference.issue);
            let pages = pages.trim_start_matches(':').trim();
            if !pages.is_empty() {
                pages.clone_into(&mut reference.page);
            }
        } else if let Some((volume, pages)) = head.split_once(':')
            && volume.trim().chars().all(|c| c.is_ascii_digit())
            && (is_range(pages.trim()) || is_article_number(pages.trim()))
        {
            // `962:308–316`, or an article number for pages: `4:e1000204`.
            volume.trim().clone_into(&mut reference.volume);
            pages.trim().clone_into(&mut reference.page);
        } else if is_range(head) && reference.page.is_empty() {
            head.clone_into(&mut reference.page);
        } else if let Some(year) = year_in(head)
            && head.split_whitespace().count() <= 3
        {
            reference.issued = Some(year_date(year));
        } else if head.chars().all(|c| c.is_ascii_digit()) && reference.volume.is_empty() {
            head.clone_into(&mut reference.volume);
        } else if head.chars().any(char::is_alphabetic) {
            publisher.push(head.to_owned());
        }
        if let Some(tail) = tail {
            segments.push(tail.to_owned());
        }
    }
    reference.publisher = publisher.join(", ");
}

fn year_date(year: i32) -> CslDate {
    CslDate {
        date_parts: vec![vec![year]],
        ..CslDate::default()
    }
}

/// The container at the start of `rest` (plain text, no emphasis): up to a comma before a
/// number or a field (`, vol.`, `, 2019`), a full stop before a number (`. 2019;3(2)`), or a
/// semicolon.
fn plain_container(rest: &str) -> (&str, &str) {
    let bytes = rest.as_bytes();
    for (at, _) in rest.match_indices([',', '.', ';']) {
        let after = rest.get(at + 1..).unwrap_or_default().trim_start();
        let starts_field = after.chars().next().is_some_and(|c| c.is_ascii_digit()) || {
            let start: String = after.chars().take(6).collect::<String>().to_lowercase();
            ["vol", "no.", "pp", "p.", "issue"]
                .iter()
                .any(|f| start.starts_with(f))
        };
        let is_stop = bytes.get(at) == Some(&b';')
            || (starts_field && (bytes.get(at) == Some(&b',') || bytes.get(at + 1) == Some(&b' ')));
        if is_stop {
            return (
                rest.get(..at).unwrap_or_default(),
                rest.get(at + 1..).unwrap_or_default(),
            );
        }
    }
    let end = rest.find(". ").unwrap_or(rest.len());
    (
        rest.get(..end).unwrap_or_default(),
        rest.get(end..).unwrap_or_default(),
    )
}

/// A book's `Place: Publisher; 2012` (Vancouver): place, publisher and the rest.
fn place_and_publisher(rest: &str) -> Option<(&str, &str, &str)> {
    let (place, after) = rest.split_once(": ")?;
    let (publisher, after) = after.split_once(';')?;
    let plain = |s: &str| {
        !s.trim().is_empty()
            && s.split_whitespace().count() <= 6
            && !s.contains(['.', ',', ':'])
            && !s.chars().any(|c| c.is_ascii_digit())
    };
    (plain(place) && plain(publisher) && year_in(after).is_some())
        .then(|| (place.trim(), publisher.trim(), after))
}

/// An organisation named as the author at the start of an entry, before the title:
/// `Nigerian Meteorological Agency. Annual rainfall report. …` (a Title Case part of at most
/// eight words, followed by more parts).
fn organisation(text: &str) -> Option<(&str, &str)> {
    let (first, rest) = text.split_once(". ")?;
    let words = first.split_whitespace().count();
    let title_case = first.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || ["of", "for", "and", "on", "the", "in"].contains(&w)
    });
    ((2..=8).contains(&words) && title_case && rest.contains(". ")).then_some((first, rest))
}

/// Cuts the DOI and URL out of an entry: (text before them, DOI, URL).
fn identifiers(text: &str) -> (&str, String, String) {
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

/// Trims the punctuation a title is printed with.
fn title_text(title: &str) -> String {
    collapse_whitespace(&strip_emphasis(title))
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
        .to_owned()
}

/// Trims the punctuation a container is printed with (a final full stop may end an
/// abbreviation: `Soc. Incl.`).
fn container_text(container: &str) -> String {
    collapse_whitespace(&strip_emphasis(container))
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'))
        .to_owned()
}

/// The authors' part and the title of an entry (a quoted title, an emphasised one, or the
/// sentence after the authors, an APA year in parentheses read on the way), the text after the
/// title, and whether the title was emphasised (a book's).
fn title_and_authors<'t>(body: &'t str, reference: &mut Reference) -> (&'t str, &'t str, bool) {
    if let Some((before, title, after)) = quoted(body)
        && before.len() < body.len() / 2 + 40
    {
        reference.title = title_text(title);
        (before, after, false)
    } else {
        let (found, after_authors) = split_authors(body);
        let (authors, rest) = if found.is_empty()
            && let Some((organisation, rest)) = organisation(body)
        {
            reference.author.push(CslName {
                literal: organisation.trim().to_owned(),
                ..CslName::default()
            });
            ("", rest)
        } else {
            (found, after_authors)
        };
        let rest = rest.trim_start();
        // APA: `(2019). Title.`
        let rest = match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
            Some((year, after)) if year_in(year).is_some() => {
                reference.issued = year_in(year).map(year_date);
                after.trim_start_matches(['.', ',', ' '])
            }
            _ => rest,
        };
        if let Some((before, title, after)) = emphasised(rest)
            && before.trim().is_empty()
        {
            reference.title = title_text(title);
            (authors, after, true)
        } else {
            let end = rest
                .match_indices(['.', '?', '!'])
                .map(|(at, c)| (at, at + c.len()))
                .find(|&(stop, at)| {
                    rest.get(at..)
                        .is_none_or(|r| r.is_empty() || r.starts_with(' '))
                        && !abbreviates_a_name(rest, stop, at)
                })
                .map_or(rest.len(), |(_, at)| at);
            let title = rest.get(..end).unwrap_or(rest);
            reference.title = title_text(title);
            (authors, rest.get(end..).unwrap_or_default(), false)
        }
    }
}

/// Whether the full stop at byte `stop` of `text` (the title read so far) ends an
/// abbreviation inside it: `St.`, `vs.` and the like, or one letter as `M. tuberculosis` or
/// `E. coli` (a lone capital before it and a lower-case word after, which no container name
/// after a title starts with).
fn abbreviates_a_name(text: &str, stop: usize, after: usize) -> bool {
    let before = text.get(..stop).unwrap_or_default();
    // `St. Gallen`, `vs. letrozole`: words never printed without their stop.
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    if ["St", "Mt", "Ft", "Dr", "Mr", "Mrs", "Ms", "Prof", "vs"].contains(&word) {
        return true;
    }
    let mut letters = before.chars().rev();
    let lone_capital = letters.next().is_some_and(char::is_uppercase)
        && letters.next().is_none_or(|c| c == ' ' || c == '(');
    let next_word = text.get(after..).unwrap_or_default().trim_start();
    lone_capital
        && next_word
            .split(' ')
            .next()
            .is_some_and(|word| word.chars().all(char::is_lowercase) && !word.is_empty())
}

/// One entry read into CSL fields.
pub(super) fn reference(entry: &Entry) -> Reference {
    let raw = collapse_whitespace(&entry.text);
    let (body, doi, url) = identifiers(&raw);
    let mut reference = Reference {
        citation_number: entry.number,
        note: strip_emphasis(&raw),
        doi,
        url,
        ..Reference::default()
    };
    let (authors, after_title, italic_title) = title_and_authors(body, &mut reference);
    if reference.author.is_empty() {
        reference.author = names(&strip_emphasis(authors).replace(['“', '"'], ""));
    }
    let rest =
        after_title.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':'));
    let (chapter, rest) = match field(rest, &["in: ", "in "]) {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let rest = if italic_title && !chapter {
        rest
    } else if let Some((before, container, after)) = emphasised(rest)
        && before.trim().is_empty()
    {
        reference.container_title = container_text(container);
        after
    } else if italic_title {
        rest
    } else if let Some((place, publisher, after)) = place_and_publisher(rest) {
        place.clone_into(&mut reference.publisher_place);
        publisher.clone_into(&mut reference.publisher);
        after
    } else {
        let (container, after) = plain_container(rest);
        let container = container_text(container);
        if year_in(&container).is_none_or(|_| container.split_whitespace().count() > 2) {
            reference.container_title = container;
            after
        } else {
            rest
        }
    };
    let publisher = std::mem::take(&mut reference.publisher);
    read_fields(rest, &mut reference);
    if reference.publisher.is_empty() {
        reference.publisher = publisher;
    }
    if reference.issued.is_none() {
        reference.issued = year_in(rest).or_else(|| year_in(authors)).map(year_date);
    }
    let lower = raw.to_lowercase();
    let item_type = if chapter {
        "chapter"
    } else if lower.contains("thesis") || lower.contains("dissertation") {
        "thesis"
    } else if !reference.container_title.is_empty() {
        "article-journal"
    } else if italic_title || !reference.publisher.is_empty() {
        "book"
    } else if !reference.url.is_empty() && reference.author.is_empty() {
        "webpage"
    } else {
        "article"
    };
    item_type.clone_into(&mut reference.item_type);
    reference.id = id(&reference, entry.number);
    reference
}

/// An id from the first author's family name and the year (`citaristi2022`), or `ref-N`.
fn id(reference: &Reference, number: Option<u32>) -> String {
    let family: String = reference
        .author
        .first()
        .map(|name| {
            let family = if name.family.is_empty() {
                name.literal.split_whitespace().next().unwrap_or_default()
            } else {
                &name.family
            };
            family
                .chars()
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
    if family.is_empty() {
        number.map_or_else(|| "ref".to_owned(), |n| format!("ref-{n}"))
    } else {
        format!("{family}{year}")
    }
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::corpus::cite::year;

    fn read(text: &str) -> Reference {
        reference(&Entry {
            number: Some(1),
            text: text.to_owned(),
        })
    }

    fn families(reference: &Reference) -> Vec<String> {
        reference
            .author
            .iter()
            .map(|a| {
                if a.family.is_empty() {
                    a.literal.clone()
                } else {
                    a.family.clone()
                }
            })
            .collect()
    }

    #[test]
    fn entries_start_with_a_bracketed_or_a_following_number() {
        let groups = vec![
            vec![
                "- [1] A. Smith, \"One,\" 2019.",
                "[2] B. Jones, \"Two",
                "continued,\" 2020.",
            ],
            vec!["2021. Not an entry, a wrapped line."],
        ];
        let found = entries(&groups, &HashSet::new());
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1].text,
            "B. Jones, \"Two continued,\" 2020. 2021. Not an entry, a wrapped line."
        );
        let groups = vec![vec![
            "1. Smith J. One. J A. 2019;1:1-2.",
            "2. Jones B. Two. J B. 2020;2:3-4.",
            "2019. wrapped",
        ]];
        let found = entries(&groups, &HashSet::new());
        assert_eq!(
            found.iter().map(|e| e.number).collect::<Vec<_>>(),
            [Some(1), Some(2)]
        );
        let unnumbered = vec![
            vec!["Smith, J. (2019). One."],
            vec!["Jones, B. (2020). Two."],
        ];
        assert_eq!(entries_len(&unnumbered), 2);
    }

    fn entries_len(groups: &[Vec<&str>]) -> usize {
        entries(groups, &HashSet::new()).len()
    }

    #[test]
    fn an_ieee_article_and_chapter_are_read() {
        let r = read(
            "M. E. Porter and C. van der Linde, \"Toward a new conception,\" *J. Econ. Perspect.*, \
             vol. 9, no. 4, pp. 97–118, 1995.",
        );
        assert_eq!(families(&r), ["Porter", "Linde"]);
        assert_eq!(r.author[1].non_dropping_particle, "van der");
        assert_eq!(r.author[0].given, "M. E.");
        assert_eq!(r.title, "Toward a new conception");
        assert_eq!(r.container_title, "J. Econ. Perspect.");
        assert_eq!(
            (r.volume.as_str(), r.issue.as_str(), r.page.as_str()),
            ("9", "4", "97–118")
        );
        assert_eq!(year(&r), Some(1995));
        assert_eq!(r.item_type, "article-journal");
        assert_eq!(r.id, "porter1995");
        let r = read("A. Brysk, \"Intro,\" in *Contesting Rights*, Edward Elgar, 2019, pp. 1–11.");
        assert_eq!(r.item_type, "chapter");
        assert_eq!(r.container_title, "Contesting Rights");
        assert_eq!(r.publisher, "Edward Elgar");
        assert_eq!(r.page, "1–11");
    }

    #[test]
    fn a_book_with_an_emphasised_title_is_read() {
        let r = read("N. Lombard, *The handbook of violence*, vol. 332. Routledge London, 2018.");
        assert_eq!(families(&r), ["Lombard"]);
        assert_eq!(r.title, "The handbook of violence");
        assert_eq!(r.volume, "332");
        assert_eq!(r.publisher, "Routledge London");
        assert_eq!(r.item_type, "book");
        assert_eq!(year(&r), Some(2018));
    }

    #[test]
    fn vancouver_entries_are_read() {
        let r =
            read("Adeyemi T, van der Berg J, et al. Food on farms. Afr J Agric. 2015;3(2):10-20.");
        assert_eq!(families(&r), ["Adeyemi", "Berg"]);
        assert_eq!(r.author[0].given, "T.");
        assert_eq!(r.title, "Food on farms");
        assert_eq!(r.container_title, "Afr J Agric");
        assert_eq!(
            (r.volume.as_str(), r.issue.as_str(), r.page.as_str()),
            ("3", "2", "10-20")
        );
        assert_eq!(year(&r), Some(2015));
        let r = read("Smith J. Climate and farming. London: Earthscan; 2012.");
        assert_eq!(
            (r.publisher_place.as_str(), r.publisher.as_str()),
            ("London", "Earthscan")
        );
        assert_eq!(r.title, "Climate and farming");
        assert_eq!(r.container_title, "");
        let r = read("World Health Organization. Malaria report. Geneva: WHO; 2020.");
        assert_eq!(families(&r), ["World Health Organization"]);
        assert_eq!(r.title, "Malaria report");
        let r = read(
            "Brandt L, Okafor M. Planting dates. Agric Syst. 2019;171:55-64. doi:10.1016/j.agsy.2019.01.005",
        );
        assert_eq!(r.doi, "10.1016/j.agsy.2019.01.005");
        assert_eq!((r.volume.as_str(), r.page.as_str()), ("171", "55-64"));
        assert!(r.note.contains("doi:10.1016"));
    }

    #[test]
    fn a_title_naming_a_species_and_an_article_number_for_pages_are_read() {
        let r = read(
            "Peyron P, Poquet Y. Foamy macrophages are a reservoir for M. tuberculosis \
             persistence. PLoS Pathog. 2008;4:e1000204.",
        );
        assert_eq!(
            r.title,
            "Foamy macrophages are a reservoir for M. tuberculosis persistence"
        );
        assert_eq!(r.container_title, "PLoS Pathog");
        assert_eq!((r.volume.as_str(), r.page.as_str()), ("4", "e1000204"));
        // A journal named in lower case after a title ending in a word still ends the title.
        let r = read("Lee K. Growth of cells. eLife. 2015;4:e05002.");
        assert_eq!(
            (r.title.as_str(), r.container_title.as_str()),
            ("Growth of cells", "eLife")
        );
    }

    #[test]
    fn group_authors_hyphenated_initials_and_abbreviations_in_titles_are_read() {
        let r = read(
            "Goldhirsch A, Ingle JN, Senn H-J; Panel members. Thresholds for therapies: \
             highlights of the St. Gallen Consensus 2009. Ann Oncol. 2009;20(8):1319-29.",
        );
        assert_eq!(
            families(&r),
            ["Goldhirsch", "Ingle", "Senn", "Panel members"]
        );
        assert_eq!(
            r.title,
            "Thresholds for therapies: highlights of the St. Gallen Consensus 2009"
        );
        assert_eq!(r.container_title, "Ann Oncol");
        let r = read(
            "Breast International Group (BIG) 1-98 Collaborative Group, Thürlimann B, et al. \
             A comparison of letrozole and tamoxifen. N Engl J Med. 2005;353(26):2747-57.",
        );
        assert_eq!(
            families(&r),
            [
                "Breast International Group (BIG) 1-98 Collaborative Group",
                "Thürlimann"
            ]
        );
        assert_eq!(r.title, "A comparison of letrozole and tamoxifen");
    }

    #[test]
    fn apa_entries_are_read() {
        let r = read(
            "Smith, J. A., & Jones, B. (2019). A study of things. Journal of Stuff, 3(2), 10–20. https://example.org/x",
        );
        assert_eq!(families(&r), ["Smith", "Jones"]);
        assert_eq!(r.author[0].given, "J. A.");
        assert_eq!(r.title, "A study of things");
        assert_eq!(r.container_title, "Journal of Stuff");
        assert_eq!(
            (r.volume.as_str(), r.issue.as_str(), r.page.as_str()),
            ("3", "2", "10–20")
        );
        assert_eq!(year(&r), Some(2019));
        assert_eq!(r.url, "https://example.org/x");
    }
}

//! The reference list's entries ([`super::entries`]) each read into CSL fields: authors (`A. B. Surname, C. Name, and D. Name`, `Surname, A., Surname, B.`,
//! `Surname AB, Surname C`), the title (quoted, emphasised, or up to the first full stop), the
//! container, volume, issue, pages, year, publisher, DOI and URL. The entry as printed is kept
//! ([`Reference::set_printed`]).

use crate::corpus::model::{CslDate, CslName, Reference};

use super::super::collapse_whitespace;
use super::entries::Entry;
use super::identifiers::{id, identifiers};
use super::inline::strip_emphasis;
use super::names::{
    given_first_authors, is_author_piece, is_dotted_initials, is_given_first_people, is_name,
    is_organisation_name, is_suffix, is_two_word_family_name, names,
};
use super::{book, chapter, dated, journal};

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
/// the last one possibly ending with `. ` before the title (`Smith AB, Jones C. Title…`), or
/// with `: ` as `BioMed Central` prints it (`Smith AB, Jones C: Title…`; the colon is in
/// neither part).
fn split_authors(text: &str) -> (&str, &str) {
    /// Words saying the names before them are editors, as Vancouver and IEEE print them.
    const EDITOR_WORDS: [&str; 6] = ["editor", "editors", "Ed", "Eds", "ed", "eds"];
    let mut end = 0;
    let mut rest = 0;
    let mut start = 0;
    for piece in text.split_inclusive(',') {
        let piece_end = start + piece.len();
        let bare = piece.trim_end_matches(',').trim();
        // `European Commission, Ethical, legal and social aspects …`, `WHO, Preventive …`: an
        // organisation opening the entry is its author, and the title follows.
        if start == 0 && piece.ends_with(',') && (is_acronym(bare) || is_organisation_name(bare)) {
            end = piece_end;
            // `ATLAS Collaboration, G. Aad et al.,`: a person named for the group after it.
            let next = text.get(piece_end..).unwrap_or_default().trim_start();
            let person = next.split(',').next().is_some_and(|name| {
                let name = name.trim_end_matches('.');
                let name = name.strip_suffix(" et al").unwrap_or(name);
                next.chars().next().is_some_and(char::is_uppercase)
                    && next.chars().nth(1) == Some('.')
                    && is_author_piece(name)
            });
            if person {
                start = piece_end;
                continue;
            }
            break;
        }
        // `X. Chen et al.,`: the names the list shortened are no part of the piece.
        let names = bare.trim_end_matches('.');
        let names = names.strip_suffix(" et al").unwrap_or(names);
        let after_comma = text.get(piece_end..).unwrap_or_default();
        if (is_author_piece(names) || is_two_word_family_name(names, after_comma))
            && !bare.is_empty()
        {
            end = piece_end;
            start = piece_end;
            continue;
        }
        // Copernicus's `Brunke, E. G., and Slemr, F.: Title`: the last name's initials end
        // at the colon (their full stops end nothing).
        if start > 0
            && let Some((initials, _)) = piece.split_once(": ")
            && is_dotted_initials(initials.trim_start_matches(" and").trim())
        {
            end = start + initials.len();
            rest = end + 1;
            break;
        }
        // `Jones C. Title …`: the name ends at a full stop.
        let mut stop_at = None;
        let mut from = 0;
        while let Some(found) = piece.get(from..).and_then(|p| p.find(". ")) {
            let at = from + found;
            let before = piece.get(..at).unwrap_or_default();
            // `Green A, White B, editors. Title`: the role closes the names.
            if is_author_piece(before) || EDITOR_WORDS.contains(&before.trim()) {
                stop_at = Some(at + 1);
                // `Willsky, A. S. Rank-sparsity …`: an initial more before the title.
                let next = piece
                    .get(at + 2..)
                    .and_then(|a| a.split_whitespace().next());
                if !next.is_some_and(is_dotted_initials) {
                    break;
                }
            }
            from = at + 2;
            if from > 80 {
                break;
            }
        }
        if let Some(stop) = stop_at {
            end = start + stop;
        } else if let Some((name, _)) = piece.split_once(": ")
            && (is_initialled_name(name) || (start > 0 && name.trim() == "et al"))
        {
            end = start + name.len();
            rest = end + 1;
        }
        break;
    }
    (
        text.get(..end).unwrap_or_default(),
        text.get(rest.max(end)..).unwrap_or_default(),
    )
}

/// A year from 1500 to 2100 standing alone in `text` (the last one).
pub(in crate::formats::paper) fn year_in(text: &str) -> Option<i32> {
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

/// Reads the fields after the container: volume, issue, pages, year, publisher (not an
/// ISSN, `issn: 1521-3870`, whose number is no year).
fn read_fields(rest: &str, reference: &mut Reference) {
    let mut segments: Vec<String> = rest
        .split([',', ';'])
        .map(|s| s.trim().trim_end_matches('.').trim().to_owned())
        .filter(|s| !s.is_empty() && !s.to_ascii_lowercase().starts_with("issn"))
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

/// Whether `name` is a family name and initials as Vancouver prints them (`Voeller G`,
/// `Anderson FA Jr`, `van der Berg J`), not a word before a title's colon (`AllenNLP`).
fn is_initialled_name(name: &str) -> bool {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.last().is_some_and(|word| is_suffix(word)) {
        words.pop();
    }
    let Some((initials, family)) = words.split_last() else {
        return false;
    };
    let initials_only =
        (1..=3).contains(&initials.chars().count()) && initials.chars().all(char::is_uppercase);
    initials_only && !family.is_empty() && is_author_piece(&words.join(" "))
}

/// A journal's name and the year printed after it, as `BioMed Central` prints them (`N Engl J
/// Med 1994`): a name of words of letters (`Int J Health Care Qual Assur`, `J. Biol.`), then
/// the year alone.
fn journal_and_year(container: &str) -> Option<(&str, i32)> {
    let (journal, year) = container.trim().rsplit_once(' ')?;
    let year: i32 = year.parse().ok().filter(|y| (1500..=2100).contains(y))?;
    let named = journal.split_whitespace().all(|word| {
        word.chars().any(char::is_alphabetic)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '&' | '\'' | '’'))
    });
    (named && !journal.is_empty()).then_some((journal.trim(), year))
}

/// Whether `text` is an organisation's acronym alone (`WHO`, `UNICEF`): two to six capitals.
fn is_acronym(text: &str) -> bool {
    (2..=6).contains(&text.len()) && text.chars().all(|c| c.is_ascii_uppercase())
}

/// An organisation named as the author at the start of an entry, before the title:
/// `Nigerian Meteorological Agency. Annual rainfall report. …` (a Title Case part of at most
/// twelve words, or an acronym alone, `WHO.`, followed by more parts).
fn organisation(text: &str) -> Option<(&str, &str)> {
    let (first, rest) = text.split_once(". ")?;
    let words = first.split_whitespace().count();
    let title_case = first.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || ["of", "for", "and", "on", "the", "in"].contains(&w)
    });
    ((is_acronym(first) || (2..=12).contains(&words)) && title_case && rest.contains(". "))
        .then_some((first, rest))
}

/// Trims the punctuation a title is printed with.
fn title_text(title: &str) -> String {
    collapse_whitespace(&strip_emphasis(title))
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
        .to_owned()
}

/// Trims the punctuation a container is printed with: a final full stop may end an
/// abbreviation (`Soc. Incl.`, `J. Sci.`), and ends the entry after a name written out
/// (`Diabetes.`).
fn container_text(container: &str) -> String {
    let text = collapse_whitespace(&strip_emphasis(container));
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    let mut words = text.split_whitespace().rev();
    let last = words.next().unwrap_or_default();
    let abbreviated =
        words.any(|word| word.ends_with('.')) || last.trim_end_matches('.').chars().count() <= 4;
    if abbreviated {
        text.to_owned()
    } else {
        text.trim_end_matches('.').to_owned()
    }
}

/// The authors' part and the title of an entry (a quoted title, an emphasised one, or the
/// sentence after the authors, an APA year in parentheses read on the way), the text after the
/// title, and whether the title was emphasised (a book's).
///
/// `one_given_first`: the list prints its people given name first, so one name alone with an
/// initial in it is read so (`John W. Backus. Can …`), not cut at the initial's full stop.
fn title_and_authors<'t>(
    body: &'t str,
    reference: &mut Reference,
    one_given_first: bool,
) -> (&'t str, &'t str, bool) {
    if let Some(dated) = dated::dated(body) {
        reference.issued = dated.year.map(year_date);
        if let Some(title) = dated.title_first {
            reference.title = title_text(title);
            return ("", dated.rest, false);
        }
        book::set_creators(reference, dated.authors, dated_authors);
        if let Some((container, volume, page)) = journal::untitled_article(dated.rest) {
            reference.container_title = container_text(container);
            volume.clone_into(&mut reference.volume);
            page.clone_into(&mut reference.page);
            return (dated.authors, "", false);
        }
        let (title, after, italic) = title_after_year(dated.rest);
        reference.title = title_text(title);
        return (dated.authors, after, italic);
    }
    // Physics's `A. Author and B. Other, [Title,] Nucl. Phys. B 574 (2000) 3–22`.
    if let Some(article) = journal::physics_article(body)
        && !body.contains(['“', '"'])
    {
        let (authors, title) = split_authors(body.get(..article.start).unwrap_or_default());
        reference.title = title_text(title);
        reference.container_title = container_text(article.journal);
        article.volume.clone_into(&mut reference.volume);
        article.page.clone_into(&mut reference.page);
        reference.issued = Some(year_date(article.year));
        return (authors, "", false);
    }
    if let Some((before, title, after)) = quoted(body)
        && before.len() < body.len() / 2 + 40
    {
        reference.title = title_text(title);
        (before, after, false)
    } else {
        let (found, after_authors) =
            given_first_authors(body, one_given_first).unwrap_or_else(|| split_authors(body));
        // Copernicus's `Authors: Title, Journal, 28, 1483–1486, DOI, 2001.`
        if !found.is_empty()
            && body
                .get(found.len()..)
                .is_some_and(|after| after.starts_with(':'))
            && let Some(article) = journal::comma_separated_article(after_authors.trim())
        {
            reference.title = title_text(article.title);
            reference.container_title = container_text(article.journal);
            article.volume.clone_into(&mut reference.volume);
            article.page.clone_into(&mut reference.page);
            // The year ends the entry, after the DOI (which the body no longer holds).
            reference.issued = year_in(article.after)
                .or_else(|| reference.printed().and_then(year_in))
                .map(year_date);
            return (found, "", false);
        }
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
            // ACL's `2020. Title.` after names printed given name first.
            _ => match rest.split_once(". ") {
                Some((year, after))
                    if year.len() <= 5
                        && year.get(..4).and_then(year_in).is_some()
                        && year.get(4..).is_none_or(|letter| {
                            letter.chars().all(|c| c.is_ascii_lowercase())
                        }) =>
                {
                    reference.issued = year.get(..4).and_then(year_in).map(year_date);
                    after
                }
                _ => rest,
            },
        };
        if let Some((before, title, after)) = emphasised(rest)
            && before.trim().is_empty()
        {
            reference.title = title_text(title);
            (authors, after, true)
        } else {
            let (title, after) = first_sentence(rest);
            reference.title = title_text(title);
            (authors, after, false)
        }
    }
}

/// The first sentence of `text` (up to a full stop, question or exclamation mark followed by
/// a space, not one ending an abbreviation: `M. tuberculosis`, `gen. nov., sp. nov. co-isolated`)
/// and the text after it.
fn first_sentence(text: &str) -> (&str, &str) {
    let end = text
        .match_indices(['.', '?', '!'])
        .map(|(at, c)| (at, at + c.len()))
        .find(|&(stop, at)| {
            let after = text.get(at..).unwrap_or_default();
            // `gen. nov.`, `sp. nov.`: a short word's stop with a lower-case word after it
            // abbreviates (a journal may start in lower case after a long one: `cells. eLife`).
            let word_before = text
                .get(..stop)
                .unwrap_or_default()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or_default();
            let abbreviation = (word_before.chars().count() <= 4 || word_before == "subsp")
                && after
                    .strip_prefix(' ')
                    .and_then(|next| next.chars().next())
                    .is_some_and(char::is_lowercase);
            (after.is_empty() || after.starts_with(' '))
                && !abbreviation
                && !abbreviates_a_name(text, stop, at)
        })
        .map_or(text.len(), |(_, at)| at);
    (
        text.get(..end).unwrap_or(text),
        text.get(end..).unwrap_or_default(),
    )
}

/// The title starting an author–date entry's text after its year: quoted (`“…”`, `"…"`,
/// `‘…’`), emphasised (a book's: the flag is set), or its first sentence; and the text after it.
fn title_after_year(rest: &str) -> (&str, &str, bool) {
    if let Some((title, after)) = dated::quoted_start(rest) {
        return (title, after, false);
    }
    if let Some((before, title, after)) = emphasised(rest)
        && before.trim().is_empty()
    {
        return (title, after, true);
    }
    let (title, after) = first_sentence(rest);
    match chapter::title_before_in(rest, title.len()) {
        Some((title, after)) => (title, after, false),
        None => (title, after, false),
    }
}

/// The names of an author–date entry's authors; an organisation's name (no comma, not a
/// person's name) is one literal name.
fn dated_authors(authors: &str) -> Vec<CslName> {
    let bare = authors.trim_end_matches('.');
    // `Gaia Collaboration et al. (2023)`: "et al." is no part of the group's name.
    let bare = bare
        .strip_suffix(" et al")
        .unwrap_or(bare)
        .trim_end_matches(',');
    let organisation = !bare.contains([',', '&'])
        && !is_name(bare)
        && !is_given_first_people(bare)
        && (!bare.contains(" and ") || bare.split_whitespace().count() > 3);
    if organisation {
        return vec![CslName {
            literal: bare.to_owned(),
            ..CslName::default()
        }];
    }
    dated::author_names(authors)
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
    // `(p. 2051)`, `(Vol. 2)`, `(No. 4)` in a book's or report's title.
    if [
        "St", "Mt", "Ft", "Dr", "Mr", "Mrs", "Ms", "Prof", "vs", "p", "pp", "Vol", "No",
    ]
    .contains(&word)
    {
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
    reference_reading(entry, false)
}

/// One entry read into CSL fields; `one_given_first` as [`title_and_authors`] takes it.
pub(super) fn reference_reading(entry: &Entry, one_given_first: bool) -> Reference {
    let raw = collapse_whitespace(&entry.text);
    let (body, doi, url) = identifiers(&raw);
    let mut reference = Reference {
        citation_number: entry.number,
        doi,
        url,
        ..Reference::default()
    };
    reference.set_printed(&raw);
    let (authors, after_title, italic_title) =
        title_and_authors(body, &mut reference, one_given_first);
    // `Detectron2, 2019.`: a work with no venue, its year after its title.
    if reference.issued.is_none()
        && after_title.trim().is_empty()
        && let Some((title, year)) = reference.title.rsplit_once(", ")
        && let Some(year) = year_in(year).filter(|_| year.trim_end_matches('.').len() == 4)
    {
        let kept = title.len();
        reference.title.truncate(kept);
        reference.issued = Some(year_date(year));
    }
    if reference.creators().is_empty() {
        // An entry of an unnumbered list with no year after its names (MLA's) may print its
        // first author inverted, given names written out (`Green, Anne, and Ben White.`).
        let unnumbered = entry.number.is_none();
        book::set_creators(&mut reference, authors, |authors| {
            let authors = strip_emphasis(authors).replace(['“', '"'], "");
            if unnumbered {
                dated::author_names(&authors)
            } else {
                names(&authors)
            }
        });
    }
    name_as_title(&mut reference, authors, after_title);
    let rest =
        after_title.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':'));
    let (chapter, rest) = match field(rest, &["in: ", "in "]) {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let rest = if let Some(book) = chapter.then(|| chapter::book_after_in(rest)).flatten() {
        reference.editor = book.editors;
        reference.container_title = container_text(&strip_emphasis(book.title));
        book.pages.clone_into(&mut reference.page);
        match chapter::place_colon_publisher(book.rest) {
            Some((place, publisher, after)) => {
                place.clone_into(&mut reference.publisher_place);
                publisher.clone_into(&mut reference.publisher);
                after
            }
            None => book.rest,
        }
    } else if italic_title && !chapter {
        rest
    } else if let Some((before, container, after)) = emphasised(rest)
        && before.trim().is_empty()
    {
        reference.container_title = container_text(container);
        after
    } else if italic_title || rest.trim().is_empty() {
        rest
    } else if let Some((place, publisher, after)) = book::place_and_publisher(rest) {
        place.clone_into(&mut reference.publisher_place);
        publisher.clone_into(&mut reference.publisher);
        after
    } else {
        read_container(rest, &mut reference)
    };
    let publisher = std::mem::take(&mut reference.publisher);
    // The year printed after the authors is the year; a number after a journal is its volume
    // (`Biochim Biophys Acta, 1777, 684–688`), or its page when the volume is read.
    let dated_year = reference.issued.take();
    read_fields(rest, &mut reference);
    if let Some(year) = dated_year
        && let Some(read) = reference.issued.replace(year.clone())
        && let Some(printed) = read.date_parts.first().and_then(|p| p.first())
        && year.date_parts.first().and_then(|p| p.first()) != Some(printed)
    {
        if reference.volume.is_empty() && !reference.container_title.is_empty() {
            reference.volume = printed.to_string();
        } else if reference.page.is_empty() && !reference.volume.is_empty() {
            reference.page = printed.to_string();
        }
    }
    if reference.publisher.is_empty() {
        reference.publisher = publisher;
    }
    read_year_elsewhere(&mut reference, &raw, rest, authors);
    if !chapter {
        book::read_as_book(&mut reference);
    }
    let chapter = chapter || book::read_book_and_publisher(&mut reference);
    book::split_publisher_and_place(&mut reference);
    book::item_type(&reference, &raw, chapter, italic_title).clone_into(&mut reference.item_type);
    reference.id = id(&reference, entry.number);
    reference
}

/// Reads the year of an entry whose fields gave none: in `rest` (the text after the title),
/// the `authors`, at the end of the entry as printed (`raw`), after the container, or with
/// the venue's name.
fn read_year_elsewhere(reference: &mut Reference, raw: &str, rest: &str, authors: &str) {
    if reference.issued.is_none() {
        // `… https://openai.com/blog/…, 2017.`: the year after a link the body no longer holds.
        let last = raw
            .rsplit(", ")
            .next()
            .filter(|tail| tail.trim_end_matches('.').len() == 4);
        reference.issued = (year_in(rest).or_else(|| year_in(authors)))
            .or_else(|| last.and_then(year_in))
            .map(year_date);
    }
    journal::year_after_container(reference);
    if reference.issued.is_none() {
        // `10th ACM Symposium on Operating Systems Principles, Dec 1985, 79‐86.`: the year
        // printed with the venue's name.
        reference.issued = year_in(&reference.container_title).map(year_date);
    }
    if reference.issued.is_none() {
        read_year_after_title(reference);
    }
}

/// The year a work printed without a venue gives after its title and a comma (`Another module
/// system for Scheme, 1994.`, `… specification, December 1999.`), taken out of the title when
/// it ends it: the words between the comma and the next comma or full stop are a year (four
/// digits), or a word of letters (a month's name, `Springer-Verlag`) and a year; not a
/// standard's number (`ANSI/MIS-STD 1815`).
fn read_year_after_title(reference: &mut Reference) {
    let title = reference.title.as_str();
    let is_year = |word: &str| word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
    let found = title.match_indices(", ").find_map(|(at, _)| {
        let after = title.get(at + 2..)?;
        let part = after.split([',', '.']).next()?;
        let words: Vec<&str> = part.split_whitespace().collect();
        let year = match words.as_slice() {
            [year] if is_year(year) => year_in(year)?,
            [word, year]
                if is_year(year) && word.chars().all(|c| c.is_alphabetic() || c == '-') =>
            {
                year_in(year)?
            }
            _ => return None,
        };
        Some((at, year, part.len() == after.trim_end().len()))
    });
    if let Some((at, year, ends_title)) = found {
        reference.issued = Some(year_date(year));
        if ends_title {
            reference.title.truncate(at);
        }
    }
}

/// Reads the journal (or other container) at the start of `rest`, the text after an entry's
/// title, with the numbers printed after it when they are read with it; returns what is left
/// for the fields.
fn read_container<'r>(rest: &'r str, reference: &mut Reference) -> &'r str {
    if let Some(after) = journal::read_dated_venue(rest, reference) {
        return after;
    }
    let (container, after) = plain_container(rest);
    let container = container_text(container);
    // `Paxos made practical. Jan. 2007.`: a month before the year is no venue.
    if journal::month_number(&container).is_some() && !container.contains(' ') {
        return after;
    }
    // `Int. J. Hum. Rights 28 (10): 1777–807.`: the rest is the container and its numbers.
    if let Some((title, volume, issue, pages)) = journal::volume_after_container(rest.trim()) {
        container_text(title).clone_into(&mut reference.container_title);
        volume.clone_into(&mut reference.volume);
        issue.clone_into(&mut reference.issue);
        pages.clone_into(&mut reference.page);
        ""
    } else if let Some((journal, year)) = journal_and_year(&container)
        && reference.issued.is_none()
    {
        // `BioMed Central`'s `Am J Surg 1989, 158:515-9`.
        journal.clone_into(&mut reference.container_title);
        reference.issued = Some(year_date(year));
        after
    } else if year_in(&container).is_none_or(|_| container.split_whitespace().count() > 2) {
        reference.container_title = container;
        after
    } else {
        rest
    }
}

/// `SourceForge.`: an entry of one name and nothing more (no title, journal or text after
/// them) names a work, not its author: the name becomes its title.
fn name_as_title(reference: &mut Reference, authors: &str, after_title: &str) {
    if reference.title.is_empty()
        && reference.container_title.is_empty()
        && after_title.trim().is_empty()
        && reference.author.len() == 1
    {
        reference.title = title_text(authors.trim().trim_end_matches('.'));
        reference.author.clear();
    }
}

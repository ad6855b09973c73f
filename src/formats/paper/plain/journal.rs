//! A journal's name with its volume and pages printed after it, as author–date lists print
//! them: Chicago's `Nature Protocols 4: 363–71`, Elsevier's `Water Res. 44 (3), 100–110`, and
//! astronomy's `J. Appl. Phys., 96, 6348` with no title before it and no stop after it; and
//! ACM's and USENIX's venue with its volume and issue before a date in parentheses, `CACM 3, 4
//! (Apr. 1960), 184–195`.

use crate::corpus::model::{CslDate, Reference};
use crate::corpus::text::MONTHS;

use super::{book, year_in};

/// The year closing the entry after its container, read with the container, when the entry
/// has none yet: Springer's LNCS's in parentheses (`CoRR abs/2206.00785 (2022)`) or
/// Vancouver's after a full stop (`Nat Clim Change. 2015`), taken out of the container; or a
/// month's and year's (`Technical report, MIT, June 2009`, as ICML's
/// lists print it), left in it.
pub(super) fn year_after_container(reference: &mut Reference) {
    if reference.issued.is_some() {
        return;
    }
    let year_date = |year: i32| CslDate {
        date_parts: vec![vec![year]],
        ..CslDate::default()
    };
    if let Some((container, year)) = reference.container_title.rsplit_once(" (")
        && let Some(year) = year
            .strip_suffix(')')
            .filter(|y| y.len() == 4)
            .and_then(year_in)
    {
        let kept = container.trim_end().len();
        reference.container_title.truncate(kept);
        reference.issued = Some(year_date(year));
    } else if let Some((container, year)) = reference.container_title.rsplit_once(". ")
        && year.len() == 4
        && let Some(year) = year_in(year)
    {
        // Vancouver's `Nat Clim Change. 2015; 5: 143–147.`, spaced as PLOS prints it.
        let kept = container.len();
        reference.container_title.truncate(kept);
        reference.issued = Some(year_date(year));
    } else if let Some((before, year)) = reference.container_title.rsplit_once(' ')
        && before
            .rsplit([' ', ','])
            .next()
            .is_some_and(|month| MONTHS.contains(&month.to_lowercase().as_str()))
        && let Some(year) = year_in(year).filter(|_| year.trim_end_matches('.').len() == 4)
    {
        reference.issued = Some(year_date(year));
    }
}

/// The journal, volume and first page (or article number) of an entry astronomy's journals
/// print without a title after its year (`J. Appl. Phys., 96, 6348`, `ApJ, 507, 281`,
/// `Astron. Astrophys. Suppl. Ser., 569, A119`).
pub(super) fn untitled_article(rest: &str) -> Option<(&str, &str, &str)> {
    let rest = rest.trim().trim_end_matches('.');
    let mut parts = rest.split(", ");
    let (Some(container), Some(volume), Some(page), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    (ends_with_volume_and_page(rest)
        && container.chars().any(char::is_alphabetic)
        && container.split_whitespace().count() <= 8)
        .then_some((container, volume, page))
}

/// Whether `line` ends as astronomy's lists end an entry, with its volume and first page or
/// article number after commas and no stop (`1998, ApJ, 503, L183`, `Phys., 96, 6348`, the
/// two numbers alone on a wrapped line, `290, L25`, or the page alone, `035007`), or the
/// volume alone after the journal (`J. Mass Spectrom., 47`).
pub(super) fn ends_with_volume_and_page(line: &str) -> bool {
    let is_number = |text: &str| {
        text.len() <= 8
            && text.chars().any(|c| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_alphanumeric())
    };
    let mut parts = line.trim().rsplit(", ");
    let (Some(page), Some(before)) = (parts.next(), parts.next()) else {
        // The page alone, wrapped to a line of its own (`035007`, `0E`).
        return is_number(line.trim());
    };
    // A journal's name ends in a word or an abbreviation's stop (`ApJ`, `Phys.`), not a
    // number (`the years 1998, 2004, 2010`).
    let is_journal = |text: &str| text.ends_with(|c: char| c.is_alphabetic() || c == '.');
    let is_volume = !before.is_empty() && before.bytes().all(|b| b.is_ascii_digit());
    is_number(page)
        && if is_volume {
            parts.next().is_none_or(is_journal)
        } else {
            is_journal(before) && page.bytes().all(|b| b.is_ascii_digit())
        }
}

/// An article as physics journals print it after the authors (and the title, when there is
/// one): the journal, volume, year in brackets and first page (`Nucl. Phys. B 574 (2000)
/// 3–22`, `Phys. Rev. D 92 (2015) 055001`, `JHEP 07 (2002) 043`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PhysicsArticle<'t> {
    /// Where the journal's name starts in the text (after the comma before it).
    pub(super) start: usize,
    /// The journal's name.
    pub(super) journal: &'t str,
    /// The volume.
    pub(super) volume: &'t str,
    /// The year.
    pub(super) year: i32,
    /// The first page, page range or article number.
    pub(super) page: &'t str,
    /// Where the text after the page starts.
    pub(super) end: usize,
}

/// The first article of `text` printed as physics journals print one: see
/// [`PhysicsArticle`].
pub(super) fn physics_article(text: &str) -> Option<PhysicsArticle<'_>> {
    text.match_indices(" (").find_map(|(open, _)| {
        let inside = text.get(open + 2..)?;
        let (year, after) = inside.split_at_checked(4)?;
        let after = after.strip_prefix(") ")?;
        let year: i32 = year
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| year.parse().ok())??;
        if !(1500..=2100).contains(&year) {
            return None;
        }
        let page_len = after
            .find(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .unwrap_or(after.len());
        let page = after.get(..page_len)?.trim_end_matches('.');
        let before = text.get(..open)?;
        let (mut journal_and_volume_start, mut journal_and_volume) = match before.rfind(", ") {
            Some(comma) => (comma + 2, before.get(comma + 2..)?),
            None => return None,
        };
        // A title ended by a full stop, not a comma (`A. Author, Sea level records. Journal of
        // Coastal Research 12 (2001) 1–10`): its last word is in lower case, where a journal's
        // abbreviated words are capitalised (`Phys. Rev.`).
        if let Some(stop) = title_stop(journal_and_volume) {
            journal_and_volume_start += stop;
            journal_and_volume = journal_and_volume.get(stop..)?;
        }
        let (journal, volume) = journal_and_volume.rsplit_once(' ')?;
        let is_journal = journal.chars().next().is_some_and(char::is_uppercase)
            && (1..=6).contains(&journal.split_whitespace().count())
            && !journal.contains(['“', '"', '”']);
        (is_journal
            && !volume.is_empty()
            && volume.bytes().all(|b| b.is_ascii_digit())
            && page.chars().any(|c| c.is_ascii_digit()))
        .then_some(PhysicsArticle {
            start: journal_and_volume_start,
            journal,
            volume,
            year,
            page,
            end: open + 2 + 4 + 2 + page_len,
        })
    })
}

/// Where the journal starts in `text`, a title and the journal after it, when a full stop ends
/// the title: the last `. ` after a word of three or more lower-case letters, with a capital
/// after it.
fn title_stop(text: &str) -> Option<usize> {
    text.match_indices(". ")
        .filter(|&(stop, _)| {
            let word = text
                .get(..stop)
                .and_then(|before| before.rsplit(' ').next())
                .unwrap_or_default();
            word.chars().count() >= 3
                && word.chars().all(char::is_lowercase)
                && text
                    .get(stop + 2..)
                    .and_then(|after| after.chars().next())
                    .is_some_and(char::is_uppercase)
        })
        .last()
        .map(|(stop, _)| stop + 2)
}

/// A container printed with its volume, issue and pages after it, as Chicago prints them
/// (`Nature Protocols 4: 363–71`, `Molecular Biology of the Cell 12 (9): 2567–77`) and
/// Elsevier's Harvard style (`Trop. Med. Int. Health 2, 445–460`, `Water Res. 44 (3),
/// 100–110`): the container, volume, issue (empty when not printed) and pages.
pub(super) fn volume_after_container(text: &str) -> Option<(&str, &str, &str, &str)> {
    // After a comma only when the container holds none (not IEEE's `Science, vol. 330, p.
    // 1774, 2010`).
    let (before, pages) = text.rsplit_once(": ").or_else(|| {
        text.rsplit_once(", ")
            .filter(|(before, _)| !before.contains(','))
    })?;
    let pages = pages.trim().trim_end_matches('.');
    let (before, issue) = match before.strip_suffix(')').and_then(|b| b.rsplit_once(" (")) {
        Some((before, issue)) => (before, issue),
        None => (before, ""),
    };
    let (container, volume) = before.rsplit_once(' ')?;
    let numbered = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric());
    let is_pages = pages
        .split(['-', '–'])
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (volume.bytes().all(|b| b.is_ascii_digit())
        && !volume.is_empty()
        && (issue.is_empty() || numbered(issue))
        && is_pages
        && !container.trim().is_empty())
    .then_some((container.trim(), volume, issue, pages))
}

/// The largest issue number a venue's volume is read with when no pages follow its date
/// (weekly journals number up to 52, and fewer print their issue so).
const LAST_ISSUE: u32 = 24;

/// A venue as ACM's and USENIX's styles print it after a title: its name, the volume and
/// issue after it, the date in parentheses (a place before it), then the pages: `CACM 3, 4
/// (Apr. 1960), 184–195`, `IBM Systems Journal 34, 2 (1995), 292–322`, `Proc. of the 14th
/// SOSP (Asheville, NC, Dec. 1993), pp. 29–43`.
pub(super) struct DatedVenue<'t> {
    /// The venue's name (`CACM`, `Proc. of the 14th SOSP`).
    pub(super) name: &'t str,
    /// The volume after the name, empty when none is printed.
    pub(super) volume: &'t str,
    /// The issue after the volume and a comma, empty when none is printed.
    pub(super) issue: &'t str,
    /// The place printed before the date (`Asheville, NC`), empty when none is.
    pub(super) place: &'t str,
    /// The pages printed before the date (`Nature 393, 440-442 (1998)`), empty when none are.
    pub(super) page: &'t str,
    /// The year in the parentheses.
    pub(super) year: i32,
    /// The month before the year (1 to 12), when one is printed.
    pub(super) month: Option<i32>,
    /// The text after the parentheses: the pages, a publisher.
    pub(super) after: &'t str,
}

/// The venue at the start of `rest` (the text after a title) as ACM's and USENIX's styles
/// print it ([`DatedVenue`]): a name, then the first parentheses whose text ends on a year
/// (`(POPL’96)` and `(OSDI 14)` name the venue), then nothing, a full stop, or a comma and
/// the pages; or, as Nature prints it, the volume and pages before the date (`Nature 393,
/// 440-442 (1998)`). A number naming the year after the name is part of it (`Proc. of
/// Middleware 2001 (Nov. 2001)`), not its volume.
pub(super) fn dated_venue(rest: &str) -> Option<DatedVenue<'_>> {
    let rest = rest.trim();
    for (open, _) in rest.match_indices(" (") {
        let inside_from = open + 2;
        let close = inside_from + rest.get(inside_from..)?.find(')')?;
        let inside = rest.get(inside_from..close)?;
        let after = rest.get(close + 1..)?;
        let Some((place, year, month)) = venue_date(inside) else {
            continue;
        };
        let ends = after.trim().is_empty() || after.trim() == ".";
        if !(ends || after.starts_with([',', ':'])) {
            return None;
        }
        let head = rest.get(..open)?.trim_end();
        // `Nature 393, 440-442 (1998)`: the pages before the date, after the volume.
        let (head, page) = match head.rsplit_once(", ") {
            Some((before, page)) if is_pages_not_issue(page) && !before.contains(", ") => {
                (before, page)
            }
            _ => (head, ""),
        };
        if !is_venue_name(head) {
            return None;
        }
        let (name, volume, issue) = volume_and_issue(head, year);
        if !page.is_empty() && volume.is_empty() {
            return None;
        }
        if !name.chars().any(char::is_alphabetic) {
            return None;
        }
        return Some(DatedVenue {
            name,
            volume,
            issue,
            place,
            page,
            year,
            month,
            after: after.trim_start_matches([',', ':']),
        });
    }
    None
}

/// Reads the venue at the start of `rest` when ACM's and USENIX's styles print it so
/// ([`dated_venue`]) into `reference`: the container, volume, issue, the place (as the
/// publisher's place, where a conference stood), and the date when the entry has no year yet
/// or the same year; returns the text after the date for the fields (the pages).
pub(super) fn read_dated_venue<'r>(rest: &'r str, reference: &mut Reference) -> Option<&'r str> {
    let venue = dated_venue(rest)?;
    venue
        .name
        .trim_end_matches(',')
        .clone_into(&mut reference.container_title);
    venue.volume.clone_into(&mut reference.volume);
    if !venue.page.is_empty() {
        venue.page.clone_into(&mut reference.page);
    }
    // `Nature 401, 131 (1999)`: with no pages after the date, a number larger than any
    // issue's after the volume is the first page.
    let after = venue.after.trim().trim_end_matches('.');
    if after.is_empty() && venue.issue.parse::<u32>().is_ok_and(|n| n > LAST_ISSUE) {
        venue.issue.clone_into(&mut reference.page);
    } else {
        venue.issue.clone_into(&mut reference.issue);
    }
    if reference.publisher_place.is_empty() {
        venue.place.clone_into(&mut reference.publisher_place);
    }
    let printed_year = reference
        .issued
        .as_ref()
        .and_then(|date| date.date_parts.first()?.first().copied());
    if printed_year.is_none_or(|year| year == venue.year) {
        reference.issued = Some(CslDate {
            date_parts: vec![
                venue
                    .month
                    .map_or_else(|| vec![venue.year], |month| vec![venue.year, month]),
            ],
            ..CslDate::default()
        });
    }
    // ACM's article numbers for pages: `8:1–8:22`.
    let article_page = |end: &str| {
        end.split_once(':').is_some_and(|(article, page)| {
            [article, page]
                .iter()
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    if let Some((first, last)) = after.split_once(['–', '-'])
        && article_page(first)
        && article_page(last)
    {
        after.clone_into(&mut reference.page);
        return Some("");
    }
    Some(venue.after)
}

/// The place, year and month of a venue's date in parentheses: `1995`, `Apr. 1960`,
/// `Asheville, NC, Dec. 1993`, `June 12-14, 2000`.
fn venue_date(inside: &str) -> Option<(&str, i32, Option<i32>)> {
    let (before, date) = inside.rsplit_once(", ").unwrap_or(("", inside));
    let words: Vec<&str> = date.split_whitespace().collect();
    let (month, year) = match words.as_slice() {
        [year] => (None, *year),
        [month, year] => (Some(month_number(month)?), *year),
        _ => return None,
    };
    let year = year_in(year).filter(|_| year.len() == 4)?;
    // `June 12-14, 2000`: the month and days before the year's comma are no place.
    let (place, days) = before.rsplit_once(", ").unwrap_or(("", before));
    match days.split_whitespace().next().and_then(month_number) {
        Some(month_of_days) if month.is_none() => Some((place, year, Some(month_of_days))),
        _ => Some((before, year, month)),
    }
}

/// The month (1 to 12) a word names, written out or cut short (`Apr.`, `Sept.`, `June`).
pub(super) fn month_number(word: &str) -> Option<i32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    (1..)
        .zip(MONTHS)
        .find(|(_, month)| month.starts_with(&word))
        .map(|(number, _)| number)
}

/// Whether the text before a date's parentheses is a venue's name with its volume and issue,
/// not more fields that other styles print before their year: pages (`Nature 406, 378-382
/// (2000)`, LNCS's `… Conference. pp. 245–252 (2014)`), Vancouver's `24(2)`, a publisher
/// and its place after the venue (`… Berkeley, CA, USA. Springer: New York (2001)`), a
/// thesis's institution.
fn is_venue_name(head: &str) -> bool {
    let pages = head
        .split_whitespace()
        .any(|word| is_pages_not_issue(word.trim_matches([',', '.', ';', ':'])));
    let vancouver_issue = head
        .as_bytes()
        .windows(2)
        .any(|pair| matches!(pair, [digit, b'('] if digit.is_ascii_digit()));
    // `… Berkeley, CA, USA. Springer: New York`, `… Computer Science. Springer`,
    // `Proceedings of the ISWC ’09. Volume 5823 of LNCS., Springer`.
    let publisher_after = head.split_once(". ").is_some_and(|(_, after)| {
        after.contains(": ") || after.split([',', '.']).any(book::is_publisher)
    });
    let thesis = head.to_lowercase().contains("thesis");
    !(pages || vancouver_issue || publisher_after || thesis || head.contains("pp."))
}

/// Whether `word` is a range of pages in numbers (`440-442`, `291‐329`), not a double issue
/// (`1-2`): its first page is past the last issue, or it spans more than two pages.
fn is_pages_not_issue(word: &str) -> bool {
    let number = |end: &str| {
        (!end.is_empty() && end.bytes().all(|b| b.is_ascii_digit()))
            .then(|| end.parse::<u32>().ok())
            .flatten()
    };
    let mut ends = word.split(['-', '–', '‐', '—']);
    match (
        ends.next().and_then(number),
        ends.next().and_then(number),
        ends.next(),
    ) {
        (Some(first), Some(last), None) => first > LAST_ISSUE || last.saturating_sub(first) > 1,
        _ => false,
    }
}

/// A venue's name with the volume and issue printed after it split off: `CACM 3, 4` →
/// (`CACM`, `3`, `4`), `ACM TOCS 26.2`, `ACM TOPLAS 6:2` and `CACM 21,8` likewise,
/// `Commun. ACM 54` → (`Commun. ACM`, `54`, no issue), `ACM SIGOPS Oper. Syst. Rev. 36, SI`,
/// `Comm. of ACM, Volume 31`; a number naming the `year` is part of the name (`Middleware
/// 2001`, `OOPSLA 95`).
fn volume_and_issue(head: &str, year: i32) -> (&str, &str, &str) {
    let is_number = |word: &str| {
        (1..=4).contains(&word.len())
            && word.bytes().all(|b| b.is_ascii_digit())
            && word
                .parse::<i32>()
                .is_ok_and(|n| n != year && n != year % 100)
    };
    // An issue: a number, a range (`1-2`) or a short name in capitals (`SI`, `OOPSLA`).
    let is_issue = |word: &str| {
        is_number(word)
            || (word.split('-').all(is_number) && word.contains('-'))
            || ((2..=6).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase()))
    };
    let (before_issue, issue) = match head.rsplit_once(", ") {
        Some((before, issue)) if is_issue(issue) => (before, issue),
        _ => (head, ""),
    };
    let Some((name, volume)) = before_issue.rsplit_once(' ') else {
        return (head, "", "");
    };
    let (volume, issue) = match volume.split_once(['.', ':', ',']) {
        Some((volume, joined)) if issue.is_empty() && is_issue(joined) => (volume, joined),
        _ => (volume, issue),
    };
    if !is_number(volume) {
        return (head, "", "");
    }
    let name = name.trim_end();
    // `Comm. of ACM (CACM), Volume 31`: the word naming the volume is no part of the name.
    let name = match name.rsplit_once([' ', ',']) {
        Some((before, word))
            if ["volume", "vol.", "vol"].contains(&word.to_lowercase().as_str()) =>
        {
            before
        }
        _ => name,
    };
    (name.trim_end().trim_end_matches(','), volume, issue)
}

/// An article's fields after its authors as Copernicus's journals print them, every field
/// after a comma (`Gaseous mercury emissions from a fire, South Africa, Geophys. Res. Lett., 28,
/// 1483–1486, 10.1029/2000gl012193, 2001.`): the title (commas and all), the journal, the
/// volume, the pages (or article number) and the text after them. The journal is the part
/// before the first volume followed by pages, a name of at most eight words opening with a
/// capital (`Water Air Soil Poll.`, `Nature`).
pub(super) fn comma_separated_article(rest: &str) -> Option<CommaSeparated<'_>> {
    let rest = rest.trim().trim_end_matches([',', '.', ' ']);
    let is_volume =
        |part: &str| (1..=5).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    let is_pages = |part: &str| {
        let mut ends = part.split(['-', '–']);
        let numbered = |end: Option<&str>| {
            end.is_some_and(|end| {
                (1..=10).contains(&end.len())
                    && end.chars().all(|c| c.is_ascii_alphanumeric())
                    && end.chars().any(|c| c.is_ascii_digit())
            })
        };
        numbered(ends.next()) && ends.next().is_none_or(|end| numbered(Some(end)))
    };
    let is_journal = |part: &str| {
        part.chars().next().is_some_and(char::is_uppercase)
            && part.split_whitespace().count() <= 8
            && part
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '&' | '\''))
    };
    // Where each comma-separated part starts.
    let mut starts = vec![0];
    starts.extend(rest.match_indices(", ").map(|(at, _)| at + 2));
    let part = |n: usize| {
        let start = *starts.get(n)?;
        let end = starts.get(n + 1).map_or(rest.len(), |next| next - 2);
        rest.get(start..end).map(str::trim)
    };
    let volume_at = (2..starts.len()).find(|&n| {
        part(n).is_some_and(is_volume)
            && part(n + 1).is_some_and(is_pages)
            && part(n - 1).is_some_and(is_journal)
    })?;
    let journal_start = *starts.get(volume_at - 1)?;
    Some(CommaSeparated {
        title: rest.get(..journal_start.checked_sub(2)?)?.trim(),
        journal: part(volume_at - 1)?,
        volume: part(volume_at)?,
        page: part(volume_at + 1)?,
        after: starts
            .get(volume_at + 2)
            .and_then(|&start| rest.get(start..))
            .unwrap_or_default(),
    })
}

/// An article's fields as [`comma_separated_article`] reads them.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct CommaSeparated<'t> {
    /// The title, as printed.
    pub title: &'t str,
    /// The journal's name, as printed (abbreviated or not).
    pub journal: &'t str,
    /// The volume.
    pub volume: &'t str,
    /// The pages or article number.
    pub page: &'t str,
    /// What the entry prints after them (its DOI, its year).
    pub after: &'t str,
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn copernicus_prints_every_field_after_a_comma() {
        assert_eq!(
            comma_separated_article(
                "Mercury flux over water in Kejimkujik National Park, Nova Scotia, Water Air \
                 Soil Poll., 122, 183–202, 10.1023/A:1005299411107, 2000."
            ),
            Some(CommaSeparated {
                title: "Mercury flux over water in Kejimkujik National Park, Nova Scotia",
                journal: "Water Air Soil Poll.",
                volume: "122",
                page: "183–202",
                after: "10.1023/A:1005299411107, 2000",
            })
        );
        let article_number = comma_separated_article("Emissions, Geophys. Res. Lett., 34, L08813")
            .map(|read| (read.journal, read.page, read.after));
        assert_eq!(article_number, Some(("Geophys. Res. Lett.", "L08813", "")));
        // A book's place and publisher, a title with no journal before the numbers, or a
        // journal that is no name: no article read.
        for other in [
            "Mercury Emissions, Springer, New York, USA, 81–112, 2009.",
            "Rates in 2001, 12, 45–67.",
            "Rates of flow, in: Proc. 3rd Meeting, 12, 45–67.",
        ] {
            assert_eq!(comma_separated_article(other), None, "{other}");
        }
    }

    #[test]
    fn chicago_prints_volume_issue_and_pages_after_the_container() {
        assert_eq!(
            volume_after_container("Nature Protocols 4: 363–71."),
            Some(("Nature Protocols", "4", "", "363–71"))
        );
        assert_eq!(
            volume_after_container("Molecular Biology of the Cell 12 (9): 2567–77"),
            Some(("Molecular Biology of the Cell", "12", "9", "2567–77"))
        );
        assert_eq!(volume_after_container("Studies: A Review"), None);
        assert_eq!(volume_after_container("Journal of Things"), None);
    }

    #[test]
    fn physics_prints_the_journal_volume_year_and_page() {
        let text = "E. Perazzi, G. Ridolfi and F. Zwirner, Nucl. Phys. B 574 (2000) 3–22, \
                    hep-ph/0001025 [Inspire].";
        let article = physics_article(text).unwrap();
        assert_eq!(
            (article.journal, article.volume, article.year, article.page),
            ("Nucl. Phys. B", "574", 2000, "3–22")
        );
        assert_eq!(
            text.get(..article.start),
            Some("E. Perazzi, G. Ridolfi and F. Zwirner, ")
        );
        assert_eq!(text.get(article.end..), Some(", hep-ph/0001025 [Inspire]."));
        let text = "S. D. Drell and T.-M. Yan, Massive Lepton-Pair Production, Phys. Rev. \
                    Lett. 25 (1970) 316.";
        let article = physics_article(text).unwrap();
        assert_eq!((article.journal, article.page), ("Phys. Rev. Lett.", "316"));
        // A title ended by a full stop; a journal of seven words is not one.
        let text = "J. Church, Altimetry and gauges. Geophysical Letters 30 (2003) 44-51.";
        let article = physics_article(text).unwrap();
        assert_eq!(
            (article.journal, article.volume, article.page),
            ("Geophysical Letters", "30", "44-51")
        );
        assert_eq!(
            text.get(..article.start),
            Some("J. Church, Altimetry and gauges. ")
        );
        let text = "P. Woodworth, Sea level records. Journal of Coastal Research 12 (2001) 1-10.";
        assert_eq!(
            physics_article(text).map(|a| a.journal),
            Some("Journal of Coastal Research")
        );
        // A year in brackets that is no article's.
        assert_eq!(
            physics_article("A. Author, The war (1914) and after, 2001."),
            None
        );
        assert_eq!(
            physics_article("A. Author, Title, in press (2020) 12."),
            None
        );
    }

    #[test]
    fn astronomy_prints_a_journal_volume_and_page_without_a_title_or_a_stop() {
        assert_eq!(
            untitled_article("J. Appl. Phys., 96, 6348"),
            Some(("J. Appl. Phys.", "96", "6348"))
        );
        assert_eq!(
            untitled_article("Astron. Astrophys. Suppl. Ser., 569, A119"),
            Some(("Astron. Astrophys. Suppl. Ser.", "569", "A119"))
        );
        assert_eq!(
            untitled_article("ApJ, 503, L183."),
            Some(("ApJ", "503", "L183"))
        );
        // A title, a book, a volume that is no number.
        assert_eq!(untitled_article("A title, with commas, and more"), None);
        assert_eq!(
            untitled_article("in Aerospace Conference, 2015 IEEE, 1-12"),
            None
        );
        assert!(ends_with_volume_and_page(
            "Chiar J. E., 1998, ApJ, 507, 281"
        ));
        assert!(!ends_with_volume_and_page(
            "Allamandola L. J., 1985, Astrophys. J.,"
        ));
        assert!(!ends_with_volume_and_page("the years 1998, 2004, 2010"));
    }
}

//! A journal's name with its volume and pages printed after it, as author–date lists print
//! them: Chicago's `Nature Protocols 4: 363–71`, Elsevier's `Water Res. 44 (3), 100–110`, and
//! astronomy's `J. Appl. Phys., 96, 6348` with no title before it and no stop after it.

use crate::corpus::model::{CslDate, Reference};
use crate::corpus::text::MONTHS;

use super::year_in;

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

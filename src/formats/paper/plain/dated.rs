//! Reference entries of author–date styles (APA, Harvard, Chicago author-date and the like),
//! read at their year: `Surname, A. B., & Other, C. (2019a). Title. …`, `Surname, A. and
//! Other, C. (2019) ‘Title’, …`, `Surname, Given, and Given Other. 2019. “Title.” …`. The
//! year printed right after the authors tells the authors from the title, and is what an
//! in-text citation (`Surname & Other, 2019a`) names. A list printed without blank lines
//! between its entries is cut where a line opens such an entry.

use crate::corpus::cite::initials;
use crate::corpus::model::CslName;

use super::journal;
use super::names::{self, PARTICLES, family_with_particle, is_written_out_name};

/// How far into an entry its year is looked for, in bytes: the authors come before it.
const MAX_AUTHORS: usize = 400;

/// The most words an author list before the year may have.
const MAX_AUTHOR_WORDS: usize = 60;

/// Lower-case words an author list may hold: joining words, "et al.", editors, the small
/// words of an organisation's name (`Office on Drugs and Crime`), and the ellipsis APA prints
/// for the authors between the nineteenth and the last (`Marshall, D. J., … Cropper, M.`).
const SMALL_WORDS: [&str; 20] = [
    "and", "&", "et", "al", "others", "eds", "ed", "trans", "comp", "with", "of", "for", "the",
    "on", "in", "to", "des", "y", "e", "…",
];

/// An entry read at its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Dated<'t> {
    /// The authors as printed, without the punctuation before the year.
    pub(super) authors: &'t str,
    /// The year; `None` for a work printed without one (`n.d.`).
    pub(super) year: Option<i32>,
    /// The letter telling apart works of the same authors and year (`2019a`).
    pub(super) suffix: Option<char>,
    /// The text after the year and its punctuation.
    pub(super) rest: &'t str,
    /// The title of a work without authors, printed where they would be (`“Apache Ant.” n.d.`,
    /// `GNU make. (n.d.).`).
    pub(super) title_first: Option<&'t str>,
}

/// A printed year: `2019`, `2019a`, `n.d.`, `in press`; (year, suffix) and the bytes it takes.
/// A year is from 1500 to 2100; `n.d.` and a work not yet published have none.
pub(super) fn year_token(text: &str) -> Option<(Option<i32>, Option<char>, usize)> {
    for no_date in [
        "n.d.",
        "n. d.",
        "n.d",
        "no date",
        "in press",
        "In press",
        "forthcoming",
        "Forthcoming",
    ] {
        let ends_word = || {
            text.get(no_date.len()..)
                .and_then(|after| after.chars().next())
                .is_none_or(|c| !c.is_alphanumeric())
        };
        if text.starts_with(no_date) && ends_word() {
            return Some((None, None, no_date.len()));
        }
    }
    let digits = text.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    if !(1500..=2100).contains(&year) {
        return None;
    }
    let mut after = text.get(4..)?.chars();
    let suffix = after.next().filter(char::is_ascii_lowercase);
    let len = 4 + usize::from(suffix.is_some());
    // `2019ab` or `20191` is not a year.
    let next = text.get(len..)?.chars().next();
    if next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some((Some(year), suffix, len))
}

/// A printed year or range of years (`1885–1888`, `1984–1986a`): the first year, the letter
/// of the last, and the bytes taken.
pub(super) fn year_range(text: &str) -> Option<(Option<i32>, Option<char>, usize)> {
    let (year, suffix, len) = year_token(text)?;
    let after = text.get(len..)?;
    let dash = after
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '–' | '—'))
        .map_or(0, char::len_utf8);
    match after.get(dash..).filter(|_| dash > 0).and_then(year_token) {
        Some((_, last_suffix, last_len)) => Some((year, last_suffix, len + dash + last_len)),
        None => Some((year, suffix, len)),
    }
}

/// Whether `word` (its punctuation trimmed) may stand in an author list.
fn author_word(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '.' | ':'));
    if bare.is_empty() || SMALL_WORDS.contains(&bare) || PARTICLES.contains(&bare) {
        return true;
    }
    // `d’Hendecourt`, `l'Estrange`: a particle joined by an apostrophe before the capital.
    let after_particle = ["d’", "d'", "l’", "l'"]
        .iter()
        .find_map(|particle| bare.strip_prefix(particle))
        .unwrap_or(bare);
    let starts_upper = after_particle
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    // A word ending a sentence inside the list (`Book. London`) is a title's, unless it is an
    // initial or an abbreviation names are printed with.
    let stops = word.trim_end_matches([',', ';', ')']).ends_with('.');
    let abbreviation = bare.chars().filter(|c| c.is_alphabetic()).count() <= 3
        || ["Jr", "Sr", "Eds", "Ed", "Hrsg"].contains(&bare);
    // `Ruffin, M. T., 4th`.
    let ordinal = bare.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|end| {
            bare.strip_suffix(end)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        });
    (starts_upper && (!stops || abbreviation)) || ordinal
}

/// Whether `c` is one of the dashes (or an underscore) a list prints for the authors of the
/// entry before.
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '_')
}

/// Whether `text` is the dashes Chicago and MLA print for the authors of the entry before
/// (`———. 2017.`).
pub(super) fn is_same_authors(text: &str) -> bool {
    text.chars().count() >= 2 && text.chars().all(is_dash)
}

/// Whether `text` reads as the authors of an entry: names, initials, joining words and
/// organisations' names, no quotation marks and no sentence; or the dashes that repeat the
/// entry before's.
fn is_author_list(text: &str) -> bool {
    if is_same_authors(text) {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_lowercase() && text.contains(' '));
    starts_well
        && (1..=MAX_AUTHOR_WORDS).contains(&words.len())
        && !text.contains(['“', '”', '"', '‘', ':', '?', '!', '[', '*'])
        && {
            // Every word may stand in an author list, but for one given name in lower case.
            let odd: Vec<usize> = (0..words.len())
                .filter(|&at| words.get(at).is_some_and(|w| !author_word(w)))
                .collect();
            odd.len() <= 1 && odd.iter().all(|&at| is_lower_case_given_name(&words, at))
        }
        && !has_title_after_inverted_names(&words)
        && words.first().is_some_and(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            !SMALL_WORDS.contains(&bare)
        })
}

/// Whether `words` open on a name inverted before its initials (`Hsu, D., Kakade, S. M.,`) and
/// go on after an initial ending no name (`T.`, no comma after it) with a word written out
/// that is no family name, neither it nor the word after it followed by a comma, before the
/// list's last word (`… and Zhang, T. Robust Matrix Decomposition`: a title, as ICML prints
/// one before the year; not `…, and F. de Wolf` or `Garcia Lopez, J.`).
fn has_title_after_inverted_names(words: &[&str]) -> bool {
    let inverted = matches!(words, [family, initial, ..]
        if family.ends_with(',') && names::is_dotted_initial(initial.trim_end_matches(',')));
    let family_word = |w: &&str| w.ends_with(',');
    inverted
        && (1..words.len().saturating_sub(1)).any(|at| {
            let (Some(before), Some(word)) = (words.get(at - 1), words.get(at)) else {
                return false;
            };
            names::is_dotted_initial(before)
                && is_written_out_name(word)
                && !SMALL_WORDS.contains(word)
                && !PARTICLES.contains(word)
                && !family_word(word)
                && !words.get(at + 1).is_some_and(family_word)
        })
}

/// Whether `words[at]` is a given name's second word printed in lower case between the first
/// and the family name (`Xiang qian Qi`): a short lower-case word between two capitalised
/// words that end no sentence. An author list may hold one.
fn is_lower_case_given_name(words: &[&str], at: usize) -> bool {
    let name_word = |w: Option<&&str>| {
        w.is_some_and(|w| {
            let bare = w.trim_end_matches(',');
            is_written_out_name(bare)
        })
    };
    let word = words.get(at).copied().unwrap_or_default();
    (2..=6).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_lowercase())
        && at > 0
        && name_word(words.get(at - 1))
        && name_word(words.get(at + 1))
}

/// The authors before byte `at` of `text`, without the punctuation that ends them (a final
/// full stop kept when it ends an initial, `King, N.`).
fn authors_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or_default().trim_end();
    let before = before.trim_end_matches(',').trim_end();
    match before.strip_suffix('.') {
        Some(stripped) => {
            let last = stripped
                .rsplit(|c: char| c.is_whitespace() || c == ',')
                .next()
                .unwrap_or_default();
            let is_initial = last.chars().filter(|c| c.is_alphabetic()).count() == 1
                || ["al", "Jr", "Sr", "eds", "Eds", "ed", "Ed"].contains(&last);
            if is_initial { before } else { stripped }
        }
        None => before,
    }
}

/// The entry read at its year: the first `(2019)`, `(2019a)`, `(2019, May 3)`, `(n.d.)`,
/// `. 2019.`, `, 2019.` or `, 2019,` within its first bytes that follows an author list.
pub(super) fn dated(text: &str) -> Option<Dated<'_>> {
    let window = text.len().min(MAX_AUTHORS);
    for (at, c) in text.char_indices().take_while(|&(at, _)| at < window) {
        let found = match c {
            '(' => parenthesised_year(text, at),
            // `. 2019.` (Chicago), and `, 2019.` (Elsevier's Harvard: `Peden, M., Sleet, D.,
            // 2004. World Report …`).
            ' ' if text.get(..at).is_some_and(|b| b.ends_with(['.', ','])) => bare_year(text, at),
            _ => None,
        };
        let Some((year, suffix, rest_at)) = found else {
            continue;
        };
        let authors = authors_before(text, at);
        if is_author_list(authors) {
            let rest = text
                .get(rest_at..)
                .unwrap_or_default()
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','));
            return Some(Dated {
                authors,
                year,
                suffix,
                rest,
                title_first: None,
            });
        }
    }
    title_first(text)
}

/// The quotation starting `text` (`“…”`, `"…"`, `‘…’`) and the text after its closing mark; a
/// closing mark followed by a letter is an apostrophe (`children’s`).
pub(super) fn quoted_start(text: &str) -> Option<(&str, &str)> {
    let close = match text.chars().next()? {
        '“' => '”',
        '‘' => '’',
        '"' => '"',
        _ => return None,
    };
    let open_len = text.chars().next()?.len_utf8();
    let inside = text.get(open_len..)?;
    let end = inside.match_indices(close).map(|(at, _)| at).find(|&at| {
        inside
            .get(at + close.len_utf8()..)
            .and_then(|after| after.chars().next())
            .is_none_or(|c| !c.is_alphanumeric())
    })?;
    Some((inside.get(..end)?, inside.get(end + close.len_utf8()..)?))
}

/// A work without authors, its title first: quoted (`“Apache Ant.” n.d.`, `‘Computers and
/// Graphics’ (2011)`) or a short sentence (`GNU make. (n.d.). Retrieved …`), then its year.
fn title_first(text: &str) -> Option<Dated<'_>> {
    let (title, after) = if let Some(quoted) = quoted_start(text) {
        quoted
    } else {
        // A year in parentheses after a full stop (`Title (No. 4). (2011).`), or a bare year
        // after the first sentence (`Title. 2003.`).
        let parenthesised = text
            .match_indices(". (")
            .map(|(at, _)| at)
            .take_while(|&at| at <= 250)
            .find(|&at| text.get(at + 3..).is_some_and(|y| year_range(y).is_some()));
        let bare = || {
            text.find(". ")
                .filter(|&at| text.get(at + 2..).is_some_and(|y| year_range(y).is_some()))
        };
        let end = parenthesised.or_else(bare)?;
        (text.get(..=end)?, text.get(end + 1..)?)
    };
    let title = title.trim().trim_end_matches(['.', ',']);
    if title.is_empty() || title.len() > 250 {
        return None;
    }
    let after = after.trim_start_matches(['.', ',']);
    let trimmed = after.trim_start();
    let space = after.len() - trimmed.len();
    let at = text.len() - after.len();
    let (year, suffix, rest_at) = if trimmed.starts_with('(') {
        parenthesised_year(text, at + space)?
    } else {
        let (year, suffix, len) = year_range(trimmed)?;
        let next = trimmed.get(len..)?;
        (next.is_empty() || next.starts_with(['.', ',', ' '])).then_some(())?;
        (year, suffix, at + space + len)
    };
    let rest = text
        .get(rest_at..)?
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','));
    Some(Dated {
        authors: "",
        year,
        suffix,
        rest,
        title_first: Some(title),
    })
}

/// `(2019)`, `(2019a)`, `(2019, May 3)`, `(n.d.)` at the `(` at byte `open`: the year, its
/// letter and the offset after the `)`.
fn parenthesised_year(text: &str, open: usize) -> Option<(Option<i32>, Option<char>, usize)> {
    let inside = text.get(open + 1..)?;
    let (year, suffix, len) = year_range(inside)?;
    let after = inside.get(len..)?;
    let close = after.find(')')?;
    let between = after.get(..close)?;
    (between.is_empty() || (between.starts_with(',') && between.len() <= 30)).then_some((
        year,
        suffix,
        open + 1 + len + close + 1,
    ))
}

/// ` 2019.` at the space at byte `space` (after a full stop or a comma), or ` 2019,` as
/// astronomy's journals print it (`Valdes, F. 2015, ASPC`, `Chiar J. E., 1998, ApJ`): the
/// year, its letter and the offset after it.
fn bare_year(text: &str, space: usize) -> Option<(Option<i32>, Option<char>, usize)> {
    let after = text.get(space + 1..)?;
    let (year, suffix, len) = year_range(after)?;
    let next = after.get(len..)?;
    let ends = next.is_empty()
        || next.starts_with(". ")
        || next.starts_with(", ")
        || next == "."
        || next == ","
        || year.is_none();
    ends.then_some((year, suffix, space + 1 + len))
}

/// Whether `line` opens an author–date entry: authors and a year (within the line and the
/// next, an entry's year may wrap to it), or a work's title and its year.
pub(super) fn opens_entry(line: &str, next: Option<&str>) -> bool {
    let first = line
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(',');
    let capitalised = first.chars().next().is_some_and(char::is_uppercase)
        || PARTICLES.contains(&first)
        || first.chars().all(is_dash);
    let opens = |entry: Option<Dated<'_>>| {
        entry.is_some_and(|entry| capitalised || entry.title_first.is_some())
    };
    opens(dated(line)) || next.is_some_and(|next| opens(dated(&format!("{line} {next}"))))
}

/// Whether `line` ends an entry: a full stop (a quotation mark may close after it), or a link
/// or DOI running to its end; not an initial, whose family name is on the next line
/// (`B. Thirion, O.` / `Grisel, M. Blondel, et al. 2011.`).
pub(super) fn ends_entry(line: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or_default();
    if names::is_dotted_initial(last) {
        return false;
    }
    // `… Biostatistics.”`: a title closing the entry.
    line.trim_end_matches(['”', '"', '’'])
        .ends_with(['.', '?', '!'])
        || line.ends_with(')')
        || last.contains("doi.org/")
        || last.starts_with("http")
        || last.starts_with("doi:")
        || (last.starts_with("10.") && last.contains('/'))
        || journal::ends_with_volume_and_page(line)
}

/// Whether a piece of an author list is given names written out (`Dawn L.`, `John`, `José R.
/// de la`): a word of two or more letters with lower-case ones, and no more than three words
/// before the particles after them.
pub(super) fn is_given_names(piece: &str) -> bool {
    let all_words: Vec<&str> = piece.split_whitespace().collect();
    // `José R. de la`: Chicago prints the particle after the given names.
    let (words, _) = names::given_with_particle(&all_words);
    (1..=3).contains(&words.len())
        && words.iter().any(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
        })
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !PARTICLES.contains(&w.to_lowercase().as_str())
        })
}

/// The names of an author–date entry's authors. The first author of Chicago and MLA is
/// printed inverted with given names written out (`Beach, Dawn L., and Kerry Bloom`), the rest
/// in reading order; every other form is read as [`names::names`] reads it. "et al." is left
/// out (an entry's reader closes the list with it, `book::set_creators`).
pub(super) fn author_names(authors: &str) -> Vec<CslName> {
    // Editors and translators are named as authors are: `Gaonkar, D. P. (Ed.)`.
    let mut authors = authors.to_owned();
    for role in [
        " (Eds.)",
        " (Ed.)",
        " (eds)",
        " (ed.)",
        " (eds.)",
        ", eds.",
        ", ed.",
        ", trans.",
        " (trans.)",
        " (Trans.)",
    ] {
        authors = authors.replace(role, "");
    }
    let authors = authors
        .replace('…', "")
        .replace(", et al.", "")
        .replace(" et al.", "")
        .replace(", et al", "")
        .replace(" et al", "");
    let pieces: Vec<&str> = authors
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let inverted_first = match pieces.as_slice() {
        [family, given, ..] => {
            let family_words: Vec<&str> = family.split_whitespace().collect();
            (1..=3).contains(&family_words.len())
                && names::is_name(family)
                && family_words
                    .iter()
                    .all(|w| w.chars().any(char::is_lowercase))
                && is_given_names(given.trim_end_matches('.'))
        }
        _ => false,
    };
    if !inverted_first {
        return names::names(&authors);
    }
    let mut pieces = pieces.into_iter();
    let (Some(family), Some(given)) = (pieces.next(), pieces.next()) else {
        return names::names(&authors);
    };
    let words: Vec<&str> = family.split_whitespace().collect();
    let (mut particle, family) = family_with_particle(&words);
    let given = given.trim_end_matches('.');
    // Chicago's `Sighem, Ard van`, `Torre, José R. de la`: the particle after the given names.
    let all_given: Vec<&str> = given.split_whitespace().collect();
    let (given_words, particle_words) = names::given_with_particle(&all_given);
    if particle.is_empty() {
        particle = particle_words.join(" ");
    }
    let given = given_words
        .iter()
        .map(|&w| {
            if w.chars().filter(|c| c.is_alphabetic()).count() == 1 {
                initials(w).unwrap_or_else(|| w.to_owned())
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut pieces = pieces.peekable();
    // `Smith, J., Jr., & Lee, K.`: the first author's suffix.
    let suffix = pieces
        .next_if(|piece| names::is_suffix(piece))
        .map(|suffix| suffix.trim_end_matches('.').to_owned())
        .unwrap_or_default();
    let mut out = vec![CslName {
        family,
        given,
        non_dropping_particle: particle,
        suffix,
        ..CslName::default()
    }];
    let rest: Vec<&str> = pieces
        .map(|p| p.trim_start_matches("and ").trim_start_matches("& "))
        .collect();
    if !rest.is_empty() {
        out.extend(names::names(&rest.join(", ")));
    }
    out
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn read(text: &str) -> (String, Option<i32>, Option<char>, String) {
        let d = dated(text).expect(text);
        (d.authors.into(), d.year, d.suffix, d.rest.into())
    }

    fn families(authors: &str) -> Vec<(String, String)> {
        author_names(authors)
            .into_iter()
            .map(|n| {
                let family = if n.family.is_empty() {
                    n.literal
                } else if n.non_dropping_particle.is_empty() {
                    n.family
                } else {
                    format!("{} {}", n.non_dropping_particle, n.family)
                };
                (family, n.given)
            })
            .collect()
    }

    #[test]
    fn every_author_date_style_is_read_at_its_year() {
        assert_eq!(
            read("Agosta, W. C. (1992). Chemical communication. Scientific American Press."),
            (
                "Agosta, W. C.".into(),
                Some(1992),
                None,
                "Chemical communication. Scientific American Press.".into()
            )
        );
        assert_eq!(
            read(
                "Alegado, R. A., Grabenstatter, J. D., & King, N. (2012b). Algoriphagus sp. \
                 nov. Int J Syst Evol Microbiol."
            )
            .1,
            Some(2012)
        );
        let (authors, year, suffix, rest) = read(
            "van Anken, E. and Braakman, I. (2005) ‘Versatility of the factory’, Critical \
             Reviews, 40, pp. 191–228.",
        );
        assert_eq!(
            (authors.as_str(), year, suffix),
            ("van Anken, E. and Braakman, I.", Some(2005), None)
        );
        assert!(rest.starts_with("‘Versatility"));
        let (authors, year, _, rest) =
            read("Beach, Dawn L., and Kerry Bloom. 2001. “ASH1 mRNA Localization.” Cell 12.");
        assert_eq!(
            (authors.as_str(), year),
            ("Beach, Dawn L., and Kerry Bloom", Some(2001))
        );
        assert!(rest.starts_with("“ASH1"));
        assert_eq!(
            read("World Health Organization. (n.d.). Trafficking in persons.").1,
            None
        );
        assert_eq!(
            read("United Nations Office on Drugs and Crime (2020a) Global report.").2,
            Some('a')
        );
        assert_eq!(
            read("Smith, J. (2019, March 3). A post. Blog.").3,
            "A post. Blog."
        );
    }

    #[test]
    fn ranges_ordinals_and_works_without_authors_are_dated() {
        let d = dated("Knuth, D. E. (1984–1986b). Computers & Typesetting. Addison-Wesley.")
            .expect("a range");
        assert_eq!((d.year, d.suffix), (Some(1984), Some('b')));
        assert!(dated("Lao, C. D., Ruffin, M. T., 4th, & Heath, D. D. (2006). Dose.").is_some());
        let d = dated("“Apache Ant.” n.d. http://ant.apache.org/.").expect("quoted title");
        assert_eq!((d.title_first, d.year), (Some("Apache Ant"), None));
        assert_eq!(d.rest, "http://ant.apache.org/.");
        let d = dated("GNU make. (n.d.). Retrieved http://www.gnu.org/").expect("APA title");
        assert_eq!(
            (d.title_first, d.rest),
            (Some("GNU make"), "Retrieved http://www.gnu.org/")
        );
        let d = dated("‘Computers and Graphics’ (2011).").expect("Harvard title");
        assert_eq!(
            (d.title_first, d.year),
            (Some("Computers and Graphics"), Some(2011))
        );
        assert!(opens_entry(
            "“Apache Hadoop.” n.d. http://hadoop.apache.org/.",
            None
        ));
    }

    #[test]
    fn astronomy_s_entries_are_read_at_a_year_between_commas() {
        let entry = dated("Chiar J. E., Tielens A. G., 1998, ApJ, 507, 281").unwrap();
        assert_eq!(
            (entry.authors, entry.year, entry.rest),
            ("Chiar J. E., Tielens A. G.", Some(1998), "ApJ, 507, 281")
        );
        let entry = dated("Valdes, F. 2015, ASPC 495, Astronomical Data Analysis").unwrap();
        assert_eq!((entry.authors, entry.year), ("Valdes, F.", Some(2015)));
        // A line ending with the volume and page ends an entry; one opening on a name and a
        // year opens the next.
        assert!(ends_entry("Phys., 96, 6348"));
        assert!(opens_entry(
            "Alata I., Cruz-Diaz G. A., Muñoz Caro G. M., Dartois E., 2014, Astron.",
            None
        ));
        assert!(opens_entry(
            "Ehrenfreund P., Robert F., d’Hendecourt L., Behar F., 1991, Astron. Astrophys.",
            None
        ));
    }

    #[test]
    fn entries_of_other_styles_are_not_dated() {
        for text in [
            "A. Smith, “A title,” J. Stud., vol. 2, 2019.",
            "Smith AB, Jones C. Title of the paper. J Name. 2019;3(2):10-20.",
            "Smith AB. The Great Book. London. 2019.",
            "The study of things (2019) in review.",
            "Smith J. Results from 2019 (the first year). J Name 2020.",
        ] {
            assert!(dated(text).is_none(), "{text}: {:?}", dated(text));
        }
        // One lower-case word between names may be a given name's; two are a title's.
        let title = dated("Deep learning from Big data at Scale. 2013. In Proceedings.");
        assert_eq!(
            title.map(|t| (t.authors, t.title_first)),
            Some(("", Some("Deep learning from Big data at Scale")))
        );
        // `Xiang qian Qi`: a given name's second word in lower case.
        let entry = "Xiang Wang, Xiang qian Qi, and Lijun Hou. 2013. Clinical review. In Care.";
        let read = dated(entry).expect("dated");
        assert_eq!(read.authors, "Xiang Wang, Xiang qian Qi, and Lijun Hou");
        assert_eq!(read.year, Some(2013));
    }

    #[test]
    fn chicago_and_apa_author_lists_are_named() {
        assert_eq!(
            families("Beach, Dawn L., and Kerry Bloom"),
            [
                ("Beach".into(), "Dawn L.".into()),
                ("Bloom".into(), "Kerry".into())
            ]
        );
        assert_eq!(
            families("Falkow, Stanley"),
            [("Falkow".into(), "Stanley".into())]
        );
        assert_eq!(
            families("Aragón, T. et al."),
            [("Aragón".into(), "T.".into())]
        );
        assert_eq!(
            families("Agosta, W. C."),
            [("Agosta".into(), "W. C.".into())]
        );
        assert_eq!(
            families("van Anken, E. and Braakman, I."),
            [
                ("van Anken".into(), "E.".into()),
                ("Braakman".into(), "I.".into())
            ]
        );
        // APA 7's ellipsis for the authors between the nineteenth and the last, after a group.
        let gaia = "Gaia Collaboration, Drimmel, R., Marshall, D. J., … Cropper, M. (2023). \
                    Gaia Focused Product Release. Astronomy & Astrophysics.";
        let (authors, year, _, _) = read(gaia);
        assert_eq!(year, Some(2023));
        assert_eq!(
            families(&authors),
            [
                ("Gaia Collaboration".into(), String::new()),
                ("Drimmel".into(), "R.".into()),
                ("Marshall".into(), "D. J.".into()),
                ("Cropper".into(), "M.".into())
            ]
        );
        // Chicago's and MLA's dashes for the authors of the entry before.
        assert_eq!(read("———. 2017. Tidyverse.").1, Some(2017));
        // Suffixes belong to the name before them; they are no authors of their own.
        let suffixes = |authors: &str| -> Vec<(String, String)> {
            author_names(authors)
                .into_iter()
                .map(|n| (n.family, n.suffix))
                .collect()
        };
        assert_eq!(
            suffixes("Blattner, F. R., Plankett, G., III, Bloch, C. A., & Perna, N. T."),
            [
                ("Blattner".into(), String::new()),
                ("Plankett".into(), "III".into()),
                ("Bloch".into(), String::new()),
                ("Perna".into(), String::new())
            ]
        );
        assert_eq!(
            suffixes("Smith, J., Jr., & Lee, K."),
            [("Smith".into(), "Jr".into()), ("Lee".into(), String::new())]
        );
        assert_eq!(
            suffixes("Lao, C. D., Ruffin, M. T., 4th, & Heath, D. D."),
            [
                ("Lao".into(), String::new()),
                ("Ruffin".into(), "4th".into()),
                ("Heath".into(), String::new())
            ]
        );
    }

    #[test]
    fn a_line_opens_an_entry_when_authors_and_a_year_start_it() {
        assert!(opens_entry(
            "Agosta, W. C. (1992). Chemical communication.",
            None
        ));
        assert!(opens_entry(
            "Alegado, R. A., Grabenstatter, J. D., Zuzow, R., Morris, A.,",
            Some("& King, N. (2012). Algoriphagus.")
        ));
        assert!(!opens_entry("Press. Chemical communication (1992).", None));
        assert!(!opens_entry("tolerant bacteria (2007).", None));
        assert!(ends_entry("Int J Syst Evol Microbiol, 57, 986–992."));
        assert!(ends_entry("https://doi.org/10.1080/10409230591008161"));
        assert!(!ends_entry("A study of the"));
        // An initial at a line's end: the family name follows on the next line.
        assert!(!ends_entry("Pedregosa, F., G. Varoquaux, B. Thirion, O."));
    }
}

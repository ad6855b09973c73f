//! What a PDF's title page prints around the title, as its text gives it: the stamps above it
//! (arXiv's, a preprint's or draft's date, a report number, a journal's running line, the
//! template it was typeset with), and the author lines printed directly under the title, in
//! the same block (`Ioana Cristina Gerber,1 Ilarion Mihaila,1`, `D. H. Jakubassa-Amundsen`,
//! `Arman Cohan†∗ Sergey Feldman†∗`).

use crate::corpus::text::MONTHS;

use super::body_start::MAX_TITLE_WORDS;
use super::names::{PARTICLES, is_written_out_name};
use super::title_names::{
    has_ieee_grade, is_initial, is_institution_word, is_marked_name_in_capitals,
    is_name_with_family_in_capitals, is_one_name_in_capitals, run_together_names,
};
use crate::formats::paper::name_case::capitalise_parts;

/// The marks printed after an author's name to point at an affiliation or a note.
pub(super) const NAME_MARKS: [char; 17] = [
    '*', '∗', '†', '‡', '§', '¶', '★', '⋆', '♯', '♠', '♣', '♥', '♦', '♤', '♧', '♡', '♢',
];

/// The fewest names, parted by commas, that make a line of names without marks an author line.
const MIN_UNMARKED_NAMES: usize = 3;

/// The longest stamp line, in bytes.
const MAX_STAMP_LEN: usize = 100;

/// Whether `line` is a stamp printed above a paper's title rather than the title: arXiv's
/// (`arXiv:1707.04066v1 [astro-ph.EP] 13 Jul 2017`), a preprint's, draft's or submission's
/// note (`Preprint 27 February 2025`, `Draft version July 14, 2017`, `Submitted to: JHEP`,
/// `Typeset using LATEX default style in AASTeX61`), a report number (`CERN-EP-2025-032`,
/// `DFPD-2015/TH/20`), a date (`2015/03/27`, `(Dated: October 7, 2021)`), or a journal's
/// running line (`MNRAS 000, 1–14 (2025)`).
pub(super) fn is_stamp(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_STAMP_LEN {
        return false;
    }
    let lower = line.to_lowercase();
    // `Preprint 27 February 2025`, `Draft version July 14, 2017`, not a title that opens so
    // (`Preprints in the Time of a Pandemic`).
    let dated_note = ["preprint", "draft"]
        .iter()
        .any(|start| lower.starts_with(start))
        && line.chars().any(|c| c.is_ascii_digit());
    let noted = [
        "arxiv:",
        "typeset using",
        "compiled using",
        "submitted to",
        "prepared for submission",
        "accepted for publication",
        "(dated:",
        "isbn",
        "issn",
        "doi:",
        "doi 10.",
    ]
    .iter()
    .any(|start| lower.starts_with(start));
    // One token of digits and capitals with two dashes or slashes or more: a report number or a
    // date (not `COVID-19`).
    let report_number = !line.contains(char::is_whitespace)
        && line.chars().any(|c| c.is_ascii_digit())
        && line.matches(['-', '/']).count() >= 2
        && !line.chars().any(char::is_lowercase);
    // `MNRAS 000, 1–14 (2025)`: a journal's short name, volume, pages and year.
    let running = line.ends_with(')')
        && line.rsplit_once('(').is_some_and(|(before, year)| {
            year.trim_end_matches(')').len() == 4
                && year
                    .trim_end_matches(')')
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                && before.contains(',')
                && before.chars().any(|c| c.is_ascii_digit())
                && before.split_whitespace().count() <= 4
        });
    noted || dated_note || report_number || running || is_date(&lower)
}

/// Keeps the first line of the text when it is the paper's title that later pages print again
/// as their running header, and `skip` (from [`super::blocks::debris`]) passes it over with
/// them (`Computational Rationalization: The Inverse Equilibrium Problem` above its authors):
/// three words or more, no number, no stamp or masthead (not a journal's running line).
pub(super) fn keep_title_run_as_header(lines: &[super::blocks::Line<'_>], skip: &mut [bool]) {
    let Some(first) = lines.iter().position(|line| !line.text.trim().is_empty()) else {
        return;
    };
    let Some(line) = lines.get(first).map(|line| line.text.trim()) else {
        return;
    };
    let title_like = line.split_whitespace().count() >= 3
        && !line.chars().any(|c| c.is_ascii_digit())
        && !is_stamp(line)
        && !is_masthead_line(line);
    if title_like && let Some(skipped) = skip.get_mut(first) {
        *skipped = false;
    }
}

/// Whether `c` is a mathematical letter (`𝑎`, `𝑏`), as a LaTeX template prints an author's
/// affiliation marks.
fn is_math_letter(c: char) -> bool {
    ('\u{1d400}'..='\u{1d7ff}').contains(&c)
}

/// Whether `c` belongs to the mark that ties an author's name to an affiliation or a note, as
/// the name carries it and the affiliation opens with it: a number, a note's sign
/// ([`NAME_MARKS`]), a mathematical letter (`𝑎`), or a space between them.
pub(super) fn is_name_mark(c: char) -> bool {
    c.is_ascii_digit() || c == ' ' || NAME_MARKS.contains(&c) || is_math_letter(c)
}

/// Whether `lower` (a line in lower case) is a date alone: a month's name and a year, and at
/// most a day (`3rd march 2025`, `july 14, 2017`).
fn is_date(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .collect();
    let year = |word: &&str| word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
    let day = |word: &&str| {
        let digits = word.trim_end_matches(char::is_alphabetic);
        (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    };
    (2..=3).contains(&words.len())
        && words.iter().any(|word| MONTHS.contains(word))
        && words.last().is_some_and(year)
        && words
            .iter()
            .all(|word| MONTHS.contains(word) || year(word) || day(word))
}

/// Whether a block printed above the title is a publication's header rather than the title:
/// every line a stamp, or a short block naming its ISBN or DOI (`9th International Particle
/// Accelerator Conference⏎ISBN: 978-3-95450-184-7`).
pub(super) fn is_header(lines: &[&str]) -> bool {
    lines.iter().all(|line| is_stamp(line))
        || is_publication_note(lines)
        || (lines.len() <= 3
            && lines.iter().any(|line| {
                let lower = line.trim().to_lowercase();
                lower.starts_with("isbn") || lower.starts_with("doi:")
            }))
}

/// Whether a block above the title says where the paper was published or presented, with the
/// year: `In Proceedings of the 45th Annual Meeting of the Association for Computational
/// Linguistics (ACL-2007). pp. 576-583, Prague, Czech Republic, June 2007.`, `To appear in …`.
fn is_publication_note(lines: &[&str]) -> bool {
    const OPENINGS: [&str; 6] = [
        "in proceedings of",
        "proceedings of the",
        "to appear in",
        "appeared in",
        "published in",
        "presented at",
    ];
    let text = lines.join(" ");
    let lower = text.trim().to_lowercase();
    lines.len() <= 3
        && text.len() <= 3 * MAX_STAMP_LEN
        && OPENINGS.iter().any(|opening| lower.starts_with(opening))
        && lower
            .split(|c: char| !c.is_ascii_digit())
            .any(is_recent_year)
}

/// The labels a journal prints above a title for the kind of article or its access
/// (`RESEARCH ARTICLE`, `Open Access`, `EDITORIAL`), in lower case.
const ARTICLE_LABELS: [&str; 49] = [
    "article",
    "article in press",
    "artigo",
    "artigo de revisão",
    "artigo original",
    "artículo",
    "artículo de revisión",
    "artículo original",
    "original",
    "brief communication",
    "brief report",
    "case report",
    "commentary",
    "communication",
    "correspondence",
    "debate",
    "editorial",
    "full paper",
    "invited review",
    "letter",
    "letter to the editor",
    "letters",
    "methodology",
    "methodology article",
    "mini review",
    "note",
    "notes",
    "open access",
    "opinion",
    "original article",
    "original paper",
    "original research",
    "original research article",
    "perspective",
    "protocol",
    "rapid communication",
    "relato de caso",
    "regular article",
    "research",
    "research article",
    "research paper",
    "review",
    "review article",
    "short communication",
    "short note",
    "short report",
    "study protocol",
    "systematic review",
    "technical note",
];

/// The longest masthead line, in words.
const MAX_MASTHEAD_WORDS: usize = 16;

/// Whether `line` is one of a journal's masthead printed above a title, never part of it: the
/// article's kind (`RESEARCH ARTICLE`, `Open Access`), a web address, a DOI (`DOI:
/// 10.1111/imm.13445`, `Clinical Science (2014) 126, 305–313 doi: 10.1042/CS20130403`), the
/// journal's volume, year and pages (`Journal of Hydrology 310 (2005) 253–265`, `Volume 2010,
/// Article ID 157939, 6 pages`), its name (`Journal of Statistical Software`), its publisher
/// (`Hindawi Publishing Corporation`) or a conference's (`2010 International Conference on
/// Data Storage and Data Engineering`, `Journal of Physics: Conference Series`).
pub(super) fn is_masthead_line(line: &str) -> bool {
    let line = line.trim();
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_MASTHEAD_WORDS {
        return false;
    }
    let label = ARTICLE_LABELS.contains(&words.join(" ").as_str());
    let web = ["http://", "https://", "www."]
        .iter()
        .any(|start| lower.starts_with(start));
    let doi = lower.contains("doi:") || lower.contains("doi.org/") || lower.starts_with("doi 10.");
    let numbered = |name: &str| {
        words.windows(2).any(|pair| {
            pair.first()
                .is_some_and(|word| word.trim_end_matches('.') == name)
                && pair
                    .get(1)
                    .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()))
        })
    };
    let volume = numbered("volume") || numbered("vol") || lower.contains("article id");
    // `Journal of Cosmology and Astroparticle Physics`, its drop capital perhaps a block of
    // its own above it (`J`⏎⏎`ournal of …`); `An IOP and SISSA journal`.
    let journal = (lower.starts_with("journal of ")
        || lower.starts_with("ournal of ")
        || ((lower.starts_with("a ") || lower.starts_with("an ")) && line.ends_with(" journal")))
        && !line.contains(':')
        && words.len() <= 6;
    // `Hindawi Publishing Corporation`, `Bentham Science Publishers`, `IOP Publishing` (not
    // `Open Access Publishing`).
    let capitalised = line
        .split_whitespace()
        .all(|word| word.starts_with(|c: char| c.is_uppercase()));
    let acronym_first = line
        .split_whitespace()
        .next()
        .is_some_and(|word| word.len() >= 2 && !word.chars().any(char::is_lowercase));
    let publisher = words.len() <= 4
        && capitalised
        && (lower.ends_with(" publishing corporation")
            || lower.ends_with(" publishers")
            || (words.len() == 2 && acronym_first && lower.ends_with(" publishing")));
    let year_first = words.first().is_some_and(|word| is_recent_year(word));
    let conference = (year_first
        && ["conference", "symposium", "workshop", "congress"]
            .iter()
            .any(|name| words.contains(name)))
        || lower.ends_with("conference series");
    label || web || doi || volume || journal || publisher || conference || is_cited_issue(&lower)
}

/// Whether `word` is a year of the last two centuries, as a masthead prints it: `2005`.
fn is_recent_year(word: &str) -> bool {
    word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `lower` (a line in lower case) names a journal's issue by its year in brackets
/// followed by volume or pages: `journal of hydrology 310 (2005) 253–265`,
/// `international psychogeriatrics (2014), 26:1, 147–154`, `2188 (2022) 012011`.
fn is_cited_issue(lower: &str) -> bool {
    lower.match_indices('(').any(|(at, _)| {
        let Some(rest) = lower.get(at + 1..) else {
            return false;
        };
        let year = rest.get(..4).is_some_and(is_recent_year);
        year && rest.get(4..5) == Some(")")
            && rest
                .get(5..)
                .map(|after| after.trim_start_matches([',', ' ']))
                .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// Whether `line` is a journal's or a meeting's short name or code alone (`JSS`,
/// `JCRAI-2021`, the drop capital `J`): one short word without lower case.
fn is_short_code(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.len() <= 12
        && !line.contains(char::is_whitespace)
        && line.chars().any(char::is_uppercase)
        && !line.chars().any(char::is_lowercase)
}

/// Whether a block above the title is all masthead ([`is_masthead_line`]), short codes among
/// it (`JCRAI-2021`⏎`Journal of Physics: Conference Series`), or a journal's name above its
/// volume and DOI (`Hindawi Publishing Corporation`⏎`Rehabilitation Research and
/// Practice`⏎`Volume 2010, Article ID 157939, 6 pages`⏎`doi:10.1155/2010/157939`).
pub(super) fn is_masthead(lines: &[&str]) -> bool {
    let mastheads = lines.iter().filter(|line| is_masthead_line(line)).count();
    let short =
        |line: &&&str| line.split_whitespace().count() <= 6 && !line.trim_end().ends_with('.');
    let first_is_masthead = lines
        .first()
        .is_some_and(|line| is_masthead_line(line) || is_short_code(line));
    first_is_masthead
        && (lines
            .iter()
            .all(|line| is_masthead_line(line) || is_short_code(line))
            || (lines.len() <= 5
                && mastheads >= 2
                && lines
                    .iter()
                    .all(|line| is_masthead_line(line) || short(&line))))
}

/// How many of a title block's first lines are masthead ([`is_masthead_line`]) printed above
/// the title in the same block (`Research Article`⏎`Patient Experiences of …`).
pub(super) fn masthead_lines(lines: &[&str]) -> usize {
    lines
        .iter()
        .take_while(|line| is_masthead_line(line))
        .count()
}

/// Whether `line` is an author's line as ACM's journals print them under the title: the name
/// in capitals, a comma, the affiliation (`TAL AUGUST, University of Washington, USA`,
/// `MARTI A. HEARST, University of California, Berkeley, USA`).
pub(super) fn is_acm_author_line(line: &str) -> bool {
    acm_name_and_affiliation(line).is_some()
}

/// The name in capitals and the affiliation of an ACM author line ([`is_acm_author_line`]).
fn acm_name_and_affiliation(line: &str) -> Option<(&str, &str)> {
    let (name, affiliation) = line.trim().split_once(", ")?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let in_capitals = |word: &&str| {
        word.chars().any(char::is_alphabetic)
            && word
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let is_acm = (2..=5).contains(&words.len())
        && words.iter().all(in_capitals)
        && words
            .iter()
            .filter(|word| word.chars().count() >= 2)
            .count()
            >= 2
        && affiliation.chars().next().is_some_and(char::is_uppercase);
    is_acm.then_some((name, affiliation))
}

/// The author an ACM author line names ([`is_acm_author_line`]): the name in its own case
/// (`Marti A. Hearst`) and the affiliation.
pub(super) fn acm_author(line: &str) -> Option<(String, String)> {
    let (name, affiliation) = acm_name_and_affiliation(line)?;
    let mut own_case = String::new();
    for word in name.split_whitespace() {
        if !own_case.is_empty() {
            own_case.push(' ');
        }
        capitalise_parts(word, &mut own_case);
    }
    Some((own_case, affiliation.trim().to_owned()))
}

/// Where the author lines start in a title block (`lines`), when the title is printed on the
/// first lines and the authors directly under it: the first line after the first that names
/// authors, or a person's name alone above an affiliation (`is_affiliation`: `Christoffer
/// Petersson⏎Department of Fundamental Physics, …`).
pub(super) fn authors_start(
    lines: &[&str],
    is_affiliation: impl Fn(&str) -> bool,
) -> Option<usize> {
    (1..lines.len()).find(|&at| {
        lines.get(at).is_some_and(|line| {
            is_author_line(line)
                || is_acm_author_line(line)
                // `Oliver Kopp and Anita Armbruster⏎IAAS, University of Stuttgart`.
                || ((is_one_name(line)
                    || is_two_names(line)
                    || is_one_name_in_capitals(line)
                    || run_together_names(line).is_some())
                    && lines
                        .get(at + 1)
                        .is_some_and(|next| is_affiliation(next) || next.contains('@')))
                // `1 School of Physics, University of Melbourne`: the authors' affiliations, the
                // names lost (printed as an image).
                || numbered_affiliation(line).is_some_and(&is_affiliation)
        })
    })
}

/// Where the authors start in a title block whose last line is the first author's name alone,
/// the others' in the blocks after it (`next`, an authors block by `is_affiliation`):
/// `TIMP: An R Package for Modeling Multi-way⏎Spectroscopic Measurements⏎Katharine M. Mullen`
/// above `Ivo H. M. van Stokkum`. The line is a name when it has an initial, or when none of
/// its words is written in lower case anywhere in `text` (as `measurements` is, and no name).
pub(super) fn author_closing_title(
    lines: &[&str],
    next: Option<&[&str]>,
    text: &str,
    is_affiliation: impl Fn(&str) -> bool,
) -> Option<usize> {
    let [_, .., last] = lines else {
        return None;
    };
    if !is_one_name(last) || !next.is_some_and(|next| is_authors_block(next, is_affiliation)) {
        return None;
    }
    let words: Vec<&str> = last.split_whitespace().collect();
    let has_initial = words
        .iter()
        .any(|word| word.ends_with('.') && word.len() <= 3);
    let written_in_lower_case = |word: &str| {
        let lower = word.to_lowercase();
        text.match_indices(lower.as_str()).any(|(at, _)| {
            let before = text.get(..at).and_then(|b| b.chars().next_back());
            let mut after = text
                .get(at + lower.len()..)
                .into_iter()
                .flat_map(str::chars);
            let (next, after_next) = (after.next(), after.next());
            // Not a part of an address (`alex@smola.org`, `kharlamov@inf.unibz.it`).
            let in_address = before.is_some_and(|c| matches!(c, '@' | '.' | '/'))
                || next == Some('@')
                || (next == Some('.') && after_next.is_some_and(char::is_alphanumeric));
            !before.is_some_and(char::is_alphanumeric)
                && !next.is_some_and(char::is_alphanumeric)
                && !in_address
        })
    };
    let no_common_word = words
        .iter()
        .filter(|word| !PARTICLES.contains(word) && !word.ends_with('.'))
        .all(|word| !written_in_lower_case(word));
    (has_initial || no_common_word).then_some(lines.len() - 1)
}

/// The most lines a title is printed on.
const MAX_TITLE_LINES: usize = 4;

/// The lines of a title block that hold the title, when the text runs on under it in the same
/// block (an editorial without authors or abstract, as pdftotext gives it): those down to the
/// first line much shorter than the ones before it (`COVID-19 vaccination and treatment in
/// vulnerable`⏎`populations`⏎`As the COVID-19 pandemic continues …`), the whole block when it
/// is a title's few lines.
pub(super) fn title_lines<'l, 'a>(lines: &'l [&'a str]) -> &'l [&'a str] {
    let words: usize = lines
        .iter()
        .map(|line| line.split_whitespace().count())
        .sum();
    if lines.len() <= MAX_TITLE_LINES || words <= MAX_TITLE_WORDS {
        return lines;
    }
    let mut longest = 0;
    for (at, line) in lines.iter().enumerate().take(MAX_TITLE_LINES) {
        let length = line.trim().chars().count();
        // Not a line of a name and affiliation (`TAL AUGUST, University of Washington, USA`).
        if at > 0 && length * 5 < longest * 3 && !line.contains(',') {
            return lines.get(..=at).unwrap_or(lines);
        }
        longest = longest.max(length);
    }
    lines
}

/// What follows an affiliation's number that `line` opens on, a capital after it: `School of
/// …` of `1 School of …`.
fn numbered_affiliation(line: &str) -> Option<&str> {
    line.split_once(' ').and_then(|(number, rest)| {
        ((1..=2).contains(&number.len())
            && number.bytes().all(|b| b.is_ascii_digit())
            && rest.starts_with(|c: char| c.is_uppercase()))
        .then_some(rest)
    })
}

/// How many of an author block's first lines hold its names: the first, and each next one the
/// list runs on to, after a comma or `and`, or naming authors itself; not an affiliation
/// (`is_affiliation`) or an e-mail address.
pub(super) fn name_lines(lines: &[&str], is_affiliation: impl Fn(&str) -> bool) -> usize {
    let mut count = usize::from(!lines.is_empty());
    while let (Some(line), Some(next)) = (lines.get(count - 1), lines.get(count)) {
        let line = line.trim_end();
        let runs_on = line.ends_with(',') || line.ends_with(" and") || line.ends_with(" &");
        // A name a line (`Kevin Waugh`⏎`Brian D. Ziebart`⏎`J. Andrew Bagnell`), the next with
        // an initial (not a place: `Ann Lee`⏎`Somewhere Town`).
        let has_initial = next
            .split_whitespace()
            .any(|word| word.len() <= 3 && word.ends_with('.'));
        let name_a_line = is_one_name(line) && is_one_name(next) && has_initial;
        if is_affiliation(next)
            || next.contains('@')
            || !(runs_on || name_a_line || is_author_line(next))
        {
            break;
        }
        count += 1;
    }
    count
}

/// Whether a block after the title holds its authors: its first line names them, is an
/// affiliation (`is_affiliation`) or an e-mail address (`E-mail: brower@bu.edu`).
pub(super) fn is_authors_block(lines: &[&str], is_affiliation: impl Fn(&str) -> bool) -> bool {
    lines.first().is_some_and(|line| {
        is_author_line(line) || is_one_name(line) || is_affiliation(line) || line.contains('@')
    })
}

/// Whether `text` is one person's name: two to four words, five with a particle, each written
/// out as a name is, an initial, or a particle (`Eugenio Megías`, `Hesham M. Eraqi`, `Ivo H. M.
/// van Stokkum`).
pub(super) fn is_one_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let most = if words.iter().any(|word| PARTICLES.contains(word)) {
        5
    } else {
        4
    };
    (2..=most).contains(&words.len())
        && !words.iter().any(|word| is_institution_word(word))
        && words.iter().all(|word| {
            is_written_out_name(word)
                || (word.ends_with('.') && word.chars().next().is_some_and(char::is_uppercase))
                || PARTICLES.contains(word)
        })
}

/// Whether `line` names a paper's authors: it opens on initials and a name (`D. H.
/// Jakubassa-Amundsen`, `A.N. Villano,1`), a name carries a mark or an affiliation's number
/// (`Gerber,1`, `Wang1,2`, `Cohan†∗`, `Guo 1, 2`), or it is a list of at least
/// [`MIN_UNMARKED_NAMES`] names parted by commas (`Waleed Ammar, Dirk Groeneveld, …`).
pub(super) fn is_author_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let leading = words.iter().take_while(|w| is_initial(w)).count();
    let opens_on_initials = leading > 0
        && words
            .get(leading)
            .is_some_and(|w| is_written_out_name(w.trim_end_matches(|c: char| !c.is_alphabetic())));
    opens_on_initials
        || has_marked_name(&words)
        || is_list_of_names(line)
        || has_ieee_grade(line)
        || words.iter().any(|word| letter_marks(word).is_some())
}

/// The name and the marks of a word of an author line that carries an affiliation's letters
/// after commas, as Elsevier prints them: `Lanea,c,*,` is `Lane` (its first mark, `a`, glued
/// to it, as the letter before the next mark) with the marks `a,c,*`; `Zhangb,c` is `Zhang`.
pub(super) fn letter_marks(word: &str) -> Option<(&str, &str)> {
    let word = word.trim_end_matches(',');
    let (name, marks) = word.split_once(',')?;
    let is_mark = |mark: &str| {
        let mut chars = mark.chars();
        matches!(
            (chars.next(), chars.next()),
            (Some(c), None) if c.is_ascii_lowercase() || c == '*' || NAME_MARKS.contains(&c)
        )
    };
    if !is_written_out_name(name) || !marks.split(',').all(is_mark) {
        return None;
    }
    let first_mark = marks.chars().next().filter(char::is_ascii_lowercase)?;
    let glued = name
        .chars()
        .next_back()
        .filter(|&c| c.is_ascii_lowercase() && c < first_mark);
    let name = glued.map_or(name, |c| {
        name.get(..name.len() - c.len_utf8()).unwrap_or(name)
    });
    Some((name, marks))
}

/// Whether a name among `words` is followed by a mark or an affiliation's number: `Gerber,1`,
/// `Wang1,2`, `Cohan†∗`, `Guo 1,`.
fn has_marked_name(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(at, word)| {
        let name_end = word
            .find(|c: char| {
                !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’')) || is_math_letter(c)
            })
            .unwrap_or(word.len());
        let (name, marks) = word.split_at(name_end);
        let marks = marks.trim_start_matches(',');
        let marked_here = !marks.is_empty() && marks.chars().all(|c| c == ',' || is_name_mark(c));
        // `Feng-Kun Guo 1, 2`: the number as a word of its own after a name written out in
        // full (not `University of Munich, Theresienstrasse 39,`).
        let marked_after = marks.is_empty()
            && words.get(at + 1).is_some_and(|next| {
                let next = next.trim_end_matches(',');
                !next.is_empty() && next.len() <= 2 && next.bytes().all(|b| b.is_ascii_digit())
            })
            && at > 0
            && words
                .get(at - 1)
                .is_some_and(|before| is_written_out_name(before));
        // Not a place's name and number (`Dhaka-1000,`).
        (is_written_out_name(name) && !name.ends_with('-') && (marked_here || marked_after))
            || (marked_here && is_marked_name_in_capitals(name, marks))
    })
}

/// Whether `line` is two people's names joined by `and` or `&` (`Oliver Kopp and Anita
/// Armbruster`): an author line when an affiliation or an e-mail address follows it.
fn is_two_names(line: &str) -> bool {
    [" and ", " & "].iter().any(|joint| {
        line.split_once(joint)
            .is_some_and(|(first, second)| is_one_name(first) && is_one_name(second))
    })
}

/// Whether `line` lists names parted by commas (and `and`), each of two to four capitalised
/// words, at least [`MIN_UNMARKED_NAMES`] of them.
fn is_list_of_names(line: &str) -> bool {
    let names: Vec<&str> = line
        .split(',')
        .flat_map(|piece| piece.split(" and "))
        .map(|piece| piece.trim().trim_start_matches("and ").trim())
        .filter(|piece| !piece.is_empty())
        .collect();
    names.len() >= MIN_UNMARKED_NAMES
        && names
            .iter()
            .all(|name| is_one_name(name) || is_name_with_family_in_capitals(name))
}

#[cfg(test)]
#[path = "title_page_tests.rs"]
mod tests;

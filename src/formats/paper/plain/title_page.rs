//! What a PDF's title page prints around the title, as its text gives it: the stamps above it
//! (arXiv's, a preprint's or draft's date, a report number, a journal's running line, the
//! template it was typeset with), and the author lines printed directly under the title, in
//! the same block (`Ioana Cristina Gerber,1 Ilarion Mihaila,1`, `D. H. Jakubassa-Amundsen`,
//! `Arman Cohan†∗ Sergey Feldman†∗`).

use crate::corpus::text::MONTHS;

use super::names::{PARTICLES, is_written_out_name};

/// The marks printed after an author's name to point at an affiliation or a note.
pub(super) const NAME_MARKS: [char; 9] = ['*', '∗', '†', '‡', '§', '¶', '★', '⋆', '♯'];

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
        "doi:",
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
        || (lines.len() <= 3
            && lines.iter().any(|line| {
                let lower = line.trim().to_lowercase();
                lower.starts_with("isbn") || lower.starts_with("doi:")
            }))
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
                || (is_one_name(line) && lines.get(at + 1).is_some_and(|next| is_affiliation(next)))
        })
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
        if is_affiliation(next) || next.contains('@') || !(runs_on || is_author_line(next)) {
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

/// Whether `text` is one person's name: two to four words, each written out as a name is,
/// an initial, or a particle (`Eugenio Megías`, `Hesham M. Eraqi`, `Madeleine van Zuylen`).
fn is_one_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
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
fn is_author_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let initial = |word: &str| {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        (1..=3).contains(&letters)
            && word.ends_with('.')
            && word
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-'))
    };
    let leading = words.iter().take_while(|w| initial(w)).count();
    let opens_on_initials = leading > 0
        && words
            .get(leading)
            .is_some_and(|w| is_written_out_name(w.trim_end_matches(|c: char| !c.is_alphabetic())));
    opens_on_initials || has_marked_name(&words) || is_list_of_names(line)
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
        is_written_out_name(name) && (marked_here || marked_after)
    })
}

/// Whether `line` lists names parted by commas (and `and`), each of two to four capitalised
/// words, at least [`MIN_UNMARKED_NAMES`] of them.
fn is_list_of_names(line: &str) -> bool {
    let names: Vec<&str> = line
        .split(',')
        .map(|piece| piece.trim().trim_start_matches("and ").trim())
        .filter(|piece| !piece.is_empty())
        .collect();
    names.len() >= MIN_UNMARKED_NAMES && names.iter().all(|name| is_one_name(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_above_a_title_are_told_from_it() {
        for stamp in [
            "arXiv:1707.04066v1 [astro-ph.EP] 13 Jul 2017",
            "Preprint 27 February 2025",
            "Draft version July 14, 2017",
            "Typeset using LATEX default style in AASTeX61",
            "Compiled using MNRAS LATEX style file v3.2",
            "Submitted to: JHEP",
            "CERN-EP-2025-032",
            "DFPD-2015/TH/20",
            "2015/03/27",
            "(Dated: October 7, 2021)",
            "MNRAS 000, 1–14 (2025)",
            "3rd March 2025",
        ] {
            assert!(is_stamp(stamp), "{stamp}");
        }
        for title in [
            "ATLAS diboson excess from low scale supersymmetry breaking",
            "Ising on S2 - The Affine Conjecture",
            "COVID-19",
            "Preferences of Voters",
            "Trade, Growth and Poverty (1990)",
            "March of the Penguins 2005",
            "Preprints in the Time of a Pandemic",
            "Draft Animals and Their Keepers",
        ] {
            assert!(!is_stamp(title), "{title}");
        }
    }

    #[test]
    fn the_authors_under_a_title_are_found_where_they_start() {
        let block = [
            "Characterization of interstellar carbon dust analogues synthesized by",
            "dielectric barrier discharge and evolution after irradiation with 3 MeV H+",
            "Ioana Cristina Gerber,1 Ilarion Mihaila,1 Valentin Pohoata,2★ Andrei Sandu,2",
        ];
        assert_eq!(authors_start(&block, |_| false), Some(2));
        let affiliation = |line: &str| line.starts_with("Department");
        let block = [
            "ATLAS diboson excess",
            "Christoffer Petersson",
            "Department of Physics",
        ];
        assert_eq!(authors_start(&block, affiliation), Some(1));
        assert_eq!(
            authors_start(&["A Title", "Second Line Here", "More words"], affiliation),
            None
        );
        for (title, authors) in [
            ("QED corrections", "D. H. Jakubassa-Amundsen"),
            (
                "First observation",
                "A.N. Villano,1, ∗ M. Fritts,2 N. Mast,2 and V. Mandic2",
            ),
            (
                "Testing the first law",
                "Chao-Wan-Zhen Wang1,2 and Fu-Wen Shu1,2,3∗",
            ),
            (
                "Compact tetraquarks",
                "Feng-Kun Guo 1, 2, 3, 4, ∗ and Christoph Hanhart 5, †",
            ),
            (
                "Citation-informed Transformers",
                "Arman Cohan†∗ Sergey Feldman†∗ Iz Beltagy†",
            ),
            (
                "Construction of the Literature Graph",
                "Waleed Ammar, Dirk Groeneveld, Chandra Bhagavatula, Iz Beltagy, Miles Crawford,",
            ),
        ] {
            assert_eq!(
                authors_start(&[title, authors], |_| false),
                Some(1),
                "{authors}"
            );
        }
        assert_eq!(
            name_lines(
                &[
                    "Richard C. Brower,𝑎,∗ George T. Flemming,𝑏 Nobuyuki Matsumoto𝑎 and Rohan",
                    "Misra𝑎",
                    "𝑎 Boston University, Boston, MA 02215, USA",
                ],
                |line| line.contains("University")
            ),
            2
        );
        assert_eq!(
            name_lines(
                &[
                    "Waleed Ammar, Dirk Groeneveld, Chandra Bhagavatula,",
                    "Doug Downey, Jason Dunkelberger,",
                    "Zheng Yuan, and Oren Etzioni",
                    "waleeda@allenai.org",
                ],
                |_| false
            ),
            3
        );
        assert_eq!(name_lines(&["Ann Lee", "Somewhere Town"], |_| false), 1);
        assert_eq!(
            name_lines(
                &[
                    "D. H. Jakubassa-Amundsen",
                    "Mathematics Institute, University of Munich, Theresienstrasse 39,",
                ],
                |_| false
            ),
            1
        );
        // A title's second line.
        for second in [
            "beyond the first-order Born approximation",
            "Plastino-Plastino Equation",
            "Deep Learning, Neural Networks",
            "in 2020, 2021 and 2022",
            "with CO2 and H2O",
        ] {
            assert_eq!(
                authors_start(&["A title", second], |_| true),
                None,
                "{second}"
            );
        }
    }
}

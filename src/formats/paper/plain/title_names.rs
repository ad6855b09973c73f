//! Authors' names under a title as conference and journal papers print them, beyond a name
//! written out (`Ann Lee`, see [`super::title_page`]): names in capitals (`LEANA GOLUBCHIK`,
//! `Chris QUIRK`, `AMIR SHEIKHAHMADI1,∗`), IEEE's membership grades after a name (`Avideh
//! Zakhor, Member, IEEE`), two names run together on one line (`Ruifang Ge Raymond J.
//! Mooney`), and the words of an institution that no person's name has.

use super::names::{PARTICLES, is_written_out_name};
use super::title_page;
use crate::corpus::model::Author;
use crate::formats::paper::name_case::capitalise_parts;

/// Words of an institution's or a company's name that no person's name has (`Computer Science
/// Division`, `Natural Language Processing Group`, `Microsoft Research`, `Google Brain`, `Mayo
/// Clinic`): the title page's author lines and a Markdown converter's author block are read
/// with them.
const INSTITUTION_WORDS: [&str; 40] = [
    "Academy",
    "Amazon",
    "Association",
    "Brain",
    "Center",
    "Centre",
    "Clinic",
    "College",
    "Collaboration",
    "Company",
    "Computer",
    "Consortium",
    "Corporation",
    "DeepMind",
    "Department",
    "Division",
    "Engineering",
    "Faculty",
    "Foundation",
    "Google",
    "Group",
    "Hospital",
    "Inc",
    "Institute",
    "Laboratories",
    "Laboratory",
    "Labs",
    "Ltd",
    "Meta",
    "Microsoft",
    "Ministry",
    "NVIDIA",
    "Research",
    "School",
    "Science",
    "Sciences",
    "Society",
    "Team",
    "University",
    "Working",
];

/// Whether `word` (in any case, a comma or full stop after it) is one of
/// [`INSTITUTION_WORDS`].
pub(in crate::formats::paper) fn is_institution_word(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ';']);
    INSTITUTION_WORDS
        .iter()
        .any(|institution| institution.eq_ignore_ascii_case(word))
}

/// Whether `word` is a name written in capitals (`GOLUBCHIK`, `O'NEIL`, `ZHU`): two letters
/// or more, none in lower case.
fn is_name_in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’'))
}

/// Whether `word` is an initial as a title page prints one (`J.`, `A.-M.`): at most three
/// capitals with a full stop.
pub(super) fn is_initial(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && word.ends_with('.')
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-'))
}

/// Whether `line` is one person's name written all in capitals (`LEANA GOLUBCHIK`, `MARTI A.
/// HEARST`, `AN ZHU`): two to four words, names in capitals or initials, two names at least,
/// no institution's word among them.
pub(super) fn is_one_name_in_capitals(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().filter(|w| is_name_in_capitals(w)).count() >= 2
        && words
            .iter()
            .all(|w| (is_name_in_capitals(w) || is_initial(w)) && !is_institution_word(w))
}

/// Whether `piece` is one person's name with its family name in capitals, as some
/// conferences print it (`Chris QUIRK`, `William B. DOLAN`): a given name written out, the
/// family name in capitals, initials or names between.
pub(super) fn is_name_with_family_in_capitals(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let [first, middle @ .., last] = words.as_slice() else {
        return false;
    };
    words.len() <= 4
        && is_written_out_name(first)
        && is_name_in_capitals(last)
        && middle
            .iter()
            .all(|w| is_initial(w) || is_written_out_name(w) || PARTICLES.contains(w))
        && !words.iter().any(|w| is_institution_word(w))
}

/// Whether `word` (its marks cut off, `SHEIKHAHMADI` of `SHEIKHAHMADI1,∗`) is a family name
/// in capitals carrying `marks`, as an author line in capitals marks its names: a note's sign
/// or a comma among the marks (`1,∗`, `2,3`), not a number alone (`COVID-19`, `H1`).
pub(super) fn is_marked_name_in_capitals(word: &str, marks: &str) -> bool {
    is_name_in_capitals(word)
        && !word.ends_with('-')
        && marks
            .chars()
            .any(|c| c == ',' || title_page::NAME_MARKS.contains(&c))
}

/// Whether `line` carries an IEEE membership grade after a name (`Avideh Zakhor, Member,
/// IEEE`, `…, Senior Member, IEEE`, `…, Fellow, IEEE`).
pub(super) fn has_ieee_grade(line: &str) -> bool {
    line.split(',')
        .map(str::trim)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|pair| matches!(pair, [grade, "IEEE"] if is_ieee_grade(grade)))
}

/// Whether `piece` is an IEEE membership grade or the institute's name alone, not a name.
fn is_ieee_grade(piece: &str) -> bool {
    matches!(
        piece.trim(),
        "Member"
            | "Senior Member"
            | "Student Member"
            | "Graduate Student Member"
            | "Life Member"
            | "Fellow"
            | "Life Fellow"
            | "Life Senior Member"
            | "IEEE"
    )
}

/// The names one piece of an author line holds (the line split at its commas, `and` and
/// marks): none for an IEEE grade (`Member`, `IEEE`); two or more for names run together
/// without a comma (`Ruifang Ge Raymond J. Mooney`); else the piece; each in its own case
/// when written in capitals (`LEANA GOLUBCHIK` → `Leana Golubchik`, `Chris QUIRK` → `Chris
/// Quirk`).
pub(super) fn names_in_piece(piece: &str) -> Vec<String> {
    if is_ieee_grade(piece) {
        return Vec::new();
    }
    run_together_names(piece)
        .unwrap_or_else(|| vec![piece.to_owned()])
        .iter()
        .map(|name| in_own_case(name))
        .collect()
}

/// `name` with its words in capitals written as a name is (`GOLUBCHIK` → `Golubchik`, `DO
/// VALE` → `do Vale` after a given name), initials and Roman numerals (`III`) as they are.
fn in_own_case(name: &str) -> String {
    // No person's name (`ISSN 2358-291X (Online)`, `ATLAS Collaboration`): as it is.
    let words: Vec<&str> = name.split_whitespace().collect();
    let person = (2..=6).contains(&words.len())
        && words.iter().any(|w| is_name_in_capitals(w))
        && words.iter().all(|w| {
            (is_name_in_capitals(w)
                || is_written_out_name(w)
                || is_initial(w)
                || PARTICLES.contains(w))
                && !is_institution_word(w)
        });
    if !person {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let roman = word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
        let lower = word.to_lowercase();
        // `do` beside the particles a name written out may have: Portuguese's (`Igor do Vale`).
        if !out.is_empty()
            && is_name_in_capitals(word)
            && (PARTICLES.contains(&lower.as_str()) || lower == "do")
        {
            out.push_str(&lower);
        } else if is_name_in_capitals(word) && !roman {
            capitalise_parts(word, &mut out);
        } else {
            out.push_str(word);
        }
    }
    out
}

/// The names of a line of two or more names written out run together without a comma
/// (`Ruifang Ge Raymond J. Mooney`): a new name starts at a name written out with an initial
/// after it, the name before it two words at least (`Ruifang Ge` | `Raymond J. Mooney`).
/// `None` when the line is no such run: one name (`Raymond J. Mooney`), or words that cannot
/// be parted so (`Juan Carlos Pérez García`).
pub(super) fn run_together_names(line: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(4..=8).contains(&words.len())
        || !words
            .iter()
            .all(|w| (is_written_out_name(w) || is_initial(w)) && !is_institution_word(w))
    {
        return None;
    }
    let mut names: Vec<Vec<&str>> = vec![Vec::new()];
    for (at, word) in words.iter().enumerate() {
        let starts_name = is_written_out_name(word)
            && words.get(at + 1).is_some_and(|next| is_initial(next))
            && names.last().is_some_and(|name| name.len() >= 2);
        if starts_name {
            names.push(Vec::new());
        }
        if let Some(name) = names.last_mut() {
            name.push(word);
        }
    }
    let whole = |name: &Vec<&str>| {
        (2..=4).contains(&name.len())
            && name.first().is_some_and(|w| is_written_out_name(w))
            && name.last().is_some_and(|w| is_written_out_name(w))
    };
    (names.len() >= 2 && names.iter().all(whole))
        .then(|| names.iter().map(|name| name.join(" ")).collect())
}

/// The authors an author line names.
pub(super) fn authors_named(line: &str) -> impl Iterator<Item = Author> {
    names(line).into_iter().map(|name| Author {
        name,
        ..Author::default()
    })
}

/// A name without the footnote marks and affiliation numbers around it: `Naeli Fitria1,*` →
/// `Naeli Fitria`, `4 L. Allen` → `L. Allen`, `Nobuyuki Matsumoto𝑎` → `Nobuyuki Matsumoto`.
pub(super) fn bare_name(name: &str) -> &str {
    // A glyph of a font's own (`\u{e840}`, an ORCID logo as a PDF's text gives it) too.
    let is_mark = |c: char| {
        title_page::is_name_mark(c)
            || matches!(c, ',' | '^' | '¹' | '²' | '³' | '\u{e000}'..='\u{f8ff}')
    };
    name.trim()
        .trim_end_matches(is_mark)
        .trim_start_matches(is_mark)
}

/// The names on an author line: separated by commas, `and`, `&`, `;` or the marks after them
/// (`Arman Cohan†∗ Sergey Feldman†∗`).
pub(super) fn names(line: &str) -> Vec<String> {
    // `Patrick N.J. Lanea,c,*, Alice E. Bestb,c,d`: Elsevier's affiliation letters.
    let line = if line
        .split_whitespace()
        .any(|w| title_page::letter_marks(w).is_some())
    {
        line.split_whitespace()
            .map(|word| {
                title_page::letter_marks(word)
                    .map_or_else(|| word.to_owned(), |(name, _)| format!("{name},"))
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        line.to_owned()
    };
    // A list wrapped after its `and` (`… Lúcia Betânia da Silva Andrade3 and`).
    let line = line.trim_end();
    let line = line.strip_suffix(" and").unwrap_or(line);
    line.replace(" and ", ",")
        .replace(" AND ", ",")
        .replace(['&', ';'], ",")
        .replace(title_page::NAME_MARKS, ",")
        .split(',')
        .map(bare_name)
        .filter(|name| {
            let words = name.split_whitespace().count();
            (1..=8).contains(&words) && name.chars().next().is_some_and(char::is_uppercase)
        })
        .flat_map(names_in_piece)
        .filter(|name| name.split_whitespace().count() <= 6)
        .collect()
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::unwrap_used)]
#[path = "title_names_tests.rs"]
mod tests;

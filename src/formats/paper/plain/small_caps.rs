//! Names a reference list prints in small capitals, as ACM's and USENIX's styles set them
//! (`BANGA, G., DRUSCHEL, P., AND MOGUL, J. C.`), the way pdftotext takes them out of a PDF: a
//! space wherever the letters change size (`D RUSCHEL`, `M AC C ORMICK`, `O’N EIL`) and before
//! a comma (`BANGA , G.`). Where entries of a list print their names so, every entry's names
//! are written again as the names they are (`Banga, G., Druschel, P., and Mogul, J. C.`)
//! before the entry is read.

use std::borrow::Cow;

use super::entries::Entry;
use super::names::{PARTICLES, is_accent};
use crate::formats::paper::name_case::capitalise_parts;

/// The fewest entries whose names show the spaces of small capitals that make a list read as
/// one printing its names so (one alone may be an organisation's name in capitals).
const FEWEST_SPACED: usize = 2;

/// The longest part of a family name, written small, that is one with the part after it
/// (`De` of `DeWitt`, `Mac` of `MacCormick`, `Mc` of `McIlroy`), not a name of its own
/// (`Peyton` of `Peyton Jones`).
const LONGEST_JOINED_PART: usize = 3;

/// The list's entries, their names written again where the list prints them in small
/// capitals; the entries as they are otherwise.
pub(super) fn names_written_again(entries: &[Entry]) -> Cow<'_, [Entry]> {
    let spaced = entries
        .iter()
        .filter(|entry| names_and_rest(&entry.text).is_some_and(|(names, _)| shows_spaces(names)))
        .count();
    if spaced < FEWEST_SPACED {
        return Cow::Borrowed(entries);
    }
    Cow::Owned(
        entries
            .iter()
            .map(|entry| match names_and_rest(&entry.text) {
                Some((names, rest)) => Entry {
                    number: entry.number,
                    text: format!("{}{rest}", names_in_their_case(names)),
                },
                None => entry.clone(),
            })
            .collect(),
    )
}

/// Where the names an entry opens on in capitals end: after the last initial's full stop of
/// the entry's first words that are all names in capitals, initials, `AND`, `ET AL.` and commas
/// (`BANGA , G., D RUSCHEL , P., AND M OGUL , J. C.` of `… J. C. Resource containers …`);
/// `None` when those words hold no initial. Returns the names and the text after them.
fn names_and_rest(text: &str) -> Option<(&str, &str)> {
    let mut end = None;
    let mut at = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let bare = word.trim_end().trim_end_matches(',');
        if is_initials(bare) || bare == "AL." {
            end = Some(at + bare.len());
        } else if !(bare.is_empty() || is_word_in_capitals(bare)) {
            break;
        }
        at += word.len();
    }
    text.split_at_checked(end?)
}

/// Whether `word` is initials in capitals with full stops: `J.`, `J.-L.`, `C.A.`.
fn is_initials(word: &str) -> bool {
    word.ends_with('.')
        && word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-'))
        && word.split(['.', '-']).all(|part| part.chars().count() <= 1)
}

/// Whether `word` is letters in capitals (accents, apostrophes and hyphens among them):
/// `BANGA`, `D`, `O’N`, `AND`, `ÄKI` (its accent a combining one).
fn is_word_in_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_uppercase() || is_accent(c) || matches!(c, '’' | '\'' | '-'))
}

/// Whether names in capitals show the spaces pdftotext leaves in small capitals: before a
/// comma (`BANGA , G.`), or between a capital and the small ones after it (`D RUSCHEL`).
fn shows_spaces(names: &str) -> bool {
    let words: Vec<&str> = names.split_whitespace().collect();
    words.windows(2).any(|pair| match pair {
        [word, next] => {
            (next.starts_with(',') && is_word_in_capitals(word))
                || (opens_a_name(word) && is_word_in_capitals(next.trim_end_matches(',')))
        }
        _ => false,
    })
}

/// Whether `word` is the full-size capital a name in small capitals opens on, alone (`D` of
/// `D RUSCHEL`) or after an apostrophe (`O’N` of `O’N EIL`).
fn opens_a_name(word: &str) -> bool {
    let last_part = word.rsplit(['’', '\'']).next().unwrap_or(word);
    last_part.chars().filter(|c| c.is_alphabetic()).count() == 1 && is_word_in_capitals(word)
}

/// Names in small capitals as pdftotext prints them (`M AC C ORMICK , J., AND O’N EIL , E.`)
/// written in their own case (`MacCormick, J., and O’Neil, E.`).
fn names_in_their_case(names: &str) -> String {
    let pieces: Vec<String> = names
        .split(',')
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            if piece.split_whitespace().all(is_initials) {
                piece.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                name_in_its_case(piece)
            }
        })
        .collect();
    pieces.join(", ")
}

/// What a word of a name written again was printed as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Printed {
    /// A capital and the small capitals after it, spaced apart (`D RUSCHEL`).
    Spaced,
    /// A word pdftotext did not space (`BANGA`).
    Whole,
    /// A word written small: `and`, a particle (`van`).
    Small,
}

/// One name (or `AND` and a name) in small capitals written in its own case: a capital and the
/// small ones after it one word (`D RUSCHEL` → `Druschel`), a short part joined to the part
/// after it (`D E W ITT` → `DeWitt`), small capitals spaced apart again joined (`Q UIN LAN` →
/// `Quinlan`, `WAL LACH` → `Wallach`), particles small (`VAN R ENESSE` → `van Renesse`), a word
/// pdftotext did not space in its own case (`BANGA` → `Banga`).
fn name_in_its_case(piece: &str) -> String {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let mut written: Vec<(String, Printed)> = Vec::new();
    let mut at = 0;
    while let Some(&word) = words.get(at) {
        at += 1;
        let lower = word.to_lowercase();
        let next = words
            .get(at)
            .filter(|next| is_word_in_capitals(next) && **next != "AND");
        let last = written.last_mut();
        if matches!(word, "AND" | "ET" | "AL.") {
            written.push((lower, Printed::Small));
        } else if let Some(next) = next.filter(|_| opens_a_name(word)) {
            at += 1;
            let part = format!("{word}{}", next.to_lowercase());
            match last {
                Some((before, Printed::Spaced))
                    if before.chars().count() <= LONGEST_JOINED_PART =>
                {
                    before.push_str(&part);
                }
                _ => written.push((part, Printed::Spaced)),
            }
        } else if PARTICLES.contains(&lower.as_str())
            && words.get(at).is_some_and(|next| {
                opens_a_name(next) || !matches!(last, Some((_, Printed::Spaced | Printed::Whole)))
            })
        {
            written.push((lower, Printed::Small));
        } else if let Some((before, Printed::Spaced | Printed::Whole)) = last {
            // `W ARDE -FARLEY`: a hyphen's part after it opens on a capital.
            if word.starts_with('-') {
                capitalise_parts(word, before);
            } else {
                before.push_str(&lower);
            }
        } else {
            let mut own = String::with_capacity(word.len());
            capitalise_parts(word, &mut own);
            written.push((own, Printed::Whole));
        }
    }
    written
        .into_iter()
        .map(|(word, _)| word)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> Entry {
        Entry {
            number: Some(1),
            text: text.to_owned(),
        }
    }

    fn written_again(texts: &[&str]) -> Vec<String> {
        let entries: Vec<Entry> = texts.iter().map(|text| entry(text)).collect();
        names_written_again(&entries)
            .iter()
            .map(|entry| entry.text.clone())
            .collect()
    }

    #[test]
    fn names_in_small_capitals_are_written_in_their_own_case() {
        let texts = written_again(&[
            "BANGA , G., D RUSCHEL , P., AND M OGUL , J. C. Resource containers: A new facility.",
            "M AC C ORMICK , J., M URPHY, N., AND T HEKKATH , C. A. Boxwood. In Proc. of OSDI.",
            "D E W ITT, D. J., VAN R ENESSE , R., AND O’N EIL , E. The LSM-tree. Acta Inf.",
            "M C I LROY, M. D., P EYTON J ONES , S., ET AL. A NEW TITLE in capitals.",
            "S K OUNAKIS , M., Q UIN LAN , S., AND K ELLOM A\u{308}KI , P. Pydron. In Proc.",
            "WAL LACH , D., VAN DER W IJNGAART, R., AND W ARDE -FARLEY, D. Bigtable. In OSDI.",
            "L AMPORT, L. The part-time parliament. ACM TOCS 16, 2 (1998), 133–169.",
            "KX . COM. kx.com/products/database.php. Product page.",
        ]);
        assert_eq!(
            texts,
            [
                "Banga, G., Druschel, P., and Mogul, J. C. Resource containers: A new facility.",
                "MacCormick, J., Murphy, N., and Thekkath, C. A. Boxwood. In Proc. of OSDI.",
                "DeWitt, D. J., van Renesse, R., and O’Neil, E. The LSM-tree. Acta Inf.",
                "McIlroy, M. D., Peyton Jones, S., et al. A NEW TITLE in capitals.",
                "Skounakis, M., Quinlan, S., and Kelloma\u{308}ki, P. Pydron. In Proc.",
                "Wallach, D., van der Wijngaart, R., and Warde-Farley, D. Bigtable. In OSDI.",
                "Lamport, L. The part-time parliament. ACM TOCS 16, 2 (1998), 133–169.",
                "KX . COM. kx.com/products/database.php. Product page.",
            ]
        );
    }

    #[test]
    fn names_in_capitals_without_the_spaces_of_small_capitals_are_left_as_printed() {
        let printed = [
            "MENDES, E. G.; OLIVEIRA-FILHO, J. Educação especial. São Paulo, 2010.",
            "BANGA, G., AND MOGUL, J. C. Resource containers. In Proc. of OSDI (1999).",
            "IBM , Inc. Partitioning for the IBM eServer. Technical report.",
        ];
        assert_eq!(written_again(&printed), printed);
    }
}

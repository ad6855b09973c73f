//! A book's publisher, its place and edition, however a list prints them: Vancouver's and
//! PLOS's `Place: Publisher; 2012`, and the book printed where a journal would stand: APA's
//! `Smith, J. (2010). The nature of rivers (2nd ed.). Oxford University Press.` and `Jones, P.
//! (2011). Water and power. Cambridge, UK: Cambridge University Press.`, Elsevier's and
//! Harvard's `Publisher, Place`.

use super::references::year_in;
use crate::corpus::model::Reference;

/// Words that only a publisher's name holds.
const PUBLISHER_WORDS: [&str; 14] = [
    "press",
    "publisher",
    "publishers",
    "publishing",
    "publications",
    "books",
    "verlag",
    "editions",
    "éditions",
    "editora",
    "editorial",
    "sons",
    "bookshop",
    "imprint",
];

/// Publishers known by their name alone, as reference lists print them.
const PUBLISHERS: [&str; 32] = [
    "routledge",
    "elsevier",
    "springer",
    "wiley",
    "sage",
    "palgrave macmillan",
    "macmillan",
    "penguin",
    "norton",
    "w. w. norton",
    "little, brown",
    "harpercollins",
    "blackwell",
    "polity",
    "zed",
    "earthscan",
    "ashgate",
    "brill",
    "kluwer",
    "pearson",
    "mcgraw-hill",
    "prentice hall",
    "bloomsbury",
    "verso",
    "longman",
    "allen & unwin",
    "edward elgar",
    "lynne rienner",
    "westview",
    "random house",
    "vintage",
    "knopf",
];

/// Whether `name` names a publisher: a word such as "Press" or "Publishers" in it, or a
/// publisher known by its name alone ("Routledge", "Little, Brown").
pub(super) fn is_publisher(name: &str) -> bool {
    let lower = name.trim().trim_end_matches('.').to_lowercase();
    PUBLISHERS.contains(&lower.as_str())
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| PUBLISHER_WORDS.contains(&word))
}

/// A title closed by its edition: `Water and power (3rd ed.)` → ("Water and power", "3"),
/// `Urban water (Rev. ed.)` → ("Urban water", "Rev."), also `(2nd edn)`, `(2nd edition)`.
pub(super) fn edition(title: &str) -> Option<(&str, String)> {
    let open = title.trim_end().strip_suffix(')')?;
    let (before, inside) = open.rsplit_once('(')?;
    let words: Vec<&str> = inside.split_whitespace().collect();
    let [number @ .., last] = words.as_slice() else {
        return None;
    };
    if !["ed.", "ed", "edn", "edn.", "edition"].contains(&last.to_lowercase().as_str())
        || number.is_empty()
        || number.len() > 2
    {
        return None;
    }
    let number = number.join(" ");
    // `2nd`, `3rd`, `10th` → the number alone, as CSL's `edition` holds it.
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    let ordinal = ["st", "nd", "rd", "th"].contains(&number.get(digits.len()..).unwrap_or(""));
    let edition = if !digits.is_empty() && ordinal {
        digits
    } else {
        number
    };
    Some((before.trim_end(), edition))
}

/// Reads `reference` as a book when what was read as its journal is its publisher: the entry
/// has no volume, issue or pages, and the "journal" names a publisher or the title closes with
/// its edition. A `Place: Publisher` there is read as both; the edition leaves the title.
pub(super) fn read_as_book(reference: &mut Reference) {
    let edition = edition(&reference.title).map(|(title, edition)| (title.to_owned(), edition));
    let container = reference.container_title.trim();
    let no_numbers =
        reference.volume.is_empty() && reference.issue.is_empty() && reference.page.is_empty();
    let (place, publisher) = match container.split_once(": ") {
        Some((place, publisher)) if is_place(place) => (place, publisher),
        _ => ("", container),
    };
    let is_book = (edition.is_some() || is_publisher(publisher) || !place.is_empty())
        && reference.publisher.is_empty();
    if let Some((title, edition)) = &edition
        && (is_book || container.is_empty())
    {
        reference.title.clone_from(title);
        reference.extra.insert(
            "edition".to_owned(),
            serde_json::Value::from(edition.as_str()),
        );
    }
    if !no_numbers || container.is_empty() || !is_book {
        return;
    }
    reference.publisher_place = place.trim().to_owned();
    reference.publisher = publisher.trim().trim_end_matches('.').to_owned();
    reference.container_title.clear();
}

/// A book's place and publisher: Vancouver's `Place: Publisher; 2012`, or PLOS's `Place:
/// Publisher.` closing the entry (a year, a page count, `, 74 p.`, or an `Available:` before a
/// link cut out may follow): place, publisher and the rest.
pub(super) fn place_and_publisher(rest: &str) -> Option<(&str, &str, &str)> {
    let (place, after) = rest.split_once(": ")?;
    let plain = |s: &str, words: usize| {
        !s.trim().is_empty()
            && s.split_whitespace().count() <= words
            && !s.contains(['.', ',', ':', ';'])
            && !s.chars().any(|c| c.is_ascii_digit())
    };
    if !plain(place, 6) {
        return None;
    }
    if let Some((publisher, after)) = after.split_once(';')
        && plain(publisher, 6)
        && year_in(after).is_some()
    {
        return Some((place.trim(), publisher.trim(), after));
    }
    let end = after.find([',', '.']).unwrap_or(after.len());
    let (publisher, closing) = after.split_at(end);
    let closing_words = closing.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'));
    let is_number = |text: &str| !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
    let year = year_in(closing_words).is_some() && is_number(closing_words);
    let closes = year
        || closing_words.is_empty()
        || closing_words.eq_ignore_ascii_case("available")
        || closing_words.strip_suffix(" p").is_some_and(is_number);
    let after = if year { closing } else { "" };
    (plain(publisher, 12) && closes).then(|| (place.trim(), publisher.trim(), after))
}

/// Splits Elsevier's and Harvard's `Publisher, Place` (`Cambridge University Press,
/// Cambridge`, `Elsevier, Amsterdam`) into the publisher and its place, when the first names a
/// publisher and the last reads as a place.
pub(super) fn split_publisher_and_place(reference: &mut Reference) {
    if !reference.publisher_place.is_empty() {
        return;
    }
    let Some((publisher, place)) = reference.publisher.rsplit_once(", ") else {
        return;
    };
    if is_publisher(publisher) && is_place(place) {
        reference.publisher_place = place.trim().to_owned();
        reference.publisher = publisher.trim().to_owned();
    }
}

/// Whether `text` reads as a publisher's place: a few capitalised words, with at most one
/// comma before a region or country (`Cambridge, UK`, `Thousand Oaks, CA`, `New York`).
fn is_place(text: &str) -> bool {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    parts.len() <= 2
        && parts.iter().all(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            !words.is_empty()
                && words.len() <= 3
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(|c| c.is_alphabetic() || c == '.')
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(title: &str, container: &str) -> Reference {
        let mut reference = Reference {
            title: title.to_owned(),
            container_title: container.to_owned(),
            ..Reference::default()
        };
        read_as_book(&mut reference);
        split_publisher_and_place(&mut reference);
        reference
    }

    #[test]
    fn a_publisher_after_the_title_is_a_publisher_not_a_journal() {
        let oxford = book("The nature of rivers", "Oxford University Press");
        assert_eq!(oxford.publisher, "Oxford University Press");
        assert!(oxford.container_title.is_empty());
        let cambridge = book(
            "Water and power (3rd ed.)",
            "Cambridge, UK: Cambridge University Press",
        );
        assert_eq!(cambridge.title, "Water and power");
        assert_eq!(cambridge.publisher, "Cambridge University Press");
        assert_eq!(cambridge.publisher_place, "Cambridge, UK");
        assert_eq!(
            cambridge.extra.get("edition"),
            Some(&serde_json::json!("3"))
        );
        let elsevier = book("Detection theory", "Cambridge University Press, Cambridge");
        assert_eq!(
            (
                elsevier.publisher.as_str(),
                elsevier.publisher_place.as_str()
            ),
            ("Cambridge University Press", "Cambridge")
        );
        let little = book("Power and interdependence", "Little, Brown");
        assert_eq!(little.publisher, "Little, Brown");
        // An edition is enough to tell a book, whatever its publisher is called.
        let small = book("Field notes (2nd edn)", "Smith & Lee");
        assert_eq!(small.publisher, "Smith & Lee");
        assert_eq!(
            book("Maps (Rev. ed.)", "").extra.get("edition"),
            Some(&serde_json::json!("Rev."))
        );
    }

    #[test]
    fn a_journal_stays_a_journal() {
        for journal in [
            "Journal of Hydrology",
            "Oxford Review of Economic Policy",
            "Nature",
        ] {
            let article = book("Floods in cities", journal);
            assert_eq!(article.container_title, journal);
            assert!(article.publisher.is_empty());
        }
        // A journal of a press, with its volume, is a journal.
        let mut with_volume = Reference {
            title: "Reading".to_owned(),
            container_title: "Cambridge University Press Review".to_owned(),
            volume: "3".to_owned(),
            ..Reference::default()
        };
        read_as_book(&mut with_volume);
        assert_eq!(
            with_volume.container_title,
            "Cambridge University Press Review"
        );
        // Parentheses that are no edition stay in the title.
        for title in ["Rivers (and lakes)", "The 2nd ed. of maps", "Rivers (ed.)"] {
            assert_eq!(edition(title), None, "{title}");
        }
    }
}

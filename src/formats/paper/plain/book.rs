//! A book's publisher, its place and edition, however a list prints them: Vancouver's and
//! PLOS's `Place: Publisher; 2012`, and the book printed where a journal would stand: APA's
//! `Smith, J. (2010). The nature of rivers (2nd ed.). Oxford University Press.` and `Jones, P.
//! (2011). Water and power. Cambridge, UK: Cambridge University Press.`, Elsevier's and
//! Harvard's `Publisher, Place`.

use super::references::year_in;
use crate::corpus::cite::et_al_last;
use crate::corpus::model::{CslName, Reference};

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

/// Whether `name` names a publisher: a word such as "Press" or "Publishers" in it, MLA's "UP"
/// (`Oxford UP`), or a publisher known by its name alone ("Routledge", "Little, Brown").
pub(super) fn is_publisher(name: &str) -> bool {
    let lower = name.trim().trim_end_matches('.').to_lowercase();
    PUBLISHERS.contains(&lower.as_str())
        || name
            .split_whitespace()
            .any(|word| word.trim_end_matches([',', '.']) == "UP")
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| PUBLISHER_WORDS.contains(&word))
}

/// A title closed by its edition: `Water and power (3rd ed.)` → ("Water and power", "3"),
/// `Urban water (Rev. ed.)` → ("Urban water", "Rev."), also `(2nd edn)`, `(2nd edition)`, and
/// IEEE's `The Nature of Rivers, 2nd ed.`.
fn edition(title: &str) -> Option<(&str, String)> {
    let title = title.trim_end();
    if let Some(open) = title.strip_suffix(')')
        && let Some((before, inside)) = open.rsplit_once('(')
        && let Some((edition, "")) = leading_edition(inside)
    {
        return Some((before.trim_end(), edition));
    }
    let (before, statement) = title.rsplit_once(", ")?;
    let (edition, rest) = leading_edition(statement)?;
    rest.is_empty().then(|| (before.trim_end(), edition))
}

/// An edition statement opening `text` (`2nd ed.`, `3rd edn`, `2nd edition`, `Rev. ed.`): the
/// edition as CSL's `edition` holds it (`2`; `Rev.`) and the text after the statement.
fn leading_edition(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let mut words = text.split_whitespace();
    let number = words.next()?;
    let word = words.next()?;
    let bare = word.trim_end_matches([',', ';']);
    if !["ed.", "ed", "edn", "edn.", "edition"].contains(&bare.to_lowercase().as_str()) {
        return None;
    }
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    let ordinal = ["st", "nd", "rd", "th"].contains(&number.get(digits.len()..).unwrap_or(""));
    let capitalised = number.chars().next().is_some_and(char::is_uppercase);
    let edition = if !digits.is_empty() && ordinal {
        digits
    } else if capitalised && number.ends_with('.') {
        number.to_owned()
    } else {
        return None;
    };
    let after_word = text.find(word).map_or(text.len(), |at| at + word.len());
    let rest = text.get(after_word..).unwrap_or_default();
    Some((edition, rest.trim_start_matches(['.', ',', ';', ' '])))
}

/// Reads `reference` as a book where it prints one as a journal article would be read: an
/// edition closing its title or standing where the journal would (`2nd edn.`), or opening what
/// was read as its publisher (`2nd ed. Oxford: Oxford University Press`), is its edition; a
/// "journal" that names a publisher (`Oxford University Press`, `Cambridge, UK: Cambridge
/// University Press`) in an entry without volume, issue or pages is its publisher and place.
pub(super) fn read_as_book(reference: &mut Reference) {
    let no_numbers =
        reference.volume.is_empty() && reference.issue.is_empty() && reference.page.is_empty();
    if !no_numbers {
        return;
    }
    let mut found = None;
    if let Some((title, edition)) = edition(&reference.title) {
        found = Some(edition);
        reference.title = title.to_owned();
    }
    let mut container = std::mem::take(&mut reference.container_title);
    for text in [&mut container, &mut reference.publisher] {
        if let Some((edition, rest)) = leading_edition(text) {
            found = Some(edition);
            *text = rest.to_owned();
        }
    }
    let container = container.trim();
    let (place, publisher) = place_colon_publisher(container).unwrap_or(("", container));
    // An edited book: its editors stand where its authors would.
    let edited = reference.author.is_empty() && !reference.editor.is_empty();
    let is_book = found.is_some()
        || edited
        || is_publisher(publisher)
        || !place.is_empty()
        || publisher_then_year(reference, container);
    if is_book && reference.publisher.is_empty() {
        place.clone_into(&mut reference.publisher_place);
        publisher
            .trim_end_matches('.')
            .clone_into(&mut reference.publisher);
    } else {
        container.clone_into(&mut reference.container_title);
    }
    if reference.publisher_place.is_empty()
        && let Some((place, publisher)) = place_colon_publisher(&reference.publisher)
    {
        let (place, publisher) = (place.to_owned(), publisher.to_owned());
        reference.publisher_place = place;
        reference.publisher = publisher;
    }
    if let Some(edition) = found {
        reference
            .extra
            .insert("edition".to_owned(), serde_json::Value::from(edition));
    }
}

/// Roles written after the names of an edited book's editors: APA's and Harvard's
/// `(Ed.)`/`(eds)`, German lists' `(Hrsg.)`, Vancouver's `, editors`, IEEE's `, Eds.`.
const EDITOR_ROLES: [&str; 18] = [
    "(Eds.)",
    "(Ed.)",
    "(eds.)",
    "(ed.)",
    "(Eds)",
    "(Ed)",
    "(eds)",
    "(ed)",
    "(Hrsg.)",
    "(Hg.)",
    "(editors)",
    "(editor)",
    ", editors",
    ", editor",
    ", Eds",
    ", eds",
    ", Ed",
    ", ed",
];

/// The authors' part of an entry (`Brown, K. (Ed.).`, `Green A, White B, editors.`,
/// `C. Black, Ed.,`) without the role saying its names are the editors of the book the entry
/// is, when it says so. `Smith, Ed.` (a person called Ed Smith) is no role: a singular `Ed`
/// after a comma is one only after a name printed given name first (`C. Black, Ed.`).
pub(super) fn without_editor_role(authors: &str) -> Option<&str> {
    let bare = authors.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','));
    EDITOR_ROLES.iter().find_map(|role| {
        let names = bare.strip_suffix(role)?;
        let singular_after_comma = matches!(*role, ", Ed" | ", ed");
        let before = names.rsplit(',').next().unwrap_or_default().trim();
        (!names.trim().is_empty() && (!singular_after_comma || before.contains(' ')))
            .then(|| names.trim_end())
    })
}

/// Reads the names of an entry's authors' part with `read` as its authors, or as its editors
/// when a role after them says they edited the book the entry is (`Brown, K. (Ed.).`); an
/// `et al.` among them closes the list as "et al." (`Lee, Anna, et al.`).
pub(super) fn set_creators(
    reference: &mut Reference,
    authors: &str,
    read: impl Fn(&str) -> Vec<CslName>,
) {
    let (part, names) = match without_editor_role(authors) {
        Some(editors) => (editors, &mut reference.editor),
        None => (authors, &mut reference.author),
    };
    *names = read(part);
    if names_et_al(part) && !names.is_empty() {
        names.push(CslName::et_al());
        et_al_last(names);
    }
}

/// Whether an entry's authors' part prints "et al." (`Lee, Anna, et al.`, `Aragón, T. et
/// al.`, `K. G. Mawuenyega et al.`).
fn names_et_al(authors: &str) -> bool {
    let words: Vec<&str> = authors
        .split([',', ' '])
        .filter(|word| !word.is_empty())
        .collect();
    words.windows(2).any(|pair| {
        matches!(pair, [et, al] if et.eq_ignore_ascii_case("et")
            && al.trim_end_matches('.').eq_ignore_ascii_case("al"))
    })
}

/// Whether the entry ends with what was read as its container and then its year alone, its
/// title unquoted: a book as MLA prints it, `Morrison, Toni. Beloved. Alfred A. Knopf, 1987.`,
/// whose publisher that is. A journal there prints its volume or pages, or quotes the
/// article's title.
fn publisher_then_year(reference: &Reference, container: &str) -> bool {
    let Some(printed) = reference.printed() else {
        return false;
    };
    let Some((before, year)) = printed.trim_end_matches('.').rsplit_once(", ") else {
        return false;
    };
    !container.is_empty()
        && !printed.contains(['"', '“'])
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && before.ends_with(container)
}

/// A chapter printed as MLA prints one: its quoted title, then its book, the book's publisher,
/// year and pages (`"Reflections on Exile." Reflections on Exile and Other Essays, Harvard
/// UP, 2000, pp. 173-86.`), read as a journal article in `Reflections on Exile and Other
/// Essays, Harvard UP`. The book is its container and the publisher its publisher; whether it
/// was one.
pub(super) fn read_book_and_publisher(reference: &mut Reference) -> bool {
    let quoted = reference
        .printed()
        .is_some_and(|printed| printed.contains(['"', '“']));
    if !quoted || !reference.publisher.is_empty() || reference.page.is_empty() {
        return false;
    }
    let Some((book, publisher)) = reference.container_title.rsplit_once(", ") else {
        return false;
    };
    if !is_publisher(publisher) || book.trim().is_empty() {
        return false;
    }
    let (book, publisher) = (book.trim().to_owned(), publisher.trim().to_owned());
    reference.container_title = book;
    reference.publisher = publisher;
    true
}

/// `Place: Publisher` (`London: Routledge`, `Cambridge, UK: Cambridge University Press`):
/// the place and the publisher, when what stands before the colon reads as a place.
fn place_colon_publisher(text: &str) -> Option<(&str, &str)> {
    let (place, publisher) = text.split_once(": ")?;
    let publisher = publisher.trim().trim_end_matches('.');
    (is_place(place) && !publisher.is_empty()).then(|| (place.trim(), publisher))
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

/// The CSL type of an entry read as `reference` from its printed text `raw`: a conference
/// paper (after `In`, proceedings or a conference, workshop or symposium, `Proc.` or
/// `Symp.`), a chapter (its book after `In`), a thesis, a journal article (a container is read), a book (its title in
/// italics, or a publisher), a web page (a link, no authors), else an article.
pub(super) fn item_type(
    reference: &Reference,
    raw: &str,
    chapter: bool,
    italic_title: bool,
) -> &'static str {
    let lower = raw.to_lowercase();
    let container = reference.container_title.to_lowercase();
    let proceedings = [
        "proceedings",
        "proc.",
        "conference",
        "workshop",
        "symposium",
        "symp.",
    ]
    .iter()
    .any(|word| container.contains(word));
    if chapter && proceedings {
        "paper-conference"
    } else if chapter {
        "chapter"
    } else if lower.contains("thesis") || lower.contains("dissertation") {
        "thesis"
    } else if !reference.container_title.is_empty() {
        "article-journal"
    } else if italic_title || !reference.publisher.is_empty() {
        "book"
    } else if !reference.url.is_empty() && reference.creators().is_empty() {
        "webpage"
    } else {
        "article"
    }
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

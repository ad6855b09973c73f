//! People's names as reference lists print them: `A. B. Surname`, `Surname AB` (Vancouver),
//! `Surname, A. B.` (APA), `Given Surname`; particles (`van der`) kept apart from the family
//! name, and "et al." never an author.

use crate::corpus::cite::initials;
use crate::corpus::model::CslName;
use crate::corpus::sentences::split_sentences;

/// Particles written before a family name (`van der Linde`).
pub(in crate::formats::paper) const PARTICLES: [&str; 18] = [
    "van", "der", "den", "de", "del", "della", "di", "da", "du", "von", "la", "las", "los", "le",
    "ten", "ter", "dos", "das",
];

/// Whether a word is an initial: `A.`, `S.-Y.`, `J`, `JE.` (capitals, at most three, with dots
/// or alone).
fn is_initial(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (1..=3).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-')
        && (word.contains('.') || letters == 1)
}

/// Whether `text` is a person's initials alone, written with full stops (`F.`, `E.-G.`,
/// `H. H.`): what ends an inverted name (`Slemr, F.`).
pub(super) fn is_dotted_initials(text: &str) -> bool {
    text.contains('.') && text.split_whitespace().all(is_initial) && !text.trim().is_empty()
}

/// Whether a word is a Vancouver run of initials: `AB`, `J`, `H-J` (capitals, no dots).
fn is_vancouver_initials(word: &str) -> bool {
    let letters = word.chars().filter(char::is_ascii_uppercase).count();
    (1..=3).contains(&letters)
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '-')
        && !word.starts_with('-')
        && !word.ends_with('-')
        && !word.contains("--")
}

/// Words that name a group of people as an author (`Breast International Group (BIG) 1-98
/// Collaborative Group`, `WHO Expert Committee`).
const GROUP_WORDS: [&str; 18] = [
    "Group",
    "Contributors",
    "Consortium",
    "Collaboration",
    "Collaborative",
    "Committee",
    "Investigators",
    "Society",
    "Association",
    "Organization",
    "Organisation",
    "Network",
    "Team",
    "Panel",
    "Council",
    "Alliance",
    "Agency",
    "Force",
];

/// Whether `word` is one groups of people are named with (`Team`, `Consortium`,
/// `Contributors`), as the last word of `R Core Team`.
pub(in crate::formats::paper) fn is_group_word(word: &str) -> bool {
    GROUP_WORDS.contains(&word.trim_matches(['(', ')', '.']))
}

/// Whether a piece of an entry is a group named as an author: at most ten words, written in
/// Title Case, one of them a word such groups are named with.
pub(super) fn is_group_name(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    // `Web Services Description Working Group [Internet]`: a title, by Vancouver's medium.
    !piece.contains('[')
        && (1..=10).contains(&words.len())
        && words
            .iter()
            .any(|w| GROUP_WORDS.contains(&w.trim_matches(['(', ')', '.'])))
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| !c.is_lowercase())
                || w.chars().filter(|c| c.is_alphabetic()).count() < 4
        })
        // A name is one sentence: `World Meteorological Organization. State of the Global
        // Climate. WMO` is the organisation, its report's title and its publisher.
        && split_sentences(piece).len() == 1
}

/// Whether a piece of an entry's author list is authors: a name or a group, and after a
/// semicolon any short group (`Senn HJ; Panel members`, as Vancouver lists end).
pub(super) fn is_author_piece(piece: &str) -> bool {
    let mut parts = piece.split(';');
    let first = parts.next().unwrap_or_default().trim();
    // `G. Molenberghs and M. G. Kenward`: IEEE joins two names with "and", without a comma.
    let two_names = first
        .split_once(" and ")
        .is_some_and(|(one, other)| is_name(one) && is_name(other));
    (is_name(first) || is_group_name(first) || two_names)
        && parts.all(|part| {
            let part = part.trim();
            is_name(part) || (1..=8).contains(&part.split_whitespace().count())
        })
}

/// Whether a word can be part of a family name: capitalised, or a particle; never a word a
/// colon ends (`P. Pastry: Scalable` is an initial and a title's first words).
fn is_family_word(word: &str) -> bool {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    ((capitalised && (word.chars().any(char::is_lowercase) || word.len() > 3))
        || PARTICLES.contains(&word))
        && !word.contains(':')
}

/// Whether `piece` and the text after its comma are a name printed family name first whose
/// family name is two words written out (`Peyton Jones, S.`, `Garcia Molina, H.`): the
/// text after the comma opens on an initial.
pub(super) fn is_two_word_family_name(piece: &str, after_comma: &str) -> bool {
    let piece = piece.trim().trim_start_matches("and ");
    let words: Vec<&str> = piece.split_whitespace().collect();
    words.len() == 2
        && words.iter().all(|word| is_written_out_name(word))
        && after_comma
            .split_whitespace()
            .next()
            .is_some_and(|word| is_dotted_initial(word.trim_end_matches([',', ':'])))
}

/// Whether a comma-separated piece of an entry is a person's name (or initials, or "et al.").
pub(super) fn is_name(piece: &str) -> bool {
    let piece = piece
        .trim()
        .trim_start_matches("and ")
        .trim_start_matches("& ");
    let mut words: Vec<&str> = piece.split_whitespace().collect();
    // `Anderson FA Jr`: Vancouver prints the suffix after the initials.
    if words.len() > 2 && words.last().is_some_and(|last| is_suffix(last)) {
        words.pop();
        return is_name(&words.join(" "));
    }
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if CslName::is_et_al_text(piece) || words.iter().all(|w| is_initial(w)) {
        return true;
    }
    let leading = words.iter().take_while(|w| is_initial(w)).count();
    if leading > 0 {
        // `R Core Team`: a group's name, not a person's.
        return words.get(leading..).is_some_and(|rest| {
            !rest.is_empty()
                && rest.len() <= 3
                && rest.iter().all(|w| is_family_word(w))
                && !rest.last().is_some_and(|w| GROUP_WORDS.contains(w))
        });
    }
    // `Carpentier Y.`, `Muñoz Caro G. M.`: dotted initials after the family name, as
    // astronomy's journals print a name.
    let trailing = words.iter().rev().take_while(|w| is_initial(w)).count();
    if trailing > 0
        && let Some(family) = words.get(..words.len() - trailing)
        && (1..=3).contains(&family.len())
    {
        return family.iter().all(|w| is_family_word(w));
    }
    match words.split_last() {
        Some((last, family)) if is_vancouver_initials(last) => {
            !family.is_empty() && family.iter().all(|w| is_family_word(w))
        }
        // `van Velthoven`, `de la Cruz`, `Van Heyst`: a family name opening with its particle.
        Some((last, family))
            if family
                .first()
                .is_some_and(|w| PARTICLES.contains(&w.to_lowercase().as_str())) =>
        {
            family.len() <= 3
                && family.iter().all(|w| is_family_word(w))
                && last.chars().next().is_some_and(char::is_uppercase)
                && is_family_word(last)
        }
        _ => words.len() == 1 && is_family_word(piece),
    }
}

/// Whether a word is written out as a name is: a capital, then lower-case letters, perhaps
/// joined by a hyphen or an apostrophe (`Lipscomb`, `Hsu-Han`, `N'Goran`, `Learned-Miller`),
/// an accent perhaps printed as a mark of its own after its letter, as a PDF's text has it
/// (`Megı́as`).
pub(in crate::formats::paper) fn is_written_out_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’') || is_accent(c))
}

/// Whether `c` is an accent a name's letter carries: a combining one, or one a PDF's text
/// prints beside its letter (`J˛edrzej`, `Mu¨ller`, `Pe´rez`).
pub(super) fn is_accent(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{2c6}'..='\u{2dd}' | '¨' | '´' | '¸')
}

/// Words that name an organisation and rarely a person, beside [`GROUP_WORDS`]: an author
/// named with one is not read as a person's name written given name first, unless an initial
/// stands in it (`William H. Press`).
const ORGANISATION_WORDS: [&str; 33] = [
    "Bank",
    "Board",
    "Bureau",
    "Center",
    "Centre",
    "Commission",
    "Company",
    "Corporation",
    "Department",
    "Foundation",
    "Fund",
    "Inc",
    "Institute",
    "International",
    "Laboratories",
    "Laboratory",
    "Labs",
    "Ltd",
    "Ministry",
    "Nations",
    "Office",
    "Press",
    "Program",
    "Programme",
    "Project",
    "Research",
    "Service",
    "Services",
    "Statistics",
    "Trust",
    "Union",
    "University",
    "Watch",
];

/// Whether `piece` is an organisation's name: Title Case words (and `of`, `for`, `and`,
/// `the`), one of them a word organisations are named with, no initial among them
/// (`Department of Health`, `European Commission`).
pub(super) fn is_organisation_name(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    (1..=12).contains(&words.len())
        && words.iter().any(|w| ORGANISATION_WORDS.contains(w))
        && !words.iter().any(|w| is_initial(w))
        && words
            .iter()
            .all(|w| is_written_out_name(w) || ["of", "for", "and", "the", "on"].contains(w))
}

/// Whether `piece` is one person's name written given name first, as ACL and many
/// author–date lists print it: a given name written out, a family name written out, and
/// between them initials, particles or more names (`Carolyn E Lipscomb`, `Jimmy J. Lin`,
/// `Laurens van der Maaten`, `Jey Han Lau`). Unless `words_only_will_do`, an initial or a
/// particle must stand between them: `Quoc Le` alone could as well be an organisation's name
/// (`Statistics Canada`).
pub(in crate::formats::paper) fn is_given_first_name(
    piece: &str,
    words_only_will_do: bool,
) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let [first, middle @ .., last] = words.as_slice() else {
        return false;
    };
    let initial_between = middle.iter().any(|w| is_initial(w));
    words.len() <= 4
        && !is_group_name(piece)
        && (initial_between || !words.iter().any(|w| ORGANISATION_WORDS.contains(w)))
        && is_written_out_name(first)
        && is_written_out_name(last)
        && middle.iter().all(|w| {
            is_initial(w)
                || PARTICLES.contains(w)
                || is_written_out_name(w)
                || (w.len() <= 3 && is_vancouver_initials(w))
        })
        && (words_only_will_do || initial_between || middle.iter().any(|w| PARTICLES.contains(w)))
}

/// Whether `piece` is one person's name written with initials first, as a list printing
/// its people given name first prints some of them (`M. Qadir`, `C. Lawrence Zitnick`,
/// `J.-L. Meunier`): an initial, perhaps more initials or names, and a family name written out.
fn is_initials_first_name(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let [first, middle @ .., last] = words.as_slice() else {
        return false;
    };
    words.len() <= 4
        && is_initial(first)
        && first.contains('.')
        && is_written_out_name(last)
        && middle
            .iter()
            .all(|w| is_initial(w) || PARTICLES.contains(w) || is_written_out_name(w))
}

/// The authors' part of an entry that prints its people given name first, separated by
/// commas, as ACM's, CVPR's and many computing conferences' lists do (`Max Göbel, Tamir Hassan, and Giorgio
/// Orsi. Icdar 2013 table competition. In …`), and the rest: the names up to the full stop
/// that ends the last of them (not one ending an initial, `Ross B. Girshick`). At least two
/// names, each a given name, perhaps initials, and a family name written out, or initials
/// and a family name (`M. Qadir`) beside such names or in a list whose last name follows
/// `and` (`S. An, W. Liu, and S. Venkatesh.`); a list may end `et al.`, left out of the
/// names. `None` otherwise.
///
/// With `one_will_do` (a list printing its people so), one name alone is authors too when an
/// initial stands in it: `John W. Backus.`, `G. Booch.`, `C. A. R. Hoare.` (alone, `Jones C.`
/// is as well Vancouver's surname and initial before a one-word title).
pub(super) fn given_first_authors(text: &str, one_will_do: bool) -> Option<(&str, &str)> {
    /// How far into an entry its authors' full stop is looked for, in bytes.
    const LONGEST_AUTHORS: usize = 400;
    let mut from = 0;
    while let Some(found) = text.get(from..)?.find(". ") {
        let at = from + found;
        let names = text.get(..at)?;
        let mut pieces: Vec<&str> = names.split(',').map(str::trim).collect();
        // `…, Michael Isard, et al.`: the names printed before the others left out.
        if pieces.len() > 2 && pieces.last().is_some_and(|last| *last == "et al") {
            pieces.pop();
        }
        let last = pieces.len().saturating_sub(1);
        // `Connor Shorten and Taghi M. Khoshgoftaar.`: two names, no comma.
        let people = if pieces.len() < 2 {
            (names.contains(" and ") && is_given_first_people(names))
                || (one_will_do
                    && (is_initials_first_name(names) || is_given_first_name(names, false)))
        } else {
            pieces.iter().enumerate().all(|(position, piece)| {
                let name = if position == last {
                    piece.strip_prefix("and ").unwrap_or(piece)
                } else {
                    piece
                };
                is_given_first_name(name, true) || is_initials_first_name(name)
            }) && (pieces.iter().any(|piece| is_given_first_name(piece, true))
                // CVPR's `S. An, W. Liu, and S. Venkatesh.`: initials first, the last after `and`.
                || pieces.last().is_some_and(|piece| piece.starts_with("and ")))
        };
        if people {
            let names = names.strip_suffix(", et al").unwrap_or(names);
            return Some((names, text.get(at + 1..)?));
        }
        // Only a full stop ending an initial (`Ross B.`) may stand inside the names.
        let initial = names.rsplit(' ').next().is_some_and(is_initial);
        from = at + 2;
        if !initial || from > LONGEST_AUTHORS {
            break;
        }
    }
    None
}

/// Whether an author list without commas is one or two people named given name first
/// (`Carolyn E Lipscomb`, `Diederik P. Kingma and Jimmy Ba`, `Quoc Le and Tomas Mikolov`,
/// `M. Richardson and P. Domingos`), not an organisation (`Statistics Canada`, `Food and
/// Agriculture Organization`).
pub(super) fn is_given_first_people(authors: &str) -> bool {
    let person = |name: &str| is_given_first_name(name, true) || is_initials_first_name(name);
    match authors.split(" and ").collect::<Vec<_>>().as_slice() {
        [one] => is_given_first_name(one, false),
        [first, second] => person(first) && person(second),
        _ => false,
    }
}

/// A family name with its particle split off: `van der Linde` → (`van der`, `Linde`).
pub(super) fn family_with_particle(words: &[&str]) -> (String, String) {
    let particles = words
        .iter()
        .take_while(|w| PARTICLES.contains(w))
        .count()
        .min(words.len().saturating_sub(1));
    (
        words.get(..particles).unwrap_or_default().join(" "),
        words.get(particles..).unwrap_or_default().join(" "),
    )
}

/// Given names with the particle Chicago prints after them split off: `José R. de la` →
/// (`José R.`, `de la`); a lone particle stays the given names.
pub(super) fn given_with_particle<'w, 's>(words: &'s [&'w str]) -> (&'s [&'w str], &'s [&'w str]) {
    let particles = words
        .iter()
        .rev()
        .take_while(|w| PARTICLES.contains(w))
        .count()
        .min(words.len().saturating_sub(1));
    words.split_at(words.len() - particles)
}

/// Whether `line` opens on an author's name as a reference list prints it: `Wang, M., Liu, R.`,
/// `Rhaleb, N. E. and`, `Zimmermann MB, Hurrell RF.`, `A. B. Smith, C. Jones`, `Cochran WG.`,
/// `Kinney TB:`.
pub(super) fn opens_with_author(line: &str) -> bool {
    // `Cochran WG. The combination…`, `Streiff MB: Vena caval filters…`: one author,
    // Vancouver's initials, then the title.
    let vancouver = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        words.len() >= 2
            && words.last().is_some_and(|last| is_vancouver_initials(last))
            && is_name(name)
    };
    let sole_vancouver = [". ", ": "].iter().any(|stop| {
        line.split_once(stop)
            .is_some_and(|(name, _)| vancouver(name))
    });
    let mut pieces = line.split(',');
    let (Some(first), Some(second)) = (pieces.next(), pieces.next()) else {
        return sole_vancouver;
    };
    if sole_vancouver {
        return true;
    }
    let first = first.trim();
    let initials: Vec<&str> = second
        .split_whitespace()
        .take_while(|word| !["and", "&"].contains(word))
        .collect();
    let second_initials = !initials.is_empty() && initials.iter().all(|word| is_initial(word));
    first.starts_with(char::is_uppercase)
        && is_name(first)
        && (first.split_whitespace().count() > 1 || second_initials)
}

/// Whether `word` is one capital and a full stop (`D.`): an initial as citations and entries
/// print it.
pub(super) fn is_dotted_initial(word: &str) -> bool {
    word.len() == 2 && word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.')
}

/// One name: `A. B. Surname`, `J Ben Surname` (a middle name written out), `Surname AB`,
/// `Given Surname`, `Surname`.
fn name(piece: &str) -> CslName {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let leading = words.iter().take_while(|w| is_initial(w)).count();
    let after_initials = words.get(leading..).unwrap_or_default();
    // `D. De Angelis`, `E. Van Cutsem`: a particle written with a capital starts the family
    // name (as `De Angelis D` has it).
    let capital_particle = after_initials
        .first()
        .is_some_and(|w| PARTICLES.contains(&w.to_lowercase().as_str()));
    let (given, family_words): (String, &[&str]) = if leading > 0
        && after_initials.len() > 1
        && !capital_particle
        && after_initials.iter().all(|w| is_written_out_name(w))
        && let Some((last, middle)) = after_initials.split_last()
    {
        // `K. Bretonnel Cohen`: given names run on after the initials, as in `Jey Han Lau`.
        let given: Vec<&str> = words.iter().take(leading).chain(middle).copied().collect();
        (given.join(" "), std::slice::from_ref(last))
    } else if leading > 0 && leading < words.len() {
        (
            words.get(..leading).unwrap_or_default().join(" "),
            words.get(leading..).unwrap_or_default(),
        )
    } else if let Some(given_at) = trailing_initials(&words) {
        // `Morrison N. A.`, `Muñoz Caro G. M.`: the family name, then dotted initials, as
        // astronomy's journals print a name.
        let given: Vec<String> = words
            .get(given_at..)
            .unwrap_or_default()
            .iter()
            .map(|word| {
                if word.ends_with('.') {
                    (*word).to_owned()
                } else {
                    format!("{word}.")
                }
            })
            .collect();
        (given.join(" "), words.get(..given_at).unwrap_or_default())
    } else if let Some((last, family)) = words.split_last()
        && is_vancouver_initials(last)
        && !family.is_empty()
    {
        (initials(last).unwrap_or_else(|| (*last).to_owned()), family)
    } else if words.len() > 1 {
        let family_start = words
            .iter()
            .position(|w| PARTICLES.contains(w))
            .unwrap_or(words.len() - 1)
            .max(1);
        (
            words.get(..family_start).unwrap_or_default().join(" "),
            words.get(family_start..).unwrap_or_default(),
        )
    } else {
        (String::new(), &words[..])
    };
    let (particle, family) = family_with_particle(family_words);
    CslName {
        family,
        given,
        non_dropping_particle: particle,
        ..CslName::default()
    }
}

/// Where the initials end a name printed family name first without a comma (`Morrison N. A`,
/// its last stop already trimmed): two or more initials after at least one other word.
fn trailing_initials(words: &[&str]) -> Option<usize> {
    let count = words
        .iter()
        .rev()
        .take_while(|word| is_initial(word) || is_initial(&format!("{word}.")))
        .count();
    (count >= 2 && count < words.len()).then(|| words.len() - count)
}

/// The names of an author list: `A. B. Surname, C. Name, and D. Name`, `Surname, A., Surname,
/// B.`, `Surname AB, Surname C`; "et al." is left out (an entry's reader closes the list with
/// it, `book::set_creators`).
pub(super) fn names(text: &str) -> Vec<CslName> {
    let mut out = Vec::new();
    for (position, segment) in text.split(';').enumerate() {
        let segment = segment.trim();
        // Vancouver's `…, Senn HJ; Panel members`: a group after the people.
        let people = segment.split(',').any(|piece| is_name(piece.trim()));
        if position > 0 && !people && !segment.is_empty() {
            out.push(literal(segment));
        } else {
            out.extend(people_names(segment));
        }
    }
    out
}

/// A group named as an author, as printed.
fn literal(group: &str) -> CslName {
    CslName {
        literal: group.trim().trim_end_matches('.').trim().to_owned(),
        ..CslName::default()
    }
}

/// The people (and groups) of an author list without semicolons.
fn people_names(text: &str) -> Vec<CslName> {
    // `United Nations Department of Economic and Social Affairs`: its "and" joins no names.
    let whole = text.trim().trim_end_matches([',', '.']);
    if !whole.contains(',') && is_organisation_name(whole) {
        return vec![literal(whole)];
    }
    // `K. G. Mawuenyega et al.`: "et al." straight after a name, as IEEE prints it.
    let text = text
        .replace(", and ", ", ")
        .replace(" and ", ", ")
        .replace(" & ", ", ")
        .replace(" et al", ", et al");
    // `Anderson FA Jr`: the suffix Vancouver prints after the initials is a piece of its own.
    let pieces: Vec<&str> = text
        .split(',')
        .map(|p| p.trim().trim_end_matches('.').trim())
        .filter(|p| !p.is_empty())
        .flat_map(|piece| match piece.rsplit_once(' ') {
            Some((name, suffix)) if name.contains(' ') && is_suffix(suffix) => vec![name, suffix],
            _ => vec![piece],
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(piece) = pieces.get(i) {
        // The initials after a family name, and the particle Chicago prints after them
        // (`Sighem, A. I. van`).
        let (next_initials, next_particle) =
            pieces.get(i + 1).map_or((None, String::new()), |next| {
                let words: Vec<&str> = next.split_whitespace().collect();
                let (initials, particle) = given_with_particle(&words);
                let all_initials = !initials.is_empty()
                    && initials
                        .iter()
                        .all(|w| is_initial(w) || is_initial(&format!("{w}.")));
                (all_initials.then(|| initials.join(" ")), particle.join(" "))
            });
        let next_is_initials = next_initials.is_some();
        let piece_has_initials = piece.split_whitespace().any(is_initial);
        if CslName::is_et_al_text(piece) {
            i += 1;
            continue;
        }
        if !is_name(piece) && (is_group_name(piece) || is_organisation_name(piece)) {
            out.push(literal(piece));
            i += 1;
            continue;
        }
        let mut name = if next_is_initials && !piece_has_initials {
            i += 1;
            let given = next_initials.map(|g| format!("{g}.")).unwrap_or_default();
            let words: Vec<&str> = piece.split_whitespace().collect();
            let (particle, family) = family_with_particle(&words);
            CslName {
                family,
                given: given.replace("..", "."),
                non_dropping_particle: if particle.is_empty() {
                    next_particle
                } else {
                    particle
                },
                ..CslName::default()
            }
        } else {
            name(piece)
        };
        i += 1;
        // `Plankett, G., III`, `Ruffin, M. T., 4th`: the suffix after the name is its own.
        if let Some(suffix) = pieces.get(i).filter(|piece| is_suffix(piece)) {
            suffix.trim_end_matches('.').clone_into(&mut name.suffix);
            i += 1;
        }
        if !name.is_et_al() && !name.family.is_empty() {
            out.push(name);
        }
    }
    out
}

/// Whether `piece` of an author list is a suffix printed after a name: `Jr.`, `Sr`, `II`,
/// `III`, `IV`, or an ordinal (`4th`).
pub(super) fn is_suffix(piece: &str) -> bool {
    let bare = piece.trim().trim_end_matches('.');
    let ordinal = bare.len() > 2
        && bare.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|ending| {
            bare.strip_suffix(ending)
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        });
    ordinal || ["Jr", "Sr", "Jnr", "Snr", "II", "III", "IV"].contains(&bare)
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn parts(names: &[CslName]) -> Vec<(String, String, String)> {
        names
            .iter()
            .map(|n| {
                (
                    n.given.clone(),
                    n.non_dropping_particle.clone(),
                    n.family.clone(),
                )
            })
            .collect()
    }

    fn part(given: &str, particle: &str, family: &str) -> (String, String, String) {
        (given.into(), particle.into(), family.into())
    }

    #[test]
    fn astronomy_prints_initials_after_the_family_name_without_a_comma() {
        assert_eq!(
            parts(&names(
                "Adamopoulos G., Morrison N. A., Muñoz Caro G. M., Carpentier Y., et al."
            )),
            [
                part("G.", "", "Adamopoulos"),
                part("N. A.", "", "Morrison"),
                part("G. M.", "", "Muñoz Caro"),
                part("Y.", "", "Carpentier"),
            ]
        );
        assert!(is_name("Carpentier Y."));
        assert!(is_name("Muñoz Caro G. M."));
        assert!(!is_name("Office of Research N. A."));
    }

    #[test]
    fn every_printed_form_of_a_name_list_is_split() {
        assert_eq!(
            parts(&names(
                "J. Latham-Sprinkle, S.-Y. Cho, and C. van der Linde"
            )),
            [
                part("J.", "", "Latham-Sprinkle"),
                part("S.-Y.", "", "Cho"),
                part("C.", "van der", "Linde"),
            ]
        );
        assert_eq!(
            parts(&names("Smith, J. A., & de Souza, B.")),
            [part("J. A.", "", "Smith"), part("B.", "de", "Souza")]
        );
        assert_eq!(
            parts(&names("Okonkwo CN, Hale R, et al")),
            [part("C. N.", "", "Okonkwo"), part("R.", "", "Hale")]
        );
        assert_eq!(
            parts(&names("Ludwig van Beethoven and Ada Lovelace")),
            [
                part("Ludwig", "van", "Beethoven"),
                part("Ada", "", "Lovelace")
            ]
        );
        // A middle name written out after an initial is given, as ACL lists print it.
        assert_eq!(
            parts(&names(
                "J Ben Schafer, K. Bretonnel Cohen and W. B. van Dyke"
            )),
            [
                part("J Ben", "", "Schafer"),
                part("K. Bretonnel", "", "Cohen"),
                part("W. B.", "van", "Dyke"),
            ]
        );
    }

    #[test]
    fn name_pieces_are_told_from_titles() {
        for yes in [
            "A. B. Smith",
            "Smith AB",
            "et al.",
            "J. A.",
            "Smith",
            "C. van der Linde",
        ] {
            assert!(is_name(yes), "{yes}");
        }
        for no in ["After hegemony: Cooperation and discord", "the world", ""] {
            assert!(!is_name(no), "{no}");
        }
    }

    #[test]
    fn groups_and_hyphenated_initials_are_authors() {
        let names = names(
            "Breast International Group (BIG) 1-98 Collaborative Group, Thürlimann B, \
             Senn H-J; Panel members",
        );
        let printed: Vec<(&str, &str, &str)> = names
            .iter()
            .map(|n| (n.literal.as_str(), n.given.as_str(), n.family.as_str()))
            .collect();
        assert_eq!(
            printed,
            [
                (
                    "Breast International Group (BIG) 1-98 Collaborative Group",
                    "",
                    ""
                ),
                ("", "B.", "Thürlimann"),
                ("", "H.-J.", "Senn"),
                ("Panel members", "", "")
            ]
        );
        assert!(is_author_piece("Senn HJ; Panel members"));
        assert!(!is_author_piece("Working memory in children"));
        assert!(!is_group_name("A study of group work"));
    }
}

//! Family names a reference list prints in capitals, as Brazil's ABNT standard and some other
//! styles have them (`MENDES, E. G.`, `OLIVEIRA-FILHO`, `SOUZA E SILVA`), written in the name's
//! own case (`Mendes`, `Oliveira-Filho`, `Souza e Silva`), so that every citation style prints
//! them as it prints any other name. The entry as printed keeps its capitals.

use super::plain::PARTICLES;
use crate::corpus::model::{CslName, Reference};

/// Words that join the parts of a family name, besides its particles ([`PARTICLES`]), written
/// in small letters after its first word (`Souza e Silva`, `García y Pérez`, `Pinto do Amaral`).
const JOINING_WORDS: [&str; 3] = ["e", "y", "do"];

/// Every author's and editor's family name written in capitals, in its own case, when the
/// list prints its names so: most works a person wrote have their first author's family name in
/// capitals (a list that has a few, `Pagon RA` read with `RA` as the family name, is left as
/// it is). A name without a given name (`UNESCO`, `IBGE`) may be an organisation's and is left
/// as it is.
pub(super) fn family_names_in_their_own_case(references: &mut [Reference]) {
    let first_authors = references.iter().filter_map(|r| r.author.first());
    let (people, in_capitals) = first_authors.fold((0, 0), |(people, in_capitals), name| {
        if name.given.trim().is_empty() || name.family.trim().is_empty() {
            (people, in_capitals)
        } else {
            (
                people + 1,
                in_capitals + usize::from(own_case(name).is_some()),
            )
        }
    });
    if in_capitals * 2 <= people {
        return;
    }
    for reference in references {
        for name in reference
            .author
            .iter_mut()
            .chain(reference.editor.iter_mut())
        {
            if let Some(family) = own_case(name) {
                name.family = family;
            }
        }
    }
}

/// `name`'s family name in its own case, when it is a person's written in capitals.
fn own_case(name: &CslName) -> Option<String> {
    let family = name.family.trim();
    let letters = family.chars().filter(|c| c.is_alphabetic()).count();
    let in_capitals = letters >= 2 && !family.chars().any(char::is_lowercase);
    if !in_capitals || name.given.trim().is_empty() || !name.literal.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(family.len());
    for (position, word) in family.split(' ').enumerate() {
        if position > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        let small = PARTICLES.contains(&lower.as_str()) || JOINING_WORDS.contains(&lower.as_str());
        if position > 0 && small {
            out.push_str(&lower);
        } else if is_roman_numeral(word) {
            out.push_str(word);
        } else {
            capitalise_parts(word, &mut out);
        }
    }
    Some(out)
}

/// `word` with each part between hyphens and apostrophes capitalised (`D'Ávila`,
/// `Oliveira-Filho`), a Scottish `Mc` too (`McDonald`).
pub(super) fn capitalise_parts(word: &str, out: &mut String) {
    let mut start_of_part = true;
    let mut after_mc = 0;
    for c in word.chars() {
        if start_of_part || after_mc == 2 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        after_mc = match (after_mc, c) {
            (0, 'M') if start_of_part => 1,
            (1, 'C') => 2,
            _ => 3,
        };
        start_of_part = matches!(c, '-' | '\'' | '’');
        if start_of_part {
            after_mc = 0;
        }
    }
}

/// Whether `word` is a Roman numeral that may close a name (`II`, `III`, `IV`).
fn is_roman_numeral(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(family: &str, given: &str) -> CslName {
        CslName {
            family: family.to_owned(),
            given: given.to_owned(),
            ..CslName::default()
        }
    }

    #[test]
    fn family_names_printed_in_capitals_are_written_in_their_own_case() {
        let mut references = vec![Reference {
            id: "B1".to_owned(),
            author: vec![
                person("MENDES", "E. G"),
                person("OLIVEIRA-FILHO", "A. T."),
                person("SOUZA E SILVA", "J."),
                person("PINTO DA COSTA", "J."),
                person("ACOSTA PEREIRA", "R."),
                person("D'ÁVILA", "M."),
                person("MCDONALD", "K."),
                person("MACEDO", "L."),
                person("NG", "A"),
                person("Kingma", "D. P."),
                person("van der Linde", "C."),
                person("UNESCO", ""),
            ],
            editor: vec![person("BRAIT", "Beth")],
            ..Reference::default()
        }];
        family_names_in_their_own_case(&mut references);
        let families: Vec<&str> = references
            .iter()
            .flat_map(|r| r.author.iter().chain(&r.editor))
            .map(|name| name.family.as_str())
            .collect();
        assert_eq!(
            families,
            [
                "Mendes",
                "Oliveira-Filho",
                "Souza e Silva",
                "Pinto da Costa",
                "Acosta Pereira",
                "D'Ávila",
                "McDonald",
                "Macedo",
                "Ng",
                "Kingma",
                "van der Linde",
                "UNESCO",
                "Brait"
            ]
        );
    }

    #[test]
    fn a_list_that_prints_its_names_in_their_own_case_is_left_as_it_is() {
        // eLife's markup with a name's parts swapped: `RA` is Pagon's initials.
        let work = |family: &str, given: &str| Reference {
            author: vec![person(family, given)],
            ..Reference::default()
        };
        let mut references = vec![work("RA", "Pagon"), work("Smith", "J."), work("Lee", "K.")];
        family_names_in_their_own_case(&mut references);
        assert_eq!(
            references.first().map(|r| r.author[0].family.as_str()),
            Some("RA")
        );
        let mut references = vec![work("MENDES", "E."), work("SILVA", "J."), work("Lee", "K.")];
        family_names_in_their_own_case(&mut references);
        let families: Vec<&str> = references
            .iter()
            .map(|r| r.author[0].family.as_str())
            .collect();
        assert_eq!(families, ["Mendes", "Silva", "Lee"]);
    }

    #[test]
    fn a_numeral_closing_a_name_and_an_organisation_keep_their_capitals() {
        let mut with_numeral = person("SMITH III", "J.");
        with_numeral.family = own_case(&with_numeral).unwrap_or_default();
        assert_eq!(with_numeral.family, "Smith III");
        let organisation = CslName {
            literal: "IBGE".to_owned(),
            ..CslName::default()
        };
        assert_eq!(own_case(&organisation), None);
        assert_eq!(
            own_case(&person("Ñ", "A.")),
            None,
            "one letter is an initial"
        );
    }
}

//! Accents a PDF's text prints as marks of their own beside their letters (`Mart´ın`, `Andr´e`,
//! `Gon¸calo`, `Mu¨ller`, `Pe´rez`), as `pdftotext` and PDF-to-Markdown converters give them,
//! put back on their letters (`Martín`, `André`, `Gonçalo`, `Müller`, `Pérez`).

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization as _;

/// The combining mark a spacing accent stands for.
fn combining(accent: char) -> Option<char> {
    Some(match accent {
        '´' => '\u{301}',
        '¨' => '\u{308}',
        '¸' => '\u{327}',
        '˜' => '\u{303}',
        'ˆ' => '\u{302}',
        'ˇ' => '\u{30c}',
        '˘' => '\u{306}',
        '˛' => '\u{328}',
        '˚' => '\u{30a}',
        '˙' => '\u{307}',
        '˝' => '\u{30b}',
        '¯' => '\u{304}',
        _ => return None,
    })
}

/// The letters a mark is most often on: vowels for most, `ç`, `ş` for a cedilla, `č`, `ř`,
/// `ž` for a caron, `ñ` for a tilde.
fn usually_carries(letter: char, mark: char) -> bool {
    let lower = letter.to_lowercase().next().unwrap_or(letter);
    let vowel = "aeiouyı".contains(lower);
    match mark {
        '\u{327}' => "cstg".contains(lower),
        '\u{30c}' => "cszrendtlg".contains(lower),
        '\u{303}' => vowel || lower == 'n',
        '\u{307}' => "zegci".contains(lower),
        _ => vowel,
    }
}

/// `letter` with `mark` on it as one character, when Unicode has one (`ı` written as `i`).
fn composed(letter: char, mark: char) -> Option<char> {
    let base = if letter == 'ı' { 'i' } else { letter };
    let mut chars = [base, mark].into_iter().nfc();
    let first = chars.next()?;
    (chars.next().is_none() && first != base).then_some(first)
}

/// `text` with each spacing accent beside a letter that usually carries it (see
/// [`usually_carries`]) put on that letter, the one after it when both could (a LaTeX PDF
/// prints the accent first); a dotless `ı` carrying a combining accent
/// (`Megı́as`) written as `í`. Text without such accents is returned as it is.
#[must_use]
pub(super) fn with_accents_on_letters(text: &str) -> Cow<'_, str> {
    let has_spacing = text.chars().any(|c| combining(c).is_some());
    if !has_spacing && !text.contains('ı') {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut skip_next = false;
    for (at, &c) in chars.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        // `Megı́as`: a dotless `ı` carrying a combining accent is an `i` with it.
        if c == 'ı'
            && let Some(&mark) = chars
                .get(at + 1)
                .filter(|m| ('\u{300}'..='\u{36f}').contains(*m))
        {
            match composed('i', mark) {
                Some(letter) => {
                    out.push(letter);
                    skip_next = true;
                }
                None => out.push('i'),
            }
            continue;
        }
        let Some(mark) = combining(c) else {
            out.push(c);
            continue;
        };
        // Only a letter that usually carries the mark takes it: `don´t` and `it´s` (an
        // apostrophe typed as an accent) stay as written.
        let carrying = |letter: Option<char>| {
            letter
                .filter(|&letter| letter.is_alphabetic() && usually_carries(letter, mark))
                .and_then(|letter| composed(letter, mark))
        };
        if let Some(letter) = carrying(chars.get(at + 1).copied()) {
            out.push(letter);
            skip_next = true;
        } else if let Some(letter) = carrying(out.chars().next_back()) {
            out.pop();
            out.push(letter);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::with_accents_on_letters;

    #[test]
    fn accents_beside_their_letters_are_put_on_them() {
        for (printed, meant) in [
            ("Mart´ın Abadi", "Martín Abadi"),
            ("Andr´e FT Martins", "André FT Martins"),
            ("Gon¸calo M Correia", "Gonçalo M Correia"),
            ("Mu¨ller and Pe´rez", "Müller and Pérez"),
            ("´Eric Moulines", "Éric Moulines"),
            ("J˛edrzej", "Jędrzej"),
            ("Megı́as", "Megías"),
            ("Dvoˇr´ak", "Dvořák"),
        ] {
            assert_eq!(with_accents_on_letters(printed), meant, "{printed}");
        }
    }

    #[test]
    fn text_without_accents_beside_letters_is_as_it_was() {
        for text in [
            "plain text",
            "a prime x´ + 1",
            "the ¨ alone",
            "İstanbul and ı alone",
            "don´t say it´s so",
        ] {
            assert_eq!(with_accents_on_letters(text), text);
        }
    }
}

//! In-text citations of an author–page paper (MLA), whose list (its Works Cited) prints no year
//! after the names: `(Black 23)`, `(Green and White 104–06)`, `(Lee et al. 7)`, `(Morrison)`,
//! `(qtd. in Said 175; Black 40)`, and a page alone after the author's name in its sentence,
//! `Black argues that … (23)`. Without a year, the authors alone must name exactly one work of
//! the list, or with the short title MLA adds for one author's works, `(Morrison, Beloved 45)`.

use super::author_year::{Found, Works, authors, first_name_at, year_position};
use super::dated::year_token;
use crate::corpus::sentences::split_sentences;

/// How far back in its sentence a page alone looks for its author's name, in bytes.
const MAX_LOOK_BACK: usize = 300;

/// Words a citation's place may hold besides its numbers: `p. 4`, `pp. 4–6`, `par. 12`,
/// `ch. 3`, `sec. 2`, `l. 7`, `ll. 7–9`, `lines 7–9`.
const PLACE_WORDS: [&str; 12] = [
    "p.", "pp.", "par.", "pars.", "para.", "ch.", "sec.", "l.", "ll.", "line", "lines", "at",
];

/// The citations of one parenthesis holding no year, `inner` starting at byte `offset` of
/// `text`, added to `found`: each `;` part naming one work by its authors (a page after them or
/// not), or a page alone whose authors the sentence names before the parenthesis.
pub(super) fn parenthetical(
    text: &str,
    offset: usize,
    inner: &str,
    works: &Works,
    found: &mut Vec<Found>,
) {
    let mut part_start = 0;
    for part in inner.split(';') {
        let part_offset = offset + part_start;
        part_start += part.len() + 1;
        // A part with a year is an author–date citation's, read elsewhere.
        let starts_with_year = year_token(part.trim_start()).is_some();
        if part.trim().is_empty() || starts_with_year || year_position(part).is_some() {
            continue;
        }
        let (names, place) = split_place(part);
        if names.trim().is_empty() {
            // `(23)` after `Black argues …`: the sentence names the work.
            let alone = !place.is_empty() && !inner.contains(';');
            let before = text.get(..offset.saturating_sub(1)).unwrap_or_default();
            if alone && let Some(key) = named_in_sentence(before, works) {
                let start = part.len() - part.trim_start().len();
                let end = part.trim_end().len();
                found.push(Found {
                    range: part_offset + start..part_offset + end,
                    keys: vec![key],
                });
            }
            continue;
        }
        let Some(start) = first_name_at(names) else {
            continue;
        };
        let names = names.get(start..).unwrap_or_default();
        let Some(key) = authors(names)
            .and_then(|authors| works.resolve_without_year(&authors))
            .or_else(|| by_short_title(names, works))
        else {
            continue;
        };
        found.push(Found {
            range: part_offset + start..part_offset + part.trim_end().len(),
            keys: vec![key.to_owned()],
        });
    }
}

/// The work a citation names by its author and a short title, as MLA tells one author's works
/// apart: `Morrison, Beloved`, `Morrison, "Recitatif"`.
fn by_short_title<'w>(names: &str, works: &'w Works) -> Option<&'w str> {
    let (author, title) = names.split_once(", ")?;
    let title = title
        .trim()
        .trim_matches(['"', '“', '”', '\'', '‘', '’', ',', '.']);
    works.resolve_by_title(&authors(author)?, title)
}

/// `part` split before the place it cites (`Green and White 104–06` → `Green and White`,
/// `104–06`; `Black, p. 23`; `Hamlet 3.1.56`): the numbers, ranges and place words ending it.
fn split_place(part: &str) -> (&str, &str) {
    let trimmed = part.trim_end();
    let mut cut = trimmed.len();
    for (at, word) in word_starts(trimmed).into_iter().rev() {
        let bare = word.trim_end_matches(',');
        let is_place = is_place_number(bare) || PLACE_WORDS.contains(&bare);
        if !is_place {
            break;
        }
        cut = at;
    }
    let (names, place) = trimmed.split_at(cut);
    (names.trim_end().trim_end_matches(',').trim_end(), place)
}

/// The words of `text` with the byte each starts at.
fn word_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        if !word.is_empty() {
            out.push((at, word));
        }
        at += piece.len();
    }
    out
}

/// A page, a range of pages or lines (`23`, `104–06`, `3.1.56`, `xii`), as a citation prints
/// its place.
fn is_place_number(word: &str) -> bool {
    let roman = !word.is_empty()
        && word.len() <= 7
        && word
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'));
    let numeric = word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | '.'));
    roman || numeric
}

/// The key of the one work whose authors the sentence ending `before` names last (`Black`,
/// `Green and White`, `Lee et al.`, `Black's`), looking no further back than
/// [`MAX_LOOK_BACK`] bytes and the sentence's start; `None` when the authors named last have
/// several works or none.
fn named_in_sentence(before: &str, works: &Works) -> Option<String> {
    let mut from = before.len().saturating_sub(MAX_LOOK_BACK);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = before.get(from..)?;
    // The sentence the page closes, as the corpus splits sentences (`et al.` ends none).
    let sentence = split_sentences(window)
        .last()
        .and_then(|range| window.get(range.clone()))
        .unwrap_or(window);
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    for end in (0..tokens.len()).rev() {
        let Some(word) = tokens.get(end) else {
            continue;
        };
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        if !bare.starts_with(char::is_uppercase) {
            continue;
        }
        let next = |n: usize| tokens.get(end + n).copied().unwrap_or_default();
        let mut candidates = vec![bare.to_owned()];
        if next(1) == "et" && next(2).starts_with("al") {
            candidates.insert(0, format!("{bare} et al."));
        }
        if end >= 2
            && tokens.get(end - 1).is_some_and(|w| *w == "and")
            && let Some(first) = tokens.get(end - 2)
        {
            let first = first.trim_matches(|c: char| !c.is_alphanumeric());
            candidates.insert(0, format!("{first} and {bare}"));
        }
        // The authors the sentence names last decide: a work of theirs, or none when they
        // name several (names further back are not read).
        let mut named = false;
        for authors in candidates.iter().filter_map(|candidate| authors(candidate)) {
            if let Some(key) = works.resolve_without_year(&authors) {
                return Some(key.to_owned());
            }
            named |= works.knows(&authors);
        }
        if named {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_is_split_from_the_names() {
        assert_eq!(
            split_place("Green and White 104–06"),
            ("Green and White", "104–06")
        );
        assert_eq!(split_place("Black, p. 23"), ("Black", "p. 23"));
        assert_eq!(split_place("Lee et al. 7, 9"), ("Lee et al.", "7, 9"));
        assert_eq!(split_place("Morrison"), ("Morrison", ""));
        assert_eq!(split_place("xii"), ("", "xii"));
        assert_eq!(split_place("23"), ("", "23"));
        assert!(is_place_number("3.1.56"));
        assert!(!is_place_number("Black"));
    }
}

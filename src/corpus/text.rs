//! Small text helpers the model shares with the layers above it.

/// The months' names in lower case: "May 2010" is a date, not an author and a year.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `text` without the one UTF-8 byte-order mark it may start with. A second mark is text (and
/// the importers report it as such): only one is removed, at one place, so that locations
/// always refer to the same text.
#[must_use]
pub fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The known word `written` is most likely a slip for (a misspelling, other letter case), if one
/// is at least `min_similarity` alike (Jaro-Winkler on the trimmed, lower-cased words). A text
/// over 40 bytes is no slip for a key or a type name, and is not compared (comparing takes time
/// in proportion to its length).
#[must_use]
pub fn nearest_word<'a>(written: &str, known: &[&'a str], min_similarity: f64) -> Option<&'a str> {
    if written.len() > 40 {
        return None;
    }
    let lowered = written.trim().to_lowercase();
    known
        .iter()
        .map(|&candidate| {
            (
                strsim::jaro_winkler(&lowered, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|&(similarity, _)| similarity >= min_similarity)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The characters raised or lowered in Unicode that the window's fonts draw, each beside the
/// one it is written for: `(base, superscript, subscript)`. What a paper prints as
/// `10<sup>−3</sup>` or `CO<sub>2</sub>` is kept as `10⁻³` and `CO₂`. Letters are left out:
/// Unicode raises only some (no `q`) and lowers fewer, so a script of letters is written
/// `^(…)` or `_(…)` every time; only a footnote marker is raised ([`as_raised_marker`]).
const SCRIPTS: [(char, Option<char>, Option<char>); 17] = [
    ('0', Some('⁰'), Some('₀')),
    ('1', Some('¹'), Some('₁')),
    ('2', Some('²'), Some('₂')),
    ('3', Some('³'), Some('₃')),
    ('4', Some('⁴'), Some('₄')),
    ('5', Some('⁵'), Some('₅')),
    ('6', Some('⁶'), Some('₆')),
    ('7', Some('⁷'), Some('₇')),
    ('8', Some('⁸'), Some('₈')),
    ('9', Some('⁹'), Some('₉')),
    ('+', Some('⁺'), Some('₊')),
    ('-', Some('⁻'), Some('₋')),
    ('−', Some('⁻'), Some('₋')),
    ('=', Some('⁼'), Some('₌')),
    ('(', Some('⁽'), Some('₍')),
    (')', Some('⁾'), Some('₎')),
    // A comma between raised or lowered characters stays a comma (`¹,²`).
    (',', Some(','), Some(',')),
];

/// The superscript Unicode has for `c`, if any (`2` → `²`).
#[must_use]
pub fn superscript(c: char) -> Option<char> {
    SCRIPTS.iter().find(|s| s.0 == c).and_then(|s| s.1)
}

/// The subscript Unicode has for `c`, if any (`2` → `₂`).
#[must_use]
pub fn subscript(c: char) -> Option<char> {
    SCRIPTS.iter().find(|s| s.0 == c).and_then(|s| s.2)
}

/// `text` raised, when Unicode has a superscript for each of its characters (`−3` → `⁻³`).
#[must_use]
pub fn as_superscript(text: &str) -> Option<String> {
    text.chars().map(superscript).collect()
}

/// `text` lowered, when Unicode has a subscript for each of its characters (`50` → `₅₀`).
#[must_use]
pub fn as_subscript(text: &str) -> Option<String> {
    text.chars().map(subscript).collect()
}

/// The character a raised or lowered one is written for (`²` → `2`, `₋` → `-`); any other
/// character as it is. Search and find compare text through it, so `CO2` finds `CO₂`.
#[must_use]
pub fn script_base(c: char) -> char {
    // Search folds every character of a paper's text through here: most are answered by the
    // range check alone.
    if !may_be_script(c) {
        return c;
    }
    // `⁻` reads back as the ASCII `-`, the first base the table gives it.
    SCRIPTS
        .iter()
        .find(|s| s.1 == Some(c) || s.2 == Some(c))
        .map_or(c, |s| s.0)
}

/// The raised letters Unicode has (none for `q`), for footnote markers: the window draws them
/// with its bundled symbols font.
const RAISED_LETTERS: [(char, char); 25] = [
    ('a', 'ᵃ'),
    ('b', 'ᵇ'),
    ('c', 'ᶜ'),
    ('d', 'ᵈ'),
    ('e', 'ᵉ'),
    ('f', 'ᶠ'),
    ('g', 'ᵍ'),
    ('h', 'ʰ'),
    ('i', 'ⁱ'),
    ('j', 'ʲ'),
    ('k', 'ᵏ'),
    ('l', 'ˡ'),
    ('m', 'ᵐ'),
    ('n', 'ⁿ'),
    ('o', 'ᵒ'),
    ('p', 'ᵖ'),
    ('r', 'ʳ'),
    ('s', 'ˢ'),
    ('t', 'ᵗ'),
    ('u', 'ᵘ'),
    ('v', 'ᵛ'),
    ('w', 'ʷ'),
    ('x', 'ˣ'),
    ('y', 'ʸ'),
    ('z', 'ᶻ'),
];

/// A footnote marker (`a`, `b,c`, `1`, `*`, `†`: one or two characters, or several such
/// parted by commas) raised, as the paper prints it after a table
/// cell's text (`Allᵃ`, `pregnanciesᵈ`, `Total¹`), when each of its characters has a raised
/// form (lower-case letters, digits, signs) or is a mark that already reads as one (`*`, `†`,
/// `‡`, `§`, `¶`, `#`); else `None`, and the marker stays as printed.
#[must_use]
pub fn as_raised_marker(marker: &str) -> Option<String> {
    let marker = marker.trim();
    // Markers of one or two characters each (`a`, `b,c`, `12`, `**`); a word is no marker.
    if marker.is_empty() || marker.split(',').any(|part| part.chars().count() > 2) {
        return None;
    }
    marker
        .chars()
        .map(|c| {
            RAISED_LETTERS
                .iter()
                .find(|(letter, _)| *letter == c)
                .map(|(_, raised)| *raised)
                .or_else(|| superscript(c))
                .or_else(|| matches!(c, '*' | '†' | '‡' | '§' | '¶' | '#').then_some(c))
        })
        .collect()
}

/// Whether `c` is one of the raised letters [`as_raised_marker`] writes (`ᵃ`): a footnote
/// marker's, not part of the word before it.
#[must_use]
pub fn is_raised_letter(c: char) -> bool {
    RAISED_LETTERS.iter().any(|(_, raised)| *raised == c)
}

/// A title followed by what goes after it (a subtitle, an abstract section's text): joined by
/// `": "`, or by a space when the title already ends in its own stop (`Background:`, `Why?`).
#[must_use]
pub fn after_title(title: &str, rest: &str) -> String {
    let title = title.trim_end();
    if title.ends_with(['?', '!', ':', '.', ';']) {
        format!("{title} {rest}")
    } else {
        format!("{title}: {rest}")
    }
}

/// Whether `c` stands where Unicode keeps the raised and lowered characters of [`SCRIPTS`]
/// that are not ASCII: `¹ ² ³` in Latin-1, the rest in "Superscripts and Subscripts".
fn may_be_script(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '\u{2070}'..='\u{209f}')
}

#[cfg(test)]
mod tests {
    use super::{
        SCRIPTS, after_title, as_raised_marker, as_subscript, as_superscript, may_be_script,
        script_base,
    };

    #[test]
    fn footnote_markers_are_raised_where_unicode_has_the_characters() {
        assert_eq!(as_raised_marker("a").as_deref(), Some("ᵃ"));
        assert_eq!(as_raised_marker(" b,c ").as_deref(), Some("ᵇ,ᶜ"));
        assert_eq!(as_raised_marker("a,b,c").as_deref(), Some("ᵃ,ᵇ,ᶜ"));
        assert_eq!(as_raised_marker("12").as_deref(), Some("¹²"));
        assert_eq!(as_raised_marker("*").as_deref(), Some("*"));
        assert_eq!(as_raised_marker("†a").as_deref(), Some("†ᵃ"));
        // No raised `q`, no capitals; a word is no marker.
        assert_eq!(as_raised_marker("q"), None);
        assert_eq!(as_raised_marker("A"), None);
        assert_eq!(as_raised_marker("note"), None);
        assert_eq!(as_raised_marker(""), None);
        assert!(super::is_raised_letter('ᵃ') && !super::is_raised_letter('a'));
    }

    #[test]
    fn every_raised_or_lowered_character_passes_the_range_check() {
        for (base, raised, lowered) in SCRIPTS {
            for c in [raised, lowered].into_iter().flatten() {
                assert!(c.is_ascii() || may_be_script(c), "{c:?}, for {base:?}");
            }
        }
    }

    #[test]
    fn scripts_are_written_where_unicode_has_them_and_read_back() {
        assert_eq!(as_superscript("−3").as_deref(), Some("⁻³"));
        assert_eq!(as_superscript("2+").as_deref(), Some("²⁺"));
        assert_eq!(as_superscript("th"), None);
        assert_eq!(as_subscript("50").as_deref(), Some("₅₀"));
        // No letters: the window's fonts have none raised or lowered.
        assert_eq!(as_subscript("max"), None);
        assert_eq!(as_subscript("1 2"), None);
        let back: String = "CO₂ 10⁻³ ₍₁₎".chars().map(script_base).collect();
        assert_eq!(back, "CO2 10-3 (1)");
        assert_eq!(script_base('é'), 'é');
    }

    #[test]
    fn a_title_ending_in_its_own_stop_gets_no_second_colon() {
        assert_eq!(after_title("Methods", "We asked."), "Methods: We asked.");
        assert_eq!(
            after_title("Background:", "Oral use."),
            "Background: Oral use."
        );
        assert_eq!(
            after_title("Does it work?", "A trial"),
            "Does it work? A trial"
        );
    }
}

//! Whether a citation is part of its sentence ("Research by [8] illustrates", "[7] found") or
//! stands beside it ("… modern forms of slavery [2]."), read from the words around it. An
//! author–date style prints the first narratively (`Porter and van der Linde (1995)`), the
//! second in parentheses (`(Cho, 2015)`).
//!
//! A citation reads narratively when
//! - it starts its sentence and a word or a comma follows (`[7] found that …`);
//! - it comes right after a short opening phrase ending in a comma and a word follows
//!   (`Similarly, [1] reported …`, `In addition, [3] show …`);
//! - the word right before it takes a work as its object (`by`, `of`, `in`, `from`, `to`,
//!   `with`, `as`, `see`, `and`, `based on` …: `Research by [8]`, `Experts such as [9] emphasize`,
//!   `as shown in [3]`, `according to [4]`);
//! - it follows a narrative citation of the same sentence with only `and` or a comma between
//!   (`[2] and [4] show`).
//!
//! A citation inside parentheses is never narrative (`(see [3])`).

use std::ops::Range;

/// Words after which a citation names the work as part of the sentence.
const TAKES_A_WORK: [&str; 15] = [
    "by",
    "of",
    "in",
    "from",
    "to",
    "with",
    "as",
    "see",
    "cf.",
    "and",
    "or",
    "like",
    "than",
    "following",
    "including",
];

/// Phrases ending in "on" after which a citation names the work ("and so on [3]" does not).
const BUILDS_ON: [&str; 5] = [
    "based on",
    "built on",
    "building on",
    "drawing on",
    "relies on",
];

/// The most words of an opening phrase before a narrative citation (`On the other hand,`).
const MAX_OPENING_WORDS: usize = 4;

/// The longest opening phrase looked at, in bytes (`On the other hand,`).
const MAX_OPENING_BYTES: usize = 60;

/// For each citation of a paragraph (its printed range and its sentence's range, in reading
/// order), how many parentheses of its sentence are open before it: `(see [3])` has one. Linear
/// in the text: parentheses are counted once along the paragraph, not again for each citation.
#[must_use]
pub fn open_parentheses(text: &str, citations: &[(Range<usize>, Range<usize>)]) -> Vec<usize> {
    let mut depths = Vec::with_capacity(citations.len());
    // Parentheses open from the current sentence's start up to `counted_to`.
    let mut depth = 0usize;
    let mut counted_to = 0usize;
    let mut sentence_start = None;
    for (range, sentence) in citations {
        if sentence_start != Some(sentence.start) || counted_to > range.start {
            sentence_start = Some(sentence.start);
            depth = 0;
            counted_to = sentence.start;
        }
        for byte in text
            .as_bytes()
            .get(counted_to..range.start)
            .unwrap_or_default()
        {
            match byte {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        counted_to = counted_to.max(range.start);
        depths.push(depth);
    }
    depths
}

/// For each citation of a paragraph, whether it reads as part of its sentence. `text` is the
/// paragraph as printed; each citation is given as its printed range and the range of the
/// sentence it stands in, in reading order. Linear in the text (see [`open_parentheses`]).
#[must_use]
pub fn narrative_citations(text: &str, citations: &[(Range<usize>, Range<usize>)]) -> Vec<bool> {
    let mut flags: Vec<bool> = Vec::with_capacity(citations.len());
    let depths = open_parentheses(text, citations);
    for (n, (range, sentence)) in citations.iter().enumerate() {
        let depth = depths.get(n).copied().unwrap_or(0);
        let previous = n
            .checked_sub(1)
            .and_then(|p| Some((citations.get(p)?, *flags.get(p)?)));
        let joined_to_previous = previous.and_then(|((previous, previous_sentence), flag)| {
            if previous_sentence != sentence || previous.end > range.start {
                return None;
            }
            let between = text.get(previous.end..range.start)?;
            if between.len() > 8 {
                return None;
            }
            let between = between.trim().to_lowercase();
            matches!(between.as_str(), "and" | "," | ", and" | "&" | "or").then_some(flag)
        });
        let flag = joined_to_previous.unwrap_or_else(|| {
            if depth > 0 {
                return false;
            }
            let before = text.get(sentence.start..range.start).unwrap_or_default();
            let after = text.get(range.end..sentence.end).unwrap_or_default();
            reads_narratively(before, after)
        });
        flags.push(flag);
    }
    flags
}

/// Whether a citation with `before` and `after` it in its sentence (and no parenthesis open
/// before it) is part of the sentence.
#[must_use]
pub fn reads_narratively(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let after = after.trim_start();
    let word_follows = after.chars().next().is_some_and(char::is_alphabetic);
    if before.is_empty() {
        return word_follows || after.starts_with(',');
    }
    if before.ends_with(['(', '[']) {
        return false;
    }
    // Only the end of the text before matters (a long word there is no word of the list).
    let tail = before
        .get(before.floor_char_boundary(before.len().saturating_sub(MAX_OPENING_BYTES))..)
        .unwrap_or_default();
    let last_word = tail.rsplit(char::is_whitespace).next().unwrap_or_default();
    if TAKES_A_WORK
        .iter()
        .any(|word| word.eq_ignore_ascii_case(last_word))
    {
        return true;
    }
    if BUILDS_ON
        .iter()
        .any(|phrase| ends_with_phrase(tail, phrase))
    {
        return true;
    }
    let opening_phrase = before.len() <= MAX_OPENING_BYTES
        && before.ends_with(',')
        && before.split_whitespace().count() <= MAX_OPENING_WORDS
        && before.chars().next().is_some_and(|c| !c.is_lowercase());
    opening_phrase && after.chars().next().is_some_and(char::is_lowercase)
}

/// The most words before a citation looked through for its author's name ("Porter and van
/// der Linde [8]": the name is five words back).
const MAX_NAME_DISTANCE: usize = 6;

/// Whether the words right before a citation already name its author (`family`, the first
/// author's family name): "A recent study by Lombardi et al. [1]", "Porter and van der Linde
/// [8]". An author–date style then gives only the year after them: "Lombardi et al. (2009)".
#[must_use]
pub fn names_the_author(before: &str, family: &str) -> bool {
    let family = family.trim();
    if family.is_empty() {
        return false;
    }
    let tail = before
        .get(before.floor_char_boundary(before.len().saturating_sub(120))..)
        .unwrap_or_default();
    let last_name_word = family.split_whitespace().last().unwrap_or(family);
    for word in tail.split_whitespace().rev().take(MAX_NAME_DISTANCE) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.eq_ignore_ascii_case(last_name_word) || word.eq_ignore_ascii_case(family) {
            return true;
        }
        // Between the name and the citation only more of the names may stand ("and van der
        // Linde", "et al.", "and colleagues"), not the rest of the sentence ("pointed out").
        let part_of_names = NAME_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
            || word.chars().next().is_some_and(char::is_uppercase);
        if !part_of_names {
            return false;
        }
    }
    false
}

/// Words that stand among authors' names: "Porter and van der Linde", "Lombardi et al.",
/// "Yu and colleagues".
const NAME_WORDS: [&str; 16] = [
    "and",
    "&",
    "et",
    "al",
    "colleagues",
    "coworkers",
    "co-workers",
    "van",
    "von",
    "der",
    "den",
    "de",
    "la",
    "le",
    "du",
    "da",
];

/// Whether `text` ends with `phrase` (ASCII letters in any case) standing as whole words.
fn ends_with_phrase(text: &str, phrase: &str) -> bool {
    let Some(start) = text.len().checked_sub(phrase.len()) else {
        return false;
    };
    let whole = text
        .get(..start)
        .is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace));
    whole
        && text
            .get(start..)
            .is_some_and(|end| end.eq_ignore_ascii_case(phrase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::citations::{Piece, parse};

    #[test]
    fn parentheses_open_before_each_citation_are_counted_per_sentence() {
        let text = "Farms vary (see [3], and [4]) as [5] shows. Then (more [6]).";
        let at = |marker: &str| {
            let start = text.find(marker).unwrap_or(0);
            start..start + marker.len()
        };
        let first = 0..text.find(" Then").unwrap_or(0);
        let second = first.end + 1..text.len();
        let citations = [
            (at("[3]"), first.clone()),
            (at("[4]"), first.clone()),
            (at("[5]"), first),
            (at("[6]"), second),
        ];
        assert_eq!(open_parentheses(text, &citations), [1, 1, 0, 1]);
    }

    /// Each citation marker of `sentence` (one sentence), and whether it reads narratively.
    fn marked(sentence: &str) -> Vec<(String, bool)> {
        let (pieces, _) = parse(sentence);
        let ranges: Vec<(Range<usize>, Range<usize>)> = pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Numeric(marker) => Some(marker.range.clone()),
                Piece::Group(group) => Some(group.range.clone()),
                _ => None,
            })
            .map(|range| (range, 0..sentence.len()))
            .collect();
        let flags = narrative_citations(sentence, &ranges);
        ranges
            .iter()
            .zip(flags)
            .map(|((range, _), flag)| (sentence.get(range.clone()).unwrap_or("").to_owned(), flag))
            .collect()
    }

    fn narrative(sentence: &str) -> bool {
        let marks = marked(sentence);
        assert_eq!(marks.len(), 1, "{sentence}");
        marks.first().is_some_and(|(_, flag)| *flag)
    }

    /// Sentences of the built-in paper (as it prints them) whose citation is part of the
    /// sentence.
    #[test]
    fn the_papers_narrative_citations() {
        for sentence in [
            "Research by [8] illustrates how trafficking networks exploit online platforms.",
            "[7] found that pandemic-related lockdown measures severely disrupted traditional mechanisms.",
            "Similarly, [1] reported that the global economic downturn exacerbated vulnerabilities.",
            "Experts such as [9] emphasize the need for enhanced international cooperation.",
            "[11] further notes that while international frameworks exist, implementation varies.",
            "Additionally, [13] highlight the growing risks faced by migrant workers.",
            "However, as [9] points out, the digital era has introduced new challenges.",
            "As [5] argues, integrating technological safeguards is essential.",
            "[3] provide valuable insights into the role of international institutions.",
            "Studies by [2], [12] emphasize that women and children remain disproportionately affected.",
        ] {
            assert!(narrative(sentence), "{sentence}");
        }
    }

    /// Sentences of the built-in paper whose citation stands beside the sentence.
    #[test]
    fn the_papers_parenthetical_citations() {
        for sentence in [
            "Trafficking is linked to organized crime, economic deprivation, and structural inequalities [1].",
            "Such conditions include gender discrimination, lack of education, and economic hardship [2], [4].",
            "This theory emphasizes the involvement of international bodies such as the United Nations [14].",
            "Cooperative operations between nations have successfully dismantled multiple trafficking syndicates [1].",
            "Migration policies expose the vulnerabilities of undocumented migrants who lack legal protections [4].",
        ] {
            assert!(!narrative(sentence), "{sentence}");
        }
    }

    #[test]
    fn words_that_take_a_work_and_opening_phrases() {
        assert!(narrative("This follows the approach of [12] closely."));
        assert!(narrative("The data come from [4]."));
        assert!(narrative("According to [6], cooperation works."));
        assert!(narrative("The method was described in [3]."));
        assert!(narrative("In [3], the authors show it."));
        assert!(narrative("For example, [3] shows this."));
        assert!(narrative("These results agree with [@porter1995]."));
        assert!(narrative("The model is based on [7]."));
        // A real sentence of a JOSS paper: "and so on" ends a list, the citation is beside it.
        assert!(!narrative(
            "Galactic components such as the discs/bulge/halo and so on [@bland2016]."
        ));
        // Inside parentheses, after a noun, or after a long clause: beside the sentence.
        assert!(!narrative("The effect is large (see [3])."));
        assert!(!narrative("Recent work [12] shows the effect."));
        assert!(!narrative(
            "Since the effect was first reported in mice and then in humans, [3] is cited."
        ));
    }

    /// Real sentences of a PLOS paper, which names the authors before the number.
    #[test]
    fn authors_named_before_the_citation() {
        assert!(names_the_author(
            "A recent study by Lombardi et al. ",
            "Lombardi"
        ));
        assert!(names_the_author(
            "In prostate cancer stromal cells, Urisman et al. ",
            "Urisman"
        ));
        assert!(names_the_author(
            "Research by Porter and van der Linde ",
            "Porter"
        ));
        assert!(!names_the_author("Research by ", "Porter"));
        assert!(names_the_author("a model like Jones's ", "Jones"));
        assert!(!names_the_author("modern forms of slavery ", "Cho"));
        assert!(names_the_author("in the study of Yu and colleagues ", "Yu"));
        // The name stands further back, the rest of the sentence between.
        assert!(!names_the_author(
            "As Martinez and colleagues pointed out ",
            "Martinez"
        ));
    }

    /// Very many citations in one long sentence are read in linear time.
    #[test]
    fn many_citations_in_one_sentence_stay_linear() {
        let text = "(see [1] ".repeat(50_000);
        let citations: Vec<(Range<usize>, Range<usize>)> = (0..50_000)
            .map(|n| {
                let start = n * 9 + 5;
                (start..start + 3, 0..text.len())
            })
            .collect();
        let started = std::time::Instant::now();
        let flags = narrative_citations(&text, &citations);
        assert!(flags.iter().all(|flag| !flag));
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn a_citation_joined_to_a_narrative_one_is_narrative_too() {
        assert_eq!(
            marked("[2] and [4] show that it holds."),
            vec![("[2]".to_owned(), true), ("[4]".to_owned(), true)]
        );
        assert_eq!(
            marked("It holds for poverty [2] and [4]."),
            vec![("[2]".to_owned(), false), ("[4]".to_owned(), false)]
        );
    }
}

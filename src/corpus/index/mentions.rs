//! Entity mentions: every name and alias of the corpus's entities found in a paragraph's
//! printed text as a whole word, whatever the case of its ASCII letters; an acronym only as
//! it is written (`WAS`, Wiskott–Aldrich syndrome, is not every "was"; `IS` not every "is").

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::Mention;
use crate::corpus::model::CorpusFile;

/// Finds entity names and aliases in text, ignoring the case of ASCII letters.
pub(super) struct EntityMatcher {
    /// Every name and alias of at least two characters, with its ASCII letters in lower case;
    /// `None` when there are none.
    matcher: Option<AhoCorasick>,
    /// The entity each pattern belongs to.
    owners: Vec<usize>,
    /// The name as written, for each pattern that is an acronym and so is found only in its
    /// own letters; `None` for a name found whatever its case.
    acronyms: Vec<Option<String>>,
}

impl EntityMatcher {
    /// The matcher of `file`'s entities, for searching `bytes` of text.
    pub(super) fn new(file: &CorpusFile, bytes: usize) -> Self {
        let mut owners: Vec<usize> = Vec::new();
        let mut acronyms: Vec<Option<String>> = Vec::new();
        // A name given twice is found for its first owner only (as the search would report
        // the first of equal patterns), so it is searched for once.
        let mut patterns: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (entity_position, entity) in file.entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let name = name.trim();
                let lower = name.to_ascii_lowercase();
                if name.chars().count() >= 2 && seen.insert(lower.clone()) {
                    patterns.push(lower);
                    owners.push(entity_position);
                    acronyms.push(is_acronym(name).then(|| name.to_owned()));
                }
            }
        }
        Self {
            matcher: build_matcher(&patterns, bytes),
            owners,
            acronyms,
        }
    }

    /// Whether there are names to look for.
    pub(super) fn is_empty(&self) -> bool {
        self.matcher.is_none()
    }

    /// The entities named in `text` as whole words, in order (`paragraph` is set later).
    /// `folded` is `text` with its ASCII letters in lower case (see [`fold`]).
    pub(super) fn mentions(&self, text: &str, folded: &str) -> Vec<Mention> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        matcher
            .find_iter(folded)
            .filter(|found| is_whole_word(text, found.start(), found.end()))
            .filter(
                |found| match self.acronyms.get(found.pattern().as_usize()) {
                    Some(Some(written)) => text.get(found.range()) == Some(written.as_str()),
                    _ => true,
                },
            )
            .filter_map(|found| {
                Some(Mention {
                    entity: *self.owners.get(found.pattern().as_usize())?,
                    paragraph: 0,
                    range: found.start()..found.end(),
                })
            })
            .collect()
    }
}

/// Whether `name` is an acronym (`WAS`, `IoT`, `JA-Ile`, `COVID-19`): one word with a capital
/// letter after its first character. Written in other letters it is most often another word
/// ("was", "is", "or"), so it is found only as written.
fn is_acronym(name: &str) -> bool {
    !name.contains(char::is_whitespace) && name.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

/// From how many bytes of text the names are searched with a DFA.
const DFA_FROM_BYTES: usize = 1 << 20;

/// The most distinct entity names and aliases searched with a DFA: its size grows with them,
/// so a very long list of names keeps the (smaller) contiguous NFA.
const MAX_DFA_PATTERNS: usize = 2000;

/// An Aho–Corasick matcher over entity names (in lower case), longest match first, for
/// searching `bytes` of text.
fn build_matcher(patterns: &[String], bytes: usize) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    // For a paper's worth of text, building a DFA took longer than searching it: a contiguous
    // NFA is built in a fraction of that time, and a vectorised prefilter (which only
    // case-sensitive patterns allow) skips most of the text for it. Over megabytes of text the
    // DFA's faster steps pay for its building, and the prefilter, stopping at every common
    // short name ("ID", "UN"), slows it down.
    let large = bytes >= DFA_FROM_BYTES;
    let dfa = large && patterns.len() <= MAX_DFA_PATTERNS;
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(if dfa {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        }))
        .prefilter(!large)
        .build(patterns)
        .ok()
}

/// `text` with its ASCII letters in lower case, into `folded`. Folding ASCII letters keeps
/// every byte where it was, so a match in the folded text is at the same place in the text;
/// searched case-sensitively, names and kind words can be looked for with a vectorised
/// prefilter, which case-insensitive search cannot use.
pub(super) fn fold(text: &str, folded: &mut String) {
    folded.clear();
    folded.push_str(text);
    folded.make_ascii_lowercase();
}

/// Whether `text[start..end]` stands as a whole word (no letter or digit on either side).
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !is_word(before) && !is_word(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert!(is_whole_word("the ILO works", 4, 7));
        assert!(!is_whole_word("SILO", 1, 4));
    }

    #[test]
    fn acronyms_are_one_word_with_a_capital_after_the_first_letter() {
        for acronym in ["WAS", "IS", "IoT", "JA-Ile", "COVID-19", "Elf1A"] {
            assert!(is_acronym(acronym), "{acronym}");
        }
        for name in [
            "Interpol",
            "United Nations",
            "UNITED NATIONS",
            "a",
            "Ouest-africaine",
        ] {
            assert!(!is_acronym(name), "{name}");
        }
    }

    #[test]
    fn names_are_found_whatever_the_case_of_their_ascii_letters() {
        let entity = |id: &str, name: &str, aliases: &[&str]| crate::corpus::model::Entity {
            id: id.to_owned(),
            name: name.to_owned(),
            aliases: aliases.iter().map(|&a| a.to_owned()).collect(),
            ..Default::default()
        };
        let file = CorpusFile {
            entities: vec![
                entity("un", "United Nations", &["UN"]),
                entity("ecowas", "Économie Ouest-Africaine", &["ECOWAS"]),
                entity("was", "Wiskott-Aldrich syndrome", &["WAS"]),
            ],
            ..Default::default()
        };
        let text = "The UNITED nations, the UN, not the Un, un or unity. Économie ouest-africaine, \
                    économie Ouest-Africaine and ECOWAS, not Ecowas. It was WAS.";
        // The matcher made for a paper and the one made for megabytes of text find the same.
        for bytes in [text.len(), DFA_FROM_BYTES] {
            let matcher = EntityMatcher::new(&file, bytes);
            let mut folded = String::new();
            fold(text, &mut folded);
            let found: Vec<(usize, &str)> = matcher
                .mentions(text, &folded)
                .into_iter()
                .map(|m| (m.entity, &text[m.range]))
                .collect();
            // Only ASCII letters are folded: `É` and `é` stay apart, as they always have; an
            // acronym is found only as written.
            assert_eq!(
                found,
                [
                    (0, "UNITED nations"),
                    (0, "UN"),
                    (1, "Économie ouest-africaine"),
                    (1, "ECOWAS"),
                    (2, "WAS"),
                ],
                "{bytes} bytes"
            );
        }
    }
}

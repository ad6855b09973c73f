//! Content words for the topic comparison: lower-cased, stop words and words that say nothing
//! about a topic removed, stemmed with the Snowball English stemmer (`rust-stemmers`).

use std::collections::{BTreeMap, HashMap};

use rust_stemmers::{Algorithm, Stemmer};

/// English function words, and words every scholarly sentence or venue uses whatever its
/// topic ("study", "journal", "however"): sharing them says nothing about fit.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "approach",
    "are",
    "around",
    "article",
    "as",
    "at",
    "based",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "case",
    "cases",
    "certain",
    "could",
    "did",
    "do",
    "does",
    "done",
    "due",
    "during",
    "each",
    "either",
    "et",
    "al",
    "especially",
    "even",
    "ever",
    "every",
    "evidence",
    "example",
    "few",
    "find",
    "finding",
    "findings",
    "first",
    "for",
    "found",
    "from",
    "further",
    "furthermore",
    "given",
    "had",
    "has",
    "have",
    "having",
    "he",
    "hence",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "ie",
    "if",
    "important",
    "in",
    "including",
    "into",
    "is",
    "issue",
    "it",
    "its",
    "itself",
    "journal",
    "just",
    "known",
    "large",
    "last",
    "less",
    "like",
    "made",
    "main",
    "make",
    "many",
    "may",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "new",
    "no",
    "nor",
    "not",
    "note",
    "noted",
    "now",
    "of",
    "often",
    "on",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "paper",
    "papers",
    "part",
    "particular",
    "particularly",
    "per",
    "proceedings",
    "provide",
    "provides",
    "rather",
    "recent",
    "recently",
    "report",
    "reported",
    "reports",
    "research",
    "result",
    "results",
    "review",
    "same",
    "several",
    "shall",
    "she",
    "should",
    "show",
    "showed",
    "shown",
    "shows",
    "significant",
    "significantly",
    "similar",
    "similarly",
    "since",
    "so",
    "some",
    "still",
    "studies",
    "study",
    "such",
    "suggest",
    "suggests",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "two",
    "under",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "using",
    "various",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "work",
    "works",
    "would",
    "yet",
    "you",
    "your",
    "e",
    "g",
    "eg",
    "vol",
    "pp",
    "int",
    "j",
    "proc",
    "rev",
    "conf",
    "intl",
    "trans",
    "bull",
    "ann",
    "annual",
    "international",
    "conference",
    "letters",
    "transactions",
    "bulletin",
    "press",
    "university",
    "introduction",
    "chapter",
    "book",
    "edition",
    "ed",
    "eds",
    "highlight",
    "highlights",
    "illustrate",
    "illustrates",
    "emphasize",
    "emphasizes",
    "argue",
    "argues",
    "argued",
    "demonstrate",
    "demonstrated",
    "demonstrates",
    "describe",
    "described",
    "describes",
    "discuss",
    "discussed",
    "discusses",
    "examine",
    "examined",
    "examines",
    "explore",
    "explored",
    "explores",
    "investigate",
    "investigated",
    "propose",
    "proposed",
    "proposes",
    "present",
    "presented",
    "presents",
    "consider",
    "considered",
    "observed",
    "observe",
    "identified",
    "identify",
    "reveal",
    "revealed",
    "reveals",
];

/// Whether `word` (lower case) is a stop word.
fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// The content words of texts: each stem with the first word it was seen as.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct ContentWords {
    /// Stem → the word as first seen (lower case), for showing.
    pub stems: BTreeMap<String, String>,
}

impl ContentWords {
    /// The stems, in alphabetical order.
    pub fn stems(&self) -> impl Iterator<Item = &str> {
        self.stems.keys().map(String::as_str)
    }

    /// How many distinct stems.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// Whether it holds `stem`.
    pub fn contains(&self, stem: &str) -> bool {
        self.stems.contains_key(stem)
    }

    /// The words as shown for `stems`.
    pub fn shown(&self, stems: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
        stems
            .into_iter()
            .filter_map(|stem| self.stems.get(stem.as_ref()).cloned())
            .collect()
    }

    /// Adds every word of `other`.
    pub fn extend(&mut self, other: &Self) {
        for (stem, shown) in &other.stems {
            self.stems
                .entry(stem.clone())
                .or_insert_with(|| shown.clone());
        }
    }

    /// Every word shown, in stem order.
    pub fn all_shown(&self) -> Vec<String> {
        self.stems.values().cloned().collect()
    }
}

/// Reads content words: letters only (a hyphen or apostrophe splits), at least three letters,
/// not a stop word, stemmed. Each word is stemmed once (a paper repeats its words).
pub(super) struct WordReader {
    stemmer: Stemmer,
    /// Lower-case word → its stem, or `None` for a word that is not a content word.
    stems: HashMap<String, Option<String>>,
}

impl WordReader {
    /// A reader with the Snowball English stemmer.
    pub fn new() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
            stems: HashMap::new(),
        }
    }

    /// Adds the content words of `text` to `words`.
    pub fn add(&mut self, text: &str, words: &mut ContentWords) {
        for word in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
        {
            let lower = word.to_lowercase();
            if !self.stems.contains_key(&lower) {
                let stem = (!is_stop_word(&lower))
                    .then(|| self.stemmer.stem(&lower).into_owned())
                    .filter(|stem| stem.chars().count() >= 3 && !is_stop_word(stem));
                self.stems.insert(lower.clone(), stem);
            }
            if let Some(Some(stem)) = self.stems.get(&lower)
                && !words.stems.contains_key(stem)
            {
                words.stems.insert(stem.clone(), lower);
            }
        }
    }

    /// The content words of `texts`.
    pub fn read<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) -> ContentWords {
        let mut words = ContentWords::default();
        for text in texts {
            self.add(text, &mut words);
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_lower_cases_and_drops_stop_words() {
        let mut reader = WordReader::new();
        let words = reader.read(["Traffickers adapted by leveraging the digital platforms [7]."]);
        let stems: Vec<&str> = words.stems().collect();
        assert_eq!(stems, ["adapt", "digit", "leverag", "platform", "traffick"]);
        assert_eq!(words.shown(["traffick"]), ["traffickers"]);
        // The same stem from another form of the word.
        assert!(reader.read(["trafficking"]).contains("traffick"));
    }

    #[test]
    fn hyphens_split_and_short_words_go() {
        let words = WordReader::new().read(["post-trafficking of an EU law"]);
        let stems: Vec<&str> = words.stems().collect();
        assert_eq!(stems, ["law", "post", "traffick"]);
    }
}

//! A student's study notes and highlights, as the model knows them: no storage, no window.
//!
//! A [`StudyNote`] is about one item of one paper: the paper by its [`PaperIdentity`] (its DOI,
//! else title, first author and year), the item by its stable key ([`ItemKey`],
//! `reference:porter1995`), so that a note finds its place again after a reload, a re-import or
//! a moved file. A highlight also keeps the quoted passage ([`Passage`]: the words and where they
//! stood), so that it can be found again when the paragraph's text shifted
//! ([`StudyNote::resolve`]); a note whose item is gone is kept, detached, never dropped.
//!
//! A student's answers to the citation check's "Does this source support this sentence?"
//! ([`SupportAnswer`]) are kept beside the notes, under the same paper identity.
//!
//! These are not the corpus's own editorial notes ([`crate::corpus::model::Note`]), which the
//! paper's editor writes into the corpus file.

mod anchor;
mod answers;
mod identity;
mod keys;
mod time;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ItemKey;

pub use anchor::{NoteSection, PassageAt, Resolved, find_quote};
pub use answers::{PaperAnswers, SupportAnswer};
pub use identity::{PaperIdentity, normalise_doi, title_author_year};
pub use keys::{every_item_key, nearest_keys};
pub use time::{Timestamp, iso_date_time};

/// A study note's number in the store: unique, never reused after a deletion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(pub i64);

impl fmt::Display for NoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a highlight (or a note) marks a passage as. Each has a colour of its own, which the
/// window's theme gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteLabel {
    /// A claim the paper makes.
    Claim,
    /// Evidence for a claim.
    Evidence,
    /// Something the reader asks about.
    Question,
    /// A definition.
    Definition,
}

impl NoteLabel {
    /// Every label, in the order they are offered.
    pub const ALL: [Self; 4] = [
        Self::Claim,
        Self::Evidence,
        Self::Question,
        Self::Definition,
    ];

    /// Its word, as the command line takes it and the exports write it: `"claim"`.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Claim => "claim",
            Self::Evidence => "evidence",
            Self::Question => "question",
            Self::Definition => "definition",
        }
    }

    /// Its name on a button or a heading: `"Claim"`.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Claim => "Claim",
            Self::Evidence => "Evidence",
            Self::Question => "Question",
            Self::Definition => "Definition",
        }
    }

    /// The label a word names (`"claim"`, any case), if any.
    #[must_use]
    pub fn from_word(word: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|label| label.word().eq_ignore_ascii_case(word.trim()))
    }
}

/// A highlighted passage: the words as they were quoted and where they stood, in characters
/// (not bytes) of the paragraph's printed text ([`crate::corpus::index::ParagraphInfo::printed`]).
///
/// The paragraph is the note's item (a `paragraph:` key), or the paragraph of its citation. When
/// the offsets no longer hold the quote (the text changed), the quote is searched for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// The highlighted words, exactly as they were printed.
    pub quote: String,
    /// Where the quote started, in characters of the paragraph's printed text.
    pub start: usize,
    /// Where it ended (exclusive), in characters.
    pub end: usize,
}

impl Passage {
    /// The passage of `printed` between two byte offsets (a selection in the window), with its
    /// character offsets; `None` when the range is empty, out of the text or not on character
    /// boundaries.
    #[must_use]
    pub fn from_byte_range(printed: &str, range: std::ops::Range<usize>) -> Option<Self> {
        let quote = printed.get(range.clone())?;
        if quote.trim().is_empty() {
            return None;
        }
        let start = printed.get(..range.start)?.chars().count();
        Some(Self {
            quote: quote.to_owned(),
            start,
            end: start + quote.chars().count(),
        })
    }

    /// The first occurrence of `quote` in `printed` as a passage; `None` when it is not there.
    #[must_use]
    pub fn of_quote(printed: &str, quote: &str) -> Option<Self> {
        let range = find_quote(printed, quote, 0)?;
        Self::from_byte_range(printed, range)
    }
}

/// What a note says, as written or edited: everything but its id, its paper and its times.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteDraft {
    /// The stable key of the item the note is about (`paragraph:intro.p2`,
    /// `citation:intro.p2/0`, `reference:porter1995`).
    pub item: String,
    /// The note's text; empty for a bare highlight.
    pub text: String,
    /// Its tags, in the order given (no duplicates, none empty: see [`clean_tags`]).
    pub tags: Vec<String>,
    /// What it marks the passage (or item) as, if anything.
    pub label: Option<NoteLabel>,
    /// The highlighted passage, for a highlight.
    pub passage: Option<Passage>,
}

impl NoteDraft {
    /// A note with text about an item, no tags, no label, no highlight.
    #[must_use]
    pub fn about(item: &ItemKey, text: &str) -> Self {
        Self {
            item: item.0.clone(),
            text: text.to_owned(),
            ..Self::default()
        }
    }

    /// The same draft with its tags cleaned ([`clean_tags`]) and its text's ends trimmed.
    #[must_use]
    pub fn cleaned(mut self) -> Self {
        self.tags = clean_tags(&self.tags);
        self.item = self.item.trim().to_owned();
        self.text = self.text.trim().to_owned();
        self
    }
}

/// A study note as kept: a [`NoteDraft`] with its id, its paper and when it was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudyNote {
    /// Its number in the store.
    pub id: NoteId,
    /// The identity key of the paper it belongs to ([`PaperIdentity::key`]).
    pub paper: String,
    /// The stable key of the item it is about.
    pub item: String,
    /// Its text; empty for a bare highlight.
    pub text: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// What it marks the passage (or item) as.
    pub label: Option<NoteLabel>,
    /// The highlighted passage, for a highlight.
    pub passage: Option<Passage>,
    /// When it was first written.
    pub created: Timestamp,
    /// When it was last changed.
    pub updated: Timestamp,
}

impl StudyNote {
    /// Whether it is a highlight (it quotes a passage).
    #[must_use]
    pub fn is_highlight(&self) -> bool {
        self.passage.is_some()
    }

    /// Its content as a draft, to edit it.
    #[must_use]
    pub fn draft(&self) -> NoteDraft {
        NoteDraft {
            item: self.item.clone(),
            text: self.text.clone(),
            tags: self.tags.clone(),
            label: self.label,
            passage: self.passage.clone(),
        }
    }

    /// Whether it carries `tag` (any case).
    #[must_use]
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t.eq_ignore_ascii_case(tag.trim()))
    }
}

/// Tags as kept: each trimmed, a leading `#` dropped, empty ones and repeats (any case) left
/// out, in the order first given.
#[must_use]
pub fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().trim_start_matches('#').trim();
        if !tag.is_empty() && !kept.iter().any(|k| k.eq_ignore_ascii_case(tag)) {
            kept.push(tag.to_owned());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_their_own_words() {
        for label in NoteLabel::ALL {
            assert_eq!(NoteLabel::from_word(label.word()), Some(label));
            assert_eq!(
                NoteLabel::from_word(&label.title().to_uppercase()),
                Some(label)
            );
        }
        assert_eq!(NoteLabel::from_word("idea"), None);
    }

    #[test]
    fn tags_are_trimmed_and_kept_once() {
        let tags = ["  essay ", "#Essay", "", "method", "METHOD", " # "].map(str::to_owned);
        assert_eq!(clean_tags(&tags), ["essay", "method"]);
    }

    #[test]
    fn a_passage_counts_characters_not_bytes() {
        let printed = "Ünïcode first. Then the claim [2].";
        let start = printed.find("Then").unwrap_or_default();
        let passage = Passage::from_byte_range(printed, start..start + 14);
        assert_eq!(
            passage,
            Some(Passage {
                quote: "Then the claim".to_owned(),
                start: 15,
                end: 29
            })
        );
        assert_eq!(Passage::of_quote(printed, "Then the claim"), passage);
        // Not on a character boundary, empty, or out of the text: no passage.
        assert_eq!(Passage::from_byte_range(printed, 1..3), None);
        assert_eq!(Passage::from_byte_range(printed, 4..4), None);
        assert_eq!(Passage::from_byte_range(printed, 30..400), None);
    }

    #[test]
    fn a_draft_is_cleaned_before_it_is_kept() {
        let draft = NoteDraft {
            item: " reference:porter1995 ".to_owned(),
            text: "  Supports the claim.\n".to_owned(),
            tags: vec!["a".to_owned(), "A".to_owned()],
            ..NoteDraft::default()
        }
        .cleaned();
        assert_eq!(draft.item, "reference:porter1995");
        assert_eq!(draft.text, "Supports the claim.");
        assert_eq!(draft.tags, ["a"]);
    }
}

//! A student's answers to "Does this source support this sentence?", kept per paper and per
//! citation (or reference) across restarts. Student mode asks before it shows the citation
//! check's flags. They are kept in the study notes' store, beside the notes; the settings file
//! keeps them only when there is no store (and held them before there was one: the window
//! moves them into the store when it opens their paper).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::corpus::study_notes::title_author_year;
pub use crate::corpus::study_notes::{PaperAnswers, SupportAnswer};

/// Every paper's answers, by the paper's identity ([`paper_identity`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudyAnswers {
    /// The answers of each paper.
    pub papers: BTreeMap<String, PaperAnswers>,
}

/// No answers: what a paper nobody has answered about has.
pub static NO_ANSWERS: PaperAnswers = BTreeMap::new();

impl StudyAnswers {
    /// The answers given about the paper `paper` (its identity).
    #[must_use]
    pub fn of_paper(&self, paper: &str) -> &PaperAnswers {
        self.papers.get(paper).unwrap_or(&NO_ANSWERS)
    }

    /// Takes the answers given about the paper `paper` out (to move them into the store).
    pub fn take(&mut self, paper: &str) -> PaperAnswers {
        self.papers.remove(paper).unwrap_or_default()
    }

    /// Whether no paper has an answer.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.papers.values().all(BTreeMap::is_empty)
    }

    /// Records `answer` about the item `key` of the paper `paper`, replacing an earlier one.
    pub fn set(&mut self, paper: &str, key: &str, answer: SupportAnswer) {
        self.papers
            .entry(paper.to_owned())
            .or_default()
            .insert(key.to_owned(), answer);
    }
}

/// What identifies a paper's answers across files and restarts: its title, first author and
/// year (lowercased, spaces collapsed), else the file's name for a paper without a title (a
/// bibliography on its own). The model's [`title_author_year`], which the study notes also
/// use (they prefer the paper's DOI when it has one: `PaperIdentity`).
#[must_use]
pub fn paper_identity(corpus: &Corpus) -> String {
    title_author_year(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paper_is_known_by_title_first_author_and_year() {
        let mut corpus = Corpus::builtin();
        let identity = paper_identity(&corpus);
        assert!(identity.contains(" | "), "{identity}");
        // The same paper read from another file keeps its identity; another title does not.
        corpus.source_name = "elsewhere.json".to_owned();
        assert_eq!(paper_identity(&corpus), identity);
        corpus.file.paper.title = "Another   Paper".to_owned();
        assert_ne!(paper_identity(&corpus), identity);
        assert!(paper_identity(&corpus).starts_with("another paper | "));
        corpus.file.paper.title.clear();
        assert_eq!(paper_identity(&corpus), "file:elsewhere.json");
    }

    #[test]
    fn the_answers_read_as_the_worksheet_writes_them() {
        // The worksheet ticks a given answer by its words, so the buttons must use the same.
        let labels: Vec<&str> = SupportAnswer::ALL.iter().map(|a| a.label()).collect();
        assert_eq!(labels, crate::formats::flags::SUPPORT_ANSWERS);
    }

    #[test]
    fn answers_are_kept_per_paper_and_replaced() {
        let mut answers = StudyAnswers::default();
        answers.set("a", "citation:p1/0", SupportAnswer::No);
        answers.set("a", "citation:p1/0", SupportAnswer::Partly);
        answers.set("b", "citation:p1/0", SupportAnswer::Yes);
        assert_eq!(
            answers.of_paper("a").get("citation:p1/0"),
            Some(&SupportAnswer::Partly)
        );
        assert_eq!(
            answers.of_paper("b").get("citation:p1/0"),
            Some(&SupportAnswer::Yes)
        );
        assert!(answers.of_paper("c").is_empty());
        let json = serde_json::to_string(&answers).unwrap_or_default();
        assert!(json.contains("\"partly\""), "{json}");
    }
}

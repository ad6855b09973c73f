//! A student's answers to "Does this source support this sentence?" in the store: one per
//! item of a paper, each committed before the call returns, like a note.

use rusqlite::{TransactionBehavior, params};

use super::{NoteStore, StoreError, rows};
use crate::corpus::study_notes::{PaperAnswers, PaperIdentity, SupportAnswer, Timestamp};

impl NoteStore {
    /// The answers given about `paper`, by item key. A value this version does not know (from
    /// a newer one) is left out.
    ///
    /// # Errors
    /// SQLite could not read them.
    pub fn answers_of(&self, paper: &PaperIdentity) -> Result<PaperAnswers, StoreError> {
        let failed = self.failed("reading the answers");
        let Some(paper_row) = rows::find_paper(&self.connection, paper).map_err(&failed)? else {
            return Ok(PaperAnswers::new());
        };
        let mut statement = self
            .connection
            .prepare("SELECT item, answer FROM answers WHERE paper = ?1")
            .map_err(&failed)?;
        let found = statement
            .query_map([paper_row], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(&failed)?;
        let mut answers = PaperAnswers::new();
        for row in found {
            let (item, answer) = row.map_err(&failed)?;
            if let Some(answer) = SupportAnswer::from_key(&answer) {
                answers.insert(item, answer);
            }
        }
        Ok(answers)
    }

    /// Records `answer` about the item `item` of `paper`, replacing an earlier one; it is on
    /// disk when this returns.
    ///
    /// # Errors
    /// SQLite could not write it (the earlier answer stays then).
    pub fn set_answer(
        &mut self,
        paper: &PaperIdentity,
        item: &str,
        answer: SupportAnswer,
    ) -> Result<(), StoreError> {
        self.write_answers(paper, &[(item, answer)], true)?;
        Ok(())
    }

    /// Adds answers given before the store kept them (the settings file's), in one
    /// transaction; an item the store already has an answer for keeps the store's. Returns how
    /// many were added.
    ///
    /// # Errors
    /// SQLite could not write them (none is added then).
    pub fn adopt_answers(
        &mut self,
        paper: &PaperIdentity,
        answers: &PaperAnswers,
    ) -> Result<usize, StoreError> {
        let answers: Vec<(&str, SupportAnswer)> = answers
            .iter()
            .map(|(item, answer)| (item.as_str(), *answer))
            .collect();
        self.write_answers(paper, &answers, false)
    }

    /// Writes `answers` about `paper` in one transaction, replacing earlier ones when
    /// `replace`, else keeping them; returns how many rows were written.
    fn write_answers(
        &mut self,
        paper: &PaperIdentity,
        answers: &[(&str, SupportAnswer)],
        replace: bool,
    ) -> Result<usize, StoreError> {
        if answers.is_empty() {
            return Ok(0);
        }
        let failed = self.failed("saving the answer");
        let statement = if replace {
            "INSERT INTO answers (paper, item, answer, answered) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (paper, item) DO UPDATE SET answer = excluded.answer,
             answered = excluded.answered"
        } else {
            "INSERT OR IGNORE INTO answers (paper, item, answer, answered) VALUES (?1, ?2, ?3, ?4)"
        };
        let now = Timestamp::now();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&failed)?;
        let paper_row = rows::paper_row(&transaction, paper).map_err(&failed)?;
        let mut written = 0;
        for (item, answer) in answers {
            written += transaction
                .execute(statement, params![paper_row, item, answer.key(), now.0])
                .map_err(&failed)?;
        }
        transaction.commit().map_err(&failed)?;
        self.written();
        Ok(written)
    }
}

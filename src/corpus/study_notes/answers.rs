//! A student's answers to "Does this source support this sentence?", one per citation or
//! reference of a paper (by its stable key), as the citation check's student mode asks them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// An answer to "Does this source support this sentence?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportAnswer {
    /// It does.
    Yes,
    /// In part.
    Partly,
    /// It does not.
    No,
    /// The reader cannot tell (the source is not at hand, or unclear).
    CantTell,
}

impl SupportAnswer {
    /// Every answer, in the order they are offered.
    pub const ALL: [Self; 4] = [Self::Yes, Self::Partly, Self::No, Self::CantTell];

    /// Its words on the button.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Yes => "Yes",
            Self::Partly => "Partly",
            Self::No => "No",
            Self::CantTell => "Can't tell",
        }
    }

    /// How it is written where it is kept (`cant_tell`), as the settings file wrote it.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::Partly => "partly",
            Self::No => "no",
            Self::CantTell => "cant_tell",
        }
    }

    /// The answer written as [`Self::key`] writes it; `None` for anything else.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|answer| answer.key() == key)
    }
}

/// One paper's answers, by the stable key of the citation or reference they are about
/// (`citation:intro.p2/0`, `reference:porter1995`).
pub type PaperAnswers = BTreeMap<String, SupportAnswer>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_kept_as_the_settings_file_wrote_it() {
        for answer in SupportAnswer::ALL {
            let json = serde_json::to_string(&answer).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", answer.key()));
            assert_eq!(SupportAnswer::from_key(answer.key()), Some(answer));
        }
        assert_eq!(SupportAnswer::from_key("maybe"), None);
    }
}

//! What identifies a paper across files, re-imports and restarts: its DOI when it has one, else
//! its title, first author and year.

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;

/// A paper's identity, as notes (and a student's answers) are kept under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperIdentity {
    /// Its DOI, normalised ([`normalise_doi`]), when the paper states one.
    pub doi: Option<String>,
    /// Its title, first author and year, lowercased with spaces collapsed
    /// (`"human trafficking … | fitria | 2025"`), or `file:NAME` for a corpus without a title
    /// (a bibliography on its own): see [`title_author_year`].
    pub title_key: String,
    /// Its title as printed, for messages and lists (may be empty).
    pub title: String,
}

impl PaperIdentity {
    /// The identity of the paper `corpus` holds.
    #[must_use]
    pub fn of(corpus: &Corpus) -> Self {
        Self {
            doi: normalise_doi(&corpus.file.paper.doi),
            title_key: title_author_year(corpus),
            title: corpus
                .file
                .paper
                .title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// The one key the paper's notes are filed under: `doi:10.1371/journal.pbio.0020188`, else
    /// its [`Self::title_key`].
    #[must_use]
    pub fn key(&self) -> String {
        match &self.doi {
            Some(doi) => format!("doi:{doi}"),
            None => self.title_key.clone(),
        }
    }
}

/// A DOI as kept: lower case, without `https://doi.org/`, `doi.org/` or `doi:` before it, and
/// without spaces around it; `None` when what is left does not look like a DOI (`10.` prefix and
/// a slash).
#[must_use]
pub fn normalise_doi(written: &str) -> Option<String> {
    let lower = written.trim().to_lowercase();
    let doi = [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi.org/",
        "doi:",
    ]
    .into_iter()
    .find_map(|prefix| lower.strip_prefix(prefix))
    .unwrap_or(&lower)
    .trim();
    (doi.starts_with("10.") && doi.contains('/') && !doi.contains(char::is_whitespace))
        .then(|| doi.to_owned())
}

/// A paper's title, first author and year (lowercased, spaces collapsed), else the file's name
/// for a paper without a title (a bibliography on its own): `"title | author | year"`.
#[must_use]
pub fn title_author_year(corpus: &Corpus) -> String {
    let paper = &corpus.file.paper;
    let normalise = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let title = normalise(&paper.title);
    if title.is_empty() {
        return format!("file:{}", corpus.source_name);
    }
    let author = paper
        .authors
        .first()
        .map(|author| normalise(&author.name))
        .unwrap_or_default();
    let year = first_year(&paper.date).unwrap_or_default();
    format!("{title} | {author} | {year}")
}

/// The first four-digit run in `date` (`"Feb, 2025"` → `"2025"`).
fn first_year(date: &str) -> Option<String> {
    let bytes = date.as_bytes();
    (0..bytes.len()).find_map(|start| {
        let run = bytes.get(start..start + 4)?;
        let before_digit = start > 0 && bytes.get(start - 1).is_some_and(u8::is_ascii_digit);
        let after_digit = bytes.get(start + 4).is_some_and(u8::is_ascii_digit);
        (run.iter().all(u8::is_ascii_digit) && !before_digit && !after_digit)
            .then(|| String::from_utf8_lossy(run).into_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paper_is_known_by_title_first_author_and_year() {
        let mut corpus = Corpus::builtin();
        let identity = title_author_year(&corpus);
        assert!(identity.contains(" | "), "{identity}");
        assert!(identity.ends_with(" | 2025"), "{identity}");
        assert_eq!(first_year("Feb, 2025").as_deref(), Some("2025"));
        assert_eq!(first_year("2019-04-01").as_deref(), Some("2019"));
        assert_eq!(first_year("no year 12345"), None);
        // The same paper read from another file keeps its identity; another title does not.
        corpus.source_name = "elsewhere.json".to_owned();
        assert_eq!(title_author_year(&corpus), identity);
        assert_eq!(PaperIdentity::of(&corpus).key(), identity);
        corpus.file.paper.title = "Another   Paper".to_owned();
        assert_ne!(title_author_year(&corpus), identity);
        assert!(title_author_year(&corpus).starts_with("another paper | "));
        assert_eq!(PaperIdentity::of(&corpus).title, "Another Paper");
        corpus.file.paper.title.clear();
        assert_eq!(title_author_year(&corpus), "file:elsewhere.json");
    }

    #[test]
    fn a_doi_identifies_a_paper_before_its_title() {
        let mut corpus = Corpus::builtin();
        corpus.file.paper.doi = " https://doi.org/10.1371/Journal.PBIO.0020188 ".to_owned();
        let identity = PaperIdentity::of(&corpus);
        assert_eq!(
            identity.doi.as_deref(),
            Some("10.1371/journal.pbio.0020188")
        );
        assert_eq!(identity.key(), "doi:10.1371/journal.pbio.0020188");
        // Another title with the same DOI is the same paper.
        corpus.file.paper.title = "A corrected title".to_owned();
        assert_eq!(PaperIdentity::of(&corpus).key(), identity.key());
    }

    #[test]
    fn dois_are_normalised_or_refused() {
        for written in [
            "10.1000/XYZ",
            "doi:10.1000/xyz",
            "DOI: 10.1000/xyz",
            "https://dx.doi.org/10.1000/xyz",
            "doi.org/10.1000/XYZ",
        ] {
            assert_eq!(
                normalise_doi(written).as_deref(),
                Some("10.1000/xyz"),
                "{written}"
            );
        }
        for written in ["", "not a doi", "10.1000", "11.1000/x", "10.1000/a b"] {
            assert_eq!(normalise_doi(written), None, "{written}");
        }
    }
}

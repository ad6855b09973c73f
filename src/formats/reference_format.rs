//! The three reference formats paperlens exports and opens: CSL-JSON, BibTeX and RIS.

use serde::{Deserialize, Serialize};

use crate::corpus::text::without_byte_order_mark;

use super::{bibtex, lowercase_extension, opens_as_json, ris};

/// A reference format: what paperlens exports references in and opens bibliographies from.
///
/// The one name for these three formats in every layer: the command line parses `--format`
/// into it (clap's [`clap::ValueEnum`], spelled `bibtex`, `ris`, `csl-json`), the window lists
/// [`ReferenceFormat::ALL`] in its export menu and the opening layer asks
/// [`ReferenceFormat::detect`] which one a file is in. Variants are declared in menu order,
/// which is also the order `--help` lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceFormat {
    /// BibTeX or BibLaTeX (`.bib`; LaTeX, `JabRef`, Pandoc).
    #[value(help = "BibTeX (`.bib`)")]
    Bibtex,
    /// RIS (`.ris`: `TY  - …` … `ER  - ` records; `EndNote`, Zotero, Mendeley).
    #[value(help = "RIS (`.ris`)")]
    Ris,
    /// CSL-JSON, an array of items (`.json`; Zotero, Pandoc, citeproc).
    #[value(help = "CSL-JSON (`.json`)")]
    CslJson,
}

impl ReferenceFormat {
    /// Every format, in menu order (the order of declaration, which a test checks).
    pub const ALL: [Self; 3] = [Self::Bibtex, Self::Ris, Self::CslJson];

    /// A human-readable name, e.g. `"BibTeX"`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::CslJson => "CSL-JSON",
            Self::Bibtex => "BibTeX",
            Self::Ris => "RIS",
        }
    }

    /// The usual file extension, without the dot: the one an export is saved with.
    #[must_use]
    pub fn extension(self) -> &'static str {
        self.extensions().first().copied().unwrap_or_default()
    }

    /// Every file extension (lower case, without the dot) read as this format, the usual one
    /// first.
    #[must_use]
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::CslJson => &["json"],
            Self::Bibtex => &["bib", "bibtex", "biblatex"],
            Self::Ris => &["ris"],
        }
    }

    /// Which format a file is in, from its name and its text: `None` for a paperlens corpus
    /// (or anything that is not recognisably a bibliography, which the corpus reader then
    /// explains).
    ///
    /// `.bib`, `.bibtex` and `.biblatex` are BibTeX and `.ris` is RIS whatever they hold; a
    /// `.json` file is CSL-JSON when it starts with `[` (a corpus is a JSON object). Any other
    /// name is judged by its content: an array (`[{…`, not a line opening on a numbered marker
    /// `[1]`) is CSL-JSON, a line `@type{` BibTeX, a line `TY  - ` RIS.
    #[must_use]
    pub fn detect(file_name: &str, text: &str) -> Option<Self> {
        let extension = lowercase_extension(file_name);
        let by_name = Self::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&extension.as_str()));
        let start = without_byte_order_mark(text).trim_start();
        let first = start.chars().next();
        match (by_name, first) {
            (Some(Self::CslJson), first) => (first == Some('[')).then_some(Self::CslJson),
            (Some(format), _) => Some(format),
            (None, None | Some('{')) => None,
            (None, Some('[')) if opens_as_json(start) => Some(Self::CslJson),
            (None, Some(_)) if text.lines().any(ris::is_type_line) => Some(Self::Ris),
            (None, Some(_)) if text.lines().any(bibtex::is_entry_line) => Some(Self::Bibtex),
            (None, Some(_)) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_name_then_content() {
        let detect = ReferenceFormat::detect;
        assert_eq!(detect("a.bib", "{}"), Some(ReferenceFormat::Bibtex));
        assert_eq!(detect("a.BibTeX", ""), Some(ReferenceFormat::Bibtex));
        assert_eq!(detect("a.ris", "{"), Some(ReferenceFormat::Ris));
        assert_eq!(detect("a.json", " [{}]"), Some(ReferenceFormat::CslJson));
        assert_eq!(detect("a.json", "{\"format\": 1}"), None);
        assert_eq!(detect("a.json", "@book{x,}"), None);
        assert_eq!(detect("refs", "\u{feff}[]"), Some(ReferenceFormat::CslJson));
        assert_eq!(
            detect("refs.txt", "% comment\n@Article{x, title={T}}"),
            Some(ReferenceFormat::Bibtex)
        );
        assert_eq!(
            detect("export", "\r\nTY  - JOUR\r\nER  - \r\n"),
            Some(ReferenceFormat::Ris)
        );
        assert_eq!(detect("notes.txt", "just text"), None);
        assert_eq!(
            detect("refs.txt", "[ {\"id\": \"a\"}]"),
            Some(ReferenceFormat::CslJson)
        );
        assert_eq!(detect("refs", "[1, 2]"), Some(ReferenceFormat::CslJson));
        assert_eq!(detect("refs.txt", "[1] A. Author, Title, 2020.\n[2]"), None);
        assert_eq!(detect("paper.txt", "[Draft] A title\n"), None);
        assert_eq!(detect("corpus", "{\"format\"}"), None);
    }

    #[test]
    fn every_format_is_in_the_menu_in_declaration_order() {
        use clap::ValueEnum as _;
        assert_eq!(ReferenceFormat::ALL, ReferenceFormat::value_variants());
    }

    #[test]
    fn each_format_is_saved_with_the_first_extension_it_is_read_by() {
        for format in ReferenceFormat::ALL {
            let file_name = format!("export.{}", format.extension());
            let text = if format == ReferenceFormat::CslJson {
                "[]"
            } else {
                ""
            };
            assert_eq!(ReferenceFormat::detect(&file_name, text), Some(format));
        }
    }
}

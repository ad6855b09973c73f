//! A reference list as shown and copied: as the paper prints it (each reference's entry as its
//! list printed it, where the corpus keeps it, in the list's order, numbered as the paper numbers
//! them; a reference whose printed entry the corpus does not keep stands in the chosen style,
//! said so), or in a style (its order and numbers); as plain text or HTML.

use std::collections::HashMap;

use crate::corpus::Corpus;
use crate::corpus::cite::{Formatted, Span, printed_entry};

use super::{BibliographyEntry, to_html};

/// One entry of a reference list as shown: as the paper prints it or in a style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListEntry {
    /// The reference's position in the corpus.
    pub position: usize,
    /// The number printed before it (the paper's `[3]` or `3.`, or the style's); `None` in an
    /// author–date list.
    pub label: Option<String>,
    /// The entry: as printed, or in the chosen style when `printed` is false.
    pub text: Formatted,
    /// Whether `text` is the entry as the paper's list prints it.
    pub printed: bool,
}

/// Whether the corpus keeps any reference's entry as the paper's list printed it: a paper read
/// from its text or from a JATS `mixed-citation`, not a bibliography or a Markdown paper.
#[must_use]
pub fn keeps_printed_entries(corpus: &Corpus) -> bool {
    corpus
        .file
        .references
        .iter()
        .any(|reference| reference.printed().is_some())
}

/// Every reference in the order of the paper's list, as the list prints it; a reference
/// whose printed entry is not kept takes its entry in `styled` (the chosen style's
/// bibliography, without the style's own number). A reference `styled` lacks is left out
/// only when it has no printed entry either.
#[must_use]
pub fn printed_list(corpus: &Corpus, styled: &[BibliographyEntry]) -> Vec<ListEntry> {
    let styled: HashMap<&str, &Formatted> = styled
        .iter()
        .map(|entry| (entry.id.as_str(), &entry.text))
        .collect();
    corpus
        .file
        .references
        .iter()
        .enumerate()
        .filter_map(|(position, reference)| {
            let (text, printed) = match printed_entry(reference) {
                Some(text) => (text, true),
                None => ((*styled.get(reference.id.as_str())?).clone(), false),
            };
            Some(ListEntry {
                position,
                label: corpus.list_label(position),
                text,
                printed,
            })
        })
        .collect()
}

/// Every reference of `styled` (a style's bibliography, in its order, with its numbers) that the
/// corpus holds, with its position in the corpus.
#[must_use]
pub fn styled_list(corpus: &Corpus, styled: &[BibliographyEntry]) -> Vec<ListEntry> {
    let positions: HashMap<&str, usize> = corpus
        .file
        .references
        .iter()
        .enumerate()
        .map(|(position, reference)| (reference.id.as_str(), position))
        .collect();
    styled
        .iter()
        .filter_map(|entry| {
            Some(ListEntry {
                position: *positions.get(entry.id.as_str())?,
                label: entry.label.clone(),
                text: entry.text.clone(),
                printed: false,
            })
        })
        .collect()
}

/// The list as plain text, an entry a line, each after its number.
#[must_use]
pub fn list_text(entries: &[ListEntry]) -> String {
    let lines: Vec<String> = entries
        .iter()
        .map(|entry| match &entry.label {
            Some(label) => format!("{label} {}", entry.text.to_plain_string()),
            None => entry.text.to_plain_string(),
        })
        .collect();
    lines.join("\n")
}

/// The list as HTML, one paragraph an entry after its number, italics kept.
#[must_use]
pub fn list_html(entries: &[ListEntry]) -> String {
    let paragraphs: Vec<String> = entries
        .iter()
        .map(|entry| {
            let label = entry.label.as_deref().map_or_else(String::new, |label| {
                format!("{} ", to_html(&Formatted(vec![Span::plain(label)])))
            });
            format!("<p>{label}{}</p>", to_html(&entry.text))
        })
        .collect();
    paragraphs.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::paper::{ImportOptions, PaperKind, import};

    /// A numbered JATS article: the first entry printed (`mixed-citation`), the second given
    /// by its fields only (`element-citation`).
    const MIXED_AND_ELEMENT: &str = r#"<article><front><article-meta><title-group>
        <article-title>Yeast traits</article-title></title-group></article-meta></front>
        <body><sec><title>Intro</title><p>Known [<xref ref-type="bibr" rid="r1">1</xref>] and
        new [<xref ref-type="bibr" rid="r2">2</xref>].</p></sec></body>
        <back><ref-list>
        <ref id="r1"><label>1</label><mixed-citation><person-group><name><surname>Barnett</surname>
        <given-names>JA</given-names></name></person-group> (2007) A history of research on
        yeasts. <source>Yeast</source> 24: 799–845.</mixed-citation></ref>
        <ref id="r2"><label>2</label><element-citation><person-group><name><surname>Brem</surname>
        <given-names>RB</given-names></name></person-group><year>2002</year>
        <article-title>Genetic dissection</article-title><source>Science</source>
        <volume>296</volume></element-citation></ref>
        </ref-list></back></article>"#;

    fn imported(text: &str, kind: PaperKind) -> Corpus {
        let imported = import(kind, text, &ImportOptions::default()).unwrap_or_else(|d| {
            panic!("{}", d.message);
        });
        Corpus::from_file(imported.file, "paper").unwrap_or_default()
    }

    fn styled(id: &str, text: &str) -> BibliographyEntry {
        BibliographyEntry {
            id: id.to_owned(),
            label: Some("[9]".to_owned()),
            text: Formatted(vec![Span::plain(text)]),
        }
    }

    #[test]
    fn a_printed_entry_keeps_its_words_and_the_rest_stand_in_the_chosen_style() {
        let corpus = imported(MIXED_AND_ELEMENT, PaperKind::Jats);
        assert!(keeps_printed_entries(&corpus));
        assert_eq!(corpus.first_printed_citation(), Some("[1]"));
        let list = printed_list(
            &corpus,
            &[
                styled("r2", "Brem, R. B. (2002). Genetic dissection."),
                styled("r1", "Barnett, J. A. (2007). A history."),
            ],
        );
        assert_eq!(list.len(), 2);
        let (first, second) = (&list[0], &list[1]);
        assert!(first.printed);
        assert_eq!(first.label.as_deref(), Some("[1]"));
        assert_eq!(
            first.text.to_plain_string(),
            "Barnett JA (2007) A history of research on yeasts. Yeast 24: 799–845."
        );
        // In the paper's order and number, not the style's.
        assert!(!second.printed);
        assert_eq!(second.label.as_deref(), Some("[2]"));
        assert_eq!(
            second.text.to_plain_string(),
            "Brem, R. B. (2002). Genetic dissection."
        );
        assert!(
            list_html(&list).starts_with("<p>[1] Barnett JA (2007) A history"),
            "{}",
            list_html(&list)
        );
        // The style's list: its order, its numbers, each reference's place in the corpus.
        let styled = styled_list(
            &corpus,
            &[
                styled("r2", "Brem."),
                styled("gone", "Not in the corpus."),
                styled("r1", "Barnett."),
            ],
        );
        let placed: Vec<(usize, &str)> = styled
            .iter()
            .map(|entry| (entry.position, entry.label.as_deref().unwrap_or_default()))
            .collect();
        assert_eq!(placed, [(1, "[9]"), (0, "[9]")]);
        assert!(styled.iter().all(|entry| !entry.printed));
        assert_eq!(
            list_text(&list).lines().next(),
            Some("[1] Barnett JA (2007) A history of research on yeasts. Yeast 24: 799–845.")
        );
    }

    #[test]
    fn a_list_is_numbered_as_the_paper_numbers_it_or_not_at_all() {
        let superscript = MIXED_AND_ELEMENT
            .replace("Known [", "Known ")
            .replace("</xref>] and", "</xref> and")
            .replace("new [", "new ")
            .replace("</xref>].", "</xref>.");
        let corpus = imported(&superscript, PaperKind::Jats);
        assert_eq!(corpus.first_printed_citation(), Some("1"));
        assert_eq!(corpus.list_label(0).as_deref(), Some("1."));
        // An author–date paper prints no numbers.
        let author_date = "Trade and Trust\n\nAna Silva\n\nIntroduction\n\n\
            Trust grows with trade (Keohane & Nye, 1977; Smith, 2019).\n\n\
            References\n\n\
            Keohane, R. O., & Nye, J. S. (1977). Power and interdependence. Little, Brown.\n\
            Smith, J. (2019). First thoughts. *Review of Trust*, 4, 1–10.\n";
        let corpus = imported(author_date, PaperKind::PlainText);
        let list = printed_list(&corpus, &[]);
        assert_eq!(list.len(), 2);
        assert!(
            list.iter()
                .all(|entry| entry.label.is_none() && entry.printed)
        );
        assert_eq!(
            list_text(&list),
            "Keohane, R. O., & Nye, J. S. (1977). Power and interdependence. Little, Brown.\n\
             Smith, J. (2019). First thoughts. Review of Trust, 4, 1–10."
        );
        assert!(
            list[1]
                .text
                .0
                .iter()
                .any(|span| span.italic && span.text == "Review of Trust")
        );
    }

    #[test]
    fn a_bibliography_keeps_no_printed_entries() {
        use crate::formats::import::{import as import_references, into_corpus_file};
        use crate::formats::reference_format::ReferenceFormat;
        let bib = "@book{keohane1977, author = {Keohane, Robert O.}, title = {Power and \
                   Interdependence}, publisher = {Little, Brown}, year = {1977}}";
        let imported = import_references(ReferenceFormat::Bibtex, bib);
        let file = into_corpus_file(imported.references, "refs.bib");
        let corpus = Corpus::from_file(file, "refs.bib").unwrap_or_default();
        assert_eq!(corpus.file.references.len(), 1);
        assert!(!keeps_printed_entries(&corpus));
        assert_eq!(corpus.list_label(0), None);
        // Nothing printed and nothing styled: nothing listed.
        assert!(printed_list(&corpus, &[]).is_empty());
    }
}

//! Tests of reference lists whose entries open on labels, and of the citations naming them.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::super::pdf_text_tests::{cited, corpus_and_report, reference_ids};
use super::*;
use crate::corpus::model::CITATION_LABEL;

/// A list's lines as one group.
fn labelled(lines: &[&str]) -> Option<Vec<(String, Entry)>> {
    labelled_entries(&[lines.to_vec()], &HashSet::new())
}

/// Each entry's label and text.
fn labels_and_texts(entries: &[(String, Entry)]) -> Vec<(&str, &str)> {
    entries
        .iter()
        .map(|(label, entry)| (label.as_str(), entry.text.as_str()))
        .collect()
}

#[test]
fn a_line_opens_an_entry_on_a_label_not_on_a_number() {
    assert_eq!(
        label_start("[Knu84] D. E. Knuth. Literate programming."),
        Some(("Knu84", "D. E. Knuth. Literate programming."))
    );
    assert_eq!(
        label_start("[Arons, 1997] Arons, B. (1997)."),
        Some(("Arons, 1997", "Arons, B. (1997)."))
    );
    assert_eq!(label_start("[vdH01]"), Some(("vdH01", "")));
    assert_eq!(label_start("[3] A. Author. Title."), None);
    assert_eq!(label_start("[Knu84]D. E. Knuth"), None);
    assert_eq!(label_start("Knuth [Knu84] says"), None);
    assert_eq!(label_start("[unclosed Knu84 D. E."), None);
}

#[test]
fn a_list_is_labelled_when_its_entries_open_on_distinct_labels() {
    let entries = labelled(&[
        "References",
        "[Bac78] John W. Backus. Can programming be liberated from the von",
        "Neumann style? Commun. ACM, 21(8):613–641, 1978.",
        "[Boo91] G. Booch. Object Oriented Design with Applications.",
        "Benjamin/Cummings, 1991.",
        "[WVS+ 96]",
        "A. Author and B. Author. A title. 1996.",
    ])
    .unwrap();
    let read = labels_and_texts(&entries);
    assert_eq!(
        read,
        [
            (
                "Bac78",
                "John W. Backus. Can programming be liberated from the von Neumann style? \
                 Commun. ACM, 21(8):613–641, 1978."
            ),
            (
                "Boo91",
                "G. Booch. Object Oriented Design with Applications. Benjamin/Cummings, 1991."
            ),
            ("WVS+ 96", "A. Author and B. Author. A title. 1996."),
        ]
    );
    // A numbered list, two labels only, or a label repeated on wrapped lines: not labelled.
    assert!(labelled(&["[1] A. Title. 2001.", "[2] B. Title. 2002.", "[Abc01] C."]).is_none());
    assert!(labelled(&["[Abc01] A. Title.", "[Bcd02] B. Title."]).is_none());
    assert!(
        labelled(&[
            "Smith, J. (2001). A title.",
            "[Online] Available: https://example.org/a",
            "Jones, K. (2002). Another.",
            "[Online] Available: https://example.org/b",
            "Lee, M. (2003). A third.",
            "[Online] Available: https://example.org/c",
            "[Note] A fourth.",
            "[Web] A fifth.",
            "[Print] A sixth.",
        ])
        .is_none()
    );
}

/// The labels of works `ids` printed with `labels`.
fn labels_of(pairs: &[(&str, &str)]) -> Labels {
    let references: Vec<Reference> = pairs
        .iter()
        .map(|(label, id)| {
            let mut reference = Reference {
                id: (*id).to_owned(),
                ..Reference::default()
            };
            reference
                .extra
                .insert(CITATION_LABEL.to_owned(), (*label).into());
            reference
        })
        .collect();
    Labels::of(&references).unwrap()
}

/// What `text`'s citations print and name.
fn found(labels: &Labels, text: &str) -> Vec<(String, Vec<String>)> {
    labels
        .find(text)
        .into_iter()
        .map(|found| (text[found.range].to_owned(), found.keys))
        .collect()
}

#[test]
fn citations_name_labels_with_locators_prefixes_and_spaces() {
    let labels = labels_of(&[
        ("Knu84", "knuth1984"),
        ("BLM+11", "blm2011"),
        ("WVS+ 96", "wvs1996"),
        ("Rees86", "rees1986"),
    ]);
    let text = "As [Knu84] shows, and [BLM+11, Theorem 2; Knu84] after [see Rees86,6.2] \
                or [WVS+96]; not [0, 1] nor [x], but [Xyz99] is missing and [Knu84 too.";
    let keys = |ids: &[&str]| ids.iter().map(|id| (*id).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        found(&labels, text),
        [
            ("[Knu84]".to_owned(), keys(&["knuth1984"])),
            (
                "[BLM+11, Theorem 2; Knu84]".to_owned(),
                keys(&["blm2011", "knuth1984"])
            ),
            ("[see Rees86,6.2]".to_owned(), keys(&["rees1986"])),
            ("[WVS+96]".to_owned(), keys(&["wvs1996"])),
            ("[Xyz99]".to_owned(), keys(&[])),
        ]
    );
}

#[test]
fn author_year_labels_are_read_across_their_commas() {
    let labels = labels_of(&[
        ("Scheirer and Slaney, 1997", "scheirer1997"),
        ("Fujinaga, 1998", "fujinaga1998"),
        ("Wold et al., 1996", "wold1996"),
    ]);
    let text = "shown [Scheirer and Slaney, 1997, Fujinaga, 1998, Wold et al., 1996] and \
                [Fujinaga,\n1998] but not [Slaney, 1997] nor [Wold, 1996].";
    let found = found(&labels, text);
    let keys: Vec<&[String]> = found.iter().map(|(_, keys)| keys.as_slice()).collect();
    assert_eq!(
        keys,
        [
            &["scheirer1997", "fujinaga1998", "wold1996"][..],
            &["fujinaga1998"][..],
        ]
    );
}

/// A paper as pdftotext prints one whose list BibTeX's `alpha` style set.
const ALPHA_PAPER: &str = "\
Out of the Pit

A. Writer

Abstract

Complexity is the root of the problem [Bro86], as many have said [Dij72, p. 861].

1 Introduction

Functional programming [Bac78] and objects [Boo91; Bro86] both help. A state of the art in
[0, 1] is no citation, nor is [1], and [Zzz99] names no work of the list.

References

[Bac78] John W. Backus. Can programming be liberated from the von
Neumann style? Commun. ACM, 21(8):613–641, 1978.
[Boo91] G. Booch. Object Oriented Design with Applications.
Benjamin/Cummings, 1991.
[Bro86] Frederick P. Brooks and Jane Doe. No silver bullet: Essence and accidents of
software engineering. Information Processing, 1986.
[Dij72] Edsger W. Dijkstra and Anne Other. The humble programmer. Commun. ACM,
15(10):859–866, 1972.
";

/// Each reference's label as the corpus keeps it (its CSL `citation-label`).
fn citation_labels(corpus: &crate::corpus::Corpus) -> Vec<Option<&str>> {
    corpus
        .file
        .references
        .iter()
        .map(Reference::citation_label)
        .collect()
}

#[test]
fn a_paper_citing_by_labels_links_each_label_to_its_entry() {
    let (corpus, messages) = corpus_and_report(ALPHA_PAPER);
    assert_eq!(corpus.file.references.len(), 4, "{messages:?}");
    assert_eq!(
        citation_labels(&corpus),
        [Some("Bac78"), Some("Boo91"), Some("Bro86"), Some("Dij72")]
    );
    let ids = reference_ids(&corpus);
    let [bac, boo, bro, dij] = ids.as_slice() else {
        panic!("four references: {ids:?}");
    };
    assert_eq!(
        cited(&corpus),
        [
            vec![(*bro).to_owned()],
            vec![(*dij).to_owned()],
            vec![(*bac).to_owned()],
            vec![(*boo).to_owned(), (*bro).to_owned()],
        ]
    );
    let dijkstra = corpus.file.references.get(3).unwrap();
    assert_eq!(dijkstra.title, "The humble programmer");
    // The list and the Navigator name each work by its label, as the paper prints it.
    assert_eq!(corpus.list_label(3).as_deref(), Some("[Dij72]"));
    assert_eq!(
        crate::corpus::display::reference_label(&corpus, 3),
        "[Dij72] Dijkstra & Other (1972)"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("1 citation marker") || m.contains("[Zzz99]")),
        "the label naming no work is reported: {messages:?}"
    );
}

#[test]
fn a_label_alone_above_its_entry_right_under_the_heading_opens_the_list() {
    let text = "\
Epidemic Things

A. Writer

1 Introduction

Rumours spread [Ab]. Broadcasts are reliable [Aw, Ba].

References
[Ab]

Karl Abrahamson and Lisa Higham. Probabilistic Solitude Verification on a Ring. 1986.

[Aw]

Baruch Awerbuch and Shimon Even. Efficient and Reliable Broadcast. 1984.

[Ba]

Norman T. J. Bailey and Jane Doe. The Mathematical Theory of Infectious Diseases. 1975.
";
    let (corpus, messages) = corpus_and_report(text);
    assert_eq!(
        citation_labels(&corpus),
        [Some("Ab"), Some("Aw"), Some("Ba")],
        "{messages:?}"
    );
    assert_eq!(cited(&corpus).len(), 2);
    assert_eq!(cited(&corpus).get(1).map(Vec::len), Some(2));
}

#[test]
fn labels_printed_as_a_column_apart_from_their_entries_are_given_in_order() {
    let column = |entries: &[&str]| {
        let mut lines = vec!["[BB94]", "[BBHT96]", "[Shor94]"];
        lines.extend_from_slice(entries);
        labelled(&lines).unwrap()
    };
    let read = column(&[
        "A. Berthiaume and G. Brassard, Oracle",
        "quantum computing, 1994.",
        "M. Boyer, G. Brassard, P. Hoyer and A. Tapp, Tight bounds on",
        "quantum searching, 1996.",
        "P. W. Shor, Algorithms for quantum computation, 1994.",
    ]);
    let pairs = labels_and_texts(&read);
    assert_eq!(
        pairs,
        [
            (
                "BB94",
                "A. Berthiaume and G. Brassard, Oracle quantum computing, 1994."
            ),
            (
                "BBHT96",
                "M. Boyer, G. Brassard, P. Hoyer and A. Tapp, Tight bounds on quantum searching, 1996."
            ),
            (
                "Shor94",
                "P. W. Shor, Algorithms for quantum computation, 1994."
            ),
        ]
    );
    // Two entries for three labels: which is whose cannot be told, so none is labelled.
    let read = column(&[
        "A. Berthiaume and G. Brassard, Oracle quantum computing, 1994.",
        "P. W. Shor, Algorithms for quantum computation, 1994.",
    ]);
    assert_eq!(read.len(), 2);
    assert!(read.iter().all(|(label, _)| label.is_empty()));
}

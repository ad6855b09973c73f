//! Tests of the plain-text importer on reference lists whose numbers pdftotext printed as a
//! column of their own, apart from their entries.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::pdf_text_tests::{cited, corpus_and_report, reference_ids};

#[test]
fn a_list_whose_numbers_stand_in_a_column_of_their_own_is_numbered_in_order() {
    // As pdftotext gives a journal's two columns: the numbers printed apart from their
    // entries, some of them lost (`4.`), the entries ending without a full stop.
    let text = "\
Fragment-based design of enzyme inhibitors
Ross Douglas

INTRODUCTION
The enzyme plays a critical role in blood pressure regulation [1,2]. It consists of two
domains that display differences in inhibitor binding [3]. Both domains clear the peptide
with equal efficiency [4,5].

REFERENCES
1.

2.
3.

Acharya, K. R., Sturrock, E. D., Riordan, J. F. and Ehlers, M. R.
(2003) Ace revisited: a new target for structure-based drug
design. Nat. Rev. Drug Discovery 2, 891–902
Fyhrquist, F. and Saijonmaa, O. (2008) Renin-angiotensin system
revisited. J. Intern. Med. 264, 224–236
Soubrier, F., Alhenc-Gelas, F., Hubert, C., Allegrini, J., John, M.,
Tregear, G. and Corvol, P. (1988) Two putative active centers in
human angiotensin I-converting enzyme. Proc. Natl. Acad. Sci. U.S.A. 85, 9386–9390

5.

Wei, L., Alhenc-Gelas, F., Corvol, P. and Clauser, E. (1991) The
two homologous domains are both catalytically active. J. Biol. Chem. 266,
9002–9008
Natesh, R., Schwager, S. L., Sturrock, E. D. and Acharya, K. R.
(2003) Crystal structure of the enzyme–lisinopril complex. Nature 421, 551–554
";
    let (corpus, messages) = corpus_and_report(text);
    assert_eq!(
        reference_ids(&corpus),
        [
            "acharya2003",
            "fyhrquist2008",
            "soubrier1988",
            "wei1991",
            "natesh2003"
        ],
        "{messages:?}"
    );
    assert_eq!(
        cited(&corpus),
        [
            vec!["acharya2003", "fyhrquist2008"],
            vec!["soubrier1988"],
            vec!["wei1991", "natesh2003"],
        ],
        "{messages:?}"
    );
}

#[test]
fn a_column_of_numbers_is_not_trusted_when_the_entries_do_not_match_it() {
    // Vancouver entries beside a column of numbers to 4, one entry's names not told apart
    // from the one above (`the committee`): the column does not number the entries.
    let text = "\
A Review of Iron Deficiency
Ann Author

Introduction
Iron deficiency is common [1]. It is treated [4].

REFERENCES
1.
2.
3.
4.

World Health Organization. World prevalence of anaemia 1993-2005. WHO Global
Database on Anaemia.
Zimmermann MB, Hurrell RF. Nutritional iron deficiency. Lancet 2007;370:511-20.
the committee of the society. Guideline on the management of infection. 2007.
Cochran WG. The combination of estimates from different experiments. Biometrics
1954;10:101-29.
";
    let (corpus, messages) = corpus_and_report(text);
    let references: Vec<(Option<u32>, &str)> = corpus
        .file
        .references
        .iter()
        .map(|r| (r.citation_number, r.title.as_str()))
        .collect();
    // Read as a list without numbers, as its entries are cut by their years and full stops:
    // no empty entry for each number of the column; numbered in order, as any list printed
    // without numbers is.
    assert_eq!(
        references.first(),
        Some(&(Some(1), "World prevalence of anaemia 1993-2005")),
        "{messages:?}"
    );
    assert!(
        references.len() < 4 && references.iter().all(|(_, title)| !title.is_empty()),
        "{references:?} {messages:?}"
    );
}

#[test]
fn numbers_printed_as_a_column_in_the_middle_of_a_list_number_the_entries_below_them() {
    // As pdftotext gives a BioMed Central list's last page: entries 3 to 5 as a column of
    // numbers above the rest of entry 2 and their own entries (one author's ending with `:`).
    let text = "\
Thrombosis after Trauma
Ann Author

Introduction
Filters are used [1]. They are reviewed [4] and followed up [5]. Late results are known [6].

References
1. Kudsk KA, Fabian TC, Baum S: Silent deep vein thrombosis in immobilized
trauma patients. Am J Surg 1989, 158:515-9.
2. Decousus H, Leizorovicz A, Parent F: A clinical trial of vena caval filters in patients
3.
4.
5.
with proximal deep-vein thrombosis. N Engl J Med 1998, 338:409-15.
Darcy MD, Smith TP, Hunter DW, Castraneda-Zuniga W, Lund G, Amplatz K:
Short-term prophylaxis of pulmonary embolism. AJR Am J Roentgenol 1986, 147:836-8.
Streiff MB: Vena caval filters: a comprehensive review. Blood 2000,
95:3669-77.
Messmer JM, Greenfield LJ: Greenfield caval filters: long-term
radiographic follow-up study. Radiology 1985, 156:613-8.
6. Wicky S, Doenz F, Meuwly JY: Clinical experience with retrievable filters. J Endovasc
Ther 2003, 10:994-1000.
";
    let (corpus, messages) = corpus_and_report(text);
    let printed: Vec<(Option<u32>, String)> = corpus
        .file
        .references
        .iter()
        .map(|r| {
            let printed = r.printed().unwrap_or_default();
            (r.citation_number, printed.chars().take(12).collect())
        })
        .collect();
    let expected: Vec<(Option<u32>, String)> = [
        "Kudsk KA, Fa",
        "Decousus H, ",
        "Darcy MD, Sm",
        "Streiff MB: ",
        "Messmer JM, ",
        "Wicky S, Doe",
    ]
    .iter()
    .zip(1..)
    .map(|(start, number)| (Some(number), (*start).to_owned()))
    .collect();
    assert_eq!(printed, expected, "{messages:?}");
    let decousus = corpus.file.references.get(1).and_then(|r| r.printed());
    assert!(
        decousus.is_some_and(|p| p.ends_with("338:409-15.")),
        "{decousus:?}"
    );
    assert_eq!(cited(&corpus).len(), 4, "{messages:?}");
}

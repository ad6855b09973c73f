//! Each style against what it prints for the built-in corpus.

use super::*;
use crate::corpus::Corpus;

/// The entry of a built-in reference in `style`: plain text and the italic runs.
fn entry(style: CitationStyle, id: &str) -> (String, Vec<String>) {
    let corpus = Corpus::builtin();
    let reference = corpus.file.references.iter().find(|r| r.id == id);
    let formatted = reference
        .map(|r| format_bibliography_entry(r, style))
        .unwrap_or_default();
    let italics = formatted
        .0
        .iter()
        .filter(|s| s.italic)
        .map(|s| s.text.clone())
        .collect();
    (formatted.to_plain_string(), italics)
}

/// What a style prints for the built-in corpus.
struct Expected<'a> {
    /// Porter and van der Linde (1995) in full, and its italic runs.
    porter1995: (&'a str, &'a [&'a str]),
    /// The plain text of other references, by id.
    entries: &'a [(&'a str, &'a str)],
    /// In-text citations: the ids cited, the number of the first, the text.
    citations: &'a [(&'a [&'a str], u32, &'a str)],
}

/// Asserts that `style` prints the built-in corpus as `expected` says.
fn check_style(style: CitationStyle, expected: &Expected<'_>) {
    let (porter, italics) = entry(style, "porter1995");
    assert_eq!(porter, expected.porter1995.0);
    assert_eq!(italics, expected.porter1995.1);
    for (id, text) in expected.entries {
        assert_eq!(entry(style, id).0, *text, "{id} in {}", style.label());
    }
    for (ids, first, text) in expected.citations {
        assert_eq!(in_text(style, ids, *first), *text);
    }
}

fn in_text(style: CitationStyle, ids: &[&str], first: u32) -> String {
    let corpus = Corpus::builtin();
    let references: Vec<&Reference> = ids
        .iter()
        .filter_map(|id| corpus.file.references.iter().find(|r| r.id == *id))
        .collect();
    assert_eq!(references.len(), ids.len());
    format_in_text(&references, style, first)
}

#[test]
fn apa() {
    let style = CitationStyle::Apa;
    check_style(
        style,
        &Expected {
            porter1995: (
                "Porter, M. E., & van der Linde, C. (1995). Toward a new conception of the environment-competitiveness relationship. J. Econ. Perspect., 9(4), 97–118.",
                &["J. Econ. Perspect.", "9"],
            ),
            entries: &[
                (
                    "citaristi2022",
                    "Citaristi, I. (2022). United Nations Office on Drugs and Crime—UNODC. In The Europa Directory of International Organizations 2022 (pp. 248–252). Routledge.",
                ),
                // A quotation in a title takes double quotation marks where titles stand
                // unquoted.
                (
                    "risse2000",
                    "Risse, T. (2000). “Let’s argue!”: communicative action in world politics. Int. Organ., 54(1), 1–39.",
                ),
            ],
            citations: &[
                (&["porter1995"], 8, "(Porter & van der Linde, 1995)"),
                (&["sayuti2023"], 19, "(Sayuti et al., 2023)"),
            ],
        },
    );
}

#[test]
fn ieee() {
    let style = CitationStyle::Ieee;
    check_style(
        style,
        &Expected {
            porter1995: (
                "M. E. Porter and C. van der Linde, “Toward a new conception of the environment-competitiveness relationship,” J. Econ. Perspect., vol. 9, no. 4, pp. 97–118, 1995.",
                &["J. Econ. Perspect."],
            ),
            entries: &[(
                "citaristi2022",
                "I. Citaristi, “United Nations Office on Drugs and Crime—UNODC,” in The Europa Directory of International Organizations 2022, Routledge, 2022, pp. 248–252.",
            )],
            citations: &[
                (&["porter1995"], 8, "[8]"),
                (&["islam2024", "porter1995"], 7, "[7], [8]"),
            ],
        },
    );
    assert_eq!(
        entry(style, "donnelly2013"),
        (
            "J. Donnelly, Universal human rights in theory and practice. Cornell University Press, 2013.".to_owned(),
            vec!["Universal human rights in theory and practice".to_owned()]
        )
    );
}

#[test]
fn chicago_author_date() {
    let style = CitationStyle::ChicagoAuthorDate;
    check_style(
        style,
        &Expected {
            porter1995: (
                "Porter, M. E., and C. van der Linde. 1995. “Toward a New Conception of the Environment-Competitiveness Relationship.” J. Econ. Perspect. 9 (4): 97–118.",
                &["J. Econ. Perspect."],
            ),
            entries: &[
                // Chicago abbreviates the second number of a page range.
                (
                    "islam2024",
                    "Islam, F., and S. Fay. 2024. “Intersectional Challenges in Post-Trafficking Reintegration of Survivor Women of Trafficking.” Int. J. Hum. Rights 28 (10): 1777–807.",
                ),
                (
                    "donnelly2013",
                    "Donnelly, J. 2013. Universal Human Rights in Theory and Practice. Cornell University Press.",
                ),
                // A volume without an issue, a journal with neither, no journal: no stray
                // punctuation where the missing parts would go (the vendored renderer's fix).
                (
                    "cho2015",
                    "Cho, S. Y. 2015. “Modelling for Determinants of Human Trafficking.” Soc. Incl. 3: 2–21.",
                ),
                (
                    "shelley2010",
                    "Shelley, L. 2010. “Human Trafficking.” A Glob. Perspect.",
                ),
                (
                    "lathamsprinkle2019",
                    "Latham-Sprinkle, J., F. David, K. Bryant, and J. Larsen. 2019. “Migrants and Their Vulnerability to Human Trafficking, Modern Slavery and Forced Labour.” Preprint.",
                ),
            ],
            citations: &[(&["porter1995"], 8, "(Porter and van der Linde 1995)")],
        },
    );
}

#[test]
fn harvard_cite_them_right() {
    let style = CitationStyle::Harvard;
    // British: single quotation marks, the comma outside them.
    check_style(
        style,
        &Expected {
            porter1995: (
                "Porter, M.E. and van der Linde, C. (1995) ‘Toward a new conception of the environment-competitiveness relationship’, J. Econ. Perspect., 9(4), pp. 97–118.",
                &["J. Econ. Perspect."],
            ),
            entries: &[
                // A chapter with no editor: no lone "in" before the book (a group whose
                // variables are all empty prints nothing, its term included).
                (
                    "citaristi2022",
                    "Citaristi, I. (2022) ‘United Nations Office on Drugs and Crime—UNODC’, The Europa Directory of International Organizations 2022. Routledge, pp. 248–252.",
                ),
                (
                    "brysk2019",
                    "Brysk, A. (2019) ‘Introduction: contesting human rights—pathways of change’, Contesting Human Rights. Edward Elgar Publishing, pp. 1–11.",
                ),
                (
                    "donnelly2013",
                    "Donnelly, J. (2013) Universal human rights in theory and practice. Cornell University Press.",
                ),
            ],
            citations: &[
                (&["porter1995"], 8, "(Porter and van der Linde, 1995)"),
                (&["sayuti2023"], 19, "(Sayuti, Rofii and Salya, 2023)"),
            ],
        },
    );
}

#[test]
fn mla() {
    let style = CitationStyle::Mla;
    check_style(
        style,
        &Expected {
            porter1995: (
                "Porter, M. E., and C. van der Linde. “Toward a New Conception of the Environment-Competitiveness Relationship.” J. Econ. Perspect., vol. 9, no. 4, 1995, pp. 97–118.",
                &["J. Econ. Perspect."],
            ),
            entries: &[
                (
                    "islam2024",
                    "Islam, F., and S. Fay. “Intersectional Challenges in Post-Trafficking Reintegration of Survivor Women of Trafficking.” Int. J. Hum. Rights, vol. 28, no. 10, 2024, pp. 1777–807.",
                ),
                (
                    "donnelly2013",
                    "Donnelly, J. Universal Human Rights in Theory and Practice. Cornell University Press, 2013.",
                ),
                // Initials joined by a hyphen, not initialized by the style, stand apart.
                (
                    "cho2015",
                    "Cho, S. Y. “Modelling for Determinants of Human Trafficking.” Soc. Incl., vol. 3, 2015, pp. 2–21.",
                ),
                // A book by an author with no other contributor prints no volume: the
                // style's `variable="author"` condition sees the author printed before.
                (
                    "lombard2018",
                    "Lombard, N. The Routledge Handbook of Gender and Violence. Routledge London, 2018.",
                ),
            ],
            citations: &[(&["porter1995"], 8, "(Porter and van der Linde)")],
        },
    );
}

/// Title case (Chicago, MLA) keeps a title's closing all-capitals word and writes small
/// words after a comma in lower case; after a colon it capitalises (the vendored
/// renderer's fixes, `vendor/hayagriva/PATCHES.md`).
#[test]
fn title_case_keeps_acronyms_and_small_words() {
    use hayagriva::lang::{Case, CaseFolder, TitleCase};

    for style in [CitationStyle::ChicagoAuthorDate, CitationStyle::Mla] {
        let (citaristi, _) = entry(style, "citaristi2022");
        assert!(
            citaristi.contains("“United Nations Office on Drugs and Crime—UNODC.”"),
            "{citaristi}"
        );
        let (bales, italics) = entry(style, "bales2016");
        assert_eq!(
            italics,
            ["Blood and Earth: Modern Slavery, Ecocide, and the Secret to Saving the World"],
            "{bales}"
        );
    }
    // The case folder itself: a closing all-capitals word survives the switch to the
    // next element's case, and a comma is not the end of a sentence.
    let mut folder = CaseFolder::with_config(Case::Title(TitleCase::default()));
    folder.push_str("united nations office on drugs and crime—UNODC");
    folder.reconfigure(Case::NoTransform);
    folder.push_str(".”");
    assert_eq!(
        folder.finish(),
        "United Nations Office on Drugs and Crime—UNODC.”"
    );
    assert_eq!(
        Case::Title(TitleCase::default()).transform("a study: in the dark; or, of the night"),
        "A Study: In the Dark; or, of the Night"
    );
}

/// A title's last word is capitalised even when a stop word, and a letter standing alone
/// (`2015a, b`) is not, as citeproc-js prints the built-in `hynes2024` in Chicago and MLA.
#[test]
fn title_case_capitalises_the_last_word_not_a_lone_letter() {
    for style in [CitationStyle::ChicagoAuthorDate, CitationStyle::Mla] {
        let (hynes, _) = entry(style, "hynes2024");
        assert!(
            hynes.contains(
                "Two Decades (Gallagher, 2015a, b; Morrison, 2002). Prior to the Landmark Definition Of.”"
            ),
            "{hynes}"
        );
    }
}

/// MLA sorts one author's works by title (its `<sort>`: author, then title), quoted or not,
/// so the dash for a repeated author stands on the second by title.
#[test]
fn mla_sorts_one_authors_works_by_title() {
    let corpus = Corpus::builtin();
    let all: Vec<&Reference> = corpus.file.references.iter().collect();
    let mla = format_bibliography(&all, CitationStyle::Mla);
    let keohane: Vec<(&str, String)> = mla
        .iter()
        .filter(|e| e.id.starts_with("keohane"))
        .map(|e| (e.id.as_str(), e.text.to_plain_string()))
        .collect();
    assert_eq!(
        keohane,
        [
            (
                "keohane2005",
                "Keohane, R. O. After Hegemony: Cooperation and Discord in the World Political Economy. Princeton university press, 2005.".to_owned()
            ),
            (
                "keohane1977",
                "———. “Power and Interdependence: World Politics in Transition.” TBS B. Serv. Ltd, 1977.".to_owned()
            ),
        ]
    );
}

/// MLA names no year in text: one author's two works are told apart by their titles, both
/// of them (CSL's `disambiguate` condition), as citeproc-js prints them.
#[test]
fn mla_tells_one_authors_works_apart_by_title_in_the_text() {
    let corpus = Corpus::builtin();
    let all: Vec<&Reference> = corpus.file.references.iter().collect();
    let numbers: Vec<u32> = (1..=19).collect();
    let forms = format_citations_of_all(&all, CitationStyle::Mla, &numbers);
    let parenthetical = |id: &str| {
        all.iter()
            .zip(&forms)
            .find(|(reference, _)| reference.id == id)
            .map(|(_, forms)| forms.parenthetical.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        parenthetical("keohane1977"),
        "(Keohane, “Power and Interdependence: World Politics in Transition”)"
    );
    assert_eq!(
        parenthetical("keohane2005"),
        "(Keohane, After Hegemony: Cooperation and Discord in the World Political Economy)"
    );
    assert_eq!(parenthetical("porter1995"), "(Porter and van der Linde)");
}

/// Title case (Chicago, MLA) leaves a word in mixed case as written: a journal's `PLoS One`,
/// a title's `mRNA` and `eLife`, as citeproc-js prints them.
#[test]
fn title_case_keeps_words_in_mixed_case() {
    let reference = Reference {
        id: "r".to_owned(),
        item_type: "article-journal".to_owned(),
        title: "mRNA vaccines reviewed in eLife".to_owned(),
        container_title: "PLoS One".to_owned(),
        author: vec![CslName {
            family: "Doe".to_owned(),
            given: "J.".to_owned(),
            ..Default::default()
        }],
        issued: Some(CslDate {
            date_parts: vec![vec![2020]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    assert_eq!(
        format_bibliography_entry(&reference, CitationStyle::ChicagoAuthorDate).to_plain_string(),
        "Doe, J. 2020. “mRNA Vaccines Reviewed in eLife.” PLoS One."
    );
    // A journal's name written with capitals keeps them, stop words and single letters
    // included, as citeproc-js prints it.
    let pnas = Reference {
        title: "Oligomers form through distinct pathways".to_owned(),
        container_title: "Proc Natl Acad Sci U S A".to_owned(),
        ..reference
    };
    assert_eq!(
        format_bibliography_entry(&pnas, CitationStyle::ChicagoAuthorDate).to_plain_string(),
        "Doe, J. 2020. “Oligomers Form through Distinct Pathways.” Proc Natl Acad Sci U S A."
    );
}

#[test]
fn a_whole_bibliography_is_sorted_and_labelled_by_the_style() {
    let corpus = Corpus::builtin();
    let all: Vec<&Reference> = corpus.file.references.iter().collect();
    let apa = format_bibliography(&all, CitationStyle::Apa);
    assert_eq!(apa.len(), 19);
    assert_eq!(apa.first().map(|e| e.id.as_str()), Some("bales2016"));
    assert_eq!(apa.last().map(|e| e.id.as_str()), Some("wilson2020"));
    assert!(apa.iter().all(|e| e.label.is_none()));
    let ieee = format_bibliography(&all, CitationStyle::Ieee);
    let ids: Vec<&str> = ieee.iter().map(|e| e.id.as_str()).collect();
    let list: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, list);
    assert_eq!(ieee.get(7).and_then(|e| e.label.as_deref()), Some("[8]"));
}

/// A range of years prints in full, with a year suffix after the last year; a range of
/// months or days prints its first date (the renderer joins years only); a date without
/// parts, or a third date, is left out.
#[test]
fn a_range_of_years_prints_both_years() {
    let works = |dates: serde_json::Value| -> Reference {
        serde_json::from_value(serde_json::json!({
            "id": "r",
            "type": "book",
            "title": "Collected works",
            "author": [{"family": "Doe", "given": "J."}],
            "issued": {"date-parts": dates},
        }))
        .unwrap_or_default()
    };
    let apa = |dates: serde_json::Value| {
        format_bibliography_entry(&works(dates), CitationStyle::Apa).to_plain_string()
    };
    assert_eq!(
        apa(serde_json::json!([[1984], [1986]])),
        "Doe, J. (1984–1986). Collected works."
    );
    assert_eq!(
        apa(serde_json::json!([[1984], [1984]])),
        "Doe, J. (1984). Collected works."
    );
    assert_eq!(
        apa(serde_json::json!([[2001, 5], [2001, 6]])),
        "Doe, J. (2001). Collected works."
    );
    assert_eq!(
        apa(serde_json::json!([[1984], []])),
        "Doe, J. (1984). Collected works."
    );
    // A first date without parts is left out: the second is the date. (The renderer
    // panicked on it, and the whole bibliography came out empty.)
    assert_eq!(
        apa(serde_json::json!([[], [1986]])),
        "Doe, J. (1986). Collected works."
    );
    assert_eq!(
        apa(serde_json::json!([[1984], [1986], [1990]])),
        "Doe, J. (1984). Collected works."
    );
    let chicago = format_bibliography_entry(
        &works(serde_json::json!([[1984], [1986]])),
        CitationStyle::ChicagoAuthorDate,
    )
    .to_plain_string();
    assert!(chicago.contains("1984–1986."), "{chicago}");

    // Two works of one author and one range take their suffixes after the last year.
    let volume = |id: &str, title: &str| Reference {
        id: id.to_owned(),
        title: title.to_owned(),
        ..works(serde_json::json!([[1984], [1986]]))
    };
    let first = volume("a", "Volume A");
    let second = volume("b", "Volume B");
    let cited = format_citations_of_all(&[&first, &second], CitationStyle::Apa, &[1, 2]);
    let parenthetical: Vec<&str> = cited.iter().map(|f| f.parenthetical.as_str()).collect();
    assert_eq!(parenthetical, ["(Doe, 1984–1986a)", "(Doe, 1984–1986b)"]);
}

/// A list the source shortened with "et al." (JATS's `<etal/>`, BibTeX's `and others`) ends in
/// the style's "et al.", as pandoc's citeproc prints it, however few names come before: it
/// was printed as though the names given were every author (`…, & Chervitz, S. A.`), and
/// two names and "et al." were cited as two authors.
#[test]
fn a_list_shortened_with_et_al_prints_et_al() {
    let work = |authors: serde_json::Value| -> Reference {
        serde_json::from_value(serde_json::json!({
            "id": "stajich2002",
            "type": "article-journal",
            "title": "The Bioperl toolkit",
            "container-title": "Genome Res",
            "author": authors,
            "issued": {"date-parts": [[2002]]},
        }))
        .unwrap_or_default()
    };
    let five = work(serde_json::json!([
        {"family": "Stajich", "given": "JE"},
        {"family": "Block", "given": "D"},
        {"family": "Boulez", "given": "K"},
        {"family": "Brenner", "given": "SE"},
        {"family": "Chervitz", "given": "SA"},
        {"literal": "others"},
    ]));
    let bibliography = |reference: &Reference, style| {
        format_bibliography_entry(reference, style).to_plain_string()
    };
    assert_eq!(
        bibliography(&five, CitationStyle::Apa),
        "Stajich, J. E., Block, D., Boulez, K., Brenner, S. E., Chervitz, S. A., et al. \
         (2002). The Bioperl toolkit. Genome Res."
    );
    assert_eq!(
        bibliography(&five, CitationStyle::Ieee),
        "J. E. Stajich, D. Block, K. Boulez, S. E. Brenner, S. A. Chervitz, et al., \
         “The Bioperl toolkit,” Genome Res, 2002."
    );
    let vancouver = any::bundled_style("vancouver").unwrap_or_else(|e| panic!("{e}"));
    let cited = any::cite_all(&[&five], &vancouver, &vancouver.default_locale());
    let entry = cited.bibliography.first().map(|e| e.text.to_plain_string());
    assert_eq!(
        entry.as_deref(),
        Some(
            "Stajich JE, Block D, Boulez K, Brenner SE, Chervitz SA, et al. The Bioperl \
             toolkit. Genome Res. 2002."
        )
    );

    // One name before "et al." (BibTeX's `Holgate, Simon J. and others`), written as the
    // importers write it.
    let one = work(serde_json::json!([
        {"family": "Holgate", "given": "Simon J."},
        {"literal": "et al."},
    ]));
    assert_eq!(
        bibliography(&one, CitationStyle::Apa),
        "Holgate, S. J. et al. (2002). The Bioperl toolkit. Genome Res."
    );
    // Two names and "et al." are at least three authors: cited as such, not as two.
    let two = work(serde_json::json!([
        {"family": "Stajich", "given": "JE"},
        {"family": "Block", "given": "D"},
        {"literal": "others"},
    ]));
    let cited = format_citations_of_all(&[&two], CitationStyle::Apa, &[1]);
    let parenthetical: Vec<&str> = cited.iter().map(|f| f.parenthetical.as_str()).collect();
    assert_eq!(parenthetical, ["(Stajich et al., 2002)"]);
    // "et al." anywhere but at the end, or with no name before it, is not a name.
    let misplaced = work(serde_json::json!([
        {"literal": "et al."},
        {"family": "Stajich", "given": "JE"},
    ]));
    assert_eq!(
        bibliography(&misplaced, CitationStyle::Apa),
        "Stajich, J. E. (2002). The Bioperl toolkit. Genome Res."
    );
    let alone = work(serde_json::json!([{"literal": "others"}]));
    assert!(
        !bibliography(&alone, CitationStyle::Apa).contains("others"),
        "{}",
        bibliography(&alone, CitationStyle::Apa)
    );
}

#[test]
fn straight_quotes_become_typographic() {
    assert_eq!(
        typographic_quotes("'Let's argue!': students' work", ('‘', '’')),
        "‘Let’s argue!’: students’ work"
    );
    assert_eq!(typographic_quotes("a 'b' (c's)", ('“', '”')), "a “b” (c’s)");
}

#[test]
fn every_bundled_style_states_its_licence() {
    for style in CitationStyle::ALL {
        let (words, address) = style.licence().unwrap_or_default();
        assert!(
            words.contains("Creative Commons Attribution-ShareAlike 3.0"),
            "{words}"
        );
        assert_eq!(
            address.as_deref(),
            Some("http://creativecommons.org/licenses/by-sa/3.0/")
        );
    }
}

#[test]
fn styles_serialise_in_snake_case_and_have_labels() {
    assert_eq!(
        serde_json::to_string(&CitationStyle::ChicagoAuthorDate)
            .ok()
            .as_deref(),
        Some("\"chicago_author_date\"")
    );
    for style in CitationStyle::ALL {
        assert!(!style.label().is_empty());
        assert!(
            hayagriva::archive::ArchivedStyle::by_name(style.csl_name()).is_some(),
            "{}",
            style.csl_name()
        );
    }
}

/// A citation that is part of its sentence: author and year in the author–date styles (APA
/// writes "and"), the authors alone in MLA, the number in IEEE.
#[test]
fn narrative_citations_in_each_style() {
    let corpus = Corpus::builtin();
    let narrative = |style: CitationStyle, id: &str| {
        let position = corpus.reference_by_id(id).unwrap_or(usize::MAX);
        corpus
            .reference(position)
            .map(|(reference, number)| format_narrative(reference, style, number))
            .unwrap_or_default()
    };
    assert_eq!(
        narrative(CitationStyle::Apa, "porter1995"),
        "Porter and van der Linde (1995)"
    );
    assert_eq!(
        narrative(CitationStyle::ChicagoAuthorDate, "porter1995"),
        "Porter and van der Linde (1995)"
    );
    assert_eq!(
        narrative(CitationStyle::Harvard, "porter1995"),
        "Porter and van der Linde (1995)"
    );
    assert_eq!(
        narrative(CitationStyle::Mla, "porter1995"),
        "Porter and van der Linde"
    );
    assert_eq!(narrative(CitationStyle::Ieee, "porter1995"), "[8]");
    assert_eq!(
        narrative(CitationStyle::Apa, "sayuti2023"),
        "Sayuti et al. (2023)"
    );
}

/// After an author's name the sentence gives: the year alone, in parentheses.
#[test]
fn the_year_alone_after_a_named_author() {
    let corpus = Corpus::builtin();
    let position = corpus.reference_by_id("porter1995").unwrap_or(usize::MAX);
    let year = |style| {
        corpus
            .reference(position)
            .map(|(reference, number)| format_year(reference, style, number))
            .unwrap_or_default()
    };
    assert_eq!(year(CitationStyle::Apa), "(1995)");
    assert_eq!(year(CitationStyle::ChicagoAuthorDate), "(1995)");
    assert_eq!(year(CitationStyle::Harvard), "(1995)");
    assert_eq!(year(CitationStyle::Ieee), "[8]");
}

/// Works of the same author and year are told apart in the text with the letters the list
/// gives them.
#[test]
fn works_of_one_author_and_year_are_told_apart_in_the_text() {
    let knuth = |id: &str, title: &str| Reference {
        id: id.to_owned(),
        item_type: "book".to_owned(),
        title: title.to_owned(),
        author: vec![CslName {
            family: "Knuth".to_owned(),
            given: "D. E.".to_owned(),
            ..Default::default()
        }],
        issued: Some(CslDate {
            date_parts: vec![vec![1984]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    let a = knuth("texbook", "The TeXbook");
    let b = knuth("metafont", "The METAFONTbook");
    let forms = format_citations_of_all(&[&a, &b], CitationStyle::Apa, &[1, 2]);
    let parenthetical: Vec<&str> = forms.iter().map(|f| f.parenthetical.as_str()).collect();
    // Lettered in the list's order (APA sorts by title: METAFONTbook before TeXbook), as
    // citeproc-js letters them, whatever order they are cited in.
    assert_eq!(parenthetical, ["(Knuth, 1984b)", "(Knuth, 1984a)"]);
    let narrative: Vec<&str> = forms.iter().map(|f| f.narrative.as_str()).collect();
    assert_eq!(narrative, ["Knuth (1984b)", "Knuth (1984a)"]);
    let years: Vec<&str> = forms.iter().map(|f| f.year.as_str()).collect();
    assert_eq!(years, ["(1984b)", "(1984a)"]);
    assert!(
        forms[0]
            .entry
            .to_plain_string()
            .starts_with("Knuth, D. E. (1984b). The TeXbook.")
    );
    // The built-in references, which share no author and year, read as one by one.
    let corpus = Corpus::builtin();
    let all: Vec<&Reference> = corpus.file.references.iter().collect();
    let numbers: Vec<u32> = (1..=19).collect();
    let forms = format_citations_of_all(&all, CitationStyle::Apa, &numbers);
    let porter = corpus.reference_by_id("porter1995").unwrap_or(usize::MAX);
    let porter = forms.get(porter).cloned().unwrap_or_default();
    assert_eq!(porter.parenthetical, "(Porter & van der Linde, 1995)");
    assert_eq!(porter.narrative, "Porter and van der Linde (1995)");
    assert_eq!(porter.year, "(1995)");
}

/// Vancouver (`vancouver` and `nlm-citation-sequence`, bundled) prints each entry's authors
/// and no space before the volume's `;`, as citeproc-js prints the official
/// `nlm-citation-sequence.csl` (Citing Medicine, updated 2026-01-07): a `<names>` with no
/// `<name>` still prints its names, a year-only date takes no date delimiter after it, and
/// `plural="never"` keeps `p.` before a page range.
#[test]
fn vancouver_prints_authors_as_citeproc_js_does() {
    let corpus = Corpus::builtin();
    let all: Vec<&Reference> = corpus.file.references.iter().collect();
    let citeproc_js = [
        (
            "porter1995",
            "Porter ME, van der Linde C. Toward a new conception of the \
             environment-competitiveness relationship. J Econ Perspect. 1995;9(4):97–118.",
        ),
        (
            "cho2015",
            "Cho SY. Modelling for determinants of human trafficking. Soc Incl. 2015;3:2–21.",
        ),
        (
            "citaristi2022",
            "Citaristi I. United Nations Office on Drugs and Crime—UNODC. In: The Europa \
             Directory of International Organizations 2022. Routledge; 2022. p. 248–52.",
        ),
    ];
    for name in ["vancouver", "nlm-citation-sequence"] {
        let style = any::bundled_style(name).unwrap_or_else(|e| panic!("{e}"));
        let cited = any::cite_all(&all, &style, &style.default_locale());
        for (id, expected) in citeproc_js {
            let entry = cited.bibliography.iter().find(|e| e.id == id);
            let text = entry.map(|e| e.text.to_plain_string()).unwrap_or_default();
            assert_eq!(text, expected, "{id} in {name}");
        }
    }
}

/// Nature's in-text numbers are superscript (`vertical-align="sup"`): the span says so and
/// the HTML raises it.
#[test]
fn nature_citations_are_superscript() {
    let corpus = Corpus::builtin();
    let all: Vec<&Reference> = corpus.file.references.iter().collect();
    let style = any::bundled_style("nature").unwrap_or_else(|e| panic!("{e}"));
    let cited = any::cite_all(&all, &style, &style.default_locale());
    let porter = cited.citations.iter().find(|(id, _)| id == "porter1995");
    let porter = porter
        .map(|(_, formatted)| formatted.clone())
        .unwrap_or_default();
    assert_eq!(porter.to_plain_string(), "8");
    assert!(porter.0.iter().all(|span| span.superscript), "{porter:?}");
    assert_eq!(any::to_html(&porter), "<sup>8</sup>");
    // APA's citations are not raised.
    let apa = any::bundled_style("apa").unwrap_or_else(|e| panic!("{e}"));
    let cited = any::cite_all(&all, &apa, &apa.default_locale());
    assert!(
        cited
            .citations
            .iter()
            .all(|(_, f)| f.0.iter().all(|s| !s.superscript))
    );
}

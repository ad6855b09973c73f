//! What paperlens prints where it once differed from citeproc-js (the CSL processor Zotero
//! uses) on real papers' references: each test pins a fix that the citeproc-js comparison
//! (`oracle_tests.rs`) counts, on a small reference of its own.

use super::*;

/// A person's name, family and given.
fn person(family: &str, given: &str) -> CslName {
    CslName {
        family: family.into(),
        given: given.into(),
        ..CslName::default()
    }
}

/// A journal article `id` (titled `Work {id}`) in `container` by `authors`, of `year`.
fn article(id: &str, container: &str, authors: Vec<CslName>, year: i32) -> Reference {
    Reference {
        id: id.into(),
        item_type: "article-journal".into(),
        title: format!("Work {id}"),
        container_title: container.into(),
        author: authors,
        issued: Some(CslDate {
            date_parts: vec![vec![year]],
            ..CslDate::default()
        }),
        ..Reference::default()
    }
}

/// A title's own closing punctuation meets the style's as citeproc-js merges them: the
/// full stop pulled into the quotation marks (Chicago, MLA) or written after an unquoted
/// title (APA) is not doubled, and `?` or `:` swallows it; a full stop before a comma stays.
#[test]
fn a_titles_own_punctuation_is_not_doubled() {
    let reference = |title: &str| Reference {
        id: "r".into(),
        item_type: "article-journal".into(),
        title: title.into(),
        container_title: "Nature".into(),
        author: vec![CslName {
            family: "Béjà".into(),
            given: "O.".into(),
            ..CslName::default()
        }],
        issued: Some(CslDate {
            date_parts: vec![vec![2001]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    let cases = [
        (
            CitationStyle::ChicagoAuthorDate,
            "Phototrophy in the ocean.",
            "“Phototrophy in the Ocean.” Nature",
        ),
        (
            CitationStyle::Mla,
            "Phototrophy in the ocean.",
            "“Phototrophy in the Ocean.” Nature,",
        ),
        (
            CitationStyle::Mla,
            "Is it phototrophy?",
            "“Is It Phototrophy?” Nature,",
        ),
        (
            CitationStyle::Apa,
            "Phototrophy in the ocean.",
            "(2001). Phototrophy in the ocean. Nature.",
        ),
        (
            CitationStyle::Apa,
            "Is it phototrophy?",
            "(2001). Is it phototrophy? Nature.",
        ),
        (
            CitationStyle::Apa,
            "Infection with Schistosoma mansoni:",
            "Infection with Schistosoma mansoni: Nature.",
        ),
        (
            CitationStyle::Ieee,
            "Phototrophy in the ocean (U.S.A.)",
            "“Phototrophy in the ocean (U.S.A.),” Nature",
        ),
    ];
    for (style, title, expected) in cases {
        let text = format_bibliography_entry(&reference(title), style).to_plain_string();
        assert!(text.contains(expected), "{}: {text}", style.label());
    }
    // Cite Them Right keeps punctuation outside the quotation marks: the full stop after them
    // merges with the title's own through them; a comma stays.
    let document = Reference {
        item_type: "document".into(),
        container_title: String::new(),
        publisher: "University of California Press".into(),
        publisher_place: "Berkeley".into(),
        ..reference("Patients and healers in the context of culture.")
    };
    let text = format_bibliography_entry(&document, CitationStyle::Harvard).to_plain_string();
    assert!(
        text.contains("‘Patients and healers in the context of culture.’ Berkeley"),
        "{text}"
    );
    let article = format_bibliography_entry(
        &reference("Phototrophy in the ocean."),
        CitationStyle::Harvard,
    )
    .to_plain_string();
    assert!(
        article.contains("‘Phototrophy in the ocean.’, Nature"),
        "{article}"
    );
}

/// A style that sets no `page-range-format` (IEEE, Cite Them Right) prints a range as the
/// data writes it; APA (`expanded`) and Chicago (`chicago-16`) reformat it.
#[test]
fn page_ranges_are_reformatted_only_where_the_style_says_how() {
    let reference = |page: &str| Reference {
        id: "r".into(),
        item_type: "article-journal".into(),
        title: "Amyloid beta-protein assembly".into(),
        container_title: "Proc Natl Acad Sci U S A".into(),
        volume: "100".into(),
        page: page.into(),
        issued: Some(CslDate {
            date_parts: vec![vec![2003]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    let cases = [
        (CitationStyle::Ieee, "330–5", "pp. 330–5,"),
        (CitationStyle::Harvard, "330–5", "pp. 330–5."),
        (CitationStyle::Ieee, "330-335", "pp. 330–335,"),
        (CitationStyle::Apa, "330–5", "100, 330–335."),
        (CitationStyle::ChicagoAuthorDate, "330–335", "100: 330–35."),
    ];
    for (style, page, expected) in cases {
        let text = format_bibliography_entry(&reference(page), style).to_plain_string();
        assert!(text.contains(expected), "{}: {text}", style.label());
    }
}

/// MLA names two works of `Fiala et al.` apart in the text by adding a name (`Fiala, Lin,
/// et al.`); the bibliography adds that name too, with every name in its own long form, as
/// citeproc-js prints them (the in-text short form had lost the given names there).
#[test]
fn names_added_to_tell_works_apart_keep_their_given_names_in_the_list() {
    let work = |id: &str, second: CslName, year: i32| {
        article(
            id,
            "J Alzheimers Dis",
            vec![person("Fiala", "M."), second, person("Ringman", "J.")],
            year,
        )
    };
    let lin = work("lin", person("Lin", "J."), 2005);
    let liu = work("liu", person("Liu", "P. T."), 2007);
    let mla = format_bibliography(&[&lin, &liu], CitationStyle::Mla);
    let texts: Vec<String> = mla
        .iter()
        .map(|entry| entry.text.to_plain_string())
        .collect();
    assert_eq!(texts.len(), 2);
    for (text, start) in texts.iter().zip([
        "Fiala, M., J. Lin, et al. ",
        "Fiala, M., P. T. Liu, et al. ",
    ]) {
        assert!(text.starts_with(start), "{text}");
    }
}

/// A particle written in the family name (`de la Torre`, as JATS gives it) is non-dropping,
/// as citeproc-js reads it: APA and MLA never demote it, Chicago does; a capitalised
/// `De Angelis` is a family name written whole.
#[test]
fn a_particle_in_the_family_name_is_kept_in_front_where_the_style_says_so() {
    let reference = Reference {
        id: "r".into(),
        item_type: "article-journal".into(),
        title: "Proteorhodopsin genes".into(),
        container_title: "Proc Natl Acad Sci U S A".into(),
        author: vec![
            CslName {
                family: "de la Torre".into(),
                given: "J. R.".into(),
                ..CslName::default()
            },
            CslName {
                family: "De Angelis".into(),
                given: "C.".into(),
                ..CslName::default()
            },
        ],
        issued: Some(CslDate {
            date_parts: vec![vec![2003]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    let cases = [
        (
            CitationStyle::Apa,
            "de la Torre, J. R., & De Angelis, C. (2003)",
        ),
        (CitationStyle::Mla, "de la Torre, J. R., and C. De Angelis."),
        (
            CitationStyle::ChicagoAuthorDate,
            "Torre, J. R. de la, and C. De Angelis. 2003.",
        ),
    ];
    for (style, expected) in cases {
        let text = format_bibliography_entry(&reference, style).to_plain_string();
        assert!(text.starts_with(expected), "{}: {text}", style.label());
    }
}

/// A role term is in the style's language, not the item's: APA capitalises `Ed.` after the
/// editor of a German book as after an English one, as citeproc-js does.
#[test]
fn a_role_term_takes_the_styles_case_whatever_the_items_language() {
    let chapter = |language: &str| -> Reference {
        serde_json::from_value(serde_json::json!({
            "id": "brandt",
            "type": "chapter",
            "title": "Die nordischen Länder",
            "author": [{"family": "Brandt", "given": "Ahasver"}],
            "editor": [{"family": "Seibt", "given": "Ferdinand"}],
            "container-title": "Europa im Hoch- und Spätmittelalter",
            "publisher": "Klett-Cotta",
            "issued": {"date-parts": [[1987]]},
            "language": language,
        }))
        .unwrap_or_default()
    };
    for language in ["german", "en-US"] {
        let text =
            format_bibliography_entry(&chapter(language), CitationStyle::Apa).to_plain_string();
        assert!(
            text.contains("In F. Seibt (Ed.), Europa"),
            "{language}: {text}"
        );
    }
}

/// A book with an editor and no author.
fn edited_book() -> Reference {
    serde_json::from_value(serde_json::json!({
        "id": "gaonkar",
        "type": "book",
        "title": "Alternative Modernities",
        "editor": [{"family": "Gaonkar", "given": "Dilip Parameshwar"}],
        "publisher": "Duke University Press",
        "issued": {"date-parts": [[2001]]},
    }))
    .unwrap_or_default()
}

/// A book with editors and no author is listed under its editors, written as authors are
/// and labelled: Chicago's `<names variable="editor"/>` stands in a `<choose>` of its
/// `<substitute>`, and still takes the author's name order and label, as citeproc-js has it.
#[test]
fn editors_in_the_authors_place_are_written_as_authors_with_their_label() {
    let edited = edited_book();
    let chicago =
        format_bibliography_entry(&edited, CitationStyle::ChicagoAuthorDate).to_plain_string();
    assert_eq!(
        chicago,
        "Gaonkar, Dilip Parameshwar, ed. 2001. Alternative Modernities. Duke University Press."
    );
    let in_text = format_citations_of_all(&[&edited], CitationStyle::ChicagoAuthorDate, &[1]);
    let parenthetical: Vec<&str> = in_text.iter().map(|f| f.parenthetical.as_str()).collect();
    assert_eq!(parenthetical, ["(Gaonkar 2001)"]);
}

/// An edited book is listed under its editors, the label after their names (Vancouver's and
/// AMA's `<names>` have a `<label>` but no `<name>`): `Gaonkar DP, editor.`, as citeproc-js
/// prints it, where the label stood before the names (`, editorGaonkar D`).
#[test]
fn an_edited_book_lists_its_editors_before_their_label() {
    let edited = edited_book();
    for (name, expected) in [
        ("vancouver", "Gaonkar DP, editor. Alternative Modernities."),
        (
            "nlm-citation-sequence",
            "Gaonkar DP, editor. Alternative Modernities.",
        ),
        (
            "american-medical-association",
            "Gaonkar DP, ed. Alternative Modernities.",
        ),
    ] {
        let style = any::bundled_style(name).unwrap_or_else(|e| panic!("{e}"));
        let cited = any::cite_all(&[&edited], &style, &style.default_locale());
        let text = cited
            .bibliography
            .first()
            .map(|e| e.text.to_plain_string())
            .unwrap_or_default();
        assert!(text.starts_with(expected), "{name}: {text}");
    }
}

/// A quotation in double marks inside a title the style quotes takes the inner marks (IEEE
/// `“‘Clicked’ sugar-curcumin conjugate,”`), as citeproc-js flips them; APA, which does not
/// quote the title, keeps them.
#[test]
fn a_quotation_inside_a_quoted_title_takes_the_inner_marks() {
    let reference = Reference {
        id: "r".into(),
        item_type: "article-journal".into(),
        title: "“Clicked” sugar-curcumin conjugate".into(),
        container_title: "ACS Chem Neurosci".into(),
        issued: Some(CslDate {
            date_parts: vec![vec![2011]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    let ieee = format_bibliography_entry(&reference, CitationStyle::Ieee).to_plain_string();
    assert!(
        ieee.contains("“‘Clicked’ sugar-curcumin conjugate,”"),
        "{ieee}"
    );
    let apa = format_bibliography_entry(&reference, CitationStyle::Apa).to_plain_string();
    assert!(apa.contains("“Clicked” sugar-curcumin conjugate."), "{apa}");
}

/// A page value that is not page numbers but lists pages (`xii, 692`) takes the plural label,
/// as citeproc-js prints it; one such page keeps the singular.
#[test]
fn a_list_of_pages_not_in_numbers_takes_the_plural_label() {
    let book = |page: &str| Reference {
        id: "r".into(),
        item_type: "book".into(),
        title: "Bioinformatics: sequence and genome analysis".into(),
        publisher: "Cold Spring Harbor Laboratory Press".into(),
        page: page.into(),
        issued: Some(CslDate {
            date_parts: vec![vec![2004]],
            ..CslDate::default()
        }),
        ..Reference::default()
    };
    let ieee =
        |page: &str| format_bibliography_entry(&book(page), CitationStyle::Ieee).to_plain_string();
    assert!(
        ieee("xii, 692").contains("pp. xii, 692"),
        "{}",
        ieee("xii, 692")
    );
    assert!(ieee("xii").contains("p. xii"), "{}", ieee("xii"));
}

/// APA tells two first authors of one family apart in every in-text citation by their
/// initials, whatever the years (its `primary-name-with-initials`, as citeproc-js and APA's
/// manual do): `(J. P. Ioannidis, 2003)` beside `(J. P. A. Ioannidis, 2005)`. A second
/// author, and one person cited for two works, keep the family name alone; so does a name
/// with no namesake among the references. Chicago (`primary-name`) does the same.
#[test]
fn first_authors_of_one_family_are_told_apart_by_their_initials() {
    let work = |id: &str, author: Vec<CslName>, year: i32| article(id, "PLoS Med", author, year);
    let jp = work("jp", vec![person("Ioannidis", "J. P.")], 2003);
    let jpa = work(
        "jpa",
        vec![
            person("Ioannidis", "J. P. A."),
            person("Trikalinos", "T. A."),
        ],
        2005,
    );
    let smith = work("smith", vec![person("Smith", "John")], 2001);
    let smith_again = work("smith-again", vec![person("Smith", "John")], 2002);
    let all = [&jp, &jpa, &smith, &smith_again];

    let apa = format_citations_of_all(&all, CitationStyle::Apa, &[1, 2, 3, 4]);
    let parenthetical: Vec<&str> = apa.iter().map(|f| f.parenthetical.as_str()).collect();
    assert_eq!(
        parenthetical,
        [
            "(J. P. Ioannidis, 2003)",
            "(J. P. A. Ioannidis & Trikalinos, 2005)",
            "(Smith, 2001)",
            "(Smith, 2002)",
        ]
    );
    let narrative: Vec<&str> = apa.iter().map(|f| f.narrative.as_str()).collect();
    assert_eq!(
        narrative,
        [
            "J. P. Ioannidis (2003)",
            "J. P. A. Ioannidis and Trikalinos (2005)",
            "Smith (2001)",
            "Smith (2002)",
        ]
    );
    // The list names every author in full as before.
    let first = apa
        .first()
        .map(|f| f.entry.to_plain_string())
        .unwrap_or_default();
    assert!(first.starts_with("Ioannidis, J. P. (2003)."), "{first}");

    let chicago = format_citations_of_all(&all, CitationStyle::ChicagoAuthorDate, &[1, 2, 3, 4]);
    let parenthetical: Vec<&str> = chicago.iter().map(|f| f.parenthetical.as_str()).collect();
    assert_eq!(
        parenthetical,
        [
            "(J. P. Ioannidis 2003)",
            "(J. P. A. Ioannidis and Trikalinos 2005)",
            "(Smith 2001)",
            "(Smith 2002)",
        ]
    );

    // Cited without its namesake, a name needs no initials.
    assert_eq!(
        format_in_text(&[&jp], CitationStyle::Apa, 1),
        "(Ioannidis, 2003)"
    );
}

/// Works of one author and year take year suffixes in APA's in-text forms beside two first
/// authors of one family told apart by their initials: also where the name disambiguation
/// marks their group without changing it (`Smith, John` and `Smith, John, Jr.`, both printed
/// `Smith`), and for every group of such works, not only the first three (citeproc-js gives
/// them all, as in biblatex-examples' Baez, Kant and Nietzsche).
#[test]
fn works_of_one_author_and_year_take_year_suffixes() {
    let work = |id: &str, author: CslName, year: i32| article(id, "PLoS Med", vec![author], year);
    let jp = work("jp", person("Ioannidis", "J. P."), 2003);
    let jpa = work("jpa", person("Ioannidis", "J. P. A."), 2005);
    let smith = work("smith", person("Smith", "John"), 2005);
    let smith_jr = work(
        "smith-jr",
        CslName {
            suffix: "Jr.".into(),
            ..person("Smith", "John")
        },
        2005,
    );
    let pairs: Vec<Reference> = ["Adams", "Brown", "Clark", "Davis"]
        .into_iter()
        .flat_map(|family| {
            ["a", "b"].map(|id| work(&format!("{family}-{id}"), person(family, "Ann"), 2001))
        })
        .collect();
    let mut all = vec![&jp, &jpa, &smith, &smith_jr];
    all.extend(&pairs);
    let numbers: Vec<u32> = (1..=12).collect();

    let apa = format_citations_of_all(&all, CitationStyle::Apa, &numbers);
    let parenthetical: Vec<&str> = apa.iter().map(|f| f.parenthetical.as_str()).collect();
    assert_eq!(
        parenthetical,
        [
            "(J. P. Ioannidis, 2003)",
            "(J. P. A. Ioannidis, 2005)",
            "(Smith, 2005a)",
            "(Smith, 2005b)",
            "(Adams, 2001a)",
            "(Adams, 2001b)",
            "(Brown, 2001a)",
            "(Brown, 2001b)",
            "(Clark, 2001a)",
            "(Clark, 2001b)",
            "(Davis, 2001a)",
            "(Davis, 2001b)",
        ]
    );
    let narrative: Vec<&str> = apa.iter().map(|f| f.narrative.as_str()).collect();
    assert_eq!(
        narrative.get(2..4),
        Some(&["Smith (2005a)", "Smith (2005b)"][..])
    );
    assert_eq!(narrative.last(), Some(&"Davis (2001b)"));
    let davis = apa
        .last()
        .map(|f| f.entry.to_plain_string())
        .unwrap_or_default();
    assert!(davis.starts_with("Davis, A. (2001b)."), "{davis}");
}

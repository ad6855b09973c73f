//! The plain-text importer's reference entries on made-up lines: numbered and author–date
//! lists, and CSL fields from each style's entries.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashSet;

use super::entries::{Entry, entries};
use super::references::reference;
use super::whole_list::references_of;
use crate::corpus::cite::year;
use crate::corpus::model::Reference;

fn read(text: &str) -> Reference {
    reference(&Entry {
        number: Some(1),
        text: text.to_owned(),
    })
}

fn families(reference: &Reference) -> Vec<String> {
    reference
        .author
        .iter()
        .map(|a| {
            if a.family.is_empty() {
                a.literal.clone()
            } else {
                a.family.clone()
            }
        })
        .collect()
}

/// The references of an unnumbered list's entries, one per line.
fn read_list(lines: &[&str]) -> Vec<Reference> {
    let entries: Vec<Entry> = lines
        .iter()
        .map(|text| Entry {
            number: None,
            text: (*text).to_owned(),
        })
        .collect();
    references_of(&entries)
}

#[test]
fn entries_start_with_a_bracketed_or_a_following_number() {
    let groups = vec![
        vec![
            "- [1] A. Smith, \"One,\" 2019.",
            "[2] B. Jones, \"Two",
            "continued,\" 2020.",
        ],
        vec!["2021. Not an entry, a wrapped line."],
    ];
    let found = entries(&groups, &HashSet::new());
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[1].text,
        "B. Jones, \"Two continued,\" 2020. 2021. Not an entry, a wrapped line."
    );
    let groups = vec![vec![
        "1. Smith J. One. J A. 2019;1:1-2.",
        "2. Jones B. Two. J B. 2020;2:3-4.",
        "2019. wrapped",
    ]];
    let found = entries(&groups, &HashSet::new());
    assert_eq!(
        found.iter().map(|e| e.number).collect::<Vec<_>>(),
        [Some(1), Some(2)]
    );
    let unnumbered = vec![
        vec!["Smith, J. (2019). One."],
        vec!["Jones, B. (2020). Two."],
    ];
    assert_eq!(entries_len(&unnumbered), 2);
}

fn entries_len(groups: &[Vec<&str>]) -> usize {
    entries(groups, &HashSet::new()).len()
}

#[test]
fn an_ieee_article_and_chapter_are_read() {
    let r = read(
        "M. E. Porter and C. van der Linde, \"Toward a new conception,\" *J. Econ. Perspect.*, \
         vol. 9, no. 4, pp. 97–118, 1995.",
    );
    assert_eq!(families(&r), ["Porter", "Linde"]);
    assert_eq!(r.author[1].non_dropping_particle, "van der");
    assert_eq!(r.author[0].given, "M. E.");
    assert_eq!(r.title, "Toward a new conception");
    assert_eq!(r.container_title, "J. Econ. Perspect.");
    assert_eq!(
        (r.volume.as_str(), r.issue.as_str(), r.page.as_str()),
        ("9", "4", "97–118")
    );
    assert_eq!(year(&r), Some(1995));
    assert_eq!(r.item_type, "article-journal");
    assert_eq!(r.id, "porter1995");
    let r = read("A. Brysk, \"Intro,\" in *Contesting Rights*, Edward Elgar, 2019, pp. 1–11.");
    assert_eq!(r.item_type, "chapter");
    assert_eq!(r.container_title, "Contesting Rights");
    assert_eq!(r.publisher, "Edward Elgar");
    assert_eq!(r.page, "1–11");
}

#[test]
fn a_book_with_an_emphasised_title_is_read() {
    let r = read("N. Lombard, *The handbook of violence*, vol. 332. Routledge London, 2018.");
    assert_eq!(families(&r), ["Lombard"]);
    assert_eq!(r.title, "The handbook of violence");
    assert_eq!(r.volume, "332");
    assert_eq!(r.publisher, "Routledge London");
    assert_eq!(r.item_type, "book");
    assert_eq!(year(&r), Some(2018));
}

#[test]
fn vancouver_entries_are_read() {
    let r = read("Adeyemi T, van der Berg J, et al. Food on farms. Afr J Agric. 2015;3(2):10-20.");
    assert_eq!(
        families(&r),
        ["Adeyemi", "Berg", "others"],
        "`et al.` closes the list"
    );
    assert_eq!(r.author[0].given, "T.");
    assert_eq!(r.title, "Food on farms");
    assert_eq!(r.container_title, "Afr J Agric");
    assert_eq!(
        (r.volume.as_str(), r.issue.as_str(), r.page.as_str()),
        ("3", "2", "10-20")
    );
    assert_eq!(year(&r), Some(2015));
    let r = read("Smith J. Climate and farming. London: Earthscan; 2012.");
    assert_eq!(
        (r.publisher_place.as_str(), r.publisher.as_str()),
        ("London", "Earthscan")
    );
    assert_eq!(r.title, "Climate and farming");
    assert_eq!(r.container_title, "");
    let r = read("World Health Organization. Malaria report. Geneva: WHO; 2020.");
    assert_eq!(families(&r), ["World Health Organization"]);
    assert_eq!(r.title, "Malaria report");
    let r = read(
        "Brandt L, Okafor M. Planting dates. Agric Syst. 2019;171:55-64. doi:10.1016/j.agsy.2019.01.005",
    );
    assert_eq!(r.doi, "10.1016/j.agsy.2019.01.005");
    assert_eq!((r.volume.as_str(), r.page.as_str()), ("171", "55-64"));
    assert!(
        r.printed()
            .is_some_and(|printed| printed.contains("doi:10.1016"))
    );
    assert!(r.note.is_empty(), "the note is the reader's own");
}

#[test]
fn a_title_naming_a_species_and_an_article_number_for_pages_are_read() {
    let r = read(
        "Peyron P, Poquet Y. Foamy macrophages are a reservoir for M. tuberculosis \
         persistence. PLoS Pathog. 2008;4:e1000204.",
    );
    assert_eq!(
        r.title,
        "Foamy macrophages are a reservoir for M. tuberculosis persistence"
    );
    assert_eq!(r.container_title, "PLoS Pathog");
    assert_eq!((r.volume.as_str(), r.page.as_str()), ("4", "e1000204"));
    // A journal named in lower case after a title ending in a word still ends the title.
    let r = read("Lee K. Growth of cells. eLife. 2015;4:e05002.");
    assert_eq!(
        (r.title.as_str(), r.container_title.as_str()),
        ("Growth of cells", "eLife")
    );
}

#[test]
fn group_authors_hyphenated_initials_and_abbreviations_in_titles_are_read() {
    let r = read(
        "Goldhirsch A, Ingle JN, Senn H-J; Panel members. Thresholds for therapies: \
         highlights of the St. Gallen Consensus 2009. Ann Oncol. 2009;20(8):1319-29.",
    );
    assert_eq!(
        families(&r),
        ["Goldhirsch", "Ingle", "Senn", "Panel members"]
    );
    assert_eq!(
        r.title,
        "Thresholds for therapies: highlights of the St. Gallen Consensus 2009"
    );
    assert_eq!(r.container_title, "Ann Oncol");
    let r = read(
        "Breast International Group (BIG) 1-98 Collaborative Group, Thürlimann B, et al. \
         A comparison of letrozole and tamoxifen. N Engl J Med. 2005;353(26):2747-57.",
    );
    assert_eq!(
        families(&r),
        [
            "Breast International Group (BIG) 1-98 Collaborative Group",
            "Thürlimann",
            "others"
        ]
    );
    assert_eq!(r.title, "A comparison of letrozole and tamoxifen");
}

#[test]
fn apa_entries_are_read() {
    let r = read(
        "Smith, J. A., & Jones, B. (2019). A study of things. Journal of Stuff, 3(2), 10–20. https://example.org/x",
    );
    assert_eq!(families(&r), ["Smith", "Jones"]);
    assert_eq!(r.author[0].given, "J. A.");
    assert_eq!(r.title, "A study of things");
    assert_eq!(r.container_title, "Journal of Stuff");
    assert_eq!(
        (r.volume.as_str(), r.issue.as_str(), r.page.as_str()),
        ("3", "2", "10–20")
    );
    assert_eq!(year(&r), Some(2019));
    assert_eq!(r.url, "https://example.org/x");
}

#[test]
fn a_title_goes_on_past_abbreviations_a_lower_case_word_follows() {
    let r = read(
        "Anton, J., Oren, A., & Benlloch, S. (2002). Salinibacter ruber gen. nov., sp. nov., a \
         novel, extremely halophilic member of the bacteria. Int J Syst Evol Microbiol, 52, \
         485–491.",
    );
    assert_eq!(
        r.title,
        "Salinibacter ruber gen. nov., sp. nov., a novel, extremely halophilic member of the \
         bacteria"
    );
    assert_eq!(r.container_title, "Int J Syst Evol Microbiol");
    assert_eq!((r.volume.as_str(), r.page.as_str()), ("52", "485–491"));
    let r = read("Matsuo, Y. (2005). Isolation of an inducer. Science, 307, 1598.");
    assert_eq!(
        (year(&r), r.volume.as_str(), r.page.as_str()),
        (Some(2005), "307", "1598")
    );
    // A four-digit volume after the journal is its volume, not a second year.
    let r = read(
        "Ponting, C. P. (2008). The functional repertoires. Biochim Biophys Acta, 1777, 684–688.",
    );
    assert_eq!(
        (year(&r), r.volume.as_str(), r.page.as_str()),
        (Some(2008), "1777", "684–688")
    );
    let r = read("Brem, R. B. (2008). Genetic dissection. Genetics, 1810 (3), 959–966.");
    assert_eq!((year(&r), r.volume.as_str()), (Some(2008), "1810"));
}

#[test]
fn plos_entries_read_a_book_s_place_and_publisher_and_a_journal_named_in_full() {
    let r = read(
        "Molenberghs G, Kenward MG (2007) Missing data in clinical studies. Chichester (United \
         Kingdom): John Wiley & Sons.",
    );
    assert_eq!(families(&r), ["Molenberghs", "Kenward"]);
    assert_eq!(r.title, "Missing data in clinical studies");
    assert_eq!(
        (r.publisher_place.as_str(), r.publisher.as_str()),
        ("Chichester (United Kingdom)", "John Wiley & Sons")
    );
    assert_eq!(
        (r.item_type.as_str(), r.container_title.as_str()),
        ("book", "")
    );
    assert_eq!(year(&r), Some(2007));
    // A page count, or `Available:` before a link, may close the entry.
    let r = read("WHO (1994) Bench aids. Geneva: World Health Organization, 20 p.");
    assert_eq!(
        (r.publisher_place.as_str(), r.publisher.as_str()),
        ("Geneva", "World Health Organization")
    );
    let r = read(
        "Dorrington RE (2001) The impact of HIV/AIDS. Cape Town: Medical Research Council. \
         Available: http://www.mrc.ac.za/bod/complete.pdf",
    );
    assert_eq!(r.publisher, "Medical Research Council");
    assert_eq!(r.url, "http://www.mrc.ac.za/bod/complete.pdf");
    // A journal named in full ends with the entry's full stop, which is not the journal's.
    let r = read("Smith GI, Yoshino J (2014) Protein ingestion. Diabetes.");
    assert_eq!(
        (r.container_title.as_str(), r.item_type.as_str()),
        ("Diabetes", "article-journal")
    );
    // A journal whose name holds a colon is not a place: `Place: Publisher` must close the entry.
    let r = read("Lee K (2010) Trade. Journal of Trade: Theory and Practice 12: 1–9.");
    assert_eq!(r.publisher_place, "");
    assert_eq!(r.container_title, "Journal of Trade: Theory and Practice");
}

#[test]
fn acl_entries_name_one_or_two_people_given_name_first() {
    let given_first = |text: &str| {
        let r = read(text);
        let names: Vec<(String, String, String)> = r
            .author
            .iter()
            .map(|a| {
                (
                    a.given.clone(),
                    a.non_dropping_particle.clone(),
                    a.family.clone(),
                )
            })
            .collect();
        (names, year(&r), r.title)
    };
    let person = |given: &str, particle: &str, family: &str| {
        (given.to_owned(), particle.to_owned(), family.to_owned())
    };
    assert_eq!(
        given_first(
            "Diederik P. Kingma and Jimmy Ba. 2014. Adam: A Method for Stochastic Optimization. ArXiv, abs/1412.6980."
        ),
        (
            vec![
                person("Diederik P.", "", "Kingma"),
                person("Jimmy", "", "Ba")
            ],
            Some(2014),
            "Adam: A Method for Stochastic Optimization".to_owned()
        )
    );
    assert_eq!(
        given_first("Quoc Le and Tomas Mikolov. 2014. Distributed representations of sentences and documents. In ICML.").0,
        [person("Quoc", "", "Le"), person("Tomas", "", "Mikolov")]
    );
    assert_eq!(
        given_first("Jey Han Lau and Timothy Baldwin. 2016. An empirical evaluation of doc2vec. In RepL4NLP.").0,
        [person("Jey Han", "", "Lau"), person("Timothy", "", "Baldwin")]
    );
    // An initial in the name: a person's, whatever its words.
    assert_eq!(
        given_first("William H. Press and Saul A. Teukolsky. 1992. Numerical recipes. Cambridge.")
            .0,
        [
            person("William H.", "", "Press"),
            person("Saul A.", "", "Teukolsky")
        ]
    );
    assert_eq!(
        given_first("Carolyn E Lipscomb. 2000. Medical Subject Headings (MeSH). Bulletin of the Medical Library Association.").0,
        [person("Carolyn E", "", "Lipscomb")]
    );
    assert_eq!(
        given_first(
            "Laurens van der Maaten. 2014. Accelerating t-SNE using tree-based algorithms. JMLR."
        )
        .0,
        [person("Laurens", "van der", "Maaten")]
    );
    // Organisations stay one name, as printed.
    for (text, organisation) in [
        (
            "Statistics Canada. 2019. Census of population. Ottawa.",
            "Statistics Canada",
        ),
        // Harvard prints a group's other authors as "et al.".
        (
            "Gaia Collaboration et al. (2023) “Gaia Data Release 3,” Astronomy and Astrophysics, 674, p. A37.",
            "Gaia Collaboration",
        ),
        (
            "Food and Agriculture Organization. 2018. The state of food security. Rome.",
            "Food and Agriculture Organization",
        ),
        (
            "Amnesty International and Human Rights Watch. 2012. Joint report. London.",
            "Amnesty International and Human Rights Watch",
        ),
        (
            "United Nations Office. 2012. Report. Vienna.",
            "United Nations Office",
        ),
        (
            "European Research Council and National Science Foundation. 2015. Joint call. Brussels.",
            "European Research Council and National Science Foundation",
        ),
    ] {
        let r = read(text);
        assert_eq!(r.creators().len(), 1, "{text}");
        assert_eq!(r.author[0].literal, organisation, "{text}");
    }
}

#[test]
fn a_lone_author_of_a_given_first_list_is_a_person_and_an_organisation_stays_one() {
    let acl = read_list(&[
        "Marco Valenzuela, Vu Ha, and Oren Etzioni. 2015. Identifying meaningful citations. In AAAI Workshop.",
        "Luca Weihs and Oren Etzioni. 2017. Learning to predict citation-based impact measures. In JCDL.",
        "Waleed Ammar, Matthew E. Peters, and Chandra Bhagavatula. 2017. Semi-supervised end-to-end entity and relation extraction. In SemEval.",
        "Hal Daumé. 2007. Frustratingly easy domain adaptation. In ACL.",
        "Microsoft Research. 2019. Academic graph. Redmond.",
    ]);
    let daume = &acl[3];
    assert_eq!(families(daume), ["Daumé"]);
    assert_eq!(daume.author[0].given, "Hal");
    assert_eq!(daume.id, "daume2007");
    assert_eq!(acl[4].author[0].literal, "Microsoft Research");
    // Where the list prints family names first, a name printed given name first is not
    // assumed to be a person's.
    let apa = read_list(&[
        "Valenzuela, M., Ha, V., & Etzioni, O. 2015. Identifying meaningful citations. In AAAI Workshop.",
        "Weihs, L., & Etzioni, O. 2017. Learning to predict citation-based impact measures. In JCDL.",
        "Ammar, W. 2017. Semi-supervised extraction. In SemEval.",
        "Tilia Books. 2007. Annual catalogue. London.",
    ]);
    assert_eq!(apa[3].author[0].literal, "Tilia Books");
}

#[test]
fn dashes_repeat_the_authors_before_and_r_core_team_is_a_group() {
    let chicago = read_list(&[
        "R Core Team. 2018. R: A Language and Environment for Statistical Computing. Vienna: R Foundation for Statistical Computing.",
        "Wickham, Hadley. 2016. Ggplot2: Elegant Graphics for Data Analysis. New York: Springer.",
        "———. 2017. Tidyverse: Easily Install and Load the ’Tidyverse’.",
        "———. 2019. Advanced R. Boca Raton: CRC Press.",
    ]);
    let read: Vec<(String, Vec<String>, Option<i32>)> = chicago
        .iter()
        .map(|r| (r.id.clone(), families(r), year(r)))
        .collect();
    assert_eq!(
        read,
        [
            ("r2018".into(), vec!["R Core Team".into()], Some(2018)),
            ("wickham2016".into(), vec!["Wickham".into()], Some(2016)),
            ("wickham2017".into(), vec!["Wickham".into()], Some(2017)),
            ("wickham2019".into(), vec!["Wickham".into()], Some(2019)),
        ]
    );
    assert_eq!(
        chicago[2].title,
        "Tidyverse: Easily Install and Load the ’Tidyverse’"
    );
    // Dashes opening the list repeat no one: the entry is read without authors.
    let first = read_list(&["———. 2017. Tidyverse."]);
    assert!(first[0].author.is_empty());
    assert_eq!(first[0].title, "Tidyverse");
}

#[test]
fn ieee_and_vancouver_entries_of_organisations_and_particles_are_read() {
    let cases = [
        // "et al." straight after the first name, as IEEE prints it.
        (
            "K. G. Mawuenyega et al., “Decreased clearance of CNS amyloid-β in Alzheimer’s \
             disease,” Science, vol. 330, p. 1774, 2010.",
            vec!["Mawuenyega", "others"],
            "Decreased clearance of CNS amyloid-β in Alzheimer’s disease",
        ),
        // Two names joined by "and" before a book's title.
        (
            "G. Molenberghs and M. G. Kenward, Missing data in clinical studies. Chichester \
             (United Kingdom): John Wiley & Sons, 2007.",
            vec!["Molenberghs", "Kenward"],
            "Missing data in clinical studies",
        ),
        // A particle written with a capital starts the family name.
        (
            "D. De Angelis and E. Van Cutsem, “Rates,” Lancet, vol. 3, pp. 1–2, 2004.",
            vec!["De Angelis", "Van Cutsem"],
            "Rates",
        ),
        // Organisations: before a quoted title, before a book's, and an acronym.
        (
            "Department of Health, “Operational plan for HIV care.” 2003.",
            vec!["Department of Health"],
            "Operational plan for HIV care",
        ),
        (
            "European Commission, Ethical, legal and social aspects of genetic testing. \
             Luxembourg: Office for Official Publications, 2004.",
            vec!["European Commission"],
            "Ethical, legal and social aspects of genetic testing",
        ),
        (
            "United Nations Department of Economic and Social Affairs Population Division. \
             World population prospects: the 2010 revision. New York: United Nations; 2011.",
            vec!["United Nations Department of Economic and Social Affairs Population Division"],
            "World population prospects: the 2010 revision",
        ),
        (
            "WHO. Bench aids for the diagnosis of intestinal nematodes. Geneva: World Health \
             Organization; 1994.",
            vec!["WHO"],
            "Bench aids for the diagnosis of intestinal nematodes",
        ),
        (
            "WHO, Bench aids for the diagnosis of intestinal nematodes. Geneva: World Health \
             Organization, 1994.",
            vec!["WHO"],
            "Bench aids for the diagnosis of intestinal nematodes",
        ),
        // A title with Vancouver's medium, and an entry of a name alone: works, no authors.
        (
            "Web Services Description Working Group [Internet]. Available from: \
             http://www.w3.org/2002/ws/desc/.",
            vec![],
            "Web Services Description Working Group [Internet]",
        ),
        ("SourceForge.", vec![], "SourceForge"),
    ];
    for (text, authors, title) in cases {
        let reference = read(text);
        assert_eq!(families(&reference), authors, "{text}");
        assert_eq!(reference.title, title, "{text}");
    }
}

#[test]
fn chicago_prints_a_particle_after_the_given_names_or_initials() {
    let references = read_list(&[
        "Sighem, A. I. van, L. A. Gras, and F. de Wolf. 2010. “Life Expectancy.” AIDS 24: 1527–35.",
        "Torre, José R. de la, and L. Christianson. 2003. “Proteorhodopsin Genes.” PNAS 100: 12830–35.",
    ]);
    let firsts: Vec<(&str, &str, &str)> = references
        .iter()
        .map(|r| {
            let name = &r.author[0];
            (
                name.non_dropping_particle.as_str(),
                name.family.as_str(),
                name.given.as_str(),
            )
        })
        .collect();
    assert_eq!(
        firsts,
        [("van", "Sighem", "A. I."), ("de la", "Torre", "José R.")]
    );
    assert_eq!(families(&references[0]), ["Sighem", "Gras", "Wolf"]);
}

#[test]
fn elsevier_harvard_entries_print_the_year_after_a_comma() {
    let r = read(
        "Odero, W., Garner, P., Zwi, A., 1997. Road traffic injuries in developing countries: a \
         comprehensive review of epidemiological studies. Trop. Med. Int. Health 2, 445–460.",
    );
    assert_eq!(families(&r), ["Odero", "Garner", "Zwi"]);
    assert_eq!(r.author[0].given, "W.");
    assert_eq!(year(&r), Some(1997));
    assert_eq!(
        r.title,
        "Road traffic injuries in developing countries: a comprehensive review of \
         epidemiological studies"
    );
    assert_eq!(
        (
            r.container_title.as_str(),
            r.volume.as_str(),
            r.page.as_str()
        ),
        ("Trop. Med. Int. Health", "2", "445–460")
    );
    let r = read("Smith, J., 2010a. Water in cities. Water Res. 44 (3), 100–110.");
    assert_eq!(
        (
            r.container_title.as_str(),
            r.volume.as_str(),
            r.issue.as_str(),
            r.page.as_str()
        ),
        ("Water Res.", "44", "3", "100–110")
    );
    let r = read(
        "WHO, 2009. Global Status Report on Road Safety: Time for Action. World Health \
         Organization, Geneva.",
    );
    assert_eq!(r.author[0].literal, "WHO");
    assert_eq!(
        (year(&r), r.title.as_str()),
        (
            Some(2009),
            "Global Status Report on Road Safety: Time for Action"
        )
    );
    // A work not yet published has no year; its title is read after `in press`.
    let r = read(
        "Seubsman, S., Sleigh, A., Thai Cohort Study Team, in press. A large national Thai \
         cohort study. ASEAN J. Open Dist. Learn.",
    );
    assert_eq!(
        families(&r),
        ["Seubsman", "Sleigh", "Thai Cohort Study Team"]
    );
    assert_eq!(
        (year(&r), r.title.as_str()),
        (None, "A large national Thai cohort study")
    );
    // IEEE's entry ends on its year after a comma; its volume and pages are fields.
    let r = read(
        "K. G. Mawuenyega et al., “Decreased clearance of CNS amyloid-β,” Science, vol. 330, \
         no. 6012, p. 1774, 2010.",
    );
    assert_eq!(
        (year(&r), r.volume.as_str(), r.page.as_str()),
        (Some(2010), "330", "1774")
    );
    // `in pressure` is no date.
    let r = read("Lee, K., Pipes in pressure. Water. 2001.");
    assert_ne!(r.title, "");
    assert_ne!(r.title, "Water");
}

#[test]
fn a_chapter_s_editors_book_and_pages_are_read_in_each_author_date_style() {
    let elsevier = read(
        "Jones, K., 2011. Water in towns, in: Brown, K., White, L. (Eds.), Urban Water. \
         Elsevier, Amsterdam, pp. 12–30.",
    );
    let apa = read(
        "Smith, J. (2010). Water in towns. In K. Brown (Ed.), Urban water (pp. 12–30). Elsevier.",
    );
    let harvard = read(
        "Lee, M. (2012) ‘Water in towns’, in Brown, K. (ed.) Urban water. London: Routledge, \
         pp. 12–30.",
    );
    for r in [&elsevier, &apa, &harvard] {
        assert_eq!(r.item_type, "chapter", "{:?}", r.printed());
        assert_eq!(r.title, "Water in towns", "{:?}", r.printed());
        assert_eq!(
            r.container_title.to_lowercase(),
            "urban water",
            "{:?}",
            r.printed()
        );
        assert_eq!(r.editor.first().map(|e| e.family.as_str()), Some("Brown"));
        assert_eq!(r.page, "12–30", "{:?}", r.printed());
    }
    assert_eq!(elsevier.editor.len(), 2);
    assert_eq!(apa.publisher, "Elsevier");
    assert_eq!(
        (harvard.publisher_place.as_str(), harvard.publisher.as_str()),
        ("London", "Routledge")
    );
}

#[test]
fn a_book_names_its_publisher_where_a_journal_would_stand() {
    // APA, with an edition and a place; Harvard's `Publisher, Place`; a journal beside them.
    let nature = read("Smith, J. (2010). The nature of rivers. Oxford University Press.");
    assert_eq!(
        (nature.item_type.as_str(), nature.publisher.as_str()),
        ("book", "Oxford University Press")
    );
    assert!(nature.container_title.is_empty());
    let power = read(
        "Jones, P. (2011). Water and power (3rd ed.). Cambridge, UK: Cambridge University Press.",
    );
    assert_eq!(power.title, "Water and power");
    assert_eq!(power.publisher, "Cambridge University Press");
    assert_eq!(power.publisher_place, "Cambridge, UK");
    assert_eq!(power.extra.get("edition"), Some(&serde_json::json!("3")));
    let keohane = read(
        "Keohane, R. O., & Nye, J. S. (1977). Power and interdependence: World politics in \
         transition. Little, Brown.",
    );
    assert_eq!(
        (keohane.item_type.as_str(), keohane.publisher.as_str()),
        ("book", "Little, Brown")
    );
    let detection = read(
        "Macmillan, N.A. and Creelman, C.D. (1991) Detection Theory: A User’s Guide. Cambridge \
         University Press, Cambridge.",
    );
    assert_eq!(
        (
            detection.publisher.as_str(),
            detection.publisher_place.as_str()
        ),
        ("Cambridge University Press", "Cambridge")
    );
    // An edition as its own sentence, after a comma, or before the place: Harvard, Vancouver,
    // IEEE; MLA's "UP".
    for (entry, place, publisher) in [
        (
            "Smith, J. (2010) The nature of rivers. 2nd edn. London: Routledge.",
            "London",
            "Routledge",
        ),
        (
            "Smith J. The nature of rivers. 2nd ed. Oxford: Oxford University Press; 2013.",
            "Oxford",
            "Oxford University Press",
        ),
        (
            "J. Smith, The Nature of Rivers, 2nd ed. Oxford, U.K.: Oxford Univ. Press, 2014.",
            "Oxford, U.K.",
            "Oxford Univ. Press",
        ),
    ] {
        let book = read(entry);
        assert_eq!(book.title.to_lowercase(), "the nature of rivers", "{entry}");
        assert_eq!(book.item_type, "book", "{entry}");
        assert_eq!(book.publisher_place, place, "{entry}");
        assert_eq!(book.publisher, publisher, "{entry}");
        assert_eq!(
            book.extra.get("edition"),
            Some(&serde_json::json!("2")),
            "{entry}"
        );
        assert!(book.container_title.is_empty(), "{entry}");
    }
    let mla = read("Smith, John. The Nature of Rivers. Oxford UP, 2012.");
    assert_eq!(
        (mla.item_type.as_str(), mla.publisher.as_str()),
        ("book", "Oxford UP")
    );
    let floods = read("Lee, M. (2015). Floods in cities. Journal of Hydrology, 12(3), 45-60.");
    assert_eq!(
        (floods.item_type.as_str(), floods.container_title.as_str()),
        ("article-journal", "Journal of Hydrology")
    );
    assert!(floods.publisher.is_empty());
}

#[test]
fn an_edited_book_s_editors_are_its_editors_in_every_style() {
    // APA, Harvard, Vancouver and IEEE print the editors where the authors stand, with their
    // role after them.
    for (entry, editors, title) in [
        (
            "Brown, K. (Ed.). (2010). Urban water. Elsevier.",
            vec!["Brown"],
            "Urban water",
        ),
        (
            "Green, A., & White, B. (Eds.). (2012). Rivers in the city (2nd ed.). Routledge.",
            vec!["Green", "White"],
            "Rivers in the city",
        ),
        (
            "Green, A. and White, B. (eds) (2012) Rivers in the city. 2nd edn. London: Routledge.",
            vec!["Green", "White"],
            "Rivers in the city",
        ),
        (
            "Green A, White B, editors. Rivers in the city. 2nd ed. London: Routledge; 2012.",
            vec!["Green", "White"],
            "Rivers in the city",
        ),
        (
            "C. Black, Ed., The Handbook of Urban Hydrology. Oxford, U.K.: Oxford Univ. Press, 2015.",
            vec!["Black"],
            "The Handbook of Urban Hydrology",
        ),
        (
            "A. Lee and B. Kim, Eds., Water Systems. New York, NY, USA: Wiley, 2016.",
            vec!["Lee", "Kim"],
            "Water Systems",
        ),
    ] {
        let book = read(entry);
        let read_editors: Vec<&str> = book.editor.iter().map(|e| e.family.as_str()).collect();
        assert_eq!(read_editors, editors, "{entry}");
        assert!(book.author.is_empty(), "{entry}: {:?}", book.author);
        assert_eq!(book.title, title, "{entry}");
        assert_eq!(book.item_type, "book", "{entry}");
        assert!(!book.publisher.is_empty(), "{entry}");
        assert!(book.container_title.is_empty(), "{entry}");
    }
    // Cited and listed under its editors: the id and the short label are theirs.
    let book = read("Brown, K. (Ed.). (2010). Urban water. Elsevier.");
    assert_eq!(book.id, "brown2010");
    assert_eq!(crate::corpus::cite::short_label(&book), "Brown (2010)");
    // Not editors: a person called Ed, a chapter's author (the book's editors are the
    // chapter's editors).
    let ed = read("Smith, Ed. (2009). Rivers of the north. Journal of Hydrology, 12(3), 45-60.");
    assert_eq!(families(&ed), ["Smith"]);
    assert!(ed.editor.is_empty());
    let chapter = read(
        "Jones, K. (2011). Water in towns. In K. Brown (Ed.), Urban water (pp. 12–30). Elsevier.",
    );
    assert_eq!(families(&chapter), ["Jones"]);
    assert_eq!(
        chapter.editor.first().map(|e| e.family.as_str()),
        Some("Brown")
    );
}

//! Tests of the title page's parts: stamps, mastheads, titles and where the authors start.

use super::*;

#[test]
fn stamps_above_a_title_are_told_from_it() {
    for stamp in [
        "arXiv:1707.04066v1 [astro-ph.EP] 13 Jul 2017",
        "Preprint 27 February 2025",
        "Draft version July 14, 2017",
        "Typeset using LATEX default style in AASTeX61",
        "Compiled using MNRAS LATEX style file v3.2",
        "Submitted to: JHEP",
        "CERN-EP-2025-032",
        "DFPD-2015/TH/20",
        "2015/03/27",
        "(Dated: October 7, 2021)",
        "MNRAS 000, 1–14 (2025)",
        "3rd March 2025",
        "ISSN 2358-291X (Online)",
        "DOI 10.1186/s12984-016-0129-6",
        "In Proceedings of the 45th Annual Meeting (ACL-2007), June 2007.",
    ] {
        assert!(is_stamp(stamp) || is_header(&[stamp]), "{stamp}");
    }
    for title in [
        "ATLAS diboson excess from low scale supersymmetry breaking",
        "Ising on S2 - The Affine Conjecture",
        "COVID-19",
        "Preferences of Voters",
        "Trade, Growth and Poverty (1990)",
        "March of the Penguins 2005",
        "Preprints in the Time of a Pandemic",
        "Draft Animals and Their Keepers",
    ] {
        assert!(!is_stamp(title), "{title}");
    }
}

#[test]
fn a_journal_s_masthead_is_told_from_a_title() {
    for masthead in [
        "RESEARCH ARTICLE",
        "ARTIGO ORIGINAL",
        "Artículo de revisión",
        "Open Access",
        "EDITORIAL",
        "Notes",
        "Rapid Communication",
        "DOI: 10.1111/imm.13445",
        "Clinical Science (2014) 126, 305–313 (Printed in Great Britain) doi: 10.1042/CS2013",
        "Journal of Hydrology 310 (2005) 253–265",
        "International Psychogeriatrics (2014), 26:1, 147–154",
        "2188 (2022) 012011",
        "www.elsevier.com/locate/jhydrol",
        "http://www.jstatsoft.org/",
        "Volume 2010, Article ID 157939, 6 pages",
        "January 2007, Volume 18, Issue 3.",
        "Hindawi Publishing Corporation",
        "IOP Publishing",
        "2010 International Conference on Data Storage and Data Engineering",
        "Journal of Physics: Conference Series",
        "Journal of Statistical Software",
        "ournal of Cosmology and Astroparticle Physics",
        "An IOP and SISSA journal",
    ] {
        assert!(is_masthead_line(masthead), "{masthead}");
    }
    for title in [
        "A Review of Deep Learning for Rainfall",
        "Research on Open Access Publishing Models",
        "Open Access Publishing",
        "Volume Rendering of Medical Images",
        "Trade, Growth and Poverty (1990)",
        "Conference Interpreting in 2010 and After",
        "Journal of a Plague Year: Reading Defoe in 2020",
        "Keeping a lab journal",
        "A Lab Journal",
    ] {
        assert!(!is_masthead_line(title), "{title}");
    }
    assert!(is_masthead(&["JSS"]));
    assert!(is_masthead(&[
        "JCRAI-2021",
        "Journal of Physics: Conference Series"
    ]));
    assert!(is_masthead(&[
        "Hindawi Publishing Corporation",
        "Rehabilitation Research and Practice",
        "Volume 2010, Article ID 157939, 6 pages",
        "doi:10.1155/2010/157939",
    ]));
    assert!(!is_masthead(&["COVID-19", "and the Economy"]));
    assert!(!is_masthead(&["DEEP LEARNING", "IN PRACTICE"]));
    assert_eq!(
        masthead_lines(&["Research Article", "Patient Experiences", "Ann Lee"]),
        1
    );
}

#[test]
fn a_title_is_told_from_the_text_running_on_under_it() {
    let block = [
        "COVID-19 vaccination and treatment in vulnerable",
        "populations",
        "As the COVID-19 pandemic continues to roll on, it has",
        "been an interesting time to be an immunologist. Variants",
        "of concern raise questions about the efficacy of vaccines",
        "or monoclonal antibodies, and testing availability, cost",
        "and speed remain critical barriers to our understanding.",
    ];
    assert_eq!(title_lines(&block), &block[..2]);
    let acm = [
        "Paper Plain: Making Medical Research Papers Approachable to Healthcare",
        "Consumers with Natural Language Processing",
        "TAL AUGUST, University of Washington, USA",
        "LUCY LU WANG, Allen Institute for Artificial Intelligence, USA",
        "When seeking information not covered in patient-friendly documents, like medical",
        "pamphlets, healthcare consumers may turn to the research literature. Reading medical",
        "papers, however, can be a challenging experience for them, as we found.",
    ];
    assert_eq!(title_lines(&acm), &acm);
    let title = [
        "Characterization of interstellar",
        "carbon dust",
        "analogues",
    ];
    assert_eq!(title_lines(&title), &title);
    let title = [
        "Combined Measurement",
        "of the Higgs Boson Mass in pp",
        "√",
        "Collisions at s = 7 and 8 TeV with the ATLAS and CMS",
        "Experiments",
    ];
    assert_eq!(title_lines(&title), &title);
}

#[test]
fn elsevier_s_affiliation_letters_are_told_from_the_name() {
    assert_eq!(letter_marks("Lanea,c,*,"), Some(("Lane", "c,*")));
    assert_eq!(letter_marks("Bestb,c,d,"), Some(("Best", "c,d")));
    assert_eq!(letter_marks("Smith,a"), Some(("Smith", "a")));
    assert_eq!(letter_marks("Paris,France"), None);
    assert_eq!(letter_marks("Lane,"), None);
    assert!(is_author_line(
        "Patrick N.J. Lanea,c,*, Alice E. Bestb,c,d, Lu Zhangb,c"
    ));
}

#[test]
fn the_first_author_closing_the_title_s_block_is_found() {
    let title = [
        "TIMP: An R Package for Modeling Multi-way",
        "Spectroscopic Measurements",
        "Katharine M. Mullen",
    ];
    let next: &[&str] = &["Ivo H. M. van Stokkum"];
    let text = "TIMP fits spectroscopic measurements.";
    assert_eq!(
        author_closing_title(&title, Some(next), text, |_| false),
        Some(2)
    );
    let title = ["A New Model Using", "Muhammad Atif Iqbal"];
    let next: &[&str] = &["atif09@gmail.com"];
    assert_eq!(
        author_closing_title(&title, Some(next), "a new model", |_| false),
        Some(1)
    );
    // Words of the text, not a name; no author block after it; a title of one line.
    let title = ["A New Model Using", "Deep Neural Networks"];
    let text = "We train deep neural networks.";
    assert_eq!(
        author_closing_title(&title, Some(next), text, |_| false),
        None
    );
    let title = ["A New Model Using", "Muhammad Atif Iqbal"];
    let prose: &[&str] = &["We study models of many things at once."];
    assert_eq!(
        author_closing_title(&title, Some(prose), "", |_| false),
        None
    );
    assert_eq!(author_closing_title(&title, None, "", |_| false), None);
    assert_eq!(
        author_closing_title(&["Muhammad Atif Iqbal"], Some(next), "", |_| false),
        None
    );
}

#[test]
fn the_authors_under_a_title_are_found_where_they_start() {
    let block = [
        "Characterization of interstellar carbon dust analogues synthesized by",
        "dielectric barrier discharge and evolution after irradiation with 3 MeV H+",
        "Ioana Cristina Gerber,1 Ilarion Mihaila,1 Valentin Pohoata,2★ Andrei Sandu,2",
    ];
    assert_eq!(authors_start(&block, |_| false), Some(2));
    let affiliation = |line: &str| line.starts_with("Department");
    let block = [
        "ATLAS diboson excess",
        "Christoffer Petersson",
        "Department of Physics",
    ];
    assert_eq!(authors_start(&block, affiliation), Some(1));
    assert_eq!(
        authors_start(&["A Title", "Second Line Here", "More words"], affiliation),
        None
    );
    for (title, authors) in [
        ("QED corrections", "D. H. Jakubassa-Amundsen"),
        (
            "First observation",
            "A.N. Villano,1, ∗ M. Fritts,2 N. Mast,2 and V. Mandic2",
        ),
        (
            "Testing the first law",
            "Chao-Wan-Zhen Wang1,2 and Fu-Wen Shu1,2,3∗",
        ),
        (
            "Compact tetraquarks",
            "Feng-Kun Guo 1, 2, 3, 4, ∗ and Christoph Hanhart 5, †",
        ),
        (
            "Citation-informed Transformers",
            "Arman Cohan†∗ Sergey Feldman†∗ Iz Beltagy†",
        ),
        (
            "Faithfulness in Long-form Summarization",
            "Kalpesh Krishna♠ ∗ Erin Bransom♢ Bailey Kuehl♢",
        ),
        (
            "Construction of the Literature Graph",
            "Waleed Ammar, Dirk Groeneveld, Chandra Bhagavatula, Iz Beltagy, Miles Crawford,",
        ),
    ] {
        assert_eq!(
            authors_start(&[title, authors], |_| false),
            Some(1),
            "{authors}"
        );
    }
    assert_eq!(
        name_lines(
            &[
                "Richard C. Brower,𝑎,∗ George T. Flemming,𝑏 Nobuyuki Matsumoto𝑎 and Rohan",
                "Misra𝑎",
                "𝑎 Boston University, Boston, MA 02215, USA",
            ],
            |line| line.contains("University")
        ),
        2
    );
    assert_eq!(
        name_lines(
            &[
                "Waleed Ammar, Dirk Groeneveld, Chandra Bhagavatula,",
                "Doug Downey, Jason Dunkelberger,",
                "Zheng Yuan, and Oren Etzioni",
                "waleeda@allenai.org",
            ],
            |_| false
        ),
        3
    );
    assert_eq!(name_lines(&["Ann Lee", "Somewhere Town"], |_| false), 1);
    assert_eq!(
        name_lines(
            &[
                "D. H. Jakubassa-Amundsen",
                "Mathematics Institute, University of Munich, Theresienstrasse 39,",
            ],
            |_| false
        ),
        1
    );
    // A title's second line.
    for second in [
        "beyond the first-order Born approximation",
        "Plastino-Plastino Equation",
        "Deep Learning, Neural Networks",
        "in 2020, 2021 and 2022",
        "with CO2 and H2O",
    ] {
        assert_eq!(
            authors_start(&["A title", second], |_| true),
            None,
            "{second}"
        );
    }
}

#[test]
fn two_names_joined_by_and_start_the_authors_above_an_affiliation() {
    // An affiliation or an e-mail address under them; without one, a title's line of that
    // shape.
    let affiliation = |line: &str| line.starts_with("Department");
    let block = [
        "Generalized Markdown Architectural Decision Records",
        "Oliver Kopp and Anita Armbruster",
        "Department of Computer Science",
    ];
    assert_eq!(authors_start(&block, affiliation), Some(1));
    let block = [
        "A Title",
        "Ivo Stokkum & Katharine Mullen",
        "kmullen@nist.gov",
    ];
    assert_eq!(authors_start(&block, affiliation), Some(1));
    let block = ["Markov Chains and Bayesian Networks", "Modelling Discharge"];
    assert_eq!(authors_start(&block, affiliation), None);
}

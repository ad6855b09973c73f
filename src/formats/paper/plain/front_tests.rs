//! Tests of the front matter: the title page, authors, labelled parts and history.

use super::super::blocks;
use super::super::body_start::opens_on_paragraph;
use super::*;

fn front(text: &str) -> (Paper, usize) {
    let lines = blocks::lines(text);
    let skip = vec![false; lines.len()];
    let blocks = blocks::blocks(&lines, &skip, None);
    let mut paper = Paper::default();
    let unread = read(&blocks, text, &HashSet::new(), &mut paper);
    (paper, unread.len())
}

#[test]
fn a_history_line_of_several_events_gives_each_its_date() {
    let (paper, _) = front(
        "A Title\n\nAnn Lee\n\nAccepted 2025 February 17. Received 2025 February 11; in \
         original form 2024 June 20\n\nReceived Feb. 3, 2025",
    );
    let events: Vec<(&str, &str)> = paper
        .history
        .iter()
        .map(|h| (h.event.as_str(), h.date.as_str()))
        .collect();
    assert_eq!(
        events,
        [
            ("accepted", "2025 February 17"),
            ("received", "2025 February 11"),
            ("received", "Feb. 3, 2025")
        ]
    );
    assert_eq!(paper.date, "2025 February 17");
}

#[test]
fn title_authors_labels_and_corresponding_author_are_read() {
    let (paper, unread) = front(
        "A Study of\nThings\n\nAnn Lee1, Bo Chan2 and Cy Dorn*\n1 University of X\n2 \
         Institute Y\n\nReceived 3 May 2020\n\nAccepted: 9 June 2020\n\nAbstract: We \
         study things. It\n\ncontinues here.\n\nKeywords: alpha; beta gamma\n\n\
         Corresponding author: Cy Dorn, cy@x.org\n\nThis is an open access article under \
         the [CC BY 4.0](https://x) license.\n\nSomething else entirely, long enough.",
    );
    assert_eq!(paper.title, "A Study of Things");
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ann Lee", "Bo Chan", "Cy Dorn"]);
    assert_eq!(paper.affiliation, "University of X; Institute Y");
    assert!(paper.authors[2].corresponding);
    assert_eq!(paper.authors[2].email, "cy@x.org");
    assert_eq!(paper.abstract_text, "We study things. It continues here.");
    assert_eq!(paper.keywords, ["alpha", "beta gamma"]);
    assert_eq!(paper.history.len(), 2);
    assert_eq!(paper.date, "9 June 2020");
    assert_eq!(paper.license.name, "CC BY 4.0");
    assert_eq!(
        paper.license.statement,
        "This is an open access article under the CC BY 4.0 license."
    );
    assert_eq!(unread, 1);
}

#[test]
fn a_first_block_of_prose_is_no_title() {
    let first = |text: &'static str| -> Block<'static> {
        Block::Text {
            lines: text.lines().collect(),
            offset: 0,
        }
    };
    for prose in [
        "Students often cite works they have not read. This essay looks at why.",
        "As Smith showed [1], rain\nfalls.",
        "word ".repeat(41).leak(),
    ] {
        assert!(is_prose(&first(prose)), "{prose}");
    }
    for title in [
        "Human Trafficking in the Lens of Liberalism\nin International Relations",
        "Does Rain Fall? Evidence from Forty Years of Records",
        "Research Article. Open Access.",
        "Received 3 March. Accepted 5 May 2020.",
        "SPECTER: Document-level Representation Learning using Citation-informed \
         Transformers",
    ] {
        assert!(!is_prose(&first(title)), "{title}");
    }
}

#[test]
fn a_date_under_the_title_or_on_its_own_is_the_paper_s_date() {
    // `pandoc -t plain --standalone`: the date right under the title.
    let (paper, _) =
        front("ggparliament: A ggplot2 extension\nfor parliament plots\n12 February 2018");
    assert_eq!(
        paper.title,
        "ggparliament: A ggplot2 extension for parliament plots"
    );
    assert_eq!(paper.date, "12 February 2018");
    let (paper, unread) = front("A Study of Things\n\nAnn Lee and Bo Chan\n\nFebruary 12, 2018");
    assert_eq!(paper.date, "February 12, 2018");
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ann Lee", "Bo Chan"]);
    assert_eq!(unread, 0);
    for date in ["2018-02-12", "May 2010", "3 May 2020"] {
        assert!(is_date_line(date), "{date}");
    }
    for not in [
        "12 Angry Men 1957",
        "2018-13-40",
        "May",
        "Chapter 12 2018",
        "1 2 3",
    ] {
        assert!(!is_date_line(not), "{not}");
    }
}

#[test]
fn keywords_one_per_line_and_a_labelled_corresponding_block() {
    let (paper, unread) = front(
        "Title Here\n\nNaeli Fitria\nPertamina University, Jakarta\n\nKeywords:\n\nOne\n\n\
         Two Words\n\nABSTRACT\n\nThe abstract.\n\nCorresponding Author:\n\nName: Naeli \
         Fitria\n\nEmail: n@u.id",
    );
    assert_eq!(paper.keywords, ["One", "Two Words"]);
    assert_eq!(paper.abstract_text, "The abstract.");
    assert_eq!(paper.authors.len(), 1);
    assert_eq!(
        paper.authors[0].affiliation,
        "Pertamina University, Jakarta"
    );
    assert_eq!(paper.authors[0].email, "n@u.id");
    assert!(paper.authors[0].corresponding);
    assert_eq!(unread, 0);
}

#[test]
fn a_letterhead_above_the_title_is_passed_over_and_a_title_in_capitals_is_not() {
    let (paper, _) = front(
        "EUROPEAN ORGANIZATION FOR NUCLEAR RESEARCH (CERN)\n\nCERN-PH-EP/2015-075\n\n\
         Combined Measurement of the Higgs Boson Mass\n\nThe ATLAS and CMS Collaborations",
    );
    assert_eq!(paper.title, "Combined Measurement of the Higgs Boson Mass");
    let (paper, _) = front("THE ROLE OF THE UNIVERSITY IN SOCIETY\n\nAnn Lee");
    assert_eq!(paper.title, "THE ROLE OF THE UNIVERSITY IN SOCIETY");
}

#[test]
fn a_journal_s_masthead_above_the_title_is_passed_over() {
    // BioMed Central: the article's kind and `Open Access` as blocks of their own.
    let (paper, _) = front(
        "REVIEW\n\nOpen Access\n\nComplications related to deep venous thrombosis\n\
         prophylaxis in trauma: a systematic review of the\nliterature\nIndraneel Datta1, \
         Chad G Ball1*, Lucas Rudmik1\n\nAbstract\nDeep venous thrombosis prophylaxis is \
         essential.",
    );
    assert_eq!(
        paper.title,
        "Complications related to deep venous thrombosis prophylaxis in trauma: a systematic \
         review of the literature"
    );
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Indraneel Datta", "Chad G Ball", "Lucas Rudmik"]);
    // Elsevier: the journal's volume, year and pages and its web address; the affiliations'
    // letters after the names, the first glued to it.
    let (paper, _) = front(
        "Journal of Hydrology 310 (2005) 253–265\nwww.elsevier.com/locate/jhydrol\n\n\
         The response of flow duration curves to afforestation\nPatrick N.J. Lanea,c,*, \
         Alice E. Bestb,c,d, Lu Zhangb,c\na\n\nSchool of Forest and Ecosystem Studies, \
         University of Melbourne, P.O. Box 137, Heidelberg, Victoria 3084, Australia\nb\nCSIRO \
         Division of Land and Water, Canberra, ACT, Australia\nc\nCooperative Research Centre \
         for Catchment Hydrology, Canberra, ACT, Australia\nd\nDepartment of Civil and \
         Environmental Engineering, University of Melbourne, Victoria, Australia\nReceived 1 \
         October 2003; revised 22 December 2004; accepted 3 January 2005\n\n\
         Abstract\nThe hydrologic effect of replacing pasture with trees.",
    );
    assert_eq!(
        paper.title,
        "The response of flow duration curves to afforestation"
    );
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Patrick N.J. Lane", "Alice E. Best", "Lu Zhang"]);
    assert!(!paper.affiliation.split("; ").any(|a| a.len() <= 2));
    assert!(paper.affiliation.starts_with("School of Forest"));
    assert_eq!(
        paper.abstract_text,
        "The hydrologic effect of replacing pasture with trees."
    );
    assert_eq!(paper.history.len(), 3);
    // A journal's code, its issue and address; the journal's name printed again under the
    // title is none of the authors.
    let (paper, _) = front(
        "JSS\n\nJanuary 2007, Volume 18, Issue 3.\n\nhttp://www.jstatsoft.org/\n\n\
         Clinical Science (2014) 126, 305–313 doi: 10.1042/CS20130403\n\nFragment-based \
         design of\nenzyme inhibitors\n\nClinical Science\n\nRoss G. Douglas, Rajni K. Sharma \
         and Kelly Chibale",
    );
    assert_eq!(paper.title, "Fragment-based design of enzyme inhibitors");
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ross G. Douglas", "Rajni K. Sharma", "Kelly Chibale"]
    );
}

#[test]
fn a_title_page_in_one_block_with_its_licence_gives_title_authors_history_and_licence() {
    // Hindawi's, as pdftotext gives it.
    let (paper, _) = front(
        "Hindawi Publishing Corporation\nRehabilitation Research and Practice\nVolume 2010, \
         Article ID 157939, 6 pages\ndoi:10.1155/2010/157939\n\nResearch Article\nPatient \
         Experiences of Structured Heart Failure Programmes\nNuala E. Tully, Karen M. Morgan, \
         and Hannah M. McGee\nDivision of Population Health Sciences, Royal College of \
         Surgeons in Ireland,\nDublin 2, Ireland\nCorrespondence should be addressed to Helen \
         M. Burke, hb@rcsi.ie\nReceived 9 November 2010; Accepted 25 December 2010\nCopyright \
         © 2010 Nuala E. Tully et al. This is an open access article distributed under the \
         Creative Commons Attribution License,\nwhich permits unrestricted use, provided the \
         original work is properly cited.\nObjectives. Patient experiences of programmes.",
    );
    assert_eq!(
        paper.title,
        "Patient Experiences of Structured Heart Failure Programmes"
    );
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Nuala E. Tully", "Karen M. Morgan", "Hannah M. McGee"]
    );
    assert_eq!(
        paper.affiliation,
        "Division of Population Health Sciences, Royal College of Surgeons in Ireland, Dublin \
         2, Ireland"
    );
    assert_eq!(paper.history.len(), 2);
    assert_eq!(paper.date, "25 December 2010");
    assert!(paper.license.statement.starts_with("Copyright © 2010"));
    assert!(paper.license.statement.ends_with("properly cited."));
}

#[test]
fn authors_printed_side_by_side_and_the_first_closing_the_title_s_block() {
    let text = "Bi-criteria Algorithm for Scheduling Jobs on Cluster\n∗\nPlatforms\n\
                Pierre-François Dutot\n\nLionel Eyraud\n\nID-IMAG\n51 avenue Jean Kuntzmann\n\n\
                pfdutot@imag.fr\n\nAbstract\nWe schedule jobs on platforms.";
    let (paper, _) = front(text);
    assert_eq!(
        paper.title,
        "Bi-criteria Algorithm for Scheduling Jobs on Cluster Platforms"
    );
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Pierre-François Dutot", "Lionel Eyraud"]);
    // A title's last line of capitalised words written in lower case in the text is no name.
    let text = "Scheduling Jobs with\nSpectroscopic Measurements\n\nLionel Eyraud\n\n\
                Abstract\nWe take spectroscopic measurements of jobs.";
    let (paper, _) = front(text);
    assert_eq!(
        paper.title,
        "Scheduling Jobs with Spectroscopic Measurements"
    );
}

#[test]
fn a_licence_above_the_title_does_not_make_the_text_open_on_a_paragraph() {
    let text = "© The Association 2013. The online version of this article is published \
                within an Open Access environment subject to the conditions of the Creative \
                Commons Attribution licence.\n\nStressful life events and dementia\n\n\
                Anna Sundström,1 Michael Rönnlund,2";
    let lines = blocks::lines(text);
    let skip = vec![false; lines.len()];
    let blocks = blocks::blocks(&lines, &skip, None);
    assert!(!opens_on_paragraph(&blocks));
    let (paper, _) = front(text);
    assert_eq!(paper.title, "Stressful life events and dementia");
    assert!(paper.license.statement.contains("Creative Commons"));
}

#[test]
fn two_columns_printing_the_abstract_under_the_keywords_label_give_both() {
    // As pdftotext gives ACM's two-column front matter: `ABSTRACT` in the left column,
    // `Keywords` in the right, then the abstract's text, then the keywords, then ACM's
    // classification.
    let (paper, _) = front(
        "Bi-criteria Scheduling on Clusters\n\nPierre Dutot\n\nABSTRACT\n\nKeywords\n\n\
         We describe in this paper a new method for building an\nefficient algorithm for \
         scheduling jobs in a cluster. Jobs are\nconsidered as parallel tasks.\n\n\
         Parallel Computing, Algorithms, Scheduling, Parallel Tasks,\nMoldable Tasks\n\n\
         Categories and Subject Descriptors\nF.2.2 [Analysis of Algorithms]: Sequencing\n\n\
         General Terms\nAlgorithms, Management",
    );
    assert_eq!(
        paper.abstract_text,
        "We describe in this paper a new method for building an efficient algorithm for \
         scheduling jobs in a cluster. Jobs are considered as parallel tasks."
    );
    assert_eq!(
        paper.keywords,
        [
            "Parallel Computing",
            "Algorithms",
            "Scheduling",
            "Parallel Tasks",
            "Moldable Tasks"
        ]
    );
}

#[test]
fn keywords_end_at_the_next_label_inside_their_block() {
    // ACM's `KEYWORDS`, then its reference format and permission notice in the same block
    // and, a running header between, the ISBN and DOI in the next.
    let (paper, _) = front(
        "CiteSee: Augmenting Citations\n\nJoseph Chee Chang\n\nABSTRACT\n\
         When reading a scholarly article, inline citations help researchers.\n\n\
         CCS CONCEPTS\n• Human-centered computing → Graphical user interfaces.\n\n\
         KEYWORDS\nreading interfaces, scientific papers, personalization\n\
         ACM Reference Format:\nJoseph Chee Chang. 2023. CiteSee: Augmenting Citations. In\n\
         Proceedings of the 2023 CHI Conference. ACM, New York, NY, USA, 15 pages.\n\n\
         ACM ISBN 978-1-4503-9421-5/23/04. . . $15.00\nhttps://doi.org/10.1145/3544548.3580847",
    );
    assert_eq!(
        paper.abstract_text,
        "When reading a scholarly article, inline citations help researchers."
    );
    assert_eq!(
        paper.keywords,
        ["reading interfaces", "scientific papers", "personalization"]
    );
}

#[test]
fn a_list_of_names_wrapped_between_two_names_parts_them() {
    // `… Deborah A. Wallach`⏎`Mike Burrows, …`: two names; `… and Rohan`⏎`Misra` and `… and`⏎
    // `Jun Feng` one.
    let (paper, _) = front(
        "Bigtable: A Distributed Storage System\n\n\
         Fay Chang, Jeffrey Dean, Deborah A. Wallach\n\
         Mike Burrows, Tushar Chandra, Andrew Fikes, Robert E. Gruber\n\
         Google, Inc.\n\nAbstract\n\nBigtable is a distributed storage system.",
    );
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Fay Chang",
            "Jeffrey Dean",
            "Deborah A. Wallach",
            "Mike Burrows",
            "Tushar Chandra",
            "Andrew Fikes",
            "Robert E. Gruber"
        ]
    );
    assert_eq!(
        joined_name_lines(&["George T. Flemming, Nobuyuki Matsumoto and Rohan", "Misra"]),
        "George T. Flemming, Nobuyuki Matsumoto and Rohan Misra"
    );
    assert_eq!(
        joined_name_lines(&["Yunfei Zhang1, Zhongyi Wang1 and", "Jun Feng1"]),
        "Yunfei Zhang1, Zhongyi Wang1 and Jun Feng1"
    );
}

#[test]
fn authors_printed_in_the_title_s_block_are_split_off_it() {
    // Two names joined by `and` above an affiliation and an e-mail address.
    let (paper, _) = front(
        "Generalized Markdown Architectural Decision\n\
         Records: Capturing the Essence of Decisions\n\
         Oliver Kopp and Anita Armbruster\n\
         IAAS, University of Stuttgart\n\
         lastname@informatik.uni-stuttgart.de\n\n\
         Abstract. Documenting design decisions fosters understanding.",
    );
    assert_eq!(
        paper.title,
        "Generalized Markdown Architectural Decision Records: Capturing the Essence of Decisions"
    );
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Oliver Kopp", "Anita Armbruster"]);
    assert_eq!(paper.affiliation, "IAAS, University of Stuttgart");
    // A name whose accent the PDF's text prints beside its letter (`J˛edrzej`).
    let (paper, _) = front(
        "Real-time Temporal Stereo Matching\n\
         using Iterative Adaptive Support Weights\n\
         J˛edrzej Kowalczuk, Eric T. Psota, and Lance C. Pérez\n\
         Department of Electrical Engineering, University of Nebraska-Lincoln\n\n\
         Abstract. Stereo matching algorithms find matches between images.",
    );
    assert_eq!(
        paper.title,
        "Real-time Temporal Stereo Matching using Iterative Adaptive Support Weights"
    );
    assert_eq!(paper.authors.len(), 3);
    // Names marked with a card's suit (ACL's affiliation marks), a line break between two.
    let (paper, _) = front(
        "Multi-LexSum: Real-World Summaries of Civil\n\
         Rights Lawsuits at Multiple Granularities\n\
         Zejiang Shen† Kyle Lo† Lauren Yu♦ Nathan Dahlberg\n\
         Margo Schlanger♦\n\
         Doug Downey†,♣\n\n\
         Abstract\n\nWith the advent of large language models, summaries got longer.",
    );
    assert!(
        paper.title.ends_with("at Multiple Granularities"),
        "{}",
        paper.title
    );
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Zejiang Shen",
            "Kyle Lo",
            "Lauren Yu",
            "Nathan Dahlberg",
            "Margo Schlanger",
            "Doug Downey"
        ]
    );
    // A title line of two capitalised phrases joined by `and` is no author line when no
    // affiliation follows it.
    let (paper, _) = front(
        "Markov Chains and Bayesian Networks\n\
         Modelling Discharge in Upland Catchments\n\n\
         Abstract\n\nWe model discharge.",
    );
    assert!(paper.authors.is_empty(), "{:?}", paper.authors);
    assert!(
        paper
            .title
            .starts_with("Markov Chains and Bayesian Networks")
    );
}

#[test]
fn acm_s_title_block_gives_its_title_authors_abstract_and_keywords() {
    // As pdftotext gives an ACM journal's first page: the title, each author in capitals with
    // the affiliation, the abstract without a label, the CCS concepts and the keywords, all in
    // one block under arXiv's stamp.
    let text = "arXiv:2203.00130v1 [cs.HC] 28 Feb 2022\n\n\
                Paper Plain: Making Medical Research Papers Approachable to Healthcare\n\
                Consumers with Natural Language Processing\n\
                TAL AUGUST, University of Washington, USA\n\
                MARTI A. HEARST, University of California, Berkeley, USA\n\
                JEAN-LUC O'NEIL, University of Washington, USA\n\
                When seeking information not covered in patient-friendly documents, like medical \
                pamphlets, healthcare consumers may turn to\n\
                the research literature. Reading medical papers, however, can be a challenging \
                experience. To improve access, we\n\
                introduce a novel interactive interface with four features powered by natural \
                language processing: definitions of\n\
                unfamiliar terms and plain language summaries of the sections of the paper.\n\
                CCS Concepts: • Human-centered computing → Empirical studies in interaction design.\n\
                Additional Key Words and Phrases: augmented reading; plain language summaries\n\n\
                1 INTRODUCTION\n\n\
                A strong public health system depends on the timely dissemination of findings.\n";
    let corpus = crate::formats::paper::plain::pdf_text_tests::corpus_of(text);
    let paper = &corpus.file.paper;
    assert_eq!(
        paper.title,
        "Paper Plain: Making Medical Research Papers Approachable to Healthcare Consumers with \
         Natural Language Processing"
    );
    let authors: Vec<(&str, &str)> = paper
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.affiliation.as_str()))
        .collect();
    assert_eq!(
        authors,
        [
            ("Tal August", "University of Washington, USA"),
            ("Marti A. Hearst", "University of California, Berkeley, USA"),
            ("Jean-Luc O'Neil", "University of Washington, USA"),
        ]
    );
    assert_eq!(
        paper.abstract_text,
        "When seeking information not covered in patient-friendly documents, like medical \
         pamphlets, healthcare consumers may turn to the research literature. Reading medical \
         papers, however, can be a challenging experience. To improve access, we introduce a \
         novel interactive interface with four features powered by natural language \
         processing: definitions of unfamiliar terms and plain language summaries of the \
         sections of the paper."
    );
    assert_eq!(
        paper.keywords,
        ["augmented reading", "plain language summaries"]
    );
    let titles: Vec<&str> = corpus
        .file
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["INTRODUCTION"]);
}

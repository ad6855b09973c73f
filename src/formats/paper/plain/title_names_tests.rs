//! Tests of the authors printed under a title as conference and journal papers' PDFs give
//! them: a first author closing the title's block, names in capitals, IEEE's grades, two
//! names on one line, a proceedings note above the title.

use std::collections::HashSet;

use super::super::blocks;
use super::super::front::read;
use crate::corpus::model::Paper;

/// The title and the authors' names `read` finds in `text`.
fn title_and_names(text: &str) -> (String, Vec<String>) {
    let paper = front(text);
    let names = paper.authors.into_iter().map(|a| a.name).collect();
    (paper.title, names)
}

/// The front matter `read` finds in `text`.
fn front(text: &str) -> Paper {
    let lines = blocks::lines(text);
    let skip = vec![false; lines.len()];
    let blocks = blocks::blocks(&lines, &skip, None);
    let mut paper = Paper::default();
    read(&blocks, text, &HashSet::new(), &mut paper);
    paper
}

#[test]
fn a_name_under_the_title_above_a_department_is_the_author_not_the_department() {
    let (title, names) = title_and_names(
        "Prototype-Driven Learning for Sequence Models\nAria Haghighi\nComputer Science \
         Division\nUniversity of California Berkeley\naria42@cs.berkeley.edu\n\nAbstract\n\
         We investigate prototype-driven learning.",
    );
    assert_eq!(title, "Prototype-Driven Learning for Sequence Models");
    assert_eq!(names, ["Aria Haghighi"]);
}

#[test]
fn a_first_author_closing_the_title_s_block_whose_name_is_in_an_e_mail_address() {
    let (title, names) = title_and_names(
        "An Architecture for Parallel Topic Models\nAlexander Smola\n\nShravan \
         Narayanamurthy\n\nYahoo! Research, Santa Clara, CA, USA\nAustralian National \
         University, Canberra\n\nalex@smola.org\n\nshravanm@yahoo-inc.com",
    );
    assert_eq!(title, "An Architecture for Parallel Topic Models");
    assert_eq!(names, ["Alexander Smola", "Shravan Narayanamurthy"]);
    let (title, names) = title_and_names(
        "Probabilistic XML via Markov Chains\nEvgeny Kharlamov\n\nOxford University, UK\n\
         michael.benedikt@comlab.ox.ac.uk\n\nFree University of Bozen-Bolzano, Italy\n\
         kharlamov@inf.unibz.it\n\nDan Olteanu\n\nPierre Senellart\n\nAbstract\n\nWe study \
         probabilistic XML.",
    );
    assert_eq!(title, "Probabilistic XML via Markov Chains");
    assert_eq!(
        names,
        ["Evgeny Kharlamov", "Dan Olteanu", "Pierre Senellart"]
    );
}

#[test]
fn ieee_s_membership_grades_after_the_names_are_no_names() {
    let (title, names) = title_and_names(
        "Disk-Based Storage for Scalable Video\nEd Chang and Avideh Zakhor, Member, IEEE\n\n\
         Abstract—In this paper, we consider the placement of scalable video data.",
    );
    assert_eq!(title, "Disk-Based Storage for Scalable Video");
    assert_eq!(names, ["Ed Chang", "Avideh Zakhor"]);
    let (_, names) = title_and_names(
        "A Survey of Codes\nAnn Lee, Senior Member, IEEE, Bo Chan, Fellow, IEEE, and Cy \
         Dorn, Student Member, IEEE\n\nAbstract—We survey codes.",
    );
    assert_eq!(names, ["Ann Lee", "Bo Chan", "Cy Dorn"]);
}

#[test]
fn surnames_in_capitals_are_read_in_their_own_case() {
    let (title, names) = title_and_names(
        "Monolingual Machine Translation for Paraphrase Generation\nChris QUIRK, Chris \
         BROCKETT and William DOLAN\nNatural Language Processing Group\nMicrosoft Research\n\
         One Microsoft Way\nRedmond, WA 90852 USA\n{chrisq,chrisbkt,billdol}@microsoft.com\n\n\
         Abstract\nWe apply statistical machine translation.",
    );
    assert_eq!(
        title,
        "Monolingual Machine Translation for Paraphrase Generation"
    );
    assert_eq!(names, ["Chris Quirk", "Chris Brockett", "William Dolan"]);
}

#[test]
fn names_in_capitals_each_above_an_affiliation_and_parted_by_and() {
    let (title, names) = title_and_names(
        "Approximation Algorithms for Data Placement on\nParallel Disks\nLEANA GOLUBCHIK\n\
         Department of Computer Science\nUniversity of Southern California, Los Angeles\nand\n\
         SANJEEV KHANNA\nDepartment of Computer and Information Science\nUniversity of \
         Pennsylvania, Philadelphia\nand\nAN ZHU\nGoogle Inc, Mountain View.\n\nA preliminary \
         version of this paper was presented at a symposium.",
    );
    assert_eq!(
        title,
        "Approximation Algorithms for Data Placement on Parallel Disks"
    );
    assert_eq!(names, ["Leana Golubchik", "Sanjeev Khanna", "An Zhu"]);
}

#[test]
fn a_line_of_names_in_capitals_with_marks_under_the_title() {
    let (title, names) = title_and_names(
        "IMPROVING DETECTION OF INFLUENTIAL NODES IN COMPLEX\nNETWORKS\n\n\
         AMIR SHEIKHAHMADI1,∗, MOHAMMAD A. NEMATBAKHSH1 , AND ARMAN SHOKROLLAHI2,3,∗\n\
         Abstract. Recently an increasing amount of research is devoted to influence.",
    );
    assert_eq!(
        title,
        "IMPROVING DETECTION OF INFLUENTIAL NODES IN COMPLEX NETWORKS"
    );
    assert_eq!(
        names,
        [
            "Amir Sheikhahmadi",
            "Mohammad A. Nematbakhsh",
            "Arman Shokrollahi"
        ]
    );
    let paper = front(
        "INFLUENTIAL NODES\n\nAMIR SHEIKHAHMADI1,∗, ARMAN SHOKROLLAHI2,3,∗\nAbstract. We find \
         influential nodes.",
    );
    assert_eq!(paper.abstract_text, "We find influential nodes.");
    // A title in capitals naming a disease and its year is no line of names.
    let (title, names) =
        title_and_names("COVID-19 AND SARS-COV-2 IN\nHOSPITAL STAFF\n\nAbstract. We count cases.");
    assert_eq!(title, "COVID-19 AND SARS-COV-2 IN HOSPITAL STAFF");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn two_names_on_one_line_without_a_comma_are_two_authors() {
    let (title, names) = title_and_names(
        "A Statistical Semantic Parser that Integrates Syntax and Semantics\nRuifang Ge \
         Raymond J. Mooney\nDepartment of Computer Sciences\nUniversity of Texas, Austin\n\n\
         Abstract\nWe introduce a learning semantic parser.",
    );
    assert_eq!(
        title,
        "A Statistical Semantic Parser that Integrates Syntax and Semantics"
    );
    assert_eq!(names, ["Ruifang Ge", "Raymond J. Mooney"]);
}

#[test]
fn names_a_line_each_in_the_block_under_the_title() {
    let (title, names) = title_and_names(
        "Computational Rationalization: The Inverse Equilibrium Problem\n\nKevin Waugh\n\
         Brian D. Ziebart\nJ. Andrew Bagnell\nCarnegie Mellon University, 5000 Forbes Ave, \
         Pittsburgh, PA, USA 15213\n\nAbstract\nModeling the purposeful behavior of agents.",
    );
    assert_eq!(
        title,
        "Computational Rationalization: The Inverse Equilibrium Problem"
    );
    assert_eq!(
        names,
        ["Kevin Waugh", "Brian D. Ziebart", "J. Andrew Bagnell"]
    );
}

#[test]
fn a_proceedings_note_above_the_title_is_no_title() {
    let (title, names) = title_and_names(
        "In Proceedings of the 45th Annual Meeting of the Association for Computational \
         Linguistics (ACL-2007). pp. 576-583, Prague, Czech Republic, June 2007.\n\n\
         Learning to Extract Relations from the Web\nusing Minimal Supervision\nRazvan C. \
         Bunescu\nDepartment of Computer Sciences\nUniversity of Texas at Austin\n\n\
         Abstract\nWe present a new approach to relation extraction.",
    );
    assert_eq!(
        title,
        "Learning to Extract Relations from the Web using Minimal Supervision"
    );
    assert_eq!(names, ["Razvan C. Bunescu"]);
}

#[test]
fn the_title_s_block_after_a_journal_s_label_read_as_the_title() {
    let (title, names) = title_and_names(
        "AGRONOMY AND FORESTRY | ORIGINAL ARTICLE\n\nDifferentiating diversity among \
         different land cover\ntypes in the eastern Amazon\nCarlos Henrique Saraiva DIAS1, \
         Izildinha Souza MIRANDA1* , Igor DO VALE1,\nLuiz Gonzaga Silva COSTA1\nUniversidade \
         Federal Rural da Amazônia, Belém, Pará, Brazil\n\nABSTRACT\nMeasurements of \
         biodiversity can be used to assess impact.",
    );
    assert_eq!(
        title,
        "Differentiating diversity among different land cover types in the eastern Amazon"
    );
    assert_eq!(
        names,
        [
            "Carlos Henrique Saraiva Dias",
            "Izildinha Souza Miranda",
            "Igor do Vale",
            "Luiz Gonzaga Silva Costa"
        ]
    );
}

#[test]
fn an_author_in_a_block_of_its_own_after_the_first_author_s_identifier() {
    let (title, names) = title_and_names(
        "The intellectual foundation of the elite of Brazilian\nresearchers on knowledge \
         organization domain\nPaula Carina de ARAÚJO1,2\n\n0000-0003-4608-752X\n\nLeilah \
         Santiago BUFREM1,3\n\n0000-0002-3620-0632\n\nAbstract\nThis study aims to analyze.",
    );
    assert_eq!(
        title,
        "The intellectual foundation of the elite of Brazilian researchers on knowledge \
         organization domain"
    );
    assert_eq!(names, ["Paula Carina de Araújo", "Leilah Santiago Bufrem"]);
}

#[test]
fn names_lose_their_marks_and_keep_their_own_case() {
    use super::names;
    assert_eq!(
        names("Cristiano De Marchis1,2,3*, Igor DO VALE1, Ann Lee, Member, IEEE"),
        ["Cristiano De Marchis", "Igor do Vale", "Ann Lee"]
    );
    // An ORCID logo a PDF's text gives as a glyph of the font's own.
    assert_eq!(
        names("\u{e840} Andréa Maria Neves1,4, \u{e840} Selene Maia de Morais1"),
        ["Andréa Maria Neves", "Selene Maia de Morais"]
    );
    assert_eq!(
        names("Lúcia Betânia da Silva Andrade3 and"),
        ["Lúcia Betânia da Silva Andrade"]
    );
    assert_eq!(
        names("ISSN 2358-291X (Online)"),
        ["ISSN 2358-291X (Online)"]
    );
    // A group's name in capitals keeps them.
    assert_eq!(names("ATLAS Collaboration"), ["ATLAS Collaboration"]);
    // A place and its postcode is no marked name.
    assert!(!super::super::title_page::is_author_line(
        "Dhaka-1000, Bangladesh"
    ));
}

#[test]
fn a_title_later_pages_print_as_their_running_header_is_still_the_title() {
    use crate::formats::paper::{ImportOptions, PaperKind, import};
    use std::fmt::Write as _;
    let title = "Computational Rationalization: The Inverse Equilibrium Problem";
    let mut text = format!(
        "{title}\n\nKevin Waugh\nBrian D. Ziebart\nJ. Andrew Bagnell\nCarnegie Mellon \
         University, Pittsburgh, PA, USA\n\nAbstract\nWe model agents.\n\n1. Introduction\n\n"
    );
    for page in 2..=5 {
        write!(
            text,
            "Agents act in games and we watch them act on page {page} of this paper.\n\
             \u{c}{title}\n\nThe agents go on acting on the next page, and so do we.\n\n"
        )
        .unwrap();
    }
    let imported = import(PaperKind::PlainText, &text, &ImportOptions::default()).unwrap();
    let paper = &imported.file.paper;
    assert_eq!(paper.title, title);
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Kevin Waugh", "Brian D. Ziebart", "J. Andrew Bagnell"]
    );
    let repeated = imported
        .file
        .sections
        .iter()
        .flat_map(|section| &section.paragraphs)
        .filter(|paragraph| paragraph.text.contains("Inverse Equilibrium"))
        .count();
    assert_eq!(repeated, 0, "the running headers are no text");
}

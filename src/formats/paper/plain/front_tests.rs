//! Tests of the front matter: the title page, authors, labelled parts and history.

use super::super::blocks;
use super::*;

fn front(text: &str) -> (Paper, usize) {
    let lines = blocks::lines(text);
    let skip = vec![false; lines.len()];
    let blocks = blocks::blocks(&lines, &skip, None);
    let mut paper = Paper::default();
    let unread = read(&blocks, &HashSet::new(), &mut paper);
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

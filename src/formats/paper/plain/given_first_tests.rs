//! The plain-text importer's entries of lists that print their people given name first, as
//! ACM's, CVPR's, ACL's and many computing conferences' lists do (`Max Göbel, Tamir Hassan,
//! and Giorgio Orsi. Title. In …`), beside the lists whose names only look so; and where
//! such lists print the year (after the names, the title, or Springer's container).

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::entries::Entry;
use super::references::reference;
use crate::corpus::cite::year;
use crate::corpus::model::Reference;

fn read(text: &str) -> Reference {
    reference(&Entry {
        number: Some(1),
        text: text.to_owned(),
    })
}

/// Each author as (given, family), or the literal name as the family.
fn people(reference: &Reference) -> Vec<(String, String)> {
    reference
        .author
        .iter()
        .map(|name| {
            if name.family.is_empty() {
                (String::new(), name.literal.clone())
            } else {
                (name.given.clone(), name.family.clone())
            }
        })
        .collect()
}

fn pairs(names: &[(&str, &str)]) -> Vec<(String, String)> {
    names
        .iter()
        .map(|(given, family)| ((*given).to_owned(), (*family).to_owned()))
        .collect()
}

#[test]
fn names_printed_given_name_first_are_people() {
    let entry = read(
        "Ross B. Girshick, Jeff Donahue, Trevor Darrell, and M. Qadir. Rich feature \
         hierarchies for accurate object detection. In IEEE Conference on Computer Vision \
         and Pattern Recognition, pages 580-587, 2014.",
    );
    assert_eq!(
        people(&entry),
        pairs(&[
            ("Ross B.", "Girshick"),
            ("Jeff", "Donahue"),
            ("Trevor", "Darrell"),
            ("M.", "Qadir")
        ])
    );
    assert_eq!(
        entry.title,
        "Rich feature hierarchies for accurate object detection"
    );
    assert_eq!(year(&entry), Some(2014));
    assert_eq!(
        entry.item_type, "paper-conference",
        "a work in a conference's proceedings"
    );
    let two = read(
        "Connor Shorten and Taghi M. Khoshgoftaar. A survey on image data augmentation. \
         Journal of Big Data, 6(1):60, 2019.",
    );
    assert_eq!(
        people(&two),
        pairs(&[("Connor", "Shorten"), ("Taghi M.", "Khoshgoftaar")])
    );
    // ACL's year after the names, a long list of them.
    let dated = read(
        "Tom Brown, Benjamin Mann, Nick Ryder, Melanie Subbiah, Jared D Kaplan, Prafulla \
         Dhariwal, Arvind Neelakantan, Pranav Shyam, Girish Sastry, Amanda Askell, Sandhini \
         Agarwal, Ariel Herbert-Voss, Gretchen Krueger, Tom Henighan, Rewon Child, Aditya \
         Ramesh, Daniel Ziegler, Jeffrey Wu, Clemens Winter, Chris Hesse, Mark Chen, Eric \
         Sigler, Mateusz Litwin, Scott Gray, Benjamin Chess, Jack Clark, Christopher Berner, \
         Sam McCandlish, Alec Radford, Ilya Sutskever, and Dario Amodei. 2020. Language \
         Models are Few-Shot Learners. In Advances in Neural Information Processing Systems, \
         Vol. 33. Curran Associates, Inc., 1877–1901.",
    );
    assert_eq!(
        (dated.author.len(), people(&dated).last().cloned()),
        (31, Some(("Dario".to_owned(), "Amodei".to_owned())))
    );
    assert_eq!(dated.title, "Language Models are Few-Shot Learners");
    assert_eq!(year(&dated), Some(2020));
}

#[test]
fn a_work_with_no_venue_has_its_year_after_its_title() {
    let entry = read(
        "Yuxin Wu, Alexander Kirillov, Francisco Massa, Wan-Yen Lo, and Ross Girshick. \
         Detectron2, 2019.",
    );
    assert_eq!(entry.title, "Detectron2");
    assert_eq!(year(&entry), Some(2019));
}

#[test]
fn names_that_only_look_given_first_are_read_as_before() {
    // A physics entry: one name, family first, its initial's stop before the journal.
    let physics = read("Siddhartha Guzman F. Phys. Rev. D 73, 021501(R) (2006).");
    assert!(
        people(&physics)
            .iter()
            .all(|(_, family)| !family.contains("Phys")),
        "{:?}",
        people(&physics)
    );
    // Vancouver's family names and initials.
    let vancouver =
        read("Zimmermann MB, Hurrell RF. Nutritional iron deficiency. Lancet 2007;370:511-20.");
    assert_eq!(
        people(&vancouver),
        pairs(&[("M. B.", "Zimmermann"), ("R. F.", "Hurrell")])
    );
    assert_eq!(vancouver.title, "Nutritional iron deficiency");
}

#[test]
fn springer_s_year_after_the_container_is_the_year() {
    let entry = read(
        "Auer, C., Dolfi, M., Carvalho, A.: Delivering document conversion as a cloud service. \
         CoRR abs/2206.00785 (2022)",
    );
    assert_eq!(entry.container_title, "CoRR abs/2206.00785");
    assert_eq!(year(&entry), Some(2022));
}

#[test]
fn a_pdf_s_accents_beside_their_letters_and_cvpr_s_initials_first_lists_are_read() {
    use crate::formats::paper::{ImportOptions, PaperKind, import};
    let text = "A Paper\n\n1 Introduction\n\nSystems [1] and faces [2] were studied.\n\n\
References\n\n\
[1] Mart´ın Abadi, Paul Barham, and Jianmin Chen. Tensorflow: A system for large-scale machine \
learning. In OSDI, pages 265-283, 2016.\n\
[2] S. An, W. Liu, and S. Venkatesh. Face recognition using kernel ridge regression. In \
CVPR, pages 1-7, 2007.\n";
    let imported = import(PaperKind::PlainText, text, &ImportOptions::default()).unwrap();
    let references = &imported.file.references;
    assert_eq!(
        people(&references[0]),
        pairs(&[("Martín", "Abadi"), ("Paul", "Barham"), ("Jianmin", "Chen")])
    );
    assert_eq!(
        people(&references[1]),
        pairs(&[("S.", "An"), ("W.", "Liu"), ("S.", "Venkatesh")])
    );
    assert_eq!(
        references[1].title,
        "Face recognition using kernel ridge regression"
    );
}

/// The entries of a list, read together as a list's are.
fn read_list(texts: &[&str]) -> Vec<Reference> {
    let entries: Vec<Entry> = texts
        .iter()
        .zip(1..)
        .map(|(text, number)| Entry {
            number: Some(number),
            text: (*text).to_owned(),
        })
        .collect();
    super::whole_list::references_of(&entries)
}

#[test]
fn one_person_named_given_name_first_with_an_initial_is_not_cut_at_it() {
    let list = read_list(&[
        "John W. Backus. Can programming be liberated from the von Neumann style? Commun. \
         ACM, 21(8):613–641, 1978.",
        "G. Booch. Object Oriented Design with Applications. Benjamin/Cummings, 1991.",
        "C. A. R. Hoare. The emperor's old clothes. Commun. ACM, 24(2):75–83, 1981.",
        "Conal Elliott and Paul Hudak. Functional reactive animation. In ICFP, 1997.",
    ]);
    let read: Vec<(Vec<(String, String)>, &str)> = list
        .iter()
        .map(|reference| (people(reference), reference.title.as_str()))
        .collect();
    assert_eq!(
        read.get(..3).unwrap(),
        [
            (
                pairs(&[("John W.", "Backus")]),
                "Can programming be liberated from the von Neumann style?"
            ),
            (
                pairs(&[("G.", "Booch")]),
                "Object Oriented Design with Applications"
            ),
            (pairs(&[("C. A. R.", "Hoare")]), "The emperor's old clothes"),
        ]
    );
    // Vancouver's surname and initial before a one-word title, alone in its list: as
    // Vancouver prints it.
    let list = read_list(&[
        "Jones C. Editorial. BMJ. 2001;322:1-2.",
        "Smith AB, Lee C. Cancer in mice. Lancet. 2002;360:3-4.",
    ]);
    let jones = list.first().unwrap();
    assert_eq!(people(jones), pairs(&[("C.", "Jones")]));
    assert_eq!(jones.title, "Editorial");
}

#[test]
fn a_year_printed_with_the_venue_s_name_is_the_year() {
    let entry = read(
        "K. Birman and T. Joseph. Replication and Fault-Tolerance in the ISIS System. 10th ACM \
         Symposium on Operating Systems Principles, Dec 1985, 79-86.",
    );
    assert_eq!(year(&entry), Some(1985));
    assert_eq!(
        entry.title,
        "Replication and Fault-Tolerance in the ISIS System"
    );
}

#[test]
fn a_year_after_the_title_of_a_work_without_a_venue_is_the_year() {
    let scheme = read(
        "J. Rees and K. Other. Another module system for Scheme, 1994. Scheme48 documentation.",
    );
    assert_eq!(year(&scheme), Some(1994));
    assert_eq!(scheme.title, "Another module system for Scheme");
    let svg = read(
        "J. Ferraiolo and A. Other. Scalable vector graphics (SVG) 1.0 specification, December \
         1999. http://www.w3.org/TR/1999/WD-SVG-19991203/.",
    );
    assert_eq!(year(&svg), Some(1994 + 5));
    assert_eq!(
        svg.title,
        "Scalable vector graphics (SVG) 1.0 specification"
    );
    // A number in the title that is no year after a comma gives none, nor does a standard's.
    let counted = read("A. Writer and B. Other. Sorting, 1000 ways. Notes.");
    assert_eq!(year(&counted), None);
    let ada = read("US Department of Defense: Ada reference manual, ANSI/MIS-STD 1815, Jan 1983.");
    assert_eq!(year(&ada), Some(1983));
}

//! The plain-text importer's entries of lists in ACM's and USENIX's styles, as pdftotext takes
//! them out of a PDF: names in small capitals spaced where the letters change size
//! (`D RUSCHEL , P., AND M OGUL , J. C.`), family names of two words (`Peyton Jones, S.`),
//! titles whose first words end in a colon (`Pastry: Scalable, …`), and venues with their
//! volume, issue and date in parentheses (`CACM 3, 4 (Apr. 1960), 184–195`).

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::entries::Entry;
use super::whole_list::references_of;
use crate::corpus::cite::year;
use crate::corpus::model::Reference;

/// The references of a numbered list's entries, one per line.
fn read_list(lines: &[&str]) -> Vec<Reference> {
    let entries: Vec<Entry> = (1..)
        .zip(lines)
        .map(|(number, text)| Entry {
            number: Some(number),
            text: (*text).to_owned(),
        })
        .collect();
    references_of(&entries)
}

/// Each author as `Family, Given`.
fn authors(reference: &Reference) -> Vec<String> {
    reference
        .author
        .iter()
        .map(|name| {
            let particle = if name.non_dropping_particle.is_empty() {
                String::new()
            } else {
                format!("{} ", name.non_dropping_particle)
            };
            format!("{particle}{}, {}", name.family, name.given)
        })
        .collect()
}

#[test]
fn names_in_small_capitals_are_read_as_the_names_they_are() {
    let references = read_list(&[
        "BANGA , G., D RUSCHEL , P., AND M OGUL , J. C. Resource containers: A new facility \
         for resource management in server systems. In Proc. of the 3rd OSDI (Feb. 1999), \
         pp. 45–58.",
        "M AC C ORMICK , J., M URPHY, N., NAJORK , M., T HEKKATH , C. A., AND Z HOU , L. \
         Boxwood: Abstractions as the foundation for storage infrastructure. In Proc. of the \
         6th OSDI (Dec. 2004), pp. 105–120.",
        "D E W ITT, D. J., VAN R ENESSE , R., AND K ELLOM A\u{308}KI , P. Paxos made \
         moderately complex. Tech. rep., Cornell University, 2011.",
        "KX . COM. kx.com/products/database.php. Product page.",
    ]);
    let [banga, boxwood, paxos, product] = references.as_slice() else {
        panic!("four references: {references:#?}");
    };
    assert_eq!(
        authors(banga),
        ["Banga, G.", "Druschel, P.", "Mogul, J. C."]
    );
    assert_eq!(
        banga.title,
        "Resource containers: A new facility for resource management in server systems"
    );
    assert_eq!(year(banga), Some(1999));
    assert_eq!(
        authors(boxwood),
        [
            "MacCormick, J.",
            "Murphy, N.",
            "Najork, M.",
            "Thekkath, C. A.",
            "Zhou, L."
        ]
    );
    assert_eq!(
        boxwood.title,
        "Boxwood: Abstractions as the foundation for storage infrastructure"
    );
    assert_eq!(
        authors(paxos),
        ["DeWitt, D. J.", "van Renesse, R.", "Kelloma\u{308}ki, P."]
    );
    assert_eq!(paxos.title, "Paxos made moderately complex");
    assert_eq!(
        banga.printed(),
        Some(
            "Banga, G., Druschel, P., and Mogul, J. C. Resource containers: A new facility for \
             resource management in server systems. In Proc. of the 3rd OSDI (Feb. 1999), \
             pp. 45–58."
        ),
        "the entry as the paper prints it, not as pdftotext spaced it"
    );
    assert!(
        product.author.is_empty(),
        "a product's page is no person's: {product:?}"
    );
}

#[test]
fn a_family_name_of_two_words_and_a_title_opening_on_a_colon_are_read() {
    let references = read_list(&[
        "Peyton Jones, S., Gordon, A., and Finne, S. Concurrent Haskell. In 23rd ACM \
         Symposium on Principles of Programming Languages (Jan. 1996), ACM, pp. 295–308.",
        "Rowstron, A., and Druschel, P. Pastry: Scalable, distributed object location and \
         routing for large-scale peer-to-peer systems. In Proc. of Middleware 2001 (Nov. \
         2001), pp. 329–350.",
    ]);
    let [haskell, pastry] = references.as_slice() else {
        panic!("two references: {references:#?}");
    };
    assert_eq!(
        authors(haskell),
        ["Peyton Jones, S.", "Gordon, A.", "Finne, S."]
    );
    assert_eq!(haskell.title, "Concurrent Haskell");
    assert_eq!(authors(pastry), ["Rowstron, A.", "Druschel, P."]);
    assert_eq!(
        pastry.title,
        "Pastry: Scalable, distributed object location and routing for large-scale \
         peer-to-peer systems"
    );
}

#[test]
fn a_venue_with_its_volume_issue_and_date_in_parentheses_is_read_field_by_field() {
    let references = read_list(&[
        "Baru, C. K., and Wilson, W. G. DB2 parallel edition. IBM Systems Journal 34, 2 \
         (1995), 292–322.",
        "McCarthy, J. Recursive functions of symbolic expressions and their computation by \
         machine. CACM 3, 4 (Apr. 1960), 184–195.",
        "Hartman, J. H., and Ousterhout, J. K. The Zebra striped network file system. In \
         Proc. of the 14th SOSP (Asheville, NC, Dec. 1993), pp. 29–43.",
        "Rowstron, A., and Druschel, P. Pastry: Scalable, distributed object location. In \
         Proc. of Middleware 2001 (Nov. 2001), pp. 329–350.",
        "Corbett, J. C., and Dean, J. Spanner: Google's globally distributed database. ACM \
         TOCS 31.3 (Aug. 2013), 8:1–8:22.",
        "Watts, D. J., and Strogatz, S. H. Collective dynamics of small-world networks. \
         Nature 393, 440-442 (1998).",
        "Gibbons, P. B., and Korach, E. Testing shared memories. J. Parallel and Distrib. \
         Comput. 17, 1-2 (1993).",
        "Lampson, B. W. The abcd's of paxos. In Proceedings of the 20th ACM Symposium on \
         Principles of Distributed Computing (New York, NY, USA, 2001), PODC 2001, ACM, pp. \
         13–13.",
    ]);
    let [db2, lisp, zebra, pastry, spanner, nature, double, paxos] = references.as_slice() else {
        panic!("eight references: {references:#?}");
    };
    let fields = |r: &Reference| {
        (
            r.container_title.clone(),
            r.volume.clone(),
            r.issue.clone(),
            r.page.clone(),
            r.issued.as_ref().map(|date| date.date_parts.clone()),
        )
    };
    let expected = |container: &str, volume: &str, issue: &str, page: &str, date: &[i32]| {
        (
            container.to_owned(),
            volume.to_owned(),
            issue.to_owned(),
            page.to_owned(),
            Some(vec![date.to_vec()]),
        )
    };
    assert_eq!(
        fields(db2),
        expected("IBM Systems Journal", "34", "2", "292–322", &[1995])
    );
    assert_eq!(
        fields(lisp),
        expected("CACM", "3", "4", "184–195", &[1960, 4])
    );
    assert_eq!(
        fields(zebra),
        expected("Proc. of the 14th SOSP", "", "", "29–43", &[1993, 12])
    );
    assert_eq!(zebra.publisher_place, "Asheville, NC");
    assert_eq!(zebra.item_type, "paper-conference");
    assert_eq!(
        fields(pastry),
        expected("Proc. of Middleware 2001", "", "", "329–350", &[2001, 11]),
        "a year after the venue's name is part of it, no volume"
    );
    assert_eq!(
        fields(spanner),
        expected("ACM TOCS", "31", "3", "8:1–8:22", &[2013, 8])
    );
    assert_eq!(
        (nature.container_title.as_str(), year(nature)),
        ("Nature", Some(1998)),
        "pages before the year are no venue's volume and issue: {nature:?}"
    );
    assert_eq!(
        (nature.volume.as_str(), nature.page.as_str()),
        ("393", "440-442")
    );
    assert_eq!(
        (
            double.volume.as_str(),
            double.issue.as_str(),
            double.page.as_str()
        ),
        ("17", "1-2", ""),
        "a double issue is no range of pages"
    );
    assert_eq!(
        fields(paxos),
        expected(
            "Proceedings of the 20th ACM Symposium on Principles of Distributed Computing",
            "",
            "",
            "13–13",
            &[2001]
        ),
        "the year printed again after the date is no volume"
    );
    assert_eq!(paxos.publisher_place, "New York, NY, USA");
}

#[test]
fn a_month_before_the_year_of_a_work_without_a_venue_is_no_venue() {
    let references = read_list(&[
        "L AMPORT, L. The part-time parliament. ACM TOCS 16, 2 (1998), 133–169.",
        "M AZI ÈRES , D. Paxos made practical. Jan. 2007.",
    ]);
    let [_, paxos] = references.as_slice() else {
        panic!("two references: {references:#?}");
    };
    assert_eq!(authors(paxos), ["Mazières, D."]);
    assert_eq!(paxos.title, "Paxos made practical");
    assert_eq!(paxos.container_title, "", "{paxos:?}");
    assert_eq!(year(paxos), Some(2007));
}

#[test]
fn the_word_naming_a_volume_is_no_part_of_the_venue() {
    let references = read_list(&[
        "Larson, P. Dynamic hash tables. Comm. of ACM (CACM), Volume 31 (1988), 446–457.",
    ]);
    let [larson] = references.as_slice() else {
        panic!("one reference: {references:#?}");
    };
    assert_eq!(
        (larson.container_title.as_str(), larson.volume.as_str()),
        ("Comm. of ACM (CACM)", "31")
    );
    assert_eq!(larson.page, "446–457");
}

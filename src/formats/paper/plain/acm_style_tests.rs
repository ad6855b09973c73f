//! The plain-text importer's entries of lists in ACM's and USENIX's styles, as pdftotext takes
//! them out of a PDF: names in small capitals spaced where the letters change size
//! (`D RUSCHEL , P., AND M OGUL , J. C.`), family names of two words (`Peyton Jones, S.`),
//! and titles whose first words end in a colon (`Pastry: Scalable, …`).

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

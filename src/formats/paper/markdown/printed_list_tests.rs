//! The Markdown importer on a paper that prints its reference list (`## References` then
//! numbered entries), as converters of PDFs write one: the entries read as its references and
//! the text's numbered markers citing them.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{BIB, messages, paragraphs, read_with, valid};

/// A paper as a PDF converter writes it: no YAML header, an HTML comment first, bracketed
/// numbers in the text and a bulleted list of numbered entries, one broken by a blank line.
const CONVERTED: &str = "<!-- image -->\n\n## Layout analysis\n\n\
Early approaches used rules [1], later deep networks [2, 3] and more [1-3]; \
[7] names no entry. Labels were chosen for (1) how often they occur.\n\n\
## REFERENCES\n\n\
- [1] Max Göbel, Tamir Hassan, and Giorgio Orsi. Icdar 2013 table competition. In \
International Conference on Document Analysis and Recognition, pages 1449-1453, 2013.\n\
- [2] Ross B. Girshick, Jeff Donahue, and M. Qadir. Rich feature hierarchies. In IEEE \
Conference on Computer Vision and Pattern Recognition, pages 580-587, 2014.\n\
- [3] Nicolas Carion, Francisco Massa, and Sergey Zagoruyko. End-to-\n\n\
end object detection with transformers. In Computer Vision - ECCV 2020, pages 213-229, 2020.\n";

#[test]
fn a_printed_numbered_list_is_the_reference_list_and_the_markers_cite_it() {
    let imported = read_with(CONVERTED, &[]);
    let corpus = valid(&imported);
    let references = &imported.file.references;
    assert_eq!(references.len(), 3);
    let people: Vec<Vec<(&str, &str)>> = references
        .iter()
        .map(|r| {
            r.author
                .iter()
                .map(|name| (name.given.as_str(), name.family.as_str()))
                .collect()
        })
        .collect();
    assert_eq!(
        people,
        [
            vec![("Max", "Göbel"), ("Tamir", "Hassan"), ("Giorgio", "Orsi")],
            vec![
                ("Ross B.", "Girshick"),
                ("Jeff", "Donahue"),
                ("M.", "Qadir")
            ],
            vec![
                ("Nicolas", "Carion"),
                ("Francisco", "Massa"),
                ("Sergey", "Zagoruyko")
            ],
        ],
        "each list of names printed given name first read as people"
    );
    assert_eq!(
        references[2].title, "End-to-end object detection with transformers",
        "an entry a blank line broke is one entry, its word joined at the hyphen"
    );
    assert_eq!(
        references
            .iter()
            .map(|r| r.citation_number)
            .collect::<Vec<_>>(),
        [Some(1), Some(2), Some(3)]
    );
    // The list is no section of the text; the markers cite its entries, [7] cites nothing.
    assert!(
        imported
            .file
            .sections
            .iter()
            .all(|s| s.title != "REFERENCES")
    );
    assert_eq!(
        paragraphs(&imported.file),
        [
            "Early approaches used rules [1], later deep networks [2, 3] and more [1-3]; \\[7] \
          names no entry. Labels were chosen for \\(1) how often they occur."
        ]
    );
    assert_eq!(corpus.summary().citation_groups, 3);
    let messages = messages(&imported);
    assert!(
        messages.iter().any(|m| m.contains(
            "the 3 numbered entries printed under “REFERENCES” are its reference list, and 3 \
             numbered markers in the text cite them"
        )),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("1 citation marker whose target is missing")),
        "{messages:?}"
    );
}

#[test]
fn an_ordered_list_is_read_too_but_not_when_the_paper_names_its_bibliography() {
    let ordered = "# Paper\n\nAs shown [2].\n\n# References\n\n\
1. Auer, C., Dolfi, M.: Delivering document conversion as a cloud service. CoRR (2022)\n\
2. Chen, B., Peng, D.: Complex table structure recognition in the wild. Pattern \
Recognition 141, 109-121 (2023)\n";
    let imported = read_with(ordered, &[]);
    valid(&imported);
    assert_eq!(imported.file.references.len(), 2);
    assert_eq!(
        imported.file.references[1].title,
        "Complex table structure recognition in the wild"
    );
    assert_eq!(paragraphs(&imported.file), ["As shown [2]."]);
    // A paper naming its bibliography keeps a list it prints as text, as Pandoc does.
    let named = format!("---\nbibliography: refs.bib\n---\n\n{ordered}");
    let imported = read_with(&named, &[("refs.bib", BIB)]);
    assert!(imported.file.references.is_empty());
    assert!(
        imported
            .file
            .sections
            .iter()
            .any(|s| s.title == "References")
    );
    // One numbered paragraph under the heading is no list.
    let single = "# Paper\n\nText [1].\n\n# References\n\n1. Only one entry, 2020.\n";
    let imported = read_with(single, &[]);
    assert!(imported.file.references.is_empty());
}

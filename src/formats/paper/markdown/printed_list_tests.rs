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

/// An author–date paper as PDF converters write it: entries one per paragraph, names given
/// name first; one entry broken after its names, one before its venue and year, one with its
/// year after a link; and the list as Nougat writes it, each entry after its citation label.
const AUTHOR_DATE: &str = "## Introduction\n\n\
Sparse models scale well (Fedus et al., 2021; Shazeer et al., 2017). Hooker (2020) asks why, \
as do Wang and Kanwar (2019); Gray et al. (2017) wrote the kernels. Nobody (Doe, 1999) else.\n\n\
## References\n\n\
William Fedus, Barret Zoph, and Noam Shazeer. Switch transformers: Scaling to trillion \
parameter models. arXiv preprint arXiv:2101.03961, 2021.\n\n\
Noam Shazeer, Azalia Mirhoseini, Krzysztof Maziarz, Andy Davis, Quoc Le, Geoffrey Hinton, \
and Jeff Dean.\n\n\
Outrageously large neural networks: The sparsely-gated mixture-of-experts layer. arXiv \
preprint arXiv:1701.06538, 2017.\n\n\
Shibo Wang and Pankaj Kanwar. Bfloat16: The secret to high performance on cloud tpus.\n\n\
Google Cloud Blog, 2019.\n\n\
Sara Hooker, Tom B Brown, Andr´e FT Martins, Michael Isard, et al. The hardware lottery. \
arXiv preprint arXiv:2009.06489, 2020.\n\n\
Scott Gray, Alec Radford, and Diederik P Kingma. Gpu kernels for block-sparse weights. \
https://openai.com/blog/block-sparse-gpu-kernels/, 2017.\n";

#[test]
fn a_printed_author_date_list_is_the_reference_list_and_authors_and_years_cite_it() {
    let imported = read_with(AUTHOR_DATE, &[]);
    let corpus = valid(&imported);
    let references = &imported.file.references;
    let read: Vec<(&str, Vec<&str>, Option<i32>)> = references
        .iter()
        .map(|r| {
            (
                r.title.as_str(),
                r.author.iter().map(|name| name.family.as_str()).collect(),
                r.issued
                    .as_ref()
                    .and_then(|d| d.date_parts.first())
                    .and_then(|p| p.first())
                    .copied(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "Switch transformers: Scaling to trillion parameter models",
                vec!["Fedus", "Zoph", "Shazeer"],
                Some(2021)
            ),
            (
                "Outrageously large neural networks: The sparsely-gated mixture-of-experts layer",
                vec![
                    "Shazeer",
                    "Mirhoseini",
                    "Maziarz",
                    "Davis",
                    "Le",
                    "Hinton",
                    "Dean"
                ],
                Some(2017)
            ),
            (
                "Bfloat16: The secret to high performance on cloud tpus",
                vec!["Wang", "Kanwar"],
                Some(2019)
            ),
            (
                "The hardware lottery",
                vec!["Hooker", "Brown", "Martins", "Isard"],
                Some(2020)
            ),
            (
                "Gpu kernels for block-sparse weights",
                vec!["Gray", "Radford", "Kingma"],
                Some(2017)
            ),
        ],
        "entries broken after their names or before their year are whole; given names with \
         initials without stops (`Tom B Brown`, `Andre FT Martins`) and a list ending `et al.` \
         are people; a year after a link is the year"
    );
    assert_eq!(
        references[3].author[2].given, "André FT",
        "an accent printed beside its letter is put on it"
    );
    let summary = corpus.summary();
    assert_eq!(
        summary.citations,
        5,
        "each work cited once: {:?}",
        paragraphs(&imported.file)
    );
    assert!(
        imported
            .file
            .sections
            .iter()
            .all(|s| s.title != "References"),
        "the list is no section of the text"
    );
    let messages = messages(&imported);
    assert!(
        messages.iter().any(|m| m.contains(
            "the 5 entries printed under “References” are its reference list, and 5 citations \
             by authors and year in the text cite them"
        )),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("1 citation marker whose target is missing")),
        "(Doe, 1999) names no entry: {messages:?}"
    );

    // Nougat prints each entry after the label a citation of it shows.
    let nougat = AUTHOR_DATE
        .replace("William Fedus,", "* Fedus et al. (2021) William Fedus,")
        .replace("Sara Hooker,", "* Hooker et al. (2020) Sara Hooker,");
    let labelled = read_with(&nougat, &[]);
    assert_eq!(labelled.file.references, imported.file.references);
}

#[test]
fn a_converter_s_label_is_left_out_however_the_entry_s_letters_are_written() {
    // The entry's 80th byte stands inside the `ä`.
    let accented = "# Intro\n\nSparse models (Müller et al., 2020) and dense ones (Lee and Kim, \
                    2019).\n\n## References\n\n\
* Müller et al. (2020) Jörg Müller, Anna Schmidtler, Klaus Weber, and Dieter Bäumer. Sparse \
models. arXiv preprint arXiv:2001.00001, 2020.\n\
* Lee and Kim (2019) Ann Lee and Bo Kim. Dense models. arXiv preprint arXiv:1901.00001, 2019.\n";
    let imported = read_with(accented, &[]);
    let first = &imported.file.references[0];
    assert_eq!(first.author[0].family, "Müller");
    assert_eq!(first.title, "Sparse models");
}

#[test]
fn a_numbered_list_a_converter_interrupted_with_a_table_and_a_caption_is_whole() {
    // As Nougat writes a list a page's floats fall in: a table and a figure's caption between
    // two halves of an entry, the rest of the list run on after a paragraph's line.
    let text = "# Results\n\nCounting [3] and more [4].\n\n## References\n\n\
* [1] S. An, W. Liu, and S. Venkatesh. Face recognition. In CVPR, pages 1-7, 2007.\n\
* [2] C. Arteta, V. Lempitsky, and A. Zisserman. Interactive object counting. In ECCV, 2014.\n\
* [3] D. Babu Sam, S. Surya, and R. Venkatesh Babu. Switching convolutional neural network for crowd\n\n\
| Method | MAE |\n|---|---|\n| A | 16.6 |\n\n: Mean absolute error\n\n\
Figure 4: Ablation studies on various datasets.\n\n\
counting. In CVPR, pages 5744-5752, 2017.\n\
* [4] L. Boominathan, S. S. Kruthiventi, and R. V. Babu. Crowdnet. In ACM Multimedia, pages 640-644, 2016.\n";
    let imported = read_with(text, &[]);
    valid(&imported);
    let titles = crate::corpus::model::titles_of(&imported.file.references);
    assert_eq!(
        titles,
        [
            "Face recognition",
            "Interactive object counting",
            "Switching convolutional neural network for crowd counting",
            "Crowdnet"
        ]
    );
    assert_eq!(
        imported.file.tables.len(),
        1,
        "the table stays in the paper"
    );
    assert!(
        paragraphs(&imported.file)
            .iter()
            .any(|p| p.starts_with("Figure 4: Ablation")),
        "the caption stays in the text: {:?}",
        paragraphs(&imported.file)
    );
}

#[test]
fn a_references_section_of_links_without_years_stays_text() {
    let text = "# Guide\n\nRead on.\n\n# References\n\n\
- [The Rust book](https://doc.rust-lang.org/book/)\n\
- The project's website, with its tutorials\n\
- Smith, J. (2019) A handbook of methods. Oxford.\n";
    let imported = read_with(text, &[]);
    assert!(imported.file.references.is_empty());
    assert!(
        imported
            .file
            .sections
            .iter()
            .any(|s| s.title == "References")
    );
}

#[test]
fn an_unnumbered_list_the_text_cites_by_numbers_is_numbered_by_place() {
    // As docling writes a PLOS article: the list's numbers left out, the text's kept.
    let entries = "- World Health Organization. Lymphatic filariasis: progress report. Geneva; 2010.\n\
- Herrero M, Henderson B, Thornton PK. Greenhouse gas mitigation potentials in the livestock \
sector. Nat Clim Chang. 2016;6: 452–461.\n\
- Adams AM, Birch E. Eliminating neglected tropical diseases in urban areas. Trop Med. 2018;12: 1–9.\n\
- Kumar A. Measuring impact on filarial infection status. Trop Biomed. 2014;31: 225–229.\n";
    let text = format!(
        "# Results\n\nElimination was validated [1], its costs estimated [2,3] and measured \
         [3–4].\n\n## References\n\n{entries}"
    );
    let imported = read_with(&text, &[]);
    let corpus = valid(&imported);
    let numbers: Vec<Option<u32>> = imported
        .file
        .references
        .iter()
        .map(|r| r.citation_number)
        .collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3), Some(4)]);
    assert_eq!(corpus.summary().citations, 5);
    assert!(
        messages(&imported).iter().any(|m| m.contains(
            "the 4 entries printed under “References” are its reference list, and 3 numbered \
             markers counting them in the text cite them"
        )),
        "{:?}",
        messages(&imported)
    );

    // A footnote's `[1]` after each author's name numbers nothing.
    let footnoted = format!(
        "# Results\n\nAda Lovelace[1] and Alan Turing[1] wrote it (Kumar, 2014).\n\n\
         ## References\n\n{entries}"
    );
    let imported = read_with(&footnoted, &[]);
    assert!(
        imported
            .file
            .references
            .iter()
            .all(|r| r.citation_number.is_none()),
        "read as an author–date list"
    );
}

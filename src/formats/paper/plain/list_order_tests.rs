//! Tests of an author–date list as a PDF's text orders a two-column page: the end of a column
//! printed between the list's heading and its first entry, a section printed after the list's
//! first entries with the rest of them after it; and ICML's entries, the year at their end.

use crate::corpus::model::Reference;
use crate::formats::paper::{ImportOptions, Imported, PaperKind, import};

use crate::formats::paper::plain::pdf_text_tests::paragraph_texts;
use crate::formats::paper::plain::tests::section_titles;

fn run(text: &str) -> Imported {
    import(PaperKind::PlainText, text, &ImportOptions::default()).unwrap()
}

/// Each reference's first author's family name, title and year.
fn read(references: &[Reference]) -> Vec<(String, String, Option<i32>)> {
    references
        .iter()
        .map(|r| {
            // A name read whole (`Katrin Erk` alone) is its last word's.
            let family = r
                .author
                .first()
                .map(|a| {
                    let whole = a.literal.rsplit(' ').next().unwrap_or_default();
                    if a.family.is_empty() {
                        whole
                    } else {
                        &a.family
                    }
                    .to_owned()
                })
                .unwrap_or_default();
            let year = r
                .issued
                .as_ref()
                .and_then(|d| d.date_parts.first())
                .and_then(|p| p.first())
                .copied();
            (family, r.title.clone(), year)
        })
        .collect()
}

/// Each reference's first author's family name.
fn first_families(imported: &Imported) -> Vec<String> {
    read(&imported.file.references)
        .into_iter()
        .map(|(family, _, _)| family)
        .collect()
}

#[test]
fn icml_s_entries_with_the_year_at_their_end_are_read_whole() {
    let imported = run(
        "Noisy Matrix Decomposition\n\n1. Introduction\n\nMatrices are noisy \
         (Chandrasekaran et al., 2009; Hsu et al., 2010; Negahban & Wainwright, 2010).\n\n\
         References\n\nChandrasekaran, V., Sanghavi, S., Parrilo, P. A., and\nWillsky, A. S. \
         Rank-sparsity incoherence for matrix\ndecomposition. Technical report, MIT, June \
         2009.\nAvailable at arXiv:0906.2220v1.\nHsu, D., Kakade, S. M., and Zhang, T. \
         Robust\nMatrix Decomposition with Outliers. 2010. URL\n\
         http://arxiv.org/abs/1011.1518.\nNegahban, S. and Wainwright, M. J. Restricted \
         strong\nconvexity and (weighted) matrix completion. Technical report, UC Berkeley, \
         August 2010.\n",
    );
    assert_eq!(
        read(&imported.file.references),
        [
            (
                "Chandrasekaran".to_owned(),
                "Rank-sparsity incoherence for matrix decomposition".to_owned(),
                Some(2009)
            ),
            (
                "Hsu".to_owned(),
                "Robust Matrix Decomposition with Outliers".to_owned(),
                Some(2010)
            ),
            (
                "Negahban".to_owned(),
                "Restricted strong convexity and (weighted) matrix completion".to_owned(),
                Some(2010)
            ),
        ]
    );
    let hsu = imported.file.references.get(1).unwrap();
    let families: Vec<&str> = hsu.author.iter().map(|a| a.family.as_str()).collect();
    assert_eq!(families, ["Hsu", "Kakade", "Zhang"]);
    // natbib's `URL` before the link is no publisher.
    assert_eq!(hsu.url, "http://arxiv.org/abs/1011.1518");
    assert!(hsu.publisher.is_empty(), "{}", hsu.publisher);
    let cited = paragraph_texts(&imported.file)
        .join(" ")
        .matches("]{@")
        .count();
    assert_eq!(cited, 3, "{:?}", paragraph_texts(&imported.file));
}

#[test]
fn the_end_of_a_column_printed_under_the_list_s_heading_stays_text() {
    let imported = run(
        "Noisy Matrix Decomposition\n\n1. Introduction\n\nMatrices are noisy (Hsu et al., \
         2010; McCoy & Tropp, 2010).\n\n5. Discussion\n\nWe discussed matrices.\n\n\
         References\n\nr = 10\nr = 15\n200\n\nFigure 4. Plot of the error against the \
         dimension.\n\nfrom the noisy sum. The results apply to broad classes of structure \
         and so they should.\n\nHsu, D., Kakade, S. M., and Zhang, T. Robust\nMatrix \
         Decomposition with Outliers. 2010.\nMcCoy, M. and Tropp, J. Two Proposals for \
         Robust\nPCA using Semidefinite Programming. 2010.\n",
    );
    let families = first_families(&imported);
    assert_eq!(families, ["Hsu", "McCoy"]);
    let text = paragraph_texts(&imported.file);
    assert!(
        text.iter().any(|p| p.starts_with("from the noisy sum.")),
        "{text:?}"
    );
    assert_eq!(imported.file.figures.len(), 1);
    let last = imported.file.sections.last().unwrap();
    assert_eq!(last.title, "Discussion");
}

#[test]
fn entries_printed_after_a_section_the_list_s_column_interrupts_are_the_list_s() {
    let imported = run(
        "Sparse Information Extraction\n\n1 Introduction\n\nExtraction is assessed \
         (Etzioni et al., 2005; Agichtein, 2005; Richardson and Domingos, 2006).\n\n2 \
         Related Work\n\nOthers assessed extractions by patterns.\n\n\
         References\n\nO. Etzioni, M. Cafarella, and D. Downey.\n2005. Unsupervised \
         named-entity extraction from the\nweb. Artificial Intelligence, 165(1):91–134.\n\n\
         3 Conclusions\n\nThis paper demonstrated that language models assess extractions \
         well.\n\nAcknowledgements\n\nThis research was supported by a grant.\n\nE. Agichtein. \
         2005. Extracting Relations From Large\nText Collections. Ph.D. thesis, Columbia \
         University.\n\nM. Richardson and P. Domingos. 2006. Markov Logic\nNetworks. Machine \
         Learning, 62(1-2):107–136.\n",
    );
    let families = first_families(&imported);
    assert_eq!(families, ["Etzioni", "Agichtein", "Richardson"]);
    let titles = section_titles(&imported);
    assert_eq!(
        titles,
        [
            "Introduction",
            "Related Work",
            "Conclusions",
            "Acknowledgements"
        ]
    );
    let text = paragraph_texts(&imported.file).join(" ");
    assert!(!text.contains("Markov Logic"), "{text}");
    assert_eq!(text.matches("]{@").count(), 3, "{text}");
}

#[test]
fn entries_printed_before_the_list_s_heading_are_the_list_s() {
    let imported = run(
        "Phrase Generation\n\n1 Introduction\n\nWe generate phrases (Baroni and Zamparelli, \
         2010; Erk and Padó, 2012; Andoni and Indyk, 2008).\n\n2 Conclusion\n\nGeneration might be \
         the missing link to powerful models.\n\nMarco Baroni and Roberto Zamparelli. 2010. \
         Nouns\nare vectors, adjectives are matrices. In\nProceedings of EMNLP, pages \
         1183–1193.\nKatrin Erk and Sebastian Padó. 2012. Vector space models of word meaning. Language \
         and\nLinguistics Compass, 6(10):635–653.\n\nAcknowledgments\n\nWe thank the \
         reviewers for their useful comments.\n\nReferences\nAlexandr Andoni and Piotr \
         Indyk. 2008. Near-optimal\nhashing algorithms. Commun. ACM, 51(1):117–122.\n",
    );
    let families = first_families(&imported);
    assert_eq!(families, ["Baroni", "Erk", "Andoni"]);
    let text = paragraph_texts(&imported.file).join(" ");
    assert!(!text.contains("Nouns are vectors"), "{text}");
    assert!(
        text.contains("Generation might be the missing link"),
        "{text}"
    );
    assert_eq!(text.matches("]{@").count(), 3, "{text}");
}

#[test]
fn an_entry_whose_names_wrap_over_three_lines_opens_where_its_names_do() {
    let imported = run(
        "Document Representations\n\n1 Introduction\n\nWe embed documents (Pedregosa et al., \
         2011; Peters et al., 2018; Radford et al., 2018).\n\nReferences\n\nF. Pedregosa, G. \
         Varoquaux, and E. Duchesnay. 2011. Scikit-learn: Machine learning in\nPython. Journal \
         of Machine Learning Research,\n12:2825–2830.\nMatthew E. Peters, Mark Neumann, Mohit \
         Iyyer, Matt\nGardner, Christopher Clark, Kenton Lee, and Luke\nZettlemoyer. 2018. Deep \
         Contextualized Word Representations.\nAlec Radford, Karthik Narasimhan, Tim Salimans, \
         and\nIlya Sutskever. 2018. Improving language understanding by generative \
         pre-training. arXiv.\n",
    );
    let families = first_families(&imported);
    assert_eq!(families, ["Pedregosa", "Peters", "Radford"]);
    let text = paragraph_texts(&imported.file).join(" ");
    assert_eq!(text.matches("]{@").count(), 3, "{text}");
}

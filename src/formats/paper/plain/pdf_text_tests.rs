//! Tests of the plain-text importer on text as pdftotext gives a PDF's: reference lists under
//! a heading printed directly above the first entry, repeated on each page of the list, or
//! without one; headings whose number stands alone; astronomy's author–date lists.

// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::corpus::Corpus;
use crate::corpus::model::CorpusFile;
use crate::formats::paper::{ImportOptions, PaperKind, import};

/// The corpus of `text` read as plain text.
pub(super) fn corpus_of(text: &str) -> Corpus {
    corpus_and_report(text).0
}

/// The corpus of `text` read as plain text, and the import's messages and the corpus's
/// warnings.
pub(super) fn corpus_and_report(text: &str) -> (Corpus, Vec<String>) {
    let imported = import(PaperKind::PlainText, text, &ImportOptions::default()).unwrap();
    let mut messages: Vec<String> = imported
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    let corpus = Corpus::from_file(imported.file, "pdf.txt").unwrap();
    messages.extend(corpus.warnings.iter().map(|d| d.message.clone()));
    (corpus, messages)
}

/// The ids of the references each citation of the corpus names, in reading order.
pub(super) fn cited(corpus: &Corpus) -> Vec<Vec<String>> {
    corpus
        .index
        .citations
        .iter()
        .map(|citation| {
            citation
                .references
                .iter()
                .filter_map(|&at| corpus.file.references.get(at))
                .map(|reference| reference.id.clone())
                .collect()
        })
        .collect()
}

/// The ids of the corpus's references, in list order.
pub(super) fn reference_ids(corpus: &Corpus) -> Vec<&str> {
    corpus
        .file
        .references
        .iter()
        .map(|reference| reference.id.as_str())
        .collect()
}

/// The titles of the corpus's top-level sections.
pub(super) fn sections(corpus: &Corpus) -> Vec<String> {
    corpus
        .file
        .sections
        .iter()
        .map(|section| section.title.clone())
        .collect()
}

#[test]
fn a_two_column_physics_paper_has_its_headings_and_its_list_without_a_heading() {
    // As pdftotext gives a REVTeX paper: each heading's number a block of its own above its
    // title, and the list at the end with no heading, beside a footnote and a page number.
    let text = "Sgoldstinos at the LHC\n\nA. Author and B. Author\n\nWe study a model.\n\nI.\n\n\
                INTRODUCTION\n\nThe search found an excess [1]. Models explain it [2, 3].\n\n\
                II.\n\nTHE MODEL\n\nThe model [3] is simple. Its decays\n\
                Γ(φ → ZZ) =\n\nare computed as in [1].\n\n\
                ∗ Corresponding author: a@b.org\n\
                [1] ATLAS Collaboration, G. Aad et al., arXiv:1506.00962 [Inspire].\n\
                [2] J. Hisano, N. Nagata and Y. Omura, Phys. Rev. D 92 (2015) 055001.\n\n6\n\n\
                [3] E. Perazzi, G. Ridolfi and F. Zwirner, Nucl. Phys. B 574 (2000) 3–22.\n";
    let corpus = corpus_of(text);
    assert_eq!(sections(&corpus), ["INTRODUCTION", "THE MODEL"]);
    assert_eq!(corpus.file.references.len(), 3);
    let printed: Vec<&str> = corpus
        .file
        .references
        .iter()
        .filter_map(|r| r.printed())
        .collect();
    assert_eq!(
        printed.first().copied(),
        Some("ATLAS Collaboration, G. Aad et al., arXiv:1506.00962 [Inspire].")
    );
    assert!(
        printed.iter().all(|entry| !entry.contains("Corresponding")),
        "{printed:?}"
    );
    let ids: Vec<String> = corpus
        .file
        .references
        .iter()
        .map(|r| r.id.clone())
        .collect();
    let [one, two, three] = ids.as_slice() else {
        panic!("{ids:?}");
    };
    assert_eq!(
        cited(&corpus),
        [
            vec![one.clone()],
            vec![two.clone(), three.clone()],
            vec![three.clone()],
            vec![one.clone()],
        ]
    );
    // Physics's entries: the group and the person named for it, the journal, volume, year and
    // page with no title before them.
    let references = &corpus.file.references;
    let atlas: Vec<(&str, &str)> = references
        .first()
        .unwrap()
        .author
        .iter()
        .map(|n| (n.literal.as_str(), n.family.as_str()))
        .collect();
    assert_eq!(
        atlas,
        [("ATLAS Collaboration", ""), ("", "Aad"), ("others", "")]
    );
    let perazzi = references.get(2).unwrap();
    assert_eq!(
        (
            perazzi.title.as_str(),
            perazzi.container_title.as_str(),
            perazzi.volume.as_str(),
            perazzi.page.as_str(),
            perazzi.creators().len()
        ),
        ("", "Nucl. Phys. B", "574", "3–22", 3)
    );
    assert_eq!(perazzi.id, "perazzi2000");
    // The equation is no heading, and no marker is left unresolved.
    assert!(
        corpus
            .warnings
            .iter()
            .all(|w| !w.message.contains("marker")),
        "{:?}",
        corpus.warnings
    );
}

#[test]
fn a_list_heading_glued_to_its_entries_and_printed_on_each_page_is_read_once() {
    // The heading directly above the first entry; the number alone on its line, the entry
    // below it; the heading again at the top of the list's next page; a collaboration's
    // author list after it.
    let text = "A Measurement\n\n1. Introduction\n\nWe measure it [1], as before [2–4].\n\n\
                The work was supported by the agencies.\nReferences\n[1]\n\n\
                S. D. Drell and T.-M. Yan,\nMassive Lepton-Pair Production,\n\
                Phys. Rev. Lett. 25 (1970) 316.\n\n[2]\n\nC. Duhr, Charged current production,\n\
                JHEP 11 (2020) 143.\n\n12\n\nReferences\n\n\
                [3] G. Aad et al., Higgs boson mass, Phys. Rev. D 90 (2014) 052004.\n\
                [4] L. J. Dixon and M. S. Siu, Interference, Phys. Rev. Lett. 90 (2003) 252001.\n\n\
                13\n\nReferences\n\n\
                [5] V. Khachatryan, Measurement, JHEP 08 (2014) 174.\n\n\
                The ATLAS Collaboration\n\nG. Aad, B. Abbott, J. Abdallah\n\n\
                The CMS Collaboration\n\nV. Khachatryan, A. M. Sirunyan\n";
    let corpus = corpus_of(text);
    let references = &corpus.file.references;
    assert_eq!(references.len(), 5, "{references:?}");
    let last = references.last().and_then(|r| r.printed()).unwrap();
    assert_eq!(last, "V. Khachatryan, Measurement, JHEP 08 (2014) 174.");
    assert_eq!(
        references.first().and_then(|r| r.printed()),
        Some(
            "S. D. Drell and T.-M. Yan, Massive Lepton-Pair Production, Phys. Rev. Lett. 25 (1970) 316."
        )
    );
    assert_eq!(corpus.summary().citations, 4);
    assert_eq!(
        sections(&corpus).first().map(String::as_str),
        Some("Introduction")
    );
    assert!(
        !sections(&corpus).iter().any(|title| title == "References"),
        "{:?}",
        sections(&corpus)
    );
}

#[test]
fn an_astronomy_paper_s_author_date_list_is_cut_into_entries_and_cited() {
    // MNRAS and AAS print `Surname I., 2004, Journal, volume, page` without a stop, one entry
    // after another without blank lines; a numbered heading in capitals stands directly
    // above its text.
    let text = "Carbon Dust in Space\n\nA. Gerber\n\nABSTRACT\n\nWe study dust.\n\n\
                1 INTRODUCTION\n\nDust forms in flames (Adamopoulos et al. 2004; Valdes 2015).\n\
                Earlier work (Chiar & Tielens 1998) found less.\n\
                2. OBSERVATIONS AND DATA PROCESSING\n\
                The data were reduced as Valdes (2015) describes.\n\nREFERENCES\n\
                Adamopoulos G., Robertson J., Morrison N. A., Godet C., 2004, J. Appl.\n\
                Phys., 96, 6348\n\
                Chiar J. E., Tielens A. G., 1998, ApJ, 507, 281\n\
                Valdes, F. 2015, ASPC 495, Astronomical Data Analysis\n\
                Software and Systems XXIV, 95\n";
    let (corpus, messages) = corpus_and_report(text);
    let references = &corpus.file.references;
    let ids: Vec<&str> = references.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["adamopoulos2004", "chiar1998", "valdes2015"],
        "{references:?}"
    );
    // Family names first, initials after them; the journal, volume and page of an article
    // printed without its title, which is no fault of the import.
    let first = references.first().unwrap();
    let names: Vec<(&str, &str)> = first
        .author
        .iter()
        .map(|n| (n.family.as_str(), n.given.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Adamopoulos", "G."),
            ("Robertson", "J."),
            ("Morrison", "N. A."),
            ("Godet", "C.")
        ]
    );
    assert_eq!(
        (
            first.container_title.as_str(),
            first.volume.as_str(),
            first.page.as_str()
        ),
        ("J. Appl. Phys.", "96", "6348")
    );
    assert!(first.title.is_empty());
    assert!(
        messages.iter().all(|m| !m.contains("title")),
        "{messages:#?}"
    );
    assert_eq!(
        cited(&corpus),
        [
            vec!["adamopoulos2004".to_owned()],
            vec!["valdes2015".to_owned()],
            vec!["chiar1998".to_owned()],
            vec!["valdes2015".to_owned()],
        ]
    );
    assert_eq!(
        sections(&corpus),
        ["INTRODUCTION", "OBSERVATIONS AND DATA PROCESSING"]
    );
}

#[test]
fn a_title_page_s_stamps_are_passed_over_and_its_authors_read_under_the_title() {
    let text = "MNRAS 000, 1–14 (2025)\n\nPreprint 27 February 2025\n\n\
                Compiled using MNRAS LATEX style file v3.2\n\n\
                arXiv:2502.18907v1 [astro-ph.GA] 26 Feb 2025\n\n\
                Characterization of interstellar carbon dust analogues synthesized by\n\
                dielectric barrier discharge\n\
                Ioana Cristina Gerber,1 Ilarion Mihaila,1 Valentin Pohoata,2★ Andrei Sandu,2\n\
                Dumitru Duca,4 Dmitrii Egorov,4 and Ionut Topala2★\n\
                1 Integrated Center of Environmental Science Studies, University of Iasi\n\n\
                ABSTRACT\n\nWe made dust.\n\n1 INTRODUCTION\n\nDust is made in flames.\n";
    let corpus = corpus_of(text);
    let paper = &corpus.file.paper;
    assert_eq!(
        paper.title,
        "Characterization of interstellar carbon dust analogues synthesized by dielectric \
         barrier discharge"
    );
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ioana Cristina Gerber",
            "Ilarion Mihaila",
            "Valentin Pohoata",
            "Andrei Sandu",
            "Dumitru Duca",
            "Dmitrii Egorov",
            "Ionut Topala"
        ]
    );
    assert_eq!(
        paper.affiliation,
        "Integrated Center of Environmental Science Studies, University of Iasi"
    );
    assert_eq!(paper.abstract_text, "We made dust.");

    // A conference paper's header, the title with a note's mark, and no heading before the
    // text: the text starts after the authors' blocks.
    let text = "9th International Particle Accelerator Conference\nISBN: 978-3-95450-184-7\n\n\
                arXiv:2503.05621v1 [hep-lat] 7 Mar 2025\n\n\
                TUNER TESTING OF A CAVITY AT FERMILAB*\n\n\
                Richard C. Brower,𝑎,∗ George T. Flemming,𝑏 Nobuyuki Matsumoto𝑎 and Rohan\n\
                Misra𝑎\n𝑎 Boston University, Boston, MA 02215, USA\n\n\
                E-mail: brower@bu.edu\n\n\
                We review the recent construction of the model, and test it here.\n";
    let corpus = corpus_of(text);
    let paper = &corpus.file.paper;
    assert_eq!(paper.title, "TUNER TESTING OF A CAVITY AT FERMILAB");
    let names: Vec<&str> = paper.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Richard C. Brower",
            "George T. Flemming",
            "Nobuyuki Matsumoto",
            "Rohan Misra"
        ]
    );
    let first = corpus.paragraph(0).map(|p| p.text.as_str());
    assert_eq!(
        first,
        Some("We review the recent construction of the model, and test it here.")
    );
}

#[test]
fn an_abstract_printed_without_its_label_is_the_abstract_and_its_citations_link() {
    // REVTeX prints the abstract under the authors without a label; this one cites a work.
    let text = "Ising on S2 - The Affine Conjecture\n\n\
                Richard C. Brower,𝑎,∗ George T. Flemming𝑏\n\
                𝑎 Boston University, Boston, MA 02215, USA\n\n\
                We review the recent construction [1] of the 2d Ising model on a sphere. Here \
                we conjecture how this might be generalized.\n\n\
                The 41st International Symposium on Lattice Field Theory\n\n\
                1. Introduction\nThe simulations of the path integral in flat space [2].\n\n\
                References\n\n[1] R. C. Brower, The Ising model on S2, 2407.00459.\n\
                [2] K. Wilson, Confinement of quarks, Phys. Rev. D 10 (1974) 2445.\n";
    let (corpus, messages) = corpus_and_report(text);
    let paper = &corpus.file.paper;
    assert_eq!(
        paper.affiliation,
        "Boston University, Boston, MA 02215, USA"
    );
    assert!(paper.abstract_text.is_empty(), "{}", paper.abstract_text);
    assert_eq!(sections(&corpus), ["Abstract", "Introduction"]);
    assert_eq!(corpus.summary().citations, 2);
    // The conference's line under the abstract is left out, and said to be.
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("1 block before the first heading")),
        "{messages:#?}"
    );

    // Without a citation it stays the abstract.
    let text = text.replace(" [1]", "");
    let corpus = corpus_of(&text);
    assert!(
        corpus
            .file
            .paper
            .abstract_text
            .starts_with("We review the recent construction of the 2d Ising model"),
        "{:?}",
        corpus.file.paper
    );
    assert_eq!(sections(&corpus), ["Introduction"]);
}

#[test]
fn a_numbered_paper_s_subheadings_keep_their_numbers_and_a_figure_s_labels_are_no_headings() {
    // As pdftotext gives a two-column paper: a subheading's number the last line of the
    // paragraph above it, the words of a figure (its labels, a chart's tick `0.8 CT18`) as
    // lines of their own, and a figure's caption between a heading and its text.
    let text = "Trace Trees for a Tracing Compiler\n\nA. Author\n\n\
                1 Introduction\n\n\
                A tracing compiler records the paths a program takes through its loops.\n\
                It keeps the exposition simple.\n1.1\n\n\
                Traces\n\n\
                A trace is simply a program path, which may cross function call boundaries.\n\n\
                Trace 1\n\nNumber\n\nBoolean\n\n\
                Figure 1. Two traces and the types of the values they hold.\n\n\
                1.2\n\nType Tests\n\n\
                Figure 2. The type tests a trace makes before its code runs.\n\n\
                Each trace checks the types it was recorded with before its compiled code runs.\n\n\
                0.8 CT18\n\n\
                2 Evaluation\n\n\
                We measured the speed of twelve benchmarks on the compiler and the interpreter.\n\n\
                Closed\n\n\
                3 Conclusions\n\n\
                Tracing pays off for loops that run many times in the hot paths of a program.\n\n\
                Acknowledgments\n\n\
                We thank the reviewers.\n";
    let corpus = corpus_of(text);
    let expected = [
        ("1", "Introduction"),
        ("1.1", "Traces"),
        ("1.2", "Type Tests"),
        ("2", "Evaluation"),
        ("3", "Conclusions"),
        ("", "Acknowledgments"),
    ];
    assert_outline(&corpus, &expected);
    // The number is no longer the last line of the introduction's paragraph.
    let introduction = corpus.file.sections.first().unwrap();
    assert!(
        introduction
            .paragraphs
            .iter()
            .all(|paragraph| !paragraph.text.contains("1.1")),
        "{:?}",
        introduction.paragraphs
    );
}

#[test]
fn in_a_paper_without_numbered_sections_a_heading_above_a_heading_stays_one() {
    // Without numbered sections the outline has nothing to tell a figure's label by: an
    // unnumbered heading directly above another stays a heading.
    let text = "A Study of Things\n\nA. Author\n\nIntroduction\n\n\
                Things have been studied for a long time by many people in many places.\n\n\
                Background\n\nEarly Work\n\n\
                The first studies of things counted them by hand in the field and in the lab.\n\n\
                KA>29:92>#\n\n\
                Later studies counted them with machines, in more places and more often.\n";
    let corpus = corpus_of(text);
    // A figure's text in a font pdftotext cannot read is no heading.
    assert_eq!(
        sections(&corpus),
        ["Introduction", "Background", "Early Work"]
    );
}

#[test]
fn paragraphs_a_pdf_s_text_gives_without_a_blank_line_between_them_are_two() {
    let text = "Scheduling Moldable Jobs\n\nA. Author\n\n\
                1 Introduction\n\n\
                The best existing algorithm for minimizing the makespan\n\
                off-line has a guaranty of three halves [1]. We derive an\n\
                on-line batch version.\n\
                The paper is organized as follows. In the next section,\n\
                we introduce the definitions and models of the paper.\n\n\
                References\n\n\
                [1] A. Smith, \"Moldable jobs,\" Journal of Jobs, vol. 3, pp. 1-9, 2019.\n";
    let corpus = corpus_of(text);
    assert_eq!(
        paragraph_texts(&corpus.file),
        [
            "The best existing algorithm for minimizing the makespan off-line has a guaranty \
             of three halves [1]. We derive an on-line batch version.",
            "The paper is organized as follows. In the next section, we introduce the \
             definitions and models of the paper."
        ]
    );
}

/// The text of every paragraph of the corpus's sections, in order.
pub(super) fn paragraph_texts(file: &CorpusFile) -> Vec<&str> {
    file.sections
        .iter()
        .flat_map(|section| &section.paragraphs)
        .map(|paragraph| paragraph.text.as_str())
        .collect()
}

/// Asserts the corpus's sections are `expected`: each one's number as printed and title.
#[track_caller]
pub(super) fn assert_outline(corpus: &Corpus, expected: &[(&str, &str)]) {
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|&(number, title)| (number.to_owned(), title.to_owned()))
        .collect();
    assert_eq!(numbered_sections(corpus), expected);
}

fn numbered_sections(corpus: &Corpus) -> Vec<(String, String)> {
    corpus
        .file
        .sections
        .iter()
        .map(|section| (section.number.clone(), section.title.clone()))
        .collect()
}

#[test]
fn a_thesis_s_contents_are_left_out_and_its_chapters_are_its_sections() {
    // A thesis's contents and list of figures, entries with dots leading to page numbers; each
    // chapter opening on a new page with `Chapter N` above its title, as pdftotext writes it
    // (`Capı́tulo`: a dotless i and a combining accent).
    let text = "A Study of Diffraction\n\nA. Student\n\n\
                Contents\n\
                Abstract . . . . . . . . . . . . . . . . . . . iii\n\n\
                1 Introduction\n\n1\n\n\
                2 Diffraction . . . . . . . . . . . . . . . . . 4\n\
                2.1 Soft diffraction . . . . . . . . . . . . . . 5\n\n\
                List of Figures\n\
                2.1 The cross-section of elastic collisions at high energies . . . . 8\n\n\
                \u{c}Chapter 1\nIntroduction\n\n\
                The existence of a hard component in diffraction opened the way to QCD.\nMany \
                questions remain open.\n\n\
                \u{c}Capı\u{301}tulo 2\nDiffraction\n\n\
                Diffraction is a process in which the proton stays whole. Regge theory first \
                described it.\n\n\
                2.1 Soft diffraction\n\n\
                Soft diffraction dominates at low momentum transfer. It is studied with Regge's \
                model.\n\n\
                \u{c}Chapter 3\nResults\n\nWe found the signal. It is small, and we measured it.\n";
    let corpus = corpus_of(text);
    let expected = [
        ("1", "Introduction"),
        ("2", "Diffraction"),
        ("2.1", "Soft diffraction"),
        ("3", "Results"),
    ];
    assert_outline(&corpus, &expected);
    // No entry of the contents is a paragraph of the text.
    let texts = paragraph_texts(&corpus.file);
    assert!(
        texts.iter().all(|text| !text.contains(". . .")),
        "{texts:?}"
    );
}

#[test]
fn contents_printed_under_the_last_line_of_a_block_are_left_out_too() {
    // As an ATLAS paper prints it: `Contents` under the copyright line, each entry's number,
    // title and page a block of its own; then each heading directly above its paragraph.
    let text = "A Measurement of Things\n\nThe ATLAS Collaboration\n\n\
                We measure things. They are as predicted.\n\n\
                © 2025 CERN for the benefit of the ATLAS Collaboration.\n\
                Reproduction of this article is allowed as the licence says.\nContents\n1\n\n\
                Introduction\n\n3\n\n2\n\nMethods\n\n5\n\n\
                1 Introduction\nThe process was first measured long ago. It is measured here \
                again with more data.\n\n\
                2 Methods\nWe count events in bins of mass. The counts are corrected for the \
                detector.\n";
    let corpus = corpus_of(text);
    let expected = [("1", "Introduction"), ("2", "Methods")];
    assert_outline(&corpus, &expected);
}

#[test]
fn a_section_named_contents_with_prose_under_it_is_kept() {
    let text = "A Survey of Archives\n\nA. Author\n\n1. Introduction\n\n\
                Archives hold many things. This survey lists them.\n\n\
                Contents\n\n\
                The archive holds letters and maps. Most of them are from the last century.\n\n\
                2. Conclusions\n\nArchives matter. They should be kept.\n";
    let corpus = corpus_of(text);
    assert_eq!(
        sections(&corpus),
        ["Introduction", "Contents", "Conclusions"]
    );
}

#[test]
fn a_numbered_list_cited_by_authors_and_year_links_its_citations() {
    // As pdftotext gives a workshop paper: its list numbered `1.` to `5.` (the space after
    // `3.` and `4.` lost, as it is after `10.` and `11.` in the paper's), its text citing by authors and year, its first numbered heading a
    // subsection (the numbers of the sections above it printed apart and lost as page numbers).
    let text = "\
Answer Validation by Entailment
Rui Wang and Gunter Neumann

Abstract. This report is about our participation in the answer validation exercise.

1

Introduction and Related Work

Answer validation has shown a great success (Penas et al., 2007). We also developed our own
system (Wang and Neumann, 2007a; Wang and Neumann, 2007b) and took part in the exercise.

2

The Entailment System

The system is described by Wang and Neumann (2007b) and was first used for the challenge
(Giampiccolo et al., 2007) of the year before this one.

2.1

Preprocessing

The questions and their answers are made into pairs of texts for the system to judge.

2.2

Postprocessing

The pairs judged to hold are kept and the others are rejected, as the task asks of us.

2.3

Results

The results are good on the data of this year and of the year before, in both languages.

References
1. Giampiccolo, D., Magnini, B., Dagan, I., and Dolan, B. 2007. The Third PASCAL Recognizing
Textual Entailment Challenge. In Proceedings of the Workshop on Textual Entailment, pages 1-9.
2. Penas, A., Rodrigo, A., Verdejo, F. 2007. Overview of the Answer Validation Exercise 2007.
In the CLEF 2007 Working Notes.
3.Wang, R. and Neumann, G. 2007a. Recognizing Textual Entailment Using a Subsequence Kernel
Method. In Proc. of AAAI 2007.
4.Wang, R. and Neumann, G. 2007b. Recognizing Textual Entailment Using Sentence Similarity
based on Dependency Tree Skeletons. In Proceedings of the Workshop on Textual Entailment.
5. Wang, R. and Neumann, G. 2007c. Using Recognizing Textual Entailment for Answer
Validation. In online proceedings of CLEF 2007 Working Notes.
";
    let (corpus, messages) = corpus_and_report(text);
    assert_eq!(
        reference_ids(&corpus),
        [
            "giampiccolo2007",
            "penas2007",
            "wang2007a",
            "wang2007b",
            "wang2007c"
        ],
        "{messages:?}"
    );
    assert_eq!(
        cited(&corpus),
        [
            vec!["penas2007"],
            vec!["wang2007a"],
            vec!["wang2007b"],
            vec!["wang2007b"],
            vec!["giampiccolo2007"],
        ],
        "{messages:?}"
    );
    assert_eq!(
        sections(&corpus),
        [
            "Introduction and Related Work",
            "The Entailment System",
            "Preprocessing",
            "Postprocessing",
            "Results"
        ]
    );
    assert!(corpus.file.paper.abstract_text.starts_with("This report"));
    assert!(!corpus.file.paper.abstract_text.contains("Introduction"));
}

#[test]
fn a_numbered_list_cited_by_its_numbers_takes_no_author_year_citation() {
    // The same list cited by number: `Wang and Neumann (2007b)` names the work in words only.
    let text = "\
Answer Validation by Entailment
Rui Wang and Gunter Neumann

1. Introduction

Answer validation has shown a great success [1]. The system is described by Wang and
Neumann (2007b) in full [2], and it was first used for the challenge of the year before.

References
1. Penas, A., Rodrigo, A., Verdejo, F. 2007. Overview of the Answer Validation Exercise 2007.
In the CLEF 2007 Working Notes.
2. Wang, R. and Neumann, G. 2007b. Recognizing Textual Entailment Using Sentence Similarity
based on Dependency Tree Skeletons. In Proceedings of the Workshop on Textual Entailment.
";
    let (corpus, messages) = corpus_and_report(text);
    assert_eq!(
        cited(&corpus),
        [vec!["penas2007"], vec!["wang2007"]],
        "{messages:?}"
    );
}

#[test]
fn a_medical_journal_s_abstract_and_capital_headings_open_the_body_where_they_should() {
    // The abstract's label and text in one block, what the journal prints under it, an
    // introduction without a heading, and section names in capitals directly above their text.
    let text = "\
Eradication therapy for anaemia in children

ABSTRACT
Background The role of infection in anaemia is disputed.
Conclusions Eradication therapy improves anaemia.

Submitted to the Journal of Child Health

Iron deficiency anaemia is a global public health problem affecting developing and
developed countries alike [1]. Its causes are many [2].

METHODS
We searched the databases for randomised controlled trials of eradication therapy in
children with anaemia [1].

DISCUSSION
Eradication improved haemoglobin in most trials [2].

References
1. World Health Organization. Iron deficiency anaemia. Geneva: WHO, 2001.
2. Zimmermann MB, Hurrell RF. Nutritional iron deficiency. Lancet 2007;370:511-20.
";
    let corpus = corpus_of(text);
    let abstract_text = &corpus.file.paper.abstract_text;
    assert!(
        abstract_text.starts_with("Background") && abstract_text.ends_with("anaemia."),
        "{abstract_text}"
    );
    assert_eq!(sections(&corpus), ["Text", "METHODS", "DISCUSSION"]);
    let first = corpus.paragraph(0).map(|p| p.text.as_str());
    assert!(
        first.is_some_and(|text| text.starts_with("Iron deficiency")),
        "{first:?}"
    );
    assert_eq!(cited(&corpus).len(), 4);
}

#[test]
fn an_editorial_s_text_running_on_under_its_title_opens_the_body() {
    let text = "DOI: 10.1111/imm.13445\n\nEDITORIAL\n\nCOVID-19 vaccination and treatment in \
                vulnerable\npopulations\nAs the pandemic continues to roll on, it has been an \
                interesting\ntime to be an immunologist. Variants of concern raise questions\n\
                about the efficacy of vaccines, and testing remains a barrier to our\n\
                understanding of the disease.\n\nCancer patients are a major group of the \
                immunosuppressed. They carry a much greater risk of severe disease.\n";
    let corpus = corpus_of(text);
    assert_eq!(
        corpus.file.paper.title,
        "COVID-19 vaccination and treatment in vulnerable populations"
    );
    let first = corpus
        .file
        .sections
        .first()
        .and_then(|section| section.paragraphs.first())
        .expect("a paragraph");
    assert!(
        first.text.starts_with("As the pandemic continues"),
        "{}",
        first.text
    );
}

#[test]
fn numbers_in_parentheses_cite_nothing_in_a_paper_citing_in_brackets() {
    let corpus = corpus_of(
        "A Test Paper\n\nJane Doe\n\n1 Introduction\n\n\
         Prior work [1] and [2] studied this. Critical factors were (1) the overall occurrence \
         of the label, (2) its specificity. As Eq. (2) shows, Egypt (1) and Peru (2) joined.\n\n\
         References\n\n\
         [1] Max Göbel, Tamir Hassan, and Giorgio Orsi. Icdar 2013 table competition. In \
         Conference on Document Analysis, pages 1449-1453, 2013.\n\
         [2] Ross B. Girshick, Jeff Donahue, and Trevor Darrell. Rich feature hierarchies. In \
         IEEE Conference on Computer Vision, pages 580-587, 2014.\n",
    );
    assert_eq!(
        cited(&corpus),
        [
            vec!["gobel2013".to_owned()],
            vec!["girshick2014".to_owned()]
        ],
        "the two bracketed markers, and no list item, equation or count"
    );
    let text = &corpus.file.sections[0].paragraphs[0].text;
    assert!(
        text.contains("were \\(1) the overall") && text.contains("Egypt \\(1) and Peru \\(2)"),
        "{text}"
    );
}

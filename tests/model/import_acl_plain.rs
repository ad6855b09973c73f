//! The two GROBID TEI papers of `../shared/data/papers/tei/`, ACL papers whose author–date
//! lists print authors given name first (`Marco Valenzuela, Vu Ha, and Oren Etzioni. 2015.`),
//! written out as plain text: the title, each section's number and title, its paragraphs with
//! their citations as printed, and the reference list as GROBID kept each entry printed.
//! Imported as plain text, every entry must be read with the year and first author it prints,
//! and every citation the TEI marks must name the same work; what the text cannot give back
//! (markers GROBID printed broken) and what it finds beyond the TEI (citations GROBID left
//! unmarked) is listed. Each test prints `skipped` and passes when `../shared` is absent.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use paperlens::corpus::Corpus;
use paperlens::corpus::cite::year;
use paperlens::corpus::model::{ParagraphKind, Reference};
use paperlens::formats::paper::{ImportOptions, PaperKind, import};

const TEI_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/papers/tei/");

/// The paper imported from `kind` and loaded as a corpus, which must have no errors.
pub(crate) fn load(kind: PaperKind, name: &str, text: &str) -> Corpus {
    let imported = import(kind, text, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{name} does not import: {error:?}"));
    Corpus::from_file(imported.file, name)
        .unwrap_or_else(|errors| panic!("{name} is not a valid corpus: {errors:#?}"))
}

/// The paper as plain text: its title, each section's heading and text paragraphs as
/// printed, then "References" and `entries`, blocks apart by a blank line.
pub(crate) fn as_plain_text(corpus: &Corpus, entries: &[String]) -> String {
    as_plain_text_with(corpus, entries, |position| {
        corpus.index.paragraphs[position].printed.clone()
    })
}

/// The paper as plain text as [`as_plain_text`] writes it, each text paragraph as `printed`
/// gives it by its position.
pub(crate) fn as_plain_text_with(
    corpus: &Corpus,
    entries: &[String],
    printed: impl Fn(usize) -> String,
) -> String {
    let mut blocks = vec![corpus.file.paper.title.clone()];
    let mut position = 0;
    for section in &corpus.file.sections {
        blocks.push(
            format!("{} {}", section.number, section.title)
                .trim()
                .to_owned(),
        );
        for paragraph in &section.paragraphs {
            if paragraph.kind == ParagraphKind::Text {
                blocks.push(printed(position));
            }
            position += 1;
        }
    }
    blocks.push("References".to_owned());
    blocks.extend(entries.iter().cloned());
    blocks.join("\n\n") + "\n"
}

/// An entry as GROBID kept it printed, a word broken at a line end (`Va- lencia`) broken at
/// a line end again, as text taken from a PDF has it.
fn broken_at_line_ends(printed: &str) -> String {
    let mut entry = String::new();
    let mut chars = printed.chars().peekable();
    while let Some(c) = chars.next() {
        entry.push(c);
        if c == '-' && chars.peek() == Some(&' ') {
            chars.next();
            entry.push(if chars.peek().is_some_and(|c| c.is_lowercase()) {
                '\n'
            } else {
                ' '
            });
        }
    }
    entry
}

/// The year and first author's family name an ACL entry prints: `Given Family, Given Family,
/// and Given Family. 2019. Title.` (lower case; a work without authors, "").
fn printed_year_and_first_author(entry: &str) -> (Option<i32>, String) {
    let dated = entry.char_indices().find_map(|(at, _)| {
        let rest = entry.get(at..)?.strip_prefix(". ")?;
        let year = rest.get(..4)?.parse::<i32>().ok()?;
        rest.get(4..)?
            .starts_with(['.', 'a', 'b'])
            .then_some((at, year))
    });
    let Some((at, year)) = dated else {
        return (None, String::new());
    };
    let first = entry[..at].split(", ").next().unwrap_or_default();
    let first = first.split(" and ").next().unwrap_or_default();
    let family = first.split_whitespace().last().unwrap_or_default();
    (Some(year), family.to_lowercase())
}

/// The first author's family name (an organisation's whole name), lower case.
pub(crate) fn first_author(reference: &Reference) -> String {
    reference
        .author
        .first()
        .map(|name| {
            if name.family.is_empty() {
                name.literal.to_lowercase()
            } else {
                name.family.to_lowercase()
            }
        })
        .unwrap_or_default()
}

/// Each citation as (its printed marker, the positions of the references it names), in
/// reading order.
pub(crate) fn citations(corpus: &Corpus) -> Vec<(String, Vec<usize>)> {
    corpus
        .index
        .citations
        .iter()
        .map(|citation| {
            let printed = &corpus.index.paragraphs[citation.paragraph].printed;
            (
                printed[citation.range.clone()].to_owned(),
                citation.references.clone(),
            )
        })
        .collect()
}

/// Checks the paper `name` read back from its plain text: the entries whose first author is
/// not read as printed (`misread`, by id), the TEI's markers GROBID printed broken
/// (`broken`), and the citations GROBID left without a marker that the TEI import does not
/// find by authors and year (`unmarked`), as printed.
fn read_back_as_plain_text(name: &str, misread: &[&str], broken: &[&str], unmarked: &[&str]) {
    let path = Path::new(TEI_DIR).join(name);
    let Ok(tei) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not present", path.display());
        return;
    };
    let from_tei = load(PaperKind::Tei, name, &tei);
    let entries: Vec<String> = from_tei
        .file
        .references
        .iter()
        .map(|r| broken_at_line_ends(r.printed().unwrap_or_default()))
        .collect();
    let text = as_plain_text(&from_tei, &entries);
    let from_text = load(PaperKind::PlainText, &format!("{name}.txt"), &text);

    let theirs = &from_tei.file.references;
    let ours = &from_text.file.references;
    assert_eq!(ours.len(), theirs.len(), "{name}: one reference per entry");
    let mut differ = Vec::new();
    for (our, their) in ours.iter().zip(theirs) {
        let printed = their.printed().unwrap_or_default();
        let (printed_year, printed_author) = printed_year_and_first_author(printed);
        assert_eq!(year(our), printed_year, "{name}: {printed}");
        if first_author(our) != printed_author {
            differ.push(their.id.as_str());
        }
    }
    assert_eq!(differ, misread, "{name}: first authors not read as printed");

    // Every citation the TEI marks names the same works read from the text, in the same
    // order, but for the markers GROBID printed broken (`(Radford et al., 2018; Devlin et
    // al., 2019;.`), which stay text, and the TEI's citations printed without a marker that it
    // finds by authors and year; the text's other citations are those GROBID left without a
    // marker whose entries' names it misread, so that the TEI import cannot find them.
    let marked = citations(&from_tei);
    let read = citations(&from_text);
    let works = |citations: &[(String, Vec<usize>)]| -> Vec<Vec<usize>> {
        citations.iter().map(|(_, works)| works.clone()).collect()
    };
    let (only_marked, only_read) = unaligned(&works(&marked), &works(&read));
    let printed = |citations: &[(String, Vec<usize>)], positions: Vec<usize>| -> Vec<String> {
        positions
            .into_iter()
            .map(|i| citations[i].0.clone())
            .collect()
    };
    assert_eq!(
        printed(&marked, only_marked),
        broken,
        "{name}: markers of the TEI not read from the text"
    );
    assert_eq!(
        printed(&read, only_read),
        unmarked,
        "{name}: citations read from the text that the TEI does not mark"
    );
}

/// The positions of `a` and of `b` left out of a longest sequence common to both, in order.
pub(crate) fn unaligned<T: PartialEq>(a: &[T], b: &[T]) -> (Vec<usize>, Vec<usize>) {
    // `longest[i][j]`: the length of the longest common sequence of `a[i..]` and `b[j..]`.
    let mut longest = vec![vec![0_usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            longest[i][j] = if a[i] == b[j] {
                longest[i + 1][j + 1] + 1
            } else {
                longest[i + 1][j].max(longest[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
        } else if longest[i + 1][j] >= longest[i][j + 1] {
            only_a.push(i);
            i += 1;
        } else {
            only_b.push(j);
            j += 1;
        }
    }
    only_a.extend(i..a.len());
    only_b.extend(j..b.len());
    (only_a, only_b)
}

#[test]
fn specter_as_plain_text_reads_its_references_and_citations() {
    read_back_as_plain_text(
        "2020.acl-main.207.tei.xml",
        // `RadimŘehůřek and Petr Sojka. 2010.`: the space GROBID lost leaves one word.
        &["b39"],
        // `… language models (LMs) (Radford et al., 2018;Devlin et al., 2019;. While …`,
        // `… unsupervised data Radford et al., 2018;Devlin et al., 2019;Beltagy et al.,
        // 2019;Liu et al., 2019). While …`, `… convolution-based methods Zamani et al.,
        // 2018), and variational autoencoders (Holmer and Marfurt, 2018;. Relevant …`,
        // `… network structure (Tu et al., 2017;. These …`.
        &[
            "(Radford et al., 2018;",
            "Devlin et al., 2019;",
            "Radford et al., 2018;",
            "Devlin et al., 2019;",
            "Beltagy et al., 2019;",
            "Liu et al., 2019)",
            "Zamani et al., 2018)",
            "(Holmer and Marfurt, 2018;",
            "(Tu et al., 2017;",
        ],
        &[
            "Agarwal et al., 2019",
            "Kingma and Ba, 2014",
            "Kiros et al., 2015",
            "Lau and Baldwin (2016)",
        ],
    );
}

#[test]
fn the_literature_graph_paper_as_plain_text_reads_its_references_and_citations() {
    read_back_as_plain_text(
        "N18-3011.tei.xml",
        &[],
        // `… datasets such as CoNLL-2003and ACE-2005(e.g., Lample et al., 2016, and assume …`.
        &["(e.g., Lample et al., 2016"],
        &["Jimeno-Yepes et al., 2011"],
    );
}

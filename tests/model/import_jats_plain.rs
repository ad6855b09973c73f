//! The JATS articles of `../shared/data/papers/jats/` (PLOS papers and a PMC one, all
//! numbered but one) written out as plain text as a PDF's text gives them: the title, each
//! section's title, its paragraphs with their markers as printed (`[3]`, `[5]–[7]`), and the
//! reference list as the article prints it where the JATS keeps that, and in Vancouver and in
//! IEEE (an author–date article's in APA and Chicago). Imported as plain text, every entry
//! must be read with the year and first author the JATS tags, and every citation must name
//! the same works in the same order. Prints `skipped` and passes when `../shared` is absent.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use paperlens::corpus::Corpus;
use paperlens::corpus::cite::year;
use paperlens::formats::paper::PaperKind;
use paperlens::formats::styles::{bundled_style, cite_all};

use paperlens::corpus::model::Reference;

use crate::import_acl_plain::{
    as_plain_text, citations, first_author as family_of_first_author, load, unaligned,
};

const JATS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/papers/jats/");

/// The articles, or none after a notice when the folder is absent.
fn articles() -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(JATS_DIR) else {
        eprintln!("skipped: {JATS_DIR} is not present");
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
}

/// Each reference's entry numbered as a numeric list prints it: `style`'s bibliography
/// (`[1] S. Kumar, …`, `1. Kumar S, …`).
fn styled_entries(corpus: &Corpus, style: &str) -> Vec<String> {
    let style = bundled_style(style).unwrap();
    let references: Vec<_> = corpus.file.references.iter().collect();
    let list = cite_all(&references, &style, "en-US");
    list.bibliography
        .iter()
        .map(|entry| {
            let text = entry.text.to_plain_string();
            match &entry.label {
                Some(label) => format!("{label} {text}"),
                None => text,
            }
        })
        .collect()
}

/// The first author's family name with its particle (`de la Torre`; JATS keeps the particle
/// in the family name, the plain-text reader apart), or an organisation's name; lower case.
fn first_author(reference: &Reference) -> String {
    let particle = reference
        .author
        .first()
        .map(|name| name.non_dropping_particle.to_lowercase())
        .unwrap_or_default();
    format!("{particle} {}", family_of_first_author(reference))
        .trim()
        .to_owned()
}

/// Checks one article read back from its text with `entries` as its list.
fn read_back(path: &Path, list: &str, entries: &[String]) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let jats = std::fs::read_to_string(path).unwrap();
    let from_jats = load(PaperKind::Jats, &name, &jats);
    let text = as_plain_text(&from_jats, entries);
    let from_text = load(PaperKind::PlainText, &format!("{name}.txt"), &text);
    let mut problems = Vec::new();
    let theirs = &from_jats.file.references;
    let ours = &from_text.file.references;
    if ours.len() != theirs.len() {
        problems.push(format!(
            "{name} ({list}): {} entries read of {}",
            ours.len(),
            theirs.len()
        ));
    }
    for (our, their) in ours.iter().zip(theirs) {
        if year(our) != year(their) || first_author(our) != first_author(their) {
            problems.push(format!(
                "{name} ({list}): {} read as {:?} {}, tagged {:?} {}",
                their.id,
                year(our),
                first_author(our),
                year(their),
                first_author(their)
            ));
        }
    }
    let marked = citations(&from_jats);
    let read = citations(&from_text);
    let works = |citations: &[(String, Vec<usize>)]| -> Vec<Vec<usize>> {
        citations.iter().map(|(_, works)| works.clone()).collect()
    };
    let (only_marked, only_read) = unaligned(&works(&marked), &works(&read));
    for i in only_marked {
        problems.push(format!(
            "{name} ({list}): marked, not read: {:?}",
            marked[i]
        ));
    }
    for i in only_read {
        problems.push(format!("{name} ({list}): read, not marked: {:?}", read[i]));
    }
    problems
}

#[test]
fn numbered_articles_as_plain_text_read_their_references_and_citations() {
    let articles = articles();
    let mut problems = Vec::new();
    for path in &articles {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let jats = std::fs::read_to_string(path).unwrap();
        let from_jats = load(PaperKind::Jats, &name, &jats);
        let printed: Option<Vec<String>> = from_jats
            .file
            .references
            .iter()
            .enumerate()
            .map(|(i, r)| r.printed().map(|p| format!("{}. {p}", i + 1)))
            .collect();
        if let Some(printed) = printed {
            problems.extend(read_back(path, "as printed", &printed));
        }
        // An author–date article's list is printed in author–date styles, unnumbered.
        let styles = if from_jats.index.prints_numbers {
            ["vancouver", "ieee"]
        } else {
            ["apa", "chicago-author-date"]
        };
        for style in styles {
            problems.extend(read_back(path, style, &styled_entries(&from_jats, style)));
        }
    }
    // `K. McDavid Harrison` (IEEE): a family name of two words without a hyphen reads as a
    // middle name written out and a family name (`K. Bretonnel Cohen`).
    let expected = if articles.is_empty() {
        Vec::new()
    } else {
        vec![
            "journal.pmed.1001418.xml (ieee): pmed.1001418-McDavidHarrison1 read as Some(2010) \
             harrison, tagged Some(2010) mcdavid harrison"
                .to_owned(),
        ]
    };
    assert_eq!(problems, expected);
}

/// Each section as its title and its parent's title.
fn outline(corpus: &Corpus) -> Vec<(String, String)> {
    let sections = &corpus.file.sections;
    sections
        .iter()
        .map(|section| {
            let parent = section
                .parent
                .as_deref()
                .and_then(|id| sections.iter().find(|s| s.id == id))
                .map(|s| s.title.clone())
                .unwrap_or_default();
            (section.title.clone(), parent)
        })
        .collect()
}

/// The sections of each article read from its text: every title the JATS gives, in order, but
/// for those listed as (article, title, why); and where the subsections are written otherwise
/// than their sections (`RESULTS` over `Bioavailability of CSP`, `Materials and Methods` over
/// `Study participants`), nested as the JATS nests them. Title Case subsections under Title
/// Case sections are read as their siblings: plain text does not tell them apart.
#[test]
fn numbered_articles_as_plain_text_keep_their_sections() {
    let differ: [(&str, &str, &str); 10] = [
        // The JATS's bold one-line paragraphs are headings in plain text.
        ("PMC5828200.nxml", "text", "Author contributions"),
        ("PMC5828200.nxml", "text", "CONFLICTS OF INTEREST"),
        // A first section titled as the paper is read with the title block.
        (
            "journal.pbio.1000359.xml",
            "jats",
            "The Light-Driven Proton Pump Proteorhodopsin Enhances Bacterial Survival during Tough \
             Times",
        ),
        ("journal.pbio.1000359.xml", "text", "Text"),
        // A pull quote standing alone reads as a heading.
        (
            "journal.pmed.0020124.xml",
            "text",
            "It can be proven that most claimed research findings are false",
        ),
        (
            "journal.pmed.0030445.xml",
            "jats",
            "Social Medicine in the Twenty-First Century",
        ),
        (
            "journal.pmed.0030445.xml",
            "jats",
            "Social Medicine in the Twenty-First Century",
        ),
        ("journal.pmed.0030445.xml", "text", "Text"),
        (
            "journal.pmed.1001418.xml",
            "text",
            "IeDEA-SA Steering Group",
        ),
        ("journal.pmed.1001418.xml", "text", "IeDEA-SA Data Centres"),
    ];
    let articles = articles();
    let mut found = Vec::new();
    for path in &articles {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let jats = std::fs::read_to_string(path).unwrap();
        let from_jats = load(PaperKind::Jats, &name, &jats);
        let text = as_plain_text(&from_jats, &styled_entries(&from_jats, "vancouver"));
        let from_text = load(PaperKind::PlainText, &format!("{name}.txt"), &text);
        let (tagged, read) = (outline(&from_jats), outline(&from_text));
        let titles = |outline: &[(String, String)]| -> Vec<String> {
            outline.iter().map(|(title, _)| title.clone()).collect()
        };
        let (only_tagged, only_read) = unaligned(&titles(&tagged), &titles(&read));
        for i in only_tagged {
            found.push((name.clone(), "jats", tagged[i].0.clone()));
        }
        for i in only_read {
            found.push((name.clone(), "text", read[i].0.clone()));
        }
        if [
            "PMC5828200.nxml",
            "journal.pone.0120049.xml",
            "journal.pgen.1002912.xml",
        ]
        .contains(&name.as_str())
        {
            let kept = |outline: Vec<(String, String)>| -> Vec<(String, String)> {
                outline
                    .into_iter()
                    .filter(|(title, _)| !differ.iter().any(|(_, _, t)| t == title))
                    .collect()
            };
            assert_eq!(
                kept(read),
                kept(tagged),
                "{name}: sections nested as tagged"
            );
        }
    }
    let expected: Vec<(String, &str, String)> = if articles.is_empty() {
        Vec::new()
    } else {
        differ
            .iter()
            .map(|&(name, side, title)| (name.to_owned(), side, title.to_owned()))
            .collect()
    };
    assert_eq!(found, expected);
}

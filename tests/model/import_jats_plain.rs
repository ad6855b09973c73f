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
    as_plain_text, as_plain_text_with, citations, first_author as family_of_first_author, load,
    unaligned,
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

/// The article at `path`, by its file name, imported from its JATS.
fn load_article(path: &Path) -> (String, Corpus) {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let jats = std::fs::read_to_string(path).unwrap();
    let corpus = load(PaperKind::Jats, &name, &jats);
    (name, corpus)
}

/// How the entries read from the text (`ours`, in the list's order) differ from the article's
/// (`theirs`; `order` gives each entry's reference by its position in the article): their
/// count, and each entry whose year or first author is not read as tagged. A work without
/// authors is left out where `by_title`: the list prints its title where the authors go, which
/// reads as an organisation's name.
fn entries_differ(
    label: &str,
    ours: &[Reference],
    theirs: &[Reference],
    order: &[usize],
    by_title: bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    if ours.len() != theirs.len() {
        problems.push(format!(
            "{label}: {} entries read of {}",
            ours.len(),
            theirs.len()
        ));
    }
    for (our, &at) in ours.iter().zip(order) {
        let their = &theirs[at];
        let skipped = by_title && their.author.is_empty();
        if year(our) != year(their) || (!skipped && first_author(our) != first_author(their)) {
            problems.push(format!(
                "{label}: {} read as {:?} {}, tagged {:?} {}",
                their.id,
                year(our),
                first_author(our),
                year(their),
                first_author(their)
            ));
        }
    }
    problems
}

/// Checks the article `name` read back from its text with `entries` as its list.
fn read_back(name: &str, from_jats: &Corpus, list: &str, entries: &[String]) -> Vec<String> {
    let text = as_plain_text(from_jats, entries);
    let from_text = load(PaperKind::PlainText, &format!("{name}.txt"), &text);
    let theirs = &from_jats.file.references;
    let order: Vec<usize> = (0..theirs.len()).collect();
    let mut problems = entries_differ(
        &format!("{name} ({list})"),
        &from_text.file.references,
        theirs,
        &order,
        false,
    );
    let marked = citations(from_jats);
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
        let (name, from_jats) = load_article(path);
        let printed: Option<Vec<String>> = from_jats
            .file
            .references
            .iter()
            .enumerate()
            .map(|(i, r)| r.printed().map(|p| format!("{}. {p}", i + 1)))
            .collect();
        if let Some(printed) = printed {
            problems.extend(read_back(&name, &from_jats, "as printed", &printed));
        }
        // An author–date article's list is printed in author–date styles, unnumbered.
        let styles = if from_jats.index.prints_numbers {
            ["vancouver", "ieee"]
        } else {
            ["apa", "chicago-author-date"]
        };
        for style in styles {
            let entries = styled_entries(&from_jats, style);
            problems.extend(read_back(&name, &from_jats, style, &entries));
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
    let differ: [(&str, &str, &str); 7] = [
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
            "journal.pmed.1001418.xml",
            "text",
            "IeDEA-SA Steering Group",
        ),
        ("journal.pmed.1001418.xml", "text", "IeDEA-SA Data Centres"),
    ];
    let articles = articles();
    let mut found = Vec::new();
    for path in &articles {
        let (name, from_jats) = load_article(path);
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

/// The article `corpus` as an author–date paper in `style`: each citation written as the style
/// cites its works (`(Barnett, 2007; Mackay et al., 2009)`), the list in the style's order.
/// Also, for each entry of that list, the position of its reference in the article.
fn as_author_date_text(corpus: &Corpus, style: &str) -> (String, Vec<usize>) {
    let style = bundled_style(style).unwrap();
    let references: Vec<_> = corpus.file.references.iter().collect();
    let list = cite_all(&references, &style, "en-US");
    let position = |id: &str| references.iter().position(|r| r.id == id).unwrap();
    let in_text: Vec<String> = list
        .citations
        .iter()
        .map(|(_, formatted)| {
            let form = formatted.to_plain_string();
            form.trim_start_matches('(')
                .trim_end_matches(')')
                .to_owned()
        })
        .collect();
    let entries: Vec<String> = list
        .bibliography
        .iter()
        .map(|entry| entry.text.to_plain_string())
        .collect();
    let index = &corpus.index;
    let text = as_plain_text_with(corpus, &entries, |paragraph| {
        let mut printed = index.paragraphs[paragraph].printed.clone();
        let cited = index.paragraphs[paragraph].citations.clone();
        for citation in cited.rev() {
            let citation = &index.citations[citation];
            let forms: Vec<&str> = citation
                .references
                .iter()
                .map(|&r| in_text[r].as_str())
                .collect();
            printed.replace_range(citation.range.clone(), &format!("({})", forms.join("; ")));
        }
        printed
    });
    let order = list.bibliography.iter().map(|e| position(&e.id)).collect();
    (text, order)
}

#[test]
fn numbered_articles_rewritten_author_date_read_their_references_and_citations() {
    let articles = articles();
    let mut problems = Vec::new();
    for path in &articles {
        let (name, from_jats) = load_article(path);
        for style in ["apa", "chicago-author-date"] {
            let (text, order) = as_author_date_text(&from_jats, style);
            let from_text = load(PaperKind::PlainText, &format!("{name}.txt"), &text);
            let theirs = &from_jats.file.references;
            // A work without authors is checked by its citations, below.
            problems.extend(entries_differ(
                &format!("{name} ({style})"),
                &from_text.file.references,
                theirs,
                &order,
                true,
            ));
            // Each citation's works, sorted (a style orders the works of one parenthesis its
            // own way); the text's citations within one parenthesis (`Mori et al., 1992;
            // Bitan et al., 2003`) taken together, as one marker gave them.
            let mut read: Vec<(String, Vec<usize>)> = Vec::new();
            let mut last: Option<(usize, usize)> = None;
            for citation in &from_text.index.citations {
                let printed = &from_text.index.paragraphs[citation.paragraph].printed;
                let works = citation
                    .references
                    .iter()
                    .filter_map(|&w| order.get(w).copied());
                let joined = last.is_some_and(|(paragraph, end)| {
                    paragraph == citation.paragraph
                        && printed.get(end..citation.range.start) == Some("; ")
                });
                match read.last_mut() {
                    Some((text, group)) if joined => {
                        group.extend(works);
                        text.push_str("; ");
                        text.push_str(&printed[citation.range.clone()]);
                    }
                    _ => read.push((printed[citation.range.clone()].to_owned(), works.collect())),
                }
                last = Some((citation.paragraph, citation.range.end));
            }
            let sorted = |mut works: Vec<usize>| {
                works.sort_unstable();
                works
            };
            let marked: Vec<Vec<usize>> = citations(&from_jats)
                .into_iter()
                .map(|(_, works)| sorted(works))
                .collect();
            let read: Vec<(String, Vec<usize>)> = read
                .into_iter()
                .map(|(text, works)| (text, sorted(works)))
                .collect();
            let works: Vec<Vec<usize>> = read.iter().map(|(_, w)| w.clone()).collect();
            let (only_marked, only_read) = unaligned(&marked, &works);
            for i in only_marked {
                let ids: Vec<&str> = marked[i].iter().map(|&r| theirs[r].id.as_str()).collect();
                problems.push(format!("{name} ({style}): cited, not read: {ids:?}"));
            }
            for i in only_read {
                problems.push(format!("{name} ({style}): read, not cited: {:?}", read[i]));
            }
        }
    }
    // `J. P. Ioannidis et al., 2001` and `J. P. A. Ioannidis et al., 2001`: the JATS gives one
    // author's initials two ways, so the style tells two of his works apart by initials alone,
    // and the text cannot (their groups read without them). A title holding
    // parentheses, quoted in a citation (`(“Naming conventions (programming),” n.d.)`), is not
    // read. (Chicago's short title `(Ruby)` is: a search stopping inside a letter of two bytes
    // no longer leaves it unread.)
    let expected: Vec<&str> = if articles.is_empty() {
        Vec::new()
    } else {
        vec![
            r#"journal.pcbi.1000589.xml (apa): cited, not read: ["pcbi.1000589-Naming1"]"#,
            r#"journal.pcbi.1000589.xml (apa): cited, not read: ["pcbi.1000589-Amazon1"]"#,
            r#"journal.pcbi.1000589.xml (chicago-author-date): cited, not read: ["pcbi.1000589-Naming1"]"#,
            r#"journal.pcbi.1000589.xml (chicago-author-date): cited, not read: ["pcbi.1000589-Amazon1"]"#,
            r#"journal.pmed.0020124.xml (apa): cited, not read: ["pmed-0020124-b1", "pmed-0020124-b2", "pmed-0020124-b3"]"#,
            r#"journal.pmed.0020124.xml (apa): cited, not read: ["pmed-0020124-b4", "pmed-0020124-b5"]"#,
            r#"journal.pmed.0020124.xml (apa): read, not cited: ("Lawlor et al., 2004; Vandenbroucke, 2004", [1, 2])"#,
            r#"journal.pmed.0020124.xml (apa): read, not cited: ("Michiels et al., 2005", [3])"#,
            r#"journal.pmed.0020124.xml (chicago-author-date): cited, not read: ["pmed-0020124-b1", "pmed-0020124-b2", "pmed-0020124-b3"]"#,
            r#"journal.pmed.0020124.xml (chicago-author-date): cited, not read: ["pmed-0020124-b4", "pmed-0020124-b5"]"#,
            r#"journal.pmed.0020124.xml (chicago-author-date): read, not cited: ("Lawlor et al. 2004; Vandenbroucke 2004", [1, 2])"#,
            r#"journal.pmed.0020124.xml (chicago-author-date): read, not cited: ("Michiels et al. 2005", [3])"#,
        ]
    };
    assert_eq!(problems, expected);
}

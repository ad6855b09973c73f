//! The front matter: the blocks before the first heading of the body. The first block is the
//! title, the short lines after it the authors (names, affiliations, e-mail addresses), and
//! labelled parts follow in any order: `Abstract`, `Keywords:` (inline or one per line), the
//! article history (`Received Feb, 2025`), `Corresponding Author:` with `Name:` / `Email:`
//! lines, and the licence statement. A PDF's title page is read with [`super::title_page`]:
//! the stamps above the title passed over, the authors printed under it in its block. Where
//! the body starts is decided here too ([`body_start`]).

use std::collections::HashSet;

use crate::corpus::model::{Author, HistoryEvent, Paper};
use crate::corpus::text::MONTHS;

use super::blocks::Block;
use super::inline::{append_joined, clean, continues};
use super::outline::{Heading, Numbering};
use super::title_page;

/// The longest line read as a keyword, in bytes.
const MAX_KEYWORD_LEN: usize = 80;

/// The longest line read as an author or affiliation line, in bytes.
const MAX_AUTHOR_LINE: usize = 200;

/// Words that make a line an affiliation rather than a list of names.
const AFFILIATION_WORDS: [&str; 16] = [
    "univers",
    "institut",
    "department",
    "faculty",
    "college",
    "school",
    "laborator",
    "hospital",
    "center",
    "centre",
    "academy",
    "ministry",
    "inc.",
    "ltd",
    "foundation",
    "agency",
];

/// What the block being read belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Title,
    Authors,
    Abstract,
    Keywords,
    Corresponding,
    Other,
}

/// A front-matter label at the start of a line, and the text after it on the same line.
fn label(line: &str) -> Option<(Mode, &str)> {
    for (names, mode) in [
        (
            &[
                "abstract",
                "summary",
                "resumo",
                "resumen",
                "résumé",
                "zusammenfassung",
                "riassunto",
            ][..],
            Mode::Abstract,
        ),
        (
            &[
                "keywords",
                "keyword",
                "key words",
                "index terms",
                "palavras-chave",
                "palabras clave",
                "mots-clés",
                "schlüsselwörter",
                "parole chiave",
            ][..],
            Mode::Keywords,
        ),
        (
            &["corresponding author", "correspondence"][..],
            Mode::Corresponding,
        ),
        (
            &["article info", "article information", "article history"][..],
            Mode::Other,
        ),
    ] {
        for name in names {
            if !line
                .get(..name.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(name))
            {
                continue;
            }
            let rest = line.get(name.len()..).unwrap_or_default();
            // `Abstract` alone or followed by a separator; `Abstraction …` is no label, nor is
            // `Abstract text` without one.
            let separated = rest.is_empty()
                || rest.starts_with([':', '—', '–', '.'])
                || rest.starts_with(" -")
                || (mode != Mode::Abstract && rest.starts_with(char::is_whitespace));
            if separated {
                let value = rest.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ':' | '—' | '–' | '-' | '.')
                });
                return Some((mode, value.trim()));
            }
        }
    }
    None
}

/// The events of an article-history line that may name several, parted by a full stop or a
/// semicolon: `Accepted 2025 February 17. Received 2025 February 11; in original form 2024
/// June 20` (what names no event is left out).
fn history_events(line: &str) -> Vec<HistoryEvent> {
    let mut starts = vec![0];
    for (at, _) in line.match_indices(['.', ';']) {
        let rest = line.get(at + 1..).unwrap_or_default();
        let trimmed = rest.trim_start();
        if rest.len() > trimmed.len() && history(trimmed).is_some() {
            starts.push(line.len() - trimmed.len());
        }
    }
    starts.push(line.len());
    starts
        .windows(2)
        .filter_map(|pair| {
            let [from, to] = pair else { return None };
            let part = line.get(*from..*to)?;
            let part = part.split(';').next().unwrap_or(part);
            history(part.trim().trim_end_matches('.'))
        })
        .collect()
}

/// An article-history line: `Received Feb, 2025`, `Accepted: 3 March 2021`.
fn history(line: &str) -> Option<HistoryEvent> {
    let lower = line.to_lowercase();
    [
        "received",
        "revised",
        "accepted",
        "published",
        "available online",
    ]
    .iter()
    .find(|event| lower.starts_with(*event))
    .and_then(|event| {
        let date = line
            .get(event.len()..)?
            .trim_start_matches([':', ' ', ','])
            .trim();
        (!date.is_empty() && date.chars().any(|c| c.is_ascii_digit())).then(|| HistoryEvent {
            event: (*event).to_owned(),
            date: date.to_owned(),
        })
    })
}

/// The most words a title is taken to have: a longer first block is a paragraph.
const MAX_TITLE_WORDS: usize = 40;

/// Whether `lines` are a line a journal prints under an abstract, not more of it: one short
/// line saying where the paper goes (`Submitted to Physical Review Letters`, `To appear in …`).
fn is_line_under_abstract(lines: &[&str]) -> bool {
    const OPENINGS: [&str; 6] = [
        "submitted to ",
        "preprint submitted to ",
        "accepted for publication",
        "accepted in ",
        "to appear in ",
        "published in ",
    ];
    matches!(lines, [only] if only.trim().len() <= MAX_LINE_UNDER_ABSTRACT && {
        let lower = only.trim().to_lowercase();
        OPENINGS.iter().any(|opening| lower.starts_with(opening))
    })
}

/// The longest line a journal prints under an abstract, in bytes.
const MAX_LINE_UNDER_ABSTRACT: usize = 80;

/// The most blocks a journal prints between an abstract and the body's first paragraph.
const MAX_BLOCKS_UNDER_ABSTRACT: usize = 6;

/// Whether the first block of a text is a paragraph rather than a title: longer than any title,
/// two sentences (`… not read [1]. This essay …`), or a citation marker in it. A file that
/// starts so has no title block, and its text starts there.
pub(super) fn is_prose(block: &Block<'_>) -> bool {
    let Block::Text { lines, .. } = block else {
        return false;
    };
    // A title with its authors under it is no paragraph, however many they are.
    let lines = lines
        .get(..title_page::authors_start(lines, is_affiliation).unwrap_or(lines.len()))
        .unwrap_or_default();
    let text = lines.join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    // A sentence of five words or more ending inside the block, three more words after it (not
    // a header's `Research Article. Open Access.` or `Received 3 March. Accepted 5 May.`).
    let sentence_ends = (4..words.len().saturating_sub(3)).any(|at| {
        let (Some(before), Some(after)) = (words.get(at), words.get(at + 1)) else {
            return false;
        };
        let stem = before.trim_end_matches(['.', '?', '!']);
        let word_ends = stem
            .chars()
            .rev()
            .take(2)
            .filter(|c| c.is_lowercase())
            .count()
            == 2;
        stem.len() + 1 == before.len()
            && word_ends
            && after.chars().next().is_some_and(char::is_uppercase)
    });
    let marker = text.match_indices('[').any(|(at, _)| {
        text.get(at + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_ascii_digit())
    });
    words.len() > MAX_TITLE_WORDS || sentence_ends || marker
}

/// The headings of summaries for readers a paper prints after its abstract, in lower case.
const READER_SUMMARIES: [&str; 9] = [
    "author summary",
    "editors' summary",
    "editors’ summary",
    "editor's summary",
    "editor’s summary",
    "elife digest",
    "plain language summary",
    "lay summary",
    "significance statement",
];

/// Where the body starts: at the first numbered heading (`1.`, `I.`) or, when it comes first,
/// heading naming an opening section (`Introduction`, `Background`), else after the abstract,
/// else after the title.
pub(super) fn body_start(blocks: &[Block<'_>], headings: &[Option<Heading>], end: usize) -> usize {
    let heading = |i: usize| headings.get(i).and_then(Option::as_ref);
    let numbered = (1..end).find(|&i| {
        heading(i).is_some_and(|h| {
            matches!(
                h.numbering,
                Some(Numbering::Decimal(_) | Numbering::Roman(_))
            )
        })
    });
    let named = |i: usize, names: &[&str]| {
        heading(i).is_some_and(|h| names.contains(&h.title.to_lowercase().trim_end_matches(':')))
    };
    // `Introduction and Related Work`, `Introduction and Motivation`.
    let introduction_and = |i: usize| {
        heading(i).is_some_and(|h| {
            h.title
                .to_lowercase()
                .strip_prefix("introduction and ")
                .is_some_and(|rest| !rest.trim().is_empty())
        })
    };
    let opening = || {
        let at = (1..end).find(|&i| {
            named(
                i,
                &[
                    "introduction",
                    "background",
                    "overview",
                    "motivation",
                    "statement of need",
                    "introdução",
                    "introducción",
                    "einleitung",
                    "introduzione",
                ],
            ) || introduction_and(i)
        })?;
        // A JOSS paper's `Summary` before its `Statement of need` is its first section; so is
        // a summary for readers printed after the abstract (PLOS's Author Summary, eLife's
        // digest).
        let summary = (0..at).find(|&i| named(i, &["summary"]));
        let for_readers = (0..at).find(|&i| named(i, &READER_SUMMARIES));
        Some(
            summary
                .filter(|_| named(at, &["statement of need"]))
                .or(for_readers)
                .unwrap_or(at),
        )
    };
    let after_abstract = || {
        (0..end)
            .find(|&i| {
                blocks
                    .get(i)
                    .and_then(Block::first_line)
                    .is_some_and(|line| {
                        let lower = line.to_lowercase();
                        lower.starts_with("abstract")
                    })
            })
            .map(|at| {
                let block = blocks.get(at);
                let inline = block
                    .and_then(Block::first_line)
                    .is_some_and(|line| line.trim().len() > "abstract:".len());
                // `ABSTRACT`⏎`Background …` in one block holds its text: the body opens on the
                // first paragraph after it, past what a journal prints under an abstract
                // (`Submitted to …`, a licence, a footnote).
                let label_above_text = block
                    .and_then(Block::lines)
                    .is_some_and(|lines| lines.len() > 1);
                if inline {
                    at + 1
                } else if label_above_text
                    && let Some(paragraph) = (at + 1..end)
                        .take(MAX_BLOCKS_UNDER_ABSTRACT)
                        .find(|&i| blocks.get(i).is_some_and(is_prose))
                {
                    paragraph
                } else {
                    at + 2
                }
            })
    };
    // An opening section's heading unnumbered before the first numbered one (`Introduction`
    // above `2.1 Overview`, its number lost as a page number) starts the body there.
    let opening = opening();
    // Else the text starts after the title (the first block but for the stamps above it,
    // `arXiv:…`) and the authors' blocks under it.
    let title = blocks
        .iter()
        .take_while(|block| block.lines().is_some_and(title_page::is_header))
        .count();
    let authors = blocks
        .iter()
        .skip(title + 1)
        .take_while(|block| {
            block
                .lines()
                .is_some_and(|lines| title_page::is_authors_block(lines, is_affiliation))
        })
        .count();
    numbered
        .map(|numbered| opening.map_or(numbered, |opening| opening.min(numbered)))
        .or(opening)
        .or_else(after_abstract)
        .unwrap_or(title + 1 + authors)
        .min(end)
}

/// Reads the title block: its lines joined; a date printed alone under them (as `pandoc -t
/// plain --standalone` prints it) is the paper's date.
fn read_title(lines: &[&str], hyphenated: &HashSet<String>, paper: &mut Paper) {
    let (title, date) = match lines {
        [title @ .., last] if !title.is_empty() && is_date_line(last) => (title, Some(last)),
        _ => (lines, None),
    };
    let mut joined = String::new();
    for line in title {
        append_joined(&mut joined, line, hyphenated);
    }
    // `TUNER TESTING OF A CAVITY AT FERMILAB*`: the mark pointing at a note is no part of it.
    paper.title = clean(joined.trim_end_matches(title_page::NAME_MARKS));
    if let Some(date) = date {
        date.trim().clone_into(&mut paper.date);
    }
}

/// Whether `line` is a date alone, as a title page prints the paper's (`12 February 2018`,
/// `February 12, 2018`, `2018-02-12`).
fn is_date_line(line: &str) -> bool {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| w.trim_end_matches(',').to_lowercase())
        .collect();
    let is_year =
        |w: &str| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2200).contains(&y));
    let is_day = |w: &str| w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    match words.as_slice() {
        [iso] => {
            let parts: Vec<&str> = iso.split('-').collect();
            matches!(parts.as_slice(), [y, m, d] if is_year(y) && m.len() == 2 && d.len() == 2
                && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)) && is_day(d))
        }
        [day, month, year] if is_day(day) => MONTHS.contains(&month.as_str()) && is_year(year),
        [month, day, year] => MONTHS.contains(&month.as_str()) && is_day(day) && is_year(year),
        [month, year] => MONTHS.contains(&month.as_str()) && is_year(year),
        _ => false,
    }
}

/// Whether a block is the licence statement.
fn is_license(text: &str) -> bool {
    let lower = text.to_lowercase();
    (lower.contains("license") || lower.contains("licence"))
        && ["open access", "creative commons", "cc by", "cc-by"]
            .iter()
            .any(|w| lower.contains(w))
}

/// The short name of a Creative Commons licence named in `text`: `CC BY-SA`, `CC BY 4.0`.
fn license_name(text: &str) -> String {
    let Some(start) = text.find("CC BY").or_else(|| text.find("CC-BY")) else {
        return String::new();
    };
    let rest = text.get(start..).unwrap_or_default();
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.')))
        .unwrap_or(rest.len());
    let name = rest.get(..end).unwrap_or_default();
    // Stop before the word after the name (`CC BY-SA license`).
    let words: Vec<&str> = name
        .split(' ')
        .take_while(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
        .collect();
    words.join(" ").trim_end_matches('.').to_owned()
}

/// Whether a block above the title is an institution's letterhead: one line in capitals naming
/// it, with its acronym in brackets after (`EUROPEAN ORGANIZATION FOR NUCLEAR RESEARCH (CERN)`),
/// not a title in capitals (`THE ROLE OF THE UNIVERSITY IN SOCIETY`).
fn is_letterhead(lines: &[&str]) -> bool {
    let [line] = lines else {
        return false;
    };
    let lower = line.to_lowercase();
    let acronym = line
        .trim()
        .strip_suffix(')')
        .and_then(|before| before.rsplit_once('('))
        .is_some_and(|(_, acronym)| {
            (2..=8).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase())
        });
    !line.chars().any(char::is_lowercase)
        && acronym
        && (AFFILIATION_WORDS.iter().any(|w| lower.contains(w))
            || lower.contains("organization")
            || lower.contains("organisation"))
}

/// Whether a line names an affiliation rather than people.
pub(super) fn is_affiliation(line: &str) -> bool {
    let lower = line.to_lowercase();
    AFFILIATION_WORDS.iter().any(|w| lower.contains(w))
        || line.starts_with(|c: char| c.is_ascii_digit())
}

/// A name without the footnote marks and affiliation numbers around it: `Naeli Fitria1,*` →
/// `Naeli Fitria`, `4 L. Allen` → `L. Allen`, `Nobuyuki Matsumoto𝑎` → `Nobuyuki Matsumoto`.
fn bare_name(name: &str) -> &str {
    let is_mark = |c: char| title_page::is_name_mark(c) || matches!(c, ',' | '^' | '¹' | '²' | '³');
    name.trim()
        .trim_end_matches(is_mark)
        .trim_start_matches(is_mark)
}

/// The names on an author line: separated by commas, `and`, `&`, `;` or the marks after them
/// (`Arman Cohan†∗ Sergey Feldman†∗`).
fn names(line: &str) -> Vec<String> {
    line.replace(" and ", ",")
        .replace(['&', ';'], ",")
        .replace(title_page::NAME_MARKS, ",")
        .split(',')
        .map(bare_name)
        .filter(|name| {
            let words = name.split_whitespace().count();
            (1..=6).contains(&words) && name.chars().next().is_some_and(char::is_uppercase)
        })
        .map(str::to_owned)
        .collect()
}

/// The keywords of one line: split at `;`, or at `,` when there is no `;`.
fn keywords(line: &str) -> Vec<String> {
    let separator = if line.contains(';') { ';' } else { ',' };
    line.split(separator)
        .map(|k| k.trim().trim_end_matches('.').trim())
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads the front matter into `paper`. Returns the byte offsets of the blocks that were not
/// read as any of it.
pub(super) fn read(
    blocks: &[Block<'_>],
    hyphenated: &HashSet<String>,
    paper: &mut Paper,
) -> Vec<usize> {
    let mut mode = Mode::Title;
    let mut unread = Vec::new();
    let mut abstract_text = String::new();
    let mut affiliations: Vec<String> = Vec::new();
    for block in blocks {
        let Block::Text { lines, offset } = block else {
            unread.push(block.offset());
            continue;
        };
        let mut lines: &[&str] = lines;
        if let Some((labelled, rest)) = lines.first().and_then(|line| label(line)) {
            mode = labelled;
            lines = lines.get(1..).unwrap_or_default();
            if !rest.is_empty() {
                read_line(mode, rest, paper, &mut affiliations);
                if mode == Mode::Abstract {
                    abstract_text.push_str(&clean(rest));
                }
            }
            if lines.is_empty() {
                continue;
            }
        }
        let mut text = String::new();
        for line in lines {
            append_joined(&mut text, line, hyphenated);
        }
        let text = clean(&text);
        if lines.iter().all(|line| history(line).is_some()) {
            paper
                .history
                .extend(lines.iter().flat_map(|line| history_events(line)));
            continue;
        }
        if let [only] = lines
            && is_date_line(only)
        {
            only.trim().clone_into(&mut paper.date);
            continue;
        }
        if is_license(&text) {
            paper.license.name = license_name(&text);
            paper.license.statement = text;
            continue;
        }
        match mode {
            // A stamp above the title (`arXiv:…`, `Preprint 27 February 2025`) is none of it.
            Mode::Title if title_page::is_header(lines) || is_letterhead(lines) => {}
            Mode::Title => {
                let (title, authors) = lines.split_at(
                    title_page::authors_start(lines, is_affiliation).unwrap_or(lines.len()),
                );
                read_title(title, hyphenated, paper);
                mode = Mode::Authors;
                read_authors(authors, paper, &mut affiliations);
            }
            // A journal's line under the abstract (`Submitted to Physical Review Letters`).
            Mode::Abstract if !abstract_text.is_empty() && is_line_under_abstract(lines) => {
                unread.push(*offset);
            }
            Mode::Abstract => {
                if !abstract_text.is_empty() {
                    if continues(&abstract_text, &text) {
                        abstract_text.push(' ');
                    } else {
                        abstract_text.push_str("\n\n");
                    }
                }
                abstract_text.push_str(&text);
            }
            Mode::Authors
                if lines.iter().all(|line| line.len() <= MAX_AUTHOR_LINE) && !is_prose(block) =>
            {
                read_authors(lines, paper, &mut affiliations);
            }
            Mode::Keywords if lines.iter().all(|line| line.len() <= MAX_AUTHOR_LINE) => {
                for line in lines {
                    read_line(mode, line, paper, &mut affiliations);
                }
            }
            Mode::Corresponding
                if lines
                    .iter()
                    .all(|line| line.len() <= MAX_AUTHOR_LINE && line.contains([':', '@'])) =>
            {
                for line in lines {
                    read_line(mode, line, paper, &mut affiliations);
                }
            }
            // An abstract printed without its label, as REVTeX prints it under the authors.
            _ if abstract_text.is_empty() && mode != Mode::Title && is_prose(block) => {
                abstract_text = text;
                mode = Mode::Other;
            }
            _ => unread.push(*offset),
        }
    }
    paper.abstract_text = abstract_text;
    set_affiliations_and_date(paper, &affiliations);
    unread
}

/// Sets the paper's affiliations (each author's, when there is one), and its date from its
/// history: published, else accepted, else received.
fn set_affiliations_and_date(paper: &mut Paper, affiliations: &[String]) {
    paper.affiliation = affiliations.join("; ");
    if let [affiliation] = affiliations {
        for author in &mut paper.authors {
            if author.affiliation.is_empty() {
                author.affiliation.clone_from(affiliation);
            }
        }
    }
    let date = ["published", "accepted", "received"]
        .iter()
        .find_map(|event| paper.history.iter().find(|h| h.event == *event));
    if let Some(event) = date {
        paper.date.clone_from(&event.date);
    }
}

/// Reads the lines of an author block: the names, wrapped over several lines as one list
/// (`… Nobuyuki Matsumoto𝑎 and Rohan⏎Misra𝑎`), then the affiliations and e-mail addresses.
fn read_authors(lines: &[&str], paper: &mut Paper, affiliations: &mut Vec<String>) {
    let first_is_names = lines
        .first()
        .is_some_and(|line| !is_affiliation(line) && !line.contains('@'));
    let names_end = if first_is_names {
        title_page::name_lines(lines, is_affiliation)
    } else {
        0
    };
    let (names, rest) = lines.split_at(names_end.min(lines.len()));
    if !names.is_empty() {
        read_line(Mode::Authors, &names.join(" "), paper, affiliations);
    }
    for line in rest {
        read_line(Mode::Authors, line, paper, affiliations);
    }
}

/// Reads one line of the author block, the keywords or the corresponding-author block.
fn read_line(mode: Mode, line: &str, paper: &mut Paper, affiliations: &mut Vec<String>) {
    let line = clean(line.trim());
    match mode {
        Mode::Keywords if line.len() <= MAX_KEYWORD_LEN || line.contains([';', ',']) => {
            paper.keywords.extend(keywords(&line));
        }
        Mode::Authors => {
            if line.contains('@') {
                let email = line
                    .split_whitespace()
                    .find(|w| w.contains('@'))
                    .unwrap_or_default();
                if let Some(author) = paper.authors.last_mut() {
                    email
                        .trim_matches([',', ';', '.'])
                        .clone_into(&mut author.email);
                }
            } else if is_affiliation(&line) || !paper.authors.is_empty() {
                // `1 Department …`, `𝑎 Boston University`: the mark the authors point with.
                let affiliation = line.trim_start_matches(title_page::is_name_mark);
                if !affiliations.iter().any(|a| a == affiliation) {
                    affiliations.push(affiliation.to_owned());
                }
            } else {
                paper
                    .authors
                    .extend(names(&line).into_iter().map(|name| Author {
                        name,
                        ..Author::default()
                    }));
            }
        }
        Mode::Corresponding => corresponding(&line, paper),
        _ => {}
    }
}

/// One line of the corresponding-author block: `Name: …`, `Email: …`, or a name with an e-mail
/// address.
fn corresponding(line: &str, paper: &mut Paper) {
    let (field, value) = line
        .split_once(':')
        .map_or(("", line), |(f, v)| (f.trim(), v.trim()));
    let field = field.to_lowercase();
    let email = value.split_whitespace().find(|w| w.contains('@')).map(|w| {
        w.trim_matches([',', ';', '.', '<', '>', '(', ')'])
            .to_owned()
    });
    let name = if field == "name" {
        Some(value.to_owned())
    } else if field.is_empty() && email.is_some() {
        value
            .split(',')
            .next()
            .filter(|before| !before.contains('@'))
            .map(str::to_owned)
    } else {
        None
    };
    if let Some(name) = name {
        let name = bare_name(&name).to_owned();
        let found = paper
            .authors
            .iter()
            .position(|a| a.name.eq_ignore_ascii_case(&name));
        if let Some(author) = found.and_then(|at| paper.authors.get_mut(at)) {
            author.corresponding = true;
        } else if paper.authors.is_empty() && !name.is_empty() {
            paper.authors.push(Author {
                name,
                corresponding: true,
                ..Author::default()
            });
        }
    }
    if let Some(email) = email {
        let target = match paper.authors.iter().position(|a| a.corresponding) {
            Some(at) => Some(at),
            None if paper.authors.len() == 1 => Some(0),
            None => None,
        };
        if let Some(author) = target.and_then(|at| paper.authors.get_mut(at)) {
            author.email = email;
            author.corresponding = true;
        }
    }
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::expect_used, clippy::unwrap_used)]
#[path = "front_tests.rs"]
mod tests;

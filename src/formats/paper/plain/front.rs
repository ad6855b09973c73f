//! The front matter: the blocks before the first heading of the body. The first block is the
//! title, the short lines after it the authors (names, affiliations, e-mail addresses), and
//! labelled parts follow in any order: `Abstract`, `Keywords:` (inline or one per line), the
//! article history (`Received Feb, 2025`), `Corresponding Author:` with `Name:` / `Email:`
//! lines, and the licence statement. A PDF's title page is read with [`super::title_page`]:
//! the stamps above the title passed over, the authors printed under it in its block.

use std::collections::HashSet;

use crate::corpus::model::{Author, Paper};
use crate::corpus::text::MONTHS;

use super::blocks::Block;
use super::body_start::is_prose;
use super::front_labels::{Mode, history, history_events, keywords, label};
use super::inline::{append_joined, clean, continues};
use super::title_names::{self, authors_named, bare_name};
use super::title_page;

/// The longest line read as a keyword, in bytes.
const MAX_KEYWORD_LEN: usize = 80;

/// The longest line read as an author or affiliation line, in bytes.
const MAX_AUTHOR_LINE: usize = 200;

/// Words that make a line an affiliation rather than a list of names.
const AFFILIATION_WORDS: [&str; 17] = [
    "univers",
    "division",
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

/// Whether `line` opens a block of affiliations, however long the block: it names the
/// institution first, before a comma (`School of Forest and Ecosystem Studies, University of
/// Melbourne, …`), not an abstract that mentions one (`We measured the centre of mass`).
fn opens_affiliation(line: &str) -> bool {
    let line = line.trim_start_matches(title_page::is_name_mark);
    let first = line
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    AFFILIATION_WORDS.iter().any(|word| first.starts_with(word))
        && line.contains(',')
        && !line.trim_end().ends_with('.')
}

/// Adds a block's text to the abstract's: the paragraph it runs on, or a paragraph of its own.
fn push_paragraph(abstract_text: &mut String, text: &str) {
    if !abstract_text.is_empty() {
        if continues(abstract_text, text) {
            abstract_text.push(' ');
        } else {
            abstract_text.push_str("\n\n");
        }
    }
    abstract_text.push_str(text);
}

/// Reads a block that is a notice rather than the title page's next part: the article's
/// history, a date alone, or the licence statement (the title page with it, when a PDF's text
/// gives them as one block; `mode` is then the authors'). Whether the block was one.
fn read_notice(
    lines: &[&str],
    text: &str,
    mode: &mut Mode,
    hyphenated: &HashSet<String>,
    paper: &mut Paper,
    affiliations: &mut Vec<String>,
) -> bool {
    if lines.iter().all(|line| history(line).is_some()) {
        paper
            .history
            .extend(lines.iter().flat_map(|line| history_events(line)));
    } else if let [only] = lines
        && is_date_line(only)
    {
        only.trim().clone_into(&mut paper.date);
    } else if is_license(text) {
        if *mode == Mode::Title && read_title_page(lines, hyphenated, paper, affiliations) {
            *mode = Mode::Authors;
        } else {
            paper.license.name = license_name(text);
            text.clone_into(&mut paper.license.statement);
        }
    } else {
        return false;
    }
    true
}

/// The text a title block is read in.
struct TitlePage<'t> {
    /// The whole text, to tell a name from words it writes in lower case.
    whole_text: &'t str,
    /// The words the text hyphenates, to join a title's lines.
    hyphenated: &'t HashSet<String>,
}

impl TitlePage<'_> {
    /// Reads the title's block (`lines`; `next`, the block after it): the title, without a
    /// masthead's label above it (`Research Article`⏎`Patient Experiences of …`), and the
    /// authors under it.
    fn read_title_block(
        &self,
        lines: &[&str],
        next: Option<&[&str]>,
        paper: &mut Paper,
        affiliations: &mut Vec<String>,
    ) {
        let lines = lines
            .get(title_page::masthead_lines(lines)..)
            .unwrap_or_default();
        let authors_start = title_page::authors_start(lines, is_affiliation)
            .or_else(|| {
                title_page::author_closing_title(lines, next, self.whole_text, is_affiliation)
            })
            .unwrap_or(lines.len());
        let (title, authors) = lines.split_at(authors_start);
        read_title(title_page::title_lines(title), self.hyphenated, paper);
        read_authors(authors, paper, affiliations);
    }
}

/// Reads what follows a label opening `lines` on its line (`Keywords: alpha; beta`, `Abstract.
/// We study …`); returns the mode the label starts, `None` for lines opening on no label.
fn read_label(
    lines: &[&str],
    paper: &mut Paper,
    abstract_text: &mut String,
    affiliations: &mut Vec<String>,
) -> Option<Mode> {
    let (labelled, rest) = lines.first().and_then(|line| label(line))?;
    if !rest.is_empty() {
        read_line(labelled, rest, paper, affiliations);
        if labelled == Mode::Abstract {
            abstract_text.push_str(&clean(rest));
        }
    }
    Some(labelled)
}

/// Reads the authors' line of a block that goes on with the abstract (`AMIR
/// SHEIKHAHMADI1,∗, …`⏎`Abstract. Recently …`); returns the lines from the abstract's label
/// on, or all of `lines` for any other block.
fn read_authors_above_abstract<'l, 'a>(
    lines: &'l [&'a str],
    paper: &mut Paper,
    affiliations: &mut Vec<String>,
) -> &'l [&'a str] {
    let is_abstract_label =
        |line: &&str| label(line).is_some_and(|(labelled, _)| labelled == Mode::Abstract);
    match lines.split_first() {
        Some((first, rest)) if title_page::is_author_line(first) => {
            let Some(split) = rest.iter().position(is_abstract_label) else {
                return lines;
            };
            let (authors, from_label) = lines.split_at(split + 1);
            read_authors(authors, paper, affiliations);
            from_label
        }
        _ => lines,
    }
}

/// Whether a block under a title that is a journal's label in capitals (`AGRONOMY AND
/// FORESTRY | ORIGINAL ARTICLE`), no author read yet, is the title's: it opens on lines that
/// are no names, affiliations or addresses, the authors' lines under them.
fn is_title_after_label(lines: &[&str], paper: &Paper) -> bool {
    let opens_on_names = lines.first().is_some_and(|line| {
        title_page::is_author_line(line)
            || title_page::is_one_name(line)
            || is_affiliation(line)
            || line.contains('@')
    });
    paper.authors.is_empty()
        && !paper.title.chars().any(char::is_lowercase)
        && !opens_on_names
        && title_page::authors_start(lines, is_affiliation).is_some()
}

/// Whether a block after the title is the journal's name printed again (`Clinical Science`
/// under the title, `Clinical Science (2014) 126, 305–313` above it).
fn is_journal_name_again(lines: &[&str], masthead: &[&str]) -> bool {
    let [line] = lines else {
        return false;
    };
    let name = line.trim();
    name.len() >= MIN_JOURNAL_NAME && masthead.iter().any(|above| above.starts_with(name))
}

/// Reads a title page a PDF's text gives as one block with its licence, as Hindawi's
/// (`Research Article`⏎title⏎authors⏎affiliations⏎`Correspondence should be addressed
/// to …`⏎`Received 9 November 2010; Accepted …`⏎`Copyright © 2010 … This is an open access
/// article …`): the title and the authors above the first notice, the history and the licence
/// among the notices. Whether the block was read so.
fn read_title_page(
    lines: &[&str],
    hyphenated: &HashSet<String>,
    paper: &mut Paper,
    affiliations: &mut Vec<String>,
) -> bool {
    let lines = lines
        .get(title_page::masthead_lines(lines)..)
        .unwrap_or_default();
    let is_copyright = |line: &str| {
        let lower = line.trim_start().to_lowercase();
        lower.starts_with("copyright") || lower.starts_with('©')
    };
    let is_notice =
        |line: &&str| label(line).is_some() || history(line).is_some() || is_copyright(line);
    let Some((head, notices)) = lines
        .iter()
        .position(is_notice)
        .filter(|&end| end >= 2)
        .map(|end| lines.split_at(end))
    else {
        return false;
    };
    if head.iter().any(|line| is_license(line)) {
        return false;
    }
    let Some(authors_start) = title_page::authors_start(head, is_affiliation) else {
        return false;
    };
    let (title, authors) = head.split_at(authors_start);
    read_title(title, hyphenated, paper);
    read_authors(authors, paper, affiliations);
    for line in notices.iter().filter(|line| history(line).is_some()) {
        paper.history.extend(history_events(line));
    }
    // The licence: from the copyright line to the end of its sentences.
    if let Some(start) = notices.iter().position(|line| is_copyright(line)) {
        let statement_lines = notices.get(start..).unwrap_or_default();
        let end = statement_lines
            .iter()
            .position(|line| line.trim_end().ends_with('.'))
            .map_or(statement_lines.len(), |end| end + 1);
        let mut statement = String::new();
        for line in statement_lines.get(..end).unwrap_or_default() {
            append_joined(&mut statement, line, hyphenated);
        }
        let statement = clean(&statement);
        paper.license.name = license_name(&statement);
        paper.license.statement = statement;
    }
    true
}

/// Reads the title block: its lines joined; a date printed alone under them (as `pandoc -t
/// plain --standalone` prints it) is the paper's date.
fn read_title(lines: &[&str], hyphenated: &HashSet<String>, paper: &mut Paper) {
    let (title, date) = match lines {
        [title @ .., last] if !title.is_empty() && is_date_line(last) => (title, Some(last)),
        _ => (lines, None),
    };
    let mut joined = String::new();
    // `Jobs on Cluster⏎∗⏎Platforms`: a note's mark on a line of its own is no part of it, nor
    // is a dotted rule under it.
    let marks_alone = |line: &&&str| {
        let line = line.trim();
        !line.is_empty()
            && line.chars().all(|c| {
                title_page::NAME_MARKS.contains(&c) || matches!(c, '.' | '…' | '-' | '_' | ' ')
            })
    };
    for line in title.iter().filter(|line| !marks_alone(line)) {
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

/// The shortest journal's name that, printed alone under the title, is known as the start of
/// the masthead above it (`Clinical Science`).
const MIN_JOURNAL_NAME: usize = 8;

/// The most words of a place's name an affiliation runs on to on a line of its own (`Poland`,
/// `New South Wales`).
const MAX_PLACE_WORDS: usize = 3;

/// Whether a block is the licence statement.
pub(super) fn is_license(text: &str) -> bool {
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

/// Whether a block printed above the title is none of it: a publication's stamps and header
/// (`arXiv:…`) or a journal's masthead (`Journal of Hydrology 310 (2005) 253–265`).
pub(super) fn is_above_title(lines: &[&str]) -> bool {
    title_page::is_header(lines) || title_page::is_masthead(lines)
}

/// Whether a block printed before the title is none of it: what [`is_above_title`] passes
/// over, a letterhead, or the licence statement.
pub(super) fn is_before_title(lines: &[&str]) -> bool {
    is_above_title(lines) || is_letterhead(lines) || is_license(&lines.join(" "))
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

/// Reads the front matter into `paper`. Returns the byte offsets of the blocks that were not
/// read as any of it.
pub(super) fn read(
    blocks: &[Block<'_>],
    whole_text: &str,
    hyphenated: &HashSet<String>,
    paper: &mut Paper,
) -> Vec<usize> {
    let mut mode = Mode::Title;
    let mut unread = Vec::new();
    let mut abstract_text = String::new();
    let mut affiliations: Vec<String> = Vec::new();
    let mut masthead: Vec<&str> = Vec::new();
    let page = TitlePage {
        whole_text,
        hyphenated,
    };
    for (at, block) in blocks.iter().enumerate() {
        let Block::Text { lines, offset } = block else {
            unread.push(block.offset());
            continue;
        };
        let mut lines: &[&str] = lines;
        if mode == Mode::Authors {
            lines = read_authors_above_abstract(lines, paper, &mut affiliations);
        }
        if let Some(labelled) = read_label(lines, paper, &mut abstract_text, &mut affiliations) {
            mode = labelled;
            lines = lines.get(1..).unwrap_or_default();
            if lines.is_empty() {
                continue;
            }
        }
        let mut text = String::new();
        for line in lines {
            append_joined(&mut text, line, hyphenated);
        }
        let text = clean(&text);
        if read_notice(
            lines,
            &text,
            &mut mode,
            hyphenated,
            paper,
            &mut affiliations,
        ) {
            continue;
        }
        match mode {
            // A stamp above the title (`arXiv:…`, `Preprint 27 February 2025`) is none of it.
            Mode::Title if is_above_title(lines) || is_letterhead(lines) => {
                masthead.extend_from_slice(lines);
            }
            Mode::Authors if is_journal_name_again(lines, &masthead) => {}
            // The title's block after a journal's label read as the title (`AGRONOMY AND
            // FORESTRY | ORIGINAL ARTICLE`): its lines, then the authors'.
            Mode::Title | Mode::Authors
                if mode == Mode::Title || is_title_after_label(lines, paper) =>
            {
                let next = blocks.get(at + 1).and_then(Block::lines);
                page.read_title_block(lines, next, paper, &mut affiliations);
                mode = Mode::Authors;
            }
            // A journal's line under the abstract (`Submitted to Physical Review Letters`).
            Mode::Abstract if !abstract_text.is_empty() && is_line_under_abstract(lines) => {
                unread.push(*offset);
            }
            Mode::Abstract => push_paragraph(&mut abstract_text, &text),
            // A name in a block of its own, as a PDF's text gives the authors printed side by
            // side (`Pierre-François Dutot`, `Lionel Eyraud`, each above an affiliation).
            Mode::Authors
                if let [name] = lines
                    && title_page::is_one_name(name)
                    && !is_affiliation(name) =>
            {
                paper.authors.extend(authors_named(name));
            }
            Mode::Authors
                if lines.iter().all(|line| line.len() <= MAX_AUTHOR_LINE)
                    && (!is_prose(block)
                        || lines.first().is_some_and(|l| opens_affiliation(l))) =>
            {
                read_authors(lines, paper, &mut affiliations);
            }
            Mode::Keywords if is_prose(block) => {
                if !read_prose_under_keywords(lines, text, &mut mode, &mut abstract_text, paper) {
                    unread.push(*offset);
                }
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

/// Reads a block of prose (`lines`, joined as `text`) under a `Keywords` label, which is no list
/// of keywords: the keywords are the lines above the next label in it (`reading interfaces,
/// …`⏎`ACM Reference Format:`⏎…), that label then ruling the blocks after it; or, when the
/// paper has no abstract yet, it is the abstract, two columns' text interleaved (`ABSTRACT`,
/// `Keywords`, the abstract's text, then the keywords). Returns whether all of it was read.
fn read_prose_under_keywords(
    lines: &[&str],
    text: String,
    mode: &mut Mode,
    abstract_text: &mut String,
    paper: &mut Paper,
) -> bool {
    let listed = lines.iter().position(|line| label(line).is_some());
    if let Some(end) = listed
        && let (Some(listed), Some((next, _))) = (
            lines.get(..end),
            lines.get(end).and_then(|line| label(line)),
        )
    {
        for line in listed {
            let line = clean(line.trim());
            if line.len() <= MAX_KEYWORD_LEN || line.contains([';', ',']) {
                paper.keywords.extend(keywords(&line));
            }
        }
        *mode = next;
        false
    } else if abstract_text.is_empty() {
        *abstract_text = text;
        true
    } else {
        false
    }
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
    // `LEANA GOLUBCHIK`⏎affiliation⏎`and`⏎`SANJEEV KHANNA`⏎…: an author a part, with its
    // affiliation, the parts parted by `and` alone on a line.
    if lines.len() > 2 && lines.iter().any(|line| line.trim() == "and") {
        for part in lines.split(|line| line.trim() == "and") {
            match part {
                [name, rest @ ..]
                    if title_page::is_one_name(name)
                        || title_names::is_one_name_in_capitals(name) =>
                {
                    paper.authors.extend(authors_named(name));
                    for line in rest {
                        read_line(Mode::Authors, line, paper, affiliations);
                    }
                }
                _ => read_authors(part, paper, affiliations),
            }
        }
        return;
    }
    // ACM's authors, a line each with the affiliation: `TAL AUGUST, University of Washington`.
    let acm: Vec<(String, String)> = lines
        .iter()
        .filter_map(|l| title_page::acm_author(l))
        .collect();
    if !acm.is_empty() && acm.len() == lines.len() {
        for (name, affiliation) in acm {
            if !affiliations.contains(&affiliation) {
                affiliations.push(affiliation.clone());
            }
            paper.authors.push(Author {
                name,
                affiliation,
                ..Author::default()
            });
        }
        return;
    }
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
        read_line(
            Mode::Authors,
            &joined_name_lines(names),
            paper,
            affiliations,
        );
    }
    for line in rest {
        read_line(Mode::Authors, line, paper, affiliations);
    }
}

/// The name lines of an author block as one list: a line break between two whole names
/// (`… Deborah A. Wallach`⏎`Mike Burrows, …`, `… Lauren Yu♦ Nathan Dahlberg`⏎`Margo
/// Schlanger♦`) parts them as a comma would; one inside a name
/// (`… and Rohan`⏎`Misra`) or after a comma or `and` is a space.
fn joined_name_lines(lines: &[&str]) -> String {
    // Whether a list's last or first piece (after or before its separators) is a whole name.
    let whole_name = |piece: &str| (2..=5).contains(&piece.split_whitespace().count());
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if !out.is_empty() {
            // A name's mark parts it from the next (`Lauren Yu♦ Nathan Dahlberg`).
            let separator =
                |c: char| matches!(c, ',' | ';' | '&') || title_page::NAME_MARKS.contains(&c);
            let last = out.rsplit(separator).next().unwrap_or_default();
            let last = last.rsplit(" and ").next().unwrap_or_default();
            let first = line.split(separator).next().unwrap_or_default();
            let first = first.split(" and ").next().unwrap_or_default();
            let runs_on = out.ends_with([',', ';', '&']) || out.ends_with(" and");
            let between_names = !runs_on
                && whole_name(last)
                && whole_name(first)
                && !first.starts_with("and ")
                && first.starts_with(char::is_uppercase);
            out.push_str(if between_names { ", " } else { " " });
        }
        out.push_str(line);
    }
    out
}

/// Reads one line of the author block, the keywords or the corresponding-author block.
fn read_line(mode: Mode, line: &str, paper: &mut Paper, affiliations: &mut Vec<String>) {
    let line = clean(line.trim());
    match mode {
        Mode::Keywords if line.len() <= MAX_KEYWORD_LEN || line.contains([';', ',']) => {
            paper.keywords.extend(keywords(&line));
        }
        // A mark alone (`a`, `∗`), as a PDF's text prints an affiliation's above it; a stamp
        // or masthead among the affiliations (`(Dated: October 7, 2021)`, `doi:…`).
        Mode::Authors
            if line.chars().count() <= 2
                || title_page::is_stamp(&line)
                || title_page::is_masthead_line(&line) => {}
        Mode::Authors if history(&line).is_some() => {
            paper.history.extend(history_events(&line));
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
            } else if is_affiliation(&line)
                || (!paper.authors.is_empty() && !title_page::is_author_line(&line))
                // `Poland` on a line of its own after the affiliations, their names lost.
                || (!affiliations.is_empty()
                    && line.split_whitespace().count() <= MAX_PLACE_WORDS
                    && !title_page::is_author_line(&line)
                    && !title_page::is_one_name(&line))
            {
                // `1 Department …`, `𝑎 Boston University`: the mark the authors point with.
                let affiliation = line.trim_start_matches(title_page::is_name_mark);
                let marked = affiliation.len() < line.len();
                // `… 123 St. Stephen’s Green,`⏎`Dublin 2, Ireland`: one affiliation wrapped.
                if let Some(last) = affiliations.last_mut().filter(|last| last.ends_with(','))
                    && !marked
                {
                    last.push(' ');
                    last.push_str(affiliation);
                } else if !affiliations.iter().any(|a| a == affiliation) {
                    affiliations.push(affiliation.to_owned());
                }
            } else {
                paper.authors.extend(authors_named(&line));
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

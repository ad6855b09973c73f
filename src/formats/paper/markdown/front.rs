//! The front of a paper whose YAML header gives no title, as PDF converters write a paper into
//! Markdown: its first heading is the title (a short line after it that opens in lower case
//! its rest: `# An Aggregated Multicolumn Dilated Convolution Network` ⏎⏎ `for
//! Perspective-Free Counting`), the short lines between it and the next heading its authors
//! (a name, then the lines naming their institution and e-mail address), and a section headed
//! `Abstract` right after them, citing nothing, its abstract.

use super::blocks::{Block, remove_all_but};
use super::spans;
use crate::corpus::model::{Author, Paper};
use crate::formats::paper::plain::{is_given_first_name, is_institution_word};

/// The most words a line of the author block has: more is the paper's text.
const LONGEST_FRONT_LINE: usize = 16;

/// Whether `line` is a person's name, given name first, not an institution's.
fn is_person(line: &str) -> bool {
    is_given_first_name(line, true) && !line.split_whitespace().any(is_institution_word)
}

/// Takes the title, and when the paper opens with it and an author block its authors and
/// abstract, out of `blocks` into `paper` (see the module's comment). A first heading no
/// author block follows is the title and stays in the text, its section the paper's first.
pub(super) fn take(blocks: &mut Vec<Block>, paper: &mut Paper) {
    let Some((at, title)) = blocks
        .iter()
        .enumerate()
        .find_map(|(at, block)| match block {
            Block::Heading { text, .. } => Some((at, spans::flatten(text))),
            _ => None,
        })
    else {
        return;
    };
    if title.trim().is_empty() {
        return;
    }
    title.trim().clone_into(&mut paper.title);
    if at != 0 || !paper.authors.is_empty() {
        return;
    }
    let next_heading = next_heading(blocks, at);
    let Some(lines) = front_lines(blocks.get(at + 1..next_heading).unwrap_or_default()) else {
        return;
    };
    let title_rest = lines.first().filter(|first| is_title_rest(first)).cloned();
    let first_line = usize::from(title_rest.is_some());
    let Front {
        authors,
        skipped,
        shared,
    } = authors_of(lines.get(first_line..).unwrap_or_default());
    if authors.is_empty() {
        return;
    }
    if let Some(rest) = title_rest {
        paper.title = format!("{} {}", paper.title, rest.trim());
    }
    paper.authors = authors;
    paper.affiliation = shared;
    let mut end = next_heading;
    if let Some(abstract_end) = abstract_section(blocks, next_heading) {
        paper.abstract_text = blocks
            .get(next_heading + 1..abstract_end)
            .unwrap_or_default()
            .iter()
            .filter_map(|block| match block {
                Block::Paragraph { text } => Some(spans::flatten(text)),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        end = abstract_end;
    }
    // The lines naming no author (a footnote to the title) stay in the text.
    let kept: Vec<usize> = skipped
        .iter()
        .map(|line| at + 1 + first_line + line)
        .collect();
    remove_all_but(blocks, at..end, &kept);
}

/// Where the next heading after `at` stands, or the end of `blocks`.
fn next_heading(blocks: &[Block], at: usize) -> usize {
    blocks
        .iter()
        .enumerate()
        .skip(at + 1)
        .find(|(_, block)| matches!(block, Block::Heading { .. }))
        .map_or(blocks.len(), |(next, _)| next)
}

/// The short lines between the title and the next heading, as printed; `None` when one of
/// them is the paper's text (a long paragraph, a table, code).
fn front_lines(blocks: &[Block]) -> Option<Vec<String>> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { text } => {
                let line = spans::flatten(text);
                (line.split_whitespace().count() <= LONGEST_FRONT_LINE || is_list_of_names(&line))
                    .then_some(line)
            }
            _ => None,
        })
        .collect()
}

/// Whether a long line of the front lists names, of people or institutions (`Clara R.
/// Burgert-Brucker, Kathryn L. Zoerhoff, …`, `Global Health Division, RTI International,
/// Washington, DC; …`): no sentence in it, three pieces or more between its commas and
/// semicolons, none longer than a name.
fn is_list_of_names(line: &str) -> bool {
    let pieces: Vec<&str> = line.split([',', ';']).collect();
    // A full stop after a word, not after an initial (`Clara R. Burgert-Brucker`).
    let sentence = line.match_indices(". ").any(|(at, _)| {
        line.get(..at)
            .and_then(|before| before.split_whitespace().next_back())
            .is_some_and(|word| word.chars().filter(|c| c.is_alphabetic()).count() > 1)
    });
    !sentence
        && pieces.len() >= 3
        && pieces
            .iter()
            .all(|piece| piece.split_whitespace().count() <= LONGEST_FRONT_LINE / 2)
}

/// The people a line names, given name first, between commas (`Clara R. Burgert-Brucker,
/// Kathryn L. Zoerhoff, and Molly Brady`); empty when a piece is no person's name.
fn people_listed(line: &str) -> Vec<&str> {
    let names: Vec<&str> = line
        .split(',')
        .map(|piece| {
            let piece = piece.trim();
            piece.strip_prefix("and ").unwrap_or(piece)
        })
        .filter(|piece| !piece.is_empty())
        .collect();
    if names.iter().all(|name| is_person(name)) {
        names
    } else {
        Vec::new()
    }
}

/// Where the section headed `Abstract` at `heading` ends, when it holds only paragraphs that
/// cite nothing (no `@key`, bracket or year in parentheses: citations a section keeps).
fn abstract_section(blocks: &[Block], heading: usize) -> Option<usize> {
    let Some(Block::Heading { text, .. }) = blocks.get(heading) else {
        return None;
    };
    let title = spans::flatten(text);
    let title = title.trim().trim_end_matches([':', '.']).to_lowercase();
    if title != "abstract" {
        return None;
    }
    let end = next_heading(blocks, heading);
    let body = blocks.get(heading + 1..end)?;
    let plain = !body.is_empty()
        && body.iter().all(|block| match block {
            Block::Paragraph { text } => !may_cite(&spans::flatten(text)),
            _ => false,
        });
    plain.then_some(end)
}

/// Whether `text` may hold a citation: a Pandoc key, a bracket, or a year in parentheses.
fn may_cite(text: &str) -> bool {
    text.contains('@')
        || text.contains('[')
        || text.split('(').skip(1).any(|inside| {
            let inside = inside.split(')').next().unwrap_or_default();
            inside.split(|c: char| !c.is_ascii_digit()).any(|number| {
                number.len() == 4 && (number.starts_with("19") || number.starts_with("20"))
            })
        })
}

/// Whether the line after the title is the title's rest: short, opening in lower case.
fn is_title_rest(line: &str) -> bool {
    line.split_whitespace().count() <= 10 && line.starts_with(|c: char| c.is_lowercase())
}

/// The authors of the front's lines: each line that is a person's name (`Barret Zoph`,
/// `Diederik P. Kingma`), or a list of them, opens an author each; a line with an `@` is the
/// e-mail address of the author before it, any other line (`Georgia Institute of Technology`)
/// the institution of the authors since the last one named one (institutions listed for more
/// than three at once, between semicolons, the paper's). Lines that open with a number
/// (a footnote, `1. JAX code …`) or come before any name are no author's: their places are
/// returned with the authors.
fn authors_of(lines: &[String]) -> Front {
    let mut authors: Vec<Author> = Vec::new();
    let mut skipped = Vec::new();
    let mut shared = String::new();
    let mut unplaced = 0;
    for (place, line) in lines.iter().enumerate() {
        let line = line.trim();
        let people = if is_person(line) {
            vec![line]
        } else {
            people_listed(line)
        };
        if !people.is_empty() {
            unplaced += people.len();
            authors.extend(people.into_iter().map(|name| Author {
                name: name.to_owned(),
                ..Author::default()
            }));
        } else if let Some(email) = line
            .split_whitespace()
            .find(|word| word.contains('@') && word.contains('.'))
        {
            if let Some(author) = authors.last_mut().filter(|a| a.email.is_empty()) {
                email
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                    .clone_into(&mut author.email);
            }
        } else if line.starts_with(|c: char| c.is_ascii_digit()) || authors.is_empty() {
            skipped.push(place);
        } else if unplaced > 3 && line.contains(';') {
            // Institutions listed for many authors at once, none said to be whose.
            line.clone_into(&mut shared);
            unplaced = 0;
        } else {
            let since = authors.len().saturating_sub(unplaced.max(1));
            for author in authors.iter_mut().skip(since) {
                if author.affiliation.is_empty() {
                    line.clone_into(&mut author.affiliation);
                } else {
                    author.affiliation = format!("{}; {line}", author.affiliation);
                }
            }
            unplaced = 0;
        }
    }
    Front {
        authors,
        skipped,
        shared,
    }
}

/// What the lines of a paper's front name.
struct Front {
    /// The authors, each with the institution and address the lines give them.
    authors: Vec<Author>,
    /// The places of the lines naming no author.
    skipped: Vec<usize>,
    /// The institutions listed for many authors at once (`A; B; C`), none said to be whose.
    shared: String,
}

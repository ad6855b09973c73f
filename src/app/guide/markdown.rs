//! The little Markdown the guides are written in, read into blocks and inline spans: headings,
//! paragraphs, bullet and numbered lists, fenced code, tables, and inside text `code`,
//! **strong**, *emphasis* and links (whose words are kept, their address dropped).

/// One block of a Markdown document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// `#` to `######`: its level (1 for `#`) and its text.
    Heading(usize, String),
    /// Lines of text joined into one.
    Paragraph(String),
    /// A list item: its marker (`•` or `3.`), how deep it is nested (0 at the margin), its text.
    ListItem {
        /// `•` for a bullet, the number with its dot for a numbered item.
        marker: String,
        /// 0 at the margin, 1 for an item under another.
        depth: usize,
        /// The item's text, continuation lines joined.
        text: String,
    },
    /// A fenced code block, its lines as written.
    Code(String),
    /// A table: its rows of cells, the header row first (the `|---|` line left out).
    Table(Vec<Vec<String>>),
}

/// How a piece of inline text is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Ordinary text.
    Plain,
    /// `code`.
    Code,
    /// **strong**.
    Strong,
    /// *emphasis*.
    Emphasis,
    /// The words of a `[link](address)`.
    Link,
}

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The text, markers removed.
    pub text: String,
    /// How it is set.
    pub style: Style,
}

/// A list item's marker and text when `line` (without its indent) starts one.
fn list_item(line: &str) -> Option<(String, &str)> {
    if let Some(text) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some(("•".to_owned(), text));
    }
    let digits = line.find(|c: char| !c.is_ascii_digit())?;
    let (number, rest) = line.split_at(digits);
    let text = rest.strip_prefix(". ")?;
    (!number.is_empty()).then(|| (format!("{number}."), text))
}

/// A table row's cells: `| a | b |` → `["a", "b"]`.
fn table_cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner
        .split('|')
        .map(|cell| cell.trim().to_owned())
        .collect()
}

/// Whether `line` is a table's `|---|:---|` separator.
fn is_table_rule(line: &str) -> bool {
    line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Appends a continuation line to the text of the last block, if it takes one.
fn continue_block(blocks: &mut [Block], line: &str) -> bool {
    match blocks.last_mut() {
        Some(Block::Paragraph(text) | Block::ListItem { text, .. }) => {
            text.push(' ');
            text.push_str(line.trim());
            true
        }
        _ => false,
    }
}

/// Reads a Markdown document into blocks.
#[must_use]
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines();
    // Whether the next text line continues the last block (no blank line since).
    let mut open = false;
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with("```") {
            let code: Vec<&str> = lines
                .by_ref()
                .take_while(|l| !l.trim_start().starts_with("```"))
                .collect();
            blocks.push(Block::Code(code.join("\n")));
            open = false;
        } else if trimmed.is_empty() {
            open = false;
        } else if let Some(heading) = trimmed
            .strip_prefix('#')
            .filter(|_| indent == 0)
            .map(|rest| rest.trim_start_matches('#'))
        {
            let level = trimmed.len() - heading.len();
            blocks.push(Block::Heading(level, heading.trim().to_owned()));
            open = false;
        } else if trimmed.starts_with('|') {
            if !is_table_rule(trimmed) {
                let row = table_cells(trimmed);
                if let (true, Some(Block::Table(rows))) = (open, blocks.last_mut()) {
                    rows.push(row);
                } else {
                    blocks.push(Block::Table(vec![row]));
                }
            }
            open = true;
        } else if let Some((marker, text)) = list_item(trimmed) {
            blocks.push(Block::ListItem {
                marker,
                depth: indent / 2,
                text: text.to_owned(),
            });
            open = true;
        } else if !(open && continue_block(&mut blocks, trimmed)) {
            blocks.push(Block::Paragraph(trimmed.to_owned()));
            open = true;
        }
    }
    blocks
}

/// Splits a line of text into styled runs.
#[must_use]
pub fn spans(text: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let push = |spans: &mut Vec<Span>, plain: &mut String, styled: Option<(&str, Style)>| {
        if !plain.is_empty() {
            spans.push(Span {
                text: std::mem::take(plain),
                style: Style::Plain,
            });
        }
        if let Some((text, style)) = styled {
            spans.push(Span {
                text: text.to_owned(),
                style,
            });
        }
    };
    while let Some(c) = rest.chars().next() {
        let styled = match c {
            '`' => closed(rest, "`").map(|(inner, after)| (inner, Style::Code, after)),
            '*' if rest.starts_with("**") => {
                closed(rest, "**").map(|(inner, after)| (inner, Style::Strong, after))
            }
            '*' => closed(rest, "*")
                .filter(|(inner, _)| !inner.starts_with(' '))
                .map(|(inner, after)| (inner, Style::Emphasis, after)),
            '[' => link(rest).map(|(inner, after)| (inner, Style::Link, after)),
            _ => None,
        };
        if let Some((inner, style, after)) = styled {
            // A link's words may be code (`` [`file.json`](…) ``): the link's colour wins.
            let inner = if style == Style::Link {
                inner.trim_matches('`')
            } else {
                inner
            };
            push(&mut spans, &mut plain, Some((inner, style)));
            rest = after;
        } else {
            plain.push(c);
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
        }
    }
    push(&mut spans, &mut plain, None);
    spans
}

/// The anchor a heading goes by in links (`## References (CSL-JSON)` → `references-csl-json`),
/// as GitHub makes it: lower case, spaces to `-`, other punctuation dropped.
#[must_use]
pub fn anchor(heading: &str) -> String {
    let words: String = spans(heading).into_iter().map(|span| span.text).collect();
    words
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchor of the one link within the document in `text` (`[Paper](#paper)` → `paper`);
/// none when it has no such link or several.
#[must_use]
pub fn only_internal_link(text: &str) -> Option<&str> {
    let mut targets = text.split("](#").skip(1);
    let target = targets.next()?;
    if targets.next().is_some() {
        return None;
    }
    target.split(')').next().filter(|anchor| !anchor.is_empty())
}

/// For `text` starting with `marker`: what lies up to the next `marker`, and what follows it.
fn closed<'a>(text: &'a str, marker: &str) -> Option<(&'a str, &'a str)> {
    let inner_and_rest = text.strip_prefix(marker)?;
    let end = inner_and_rest.find(marker)?;
    let inner = inner_and_rest.get(..end)?;
    let after = inner_and_rest.get(end + marker.len()..)?;
    (!inner.is_empty()).then_some((inner, after))
}

/// For `text` starting with `[words](address)`: the words and what follows the link.
fn link(text: &str) -> Option<(&str, &str)> {
    let (words, rest) = closed_by(text.strip_prefix('[')?, "](")?;
    let (_, after) = closed_by(rest, ")")?;
    Some((words, after))
}

/// `text` up to the first `end`, and what follows `end`.
fn closed_by<'a>(text: &'a str, end: &str) -> Option<(&'a str, &'a str)> {
    let at = text.find(end)?;
    Some((text.get(..at)?, text.get(at + end.len()..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_a_small_document() {
        let doc = "# Title\n\nOne line\nand the next.\n\n- a bullet\n  going on\n  - nested\n\
                   2. second\n\n```json\n{ \"a\": 1 }\n```\n| A | B |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(
            blocks(doc),
            vec![
                Block::Heading(1, "Title".to_owned()),
                Block::Paragraph("One line and the next.".to_owned()),
                Block::ListItem {
                    marker: "•".to_owned(),
                    depth: 0,
                    text: "a bullet going on".to_owned()
                },
                Block::ListItem {
                    marker: "•".to_owned(),
                    depth: 1,
                    text: "nested".to_owned()
                },
                Block::ListItem {
                    marker: "2.".to_owned(),
                    depth: 0,
                    text: "second".to_owned()
                },
                Block::Code("{ \"a\": 1 }".to_owned()),
                Block::Table(vec![
                    vec!["A".to_owned(), "B".to_owned()],
                    vec!["1".to_owned(), "2".to_owned()]
                ]),
            ]
        );
    }

    #[test]
    fn inline_code_strong_emphasis_and_links() {
        let styles: Vec<(String, Style)> =
            spans("Use `check`, **always**, *now*: [the rules](#r)[`a.json`](a.json).")
                .into_iter()
                .map(|span| (span.text, span.style))
                .collect();
        let expected = [
            ("Use ", Style::Plain),
            ("check", Style::Code),
            (", ", Style::Plain),
            ("always", Style::Strong),
            (", ", Style::Plain),
            ("now", Style::Emphasis),
            (": ", Style::Plain),
            ("the rules", Style::Link),
            ("a.json", Style::Link),
            (".", Style::Plain),
        ]
        .map(|(text, style)| (text.to_owned(), style));
        assert_eq!(styles, expected);
    }

    #[test]
    fn links_within_the_document_and_heading_anchors() {
        assert_eq!(anchor("References (CSL-JSON)"), "references-csl-json");
        assert_eq!(
            anchor("The paperlens corpus format, `paperlens-corpus/1`"),
            "the-paperlens-corpus-format-paperlens-corpus1"
        );
        assert_eq!(only_internal_link("see [Paper](#paper)."), Some("paper"));
        assert_eq!(only_internal_link("[a](#a) and [b](#b)"), None);
        assert_eq!(only_internal_link("[file](file.json)"), None);
    }

    #[test]
    fn every_contents_link_of_the_format_guide_finds_its_heading() {
        let guide = blocks(crate::corpus::FORMAT_GUIDE);
        let anchors: Vec<String> = guide
            .iter()
            .filter_map(|block| match block {
                Block::Heading(_, text) => Some(anchor(text)),
                _ => None,
            })
            .collect();
        let mut links = 0;
        for block in &guide {
            if let Block::ListItem { text, .. } = block
                && let Some(target) = only_internal_link(text)
            {
                links += 1;
                assert!(
                    anchors.iter().any(|a| a == target),
                    "no heading for #{target}"
                );
            }
        }
        assert!(links >= 16, "{links} contents links");
    }

    #[test]
    fn a_lone_star_or_bracket_stays_text() {
        let text = "3 * 4 [not a link and `unclosed";
        assert_eq!(
            spans(text),
            vec![Span {
                text: text.to_owned(),
                style: Style::Plain
            }]
        );
    }

    #[test]
    fn the_format_guide_reads_into_headings_tables_and_code() {
        let guide = blocks(crate::corpus::FORMAT_GUIDE);
        assert!(matches!(guide.first(), Some(Block::Heading(1, _))));
        assert!(guide.iter().any(|b| matches!(b, Block::Table(_))));
        assert!(guide.iter().any(|b| matches!(b, Block::Code(_))));
        assert!(
            guide
                .iter()
                .any(|b| *b == Block::Heading(2, "Ground rules".to_owned()))
        );
    }
}

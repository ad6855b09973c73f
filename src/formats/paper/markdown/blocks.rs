//! Pandoc Markdown blocks, line by line: ATX and setext headings, paragraphs, fenced and
//! indented code, block quotes and lists (their paragraphs), tables, raw LaTeX environments,
//! footnote and link definitions, HTML comments, rules and fenced-div fences.
//!
//! One pass over the lines; a container (quote, list item) is read again on its own lines,
//! at most [`MAX_DEPTH`] deep, so the work stays linear in the text. Every search for a closing
//! line (`\end{…}`, `-->`) is remembered or looked up in an index made once.

use std::collections::{HashMap, HashSet};

use super::tables::{self, TableBlock};

/// How deep quotes and list items are read as containers; deeper, their lines are text.
const MAX_DEPTH: usize = 8;

/// One line of the source: its text (without the newline) and where it starts.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line<'a> {
    /// The text, without `\r\n` or `\n`.
    pub(super) text: &'a str,
    /// Byte offset of the text in the paper.
    pub(super) offset: usize,
}

impl Line<'_> {
    /// The line with its first `bytes` bytes removed.
    fn skip(self, bytes: usize) -> Self {
        let bytes = bytes.min(self.text.len());
        Self {
            text: self.text.get(bytes..).unwrap_or_default(),
            offset: self.offset + bytes,
        }
    }
}

/// The lines of `text`, which starts at byte `base` of the paper.
pub(super) fn lines(text: &str, base: usize) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for part in text.split('\n') {
        lines.push(Line {
            text: part.strip_suffix('\r').unwrap_or(part),
            offset: base + start,
        });
        start += part.len() + 1;
    }
    lines
}

/// A block of the paper.
#[derive(Clone, Debug)]
pub(super) enum Block {
    /// A heading: level 1–6 and its text (closing `#`s and attributes removed).
    Heading {
        /// 1 for `#`.
        level: usize,
        /// The heading's inline text.
        text: String,
    },
    /// Running text: the lines of a paragraph, a list item or a quote, joined.
    Paragraph {
        /// The inline text, lines joined by `\n`.
        text: String,
    },
    /// A code block (fenced or indented): left out of the text.
    Code,
    /// A table.
    Table(TableBlock),
    /// A raw LaTeX environment: its name and whole text.
    Latex {
        /// `table`, `equation` …
        name: String,
        /// From `\begin{…}` to `\end{…}`.
        body: String,
    },
}

/// The blocks of a paper and the definitions found among them.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    /// The blocks in order.
    pub(super) blocks: Vec<Block>,
    /// Footnote definitions: id → raw text.
    pub(super) footnotes: HashMap<String, String>,
    /// Link reference labels, lower case.
    pub(super) labels: HashSet<String>,
}

/// Reads the blocks of `lines`.
pub(super) fn parse(lines: &[Line<'_>]) -> Parsed {
    let mut parser = Parser::default();
    parser.blocks(lines, 0, false);
    attach_captions(&mut parser.parsed.blocks);
    parser.parsed
}

#[derive(Default)]
struct Parser {
    parsed: Parsed,
    /// No `-->` closes a comment after some line: further `<!--` lines are text.
    comment_close_missing: bool,
}

/// The width of a line's indentation, a tab reaching the next multiple of 4.
pub(super) fn indent_width(text: &str) -> usize {
    let mut width = 0;
    for b in text.bytes() {
        match b {
            b' ' => width += 1,
            b'\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

/// `line` with up to `columns` columns of indentation removed.
fn dedent(line: Line<'_>, columns: usize) -> Line<'_> {
    let mut width = 0;
    let mut bytes = 0;
    for b in line.text.bytes() {
        if width >= columns {
            break;
        }
        match b {
            b' ' => width += 1,
            b'\t' => width += 4 - width % 4,
            _ => break,
        }
        bytes += 1;
    }
    line.skip(bytes)
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// A list marker at the start of `text`: the column and the byte its content starts at.
pub(super) fn list_marker(text: &str) -> Option<(usize, usize)> {
    let indent = indent_width(text);
    if indent > 3 {
        return None;
    }
    let rest = text.trim_start();
    let marker_len = if rest.starts_with(['*', '+', '-']) {
        1
    } else if let Some(inner) = rest.strip_prefix('(') {
        let len = inner.bytes().take_while(u8::is_ascii_alphanumeric).count();
        (len > 0 && len <= 4 && inner.as_bytes().get(len) == Some(&b')')).then_some(len + 2)?
    } else if rest.starts_with("#.") {
        2
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let len = if digits > 0 {
            (digits <= 9).then_some(digits)?
        } else {
            let letters = rest.bytes().take_while(u8::is_ascii_lowercase).count();
            let roman = rest.bytes().take(letters).all(|b| b"ivxlcdm".contains(&b));
            (letters == 1 || (roman && letters <= 4)).then_some(letters)?
        };
        rest.as_bytes()
            .get(len)
            .filter(|b| matches!(b, b'.' | b')'))?;
        len + 1
    };
    let after = rest.get(marker_len..)?;
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let spaces = after.bytes().take_while(|b| *b == b' ').count();
    let spaces = if (1..=4).contains(&spaces) {
        spaces
    } else {
        usize::from(!after.is_empty())
    };
    let leading = text.len() - rest.len();
    Some((indent + marker_len + spaces, leading + marker_len + spaces))
}

/// A fence opening a code block: its character and length.
fn fence(text: &str) -> Option<(u8, usize)> {
    if indent_width(text) > 3 {
        return None;
    }
    let rest = text.trim_start();
    let c = *rest.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == c).count();
    (len >= 3 && (c == b'~' || !rest.get(len..).unwrap_or_default().contains('`')))
        .then_some((c, len))
}

/// `===` or `---` under a one-line paragraph: the heading level.
fn setext_level(text: &str) -> Option<usize> {
    if indent_width(text) > 3 {
        return None;
    }
    let rest = text.trim();
    if !rest.is_empty() && rest.bytes().all(|b| b == b'=') {
        Some(1)
    } else if !rest.is_empty() && rest.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

/// A thematic break: three or more `-`, `*` or `_`, spaces between allowed.
fn is_rule(text: &str) -> bool {
    let rest = text.trim();
    let Some(c) = rest.chars().next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    indent_width(text) <= 3
        && rest.chars().all(|x| x == c || x == ' ' || x == '\t')
        && rest.chars().filter(|&x| x == c).count() >= 3
}

/// An ATX heading: level and text.
fn atx_heading(text: &str) -> Option<(usize, String)> {
    if indent_width(text) > 3 {
        return None;
    }
    let rest = text.trim_start();
    let level = rest.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let after = rest.get(level..)?;
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let mut title = without_attributes(after.trim());
    let without_hashes = title.trim_end_matches('#');
    if without_hashes.is_empty() || without_hashes.ends_with([' ', '\t']) {
        title = without_hashes.trim_end();
    }
    Some((level, title.to_owned()))
}

/// A heading's text without its attributes (`{#id .unnumbered}`, `{-}`).
fn without_attributes(title: &str) -> &str {
    if title.ends_with('}')
        && let Some(open) = title.rfind('{')
    {
        let attributes = title.get(open + 1..).unwrap_or_default();
        if attributes.starts_with(['#', '.', '-']) || attributes.contains('=') {
            return title.get(..open).unwrap_or_default().trim_end();
        }
    }
    title
}

/// `\begin{name}` at the start of a line: the name.
fn latex_begin(text: &str) -> Option<&str> {
    let rest = text.trim_start().strip_prefix("\\begin{")?;
    let end = rest.find('}')?;
    let name = rest.get(..end)?;
    (!name.is_empty() && name.len() <= 40).then_some(name)
}

/// Whether a line is nothing but HTML tags (`<div>`, `</center>`, `<br/>`).
fn is_html_only(text: &str) -> bool {
    let mut rest = text.trim();
    if !rest.starts_with('<') {
        return false;
    }
    while let Some(tag) = rest.strip_prefix('<') {
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
            return false;
        }
        let Some(end) = tag.find('>') else {
            return false;
        };
        rest = tag.get(end + 1..).unwrap_or_default().trim_start();
    }
    rest.is_empty()
}

/// A lone LaTeX command that prints nothing in the text (`\newpage`, `\vspace{1em}`).
fn is_lone_latex_command(text: &str) -> bool {
    let text = text.trim();
    let Some(rest) = text.strip_prefix('\\') else {
        return false;
    };
    let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    if name_len == 0 || text.contains('\n') {
        return false;
    }
    let mut args = rest
        .get(name_len..)
        .unwrap_or_default()
        .trim_start_matches('*');
    while let Some(open) = args.chars().next().filter(|c| matches!(c, '{' | '[')) {
        let close = if open == '{' { '}' } else { ']' };
        let Some(end) = args.find(close) else {
            return false;
        };
        args = args.get(end + 1..).unwrap_or_default();
    }
    args.trim().is_empty()
}

impl Parser {
    fn push(&mut self, block: Block) {
        self.parsed.blocks.push(block);
    }

    fn end_paragraph(&mut self, paragraph: &mut Vec<Line<'_>>) {
        if paragraph.is_empty() {
            return;
        }
        let text = paragraph
            .iter()
            .map(|line| line.text)
            .collect::<Vec<_>>()
            .join("\n");
        paragraph.clear();
        if !is_lone_latex_command(&text) {
            self.push(Block::Paragraph { text });
        }
    }

    /// Reads `lines` as blocks `depth` containers deep (`in_list`: inside a list item, where
    /// a list marker starts a sub-list even without a blank line before it).
    fn blocks(&mut self, lines: &[Line<'_>], depth: usize, in_list: bool) {
        let latex_ends = latex_end_index(lines);
        let mut paragraph: Vec<Line<'_>> = Vec::new();
        let mut i = 0;
        while let Some(&line) = lines.get(i) {
            let text = line.text;
            if is_blank(text) {
                self.end_paragraph(&mut paragraph);
                i += 1;
                continue;
            }
            if !paragraph.is_empty() {
                if paragraph.len() == 1
                    && let Some(level) = setext_level(text)
                {
                    let title = paragraph
                        .first()
                        .map(|l| without_attributes(l.text.trim()))
                        .unwrap_or_default();
                    let block = if depth == 0 {
                        Block::Heading {
                            level,
                            text: title.to_owned(),
                        }
                    } else {
                        Block::Paragraph {
                            text: title.to_owned(),
                        }
                    };
                    paragraph.clear();
                    self.push(block);
                    i += 1;
                    continue;
                }
                let interrupts = fence(text).is_some_and(|(c, _)| c == b'`')
                    || (in_list && list_marker(text).is_some())
                    || tables::pipe_starts(lines, i);
                if !interrupts {
                    paragraph.push(line);
                    i += 1;
                    continue;
                }
                self.end_paragraph(&mut paragraph);
            }
            if let Some(next) = self.block_start(lines, i, depth, &latex_ends) {
                i = next.max(i + 1);
            } else {
                paragraph.push(line);
                i += 1;
            }
        }
        self.end_paragraph(&mut paragraph);
    }

    /// A block starting at line `i`: the line after it, or `None` when the line starts a
    /// paragraph.
    fn block_start(
        &mut self,
        lines: &[Line<'_>],
        i: usize,
        depth: usize,
        latex_ends: &HashMap<String, Vec<usize>>,
    ) -> Option<usize> {
        let line = *lines.get(i)?;
        let text = line.text;
        if indent_width(text) >= 4 {
            let mut end = i + 1;
            while lines
                .get(end)
                .is_some_and(|l| is_blank(l.text) || indent_width(l.text) >= 4)
            {
                end += 1;
            }
            self.push(Block::Code);
            return Some(end);
        }
        if let Some((c, len)) = fence(text) {
            let mut end = i + 1;
            while let Some(l) = lines.get(end) {
                end += 1;
                let rest = l.text.trim();
                if indent_width(l.text) <= 3 && rest.bytes().all(|b| b == c) && rest.len() >= len {
                    break;
                }
            }
            self.push(Block::Code);
            return Some(end);
        }
        if let Some((level, title)) = atx_heading(text) {
            self.push(if depth == 0 {
                Block::Heading { level, text: title }
            } else {
                Block::Paragraph { text: title }
            });
            return Some(i + 1);
        }
        let trimmed = text.trim_start();
        if trimmed.starts_with("<!--") && !self.comment_close_missing {
            let mut end = i;
            let mut from = text.len() - trimmed.len() + 4;
            while let Some(l) = lines.get(end) {
                if l.text.get(from..).is_some_and(|rest| rest.contains("-->")) {
                    return Some(end + 1);
                }
                from = 0;
                end += 1;
            }
            self.comment_close_missing = true;
            return None;
        }
        if let Some(name) = latex_begin(text) {
            let ends = latex_ends.get(name)?;
            let at = ends.partition_point(|&e| e < i);
            let end = *ends.get(at)?;
            let body = lines
                .get(i..=end)
                .unwrap_or_default()
                .iter()
                .map(|l| l.text)
                .collect::<Vec<_>>()
                .join("\n");
            self.push(Block::Latex {
                name: name.to_owned(),
                body,
            });
            return Some(end + 1);
        }
        if let Some((table, next)) = tables::grid(lines, i)
            .or_else(|| tables::multiline(lines, i))
            .or_else(|| tables::simple(lines, i))
            .or_else(|| tables::pipe(lines, i))
        {
            self.push(Block::Table(table));
            return Some(next);
        }
        if is_rule(text) {
            return Some(i + 1);
        }
        if trimmed.starts_with(":::") {
            return Some(i + 1);
        }
        if trimmed.starts_with("[^") {
            return self.footnote_definition(lines, i);
        }
        if let Some(label) = link_definition(text) {
            self.parsed.labels.insert(label);
            return Some(i + 1);
        }
        if is_html_only(text) {
            return Some(i + 1);
        }
        if depth < MAX_DEPTH {
            if trimmed.starts_with('>') && indent_width(text) <= 3 {
                return Some(self.quote(lines, i, depth));
            }
            if let Some(marker) = list_marker(text) {
                return Some(self.list(lines, i, depth, marker));
            }
        }
        None
    }

    /// A block quote from line `i`: its lines without their `>` markers (nested quotes
    /// flattened), read as blocks.
    fn quote(&mut self, lines: &[Line<'_>], i: usize, depth: usize) -> usize {
        let mut inner = Vec::new();
        let mut end = i;
        let mut previous_blank = false;
        while let Some(&line) = lines.get(end) {
            let trimmed = line.text.trim_start();
            if trimmed.starts_with('>') {
                let mut stripped = line.skip(line.text.len() - trimmed.len());
                while let Some(rest) = stripped.text.strip_prefix('>') {
                    let skip = 1 + usize::from(rest.starts_with(' '));
                    stripped = stripped.skip(skip);
                    let spaces = stripped.text.len() - stripped.text.trim_start_matches(' ').len();
                    if !stripped.text.trim_start_matches(' ').starts_with('>') || spaces > 3 {
                        break;
                    }
                    stripped = stripped.skip(spaces);
                }
                previous_blank = is_blank(stripped.text);
                inner.push(stripped);
            } else if !is_blank(line.text) && !previous_blank {
                inner.push(line);
            } else {
                break;
            }
            end += 1;
        }
        self.blocks(&inner, depth + 1, false);
        end
    }

    /// A list from line `i` (its first marker's content at `marker`: column and byte): each
    /// item's lines read as blocks.
    fn list(
        &mut self,
        lines: &[Line<'_>],
        i: usize,
        depth: usize,
        marker: (usize, usize),
    ) -> usize {
        let mut start = i;
        let (mut content, mut content_byte) = marker;
        loop {
            let Some(&first) = lines.get(start) else {
                return start;
            };
            let mut item = vec![first.skip(content_byte)];
            let mut end = start + 1;
            let mut saw_blank = false;
            while let Some(&line) = lines.get(end) {
                if is_blank(line.text) {
                    saw_blank = true;
                    item.push(line);
                } else if indent_width(line.text) >= content {
                    saw_blank = false;
                    item.push(dedent(line, content));
                } else if list_marker(line.text).is_some() || saw_blank {
                    break;
                } else {
                    item.push(line);
                }
                end += 1;
            }
            while item.last().is_some_and(|l| is_blank(l.text)) {
                item.pop();
            }
            self.blocks(&item, depth + 1, true);
            match lines.get(end).and_then(|l| list_marker(l.text)) {
                Some(next) => {
                    start = end;
                    (content, content_byte) = next;
                }
                None => return end,
            }
        }
    }

    /// `[^id]: text` with its continuation lines.
    fn footnote_definition(&mut self, lines: &[Line<'_>], i: usize) -> Option<usize> {
        let text = lines.get(i)?.text.trim_start();
        let close = text.find("]:")?;
        let id = text.get(2..close)?;
        if id.is_empty() || id.contains(char::is_whitespace) || id.contains(['[', ']']) {
            return None;
        }
        let mut body = vec![text.get(close + 2..).unwrap_or_default().trim()];
        let mut end = i + 1;
        let mut saw_blank = false;
        while let Some(line) = lines.get(end) {
            if is_blank(line.text) {
                saw_blank = true;
            } else if indent_width(line.text) >= 4
                || (!saw_blank && list_marker(line.text).is_none())
            {
                if saw_blank {
                    body.push("");
                }
                saw_blank = false;
                body.push(line.text.trim());
            } else {
                break;
            }
            end += 1;
        }
        self.parsed
            .footnotes
            .entry(id.to_owned())
            .or_insert_with(|| body.join("\n"));
        Some(end)
    }
}

/// `[label]: url`: the label, lower case.
fn link_definition(text: &str) -> Option<String> {
    if indent_width(text) > 3 {
        return None;
    }
    let rest = text.trim_start().strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = rest.get(..close)?;
    let target = rest.get(close + 2..)?.trim();
    if label.trim().is_empty() || label.starts_with('^') || label.contains('[') || target.is_empty()
    {
        return None;
    }
    if target.contains(' ') && !target.starts_with('<') {
        let (url, title) = target.split_once(' ')?;
        if url.is_empty() || !title.trim_start().starts_with(['"', '\'', '(']) {
            return None;
        }
    }
    Some(
        label
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    )
}

/// For each LaTeX environment name, the lines an `\end{name}` stands on.
fn latex_end_index(lines: &[Line<'_>]) -> HashMap<String, Vec<usize>> {
    let mut ends: HashMap<String, Vec<usize>> = HashMap::new();
    for (n, line) in lines.iter().enumerate() {
        let mut rest = line.text;
        while let Some(at) = rest.find("\\end{") {
            let after = rest.get(at + 5..).unwrap_or_default();
            let Some(close) = after.find('}') else { break };
            let name = after.get(..close).unwrap_or_default();
            let list = ends.entry(name.to_owned()).or_default();
            if list.last() != Some(&n) {
                list.push(n);
            }
            rest = after.get(close..).unwrap_or_default();
        }
    }
    ends
}

/// Whether a paragraph is a table caption (`Table: …` or `: …`): its text without the prefix.
fn caption_text(text: &str) -> Option<&str> {
    let trimmed = text.trim_start();
    trimmed
        .strip_prefix("Table:")
        .or_else(|| trimmed.strip_prefix("table:"))
        .or_else(|| trimmed.strip_prefix(": "))
        .map(str::trim)
}

/// Gives each table its caption paragraph (right after it, else right before it).
fn attach_captions(blocks: &mut Vec<Block>) {
    let mut remove = vec![false; blocks.len()];
    for at in 0..blocks.len() {
        let Some(Block::Paragraph { text }) = blocks.get(at) else {
            continue;
        };
        let Some(caption) = caption_text(text).map(str::to_owned) else {
            continue;
        };
        let before = at
            .checked_sub(1)
            .filter(|&b| !remove.get(b).copied().unwrap_or(true));
        let target = [before, Some(at + 1)].into_iter().flatten().find(
            |&t| matches!(blocks.get(t), Some(Block::Table(table)) if table.caption.is_none()),
        );
        if let Some(target) = target
            && let Some(Block::Table(table)) = blocks.get_mut(target)
        {
            table.caption = Some(caption);
            if let Some(flag) = remove.get_mut(at) {
                *flag = true;
            }
        }
    }
    let mut flags = remove.into_iter();
    blocks.retain(|_| !flags.next().unwrap_or(false));
}

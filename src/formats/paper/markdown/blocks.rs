//! Pandoc Markdown blocks, line by line: ATX and setext headings, paragraphs, fenced and
//! indented code, block quotes and lists (their paragraphs), tables, figures (a paragraph that
//! is only an image), raw LaTeX environments (read as an equation, a table or a figure when
//! they are one), footnote and link definitions, HTML comments, rules and fenced-div fences.
//!
//! One pass over the lines; a container (quote, list item) is read again on its own lines,
//! at most [`MAX_DEPTH`] deep, so the work stays linear in the text. Every search for a closing
//! line (`\end{…}`, `-->`) is remembered or looked up in an index made once.

use std::collections::{HashMap, HashSet};

use super::crossref::{CustomKind, custom_kind};
use super::floats;
use super::line::{
    Line, TABLE_NOUNS, atx_heading, caption_text, closes_fence, dedent, fence, indent_width,
    is_blank, is_html_only, is_lone_latex_command, is_rule, latex_begin, latex_end_index,
    link_definition, list_marker, printed_caption, setext_level, without_attributes,
};
use super::tables::{self, TableBlock};
use super::{chunks, latex, manubot};
use crate::formats::paper::lists::Numbering;

/// How deep quotes and list items are read as containers; deeper, their lines are text.
const MAX_DEPTH: usize = 8;

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
    /// A table: Markdown's, or a LaTeX `table` holding a `tabular`.
    Table(TableBlock),
    /// A figure: a paragraph that is only an image (`![caption](file){#fig:x}`), or a LaTeX
    /// `figure` environment.
    Figure {
        /// The caption as written (Markdown, or LaTeX text made plain).
        caption: String,
        /// The image's file name, if any.
        image: Option<String>,
        /// Its label (`\label{x}` or `{#x}`), or empty.
        label: String,
        /// The labels of its parts (Quarto's subfigures), in order, each possibly empty:
        /// `@fig-x-2` names the second, "Figure 1 (b)".
        parts: Vec<String>,
    },
    /// A LaTeX equation environment (`equation`, `align*` …).
    Equation {
        /// The environment's name.
        environment: String,
        /// From `\begin{…}` to `\end{…}`, as written.
        body: String,
        /// The TeX shown: the body without its label (and, for `equation`, its
        /// `\begin`/`\end`).
        tex: String,
        /// Its `\label`, or empty.
        label: String,
    },
    /// A raw LaTeX environment paperlens does not read: left out of the text.
    Latex,
    /// The fence opening a div of the class `abstract` (`::: abstract`, `::: {.abstract}`).
    AbstractOpens,
    /// The fence closing it.
    AbstractCloses,
    /// The fence opening a Quarto callout (`::: {.callout-tip title="…"}`): a box.
    CalloutOpens {
        /// What kind of callout, as Quarto heads it: `Note`, `Tip`, `Warning`, …
        label: String,
        /// Its `title` attribute, or empty.
        title: String,
    },
    /// The fence closing it.
    CalloutCloses,
}

/// What a fenced div is, as far as the text is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Div {
    Abstract,
    Callout,
    /// A float (`::: {#fig-x}`): its label, and where its blocks start.
    Float {
        label: String,
        start: usize,
    },
    Other,
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
    /// Citation keys defined for others (`[@tag:x]: doi:…`): key → the key it stands for.
    pub(super) key_definitions: HashMap<String, String>,
}

/// Takes the blocks of `range` out of `blocks` but those at the places `kept`, which stay
/// where the range stood.
pub(super) fn remove_all_but(
    blocks: &mut Vec<Block>,
    range: std::ops::Range<usize>,
    kept: &[usize],
) {
    let start = range.start;
    let removed: Vec<Block> = blocks.drain(range).collect();
    let stay = removed
        .into_iter()
        .enumerate()
        .filter(|(offset, _)| kept.contains(&(start + offset)))
        .map(|(_, block)| block);
    blocks.splice(start..start, stay);
}

/// Reads the blocks of `lines`; a div labelled as a float (`::: {#fig-x}`, `{#tbl-x}`, or of
/// one of the custom `kinds`) is that figure or table.
pub(super) fn parse(lines: &[Line<'_>], kinds: &[CustomKind]) -> Parsed {
    let mut parser = Parser {
        kinds: kinds.to_vec(),
        ..Parser::default()
    };
    parser.blocks(lines, 0, false);
    // A float whose closing fence is missing ends with the paper.
    while let Some(div) = parser.divs.pop() {
        if let Div::Float { label, start } = div {
            parser.close_float(label, start);
        }
    }
    attach_captions(&mut parser.parsed.blocks);
    parser.parsed
}

#[derive(Default)]
struct Parser {
    parsed: Parsed,
    /// No `-->` closes a comment after some line: further `<!--` lines are text.
    comment_close_missing: bool,
    /// The marker of the list item being read (`•`, `2.`, `(a)`), until its first paragraph
    /// takes it.
    item_marker: Option<String>,
    /// The fenced divs open, innermost last.
    divs: Vec<Div>,
    /// The kinds of float the paper declares (`crossref: custom:`).
    kinds: Vec<CustomKind>,
}

impl Parser {
    /// Adds `block`; a paragraph that is only an image is a figure.
    fn push(&mut self, block: Block) {
        let block = match block {
            Block::Paragraph { text } => lone_image(&text).unwrap_or(Block::Paragraph { text }),
            block => block,
        };
        self.parsed.blocks.push(block);
    }

    /// A fenced div's fence: one with attributes opens a div, a bare one closes the innermost;
    /// an abstract's and a callout's (not one inside another) are kept as blocks.
    fn div_fence(&mut self, fence: &str) {
        let attributes = fence.trim_start_matches(':').trim_end_matches(':').trim();
        if attributes.is_empty() {
            match self.divs.pop() {
                Some(Div::Abstract) => self.parsed.blocks.push(Block::AbstractCloses),
                Some(Div::Callout) => self.parsed.blocks.push(Block::CalloutCloses),
                Some(Div::Float { label, start }) => self.close_float(label, start),
                _ => {}
            }
            return;
        }
        let inner = attributes.trim_matches(['{', '}']);
        let classes = || {
            inner
                .split_whitespace()
                .filter(|word| !word.contains('='))
                .map(|word| word.trim_start_matches('.'))
        };
        let callout = classes().find_map(|class| class.strip_prefix("callout-"));
        let float = inner
            .split_whitespace()
            .find_map(|word| word.strip_prefix('#'))
            .filter(|label| {
                ["fig-", "tbl-"]
                    .iter()
                    .any(|prefix| label.len() > prefix.len() && label.starts_with(prefix))
                    || custom_kind(&self.kinds, label).is_some()
            });
        let div = if classes().any(|class| class == "abstract") {
            self.parsed.blocks.push(Block::AbstractOpens);
            Div::Abstract
        } else if let Some(kind) = callout.filter(|_| !self.divs.contains(&Div::Callout)) {
            let mut label = kind.to_owned();
            if let Some(first) = label.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            self.parsed.blocks.push(Block::CalloutOpens {
                label,
                title: attribute(inner, "title").unwrap_or_default().to_owned(),
            });
            Div::Callout
        } else if let Some(label) = float {
            Div::Float {
                label: label.to_owned(),
                start: self.parsed.blocks.len(),
            }
        } else {
            Div::Other
        };
        self.divs.push(div);
    }

    /// The blocks of a float div (`::: {#fig-x}` … `:::`), from `start` on, as its figure or
    /// table ([`floats::float_div`]).
    fn close_float(&mut self, label: String, start: usize) {
        let inside = self
            .parsed
            .blocks
            .split_off(start.min(self.parsed.blocks.len()));
        let blocks = floats::float_div(inside, label, &self.kinds);
        self.parsed.blocks.extend(blocks);
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
            let text = match self.item_marker.take() {
                Some(marker) => format!("{marker} {text}"),
                None => text,
            };
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
                // A fenced div's fence (`::: note`, the closing `:::`) ends the paragraph
                // before it, as Pandoc reads it; so does a LaTeX environment opening on a line
                // of its own (the JOSS template's `\begin{equation}` right under a line of
                // text), set apart as LaTeX sets it.
                let interrupts = fence(text).is_some_and(|(c, _)| c == b'`')
                    || (indent_width(text) <= 3 && text.trim_start().starts_with(":::"))
                    || (in_list && list_marker(text).is_some())
                    || tables::pipe_starts(lines, i)
                    || latex_begin(text).is_some_and(|name| {
                        is_display_environment(name)
                            && latex_ends
                                .get(name)
                                .is_some_and(|ends| ends.iter().any(|&end| end >= i))
                    });
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
            let (block, end) = fenced(lines, i, c, len);
            self.push(block);
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
            self.push(latex::block(name, body));
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
            self.div_fence(trimmed);
            return Some(i + 1);
        }
        if trimmed.starts_with("[^") {
            return self.footnote_definition(lines, i);
        }
        if indent_width(text) <= 3
            && let Some((key, target)) = manubot::key_definition(text)
        {
            self.parsed.key_definitions.insert(key, target);
            return Some(i + 1);
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
    /// item's lines read as blocks, its first paragraph opening with its marker as printed (a
    /// bullet as `•`).
    fn list(
        &mut self,
        lines: &[Line<'_>],
        i: usize,
        depth: usize,
        marker: (usize, usize),
    ) -> usize {
        let mut start = i;
        let (mut content, mut content_byte) = marker;
        let mut n = 0;
        loop {
            n += 1;
            let Some(&first) = lines.get(start) else {
                return start;
            };
            self.item_marker = Some(printed_marker(
                first.text.get(..content_byte).unwrap_or_default(),
                n,
            ));
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
            // An item that holds no paragraph (only code, say) leaves its marker unused.
            self.item_marker = None;
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

/// A caption without the attributes at its end (`Results. {#tbl:results}`, or on an empty
/// span, `Results. []{#tbl:results}`, as pandoc-crossref also reads them), and the id they
/// give.
fn caption_and_id(caption: &str) -> (String, Option<String>) {
    let trimmed = caption.trim_end();
    let attributes = trimmed
        .strip_suffix('}')
        .and_then(|inner| inner.rsplit_once('{'))
        .filter(|(_, inside)| inside.trim_start().starts_with('#'));
    match attributes {
        Some((text, inside)) => {
            let id = inside
                .split_whitespace()
                .next()
                .and_then(|id| id.strip_prefix('#'))
                .filter(|id| !id.is_empty())
                .map(str::to_owned);
            let text = text.trim_end();
            let text = text.strip_suffix("[]").unwrap_or(text).trim_end();
            (text.to_owned(), id)
        }
        None => (caption.to_owned(), None),
    }
}

/// Gives each table its caption paragraph (right before it, else right after it), and the id
/// its attributes give (`: Results. {#tbl:results}`). A caption written as the paper prints it
/// (`Table 1: Results`) gives the table its label too.
fn attach_captions(blocks: &mut Vec<Block>) {
    let mut remove = vec![false; blocks.len()];
    for at in 0..blocks.len() {
        let Some(Block::Paragraph { text }) = blocks.get(at) else {
            continue;
        };
        let (label, caption) = match (caption_text(text), printed_caption(text, TABLE_NOUNS)) {
            (Some(caption), _) => (None, caption.to_owned()),
            (None, Some((label, caption))) => (Some(label), caption),
            (None, None) => continue,
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
            let (caption, id) = caption_and_id(&caption);
            table.caption = Some(caption);
            table.label = label;
            if let Some(id) = id.filter(|_| table.id.is_empty()) {
                table.id = id;
            }
            if let Some(flag) = remove.get_mut(at) {
                *flag = true;
            }
        }
    }
    let mut flags = remove.into_iter();
    blocks.retain(|_| !flags.next().unwrap_or(false));
}

/// The marker of the `n`th item of a list as the paper prints it, from its source `written`
/// (`"* "`, `"2. "`, `"(a) "`): a bullet (`*`, `+`, `-`) as `•`, Pandoc's `#.` as the item's
/// number, any other marker as written.
fn printed_marker(written: &str, n: usize) -> String {
    match written.trim() {
        "*" | "+" | "-" => Numbering::Bullet.marker(n),
        "#." => Numbering::Decimal.marker(n),
        other => other.to_owned(),
    }
}

/// A paragraph that is only an image, `![caption](file){…}`, as a figure: its caption, its file
/// and its label (`\label{x}` in the caption, or `{#x}` after the image).
fn lone_image(text: &str) -> Option<Block> {
    let text = text.trim();
    let inner = text.strip_prefix("![")?;
    let mut depth = 1usize;
    let mut escaped = false;
    let mut close = None;
    for (at, c) in inner.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(at);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let caption = inner.get(..close)?;
    let rest = inner.get(close + 1..)?.strip_prefix('(')?;
    let mut depth = 1usize;
    let end = rest.char_indices().find_map(|(at, c)| {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        (depth == 0).then_some(at)
    })?;
    let destination = rest.get(..end)?.trim();
    let after = rest.get(end + 1..)?.trim();
    let attributes_only = after.starts_with('{')
        && after.ends_with('}')
        && !after.get(1..).unwrap_or_default().contains('{');
    if !after.is_empty() && !attributes_only {
        return None;
    }
    let file = match destination.strip_prefix('<') {
        Some(bracketed) => bracketed.split('>').next().unwrap_or_default(),
        None => destination.split_whitespace().next().unwrap_or_default(),
    };
    let label = caption_label(caption)
        .or_else(|| {
            let id = after.strip_prefix('{')?.trim_start().strip_prefix('#')?;
            id.split(|c: char| c.is_whitespace() || c == '}').next()
        })
        .unwrap_or_default();
    Some(Block::Figure {
        caption: caption.to_owned(),
        image: (!file.is_empty()).then(|| file.to_owned()),
        label: label.trim().to_owned(),
        parts: Vec::new(),
    })
}

/// The code block whose fence (`len` times `c`) opens at line `i`: the figure or table an
/// executable chunk makes, or code left out of the text; and the line after its closing fence.
fn fenced(lines: &[Line<'_>], i: usize, c: u8, len: usize) -> (Block, usize) {
    let mut end = i + 1;
    let mut closed = false;
    while let Some(l) = lines.get(end) {
        end += 1;
        if closes_fence(l.text, c, len) {
            closed = true;
            break;
        }
    }
    let info = lines
        .get(i)
        .and_then(|l| l.text.trim_start().get(len..))
        .unwrap_or_default();
    let body: Vec<&str> = lines
        .get(i + 1..end - usize::from(closed))
        .unwrap_or_default()
        .iter()
        .map(|l| l.text)
        .collect();
    (chunks::float(info, &body).unwrap_or(Block::Code), end)
}

/// The label a caption gives: `\label{x}`.
pub(super) fn caption_label(caption: &str) -> Option<&str> {
    let (_, after) = caption.split_once("\\label{")?;
    after.split('}').next()
}

/// Whether a LaTeX environment is set apart from the text around it (an equation, a float, a
/// list), not a part of a formula (`cases`, `array`) that a `$$` block may hold.
fn is_display_environment(name: &str) -> bool {
    matches!(
        name.trim_end_matches('*'),
        "equation"
            | "align"
            | "gather"
            | "multline"
            | "eqnarray"
            | "displaymath"
            | "figure"
            | "table"
            | "itemize"
            | "enumerate"
            | "description"
    )
}

/// The value of `name="…"` among a div's attributes (`.callout-tip title="Mind the gap"`).
fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let at = attributes.find(&format!("{name}=\""))? + name.len() + 2;
    let rest = attributes.get(at..)?;
    rest.get(..rest.find('"')?)
}

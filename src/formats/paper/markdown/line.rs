//! What one line of a Markdown paper is: its indentation, a list marker, a code fence, an ATX
//! heading or a setext underline, a rule, the start of a LaTeX environment, HTML only, a
//! link definition; and the paper cut into lines.

use std::collections::HashMap;

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
    pub(super) fn skip(self, bytes: usize) -> Self {
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
pub(super) fn dedent(line: Line<'_>, columns: usize) -> Line<'_> {
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

pub(super) fn is_blank(text: &str) -> bool {
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
pub(super) fn fence(text: &str) -> Option<(u8, usize)> {
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

/// Whether `text` closes a code fence opened by `len` times `c`: only that character, as many
/// times or more, indented at most three columns.
pub(super) fn closes_fence(text: &str, c: u8, len: usize) -> bool {
    let rest = text.trim();
    indent_width(text) <= 3 && rest.bytes().all(|b| b == c) && rest.len() >= len
}

/// `===` or `---` under a one-line paragraph: the heading level.
pub(super) fn setext_level(text: &str) -> Option<usize> {
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
pub(super) fn is_rule(text: &str) -> bool {
    let rest = text.trim();
    let Some(c) = rest.chars().next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    indent_width(text) <= 3
        && rest.chars().all(|x| x == c || x == ' ' || x == '\t')
        && rest.chars().filter(|&x| x == c).count() >= 3
}

/// An ATX heading: level and text.
pub(super) fn atx_heading(text: &str) -> Option<(usize, String)> {
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
pub(super) fn without_attributes(title: &str) -> &str {
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
pub(super) fn latex_begin(text: &str) -> Option<&str> {
    let rest = text.trim_start().strip_prefix("\\begin{")?;
    let end = rest.find('}')?;
    let name = rest.get(..end)?;
    (!name.is_empty() && name.len() <= 40).then_some(name)
}

/// Whether a line is nothing but HTML tags (`<div>`, `</center>`, `<br/>`).
pub(super) fn is_html_only(text: &str) -> bool {
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
pub(super) fn is_lone_latex_command(text: &str) -> bool {
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

/// `[label]: url`: the label, lower case.
pub(super) fn link_definition(text: &str) -> Option<String> {
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
pub(super) fn latex_end_index(lines: &[Line<'_>]) -> HashMap<String, Vec<usize>> {
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
pub(super) fn caption_text(text: &str) -> Option<&str> {
    let trimmed = text.trim_start();
    trimmed
        .strip_prefix("Table:")
        .or_else(|| trimmed.strip_prefix("table:"))
        .or_else(|| trimmed.strip_prefix(": "))
        .map(str::trim)
}

/// The words a table's printed label starts with.
pub(super) const TABLE_NOUNS: &[&str] = &["Table", "TABLE"];

/// The words a figure's printed label starts with.
pub(super) const FIGURE_NOUNS: &[&str] = &["Figure", "FIGURE", "Fig.", "Fig"];

/// Whether a text is a caption that prints its own label (`Table 1: Input values`,
/// `**Table 2.** Results`, `Figure 3. A plot`), one of `nouns` and a number: the label
/// (`Table 1`) and the caption after it (`**Table 2. Results**. More` keeps `**Results**`).
pub(super) fn printed_caption(text: &str, nouns: &[&str]) -> Option<(String, String)> {
    let emphasis = ['*', '_'];
    let text = text.trim();
    let rest = text.trim_start_matches(emphasis);
    let opening = text.get(..text.len() - rest.len())?;
    let (noun, rest) = nouns.iter().find_map(|noun| {
        let rest = rest.strip_prefix(noun)?;
        rest.starts_with(' ').then_some((noun, rest.trim_start()))
    })?;
    // The stop after the number: `Table 1.2: …` is numbered `1.2`.
    let stop = rest
        .match_indices([':', '.'])
        .map(|(at, _)| at)
        .find(|&at| {
            rest.get(at + 1..)
                .is_none_or(|after| after.is_empty() || after.starts_with([' ', '*', '_']))
        })?;
    let written = rest.get(..stop)?.trim();
    let number = written.trim_end_matches(emphasis);
    let is_number = !number.is_empty()
        && number.chars().count() <= 8
        && number.chars().any(|c| c.is_ascii_digit())
        && number.chars().all(|c| c.is_alphanumeric() || c == '.');
    let after = rest.get(stop + 1..)?.trim_start();
    // Emphasis opened before the label closes after it (`**Table 2.**`), or before it
    // (`**Table 2**:`), or around the title that follows (`**Table 2. Title**.`).
    let closed = number.len() < written.len();
    let caption = match after.strip_prefix(opening) {
        Some(plain) if !opening.is_empty() => plain.trim().to_owned(),
        _ if opening.is_empty() || closed => after.trim_start_matches(emphasis).trim().to_owned(),
        _ => format!("{opening}{}", after.trim()),
    };
    let empty = caption.trim_matches(emphasis).trim().is_empty();
    (is_number && !empty).then(|| (format!("{noun} {number}"), caption))
}

/// Whether an image's attributes (`{height="11px" width="11px"}`) size it as an icon: a width
/// or height of at most 32 pixels.
pub(super) fn is_icon(attributes: &str) -> bool {
    attributes
        .split(|c: char| c.is_whitespace() || c == '{')
        .filter_map(|attribute| {
            attribute
                .strip_prefix("width=")
                .or_else(|| attribute.strip_prefix("height="))
        })
        .filter_map(|value| value.trim_matches(['"', '\'', '}']).strip_suffix("px"))
        .any(|pixels| pixels.parse::<f32>().is_ok_and(|n| n <= 32.0))
}

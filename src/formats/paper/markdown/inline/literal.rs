//! Text the inline pass keeps as written or drops: code spans, inline and display math,
//! autolinks, HTML tags and comments, character entities; and the stand-ins for characters
//! written literally (`\[`, `\@`, `\;` …).

use super::{
    LITERAL_AT, LITERAL_BACKSLASH, LITERAL_BRACKET, LITERAL_DOLLAR, LITERAL_SEMICOLON, RawChunk,
    Scanner,
};

impl Scanner<'_, '_> {
    /// `<…>`: an autolink (its address), an HTML comment or tag (dropped), or a literal `<`.
    pub(super) fn angle(&mut self) {
        let start = self.pos;
        let rest = self.src.get(start + 1..).unwrap_or_default();
        if rest.starts_with("!--") && !self.missing.comment_close {
            if let Some(end) = rest.get(3..).and_then(|r| r.find("-->")) {
                self.pos = start + 1 + 3 + end + 3;
                return;
            }
            self.missing.comment_close = true;
        }
        let link_len = rest
            .bytes()
            .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'<' | b'>'))
            .count();
        if rest.as_bytes().get(link_len) == Some(&b'>') && link_len > 0 {
            let address = rest.get(..link_len).unwrap_or_default();
            let scheme = address.split_once(':').is_some_and(|(scheme, _)| {
                (2..=32).contains(&scheme.len())
                    && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
            });
            let email = address.contains('@') && !address.starts_with('@');
            if scheme || email {
                for c in address.chars() {
                    push_literal(&mut self.out, c);
                }
                self.pos = start + 1 + link_len + 1;
                return;
            }
        }
        let name = rest.strip_prefix('/').unwrap_or(rest);
        let name_len = name
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        let tag_like = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name
                .as_bytes()
                .get(name_len)
                .is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'));
        if tag_like
            && let Some(end) = self.close_angle.next_after(start + 1)
            && self.open_angle.count_between(start + 1, end) == 0
        {
            self.pos = end + 1;
            return;
        }
        self.out.push('<');
        self.pos += 1;
    }

    /// `&amp;`, `&nbsp;`, `&#169;` …: the character; anything else a literal `&`.
    pub(super) fn entity(&mut self) {
        let rest = self.src.get(self.pos + 1..).unwrap_or_default();
        let len = rest
            .bytes()
            .take(12)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        if rest.as_bytes().get(len) == Some(&b';') {
            let name = rest.get(..len).unwrap_or_default();
            let decoded = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                _ => name.strip_prefix('#').and_then(|number| {
                    let value = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => number.parse().ok(),
                    };
                    value.and_then(char::from_u32)
                }),
            };
            if let Some(c) = decoded {
                push_literal(&mut self.out, c);
                self.pos += 1 + len + 1;
                return;
            }
        }
        self.out.push('&');
        self.pos += 1;
    }

    /// A code span: its text, kept literally.
    pub(super) fn code(&mut self) {
        let start = self.pos;
        let len = self
            .bytes
            .get(start..)
            .map_or(1, |rest| rest.iter().take_while(|&&c| c == b'`').count());
        let close = self
            .backtick_runs
            .get(&len)
            .and_then(|runs| runs.next_after(start + len));
        let Some(close) = close else {
            self.out
                .push_str(self.src.get(start..start + len).unwrap_or_default());
            self.pos += len;
            return;
        };
        let content = self.src.get(start + len..close).unwrap_or_default();
        // Code knitr (`` `r n` ``) or Quarto (`` `{python} n` ``) runs for the value it prints
        // when the paper is rendered: kept as written, for it is no part of the text until then.
        let engine = content
            .strip_prefix('{')
            .and_then(|rest| rest.split_once("} "))
            .map(|(engine, _)| engine);
        if content.starts_with("r ")
            || engine.is_some_and(|e| !e.is_empty() && e.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            let written = self.src.get(start..close + len).unwrap_or_default();
            for c in written.chars() {
                push_literal(&mut self.out, if c == '\n' { ' ' } else { c });
            }
            self.computed.push(written.to_owned());
            self.pos = close + len;
            return;
        }
        let content = if content.starts_with(' ') && content.ends_with(' ') && content.len() > 1 {
            content.get(1..content.len() - 1).unwrap_or(content)
        } else {
            content
        };
        for c in content.chars() {
            push_literal(&mut self.out, if c == '\n' { ' ' } else { c });
        }
        self.pos = close + len;
    }

    /// `$…$` kept as written; `$$…$$` a chunk of its own when splitting, else kept.
    pub(super) fn math(&mut self) {
        let start = self.pos;
        let double = self.byte(start + 1) == Some(b'$');
        let close = if double {
            self.double_dollars.next_after(start + 2)
        } else if self.char_at(start + 1).is_some_and(|c| !c.is_whitespace()) {
            // As Pandoc reads it: the next `$` closes it or nothing does (`($) … $x$` is a
            // dollar sign, then math).
            self.single_dollars
                .next_after(start + 1)
                .filter(|&next| self.dollar_closers.next_after(next) == Some(next))
        } else {
            None
        };
        let Some(close) = close else {
            let len = if double { 2 } else { 1 };
            for _ in 0..len {
                push_literal(&mut self.out, '$');
            }
            self.pos += len;
            return;
        };
        let delimiter = if double { 2 } else { 1 };
        let tex = self.src.get(start + delimiter..close).unwrap_or_default();
        let end = close + delimiter;
        if double && self.split_math && !tex.trim().is_empty() {
            let mut label = String::new();
            let mut next = end;
            let rest = self.src.get(end..).unwrap_or_default();
            let trimmed = rest.trim_start_matches([' ', '\t']);
            if trimmed.starts_with("{#")
                && let Some(close_brace) = trimmed.find('}')
            {
                let attributes = trimmed.get(2..close_brace).unwrap_or_default();
                attributes
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .clone_into(&mut label);
                next = end + (rest.len() - trimmed.len()) + close_brace + 1;
            }
            self.flush();
            self.chunks.push(RawChunk::Math {
                tex: tex.trim().to_owned(),
                label,
            });
            self.pos = next;
            return;
        }
        // Inline math keeps its dollars, for the corpus to read it as math; display math
        // standing in text is kept as written.
        let dollar = |out: &mut String| {
            if double {
                push_literal(out, '$');
                push_literal(out, '$');
            } else {
                out.push('$');
            }
        };
        dollar(&mut self.out);
        for c in tex.chars() {
            push_literal(&mut self.out, c);
        }
        dollar(&mut self.out);
        self.pos = end;
    }
}

/// At a backslash in `rest`: how long a LaTeX command of spacing or page breaking is
/// (`\vspace{20pt}`, `\hspace*{1em}`, `\newpage`, `\noindent`), which prints nothing in the
/// text (Quarto captions end with `\vspace{20pt}` for the PDF).
pub(super) fn spacing_command_len(rest: &str) -> Option<usize> {
    let after_slash = rest.strip_prefix('\\')?;
    let name_len = after_slash
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let name = after_slash.get(..name_len)?;
    let end = 1 + name_len;
    match name {
        "vspace" | "hspace" => {
            let star = usize::from(rest.get(end..)?.starts_with('*'));
            let argument = rest.get(end + star..)?.strip_prefix('{')?;
            // Within a line: a brace never closed is text.
            let close = argument.get(..argument.len().min(40))?.find(['}', '\n'])?;
            (argument.as_bytes().get(close) == Some(&b'}')).then_some(end + star + 1 + close + 1)
        }
        "newpage" | "clearpage" | "pagebreak" | "noindent" | "smallskip" | "medskip"
        | "bigskip" => Some(end),
        _ => None,
    }
}

/// Appends `c` as literal text: `[`, `@`, `\`, `$` and `;` as their stand-ins, stand-ins in
/// the source as the replacement character.
pub(super) fn push_literal(out: &mut String, c: char) {
    match c {
        '[' => out.push(LITERAL_BRACKET),
        '@' => out.push(LITERAL_AT),
        '\\' => out.push(LITERAL_BACKSLASH),
        '$' => out.push(LITERAL_DOLLAR),
        ';' => out.push(LITERAL_SEMICOLON),
        '\u{E000}'..='\u{E006}' => out.push('\u{FFFD}'),
        c if c.is_control() && c != '\n' && c != '\t' => {}
        c => out.push(c),
    }
}

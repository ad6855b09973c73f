//! The LaTeX a BibTeX value may hold, decoded to plain Unicode text: what the `biblatex` parser
//! leaves (`~`, TeX quotes, formatting and quotation commands) and the escaped specials
//! (`\{`, `\textasciitilde` …), which are set apart before parsing so that decoding cannot
//! mistake them for syntax.

/// Characters written escaped in BibTeX because they are LaTeX syntax, and the private-use
/// characters that stand for them between parsing and decoding.
const LITERALS: [(&str, char, char); 7] = [
    ("\\textasciitilde{}", '\u{e000}', '~'),
    ("\\textasciitilde", '\u{e000}', '~'),
    ("\\textasciicircum{}", '\u{e001}', '^'),
    ("\\textbackslash{}", '\u{e002}', '\\'),
    ("\\textbackslash", '\u{e002}', '\\'),
    ("\\{", '\u{e003}', '{'),
    ("\\}", '\u{e004}', '}'),
];

/// The source with escaped literal specials replaced by placeholders (see [`LITERALS`]).
pub(super) fn protect_literals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        if c == '\\' {
            for (escaped, placeholder, _) in LITERALS {
                if let Some(after) = rest.strip_prefix(escaped) {
                    out.push(placeholder);
                    rest = after;
                    continue 'outer;
                }
            }
            // A starred command, `\enquote*{x}`: the parser would lose its argument, so the
            // star goes (`\enquote*` is the single-quoted form).
            let name_len = rest
                .get(1..)
                .unwrap_or_default()
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(0);
            if name_len > 0
                && let Some(name) = rest.get(1..=name_len)
                && let Some(after) = rest.get(name_len + 1..).and_then(|r| r.strip_prefix('*'))
            {
                out.push('\\');
                out.push_str(if name == "enquote" {
                    "enquotesingle"
                } else {
                    name
                });
                rest = after;
                continue;
            }
            // Any other escape is copied whole, so that `\\{` is not read as `\` + `\{`.
            let len = rest.chars().take(2).map(char::len_utf8).sum::<usize>();
            out.push_str(rest.get(..len).unwrap_or(rest));
            rest = rest.get(len..).unwrap_or_default();
            continue;
        }
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

/// The placeholders of [`protect_literals`] back as the characters they stand for.
pub(super) fn restore_literals(text: &str) -> String {
    text.chars()
        .map(|c| {
            LITERALS
                .iter()
                .find(|(_, placeholder, _)| *placeholder == c)
                .map_or(c, |(_, _, literal)| *literal)
        })
        .collect()
}

/// Formatting commands whose argument is the text (`\emph{x}` → `x`).
const TEXT_COMMANDS: [&str; 20] = [
    "emph",
    "textit",
    "textbf",
    "texttt",
    "textsc",
    "textsf",
    "textrm",
    "textup",
    "textsl",
    "textmd",
    "textnormal",
    "mkbibemph",
    "mkbibitalic",
    "mkbibbold",
    "underline",
    "mbox",
    "hbox",
    "url",
    "path",
    "ensuremath",
];

/// Decodes the LaTeX that the BibTeX parser leaves in a value: `~` (a no-break space),
/// TeX quotes (` ``x'' ` → “x”), quotation commands (`\mkbibquote{x}`, `\enquote{x}` → “x”),
/// formatting commands (their argument is kept), `\autocap{x}` (capitalised) and commands
/// that only steer TeX (`\protect`, `\noopsort{…}`), and collapses white space.
#[must_use]
pub fn decode_latex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    decode_into(&chars, &mut out);
    // Collapse white space, but keep the no-break spaces `~` stands for.
    let mut collapsed = String::with_capacity(out.len());
    for word in out.split(|c: char| c.is_ascii_whitespace()) {
        if !word.is_empty() {
            if !collapsed.is_empty() {
                collapsed.push(' ');
            }
            collapsed.push_str(word);
        }
    }
    restore_literals(&collapsed)
}

fn decode_into(chars: &[char], out: &mut String) {
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => {
                let name_start = i + 1;
                let mut end = name_start;
                while chars.get(end).is_some_and(char::is_ascii_alphabetic) {
                    end += 1;
                }
                if end == name_start {
                    // `\,` and other one-character commands: a thin space, or the character.
                    match chars.get(name_start) {
                        Some(',' | ';' | ' ') => out.push(' '),
                        Some('/' | '-') | None => {}
                        Some(&other) => out.push(other),
                    }
                    i = name_start + 1;
                    continue;
                }
                let name: String = chars
                    .get(name_start..end)
                    .unwrap_or_default()
                    .iter()
                    .collect();
                let mut next = end;
                while chars.get(next).is_some_and(|c| *c == ' ') {
                    next += 1;
                }
                let argument = if chars.get(next) == Some(&'{') {
                    matching_brace(chars, next).map(|close| (next + 1, close))
                } else {
                    None
                };
                let decoded_argument = || {
                    let mut inner = String::new();
                    if let Some((from, to)) = argument {
                        decode_into(chars.get(from..to).unwrap_or_default(), &mut inner);
                    }
                    inner
                };
                match name.as_str() {
                    "mkbibquote" | "enquote" | "textquote" => {
                        out.push('“');
                        out.push_str(&decoded_argument());
                        out.push('”');
                    }
                    "enquotesingle" => {
                        out.push('‘');
                        out.push_str(&decoded_argument());
                        out.push('’');
                    }
                    "hyphen" => out.push('-'),
                    "autocap" => {
                        let inner = decoded_argument();
                        let mut inner_chars = inner.chars();
                        if let Some(first) = inner_chars.next() {
                            out.extend(first.to_uppercase());
                            out.push_str(inner_chars.as_str());
                        }
                    }
                    "slash" => out.push('/'),
                    "noopsort" | "nocite" | "label" | "index" => {}
                    _ if TEXT_COMMANDS.contains(&name.as_str()) => {
                        out.push_str(&decoded_argument());
                    }
                    _ => {
                        // An unknown command: its argument is the best guess at the text.
                        out.push_str(&decoded_argument());
                    }
                }
                i = match argument {
                    Some((_, close)) => close + 1,
                    None => next.max(end),
                };
            }
            '{' | '}' => i += 1,
            '~' => {
                out.push('\u{a0}');
                i += 1;
            }
            '`' if chars.get(i + 1) == Some(&'`') => {
                out.push('“');
                i += 2;
            }
            '\'' if chars.get(i + 1) == Some(&'\'') => {
                out.push('”');
                i += 2;
            }
            '`' => {
                out.push('‘');
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// The position of the `}` closing the `{` at `open`.
fn matching_brace(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::formats::bibtex::read_one as one;

    #[test]
    fn accents_and_leftover_latex_become_unicode() {
        let r = one(
            r#"@book{k, author = {M{\"u}ller, J{\"o}rg and {\O}stergaard, S{\o}ren and Gar{\c{c}}on, Fran\c{c}ois},
 title = {Caf\'e \mkbibquote{Stra{\ss}e} \emph{and} ``more'' p.~12 \autocap{e}xcerpt, {\TeX}}, year = 2001}"#,
        );
        assert_eq!(r.author[0].family, "Müller");
        assert_eq!(r.author[0].given, "Jörg");
        assert_eq!(r.author[1].family, "Østergaard");
        assert_eq!(r.author[1].given, "Søren");
        assert_eq!(r.author[2].family, "Garçon");
        assert_eq!(r.author[2].given, "François");
        assert_eq!(r.title, "Café “Straße” and “more” p.\u{a0}12 Excerpt, TeX");
    }
}

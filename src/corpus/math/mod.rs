//! How mathematics reads as one line of text: `p(y | x) = ∑_(k = 1)^(K)π_(k)` rather than
//! `p(\boldsymbol{y}|\boldsymbol{x}) = \sum_{k=1}^K \pi_k`. TeX is read here ([`tex_reading`]);
//! `MathML` is read by the formats layer with the same conventions ([`operator`],
//! [`grouped`], [`raised`], [`lowered`]): letters and symbols as printed, scripts of digits and
//! signs raised or lowered in Unicode (Unicode raises only some letters and lowers fewer, so
//! every script of letters is written one way), others written `_(…)` and `^(…)`, fractions `(a)/(b)`, roots with `√`, rows of a matrix or
//! of cases one after another, `;` between them. The source is always kept; this is only how
//! it is shown.

mod symbols;

use std::fmt::Write as _;

pub use self::symbols::{ACCENTED, SYMBOLS, accented};
use self::symbols::{is_function, symbol};
use super::text;

/// How deep groups are read; deeper ones are written as their source.
const MAX_DEPTH: usize = 48;

/// The TeX formula `tex` as one line of text; delimiters around the whole of it (`$…$`,
/// `$$…$$`, `\(…\)`, `\[…\]`) are left out. Commands it does not know are kept as written
/// (`\foo`), so nothing is lost.
#[must_use]
pub fn tex_reading(tex: &str) -> String {
    let mut reader = Reader {
        chars: without_delimiters(tex).chars().collect(),
        at: 0,
        cell_separator: "  ",
    };
    let mut out = String::new();
    reader.sequence(0, Stop::End, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The TeX formula `tex` trimmed, without delimiters around the whole of it (`$…$`, `$$…$$`,
/// `\(…\)`, `\[…\]`) when they hold something.
#[must_use]
pub fn without_delimiters(tex: &str) -> &str {
    let tex = tex.trim();
    [("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")]
        .iter()
        .find_map(|(open, close)| {
            tex.strip_prefix(open)?
                .strip_suffix(close)
                .map(str::trim)
                .filter(|inner| !inner.is_empty())
        })
        .unwrap_or(tex)
}

/// Whether the symbol `text` is a relation or binary operator, which stands between spaces.
fn is_spaced(text: &str) -> bool {
    matches!(
        text,
        "=" | "+"
            | "-"
            | "−"
            | "±"
            | "∓"
            | "×"
            | "·"
            | "÷"
            | "<"
            | ">"
            | "≤"
            | "≥"
            | "≈"
            | "≠"
            | "≡"
            | "∼"
            | "~"
            | "≃"
            | "→"
            | "←"
            | "↔"
            | "⇒"
            | "⇔"
            | "↦"
            | "∈"
            | "∉"
            | "⊂"
            | "⊆"
            | "∪"
            | "∩"
            | "∝"
            | "≪"
            | "≫"
            | "∧"
            | "∨"
            | "∘"
            | "∣"
            | "⊥"
            | "∴"
            | "∵"
            | "⊢"
            | "⊨"
    )
}

/// Writes the operator `text` (already a symbol: `=`, `≤`, `×`) to `out`: relations and binary
/// operators stand between spaces, a comma or semicolon is followed by one, others (brackets,
/// a prime) are written as they are.
pub fn operator(text: &str, out: &mut String) {
    match text {
        _ if is_spaced(text) => {
            // A sign at the start of a group (`−x`) takes no space after it.
            if out.trim_end().is_empty() || out.trim_end().ends_with(['(', '[', '{', '=', ',']) {
                out.push_str(text);
            } else {
                out.push(' ');
                out.push_str(text);
                out.push(' ');
            }
        }
        "," | ";" => {
            out.push_str(text);
            out.push(' ');
        }
        _ => out.push_str(text),
    }
}

/// `text` in brackets unless it is one token (`x`, `12`, `α`) or already one bracketed whole
/// (`(a + b)`, but not `(a)(b)`).
#[must_use]
pub fn grouped(text: &str) -> String {
    let single = text.chars().all(|c| c.is_alphanumeric() || c == '.') || text.chars().count() == 1;
    if single || is_bracketed(text) {
        text.to_owned()
    } else {
        format!("({text})")
    }
}

/// Whether `text` is one bracket pair and what it holds: its first `(` closes at its end.
fn is_bracketed(text: &str) -> bool {
    if !text.starts_with('(') || !text.ends_with(')') {
        return false;
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at + 1 == text.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// Writes `text` as a subscript: in subscript characters when there is one for each (`₁₂`),
/// else `_(…)`.
pub fn lowered(text: &str, out: &mut String) {
    script(text, out, text::subscript, '_');
}

/// Writes `text` as a superscript: in superscript characters when there is one for each
/// (`²`, `⁻¹`), else `^(…)`.
pub fn raised(text: &str, out: &mut String) {
    script(text, out, text::superscript, '^');
}

fn script(text: &str, out: &mut String, map: fn(char) -> Option<char>, mark: char) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    // `1, 2` is written `₁,₂`: no room for a space in a script.
    let compact: String = text.split_whitespace().collect();
    if let Some(mapped) = compact
        .chars()
        .map(|c| scripted(c, map))
        .collect::<Option<String>>()
    {
        out.push_str(&mapped);
    } else {
        // Always bracketed, so that what follows is not read as part of it (`^(n)x`).
        out.push(mark);
        out.push('(');
        out.push_str(text);
        out.push(')');
    }
}

/// A script character for `c`: Unicode's (`text::subscript` or `text::superscript`), or the
/// character itself for the few a script keeps as they are (a comma, a prime, a star).
fn scripted(c: char, map: fn(char) -> Option<char>) -> Option<char> {
    match c {
        ',' | '′' | '*' | '∗' | '°' => Some(c),
        _ => map(c),
    }
}

/// Where a run of TeX ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// At the end of the text.
    End,
    /// At the `}` closing a group.
    Brace,
    /// At the command named (`\end`, left for the caller to read), or at the `]` closing an
    /// optional argument when the name is `]`.
    Command(&'static str),
}

struct Reader {
    chars: Vec<char>,
    at: usize,
    /// What `&` is read as: a gap between a matrix's cells, `, ` between a case and its
    /// condition.
    cell_separator: &'static str,
}

impl Reader {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    /// Reads past whitespace, which TeX's math mode does not print.
    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    /// Reads atoms into `out` until `stop` or the end of the text; a closing `}` or `]` is
    /// consumed, a command is not.
    fn sequence(&mut self, depth: usize, stop: Stop, out: &mut String) {
        while let Some(c) = self.peek() {
            match (c, stop) {
                ('}', Stop::Brace) | (']', Stop::Command("]")) => {
                    self.at += 1;
                    return;
                }
                _ => {}
            }
            if c == '\\'
                && let Stop::Command(name) = stop
                && name != "]"
                && self.command_ahead() == name
            {
                return;
            }
            self.atom_with_scripts(depth, out);
        }
    }

    /// The name of the command at the reader (`\end` → `end`), without reading it.
    fn command_ahead(&self) -> String {
        self.chars
            .get(self.at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect()
    }

    /// One atom and the scripts after it.
    fn atom_with_scripts(&mut self, depth: usize, out: &mut String) {
        let before = self.at;
        self.atom(depth, out);
        loop {
            match self.peek() {
                Some('^') => {
                    self.at += 1;
                    let script = self.argument(depth);
                    match script.as_str() {
                        "∘" | "\\circ" => out.push('°'),
                        _ => raised(&script, out),
                    }
                }
                Some('_') => {
                    self.at += 1;
                    let script = self.argument(depth);
                    lowered(&script, out);
                }
                Some('\'') => {
                    self.at += 1;
                    out.push('′');
                }
                _ => break,
            }
        }
        if self.at == before {
            // Nothing was read (a stray closing brace): take it as text.
            if let Some(c) = self.peek() {
                out.push(c);
            }
            self.at += 1;
        }
    }

    /// The argument of a script or command: a group, one command's reading, or one character.
    fn argument(&mut self, depth: usize) -> String {
        self.skip_spaces();
        let mut out = String::new();
        match self.peek() {
            Some('{') => {
                self.at += 1;
                self.group(depth + 1, Stop::Brace, &mut out);
            }
            Some('\\') => self.atom(depth + 1, &mut out),
            Some(c) => {
                self.at += 1;
                out.push(c);
            }
            None => {}
        }
        out.trim().to_owned()
    }

    /// A group up to `stop`, or its source when it is nested too deep.
    fn group(&mut self, depth: usize, stop: Stop, out: &mut String) {
        if depth > MAX_DEPTH {
            let start = self.at;
            self.past_closing_brace();
            out.extend(self.chars.get(start..self.at).unwrap_or_default());
            return;
        }
        self.sequence(depth, stop, out);
    }

    /// Reads on past the `}` that closes the group the reader is in (or to the end); where
    /// that `}` stands.
    fn past_closing_brace(&mut self) -> usize {
        let mut open = 1usize;
        while let Some(c) = self.peek() {
            self.at += 1;
            match c {
                '{' => open += 1,
                '}' => {
                    open -= 1;
                    if open == 0 {
                        return self.at - 1;
                    }
                }
                _ => {}
            }
        }
        self.at
    }

    /// The text of a `{…}` argument as written (`\text{…}`, `\begin{…}`), braces dropped.
    fn verbatim_argument(&mut self) -> String {
        self.skip_spaces();
        if self.peek() != Some('{') {
            return String::new();
        }
        self.at += 1;
        let start = self.at;
        let end = self.past_closing_brace();
        self.chars
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .collect()
    }

    /// One atom: a character, a group or a command.
    fn atom(&mut self, depth: usize, out: &mut String) {
        let Some(c) = self.peek() else {
            return;
        };
        if depth > MAX_DEPTH {
            // Commands nested this deep (`\hat\hat\hat…`) are written as their source.
            self.at += 1;
            out.push(c);
            return;
        }
        match c {
            '{' => {
                self.at += 1;
                let mut inner = String::new();
                self.group(depth + 1, Stop::Brace, &mut inner);
                out.push_str(inner.trim());
            }
            '\\' => self.command(depth, out),
            '}' | '^' | '_' => {}
            c if c.is_whitespace() || c == '~' => {
                self.at += 1;
                if c == '~' {
                    out.push(' ');
                }
            }
            '&' => {
                self.at += 1;
                out.push_str(self.cell_separator);
            }
            '-' => {
                self.at += 1;
                operator("−", out);
            }
            '*' => {
                self.at += 1;
                out.push('∗');
            }
            '=' | '+' | '<' | '>' | ',' | ';' => {
                self.at += 1;
                operator(&c.to_string(), out);
            }
            c => {
                self.at += 1;
                out.push(c);
            }
        }
    }

    /// A command at the reader: `\alpha`, `\frac{a}{b}`, `\,`, `\begin{cases}` …
    fn command(&mut self, depth: usize, out: &mut String) {
        self.at += 1;
        let name: String = self
            .chars
            .get(self.at..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if name.is_empty() {
            self.control_symbol(out);
            return;
        }
        self.at += name.chars().count();
        if let Some(symbol) = symbol(&name) {
            if is_spaced(symbol) {
                operator(symbol, out);
            } else {
                out.push_str(symbol);
            }
            return;
        }
        match name.as_str() {
            "frac" | "dfrac" | "tfrac" | "cfrac" | "binom" | "dbinom" | "tbinom" | "sqrt" => {
                self.fraction_or_root(&name, depth, out);
            }
            "text" | "textrm" | "textit" | "textbf" | "textsf" | "texttt" | "mbox" | "hbox"
            | "textnormal" => {
                let text = self.verbatim_argument();
                out.push_str(&text);
            }
            "operatorname" => {
                apart_from_what_precedes(out);
                out.push_str(&self.argument(depth));
            }
            // The number sets print in their own letters (`\mathbb{R}` is ℝ); any other
            // double-struck letter as the letter.
            "mathbb" | "Bbb" | "mathds" => {
                out.extend(self.argument(depth).chars().map(double_struck));
            }
            "mathrm" | "mathbf" | "boldsymbol" | "bm" | "pmb" | "mathit" | "mathsf" | "mathtt"
            | "mathcal" | "mathscr" | "mathfrak" | "mathnormal" | "mathbold" | "bold" | "emph" => {
                out.push_str(&self.argument(depth));
            }
            "hat" | "widehat" | "bar" | "overline" | "tilde" | "widetilde" | "vec" | "dot"
            | "ddot" | "check" | "breve" | "acute" | "grave" | "overrightarrow" => {
                let base = self.argument(depth);
                let accented = accented(&name, &base);
                if accented.chars().count() > 1 {
                    apart_from_what_precedes(out);
                }
                out.push_str(&accented);
            }
            "left" | "right" | "middle" | "big" | "Big" | "bigg" | "Bigg" | "bigl" | "bigr"
            | "Bigl" | "Bigr" | "biggl" | "biggr" | "Biggl" | "Biggr" => {
                // The delimiter after it is read as any atom; `.` is none.
                if self.peek() == Some('.') {
                    self.at += 1;
                } else if matches!(name.as_str(), "left" | "right" | "middle") {
                    let delimiter = self.argument(depth);
                    out.push_str(&delimiter);
                }
            }
            "quad" | "qquad" | "enspace" | "thinspace" => out.push(' '),
            "label" | "tag" | "hspace" | "vspace" | "phantom" | "hphantom" | "vphantom" | "end" => {
                self.verbatim_argument();
            }
            "nonumber" | "notag" | "displaystyle" | "textstyle" | "scriptstyle" | "limits"
            | "nolimits" | "nonscript" | "mathstrut" | "strut" | "rm" | "bf" | "it" | "cal" => {}
            "begin" => self.environment(depth, out),
            _ if is_function(&name) => {
                apart_from_what_precedes(out);
                out.push_str(&name);
                self.skip_spaces();
                if self
                    .peek()
                    .is_some_and(|c| c.is_alphanumeric() || c == '\\')
                {
                    out.push(' ');
                }
            }
            _ => {
                // Kept as written, with its arguments.
                out.push('\\');
                out.push_str(&name);
                while self.peek() == Some('{') {
                    let argument = self.verbatim_argument();
                    out.push('{');
                    out.push_str(&argument);
                    out.push('}');
                }
            }
        }
    }

    /// `\frac{a}{b}` as `a/b`, `\binom{n}{k}` as `C(n, k)`, `\sqrt[n]{x}` as `ⁿ√x`.
    fn fraction_or_root(&mut self, name: &str, depth: usize, out: &mut String) {
        match name {
            "frac" | "dfrac" | "tfrac" | "cfrac" => {
                let numerator = self.argument(depth);
                let denominator = self.argument(depth);
                out.push_str(&grouped(&numerator));
                out.push('/');
                out.push_str(&grouped(&denominator));
            }
            "binom" | "dbinom" | "tbinom" => {
                let n = self.argument(depth);
                let k = self.argument(depth);
                let _ = write!(out, "C({n}, {k})");
            }
            "sqrt" => {
                let mut index = String::new();
                if self.peek() == Some('[') {
                    self.at += 1;
                    self.group(depth + 1, Stop::Command("]"), &mut index);
                }
                let radicand = self.argument(depth);
                raised(&index, out);
                out.push('√');
                out.push_str(&grouped(&radicand));
            }
            _ => {}
        }
    }

    /// A control symbol after its backslash: `\,` a space, `\{` a brace, `\\` the end of a row.
    fn control_symbol(&mut self, out: &mut String) {
        let Some(symbol) = self.peek() else {
            out.push('\\');
            return;
        };
        self.at += 1;
        match symbol {
            ',' | ':' | ';' | ' ' | '>' => out.push(' '),
            '!' | '/' => {}
            '\\' => out.push_str("; "),
            '|' => out.push('‖'),
            '{' | '}' | '%' | '$' | '_' | '&' | '#' | '[' | ']' | '@' => out.push(symbol),
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }

    /// `\begin{name} … \end{name}`: rows one after another, `;` between them; a matrix in its
    /// brackets, cases after a brace.
    fn environment(&mut self, depth: usize, out: &mut String) {
        let name = self.verbatim_argument();
        if name == "array" || name == "tabular" {
            // The column specification.
            self.verbatim_argument();
        }
        let mut body = String::new();
        let separator = std::mem::replace(
            &mut self.cell_separator,
            if name.starts_with("cases") {
                ", "
            } else {
                "  "
            },
        );
        if depth < MAX_DEPTH {
            self.sequence(depth + 1, Stop::Command("end"), &mut body);
        }
        self.cell_separator = separator;
        if self.command_ahead() == "end" {
            self.at += 1 + "end".len();
            self.verbatim_argument();
        }
        let body = body.trim().trim_end_matches(';').trim();
        let (open, close) = match name.trim_end_matches('*') {
            "pmatrix" => ("(", ")"),
            "bmatrix" => ("[", "]"),
            "Bmatrix" | "cases" => ("{", "}"),
            "vmatrix" => ("|", "|"),
            "Vmatrix" => ("‖", "‖"),
            _ => ("", ""),
        };
        out.push_str(open);
        out.push_str(body);
        out.push_str(close);
    }
}

/// A space before a word (`ln`, `dot(x)`) that would otherwise run into the letter or bracket
/// before it: `τ ln(λ)`, not `τln(λ)`.
fn apart_from_what_precedes(out: &mut String) {
    if out
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ')' | ']' | '}' | '′'))
    {
        out.push(' ');
    }
}

/// The double-struck letter of the number sets for `letter` (`R` → ℝ, `N` → ℕ, `Z` → ℤ, `Q`
/// → ℚ, `C` → ℂ, `P` → ℙ, `H` → ℍ); any other character as it is.
#[must_use]
pub fn double_struck(letter: char) -> char {
    match letter {
        'C' => '\u{2102}',
        'H' => '\u{210d}',
        'N' => '\u{2115}',
        'P' => '\u{2119}',
        'Q' => '\u{211a}',
        'R' => '\u{211d}',
        'Z' => '\u{2124}',
        other => other,
    }
}

#[cfg(test)]
mod tests;

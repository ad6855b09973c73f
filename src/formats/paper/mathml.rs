//! A display formula written in `MathML` (as JATS keeps it), read as one line of text for a
//! reader: `SS_(i, j) = (1 − R_(nn))α_(i, j) + x²` rather than its markup. Presentation
//! `MathML` only: tokens as printed, scripts of digits and signs raised or lowered in Unicode
//! (Unicode raises only some letters), others written `_(…)` and `^(…)`;
//! fractions as `(a)/(b)`, roots with `√`, tables row by row, as [`crate::corpus::math`]
//! reads TeX. The source stays in the corpus; this is only how it is shown.

use super::xml::{self, Element, Node};
use crate::corpus::math::{accented, double_struck, grouped, lowered, operator, raised};
use crate::corpus::text::{as_raised_marker, script_base};

/// How deep elements are followed: deeper content is read as its plain text.
const MAX_DEPTH: usize = 64;

/// The formula in `source` (a `<math>` element, with or without a prefix) as one line of text,
/// or `None` when it is not well-formed XML or prints nothing.
#[must_use]
pub fn linear_text(source: &str) -> Option<String> {
    let document = xml::parse(source).ok()?;
    let mut out = String::new();
    write(document.root(), 0, &mut out);
    let line = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let line = drawable(&line);
    (!line.is_empty()).then_some(line)
}

/// `line` as the window's fonts can draw it. The invisible operators (function application,
/// times, separator and plus, `&#x2061;` to `&#x2064;`) print nothing: one between two words
/// (`mmol⁢gDW`, `ln⁡x`, `gDW⁻¹⁢h`), or before a word after a sign or a closing bracket (`=⁡exp`,
/// `D_(o)⁢exp`), is a space; between single letters or digits (`l⁢e⁢n⁢g⁢t⁢h`, `S_(i⁢j)`) or
/// before a bracket, nothing. The mathematical alphanumeric symbols (`𝚌𝚘𝚖`, `𝑥`, `𝐁`) are
/// their plain letters: the fonts have no glyph for them.
fn drawable(line: &str) -> String {
    let is_invisible = |c: char| ('\u{2061}'..='\u{2064}').contains(&c);
    let is_styled = |c: char| ('\u{1d400}'..='\u{1d7ff}').contains(&c);
    if !line.chars().any(|c| is_invisible(c) || is_styled(c)) {
        return line.to_owned();
    }
    let chars: Vec<char> = line.chars().collect();
    // How many letters or digits stand together on one side of `at`.
    let run = |range: &mut dyn Iterator<Item = usize>| {
        range
            .take_while(|&n| chars.get(n).is_some_and(|c| c.is_alphanumeric()))
            .count()
    };
    let mut out = String::with_capacity(line.len());
    for (at, &c) in chars.iter().enumerate() {
        if is_invisible(c) {
            let before = run(&mut (0..at).rev());
            let after = run(&mut (at + 1..chars.len()));
            let previous = at.checked_sub(1).and_then(|n| chars.get(n)).copied();
            // A power ends a word too (`gDW⁻¹⁢h⁻¹`).
            let after_power = previous.is_some_and(|c| script_base(c) != c);
            let words = before > 0 && (before.max(after) > 1 || after_power);
            // A word after a sign or a closing bracket (`=⁡exp`, `)⁢exp`), not after an
            // opening one.
            let after_sign = before == 0
                && after > 1
                && previous.is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '{'));
            if after > 0 && (words || after_sign) && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if is_styled(c) {
            unicode_normalization::char::decompose_compatible(c, |plain| out.push(plain));
        } else {
            out.push(c);
        }
    }
    out
}

/// TeX's name for the accent an `mover`'s upper part is (`<mo>~</mo>` over `α` is `tilde`),
/// when it is one: an operator of one accent mark.
fn accent_name(over: Element<'_>) -> Option<&'static str> {
    if !over.is("mo") {
        return None;
    }
    Some(match over.text().trim() {
        "~" | "˜" | "\u{303}" | "∼" => "tilde",
        "^" | "ˆ" | "\u{302}" => "hat",
        "¯" | "‾" | "\u{304}" | "\u{305}" | "_" | "−" | "-" | "―" => "bar",
        "˙" | "." | "\u{307}" => "dot",
        "¨" | "\u{308}" => "ddot",
        "→" | "\u{20d7}" => "vec",
        _ => return None,
    })
}

/// Writes a token element (`mi`, `mn`, `ms`, `mtext`, `mo`) to `out`.
fn write_token(element: Element<'_>, out: &mut String) {
    let text = element.text();
    match element.name() {
        // Spaces around words in a formula part them from what stands beside (`η₀ and η₁`).
        "mtext" => {
            if text.starts_with(char::is_whitespace) {
                out.push(' ');
            }
            out.push_str(text.trim());
            if text.ends_with(char::is_whitespace) {
                out.push(' ');
            }
        }
        // An operator of only a space (a thin space, `&#x2009;`) is a space.
        "mo" if !text.is_empty() && text.trim().is_empty() => out.push(' '),
        "mo" => operator(text.trim(), out),
        // The number sets in their own letters (`<mi mathvariant="double-struck">R</mi>` is ℝ).
        _ if element.attr("mathvariant") == Some("double-struck") => {
            out.extend(text.trim().chars().map(double_struck));
        }
        _ => out.push_str(text.trim()),
    }
}

/// Writes `element` to `out`.
fn write(element: Element<'_>, depth: usize, out: &mut String) {
    if depth > MAX_DEPTH {
        out.push_str(&element.text());
        return;
    }
    let children: Vec<Element<'_>> = element.elements().collect();
    let part = |n: usize| children.get(n).map(|child| text_of(*child, depth + 1));
    match element.name() {
        "mi" | "mn" | "ms" | "mtext" | "mo" => write_token(element, out),
        "mspace" => out.push(' '),
        "annotation" | "annotation-xml" | "mphantom" | "none" | "mprescripts" => {}
        "semantics" => {
            if let Some(first) = children.first() {
                write(*first, depth + 1, out);
            }
        }
        "msub" | "munder" => {
            out.push_str(&part(0).unwrap_or_default());
            lowered(&part(1).unwrap_or_default(), out);
        }
        "mover" if let Some(accent) = children.get(1).and_then(|over| accent_name(*over)) => {
            out.push_str(&accented(accent, &part(0).unwrap_or_default()));
        }
        // A script on nothing is a footnote marker (Copernicus's `<msup><mi/><mi>a</mi>`
        // after a table cell's number): raised as the marker it is (`ᵃ`), letters too.
        "msup"
            if part(0).is_some_and(|base| base.trim().is_empty())
                && let Some(marker) = part(1).as_deref().and_then(as_raised_marker) =>
        {
            out.push_str(&marker);
        }
        "msup" | "mover" => {
            out.push_str(&part(0).unwrap_or_default());
            raised(&part(1).unwrap_or_default(), out);
        }
        "msubsup" | "munderover" => {
            out.push_str(&part(0).unwrap_or_default());
            lowered(&part(1).unwrap_or_default(), out);
            raised(&part(2).unwrap_or_default(), out);
        }
        "mfrac" => {
            let numerator = grouped(&part(0).unwrap_or_default());
            let denominator = grouped(&part(1).unwrap_or_default());
            out.push_str(&numerator);
            out.push('/');
            out.push_str(&denominator);
        }
        "msqrt" => {
            let inner: String = children.iter().map(|c| text_of(*c, depth + 1)).collect();
            out.push('√');
            out.push_str(&grouped(&inner));
        }
        "mroot" => {
            let index = part(1).unwrap_or_default();
            if !index.is_empty() {
                raised(&index, out);
            }
            out.push('√');
            out.push_str(&grouped(&part(0).unwrap_or_default()));
        }
        "mfenced" => {
            let open = element.attr("open").unwrap_or("(");
            let close = element.attr("close").unwrap_or(")");
            let separator = element
                .attr("separators")
                .and_then(|s| s.trim().chars().next())
                .unwrap_or(',');
            let items: Vec<String> = children.iter().map(|c| text_of(*c, depth + 1)).collect();
            out.push_str(open);
            out.push_str(&items.join(&format!("{separator} ")));
            out.push_str(close);
        }
        "mtable" => {
            let rows: Vec<String> = children
                .iter()
                .map(|row| text_of(*row, depth + 1))
                .collect();
            out.push_str(&rows.join("; "));
        }
        "mtr" | "mlabeledtr" => {
            let cells: Vec<String> = children.iter().map(|c| text_of(*c, depth + 1)).collect();
            out.push_str(&cells.join("  "));
        }
        _ => {
            for node in element.nodes() {
                match node {
                    Node::Element(child) => write(child, depth + 1, out),
                    // Text directly inside a layout element is not MathML; it is kept.
                    Node::Text(text) => out.push_str(text.trim()),
                }
            }
        }
    }
}

/// The text `element` is written as, on its own.
fn text_of(element: Element<'_>, depth: usize) -> String {
    let mut out = String::new();
    write(element, depth, &mut out);
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::linear_text;

    #[test]
    fn scripts_fractions_and_operators_read_as_one_line() {
        let source = r#"<mml:math id="m5"><mml:mrow><mml:mi>S</mml:mi><mml:msub><mml:mi>S</mml:mi><mml:mrow><mml:mi>i</mml:mi><mml:mo>,</mml:mo><mml:mi>j</mml:mi></mml:mrow></mml:msub><mml:mo>=</mml:mo><mml:mo>(</mml:mo><mml:mn>1</mml:mn><mml:mo>−</mml:mo><mml:msub><mml:mi>R</mml:mi><mml:mrow><mml:mi>n</mml:mi><mml:mi>n</mml:mi></mml:mrow></mml:msub><mml:mo>)</mml:mo><mml:msub><mml:mi>α</mml:mi><mml:mi>i</mml:mi></mml:msub><mml:mo>+</mml:mo><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:mrow></mml:math>"#;
        assert_eq!(
            linear_text(source).as_deref(),
            Some("SS_(i, j) = (1 − R_(nn))α_(i) + x²")
        );
        let fraction = "<math><mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac><mo>≤</mo><msqrt><mi>y</mi></msqrt></math>";
        assert_eq!(linear_text(fraction).as_deref(), Some("(a + b)/2 ≤ √y"));
        // A script Unicode has no characters for is marked and bracketed.
        let wide = "<math><msub><mi>P</mi><mrow><mi>k</mi><mo>,</mo><mi>IO</mi></mrow></msub><msup><mi>e</mi><mrow><mo>-</mo><mi>λ</mi><mi>t</mi></mrow></msup></math>";
        assert_eq!(linear_text(wide).as_deref(), Some("P_(k, IO)e^(-λt)"));
        let digits = "<math><msub><mi>x</mi><mrow><mn>1</mn><mo>,</mo><mn>2</mn></mrow></msub><msup><mi>y</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup></math>";
        assert_eq!(linear_text(digits).as_deref(), Some("x₁,₂y⁻¹"));
        let sum = "<math><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></math>";
        assert_eq!(linear_text(sum).as_deref(), Some("∑_(i = 1)^(n)x_(i)"));
        let sets = "<math><mi>x</mi><mo>∈</mo><mi mathvariant=\"double-struck\">R</mi><mo>,</mo><mi mathvariant=\"double-struck\">E</mi></math>";
        assert_eq!(linear_text(sets).as_deref(), Some("x ∈ ℝ, E"));
    }

    #[test]
    fn spaces_written_as_operators_or_around_words_part_them_from_what_stands_beside() {
        let spaced = "<math><msub><mi>η</mi><mn>0</mn></msub><mo>\u{2009}</mo><mtext>and</mtext><mo>\u{2009}</mo><msub><mi>η</mi><mn>1</mn></msub><mtext> if </mtext><mi>x</mi></math>";
        assert_eq!(linear_text(spaced).as_deref(), Some("η₀ and η₁ if x"));
        // Around an operator, as before.
        let sum = "<math><mi>a</mi><mo>+</mo><mi>b</mi></math>";
        assert_eq!(linear_text(sum).as_deref(), Some("a + b"));
    }

    #[test]
    fn a_script_on_nothing_is_a_raised_marker() {
        // Copernicus marks a table cell's number with a footnote letter this way.
        let marker = "<math><msup><mi/><mi mathvariant=\"normal\">a</mi></msup></math>";
        assert_eq!(linear_text(marker).as_deref(), Some("ᵃ"));
        let digits = "<math><msup><mi/><mn>14</mn></msup></math>";
        assert_eq!(linear_text(digits).as_deref(), Some("¹⁴"));
        // A word is no marker; a script on a letter is written as before.
        let word = "<math><msup><mi/><mi>max</mi></msup></math>";
        assert_eq!(linear_text(word).as_deref(), Some("^(max)"));
        let on_x = "<math><msup><mi>x</mi><mi>a</mi></msup></math>";
        assert_eq!(linear_text(on_x).as_deref(), Some("x^(a)"));
    }

    #[test]
    fn an_accent_over_a_letter_is_read_as_tex_reads_it() {
        let over = |base: &str, mark: &str| {
            format!(
                r#"<math><mover accent="true"><mi>{base}</mi><mo stretchy="false">{mark}</mo></mover></math>"#
            )
        };
        // eLife's `α̃`: the fonts have no tilde over α, so it is named.
        assert_eq!(linear_text(&over("α", "~")).as_deref(), Some("tilde(α)"));
        assert_eq!(linear_text(&over("x", "¯")).as_deref(), Some("bar(x)"));
        assert_eq!(linear_text(&over("a", "^")).as_deref(), Some("â"));
        assert_eq!(linear_text(&over("v", "→")).as_deref(), Some("vec(v)"));
        // An upper limit is a script, as before.
        let limit = "<math><mover><mo>∑</mo><mi>n</mi></mover></math>";
        assert_eq!(linear_text(limit).as_deref(), Some("∑^(n)"));
    }

    #[test]
    fn annotations_are_left_out_and_bad_markup_gives_nothing() {
        let annotated = r#"<math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="TeX">E=mc^2</annotation></semantics></math>"#;
        assert_eq!(linear_text(annotated).as_deref(), Some("E = mc²"));
        assert_eq!(linear_text("<math><mi>x</mi>"), None);
        assert_eq!(linear_text("<math></math>"), None);
        let fenced = "<math><mfenced><mi>a</mi><mi>b</mi></mfenced><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable></math>";
        assert_eq!(linear_text(fenced).as_deref(), Some("(a, b)1 0; 0 1"));
    }

    #[test]
    fn invisible_operators_and_styled_letters_are_written_as_the_fonts_can_draw_them() {
        // eLife 36842: a word set as letters with invisible times between, a styled word, a
        // function applied, units multiplied, a subscript of two indices.
        let times = |tokens: &[&str]| {
            tokens
                .iter()
                .map(|t| format!("<mi>{t}</mi>"))
                .collect::<Vec<_>>()
                .join("<mo>&#x2062;</mo>")
        };
        let length = format!(
            "<math><mi>c</mi><mo>=</mo>{}<mo>(</mo><mi>&#x1D68C;&#x1D698;&#x1D696;</mi><mo>)</mo></math>",
            times(&["l", "e", "n"])
        );
        assert_eq!(linear_text(&length).as_deref(), Some("c = len(com)"));
        let function = "<math><mi>ln</mi><mo>&#x2061;</mo><mo>(</mo><mn>2</mn><mo>)</mo><mo>+</mo><mi>ln</mi><mo>&#x2061;</mo><mi>x</mi></math>";
        assert_eq!(linear_text(function).as_deref(), Some("ln(2) + ln x"));
        let units = format!(
            "<math>{}<msup><mi>gDW</mi><mn>-1</mn></msup><mo>&#x2062;</mo><mi>h</mi></math>",
            times(&["mmol", ""])
        );
        assert_eq!(linear_text(&units).as_deref(), Some("mmol gDW⁻¹ h"));
        let indices = format!(
            "<math><msub><mi>S</mi><mrow>{}</mrow></msub><mo>=</mo><mi>&#x3F5;</mi><mi>&#x1D465;</mi></math>",
            times(&["i", "j"])
        );
        // The symbols font draws the lunate epsilon as the paper writes it.
        assert_eq!(linear_text(&indices).as_deref(), Some("S_(ij) = ϵx"));
        // eLife 05502: a function applied after a sign or a script's bracket.
        let applied = "<math><mi>d</mi><mo>=</mo><mo>&#x2061;</mo><mi>exp</mi><mo>+</mo><msub><mi>D</mi><mi>o</mi></msub><mo>&#x2061;</mo><mi>exp</mi></math>";
        assert_eq!(linear_text(applied).as_deref(), Some("d = exp + D_(o) exp"));
    }

    #[test]
    fn deep_nesting_is_read_as_text_without_overflowing() {
        let depth = 5_000;
        let source = format!(
            "<math>{}<mi>x</mi>{}</math>",
            "<mrow>".repeat(depth),
            "</mrow>".repeat(depth)
        );
        // The XML reader refuses nesting this deep, or the text is read flat: never a crash.
        let read = linear_text(&source);
        assert!(read.is_none() || read.as_deref() == Some("x"), "{read:?}");
    }
}

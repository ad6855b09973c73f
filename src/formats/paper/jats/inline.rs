//! Inline text flattened into [`Rich`]: emphasis, sub- and superscripts, links and named
//! content give their text; an `inline-formula` its TeX (or its text); footnote markers become
//! [`Span::Footnote`]; and every `xref ref-type="bibr"` a citation: several `rid`s cite several
//! references, a run of markers joined only by commas and dashes (`[<xref>10</xref>,
//! <xref>11</xref>]`, `<xref>[1]</xref>–<xref>[3]</xref>`) is one citation printed as the
//! source prints it with every reference of a range, and a single marker printed as a numeric
//! range (`1–3`) cites every reference the range numbers.

use super::super::writer::MAX_PRINTED;
use super::super::{Rich, Span, collapse_whitespace};
use super::Context;
use super::markers::{
    Run, citation_runs, is_bracket, is_dash, joins_markers, marker_keys, marker_of,
};
use crate::corpus::{citations, math, text};
use crate::formats::paper::xml::{Element, Node};

/// Elements that stand on their own in the text: inside a paragraph they end the running text
/// before them and are read as blocks.
pub(super) const BLOCKS: [&str; 21] = [
    "fig",
    "fig-group",
    "table-wrap",
    "table-wrap-group",
    "disp-formula",
    "disp-formula-group",
    "list",
    "def-list",
    "boxed-text",
    "supplementary-material",
    "disp-quote",
    "preformat",
    "code",
    "statement",
    "graphic",
    "media",
    "p",
    "sec",
    "fn-group",
    "speech",
    "verse-group",
];

/// A piece of a paragraph: running text, or a block that interrupts it.
pub(super) enum Piece<'d> {
    /// Running text.
    Text(Rich),
    /// A block element met inside the paragraph.
    Block(Element<'d>),
}

/// Flattens inline markup; see the module documentation.
pub(super) struct Flattener<'c, 'd> {
    context: &'c Context<'d>,
    /// Whether block elements end the running text (a paragraph) or are read as text (a
    /// caption, a cell, a title).
    blocks: bool,
    current: Rich,
    pieces: Vec<Piece<'d>>,
    /// Footnotes written inside the text (`<fn>` in a paragraph): id, marker and text.
    pub(super) footnotes: Vec<(String, String, Rich)>,
    /// Whether supplementary files are left out of the text, as in a figure's or table's own
    /// text (the walk lists them with the others).
    without_supplements: bool,
    /// How many `italic` elements the reading is inside: a script in italics is mathematics
    /// (`<italic>x<sup>n</sup></italic>`), not a note's mark.
    italic_depth: usize,
    /// Whether a footnote's marker is printed raised, not linked: a table's cell links none.
    raised_notes: bool,
}

impl<'c, 'd> Flattener<'c, 'd> {
    /// A flattener; `blocks` says whether block elements interrupt the text.
    pub(super) fn new(context: &'c Context<'d>, blocks: bool) -> Self {
        Self {
            context,
            blocks,
            current: Rich::default(),
            pieces: Vec::new(),
            footnotes: Vec::new(),
            without_supplements: false,
            italic_depth: 0,
            raised_notes: false,
        }
    }

    /// The text of a table's cell, as [`Self::float_text`] reads it but for its footnotes'
    /// markers, printed raised (`yes¹`): a cell links to no footnote.
    pub(super) fn cell_text(context: &'c Context<'d>, cell: Element<'d>) -> Rich {
        let mut flattener = Self::new(context, false);
        flattener.without_supplements = true;
        flattener.raised_notes = true;
        flattener.children(cell);
        flattener.current
    }

    /// The text of everything inside a part of a figure or table (its caption, a cell, a
    /// note), as [`Self::rich`] reads it but for the supplementary files inside it: eLife lists a
    /// figure's source data and videos in its caption, and the walk lists them with the
    /// article's other supplementary files.
    pub(super) fn float_text(
        context: &'c Context<'d>,
        element: Element<'d>,
    ) -> (Rich, Vec<(String, String, Rich)>) {
        let mut flattener = Self::new(context, false);
        flattener.without_supplements = true;
        flattener.children(element);
        (flattener.current, flattener.footnotes)
    }

    /// The text of everything inside `element`, as one piece of rich text (blocks read as
    /// text), and the footnotes written inside it.
    pub(super) fn rich(
        context: &'c Context<'d>,
        element: Element<'d>,
    ) -> (Rich, Vec<(String, String, Rich)>) {
        let mut flattener = Self::new(context, false);
        flattener.children(element);
        (flattener.current, flattener.footnotes)
    }

    /// Reads the children of `element`.
    pub(super) fn children(&mut self, element: Element<'d>) {
        let nodes: Vec<Node<'d>> = element.nodes().collect();
        self.sequence(&nodes);
    }

    /// The pieces read so far, the running text last.
    pub(super) fn finish(mut self) -> (Vec<Piece<'d>>, Vec<(String, String, Rich)>) {
        let current = std::mem::take(&mut self.current);
        if !current.is_blank() {
            self.pieces.push(Piece::Text(current));
        }
        (self.pieces, self.footnotes)
    }

    /// A run of sibling nodes, citation runs grouped.
    fn sequence(&mut self, nodes: &[Node<'d>]) {
        let runs = citation_runs(self.context, nodes);
        let mut runs = runs.into_iter().peekable();
        let mut skip_start = 0;
        let mut index = 0;
        while let Some(node) = nodes.get(index) {
            let run = runs.peek().filter(|run| run.start == index).copied();
            if let Some(run) = run {
                runs.next();
                self.cite_run(nodes, run);
                skip_start = run.close_len;
                index = run.end + 1;
                continue;
            }
            match node {
                Node::Text(text) => {
                    let mut text = text.get(skip_start..).unwrap_or_default();
                    if let Some(next) = runs.peek()
                        && next.start == index + 1
                    {
                        text = text
                            .get(..text.len() - next.open_len.min(text.len()))
                            .unwrap_or_default();
                    }
                    if text.trim_start().starts_with(['.', ',', ';', ':'])
                        && self.layout_before_stop(text)
                    {
                        trim_end(&mut self.current);
                        text = text.trim_start();
                    }
                    self.current.push_text(text);
                }
                Node::Element(element) => self.element(*element),
            }
            skip_start = 0;
            index += 1;
        }
    }

    /// Whether the whitespace between the citation the running text ends in and `text`, a stop
    /// after it, holds a line break: the layout of pretty-printed XML (`</sup>⏎    .`), no
    /// space of the text.
    fn layout_before_stop(&self, text: &str) -> bool {
        let mut spans = self.current.spans.iter().rev();
        let (trailing, cite) = match spans.next() {
            Some(Span::Text(blank)) if blank.trim().is_empty() => (blank.as_str(), spans.next()),
            last => ("", last),
        };
        let leading = text
            .get(..text.len() - text.trim_start().len())
            .unwrap_or_default();
        matches!(cite, Some(Span::Cite { .. }))
            && (trailing.contains('\n') || leading.contains('\n'))
    }

    /// One inline element.
    fn element(&mut self, element: Element<'d>) {
        let name = element.name();
        if self.blocks && BLOCKS.contains(&name) {
            let current = std::mem::take(&mut self.current);
            if !current.is_blank() {
                self.pieces.push(Piece::Text(current));
            }
            self.pieces.push(Piece::Block(element));
            return;
        }
        match name {
            "xref" => self.xref(element),
            "inline-formula" => {
                // TeX is kept as inline math, which the corpus prints as it reads.
                if let Some(math) = inline_tex(element) {
                    self.current.push(Span::Math(math));
                } else {
                    let formula = formula_text(element);
                    self.current.push_text(&formula);
                }
            }
            "fn" => {
                let id = element.attr("id").map_or_else(
                    || format!("inline-fn-{}", self.footnotes.len() + 1),
                    str::to_owned,
                );
                let marker = super::child_text(element, "label");
                let (text, inner) = Self::rich(self.context, element);
                let text = without_label(text, &marker);
                self.footnotes.extend(inner);
                self.footnotes.push((id.clone(), marker, text));
                self.current.push(Span::Footnote(id));
            }
            "break" => self.current.push_text(" "),
            "alternatives" => {
                if let Some(first) = preferred_alternative(element) {
                    self.element(first);
                }
            }
            // `10<sup>−3</sup>`, `CO<sub>2</sub>`: raised or lowered in Unicode where it has
            // the characters, so that the number still reads as printed.
            "sup" | "sub"
                if element
                    .descendants()
                    .iter()
                    .all(|inner| matches!(inner.name(), "italic" | "bold" | "roman" | "sc")) =>
            {
                let printed = element.text();
                let trimmed = printed.trim();
                if self.italic_depth > 0 && !trimmed.is_empty() && ends_in_a_variable(&self.current)
                {
                    // Mathematics set in italics (`<italic>x<sup>n/m</sup></italic>`): `x` and
                    // its power are one term whatever the source's line breaks, and a power
                    // Unicode cannot raise is written `x^(n/m)`, not run into the line. (A
                    // gene's allele, `Ptf1a<sup>Cre</sup>`, is not a variable's power.)
                    trim_end(&mut self.current);
                    let mut term = String::new();
                    if name == "sup" {
                        math::raised(trimmed, &mut term);
                    } else {
                        math::lowered(trimmed, &mut term);
                    }
                    self.current.push_text(&term);
                    return;
                }
                let scripted = if name == "sup" {
                    text::as_superscript(trimmed)
                } else {
                    text::as_subscript(trimmed)
                };
                match scripted {
                    Some(scripted) if !trimmed.is_empty() => self.current.push_text(&scripted),
                    _ => self.current.push_text(&printed),
                }
            }
            "italic" => {
                self.italic_depth += 1;
                self.children(element);
                self.italic_depth -= 1;
            }
            "object-id" | "tex-math" => {}
            "supplementary-material" if self.without_supplements => {}
            "p" if super::is_doi_line(element) => {}
            _ => {
                self.children(element);
                // Blocks read as text are kept apart by a space.
                if BLOCKS.contains(&name)
                    || matches!(name, "title" | "label" | "list-item" | "td" | "th" | "def")
                {
                    self.current.push_text(" ");
                }
            }
        }
    }

    /// A cross-reference that is not part of a citation run.
    fn xref(&mut self, element: Element<'d>) {
        let rids = element.attr("rid").unwrap_or_default();
        match element.attr("ref-type") {
            Some("bibr") => {
                // Only a marker whose target is missing reaches here (one that prints nothing
                // is left out).
                let printed = element.text();
                if !printed.trim().is_empty() {
                    self.current.push(Span::Unresolved(printed));
                }
            }
            Some("fn")
                if !self.raised_notes
                    && !rids.is_empty()
                    && rids
                        .split_whitespace()
                        .all(|rid| self.context.footnotes.contains(rid)) =>
            {
                for rid in rids.split_whitespace() {
                    self.current.push(Span::Footnote(rid.to_owned()));
                }
            }
            // A table's footnote marker (`All<xref ref-type="table-fn">a</xref>`) is raised,
            // so that it does not read as part of the word (`Alla`).
            Some("fn" | "table-fn")
                if let Some(raised) = crate::corpus::text::as_raised_marker(&element.text()) =>
            {
                self.current.push_text(&raised);
            }
            _ => self.children(element),
        }
    }

    /// One citation: the markers of `run`, with the text between them and the brackets around.
    /// A run too long to print as one marker (an author-year group of many works) is written
    /// as one citation per marker, the text between them as text, so that each stays a link.
    fn cite_run(&mut self, nodes: &[Node<'d>], run: Run) {
        let mut opening = "";
        if let Some(Node::Text(before)) = run.start.checked_sub(1).and_then(|i| nodes.get(i)) {
            opening = before
                .get(before.len() - run.open_len.min(before.len())..)
                .unwrap_or_default();
        }
        let closing = match nodes.get(run.end + 1) {
            Some(Node::Text(after)) => after.get(..run.close_len).unwrap_or_default(),
            _ => "",
        };
        // The source's layout inside the brackets is no part of the marker: `(2)`, not `( 2 )`.
        let mut printed = opening.trim_end().to_owned();
        let mut markers = 0;
        let mut keys: Vec<String> = Vec::new();
        let mut dash_pending = false;
        let mut ranged = false;
        // The number the marker just before printed, when nothing stands between it and the
        // next (see `between_touching`).
        let mut number_before: Option<u32> = None;
        let within = nodes.get(run.start..=run.end).unwrap_or_default();
        for (at, node) in within.iter().enumerate() {
            if !matches!(node, Node::Element(_)) || marker_of(self.context, node).is_none() {
                number_before = None;
            }
            match node {
                // The layout of the source around a separator set as a superscript.
                Node::Text(text)
                    if text.trim().is_empty()
                        && [at.checked_sub(1), Some(at + 1)]
                            .into_iter()
                            .flatten()
                            .filter_map(|i| within.get(i))
                            .any(|n| matches!(n, Node::Element(_)) && joins_markers(n)) => {}
                Node::Text(text) => {
                    printed.push_str(text);
                    if text.contains(is_dash) {
                        dash_pending = true;
                    }
                }
                Node::Element(element) if marker_of(self.context, node).is_none() => {
                    let opened = printed.trim_start().starts_with(['(', '[']);
                    let text = separator_text(element, at == 0, at + 1 == within.len(), opened);
                    printed.push_str(&text);
                    if text.contains(is_dash) {
                        dash_pending = true;
                    }
                }
                Node::Element(element) => {
                    let xref = marker_of(self.context, node).unwrap_or(*element);
                    let text = xref.text();
                    if !text.trim().is_empty() && text.trim().chars().all(is_dash) {
                        // A range's dash set as a link of its own (`13<xref>–</xref>16`, as
                        // ASM writes it): the range cites what it links to.
                        printed.push_str(text.trim());
                        dash_pending = true;
                        number_before = None;
                        continue;
                    }
                    let number = text.trim().parse::<u32>().ok();
                    if let Some(separator) = between_touching(number_before, number) {
                        printed.push(separator);
                        dash_pending |= separator == '–';
                    }
                    number_before = number;
                    printed.push_str(text.trim());
                    let own = marker_keys(self.context, xref);
                    if dash_pending
                        && let (Some(last), Some(first)) = (keys.last().cloned(), own.first())
                    {
                        keys.extend(self.context.reference_range(&last, first));
                        ranged = true;
                    }
                    dash_pending = false;
                    keys.extend(own);
                    markers += 1;
                }
            }
        }
        match closing.char_indices().last() {
            Some((at, bracket)) if is_bracket(bracket) => {
                printed.push_str(closing.get(..at).unwrap_or_default().trim_end());
                printed.push(bracket);
            }
            _ => printed.push_str(closing),
        }
        if let (Some(to), Some(last)) = (run.tail, keys.last())
            && let Some(&last_end) = self.context.ref_by_number.get(&to)
        {
            let range = self.context.reference_range(last, last_end);
            keys.extend(range);
            ranged = true;
        }
        if !ranged && markers > 1 && collapse_whitespace(&printed).len() > MAX_PRINTED {
            self.cite_each(nodes, run, opening, closing);
            return;
        }
        let mut unique: Vec<String> = Vec::with_capacity(keys.len());
        for key in keys {
            if !unique.contains(&key) {
                unique.push(key);
            }
        }
        self.current.push_cite(printed.trim(), unique);
    }

    /// The markers of `run` as one citation each, with the brackets around and the text between
    /// them as text.
    fn cite_each(&mut self, nodes: &[Node<'d>], run: Run, opening: &str, closing: &str) {
        self.current.push_text(opening);
        for node in nodes.get(run.start..=run.end).unwrap_or_default() {
            match node {
                Node::Text(text) => self.current.push_text(text),
                Node::Element(element) if marker_of(self.context, node).is_none() => {
                    self.current.push_text(&element.text());
                }
                Node::Element(element) => {
                    let xref = marker_of(self.context, node).unwrap_or(*element);
                    let printed = xref.text();
                    self.current
                        .push_cite(printed.trim(), marker_keys(self.context, xref));
                }
            }
        }
        self.current.push_text(closing);
    }
}

/// Whether `rich` ends in a variable a script may belong to: one letter standing alone (`x`,
/// `Γ`, `W`) or an absolute value's bar (`|x|`), spaces after it aside.
fn ends_in_a_variable(rich: &Rich) -> bool {
    let Some(Span::Text(text)) = rich.spans.last() else {
        return false;
    };
    let mut last = text.trim_end().chars().rev();
    match (last.next(), last.next()) {
        (Some('|'), _) => true,
        (Some(letter), before) => {
            letter.is_alphabetic() && before.is_none_or(|c| !c.is_alphanumeric())
        }
        (None, _) => false,
    }
}

/// `rich` without the whitespace its text ends in.
fn trim_end(rich: &mut Rich) {
    if let Some(Span::Text(last)) = rich.spans.last_mut() {
        let kept = last.trim_end().len();
        last.truncate(kept);
    }
}

/// An inline or display formula as text: its TeX when it has one (the body of a whole LaTeX
/// document, as PMC writes it), else its `MathML` read as a line (`x₁ = y²`, not `x1 = y2`), else
/// the text of its content.
pub(super) fn formula_text(element: Element<'_>) -> String {
    if let Some(tex) = element.descendants_named("tex-math").first() {
        return tex_body(&tex.text());
    }
    if let Some(line) = element
        .descendants_named("math")
        .first()
        .and_then(|math| crate::formats::paper::mathml::linear_text(math.source()))
    {
        return line;
    }
    crate::formats::paper::collapse_whitespace(&element.text())
}

/// An inline formula's TeX, its own delimiters (`$…$`, `\\(…\\)`) taken off, when it has TeX that
/// the corpus can write as inline math ([`citations::reads_as_inline_math`]).
fn inline_tex(element: Element<'_>) -> Option<String> {
    let tex = tex_body(&element.descendants_named("tex-math").first()?.text());
    let inner = crate::formats::paper::collapse_whitespace(math::without_delimiters(&tex));
    Some(inner).filter(|inner| citations::reads_as_inline_math(inner))
}

/// The formula inside a TeX source: what stands between `\begin{document}` and
/// `\end{document}` when the source is a whole document.
pub(super) fn tex_body(tex: &str) -> String {
    let body = match (tex.find("\\begin{document}"), tex.find("\\end{document}")) {
        (Some(start), Some(end)) if start + 16 <= end => tex.get(start + 16..end).unwrap_or(tex),
        _ => tex,
    };
    body.trim().to_owned()
}

/// The alternative to read of an `<alternatives>`: a table, a formula's TeX or `MathML`, else
/// the first.
pub(super) fn preferred_alternative(element: Element<'_>) -> Option<Element<'_>> {
    ["table", "tex-math", "math"]
        .iter()
        .find_map(|name| element.child(name))
        .or_else(|| element.elements().next())
}

/// `text` without `label` printed at its start (a footnote's marker).
pub(super) fn without_label(mut text: Rich, label: &str) -> Rich {
    let label = label.trim();
    if label.is_empty() {
        return text;
    }
    if let Some(Span::Text(first)) = text.spans.first_mut() {
        let trimmed = first.trim_start();
        if let Some(rest) = trimmed.strip_prefix(label) {
            *first = rest.to_owned();
        }
    }
    text
}

/// What stands between two numbered markers that touch (the one `before`, the next `number`):
/// a range's dash when numbers lie between them (BMJ writes `1–3` as
/// `<xref>1</xref><xref>3</xref>`), else a comma (Nature writes `5,6` as
/// `<xref>5</xref><xref>6</xref>`). Years (`<xref>2001</xref><xref>2003</xref>`, an
/// author–date paper's) are no range of the list.
fn between_touching(before: Option<u32>, number: Option<u32>) -> Option<char> {
    let (before, number) = (before?, number?);
    Some(if number > before.saturating_add(1) && number < 1000 {
        '–'
    } else {
        ','
    })
}

/// What an element between the markers of a run prints: a separator set as a superscript
/// (`<sup>,</sup>`), the brackets each marker of a superscript group has (`<sup>),(</sup>`) left
/// out, or the bracket opening (`first`) or closing (`last`) the group (`<sup>(</sup>`,
/// `<sup>)</sup>`), closed only when `opened` (SciELO's markup at times keeps one alone).
fn separator_text(element: &Element<'_>, first: bool, last: bool, opened: bool) -> String {
    if first {
        element.text().trim().chars().take(1).collect()
    } else if last {
        if opened {
            element.text().trim().chars().take(1).collect()
        } else {
            String::new()
        }
    } else {
        let separator = element.text().replace(is_bracket, "");
        // `)- (` is a dash alone: `5-7`, not `5- 7`.
        if separator.contains(is_dash) {
            separator.trim().to_owned()
        } else {
            separator
        }
    }
}

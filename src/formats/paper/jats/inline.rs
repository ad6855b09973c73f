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
        }
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
                    self.current.push_text(text);
                }
                Node::Element(element) => self.element(*element),
            }
            skip_start = 0;
            index += 1;
        }
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
                if !rids.is_empty()
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
        let mut printed = opening.to_owned();
        let mut markers = 0;
        let mut keys: Vec<String> = Vec::new();
        let mut dash_pending = false;
        let mut ranged = false;
        let within = nodes.get(run.start..=run.end).unwrap_or_default();
        for (at, node) in within.iter().enumerate() {
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
                    // A separator set as a superscript (`<sup>,</sup>`).
                    let text = element.text();
                    printed.push_str(&text);
                    if text.contains(is_dash) {
                        dash_pending = true;
                    }
                }
                Node::Element(element) => {
                    let xref = marker_of(self.context, node).unwrap_or(*element);
                    printed.push_str(xref.text().trim());
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
        printed.push_str(closing);
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

/// The run of citation markers starting at `start` and ending at `end` (indexes into the
/// sibling nodes), and how many bytes of the text before and after belong to it: its brackets,
/// and after its last marker the end of a range printed as text (`–3` in `[<xref>1</xref>–3]`,
/// whose number is `tail`).
#[derive(Clone, Copy, Debug)]
struct Run {
    start: usize,
    end: usize,
    open_len: usize,
    close_len: usize,
    tail: Option<u32>,
}

/// The kinds of cross-reference JATS names (`ref-type`) other than a citation and the
/// catch-alls `other` and `custom`.
const TARGETS_NOT_CITED: [&str; 22] = [
    "aff",
    "app",
    "author-notes",
    "award",
    "bio",
    "boxed-text",
    "chem",
    "collab",
    "contrib",
    "corresp",
    "disp-formula",
    "fig",
    "fn",
    "kwd",
    "list",
    "plate",
    "scheme",
    "sec",
    "statement",
    "supplementary-material",
    "table",
    "table-fn",
];

/// Whether an `xref` of this `ref-type` cites the references its `rid`s name: `bibr`, and
/// also a type missing, mistyped (`foo`, as one SciELO article has it) or a catch-all, which
/// cites when its `rid` names a reference. A figure's or a footnote's `xref` never does.
fn may_cite(ref_type: Option<&str>) -> bool {
    ref_type.is_none_or(|kind| kind == "bibr" || !TARGETS_NOT_CITED.contains(&kind))
}

/// Whether `node` is a citation marker naming at least one reference.
fn is_marker(context: &Context<'_>, node: &Node<'_>) -> bool {
    marker_of(context, node).is_some()
}

/// The citation marker `node` is: an `xref ref-type="bibr"` naming at least one reference
/// (or one whose type [`may_cite`]), or
/// a superscript holding nothing but one (`<sup><xref>1</xref></sup>`).
fn marker_of<'d>(context: &Context<'_>, node: &Node<'d>) -> Option<Element<'d>> {
    let Node::Element(element) = node else {
        return None;
    };
    let names_a_reference = |xref: &Element<'_>| {
        xref.is("xref")
            && may_cite(xref.attr("ref-type"))
            && xref
                .attr("rid")
                .is_some_and(|rids| rids.split_whitespace().any(|rid| context.is_reference(rid)))
    };
    if names_a_reference(element) {
        return Some(*element);
    }
    if !element.is("sup") {
        return None;
    }
    let mut inner = None;
    for child in element.nodes() {
        match child {
            Node::Text(text) if text.trim().is_empty() => {}
            Node::Element(xref) if inner.is_none() && names_a_reference(&xref) => {
                inner = Some(xref);
            }
            _ => return None,
        }
    }
    inner
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

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '−')
}

/// Whether `node` may stand between two markers of one citation: a separator, as text or as a
/// superscript of text alone.
fn joins_markers(node: &Node<'_>) -> bool {
    match node {
        Node::Text(text) => is_separator(text),
        Node::Element(element) => {
            element.is("sup")
                && element.elements().next().is_none()
                && is_separator(&element.text())
        }
    }
}

/// Whether `text` only joins markers: commas, semicolons, dashes and spaces.
fn is_separator(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | ';') || is_dash(c))
}

/// The runs of markers among `nodes`: markers joined only by separators, with the bracket
/// just before and the matching one just after when both are there.
fn citation_runs(context: &Context<'_>, nodes: &[Node<'_>]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut index = 0;
    while index < nodes.len() {
        if !nodes.get(index).is_some_and(|n| is_marker(context, n)) {
            index += 1;
            continue;
        }
        let start = index;
        let mut end = index;
        loop {
            // Up to three nodes between two markers: a separator as text, or set as a
            // superscript with the spaces around it (`</xref> <sup>,</sup> <xref>`).
            let mut next = end + 1;
            while next <= end + 3 && nodes.get(next).is_some_and(joins_markers) {
                next += 1;
            }
            if nodes.get(next).is_some_and(|n| is_marker(context, n)) {
                end = next;
            } else {
                break;
            }
        }
        let before = start
            .checked_sub(1)
            .and_then(|i| nodes.get(i))
            .and_then(|n| match n {
                Node::Text(text) => Some(*text),
                Node::Element(_) => None,
            });
        let after = match nodes.get(end + 1) {
            Some(Node::Text(text)) => Some(*text),
            _ => None,
        };
        // A text node between two runs may close one and open the next: its start belongs to
        // the run before.
        let taken = runs
            .last()
            .filter(|previous: &&Run| previous.end + 2 == start)
            .map_or(0, |previous| previous.close_len);
        let (tail, tail_len) = after
            .and_then(|after| range_tail(context, nodes.get(end), after))
            .map_or((None, 0), |(number, length)| (Some(number), length));
        let (mut open_len, mut close_len) = (0, tail_len);
        if let (Some(before), Some(after)) = (before, after.and_then(|a| a.get(tail_len..))) {
            let trimmed = before.trim_end();
            for (open, close) in [('[', ']'), ('(', ')')] {
                if trimmed.ends_with(open) && after.trim_start().starts_with(close) {
                    let open_at = trimmed.len() - open.len_utf8();
                    if open_at >= taken {
                        open_len = before.len() - open_at;
                        close_len =
                            tail_len + after.len() - after.trim_start().len() + close.len_utf8();
                    }
                }
            }
        }
        let run = Run {
            start,
            end,
            open_len,
            close_len,
            tail,
        };
        // `[<xref>1</xref>]–[<xref>3</xref>]`: two bracketed markers joined by a separator
        // are one citation (a range when the separator is a dash).
        match runs.last_mut() {
            Some(previous)
                if previous.end + 2 == start
                    && previous.open_len > 0
                    && previous.close_len > 0
                    && open_len > 0
                    && close_len > 0
                    && nodes
                        .get(previous.end + 1)
                        .is_some_and(|between| is_bracketed_separator(between)) =>
            {
                previous.end = end;
                previous.close_len = close_len;
                previous.tail = tail;
            }
            _ => runs.push(run),
        }
        index = end + 1;
    }
    runs
}

/// The end of a range printed as text after the last marker (`–3` after `<xref>1</xref>`):
/// its number and its length in bytes, when the marker prints a smaller number, the number
/// names a reference and a closing bracket follows.
fn range_tail(context: &Context<'_>, last: Option<&Node<'_>>, after: &str) -> Option<(u32, usize)> {
    let marker = marker_of(context, last?)?;
    let from = *printed_numbers(&marker.text())?.last()?;
    let rest = after.trim_start();
    let dash = rest.chars().next().filter(|&c| is_dash(c))?;
    let digits_at = after.len() - rest.len() + dash.len_utf8();
    let digits_text = after.get(digits_at..)?;
    let digits = digits_text.len() - digits_text.trim_start().len();
    let number_text: String = digits_text
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let to: u32 = number_text.parse().ok()?;
    // Only inside brackets: `[1–3]`, `(1–3)`, never `1 - 3 groups`.
    let next = digits_text
        .trim_start()
        .get(number_text.len()..)?
        .trim_start()
        .chars()
        .next();
    let ends_here = matches!(next, Some(']' | ')'));
    (to > from && to - from <= 1000 && context.ref_by_number.contains_key(&to) && ends_here)
        .then_some((to, digits_at + digits + number_text.len()))
}

/// Whether `node` is text that closes a bracket, joins and opens the next: `]–[`, `], [`.
fn is_bracketed_separator(node: &Node<'_>) -> bool {
    let Node::Text(text) = node else {
        return false;
    };
    text.trim()
        .strip_prefix(']')
        .and_then(|rest| rest.strip_suffix('['))
        .is_some_and(is_separator)
}

/// The references one marker cites: each `rid` that names one, and, when the marker prints a
/// numeric range or list (`1–3`, `4,5`) starting at its reference's number, every reference
/// those numbers name.
fn marker_keys(context: &Context<'_>, xref: Element<'_>) -> Vec<String> {
    let rids: Vec<&str> = xref
        .attr("rid")
        .unwrap_or_default()
        .split_whitespace()
        .filter(|rid| context.is_reference(rid))
        .collect();
    let mut keys: Vec<String> = rids.iter().map(|&rid| rid.to_owned()).collect();
    if let Some(numbers) = printed_numbers(&xref.text())
        && numbers.len() > 1
        && let Some(first) = numbers.first()
        && rids
            .first()
            .is_some_and(|rid| context.ref_by_number.get(first) == Some(rid))
    {
        let named: Option<Vec<&str>> = numbers
            .iter()
            .map(|n| context.ref_by_number.get(n).copied())
            .collect();
        if let Some(named) = named {
            for id in named {
                if !keys.iter().any(|k| k == id) {
                    keys.push(id.to_owned());
                }
            }
        }
    }
    keys
}

/// The numbers a marker prints, ranges expanded (`[1–3, 5]` → 1, 2, 3, 5); `None` when it
/// prints anything else or a range longer than a reference list plausibly is.
fn printed_numbers(printed: &str) -> Option<Vec<u32>> {
    const MAX_NUMBERS: u32 = 1000;
    let inner = printed
        .trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')']);
    let mut numbers = Vec::new();
    for item in inner.split([',', ';']) {
        let item = item.trim();
        if let Some((from, to)) = item.split_once(is_dash) {
            let from: u32 = from.trim().parse().ok()?;
            let to: u32 = to.trim().parse().ok()?;
            if to < from || to - from > MAX_NUMBERS {
                return None;
            }
            numbers.extend(from..=to);
        } else {
            numbers.push(item.parse().ok()?);
        }
        if numbers.len() > MAX_NUMBERS as usize {
            return None;
        }
    }
    Some(numbers)
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

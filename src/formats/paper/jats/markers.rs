//! Citation markers in JATS: which `xref`s cite a reference, the runs of markers joined by
//! separators (as text or set as superscripts) that make one citation, their brackets, and the
//! references a run cites, ranges expanded.

use super::Context;
use crate::formats::paper::xml::{Element, Node};

/// The run of citation markers starting at `start` and ending at `end` (indexes into the
/// sibling nodes), and how many bytes of the text before and after belong to it: its brackets,
/// and after its last marker the end of a range printed as text (`–3` in `[<xref>1</xref>–3]`,
/// whose number is `tail`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Run {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) open_len: usize,
    pub(super) close_len: usize,
    pub(super) tail: Option<u32>,
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
pub(super) fn marker_of<'d>(context: &Context<'_>, node: &Node<'d>) -> Option<Element<'d>> {
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

/// Whether `c` is a dash of a range (`1–3`) or of a separator: hyphen, en, em or figure dash,
/// minus.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '−')
}

/// Whether `node` may stand between two markers of one citation: a separator, as text or as a
/// superscript of text alone.
pub(super) fn joins_markers(node: &Node<'_>) -> bool {
    match node {
        Node::Text(text) => is_separator(text),
        // A separator set as a superscript, with the brackets around each marker of the group
        // when the source sets them so (`<sup>)-(</sup>`, `<sup>), (</sup>`).
        Node::Element(element) => {
            element.is("sup")
                && element.elements().next().is_none()
                && is_separator(&element.text().replace(is_bracket, ""))
        }
    }
}

/// Whether `text` only joins markers: commas, semicolons, dashes and spaces.
fn is_separator(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | ';') || is_dash(c))
}

/// Whether `c` is a round or square bracket.
pub(super) fn is_bracket(c: char) -> bool {
    matches!(c, '(' | ')' | '[' | ']')
}

/// Whether `node` is a superscript holding nothing but some of `brackets`: what opens or
/// closes a group of markers set as superscripts (`<sup>(</sup><xref>4</xref><sup>)</sup>`).
fn is_bracket_superscript(node: Option<&Node<'_>>, brackets: [char; 2]) -> bool {
    let Some(Node::Element(element)) = node else {
        return false;
    };
    let text = element.text();
    element.is("sup")
        && element.elements().next().is_none()
        && !text.trim().is_empty()
        && text
            .chars()
            .all(|c| c.is_whitespace() || brackets.contains(&c))
}

/// The runs of markers among `nodes`: markers joined only by separators, with the bracket
/// just before and the matching one just after when both are there.
pub(super) fn citation_runs(context: &Context<'_>, nodes: &[Node<'_>]) -> Vec<Run> {
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
        // The brackets of a group of markers set as superscripts belong to it.
        let start = match start.checked_sub(1) {
            Some(previous) if is_bracket_superscript(nodes.get(previous), ['(', '[']) => previous,
            _ => start,
        };
        if is_bracket_superscript(nodes.get(end + 1), [')', ']']) {
            end += 1;
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
pub(super) fn marker_keys(context: &Context<'_>, xref: Element<'_>) -> Vec<String> {
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

/// The numbers a marker prints, ranges expanded (`[1–3, 5]` → 1, 2, 3, 5; `4 5` → 4, 5);
/// `None` when it prints anything else or a range longer than a reference list plausibly is.
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
            // Numbers one space apart are a list whose commas the source lost (BMJ's
            // `<sup>4 5</sup>`).
            for number in item.split_whitespace() {
                numbers.push(number.parse().ok()?);
            }
        }
        if numbers.len() > MAX_NUMBERS as usize {
            return None;
        }
    }
    Some(numbers)
}

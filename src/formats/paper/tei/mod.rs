//! GROBID's TEI XML (what GROBID 0.6–0.8 makes of a PDF), read into a [`PaperBuilder`]: the
//! header's title, authors, date, keywords and abstract ([`header`]); the body's flat `div`s
//! nested by their numbers, paragraphs with their citation markers, formulas, lists and
//! footnotes ([`body`]); tables and figures ([`figures`]); and the reference list's
//! `biblStruct`s as CSL-JSON ([`references`]).
//!
//! Markers keep GROBID's ids: `<ref type="bibr" target="#b3">` cites the reference whose
//! `xml:id` is `b3`. A marker without a target, or whose target names no `biblStruct`, cites
//! the works its authors and year name (`(Kiros et al., 2015)`); one naming none (`[5,` around
//! numbers that are not citations) stays as printed text and is counted as unresolved.

mod body;
#[cfg(test)]
mod body_tests;
mod figures;
#[cfg(test)]
mod figures_tests;
mod header;
mod references;

#[cfg(test)]
mod random_tests;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::corpus::model::Reference;

use super::plain::{Works, works_a_marker_names};
use super::xml::{self, Element, Node};
use super::{ImportOptions, PaperBuilder, Rich, Span};

/// Reads a GROBID TEI document into `builder`.
///
/// # Errors
/// When the text is not well-formed XML (cut off, damaged) or its root element is not `<TEI>`:
/// a [`Code::PaperSyntax`] error at the line and column of the problem.
pub(super) fn read(
    text: &str,
    _options: &ImportOptions<'_>,
    builder: &mut PaperBuilder,
) -> Result<(), Box<Diagnostic>> {
    let document = xml::parse(text)?;
    let root = document.root();
    if !root.is("TEI") && !root.is("teiCorpus") {
        return Err(Box::new(
            Diagnostic::error(
                Code::PaperSyntax,
                format!(
                    "the file's root element is <{}>, not <TEI>: this is not GROBID TEI XML",
                    root.qualified_name()
                ),
                "open the `.tei.xml` file GROBID wrote for the paper (it starts with <TEI>); a \
                 JATS article (<article>) is opened as JATS XML",
            )
            .located(root.location()),
        ));
    }
    // A corpus of several TEI documents: the first one is the paper.
    let root = if root.is("teiCorpus") {
        root.child("TEI").unwrap_or(root)
    } else {
        root
    };
    if let Some(message) = document.unknown_entities_message() {
        builder.warn(
            message,
            "GROBID writes plain characters; if the file was edited by hand, replace each entity \
             by the character it stands for",
            None,
        );
    }
    let text = root.child("text");
    let references: Vec<Reference> = text
        .map(bibliography)
        .unwrap_or_default()
        .into_iter()
        .map(references::reference)
        .collect();
    let context = Context::new(root, &references);
    header::read(root, builder);
    // An abstract citing works of the list is the paper's first section, so that its
    // citations link as the text's do.
    let citing_abstract = root
        .path(&["teiHeader", "profileDesc", "abstract"])
        .filter(|element| {
            element.descendants_named("ref").iter().any(|marker| {
                marker.attr("type") == Some("bibr")
                    && marker.attr("target").is_some_and(|target| {
                        let id = target.trim_start_matches('#');
                        references.iter().any(|reference| reference.id == id)
                    })
            })
        });
    if let Some(text) = text {
        let untitled = builder.paper().title.clone();
        body::read(text, &context, builder, (&untitled, citing_abstract));
    }
    for reference in references {
        builder.reference(reference);
    }
    if context.cites_by_author_and_year {
        builder.cite_unlinked_author_date();
    }
    Ok(())
}

/// The reference list's entries: every `biblStruct` of a `listBibl` in `text/back`, in order.
fn bibliography(text: Element<'_>) -> Vec<Element<'_>> {
    let Some(back) = text.child("back") else {
        return Vec::new();
    };
    // GROBID never nests lists: one inside an entry is the entry's text, read once.
    back.outermost(&["listBibl"])
        .into_iter()
        .flat_map(|list| list.children_named("biblStruct").collect::<Vec<_>>())
        .collect()
}

/// What the whole document tells the reading of each part: which ids markers may name.
pub(super) struct Context<'d> {
    /// The `xml:id`s of the reference list's entries.
    references: HashSet<String>,
    /// The reference list's works by authors and year, for a marker GROBID gave no target.
    works: Works,
    /// The `xml:id`s of the footnotes that say something (the others are left out).
    footnotes: HashSet<&'d str>,
    /// Whether most citation markers print a year: an author–date paper, whose citations
    /// GROBID left unmarked can be found by authors and year.
    cites_by_author_and_year: bool,
}

impl<'d> Context<'d> {
    fn new(root: Element<'d>, references: &[Reference]) -> Self {
        let text = root.child("text");
        let works = Works::of(references);
        let references = references
            .iter()
            .map(|reference| reference.id.clone())
            .collect();
        let notes = text
            .map(|text| text.descendants_named("note"))
            .unwrap_or_default();
        let markers = text
            .map(|text| text.descendants_named("ref"))
            .unwrap_or_default();
        let marked: HashSet<&str> = markers
            .iter()
            .filter(|reference| matches!(reference.attr("type"), Some("foot" | "note")))
            .flat_map(|reference| targets(*reference))
            .collect();
        let citations: Vec<Element<'d>> = markers
            .into_iter()
            .filter(|marker| marker.attr("type") == Some("bibr"))
            .collect();
        let dated = citations
            .iter()
            .filter(|marker| super::unlinked::prints_a_year(&marker.text()))
            .count();
        let footnotes = notes
            .iter()
            .filter(|note| is_footnote(**note) && !own_words(**note).is_empty())
            .filter(|note| !is_running_footer(**note, &marked))
            .filter_map(|note| note.attr("id"))
            .collect();
        Self {
            references,
            works,
            footnotes,
            cites_by_author_and_year: super::unlinked::most_print_a_year(citations.len(), dated),
        }
    }

    /// Whether the footnote `note` is read: it says something and is not the page's running
    /// footer (see [`is_running_footer`]). The test that lets markers name it, too.
    pub(super) fn reads_footnote(&self, note: Element<'d>) -> bool {
        match note.attr("id") {
            Some(id) => self.footnotes.contains(id),
            None => !own_words(note).is_empty(),
        }
    }

    /// The running text inside `element` (a paragraph, an item, a footnote): citation markers
    /// as citations, footnote markers as footnote links, everything else as printed text; and
    /// the blocks GROBID put inside it (figures, footnotes), to be read after it.
    pub(super) fn inline(&self, element: Element<'d>) -> (Rich, Vec<Element<'d>>) {
        let mut rich = Rich::default();
        let mut blocks = Vec::new();
        let mut stack: Vec<Step<'d>> = Vec::new();
        push_children(&mut stack, element);
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Space => {
                    rich.push_text(" ");
                    continue;
                }
                Step::Node(node) => node,
            };
            let child = match node {
                Node::Text(text) => {
                    rich.push_text(text);
                    continue;
                }
                Node::Element(child) => child,
            };
            match child.name() {
                "ref" => rich.push(self.marker(child)),
                "figure" => blocks.push(child),
                "note" if is_footnote(child) => blocks.push(child),
                "hi" if let Some(scripted) = raised_or_lowered(child) => rich.push_text(&scripted),
                name => {
                    if separates(name) {
                        rich.push_text(" ");
                        stack.push(Step::Space);
                    }
                    push_children(&mut stack, child);
                }
            }
        }
        (rich, blocks)
    }

    /// A `ref`: a citation of the references its targets name, a footnote marker, or printed
    /// text (figure, table and formula references, links).
    fn marker(&self, reference: Element<'d>) -> Span {
        let printed = reference.text();
        let targets = || targets(reference);
        match reference.attr("type") {
            Some("bibr") => {
                let mut keys: Vec<String> = targets()
                    .filter(|key| self.references.contains(*key))
                    .map(str::to_owned)
                    .collect();
                if keys.is_empty() {
                    keys = works_a_marker_names(&printed, &self.works);
                }
                if keys.is_empty() {
                    Span::Unresolved(printed)
                } else {
                    Span::Cite { printed, keys }
                }
            }
            Some("foot" | "note") => match targets().find(|id| self.footnotes.contains(id)) {
                Some(id) => Span::Footnote(id.to_owned()),
                None => Span::Text(printed),
            },
            _ => Span::Text(printed),
        }
    }
}

/// A step of the inline walk: a node to read, or a space to put between two sentences.
enum Step<'d> {
    Node(Node<'d>),
    Space,
}

/// A `<hi rend="superscript">` or `"subscript"` of digits and signs only (`10<hi
/// rend="superscript">-3</hi>`, `CO<hi rend="subscript">2</hi>`) raised or lowered in
/// Unicode, so the number reads as printed; `None` for anything else.
fn raised_or_lowered(hi: Element<'_>) -> Option<String> {
    let scripted = match hi.attr("rend")? {
        "superscript" | "sup" => crate::corpus::text::as_superscript,
        "subscript" | "sub" => crate::corpus::text::as_subscript,
        _ => return None,
    };
    if hi.elements().next().is_some() {
        return None;
    }
    let printed = hi.text();
    let trimmed = printed.trim();
    if trimmed.is_empty() {
        return None;
    }
    scripted(trimmed)
}

/// The ids a `ref`'s `target` names (`#b3 #b4` → `b3`, `b4`).
fn targets(reference: Element<'_>) -> impl Iterator<Item = &str> {
    reference
        .attr("target")
        .unwrap_or_default()
        .split_whitespace()
        .map(|target| target.trim_start_matches('#'))
}

/// Whether `note` is a footnote (or an endnote), not a note of another kind.
fn is_footnote(note: Element<'_>) -> bool {
    note.is("note") && matches!(note.attr("place"), Some("foot" | "end" | "bottom"))
}

/// Whether the footnote `note` is the running footer of the paper's first page, which GROBID
/// 0.8 files as a footnote (`Nature Plants | Volume 9 | September 2023 | 1468-1480`, `PLOS ONE
/// | https://doi.org/… June 13, 2019`): no number, no marker in the text names it
/// (`marked` holds the ids markers name), and one short line giving a year or a DOI. A real
/// footnote without a number keeps its place.
fn is_running_footer(note: Element<'_>, marked: &HashSet<&str>) -> bool {
    const LONGEST_FOOTER: usize = 200;
    let Some(id) = note.attr("id") else {
        return false;
    };
    if note.attr("n").is_some() || marked.contains(id) {
        return false;
    }
    let words = own_words(note);
    let gives_a_year = words
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")));
    words.len() <= LONGEST_FOOTER
        && note.children_named("p").count() <= 1
        && (gives_a_year || words.contains("doi.org/") || words.contains("DOI:"))
}

/// Pushes `element`'s children on `stack`, the first on top.
fn push_children<'d>(stack: &mut Vec<Step<'d>>, element: Element<'d>) {
    let before = stack.len();
    stack.extend(element.nodes().map(Step::Node));
    if let Some(added) = stack.get_mut(before..) {
        added.reverse();
    }
}

/// Whether an element's text is set apart from what stands around it: GROBID 0.8 writes
/// sentences (`<s>`) and paragraphs one after the other without a space between them.
fn separates(name: &str) -> bool {
    matches!(
        name,
        "s" | "p" | "div" | "head" | "item" | "row" | "cell" | "lb" | "label" | "figDesc"
    )
}

/// The text of `element` as printed, whitespace collapsed, its sentences and paragraphs apart.
fn plain(element: Element<'_>) -> String {
    let mut out = String::new();
    let mut stack: Vec<Step<'_>> = Vec::new();
    push_children(&mut stack, element);
    while let Some(step) = stack.pop() {
        match step {
            Step::Space => out.push(' '),
            Step::Node(Node::Text(text)) => out.push_str(text),
            Step::Node(Node::Element(child)) => {
                if separates(child.name()) {
                    out.push(' ');
                    stack.push(Step::Space);
                }
                push_children(&mut stack, child);
            }
        }
    }
    super::collapse_whitespace(&out)
}

/// The text of `element` itself, whitespace collapsed: without the footnotes and figures
/// inside it, which are read on their own (so nested ones are each read once).
fn own_words(element: Element<'_>) -> String {
    let mut out = String::new();
    let mut stack: Vec<Step<'_>> = Vec::new();
    push_children(&mut stack, element);
    while let Some(step) = stack.pop() {
        match step {
            Step::Space => out.push(' '),
            Step::Node(Node::Text(text)) => out.push_str(text),
            Step::Node(Node::Element(child)) => {
                if is_footnote(child) || child.is("figure") {
                    continue;
                }
                if separates(child.name()) {
                    out.push(' ');
                    stack.push(Step::Space);
                }
                push_children(&mut stack, child);
            }
        }
    }
    super::collapse_whitespace(&out)
}

/// The collapsed text of the first child named `name`, or empty.
fn child_text(element: Element<'_>, name: &str) -> String {
    element.child(name).map(plain).unwrap_or_default()
}

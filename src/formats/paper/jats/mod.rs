//! JATS XML (1.x, as `PubMed` Central `.nxml`, PLOS and eLife write it) read into a
//! [`PaperBuilder`]: the front matter ([`front`]), the body and back matter as sections
//! ([`body`]), inline text with its citation markers ([`inline`]), tables and figures
//! ([`tables`]) and the reference list as CSL-JSON ([`refs`]).
//!
//! The XML is read by the safe tree of [`super::xml`] (the DOCTYPE is never fetched, entities it
//! declares are never expanded, nesting is bounded), so every walk here recurses at most as
//! deep as that tree and visits each element a bounded number of times.

mod body;
#[cfg(test)]
mod copernicus_tests;
#[cfg(test)]
mod floats_tests;
mod front;
#[cfg(test)]
mod front_tests;
mod inline;
mod markers;
#[cfg(test)]
mod markers_tests;
#[cfg(test)]
mod random_tests;
mod refs;
#[cfg(test)]
mod refs_tests;
mod tables;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use crate::corpus::diagnostics::{Code, Diagnostic};

use super::xml::{self, Element};
use super::{ImportOptions, PaperBuilder};

/// Reads a JATS article into `builder`.
///
/// # Errors
/// When the text is not well-formed XML, or its root element is not `<article>`.
pub(super) fn read(
    text: &str,
    _options: &ImportOptions<'_>,
    builder: &mut PaperBuilder,
) -> Result<(), Box<Diagnostic>> {
    let document = xml::parse(text)?;
    let root = document.root();
    if !root.is("article") {
        return Err(Box::new(
            Diagnostic::error(
                Code::PaperSyntax,
                format!(
                    "this XML file's root element is <{}>, not the <article> of a JATS paper",
                    root.qualified_name()
                ),
                "open the article's JATS XML (the `.nxml` or `.xml` file PubMed Central, PLOS or \
                 eLife publish); a GROBID TEI file opens as TEI",
            )
            .located(root.location()),
        ));
    }
    if let Some(not_jats) = another_kind_of_article(root) {
        return Err(Box::new(not_jats));
    }
    if let Some(message) = document.unknown_entities_message() {
        builder.warn(
            message,
            "these come from the DTD, which is never read; the text shows them as `&name;`",
            None,
        );
    }
    let context = Context::new(root);
    let meta = root.path(&["front", "article-meta"]);
    if let Some(meta) = meta {
        front::read(&context, meta, builder);
    } else {
        builder.warn(
            "the article has no <front>/<article-meta>: no title, authors or abstract",
            "check the file is the whole article",
            None,
        );
    }
    let title = builder.paper().title.clone();
    let mut walker = body::Walker::new(&context, builder, title);
    walker.article(root);
    refs::read(&context, builder);
    if context.cites_by_author_and_year {
        builder.cite_unlinked_author_date();
    }
    Ok(())
}

/// The parts of a JATS article its root holds: how it was processed, the front matter, the
/// body, the back matter, floats kept apart, and the articles inside it.
const JATS_PARTS: [&str; 7] = [
    "processing-meta",
    "front",
    "body",
    "back",
    "floats-group",
    "sub-article",
    "response",
];

/// Why an `<article>` is no JATS article, when it is not: a publisher's own XML (Elsevier's,
/// Nature's, the Royal Society of Chemistry's, IOP's) names its root `<article>` too, but
/// holds no `<front>` and parts JATS has none of (`<head>`, `<article-metadata>`). Read as
/// JATS it would give nothing, or stray paragraphs without a title or references.
fn another_kind_of_article(root: Element<'_>) -> Option<Diagnostic> {
    let children: Vec<Element<'_>> = root.elements().collect();
    let is_part = |child: &Element<'_>| JATS_PARTS.iter().any(|part| child.is(part));
    if children.iter().any(|child| child.is("front")) || children.iter().all(is_part) {
        return None;
    }
    let namespace = root
        .attr("xmlns")
        .filter(|namespace| !namespace.contains("jats") && !namespace.contains("nlm.nih.gov"));
    let mut names: Vec<String> = Vec::new();
    for child in &children {
        let name = format!("<{}>", child.qualified_name());
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let shown = names.len().min(5);
    let mut parts = names.get(..shown).unwrap_or_default().join(", ");
    if names.len() > shown {
        parts.push_str(", …");
    }
    let whose = namespace.map_or_else(String::new, |namespace| {
        format!(" (its elements are in the namespace `{namespace}`)")
    });
    Some(
        Diagnostic::error(
            Code::PaperSyntax,
            format!(
                "this XML's root is an <article>, but not a JATS one{whose}: it holds {parts} \
                 where a JATS article holds <front>, <body> and <back>; it looks like a \
                 publisher's own XML, which paperlens does not read"
            ),
            "open the article's JATS XML if it has one (PubMed Central and Europe PMC give an \
             open-access article's as XML), or its PDF, whose text paperlens reads",
        )
        .located(root.location()),
    )
}

/// What the whole article tells every part of the walk: its references (by id, in list order,
/// by printed number) and which `fn` elements are footnotes the text marks.
pub(super) struct Context<'d> {
    /// Every `ref` of the reference lists, in order, but for one repeating an earlier one
    /// word for word, id and all.
    refs: Vec<Element<'d>>,
    /// How many `ref`s repeat an earlier one word for word (Pandoc lists a work cited under
    /// one key twice).
    repeated_refs: usize,
    /// A reference's position in `refs` by its id.
    ref_position: HashMap<&'d str, usize>,
    /// A reference's id by the number its label prints (`12` for `<label>12.</label>`).
    ref_by_number: HashMap<u32, &'d str>,
    /// The ids of the footnotes read as footnotes (marked by an `xref ref-type="fn"` outside
    /// the author list and a table's cells, not in a table's foot or the author notes).
    footnotes: HashSet<&'d str>,
    /// The notes of the article's notes marked only in a table's cells, each with the `table`
    /// marking it first (Pandoc writes a table's notes so): read as that table's notes, its
    /// cells' markers raised.
    table_notes: Vec<(Element<'d>, Element<'d>)>,
    /// The article's language (`xml:lang` of the root), when it says.
    language: Option<&'d str>,
    /// The floating `fig`s and `table-wrap`s with a caption in reading order, of each kind of
    /// which none has a label (none otherwise): Copernicus and Pandoc (JOSS) leave the
    /// numbering to the page (`Figure 1.`), and Copernicus's text names them so (`Fig. 1`,
    /// `Table 1`).
    unlabelled: [Vec<Element<'d>>; 2],
    /// Whether most of its citation markers print a year (`Schuman et al., 2014`), or it has
    /// none: an author–date article, whose citations left unmarked can be found by authors
    /// and year.
    cites_by_author_and_year: bool,
}

/// Where an element sits, as the walk of [`Context::new`] keeps it: five facts, each true
/// of an element and everything inside it.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Default)]
struct Place<'d> {
    /// Inside a table (its foot's notes are the table's) or the author notes.
    excluded: bool,
    /// Inside a reference.
    in_ref: bool,
    /// Inside the author list.
    in_authors: bool,
    /// Inside a sub-article (read by its own walker).
    in_sub_article: bool,
    /// The `table` (of rows and cells) it is inside.
    table: Option<Element<'d>>,
}

impl<'d> Context<'d> {
    fn new(root: Element<'d>) -> Self {
        let mut refs = Vec::new();
        let mut marked: HashSet<&'d str> = HashSet::new();
        // A note's id, and the table whose cells mark it first.
        let mut marked_in_cells: HashMap<&'d str, Element<'d>> = HashMap::new();
        let mut notes: Vec<Element<'d>> = Vec::new();
        let mut excluded: HashSet<&'d str> = HashSet::new();
        let (mut markers, mut dated_markers) = (0_usize, 0_usize);
        // The article's own figures and tables (not a sub-article's), in reading order.
        let mut floats: [Vec<Element<'d>>; 2] = [Vec::new(), Vec::new()];
        // One walk over the tree, without recursion; a stack keeps where each element is.
        let mut stack: Vec<(Element<'d>, Place<'d>)> = vec![(root, Place::default())];
        while let Some((element, place)) = stack.pop() {
            let name = element.name();
            if name == "ref" && !place.in_ref {
                refs.push(element);
            }
            // A sub-article's own text is read by its walker; only its reference list (a
            // reply's, a commentary's) joins the article's.
            let in_sub_article = place.in_sub_article || is_sub_article(element);
            // An author's link to a note (eLife's contributions, competing interests) marks
            // no place in the text: such a note is read as the paragraph it is.
            let in_authors = place.in_authors || name == "contrib-group";
            if !in_sub_article
                && name == "xref"
                && !in_authors
                && element.attr("ref-type") == Some("fn")
                && let Some(rid) = element.attr("rid")
            {
                match place.table {
                    Some(table) => {
                        for id in rid.split_whitespace() {
                            marked_in_cells.entry(id).or_insert(table);
                        }
                    }
                    None => marked.extend(rid.split_whitespace()),
                }
            }
            // A float set in the line (`position="anchor"`, eLife's small tables) is not
            // numbered.
            if !in_sub_article
                && element.attr("position") != Some("anchor")
                && let Some(kind) = ["fig", "table-wrap"].iter().position(|f| *f == name)
                && let Some(list) = floats.get_mut(kind)
            {
                list.push(element);
            }
            if name == "xref" && element.attr("ref-type") == Some("bibr") {
                markers += 1;
                if super::unlinked::prints_a_year(&element.text()) {
                    dated_markers += 1;
                }
            }
            let excluded_now =
                place.excluded || matches!(name, "table-wrap-foot" | "author-notes" | "table-wrap");
            if !in_sub_article
                && name == "fn"
                && let Some(id) = element.attr("id")
            {
                if excluded_now {
                    excluded.insert(id);
                } else {
                    notes.push(element);
                }
            }
            let inner = Place {
                excluded: excluded_now,
                in_ref: place.in_ref || name == "ref",
                in_authors,
                in_sub_article,
                table: if name == "table" && place.excluded {
                    Some(element)
                } else {
                    place.table
                },
            };
            // Children pushed in reverse, so that they are visited in document order.
            let before = stack.len();
            stack.extend(element.elements().map(|child| (child, inner)));
            if let Some(added) = stack.get_mut(before..) {
                added.reverse();
            }
        }
        let (refs, repeated_refs) = Self::without_repeats(refs);
        let (ref_position, ref_by_number) = Self::reference_indexes(&refs);
        let footnotes: HashSet<&'d str> = notes
            .iter()
            .filter_map(|note| note.attr("id"))
            .filter(|id| marked.contains(id) && !excluded.contains(id))
            .collect();
        let table_notes = notes
            .iter()
            .filter_map(|note| {
                let id = note.attr("id")?;
                let table = marked_in_cells.get(id)?;
                (!footnotes.contains(id) && !excluded.contains(id)).then_some((*table, *note))
            })
            .collect();
        Self {
            language: root.attr("xml:lang"),
            unlabelled: floats.map(Self::numbered_by_place),
            // An article that marks no citation at all (Copernicus prints `(Mason et al.,
            // 1994)` as text) is read for them by authors and year too.
            cites_by_author_and_year: markers == 0
                || super::unlinked::most_print_a_year(markers, dated_markers),
            refs,
            repeated_refs,
            ref_position,
            ref_by_number,
            footnotes,
            table_notes,
        }
    }

    /// The notes of the article's notes that only `table`'s cells mark, in the notes' order.
    fn notes_marked_in(&self, table: Element<'d>) -> impl Iterator<Item = Element<'d>> + '_ {
        self.table_notes
            .iter()
            .filter(move |(marking, _)| *marking == table)
            .map(|(_, note)| *note)
    }

    /// Whether `note` is read as a table's note (only that table's cells mark it).
    fn is_table_note(&self, note: Element<'d>) -> bool {
        self.table_notes
            .iter()
            .any(|(_, table_note)| *table_note == note)
    }

    /// `refs` but for each repeating an earlier one word for word, id and all; and how many
    /// did.
    fn without_repeats(mut refs: Vec<Element<'d>>) -> (Vec<Element<'d>>, usize) {
        let before = refs.len();
        let mut listed: HashSet<(&'d str, &'d str)> = HashSet::new();
        refs.retain(|reference| {
            reference
                .attr("id")
                .is_none_or(|id| listed.insert((id, reference.source())))
        });
        let repeated = before - refs.len();
        (refs, repeated)
    }

    /// Each reference's position in `refs` by its id, and its id by the number its label
    /// prints (the first of each).
    fn reference_indexes(refs: &[Element<'d>]) -> (HashMap<&'d str, usize>, HashMap<u32, &'d str>) {
        let mut ref_position = HashMap::new();
        let mut ref_by_number = HashMap::new();
        for (position, reference) in refs.iter().enumerate() {
            if let Some(id) = reference.attr("id") {
                ref_position.entry(id).or_insert(position);
                if let Some(number) = refs::label_number(*reference) {
                    ref_by_number.entry(number).or_insert(id);
                }
            }
        }
        (ref_position, ref_by_number)
    }

    /// The floats of `list` (one kind's, in reading order) the page numbers by their place:
    /// those with a caption, when none has a label (an image without a caption, a book's
    /// cover, is no numbered figure); none when one has a label.
    fn numbered_by_place(mut list: Vec<Element<'d>>) -> Vec<Element<'d>> {
        if list.iter().any(|float| float.child("label").is_some()) {
            return Vec::new();
        }
        list.retain(|float| {
            float
                .child("caption")
                .is_some_and(|caption| !caption.text().trim().is_empty())
        });
        list
    }

    /// The label the page would print for a figure or table of an article that labels none
    /// (`Figure 3`, `Table 1`, by its place in reading order); `None` when it has a label.
    fn label_by_place(&self, float: Element<'d>, kind: &str) -> Option<String> {
        let place = self
            .unlabelled
            .iter()
            .find_map(|list| list.iter().position(|listed| *listed == float))?;
        Some(format!("{kind} {}", place + 1))
    }

    /// Whether `id` names a reference.
    fn is_reference(&self, id: &str) -> bool {
        self.ref_position.contains_key(id)
    }

    /// The ids of the references from `first` to `last` in list order, both included (just
    /// the two when they are out of order or the range is implausibly long).
    fn reference_range(&self, first: &str, last: &str) -> Vec<String> {
        /// A range of markers never spans more references than this.
        const MAX_RANGE: usize = 1000;
        let (Some(&from), Some(&to)) = (self.ref_position.get(first), self.ref_position.get(last))
        else {
            return vec![first.to_owned(), last.to_owned()];
        };
        if from > to || to - from > MAX_RANGE {
            return vec![first.to_owned(), last.to_owned()];
        }
        self.refs
            .get(from..=to)
            .unwrap_or_default()
            .iter()
            .filter_map(|r| r.attr("id"))
            .map(str::to_owned)
            .collect()
    }
}

/// An element's text with whitespace collapsed.
fn plain_text(element: Element<'_>) -> String {
    super::collapse_whitespace(&element.text())
}

/// Whether `element` is an article inside the article (eLife's decision letter and author
/// response, a reply): the walk reads it after the article's own text, as a section of its own.
fn is_sub_article(element: Element<'_>) -> bool {
    element.is("sub-article") || element.is("response")
}

/// Whether `p` only gives a DOI, as eLife writes under every caption and abstract
/// (`<p><bold>DOI:</bold> <ext-link ext-link-type="doi">http://dx.doi.org/…</ext-link></p>`):
/// the record's address, not its text.
fn is_doi_line(p: Element<'_>) -> bool {
    p.is("p")
        && p.elements().any(|e| e.is("ext-link") || e.is("uri"))
        && plain_text(p)
            .strip_prefix("DOI:")
            .is_some_and(|rest| rest.split_whitespace().count() == 1)
}

/// The collapsed text of the first child named `name`, or empty.
fn child_text(element: Element<'_>, name: &str) -> String {
    element.child(name).map(plain_text).unwrap_or_default()
}

//! A small, safe XML tree for the JATS and TEI importers, read with quick-xml.
//!
//! Safe by construction: the DOCTYPE is skipped and never fetched, entities it declares are never
//! expanded (so an entity-expansion bomb is inert text), character references and the HTML named
//! entities JATS uses (`&nbsp;`, `&alpha;`) are resolved, nesting deeper than [`MAX_DEPTH`] and
//! more than [`MAX_NODES`] nodes are refused with a diagnostic, and the tree is walked without
//! recursion where depth is not bounded.
//!
//! The tree borrows from the source: names, attribute values and text are slices of it, copied
//! only where an entity or character reference had to be resolved. Nodes sit in one vector,
//! linked to their first child and next sibling, so reading a file allocates a handful of times,
//! not once per element.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::escape::{resolve_html5_entity, resolve_xml_entity};
use quick_xml::events::Event;

use crate::corpus::diagnostics::{Code, Diagnostic, Location};

/// The deepest nesting read: real papers stay far below it.
pub const MAX_DEPTH: usize = 512;
/// The most nodes (elements and text runs) one file may hold.
pub const MAX_NODES: usize = 4_000_000;

/// No node: the end of a list of siblings, or an element without children.
const NONE: usize = usize::MAX;

/// What one node holds.
#[derive(Clone, Debug)]
enum NodeData<'s> {
    Element {
        /// The name as written, with its prefix (`mml:math`).
        name: &'s str,
        /// Where its attributes are in [`Document::attributes`].
        attributes: (usize, usize),
        /// Its first child, or [`NONE`].
        first_child: usize,
        /// Byte offsets of the start tag's `<` and just after the end tag.
        span: (usize, usize),
    },
    Text(Cow<'s, str>),
}

/// One node of the tree and the sibling after it.
#[derive(Clone, Debug)]
struct Slot<'s> {
    data: NodeData<'s>,
    /// The next sibling, or [`NONE`].
    next: usize,
}

/// A parsed XML document.
#[derive(Clone, Debug)]
pub struct Document<'s> {
    source: &'s str,
    nodes: Vec<Slot<'s>>,
    /// Every element's attributes, element after element: names as written (with their
    /// prefix), values unescaped.
    attributes: Vec<(&'s str, Cow<'s, str>)>,
    root: usize,
    /// Entities neither XML, HTML nor a character reference defines, kept as written.
    pub unknown_entities: Vec<String>,
}

/// An element's name, attribute range, first child and byte span, as stored.
type ElementData<'d> = (&'d str, (usize, usize), usize, (usize, usize));

/// An element of a [`Document`].
#[derive(Clone, Copy, Debug)]
pub struct Element<'d> {
    document: &'d Document<'d>,
    id: usize,
}

/// Two elements are equal when they are the same element of the same document.
impl PartialEq for Element<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.document, other.document) && self.id == other.id
    }
}

impl Eq for Element<'_> {}

/// A child of an element: an element or a run of text.
#[derive(Clone, Copy, Debug)]
pub enum Node<'d> {
    /// An element.
    Element(Element<'d>),
    /// Text (references resolved).
    Text(&'d str),
}

/// Parses `source`, or says in plain words where and why it is not well-formed XML.
///
/// # Errors
/// A [`Code::PaperSyntax`] diagnostic at the line and column of the problem.
pub fn parse(source: &str) -> Result<Document<'_>, Box<Diagnostic>> {
    let mut reader = Reader::from_str(source);
    reader.config_mut().check_end_names = true;
    let mut tree = Tree {
        source,
        // Real articles hold about one node per 30 bytes and one attribute per 130: one
        // allocation each for most files (pages never written to are never touched).
        nodes: Vec::with_capacity(source.len() / 20),
        attributes: Vec::with_capacity(source.len() / 64),
        stack: Vec::new(),
        root: None,
        unknown_entities: Vec::new(),
    };
    loop {
        let before = reader.buffer_position();
        let event = reader.read_event().map_err(|error| {
            tree.fail(
                reader.error_position(),
                format!("the file is not well-formed XML: {error}"),
                "check the file is complete (not cut off) and is the XML the publisher or GROBID \
                 wrote; an XML editor or `xmllint --noout FILE` shows the problem",
            )
        })?;
        match event {
            Event::Start(start) => tree.open(&start, before, None)?,
            Event::Empty(start) => tree.open(&start, before, Some(reader.buffer_position()))?,
            Event::End(_) => {
                if let Some(open) = tree.stack.pop() {
                    tree.close(open.id, reader.buffer_position());
                }
            }
            Event::Text(text) => {
                let text = tree.borrowed(&text);
                tree.text(text, before)?;
            }
            Event::CData(data) => {
                let text = tree.borrowed(&data);
                tree.text(text, before)?;
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(Cow::Owned(c.to_string())),
                    Ok(None) => std::str::from_utf8(&reference)
                        .ok()
                        .and_then(named_entity)
                        .map(Cow::Borrowed),
                    Err(_) => None,
                };
                let text = resolved.unwrap_or_else(|| {
                    let name = String::from_utf8_lossy(&reference).into_owned();
                    let written = format!("&{name};");
                    if tree.unknown_entities.len() < 100 && !tree.unknown_entities.contains(&name) {
                        tree.unknown_entities.push(name);
                    }
                    Cow::Owned(written)
                });
                tree.text(text, before)?;
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    tree.finish()
}

/// The text a named entity stands for: XML's five, then HTML's (`&nbsp;`, `&alpha;`).
fn named_entity(name: &str) -> Option<&'static str> {
    resolve_xml_entity(name)
        .or_else(|| greek_small_letter(name))
        .or_else(|| resolve_html5_entity(name))
}

/// The Greek small letters `alpha` to `omicron`, which quick-xml 0.38's HTML table maps to `;`.
fn greek_small_letter(name: &str) -> Option<&'static str> {
    Some(match name {
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsiv" | "varepsilon" | "epsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" => "θ",
        "iota" => "ι",
        "kappa" => "κ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "omicron" => "ο",
        _ => return None,
    })
}

/// An element still open while the tree is read.
struct Open {
    id: usize,
    /// Its last child so far, or [`NONE`].
    last_child: usize,
}

/// The tree as it is read.
struct Tree<'s> {
    source: &'s str,
    nodes: Vec<Slot<'s>>,
    attributes: Vec<(&'s str, Cow<'s, str>)>,
    /// The open elements, outermost first.
    stack: Vec<Open>,
    root: Option<usize>,
    unknown_entities: Vec<String>,
}

impl<'s> Tree<'s> {
    fn fail(&self, offset: u64, message: String, hint: &str) -> Box<Diagnostic> {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        Box::new(
            Diagnostic::error(Code::PaperSyntax, message, hint).located(Location::at_offset(
                self.source,
                offset,
                0,
            )),
        )
    }

    /// `part` as the slice of the source it is (the reader hands out slices of the source),
    /// or a copy when it is not one or is not UTF-8.
    fn borrowed(&self, part: &[u8]) -> Cow<'s, str> {
        match within(self.source, part) {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(String::from_utf8_lossy(part).into_owned()),
        }
    }

    /// Adds a node as the last child of the open element (or as a root).
    fn add(&mut self, data: NodeData<'s>, at: u64) -> Result<usize, Box<Diagnostic>> {
        if self.nodes.len() >= MAX_NODES {
            return Err(self.fail(
                at,
                format!("the file holds more than {MAX_NODES} XML nodes"),
                "paperlens reads one paper at a time; split the file",
            ));
        }
        let id = self.nodes.len();
        self.nodes.push(Slot { data, next: NONE });
        if let Some(parent) = self.stack.last_mut() {
            let previous = std::mem::replace(&mut parent.last_child, id);
            if previous == NONE {
                if let Some(Slot {
                    data: NodeData::Element { first_child, .. },
                    ..
                }) = self.nodes.get_mut(parent.id)
                {
                    *first_child = id;
                }
            } else if let Some(slot) = self.nodes.get_mut(previous) {
                slot.next = id;
            }
        }
        Ok(id)
    }

    /// A start tag at byte `at`; `empty_end` is where an empty element `<x/>` ends.
    fn open(
        &mut self,
        start: &quick_xml::events::BytesStart<'_>,
        at: u64,
        empty_end: Option<u64>,
    ) -> Result<(), Box<Diagnostic>> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.fail(
                at,
                format!("elements are nested more than {MAX_DEPTH} deep here"),
                "no paper nests its markup this deep; the file is damaged or was made to break \
                 readers",
            ));
        }
        let name = match self.borrowed(start.name().as_ref()) {
            Cow::Borrowed(name) => name,
            // Not a slice of the source (never so for text read with `Reader::from_str`).
            Cow::Owned(_) => "",
        };
        let first_attribute = self.attributes.len();
        for attribute in start.attributes().with_checks(false).flatten() {
            let Some(key) = within(self.source, attribute.key.as_ref()) else {
                continue;
            };
            let value = if attribute.value.contains(&b'&') {
                attribute
                    .unescape_value_with(named_entity)
                    .map_or_else(
                        |_| String::from_utf8_lossy(&attribute.value).into_owned(),
                        Cow::into_owned,
                    )
                    .into()
            } else {
                self.borrowed(&attribute.value)
            };
            self.attributes.push((key, value));
        }
        let offset = usize::try_from(at).unwrap_or(usize::MAX);
        let id = self.add(
            NodeData::Element {
                name,
                attributes: (first_attribute, self.attributes.len()),
                first_child: NONE,
                span: (offset, offset),
            },
            at,
        )?;
        if self.stack.is_empty() && self.root.is_none() {
            self.root = Some(id);
        }
        match empty_end {
            Some(end) => self.close(id, end),
            None => self.stack.push(Open {
                id,
                last_child: NONE,
            }),
        }
        Ok(())
    }

    fn close(&mut self, id: usize, end: u64) {
        if let Some(Slot {
            data: NodeData::Element { span, .. },
            ..
        }) = self.nodes.get_mut(id)
        {
            span.1 = usize::try_from(end).unwrap_or(span.0);
        }
    }

    /// Text inside the open element, joined to a text node just before it.
    fn text(&mut self, text: Cow<'s, str>, at: u64) -> Result<(), Box<Diagnostic>> {
        let Some(parent) = self.stack.last() else {
            return Ok(());
        };
        if let Some(Slot {
            data: NodeData::Text(existing),
            ..
        }) = self.nodes.get_mut(parent.last_child)
        {
            existing.to_mut().push_str(&text);
            return Ok(());
        }
        self.add(NodeData::Text(text), at)?;
        Ok(())
    }

    fn finish(self) -> Result<Document<'s>, Box<Diagnostic>> {
        if let Some(open) = self.stack.last()
            && let Some(Slot {
                data: NodeData::Element { name, span, .. },
                ..
            }) = self.nodes.get(open.id)
        {
            return Err(self.fail(
                u64::try_from(span.0).unwrap_or(0),
                format!("the element <{name}> opened here is never closed"),
                "the file is cut off or damaged: get it again from where it came from",
            ));
        }
        let Some(root) = self.root else {
            return Err(self.fail(
                0,
                "the file holds no XML element".to_owned(),
                "open a JATS or TEI XML file",
            ));
        };
        Ok(Document {
            source: self.source,
            nodes: self.nodes,
            attributes: self.attributes,
            root,
            unknown_entities: self.unknown_entities,
        })
    }
}

/// A name without its prefix (`math` for `mml:math`).
fn local_name(qualified: &str) -> &str {
    match qualified.bytes().rposition(|byte| byte == b':') {
        Some(colon) => qualified.get(colon + 1..).unwrap_or(qualified),
        None => qualified,
    }
}

/// `part` as a slice of `source`, when it lies inside it (two live allocations never overlap,
/// so bytes at an address inside `source` are `source`'s own), on character boundaries.
fn within<'s>(source: &'s str, part: &[u8]) -> Option<&'s str> {
    let start = part.as_ptr().addr().checked_sub(source.as_ptr().addr())?;
    source.get(start..start.checked_add(part.len())?)
}

impl<'s> Document<'s> {
    /// The warning for the entities the file uses but never defines, which are kept as written
    /// (the first ten named); `None` when there are none.
    #[must_use]
    pub fn unknown_entities_message(&self) -> Option<String> {
        if self.unknown_entities.is_empty() {
            return None;
        }
        let names: Vec<String> = self
            .unknown_entities
            .iter()
            .take(10)
            .map(|name| format!("&{name};"))
            .collect();
        let count = self.unknown_entities.len();
        Some(format!(
            "{} the file does not define {} kept as written: {}",
            crate::corpus::counted(count, "entity"),
            if count == 1 { "was" } else { "were" },
            names.join(", ")
        ))
    }

    /// The root element.
    #[must_use]
    pub fn root(&self) -> Element<'_> {
        Element {
            document: self,
            id: self.root,
        }
    }

    /// The source text the document was read from.
    #[must_use]
    pub fn source(&self) -> &'s str {
        self.source
    }
}

impl<'d> Element<'d> {
    fn data(&self) -> Option<ElementData<'d>> {
        match self.document.nodes.get(self.id) {
            Some(Slot {
                data:
                    NodeData::Element {
                        name,
                        attributes,
                        first_child,
                        span,
                    },
                ..
            }) => Some((name, *attributes, *first_child, *span)),
            _ => None,
        }
    }

    /// The name without its prefix (`math` for `mml:math`).
    #[must_use]
    pub fn name(&self) -> &'d str {
        local_name(self.qualified_name())
    }

    /// The name as written, with its prefix.
    #[must_use]
    pub fn qualified_name(&self) -> &'d str {
        self.data().map_or("", |(name, ..)| name)
    }

    /// Whether the element is named `name` (without prefix).
    #[must_use]
    pub fn is(&self, name: &str) -> bool {
        self.name() == name
    }

    /// The value of the attribute written `name` (`xlink:href`), or, failing that, the first
    /// whose name without prefix is `name` (`href`).
    #[must_use]
    pub fn attr(&self, name: &str) -> Option<&'d str> {
        let (from, to) = self.data()?.1;
        let attributes = self.document.attributes.get(from..to)?;
        attributes
            .iter()
            .find(|(key, _)| *key == name)
            .or_else(|| attributes.iter().find(|(key, _)| local_name(key) == name))
            .map(|(_, value)| value.as_ref())
    }

    /// The children, elements and text, in order.
    pub fn nodes(&self) -> impl Iterator<Item = Node<'d>> + use<'d> {
        let document = self.document;
        let mut next = self
            .data()
            .map_or(NONE, |(_, _, first_child, _)| first_child);
        std::iter::from_fn(move || {
            let id = next;
            let slot = document.nodes.get(id)?;
            next = slot.next;
            Some(match &slot.data {
                NodeData::Element { .. } => Node::Element(Element { document, id }),
                NodeData::Text(text) => Node::Text(text.as_ref()),
            })
        })
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = Element<'d>> + use<'d> {
        self.nodes().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    #[must_use]
    pub fn child(&self, name: &str) -> Option<Element<'d>> {
        self.elements().find(|e| e.is(name))
    }

    /// The child elements named `name`.
    pub fn children_named<'n>(
        &self,
        name: &'n str,
    ) -> impl Iterator<Item = Element<'d>> + use<'d, 'n> {
        self.elements().filter(move |e| e.is(name))
    }

    /// The element at the end of a path of child names (`["front", "article-meta"]`).
    #[must_use]
    pub fn path(&self, names: &[&str]) -> Option<Element<'d>> {
        names
            .iter()
            .try_fold(*self, |element, name| element.child(name))
    }

    /// Every element below this one, in document order (walked without recursion).
    #[must_use]
    pub fn descendants(&self) -> Vec<Element<'d>> {
        let mut out = Vec::new();
        let mut stack: Vec<Element<'d>> = self.elements().collect();
        stack.reverse();
        while let Some(element) = stack.pop() {
            out.push(element);
            let before = stack.len();
            stack.extend(element.elements());
            if let Some(added) = stack.get_mut(before..) {
                added.reverse();
            }
        }
        out
    }

    /// The descendants named one of `names`, in document order, leaving out those inside
    /// another such one (walked without recursion).
    #[must_use]
    pub fn outermost(&self, names: &[&str]) -> Vec<Element<'d>> {
        let mut out = Vec::new();
        let mut stack: Vec<Element<'d>> = self.elements().collect();
        stack.reverse();
        while let Some(next) = stack.pop() {
            if names.iter().any(|name| next.is(name)) {
                out.push(next);
                continue;
            }
            let before = stack.len();
            stack.extend(next.elements());
            if let Some(added) = stack.get_mut(before..) {
                added.reverse();
            }
        }
        out
    }

    /// The descendants named `name`, in document order.
    #[must_use]
    pub fn descendants_named(&self, name: &str) -> Vec<Element<'d>> {
        self.descendants()
            .into_iter()
            .filter(|e| e.is(name))
            .collect()
    }

    /// All the text inside, in document order, as written (whitespace kept).
    #[must_use]
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut stack: Vec<Node<'d>> = self.nodes().collect();
        stack.reverse();
        while let Some(node) = stack.pop() {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => {
                    let before = stack.len();
                    stack.extend(element.nodes());
                    if let Some(added) = stack.get_mut(before..) {
                        added.reverse();
                    }
                }
            }
        }
        out
    }

    /// The element's source exactly as written, tags included (how `MathML` is kept).
    #[must_use]
    pub fn source(&self) -> &'d str {
        let Some((_, _, _, (start, end))) = self.data() else {
            return "";
        };
        self.document.source.get(start..end).unwrap_or_default()
    }

    /// Where the element starts in the source.
    #[must_use]
    pub fn location(&self) -> Location {
        let start = self.data().map_or(0, |(_, _, _, span)| span.0);
        Location::at_offset(self.document.source, start, 0)
    }
}

#[cfg(test)]
// A test that panics on a missing value is the test failing, with its message.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_elements_attributes_and_text() {
        let source = r#"<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS//EN" "http://example.invalid/JATS.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink"><p>Hello <xref rid="b1" ref-type="bibr">[1]</xref>&nbsp;&amp; &#x3B1;&alpha;<empty/> <![CDATA[<raw>]]></p><graphic xlink:href="f1.png"/></article>"#;
        let document = parse(source).expect("well-formed");
        let root = document.root();
        assert_eq!(root.name(), "article");
        let p = root.child("p").expect("p");
        assert_eq!(p.text(), "Hello [1]\u{a0}& αα <raw>");
        let xref = p.child("xref").expect("xref");
        assert_eq!(xref.attr("rid"), Some("b1"));
        assert!(p.child("empty").is_some());
        let graphic = root.child("graphic").expect("graphic");
        assert_eq!(graphic.attr("href"), Some("f1.png"));
        assert_eq!(graphic.attr("xlink:href"), Some("f1.png"));
        assert_eq!(
            xref.source(),
            r#"<xref rid="b1" ref-type="bibr">[1]</xref>"#
        );
        assert_eq!(root.descendants_named("xref").len(), 1);
        assert_eq!(xref.location().line, 3);
    }

    #[test]
    fn the_outermost_elements_of_some_names_leave_out_those_inside_them() {
        let source = "<w><a id='1'><a id='2'/></a><x><b id='3'><a id='4'/></b></x><a id='5'/></w>";
        let document = parse(source).expect("well-formed");
        let ids = |names: &[&str]| -> Vec<&str> {
            document
                .root()
                .outermost(names)
                .iter()
                .filter_map(|e| e.attr("id"))
                .collect()
        };
        assert_eq!(ids(&["a"]), ["1", "4", "5"]);
        assert_eq!(ids(&["a", "b"]), ["1", "3", "5"]);
        assert!(ids(&["c"]).is_empty());
    }

    #[test]
    fn an_entity_bomb_is_never_expanded() {
        let source = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<lolz>&lol2;</lolz>"#;
        let document = parse(source).expect("well-formed");
        assert_eq!(document.root().text(), "&lol2;");
        assert_eq!(document.unknown_entities, vec!["lol2".to_owned()]);
    }

    #[test]
    fn bad_xml_is_told_where() {
        let unclosed = parse("<article>\n<p>text</article>").expect_err("mismatched");
        assert_eq!(unclosed.code, Code::PaperSyntax);
        assert!(unclosed.location.is_some());
        let cut = parse("<article>\n<p>text").expect_err("cut off");
        assert!(cut.message.contains("never closed"), "{}", cut.message);
        let deep = "<a>".repeat(100_000);
        let deep = parse(&deep).expect_err("too deep");
        assert!(deep.message.contains("nested"), "{}", deep.message);
        assert!(parse("just text").is_err());
    }
}

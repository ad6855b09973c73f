//! A small, safe XML tree for the JATS and TEI importers, read with quick-xml.
//!
//! Safe by construction: the DOCTYPE is skipped and never fetched, entities it declares are never
//! expanded (so an entity-expansion bomb is inert text), character references and the HTML named
//! entities JATS uses (`&nbsp;`, `&alpha;`) are resolved, nesting deeper than [`MAX_DEPTH`] and
//! more than [`MAX_NODES`] nodes are refused with a diagnostic, and the tree is walked without
//! recursion where depth is not bounded.

use quick_xml::Reader;
use quick_xml::escape::{resolve_html5_entity, resolve_xml_entity};
use quick_xml::events::Event;

use crate::corpus::diagnostics::{Code, Diagnostic, Location};

/// The deepest nesting read: real papers stay far below it.
pub const MAX_DEPTH: usize = 512;
/// The most nodes (elements and text runs) one file may hold.
pub const MAX_NODES: usize = 4_000_000;

/// One node of the tree.
#[derive(Clone, Debug)]
enum NodeData {
    Element {
        /// The name as written, with its prefix (`mml:math`).
        name: String,
        /// Attributes as written (names with their prefix), values unescaped.
        attributes: Vec<(String, String)>,
        children: Vec<usize>,
        /// Byte offsets of the start tag's `<` and just after the end tag.
        span: (usize, usize),
    },
    Text(String),
}

/// A parsed XML document.
#[derive(Clone, Debug)]
pub struct Document<'s> {
    source: &'s str,
    nodes: Vec<NodeData>,
    root: usize,
    /// Entities neither XML, HTML nor a character reference defines, kept as written.
    pub unknown_entities: Vec<String>,
}

/// An element's name, attributes, children and byte span, as stored.
type ElementData<'d> = (&'d str, &'d [(String, String)], &'d [usize], (usize, usize));

/// An element of a [`Document`].
#[derive(Clone, Copy, Debug)]
pub struct Element<'d> {
    document: &'d Document<'d>,
    id: usize,
}

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
        nodes: Vec::new(),
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
                if let Some(id) = tree.stack.pop() {
                    tree.close(id, reader.buffer_position());
                }
            }
            Event::Text(text) => {
                let text = text.decode().map_or_else(
                    |_| String::from_utf8_lossy(&text).into_owned(),
                    std::borrow::Cow::into_owned,
                );
                tree.text(&text, before)?;
            }
            Event::CData(data) => {
                let text = String::from_utf8_lossy(&data).into_owned();
                tree.text(&text, before)?;
            }
            Event::GeneralRef(reference) => {
                let name = String::from_utf8_lossy(&reference).into_owned();
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => named_entity(&name).map(str::to_owned),
                    Err(_) => None,
                };
                let text = resolved.unwrap_or_else(|| {
                    if tree.unknown_entities.len() < 100 && !tree.unknown_entities.contains(&name) {
                        tree.unknown_entities.push(name.clone());
                    }
                    format!("&{name};")
                });
                tree.text(&text, before)?;
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

/// The tree as it is read.
struct Tree<'s> {
    source: &'s str,
    nodes: Vec<NodeData>,
    /// The open elements, outermost first.
    stack: Vec<usize>,
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

    fn add(&mut self, data: NodeData, at: u64) -> Result<usize, Box<Diagnostic>> {
        if self.nodes.len() >= MAX_NODES {
            return Err(self.fail(
                at,
                format!("the file holds more than {MAX_NODES} XML nodes"),
                "paperlens reads one paper at a time; split the file",
            ));
        }
        self.nodes.push(data);
        let id = self.nodes.len() - 1;
        if let Some(&parent) = self.stack.last()
            && let Some(NodeData::Element { children, .. }) = self.nodes.get_mut(parent)
        {
            children.push(id);
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
        let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
        let mut attributes = Vec::new();
        for attribute in start.attributes().with_checks(false).flatten() {
            let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
            let value = attribute.unescape_value_with(named_entity).map_or_else(
                |_| String::from_utf8_lossy(&attribute.value).into_owned(),
                std::borrow::Cow::into_owned,
            );
            attributes.push((key, value));
        }
        let offset = usize::try_from(at).unwrap_or(usize::MAX);
        let id = self.add(
            NodeData::Element {
                name,
                attributes,
                children: Vec::new(),
                span: (offset, offset),
            },
            at,
        )?;
        if self.stack.is_empty() && self.root.is_none() {
            self.root = Some(id);
        }
        match empty_end {
            Some(end) => self.close(id, end),
            None => self.stack.push(id),
        }
        Ok(())
    }

    fn close(&mut self, id: usize, end: u64) {
        if let Some(NodeData::Element { span, .. }) = self.nodes.get_mut(id) {
            span.1 = usize::try_from(end).unwrap_or(span.0);
        }
    }

    /// Text inside the open element, joined to a text node just before it.
    fn text(&mut self, text: &str, at: u64) -> Result<(), Box<Diagnostic>> {
        let Some(&parent) = self.stack.last() else {
            return Ok(());
        };
        let last_child = match self.nodes.get(parent) {
            Some(NodeData::Element { children, .. }) => children.last().copied(),
            _ => None,
        };
        if let Some(last) = last_child
            && let Some(NodeData::Text(existing)) = self.nodes.get_mut(last)
        {
            existing.push_str(text);
            return Ok(());
        }
        self.add(NodeData::Text(text.to_owned()), at)?;
        Ok(())
    }

    fn finish(self) -> Result<Document<'s>, Box<Diagnostic>> {
        if let Some(&open) = self.stack.last()
            && let Some(NodeData::Element { name, span, .. }) = self.nodes.get(open)
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
            root,
            unknown_entities: self.unknown_entities,
        })
    }
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
            Some(NodeData::Element {
                name,
                attributes,
                children,
                span,
            }) => Some((name, attributes, children, *span)),
            _ => None,
        }
    }

    /// The name without its prefix (`math` for `mml:math`).
    #[must_use]
    pub fn name(&self) -> &'d str {
        let full = self.qualified_name();
        full.rsplit(':').next().unwrap_or(full)
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
        let attributes = self.data()?.1;
        attributes
            .iter()
            .find(|(key, _)| key == name)
            .or_else(|| {
                attributes
                    .iter()
                    .find(|(key, _)| key.rsplit(':').next() == Some(name))
            })
            .map(|(_, value)| value.as_str())
    }

    /// The children, elements and text, in order.
    pub fn nodes(&self) -> impl Iterator<Item = Node<'d>> + use<'d> {
        let document = self.document;
        let children: &'d [usize] = self.data().map_or(&[], |(_, _, children, _)| children);
        children
            .iter()
            .filter_map(move |&id| match document.nodes.get(id)? {
                NodeData::Element { .. } => Some(Node::Element(Element { document, id })),
                NodeData::Text(text) => Some(Node::Text(text)),
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

//! The body and back matter as sections: `sec` nested with its label and title, paragraphs
//! (a block inside a paragraph ends the text before it), lists (a paragraph per item), boxed
//! text, display formulas, footnotes and notes, definition lists, tables and figures where they
//! stand, supplementary material listed, and the back matter's acknowledgements, appendices,
//! notes and glossary as sections of their own.

mod sub_articles;

use crate::corpus::diagnostics::{Code, Diagnostic};
use crate::corpus::model::EquationNotation;
use crate::formats::paper::builder::float_label;
use crate::formats::paper::lists::Numbering;
use crate::formats::paper::xml::{Element, Node};
use crate::formats::paper::{
    FigureDraft, PaperBuilder, Rich, Span, TableDraft, UNTITLED_SECTION, collapse_whitespace,
};

use super::inline::{BLOCKS, Flattener, Piece, formula_text, preferred_alternative, tex_body};
use super::{Context, child_text, tables};

/// Walks the article's body and back matter into the builder.
pub(super) struct Walker<'c, 'd, 'b> {
    context: &'c Context<'d>,
    builder: &'b mut PaperBuilder,
    /// The title of text the source gives no heading (the paper's title).
    untitled: String,
    /// Supplementary material found outside the body, listed at the end.
    supplementary: Vec<Rich>,
    /// Images standing on their own, outside any figure or table (logos, icons).
    loose_images: usize,
    /// Display equations given only as an image.
    image_equations: usize,
    /// How many sections came before the body's (the summaries for readers): text without a
    /// heading never goes on under one of those.
    sections_before_body: usize,
}

impl<'c, 'd, 'b> Walker<'c, 'd, 'b> {
    /// A walker writing into `builder`; text before the first heading goes in a section
    /// titled `untitled`.
    pub(super) fn new(
        context: &'c Context<'d>,
        builder: &'b mut PaperBuilder,
        untitled: String,
    ) -> Self {
        let untitled = if untitled.trim().is_empty() {
            UNTITLED_SECTION.to_owned()
        } else {
            untitled
        };
        Self {
            context,
            builder,
            untitled,
            supplementary: Vec::new(),
            loose_images: 0,
            image_equations: 0,
            sections_before_body: 0,
        }
    }

    /// The whole article: body, back matter, floats and supplementary material.
    pub(super) fn article(&mut self, article: Element<'d>) {
        if let Some(meta) = article.path(&["front", "article-meta"]) {
            for item in meta.children_named("supplementary-material") {
                let rich = self.supplementary_item(item);
                self.supplementary.push(rich);
            }
        }
        // An abstract that cites works is the paper's first section, so that its citations
        // link as the text's do (the front matter then holds no abstract); the summaries for
        // readers, printed after it, are sections of their own before the body's.
        if let Some(meta) = article.path(&["front", "article-meta"]) {
            if let Some(main) =
                super::front::main_abstract(meta).filter(|a| super::front::cites_works(*a))
            {
                self.builder.end_all_sections();
                self.titled(main, "Abstract");
                self.builder.paper().abstract_text.clear();
            }
            for (summary, heading) in super::front::reader_summaries(meta) {
                self.builder.end_all_sections();
                self.titled(summary, heading);
            }
            self.builder.end_all_sections();
        }
        self.sections_before_body = self.builder.section_count();
        // An article without its body (PubMed Central has older ones as scanned pages only),
        // or with nothing but a link to a PDF in it, gives the paper without its text.
        let before = self.builder.block_count();
        if let Some(body) = article.child("body") {
            self.body(body);
        }
        if self.builder.block_count() == before {
            self.builder.mark_text_missing();
        }
        if let Some(back) = article.child("back") {
            self.back(back);
        }
        if let Some(floats) = article.child("floats-group") {
            self.builder.end_all_sections();
            for element in floats.elements() {
                match element.name() {
                    "fig" | "fig-group" | "table-wrap" | "table-wrap-group" => self.block(element),
                    _ => {
                        self.ensure_section();
                        self.block(element);
                    }
                }
            }
        }
        if !self.supplementary.is_empty() {
            self.builder.end_all_sections();
            self.builder.begin_section("", "Supporting information");
            for item in std::mem::take(&mut self.supplementary) {
                self.text(item);
            }
            self.builder.end_section();
        }
        // After everything of the article's own, as eLife prints its decision letter and the
        // authors' response.
        for sub_article in article.elements().filter(|e| super::is_sub_article(*e)) {
            self.sub_article(sub_article);
        }
        if self.loose_images > 0 {
            self.builder.report(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} standing outside any figure or table (a logo, an icon) left out",
                    crate::corpus::counted(self.loose_images, "image")
                ),
                "figures are read from `<fig>`; add an image as a figure in the saved corpus if \
                 it matters",
            ));
        }
        if self.image_equations > 0 {
            self.builder.report(Diagnostic::info(
                Code::ImportIncomplete,
                format!(
                    "{} given only as an image: kept as figures",
                    crate::corpus::counted(self.image_equations, "equation")
                ),
                "the source has no TeX or MathML for them; type the TeX in the saved corpus to \
                 show them as equations",
            ));
        }
    }

    /// A body's sections, and the text before the first under the paper's title.
    fn body(&mut self, body: Element<'d>) {
        for node in body.nodes() {
            match node {
                Node::Element(sec) if sec.is("sec") => {
                    self.builder.end_all_sections();
                    self.section(sec);
                }
                Node::Element(element) => {
                    self.ensure_section();
                    self.block(element);
                }
                Node::Text(text) => {
                    if !text.trim().is_empty() {
                        self.ensure_section();
                        self.text(Rich::text(text));
                    }
                }
            }
        }
    }

    /// Adds a paragraph when it prints something (a paragraph of nothing but a footnote marker
    /// whose note is not read would be empty).
    fn text(&mut self, rich: Rich) {
        let prints = rich.spans.iter().any(|span| match span {
            Span::Text(text) | Span::Marked(text) | Span::Unresolved(text) | Span::Math(text) => {
                !text.trim().is_empty()
            }
            Span::Cite { .. } => true,
            Span::Footnote(_) => false,
        });
        if prints {
            self.builder.paragraph(rich);
        }
    }

    /// Opens a section for text that stands outside any heading.
    fn ensure_section(&mut self) {
        if self.builder.depth() == 0 {
            let title = self.untitled.clone();
            self.builder.begin_section("", &title);
        }
    }

    /// The back matter: acknowledgements, appendices, notes, glossary and footnotes as sections
    /// (the reference list is read on its own).
    fn back(&mut self, back: Element<'d>) {
        for element in back.elements() {
            self.builder.end_all_sections();
            match element.name() {
                "ref-list" | "label" | "title" => {}
                "supplementary-material" => {
                    let rich = self.supplementary_item(element);
                    self.supplementary.push(rich);
                }
                "fn-group" => self.notes(element, true),
                "app-group" => self.app_group(element),
                "sec" => self.section(element),
                name => {
                    let default = default_title(name);
                    self.titled(element, default);
                }
            }
        }
        self.builder.end_all_sections();
    }

    /// A `sec`: its label as the number, its title as the heading.
    fn section(&mut self, sec: Element<'d>) {
        // A subsection printed without a heading or a number (eLife's `<sec><title/>` inside
        // an appendix) adds no level: its text and subsections are the enclosing section's,
        // as printed, not under a heading the paper does not print.
        let unheaded = sec.attr("sec-type") != Some("supplementary-material")
            && self.title_of(sec).is_empty()
            && child_text(sec, "label").is_empty();
        if unheaded && self.builder.depth() > 0 {
            self.blocks(sec);
            return;
        }
        // One at the top level that only groups headed parts (eLife's back-matter `sec`
        // around the competing interests and contributions) adds no level either.
        let holds_parts = sec.elements().any(|e| {
            matches!(
                e.name(),
                "sec" | "fn-group" | "ack" | "app-group" | "glossary"
            )
        });
        if unheaded && holds_parts {
            self.blocks(sec);
            return;
        }
        // One at the top level after others (a data statement after the funding) goes on
        // under the section before it, as printed.
        if unheaded
            && self
                .builder
                .reopen_last_top_level(self.sections_before_body)
        {
            self.blocks(sec);
            self.builder.end_all_sections();
            return;
        }
        // A top-level section without a heading holds the text under the paper's title.
        let fallback = match sec.attr("sec-type") {
            Some("supplementary-material") => "Supporting information".to_owned(),
            _ if self.builder.depth() == 0 => self.untitled.clone(),
            _ => "Untitled section".to_owned(),
        };
        self.titled(sec, &fallback);
    }

    /// A section from `element`'s label and title (`default` when it has none) and its blocks.
    fn titled(&mut self, element: Element<'d>, default: &str) {
        let mut number = child_text(element, "label");
        let mut title = self.title_of(element);
        if title.is_empty() {
            // A label that names the part ("Apéndice I", "Box 2") is its title; one that only
            // numbers it ("A", "2") is its number, under the kind's name.
            if names_itself(&number) {
                title = std::mem::take(&mut number);
            } else {
                default.clone_into(&mut title);
            }
        }
        self.builder.begin_section(&number, &title);
        // eLife wraps a whole appendix in one box without a title: its content is the
        // appendix's, with no "Box" level between.
        let mut blocks = element
            .elements()
            .filter(|e| !matches!(e.name(), "title" | "label" | "object-id"));
        match (blocks.next(), blocks.next()) {
            (Some(only), None)
                if element.is("app")
                    && only.is("boxed-text")
                    && child_text(only, "label").is_empty()
                    && self.title_of(only).is_empty() =>
            {
                self.blocks(only);
            }
            _ => self.blocks(element),
        }
        self.builder.end_section();
    }

    /// The plain text of `element`'s `title` child (or of its caption's), markers as printed.
    fn title_of(&self, element: Element<'d>) -> String {
        element
            .child("title")
            .or_else(|| element.child("caption").and_then(|c| c.child("title")))
            .map(|title| heading_case(Flattener::rich(self.context, title).0.plain()))
            .unwrap_or_default()
    }

    /// Every child of `container` as a block.
    fn blocks(&mut self, container: Element<'d>) {
        for node in container.nodes() {
            match node {
                Node::Element(element) => self.block(element),
                Node::Text(text) => {
                    if !text.trim().is_empty() {
                        self.text(Rich::text(text));
                    }
                }
            }
        }
    }

    /// One block element.
    fn block(&mut self, element: Element<'d>) {
        match element.name() {
            "sec" => self.section(element),
            "p" => self.paragraph(element),
            // eLife's videos stand in the text with a label and a caption: listed where they
            // stand, as a supplementary file is.
            "media" if element.child("label").is_some() || element.child("caption").is_some() => {
                let rich = self.supplementary_item(element);
                self.text(rich);
            }
            "graphic" | "media" => self.loose_images += 1,
            "fig" => {
                let figure = tables::figure(self.context, element);
                self.builder.figure(figure);
                self.set_aside_supplements(element);
            }
            "fig-group" => {
                if let Some((captioned, fig)) = tables::translated(self.context, element, "fig") {
                    let figure = tables::translated_figure(self.context, element, captioned, fig);
                    self.builder.figure(figure);
                    self.set_aside_supplements(element);
                } else {
                    for figure in element.children_named("fig") {
                        self.block(figure);
                    }
                }
            }
            "table-wrap" => self.table(element),
            "table-wrap-group" => {
                if let Some((captioned, wrap)) =
                    tables::translated(self.context, element, "table-wrap")
                {
                    self.set_aside_supplements(element);
                    let read = tables::translated_table(self.context, element, captioned, wrap);
                    self.table_read(read);
                } else {
                    for table in element.children_named("table-wrap") {
                        self.table(table);
                    }
                }
            }
            "disp-formula" => self.equation(element),
            "disp-formula-group" => {
                for formula in element.children_named("disp-formula") {
                    self.equation(formula);
                }
            }
            "list" => self.list(element),
            "def-list" => self.definitions(element),
            "boxed-text" => self.boxed(element),
            "supplementary-material" => {
                let rich = self.supplementary_item(element);
                self.text(rich);
            }
            "fn-group" => self.notes(element, false),
            "fn" if self.context.is_table_note(element) => {}
            "fn" => self.note(element),
            "glossary" | "ack" | "notes" | "app" | "bio" => {
                self.titled(element, default_title(element.name()));
            }
            "app-group" => self.app_group(element),
            "alternatives" => {
                if let Some(first) = preferred_alternative(element) {
                    self.block(first);
                }
            }
            "ref-list" | "title" | "label" | "caption" | "sec-meta" | "object-id" | "alt-text"
            | "long-desc" | "permissions" | "kwd-group" | "tex-math" => {}
            "preformat" | "code" => {
                self.text(Rich::text(&element.text()));
            }
            _ => {
                let has_blocks = element
                    .elements()
                    .any(|child| BLOCKS.contains(&child.name()) || child.is("title"));
                if has_blocks {
                    self.blocks(element);
                } else {
                    self.paragraph(element);
                }
            }
        }
    }

    /// A paragraph: its running text, and the blocks inside it where they stand.
    fn paragraph(&mut self, p: Element<'d>) {
        if super::is_doi_line(p) {
            return;
        }
        let mut flattener = Flattener::new(self.context, true);
        flattener.children(p);
        let (pieces, footnotes) = flattener.finish();
        for (id, marker, text) in footnotes {
            self.builder.footnote(&id, &marker, text);
        }
        for piece in pieces {
            match piece {
                Piece::Text(rich) => self.text(rich),
                Piece::Block(block) => self.block(block),
            }
        }
    }

    /// A list: one paragraph per item (its label first, else the marker its list's type
    /// gives: `•`, `2.`, `ii.`), a list inside an item after it.
    fn list(&mut self, list: Element<'d>) {
        let numbering = list.attr("list-type").and_then(Numbering::from_jats);
        for (n, item) in list.children_named("list-item").enumerate() {
            let mut rich = Rich::default();
            let label = child_text(item, "label");
            let marker = if label.is_empty() {
                numbering.map(|numbering| numbering.marker(n + 1))
            } else {
                Some(label)
            };
            if let Some(marker) = marker {
                rich.push_text(&marker);
                rich.push_text(" ");
            }
            for node in item.nodes() {
                match node {
                    Node::Text(text) => rich.push_text(text),
                    Node::Element(child) if child.is("label") => {}
                    Node::Element(child) if child.is("p") => {
                        let mut flattener = Flattener::new(self.context, true);
                        flattener.children(child);
                        let (pieces, footnotes) = flattener.finish();
                        for (id, marker, text) in footnotes {
                            self.builder.footnote(&id, &marker, text);
                        }
                        for piece in pieces {
                            match piece {
                                Piece::Text(text) => {
                                    rich.extend(text);
                                    rich.push_text(" ");
                                }
                                Piece::Block(block) => {
                                    self.text(std::mem::take(&mut rich));
                                    self.block(block);
                                }
                            }
                        }
                    }
                    Node::Element(child) => {
                        self.text(std::mem::take(&mut rich));
                        self.block(child);
                    }
                }
            }
            self.text(rich);
        }
    }

    /// A definition list: a paragraph per item, `term: definition`.
    fn definitions(&mut self, list: Element<'d>) {
        if let Some(title) = list.child("title") {
            self.text(Flattener::rich(self.context, title).0);
        }
        for item in list.children_named("def-item") {
            let mut rich = Rich::default();
            if let Some(term) = item.child("term") {
                rich.extend(Flattener::rich(self.context, term).0);
            }
            if let Some(definition) = item.child("def") {
                rich.push_text(": ");
                rich.extend(Flattener::rich(self.context, definition).0);
            }
            self.text(rich);
        }
        for nested in list.children_named("def-list") {
            self.definitions(nested);
        }
    }

    /// Boxed text: a box with its label and title, its caption's paragraphs, then its blocks.
    fn boxed(&mut self, element: Element<'d>) {
        let mut label = child_text(element, "label");
        let mut title = self.title_of(element);
        let mut content = element;
        // PLOS puts a box's whole content in one titled section (`<boxed-text><sec><title>Box
        // 1. Milestones`): its title is the box's, with no "Box" level above it.
        if label.is_empty() && title.is_empty() {
            let mut blocks = element.elements().filter(|e| !e.is("object-id"));
            if let (Some(only), None) = (blocks.next(), blocks.next())
                && only.is("sec")
                && !self.title_of(only).is_empty()
            {
                label = child_text(only, "label");
                title = self.title_of(only);
                content = only;
            }
        }
        // eLife gives a box's heading as its caption's one short paragraph
        // (`<label>Box 1.</label><caption><p>Example of a small box</p></caption>`).
        let mut caption_paragraphs: Vec<Element<'d>> = element
            .child("caption")
            .map(|caption| caption.children_named("p").collect())
            .unwrap_or_default();
        if title.is_empty()
            && let [only] = caption_paragraphs.as_slice()
            && only.descendants_named("xref").is_empty()
        {
            let text = Flattener::rich(self.context, *only).0.plain();
            if (1..=MAX_CAPTION_TITLE_WORDS).contains(&text.split_whitespace().count()) {
                title = text;
                caption_paragraphs.clear();
            }
        }
        if title.is_empty() {
            title = if label.is_empty() {
                "Box".to_owned()
            } else {
                label.clone()
            };
        }
        self.builder.begin_box(&label, &title);
        for p in caption_paragraphs {
            self.paragraph(p);
        }
        self.blocks(content);
        self.builder.end_section();
    }

    /// A display formula: its TeX, else its `MathML` as written, else its plain text; its label.
    fn equation(&mut self, element: Element<'d>) {
        let label = child_text(element, "label");
        if let Some(tex) = element.descendants_named("tex-math").first() {
            let source = tex_body(&tex.text());
            self.builder
                .equation(&source, EquationNotation::Tex, &label);
        } else if let Some(math) = element.descendants_named("math").first() {
            self.builder
                .equation(math.source(), EquationNotation::Mathml, &label);
        } else {
            let text = formula_text(element);
            let text = text.strip_suffix(&label).unwrap_or(&text).trim();
            if text.is_empty() {
                // An equation printed as an image: shown as a figure of that image.
                let figure = tables::figure(self.context, element);
                if figure.image.is_some() {
                    self.image_equations += 1;
                    self.builder.figure(FigureDraft {
                        label: collapse_whitespace(&format!("Equation {label}")),
                        ..figure
                    });
                }
                return;
            }
            self.builder.equation(text, EquationNotation::Text, &label);
        }
    }

    /// A table where it stands; a table given only as an image becomes a figure.
    fn table(&mut self, element: Element<'d>) {
        self.set_aside_supplements(element);
        self.table_read(tables::table(self.context, element));
    }

    /// A table read, or the figure it is when the source gives it only as an image.
    fn table_read(&mut self, read: Result<TableDraft, Box<FigureDraft>>) {
        match read {
            Ok(table) => self.builder.table(table),
            Err(figure) => {
                let label = if figure.label.is_empty() {
                    "A table".to_owned()
                } else {
                    float_label(&figure.label)
                };
                self.builder.warn(
                    format!("{label} is given only as an image: it is kept as a figure"),
                    "the source has no cells to read; type the table in the saved corpus to \
                     chart or sort it",
                    None,
                );
                self.builder.figure(*figure);
            }
        }
    }

    /// A group of footnotes: each a footnote when the text marks it, else a paragraph of notes,
    /// in a section of its own in the back matter (`Notes` when untitled) or when the group has
    /// a title (eLife's "Author contributions" inside "Additional information").
    fn notes(&mut self, group: Element<'d>, own_section: bool) {
        // A note only a table's cells mark is read with that table.
        let unmarked = group.children_named("fn").any(|note| {
            !note
                .attr("id")
                .is_some_and(|id| self.context.footnotes.contains(id))
                && !self.context.is_table_note(note)
        });
        let mut title = String::new();
        if unmarked {
            title = self.title_of(group);
            if title.is_empty() && own_section {
                "Notes".clone_into(&mut title);
            }
        }
        let open = !title.is_empty();
        if open {
            self.builder.begin_section("", &title);
        }
        for element in group.elements() {
            if element.is("fn") {
                if !self.context.is_table_note(element) {
                    self.note(element);
                }
            } else if !matches!(element.name(), "title" | "label") {
                if !open {
                    self.ensure_section();
                }
                self.block(element);
            }
        }
        if open {
            self.builder.end_section();
        }
    }

    /// One `fn`: a footnote when the text marks it, else its paragraphs.
    fn note(&mut self, note: Element<'d>) {
        if let Some(id) = note.attr("id")
            && self.context.footnotes.contains(id)
        {
            let label = child_text(note, "label");
            // The mark printed: its label, else the symbol JATS names in an attribute.
            let marker = if label.is_empty() {
                note.attr("symbol").unwrap_or_default().trim().to_owned()
            } else {
                label.clone()
            };
            let (text, inner) = Flattener::rich(self.context, note);
            for (id, marker, text) in inner {
                self.builder.footnote(&id, &marker, text);
            }
            let text = super::inline::without_label(text, &label);
            self.builder.footnote(id, &marker, text);
            return;
        }
        self.ensure_section();
        self.blocks(note);
    }

    /// Appendices: a section per appendix, inside one for the group when it has a title.
    fn app_group(&mut self, group: Element<'d>) {
        let title = self.title_of(group);
        if !title.is_empty() {
            self.builder
                .begin_section(&child_text(group, "label"), &title);
        }
        for element in group.elements() {
            match element.name() {
                "title" | "label" => {}
                "app" => self.titled(element, "Appendix"),
                _ => {
                    self.ensure_section();
                    self.block(element);
                }
            }
        }
        if !title.is_empty() {
            self.builder.end_section();
        }
    }

    /// Lists the supplementary files inside a figure or table (eLife's source data and videos,
    /// in the caption) with the article's others; its own text leaves them out.
    fn set_aside_supplements(&mut self, float: Element<'d>) {
        for item in float.descendants_named("supplementary-material") {
            let rich = self.supplementary_item(item);
            self.supplementary.push(rich);
        }
    }

    /// One supplementary file (or a video) as a line: its label, caption and file name.
    fn supplementary_item(&self, item: Element<'d>) -> Rich {
        let mut rich = Rich::default();
        let label = child_text(item, "label");
        rich.push_text(&label);
        if let Some(caption) = item.child("caption") {
            let (caption, _) = Flattener::rich(self.context, caption);
            if !caption.is_blank() {
                // eLife's labels end in a stop ("Supplementary file 1."): no colon after it.
                if label.trim_end().ends_with(['.', ':']) {
                    rich.push_text(" ");
                } else if !label.is_empty() {
                    rich.push_text(": ");
                }
                rich.extend(caption);
            }
        }
        let file = item.attr("xlink:href").or_else(|| {
            item.descendants().into_iter().find_map(|e| {
                (e.is("media") || e.is("graphic"))
                    .then(|| e.attr("xlink:href"))
                    .flatten()
            })
        });
        if let Some(file) = file {
            rich.push_text(&format!(" ({file})"));
        }
        if rich.is_blank() {
            rich.push_text("Supplementary file");
        }
        rich
    }
}

/// The most words a box's one-paragraph caption has to be read as its heading.
const MAX_CAPTION_TITLE_WORDS: usize = 15;

/// The heading of a back-matter part that has no title of its own.
fn default_title(name: &str) -> &'static str {
    match name {
        "ack" => "Acknowledgments",
        "glossary" => "Glossary",
        "app" => "Appendix",
        "bio" => "Biography",
        "sec" => "Untitled section",
        _ => "Notes",
    }
}

/// A heading written all in lower case, which a journal prints in small capitals (`introduction`,
/// `methods`), with its first letter a capital as a heading reads; any other as written
/// (`mRNA levels`).
fn heading_case(title: String) -> String {
    if title.chars().any(char::is_uppercase) {
        return title;
    }
    let mut chars = title.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => title,
    }
}

/// Whether a label is a name rather than a bare number or letter: it holds a word of three
/// letters or more that is not a Roman numeral ("Appendix 1", "Apéndice I", "Box 2"; not
/// "A", "2", "S1", "VIII").
fn names_itself(label: &str) -> bool {
    label
        .split(|c: char| !c.is_alphabetic())
        .any(|word| word.chars().count() >= 3 && !word.chars().all(|c| "IVXLCDM".contains(c)))
}

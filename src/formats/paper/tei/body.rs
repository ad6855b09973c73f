//! The `body` and the `back` matter: `div`s nested by their heads' numbers (GROBID writes them
//! flat), paragraphs, formulas, lists, footnotes, tables and figures where they stand.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::corpus::citations::{self, Piece};
use crate::corpus::model::EquationNotation;
use crate::formats::paper::xml::{Element, Node};
use crate::formats::paper::{PaperBuilder, Rich, Span, UNTITLED_SECTION, collapse_whitespace};

use super::{Context, child_text, figures, is_footnote, own_words, plain};

/// How deep `div`s inside `div`s are followed; deeper ones are read as running text (GROBID
/// writes them flat, so only a damaged or hostile file goes near this).
const MAX_DIV_NESTING: usize = 64;

/// The characters a PDF's symbol font (Elsevier's and Springer's `MathPi`) puts where a formula
/// prints `=`, `+`, `−`, parentheses and brackets, as GROBID reads them, each with the one it
/// stands for: `Iðx i Þ ¼ À ln pðx i Þ` is `I(x i ) = − ln p(x i )`.
const SYMBOL_FONT: [(char, char); 7] = [
    ('¼', '='),
    ('þ', '+'),
    ('À', '−'),
    ('ð', '('),
    ('Þ', ')'),
    ('½', '['),
    ('Š', ']'),
];

/// Reads `text/body`, then the back matter other than the reference list (acknowledgements,
/// appendices) as top-level sections after it. Text before any heading goes in a section
/// titled `untitled` (the paper's title; `Text` when it has none). An abstract that cites
/// works (`citing_abstract`) is read first, as the section "Abstract".
pub(super) fn read<'d>(
    text: Element<'d>,
    context: &Context<'d>,
    builder: &mut PaperBuilder,
    (untitled, citing_abstract): (&str, Option<Element<'d>>),
) {
    let untitled = if untitled.trim().is_empty() {
        UNTITLED_SECTION
    } else {
        untitled
    };
    let mut reader = Reader {
        context,
        builder,
        untitled,
        open: Vec::new(),
        unknown: BTreeMap::new(),
        heading_lost: false,
        in_contributions: false,
    };
    if let Some(abstract_element) = citing_abstract {
        reader.builder.begin_section("", "Abstract");
        reader.open.push(Level::Unnumbered);
        reader.blocks(abstract_element, 0);
        reader.close_all();
        reader.builder.paper().abstract_text.clear();
    }
    // GROBID's header-only output has an empty `<text>`; one with acknowledgements in its
    // back matter but no body gives the paper without its text too.
    let before = reader.builder.block_count();
    if let Some(body) = text.child("body") {
        reader.blocks(body, 0);
    }
    if reader.builder.block_count() == before {
        reader.builder.mark_text_missing();
    }
    if let Some(back) = text.child("back") {
        reader.close_all();
        for child in back.elements() {
            if child.is("div") && child.attr("type") == Some("references") {
                continue;
            }
            reader.in_contributions = child.attr("type") == Some("contribution");
            reader.block(child, 0);
        }
    }
    reader.report_unknown();
}

/// An open section, as far as nesting is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Level {
    /// A numbered heading: the parts of its number (`2.1` → `["2", "1"]`).
    Numbered(Vec<String>),
    /// A heading without a number, or the untitled section of text before any heading.
    Unnumbered,
}

/// Reads blocks into the builder, keeping the open sections in step with it.
struct Reader<'c, 'd, 'b> {
    context: &'c Context<'d>,
    builder: &'b mut PaperBuilder,
    /// The title of the section holding text before any heading.
    untitled: &'b str,
    /// The sections open in the builder, outermost first.
    open: Vec<Level>,
    /// Elements of kinds not known here, read as running text: name and count.
    unknown: BTreeMap<String, usize>,
    /// Whether the last head was page furniture (`Figure 3 continued on next page`), so that
    /// the heading GROBID lost may be the paragraph after it.
    heading_lost: bool,
    /// Whether the authors' contributions are being read, where GROBID takes each role and
    /// its names (`Data curation: A. Kluger, L. Quante.`) for a head.
    in_contributions: bool,
}

impl<'d> Reader<'_, 'd, '_> {
    /// Every child block of `container`, in order.
    fn blocks(&mut self, container: Element<'d>, depth: usize) {
        for child in container.elements() {
            self.block(child, depth);
        }
    }

    fn block(&mut self, element: Element<'d>, depth: usize) {
        match element.name() {
            "div" | "div1" | "div2" | "div3" if depth < MAX_DIV_NESTING => {
                self.blocks(element, depth + 1);
            }
            "head" => self.heading(element),
            "formula" => self.equation(element),
            "list" => {
                for item in element.elements() {
                    if item.is("item") || item.is("head") {
                        self.paragraph(item);
                    }
                }
            }
            "figure" => {
                self.ensure_open();
                figures::read(element, self.context, self.builder);
            }
            "table" => {
                self.ensure_open();
                figures::bare_table(element, self.context, self.builder);
            }
            "note" if is_footnote(element) => self.footnote(element),
            // GROBID 0.8 lists the funders the acknowledgements name again, as `listOrg`.
            "listBibl" | "listOrg" | "biblStruct" | "graphic" | "pb" | "lb" | "milestone" => {}
            name => {
                if !matches!(name, "p" | "ab" | "note" | "q" | "quote" | "div") {
                    *self.unknown.entry(name.to_owned()).or_default() += 1;
                }
                self.paragraph(element);
            }
        }
    }

    /// A `head`: opens a section, nested by its number inside the section whose number begins
    /// its own (`2.1` inside `2`); one without a number goes inside the innermost numbered
    /// section open, or at the top level.
    ///
    /// GROBID takes some lines for heads that are none: page furniture is left out, and the
    /// paragraph after it, when it reads as a heading, is taken as the one GROBID lost; the end
    /// of a sentence cut off from the paragraph before (`supplement 1).`) goes back to it.
    fn heading(&mut self, head: Element<'d>) {
        self.heading_lost = false;
        let number = head
            .attr("n")
            .map(|n| collapse_whitespace(n).trim_end_matches('.').to_owned())
            .unwrap_or_default();
        let mut title = plain(head);
        if self.in_contributions && title.contains(": ") {
            self.ensure_open();
            self.builder.paragraph(Rich::text(&title));
            return;
        }
        if number.is_empty() {
            if is_page_furniture(&title) {
                self.heading_lost = true;
                return;
            }
            if ends_a_sentence_left_open(&title) && self.builder.continue_paragraph(&title) {
                return;
            }
        }
        if title.is_empty() {
            if number.is_empty() {
                return;
            }
            // GROBID kept the number but lost the words: a title must say something.
            title = format!("Section {number}");
        }
        if let Some((own, first_number, first_title)) = run_together_heading(&number, &title) {
            self.open_section(&number, own);
            self.open_section(&first_number, first_title);
        } else {
            self.open_section(&number, &title);
        }
    }

    /// Opens a section numbered `number` (empty when it has none) at its place in the outline.
    fn open_section(&mut self, number: &str, title: &str) {
        let level = number_parts(number).map_or(Level::Unnumbered, Level::Numbered);
        while let Some(top) = self.open.last() {
            let keep = match (top, &level) {
                (Level::Numbered(outer), Level::Numbered(inner)) => {
                    outer.len() < inner.len() && inner.starts_with(outer)
                }
                (Level::Numbered(_), Level::Unnumbered) => true,
                (Level::Unnumbered, _) => false,
            };
            if keep {
                break;
            }
            self.open.pop();
            self.builder.end_section();
        }
        self.builder.begin_section(number, title);
        self.open.push(level);
    }

    /// Closes every open section.
    fn close_all(&mut self) {
        self.open.clear();
        self.builder.end_all_sections();
    }

    /// Opens an untitled section for text that comes before any heading.
    fn ensure_open(&mut self) {
        if self.open.is_empty() {
            self.builder.end_all_sections();
            self.builder.begin_section("", self.untitled);
            self.open.push(Level::Unnumbered);
        }
    }

    /// Running text, then the figures and footnotes GROBID put inside it.
    fn paragraph(&mut self, element: Element<'d>) {
        let heading_lost = std::mem::take(&mut self.heading_lost);
        let (rich, blocks) = self.context.inline(element);
        if heading_lost && blocks.is_empty() && reads_as_a_heading(&rich) {
            self.open_section("", &rich.plain());
            return;
        }
        // Printed words or a citation: a paragraph of a lone empty marker would be empty.
        let says_something = !rich.plain().is_empty()
            || rich
                .spans
                .iter()
                .any(|span| matches!(span, Span::Cite { .. }));
        if says_something {
            self.ensure_open();
            self.builder.paragraph(rich);
        }
        for block in blocks {
            self.block(block, MAX_DIV_NESTING);
        }
    }

    /// A `formula`: its text (GROBID gives no TeX: plain text, spaces and all) and the label it
    /// prints (`(1)`).
    fn equation(&mut self, formula: Element<'d>) {
        let mut source = String::new();
        for node in formula.nodes() {
            match node {
                Node::Text(text) => source.push_str(text),
                Node::Element(child) if !child.is("label") => source.push_str(&child.text()),
                Node::Element(_) => {}
            }
        }
        let source = collapse_whitespace(&read_symbol_font(&source));
        let label = read_symbol_font(&child_text(formula, "label")).into_owned();
        // GROBID sometimes leaves the number in the formula's text: `L = max(d, 0) (2)`.
        let (source, label) = match trailing_number(&source) {
            Some((formula, number)) if label.is_empty() => (formula.to_owned(), number.to_owned()),
            _ => (source, label),
        };
        if source.is_empty() {
            return;
        }
        self.ensure_open();
        // An equation's text is kept as written, so text the corpus would read as a citation
        // or a footnote marker (`P@1`, `[^2]`) is kept as running text instead, escaped.
        let (pieces, errors) = citations::parse(&source);
        if errors.is_empty() && pieces.iter().all(|piece| matches!(piece, Piece::Text(_))) {
            self.builder
                .equation(&source, EquationNotation::Text, &label);
        } else {
            self.builder
                .paragraph(Rich::text(&format!("{source} {label}")));
        }
    }

    /// A footnote: its `xml:id` (what markers name), the number it prints and its text.
    fn footnote(&mut self, note: Element<'d>) {
        let (text, blocks) = self.context.inline(note);
        // The same test as the one that lets markers name it; a running footer is left out.
        if self.context.reads_footnote(note) {
            let printed = own_words(note);
            let text = if text.plain().is_empty() {
                Rich::text(&printed)
            } else {
                text
            };
            self.builder.footnote(
                note.attr("id").unwrap_or_default(),
                note.attr("n").unwrap_or_default(),
                text,
            );
        }
        for block in blocks {
            self.block(block, MAX_DIV_NESTING);
        }
    }

    /// One warning naming the elements read as running text without being known.
    fn report_unknown(&mut self) {
        if self.unknown.is_empty() {
            return;
        }
        let names: Vec<String> = self
            .unknown
            .iter()
            .map(|(name, count)| format!("<{name}> ({count})"))
            .collect();
        self.builder.warn(
            format!(
                "elements GROBID does not usually write in the text were read as paragraphs: {}",
                names.join(", ")
            ),
            "check those paragraphs in the Reader; save the corpus to correct them by hand",
            None,
        );
    }
}

/// A section's heading that GROBID ran together with the heading of its first subsection, as
/// it does when no text stands between them (`n="2"`, `Model 2.1 Overview`): the section's own
/// title, the subsection's number and its title. `None` for any other heading; the subsection's
/// title must start with a capital, as headings do, so `Results for 2.1 million users` stays.
fn run_together_heading<'t>(number: &str, title: &'t str) -> Option<(&'t str, String, &'t str)> {
    if number.is_empty() {
        return None;
    }
    let first = format!("{number}.1");
    let mut search = 0;
    while let Some(found) = title.get(search..).and_then(|rest| rest.find(&first)) {
        let at = search + found;
        search = at + first.len();
        let (Some(own), Some(after)) = (title.get(..at), title.get(search..)) else {
            return None;
        };
        let (Some(' '), Some(' ')) = (own.chars().last(), after.chars().next()) else {
            continue;
        };
        let (own, after) = (own.trim_end(), after.trim_start());
        if !own.is_empty() && after.chars().next().is_some_and(char::is_uppercase) {
            return Some((own, first, after));
        }
    }
    None
}

/// Whether a head is page furniture, not a heading: a float or the text going on over a page
/// (`Continued on next page`, `Figure 3 continued on next page`, `Continued`), the licence
/// line at a page's foot (`© The Author(s) 2023`), or a journal's running head naming the
/// kind of paper (`Article`, `nature plants Article`).
fn is_page_furniture(title: &str) -> bool {
    const MOST_WORDS_BEFORE: usize = 3;
    if title.starts_with('©') {
        return true;
    }
    if let Some(journal) = title.strip_suffix("Article") {
        return journal
            .chars()
            .all(|c| c.is_whitespace() || c.is_lowercase());
    }
    let lower = title.to_lowercase();
    let lower = lower.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '(' | ')'));
    [
        "continued on next page",
        "continued on the next page",
        "continued overleaf",
        "continued",
    ]
    .iter()
    .filter_map(|tail| lower.strip_suffix(tail))
    // Whole words only: `Treatment discontinued` is a heading.
    .filter(|before| before.is_empty() || before.ends_with(char::is_whitespace))
    .any(|before| before.split_whitespace().count() <= MOST_WORDS_BEFORE)
}

/// Whether a head is the end of a sentence the paragraph before left open, as GROBID cuts one
/// at a page's end (`(Figure 1—figure` + `supplement 1).`): it starts in lower case, closes a
/// bracket it never opened and ends the sentence. A heading in lower case (`mRNA levels`,
/// `p53 (TP53) signalling`) opens no bracket it does not close.
fn ends_a_sentence_left_open(title: &str) -> bool {
    let unopened =
        |open: char, close: char| title.matches(close).count() > title.matches(open).count();
    title.chars().next().is_some_and(char::is_lowercase)
        && title.ends_with('.')
        && (unopened('(', ')') || unopened('[', ']'))
}

/// Whether a paragraph reads as a heading: one short line of words only (no citation, no
/// footnote), starting with a capital and not ending as a sentence or a clause does.
fn reads_as_a_heading(rich: &Rich) -> bool {
    const MOST_WORDS: usize = 16;
    const LONGEST: usize = 120;
    if !rich.spans.iter().all(|span| matches!(span, Span::Text(_))) {
        return false;
    }
    let text = rich.plain();
    text.len() <= LONGEST
        && text.split_whitespace().count() <= MOST_WORDS
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.ends_with(['.', ',', ':', ';', '!', '?'])
}

/// The parts of a section number (`2.1` → `["2", "1"]`, `A.3` → `["A", "3"]`), or `None` when
/// it is not one.
fn number_parts(number: &str) -> Option<Vec<String>> {
    if number.is_empty() {
        return None;
    }
    let parts: Vec<String> = number.split('.').map(str::to_owned).collect();
    parts
        .iter()
        .all(|part| !part.is_empty() && part.chars().all(char::is_alphanumeric))
        .then_some(parts)
}

/// A formula's text (or label) with a symbol font's characters read back ([`SYMBOL_FONT`]), when
/// the text shows that font: `¼` where no `=` is written, or `ð` opening what `Þ` closes. Any
/// other text is left as it is: there `¼` may be a quarter, `ð` and `Þ` Icelandic letters.
fn read_symbol_font(text: &str) -> Cow<'_, str> {
    let paired =
        matches!((text.find('ð'), text.rfind('Þ')), (Some(open), Some(close)) if open < close);
    let equals = text.contains('¼') && !text.contains('=');
    if !paired && !equals {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            SYMBOL_FONT
                .iter()
                .find(|(font, _)| *font == c)
                .map_or(c, |&(_, meant)| meant)
        })
        .collect()
}

/// A formula's text that ends in its number after a space, `… , 0 (2)`: the formula and the
/// number (`(2)`, one to three digits, a letter after them allowed); `None` otherwise.
pub(super) fn trailing_number(formula: &str) -> Option<(&str, &str)> {
    let (before, number) = formula.rsplit_once(' ')?;
    let digits = number.strip_prefix('(')?.strip_suffix(')')?;
    let digits = digits
        .strip_suffix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(digits);
    let is_number = (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    (is_number && !before.trim().is_empty()).then(|| (before.trim_end(), number))
}

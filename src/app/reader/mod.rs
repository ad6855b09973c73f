//! The Reader: the paper's text by section in reading order, citations as chips showing the
//! paper's numbers, entity mentions linkable, tables and figures as cards where they stand,
//! boxes framed apart, equations as their source, and everything related to the selection
//! highlighted.

mod blocks;
mod cards;
mod find;
mod highlights;
mod runs;
mod text;

use eframe::egui::{self, RichText, Ui};

use super::context::{ClickAction, ViewCtx};
use super::views::View;
use super::virtual_list::{HeightCache, ListPlace, virtual_list_ui};
use crate::corpus::display::section_heading;
use crate::corpus::find::FoundIn;
use crate::corpus::{Corpus, Item};
use blocks::{Block, reading_order};
pub use find::FindBar;
pub use highlights::{ADD_NOTE_ENTRY, highlight_entry};
pub use text::FLAG_MARK_LABEL;
pub(crate) use text::shown_equation;

/// The Reader's own UI state.
#[derive(Default)]
pub struct Reader {
    /// The blocks of the open corpus, and the corpus they were built for.
    blocks: Vec<Block>,
    built_for: Option<BuiltFor>,
    heights: HeightCache,
    /// The find bar (Ctrl+F) and its matches.
    pub find: FindBar,
}

/// What the blocks were built for: a corpus is told apart by its name and its record counts.
#[derive(Clone, Debug, PartialEq, Eq)]
struct BuiltFor {
    source_name: String,
    counts: [usize; 5],
}

impl BuiltFor {
    fn of(corpus: &Corpus) -> Self {
        let file = &corpus.file;
        Self {
            source_name: corpus.source_name.clone(),
            counts: [
                file.sections.len(),
                corpus.index.paragraphs.len(),
                file.tables.len(),
                file.figures.len(),
                file.footnotes.len(),
            ],
        }
    }
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("blocks", &self.blocks.len())
            .field("built_for", &self.built_for)
            .finish_non_exhaustive()
    }
}

impl Reader {
    /// The Reader's name for `--view` and the settings file.
    pub const ID: &'static str = "reader";
}

impl View for Reader {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Reader"
    }

    fn description(&self) -> &'static str {
        "The paper's text"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        Self::ui(self, ctx, ui);
    }

    fn has_content(&self, corpus: &Corpus) -> bool {
        !corpus.file.sections.is_empty()
    }

    fn can_show(&self, item: Item) -> bool {
        matches!(
            item,
            Item::Section(_)
                | Item::Paragraph(_)
                | Item::Citation(_)
                | Item::Figure(_)
                | Item::Footnote(_)
        )
    }

    fn show_item(&mut self, corpus: &Corpus, item: Item) {
        self.reveal(corpus, item);
    }

    fn also_shows(&self, item: Item) -> bool {
        matches!(item, Item::Table(_))
    }

    /// A selected region or case takes the Reader to the first passage about it (at once when
    /// the Reader is shown, else when it is next shown).
    fn follow_selection(&mut self, corpus: &Corpus, item: Item) {
        if matches!(item, Item::Region(_) | Item::Case(_))
            && let Some(&first) = crate::corpus::links::related(corpus, item)
                .paragraphs
                .first()
        {
            self.reveal(corpus, Item::Paragraph(first));
        }
    }
}

impl Reader {
    /// Scrolls to `item` (a section, paragraph, citation, figure or footnote) from the next
    /// frame on.
    pub fn reveal(&mut self, corpus: &Corpus, item: Item) {
        self.build_blocks(corpus);
        let target = match item {
            Item::Section(s) => Some(section_block(corpus, s)),
            Item::Figure(f) => Some(Block::Figure(f)),
            Item::Table(t) => Some(Block::Table(t)),
            Item::Footnote(f) => Some(Block::Footnotes(footnote_section(corpus, f))),
            _ => paragraph_of(corpus, item).map(|p| paragraph_block(corpus, p)),
        };
        let row = target.and_then(|block| self.blocks.iter().position(|b| *b == block));
        // A section whose heading is not printed (it repeats the title) starts at its text.
        let row = row.or_else(|| match item {
            Item::Section(s) => {
                let paragraphs = corpus.index.section_paragraphs.get(s)?;
                let first = paragraph_block(corpus, paragraphs.clone().next()?);
                self.blocks.iter().position(|b| *b == first)
            }
            _ => None,
        });
        if let Some(row) = row {
            self.heights.scroll_to(row);
        }
    }

    /// Where the Reader's view starts: the block at the top and how far into it; `None` before
    /// it was drawn. Back and Forward put it back with [`Reader::restore`].
    #[must_use]
    pub fn place(&self) -> Option<ListPlace> {
        self.heights.place()
    }

    /// The item at the top of the Reader's view: its paragraph, heading's section, box's
    /// section, table or figure; `None` for the title block and footnote lists, or before the
    /// Reader was drawn.
    #[must_use]
    pub fn top_item(&self) -> Option<Item> {
        match self.blocks.get(self.place()?.row)? {
            Block::Paragraph(p) => Some(Item::Paragraph(*p)),
            Block::Heading(s) | Block::Box(s) => Some(Item::Section(*s)),
            Block::Table(t) => Some(Item::Table(*t)),
            Block::Figure(f) => Some(Item::Figure(*f)),
            Block::FrontMatter | Block::Footnotes(_) => None,
        }
    }

    /// Scrolls back to `place` (from [`Reader::place`]) from the next frame on.
    pub fn restore(&mut self, place: ListPlace) {
        self.heights.restore(place);
    }

    /// Whether a scroll to a revealed item is still under way.
    #[must_use]
    pub fn is_revealing(&self) -> bool {
        self.heights.pending_scroll().is_some()
    }

    fn build_blocks(&mut self, corpus: &Corpus) {
        let key = BuiltFor::of(corpus);
        if self.built_for.as_ref() == Some(&key) {
            return;
        }
        self.blocks = reading_order(corpus, |f| footnote_section(corpus, f));
        self.built_for = Some(key);
        self.heights = HeightCache::default();
    }

    /// Draws the paper, only the blocks in view.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        self.build_blocks(corpus);
        let top_row = self.heights.place().map_or(0, |place| place.row);
        self.find.bar_ui(ctx, ui, &self.blocks, top_row);
        let width = (ui.available_width() - 2.0 * ctx.theme.gap).min(ctx.theme.reading_width);
        let margin = ((ui.available_width() - width) / 2.0).max(ctx.theme.gap);
        let chars_per_line = (width / (ctx.theme.reading_size * 0.5)).max(20.0);
        let line_height = ctx.theme.reading_size * 1.35;
        let paragraph_height = |p: usize| {
            // A height estimate for rows not yet drawn: a paragraph's length need not be exact.
            #[allow(clippy::cast_precision_loss)]
            let chars = corpus
                .index
                .paragraphs
                .get(p)
                .map_or(0, |i| i.printed.len()) as f32;
            (chars / chars_per_line).ceil() * line_height + ctx.theme.gap * 2.0
        };
        let estimate = |row: usize| match self.blocks.get(row) {
            Some(Block::FrontMatter) => line_height * 24.0,
            Some(Block::Heading(_)) => ctx.theme.heading_size * 2.2,
            Some(Block::Paragraph(p)) => paragraph_height(*p),
            Some(Block::Box(s)) => {
                ctx.theme.heading_size * 3.0
                    + corpus
                        .index
                        .section_paragraphs
                        .get(*s)
                        .cloned()
                        .unwrap_or_default()
                        .map(paragraph_height)
                        .sum::<f32>()
            }
            Some(Block::Figure(_)) => line_height * 12.0,
            Some(Block::Table(_) | Block::Footnotes(_)) => line_height * 5.0,
            None => line_height,
        };
        let blocks = &self.blocks;
        self.heights
            .scroll_by_key(ctx.take_keyboard_scroll(), line_height);
        let find = &self.find;
        // Wait for a reveal under way before scrolling to a match.
        let revealing = self.heights.pending_scroll().is_some();
        find.begin_drawing(revealing);
        virtual_list_ui(
            ui,
            "reader",
            &mut self.heights,
            0,
            blocks.len(),
            &estimate,
            |ui, row| {
                ui.horizontal_top(|ui| {
                    ui.add_space(margin);
                    ui.vertical(|ui| {
                        ui.set_width(width);
                        match blocks.get(row) {
                            Some(Block::FrontMatter) => front_matter_ui(ctx, ui, find),
                            Some(Block::Heading(section)) => {
                                heading_ui(ctx, ui, *section, find);
                            }
                            Some(Block::Box(section)) => {
                                cards::box_ui(ctx, ui, *section, find);
                            }
                            Some(Block::Paragraph(paragraph)) => {
                                text::paragraph_ui(ctx, ui, *paragraph, find);
                            }
                            Some(Block::Table(table)) => cards::table_card_ui(ctx, ui, *table),
                            Some(Block::Figure(figure)) => {
                                cards::figure_card_ui(ctx, ui, *figure);
                            }
                            Some(Block::Footnotes(section)) => {
                                cards::footnotes_ui(ctx, ui, *section);
                            }
                            None => {}
                        }
                    });
                });
            },
        );
        // The current match was not drawn: its block is out of view, so scroll there first.
        if self.find.wants_scroll()
            && self.find.current_rect().is_none()
            && !revealing
            && let Some(row) = self.find.current_block(corpus, &self.blocks)
        {
            self.heights.scroll_to(row);
        }
    }
}

/// The block a section starts with: its heading, or its box.
fn section_block(corpus: &Corpus, section: usize) -> Block {
    if corpus
        .file
        .sections
        .get(section)
        .is_some_and(|s| s.kind == crate::corpus::model::SectionKind::Box)
    {
        Block::Box(section)
    } else {
        Block::Heading(section)
    }
}

/// The block a paragraph is drawn in: its own, or its box's.
fn paragraph_block(corpus: &Corpus, paragraph: usize) -> Block {
    match corpus.index.paragraphs.get(paragraph) {
        Some(info) if section_block(corpus, info.section) == Block::Box(info.section) => {
            Block::Box(info.section)
        }
        _ => Block::Paragraph(paragraph),
    }
}

/// The section whose text first marks footnote `footnote`, else the section of the first
/// figure whose caption marks it (a photograph's credit), if any does.
fn footnote_section(corpus: &Corpus, footnote: usize) -> Option<usize> {
    let linked = |kind| corpus.index.linked(Item::Footnote(footnote), kind);
    if let Some(first) = linked(crate::corpus::ItemKind::Paragraph).iter().min() {
        return corpus.index.paragraphs.get(*first).map(|p| p.section);
    }
    let figure = linked(crate::corpus::ItemKind::Figure)
        .iter()
        .min()
        .and_then(|&f| corpus.file.figures.get(f))?;
    let section = figure.section.as_deref()?;
    corpus.file.sections.iter().position(|s| s.id == section)
}

/// A section heading, sized by depth, clickable.
fn heading_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, section_position: usize, find: &FindBar) {
    let corpus = ctx.corpus;
    let Some(section) = corpus.file.sections.get(section_position) else {
        return;
    };
    let depth = corpus
        .index
        .section_depth
        .get(section_position)
        .copied()
        .unwrap_or(0);
    ui.add_space(ctx.theme.gap * if depth == 0 { 2.0 } else { 1.0 });
    // A section's depth is a small count, exact in f32.
    #[allow(clippy::cast_precision_loss)]
    let size = (ctx.theme.heading_size - 2.0 * depth as f32).max(ctx.theme.body_size);
    let item = Item::Section(section_position);
    let background = ctx.is_selected(item).then_some(ctx.theme.selected_fill);
    let heading = section_heading(section);
    let findable = text::FindableText {
        text: &heading,
        font: egui::FontId::proportional(size),
        strong: true,
        background,
        found_in: FoundIn::Heading(section_position),
        sense: egui::Sense::click(),
    };
    let response = text::findable_text_ui(ctx, ui, &findable, find);
    ctx.item_response(ui, response, item, ClickAction::Select);
}

/// The paragraph an item sits in, for scrolling.
fn paragraph_of(corpus: &Corpus, item: Item) -> Option<usize> {
    match item {
        Item::Paragraph(p) => Some(p),
        Item::Citation(c) => corpus.index.citations.get(c).map(|c| c.paragraph),
        _ => None,
    }
}

/// A long list of institutions printed under the authors (more than [`LONGEST_AFFILIATION`]
/// characters, several between semicolons) as its first and how many more (`RTI International,
/// Washington, DC; and 20 more institutions`), the whole list shown on hover; `None` when it
/// is shown as it is.
fn shortened_affiliation(affiliation: &str) -> Option<String> {
    let institutions: Vec<&str> = affiliation.split(';').map(str::trim).collect();
    let (first, more) = institutions.split_first()?;
    (affiliation.chars().count() > LONGEST_AFFILIATION && !more.is_empty()).then(|| {
        format!(
            "{first}; and {}",
            crate::corpus::counted(more.len(), "more institution")
        )
    })
}

/// The most characters of institutions printed whole under the authors.
const LONGEST_AFFILIATION: usize = 200;

/// What the byline's hover tells of an author: affiliation, e-mail, ORCID iD, and whether they
/// are the corresponding author or a group.
fn author_details(author: &crate::corpus::model::Author) -> String {
    let mut lines = Vec::new();
    if author.group {
        lines.push("Group author".to_owned());
    }
    if author.corresponding {
        lines.push("Corresponding author".to_owned());
    }
    for (label, value) in [
        ("", &author.affiliation),
        ("E-mail: ", &author.email),
        ("ORCID: ", &author.orcid),
    ] {
        if !value.trim().is_empty() {
            lines.push(format!("{label}{}", value.trim()));
        }
    }
    lines.join("\n")
}

/// Title, authors (each with their details on hover), keywords and abstract.
fn front_matter_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, find: &FindBar) {
    let paper = &ctx.corpus.file.paper;
    if paper.title.is_empty() {
        return;
    }
    ui.add_space(ctx.theme.gap);
    let title = text::FindableText {
        text: &paper.title,
        font: egui::FontId::proportional(ctx.theme.heading_size + 6.0),
        strong: true,
        background: None,
        found_in: FoundIn::Title,
        sense: egui::Sense::hover(),
    };
    text::findable_text_ui(ctx, ui, &title, find);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        let count = paper.authors.len();
        for (position, author) in paper.authors.iter().enumerate() {
            let separator = if position + 1 < count { ", " } else { "" };
            let name = ui.label(
                RichText::new(format!("{}{separator}", author.name)).color(ctx.theme.muted_text),
            );
            let details = author_details(author);
            if !details.is_empty() {
                name.on_hover_text(details);
            }
        }
        // The separator stays with what it follows, and a date is not broken across lines
        // (`2` / `December 2022`): its spaces do not break.
        let date = paper.date.replace(' ', "\u{a0}");
        let affiliation = shortened_affiliation(&paper.affiliation);
        let mut rest = String::new();
        for part in [affiliation.as_deref().unwrap_or(&paper.affiliation), &date] {
            if !part.is_empty() {
                rest.push_str("\u{a0}· ");
                rest.push_str(part);
            }
        }
        if !rest.is_empty() {
            let label = ui.label(RichText::new(rest).color(ctx.theme.muted_text));
            if affiliation.is_some() {
                label.on_hover_text(&paper.affiliation);
            }
        }
    });
    if !paper.keywords.is_empty() {
        ui.label(
            RichText::new(format!("Keywords: {}", paper.keywords.join(" · ")))
                .small()
                .color(ctx.theme.muted_text),
        );
    }
    if !paper.abstract_text.is_empty() {
        egui::CollapsingHeader::new(RichText::new("Abstract").strong())
            .id_salt("abstract")
            .default_open(true)
            .show(ui, |ui| {
                let abstract_text = text::FindableText {
                    text: &paper.abstract_text,
                    font: ctx.theme.reading_font(),
                    strong: false,
                    background: None,
                    found_in: FoundIn::Abstract,
                    sense: egui::Sense::hover(),
                };
                text::findable_text_ui(ctx, ui, &abstract_text, find);
            });
    }
    if !paper.license.name.is_empty() {
        ui.label(
            RichText::new(format!("Licence: {}", paper.license.name))
                .small()
                .color(ctx.theme.muted_text),
        );
    }
    if !ctx.corpus.has_text() {
        ui.add_space(ctx.theme.gap * 2.0);
        super::views::empty_view_ui(
            ctx,
            ui,
            "This file holds no text of the paper",
            "It gives the paper's front matter, and its references or back matter when it has \
             them. Open the full-text version of the paper (a JATS article with its body, \
             GROBID's full-text TEI) to read it here.",
        );
    }
    if crate::corpus::display::heading_repeats_title(ctx.corpus, 0) {
        // The text follows with no heading of its own: the space a heading would leave.
        ui.add_space(ctx.theme.gap * 2.0);
    }
}

#[cfg(test)]
mod tests {
    use super::footnote_section;

    #[test]
    fn a_footnote_only_a_caption_marks_is_listed_in_the_figure_s_section() {
        let text = r#"<article><front><article-meta><title-group><article-title>Photos</article-title></title-group></article-meta></front><body>
<sec><title>One</title><p>Text.</p></sec>
<sec><title>Two</title><p>The theatre.</p><fig id="f1"><label>Photo 1</label><caption><title>A theatre<xref ref-type="fn" rid="fn1">1</xref>.</title></caption></fig></sec></body>
<back><fn-group><fn id="fn1"><label>1</label><p>Its licence.</p></fn></fn-group></back></article>"#;
        let corpus = crate::open::open_text(text, "photos.xml")
            .corpus
            .unwrap_or_else(|| panic!("the article imports"));
        assert_eq!(corpus.file.sections[1].title, "Two");
        assert_eq!(footnote_section(&corpus, 0), Some(1));
    }
}

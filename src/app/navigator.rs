//! The Navigator (left panel): tabs for the outline, references, figures and tables, cases,
//! regions and entities.

use eframe::egui::{self, RichText, Ui};

use super::context::{ClickAction, ViewCtx};
use super::records::{item_row_ui, reference_menu_ui};
use super::state::NavigatorTab;
use crate::corpus::model::{EntityKind, SectionKind};
use crate::corpus::search::reference_search_text;
use crate::corpus::{Corpus, Item, ItemKind, cite, counted};

/// How the reference list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReferenceSort {
    /// By the paper's number.
    #[default]
    Number,
    /// By first author's family name.
    Author,
    /// By year of issue.
    Year,
}

impl ReferenceSort {
    const ALL: [Self; 3] = [Self::Number, Self::Author, Self::Year];

    /// Its name; a bibliography on its own has no numbers, only its file's order.
    fn label(self, corpus: &Corpus) -> &'static str {
        match self {
            Self::Number if corpus.is_bibliography_only() => "File order",
            Self::Number => "Number",
            Self::Author => "Author",
            Self::Year => "Year",
        }
    }
}

/// The Navigator's own UI state.
#[derive(Debug, Default)]
pub struct Navigator {
    /// The tab shown.
    pub tab: NavigatorTab,
    /// Filter text of the References tab.
    pub reference_filter: String,
    /// Order of the References tab.
    pub reference_sort: ReferenceSort,
    /// Filter text of the Entities tab.
    pub entity_filter: String,
}

impl Navigator {
    /// Draws the tabs and the current tab's list.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        // A tab with nothing in it is not offered (the outline and the references always are,
        // but a bibliography on its own, or a paper without its text, has no outline); a tab
        // chosen for another corpus falls back to the first offered.
        let has_text = corpus.has_text();
        let shown = |tab: NavigatorTab| match tab {
            NavigatorTab::Outline => has_text,
            NavigatorTab::References => true,
            _ => tab_count(corpus, tab) > 0,
        };
        if !shown(self.tab) {
            self.tab = if has_text {
                NavigatorTab::Outline
            } else {
                NavigatorTab::References
            };
        }
        ui.horizontal_wrapped(|ui| {
            for tab in NavigatorTab::ALL.into_iter().filter(|&tab| shown(tab)) {
                let count = tab_count(corpus, tab);
                let label = format!("{} {count}", tab.label());
                if ui
                    .selectable_label(self.tab == tab, label)
                    .on_hover_text(format!("Show {}", tab.label().to_lowercase()))
                    .clicked()
                {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        match self.tab {
            NavigatorTab::Outline => outline_ui(ctx, ui),
            NavigatorTab::References => self.references_ui(ctx, ui),
            NavigatorTab::Cases => {
                if corpus.file.cases.is_empty() {
                    empty_ui(ctx, ui, "This paper has no case studies.");
                }
                rows_ui(
                    ctx,
                    ui,
                    "navigator-cases",
                    corpus.file.cases.len(),
                    |ui, case| {
                        item_row_ui(ctx, ui, Item::Case(case), ClickAction::Reveal);
                    },
                );
            }
            NavigatorTab::Regions => regions_ui(ctx, ui),
            NavigatorTab::Entities => self.entities_ui(ctx, ui),
            NavigatorTab::Figures => figures_ui(ctx, ui),
        }
    }

    fn references_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        if corpus.file.references.is_empty() {
            // Nothing to sort or filter.
            empty_ui(ctx, ui, "The paper lists no references.");
            return;
        }
        ui.horizontal(|ui| {
            let sort_label = ui.label("Sort");
            egui::ComboBox::from_id_salt("reference-sort")
                .selected_text(self.reference_sort.label(corpus))
                .show_ui(ui, |ui| {
                    for sort in ReferenceSort::ALL {
                        ui.selectable_value(&mut self.reference_sort, sort, sort.label(corpus));
                    }
                })
                .response
                .labelled_by(sort_label.id);
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.reference_filter)
                .hint_text("Filter references")
                .desired_width(f32::INFINITY),
        );
        let references = filtered_references(corpus, &self.reference_filter, self.reference_sort);
        if references.is_empty() {
            empty_ui(ctx, ui, "No reference matches the filter.");
        }
        rows_ui(
            ctx,
            ui,
            "navigator-references",
            references.len(),
            |ui, n| {
                if let Some(&reference) = references.get(n) {
                    item_row_ui(ctx, ui, Item::Reference(reference), ClickAction::Select)
                        .context_menu(|ui| reference_menu_ui(ctx, ui, reference));
                }
            },
        );
    }

    fn entities_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        ui.add(
            egui::TextEdit::singleline(&mut self.entity_filter)
                .hint_text("Filter entities")
                .desired_width(f32::INFINITY),
        );
        let needle = self.entity_filter.to_lowercase();
        if corpus.file.entities.is_empty() {
            empty_ui(ctx, ui, "This corpus names no entities.");
        }
        // One flat list of rows: a heading per kind, then its entities.
        let mut rows: Vec<EntityRow> = Vec::new();
        for kind in EntityKind::ALL {
            let entities: Vec<usize> = corpus
                .file
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == kind)
                .filter(|(_, e)| {
                    needle.is_empty()
                        || e.name.to_lowercase().contains(&needle)
                        || e.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
                })
                .map(|(i, _)| i)
                .collect();
            if !entities.is_empty() {
                rows.push(EntityRow::Heading(kind, entities.len()));
                rows.extend(entities.into_iter().map(EntityRow::Entity));
            }
        }
        rows_ui(
            ctx,
            ui,
            "navigator-entities",
            rows.len(),
            |ui, n| match rows.get(n) {
                Some(EntityRow::Entity(entity)) => {
                    item_row_ui(ctx, ui, Item::Entity(*entity), ClickAction::Select);
                }
                Some(EntityRow::Heading(kind, count)) => {
                    ui.label(
                        RichText::new(format!("{} ({count})", kind.label()))
                            .small()
                            .strong()
                            .color(ctx.theme.muted_text),
                    );
                }
                None => {}
            },
        );
    }
}

/// A row of the Entities tab.
enum EntityRow {
    /// A kind's heading with its count.
    Heading(EntityKind, usize),
    /// An entity.
    Entity(usize),
}

fn regions_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let corpus = ctx.corpus;
    if corpus.file.regions.is_empty() {
        empty_ui(ctx, ui, "This paper has no regions.");
    }
    egui::ScrollArea::vertical()
        .id_salt("navigator-regions")
        .auto_shrink(false)
        .show(ui, |ui| {
            ctx.keyboard_scroll_ui(ui);
            for (region, _) in corpus.file.regions.iter().enumerate() {
                item_row_ui(ctx, ui, Item::Region(region), ClickAction::Select);
                let rows = corpus
                    .index
                    .linked(Item::Region(region), ItemKind::TableRow)
                    .len();
                let cases = corpus
                    .index
                    .linked(Item::Region(region), ItemKind::Case)
                    .len();
                ui.label(
                    RichText::new(format!(
                        "    {} · {}",
                        counted(rows, "table row"),
                        counted(cases, "case")
                    ))
                    .small()
                    .color(ctx.theme.muted_text),
                );
            }
        });
}

/// How many records a tab lists.
fn tab_count(corpus: &Corpus, tab: NavigatorTab) -> usize {
    match tab {
        NavigatorTab::Outline => corpus.file.sections.len(),
        NavigatorTab::References => corpus.file.references.len(),
        NavigatorTab::Cases => corpus.file.cases.len(),
        NavigatorTab::Regions => corpus.file.regions.len(),
        NavigatorTab::Entities => corpus.file.entities.len(),
        NavigatorTab::Figures => {
            let file = &corpus.file;
            let boxes = file
                .sections
                .iter()
                .filter(|s| s.kind == SectionKind::Box)
                .count();
            file.tables.len() + file.figures.len() + boxes + file.footnotes.len()
        }
    }
}

/// A row of the Figures & tables tab.
enum FiguresRow {
    /// A kind's heading with its count.
    Heading(&'static str, usize),
    /// A table, figure, footnote or box.
    Item(Item),
}

/// The rows of the Figures & tables tab: tables, figures, boxes and footnotes, each kind under
/// its heading, in printed order.
fn figures_tab_rows(corpus: &Corpus) -> Vec<FiguresRow> {
    let file = &corpus.file;
    let boxes: Vec<Item> = file
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == SectionKind::Box)
        .map(|(position, _)| Item::Section(position))
        .collect();
    let groups: [(&'static str, Vec<Item>); 4] = [
        ("Tables", (0..file.tables.len()).map(Item::Table).collect()),
        (
            "Figures",
            (0..file.figures.len()).map(Item::Figure).collect(),
        ),
        ("Boxes", boxes),
        (
            "Footnotes",
            (0..file.footnotes.len()).map(Item::Footnote).collect(),
        ),
    ];
    let mut rows = Vec::new();
    for (heading, items) in groups {
        if !items.is_empty() {
            rows.push(FiguresRow::Heading(heading, items.len()));
            rows.extend(items.into_iter().map(FiguresRow::Item));
        }
    }
    rows
}

/// The Figures & tables tab: a click shows the record where it stands (a table in the Table
/// view, the others in the Reader).
fn figures_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let rows = figures_tab_rows(ctx.corpus);
    if rows.is_empty() {
        empty_ui(
            ctx,
            ui,
            "This paper has no tables, figures, boxes or footnotes.",
        );
    }
    rows_ui(
        ctx,
        ui,
        "navigator-figures",
        rows.len(),
        |ui, n| match rows.get(n) {
            Some(FiguresRow::Item(item)) => {
                item_row_ui(ctx, ui, *item, ClickAction::Reveal);
            }
            Some(FiguresRow::Heading(heading, count)) => {
                ui.label(
                    RichText::new(format!("{heading} ({count})"))
                        .small()
                        .strong()
                        .color(ctx.theme.muted_text),
                );
            }
            None => {}
        },
    );
}

/// References matching `filter` (case-insensitive, over authors, year, title and venue), in
/// the chosen order.
#[must_use]
pub fn filtered_references(corpus: &Corpus, filter: &str, sort: ReferenceSort) -> Vec<usize> {
    let needle = filter.trim().to_lowercase();
    let mut references: Vec<usize> = corpus
        .file
        .references
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            needle.is_empty() || reference_search_text(r).to_lowercase().contains(&needle)
        })
        .map(|(i, _)| i)
        .collect();
    let number = |i: &usize| {
        corpus
            .index
            .reference_numbers
            .get(*i)
            .copied()
            .unwrap_or(u32::MAX)
    };
    match sort {
        ReferenceSort::Number => references.sort_by_key(number),
        ReferenceSort::Author => references.sort_by_key(|i| {
            let reference = corpus.file.references.get(*i);
            let family = reference.and_then(|r| r.creators().first()).map(|a| {
                if a.family.is_empty() {
                    a.literal.to_lowercase()
                } else {
                    a.family.to_lowercase()
                }
            });
            (family.unwrap_or_default(), number(i))
        }),
        ReferenceSort::Year => references.sort_by_key(|i| {
            (
                corpus
                    .file
                    .references
                    .get(*i)
                    .and_then(cite::year)
                    .unwrap_or(i32::MAX),
                number(i),
            )
        }),
    }
    references
}

fn outline_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let corpus = ctx.corpus;
    if corpus.file.sections.is_empty() {
        empty_ui(ctx, ui, "This file has no text: it holds references only.");
    }
    rows_ui(
        ctx,
        ui,
        "navigator-outline",
        corpus.file.sections.len(),
        |ui, section| {
            let depth = corpus
                .index
                .section_depth
                .get(section)
                .copied()
                .unwrap_or(0);
            ui.horizontal(|ui| {
                // A depth of at most 8 is exact in f32.
                #[allow(clippy::cast_precision_loss)]
                ui.add_space(14.0 * depth.min(8) as f32);
                item_row_ui(ctx, ui, Item::Section(section), ClickAction::Reveal);
            });
        },
    );
}

/// A scrolling list of `count` one-line rows, drawing only the rows in view; scrolled by keys
/// while the pointer is over it.
fn rows_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    id: &str,
    count: usize,
    mut row: impl FnMut(&mut Ui, usize),
) {
    ui.spacing_mut().item_spacing.y = 2.0;
    let row_height =
        ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y;
    egui::ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink(false)
        .show_rows(ui, row_height, count, |ui, range| {
            ctx.keyboard_scroll_ui(ui);
            for n in range {
                row(ui, n);
            }
        });
}

fn empty_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).italics().color(ctx.theme.muted_text));
}

//! The Bibliography view: the reference list as the paper prints it (where the corpus keeps the
//! printed entries: a paper read from its text or a JATS `mixed-citation`), or every reference
//! as the chosen citation style prints it, in the order the style sorts them. A click selects
//! one (the inspector shows it in full), its context menu copies it or the whole list. What a
//! bibliography opened on its own starts on.

use eframe::egui::{self, RichText, Sense, Ui};

use super::context::{ClickAction, Command, ViewCtx};
use super::records::{
    COPY_PRINTED_LIST, copy_bibliography_label, copy_list, formatted_ui, printed_list,
    reference_menu_ui, styled_list,
};
use super::state::CitationDisplay;
use super::style_choice::StyleKey;
use super::views::{View, empty_view_ui};
use crate::corpus::{Corpus, Item};
use crate::formats::styles::{ListEntry, keeps_printed_entries};

/// The Bibliography view's own state: the list as it was last drawn.
#[derive(Debug, Default)]
pub struct ReferencesView {
    listed: Option<(Listed, Vec<ListEntry>)>,
    /// A reference waiting to be scrolled to.
    reveal: Option<usize>,
}

/// What a list was made for: the style, whether as printed, how many references.
#[derive(Clone, Debug, PartialEq)]
struct Listed {
    style: StyleKey,
    as_printed: bool,
    references: usize,
}

impl ReferencesView {
    /// The view's name for `--view` and the settings file.
    pub const ID: &'static str = "bibliography";

    /// The entries shown: as printed or in the chosen style; made once per style and choice.
    fn entries(&mut self, ctx: &ViewCtx<'_>, as_printed: bool) -> &[ListEntry] {
        let listed = Listed {
            style: ctx.citation_style.key(),
            as_printed,
            references: ctx.corpus.file.references.len(),
        };
        if self.listed.as_ref().is_none_or(|(made, _)| *made != listed) {
            let list = if as_printed {
                printed_list(ctx)
            } else {
                styled_list(ctx)
            };
            self.listed = Some((listed, list));
        }
        self.listed
            .as_ref()
            .map_or(&[], |(_, list)| list.as_slice())
    }
}

/// The view's header: what is listed and how, the choice between the paper's list and the
/// chosen style (where the corpus keeps the paper's: `offers_printed`), and the copy of the
/// whole list.
fn header_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    entries: &[ListEntry],
    offers_printed: bool,
    as_printed: bool,
) {
    let corpus = ctx.corpus;
    let style = &ctx.citation_style;
    ui.horizontal_wrapped(|ui| {
        let count = crate::corpus::counted(corpus.file.references.len(), "reference");
        let summary = if as_printed {
            let styled = entries.iter().filter(|entry| !entry.printed).count();
            if styled == 0 {
                format!("{count} · as the paper's list prints them")
            } else {
                format!(
                    "{count} · as the paper's list prints them ({styled} in {}, lighter: their \
                     printed entries are not kept)",
                    style.label
                )
            }
        } else {
            format!("{count} · {}", style.label_with_locale())
        };
        ui.label(RichText::new(summary).strong());
        if offers_printed {
            ui.separator();
            for (display, label, hover) in [
                (
                    CitationDisplay::AsPrinted,
                    "As the paper prints them".to_owned(),
                    "The entries as the paper's reference list prints them, in its order"
                        .to_owned(),
                ),
                (
                    CitationDisplay::InStyle,
                    format!("In {}", style.label),
                    format!(
                        "Every reference as {} prints it, in its order (the style is chosen in \
                         the View menu or the Inspector)",
                        style.label
                    ),
                ),
            ] {
                let chosen = ctx.list_display == display;
                if ui
                    .selectable_label(chosen, label)
                    .on_hover_text(hover)
                    .clicked()
                    && !chosen
                {
                    ctx.send(Command::SetListDisplay(display));
                }
            }
            ui.separator();
        }
        let (copy_label, copy_hover) = if as_printed {
            (
                COPY_PRINTED_LIST.to_owned(),
                "Copy every reference as the list shows it, in the paper's order".to_owned(),
            )
        } else {
            (
                copy_bibliography_label(ctx),
                "Copy every reference, in the order the style sorts them".to_owned(),
            )
        };
        if ui.button(copy_label).on_hover_text(copy_hover).clicked() {
            ctx.send(copy_list(entries));
        }
    });
}

impl View for ReferencesView {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Bibliography"
    }

    fn description(&self) -> &'static str {
        "The reference list, as the paper prints it or in the chosen citation style"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        if corpus.file.references.is_empty() {
            empty_view_ui(
                ctx,
                ui,
                "This paper has no references.",
                "Open a paper with a reference list, or a bibliography (.bib, .ris, CSL-JSON).",
            );
            return;
        }
        // The paper's own list when asked for and the corpus keeps it.
        let offers_printed = keeps_printed_entries(corpus);
        let as_printed = offers_printed && ctx.list_display == CitationDisplay::AsPrinted;
        let reveal = self.reveal.take();
        let entries = self.entries(ctx, as_printed);
        header_ui(ctx, ui, entries, offers_printed, as_printed);
        ui.separator();
        // Numbers right-aligned in one column, so that `[9]` and `[10]` start their entries
        // alike, as a printed list does.
        let font = egui::TextStyle::Body.resolve(ui.style());
        let label_width = entries
            .iter()
            .filter_map(|entry| entry.label.as_deref())
            .map(|label| {
                ui.painter()
                    .layout_no_wrap(label.to_owned(), font.clone(), egui::Color32::PLACEHOLDER)
                    .size()
                    .x
            })
            .fold(0.0_f32, f32::max);
        egui::ScrollArea::vertical()
            .id_salt("bibliography-view")
            .auto_shrink(false)
            .show(ui, |ui| {
                for entry in entries {
                    let position = entry.position;
                    let item = Item::Reference(position);
                    let fill = if ctx.is_selected(item) {
                        ctx.theme.selected_fill
                    } else if ctx.is_hover_highlighted(item) || ctx.is_highlighted(item) {
                        ctx.theme.hover_fill
                    } else {
                        egui::Color32::TRANSPARENT
                    };
                    let frame = egui::Frame::new()
                        .fill(fill)
                        .corner_radius(ctx.theme.radius)
                        .inner_margin(egui::Margin::symmetric(6, 4))
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.horizontal_top(|ui| {
                                if let Some(label) = &entry.label {
                                    let size =
                                        egui::vec2(label_width, ui.spacing().interact_size.y);
                                    ui.allocate_ui_with_layout(
                                        size,
                                        egui::Layout::right_to_left(egui::Align::Min),
                                        |ui| ui.label(label),
                                    );
                                }
                                // In the paper's list, an entry it does not keep stands in the
                                // style, set apart.
                                let stands_in = as_printed && !entry.printed;
                                let colour = stands_in.then_some(ctx.theme.muted_text);
                                formatted_ui(ui, &entry.text, colour);
                            });
                        });
                    let response = ui.interact(
                        frame.response.rect,
                        ui.scope_id().with(("reference-entry", position)),
                        Sense::click(),
                    );
                    if reveal == Some(position) {
                        response.scroll_to_me(Some(egui::Align::Center));
                    }
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            entry.text.to_plain_string(),
                        )
                    });
                    let response = ctx.item_response(ui, response, item, ClickAction::Select);
                    response.context_menu(|ui| reference_menu_ui(ctx, ui, position));
                }
            });
    }

    fn can_show(&self, item: Item) -> bool {
        let _ = item;
        false
    }

    fn show_item(&mut self, corpus: &Corpus, item: Item) {
        let _ = (corpus, item);
    }

    /// A reference selected anywhere is scrolled into view here.
    fn follow_selection(&mut self, corpus: &Corpus, item: Item) {
        if let Item::Reference(position) = item
            && position < corpus.file.references.len()
        {
            self.reveal = Some(position);
        }
    }

    fn has_content(&self, corpus: &Corpus) -> bool {
        !corpus.file.references.is_empty()
    }
}

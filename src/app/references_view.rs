//! The Bibliography view: every reference as the chosen citation style prints it, in the order
//! the style sorts them; a click selects one (the inspector shows it in full), its context menu
//! copies it or the whole list. What a bibliography opened on its own starts on.

use std::collections::HashMap;

use eframe::egui::{self, RichText, Sense, Ui};

use super::context::{ClickAction, ViewCtx};
use super::records::{copy_bibliography, copy_bibliography_label, formatted_ui, reference_menu_ui};
use super::style_choice::{ActiveStyle, StyleKey};
use super::views::{View, empty_view_ui};
use crate::corpus::{Corpus, Item};
use crate::formats::styles::BibliographyEntry;

/// The Bibliography view's own state: the list formatted in the style it was last drawn in.
#[derive(Debug, Default)]
pub struct ReferencesView {
    formatted: Option<(StyleKey, Vec<(usize, BibliographyEntry)>)>,
    /// A reference waiting to be scrolled to.
    reveal: Option<usize>,
}

impl ReferencesView {
    /// The Bibliography view's name for `--view` and the settings file.
    pub const ID: &'static str = "bibliography";

    /// Every reference (its position) with its entry in `style`, in the style's order;
    /// formatted once per style.
    fn entries(&mut self, ctx: &ViewCtx<'_>, style: &ActiveStyle) -> &[(usize, BibliographyEntry)] {
        let corpus = ctx.corpus;
        let key = style.key();
        let needs_formatting = self.formatted.as_ref().is_none_or(|(formatted_in, list)| {
            *formatted_in != key || list.len() != corpus.file.references.len()
        });
        if needs_formatting {
            let positions: HashMap<&str, usize> = corpus
                .file
                .references
                .iter()
                .enumerate()
                .map(|(position, reference)| (reference.id.as_str(), position))
                .collect();
            let list = ctx
                .citations
                .bibliography(corpus, style)
                .iter()
                .filter_map(|entry| Some((*positions.get(entry.id.as_str())?, entry.clone())))
                .collect();
            self.formatted = Some((key, list));
        }
        self.formatted
            .as_ref()
            .map_or(&[], |(_, list)| list.as_slice())
    }
}

impl View for ReferencesView {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Bibliography"
    }

    fn description(&self) -> &'static str {
        "Every reference in the chosen citation style"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        if corpus.file.references.is_empty() {
            empty_view_ui(
                ctx,
                ui,
                "This corpus has no references.",
                "Open a paper with a reference list, or a bibliography (.bib, .ris, CSL-JSON).",
            );
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} · {}",
                    crate::corpus::counted(corpus.file.references.len(), "reference"),
                    ctx.citation_style.label_with_locale()
                ))
                .strong(),
            );
            if ui
                .button(copy_bibliography_label(ctx))
                .on_hover_text("Copy every reference, in the order the style sorts them")
                .clicked()
            {
                ctx.send(copy_bibliography(ctx));
            }
        });
        ui.separator();
        let reveal = self.reveal.take();
        let entries = self.entries(ctx, &ctx.citation_style);
        egui::ScrollArea::vertical()
            .id_salt("bibliography-view")
            .auto_shrink(false)
            .show(ui, |ui| {
                for (position, entry) in entries {
                    let item = Item::Reference(*position);
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
                                    ui.label(label);
                                }
                                formatted_ui(ui, &entry.text, None);
                            });
                        });
                    let response = ui.interact(
                        frame.response.rect,
                        ui.scope_id().with(("reference-entry", position)),
                        Sense::click(),
                    );
                    if reveal == Some(*position) {
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
                    response.context_menu(|ui| reference_menu_ui(ctx, ui, *position));
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

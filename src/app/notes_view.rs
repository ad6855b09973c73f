//! The Notes view: every study note and highlight of the open paper, grouped by the section its
//! item stands in (items outside the text by kind, detached notes last, with their quote),
//! filtered by tag, by kind (a label, highlights, or the kind of item) and by section, with
//! counts; a click on a note's item reveals it in its view and the Inspector shows the note.

use std::collections::BTreeMap;

use eframe::egui::{self, RichText, Sense, Ui};

use super::commands::UiCommand;
use super::context::{ClickAction, Command, ViewCtx};
use super::study_notes::{NoteCommand, NoteEntry, note_kicker};
use super::views::{View, empty_view_ui};
use crate::corpus::display::item_title;
use crate::corpus::study_notes::{NoteLabel, NoteSection};
use crate::corpus::{Corpus, Item, ItemKind, counted};

/// Which notes the kind filter keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KindFilter {
    /// Every note.
    #[default]
    All,
    /// Notes with this label.
    Label(NoteLabel),
    /// Highlights (notes that quote a passage).
    Highlights,
    /// Notes about items of this kind.
    Item(ItemKind),
}

impl KindFilter {
    /// Whether `entry` passes.
    fn keeps(self, entry: &NoteEntry) -> bool {
        match self {
            Self::All => true,
            Self::Label(label) => entry.note.label == Some(label),
            Self::Highlights => entry.note.is_highlight(),
            Self::Item(kind) => entry.resolved.item.is_some_and(|item| item.kind() == kind),
        }
    }

    /// Its words in the filter.
    fn label(self) -> String {
        match self {
            Self::All => "All kinds".to_owned(),
            Self::Label(label) => label.title().to_owned(),
            Self::Highlights => "Highlights".to_owned(),
            Self::Item(kind) => kind.plural_label().to_owned(),
        }
    }
}

/// The Notes view's own state: its filters.
#[derive(Debug, Default)]
pub struct NotesView {
    /// Only notes with this tag (any case).
    pub tag: Option<String>,
    /// Only notes of this kind.
    pub kind: KindFilter,
    /// Only notes in this section (or group).
    pub section: Option<NoteSection>,
}

impl NotesView {
    /// The Notes view's name for `--view` and the settings file.
    pub const ID: &'static str = "notes";

    /// Whether `entry` passes every filter.
    fn keeps(&self, entry: &NoteEntry) -> bool {
        self.tag
            .as_deref()
            .is_none_or(|tag| entry.note.has_tag(tag))
            && self.kind.keeps(entry)
            && self
                .section
                .is_none_or(|section| entry.resolved.section == section)
    }
}

impl View for NotesView {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Notes"
    }

    fn description(&self) -> &'static str {
        "Your study notes and highlights of this paper"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        notes_view_ui(self, ctx, ui);
    }

    fn can_show(&self, _item: Item) -> bool {
        false
    }

    fn show_item(&mut self, _corpus: &Corpus, _item: Item) {}
}

/// The view: the store's state, the filters, the notes by group.
fn notes_view_ui(view: &mut NotesView, ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let notes = ctx.notes;
    store_state_ui(ctx, ui);
    if let Some(why) = &notes.unavailable {
        empty_view_ui(ctx, ui, "Notes are not available", why);
        return;
    }
    if notes.entries.is_empty() {
        empty_view_ui(
            ctx,
            ui,
            "No notes about this paper yet",
            "Right-click a sentence in the Reader to highlight it as a claim, evidence, a \
             question or a definition, or select anything (a citation, a reference, a table row, \
             a case, a figure, a year) and add a note in the Inspector.",
        );
        return;
    }
    filters_ui(view, ctx, ui);
    ui.horizontal_wrapped(|ui| {
        if notes.can_undo
            && ui
                .small_button("Undo delete")
                .on_hover_text("Bring back the note deleted last")
                .clicked()
        {
            ctx.send(Command::Note(NoteCommand::UndoDelete));
        }
        for command in [UiCommand::ExportNotesMarkdown, UiCommand::ExportNotesCsv] {
            if ui
                .small_button(command.text())
                .on_hover_text(command.hover_text())
                .clicked()
                && let Some(command) = command.command()
            {
                ctx.send(command);
            }
        }
    });
    ui.separator();
    let mut groups: BTreeMap<NoteSection, Vec<&NoteEntry>> = BTreeMap::new();
    for entry in notes.entries.iter().filter(|entry| view.keeps(entry)) {
        groups
            .entry(entry.resolved.section)
            .or_default()
            .push(entry);
    }
    if groups.is_empty() {
        empty_view_ui(
            ctx,
            ui,
            "No note passes these filters",
            "Choose “All” in a filter above to see more.",
        );
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("notes-view")
        .auto_shrink(false)
        .show(ui, |ui| {
            ctx.keyboard_scroll_ui(ui);
            // Notes read as text does: no wider than the Reader's lines.
            ui.set_max_width(
                ctx.theme
                    .reading_width
                    .min(ui.available_width() - ctx.theme.gap),
            );
            for (section, entries) in groups {
                ui.add_space(ctx.theme.gap);
                ui.label(
                    RichText::new(format!(
                        "{} ({})",
                        section.heading(ctx.corpus),
                        entries.len()
                    ))
                    .strong()
                    .size(ctx.theme.body_size + 2.0),
                );
                if section == NoteSection::Detached {
                    ui.label(
                        RichText::new(
                            "Their item is no longer in this paper and their quote was not found; \
                             they are kept, never deleted.",
                        )
                        .small()
                        .color(ctx.theme.muted_text),
                    );
                }
                for entry in entries {
                    note_row_ui(ctx, ui, entry);
                }
            }
        });
}

/// A damaged store set aside (with Restore and Dismiss), above everything.
fn store_state_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let notes = ctx.notes;
    let Some(message) = &notes.recovery else {
        return;
    };
    egui::Frame::new()
        .fill(ctx.theme.note_fill)
        .corner_radius(ctx.theme.radius)
        .inner_margin(ctx.theme.gap)
        .show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(message).color(ctx.theme.note_text)).wrap());
            ui.horizontal(|ui| {
                if notes.backup_offered
                    && ui
                        .button("Restore the newest backup")
                        .on_hover_text("Put back the notes of the newest backup")
                        .clicked()
                {
                    ctx.send(Command::Note(NoteCommand::RestoreBackup));
                }
                if ui.button("Dismiss").clicked() {
                    ctx.send(Command::Note(NoteCommand::DismissRecovery));
                }
            });
        });
}

/// The tag, kind and section filters, each choice with how many notes it keeps.
fn filters_ui(view: &mut NotesView, ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let entries = &ctx.notes.entries;
    let shown = entries.iter().filter(|e| view.keeps(e)).count();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{} of {}", shown, counted(entries.len(), "note"))).strong(),
        );
        // Tags.
        let mut tags: Vec<(String, usize)> = Vec::new();
        for tag in entries.iter().flat_map(|e| &e.note.tags) {
            match tags.iter_mut().find(|(t, _)| t.eq_ignore_ascii_case(tag)) {
                Some((_, n)) => *n += 1,
                None => tags.push((tag.clone(), 1)),
            }
        }
        tags.sort_by_key(|(tag, _)| tag.to_lowercase());
        let tag_text = view
            .tag
            .clone()
            .map_or_else(|| "All tags".to_owned(), |tag| format!("#{tag}"));
        wrap_unless_fits(ui, "Tag", &tag_text);
        ui.horizontal(|ui| {
            let label = ui.label("Tag");
            egui::ComboBox::from_id_salt("notes-tag")
                .selected_text(tag_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut view.tag,
                        None,
                        format!("All tags ({})", entries.len()),
                    );
                    for (tag, n) in tags {
                        let label = format!("#{tag} ({n})");
                        ui.selectable_value(&mut view.tag, Some(tag), label);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Only notes with this tag");
        });
        // Kinds.
        let mut kinds = vec![KindFilter::All];
        kinds.extend(NoteLabel::ALL.map(KindFilter::Label));
        kinds.push(KindFilter::Highlights);
        let mut item_kinds: Vec<ItemKind> = entries
            .iter()
            .filter_map(|e| e.resolved.item.map(Item::kind))
            .collect();
        item_kinds.sort_by_key(|kind| kind.plural_label());
        item_kinds.dedup();
        kinds.extend(item_kinds.into_iter().map(KindFilter::Item));
        wrap_unless_fits(ui, "Kind", &view.kind.label());
        ui.horizontal(|ui| {
            let label = ui.label("Kind");
            egui::ComboBox::from_id_salt("notes-kind")
                .selected_text(view.kind.label())
                .show_ui(ui, |ui| {
                    for kind in kinds {
                        let n = entries.iter().filter(|e| kind.keeps(e)).count();
                        if n > 0 || kind == KindFilter::All {
                            ui.selectable_value(
                                &mut view.kind,
                                kind,
                                format!("{} ({n})", kind.label()),
                            );
                        }
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "Only notes of this label, highlights, or notes about one kind of item",
                );
        });
        // Sections.
        let mut sections: Vec<NoteSection> = entries.iter().map(|e| e.resolved.section).collect();
        sections.sort();
        sections.dedup();
        let section_text = view
            .section
            .map_or_else(|| "All sections".to_owned(), |s| s.heading(ctx.corpus));
        wrap_unless_fits(ui, "Section", &section_text);
        ui.horizontal(|ui| {
            let label = ui.label("Section");
            egui::ComboBox::from_id_salt("notes-section")
                .selected_text(section_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut view.section, None, "All sections");
                    for section in sections {
                        let n = entries
                            .iter()
                            .filter(|e| e.resolved.section == section)
                            .count();
                        let label = format!("{} ({n})", section.heading(ctx.corpus));
                        ui.selectable_value(&mut view.section, Some(section), label);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Only notes in this section");
        });
    });
}

/// In a wrapping row, starts a new line unless a filter (its label, then a combo box showing
/// `selected`) fits on this one: egui cannot wrap a nested group by itself, and the label must
/// stay beside its box.
fn wrap_unless_fits(ui: &mut Ui, label: &str, selected: &str) {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let text_width = |text: &str| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::PLACEHOLDER)
            .size()
            .x
    };
    let spacing = ui.spacing();
    let combo = (text_width(selected) + spacing.icon_width + spacing.icon_spacing)
        .max(spacing.combo_width)
        + 2.0 * spacing.button_padding.x;
    let needed = text_width(label) + combo + 2.0 * spacing.item_spacing.x;
    // What is left of the row, up to where the panel is cut off (its visible edge).
    let room = ui
        .available_width()
        .min(ui.clip_rect().right() - ui.cursor().min.x);
    if room < needed {
        ui.end_row();
    }
}

/// One note: what it is about (one click reveals it), its kicker, its quote, its text.
fn note_row_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, entry: &NoteEntry) {
    let note = &entry.note;
    let fill = if note.label.is_some() || note.is_highlight() {
        ctx.theme.label_fill(note.label)
    } else {
        ctx.theme.chip_fill
    };
    egui::Frame::new()
        .fill(fill)
        .stroke(if ctx.notes.focused == Some(note.id) {
            ctx.theme.focus_stroke()
        } else {
            egui::Stroke::NONE
        })
        .corner_radius(ctx.theme.radius)
        .inner_margin(ctx.theme.gap / 2.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(note_kicker(entry))
                    .small()
                    .color(ctx.theme.muted_text),
            );
            match entry.resolved.item {
                Some(item) => {
                    let title = format!("About: {}", item_title(ctx.corpus, item));
                    let response = ui.add(
                        egui::Label::new(RichText::new(title).color(ctx.theme.accent))
                            .wrap()
                            .sense(Sense::click()),
                    );
                    let response = ctx
                        .item_response(ui, response, item, ClickAction::Reveal)
                        .on_hover_cursor(egui::CursorIcon::PointingHand);
                    if response.clicked() {
                        ctx.send(Command::Note(NoteCommand::Focus(note.id)));
                    }
                }
                None => {
                    ui.label(
                        RichText::new(format!("About: {} (no longer in this paper)", note.item))
                            .color(ctx.theme.muted_text),
                    );
                }
            }
            let quote = entry
                .resolved
                .quote(ctx.corpus)
                .or_else(|| note.passage.as_ref().map(|p| p.quote.clone()));
            if let Some(quote) = quote {
                ui.add(egui::Label::new(RichText::new(format!("“{quote}”")).italics()).wrap());
            }
            if !note.text.is_empty() {
                ui.add(egui::Label::new(note.text.as_str()).wrap());
            }
            let delete = ui
                .small_button("Delete")
                .on_hover_text("Delete this note (Undo delete brings it back)");
            if delete.clicked() {
                ctx.send(Command::Note(NoteCommand::Delete(note.id)));
            }
        });
    ui.add_space(ctx.theme.gap / 3.0);
}

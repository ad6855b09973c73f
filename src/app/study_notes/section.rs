//! The notes of one item where the item is shown: a "Notes" section in the Inspector (each
//! note's text, label, tags and date, with Add, Edit inline and Delete with Undo), and the
//! first notes on its hover card.

use eframe::egui::{self, RichText, Ui};

use super::{NoteCommand, NoteEntry};
use crate::app::context::{Command, ViewCtx};
use crate::corpus::Item;
use crate::corpus::display::excerpt;
use crate::corpus::study_notes::{NoteDraft, NoteId, NoteLabel, Passage, clean_tags};

/// The heading of the Inspector's notes section.
pub const NOTES_HEADING: &str = "Your notes";

/// A note being written or edited in the Inspector, kept in egui's memory between frames.
#[derive(Clone, Debug, Default, PartialEq)]
struct Editor {
    /// The note edited; `None` for a new one.
    editing: Option<NoteId>,
    /// Its text as typed.
    text: String,
    /// Its tags as typed, separated by commas.
    tags: String,
    /// Its label.
    label: Option<NoteLabel>,
    /// The passage a new note quotes (a sentence's "Add a note…" in the Reader).
    passage: Option<Passage>,
}

/// Where the editor of the notes about the item `key` is kept in egui's memory.
fn editor_id(key: &str) -> egui::Id {
    egui::Id::unique(("note-editor", key))
}

/// Opens the Inspector's editor for a new note about the item `key`, quoting `passage` when
/// given (the Reader's "Add a note…" on a sentence).
pub fn open_note_editor(ctx: &egui::Context, key: &str, passage: Option<Passage>) {
    let editor = Editor {
        passage,
        ..Editor::default()
    };
    ctx.data_mut(|data| data.insert_temp(editor_id(key), editor));
}

/// Where the Inspector is asked to scroll to its notes section (the link over the record).
fn scroll_to_notes_id() -> egui::Id {
    egui::Id::unique("inspector-scroll-to-notes")
}

/// Over the record in the Inspector, when `item` has notes: a link that scrolls down to them
/// (a long record hides them below).
pub fn notes_link_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item) {
    let count = ctx.notes.of_item(item).count();
    if count == 0 {
        return;
    }
    let link = ui
        .link(
            RichText::new(format!("↓ {NOTES_HEADING} ({count})"))
                .small()
                .color(ctx.theme.accent),
        )
        .on_hover_text("Go to your notes about this, under its record");
    if link.clicked() {
        ui.data_mut(|data| data.insert_temp(scroll_to_notes_id(), true));
    }
}

/// The Inspector's notes section for `item`: its notes, and Add / Edit / Delete.
pub fn item_notes_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item) {
    let notes = ctx.notes;
    ui.add_space(ctx.theme.gap);
    ui.separator();
    let entries: Vec<&NoteEntry> = notes.of_item(item).collect();
    let heading = if entries.is_empty() {
        NOTES_HEADING.to_owned()
    } else {
        format!("{NOTES_HEADING} ({})", entries.len())
    };
    let heading = ui.label(RichText::new(heading).strong());
    if ui.data_mut(|data| data.remove_temp::<bool>(scroll_to_notes_id())) == Some(true) {
        heading.scroll_to_me(Some(egui::Align::TOP));
    }
    if let Some(why) = &notes.unavailable {
        muted_ui(ctx, ui, why);
        return;
    }
    let Some(key) = item.key(ctx.corpus) else {
        muted_ui(
            ctx,
            ui,
            "This item has no stable key, so notes cannot be kept about it.",
        );
        return;
    };
    let editor_id = editor_id(&key.0);
    let mut editor: Option<Editor> = ui.data(|data| data.get_temp(editor_id));
    for entry in &entries {
        if editor
            .as_ref()
            .is_some_and(|e| e.editing == Some(entry.note.id))
        {
            continue;
        }
        note_card_ui(ctx, ui, entry, &mut editor);
    }
    if entries.is_empty() && editor.is_none() {
        muted_ui(
            ctx,
            ui,
            "No notes about this yet. Add one: what it claims, what it supports, what to check.",
        );
    }
    match &mut editor {
        Some(open) => {
            if let Some(done) = editor_ui(ctx, ui, open) {
                if done == EditorDone::Save {
                    let draft = NoteDraft {
                        item: key.0.clone(),
                        text: open.text.clone(),
                        tags: split_tags(&open.tags),
                        label: open.label,
                        passage: open.passage.clone().or_else(|| {
                            open.editing
                                .and_then(|id| notes.entry(id))
                                .and_then(|entry| entry.note.passage.clone())
                        }),
                    };
                    ctx.send(Command::Note(match open.editing {
                        Some(id) => {
                            // An edit keeps the note's own item (a highlight's paragraph).
                            let item = notes
                                .entry(id)
                                .map_or(draft.item.clone(), |e| e.note.item.clone());
                            NoteCommand::Update(id, NoteDraft { item, ..draft })
                        }
                        None => NoteCommand::Add(draft),
                    }));
                }
                editor = None;
            }
        }
        None => {
            ui.horizontal(|ui| {
                if ui
                    .button("Add a note")
                    .on_hover_text("Write a note about this item; it is saved at once")
                    .clicked()
                {
                    editor = Some(Editor::default());
                }
                if notes.can_undo
                    && ui
                        .button("Undo delete")
                        .on_hover_text("Bring back the note deleted last")
                        .clicked()
                {
                    ctx.send(Command::Note(NoteCommand::UndoDelete));
                }
            });
        }
    }
    ui.data_mut(|data| match editor {
        Some(editor) => {
            data.insert_temp(editor_id, editor);
        }
        None => data.remove::<Editor>(editor_id),
    });
}

/// One note: its label and tags, its text, its date; Edit and Delete.
fn note_card_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, entry: &NoteEntry, editor: &mut Option<Editor>) {
    let note = &entry.note;
    let focused = ctx.notes.focused == Some(note.id);
    let frame = egui::Frame::new()
        .fill(if note.label.is_some() || note.is_highlight() {
            ctx.theme.label_fill(note.label)
        } else {
            ctx.theme.chip_fill
        })
        .stroke(if focused {
            ctx.theme.focus_stroke()
        } else {
            egui::Stroke::NONE
        })
        .corner_radius(ctx.theme.radius)
        .inner_margin(ctx.theme.gap / 2.0);
    let shown = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(note_kicker(entry))
                .small()
                .color(ctx.theme.muted_text),
        );
        if let Some(quote) = &note.passage {
            ui.add(egui::Label::new(RichText::new(format!("“{}”", quote.quote)).italics()).wrap());
        }
        if !note.text.is_empty() {
            ui.add(egui::Label::new(note.text.as_str()).wrap());
        }
        ui.horizontal(|ui| {
            if ui
                .small_button("Edit")
                .on_hover_text("Change this note's text, label or tags")
                .clicked()
            {
                *editor = Some(Editor {
                    editing: Some(note.id),
                    text: note.text.clone(),
                    tags: note.tags.join(", "),
                    label: note.label,
                    passage: None,
                });
            }
            if ui
                .small_button("Delete")
                .on_hover_text("Delete this note (Undo brings it back)")
                .clicked()
            {
                ctx.send(Command::Note(NoteCommand::Delete(note.id)));
            }
        });
    });
    // A note just chosen (its highlight clicked) is scrolled into view once.
    let scrolled_id = egui::Id::unique("note-scrolled-to");
    if focused && ui.data(|data| data.get_temp::<NoteId>(scrolled_id)) != Some(note.id) {
        shown.response.scroll_to_me(None);
        ui.data_mut(|data| data.insert_temp(scrolled_id, note.id));
    }
}

/// The small line over a note: its label, its tags, its date, and "detached" when its item is
/// gone.
#[must_use]
pub fn note_kicker(entry: &NoteEntry) -> String {
    let note = &entry.note;
    let mut parts: Vec<String> = Vec::new();
    if entry.resolved.is_detached() {
        parts.push("Detached".to_owned());
    }
    parts.push(match (note.label, note.is_highlight()) {
        (Some(label), true) => format!("Highlight · {}", label.title()),
        (None, true) => "Highlight".to_owned(),
        (Some(label), false) => label.title().to_owned(),
        (None, false) => "Note".to_owned(),
    });
    if !note.tags.is_empty() {
        parts.push(
            note.tags
                .iter()
                .map(|tag| format!("#{tag}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    parts.push(note.updated.iso().chars().take(10).collect());
    parts.join(" · ")
}

/// How the editor was left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EditorDone {
    Save,
    Cancel,
}

/// The inline editor: text, label, tags, Save and Cancel.
fn editor_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, editor: &mut Editor) -> Option<EditorDone> {
    let mut done = None;
    if let Some(passage) = &editor.passage {
        ui.add(egui::Label::new(RichText::new(format!("“{}”", passage.quote)).italics()).wrap());
    }
    let text_label = ui.label(RichText::new("Note").small());
    let text = ui
        .add(
            egui::TextEdit::multiline(&mut editor.text)
                .hint_text("What it says, what it supports, what to check…")
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(text_label.id);
    if editor.editing.is_none() && editor.text.is_empty() && !text.has_focus() {
        text.request_focus();
        text.scroll_to_me(None);
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Label").small());
        ui.selectable_value(&mut editor.label, None, "None");
        for label in NoteLabel::ALL {
            ui.selectable_value(&mut editor.label, Some(label), label.title());
        }
    });
    let tags_label = ui.label(RichText::new("Tags").small());
    ui.add(
        egui::TextEdit::singleline(&mut editor.tags)
            .hint_text("essay, method (separated by commas)")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(tags_label.id);
    ui.horizontal(|ui| {
        let can_save = !editor.text.trim().is_empty()
            || editor
                .editing
                .and_then(|id| ctx.notes.entry(id))
                .is_some_and(|entry| entry.note.is_highlight());
        if ui
            .add_enabled(can_save, egui::Button::new("Save note"))
            .on_disabled_hover_text("Write the note first")
            .clicked()
        {
            done = Some(EditorDone::Save);
        }
        if ui.button("Cancel").clicked() {
            done = Some(EditorDone::Cancel);
        }
    });
    done
}

/// Tags typed in one field: separated by commas (or `#`), cleaned.
#[must_use]
pub fn split_tags(typed: &str) -> Vec<String> {
    let tags: Vec<String> = typed.split([',', '#']).map(str::to_owned).collect();
    clean_tags(&tags)
}

/// A muted, wrapped line.
fn muted_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).color(ctx.theme.muted_text)).wrap());
}

/// The notes about `item` on its hover card: how many, and the first two in short.
pub fn tooltip_notes_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item) {
    let entries: Vec<&NoteEntry> = ctx.notes.of_item(item).collect();
    if entries.is_empty() {
        return;
    }
    ui.add_space(ctx.theme.gap / 2.0);
    ui.label(
        RichText::new(format!("{NOTES_HEADING} ({})", entries.len()))
            .small()
            .strong(),
    );
    for entry in entries.iter().take(2) {
        let text = if entry.note.text.is_empty() {
            entry
                .note
                .passage
                .as_ref()
                .map(|p| format!("“{}”", p.quote))
                .unwrap_or_default()
        } else {
            entry.note.text.clone()
        };
        ui.add(
            egui::Label::new(
                RichText::new(format!("{} — {}", note_kicker(entry), excerpt(&text, 140))).small(),
            )
            .wrap(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_typed_in_one_field_are_split_and_cleaned() {
        assert_eq!(split_tags("essay, #method,, Essay , "), ["essay", "method"]);
        assert!(split_tags("  ").is_empty());
    }
}

//! Study notes in the Reader's text: a sentence's context menu (highlight it as a claim,
//! evidence, a question or a definition, add a note about it, or remove its highlight), and a
//! click on a highlight choosing its note (the Inspector shows it with its paragraph).

use std::ops::Range;

use eframe::egui::{self, Response, Ui};

use super::runs::Piece;
use crate::app::context::{Command, ViewCtx};
use crate::app::study_notes::{NoteCommand, note_kicker, open_note_editor};
use crate::corpus::study_notes::{NoteDraft, NoteLabel, Passage};
use crate::corpus::{Corpus, Item};

/// The menu entry that highlights a sentence with `label`: `"Highlight as claim"`.
#[must_use]
pub fn highlight_entry(label: NoteLabel) -> String {
    format!("Highlight as {}", label.word())
}

/// The menu entry that opens a note about the sentence in the Inspector.
pub const ADD_NOTE_ENTRY: &str = "Add a note…";

/// The byte of `printed` at character `char_index` of a run made of `pieces` (the text a label
/// drew): the run's end just after its last character; `None` further.
pub(super) fn byte_at_char(printed: &str, pieces: &[Piece], char_index: usize) -> Option<usize> {
    let mut left = char_index;
    if pieces
        .iter()
        .map(|p| {
            printed
                .get(p.range.clone())
                .map_or(0, |t| t.chars().count())
        })
        .sum::<usize>()
        == char_index
    {
        return pieces.last().map(|p| p.range.end);
    }
    for piece in pieces {
        let text = printed.get(piece.range.clone())?;
        let count = text.chars().count();
        if left < count {
            let offset = text.char_indices().nth(left).map_or(0, |(at, _)| at);
            return Some(piece.range.start + offset);
        }
        left -= count;
    }
    None
}

/// The sentence of paragraph `paragraph` holding byte `byte`, without the white space at its
/// ends.
fn sentence_at(corpus: &Corpus, paragraph: usize, byte: usize) -> Option<Range<usize>> {
    let info = corpus.index.paragraphs.get(paragraph)?;
    let sentence = info
        .sentences
        .iter()
        .find(|s| s.contains(&byte))
        .or_else(|| info.sentences.last().filter(|s| s.end == byte))?;
    let text = info.printed.get(sentence.clone())?;
    let start = sentence.start + (text.len() - text.trim_start().len());
    let end = sentence.end - (text.len() - text.trim_end().len());
    (start < end).then_some(start..end)
}

/// The words last dragged over in the Reader: their paragraph and bytes.
fn dragged_id() -> egui::Id {
    egui::Id::unique("reader-dragged-passage")
}

/// The passage of `range` without the white space at its ends; `None` when nothing is left.
fn trimmed(printed: &str, range: Range<usize>) -> Option<Range<usize>> {
    let text = printed.get(range.clone())?;
    let start = range.start + (text.len() - text.trim_start().len());
    let end = range.end - (text.len() - text.trim_end().len());
    (start < end).then_some(start..end)
}

/// What a run of a paragraph's plain text does for the study notes: a click on a highlight
/// chooses its note; a right-click opens the menu of the words dragged over before (when it is
/// on them) or else of the sentence. `pressed_byte` is the byte the pointer pressed on, when it did;
/// `dragged` the bytes a drag in this run went over, when one ended this frame.
pub(super) fn text_run_notes_ui(
    ctx: &ViewCtx<'_>,
    paragraph: usize,
    response: &Response,
    pressed_byte: Option<usize>,
    dragged: Option<Range<usize>>,
) {
    let printed = ctx
        .corpus
        .index
        .paragraphs
        .get(paragraph)
        .map_or("", |p| p.printed.as_str());
    if let Some(range) = dragged.and_then(|range| trimmed(printed, range)) {
        response
            .ctx
            .data_mut(|data| data.insert_temp(dragged_id(), (paragraph, range)));
    } else if response.clicked() {
        response
            .ctx
            .data_mut(|data| data.remove_temp::<(usize, Range<usize>)>(dragged_id()));
    }
    let menu_id = response.id.with("sentence");
    if response.clicked()
        && let Some(byte) = pressed_byte
        && let Some(mark) = ctx
            .notes
            .highlights_in(paragraph)
            .into_iter()
            .find(|mark| mark.range.contains(&byte))
    {
        ctx.send(Command::Select(Item::Paragraph(paragraph)));
        ctx.send(Command::Note(NoteCommand::Focus(mark.note)));
    }
    let on_dragged = |byte: usize| {
        response
            .ctx
            .data(|data| data.get_temp::<(usize, Range<usize>)>(dragged_id()))
            .filter(|(at, range)| *at == paragraph && range.start <= byte && byte <= range.end)
            .map(|(_, range)| range)
    };
    if response.secondary_clicked()
        && let Some(sentence) = pressed_byte
            .and_then(|byte| on_dragged(byte).or_else(|| sentence_at(ctx.corpus, paragraph, byte)))
    {
        response
            .ctx
            .data_mut(|data| data.insert_temp(menu_id, sentence));
    }
    if !ctx.notes.is_kept() {
        return;
    }
    response.context_menu(|ui| {
        let Some(sentence) = ui.data(|data| data.get_temp::<Range<usize>>(menu_id)) else {
            ui.close();
            return;
        };
        sentence_menu_ui(ctx, ui, paragraph, sentence);
    });
}

/// The note of the highlight under the pointer (at byte `hovered_byte`), as a hover card.
pub(super) fn highlight_card_ui(
    ctx: &ViewCtx<'_>,
    paragraph: usize,
    response: &Response,
    hovered_byte: Option<usize>,
) {
    let Some(byte) = hovered_byte else {
        return;
    };
    let Some(entry) = ctx
        .notes
        .highlights_in(paragraph)
        .into_iter()
        .find(|mark| mark.range.contains(&byte))
        .and_then(|mark| ctx.notes.entry(mark.note))
    else {
        return;
    };
    response.clone().on_hover_ui(|ui| {
        ui.set_max_width(ctx.theme.reading_width / 2.0);
        ui.label(
            egui::RichText::new(note_kicker(entry))
                .small()
                .color(ctx.theme.muted_text),
        );
        let text = if entry.note.text.is_empty() {
            "No note yet: click the highlight, then Edit in the Inspector to write one."
        } else {
            entry.note.text.as_str()
        };
        ui.add(egui::Label::new(text).wrap());
    });
}

/// The sentence's menu: a highlight per label, a note, and removing a highlight it has.
fn sentence_menu_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, paragraph: usize, sentence: Range<usize>) {
    let corpus = ctx.corpus;
    let Some(printed) = corpus.index.paragraphs.get(paragraph).map(|p| &p.printed) else {
        return;
    };
    let Some(key) = Item::Paragraph(paragraph).key(corpus) else {
        return;
    };
    let passage = Passage::from_byte_range(printed, sentence.clone());
    if let Some(passage) = &passage {
        ui.label(
            egui::RichText::new(format!(
                "“{}”",
                crate::corpus::display::excerpt(&passage.quote, 60)
            ))
            .small()
            .italics()
            .color(ctx.theme.muted_text),
        );
    }
    for label in NoteLabel::ALL {
        let fill = ctx.theme.label_fill(Some(label));
        let entry = egui::Button::new(highlight_entry(label)).fill(fill);
        if ui.add(entry).clicked() {
            ctx.send(Command::Note(NoteCommand::Add(NoteDraft {
                item: key.0.clone(),
                label: Some(label),
                passage: passage.clone(),
                ..NoteDraft::default()
            })));
            ui.close();
        }
    }
    if ui
        .button(ADD_NOTE_ENTRY)
        .on_hover_text("Write a note about this sentence in the Inspector")
        .clicked()
    {
        ctx.send(Command::Select(Item::Paragraph(paragraph)));
        open_note_editor(ui.ctx(), &key.0, passage.clone());
        ui.close();
    }
    let highlighted: Vec<_> = ctx
        .notes
        .highlights_in(paragraph)
        .into_iter()
        .filter(|mark| mark.range.start < sentence.end && sentence.start < mark.range.end)
        .collect();
    if !highlighted.is_empty() {
        ui.separator();
        for mark in highlighted {
            let words = match mark.label {
                Some(label) => format!("Remove the {} highlight", label.word()),
                None => "Remove the highlight".to_owned(),
            };
            if ui.button(words).clicked() {
                ctx.send(Command::Note(NoteCommand::Delete(mark.note)));
                ui.close();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::find::FindMark;
    use super::*;

    fn piece(range: Range<usize>) -> Piece {
        Piece {
            range,
            background: None,
            find: FindMark::None,
        }
    }

    /// A press on a character of a run of text finds its byte, and the sentence around it, in
    /// a paragraph of several sentences: the one pressed on, without the space after it.
    #[test]
    fn a_press_finds_its_sentence() {
        let corpus = Corpus::builtin();
        let (paragraph, info) = corpus
            .index
            .paragraphs
            .iter()
            .enumerate()
            .find(|(_, p)| p.sentences.len() >= 3)
            .unwrap_or_else(|| panic!("a paragraph of three sentences"));
        let second = info.sentences[1].clone();
        // A run of two pieces starting at the second sentence; its fifth character.
        let split = second.start + 3;
        let pieces = [piece(second.start..split), piece(split..second.end)];
        let byte = byte_at_char(&info.printed, &pieces, 4);
        assert_eq!(
            byte,
            Some(
                second.start
                    + info.printed[second.start..]
                        .char_indices()
                        .nth(4)
                        .map_or(0, |(at, _)| at)
            )
        );
        let found = byte.and_then(|byte| sentence_at(&corpus, paragraph, byte));
        assert_eq!(
            found.map(|range| info.printed[range].to_owned()),
            Some(info.printed[second].trim().to_owned())
        );
        // Past the run: nothing.
        assert_eq!(byte_at_char(&info.printed, &pieces, 10_000), None);
    }
}

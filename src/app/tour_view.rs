//! The Tour view (a [`View`]): the lecturer's guided tour, step by step. Each step shows what it
//! shows (a click selects it in the other panels), its title, speaker notes and the words it
//! highlights, with buttons to move it up or down (Alt+↑/↓ on a focused step) or remove it. A
//! step whose item is no longer in the paper is shown as such, never dropped. Every change is a
//! [`Command::EditTour`], applied after the frame and saved to the tour file.

use eframe::egui::{self, RichText, Ui};

use super::commands::UiCommand;
use super::context::{ClickAction, Command, ViewCtx};
use super::views::View;
use crate::corpus::model::TourStep;
use crate::corpus::{Corpus, Item, ItemKind, display};

/// A change to the tour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TourEdit {
    /// A step's title (empty: titled by what it shows).
    Title(usize, String),
    /// A step's speaker notes.
    Notes(usize, String),
    /// The words a step marks in its passage (empty: none).
    Highlight(usize, String),
    /// A step moved to another place.
    Move {
        /// Where it is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// A step removed.
    Remove(usize),
}

impl TourEdit {
    /// Applies the change to `tour`; whether anything changed (a step that is not there, or a
    /// move past either end, changes nothing).
    pub fn apply(&self, tour: &mut Vec<TourStep>) -> bool {
        let optional = |text: &str| Some(text.to_owned()).filter(|t| !t.trim().is_empty());
        match self {
            Self::Title(step, title) => set(tour, *step, |s| &mut s.title, optional(title)),
            Self::Highlight(step, words) => set(tour, *step, |s| &mut s.highlight, optional(words)),
            Self::Notes(step, notes) => set(tour, *step, |s| &mut s.notes, notes.clone()),
            Self::Move { from, to } => {
                if *from == *to || *from >= tour.len() || *to >= tour.len() {
                    return false;
                }
                let step = tour.remove(*from);
                tour.insert(*to, step);
                true
            }
            Self::Remove(step) => {
                if *step >= tour.len() {
                    return false;
                }
                tour.remove(*step);
                true
            }
        }
    }

    /// Where the edited step stands afterwards, when it is still there.
    #[must_use]
    pub fn step_after(&self) -> Option<usize> {
        match self {
            Self::Title(step, _) | Self::Notes(step, _) | Self::Highlight(step, _) => Some(*step),
            Self::Move { to, .. } => Some(*to),
            Self::Remove(_) => None,
        }
    }
}

/// Sets one field of step `step` to `value`; whether it changed.
fn set<T: PartialEq>(
    tour: &mut [TourStep],
    step: usize,
    field: impl Fn(&mut TourStep) -> &mut T,
    value: T,
) -> bool {
    let Some(step) = tour.get_mut(step) else {
        return false;
    };
    let slot = field(step);
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}

/// The fields of a step that can hold the keyboard focus, to give it back after a move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Title,
    Notes,
    Highlight,
    Up,
    Down,
}

/// The Tour view's own state: which step had the keyboard focus, and where to give it back
/// after that step moved.
#[derive(Debug, Default)]
pub struct TourView {
    focused: Option<(usize, Field)>,
    refocus: Option<(usize, Field)>,
}

impl TourView {
    /// The view's name.
    pub const ID: &'static str = "tour";
}

impl View for TourView {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Tour"
    }

    fn description(&self) -> &'static str {
        "The lecturer's guided tour: steps with speaker notes, reordered and edited"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        self.step_keys(ctx, ui);
        let tour = &ctx.corpus.file.tour;
        heading_ui(ctx, ui, tour.len());
        let mut focused = None;
        egui::ScrollArea::vertical()
            .id_salt("tour-steps")
            .auto_shrink(false)
            .show(ui, |ui| {
                ctx.keyboard_scroll_ui(ui);
                ui.set_max_width(ui.available_width().min(ctx.theme.reading_width));
                for (position, step) in tour.iter().enumerate() {
                    ui.push_id(("tour-step", position), |ui| {
                        let refocus = self
                            .refocus
                            .filter(|(at, _)| *at == position)
                            .map(|(_, field)| field);
                        if let Some(field) = step_ui(ctx, ui, position, tour.len(), step, refocus) {
                            focused = Some((position, field));
                        }
                    });
                    ui.add_space(ctx.theme.gap);
                }
            });
        self.refocus = None;
        self.focused = focused;
    }

    fn can_show(&self, _item: Item) -> bool {
        false
    }

    fn show_item(&mut self, _corpus: &Corpus, _item: Item) {}

    /// A bibliography on its own has no passages, charts or cases to tour.
    fn has_content(&self, corpus: &Corpus) -> bool {
        !corpus.is_bibliography_only() || !corpus.file.tour.is_empty()
    }
}

impl TourView {
    /// Alt+↑ and Alt+↓ move the step that holds the keyboard focus (read before its fields,
    /// which would take the arrows); the focus moves with it.
    fn step_keys(&mut self, ctx: &ViewCtx<'_>, ui: &Ui) {
        let Some((position, field)) = self.focused else {
            return;
        };
        let len = ctx.corpus.file.tour.len();
        let to = ui.input_mut(|input| {
            if UiCommand::TourStepUp.triggered(input, false) {
                position.checked_sub(1)
            } else if UiCommand::TourStepDown.triggered(input, false) {
                Some(position + 1).filter(|&to| to < len)
            } else {
                None
            }
        });
        if let Some(to) = to {
            ctx.send(Command::EditTour(TourEdit::Move { from: position, to }));
            self.refocus = Some((to, field));
        }
    }
}

/// The view's heading: how many steps, and how to add one.
fn heading_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, steps: usize) {
    ui.label(RichText::new("Tour").size(ctx.theme.heading_size).strong());
    let add = UiCommand::AddToTour;
    let hint = if steps == 0 {
        format!(
            "No tour yet. Select a passage, a chart year, a table row, a case or a citation, then choose {} ({}): each becomes a step of the slides Present shows.",
            add.text(),
            add.keys_text()
        )
    } else {
        format!(
            "{} in the order Present shows them. Select anything and choose {} ({}) to add a step.",
            crate::corpus::counted(steps, "step"),
            add.text(),
            add.keys_text()
        )
    };
    ui.add(egui::Label::new(RichText::new(hint).color(ctx.theme.muted_text)).wrap());
    ui.add_space(ctx.theme.gap);
}

/// One step: what it shows, its title, notes and highlight, and the buttons that move or remove
/// it. Returns which of its fields holds the keyboard focus.
fn step_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    position: usize,
    len: usize,
    step: &TourStep,
    refocus: Option<Field>,
) -> Option<Field> {
    let number = position + 1;
    let item = Item::from_key(step.show.trim(), ctx.corpus);
    let mut focused = None;
    let mut track = |response: &egui::Response, field: Field| {
        if refocus == Some(field) {
            response.request_focus();
        }
        if response.has_focus() || response.gained_focus() {
            focused = Some(field);
        }
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{number}.")).strong());
            let up = ui
                .add_enabled(position > 0, egui::Button::new("▲"))
                .on_hover_text(format!(
                    "Move this step up ({})",
                    UiCommand::TourStepUp.keys_text()
                ));
            labelled(&up, &format!("Move step {number} up"));
            track(&up, Field::Up);
            if up.clicked() {
                ctx.send(Command::EditTour(TourEdit::Move {
                    from: position,
                    to: position.saturating_sub(1),
                }));
            }
            let down = ui
                .add_enabled(number < len, egui::Button::new("▼"))
                .on_hover_text(format!(
                    "Move this step down ({})",
                    UiCommand::TourStepDown.keys_text()
                ));
            labelled(&down, &format!("Move step {number} down"));
            track(&down, Field::Down);
            if down.clicked() {
                ctx.send(Command::EditTour(TourEdit::Move {
                    from: position,
                    to: number,
                }));
            }
            let remove = ui
                .button("×")
                .on_hover_text("Remove this step from the tour");
            labelled(&remove, &format!("Remove step {number}"));
            if remove.clicked() {
                ctx.send(Command::EditTour(TourEdit::Remove(position)));
            }
            shows_ui(ctx, ui, step, item);
        });
        let title = field_ui(
            ui,
            "Title",
            step.title.as_deref().unwrap_or_default(),
            &FieldKind::Line("the slide's title (empty: titled by what it shows)"),
        );
        track(&title.0, Field::Title);
        send_change(ctx, &title, |text| TourEdit::Title(position, text));
        let notes = field_ui(
            ui,
            "Speaker notes",
            &step.notes,
            &FieldKind::Lines(
                "what to say over this step: shown to you, never on the slide",
                3,
            ),
        );
        track(&notes.0, Field::Notes);
        send_change(ctx, &notes, |text| TourEdit::Notes(position, text));
        let passage = item.is_some_and(|item| item.kind() == ItemKind::Paragraph);
        if passage || step.highlight.is_some() {
            let highlight = field_ui(
                ui,
                "Highlight",
                step.highlight.as_deref().unwrap_or_default(),
                &FieldKind::Line("words of the passage to mark on the slide"),
            );
            track(&highlight.0, Field::Highlight);
            send_change(ctx, &highlight, |text| TourEdit::Highlight(position, text));
        }
    });
    focused
}

/// What a step shows: its item's title, which selects it in the other panels when clicked; or
/// a warning that the paper no longer has it.
fn shows_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, step: &TourStep, item: Option<Item>) {
    match item {
        Some(item) => {
            let title = display::item_title(ctx.corpus, item);
            let response = ui.add(
                egui::Button::selectable(ctx.is_selected(item), RichText::new(title).strong())
                    .truncate(),
            );
            ctx.item_response(ui, response, item, ClickAction::Select);
        }
        None => {
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "Not in this paper: `{}` (kept in the tour, left out of the slides)",
                        step.show.trim()
                    ))
                    .color(ctx.theme.warning),
                )
                .wrap(),
            );
        }
    }
}

/// A text field of a step: one line, or several.
enum FieldKind {
    /// One line, with a hint shown while it is empty.
    Line(&'static str),
    /// Several lines (this many shown), with a hint.
    Lines(&'static str, usize),
}

/// A labelled text field showing `value`: its response and its text when it was changed.
fn field_ui(
    ui: &mut Ui,
    label: &str,
    value: &str,
    kind: &FieldKind,
) -> (egui::Response, Option<String>) {
    let mut text = value.to_owned();
    let label = ui.label(RichText::new(label).small());
    let edit = match kind {
        FieldKind::Line(hint) => egui::TextEdit::singleline(&mut text).hint_text(*hint),
        FieldKind::Lines(hint, rows) => egui::TextEdit::multiline(&mut text)
            .hint_text(*hint)
            .desired_rows(*rows),
    };
    let response = ui
        .add(edit.id_salt(label.id).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let changed = response.changed().then_some(text);
    (response, changed)
}

/// Sends the change a field made, and asks for the tour to be saved when the field is left.
fn send_change(
    ctx: &ViewCtx<'_>,
    (response, changed): &(egui::Response, Option<String>),
    edit: impl FnOnce(String) -> TourEdit,
) {
    if let Some(text) = changed {
        ctx.send(Command::EditTour(edit(text.clone())));
    }
    if response.lost_focus() {
        ctx.send(Command::SaveTour);
    }
}

/// Gives a button the words a screen reader (and a test) reads for it.
fn labelled(response: &egui::Response, label: &str) {
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tour(shows: &[&str]) -> Vec<TourStep> {
        shows
            .iter()
            .map(|show| TourStep {
                show: (*show).to_owned(),
                ..TourStep::default()
            })
            .collect()
    }

    fn shows(tour: &[TourStep]) -> Vec<&str> {
        tour.iter().map(|step| step.show.as_str()).collect()
    }

    #[test]
    fn steps_move_within_the_tour_and_nowhere_past_its_ends() {
        let mut steps = tour(&["a", "b", "c"]);
        assert!(TourEdit::Move { from: 2, to: 0 }.apply(&mut steps));
        assert_eq!(shows(&steps), ["c", "a", "b"]);
        assert!(TourEdit::Move { from: 0, to: 1 }.apply(&mut steps));
        assert_eq!(shows(&steps), ["a", "c", "b"]);
        assert!(!TourEdit::Move { from: 2, to: 3 }.apply(&mut steps));
        assert!(!TourEdit::Move { from: 1, to: 1 }.apply(&mut steps));
        assert!(TourEdit::Remove(1).apply(&mut steps));
        assert_eq!(shows(&steps), ["a", "b"]);
        assert!(!TourEdit::Remove(5).apply(&mut steps));
    }

    #[test]
    fn an_empty_title_or_highlight_is_none_and_notes_are_kept_as_typed() {
        let mut steps = tour(&["a"]);
        assert!(TourEdit::Title(0, "The drop".to_owned()).apply(&mut steps));
        assert!(TourEdit::Highlight(0, "By 2021".to_owned()).apply(&mut steps));
        assert!(TourEdit::Notes(0, "Look here.\nThen there.".to_owned()).apply(&mut steps));
        assert_eq!(steps[0].title.as_deref(), Some("The drop"));
        assert_eq!(steps[0].highlight.as_deref(), Some("By 2021"));
        assert_eq!(steps[0].notes, "Look here.\nThen there.");
        assert!(!TourEdit::Notes(0, "Look here.\nThen there.".to_owned()).apply(&mut steps));
        assert!(TourEdit::Title(0, "  ".to_owned()).apply(&mut steps));
        assert!(TourEdit::Highlight(0, String::new()).apply(&mut steps));
        assert_eq!(
            (steps[0].title.clone(), steps[0].highlight.clone()),
            (None, None)
        );
        assert!(!TourEdit::Title(3, "x".to_owned()).apply(&mut steps));
    }
}

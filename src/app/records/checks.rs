//! The "Checks" section of a citation or reference: the citation check's flags about it, and in
//! student mode first the question "Does this source support this sentence?".

use eframe::egui::{self, RichText, Ui};

use super::flag::flag_ui;
use super::subheading_ui;
use crate::app::context::{Command, UiLayout, ViewCtx};
use crate::app::study::SupportAnswer;
use crate::corpus::Item;

/// How many flags a hover card lists.
const TOOLTIP_FLAGS: usize = 3;

/// The question student mode asks about a citation: the worksheet's own words.
pub use crate::formats::flags::SUPPORT_QUESTION;

/// The question student mode asks about a reference cited in the text.
pub const SUPPORT_QUESTION_REFERENCE: &str = "Does this source support the sentences that cite it?";

/// The flags about `item` (a citation or a reference). In the inspector: in student mode the
/// question first, and the flags once it is answered; else the flags, when there are any. As a
/// tooltip: the flags' messages, unless student mode still waits for an answer.
pub(super) fn checks_section_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item, layout: UiLayout) {
    let flags = ctx.flags_of(item);
    if layout != UiLayout::Inspector {
        if !flags.is_empty() && ctx.shows_flags_of(item) {
            ui.add_space(ctx.theme.gap * 0.5);
            for flag in flags.iter().take(TOOLTIP_FLAGS) {
                flag_ui(ctx, ui, flag, UiLayout::Tooltip);
            }
            if flags.len() > TOOLTIP_FLAGS {
                ui.label(
                    RichText::new(format!(
                        "… and {} more in the Inspector's Checks section",
                        flags.len() - TOOLTIP_FLAGS
                    ))
                    .small()
                    .italics()
                    .color(ctx.theme.muted_text),
                );
            }
        }
        return;
    }
    if ctx.asks_about(item) {
        let question = if matches!(item, Item::Citation(_)) {
            SUPPORT_QUESTION
        } else {
            SUPPORT_QUESTION_REFERENCE
        };
        subheading_ui(ctx, ui, "Your judgement");
        support_question_ui(ctx, ui, item, question);
        if ctx.answer_for(item).is_none() {
            ui.label(
                RichText::new("The citation check's flags show once you have answered.")
                    .small()
                    .italics()
                    .color(ctx.theme.muted_text),
            );
            return;
        }
    } else if flags.is_empty() {
        return;
    }
    subheading_ui(ctx, ui, &format!("Checks ({})", flags.len()));
    if flags.is_empty() {
        ui.label(
            RichText::new("The citation check found nothing to question here.")
                .color(ctx.theme.muted_text),
        );
        return;
    }
    ui.label(
        RichText::new("Questions a careful reader would ask, not verdicts.")
            .small()
            .italics()
            .color(ctx.theme.muted_text),
    );
    for flag in flags {
        flag_ui(ctx, ui, flag, UiLayout::Inspector);
    }
}

/// The question and its four answers, the given one marked; another click changes it.
fn support_question_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item, question: &str) {
    let Some(key) = item.key(ctx.corpus) else {
        return;
    };
    ui.add(egui::Label::new(RichText::new(question).strong()).wrap());
    let given = ctx.answer_for(item);
    ui.horizontal_wrapped(|ui| {
        for answer in SupportAnswer::ALL {
            if ui
                .selectable_label(given == Some(answer), answer.label())
                .on_hover_text("Your answer is kept with this paper; click another to change it")
                .clicked()
            {
                ctx.send(Command::AnswerSupport {
                    key: key.0.clone(),
                    answer,
                });
            }
        }
    });
    if let Some(answer) = given {
        ui.label(
            RichText::new(format!("Your answer: {}", answer.label()))
                .small()
                .color(ctx.theme.muted_text),
        );
    }
}

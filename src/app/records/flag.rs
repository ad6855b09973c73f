//! A flag of the citation check: how strong it is, the reference it is about, what was found,
//! the citing sentence and the evidence (for a topic mismatch, the words compared). A question
//! for the reader, never a verdict.

use eframe::egui::{self, RichText, Sense, Ui};

use crate::app::citation_form::sentence_text;
use crate::app::context::{ClickAction, UiLayout, ViewCtx};
use crate::corpus::Item;
use crate::corpus::checks::{Flag, FlagSeverity, WordEvidence};
use crate::corpus::display::{excerpt, paragraph_place, reference_label};

/// How many words of each list a topic mismatch shows.
const WORDS_SHOWN: usize = 14;

/// Draws `flag`. As a list row (the Checks view) and in the inspector it is one clickable
/// block that takes the reader to its sentence (or selects its reference); as a tooltip, its
/// severity and message only. Returns the block's response when it is clickable.
pub fn flag_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    flag: &Flag,
    layout: UiLayout,
) -> Option<egui::Response> {
    if layout == UiLayout::Tooltip {
        ui.horizontal_wrapped(|ui| {
            severity_ui(ctx, ui, flag.severity);
            ui.add(egui::Label::new(&flag.message).wrap());
        });
        return None;
    }
    let item = target(flag);
    // In the inspector the flags are about the selection itself: only the one pointed at is
    // marked.
    let fill = match item {
        Some(item) if ctx.is_selected(item) && layout == UiLayout::ListRow => {
            ctx.theme.selected_fill
        }
        // A flag about what is selected elsewhere (its reference, its citation's paragraph).
        Some(item) if ctx.is_highlighted(item) && layout == UiLayout::ListRow => {
            ctx.theme.highlight_fill
        }
        Some(item) if ctx.selection.hovered == Some(item) => ctx.theme.hover_fill,
        _ => egui::Color32::TRANSPARENT,
    };
    let id = ui.scope_id().with((
        "flag",
        flag.check,
        flag.citation,
        flag.reference,
        &flag.message,
    ));
    let block = egui::Frame::new()
        .fill(fill)
        .corner_radius(ctx.theme.radius)
        .inner_margin(ctx.theme.gap * 0.5)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            flag_contents_ui(ctx, ui, flag, layout, id);
        });
    let item = item?;
    let response = ui.interact(block.response.rect, id, Sense::click());
    let label = flag_label(ctx, flag, layout);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    // A flag on a citation (or a passage) opens the Reader there; a flag on a reference alone
    // selects the reference (no view shows a reference in place).
    let action = if matches!(item, Item::Reference(_)) {
        ClickAction::Select
    } else {
        ClickAction::Reveal
    };
    let response = ctx.item_response(ui, response, item, action);
    Some(response.on_hover_cursor(egui::CursorIcon::PointingHand))
}

/// What a click on `flag` goes to: its citation, else its reference, else the passage it is
/// about (a range that does not resolve, a marker with no citation of its own).
fn target(flag: &Flag) -> Option<Item> {
    flag.item().or(flag.paragraph.map(Item::Paragraph))
}

/// What a flag's block says to a screen reader (and to a test): its severity, reference (unless
/// it is the one the inspector shows) and message.
#[must_use]
pub fn flag_label(ctx: &ViewCtx<'_>, flag: &Flag, layout: UiLayout) -> String {
    let reference = flag
        .reference
        .filter(|&r| !(layout == UiLayout::Inspector && ctx.is_selected(Item::Reference(r))))
        .map(|r| reference_label(ctx.corpus, r))
        .unwrap_or_default();
    if reference.is_empty() {
        format!("{}: {}", flag.severity.label(), flag.message)
    } else {
        format!("{}: {reference}: {}", flag.severity.label(), flag.message)
    }
}

/// The lines of a flag: severity and reference, message, sentence, evidence, words.
fn flag_contents_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, flag: &Flag, layout: UiLayout, id: egui::Id) {
    ui.horizontal_wrapped(|ui| {
        severity_ui(ctx, ui, flag.severity);
        // The inspector of the reference itself names it already.
        if let Some(reference) = flag.reference
            && !(layout == UiLayout::Inspector && ctx.is_selected(Item::Reference(reference)))
        {
            ui.label(RichText::new(reference_label(ctx.corpus, reference)).strong());
        }
    });
    ui.add(egui::Label::new(&flag.message).wrap());
    if layout == UiLayout::Inspector {
        // The inspector shows the citing sentences already (the citation's own, a reference's
        // "Cited in"): a flag names where its sentence stands.
        if let Some(paragraph) = flag.paragraph
            && !flag
                .citation
                .is_some_and(|citation| ctx.is_selected(Item::Citation(citation)))
        {
            ui.label(
                RichText::new(paragraph_place(ctx.corpus, paragraph))
                    .small()
                    .color(ctx.theme.muted_text),
            );
        }
    } else {
        let sentence = match flag.citation {
            Some(citation) => sentence_text(ctx, citation),
            None => flag.sentence.clone(),
        };
        if !sentence.trim().is_empty() {
            ui.add(
                egui::Label::new(RichText::new(format!("“{}”", excerpt(&sentence, 220))).italics())
                    .wrap(),
            );
        }
    }
    if !flag.evidence.is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new(&flag.evidence)
                    .small()
                    .color(ctx.theme.muted_text),
            )
            .wrap(),
        );
    }
    if let Some(words) = &flag.words {
        words_ui(ctx, ui, words, id);
    }
    // In the list, the student's own judgement beside the flag it may agree with or not.
    if layout == UiLayout::ListRow
        && let Some(answer) = flag.item().and_then(|item| ctx.answer_for(item))
    {
        ui.label(
            RichText::new(format!("Your answer: {}", answer.label()))
                .small()
                .strong()
                .color(ctx.theme.accent),
        );
    }
}

/// A small coloured dot and the severity's name: strong in the error colour, worth checking in
/// the warning colour, a weak signal muted.
fn severity_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, severity: FlagSeverity) {
    let colour = match severity {
        FlagSeverity::Strong => ctx.theme.error,
        FlagSeverity::Moderate => ctx.theme.warning,
        FlagSeverity::Weak => ctx.theme.muted_text,
    };
    let size = ctx.theme.small_size * 0.6;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
    ui.painter()
        .circle_filled(rect.center(), size * 0.5, colour);
    ui.label(RichText::new(severity.label()).small().color(colour));
}

/// The words a topic mismatch compared: the sentence's, the reference's, those they share,
/// and the scores; labelled as a weak signal.
fn words_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, words: &WordEvidence, id: egui::Id) {
    let list = |words: &[String]| {
        if words.is_empty() {
            return "none".to_owned();
        }
        let shown: Vec<&str> = words.iter().take(WORDS_SHOWN).map(String::as_str).collect();
        let more = words.len().saturating_sub(WORDS_SHOWN);
        if more > 0 {
            format!("{} … (+{more})", shown.join(", "))
        } else {
            shown.join(", ")
        }
    };
    egui::Grid::new(id.with("words"))
        .num_columns(2)
        .show(ui, |ui| {
            for (label, value) in [
                ("Sentence words", list(&words.context)),
                ("Reference words", list(&words.reference)),
                ("Shared", list(&words.shared)),
            ] {
                ui.label(RichText::new(label).small().color(ctx.theme.muted_text));
                ui.add(egui::Label::new(RichText::new(value).small()).wrap());
                ui.end_row();
            }
        });
    // `+ 0.0` writes a score of -0 as 0.
    ui.label(
        RichText::new(format!(
            "Weak signal: overlap {:.2}, where this paper's citations typically have {:.2}. A source can support a sentence in other words.",
            words.score + 0.0,
            words.typical + 0.0
        ))
        .small()
        .italics()
        .color(ctx.theme.muted_text),
    );
}

//! The Checks view: the citation check's flags (what a careful reader would question about the
//! paper's citations and references, each with its evidence), grouped by kind or by reference;
//! a click on a flag takes the Reader to its sentence and the Inspector shows it. The corpus's
//! own editorial notes about citations and references are listed apart, under the flags.

use eframe::egui::{self, RichText, Sense, Ui};

use super::context::{ClickAction, UiLayout, ViewCtx};
use super::records::flag_ui;
use super::views::{View, empty_view_ui};
use crate::corpus::checks::{Flag, FlagKind};
use crate::corpus::display::{excerpt, reference_label};
use crate::corpus::model::NoteKind;
use crate::corpus::{Corpus, Item, counted};

/// How the Checks view groups its flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grouping {
    /// By kind of check: anachronism, topic mismatch, malformed reference, hygiene.
    #[default]
    Kind,
    /// By the reference each flag is about.
    Reference,
}

impl Grouping {
    /// Both, in the order the toggle offers them.
    pub const ALL: [Self; 2] = [Self::Kind, Self::Reference];

    /// Its words on the toggle.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Kind => "By kind",
            Self::Reference => "By reference",
        }
    }
}

/// What File → Export writes of the citation check's flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagExport {
    /// Every flag as a row of CSV, for a spreadsheet.
    Csv,
    /// A Markdown worksheet a student fills in: each flag with the question and boxes to tick.
    Markdown,
}

impl FlagExport {
    /// The file name the save dialog suggests.
    #[must_use]
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Csv => "citation-flags.csv",
            Self::Markdown => "citation-worksheet.md",
        }
    }

    /// The kind of file, as the save dialog names it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Markdown => "Markdown",
        }
    }

    /// The file's extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Markdown => "md",
        }
    }
}

/// The Checks view's own state: how it groups the flags.
#[derive(Debug, Default)]
pub struct ChecksView {
    /// How the flags are grouped.
    pub grouping: Grouping,
}

/// What the view says at the top, before any flag.
pub const CHECKS_NOTE: &str = "Each flag is a question a careful reader would ask, with what it was found from; it is not a verdict. Read the sentence and the source, then judge.";

/// What the view says when the check found nothing.
pub const NO_FLAGS: &str = "No citation flags for this paper";

impl ChecksView {
    /// The Checks view's name for `--view` and the settings file.
    pub const ID: &'static str = "checks";
}

impl View for ChecksView {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Checks"
    }

    fn description(&self) -> &'static str {
        "What a careful reader would question about the citations, with the evidence"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        egui::ScrollArea::vertical()
            .id_salt("checks-view")
            .auto_shrink(false)
            .show(ui, |ui| {
                // The main view: a scroll key no side panel took is this view's.
                if let Some(step) = ctx.take_keyboard_scroll() {
                    step.apply(ui, ui.text_style_height(&egui::TextStyle::Body));
                }
                ui.set_max_width(ctx.theme.reading_width.min(ui.available_width()));
                self.contents_ui(ctx, ui);
            });
    }

    fn can_show(&self, item: Item) -> bool {
        let _ = item;
        false
    }

    fn show_item(&mut self, corpus: &Corpus, item: Item) {
        let _ = (corpus, item);
    }

    /// A bibliography on its own has references to check too.
    fn has_content(&self, corpus: &Corpus) -> bool {
        !corpus.file.references.is_empty()
    }
}

impl ChecksView {
    /// The note, the summary and grouping toggle, the flags, and the editorial notes.
    fn contents_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let checks = ctx.checks.checks;
        ui.add(
            egui::Label::new(
                RichText::new(CHECKS_NOTE)
                    .italics()
                    .color(ctx.theme.muted_text),
            )
            .wrap(),
        );
        ui.add_space(ctx.theme.gap);
        if checks.flags.is_empty() {
            empty_view_ui(
                ctx,
                ui,
                NO_FLAGS,
                "The citation check found nothing to question in its citations and references. That is not a guarantee: it cannot read the sources themselves.",
            );
        } else {
            self.summary_ui(ctx, ui);
            let (shown, waiting): (Vec<&Flag>, Vec<&Flag>) = checks
                .flags
                .iter()
                .partition(|flag| flag.item().is_none_or(|item| ctx.shows_flags_of(item)));
            if !waiting.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "Student mode: {} wait for your answer. Select their citation or reference and answer in the Inspector to see them.",
                        counted(waiting.len(), "flag")
                    ))
                    .color(ctx.theme.muted_text),
                );
            }
            match self.grouping {
                Grouping::Kind => by_kind_ui(ctx, ui, &shown),
                Grouping::Reference => by_reference_ui(ctx, ui, &shown),
            }
        }
        editorial_notes_ui(ctx, ui);
    }

    /// How many flags on how many references, and the grouping toggle.
    fn summary_ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let checks = ctx.checks.checks;
        ui.horizontal_wrapped(|ui| {
            let flags = counted(checks.flags.len(), "flag");
            // Flags about the import or a passage alone name no reference.
            let summary = match checks.flagged_references() {
                0 => flags,
                references => format!("{flags} about {}", counted(references, "reference")),
            };
            ui.label(RichText::new(summary).strong());
            ui.separator();
            ui.label(RichText::new("Group").color(ctx.theme.muted_text));
            for grouping in Grouping::ALL {
                ui.selectable_value(&mut self.grouping, grouping, grouping.label());
            }
        });
        ui.add_space(ctx.theme.gap * 0.5);
    }
}

/// The flags under one heading per kind, with its count.
fn by_kind_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, flags: &[&Flag]) {
    for kind in FlagKind::ALL {
        let of_kind: Vec<&Flag> = flags
            .iter()
            .copied()
            .filter(|flag| flag.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        group_ui(
            ctx,
            ui,
            &format!("{} ({})", kind.label(), of_kind.len()),
            ("kind", kind.code()),
            &of_kind,
        );
    }
}

/// The flags under one heading per reference (in reference-list order), with its count; those
/// about no reference last.
fn by_reference_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, flags: &[&Flag]) {
    let mut references: Vec<Option<usize>> = flags.iter().map(|flag| flag.reference).collect();
    references.sort_unstable_by_key(|reference| (reference.is_none(), *reference));
    references.dedup();
    for reference in references {
        let about: Vec<&Flag> = flags
            .iter()
            .copied()
            .filter(|flag| flag.reference == reference)
            .collect();
        let name = reference.map_or_else(
            || "No reference".to_owned(),
            |r| reference_label(ctx.corpus, r),
        );
        let salt = reference.map_or_else(|| "none".to_owned(), |r| r.to_string());
        group_ui(
            ctx,
            ui,
            &format!("{name} ({})", about.len()),
            ("reference", salt.as_str()),
            &about,
        );
    }
}

/// A collapsible heading (open at first) over `flags`, each a clickable block.
fn group_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, heading: &str, salt: (&str, &str), flags: &[&Flag]) {
    egui::CollapsingHeader::new(RichText::new(heading).strong())
        .id_salt(salt)
        .default_open(true)
        .show(ui, |ui| {
            for flag in flags {
                flag_ui(ctx, ui, flag, UiLayout::ListRow);
                ui.add_space(ctx.theme.gap * 0.25);
            }
        });
}

/// The corpus's own editorial notes about citations and references, apart from the flags:
/// written by the corpus's author, not found by the check.
fn editorial_notes_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let notes: Vec<usize> = ctx
        .corpus
        .file
        .notes
        .iter()
        .enumerate()
        .filter(|(_, note)| {
            matches!(
                note.kind,
                NoteKind::CitationMismatch | NoteKind::MalformedReference
            )
        })
        .map(|(position, _)| position)
        .collect();
    if notes.is_empty() {
        return;
    }
    ui.add_space(ctx.theme.gap * 2.0);
    ui.separator();
    ui.label(
        RichText::new(format!(
            "The corpus's own editorial notes ({})",
            notes.len()
        ))
        .strong(),
    );
    ui.label(
        RichText::new(
            "Written by the corpus's author, not found by the check; shown apart from the flags.",
        )
        .small()
        .color(ctx.theme.muted_text),
    );
    for position in notes {
        let Some(note) = ctx.corpus.file.notes.get(position) else {
            continue;
        };
        let block = egui::Frame::new()
            .fill(ctx.theme.note_fill)
            .corner_radius(ctx.theme.radius)
            .inner_margin(ctx.theme.gap * 0.5)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("Editorial note · {}", note.kind.label()))
                        .small()
                        .strong()
                        .color(ctx.theme.note_text),
                );
                ui.add(
                    egui::Label::new(
                        RichText::new(excerpt(&note.text, 320)).color(ctx.theme.note_text),
                    )
                    .wrap(),
                );
            });
        let response = ui.interact(
            block.response.rect,
            ui.scope_id().with(("editorial-note", position)),
            Sense::click(),
        );
        let label = format!("Editorial note: {}", excerpt(&note.text, 80));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        ctx.item_response(ui, response, Item::Note(position), ClickAction::Select);
        ui.add_space(ctx.theme.gap * 0.25);
    }
}

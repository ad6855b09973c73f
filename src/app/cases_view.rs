//! The Cases view: case studies and examples as cards, filterable by region.

use eframe::egui::{self, Color32, RichText, Sense, Ui};

use super::context::{ClickAction, Command, ViewCtx};
use super::records::item_row_ui;
use super::views::{View, empty_view_ui};
use super::virtual_list::{HeightCache, content_key, virtual_list_ui};
use crate::corpus::display::region_name;
use crate::corpus::model::CaseKind;
use crate::corpus::{Corpus, Item};

/// The Cases view's own UI state.
#[derive(Debug, Default)]
pub struct CasesView {
    /// Show only cases of this region (position in `regional_table.regions`).
    pub region_filter: Option<usize>,
    /// Show examples as well as case studies.
    pub hide_examples: bool,
    heights: HeightCache,
    /// A case waiting to be scrolled to.
    reveal: Option<usize>,
}

impl CasesView {
    /// The Cases view's name for `--view` and the settings file.
    pub const ID: &'static str = "cases";
}

impl View for CasesView {
    fn id(&self) -> &'static str {
        Self::ID
    }

    fn title(&self) -> &'static str {
        "Cases"
    }

    fn description(&self) -> &'static str {
        "The case studies"
    }

    fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        Self::ui(self, ctx, ui);
    }

    fn has_content(&self, corpus: &Corpus) -> bool {
        !corpus.file.cases.is_empty()
    }

    fn can_show(&self, item: Item) -> bool {
        matches!(item, Item::Case(_))
    }

    fn show_item(&mut self, corpus: &Corpus, item: Item) {
        let Item::Case(case) = item else {
            return;
        };
        if !self.visible_cases(corpus).contains(&case) {
            self.region_filter = None;
            self.hide_examples = false;
        }
        self.reveal(case);
    }

    fn follow_selection(&mut self, _corpus: &Corpus, item: Item) {
        if let Item::Region(region) = item {
            self.region_filter = Some(region);
        }
    }

    fn set_region_filter(&mut self, region: Option<usize>) {
        self.region_filter = region;
    }

    fn region_filter(&self) -> Option<Option<usize>> {
        Some(self.region_filter)
    }
}

impl CasesView {
    /// Scrolls to a case on the next frame.
    pub fn reveal(&mut self, case: usize) {
        self.reveal = Some(case);
    }

    /// The cases shown, in corpus order.
    #[must_use]
    pub fn visible_cases(&self, corpus: &Corpus) -> Vec<usize> {
        let region_id = self
            .region_filter
            .and_then(|r| corpus.file.regions.get(r))
            .map(|r| r.id.as_str());
        corpus
            .file
            .cases
            .iter()
            .enumerate()
            .filter(|(_, case)| region_id.is_none_or(|id| case.region.as_deref() == Some(id)))
            .filter(|(_, case)| !self.hide_examples || case.kind == CaseKind::CaseStudy)
            .map(|(i, _)| i)
            .collect()
    }

    /// Draws the filter and the cards.
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &mut Ui) {
        let corpus = ctx.corpus;
        if corpus.file.cases.is_empty() {
            empty_view_ui(
                ctx,
                ui,
                "This paper has no case studies.",
                "Case studies are added by hand: export the corpus (File menu) and write them as \
                 the format guide shows (Help → Corpus format).",
            );
            return;
        }
        let regions = &corpus.file.regions;
        ui.horizontal_wrapped(|ui| {
            let region_label = ui.label("Region");
            let text = self
                .region_filter
                .and_then(|r| regions.get(r))
                .map_or("All regions", |r| r.name.as_str());
            let mut chosen = self.region_filter;
            egui::ComboBox::from_id_salt("cases-region")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "All regions");
                    for (i, region) in regions.iter().enumerate() {
                        ui.selectable_value(&mut chosen, Some(i), &region.name);
                    }
                })
                .response
                .labelled_by(region_label.id);
            if chosen != self.region_filter {
                // The region filter is shared with the other views that filter by region.
                self.region_filter = chosen;
                ctx.send(Command::FilterRegion(chosen));
            }
            ui.checkbox(&mut self.hide_examples, "Case studies only");
        });
        let cases = self.visible_cases(corpus);
        ui.label(
            RichText::new(format!(
                "{} of {} cases and examples",
                cases.len(),
                corpus.file.cases.len()
            ))
            .small()
            .color(ctx.theme.muted_text),
        );
        let columns = if ui.available_width() > 900.0 { 2 } else { 1 };
        let rows: Vec<&[usize]> = cases.chunks(columns).collect();
        if let Some(position) = self
            .reveal
            .take()
            .and_then(|c| cases.iter().position(|&x| x == c))
        {
            self.heights.scroll_to(position / columns);
        }
        let estimate = |_: usize| ctx.theme.body_size * 14.0;
        let key = content_key(&cases).wrapping_add(columns as u64);
        self.heights
            .scroll_by_key(ctx.take_keyboard_scroll(), ctx.theme.body_size * 1.4);
        virtual_list_ui(
            ui,
            "cases",
            &mut self.heights,
            key,
            rows.len(),
            &estimate,
            |ui, n| {
                let Some(chunk) = rows.get(n) else { return };
                ui.columns(columns, |column_uis| {
                    for (column_ui, &case) in column_uis.iter_mut().zip(chunk.iter()) {
                        card_ui(ctx, column_ui, case);
                    }
                });
                ui.add_space(ctx.theme.gap);
            },
        );
    }
}

/// One case as a card: kind, region, title, countries, forms, summary and sources.
pub fn card_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize) -> egui::Response {
    let corpus = ctx.corpus;
    let item = Item::Case(position);
    let Some(case) = corpus.file.cases.get(position) else {
        return ui.label("");
    };
    let stroke_color = if ctx.is_selected(item) {
        ctx.theme.accent
    } else if ctx.is_highlighted(item) {
        ctx.theme.selected_fill
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke.color
    };
    let fill = if ctx.is_hover_highlighted(item) {
        ctx.theme.hover_fill
    } else {
        Color32::TRANSPARENT
    };
    egui::Frame::new()
        .stroke(egui::Stroke::new(
            if ctx.is_selected(item) { 2.0 } else { 1.0 },
            stroke_color,
        ))
        .fill(fill)
        .corner_radius(ctx.theme.radius * 2)
        .inner_margin(ctx.theme.gap * 1.5)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Columns lay out justified, which would stretch wrapped text; cards read ragged-right.
            ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                let kind = match case.kind {
                    CaseKind::CaseStudy => "CASE STUDY",
                    CaseKind::Example => "EXAMPLE",
                };
                let region = case
                    .region
                    .as_deref()
                    .map(|id| format!(" · {}", region_name(corpus, id)))
                    .unwrap_or_default();
                ui.label(
                    RichText::new(format!("{kind}{region}"))
                        .small()
                        .color(ctx.theme.muted_text),
                );
                let title = ui.add(
                    egui::Label::new(
                        RichText::new(&case.title)
                            .size(ctx.theme.heading_size - 2.0)
                            .strong(),
                    )
                    .wrap()
                    .sense(Sense::click()),
                );
                ctx.item_response(ui, title, item, ClickAction::Select);
                if !case.countries.is_empty() {
                    ui.label(format!("Countries: {}", case.countries.join(", ")));
                }
                if !case.forms.is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        for form in &case.forms {
                            egui::Frame::new()
                                .fill(ctx.theme.chip_fill)
                                .corner_radius(ctx.theme.radius)
                                .inner_margin(egui::Margin::symmetric(6, 2))
                                .show(ui, |ui| ui.label(RichText::new(form).small()));
                        }
                    });
                }
                ui.add(egui::Label::new(&case.summary).wrap());
                let sources: Vec<usize> = case
                    .references
                    .iter()
                    .filter_map(|id| corpus.reference_by_id(id))
                    .collect();
                if !sources.is_empty() {
                    ui.label(RichText::new("Sources").small().strong());
                    for reference in sources {
                        item_row_ui(ctx, ui, Item::Reference(reference), ClickAction::Select);
                    }
                }
            });
        })
        .response
}

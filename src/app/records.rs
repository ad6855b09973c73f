//! One way to draw each record kind, parameterised by where it is drawn ([`UiLayout`]):
//! a list row, a hover preview card, or the full inspector view.

use eframe::egui::{self, Color32, Response, RichText, Sense, Ui};

use super::context::{ClickAction, Command, UiLayout, ViewCtx, doi_url};
use crate::corpus::cite::{self, Formatted};
use crate::corpus::model::{CaseKind, PointStatus};
use crate::corpus::{Corpus, Item};
use crate::formats::styles::{self, CitationStyle};

/// Draws `item` as a tooltip card or in the inspector (a list row is [`item_row_ui`]).
pub fn item_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item, layout: UiLayout) {
    if layout == UiLayout::ListRow {
        item_row_ui(ctx, ui, item, ClickAction::Select);
        return;
    }
    match item {
        Item::Reference(r) => reference_ui(ctx, ui, r, layout),
        Item::Citation(c) => citation_ui(ctx, ui, c, layout),
        Item::Paragraph(p) => paragraph_ui(ctx, ui, p, layout),
        Item::Section(s) => section_ui(ctx, ui, s, layout),
        Item::Entity(e) => entity_ui(ctx, ui, e, layout),
        Item::Region(r) => region_ui(ctx, ui, r, layout),
        Item::Case(c) => case_ui(ctx, ui, c, layout),
        Item::TableRow(t) => table_row_ui(ctx, ui, t, layout),
        Item::Series(s) => series_ui(ctx, ui, s, layout),
        Item::SeriesPoint { series, point } => series_point_ui(ctx, ui, series, point, layout),
        Item::Note(n) => note_ui(ctx, ui, n),
    }
}

/// A one-line, clickable row for `item`, marked when selected or related to the selection.
pub fn item_row_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item, action: ClickAction) -> Response {
    let title = item_title(ctx.corpus, item);
    let mut text = RichText::new(title);
    if ctx.is_highlighted(item) && !ctx.is_selected(item) {
        text = text.background_color(ctx.theme.highlight_fill);
    } else if ctx.is_hover_highlighted(item) && !ctx.is_selected(item) {
        text = text.background_color(ctx.theme.hover_fill);
    }
    let response = ui.add(
        egui::Button::selectable(ctx.is_selected(item), text)
            .wrap_mode(egui::TextWrapMode::Truncate),
    );
    ctx.item_response(ui, response, item, action)
}

/// A short one-line title for any item.
#[must_use]
pub fn item_title(corpus: &Corpus, item: Item) -> String {
    let file = &corpus.file;
    let missing = || "(missing)".to_owned();
    match item {
        Item::Reference(r) => corpus
            .reference(r)
            .map_or_else(missing, |(reference, number)| {
                format!(
                    "[{number}] {} — {}",
                    cite::short_label(reference),
                    reference.title
                )
            }),
        Item::Citation(c) => corpus
            .index
            .citations
            .get(c)
            .map_or_else(missing, |citation| {
                let numbers: Vec<String> = citation
                    .references
                    .iter()
                    .filter_map(|&r| corpus.index.reference_numbers.get(r))
                    .map(|n| format!("[{n}]"))
                    .collect();
                format!(
                    "Citation {} in {}",
                    numbers.join(", "),
                    paragraph_place(corpus, citation.paragraph)
                )
            }),
        Item::Paragraph(p) => format!(
            "{} — {}",
            paragraph_place(corpus, p),
            excerpt(
                corpus
                    .index
                    .paragraphs
                    .get(p)
                    .map_or("", |i| i.printed.as_str()),
                80
            )
        ),
        Item::Section(s) => file.sections.get(s).map_or_else(missing, section_heading),
        Item::Entity(e) => file
            .entities
            .get(e)
            .map_or_else(missing, |entity| entity.name.clone()),
        Item::Region(r) => file
            .regional_table
            .regions
            .get(r)
            .map_or_else(missing, |region| region.name.clone()),
        Item::Case(c) => file
            .cases
            .get(c)
            .map_or_else(missing, |case| case.title.clone()),
        Item::TableRow(t) => file.regional_table.rows.get(t).map_or_else(missing, |row| {
            let region = region_name(corpus, &row.region);
            format!("{region}: {}", row.cooperating_entities)
        }),
        Item::Series(s) => file
            .series
            .get(s)
            .map_or_else(missing, |series| series.title.clone()),
        Item::SeriesPoint { series, point } => file
            .series
            .get(series)
            .and_then(|s| Some((s, s.points.get(point)?)))
            .map_or_else(missing, |(series, point)| {
                format!(
                    "{} — {}",
                    point.year,
                    point_value_text(point.value, point.status, &series.unit)
                )
            }),
        Item::Note(n) => file
            .notes
            .get(n)
            .map_or_else(missing, |note| format!("Note: {}", note.kind.label())),
    }
}

/// `"§4.1 Discussion, ¶1"` for a paragraph.
#[must_use]
pub fn paragraph_place(corpus: &Corpus, paragraph: usize) -> String {
    let Some(info) = corpus.index.paragraphs.get(paragraph) else {
        return String::new();
    };
    let section = corpus
        .file
        .sections
        .get(info.section)
        .map(section_heading)
        .unwrap_or_default();
    format!("{section}, ¶{}", info.position_in_section + 1)
}

/// A section's heading as printed: `"4.1 Discussion"`.
#[must_use]
pub fn section_heading(section: &crate::corpus::model::Section) -> String {
    format!("{} {}", section.number, section.title)
        .trim()
        .to_owned()
}

fn region_name(corpus: &Corpus, id: &str) -> String {
    corpus
        .region_by_id(id)
        .and_then(|r| corpus.file.regional_table.regions.get(r))
        .map_or_else(|| id.to_owned(), |r| r.name.clone())
}

/// A value with its status: `"≈ 49,000 victims"`, `"42,000 victims"`, `"not stated in the text"`.
#[must_use]
pub fn point_value_text(value: Option<f64>, status: PointStatus, unit: &str) -> String {
    match (value, status) {
        (Some(value), PointStatus::Approximate) => format!("≈ {} {unit}", thousands(value)),
        (Some(value), _) => format!("{} {unit}", thousands(value)),
        (None, _) => "not stated in the text".to_owned(),
    }
}

/// A number with thousands separators: `49000.0` → `"49,000"`.
#[must_use]
pub fn thousands(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = value.round();
    if (value - rounded).abs() > 1e-9 {
        return format!("{value}");
    }
    let digits = format!("{}", rounded.abs());
    let digits = digits.trim_end_matches(".0");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if rounded < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// How many entries a list in the inspector shows before saying how many more there are.
const SHOWN: usize = 100;

/// "… and N more" under a list cut at [`SHOWN`] entries.
fn more_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, total: usize) {
    if total > SHOWN {
        ui.label(
            RichText::new(format!(
                "… and {} more; search (Ctrl+K) to find one",
                total - SHOWN
            ))
            .small()
            .italics()
            .color(ctx.theme.muted_text),
        );
    }
}

pub use crate::corpus::counted;

fn excerpt(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

fn heading_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, kind: &str, title: &str, layout: UiLayout) {
    ui.label(
        RichText::new(kind.to_uppercase())
            .small()
            .color(ctx.theme.muted_text),
    );
    if layout == UiLayout::Inspector {
        ui.add(egui::Label::new(RichText::new(title).heading()).wrap());
    } else {
        ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
    }
}

fn field_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, label: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{label}:")).color(ctx.theme.muted_text));
        ui.add(egui::Label::new(value).wrap());
    });
}

fn subheading_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, text: &str) {
    ui.add_space(ctx.theme.gap);
    ui.label(RichText::new(text).strong());
}

/// Rows for a list of items under a subheading (nothing when empty).
fn item_list_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    heading: &str,
    items: impl IntoIterator<Item = Item>,
    action: ClickAction,
) {
    let items: Vec<Item> = items.into_iter().collect();
    if items.is_empty() {
        return;
    }
    subheading_ui(ctx, ui, &format!("{heading} ({})", items.len()));
    for &item in items.iter().take(SHOWN) {
        item_row_ui(ctx, ui, item, action);
    }
    more_ui(ctx, ui, items.len());
}

/// Formatted text with italic spans.
fn formatted_ui(ui: &mut Ui, formatted: &Formatted, color: Option<Color32>) {
    let mut job = egui::text::LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = color.unwrap_or_else(|| ui.visuals().text_color());
    for span in &formatted.0 {
        job.append(
            &span.text,
            0.0,
            egui::TextFormat {
                font_id: font.clone(),
                color,
                italics: span.italic,
                ..Default::default()
            },
        );
    }
    ui.add(egui::Label::new(job).wrap());
}

/// Editorial notes about `item`, set apart from the paper's words.
fn notes_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, item: Item, layout: UiLayout) {
    for &note in ctx.corpus.index.notes_for(item) {
        let Some(note) = ctx.corpus.file.notes.get(note) else {
            continue;
        };
        egui::Frame::new()
            .fill(ctx.theme.note_fill)
            .corner_radius(ctx.theme.radius)
            .inner_margin(ctx.theme.gap)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!("Editorial note · {}", note.kind.label()))
                        .small()
                        .strong()
                        .color(ctx.theme.note_text),
                );
                let text = if layout == UiLayout::Tooltip {
                    excerpt(&note.text, 220)
                } else {
                    note.text.clone()
                };
                ui.add(egui::Label::new(RichText::new(text).color(ctx.theme.note_text)).wrap());
                if layout == UiLayout::Inspector {
                    ui.label(
                        RichText::new("Added by the corpus author; not the paper's words.")
                            .small()
                            .italics()
                            .color(ctx.theme.muted_text),
                    );
                }
            });
    }
}

fn reference_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some((reference, number)) = ctx.corpus.reference(position) else {
        return;
    };
    let index = &ctx.corpus.index;
    heading_ui(
        ctx,
        ui,
        "Reference",
        &format!("[{number}] {}", cite::short_label(reference)),
        layout,
    );
    let (styled, in_text) = ctx.citations.get(ctx.corpus, position, ctx.citation_style);
    formatted_ui(ui, &styled, None);
    let citing = index
        .reference_citations
        .get(position)
        .map_or(&[][..], Vec::as_slice);
    if layout == UiLayout::Tooltip {
        ui.label(
            RichText::new(format!(
                "Cited {} time{} in the text",
                citing.len(),
                if citing.len() == 1 { "" } else { "s" }
            ))
            .small()
            .color(ctx.theme.muted_text),
        );
        notes_ui(ctx, ui, Item::Reference(position), layout);
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let style_label = ui.label(RichText::new("Style").color(ctx.theme.muted_text));
        egui::ComboBox::from_id_salt("citation-style")
            .selected_text(ctx.citation_style.label())
            .show_ui(ui, |ui| {
                for style in CitationStyle::ALL {
                    if ui
                        .selectable_label(ctx.citation_style == style, style.label())
                        .clicked()
                    {
                        ctx.send(Command::SetCitationStyle(style));
                    }
                }
            })
            .response
            .labelled_by(style_label.id);
        ui.label(RichText::new(format!("In text: {in_text}")).color(ctx.theme.muted_text));
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Copy citation")
            .on_hover_text(format!(
                "Copy this entry in {} style",
                ctx.citation_style.label()
            ))
            .clicked()
        {
            ctx.send(Command::CopyText(styled.to_plain_string()));
        }
        if ui
            .button("Copy bibliography")
            .on_hover_text(format!(
                "Copy every reference in {} style",
                ctx.citation_style.label()
            ))
            .clicked()
        {
            let references: Vec<_> = ctx.corpus.file.references.iter().collect();
            let entries = styles::format_bibliography(&references, ctx.citation_style);
            let text: Vec<String> = entries
                .iter()
                .map(|entry| match &entry.label {
                    Some(label) => format!("{label} {}", entry.text.to_plain_string()),
                    None => entry.text.to_plain_string(),
                })
                .collect();
            ctx.send(Command::CopyText(text.join("\n")));
        }
        if let Some(url) = doi_url(&reference.doi) {
            ctx.url_ui(ui, &format!("DOI {}", reference.doi), &url);
        }
        if !reference.url.is_empty() {
            ctx.url_ui(ui, "Web page", &reference.url);
        }
    });
    ui.label(
        RichText::new("As the paper's reference list prints it")
            .small()
            .color(ctx.theme.muted_text),
    );
    formatted_ui(ui, &cite::list_entry(reference), Some(ctx.theme.muted_text));
    notes_ui(ctx, ui, Item::Reference(position), layout);

    subheading_ui(ctx, ui, &format!("Cited in ({})", citing.len()));
    if citing.is_empty() {
        ui.label(RichText::new("Not cited in the text.").color(ctx.theme.muted_text));
    }
    more_ui(ctx, ui, citing.len());
    for &citation in citing.iter().take(SHOWN) {
        let Some(info) = index.citations.get(citation) else {
            continue;
        };
        ui.label(
            RichText::new(paragraph_place(ctx.corpus, info.paragraph))
                .small()
                .color(ctx.theme.muted_text),
        );
        let sentence = index.citing_sentence(citation).unwrap_or_default();
        let mut text = RichText::new(sentence);
        if ctx.is_selected(Item::Citation(citation)) {
            text = text.background_color(ctx.theme.selected_fill);
        }
        let response = ui.add(egui::Label::new(text).wrap().sense(Sense::click()));
        let response =
            ctx.item_response(ui, response, Item::Citation(citation), ClickAction::Reveal);
        response.on_hover_cursor(egui::CursorIcon::PointingHand);
        ui.add_space(ctx.theme.gap * 0.5);
    }
    item_list_ui(
        ctx,
        ui,
        "Cases",
        index
            .reference_cases
            .get(position)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(Item::Case),
        ClickAction::Reveal,
    );
    item_list_ui(
        ctx,
        ui,
        "Table rows",
        index
            .reference_rows
            .get(position)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(Item::TableRow),
        ClickAction::Reveal,
    );
    item_list_ui(
        ctx,
        ui,
        "Series",
        index
            .reference_series
            .get(position)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(Item::Series),
        ClickAction::Reveal,
    );

    subheading_ui(ctx, ui, "CSL-JSON fields");
    egui::Grid::new("reference-fields")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |label: &str, value: String| {
                if !value.is_empty() {
                    ui.label(RichText::new(label).color(ctx.theme.muted_text));
                    ui.add(egui::Label::new(value).wrap());
                    ui.end_row();
                }
            };
            row("id", reference.id.clone());
            row("type", reference.item_type.clone());
            row("title", reference.title.clone());
            row("author", cite::author_list(&reference.author));
            row("editor", cite::author_list(&reference.editor));
            row(
                "issued",
                cite::year(reference)
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            );
            row("container-title", reference.container_title.clone());
            row("volume", reference.volume.clone());
            row("issue", reference.issue.clone());
            row("page", reference.page.clone());
            row("publisher", reference.publisher.clone());
            row("publisher-place", reference.publisher_place.clone());
            row("DOI", reference.doi.clone());
            row("URL", reference.url.clone());
            row("note", reference.note.clone());
            for (key, value) in &reference.extra {
                row(key, value.to_string());
            }
        });
}

fn citation_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let index = &ctx.corpus.index;
    let Some(citation) = index.citations.get(position) else {
        return;
    };
    heading_ui(
        ctx,
        ui,
        "Citation",
        &item_title(ctx.corpus, Item::Citation(position)),
        layout,
    );
    if let Some(sentence) = index.citing_sentence(position) {
        ui.add(egui::Label::new(RichText::new(sentence).italics()).wrap());
    }
    if layout == UiLayout::Tooltip {
        for &reference in &citation.references {
            if let Some((reference, number)) = ctx.corpus.reference(reference) {
                ui.label(format!(
                    "[{number}] {}",
                    cite::list_entry(reference).to_plain_string()
                ));
            }
        }
        return;
    }
    if ui.button("Show in text").clicked() {
        ctx.send(Command::Reveal(Item::Citation(position)));
    }
    item_list_ui(
        ctx,
        ui,
        "Cites",
        citation.references.iter().map(|&r| Item::Reference(r)),
        ClickAction::Select,
    );
    notes_ui(ctx, ui, Item::Paragraph(citation.paragraph), layout);
}

fn paragraph_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let index = &ctx.corpus.index;
    let Some(info) = index.paragraphs.get(position) else {
        return;
    };
    heading_ui(
        ctx,
        ui,
        "Paragraph",
        &paragraph_place(ctx.corpus, position),
        layout,
    );
    let text = if layout == UiLayout::Tooltip {
        excerpt(&info.printed, 320)
    } else {
        info.printed.clone()
    };
    ui.add(egui::Label::new(RichText::new(text).font(ctx.theme.reading_font())).wrap());
    if layout == UiLayout::Tooltip {
        return;
    }
    if ui.button("Show in text").clicked() {
        ctx.send(Command::Reveal(Item::Paragraph(position)));
    }
    notes_ui(ctx, ui, Item::Paragraph(position), layout);
    let mut cited: Vec<usize> = info
        .citations
        .clone()
        .filter_map(|c| index.citations.get(c))
        .flat_map(|c| c.references.iter().copied())
        .collect();
    cited.dedup();
    item_list_ui(
        ctx,
        ui,
        "Cites",
        cited.into_iter().map(Item::Reference),
        ClickAction::Select,
    );
    let mut entities: Vec<usize> = info.mentions.iter().map(|m| m.entity).collect();
    entities.sort_unstable();
    entities.dedup();
    item_list_ui(
        ctx,
        ui,
        "Names",
        entities.into_iter().map(Item::Entity),
        ClickAction::Select,
    );
    item_list_ui(
        ctx,
        ui,
        "Cases",
        index
            .paragraph_cases
            .get(position)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(Item::Case),
        ClickAction::Reveal,
    );
}

fn section_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(section) = ctx.corpus.file.sections.get(position) else {
        return;
    };
    heading_ui(ctx, ui, "Section", &section_heading(section), layout);
    let index = &ctx.corpus.index;
    let paragraphs = index
        .section_paragraphs
        .get(position)
        .cloned()
        .unwrap_or_default();
    ui.label(RichText::new(format!("{} paragraphs", paragraphs.len())).color(ctx.theme.muted_text));
    if let Some(first) = index
        .paragraphs
        .get(paragraphs.start)
        .filter(|_| !paragraphs.is_empty())
    {
        ui.add(
            egui::Label::new(excerpt(
                &first.printed,
                if layout == UiLayout::Tooltip {
                    200
                } else {
                    400
                },
            ))
            .wrap(),
        );
    }
    if layout == UiLayout::Inspector {
        if ui.button("Show in text").clicked() {
            ctx.send(Command::Reveal(Item::Section(position)));
        }
        item_list_ui(
            ctx,
            ui,
            "Subsections",
            index
                .section_children
                .get(position)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(Item::Section),
            ClickAction::Reveal,
        );
    }
}

fn entity_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(entity) = ctx.corpus.file.entities.get(position) else {
        return;
    };
    let index = &ctx.corpus.index;
    heading_ui(ctx, ui, entity.kind.label(), &entity.name, layout);
    ui.add(egui::Label::new(&entity.description).wrap());
    let mentions = index
        .entity_mentions
        .get(position)
        .map_or(&[][..], Vec::as_slice);
    if layout == UiLayout::Tooltip {
        ui.label(
            RichText::new(format!(
                "Named {} time{} in the text",
                mentions.len(),
                if mentions.len() == 1 { "" } else { "s" }
            ))
            .small()
            .color(ctx.theme.muted_text),
        );
        return;
    }
    let aliases: Vec<&str> = entity
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| *a != entity.name)
        .collect();
    field_ui(ctx, ui, "Also written", &aliases.join(" · "));
    item_list_ui(
        ctx,
        ui,
        "Regions",
        entity
            .regions
            .iter()
            .filter_map(|id| ctx.corpus.region_by_id(id))
            .map(Item::Region),
        ClickAction::Select,
    );
    notes_ui(ctx, ui, Item::Entity(position), layout);
    subheading_ui(ctx, ui, &format!("Mentions ({})", mentions.len()));
    more_ui(ctx, ui, mentions.len());
    for mention in mentions.iter().take(SHOWN) {
        let Some(info) = index.paragraphs.get(mention.paragraph) else {
            continue;
        };
        ui.label(
            RichText::new(paragraph_place(ctx.corpus, mention.paragraph))
                .small()
                .color(ctx.theme.muted_text),
        );
        let context = mention_context(&info.printed, mention.range.clone());
        let response = ui.add(egui::Label::new(context).wrap().sense(Sense::click()));
        ctx.item_response(
            ui,
            response,
            Item::Paragraph(mention.paragraph),
            ClickAction::Reveal,
        );
    }
    item_list_ui(
        ctx,
        ui,
        "Cases",
        index
            .entity_cases
            .get(position)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(Item::Case),
        ClickAction::Reveal,
    );
    item_list_ui(
        ctx,
        ui,
        "Table rows",
        index
            .entity_rows
            .get(position)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(Item::TableRow),
        ClickAction::Reveal,
    );
}

/// About 60 characters either side of a mention, with ellipses where cut.
fn mention_context(text: &str, range: std::ops::Range<usize>) -> String {
    let before: String = text
        .get(..range.start)
        .unwrap_or_default()
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text
        .get(range.end..)
        .unwrap_or_default()
        .chars()
        .take(60)
        .collect();
    let found = text.get(range.clone()).unwrap_or_default();
    let lead = if range.start > before.len() {
        "…"
    } else {
        ""
    };
    let tail = if range.end + after.len() < text.len() {
        "…"
    } else {
        ""
    };
    format!("{lead}{before}{found}{after}{tail}")
}

fn region_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(region) = ctx.corpus.file.regional_table.regions.get(position) else {
        return;
    };
    let index = &ctx.corpus.index;
    heading_ui(ctx, ui, "Region", &region.name, layout);
    let rows = index.region_rows.get(position).cloned().unwrap_or_default();
    let cases = index
        .region_cases
        .get(position)
        .cloned()
        .unwrap_or_default();
    let entities = index
        .region_entities
        .get(position)
        .cloned()
        .unwrap_or_default();
    ui.label(
        RichText::new(format!(
            "{} · {} · {}",
            counted(rows.len(), "table row"),
            counted(cases.len(), "case"),
            counted(entities.len(), "entity")
        ))
        .color(ctx.theme.muted_text),
    );
    if layout == UiLayout::Tooltip {
        return;
    }
    item_list_ui(
        ctx,
        ui,
        "Table rows",
        rows.into_iter().map(Item::TableRow),
        ClickAction::Reveal,
    );
    item_list_ui(
        ctx,
        ui,
        "Cases",
        cases.into_iter().map(Item::Case),
        ClickAction::Reveal,
    );
    item_list_ui(
        ctx,
        ui,
        "Entities",
        entities.into_iter().map(Item::Entity),
        ClickAction::Select,
    );
}

fn case_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(case) = ctx.corpus.file.cases.get(position) else {
        return;
    };
    let kind = match case.kind {
        CaseKind::CaseStudy => "Case study",
        CaseKind::Example => "Example",
    };
    heading_ui(ctx, ui, kind, &case.title, layout);
    field_ui(ctx, ui, "Region", &region_name(ctx.corpus, &case.region));
    field_ui(ctx, ui, "Countries", &case.countries.join(", "));
    field_ui(ctx, ui, "Forms of exploitation", &case.forms.join(", "));
    ui.add(egui::Label::new(&case.summary).wrap());
    if layout == UiLayout::Tooltip {
        return;
    }
    ui.label(
        RichText::new("Summary written by the corpus author.")
            .small()
            .italics()
            .color(ctx.theme.muted_text),
    );
    if let Some(region) = ctx.corpus.region_by_id(&case.region) {
        item_list_ui(
            ctx,
            ui,
            "Region",
            [Item::Region(region)],
            ClickAction::Select,
        );
    }
    let paragraphs = ctx
        .corpus
        .index
        .case_paragraphs
        .get(position)
        .cloned()
        .unwrap_or_default();
    subheading_ui(ctx, ui, "In the paper's words");
    for paragraph in paragraphs {
        let Some(info) = ctx.corpus.index.paragraphs.get(paragraph) else {
            continue;
        };
        ui.label(
            RichText::new(paragraph_place(ctx.corpus, paragraph))
                .small()
                .color(ctx.theme.muted_text),
        );
        let response = ui.add(
            egui::Label::new(RichText::new(&info.printed).font(ctx.theme.reading_font()))
                .wrap()
                .sense(Sense::click()),
        );
        ctx.item_response(
            ui,
            response,
            Item::Paragraph(paragraph),
            ClickAction::Reveal,
        );
    }
    item_list_ui(
        ctx,
        ui,
        "Sources",
        case.references
            .iter()
            .filter_map(|id| ctx.corpus.reference_by_id(id))
            .map(Item::Reference),
        ClickAction::Select,
    );
    item_list_ui(
        ctx,
        ui,
        "Entities",
        case.entities
            .iter()
            .filter_map(|id| ctx.corpus.file.entities.iter().position(|e| &e.id == id))
            .map(Item::Entity),
        ClickAction::Select,
    );
    notes_ui(ctx, ui, Item::Case(position), layout);
}

fn table_row_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(row) = ctx.corpus.file.regional_table.rows.get(position) else {
        return;
    };
    heading_ui(ctx, ui, "Table row", &row.cooperating_entities, layout);
    field_ui(ctx, ui, "Region", &region_name(ctx.corpus, &row.region));
    field_ui(ctx, ui, "Cooperative efforts", &row.cooperative_efforts);
    field_ui(ctx, ui, "Liberalism key concept", &row.key_concept);
    field_ui(ctx, ui, "References", &row.references_text);
    if layout == UiLayout::Tooltip {
        return;
    }
    if ui.button("Show in table").clicked() {
        ctx.send(Command::Reveal(Item::TableRow(position)));
    }
    if let Some(region) = ctx.corpus.region_by_id(&row.region) {
        item_list_ui(
            ctx,
            ui,
            "Region",
            [Item::Region(region)],
            ClickAction::Select,
        );
    }
    item_list_ui(
        ctx,
        ui,
        "Entities",
        row.entities
            .iter()
            .filter_map(|id| ctx.corpus.file.entities.iter().position(|e| &e.id == id))
            .map(Item::Entity),
        ClickAction::Select,
    );
    item_list_ui(
        ctx,
        ui,
        "Reference-list entries",
        row.references
            .iter()
            .filter_map(|id| ctx.corpus.reference_by_id(id))
            .map(Item::Reference),
        ClickAction::Select,
    );
    notes_ui(ctx, ui, Item::TableRow(position), layout);
}

fn series_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize, layout: UiLayout) {
    let Some(series) = ctx.corpus.file.series.get(position) else {
        return;
    };
    heading_ui(ctx, ui, "Series", &series.title, layout);
    field_ui(ctx, ui, "Unit", &series.unit);
    field_ui(ctx, ui, "Source", &series.source);
    if layout == UiLayout::Tooltip {
        return;
    }
    item_list_ui(
        ctx,
        ui,
        "Points",
        (0..series.points.len()).map(|point| Item::SeriesPoint {
            series: position,
            point,
        }),
        ClickAction::Select,
    );
    item_list_ui(
        ctx,
        ui,
        "Cites",
        series
            .references
            .iter()
            .filter_map(|id| ctx.corpus.reference_by_id(id))
            .map(Item::Reference),
        ClickAction::Select,
    );
    notes_ui(ctx, ui, Item::Series(position), layout);
}

fn series_point_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    series_position: usize,
    point_position: usize,
    layout: UiLayout,
) {
    let Some(series) = ctx.corpus.file.series.get(series_position) else {
        return;
    };
    let Some(point) = series.points.get(point_position) else {
        return;
    };
    heading_ui(
        ctx,
        ui,
        &series.title,
        &format!(
            "{}: {}",
            point.year,
            point_value_text(point.value, point.status, &series.unit)
        ),
        layout,
    );
    let status_color = match point.status {
        PointStatus::Stated => ctx.theme.muted_text,
        PointStatus::Approximate | PointStatus::NotStated => ctx.theme.warning,
    };
    ui.label(RichText::new(format!("Status: {}", point.status.label())).color(status_color));
    ui.add(egui::Label::new(RichText::new(format!("“{}”", point.quote)).italics()).wrap());
    let item = Item::SeriesPoint {
        series: series_position,
        point: point_position,
    };
    if layout == UiLayout::Tooltip {
        notes_ui(ctx, ui, item, layout);
        return;
    }
    notes_ui(ctx, ui, item, layout);
    let mentions = ctx
        .corpus
        .index
        .year_mentions
        .get(&point.year)
        .cloned()
        .unwrap_or_default();
    let mut paragraphs: Vec<usize> = mentions.iter().map(|m| m.paragraph).collect();
    paragraphs.dedup();
    subheading_ui(
        ctx,
        ui,
        &format!("Passages about {} ({})", point.year, paragraphs.len()),
    );
    more_ui(ctx, ui, paragraphs.len());
    for paragraph in paragraphs.into_iter().take(SHOWN) {
        let Some(info) = ctx.corpus.index.paragraphs.get(paragraph) else {
            continue;
        };
        let Some(mention) = mentions.iter().find(|m| m.paragraph == paragraph) else {
            continue;
        };
        ui.label(
            RichText::new(paragraph_place(ctx.corpus, paragraph))
                .small()
                .color(ctx.theme.muted_text),
        );
        let response = ui.add(
            egui::Label::new(mention_context(&info.printed, mention.range.clone()))
                .wrap()
                .sense(Sense::click()),
        );
        ctx.item_response(
            ui,
            response,
            Item::Paragraph(paragraph),
            ClickAction::Reveal,
        );
    }
}

fn note_ui(ctx: &ViewCtx<'_>, ui: &mut Ui, position: usize) {
    let Some(note) = ctx.corpus.file.notes.get(position) else {
        return;
    };
    heading_ui(
        ctx,
        ui,
        "Editorial note",
        note.kind.label(),
        UiLayout::Inspector,
    );
    ui.add(egui::Label::new(RichText::new(&note.text).color(ctx.theme.note_text)).wrap());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(49000.0), "49,000");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(-42000.0), "-42,000");
        assert_eq!(thousands(2.5), "2.5");
    }

    #[test]
    fn values_carry_their_status() {
        assert_eq!(
            point_value_text(Some(49000.0), PointStatus::Approximate, "victims"),
            "≈ 49,000 victims"
        );
        assert_eq!(
            point_value_text(None, PointStatus::NotStated, "victims"),
            "not stated in the text"
        );
    }
}

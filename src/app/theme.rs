//! Design tokens: colours, spacing and the type scale, for the light, dark and projector themes.
//!
//! Panels take every colour and size from a [`Theme`]; none uses a literal.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle, Visuals};
use serde::{Deserialize, Serialize};

use crate::corpus::study_notes::NoteLabel;
pub use crate::palette::Palette;
use crate::palette::Rgba;

/// The name the bundled subset of DejaVu Sans is installed under: the last fallback font.
pub const SYMBOLS_FONT: &str = "DejaVu Sans Symbols";

/// The theme the user picked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Follow the operating system's light or dark setting.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    /// Menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::System => "Follow system",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }
}

/// An egui colour from a palette token.
#[must_use]
pub fn color32(colour: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.red, colour.green, colour.blue, colour.alpha)
}

/// Every colour and size the panels use.
#[derive(Clone, Debug)]
pub struct Theme {
    /// Which palette these tokens belong to.
    pub palette: Palette,
    /// Accent for links, citations and the selection.
    pub accent: Color32,
    /// Background of a citation chip.
    pub chip_fill: Color32,
    /// Background of a highlighted passage (related to the selection).
    pub highlight_fill: Color32,
    /// Background of the selected passage.
    pub selected_fill: Color32,
    /// Background of a passage related to what the pointer hovers.
    pub hover_fill: Color32,
    /// Background of every match of the Reader's find bar.
    pub find_match_fill: Color32,
    /// Background of the find bar's current match.
    pub find_current_fill: Color32,
    /// Backgrounds of study notes' highlights, by label: claim, evidence, question, definition
    /// (in [`NoteLabel::ALL`]'s order).
    pub label_fills: [Color32; 4],
    /// Muted text: metadata, counts.
    pub muted_text: Color32,
    /// Text of editorial notes, kept apart from the paper's own words.
    pub note_text: Color32,
    /// Background of editorial note boxes.
    pub note_fill: Color32,
    /// Warning colour.
    pub warning: Color32,
    /// Error colour.
    pub error: Color32,
    /// Colour of the main data series.
    pub series: Color32,
    /// Colour of annotation spans on charts.
    pub annotation_fill: Color32,
    /// Grid lines of a chart.
    pub grid: Color32,
    /// Size of body text in points.
    pub body_size: f32,
    /// Size of the reader's paragraph text in points.
    pub reading_size: f32,
    /// Size of headings in points.
    pub heading_size: f32,
    /// Size of small text in points.
    pub small_size: f32,
    /// Space between blocks, in points.
    pub gap: f32,
    /// Corner radius of cards and chips.
    pub radius: u8,
    /// Widest line of reading text, in points.
    pub reading_width: f32,
}

impl Theme {
    /// The colour of the series at `index` on a chart of several (the first is `series`).
    #[must_use]
    pub fn series_colour(&self, index: usize) -> Color32 {
        color32(self.palette.colours().series_colour(index))
    }

    /// The background of a highlight with `label`; a highlight without a label takes the
    /// claim's.
    #[must_use]
    pub fn label_fill(&self, label: Option<NoteLabel>) -> Color32 {
        let [claim, evidence, question, definition] = self.label_fills;
        match label {
            None | Some(NoteLabel::Claim) => claim,
            Some(NoteLabel::Evidence) => evidence,
            Some(NoteLabel::Question) => question,
            Some(NoteLabel::Definition) => definition,
        }
    }

    /// The tokens of one palette: its colours from [`Palette::colours`], its sizes here.
    #[must_use]
    pub fn new(palette: Palette) -> Self {
        let colours = palette.colours();
        let with_colours = |sizes: Sizes| Self {
            palette,
            accent: color32(colours.accent),
            chip_fill: color32(colours.chip_fill),
            highlight_fill: color32(colours.highlight_fill),
            selected_fill: color32(colours.selected_fill),
            hover_fill: color32(colours.hover_fill),
            find_match_fill: color32(colours.find_match_fill),
            find_current_fill: color32(colours.find_current_fill),
            label_fills: [
                color32(colours.claim_fill),
                color32(colours.evidence_fill),
                color32(colours.question_fill),
                color32(colours.definition_fill),
            ],
            muted_text: color32(colours.muted_text),
            note_text: color32(colours.note_text),
            note_fill: color32(colours.note_fill),
            warning: color32(colours.warning),
            error: color32(colours.error),
            series: color32(colours.series),
            annotation_fill: color32(colours.annotation_fill),
            grid: color32(colours.grid),
            body_size: sizes.body,
            reading_size: sizes.reading,
            heading_size: sizes.heading,
            small_size: sizes.small,
            gap: sizes.gap,
            radius: sizes.radius,
            reading_width: sizes.reading_width,
        };
        match palette {
            Palette::Light | Palette::Dark => with_colours(Sizes::DESK),
            Palette::Projector => with_colours(Sizes::PROJECTOR),
        }
    }

    /// The fonts installed and the theme for `choice` (following the system's light or dark
    /// mode for `System`) applied to `ctx`: what the window does as it starts.
    #[must_use]
    pub fn install(ctx: &egui::Context, choice: ThemeChoice) -> Self {
        Self::install_fonts(ctx);
        let theme = Self::for_choice(choice, ctx.system_theme() == Some(egui::Theme::Dark));
        theme.apply(ctx);
        theme
    }

    /// The palette for a choice, given whether the system prefers dark.
    #[must_use]
    pub fn for_choice(choice: ThemeChoice, system_dark: bool) -> Self {
        let palette = match choice {
            ThemeChoice::Dark => Palette::Dark,
            ThemeChoice::System if system_dark => Palette::Dark,
            ThemeChoice::Light | ThemeChoice::System => Palette::Light,
        };
        Self::new(palette)
    }

    /// egui's visuals in this theme's colours: text, muted text, links, the page and the
    /// selection all from the palette, so that what the contrast tests check is what is drawn.
    #[must_use]
    pub fn visuals(&self) -> Visuals {
        let colours = self.palette.colours();
        let mut visuals = match self.palette {
            Palette::Dark => Visuals::dark(),
            Palette::Light | Palette::Projector => Visuals::light(),
        };
        visuals.hyperlink_color = self.accent;
        visuals.selection.bg_fill = self.selected_fill;
        visuals.selection.stroke.color = self.accent;
        visuals.widgets.noninteractive.fg_stroke.color = color32(colours.text);
        visuals.weak_text_color = Some(self.muted_text);
        visuals.panel_fill = color32(colours.background);
        visuals.window_fill = color32(colours.background);
        // egui's own is a luminance added to the page, which on a white page adds nothing:
        // striped rows and card fills did not show in the light and projector themes.
        visuals.faint_bg_color = color32(colours.faint_fill);
        if self.palette == Palette::Projector {
            visuals.override_text_color = Some(color32(colours.text));
        }
        visuals
    }

    /// Applies visuals and the type scale to egui.
    pub fn apply(&self, ctx: &egui::Context) {
        let visuals = self.visuals();
        let text_styles = [
            (
                TextStyle::Heading,
                FontId::new(self.heading_size, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(self.body_size, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(self.body_size, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(self.small_size, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(self.small_size + 1.0, FontFamily::Monospace),
            ),
        ]
        .into();
        ctx.all_styles_mut(|style| {
            style.visuals = visuals.clone();
            style.text_styles.clone_from(&text_styles);
            style.spacing.item_spacing = egui::vec2(self.gap, self.gap * 0.75);
        });
    }

    /// Installs [`Self::font_definitions`].
    pub fn install_fonts(ctx: &egui::Context) {
        ctx.set_fonts(Self::font_definitions());
    }

    /// The fonts: egui's defaults, with the bundled Hack font as a fallback for proportional
    /// text so arrows and chart symbols (◀ ▶ ← → ● ○ ┆) render on every machine, and last a
    /// subset of DejaVu Sans ([`SYMBOLS_FONT`], `assets/fonts/`, its licence beside it) for
    /// what papers print that neither has: raised and lowered letters (a table's footnote
    /// marker `Allᵃ`, `xₖ`), Greek symbol variants (`ϵ`), mathematical operators and arrows,
    /// a table's ticks and crosses (`✓`, `✗`).
    #[must_use]
    pub fn font_definitions() -> egui::FontDefinitions {
        let mut fonts = egui::FontDefinitions::default();
        fonts.font_data.insert(
            SYMBOLS_FONT.to_owned(),
            std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
                "../../assets/fonts/DejaVuSansSymbols-subset.ttf"
            ))),
        );
        if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional)
            && !family.iter().any(|name| name == "Hack")
        {
            family.push("Hack".to_owned());
        }
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            if let Some(family) = fonts.families.get_mut(&family) {
                family.push(SYMBOLS_FONT.to_owned());
            }
        }
        fonts
    }

    /// The font of reading text.
    #[must_use]
    pub fn reading_font(&self) -> FontId {
        FontId::new(self.reading_size, FontFamily::Proportional)
    }

    /// The ring around whatever has the keyboard focus (a text link, a chip, a chart): the
    /// accent, which reads against the page in every palette, two points wide.
    #[must_use]
    pub fn focus_stroke(&self) -> egui::Stroke {
        egui::Stroke::new(2.0, self.accent)
    }

    /// Marks a flagged citation drawn in `rect` subtly: a dotted underline in the warning
    /// colour, just under the chips.
    pub fn flag_underline_ui(&self, ui: &egui::Ui, rect: egui::Rect) {
        let y = rect.bottom() + 1.0;
        ui.painter().extend(egui::Shape::dotted_line(
            &[
                egui::pos2(rect.left() + 1.0, y),
                egui::pos2(rect.right() - 1.0, y),
            ],
            self.warning,
            3.0,
            0.9,
        ));
    }

    /// Draws the focus ring around `rect`, just outside it.
    pub fn focus_ring_ui(&self, ui: &egui::Ui, rect: egui::Rect) {
        ui.painter().rect_stroke(
            rect.expand(1.0),
            self.radius,
            self.focus_stroke(),
            egui::StrokeKind::Outside,
        );
    }
}

/// The type scale of a slide, for the back of a room: sizes in points for a slide of a given
/// height, so a slide drawn 1080 points tall (a 1920×1080 projector at 1:1) has body text of
/// 34 pt and titles of 52 pt, and a thumbnail of it in the presenter view is the same slide
/// scaled down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlideType {
    /// Body text: a case's narrative, a table card's cells, a quote.
    pub body: f32,
    /// A slide's title.
    pub title: f32,
    /// Axis labels and tick labels of a chart.
    pub axis: f32,
    /// Secondary text: a source line, a region, a counter.
    pub small: f32,
    /// Width of a chart's line.
    pub line_width: f32,
    /// Radius of a chart's point marker.
    pub marker_radius: f32,
    /// Space between blocks.
    pub gap: f32,
    /// The margin around the slide.
    pub margin: f32,
}

impl SlideType {
    /// The height the sizes are designed for: a 1080-pixel projector.
    pub const DESIGN_HEIGHT: f32 = 1080.0;

    /// The sizes for a slide `height` points tall (scaled from the 1080-point design, never
    /// below a third of it).
    #[must_use]
    pub fn for_height(height: f32) -> Self {
        let scale = if height.is_finite() {
            (height / Self::DESIGN_HEIGHT).max(1.0 / 3.0)
        } else {
            1.0
        };
        Self {
            body: 34.0 * scale,
            title: 52.0 * scale,
            axis: 30.0 * scale,
            small: 28.0 * scale,
            line_width: 4.5 * scale,
            marker_radius: 8.0 * scale,
            gap: 24.0 * scale,
            margin: 64.0 * scale,
        }
    }
}

/// The type scale and spacing of a palette.
struct Sizes {
    body: f32,
    reading: f32,
    heading: f32,
    small: f32,
    gap: f32,
    radius: u8,
    reading_width: f32,
}

impl Sizes {
    /// At a desk: the light and dark palettes.
    const DESK: Self = Self {
        body: 14.0,
        reading: 15.5,
        heading: 19.0,
        small: 12.0,
        gap: 8.0,
        radius: 4,
        reading_width: 720.0,
    };
    /// Large type for a room: the projector palette.
    const PROJECTOR: Self = Self {
        body: 24.0,
        reading: 26.0,
        heading: 34.0,
        small: 20.0,
        gap: 14.0,
        radius: 6,
        reading_width: 1400.0,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::palette::contrast_ratio;

    #[test]
    fn slides_on_a_1080_projector_are_readable_from_the_back() {
        let sizes = SlideType::for_height(1080.0);
        assert!(sizes.body >= 32.0 && sizes.title >= 48.0 && sizes.axis >= 28.0);
        assert!(sizes.line_width >= 4.0 && sizes.marker_radius * 2.0 >= 14.0);
        let thumbnail = SlideType::for_height(270.0);
        assert!(
            (thumbnail.body - sizes.body / 3.0).abs() < 1e-3,
            "never below a third"
        );
        assert_eq!(SlideType::for_height(f32::NAN), sizes);
    }

    fn rgba(colour: Color32) -> Rgba {
        let [red, green, blue, alpha] = colour.to_srgba_unmultiplied();
        Rgba::rgb(red, green, blue).with_alpha(alpha)
    }

    /// Every pair of a text colour and a fill egui draws it on, in a theme's visuals: plain,
    /// weak and link text on the panels, windows, striped rows, text fields and code; each
    /// widget state's text on its own fills; selected text on the selection.
    fn text_pairs(visuals: &Visuals) -> Vec<(String, Color32, Color32)> {
        let page_texts = [
            ("text", visuals.text_color()),
            ("weak text", visuals.weak_text_color()),
            ("link", visuals.hyperlink_color),
        ];
        let page_fills = [
            ("panel", visuals.panel_fill),
            ("window", visuals.window_fill),
            ("striped row", visuals.faint_bg_color),
            ("text field", visuals.text_edit_bg_color()),
            ("code", visuals.code_bg_color),
        ];
        let mut pairs = Vec::new();
        for (text_name, text) in page_texts {
            for (fill_name, fill) in page_fills {
                pairs.push((format!("{text_name} on {fill_name}"), text, fill));
            }
        }
        let widgets = &visuals.widgets;
        for (state, widget) in [
            ("inactive", widgets.inactive),
            ("hovered", widgets.hovered),
            ("active", widgets.active),
            ("open", widgets.open),
        ] {
            let text = visuals
                .override_text_color
                .unwrap_or(widget.fg_stroke.color);
            for fill in [widget.bg_fill, widget.weak_bg_fill] {
                pairs.push((format!("{state} widget text"), text, fill));
            }
        }
        pairs.push((
            "selected item".to_owned(),
            visuals.selection.stroke.color,
            visuals.selection.bg_fill,
        ));
        pairs
    }

    #[test]
    fn every_text_colour_egui_draws_meets_the_palettes_contrast() {
        let mut failures = Vec::new();
        for palette in Palette::ALL {
            let visuals = Theme::new(palette).visuals();
            let page = rgba(visuals.panel_fill);
            for (pair, text, fill) in text_pairs(&visuals) {
                let fill = rgba(fill).over(page);
                let ratio = contrast_ratio(rgba(text).over(fill), fill);
                if ratio < palette.minimum_text_contrast() {
                    failures.push(format!("{palette:?}: {pair} is {ratio:.2}:1"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

//! Design tokens: colours, spacing and the type scale, for the light, dark and projector themes.
//!
//! Panels take every colour and size from a [`Theme`]; none uses a literal.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle, Visuals};
use serde::{Deserialize, Serialize};

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

/// Which palette is in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Palette {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
    /// High contrast on white, large type: for presenting.
    Projector,
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
    /// The tokens of one palette.
    #[must_use]
    pub fn new(palette: Palette) -> Self {
        match palette {
            Palette::Light => Self {
                palette,
                accent: Color32::from_rgb(0x1f, 0x5f, 0xbf),
                chip_fill: Color32::from_rgb(0xe3, 0xec, 0xfa),
                highlight_fill: Color32::from_rgb(0xff, 0xf1, 0xb8),
                selected_fill: Color32::from_rgb(0xff, 0xd8, 0x66),
                hover_fill: Color32::from_rgb(0xe8, 0xf0, 0xff),
                muted_text: Color32::from_rgb(0x5f, 0x63, 0x68),
                note_text: Color32::from_rgb(0x6a, 0x3d, 0x00),
                note_fill: Color32::from_rgb(0xfd, 0xf3, 0xe1),
                warning: Color32::from_rgb(0xb2, 0x6b, 0x00),
                error: Color32::from_rgb(0xc0, 0x1c, 0x28),
                series: Color32::from_rgb(0x1f, 0x5f, 0xbf),
                annotation_fill: Color32::from_rgba_unmultiplied(0x9e, 0x9e, 0x9e, 0x30),
                body_size: 14.0,
                reading_size: 15.5,
                heading_size: 19.0,
                small_size: 12.0,
                gap: 8.0,
                radius: 4,
                reading_width: 720.0,
            },
            Palette::Dark => Self {
                palette,
                accent: Color32::from_rgb(0x8a, 0xb4, 0xf8),
                chip_fill: Color32::from_rgb(0x22, 0x33, 0x4d),
                highlight_fill: Color32::from_rgb(0x4a, 0x40, 0x14),
                selected_fill: Color32::from_rgb(0x6e, 0x57, 0x0c),
                hover_fill: Color32::from_rgb(0x26, 0x30, 0x40),
                muted_text: Color32::from_rgb(0xa0, 0xa4, 0xaa),
                note_text: Color32::from_rgb(0xf2, 0xc9, 0x8a),
                note_fill: Color32::from_rgb(0x3a, 0x2e, 0x1c),
                warning: Color32::from_rgb(0xf2, 0xb1, 0x4c),
                error: Color32::from_rgb(0xff, 0x6b, 0x6b),
                series: Color32::from_rgb(0x8a, 0xb4, 0xf8),
                annotation_fill: Color32::from_rgba_unmultiplied(0xc8, 0xc8, 0xc8, 0x28),
                ..Self::new(Palette::Light)
            },
            Palette::Projector => Self {
                palette,
                accent: Color32::from_rgb(0x00, 0x3c, 0xa6),
                chip_fill: Color32::from_rgb(0xd6, 0xe4, 0xff),
                highlight_fill: Color32::from_rgb(0xff, 0xe6, 0x80),
                selected_fill: Color32::from_rgb(0xff, 0xc8, 0x2e),
                hover_fill: Color32::from_rgb(0xdc, 0xe8, 0xff),
                muted_text: Color32::from_rgb(0x30, 0x30, 0x30),
                note_text: Color32::from_rgb(0x5a, 0x30, 0x00),
                note_fill: Color32::from_rgb(0xfd, 0xee, 0xd2),
                warning: Color32::from_rgb(0x8a, 0x4b, 0x00),
                error: Color32::from_rgb(0xa0, 0x00, 0x10),
                series: Color32::from_rgb(0x00, 0x3c, 0xa6),
                annotation_fill: Color32::from_rgba_unmultiplied(0x60, 0x60, 0x60, 0x30),
                body_size: 24.0,
                reading_size: 26.0,
                heading_size: 34.0,
                small_size: 20.0,
                gap: 14.0,
                radius: 6,
                reading_width: 1400.0,
            },
        }
    }

    /// The palette for a choice, given whether the system prefers dark.
    #[must_use]
    pub fn for_choice(choice: ThemeChoice, system_dark: bool) -> Self {
        let palette = match choice {
            ThemeChoice::Light => Palette::Light,
            ThemeChoice::Dark => Palette::Dark,
            ThemeChoice::System if system_dark => Palette::Dark,
            ThemeChoice::System => Palette::Light,
        };
        Self::new(palette)
    }

    /// Applies visuals and the type scale to egui.
    pub fn apply(&self, ctx: &egui::Context) {
        let mut visuals = match self.palette {
            Palette::Dark => Visuals::dark(),
            Palette::Light | Palette::Projector => Visuals::light(),
        };
        visuals.hyperlink_color = self.accent;
        visuals.selection.bg_fill = self.selected_fill;
        visuals.selection.stroke.color = self.accent;
        if self.palette == Palette::Projector {
            visuals.override_text_color = Some(Color32::BLACK);
            visuals.panel_fill = Color32::WHITE;
            visuals.window_fill = Color32::WHITE;
        }
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

    /// Installs the fonts: egui's defaults, with the bundled Hack font as a last fallback for
    /// proportional text so arrows and chart symbols (◀ ▶ ← → ● ○ ┆) render on every machine.
    pub fn install_fonts(ctx: &egui::Context) {
        let mut fonts = egui::FontDefinitions::default();
        if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional)
            && !family.iter().any(|name| name == "Hack")
        {
            family.push("Hack".to_owned());
        }
        ctx.set_fonts(fonts);
    }

    /// The font of reading text.
    #[must_use]
    pub fn reading_font(&self) -> FontId {
        FontId::new(self.reading_size, FontFamily::Proportional)
    }
}

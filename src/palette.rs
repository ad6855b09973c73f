//! The design tokens' colours as plain RGB values, for the light, dark and projector palettes.
//!
//! This is the one place a colour is written down. The window's theme (`app::theme`) turns
//! these values into egui colours; the exported chart (`chart`) writes them into SVG. Nothing
//! here knows about egui or any file format.

/// A colour as red, green and blue bytes, with an alpha byte (255 is opaque).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba {
    /// Red, 0–255.
    pub red: u8,
    /// Green, 0–255.
    pub green: u8,
    /// Blue, 0–255.
    pub blue: u8,
    /// Opacity, 0 (transparent) – 255 (opaque), not premultiplied.
    pub alpha: u8,
}

impl Rgba {
    /// An opaque colour.
    #[must_use]
    pub const fn rgb(red: u8, green: u8, blue: u8) -> Self {
        Self {
            red,
            green,
            blue,
            alpha: 255,
        }
    }

    /// The same colour with opacity `alpha` (0 transparent – 255 opaque).
    #[must_use]
    pub const fn with_alpha(self, alpha: u8) -> Self {
        Self { alpha, ..self }
    }

    /// The opacity as a fraction from 0 to 1.
    #[must_use]
    pub fn opacity(self) -> f64 {
        f64::from(self.alpha) / 255.0
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

/// Every colour token of one palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colours {
    /// Accent for links, citations and the selection.
    pub accent: Rgba,
    /// Background of a citation chip.
    pub chip_fill: Rgba,
    /// Background of a highlighted passage (related to the selection).
    pub highlight_fill: Rgba,
    /// Background of the selected passage.
    pub selected_fill: Rgba,
    /// Background of a passage related to what the pointer hovers.
    pub hover_fill: Rgba,
    /// Main text.
    pub text: Rgba,
    /// Muted text: metadata, counts, axes.
    pub muted_text: Rgba,
    /// Text of editorial notes, kept apart from the paper's own words.
    pub note_text: Rgba,
    /// Background of editorial note boxes.
    pub note_fill: Rgba,
    /// Warning colour (also what is not stated in the text).
    pub warning: Rgba,
    /// Error colour.
    pub error: Rgba,
    /// Colour of the main data series.
    pub series: Rgba,
    /// Colour of annotation spans on charts (translucent).
    pub annotation_fill: Rgba,
    /// Grid lines of a chart.
    pub grid: Rgba,
    /// The page or panel behind everything.
    pub background: Rgba,
}

/// Colours for the second, third, … series on one chart (the first is [`Colours::series`]):
/// far apart in hue and readable on light and dark backgrounds.
const MORE_SERIES: [Rgba; 5] = [
    Rgba::rgb(0xd5, 0x5e, 0x00),
    Rgba::rgb(0x00, 0x9e, 0x73),
    Rgba::rgb(0xcc, 0x79, 0xa7),
    Rgba::rgb(0xe6, 0x9f, 0x00),
    Rgba::rgb(0x56, 0xb4, 0xe9),
];

impl Colours {
    /// The colour of the series at `index` on a chart of several: the palette's series colour
    /// first, then five others, then round again.
    #[must_use]
    pub fn series_colour(&self, index: usize) -> Rgba {
        match index.checked_sub(1) {
            None => self.series,
            Some(more) => MORE_SERIES
                .get(more % MORE_SERIES.len())
                .copied()
                .unwrap_or(self.series),
        }
    }
}

impl Palette {
    /// The colour tokens of this palette.
    #[must_use]
    pub const fn colours(self) -> Colours {
        match self {
            Self::Light => LIGHT,
            Self::Dark => DARK,
            Self::Projector => PROJECTOR,
        }
    }
}

const LIGHT: Colours = Colours {
    accent: Rgba::rgb(0x1f, 0x5f, 0xbf),
    chip_fill: Rgba::rgb(0xe3, 0xec, 0xfa),
    highlight_fill: Rgba::rgb(0xff, 0xf1, 0xb8),
    selected_fill: Rgba::rgb(0xff, 0xd8, 0x66),
    hover_fill: Rgba::rgb(0xe8, 0xf0, 0xff),
    text: Rgba::rgb(0x20, 0x21, 0x24),
    muted_text: Rgba::rgb(0x5f, 0x63, 0x68),
    note_text: Rgba::rgb(0x6a, 0x3d, 0x00),
    note_fill: Rgba::rgb(0xfd, 0xf3, 0xe1),
    warning: Rgba::rgb(0xb2, 0x6b, 0x00),
    error: Rgba::rgb(0xc0, 0x1c, 0x28),
    series: Rgba::rgb(0x1f, 0x5f, 0xbf),
    annotation_fill: Rgba::rgb(0x9e, 0x9e, 0x9e).with_alpha(0x30),
    grid: Rgba::rgb(0xe3, 0xe5, 0xe8),
    background: Rgba::rgb(0xff, 0xff, 0xff),
};

const DARK: Colours = Colours {
    accent: Rgba::rgb(0x8a, 0xb4, 0xf8),
    chip_fill: Rgba::rgb(0x22, 0x33, 0x4d),
    highlight_fill: Rgba::rgb(0x4a, 0x40, 0x14),
    selected_fill: Rgba::rgb(0x6e, 0x57, 0x0c),
    hover_fill: Rgba::rgb(0x26, 0x30, 0x40),
    text: Rgba::rgb(0xe8, 0xea, 0xed),
    muted_text: Rgba::rgb(0xa0, 0xa4, 0xaa),
    note_text: Rgba::rgb(0xf2, 0xc9, 0x8a),
    note_fill: Rgba::rgb(0x3a, 0x2e, 0x1c),
    warning: Rgba::rgb(0xf2, 0xb1, 0x4c),
    error: Rgba::rgb(0xff, 0x6b, 0x6b),
    series: Rgba::rgb(0x8a, 0xb4, 0xf8),
    annotation_fill: Rgba::rgb(0xc8, 0xc8, 0xc8).with_alpha(0x28),
    grid: Rgba::rgb(0x3c, 0x40, 0x43),
    background: Rgba::rgb(0x1b, 0x1b, 0x1b),
};

const PROJECTOR: Colours = Colours {
    accent: Rgba::rgb(0x00, 0x3c, 0xa6),
    chip_fill: Rgba::rgb(0xd6, 0xe4, 0xff),
    highlight_fill: Rgba::rgb(0xff, 0xe6, 0x80),
    selected_fill: Rgba::rgb(0xff, 0xc8, 0x2e),
    hover_fill: Rgba::rgb(0xdc, 0xe8, 0xff),
    text: Rgba::rgb(0x00, 0x00, 0x00),
    muted_text: Rgba::rgb(0x30, 0x30, 0x30),
    note_text: Rgba::rgb(0x5a, 0x30, 0x00),
    note_fill: Rgba::rgb(0xfd, 0xee, 0xd2),
    warning: Rgba::rgb(0x8a, 0x4b, 0x00),
    error: Rgba::rgb(0xa0, 0x00, 0x10),
    series: Rgba::rgb(0x00, 0x3c, 0xa6),
    annotation_fill: Rgba::rgb(0x60, 0x60, 0x60).with_alpha(0x30),
    grid: Rgba::rgb(0xc8, 0xc8, 0xc8),
    background: Rgba::rgb(0xff, 0xff, 0xff),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_palette_has_readable_text_on_its_background() {
        let luma = |c: Rgba| {
            0.299 * f64::from(c.red) + 0.587 * f64::from(c.green) + 0.114 * f64::from(c.blue)
        };
        for palette in [Palette::Light, Palette::Dark, Palette::Projector] {
            let colours = palette.colours();
            let contrast = (luma(colours.text) - luma(colours.background)).abs();
            assert!(contrast > 150.0, "{palette:?}: {contrast}");
            assert!(colours.annotation_fill.opacity() < 0.5, "{palette:?}");
        }
    }
}

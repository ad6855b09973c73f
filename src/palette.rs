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

    /// The relative luminance WCAG 2.2 defines (sRGB channels linearised, weighted 0.2126,
    /// 0.7152, 0.0722), from 0 (black) to 1 (white). Opacity is ignored: lay a translucent
    /// colour [`over`](Self::over) its background first.
    #[must_use]
    pub fn relative_luminance(self) -> f64 {
        let linear = |channel: u8| {
            let value = f64::from(channel) / 255.0;
            if value <= 0.040_45 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.red) + 0.7152 * linear(self.green) + 0.0722 * linear(self.blue)
    }

    /// This colour painted over `below`: the opaque colour a person sees.
    #[must_use]
    pub fn over(self, below: Self) -> Self {
        let alpha = self.opacity();
        let mix = |top: u8, bottom: u8| {
            let value = f64::from(top) * alpha + f64::from(bottom) * (1.0 - alpha);
            // Rounded and within 0–255 by construction, so the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let byte = value.round().clamp(0.0, 255.0) as u8;
            byte
        };
        Self::rgb(
            mix(self.red, below.red),
            mix(self.green, below.green),
            mix(self.blue, below.blue),
        )
    }
}

/// The contrast ratio WCAG 2.2 defines between two opaque colours, from 1 (none) to 21 (black
/// on white); the order does not matter. AA asks 4.5 for body text, AAA 7.
#[must_use]
pub fn contrast_ratio(first: Rgba, second: Rgba) -> f64 {
    let (a, b) = (first.relative_luminance(), second.relative_luminance());
    let (lighter, darker) = if a >= b { (a, b) } else { (b, a) };
    (lighter + 0.05) / (darker + 0.05)
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
    /// Background of every match of the Reader's find bar: a green apart from the yellows of
    /// the selection.
    pub find_match_fill: Rgba,
    /// Background of the find bar's current match: orange, apart from the other matches (it
    /// is outlined too, so it does not rely on colour alone).
    pub find_current_fill: Rgba,
    /// Background of a study note's highlight labelled "claim" (pink).
    pub claim_fill: Rgba,
    /// Background of a highlight labelled "evidence" (teal).
    pub evidence_fill: Rgba,
    /// Background of a highlight labelled "question" (lavender).
    pub question_fill: Rgba,
    /// Background of a highlight labelled "definition" (lime).
    pub definition_fill: Rgba,
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
    /// Every other row of a striped table and the fill of a card or code block: a shade off
    /// the background, darker on a projector, which washes pale greys out.
    pub faint_fill: Rgba,
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
    /// The tokens text is written in, by name: body text, muted text, notes, links and
    /// citations (the accent), warnings and errors.
    #[must_use]
    pub fn text_tokens(&self) -> [(&'static str, Rgba); 6] {
        [
            ("text", self.text),
            ("muted_text", self.muted_text),
            ("note_text", self.note_text),
            ("accent", self.accent),
            ("warning", self.warning),
            ("error", self.error),
        ]
    }

    /// The fills text can stand on, by name: the page, a citation chip, a highlighted, selected
    /// or hovered passage, an editorial note, a match of the find bar and its current one, and
    /// the four highlights of study notes.
    #[must_use]
    pub fn text_backgrounds(&self) -> [(&'static str, Rgba); 12] {
        [
            ("background", self.background),
            ("chip_fill", self.chip_fill),
            ("highlight_fill", self.highlight_fill),
            ("selected_fill", self.selected_fill),
            ("hover_fill", self.hover_fill),
            ("note_fill", self.note_fill),
            ("find_match_fill", self.find_match_fill),
            ("find_current_fill", self.find_current_fill),
            ("claim_fill", self.claim_fill),
            ("evidence_fill", self.evidence_fill),
            ("question_fill", self.question_fill),
            ("definition_fill", self.definition_fill),
        ]
    }

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
    /// Every palette.
    pub const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::Projector];

    /// The contrast every text colour must have against every background it can stand on:
    /// WCAG 2.2 AA (4.5:1) at a desk, AAA (7:1) for a room, where a projector washes colours out.
    #[must_use]
    pub const fn minimum_text_contrast(self) -> f64 {
        match self {
            Self::Light | Self::Dark => 4.5,
            Self::Projector => 7.0,
        }
    }

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
    selected_fill: Rgba::rgb(0xff, 0xe0, 0x8a),
    hover_fill: Rgba::rgb(0xe8, 0xf0, 0xff),
    find_match_fill: Rgba::rgb(0xc6, 0xf4, 0xd0),
    find_current_fill: Rgba::rgb(0xff, 0xd9, 0xb3),
    claim_fill: Rgba::rgb(0xfb, 0xd3, 0xe3),
    evidence_fill: Rgba::rgb(0xc4, 0xeb, 0xe6),
    question_fill: Rgba::rgb(0xe2, 0xd9, 0xfb),
    definition_fill: Rgba::rgb(0xe6, 0xf0, 0xc2),
    text: Rgba::rgb(0x20, 0x21, 0x24),
    muted_text: Rgba::rgb(0x55, 0x58, 0x5d),
    note_text: Rgba::rgb(0x6a, 0x3d, 0x00),
    note_fill: Rgba::rgb(0xfd, 0xf3, 0xe1),
    warning: Rgba::rgb(0x8a, 0x53, 0x00),
    error: Rgba::rgb(0xb3, 0x14, 0x1f),
    series: Rgba::rgb(0x1f, 0x5f, 0xbf),
    annotation_fill: Rgba::rgb(0x9e, 0x9e, 0x9e).with_alpha(0x30),
    grid: Rgba::rgb(0xe3, 0xe5, 0xe8),
    background: Rgba::rgb(0xff, 0xff, 0xff),
    faint_fill: Rgba::rgb(0xf4, 0xf5, 0xf7),
};

const DARK: Colours = Colours {
    accent: Rgba::rgb(0x8a, 0xb4, 0xf8),
    chip_fill: Rgba::rgb(0x22, 0x33, 0x4d),
    highlight_fill: Rgba::rgb(0x3d, 0x35, 0x14),
    selected_fill: Rgba::rgb(0x4d, 0x3c, 0x06),
    hover_fill: Rgba::rgb(0x26, 0x30, 0x40),
    find_match_fill: Rgba::rgb(0x1e, 0x3a, 0x26),
    find_current_fill: Rgba::rgb(0x63, 0x30, 0x20),
    claim_fill: Rgba::rgb(0x4a, 0x24, 0x33),
    evidence_fill: Rgba::rgb(0x1a, 0x38, 0x35),
    question_fill: Rgba::rgb(0x35, 0x2c, 0x55),
    definition_fill: Rgba::rgb(0x33, 0x39, 0x1c),
    text: Rgba::rgb(0xe8, 0xea, 0xed),
    muted_text: Rgba::rgb(0xb4, 0xb8, 0xbe),
    note_text: Rgba::rgb(0xf2, 0xc9, 0x8a),
    note_fill: Rgba::rgb(0x3a, 0x2e, 0x1c),
    warning: Rgba::rgb(0xf2, 0xb1, 0x4c),
    error: Rgba::rgb(0xff, 0x8a, 0x8a),
    series: Rgba::rgb(0x8a, 0xb4, 0xf8),
    annotation_fill: Rgba::rgb(0xc8, 0xc8, 0xc8).with_alpha(0x28),
    grid: Rgba::rgb(0x3c, 0x40, 0x43),
    background: Rgba::rgb(0x1b, 0x1b, 0x1b),
    faint_fill: Rgba::rgb(0x24, 0x25, 0x27),
};

const PROJECTOR: Colours = Colours {
    accent: Rgba::rgb(0x00, 0x35, 0x8f),
    chip_fill: Rgba::rgb(0xd6, 0xe4, 0xff),
    highlight_fill: Rgba::rgb(0xff, 0xe6, 0x80),
    selected_fill: Rgba::rgb(0xff, 0xd7, 0x5e),
    hover_fill: Rgba::rgb(0xdc, 0xe8, 0xff),
    find_match_fill: Rgba::rgb(0xc6, 0xf4, 0xd0),
    find_current_fill: Rgba::rgb(0xff, 0xd8, 0xb0),
    claim_fill: Rgba::rgb(0xfc, 0xd9, 0xe7),
    evidence_fill: Rgba::rgb(0xcd, 0xee, 0xe9),
    question_fill: Rgba::rgb(0xe4, 0xdc, 0xfb),
    definition_fill: Rgba::rgb(0xe9, 0xf2, 0xc8),
    text: Rgba::rgb(0x00, 0x00, 0x00),
    muted_text: Rgba::rgb(0x30, 0x30, 0x30),
    note_text: Rgba::rgb(0x5a, 0x30, 0x00),
    note_fill: Rgba::rgb(0xfd, 0xee, 0xd2),
    warning: Rgba::rgb(0x60, 0x34, 0x00),
    error: Rgba::rgb(0x8a, 0x00, 0x0e),
    series: Rgba::rgb(0x00, 0x35, 0x8f),
    annotation_fill: Rgba::rgb(0x60, 0x60, 0x60).with_alpha(0x30),
    grid: Rgba::rgb(0xc8, 0xc8, 0xc8),
    background: Rgba::rgb(0xff, 0xff, 0xff),
    faint_fill: Rgba::rgb(0xe6, 0xe8, 0xeb),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratio_matches_the_wcag_reference_values() {
        let white = Rgba::rgb(255, 255, 255);
        let black = Rgba::rgb(0, 0, 0);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the lightest grey that passes AA: 4.54:1.
        let grey = Rgba::rgb(0x76, 0x76, 0x76);
        assert!((contrast_ratio(grey, white) - 4.54).abs() < 0.01);
        assert!((contrast_ratio(grey, white) - contrast_ratio(white, grey)).abs() < 1e-12);
        // Half-transparent black over white is mid grey.
        assert_eq!(black.with_alpha(128).over(white), Rgba::rgb(127, 127, 127));
    }

    #[test]
    fn every_text_token_is_readable_on_every_fill_it_can_stand_on() {
        let mut failures = Vec::new();
        for palette in Palette::ALL {
            let colours = palette.colours();
            let minimum = palette.minimum_text_contrast();
            for (text_name, text) in colours.text_tokens() {
                for (fill_name, fill) in colours.text_backgrounds() {
                    let ratio = contrast_ratio(text, fill.over(colours.background));
                    if ratio < minimum {
                        failures.push(format!(
                            "{palette:?}: {text_name} on {fill_name} is {ratio:.2}:1, below {minimum}:1"
                        ));
                    }
                }
            }
            assert!(colours.annotation_fill.opacity() < 0.5, "{palette:?}");
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn find_matches_stand_apart_from_the_page_the_selection_and_each_other() {
        // Readability on them is checked with every other fill above; here, that they show.
        let hue_apart = |a: Rgba, b: Rgba| {
            [
                a.red.abs_diff(b.red),
                a.green.abs_diff(b.green),
                a.blue.abs_diff(b.blue),
            ]
            .into_iter()
            .max()
            .unwrap_or(0)
        };
        for palette in Palette::ALL {
            let colours = palette.colours();
            for fill in [colours.find_match_fill, colours.find_current_fill] {
                assert!(
                    contrast_ratio(fill, colours.background) > 1.2,
                    "{palette:?}"
                );
                for other in [colours.highlight_fill, colours.selected_fill] {
                    assert!(
                        hue_apart(fill, other) >= 24,
                        "{palette:?} {fill:?} {other:?}"
                    );
                }
            }
            let apart = hue_apart(colours.find_match_fill, colours.find_current_fill);
            assert!(apart >= 40, "{palette:?}: {apart}");
        }
    }
}

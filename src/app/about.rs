//! Help → About: paperlens's name, version and licence, and the licences of what it bundles: the
//! fonts the window and the chart exports draw with (egui's default fonts and a subset of
//! DejaVu Sans) and the citation
//! styles (CSL files bundled with hayagriva), each licence as its source states it.

use eframe::egui::{self, RichText, Ui};

use super::context::ViewCtx;
use crate::formats::styles::CitationStyle;

/// The program's name, from Cargo.
pub const NAME: &str = env!("CARGO_PKG_NAME");

/// The program's version, from Cargo.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// paperlens's own licence, from Cargo.
pub const LICENCE: &str = env!("CARGO_PKG_LICENSE");

/// A bundled font: the name egui installs it under, what it is, and its licence as the font's
/// licence file (`epaint_default_fonts/fonts/*.txt`) states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FontLicence {
    /// The name in `egui::FontDefinitions` (`"Hack"`).
    pub font: &'static str,
    /// What the font is and where it is used.
    pub about: &'static str,
    /// Its licence.
    pub licence: &'static str,
}

/// The fonts the window installs (every one `Theme::font_definitions` has; a unit test checks
/// that none is missing here).
pub const FONTS: [FontLicence; 4] = [
    FontLicence {
        font: "Ubuntu-Light",
        about: "Ubuntu Light: the window's text and the chart exports",
        licence: "Ubuntu Font Licence 1.0",
    },
    FontLicence {
        font: "Hack",
        about: "Hack: monospace text, and symbols the text font lacks",
        licence: "MIT License (Source Foundry Authors), from Bitstream Vera (Bitstream Vera \
                  License) and DejaVu (public domain)",
    },
    FontLicence {
        font: super::theme::SYMBOLS_FONT,
        about: "DejaVu Sans Symbols: raised and lowered letters, Greek variants, mathematical \
                operators and arrows, ticks and crosses the other fonts lack (a subset of DejaVu \
                Sans 2.37)",
        licence: "Bitstream Vera License (Bitstream, Inc.); DejaVu changes in the public domain",
    },
    FontLicence {
        font: "egui-icons",
        about: "egui icons: a few symbols, a subset of emoji-icon-font",
        licence: "MIT License (John Slegers)",
    },
];

/// The About window.
#[derive(Debug, Default)]
pub struct AboutWindow {
    /// Whether it is shown.
    pub open: bool,
}

impl AboutWindow {
    /// Draws the window when open; its × and Close button close it (Esc does, through
    /// `UiCommand::CloseOverlay`).
    pub fn ui(&mut self, ctx: &ViewCtx<'_>, ui: &Ui) {
        if !self.open {
            return;
        }
        let theme = ctx.theme;
        let screen = ui.ctx().content_rect();
        let mut open = true;
        let mut close = false;
        egui::Window::new("About paperlens")
            .id(egui::Id::unique("about-window"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_size([
                (theme.reading_width * 0.8).min(screen.width() * 0.9),
                screen.height() * 0.7,
            ])
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ui.ctx(), |ui| {
                ui.label(
                    RichText::new(format!("{NAME} {VERSION}"))
                        .size(theme.heading_size)
                        .strong(),
                );
                ui.add(
                    egui::Label::new(
                        "A desktop explorer for research papers: their text, citations, \
                         tables, cases and numbers as linked panels. It works offline.",
                    )
                    .wrap(),
                );
                ui.label(format!("Licence: {}", licence_words(LICENCE)));
                ui.add_space(theme.gap);
                egui::ScrollArea::vertical()
                    .max_height(screen.height() * 0.5)
                    .auto_shrink([false, true])
                    .show(ui, |ui| bundled_ui(ctx, ui));
                ui.separator();
                close = ui.button("Close").clicked();
            });
        if !open || close {
            self.open = false;
        }
    }
}

/// What paperlens bundles, with each licence.
fn bundled_ui(ctx: &ViewCtx<'_>, ui: &mut Ui) {
    let theme = ctx.theme;
    ui.label(RichText::new("Fonts").strong());
    for font in FONTS {
        ui.add(egui::Label::new(font.about).wrap());
        ui.add(egui::Label::new(RichText::new(font.licence).color(theme.muted_text)).wrap());
    }
    ui.add_space(theme.gap);
    ui.label(RichText::new("Citation styles").strong());
    ui.add(
        egui::Label::new(
            "The Citation Style Language project's styles and locales, bundled with hayagriva \
             (MIT or Apache-2.0, with paperlens's fixes). Each style states its licence:",
        )
        .wrap(),
    );
    for (licence, styles) in style_licences() {
        ui.add(egui::Label::new(RichText::new(styles.join(", ")).strong()).wrap());
        ui.add(egui::Label::new(RichText::new(licence).color(theme.muted_text)).wrap());
    }
    ui.add(
        egui::Label::new(
            RichText::new(
                "The CSL locales are under the same Creative Commons Attribution-ShareAlike 3.0 \
                 licence (hayagriva's NOTICE).",
            )
            .color(theme.muted_text),
        )
        .wrap(),
    );
    ui.add_space(theme.gap);
    ui.label(RichText::new("Built with").strong());
    ui.add(
        egui::Label::new(
            "egui and eframe (MIT or Apache-2.0), and other Rust crates, each under its own licence.",
        )
        .wrap(),
    );
}

/// The licences the bundled styles state, each with the styles (by label) that state it.
#[must_use]
pub fn style_licences() -> Vec<(String, Vec<&'static str>)> {
    let mut licences: Vec<(String, Vec<&'static str>)> = Vec::new();
    for style in CitationStyle::ALL {
        let licence = style.licence().map_or_else(
            || "Its file states no licence".to_owned(),
            |(words, address)| match address {
                Some(address) => format!("{words} ({address})"),
                None => words,
            },
        );
        match licences.iter_mut().find(|(known, _)| *known == licence) {
            Some((_, styles)) => styles.push(style.label()),
            None => licences.push((licence, vec![style.label()])),
        }
    }
    licences
}

/// A licence expression in words: `MIT OR Apache-2.0` → `MIT or Apache-2.0`.
#[must_use]
pub fn licence_words(expression: &str) -> String {
    expression.replace(" OR ", " or ").replace(" AND ", " and ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_font_egui_installs_has_its_licence_listed() {
        let installed = super::super::theme::Theme::font_definitions();
        for name in installed.font_data.keys() {
            assert!(
                FONTS.iter().any(|font| font.font == name.as_str()),
                "{name} has no licence in FONTS"
            );
        }
        for font in FONTS {
            assert!(installed.font_data.contains_key(font.font), "{}", font.font);
        }
    }

    #[test]
    fn the_licence_reads_as_words() {
        assert_eq!(licence_words("MIT OR Apache-2.0"), "MIT or Apache-2.0");
    }
}

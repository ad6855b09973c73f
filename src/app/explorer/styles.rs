//! The window's citation style at work: the remembered choice resolved at start (a loaded file
//! that is gone is said so, and APA used), a style chosen in the picker, a `.csl` file loaded
//! through File → Load citation style…, and copies of formatted text as HTML and plain text.

use std::path::Path;

use eframe::egui;

use super::Explorer;
use crate::app::context::{CitationSettings, Command};
use crate::app::state::CitationDisplay;
use crate::app::style_choice::{ActiveStyle, StyleChoice, StyleEntry, StyleLibrary};

/// The citation style's runtime side: the styles read, the one in use, the clipboard.
#[derive(Default)]
pub struct StyleRuntime {
    library: StyleLibrary,
    /// The style in use, resolved.
    active: ActiveStyle,
    /// The locale setting it was resolved with (`None`: the style's own).
    resolved_locale: Option<String>,
    /// The picker's entries for the loaded files.
    loaded_entries: Vec<StyleEntry>,
    /// Whether copies go to the system clipboard as HTML and text (the window), or through
    /// egui as plain text only (tests, screenshots).
    system_clipboard: bool,
    /// The system clipboard, opened at the first copy and kept open: on X11 the copied text
    /// lives as long as it does.
    clipboard: Option<arboard::Clipboard>,
    /// The last formatted copy asked for: its HTML and its plain text.
    last_copy: Option<(String, String)>,
}

impl std::fmt::Debug for StyleRuntime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StyleRuntime")
            .field("active", &self.active.choice)
            .field("loaded", &self.loaded_entries.len())
            .finish_non_exhaustive()
    }
}

impl StyleRuntime {
    /// The style in use.
    #[must_use]
    pub fn active(&self) -> &ActiveStyle {
        &self.active
    }

    /// What views format citations with this frame: the style, the loaded files, how the
    /// Reader shows citations (`display`) and how the Bibliography view lists references
    /// (`list_display`).
    #[must_use]
    pub fn settings(
        &self,
        display: CitationDisplay,
        list_display: CitationDisplay,
    ) -> CitationSettings<'_> {
        CitationSettings {
            style: self.active.clone(),
            loaded_styles: &self.loaded_entries,
            display,
            list_display,
        }
    }

    /// The picker's entries for the loaded `.csl` files.
    #[must_use]
    pub fn loaded_entries(&self) -> &[StyleEntry] {
        &self.loaded_entries
    }
}

impl Explorer {
    /// Resolves the remembered style and reads the remembered `.csl` files; a file that is
    /// gone or no longer a style is said so (and forgotten), and APA used in its place.
    pub(super) fn start_styles(&mut self, system_clipboard: bool) {
        self.styles.system_clipboard = system_clipboard;
        let mut kept = Vec::new();
        for path in std::mem::take(&mut self.state.loaded_styles) {
            match self.styles.library.load(&path) {
                Ok(_) => kept.push(path),
                Err(why) if self.state.citation_style != StyleChoice::File(path.clone()) => {
                    self.notices.push(format!(
                        "The citation style file {} is no longer listed: {why}.",
                        path.display()
                    ));
                }
                // The style in use says so below.
                Err(_) => {}
            }
        }
        self.state.loaded_styles = kept;
        self.refresh_loaded_entries();
        let choice = self.state.citation_style.clone();
        let locale = self.state.citation_locale.clone();
        self.styles.resolved_locale.clone_from(&locale);
        match self.styles.library.resolve(&choice, locale.as_deref()) {
            Ok(active) => self.styles.active = active,
            Err(why) => {
                let what = match &choice {
                    StyleChoice::File(path) => {
                        format!("The citation style file {}", path.display())
                    }
                    StyleChoice::Bundled(name) => format!("The citation style \"{name}\""),
                    StyleChoice::Common(style) => style.label().to_owned(),
                };
                self.notices.push(format!(
                    "{what} could not be used ({why}); citations are in APA 7th instead. Choose \
                     another style in View → Citation style, or load the file again."
                ));
                self.state.citation_style = StyleChoice::default();
                self.styles.active = ActiveStyle::default();
            }
        }
    }

    /// The style in use, resolved.
    #[must_use]
    pub fn citation_style(&self) -> &ActiveStyle {
        &self.styles.active
    }

    /// The style runtime: the style in use, the loaded files.
    #[must_use]
    pub fn styles(&self) -> &StyleRuntime {
        &self.styles
    }

    /// The last formatted copy asked for, as HTML and as plain text.
    #[must_use]
    pub fn last_copy(&self) -> Option<&(String, String)> {
        self.styles.last_copy.as_ref()
    }

    /// Applies a command about the citation style or the clipboard.
    pub(super) fn apply_style_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::SetCitationStyle(choice) => self.set_citation_style(choice),
            Command::LoadStyleDialog => self.load_style_dialog(ctx),
            Command::LoadStyle(path) => self.load_style(&path),
            Command::CopyText(text) => {
                ctx.copy_text(text);
                self.notices.push("Copied to the clipboard.".to_owned());
            }
            Command::CopyRich { html, text } => self.copy_rich(ctx, html, text),
            Command::SetCitationLocale(locale) => {
                self.state.citation_locale = locale;
                self.sync_citation_style();
            }
            _ => {}
        }
    }

    /// Makes `choice` the citation style; one that cannot be used is said so and nothing
    /// changes.
    pub(super) fn set_citation_style(&mut self, choice: StyleChoice) {
        self.state.citation_style = choice;
        self.sync_citation_style();
    }

    /// Resolves the style the settings name when it is not the one in use (chosen this frame,
    /// or set directly); one that cannot be used is said so, and the one in use stays.
    pub(super) fn sync_citation_style(&mut self) {
        if self.state.citation_style == self.styles.active.choice
            && self.state.citation_locale == self.styles.resolved_locale
        {
            return;
        }
        let choice = self.state.citation_style.clone();
        let locale = self.state.citation_locale.clone();
        match self.styles.library.resolve(&choice, locale.as_deref()) {
            Ok(active) => {
                self.styles.active = active;
                self.styles.resolved_locale = locale;
            }
            Err(why) => {
                self.notices
                    .push(format!("Could not use that citation style: {why}."));
                self.state.citation_style = self.styles.active.choice.clone();
                self.state
                    .citation_locale
                    .clone_from(&self.styles.resolved_locale);
            }
        }
    }

    /// Reads the `.csl` file at `path` and makes it the citation style, remembered; a file that
    /// is not an independent CSL style is said so in plain words and nothing changes.
    pub fn load_style(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        match self.styles.library.reload(&path) {
            Ok(loaded) => {
                if !self.state.loaded_styles.contains(&path) {
                    self.state.loaded_styles.push(path.clone());
                }
                self.refresh_loaded_entries();
                // A file read anew is formatted anew.
                self.citation_cache.clear();
                self.set_citation_style(StyleChoice::File(path));
                self.notices.push(format!(
                    "Citations are now in {} ({}), from {}.",
                    self.styles.active.label,
                    self.styles.active.locale,
                    loaded.path.display()
                ));
            }
            Err(why) => self.notices.push(format!("{why}.")),
        }
    }

    fn refresh_loaded_entries(&mut self) {
        self.styles.loaded_entries = self.styles.library.loaded_entries();
    }

    /// Puts `html` and `text` on the clipboard: both on the system clipboard when the window
    /// has one (a word processor keeps the italics), else `text` through egui.
    pub(super) fn copy_rich(&mut self, ctx: &egui::Context, html: String, text: String) {
        let copied_html = self.styles.system_clipboard && {
            if self.styles.clipboard.is_none() {
                self.styles.clipboard = arboard::Clipboard::new().ok();
            }
            self.styles.clipboard.as_mut().is_some_and(|clipboard| {
                clipboard
                    .set_html(html.as_str(), Some(text.as_str()))
                    .is_ok()
            })
        };
        if !copied_html {
            ctx.copy_text(text.clone());
        }
        self.styles.last_copy = Some((html, text));
        self.notices.push("Copied to the clipboard.".to_owned());
    }
}

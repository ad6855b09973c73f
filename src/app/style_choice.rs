//! The window's citation style: what the settings remember ([`StyleChoice`]: one of the five
//! common styles, any of hayagriva's bundled styles by name, or a `.csl` file the user loaded),
//! and that choice made ready to format with ([`ActiveStyle`]: its name, title, locale and,
//! for a style that is not one of the five, the CSL style itself).
//!
//! The five are formatted as they always were (`formats::styles::format_citations_of_all`);
//! any other style formats the whole list in context (`formats::styles::forms_in_context`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::formats::styles::{
    AnyStyle, CitationStyle, InTextKind, bundled_locale, bundled_style, style_from_csl,
};

/// The largest `.csl` file read (the largest official styles are well under 200 kB).
const MAX_STYLE_BYTES: u64 = 4 * 1024 * 1024;

/// A citation style as the settings file remembers it.
///
/// Written as the five were always written (`"apa"`), so a settings file of an older version
/// reads the same; a bundled style as `{"bundled": "vancouver"}`, a file as `{"file": "…"}`.
/// A value this version cannot read (from a newer one) is APA.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StyleChoice {
    /// One of the five common styles.
    Common(CitationStyle),
    /// A style bundled with the renderer, by its name (`vancouver`).
    Bundled(String),
    /// A CSL file the user loaded, by its path.
    File(PathBuf),
}

impl Default for StyleChoice {
    fn default() -> Self {
        Self::Common(CitationStyle::default())
    }
}

/// How a [`StyleChoice`] is written in the settings file.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum ChoiceRepr {
    Common(CitationStyle),
    Bundled { bundled: String },
    File { file: PathBuf },
    Unknown(serde_json::Value),
}

impl Serialize for StyleChoice {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Common(style) => ChoiceRepr::Common(*style),
            Self::Bundled(name) => ChoiceRepr::Bundled {
                bundled: name.clone(),
            },
            Self::File(path) => ChoiceRepr::File { file: path.clone() },
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for StyleChoice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match ChoiceRepr::deserialize(deserializer)? {
            ChoiceRepr::Common(style) => Self::Common(style),
            ChoiceRepr::Bundled { bundled } => Self::bundled(&bundled),
            ChoiceRepr::File { file } => Self::File(file),
            ChoiceRepr::Unknown(_) => Self::default(),
        })
    }
}

impl StyleChoice {
    /// The bundled style `name`: one of the five when it is one of them (`apa`,
    /// `american-psychological-association`), else the bundled style by that name.
    #[must_use]
    pub fn bundled(name: &str) -> Self {
        CitationStyle::ALL
            .into_iter()
            .find(|style| style.csl_name() == name || short_name(*style) == name)
            .map_or_else(|| Self::Bundled(name.to_owned()), Self::Common)
    }
}

/// The short bundled name of one of the five (`apa`, `ieee`, `mla` …).
fn short_name(style: CitationStyle) -> &'static str {
    match style {
        CitationStyle::Apa => "apa",
        CitationStyle::Ieee => "ieee",
        CitationStyle::ChicagoAuthorDate => "chicago-author-date",
        CitationStyle::Harvard => "harvard-cite-them-right",
        CitationStyle::Mla => "mla",
    }
}

/// The title a bundled style's CSL `info` gives (`APA Style 7th edition`); the name itself
/// when it is not bundled.
#[must_use]
pub fn bundled_title(name: &str) -> String {
    hayagriva::archive::ArchivedStyle::by_name(name)
        .map_or_else(|| name.to_owned(), |style| style.display_name().to_owned())
}

/// A style the picker lists: what choosing it remembers, its name and its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleEntry {
    /// What choosing it remembers.
    pub choice: StyleChoice,
    /// Its short name (`APA 7th`, `vancouver`, `my-style.csl`).
    pub name: String,
    /// Its title from its CSL `info` (`Vancouver`).
    pub title: String,
    /// Every name it answers to besides, for the search (`nlm-citation-sequence vancouver`).
    pub also: String,
}

/// The five common styles, in menu order.
#[must_use]
pub fn common_entries() -> Vec<StyleEntry> {
    CitationStyle::ALL
        .into_iter()
        .map(|style| StyleEntry {
            choice: StyleChoice::Common(style),
            name: style.label().to_owned(),
            title: bundled_title(style.csl_name()),
            also: format!("{} {}", style.csl_name(), short_name(style)),
        })
        .collect()
}

/// Every bundled style that is not one of the five, by its first name, in order of title.
#[must_use]
pub fn bundled_entries() -> Vec<StyleEntry> {
    let mut entries: Vec<StyleEntry> = hayagriva::archive::ArchivedStyle::all()
        .iter()
        .filter_map(|style| {
            let name = *style.names().first()?;
            match StyleChoice::bundled(name) {
                StyleChoice::Common(_) => None,
                choice => Some(StyleEntry {
                    choice,
                    name: name.to_owned(),
                    title: style.display_name().to_owned(),
                    also: style.names().join(" "),
                }),
            }
        })
        .collect();
    entries.sort_by_key(|entry| entry.title.to_lowercase());
    entries
}

/// A `.csl` file the user loaded, read.
#[derive(Clone, Debug)]
pub struct LoadedStyle {
    /// The file.
    pub path: PathBuf,
    /// The style it holds.
    pub style: Arc<AnyStyle>,
}

impl LoadedStyle {
    /// Reads the independent CSL style in `path`. A file that cannot be read, is too large,
    /// is not CSL or is a dependent style gets a sentence saying so.
    ///
    /// # Errors
    /// The message for the user.
    pub fn read(path: &Path) -> Result<Self, String> {
        let name = path.display().to_string();
        let size = std::fs::metadata(path)
            .map_err(|error| format!("could not read the citation style {name}: {error}"))?
            .len();
        if size > MAX_STYLE_BYTES {
            return Err(format!(
                "{name} is {size} bytes, too large for a CSL style (at most {MAX_STYLE_BYTES}); \
                 choose the style's .csl file"
            ));
        }
        let bytes = std::fs::read(path)
            .map_err(|error| format!("could not read the citation style {name}: {error}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("{name} is not a CSL style: it is not UTF-8 text"))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let style = style_from_csl(text, &name)?;
        Ok(Self {
            path: path.to_path_buf(),
            style: Arc::new(style),
        })
    }

    /// Its picker entry: its file name, and its title.
    #[must_use]
    pub fn entry(&self) -> StyleEntry {
        StyleEntry {
            choice: StyleChoice::File(self.path.clone()),
            name: self.path.file_name().map_or_else(
                || self.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            title: self.style.csl.info.title.value.clone(),
            also: self.path.display().to_string(),
        }
    }
}

/// The style the window formats with: a [`StyleChoice`] resolved.
#[derive(Clone, Debug)]
pub struct ActiveStyle {
    /// What was chosen.
    pub choice: StyleChoice,
    /// Its name in menus and copy buttons (`APA 7th`, `Vancouver`).
    pub label: String,
    /// The locale formatted in (`en-GB`).
    pub locale: String,
    /// The locale the style asks for itself.
    pub own_locale: String,
    /// The style, when it is not one of the five (they are formatted as they always were).
    pub csl: Option<Arc<AnyStyle>>,
    in_text: InTextKind,
}

impl Default for ActiveStyle {
    fn default() -> Self {
        Self::common(CitationStyle::default())
    }
}

/// What a cache of formatted citations is keyed by: the choice and the locale.
pub type StyleKey = (StyleChoice, String);

impl ActiveStyle {
    /// One of the five.
    #[must_use]
    pub fn common(style: CitationStyle) -> Self {
        Self {
            choice: StyleChoice::Common(style),
            label: style.label().to_owned(),
            locale: style.locale().to_owned(),
            own_locale: style.locale().to_owned(),
            csl: None,
            in_text: match style {
                CitationStyle::Ieee => InTextKind::Numeric,
                CitationStyle::Mla => InTextKind::Author,
                CitationStyle::Apa | CitationStyle::ChicagoAuthorDate | CitationStyle::Harvard => {
                    InTextKind::AuthorDate
                }
            },
        }
    }

    /// A style read from CSL, chosen as `choice`, in `locale` (else its own default locale).
    #[must_use]
    pub fn of_csl(choice: StyleChoice, style: Arc<AnyStyle>, locale: Option<&str>) -> Self {
        let title = style.csl.info.title.value.trim();
        // The window's fonts draw Latin, Greek and Cyrillic; a title in another script (the
        // Chinese national standard's) is named by its short name instead.
        let drawable = title.chars().all(|c| u32::from(c) < 0x2E80);
        let label = if title.is_empty() || !drawable {
            style.name.clone()
        } else {
            title.to_owned()
        };
        Self {
            choice,
            label,
            locale: locale.map_or_else(|| style.default_locale(), str::to_owned),
            own_locale: style.default_locale(),
            in_text: InTextKind::of(&style),
            csl: Some(style),
        }
    }

    /// The common style it is, when it is one of the five.
    #[must_use]
    pub fn common_style(&self) -> Option<CitationStyle> {
        match self.choice {
            StyleChoice::Common(style) => Some(style),
            StyleChoice::Bundled(_) | StyleChoice::File(_) => None,
        }
    }

    /// What caches of formatted citations are keyed by.
    #[must_use]
    pub fn key(&self) -> StyleKey {
        (self.choice.clone(), self.locale.clone())
    }

    /// Whether in-text citations are numbers or labels (`[1]`), not authors and years.
    #[must_use]
    pub fn is_numeric(&self) -> bool {
        matches!(self.in_text, InTextKind::Numeric | InTextKind::Note)
    }

    /// Whether in-text citations name the author without a year (MLA): a sentence that names
    /// the author has no year to add.
    #[must_use]
    pub fn names_no_year(&self) -> bool {
        self.in_text == InTextKind::Author
    }

    /// Its name with the locale in use: `Cite Them Right 12th edition - Harvard · en-GB`.
    #[must_use]
    pub fn label_with_locale(&self) -> String {
        format!("{} · {}", self.label, self.locale)
    }
}

/// The styles read so far: bundled ones decoded once, loaded files read once.
#[derive(Debug, Default)]
pub struct StyleLibrary {
    bundled: Vec<(String, Arc<AnyStyle>)>,
    /// The `.csl` files loaded, in the order they were loaded.
    pub loaded: Vec<LoadedStyle>,
}

impl StyleLibrary {
    /// `choice` ready to format with, in `locale` (else the style's own); a file not loaded
    /// yet is read now.
    ///
    /// # Errors
    /// Why the style cannot be used (an unknown bundled name, a file gone or not CSL).
    pub fn resolve(
        &mut self,
        choice: &StyleChoice,
        locale: Option<&str>,
    ) -> Result<ActiveStyle, String> {
        let style = match choice {
            StyleChoice::Common(style) => {
                let mut active = ActiveStyle::common(*style);
                // The five keep the locale they are written for: their output is fixed.
                style.locale().clone_into(&mut active.locale);
                return Ok(active);
            }
            StyleChoice::Bundled(name) => self.bundled_style(name)?,
            StyleChoice::File(path) => self.load(path)?.style,
        };
        let locale = locale.and_then(|code| bundled_locale(code).ok());
        Ok(ActiveStyle::of_csl(
            choice.clone(),
            style,
            locale.as_deref(),
        ))
    }

    fn bundled_style(&mut self, name: &str) -> Result<Arc<AnyStyle>, String> {
        if let Some((_, style)) = self.bundled.iter().find(|(known, _)| known == name) {
            return Ok(Arc::clone(style));
        }
        let style = Arc::new(bundled_style(name)?);
        self.bundled.push((name.to_owned(), Arc::clone(&style)));
        Ok(style)
    }

    /// The style in `path`, read once (read again when asked to load it anew).
    ///
    /// # Errors
    /// Why the file cannot be used.
    pub fn load(&mut self, path: &Path) -> Result<LoadedStyle, String> {
        if let Some(loaded) = self.loaded.iter().find(|loaded| loaded.path == path) {
            return Ok(loaded.clone());
        }
        let loaded = LoadedStyle::read(path)?;
        self.loaded.push(loaded.clone());
        Ok(loaded)
    }

    /// Reads `path` again (the user loaded it anew: it may have changed), replacing what was
    /// read before.
    ///
    /// # Errors
    /// Why the file cannot be used; what was read before stays.
    pub fn reload(&mut self, path: &Path) -> Result<LoadedStyle, String> {
        let loaded = LoadedStyle::read(path)?;
        self.loaded.retain(|known| known.path != path);
        self.loaded.push(loaded.clone());
        Ok(loaded)
    }

    /// The picker entries of the loaded files.
    #[must_use]
    pub fn loaded_entries(&self) -> Vec<StyleEntry> {
        self.loaded.iter().map(LoadedStyle::entry).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_of_older_versions_still_read() {
        for (written, style) in [
            ("\"apa\"", CitationStyle::Apa),
            ("\"ieee\"", CitationStyle::Ieee),
            ("\"chicago_author_date\"", CitationStyle::ChicagoAuthorDate),
            ("\"harvard\"", CitationStyle::Harvard),
            ("\"mla\"", CitationStyle::Mla),
        ] {
            let read: StyleChoice = serde_json::from_str(written).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(read, StyleChoice::Common(style));
            assert_eq!(serde_json::to_string(&read).ok().as_deref(), Some(written));
        }
    }

    #[test]
    fn bundled_styles_and_files_round_trip_and_the_unknown_is_apa() {
        for choice in [
            StyleChoice::Bundled("vancouver".to_owned()),
            StyleChoice::File(PathBuf::from("/styles/mine.csl")),
        ] {
            let written = serde_json::to_string(&choice).unwrap_or_default();
            let read: StyleChoice =
                serde_json::from_str(&written).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(read, choice, "{written}");
        }
        assert_eq!(
            serde_json::to_string(&StyleChoice::Bundled("nature".to_owned()))
                .ok()
                .as_deref(),
            Some(r#"{"bundled":"nature"}"#)
        );
        let newer: StyleChoice =
            serde_json::from_str(r#"{"zotero": 3}"#).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(newer, StyleChoice::default());
        // A bundled name of one of the five is that style.
        assert_eq!(
            StyleChoice::bundled("ieee"),
            StyleChoice::Common(CitationStyle::Ieee)
        );
        assert_eq!(
            serde_json::from_str::<StyleChoice>(
                r#"{"bundled":"american-psychological-association"}"#
            )
            .ok(),
            Some(StyleChoice::Common(CitationStyle::Apa))
        );
    }

    #[test]
    fn the_picker_lists_every_bundled_style_once_with_its_title() {
        let bundled = bundled_entries();
        assert!(bundled.len() > 60, "{}", bundled.len());
        assert!(
            bundled
                .iter()
                .all(|entry| !matches!(entry.choice, StyleChoice::Common(_)))
        );
        let vancouver = bundled
            .iter()
            .find(|entry| entry.choice == StyleChoice::Bundled("nlm-citation-sequence".to_owned()))
            .unwrap_or_else(|| panic!("{bundled:?}"));
        assert!(!vancouver.title.is_empty());
        let common = common_entries();
        assert_eq!(common.len(), 5);
        assert_eq!(
            common.first().map(|e| e.title.as_str()),
            Some("APA Style 7th edition")
        );
    }

    #[test]
    fn a_resolved_style_knows_its_locale_and_kind() {
        let mut library = StyleLibrary::default();
        let harvard = library
            .resolve(&StyleChoice::Common(CitationStyle::Harvard), None)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(harvard.label_with_locale(), "Harvard · en-GB");
        let vancouver = library
            .resolve(&StyleChoice::bundled("vancouver"), None)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(vancouver.is_numeric());
        assert_eq!(vancouver.locale, "en-US");
        let in_german = library
            .resolve(&StyleChoice::bundled("vancouver"), Some("de-de"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(in_german.locale, "de-DE");
        assert_ne!(in_german.key(), vancouver.key());
        let gone = library
            .resolve(&StyleChoice::File(PathBuf::from("/nowhere/gone.csl")), None)
            .err()
            .unwrap_or_default();
        assert!(gone.contains("/nowhere/gone.csl"), "{gone}");
    }
}

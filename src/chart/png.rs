//! The SVG chart rasterised to PNG with resvg, with fonts that work on any machine.
//!
//! usvg lays out text with the fonts in its database. The system fonts are loaded, and the
//! fonts embedded in paperlens (Ubuntu Light and Hack, from `epaint_default_fonts`) are always
//! added, so the PNG has its text on a machine with no fonts at all, offline. The generic
//! `sans-serif` family maps to a common system sans-serif family when one is installed, and
//! to the embedded Ubuntu otherwise. A glyph missing from the chosen font (e.g. "≈") is taken
//! from any font in the database that has it.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;
use resvg::{tiny_skia, usvg};

use super::error::ChartError;
use super::options::ChartOptions;
use super::svg::series_svg;
use crate::corpus::model::Series;

/// The smallest PNG scale factor.
pub(super) const MIN_SCALE: f32 = 0.25;
/// The largest PNG scale factor.
pub(super) const MAX_SCALE: f32 = 4.0;

/// Which fonts rasterising may use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FontChoice {
    /// The system's fonts, plus the embedded fallback fonts (the default).
    #[default]
    SystemAndEmbedded,
    /// Only the embedded fonts: the same pixels on every machine (used by tests).
    EmbeddedOnly,
}

/// A font database and the family `sans-serif` stands for in it.
struct Fonts {
    database: Arc<fontdb::Database>,
    sans_serif: String,
}

/// Family names tried, in order, for `sans-serif` among the system fonts.
const SYSTEM_SANS: [&str; 11] = [
    "Arial",
    "Helvetica",
    "Helvetica Neue",
    "DejaVu Sans",
    "Liberation Sans",
    "Noto Sans",
    "Open Sans",
    "Roboto",
    "Cantarell",
    "Segoe UI",
    "Verdana",
];

fn fonts(choice: FontChoice) -> &'static Fonts {
    static SYSTEM: OnceLock<Fonts> = OnceLock::new();
    static EMBEDDED: OnceLock<Fonts> = OnceLock::new();
    match choice {
        FontChoice::SystemAndEmbedded => SYSTEM.get_or_init(|| load_fonts(true)),
        FontChoice::EmbeddedOnly => EMBEDDED.get_or_init(|| load_fonts(false)),
    }
}

fn load_fonts(system: bool) -> Fonts {
    let mut database = fontdb::Database::new();
    if system {
        database.load_system_fonts();
    }
    let system_sans = SYSTEM_SANS
        .iter()
        .find(|name| has_family(&database, name))
        .map(|name| (*name).to_owned());
    let embedded = database.load_font_source(fontdb::Source::Binary(Arc::new(
        epaint_default_fonts::UBUNTU_LIGHT,
    )));
    database.load_font_source(fontdb::Source::Binary(Arc::new(
        epaint_default_fonts::HACK_REGULAR,
    )));
    let embedded_family = embedded
        .first()
        .and_then(|id| database.face(*id))
        .and_then(|face| face.families.first())
        .map_or_else(|| "Ubuntu".to_owned(), |(name, _)| name.clone());
    let sans_serif = system_sans.unwrap_or(embedded_family);
    database.set_sans_serif_family(sans_serif.clone());
    Fonts {
        database: Arc::new(database),
        sans_serif,
    }
}

fn has_family(database: &fontdb::Database, name: &str) -> bool {
    database
        .faces()
        .any(|face| face.families.iter().any(|(family, _)| family == name))
}

/// The family `sans-serif` is drawn with under `choice` (e.g. `"DejaVu Sans"`, or the
/// embedded `"Ubuntu"`).
#[must_use]
pub fn sans_serif_family(choice: FontChoice) -> &'static str {
    &fonts(choice).sans_serif
}

/// A side of the image in whole pixels, at least one.
fn pixels(length: f32) -> u32 {
    // Rounded and clamped to 1..=1e6 first (a chart side is at most 8000 × 4 pixels), so the
    // cast neither truncates nor loses a sign.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let pixels = length.round().clamp(1.0, 1e6) as u32;
    pixels
}

/// Rasterises SVG text to PNG bytes, `scale` times its own pixel size, on white.
///
/// # Errors
/// [`ChartError::InvalidScale`] unless `scale` is from 0.25 to 4; [`ChartError::Svg`] when the
/// SVG does not parse; [`ChartError::Png`] when the image cannot be made or encoded.
pub fn svg_to_png(svg: &str, scale: f32, fonts_to_use: FontChoice) -> Result<Vec<u8>, ChartError> {
    if !(scale.is_finite() && (MIN_SCALE..=MAX_SCALE).contains(&scale)) {
        return Err(ChartError::InvalidScale(scale));
    }
    let tree = usvg::Tree::from_str(svg, &usvg_options(fonts_to_use, None))
        .map_err(|e| ChartError::Svg(e.to_string()))?;
    let pixmap = on_white(&tree, scale).map_err(ChartError::Png)?;
    pixmap
        .encode_png()
        .map_err(|e| ChartError::Png(e.to_string()))
}

/// The most entity declarations an SVG drawing may make: drawing programs declare a few
/// (Illustrator names its namespaces so); many, or one built of others, is an expansion bomb.
const MAX_SVG_ENTITIES: usize = 64;

/// An SVG drawing (a figure's image, `data` as read from its file) rasterised on white to RGBA
/// pixels, its longer side `longest_side` pixels (or twice the drawing's own size, if that is
/// less): `(width, height, pixels)`. Its text is set in the system's or the embedded fonts, as a
/// chart's is; images it links to are looked for in `resources` (the paper's folder), never on
/// the web.
///
/// # Errors
/// In plain words: a drawing that declares entities built of entities (or very many), one that
/// does not parse (with the parser's words), or one of no size.
pub fn svg_drawing_pixels(
    data: &[u8],
    resources: Option<&std::path::Path>,
    longest_side: u32,
) -> Result<(u32, u32, Vec<u8>), String> {
    let text = String::from_utf8_lossy(data.get(..data.len().min(1 << 20)).unwrap_or(data));
    let declarations: Vec<&str> = text.split("<!ENTITY").skip(1).collect();
    if declarations.len() > MAX_SVG_ENTITIES
        || declarations
            .iter()
            .any(|d| d.split('>').next().is_some_and(|d| d.contains('&')))
    {
        return Err(
            "it declares entities built of other entities, which could grow without end".into(),
        );
    }
    let options = usvg_options(FontChoice::SystemAndEmbedded, resources);
    let tree = usvg::Tree::from_data(data, &options).map_err(|e| e.to_string())?;
    let size = tree.size();
    let longest = size.width().max(size.height());
    if !(longest.is_finite() && longest > 0.0) {
        return Err("it has no size".into());
    }
    // `longest_side` is a texture's side (a few thousand pixels), exact as an `f32`.
    #[allow(clippy::cast_precision_loss)]
    let scale = (longest_side as f32 / longest).min(2.0);
    let pixmap = on_white(&tree, scale)?;
    let (width, height) = (pixmap.width(), pixmap.height());
    // On an opaque white ground every pixel is opaque: premultiplied and plain RGBA agree.
    Ok((width, height, pixmap.take()))
}

/// How usvg reads an SVG: text in the fonts of `fonts_to_use`, `sans-serif` as
/// [`sans_serif_family`] says, images it links to looked for in `resources` (none without).
fn usvg_options(
    fonts_to_use: FontChoice,
    resources: Option<&std::path::Path>,
) -> usvg::Options<'static> {
    let fonts = fonts(fonts_to_use);
    usvg::Options {
        resources_dir: resources.map(std::path::Path::to_path_buf),
        fontdb: Arc::clone(&fonts.database),
        font_family: fonts.sans_serif.clone(),
        ..usvg::Options::default()
    }
}

/// `tree` drawn `scale` times its own size on white.
fn on_white(tree: &usvg::Tree, scale: f32) -> Result<tiny_skia::Pixmap, String> {
    let size = tree.size();
    let width = pixels(size.width() * scale);
    let height = pixels(size.height() * scale);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot make a {width}x{height} image"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// The chart of [`series_svg`] as PNG bytes: `size` pixels times `scale` (2.0 doubles both
/// sides), with the system fonts and the embedded fallback fonts.
///
/// # Errors
/// Those of [`series_svg`] and [`svg_to_png`].
pub fn series_png(
    series: &Series,
    options: &ChartOptions,
    size: (u32, u32),
    scale: f32,
) -> Result<Vec<u8>, ChartError> {
    series_png_with_fonts(series, options, size, scale, FontChoice::SystemAndEmbedded)
}

/// [`series_png`] with a choice of fonts.
///
/// # Errors
/// Those of [`series_svg`] and [`svg_to_png`].
pub fn series_png_with_fonts(
    series: &Series,
    options: &ChartOptions,
    size: (u32, u32),
    scale: f32,
    fonts_to_use: FontChoice,
) -> Result<Vec<u8>, ChartError> {
    if !(scale.is_finite() && (MIN_SCALE..=MAX_SCALE).contains(&scale)) {
        return Err(ChartError::InvalidScale(scale));
    }
    let svg = series_svg(series, options, size)?;
    svg_to_png(&svg, scale, fonts_to_use)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_fonts_give_a_sans_serif_family() {
        let fonts = fonts(FontChoice::EmbeddedOnly);
        assert!(!fonts.sans_serif.is_empty());
        assert!(has_family(&fonts.database, &fonts.sans_serif));
        assert!(fonts.database.len() >= 2);
    }

    #[test]
    fn bad_scales_are_refused() {
        for scale in [0.0, -1.0, f32::NAN, 10.0] {
            assert!(
                matches!(
                    svg_to_png("<svg/>", scale, FontChoice::EmbeddedOnly),
                    Err(ChartError::InvalidScale(_))
                ),
                "{scale}"
            );
        }
    }
}

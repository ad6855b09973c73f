//! Figure images for the Reader: a PNG, JPEG, TIFF, GIF, WebP or SVG file beside the corpus,
//! read once into an egui texture and kept while the corpus is open.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use eframe::egui;

/// The largest image file read, in bytes.
const MAX_IMAGE_BYTES: u64 = 32 * 1024 * 1024;

/// The longest side of an image as decoded; a larger image is refused.
const MAX_DECODED_SIDE: u32 = 16_384;

/// The longest side of a texture: larger images are scaled down to it.
const MAX_TEXTURE_SIDE: u32 = 2048;

/// The images read so far, by file: for a file that could not be read, why not (it is not
/// tried again while the corpus is open).
#[derive(Default)]
pub(crate) struct ImageCache {
    textures: HashMap<PathBuf, Result<egui::TextureHandle, Unreadable>>,
}

/// Why an image file could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unreadable {
    /// What is wrong and what to do, in plain words naming the file.
    pub reason: String,
    /// The image decoder's own words, when it refused the file.
    pub decoder_said: Option<String>,
}

impl Unreadable {
    fn because(reason: String) -> Self {
        Self {
            reason,
            decoder_said: None,
        }
    }
}

/// What a figure's card, slide and Inspector say of a figure the paper gives no image for.
pub(crate) const NOT_IN_THE_TEXT: &str = "Image not in the text";

/// What a figure's card or slide shows in place of an image it cannot show: a short line, and
/// the longer explanation of what to do, shown on hover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MissingImage {
    /// One line, such as "Image not in the text".
    pub line: String,
    /// What is wrong and what to do, when the figure names an image.
    pub help: Option<String>,
}

impl ImageCache {
    /// The texture of the image at `path`, read on first use; otherwise why it cannot be shown,
    /// in plain words (the file is missing, too large, damaged, or not an image paperlens reads).
    pub(crate) fn texture(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
    ) -> Result<&egui::TextureHandle, &Unreadable> {
        self.textures
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                let image = read_image(path)?;
                Ok(ctx.load_texture(
                    format!("figure:{}", path.display()),
                    image,
                    egui::TextureOptions::LINEAR,
                ))
            })
            .as_ref()
    }

    /// The image of a figure that names `image` (or none) in the corpus named `source_name`:
    /// its texture, or what to show in its place.
    pub(crate) fn figure_image(
        &mut self,
        ctx: &egui::Context,
        source_name: &str,
        image: Option<&str>,
    ) -> Result<egui::TextureHandle, MissingImage> {
        let Some(image) = image else {
            return Err(MissingImage {
                line: NOT_IN_THE_TEXT.to_owned(),
                help: None,
            });
        };
        let Some(path) = crate::open::figure_image_path(source_name, image) else {
            return Err(MissingImage {
                line: NOT_IN_THE_TEXT.to_owned(),
                help: Some(format!(
                    "The figure names the image {image}, which is not a file in the paper's \
                     folder; save it there as a PNG, JPEG, TIFF, GIF, WebP or SVG file and name \
                     it in the figure."
                )),
            });
        };
        self.texture(ctx, &path)
            .cloned()
            .map_err(|problem| MissingImage {
                line: format!("Image not shown: {}", problem.reason),
                help: Some(format!(
                    "{}Looked for at {}. paperlens shows PNG, JPEG, TIFF, GIF, WebP and SVG \
                     images of up to 32 MiB saved beside the paper.",
                    problem
                        .decoder_said
                        .as_ref()
                        .map_or_else(String::new, |said| format!("The decoder said: {said}. ")),
                    path.display()
                )),
            })
    }
}

/// Reads and decodes an image file (PNG, JPEG, TIFF, GIF or WebP, told by its content, a GIF's
/// first frame; SVG, told by its extension), scaled down to
/// [`MAX_TEXTURE_SIDE`]; otherwise why it cannot be, in plain words naming the file.
fn read_image(path: &Path) -> Result<egui::ColorImage, Unreadable> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let size = match std::fs::metadata(path) {
        Ok(metadata) => metadata.len(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(Unreadable::because(format!(
                "there is no file {name} beside the paper"
            )));
        }
        Err(error) => {
            return Err(Unreadable::because(format!(
                "{name} could not be read ({error})"
            )));
        }
    };
    if size > MAX_IMAGE_BYTES {
        return Err(Unreadable::because(format!(
            "{name} is {} MiB, more than the 32 MiB paperlens reads; save it smaller",
            size.div_ceil(1024 * 1024)
        )));
    }
    if is_svg(path) {
        return read_svg(path, &name);
    }
    let mut reader = image::ImageReader::open(path)
        .and_then(image::ImageReader::with_guessed_format)
        .map_err(|error| Unreadable::because(format!("{name} could not be read ({error})")))?;
    match reader.format() {
        Some(
            image::ImageFormat::Png
            | image::ImageFormat::Jpeg
            | image::ImageFormat::Tiff
            | image::ImageFormat::Gif
            | image::ImageFormat::WebP,
        ) => {}
        Some(format) => {
            let kind = format
                .extensions_str()
                .first()
                .map_or_else(|| format!("{format:?}"), |e| e.to_ascii_uppercase());
            return Err(Unreadable::because(format!(
                "{name} is a {kind} image, which paperlens does not read; save it as PNG, JPEG \
                 or TIFF"
            )));
        }
        None => {
            return Err(Unreadable::because(format!(
                "{name} is not a PNG, JPEG, TIFF, GIF, WebP or SVG image; save the figure as \
                 one of those"
            )));
        }
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    reader.limits(limits);
    let mut decoded = reader.decode().map_err(|error| match error {
        image::ImageError::Limits(_) => Unreadable::because(format!(
            "{name} is larger than paperlens decodes (16,384 pixels a side); save it smaller"
        )),
        image::ImageError::Unsupported(error) => Unreadable {
            reason: format!(
                "{name} is stored in a way paperlens does not decode (a compression or colour \
                 format it lacks); save it again as PNG or JPEG"
            ),
            decoder_said: Some(error.to_string()),
        },
        error => Unreadable {
            reason: format!(
                "{name} is damaged or not a whole image of its kind; save it again as PNG, JPEG \
                 or TIFF"
            ),
            decoder_said: Some(error.to_string()),
        },
    })?;
    if decoded.width() > MAX_TEXTURE_SIDE || decoded.height() > MAX_TEXTURE_SIDE {
        decoded = decoded.thumbnail(MAX_TEXTURE_SIDE, MAX_TEXTURE_SIDE);
    }
    let rgba = decoded.to_rgba8();
    let size = texture_size(&name, rgba.width(), rgba.height())?;
    Ok(egui::ColorImage::from_rgba_unmultiplied(
        size,
        rgba.as_raw(),
    ))
}

/// Whether `path` names an SVG drawing (`.svg`, or `.svgz` compressed).
fn is_svg(path: &Path) -> bool {
    path.extension().is_some_and(|extension| {
        extension.eq_ignore_ascii_case("svg") || extension.eq_ignore_ascii_case("svgz")
    })
}

/// Draws the SVG drawing at `path` (the file `name`) at [`MAX_TEXTURE_SIDE`] pixels on its
/// longer side (or twice its own size, if less); otherwise why it cannot be, in plain words.
fn read_svg(path: &Path, name: &str) -> Result<egui::ColorImage, Unreadable> {
    let data = std::fs::read(path)
        .map_err(|error| Unreadable::because(format!("{name} could not be read ({error})")))?;
    let (width, height, pixels) =
        crate::chart::svg_drawing_pixels(&data, path.parent(), MAX_TEXTURE_SIDE).map_err(
            |said| Unreadable {
                reason: format!(
                    "{name} is not an SVG drawing paperlens can draw; save it again as SVG, or \
                     as PNG"
                ),
                decoder_said: Some(said),
            },
        )?;
    let size = texture_size(name, width, height)?;
    Ok(egui::ColorImage::from_rgba_premultiplied(size, &pixels))
}

/// The size of a texture of `width` × `height` pixels, for the image file `name`.
fn texture_size(name: &str, width: u32, height: u32) -> Result<[usize; 2], Unreadable> {
    let too_large = || Unreadable::because(format!("{name} is too large to show"));
    Ok([
        usize::try_from(width).map_err(|_| too_large())?,
        usize::try_from(height).map_err(|_| too_large())?,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    #[test]
    fn a_png_beside_the_corpus_is_read_and_anything_else_is_not() {
        let image = read_image(&fixture("reader-figure.png"));
        assert_eq!(image.map(|i| i.size), Ok([48, 24]));
        let reason = |name: &str| read_image(&fixture(name)).err().map(|e| e.reason);
        assert_eq!(
            reason("reader.json").as_deref(),
            Some(
                "reader.json is not a PNG, JPEG, TIFF, GIF, WebP or SVG image; save the figure \
                 as one of those"
            )
        );
        assert_eq!(
            reason("no-such-image.png").as_deref(),
            Some("there is no file no-such-image.png beside the paper")
        );
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn an_svg_drawing_is_drawn_at_the_texture_s_size_and_a_broken_or_hostile_one_is_not() {
        let folder = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = folder.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        // A drawing of 400 × 200 units, drawn at twice its size (its longer side well under
        // the texture's), red where its rectangle is.
        let drawing = write(
            "fig1.svg",
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect x="0" y="0" width="200" height="200" fill="#ff0000"/><text x="250" y="100">A</text></svg>"##,
        );
        let image = read_image(&drawing).unwrap();
        assert_eq!(image.size, [800, 400]);
        assert_eq!(image.pixels[0], egui::Color32::from_rgb(255, 0, 0));
        assert_eq!(image.pixels[799], egui::Color32::WHITE);
        // A large one is drawn at the texture's side.
        let large = write(
            "fig2.SVG",
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 5000 1000"/>"#,
        );
        assert_eq!(read_image(&large).map(|i| i.size), Ok([2048, 410]));
        let broken = write(
            "fig3.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect",
        );
        let problem = read_image(&broken).unwrap_err();
        assert_eq!(
            problem.reason,
            "fig3.svg is not an SVG drawing paperlens can draw; save it again as SVG, or as PNG"
        );
        assert!(problem.decoder_said.is_some());
        let laughs = write(
            "fig4.svg",
            r#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>"#,
        );
        let problem = read_image(&laughs).unwrap_err();
        assert!(
            problem
                .decoder_said
                .is_some_and(|said| said.contains("entities built of other entities"))
        );
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn a_tiff_as_elife_and_pmc_give_figures_and_a_gif_are_read() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("elife-00001-fig1.tif");
        let pixels: Vec<u8> = (0..=255u8).cycle().take(30 * 20 * 3).collect();
        image::save_buffer(&path, &pixels, 30, 20, image::ColorType::Rgb8).unwrap();
        assert_eq!(read_image(&path).map(|i| i.size), Ok([30, 20]));
        // A GIF, as older papers and slides give figures, is read too (its first frame).
        let gif = folder.path().join("map.gif");
        let rgba: Vec<u8> = (0..=255u8).cycle().take(30 * 20 * 4).collect();
        image::save_buffer(&gif, &rgba, 30, 20, image::ColorType::Rgba8).unwrap();
        assert_eq!(read_image(&gif).map(|i| i.size), Ok([30, 20]));
    }
}

//! Figure images for the Reader: a PNG, JPEG or TIFF file beside the corpus, read once into an egui
//! texture and kept while the corpus is open.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use eframe::egui;

/// The largest image file read, in bytes.
const MAX_IMAGE_BYTES: u64 = 32 * 1024 * 1024;

/// The longest side of an image as decoded; a larger image is refused.
const MAX_DECODED_SIDE: u32 = 16_384;

/// The longest side of a texture: larger images are scaled down to it.
const MAX_TEXTURE_SIDE: u32 = 2048;

/// The images read so far, by file: `None` for a file that could not be read (it is not tried
/// again while the corpus is open).
#[derive(Default)]
pub(crate) struct ImageCache {
    textures: HashMap<PathBuf, Option<egui::TextureHandle>>,
}

impl ImageCache {
    /// The texture of the image at `path`, read on first use; `None` when the file is missing,
    /// too large or not an image paperlens reads.
    pub(crate) fn texture(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
    ) -> Option<&egui::TextureHandle> {
        self.textures
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                let image = read_image(path)?;
                Some(ctx.load_texture(
                    format!("figure:{}", path.display()),
                    image,
                    egui::TextureOptions::LINEAR,
                ))
            })
            .as_ref()
    }
}

/// Reads and decodes an image file (PNG, JPEG or TIFF, told by its content), scaled down to
/// [`MAX_TEXTURE_SIDE`].
fn read_image(path: &Path) -> Option<egui::ColorImage> {
    let size = std::fs::metadata(path).ok()?.len();
    if size > MAX_IMAGE_BYTES {
        return None;
    }
    let mut reader = image::ImageReader::open(path)
        .ok()?
        .with_guessed_format()
        .ok()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    reader.limits(limits);
    let mut decoded = reader.decode().ok()?;
    if decoded.width() > MAX_TEXTURE_SIDE || decoded.height() > MAX_TEXTURE_SIDE {
        decoded = decoded.thumbnail(MAX_TEXTURE_SIDE, MAX_TEXTURE_SIDE);
    }
    let rgba = decoded.to_rgba8();
    let size = [
        usize::try_from(rgba.width()).ok()?,
        usize::try_from(rgba.height()).ok()?,
    ];
    Some(egui::ColorImage::from_rgba_unmultiplied(
        size,
        rgba.as_raw(),
    ))
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
        assert_eq!(image.map(|i| i.size), Some([48, 24]));
        assert!(read_image(&fixture("reader.json")).is_none());
        assert!(read_image(&fixture("no-such-image.png")).is_none());
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn a_tiff_as_elife_and_pmc_give_figures_is_read() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("elife-00001-fig1.tif");
        let pixels: Vec<u8> = (0..=255u8).cycle().take(30 * 20 * 3).collect();
        image::save_buffer(&path, &pixels, 30, 20, image::ColorType::Rgb8).unwrap();
        assert_eq!(read_image(&path).map(|i| i.size), Some([30, 20]));
    }
}

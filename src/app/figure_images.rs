//! Figure images for the Reader and the slides: a PNG, JPEG, TIFF, GIF, WebP or SVG file
//! beside the corpus, read once into an egui texture and kept while the corpus is open, one
//! cache for the window's views. A large file is decoded on a background thread, one at a
//! time, a placeholder of its size shown meanwhile, so the window keeps answering while a
//! paper's figures load; slides drawn to files read every image in the frame.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use eframe::egui;

use crate::app::theme::Theme;

/// The largest image file read, in bytes.
const MAX_IMAGE_BYTES: u64 = 32 * 1024 * 1024;

/// The longest side of an image as decoded; a larger image is refused.
const MAX_DECODED_SIDE: u32 = 16_384;

/// The longest side of a texture: larger images are scaled down to it.
const MAX_TEXTURE_SIDE: u32 = 2048;

/// Image files up to this size are decoded as they are first drawn (a few milliseconds);
/// larger ones, and every SVG drawing (drawn at a texture's size, whatever its file's), on the
/// background thread.
const DECODED_IN_FRAME_BYTES: u64 = 64 * 1024;

/// The figure images of the open corpus, shared by the views that show them (the Reader's
/// cards and the figure slides), so that a figure is decoded once; a new one for each corpus
/// opened. Cloning it shares the cache.
#[derive(Clone, Default)]
pub(crate) struct FigureImages(Rc<RefCell<ImageCache>>);

impl FigureImages {
    /// Images read as they are first drawn, none in the background: for slides drawn once,
    /// to files, which have no later frame to show a decoded image in.
    pub(crate) fn read_in_frame() -> Self {
        Self(Rc::new(RefCell::new(ImageCache {
            in_frame_only: true,
            ..ImageCache::default()
        })))
    }

    /// The image of a figure that names `image` (or none) in the corpus named `source_name`:
    /// its texture, a placeholder while it is decoded, or what to show in its place.
    pub(crate) fn figure_image(
        &self,
        ctx: &egui::Context,
        source_name: &str,
        image: Option<&str>,
    ) -> FigureImage {
        match self.0.try_borrow_mut() {
            Ok(mut cache) => cache.figure_image(ctx, source_name, image),
            // Only a figure drawn inside the drawing of another would find it in use.
            Err(_) => FigureImage::Missing(MissingImage {
                line: "The image could not be shown".to_owned(),
                help: None,
            }),
        }
    }
}

/// The images read so far, by file: for a file that could not be read, why not (it is not
/// tried again while the corpus is open); for one being decoded, its size when known.
struct ImageCache {
    textures: HashMap<PathBuf, Entry>,
    /// The background thread decoding large files, started for the first one.
    decoder: Option<Decoder>,
    /// Whether every file is read in the frame that first shows it.
    in_frame_only: bool,
    /// How a file is read into an image (on either thread); tests put a failing one here.
    read: fn(&Path) -> Result<egui::ColorImage, Unreadable>,
}

impl Default for ImageCache {
    fn default() -> Self {
        Self {
            textures: HashMap::new(),
            decoder: None,
            in_frame_only: false,
            read: read_image_guarded,
        }
    }
}

/// One image file in the cache.
enum Entry {
    /// Being decoded on the background thread; its texture's size in pixels when the file's
    /// header gave it.
    Decoding(Option<egui::Vec2>),
    /// Read: its texture, or why it cannot be shown.
    Read(Result<egui::TextureHandle, Unreadable>),
}

/// A figure's image as the Reader and slides show it.
pub(crate) enum FigureImage {
    /// Read and ready to draw.
    Shown(egui::TextureHandle),
    /// Being decoded: a placeholder of this size in pixels (when known) stands in for it.
    Decoding(Option<egui::Vec2>),
    /// Not shown, and why.
    Missing(MissingImage),
}

/// The background thread decoding large image files one after another, the files waiting for
/// it and the images it has decoded. Dropping it lets the thread end after its current file.
struct Decoder {
    files: mpsc::Sender<PathBuf>,
    decoded: mpsc::Receiver<(PathBuf, Result<egui::ColorImage, Unreadable>)>,
}

impl Decoder {
    /// Starts the thread; `None` when the system refuses one (files are then decoded in the
    /// frame).
    fn start(
        ctx: &egui::Context,
        read: fn(&Path) -> Result<egui::ColorImage, Unreadable>,
    ) -> Option<Self> {
        let (files, waiting) = mpsc::channel::<PathBuf>();
        let (done, decoded) = mpsc::channel();
        let repaint = ctx.clone();
        let in_flight = files_in_flight(ctx);
        std::thread::Builder::new()
            .name("figure images".to_owned())
            .spawn(move || {
                let mut wanted = true;
                for path in waiting {
                    // Once the cache is gone, the files still waiting are only counted off.
                    let image = wanted.then(|| read(&path));
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    if let Some(image) = image {
                        wanted = done.send((path, image)).is_ok();
                        repaint.request_repaint();
                    }
                }
            })
            .ok()?;
        Some(Self { files, decoded })
    }
}

/// How many image files wait for or are being decoded by any cache's thread, shared by the
/// window's caches (`--screenshot` waits for them).
fn files_in_flight(ctx: &egui::Context) -> Arc<AtomicUsize> {
    ctx.data_mut(|data| {
        data.get_temp_mut_or_default::<Arc<AtomicUsize>>(egui::Id::unique(
            "figure-images-in-flight",
        ))
        .clone()
    })
}

/// Whether any figure image is still being decoded for the window.
pub(crate) fn images_decoding(ctx: &egui::Context) -> bool {
    files_in_flight(ctx).load(Ordering::SeqCst) > 0
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
    /// The texture of the image at `path`, read on first use (a large file on the background
    /// thread: `Decoding` until it is done); otherwise why it cannot be shown, in plain words
    /// (the file is missing, too large, damaged, or not an image paperlens reads).
    fn texture(&mut self, ctx: &egui::Context, path: &Path) -> FigureImage {
        self.take_decoded(ctx);
        if !self.textures.contains_key(path) {
            let entry = self.start_reading(ctx, path);
            self.textures.insert(path.to_path_buf(), entry);
        }
        match self.textures.get(path) {
            Some(Entry::Read(Ok(texture))) => FigureImage::Shown(texture.clone()),
            Some(Entry::Read(Err(problem))) => FigureImage::Missing(missing(path, problem)),
            Some(Entry::Decoding(size)) => FigureImage::Decoding(*size),
            None => FigureImage::Decoding(None),
        }
    }

    /// Reads the image at `path` now, or hands it to the background thread when it is large
    /// or an SVG drawing.
    fn start_reading(&mut self, ctx: &egui::Context, path: &Path) -> Entry {
        let slow = !self.in_frame_only
            && std::fs::metadata(path)
                .is_ok_and(|m| m.len() > DECODED_IN_FRAME_BYTES || (m.is_file() && is_svg(path)));
        if slow {
            if self.decoder.is_none() {
                self.decoder = Decoder::start(ctx, self.read);
            }
            if let Some(decoder) = &self.decoder {
                let in_flight = files_in_flight(ctx);
                in_flight.fetch_add(1, Ordering::SeqCst);
                if decoder.files.send(path.to_path_buf()).is_ok() {
                    return Entry::Decoding(texture_size_from_header(path));
                }
                in_flight.fetch_sub(1, Ordering::SeqCst);
            }
        }
        Entry::Read((self.read)(path).map(|image| load_texture(ctx, path, image)))
    }

    /// Makes textures of the images the background thread has decoded since the last frame;
    /// should the thread have ended, says so of the files it left undone.
    fn take_decoded(&mut self, ctx: &egui::Context) {
        let Some(decoder) = &self.decoder else {
            return;
        };
        loop {
            match decoder.decoded.try_recv() {
                Ok((path, image)) => {
                    let texture = image.map(|image| load_texture(ctx, &path, image));
                    self.textures.insert(path, Entry::Read(texture));
                }
                Err(mpsc::TryRecvError::Empty) => return,
                Err(mpsc::TryRecvError::Disconnected) => break,
            }
        }
        // The thread is gone: the files it had not sent back will never come. A file opened
        // later starts a new one.
        self.decoder = None;
        let mut left_undone = 0;
        for (path, entry) in &mut self.textures {
            if matches!(entry, Entry::Decoding(_)) {
                left_undone += 1;
                *entry = Entry::Read(Err(Unreadable::because(format!(
                    "{} was not decoded: the image decoder stopped before it; open the paper \
                     again (F5) to try once more",
                    file_name(path)
                ))));
            }
        }
        // Saturating: the thread may have counted off the file it was on before it ended.
        let _ = files_in_flight(ctx).fetch_update(Ordering::SeqCst, Ordering::SeqCst, |count| {
            Some(count.saturating_sub(left_undone))
        });
    }

    /// The image of a figure that names `image` (or none) in the corpus named `source_name`:
    /// its texture, a placeholder while it is decoded, or what to show in its place.
    fn figure_image(
        &mut self,
        ctx: &egui::Context,
        source_name: &str,
        image: Option<&str>,
    ) -> FigureImage {
        let Some(image) = image else {
            return FigureImage::Missing(MissingImage {
                line: NOT_IN_THE_TEXT.to_owned(),
                help: None,
            });
        };
        let Some(path) = crate::open::figure_image_path(source_name, image) else {
            return FigureImage::Missing(MissingImage {
                line: NOT_IN_THE_TEXT.to_owned(),
                help: Some(format!(
                    "The figure names the image {image}, which is not a file in the paper's \
                     folder; save it there as a PNG, JPEG, TIFF, GIF, WebP or SVG file and name \
                     it in the figure."
                )),
            });
        };
        self.texture(ctx, &path)
    }
}

/// An egui texture of the image read from `path`.
fn load_texture(ctx: &egui::Context, path: &Path, image: egui::ColorImage) -> egui::TextureHandle {
    ctx.load_texture(
        format!("figure:{}", path.display()),
        image,
        egui::TextureOptions::LINEAR,
    )
}

/// What a card or slide says of the image at `path` that cannot be shown for `problem`.
fn missing(path: &Path, problem: &Unreadable) -> MissingImage {
    MissingImage {
        line: format!("Image not shown: {}", problem.reason),
        help: Some(format!(
            "{}Looked for at {}. paperlens shows PNG, JPEG, TIFF, GIF, WebP and SVG images of \
             up to 32 MiB saved beside the paper.",
            problem
                .decoder_said
                .as_ref()
                .map_or_else(String::new, |said| format!("The decoder said: {said}. ")),
            path.display()
        )),
    }
}

/// The size in pixels of the texture the image file at `path` will give, from its header
/// alone (scaled down to [`MAX_TEXTURE_SIDE`] as [`read_image`] scales it); `None` for an SVG
/// drawing or a file whose header does not say.
fn texture_size_from_header(path: &Path) -> Option<egui::Vec2> {
    if is_svg(path) {
        return None;
    }
    let (width, height) = image::ImageReader::open(path)
        .ok()?
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()?;
    if width == 0 || height == 0 {
        return None;
    }
    let longer = width.max(height).max(MAX_TEXTURE_SIDE);
    // Scaled down as the decoder scales (and rounds): both sides fit a texture, so a `u16`.
    let scale = |side: u32| {
        let scaled = (u64::from(side) * u64::from(MAX_TEXTURE_SIDE) + u64::from(longer) / 2)
            / u64::from(longer);
        u16::try_from(scaled.max(1)).map(f32::from)
    };
    Some(egui::vec2(scale(width).ok()?, scale(height).ok()?))
}

/// What stands in for an image being decoded: a faint box the size the image will be shown at
/// (its `natural` size in pixels, or 4:3 when that is not known, fitted into `room` without
/// growing it), with a spinner and a line saying so.
pub(crate) fn decoding_placeholder_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    natural: Option<egui::Vec2>,
    room: egui::Vec2,
) {
    let natural = natural.unwrap_or(egui::vec2(800.0, 600.0));
    let scale = (room.x / natural.x).min(room.y / natural.y).min(1.0);
    let size = (natural * scale).max(egui::vec2(1.0, 1.0)).floor();
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, "Loading the image…"));
    if !ui.is_rect_visible(rect) {
        return;
    }
    ui.painter().rect(
        rect,
        f32::from(theme.radius) * 2.0,
        ui.visuals().faint_bg_color,
        egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
        egui::StrokeKind::Inside,
    );
    let spinner = theme.heading_size.min(rect.height() / 2.0);
    egui::Spinner::new()
        .size(spinner)
        .color(theme.muted_text)
        .paint_at(
            ui,
            egui::Rect::from_center_size(rect.center(), egui::Vec2::splat(spinner)),
        );
    if rect.height() > 3.0 * spinner {
        ui.painter().text(
            rect.center() + egui::vec2(0.0, spinner),
            egui::Align2::CENTER_TOP,
            "Loading the image…",
            egui::FontId::proportional(theme.small_size),
            theme.muted_text,
        );
    }
}

/// [`read_image`], a panic of the decoders on the file caught: the image is then not shown,
/// and the window goes on.
fn read_image_guarded(path: &Path) -> Result<egui::ColorImage, Unreadable> {
    guarded(path, read_image)
}

/// `read` of the image file at `path`, or, should it panic, why the image is not shown.
fn guarded(
    path: &Path,
    read: impl FnOnce(&Path) -> Result<egui::ColorImage, Unreadable>,
) -> Result<egui::ColorImage, Unreadable> {
    crate::crash::recover("decoding a figure image", || read(path)).unwrap_or_else(|| {
        Err(Unreadable::because(format!(
            "{} made the image decoder fail; save it again as PNG or JPEG",
            file_name(path)
        )))
    })
}

/// The name of the file at `path`, as a card or slide names it.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// Reads and decodes an image file (PNG, JPEG, TIFF, GIF or WebP, told by its content, a GIF's
/// first frame; SVG, told by its extension), scaled down to
/// [`MAX_TEXTURE_SIDE`]; otherwise why it cannot be, in plain words naming the file.
fn read_image(path: &Path) -> Result<egui::ColorImage, Unreadable> {
    let name = file_name(path);
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
    fn a_large_image_or_a_drawing_is_decoded_in_the_background_a_placeholder_shown_meanwhile() {
        let folder = tempfile::tempdir().unwrap();
        let large = large_png(folder.path(), "fig1.png");
        let small = fixture("reader-figure.png");
        let ctx = egui::Context::default();
        let mut cache = ImageCache::default();
        let FigureImage::Decoding(Some(placeholder)) = cache.texture(&ctx, &large) else {
            panic!("a large file is decoded in the background");
        };
        assert_eq!(placeholder, egui::vec2(2048.0, 39.0));
        // A small file is read at once, the large one still on its way or not.
        assert!(matches!(cache.texture(&ctx, &small), FigureImage::Shown(_)));
        let FigureImage::Shown(texture) = decoded(&mut cache, &ctx, &large) else {
            panic!("the large file is shown");
        };
        assert_eq!(texture.size(), [2048, 39]);
        assert!(!images_decoding(&ctx));
        // A large file cut short says why, as a small one does.
        let damaged = folder.path().join("fig2.png");
        let whole = std::fs::read(&large).unwrap();
        std::fs::write(&damaged, &whole[..100_000]).unwrap();
        let FigureImage::Missing(problem) = decoded(&mut cache, &ctx, &damaged) else {
            panic!("half an image is not shown");
        };
        assert_eq!(
            problem.line,
            "Image not shown: fig2.png is damaged or not a whole image of its kind; save it \
             again as PNG, JPEG or TIFF"
        );
        // An SVG drawing, however small its file, is drawn in the background too.
        let drawing = folder.path().join("fig3.svg");
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>"#;
        std::fs::write(&drawing, svg).unwrap();
        assert!(matches!(
            cache.texture(&ctx, &drawing),
            FigureImage::Decoding(None)
        ));
        let FigureImage::Shown(texture) = decoded(&mut cache, &ctx, &drawing) else {
            panic!("the drawing is shown");
        };
        assert_eq!(texture.size(), [80, 40]);
    }

    /// A PNG of 2,100 × 40 pixels of noise, which does not compress: over 200 KB, so decoded
    /// in the background, and scaled down to 2,048 pixels wide.
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn large_png(folder: &Path, name: &str) -> PathBuf {
        let mut seed = 12_345_u32;
        let noise: Vec<u8> = (0..2100 * 40 * 3)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                seed.to_be_bytes()[0]
            })
            .collect();
        let path = folder.join(name);
        image::save_buffer(&path, &noise, 2100, 40, image::ColorType::Rgb8).unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() > DECODED_IN_FRAME_BYTES);
        path
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn slides_drawn_to_files_read_even_a_large_image_in_the_frame() {
        let folder = tempfile::tempdir().unwrap();
        let large = large_png(folder.path(), "fig1.png");
        let paper = folder.path().join("paper.xml");
        let ctx = egui::Context::default();
        let images = FigureImages::read_in_frame();
        let source = paper.display().to_string();
        let FigureImage::Shown(texture) = images.figure_image(&ctx, &source, Some("fig1.png"))
        else {
            panic!("{} is shown in the first frame", large.display());
        };
        assert_eq!(texture.size(), [2048, 39]);
        // The window's cache, shared by the Reader and the slides, decodes it in the
        // background, once: a clone of it has the image when the first one is done.
        let window = FigureImages::default();
        let shared = window.clone();
        assert!(matches!(
            window.figure_image(&ctx, &source, Some("fig1.png")),
            FigureImage::Decoding(Some(_))
        ));
        let done = decoded(&mut shared.0.borrow_mut(), &ctx, &large);
        assert!(matches!(done, FigureImage::Shown(_)));
        assert!(matches!(
            window.figure_image(&ctx, &source, Some("fig1.png")),
            FigureImage::Shown(_)
        ));
    }

    /// Reads an image on the window's thread; fails the decoder thread itself.
    fn fails_off_the_window_s_thread(path: &Path) -> Result<egui::ColorImage, Unreadable> {
        assert_ne!(
            std::thread::current().name(),
            Some("figure images"),
            "the decoder thread ends"
        );
        read_image(path)
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn a_decoder_that_panics_leaves_that_image_unshown_and_the_window_going() {
        let folder = tempfile::tempdir().unwrap();
        let small = fixture("reader-figure.png");
        let problem = guarded(&small, |_| panic!("a decoder's own bug")).unwrap_err();
        assert_eq!(
            problem.reason,
            "reader-figure.png made the image decoder fail; save it again as PNG or JPEG"
        );
        // Should the background thread itself end, the files it left undone say so, and
        // nothing is counted as still decoding (`--screenshot` does not wait for them).
        let ctx = egui::Context::default();
        let mut cache = ImageCache {
            read: fails_off_the_window_s_thread,
            ..ImageCache::default()
        };
        for name in ["fig1.png", "fig2.png"] {
            let large = large_png(folder.path(), name);
            assert!(matches!(
                cache.texture(&ctx, &large),
                FigureImage::Decoding(Some(_))
            ));
            let FigureImage::Missing(missing) = decoded(&mut cache, &ctx, &large) else {
                panic!("{name} is not shown");
            };
            assert_eq!(
                missing.line,
                format!(
                    "Image not shown: {name} was not decoded: the image decoder stopped before \
                     it; open the paper again (F5) to try once more"
                )
            );
            assert!(!images_decoding(&ctx));
        }
        // Small files are still read in the frame.
        assert!(matches!(cache.texture(&ctx, &small), FigureImage::Shown(_)));
    }

    /// The image at `path` once the cache's background thread is done with it (within a
    /// minute, or the test fails).
    fn decoded(cache: &mut ImageCache, ctx: &egui::Context, path: &Path) -> FigureImage {
        let waited = std::time::Instant::now();
        loop {
            match cache.texture(ctx, path) {
                FigureImage::Decoding(_) => {
                    assert!(
                        waited.elapsed() < std::time::Duration::from_mins(1),
                        "{} is decoded",
                        path.display()
                    );
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                done => return done,
            }
        }
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

//! Slides written to files, exactly as presentation mode draws them, with no window:
//! `paperlens slides` and File → Export slides. Each slide of the deck ([`deck::deck`]: the
//! tour, or the generated slides) is drawn by [`slides::slide_ui`] offscreen
//! ([`crate::app::offscreen`]) in the projector theme at the size asked for, one point to the
//! pixel, and written as `slide-01.png`, `slide-02.png` … in a folder, with a PDF handout of
//! them all (`slides.pdf`, [`pdf`]).

pub mod pdf;

use std::path::{Path, PathBuf};

use eframe::egui;

use super::context::{CitationCache, CitationSettings, Selection, ViewCtx};
use super::figure_images::FigureImages;
use super::offscreen::{OffscreenError, OffscreenRenderer};
use super::presentation;
use super::state::CitationDisplay;
use super::style_choice::ActiveStyle;
use super::theme::Theme;
use crate::corpus::Corpus;
use crate::corpus::links::Related;
use crate::deck::{self, Slide};
use crate::palette::Palette;

/// The file name of the PDF handout in the folder.
pub const HANDOUT_NAME: &str = "slides.pdf";

/// How slides are exported.
#[derive(Clone, Debug)]
pub struct SlideExport {
    /// Each picture's size in pixels, width and height (a slide is drawn this many points).
    pub size: [u32; 2],
    /// Whether to write the PDF handout too.
    pub pdf: bool,
    /// Which slides.
    pub slides: WhichSlides,
    /// The citation style references and citations are printed in (the window's).
    pub style: ActiveStyle,
    /// How citations in passages are shown (the window's choice).
    pub display: CitationDisplay,
}

impl Default for SlideExport {
    /// What Present shows, on a 1920×1080 projector, with the handout.
    fn default() -> Self {
        Self {
            size: [1920, 1080],
            pdf: true,
            slides: WhichSlides::Presented,
            style: ActiveStyle::default(),
            display: CitationDisplay::default(),
        }
    }
}

/// Which slides an export draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WhichSlides {
    /// What Present shows ([`deck::deck`]): the corpus's tour when it has one, else the
    /// generated slides.
    #[default]
    Presented,
    /// The slides the corpus gives by itself ([`deck::generated`]), even when it has a tour:
    /// its title, every chart, each table a region or a few rows at a time, each case study,
    /// each figure, the references.
    Generated,
}

impl WhichSlides {
    /// The slides of `corpus` this stands for.
    #[must_use]
    pub fn of(self, corpus: &Corpus) -> Vec<Slide> {
        match self {
            Self::Presented => deck::deck(corpus),
            Self::Generated => deck::generated(corpus),
        }
    }
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlidesWritten {
    /// The folder written in.
    pub folder: PathBuf,
    /// Each slide's picture, in order.
    pub images: Vec<PathBuf>,
    /// The handout, when one was asked for.
    pub pdf: Option<PathBuf>,
    /// Slide pictures in the folder that this export did not write (an earlier export of more
    /// slides, or numbered to another width), by name: left alone, but not part of these slides.
    pub earlier: Vec<String>,
}

impl SlidesWritten {
    /// One line saying what was written: `Wrote 14 slides (1920×1080) and slides.pdf to DIR.`,
    /// and the slide pictures of an earlier export the folder still holds.
    #[must_use]
    pub fn summary(&self, size: [u32; 2]) -> String {
        let written = self.written(size);
        match self.earlier.as_slice() {
            [] => written,
            [one] => format!("{written} It also holds {one} from an earlier export."),
            [first, rest @ ..] => format!(
                "{written} It also holds {first} and {} more from an earlier export.",
                rest.len()
            ),
        }
    }

    /// What was written, in one sentence.
    fn written(&self, size: [u32; 2]) -> String {
        let count = self.images.len();
        let slides = if count == 1 { "slide" } else { "slides" };
        let handout = if self.pdf.is_some() {
            format!(" and {HANDOUT_NAME}")
        } else {
            String::new()
        };
        format!(
            "Wrote {count} {slides} ({}×{}){handout} to {}.",
            size[0],
            size[1],
            self.folder.display()
        )
    }
}

/// Why slides could not be exported, in words that say what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlideExportError {
    /// The place to write to is a file, not a folder.
    NotAFolder(PathBuf),
    /// The folder could not be made.
    CannotCreate {
        /// The folder.
        folder: PathBuf,
        /// Why, as the system says.
        why: String,
    },
    /// The corpus gives no slides.
    NoSlides,
    /// The corpus is a bibliography on its own: a list, not a paper to present.
    BibliographyOnly,
    /// A slide could not be drawn.
    Drawing(OffscreenError),
    /// A file could not be written.
    CannotWrite {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
}

impl std::fmt::Display for SlideExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotAFolder(path) => write!(
                f,
                "{} is a file; the slides go in a folder: give a folder's path (it is made when \
                 it does not exist)",
                path.display()
            ),
            Self::CannotCreate { folder, why } => write!(
                f,
                "cannot make the folder {}: {why}. Choose a folder you can write to",
                folder.display()
            ),
            Self::NoSlides => write!(
                f,
                "this corpus has nothing to present: no tour, and nothing to make slides of \
                 (a title, charts, tables, cases, figures or references)"
            ),
            Self::BibliographyOnly => write!(
                f,
                "a bibliography on its own is a list of references, not a paper to present: \
                 give a paper or a corpus"
            ),
            Self::Drawing(error) => write!(f, "cannot draw the slides: {error}"),
            Self::CannotWrite { path, why } => write!(
                f,
                "cannot write {}: {why}. Check that the disk is not full and the folder is \
                 writable",
                path.display()
            ),
        }
    }
}

impl std::error::Error for SlideExportError {}

impl From<OffscreenError> for SlideExportError {
    fn from(error: OffscreenError) -> Self {
        Self::Drawing(error)
    }
}

/// Draws every slide of `corpus` and writes each as a PNG in `folder` (made when missing; files
/// of the same names are replaced), then the handout when `export.pdf`; `written` is told each
/// file as it is written.
///
/// # Errors
/// `folder` is a file or cannot be made, the corpus has no slides, no graphics adapter, or a
/// file cannot be written.
pub fn export_slides(
    corpus: &Corpus,
    folder: &Path,
    export: &SlideExport,
    mut written: impl FnMut(&Path),
) -> Result<SlidesWritten, SlideExportError> {
    if folder.exists() && !folder.is_dir() {
        return Err(SlideExportError::NotAFolder(folder.to_path_buf()));
    }
    let deck = export.slides.of(corpus);
    if deck.is_empty() {
        return Err(if corpus.is_bibliography_only() {
            SlideExportError::BibliographyOnly
        } else {
            SlideExportError::NoSlides
        });
    }
    // The device first: without one, no empty folder is left behind.
    let mut renderer = OffscreenRenderer::new()?;
    std::fs::create_dir_all(folder).map_err(|error| SlideExportError::CannotCreate {
        folder: folder.to_path_buf(),
        why: error.to_string(),
    })?;
    let ctx = slide_context();
    let theme = Theme::new(Palette::Projector);
    theme.apply(&ctx);
    let citations = CitationCache::default();
    let nothing = Related::default();
    // Each slide is drawn once: its figure's image is read in that frame, not in the background.
    let figure_images = FigureImages::read_in_frame();
    let mut images = Vec::with_capacity(deck.len());
    let mut pictures = Vec::new();
    for (number, slide) in deck.iter().enumerate() {
        let picture = renderer.render(&ctx, export.size, 1.0, |ui| {
            let view_ctx = ViewCtx::new(
                corpus,
                Selection::default(),
                &nothing,
                &nothing,
                &theme,
                &citations,
            )
            .with_citations(CitationSettings {
                style: export.style.clone(),
                loaded_styles: &[],
                display: export.display,
                list_display: CitationDisplay::default(),
            })
            .with_figure_images(figure_images.clone());
            slide_frame_ui(&view_ctx, ui, slide, (number, deck.len()));
        })?;
        let path = folder.join(slide_file_name(number, deck.len()));
        picture
            .save_with_format(&path, image::ImageFormat::Png)
            .map_err(|error| SlideExportError::CannotWrite {
                path: path.clone(),
                why: error.to_string(),
            })?;
        written(&path);
        images.push(path);
        if export.pdf {
            pictures.push(picture);
        }
    }
    let pdf = if export.pdf {
        let path = folder.join(HANDOUT_NAME);
        std::fs::write(&path, pdf::handout(&pictures)).map_err(|error| {
            SlideExportError::CannotWrite {
                path: path.clone(),
                why: error.to_string(),
            }
        })?;
        written(&path);
        Some(path)
    } else {
        None
    };
    let earlier = earlier_slides(folder, &images);
    Ok(SlidesWritten {
        folder: folder.to_path_buf(),
        images,
        pdf,
        earlier,
    })
}

/// The names of the slide pictures in `folder` (`slide-` digits `.png`) other than `written`,
/// in order.
fn earlier_slides(folder: &Path, written: &[PathBuf]) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut earlier: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| {
            name.strip_prefix("slide-")
                .and_then(|rest| rest.strip_suffix(".png"))
                .is_some_and(|number| {
                    !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
                })
        })
        .filter(|name| !written.iter().any(|path| path.ends_with(name)))
        .collect();
    earlier.sort();
    earlier
}

/// How many slides Present shows for `corpus` (as many pictures as an export of
/// [`WhichSlides::Presented`] writes).
#[must_use]
pub fn slide_count(corpus: &Corpus) -> usize {
    deck::deck(corpus).len()
}

/// A context for drawing slides offscreen: the fonts installed, nothing animated (a picture is
/// of the end of an animation, not its start).
fn slide_context() -> egui::Context {
    let ctx = egui::Context::default();
    Theme::install_fonts(&ctx);
    ctx.all_styles_mut(|style| {
        style.animation_time = 0.0;
        style.visuals.text_cursor.blink = false;
    });
    ctx
}

/// Slide `number` (counting from 0) of `count` as a file name, its number counted from 1 and
/// padded to the width of the count, at least two digits: `slide-01.png` … `slide-14.png`.
#[must_use]
pub fn slide_file_name(number: usize, count: usize) -> String {
    let width = count.to_string().len().max(2);
    format!("slide-{:0width$}.png", number + 1)
}

/// Draws `slide`, number `number` (from 0) of `count`, over the whole screen exactly as
/// presentation mode does ([`presentation::slide_frame_ui`]), with the counter and without the
/// keys' hint.
fn slide_frame_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut egui::Ui,
    slide: &Slide,
    (number, count): (usize, usize),
) {
    egui::CentralPanel::default().show(ui, |ui| {
        presentation::slide_frame_ui(ctx, ui, slide, (number, count), false);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_count_from_one_padded_to_the_count() {
        assert_eq!(slide_file_name(0, 9), "slide-01.png");
        assert_eq!(slide_file_name(13, 14), "slide-14.png");
        assert_eq!(slide_file_name(4, 120), "slide-005.png");
        assert_eq!(slide_file_name(119, 120), "slide-120.png");
    }

    #[test]
    fn a_file_is_not_taken_for_a_folder() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temp dir");
        };
        let file = dir.path().join("notes.txt");
        assert!(std::fs::write(&file, "x").is_ok());
        let corpus = Corpus::builtin();
        let error = export_slides(&corpus, &file, &SlideExport::default(), |_| {}).err();
        assert_eq!(error, Some(SlideExportError::NotAFolder(file.clone())));
        let message = error.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("is a file"), "{message}");
        assert_eq!(std::fs::read_to_string(&file).ok().as_deref(), Some("x"));
    }

    #[test]
    fn the_summary_names_the_count_the_size_and_the_folder() {
        let mut written = SlidesWritten {
            folder: PathBuf::from("/tmp/lecture"),
            images: vec![PathBuf::from("/tmp/lecture/slide-01.png")],
            pdf: Some(PathBuf::from("/tmp/lecture/slides.pdf")),
            earlier: Vec::new(),
        };
        assert_eq!(
            written.summary([1280, 720]),
            "Wrote 1 slide (1280×720) and slides.pdf to /tmp/lecture."
        );
        written.earlier = vec!["slide-02.png".to_owned(), "slide-03.png".to_owned()];
        assert_eq!(
            written.summary([1280, 720]),
            "Wrote 1 slide (1280×720) and slides.pdf to /tmp/lecture. It also holds \
             slide-02.png and 1 more from an earlier export."
        );
    }

    #[test]
    fn slide_pictures_not_written_now_are_found_and_nothing_else() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temp dir");
        };
        for name in [
            "slide-01.png",
            "slide-02.png",
            "slide-09.png",
            "slide-001.png",
            "slide-notes.png",
            "slide-03.jpg",
            "cover.png",
        ] {
            assert!(std::fs::write(dir.path().join(name), "x").is_ok());
        }
        let written = [
            dir.path().join("slide-01.png"),
            dir.path().join("slide-02.png"),
        ];
        assert_eq!(
            earlier_slides(dir.path(), &written),
            ["slide-001.png", "slide-09.png"]
        );
    }
}

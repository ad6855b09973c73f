//! Figure images beside a paper or a corpus file: where a figure's image is looked for, the
//! names it is looked for by (PLOS's identifiers, an extension left off or another one), and the
//! diagnostics for those not there.

use std::path::{Component, Path, PathBuf};

use crate::corpus::BUILTIN_NAME;
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath};
use crate::corpus::load::{self, LoadReport};
use crate::corpus::text::without_byte_order_mark;

/// The image files a paper's figures name, looked for beside the paper: a figure keeps its
/// `image` when the file is there, and loses it otherwise; one info diagnostic counts those not
/// found, by the file names looked for. An image named by an identifier rather than a file
/// (PLOS's `info:doi/10.1371/journal.pone.0120049.g001`) is looked for by its last part
/// (`journal.pone.0120049.g001`), the name PLOS gives the figure's file. An extension the source
/// left off is tried, in either case, and an image named with one is also looked for under the
/// others (`fig1.tif` saved as `fig1.png`); see [`IMAGE_EXTENSIONS`].
pub(super) fn find_figure_images(report: &mut LoadReport, paper_path: &Path) {
    let Some(corpus) = &mut report.corpus else {
        return;
    };
    let mut missing = Vec::new();
    for figure in &mut corpus.file.figures {
        let Some(image) = figure.image.clone() else {
            continue;
        };
        let file_name = image_file_name(&image);
        let found = image_candidates(&image, file_name).find(|candidate| {
            image_beside(paper_path, candidate).is_some_and(|path| path.is_file())
        });
        if found.is_none() {
            missing.push(file_name.to_owned());
        }
        figure.image = found;
    }
    // An image named by its web address is not looked for: paperlens works offline.
    let (on_the_web, beside): (Vec<String>, Vec<String>) = missing
        .into_iter()
        .partition(|image| image.starts_with("https://") || image.starts_with("http://"));
    let missing_images = [
        (
            beside,
            "not found beside the paper",
            "save the images in the paper's folder as PNG, JPEG, TIFF, GIF, WebP or SVG files of \
             those names (an extension such as `.png` may be added or put in place of the one \
             written) to see them in the Reader",
        ),
        (
            on_the_web,
            "on the web, which paperlens does not download",
            "save the images in the paper's folder and name those files in the figures to see \
             them in the Reader",
        ),
    ];
    for (images, where_they_are, help) in missing_images {
        if images.is_empty() {
            continue;
        }
        let diagnostic = Diagnostic::info(
            Code::ImportIncomplete,
            format!(
                "{} {where_they_are} ({}): {} shown without an image",
                crate::corpus::counted(images.len(), "figure image"),
                shortened_list(&images),
                if images.len() == 1 {
                    "its figure is"
                } else {
                    "their figures are"
                }
            ),
            help,
        );
        corpus.warnings.push(diagnostic.clone());
        report.diagnostics.push(diagnostic);
    }
}

/// The extensions of the image files paperlens reads, tried in this order, in lower and upper
/// case.
const IMAGE_EXTENSIONS: [&str; 8] = ["png", "jpg", "jpeg", "tif", "tiff", "gif", "webp", "svg"];

/// The names an image is looked for by, in order: as written, its file name, the path written
/// without its leading folders, one at a time (`source/figures/boat.jpg`, written for a build
/// run in the folder above the paper's, then `figures/boat.jpg`, `boat.jpg`), and each of those
/// with every extension of [`IMAGE_EXTENSIONS`] added, or put in place of an image extension it
/// has (`fig1.tif`, then `fig1.tif.png`, …, `fig1.png`, `fig1.jpg`, …).
fn image_candidates<'a>(image: &'a str, file_name: &'a str) -> impl Iterator<Item = String> + 'a {
    let mut names = if image == file_name {
        vec![image]
    } else {
        vec![image, file_name]
    };
    let tails = image
        .match_indices('/')
        .filter_map(|(at, _)| image.get(at + 1..))
        .filter(|tail| !tail.is_empty() && !names.contains(tail));
    let tails: Vec<&str> = tails.collect();
    names.extend(tails);
    names.into_iter().flat_map(|name| {
        let stem = name
            .rsplit_once('.')
            .filter(|(stem, extension)| {
                !stem.is_empty()
                    && IMAGE_EXTENSIONS
                        .iter()
                        .any(|known| known.eq_ignore_ascii_case(extension))
            })
            .map(|(stem, _)| stem);
        let with_extensions = |base: &'a str| {
            IMAGE_EXTENSIONS.iter().flat_map(move |extension| {
                [
                    format!("{base}.{extension}"),
                    format!("{base}.{}", extension.to_ascii_uppercase()),
                ]
            })
        };
        std::iter::once(name.to_owned())
            .chain(with_extensions(name))
            .chain(stem.into_iter().flat_map(with_extensions))
    })
}

/// The file name an image is looked for by: the last part of an identifier with a scheme
/// (`info:doi/10.1371/journal.pone.0120049.g001` → `journal.pone.0120049.g001`), else the name
/// as written (a web address stays whole: it is reported as on the web).
fn image_file_name(image: &str) -> &str {
    let image = image.trim();
    let is_web = image.starts_with("https://") || image.starts_with("http://");
    match image.split_once(':') {
        Some((scheme, rest))
            if !is_web
                && !scheme.is_empty()
                && scheme.chars().all(|c| c.is_ascii_alphanumeric())
                && rest.contains('/') =>
        {
            rest.rsplit('/')
                .find(|part| !part.is_empty())
                .filter(|part| !matches!(*part, "." | ".."))
                .unwrap_or(image)
        }
        _ => image,
    }
}

/// The first few names of a list, with `…` when there are more.
fn shortened_list(names: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = names
        .iter()
        .take(SHOWN)
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(", …");
    }
    text
}

/// Where the image a figure names is looked for: `image` in the folder of the corpus file at
/// `corpus_path`. `None` when `image` is not a plain relative path (it is absolute, or climbs
/// out of that folder with `..`).
#[must_use]
pub fn image_beside(corpus_path: &Path, image: &str) -> Option<PathBuf> {
    let image = Path::new(image.trim());
    let plain = !image.as_os_str().is_empty()
        && image
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    let folder = corpus_path.parent().unwrap_or_else(|| Path::new(""));
    plain.then(|| folder.join(image))
}

/// The image file of a figure of the corpus named `source_name` (a path, as [`open_path`]
/// names it): see [`image_beside`]. `None` for the built-in corpus, which has no folder.
#[must_use]
pub fn figure_image_path(source_name: &str, image: &str) -> Option<PathBuf> {
    (source_name != BUILTIN_NAME)
        .then(|| image_beside(Path::new(source_name), image))
        .flatten()
}

/// Warns about each figure whose `image` is not a file beside the corpus at `corpus_path`
/// (`bytes` is the corpus file as read, for the warnings' line and column).
pub(super) fn check_figure_images(report: &mut LoadReport, corpus_path: &Path, bytes: &[u8]) {
    let Some(corpus) = &mut report.corpus else {
        return;
    };
    let mut found = Vec::new();
    for (position, figure) in corpus.file.figures.iter().enumerate() {
        let Some(image) = figure.image.as_deref() else {
            continue;
        };
        let at = JsonPath::root().key("figures").index(position).key("image");
        let diagnostic = match image_beside(corpus_path, image) {
            Some(path) if path.is_file() => continue,
            Some(path) => Diagnostic::warning(
                Code::ImageNotFound,
                format!(
                    "figure `{}` names the image `{image}`, but there is no file {}",
                    figure.id,
                    path.display()
                ),
                "put the PNG, JPEG, TIFF, GIF, WebP or SVG file there, or correct `image` (a path \
                 relative to the corpus file's folder); until then the figure is shown without its \
                 image",
            ),
            None => Diagnostic::warning(
                Code::ImageNotFound,
                format!(
                    "figure `{}` names the image `{image}`, which is not inside the corpus \
                     file's folder ({})",
                    figure.id,
                    corpus_path
                        .parent()
                        .map_or_else(String::new, |folder| folder.display().to_string())
                ),
                "write `image` as a path relative to the corpus file's folder, such as \
                 `figures/figure1.png`, without `..`",
            ),
        };
        found.push(diagnostic.at(at));
    }
    if found.is_empty() {
        return;
    }
    let text = without_byte_order_mark(std::str::from_utf8(bytes).unwrap_or_default());
    load::locate(text, &mut found);
    corpus.warnings.extend(found.iter().cloned());
    report.diagnostics.extend(found);
    if report.source_text.is_none() {
        report.source_text = Some(text.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::open::open_path;

    #[test]
    fn an_image_is_looked_for_only_inside_the_corpus_folder() {
        let corpus = Path::new("papers/corpus.json");
        assert_eq!(
            image_beside(corpus, "figures/f1.png"),
            Some(PathBuf::from("papers/figures/f1.png"))
        );
        assert_eq!(
            image_beside(corpus, "./f1.png"),
            Some(PathBuf::from("papers/./f1.png"))
        );
        assert_eq!(image_beside(corpus, "../secret.png"), None);
        assert_eq!(image_beside(corpus, "/etc/passwd"), None);
        assert_eq!(image_beside(corpus, "  "), None);
        assert_eq!(figure_image_path(BUILTIN_NAME, "f1.png"), None);
    }

    /// The image each figure of the opened corpus keeps (none when it did not open).
    fn figure_images(report: &LoadReport) -> Vec<Option<&str>> {
        report.corpus.as_ref().map_or_else(Vec::new, |corpus| {
            corpus
                .file
                .figures
                .iter()
                .map(|figure| figure.image.as_deref())
                .collect()
        })
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn figure_images_missing_beside_a_paper_or_on_the_web_are_counted_apart() {
        let folder = tempfile::tempdir().unwrap();
        let paper = folder.path().join("paper.md");
        let text = "---\ntitle: Images\n---\n# A\n\nText.\n\n![One.](one.png)\n\n![Two.](two.png)\n\n\
                    ![Web.](https://example.org/web.png \"Web\")\n";
        std::fs::write(&paper, text).unwrap();
        let missing = |report: &LoadReport| -> Vec<String> {
            report
                .diagnostics
                .iter()
                .filter(|d| d.message.contains("figure image"))
                .map(|d| d.message.clone())
                .collect()
        };
        assert_eq!(
            missing(&open_path(&paper)),
            [
                "2 figure images not found beside the paper (`one.png`, `two.png`): their figures \
              are shown without an image",
                "1 figure image on the web, which paperlens does not download \
              (`https://example.org/web.png`): its figure is shown without an image"
            ]
        );
        std::fs::write(folder.path().join("one.png"), b"").unwrap();
        let report = open_path(&paper);
        assert_eq!(
            missing(&report),
            [
                "1 figure image not found beside the paper (`two.png`): its figure is shown \
              without an image",
                "1 figure image on the web, which paperlens does not download \
              (`https://example.org/web.png`): its figure is shown without an image"
            ]
        );
        let images = figure_images(&report);
        assert_eq!(images, [Some("one.png"), None, None]);
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn a_plos_figure_named_by_its_doi_is_found_by_its_file_name() {
        assert_eq!(
            image_file_name("info:doi/10.1371/journal.pone.0120049.g001"),
            "journal.pone.0120049.g001"
        );
        assert_eq!(image_file_name("figures/f1.png"), "figures/f1.png");
        // A last part that names no file is not taken for one.
        assert_eq!(image_file_name("x:/.."), "x:/..");
        assert_eq!(
            image_file_name("https://example.org/f1.png"),
            "https://example.org/f1.png"
        );
        let folder = tempfile::tempdir().unwrap();
        let paper = folder.path().join("journal.ptest.0000001.xml");
        let figure = |n: u8| {
            format!(
                "<fig id=\"g00{n}\"><label>Figure {n}</label><caption><title>Panel {n}.</title></caption>\
                 <graphic xlink:href=\"info:doi/10.1371/journal.ptest.0000001.g00{n}\"/></fig>"
            )
        };
        let text = format!(
            "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\"><front><article-meta><title-group>\
             <article-title>Figures</article-title></title-group></article-meta></front><body><sec>\
             <title>Results</title><p>Two panels.</p>{}{}</sec></body></article>",
            figure(1),
            figure(2)
        );
        std::fs::write(&paper, text).unwrap();
        // As PLOS names a figure's download.
        std::fs::write(folder.path().join("journal.ptest.0000001.g001.PNG"), b"").unwrap();
        let report = open_path(&paper);
        let images = figure_images(&report);
        assert_eq!(images, [Some("journal.ptest.0000001.g001.PNG"), None]);
        let missing = report
            .diagnostics
            .iter()
            .find(|d| d.message.contains("not found beside the paper"))
            .unwrap();
        assert_eq!(
            missing.message,
            "1 figure image not found beside the paper (`journal.ptest.0000001.g002`): its \
             figure is shown without an image"
        );
        assert!(
            missing.hint.contains("PNG, JPEG, TIFF, GIF, WebP or SVG"),
            "{}",
            missing.hint
        );
    }

    #[test]
    fn an_image_named_with_one_extension_is_also_looked_for_under_the_others() {
        let candidates: Vec<String> = image_candidates("fig1.tif", "fig1.tif").collect();
        assert_eq!(candidates.first().map(String::as_str), Some("fig1.tif"));
        for name in [
            "fig1.tif.png",
            "fig1.png",
            "fig1.JPG",
            "fig1.jpeg",
            "fig1.TIFF",
            // A figure drawn in Inkscape is often kept as SVG beside its PNG.
            "fig1.svg",
            "fig1.gif",
        ] {
            assert!(
                candidates.iter().any(|c| c == name),
                "{name}: {candidates:?}"
            );
        }
        assert!(
            candidates
                .iter()
                .position(|c| c == "fig1.tif.png")
                .lt(&candidates.iter().position(|c| c == "fig1.png")),
            "the name as written comes first: {candidates:?}"
        );
        // A stop that begins no image extension is part of the name.
        let candidates: Vec<String> =
            image_candidates("elife.00666.f1", "elife.00666.f1").collect();
        assert!(
            !candidates.iter().any(|c| c == "elife.00666.png"),
            "{candidates:?}"
        );
        // Nor is a name that is only an extension cut to nothing.
        let candidates: Vec<String> = image_candidates(".tif", ".tif").collect();
        assert!(!candidates.iter().any(|c| c == ".png"), "{candidates:?}");
        // An identifier is looked for as written and by its file name.
        let candidates: Vec<String> = image_candidates("info:doi/10.1/j.g001", "j.g001").collect();
        assert_eq!(
            candidates.first().map(String::as_str),
            Some("info:doi/10.1/j.g001")
        );
        assert!(
            candidates.iter().any(|c| c == "j.g001.png"),
            "{candidates:?}"
        );
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn an_elife_tiff_figure_saved_as_png_is_found() {
        let folder = tempfile::tempdir().unwrap();
        let paper = folder.path().join("elife-00001.xml");
        let text = "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\"><front><article-meta>\
             <title-group><article-title>Figures</article-title></title-group></article-meta>\
             </front><body><sec><title>Results</title><p>Two panels.</p><fig id=\"fig1\">\
             <label>Figure 1.</label><caption><title>One.</title></caption><graphic \
             xlink:href=\"elife-00001-fig1.tif\"/></fig><fig id=\"fig2\"><label>Figure 2.</label>\
             <caption><title>Two.</title></caption><graphic xlink:href=\"elife-00001-fig2.tif\"/>\
             </fig></sec></body></article>";
        std::fs::write(&paper, text).unwrap();
        std::fs::write(folder.path().join("elife-00001-fig1.tif"), b"").unwrap();
        std::fs::write(folder.path().join("elife-00001-fig2.jpg"), b"").unwrap();
        let report = open_path(&paper);
        assert_eq!(
            figure_images(&report),
            [Some("elife-00001-fig1.tif"), Some("elife-00001-fig2.jpg")]
        );
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::unwrap_used)]
    fn an_image_written_for_a_build_in_the_folder_above_is_found_by_its_path_s_tail() {
        // A thesis chapter in `source/` whose Makefile runs Pandoc in the folder above.
        let folder = tempfile::tempdir().unwrap();
        let paper = folder.path().join("chapter_4.md");
        let text = "# Figures\n\nText.\n\n![A boat.](source/figures/boat.jpg)\n\n\
                    ![A ship.](../ship.png)\n\n![Gone.](source/figures/gone.png)\n";
        std::fs::write(&paper, text).unwrap();
        std::fs::create_dir(folder.path().join("figures")).unwrap();
        std::fs::write(folder.path().join("figures/boat.jpg"), b"").unwrap();
        std::fs::write(folder.path().join("ship.png"), b"").unwrap();
        let report = open_path(&paper);
        assert_eq!(
            figure_images(&report),
            [Some("figures/boat.jpg"), Some("ship.png"), None]
        );
    }
}

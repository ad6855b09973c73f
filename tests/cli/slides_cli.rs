//! `paperlens slides` run as the real binary: one PNG per slide of the deck at the size asked
//! for, each a drawn slide, a PDF handout with as many pages, another paper's slides, and each
//! bad input's message and exit status.
//!
//! Drawing needs a graphics adapter (a GPU or Mesa's lavapipe); on a machine with none the
//! drawing tests print a notice and pass, unless `CI` is set, where they must run.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use paperlens::app::slide_export::slide_count;
use paperlens::corpus::Corpus;
use paperlens::open::open_path;

use crate::common;
use common::{assert_exit, fixtures, paperlens, paperlens_with_env, path_str, stderr, stdout};

/// Runs `paperlens slides ARGS`; `None`, with a notice, where the machine has no graphics
/// adapter to draw with (and `CI` is not set).
fn slides_or_skip(args: &[&str]) -> Option<Output> {
    let mut all = vec!["slides"];
    all.extend_from_slice(args);
    let output = paperlens(&all);
    if output.status.code() == Some(2)
        && stderr(&output).contains("no graphics adapter")
        && std::env::var_os("CI").is_none()
    {
        println!(
            "skipped paperlens slides {}: no graphics adapter; install mesa-vulkan-drivers to run it",
            args.join(" ")
        );
        return None;
    }
    Some(output)
}

/// The PNGs in `folder`, by name.
fn pictures_in(folder: &Path) -> Vec<PathBuf> {
    let mut pictures: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "png"))
        .collect();
    pictures.sort();
    pictures
}

/// How many pages a PDF has: the `/Type /Page` objects (not `/Pages`).
fn pdf_pages(bytes: &[u8]) -> usize {
    let needle = b"/Type /Page";
    bytes
        .windows(needle.len() + 1)
        .filter(|window| window.starts_with(needle) && window[needle.len()] != b's')
        .count()
}

/// Checks that `picture` is `size` pixels and a drawn slide: many colours (anti-aliased text
/// and marks), not a blank page.
fn assert_drawn(picture: &Path, size: (u32, u32)) {
    let image = image::open(picture).unwrap().to_rgba8();
    assert_eq!(image.dimensions(), size, "{}", picture.display());
    let colours: HashSet<[u8; 4]> = image.pixels().map(|pixel| pixel.0).collect();
    assert!(
        colours.len() > 50,
        "{} has {} colours: a blank slide?",
        picture.display(),
        colours.len()
    );
}

#[test]
fn the_builtin_corpus_gives_one_picture_per_slide_and_a_handout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lecture");
    let Some(output) = slides_or_skip(&["--out", path_str(&out)]) else {
        return;
    };
    assert_exit(&output, 0);
    let count = slide_count(&Corpus::builtin());
    assert!(
        count >= 3,
        "the built-in corpus has charts, a table and cases"
    );
    let pictures = pictures_in(&out);
    assert_eq!(pictures.len(), count);
    for (number, picture) in pictures.iter().enumerate() {
        let name = format!("slide-{:02}.png", number + 1);
        assert_eq!(picture.file_name().unwrap().to_str(), Some(name.as_str()));
        assert_drawn(picture, (1920, 1080));
    }
    let pdf = std::fs::read(out.join("slides.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(pdf_pages(&pdf), count);
    // One line per file, then what was written in all.
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), count + 2, "{text}");
    assert_eq!(
        lines[0],
        format!("wrote {}", out.join("slide-01.png").display())
    );
    assert_eq!(
        lines[count],
        format!("wrote {}", out.join("slides.pdf").display())
    );
    assert_eq!(
        lines[count + 1],
        format!(
            "Wrote {count} slides (1920×1080) and slides.pdf to {}.",
            out.display()
        )
    );
}

#[test]
fn another_paper_gives_its_own_slides_at_the_size_asked_for() {
    let paper = fixtures().join("papers/jats-small.xml");
    let dir = tempfile::tempdir().unwrap();
    let Some(output) = slides_or_skip(&[
        path_str(&paper),
        "--out",
        path_str(dir.path()),
        "--size",
        "1280x720",
        "--no-pdf",
    ]) else {
        return;
    };
    let corpus = open_path(&paper).corpus.expect("the paper opens");
    let count = slide_count(&corpus);
    if count == 0 {
        assert_exit(&output, 1);
        assert!(
            stderr(&output).contains("nothing to present"),
            "{}",
            stderr(&output)
        );
        return;
    }
    assert_exit(&output, 0);
    let pictures = pictures_in(dir.path());
    assert_eq!(pictures.len(), count);
    for picture in &pictures {
        assert_drawn(picture, (1280, 720));
    }
    assert!(!dir.path().join("slides.pdf").exists(), "--no-pdf");
    assert!(
        stdout(&output).contains("(1280×720) to"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_figure_s_large_image_is_on_its_slide_not_a_placeholder() {
    // The window decodes an image file over 64 KB in the background; a slide drawn to a file
    // is drawn once, so it reads the image in that frame.
    let dir = tempfile::tempdir().unwrap();
    let paper = dir.path().join("paper.xml");
    std::fs::copy(fixtures().join("papers/jats-small.xml"), &paper).unwrap();
    // Red noise, which does not compress: a PNG of over 64 KB.
    let mut seed = 7_u32;
    let pixels: Vec<u8> = (0..1200 * 400)
        .flat_map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            [128 | seed.to_be_bytes()[0], 0, 0]
        })
        .collect();
    let image = dir.path().join("figure1.png");
    image::save_buffer(&image, &pixels, 1200, 400, image::ColorType::Rgb8).unwrap();
    assert!(std::fs::metadata(&image).unwrap().len() > 64 * 1024);
    let out = dir.path().join("slides");
    let Some(output) = slides_or_skip(&[
        path_str(&paper),
        "--out",
        path_str(&out),
        "--size",
        "1280x720",
        "--no-pdf",
    ]) else {
        return;
    };
    assert_exit(&output, 0);
    let red_pixels = |picture: &Path| {
        let image = image::open(picture).unwrap().to_rgb8();
        image
            .pixels()
            .filter(|pixel| pixel.0[0] >= 120 && pixel.0[1] < 24 && pixel.0[2] < 24)
            .count()
    };
    let most_red = pictures_in(&out).iter().map(|p| red_pixels(p)).max();
    // The image fills a good part of its slide: at least 500 × 160 of its pixels.
    assert!(
        most_red.is_some_and(|count| count > 80_000),
        "no slide shows the figure's image: {most_red:?} red pixels at most"
    );
}

#[test]
fn generated_draws_every_chart_region_and_case_even_with_a_tour() {
    let corpus = Corpus::builtin();
    assert!(
        !corpus.file.tour.is_empty(),
        "the built-in corpus has a tour"
    );
    let generated = paperlens::deck::generated(&corpus);
    assert!(generated.len() > slide_count(&corpus), "more than the tour");
    let dir = tempfile::tempdir().unwrap();
    let Some(output) = slides_or_skip(&[
        "--generated",
        "--out",
        path_str(dir.path()),
        "--size",
        "640x360",
        "--no-pdf",
    ]) else {
        return;
    };
    assert_exit(&output, 0);
    let pictures = pictures_in(dir.path());
    assert_eq!(pictures.len(), generated.len());
    assert_drawn(&pictures[0], (640, 360));
    let width = generated.len().to_string().len().max(2);
    let last = format!("slide-{:0width$}.png", generated.len());
    assert_eq!(
        pictures
            .last()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str()),
        Some(last.as_str())
    );

    // The tour's fewer slides over them: the pictures beyond it are left, and named.
    let tour = slide_count(&corpus);
    let output = paperlens(&[
        "slides",
        "--out",
        path_str(dir.path()),
        "--size",
        "640x360",
        "--no-pdf",
    ]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    let more = generated.len() - tour - 1;
    let note = format!(
        "It also holds slide-{:02}.png and {more} more from an earlier export.",
        tour + 1
    );
    assert!(text.trim_end().ends_with(&note), "{text}");
    assert_eq!(pictures_in(dir.path()).len(), generated.len());
}

#[test]
fn a_bibliography_alone_has_nothing_to_present() {
    let bibliography = fixtures().join("import/links.ris");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("slides");
    let output = paperlens(&["slides", path_str(&bibliography), "--out", path_str(&out)]);
    assert_exit(&output, 1);
    let message = stderr(&output);
    assert!(message.contains("a bibliography on its own"), "{message}");
    assert!(message.contains("give a paper or a corpus"), "{message}");
    assert!(!out.exists(), "no empty folder is left behind");
}

#[test]
fn an_out_that_is_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = common::write_temp(&dir, "notes.txt", b"keep me");
    let output = paperlens(&["slides", "--out", path_str(&file)]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains("is a file"), "{message}");
    assert!(message.contains("folder"), "{message}");
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
}

#[test]
fn an_out_that_cannot_be_made_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = common::write_temp(&dir, "notes.txt", b"x");
    let inside_a_file = file.join("slides");
    let Some(output) = slides_or_skip(&["--out", path_str(&inside_a_file)]) else {
        return;
    };
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains("cannot make the folder"), "{message}");
    assert!(message.contains(path_str(&inside_a_file)), "{message}");
}

#[test]
fn a_bad_size_is_refused_before_anything_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("slides");
    for (size, says) in [
        ("big", "not WIDTHxHEIGHT"),
        ("1920x", "not WIDTHxHEIGHT"),
        ("10x10", "200 to 8192 pixels"),
        ("100000x1080", "200 to 8192 pixels"),
    ] {
        let output = paperlens(&["slides", "--out", path_str(&out), "--size", size]);
        assert_exit(&output, 2);
        let message = stderr(&output);
        assert!(message.contains("--size"), "{size}: {message}");
        assert!(message.contains(says), "{size}: {message}");
    }
    assert!(!out.exists(), "nothing is written for a bad size");
}

#[test]
fn a_corpus_that_does_not_load_is_reported_as_check_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("slides");
    let missing = dir.path().join("no-such-corpus.json");
    let output = paperlens(&["slides", path_str(&missing), "--out", path_str(&out)]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("no-such-corpus.json"),
        "{}",
        stderr(&output)
    );

    let invalid = fixtures().join("invalid/unknown-region.json");
    let output = paperlens(&["slides", path_str(&invalid), "--out", path_str(&out)]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains("error[unknown-region]"), "{message}");
    assert!(message.contains("unknown-region.json:"), "{message}");
    assert!(
        !out.exists(),
        "nothing is written for a corpus that does not load"
    );
}

#[test]
fn no_graphics_adapter_says_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("slides");
    // wgpu's no-op backend draws nothing, so it is never taken for an adapter.
    let output = paperlens_with_env(
        &["slides", "--out", path_str(&out)],
        &[("WGPU_BACKEND", std::ffi::OsStr::new("noop"))],
    );
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains("no graphics adapter"), "{message}");
    assert!(message.contains("mesa-vulkan-drivers"), "{message}");
    assert!(!out.exists(), "no empty folder is left behind");
}

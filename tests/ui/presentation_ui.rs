//! UI tests of presentation mode over the deck: stepping through a tour, the speaker notes over a
//! slide, the presenter view, and a second paper's generated slides.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::state::StateStore;
use paperlens::deck::{Shows, TableLayout};

use crate::explorer::{accessible_texts, explorer};

/// The window in presentation mode on `path` (the built-in corpus without one).
fn presenting(path: Option<PathBuf>) -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions {
        path,
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    harness.run_steps(8);
    harness.key_press(Key::F11);
    harness.run_steps(4);
    harness
}

fn slide(harness: &Harness<'_, Explorer>) -> usize {
    harness.state().presentation.as_ref().unwrap().slide
}

/// The window in presentation mode on a paper written as `text` to a file named `name` in a
/// folder of its own (kept while the harness runs).
fn presenting_text(name: &str, text: &str) -> (tempfile::TempDir, Harness<'static, Explorer>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, presenting(Some(path)))
}

/// A JATS article titled `title` whose one section, Results, holds `section` (its paragraphs
/// and floats).
fn jats_results(title: &str, section: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article">
<front><article-meta><title-group><article-title>{title}</article-title></title-group></article-meta></front>
<body><sec id="s1"><title>Results</title>{section}</sec></body>
</article>"#
    )
}

/// Steps to the first slide that shows what `wanted` accepts and draws it; that slide's
/// number. Fails the test when no slide does.
fn show_first(harness: &mut Harness<'_, Explorer>, wanted: impl Fn(&Shows) -> bool) -> usize {
    let presentation = harness.state().presentation.as_ref().unwrap();
    let number = presentation
        .slides
        .iter()
        .position(|slide| wanted(&slide.shows))
        .expect("a slide shows it");
    harness.state_mut().presentation.as_mut().unwrap().slide = number;
    harness.run_steps(3);
    number
}

#[test]
fn presentation_steps_through_the_tour_with_its_titles() {
    let mut harness = presenting(None);
    let tour = &harness.state().corpus().file.tour;
    assert!(!tour.is_empty(), "the built-in corpus ships a tour");
    let presentation = harness.state().presentation.as_ref().unwrap();
    assert_eq!(presentation.slides.len(), tour.len());
    assert!(
        presentation
            .slides
            .iter()
            .enumerate()
            .all(|(i, s)| s.step == Some(i))
    );
    let titles: Vec<Option<String>> = presentation
        .slides
        .iter()
        .map(|s| s.title.clone())
        .collect();
    assert_eq!(slide(&harness), 0);
    if let Some(first) = &titles[0] {
        harness.get_by_label(first);
    }
    harness.key_press(Key::ArrowRight);
    harness.run_steps(3);
    assert_eq!(slide(&harness), 1);
    harness.get_by_label_contains(&format!("2 / {}", titles.len()));
    harness.key_press(Key::End);
    harness.run_steps(3);
    assert_eq!(slide(&harness), titles.len() - 1);
    harness.key_press(Key::ArrowRight);
    harness.run_steps(3);
    assert_eq!(slide(&harness), titles.len() - 1, "the last slide stays");
    harness.key_press(Key::Home);
    harness.run_steps(3);
    assert_eq!(slide(&harness), 0);
}

#[test]
fn speaker_notes_show_over_the_slide_and_hide_again() {
    let mut harness = presenting(None);
    let notes = harness.state().presentation.as_ref().unwrap().slides[0]
        .notes
        .clone();
    assert!(!notes.is_empty());
    assert!(
        harness.query_by_label(&notes).is_none(),
        "notes are hidden at first"
    );
    harness.key_press(Key::N);
    harness.run_steps(3);
    harness.get_by_label(&notes);
    harness.get_by_label("Speaker notes (N hides)");
    harness.key_press(Key::N);
    harness.run_steps(3);
    assert!(harness.query_by_label(&notes).is_none());
}

#[test]
fn the_presenter_view_shows_the_notes_the_next_slide_a_timer_and_the_list() {
    let mut harness = presenting(None);
    harness.key_press(Key::P);
    harness.run_steps(4);
    let presentation = harness.state().presentation.as_ref().unwrap();
    assert!(presentation.presenter.is_some());
    let slides = presentation.slides.clone();
    harness.get_by_label("Speaker notes");
    harness.get_by_label(slides[0].notes.trim());
    harness.get_by_label("Next");
    harness.get_by_label("Restart timer");
    let texts = accessible_texts(&harness);
    assert!(
        texts.iter().any(|t| t.starts_with("0:0")),
        "a timer from 0:00: {texts:?}"
    );
    // The slide list: every slide by number and name; a click goes to it.
    let corpus = harness.state().corpus().clone();
    for (position, one) in slides.iter().enumerate() {
        harness.get_by_label(&format!(
            "{}. {}",
            position + 1,
            paperlens::deck::slide_label(&corpus, one)
        ));
    }
    let third = format!("3. {}", paperlens::deck::slide_label(&corpus, &slides[2]));
    harness.get_by_label(&third).click();
    harness.run_steps(4);
    assert_eq!(slide(&harness), 2);
    harness.get_by_label(&format!("Slide 3 of {}", slides.len()));
    if !slides[2].notes.is_empty() {
        harness.get_by_label(slides[2].notes.trim());
    }
    // P again closes it, back to the slide alone.
    harness.key_press(Key::P);
    harness.run_steps(3);
    assert!(
        harness
            .state()
            .presentation
            .as_ref()
            .unwrap()
            .presenter
            .is_none()
    );
    assert!(harness.query_by_label("Speaker notes").is_none());
}

#[test]
fn a_second_paper_presents_its_own_slides() {
    let mut harness = presenting(Some(PathBuf::from("tests/fixtures/papers/jats-small.xml")));
    let presentation = harness.state().presentation.as_ref().unwrap();
    assert_eq!(presentation.slides[0].shows, Shows::Title);
    assert!(presentation.slides.iter().all(|s| s.step.is_none()));
    let title = harness.state().corpus().file.paper.title.clone();
    harness.get_by_label(title.trim());
    let count = presentation.slides.len();
    for _ in 0..count {
        for text in accessible_texts(&harness) {
            let lower = text.to_lowercase();
            for word in ["trafficking", "liberalism", "fitria", "asean", "unodc"] {
                assert!(!lower.contains(word), "{word:?} shows in {text:?}");
            }
        }
        harness.key_press(Key::ArrowRight);
        harness.run_steps(3);
    }
    assert_eq!(slide(&harness), count - 1);
}

/// The small line over a slide's title keeps the paper's letters: its units and names are not
/// set in capitals (`(mm)` is not `(MM)`, `mU` not `MU`).
#[test]
fn a_slide_s_kicker_keeps_the_paper_s_letters() {
    let mut harness = presenting(Some(PathBuf::from("tests/fixtures/papers/jats-small.xml")));
    let count = harness.state().presentation.as_ref().unwrap().slides.len();
    let mut kickers = Vec::new();
    for _ in 0..count {
        let texts = accessible_texts(&harness);
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("(MM)") && !t.contains("TABLE")),
            "{texts:#?}"
        );
        kickers.extend(texts.into_iter().filter(|t| t.starts_with("Table 1")));
        harness.key_press(Key::ArrowRight);
        harness.run_steps(3);
    }
    assert!(!kickers.is_empty(), "a table slide names its table");
}

/// Every file of a folder of real papers, or none after a notice when it is absent.
fn real_papers() -> Vec<PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/papers");
    let Ok(kinds) = std::fs::read_dir(&root) else {
        println!("skipped the real papers: {} is not present", root.display());
        return Vec::new();
    };
    let mut papers: Vec<PathBuf> = kinds
        .flatten()
        .filter_map(|kind| std::fs::read_dir(kind.path()).ok())
        .flat_map(|files| files.flatten().map(|file| file.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ["xml", "nxml", "tei", "md"].iter().any(|e| ext == *e))
        })
        .collect();
    papers.sort();
    papers
}

/// Every generated slide of the fixture papers is drawn full size and, in the presenter view, as
/// the current and the next slide's thumbnails; every real paper's slides as thumbnails (the
/// small sizes are where a layout runs out of room). None may panic.
#[test]
fn every_slide_of_every_paper_draws_full_size_and_as_a_thumbnail() {
    let fixtures = [
        PathBuf::from("tests/fixtures/papers/jats-small.xml"),
        PathBuf::from("tests/fixtures/papers/markdown-small/paper.md"),
    ];
    let papers = fixtures
        .into_iter()
        .map(|paper| (paper, true))
        .chain(real_papers().into_iter().map(|paper| (paper, false)));
    for (paper, full_size) in papers {
        let Some(corpus) = paperlens::open::open_path(&paper).corpus else {
            panic!("{} does not open", paper.display());
        };
        let mut slides = paperlens::deck::generated(&corpus);
        assert!(!slides.is_empty(), "{} gives no slides", paper.display());
        if !full_size {
            // Of a real paper, the first three slides of each kind: a kind is one layout.
            let mut seen: Vec<std::mem::Discriminant<Shows>> = Vec::new();
            slides.retain(|slide| {
                let kind = std::mem::discriminant(&slide.shows);
                seen.push(kind);
                seen.iter().filter(|k| **k == kind).count() <= 3
            });
        }
        let mut harness = explorer(StartOptions {
            corpus: Some(corpus),
            store: Some(StateStore::in_memory()),
            present: true,
            ..StartOptions::default()
        });
        harness.run_steps(2);
        harness.state_mut().presentation.as_mut().unwrap().slides = slides.clone();
        let passes: &[bool] = if full_size { &[false, true] } else { &[true] };
        for &presenter in passes {
            if presenter {
                harness.key_press(Key::P);
            }
            for number in 0..slides.len() {
                harness.state_mut().presentation.as_mut().unwrap().slide = number;
                harness.run_steps(1);
            }
        }
    }
}

/// A tour passage too long for body type on a slide shows the sentences around its marked words,
/// cut with "…", not the whole paragraph in small type.
#[test]
fn a_long_passage_is_cut_around_its_marked_words() {
    let mut file = paperlens::corpus::Corpus::builtin().file;
    let paragraph = &mut file.sections[0].paragraphs[0];
    let id = paragraph.id.clone();
    let sentence = "Filler words stand here only to make the paragraph far too long for a slide.";
    let filler = vec![sentence; 30].join(" ");
    paragraph.text = format!("{filler} The marked words are here. {filler}");
    file.tour = vec![paperlens::corpus::model::TourStep {
        show: format!("paragraph:{id}"),
        highlight: Some("marked words".to_owned()),
        ..Default::default()
    }];
    let corpus = paperlens::corpus::Corpus::from_file(file, "long.json").unwrap();
    let mut harness = explorer(StartOptions {
        corpus: Some(corpus),
        store: Some(StateStore::in_memory()),
        present: true,
        ..StartOptions::default()
    });
    harness.run_steps(6);
    let shown = harness.get_by_label_contains("The marked words are here.");
    let node = shown.accesskit_node();
    let text = node.label().or(node.value()).unwrap_or_default();
    assert!(text.starts_with("… ") && text.ends_with(" …"), "{text}");
    assert!(text.matches(sentence).count() < 60, "{text}");
}

/// A table of numbers is presented as a grid: its rows and columns as printed, each cell and
/// header read out on its own, the whole table on one slide.
#[test]
fn a_table_of_numbers_is_presented_as_a_grid_of_its_cells() {
    let mut harness = presenting(Some(PathBuf::from("tests/fixtures/papers/jats-small.xml")));
    let number = show_first(&mut harness, |shows| matches!(shows, Shows::Table { .. }));
    let presentation = harness.state().presentation.as_ref().unwrap();
    let Shows::Table {
        rows,
        heading,
        layout,
        ..
    } = &presentation.slides[number].shows
    else {
        unreachable!("found as a table slide");
    };
    assert_eq!(*layout, TableLayout::Grid);
    assert_eq!((rows.as_slice(), heading.as_str()), (&[0, 1][..], ""));
    for text in [
        "Catchment",
        "Rainfall (mm)",
        "Discharge (mm)",
        "Afon Hafren",
        "2,480",
        "1,950",
        "Coalburn",
        "1,340",
        "890",
    ] {
        harness.get_by_label(text);
    }
}

/// A table the file gives without rows (GROBID's `<table />`) is presented with what there is:
/// its caption, a word that the rows are not in the file, and the notes printed under it.
#[test]
fn a_table_without_rows_is_presented_with_its_caption_and_notes() {
    // GROBID writes `<table />` for a table it could not read.
    let path = PathBuf::from("tests/fixtures/papers/tei-table-without-rows.xml");
    let mut harness = presenting(Some(path));
    show_first(&mut harness, |shows| matches!(shows, Shows::Table { .. }));
    harness.get_by_label("Sediment load by storm.");
    harness.get_by_label("The file gives no rows for this table, only its caption and notes.");
    harness.get_by_label_contains("Loads are in tonnes per day.");
}

/// Started with a table row selected and `--present`, the presentation opens on the slide of
/// that row's table.
#[test]
fn presenting_at_start_opens_on_the_selected_row_s_slide() {
    let mut harness = explorer(StartOptions {
        path: Some(PathBuf::from("tests/fixtures/papers/jats-small.xml")),
        select: Some("row:t1.r2".to_owned()),
        store: Some(StateStore::in_memory()),
        present: true,
        ..StartOptions::default()
    });
    harness.run_steps(4);
    let presentation = harness.state().presentation.as_ref().unwrap();
    let shown = &presentation.slides[presentation.slide].shows;
    assert!(
        matches!(shown, Shows::Table { rows, .. } if rows.contains(&1)),
        "{shown:?}"
    );
    harness.get_by_label("Coalburn");
}

/// A grid keeps the notes printed under its table, which say what its marks mean.
#[test]
fn a_grid_slide_shows_the_notes_under_its_table() {
    let jats = jats_results(
        "Stool consistency",
        r#"<p>Most samples were soft (<xref ref-type="table" rid="t1">Table 1</xref>).</p>
<table-wrap id="t1"><label>Table 1</label><caption><title>Samples by consistency.</title></caption>
<table><thead><tr><th>Consistency</th><th>Samples</th></tr></thead>
<tbody><tr><td>Soft</td><td>125 *</td></tr><tr><td>Lumpy</td><td>17</td></tr></tbody></table>
<table-wrap-foot><fn id="tf1"><p>* Nine samples were too small to classify.</p></fn></table-wrap-foot>
</table-wrap>"#,
    );
    let (_dir, mut harness) = presenting_text("stool.xml", &jats);
    show_first(&mut harness, |shows| {
        matches!(
            shows,
            Shows::Table {
                layout: TableLayout::Grid,
                ..
            }
        )
    });
    harness.get_by_label("125 *");
    harness.get_by_label_contains("Nine samples were too small to classify.");
}

/// A figure's slide names it once, above its heading (`Figure 1`, then the caption's first
/// sentence; the heading repeated the label before), with the rest of the caption under the
/// heading.
#[test]
fn a_figure_slide_names_the_figure_over_its_caption_s_first_sentence() {
    let jats = jats_results(
        "Two gauges",
        r#"<p>Both rivers rose in winter (<xref ref-type="fig" rid="f1">Figure 1</xref>).</p>
<fig id="f1"><label>Figure 1</label><caption><title>Daily discharge at both gauges</title>
<p>(A) Afon Hafren. (B) Coalburn.</p></caption></fig>"#,
    );
    let (_dir, mut harness) = presenting_text("gauges.xml", &jats);
    show_first(&mut harness, |shows| matches!(shows, Shows::Figure(_)));
    let kicker = harness.get_by_label("Figure 1");
    let heading = harness.get_by_label("Daily discharge at both gauges.");
    let legend = harness.get_by_label("(A) Afon Hafren. (B) Coalburn.");
    assert!(kicker.rect().bottom() <= heading.rect().top());
    assert!(heading.rect().bottom() <= legend.rect().top());
    assert!(
        harness
            .query_all_by_label_contains("Figure 1. Daily")
            .next()
            .is_none(),
        "the label is not printed again in the heading"
    );
}

/// eLife prints small tables in the text without a label or caption. Their slide is named by
/// where the table stands and headed by its columns, as the Table view names it, not left
/// without a heading.
#[test]
fn a_table_without_label_or_caption_is_named_by_its_section_and_columns() {
    let jats = jats_results(
        "Flowering time",
        r#"<p>Silencing shortened flowering time:</p>
<table-wrap id="tblu1" position="anchor"><table><thead><tr><th/><th>Value</th><th>p</th></tr></thead>
<tbody><tr><td>(Intercept)</td><td>0.19</td><td>&lt;0.0001</td></tr><tr><td>Deficiency</td><td>0.09</td><td>&lt;0.0001</td></tr></tbody></table>
</table-wrap>"#,
    );
    let (_dir, mut harness) = presenting_text("flowering.xml", &jats);
    show_first(&mut harness, |shows| matches!(shows, Shows::Table { .. }));
    let kicker = harness.get_by_label("Table in “Results”");
    let heading = harness.get_by_label("Table of Value, p");
    assert!(kicker.rect().bottom() <= heading.rect().top());
    harness.get_by_label("(Intercept)");
}

/// eLife's table legends run to ten lines: a table's slide is headed by its caption's first
/// sentence, the rest set small under it on the table's first slide only, not over each of
/// its slides in heading type.
#[test]
fn a_table_s_long_legend_stands_small_on_its_first_slide_only() {
    let rows: Vec<String> = (1..=14)
        .map(|n| {
            format!(
                "<tr><td>{n:04}</td><td>Reaction {n}</td><td>{}</td></tr>",
                n * 3
            )
        })
        .collect();
    let rows = rows.concat();
    let jats = jats_results(
        "Minimal cell",
        &format!(
            r#"<p>See <xref ref-type="table" rid="table2">Table 2</xref>.</p>
<table-wrap id="table2"><label>Table 2.</label><caption><title>Genes modeled in the reconstruction.</title>
<p>The prefix on the locus tags has been omitted for brevity. Loci marked with an asterisk are technical.</p></caption>
<table><thead><tr><th>Locus</th><th>Reaction</th><th>Count</th></tr></thead><tbody>{rows}</tbody></table>
</table-wrap>"#
        ),
    );
    let (_dir, mut harness) = presenting_text("cell.xml", &jats);
    let first = show_first(&mut harness, |shows| matches!(shows, Shows::Table { .. }));
    harness.get_by_label("Genes modeled in the reconstruction.");
    let legend = "The prefix on the locus tags has been omitted for brevity. Loci marked with an \
                  asterisk are technical.";
    harness.get_by_label(legend);
    harness.get_by_label("0001");
    // Fourteen rows are two slides of seven: the second has the heading, not the legend.
    harness.state_mut().presentation.as_mut().unwrap().slide = first + 1;
    harness.run_steps(3);
    harness.get_by_label("Genes modeled in the reconstruction.");
    harness.get_by_label("0008");
    assert!(harness.query_by_label(legend).is_none());
}

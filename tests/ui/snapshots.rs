//! Snapshot tests of each main view (`egui_kittest` `snapshot` + `wgpu`).
//!
//! They render with wgpu; on a machine without a usable renderer (no GPU and no Mesa
//! lavapipe) they print a notice and pass, unless `CI` is set, where they must run.
//! Update the images with `UPDATE_SNAPSHOTS=1 cargo test --test ui snapshots`.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, SnapshotError};
use paperlens::app::cases_view::CasesView;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::Reader;
use paperlens::app::table_view::TableView;
use paperlens::app::trends_view::{TrendsTab, TrendsView};
use paperlens::deck::Shows;

/// Builds the app at a fixed size on a view, with an optional selection.
fn app(view: &str, select: Option<&str>) -> Harness<'static, Explorer> {
    let options = StartOptions {
        view: Some(view.to_owned()),
        select: select.map(str::to_owned),
        ..StartOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size([1024.0, 640.0])
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options));
    harness.run_steps(8);
    harness
}

/// Compares with `tests/snapshots/NAME.png`, or skips with a notice where nothing can render.
pub fn snapshot_or_skip<State>(harness: &mut Harness<'_, State>, name: &str) {
    match harness.try_snapshot(name) {
        Ok(()) => {}
        Err(SnapshotError::RenderError { err }) if std::env::var_os("CI").is_none() => {
            println!(
                "skipped snapshot {name}: no usable renderer ({err}); install mesa-vulkan-drivers to run it"
            );
        }
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn reader_with_a_selected_citation() {
    let mut harness = app(Reader::ID, Some("citation:literature-review.p3/0"));
    snapshot_or_skip(&mut harness, "reader");
}

#[test]
fn table_filtered_by_region() {
    let mut harness = app(TableView::ID, Some("region:asean"));
    snapshot_or_skip(&mut harness, "table");
}

#[test]
fn cases_cards() {
    let mut harness = app(CasesView::ID, Some("case:spain-invisible-brothels"));
    snapshot_or_skip(&mut harness, "cases");
}

#[test]
fn trends_chart() {
    let mut harness = app(TrendsView::ID, Some("point:victims/2022"));
    snapshot_or_skip(&mut harness, "trends");
}

#[test]
fn trends_data_tab() {
    let mut harness = app(TrendsView::ID, None);
    if let Some(trends) = harness.state_mut().views_mut().get_mut::<TrendsView>() {
        trends.tab = TrendsTab::Table;
    }
    harness.run_steps(4);
    snapshot_or_skip(&mut harness, "trends-data");
}

/// Presentation mode at 1920×1080 (a projector) on the first generated slide of `wanted`'s
/// kind.
fn slide(wanted: fn(&Shows) -> bool) -> Harness<'static, Explorer> {
    let options = StartOptions {
        present: true,
        ..StartOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options));
    harness.run_steps(4);
    // The slides the corpus gives by itself, whatever its tour.
    let slides = paperlens::deck::generated(harness.state().corpus());
    let presentation = harness.state_mut().presentation.as_mut().unwrap();
    presentation.slides = slides;
    presentation.slide = presentation
        .slides
        .iter()
        .position(|slide| wanted(&slide.shows))
        .unwrap();
    harness.run_steps(6);
    harness
}

#[test]
fn chart_slide() {
    let mut harness = slide(|shows| matches!(shows, Shows::Chart { .. }));
    snapshot_or_skip(&mut harness, "slide-chart");
}

#[test]
fn case_slide() {
    let mut harness = slide(|shows| matches!(shows, Shows::Case(_)));
    snapshot_or_skip(&mut harness, "slide-case");
}

#[test]
fn table_slide() {
    let mut harness = slide(|shows| matches!(shows, Shows::Table { .. }));
    // The first region's rows as cards, each read out whole.
    harness.get_by_label_contains("ASEAN-ACT (ASEAN-Australia Counter Trafficking)");
    snapshot_or_skip(&mut harness, "slide-table");
}

/// The Reader on the Background section of a real JOSS paper (gmr, Markdown), where entity
/// mentions stand over citation chips and wrap; `None`, said, when `../shared` is absent.
fn gmr_background() -> Option<Harness<'static, Explorer>> {
    let paper =
        std::path::Path::new("../shared/data/papers/markdown/AlexanderFabisch__gmr/paper.md");
    if !paper.exists() {
        println!("skipped: {} is not present", paper.display());
        return None;
    }
    let mut harness = crate::explorer::explorer(StartOptions {
        path: Some(paper.to_owned()),
        view: Some(Reader::ID.to_owned()),
        select: Some("section:background".to_owned()),
        store: Some(paperlens::app::state::StateStore::in_memory()),
        ..StartOptions::default()
    });
    harness.run_steps(10);
    Some(harness)
}

/// The window's picture, one pixel a point; `None`, said, when there is no renderer here
/// (CI always has one).
fn rendered(harness: &mut Harness<'static, Explorer>) -> Option<image::RgbaImage> {
    match harness.render() {
        Ok(image) => Some(image),
        Err(err) if std::env::var_os("CI").is_none() => {
            println!("skipped: no usable renderer ({err})");
            None
        }
        Err(err) => panic!("{err}"),
    }
}

/// A mention that wraps is underlined under its words only: not under the space its first row
/// ends with, where egui's own underline ran on.
#[test]
fn a_wrapped_mention_is_not_underlined_under_the_space_it_wraps_at() {
    let Some(mut harness) = gmr_background() else {
        return;
    };
    let wrapped: Vec<eframe::egui::Rect> =
        ["Gaussian mixture regression", "Gaussian mixture model"]
            .into_iter()
            .flat_map(|name| {
                harness
                    .query_all_by_label(name)
                    .map(|node| node.rect())
                    .collect::<Vec<_>>()
            })
            .filter(|rect| rect.height() > 30.0 && rect.top() > 0.0 && rect.bottom() < 790.0)
            .collect();
    assert!(!wrapped.is_empty(), "a mention wraps in view");
    let Some(image) = rendered(&mut harness) else {
        return;
    };
    for rect in wrapped {
        // The mention's first row ends at the right of its rect, with the space it wraps at:
        // its last two pixels there hold no ink and no underline.
        // Truncation is wanted: pixel coordinates (one point is one pixel here).
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (right, top, first_row_bottom) = (
            rect.right().floor() as u32,
            rect.top().ceil() as u32,
            rect.center().y.floor() as u32,
        );
        for y in top..=first_row_bottom {
            for x in right - 2..right {
                let [r, g, b, _] = image.get_pixel(x, y).0;
                assert!(
                    u32::from(r) + u32::from(g) + u32::from(b) > 3 * 200,
                    "({x}, {y}) after the first row of the mention at {rect:?} is blank"
                );
            }
        }
    }
}

/// Every entity mention on one row is underlined across its whole width. A citation chip on
/// the row below, its fill grown by a point, covered part of the underline ("Gaussian mixture
/// regression" over "(1994). Calinon et al. (2007)" in a real JOSS paper).
#[test]
fn a_mention_is_underlined_across_its_width_over_a_citation_chip() {
    let Some(mut harness) = gmr_background() else {
        return;
    };
    let mentions: Vec<eframe::egui::Rect> = harness
        .query_all_by_label("Gaussian mixture regression")
        .map(|node| node.rect())
        .filter(|rect| rect.height() < 30.0 && rect.top() > 0.0 && rect.bottom() < 790.0)
        .collect();
    assert!(mentions.len() >= 3, "mentions in view: {mentions:?}");
    let Some(image) = rendered(&mut harness) else {
        return;
    };
    let dark = |x: u32, y: u32| {
        let [r, g, b, _] = image.get_pixel(x, y).0;
        u32::from(r) + u32::from(g) + u32::from(b) < 3 * 200
    };
    for rect in mentions {
        // Truncation is wanted: pixel coordinates (one point is one pixel here).
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (left, right, bottom) = (
            rect.left().ceil() as u32 + 1,
            rect.right().floor() as u32 - 2,
            rect.bottom().round() as u32,
        );
        let underlined = (bottom - 4..=bottom + 1).any(|y| (left..right).all(|x| dark(x, y)));
        assert!(
            underlined,
            "the mention at {rect:?} is underlined across its width"
        );
    }
}

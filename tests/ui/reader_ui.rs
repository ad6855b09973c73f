//! The Reader's tables, figures, boxes, equations and footnotes, and the Navigator's Figures &
//! tables tab, on a small corpus of their own (`tests/fixtures/reader.json`).
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::Reader;
use paperlens::app::table_view::TableView;
use paperlens::corpus::Item;

use crate::common::fixtures;
use crate::explorer::settle;

/// The explorer on the Reader, showing the fixture corpus, in a window tall enough to show
/// all of it without scrolling.
fn reader() -> Harness<'static, Explorer> {
    reader_with(StartOptions {
        path: Some(fixtures().join("reader.json")),
        ..StartOptions::default()
    })
}

/// The Reader fixture as JSON, to change before opening it with [`reader_of`].
fn reader_json() -> serde_json::Value {
    let text = std::fs::read_to_string(fixtures().join("reader.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The window opened on the Reader with the corpus `value`, its notes in memory.
fn reader_of(value: &serde_json::Value) -> Harness<'static, Explorer> {
    let corpus = paperlens::corpus::Corpus::from_json(&value.to_string(), "reader.json")
        .unwrap_or_else(|report| panic!("{:?}", report.diagnostics));
    reader_with(StartOptions {
        corpus: Some(corpus),
        store: Some(paperlens::app::state::StateStore::in_memory()),
        ..StartOptions::default()
    })
}

/// The window opened with `options` on the Reader, 1280×1400, settled.
fn reader_with(options: StartOptions) -> Harness<'static, Explorer> {
    let options = StartOptions {
        view: Some(Reader::ID.to_owned()),
        ..options
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 1400.0])
        .build_eframe(move |cc| Explorer::new(&cc.egui_ctx, options));
    settle(&mut harness);
    harness
}

/// The node labelled `label` with `role` in the Reader (right of the navigator).
fn in_reader<'h>(
    harness: &'h Harness<'_, Explorer>,
    role: egui::accesskit::Role,
    label: &'h str,
) -> egui_kittest::Node<'h> {
    harness
        .get_all_by_role_and_label(role, label)
        .find(|node| node.rect().left() > 285.0)
        .unwrap_or_else(|| panic!("no {role:?} {label:?} in the Reader"))
}

/// Clicks the node labelled `label` with `role` in the Reader, and lets the window settle.
fn click_in_reader(harness: &mut Harness<'_, Explorer>, role: egui::accesskit::Role, label: &str) {
    in_reader(harness, role, label).click();
    settle(harness);
}

fn selected(harness: &Harness<'_, Explorer>) -> Option<Item> {
    harness.state().selection.selected
}

#[test]
fn a_table_stands_as_a_card_that_selects_it_and_shows_it_in_the_table_view() {
    let mut harness = reader();
    harness.get_by_label("Region  ·  Cases");
    click_in_reader(
        &mut harness,
        egui::accesskit::Role::Button,
        "Table 1. Cases by region",
    );
    assert_eq!(selected(&harness), Some(Item::Table(0)));
    assert_eq!(harness.state().view(), Reader::ID);
    harness.get_by_label("Show in Table view").click();
    settle(&mut harness);
    assert_eq!(harness.state().view(), TableView::ID);
    assert_eq!(selected(&harness), Some(Item::Table(0)));
}

#[test]
fn a_figure_without_its_image_says_so_and_its_card_selects_it() {
    let mut harness = reader();
    // Figure 1 has no image; Figure 2's image is beside the corpus and is drawn.
    assert_eq!(
        harness.query_all_by_label("Image not in the text").count(),
        1
    );
    click_in_reader(
        &mut harness,
        egui::accesskit::Role::Button,
        "Figure 1. Cases over time",
    );
    assert_eq!(selected(&harness), Some(Item::Figure(0)));
    click_in_reader(
        &mut harness,
        egui::accesskit::Role::Image,
        "Figure 2. Where the cases were counted",
    );
    assert_eq!(selected(&harness), Some(Item::Figure(1)));
}

#[test]
fn a_figure_s_inner_words_show_on_its_card_and_in_the_inspector() {
    let mut corpus = reader_json();
    corpus["figures"][0]["inner_text"] = "Cases · 2020 · 2021".into();
    let mut harness = reader_of(&corpus);
    harness.get_by_label("Words in the figure: Cases · 2020 · 2021");
    assert!(harness.query_by_label("Words in the figure").is_none());
    click_in_reader(
        &mut harness,
        egui::accesskit::Role::Button,
        "Figure 1. Cases over time",
    );
    assert_eq!(selected(&harness), Some(Item::Figure(0)));
    // The inspector lists them under a heading of their own.
    harness.get_by_label("Words in the figure");
    harness.get_by_label("Cases · 2020 · 2021");
}

#[test]
fn a_large_figure_image_loads_in_the_background_and_then_shows() {
    let folder = tempfile::tempdir().unwrap();
    let mut corpus = reader_json();
    corpus["figures"][1]["image"] = "map.png".into();
    // Noise does not compress: a PNG of 1,200 × 200 pixels is over 700 KB, too large to
    // decode while a frame is drawn.
    let mut seed = 7_u32;
    let noise: Vec<u8> = (0..1200 * 200 * 3)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            seed.to_be_bytes()[0]
        })
        .collect();
    let image = folder.path().join("map.png");
    image::save_buffer(&image, &noise, 1200, 200, image::ColorType::Rgb8).unwrap();
    let path = folder.path().join("paper.json");
    std::fs::write(&path, corpus.to_string()).unwrap();
    let mut harness = reader_with(StartOptions {
        path: Some(path),
        store: Some(paperlens::app::state::StateStore::in_memory()),
        ..StartOptions::default()
    });
    let shown = |harness: &Harness<'_, Explorer>| {
        harness
            .query_by_role_and_label(
                egui::accesskit::Role::Image,
                "Figure 2. Where the cases were counted",
            )
            .is_some()
    };
    let loading =
        |harness: &Harness<'_, Explorer>| harness.query_by_label("Loading the image…").is_some();
    // The card holds the image's place, then the image, whenever the decoding ends.
    assert!(loading(&harness) || shown(&harness));
    let waited = std::time::Instant::now();
    while !shown(&harness) {
        assert!(
            waited.elapsed() < std::time::Duration::from_mins(1),
            "the image is decoded and shown"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    assert!(!loading(&harness));
    assert_eq!(harness.query_all_by_label_contains("Image not").count(), 1);
    // The figure's slide draws the image the Reader decoded: no second wait for it.
    harness.key_press(egui::Key::F11);
    harness.run_steps(2);
    let presentation = harness.state_mut().presentation.as_mut().unwrap();
    presentation.slide = presentation
        .slides
        .iter()
        .position(|slide| slide.shows == paperlens::deck::Shows::Figure(1))
        .expect("the figure has a slide");
    harness.run_steps(2);
    assert!(!loading(&harness));
    assert!(
        harness
            .query_all_by_role(egui::accesskit::Role::Image)
            .count()
            == 1
    );
}

#[test]
fn a_figure_image_that_cannot_be_read_says_why_and_what_to_do() {
    let folder = tempfile::tempdir().unwrap();
    let mut corpus = reader_json();
    corpus["figures"][1]["image"] = "map.bmp".into();
    corpus["figures"][0]["image"] = "damaged.png".into();
    std::fs::write(folder.path().join("map.bmp"), b"BM\x3a\x00\x00\x00").unwrap();
    std::fs::write(
        folder.path().join("damaged.png"),
        b"\x89PNG\r\n\x1a\nnot really",
    )
    .unwrap();
    let path = folder.path().join("paper.json");
    std::fs::write(&path, corpus.to_string()).unwrap();
    let harness = reader_with(StartOptions {
        path: Some(path),
        store: Some(paperlens::app::state::StateStore::in_memory()),
        ..StartOptions::default()
    });
    harness.get_by_label(
        "Image not shown: map.bmp is a BMP image, which paperlens does not read; save it as \
         PNG, JPEG or TIFF",
    );
    harness.get_by_label(
        "Image not shown: damaged.png is damaged or not a whole image of its kind; save it \
         again as PNG, JPEG or TIFF",
    );
    assert_eq!(
        harness.query_all_by_label("Image not in the text").count(),
        0
    );
}

#[test]
fn a_box_is_framed_with_its_label_and_title_and_selects_its_section() {
    let mut harness = reader();
    harness
        .get_all_by_label("Box 1. Definitions")
        .find(|node| node.rect().left() > 300.0)
        .expect("the box's heading in the Reader")
        .click();
    settle(&mut harness);
    assert_eq!(selected(&harness), Some(Item::Section(1)));
    // The Inspector says what it is: a box, not a section.
    harness.get_by_label("BOX");
    assert!(harness.query_by_label("SECTION").is_none());
    harness.get_by_label("1 paragraph");
    assert!(
        harness
            .query_all_by_label("A case is one person counted once.")
            .any(|node| node.rect().left() > 285.0)
    );
}

#[test]
fn a_tex_equation_reads_as_a_line_of_text_with_its_source_a_click_away() {
    let mut harness = reader();
    harness.get_by_label("(1)");
    assert!(
        harness.query_by_label_contains("\\frac").is_none(),
        "no TeX shown"
    );
    let reading = "PPV = ((1 − β)R)/((1 − β)R + α(1 − R))";
    harness.get_by_label(reading).click();
    settle(&mut harness);
    let paragraph = harness
        .state()
        .corpus()
        .index
        .paragraph_by_id("methods.eq1")
        .unwrap();
    assert_eq!(selected(&harness), Some(Item::Paragraph(paragraph)));
    // The Inspector reads it the same way, with the TeX folded away under it.
    assert_eq!(harness.get_all_by_label(reading).count(), 2);
    harness.get_by_label("TeX source").click();
    settle(&mut harness);
    harness.get_by_label_contains("PPV = \\frac{(1 - \\beta) R}");
}

#[test]
fn inline_math_reads_as_text_in_the_reader_and_in_find() {
    let mut value = reader_json();
    value["sections"][2]["paragraphs"][0]["text"] = serde_json::json!(
        "The value follows from $\\frac{a}{b}$ when $t \\leq \\tau$, at $\\$5$ or less."
    );
    let mut harness = reader_of(&value);
    harness.get_by_label("The value follows from a/b when t ≤ τ, at $5 or less.");
    assert!(
        harness.query_by_label_contains("\\tau").is_none(),
        "no TeX shown"
    );
    // Find in the text finds what the reader sees.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .type_text("t ≤ τ");
    settle(&mut harness);
    harness.get_by_label("1 of 1");
}

#[test]
fn every_character_math_is_read_as_has_a_glyph_in_the_reading_font() {
    use paperlens::corpus::math::{ACCENTED, SYMBOLS};
    let harness = reader();
    let font = egui::FontId::proportional(16.0);
    let written = SYMBOLS
        .iter()
        .map(|(_, printed)| *printed)
        .chain(ACCENTED.iter().map(|(_, _, marked)| *marked))
        .chain(["√′°∗−‖…⁻¹²³₀₁₂"]);
    for text in written {
        for c in text.chars() {
            assert!(
                harness
                    .ctx
                    .fonts_mut(|fonts| fonts.has_glyphs(&font, &c.to_string())),
                "no glyph for {c:?} (U+{:04X})",
                u32::from(c)
            );
        }
    }
}

#[test]
fn a_mathml_equation_reads_as_a_line_of_text_with_its_markup_a_click_away() {
    let mut value = reader_json();
    value["sections"][2]["paragraphs"][1] = serde_json::json!({
        "id": "methods.eq1",
        "kind": "equation",
        "label": "(1)",
        "notation": "mathml",
        "text": "<mml:math><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup><mml:mo>+</mml:mo><mml:mfrac><mml:mn>1</mml:mn><mml:mi>n</mml:mi></mml:mfrac></mml:math>"
    });
    assert_eq!(value["sections"][2]["paragraphs"][1]["id"], "methods.eq1");
    let mut harness = reader_of(&value);
    assert!(
        harness.query_by_label_contains("mml:").is_none(),
        "no markup shown"
    );
    harness.get_by_label("x² + 1/n").click();
    settle(&mut harness);
    assert!(matches!(selected(&harness), Some(Item::Paragraph(_))));
    // The Inspector reads it the same way, with the markup folded away under it.
    assert_eq!(harness.get_all_by_label("x² + 1/n").count(), 2);
    harness.get_by_label("MathML source").click();
    settle(&mut harness);
    harness.get_by_label_contains("<mml:math><mml:msup>");
}

#[test]
fn a_plain_text_equation_reads_as_written_with_no_source_to_unfold() {
    let mut value = reader_json();
    value["sections"][2]["paragraphs"][1] = serde_json::json!({
        "id": "methods.eq1",
        "kind": "equation",
        "label": "(1)",
        "notation": "text",
        "text": "I(x i ) = − ln p(x i ) with p x i"
    });
    let mut harness = reader_of(&value);
    // Its words keep their spaces: TeX would run `ln p` and `with p` together.
    harness
        .get_by_label("I(x i ) = − ln p(x i ) with p x i")
        .click();
    settle(&mut harness);
    assert!(matches!(selected(&harness), Some(Item::Paragraph(_))));
    assert_eq!(
        harness
            .get_all_by_label("I(x i ) = − ln p(x i ) with p x i")
            .count(),
        2
    );
    assert!(harness.query_by_label("TeX source").is_none());
    assert!(harness.query_by_label("MathML source").is_none());
}

#[test]
fn the_figures_and_tables_tab_lists_them_and_reveals_each_where_it_stands() {
    let mut harness = reader();
    harness.get_by_label("Figures & tables 5").click();
    settle(&mut harness);
    harness.get_by_label("Tables (1)");
    harness.get_by_label("Figures (2)");
    harness.get_by_label("Boxes (1)");
    harness.get_by_label("Footnotes (1)");
    harness
        .get_all_by_role_and_label(
            egui::accesskit::Role::Button,
            "Figure 2. Where the cases were counted",
        )
        .find(|node| node.rect().left() < 285.0)
        .expect("the figure's row in the navigator")
        .click();
    settle(&mut harness);
    assert_eq!(selected(&harness), Some(Item::Figure(1)));
    assert_eq!(harness.state().view(), Reader::ID);
}

#[test]
fn the_navigator_tabs_fit_a_window_1024_wide() {
    let mut harness = Harness::builder()
        .with_size([1024.0, 700.0])
        .build_eframe(|cc| {
            Explorer::new(
                &cc.egui_ctx,
                StartOptions {
                    path: Some(fixtures().join("reader.json")),
                    ..StartOptions::default()
                },
            )
        });
    settle(&mut harness);
    // A tab with nothing in it is not offered.
    assert!(harness.query_by_label("Entities 0").is_none());
    assert!(harness.query_by_label("Cases 0").is_none());
    let outline = harness.get_by_label("Outline 4").rect();
    let figures = harness.get_by_label("Figures & tables 5").rect();
    // The built-in corpus has every tab: the bar stays in the navigator (left of the Reader's
    // text) and takes at most three lines.
    let mut harness = Harness::builder()
        .with_size([1024.0, 700.0])
        .build_eframe(|cc| Explorer::new(&cc.egui_ctx, StartOptions::default()));
    settle(&mut harness);
    let entities = harness.get_by_label("Entities 41").rect();
    let outline_builtin = harness.get_by_label("Outline 10").rect();
    for tab in [outline, figures, entities, outline_builtin] {
        assert!(tab.right() < 400.0, "{tab:?}");
    }
    assert!(
        entities.bottom() - outline_builtin.top() < 80.0,
        "{outline_builtin:?} {entities:?}"
    );
}

#[test]
fn a_footnote_marker_is_raised_shows_its_footnote_on_hover_and_selects_it() {
    let mut harness = reader();
    // The marker prints the footnote's marker, not `[^counting]`.
    assert_eq!(
        harness.query_all_by_label_contains("[^counting]").count(),
        0
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::Link, "Footnote 1")
        .hover();
    settle(&mut harness);
    // The hover card, and the list at the end of the section.
    assert!(
        harness
            .query_all_by_label_contains("Counted by the national statistics office.")
            .count()
            >= 2
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::Link, "Footnote 1")
        .click();
    settle(&mut harness);
    assert_eq!(selected(&harness), Some(Item::Footnote(0)));
    // The paragraph that marks it is related to it.
    let paragraph = harness
        .state()
        .corpus()
        .index
        .paragraph_by_id("intro.p1")
        .unwrap();
    assert_eq!(
        harness
            .state()
            .corpus()
            .index
            .linked(Item::Footnote(0), paperlens::corpus::ItemKind::Paragraph),
        [paragraph]
    );
}

#[test]
fn footnotes_are_listed_at_the_end_of_their_section() {
    let harness = reader();
    let footnote = harness
        .get_by_label("1 Counted by the national statistics office.")
        .rect();
    let last_of_introduction = harness
        .get_by_label("The box below defines the terms.")
        .rect();
    let box_heading =
        in_reader(&harness, egui::accesskit::Role::Label, "Box 1. Definitions").rect();
    assert!(footnote.top() > last_of_introduction.bottom());
    assert!(footnote.bottom() < box_heading.top());
}

#[test]
fn a_table_card_shows_at_most_two_lines_of_column_headers() {
    // The fixture's table with fourteen columns of long headers.
    let mut corpus = reader_json();
    let columns: Vec<serde_json::Value> = (1..=14)
        .map(|n| serde_json::json!({"id": format!("c{n}"), "header": format!("Baseline count in group {n}")}))
        .collect();
    let cells: Vec<String> = (1..=14).map(|n| n.to_string()).collect();
    corpus["tables"][0]["columns"] = serde_json::Value::from(columns);
    for row in corpus["tables"][0]["rows"].as_array_mut().unwrap() {
        row["cells"] = serde_json::Value::from(cells.clone());
    }
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("wide.json");
    std::fs::write(&path, serde_json::to_string(&corpus).unwrap()).unwrap();
    let harness = reader_with(StartOptions {
        path: Some(path),
        ..StartOptions::default()
    });
    let headers = harness
        .get_by_label_contains("Baseline count in group 1  ·  Baseline count in group 2")
        .rect();
    let line = harness.get_by_label("14 columns · 2 rows").rect().height();
    assert!(headers.height() < 2.6 * line, "{headers:?}, a line {line}");
}

#[test]
fn an_equation_named_in_the_text_is_a_link_to_it_and_lists_where_it_is_named() {
    let mut value = reader_json();
    value["sections"][2]["paragraphs"][0]["text"] =
        serde_json::json!("The positive predictive value follows from the rates, by Eq. (1).");
    let mut harness = reader_of(&value);
    let equation = harness
        .state()
        .corpus()
        .index
        .paragraph_by_id("methods.eq1")
        .unwrap();
    click_in_reader(&mut harness, egui::accesskit::Role::Label, "Eq. (1)");
    assert_eq!(selected(&harness), Some(Item::Paragraph(equation)));
    // The Inspector lists the passage naming it; the naming paragraph lists it.
    harness.get_by_label("Named in the text (1)");
    harness.get_by_label_contains("by Eq. (1).").click();
    settle(&mut harness);
    let naming = harness
        .state()
        .corpus()
        .index
        .paragraph_by_id("methods.p1")
        .unwrap();
    assert_eq!(selected(&harness), Some(Item::Paragraph(naming)));
    harness.get_by_label("Sections and equations it names (1)");
}

#[test]
fn a_date_under_the_title_is_not_broken_across_lines() {
    let mut corpus = reader_json();
    corpus["paper"]["date"] = "2 December 2022".into();
    corpus["paper"]["affiliation"] =
        "Department of Clinical Medicine, Aarhus University, Aarhus, Denmark".into();
    let harness = reader_of(&corpus);
    // Its spaces do not break, and the separator before it stays with what it follows.
    harness.get_by_label_contains("Denmark\u{a0}· 2\u{a0}December\u{a0}2022");
}

#[test]
fn a_long_list_of_institutions_under_the_authors_is_shortened_and_whole_on_hover() {
    let mut corpus = reader_json();
    let institutions: Vec<String> = (1..=12)
        .map(|n| format!("Department {n}, University of Somewhere, Some City, Some Country"))
        .collect();
    corpus["paper"]["affiliation"] = institutions.join("; ").into();
    let mut harness = reader_of(&corpus);
    assert!(
        harness.query_by_label_contains("Department 12,").is_none(),
        "the whole list is not printed under the title"
    );
    harness
        .get_by_label_contains(
            "Department 1, University of Somewhere, Some City, Some Country; and 11 more \
             institutions",
        )
        .hover();
    harness.run();
    harness.get_by_label_contains("Department 12, University of Somewhere");

    // A short list is printed whole.
    corpus["paper"]["affiliation"] =
        "Department 1, University A; Department 2, University B".into();
    let harness = reader_of(&corpus);
    harness.get_by_label_contains("Department 1, University A; Department 2, University B");
}

//! Citations in the chosen style throughout the window: a citation that is part of its
//! sentence reads narratively in the Reader and in "Cited in"; the copy actions copy one
//! reference or the whole list as the style prints and sorts it; paragraph numbers count
//! paragraphs only; a bibliography opened on its own starts on its references.
#![cfg(feature = "gui")]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use paperlens::app::context::Command;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::Reader;
use paperlens::app::references_view::ReferencesView;
use paperlens::app::state::{CitationDisplay, NavigatorTab, StateStore};
use paperlens::app::style_choice::StyleChoice;
use paperlens::corpus::Item;
use paperlens::formats::styles::CitationStyle;

use crate::common;
use crate::explorer::{accessible_texts, copied, explorer};

/// The built-in paper with `select` revealed, citations shown in APA style.
fn in_apa(select: &str) -> Harness<'static, Explorer> {
    let mut harness = explorer(StartOptions {
        select: Some(select.to_owned()),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    harness.state_mut().state.citation_style = StyleChoice::Common(CitationStyle::Apa);
    harness.state_mut().state.citation_display = CitationDisplay::InStyle;
    harness.run_steps(8);
    harness
}

/// "Research by [8] illustrates …" (Literature review, ¶3) reads "Research by Porter and van
/// der Linde (1995) illustrates" in APA; a citation beside its sentence stays in parentheses.
#[test]
fn an_apa_reader_shows_a_narrative_citation_narratively() {
    let harness = in_apa("paragraph:literature-review.p3");
    assert!(
        harness
            .query_all_by_label("Porter and van der Linde (1995)")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_by_label("(Porter & van der Linde, 1995)")
            .is_none()
    );
    // "Experts such as [9] emphasize": narrative too.
    assert!(harness.query_all_by_label("Wilson (2020)").next().is_some());
    // Two works named by one narrative citation: "Studies by Cho (2015) and Raets et al.
    // (2021) emphasize" (paragraph 5 of the same section, drawn in view).
    let harness = in_apa("paragraph:literature-review.p5");
    assert!(harness.query_all_by_label("Cho (2015)").next().is_some());
    // A citation at the end of its sentence stays parenthetical: "… modern forms of slavery
    // (Cho, 2015)." in the Introduction.
    let harness = in_apa("paragraph:introduction.p3");
    assert!(harness.query_all_by_label("(Cho, 2015)").next().is_some());
    // Two works beside the sentence share one pair of parentheses: "… economic hardship (Cho,
    // 2015; Shelley, 2010)." in the Introduction's ninth paragraph.
    let harness = in_apa("paragraph:introduction.p9");
    assert!(harness.query_all_by_label("Cho, 2015").next().is_some());
    assert!(harness.query_all_by_label("Shelley, 2010").next().is_some());
    assert!(harness.query_all_by_label("; ").next().is_some());
}

/// A citation inside the sentence's own parentheses brings none of its own in an author–date
/// style: "(as in [3])" reads "(as in Smith, 2012)", not "(as in (Smith, 2012))". Tried on a
/// plain-text paper of another field.
#[test]
fn a_citation_inside_parentheses_brings_none_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        std::fs::read_to_string(common::fixtures().join("papers/plain-vancouver.txt")).unwrap();
    let sentence = "We surveyed 120 farms in two districts (Table 1).";
    assert!(source.contains(sentence));
    let paper = dir.path().join("paper.txt");
    std::fs::write(
        &paper,
        source.replace(
            sentence,
            "We surveyed 120 farms in two districts (as in [3]).",
        ),
    )
    .unwrap();
    let mut harness = open_bibliography(paper);
    harness.state_mut().state.citation_style = StyleChoice::Common(CitationStyle::Apa);
    harness.state_mut().state.citation_display = CitationDisplay::InStyle;
    harness.state_mut().selection.selected = Some(Item::Reference(2));
    harness.run_steps(6);
    let texts = accessible_texts(&harness);
    assert!(
        texts
            .iter()
            .any(|text| text.contains("two districts (as in Smith, 2012).")),
        "{texts:#?}"
    );
    assert!(!texts.iter().any(|text| text.contains("((")), "{texts:#?}");
}

/// The inspector's "Cited in" writes each sentence's citations as the Reader shows them.
#[test]
fn cited_in_follows_the_style() {
    let mut harness = in_apa("reference:porter1995");
    harness.get_by_label_contains(
        "Research by Porter and van der Linde (1995) illustrates how trafficking networks",
    );
    assert!(
        harness
            .query_by_label_contains("Research by [8] illustrates")
            .is_none()
    );
    // As printed, the sentence reads as the paper prints it.
    harness.state_mut().state.citation_display = CitationDisplay::AsPrinted;
    harness.run_steps(4);
    harness.get_by_label_contains("Research by [8] illustrates how trafficking networks");
    // A citation beside its sentence, of two works: one pair of parentheses.
    let harness = in_apa("reference:shelley2010");
    harness.get_by_label_contains("and economic hardship (Cho, 2015; Shelley, 2010).");
    let mut harness = in_apa("reference:porter1995");
    // In Chicago (author-date), "and" and no comma before the year.
    harness.state_mut().state.citation_display = CitationDisplay::InStyle;
    harness.state_mut().state.citation_style =
        StyleChoice::Common(CitationStyle::ChicagoAuthorDate);
    harness.run_steps(4);
    harness.get_by_label_contains("Research by Porter and van der Linde (1995) illustrates");
}

#[test]
fn copy_this_reference_and_the_whole_bibliography() {
    let mut harness = in_apa("reference:porter1995");
    harness.get_by_label("Copy…").click();
    harness.run_steps(2);
    harness
        .get_by_label("Copy this reference (APA 7th)")
        .click();
    harness.step();
    assert_eq!(
        copied(&harness),
        [
            "Porter, M. E., & van der Linde, C. (1995). Toward a new conception of the environment-competitiveness relationship. J. Econ. Perspect., 9(4), 97–118."
        ]
    );
    harness.run_steps(2);
    harness.get_by_label("Copy…").click();
    harness.run_steps(2);
    harness
        .get_by_label("Copy the whole bibliography (APA 7th)")
        .click();
    harness.step();
    let texts = copied(&harness);
    assert_eq!(texts.len(), 1, "{texts:?}");
    let lines: Vec<&str> = texts[0].lines().collect();
    assert_eq!(lines.len(), 19, "{}", texts[0]);
    // Sorted as APA sorts: by author.
    assert!(lines[0].starts_with("Bales, K."), "{}", lines[0]);
    assert!(lines[18].starts_with("Wilson"), "{}", lines[18]);
    let mut sorted = lines.clone();
    sorted.sort_by_key(|line| line.to_lowercase());
    assert_eq!(lines, sorted);
}

/// The same actions on a reference's row in the navigator, by its context menu.
#[test]
fn a_references_context_menu_copies_it_in_the_style() {
    let mut harness = in_apa("section:introduction");
    harness.state_mut().state.citation_style = StyleChoice::Common(CitationStyle::Harvard);
    harness.get_by_label("References 19").click();
    harness.run_steps(4);
    harness
        .get_by_role_and_label(
            Role::Button,
            "[8] Porter & van der Linde (1995) — Toward a new conception of the environment-competitiveness relationship",
        )
        .click_secondary();
    harness.run_steps(2);
    harness
        .get_by_label("Copy this reference (Harvard)")
        .click();
    harness.step();
    let texts = copied(&harness);
    assert_eq!(texts.len(), 1);
    assert!(
        texts[0].starts_with("Porter, M.E. and van der Linde, C. (1995) ‘Toward a new"),
        "{texts:?}"
    );
}

/// The Introduction's figure source line stands between its third and fourth paragraphs: it
/// is not ¶4.
#[test]
fn paragraph_numbers_skip_the_figure_source_line() {
    let harness = in_apa("paragraph:introduction.p4");
    harness.get_by_label("1 INTRODUCTION, ¶\u{a0}4");
    let harness = in_apa("paragraph:introduction.figure1");
    harness.get_by_label("1 INTRODUCTION, figure source");
    assert!(harness.query_by_label("1 INTRODUCTION, ¶\u{a0}5").is_none());
}

/// A file (a bibliography, a paper) opened in the window.
fn open_bibliography(path: PathBuf) -> Harness<'static, Explorer> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .build_eframe(move |cc| {
            Explorer::new(
                &cc.egui_ctx,
                StartOptions {
                    path: Some(path),
                    store: Some(StateStore::in_memory()),
                    ..StartOptions::default()
                },
            )
        });
    harness.run_steps(8);
    harness
}

/// Whether a text starts with a bracketed number (`[3]`, `[12] Doe 2020`).
fn starts_with_a_number_in_brackets(text: &str) -> bool {
    text.strip_prefix('[').is_some_and(|rest| {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with(']')
    })
}

/// A `.bib` opens on its references: the Bibliography view and the References tab, no Reader (or other view
/// with nothing to show), no "[n]" the file does not have, no paper's reference list.
#[test]
fn a_bib_file_opens_on_its_references() {
    let Some(path) = common::biblatex_examples() else {
        return;
    };
    let mut harness = open_bibliography(path);
    assert_eq!(harness.state().view(), ReferencesView::ID);
    assert_eq!(harness.state().navigator.tab, NavigatorTab::References);
    // No outline: there is no text.
    assert!(harness.query_by_label("Outline 0").is_none());
    for hidden in ["Reader", "Table", "Cases", "Trends"] {
        assert!(
            harness
                .query_by_role_and_label(Role::Button, hidden)
                .is_none(),
            "{hidden}"
        );
    }
    // Ctrl+1 (the Reader) does nothing here.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run_steps(2);
    assert_eq!(harness.state().view(), ReferencesView::ID);
    // A reference selected: no number, no "paper's" list.
    let position = harness
        .state()
        .corpus()
        .reference_by_id("knuth:ct:a")
        .unwrap();
    harness.state_mut().selection.selected = Some(Item::Reference(position));
    harness.run_steps(4);
    let texts = accessible_texts(&harness);
    assert!(
        !texts.iter().any(|t| starts_with_a_number_in_brackets(t)),
        "{:?}",
        texts
            .iter()
            .filter(|t| starts_with_a_number_in_brackets(t))
            .collect::<Vec<_>>()
    );
    assert!(
        !texts.iter().any(
            |t| t.contains("As the paper's reference list prints it") || t.contains("Cited in")
        )
    );
    // Nor does the search list number them.
    harness.state_mut().selection.selected = None;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run_steps(3);
    assert!(harness.state().search.open);
    // The search box has the keyboard focus.
    harness.event(egui::Event::Text("Knuth".to_owned()));
    harness.run_steps(4);
    assert!(!harness.state().search.results().is_empty());
    let texts = accessible_texts(&harness);
    assert!(!texts.iter().any(|t| starts_with_a_number_in_brackets(t)));
    assert!(
        texts.iter().any(|t| t.contains("Knuth (1984)")),
        "{texts:?}"
    );
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    harness.state_mut().selection.selected = Some(Item::Reference(position));
    harness.run_steps(3);
    // An entry with an arXiv eprint links to it.
    let baez = harness
        .state()
        .corpus()
        .reference_by_id("baez/article")
        .unwrap();
    harness.state_mut().selection.selected = Some(Item::Reference(baez));
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Link, "arXiv math/0307200v3");
    harness.state_mut().selection.selected = Some(Item::Reference(position));
    harness.run_steps(3);
    // The TeXbook is Knuth's only work of 1984: the two `1984–1986` sets print their range
    // (lettered among themselves), so it takes no letter, as citeproc-js has it.
    harness.get_by_label("In text: (Knuth, 1984)");
    // The style's list: Knuth's volume A, as APA prints it, and a set with its range.
    harness.get_by_role_and_label(
        Role::Button,
        "Knuth, D. E. (1984). The TeXbook. In Computers & Typesetting: A. Addison-Wesley.",
    );
    let texts = accessible_texts(&harness);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Knuth, D. E. (1984–1986a).")),
        "{texts:?}"
    );
}

/// An arXiv preprint's `eprint` is a link to arxiv.org; extra fields read as text.
#[test]
fn a_csl_json_files_links_and_fields_read_as_text() {
    let mut harness = open_bibliography(common::fixtures().join("import/links.json"));
    assert_eq!(harness.state().view(), ReferencesView::ID);
    harness.state_mut().selection.selected = Some(Item::Reference(0));
    harness.run_steps(4);
    harness.get_by_role_and_label(Role::Link, "DOI 10.18653/v1/2020.acl-main.207");
    harness.get_by_role_and_label(Role::Link, "arXiv 2004.07180");
    harness.get_by_label("Read for the related-work section.");
    harness.get_by_label("citations; embeddings");
    harness.get_by_label("reviewed: yes; shelf: B2");
    let texts = accessible_texts(&harness);
    assert!(!texts.iter().any(|t| t.contains('"')), "{texts:?}");
    harness.state_mut().selection.selected = Some(Item::Reference(1));
    harness.run_steps(4);
    harness.get_by_role_and_label(Role::Link, "Web page");
    harness.get_by_role_and_label(Role::Link, "arXiv 1810.04805");
}

/// A RIS file opens on its references too, its DOI a link.
#[test]
fn a_ris_file_opens_on_its_references() {
    let mut harness = open_bibliography(common::fixtures().join("import/links.ris"));
    assert_eq!(harness.state().view(), ReferencesView::ID);
    // A list of references has nothing to present.
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Present  (F11)")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        harness
            .query_all_by_label_contains("Porter, M. E., & van der Linde, C. (1995).")
            .next()
            .is_some()
    );
    harness.state_mut().selection.selected = Some(Item::Reference(0));
    harness.run_steps(4);
    harness.get_by_role_and_label(Role::Link, "DOI 10.1257/jep.9.4.97");
    harness.get_by_label("Cited for the Porter hypothesis.");
}

/// A bibliography shows its references instead of the Reader, but the Reader stays the view
/// the reader chose: saved as the view, and shown again when a paper opens next.
#[test]
fn after_a_bibliography_the_next_paper_opens_on_the_view_chosen_before() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("state.json");
    let ris = common::fixtures().join("import/links.ris");
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            Explorer::new(
                &cc.egui_ctx,
                StartOptions {
                    path: Some(ris),
                    view: Some(Reader::ID.to_owned()),
                    store: Some(StateStore::at(state_file)),
                    ..StartOptions::default()
                },
            )
        });
    harness.run_steps(8);
    assert_eq!(harness.state().view(), ReferencesView::ID);
    harness.state_mut().save_state();
    let saved = std::fs::read_to_string(dir.path().join("state.json")).unwrap();
    assert!(saved.contains(r#""view": "reader""#), "{saved}");

    let paper = common::fixtures().join("papers/jats-small.xml");
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Command::Open(paper));
    harness.state_mut().finish_loading();
    harness.run_steps(4);
    assert!(!harness.state().corpus().is_bibliography_only());
    assert_eq!(harness.state().view(), Reader::ID);
}

/// A PLOS article names the authors before the number ("A recent study by Lombardi et al.
/// [1] describing …"): in APA the year alone follows the names, not the names again.
#[test]
fn a_named_author_is_followed_by_the_year_alone() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/papers/jats/journal.pone.0008519.xml");
    if !path.exists() {
        println!("skipped: {} is not present", path.display());
        return;
    }
    let mut harness = open_bibliography(path);
    let lombardi = harness
        .state()
        .corpus()
        .file
        .references
        .iter()
        .position(|r| r.author.first().is_some_and(|a| a.family == "Lombardi"))
        .unwrap();
    harness.state_mut().state.citation_style = StyleChoice::Common(CitationStyle::Apa);
    harness.state_mut().state.citation_display = CitationDisplay::InStyle;
    harness.state_mut().selection.selected = Some(Item::Reference(lombardi));
    harness.run_steps(4);
    harness.get_by_label_contains("A recent study by Lombardi et al. (2009) describing");
    assert!(
        harness
            .query_by_label_contains("Lombardi et al. (Lombardi")
            .is_none()
    );
}

/// Pandoc's `[-@key]` leaves the author's name out: the sentence gives it, the style the year.
/// A numeric style keeps its numbers throughout.
#[test]
fn a_suppressed_author_prints_the_year_and_ieee_keeps_numbers() {
    let source = std::fs::read_to_string(common::fixtures().join("minimal.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&source).unwrap();
    value["sections"][0]["paragraphs"][0]["text"] = serde_json::Value::from(
        "Smith [-@smith2020] counts the cases. Research by [@smith2020] shows more.",
    );
    let corpus = paperlens::corpus::Corpus::from_json(&value.to_string(), "minimal.json").unwrap();
    let mut harness = explorer(StartOptions {
        corpus: Some(corpus),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    harness.state_mut().state.citation_style = StyleChoice::Common(CitationStyle::Apa);
    harness.state_mut().state.citation_display = CitationDisplay::InStyle;
    harness.run_steps(6);
    harness.get_by_label("(2020)");
    harness.get_by_label("Smith (2020)");
    harness.state_mut().state.citation_style = StyleChoice::Common(CitationStyle::Ieee);
    harness.run_steps(4);
    assert!(harness.query_by_label("Smith (2020)").is_none());
    assert!(harness.query_by_label("(2020)").is_none());
    assert!(harness.query_all_by_label("[1]").count() >= 2);
}

/// A style that raises its in-text numbers (Nature) shows them raised, in the Reader's chips
/// (`¹`, and `²,³` run together) and in the Inspector, on a paper other than the built-in one.
#[test]
fn a_raised_numeric_style_shows_raised_numbers() {
    let mut harness = explorer(StartOptions {
        path: Some(common::fixtures().join("papers/jats-small.xml")),
        store: Some(StateStore::in_memory()),
        ..StartOptions::default()
    });
    harness.state_mut().state.citation_style = StyleChoice::Bundled("nature".to_owned());
    harness.state_mut().state.citation_display = CitationDisplay::InStyle;
    harness.run_steps(6);
    for raised in ["¹", "²", "³"] {
        assert!(
            harness.query_all_by_label(raised).next().is_some(),
            "{raised}: {:?}",
            accessible_texts(&harness)
        );
    }
    assert!(harness.query_by_label("[1]").is_none());
    assert!(harness.query_all_by_label(",").next().is_some());
    harness.state_mut().selection.selected = Some(Item::Reference(0));
    harness.run_steps(4);
    harness.get_by_label("In text: ¹");
}

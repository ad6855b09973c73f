//! The Markdown importer on fenced divs that mean something: an abstract written as a div
//! (`::: abstract`) rather than in the metadata, and Quarto's callouts, read as boxes.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{paragraphs, read, valid};
use crate::corpus::model::SectionKind;

#[test]
fn an_abstract_div_before_the_text_is_the_abstract() {
    let text = "---\ntitle: A thesis\n---\n\n::: {.abstract}\n\n**Abstract:** Proofs are *checked*.\n\nIn two ways.\n\n:::\n\n# Introduction\n\nText.\n";
    let imported = read(text);
    valid(&imported);
    assert_eq!(
        imported.file.paper.abstract_text,
        "Proofs are checked.\n\nIn two ways."
    );
    let titles: Vec<&str> = imported
        .file
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["Introduction"], "no section holds the abstract");
    assert_eq!(paragraphs(&imported.file), ["Text."]);
}

#[test]
fn an_abstract_div_that_cites_or_follows_the_metadata_s_is_text() {
    // Citations in it must link, so it is read as the text's first paragraphs.
    let text = "---\ntitle: A paper\nbibliography: refs.bib\n---\n\n::: abstract\nAs shown [@smith2020].\n:::\n\n# Intro\n\nText.\n";
    let imported = read(text);
    valid(&imported);
    assert_eq!(imported.file.paper.abstract_text, "");
    assert_eq!(
        paragraphs(&imported.file),
        ["As shown [@smith2020].", "Text."]
    );
    // The metadata's abstract is the abstract; a div after a heading, or any other div, is
    // text.
    let text = "---\ntitle: A paper\nabstract: The real one.\n---\n\n::: abstract\nA second one.\n:::\n\n# Intro\n\n::: {.abstract}\nLater.\n:::\n\n::: note\nA note.\n:::\n";
    let imported = read(text);
    valid(&imported);
    assert_eq!(imported.file.paper.abstract_text, "The real one.");
    assert_eq!(
        paragraphs(&imported.file),
        ["A second one.", "Later.", "A note."]
    );
    // One never closed ends at the next heading.
    let text = "---\ntitle: A paper\n---\n\n::: abstract\nUnclosed.\n\n# Intro\n\nText.\n";
    let imported = read(text);
    assert_eq!(imported.file.paper.abstract_text, "Unclosed.");
    assert_eq!(paragraphs(&imported.file), ["Text."]);
}

#[test]
fn quarto_callouts_are_boxes_titled_by_their_title_or_first_heading() {
    let text = "---\ntitle: Callouts\n---\n\n# Setting up\n\nYou need R.\n\n\
                ::: callout-tip\n## Do I still need R?\n\nEven with RStudio you do.\n:::\n\n\
                ::: {.callout-warning title=\"Mind the version\"}\nUse R 4.3.\n\n## Not a section\n\n\
                Still inside.\n:::\n\n::: {.note}\nA div of no meaning.\n:::\n\n# Next\n\nText.\n";
    let imported = read(text);
    valid(&imported);
    let outline: Vec<(&str, &str, bool, bool)> = imported
        .file
        .sections
        .iter()
        .map(|s| {
            (
                s.label.as_str(),
                s.title.as_str(),
                s.kind == SectionKind::Box,
                s.parent.is_some(),
            )
        })
        .collect();
    assert_eq!(
        outline,
        [
            ("", "Setting up", false, false),
            ("Tip", "Do I still need R?", true, true),
            ("Warning", "Mind the version", true, true),
            ("", "Next", false, false),
        ]
    );
    let texts = |at: usize| -> Vec<&str> {
        imported.file.sections[at]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect()
    };
    assert_eq!(texts(1), ["Even with RStudio you do."]);
    assert_eq!(texts(2), ["Use R 4.3.", "Not a section", "Still inside."]);
    assert_eq!(texts(0), ["You need R.", "A div of no meaning."]);
    // Both boxes stand where they are printed, after the section's first paragraph.
    let after: Vec<Option<&str>> = imported
        .file
        .sections
        .iter()
        .map(|s| s.after_paragraph.as_deref())
        .collect();
    assert_eq!(
        after,
        [None, Some("setting-up.p1"), Some("setting-up.p1"), None]
    );
}

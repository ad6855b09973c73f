//! The Markdown importer on what a paper says of itself before its text: an abstract written
//! as a fenced div (`::: abstract`) rather than in the metadata.
// A test that panics on a missing value is the test failing, with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::tests::{paragraphs, read, valid};

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

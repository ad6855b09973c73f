use super::*;
use crate::corpus::study_notes::{NoteId, NoteLabel, Passage, Timestamp};

fn note(id: i64, item: &str, text: &str) -> StudyNote {
    StudyNote {
        id: NoteId(id),
        paper: "p".to_owned(),
        item: item.to_owned(),
        text: text.to_owned(),
        tags: Vec::new(),
        label: None,
        passage: None,
        created: Timestamp(1_796_024_165_000),
        updated: Timestamp(1_796_024_165_000),
    }
}

/// A highlight of `quote` in the paragraph `key` of the built-in corpus.
fn highlight(corpus: &Corpus, id: i64, key: &str, quote: &str) -> StudyNote {
    let Some(Item::Paragraph(p)) = Item::from_key(key, corpus) else {
        panic!("{key} is no paragraph");
    };
    let passage = Passage::of_quote(&corpus.index.paragraphs[p].printed, quote);
    assert!(passage.is_some(), "{quote} is not in {key}");
    StudyNote {
        label: Some(NoteLabel::Evidence),
        passage,
        tags: vec!["covid".to_owned(), "essay".to_owned()],
        ..note(id, key, "")
    }
}

fn notes(corpus: &Corpus) -> Vec<StudyNote> {
    vec![
        note(
            1,
            "reference:porter1995",
            "The classic on *competitiveness*.",
        ),
        highlight(
            corpus,
            2,
            "paragraph:literature-review.p2",
            "found that pandemic-related lockdown measures",
        ),
        note(
            3,
            "paragraph:gone.p1",
            "About a paragraph a later version dropped.",
        ),
        note(
            4,
            "citation:literature-review.p2/0",
            "Does Islam (2024) really say this?",
        ),
        note(5, "paragraph:introduction.p1", "The opening claim."),
    ]
}

#[test]
fn markdown_groups_notes_by_section_with_quotes_and_pandoc_citations() {
    let corpus = Corpus::builtin();
    let markdown = to_markdown(&corpus, &notes(&corpus));
    let at = |needle: &str| {
        markdown
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle:?} in:\n{markdown}"))
    };
    assert!(markdown.starts_with("# Study notes: "), "{markdown}");
    // The paper's order: the introduction, the literature review, references, then detached.
    let intro = at("## 1 INTRODUCTION");
    let review = at("## 2 LITERATURE REVIEW");
    let references = at("## References");
    let detached = at("## Detached notes");
    assert!(intro < review && review < references && references < detached);
    assert!(at("The opening claim.") < review);
    // The highlight: label, place, its words quoted, the work its sentence cites.
    assert!(at("**Evidence** · 2 LITERATURE REVIEW, ¶") > review);
    assert!(at("> ") > review);
    let quote = at("found that pandemic-related lockdown measures");
    assert!(markdown[..quote].ends_with("\n> "), "{markdown}");
    assert!(markdown.contains("\n[@islam2024]\n"), "{markdown}");
    assert!(markdown.contains("Tags: covid, essay · `paragraph:literature-review.p2` · note 2"));
    // A citation: its sentence quoted, its works cited after the note's text.
    assert!(
        markdown.contains("Does Islam (2024) really say this? [@islam2024]"),
        "{markdown}"
    );
    // A reference cites itself; the student's Markdown is kept as written.
    assert!(markdown.contains("The classic on *competitiveness*. [@porter1995]"));
    // The detached note, kept as written, after the words saying why.
    assert!(at("About a paragraph a later version dropped.") > detached);
    assert!(markdown.contains("no longer in this paper"));
}

#[test]
fn markdown_says_when_there_are_no_notes() {
    let markdown = to_markdown(&Corpus::builtin(), &[]);
    assert!(markdown.ends_with("No notes yet.\n"), "{markdown}");
}

#[test]
fn pandoc_keys_are_bare_or_braced() {
    let ids = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        pandoc_citation(&ids(&["porter1995", "a:b.c"])),
        "[@porter1995; @a:b.c]"
    );
    assert_eq!(
        pandoc_citation(&ids(&["odd key", "end."])),
        "[@{odd key}; @{end.}]"
    );
    assert_eq!(pandoc_citation(&ids(&["a..b", "-x"])), "[@{a..b}; @{-x}]");
    assert_eq!(pandoc_citation(&[]), "");
}

#[test]
fn csv_has_a_row_per_note_and_json_the_same_fields() {
    let corpus = Corpus::builtin();
    let notes = notes(&corpus);
    let csv = to_csv(&corpus, &notes).unwrap_or_default();
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    assert_eq!(header[0], "id");
    let rows: Vec<::csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert_eq!(rows.len(), notes.len());
    let column = |name: &str| header.iter().position(|h| h == name).unwrap_or(usize::MAX);
    let highlight = rows
        .iter()
        .find(|row| row.get(0) == Some("2"))
        .unwrap_or_else(|| panic!("no row for note 2"));
    assert_eq!(highlight.get(column("label")), Some("evidence"));
    assert_eq!(highlight.get(column("tags")), Some("covid; essay"));
    assert_eq!(highlight.get(column("cites")), Some("islam2024"));
    assert_eq!(
        highlight.get(column("created")),
        Some("2026-11-30T07:36:05Z")
    );
    assert_eq!(
        highlight.get(column("quote")),
        Some("found that pandemic-related lockdown measures")
    );
    let detached = rows.iter().find(|row| row.get(0) == Some("3"));
    assert_eq!(
        detached.and_then(|row| row.get(column("detached"))),
        Some("yes")
    );

    let json: serde_json::Value =
        serde_json::from_str(&to_json(&corpus, &notes).unwrap_or_default()).unwrap_or_default();
    let list = json.as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), notes.len());
    assert!(
        list.iter()
            .any(|n| n["id"] == 1 && n["cites"][0] == "porter1995")
    );
    assert!(list.iter().any(|n| n["id"] == 3 && n["detached"] == true));
}

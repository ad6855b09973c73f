//! Search over the built-in paper and small corpora: word matches, counts, fuzzy labels,
//! accents.

use super::*;
use crate::corpus::Corpus;

/// The marked stretches of a hit's text, in order.
fn marked(hit: &SearchHit) -> Vec<&str> {
    hit.highlights
        .iter()
        .filter_map(|r| hit.label.get(r.clone()))
        .collect()
}

/// The minimal fixture with the paragraphs `(section id, position, text)` rewritten.
fn minimal_with(paragraphs: &[(&str, usize, &str)]) -> Corpus {
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/minimal.json"))
            .unwrap_or_default();
    for &(section, at, text) in paragraphs {
        if let Some(sections) = value["sections"].as_array_mut()
            && let Some(found) = sections.iter_mut().find(|s| s["id"] == section)
        {
            found["paragraphs"][at]["text"] = serde_json::json!(text);
        }
    }
    let Ok(corpus) = Corpus::from_json(&value.to_string(), "minimal.json") else {
        panic!("the fixture loads");
    };
    corpus
}

#[test]
fn the_word_index_keeps_substring_matching() {
    let corpus = Corpus::builtin();
    let index = SearchIndex::new(&corpus);
    let items = |query: &str| -> Vec<Item> {
        index
            .search(query, 50)
            .into_iter()
            .map(|h| h.item)
            .collect()
    };
    let interpol = items("interpol");
    // Inside a word ("terpol" in "Interpol's"), and in any case.
    assert_eq!(items("terpol"), interpol);
    assert_eq!(items("INTERPOL"), interpol);
    assert!(interpol.iter().any(|i| matches!(i, Item::Reference(_))));
    // Several words must all occur.
    let both = items("interpol unodc");
    assert!(!both.is_empty() && both.len() < interpol.len());
}

#[test]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#[allow(clippy::expect_used)]
fn every_occurrence_of_a_query_word_is_marked() {
    let corpus = Corpus::builtin();
    let index = SearchIndex::new(&corpus);
    let hits = index.search("trafficking", 50);
    // A reference title naming it twice ("post-trafficking … of trafficking") marks both.
    let twice = hits
        .iter()
        .find(|h| h.label.to_lowercase().matches("trafficking").count() >= 2)
        .expect("some result names trafficking twice");
    let marked = marked(twice);
    assert!(
        marked
            .iter()
            .filter(|m| m.eq_ignore_ascii_case("trafficking"))
            .count()
            >= 2,
        "{twice:?}"
    );
    assert_eq!(
        merge_ranges(vec![5..9, 0..2, 1..3, 9..10]),
        vec![0..3, 5..10]
    );
}

#[test]
fn a_reference_without_a_year_reads_without_empty_brackets() {
    let reference = Reference {
        title: "Catchments as simple dynamical systems".to_owned(),
        ..Reference::default()
    };
    assert_eq!(
        reference_search_text(&reference),
        "Catchments as simple dynamical systems"
    );
}

#[test]
// A test states what it expects by unwrapping it: a failure there is the test failing.
#[allow(clippy::expect_used)]
fn groups_count_every_match_and_list_the_best() {
    let corpus = Corpus::builtin();
    let index = SearchIndex::new(&corpus);
    let results = index.search_grouped("trafficking", 5);
    let paragraphs = results
        .groups
        .iter()
        .find(|g| g.kind == ItemKind::Paragraph)
        .expect("the paper's text names trafficking");
    // More paragraphs name it than are listed; the heading says both.
    assert_eq!(paragraphs.hits.len(), 5);
    assert!(paragraphs.total > 20, "{paragraphs:?}");
    assert_eq!(
        paragraphs.heading(),
        format!("Paragraphs · 5 of {}", paragraphs.total)
    );
    // Groups follow each other over the hits, each of one kind, in the kinds' order.
    let mut next = 0;
    for group in &results.groups {
        assert_eq!(group.hits.start, next);
        next = group.hits.end;
        assert!(
            results.hits[group.hits.clone()]
                .iter()
                .all(|h| h.item.kind() == group.kind)
        );
        assert_eq!(results.group_of(group.hits.start), Some(group));
    }
    assert_eq!(next, results.hits.len());
    // A paragraph says where it stands.
    let hit = &results.hits[paragraphs.hits.start];
    assert!(hit.place.contains(", ¶"), "{hit:?}");
    // A group that lists everything says just its count.
    let small = index.search_grouped("Interpol", 50);
    let references = small.groups.first().expect("a reference names Interpol");
    assert_eq!(references.kind, ItemKind::Reference);
    assert_eq!(
        references.heading(),
        format!("References · {}", references.total)
    );
}

/// Every group's count is the number of its records whose text holds every query word,
/// whichever way the words are looked up (one character, the word index, other
/// characters), on two unrelated papers.
#[test]
fn counts_agree_with_reading_every_record() {
    let other = Corpus::from_json(
        include_str!("../../../tests/fixtures/papers/art-life-expectancy.json"),
        "art-life-expectancy.json",
    )
    .ok();
    assert!(other.is_some(), "the second paper loads");
    for corpus in [Some(Corpus::builtin()), other].into_iter().flatten() {
        let index = SearchIndex::new(&corpus);
        for query in ["i", "IN", "7", "law", "traf", "state s", "u.s.", "-", "e l"] {
            let results = index.search_grouped(query, 3);
            let words: Vec<String> = query.split_whitespace().map(fold).collect();
            for (kind, span) in RESULT_KINDS.into_iter().zip(&index.spans) {
                let by_reading = index.entries[span.clone()]
                    .iter()
                    .filter(|e| words.iter().all(|w| e.body_folded.contains(w.as_str())))
                    .count();
                let group = results.groups.iter().find(|g| g.kind == kind);
                let counted = group.map_or(0, |g| g.total);
                // Fuzzy label matches may add to a kind with few word matches.
                if by_reading >= 3 {
                    assert_eq!(counted, by_reading, "{query:?} {kind:?}");
                } else {
                    assert!(counted >= by_reading, "{query:?} {kind:?}");
                }
                if let Some(group) = group {
                    assert_eq!(group.hits.len(), counted.min(3), "{query:?} {kind:?}");
                }
            }
        }
    }
}

#[test]
fn a_typo_finds_a_label_but_a_scattered_match_does_not() {
    let corpus = Corpus::builtin();
    let index = SearchIndex::new(&corpus);
    // "Intrpol" is no word of the text, but its letters run in order through "Interpol".
    let hits = index.search("Intrpol", 10);
    let hit = hits
        .iter()
        .find(|h| h.item.kind() == ItemKind::Entity)
        .unwrap_or_else(|| panic!("the typo finds the entity Interpol: {hits:?}"));
    assert_eq!(marked(hit).concat().to_lowercase(), "intrpol", "{hit:?}");
    // Letters that occur in order only far apart find nothing.
    assert!(index.search("ilzq", 10).is_empty());
}

/// A query with an accent finds the accented word only, and counts only those, however
/// many records hold the word without it.
#[test]
fn an_accented_query_counts_and_lists_only_accented_matches() {
    let corpus = minimal_with(&[
        ("intro", 0, "The cafe opened in 2020 and the cafe closed."),
        ("data", 0, "Every resume was read twice, with care."),
        ("data", 1, "The résumé of each witness was read."),
    ]);
    let index = SearchIndex::new(&corpus);
    let paragraphs_found = |query: &str| {
        let results = index.search_grouped(query, 1);
        let group = results
            .groups
            .iter()
            .find(|g| g.kind == ItemKind::Paragraph)
            .cloned();
        (group.map_or(0, |g| g.total), results.hits)
    };
    let (total, hits) = paragraphs_found("résumé");
    assert_eq!(total, 1, "{hits:?}");
    assert!(hits.iter().any(|h| h.label.contains("résumé")), "{hits:?}");
    // Without the accent both are found, the accented one too.
    assert_eq!(paragraphs_found("resume").0, 2);
    assert_eq!(paragraphs_found("cafe").0, 1);
}

/// nucleo counts a match's letters in graphemes: a mark is placed by graphemes too, so a
/// decomposed accent (`e` + U+0301) or a joined emoji before the match moves no mark off
/// the word, in a short paragraph or an excerpt of a long one.
#[test]
fn marks_sit_on_the_word_after_combining_marks() {
    let before = "Cafe\u{301} and the family 👩‍👩‍👧 met Zoë";
    let short = format!("{before} by the riverbank.");
    let long = format!(
        "{before} {} by the riverbank.",
        "again and again ".repeat(12)
    );
    let corpus = minimal_with(&[("intro", 0, &short), ("data", 0, &long)]);
    let index = SearchIndex::new(&corpus);
    // A plain query reads the folded text; an accented one the original.
    for (query, word) in [("riverbank", "riverbank"), ("zoë", "Zoë")] {
        let hits: Vec<SearchHit> = index
            .search(query, 10)
            .into_iter()
            .filter(|h| matches!(h.item, Item::Paragraph(_)))
            .collect();
        assert_eq!(hits.len(), 2, "{query}: {hits:?}");
        for hit in hits {
            let marked = marked(&hit);
            assert!(
                marked.contains(&word),
                "{query}: {marked:?} in {}",
                hit.label
            );
            for mark in marked {
                assert!(
                    mark == word,
                    "{query}: a mark off the word: {mark:?} in {}",
                    hit.label
                );
            }
        }
    }
}

#[test]
fn a_plain_query_finds_raised_and_lowered_characters() {
    let corpus = minimal_with(&[
        ("intro", 0, "Emissions of CO₂ rose."),
        ("data", 0, "A rate of 10⁻³ per year."),
    ]);
    let index = SearchIndex::new(&corpus);
    for (query, word) in [("co2", "CO₂"), ("10-3", "10⁻³")] {
        let hits: Vec<SearchHit> = index
            .search(query, 10)
            .into_iter()
            .filter(|h| matches!(h.item, Item::Paragraph(_)))
            .collect();
        assert_eq!(hits.len(), 1, "{query}: {hits:?}");
        assert_eq!(marked(&hits[0]), [word], "{query}");
    }
}

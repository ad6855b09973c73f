//! The built-in corpus's guided tour: a short walk through the paper's argument whose notes
//! and highlights say nothing the paper does not.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paperlens::corpus::{Corpus, Item, ItemKind};
use paperlens::deck;

use crate::corpus_fidelity::paper_text;

/// The paper's text with its lines joined, as a highlight or a number is looked for in it.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_builtin_tour_walks_through_the_argument_with_notes_on_every_step() {
    let corpus = Corpus::builtin();
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let tour = &corpus.file.tour;
    assert!((6..=9).contains(&tour.len()), "{} steps", tour.len());
    for step in tour {
        assert!(
            step.title.as_deref().is_some_and(|t| !t.trim().is_empty()),
            "{step:?} has no title"
        );
        assert!(step.notes.len() > 80, "{step:?} has hardly any notes");
    }
    // It shows the kinds of thing a class needs to see, in the order of the argument.
    let kinds: Vec<ItemKind> = tour
        .iter()
        .map(|step| {
            Item::from_key(&step.show, &corpus)
                .expect("the step's item")
                .kind()
        })
        .collect();
    for wanted in [
        ItemKind::Paragraph,
        ItemKind::SeriesPoint,
        ItemKind::TableRow,
        ItemKind::Case,
        ItemKind::Citation,
    ] {
        assert!(kinds.contains(&wanted), "no {wanted:?} step in {kinds:?}");
    }
    assert!(tour.iter().any(|step| step.highlight.is_some()));
    assert_eq!(
        tour.last().map(|step| step.show.as_str()),
        Some("paragraph:conclusion.p2"),
        "the tour ends on the conclusion"
    );
    // Presentation mode presents every step, with its notes.
    let slides = deck::deck(&corpus);
    assert_eq!(slides.len(), tour.len());
    for (position, (slide, step)) in slides.iter().zip(tour).enumerate() {
        assert_eq!(slide.step, Some(position));
        assert_eq!(slide.notes, step.notes);
    }
}

#[test]
fn the_builtin_tour_quotes_only_words_and_numbers_the_paper_prints() {
    let Some(paper) = paper_text() else { return };
    let paper = flat(&paper);
    let corpus = Corpus::builtin();
    for step in &corpus.file.tour {
        if let Some(words) = &step.highlight {
            assert!(
                paper.contains(words.as_str()),
                "highlight {words:?} is not in the paper"
            );
        }
        let numbers = step
            .notes
            .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '[' || c == ']'))
            .map(|word| word.trim_end_matches(','))
            .filter(|word| word.chars().any(|c| c.is_ascii_digit()));
        for number in numbers {
            assert!(
                paper.contains(number),
                "the notes of {:?} give {number}, which the paper does not print",
                step.show
            );
        }
    }
}

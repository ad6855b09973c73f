//! The topic comparison on small corpora made for it: a citation sharing no word with its
//! source while the paper's other citations do, and the same citation naming its source's
//! subject by an acronym the paper defines.

// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::expect_used)]

use super::CitationChecks;
use super::tests::{article, corpus_with, found};
use crate::corpus::model::Entity;

/// Made-up content words of topic `topic`: `count` of them from `from` on.
fn topic_words(topic: u8, from: u8, count: u8) -> Vec<String> {
    (from..from + count)
        .map(|i| {
            format!(
                "q{}{}{}zor",
                char::from(b'a' + topic),
                char::from(b'a' + i / 26),
                char::from(b'a' + i % 26)
            )
        })
        .collect()
}

#[test]
fn a_citation_sharing_no_word_with_its_source_while_others_do() {
    // Six topics: each paragraph speaks of its topic and cites the reference on it, except
    // the last, which speaks of topic 5 and cites the reference on topic 0.
    let mut references = Vec::new();
    let mut paragraphs = Vec::new();
    for topic in 0..6u8 {
        let title = topic_words(topic, 0, 7).join(" ");
        references.push(article(&format!("r{topic}"), "Author", 2020, &title));
        let cited = if topic == 5 { 0 } else { topic };
        let words = topic_words(topic, 3, 30).join(" ");
        paragraphs.push(format!("Here {words} matter [@r{cited}]."));
    }
    let texts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let corpus = corpus_with(&texts, references.clone(), vec![], "2024");
    let topic: Vec<(&str, String)> = found(&corpus)
        .into_iter()
        .filter(|(c, _)| *c == "few-shared-words")
        .collect();
    assert_eq!(topic, [("few-shared-words", "r0".to_owned())]);
    let checks = CitationChecks::run(&corpus);
    let flag = checks
        .flags
        .iter()
        .find(|f| f.check == "few-shared-words")
        .expect("flagged");
    assert!(flag.paragraph == Some(5) && flag.words.as_ref().is_some_and(|w| w.shared.is_empty()));
    // The sentence naming by its acronym an entity whose long form is the source's title:
    // they share those words, and nothing is flagged.
    let acronym = Entity {
        id: "qz".to_owned(),
        name: "QZ".to_owned(),
        aliases: vec![topic_words(0, 0, 7).join(" ")],
        description: "A body.".to_owned(),
        ..Entity::default()
    };
    let mut with_acronym = paragraphs.clone();
    with_acronym[5] = with_acronym[5].replace("Here", "Here QZ and");
    let texts: Vec<&str> = with_acronym.iter().map(String::as_str).collect();
    let corpus = corpus_with(&texts, references.clone(), vec![acronym], "2024");
    assert!(found(&corpus).iter().all(|(c, _)| *c != "few-shared-words"));
    // The same paper citing the right reference: nothing.
    paragraphs[5] = paragraphs[5].replace("@r0", "@r5");
    let texts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let corpus = corpus_with(&texts, references, vec![], "2024");
    assert!(found(&corpus).iter().all(|(c, _)| *c != "few-shared-words"));
}

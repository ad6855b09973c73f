//! Hostile input: right-to-left scripts, combining marks and joiners, in text and search.
// The cases share the helpers and imports of `hostile/mod.rs`.
#![allow(clippy::wildcard_imports)]

use super::*;

// ---------------------------------------------------------------------------------------------
// Scripts: right to left, combining marks, joiners

fn assert_char_ranges(text: &str, ranges: &[std::ops::Range<usize>]) {
    let mut previous_end = 0;
    for range in ranges {
        assert!(text.get(range.clone()).is_some(), "{range:?} splits a char");
        assert!(range.start >= previous_end, "overlapping {ranges:?}");
        previous_end = range.end;
    }
}

#[test]
fn right_to_left_and_combining_text_loads_indexes_and_searches() {
    let report = open_path(&fixture("scripts.json"));
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        describe(&report.diagnostics)
    );
    let corpus = report.corpus.expect("loads");
    assert_eq!(corpus.index.paragraphs.len(), 3);
    for paragraph in &corpus.index.paragraphs {
        assert_char_ranges(&paragraph.printed, &paragraph.sentences);
        for mention in &paragraph.mentions {
            assert!(paragraph.printed.get(mention.range.clone()).is_some());
        }
    }
    // The Arabic and Hebrew aliases are found as whole words.
    let mentioned: Vec<&str> = corpus.index.entity_mentions[0]
        .iter()
        .filter_map(|m| {
            corpus.index.paragraphs[m.paragraph]
                .printed
                .get(m.range.clone())
        })
        .collect();
    assert_eq!(
        mentioned,
        ["الأمم المتحدة", "האומות המאוחדות", "United Nations"]
    );
    // Citations print as numbers inside right-to-left text; the citing sentence is whole.
    let arabic = &corpus.index.paragraphs[0].printed;
    assert!(arabic.contains("بالبشر [1]."), "{arabic}");
    let sentence = corpus.index.citing_sentence(0).expect("a citing sentence");
    assert!(
        sentence.starts_with("تعمل") && sentence.ends_with("[1]."),
        "{sentence}"
    );
    // The combining accent and the joiner sequence survive unchanged.
    let mixed = &corpus.index.paragraphs[2].printed;
    assert!(mixed.contains("cafe\u{301}") && mixed.contains("👩\u{200d}👩\u{200d}👧"));

    let search = SearchIndex::new(&corpus);
    for query in [
        "الاتجار",
        "סחר",
        "cafe\u{301}",
        "👩",
        "Zero\u{200d}width",
        "e\u{301}\u{301}",
    ] {
        let hits = search.search(query, 10);
        assert!(
            hits.iter().any(|h| matches!(h.item, Item::Paragraph(_))),
            "{query:?} found no paragraph: {hits:?}"
        );
        for hit in &hits {
            assert_char_ranges(&hit.label, &hit.highlights);
            assert!(!hit.highlights.is_empty(), "{query:?}: {hit:?}");
        }
    }
}

#[test]
fn sentences_and_excerpts_never_split_a_character() {
    let samples = [
        "تعمل الأمم المتحدة. وتتعاون الدول؟ نعم! 2020 كان عاماً.",
        "האומות המאוחדות פועלות. השיתוף גדל! 2021 היה שונה.",
        "e\u{301}. A\u{301}. Z\u{200d}W. 👩\u{200d}👩\u{200d}👧. Ünïcode. ",
        "\u{202e}Override. \u{202c}Pop. \u{200f}RLM. Done",
        ".\u{301}.\u{301} .\u{301}",
    ];
    for text in samples {
        let sentences = split_sentences(text);
        assert!(!sentences.is_empty());
        assert_char_ranges(text, &sentences);
        // Nothing visible is lost between sentences.
        let joined: String = sentences.iter().map(|r| &text[r.clone()]).collect();
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(visible(&joined), visible(text), "{text:?}");
    }
    // Excerpts of a long right-to-left paragraph are cut on characters.
    let long = "وتتعاون الدول في المنطقة منذ سنوات عديدة ".repeat(20)
        + "الكلمة_النادرة "
        + &"סחר בבני אדם ".repeat(20);
    let mut value = minimal();
    value["sections"][1]["paragraphs"][1]["text"] = json!(long);
    let corpus = Corpus::from_json(&pretty(&value), "long-rtl.json").expect("loads");
    let hits = SearchIndex::new(&corpus).search("الكلمة_النادرة", 5);
    let hit = hits
        .iter()
        .find(|h| matches!(h.item, Item::Paragraph(_)))
        .expect("found");
    assert!(
        hit.label.starts_with('…') && hit.label.ends_with('…'),
        "{}",
        hit.label
    );
    assert_char_ranges(&hit.label, &hit.highlights);
    let highlighted: String = hit
        .highlights
        .iter()
        .map(|r| &hit.label[r.clone()])
        .collect();
    assert_eq!(highlighted, "الكلمة_النادرة");
}

/// A diagnostic inside right-to-left text: its column counts characters, and the caret line of
/// the human form does not cut a character, even when the line is cut to a window.
#[test]
fn a_diagnostic_in_right_to_left_text_is_located_in_characters() {
    let path = fixture("scripts-unknown-key.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let report = open_path(&path);
    assert_eq!(codes(&report), ["unknown-citation-key"]);
    let d = &report.diagnostics[0];
    assert_eq!(
        d.location.map(|l| (l.line, l.column)),
        Some((line_of(&text, "@مجهول"), column_of(&text, "@مجهول")))
    );
    assert_well_formed(&report);
    let (code, human) = check_human(&path);
    assert_eq!(code, 1);
    assert!(human.contains("@مجهول"), "{human}");

    // The same key deep inside one long minified line: the window around it is cut on
    // characters whatever the offset.
    for pad in 0..4 {
        let filler = "ب".repeat(300) + &" ".repeat(pad);
        let long = text
            .replace(
                "وتتعاون الدول [@مجهول]",
                &format!("{filler}[@مجهول]{filler}"),
            )
            .replace('\n', " ");
        let report = open_text(&long, "minified.json");
        assert_eq!(codes(&report), ["unknown-citation-key"]);
        assert_well_formed(&report);
        let human = render_human(&report.diagnostics, "minified.json", Some(&long), false);
        assert!(human.contains("@مجهول"), "{human}");
    }
}

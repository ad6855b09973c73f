//! Every item's stable key, and the keys nearest a mistyped one (for "did you mean" messages).

use crate::corpus::{Corpus, Item, ItemKind};

/// The stable key of every item in `corpus`, kind by kind in reading order
/// (`section:…`, `paragraph:…`, `citation:…/0`, `reference:…` …, `point:series/2022`).
#[must_use]
pub fn every_item_key(corpus: &Corpus) -> Vec<String> {
    let mut keys = Vec::new();
    for kind in ItemKind::ALL {
        if kind == ItemKind::SeriesPoint {
            for (series, points) in corpus.file.series.iter().enumerate() {
                keys.extend((0..points.points.len()).filter_map(|point| {
                    Item::SeriesPoint { series, point }
                        .key(corpus)
                        .map(|key| key.0)
                }));
            }
            continue;
        }
        keys.extend(
            (0..)
                .map_while(|position| Item::of_kind(kind, position)?.key(corpus))
                .map(|key| key.0),
        );
    }
    keys
}

/// Up to `most` keys of `corpus` nearest `written` (Jaro-Winkler on lower case, keys of the
/// kind its prefix names first), nearest first; none when nothing is alike.
#[must_use]
pub fn nearest_keys(corpus: &Corpus, written: &str, most: usize) -> Vec<String> {
    const ALIKE: f64 = 0.75;
    let written = written.trim().to_lowercase();
    let prefix = written.split_once(':').map(|(prefix, _)| prefix.to_owned());
    let mut scored: Vec<(f64, String)> = every_item_key(corpus)
        .into_iter()
        .map(|key| {
            let mut score = strsim::jaro_winkler(&written, &key.to_lowercase());
            if prefix
                .as_deref()
                .is_some_and(|p| key.split_once(':').is_some_and(|(kp, _)| kp == p))
            {
                score += 0.1;
            }
            (score, key)
        })
        .filter(|(score, _)| *score >= ALIKE)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.into_iter().take(most).map(|(_, key)| key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_names_its_item_and_a_slip_finds_the_nearest() {
        let corpus = Corpus::builtin();
        let keys = every_item_key(&corpus);
        assert!(keys.len() > 100, "{}", keys.len());
        for key in &keys {
            assert!(Item::from_key(key, &corpus).is_some(), "{key}");
        }
        for expected in [
            "reference:porter1995",
            "paragraph:introduction.p1",
            "citation:literature-review.p2/0",
        ] {
            assert!(keys.iter().any(|k| k == expected), "{expected}");
        }
        let near = nearest_keys(&corpus, "reference:porter1996", 3);
        assert_eq!(
            near.first().map(String::as_str),
            Some("reference:porter1995")
        );
        assert!(near.len() <= 3);
        assert!(nearest_keys(&corpus, "zzzz", 3).is_empty());
    }
}

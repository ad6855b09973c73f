//! What a search result shows of a long text: a snippet around the match, cut between words,
//! and the matched characters as byte ranges to highlight.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// `ranges` sorted, those that overlap or touch joined.
pub(super) fn merge_ranges(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Converts sorted grapheme indices (what nucleo's match positions count: one per grapheme of
/// `text`, as nucleo segments it) into merged byte ranges of `text`, each covering whole
/// graphemes, so a mark never lands a combining mark or a joined emoji away from its letter.
pub(super) fn grapheme_indices_to_ranges(text: &str, indices: &[u32]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut wanted = indices.iter().map(|&i| i as usize).peekable();
    for (position, (byte, grapheme)) in text.grapheme_indices(true).enumerate() {
        while wanted.peek().is_some_and(|&w| w < position) {
            wanted.next();
        }
        if wanted.peek().is_none() {
            break;
        }
        if wanted.peek() == Some(&position) {
            let end = byte + grapheme.len();
            match ranges.last_mut() {
                Some(last) if last.end == byte => last.end = end,
                _ => ranges.push(byte..end),
            }
        }
    }
    ranges
}

/// A snippet of `text` around its first matched grapheme: about 40 graphemes before it and
/// 140 in all, cut between words where a space is near, with an ellipsis where cut; the
/// matched graphemes (`indices`, graphemes of `text`) as byte ranges of the snippet.
pub(super) fn excerpt(text: &str, indices: &[u32]) -> (String, Vec<Range<usize>>) {
    const BEFORE: usize = 40;
    const LENGTH: usize = 140;
    /// How far a cut moves to fall between words.
    const WORD_SLACK: usize = 12;
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let is_space = |i: usize| {
        graphemes
            .get(i)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    };
    let first = indices
        .first()
        .map_or(0, |&i| i as usize)
        .min(graphemes.len());
    let mut start = first.saturating_sub(BEFORE);
    if start > 0 {
        // Start after a space near the cut, never past the match.
        if let Some(space) = (start..first.min(start + WORD_SLACK)).find(|&i| is_space(i)) {
            start = space + 1;
        }
    }
    let mut end = (start + LENGTH).min(graphemes.len());
    if end < graphemes.len() {
        let floor = end.saturating_sub(WORD_SLACK).max(first + 1);
        if let Some(space) = (floor..end).rev().find(|&i| is_space(i)) {
            end = space;
        }
    }
    let mut label: String = graphemes.get(start..end).unwrap_or_default().concat();
    let mut shift = 0;
    if start > 0 {
        label.insert(0, '…');
        shift = 1;
    }
    if end < graphemes.len() {
        label.push('…');
    }
    let visible: Vec<u32> = indices
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| i >= start && i < end)
        .map(|i| u32::try_from(i - start + shift).unwrap_or(u32::MAX))
        .collect();
    let highlights = grapheme_indices_to_ranges(&label, &visible);
    (label, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge_adjacent_graphemes() {
        assert_eq!(
            grapheme_indices_to_ranges("héllo", &[0, 1, 3]),
            vec![0..3, 4..5]
        );
        // `e` and its combining acute accent are one grapheme: marked together, and the
        // letters after them counted as nucleo counts them.
        assert_eq!(
            grapheme_indices_to_ranges("cafe\u{301} bar", &[3, 5, 6]),
            vec![3..6, 7..9]
        );
    }

    #[test]
    fn excerpts_cut_between_words_and_keep_the_match() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen \
                    fourteen needle fifteen sixteen seventeen eighteen nineteen twenty twentyone \
                    twentytwo twentythree twentyfour twentyfive twentysix twentyseven twentyeight";
        let at = text.find("needle").unwrap_or_default();
        let first = text.get(..at).unwrap_or_default().chars().count();
        let indices: Vec<u32> = (first..first + 6)
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        let (label, highlights) = excerpt(text, &indices);
        // Whole words at both ends, and the match well inside.
        let inner = label.trim_start_matches('…').trim_end_matches('…');
        assert!(text.contains(inner), "{label}");
        for word in [inner.split(' ').next(), inner.split(' ').next_back()] {
            assert!(
                text.split(' ').any(|w| Some(w) == word),
                "{word:?} is cut: {label}"
            );
        }
        assert_eq!(
            highlights.first().and_then(|r| label.get(r.clone())),
            Some("needle")
        );
        assert!(label.starts_with('…') && label.ends_with('…'), "{label}");
    }

    #[test]
    fn excerpt_marks_cut_ends() {
        let text = "x".repeat(100) + "needle" + &"y".repeat(200);
        let indices: Vec<u32> = (100..106).collect();
        let (label, highlights) = excerpt(&text, &indices);
        assert!(label.starts_with('…') && label.ends_with('…'));
        let first = highlights.first().cloned().unwrap_or_default();
        assert_eq!(label.get(first), Some("needle"));
    }
}

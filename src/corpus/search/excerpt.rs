//! What a search result shows of a long text: a snippet around the match, cut between words,
//! and the matched characters as byte ranges to highlight.

use std::ops::Range;

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

/// Converts sorted char indices into merged byte ranges of `text`, shifted by `-char_offset`.
pub(super) fn char_indices_to_ranges(
    text: &str,
    indices: &[u32],
    char_offset: usize,
) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut wanted = indices
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| i >= char_offset)
        .map(|i| i - char_offset)
        .peekable();
    for (char_position, (byte, c)) in text.char_indices().enumerate() {
        while wanted.peek().is_some_and(|&w| w < char_position) {
            wanted.next();
        }
        if wanted.peek() == Some(&char_position) {
            let end = byte + c.len_utf8();
            match ranges.last_mut() {
                Some(last) if last.end == byte => last.end = end,
                _ => ranges.push(byte..end),
            }
        }
    }
    ranges
}

/// A snippet of `text` around its first matched char: about 40 characters before it and 140
/// in all, cut between words where a space is near, with an ellipsis where cut; the matched
/// chars (`indices`, chars of `text`) as byte ranges of the snippet.
pub(super) fn excerpt(text: &str, indices: &[u32]) -> (String, Vec<Range<usize>>) {
    const BEFORE: usize = 40;
    const LENGTH: usize = 140;
    /// How far a cut moves to fall between words.
    const WORD_SLACK: usize = 12;
    let chars: Vec<char> = text.chars().collect();
    let first = indices.first().map_or(0, |&i| i as usize).min(chars.len());
    let mut start = first.saturating_sub(BEFORE);
    if start > 0 {
        // Start after a space near the cut, never past the match.
        if let Some(space) = (start..first.min(start + WORD_SLACK))
            .find(|&i| chars.get(i).is_some_and(|c| c.is_whitespace()))
        {
            start = space + 1;
        }
    }
    let mut end = (start + LENGTH).min(chars.len());
    if end < chars.len() {
        let floor = end.saturating_sub(WORD_SLACK).max(first + 1);
        if let Some(space) = (floor..end)
            .rev()
            .find(|&i| chars.get(i).is_some_and(|c| c.is_whitespace()))
        {
            end = space;
        }
    }
    let mut label: String = chars.get(start..end).unwrap_or_default().iter().collect();
    let mut shift = 0;
    if start > 0 {
        label.insert(0, '…');
        shift = 1;
    }
    if end < chars.len() {
        label.push('…');
    }
    let visible: Vec<u32> = indices
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| i >= start && i < end)
        .map(|i| u32::try_from(i - start + shift).unwrap_or(u32::MAX))
        .collect();
    let highlights = char_indices_to_ranges(&label, &visible, 0);
    (label, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge_adjacent_chars() {
        assert_eq!(
            char_indices_to_ranges("héllo", &[0, 1, 3], 0),
            vec![0..3, 4..5]
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

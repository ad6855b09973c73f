//! Which entries a query word occurs in, found without reading their text: every word of the
//! folded bodies with the entries it occurs in, and sets of entries as bitmaps.

use std::collections::HashMap;
use std::ops::Range;

/// A set of entry positions, one bit each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct EntrySet {
    bits: Vec<u64>,
}

impl EntrySet {
    /// No entry of `len`.
    pub(super) fn empty(len: usize) -> Self {
        Self {
            bits: vec![0; len.div_ceil(64)],
        }
    }

    /// Adds `position`; a position past the set's length is ignored.
    pub(super) fn insert(&mut self, position: usize) {
        if let Some(word) = self.bits.get_mut(position / 64) {
            *word |= 1 << (position % 64);
        }
    }

    /// Whether `position` is in the set.
    pub(super) fn contains(&self, position: usize) -> bool {
        self.bits
            .get(position / 64)
            .is_some_and(|word| word & (1 << (position % 64)) != 0)
    }

    /// Keeps only the positions also in `other`.
    pub(super) fn intersect(&mut self, other: &Self) {
        for (word, theirs) in self.bits.iter_mut().zip(&other.bits) {
            *word &= theirs;
        }
    }

    /// The positions in `range`, ascending.
    pub(super) fn iter_in(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let first_word = range.start / 64;
        self.bits
            .iter()
            .enumerate()
            .skip(first_word)
            .take_while(move |(i, _)| i * 64 < range.end)
            .flat_map(|(i, &word)| {
                let mut rest = word;
                std::iter::from_fn(move || {
                    (rest != 0).then(|| {
                        let bit = rest.trailing_zeros() as usize;
                        rest &= rest - 1;
                        i * 64 + bit
                    })
                })
            })
            .filter(move |position| range.contains(position))
    }

    /// How many positions of `range` are in the set.
    pub(super) fn count_in(&self, range: Range<usize>) -> usize {
        if range.is_empty() {
            return 0;
        }
        let (first, last) = (range.start / 64, (range.end - 1) / 64);
        let mut count = 0;
        for (i, &word) in self.bits.iter().enumerate().take(last + 1).skip(first) {
            let mut mask = u64::MAX;
            if i == first {
                mask &= u64::MAX << (range.start % 64);
            }
            if i == last {
                mask &= u64::MAX >> (63 - (range.end - 1) % 64);
            }
            count += (word & mask).count_ones() as usize;
        }
        count
    }
}

/// Every word of the entries' folded bodies (runs of alphanumeric characters), sorted, with
/// the entries it occurs in, ascending.
#[derive(Clone, Debug, Default)]
pub(super) struct WordIndex {
    words: Vec<(String, Vec<u32>)>,
    /// Per entry, which ASCII letters and digits its body has ([`ascii_bit`]): a query of
    /// one such character is answered from these rather than from most of `words`.
    ascii_present: Vec<u64>,
}

/// The bit of an ASCII letter or digit (lower case) in [`WordIndex`]'s `ascii_present`.
fn ascii_bit(byte: u8) -> Option<u64> {
    match byte {
        b'a'..=b'z' => Some(1 << (byte - b'a')),
        b'0'..=b'9' => Some(1 << (26 + byte - b'0')),
        _ => None,
    }
}

impl WordIndex {
    /// The index of `bodies`, folded, one per entry in order.
    pub(super) fn new<'a>(bodies: impl Iterator<Item = &'a str>) -> Self {
        let mut postings: HashMap<&str, Vec<u32>> = HashMap::new();
        let mut ascii_present = Vec::new();
        for (position, body) in bodies.enumerate() {
            ascii_present.push(
                body.bytes()
                    .filter_map(ascii_bit)
                    .fold(0, |present, bit| present | bit),
            );
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            for word in body.split(|c: char| !c.is_alphanumeric()) {
                if word.is_empty() {
                    continue;
                }
                let list = postings.entry(word).or_default();
                if list.last() != Some(&position) {
                    list.push(position);
                }
            }
        }
        let mut words: Vec<(String, Vec<u32>)> = postings
            .into_iter()
            .map(|(word, list)| (word.to_owned(), list))
            .collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Self {
            words,
            ascii_present,
        }
    }

    /// Whether the index can answer for `folded_word`: it is made of alphanumeric characters
    /// only, so every occurrence of it lies inside one indexed word.
    pub(super) fn answers(folded_word: &str) -> bool {
        !folded_word.is_empty() && folded_word.chars().all(char::is_alphanumeric)
    }

    /// The entries whose folded body contains `folded_word` (which [`WordIndex::answers`]),
    /// exactly: any indexed word that contains it counts.
    pub(super) fn entries_containing(&self, folded_word: &str) -> EntrySet {
        let mut set = EntrySet::empty(self.ascii_present.len());
        if let [byte] = folded_word.as_bytes()
            && let Some(bit) = ascii_bit(*byte)
        {
            for (position, present) in self.ascii_present.iter().enumerate() {
                if present & bit != 0 {
                    set.insert(position);
                }
            }
            return set;
        }
        let finder = memchr::memmem::Finder::new(folded_word);
        for (word, list) in &self.words {
            if finder.find(word.as_bytes()).is_some() {
                for &position in list {
                    set.insert(position as usize);
                }
            }
        }
        set
    }
}

/// Whether the ASCII `needle` occurs in order (not necessarily together) in `haystack`
/// within `window` characters from its first matched character to its last: how a fuzzy
/// match is held to be not too scattered.
pub(super) fn fits_in_window(haystack: &str, needle: &[u8], window: usize) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    if needle.len() > window {
        return false;
    }
    let bytes = haystack.as_bytes();
    let ascii = haystack.is_ascii();
    memchr::memchr_iter(first, bytes).any(|start| {
        let end = if ascii {
            start.saturating_add(window).min(bytes.len())
        } else {
            haystack
                .get(start..)
                .and_then(|from| from.char_indices().nth(window))
                .map_or(bytes.len(), |(offset, _)| start + offset)
        };
        let mut at = start + 1;
        // An ASCII byte is always a character of its own, never part of another.
        rest.iter().all(|&byte| {
            match bytes
                .get(at..end)
                .and_then(|rest| memchr::memchr(byte, rest))
            {
                Some(offset) => {
                    at += offset + 1;
                    true
                }
                None => false,
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Sets as bitmaps agree with sets as sorted lists, over word boundaries.
    #[test]
    fn entry_sets_count_and_list_within_ranges() {
        let mut set = EntrySet::empty(200);
        for position in [0, 1, 63, 64, 65, 127, 128, 199, 500] {
            set.insert(position);
        }
        assert!(set.contains(63) && set.contains(199) && !set.contains(62) && !set.contains(500));
        assert_eq!(
            set.iter_in(0..200).collect::<Vec<_>>(),
            vec![0, 1, 63, 64, 65, 127, 128, 199]
        );
        assert_eq!(
            set.iter_in(1..128).collect::<Vec<_>>(),
            vec![1, 63, 64, 65, 127]
        );
        assert_eq!(set.count_in(1..128), 5);
        assert_eq!(set.count_in(64..65), 1);
        assert_eq!(set.count_in(66..127), 0);
        assert_eq!(set.count_in(0..200), 8);
        assert_eq!(set.count_in(5..5), 0);
        let mut other = EntrySet::empty(200);
        other.insert(64);
        other.insert(199);
        other.insert(2);
        set.intersect(&other);
        assert_eq!(set.iter_in(0..200).collect::<Vec<_>>(), vec![64, 199]);
    }

    #[test]
    fn the_index_finds_a_word_inside_longer_words_only_where_it_is() {
        let bodies = [
            "international law",
            "the interpol files",
            "law and order",
            "inter-state",
        ];
        let index = WordIndex::new(bodies.into_iter());
        let found = |word: &str| {
            index
                .entries_containing(word)
                .iter_in(0..4)
                .collect::<Vec<_>>()
        };
        assert_eq!(found("inter"), vec![0, 1, 3]);
        assert_eq!(found("law"), vec![0, 2]);
        assert_eq!(found("l"), vec![0, 1, 2]);
        assert_eq!(found("zz"), Vec::<usize>::new());
        assert!(WordIndex::answers("inter") && WordIndex::answers("é1"));
        assert!(!WordIndex::answers("inter-state") && !WordIndex::answers(""));
    }

    #[test]
    fn a_window_holds_the_needle_in_order() {
        assert!(fits_in_window("international", b"intl", 13));
        assert!(!fits_in_window("international", b"intl", 12));
        // The tightest start counts, not the first one.
        assert!(fits_in_window("i....... ipn", b"ipn", 3));
        assert!(!fits_in_window("nip", b"ipn", 10));
        assert!(fits_in_window("anything", b"", 0));
        // Characters, not bytes: "é" is one.
        assert!(fits_in_window("iééé n", b"in", 6));
        assert!(!fits_in_window("iééé n", b"in", 5));
    }

    /// The fewest characters any in-order occurrence of `needle` in `haystack` spans, by
    /// trying every one.
    fn tightest_by_definition(haystack: &[char], needle: &[char]) -> Option<usize> {
        fn last_of(haystack: &[char], needle: &[char], from: usize) -> Option<usize> {
            let (first, rest) = needle.split_first()?;
            (from..haystack.len())
                .filter(|&i| haystack.get(i) == Some(first))
                .filter_map(|i| {
                    if rest.is_empty() {
                        Some(i)
                    } else {
                        last_of(haystack, rest, i + 1)
                    }
                })
                .min()
        }
        let (first, rest) = needle.split_first()?;
        (0..haystack.len())
            .filter(|&start| haystack.get(start) == Some(first))
            .filter_map(|start| {
                let last = if rest.is_empty() {
                    Some(start)
                } else {
                    last_of(haystack, rest, start + 1)
                };
                last.map(|last| last - start + 1)
            })
            .min()
    }

    proptest! {
        #[test]
        fn windows_agree_with_the_definition(
            haystack in "[abcé ]{0,14}",
            needle in "[abc]{1,4}",
            window in 0usize..16,
        ) {
            let chars = |text: &str| text.chars().collect::<Vec<char>>();
            let expected = tightest_by_definition(&chars(&haystack), &chars(&needle))
                .is_some_and(|tightest| tightest <= window);
            prop_assert_eq!(
                fits_in_window(&haystack, needle.as_bytes(), window),
                expected
            );
        }

        #[test]
        fn the_index_agrees_with_reading_every_body(
            bodies in proptest::collection::vec("[ab é1-]{0,12}", 0..70),
            word in "[abé1]{1,3}",
        ) {
            let index = WordIndex::new(bodies.iter().map(String::as_str));
            let found: Vec<usize> = index.entries_containing(&word).iter_in(0..bodies.len()).collect();
            let expected: Vec<usize> = bodies
                .iter()
                .enumerate()
                .filter(|(_, body)| body.contains(word.as_str()))
                .map(|(i, _)| i)
                .collect();
            prop_assert_eq!(found, expected);
        }
    }
}

//! Small text helpers the model shares with the layers above it.

/// `text` without the one UTF-8 byte-order mark it may start with. A second mark is text (and
/// the importers report it as such): only one is removed, at one place, so that locations
/// always refer to the same text.
#[must_use]
pub fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The known word `written` is most likely a slip for (a misspelling, other letter case), if one
/// is at least `min_similarity` alike (Jaro-Winkler on the trimmed, lower-cased words). A text
/// over 40 bytes is no slip for a key or a type name, and is not compared (comparing takes time
/// in proportion to its length).
#[must_use]
pub fn nearest_word<'a>(written: &str, known: &[&'a str], min_similarity: f64) -> Option<&'a str> {
    if written.len() > 40 {
        return None;
    }
    let lowered = written.trim().to_lowercase();
    known
        .iter()
        .map(|&candidate| {
            (
                strsim::jaro_winkler(&lowered, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|&(similarity, _)| similarity >= min_similarity)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

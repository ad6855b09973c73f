//! Small text helpers the model shares with the layers above it.

/// `text` without the one UTF-8 byte-order mark it may start with. A second mark is text (and
/// the importers report it as such): only one is removed, at one place, so that locations
/// always refer to the same text.
#[must_use]
pub fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

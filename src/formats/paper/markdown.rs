//! Placeholder: replaced by the markdown importer.

use crate::corpus::diagnostics::{Code, Diagnostic};

use super::{ImportOptions, PaperBuilder};

/// Reads a paper into `builder`.
///
/// # Errors
/// Always, until written.
pub(super) fn read(
    _text: &str,
    _options: &ImportOptions<'_>,
    _builder: &mut PaperBuilder,
) -> Result<(), Box<Diagnostic>> {
    Err(Box::new(Diagnostic::error(
        Code::PaperSyntax,
        "not yet",
        "",
    )))
}

/// Whether text with no telling extension reads as Pandoc Markdown (a YAML header).
pub(super) fn looks_like_markdown(text: &str) -> bool {
    text.starts_with("---\n") && text.contains("\ntitle:")
}

//! Placeholder: replaced by the tei importer.

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

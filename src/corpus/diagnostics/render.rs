//! Rendering diagnostics: compiler-style text with the offending line and a caret, or JSON.

use super::{Diagnostic, Severity};

/// Renders diagnostics as a compiler does: `file:line:col`, the offending line with a caret
/// under it, and the hint. `source` is the text the locations refer to, when there is one.
#[must_use]
pub fn render_human(
    diagnostics: &[Diagnostic],
    file_name: &str,
    source: Option<&str>,
    color: bool,
) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let title = match &diagnostic.path {
            Some(path) => format!("{} (at {path})", diagnostic.message),
            None => diagnostic.message.clone(),
        };
        let mut place_fix = None;
        let mut group = Group::with_title(
            level
                .primary_title(title.as_str())
                .id(diagnostic.code.as_str()),
        );
        match (source, diagnostic.location) {
            (Some(source), Some(location)) => {
                // A location is a character boundary of `source`; one that is not (a text
                // other than the one it was found in) is drawn at the character it falls in.
                let offset = source.floor_char_boundary(location.offset.min(source.len()));
                let (window, window_start) = line_window(source, offset);
                let first_line = location.line;
                let start = offset.saturating_sub(window_start).min(window.len());
                let span_len = location
                    .length
                    .clamp(1, window.len().saturating_sub(start).max(1));
                let end = window.floor_char_boundary((start + span_len).min(window.len()));
                let label = diagnostic.code.as_str();
                group = group.element(
                    Snippet::source(window)
                        .line_start(first_line)
                        .path(file_name)
                        .annotation(
                            AnnotationKind::Primary
                                .span(start..end.max(start))
                                .label(label),
                        ),
                );
                // The renderer counts the column from the start of what it is given; a window
                // cut from a long line is not the line's start, so name the place itself.
                let cut_from_the_left =
                    window_start > 0 && source.as_bytes().get(window_start - 1) != Some(&b'\n');
                if cut_from_the_left {
                    let counted = window.get(..start).unwrap_or_default().chars().count() + 1;
                    place_fix = Some((
                        format!("{file_name}:{first_line}:{counted}"),
                        format!("{file_name}:{first_line}:{}", location.column),
                    ));
                }
            }
            _ => {
                group = group
                    .element(Level::NOTE.message(format!("in {}", diagnostic.position(file_name))));
            }
        }
        if !diagnostic.hint.is_empty() {
            group = group.element(Level::HELP.message(diagnostic.hint.as_str()));
        }
        let drawn = renderer.render(&[group]);
        match place_fix {
            Some((counted, actual)) => out.push_str(&drawn.replacen(&counted, &actual, 1)),
            None => out.push_str(&drawn),
        }
        out.push_str("\n\n");
    }
    out
}

/// The line holding `offset`, cut to at most 400 bytes around it so a minified file stays
/// readable, and its byte start. Only those bytes are looked at, so rendering many
/// diagnostics of a large file stays linear.
fn line_window(source: &str, offset: usize) -> (&str, usize) {
    const HALF_WINDOW: usize = 200;
    let offset = source.floor_char_boundary(offset.min(source.len()));
    let lookback = source.floor_char_boundary(offset.saturating_sub(HALF_WINDOW));
    let line_start = source
        .get(lookback..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(lookback, |n| lookback + n + 1);
    let lookahead =
        source.floor_char_boundary(offset.saturating_add(HALF_WINDOW).min(source.len()));
    let line_end = source
        .get(offset..lookahead)
        .and_then(|after| after.find('\n'))
        .map_or(lookahead, |n| offset + n);
    (
        source.get(line_start..line_end).unwrap_or_default(),
        line_start,
    )
}

/// Renders diagnostics and a summary as pretty JSON: `{"file", "diagnostics", "summary"}`.
#[must_use]
pub fn render_json(
    diagnostics: &[Diagnostic],
    file_name: &str,
    summary: &serde_json::Value,
) -> String {
    let value = serde_json::json!({
        "file": file_name,
        "diagnostics": diagnostics,
        "summary": summary,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::diagnostics::{Code, JsonPath, Location};

    #[test]
    fn human_rendering_shows_file_line_caret_and_hint() {
        let source = "{\n  \"format\": \"nope\"\n}";
        let diagnostic = Diagnostic::error(Code::UnsupportedFormat, "unsupported format", "use v1")
            .at(JsonPath::root().key("format"))
            .located(Location::at_offset(source, 14, 6));
        let text = render_human(&[diagnostic], "x.json", Some(source), false);
        assert!(text.contains("error[unsupported-format]"), "{text}");
        assert!(text.contains("x.json:2:13"), "{text}");
        assert!(text.contains("^^^^^^"), "{text}");
        assert!(text.contains("use v1"), "{text}");
    }

    #[test]
    fn a_place_on_a_long_line_is_named_by_its_column_in_the_line_not_in_the_part_shown() {
        let mut source = String::from("<article>");
        source.push_str(&"<p>words</p>".repeat(100));
        let offset = source.len();
        source.push_str("<oops>");
        let diagnostic = Diagnostic::error(Code::PaperSyntax, "bad", "fix it")
            .located(Location::at_offset(&source, offset, 5));
        let column = offset + 1;
        for color in [false, true] {
            let text = render_human(
                std::slice::from_ref(&diagnostic),
                "cut.xml",
                Some(&source),
                color,
            );
            assert!(text.contains(&format!("cut.xml:1:{column}")), "{text}");
            assert!(text.contains("<oops>"), "{text}");
            assert!(text.contains("^^^^^"), "{text}");
            assert!(
                text.len() < 1200,
                "only a window of the line is shown: {text}"
            );
        }
    }

    #[test]
    fn a_location_inside_a_character_or_past_the_end_is_drawn_without_panicking() {
        // The offset of `<` in a text with a byte-order mark, shown against the text with it:
        // it falls inside the three-byte mark. (Found by fuzzing the JATS importer.)
        let source = "\u{feff}<articl é";
        for offset in [1, 2, 14, 15, 99] {
            let diagnostic =
                Diagnostic::error(Code::PaperSyntax, "bad", "fix it").located(Location {
                    line: 1,
                    column: 1,
                    offset,
                    length: 3,
                });
            let text = render_human(&[diagnostic], "x.xml", Some(source), false);
            assert!(text.contains("error[paper-syntax]"), "{text}");
        }
    }
}

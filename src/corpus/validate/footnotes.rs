//! Footnotes: every marker `[^id]` in the text names a footnote, and every footnote is marked
//! somewhere in the text.

use super::{Sink, flag_named};
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath};
use crate::corpus::index::TextPass;
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::model::CorpusFile;
use crate::corpus::text::nearest_word;

/// Reports markers that name no footnote (an error, with the id it is most likely a slip for)
/// and footnotes no marker points to (a warning).
pub(super) fn check_footnotes(
    file: &CorpusFile,
    ids: &IdMaps<'_>,
    text: &TextPass<'_>,
    out: &mut Sink,
) {
    let mut marked = vec![false; file.footnotes.len()];
    let footnote_ids: Vec<&str> = file.footnotes.iter().map(|f| f.id.as_str()).collect();
    let paragraphs = file
        .sections
        .iter()
        .enumerate()
        .flat_map(|(i, section)| (0..section.paragraphs.len()).map(move |j| (i, j)));
    for ((i, j), read) in paragraphs.zip(&text.paragraphs) {
        for marker in &read.footnotes {
            if let Some(footnote) = ids.position(ItemKind::Footnote, marker.id) {
                if let Some(flag) = marked.get_mut(footnote) {
                    *flag = true;
                }
                continue;
            }
            out.push_with(Code::UnknownFootnote, true, || {
                unknown_marker(marker.id, &footnote_ids)
                    .at(JsonPath::root()
                        .key("sections")
                        .index(i)
                        .key("paragraphs")
                        .index(j)
                        .key("text"))
                    .within(format!("[^{}]", marker.id))
            });
        }
    }
    // A figure's caption marks its footnotes too.
    let in_captions = file.figures.iter().flat_map(|figure| &figure.footnotes);
    flag_named(ids, ItemKind::Footnote, in_captions, &mut marked);
    for (position, footnote) in file.footnotes.iter().enumerate() {
        let first = ids
            .position(ItemKind::Footnote, &footnote.id)
            .unwrap_or(position);
        if footnote.id.trim().is_empty() || marked.get(first).copied().unwrap_or(false) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                Code::UnmarkedFootnote,
                format!(
                    "footnote `{}` is never marked in the text, so no paragraph leads to it",
                    footnote.id
                ),
                format!(
                    "write `[^{}]` in the paragraph where the paper prints its marker, or \
                     remove the footnote",
                    footnote.id
                ),
            )
            .at(JsonPath::root().key("footnotes").index(position).key("id")),
        );
    }
}

/// A marker that names no footnote, with the id it is most likely a slip for.
fn unknown_marker(id: &str, footnote_ids: &[&str]) -> Diagnostic {
    match nearest_word(id, footnote_ids, 0.8) {
        Some(nearest) => Diagnostic::error(
            Code::UnknownFootnote,
            format!("footnote marker `[^{id}]` names no footnote; did you mean `{nearest}`?"),
            format!("write `[^{nearest}]`, or add a footnote with the id `{id}` to `footnotes`"),
        ),
        None if footnote_ids.is_empty() => Diagnostic::error(
            Code::UnknownFootnote,
            format!("footnote marker `[^{id}]` names no footnote: the corpus has none"),
            format!(
                "add the footnote to `footnotes` as `{{\"id\": \"{id}\", \"marker\": \"1\", \
                 \"text\": \"…\"}}`"
            ),
        ),
        None => {
            let shown: Vec<&str> = footnote_ids.iter().take(8).copied().collect();
            let more = if footnote_ids.len() > shown.len() {
                ", …"
            } else {
                ""
            };
            Diagnostic::error(
                Code::UnknownFootnote,
                format!("footnote marker `[^{id}]` names no footnote"),
                format!(
                    "add a footnote with the id `{id}` to `footnotes`, or fix the marker to \
                     name one of its footnotes ({}{more})",
                    shown.join(", ")
                ),
            )
        }
    }
}

//! The labelled parts of a paper's front matter: the labels that open them (`Abstract`,
//! `Keywords:`, `Corresponding author`, `Article history`, ACM's `CCS Concepts`), the events
//! of an article-history line, and the keywords of a line.

use crate::corpus::model::HistoryEvent;

/// What the block being read belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    Title,
    Authors,
    Abstract,
    Keywords,
    Corresponding,
    Other,
}

/// A front-matter label at the start of a line, and the text after it on the same line.
pub(super) fn label(line: &str) -> Option<(Mode, &str)> {
    for (names, mode) in [
        (
            &[
                "abstract",
                "summary",
                "resumo",
                "resumen",
                "résumé",
                "zusammenfassung",
                "riassunto",
            ][..],
            Mode::Abstract,
        ),
        (
            &[
                "keywords",
                "keyword",
                "key words",
                "additional key words and phrases",
                "index terms",
                "palavras-chave",
                "palabras clave",
                "mots-clés",
                "schlüsselwörter",
                "parole chiave",
            ][..],
            Mode::Keywords,
        ),
        (
            &["corresponding author", "correspondence"][..],
            Mode::Corresponding,
        ),
        (
            &[
                "article info",
                "article information",
                "article history",
                // ACM's classification of a paper, printed beside its keywords.
                "categories and subject descriptors",
                "general terms",
                "ccs concepts",
                "acm reference format",
            ][..],
            Mode::Other,
        ),
    ] {
        for name in names {
            if !line
                .get(..name.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(name))
            {
                continue;
            }
            let rest = line.get(name.len()..).unwrap_or_default();
            // `Abstract` alone or followed by a separator; `Abstraction …` is no label, nor is
            // `Abstract text` without one.
            let separated = rest.is_empty()
                || rest.starts_with([':', '—', '–', '.'])
                || rest.starts_with(" -")
                || (mode != Mode::Abstract && rest.starts_with(char::is_whitespace));
            if separated {
                let value = rest.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ':' | '—' | '–' | '-' | '.')
                });
                return Some((mode, value.trim()));
            }
        }
    }
    None
}

/// The events of an article-history line that may name several, parted by a full stop or a
/// semicolon: `Accepted 2025 February 17. Received 2025 February 11; in original form 2024
/// June 20` (what names no event is left out).
pub(super) fn history_events(line: &str) -> Vec<HistoryEvent> {
    let mut starts = vec![0];
    for (at, _) in line.match_indices(['.', ';']) {
        let rest = line.get(at + 1..).unwrap_or_default();
        let trimmed = rest.trim_start();
        if rest.len() > trimmed.len() && history(trimmed).is_some() {
            starts.push(line.len() - trimmed.len());
        }
    }
    starts.push(line.len());
    starts
        .windows(2)
        .filter_map(|pair| {
            let [from, to] = pair else { return None };
            let part = line.get(*from..*to)?;
            let part = part.split(';').next().unwrap_or(part);
            history(part.trim().trim_end_matches('.'))
        })
        .collect()
}

/// An article-history line: `Received Feb, 2025`, `Accepted: 3 March 2021`.
pub(super) fn history(line: &str) -> Option<HistoryEvent> {
    let lower = line.to_lowercase();
    [
        "received",
        "revised",
        "accepted",
        "published",
        "available online",
    ]
    .iter()
    .find(|event| lower.starts_with(*event))
    .and_then(|event| {
        let date = line
            .get(event.len()..)?
            .trim_start_matches([':', ' ', ','])
            .trim();
        (!date.is_empty() && date.chars().any(|c| c.is_ascii_digit())).then(|| HistoryEvent {
            event: (*event).to_owned(),
            date: date.to_owned(),
        })
    })
}

/// The keywords of one line: split at `;`, or at `,` when there is no `;`.
pub(super) fn keywords(line: &str) -> Vec<String> {
    let separator = if line.contains(';') { ';' } else { ',' };
    line.split(separator)
        .map(|k| k.trim().trim_end_matches('.').trim())
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect()
}

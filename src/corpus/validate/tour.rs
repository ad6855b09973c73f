//! A guided tour's own rules: each step shows an item that exists (its key as `kind:id`), and
//! the words it highlights occur in the passage it shows.
//!
//! The same check serves the corpus's own `tour` (while the file is validated, from the text
//! pass) and a tour kept in a side file beside the paper (on a corpus already loaded, from its
//! index): [`TourTargets`] is what both have.

use super::with_article;
use crate::corpus::Corpus;
use crate::corpus::diagnostics::{Code, Diagnostic, JsonPath};
use crate::corpus::find::find_in_text;
use crate::corpus::item::ItemKind;
use crate::corpus::kinds::IdMaps;
use crate::corpus::model::{CorpusFile, TourStep};
use crate::corpus::text::nearest_word;

/// Beyond this many item keys a "did you mean" is not looked for.
const MOST_KEYS_COMPARED: usize = 5000;

/// How alike a key must be to a slip's to be suggested.
const SUGGESTION_SIMILARITY: f64 = 0.85;

/// What a tour step's key is checked against: the corpus's ids, and each paragraph's printed
/// text and number of citations (by reading-order position).
pub struct TourTargets<'a> {
    /// The corpus file the tour belongs to.
    pub file: &'a CorpusFile,
    /// Every id of every kind.
    pub ids: &'a IdMaps<'a>,
    /// A paragraph's printed text and how many citations it holds.
    pub paragraph: &'a dyn Fn(usize) -> Option<(&'a str, usize)>,
}

/// What a step's key names, when it names something.
enum Target<'a> {
    /// A paragraph, by its printed text.
    Passage(&'a str),
    /// Anything else, by its kind.
    Other(ItemKind),
}

/// Why a step's key names nothing.
enum Missing {
    /// The part before `:` is no kind's prefix (or there is no `:`).
    UnknownKind,
    /// No record of this kind has the id.
    UnknownId(ItemKind, String),
    /// The series exists but has no point for the year.
    YearNotInSeries { series: String, years: Vec<i32> },
    /// The paragraph exists but has fewer citations than the key counts.
    CitationBeyondLast {
        paragraph: String,
        nth: String,
        count: usize,
    },
}

impl<'a> TourTargets<'a> {
    /// What `key` names, or why it names nothing.
    fn resolve(&self, key: &str) -> Result<Target<'a>, Missing> {
        let (prefix, id) = key.split_once(':').ok_or(Missing::UnknownKind)?;
        let kind = ItemKind::ALL
            .into_iter()
            .find(|kind| kind.key_prefix() == prefix)
            .ok_or(Missing::UnknownKind)?;
        let no_record = || Missing::UnknownId(kind, id.to_owned());
        match kind {
            ItemKind::Paragraph => {
                let position = self.ids.position(kind, id).ok_or_else(no_record)?;
                let (printed, _) = (self.paragraph)(position).ok_or_else(no_record)?;
                Ok(Target::Passage(printed))
            }
            ItemKind::Citation => {
                let (paragraph, nth) = id.rsplit_once('/').ok_or_else(no_record)?;
                let position = self
                    .ids
                    .position(ItemKind::Paragraph, paragraph)
                    .ok_or_else(no_record)?;
                let (_, count) = (self.paragraph)(position).ok_or_else(no_record)?;
                match nth.parse::<usize>() {
                    Ok(n) if n < count => Ok(Target::Other(kind)),
                    _ => Err(Missing::CitationBeyondLast {
                        paragraph: paragraph.to_owned(),
                        nth: nth.to_owned(),
                        count,
                    }),
                }
            }
            ItemKind::SeriesPoint => {
                let (series_id, year) = id.rsplit_once('/').ok_or_else(no_record)?;
                let year: i32 = year.trim().parse().map_err(|_| no_record())?;
                let series = self
                    .file
                    .series
                    .iter()
                    .find(|s| s.id == series_id)
                    .ok_or(Missing::UnknownId(ItemKind::Series, series_id.to_owned()))?;
                let years: Vec<i32> = series.points.iter().map(|p| p.year).collect();
                if years.contains(&year) {
                    Ok(Target::Other(kind))
                } else {
                    Err(Missing::YearNotInSeries {
                        series: series_id.to_owned(),
                        years,
                    })
                }
            }
            _ if self.ids.contains(kind, id) => Ok(Target::Other(kind)),
            _ => Err(no_record()),
        }
    }

    fn file_paragraph_id(&self, position: usize) -> Option<&'a str> {
        let &(section, paragraph) = self.ids.paragraph_places.get(position)?;
        let paragraph = self.file.sections.get(section)?.paragraphs.get(paragraph)?;
        Some(paragraph.id.as_str())
    }

    /// Every item key of the corpus (none when there are more than [`MOST_KEYS_COMPARED`]):
    /// what a "did you mean" chooses from.
    fn keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        for kind in ItemKind::ALL {
            let prefix = kind.key_prefix();
            match kind {
                ItemKind::Citation => {
                    for (position, id) in self.paragraph_ids() {
                        let count = (self.paragraph)(position).map_or(0, |(_, count)| count);
                        keys.extend((0..count).map(|n| format!("{prefix}:{id}/{n}")));
                    }
                }
                ItemKind::SeriesPoint => {
                    for series in &self.file.series {
                        keys.extend(
                            series
                                .points
                                .iter()
                                .map(|p| format!("{prefix}:{}/{}", series.id, p.year)),
                        );
                    }
                }
                _ => keys.extend(
                    self.ids
                        .ids_of(kind, MOST_KEYS_COMPARED)
                        .into_iter()
                        .map(|id| format!("{prefix}:{id}")),
                ),
            }
            if keys.len() > MOST_KEYS_COMPARED {
                return Vec::new();
            }
        }
        keys
    }

    /// Each paragraph's reading-order position and id.
    fn paragraph_ids(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        (0..self.ids.paragraph_places.len())
            .filter_map(|position| Some((position, self.file_paragraph_id(position)?)))
    }
}

/// Checks every step of `steps`, whose list is at `at` (`$.tour`, or `$.steps` in a side file):
/// each names an item that exists, and its highlight is words of the passage it shows.
#[must_use]
pub fn check_steps(
    steps: &[TourStep],
    at: &JsonPath,
    targets: &TourTargets<'_>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut keys: Option<Vec<String>> = None;
    for (position, step) in steps.iter().enumerate() {
        let path = at.index(position);
        let key = step.show.trim();
        if key.is_empty() {
            out.push(
                Diagnostic::error(
                    Code::EmptyText,
                    format!(
                        "tour step {} shows nothing: its `show` is empty",
                        position + 1
                    ),
                    "write the key of the item the step shows, such as `paragraph:` and a \
                     paragraph's id, or remove the step",
                )
                .at(path.key("show")),
            );
            continue;
        }
        let highlight = step
            .highlight
            .as_deref()
            .map(str::trim)
            .filter(|words| !words.is_empty());
        match targets.resolve(key) {
            Ok(Target::Passage(printed)) => {
                let id = key.split_once(':').map_or(key, |(_, id)| id);
                if let Some(words) = highlight
                    && find_in_text(printed, words).is_empty()
                {
                    out.push(
                        Diagnostic::warning(
                            Code::HighlightNotFound,
                            format!("the words to highlight do not occur in paragraph `{id}`"),
                            "copy the words from the paragraph as it is printed (citations as \
                             the paper prints them, [1]); until then nothing is marked",
                        )
                        .at(path.key("highlight")),
                    );
                }
            }
            Ok(Target::Other(kind)) => {
                if highlight.is_some() {
                    out.push(
                        Diagnostic::warning(
                            Code::HighlightNotFound,
                            format!(
                                "tour step {} shows {}, not a passage: its highlight is not shown",
                                position + 1,
                                with_article(kind.noun())
                            ),
                            "remove `highlight`, or show the paragraph that holds these words \
                             (`paragraph:` and its id)",
                        )
                        .at(path.key("highlight")),
                    );
                }
            }
            Err(missing) => {
                let keys = keys.get_or_insert_with(|| targets.keys());
                out.push(unknown_item(key, &missing, keys).at(path.key("show")));
            }
        }
    }
    out
}

/// The error for a step whose key names nothing, with the nearest key when one is close.
fn unknown_item(key: &str, missing: &Missing, keys: &[String]) -> Diagnostic {
    let known: Vec<&str> = keys.iter().map(String::as_str).collect();
    let nearest = nearest_word(key, &known, SUGGESTION_SIMILARITY);
    let (message, hint) = match missing {
        Missing::UnknownKind => (
            format!("`{key}` is not an item key"),
            format!(
                "an item key is a kind and an id, `kind:id`, the kind one of {}",
                ItemKind::ALL
                    .iter()
                    .map(|kind| format!("`{}`", kind.key_prefix()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        Missing::UnknownId(kind, id) => {
            let noun = kind.noun();
            (
                format!("the tour shows `{key}`, but no {noun} has the id `{id}`"),
                format!("use the id of an existing {noun}, or remove the step"),
            )
        }
        Missing::YearNotInSeries { series, years } => (
            format!("the tour shows `{key}`, but series `{series}` has no point for that year"),
            format!(
                "its years are {}",
                years
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        Missing::CitationBeyondLast {
            paragraph,
            nth,
            count,
        } => (
            format!(
                "the tour shows `{key}`, but paragraph `{paragraph}` has {} (`{nth}` counts from 0)",
                crate::corpus::counted(*count, "citation")
            ),
            match count {
                0 => format!("show the paragraph itself, `paragraph:{paragraph}`"),
                _ => format!(
                    "the paragraph's first citation is `citation:{paragraph}/0`, its last `citation:{paragraph}/{}`",
                    count - 1
                ),
            },
        ),
    };
    let hint = match nearest {
        Some(near) => format!("did you mean `{near}`? {}", capitalized(&hint)),
        None => hint,
    };
    Diagnostic::error(Code::UnknownTourItem, message, hint)
}

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The problems of `steps` as the tour of an already loaded `corpus` (a tour read from a side
/// file), the list at `at`.
#[must_use]
pub fn check_tour_of(corpus: &Corpus, steps: &[TourStep], at: &JsonPath) -> Vec<Diagnostic> {
    let ids = IdMaps::new(&corpus.file);
    let paragraph = |position: usize| {
        corpus
            .index
            .paragraphs
            .get(position)
            .map(|info| (info.printed.as_str(), info.citations.len()))
    };
    let targets = TourTargets {
        file: &corpus.file,
        ids: &ids,
        paragraph: &paragraph,
    };
    check_steps(steps, at, &targets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Severity;

    fn step(show: &str, highlight: Option<&str>) -> TourStep {
        TourStep {
            show: show.to_owned(),
            highlight: highlight.map(str::to_owned),
            ..TourStep::default()
        }
    }

    fn problems(steps: &[TourStep]) -> Vec<Diagnostic> {
        let corpus = Corpus::builtin();
        check_tour_of(&corpus, steps, &JsonPath::root().key("tour"))
    }

    #[test]
    fn steps_showing_items_that_exist_are_clean() {
        let steps = [
            step("paragraph:introduction.p4", Some("By 2021, the figure")),
            // Case does not matter, as in the Reader's find.
            step("paragraph:introduction.p4", Some("by 2021, THE figure")),
            step("citation:literature-review.p3/0", None),
            step("point:victims/2021", None),
            step("series:victims", None),
            step("row:row-asean-act", None),
            step("case:sea-labour-trafficking", None),
            step("figure:victims-graph", None),
            step("reference:porter1995", None),
            step("  region:asean ", Some("  ")),
        ];
        let found = problems(&steps);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_step_naming_no_item_is_an_error_with_the_nearest_key() {
        let found = problems(&[
            step("paragraph:introduction.p4", None),
            step("case:sea-labor-trafficking", None),
        ]);
        let [error] = found.as_slice() else {
            panic!("{found:#?}");
        };
        assert_eq!(error.code, Code::UnknownTourItem);
        assert_eq!(error.severity, Severity::Error);
        assert_eq!(
            error.path.as_ref().map(ToString::to_string).as_deref(),
            Some("$.tour[1].show")
        );
        assert!(
            error
                .message
                .contains("no case has the id `sea-labor-trafficking`")
        );
        assert!(
            error
                .hint
                .contains("did you mean `case:sea-labour-trafficking`?"),
            "{}",
            error.hint
        );
    }

    #[test]
    fn keys_of_no_kind_missing_years_and_citations_beyond_the_last_are_errors() {
        let found = problems(&[
            step("paragraf:introduction.p4", None),
            step("introduction.p4", None),
            step("point:victims/2019", None),
            step("citation:literature-review.p3/7", None),
            step("citation:methods.p1/0", None),
        ]);
        let codes: Vec<Code> = found.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::UnknownTourItem; 5], "{found:#?}");
        assert!(
            found[0]
                .hint
                .contains("did you mean `paragraph:introduction.p4`?")
        );
        assert!(found[1].message.contains("is not an item key"));
        assert!(found[1].hint.contains("`kind:id`"));
        assert!(
            found[2]
                .message
                .contains("series `victims` has no point for that year"),
            "{}",
            found[2].message
        );
        assert!(found[2].hint.contains("2020, 2021, 2022, 2023"));
        assert!(
            found[3].message.contains("has 2 citations"),
            "{}",
            found[3].message
        );
        assert!(found[3].hint.contains("`citation:literature-review.p3/1`"));
        assert!(
            found[4].hint.contains("`paragraph:methods.p1`"),
            "{}",
            found[4].hint
        );
    }

    #[test]
    fn an_empty_show_is_an_error() {
        let found = problems(&[step("  ", None)]);
        let [error] = found.as_slice() else {
            panic!("{found:#?}");
        };
        assert_eq!(error.code, Code::EmptyText);
        assert!(error.is_error());
        assert_eq!(
            error.path.as_ref().map(ToString::to_string).as_deref(),
            Some("$.tour[0].show")
        );
    }

    #[test]
    fn a_highlight_not_in_the_passage_or_on_no_passage_is_a_warning() {
        let found = problems(&[
            step("paragraph:introduction.p4", Some("about 52,000 victims")),
            step("case:sea-labour-trafficking", Some("fishing")),
            // A step naming nothing is told once, for its key.
            step("case:nowhere", Some("fishing")),
        ]);
        let described: Vec<(Code, Severity, String)> = found
            .iter()
            .map(|d| {
                (
                    d.code,
                    d.severity,
                    d.path.as_ref().map(ToString::to_string).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            described,
            [
                (
                    Code::HighlightNotFound,
                    Severity::Warning,
                    "$.tour[0].highlight".to_owned()
                ),
                (
                    Code::HighlightNotFound,
                    Severity::Warning,
                    "$.tour[1].highlight".to_owned()
                ),
                (
                    Code::UnknownTourItem,
                    Severity::Error,
                    "$.tour[2].show".to_owned()
                ),
            ]
        );
        assert!(found[0].message.contains("paragraph `introduction.p4`"));
        assert!(found[1].message.contains("shows a case, not a passage"));
    }

    #[test]
    fn the_corpus_own_tour_is_validated_when_it_loads() {
        let mut file = Corpus::builtin().file;
        file.tour = vec![step("case:sea-labor-trafficking", None)];
        let Err(diagnostics) = Corpus::from_file(file, "test") else {
            panic!("a tour naming no item stops the corpus loading");
        };
        assert!(
            diagnostics.iter().any(|d| d.code == Code::UnknownTourItem
                && d.path.as_ref().map(ToString::to_string).as_deref() == Some("$.tour[0].show")),
            "{diagnostics:#?}"
        );
    }
}

//! What a presentation shows, slide by slide: the corpus's guided tour when it has one, else the
//! slides the corpus gives by itself (a title slide, each chart, each table a region or a few rows
//! at a time, each case study, each figure, the references). No drawing here: the window draws
//! each [`Shows`] with a layout of its own, and `paperlens slides` renders the same slides.

mod tables;

use std::ops::Range;

pub use tables::{GRID_ROWS_PER_SLIDE, ROWS_PER_SLIDE, TableLayout};
use tables::{rows_shown, table_slides};

use crate::chart::chart_groups;
use crate::corpus::model::CaseKind;
use crate::corpus::{Corpus, Item, display};

/// References on one slide of the reference list.
pub const REFERENCES_PER_SLIDE: usize = 6;

/// What one slide shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shows {
    /// The paper's title, authors, venue and date.
    Title,
    /// A chart (the chart group `series` belongs to), with `year` marked when there is one.
    Chart {
        /// Position of a series of the chart in `series`.
        series: usize,
        /// The year marked on the chart.
        year: Option<i32>,
    },
    /// Some rows of a table, as large cards or as a grid.
    Table {
        /// Position of the table in `tables`.
        table: usize,
        /// Positions of the rows shown, within the table.
        rows: Vec<usize>,
        /// What these rows are: a region's name, or "Rows 1–4 of 7".
        heading: String,
        /// The row the slide is about (a tour step's row), within the table.
        marked: Option<usize>,
        /// Whether the rows are drawn as cards or as a grid.
        layout: TableLayout,
    },
    /// A case study, by position in `cases`.
    Case(usize),
    /// A figure, by position in `figures`.
    Figure(usize),
    /// A passage of the text, with words of it marked.
    Passage {
        /// Position of the paragraph in reading order.
        paragraph: usize,
        /// Words of the paragraph to mark.
        highlight: Option<String>,
    },
    /// An in-text citation: its sentence and the work it cites.
    Citation(usize),
    /// One reference, with the sentences that cite it.
    Reference(usize),
    /// A page of the reference list.
    References {
        /// Position of the first reference shown, in `references`.
        first: usize,
        /// How many references the slide shows.
        count: usize,
    },
    /// Any other record, drawn as its inspector card.
    Record(Item),
}

/// One slide: what it shows, and what the lecturer says over it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slide {
    /// What the slide shows.
    pub shows: Shows,
    /// Its title when a tour step gives one.
    pub title: Option<String>,
    /// Speaker notes (empty for generated slides).
    pub notes: String,
    /// The tour step the slide comes from (its position in `tour`).
    pub step: Option<usize>,
}

impl Slide {
    /// A generated slide: no title of its own, no notes.
    #[must_use]
    pub fn of(shows: Shows) -> Self {
        Self {
            shows,
            title: None,
            notes: String::new(),
            step: None,
        }
    }
}

/// The slides of a presentation: the tour's when the corpus has one that shows anything, else
/// the generated ones.
#[must_use]
pub fn deck(corpus: &Corpus) -> Vec<Slide> {
    let tour = from_tour(corpus);
    if tour.is_empty() {
        generated(corpus)
    } else {
        tour
    }
}

/// The slides a corpus gives by itself, in lecture order: the title, each chart, each table a
/// region (or [`ROWS_PER_SLIDE`] rows as cards, up to [`GRID_ROWS_PER_SLIDE`] in a grid; see
/// [`TableLayout`]) at a time, each case study, each figure, the reference
/// list [`REFERENCES_PER_SLIDE`] entries at a time. Nothing for a bibliography on its own.
#[must_use]
pub fn generated(corpus: &Corpus) -> Vec<Slide> {
    let file = &corpus.file;
    let mut shows = Vec::new();
    if corpus.is_bibliography_only() {
        // A list of references read from a bibliography file is a list, not a paper to present.
        return Vec::new();
    }
    if !file.paper.title.trim().is_empty() {
        shows.push(Shows::Title);
    }
    shows.extend(
        chart_groups(&file.series)
            .iter()
            .filter_map(|group| group.members.first())
            .map(|&series| Shows::Chart { series, year: None }),
    );
    for (position, table) in file.tables.iter().enumerate() {
        shows.extend(table_slides(corpus, position, table));
    }
    shows.extend(
        file.cases
            .iter()
            .enumerate()
            .filter(|(_, case)| case.kind == CaseKind::CaseStudy)
            .map(|(position, _)| Shows::Case(position)),
    );
    shows.extend((0..file.figures.len()).map(Shows::Figure));
    let references = file.references.len();
    shows.extend(
        (0..references)
            .step_by(REFERENCES_PER_SLIDE)
            .map(|first| Shows::References {
                first,
                count: REFERENCES_PER_SLIDE.min(references - first),
            }),
    );
    shows.into_iter().map(Slide::of).collect()
}

/// The slides of the corpus's tour, one per step whose item exists (validation reports the
/// others); empty when there is no tour.
#[must_use]
pub fn from_tour(corpus: &Corpus) -> Vec<Slide> {
    corpus
        .file
        .tour
        .iter()
        .enumerate()
        .filter_map(|(step, tour_step)| {
            let item = Item::from_key(tour_step.show.trim(), corpus)?;
            Some(Slide {
                shows: shows_item(corpus, item, tour_step.highlight.clone())?,
                title: tour_step
                    .title
                    .as_deref()
                    .map(str::trim)
                    .filter(|title| !title.is_empty())
                    .map(str::to_owned),
                notes: tour_step.notes.trim().to_owned(),
                step: Some(step),
            })
        })
        .collect()
}

/// The slide that shows `item`: a passage, a citation, a chart (with a point's year marked), a
/// table row among its region's rows, a case, a figure, a reference, or the item's own card.
#[must_use]
pub fn shows_item(corpus: &Corpus, item: Item, highlight: Option<String>) -> Option<Shows> {
    let file = &corpus.file;
    Some(match item {
        Item::Paragraph(paragraph) => Shows::Passage {
            paragraph,
            highlight: highlight.filter(|words| !words.trim().is_empty()),
        },
        Item::Citation(citation) => Shows::Citation(citation),
        Item::Case(case) => Shows::Case(case),
        Item::Figure(figure) => Shows::Figure(figure),
        Item::Reference(reference) => Shows::Reference(reference),
        Item::Series(series) => Shows::Chart { series, year: None },
        Item::SeriesPoint { series, point } => Shows::Chart {
            series,
            year: Some(file.series.get(series)?.points.get(point)?.year),
        },
        Item::TableRow(position) => {
            let (table_position, row_position, _) = file.table_row(position)?;
            let table = file.tables.get(table_position)?;
            let slides = table_slides(corpus, table_position, table);
            // A row no card shows (a group's name, a blank row): the page after it.
            let mut slide = slides
                .iter()
                .find(|slide| rows_shown(slide).contains(&row_position))
                .or_else(|| {
                    slides
                        .iter()
                        .find(|slide| rows_shown(slide).iter().any(|&row| row > row_position))
                })
                .cloned()?;
            if let Shows::Table { marked, rows, .. } = &mut slide
                && rows.contains(&row_position)
            {
                *marked = Some(row_position);
            }
            slide
        }
        Item::Table(table_position) => {
            let table = file.tables.get(table_position)?;
            table_slides(corpus, table_position, table)
                .into_iter()
                .next()?
        }
        other => Shows::Record(other),
    })
}

/// A slide's name in a list of slides: its title when the tour gives one, else what it shows
/// ("Chart: Global victims", "Case study: Invisible brothels", "Table 1: ASEAN").
#[must_use]
pub fn slide_label(corpus: &Corpus, slide: &Slide) -> String {
    if let Some(title) = &slide.title {
        return title.clone();
    }
    let file = &corpus.file;
    match &slide.shows {
        Shows::Title => format!("Title: {}", file.paper.title.trim()),
        Shows::Chart { series, year } => {
            let title = display::item_title(corpus, Item::Series(*series));
            match year {
                Some(year) => format!("Chart: {title}, {year}"),
                None => format!("Chart: {title}"),
            }
        }
        Shows::Table { table, heading, .. } => {
            let name = file
                .tables
                .get(*table)
                .map(|t| t.label.trim())
                .filter(|label| !label.is_empty())
                .unwrap_or("Table");
            if heading.is_empty() {
                name.to_owned()
            } else {
                format!("{name}: {heading}")
            }
        }
        Shows::Case(case) => format!(
            "Case study: {}",
            display::item_title(corpus, Item::Case(*case))
        ),
        Shows::Figure(figure) => display::item_title(corpus, Item::Figure(*figure)),
        Shows::Passage { paragraph, .. } => {
            format!("Passage: {}", display::paragraph_place(corpus, *paragraph))
        }
        Shows::Citation(citation) => display::item_title(corpus, Item::Citation(*citation)),
        Shows::Reference(reference) => display::item_title(corpus, Item::Reference(*reference)),
        Shows::References { first, count } => {
            format!("References {}–{}", first + 1, first + count)
        }
        Shows::Record(item) => display::item_title(corpus, *item),
    }
}

/// A passage cut to at most `keep` of its `sentences` (byte ranges of `text`) around the first
/// `marked` range (or from its start when nothing is marked), with "…" where it was cut; the
/// marked ranges inside the excerpt, moved to its text. The whole passage when it has no more
/// sentences than that.
#[must_use]
pub fn excerpt(
    text: &str,
    sentences: &[Range<usize>],
    marked: &[Range<usize>],
    keep: usize,
) -> (String, Vec<Range<usize>>) {
    let keep = keep.max(1);
    if sentences.len() <= keep {
        return (text.to_owned(), marked.to_vec());
    }
    let centre = marked
        .first()
        .and_then(|mark| sentences.iter().position(|s| s.contains(&mark.start)))
        .unwrap_or(0);
    let first = centre
        .saturating_sub((keep - 1) / 2)
        .min(sentences.len() - keep);
    let (Some(start), Some(end)) = (
        sentences.get(first).map(|s| s.start),
        sentences.get(first + keep - 1).map(|s| s.end),
    ) else {
        return (text.to_owned(), marked.to_vec());
    };
    let Some(kept) = text.get(start..end) else {
        return (text.to_owned(), marked.to_vec());
    };
    let lead = if first > 0 { "… " } else { "" };
    let tail = if first + keep < sentences.len() {
        " …"
    } else {
        ""
    };
    let shift = |at: usize| at - start + lead.len();
    let moved = marked
        .iter()
        .filter(|mark| mark.start >= start && mark.end <= end)
        .map(|mark| shift(mark.start)..shift(mark.end))
        .collect();
    (format!("{lead}{}{tail}", kept.trim_end()), moved)
}

/// A sentence of the paper to show as a pull quote, with the works it cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The paragraph it is from, in reading order.
    pub paragraph: usize,
    /// The sentence as printed (citations as the paper prints them).
    pub text: String,
    /// Positions in `references` of the works the sentence cites, in citing order.
    pub references: Vec<usize>,
}

/// The paper's own sentence about case `position`: among the sentences of the case's
/// paragraphs, the one naming most of its countries and entities (the first on a tie).
#[must_use]
pub fn case_quote(corpus: &Corpus, position: usize) -> Option<Quote> {
    let case = corpus.file.cases.get(position)?;
    let index = &corpus.index;
    let entities: Vec<usize> = case
        .entities
        .iter()
        .filter_map(|id| corpus.file.entities.iter().position(|e| &e.id == id))
        .collect();
    let mut best: Option<(usize, usize, usize)> = None;
    for paragraph in case
        .paragraphs
        .iter()
        .filter_map(|id| index.paragraph_by_id(id))
    {
        let Some(info) = index.paragraphs.get(paragraph) else {
            continue;
        };
        for (sentence, range) in info.sentences.iter().enumerate() {
            let Some(text) = info.printed.get(range.clone()) else {
                continue;
            };
            let lower = text.to_lowercase();
            let countries = case
                .countries
                .iter()
                .filter(|country| lower.contains(&country.to_lowercase()))
                .count();
            let named = info
                .mentions
                .iter()
                .filter(|m| entities.contains(&m.entity) && range.contains(&m.range.start))
                .count();
            let score = countries + named;
            if best.is_none_or(|(top, _, _)| score > top) {
                best = Some((score, paragraph, sentence));
            }
        }
    }
    let (_, paragraph, sentence) = best?;
    let info = index.paragraphs.get(paragraph)?;
    let text = info.printed.get(info.sentences.get(sentence)?.clone())?;
    let mut references: Vec<usize> = Vec::new();
    for citation in info.citations.clone() {
        let Some(cited) = index.citations.get(citation) else {
            continue;
        };
        if cited.sentence == sentence {
            for &reference in &cited.references {
                if !references.contains(&reference) {
                    references.push(reference);
                }
            }
        }
    }
    Some(Quote {
        paragraph,
        text: text.trim().to_owned(),
        references,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::TourStep;

    fn count(slides: &[Slide], wanted: fn(&Shows) -> bool) -> usize {
        slides.iter().filter(|slide| wanted(&slide.shows)).count()
    }

    #[test]
    fn a_corpus_without_a_tour_presents_every_chart_region_case_figure_and_the_references() {
        let mut corpus = Corpus::builtin();
        corpus.file.tour.clear();
        let slides = deck(&corpus);
        assert_eq!(slides.first().map(|s| &s.shows), Some(&Shows::Title));
        let file = &corpus.file;
        assert_eq!(
            count(&slides, |s| matches!(s, Shows::Chart { .. })),
            chart_groups(&file.series).len()
        );
        // The regional table: one slide per region, each with that region's rows only.
        let regions: Vec<&Shows> = slides
            .iter()
            .map(|s| &s.shows)
            .filter(|s| matches!(s, Shows::Table { .. }))
            .collect();
        assert_eq!(regions.len(), 4, "{regions:?}");
        for shows in regions {
            let Shows::Table {
                table,
                rows,
                heading,
                ..
            } = shows
            else {
                continue;
            };
            let table = &file.tables[*table];
            let first = table.rows[rows[0]].region.clone();
            assert!(rows.iter().all(|&r| table.rows[r].region == first));
            assert!(!heading.is_empty());
        }
        let studies = file
            .cases
            .iter()
            .filter(|c| c.kind == CaseKind::CaseStudy)
            .count();
        assert_eq!(count(&slides, |s| matches!(s, Shows::Case(_))), studies);
        assert_eq!(
            count(&slides, |s| matches!(s, Shows::Figure(_))),
            file.figures.len()
        );
        let listed: usize = slides
            .iter()
            .map(|s| match s.shows {
                Shows::References { count, .. } => count,
                _ => 0,
            })
            .sum();
        assert_eq!(listed, file.references.len());
        assert!(
            slides
                .iter()
                .all(|s| s.notes.is_empty() && s.step.is_none())
        );
    }

    #[test]
    fn a_case_is_quoted_in_the_papers_own_sentence_naming_it() {
        let corpus = Corpus::builtin();
        for (position, case) in corpus.file.cases.iter().enumerate() {
            let Some(quote) = case_quote(&corpus, position) else {
                panic!("case {} has no sentence", case.id);
            };
            let paragraph = corpus.paragraph(quote.paragraph).map(|p| p.id.as_str());
            assert!(
                case.paragraphs
                    .iter()
                    .any(|id| Some(id.as_str()) == paragraph)
            );
            let printed = &corpus.index.paragraphs[quote.paragraph].printed;
            assert!(printed.contains(&quote.text), "{}", quote.text);
            if let Some(country) = case.countries.first()
                && printed.contains(country.as_str())
            {
                assert!(
                    quote.text.contains(country.as_str()),
                    "{}: {}",
                    case.id,
                    quote.text
                );
            }
        }
    }

    #[test]
    fn every_slide_has_a_name_for_the_slide_list() {
        let mut corpus = Corpus::builtin();
        let tour = deck(&corpus);
        assert_eq!(
            slide_label(&corpus, &tour[0]),
            tour[0].title.clone().unwrap_or_default()
        );
        corpus.file.tour.clear();
        let slides = deck(&corpus);
        let labels: Vec<String> = slides.iter().map(|s| slide_label(&corpus, s)).collect();
        assert!(
            labels.iter().all(|label| !label.trim().is_empty()),
            "{labels:?}"
        );
        assert!(
            labels[0].starts_with("Title: Human Trafficking"),
            "{labels:?}"
        );
        assert!(
            labels.iter().any(|l| l.starts_with("Case study: ")),
            "{labels:?}"
        );
        assert!(labels.contains(&"References 1–6".to_owned()), "{labels:?}");
    }

    #[test]
    fn a_long_passage_is_cut_to_the_sentences_around_its_marked_words() {
        let text = "One. Two is here. Three. Four.";
        let sentences = [0..4, 5..17, 18..24, 25..30];
        let marked = vec![Range { start: 9, end: 11 }];
        let (cut, moved) = excerpt(text, &sentences, &marked, 2);
        assert_eq!(cut, "… Two is here. Three. …");
        assert_eq!(
            moved,
            vec![Range { start: 8, end: 10 }],
            "\"… \" is four bytes"
        );
        assert_eq!(cut.get(moved[0].clone()), Some("is"));
        // Nothing marked: from the start; the last sentences: no trailing mark.
        assert_eq!(
            excerpt(text, &sentences, &[], 3).0,
            "One. Two is here. Three. …"
        );
        let last = vec![Range { start: 26, end: 30 }];
        assert_eq!(excerpt(text, &sentences, &last, 1).0, "… Four.");
        // Short enough: whole.
        assert_eq!(excerpt(text, &sentences, &marked, 4).0, text);
    }

    #[test]
    fn a_tour_is_presented_step_by_step_with_its_notes() {
        let mut corpus = Corpus::builtin();
        let series = &corpus.file.series[0];
        let year = series.points[1].year;
        let point = format!("point:{}/{year}", series.id);
        let row = format!("row:{}", corpus.file.tables[0].rows[4].id);
        let paragraph = corpus
            .paragraph(2)
            .map(|p| p.id.clone())
            .unwrap_or_default();
        let step = |show: &str, notes: &str| TourStep {
            show: show.to_owned(),
            notes: notes.to_owned(),
            ..TourStep::default()
        };
        corpus.file.tour = vec![
            step(&point, "The year the text is about."),
            step("case:no-such-case", "Skipped: nothing to show."),
            TourStep {
                highlight: Some("trafficking".to_owned()),
                title: Some("  The claim ".to_owned()),
                ..step(&format!("paragraph:{paragraph}"), "")
            },
            step(&row, "Row of the second region."),
        ];
        let slides = deck(&corpus);
        assert_eq!(slides.len(), 3);
        assert_eq!(
            slides[0].shows,
            Shows::Chart {
                series: 0,
                year: Some(year)
            }
        );
        assert_eq!(slides[0].notes, "The year the text is about.");
        assert_eq!(slides[0].step, Some(0));
        assert_eq!(
            slides[1].shows,
            Shows::Passage {
                paragraph: 2,
                highlight: Some("trafficking".to_owned())
            }
        );
        assert_eq!(slides[1].title.as_deref(), Some("The claim"));
        assert_eq!(slides[1].step, Some(2));
        let Shows::Table { rows, marked, .. } = &slides[2].shows else {
            panic!("a row step shows its table: {:?}", slides[2].shows);
        };
        assert_eq!(*marked, Some(4));
        assert!(rows.contains(&4));
    }
}

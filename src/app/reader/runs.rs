//! A paragraph's printed text cut into runs for drawing: plain text, entity mentions, the
//! tables and figures it names, citations and footnote markers, each stretch with the
//! background the selection (or a study note's highlight, in its label's colour) gives it and
//! the find bar's mark.

use std::ops::Range;

use eframe::egui::Color32;

use super::find::FindMark;
use crate::app::context::ViewCtx;
use crate::corpus::index::{ParagraphInfo, Segment};
use crate::corpus::{Corpus, Item};

/// A stretch of a run's text with its own background and find mark.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Piece {
    /// Byte range of the paragraph's printed text.
    pub range: Range<usize>,
    /// The fill the selection, the pointer or the find bar gives it.
    pub background: Option<Color32>,
    /// Whether it is a find match, or the current one.
    pub find: FindMark,
}

/// How a run of paragraph text is drawn.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Run {
    /// Plain text, one label.
    Text { pieces: Vec<Piece> },
    /// An entity mention, or a table or figure named by its label: one clickable label.
    Mention { item: Item, pieces: Vec<Piece> },
    /// A citation's chips.
    Citation { citation: usize, find: FindMark },
    /// A footnote marker, shown as the footnote's printed marker.
    Footnote { footnote: usize },
}

/// Adds `piece` to the last run when it continues it (plain text after plain text, the same
/// item's mention), else starts a run.
fn push_piece(runs: &mut Vec<Run>, mentioned: Option<Item>, piece: Piece) {
    match (runs.last_mut(), mentioned) {
        (Some(Run::Text { pieces }), None) => pieces.push(piece),
        (Some(Run::Mention { item: last, pieces }), Some(item)) if *last == item => {
            pieces.push(piece);
        }
        (_, None) => runs.push(Run::Text {
            pieces: vec![piece],
        }),
        (_, Some(item)) => runs.push(Run::Mention {
            item,
            pieces: vec![piece],
        }),
    }
}

/// Splits a paragraph into runs: plain text, entity mentions and citations, with the
/// background each gets from the selection (the cited sentence, a year, an entity) and the
/// find bar's marks (`finds`). Stretches of one run that differ only in their marks are pieces
/// of it, so a word is never split over two labels (which would wrap it mid-word).
pub(super) fn runs_of(
    ctx: &ViewCtx<'_>,
    paragraph: usize,
    finds: &[(Range<usize>, FindMark)],
) -> Vec<Run> {
    let corpus = ctx.corpus;
    let Some(info) = corpus.index.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let marks = highlight_ranges(corpus, ctx.selection.selected, paragraph);
    let hover_marks = highlight_ranges(corpus, ctx.selection.hovered, paragraph);
    let note_marks = ctx.notes.highlights_in(paragraph);
    let find_at = |range: &Range<usize>| find_mark_over(finds, range);
    let background_at = |position: usize| {
        if let Some(fill) = find_fill(ctx, find_at(&(position..position + 1))) {
            Some(fill)
        } else if marks.iter().any(|r| r.contains(&position)) {
            Some(ctx.theme.selected_fill)
        } else if let Some(mark) = note_marks.iter().find(|m| m.range.contains(&position)) {
            Some(ctx.theme.label_fill(mark.label))
        } else if hover_marks.iter().any(|r| r.contains(&position)) {
            Some(ctx.theme.hover_fill)
        } else {
            None
        }
    };
    let mut runs = Vec::new();
    for segment in &info.segments {
        match segment {
            Segment::Citation { citation, range } => runs.push(Run::Citation {
                citation: *citation,
                find: find_at(range),
            }),
            Segment::Text(range) => {
                // Cut points: mention edges and highlight edges inside this segment.
                let mut cuts: Vec<usize> = vec![range.start, range.end];
                for mentioned in mentioned_ranges(info) {
                    if mentioned.start >= range.start && mentioned.end <= range.end {
                        cuts.extend([mentioned.start, mentioned.end]);
                    }
                }
                let footnote_marks = info
                    .footnotes
                    .iter()
                    .filter(|m| m.range.start >= range.start && m.range.end <= range.end);
                for mark in footnote_marks.clone() {
                    cuts.extend([mark.range.start, mark.range.end]);
                }
                for mark in marks
                    .iter()
                    .chain(&hover_marks)
                    .chain(note_marks.iter().map(|mark| &mark.range))
                    .chain(finds.iter().map(|(found, _)| found))
                {
                    cuts.extend([
                        mark.start.clamp(range.start, range.end),
                        mark.end.clamp(range.start, range.end),
                    ]);
                }
                cuts.sort_unstable();
                cuts.dedup();
                for window in cuts.windows(2) {
                    let (start, end) = match window {
                        [start, end] => (*start, *end),
                        _ => continue,
                    };
                    if start >= end
                        || !info.printed.is_char_boundary(start)
                        || !info.printed.is_char_boundary(end)
                    {
                        continue;
                    }
                    if let Some(mark) = footnote_marks.clone().find(|m| m.range.start == start) {
                        runs.push(Run::Footnote {
                            footnote: mark.footnote,
                        });
                        continue;
                    }
                    if footnote_marks
                        .clone()
                        .any(|m| m.range.start < start && start < m.range.end)
                    {
                        continue;
                    }
                    let background = background_at(start);
                    let find = find_at(&(start..end));
                    let piece = Piece {
                        range: start..end,
                        background,
                        find,
                    };
                    push_piece(&mut runs, mentioned_at(info, start..end), piece);
                }
            }
        }
    }
    runs
}

/// The byte ranges of a paragraph's mentions: entities, and the tables, figures, sections and
/// equations it names.
fn mentioned_ranges(info: &ParagraphInfo) -> impl Iterator<Item = &Range<usize>> {
    let entities = info.mentions.iter().map(|m| &m.range);
    entities.chain(info.floats.iter().map(|m| &m.range))
}

/// The entity, table, figure, section or equation mentioned over `range` of a paragraph, if
/// any (an entity when both are).
fn mentioned_at(info: &ParagraphInfo, range: Range<usize>) -> Option<Item> {
    let covers = |mention: &Range<usize>| mention.start <= range.start && range.end <= mention.end;
    info.mentions
        .iter()
        .find(|m| covers(&m.range))
        .map(|m| Item::Entity(m.entity))
        .or_else(|| {
            info.floats
                .iter()
                .find(|m| covers(&m.range))
                .map(|m| m.item)
        })
}

/// The strongest find mark over `range`: the current match, else a match, else none.
fn find_mark_over(finds: &[(Range<usize>, FindMark)], range: &Range<usize>) -> FindMark {
    finds
        .iter()
        .filter(|(found, _)| found.start < range.end && range.start < found.end)
        .map(|(_, mark)| *mark)
        .max_by_key(|mark| *mark == FindMark::Current)
        .unwrap_or_default()
}

/// The background a find mark gives text; none for text that is not a match.
pub(super) fn find_fill(ctx: &ViewCtx<'_>, mark: FindMark) -> Option<Color32> {
    match mark {
        FindMark::None => None,
        FindMark::Match => Some(ctx.theme.find_match_fill),
        FindMark::Current => Some(ctx.theme.find_current_fill),
    }
}

/// The byte ranges of a paragraph's printed text to mark for `item`: the sentence of a
/// selected citation, the mentions of a selected entity, where a selected table, figure,
/// section or equation is named, the mentions of a year.
fn highlight_ranges(corpus: &Corpus, item: Option<Item>, paragraph: usize) -> Vec<Range<usize>> {
    let Some(item) = item else {
        return Vec::new();
    };
    let index = &corpus.index;
    let Some(info) = index.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    match item {
        Item::Citation(c) => index
            .citations
            .get(c)
            .filter(|citation| citation.paragraph == paragraph)
            .and_then(|citation| info.sentences.get(citation.sentence).cloned())
            .into_iter()
            .collect(),
        Item::Entity(e) => info
            .mentions
            .iter()
            .filter(|m| m.entity == e)
            .map(|m| m.range.clone())
            .collect(),
        Item::Table(_) | Item::Figure(_) | Item::Section(_) | Item::Paragraph(_) => info
            .floats
            .iter()
            .filter(|m| m.item == item)
            .map(|m| m.range.clone())
            .collect(),
        Item::SeriesPoint { series, point } => corpus
            .point_year_mentions(series, point)
            .iter()
            .filter(|m| m.paragraph == paragraph)
            .map(|m| m.range.clone())
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(range: Range<usize>, find: FindMark) -> Piece {
        Piece {
            range,
            background: None,
            find,
        }
    }

    #[test]
    fn stretches_of_one_run_stay_one_run() {
        let mut runs = Vec::new();
        push_piece(&mut runs, None, piece(0..5, FindMark::None));
        push_piece(&mut runs, None, piece(5..12, FindMark::Current));
        push_piece(&mut runs, None, piece(12..15, FindMark::None));
        push_piece(
            &mut runs,
            Some(Item::Entity(3)),
            piece(15..20, FindMark::Match),
        );
        push_piece(
            &mut runs,
            Some(Item::Entity(3)),
            piece(20..24, FindMark::None),
        );
        push_piece(
            &mut runs,
            Some(Item::Table(3)),
            piece(24..30, FindMark::None),
        );
        push_piece(&mut runs, None, piece(30..31, FindMark::None));
        let shape: Vec<(Option<Item>, usize)> = runs
            .iter()
            .map(|run| match run {
                Run::Text { pieces } => (None, pieces.len()),
                Run::Mention { item, pieces } => (Some(*item), pieces.len()),
                _ => (None, 0),
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (None, 3),
                (Some(Item::Entity(3)), 2),
                (Some(Item::Table(3)), 1),
                (None, 1)
            ]
        );
    }

    #[test]
    fn a_match_inside_a_word_leaves_the_word_in_one_label() {
        let corpus = Corpus::builtin();
        let selection = crate::app::context::Selection::default();
        let related = crate::corpus::links::Related::default();
        let theme = crate::app::theme::Theme::new(crate::palette::Palette::Light);
        let citations = crate::app::context::CitationCache::default();
        let ctx = ViewCtx::new(&corpus, selection, &related, &related, &theme, &citations);
        let (paragraph, info) = corpus
            .index
            .paragraphs
            .iter()
            .enumerate()
            .find(|(_, p)| p.printed.contains("Liberalism"))
            .unwrap_or_else(|| panic!("the paper names liberalism"));
        let at = info.printed.find("Liberalism").unwrap_or_default();
        let finds = [(at..at + "Liberal".len(), FindMark::Current)];
        let runs = runs_of(&ctx, paragraph, &finds);
        let holding = runs
            .iter()
            .find_map(|run| match run {
                Run::Text { pieces } | Run::Mention { pieces, .. }
                    if pieces.iter().any(|p| p.range.start == at) =>
                {
                    Some(pieces)
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("a run holds the match"));
        // The match and the rest of its word are pieces of one run, the match marked.
        let current = holding
            .iter()
            .position(|p| p.find == FindMark::Current)
            .unwrap_or_else(|| panic!("the match is marked"));
        let next = holding
            .get(current + 1)
            .map(|p| &info.printed[p.range.clone()]);
        assert!(next.is_some_and(|text| text.starts_with("ism")), "{next:?}");
    }
}

//! How records read as plain text: titles, places in the paper, values with their status and
//! excerpts. The window draws these; they need nothing but the corpus.

use std::ops::Range;

use super::model::{
    Figure, ParagraphKind, PointStatus, Section, SectionKind, Series, Table, TableRow, ValueKind,
};
use super::number::{format_as_given, format_number};
use super::{Corpus, Item, cite};

/// A short one-line title for any item; `"(missing)"` for a position the corpus does not have.
#[must_use]
pub fn item_title(corpus: &Corpus, item: Item) -> String {
    let file = &corpus.file;
    let missing = || "(missing)".to_owned();
    match item {
        Item::Reference(r) => corpus
            .file
            .references
            .get(r)
            .map_or_else(missing, |reference| {
                let label = reference_label(corpus, r);
                format!("{label} — {}", reference.title)
            }),
        Item::Citation(c) => corpus
            .index
            .citations
            .get(c)
            .map_or_else(missing, |citation| {
                // As the paper prints it: `[2], [4]`, `[17]–[21]`, `(Porter, 1995)`.
                let printed = corpus.index.printed_citation(c).unwrap_or_default();
                format!(
                    "Citation {printed} in {}",
                    paragraph_place(corpus, citation.paragraph)
                )
            }),
        Item::Paragraph(p) => format!(
            "{} — {}",
            paragraph_place(corpus, p),
            excerpt(
                corpus
                    .index
                    .paragraphs
                    .get(p)
                    .map_or("", |i| i.printed.as_str()),
                80
            )
        ),
        Item::Section(s) => file.sections.get(s).map_or_else(missing, section_heading),
        Item::Entity(e) => file
            .entities
            .get(e)
            .map_or_else(missing, |entity| entity.name.clone()),
        Item::Region(r) => file
            .regions
            .get(r)
            .map_or_else(missing, |region| region.name.clone()),
        Item::Case(c) => file
            .cases
            .get(c)
            .map_or_else(missing, |case| case.title.clone()),
        Item::TableRow(t) => file
            .table_row(t)
            .map_or_else(missing, |(_, _, row)| row_title(corpus, t, row)),
        Item::Table(t) => file.tables.get(t).map_or_else(missing, Table::title),
        Item::Figure(f) => file.figures.get(f).map_or_else(missing, Figure::title),
        Item::Footnote(f) => file.footnotes.get(f).map_or_else(missing, |footnote| {
            format!(
                "Footnote {}: {}",
                footnote.shown_marker(),
                excerpt(&footnote.text, 60)
            )
        }),
        Item::Series(s) => file
            .series
            .get(s)
            .map_or_else(missing, |series| series.title.clone()),
        Item::SeriesPoint { series, point } => file
            .series
            .get(series)
            .and_then(|s| Some((s, s.points.get(point)?)))
            .map_or_else(missing, |(series, point)| {
                format!(
                    "{} — {}",
                    point.year,
                    point_value_text(point.value, point.status, series)
                )
            }),
        Item::Note(n) => file
            .notes
            .get(n)
            .map_or_else(missing, |note| format!("Note: {}", note.kind.label())),
    }
}

/// A reference in a few words: `"[8] Porter & van der Linde 1995"` (`"[Knu84] Knuth 1984"`
/// in a paper whose list prints labels), without the number in a bibliography-only corpus
/// (`"Porter & van der Linde 1995"`), where nothing prints one.
#[must_use]
pub fn reference_label(corpus: &Corpus, position: usize) -> String {
    let Some(reference) = corpus.file.references.get(position) else {
        return String::new();
    };
    match corpus.printed_number(position) {
        Some(number) => format!("[{number}] {}", cite::short_label(reference)),
        None => match corpus.printed_label(position) {
            Some(label) => format!("[{label}] {}", cite::short_label(reference)),
            None => cite::short_label(reference),
        },
    }
}

/// `"§4.1 Discussion, ¶1"` for a paragraph, counting running-text paragraphs only: a figure's
/// source line reads `"1 Introduction, figure source"`, an equation `"2 Methods, equation
/// (3)"`. Empty for a position the corpus does not have.
#[must_use]
pub fn paragraph_place(corpus: &Corpus, paragraph: usize) -> String {
    let Some(info) = corpus.index.paragraphs.get(paragraph) else {
        return String::new();
    };
    let section = corpus
        .file
        .sections
        .get(info.section)
        .map(section_heading)
        .unwrap_or_default();
    format!("{section}, {}", block_mark(corpus, paragraph))
}

/// How a block of text is counted in its section: `¶ 3` (a no-break space) for a paragraph (paragraphs only are
/// numbered), `figure source` for a figure's source line, `equation (3)` for an equation.
fn block_mark(corpus: &Corpus, paragraph: usize) -> String {
    if let Some(number) = corpus
        .index
        .paragraphs
        .get(paragraph)
        .and_then(|info| info.number_in_section)
    {
        // A no-break space: the pilcrow's stem beside a digit reads as a 1 ("¶3" as "¶13").
        return format!("¶\u{a0}{number}");
    }
    match corpus.paragraph(paragraph) {
        Some(block) if block.kind == ParagraphKind::Equation => {
            let label = block.label.trim();
            if label.is_empty() {
                "equation".to_owned()
            } else {
                format!("equation {label}")
            }
        }
        _ => "figure source".to_owned(),
    }
}

/// Where a search result stands, for the line under it: a paragraph's section and number
/// (`"§2 Literature Review, ¶3"`; a section without a number or a box by its heading), a table
/// row's table, a footnote's marker. Empty for records that are a place of their own
/// (references, sections, entities, cases, tables, figures).
#[must_use]
pub fn search_place(corpus: &Corpus, item: Item) -> String {
    let file = &corpus.file;
    match item {
        Item::Paragraph(p) => {
            let Some(info) = corpus.index.paragraphs.get(p) else {
                return String::new();
            };
            let section = file
                .sections
                .get(info.section)
                .map_or_else(String::new, |s| {
                    if s.kind == SectionKind::Box || s.number.trim().is_empty() {
                        section_heading(s)
                    } else {
                        format!("§{} {}", s.number.trim(), s.title.trim())
                    }
                });
            format!("{section}, {}", block_mark(corpus, p))
        }
        Item::TableRow(t) => file
            .table_row(t)
            .and_then(|(table, _, _)| file.tables.get(table))
            .map(Table::title)
            .unwrap_or_default(),
        Item::Footnote(f) => file
            .footnotes
            .get(f)
            .map(|footnote| format!("Footnote {}", footnote.shown_marker()))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Whether section `section` is the text a paper gives before its first heading, which an
/// importer titles with the paper's own title: the first section, unnumbered, of that title.
/// Its heading is not printed again under the title (it is still listed in the outline).
#[must_use]
pub fn heading_repeats_title(corpus: &Corpus, section: usize) -> bool {
    let title = corpus.file.paper.title.trim();
    section == 0
        && !title.is_empty()
        && corpus.file.sections.first().is_some_and(|first| {
            first.kind == SectionKind::Section
                && first.number.trim().is_empty()
                && first.title.trim().eq_ignore_ascii_case(title)
        })
}

/// A section's heading as printed: `"4.1 Discussion"`; a box's label and title:
/// `"Box 1. Definitions"` (from the label `"Box 1"` or `"Box 1."`).
#[must_use]
pub fn section_heading(section: &Section) -> String {
    let label = section.label.trim();
    if section.kind == SectionKind::Box && !label.is_empty() {
        // A box titled by its label alone (`Box 1.`) is not named twice.
        let bare = |text: &str| text.trim().trim_end_matches(['.', ':']).to_owned();
        if bare(label) == bare(&section.title) {
            return label.to_owned();
        }
        return crate::corpus::model::label_and_caption(label, &section.title);
    }
    format!("{} {}", section.number, section.title)
        .trim()
        .to_owned()
}

/// What to say of a table the file gives without rows (GROBID's `<table />`, a table printed as a
/// picture): that only its caption, and its notes when it has any, are there.
#[must_use]
pub fn no_rows_note(table: &Table) -> &'static str {
    if table.footnotes.is_empty() {
        "The file gives no rows for this table, only its caption."
    } else {
        "The file gives no rows for this table, only its caption and notes."
    }
}

/// Table row `record`, at `row` over all tables, in a few words: its first cell, and the
/// second when there is one (`"ASEAN: ASEAN-ACT"`, `"Male: 14,528"`), after the name of the
/// group it stands in, if any (`"Leucine (umol/l) · Control: 86 ± 23"`: a table that lists
/// `Control` under each of several groups would otherwise name four rows alike). Cells read as
/// printed: their citations as the paper prints them, their mathematics as text (`✓`).
#[must_use]
pub fn row_title(corpus: &Corpus, row: usize, record: &TableRow) -> String {
    let mut cells = (0..record.cells.len())
        .map(|column| corpus.index.cell_text(&corpus.file, row, column).trim())
        .filter(|c| !c.is_empty());
    let own = match (cells.next(), cells.next()) {
        (Some(first), Some(second)) => format!("{}: {}", excerpt(first, 40), excerpt(second, 60)),
        (Some(only), None) => excerpt(only, 80),
        (None, _) => record.id.clone(),
    };
    match corpus.index.group_name(&corpus.file, row) {
        Some(group) => format!("{} · {own}", excerpt(group, 40)),
        None => own,
    }
}

/// Each column's header, after the header-row cells above it.
#[must_use]
pub fn column_headers(table: &Table) -> Vec<String> {
    let mut headers: Vec<Vec<&str>> = vec![Vec::new(); table.columns.len()];
    for header_row in table.spanning_header_rows() {
        for cell in header_row.iter().filter(|cell| !cell.text.is_empty()) {
            for above in headers.iter_mut().skip(cell.first_column).take(cell.span) {
                above.push(cell.text);
            }
        }
    }
    headers
        .into_iter()
        .zip(&table.columns)
        .map(|(mut parts, column)| {
            parts.push(column.header.trim());
            parts.retain(|p| !p.is_empty());
            parts.join(" — ")
        })
        .collect()
}

/// The name of the region with this id, or the id itself when no region has it.
#[must_use]
pub fn region_name(corpus: &Corpus, id: &str) -> String {
    corpus
        .region_by_id(id)
        .and_then(|r| corpus.file.regions.get(r))
        .map_or_else(|| id.to_owned(), |r| r.name.clone())
}

/// A value with its status, in the series' unit and kind of number: `"≈ 49,000 victims"`,
/// `"27.9 neonatal deaths per 1,000 live births"`, `"39.5%"`, `"US$ 1,200"`,
/// `"not stated in the text"`.
#[must_use]
pub fn point_value_text(value: Option<f64>, status: PointStatus, series: &Series) -> String {
    let Some(value) = value else {
        return PointStatus::NotStated.label().to_owned();
    };
    let prefix = if status == PointStatus::Approximate {
        "≈ "
    } else {
        ""
    };
    format!("{prefix}{}", value_with_unit(value, series))
}

/// A number in the series' unit and kind of number, without its status: `"49,000 victims"`,
/// `"39.5%"`, `"US$ 1,200"`.
#[must_use]
pub fn value_with_unit(value: f64, series: &Series) -> String {
    let format = &series.value_format;
    let number = match format.decimals {
        Some(decimals) => format_number(value, usize::from(decimals)),
        None => format_as_given(value),
    };
    let unit = series.unit.trim();
    match format.kind {
        ValueKind::Percent => {
            let rest = unit.strip_prefix('%').unwrap_or(unit).trim();
            let rest = if matches!(rest, "percent" | "per cent") {
                ""
            } else {
                rest
            };
            words(&[&format!("{number}%"), rest])
        }
        ValueKind::Currency if !format.currency.trim().is_empty() => {
            words(&[&format!("{} {number}", format.currency.trim()), unit])
        }
        _ => words(&[&number, unit]),
    }
}

/// Non-empty parts joined by spaces.
fn words(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `max_chars` characters of `text`, with an ellipsis when cut.
#[must_use]
pub fn excerpt(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    // Cut between words when a space is near the end, so no word is left half printed
    // ("prosecu…"); a text with no space near the end (one long word) is cut where it must be.
    let near_end = cut.char_indices().rev().take(max_chars / 3 + 1);
    let between_words = near_end
        .filter(|&(_, c)| c.is_whitespace())
        .map(|(at, _)| at)
        .next()
        .and_then(|at| cut.get(..at));
    let kept = between_words.unwrap_or(&cut).trim_end();
    let kept = kept.trim_end_matches([',', ';', ':', '—', '–', '-']);
    format!("{}…", kept.trim_end())
}

/// How many characters of context [`mention_context`] keeps on either side.
const CONTEXT_CHARS: usize = 60;

/// About 60 characters either side of a mention (`range`, in bytes of `text`), with ellipses
/// where cut. A range that is not on character boundaries of `text` leaves those parts out.
#[must_use]
pub fn mention_context(text: &str, range: Range<usize>) -> String {
    let before: String = text
        .get(..range.start)
        .unwrap_or_default()
        .chars()
        .rev()
        .take(CONTEXT_CHARS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text
        .get(range.end..)
        .unwrap_or_default()
        .chars()
        .take(CONTEXT_CHARS)
        .collect();
    let found = text.get(range.clone()).unwrap_or_default();
    let lead = if range.start > before.len() {
        "…"
    } else {
        ""
    };
    let tail = if range.end + after.len() < text.len() {
        "…"
    } else {
        ""
    };
    format!("{lead}{before}{found}{after}{tail}")
}

/// `"Cited 1 time in the text"`, `"Named 3 times in the text"`: how often something occurs.
#[must_use]
pub fn times_in_text(verb: &str, count: usize) -> String {
    format!(
        "{verb} {count} time{} in the text",
        if count == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_under_a_group_s_name_is_titled_with_it() {
        let mut corpus = Corpus::builtin();
        let table = &mut corpus.file.tables[0];
        table.columns.truncate(3);
        table.rows = crate::corpus::model::rows_of(&[
            &["Isoleucine (umol/l)", "", ""],
            &["Control", "62 ± 12", "53 ± 11"],
            &["BCAA", "77 ± 10", "292 ± 47"],
            &["", " ", ""],
            &["Total", "139", "345"],
            &["Leucine (umol/l)", "", ""],
            &["Control", "86 ± 23", "75 ± 19"],
        ]);
        assert_eq!(
            table.row_groups(),
            [
                None,
                Some(0),
                Some(0),
                None,
                // A blank row ends the group before it.
                None,
                None,
                Some(5),
            ]
        );
        corpus.index = crate::corpus::index::Index::build(&corpus.file);
        let first = corpus.file.first_row_of(0);
        let title = |row: usize| {
            corpus
                .file
                .table_row(row)
                .map(|(_, _, record)| row_title(&corpus, row, record))
        };
        assert_eq!(
            title(first + 1).as_deref(),
            Some("Isoleucine (umol/l) · Control: 62 ± 12")
        );
        assert_eq!(
            item_title(&corpus, Item::TableRow(first + 6)),
            "Leucine (umol/l) · Control: 86 ± 23"
        );
        assert_eq!(title(first).as_deref(), Some("Isoleucine (umol/l)"));
        assert_eq!(title(first + 4).as_deref(), Some("Total: 139"));
        let past_the_last = corpus.file.table_row_count();
        assert_eq!(title(past_the_last), None);
        assert_eq!(
            item_title(&corpus, Item::TableRow(past_the_last)),
            "(missing)"
        );
    }

    #[test]
    fn a_row_s_title_reads_its_cells_as_printed() {
        let mut corpus = Corpus::builtin();
        let table = &mut corpus.file.tables[0];
        table.columns.truncate(2);
        table.rows = crate::corpus::model::rows_of(&[&["Qualpal", "$\\checkmark$"]]);
        corpus.index = crate::corpus::index::Index::build(&corpus.file);
        let first = corpus.file.first_row_of(0);
        assert_eq!(
            item_title(&corpus, Item::TableRow(first)),
            "Qualpal: ✓",
            "the mathematics as text, not as its TeX"
        );
    }

    #[test]
    fn a_column_named_from_the_header_row_above_it_is_named_once() {
        // PLOS prints "No. (%) of infected" once, above a blank cell, beside "Infection
        // intensity" over its three columns.
        let table = crate::corpus::model::headed_table(
            &[
                &[("", 1), ("No. (%)", 1), ("Intensity", 2)],
                &[("", 1), ("", 1), ("Light", 1), ("Heavy", 1)],
            ],
            &["", "No. (%)", "Light", "Heavy"],
        );
        assert_eq!(
            column_headers(&table),
            ["", "No. (%)", "Intensity — Light", "Intensity — Heavy"]
        );
    }

    #[test]
    fn a_reference_is_numbered_only_in_a_paper_that_prints_numbers() {
        // The built-in paper cites `[8]`.
        let builtin = Corpus::builtin();
        assert!(builtin.index.prints_numbers);
        assert!(reference_label(&builtin, 0).starts_with("[1] "));
        // A paper citing `(Ward, 2010)` names its works without numbers.
        let author_date = Corpus::from_json(
            include_str!("../../tests/fixtures/checks/flagged.json"),
            "flagged.json",
        )
        .unwrap_or_default();
        assert!(!author_date.file.references.is_empty());
        assert!(!author_date.index.prints_numbers);
        let ward = author_date.reference_by_id("ward2010").unwrap_or_default();
        assert_eq!(reference_label(&author_date, ward), "Ward (2010)");
        assert_eq!(author_date.printed_number(ward), None);
    }

    #[test]
    fn a_box_heading_joins_its_label_and_title_with_one_stop() {
        let boxed = |label: &str| Section {
            kind: SectionKind::Box,
            label: label.to_owned(),
            title: "Definitions".to_owned(),
            ..Section::default()
        };
        assert_eq!(section_heading(&boxed("Box 1")), "Box 1. Definitions");
        assert_eq!(section_heading(&boxed("Box 1.")), "Box 1. Definitions");
        assert_eq!(section_heading(&boxed("Box 1:")), "Box 1: Definitions");
        assert_eq!(section_heading(&boxed("")), "Definitions");
        let named_by_label = Section {
            title: "Box 2".to_owned(),
            ..boxed("Box 2.")
        };
        assert_eq!(section_heading(&named_by_label), "Box 2.");
    }

    #[test]
    // A test states what it expects by unwrapping it: a failure there is the test failing.
    #[allow(clippy::expect_used)]
    fn search_places_name_the_section_and_paragraph() {
        let corpus = Corpus::builtin();
        let second_of_literature = corpus
            .index
            .paragraphs
            .iter()
            .position(|p| {
                corpus
                    .file
                    .sections
                    .get(p.section)
                    .is_some_and(|s| s.number == "2")
                    && p.position_in_section == 2
            })
            .expect("the paper's section 2 has three paragraphs");
        let place = search_place(&corpus, Item::Paragraph(second_of_literature));
        assert!(place.starts_with("§2 "), "{place}");
        assert!(place.ends_with(", ¶\u{a0}3"), "{place}");
        assert_eq!(
            search_place(&corpus, Item::TableRow(0)),
            corpus.file.tables[0].title()
        );
        assert_eq!(search_place(&corpus, Item::Reference(0)), "");
        assert_eq!(search_place(&corpus, Item::Paragraph(usize::MAX)), "");
    }

    #[test]
    fn values_carry_their_status_unit_and_kind() {
        let series = |unit: &str, kind: ValueKind, decimals: Option<u8>| Series {
            unit: unit.to_owned(),
            value_format: crate::corpus::model::ValueFormat {
                kind,
                decimals,
                currency: "US$".to_owned(),
                per: None,
            },
            ..Series::default()
        };
        let victims = series("victims", ValueKind::Count, None);
        assert_eq!(
            point_value_text(Some(49000.0), PointStatus::Approximate, &victims),
            "≈ 49,000 victims"
        );
        assert_eq!(
            point_value_text(Some(42000.0), PointStatus::Stated, &victims),
            "42,000 victims"
        );
        assert_eq!(
            point_value_text(None, PointStatus::NotStated, &victims),
            "not stated in the text"
        );
        let rate = series("deaths per 1,000 live births", ValueKind::Rate, Some(1));
        assert_eq!(
            point_value_text(Some(28.0), PointStatus::Stated, &rate),
            "28.0 deaths per 1,000 live births"
        );
        let percent = series("% of patients", ValueKind::Percent, None);
        assert_eq!(value_with_unit(39.5, &percent), "39.5% of patients");
        let cost = series("", ValueKind::Currency, Some(0));
        assert_eq!(value_with_unit(1200.4, &cost), "US$ 1,200");
    }

    #[test]
    fn excerpts_cut_at_characters_with_an_ellipsis() {
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(excerpt("Übersee und mehr", 8), "Übersee…");
        assert_eq!(excerpt("abc def", 4), "abc…");
        assert_eq!(
            excerpt("victim protection, and prosecution of traffickers", 27),
            "victim protection, and…"
        );
        assert_eq!(excerpt("victim protection, and", 20), "victim protection…");
        assert_eq!(excerpt("Unterschriftsberechtigung", 10), "Unterschri…");
    }

    #[test]
    fn mention_context_marks_cuts() {
        let text = format!("{}Interpol{}", "a".repeat(70), "b".repeat(70));
        let context = mention_context(&text, 70..78);
        assert_eq!(
            context,
            format!("…{}Interpol{}…", "a".repeat(60), "b".repeat(60))
        );
        assert_eq!(mention_context("the UN said", 4..6), "the UN said");
        // A range off the text's character boundaries does not panic.
        assert_eq!(mention_context("é", 1..2), "…");
    }

    #[test]
    fn times_take_the_right_number() {
        assert_eq!(times_in_text("Cited", 1), "Cited 1 time in the text");
        assert_eq!(times_in_text("Named", 0), "Named 0 times in the text");
    }

    #[test]
    fn titles_name_every_kind_and_missing_positions() {
        let corpus = Corpus::builtin();
        assert!(item_title(&corpus, Item::Reference(0)).starts_with("[1] "));
        assert_eq!(
            item_title(&corpus, Item::Reference(usize::MAX)),
            "(missing)"
        );
        assert!(item_title(&corpus, Item::Paragraph(0)).contains(", ¶\u{a0}1 — "));
        assert_eq!(paragraph_place(&corpus, usize::MAX), "");
        assert_eq!(region_name(&corpus, "no-such-region"), "no-such-region");
    }

    /// The Introduction's figure source line stands between its third and fourth paragraphs:
    /// it takes no ¶ number, and the paragraph after it is ¶4 (as the paper counts them).
    #[test]
    fn paragraph_numbers_count_paragraphs_only() {
        let corpus = Corpus::builtin();
        let place_of = |id: &str| {
            let position = corpus
                .index
                .paragraphs
                .iter()
                .enumerate()
                .find(|(n, _)| corpus.paragraph(*n).is_some_and(|p| p.id == id))
                .map(|(n, _)| n);
            position
                .map(|n| paragraph_place(&corpus, n))
                .unwrap_or_default()
        };
        assert_eq!(place_of("introduction.p3"), "1 INTRODUCTION, ¶\u{a0}3");
        assert_eq!(
            place_of("introduction.figure1"),
            "1 INTRODUCTION, figure source"
        );
        assert_eq!(place_of("introduction.p4"), "1 INTRODUCTION, ¶\u{a0}4");
        assert_eq!(place_of("introduction.p11"), "1 INTRODUCTION, ¶\u{a0}11");
        assert_eq!(
            place_of("literature-review.p3"),
            "2 LITERATURE REVIEW, ¶\u{a0}3"
        );
        // Search results name places the same way.
        let p4 = (0..corpus.index.paragraphs.len())
            .find(|&n| {
                corpus
                    .paragraph(n)
                    .is_some_and(|p| p.id == "introduction.p4")
            })
            .unwrap_or(usize::MAX);
        assert!(search_place(&corpus, Item::Paragraph(p4)).ends_with(", ¶\u{a0}4"));
    }
}

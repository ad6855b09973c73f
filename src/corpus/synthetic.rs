//! Test support: large corpora made by scaling the built-in one, for benchmarks and tests.
//!
//! [`scaled_corpus`] repeats every record of the built-in corpus `n` times with unique ids
//! (`porter1995` → `porter1995-k`), keeping every link inside copy `k`, so a scaled corpus is
//! valid and has `n` × the references, citations, paragraphs, cases, rows and series points.
//! A seed varies the words of the copies deterministically. Not part of the command line.

use super::model::{CorpusFile, NoteTarget, Series};

/// A tiny deterministic generator (`SplitMix64`), enough to vary copies reproducibly.
#[derive(Clone, Debug)]
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Words swapped into copies so they are not byte-identical.
const VARIANTS: [(&str, &str); 6] = [
    ("significant", "considerable"),
    ("crucial", "vital"),
    ("global", "worldwide"),
    ("efforts", "endeavours"),
    ("effective", "efficient"),
    ("challenges", "difficulties"),
];

/// `base` with its paper, regions and table caption but none of its repeated records, with room
/// for `n` copies of its references and sections.
fn without_records(base: &CorpusFile, n: usize) -> CorpusFile {
    let mut out = CorpusFile {
        references: Vec::with_capacity(base.references.len() * n),
        sections: Vec::with_capacity(base.sections.len() * n),
        ..base.clone()
    };
    out.references.clear();
    out.sections.clear();
    out.entities.clear();
    out.cases.clear();
    out.tables.clear();
    out.figures.clear();
    out.footnotes.clear();
    out.series.clear();
    out.notes.clear();
    out
}

/// The built-in corpus repeated `n` times (at least once) with unique ids, varied by `seed`.
#[must_use]
pub fn scaled_corpus(n: usize, seed: u64) -> CorpusFile {
    let base = super::Corpus::builtin().file;
    let n = n.max(1);
    let mut random = SplitMix(seed);
    let mut out = without_records(&base, n);
    let number_of_references = u32::try_from(base.references.len()).unwrap_or(u32::MAX);
    for copy in 0..n {
        let id = |raw: &str| {
            if copy == 0 {
                raw.to_owned()
            } else {
                format!("{raw}-{copy}")
            }
        };
        let swap = random.next();
        let vary = |text: &str| {
            if copy == 0 {
                return text.to_owned();
            }
            let index = usize::try_from(swap % VARIANTS.len() as u64).unwrap_or(0);
            VARIANTS
                .get(index)
                .map_or_else(|| text.to_owned(), |(from, to)| text.replace(from, to))
        };
        let copy_number = u32::try_from(copy).unwrap_or(u32::MAX);
        for reference in &base.references {
            let mut reference = reference.clone();
            reference.id = id(&reference.id);
            reference.title = vary(&reference.title);
            reference.citation_number = reference.citation_number.map(|number| {
                number.saturating_add(copy_number.saturating_mul(number_of_references))
            });
            out.references.push(reference);
        }
        for section in &base.sections {
            let mut section = section.clone();
            section.id = id(&section.id);
            section.parent = section.parent.as_deref().map(id);
            if copy > 0 {
                section.title = format!("{} (copy {copy})", section.title);
            }
            for paragraph in &mut section.paragraphs {
                paragraph.id = id(&paragraph.id);
                paragraph.text = rename_citations(&vary(&paragraph.text), copy);
            }
            out.sections.push(section);
        }
        for entity in &base.entities {
            let mut entity = entity.clone();
            entity.id = id(&entity.id);
            out.entities.push(entity);
        }
        for case in &base.cases {
            let mut case = case.clone();
            case.id = id(&case.id);
            case.paragraphs = case.paragraphs.iter().map(|p| id(p)).collect();
            case.references = case.references.iter().map(|r| id(r)).collect();
            case.entities = case.entities.iter().map(|e| id(e)).collect();
            out.cases.push(case);
        }
        copy_tables_and_figures(&base, &mut out, &id);
        for series in &base.series {
            out.series.push(scaled_series(series, &id));
        }
        for note in &base.notes {
            let mut note = note.clone();
            note.id = id(&note.id);
            note.about = note
                .about
                .iter()
                .map(|target| match target {
                    NoteTarget::Reference(x) => NoteTarget::Reference(id(x)),
                    NoteTarget::Paragraph(x) => NoteTarget::Paragraph(id(x)),
                    NoteTarget::Series(x) => NoteTarget::Series(id(x)),
                    NoteTarget::SeriesPoint { series, year } => NoteTarget::SeriesPoint {
                        series: id(series),
                        year: *year,
                    },
                    NoteTarget::Case(x) => NoteTarget::Case(id(x)),
                    NoteTarget::Entity(x) => NoteTarget::Entity(id(x)),
                    NoteTarget::TableRow(x) => NoteTarget::TableRow(id(x)),
                    NoteTarget::Table(x) => NoteTarget::Table(id(x)),
                    NoteTarget::Figure(x) => NoteTarget::Figure(id(x)),
                    NoteTarget::Footnote(x) => NoteTarget::Footnote(id(x)),
                    NoteTarget::Region(x) => NoteTarget::Region(x.clone()),
                })
                .collect();
            out.notes.push(note);
        }
    }
    out
}

/// The tables, figures and footnotes of `base` with the ids of one copy, added to `out`.
fn copy_tables_and_figures(base: &CorpusFile, out: &mut CorpusFile, id: &dyn Fn(&str) -> String) {
    for table in &base.tables {
        let mut table = table.clone();
        table.id = id(&table.id);
        table.section = table.section.as_deref().map(id);
        table.after_paragraph = table.after_paragraph.as_deref().map(id);
        for row in &mut table.rows {
            row.id = id(&row.id);
            row.entities = row.entities.iter().map(|e| id(e)).collect();
            row.references = row.references.iter().map(|r| id(r)).collect();
            row.cases = row.cases.iter().map(|c| id(c)).collect();
        }
        out.tables.push(table);
    }
    for figure in &base.figures {
        let mut figure = figure.clone();
        figure.id = id(&figure.id);
        figure.section = figure.section.as_deref().map(id);
        figure.after_paragraph = figure.after_paragraph.as_deref().map(id);
        figure.source_paragraph = figure.source_paragraph.as_deref().map(id);
        out.figures.push(figure);
    }
    for footnote in &base.footnotes {
        let mut footnote = footnote.clone();
        footnote.id = id(&footnote.id);
        out.footnotes.push(footnote);
    }
}

/// The same series with the ids of one copy: each copy is a series of its own.
fn scaled_series(series: &Series, id: &dyn Fn(&str) -> String) -> Series {
    let mut series = series.clone();
    series.id = id(&series.id);
    series.references = series.references.iter().map(|r| id(r)).collect();
    series.figure = series.figure.as_deref().map(id);
    for point in &mut series.points {
        point.paragraph = point.paragraph.as_deref().map(id);
        point.figure = point.figure.as_deref().map(id);
        if let Some(cell) = &mut point.cell {
            cell.table = id(&cell.table);
            cell.row = id(&cell.row);
        }
    }
    for annotation in &mut series.annotations {
        annotation.paragraph = annotation.paragraph.as_deref().map(id);
    }
    series
}

/// `[@key]` → `[@key-copy]` (and `@key` → `@key-copy`) in paragraph text (copy 0 keeps the
/// keys); everything else is kept as written.
fn rename_citations(text: &str, copy: usize) -> String {
    if copy == 0 {
        return text.to_owned();
    }
    let (pieces, _) = super::citations::parse(text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut written_to = 0;
    for piece in pieces {
        let super::citations::Piece::Group(group) = piece else {
            continue;
        };
        for cite in &group.cites {
            out.push_str(
                text.get(written_to..cite.key_range.start)
                    .unwrap_or_default(),
            );
            out.push_str(cite.key);
            out.push('-');
            out.push_str(&copy.to_string());
            written_to = cite.key_range.end;
        }
    }
    out.push_str(text.get(written_to..).unwrap_or_default());
    out
}

/// [`scaled_corpus`] as pretty JSON, as a file on disk would hold it.
#[must_use]
pub fn scaled_corpus_json(n: usize, seed: u64) -> String {
    serde_json::to_string_pretty(&scaled_corpus(n, seed)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn scaled_corpora_are_valid_and_n_times_larger() {
        let base = Corpus::builtin().summary();
        let text = scaled_corpus_json(3, 7);
        let corpus = Corpus::from_json(&text, "scaled")
            .unwrap_or_else(|report| panic!("{:?}", report.diagnostics));
        let summary = corpus.summary();
        assert_eq!(summary.references, base.references * 3);
        assert_eq!(summary.citations, base.citations * 3);
        assert_eq!(summary.paragraphs, base.paragraphs * 3);
        assert_eq!(summary.cases, base.cases * 3);
        assert_eq!(summary.table_rows, base.table_rows * 3);
        assert_eq!(summary.series_points, base.series_points * 3);
        assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    }

    #[test]
    fn the_seed_makes_it_deterministic() {
        assert_eq!(scaled_corpus_json(2, 1), scaled_corpus_json(2, 1));
    }
}

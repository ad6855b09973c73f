//! The built-in corpus against the paper it was made from.
//!
//! The paper's text lives outside the repository, in `../shared/paper/` (one `.txt` file). Tests
//! that need it print `skipped: ../shared/paper not found` and pass on a clone without it; the
//! tests of the corpus and its index alone always run.
// A test states what it expects by unwrapping it: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use paperlens::corpus::model::{NoteKind, NoteTarget, PointStatus};
use paperlens::corpus::search::SearchIndex;
use paperlens::corpus::{BUILTIN_JSON, Corpus, Item, ItemKind};
use paperlens::open::open_text;

const PAPER_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/paper/");

/// The paper's text, or `None` (after saying so) when the shared directory is absent.
pub(crate) fn paper_text() -> Option<String> {
    let Ok(entries) = std::fs::read_dir(Path::new(PAPER_DIR)) else {
        println!("skipped: ../shared/paper not found");
        return None;
    };
    let texts: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    assert_eq!(
        texts.len(),
        1,
        "expected exactly one .txt file in {PAPER_DIR}, found {texts:?}"
    );
    let text = std::fs::read_to_string(&texts[0]).expect("read the paper's text");
    // The PDF-to-text conversion marks italics with `*` (only in the figure's source line and the
    // reference list); the corpus holds the words without the markup.
    Some(text.replace('*', ""))
}

macro_rules! paper_or_skip {
    () => {
        match paper_text() {
            Some(text) => text,
            None => return,
        }
    };
}

fn builtin() -> Corpus {
    let corpus = Corpus::builtin();
    assert!(
        corpus.warnings.is_empty(),
        "the built-in corpus must load cleanly: {:?}",
        corpus.warnings
    );
    corpus
}

/// The text between the line `start` and the line `end` (both excluded).
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(&format!("\n{start}\n")).map_or_else(
        || panic!("no line {start:?} in the paper"),
        |i| i + start.len() + 2,
    );
    let to = text[from..]
        .find(&format!("\n{end}\n"))
        .map_or_else(|| panic!("no line {end:?} in the paper"), |i| from + i);
    &text[from..to]
}

/// The paper body from the first heading up to (not including) `REFERENCES`.
fn body(paper: &str) -> &str {
    let from = paper
        .find("\n1. INTRODUCTION\n")
        .expect("the paper has 1. INTRODUCTION")
        + 1;
    let to = paper
        .find("\nREFERENCES\n")
        .expect("the paper has REFERENCES");
    &paper[from..to]
}

/// Blocks of text separated by blank lines.
fn blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current.join("\n"));
    }
    blocks
}

/// Whether a block ends a sentence: `.`, `?` or `!`, perhaps followed by a closing quote or
/// bracket.
fn ends_sentence(block: &str) -> bool {
    let trimmed = block.trim_end_matches(['"', '”', '’', '\'', ')']);
    trimmed.ends_with(['.', '?', '!'])
}

/// The headings the paper prints, in every way the corpus' section numbers may be written.
fn heading_lines(corpus: &Corpus) -> HashSet<String> {
    let mut headings = HashSet::new();
    for section in &corpus.file.sections {
        headings.insert(section.title.clone());
        let number = section.number.trim_end_matches('.');
        if !number.is_empty() {
            headings.insert(format!("{number} {}", section.title));
            headings.insert(format!("{number}. {}", section.title));
        }
    }
    headings
}

/// The paper body's paragraphs: blocks that a page break split are joined with one space;
/// headings and the table (lines with tabs) are left out.
fn body_paragraphs(paper: &str, corpus: &Corpus) -> Vec<String> {
    let headings = heading_lines(corpus);
    let mut paragraphs = Vec::new();
    let mut pending: Option<String> = None;
    for block in blocks(body(paper)) {
        let is_heading = headings.contains(block.trim());
        let is_table = block.contains('\t');
        if is_heading || is_table {
            assert!(
                pending.is_none(),
                "a heading or the table interrupts an unfinished paragraph: {pending:?}"
            );
            continue;
        }
        let joined = match pending.take() {
            Some(start) => format!("{start} {block}"),
            None => block,
        };
        if ends_sentence(&joined) {
            paragraphs.push(joined);
        } else {
            pending = Some(joined);
        }
    }
    assert!(
        pending.is_none(),
        "the body ends mid-paragraph: {pending:?}"
    );
    paragraphs
}

fn printed_paragraphs(corpus: &Corpus) -> Vec<String> {
    corpus
        .index
        .paragraphs
        .iter()
        .map(|p| p.printed.clone())
        .collect()
}

fn short(text: &str) -> String {
    text.chars().take(90).collect()
}

#[test]
fn builtin_loads_cleanly_with_the_expected_counts() {
    let report = open_text(BUILTIN_JSON, "fitria-2025.json");
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let corpus = builtin();
    let summary = corpus.summary();
    assert_eq!(summary.references, 19);
    assert_eq!(summary.citations, 47);
    assert_eq!(summary.sections, 10);
    assert_eq!(summary.paragraphs, 53);
    assert_eq!(summary.table_rows, 7);
    assert_eq!(summary.series_points, 4);

    assert_eq!(summary.tables, 1);
    assert_eq!(summary.figures, 1);
    let table = &corpus.file.tables[0];
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "Region",
            "Cooperating Entities",
            "Cooperative Efforts",
            "Liberalism Key Concept",
            "References"
        ],
        "the headers the paper prints"
    );
    let mut per_region: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &table.rows {
        let region = corpus
            .file
            .regions
            .iter()
            .find(|r| Some(r.id.as_str()) == row.region.as_deref())
            .expect("every row's region exists");
        assert_eq!(
            row.cells[0], region.name,
            "the Region cell prints the region"
        );
        *per_region.entry(region.name.as_str()).or_default() += 1;
    }
    let expected: BTreeMap<&str, usize> = [
        ("ASEAN", 3),
        ("Global", 2),
        ("Europe", 1),
        ("North America", 1),
    ]
    .into_iter()
    .collect();
    assert_eq!(per_region, expected);
}

#[test]
fn front_matter_matches_the_paper() {
    let paper = paper_or_skip!();
    let corpus = builtin();
    let file = &corpus.file;
    let first_line = paper
        .lines()
        .find(|l| !l.trim().is_empty())
        .expect("a title line");
    assert_eq!(first_line, file.paper.title);
    assert!(paper.contains(&format!("\nName: {}\n", file.paper.authors[0].name)));
    let keywords: Vec<String> = blocks(between(&paper, "Keywords:", "ABSTRACT"));
    assert_eq!(keywords, file.paper.keywords);
    let abstract_text = blocks(&paper[paper.find("\nABSTRACT\n").expect("ABSTRACT") + 10..])
        .into_iter()
        .next()
        .expect("the abstract's text");
    assert_eq!(
        file.paper.abstract_text, abstract_text,
        "the abstract must be verbatim"
    );
}

#[test]
fn every_corpus_paragraph_is_verbatim_in_the_paper() {
    let paper = paper_or_skip!();
    let corpus = builtin();
    let in_paper: HashSet<String> = body_paragraphs(&paper, &corpus).into_iter().collect();
    let missing: Vec<String> = corpus
        .index
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| !in_paper.contains(&p.printed))
        .map(|(i, p)| {
            let id = corpus
                .paragraph(i)
                .map(|p| p.id.clone())
                .unwrap_or_default();
            format!("{id}: {}", short(&p.printed))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "corpus paragraphs not found verbatim in the paper:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_paper_paragraph_is_in_the_corpus_in_reading_order() {
    let paper = paper_or_skip!();
    let corpus = builtin();
    let paper_paragraphs = body_paragraphs(&paper, &corpus);
    let printed = printed_paragraphs(&corpus);
    let in_corpus: HashSet<&String> = printed.iter().collect();
    let uncovered: Vec<String> = paper_paragraphs
        .iter()
        .filter(|p| !in_corpus.contains(p))
        .map(|p| short(p))
        .collect();
    assert!(
        uncovered.is_empty(),
        "paper paragraphs no corpus paragraph holds:\n{}",
        uncovered.join("\n")
    );
    assert_eq!(paper_paragraphs.len(), 53);
    assert_eq!(
        paper_paragraphs, printed,
        "the paragraphs must be in the paper's order"
    );
}

#[test]
fn every_section_heading_is_printed_in_the_paper_in_order() {
    let paper = paper_or_skip!();
    let corpus = builtin();
    let body_lines: Vec<&str> = body(&paper).lines().map(str::trim).collect();
    let mut from = 0;
    for section in &corpus.file.sections {
        let number = section.number.trim_end_matches('.');
        let candidates = [
            section.title.clone(),
            format!("{number} {}", section.title),
            format!("{number}. {}", section.title),
        ];
        let found = body_lines[from..]
            .iter()
            .position(|line| candidates.iter().any(|c| c == line))
            .unwrap_or_else(|| panic!("heading of section `{}` not found in order", section.id));
        from += found + 1;
    }
}

#[test]
fn citation_numbers_follow_the_paper_in_reading_order() {
    let paper = paper_or_skip!();
    let corpus = builtin();
    let mut in_paper: Vec<u32> = Vec::new();
    let text = body(&paper);
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find(']')
            && let Ok(number) = rest[..close].parse::<u32>()
        {
            in_paper.push(number);
        }
    }
    let in_corpus: Vec<u32> = corpus
        .index
        .citations
        .iter()
        .flat_map(|c| c.references.iter())
        .map(|&r| corpus.index.reference_numbers[r])
        .collect();
    assert_eq!(in_paper.len(), 47);
    assert_eq!(in_corpus, in_paper);
}

#[test]
fn series_points_are_as_the_text_states_them() {
    let corpus = builtin();
    let series = corpus
        .file
        .series
        .iter()
        .find(|s| s.id == "victims")
        .expect("the victims series");
    let points: Vec<(i32, Option<f64>, PointStatus)> = series
        .points
        .iter()
        .map(|p| (p.year, p.value, p.status))
        .collect();
    assert_eq!(
        points,
        [
            (2020, Some(49000.0), PointStatus::Approximate),
            (2021, Some(42000.0), PointStatus::Stated),
            (2022, None, PointStatus::NotStated),
            (2023, Some(41000.0), PointStatus::Approximate),
        ]
    );
    // The numbers are in the quotes as the paper prints them.
    assert!(series.points[0].quote.contains("approximately 49,000"));
    assert!(series.points[1].quote.contains("42,000"));
    assert!(series.points[3].quote.contains("around 41,000"));
    if let Some(paper) = paper_text() {
        let paper_paragraphs = body_paragraphs(&paper, &corpus).join("\n");
        for point in &series.points {
            assert!(
                paper_paragraphs.contains(&point.quote),
                "the quote for {} is not in the paper",
                point.year
            );
        }
    }
}

#[test]
fn reference_8_is_porter_and_van_der_linde_1995() {
    let corpus = builtin();
    let position = corpus
        .index
        .reference_numbers
        .iter()
        .position(|&n| n == 8)
        .expect("a reference numbered 8");
    let reference = &corpus.file.references[position];
    assert_eq!(reference.id, "porter1995");
    assert_eq!(
        reference.title,
        "Toward a new conception of the environment-competitiveness relationship"
    );
    let families: Vec<&str> = reference.author.iter().map(|a| a.family.as_str()).collect();
    assert_eq!(families, ["Porter", "Linde"]);
    assert_eq!(reference.author[1].non_dropping_particle, "van der");
    let year = reference
        .issued
        .as_ref()
        .and_then(|d| d.date_parts.first())
        .and_then(|parts| parts.first())
        .copied();
    assert_eq!(year, Some(1995));
}

#[test]
fn reference_8_is_cited_in_exactly_two_sentences() {
    let corpus = builtin();
    let position = corpus.reference_by_id("porter1995").expect("porter1995");
    let citations = corpus
        .index
        .linked(Item::Reference(position), ItemKind::Citation);
    assert_eq!(citations.len(), 2);
    let mut sections = Vec::new();
    let mut sentences = Vec::new();
    for &citation in citations {
        let paragraph = corpus.index.citations[citation].paragraph;
        let section = corpus.section_of_paragraph(paragraph).expect("a section");
        sections.push(section.id.as_str());
        let sentence = corpus
            .index
            .citing_sentence(citation)
            .expect("a citing sentence");
        assert!(sentence.contains("[8]"), "{sentence}");
        sentences.push(sentence.to_owned());
    }
    assert_eq!(sections, ["literature-review", "law-enforcement"]);
    assert_eq!(
        sentences[0],
        "Research by [8] illustrates how trafficking networks have transitioned to online \
         recruitment, utilizing social media and fraudulent job advertisements to exploit victims."
    );
    assert!(sentences[1].starts_with("[8] note that advancements in digital surveillance"));
    if let Some(paper) = paper_text() {
        let paper_paragraphs = body_paragraphs(&paper, &corpus).join("\n");
        for sentence in &sentences {
            assert!(paper_paragraphs.contains(sentence.as_str()), "{sentence}");
        }
    }
}

#[test]
fn every_reference_list_line_holds_its_reference() {
    let paper = paper_or_skip!();
    let corpus = builtin();
    let list = &paper[paper.find("\nREFERENCES\n").expect("REFERENCES")..];
    let lines: Vec<&str> = list.lines().filter(|l| l.starts_with("- [")).collect();
    assert_eq!(lines.len(), 19);
    for (i, line) in lines.iter().enumerate() {
        let number = u32::try_from(i + 1).expect("small");
        let prefix = format!("- [{number}] ");
        assert!(line.starts_with(&prefix), "line {number} is {line:?}");
        let position = corpus
            .index
            .reference_numbers
            .iter()
            .position(|&n| n == number)
            .unwrap_or_else(|| panic!("no reference numbered {number}"));
        let reference = &corpus.file.references[position];
        // IEEE style prints `"Title,"`: the comma before the closing quote is not the title's.
        let line = line.replace(",\"", "\"").replace(",”", "”");
        assert!(
            line.contains(&reference.title),
            "[{number}] {}: title {:?} not in {line:?}",
            reference.id,
            reference.title
        );
        let first = &reference.author[0];
        let name = if first.family.is_empty() {
            &first.literal
        } else {
            &first.family
        };
        assert!(line.contains(name.as_str()), "[{number}] author {name:?}");
        let year = reference
            .issued
            .as_ref()
            .and_then(|d| d.date_parts.first())
            .and_then(|parts| parts.first())
            .expect("every reference has a year");
        assert!(line.contains(&year.to_string()), "[{number}] year {year}");
    }
}

#[test]
fn editorial_notes_flag_porter1995_and_2023() {
    let corpus = builtin();
    let file = &corpus.file;
    let porter = corpus.reference_by_id("porter1995").expect("porter1995");
    let mismatch = corpus
        .index
        .notes_for(Item::Reference(porter))
        .iter()
        .map(|&n| &file.notes[n])
        .find(|n| n.kind == NoteKind::CitationMismatch)
        .expect("a citation_mismatch note about porter1995");
    assert!(
        mismatch
            .about
            .contains(&NoteTarget::Reference("porter1995".to_owned()))
    );

    let series = file
        .series
        .iter()
        .position(|s| s.id == "victims")
        .expect("victims");
    let point = file.series[series]
        .points
        .iter()
        .position(|p| p.year == 2023)
        .expect("2023");
    let contradiction = corpus
        .index
        .notes_for(Item::SeriesPoint { series, point })
        .iter()
        .map(|&n| &file.notes[n])
        .find(|n| n.kind == NoteKind::Contradiction)
        .expect("a contradiction note about 2023");
    assert!(contradiction.about.contains(&NoteTarget::SeriesPoint {
        series: "victims".to_owned(),
        year: 2023
    }));
}

#[test]
fn index_links_entities_regions_and_years() {
    let corpus = builtin();
    let file = &corpus.file;
    let index = &corpus.index;

    let interpol = file
        .entities
        .iter()
        .position(|e| e.id == "interpol")
        .expect("interpol");
    let mentions = &index.entity_mentions[interpol];
    assert!(!mentions.is_empty(), "Interpol is mentioned in the text");
    let names: Vec<String> = std::iter::once(&file.entities[interpol].name)
        .chain(&file.entities[interpol].aliases)
        .map(|n| n.to_lowercase())
        .collect();
    for mention in mentions {
        let text = &index.paragraphs[mention.paragraph].printed[mention.range.clone()];
        assert!(names.contains(&text.to_lowercase()), "mention {text:?}");
    }

    let asean = corpus.region_by_id("asean").expect("asean");
    let rows = index.linked(Item::Region(asean), ItemKind::TableRow);
    assert_eq!(rows.len(), 3);
    for &row in rows {
        assert_eq!(
            file.table_row(row).unwrap().2.region.as_deref(),
            Some("asean")
        );
    }

    let mentions_2021 = index.year_mentions.get(&2021).expect("2021 is mentioned");
    assert!(!mentions_2021.is_empty());
    for mention in mentions_2021 {
        assert_eq!(
            &index.paragraphs[mention.paragraph].printed[mention.range.clone()],
            "2021"
        );
    }
}

#[test]
fn searching_interpol_finds_a_reference_a_row_and_paragraphs() {
    let corpus = builtin();
    let hits = SearchIndex::new(&corpus).search("Interpol", 20);
    let sayuti = corpus.reference_by_id("sayuti2023").expect("sayuti2023");
    assert!(
        hits.iter().any(|h| h.item == Item::Reference(sayuti)),
        "sayuti2023 found: {:?}",
        hits.iter().map(|h| h.item).collect::<Vec<_>>()
    );
    let row_hits: Vec<usize> = hits
        .iter()
        .filter_map(|h| match h.item {
            Item::TableRow(i) => Some(i),
            _ => None,
        })
        .collect();
    assert!(!row_hits.is_empty());
    for row in row_hits {
        let row = corpus.file.table_row(row).unwrap().2;
        assert!(row.cells[1].contains("Interpol"), "{row:?}");
    }
    let paragraph_hits = hits
        .iter()
        .filter(|h| matches!(h.item, Item::Paragraph(_)))
        .count();
    assert!(paragraph_hits >= 1);
    for hit in &hits {
        if let Item::Paragraph(p) = hit.item {
            assert!(
                corpus.index.paragraphs[p]
                    .printed
                    .to_lowercase()
                    .contains("interpol")
            );
        }
    }
}

#[test]
fn item_keys_round_trip_for_every_kind() {
    let corpus = builtin();
    let file = &corpus.file;
    let mut items: Vec<Item> = Vec::new();
    items.extend((0..file.sections.len()).map(Item::Section));
    items.extend((0..corpus.index.paragraphs.len()).map(Item::Paragraph));
    items.extend((0..corpus.index.citations.len()).map(Item::Citation));
    items.extend((0..file.references.len()).map(Item::Reference));
    items.extend((0..file.cases.len()).map(Item::Case));
    items.extend((0..file.table_row_count()).map(Item::TableRow));
    items.extend((0..file.regions.len()).map(Item::Region));
    items.extend((0..file.tables.len()).map(Item::Table));
    items.extend((0..file.figures.len()).map(Item::Figure));
    items.extend((0..file.entities.len()).map(Item::Entity));
    items.extend((0..file.series.len()).map(Item::Series));
    for (series, s) in file.series.iter().enumerate() {
        items.extend((0..s.points.len()).map(|point| Item::SeriesPoint { series, point }));
    }
    items.extend((0..file.notes.len()).map(Item::Note));

    let kinds: BTreeSet<ItemKind> = items.iter().map(|i| i.kind()).collect();
    assert_eq!(
        kinds.len(),
        ItemKind::ALL.len() - 1,
        "every kind of item but footnotes (the paper has none) is exercised: {kinds:?}"
    );

    let mut keys = HashSet::new();
    for item in items {
        let key = item
            .key(&corpus)
            .unwrap_or_else(|| panic!("{item:?} has no key"));
        assert!(key.0.starts_with(item.kind().key_prefix()), "{key}");
        assert_eq!(Item::from_key(&key.0, &corpus), Some(item), "{key}");
        assert!(keys.insert(key.0.clone()), "duplicate key {key}");
    }
    assert_eq!(
        Item::from_key("reference:porter1995", &corpus),
        corpus.reference_by_id("porter1995").map(Item::Reference)
    );
    assert_eq!(Item::from_key("reference:nobody", &corpus), None);
    assert_eq!(Item::from_key("nonsense", &corpus), None);
}

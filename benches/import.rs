//! Benchmarks of opening papers: a 250 KB JATS article imported end to end (XML → corpus,
//! validated and indexed, as the window opens it) against a bare parse of the same bytes by
//! quick-xml, the XML reader the importer uses; and every real paper in `../shared/data/papers/`
//! opened one after another.
//!
//! Run with `cargo bench --bench import`. Budgets (see README, Performance): the JATS import
//! within 3 × the bare parse; all the real papers together well under a second.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use paperlens::formats::paper::{ImportOptions, PaperKind};
use quick_xml::Reader;
use quick_xml::events::Event;

/// The size the JATS article is grown to.
const TARGET_BYTES: usize = 250 * 1024;

fn shared_papers() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/papers")
}

/// A JATS article of about 250 KB: the largest real PLOS article in `../shared` (or the
/// project's small fixture when that is absent) with its body sections repeated until it is
/// that size. Repeated sections keep their ids; the importer makes them unique.
fn article() -> String {
    let real = shared_papers().join("jats/journal.pmed.1001418.xml");
    let text = std::fs::read_to_string(&real).unwrap_or_else(|_| {
        println!(
            "note: {} is absent; growing the small fixture instead",
            real.display()
        );
        include_str!("../tests/fixtures/papers/jats-small.xml").to_owned()
    });
    let (Some(start), Some(end)) = (text.find("<body>"), text.find("</body>")) else {
        return text;
    };
    let (Some(body), Some(head), Some(tail)) = (
        text.get(start + "<body>".len()..end),
        text.get(..end),
        text.get(end..),
    ) else {
        return text;
    };
    let mut grown = String::with_capacity(TARGET_BYTES + text.len());
    grown.push_str(head);
    while !body.is_empty() && grown.len() + tail.len() < TARGET_BYTES {
        grown.push_str(body);
    }
    grown.push_str(tail);
    grown
}

/// Every event of `text`, as a bare quick-xml reader sees it: the floor of any XML import.
fn bare_parse(text: &str) -> usize {
    let mut reader = Reader::from_str(text);
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => {
                black_box(&event);
                events += 1;
            }
        }
    }
    events
}

/// The least any importer of `text` does, however it is written: every event read, every
/// attribute of every element read, every text run decoded and copied out, every entity
/// reference kept. What an importer does beyond this (finding what each element means, writing
/// the corpus, validating and indexing it) has to fit between this and the budget.
fn events_attributes_and_text(text: &str) -> usize {
    let mut reader = Reader::from_str(text);
    let mut out = String::with_capacity(text.len() / 2);
    let mut attribute_bytes = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(element) | Event::Empty(element)) => {
                for attribute in element.attributes().with_checks(false).flatten() {
                    attribute_bytes += attribute.value.len();
                }
            }
            Ok(Event::Text(run)) => {
                if let Ok(decoded) = run.decode() {
                    out.push_str(&decoded);
                }
            }
            Ok(Event::GeneralRef(reference)) => {
                out.push('&');
                out.push_str(&String::from_utf8_lossy(&reference));
            }
            Ok(event) => {
                black_box(&event);
            }
        }
    }
    black_box(attribute_bytes) + out.len()
}

fn jats(c: &mut Criterion) {
    let text = article();
    println!("JATS article: {} KB", text.len() / 1024);
    let report = paperlens::open::open_text(&text, "article.xml");
    assert!(report.corpus.is_some(), "the grown article imports");
    let mut group = c.benchmark_group("import/jats-250k");
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("bare quick-xml parse", |b| {
        b.iter(|| bare_parse(black_box(&text)));
    });
    group.bench_function("events, attributes and text copied", |b| {
        b.iter(|| events_attributes_and_text(black_box(&text)));
    });
    group.bench_function("XML tree", |b| {
        b.iter(|| {
            paperlens::formats::paper::xml::parse(black_box(&text)).map(|d| d.root().name().len())
        });
    });
    group.bench_function("import to a corpus file", |b| {
        b.iter(|| {
            paperlens::formats::paper::import(
                PaperKind::Jats,
                black_box(&text),
                &ImportOptions::default(),
            )
        });
    });
    group.bench_function("import end to end", |b| {
        b.iter(|| paperlens::open::open_text(black_box(&text), "article.xml"));
    });
    group.finish();
}

/// Every paper file in `../shared/data/papers/` (the JATS, TEI and Markdown ones).
fn real_papers() -> Vec<PathBuf> {
    let mut papers = Vec::new();
    for folder in ["jats", "tei"] {
        if let Ok(entries) = std::fs::read_dir(shared_papers().join(folder)) {
            papers.extend(entries.flatten().map(|e| e.path()));
        }
    }
    if let Ok(entries) = std::fs::read_dir(shared_papers().join("markdown")) {
        papers.extend(entries.flatten().map(|e| e.path().join("paper.md")));
    }
    papers.sort();
    papers
}

fn all_real_papers(c: &mut Criterion) {
    let papers = real_papers();
    if papers.is_empty() {
        println!("skipped: {} is absent", shared_papers().display());
        return;
    }
    let mut group = c.benchmark_group("import/all-real-papers");
    group.sample_size(10);
    group.bench_function(format!("{} papers opened", papers.len()), |b| {
        b.iter(|| {
            for paper in &papers {
                black_box(paperlens::open::open_path(paper));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, jats, all_real_papers);
criterion_main!(benches);

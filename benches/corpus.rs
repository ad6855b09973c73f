//! Benchmarks of the model: load (parse + validate + index) against the `serde_json::Value`
//! floor, search per keystroke, and heap used by a loaded corpus, on the built-in corpus and on
//! corpora scaled 100× and 1000×.
//!
//! Run with `cargo bench --bench corpus`. Budgets (see README, Performance): built-in load < 5 ms;
//! N = 1000 load ≤ 3 × the `Value` floor; search < 5 ms per keystroke at N = 1000.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use paperlens::corpus::load::load_str;
use paperlens::corpus::search::SearchIndex;
use paperlens::corpus::synthetic::scaled_corpus_json;
use paperlens::corpus::{BUILTIN_JSON, Corpus};

/// Counts live and peak heap bytes.
struct CountingAllocator;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are added.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the pointer and layout the caller got from `alloc`.
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The corpora measured: name, scale, JSON text.
fn corpora() -> Vec<(&'static str, usize, String)> {
    vec![
        ("built-in", 1, BUILTIN_JSON.to_owned()),
        ("n100", 100, scaled_corpus_json(100, 42)),
        ("n1000", 1000, scaled_corpus_json(1000, 42)),
    ]
}

// A size printed in MiB with one decimal: a byte count is exact in an f64 below 2^53 bytes
// (8 PiB), far beyond any corpus measured here.
#[allow(clippy::cast_precision_loss)]
fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Prints heap figures: peak while loading, and what the loaded corpus keeps (with its search
/// index), next to the size of the file.
fn report_memory(corpora: &[(&'static str, usize, String)]) {
    for (name, _, text) in corpora {
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let corpus = load_str(text, name).corpus;
        let search = corpus.as_ref().map(SearchIndex::new);
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let kept = LIVE.load(Ordering::Relaxed) - before;
        eprintln!(
            "memory {name}: file {:.1} MiB, peak while loading {:.1} MiB, kept (corpus + index + search) {:.1} MiB",
            mib(text.len()),
            mib(peak),
            mib(kept)
        );
        drop((corpus, search));
    }
}

fn load(c: &mut Criterion) {
    let corpora = corpora();
    report_memory(&corpora);
    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for (name, _, text) in &corpora {
        group.bench_with_input(
            BenchmarkId::new("parse+validate+index", name),
            text,
            |b, text| {
                b.iter(|| black_box(load_str(black_box(text), "bench").corpus.is_some()));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("serde_json Value (floor)", name),
            text,
            |b, text| {
                b.iter(|| {
                    black_box(serde_json::from_str::<serde_json::Value>(black_box(text)).is_ok())
                });
            },
        );
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("search per keystroke");
    group.sample_size(20);
    for (name, _, text) in corpora() {
        let Ok(corpus) = Corpus::from_json(&text, name) else {
            continue;
        };
        let index = SearchIndex::new(&corpus);
        // A realistic six-letter query, typed one key at a time.
        for query in ["i", "in", "int", "inte", "inter", "interp"] {
            group.bench_with_input(BenchmarkId::new(name, query), &query, |b, query| {
                b.iter(|| black_box(index.search(black_box(query), 8).len()));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, load, search);
criterion_main!(benches);

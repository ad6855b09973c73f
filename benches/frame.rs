//! Benchmarks of one UI frame of each main view, headless (`egui::Context::run_ui`), with a
//! typical selection, on the built-in corpus and on corpora scaled 100× and 1000×.
//!
//! Run with `cargo bench --bench frame`. Budgets (see README, Performance): < 2 ms per frame for
//! every view on the built-in corpus, < 8 ms at N = 1000.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eframe::egui;
use paperlens::app::cases_view::CasesView;
use paperlens::app::explorer::{Explorer, StartOptions};
use paperlens::app::reader::Reader;
use paperlens::app::table_view::TableView;
use paperlens::app::trends_view::TrendsView;
use paperlens::corpus::Corpus;
use paperlens::corpus::synthetic::scaled_corpus_json;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

fn frame(c: &mut Criterion) {
    let corpora = [
        ("built-in", Corpus::builtin()),
        (
            "n100",
            Corpus::from_json(&scaled_corpus_json(100, 42), "n100").unwrap_or_default(),
        ),
        (
            "n1000",
            Corpus::from_json(&scaled_corpus_json(1000, 42), "n1000").unwrap_or_default(),
        ),
    ];
    let views = [
        (Reader::ID, "reference:porter1995"),
        (TableView::ID, "region:asean"),
        (CasesView::ID, "case:sea-labour-trafficking"),
        (TrendsView::ID, "point:victims/2021"),
    ];
    let mut group = c.benchmark_group("frame");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for (name, corpus) in &corpora {
        for (view, selection) in views {
            let ctx = egui::Context::default();
            let mut app = Explorer::new(
                &ctx,
                StartOptions {
                    corpus: Some(corpus.clone()),
                    view: Some((*view).to_owned()),
                    select: Some(selection.to_owned()),
                    ..StartOptions::default()
                },
            );
            // Settle layout, fonts and scrolling before measuring.
            for _ in 0..5 {
                let _ = ctx.run_ui(input(), |ui| app.frame_ui(ui));
            }
            group.bench_function(BenchmarkId::new(*name, view), |b| {
                b.iter(|| black_box(ctx.run_ui(input(), |ui| app.frame_ui(ui))));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);

//! Frame cost of the app's results screen against egui's own demo, measured
//! side by side in one run, plus the assessment and the HTML export.
//!
//! `cargo bench --bench frame` prints:
//! - `frame/advisor_results`: one headless frame of the results screen (plots and diagram drawn),
//!   `ctx.run_ui` then `ctx.tessellate`, as egui's own benches do;
//! - `frame/egui_demo`: `egui_demo_lib`'s demo windows through the same harness (the yardstick);
//! - `assess/full`: one full assessment, with the cost sweep for the plots and the flip points
//!   (and `assess/full_gcp`, `assess/full_azure` for the Google Cloud and Azure samples);
//! - `export/html`: the HTML report of that assessment.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, Vec2};
use serverless_advisor::advice::assess;
use serverless_advisor::catalogue::Catalogue;
use serverless_advisor::pricing::PriceBook;
use serverless_advisor::ui::{AdvisorApp, AppOptions, Section, Settings};
use serverless_advisor::workload::Workload;

const SAMPLE: &str = "assets/workloads/thumbnail_generator.ron";

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1400.0, 900.0))),
        ..RawInput::default()
    }
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    {
        let dir = tempfile::tempdir().unwrap();
        let options = AppOptions {
            file: Some(SAMPLE.into()),
            data_dir: Some(dir.path().to_path_buf()),
            native_dialogs: false,
            ..AppOptions::default()
        };
        let mut app = AdvisorApp::with_settings(&options, Settings::default());
        let ctx = egui::Context::default();
        let mut frame = eframe::Frame::_new_kittest();
        // Warm up: the first frames lay out fonts and settle sizes; then scroll the
        // results (as the "Jump to: Cost curves" link does) so the frame shows the
        // cost plot, the traffic chart, the cold starts and the pattern diagram.
        for _ in 0..3 {
            let out = ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame));
            out.drop_without_applying_deltas();
        }
        app.jump_to(Section::CostCurves);
        for _ in 0..3 {
            let out = ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame));
            out.drop_without_applying_deltas();
        }
        // The measured frame really holds the plot and the diagram.
        let first_node = {
            let a = app.assessment().expect("assessed");
            app.catalogue().get(&a.pattern.id).expect("pattern").nodes[0]
                .label
                .clone()
        };
        let out = ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame));
        let texts: Vec<String> = out
            .shapes
            .iter()
            .filter_map(|s| match &s.shape {
                egui::Shape::Text(t) => Some(t.galley.text().to_owned()),
                _ => None,
            })
            .collect();
        out.drop_without_applying_deltas();
        for expected in [
            "Monthly requests",
            "USD a month",
            first_node.as_str(),
            "Traffic over a week",
        ] {
            assert!(
                texts.iter().any(|t| t == expected),
                "the frame draws {expected:?}"
            );
        }
        group.bench_function("advisor_results", |b| {
            b.iter(|| {
                let mut out = ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame));
                black_box(ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point));
                out.textures_delta.clear();
            });
        });
        assert!(
            app.assessment().is_some(),
            "the results screen was drawn with an assessment"
        );
    }
    {
        let ctx = egui::Context::default();
        let mut demo = egui_demo_lib::DemoWindows::default();
        for _ in 0..3 {
            let out = ctx.run_ui(input(), |ui| demo.ui(ui));
            out.drop_without_applying_deltas();
        }
        group.bench_function("egui_demo", |b| {
            b.iter(|| {
                let mut out = ctx.run_ui(input(), |ui| demo.ui(ui));
                black_box(ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point));
                out.textures_delta.clear();
            });
        });
    }
    group.finish();
}

fn assessment(c: &mut Criterion) {
    let book = PriceBook::built_in().unwrap();
    let catalogue = Catalogue::built_in().unwrap();
    let workload = Workload::load(std::path::Path::new(SAMPLE), &book).unwrap();
    c.bench_function("assess/full", |b| {
        b.iter(|| black_box(assess(black_box(&workload), &book, &catalogue)));
    });
    // The other clouds' samples: their shared-instance platforms (Cloud Run,
    // Flex Consumption, Container Apps) cost the most to price.
    for (name, file) in [
        ("assess/full_gcp", "assets/workloads/mvp_backend.ron"),
        ("assess/full_azure", "assets/workloads/live_chat.ron"),
    ] {
        let other = Workload::load(std::path::Path::new(file), &book).unwrap();
        c.bench_function(name, |b| {
            b.iter(|| black_box(assess(black_box(&other), &book, &catalogue)));
        });
    }
    let a = assess(&workload, &book, &catalogue);
    c.bench_function("export/html", |b| {
        b.iter(|| {
            black_box(serverless_advisor::report::to_html(
                black_box(&a),
                &catalogue,
                &book,
            ))
        });
    });
}

criterion_group!(benches, frames, assessment);
criterion_main!(benches);

//! Draws the results screen (or egui's demo, with `demo`) a given number of
//! times, headless, as `benches/frame.rs` does: the harness for counting a
//! frame's instructions with callgrind (BENCHMARKS.md). Not shipped.
//!
//! `cargo build --release --example frame_loop`, then
//! `valgrind --tool=callgrind target/release/examples/frame_loop results 11`
//! and the same with 1: the difference over 10 is one frame. With
//! `--toggle-collect=frame_loop::measured` callgrind counts the measured frames only.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use egui::{Pos2, RawInput, Rect, Vec2};
use serverless_advisor::ui::{AdvisorApp, AppOptions, Section, Settings};

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1400.0, 900.0))),
        ..RawInput::default()
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_else(|| "results".into());
    let times: u32 = args.next().and_then(|t| t.parse().ok()).unwrap_or(100);
    let file = args
        .next()
        .unwrap_or_else(|| "assets/workloads/thumbnail_generator.ron".into());
    let ctx = egui::Context::default();
    if what == "demo" {
        let mut demo = egui_demo_lib::DemoWindows::default();
        for _ in 0..3 {
            ctx.run_ui(input(), |ui| demo.ui(ui))
                .drop_without_applying_deltas();
        }
        for _ in 0..times {
            measured(&ctx, &mut |ui| demo.ui(ui));
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let options = AppOptions {
        file: Some(file.into()),
        data_dir: Some(dir.path().to_path_buf()),
        native_dialogs: false,
        ..AppOptions::default()
    };
    let mut app = AdvisorApp::with_settings(&options, Settings::default());
    let mut frame = eframe::Frame::_new_kittest();
    for _ in 0..3 {
        ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame))
            .drop_without_applying_deltas();
    }
    app.jump_to(Section::CostCurves);
    for _ in 0..3 {
        ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame))
            .drop_without_applying_deltas();
    }
    for _ in 0..times {
        measured(&ctx, &mut |ui| eframe::App::ui(&mut app, ui, &mut frame));
    }
}

/// One measured frame (callgrind's `--toggle-collect=frame_loop::measured`
/// counts only these).
#[inline(never)]
fn measured(ctx: &egui::Context, ui: &mut dyn FnMut(&mut egui::Ui)) {
    let mut out = ctx.run_ui(input(), |u| ui(u));
    black_box(ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point));
    out.textures_delta.clear();
}

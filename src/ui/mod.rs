//! The window. The only part of the crate that imports egui, eframe and rfd;
//! it draws what `advice::assess` returns and never prices or scores anything.

mod app;
mod catalogue_view;
mod charts;
mod diagram;
mod files;
mod questionnaire;
mod results;
mod widgets;

pub use app::{AdvisorApp, AppOptions, Command, Message, Settings, Tab, Theme, sample_workload};
pub use catalogue_view::CatalogueView;
pub use files::{AUTOSAVE_DELAY, AutosaveFile, PathPrompt, Purpose};
pub use questionnaire::Step;
pub use widgets::parse_number;

use crate::cli::Args;

/// Opens the window and runs until it closes.
///
/// # Errors
/// No display, or a renderer that can't start: the message says which.
pub fn run(args: &Args) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("serverless-advisor")
            .with_app_id("serverless-advisor")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([760.0, 480.0]),
        persist_window: true,
        ..Default::default()
    };
    let app_options = AppOptions::from_args(args);
    eframe::run_native(
        "serverless-advisor",
        options,
        Box::new(move |cc| Ok(Box::new(AdvisorApp::new(cc, app_options)))),
    )
    .map_err(|e| {
        let hint = if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
            " (no display: set DISPLAY or WAYLAND_DISPLAY, or use the headless `report` command)"
        } else {
            ""
        };
        format!("cannot open the window: {e}{hint}")
    })
}

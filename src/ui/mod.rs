//! The window. The only part of the crate that imports egui, eframe and rfd;
//! it draws what `advice::assess` returns and never prices or scores anything.

mod app;
mod catalogue_view;
mod charts;
mod diagram;
mod files;
pub mod probe;
mod questionnaire;
mod results;
mod widgets;

pub use app::{AdvisorApp, AppOptions, Command, Message, Settings, Tab, Theme, sample_workload};
pub use catalogue_view::CatalogueView;
pub use files::{AUTOSAVE_DELAY, AutosaveFile, PathPrompt, Purpose};
pub use questionnaire::Step;
pub use results::Section;
pub use widgets::parse_number;

/// Checks eframe's settings file before eframe reads it: an unreadable one is
/// moved aside (so the app starts with default settings) and reported.
#[must_use]
pub fn check_settings_file(file: &std::path::Path) -> Option<String> {
    let bytes = std::fs::read(file).ok()?;
    let readable = std::str::from_utf8(&bytes)
        .ok()
        .is_some_and(|text| ron::Options::default().from_str::<ron::Value>(text).is_ok());
    if readable {
        return None;
    }
    let aside = file.with_extension("ron.corrupt");
    let moved = std::fs::rename(file, &aside).is_ok();
    Some(if moved {
        format!(
            "The settings file {} could not be read; it was moved to {} and default settings are used.",
            file.display(),
            aside.display()
        )
    } else {
        format!(
            "The settings file {} could not be read; default settings are used.",
            file.display()
        )
    })
}

use crate::cli::Args;

/// Opens the window and runs until it closes.
///
/// # Errors
/// No display, or a renderer that can't start: the message says which.
pub fn run(args: &Args) -> Result<(), String> {
    let mut app_options = AppOptions::from_args(args);
    let data_dir = app_options.data_dir.clone();
    let settings_file = data_dir
        .as_ref()
        .map(|d| d.join("app.ron"))
        .or_else(|| eframe::storage_dir("serverless-advisor").map(|d| d.join("app.ron")));
    if let Some(file) = &settings_file
        && let Some(message) = check_settings_file(file)
    {
        app_options.startup_messages.push(message);
    }
    let options = eframe::NativeOptions {
        persistence_path: settings_file,
        viewport: egui::ViewportBuilder::default()
            .with_title("serverless-advisor")
            .with_app_id("serverless-advisor")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([760.0, 480.0]),
        persist_window: true,
        ..Default::default()
    };
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

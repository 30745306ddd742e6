//! The window. The only part of the crate that imports egui, eframe and rfd.

use crate::cli::Args;

/// Opens the window and runs until it closes.
///
/// # Errors
/// No display, or a renderer that can't start: the message says which.
pub fn run(_args: &Args) -> Result<(), String> {
    let options = eframe::NativeOptions::default();
    eframe::run_native(
        "serverless-advisor",
        options,
        Box::new(|_cc| Ok(Box::new(Placeholder))),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

struct Placeholder;

impl eframe::App for Placeholder {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.heading("serverless-advisor");
    }
}

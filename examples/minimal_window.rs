//! The yardstick for start-up time and memory (BENCHMARKS.md): the smallest
//! eframe window, built from this crate with the same eframe features and the
//! same window size as the app. Run by `scripts/startup.sh`; not part of the
//! shipped binary.

use serverless_advisor::ui::probe::StartupProbe;

struct Minimal {
    probe: Option<StartupProbe>,
}

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(probe) = &mut self.probe {
            probe.frame(ui.ctx());
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("A minimal eframe window.");
        });
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("minimal")
            .with_inner_size([1280.0, 820.0]),
        ..Default::default()
    };
    eframe::run_native(
        "minimal",
        options,
        Box::new(|_cc| {
            Ok(Box::new(Minimal {
                probe: StartupProbe::from_env(),
            }))
        }),
    )
}

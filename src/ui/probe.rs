//! Start-up measurement (BENCHMARKS.md). With `SERVERLESS_ADVISOR_STARTUP_PROBE`
//! set, a window prints one line once its first frame is on screen, then closes:
//!
//! `startup-probe first_frame_unix_ns=<wall clock> rss_kib=<resident memory>`
//!
//! `scripts/startup.sh` compares that line from the app and from the minimal
//! eframe window in `examples/minimal_window.rs`, which uses this same probe.

/// The environment variable that turns the probe on.
pub const ENV: &str = "SERVERLESS_ADVISOR_STARTUP_PROBE";

/// Counts frames until the first one has been presented.
#[derive(Debug, Default)]
pub struct StartupProbe {
    frames: u32,
}

impl StartupProbe {
    /// A probe when the environment asks for one.
    #[must_use]
    pub fn from_env() -> Option<Self> {
        std::env::var_os(ENV).map(|_| Self::default())
    }

    /// Call at the start of every frame. The first frame is painted and shown
    /// before the second begins, so the second reports and closes the window.
    pub fn frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        match self.frames {
            1 => ctx.request_repaint(),
            2 => {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos());
                println!(
                    "startup-probe first_frame_unix_ns={now} rss_kib={}",
                    resident_kib().unwrap_or(0)
                );
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            _ => {}
        }
    }
}

/// Resident memory of this process in KiB (Linux; `None` elsewhere).
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

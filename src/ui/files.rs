//! Files from the window: the typed-path prompt (always there), native file
//! dialogs on a background thread (never blocking the window, and harmless when
//! the desktop portal is missing), recent files, and the autosave that guards
//! unsaved edits against crashes.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::cli::ReportFormat;
use crate::workload::Workload;

/// Edits are autosaved this long after typing stops.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(1500);
/// Recent files kept.
pub const RECENT_MAX: usize = 8;

/// What a path prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open a workload.
    Open,
    /// Save the workload under a new name.
    SaveAs,
    /// Export the report.
    Export(ReportFormat),
    /// Load another price book.
    LoadPrices,
    /// Add a folder of patterns.
    LoadCatalogue,
}

impl Purpose {
    /// Title of the prompt.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Open => "Open a workload",
            Self::SaveAs => "Save the workload as",
            Self::Export(_) => "Export the report",
            Self::LoadPrices => "Load a price book",
            Self::LoadCatalogue => "Add a folder of patterns",
        }
    }

    /// Label of the confirming button.
    #[must_use]
    pub fn action(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::SaveAs => "Save",
            Self::Export(_) => "Export",
            Self::LoadPrices => "Load",
            Self::LoadCatalogue => "Add",
        }
    }

    fn saves(self) -> bool {
        matches!(self, Self::SaveAs | Self::Export(_))
    }
}

/// A file extension for a report format.
#[must_use]
pub fn extension(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Json => "json",
        ReportFormat::Md => "md",
        ReportFormat::Html => "html",
    }
}

/// A native dialog running on its own thread.
#[derive(Debug)]
pub struct BrowseJob {
    rx: Receiver<Option<PathBuf>>,
    /// When it started, to tell the user how long it has been waiting.
    pub started: Instant,
}

/// The result of polling a native dialog.
#[derive(Debug, PartialEq, Eq)]
pub enum BrowseResult {
    /// Still open.
    Pending,
    /// The user picked this path.
    Picked(PathBuf),
    /// Cancelled, or no dialog could be shown (no desktop portal).
    Nothing,
}

impl BrowseJob {
    /// Opens the native dialog on a background thread; the window keeps running.
    #[must_use]
    pub fn spawn(ctx: &egui::Context, purpose: Purpose, suggestion: &Path) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let directory = suggestion
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf);
        let file_name = suggestion.file_name().map(|n| n.to_string_lossy().into_owned());
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new();
                if let Some(dir) = &directory {
                    dialog = dialog.set_directory(dir);
                }
                dialog = match purpose {
                    Purpose::Open | Purpose::SaveAs => dialog.add_filter("Workload (RON)", &["ron"]),
                    Purpose::LoadPrices => dialog.add_filter("Price book (RON)", &["ron"]),
                    Purpose::Export(format) => dialog.add_filter("Report", &[extension(format)]),
                    Purpose::LoadCatalogue => dialog,
                };
                if let Some(name) = &file_name {
                    dialog = dialog.set_file_name(name);
                }
                let picked = match purpose {
                    Purpose::Open | Purpose::LoadPrices => dialog.pick_file(),
                    Purpose::SaveAs | Purpose::Export(_) => dialog.save_file(),
                    Purpose::LoadCatalogue => dialog.pick_folder(),
                };
                let _ = tx.send(picked);
                ctx.request_repaint();
            });
        if spawned.is_err() {
            // No thread, no dialog: the typed path still works.
            let (tx, rx) = channel();
            let _ = tx.send(None);
            return Self {
                rx,
                started: Instant::now(),
            };
        }
        Self {
            rx,
            started: Instant::now(),
        }
    }

    /// Checks, without waiting, whether the dialog has closed.
    pub fn poll(&self) -> BrowseResult {
        match self.rx.try_recv() {
            Ok(Some(path)) => BrowseResult::Picked(path),
            Ok(None) | Err(TryRecvError::Disconnected) => BrowseResult::Nothing,
            Err(TryRecvError::Empty) => BrowseResult::Pending,
        }
    }
}

/// The typed-path prompt, with an optional native dialog beside it.
#[derive(Debug)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: Purpose,
    /// The path as typed.
    pub text: String,
    /// A problem to show under the field.
    pub error: Option<String>,
    /// A native dialog, if one is open.
    pub browse: Option<BrowseJob>,
    /// Whether the last native dialog returned nothing.
    pub browse_gave_nothing: bool,
    /// A path whose extension names another format, already questioned once:
    /// confirming it again writes it.
    pub mismatch_asked: Option<PathBuf>,
}

impl PathPrompt {
    /// A prompt pre-filled with a suggestion.
    #[must_use]
    pub fn new(purpose: Purpose, suggestion: &Path) -> Self {
        Self {
            purpose,
            text: suggestion.display().to_string(),
            error: None,
            browse: None,
            browse_gave_nothing: false,
            mismatch_asked: None,
        }
    }

    /// The question to ask before exporting to `path` when its extension
    /// names another format than the one exported (`report.md` for an HTML
    /// page); `None` when it matches, has none, or was asked already.
    #[must_use]
    pub fn mismatch(&self, path: &Path) -> Option<String> {
        let Purpose::Export(format) = self.purpose else {
            return None;
        };
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        let fits = match format {
            ReportFormat::Html => matches!(ext.as_str(), "html" | "htm"),
            ReportFormat::Md => matches!(ext.as_str(), "md" | "markdown"),
            ReportFormat::Json => ext == "json",
        };
        let named = match ext.as_str() {
            "html" | "htm" => "an HTML page",
            "md" | "markdown" => "a Markdown file",
            "json" => "a JSON file",
            "ron" => "a workload",
            _ => "another kind of file",
        };
        let what = match format {
            ReportFormat::Html => "an HTML page",
            ReportFormat::Md => "a Markdown decision record",
            ReportFormat::Json => "a JSON report",
        };
        (!fits && self.mismatch_asked.as_deref() != Some(path)).then(|| {
            format!(
                "{} ends in .{ext}, the name of {named}, but this writes {what}. Export again to write it there anyway, or name it .{}.",
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
                extension(format)
            )
        })
    }

    /// The typed path, trimmed, with `~` expanded; `None` when empty.
    #[must_use]
    pub fn path(&self) -> Option<PathBuf> {
        let text = self.text.trim();
        if text.is_empty() {
            return None;
        }
        if let Some(rest) = text.strip_prefix("~/")
            && let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
        {
            return Some(home.join(rest));
        }
        Some(PathBuf::from(text))
    }

    /// Checks the path before acting on it; the message says what is wrong.
    ///
    /// # Errors
    /// An empty path, a missing file to open, a folder where a file is needed,
    /// or a missing folder to save into.
    pub fn check(&self) -> Result<PathBuf, String> {
        let Some(mut path) = self.path() else {
            return Err("Type a path, or use Browse.".into());
        };
        // A name typed without an extension gets the one its file needs.
        if path.extension().is_none() && !path.is_dir() {
            match self.purpose {
                Purpose::SaveAs => {
                    path.set_extension("ron");
                }
                Purpose::Export(format) => {
                    path.set_extension(extension(format));
                }
                _ => {}
            }
        }
        if self.purpose == Purpose::LoadCatalogue {
            return if path.is_dir() {
                Ok(path)
            } else {
                Err(format!("{} is not a folder.", path.display()))
            };
        }
        if path.is_dir() {
            return Err(format!("{} is a folder; name a file.", path.display()));
        }
        if self.purpose.saves() {
            let parent = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            if !parent.is_dir() {
                return Err(format!("The folder {} does not exist.", parent.display()));
            }
        } else if !path.is_file() {
            return Err(format!("{} does not exist.", path.display()));
        }
        Ok(path)
    }
}

/// What the autosave file holds: the edits and where they belong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutosaveFile {
    /// Format version, 1.
    pub format_version: u32,
    /// The file the edits belong to, if it had been saved before.
    pub original_path: Option<PathBuf>,
    /// The workload as last edited.
    pub workload: Workload,
}

/// Writes edits to the app's data folder shortly after typing stops.
#[derive(Debug)]
pub struct Autosave {
    /// The autosave file.
    pub path: PathBuf,
    pending: Option<(Workload, Instant)>,
    written: Option<Workload>,
    /// The last write error, shown once.
    pub error: Option<String>,
}

/// What was found in the data folder at start-up.
#[derive(Debug)]
pub enum Recovered {
    /// Nothing to restore.
    Nothing,
    /// Unsaved edits from a session that did not close cleanly.
    Edits(Box<AutosaveFile>),
    /// The autosave was unreadable and was moved here.
    MovedAside(PathBuf, String),
}

impl Autosave {
    /// The autosave for a data folder.
    #[must_use]
    pub fn new(dir: &Path) -> Self {
        Self {
            path: dir.join("autosave.ron"),
            pending: None,
            written: None,
            error: None,
        }
    }

    /// Looks for edits left by a previous session; an unreadable file is moved aside.
    #[must_use]
    pub fn recover(&self) -> Recovered {
        let Ok(text) = std::fs::read_to_string(&self.path) else {
            if self.path.exists() {
                return self.move_aside("it is not readable text");
            }
            return Recovered::Nothing;
        };
        match ron::Options::default().from_str::<AutosaveFile>(&text) {
            Ok(file) if file.format_version == 1 => Recovered::Edits(Box::new(file)),
            Ok(_) => self.move_aside("it is from another format version"),
            Err(e) => self.move_aside(&e.to_string()),
        }
    }

    fn move_aside(&self, reason: &str) -> Recovered {
        let mut target = self.path.with_extension("ron.corrupt");
        let mut n = 1;
        while target.exists() && n < 100 {
            target = self.path.with_extension(format!("ron.corrupt-{n}"));
            n += 1;
        }
        if std::fs::rename(&self.path, &target).is_ok() {
            Recovered::MovedAside(target, reason.to_owned())
        } else {
            let _ = std::fs::remove_file(&self.path);
            Recovered::MovedAside(
                self.path.clone(),
                format!("{reason}; it could not be moved, so it was removed"),
            )
        }
    }

    /// Call every frame with the document; writes when edits have rested for
    /// [`AUTOSAVE_DELAY`]. Returns how long until it wants to run again.
    pub fn tick(
        &mut self,
        workload: &Workload,
        original_path: Option<&Path>,
        dirty: bool,
        now: Instant,
    ) -> Option<Duration> {
        if !dirty {
            self.pending = None;
            if self.written.is_some() {
                self.clear();
            }
            return None;
        }
        if self.written.as_ref() == Some(workload) {
            self.pending = None;
            return None;
        }
        let since = match &self.pending {
            Some((snapshot, since)) if snapshot == workload => *since,
            _ => {
                self.pending = Some((workload.clone(), now));
                now
            }
        };
        let waited = now.saturating_duration_since(since);
        if waited < AUTOSAVE_DELAY {
            return Some(AUTOSAVE_DELAY.saturating_sub(waited));
        }
        self.write(workload, original_path);
        None
    }

    /// Writes the edits now.
    pub fn write(&mut self, workload: &Workload, original_path: Option<&Path>) {
        let file = AutosaveFile {
            format_version: 1,
            original_path: original_path.map(Path::to_path_buf),
            workload: workload.clone(),
        };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new()).unwrap_or_default();
        if let Some(dir) = self.path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        match crate::fsio::write_atomic(&self.path, text.as_bytes()) {
            Ok(()) => {
                self.written = Some(workload.clone());
                self.pending = None;
                self.error = None;
            }
            Err(e) => {
                // Try again after the next edit rather than every frame.
                self.written = Some(workload.clone());
                self.error = Some(format!("Autosave failed: {e}"));
            }
        }
    }

    /// Removes the autosave (after a save, or when edits are discarded).
    pub fn clear(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        self.written = None;
        self.pending = None;
    }
}

/// Adds a path to the front of the recent list.
pub fn remember(recent: &mut Vec<PathBuf>, path: &Path) {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    recent.retain(|p| *p != path);
    recent.insert(0, path);
    recent.truncate(RECENT_MAX);
}

/// The default data folder for autosave.
#[must_use]
pub fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "serverless-advisor", "serverless-advisor").map_or_else(
        || std::env::temp_dir().join("serverless-advisor"),
        |d| d.data_dir().to_path_buf(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_without_an_extension_gets_its_files_extension() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut prompt = PathPrompt::new(Purpose::SaveAs, &dir.path().join("x.ron"));
        prompt.text = dir.path().join("checkout-api").display().to_string();
        assert_eq!(
            prompt.check().expect("a path"),
            dir.path().join("checkout-api.ron")
        );
        prompt.purpose = Purpose::Export(ReportFormat::Md);
        assert_eq!(
            prompt.check().expect("a path"),
            dir.path().join("checkout-api.md")
        );
        // A name with its own extension is kept as typed.
        prompt.text = dir.path().join("decision.txt").display().to_string();
        assert_eq!(prompt.check().expect("a path"), dir.path().join("decision.txt"));
    }

    #[test]
    fn autosave_waits_for_typing_to_stop_then_writes_and_clears() {
        let dir = tempfile::tempdir().expect("dir");
        let mut autosave = Autosave::new(dir.path());
        let mut w = Workload::default();
        let t0 = Instant::now();
        w.name = "a".into();
        assert!(autosave.tick(&w, None, true, t0).is_some());
        assert!(!autosave.path.exists());
        // Another edit restarts the wait.
        w.name = "ab".into();
        assert!(
            autosave
                .tick(&w, None, true, t0 + Duration::from_secs(1))
                .is_some()
        );
        assert!(
            autosave
                .tick(&w, None, true, t0 + Duration::from_secs(2))
                .is_some()
        );
        assert!(!autosave.path.exists());
        assert!(
            autosave
                .tick(&w, None, true, t0 + Duration::from_millis(2600))
                .is_none()
        );
        assert!(autosave.path.exists());
        match autosave.recover() {
            Recovered::Edits(file) => assert_eq!(file.workload.name, "ab"),
            other => panic!("{other:?}"),
        }
        // Saved: the autosave goes away.
        autosave.tick(&w, None, false, t0 + Duration::from_secs(3));
        assert!(!autosave.path.exists());
    }

    #[test]
    fn corrupt_autosave_is_moved_aside() {
        let dir = tempfile::tempdir().expect("dir");
        let autosave = Autosave::new(dir.path());
        std::fs::write(&autosave.path, "AutosaveFile(garbage").expect("write");
        match autosave.recover() {
            Recovered::MovedAside(to, _) => {
                assert!(to.exists());
                assert!(!autosave.path.exists());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn prompt_checks_paths() {
        let dir = tempfile::tempdir().expect("dir");
        let mut prompt = PathPrompt::new(Purpose::Open, &dir.path().join("missing.ron"));
        assert!(prompt.check().expect_err("missing").contains("does not exist"));
        prompt.purpose = Purpose::SaveAs;
        assert!(prompt.check().is_ok());
        prompt.text = dir.path().join("no/such/dir/x.ron").display().to_string();
        assert!(prompt.check().expect_err("no folder").contains("does not exist"));
        prompt.text = "   ".into();
        assert!(prompt.check().is_err());
    }
}

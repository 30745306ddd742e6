//! The app: owns the workload, the latest assessment and the window state;
//! draws the screens and applies the commands they return.

use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use super::catalogue_view::{self, CatalogueView};
use super::charts::PlotCache;
use super::files::{self, Autosave, AutosaveFile, BrowseJob, BrowseResult, PathPrompt, Purpose, Recovered};
use super::questionnaire::{self, Step};
use super::results;
use crate::advice::{self, AdviceRules, Assessment};
use crate::catalogue::{Catalogue, Layout, layout};
use crate::cli::{Args, ReportFormat};
use crate::pricing::PriceBook;
use crate::source::FileError;
use crate::workload::Workload;

/// How the window is started.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// A workload to open.
    pub file: Option<PathBuf>,
    /// A price book to use instead of the built-in one.
    pub pricing: Option<PathBuf>,
    /// A folder of extra patterns.
    pub catalogue: Option<PathBuf>,
    /// Advice weights and thresholds to use instead of the built-in ones.
    pub advice: Option<PathBuf>,
    /// Where autosaves go (the user's data folder by default).
    pub data_dir: Option<PathBuf>,
    /// Whether Browse opens the native dialog (tests turn it off).
    pub native_dialogs: bool,
    /// Problems found before the window opened (shown in the status bar).
    pub startup_messages: Vec<String>,
    /// Report the first frame and close (see [`super::probe`]).
    pub startup_probe: bool,
}

impl AppOptions {
    /// Options from the command line.
    #[must_use]
    pub fn from_args(args: &Args) -> Self {
        Self {
            file: args.file.clone(),
            pricing: args.pricing.clone(),
            catalogue: args.catalogue.clone(),
            advice: args.advice.clone(),
            data_dir: data_dir_override(),
            native_dialogs: true,
            startup_messages: Vec::new(),
            startup_probe: std::env::var_os(super::probe::ENV).is_some(),
        }
    }
}

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Preferences kept between runs (in eframe's storage; never the user's documents).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The theme.
    pub theme: Theme,
    /// Recently used workload files, newest first.
    pub recent: Vec<PathBuf>,
}

const SETTINGS_KEY: &str = "serverless-advisor-settings";

/// The two tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Questionnaire and results.
    #[default]
    Advisor,
    /// The pattern catalogue.
    Catalogue,
}

/// What the screens ask the app to do, applied after drawing.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start a new workload.
    New,
    /// Ask for a workload to open.
    Open,
    /// Open this workload.
    OpenPath(PathBuf),
    /// Save to the current file (or ask where).
    Save,
    /// Ask where to save.
    SaveAs,
    /// Ask where to export the report.
    Export(ReportFormat),
    /// Ask for a price book.
    LoadPrices,
    /// Ask for a pattern folder.
    LoadCatalogue,
    /// Go back to the price book built into the app.
    BuiltInPrices,
    /// Close the window.
    Quit,
    /// Change the theme.
    SetTheme(Theme),
    /// Put the answers back as they were before the last change.
    Undo,
    /// Make the last undone change again.
    Redo,
    /// Copy the verdict to the clipboard as text.
    CopyVerdict,
    /// Copy the cost table to the clipboard as tab-separated text.
    CopyCostTable,
    /// Show the glossary.
    Glossary,
    /// Show the version and the price book's date.
    About,
    /// Show every message of this session.
    Messages,
}

/// The answers as they were, for Undo and Redo: one step per click, and one
/// per field typed in (the keystrokes in one field join one step).
#[derive(Debug, Default)]
struct History {
    undo: Vec<Workload>,
    redo: Vec<Workload>,
    /// The answers as last recorded.
    base: Option<Workload>,
    /// The field typed in when `base` was recorded: more typing there joins its step.
    typing_in: Option<egui::Id>,
}

/// The most steps Undo goes back.
const UNDO_STEPS: usize = 200;

impl History {
    /// Starts afresh from a new document.
    fn reset(&mut self, w: &Workload) {
        self.undo.clear();
        self.redo.clear();
        self.base = Some(w.clone());
        self.typing_in = None;
    }

    /// Records the answers after a frame; `focus` is the widget with the keyboard focus.
    fn track(&mut self, w: &Workload, focus: Option<egui::Id>) {
        let Some(base) = &self.base else {
            self.base = Some(w.clone());
            return;
        };
        if base == w {
            if focus != self.typing_in {
                self.typing_in = None;
            }
            return;
        }
        let joins = focus.is_some() && focus == self.typing_in;
        if let Some(before) = self.base.replace(w.clone())
            && !joins
        {
            self.undo.push(before);
            if self.undo.len() > UNDO_STEPS {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.typing_in = focus;
    }

    fn undo(&mut self, now: &Workload) -> Option<Workload> {
        let previous = self.undo.pop()?;
        self.redo.push(now.clone());
        self.base = Some(previous.clone());
        self.typing_in = None;
        Some(previous)
    }

    fn redo(&mut self, now: &Workload) -> Option<Workload> {
        let next = self.redo.pop()?;
        self.undo.push(now.clone());
        self.base = Some(next.clone());
        self.typing_in = None;
        Some(next)
    }
}

/// The terms the app uses, explained in the Help menu's glossary.
pub const GLOSSARY: [(&str, &str); 14] = [
    (
        "p99",
        "The response time 99 of 100 requests stay within (the 99th percentile). The latency target is a p99: a serverless option meets it only if its cold starts are rare or short enough.",
    ),
    (
        "Peak-to-average",
        "The busiest hour's traffic divided by the week's average hour. A fleet is sized for the peak; functions follow the traffic hour by hour.",
    ),
    (
        "Cold start",
        "The delay when a platform starts a new instance for a request: loading the runtime and your code. It adds to the response time of the requests that meet it.",
    ),
    (
        "Provisioned concurrency",
        "Instances kept initialised and ready so requests meet no cold start, billed while they wait. AWS Lambda calls them provisioned concurrency, Google Cloud minimum instances, Azure always-ready instances (Flex Consumption) or minimum replicas (Container Apps).",
    ),
    (
        "Hard stop",
        "A limit that rules an option out whatever it costs: a job longer than the platform's time limit, more memory than it offers, hardware it lacks, a private network it cannot join.",
    ),
    (
        "Close call",
        "The two sides score within the close-call margin. The verdict is the side to start on; the other side's cheapest option is the fallback.",
    ),
    (
        "Hybrid",
        "Parts of the workload on different sides in production, e.g. the requests on functions and the longest jobs on containers.",
    ),
    (
        "Confidence",
        "50% plus the leading side's lead in points / 80, at most 95%: it grows with the lead and says how far the answers would have to move, not how likely the costs are. Fixed when hard stops leave only one side, or when the work is split by parts.",
    ),
    (
        "Score",
        "Each reason adds its weight x its strength (0 to 10, as a share of 10) to the side it leans to; a side's score is 100 x that sum / the total weight of all reasons.",
    ),
    (
        "Break-even",
        "The monthly volume at which the cheapest function option and the fleet cost the same; below it functions are cheaper, above it servers usually are.",
    ),
    (
        "Flip point",
        "The nearest value of one answer, everything else held, at which the verdict changes: how far the decision is from turning.",
    ),
    (
        "Commitment",
        "A one- or three-year purchase (savings plan, reservation, committed-use discount) that lowers the price of the steady baseline in return for paying for it whatever the traffic.",
    ),
    (
        "Spot",
        "Spare capacity sold at a discount that the cloud can take back at short notice: for interruptible work such as queue consumers and batch jobs.",
    ),
    (
        "Payback",
        "The months a move takes to repay its one-off cost (effort x engineer-day cost) from its monthly saving.",
    ),
];

/// An action waiting for the user to confirm discarding unsaved changes.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

/// What is derived from the workload; rebuilt only when the workload or the price book changes.
#[derive(Default)]
struct Derived {
    for_workload: Option<Workload>,
    problems: Vec<FileError>,
    assessment: Option<Assessment>,
    plot: Option<PlotCache>,
    layout: Option<Layout>,
    recomputes: u64,
}

/// The serverless-advisor window.
#[allow(clippy::struct_excessive_bools)] // Independent switches of the window's state, not one mode.
pub struct AdvisorApp {
    book: PriceBook,
    book_label: String,
    catalogue: Catalogue,
    rules: AdviceRules,
    workload: Workload,
    path: Option<PathBuf>,
    saved: Workload,
    derived: Derived,
    step: Step,
    tab: Tab,
    catalogue_view: CatalogueView,
    prompt: Option<PathPrompt>,
    /// The folder of the last file opened, saved, exported or loaded here:
    /// where the next path prompt starts.
    last_folder: Option<PathBuf>,
    confirm: Option<Pending>,
    restore: Option<AutosaveFile>,
    autosave: Autosave,
    settings: Settings,
    messages: Vec<Message>,
    native_dialogs: bool,
    quit_confirmed: bool,
    title: String,
    results_jump: Option<results::Section>,
    results_max_scroll: f32,
    probe: Option<super::probe::StartupProbe>,
    /// Number fields whose text is not a number, as of this frame.
    unparsed: Vec<(String, String)>,
    /// Start the number fields afresh next frame (a new workload replaced the old).
    reset_fields: bool,
    /// Show the number fields' values afresh next frame (Undo or Redo changed them).
    refill_fields: bool,
    /// Undo and Redo of the answers.
    history: History,
    /// The action asked for before "Save first" opened the Save As prompt:
    /// it goes on once the workload is saved.
    after_save: Option<Pending>,
    /// Which Help window is open.
    help: Option<Command>,
}

impl AdvisorApp {
    /// Builds the app: loads the price book, catalogue, settings and the file
    /// to open; anything that fails is reported in the window, never fatal.
    #[must_use]
    #[allow(clippy::needless_pass_by_value)] // Owned, so the launch closure can move it in.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(settings.theme.preference());
        let app = Self::with_settings(&options, settings);
        // Problems met while starting also go to the terminal the app was started from.
        for m in app.messages.iter().filter(|m| m.error) {
            eprintln!("serverless-advisor: {}", m.text);
        }
        app
    }

    /// Builds the app without eframe's storage (for tests and benches).
    #[must_use]
    pub fn with_settings(options: &AppOptions, settings: Settings) -> Self {
        let mut messages: Vec<Message> = options
            .startup_messages
            .iter()
            .map(|text| Message {
                text: text.clone(),
                error: true,
            })
            .collect();
        let (book, book_label) = match options.pricing.as_deref().map(PriceBook::load) {
            Some(Ok(book)) => (
                book,
                options
                    .pricing
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ),
            Some(Err(e)) => {
                messages.push(Message {
                    text: format!("Could not load the price book, using the built-in one: {e}"),
                    error: true,
                });
                (built_in_book(), "built-in".to_owned())
            }
            None => (built_in_book(), "built-in".to_owned()),
        };
        let mut catalogue = Catalogue::built_in().unwrap_or_default();
        if let Some(dir) = &options.catalogue {
            match catalogue.load_dir(dir) {
                Ok(outcome) => {
                    for failure in outcome.failures {
                        messages.push(Message {
                            text: format!("Skipped a pattern file: {failure}"),
                            error: true,
                        });
                    }
                }
                Err(e) => messages.push(Message {
                    text: e.to_string(),
                    error: true,
                }),
            }
        }
        let rules = match options.advice.as_deref().map(AdviceRules::load) {
            Some(Ok(rules)) => rules,
            Some(Err(e)) => {
                messages.push(Message {
                    text: format!("Could not load the advice rules, using the built-in ones: {e}"),
                    error: true,
                });
                advice::built_in_rules().clone()
            }
            None => advice::built_in_rules().clone(),
        };
        let data_dir = options.data_dir.clone().unwrap_or_else(files::default_data_dir);
        let autosave = Autosave::new(&data_dir);
        let restore = match autosave.recover() {
            Recovered::Nothing => None,
            Recovered::Edits(file) => {
                eprintln!(
                    "serverless-advisor: unsaved edits from the last session can be restored (\"{}\", {})",
                    file.workload.name,
                    autosave.path.display()
                );
                Some(*file)
            }
            Recovered::MovedAside(to, why) => {
                messages.push(Message {
                    text: format!(
                        "The autosave from the last session could not be read ({why}); it was moved to {}.",
                        to.display()
                    ),
                    error: true,
                });
                None
            }
        };
        let default = sample_workload();
        let mut app = Self {
            book,
            book_label,
            catalogue,
            rules,
            workload: default.clone(),
            path: None,
            saved: default,
            derived: Derived::default(),
            step: Step::default(),
            tab: Tab::default(),
            catalogue_view: CatalogueView::default(),
            prompt: None,
            last_folder: None,
            confirm: None,
            restore,
            autosave,
            settings,
            messages,
            native_dialogs: options.native_dialogs,
            quit_confirmed: false,
            title: String::new(),
            results_jump: None,
            results_max_scroll: 0.0,
            probe: options.startup_probe.then(super::probe::StartupProbe::default),
            unparsed: Vec::new(),
            reset_fields: false,
            refill_fields: false,
            history: History::default(),
            after_save: None,
            help: None,
        };
        if let Some(file) = &options.file {
            app.open_path(file);
        }
        app.refresh();
        app
    }

    /// Whether Undo has a step to take back (and Redo one to make again).
    #[must_use]
    pub fn can_undo(&self) -> (bool, bool) {
        (!self.history.undo.is_empty(), !self.history.redo.is_empty())
    }

    /// The workload being edited.
    #[must_use]
    pub fn workload(&self) -> &Workload {
        &self.workload
    }

    /// The file the workload belongs to, if saved.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The latest assessment (of the last valid answers).
    #[must_use]
    pub fn assessment(&self) -> Option<&Assessment> {
        self.derived.assessment.as_ref()
    }

    /// The current validation problems.
    #[must_use]
    pub fn problems(&self) -> &[FileError] {
        &self.derived.problems
    }

    /// How many times the assessment has been recomputed (it should only be on change).
    #[must_use]
    pub fn recomputes(&self) -> u64 {
        self.derived.recomputes
    }

    /// Whether there are unsaved changes.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.workload != self.saved
    }

    /// The status messages, oldest first.
    #[must_use]
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// The price book in use.
    #[must_use]
    pub fn book(&self) -> &PriceBook {
        &self.book
    }

    /// The settings to persist.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether edits from a previous session are on offer.
    #[must_use]
    pub fn has_restore_offer(&self) -> bool {
        self.restore.is_some()
    }

    /// Scrolls the results to a section on the next frame (the "Jump to" links).
    pub fn jump_to(&mut self, section: results::Section) {
        self.results_jump = Some(section);
    }

    /// The current step of the questionnaire.
    #[must_use]
    pub fn step(&self) -> Step {
        self.step
    }

    /// The current tab.
    #[must_use]
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The catalogue browser's state.
    #[must_use]
    pub fn catalogue_view(&self) -> &CatalogueView {
        &self.catalogue_view
    }

    /// The catalogue.
    #[must_use]
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    fn say(&mut self, text: impl Into<String>) {
        self.messages.push(Message {
            text: text.into(),
            error: false,
        });
    }

    fn fail(&mut self, text: impl Into<String>) {
        self.messages.push(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Re-validates and reassesses if the workload changed since last time.
    fn refresh(&mut self) {
        if self.derived.for_workload.as_ref() == Some(&self.workload) {
            return;
        }
        self.derived.problems = self.workload.problems(&self.book);
        if self.derived.problems.is_empty() {
            let assessment = advice::assess_with(&self.workload, &self.book, &self.catalogue, &self.rules);
            self.derived.plot = Some(PlotCache::new(&assessment));
            self.derived.layout = self
                .catalogue
                .get(&assessment.pattern.id)
                .map(|p| layout(&p.on(assessment.workload.provider)));
            self.derived.assessment = Some(assessment);
        }
        self.derived.for_workload = Some(self.workload.clone());
        self.derived.recomputes += 1;
    }

    /// The workload's validation problems plus number fields whose text is
    /// not a number (the workload still holds the last number there).
    #[must_use]
    pub fn problems_now(&self) -> Vec<FileError> {
        let mut problems = self.derived.problems.clone();
        problems.extend(self.unparsed.iter().map(|(field, text)| {
            let (problem, allowed) = super::widgets::why_unparsed(field, text);
            FileError {
                file: String::new(),
                line: 0,
                column: 0,
                field: field.clone(),
                problem,
                value: text.clone(),
                allowed,
            }
        }));
        problems
    }

    fn invalidate(&mut self) {
        self.derived.for_workload = None;
    }

    /// Opens a workload file; syntax errors keep the current document, range
    /// errors open it with the problems shown at their fields.
    pub fn open_path(&mut self, path: &Path) {
        let text = match crate::source::read_text(path) {
            Ok(text) => text,
            Err(e) => return self.fail(e.to_string()),
        };
        match Workload::from_ron(&text, &path.display().to_string(), &self.book) {
            Ok(workload) => {
                self.workload = workload.clone();
                self.saved = workload;
                self.path = Some(path.to_path_buf());
                files::remember(&mut self.settings.recent, path);
                self.autosave.clear();
                self.reset_fields = true;
                self.say(format!("Opened {}", short(path)));
            }
            Err(e) => match ron::Options::default().from_str::<Workload>(&text) {
                // It parses, so only ranges are wrong: open it and show them at their fields.
                Ok(workload) => {
                    self.workload = workload.clone();
                    self.saved = workload;
                    self.path = Some(path.to_path_buf());
                    files::remember(&mut self.settings.recent, path);
                    self.reset_fields = true;
                    self.fail(format!("Opened {} with problems to fix: {e}", path.display()));
                }
                Err(_) => self.fail(format!("Could not open the file: {e}")),
            },
        }
    }

    /// Saves to `path` atomically.
    pub fn save_to(&mut self, path: &Path) {
        if let Some((field, text)) = self.unparsed.first() {
            return self.fail(format!(
                "Not saved: {} holds \"{text}\", which it cannot take. Fix it first, or the file would keep the last value there.",
                questionnaire::field_label(field)
            ));
        }
        match crate::fsio::write_atomic(path, self.workload.to_ron().as_bytes()) {
            Ok(()) => {
                self.saved = self.workload.clone();
                self.path = Some(path.to_path_buf());
                files::remember(&mut self.settings.recent, path);
                self.autosave.clear();
                self.say(format!("Saved {}", short(path)));
            }
            Err(e) => self.fail(format!("{e}. The file on disk is unchanged.")),
        }
    }

    /// Writes the report in `format` to `path` atomically.
    pub fn export_to(&mut self, path: &Path, format: ReportFormat) {
        let Some(a) = &self.derived.assessment else {
            return self.fail("Fix the highlighted answers before exporting.");
        };
        if !self.problems_now().is_empty() {
            return self.fail("Fix the highlighted answers before exporting.");
        }
        let text = match format {
            ReportFormat::Json => match crate::report::to_json(a) {
                Ok(text) => text,
                Err(e) => return self.fail(format!("Could not write the JSON: {e}")),
            },
            ReportFormat::Md => crate::report::to_markdown(a, &self.catalogue, &self.book),
            ReportFormat::Html => crate::report::to_html(a, &self.catalogue, &self.book),
        };
        match crate::fsio::write_atomic(path, text.as_bytes()) {
            Ok(()) => self.say(format!("Exported {}", short(path))),
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Loads another price book and reassesses.
    pub fn load_prices(&mut self, path: &Path) {
        match PriceBook::load(path) {
            Ok(book) => {
                self.say(format!(
                    "Loaded price book \"{}\" (compiled {})",
                    book.title, book.compiled_on
                ));
                self.book = book;
                self.book_label = path.display().to_string();
                self.invalidate();
            }
            Err(e) => self.fail(format!("Could not load the price book: {e}")),
        }
    }

    fn load_catalogue(&mut self, dir: &Path) {
        match self.catalogue.load_dir(dir) {
            Ok(outcome) => {
                let loaded = outcome.patterns.len();
                for failure in outcome.failures {
                    self.fail(format!("Skipped a pattern file: {failure}"));
                }
                self.say(format!(
                    "Added {} from {}",
                    crate::format::counted(loaded, "pattern"),
                    dir.display()
                ));
                self.invalidate();
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    fn new_document(&mut self) {
        let w = sample_workload();
        self.workload = w.clone();
        self.saved = w;
        self.path = None;
        self.step = Step::Traffic;
        self.autosave.clear();
        self.reset_fields = true;
        self.say("New workload");
    }

    fn suggestion(&self, purpose: Purpose) -> PathBuf {
        let dir = self
            .last_folder
            .clone()
            .filter(|d| d.is_dir())
            .or_else(|| self.path.as_deref().and_then(Path::parent).map(Path::to_path_buf))
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
        let stem = self
            .path
            .as_deref()
            .and_then(Path::file_stem)
            .map_or_else(|| slug(&self.workload.name), |s| s.to_string_lossy().into_owned());
        match purpose {
            Purpose::Open => dir,
            Purpose::SaveAs => dir.join(format!("{stem}.ron")),
            Purpose::Export(format) => dir.join(format!("{stem}.{}", files::extension(format))),
            // A price book that is there, else the folder to pick one from.
            Purpose::LoadPrices => Some(dir.join("pricing.ron"))
                .filter(|p| p.is_file())
                .unwrap_or(dir),
            Purpose::LoadCatalogue => dir.join("patterns"),
        }
    }

    fn ask_path(&mut self, purpose: Purpose) {
        let suggestion = self.suggestion(purpose);
        let mut prompt = PathPrompt::new(purpose, &suggestion);
        if suggestion.is_dir() && purpose != Purpose::LoadCatalogue {
            prompt.text = suggestion.display().to_string() + std::path::MAIN_SEPARATOR_STR;
        }
        self.prompt = Some(prompt);
    }

    /// Applies a command from the menus, shortcuts or buttons.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New => self.guard(Pending::New, ctx),
            Command::Open => self.guard(Pending::Open, ctx),
            Command::OpenPath(path) => self.guard(Pending::OpenPath(path), ctx),
            Command::Save => match self.path.clone() {
                Some(path) => self.save_to(&path),
                None => self.ask_path(Purpose::SaveAs),
            },
            Command::SaveAs => self.ask_path(Purpose::SaveAs),
            Command::Export(format) => {
                // Say so before asking where, not after.
                let problems = self.problems_now().len();
                if problems > 0 {
                    self.fail(format!(
                        "Nothing to export yet: {} (see the list above the results).",
                        questionnaire::answers_need_fixing(problems)
                    ));
                } else {
                    self.ask_path(Purpose::Export(format));
                }
            }
            Command::LoadPrices => self.ask_path(Purpose::LoadPrices),
            Command::LoadCatalogue => self.ask_path(Purpose::LoadCatalogue),
            Command::BuiltInPrices => {
                self.book = built_in_book();
                "built-in".clone_into(&mut self.book_label);
                self.invalidate();
                self.say(format!(
                    "Using the built-in price book (compiled {})",
                    self.book.compiled_on
                ));
            }
            // Unsaved edits are asked about first, as closing the window does.
            Command::Quit => self.guard(Pending::Quit, ctx),
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
            Command::Undo | Command::Redo => {
                let changed = if command == Command::Undo {
                    self.history.undo(&self.workload)
                } else {
                    self.history.redo(&self.workload)
                };
                match changed {
                    Some(w) => {
                        self.workload = w;
                        self.refill_fields = true;
                        ctx.memory_mut(egui::Memory::stop_text_input);
                    }
                    None if command == Command::Undo => self.say("Nothing to undo"),
                    None => self.say("Nothing to redo"),
                }
            }
            Command::CopyVerdict | Command::CopyCostTable => match &self.derived.assessment {
                Some(a) => {
                    let (text, what) = if command == Command::CopyVerdict {
                        (crate::report::verdict_text(a), "the verdict")
                    } else {
                        (
                            crate::report::cost_table_text(a),
                            "the cost table (tab-separated)",
                        )
                    };
                    ctx.copy_text(text);
                    self.say(format!("Copied {what} to the clipboard"));
                }
                None => self.fail("Nothing to copy yet: fix the answers marked in the questionnaire first."),
            },
            Command::Glossary | Command::About | Command::Messages => self.help = Some(command),
        }
    }

    /// Runs an action now, or asks first when it would discard unsaved changes.
    fn guard(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.is_dirty() {
            self.confirm = Some(pending);
        } else {
            self.run_pending(pending, ctx);
        }
    }

    fn run_pending(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New => self.new_document(),
            Pending::Open => self.ask_path(Purpose::Open),
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::Quit => {
                self.quit_confirmed = true;
                self.autosave.clear();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn shortcuts(ctx: &egui::Context) -> Vec<Command> {
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            // With Shift first: Ctrl+S also matches Ctrl+Shift+S.
            for (key, command) in [(Key::S, Command::SaveAs), (Key::Z, Command::Redo)] {
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key)) {
                    out.push(command);
                }
            }
            for (key, command) in [
                (Key::N, Command::New),
                (Key::O, Command::Open),
                (Key::S, Command::Save),
                (Key::E, Command::Export(ReportFormat::Html)),
                (Key::Z, Command::Undo),
                (Key::Y, Command::Redo),
                (Key::Q, Command::Quit),
            ] {
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                    out.push(command);
                }
            }
        });
        out
    }

    fn menu_bar(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.add(egui::Button::new("New").shortcut_text("Ctrl+N")).clicked() {
                    out.push(Command::New);
                }
                if ui
                    .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    out.push(Command::Open);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in &self.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            out.push(Command::OpenPath(path.clone()));
                        }
                    }
                });
                ui.separator();
                if ui
                    .add(egui::Button::new("Save").shortcut_text("Ctrl+S"))
                    .clicked()
                {
                    out.push(Command::Save);
                }
                if ui
                    .add(egui::Button::new("Save as…").shortcut_text("Ctrl+Shift+S"))
                    .clicked()
                {
                    out.push(Command::SaveAs);
                }
                ui.separator();
                ui.menu_button("Export report", |ui| {
                    if ui
                        .add(egui::Button::new("HTML page…").shortcut_text("Ctrl+E"))
                        .clicked()
                    {
                        out.push(Command::Export(ReportFormat::Html));
                    }
                    if ui.button("Markdown decision record…").clicked() {
                        out.push(Command::Export(ReportFormat::Md));
                    }
                    if ui.button("JSON…").clicked() {
                        out.push(Command::Export(ReportFormat::Json));
                    }
                });
                ui.separator();
                if ui.button("Load price book…").clicked() {
                    out.push(Command::LoadPrices);
                }
                if self.book_label != "built-in" && ui.button("Use the built-in price book").clicked() {
                    out.push(Command::BuiltInPrices);
                }
                if ui.button("Add pattern folder…").clicked() {
                    out.push(Command::LoadCatalogue);
                }
                ui.separator();
                if ui.add(egui::Button::new("Quit").shortcut_text("Ctrl+Q")).clicked() {
                    out.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = self.can_undo();
                if ui
                    .add_enabled(undo, egui::Button::new("Undo").shortcut_text("Ctrl+Z"))
                    .on_hover_text("Put the answers back as they were before the last change")
                    .clicked()
                {
                    out.push(Command::Undo);
                }
                if ui
                    .add_enabled(redo, egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"))
                    .on_hover_text("Make the last undone change again (also Ctrl+Y)")
                    .clicked()
                {
                    out.push(Command::Redo);
                }
                ui.separator();
                let assessed = self.derived.assessment.is_some();
                if ui
                    .add_enabled(assessed, egui::Button::new("Copy verdict"))
                    .on_hover_text("The verdict, its confidence, the one-line why and what to build, as text")
                    .clicked()
                {
                    out.push(Command::CopyVerdict);
                }
                if ui
                    .add_enabled(assessed, egui::Button::new("Copy cost table"))
                    .on_hover_text("Every option's monthly bill as tab-separated text: pastes into a spreadsheet as columns")
                    .clicked()
                {
                    out.push(Command::CopyCostTable);
                }
            });
            ui.menu_button("View", |ui| {
                for (theme, name) in [
                    (Theme::System, "System theme"),
                    (Theme::Light, "Light theme"),
                    (Theme::Dark, "Dark theme"),
                ] {
                    if ui.radio(self.settings.theme == theme, name).clicked() {
                        out.push(Command::SetTheme(theme));
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Glossary…").clicked() {
                    out.push(Command::Glossary);
                }
                if ui.button("Messages of this session…").clicked() {
                    out.push(Command::Messages);
                }
                ui.separator();
                if ui.button("About serverless-advisor…").clicked() {
                    out.push(Command::About);
                }
            });
            ui.separator();
            let tabs = [
                ("Advisor", self.tab == Tab::Advisor, None),
                ("Pattern catalogue", self.tab == Tab::Catalogue, None),
            ];
            let width = ui.available_width() - 130.0;
            ui.allocate_ui(
                egui::Vec2::new(width.max(200.0), 22.0),
                |ui| match super::widgets::tab_strip(ui, "tabs", &tabs) {
                    Some(0) => self.tab = Tab::Advisor,
                    Some(_) => self.tab = Tab::Catalogue,
                    None => {}
                },
            );
            let prices = if self.book_label == "built-in" {
                RichText::new(format!("Prices of {}", self.book.compiled_on)).small()
            } else {
                // A price book the user loaded: say so where it is seen.
                RichText::new(format!("Loaded prices of {}", self.book.compiled_on))
                    .small()
                    .strong()
                    .color(ui.visuals().warn_fg_color)
            };
            ui.label(prices).on_hover_ui(|ui| {
                let (from, to) = self.book.read_range();
                ui.label(format!(
                    "{} ({})\nSources read between {from} and {to}.",
                    self.book.title, self.book_label
                ));
            });
        });
        out
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let name = self.path.as_deref().map_or_else(
                || "unsaved workload".to_owned(),
                |p| {
                    p.file_name()
                        .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
                },
            );
            if self.is_dirty() {
                ui.label(RichText::new(format!("• {name} (unsaved changes)")).strong());
            } else {
                ui.label(name);
            }
            if let Some(error) = self.autosave.error.clone() {
                ui.separator();
                ui.label(RichText::new(error).color(super::widgets::error_color(ui)));
            }
            if let Some(last) = self.messages.last() {
                ui.separator();
                let color = if last.error {
                    super::widgets::error_color(ui)
                } else {
                    ui.visuals().text_color()
                };
                let response = ui.label(RichText::new(&last.text).color(color));
                if self.messages.len() > 1 {
                    response.on_hover_ui(|ui| {
                        for m in self.messages.iter().rev().take(10) {
                            ui.label(m.text.as_str());
                        }
                    });
                }
                // Problems that a later message pushed out of sight stay flagged.
                let earlier: Vec<&Message> = self.messages[..self.messages.len() - 1]
                    .iter()
                    .filter(|m| m.error)
                    .collect();
                if !earlier.is_empty() {
                    ui.separator();
                    let n = earlier.len();
                    let flag = format!("⚠ {n} earlier problem{}", if n == 1 { "" } else { "s" });
                    let clicked = ui
                        .add(
                            egui::Button::new(RichText::new(flag).color(super::widgets::error_color(ui)))
                                .frame(false),
                        )
                        .on_hover_ui(|ui| {
                            for m in earlier.iter().rev().take(10) {
                                ui.label(m.text.as_str());
                            }
                            ui.label(RichText::new("Click to see every message of this session.").weak());
                        })
                        .clicked();
                    if clicked {
                        self.help = Some(Command::Messages);
                    }
                }
            }
        });
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) -> Option<(Purpose, PathBuf)> {
        let mut done = None;
        let mut close = false;
        let native = self.native_dialogs;
        let prompt = self.prompt.as_mut()?;
        if let Some(job) = &prompt.browse {
            match job.poll() {
                BrowseResult::Pending => {}
                BrowseResult::Picked(path) => {
                    prompt.text = path.display().to_string();
                    prompt.browse = None;
                    prompt.browse_gave_nothing = false;
                }
                BrowseResult::Nothing => {
                    prompt.browse = None;
                    prompt.browse_gave_nothing = true;
                }
            }
        }
        egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(prompt.purpose.title());
            let label = ui.label("Path");
            let response = ui
                .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            // Read Enter before focusing the field again: Enter is what took the focus away.
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if !enter
                && prompt.browse.is_none()
                && !response.has_focus()
                && prompt.error.is_none()
                && !ui.ctx().memory(|m| m.focused().is_some())
            {
                response.request_focus();
            }
            if let Some(error) = &prompt.error {
                ui.label(RichText::new(format!("⚠ {error}")).color(super::widgets::error_color(ui)));
            }
            if prompt.browse.is_some() {
                ui.label(RichText::new("Waiting for the system file dialog… You can type the path instead at any time.").weak());
            } else if prompt.browse_gave_nothing {
                ui.label(RichText::new("The file dialog returned nothing (cancelled, or no desktop portal): type the path above.").weak());
            }
            ui.horizontal(|ui| {
                if ui.button(prompt.purpose.action()).clicked() || enter {
                    match prompt.check() {
                        Ok(path) => match prompt.mismatch(&path) {
                            // Asked once; the same path confirmed again is written.
                            Some(question) => {
                                prompt.error = Some(question);
                                prompt.mismatch_asked = Some(path);
                            }
                            None => done = Some((prompt.purpose, path)),
                        },
                        Err(message) => prompt.error = Some(message),
                    }
                }
                if native && ui.add_enabled(prompt.browse.is_none(), egui::Button::new("Browse…")).clicked() {
                    let suggestion = prompt.path().unwrap_or_default();
                    prompt.browse = Some(BrowseJob::spawn(ui.ctx(), prompt.purpose, &suggestion));
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    close = true;
                }
            });
        });
        if close {
            // Cancelled: an action waiting for a save does not go on.
            self.after_save = None;
        }
        if close || done.is_some() {
            self.prompt = None;
            // Keys typed next must not land in a form field the dialog was over.
            ctx.memory_mut(egui::Memory::stop_text_input);
        }
        done
    }

    fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.confirm.clone() else {
            return;
        };
        let name = self
            .path
            .as_deref()
            .map_or_else(|| "the unsaved workload".to_owned(), |p| p.display().to_string());
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("confirm-discard")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Unsaved changes");
            ui.label(format!("{name} has changes that are not saved. Discard them?"));
            ui.horizontal(|ui| {
                if ui.button("Save first").clicked() {
                    choice = Some(0);
                }
                if ui.button("Discard changes").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                self.confirm = None;
                if let Some(path) = self.path.clone() {
                    self.save_to(&path);
                    if !self.is_dirty() {
                        self.run_pending(pending, ctx);
                    }
                } else {
                    // Once the Save As prompt has saved it, the action goes on.
                    self.after_save = Some(pending);
                    self.ask_path(Purpose::SaveAs);
                }
            }
            Some(1) => {
                // The edits stay marked unsaved until the action replaces them
                // (a new workload, an opened file): cancelling the Open prompt
                // that follows must not lose them.
                self.confirm = None;
                self.run_pending(pending, ctx);
            }
            Some(_) => self.confirm = None,
            None => {}
        }
    }

    fn restore_ui(&mut self, ctx: &egui::Context) {
        let Some(file) = &self.restore else { return };
        let whose = file
            .original_path
            .as_deref()
            .map_or_else(|| "an unsaved workload".to_owned(), |p| p.display().to_string());
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("restore-autosave")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading("Restore unsaved changes?");
            ui.label(format!(
                "The last session ended without saving its changes to {whose} (\"{}\"). Restore them?",
                file.workload.name
            ));
            ui.horizontal(|ui| {
                let restore = ui.button("Restore");
                // Restore has the keyboard focus: Enter or Space takes it, Tab moves to Discard.
                if ui.memory(|m| m.focused().is_none()) {
                    restore.request_focus();
                }
                if restore.clicked() {
                    choice = Some(true);
                }
                if ui.button("Discard").clicked() {
                    choice = Some(false);
                }
            });
        });
        match choice {
            Some(true) => {
                if let Some(file) = self.restore.take() {
                    let original = file
                        .original_path
                        .as_deref()
                        .and_then(|p| Workload::load(p, &self.book).ok());
                    self.saved = original.unwrap_or_else(sample_workload);
                    self.path = file.original_path;
                    self.workload = file.workload;
                    self.reset_fields = true;
                    self.say("Restored the unsaved changes from the last session");
                }
            }
            Some(false) => {
                self.restore = None;
                self.autosave.clear();
                self.say("Discarded the unsaved changes from the last session");
            }
            None => {}
        }
    }

    /// The Help menu's windows: the glossary, this session's messages, About.
    fn help_ui(&mut self, ctx: &egui::Context) {
        let Some(which) = self.help.clone() else { return };
        let mut open = true;
        let title = match which {
            Command::Glossary => "Glossary",
            Command::Messages => "Messages of this session",
            _ => "About serverless-advisor",
        };
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(520.0)
            .max_height(ctx.content_rect().height() - 80.0)
            .show(ctx, |ui| match which {
                Command::Glossary => {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        for (term, meaning) in GLOSSARY {
                            ui.label(RichText::new(term).strong());
                            ui.label(meaning);
                            ui.add_space(4.0);
                        }
                    });
                }
                Command::Messages => {
                    if self.messages.is_empty() {
                        ui.label("No messages yet.");
                    }
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        for m in self.messages.iter().rev() {
                            let text = if m.error {
                                RichText::new(format!("⚠ {}", m.text)).color(super::widgets::error_color(ui))
                            } else {
                                RichText::new(&m.text)
                            };
                            ui.label(text);
                        }
                    });
                }
                _ => {
                    ui.label(RichText::new(format!("serverless-advisor {}", env!("CARGO_PKG_VERSION"))).strong());
                    ui.label("Serverless functions or servers and containers: the fit, the hard stops, every option priced on AWS, Google Cloud and Azure, and the decision record.");
                    ui.add_space(4.0);
                    let (from, to) = self.book.read_range();
                    ui.label(format!(
                        "Price book: {} ({}), compiled {}; its sources were read between {from} and {to}.",
                        self.book.title, self.book_label, self.book.compiled_on
                    ));
                    ui.label("Prices are list prices unless the pricing step asks for a commitment, spot or a negotiated discount; check the sources in the reports before you sign.");
                }
            });
        if !open {
            self.help = None;
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let file = self
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| "untitled".to_owned(), |n| n.to_string_lossy().into_owned());
        let title = format!(
            "{}{} ({file}) · serverless-advisor",
            if self.is_dirty() { "• " } else { "" },
            self.workload.name
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn advisor_tab(&mut self, ui: &mut Ui, fresh: bool) {
        // Once a frame, for both panels.
        let problems = self.problems_now();
        egui::Panel::left("questionnaire")
            .resizable(true)
            .default_size(380.0)
            .min_size(300.0)
            // The results keep most of the window, whatever the answers hold.
            .max_size(560.0)
            .show(ui, |ui| {
                questionnaire::ui(ui, &mut self.step, &mut self.workload, &self.book, &problems);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            // The jump links stay above the scrolled results, in reach wherever the reader is.
            if let Some(a) = &self.derived.assessment {
                if let Some(section) = results::jump_bar(ui, a) {
                    self.results_jump = Some(section);
                    ui.ctx().request_repaint();
                }
                ui.add_space(2.0);
            }
            let mut area = egui::ScrollArea::vertical()
                .id_salt("results-scroll")
                .auto_shrink([false, false]);
            if fresh {
                area = area.vertical_scroll_offset(0.0);
            } else if let Some(top) = self
                .results_jump
                .take()
                .and_then(|s| results::section_top(ui.ctx(), s))
            {
                // Past the end the area would overscroll and spring back: stop at the end.
                area = area.vertical_scroll_offset(top.min(self.results_max_scroll));
            }
            let out = area.show_viewport(ui, |ui, viewport| {
                results::ui(
                    ui,
                    viewport,
                    self.derived.assessment.as_ref(),
                    &problems,
                    self.derived.plot.as_ref(),
                    self.derived.layout.as_ref(),
                );
            });
            self.results_max_scroll = (out.content_size.y - out.inner_rect.height()).max(0.0);
        });
    }
}

impl eframe::App for AdvisorApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        // A new workload replaced the old: fields start afresh, results from the verdict down.
        let fresh = std::mem::take(&mut self.reset_fields);
        let refill = std::mem::take(&mut self.refill_fields);
        if fresh || refill {
            super::widgets::reset_number_fields(&ctx);
        }
        if fresh {
            self.history.reset(&self.workload);
        }
        self.unparsed = super::widgets::unparsed_fields(&ctx);
        if let Some(probe) = &mut self.probe {
            probe.frame(&ctx);
        }
        // Closing with unsaved changes asks first.
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Pending::Quit);
        }
        let modal_open = self.prompt.is_some() || self.confirm.is_some() || self.restore.is_some();
        let mut commands = if modal_open {
            Vec::new()
        } else {
            Self::shortcuts(&ctx)
        };

        egui::Panel::top("menu").show(ui, |ui| commands.extend(self.menu_bar(ui)));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        match self.tab {
            Tab::Advisor => self.advisor_tab(ui, fresh),
            Tab::Catalogue => {
                egui::CentralPanel::default().show(ui, |ui| {
                    let matched = self.derived.assessment.as_ref().map(|a| a.pattern.id.as_str());
                    catalogue_view::ui(
                        ui,
                        &mut self.catalogue_view,
                        &self.catalogue,
                        matched,
                        self.workload.provider,
                    );
                });
            }
        }
        if let Some((purpose, path)) = self.prompt_ui(&ctx) {
            let folder = if purpose == Purpose::LoadCatalogue {
                Some(path.clone())
            } else {
                path.parent().map(Path::to_path_buf)
            };
            self.last_folder = folder.filter(|d| d.is_dir()).or(self.last_folder.take());
            match purpose {
                Purpose::Open => self.open_path(&path),
                Purpose::SaveAs => {
                    self.save_to(&path);
                    if let Some(pending) = self.after_save.take()
                        && !self.is_dirty()
                    {
                        self.run_pending(pending, &ctx);
                    }
                }
                Purpose::Export(format) => self.export_to(&path, format),
                Purpose::LoadPrices => self.load_prices(&path),
                Purpose::LoadCatalogue => self.load_catalogue(&path),
            }
        }
        results::explorer_window(
            &ctx,
            self.derived.plot.as_ref(),
            self.derived.assessment.as_ref(),
            &self.book,
            &self.rules,
        );
        self.confirm_ui(&ctx);
        self.restore_ui(&ctx);
        self.help_ui(&ctx);
        for command in commands {
            self.apply(command, &ctx);
        }
        self.history
            .track(&self.workload, ctx.memory(egui::Memory::focused));
        // Recompute only when the answers changed; the next frame shows the result.
        let before = self.derived.recomputes;
        self.refresh();
        if self.derived.recomputes != before {
            ctx.request_repaint();
        }
        if self.restore.is_none()
            && let Some(wait) = self.autosave.tick(
                &self.workload,
                self.path.as_deref(),
                self.is_dirty(),
                Instant::now(),
            )
        {
            ctx.request_repaint_after(wait);
        }
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// The data folder named by `SERVERLESS_ADVISOR_DATA_DIR`, if set.
#[must_use]
pub fn data_dir_override() -> Option<PathBuf> {
    std::env::var_os("SERVERLESS_ADVISOR_DATA_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn built_in_book() -> PriceBook {
    // The embedded book is validated by the test suite; if it ever failed, the
    // window would still open with an empty-named error rather than crash.
    #[allow(clippy::expect_used)]
    PriceBook::built_in().expect("the built-in price book is valid")
}

/// The workload a new document starts with: the defaults, named.
#[must_use]
pub fn sample_workload() -> Workload {
    Workload {
        name: "New workload".into(),
        ..Workload::default()
    }
}

/// A file's name for the status bar (the full path is in the tooltip and title).
fn short(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A file-name-safe version of a name.
fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let s = s.trim_matches('_').to_owned();
    if s.is_empty() { "workload".into() } else { s }
}

//! The command line: arguments, and the headless commands (`report`,
//! `patterns`). None of this opens a window or needs a display.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::advice;
use crate::advice::AdviceRules;
use crate::catalogue::{self, Catalogue};
use crate::fsio;
use crate::pricing::PriceBook;
use crate::report;
use crate::source::LoadError;
use crate::workload::Workload;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code for a bad input file or a failed write.
pub const EXIT_BAD_FILE: u8 = 1;
/// Exit code for bad usage.
pub const EXIT_USAGE: u8 = 2;

/// Decide whether a workload belongs on serverless functions or on servers and containers.
#[derive(Debug, Parser)]
#[command(name = "serverless-advisor", version, about, long_about = None)]
pub struct Args {
    /// A workload file to open in the window.
    pub file: Option<PathBuf>,
    /// Use this price book instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub pricing: Option<PathBuf>,
    /// Add the patterns in this folder to the built-in catalogue.
    #[arg(long, global = true, value_name = "DIR")]
    pub catalogue: Option<PathBuf>,
    /// Use these advice weights and thresholds instead of the built-in ones
    /// (a copy of assets/advice.ron, tuned).
    #[arg(long, global = true, value_name = "FILE")]
    pub advice: Option<PathBuf>,
    /// A headless command; without one the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Assess a workload file and write the report.
    Report {
        /// The workload file (RON, format version 1).
        file: PathBuf,
        /// Report format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        /// Write here (atomically) instead of to standard output.
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// List the pattern catalogue, or check a folder of pattern files.
    Patterns {
        /// Listing format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Check the pattern files in this folder and report each bad one.
        #[arg(long, value_name = "DIR")]
        check: Option<PathBuf>,
    },
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// JSON, schema version 1.
    Json,
    /// Markdown decision record (MADR).
    Md,
    /// Self-contained HTML page.
    Html,
}

/// Catalogue listing formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One line per pattern.
    Text,
    /// An array of patterns.
    Json,
}

/// Loads the price book named on the command line, or the built-in one.
///
/// # Errors
/// A price book that can't be read or is invalid.
pub fn load_prices(path: Option<&Path>) -> Result<PriceBook, LoadError> {
    match path {
        Some(path) => PriceBook::load(path),
        None => PriceBook::built_in(),
    }
}

/// The built-in catalogue plus a user folder; bad user files are reported on
/// stderr and skipped.
///
/// # Errors
/// A broken built-in catalogue or a folder that can't be read.
pub fn load_catalogue(dir: Option<&Path>, stderr: &mut dyn std::io::Write) -> Result<Catalogue, LoadError> {
    let mut catalogue = Catalogue::built_in()?;
    if let Some(dir) = dir {
        let outcome = catalogue.load_dir(dir)?;
        for failure in &outcome.failures {
            let _ = writeln!(stderr, "warning: skipped a pattern file: {failure}");
        }
    }
    Ok(catalogue)
}

/// Runs a headless command; returns the exit code. Output goes to `stdout`,
/// messages to `stderr`.
#[must_use]
pub fn run_command(
    args: &Args,
    command: &Command,
    stdout: &mut dyn std::io::Write,
    stderr: &mut dyn std::io::Write,
) -> u8 {
    let result = match command {
        Command::Report { file, format, output } => {
            report_command(args, file, *format, output.as_deref(), stdout, stderr)
        }
        Command::Patterns { format, check } => {
            patterns_command(args, *format, check.as_deref(), stdout, stderr)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}");
            EXIT_BAD_FILE
        }
    }
}

fn report_command(
    args: &Args,
    file: &Path,
    format: ReportFormat,
    output: Option<&Path>,
    stdout: &mut dyn std::io::Write,
    stderr: &mut dyn std::io::Write,
) -> Result<u8, String> {
    let book = load_prices(args.pricing.as_deref()).map_err(|e| e.to_string())?;
    let catalogue = load_catalogue(args.catalogue.as_deref(), stderr).map_err(|e| e.to_string())?;
    let rules = match &args.advice {
        Some(path) => AdviceRules::load(path).map_err(|e| e.to_string())?,
        None => advice::built_in_rules().clone(),
    };
    let workload = Workload::load(file, &book).map_err(|e| e.to_string())?;
    let assessment = advice::assess_with(&workload, &book, &catalogue, &rules);
    let text = match format {
        ReportFormat::Json => report::to_json(&assessment).map_err(|e| e.to_string())?,
        ReportFormat::Md => report::to_markdown(&assessment, &catalogue, &book),
        ReportFormat::Html => report::to_html(&assessment, &catalogue, &book),
    };
    match output {
        Some(path) => {
            fsio::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())?;
            let _ = writeln!(stderr, "wrote {}", path.display());
        }
        None => stdout
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write to standard output: {e}"))?,
    }
    Ok(EXIT_OK)
}

fn patterns_command(
    args: &Args,
    format: ListFormat,
    check: Option<&Path>,
    stdout: &mut dyn std::io::Write,
    stderr: &mut dyn std::io::Write,
) -> Result<u8, String> {
    if let Some(dir) = check {
        let outcome = catalogue::check_dir(dir).map_err(|e| e.to_string())?;
        for failure in &outcome.failures {
            let _ = writeln!(stderr, "{failure}");
        }
        let _ = writeln!(
            stdout,
            "{} passed, {} failed in {}",
            crate::format::counted(outcome.patterns.len(), "pattern file"),
            outcome.failures.len(),
            dir.display()
        );
        return Ok(if outcome.failures.is_empty() {
            EXIT_OK
        } else {
            EXIT_BAD_FILE
        });
    }
    let catalogue = load_catalogue(args.catalogue.as_deref(), stderr).map_err(|e| e.to_string())?;
    let text = match format {
        ListFormat::Json => report::patterns_json(&catalogue).map_err(|e| e.to_string())?,
        ListFormat::Text => report::patterns_text(&catalogue),
    };
    stdout
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write to standard output: {e}"))?;
    Ok(EXIT_OK)
}

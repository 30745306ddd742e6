//! serverless-advisor: with a subcommand, a headless command; without, the window.

use std::process::ExitCode;

use clap::Parser as _;
use serverless_advisor::cli::{self, Args, EXIT_USAGE};

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) => {
            // --help and --version print to stdout and succeed; real mistakes exit 2.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    if let Some(command) = &args.command {
        let code = cli::run_command(&args, command, &mut std::io::stdout(), &mut std::io::stderr());
        return ExitCode::from(code);
    }
    open_window(&args)
}

#[cfg(feature = "gui")]
fn open_window(args: &Args) -> ExitCode {
    match serverless_advisor::ui::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(cli::EXIT_BAD_FILE)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_args: &Args) -> ExitCode {
    eprintln!(
        "error: this build has no window (built without the `gui` feature); use `report` or `patterns`"
    );
    ExitCode::from(EXIT_USAGE)
}

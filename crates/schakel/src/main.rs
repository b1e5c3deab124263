//! `schakel`: parses the command line, runs it, and turns the outcome into an exit code with at most
//! one line on standard error. Never panics on bad input.

use std::process::ExitCode;

use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use schakel::cli::Cli;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e),
    };
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let outcome = schakel::run(cli, &env);
    match outcome.result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("schakel: {}", e.one_line(&outcome.secrets));
            ExitCode::from(e.exit_code())
        }
    }
}

/// Help and version go to standard output as usual; a usage error becomes one line naming the
/// argument, exit code 2.
fn clap_error(e: &clap::Error) -> ExitCode {
    if !e.use_stderr() {
        // --help, --version
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let line = match e.kind() {
        ErrorKind::MissingRequiredArgument => match e.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(args)) => format!("{}: is verplicht", args.join(", ")),
            _ => first_line(e),
        },
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "opdracht: kies een opdracht (zie schakel --help)".to_string()
        }
        _ => first_line(e),
    };
    eprintln!("schakel: {line}");
    ExitCode::from(2)
}

fn first_line(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    rendered
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("ongeldige invoer")
        .trim_start_matches("error: ")
        .to_string()
}

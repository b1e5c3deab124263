//! Structured logs to standard error (standard output is kept for what a command reports), as text
//! or JSON. The filter comes from `SCHAKEL_LOG`, else `RUST_LOG`, else the command's default.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;
use crate::error::{CliError, CliResult};

pub fn init(
    format: LogFormat,
    default_filter: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> CliResult<()> {
    let (filter_text, field) = match (env("SCHAKEL_LOG"), env("RUST_LOG")) {
        (Some(f), _) => (f, "SCHAKEL_LOG"),
        (None, Some(f)) => (f, "RUST_LOG"),
        (None, None) => (default_filter.to_string(), "log"),
    };
    let filter = EnvFilter::try_new(&filter_text)
        .map_err(|e| CliError::input(field, format!("ongeldig logfilter: {e}")))?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
    };
    result.map_err(|e| CliError::failure(format!("logging: {e}")))
}

//! `schakel programme import` and the demo's programme: the region's action programme read from
//! its file ([`file`]) and, for the demo, a history of the half-yearly rounds the programme period
//! would have had ([`history`]).

mod file;
mod history;

pub use file::{DEFAULT_PROGRAMME_TOML, parse};
pub use history::seed_demo;

use schakel_domain::programme::Author;

use crate::cli::ProgrammeCommand;
use crate::config::Config;
use crate::db;
use crate::error::{CliError, CliResult};

/// The id of the region's programme when none is given.
pub const DEFAULT_ID: &str = "regio";

/// The command line acts as the system, not as a user.
pub fn system_author() -> Author {
    Author {
        user_id: "system".into(),
        name: "Schakel (beheer)".into(),
    }
}

fn app_error(e: schakel_app::Error) -> CliError {
    match e {
        schakel_app::Error::Invalid(f) => f.into(),
        schakel_app::Error::Store(s) => s.into(),
        other => CliError::failure(other.to_string()),
    }
}

pub async fn run(config: &Config, command: ProgrammeCommand) -> CliResult<()> {
    match command {
        ProgrammeCommand::Import { file, id } => {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                CliError::input("file", format!("{} niet te lezen: {e}", file.display()))
            })?;
            let programme = parse(&text)?;
            let id = id.unwrap_or_else(|| DEFAULT_ID.to_string());
            if !schakel_domain::validate::is_identifier(&id) {
                return Err(CliError::input("id", "alleen letters, cijfers, - en _"));
            }
            let (store, _) = db::open(config).await?;
            let actions = programme.keyed_actions().count();
            let result = schakel_app::programme::import(
                &store,
                &id,
                programme,
                &system_author(),
                time::OffsetDateTime::now_utc(),
            )
            .await;
            store.close().await;
            result.map_err(app_error)?;
            println!("Programma {id} geïmporteerd: {actions} acties.");
            Ok(())
        }
    }
}

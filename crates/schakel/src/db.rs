//! Opening the database the configuration points at. Every command that opens it migrates first.

use schakel_store::{Backend, Store};

use crate::config::{Config, mask_database_url};
use crate::error::{CliError, CliResult};

/// Opens the database (PostgreSQL or SQLite URL when configured, else `<data-dir>/schakel.db`) and
/// brings its schema up to date. Returns the names of the migrations applied now.
pub async fn open(config: &Config) -> CliResult<(Store, Vec<String>)> {
    let store = match &config.database_url {
        Some(url) => Store::connect(url).await.map_err(|e| {
            CliError::failure(format!(
                "database {} niet bereikbaar: {e}",
                mask_database_url(url)
            ))
        })?,
        None => Store::open_sqlite(&config.data_dir).await.map_err(|e| {
            CliError::failure(format!(
                "database in {} niet te openen: {e}",
                config.data_dir.display()
            ))
        })?,
    };
    let applied = store
        .migrate()
        .await
        .map_err(|e| CliError::failure(format!("migratie mislukt: {e}")))?;
    for name in &applied {
        tracing::info!(migration = %name, "migration applied");
    }
    Ok((store, applied))
}

/// A readable name of where the data lives, without secrets.
pub fn describe(config: &Config, store: &Store) -> String {
    match (&config.database_url, store.backend()) {
        (Some(url), _) => mask_database_url(url),
        (None, Backend::Sqlite) => config.data_dir.join("schakel.db").display().to_string(),
        (None, Backend::Postgres) => "postgres".to_string(),
    }
}

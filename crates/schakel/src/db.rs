//! Opening the database the configuration points at. Every command that opens it migrates first.

use schakel_store::{Backend, Store, StoreError};

use crate::config::{Config, mask_database_url};
use crate::error::{CliError, CliResult};

/// Opens the database (PostgreSQL or SQLite URL when configured, else `<data-dir>/schakel.db`) and
/// brings its schema up to date. Returns the names of the migrations applied now.
pub async fn open(config: &Config) -> CliResult<(Store, Vec<String>)> {
    let store = match &config.database_url {
        Some(url) => Store::connect(url).await.map_err(|e| {
            CliError::failure(format!(
                "database {} niet bereikbaar: {}",
                mask_database_url(url),
                one_line(&e.to_string())
            ))
        })?,
        None => Store::open_sqlite(&config.data_dir).await.map_err(|e| {
            CliError::failure(format!(
                "database in {} niet te openen: {}",
                config.data_dir.display(),
                one_line(&e.to_string())
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

/// Opens the database for reading only (`schakel verify`): nothing is created, migrated or
/// changed. A missing, empty or unreadable database is bad input (exit 2), as is one whose schema
/// is behind (run `schakel migrate` first); a corrupt file or an unreachable server is a failure
/// (exit 1); each in one line, at once.
pub async fn open_read_only(config: &Config) -> CliResult<Store> {
    let store = match &config.database_url {
        Some(url) => Store::connect(url).await.map_err(|e| {
            CliError::failure(format!(
                "database {} niet bereikbaar: {}",
                mask_database_url(url),
                one_line(&e.to_string())
            ))
        })?,
        None => {
            let file = config.data_dir.join("schakel.db");
            Store::open_sqlite_read_only(&file)
                .await
                .map_err(|e| match e {
                    StoreError::Missing(what) => CliError::input("data-dir", what),
                    other => CliError::failure(format!(
                        "database {} niet te openen: {}",
                        file.display(),
                        one_line(&other.to_string())
                    )),
                })?
        }
    };
    let pending = store
        .pending_migrations()
        .await
        .map_err(|e| CliError::failure(one_line(&e.to_string())))?;
    if pending > 0 {
        store.close().await;
        return Err(CliError::input(
            "database",
            format!("{pending} migratie(s) nog niet toegepast; voer eerst `schakel migrate` uit"),
        ));
    }
    Ok(store)
}

/// The first line of an error text (a driver message can run over several).
fn one_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_string()
}

/// A readable name of where the data lives, without secrets.
pub fn describe(config: &Config, store: &Store) -> String {
    match (&config.database_url, store.backend()) {
        (Some(url), _) => mask_database_url(url),
        (None, Backend::Sqlite) => config.data_dir.join("schakel.db").display().to_string(),
        (None, Backend::Postgres) => "postgres".to_string(),
    }
}

//! `schakel org list` and `schakel org import FILE`.

use std::path::Path;

use schakel_store::Store;

use crate::cli::OrgCommand;
use crate::config::Config;
use crate::error::{CliError, CliResult};
use crate::{db, region, table};

pub async fn run(config: &Config, command: OrgCommand) -> CliResult<()> {
    // Read the import file before opening the database: a missing file writes nothing.
    let import_text = match &command {
        OrgCommand::Import { file } => Some(std::fs::read_to_string(file).map_err(|e| {
            CliError::input("bestand", format!("{} niet te lezen: {e}", file.display()))
        })?),
        OrgCommand::List => None,
    };
    let (store, _) = db::open(config).await?;
    let result = async {
        region::ensure_region(&store, config.region.as_deref()).await?;
        match (&command, import_text) {
            (OrgCommand::Import { file }, Some(text)) => import(&store, file, &text).await,
            _ => list(&store).await,
        }
    }
    .await;
    store.close().await;
    result
}

async fn import(store: &Store, file: &Path, text: &str) -> CliResult<()> {
    let known: Vec<String> = store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect();
    // Every entry is checked here; only when all are right is anything written.
    let checked = region::parse_import(file, text, &known)?;
    if let Some(r) = &checked.region {
        r.apply(store).await?;
    } else {
        region::write_organisations(store, &checked.organisations).await?;
    }
    println!(
        "{} organisatie(s) ingelezen uit {}.",
        checked.organisations.len(),
        file.display()
    );
    Ok(())
}

async fn list(store: &Store) -> CliResult<()> {
    let all_gemeenten = store.gemeenten().await?.len();
    let rows: Vec<Vec<String>> = store
        .organisations()
        .await?
        .into_iter()
        .map(|o| {
            let gemeenten = if all_gemeenten > 1 && o.gemeenten.len() == all_gemeenten {
                format!("alle {all_gemeenten} gemeenten")
            } else {
                o.gemeenten.join(", ")
            };
            vec![o.name, o.kind.code().to_string(), gemeenten]
        })
        .collect();
    table::print(&["NAAM", "SOORT", "GEMEENTEN"], &rows);
    Ok(())
}

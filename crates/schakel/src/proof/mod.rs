//! Proof under faults and load (issue 8): `schakel bench crash` and `schakel bench soak`. Both make
//! a fresh database ([`Fresh`]: a temporary SQLite folder, or a new PostgreSQL database dropped at
//! the end), prepare it as a demo database, and drive a real server process ([`child::Server`],
//! `schakel bench server`) over its API on 127.0.0.1.

pub mod api;
pub mod child;
pub mod crash;
pub mod soak;

use std::sync::Arc;

use schakel_store::Store;

use crate::bench::{FreshPostgres, Target, target};
use crate::config::Config;
use crate::error::{CliError, CliResult};
use crate::region::Region;
use crate::serve::{MODE_DEMO, MODE_SETTING};
use crate::synthetic::{self, DEFAULT_SEED, YearOptions};
use crate::{db, demo, serve};

/// The name every fresh PostgreSQL database of a benchmark starts with (see [`FreshPostgres`]).
const FRESH_PREFIX: &str = "schakel_bench_";

/// `schakel bench server`: the server the crash test and the soak start. It serves in demo mode
/// (fictional data, second factor waived) and only on a database a benchmark made: one marked as
/// demo and, on PostgreSQL, with a benchmark's database name. Anything else is refused.
pub async fn server(config: &Config) -> CliResult<()> {
    if let Some(url) = &config.database_url
        && !database_name(url).starts_with(FRESH_PREFIX)
    {
        return Err(CliError::input(
            "database-url",
            format!(
                "bench server draait alleen op een database van een benchmark ({FRESH_PREFIX}...)"
            ),
        ));
    }
    let region = Region::load(config.region.as_deref())?;
    let rules = Arc::new(region.rules.clone());
    let (store, _) = db::open(config).await?;
    if store.setting(MODE_SETTING).await?.as_deref() != Some(MODE_DEMO) {
        store.close().await;
        return Err(CliError::failure(
            "bench server draait alleen op een demodatabase die een benchmark maakte",
        ));
    }
    let store = store.with_rules(rules.clone());
    serve::run(store, config.web_config(true, rules), config.listen).await
}

/// The database name in a PostgreSQL URL (the path, without the query).
fn database_name(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(url, |i| &url[i + 3..]);
    let path = after_scheme
        .find('/')
        .map_or("", |i| &after_scheme[i + 1..]);
    path.split('?').next().unwrap_or_default()
}

/// A database made for one run and thrown away after it.
pub enum Fresh {
    Sqlite(tempfile::TempDir),
    Postgres(FreshPostgres),
}

impl Fresh {
    /// A temporary SQLite folder, or with `--database-url postgres://...` a new database on that
    /// server; migrated and prepared as a demo database (region, demo users), with a synthetic year
    /// at `population` scale when that is above 0.
    pub async fn create(config: &Config, region: &Region, population: f64) -> CliResult<Self> {
        let fresh = match target(config)? {
            Target::Sqlite => Fresh::Sqlite(
                tempfile::tempdir()
                    .map_err(|e| CliError::failure(format!("tijdelijke map: {e}")))?,
            ),
            Target::Postgres(server) => Fresh::Postgres(FreshPostgres::create(&server).await?),
        };
        let prepared = fresh.prepare(region, population).await;
        if let Err(e) = prepared {
            fresh.remove().await;
            return Err(e);
        }
        Ok(fresh)
    }

    async fn prepare(&self, region: &Region, population: f64) -> CliResult<()> {
        // The synthetic year's deadlines follow the region's rules, as the server's will.
        let store = self
            .open()
            .await?
            .with_rules(Arc::new(region.rules.clone()));
        let done = async {
            store.migrate().await?;
            demo::prepare(&store, region).await?;
            if population > 0.0 {
                let year = YearOptions {
                    year: None,
                    scale: population,
                    seed: DEFAULT_SEED,
                };
                synthetic::generate_and_record(&store, region, &year).await?;
            }
            Ok::<(), CliError>(())
        }
        .await;
        store.close().await;
        done
    }

    /// A handle on the database (no migration; the caller closes it).
    pub async fn open(&self) -> CliResult<Store> {
        Ok(match self {
            Fresh::Sqlite(dir) => Store::open_sqlite(dir.path()).await?,
            Fresh::Postgres(pg) => Store::connect(&pg.url).await?,
        })
    }

    pub fn engine(&self) -> &'static str {
        match self {
            Fresh::Sqlite(_) => "sqlite",
            Fresh::Postgres(_) => "postgres",
        }
    }

    /// Points a `schakel` command at this database: the data folder as a flag, a PostgreSQL URL
    /// through the environment (not visible in the process list); settings of the caller's own
    /// environment or configuration file cannot redirect it.
    pub fn configure(&self, cmd: &mut tokio::process::Command) {
        cmd.env_remove("SCHAKEL_CONFIG")
            .env_remove("SCHAKEL_DATA_DIR")
            .env_remove("SCHAKEL_DATABASE_URL");
        match self {
            Fresh::Sqlite(dir) => {
                cmd.arg("--data-dir").arg(dir.path());
            }
            Fresh::Postgres(pg) => {
                cmd.env("SCHAKEL_DATABASE_URL", &pg.url);
            }
        }
    }

    /// Removes the database (the folder, or DROP DATABASE); a failure to drop is reported.
    pub async fn remove(self) {
        match self {
            Fresh::Sqlite(dir) => drop(dir),
            Fresh::Postgres(pg) => {
                if let Err(e) = pg.drop_database().await {
                    eprintln!("schakel: {e}");
                }
            }
        }
    }
}

/// `schakel verify` on the database, as its own process: whether it exits 0.
pub async fn verify_passes(fresh: &Fresh) -> CliResult<bool> {
    let mut cmd = tokio::process::Command::new(child::own_binary()?);
    cmd.arg("verify");
    fresh.configure(&mut cmd);
    let out = cmd
        .output()
        .await
        .map_err(|e| CliError::failure(format!("schakel verify starten: {e}")))?;
    if !out.status.success() {
        eprintln!(
            "schakel verify: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(out.status.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_name_is_taken_from_the_url() {
        assert_eq!(
            database_name("postgres://postgres@127.0.0.1:5432/schakel_bench_1_2?sslmode=disable"),
            "schakel_bench_1_2"
        );
        assert_eq!(database_name("postgres://u:p@h/productie"), "productie");
        assert_eq!(database_name("postgres://h"), "");
    }
}

//! The `schakel` binary as a library: configuration (flags, `SCHAKEL_*` environment, optional TOML
//! file), telemetry, region files and the subcommands. `main.rs` only parses the command line and
//! turns the outcome into an exit code: 0 done, 1 failure, 2 bad input (one line on stderr, naming
//! the field).

mod args;
pub mod bench;
pub mod bench_logins;
pub mod bench_pages;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod directory_demo;
pub mod error;
mod inproc;
mod meldcode_demo;
pub mod monitor;
pub mod org;
pub mod programme;
pub mod proof;
pub mod region;
pub mod serve;
pub mod synthetic;
mod table;
pub mod telemetry;
pub mod user;

use cli::{Cli, Command};
use config::Config;
use error::{CliError, CliResult};

/// Runs one command line. `env` looks up environment variables (empty counts as unset). Print an
/// error with [`CliError::one_line`] and [`Outcome::secrets`] so no secret reaches the terminal.
pub fn run(cli: Cli, env: &dyn Fn(&str) -> Option<String>) -> Outcome {
    let config = match Config::resolve(&cli.global, env) {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                result: Err(e),
                secrets: Vec::new(),
            };
        }
    };
    let secrets = config.secrets();
    let result = run_with(&config, cli.command, env);
    Outcome { result, secrets }
}

/// What a run ended with, and the secrets to scrub from any message about it.
pub struct Outcome {
    pub result: CliResult<()>,
    pub secrets: Vec<String>,
}

fn run_with(
    config: &Config,
    command: Command,
    env: &dyn Fn(&str) -> Option<String>,
) -> CliResult<()> {
    telemetry::init(config.log_format, command.default_log_filter(), env)?;
    tracing::debug!(?config, "configuration");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::failure(format!("runtime: {e}")))?;
    runtime.block_on(dispatch(config, command, env))
}

async fn dispatch(
    config: &Config,
    command: Command,
    env: &dyn Fn(&str) -> Option<String>,
) -> CliResult<()> {
    match command {
        Command::Serve => serve::serve(config).await,
        Command::Demo(args) => demo::run(config, &args, env).await,
        Command::Migrate => migrate(config).await,
        Command::User { command } => user::run(config, command).await,
        Command::Org { command } => org::run(config, command).await,
        Command::Verify => verify(config).await,
        Command::Monitor { command } => monitor::run(config, command).await,
        Command::Bench { command } => bench::run(config, command).await,
        Command::Programme { command } => programme::run(config, command).await,
    }
}

async fn migrate(config: &Config) -> CliResult<()> {
    let (store, applied) = db::open(config).await?;
    let place = db::describe(config, &store);
    store.close().await;
    if applied.is_empty() {
        println!("Database {place} is al bij; geen migraties nodig.");
    } else {
        println!("Database {place}: {} migratie(s) toegepast:", applied.len());
        for name in applied {
            println!("  {name}");
        }
    }
    Ok(())
}

/// `schakel verify`: walks every case chain and the access log, then rebuilds every case's read
/// models from its events in memory (with the region's rules) and compares them with the stored
/// ones. A broken link or a differing read model is a failure (exit 1) naming the case and the
/// position or read model; the counts are printed either way.
///
/// It opens the database read-only and refuses a missing or empty one (exit 2): a mistyped
/// `--data-dir` must not verify a new empty database and report that all chains hold.
async fn verify(config: &Config) -> CliResult<()> {
    let region = region::Region::load(config.region.as_deref())?;
    let store = db::open_read_only(config)
        .await?
        .with_rules(std::sync::Arc::new(region.rules));
    let report = store.verify().await;
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            store.close().await;
            return Err(e.into());
        }
    };
    println!("casussen:          {}", report.cases);
    println!("gebeurtenissen:    {}", report.events);
    println!("toegangslogregels: {}", report.access_entries);
    println!("actieprogramma's:  {}", report.programmes);
    println!("meldcodedossiers:  {}", report.meldcode_dossiers);
    if let Some(broken) = report.broken {
        store.close().await;
        return Err(CliError::failure(format!("keten verbroken: {broken}")));
    }
    println!("Alle ketens kloppen.");
    let models = store.verify_read_models(MAX_STALE_SHOWN).await;
    store.close().await;
    let models = models?;
    println!("leesmodellen herbouwd: {} casussen", models.cases);
    if models.skipped_tombstoned > 0 {
        println!(
            "overgeslagen (gebeurtenis gewist door bewaartermijn): {}",
            models.skipped_tombstoned
        );
    }
    if !models.not_replayable.is_empty() {
        println!(
            "niet opnieuw af te spelen met deze versie (geschreven in een oudere vorm), niet vergeleken: {}",
            models.not_replayable.join(", ")
        );
    }
    if models.stale.is_empty() {
        println!("Alle leesmodellen kloppen met de gebeurtenissen.");
        return Ok(());
    }
    for stale in &models.stale {
        println!("leesmodel wijkt af: {stale}");
    }
    if models.more {
        println!("(meer afwijkingen dan de eerste {MAX_STALE_SHOWN})");
    }
    let first = &models.stale[0];
    Err(CliError::failure(format!(
        "{} leesmodel(len) wijken af van de gebeurtenissen, de eerste: {first}",
        models.stale.len()
    )))
}

/// Differing read models `schakel verify` lists, at most.
const MAX_STALE_SHOWN: usize = 50;

//! `schakel bench intake`: how fast complete intakes go compared with the raw insert rate of the
//! same rows, both measured in the same run on the same fresh database, so the figure is a ratio
//! that does not depend on how fast the machine is.
//!
//! The database is always a fresh one made for the run and thrown away afterwards: a temporary
//! SQLite folder, or with `--database-url postgres://...` a new database on that server (created
//! with a unique name and dropped at the end). The configured database itself is never written.
//!
//! Steps: load the region, fill a background population (a synthetic year) so every known-before
//! check searches a realistic number of persons, then (a) `--intakes` complete intakes
//! ([`one_intake`]: the production use case [`schakel_app::register_intake`] with the policy, three
//! known-before checks, classification, a new casus through the domain and the store's group
//! commit) by `--clients` concurrent tasks, and (b) the same rows
//! inserted raw in one transaction ([`schakel_store::bench::raw_insert`]), the best of
//! [`RAW_RUNS`] runs.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use schakel_app::{Acting, Logged, Registered};
use schakel_domain::access::Actor;
use schakel_domain::org::{OrgKind, Role};
use schakel_store::Store;
use schakel_store::bench::raw_insert;
use serde::Serialize;
use sqlx::Connection;
use time::OffsetDateTime;

use crate::args::in_range;
use crate::cli::{BenchCommand, BenchIntakeArgs};
use crate::config::{Config, mask_database_url};
use crate::error::{CliError, CliResult};
use crate::region::Region;
use crate::synthetic::{self, MAX_SCALE, YearOptions};

pub const DEFAULT_CLIENTS: usize = 32;
pub const DEFAULT_INTAKES: u64 = 2000;
pub const DEFAULT_POPULATION: f64 = 1.0;
/// The targets the figures are held against (issue 3 item 11).
pub const RATIO_TARGET: f64 = 0.5;
pub const P99_TARGET_MS: f64 = 50.0;
/// Raw insert runs; the fastest is the reference.
pub const RAW_RUNS: u64 = 3;

/// The checked options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenchOptions {
    pub clients: usize,
    pub intakes: u64,
    pub population: f64,
    pub json: bool,
}

impl BenchOptions {
    pub fn resolve(args: &BenchIntakeArgs) -> CliResult<Self> {
        Ok(Self {
            clients: match &args.clients {
                Some(v) => in_range("clients", v, 1, 1024, None)?,
                None => DEFAULT_CLIENTS,
            },
            intakes: match &args.intakes {
                Some(v) => in_range("intakes", v, 1, 10_000_000, None)?,
                None => DEFAULT_INTAKES,
            },
            population: match &args.population {
                Some(v) => in_range("population", v, 0.0, MAX_SCALE, None)?,
                None => DEFAULT_POPULATION,
            },
            json: args.json,
        })
    }
}

pub async fn run(config: &Config, command: BenchCommand) -> CliResult<()> {
    match command {
        BenchCommand::Intake(args) => intake(config, &args).await,
        BenchCommand::Crash(args) => crate::proof::crash::run(config, &args).await,
        BenchCommand::Soak(args) => crate::proof::soak::run(config, &args).await,
        BenchCommand::Server => crate::proof::server(config).await,
        BenchCommand::Logins(args) => crate::bench_logins::run(config, &args).await,
        BenchCommand::Pages(args) => crate::bench_pages::run(config, &args).await,
    }
}

/// Where the fresh database goes.
pub(crate) enum Target {
    Sqlite,
    Postgres(String),
}

pub(crate) fn target(config: &Config) -> CliResult<Target> {
    match &config.database_url {
        None => Ok(Target::Sqlite),
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Ok(Target::Postgres(url.clone()))
        }
        Some(_) => Err(CliError::input(
            "database-url",
            "bench maakt zelf een verse SQLite-database in een tijdelijke map; geef alleen een postgres://-server op, of laat --database-url weg",
        )),
    }
}

async fn intake(config: &Config, args: &BenchIntakeArgs) -> CliResult<()> {
    let options = BenchOptions::resolve(args)?;
    let target = target(config)?;
    let region = Region::load(config.region.as_deref())?;
    let report = match target {
        Target::Sqlite => {
            let dir = tempfile::tempdir()
                .map_err(|e| CliError::failure(format!("tijdelijke map: {e}")))?;
            let store = Store::open_sqlite(dir.path()).await?;
            let report = measure(&store, &region, &options, "sqlite").await;
            store.close().await;
            report?
        }
        Target::Postgres(server) => {
            let fresh = FreshPostgres::create(&server).await?;
            let report = match Store::connect(&fresh.url).await {
                Ok(store) => {
                    let report = measure(&store, &region, &options, "postgres").await;
                    store.close().await;
                    report
                }
                Err(e) => Err(e.into()),
            };
            let dropped = fresh.drop_database().await;
            let report = report?;
            dropped?;
            report
        }
    };
    if options.json {
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::failure(format!("JSON: {e}")))?;
        println!("{text}");
    } else {
        print!("{}", report.render());
    }
    Ok(())
}

/// The figures of one run.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub backend: &'static str,
    pub clients: usize,
    pub population_scale: f64,
    pub population_cases: u64,
    pub population_seconds: f64,
    pub intake: IntakeFigures,
    pub raw: RawFigures,
    /// Complete intakes per second divided by raw intakes per second.
    pub ratio: f64,
    pub ratio_target: f64,
    pub ratio_met: bool,
    pub p99_target_ms: f64,
    pub p99_met: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct IntakeFigures {
    pub intakes: u64,
    pub seconds: f64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RawFigures {
    pub intakes: u64,
    pub rows: u64,
    pub seconds: f64,
    pub per_second: f64,
}

async fn measure(
    store: &Store,
    region: &Region,
    options: &BenchOptions,
    backend: &'static str,
) -> CliResult<BenchReport> {
    // Intakes and the population compute deadlines with the region's rules, as production does.
    let store = &store
        .clone()
        .with_rules(std::sync::Arc::new(region.rules.clone()));
    store.migrate().await?;
    region.apply(store).await?;
    let year = YearOptions {
        year: Some(synthetic::this_year() - 1),
        scale: options.population,
        seed: synthetic::DEFAULT_SEED,
    };
    let vt = synthetic::config_for(store, region, &year, OffsetDateTime::now_utc())
        .await?
        .vt_org_id;
    let (population_cases, population_seconds) = if options.population > 0.0 {
        let g = synthetic::generate(store, region, &year).await?;
        (g.cases(), g.elapsed.as_secs_f64())
    } else {
        (0, 0.0)
    };

    let (mut latencies, wall) = concurrent_intakes(store, &vt, options).await?;
    latencies.sort_unstable();

    // The reference is the best of a few runs: one transaction is one commit, and a single stall
    // (a checkpoint, another process's fsync) would otherwise flatter the ratio.
    let mut raw_seconds = f64::INFINITY;
    let mut rows = 0;
    for run in 0..RAW_RUNS {
        let start = Instant::now();
        rows = raw_insert(
            store,
            &vt,
            run * options.intakes,
            options.intakes,
            OffsetDateTime::now_utc(),
        )
        .await?;
        raw_seconds = raw_seconds.min(start.elapsed().as_secs_f64());
    }

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let intake_seconds = wall.as_secs_f64();
    let intake_rate = rate(options.intakes, intake_seconds);
    let raw_rate = rate(options.intakes, raw_seconds);
    let ratio = if raw_rate > 0.0 {
        intake_rate / raw_rate
    } else {
        0.0
    };
    let p99_ms = ms(percentile(&latencies, 99.0));
    Ok(BenchReport {
        backend,
        clients: options.clients,
        population_scale: options.population,
        population_cases,
        population_seconds,
        intake: IntakeFigures {
            intakes: options.intakes,
            seconds: intake_seconds,
            per_second: intake_rate,
            p50_ms: ms(percentile(&latencies, 50.0)),
            p95_ms: ms(percentile(&latencies, 95.0)),
            p99_ms,
            max_ms: ms(latencies.last().copied().unwrap_or_default()),
        },
        raw: RawFigures {
            intakes: options.intakes,
            rows,
            seconds: raw_seconds,
            per_second: raw_rate,
        },
        ratio,
        ratio_target: RATIO_TARGET,
        ratio_met: ratio >= RATIO_TARGET,
        p99_target_ms: P99_TARGET_MS,
        p99_met: p99_ms < P99_TARGET_MS,
    })
}

/// One complete intake as production registers one: the same use case the intake page and
/// `POST /api/v1/intakes` call, as a Veilig Thuis medewerker, with the access policy and the access
/// log.
pub async fn one_intake(
    store: &Store,
    vt: &str,
    n: u64,
    now: OffsetDateTime,
) -> Result<Registered, schakel_app::Error> {
    let acting = Acting {
        user_id: "bench".into(),
        username: "bench".into(),
        org_id: vt.to_string(),
        org_kind: OrgKind::VeiligThuis,
    };
    let policy = Logged {
        store,
        actor: Actor {
            user_id: acting.user_id.clone(),
            org_id: acting.org_id.clone(),
            org_kind: acting.org_kind,
            role: Role::Medewerker,
            second_factor: true,
            break_glass: None,
        },
        username: acting.username.clone(),
        access_point: "bench".into(),
        now,
    };
    // A worker checks before registering; the bench's households are told apart by construction.
    let intake = schakel_store::bench::intake(n, now);
    schakel_app::register_deciding_other(store, &acting, &policy, now, intake).await
}

/// Runs `options.intakes` complete intakes by `options.clients` tasks that each take the next
/// number until none are left. Returns every intake's latency and the wall time of the whole.
async fn concurrent_intakes(
    store: &Store,
    vt: &str,
    options: &BenchOptions,
) -> CliResult<(Vec<Duration>, Duration)> {
    let next = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicBool::new(false));
    let total = options.intakes;
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..options.clients {
        let store = store.clone();
        let vt = vt.to_string();
        let next = next.clone();
        let failed = failed.clone();
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total || failed.load(Ordering::Relaxed) {
                    return Ok(latencies);
                }
                let t = Instant::now();
                if let Err(e) = one_intake(&store, &vt, n, OffsetDateTime::now_utc()).await {
                    failed.store(true, Ordering::Relaxed);
                    return Err(e);
                }
                latencies.push(t.elapsed());
            }
        });
    }
    let mut all = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    let mut first_error = None;
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(Ok(l)) => all.extend(l),
            Ok(Err(e)) => {
                first_error.get_or_insert_with(|| CliError::failure(format!("intake: {e}")));
            }
            Err(e) => {
                first_error.get_or_insert_with(|| CliError::failure(format!("client: {e}")));
            }
        }
    }
    let wall = start.elapsed();
    match first_error {
        Some(e) => Err(e),
        None => Ok((all, wall)),
    }
}

fn rate(count: u64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        count as f64 / seconds
    } else {
        0.0
    }
}

/// The nearest-rank percentile `p` (0 < p <= 100) of sorted values; zero for none.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    let i = rank.clamp(1, sorted.len()) - 1;
    sorted.get(i).copied().unwrap_or_default()
}

impl BenchReport {
    /// The small table the command prints.
    pub fn render(&self) -> String {
        let met = |b: bool| if b { "gehaald" } else { "NIET gehaald" };
        let mut out = format!(
            "Benchmark intake op {}: {} clients, achtergrondpopulatie schaal {} ({} casussen, aangemaakt in {:.1} s)\n",
            self.backend,
            self.clients,
            self.population_scale,
            self.population_cases,
            self.population_seconds
        );
        let i = &self.intake;
        let r = &self.raw;
        let rows = vec![
            vec![
                "complete intakes".to_string(),
                i.intakes.to_string(),
                format!("{:.2}", i.seconds),
                format!("{:.1}", i.per_second),
            ],
            vec![
                format!(
                    "ruwe insert ({} rijen, 1 transactie, beste van {RAW_RUNS})",
                    r.rows
                ),
                r.intakes.to_string(),
                format!("{:.2}", r.seconds),
                format!("{:.1}", r.per_second),
            ],
        ];
        out.push_str(&crate::table::render(
            &["METING", "MELDINGEN", "SECONDEN", "MELDINGEN/S"],
            &rows,
        ));
        out.push_str(&format!(
            "latentie per intake: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms\n",
            i.p50_ms, i.p95_ms, i.p99_ms, i.max_ms
        ));
        out.push_str(&format!(
            "verhouding intake/ruw: {:.3} (doel >= {}: {})\n",
            self.ratio,
            self.ratio_target,
            met(self.ratio_met)
        ));
        out.push_str(&format!(
            "p99 < {} ms bij {} clients: {}\n",
            self.p99_target_ms,
            self.clients,
            met(self.p99_met)
        ));
        out
    }
}

/// A database created on a PostgreSQL server for one run, dropped afterwards.
pub struct FreshPostgres {
    server: String,
    name: String,
    pub(crate) url: String,
}

impl FreshPostgres {
    pub(crate) async fn create(server: &str) -> CliResult<Self> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        // Only digits and our own letters: safe to put in the statement text.
        let name = format!("schakel_bench_{}_{nanos}", std::process::id());
        let mut conn = admin(server).await?;
        let created = sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await;
        let _ = conn.close().await;
        created.map_err(|e| CliError::failure(format!("CREATE DATABASE {name}: {e}")))?;
        Ok(Self {
            server: server.to_string(),
            url: with_database(server, &name),
            name,
        })
    }

    pub(crate) async fn drop_database(self) -> CliResult<()> {
        let mut conn = admin(&self.server).await?;
        let dropped = sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        )))
        .execute(&mut conn)
        .await;
        let _ = conn.close().await;
        dropped
            .map(|_| ())
            .map_err(|e| CliError::failure(format!("DROP DATABASE {}: {e}", self.name)))
    }
}

async fn admin(server: &str) -> CliResult<sqlx::postgres::PgConnection> {
    sqlx::postgres::PgConnection::connect(server)
        .await
        .map_err(|e| {
            CliError::failure(format!(
                "database {} niet bereikbaar: {e}",
                mask_database_url(server)
            ))
        })
}

/// `url` with its database name replaced by `name`, the query kept.
pub fn with_database(url: &str, name: &str) -> String {
    let authority_start = url.find("://").map_or(0, |i| i + 3);
    let rest = &url[authority_start..];
    let authority_end = authority_start + rest.find(['/', '?']).unwrap_or(rest.len());
    let query = url[authority_end..]
        .find('?')
        .map_or("", |i| &url[authority_end + i..]);
    format!("{}/{name}{query}", &url[..authority_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let v: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&v, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&v, 99.0), Duration::from_millis(99));
        assert_eq!(percentile(&v, 100.0), Duration::from_millis(100));
        let one = [Duration::from_millis(7)];
        assert_eq!(percentile(&one, 50.0), Duration::from_millis(7));
        assert_eq!(percentile(&one, 99.0), Duration::from_millis(7));
        assert_eq!(percentile(&[], 99.0), Duration::ZERO);
        let few: Vec<Duration> = (1..=10).map(Duration::from_millis).collect();
        // 95% of 10 is 9.5: the 10th value, not the 9th.
        assert_eq!(percentile(&few, 95.0), Duration::from_millis(10));
    }

    #[test]
    fn the_database_name_is_replaced_and_the_rest_kept() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=require", "x"),
            "postgres://u:p@h/x?sslmode=require"
        );
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
        assert_eq!(
            with_database("postgresql://h?sslmode=disable", "x"),
            "postgresql://h/x?sslmode=disable"
        );
    }

    #[test]
    fn options_are_checked_naming_the_flag() {
        let o = BenchOptions::resolve(&BenchIntakeArgs::default()).unwrap();
        assert_eq!((o.clients, o.intakes, o.population), (32, 2000, 1.0));
        for (args, field) in [
            (
                BenchIntakeArgs {
                    clients: Some("0".into()),
                    ..BenchIntakeArgs::default()
                },
                "clients: ",
            ),
            (
                BenchIntakeArgs {
                    intakes: Some("veel".into()),
                    ..BenchIntakeArgs::default()
                },
                "intakes: ",
            ),
            (
                BenchIntakeArgs {
                    population: Some("-1".into()),
                    ..BenchIntakeArgs::default()
                },
                "population: ",
            ),
        ] {
            let e = BenchOptions::resolve(&args).unwrap_err();
            assert_eq!(e.exit_code(), 2);
            assert!(e.to_string().starts_with(field), "{e}");
        }
    }

    #[test]
    fn a_sqlite_url_is_refused_as_bad_input() {
        let config = Config {
            database_url: Some("sqlite://x.db".into()),
            ..crate::config::Config::resolve_with(
                &crate::cli::GlobalArgs::default(),
                &|_| None,
                crate::config::FileConfig::default(),
            )
            .unwrap()
        };
        let Err(e) = target(&config) else {
            panic!("a sqlite URL must be refused");
        };
        assert!(e.to_string().starts_with("database-url: "), "{e}");
    }
}

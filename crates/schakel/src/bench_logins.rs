//! `schakel bench logins`: the server's resident memory (VmRSS) at start, after sequential logins,
//! after concurrent logins in rounds, and when idle afterwards (issue 8 finding 12). A memory
//! figure, not a speed figure: the login times are printed for context only.
//!
//! The database is a fresh demo database in a temporary folder (the region and the demo users,
//! no cases), thrown away afterwards. Every login goes through the login pages as a browser's
//! does: the form (a new pre-session), then the post with its token and the password.

use std::time::Duration;

use schakel_web::AppState;
use serde::Serialize;

use crate::args::in_range;
use crate::cli::BenchLoginsArgs;
use crate::config::Config;
use crate::demo::{self, DEMO_PASSWORD};
use crate::error::{CliError, CliResult};
use crate::inproc::{InProcess, encode, percentile_ms, resident_mib};
use crate::region::Region;

/// The target after the sequential logins (issue 8 finding 12).
pub const TARGET_MIB: f64 = 150.0;
/// How long the server is left alone before the idle figure.
const IDLE_WAIT: Duration = Duration::from_secs(5);
const USER: &str = "vt.medewerker";

#[derive(Debug, Clone, Serialize)]
pub struct LoginsReport {
    pub sequential: u64,
    pub concurrent: u64,
    pub round: u64,
    pub rss_start_mib: Option<f64>,
    pub rss_after_sequential_mib: Option<f64>,
    pub rss_after_concurrent_mib: Option<f64>,
    pub rss_idle_mib: Option<f64>,
    pub login_p50_ms: f64,
    pub login_p99_ms: f64,
    pub target_mib: f64,
    pub target_met: Option<bool>,
}

pub async fn run(config: &Config, args: &BenchLoginsArgs) -> CliResult<()> {
    let sequential = match &args.logins {
        Some(v) => in_range("logins", v, 1, 1_000_000, None)?,
        None => 1000,
    };
    let concurrent: u64 = match &args.concurrent {
        Some(v) => in_range("concurrent", v, 0, 100_000, None)?,
        None => 160,
    };
    let round: u64 = match &args.round {
        Some(v) => in_range("round", v, 1, 1024, None)?,
        None => 16,
    };
    let region = Region::load(config.region.as_deref())?;
    let dir = tempfile::tempdir().map_err(|e| CliError::failure(format!("tijdelijke map: {e}")))?;
    let store = schakel_store::Store::open_sqlite(dir.path()).await?;
    store.migrate().await?;
    demo::prepare(&store, &region).await?;
    let rules = std::sync::Arc::new(region.rules.clone());
    let app = InProcess::new(AppState::new(store.clone(), config.web_config(true, rules)));
    let result = measure(&app, sequential, concurrent, round).await;
    store.close().await;
    let report = result?;
    if args.json {
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::failure(format!("JSON: {e}")))?;
        println!("{text}");
    } else {
        print!("{}", report.render());
    }
    Ok(())
}

/// One login through the pages; its time (form and post) or an error naming the step.
async fn login(app: &InProcess) -> CliResult<Duration> {
    let form = app.get("/login", None).await?;
    let pre = form
        .set_cookie("schakel_login_csrf")
        .ok_or_else(|| CliError::failure("het inlogformulier zet geen cookie"))?;
    let token = form
        .hidden_csrf()
        .ok_or_else(|| CliError::failure("het inlogformulier heeft geen token"))?;
    let body = format!(
        "gebruikersnaam={USER}&wachtwoord={}&csrf={}",
        encode(DEMO_PASSWORD),
        encode(&token)
    );
    let res = app
        .post_form("/login", &format!("schakel_login_csrf={pre}"), body)
        .await?;
    if res.status.as_u16() != 303 {
        return Err(CliError::failure(format!(
            "inloggen gaf {} in plaats van een doorverwijzing",
            res.status
        )));
    }
    Ok(form.took + res.took)
}

async fn measure(
    app: &InProcess,
    sequential: u64,
    concurrent: u64,
    round: u64,
) -> CliResult<LoginsReport> {
    let rss_start = resident_mib();
    let mut times = Vec::new();
    for _ in 0..sequential {
        times.push(login(app).await?);
    }
    let rss_after_sequential = resident_mib();
    let mut left = concurrent;
    while left > 0 {
        let n = left.min(round);
        let tasks: Vec<_> = (0..n)
            .map(|_| {
                let app = app.clone();
                tokio::spawn(async move { login(&app).await })
            })
            .collect();
        for t in tasks {
            let took = t
                .await
                .map_err(|e| CliError::failure(format!("inlogtaak: {e}")))??;
            times.push(took);
        }
        left -= n;
    }
    let rss_after_concurrent = resident_mib();
    tokio::time::sleep(IDLE_WAIT).await;
    let rss_idle = resident_mib();
    times.sort();
    Ok(LoginsReport {
        sequential,
        concurrent,
        round,
        rss_start_mib: rss_start,
        rss_after_sequential_mib: rss_after_sequential,
        rss_after_concurrent_mib: rss_after_concurrent,
        rss_idle_mib: rss_idle,
        login_p50_ms: percentile_ms(&times, 0.5),
        login_p99_ms: percentile_ms(&times, 0.99),
        target_mib: TARGET_MIB,
        target_met: rss_after_sequential.map(|m| m < TARGET_MIB),
    })
}

fn mib(v: Option<f64>) -> String {
    v.map_or("onbekend (geen /proc)".into(), |m| format!("{m:.1} MiB"))
}

impl LoginsReport {
    pub fn render(&self) -> String {
        let verdict = match self.target_met {
            Some(true) => "gehaald",
            Some(false) => "NIET gehaald",
            None => "niet te meten",
        };
        format!(
            "Geheugen van de server (VmRSS), inloggen via de inlogpagina's\n\
             bij start:                         {}\n\
             na {} inlogpogingen na elkaar:      {}\n\
             na {} gelijktijdig (rondes van {}): {}\n\
             daarna in rust ({} s):              {}\n\
             inloggen p50 {:.1} ms, p99 {:.1} ms\n\
             doel: onder {:.0} MiB na de logins na elkaar: {verdict}\n",
            mib(self.rss_start_mib),
            self.sequential,
            mib(self.rss_after_sequential_mib),
            self.concurrent,
            self.round,
            mib(self.rss_after_concurrent_mib),
            IDLE_WAIT.as_secs(),
            mib(self.rss_idle_mib),
            self.login_p50_ms,
            self.login_p99_ms,
            self.target_mib,
        )
    }
}

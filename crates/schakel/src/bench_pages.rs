//! `schakel bench pages`: how fast Te doen and search answer on an existing database (issue 7
//! acceptance: under 50 ms server time at demo scale 10), each against a reference measured in the
//! same run (`/healthz`: the same router, middleware and session-less database round trip), so
//! the ratio does not depend on how fast the machine is.
//!
//! It opens the configured database (a demo data folder, for example; pending migrations are
//! applied), opens a session for the user directly in the store (the operator runs this on the
//! database itself, so no password is asked), and sends the requests to the router in this process
//! ([`crate::inproc`]): the times are server time. Kinds are interleaved round by round so a
//! slower moment of the machine weighs on all of them alike. The pages write what they always
//! write: the session's last activity and the access log.

use std::time::Duration;

use schakel_store::bench::{case_count, search_samples};
use schakel_store::sessions::NewSession;
use schakel_web::AppState;
use schakel_web::auth::session::{SESSION_COOKIE, hash_token, random_token};
use serde::Serialize;

use crate::args::in_range;
use crate::cli::BenchPagesArgs;
use crate::config::Config;
use crate::db;
use crate::error::{CliError, CliResult};
use crate::inproc::{InProcess, encode, percentile_ms};
use crate::region::Region;
use crate::serve::{MODE_DEMO, MODE_SETTING};

/// Issue 7 acceptance: Te doen and search answer in under 50 ms server time.
pub const TARGET_P99_MS: f64 = 50.0;
const WARM_UP: u64 = 5;

#[derive(Debug, Clone, Serialize)]
pub struct KindFigures {
    pub kind: String,
    pub path: String,
    pub requests: u64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// p50 divided by the reference's p50.
    pub ratio_p50: f64,
    pub target_met: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PagesReport {
    pub user: String,
    pub cases: i64,
    pub reference: KindFigures,
    pub kinds: Vec<KindFigures>,
    pub target_p99_ms: f64,
}

pub async fn run(config: &Config, args: &BenchPagesArgs) -> CliResult<()> {
    let requests: u64 = match &args.requests {
        Some(v) => in_range("requests", v, 1, 100_000, None)?,
        None => 200,
    };
    let username = args.user.clone().unwrap_or_else(|| "vt.medewerker".into());
    let region = Region::load(config.region.as_deref())?;
    let (store, _) = db::open(config).await?;
    let store = store.with_rules(std::sync::Arc::new(region.rules.clone()));
    let demo = store.setting(MODE_SETTING).await?.as_deref() == Some(MODE_DEMO);
    let rules = std::sync::Arc::new(region.rules);
    let state = AppState::new(store.clone(), config.web_config(demo, rules));
    let result = measure(&state, &username, requests).await;
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

/// A complete session for `username` in their first organisation and role; the cookie header.
async fn open_session(state: &AppState, username: &str) -> CliResult<(String, String)> {
    let user = state
        .store
        .user_by_username(username)
        .await?
        .ok_or_else(|| CliError::input("user", format!("gebruiker '{username}' bestaat niet")))?;
    let memberships = state.store.memberships(&user.id).await?;
    let m = memberships
        .first()
        .ok_or_else(|| CliError::input("user", format!("gebruiker '{username}' heeft geen rol")))?;
    let token = random_token();
    state
        .store
        .create_session(
            &NewSession {
                id_hash: &hash_token(&token),
                user_id: &user.id,
                membership: Some((m.org_id.as_str(), m.role)),
                second_factor: true,
                complete: true,
                csrf_token: &random_token(),
                now: state.clock.now(),
                client_addr: "127.0.0.1",
            },
            None,
        )
        .await?;
    Ok((format!("{SESSION_COOKIE}={token}"), m.org_id.clone()))
}

/// The requests measured: (kind, path). The first is the reference; a search whose sample the
/// database lacks is left out.
fn kinds(s: &schakel_store::bench::SearchSamples) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![
        ("referentie (/healthz)".into(), "/healthz".into()),
        ("te doen, eerste pagina".into(), "/werkvoorraad".into()),
        ("te doen, acuut".into(), "/werkvoorraad?acuut=1".into()),
    ];
    if let Some(g) = &s.gemeente {
        out.push((
            "te doen, één gemeente".into(),
            format!("/werkvoorraad?gemeente={}", encode(g)),
        ));
    }
    out.push((
        "te doen, verlopen".into(),
        "/werkvoorraad?verlopen=1".into(),
    ));
    out.push((
        "te doen, termijn aflopend".into(),
        "/werkvoorraad?sorteer=termijn&richting=af".into(),
    ));
    let dutch_birth = s
        .birth_date
        .as_ref()
        .map(|d| d.split('-').rev().collect::<Vec<_>>().join("-"));
    for (kind, sample) in [
        ("zoeken op naam", &s.name_word),
        ("zoeken op geboortedatum", &dutch_birth),
        ("zoeken op BSN", &s.bsn),
        ("zoeken op casusnummer", &s.case_number),
    ] {
        if let Some(v) = sample {
            out.push((kind.into(), format!("/zoeken?q={}", encode(v))));
        }
    }
    out
}

async fn measure(state: &AppState, username: &str, requests: u64) -> CliResult<PagesReport> {
    let (cookie, org_id) = open_session(state, username).await?;
    let samples = search_samples(&state.store, &org_id).await?;
    let cases = case_count(&state.store).await?;
    let app = InProcess::new(state.clone());
    let kinds = kinds(&samples);
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); kinds.len()];
    for n in 0..WARM_UP + requests {
        for (i, (kind, path)) in kinds.iter().enumerate() {
            let res = app.get(path, Some(&cookie)).await?;
            if res.status.as_u16() != 200 {
                return Err(CliError::failure(format!(
                    "{kind} ({path}) gaf {}",
                    res.status
                )));
            }
            if n >= WARM_UP {
                times[i].push(res.took);
            }
        }
    }
    let mut figures: Vec<KindFigures> = kinds
        .iter()
        .zip(times.iter_mut())
        .map(|((kind, path), t)| {
            t.sort();
            let p99 = percentile_ms(t, 0.99);
            KindFigures {
                kind: kind.clone(),
                path: path.clone(),
                requests,
                p50_ms: percentile_ms(t, 0.5),
                p99_ms: p99,
                max_ms: percentile_ms(t, 1.0),
                ratio_p50: 0.0,
                target_met: p99 < TARGET_P99_MS,
            }
        })
        .collect();
    let reference = figures.remove(0);
    for f in &mut figures {
        f.ratio_p50 = if reference.p50_ms > 0.0 {
            f.p50_ms / reference.p50_ms
        } else {
            0.0
        };
    }
    Ok(PagesReport {
        user: username.to_string(),
        cases,
        reference,
        kinds: figures,
        target_p99_ms: TARGET_P99_MS,
    })
}

impl PagesReport {
    pub fn render(&self) -> String {
        let mut out = format!(
            "Servertijd per verzoek, {} casussen, als {} ({} verzoeken per soort)\n\
             {:<32} {:>8} {:>8} {:>8} {:>10}\n",
            self.cases,
            self.user,
            self.reference.requests,
            "soort",
            "p50 ms",
            "p99 ms",
            "max ms",
            "p50/ref",
        );
        let r = &self.reference;
        out.push_str(&format!(
            "{:<32} {:>8.2} {:>8.2} {:>8.2} {:>10}\n",
            r.kind, r.p50_ms, r.p99_ms, r.max_ms, "1"
        ));
        for f in &self.kinds {
            out.push_str(&format!(
                "{:<32} {:>8.2} {:>8.2} {:>8.2} {:>10.1}{}\n",
                f.kind,
                f.p50_ms,
                f.p99_ms,
                f.max_ms,
                f.ratio_p50,
                if f.target_met { "" } else { "  boven doel" }
            ));
        }
        let all = self.kinds.iter().all(|f| f.target_met);
        out.push_str(&format!(
            "doel: p99 onder {:.0} ms voor elke soort: {}\n",
            self.target_p99_ms,
            if all { "gehaald" } else { "NIET gehaald" }
        ));
        out
    }
}

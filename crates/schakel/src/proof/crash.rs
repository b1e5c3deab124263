//! `schakel bench crash`: concurrent clients register intakes and update cases (notes and commands
//! after the sequence number they saw) on a server that is killed with SIGKILL at a random moment,
//! cycle after cycle. After every kill, with the server down, it checks that
//!
//! - every acknowledged write (an answer 201 with its case and sequence number) is in the database
//!   at that number, with its content, and no two acknowledgements claim the same place;
//! - nothing is half written ([`schakel_store::Store::consistency`]: no case without its events, no
//!   gap in the numbers, no projection row of a missing case, ...);
//! - `schakel verify` exits 0;
//!
//! then restarts the server on the same database for the next cycle. On PostgreSQL a last round
//! runs two servers on the one database, their clients writing the same cases: stale writes get
//! 409 and nothing acknowledged is lost. The seed of every random choice is printed.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};
use tokio::sync::Mutex;

use super::api::{Api, melding};
use super::child::Server;
use super::{Fresh, verify_passes};
use crate::args::in_range;
use crate::cli::BenchCrashArgs;
use crate::config::Config;
use crate::error::{CliError, CliResult};
use crate::region::Region;

pub const DEFAULT_CYCLES: u32 = 5;
pub const DEFAULT_CLIENTS: usize = 4;
/// The kill comes this long after the cycle's first acknowledged write, at random (milliseconds):
/// so every cycle has writes to lose, however slow the machine.
const KILL_AFTER_MS: std::ops::Range<u64> = 0..1200;
/// How long a cycle may wait for its first acknowledged write.
const FIRST_WRITE_LIMIT: Duration = Duration::from_secs(60);
/// Writes per client in the round with two servers.
const TWO_SERVER_WRITES: u32 = 40;
/// The cases both servers' clients write to in that round.
const SHARED_CASES: usize = 2;
/// The demo user the clients sign in as.
const USER: &str = "vt.medewerker";

#[derive(Debug, Clone, Copy)]
pub struct CrashOptions {
    pub cycles: u32,
    pub clients: usize,
    pub seed: u64,
}

impl CrashOptions {
    pub fn resolve(args: &BenchCrashArgs) -> CliResult<Self> {
        Ok(Self {
            cycles: match &args.cycles {
                Some(v) => in_range("cycles", v, 1, 10_000, None)?,
                None => DEFAULT_CYCLES,
            },
            clients: match &args.clients {
                Some(v) => in_range("clients", v, 1, 64, None)?,
                None => DEFAULT_CLIENTS,
            },
            seed: match &args.seed {
                Some(v) => in_range("seed", v, 0, u64::MAX, None)?,
                None => std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0),
            },
        })
    }
}

/// What an acknowledged write was, to find it back.
#[derive(Debug, Clone, PartialEq)]
pub enum Written {
    /// An intake whose description holds the marker.
    Intake(String),
    /// A note (over `/notes` or as the `add_note` command) whose text is the marker.
    Note(String),
    /// A command of this event kind.
    Command(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ack {
    pub case_id: String,
    pub seq: i64,
    pub written: Written,
}

/// What the clients share: the acknowledgements, the cases with the last number each client saw,
/// and counters.
#[derive(Default)]
struct Shared {
    acks: Mutex<Vec<Ack>>,
    cases: Mutex<Vec<(String, i64)>>,
    conflicts: AtomicU64,
    refused: AtomicU64,
    server_errors: AtomicU64,
    unanswered: AtomicU64,
    writes: AtomicU64,
}

/// The figures of a run.
#[derive(Debug, Default)]
pub struct CrashReport {
    pub engine: &'static str,
    pub cycles: u32,
    pub acknowledged: usize,
    pub lost: usize,
    pub inconsistencies: usize,
    pub verify_failures: u32,
    pub conflicts: u64,
    pub refused: u64,
    pub server_errors: u64,
    pub unanswered: u64,
    /// The round with two servers (PostgreSQL): acknowledged writes and 409s in it.
    pub two_servers: Option<(usize, u64)>,
}

impl CrashReport {
    fn passed(&self) -> bool {
        self.lost == 0
            && self.inconsistencies == 0
            && self.verify_failures == 0
            && self.server_errors == 0
            && self.acknowledged > 0
            && self
                .two_servers
                .is_none_or(|(acks, conflicts)| acks > 0 && conflicts > 0)
    }
}

pub async fn run(config: &Config, args: &BenchCrashArgs) -> CliResult<()> {
    let options = CrashOptions::resolve(args)?;
    let started = Instant::now();
    let region = Region::load(config.region.as_deref())?;
    let fresh = Fresh::create(config, &region, 0.0).await?;
    println!(
        "Crashtest op {}: {} cycli, {} clients, zaad {} (herhaal met --seed {}).",
        fresh.engine(),
        options.cycles,
        options.clients,
        options.seed,
        options.seed
    );
    let report = crash_cycles(&fresh, config, &options).await;
    fresh.remove().await;
    let report = report?;
    println!(
        "Crashtest {}: {} cycli, {} bevestigde schrijfacties, {} kwijt, {} half geschreven, \
         verify {} keer mislukt; {} keer 409, {} geweigerd, {} serverfouten, {} zonder antwoord.",
        report.engine,
        report.cycles,
        report.acknowledged,
        report.lost,
        report.inconsistencies,
        report.verify_failures,
        report.conflicts,
        report.refused,
        report.server_errors,
        report.unanswered
    );
    if let Some((acks, conflicts)) = report.two_servers {
        println!(
            "Twee servers op één database: {acks} bevestigde schrijfacties op dezelfde casussen, {conflicts} keer 409."
        );
    }
    if report.passed() {
        println!("Crashtest geslaagd in {}.", elapsed(started));
        Ok(())
    } else {
        Err(CliError::failure(
            "crashtest mislukt (zie de cijfers hierboven)",
        ))
    }
}

async fn crash_cycles(
    fresh: &Fresh,
    config: &Config,
    options: &CrashOptions,
) -> CliResult<CrashReport> {
    let region = config.region.as_deref();
    let shared = Arc::new(Shared::default());
    let mut rng = StdRng::seed_from_u64(options.seed);
    let mut report = CrashReport {
        engine: fresh.engine(),
        ..CrashReport::default()
    };
    let mut sessions: Vec<Api> = Vec::new();
    for cycle in 0..options.cycles {
        let server = Server::start(fresh, region).await?;
        if sessions.is_empty() {
            for _ in 0..options.clients {
                sessions.push(Api::login(&server.base, USER).await?);
            }
        }
        let clients: Vec<_> = sessions
            .iter()
            .enumerate()
            .map(|(i, api)| {
                let api = api.moved_to(&server.base);
                let shared = shared.clone();
                let seed = rng.r#gen::<u64>();
                let tag = format!("{}-{cycle}-{i}", options.seed);
                tokio::spawn(async move {
                    write_until_gone(&api, &shared, seed, &tag, None, false).await
                })
            })
            .collect();
        let waiting = Instant::now();
        while shared.writes.load(Ordering::Relaxed) == 0 && waiting.elapsed() < FIRST_WRITE_LIMIT {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let kill_after = Duration::from_millis(rng.gen_range(KILL_AFTER_MS));
        tokio::time::sleep(kill_after).await;
        server.kill().await;
        for c in clients {
            let _ = c.await;
        }
        let writes = shared.writes.swap(0, Ordering::Relaxed);
        if writes == 0 {
            return Err(CliError::failure(format!(
                "cyclus {}: geen enkele schrijfactie bevestigd binnen {} seconden",
                cycle + 1,
                FIRST_WRITE_LIMIT.as_secs()
            )));
        }
        let problems = check(fresh, &shared, &mut report).await?;
        report.cycles = cycle + 1;
        println!(
            "cyclus {:>3}: kill {:>4} ms na de eerste bevestiging, {writes:>3} schrijfacties bevestigd, totaal {}{}",
            cycle + 1,
            kill_after.as_millis(),
            report.acknowledged,
            if problems { ", PROBLEEM" } else { "" }
        );
    }
    if matches!(fresh, Fresh::Postgres(_)) {
        report.two_servers = Some(two_servers(fresh, config, &shared, &sessions, &mut rng).await?);
        check(fresh, &shared, &mut report).await?;
    }
    report.conflicts = shared.conflicts.load(Ordering::Relaxed);
    report.refused = shared.refused.load(Ordering::Relaxed);
    report.server_errors = shared.server_errors.load(Ordering::Relaxed);
    report.unanswered = shared.unanswered.load(Ordering::Relaxed);
    Ok(report)
}

/// Two servers on the one database; half the clients write through each, all to the same few
/// cases. Returns the writes acknowledged and the 409s in this round.
async fn two_servers(
    fresh: &Fresh,
    config: &Config,
    shared: &Arc<Shared>,
    sessions: &[Api],
    rng: &mut StdRng,
) -> CliResult<(usize, u64)> {
    let region = config.region.as_deref();
    let a = Server::start(fresh, region).await?;
    let b = Server::start(fresh, region).await?;
    let targets: Vec<(String, i64)> = {
        let mut cases = shared.cases.lock().await;
        // Every client starts from the same (possibly stale) numbers: conflicts are certain.
        cases.truncate(SHARED_CASES.max(1));
        cases.clone()
    };
    if targets.is_empty() {
        a.kill().await;
        b.kill().await;
        return Err(CliError::failure(
            "geen casussen om met twee servers op te schrijven",
        ));
    }
    let acks_before = shared.acks.lock().await.len();
    let conflicts_before = shared.conflicts.load(Ordering::Relaxed);
    // At least two clients, one per server, even when only one was asked for.
    let mut apis: Vec<Api> = sessions.to_vec();
    if apis.len() < 2 {
        apis.push(Api::login(&b.base, USER).await?);
    }
    let clients: Vec<_> = apis
        .iter()
        .enumerate()
        .map(|(i, api)| {
            let base = if i % 2 == 0 { &a.base } else { &b.base };
            let api = api.moved_to(base);
            let shared = shared.clone();
            let seed = rng.r#gen::<u64>();
            let tag = format!("twee-{i}");
            tokio::spawn(async move {
                write_until_gone(&api, &shared, seed, &tag, Some(TWO_SERVER_WRITES), true).await
            })
        })
        .collect();
    for c in clients {
        let _ = c.await;
    }
    a.kill().await;
    b.kill().await;
    let acks = shared.acks.lock().await.len() - acks_before;
    let conflicts = shared.conflicts.load(Ordering::Relaxed) - conflicts_before;
    Ok((acks, conflicts))
}

/// One client: writes until the server stops answering, or `limit` writes were tried. With
/// `notes_only`, only notes and note commands on the cases known at the start.
async fn write_until_gone(
    api: &Api,
    shared: &Shared,
    seed: u64,
    tag: &str,
    limit: Option<u32>,
    notes_only: bool,
) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut n = 0_u32;
    while limit.is_none_or(|l| n < l) {
        n += 1;
        let marker = format!("crash-{tag}-{n}");
        let roll = rng.gen_range(0..100);
        let picked = {
            let cases = shared.cases.lock().await;
            (!cases.is_empty()).then(|| cases[rng.gen_range(0..cases.len())].clone())
        };
        let outcome = match picked {
            Some((case_id, seq)) if notes_only || roll >= 35 => {
                let via_command = rng.gen_bool(0.3);
                note(api, shared, &case_id, seq, &marker, via_command).await
            }
            _ => intake(api, shared, &marker, rng.r#gen(), rng.gen_bool(0.5)).await,
        };
        if outcome.is_err() {
            // The server is gone (killed): this write has no answer and counts as not done.
            shared.unanswered.fetch_add(1, Ordering::Relaxed);
            return;
        }
    }
}

/// Counts an answer that is not 201: 409 (stale), 5xx (a server error: a failure of the test) or
/// another refusal.
fn count_refusal(shared: &Shared, status: u16, body: &Value) {
    match status {
        409 => shared.conflicts.fetch_add(1, Ordering::Relaxed),
        500..=599 => {
            eprintln!("serverfout {status}: {body}");
            shared.server_errors.fetch_add(1, Ordering::Relaxed)
        }
        _ => shared.refused.fetch_add(1, Ordering::Relaxed),
    };
}

async fn acknowledge(shared: &Shared, case_id: &str, seq: i64, written: Written) {
    shared.writes.fetch_add(1, Ordering::Relaxed);
    shared.acks.lock().await.push(Ack {
        case_id: case_id.to_string(),
        seq,
        written,
    });
    let mut cases = shared.cases.lock().await;
    match cases.iter_mut().find(|(id, _)| id == case_id) {
        Some(known) => known.1 = known.1.max(seq),
        None => cases.push((case_id.to_string(), seq)),
    }
}

/// An intake; on 201 it is acknowledged, and with `assess` the urgency is assessed at once.
async fn intake(
    api: &Api,
    shared: &Shared,
    marker: &str,
    n: u64,
    assess: bool,
) -> Result<(), reqwest::Error> {
    let (status, body) = api.post("/api/v1/intakes", &melding(marker, n)).await?;
    let (Some(case_id), Some(seq)) = (body["case_id"].as_str(), body["seq"].as_i64()) else {
        count_refusal(shared, status, &body);
        return Ok(());
    };
    acknowledge(shared, case_id, seq, Written::Intake(marker.to_string())).await;
    if assess {
        let command = json!({"expected_seq": seq,
            "command": {"type": "assess_urgency", "acute": false}});
        let path = format!("/api/v1/cases/{case_id}/events");
        let (status, body) = api.post(&path, &command).await?;
        match body["seq"].as_i64().filter(|_| status == 201) {
            Some(seq) => {
                acknowledge(shared, case_id, seq, Written::Command("urgency_assessed")).await
            }
            None => count_refusal(shared, status, &body),
        }
    }
    Ok(())
}

/// A note after `seq`; on 409 the case's current number is read for the next try.
async fn note(
    api: &Api,
    shared: &Shared,
    case_id: &str,
    seq: i64,
    marker: &str,
    via_command: bool,
) -> Result<(), reqwest::Error> {
    let (path, body) = if via_command {
        (
            format!("/api/v1/cases/{case_id}/events"),
            json!({"expected_seq": seq, "command": {"type": "add_note", "text": marker}}),
        )
    } else {
        (
            format!("/api/v1/cases/{case_id}/notes"),
            json!({"expected_seq": seq, "text": marker}),
        )
    };
    let (status, answer) = api.post(&path, &body).await?;
    if let Some(seq) = answer["seq"].as_i64().filter(|_| status == 201) {
        acknowledge(shared, case_id, seq, Written::Note(marker.to_string())).await;
        return Ok(());
    }
    count_refusal(shared, status, &answer);
    if status == 409 {
        let (status, case) = api.get(&format!("/api/v1/cases/{case_id}")).await?;
        if let Some(now) = case["last_seq"].as_i64().filter(|_| status == 200) {
            let mut cases = shared.cases.lock().await;
            if let Some(known) = cases.iter_mut().find(|(id, _)| id == case_id) {
                known.1 = known.1.max(now);
            }
        }
    }
    Ok(())
}

/// The checks with the server down. Adds to the report; true when something was wrong.
async fn check(fresh: &Fresh, shared: &Shared, report: &mut CrashReport) -> CliResult<bool> {
    let acks = shared.acks.lock().await.clone();
    let store = fresh.open().await?;
    let found = async {
        let lost = lost_writes(&store, &acks).await?;
        let inconsistent = store.consistency().await?;
        Ok::<_, CliError>((lost, inconsistent))
    }
    .await;
    store.close().await;
    let (lost, inconsistent) = found?;
    for (ack, why) in lost.iter().take(5) {
        eprintln!("KWIJT: casus {} volgnummer {}: {why}", ack.case_id, ack.seq);
    }
    for i in &inconsistent {
        eprintln!(
            "HALF GESCHREVEN: {} ({}x, bijv. {})",
            i.check,
            i.count,
            i.example.as_deref().unwrap_or("-")
        );
    }
    let verified = verify_passes(fresh).await?;
    report.acknowledged = acks.len();
    report.lost = lost.len();
    report.inconsistencies += inconsistent.len();
    report.verify_failures += u32::from(!verified);
    Ok(!lost.is_empty() || !inconsistent.is_empty() || !verified)
}

/// The acknowledged writes that are not in the database as acknowledged, with the reason.
pub async fn lost_writes(
    store: &schakel_store::Store,
    acks: &[Ack],
) -> CliResult<Vec<(Ack, String)>> {
    let mut by_case: HashMap<&str, Vec<&Ack>> = HashMap::new();
    for a in acks {
        by_case.entry(a.case_id.as_str()).or_default().push(a);
    }
    let mut lost = Vec::new();
    for (case_id, acks) in by_case {
        let events = store.case_events(case_id).await?;
        let mut places = HashSet::new();
        for ack in acks {
            if !places.insert(ack.seq) {
                lost.push((ack.clone(), "twee bevestigingen voor één volgnummer".into()));
                continue;
            }
            let Some(event) = events.iter().find(|e| e.seq == ack.seq) else {
                lost.push((ack.clone(), "gebeurtenis ontbreekt".into()));
                continue;
            };
            let payload = event.payload.to_string();
            let holds = match &ack.written {
                Written::Intake(marker) | Written::Note(marker) => {
                    payload.contains(marker.as_str())
                }
                Written::Command(kind) => event.kind == *kind,
            };
            if !holds {
                lost.push((
                    ack.clone(),
                    format!("op dit volgnummer staat iets anders ({})", event.kind),
                ));
            }
        }
    }
    Ok(lost)
}

/// How long a run took, for the closing line.
pub fn elapsed(since: Instant) -> String {
    format!("{:.1} s", since.elapsed().as_secs_f64())
}

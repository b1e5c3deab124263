//! `schakel bench soak`: mixed reads and writes at a steady rate against a server for a while. The
//! server's resident memory and open files are sampled every 10 seconds; after the warm-up they
//! must stay within [`GROWTH_LIMIT`] of the warm-up sample (plus [`FD_SLACK`] files for
//! connections that come and go). Prints the samples and p50/p99 latency per kind of request;
//! fails on growth beyond the bound, on a server error or on a request without an answer.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use tokio::sync::{Mutex, Semaphore};

use super::Fresh;
use super::api::{Api, melding};
use super::child::Server;
use crate::args::in_range;
use crate::cli::BenchSoakArgs;
use crate::config::Config;
use crate::error::{CliError, CliResult};
use crate::region::Region;
use crate::synthetic::MAX_SCALE;

pub const DEFAULT_MINUTES: f64 = 10.0;
pub const DEFAULT_RATE: u32 = 20;
pub const DEFAULT_POPULATION: f64 = 0.05;
/// Memory and open files after the warm-up may grow by at most this factor.
pub const GROWTH_LIMIT: f64 = 1.5;
/// Open files may also differ by this many: keep-alive connections come and go.
pub const FD_SLACK: u64 = 16;
/// How often the server is sampled.
const SAMPLE_EVERY: Duration = Duration::from_secs(10);
/// Requests in flight at most; a tick that finds them all busy is counted as late and skipped.
const IN_FLIGHT: usize = 64;

/// The kinds of request and their share of the mix (percent).
const MIX: &[(Kind, u32)] = &[
    (Kind::WorkQueue, 35),
    (Kind::Case, 25),
    (Kind::Search, 15),
    (Kind::Note, 15),
    (Kind::Intake, 10),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    WorkQueue,
    Case,
    Search,
    Note,
    Intake,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::WorkQueue => "werkvoorraad",
            Kind::Case => "casus",
            Kind::Search => "zoeken",
            Kind::Note => "notitie",
            Kind::Intake => "intake",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct SoakOptions {
    pub duration: Duration,
    pub rate: u32,
    pub population: f64,
}

impl SoakOptions {
    pub fn resolve(args: &BenchSoakArgs) -> CliResult<Self> {
        let minutes: f64 = match &args.minutes {
            Some(v) => in_range("minutes", v, 0.25, 24.0 * 60.0, None)?,
            None => DEFAULT_MINUTES,
        };
        Ok(Self {
            duration: Duration::from_secs_f64(minutes * 60.0),
            rate: match &args.rate {
                Some(v) => in_range("rate", v, 1, 1000, None)?,
                None => DEFAULT_RATE,
            },
            population: match &args.population {
                Some(v) => in_range("population", v, 0.0, MAX_SCALE, None)?,
                None => DEFAULT_POPULATION,
            },
        })
    }

    /// The warm-up: a tenth of the run, at least one sample interval.
    fn warm_up(&self) -> Duration {
        (self.duration / 10).max(SAMPLE_EVERY)
    }
}

/// One sample of the server.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub at: Duration,
    pub rss_kib: u64,
    pub fds: u64,
}

/// Latencies and failures, per kind.
#[derive(Default)]
struct Tally {
    latencies: Vec<(Kind, Duration)>,
    server_errors: u64,
    unanswered: u64,
    refused: u64,
    /// The refusals (4xx other than 409) by kind and status, to tell what they were.
    refusals: std::collections::BTreeMap<(&'static str, u16), u64>,
}

pub async fn run(config: &Config, args: &BenchSoakArgs) -> CliResult<()> {
    let options = SoakOptions::resolve(args)?;
    let region = Region::load(config.region.as_deref())?;
    println!(
        "Soak: {:.1} minuten, {} verzoeken per seconde, achtergrond schaal {}; database wordt gevuld...",
        options.duration.as_secs_f64() / 60.0,
        options.rate,
        options.population
    );
    let fresh = Fresh::create(config, &region, options.population).await?;
    let result = soak(&fresh, config, &options).await;
    fresh.remove().await;
    result
}

async fn soak(fresh: &Fresh, config: &Config, options: &SoakOptions) -> CliResult<()> {
    let server = Server::start(fresh, config.region.as_deref()).await?;
    let outcome = drive(&server, options).await;
    server.kill().await;
    let (samples, tally, late) = outcome?;
    print_samples(&samples);
    print_latencies(&tally);
    let verdict = judge(&samples, options.warm_up());
    println!(
        "{} verzoeken, {late} overgeslagen (alle {IN_FLIGHT} plaatsen bezet), {} serverfouten, {} zonder antwoord, {} geweigerd.",
        tally.latencies.len(),
        tally.server_errors,
        tally.unanswered,
        tally.refused
    );
    for ((kind, status), n) in &tally.refusals {
        println!("  geweigerd: {kind} HTTP {status}: {n}x");
    }
    match verdict {
        Err(e) => Err(e),
        Ok(()) if tally.server_errors > 0 || tally.unanswered > 0 => Err(CliError::failure(
            "soak mislukt: serverfouten of verzoeken zonder antwoord",
        )),
        Ok(()) => {
            println!("Soak geslaagd: geheugen en open bestanden vlak.");
            Ok(())
        }
    }
}

type Driven = (Vec<Sample>, Tally, u64);

async fn drive(server: &Server, options: &SoakOptions) -> CliResult<Driven> {
    let api = Api::login(&server.base, "vt.medewerker").await?;
    let (status, list) = api
        .get("/api/v1/cases?limit=200")
        .await
        .map_err(|e| CliError::failure(format!("casussen: {e}")))?;
    let cases: Vec<(String, i64)> = list
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| Some((c["id"].as_str()?.to_string(), c["last_seq"].as_i64()?)))
                .collect()
        })
        .unwrap_or_default();
    if status != 200 {
        return Err(CliError::failure(format!("casussen: HTTP {status}")));
    }
    let cases = Arc::new(Mutex::new(cases));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut rng = StdRng::seed_from_u64(2018);
    let mut ticks = tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(options.rate)));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let started = Instant::now();
    let mut samples = Vec::new();
    let mut next_sample = Duration::ZERO;
    let mut late = 0_u64;
    let mut n = 0_u64;
    while started.elapsed() < options.duration {
        ticks.tick().await;
        if started.elapsed() >= next_sample {
            if let (Some(rss_kib), Some(fds)) = (server.rss_kib(), server.open_fds()) {
                samples.push(Sample {
                    at: started.elapsed(),
                    rss_kib,
                    fds,
                });
            }
            next_sample += SAMPLE_EVERY;
        }
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            late += 1;
            continue;
        };
        n += 1;
        let kind = pick(&mut rng);
        let (api, cases, tally) = (api.clone(), cases.clone(), tally.clone());
        let choice: u64 = rng.r#gen();
        tokio::spawn(async move {
            one_request(&api, kind, &cases, &tally, choice, n).await;
            drop(slot);
        });
    }
    // Let the requests in flight finish.
    let _ = slots.acquire_many(IN_FLIGHT as u32).await;
    if let (Some(rss_kib), Some(fds)) = (server.rss_kib(), server.open_fds()) {
        samples.push(Sample {
            at: started.elapsed(),
            rss_kib,
            fds,
        });
    }
    let tally = std::mem::take(&mut *tally.lock().await);
    Ok((samples, tally, late))
}

fn pick(rng: &mut StdRng) -> Kind {
    let total: u32 = MIX.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total);
    for (kind, weight) in MIX {
        if roll < *weight {
            return *kind;
        }
        roll -= weight;
    }
    Kind::WorkQueue
}

async fn one_request(
    api: &Api,
    kind: Kind,
    cases: &Mutex<Vec<(String, i64)>>,
    tally: &Mutex<Tally>,
    choice: u64,
    n: u64,
) {
    let case = {
        let cases = cases.lock().await;
        (!cases.is_empty()).then(|| cases[(choice % cases.len() as u64) as usize].clone())
    };
    let start = Instant::now();
    let answer = match (kind, &case) {
        (Kind::WorkQueue, _) => api.get("/api/v1/work-queue?limit=50").await,
        (Kind::Search, _) => {
            let q = ["Jansen", "de Vries", "Bakker", "Kind", "Venlo"][(choice % 5) as usize];
            api.get(&format!("/api/v1/search?q={q}")).await
        }
        (Kind::Case, Some((id, _))) => api.get(&format!("/api/v1/cases/{id}")).await,
        (Kind::Note, Some((id, seq))) => {
            let body = json!({"expected_seq": seq, "text": format!("Soaknotitie {n}")});
            api.post(&format!("/api/v1/cases/{id}/notes"), &body).await
        }
        (Kind::Intake, _) | (_, None) => {
            api.post("/api/v1/intakes", &melding(&format!("soak-{n}"), n))
                .await
        }
    };
    let took = start.elapsed();
    let mut t = tally.lock().await;
    t.latencies.push((kind, took));
    match answer {
        Err(_) => t.unanswered += 1,
        Ok((status, body)) => {
            if status >= 500 {
                t.server_errors += 1;
            } else if status >= 400 && status != 409 {
                t.refused += 1;
                *t.refusals.entry((kind.name(), status)).or_default() += 1;
            }
            // The case's number moves on with every write; the next note expects the new one.
            if let (Some(id), Some(seq)) = (body["case_id"].as_str(), body["seq"].as_i64()) {
                drop(t);
                let mut cases = cases.lock().await;
                match cases.iter_mut().find(|(c, _)| c == id) {
                    Some(known) => known.1 = known.1.max(seq),
                    None => cases.push((id.to_string(), seq)),
                }
            }
        }
    }
}

/// Whether memory and open files stayed within the bound after the warm-up.
pub fn judge(samples: &[Sample], warm_up: Duration) -> CliResult<()> {
    let Some(base) = samples.iter().find(|s| s.at >= warm_up) else {
        return Err(CliError::failure(
            "soak: geen meting na de opwarmtijd (is /proc er?)",
        ));
    };
    let Some(end) = samples.last() else {
        return Err(CliError::failure("soak: geen metingen"));
    };
    let rss_bound = (base.rss_kib as f64 * GROWTH_LIMIT) as u64;
    let fd_bound = (base.fds as f64 * GROWTH_LIMIT) as u64 + FD_SLACK;
    println!(
        "Geheugen (RSS): begin {} MiB, na opwarmen {} MiB, einde {} MiB, hoogste {} MiB (grens {} MiB).",
        mib(samples[0].rss_kib),
        mib(base.rss_kib),
        mib(end.rss_kib),
        mib(samples.iter().map(|s| s.rss_kib).max().unwrap_or(0)),
        mib(rss_bound)
    );
    println!(
        "Open bestanden: begin {}, na opwarmen {}, einde {}, hoogste {} (grens {fd_bound}).",
        samples[0].fds,
        base.fds,
        end.fds,
        samples.iter().map(|s| s.fds).max().unwrap_or(0)
    );
    if end.rss_kib > rss_bound || end.fds > fd_bound {
        return Err(CliError::failure(
            "soak mislukt: geheugen of open bestanden groeiden voorbij de grens",
        ));
    }
    Ok(())
}

fn mib(kib: u64) -> String {
    format!("{:.1}", kib as f64 / 1024.0)
}

fn print_samples(samples: &[Sample]) {
    println!("{:>8}  {:>9}  {:>6}", "TIJD s", "RSS MiB", "FDS");
    for s in samples {
        println!(
            "{:>8.0}  {:>9}  {:>6}",
            s.at.as_secs_f64(),
            mib(s.rss_kib),
            s.fds
        );
    }
}

fn print_latencies(tally: &Tally) {
    println!(
        "{:<13} {:>7} {:>9} {:>9} {:>9}",
        "VERZOEK", "AANTAL", "P50 ms", "P99 ms", "MAX ms"
    );
    for (kind, _) in MIX {
        let mut ms: Vec<f64> = tally
            .latencies
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, d)| d.as_secs_f64() * 1000.0)
            .collect();
        ms.sort_by(f64::total_cmp);
        println!(
            "{:<13} {:>7} {:>9.1} {:>9.1} {:>9.1}",
            kind.name(),
            ms.len(),
            percentile(&ms, 0.50),
            percentile(&ms, 0.99),
            ms.last().copied().unwrap_or(0.0)
        );
    }
}

/// The value below which `p` of the sorted values lie (nearest rank); 0 for none.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(at: u64, rss_kib: u64, fds: u64) -> Sample {
        Sample {
            at: Duration::from_secs(at),
            rss_kib,
            fds,
        }
    }

    #[test]
    fn growth_past_the_bound_after_warm_up_fails_and_flat_passes() {
        let warm = Duration::from_secs(60);
        let flat = [
            sample(0, 10_000, 20),
            sample(60, 40_000, 30),
            sample(600, 44_000, 35),
        ];
        assert!(judge(&flat, warm).is_ok());
        // Growth during the warm-up does not count; after it, it does.
        let leaking = [
            sample(0, 10_000, 20),
            sample(60, 40_000, 30),
            sample(600, 61_000, 30),
        ];
        assert!(judge(&leaking, warm).is_err());
        let fd_leak = [
            sample(0, 10_000, 20),
            sample(60, 40_000, 30),
            sample(600, 40_000, 62),
        ];
        assert!(judge(&fd_leak, warm).is_err());
        assert!(judge(&[sample(0, 1, 1)], warm).is_err());
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), 50.0);
        assert_eq!(percentile(&v, 0.99), 99.0);
        assert_eq!(percentile(&[7.0], 0.99), 7.0);
        assert_eq!(percentile(&[], 0.99), 0.0);
    }

    #[test]
    fn the_mix_adds_up_to_a_hundred() {
        assert_eq!(MIX.iter().map(|(_, w)| w).sum::<u32>(), 100);
    }
}

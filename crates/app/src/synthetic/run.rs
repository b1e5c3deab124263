//! Gives the planned courses through the use cases in the order of their moments. Steps of
//! different cases run concurrently in rounds (so the store's group commit can gather them); a
//! round never holds two steps of one household or one casus, and a melding about a household seen
//! before waits until everything earlier of that household is done, so the known-before check finds
//! what a worker would have found at that moment.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use schakel_store::{Store, StoreError};
use time::OffsetDateTime;

use super::course::{Course, Handles, Step, Who, course};
use super::plan::PlannedIntake;
use super::{SyntheticConfig, actor};
use crate::{Acting, CaseCommand, Error, Logged};

/// Steps per round at most.
const ROUND: usize = 256;
/// Days after which a refused step is tried once more.
const RETRY_AFTER_DAYS: i64 = 3;
/// Refusals kept with their message (the count is complete).
const KEEP_REFUSALS: usize = 20;

/// What the run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunReport {
    pub intakes: u64,
    /// Meldingen Schakel joined to an open casus of the same household.
    pub joined: u64,
    /// Meldingen classified as hermelding or vervolgmelding by the known-before check.
    pub repeats_found: u64,
    pub commands: u64,
    /// Steps the domain refused (each ends its course), with the first messages.
    pub refused: u64,
    pub refusals: Vec<String>,
    /// Steps after the period's end: work still to do.
    pub not_yet: u64,
}

struct Script {
    course: Course,
    /// The team of the case's gemeente (index into the config's teams).
    team: Option<usize>,
    /// The first melding about this household (itself when it is the first).
    household: usize,
    received_at: OffsetDateTime,
    case_id: Option<String>,
    /// The steps chosen once the intake ran (own casus or joined), and the next one.
    steps: Vec<Step>,
    next: usize,
    /// Whether the next step was refused once already.
    retried: bool,
}

enum Outcome {
    Registered {
        case_id: String,
        seq: i64,
        joined: bool,
        repeat: bool,
    },
    Done {
        seq: i64,
    },
    Conflict {
        actual: i64,
    },
    Refused(String),
}

fn outcome_of_error(e: Error) -> Result<Outcome, Error> {
    match e {
        Error::Store(StoreError::Conflict { actual, .. }) => Ok(Outcome::Conflict { actual }),
        Error::Store(StoreError::Rejected(r)) => Ok(Outcome::Refused(r.to_string())),
        Error::Invalid(f) => Ok(Outcome::Refused(format!("{}: {}", f.field, f.message))),
        Error::InvalidAll(all) => Ok(Outcome::Refused(all.to_string())),
        Error::Forbidden(r) => Ok(Outcome::Refused(r.message().to_string())),
        other => Err(other),
    }
}

/// Runs every planned course up to the period's end.
pub(super) async fn run(
    store: &Store,
    config: &SyntheticConfig,
    planned: &[PlannedIntake],
    vt: &[Acting],
    teams: &[Acting],
) -> Result<RunReport, Error> {
    let moments = store.rules().terms.monitoring.moments.clone();
    let mut scripts: Vec<Script> = planned
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let team = config.local_teams.get(p.gemeente).map(|_| p.gemeente);
            let gemeente = config
                .local_teams
                .get(p.gemeente)
                .map(|(g, _)| g.as_str())
                .unwrap_or_default();
            let handles = Handles {
                gemeente,
                team: team.map(|t| config.local_teams[t].1.as_str()),
                regiehouder: team.and_then(|t| teams.get(t)).map(|a| a.user_id.as_str()),
                moments: &moments,
            };
            Script {
                course: course(p, n, &handles),
                team,
                household: n,
                received_at: p.received_at,
                case_id: None,
                steps: Vec::new(),
                next: 0,
                retried: false,
            }
        })
        .collect();
    // A repeat belongs to the household of the melding it repeats (which may itself be a repeat).
    for n in 0..planned.len() {
        if let Some(j) = planned[n].repeat_of {
            scripts[n].household = scripts[j].household;
        }
    }

    let until = config.period.until;
    let mut report = RunReport::default();
    let mut seqs: HashMap<String, i64> = HashMap::new();
    let mut queue: BinaryHeap<Reverse<(OffsetDateTime, usize)>> = scripts
        .iter()
        .enumerate()
        .map(|(n, s)| Reverse((s.received_at, n)))
        .collect();
    while !queue.is_empty() {
        let mut round: Vec<usize> = Vec::new();
        let mut households = HashSet::new();
        let mut cases = HashSet::new();
        while let Some(Reverse((at, n))) = queue.peek().copied() {
            if at > until {
                queue.pop();
                report.not_yet += 1;
                continue;
            }
            let s = &scripts[n];
            let busy = households.contains(&s.household)
                || s.case_id.as_ref().is_some_and(|c| cases.contains(c));
            if round.len() >= ROUND || busy {
                break;
            }
            queue.pop();
            households.insert(s.household);
            if let Some(c) = &s.case_id {
                cases.insert(c.clone());
            }
            round.push(n);
        }
        let mut tasks = tokio::task::JoinSet::new();
        for &n in &round {
            let s = &scripts[n];
            let who = |by: Who| match by {
                Who::Vt(k) => vt.get(k as usize % vt.len().max(1)).cloned(),
                Who::Team => s.team.and_then(|t| teams.get(t)).cloned(),
            };
            let store = store.clone();
            match &s.case_id {
                None => {
                    let (Some(acting), intake) = (who(s.course.by), s.course.intake.clone()) else {
                        continue;
                    };
                    let at = s.received_at;
                    tasks.spawn(async move {
                        let policy = Logged {
                            store: &store,
                            actor: actor(&acting),
                            username: acting.username.clone(),
                            access_point: "synthetisch".into(),
                            now: at,
                        };
                        let out = match crate::register_deciding_other(
                            &store, &acting, &policy, at, intake,
                        )
                        .await
                        {
                            Ok(r) => Ok(Outcome::Registered {
                                repeat: r.classification.is_some_and(|c| {
                                    c != schakel_domain::classification::MeldingClass::EersteMelding
                                }),
                                case_id: r.case_id,
                                seq: r.seq,
                                joined: r.joined_open_casus,
                            }),
                            Err(e) => outcome_of_error(e),
                        };
                        (n, out)
                    });
                }
                Some(case_id) => {
                    let Some(step) = s.steps.get(s.next) else {
                        continue;
                    };
                    let Some(acting) = who(step.by) else {
                        continue;
                    };
                    let (case_id, at, command) = (case_id.clone(), step.at, step.command.clone());
                    let seq = seqs.get(&case_id).copied().unwrap_or(0);
                    tasks.spawn(async move {
                        let out = match crate::execute(&store, &acting, at, &case_id, seq, command)
                            .await
                        {
                            Ok(r) => Ok(Outcome::Done { seq: r.seq }),
                            Err(e) => outcome_of_error(e),
                        };
                        (n, out)
                    });
                }
            }
        }
        while let Some(done) = tasks.join_next().await {
            let (n, out) = done.map_err(|e| {
                Error::Store(StoreError::Corrupt(format!("synthetische stap: {e}")))
            })?;
            let s = &mut scripts[n];
            match out? {
                Outcome::Registered {
                    case_id,
                    seq,
                    joined,
                    repeat,
                } => {
                    report.intakes += 1;
                    report.joined += u64::from(joined);
                    report.repeats_found += u64::from(repeat);
                    s.steps = if joined {
                        std::mem::take(&mut s.course.joined)
                    } else {
                        std::mem::take(&mut s.course.own)
                    };
                    seqs.insert(case_id.clone(), seq);
                    s.case_id = Some(case_id);
                }
                Outcome::Done { seq } => {
                    report.commands += 1;
                    s.retried = false;
                    if let Some(c) = &s.case_id {
                        seqs.insert(c.clone(), seq);
                    }
                    s.next += 1;
                }
                Outcome::Conflict { actual } => {
                    // Another course wrote to the same casus first: try again after this round.
                    if let Some(c) = &s.case_id {
                        seqs.insert(c.clone(), actual);
                    }
                    queue.push(Reverse((step_time(s), n)));
                    continue;
                }
                Outcome::Refused(message) => {
                    // A worker whose step is refused (a casus cannot close while a melding that
                    // joined it waits for its assessment) tries again some days later, once.
                    if !s.retried
                        && let Some(step) = s.steps.get_mut(s.next)
                    {
                        s.retried = true;
                        step.at += time::Duration::days(RETRY_AFTER_DAYS);
                        queue.push(Reverse((step.at, n)));
                        continue;
                    }
                    report.refused += 1;
                    if report.refusals.len() < KEEP_REFUSALS {
                        let what = s
                            .steps
                            .get(s.next)
                            .map(|st| command_name(&st.command))
                            .unwrap_or("intake");
                        report.refusals.push(format!("{what}: {message}"));
                    }
                    continue;
                }
            }
            if let Some(step) = s.steps.get(s.next) {
                queue.push(Reverse((step.at, n)));
            }
        }
    }
    Ok(report)
}

fn step_time(s: &Script) -> OffsetDateTime {
    match &s.case_id {
        None => s.received_at,
        Some(_) => s.steps.get(s.next).map_or(s.received_at, |st| st.at),
    }
}

fn command_name(c: &CaseCommand) -> &'static str {
    match c {
        CaseCommand::AssessUrgency { .. } => "urgentie",
        CaseCommand::AssessSafety { .. } => "veiligheidsbeoordeling",
        CaseCommand::DecideFollowUp { .. } => "besluit",
        CaseCommand::OfferHandover { .. } => "overdracht aanbieden",
        CaseCommand::AcceptHandover { .. } => "overdracht accepteren",
        CaseCommand::RefuseHandover { .. } => "overdracht weigeren",
        CaseCommand::RecordMonitoring { .. } => "monitoring",
        CaseCommand::EndMonitoring { .. } => "monitoring beëindigen",
        CaseCommand::Close { .. } => "afsluiten",
        CaseCommand::ConvertToMelding { .. } => "omzetten naar melding",
        _ => "andere stap",
    }
}

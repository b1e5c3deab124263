//! Group commit for case work. Concurrent callers of [`super::record`] hand their work to one task,
//! which writes everything that queued up while the previous transaction committed in a single
//! transaction: one disk sync (SQLite with synchronous=FULL) serves many acknowledged writes, and
//! nothing is acknowledged before it is committed. If a shared transaction fails, each piece of work
//! is retried alone so that every caller gets its own answer (its own conflict or refusal).
//!
//! Each job carries the region rules of the handle that sent it, so the committer computes deadlines
//! with the configuration loaded at start-up, not with defaults of its own.

use std::collections::HashSet;
use std::sync::Arc;

use schakel_domain::case::CaseState;
use schakel_domain::rules::RegionRules;
use tokio::sync::{mpsc, oneshot};

use super::{CaseWork, record_many};
use crate::{Result, Store, StoreError};

/// The most pieces of work one transaction takes.
const MAX_BATCH: usize = 64;

pub(crate) struct Job {
    pub work: CaseWork,
    pub rules: Arc<RegionRules>,
    pub reply: oneshot::Sender<Result<(i64, CaseState)>>,
}

/// Starts the committer for `store` (a handle without a committer of its own) and returns the
/// sender through which work reaches it. The task ends when every sender is gone.
pub(crate) fn start(store: Store) -> mpsc::Sender<Job> {
    let (tx, rx) = mpsc::channel::<Job>(1024);
    tokio::spawn(run(store, rx));
    tx
}

async fn run(store: Store, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut pending = vec![first];
        while pending.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => pending.push(job),
                Err(_) => break,
            }
        }
        // Work on the same case twice goes into a later round, so it sees the earlier work; so
        // does work under other rules than the round's first job (one transaction, one set of rules).
        while let Some(rules) = pending.first().map(|j| j.rules.clone()) {
            let mut seen = HashSet::new();
            let (round, later): (Vec<Job>, Vec<Job>) = pending.into_iter().partition(|j| {
                (Arc::ptr_eq(&j.rules, &rules) || j.rules == rules)
                    && seen.insert(j.work.case_id.clone())
            });
            commit_round(&store, &rules, round).await;
            pending = later;
        }
    }
}

async fn commit_round(store: &Store, rules: &RegionRules, round: Vec<Job>) {
    if round.len() > 1 {
        let works: Vec<CaseWork> = round.iter().map(|j| j.work.clone()).collect();
        if let Ok(results) = record_many(store, rules, &works).await
            && results.len() == round.len()
        {
            for (job, result) in round.into_iter().zip(results) {
                let _ = job.reply.send(Ok(result));
            }
            return;
        }
    }
    for job in round {
        let result = record_many(store, rules, std::slice::from_ref(&job.work))
            .await
            .and_then(|mut done| {
                done.pop()
                    .ok_or_else(|| StoreError::Corrupt("geen resultaat van vastleggen".into()))
            });
        let _ = job.reply.send(result);
    }
}

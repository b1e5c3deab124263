//! The application service of the Veilig Thuis flow: loads a case's history, replays it through the
//! domain's state machine, applies the new events (the domain decides what is allowed), and appends
//! them with the case's read models in one transaction. A web handler or a command calls this; it
//! never writes case events itself.

use schakel_domain::case::{self, CaseEvent, CaseState, EventContext};
use schakel_domain::org::OrgKind;
use schakel_domain::rules::RegionRules;
use time::OffsetDateTime;

use crate::cases::{Author, EventDraft, apply_projection, write_events};
use crate::readmodels::write_read_models;
use crate::{Result, Store, StoreError, time_text};

mod group;
mod projection;

pub use projection::{case_projection, class_code, read_models, title};

/// Events one author applies at one moment.
#[derive(Debug, Clone)]
pub struct Step {
    pub author: Author,
    pub org_kind: OrgKind,
    pub at: OffsetDateTime,
    pub events: Vec<CaseEvent>,
}

/// Work on one case: steps applied in order after `expected_seq` (0 for a new case).
#[derive(Debug, Clone)]
pub struct CaseWork {
    pub case_id: String,
    pub expected_seq: i64,
    pub steps: Vec<Step>,
}

/// Records `events` on a case, with the deadlines computed by the store handle's region rules
/// ([`Store::with_rules`]). Returns the new last sequence
/// and the case's state. A transition the rules forbid is [`StoreError::Rejected`]; a stale
/// `expected_seq` is [`StoreError::Conflict`].
pub async fn record(
    store: &Store,
    case_id: &str,
    expected_seq: i64,
    author: &Author,
    org_kind: OrgKind,
    events: Vec<CaseEvent>,
    now: OffsetDateTime,
) -> Result<(i64, CaseState)> {
    let work = CaseWork {
        case_id: case_id.to_string(),
        expected_seq,
        steps: vec![Step {
            author: author.clone(),
            org_kind,
            at: now,
            events,
        }],
    };
    if let Some(committer) = store.committer() {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job = group::Job {
            work,
            rules: store.rules().clone(),
            reply,
        };
        if committer.send(job).await.is_ok() {
            return answer
                .await
                .map_err(|_| StoreError::Corrupt("vastleggen afgebroken".into()))?;
        }
        return Err(StoreError::Corrupt(
            "de schrijver van de database is gestopt".into(),
        ));
    }
    let mut done = record_many(store, store.rules(), &[work]).await?;
    done.pop()
        .ok_or_else(|| StoreError::Corrupt("geen resultaat van vastleggen".into()))
}

pub(crate) use group::{Job as CommitJob, start as start_committer};

/// Records work on many cases in ONE transaction (bulk intake, the synthetic year). Every case is
/// checked by the domain first; nothing is written when any step is refused.
pub async fn record_many(
    store: &Store,
    rules: &RegionRules,
    work: &[CaseWork],
) -> Result<Vec<(i64, CaseState)>> {
    struct Planned {
        state: CaseState,
        facts_changed: bool,
        drafts: Vec<Vec<EventDraft>>,
    }
    let mut planned = Vec::with_capacity(work.len());
    for w in work {
        let before = if w.expected_seq > 0 {
            let (seq, state) =
                load_state(store, &w.case_id)
                    .await?
                    .ok_or_else(|| StoreError::Conflict {
                        case_id: w.case_id.clone(),
                        expected: w.expected_seq,
                        actual: 0,
                    })?;
            if seq != w.expected_seq {
                return Err(StoreError::Conflict {
                    case_id: w.case_id.clone(),
                    expected: w.expected_seq,
                    actual: seq,
                });
            }
            Some(state)
        } else {
            None
        };
        let mut state = before.clone();
        let mut drafts = Vec::with_capacity(w.steps.len());
        for step in &w.steps {
            let ctx = EventContext {
                at: to_micros(step.at),
                org_id: step.author.org_id.clone(),
                org_kind: step.org_kind,
            };
            let mut step_drafts = Vec::with_capacity(step.events.len());
            for event in &step.events {
                let after = case::apply(state.as_ref(), event, &ctx)?;
                step_drafts.push(event_draft(event, step.org_kind, ctx.at)?);
                // A rule of the lifecycle may demand a next event at once (unmet conditions re-escalate).
                let follow = case::follow_up(&after, event);
                state = Some(after);
                if let Some(next) = follow {
                    state = Some(case::apply(state.as_ref(), &next, &ctx)?);
                    step_drafts.push(event_draft(&next, step.org_kind, ctx.at)?);
                }
            }
            drafts.push(step_drafts);
        }
        let Some(state) = state else {
            return Err(StoreError::Rejected(case::TransitionError::NotAllowed(
                schakel_domain::msg("error-nothing-to-record"),
            )));
        };
        let facts_changed = before
            .as_ref()
            .is_none_or(|b| b.intakes != state.intakes || b.case_kind != state.case_kind);
        planned.push(Planned {
            state,
            facts_changed,
            drafts,
        });
    }
    let mut tx = store.begin_write().await?;
    let mut out = Vec::with_capacity(work.len());
    for (w, p) in work.iter().zip(planned) {
        let projection = case_projection(&p.state);
        let mut seq = w.expected_seq;
        for (step, drafts) in w.steps.iter().zip(&p.drafts) {
            if drafts.is_empty() {
                continue;
            }
            let new_case = (seq == 0).then_some(&projection);
            seq = write_events(&mut tx, &w.case_id, seq, &step.author, drafts, new_case).await?;
        }
        if seq == w.expected_seq {
            // Nothing appended: the state is unchanged.
            out.push((seq, p.state));
            continue;
        }
        apply_projection(&mut tx, &w.case_id, &projection).await?;
        let models = read_models(&p.state, rules, p.facts_changed);
        write_read_models(&mut tx, &w.case_id, &models).await?;
        out.push((seq, p.state));
    }
    tx.commit().await?;
    Ok(out)
}

/// The case's last sequence number and state, replayed from its stored events.
pub async fn load_state(store: &Store, case_id: &str) -> Result<Option<(i64, CaseState)>> {
    let stored = store.case_events(case_id).await?;
    let mut pairs = Vec::with_capacity(stored.len());
    for e in &stored {
        let at = time_text::parse(&e.at).ok_or_else(|| {
            StoreError::Corrupt(format!("tijdstip van {case_id}/{}: {}", e.seq, e.at))
        })?;
        let kind = e.payload["org_kind"].as_str().unwrap_or_default();
        let org_kind = OrgKind::parse("org_kind", kind)
            .map_err(|err| StoreError::Corrupt(format!("{case_id}/{}: {err}", e.seq)))?;
        let event: CaseEvent = serde_json::from_value(e.payload.clone())
            .map_err(|err| StoreError::Corrupt(format!("{case_id}/{}: {err}", e.seq)))?;
        let ctx = EventContext {
            at,
            org_id: e.org_id.clone(),
            org_kind,
        };
        pairs.push((event, ctx));
    }
    let state = case::replay(pairs.iter().map(|(e, c)| (e, c))).map_err(|(i, err)| {
        StoreError::Corrupt(format!(
            "geschiedenis van {case_id} klopt niet bij gebeurtenis {}: {err}",
            i + 1
        ))
    })?;
    let seq = stored.last().map_or(0, |e| e.seq);
    Ok(state.map(|s| (seq, s)))
}

/// The stored form of a domain event: its JSON with the acting organisation's kind beside it, so a
/// replay has everything the state machine judged by.
pub fn event_draft(event: &CaseEvent, org_kind: OrgKind, at: OffsetDateTime) -> Result<EventDraft> {
    let mut payload = serde_json::to_value(event)
        .map_err(|e| StoreError::Corrupt(format!("gebeurtenis niet te bewaren: {e}")))?;
    if let Some(obj) = payload.as_object_mut() {
        obj.insert("org_kind".into(), org_kind.code().into());
    }
    Ok(EventDraft {
        kind: event.name().to_string(),
        payload,
        at,
    })
}

/// Times are stored with microseconds; the state is computed with the same precision so a replay
/// gives the same state.
fn to_micros(at: OffsetDateTime) -> OffsetDateTime {
    at.replace_nanosecond(at.nanosecond() / 1000 * 1000)
        .unwrap_or(at)
}

//! Merging a person who was wrongly split (issue 7 rule breach 5; the rules are
//! [`schakel_domain::intake::merge`]). Two steps, so the caller can pass its gate in between:
//! [`plan_merge`] finds both persons and every case involved; the caller opens each of those cases
//! for `Update` through its own gate (policy and access log); [`merge_persons`] then writes a
//! `person_merged` event in the log of every case that holds the merged person, all in one
//! transaction, each after the sequence number the plan saw (a case changed in between is a
//! conflict, nothing is written).

use schakel_domain::case::{CaseEvent, IntakeEvent};
use schakel_domain::intake::merge::{MergeRequest, MergedPerson, check_merge};
use schakel_domain::{FieldError, msg};
use schakel_store::cases::PersonRecord;
use schakel_store::casework::{self, CaseWork, Step};
use schakel_store::{Store, StoreError};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::{Acting, Error};

/// What a worker asks: merge person `merged` into person `kept`, for `reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergePersons {
    pub kept: String,
    pub merged: String,
    pub reason: String,
    /// Two different valid BSNs: the worker confirms they are one person nonetheless.
    pub confirm_different_bsn: bool,
}

/// Both persons and the cases involved, as found before the caller checks access.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergePlan {
    pub kept: PersonRecord,
    pub merged: PersonRecord,
    /// The cases holding the merged person, each with its last sequence number: each gets the event.
    pub merged_cases: Vec<(String, i64)>,
    /// The cases holding the kept person: they gain nothing in their log but now share a person.
    pub kept_cases: Vec<(String, i64)>,
}

impl MergePlan {
    /// Every case involved, once: the caller must be allowed `Update` on each.
    pub fn cases(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .merged_cases
            .iter()
            .chain(&self.kept_cases)
            .map(|(id, _)| id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

/// The outcome: the cases that recorded the merge, with their new last sequence number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Merged {
    pub kept: String,
    pub merged: String,
    pub cases: Vec<(String, i64)>,
}

fn facts(p: &PersonRecord) -> MergedPerson {
    MergedPerson {
        id: p.id.clone(),
        name: p.display_name.clone(),
        birth_date: p.birth_date.as_deref().and_then(|d| {
            Date::parse(d, &time::format_description::well_known::Iso8601::DATE).ok()
        }),
        bsn: p.bsn.clone(),
    }
}

fn request(plan: &MergePlan, cmd: &MergePersons) -> MergeRequest {
    MergeRequest {
        kept: facts(&plan.kept),
        merged: facts(&plan.merged),
        reason: cmd.reason.trim().to_string(),
        confirm_different_bsn: cmd.confirm_different_bsn,
    }
}

/// A person that exists and was not merged away already; `field` names it in an error.
async fn live_person(store: &Store, field: &str, id: &str) -> Result<PersonRecord, Error> {
    let id = id.trim();
    if id.is_empty() {
        return Err(FieldError::new(field, msg("case-required")).into());
    }
    match store.person(id).await? {
        None => Err(FieldError::new(field, msg("merge-error-unknown-person")).into()),
        Some(p) if p.merged_into.is_some() => {
            Err(FieldError::new(field, msg("merge-error-already-merged")).into())
        }
        Some(p) => Ok(p.record),
    }
}

/// Finds both persons and the cases involved, and checks the merge's rules (every failing field
/// at once). Writes nothing and logs nothing: the caller's gate does that per case.
pub async fn plan_merge(store: &Store, cmd: &MergePersons) -> Result<MergePlan, Error> {
    let kept = live_person(store, "kept_person", &cmd.kept).await?;
    let merged = live_person(store, "merged_person", &cmd.merged).await?;
    let plan = MergePlan {
        merged_cases: store.cases_of_person(&merged.id).await?,
        kept_cases: store.cases_of_person(&kept.id).await?,
        kept,
        merged,
    };
    check_merge(&request(&plan, cmd))?;
    if plan.merged_cases.is_empty() {
        return Err(FieldError::new("merged_person", msg("merge-error-unknown-person")).into());
    }
    Ok(plan)
}

/// Writes the merge: one `person_merged` event in every case that holds the merged person, in one
/// transaction, by `acting` at `now`. The caller has opened every case of [`MergePlan::cases`]
/// for `Update` through its gate.
pub async fn merge_persons(
    store: &Store,
    acting: &Acting,
    now: OffsetDateTime,
    plan: &MergePlan,
    cmd: &MergePersons,
) -> Result<Merged, Error> {
    let req = request(plan, cmd);
    check_merge(&req)?;
    let event = CaseEvent::Intake(IntakeEvent::PersonMerged {
        kept: req.kept.clone(),
        merged: req.merged.clone(),
        reason: req.reason.clone(),
        by: acting.username.clone(),
        confirm_different_bsn: req.confirm_different_bsn,
    });
    let work: Vec<CaseWork> = plan
        .merged_cases
        .iter()
        .map(|(case_id, seq)| CaseWork {
            case_id: case_id.clone(),
            expected_seq: *seq,
            steps: vec![Step {
                author: acting.author(),
                org_kind: acting.org_kind,
                at: now,
                events: vec![event.clone()],
            }],
        })
        .collect();
    let done = casework::record_many(store, store.rules(), &work).await?;
    if done.len() != work.len() {
        return Err(StoreError::Corrupt("samenvoegen: niet elke casus vastgelegd".into()).into());
    }
    Ok(Merged {
        kept: plan.kept.id.clone(),
        merged: plan.merged.id.clone(),
        cases: work
            .iter()
            .zip(done)
            .map(|(w, (seq, _))| (w.case_id.clone(), seq))
            .collect(),
    })
}

/// How many candidates the merge form offers, at most.
const CANDIDATE_LIMIT: i64 = 20;

/// Persons that may be the same as `person` (similar name, a date of birth within a day, the same
/// BSN: the known-before check's lookups, RULES.md 2.1), in cases the user may read, without the
/// person itself. The look is written to the access log as a search when anything is found.
pub async fn merge_candidates<P: crate::Policy>(
    store: &Store,
    policy: &P,
    person: &PersonRecord,
    today: Date,
) -> Result<Vec<schakel_store::known::KnownMatch>, P::Error> {
    let facts = facts(person);
    let q = schakel_store::known::KnownQuery {
        bsn: facts
            .bsn
            .as_deref()
            .and_then(|s| schakel_domain::bsn::Bsn::parse("bsn", s).ok()),
        name: Some(facts.name.clone()),
        birth_date: facts.birth_date,
        // A stored person has no estimated age: without a date of birth only the BSN finds others.
        estimated_age: None,
        today: Some(today),
    };
    let found = schakel_store::known::find_known(store, &q, CANDIDATE_LIMIT)
        .await
        .map_err(Error::from)?;
    let mut out = Vec::new();
    for m in found {
        if m.person.id == person.id
            || out.iter().any(|o: &schakel_store::known::KnownMatch| {
                o.person.id == m.person.id && o.case_id == m.case_id
            })
        {
            continue;
        }
        let participants = store
            .case_participants(&m.case_id)
            .await
            .map_err(Error::from)?;
        if policy.may_read(&participants) {
            out.push(m);
        }
    }
    if !out.is_empty() {
        let clients = out.iter().map(|m| m.person.id.clone()).collect();
        policy
            .authorize(
                schakel_domain::access::Action::Search,
                clients,
                Some("samenvoegen van personen".into()),
            )
            .await?;
    }
    Ok(out)
}

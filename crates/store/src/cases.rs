//! The case event log and its read models. A case is its history (DESIGN.md principle 2): every
//! change is an appended event, hash-chained to its predecessor, written in the same transaction as
//! the projections it updates. A writer states the sequence number it last saw; if someone appended
//! in between, the write is refused with [`StoreError::Conflict`].

use schakel_domain::access::Participation;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use crate::hashchain;
use crate::{Result, Store, StoreError};

mod rehash;
mod tombstone;
mod write;

pub(crate) use rehash::rehash_legacy_chains;

pub use tombstone::Tombstone;
pub(crate) use tombstone::is_tombstone;

pub(crate) use write::{apply_projection, replace_name_tokens, write_events};

/// Who appends: the user, the organisation they act for, and whom they act on behalf of, if anyone.
#[derive(Debug, Clone)]
pub struct Author {
    pub user_id: String,
    pub org_id: String,
    pub on_behalf_of: Option<String>,
}

/// One event to append. The payload is stored as canonical JSON text (sorted keys, no spaces).
#[derive(Debug, Clone)]
pub struct EventDraft {
    pub kind: String,
    pub payload: serde_json::Value,
    pub at: OffsetDateTime,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredEvent {
    pub case_id: String,
    pub seq: i64,
    pub at: String,
    pub user_id: String,
    pub org_id: String,
    pub on_behalf_of: Option<String>,
    pub kind: String,
    /// A tombstone (`{"tombstone": {...}}`) once retention destroyed the payload.
    pub payload: serde_json::Value,
    /// SHA-256 of the original payload text; what the chain links. `None` only before migration 0003's
    /// data step rehashed the event.
    pub payload_digest: Option<String>,
    /// When retention replaced the payload by a tombstone.
    pub tombstoned_at: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// A person in a case's read model. The id is stable across cases so that one person can be found
/// in several of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PersonRecord {
    pub id: String,
    pub display_name: String,
    pub birth_date: Option<String>,
    pub bsn: Option<String>,
    /// Where the person lives, as last registered.
    pub gemeente: Option<String>,
}

/// The read model of one case after the appended events, computed by the caller from the domain.
#[derive(Debug, Clone, Default)]
pub struct CaseProjection {
    pub kind: String,
    pub status: String,
    pub accountable_org: String,
    pub title: String,
    pub participants: Vec<(String, Participation)>,
    pub persons: Vec<(PersonRecord, String)>,
    /// The year the case's first intake was received: the year in its case number (the year it
    /// is opened when `None`).
    pub received_year: Option<i32>,
    /// The family's gemeente (of the first intake), a filter of Te doen.
    pub gemeente: Option<String>,
    /// Read as acute (urgency or assessment), so Te doen shows it first with a badge.
    pub acute: bool,
    /// The worker of the accountable organisation the case is assigned to.
    pub assigned_user: Option<String>,
    /// Persons merged in this case (issue 7): (merged person id, kept person id). The merged
    /// person's row is marked as merged into the kept one and leaves the search index.
    pub merged_persons: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary {
    pub id: String,
    /// VT-2026-00123; `None` only for a case written outside the store's case writer.
    pub case_number: Option<String>,
    pub kind: String,
    pub status: String,
    pub accountable_org: String,
    pub title: String,
    pub opened_at: String,
    pub updated_at: String,
    pub last_seq: i64,
}

/// Lower-case letters and digits only, diacritics folded, single spaces: how names are compared
/// (the domain's rule, [`schakel_domain::matching::normalise_name`]).
pub fn name_key(name: &str) -> String {
    schakel_domain::matching::normalise_name(name)
}

/// The hash of one case event over the fields that make it what it is. The payload enters through
/// its digest (`payload` holds the digest here), so retention can replace the payload by a
/// tombstone without touching any hash, while an altered payload still no longer matches its digest.
pub(crate) fn event_hash(prev: &str, e: &EventFields<'_>) -> String {
    let seq = e.seq.to_string();
    hashchain::link(
        prev,
        &[
            Some(e.case_id),
            Some(&seq),
            Some(e.at),
            Some(e.user_id),
            Some(e.org_id),
            e.on_behalf_of,
            Some(e.kind),
            Some(e.payload),
        ],
    )
}

pub(crate) struct EventFields<'a> {
    pub case_id: &'a str,
    pub seq: i64,
    pub at: &'a str,
    pub user_id: &'a str,
    pub org_id: &'a str,
    pub on_behalf_of: Option<&'a str>,
    pub kind: &'a str,
    /// The payload digest (the rule since migration 0003) or the raw payload text (the rule before
    /// it, which only the migrator still checks); the encoding is otherwise the same.
    pub payload: &'a str,
}

pub(crate) const SUMMARY_COLUMNS: &str =
    "id, case_number, kind, status, accountable_org, title, opened_at, updated_at, last_seq";

pub(crate) fn summary_from_row(r: &AnyRow) -> Result<CaseSummary> {
    Ok(CaseSummary {
        id: r.try_get("id")?,
        case_number: r.try_get("case_number")?,
        kind: r.try_get("kind")?,
        status: r.try_get("status")?,
        accountable_org: r.try_get("accountable_org")?,
        title: r.try_get("title")?,
        opened_at: r.try_get("opened_at")?,
        updated_at: r.try_get("updated_at")?,
        last_seq: r.try_get("last_seq")?,
    })
}

impl Store {
    pub async fn case_events(&self, case_id: &str) -> Result<Vec<StoredEvent>> {
        let rows = sqlx::query(
            "SELECT case_id, seq, at, user_id, org_id, on_behalf_of, kind, payload, payload_digest, \
             tombstoned_at, prev_hash, hash FROM case_events WHERE case_id = $1 ORDER BY seq",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let payload: String = r.try_get("payload")?;
                Ok(StoredEvent {
                    case_id: r.try_get("case_id")?,
                    seq: r.try_get("seq")?,
                    at: r.try_get("at")?,
                    user_id: r.try_get("user_id")?,
                    org_id: r.try_get("org_id")?,
                    on_behalf_of: r.try_get("on_behalf_of")?,
                    kind: r.try_get("kind")?,
                    payload: serde_json::from_str(&payload)
                        .map_err(|e| StoreError::Corrupt(format!("payload van {case_id}: {e}")))?,
                    payload_digest: r.try_get("payload_digest")?,
                    tombstoned_at: r.try_get("tombstoned_at")?,
                    prev_hash: r.try_get("prev_hash")?,
                    hash: r.try_get("hash")?,
                })
            })
            .collect()
    }

    pub async fn case_summary(&self, case_id: &str) -> Result<Option<CaseSummary>> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM cases WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(case_id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(summary_from_row).transpose()
    }

    /// The organisations taking part in a case with their role: the input of the access policy.
    pub async fn case_participants(&self, case_id: &str) -> Result<Vec<(String, Participation)>> {
        let rows =
            sqlx::query("SELECT org_id, participation FROM case_participants WHERE case_id = $1")
                .bind(case_id)
                .fetch_all(self.pool())
                .await?;
        rows.iter()
            .map(|r| {
                let p: String = r.try_get(1)?;
                let p = Participation::parse(&p)
                    .ok_or_else(|| StoreError::Corrupt(format!("participatie '{p}'")))?;
                Ok((r.try_get(0)?, p))
            })
            .collect()
    }

    /// The persons of a case: the clients an access-log entry about this case concerns.
    pub async fn case_persons(&self, case_id: &str) -> Result<Vec<(PersonRecord, String)>> {
        let rows = sqlx::query(
            "SELECT p.id, p.display_name, p.birth_date, p.bsn, p.gemeente, cp.role FROM case_persons cp \
             JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = $1 ORDER BY p.display_name",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    PersonRecord {
                        id: r.try_get(0)?,
                        display_name: r.try_get(1)?,
                        birth_date: r.try_get(2)?,
                        bsn: r.try_get(3)?,
                        gemeente: r.try_get(4)?,
                    },
                    r.try_get(5)?,
                ))
            })
            .collect()
    }

    /// Cases in which `org_id` takes part in one of `participations`, most recently changed first.
    pub async fn cases_for_org(
        &self,
        org_id: &str,
        participations: &[Participation],
        limit: i64,
        offset: i64,
    ) -> Result<Vec<CaseSummary>> {
        self.cases_of_org(org_id, participations, false, limit, offset)
            .await
    }

    /// As [`Store::cases_for_org`]; with `open_only`, closed cases are left out (the start page's
    /// default, issue 7).
    pub async fn cases_of_org(
        &self,
        org_id: &str,
        participations: &[Participation],
        open_only: bool,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<CaseSummary>> {
        let codes: Vec<String> = participations
            .iter()
            .map(|p| format!("'{}'", p.code()))
            .collect();
        if codes.is_empty() {
            return Ok(Vec::new());
        }
        // The participation codes are our own constants, never user input.
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM cases WHERE id IN (SELECT case_id FROM case_participants \
             WHERE org_id = $1 AND participation IN ({})){} ORDER BY updated_at DESC, id LIMIT $2 OFFSET $3",
            codes.join(", "),
            if open_only {
                " AND status <> 'gesloten'"
            } else {
                ""
            }
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org_id)
            .bind(limit)
            .bind(offset)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(summary_from_row).collect()
    }
}

/// A person as the persons table holds it, with the person it was merged into, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredPerson {
    pub record: PersonRecord,
    /// Set once the person was merged into another (issue 7): that person's id.
    pub merged_into: Option<String>,
}

impl Store {
    /// One person by id, as stored (a merged person too, naming the person it was merged into).
    pub async fn person(&self, person_id: &str) -> Result<Option<StoredPerson>> {
        let row = sqlx::query(
            "SELECT id, display_name, birth_date, bsn, gemeente, merged_into FROM persons WHERE id = $1",
        )
        .bind(person_id)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            Ok(StoredPerson {
                record: PersonRecord {
                    id: r.try_get(0)?,
                    display_name: r.try_get(1)?,
                    birth_date: r.try_get(2)?,
                    bsn: r.try_get(3)?,
                    gemeente: r.try_get(4)?,
                },
                merged_into: r.try_get(5)?,
            })
        })
        .transpose()
    }

    /// The person an id stands for now: a merged person leads to the person it was merged into
    /// (issue 7), following a chain of merges up to a bound.
    pub async fn current_person(&self, person_id: &str) -> Result<Option<StoredPerson>> {
        let mut id = person_id.to_string();
        for _ in 0..16 {
            let Some(p) = self.person(&id).await? else {
                return Ok(None);
            };
            match &p.merged_into {
                Some(next) if next != &id => id = next.clone(),
                _ => return Ok(Some(p)),
            }
        }
        Err(StoreError::Corrupt(format!(
            "persoon {person_id}: te lange keten van samenvoegingen"
        )))
    }

    /// The cases that hold a person, with each case's last sequence number (what a write on it
    /// expects), ordered by case id.
    pub async fn cases_of_person(&self, person_id: &str) -> Result<Vec<(String, i64)>> {
        let rows = sqlx::query(
            "SELECT c.id, c.last_seq FROM case_persons cp JOIN cases c ON c.id = cp.case_id \
             WHERE cp.person_id = $1 ORDER BY c.id",
        )
        .bind(person_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }
}

impl Store {
    /// The participations of `org_id` in each of `case_ids` (one query for a whole page of cases).
    pub async fn participations_of_org(
        &self,
        org_id: &str,
        case_ids: &[String],
    ) -> Result<Vec<(String, Participation)>> {
        if case_ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> =
            (0..case_ids.len()).map(|i| format!("${}", i + 2)).collect();
        // Only numbered placeholders are formatted into the text; the ids are bound.
        let sql = format!(
            "SELECT case_id, participation FROM case_participants WHERE org_id = $1 AND case_id IN ({})",
            placeholders.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(org_id);
        for id in case_ids {
            q = q.bind(id);
        }
        let rows = q.fetch_all(self.pool()).await?;
        rows.iter()
            .map(|r| {
                let p: String = r.try_get(1)?;
                let p = Participation::parse(&p)
                    .ok_or_else(|| StoreError::Corrupt(format!("participatie '{p}'")))?;
                Ok((r.try_get(0)?, p))
            })
            .collect()
    }
}

//! The case event log and its read models. A case is its history (DESIGN.md principle 2): every
//! change is an appended event, hash-chained to its predecessor, written in the same transaction as
//! the projections it updates. A writer states the sequence number it last saw; if someone appended
//! in between, the write is refused with [`StoreError::Conflict`].

use schakel_domain::access::Participation;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use time::OffsetDateTime;

use crate::hashchain::{self, GENESIS};
use crate::{Result, Store, StoreError, time_text};

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
    pub payload: serde_json::Value,
    pub prev_hash: String,
    pub hash: String,
}

/// A person in a case's read model. The id is stable across cases so that one person can be found
/// in several of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRecord {
    pub id: String,
    pub display_name: String,
    pub birth_date: Option<String>,
    pub bsn: Option<String>,
}

/// The read model of one case after the appended events, computed by the caller from the domain.
#[derive(Debug, Clone)]
pub struct CaseProjection {
    pub kind: String,
    pub status: String,
    pub accountable_org: String,
    pub title: String,
    pub participants: Vec<(String, Participation)>,
    pub persons: Vec<(PersonRecord, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub accountable_org: String,
    pub title: String,
    pub opened_at: String,
    pub updated_at: String,
    pub last_seq: i64,
}

/// Lower-case letters and digits only, single spaces: how names are compared.
pub fn name_key(name: &str) -> String {
    let cleaned: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The hash of one case event over the fields that make it what it is.
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
    pub payload: &'a str,
}

const SUMMARY_COLUMNS: &str =
    "id, kind, status, accountable_org, title, opened_at, updated_at, last_seq";

fn summary_from_row(r: &AnyRow) -> Result<CaseSummary> {
    Ok(CaseSummary {
        id: r.try_get("id")?,
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
    /// Appends `drafts` to the case's log after `expected_seq` (0 for a new case) and replaces the
    /// case's read model with `projection`, all in one transaction. Returns the new last sequence.
    /// `None` keeps the read model as it is (for events that change nothing in it, such as a note);
    /// a new case always needs one.
    pub async fn append_case_events(
        &self,
        case_id: &str,
        expected_seq: i64,
        author: &Author,
        drafts: &[EventDraft],
        projection: Option<&CaseProjection>,
    ) -> Result<i64> {
        if drafts.is_empty() {
            return Ok(expected_seq);
        }
        let mut tx = self.begin_write().await?;
        let current = sqlx::query("SELECT last_seq, head_hash FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_optional(&mut *tx)
            .await?;
        let (actual_seq, mut prev) = match &current {
            Some(r) => (r.try_get::<i64, _>(0)?, r.try_get::<String, _>(1)?),
            None => (0, GENESIS.to_string()),
        };
        let conflict = || StoreError::Conflict {
            case_id: case_id.to_string(),
            expected: expected_seq,
            actual: actual_seq,
        };
        if actual_seq != expected_seq {
            return Err(conflict());
        }
        let mut seq = expected_seq;
        let mut last_at = String::new();
        for d in drafts {
            seq += 1;
            let at = time_text::format(d.at);
            let payload = d.payload.to_string();
            let fields = EventFields {
                case_id,
                seq,
                at: &at,
                user_id: &author.user_id,
                org_id: &author.org_id,
                on_behalf_of: author.on_behalf_of.as_deref(),
                kind: &d.kind,
                payload: &payload,
            };
            let hash = event_hash(&prev, &fields);
            if seq == 1 {
                let Some(projection) = projection else {
                    return Err(StoreError::Corrupt(format!(
                        "nieuwe casus {case_id} zonder leesmodel"
                    )));
                };
                // The case row must exist before rows that refer to it; its head is set below.
                sqlx::query(
                    "INSERT INTO cases (id, kind, status, accountable_org, title, opened_at, updated_at, last_seq, head_hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $6, 0, $7)",
                )
                .bind(case_id)
                .bind(&projection.kind)
                .bind(&projection.status)
                .bind(&projection.accountable_org)
                .bind(&projection.title)
                .bind(&at)
                .bind(GENESIS)
                .execute(&mut *tx)
                .await
                .map_err(|e| match &e {
                    sqlx::Error::Database(db) if db.is_unique_violation() => conflict(),
                    _ => StoreError::Db(e),
                })?;
            }
            sqlx::query(
                "INSERT INTO case_events (case_id, seq, at, user_id, org_id, on_behalf_of, kind, payload, prev_hash, hash) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(case_id)
            .bind(seq)
            .bind(&at)
            .bind(&author.user_id)
            .bind(&author.org_id)
            .bind(author.on_behalf_of.as_deref())
            .bind(&d.kind)
            .bind(&payload)
            .bind(&prev)
            .bind(&hash)
            .execute(&mut *tx)
            .await
            .map_err(|e| match &e {
                sqlx::Error::Database(db) if db.is_unique_violation() => conflict(),
                _ => StoreError::Db(e),
            })?;
            prev = hash;
            last_at = at;
        }
        let guard_seq = if current.is_some() { expected_seq } else { 0 };
        let updated = match projection {
            Some(p) => sqlx::query(
                "UPDATE cases SET kind = $2, status = $3, accountable_org = $4, title = $5, updated_at = $6, \
                 last_seq = $7, head_hash = $8 WHERE id = $1 AND last_seq = $9",
            )
            .bind(case_id)
            .bind(&p.kind)
            .bind(&p.status)
            .bind(&p.accountable_org)
            .bind(&p.title)
            .bind(&last_at)
            .bind(seq)
            .bind(&prev)
            .bind(guard_seq),
            None => sqlx::query(
                "UPDATE cases SET updated_at = $2, last_seq = $3, head_hash = $4 WHERE id = $1 AND last_seq = $5",
            )
            .bind(case_id)
            .bind(&last_at)
            .bind(seq)
            .bind(&prev)
            .bind(guard_seq),
        }
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated != 1 {
            return Err(conflict());
        }
        if let Some(p) = projection {
            replace_case_relations(&mut tx, case_id, p).await?;
        }
        tx.commit().await?;
        Ok(seq)
    }

    pub async fn case_events(&self, case_id: &str) -> Result<Vec<StoredEvent>> {
        let rows = sqlx::query(
            "SELECT case_id, seq, at, user_id, org_id, on_behalf_of, kind, payload, prev_hash, hash \
             FROM case_events WHERE case_id = $1 ORDER BY seq",
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
            "SELECT p.id, p.display_name, p.birth_date, p.bsn, cp.role FROM case_persons cp \
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
                    },
                    r.try_get(4)?,
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
             WHERE org_id = $1 AND participation IN ({})) ORDER BY updated_at DESC, id LIMIT $2 OFFSET $3",
            codes.join(", ")
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

async fn replace_case_relations(
    tx: &mut Transaction<'static, Any>,
    case_id: &str,
    p: &CaseProjection,
) -> Result<()> {
    sqlx::query("DELETE FROM case_participants WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
    let mut seen = std::collections::BTreeSet::new();
    for (org, part) in &p.participants {
        if seen.insert((org.as_str(), part.code())) {
            sqlx::query("INSERT INTO case_participants (case_id, org_id, participation) VALUES ($1, $2, $3)")
                .bind(case_id)
                .bind(org)
                .bind(part.code())
                .execute(&mut **tx)
                .await?;
        }
    }
    sqlx::query("DELETE FROM case_persons WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
    let mut seen_persons = std::collections::BTreeSet::new();
    for (person, role) in &p.persons {
        if !seen_persons.insert(person.id.as_str()) {
            continue;
        }
        let exists = sqlx::query("SELECT 1 FROM persons WHERE id = $1")
            .bind(&person.id)
            .fetch_optional(&mut **tx)
            .await?
            .is_some();
        let sql = if exists {
            "UPDATE persons SET display_name = $2, name_key = $3, birth_date = $4, bsn = $5 WHERE id = $1"
        } else {
            "INSERT INTO persons (id, display_name, name_key, birth_date, bsn, created_at) VALUES ($1, $2, $3, $4, $5, $6)"
        };
        let mut q = sqlx::query(sql)
            .bind(&person.id)
            .bind(&person.display_name)
            .bind(name_key(&person.display_name))
            .bind(person.birth_date.as_deref())
            .bind(person.bsn.as_deref());
        if !exists {
            q = q.bind(time_text::now());
        }
        q.execute(&mut **tx).await?;
        sqlx::query("INSERT INTO case_persons (case_id, person_id, role) VALUES ($1, $2, $3)")
            .bind(case_id)
            .bind(&person.id)
            .bind(role)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
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

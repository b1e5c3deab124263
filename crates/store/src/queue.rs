//! Work queues: what an organisation must do, by deadline, overdue items marked (issue 3 item 8;
//! DESIGN.md principle 3). One indexed range scan over the `case_deadlines` read model.

use schakel_domain::calendar::dutch_local_date;
use serde::Serialize;
use sqlx::Row;
use time::{Date, OffsetDateTime};

use crate::{Result, Store, StoreError, time_text};

/// One line of a work queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueueItem {
    pub case_id: String,
    pub title: String,
    /// Stable code of what is due.
    pub kind: String,
    /// What is due, in Dutch (the deadline's label).
    pub what: String,
    pub due: Date,
    pub due_at: Option<OffsetDateTime>,
    /// Since when the item waits (an open handover: its age).
    pub since: Option<OffsetDateTime>,
    pub overdue: bool,
}

/// The queue of `org_id`, earliest deadline first. A deadline with a moment is overdue once the
/// moment has passed; a whole-day deadline once its (Dutch) day has passed. Items meant for one
/// role are left out (see [`work_queue_as`]).
pub async fn work_queue(
    store: &Store,
    org_id: &str,
    now: OffsetDateTime,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueItem>> {
    work_queue_as(store, org_id, None, now, limit, offset).await
}

/// The queue of `org_id` as someone with `role` (a role code) there sees it: also the items meant
/// for that role (an unanswered handover escalated to the teamleider, issue 7 item 8). Items with
/// a first day to show (the escalation) appear from that Dutch calendar day.
pub async fn work_queue_as(
    store: &Store,
    org_id: &str,
    role: Option<&str>,
    now: OffsetDateTime,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueItem>> {
    let today = dutch_local_date(now);
    let rows = sqlx::query(
        "SELECT d.case_id, c.title, d.kind, d.label, d.due, d.due_at, d.since FROM case_deadlines d \
         JOIN cases c ON c.id = d.case_id WHERE d.owner_org = $1 \
         AND (d.for_role IS NULL OR d.for_role = $4) \
         AND (d.shown_from IS NULL OR d.shown_from <= $5) \
         ORDER BY d.sort_key, d.case_id, d.n LIMIT $2 OFFSET $3",
    )
    .bind(org_id)
    .bind(limit)
    .bind(offset)
    .bind(role.unwrap_or(""))
    .bind(today.to_string())
    .fetch_all(store.pool())
    .await?;
    let time = |s: Option<String>| -> Result<Option<OffsetDateTime>> {
        s.map(|t| {
            time_text::parse(&t).ok_or_else(|| StoreError::Corrupt(format!("tijdstip '{t}'")))
        })
        .transpose()
    };
    rows.iter()
        .map(|r| {
            let due_text: String = r.try_get(4)?;
            let due = Date::parse(
                &due_text,
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .map_err(|e| StoreError::Corrupt(format!("datum '{due_text}': {e}")))?;
            let due_at = time(r.try_get(5)?)?;
            let overdue = match due_at {
                Some(at) => at < now,
                None => due < today,
            };
            Ok(QueueItem {
                case_id: r.try_get(0)?,
                title: r.try_get(1)?,
                kind: r.try_get(2)?,
                what: r.try_get(3)?,
                due,
                due_at,
                since: time(r.try_get(6)?)?,
                overdue,
            })
        })
        .collect()
}

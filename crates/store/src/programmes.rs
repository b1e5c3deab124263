//! The programme's log (issue 12): events in order, each linked into the programme's own hash
//! chain like a case's events, with the programme's head row for listing and for optimistic
//! concurrency. The domain folds the events into the programme's state.

use schakel_domain::programme::{Author, ProgrammeEvent, Recorded};
use sqlx::Row;
use time::OffsetDateTime;

use crate::hashchain::{GENESIS, digest, link};
use crate::{Result, Store, StoreError, time_text};

/// A programme as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeHead {
    pub id: String,
    pub name: String,
    pub seq: i64,
}

fn kind_of(event: &ProgrammeEvent) -> &'static str {
    match event {
        ProgrammeEvent::Imported { .. } => "imported",
        ProgrammeEvent::MemberLinked { .. } => "member_linked",
        ProgrammeEvent::MemberUnlinked { .. } => "member_unlinked",
        ProgrammeEvent::RoundOpened { .. } => "round_opened",
        ProgrammeEvent::RoundClosed { .. } => "round_closed",
        ProgrammeEvent::ActionUpdated { .. } => "action_updated",
        ProgrammeEvent::BudgetLineAdded { .. } => "budget_line_added",
    }
}

/// The chain's link for one event: the previous hash, the event's place, kind, time, author and
/// the digest of its payload.
fn event_hash(prev: &str, seq: i64, kind: &str, at: &str, by: &Author, payload: &str) -> String {
    link(
        prev,
        &[
            Some(&seq.to_string()),
            Some(kind),
            Some(at),
            Some(&by.user_id),
            Some(&by.name),
            Some(&digest(payload)),
        ],
    )
}

impl Store {
    /// The programmes, by name.
    pub async fn programmes(&self) -> Result<Vec<ProgrammeHead>> {
        let rows = sqlx::query("SELECT id, name, head_seq FROM programmes ORDER BY name, id")
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ProgrammeHead {
                    id: r.try_get(0)?,
                    name: r.try_get(1)?,
                    seq: r.try_get(2)?,
                })
            })
            .collect()
    }

    /// Appends `event` to programme `id` after event `expected` (0: the programme is new and the
    /// event must be its import). Someone else's write in between is
    /// [`StoreError::ProgrammeChanged`]; nothing is written then.
    pub async fn append_programme_event(
        &self,
        id: &str,
        expected: i64,
        at: OffsetDateTime,
        by: &Author,
        event: &ProgrammeEvent,
    ) -> Result<i64> {
        let payload = serde_json::to_string(event)
            .map_err(|e| StoreError::Corrupt(format!("programma-gebeurtenis: {e}")))?;
        let kind = kind_of(event);
        let at = time_text::format(at);
        let mut tx = self.begin_write().await?;
        let head: Option<(i64, String)> =
            sqlx::query("SELECT head_seq, head_hash FROM programmes WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| Ok::<_, sqlx::Error>((r.try_get(0)?, r.try_get(1)?)))
                .transpose()?;
        let (actual, prev) = head.clone().unwrap_or((0, GENESIS.to_string()));
        if actual != expected {
            return Err(StoreError::ProgrammeChanged { expected, actual });
        }
        let seq = expected + 1;
        let hash = event_hash(&prev, seq, kind, &at, by, &payload);
        match (head, event) {
            (None, ProgrammeEvent::Imported { programme }) => {
                sqlx::query(
                    "INSERT INTO programmes (id, name, head_seq, head_hash) VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(&programme.name)
                .bind(seq)
                .bind(&hash)
                .execute(&mut *tx)
                .await?;
            }
            (None, _) => return Err(StoreError::NotFound(format!("programma {id}"))),
            (Some(_), event) => {
                let name = match event {
                    ProgrammeEvent::Imported { programme } => Some(programme.name.clone()),
                    _ => None,
                };
                // The head moves only from the place this writer saw: a concurrent writer that
                // passed the check above finds no row to move and fails.
                let moved = sqlx::query(
                    "UPDATE programmes SET head_seq = $1, head_hash = $2, name = COALESCE($3, name) \
                     WHERE id = $4 AND head_seq = $5",
                )
                .bind(seq)
                .bind(&hash)
                .bind(name)
                .bind(id)
                .bind(expected)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if moved != 1 {
                    return Err(StoreError::ProgrammeChanged {
                        expected,
                        actual: expected + 1,
                    });
                }
            }
        }
        sqlx::query(
            "INSERT INTO programme_events \
             (programme_id, seq, kind, payload, recorded_at, by_user_id, by_name, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(seq)
        .bind(kind)
        .bind(&payload)
        .bind(&at)
        .bind(&by.user_id)
        .bind(&by.name)
        .bind(&prev)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// The events of programme `id` in order; empty when there is no such programme.
    pub async fn programme_events(&self, id: &str) -> Result<Vec<Recorded>> {
        let rows = sqlx::query(
            "SELECT seq, payload, recorded_at, by_user_id, by_name FROM programme_events \
             WHERE programme_id = $1 ORDER BY seq",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let payload: String = r.try_get(1)?;
                let at: String = r.try_get(2)?;
                Ok(Recorded {
                    seq: r.try_get::<i64, _>(0)?.max(0) as u64,
                    event: serde_json::from_str(&payload)
                        .map_err(|e| StoreError::Corrupt(format!("programma-gebeurtenis: {e}")))?,
                    at: time_text::parse(&at)
                        .ok_or_else(|| StoreError::Corrupt("tijd in programme_events".into()))?,
                    by: Author {
                        user_id: r.try_get(3)?,
                        name: r.try_get(4)?,
                    },
                })
            })
            .collect()
    }

    /// Checks programme `id`'s chain: every event links to the one before it and to its own
    /// payload, and the head names the last. The first broken place, or `None` when it holds.
    pub async fn verify_programme(&self, id: &str) -> Result<Option<String>> {
        let rows = sqlx::query(
            "SELECT seq, kind, payload, recorded_at, by_user_id, by_name, prev_hash, hash \
             FROM programme_events WHERE programme_id = $1 ORDER BY seq",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        let mut prev = GENESIS.to_string();
        let mut last = 0i64;
        for r in &rows {
            let seq: i64 = r.try_get(0)?;
            let kind: String = r.try_get(1)?;
            let payload: String = r.try_get(2)?;
            let at: String = r.try_get(3)?;
            let by = Author {
                user_id: r.try_get(4)?,
                name: r.try_get(5)?,
            };
            let stored_prev: String = r.try_get(6)?;
            let hash: String = r.try_get(7)?;
            if seq != last + 1 || stored_prev != prev {
                return Ok(Some(format!(
                    "programma {id}: gebeurtenis {seq} sluit niet aan"
                )));
            }
            if event_hash(&prev, seq, &kind, &at, &by, &payload) != hash {
                return Ok(Some(format!(
                    "programma {id}: gebeurtenis {seq} is gewijzigd"
                )));
            }
            prev = hash;
            last = seq;
        }
        let head: Option<(i64, String)> =
            sqlx::query("SELECT head_seq, head_hash FROM programmes WHERE id = $1")
                .bind(id)
                .fetch_optional(self.pool())
                .await?
                .map(|r| Ok::<_, sqlx::Error>((r.try_get(0)?, r.try_get(1)?)))
                .transpose()?;
        match head {
            Some((seq, hash)) if seq == last && hash == prev => Ok(None),
            None if rows.is_empty() => Ok(None),
            _ => Ok(Some(format!(
                "programma {id}: kop klopt niet met de laatste gebeurtenis"
            ))),
        }
    }
}

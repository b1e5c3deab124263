//! A log of its own, apart from the cases: an aggregate's events in order, each linked into the
//! aggregate's own hash chain, with a head row that names the last event. The action programme
//! (issue 12) and the meldcode dossier (issue 11) keep their logs this way; their tables have the
//! same columns, named by a [`ChainedLog`].

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::hashchain::{GENESIS, digest, link};
use crate::{Result, Store, StoreError, time_text};

/// The tables of one kind of log: `events` holds (`owner`, seq, kind, payload, recorded_at,
/// by_user_id, by_name, prev_hash, hash); `heads` holds (id, head_seq, head_hash). The names are
/// constants of this crate, never input.
pub(crate) struct ChainedLog {
    pub events: &'static str,
    pub owner: &'static str,
    pub heads: &'static str,
    /// How a problem names the aggregate ("programma", "meldcodedossier").
    pub label: &'static str,
}

/// One event as stored, before the aggregate's own type reads its payload.
pub(crate) struct StoredEvent {
    pub seq: u64,
    pub payload: String,
    pub at: time::OffsetDateTime,
    pub by_user_id: String,
    pub by_name: String,
}

/// The chain's link for one event: the previous hash, the event's place, kind, time, author and
/// the digest of its payload.
fn event_hash(
    prev: &str,
    seq: i64,
    kind: &str,
    at: &str,
    by: (&str, &str),
    payload: &str,
) -> String {
    link(
        prev,
        &[
            Some(&seq.to_string()),
            Some(kind),
            Some(at),
            Some(by.0),
            Some(by.1),
            Some(&digest(payload)),
        ],
    )
}

/// A new event, ready to be linked after the head.
pub(crate) struct NewEvent<'a> {
    pub seq: i64,
    pub kind: &'a str,
    pub payload: &'a str,
    pub at: &'a str,
    pub by: (&'a str, &'a str),
}

impl NewEvent<'_> {
    /// This event's link after `prev`.
    pub fn link(&self, prev: &str) -> String {
        event_hash(prev, self.seq, self.kind, self.at, self.by, self.payload)
    }
}

impl ChainedLog {
    /// The head (last seq and hash) of aggregate `id` inside `tx`; `None` when it has none yet.
    pub async fn head(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: &str,
    ) -> Result<Option<(i64, String)>> {
        let sql = format!(
            "SELECT head_seq, head_hash FROM {} WHERE id = $1",
            self.heads
        );
        Ok(sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?
            .map(|r| Ok::<_, sqlx::Error>((r.try_get(0)?, r.try_get(1)?)))
            .transpose()?)
    }

    /// Writes `event` after `prev` with its link `hash` ([`NewEvent::link`]). The head row is the
    /// caller's: it knows what else the head carries, and a new head must exist before its events.
    pub async fn insert(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: &str,
        prev: &str,
        event: &NewEvent<'_>,
        hash: &str,
    ) -> Result<()> {
        let sql = format!(
            "INSERT INTO {} ({}, seq, kind, payload, recorded_at, by_user_id, by_name, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            self.events, self.owner
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .bind(event.seq)
            .bind(event.kind)
            .bind(event.payload)
            .bind(event.at)
            .bind(event.by.0)
            .bind(event.by.1)
            .bind(prev)
            .bind(hash)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// The events of aggregate `id` in order; empty when there is none.
    pub async fn events(&self, store: &Store, id: &str) -> Result<Vec<StoredEvent>> {
        let sql = format!(
            "SELECT seq, payload, recorded_at, by_user_id, by_name FROM {} \
             WHERE {} = $1 ORDER BY seq",
            self.events, self.owner
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_all(store.pool())
            .await?;
        rows.iter().map(|r| self.stored(r)).collect()
    }

    fn stored(&self, r: &AnyRow) -> Result<StoredEvent> {
        let at: String = r.try_get(2)?;
        Ok(StoredEvent {
            seq: r.try_get::<i64, _>(0)?.max(0) as u64,
            payload: r.try_get(1)?,
            at: time_text::parse(&at)
                .ok_or_else(|| StoreError::Corrupt(format!("tijd in {}", self.events)))?,
            by_user_id: r.try_get(3)?,
            by_name: r.try_get(4)?,
        })
    }

    /// Checks aggregate `id`'s chain: every event links to the one before it and to its own
    /// payload, and the head names the last. The first broken place, or `None` when it holds.
    pub async fn verify(&self, store: &Store, id: &str) -> Result<Option<String>> {
        let label = self.label;
        let sql = format!(
            "SELECT seq, kind, payload, recorded_at, by_user_id, by_name, prev_hash, hash \
             FROM {} WHERE {} = $1 ORDER BY seq",
            self.events, self.owner
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_all(store.pool())
            .await?;
        let mut prev = GENESIS.to_string();
        let mut last = 0i64;
        for r in &rows {
            let seq: i64 = r.try_get(0)?;
            let kind: String = r.try_get(1)?;
            let payload: String = r.try_get(2)?;
            let at: String = r.try_get(3)?;
            let user_id: String = r.try_get(4)?;
            let name: String = r.try_get(5)?;
            let stored_prev: String = r.try_get(6)?;
            let hash: String = r.try_get(7)?;
            if seq != last + 1 || stored_prev != prev {
                return Ok(Some(format!(
                    "{label} {id}: gebeurtenis {seq} sluit niet aan"
                )));
            }
            if event_hash(&prev, seq, &kind, &at, (&user_id, &name), &payload) != hash {
                return Ok(Some(format!(
                    "{label} {id}: gebeurtenis {seq} is gewijzigd"
                )));
            }
            prev = hash;
            last = seq;
        }
        let sql = format!(
            "SELECT head_seq, head_hash FROM {} WHERE id = $1",
            self.heads
        );
        let head: Option<(i64, String)> = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(store.pool())
            .await?
            .map(|r| Ok::<_, sqlx::Error>((r.try_get(0)?, r.try_get(1)?)))
            .transpose()?;
        match head {
            Some((seq, hash)) if seq == last && hash == prev => Ok(None),
            None if rows.is_empty() => Ok(None),
            _ => Ok(Some(format!(
                "{label} {id}: kop klopt niet met de laatste gebeurtenis"
            ))),
        }
    }
}

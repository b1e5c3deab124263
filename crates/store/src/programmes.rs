//! The programme's log (issue 12): events in order, each linked into the programme's own hash
//! chain like a case's events, with the programme's head row for listing and for optimistic
//! concurrency. The domain folds the events into the programme's state.

use schakel_domain::programme::{Author, ProgrammeEvent, Recorded};
use sqlx::Row;
use time::OffsetDateTime;

use crate::chained::{ChainedLog, NewEvent};
use crate::hashchain::GENESIS;
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

/// The programme's log.
const LOG: ChainedLog = ChainedLog {
    events: "programme_events",
    owner: "programme_id",
    heads: "programmes",
    label: "programma",
};

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
        let head = LOG.head(&mut tx, id).await?;
        let (actual, prev) = head.clone().unwrap_or((0, GENESIS.to_string()));
        if actual != expected {
            return Err(StoreError::ProgrammeChanged { expected, actual });
        }
        let seq = expected + 1;
        let new = NewEvent {
            seq,
            kind,
            payload: &payload,
            at: &at,
            by: (&by.user_id, &by.name),
        };
        let hash = new.link(&prev);
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
        LOG.insert(&mut tx, id, &prev, &new, &hash).await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// The events of programme `id` in order; empty when there is no such programme.
    pub async fn programme_events(&self, id: &str) -> Result<Vec<Recorded>> {
        LOG.events(self, id)
            .await?
            .into_iter()
            .map(|e| {
                Ok(Recorded {
                    seq: e.seq,
                    event: serde_json::from_str(&e.payload).map_err(|err| {
                        StoreError::Corrupt(format!("programma-gebeurtenis: {err}"))
                    })?,
                    at: e.at,
                    by: Author {
                        user_id: e.by_user_id,
                        name: e.by_name,
                    },
                })
            })
            .collect()
    }

    /// Checks programme `id`'s chain: every event links to the one before it and to its own
    /// payload, and the head names the last. The first broken place, or `None` when it holds.
    pub async fn verify_programme(&self, id: &str) -> Result<Option<String>> {
        LOG.verify(self, id).await
    }
}

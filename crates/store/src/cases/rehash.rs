//! Migration 0003's data step: case events written before it were hashed over their raw payload.
//! This step gives each such event its payload digest and rehashes its case's chain under the digest
//! rule. SQLite has no SHA-256 in SQL, so the step is Rust, run by the migrator right after the SQL
//! files (both engines, one code path); it only touches events whose `payload_digest` is still NULL
//! (a partial index finds them), so at every later start it costs one index probe.
//!
//! A chain is rehashed only when it still verifies under the old rule, so rehashing never launders
//! tampering done before the migration. A chain that does not is left exactly as it is (old hashes
//! kept as evidence), logged as an error, and `schakel verify` keeps reporting it at its first event
//! without a digest. Each batch of cases is one transaction under the migration lock, so concurrent
//! instances do not rehash the same case and a crash leaves every case either old or new.

use super::{EventFields, event_hash};
use crate::verify::{CaseRule, EVENT_ROW_COLUMNS, EventRow, check_case_chain};
use crate::{Result, Store, hashchain, time_text};

/// Cases per transaction: large enough to amortise SQLite's sync, small enough to keep locks short.
const BATCH: i64 = 200;

/// What the step did: chains rehashed, and chains left alone because they were already broken.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RehashOutcome {
    pub rehashed: u64,
    pub left_broken: Vec<String>,
}

pub(crate) async fn rehash_legacy_chains(store: &Store) -> Result<RehashOutcome> {
    let mut outcome = RehashOutcome::default();
    // Keyset over case ids, so cases left broken are not visited again in this run.
    let mut after = String::new();
    loop {
        let mut tx = store.begin_write().await?;
        store.backend().lock_for_migration(&mut tx).await?;
        let case_ids: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT case_id FROM case_events WHERE payload_digest IS NULL AND case_id > $1 \
             ORDER BY case_id LIMIT $2",
        )
        .bind(&after)
        .bind(BATCH)
        .fetch_all(&mut *tx)
        .await?;
        let Some(last) = case_ids.last() else {
            break;
        };
        after = last.clone();
        for case_id in &case_ids {
            let sql = format!(
                "SELECT {EVENT_ROW_COLUMNS} FROM case_events WHERE case_id = $1 ORDER BY seq"
            );
            let rows: Vec<EventRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(case_id)
                .fetch_all(&mut *tx)
                .await?;
            let head: Option<(i64, String)> =
                sqlx::query_as("SELECT last_seq, head_hash FROM cases WHERE id = $1")
                    .bind(case_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let head_ref = head.as_ref().map(|(s, h)| (*s, h.as_str()));
            if let Some((position, problem)) =
                check_case_chain(case_id, &rows, head_ref, CaseRule::RawPayload)
            {
                tracing::error!(
                    case_id = %case_id,
                    position,
                    problem,
                    "migratie 0003: keten was al gebroken en wordt niet omgezet"
                );
                outcome.left_broken.push(case_id.clone());
                continue;
            }
            let mut prev = hashchain::GENESIS.to_string();
            for r in &rows {
                let digest = hashchain::digest(&r.payload);
                let hash = event_hash(
                    &prev,
                    &EventFields {
                        case_id,
                        seq: r.seq,
                        at: &r.at,
                        user_id: &r.user_id,
                        org_id: &r.org_id,
                        on_behalf_of: r.on_behalf_of.as_deref(),
                        kind: &r.kind,
                        payload: &digest,
                    },
                );
                sqlx::query(
                    "UPDATE case_events SET payload_digest = $3, prev_hash = $4, hash = $5 \
                     WHERE case_id = $1 AND seq = $2",
                )
                .bind(case_id)
                .bind(r.seq)
                .bind(&digest)
                .bind(&prev)
                .bind(&hash)
                .execute(&mut *tx)
                .await?;
                prev = hash;
            }
            sqlx::query("UPDATE cases SET head_hash = $2 WHERE id = $1")
                .bind(case_id)
                .bind(&prev)
                .execute(&mut *tx)
                .await?;
            outcome.rehashed += 1;
        }
        tx.commit().await?;
    }
    if outcome.rehashed > 0 {
        tracing::info!(
            chains = outcome.rehashed,
            at = %time_text::now(),
            "migratie 0003: casusketens omgezet naar payload-digests"
        );
    }
    Ok(outcome)
}

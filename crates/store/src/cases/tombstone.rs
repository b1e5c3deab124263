//! Retention's tool: replacing one event's payload by a tombstone. The chain links the payload's
//! digest, not the payload, so the chain still verifies afterwards; the digest and every hash stay
//! as they were. The retention process (issue 14) decides what to destroy and leaves its own event.

use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use crate::{Result, Store, StoreError, time_text};

/// Why, when and by whom a payload was destroyed; stored in its place.
#[derive(Debug, Clone)]
pub struct Tombstone {
    pub reason: String,
    /// The user or process that destroyed it.
    pub by: String,
    pub at: OffsetDateTime,
}

impl Tombstone {
    fn payload(&self) -> String {
        json!({"tombstone": {"reason": self.reason, "by": self.by, "at": time_text::format(self.at)}})
            .to_string()
    }
}

/// Whether `payload` has the one shape a tombstone has: `{"tombstone": {...}}` and nothing else.
/// Verify demands it of a tombstoned event, so setting the flag cannot hide an altered payload.
pub(crate) fn is_tombstone(payload: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(payload) {
        Ok(serde_json::Value::Object(map)) => {
            map.len() == 1 && map.get("tombstone").is_some_and(|v| v.is_object())
        }
        _ => false,
    }
}

impl Store {
    /// Replaces the payload of event `seq` of `case_id` by `tombstone` and marks it tombstoned.
    /// Returns false when it already was (the first tombstone stays). An event without a payload
    /// digest (not yet migrated) is refused: its chain could not be verified afterwards.
    pub async fn tombstone_case_event(
        &self,
        case_id: &str,
        seq: i64,
        tombstone: &Tombstone,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE case_events SET payload = $3, tombstoned_at = $4 \
             WHERE case_id = $1 AND seq = $2 AND tombstoned_at IS NULL AND payload_digest IS NOT NULL",
        )
        .bind(case_id)
        .bind(seq)
        .bind(tombstone.payload())
        .bind(time_text::format(tombstone.at))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 1 {
            tx.commit().await?;
            return Ok(true);
        }
        let row = sqlx::query(
            "SELECT payload_digest, tombstoned_at FROM case_events WHERE case_id = $1 AND seq = $2",
        )
        .bind(case_id)
        .bind(seq)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Err(StoreError::NotFound(format!(
                "gebeurtenis {seq} van casus {case_id}"
            )));
        };
        let digest: Option<String> = row.try_get(0)?;
        if digest.is_none() {
            return Err(StoreError::Corrupt(format!(
                "gebeurtenis {seq} van casus {case_id} heeft geen payload-digest (migratie 0003 niet voltooid)"
            )));
        }
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_tombstone_shape_counts_as_one() {
        let t = Tombstone {
            reason: "bewaartermijn".into(),
            by: "retentie".into(),
            at: OffsetDateTime::UNIX_EPOCH,
        };
        assert!(is_tombstone(&t.payload()));
        assert!(!is_tombstone(r#"{"tombstone":{},"n":1}"#));
        assert!(!is_tombstone(r#"{"tombstone":"x"}"#));
        assert!(!is_tombstone(r#"{"n":1}"#));
        assert!(!is_tombstone("niet json"));
    }
}

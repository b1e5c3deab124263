//! Proof that no log was altered: walk every chain and recompute every link.

use sqlx::Row;

use crate::access_log::{LOG_COLUMNS, entry_hash, logged_from_row};
use crate::cases::{EventFields, event_hash};
use crate::hashchain::GENESIS;
use crate::{Result, Store};

/// The first place a chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrokenLink {
    /// A case's event log: `position` is the sequence number where the chain breaks.
    Case {
        case_id: String,
        position: i64,
        problem: String,
    },
    /// The access log: `position` is the entry's sequence number.
    AccessLog { position: i64, problem: String },
}

impl std::fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BrokenLink::Case {
                case_id,
                position,
                problem,
            } => {
                write!(f, "casus {case_id}, gebeurtenis {position}: {problem}")
            }
            BrokenLink::AccessLog { position, problem } => {
                write!(f, "toegangslog, regel {position}: {problem}")
            }
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    pub cases: u64,
    pub events: u64,
    pub access_entries: u64,
    pub broken: Option<BrokenLink>,
}

impl Store {
    /// Walks every case chain and the access log; stops at the first broken link.
    pub async fn verify(&self) -> Result<VerifyReport> {
        let mut report = VerifyReport::default();
        let case_ids: Vec<String> = sqlx::query(
            "SELECT id FROM cases UNION SELECT DISTINCT case_id FROM case_events ORDER BY 1",
        )
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<std::result::Result<_, _>>()?;
        for case_id in case_ids {
            report.cases += 1;
            if let Some(b) = self.verify_case(&case_id, &mut report.events).await? {
                report.broken = Some(b);
                return Ok(report);
            }
        }
        report.broken = self.verify_access_log(&mut report.access_entries).await?;
        Ok(report)
    }

    async fn verify_case(&self, case_id: &str, events: &mut u64) -> Result<Option<BrokenLink>> {
        let broken = |position: i64, problem: &str| {
            Some(BrokenLink::Case {
                case_id: case_id.to_string(),
                position,
                problem: problem.to_string(),
            })
        };
        let rows = sqlx::query(
            "SELECT seq, at, user_id, org_id, on_behalf_of, kind, payload, prev_hash, hash FROM case_events \
             WHERE case_id = $1 ORDER BY seq",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        let mut prev = GENESIS.to_string();
        let mut expected_seq = 1;
        for r in &rows {
            *events += 1;
            let seq: i64 = r.try_get("seq")?;
            if seq != expected_seq {
                return Ok(broken(
                    expected_seq,
                    "gebeurtenis ontbreekt of staat op een andere plaats",
                ));
            }
            let stored_prev: String = r.try_get("prev_hash")?;
            let stored_hash: String = r.try_get("hash")?;
            if stored_prev != prev {
                return Ok(broken(seq, "verwijst niet naar de vorige gebeurtenis"));
            }
            let (at, user_id, org_id, kind, payload): (String, String, String, String, String) = (
                r.try_get("at")?,
                r.try_get("user_id")?,
                r.try_get("org_id")?,
                r.try_get("kind")?,
                r.try_get("payload")?,
            );
            let on_behalf_of: Option<String> = r.try_get("on_behalf_of")?;
            let fields = EventFields {
                case_id,
                seq,
                at: &at,
                user_id: &user_id,
                org_id: &org_id,
                on_behalf_of: on_behalf_of.as_deref(),
                kind: &kind,
                payload: &payload,
            };
            if event_hash(&prev, &fields) != stored_hash {
                return Ok(broken(seq, "inhoud gewijzigd (hash klopt niet)"));
            }
            prev = stored_hash;
            expected_seq += 1;
        }
        let head = sqlx::query("SELECT last_seq, head_hash FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_optional(self.pool())
            .await?;
        let Some(head) = head else {
            return Ok(broken(0, "gebeurtenissen zonder casus"));
        };
        let last_seq: i64 = head.try_get(0)?;
        let head_hash: String = head.try_get(1)?;
        if last_seq != expected_seq - 1 || head_hash != prev {
            return Ok(broken(
                expected_seq.min(last_seq + 1),
                "laatste gebeurtenis(sen) ontbreken of zijn vervangen",
            ));
        }
        Ok(None)
    }

    async fn verify_access_log(&self, entries: &mut u64) -> Result<Option<BrokenLink>> {
        let broken = |position: i64, problem: &str| {
            Some(BrokenLink::AccessLog {
                position,
                problem: problem.to_string(),
            })
        };
        let mut prev = GENESIS.to_string();
        let mut expected_seq = 1_i64;
        // Pages keep memory flat however long the log is.
        loop {
            let sql = format!(
                "SELECT {LOG_COLUMNS}, prev_hash, hash FROM access_log WHERE seq >= $1 ORDER BY seq LIMIT 5000"
            );
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(expected_seq)
                .fetch_all(self.pool())
                .await?;
            if rows.is_empty() {
                break;
            }
            for r in &rows {
                *entries += 1;
                let e = logged_from_row(r)?;
                if e.seq != expected_seq {
                    return Ok(broken(
                        expected_seq,
                        "regel ontbreekt of staat op een andere plaats",
                    ));
                }
                let stored_prev: String = r.try_get("prev_hash")?;
                let stored_hash: String = r.try_get("hash")?;
                if stored_prev != prev {
                    return Ok(broken(e.seq, "verwijst niet naar de vorige regel"));
                }
                if entry_hash(&prev, e.seq, &e) != stored_hash {
                    return Ok(broken(e.seq, "inhoud gewijzigd (hash klopt niet)"));
                }
                prev = stored_hash;
                expected_seq += 1;
            }
        }
        let head = sqlx::query("SELECT seq, hash FROM access_log_head WHERE id = 1")
            .fetch_one(self.pool())
            .await?;
        let head_seq: i64 = head.try_get(0)?;
        let head_hash: String = head.try_get(1)?;
        if head_seq != expected_seq - 1 || head_hash != prev {
            return Ok(broken(
                expected_seq,
                "laatste regel(s) ontbreken of zijn vervangen",
            ));
        }
        Ok(None)
    }
}

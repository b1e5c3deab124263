//! Whether the tables agree with each other: every case has its events, numbered 1, 2, 3... without
//! a gap, its row points at its last event, and no row of a projection (participants, persons,
//! deadlines, melding facts) belongs to a case that is not there. Where [`crate::verify`] proves no
//! log was altered, this proves that nothing was half written, e.g. after the server was killed in
//! the middle of a write (`schakel bench crash`).

use sqlx::Row;

use crate::{Result, Store};

/// One kind of disagreement and how many rows show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inconsistency {
    /// What does not agree, in English (a check's name for test and benchmark output).
    pub check: &'static str,
    pub count: i64,
    /// One case (or person) that shows it, to start looking.
    pub example: Option<String>,
}

/// Each check: its name and a query returning the offending ids (case or person).
const CHECKS: &[(&str, &str)] = &[
    (
        "case without events",
        "SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)",
    ),
    (
        "events without case",
        "SELECT DISTINCT e.case_id FROM case_events e WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)",
    ),
    (
        "gap in sequence numbers",
        "SELECT case_id FROM case_events GROUP BY case_id HAVING MIN(seq) <> 1 OR MAX(seq) <> COUNT(*)",
    ),
    (
        "case row behind or ahead of its events",
        "SELECT c.id FROM cases c WHERE c.last_seq <> (SELECT MAX(e.seq) FROM case_events e WHERE e.case_id = c.id) \
         OR c.head_hash <> (SELECT e.hash FROM case_events e WHERE e.case_id = c.id AND e.seq = c.last_seq)",
    ),
    (
        "case without participants",
        "SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_participants p WHERE p.case_id = c.id)",
    ),
    (
        "participant of a missing case",
        "SELECT DISTINCT p.case_id FROM case_participants p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = p.case_id)",
    ),
    (
        "person link of a missing case",
        "SELECT DISTINCT p.case_id FROM case_persons p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = p.case_id)",
    ),
    (
        "person in no case",
        "SELECT p.id FROM persons p WHERE NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.person_id = p.id)",
    ),
    (
        "deadline of a missing case",
        "SELECT DISTINCT d.case_id FROM case_deadlines d WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = d.case_id)",
    ),
    (
        "melding facts of a missing case",
        "SELECT DISTINCT f.case_id FROM melding_facts f WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = f.case_id)",
    ),
];

impl Store {
    /// Every disagreement between the tables; empty when they agree. Reads only.
    pub async fn consistency(&self) -> Result<Vec<Inconsistency>> {
        let mut found = Vec::new();
        for &(check, sql) in CHECKS {
            let rows = sqlx::query(sql).fetch_all(self.pool()).await?;
            if rows.is_empty() {
                continue;
            }
            found.push(Inconsistency {
                check,
                count: rows.len() as i64,
                example: rows
                    .first()
                    .map(|r| r.try_get::<String, _>(0))
                    .transpose()?,
            });
        }
        Ok(found)
    }
}

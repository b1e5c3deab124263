//! Proof that no log was altered: walk every chain and recompute every link.
//!
//! A case event's hash covers its payload's digest, not the payload; verify checks that an event's
//! payload still matches its digest unless retention replaced it by a tombstone, and checks every
//! link either way. The access log is many chains (see [`crate::access_log`]): verify walks the
//! registry of chains, then every chain, then counts that no entry sits outside a registered chain.

use crate::access_log::{
    LEGACY_CHAIN, LOG_COLUMNS, LogRow, LoggedAccess, entry_hash, registry_hash,
};
use crate::cases::{EventFields, event_hash, is_tombstone};
use crate::hashchain::{self, GENESIS};
use crate::{Result, Store};

mod read_models;
pub use read_models::{ReadModelReport, StaleReadModel};

/// The first place a chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrokenLink {
    /// A case's event log: `position` is the sequence number where the chain breaks.
    Case {
        case_id: String,
        position: i64,
        problem: String,
    },
    /// The access log: `position` is the entry's sequence number (0 when the registry of chains
    /// itself does not hold), `chain` the chain it belongs to.
    AccessLog {
        chain: String,
        position: i64,
        problem: String,
    },
    /// An action programme's log (issue 12); the problem names the event.
    Programme { problem: String },
    /// A meldcode dossier's log (issue 11); the problem names the event.
    Meldcode { problem: String },
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
            BrokenLink::AccessLog {
                chain,
                position,
                problem,
            } => {
                write!(
                    f,
                    "toegangslog, regel {position} (keten {chain}): {problem}"
                )
            }
            BrokenLink::Programme { problem } | BrokenLink::Meldcode { problem } => {
                write!(f, "{problem}")
            }
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    pub cases: u64,
    pub events: u64,
    pub access_entries: u64,
    pub programmes: u64,
    pub meldcode_dossiers: u64,
    pub broken: Option<BrokenLink>,
}

/// One stored case event as the chain sees it.
#[derive(sqlx::FromRow)]
pub(crate) struct EventRow {
    pub seq: i64,
    pub at: String,
    pub user_id: String,
    pub org_id: String,
    pub on_behalf_of: Option<String>,
    pub kind: String,
    pub payload: String,
    pub payload_digest: Option<String>,
    pub tombstoned_at: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

pub(crate) const EVENT_ROW_COLUMNS: &str = "seq, at, user_id, org_id, on_behalf_of, kind, payload, \
     payload_digest, tombstoned_at, prev_hash, hash";

/// Which rule an event's hash follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseRule {
    /// Since migration 0003: the hash covers the payload's digest.
    Digest,
    /// Before it: the hash covered the raw payload. Only the migrator checks this, before it
    /// rehashes a chain, so it never launders a chain that was already broken.
    RawPayload,
}

/// Checks one case's events (in seq order) against its head `(last_seq, head_hash)`; the first
/// problem and its position, or `None` when the chain holds.
pub(crate) fn check_case_chain(
    case_id: &str,
    rows: &[EventRow],
    head: Option<(i64, &str)>,
    rule: CaseRule,
) -> Option<(i64, &'static str)> {
    let mut prev = GENESIS;
    let mut expected_seq = 1;
    for r in rows {
        if r.seq != expected_seq {
            return Some((
                expected_seq,
                "gebeurtenis ontbreekt of staat op een andere plaats",
            ));
        }
        if r.prev_hash != prev {
            return Some((r.seq, "verwijst niet naar de vorige gebeurtenis"));
        }
        let linked = match rule {
            CaseRule::RawPayload => r.payload.as_str(),
            CaseRule::Digest => {
                let Some(digest) = r.payload_digest.as_deref() else {
                    return Some((
                        r.seq,
                        "gebeurtenis zonder payload-digest (oude keten niet omgezet)",
                    ));
                };
                if r.tombstoned_at.is_some() {
                    if !is_tombstone(&r.payload) {
                        return Some((r.seq, "gewist, maar de tombstone is ongeldig"));
                    }
                } else if hashchain::digest(&r.payload) != digest {
                    return Some((r.seq, "inhoud gewijzigd (past niet bij de digest)"));
                }
                digest
            }
        };
        let fields = EventFields {
            case_id,
            seq: r.seq,
            at: &r.at,
            user_id: &r.user_id,
            org_id: &r.org_id,
            on_behalf_of: r.on_behalf_of.as_deref(),
            kind: &r.kind,
            payload: linked,
        };
        if event_hash(prev, &fields) != r.hash {
            return Some((r.seq, "inhoud gewijzigd (hash klopt niet)"));
        }
        prev = &r.hash;
        expected_seq += 1;
    }
    let Some((last_seq, head_hash)) = head else {
        return Some((0, "gebeurtenissen zonder casus"));
    };
    if last_seq != expected_seq - 1 || head_hash != prev {
        return Some((
            expected_seq.min(last_seq + 1),
            "laatste gebeurtenis(sen) ontbreken of zijn vervangen",
        ));
    }
    None
}

/// An access-log row with the links it was stored with.
#[derive(sqlx::FromRow)]
struct ChainedLogRow {
    #[sqlx(flatten)]
    entry: LogRow,
    prev_hash: String,
    hash: String,
}

/// One registered access-log chain.
#[derive(sqlx::FromRow)]
struct ChainRow {
    chain: String,
    n: i64,
    prev_hash: String,
    hash: String,
    pos: i64,
    last_seq: i64,
    head_hash: String,
}

impl Store {
    /// Walks every case chain and every access-log chain; stops at the first broken link.
    pub async fn verify(&self) -> Result<VerifyReport> {
        let mut report = VerifyReport::default();
        let case_ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM cases UNION SELECT DISTINCT case_id FROM case_events ORDER BY 1",
        )
        .fetch_all(self.pool())
        .await?;
        for case_id in case_ids {
            report.cases += 1;
            if let Some(b) = self.verify_case(&case_id, &mut report.events).await? {
                report.broken = Some(b);
                return Ok(report);
            }
        }
        report.broken = self.verify_access_log(&mut report.access_entries).await?;
        if report.broken.is_some() {
            return Ok(report);
        }
        for programme in self.programmes().await? {
            report.programmes += 1;
            if let Some(problem) = self.verify_programme(&programme.id).await? {
                report.broken = Some(BrokenLink::Programme { problem });
                return Ok(report);
            }
        }
        for id in self.meldcode_dossier_ids().await? {
            report.meldcode_dossiers += 1;
            if let Some(problem) = self.verify_meldcode_dossier(&id).await? {
                report.broken = Some(BrokenLink::Meldcode { problem });
                return Ok(report);
            }
        }
        Ok(report)
    }

    async fn verify_case(&self, case_id: &str, events: &mut u64) -> Result<Option<BrokenLink>> {
        let sql =
            format!("SELECT {EVENT_ROW_COLUMNS} FROM case_events WHERE case_id = $1 ORDER BY seq");
        let rows: Vec<EventRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(case_id)
            .fetch_all(self.pool())
            .await?;
        *events += rows.len() as u64;
        let head: Option<(i64, String)> =
            sqlx::query_as("SELECT last_seq, head_hash FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_optional(self.pool())
                .await?;
        let head = head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
        Ok(
            check_case_chain(case_id, &rows, head, CaseRule::Digest).map(|(position, problem)| {
                BrokenLink::Case {
                    case_id: case_id.to_string(),
                    position,
                    problem: problem.to_string(),
                }
            }),
        )
    }

    async fn verify_access_log(&self, entries: &mut u64) -> Result<Option<BrokenLink>> {
        let broken = |chain: &str, position: i64, problem: &str| {
            Some(BrokenLink::AccessLog {
                chain: chain.to_string(),
                position,
                problem: problem.to_string(),
            })
        };
        let chains: Vec<ChainRow> = sqlx::query_as(
            "SELECT chain, n, prev_hash, hash, pos, last_seq, head_hash FROM access_log_chains ORDER BY n",
        )
        .fetch_all(self.pool())
        .await?;
        // The registry first: no chain removed, added behind its back or renamed.
        let mut prev = GENESIS.to_string();
        for (i, c) in chains.iter().enumerate() {
            let expected_n = i as i64 + 1;
            if c.n != expected_n || c.prev_hash != prev {
                return Ok(broken(
                    &c.chain,
                    0,
                    "ketenregister: keten ontbreekt of staat op een andere plaats",
                ));
            }
            if registry_hash(&prev, c.n, &c.chain) != c.hash {
                return Ok(broken(
                    &c.chain,
                    0,
                    "ketenregister: inhoud gewijzigd (hash klopt niet)",
                ));
            }
            prev = c.hash.clone();
        }
        let (count, head_hash): (i64, String) =
            sqlx::query_as("SELECT seq, hash FROM access_log_head WHERE id = 1")
                .fetch_one(self.pool())
                .await?;
        if count != chains.len() as i64 || head_hash != prev {
            let last = chains.last().map(|c| c.chain.as_str()).unwrap_or("-");
            return Ok(broken(
                last,
                0,
                "ketenregister: laatste keten(s) ontbreken of zijn vervangen",
            ));
        }
        for c in &chains {
            if let Some(b) = self.verify_access_chain(c, entries).await? {
                return Ok(Some(b));
            }
        }
        // Every entry must lie in a registered chain, or it was slipped in beside them.
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM access_log")
            .fetch_one(self.pool())
            .await?;
        if total != *entries as i64 {
            let stray: Option<(String, i64)> = sqlx::query_as(
                "SELECT chain, seq FROM access_log WHERE chain NOT IN (SELECT chain FROM access_log_chains) \
                 ORDER BY seq LIMIT 1",
            )
            .fetch_optional(self.pool())
            .await?;
            let (chain, seq) = stray.unwrap_or_else(|| ("-".to_string(), 0));
            return Ok(broken(
                &chain,
                seq,
                "regel buiten elke geregistreerde keten",
            ));
        }
        Ok(None)
    }

    /// Walks one chain by position (by seq for `legacy`, whose positions are its seq numbers).
    async fn verify_access_chain(
        &self,
        c: &ChainRow,
        entries: &mut u64,
    ) -> Result<Option<BrokenLink>> {
        let broken = |position: i64, problem: &str| {
            Some(BrokenLink::AccessLog {
                chain: c.chain.clone(),
                position,
                problem: problem.to_string(),
            })
        };
        let order = if c.chain == LEGACY_CHAIN {
            "seq"
        } else {
            "pos"
        };
        // Only our own column name is formatted into the text.
        let sql = format!(
            "SELECT {LOG_COLUMNS}, prev_hash, hash FROM access_log WHERE chain = $1 AND {order} >= $2 \
             ORDER BY {order} LIMIT 5000"
        );
        let mut prev = GENESIS.to_string();
        let mut expected_pos = 1_i64;
        let mut last_seq = 0_i64;
        // Pages keep memory flat however long a chain is.
        loop {
            let rows = sqlx::query_as::<_, ChainedLogRow>(sqlx::AssertSqlSafe(sql.clone()))
                .bind(&c.chain)
                .bind(expected_pos)
                .fetch_all(self.pool())
                .await?;
            if rows.is_empty() {
                break;
            }
            for r in rows {
                *entries += 1;
                let e = LoggedAccess::from(r.entry);
                if e.pos != expected_pos {
                    // A legacy position is its seq, so name the missing one; elsewhere the entry
                    // found in its place.
                    let at = if c.chain == LEGACY_CHAIN {
                        expected_pos
                    } else {
                        e.seq
                    };
                    return Ok(broken(at, "regel ontbreekt of staat op een andere plaats"));
                }
                let (stored_prev, stored_hash) = (r.prev_hash, r.hash);
                if stored_prev != prev {
                    return Ok(broken(e.seq, "verwijst niet naar de vorige regel"));
                }
                if entry_hash(&prev, &e) != stored_hash {
                    return Ok(broken(e.seq, "inhoud gewijzigd (hash klopt niet)"));
                }
                if e.seq <= last_seq {
                    return Ok(broken(
                        e.seq,
                        "volgnummer lager dan dat van de vorige regel",
                    ));
                }
                prev = stored_hash;
                last_seq = e.seq;
                expected_pos += 1;
            }
        }
        if c.pos != expected_pos - 1 || c.head_hash != prev || c.last_seq != last_seq {
            return Ok(broken(
                c.last_seq.max(last_seq + 1),
                "laatste regel(s) ontbreken of zijn vervangen",
            ));
        }
        Ok(None)
    }
}

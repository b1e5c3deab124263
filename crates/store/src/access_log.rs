//! The access log (NEN 7513): every look at, search in, change to, export or print of personal data,
//! allowed or refused, is appended here with the NEN 7513 fields.
//!
//! Every read of personal data writes here, so the log must not serialise readers. Entries therefore
//! form many hash chains instead of one: a chain per UTC day and writer stripe (the writer's user id,
//! or user name, hashed into one of [`STRIPES`]), named like `2025-03-14/5`. Each chain has its own
//! head row in `access_log_chains`, created on first use, so two writers wait for each other only
//! when the same stripe writes on the same day; on PostgreSQL, where writers really run in parallel,
//! that is rare, and the global `seq` comes from a sequence, not a row. A day per chain also closes
//! each chain when its day ends, which suits retention of whole past days later. Striping by writer
//! keeps one user's entries of a day in one chain, in order. (A group committer was the other option:
//! it would batch fsyncs on SQLite too, but it delays every read by a batch window and adds a task
//! that must answer each caller; SQLite has one writer anyway, so stripes cost it nothing.)
//!
//! So that deleting a whole chain (entries and head) is detected too, the chains form a registry
//! chain of their own: each new chain takes the next number `n` and a hash linked to the previous
//! chain's, and `access_log_head` holds the registry's head. Creating a chain locks that one row,
//! a few times a day. Entries written before migration 0003 stay one chain, `legacy`, checked under
//! the rule they were written with.

use serde::Serialize;
use sqlx::{Any, Transaction};
use time::OffsetDateTime;

use crate::hashchain::{self, GENESIS};
use crate::{Result, Store, StoreError, time_text};

/// How many chains a day's writers are spread over.
pub const STRIPES: u8 = 8;

/// The chain holding the entries written before migration 0003, hashed without chain and position.
pub const LEGACY_CHAIN: &str = "legacy";

/// One entry to write. `clients` are the person ids the access concerns.
#[derive(Debug, Clone, Default)]
pub struct AccessEntry {
    pub at: Option<OffsetDateTime>,
    /// NEN 7513 event action: read, search, create, update, export, print.
    pub action: String,
    pub resource_kind: String,
    pub resource_id: Option<String>,
    /// allowed or denied.
    pub outcome: String,
    pub user_id: Option<String>,
    pub username: String,
    pub role: Option<String>,
    pub org_id: Option<String>,
    /// The user on whose behalf the access was made, where someone acts for another.
    pub responsible_user: Option<String>,
    /// The network access point: the client's address.
    pub access_point: String,
    /// The authorisation ground (participation, break-the-glass, role duty) or the deny reason.
    pub ground: Option<String>,
    /// Break-the-glass reason, or a search's terms in summary.
    pub reason: Option<String>,
    pub clients: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LoggedAccess {
    /// Unique and increasing in writing order across all chains (with gaps on PostgreSQL when a
    /// writer rolls back); the number the privacy officer sees and the paging cursor.
    pub seq: i64,
    /// The chain the entry belongs to and its position there (1, 2, ...; the seq for `legacy`).
    pub chain: String,
    pub pos: i64,
    pub at: String,
    pub action: String,
    pub resource_kind: String,
    pub resource_id: Option<String>,
    pub outcome: String,
    pub user_id: Option<String>,
    pub username: String,
    pub role: Option<String>,
    pub org_id: Option<String>,
    pub responsible_user: Option<String>,
    pub access_point: String,
    pub ground: Option<String>,
    pub reason: Option<String>,
    pub clients: Vec<String>,
}

/// What the privacy officer searches by. All parts are optional and combine with AND.
#[derive(Debug, Clone, Default)]
pub struct AccessQuery {
    pub user_id: Option<String>,
    pub client: Option<String>,
    pub from: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
    pub only_break_glass: bool,
    pub limit: i64,
    /// Keyset paging: only entries with a seq below this one (the last seq of the previous page).
    pub before: Option<i64>,
}

/// The hash of one entry. Entries of the new chains also cover their chain and position, so an
/// entry moved to another chain or place no longer fits; `legacy` entries keep their old rule.
pub(crate) fn entry_hash(prev: &str, e: &LoggedAccess) -> String {
    let seq = e.seq.to_string();
    let pos = e.pos.to_string();
    let clients = e.clients.join(",");
    let fields = [
        Some(seq.as_str()),
        Some(&e.at),
        Some(&e.action),
        Some(&e.resource_kind),
        e.resource_id.as_deref(),
        Some(&e.outcome),
        e.user_id.as_deref(),
        Some(&e.username),
        e.role.as_deref(),
        e.org_id.as_deref(),
        e.responsible_user.as_deref(),
        Some(&e.access_point),
        e.ground.as_deref(),
        e.reason.as_deref(),
        Some(&clients),
    ];
    if e.chain == LEGACY_CHAIN {
        return hashchain::link(prev, &fields);
    }
    let mut with_place = vec![Some(e.chain.as_str()), Some(pos.as_str())];
    with_place.extend(fields);
    hashchain::link(prev, &with_place)
}

/// The registry link of the `n`th chain.
pub(crate) fn registry_hash(prev: &str, n: i64, chain: &str) -> String {
    hashchain::link(prev, &[Some(&n.to_string()), Some(chain)])
}

/// The chain an entry at `at` (time text) by `writer` goes to: its UTC day and a stripe.
pub fn chain_for(at: &str, writer: &str) -> String {
    let day = at.get(..10).unwrap_or(at);
    let stripe = hashchain::digest(writer)
        .get(..2)
        .and_then(|h| u8::from_str_radix(h, 16).ok())
        .unwrap_or(0)
        % STRIPES;
    format!("{day}/{stripe}")
}

pub(crate) const LOG_COLUMNS: &str = "seq, chain, pos, at, action, resource_kind, resource_id, outcome, user_id, username, role, \
     org_id, responsible_user, access_point, ground, reason, clients";

/// An `access_log` row as `Any` decodes it: `pos` is NULL on legacy entries (their position is
/// their seq), clients are joined by commas. Verify reads the same row with its hashes.
#[derive(sqlx::FromRow)]
pub(crate) struct LogRow {
    seq: i64,
    chain: String,
    pos: Option<i64>,
    at: String,
    action: String,
    resource_kind: String,
    resource_id: Option<String>,
    outcome: String,
    user_id: Option<String>,
    username: String,
    role: Option<String>,
    org_id: Option<String>,
    responsible_user: Option<String>,
    access_point: String,
    ground: Option<String>,
    reason: Option<String>,
    clients: String,
}

impl From<LogRow> for LoggedAccess {
    fn from(r: LogRow) -> Self {
        LoggedAccess {
            seq: r.seq,
            chain: r.chain,
            pos: r.pos.unwrap_or(r.seq),
            at: r.at,
            action: r.action,
            resource_kind: r.resource_kind,
            resource_id: r.resource_id,
            outcome: r.outcome,
            user_id: r.user_id,
            username: r.username,
            role: r.role,
            org_id: r.org_id,
            responsible_user: r.responsible_user,
            access_point: r.access_point,
            ground: r.ground,
            reason: r.reason,
            clients: r
                .clients
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }
}

/// The most characters a logged field holds (issue 8, finding 3: a 60 KB "id" went into the
/// hash-chained log). Identifiers and names are far shorter; a break-the-glass reason or a search
/// is kept to a paragraph. A longer value is cut and ends in "…", so the cut shows.
pub const MAX_ID: usize = 128;
pub const MAX_CODE: usize = 64;
pub const MAX_ACCESS_POINT: usize = 64;
pub const MAX_REASON: usize = 1000;

/// `value` cut to at most `max` characters (the last one "…" when cut).
pub fn cap(value: &str, max: usize) -> String {
    if value.chars().count() <= max {
        return value.to_string();
    }
    let mut out: String = value.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

impl Store {
    /// Appends one entry to its chain (each field capped, see [`MAX_ID`]) and returns its sequence number. The entry is durable when
    /// this returns.
    pub async fn log_access(&self, entry: &AccessEntry) -> Result<i64> {
        let at = time_text::format(entry.at.unwrap_or_else(OffsetDateTime::now_utc));
        let writer = entry.user_id.as_deref().unwrap_or(&entry.username);
        let chain = chain_for(&at, writer);
        let mut tx = self.begin_write().await?;
        // Claiming the position first locks this chain's head row for the rest of the transaction.
        let (pos, prev) = claim_position(&mut tx, &chain).await?;
        let seq = self.backend().next_access_log_seq(&mut tx).await?;
        let mut clients: Vec<String> = entry.clients.iter().map(|c| cap(c, MAX_ID)).collect();
        clients.sort();
        clients.dedup();
        let logged = LoggedAccess {
            seq,
            chain,
            pos,
            at,
            action: cap(&entry.action, MAX_CODE),
            resource_kind: cap(&entry.resource_kind, MAX_CODE),
            resource_id: entry.resource_id.as_deref().map(|v| cap(v, MAX_ID)),
            outcome: cap(&entry.outcome, MAX_CODE),
            user_id: entry.user_id.as_deref().map(|v| cap(v, MAX_ID)),
            username: cap(&entry.username, MAX_ID),
            role: entry.role.as_deref().map(|v| cap(v, MAX_CODE)),
            org_id: entry.org_id.as_deref().map(|v| cap(v, MAX_ID)),
            responsible_user: entry.responsible_user.as_deref().map(|v| cap(v, MAX_ID)),
            access_point: cap(&entry.access_point, MAX_ACCESS_POINT),
            ground: entry.ground.as_deref().map(|v| cap(v, MAX_CODE)),
            reason: entry.reason.as_deref().map(|v| cap(v, MAX_REASON)),
            clients,
        };
        let hash = entry_hash(&prev, &logged);
        sqlx::query(
            "INSERT INTO access_log (seq, chain, pos, at, action, resource_kind, resource_id, outcome, user_id, \
             username, role, org_id, responsible_user, access_point, ground, reason, clients, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
        )
        .bind(seq)
        .bind(&logged.chain)
        .bind(pos)
        .bind(&logged.at)
        .bind(&logged.action)
        .bind(&logged.resource_kind)
        .bind(logged.resource_id.as_deref())
        .bind(&logged.outcome)
        .bind(logged.user_id.as_deref())
        .bind(&logged.username)
        .bind(logged.role.as_deref())
        .bind(logged.org_id.as_deref())
        .bind(logged.responsible_user.as_deref())
        .bind(&logged.access_point)
        .bind(logged.ground.as_deref())
        .bind(logged.reason.as_deref())
        .bind(logged.clients.join(","))
        .bind(&prev)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
        for client in &logged.clients {
            sqlx::query("INSERT INTO access_log_clients (person_id, seq) VALUES ($1, $2)")
                .bind(client)
                .bind(seq)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE access_log_chains SET last_seq = $2, head_hash = $3 WHERE chain = $1")
            .bind(&logged.chain)
            .bind(seq)
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// Searches the log, newest first, a page at a time: the next page starts `before` the last seq
    /// of this one (keyset paging, so a deep page costs what the first does). A client filter goes
    /// through the per-person index, so "who looked at this person's file" stays fast however long
    /// the log grows.
    pub async fn search_access_log(&self, q: &AccessQuery) -> Result<Vec<LoggedAccess>> {
        let mut conditions: Vec<String> = Vec::new();
        let mut binds: Vec<String> = Vec::new();
        let mut push = |cond: &str, value: String| {
            binds.push(value);
            conditions.push(cond.replace('?', &format!("${}", binds.len())));
        };
        if let Some(u) = &q.user_id {
            push("user_id = ?", u.clone());
        }
        if let Some(c) = &q.client {
            push(
                "seq IN (SELECT seq FROM access_log_clients WHERE person_id = ?)",
                c.clone(),
            );
        }
        if let Some(f) = q.from {
            push("at >= ?", time_text::format(f));
        }
        if let Some(u) = q.until {
            push("at < ?", time_text::format(u));
        }
        if q.only_break_glass {
            conditions.push("ground = 'break_the_glass'".into());
        }
        let n = binds.len();
        // The cursor and the limit are integers and come last; i64::MAX means no cursor.
        conditions.push(format!("seq < ${}", n + 1));
        // Only our own fragments and numbered placeholders are formatted into the text.
        let sql = format!(
            "SELECT {LOG_COLUMNS} FROM access_log WHERE {} ORDER BY seq DESC LIMIT ${}",
            conditions.join(" AND "),
            n + 2
        );
        let mut query = sqlx::query_as::<_, LogRow>(sqlx::AssertSqlSafe(sql));
        for b in binds {
            query = query.bind(b);
        }
        let limit = if q.limit <= 0 { 100 } else { q.limit.min(1000) };
        let rows = query
            .bind(q.before.unwrap_or(i64::MAX))
            .bind(limit)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(LoggedAccess::from).collect())
    }
}

/// Takes the next position in `chain`, creating the chain (and registering it) on first use.
/// Returns the position and the hash to link to.
async fn claim_position(tx: &mut Transaction<'static, Any>, chain: &str) -> Result<(i64, String)> {
    if let Some(claimed) = bump(tx, chain).await? {
        return Ok(claimed);
    }
    // First use: creators queue on the registry head, then look again, since another writer may
    // have created the chain while this one waited.
    let locked = sqlx::query("UPDATE access_log_head SET seq = seq WHERE id = 1")
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if locked != 1 {
        return Err(StoreError::Corrupt("access_log_head ontbreekt".into()));
    }
    if let Some(claimed) = bump(tx, chain).await? {
        return Ok(claimed);
    }
    let (chains, registry_prev): (i64, String) =
        sqlx::query_as("SELECT seq, hash FROM access_log_head WHERE id = 1")
            .fetch_one(&mut **tx)
            .await?;
    let n = chains + 1;
    let registry = registry_hash(&registry_prev, n, chain);
    sqlx::query(
        "INSERT INTO access_log_chains (chain, n, prev_hash, hash, pos, last_seq, head_hash) \
         VALUES ($1, $2, $3, $4, 1, 0, $5)",
    )
    .bind(chain)
    .bind(n)
    .bind(&registry_prev)
    .bind(&registry)
    .bind(GENESIS)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE access_log_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(n)
        .bind(&registry)
        .execute(&mut **tx)
        .await?;
    Ok((1, GENESIS.to_string()))
}

/// Advances an existing chain's position (locking its head row); `None` when the chain is new.
async fn bump(tx: &mut Transaction<'static, Any>, chain: &str) -> Result<Option<(i64, String)>> {
    Ok(sqlx::query_as(
        "UPDATE access_log_chains SET pos = pos + 1 WHERE chain = $1 RETURNING pos, head_hash",
    )
    .bind(chain)
    .fetch_optional(&mut **tx)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_keeps_its_stripe_and_the_day_names_the_chain() {
        let a = chain_for("2025-03-14T10:00:00.000000Z", "u-1");
        assert_eq!(a, chain_for("2025-03-14T23:59:59.999999Z", "u-1"));
        assert!(a.starts_with("2025-03-14/"));
        assert!(chain_for("2025-03-15T00:00:00.000000Z", "u-1").starts_with("2025-03-15/"));
        let stripes: std::collections::BTreeSet<String> = (0..64)
            .map(|i| chain_for("2025-03-14T10:00:00.000000Z", &format!("u-{i}")))
            .collect();
        assert_eq!(
            stripes.len(),
            usize::from(STRIPES),
            "writers spread over every stripe"
        );
    }

    #[test]
    fn the_legacy_registry_hash_in_migration_0003_is_the_registry_link() {
        let h = registry_hash(GENESIS, 1, LEGACY_CHAIN);
        for sql in [
            include_str!("../migrations/sqlite/0003_retention_ready_log.sql"),
            include_str!("../migrations/postgres/0003_retention_ready_log.sql"),
        ] {
            assert!(sql.contains(&h), "{h}");
        }
    }
}

//! The access log (NEN 7513): every look at, search in, change to, export or print of personal data,
//! allowed or refused, is appended here with the NEN 7513 fields. Entries form one hash chain; the
//! chain head sits in `access_log_head`, which every writer updates first, so concurrent writers
//! (also across server instances on PostgreSQL) are serialised on that one row.

use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use crate::hashchain;
use crate::{Result, Store, StoreError, time_text};

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
    pub seq: i64,
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
    pub offset: i64,
}

pub(crate) fn entry_hash(prev: &str, seq: i64, e: &LoggedAccess) -> String {
    let seq = seq.to_string();
    let clients = e.clients.join(",");
    hashchain::link(
        prev,
        &[
            Some(&seq),
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
        ],
    )
}

pub(crate) const LOG_COLUMNS: &str = "seq, at, action, resource_kind, resource_id, outcome, user_id, username, role, \
     org_id, responsible_user, access_point, ground, reason, clients";

pub(crate) fn logged_from_row(r: &AnyRow) -> Result<LoggedAccess> {
    let clients: String = r.try_get("clients")?;
    Ok(LoggedAccess {
        seq: r.try_get("seq")?,
        at: r.try_get("at")?,
        action: r.try_get("action")?,
        resource_kind: r.try_get("resource_kind")?,
        resource_id: r.try_get("resource_id")?,
        outcome: r.try_get("outcome")?,
        user_id: r.try_get("user_id")?,
        username: r.try_get("username")?,
        role: r.try_get("role")?,
        org_id: r.try_get("org_id")?,
        responsible_user: r.try_get("responsible_user")?,
        access_point: r.try_get("access_point")?,
        ground: r.try_get("ground")?,
        reason: r.try_get("reason")?,
        clients: clients
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

impl Store {
    /// Appends one entry and returns its sequence number. The entry is durable when this returns.
    pub async fn log_access(&self, entry: &AccessEntry) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        // Claiming the next number first locks the head row for the rest of the transaction.
        let updated = sqlx::query("UPDATE access_log_head SET seq = seq + 1 WHERE id = 1")
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated != 1 {
            return Err(StoreError::Corrupt("access_log_head ontbreekt".into()));
        }
        let head = sqlx::query("SELECT seq, hash FROM access_log_head WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?;
        let seq: i64 = head.try_get(0)?;
        let prev: String = head.try_get(1)?;
        let mut clients = entry.clients.clone();
        clients.sort();
        clients.dedup();
        let logged = LoggedAccess {
            seq,
            at: time_text::format(entry.at.unwrap_or_else(OffsetDateTime::now_utc)),
            action: entry.action.clone(),
            resource_kind: entry.resource_kind.clone(),
            resource_id: entry.resource_id.clone(),
            outcome: entry.outcome.clone(),
            user_id: entry.user_id.clone(),
            username: entry.username.clone(),
            role: entry.role.clone(),
            org_id: entry.org_id.clone(),
            responsible_user: entry.responsible_user.clone(),
            access_point: entry.access_point.clone(),
            ground: entry.ground.clone(),
            reason: entry.reason.clone(),
            clients,
        };
        let hash = entry_hash(&prev, seq, &logged);
        sqlx::query(
            "INSERT INTO access_log (seq, at, action, resource_kind, resource_id, outcome, user_id, username, role, \
             org_id, responsible_user, access_point, ground, reason, clients, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(seq)
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
        sqlx::query("UPDATE access_log_head SET hash = $1 WHERE id = 1")
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// Searches the log, newest first. A client filter goes through the per-person index, so "who
    /// looked at this person's file" stays fast however long the log grows.
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
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let n = binds.len();
        // Only our own fragments and numbered placeholders are formatted into the text.
        let sql = format!(
            "SELECT {LOG_COLUMNS} FROM access_log {filter} ORDER BY seq DESC LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for b in binds {
            query = query.bind(b);
        }
        let limit = if q.limit <= 0 { 100 } else { q.limit.min(1000) };
        let rows = query
            .bind(limit)
            .bind(q.offset.max(0))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(logged_from_row).collect()
    }
}

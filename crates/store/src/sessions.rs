//! Sessions and login attempts live in the database, so any server instance can serve any request.
//! The store only ever sees the SHA-256 of a session id: a copy of the database opens no session.

use schakel_domain::org::Role;
use time::OffsetDateTime;

use crate::{Result, Store, StoreError, time_text};

#[derive(Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id_hash: String,
    pub user_id: String,
    /// The organisation and role the user acts in; chosen after login when they hold several.
    pub membership: Option<(String, Role)>,
    pub second_factor: bool,
    /// False while the second factor is still to be given.
    pub complete: bool,
    pub csrf_token: String,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
    pub client_addr: String,
}

/// Debug output leaves out the CSRF token and shows only a prefix of the id hash.
impl std::fmt::Debug for SessionRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionRecord")
            .field("id_hash", &self.id_hash.get(..8).unwrap_or(""))
            .field("user_id", &self.user_id)
            .field("membership", &self.membership)
            .field("second_factor", &self.second_factor)
            .field("complete", &self.complete)
            .finish_non_exhaustive()
    }
}

pub struct NewSession<'a> {
    pub id_hash: &'a str,
    pub user_id: &'a str,
    pub membership: Option<(&'a str, Role)>,
    pub second_factor: bool,
    pub complete: bool,
    pub csrf_token: &'a str,
    pub now: OffsetDateTime,
    pub client_addr: &'a str,
}

/// A `sessions` row as `Any` decodes it: times as text, flags as 0/1 integers.
#[derive(sqlx::FromRow)]
struct SessionRow {
    id_hash: String,
    user_id: String,
    membership_org: Option<String>,
    membership_role: Option<String>,
    second_factor: i64,
    complete: i64,
    csrf_token: String,
    created_at: String,
    last_seen_at: String,
    client_addr: String,
}

impl TryFrom<SessionRow> for SessionRecord {
    type Error = StoreError;

    fn try_from(row: SessionRow) -> Result<Self> {
        let membership = match (row.membership_org, row.membership_role) {
            (Some(o), Some(r)) => Some((
                o,
                Role::parse("rol", &r).map_err(|e| StoreError::Corrupt(e.to_string()))?,
            )),
            _ => None,
        };
        let time = |col: &str, s: &str| -> Result<OffsetDateTime> {
            time_text::parse(s)
                .ok_or_else(|| StoreError::Corrupt(format!("tijd in sessions.{col}")))
        };
        Ok(SessionRecord {
            created_at: time("created_at", &row.created_at)?,
            last_seen_at: time("last_seen_at", &row.last_seen_at)?,
            id_hash: row.id_hash,
            user_id: row.user_id,
            membership,
            second_factor: row.second_factor != 0,
            complete: row.complete != 0,
            csrf_token: row.csrf_token,
            client_addr: row.client_addr,
        })
    }
}

impl Store {
    /// Creates a session. When `replaces` is given, that session is removed in the same transaction:
    /// this is how the session id is rotated at login and after the second factor.
    pub async fn create_session(&self, s: &NewSession<'_>, replaces: Option<&str>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        if let Some(old) = replaces {
            sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
                .bind(old)
                .execute(&mut *tx)
                .await?;
        }
        let now = time_text::format(s.now);
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, membership_org, membership_role, second_factor, complete, \
             csrf_token, created_at, last_seen_at, client_addr) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)",
        )
        .bind(s.id_hash)
        .bind(s.user_id)
        .bind(s.membership.map(|(o, _)| o))
        .bind(s.membership.map(|(_, r)| r.code()))
        .bind(i64::from(s.second_factor))
        .bind(i64::from(s.complete))
        .bind(s.csrf_token)
        .bind(now)
        .bind(s.client_addr)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>> {
        let row = sqlx::query_as::<_, SessionRow>(
            "SELECT id_hash, user_id, membership_org, membership_role, second_factor, complete, csrf_token, \
             created_at, last_seen_at, client_addr FROM sessions WHERE id_hash = $1",
        )
        .bind(id_hash)
        .fetch_optional(self.pool())
        .await?;
        row.map(SessionRecord::try_from).transpose()
    }

    /// Records activity, which keeps the session from idling out.
    pub async fn touch_session(&self, id_hash: &str, now: OffsetDateTime) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1")
            .bind(id_hash)
            .bind(time_text::format(now))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_session_membership(
        &self,
        id_hash: &str,
        org_id: &str,
        role: Role,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE sessions SET membership_org = $2, membership_role = $3 WHERE id_hash = $1",
        )
        .bind(id_hash)
        .bind(org_id)
        .bind(role.code())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn delete_session(&self, id_hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes sessions idle since before `idle_before` or created before `created_before`.
    pub async fn purge_sessions(
        &self,
        idle_before: OffsetDateTime,
        created_before: OffsetDateTime,
    ) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
            .bind(time_text::format(idle_before))
            .bind(time_text::format(created_before))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    /// Forgets login attempts from before `before`; throttling only looks back one window.
    pub async fn purge_login_attempts(&self, before: OffsetDateTime) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("DELETE FROM login_attempts WHERE at < $1")
            .bind(time_text::format(before))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    pub async fn record_login_attempt(
        &self,
        keys: &[&str],
        now: OffsetDateTime,
        succeeded: bool,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for key in keys {
            sqlx::query(
                "INSERT INTO login_attempts (throttle_key, at, succeeded) VALUES ($1, $2, $3)",
            )
            .bind(*key)
            .bind(time_text::format(now))
            .bind(i64::from(succeeded))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Failed attempts for `key` since `since` and after the last success.
    pub async fn recent_login_failures(&self, key: &str, since: OffsetDateTime) -> Result<i64> {
        let count = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_attempts WHERE throttle_key = $1 AND succeeded = 0 AND at >= $2 \
             AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE throttle_key = $1 AND succeeded = 1), '')",
        )
        .bind(key)
        .bind(time_text::format(since))
        .fetch_one(self.pool())
        .await?;
        Ok(count)
    }
}

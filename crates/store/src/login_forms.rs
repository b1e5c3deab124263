//! Login form pre-sessions: the server-side half of the login form's token (issue 8 finding 5).
//! The store sees only the SHA-256 of the pre-session id, and each one is consumed by the first
//! post that presents it.

use time::OffsetDateTime;

use crate::{Result, Store, StoreError, time_text};

/// What consuming a pre-session found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginFormUse {
    /// It existed and was still valid; it is gone now.
    Accepted,
    /// It existed but had expired; it is gone now.
    Expired,
    /// Never opened here, already used, or purged.
    Unknown,
}

impl Store {
    /// Opens a pre-session valid until `expires_at`. `replaces` (the browser's previous one, if
    /// any) is removed in the same transaction, as are all expired ones, so the table holds only
    /// forms that can still be posted.
    pub async fn open_login_form(
        &self,
        id_hash: &str,
        replaces: Option<&str>,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM login_forms WHERE expires_at < $1")
            .bind(time_text::format(now))
            .execute(&mut *tx)
            .await?;
        if let Some(old) = replaces {
            sqlx::query("DELETE FROM login_forms WHERE id_hash = $1")
                .bind(old)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("INSERT INTO login_forms (id_hash, expires_at) VALUES ($1, $2)")
            .bind(id_hash)
            .bind(time_text::format(expires_at))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Consumes a pre-session: of two posts racing with the same one, only the one whose delete
    /// removes the row is accepted.
    pub async fn use_login_form(&self, id_hash: &str, now: OffsetDateTime) -> Result<LoginFormUse> {
        let mut tx = self.begin_write().await?;
        let expires: Option<String> =
            sqlx::query_scalar("SELECT expires_at FROM login_forms WHERE id_hash = $1")
                .bind(id_hash)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(expires) = expires else {
            return Ok(LoginFormUse::Unknown);
        };
        let removed = sqlx::query("DELETE FROM login_forms WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        let expires = time_text::parse(&expires)
            .ok_or_else(|| StoreError::Corrupt("tijd in login_forms.expires_at".into()))?;
        Ok(match removed {
            1 if now <= expires => LoginFormUse::Accepted,
            1 => LoginFormUse::Expired,
            _ => LoginFormUse::Unknown,
        })
    }

    /// Removes pre-sessions that expired before `before`.
    pub async fn purge_login_forms(&self, before: OffsetDateTime) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("DELETE FROM login_forms WHERE expires_at < $1")
            .bind(time_text::format(before))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(n)
    }
}

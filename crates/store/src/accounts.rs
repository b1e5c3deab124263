//! Account hardening (issue 8): the TOTP step last used and the recovery codes (finding 8), role
//! requests with a second person's approval and one-time activation (finding 1), and the uses of
//! break-the-glass with their review (finding 6). Hashes and sealed secrets arrive here ready: the
//! web layer holds the server key.

use schakel_domain::org::Role;
use serde::Serialize;
use time::OffsetDateTime;

use crate::{Result, Store, StoreError, time_text, unique_as_duplicate};

/// The password hash of an account that has not set its own password yet: no password matches it.
pub const NO_PASSWORD: &str = "!";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleRequest {
    pub id: String,
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub org_id: String,
    pub org_name: String,
    pub role: Role,
    pub requested_by: String,
    pub requested_by_name: String,
    pub requested_at: String,
    /// pending, approved or refused.
    pub status: String,
}

/// One use of break-the-glass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BreakGlassUse {
    pub id: String,
    pub case_id: String,
    pub user_id: String,
    pub username: String,
    pub org_id: String,
    pub accountable_org_id: Option<String>,
    pub reason: String,
    pub at: String,
    /// open, accepted or flagged.
    pub status: String,
    pub reviewed_by: Option<String>,
}

/// A break-the-glass use to record.
pub struct NewBreakGlassUse<'a> {
    pub case_id: &'a str,
    pub user_id: &'a str,
    pub username: &'a str,
    pub org_id: &'a str,
    pub accountable_org_id: Option<&'a str>,
    pub reason: &'a str,
    pub at: OffsetDateTime,
}

type RequestRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

const REQUEST_SELECT: &str = "SELECT r.id, r.user_id, u.username, u.display_name, r.org_id, o.name, r.role, \
     r.requested_by, b.display_name, r.requested_at, r.status \
     FROM role_requests r JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.org_id \
     JOIN users b ON b.id = r.requested_by";

fn request_from(r: RequestRow) -> Result<RoleRequest> {
    Ok(RoleRequest {
        id: r.0,
        user_id: r.1,
        username: r.2,
        display_name: r.3,
        org_id: r.4,
        org_name: r.5,
        role: Role::parse("rol", &r.6).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        requested_by: r.7,
        requested_by_name: r.8,
        requested_at: r.9,
        status: r.10,
    })
}

type UseRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
);

const USE_SELECT: &str = "SELECT id, case_id, user_id, username, org_id, accountable_org_id, reason, at, \
     status, reviewed_by FROM break_glass_uses";

fn use_from(r: UseRow) -> BreakGlassUse {
    BreakGlassUse {
        id: r.0,
        case_id: r.1,
        user_id: r.2,
        username: r.3,
        org_id: r.4,
        accountable_org_id: r.5,
        reason: r.6,
        at: r.7,
        status: r.8,
        reviewed_by: r.9,
    }
}

impl Store {
    // --- second factor (finding 8) ---

    /// Records that `user_id` signed in with TOTP step `step`; false when that step or a later one
    /// was used before (a replayed code). Atomic, so two instances cannot both accept one code.
    pub async fn claim_totp_step(&self, user_id: &str, step: i64) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE users SET totp_last_step = $2 WHERE id = $1 \
             AND (totp_last_step IS NULL OR totp_last_step < $2)",
        )
        .bind(user_id)
        .bind(step)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(n == 1)
    }

    /// Replaces the user's recovery codes by these (keyed hashes).
    pub async fn replace_recovery_codes(&self, user_id: &str, hashes: &[String]) -> Result<()> {
        let now = time_text::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM totp_recovery_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for h in hashes {
            sqlx::query(
                "INSERT INTO totp_recovery_codes (user_id, code_hash, created_at, used_at) \
                 VALUES ($1, $2, $3, NULL)",
            )
            .bind(user_id)
            .bind(h)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Uses one recovery code; false when there is no such unused code.
    pub async fn use_recovery_code(&self, user_id: &str, hash: &str) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE totp_recovery_codes SET used_at = $3 \
             WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
        )
        .bind(user_id)
        .bind(hash)
        .bind(time_text::now())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(n == 1)
    }

    /// How many unused recovery codes the user has.
    pub async fn recovery_codes_left(&self, user_id: &str) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM totp_recovery_codes WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user_id)
        .fetch_one(self.pool())
        .await?)
    }

    /// The stored hashes of the user's recovery codes (for tests and the conformance suite).
    pub async fn recovery_code_hashes(&self, user_id: &str) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT code_hash FROM totp_recovery_codes WHERE user_id = $1 ORDER BY code_hash",
        )
        .bind(user_id)
        .fetch_all(self.pool())
        .await?)
    }

    // --- accounts and roles (finding 1) ---

    /// Creates an account without a password and without a role, with a role request for
    /// `org_id`/`role` by `requested_by` and a one-time activation code (its hash) valid until
    /// `expires`. Returns the new user's id and the request's id.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_pending_user(
        &self,
        username: &str,
        display_name: &str,
        org_id: &str,
        role: Role,
        requested_by: &str,
        activation_hash: &str,
        expires: OffsetDateTime,
    ) -> Result<(String, String)> {
        let now = time_text::now();
        let user_id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO users (id, username, display_name, password_hash, totp_secret, disabled, is_demo, \
             created_at, activation_hash, activation_expires) \
             VALUES ($1, $2, $3, $4, NULL, 0, 0, $5, $6, $7)",
        )
        .bind(&user_id)
        .bind(username)
        .bind(display_name)
        .bind(NO_PASSWORD)
        .bind(&now)
        .bind(activation_hash)
        .bind(time_text::format(expires))
        .execute(&mut *tx)
        .await
        .map_err(|e| unique_as_duplicate(e, "gebruikersnaam"))?;
        let request_id =
            insert_request(&mut tx, &user_id, org_id, role, requested_by, &now).await?;
        tx.commit().await?;
        Ok((user_id, request_id))
    }

    /// Asks for `role` in `org_id` for an existing user. A pending request for the same role
    /// there is not repeated: its id is returned.
    pub async fn request_role(
        &self,
        user_id: &str,
        org_id: &str,
        role: Role,
        requested_by: &str,
    ) -> Result<String> {
        let mut tx = self.begin_write().await?;
        let existing: Option<String> = sqlx::query_scalar(
            "SELECT id FROM role_requests WHERE user_id = $1 AND org_id = $2 AND role = $3 \
             AND status = 'pending'",
        )
        .bind(user_id)
        .bind(org_id)
        .bind(role.code())
        .fetch_optional(&mut *tx)
        .await?;
        let id = match existing {
            Some(id) => id,
            None => {
                insert_request(
                    &mut tx,
                    user_id,
                    org_id,
                    role,
                    requested_by,
                    &time_text::now(),
                )
                .await?
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    /// The pending role requests of an organisation, oldest first.
    pub async fn pending_role_requests(&self, org_id: &str) -> Result<Vec<RoleRequest>> {
        let sql = format!(
            "{REQUEST_SELECT} WHERE r.org_id = $1 AND r.status = 'pending' ORDER BY r.requested_at"
        );
        let rows: Vec<RequestRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(org_id)
            .fetch_all(self.pool())
            .await?;
        rows.into_iter().map(request_from).collect()
    }

    pub async fn role_request(&self, id: &str) -> Result<Option<RoleRequest>> {
        let sql = format!("{REQUEST_SELECT} WHERE r.id = $1");
        let row: Option<RequestRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.map(request_from).transpose()
    }

    /// Decides a pending request; an approval adds the membership in the same transaction.
    /// `NotFound` when the request is not (or no longer) pending.
    pub async fn decide_role_request(&self, id: &str, by: &str, approve: bool) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT user_id, org_id, role FROM role_requests WHERE id = $1 AND status = 'pending'",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((user_id, org_id, role)) = row else {
            return Err(StoreError::NotFound(format!("aanvraag {id}")));
        };
        sqlx::query(
            "UPDATE role_requests SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1",
        )
        .bind(id)
        .bind(if approve { "approved" } else { "refused" })
        .bind(by)
        .bind(time_text::now())
        .execute(&mut *tx)
        .await?;
        if approve {
            let exists = sqlx::query(
                "SELECT 1 FROM memberships WHERE user_id = $1 AND org_id = $2 AND role = $3",
            )
            .bind(&user_id)
            .bind(&org_id)
            .bind(&role)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
            if !exists {
                sqlx::query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, $3)")
                    .bind(&user_id)
                    .bind(&org_id)
                    .bind(&role)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The account waiting for activation with this code hash, while the code is valid.
    pub async fn user_id_by_activation(
        &self,
        activation_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<String>> {
        let row: Option<(String, Option<String>)> = sqlx::query_as(
            "SELECT id, activation_expires FROM users WHERE activation_hash = $1 AND disabled = 0",
        )
        .bind(activation_hash)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.and_then(|(id, expires)| {
            let valid = expires
                .as_deref()
                .and_then(time_text::parse)
                .is_some_and(|e| e > now);
            valid.then_some(id)
        }))
    }

    /// Sets the password the user chose and ends the activation code (used once).
    pub async fn activate(&self, user_id: &str, activation_hash: &str, hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE users SET password_hash = $3, activation_hash = NULL, activation_expires = NULL \
             WHERE id = $1 AND activation_hash = $2",
        )
        .bind(user_id)
        .bind(activation_hash)
        .bind(hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound("activatiecode".into()));
        }
        tx.commit().await?;
        Ok(())
    }

    // --- break-the-glass (finding 6) ---

    /// Records one use of break-the-glass, open for review.
    pub async fn record_break_glass(&self, u: &NewBreakGlassUse<'_>) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO break_glass_uses (id, case_id, user_id, username, org_id, accountable_org_id, \
             reason, at, status, reviewed_by, reviewed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', NULL, NULL)",
        )
        .bind(&id)
        .bind(u.case_id)
        .bind(u.user_id)
        .bind(u.username)
        .bind(u.org_id)
        .bind(u.accountable_org_id)
        .bind(u.reason)
        .bind(time_text::format(u.at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// How often `user_id` broke the glass since `since`.
    pub async fn break_glass_count_since(
        &self,
        user_id: &str,
        since: OffsetDateTime,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM break_glass_uses WHERE user_id = $1 AND at >= $2",
        )
        .bind(user_id)
        .bind(time_text::format(since))
        .fetch_one(self.pool())
        .await?)
    }

    /// Uses with this status (open, accepted, flagged), newest first.
    pub async fn break_glass_uses(&self, status: &str, limit: i64) -> Result<Vec<BreakGlassUse>> {
        let sql = format!("{USE_SELECT} WHERE status = $1 ORDER BY at DESC LIMIT $2");
        let rows: Vec<UseRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(status)
            .bind(limit)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(use_from).collect())
    }

    /// Uses on cases `org_id` is accountable for, since `since`, newest first: the notice to the
    /// accountable organisation.
    pub async fn break_glass_notices(
        &self,
        org_id: &str,
        since: OffsetDateTime,
    ) -> Result<Vec<BreakGlassUse>> {
        let sql =
            format!("{USE_SELECT} WHERE accountable_org_id = $1 AND at >= $2 ORDER BY at DESC");
        let rows: Vec<UseRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(org_id)
            .bind(time_text::format(since))
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(use_from).collect())
    }

    /// The privacy officer's judgement of an open use: accepted or flagged. `NotFound` when it is
    /// not open.
    pub async fn review_break_glass(&self, id: &str, by: &str, accept: bool) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE break_glass_uses SET status = $2, reviewed_by = $3, reviewed_at = $4 \
             WHERE id = $1 AND status = 'open'",
        )
        .bind(id)
        .bind(if accept { "accepted" } else { "flagged" })
        .bind(by)
        .bind(time_text::now())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound(format!("noodtoegang {id}")));
        }
        tx.commit().await?;
        Ok(())
    }
}

async fn insert_request(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    user_id: &str,
    org_id: &str,
    role: Role,
    requested_by: &str,
    now: &str,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO role_requests (id, user_id, org_id, role, requested_by, requested_at, status, \
         decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, 'pending', NULL, NULL)",
    )
    .bind(&id)
    .bind(user_id)
    .bind(org_id)
    .bind(role.code())
    .bind(requested_by)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

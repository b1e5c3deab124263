//! People who use Schakel and their roles per organisation. Passwords arrive here already hashed:
//! hashing is the web layer's job, off the async runtime.

use schakel_domain::org::Role;
use serde::Serialize;

use crate::{Result, Store, StoreError, time_text, unique_as_duplicate};

/// A user account. Deliberately not `Debug`-printing secrets: see the manual impl below.
#[derive(Clone, Serialize)]
pub struct User {
    pub id: String,
    pub username: String,
    pub display_name: String,
    #[serde(skip)]
    pub password_hash: String,
    #[serde(skip)]
    pub totp_secret: Option<String>,
    pub disabled: bool,
    pub is_demo: bool,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("disabled", &self.disabled)
            .field("totp", &self.totp_secret.is_some())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub org_id: String,
    pub org_name: String,
    pub role: Role,
}

pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub is_demo: bool,
}

const USER_COLUMNS: &str =
    "id, username, display_name, password_hash, totp_secret, disabled, is_demo";

/// A `users` row as `Any` decodes it: flags are 0/1 integers.
#[derive(sqlx::FromRow)]
struct UserRow {
    id: String,
    username: String,
    display_name: String,
    password_hash: String,
    totp_secret: Option<String>,
    disabled: i64,
    is_demo: i64,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        User {
            id: r.id,
            username: r.username,
            display_name: r.display_name,
            password_hash: r.password_hash,
            totp_secret: r.totp_secret,
            disabled: r.disabled != 0,
            is_demo: r.is_demo != 0,
        }
    }
}

impl Store {
    pub async fn create_user(&self, new: &NewUser<'_>) -> Result<User> {
        let mut tx = self.begin_write().await?;
        let id = insert_user(&mut tx, new).await?;
        tx.commit().await?;
        self.user_by_id(&id).await
    }

    /// Creates a user with their first role in one transaction: no account is left without a role.
    pub async fn create_user_with_membership(
        &self,
        new: &NewUser<'_>,
        org_id: &str,
        role: Role,
    ) -> Result<User> {
        let mut tx = self.begin_write().await?;
        let id = insert_user(&mut tx, new).await?;
        sqlx::query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, $3)")
            .bind(&id)
            .bind(org_id)
            .bind(role.code())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.user_by_id(&id).await
    }

    pub async fn user_by_username(&self, username: &str) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE username = $1");
        let row = sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql))
            .bind(username)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(User::from))
    }

    pub async fn user_by_id(&self, id: &str) -> Result<User> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row = sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("gebruiker {id}")))?;
        Ok(row.into())
    }

    pub async fn users(&self) -> Result<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY username");
        let rows = sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(User::from).collect())
    }

    /// Whether any account exists that is not a demo account (demo mode refuses such a database).
    pub async fn has_real_users(&self) -> Result<bool> {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE is_demo = 0")
            .fetch_one(self.pool())
            .await?;
        Ok(count > 0)
    }

    pub async fn add_membership(&self, user_id: &str, org_id: &str, role: Role) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let exists = sqlx::query(
            "SELECT 1 FROM memberships WHERE user_id = $1 AND org_id = $2 AND role = $3",
        )
        .bind(user_id)
        .bind(org_id)
        .bind(role.code())
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        if !exists {
            sqlx::query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, $3)")
                .bind(user_id)
                .bind(org_id)
                .bind(role.code())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn memberships(&self, user_id: &str) -> Result<Vec<Membership>> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT m.org_id, o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.org_id \
             WHERE m.user_id = $1 ORDER BY o.name, m.role",
        )
        .bind(user_id)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|(org_id, org_name, role)| {
                Ok(Membership {
                    org_id,
                    org_name,
                    role: Role::parse("rol", &role)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                })
            })
            .collect()
    }

    /// Sets a new password hash and ends every session of the user.
    pub async fn set_password_hash(&self, user_id: &str, hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1")
            .bind(user_id)
            .bind(hash)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound(format!("gebruiker {user_id}")));
        }
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Disables (or enables) an account; disabling ends its sessions at once.
    pub async fn set_disabled(&self, user_id: &str, disabled: bool) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("UPDATE users SET disabled = $2 WHERE id = $1")
            .bind(user_id)
            .bind(i64::from(disabled))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound(format!("gebruiker {user_id}")));
        }
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_totp_secret(&self, user_id: &str, secret: Option<&str>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET totp_secret = $2 WHERE id = $1")
            .bind(user_id)
            .bind(secret)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Store {
    /// The active users holding any role in `org_id`, by name.
    pub async fn users_of_org(&self, org_id: &str) -> Result<Vec<User>> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE disabled = 0 AND id IN \
             (SELECT user_id FROM memberships WHERE org_id = $1) ORDER BY display_name"
        );
        let rows = sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql))
            .bind(org_id)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(User::from).collect())
    }
}

async fn insert_user(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    new: &NewUser<'_>,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO users (id, username, display_name, password_hash, totp_secret, disabled, is_demo, created_at) \
         VALUES ($1, $2, $3, $4, NULL, 0, $5, $6)",
    )
    .bind(&id)
    .bind(new.username)
    .bind(new.display_name)
    .bind(new.password_hash)
    .bind(i64::from(new.is_demo))
    .bind(time_text::now())
    .execute(&mut **tx)
    .await
    .map_err(|e| unique_as_duplicate(e, "gebruikersnaam"))?;
    Ok(id)
}

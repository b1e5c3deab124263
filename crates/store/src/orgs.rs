//! Organisations, the gemeenten of the region, and store-wide settings.

use schakel_domain::org::OrgKind;
use serde::Serialize;

use crate::{Result, Store, StoreError, time_text, unique_as_duplicate};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub kind: OrgKind,
    /// The gemeenten this organisation serves.
    pub gemeenten: Vec<String>,
    /// Contact details (issue 7: shown with the regiehouder on the case page), optional.
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gemeente {
    pub name: String,
    pub region: String,
    pub centrumgemeente: bool,
}

/// An `organisations` row as `Any` decodes it: the kind as its code, gemeenten joined by `|`.
#[derive(sqlx::FromRow)]
struct OrgRow {
    id: String,
    name: String,
    kind: String,
    gemeenten: String,
    phone: Option<String>,
    email: Option<String>,
}

impl TryFrom<OrgRow> for Organisation {
    type Error = StoreError;

    fn try_from(row: OrgRow) -> Result<Self> {
        Ok(Organisation {
            kind: OrgKind::parse("kind", &row.kind)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            gemeenten: row
                .gemeenten
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            id: row.id,
            name: row.name,
            phone: row.phone,
            email: row.email,
        })
    }
}

impl Store {
    /// Adds or updates a gemeente of the region (idempotent, so a region file can be loaded again).
    pub async fn upsert_gemeente(&self, g: &Gemeente) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let exists = sqlx::query("SELECT name FROM gemeenten WHERE name = $1")
            .bind(&g.name)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        let sql = if exists {
            "UPDATE gemeenten SET region = $2, centrumgemeente = $3 WHERE name = $1"
        } else {
            "INSERT INTO gemeenten (name, region, centrumgemeente) VALUES ($1, $2, $3)"
        };
        sqlx::query(sql)
            .bind(&g.name)
            .bind(&g.region)
            .bind(i64::from(g.centrumgemeente))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn gemeenten(&self) -> Result<Vec<Gemeente>> {
        let rows: Vec<(String, String, i64)> =
            sqlx::query_as("SELECT name, region, centrumgemeente FROM gemeenten ORDER BY name")
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .into_iter()
            .map(|(name, region, centrum)| Gemeente {
                name,
                region,
                centrumgemeente: centrum != 0,
            })
            .collect())
    }

    /// Adds an organisation, or updates kind and gemeenten of the one with the same name.
    /// Returns the organisation's id. Unknown gemeenten are refused, naming the field.
    pub async fn upsert_organisation(
        &self,
        name: &str,
        kind: OrgKind,
        gemeenten: &[String],
    ) -> Result<String> {
        let known: Vec<String> = self
            .gemeenten()
            .await?
            .into_iter()
            .map(|g| g.name)
            .collect();
        if let Some(unknown) = gemeenten.iter().find(|g| !known.contains(g)) {
            return Err(StoreError::NotFound(format!("gemeente '{unknown}'")));
        }
        let joined = gemeenten.join("|");
        let mut tx = self.begin_write().await?;
        let existing: Option<String> =
            sqlx::query_scalar("SELECT id FROM organisations WHERE name = $1")
                .bind(name)
                .fetch_optional(&mut *tx)
                .await?;
        let id = match existing {
            Some(id) => {
                sqlx::query("UPDATE organisations SET kind = $2, gemeenten = $3 WHERE id = $1")
                    .bind(&id)
                    .bind(kind.code())
                    .bind(&joined)
                    .execute(&mut *tx)
                    .await?;
                id
            }
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                sqlx::query(
                    "INSERT INTO organisations (id, name, kind, gemeenten, created_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&id)
                .bind(name)
                .bind(kind.code())
                .bind(&joined)
                .bind(time_text::now())
                .execute(&mut *tx)
                .await
                .map_err(|e| unique_as_duplicate(e, "naam"))?;
                id
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    pub async fn organisations(&self) -> Result<Vec<Organisation>> {
        let rows = sqlx::query_as::<_, OrgRow>(
            "SELECT id, name, kind, gemeenten, phone, email FROM organisations ORDER BY name",
        )
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(Organisation::try_from).collect()
    }

    pub async fn organisation(&self, id: &str) -> Result<Organisation> {
        let row = sqlx::query_as::<_, OrgRow>(
            "SELECT id, name, kind, gemeenten, phone, email FROM organisations WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("organisatie {id}")))?;
        row.try_into()
    }

    pub async fn organisation_by_name(&self, name: &str) -> Result<Option<Organisation>> {
        let row = sqlx::query_as::<_, OrgRow>(
            "SELECT id, name, kind, gemeenten, phone, email FROM organisations WHERE name = $1",
        )
        .bind(name)
        .fetch_optional(self.pool())
        .await?;
        row.map(Organisation::try_from).transpose()
    }

    /// Sets an organisation's contact details (checked by
    /// [`schakel_domain::org::contact::Contact::parse`]); `None` clears a field.
    pub async fn set_organisation_contact(
        &self,
        id: &str,
        contact: &schakel_domain::org::contact::Contact,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("UPDATE organisations SET phone = $2, email = $3 WHERE id = $1")
            .bind(id)
            .bind(&contact.phone)
            .bind(&contact.email)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n != 1 {
            return Err(StoreError::NotFound(format!("organisatie {id}")));
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
                .bind(key)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM settings WHERE key = $1")
            .bind(key)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2)")
            .bind(key)
            .bind(value)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

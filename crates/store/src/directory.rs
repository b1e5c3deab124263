//! The sociale kaart (issue 11 item 3): services as JSON rows with their last review, and the
//! history of every change in the same transaction as the change. A writer names the version it
//! saw; someone else's write in between is [`StoreError::DirectoryChanged`] and nothing is written.

use schakel_domain::directory::{Change, ChangeKind, Service};
use sqlx::Row;
use time::{Date, OffsetDateTime};

use crate::{Result, Store, StoreError, time_text};

/// Who wrote a change, as the history shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub user_id: String,
    pub name: String,
}

/// A service as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredService {
    pub id: String,
    pub service: Service,
    /// The day a beheerder last confirmed the entry (its creation counts).
    pub last_reviewed: Date,
    pub reviewed_by: String,
    pub archived: bool,
    /// Counts the writes; a writer expects the one it saw.
    pub version: i64,
    pub updated_at: OffsetDateTime,
}

/// One entry of a service's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredChange {
    pub seq: i64,
    pub kind: ChangeKind,
    pub changes: Vec<Change>,
    pub at: OffsetDateTime,
    pub by: Editor,
}

/// A write to an existing service: the new content (or none), a review, archiving.
#[derive(Debug, Clone)]
pub struct DirectoryWrite<'a> {
    pub id: &'a str,
    pub expected_version: i64,
    pub kind: ChangeKind,
    pub service: Option<&'a Service>,
    pub changes: &'a [Change],
    /// Set when the write confirms the entry (a review, or an edit, which the beheerder made
    /// looking at the whole entry).
    pub reviewed_on: Option<Date>,
    pub archive: bool,
    pub at: OffsetDateTime,
    pub by: &'a Editor,
}

/// The columns a [`StoredService`] is read from, in `service_from`'s order.
macro_rules! select_services {
    ($rest:literal) => {
        concat!(
            "SELECT id, payload, last_reviewed, reviewed_by, archived, version, updated_at ",
            "FROM directory_services ",
            $rest
        )
    };
}

fn date_text(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()
}

fn service_from(row: &sqlx::any::AnyRow) -> Result<StoredService> {
    let payload: String = row.try_get(1)?;
    let reviewed: String = row.try_get(2)?;
    let updated: String = row.try_get(6)?;
    Ok(StoredService {
        id: row.try_get(0)?,
        service: serde_json::from_str(&payload)
            .map_err(|e| StoreError::Corrupt(format!("sociale kaart: {e}")))?,
        last_reviewed: parse_date(&reviewed)
            .ok_or_else(|| StoreError::Corrupt("datum in directory_services".into()))?,
        reviewed_by: row.try_get(3)?,
        archived: row.try_get::<i64, _>(4)? != 0,
        version: row.try_get(5)?,
        updated_at: time_text::parse(&updated)
            .ok_or_else(|| StoreError::Corrupt("tijd in directory_services".into()))?,
    })
}

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(format!("sociale kaart: {e}")))
}

impl Store {
    /// Every service (archived ones only when asked), by name.
    pub async fn directory_services(&self, with_archived: bool) -> Result<Vec<StoredService>> {
        let sql = if with_archived {
            select_services!("ORDER BY name, id")
        } else {
            select_services!("WHERE archived = 0 ORDER BY name, id")
        };
        let rows = sqlx::query(sql).fetch_all(self.pool()).await?;
        rows.iter().map(service_from).collect()
    }

    /// One service, archived or not.
    pub async fn directory_service(&self, id: &str) -> Result<Option<StoredService>> {
        let row = sqlx::query(select_services!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(service_from).transpose()
    }

    /// Adds service `id`, reviewed on `reviewed_on` (the day it is entered, or for an imported
    /// entry the day it was last checked), with its first history entry.
    pub async fn insert_directory_service(
        &self,
        id: &str,
        service: &Service,
        reviewed_on: Date,
        at: OffsetDateTime,
        by: &Editor,
    ) -> Result<()> {
        let at_text = time_text::format(at);
        let mut tx = self.begin_write().await?;
        let taken = sqlx::query("SELECT id FROM directory_services WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(StoreError::Duplicate { field: "id".into() });
        }
        sqlx::query(
            "INSERT INTO directory_services \
             (id, name, payload, last_reviewed, reviewed_by, archived, version, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 0, 1, $6)",
        )
        .bind(id)
        .bind(&service.name)
        .bind(json(service)?)
        .bind(date_text(reviewed_on))
        .bind(&by.name)
        .bind(&at_text)
        .execute(&mut *tx)
        .await?;
        insert_change(&mut tx, id, 1, ChangeKind::Created, &[], &at_text, by).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes a change to an existing service after the version its writer saw, with its history
    /// entry. Returns the new version.
    pub async fn write_directory_service(&self, w: &DirectoryWrite<'_>) -> Result<i64> {
        let at_text = time_text::format(w.at);
        let mut tx = self.begin_write().await?;
        let current: Option<i64> =
            sqlx::query_scalar("SELECT version FROM directory_services WHERE id = $1")
                .bind(w.id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(actual) = current else {
            return Err(StoreError::NotFound(format!("dienst {}", w.id)));
        };
        if actual != w.expected_version {
            return Err(StoreError::DirectoryChanged {
                expected: w.expected_version,
                actual,
            });
        }
        let version = actual + 1;
        let payload = w.service.map(json).transpose()?;
        // The row moves only from the version this writer saw: a concurrent writer that passed
        // the check above finds no row to move.
        let moved = sqlx::query(
            "UPDATE directory_services SET \
             name = COALESCE($1, name), payload = COALESCE($2, payload), \
             last_reviewed = COALESCE($3, last_reviewed), \
             reviewed_by = CASE WHEN $3 IS NULL THEN reviewed_by ELSE $4 END, \
             archived = CASE WHEN $5 = 1 THEN 1 ELSE archived END, \
             version = $6, updated_at = $7 WHERE id = $8 AND version = $9",
        )
        .bind(w.service.map(|s| s.name.clone()))
        .bind(payload)
        .bind(w.reviewed_on.map(date_text))
        .bind(&w.by.name)
        .bind(i64::from(w.archive))
        .bind(version)
        .bind(&at_text)
        .bind(w.id)
        .bind(actual)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved != 1 {
            return Err(StoreError::DirectoryChanged {
                expected: w.expected_version,
                actual: actual + 1,
            });
        }
        insert_change(&mut tx, w.id, version, w.kind, w.changes, &at_text, w.by).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// The history of service `id`, newest first.
    pub async fn directory_changes(&self, id: &str) -> Result<Vec<StoredChange>> {
        let rows = sqlx::query(
            "SELECT seq, kind, changes, recorded_at, by_user_id, by_name FROM directory_changes \
             WHERE service_id = $1 ORDER BY seq DESC",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get(1)?;
                let changes: String = r.try_get(2)?;
                let at: String = r.try_get(3)?;
                Ok(StoredChange {
                    seq: r.try_get(0)?,
                    kind: ChangeKind::parse(&kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("soort wijziging {kind}")))?,
                    changes: serde_json::from_str(&changes)
                        .map_err(|e| StoreError::Corrupt(format!("sociale kaart: {e}")))?,
                    at: time_text::parse(&at)
                        .ok_or_else(|| StoreError::Corrupt("tijd in directory_changes".into()))?,
                    by: Editor {
                        user_id: r.try_get(4)?,
                        name: r.try_get(5)?,
                    },
                })
            })
            .collect()
    }
}

async fn insert_change(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: &str,
    seq: i64,
    kind: ChangeKind,
    changes: &[Change],
    at: &str,
    by: &Editor,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO directory_changes \
         (service_id, seq, kind, changes, recorded_at, by_user_id, by_name) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(seq)
    .bind(kind.code())
    .bind(json(&changes)?)
    .bind(at)
    .bind(&by.user_id)
    .bind(&by.name)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

//! A small migrator: numbered schema files per engine, each applied once in its own transaction and
//! recorded with a checksum, so an edited, already-applied file is refused instead of silently skipped.
//! After the files, the data steps that SQL cannot do run (see [`crate::cases::rehash_legacy_chains`]
//! for migration 0003's); each is idempotent and cheap once done, so it runs at every start.

use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::{Result, Store, StoreError, time_text};

pub(crate) async fn run(store: &Store) -> Result<Vec<String>> {
    let backend = store.backend();
    let mut applied_now = Vec::new();
    {
        let mut tx = store.begin_write().await?;
        backend.lock_for_migration(&mut tx).await?;
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, \
             checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    }
    for (version, name, sql) in backend.migrations() {
        let checksum = hex::encode(Sha256::digest(sql.as_bytes()));
        let mut tx = store.begin_write().await?;
        backend.lock_for_migration(&mut tx).await?;
        let existing = sqlx::query("SELECT checksum FROM schema_migrations WHERE version = $1")
            .bind(*version)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(row) = existing {
            let stored: String = row.try_get(0)?;
            if stored != checksum {
                return Err(StoreError::Corrupt(format!(
                    "migratie {version} ({name}) is gewijzigd nadat hij was toegepast"
                )));
            }
            continue;
        }
        sqlx::raw_sql(sqlx::AssertSqlSafe(*sql))
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)")
            .bind(*version)
            .bind(*name)
            .bind(checksum)
            .bind(time_text::now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        applied_now.push(format!("{version:04}_{name}"));
    }
    // Reports through the log; the list stays the files applied.
    crate::cases::rehash_legacy_chains(store).await?;
    Ok(applied_now)
}

//! Schema migrations through sqlx's migrator: the files of `migrations/<engine>/` are embedded by
//! `sqlx::migrate!`, recorded in `_sqlx_migrations` with a checksum, and an edited, already-applied
//! file is refused instead of silently skipped (sqlx compares the checksums).
//!
//! Two things sqlx does not do for us, and this module does:
//! - **Serialising instances.** sqlx's own lock is a no-op on SQLite and a session-level advisory lock
//!   on PostgreSQL that an error halfway leaves held on a pooled connection. So sqlx's locking is off
//!   and the whole run happens inside our write transaction (`BEGIN IMMEDIATE` on SQLite, a
//!   transaction-scoped advisory lock on PostgreSQL, see [`crate::Backend::lock_for_migration`]);
//!   sqlx puts each file in a savepoint inside it.
//! - **Adopting databases of the hand-written migrator** that came before: they record applied files
//!   in `schema_migrations` with a hex SHA-256 of the file. Those checksums are verified against the
//!   embedded files, the versions marked applied in `_sqlx_migrations` without running them again,
//!   and the old table dropped, all in the same transaction.
//!
//! After the files, the data steps that SQL cannot do run (see [`crate::cases::rehash_legacy_chains`]
//! for migration 0003's); each is idempotent and cheap once done, so it runs at every start.

use std::collections::HashSet;

use sha2::{Digest, Sha256};
use sqlx::migrate::{Migrate, MigrateError, Migrator};

use crate::{Backend, Result, Store, StoreError};

static SQLITE: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES: Migrator = sqlx::migrate!("migrations/postgres");

/// sqlx's bookkeeping table (its default name; we do not configure another).
const TABLE: &str = "_sqlx_migrations";
/// The hand-written migrator's bookkeeping table, adopted and then dropped.
const OLD_TABLE: &str = "schema_migrations";

/// The embedded migrations of `backend`, with sqlx's locking off: we hold our own lock (see above).
pub(crate) fn migrator(backend: Backend) -> Migrator {
    let embedded = match backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    };
    let mut migrator = Migrator::with_migrations(embedded.iter().cloned().collect());
    migrator.set_locking(false);
    migrator
}

/// How many of the embedded migrations the database has not had yet, read without writing (a
/// database without the bookkeeping table has had none).
pub(crate) async fn pending(store: &Store) -> Result<usize> {
    let applied: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT version FROM {TABLE} WHERE success"
    )))
    .fetch_all(store.pool())
    .await
    .unwrap_or_default();
    Ok(migrator(store.backend())
        .iter()
        .filter(|m| !m.migration_type.is_down_migration() && !applied.contains(&m.version))
        .count())
}

pub(crate) async fn run(store: &Store) -> Result<Vec<String>> {
    let backend = store.backend();
    let migrator = migrator(backend);
    let mut tx = store.begin_write().await?;
    backend.lock_for_migration(&mut tx).await?;
    tx.ensure_migrations_table(TABLE)
        .await
        .map_err(migrate_error)?;
    if backend.has_table(&mut tx, OLD_TABLE).await? {
        adopt_old_migrations(&mut tx, &migrator).await?;
    }
    let before: HashSet<i64> = tx
        .list_applied_migrations(TABLE)
        .await
        .map_err(migrate_error)?
        .into_iter()
        .map(|m| m.version)
        .collect();
    // `run_direct` is what `Migrator::run` calls after acquiring a connection; `run` itself makes
    // this future not `Send` (sqlx's "implementation of `Acquire` is not general enough"), and the
    // server migrates from spawned tasks.
    migrator
        .run_direct(None, &mut *tx, false)
        .await
        .map_err(migrate_error)?;
    tx.commit().await?;
    let applied_now = migrator
        .iter()
        .filter(|m| !before.contains(&m.version))
        // The file name as it was before sqlx turned its underscores into spaces.
        .map(|m| format!("{:04}_{}", m.version, m.description.replace(' ', "_")))
        .collect();
    // Reports through the log; the list stays the files applied.
    crate::cases::rehash_legacy_chains(store).await?;
    // Migration 0006's data step: the name words of persons written before it.
    if migrator
        .iter()
        .any(|m| m.version == 6 && !before.contains(&m.version))
    {
        crate::search::fill_name_tokens(store).await?;
    }
    Ok(applied_now)
}

/// Marks every version the old migrator applied as applied in sqlx's table, after checking that the
/// file it ran is the file embedded now, so the schema is not built twice and an edited file is
/// still refused.
async fn adopt_old_migrations(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    migrator: &Migrator,
) -> Result<()> {
    let old: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
            .fetch_all(&mut **tx)
            .await?;
    let known: HashSet<i64> = tx
        .list_applied_migrations(TABLE)
        .await
        .map_err(migrate_error)?
        .into_iter()
        .map(|m| m.version)
        .collect();
    for (version, name, checksum) in old {
        let Some(migration) = migrator.iter().find(|m| m.version == version) else {
            return Err(StoreError::Corrupt(format!(
                "migratie {version} ({name}) staat in de database maar niet in deze versie van Schakel"
            )));
        };
        if hex::encode(Sha256::digest(migration.sql.as_str().as_bytes())) != checksum {
            return Err(changed(version));
        }
        if !known.contains(&version) {
            tx.skip(TABLE, migration).await.map_err(migrate_error)?;
        }
    }
    sqlx::query("DROP TABLE schema_migrations")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn changed(version: i64) -> StoreError {
    StoreError::Corrupt(format!(
        "migratie {version} is gewijzigd nadat hij was toegepast"
    ))
}

/// sqlx's refusals in the store's terms: a changed or unknown applied file means the database and
/// this build disagree about the schema, which no retry fixes.
fn migrate_error(err: MigrateError) -> StoreError {
    match err {
        MigrateError::VersionMismatch(version) => changed(version),
        MigrateError::VersionMissing(version) => StoreError::Corrupt(format!(
            "migratie {version} staat in de database maar niet in deze versie van Schakel"
        )),
        MigrateError::Dirty(version) => StoreError::Corrupt(format!(
            "migratie {version} is half toegepast; herstel de database"
        )),
        other => StoreError::Db(other.into()),
    }
}

//! Everything that differs between SQLite and PostgreSQL, in one place.

use sqlx::{Any, AnyConnection, AnyPool, Executor, Transaction};

use crate::{Result, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub(crate) fn from_url(url: &str) -> Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::Corrupt(
                "database-url moet beginnen met sqlite: of postgres://".into(),
            ))
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    pub(crate) fn max_connections(self) -> u32 {
        match self {
            // SQLite serialises writers anyway; a few connections serve concurrent readers in WAL mode.
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        }
    }

    /// Per-connection settings. For SQLite: WAL with full sync so that an acknowledged write survives
    /// a crash or power loss (DESIGN.md principle 9), a busy timeout instead of instant lock errors,
    /// and enforced foreign keys.
    pub(crate) async fn prepare_connection(
        self,
        conn: &mut AnyConnection,
    ) -> std::result::Result<(), sqlx::Error> {
        if self == Backend::Sqlite {
            conn.execute("PRAGMA journal_mode = WAL").await?;
            conn.execute("PRAGMA synchronous = FULL").await?;
            conn.execute("PRAGMA busy_timeout = 10000").await?;
            conn.execute("PRAGMA foreign_keys = ON").await?;
        }
        Ok(())
    }

    pub(crate) async fn begin_write(
        self,
        pool: &AnyPool,
    ) -> std::result::Result<Transaction<'static, Any>, sqlx::Error> {
        match self {
            Backend::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => pool.begin().await,
        }
    }

    /// The schema files of this engine, in order: (version, name, sql).
    pub(crate) fn migrations(self) -> &'static [(i64, &'static str, &'static str)] {
        match self {
            Backend::Sqlite => &[
                (
                    1,
                    "foundation",
                    include_str!("../migrations/sqlite/0001_foundation.sql"),
                ),
                (
                    2,
                    "vt_flow",
                    include_str!("../migrations/sqlite/0002_vt_flow.sql"),
                ),
                (
                    3,
                    "retention_ready_log",
                    include_str!("../migrations/sqlite/0003_retention_ready_log.sql"),
                ),
            ],
            Backend::Postgres => &[
                (
                    1,
                    "foundation",
                    include_str!("../migrations/postgres/0001_foundation.sql"),
                ),
                (
                    2,
                    "vt_flow",
                    include_str!("../migrations/postgres/0002_vt_flow.sql"),
                ),
                (
                    3,
                    "retention_ready_log",
                    include_str!("../migrations/postgres/0003_retention_ready_log.sql"),
                ),
            ],
        }
    }

    /// The next access-log sequence number, inside the writer's transaction. PostgreSQL draws it from
    /// a sequence, so writers of different chains never wait on one counter (a rolled-back writer
    /// leaves a gap, which is why verify checks positions per chain, not seq numbers); SQLite has one
    /// writer at a time anyway, so the largest number plus one is exact there.
    pub(crate) async fn next_access_log_seq(
        self,
        tx: &mut Transaction<'static, Any>,
    ) -> Result<i64> {
        let sql = match self {
            Backend::Sqlite => "SELECT COALESCE(MAX(seq), 0) + 1 FROM access_log",
            Backend::Postgres => "SELECT nextval('access_log_seq')",
        };
        Ok(sqlx::query_scalar(sql).fetch_one(&mut **tx).await?)
    }

    /// Serialises concurrent migrators. PostgreSQL takes an advisory lock for the transaction;
    /// SQLite's write transaction is already exclusive.
    pub(crate) async fn lock_for_migration(self, tx: &mut Transaction<'static, Any>) -> Result<()> {
        if self == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(7420813)")
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}

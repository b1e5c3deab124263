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
            // A read-only connection (`schakel verify`) cannot switch the journal mode of a file
            // that is not in WAL mode yet, and needs not: it writes nothing.
            match conn.execute("PRAGMA journal_mode = WAL").await {
                Ok(_) => {}
                Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("8") => {}
                Err(e) => return Err(e),
            }
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

    /// Whether a table of this name exists in the database's own schema. Used to find the
    /// hand-written migrator's bookkeeping table, which existing databases still have.
    pub(crate) async fn has_table(
        self,
        tx: &mut Transaction<'static, Any>,
        name: &str,
    ) -> Result<bool> {
        let sql = match self {
            Backend::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1"
            }
            Backend::Postgres => {
                "SELECT COUNT(*) FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = $1"
            }
        };
        let count: i64 = sqlx::query_scalar(sql)
            .bind(name)
            .fetch_one(&mut **tx)
            .await?;
        Ok(count > 0)
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

    /// Serialises concurrent migrators (sqlx's own migration lock is off, see `migrate.rs`).
    /// PostgreSQL takes an advisory lock for the transaction, released by commit or rollback whatever
    /// happens; SQLite's write transaction is already exclusive.
    pub(crate) async fn lock_for_migration(self, tx: &mut Transaction<'static, Any>) -> Result<()> {
        if self == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(7420813)")
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}

//! Persistence for Schakel: one [`Store`] over SQLite (embedded default) and PostgreSQL.
//!
//! Both engines run the same SQL text through sqlx's `Any` driver (`$1, $2, ...` placeholders work on
//! both); what differs per engine (connection pragmas, how a write transaction starts, the schema
//! files) lives in [`dialect`] and `migrations/<engine>/`. Times travel as fixed-format UTC text and
//! flags as 0/1 integers, the types `Any` maps on both engines.

pub mod access_log;
pub mod accounts;
pub mod bench;
mod bulk;
pub mod cases;
pub mod casework;
mod chained;
pub mod consistency;
mod dialect;
pub mod directory;
pub mod glance;
pub mod hashchain;
pub mod known;
pub mod login_forms;
pub mod meldcode;
mod migrate;
pub mod orgs;
pub mod programmes;
pub mod queue;
pub mod readmodels;
pub mod search;
pub mod sessions;
pub mod time_text;
pub mod users;
pub mod verify;
pub mod year_totals;

use std::path::Path;
use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Connection, Transaction};

pub use dialect::Backend;

/// Everything that can go wrong in the store, in terms the layers above can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A writer worked from a stale view of a case: someone else appended first.
    #[error(
        "casus {case_id} is intussen gewijzigd (verwacht volgnummer {expected}, huidig {actual})"
    )]
    Conflict {
        case_id: String,
        expected: i64,
        actual: i64,
    },
    /// A writer worked from a stale view of a programme: someone else wrote to it first.
    #[error(
        "het programma is intussen gewijzigd (verwacht volgnummer {expected}, huidig {actual})"
    )]
    ProgrammeChanged { expected: i64, actual: i64 },
    /// A writer worked from a stale view of a meldcode dossier: someone else wrote to it first.
    #[error(
        "het meldcodedossier is intussen gewijzigd (verwacht volgnummer {expected}, huidig {actual})"
    )]
    DossierChanged { expected: i64, actual: i64 },
    /// A writer worked from a stale view of a service of the sociale kaart.
    #[error("de dienst is intussen gewijzigd (verwacht versie {expected}, huidige {actual})")]
    DirectoryChanged { expected: i64, actual: i64 },
    /// The domain refused a change: the transition is not allowed in this state, or a field is
    /// wrong. The message is Dutch and says what; maps to HTTP 422.
    #[error("{0}")]
    Rejected(#[from] schakel_domain::case::TransitionError),
    #[error("{0} niet gevonden")]
    NotFound(String),
    /// A unique value is taken; `field` names the input field that clashes.
    #[error("{field}: bestaat al")]
    Duplicate { field: String },
    #[error("opgeslagen gegevens kloppen niet: {0}")]
    Corrupt(String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    /// The database is not where it was said to be, or is empty: nothing to open.
    #[error("geen database: {0}")]
    Missing(String),
    /// The database server did not answer in time.
    #[error("database niet bereikbaar: {0}")]
    Unreachable(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// How long the first connection to a database may take before it counts as unreachable.
pub const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);
/// How long a request waits for a pooled connection.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Refuses a SQLite database file that is missing, unreadable or empty, naming the file.
fn check_sqlite_file(file: &Path) -> Result<()> {
    let meta = std::fs::metadata(file)
        .map_err(|e| StoreError::Missing(format!("{}: {e}", file.display())))?;
    if !meta.is_file() {
        return Err(StoreError::Missing(format!(
            "{} is geen bestand",
            file.display()
        )));
    }
    if meta.len() == 0 {
        return Err(StoreError::Missing(format!(
            "{} is leeg (0 bytes)",
            file.display()
        )));
    }
    std::fs::File::open(file)
        .map_err(|e| StoreError::Missing(format!("{} niet te lezen: {e}", file.display())))?;
    Ok(())
}

/// The one handle to the database. Cheap to clone; holds no state outside the database, so several
/// server instances can share one PostgreSQL database.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Group commit for case work (see casework::group); `None` inside the committer itself.
    committer: Option<tokio::sync::mpsc::Sender<casework::CommitJob>>,
    /// The region's rules the deadlines of case work are computed with (set once at start-up with
    /// [`Store::with_rules`]; the defaults otherwise). Each job to the committer carries them.
    rules: std::sync::Arc<schakel_domain::rules::RegionRules>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (and creates when missing) the embedded SQLite database in `data_dir`.
    pub async fn open_sqlite(data_dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(data_dir).map_err(|e| {
            StoreError::Corrupt(format!("datamap {} niet te maken: {e}", data_dir.display()))
        })?;
        let file = data_dir.join("schakel.db");
        let url = format!("sqlite://{}?mode=rwc", file.display());
        // An existing file must be a whole database: an empty (0-byte) file or one that fails the
        // quick check is refused before anything is written to it (issue 8, finding 14).
        let existed = file.exists();
        if existed {
            check_sqlite_file(&file)?;
        }
        let store = Self::connect(&url).await?;
        if existed {
            store.quick_check().await?;
        }
        Ok(store)
    }

    /// Opens an existing SQLite database file read-only (for `schakel verify`): nothing is created
    /// or changed. A missing or empty file, or one that is no SQLite database or fails SQLite's
    /// quick check, is refused at once with the engine's own words.
    pub async fn open_sqlite_read_only(file: &Path) -> Result<Self> {
        check_sqlite_file(file)?;
        let url = format!("sqlite://{}?mode=ro", file.display());
        let store = Self::connect(&url).await?;
        store.quick_check().await?;
        Ok(store)
    }

    /// SQLite's quick check of the whole file (page structure, indexes): `Corrupt` with its first
    /// finding when it does not say "ok". PostgreSQL keeps its own pages whole; nothing to do there.
    pub async fn quick_check(&self) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Ok(());
        }
        let findings: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
            .fetch_all(&self.pool)
            .await?;
        match findings.first().map(String::as_str) {
            Some("ok") => Ok(()),
            Some(first) => Err(StoreError::Corrupt(format!("SQLite quick_check: {first}"))),
            None => Err(StoreError::Corrupt(
                "SQLite quick_check: geen antwoord".into(),
            )),
        }
    }

    /// How many of the schema's migrations this database has not had yet (read only).
    pub async fn pending_migrations(&self) -> Result<usize> {
        migrate::pending(self).await
    }

    /// Connects to `sqlite://...` or `postgres://...`. Does not migrate; call [`Store::migrate`].
    ///
    /// The first connection is made on its own first, so a database that cannot be reached (an
    /// unreachable or refusing PostgreSQL server, a wrong password, a file that is no database)
    /// is reported with its real cause within seconds, not after a pool time-out that buries it.
    pub async fn connect(url: &str) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let options = AnyConnectOptions::from_str(url)?;
        match tokio::time::timeout(CONNECT_TIMEOUT, sqlx::AnyConnection::connect_with(&options))
            .await
        {
            Ok(Ok(mut probe)) => {
                backend.prepare_connection(&mut probe).await?;
                probe.close().await?;
            }
            Ok(Err(e)) => return Err(e.into()),
            Err(_) => {
                return Err(StoreError::Unreachable(format!(
                    "geen antwoord binnen {} seconden",
                    CONNECT_TIMEOUT.as_secs()
                )));
            }
        }
        let pool = AnyPoolOptions::new()
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .max_connections(backend.max_connections())
            .after_connect(move |conn, _meta| {
                Box::pin(async move { backend.prepare_connection(conn).await })
            })
            // A connection that comes back still inside a transaction is closed, never reused
            // (issue 8, finding 11). That happens when a commit or a statement failed in a way
            // that ended the transaction in the engine (SQLite rolls back by itself on "database
            // or disk is full"): sqlx's rollback on drop then fails and its transaction depth
            // stays above zero, so every later `BEGIN` on that connection failed with "attempted
            // to call begin_with at non-zero transaction depth" until the server restarted. The
            // ping first lets a queued rollback (of a transaction merely dropped) finish.
            .after_release(|conn, _meta| {
                Box::pin(async move {
                    if conn.is_in_transaction() {
                        conn.ping().await?;
                    }
                    let clean = !conn.is_in_transaction();
                    if !clean {
                        tracing::warn!("connection returned inside a transaction; closed");
                    }
                    Ok(clean)
                })
            })
            .connect_with(options)
            .await?;
        let inner = Self {
            pool: pool.clone(),
            backend,
            committer: None,
            rules: std::sync::Arc::default(),
        };
        let committer = Some(casework::start_committer(inner));
        Ok(Self {
            pool,
            backend,
            committer,
            rules: std::sync::Arc::default(),
        })
    }

    /// This handle with the region's rules: case work recorded through it computes deadlines with
    /// them (the group committer receives them with each job).
    pub fn with_rules(mut self, rules: std::sync::Arc<schakel_domain::rules::RegionRules>) -> Self {
        self.rules = rules;
        self
    }

    /// The region's rules of this handle.
    pub fn rules(&self) -> &std::sync::Arc<schakel_domain::rules::RegionRules> {
        &self.rules
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Brings the schema up to date, then refreshes the planner's statistics. Safe to run at every
    /// start-up and from several instances.
    pub async fn migrate(&self) -> Result<Vec<String>> {
        let applied = migrate::run(self).await?;
        self.refresh_statistics().await?;
        Ok(applied)
    }

    /// Refreshes what the query planner knows of the tables' sizes. Without it SQLite guesses, and
    /// at scale picks the case's primary key over the covering index Te doen needs (issue 7: 15 ms
    /// instead of 3 for the first page at scale 10). A sampled ANALYZE (400 rows per index) takes a
    /// few milliseconds at any size; the server runs it at start-up and every ten minutes, the demo
    /// after filling its year. PostgreSQL keeps its statistics itself (autovacuum).
    pub async fn refresh_statistics(&self) -> Result<()> {
        if self.backend == Backend::Sqlite {
            let mut conn = self.pool.acquire().await?;
            sqlx::query("PRAGMA analysis_limit = 400")
                .execute(&mut *conn)
                .await?;
            sqlx::query("ANALYZE").execute(&mut *conn).await?;
        }
        Ok(())
    }

    pub(crate) fn committer(&self) -> Option<&tokio::sync::mpsc::Sender<casework::CommitJob>> {
        self.committer.as_ref()
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock at once, so two writers
    /// queue on the busy timeout instead of failing when one upgrades a read snapshot.
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>> {
        Ok(self.backend.begin_write(&self.pool).await?)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Whether the database answers; used by `/healthz`.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Whether the database takes a write now: the time of this check is committed to the
    /// `readiness_probe` setting (one row, overwritten), so a full disk, a read-only file or a
    /// broken pool make it fail where [`Store::ping`] still answers. Only a commit proves it: a
    /// rolled-back write never reaches the disk. Used by `/readyz`.
    pub async fn check_writable(&self) -> Result<()> {
        let now = time_text::format(time::OffsetDateTime::now_utc());
        self.set_setting("readiness_probe", &now).await
    }
}

/// Maps a unique-constraint violation to [`StoreError::Duplicate`] naming `field`.
pub(crate) fn unique_as_duplicate(err: sqlx::Error, field: &str) -> StoreError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate {
            field: field.to_string(),
        },
        _ => StoreError::Db(err),
    }
}

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
mod dialect;
pub mod hashchain;
pub mod known;
mod migrate;
pub mod orgs;
pub mod queue;
pub mod readmodels;
pub mod sessions;
pub mod synthetic;
pub mod time_text;
pub mod users;
pub mod verify;

use std::path::Path;
use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Transaction};

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
}

pub type Result<T> = std::result::Result<T, StoreError>;

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
        Self::connect(&url).await
    }

    /// Connects to `sqlite://...` or `postgres://...`. Does not migrate; call [`Store::migrate`].
    pub async fn connect(url: &str) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let options = AnyConnectOptions::from_str(url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(backend.max_connections())
            .after_connect(move |conn, _meta| {
                Box::pin(async move { backend.prepare_connection(conn).await })
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

    /// Brings the schema up to date. Safe to run at every start-up and from several instances.
    pub async fn migrate(&self) -> Result<Vec<String>> {
        migrate::run(self).await
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

//! A store on a fresh database: SQLite in a temporary folder, or a new database on the PostgreSQL
//! server named by `SCHAKEL_TEST_DATABASE_URL` (dropped again by [`TestDb::cleanup`]).

use std::future::Future;
use std::path::Path;

use schakel_store::Store;
use sqlx::AnyPool;

/// The variable naming the PostgreSQL server for the PostgreSQL variant of the tests.
pub const DATABASE_URL_VAR: &str = "SCHAKEL_TEST_DATABASE_URL";
/// When set, a missing [`DATABASE_URL_VAR`] fails the tests instead of skipping PostgreSQL (CI).
pub const REQUIRE_POSTGRES_VAR: &str = "SCHAKEL_REQUIRE_POSTGRES";

/// A store on a fresh database, and a second raw connection to the same database for tests that
/// must reach around the Store API (to tamper with rows, as an attacker with database access would).
pub struct TestDb {
    pub store: Store,
    pub raw: AnyPool,
    _dir: Option<tempfile::TempDir>,
    drop_db: Option<(String, String)>,
}

impl TestDb {
    /// A migrated store in a new temporary folder (removed when the value is dropped).
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let mut db = TestDb::open_sqlite(dir.path()).await;
        db._dir = Some(dir);
        db
    }

    /// A migrated store in an existing data folder (e.g. one the binary created); the folder stays.
    pub async fn open_sqlite(dir: &Path) -> TestDb {
        sqlx::any::install_default_drivers();
        let store = Store::open_sqlite(dir).await.unwrap();
        store.migrate().await.unwrap();
        let url = format!("sqlite://{}", dir.join("schakel.db").display());
        let raw = AnyPool::connect(&url).await.unwrap();
        TestDb {
            store,
            raw,
            _dir: None,
            drop_db: None,
        }
    }

    /// A migrated store on a new database on the PostgreSQL server at `base`.
    pub async fn postgres(base: &str) -> TestDb {
        let (url, name) = fresh_postgres_database(base).await;
        let store = Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        let raw = AnyPool::connect(&url).await.unwrap();
        TestDb {
            store,
            raw,
            _dir: None,
            drop_db: Some((base.to_string(), name)),
        }
    }

    /// Runs SQL behind the store's back.
    pub async fn exec(&self, sql: &str) {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
            .execute(&self.raw)
            .await
            .unwrap();
    }

    /// Closes both connections and drops a PostgreSQL test database.
    pub async fn cleanup(self) {
        self.store.close().await;
        self.raw.close().await;
        if let Some((admin_url, name)) = self.drop_db
            && let Ok(admin) = AnyPool::connect(&admin_url).await
        {
            let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(drop))
                .execute(&admin)
                .await;
        }
    }
}

/// The PostgreSQL server to test on, if any. Without one the PostgreSQL variant is skipped (and
/// says so), unless [`REQUIRE_POSTGRES_VAR`] is set: then skipping would hide a CI misconfiguration.
pub fn postgres_url() -> Option<String> {
    match std::env::var(DATABASE_URL_VAR) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var(REQUIRE_POSTGRES_VAR).is_err(),
                "{REQUIRE_POSTGRES_VAR} is set but {DATABASE_URL_VAR} is not"
            );
            eprintln!("PostgreSQL variant not run: {DATABASE_URL_VAR} is not set");
            None
        }
    }
}

/// Creates a fresh database on the server at `base` and returns its URL and name.
pub async fn fresh_postgres_database(base: &str) -> (String, String) {
    sqlx::any::install_default_drivers();
    let admin = AnyPool::connect(base).await.unwrap();
    let name = format!("schakel_t_{}", unique_suffix());
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    // Swap the database name in the URL: everything after the first '/' behind the host.
    let host_start = base.find("://").map(|i| i + 3).unwrap_or(0);
    let server = match base[host_start..].find('/') {
        Some(i) => &base[..host_start + i],
        None => base,
    };
    let url = format!("{server}/{name}");
    (url, name)
}

/// Unique enough across the parallel tests of one run and the runs of one server.
fn unique_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{}_{:x}", std::process::id(), nanos)
}

/// Runs `test` on SQLite, then on PostgreSQL when configured.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(TestDb) -> Fut,
    Fut: Future<Output = TestDb>,
{
    let db = test(TestDb::sqlite().await).await;
    db.cleanup().await;
    if let Some(base) = postgres_url() {
        let db = test(TestDb::postgres(&base).await).await;
        db.cleanup().await;
    }
}

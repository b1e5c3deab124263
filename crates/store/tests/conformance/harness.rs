use std::future::Future;

use schakel_store::Store;
use sqlx::AnyPool;

/// A store on a fresh database, and a second raw connection to the same database for tests that
/// must reach around the Store API (to tamper with rows, as an attacker with database access would).
pub struct TestDb {
    pub store: Store,
    pub raw: AnyPool,
    _dir: Option<tempfile::TempDir>,
    drop_db: Option<(String, String)>,
}

impl TestDb {
    pub async fn exec(&self, sql: &str) {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
            .execute(&self.raw)
            .await
            .unwrap();
    }

    async fn cleanup(self) {
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

pub async fn sqlite() -> TestDb {
    sqlx::any::install_default_drivers();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_sqlite(dir.path()).await.unwrap();
    store.migrate().await.unwrap();
    let url = format!("sqlite://{}", dir.path().join("schakel.db").display());
    let raw = AnyPool::connect(&url).await.unwrap();
    TestDb {
        store,
        raw,
        _dir: Some(dir),
        drop_db: None,
    }
}

pub fn postgres_url() -> Option<String> {
    match std::env::var("SCHAKEL_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("SCHAKEL_REQUIRE_POSTGRES").is_err(),
                "SCHAKEL_REQUIRE_POSTGRES is set but SCHAKEL_TEST_DATABASE_URL is not"
            );
            eprintln!("PostgreSQL variant not run: SCHAKEL_TEST_DATABASE_URL is not set");
            None
        }
    }
}

/// Creates a fresh database on the server at `base` and returns its URL.
pub async fn fresh_postgres_database(base: &str) -> (String, String) {
    sqlx::any::install_default_drivers();
    let admin = AnyPool::connect(base).await.unwrap();
    let name = format!("schakel_t_{}", uuid_like());
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

fn uuid_like() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{}_{:x}", std::process::id(), nanos)
}

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

/// Runs `test` on SQLite, then on PostgreSQL when configured.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(TestDb) -> Fut,
    Fut: Future<Output = TestDb>,
{
    let db = test(sqlite().await).await;
    db.cleanup().await;
    if let Some(base) = postgres_url() {
        let db = test(postgres(&base).await).await;
        db.cleanup().await;
    }
}

/// Declares one conformance test that runs on every backend.
#[macro_export]
macro_rules! conformance {
    ($name:ident, |$db:ident| $body:block) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            $crate::harness::on_each_backend(|$db: $crate::harness::TestDb| async move {
                $body;
                $db
            })
            .await;
        }
    };
}

/// Fixtures shared by the tests: a region with two gemeenten and two organisations.
pub async fn seed_orgs(store: &Store) -> (String, String) {
    use schakel_domain::org::OrgKind;
    use schakel_store::orgs::Gemeente;
    for name in ["Venlo", "Weert"] {
        store
            .upsert_gemeente(&Gemeente {
                name: name.into(),
                region: "NML".into(),
                centrumgemeente: name == "Venlo",
            })
            .await
            .unwrap();
    }
    let vt = store
        .upsert_organisation(
            "Veilig Thuis NML",
            OrgKind::VeiligThuis,
            &["Venlo".into(), "Weert".into()],
        )
        .await
        .unwrap();
    let team = store
        .upsert_organisation("Wijkteam Venlo", OrgKind::LokaalTeam, &["Venlo".into()])
        .await
        .unwrap();
    (vt, team)
}

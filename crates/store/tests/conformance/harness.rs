//! The conformance suite's harness. The fresh databases (SQLite, and PostgreSQL when
//! SCHAKEL_TEST_DATABASE_URL is set) and the region come from the shared test kit; what stays here
//! is the macro that runs one test on every backend.

pub use schakel_testkit::TestDb;
pub use schakel_testkit::db::{fresh_postgres_database, postgres_url};

/// Declares one conformance test that runs on every backend.
#[macro_export]
macro_rules! conformance {
    ($name:ident, |$db:ident| $body:block) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            schakel_testkit::on_each_backend(|$db: $crate::harness::TestDb| async move {
                $body;
                $db
            })
            .await;
        }
    };
}

/// Fixtures shared by the tests: a region with two gemeenten and two organisations (Veilig Thuis
/// and the wijkteam of Venlo); returns their ids.
pub async fn seed_orgs(store: &schakel_store::Store) -> (String, String) {
    let region = schakel_testkit::Region::seed(store).await;
    (region.vt, region.team)
}

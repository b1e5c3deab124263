//! Migrations through sqlx's migrator: a fresh database migrates once however many instances start
//! together, a database of the old hand-written migrator is adopted without running its files again
//! (and refused when a file changed), and a database made before migration 0003 (events hashed over
//! their raw payload, one access-log chain) migrates and then verifies.

use schakel_store::access_log::{AccessEntry, AccessQuery, LEGACY_CHAIN};
use schakel_store::cases::Tombstone;
use schakel_store::hashchain::{self, GENESIS};
use schakel_store::verify::BrokenLink;
use schakel_store::{Store, StoreError};
use sha2::{Digest, Sha256};
use sqlx::AnyPool;

use crate::conformance;
use crate::harness::{fresh_postgres_database, postgres_url};

const OLD: [(i64, &str, &str, &str); 2] = [
    (
        1,
        "foundation",
        include_str!("../../migrations/sqlite/0001_foundation.sql"),
        include_str!("../../migrations/postgres/0001_foundation.sql"),
    ),
    (
        2,
        "vt_flow",
        include_str!("../../migrations/sqlite/0002_vt_flow.sql"),
        include_str!("../../migrations/postgres/0002_vt_flow.sql"),
    ),
];

async fn exec(pool: &AnyPool, sql: &str) {
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(pool)
        .await
        .unwrap();
}

/// Builds the schema of migrations 0001-0002 as the old migrator recorded it, and writes rows the
/// old way: two cases (one of them tampered with before the migration) and three access entries.
async fn old_database(pool: &AnyPool, postgres: bool) {
    exec(
        pool,
        "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, \
         checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .await;
    for (version, name, sqlite, pg) in OLD {
        let sql = if postgres { pg } else { sqlite };
        exec(pool, sql).await;
        sqlx::query(
            "INSERT INTO schema_migrations VALUES ($1, $2, $3, '2024-01-01T00:00:00.000000Z')",
        )
        .bind(version)
        .bind(name)
        .bind(hex::encode(Sha256::digest(sql.as_bytes())))
        .execute(pool)
        .await
        .unwrap();
    }
    for case_id in ["c-old", "c-tampered"] {
        let mut prev = GENESIS.to_string();
        for seq in 1..=3_i64 {
            let at = format!("2024-02-0{seq}T10:00:00.000000Z");
            let payload = format!(r#"{{"n":{seq},"tekst":"oud"}}"#);
            let seq_text = seq.to_string();
            let hash = hashchain::link(
                &prev,
                &[
                    Some(case_id),
                    Some(&seq_text),
                    Some(&at),
                    Some("u-1"),
                    Some("org-vt"),
                    None,
                    Some("note_added"),
                    Some(&payload),
                ],
            );
            sqlx::query(
                "INSERT INTO case_events (case_id, seq, at, user_id, org_id, on_behalf_of, kind, payload, \
                 prev_hash, hash) VALUES ($1, $2, $3, 'u-1', 'org-vt', NULL, 'note_added', $4, $5, $6)",
            )
            .bind(case_id)
            .bind(seq)
            .bind(&at)
            .bind(&payload)
            .bind(&prev)
            .bind(&hash)
            .execute(pool)
            .await
            .unwrap();
            prev = hash;
        }
        sqlx::query(
            "INSERT INTO cases (id, kind, status, accountable_org, title, opened_at, updated_at, last_seq, \
             head_hash) VALUES ($1, 'melding', 'open', 'org-vt', 'Oud', '2024-02-01T10:00:00.000000Z', \
             '2024-02-03T10:00:00.000000Z', 3, $2)",
        )
        .bind(case_id)
        .bind(&prev)
        .execute(pool)
        .await
        .unwrap();
    }
    exec(
        pool,
        "UPDATE case_events SET payload = '{\"n\":99}' WHERE case_id = 'c-tampered' AND seq = 2",
    )
    .await;
    let mut prev = GENESIS.to_string();
    for seq in 1..=3_i64 {
        let at = format!("2024-02-0{seq}T11:00:00.000000Z");
        let seq_text = seq.to_string();
        let fields = [
            Some(seq_text.as_str()),
            Some(&at),
            Some("read"),
            Some("case"),
            Some("c-old"),
            Some("allowed"),
            Some("u-1"),
            Some("jan"),
            Some("medewerker"),
            Some("org-vt"),
            None,
            Some("10.0.0.1"),
            Some("participation:accountable"),
            None,
            Some("p-1"),
        ];
        let hash = hashchain::link(&prev, &fields);
        sqlx::query(
            "INSERT INTO access_log (seq, at, action, resource_kind, resource_id, outcome, user_id, username, \
             role, org_id, responsible_user, access_point, ground, reason, clients, prev_hash, hash) VALUES \
             ($1, $2, 'read', 'case', 'c-old', 'allowed', 'u-1', 'jan', 'medewerker', 'org-vt', NULL, \
             '10.0.0.1', 'participation:accountable', NULL, 'p-1', $3, $4)",
        )
        .bind(seq)
        .bind(&at)
        .bind(&prev)
        .bind(&hash)
        .execute(pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO access_log_clients (person_id, seq) VALUES ('p-1', $1)")
            .bind(seq)
            .execute(pool)
            .await
            .unwrap();
        prev = hash;
    }
    sqlx::query("UPDATE access_log_head SET seq = 3, hash = $1 WHERE id = 1")
        .bind(&prev)
        .execute(pool)
        .await
        .unwrap();
}

async fn migrates_and_verifies(url: &str, postgres: bool) {
    sqlx::any::install_default_drivers();
    let raw = AnyPool::connect(url).await.unwrap();
    old_database(&raw, postgres).await;

    let store = Store::connect(url).await.unwrap();
    let applied = store.migrate().await.unwrap();
    assert_eq!(
        applied,
        vec![
            "0003_retention_ready_log".to_string(),
            "0004_vtrules".to_string(),
            "0006_worklist".to_string(),
            "0008_accounts".to_string(),
            "0013_login_forms".to_string(),
            "0014_merge_contact".to_string(),
            "0015_programme".to_string(),
            "0016_queue_cover".to_string(),
            "0017_meldcode".to_string(),
            "0018_directory".to_string()
        ]
    );
    assert!(store.migrate().await.unwrap().is_empty(), "idempotent");
    // Adopted: sqlx's table holds all three, the old table is gone.
    assert_eq!(
        sqlx_versions(&raw).await,
        vec![1, 2, 3, 4, 6, 8, 13, 14, 15, 16, 17, 18]
    );
    assert!(!has_old_table(&raw, postgres).await);
    // Migration 0006 numbered the existing cases by year of receipt (here: the day they opened,
    // they have no intake facts) in the order they opened, and the counter goes on from there.
    let numbers: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT id, case_number FROM cases ORDER BY id")
            .fetch_all(&raw)
            .await
            .unwrap();
    assert_eq!(
        numbers,
        vec![
            ("c-old".to_string(), Some("VT-2024-00001".to_string())),
            ("c-tampered".to_string(), Some("VT-2024-00002".to_string())),
        ]
    );
    let last: i64 = sqlx::query_scalar(
        "SELECT last_seq FROM case_number_counters WHERE prefix = 'VT' AND year = 2024",
    )
    .fetch_one(&raw)
    .await
    .unwrap();
    assert_eq!(last, 2);

    // The chain tampered with before the migration is left as it was, and verify still says so.
    let report = store.verify().await.unwrap();
    assert_eq!(
        report.broken,
        Some(BrokenLink::Case {
            case_id: "c-tampered".into(),
            position: 1,
            problem: "gebeurtenis zonder payload-digest (oude keten niet omgezet)".into()
        })
    );
    let tampered = store.case_events("c-tampered").await.unwrap();
    assert!(tampered.iter().all(|e| e.payload_digest.is_none()));
    exec(&raw, "DELETE FROM case_events WHERE case_id = 'c-tampered'").await;
    exec(&raw, "DELETE FROM cases WHERE id = 'c-tampered'").await;

    let report = store.verify().await.unwrap();
    assert!(report.broken.is_none(), "{:?}", report.broken);
    assert_eq!(
        (report.cases, report.events, report.access_entries),
        (1, 3, 3)
    );
    let events = store.case_events("c-old").await.unwrap();
    assert_eq!(
        events[0].payload_digest.as_deref(),
        Some(hashchain::digest(r#"{"n":1,"tekst":"oud"}"#).as_str())
    );

    // The migrated log keeps working: retention, new access entries beside the legacy chain.
    let t = Tombstone {
        reason: "bewaartermijn".into(),
        by: "retentie".into(),
        at: time::OffsetDateTime::now_utc(),
    };
    assert!(store.tombstone_case_event("c-old", 1, &t).await.unwrap());
    let seq = store
        .log_access(&AccessEntry {
            action: "read".into(),
            resource_kind: "case".into(),
            outcome: "allowed".into(),
            username: "piet".into(),
            access_point: "127.0.0.1".into(),
            clients: vec!["p-1".into()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(seq, 4, "numbers go on after the legacy entries");
    let by_client = store
        .search_access_log(&AccessQuery {
            client: Some("p-1".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        by_client.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![4, 3, 2, 1]
    );
    assert_eq!(by_client[3].chain, LEGACY_CHAIN);
    let report = store.verify().await.unwrap();
    assert!(report.broken.is_none(), "{:?}", report.broken);
    assert_eq!(report.access_entries, 4);

    // And the legacy chain is still checked under its old rule.
    exec(
        &raw,
        "UPDATE access_log SET username = 'niemand' WHERE seq = 2",
    )
    .await;
    let b = store.verify().await.unwrap().broken;
    assert!(
        matches!(&b, Some(BrokenLink::AccessLog { chain, position: 2, .. }) if chain == LEGACY_CHAIN),
        "{b:?}"
    );
    store.close().await;
    raw.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_from_before_0003_migrates_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("schakel.db").display()
    );
    migrates_and_verifies(&url, false).await;
    if let Some(base) = postgres_url() {
        let (url, name) = fresh_postgres_database(&base).await;
        migrates_and_verifies(&url, true).await;
        let admin = AnyPool::connect(&base).await.unwrap();
        exec(
            &admin,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        )
        .await;
    }
}

/// The versions sqlx recorded as applied.
async fn sqlx_versions(pool: &AnyPool) -> Vec<i64> {
    sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
        .fetch_all(pool)
        .await
        .unwrap()
}

async fn has_old_table(pool: &AnyPool, postgres: bool) -> bool {
    let sql = if postgres {
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() \
         AND table_name = 'schema_migrations'"
    } else {
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    };
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(pool)
        .await
        .unwrap()
        > 0
}

/// Runs `test(url, postgres)` on a fresh SQLite file, then on a fresh PostgreSQL database when one
/// is configured.
async fn on_fresh_databases<F, Fut>(test: F)
where
    F: Fn(String, bool) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    sqlx::any::install_default_drivers();
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("schakel.db").display()
    );
    test(url, false).await;
    if let Some(base) = postgres_url() {
        let (url, name) = fresh_postgres_database(&base).await;
        test(url, true).await;
        let admin = AnyPool::connect(&base).await.unwrap();
        exec(
            &admin,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        )
        .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_starting_together_migrate_a_fresh_database_once() {
    on_fresh_databases(|url, _postgres| async move {
        let mut stores = Vec::new();
        for _ in 0..4 {
            stores.push(Store::connect(&url).await.unwrap());
        }
        let mut tasks = Vec::new();
        for store in &stores {
            let store = store.clone();
            tasks.push(tokio::spawn(async move { store.migrate().await }));
        }
        let mut reports = Vec::new();
        for task in tasks {
            reports.push(task.await.unwrap().unwrap());
        }
        reports.sort();
        let all = vec![
            "0001_foundation".to_string(),
            "0002_vt_flow".to_string(),
            "0003_retention_ready_log".to_string(),
            "0004_vtrules".to_string(),
            "0006_worklist".to_string(),
            "0008_accounts".to_string(),
            "0013_login_forms".to_string(),
            "0014_merge_contact".to_string(),
            "0015_programme".to_string(),
            "0016_queue_cover".to_string(),
            "0017_meldcode".to_string(),
            "0018_directory".to_string(),
        ];
        assert_eq!(
            reports,
            vec![vec![], vec![], vec![], all],
            "one instance migrates"
        );
        let raw = AnyPool::connect(&url).await.unwrap();
        assert_eq!(
            sqlx_versions(&raw).await,
            vec![1, 2, 3, 4, 6, 8, 13, 14, 15, 16, 17, 18]
        );
        stores[0].ping().await.unwrap();
        for store in stores {
            store.close().await;
        }
        raw.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_database_with_an_edited_file_is_refused_and_left_as_it_was() {
    on_fresh_databases(|url, postgres| async move {
        let raw = AnyPool::connect(&url).await.unwrap();
        old_database(&raw, postgres).await;
        exec(
            &raw,
            "UPDATE schema_migrations SET checksum = 'ab' WHERE version = 2",
        )
        .await;
        let store = Store::connect(&url).await.unwrap();
        let err = store.migrate().await.unwrap_err();
        assert!(
            matches!(&err, StoreError::Corrupt(m) if m.contains("migratie 2 is gewijzigd")),
            "{err:?}"
        );
        // Nothing was adopted or applied: the old table is still the record.
        assert!(has_old_table(&raw, postgres).await);
        let payload_digest_columns: i64 = sqlx::query_scalar(if postgres {
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() \
             AND table_name = 'case_events' AND column_name = 'payload_digest'"
        } else {
            "SELECT COUNT(*) FROM pragma_table_info('case_events') WHERE name = 'payload_digest'"
        })
        .fetch_one(&raw)
        .await
        .unwrap();
        assert_eq!(payload_digest_columns, 0, "0003 not applied");
        store.close().await;
        raw.close().await;
    })
    .await;
}

conformance!(an_applied_file_changed_since_is_refused, |db| {
    // What a changed file looks like to sqlx: the checksum it recorded differs from the embedded one.
    sqlx::query("UPDATE _sqlx_migrations SET checksum = $1 WHERE version = 2")
        .bind(vec![0_u8; 48])
        .execute(&db.raw)
        .await
        .unwrap();
    let err = db.store.migrate().await.unwrap_err();
    assert!(
        matches!(&err, StoreError::Corrupt(m) if m.contains("migratie 2 is gewijzigd")),
        "{err:?}"
    );
});

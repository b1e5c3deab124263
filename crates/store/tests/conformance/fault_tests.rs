//! Faults (issue 8, finding 11): after a write whose transaction the engine ended by itself (SQLite
//! rolls back on "database or disk is full") or whose commit failed, the pool must recover: the
//! failed connection is not handed out again inside a stale transaction, every later read and write
//! works, and nothing of the failed write is present.

use schakel_store::Backend;

use crate::conformance;

/// Injects faults into writes of the `settings` table behind the store's back: a row with key
/// `boom` ends its transaction inside the statement (SQLite, as a full disk does) or fails the
/// commit (PostgreSQL, a deferred constraint trigger); on SQLite `boom-commit` fails the commit
/// (a deferred foreign key) while the transaction stays open.
async fn inject_faults(db: &crate::harness::TestDb) {
    match db.store.backend() {
        Backend::Sqlite => {
            db.exec(
                "CREATE TRIGGER fault_rollback BEFORE INSERT ON settings WHEN NEW.key = 'boom' \
                 BEGIN SELECT RAISE(ROLLBACK, 'injected fault'); END;\
                 CREATE TABLE fault_parent (k TEXT PRIMARY KEY);\
                 CREATE TABLE fault_child (k TEXT REFERENCES fault_parent(k) DEFERRABLE INITIALLY DEFERRED);\
                 CREATE TRIGGER fault_commit AFTER INSERT ON settings WHEN NEW.key = 'boom-commit' \
                 BEGIN INSERT INTO fault_child (k) VALUES ('nobody'); END;",
            )
            .await;
        }
        Backend::Postgres => {
            db.exec(
                "CREATE FUNCTION fault_commit() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN IF NEW.key LIKE 'boom%' THEN RAISE EXCEPTION 'injected fault'; END IF; \
                 RETURN NEW; END $$;\
                 CREATE CONSTRAINT TRIGGER fault_commit AFTER INSERT ON settings \
                 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fault_commit();",
            )
            .await;
        }
    }
}

conformance!(
    a_failed_write_or_commit_releases_its_connection_and_the_pool_recovers,
    |db| {
        inject_faults(&db).await;
        for key in ["boom", "boom-commit", "boom", "boom-commit"] {
            assert!(
                db.store.set_setting(key, "x").await.is_err(),
                "the injected fault fails the write of {key}"
            );
        }
        // Every connection of the pool (8 or 16) is used more than once, alone and concurrently.
        for i in 0..24 {
            db.store
                .set_setting(&format!("ok-{i}"), "1")
                .await
                .unwrap_or_else(|e| panic!("write {i} after the fault: {e}"));
        }
        let writes = (0..24).map(|i| {
            let store = db.store.clone();
            async move { store.set_setting(&format!("par-{i}"), "1").await }
        });
        for result in futures_join_all(writes).await {
            result.unwrap();
        }
        db.store.check_writable().await.unwrap();
        db.store.ping().await.unwrap();
        // Nothing of the failed writes is there.
        assert_eq!(db.store.setting("boom").await.unwrap(), None);
        assert_eq!(db.store.setting("boom-commit").await.unwrap(), None);
        assert_eq!(
            db.store.setting("ok-23").await.unwrap().as_deref(),
            Some("1")
        );
    }
);

/// Runs the futures concurrently and returns their results in order.
async fn futures_join_all<F, T>(futures: impl IntoIterator<Item = F>) -> Vec<T>
where
    F: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

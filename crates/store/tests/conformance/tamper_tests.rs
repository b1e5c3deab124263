//! Changing, deleting or reordering one stored event or log entry makes verify fail and name where.

use schakel_store::StoreError;
use schakel_store::access_log::{AccessEntry, AccessQuery};
use schakel_store::cases::Tombstone;
use schakel_store::hashchain;
use schakel_store::verify::BrokenLink;

use crate::conformance;
use crate::harness::seed_orgs;
use crate::log_tests::case_with_events;

async fn broken(db: &crate::harness::TestDb) -> BrokenLink {
    db.store
        .verify()
        .await
        .unwrap()
        .broken
        .expect("tampering must be detected")
}

fn at_case(b: &BrokenLink) -> (String, i64) {
    match b {
        BrokenLink::Case {
            case_id, position, ..
        } => (case_id.clone(), *position),
        other => panic!("expected a case break, got {other:?}"),
    }
}

conformance!(an_untouched_database_verifies, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    case_with_events(&db.store, "c-b", &vt, 2).await;
    let report = db.store.verify().await.unwrap();
    assert_eq!((report.cases, report.events), (2, 5));
    assert!(report.broken.is_none());
});

conformance!(a_changed_payload_is_detected_at_its_position, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 2).await;
    case_with_events(&db.store, "c-b", &vt, 4).await;
    db.exec("UPDATE case_events SET payload = '{\"n\":99}' WHERE case_id = 'c-b' AND seq = 3")
        .await;
    assert_eq!(at_case(&broken(&db).await), ("c-b".into(), 3));
});

conformance!(a_changed_author_is_detected, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    db.exec("UPDATE case_events SET user_id = 'someone-else' WHERE case_id = 'c-a' AND seq = 1")
        .await;
    assert_eq!(at_case(&broken(&db).await), ("c-a".into(), 1));
});

conformance!(a_deleted_middle_event_is_detected, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 4).await;
    db.exec("DELETE FROM case_events WHERE case_id = 'c-a' AND seq = 2")
        .await;
    assert_eq!(at_case(&broken(&db).await), ("c-a".into(), 2));
});

conformance!(a_deleted_last_event_is_detected, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    db.exec("DELETE FROM case_events WHERE case_id = 'c-a' AND seq = 3")
        .await;
    assert_eq!(at_case(&broken(&db).await), ("c-a".into(), 3));
});

conformance!(reordered_events_are_detected, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 4).await;
    db.exec("UPDATE case_events SET seq = 100 WHERE case_id = 'c-a' AND seq = 2")
        .await;
    db.exec("UPDATE case_events SET seq = 2 WHERE case_id = 'c-a' AND seq = 3")
        .await;
    db.exec("UPDATE case_events SET seq = 3 WHERE case_id = 'c-a' AND seq = 100")
        .await;
    assert_eq!(at_case(&broken(&db).await), ("c-a".into(), 2));
});

conformance!(a_rehashed_forgery_still_breaks_the_next_link, |db| {
    // An attacker who rewrites one event and its own hash still breaks its successor's prev_hash.
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    db.exec("UPDATE case_events SET hash = 'ff', payload = '{}' WHERE case_id = 'c-a' AND seq = 1")
        .await;
    let (case, pos) = at_case(&broken(&db).await);
    assert_eq!((case.as_str(), pos), ("c-a", 1));
});

conformance!(a_properly_rehashed_forgery_breaks_the_next_link, |db| {
    // An attacker who rewrites a payload, its digest and its hash still breaks its successor.
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    let events = db.store.case_events("c-a").await.unwrap();
    let e = &events[0];
    let payload = r#"{"n":42}"#;
    let digest = hashchain::digest(payload);
    let seq = e.seq.to_string();
    let hash = hashchain::link(
        hashchain::GENESIS,
        &[
            Some("c-a"),
            Some(&seq),
            Some(&e.at),
            Some(&e.user_id),
            Some(&e.org_id),
            None,
            Some(&e.kind),
            Some(&digest),
        ],
    );
    assert_eq!(
        e.hash,
        hashchain::link(
            hashchain::GENESIS,
            &[
                Some("c-a"),
                Some(&seq),
                Some(&e.at),
                Some(&e.user_id),
                Some(&e.org_id),
                None,
                Some(&e.kind),
                Some(e.payload_digest.as_deref().unwrap()),
            ],
        ),
        "the test forges with the store's own encoding"
    );
    db.exec(&format!(
        "UPDATE case_events SET payload = '{payload}', payload_digest = '{digest}', hash = '{hash}' \
         WHERE case_id = 'c-a' AND seq = 1"
    ))
    .await;
    assert_eq!(at_case(&broken(&db).await), ("c-a".into(), 2));
});

fn tombstone() -> Tombstone {
    Tombstone {
        reason: "bewaartermijn verstreken".into(),
        by: "retentie".into(),
        at: time::OffsetDateTime::now_utc(),
    }
}

conformance!(a_tombstoned_payload_still_verifies, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    let before = db.store.case_events("c-a").await.unwrap();
    assert!(
        db.store
            .tombstone_case_event("c-a", 2, &tombstone())
            .await
            .unwrap()
    );
    assert!(
        !db.store
            .tombstone_case_event("c-a", 2, &tombstone())
            .await
            .unwrap(),
        "the first tombstone stays"
    );
    let after = db.store.case_events("c-a").await.unwrap();
    assert_eq!(
        after[1].payload["tombstone"]["reason"],
        "bewaartermijn verstreken"
    );
    assert!(after[1].payload.get("n").is_none(), "the payload is gone");
    assert!(after[1].tombstoned_at.is_some());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((&b.payload_digest, &b.hash), (&a.payload_digest, &a.hash));
    }
    let report = db.store.verify().await.unwrap();
    assert!(report.broken.is_none(), "{:?}", report.broken);
    assert!(matches!(
        db.store.tombstone_case_event("c-a", 9, &tombstone()).await,
        Err(StoreError::NotFound(_))
    ));
});

conformance!(a_tombstone_flag_does_not_hide_an_altered_payload, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    case_with_events(&db.store, "c-b", &vt, 3).await;
    // Only a payload of the tombstone's shape passes without its digest.
    db.exec(
        "UPDATE case_events SET payload = '{\"n\":99}', tombstoned_at = '2030-01-01T00:00:00.000000Z' \
         WHERE case_id = 'c-a' AND seq = 2",
    )
    .await;
    assert_eq!(at_case(&broken(&db).await), ("c-a".into(), 2));
    db.exec("DELETE FROM case_events WHERE case_id = 'c-a'")
        .await;
    db.exec("DELETE FROM case_participants WHERE case_id = 'c-a'")
        .await;
    db.exec("DELETE FROM case_persons WHERE case_id = 'c-a'")
        .await;
    db.exec("DELETE FROM cases WHERE id = 'c-a'").await;
    assert!(db.store.verify().await.unwrap().broken.is_none());
    // A tombstoned event's other fields stay in the chain.
    db.store
        .tombstone_case_event("c-b", 3, &tombstone())
        .await
        .unwrap();
    db.exec("UPDATE case_events SET user_id = 'x' WHERE case_id = 'c-b' AND seq = 3")
        .await;
    assert_eq!(at_case(&broken(&db).await), ("c-b".into(), 3));
});

fn access(user: &str) -> AccessEntry {
    AccessEntry {
        action: "read".into(),
        resource_kind: "case".into(),
        outcome: "allowed".into(),
        username: user.into(),
        access_point: "127.0.0.1".into(),
        clients: vec!["p-1".into()],
        ..Default::default()
    }
}

fn at_access(b: &BrokenLink) -> (String, i64) {
    match b {
        BrokenLink::AccessLog {
            chain, position, ..
        } => (chain.clone(), *position),
        other => panic!("expected an access-log break, got {other:?}"),
    }
}

conformance!(access_log_tampering_is_detected, |db| {
    for i in 0..4 {
        db.store
            .log_access(&access(&format!("u{i}")))
            .await
            .unwrap();
    }
    db.exec("UPDATE access_log SET username = 'nobody' WHERE seq = 2")
        .await;
    let b = broken(&db).await;
    assert!(
        matches!(&b, BrokenLink::AccessLog { position: 2, problem, .. } if problem == "inhoud gewijzigd (hash klopt niet)"),
        "{b:?}"
    );
    db.exec("UPDATE access_log SET username = 'u1' WHERE seq = 2")
        .await;
    assert!(db.store.verify().await.unwrap().broken.is_none());
    db.exec("DELETE FROM access_log WHERE seq = 4").await;
    assert!(matches!(
        broken(&db).await,
        BrokenLink::AccessLog { position: 4, .. }
    ));
});

/// Five entries by one writer, so they share one chain.
async fn one_writers_chain(db: &crate::harness::TestDb) -> String {
    for _ in 0..5 {
        db.store.log_access(&access("u-same")).await.unwrap();
    }
    let q = AccessQuery::default();
    let all = db.store.search_access_log(&q).await.unwrap();
    assert!(all.iter().all(|e| e.chain == all[0].chain));
    assert_eq!(
        all.iter().map(|e| e.pos).collect::<Vec<_>>(),
        vec![5, 4, 3, 2, 1]
    );
    all[0].chain.clone()
}

conformance!(a_deleted_middle_access_entry_is_detected, |db| {
    let chain = one_writers_chain(&db).await;
    db.exec("DELETE FROM access_log WHERE seq = 3").await;
    assert_eq!(at_access(&broken(&db).await), (chain, 4));
});

conformance!(reordered_access_entries_are_detected, |db| {
    let chain = one_writers_chain(&db).await;
    let swap_positions = || async {
        db.exec("UPDATE access_log SET pos = 100 WHERE seq = 2")
            .await;
        db.exec("UPDATE access_log SET pos = 2 WHERE seq = 3").await;
        db.exec("UPDATE access_log SET pos = 3 WHERE seq = 2").await;
    };
    swap_positions().await;
    assert_eq!(at_access(&broken(&db).await), (chain.clone(), 3));
    db.exec("UPDATE access_log SET pos = 100 WHERE seq = 3")
        .await;
    db.exec("UPDATE access_log SET pos = 2 WHERE seq = 2").await;
    db.exec("UPDATE access_log SET pos = 3 WHERE seq = 3").await;
    assert!(
        db.store.verify().await.unwrap().broken.is_none(),
        "restored"
    );
    // Swapping the global numbers instead is caught too: they are hashed.
    db.exec("UPDATE access_log SET seq = 100 WHERE seq = 2")
        .await;
    db.exec("UPDATE access_log SET seq = 2 WHERE seq = 3").await;
    db.exec("UPDATE access_log SET seq = 3 WHERE seq = 100")
        .await;
    assert_eq!(at_access(&broken(&db).await), (chain, 3));
});

conformance!(a_rehashed_access_entry_breaks_the_next_link, |db| {
    let chain = one_writers_chain(&db).await;
    db.exec("UPDATE access_log SET username = 'nobody', hash = 'ff' WHERE seq = 2")
        .await;
    let b = broken(&db).await;
    assert_eq!(at_access(&b), (chain, 2));
});

conformance!(a_deleted_or_foreign_access_chain_is_detected, |db| {
    for i in 0..6 {
        db.store
            .log_access(&access(&format!("u{i}")))
            .await
            .unwrap();
    }
    let all = db
        .store
        .search_access_log(&AccessQuery::default())
        .await
        .unwrap();
    let victim = all[3].chain.clone();
    // A whole chain, entries and head, removed: the registry of chains misses it.
    db.exec(&format!("DELETE FROM access_log WHERE chain = '{victim}'"))
        .await;
    db.exec(&format!(
        "DELETE FROM access_log_chains WHERE chain = '{victim}'"
    ))
    .await;
    let b = broken(&db).await;
    assert!(
        matches!(&b, BrokenLink::AccessLog { problem, .. } if problem.starts_with("ketenregister")),
        "{b:?}"
    );
});

conformance!(an_access_entry_outside_every_chain_is_detected, |db| {
    for i in 0..3 {
        db.store
            .log_access(&access(&format!("u{i}")))
            .await
            .unwrap();
    }
    db.exec(
        "INSERT INTO access_log (seq, chain, pos, at, action, resource_kind, resource_id, outcome, user_id, \
         username, role, org_id, responsible_user, access_point, ground, reason, clients, prev_hash, hash) \
         SELECT 77, 'elders', 1, at, action, resource_kind, resource_id, outcome, user_id, 'ingevoegd', role, \
         org_id, responsible_user, access_point, ground, reason, clients, prev_hash, hash FROM access_log \
         WHERE seq = 1",
    )
    .await;
    assert_eq!(at_access(&broken(&db).await), ("elders".into(), 77));
});

//! Changing, deleting or reordering one stored event or log entry makes verify fail and name where.

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

conformance!(access_log_tampering_is_detected, |db| {
    use schakel_store::access_log::AccessEntry;
    for i in 0..4 {
        let e = AccessEntry {
            action: "read".into(),
            resource_kind: "case".into(),
            outcome: "allowed".into(),
            username: format!("u{i}"),
            access_point: "127.0.0.1".into(),
            clients: vec!["p-1".into()],
            ..Default::default()
        };
        db.store.log_access(&e).await.unwrap();
    }
    db.exec("UPDATE access_log SET username = 'nobody' WHERE seq = 2")
        .await;
    assert_eq!(
        broken(&db).await,
        BrokenLink::AccessLog {
            position: 2,
            problem: "inhoud gewijzigd (hash klopt niet)".into()
        }
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

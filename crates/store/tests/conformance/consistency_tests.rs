//! The consistency check (`Store::consistency`) finds half-written data: what a crash in the middle
//! of a write would leave if a write were not one transaction.

use crate::conformance;
use crate::harness::seed_orgs;
use crate::log_tests::case_with_events;

async fn checks(db: &crate::harness::TestDb) -> Vec<&'static str> {
    let mut found: Vec<_> = db
        .store
        .consistency()
        .await
        .unwrap()
        .iter()
        .map(|i| i.check)
        .collect();
    found.sort_unstable();
    found
}

conformance!(whole_cases_are_consistent, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    case_with_events(&db.store, "c-b", &vt, 1).await;
    assert_eq!(checks(&db).await, Vec::<&str>::new());
});

conformance!(a_missing_middle_event_is_a_gap, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    db.exec("DELETE FROM case_events WHERE case_id = 'c-a' AND seq = 2")
        .await;
    assert_eq!(checks(&db).await, vec!["gap in sequence numbers"]);
});

conformance!(a_case_row_ahead_of_its_events_is_found, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-a", &vt, 3).await;
    db.exec("DELETE FROM case_events WHERE case_id = 'c-a' AND seq = 3")
        .await;
    let found = db.store.consistency().await.unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].check, "case row behind or ahead of its events");
    assert_eq!(found[0].example.as_deref(), Some("c-a"));
});

conformance!(
    a_case_without_events_and_events_without_case_are_found,
    |db| {
        let (vt, _) = seed_orgs(&db.store).await;
        case_with_events(&db.store, "c-a", &vt, 2).await;
        case_with_events(&db.store, "c-b", &vt, 2).await;
        db.exec("DELETE FROM case_events WHERE case_id = 'c-a'")
            .await;
        for table in [
            "case_participants",
            "case_persons",
            "case_deadlines",
            "melding_facts",
        ] {
            db.exec(&format!("DELETE FROM {table} WHERE case_id = 'c-b'"))
                .await;
        }
        db.exec("DELETE FROM cases WHERE id = 'c-b'").await;
        assert_eq!(
            checks(&db).await,
            vec!["case without events", "events without case"]
        );
    }
);

//! Issue 8 finding 10: verify rebuilds the read models from the events and names the case and the
//! read model whose stored rows differ; an untouched database passes.

use schakel_domain::classification::MeldingClass;
use schakel_domain::org::OrgKind;
use schakel_store::casework;
use schakel_store::verify::StaleReadModel;
use time::macros::{date, datetime};

use crate::conformance;
use crate::flow_tests::{intake, opened, person};
use crate::harness::{TestDb, seed_orgs};
use crate::log_tests::author;

/// Two melding cases through the domain, each with a child and a parent with a BSN.
async fn two_cases(db: &TestDb) {
    let (vt, _) = seed_orgs(&db.store).await;
    for (id, child, bsn) in [
        ("c-a", "Fenna de Vries", "111222333"),
        ("c-b", "Bram Jansen", "123456782"),
    ] {
        let at = datetime!(2026-03-12 10:00 +1);
        let kid = person(
            &format!("{id}-kind"),
            "kind_in_gezin",
            child,
            date!(2018 - 11 - 29),
            None,
        );
        let parent = person(
            &format!("{id}-ouder"),
            "slachtoffer",
            "Anna Ouder",
            date!(1990 - 01 - 02),
            Some(bsn),
        );
        let i = intake(at, vec![kid, parent], None);
        casework::record(
            &db.store,
            id,
            0,
            &author(&vt),
            OrgKind::VeiligThuis,
            opened(at, &vt, i, MeldingClass::EersteMelding),
            at,
        )
        .await
        .unwrap();
    }
}

async fn stale(db: &TestDb) -> Vec<(String, &'static str)> {
    let report = db.store.verify_read_models(100).await.unwrap();
    assert!(report.cases > 0);
    report
        .stale
        .into_iter()
        .map(
            |StaleReadModel {
                 case_id,
                 read_model,
                 ..
             }| (case_id, read_model),
        )
        .collect()
}

conformance!(untouched_read_models_match_their_events, |db| {
    two_cases(&db).await;
    let report = db.store.verify_read_models(100).await.unwrap();
    assert_eq!(report.cases, 2);
    assert_eq!(report.stale, vec![]);
    assert!(!report.more);
});

conformance!(an_altered_case_row_is_named, |db| {
    two_cases(&db).await;
    db.exec("UPDATE cases SET status = 'gesloten' WHERE id = 'c-b'")
        .await;
    assert_eq!(stale(&db).await, vec![("c-b".to_string(), "casus")]);
});

conformance!(an_altered_work_queue_item_is_named, |db| {
    two_cases(&db).await;
    db.exec("UPDATE case_deadlines SET due = '2099-12-31' WHERE case_id = 'c-a' AND n = 0")
        .await;
    assert_eq!(stale(&db).await, vec![("c-a".to_string(), "werkvoorraad")]);
});

conformance!(a_deleted_work_queue_item_is_named, |db| {
    two_cases(&db).await;
    db.exec("DELETE FROM case_deadlines WHERE case_id = 'c-b'")
        .await;
    assert_eq!(stale(&db).await, vec![("c-b".to_string(), "werkvoorraad")]);
});

conformance!(an_altered_monitor_fact_is_named, |db| {
    two_cases(&db).await;
    db.exec("UPDATE melding_facts SET gemeente = 'Elders' WHERE case_id = 'c-a'")
        .await;
    db.exec("DELETE FROM melding_fact_violence WHERE case_id = 'c-b'")
        .await;
    assert_eq!(
        stale(&db).await,
        vec![
            ("c-a".to_string(), "monitorfeiten"),
            ("c-b".to_string(), "monitorfeiten")
        ]
    );
});

conformance!(an_altered_known_persons_index_is_named, |db| {
    two_cases(&db).await;
    db.exec("UPDATE persons SET bsn = '999999990' WHERE id = 'c-a-ouder'")
        .await;
    db.exec("DELETE FROM person_name_tokens WHERE person_id = 'c-b-kind'")
        .await;
    db.exec("DELETE FROM case_participants WHERE case_id = 'c-b'")
        .await;
    assert_eq!(
        stale(&db).await,
        vec![
            ("c-b".to_string(), "deelnemers"),
            ("c-a".to_string(), "personen"),
            ("c-b".to_string(), "zoekwoorden"),
        ]
    );
});

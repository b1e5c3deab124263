//! Issue 7: a wrongly split person merged into another. Every case that held the merged person
//! records the event; the projections move its case links to the kept person, mark it as merged
//! and take it out of the search index; a rebuild from the events (verify) finds the same.

use schakel_domain::case::{CaseEvent, CaseWide, IntakeEvent};
use schakel_domain::classification::MeldingClass;
use schakel_domain::intake::merge::MergedPerson;
use schakel_domain::org::OrgKind;
use schakel_store::casework::{self, CaseWork, Step};
use schakel_store::known::{KnownQuery, find_known};
use time::macros::{date, datetime};

use crate::conformance;
use crate::flow_tests::{intake, opened, person};
use crate::harness::{TestDb, seed_orgs};
use crate::log_tests::author;

const BORN: time::Date = date!(2018 - 11 - 29);

/// Case `c-a` holds person `p-a`; cases `c-b` and `c-c` hold `p-b`, the same child registered
/// again (without BSN). Returns the Veilig Thuis organisation.
async fn split(db: &TestDb) -> String {
    let (vt, _) = seed_orgs(&db.store).await;
    let at = datetime!(2026-03-12 10:00 +1);
    for (case, child, bsn) in [
        ("c-a", "p-a", Some("111222333")),
        ("c-b", "p-b", None),
        ("c-c", "p-b", None),
    ] {
        let kid = person(child, "kind_in_gezin", "Fenna de Vries", BORN, bsn);
        let parent = person(
            &format!("{case}-ouder"),
            "slachtoffer",
            "Anna Ouder",
            date!(1990 - 01 - 02),
            None,
        );
        casework::record(
            &db.store,
            case,
            0,
            &author(&vt),
            OrgKind::VeiligThuis,
            opened(
                at,
                &vt,
                intake(at, vec![kid, parent], None),
                MeldingClass::EersteMelding,
            ),
            at,
        )
        .await
        .unwrap();
    }
    vt
}

fn merged_event() -> CaseEvent {
    CaseEvent::Intake(IntakeEvent::PersonMerged {
        kept: MergedPerson {
            id: "p-a".into(),
            name: "Fenna de Vries".into(),
            birth_date: Some(BORN),
            bsn: Some("111222333".into()),
        },
        merged: MergedPerson {
            id: "p-b".into(),
            name: "Fenna de Vries".into(),
            birth_date: Some(BORN),
            bsn: None,
        },
        reason: "Zelfde kind, bij de tweede melding zonder BSN.".into(),
        by: "vt.mw".into(),
        confirm_different_bsn: false,
    })
}

async fn merge(db: &TestDb, vt: &str) {
    let at = datetime!(2026-03-13 09:00 +1);
    let mut work = Vec::new();
    for case in ["c-b", "c-c"] {
        let seq = db.store.case_summary(case).await.unwrap().unwrap().last_seq;
        work.push(CaseWork {
            case_id: case.into(),
            expected_seq: seq,
            steps: vec![Step {
                author: author(vt),
                org_kind: OrgKind::VeiligThuis,
                at,
                events: vec![merged_event()],
            }],
        });
    }
    let done = casework::record_many(&db.store, db.store.rules(), &work)
        .await
        .unwrap();
    assert_eq!(done.len(), 2);
}

async fn tokens(db: &TestDb, person: &str) -> i64 {
    let n: Vec<(i64,)> =
        sqlx::query_as("SELECT COUNT(*) FROM person_name_tokens WHERE person_id = $1")
            .bind(person)
            .fetch_all(&db.raw)
            .await
            .unwrap();
    n[0].0
}

conformance!(
    a_merge_moves_every_case_to_the_kept_person_and_verify_agrees,
    |db| {
        let vt = split(&db).await;
        assert_eq!(db.store.cases_of_person("p-b").await.unwrap().len(), 2);
        merge(&db, &vt).await;

        // Each case that held the merged person has the event in its own log.
        for case in ["c-b", "c-c"] {
            let events = db.store.case_events(case).await.unwrap();
            assert_eq!(events.last().unwrap().kind, "person_merged", "{case}");
            assert_eq!(events[1].kind, "intake_recorded", "history kept");
        }
        assert!(
            db.store
                .case_events("c-a")
                .await
                .unwrap()
                .iter()
                .all(|e| e.kind != "person_merged")
        );
        // The links moved; the merged person leads to the kept one and is out of the search index.
        let cases: Vec<String> = db
            .store
            .cases_of_person("p-a")
            .await
            .unwrap()
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        assert_eq!(cases, ["c-a", "c-b", "c-c"]);
        assert!(db.store.cases_of_person("p-b").await.unwrap().is_empty());
        let gone = db.store.person("p-b").await.unwrap().unwrap();
        assert_eq!(gone.merged_into.as_deref(), Some("p-a"));
        let now = db.store.current_person("p-b").await.unwrap().unwrap();
        assert_eq!(
            (now.record.id.as_str(), now.record.bsn.as_deref()),
            ("p-a", Some("111222333"))
        );
        assert_eq!(tokens(&db, "p-b").await, 0);
        assert!(tokens(&db, "p-a").await > 0);
        // The known-before check finds the one person in all three cases.
        let found = find_known(
            &db.store,
            &KnownQuery {
                name: Some("Fenna de Vries".into()),
                birth_date: Some(BORN),
                today: Some(date!(2026 - 03 - 13)),
                ..KnownQuery::default()
            },
            20,
        )
        .await
        .unwrap();
        assert!(found.iter().all(|m| m.person.id == "p-a"), "{found:?}");
        assert_eq!(found.len(), 3);

        // Rebuilt from the events, the read models say what the live projection wrote, also after a
        // later write to a merged case.
        let report = db.store.verify_read_models(100).await.unwrap();
        assert_eq!(report.stale, vec![]);
        let seq = db
            .store
            .case_summary("c-b")
            .await
            .unwrap()
            .unwrap()
            .last_seq;
        casework::record(
            &db.store,
            "c-b",
            seq,
            &author(&vt),
            OrgKind::VeiligThuis,
            vec![CaseEvent::Case(CaseWide::NoteAdded {
                text: "Na het samenvoegen.".into(),
            })],
            datetime!(2026-03-13 10:00 +1),
        )
        .await
        .unwrap();
        assert_eq!(
            db.store.verify_read_models(100).await.unwrap().stale,
            vec![]
        );
    }
);

conformance!(
    a_merged_person_unmarked_or_back_in_the_index_is_named_by_verify,
    |db| {
        let vt = split(&db).await;
        merge(&db, &vt).await;
        db.exec("UPDATE persons SET merged_into = NULL WHERE id = 'p-b'")
            .await;
        db.exec("INSERT INTO person_name_tokens (token, person_id) VALUES ('fenna', 'p-b')")
            .await;
        let report = db.store.verify_read_models(100).await.unwrap();
        let found: Vec<&str> = report.stale.iter().map(|s| s.read_model).collect();
        assert!(found.contains(&"personen"), "{:?}", report.stale);
        assert!(found.contains(&"zoekwoorden"), "{:?}", report.stale);
    }
);

conformance!(
    a_merge_after_someone_wrote_to_one_case_writes_nothing,
    |db| {
        let vt = split(&db).await;
        let stale_seq = db
            .store
            .case_summary("c-c")
            .await
            .unwrap()
            .unwrap()
            .last_seq;
        casework::record(
            &db.store,
            "c-c",
            stale_seq,
            &author(&vt),
            OrgKind::VeiligThuis,
            vec![CaseEvent::Case(CaseWide::NoteAdded {
                text: "Eerst.".into(),
            })],
            datetime!(2026-03-13 08:00 +1),
        )
        .await
        .unwrap();
        let at = datetime!(2026-03-13 09:00 +1);
        let work: Vec<CaseWork> = [
            (
                "c-b",
                db.store
                    .case_summary("c-b")
                    .await
                    .unwrap()
                    .unwrap()
                    .last_seq,
            ),
            ("c-c", stale_seq),
        ]
        .into_iter()
        .map(|(case, seq)| CaseWork {
            case_id: case.into(),
            expected_seq: seq,
            steps: vec![Step {
                author: author(&vt),
                org_kind: OrgKind::VeiligThuis,
                at,
                events: vec![merged_event()],
            }],
        })
        .collect();
        let err = casework::record_many(&db.store, db.store.rules(), &work).await;
        assert!(
            matches!(err, Err(schakel_store::StoreError::Conflict { .. })),
            "{err:?}"
        );
        // All or nothing: the first case is untouched too.
        assert_eq!(db.store.cases_of_person("p-b").await.unwrap().len(), 2);
        assert!(
            db.store
                .person("p-b")
                .await
                .unwrap()
                .unwrap()
                .merged_into
                .is_none()
        );
    }
);

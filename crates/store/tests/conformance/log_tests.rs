use schakel_domain::access::Participation;
use schakel_store::access_log::{AccessEntry, AccessQuery};
use schakel_store::cases::{Author, CaseProjection, EventDraft, PersonRecord};
use schakel_store::{Store, StoreError};
use serde_json::json;
use time::{Duration, OffsetDateTime};

use crate::conformance;
use crate::harness::seed_orgs;

pub fn projection(accountable: &str, extra: Vec<(String, Participation)>) -> CaseProjection {
    let mut participants = vec![(accountable.to_string(), Participation::Accountable)];
    participants.extend(extra);
    CaseProjection {
        kind: "melding".into(),
        status: "open".into(),
        accountable_org: accountable.into(),
        title: "Melding 1".into(),
        participants,
        persons: vec![(
            PersonRecord {
                id: "p-1".into(),
                display_name: "Jan de Vries".into(),
                birth_date: Some("2015-04-01".into()),
                bsn: None,
                gemeente: None,
            },
            "kind".into(),
        )],
        ..Default::default()
    }
}

pub fn draft(kind: &str, n: i64) -> EventDraft {
    EventDraft {
        kind: kind.into(),
        payload: json!({"n": n, "tekst": "<b>é</b>"}),
        at: OffsetDateTime::now_utc(),
    }
}

pub fn author(org: &str) -> Author {
    Author {
        user_id: "u-1".into(),
        org_id: org.into(),
        on_behalf_of: None,
    }
}

/// Creates case `id` with `n` events, returning its last sequence number.
pub async fn case_with_events(store: &Store, id: &str, org: &str, n: i64) -> i64 {
    let drafts: Vec<_> = (1..=n).map(|i| draft("note_added", i)).collect();
    store
        .append_case_events(id, 0, &author(org), &drafts, Some(&projection(org, vec![])))
        .await
        .unwrap()
}

conformance!(
    events_append_in_order_with_projection_in_the_same_transaction,
    |db| {
        let (vt, team) = seed_orgs(&db.store).await;
        let seq = case_with_events(&db.store, "c-1", &vt, 2).await;
        assert_eq!(seq, 2);
        let p = projection(&vt, vec![(team.clone(), Participation::HandoverReceiver)]);
        let seq = db
            .store
            .append_case_events(
                "c-1",
                2,
                &author(&vt),
                &[draft("handover_offered", 3)],
                Some(&p),
            )
            .await
            .unwrap();
        assert_eq!(seq, 3);
        let events = db.store.case_events("c-1").await.unwrap();
        assert_eq!(
            events.iter().map(|e| e.seq).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert_eq!(events[1].prev_hash, events[0].hash);
        assert_eq!(events[2].payload["tekst"], "<b>é</b>");
        let parts = db.store.case_participants("c-1").await.unwrap();
        assert!(parts.contains(&(team.clone(), Participation::HandoverReceiver)));
        let summary = db.store.case_summary("c-1").await.unwrap().unwrap();
        assert_eq!(summary.last_seq, 3);

        let seq = db
            .store
            .append_case_events("c-1", 3, &author(&vt), &[draft("note_added", 4)], None)
            .await
            .unwrap();
        assert_eq!(seq, 4);
        assert!(
            db.store
                .case_participants("c-1")
                .await
                .unwrap()
                .contains(&(team.clone(), Participation::HandoverReceiver))
        );
        let err = db
            .store
            .append_case_events("c-new", 0, &author(&vt), &[draft("x", 1)], None)
            .await
            .unwrap_err();
        assert!(
            matches!(err, StoreError::Corrupt(_)),
            "a new case needs a read model: {err:?}"
        );
        let for_team = db
            .store
            .cases_for_org(&team, &[Participation::HandoverReceiver], 10, 0)
            .await
            .unwrap();
        assert_eq!(for_team.len(), 1);
        assert!(
            db.store
                .cases_for_org(&team, &[Participation::Accountable], 10, 0)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            db.store.case_persons("c-1").await.unwrap()[0]
                .0
                .display_name,
            "Jan de Vries"
        );
    }
);

conformance!(a_stale_writer_gets_a_conflict_and_writes_nothing, |db| {
    let (vt, team) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-2", &vt, 2).await;
    let p = projection(&team, vec![]);
    let err = db
        .store
        .append_case_events("c-2", 1, &author(&vt), &[draft("x", 9)], Some(&p))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                expected: 1,
                actual: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(db.store.case_events("c-2").await.unwrap().len(), 2);
    assert_eq!(
        db.store
            .case_summary("c-2")
            .await
            .unwrap()
            .unwrap()
            .accountable_org,
        vt,
        "projection untouched"
    );
    let err = db
        .store
        .append_case_events("c-2", 0, &author(&vt), &[draft("x", 9)], Some(&p))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict { .. }),
        "creating an existing case conflicts: {err:?}"
    );
});

conformance!(concurrent_writers_on_one_case_exactly_one_wins, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    case_with_events(&db.store, "c-3", &vt, 1).await;
    let mut handles = Vec::new();
    for i in 0..8 {
        let store = db.store.clone();
        let vt = vt.clone();
        handles.push(tokio::spawn(async move {
            store
                .append_case_events(
                    "c-3",
                    1,
                    &author(&vt),
                    &[draft("race", i)],
                    Some(&projection(&vt, vec![])),
                )
                .await
        }));
    }
    let mut wins = 0;
    for h in handles {
        match h.await.unwrap() {
            Ok(2) => wins += 1,
            Err(StoreError::Conflict { .. }) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(wins, 1);
    assert_eq!(db.store.case_events("c-3").await.unwrap().len(), 2);
    assert!(db.store.verify().await.unwrap().broken.is_none());
});

fn entry(user: &str, clients: &[&str], ground: &str) -> AccessEntry {
    AccessEntry {
        action: "read".into(),
        resource_kind: "case".into(),
        resource_id: Some("c-1".into()),
        outcome: "allowed".into(),
        user_id: Some(user.into()),
        username: user.into(),
        role: Some("medewerker".into()),
        org_id: Some("org".into()),
        access_point: "10.0.0.1".into(),
        ground: Some(ground.into()),
        clients: clients.iter().map(|c| c.to_string()).collect(),
        ..Default::default()
    }
}

conformance!(
    the_access_log_answers_by_user_client_period_and_break_glass,
    |db| {
        let t0 = OffsetDateTime::now_utc() - Duration::days(10);
        let mut e = entry("u-a", &["p-1", "p-2"], "participation:accountable");
        e.at = Some(t0);
        db.store.log_access(&e).await.unwrap();
        let mut e = entry("u-b", &["p-2"], "break_the_glass");
        e.reason = Some("acuut gevaar".into());
        db.store.log_access(&e).await.unwrap();
        db.store
            .log_access(&entry("u-a", &["p-3"], "participation:contributor"))
            .await
            .unwrap();

        let q = |f: fn(&mut AccessQuery)| {
            let mut q = AccessQuery::default();
            f(&mut q);
            q
        };
        let by_user = db
            .store
            .search_access_log(&q(|q| q.user_id = Some("u-a".into())))
            .await
            .unwrap();
        assert_eq!(by_user.len(), 2);
        assert!(by_user[0].seq > by_user[1].seq, "newest first");
        let p2 = db
            .store
            .search_access_log(&q(|q| q.client = Some("p-2".into())))
            .await
            .unwrap();
        assert_eq!(
            p2.iter().map(|e| e.username.as_str()).collect::<Vec<_>>(),
            vec!["u-b", "u-a"]
        );
        let recent = db
            .store
            .search_access_log(&AccessQuery {
                from: Some(t0 + Duration::days(1)),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(recent.len(), 2);
        let glass = db
            .store
            .search_access_log(&q(|q| q.only_break_glass = true))
            .await
            .unwrap();
        assert_eq!(glass.len(), 1);
        assert_eq!(glass[0].reason.as_deref(), Some("acuut gevaar"));
        let injected = db
            .store
            .search_access_log(&q(|q| q.user_id = Some("' OR '1'='1".into())))
            .await
            .unwrap();
        assert!(injected.is_empty());
        let report = db.store.verify().await.unwrap();
        assert_eq!(report.access_entries, 3);
        assert!(report.broken.is_none());
    }
);

conformance!(
    concurrent_access_log_writers_keep_one_unbroken_chain,
    |db| {
        let mut handles = Vec::new();
        for i in 0..16 {
            let store = db.store.clone();
            handles.push(tokio::spawn(async move {
                store
                    .log_access(&entry(&format!("u-{i}"), &["p"], "g"))
                    .await
            }));
        }
        let mut seqs = Vec::new();
        for h in handles {
            seqs.push(h.await.unwrap().unwrap());
        }
        seqs.sort();
        assert_eq!(seqs, (1..=16).collect::<Vec<_>>());
        assert!(db.store.verify().await.unwrap().broken.is_none());
    }
);

conformance!(
    participations_of_an_organisation_for_a_page_of_cases,
    |db| {
        let (vt, team) = seed_orgs(&db.store).await;
        case_with_events(&db.store, "c-x", &vt, 1).await;
        let p = projection(&vt, vec![(team.clone(), Participation::HandoverReceiver)]);
        db.store
            .append_case_events("c-y", 0, &author(&vt), &[draft("opened", 1)], Some(&p))
            .await
            .unwrap();
        let ids = vec![
            "c-x".to_string(),
            "c-y".to_string(),
            "x' OR '1'='1".to_string(),
        ];
        let mut got = db.store.participations_of_org(&vt, &ids).await.unwrap();
        got.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            got,
            vec![
                ("c-x".into(), Participation::Accountable),
                ("c-y".into(), Participation::Accountable)
            ]
        );
        let team_got = db.store.participations_of_org(&team, &ids).await.unwrap();
        assert_eq!(
            team_got,
            vec![("c-y".into(), Participation::HandoverReceiver)]
        );
        assert!(
            db.store
                .participations_of_org(&team, &[])
                .await
                .unwrap()
                .is_empty()
        );
    }
);

conformance!(access_log_pages_by_keyset, |db| {
    for i in 0..7 {
        db.store
            .log_access(&entry(&format!("u-{i}"), &["p-9"], "g"))
            .await
            .unwrap();
    }
    let mut pages = Vec::new();
    let mut before = None;
    loop {
        let page = db
            .store
            .search_access_log(&AccessQuery {
                client: Some("p-9".into()),
                limit: 3,
                before,
                ..Default::default()
            })
            .await
            .unwrap();
        let Some(last) = page.last() else { break };
        before = Some(last.seq);
        pages.push(page.iter().map(|e| e.seq).collect::<Vec<_>>());
    }
    assert_eq!(pages, vec![vec![7, 6, 5], vec![4, 3, 2], vec![1]]);
});

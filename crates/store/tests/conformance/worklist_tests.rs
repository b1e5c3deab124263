//! Issue 7 ("Fit for daily work"): case numbers, search and a workable Te doen, on both engines.

use schakel_domain::case::{CaseEvent, CaseWide, TriageEvent};
use schakel_domain::classification::MeldingClass;
use schakel_domain::org::OrgKind;
use schakel_store::casework;
use schakel_store::queue::{self, QueueFilter, QueueSort};
use schakel_store::search::SearchQuery;
use time::OffsetDateTime;
use time::macros::{date, datetime};

use crate::conformance;
use crate::flow_tests::{intake, opened, person};
use crate::harness::seed_orgs;
use crate::log_tests::author;

/// Opens case `id` received at `at`, about one child (and a parent with `bsn`) in `gemeente`.
async fn open(
    s: &schakel_store::Store,
    vt: &str,
    id: &str,
    at: OffsetDateTime,
    child: &str,
    gemeente: &str,
) -> i64 {
    let mut kid = person(
        &format!("{id}-kind"),
        "kind_in_gezin",
        child,
        date!(2018 - 11 - 29),
        None,
    );
    kid.gemeente = gemeente.into();
    let i = intake(at, vec![kid], None);
    casework::record(
        s,
        id,
        0,
        &author(vt),
        OrgKind::VeiligThuis,
        opened(at, vt, i, MeldingClass::EersteMelding),
        at,
    )
    .await
    .unwrap()
    .0
}

conformance!(
    cases_opened_at_once_get_distinct_numbers_by_year_of_receipt,
    |db| {
        let (vt, _) = seed_orgs(&db.store).await;
        // Twenty cases opened at the same moment go through the group commit together.
        let mut tasks = Vec::new();
        for n in 0..20 {
            let s = db.store.clone();
            let vt = vt.clone();
            tasks.push(tokio::spawn(async move {
                let at = datetime!(2026-03-12 10:00 +1);
                open(&s, &vt, &format!("c-{n}"), at, "Fenna Verzonnen", "Venlo").await
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let mut numbers = Vec::new();
        for n in 0..20 {
            let c = db
                .store
                .case_summary(&format!("c-{n}"))
                .await
                .unwrap()
                .unwrap();
            numbers.push(c.case_number.unwrap());
        }
        numbers.sort();
        let expected: Vec<String> = (1..=20).map(|n| format!("VT-2026-{n:05}")).collect();
        assert_eq!(numbers, expected);
        // Received on the last day of 2025 (Dutch time), registered later: numbered in 2025.
        open(
            &db.store,
            &vt,
            "c-old",
            datetime!(2025-12-31 23:30 +1),
            "Tim Oud",
            "Weert",
        )
        .await;
        let c = db.store.case_summary("c-old").await.unwrap().unwrap();
        assert_eq!(c.case_number.as_deref(), Some("VT-2025-00001"));
    }
);

conformance!(
    search_finds_cases_by_name_word_birth_date_bsn_and_number,
    |db| {
        let (vt, _) = seed_orgs(&db.store).await;
        let s = &db.store;
        let at = datetime!(2026-03-12 10:00 +1);
        open(s, &vt, "c-a", at, "Fenna de Vries", "Venlo").await;
        open(s, &vt, "c-b", at, "Bram Jansen", "Weert").await;
        let ids = |hits: Vec<schakel_store::search::SearchHit>| {
            let mut v: Vec<String> = hits.into_iter().map(|h| h.case.id).collect();
            v.sort();
            v
        };
        let by_name = SearchQuery {
            name_words: vec!["Vries".into()],
            ..Default::default()
        };
        assert_eq!(ids(s.search_cases(&by_name, 10).await.unwrap()), ["c-a"]);
        let both_words = SearchQuery {
            name_words: vec!["fenna".into(), "VRIES".into()],
            ..Default::default()
        };
        assert_eq!(ids(s.search_cases(&both_words, 10).await.unwrap()), ["c-a"]);
        let wrong_word = SearchQuery {
            name_words: vec!["fenna".into(), "jansen".into()],
            ..Default::default()
        };
        assert!(s.search_cases(&wrong_word, 10).await.unwrap().is_empty());
        let by_birth = SearchQuery {
            birth_date: Some(date!(2018 - 11 - 29)),
            ..Default::default()
        };
        assert_eq!(
            ids(s.search_cases(&by_birth, 10).await.unwrap()),
            ["c-a", "c-b"]
        );
        let number = s.case_summary("c-b").await.unwrap().unwrap().case_number;
        let by_number = SearchQuery {
            case_number: number,
            ..Default::default()
        };
        let hits = s.search_cases(&by_number, 10).await.unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].case.id, "c-b");
        // The family's BSN (the flow tests' mother has 111222333).
        let i = intake(at, crate::flow_tests::family(), None);
        casework::record(
            s,
            "c-bsn",
            0,
            &author(&vt),
            OrgKind::VeiligThuis,
            opened(at, &vt, i, MeldingClass::EersteMelding),
            at,
        )
        .await
        .unwrap();
        let by_bsn = SearchQuery {
            bsn: Some("111222333".into()),
            ..Default::default()
        };
        let hits = s.search_cases(&by_bsn, 10).await.unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].persons[0].0.display_name, "Anna Verzonnen");
    }
);

conformance!(
    te_doen_puts_acute_first_and_filters_counts_and_assigns,
    |db| {
        let (vt, _) = seed_orgs(&db.store).await;
        let s = &db.store;
        let t0 = datetime!(2026-03-02 10:00 +1);
        let seq_a = open(s, &vt, "c-gewoon", t0, "Fenna de Vries", "Venlo").await;
        let seq_b = open(
            s,
            &vt,
            "c-acuut",
            t0 + time::Duration::hours(1),
            "Bram Jansen",
            "Weert",
        )
        .await;
        let seq_c = open(
            s,
            &vt,
            "c-later",
            t0 + time::Duration::hours(2),
            "Tim Oud",
            "Venlo",
        )
        .await;
        for (id, seq, acute) in [
            ("c-gewoon", seq_a, false),
            ("c-acuut", seq_b, true),
            ("c-later", seq_c, false),
        ] {
            casework::record(
                s,
                id,
                seq,
                &author(&vt),
                OrgKind::VeiligThuis,
                vec![CaseEvent::Triage(TriageEvent::UrgencyAssessed {
                    acute,
                    melding: None,
                })],
                t0 + time::Duration::hours(3),
            )
            .await
            .unwrap();
        }
        let now = t0 + time::Duration::hours(4);
        let all = queue::filtered_queue(
            s,
            &vt,
            &QueueFilter::default(),
            QueueSort::Due,
            false,
            now,
            50,
            0,
        )
        .await
        .unwrap();
        // The acute case comes first though its deadline is not the earliest.
        assert_eq!(all[0].case_id, "c-acuut");
        assert!(all[0].acute);
        assert!(all.iter().skip_while(|i| i.acute).all(|i| !i.acute));
        let acute_weert = QueueFilter {
            acute_only: true,
            gemeente: Some("Weert".into()),
            ..Default::default()
        };
        let items = queue::filtered_queue(s, &vt, &acute_weert, QueueSort::Due, false, now, 50, 0)
            .await
            .unwrap();
        assert!(!items.is_empty());
        assert!(items.iter().all(|i| i.case_id == "c-acuut"));
        assert_eq!(
            queue::count(s, &vt, &acute_weert, now).await.unwrap(),
            items.len() as i64
        );
        let venlo = QueueFilter {
            gemeente: Some("Venlo".into()),
            ..Default::default()
        };
        let n_venlo = queue::count(s, &vt, &venlo, now).await.unwrap();
        assert!(n_venlo > 0);
        assert_eq!(
            queue::filtered_queue(s, &vt, &venlo, QueueSort::Case, true, now, 50, 0)
                .await
                .unwrap()
                .iter()
                .filter(|i| i.gemeente.as_deref() != Some("Venlo"))
                .count(),
            0
        );
        // Totals per kind add up to the whole queue; weeks later every assessment is overdue.
        let totals = queue::totals(s, &vt, None, now).await.unwrap();
        assert_eq!(
            totals.iter().map(|t| t.total).sum::<i64>(),
            all.len() as i64
        );
        let late = now + time::Duration::days(30);
        let overdue = QueueFilter {
            overdue_only: true,
            ..Default::default()
        };
        assert_eq!(queue::count(s, &vt, &overdue, now).await.unwrap(), 0);
        assert_eq!(
            queue::count(s, &vt, &overdue, late).await.unwrap(),
            all.len() as i64
        );

        // Assigned to a worker: the filters and the load per worker follow.
        let seq = s.case_summary("c-later").await.unwrap().unwrap().last_seq;
        casework::record(
            s,
            "c-later",
            seq,
            &author(&vt),
            OrgKind::VeiligThuis,
            vec![CaseEvent::Case(CaseWide::Assigned {
                user: Some("u-2".into()),
            })],
            now,
        )
        .await
        .unwrap();
        let mine = QueueFilter {
            assigned_to: Some("u-2".into()),
            ..Default::default()
        };
        let items = queue::filtered_queue(s, &vt, &mine, QueueSort::Due, false, now, 50, 0)
            .await
            .unwrap();
        assert!(!items.is_empty() && items.iter().all(|i| i.case_id == "c-later"));
        let unassigned = QueueFilter {
            unassigned_only: true,
            ..Default::default()
        };
        assert_eq!(
            queue::count(s, &vt, &unassigned, now).await.unwrap(),
            all.len() as i64 - items.len() as i64
        );
        let load = queue::worker_load(s, &vt, now).await.unwrap();
        let u2 = load
            .iter()
            .find(|l| l.user_id.as_deref() == Some("u-2"))
            .unwrap();
        assert_eq!((u2.cases, u2.items), (1, items.len() as i64));
        let nobody = load.iter().find(|l| l.user_id.is_none()).unwrap();
        assert_eq!(nobody.cases, 2);
    }
);

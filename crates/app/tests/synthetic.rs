#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test loudly

//! The synthetic year made through the use cases, on both engines: every case a valid history, the
//! totals exactly what was planned, households seen before found by the known-before check, and a
//! period ending "now" that leaves recent work open instead of a year-old backlog.

use schakel_app::synthetic::{
    GEMEENTE_WEIGHTS, Period, SyntheticConfig, generate, plan, planned_totals,
};
use schakel_domain::org::OrgKind;
use schakel_store::Store;
use schakel_store::orgs::Gemeente;
use schakel_testkit::{TestDb, on_each_backend};
use time::macros::datetime;

async fn region(store: &Store, period: Period, scale: f64) -> SyntheticConfig {
    let names: Vec<String> = GEMEENTE_WEIGHTS
        .iter()
        .map(|(g, _)| g.to_string())
        .collect();
    for g in &names {
        store
            .upsert_gemeente(&Gemeente {
                name: g.clone(),
                region: "NML".into(),
                centrumgemeente: g == "Venlo",
            })
            .await
            .unwrap();
    }
    let vt = store
        .upsert_organisation("Veilig Thuis NML", OrgKind::VeiligThuis, &names)
        .await
        .unwrap();
    let mut local_teams = Vec::new();
    for g in &names {
        let team = store
            .upsert_organisation(
                &format!("Lokaal team {g}"),
                OrgKind::LokaalTeam,
                std::slice::from_ref(g),
            )
            .await
            .unwrap();
        local_teams.push((g.clone(), team));
    }
    SyntheticConfig {
        period,
        scale,
        seed: 7,
        vt_org_id: vt,
        local_teams,
    }
}

async fn count(db: &TestDb, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(&db.raw)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_synthetic_year_is_made_through_the_use_cases_and_counts_back_as_planned() {
    on_each_backend(|db| async move {
        let period = Period::year(2026);
        let config = region(&db.store, period, 0.05).await;
        let g = generate(&db.store, &config).await.unwrap();
        assert_eq!(g.run.refused, 0, "{:?}", g.run.refusals);
        // Counted back from the monitor facts, the store holds exactly what was planned.
        assert_eq!(g.totals, planned_totals(&plan(period, 0.05, 7, 14)));
        assert!(g.run.joined > 0, "{:?}", g.run);
        assert_eq!(g.totals.meldingen + g.totals.adviezen, 270);
        assert_eq!(g.run.intakes, 270);
        // Households seen before were found: joined to their open casus or classified again.
        let planned = plan(period, 0.05, 7, 14);
        let repeats = planned.iter().filter(|p| p.repeat_of.is_some()).count() as u64;
        assert!(
            g.run.joined + g.run.repeats_found >= repeats / 2,
            "{repeats} planned: {:?}",
            g.run
        );
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM cases").await,
            270 - g.run.joined as i64
        );
        let report = db.store.verify().await.unwrap();
        assert!(report.broken.is_none(), "{report:?}");
        // Every step has an author who works at the organisation it acted for.
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM case_events e WHERE NOT EXISTS (SELECT 1 FROM memberships m \
                 WHERE m.user_id = e.user_id AND m.org_id = e.org_id)"
            )
            .await,
            0
        );
        // Handovers were refused now and then, accepted mostly; monitoring was recorded and an
        // unmet condition sent a case back to Veilig Thuis.
        for (kind, at_least) in [
            ("handover_accepted", 40),
            ("handover_refused", 1),
            ("monitoring_recorded", 5),
            ("urgency_assessed", 100),
        ] {
            let n = count(
                &db,
                &format!("SELECT COUNT(*) FROM case_events WHERE kind = '{kind}'"),
            )
            .await;
            assert!(n >= at_least, "{kind}: {n}");
        }
        // Access by the synthetic workers is in the access log like anyone's.
        assert!(count(&db, "SELECT COUNT(*) FROM access_log").await >= 270);
        db
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_period_ending_now_leaves_recent_work_open_and_little_overdue() {
    let db = TestDb::sqlite().await;
    let now = datetime!(2026-11-27 14:00 UTC);
    let config = region(&db.store, Period::ending(now), 0.05).await;
    let g = generate(&db.store, &config).await.unwrap();
    assert_eq!(g.run.refused, 0, "{:?}", g.run.refusals);
    assert!(g.run.not_yet > 0, "{:?}", g.run);
    let newest: String = sqlx::query_scalar("SELECT MAX(received_on) FROM melding_facts")
        .fetch_one(&db.raw)
        .await
        .unwrap();
    assert!(newest.as_str() <= "2026-11-27", "{newest}");
    // Open work is recent: no deadline passed more than a month ago.
    let open = count(&db, "SELECT COUNT(*) FROM case_deadlines").await;
    let stale = count(
        &db,
        "SELECT COUNT(*) FROM case_deadlines WHERE due < '2026-10-27'",
    )
    .await;
    assert!(open > 0);
    assert_eq!(stale, 0);
    db.cleanup().await;
}

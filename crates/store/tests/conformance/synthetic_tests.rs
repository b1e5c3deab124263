use schakel_domain::org::OrgKind;
use schakel_store::Store;
use schakel_store::orgs::Gemeente;
use schakel_store::synthetic::{
    GEMEENTE_WEIGHTS, SyntheticConfig, compare, generate_year, plan, planned_totals, totals,
};

use crate::conformance;

async fn region(store: &Store, scale: f64) -> SyntheticConfig {
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
        year: 2026,
        scale,
        seed: 7,
        vt_org_id: vt,
        local_teams,
        batch: 100,
    }
}

conformance!(
    the_synthetic_year_is_a_valid_history_counted_from_the_projections,
    |db| {
        let config = region(&db.store, 0.02).await;
        let got = generate_year(&db.store, &config).await.unwrap();
        // Counted back from the monitor facts, the store holds exactly what was planned.
        let expected = planned_totals(&plan(2026, 0.02, 7, 14));
        assert_eq!(got, expected);
        assert_eq!(got.meldingen, 73);
        assert_eq!(got.adviezen, 35);
        assert_eq!(totals(&db.store, 2025).await.unwrap().meldingen, 0);
        let report = db.store.verify().await.unwrap();
        assert!(report.broken.is_none(), "{report:?}");
        assert_eq!(report.cases, 108);
        // Handovers went to lokale teams, which accepted them.
        let accepted: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM case_events WHERE kind = 'handover_accepted'")
                .fetch_one(&db.raw)
                .await
                .unwrap();
        assert!(accepted > 10, "{accepted}");
    }
);

/// The full reference year on SQLite, counted back from the projections (about 10 s in a debug build).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_full_synthetic_year_matches_the_reference_within_5_percent() {
    let db = crate::harness::TestDb::sqlite().await;
    let config = region(&db.store, 1.0).await;
    let start = std::time::Instant::now();
    let got = generate_year(&db.store, &config).await.unwrap();
    eprintln!("full year in {:?}", start.elapsed());
    for c in compare(&got, 1.0) {
        eprintln!(
            "{:<45} {:>6} {:>9.1} {:+.2}%",
            c.what,
            c.got,
            c.expected,
            c.deviation * 100.0
        );
        assert!(c.deviation.abs() <= 0.05, "{c:?}");
    }
}

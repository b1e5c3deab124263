#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test loudly

//! The use cases against a real (SQLite) store: registering intakes as the benchmark and the web do,
//! and commands on a case filled in by the server.

use schakel_app::{Acting, CaseCommand, Error, RegisterIntake, register_intake};
use schakel_domain::case::{CaseEvent, Phase, TriageEvent};
use schakel_domain::classification::MeldingClass;
use schakel_domain::org::{OrgKind, Role};
use schakel_store::Store;
use schakel_testkit::Kit;
use schakel_testkit::kit::{acting, logged};
use time::OffsetDateTime;

/// The region, a medewerker of Veilig Thuis and one of the wijkteam, from the test kit.
struct World {
    kit: Kit,
    store: Store,
    vt: String,
    team: String,
    vt_user: String,
    team_user: String,
}

async fn world() -> World {
    let kit = Kit::sqlite().await;
    let vt = kit.region.vt.clone();
    let team = kit.region.team.clone();
    let vt_user = kit.user("vt.mw", &vt, Role::Medewerker).await;
    let team_user = kit.user("team.mw", &team, Role::Medewerker).await;
    World {
        store: kit.store().clone(),
        kit,
        vt,
        team,
        vt_user,
        team_user,
    }
}

#[tokio::test]
async fn the_bench_intake_registers_through_the_use_case_and_a_second_one_joins_the_open_casus() {
    let w = world().await;
    let now = OffsetDateTime::now_utc();
    let vt = acting(&w.vt_user, "vt.mw", &w.vt, OrgKind::VeiligThuis);
    let p = logged(&w.store, &vt, Role::Medewerker);
    let cmd = || RegisterIntake::new(schakel_store::bench::intake(1, now));
    let first = register_intake(&w.store, &vt, &p, now, cmd())
        .await
        .unwrap();
    assert!(!first.joined_open_casus);
    assert_eq!(first.seq, 2);
    assert_eq!(first.classification, Some(MeldingClass::EersteMelding));
    let persons = w.store.case_persons(&first.case_id).await.unwrap();
    assert_eq!(persons.len(), 3);
    // The server chose the person ids, not the fictional ids of the household.
    assert!(persons.iter().all(|(p, _)| !p.id.starts_with("bench-")));

    let second = register_intake(&w.store, &vt, &p, now, cmd())
        .await
        .unwrap();
    assert_eq!(second.case_id, first.case_id);
    assert!(second.joined_open_casus);
    assert!(
        matches!(second.classification, Some(MeldingClass::Vervolgmelding(_))),
        "{second:?}"
    );
    assert_eq!(w.store.case_persons(&first.case_id).await.unwrap().len(), 3);

    // Registering and the search of the second check are in the access log.
    let logged = w
        .store
        .search_access_log(&Default::default())
        .await
        .unwrap();
    assert!(logged.iter().any(|e| e.action == "create"), "{logged:?}");
    assert!(logged.iter().any(|e| e.action == "search"), "{logged:?}");
}

#[tokio::test]
async fn a_lokaal_team_may_not_register_and_nothing_is_written() {
    let w = world().await;
    let now = OffsetDateTime::now_utc();
    let team = acting(&w.team_user, "team.mw", &w.team, OrgKind::LokaalTeam);
    let p = logged(&w.store, &team, Role::Medewerker);
    let cmd = RegisterIntake::new(schakel_store::bench::intake(7, now));
    let err = register_intake(&w.store, &team, &p, now, cmd).await;
    assert!(matches!(err, Err(Error::Forbidden(_))), "{err:?}");
}

#[tokio::test]
async fn the_server_fills_in_the_assessor_and_the_handover_and_checks_the_regiehouder() {
    let w = world().await;
    let now = OffsetDateTime::now_utc();
    let vt = acting(&w.vt_user, "vt.mw", &w.vt, OrgKind::VeiligThuis);
    let case = w.kit.melding(&vt, 3).await.case_id;
    let run = |a: Acting, seq: i64, cmd: CaseCommand| {
        let store = w.store.clone();
        let case = case.clone();
        async move { schakel_app::execute(&store, &a, now, &case, seq, cmd).await }
    };
    let r = run(
        vt.clone(),
        2,
        CaseCommand::AssessUrgency {
            acute: false,
            melding: None,
        },
    )
    .await
    .unwrap();
    let r = run(
        vt.clone(),
        r.seq,
        CaseCommand::AssessSafety {
            acute_unsafety: false,
            structural_unsafety: true,
            multi_problem: None,
            instrument: "Triage-instrument Veilig Thuis".into(),
            instrument_version: "0.6".into(),
            melding: None,
        },
    )
    .await
    .unwrap();
    let events = w.store.case_events(&case).await.unwrap();
    let assessed: CaseEvent = serde_json::from_value(events[3].payload.clone()).unwrap();
    assert!(
        matches!(assessed, CaseEvent::Triage(TriageEvent::SafetyAssessed { ref assessor, .. }) if assessor == "vt.mw"),
        "{assessed:?}"
    );
    let r = run(
        vt.clone(),
        r.seq,
        CaseCommand::DecideFollowUp {
            track: "overdracht_lokaal_veld".into(),
            veiligheidsvoorwaarden: vec!["Vader verblijft niet in de woning".into()],
        },
    )
    .await
    .unwrap();
    let r = run(
        vt.clone(),
        r.seq,
        CaseCommand::OfferHandover {
            to_org: w.team.clone(),
            veiligheidsvoorwaarden: vec!["Vader verblijft niet in de woning".into()],
            monitoring_agreements: vec![],
            conditions_dropped_reason: None,
        },
    )
    .await
    .unwrap();
    assert!(r.handover_id.is_some());
    assert_eq!(r.phase, Phase::Overdracht);
    let team = acting(&w.team_user, "team.mw", &w.team, OrgKind::LokaalTeam);
    let err = run(
        team.clone(),
        r.seq,
        CaseCommand::AcceptHandover {
            regiehouder: w.vt_user.clone(),
        },
    )
    .await;
    assert!(
        matches!(err, Err(Error::Invalid(ref f)) if f.field == "regiehouder"),
        "{err:?}"
    );
    let done = run(
        team,
        r.seq,
        CaseCommand::AcceptHandover {
            regiehouder: w.team_user.clone(),
        },
    )
    .await
    .unwrap();
    assert_eq!(done.accountable_org, w.team);
}

/// Issue 7 item 6 (RULES.md 2.5, 3): once Veilig Thuis's involvement has ended after an accepted
/// handover without monitoring, a new melding about the same family is a hermelding with a casus of
/// its own; while the handover is still open it is a vervolgmelding that joins the casus.
#[tokio::test]
async fn a_new_melding_is_a_hermelding_once_vt_involvement_ended_and_a_vervolgmelding_before() {
    let w = world().await;
    let now = OffsetDateTime::now_utc();
    let vt = acting(&w.vt_user, "vt.mw", &w.vt, OrgKind::VeiligThuis);
    let team = acting(&w.team_user, "team.mw", &w.team, OrgKind::LokaalTeam);
    let policy = logged(&w.store, &vt, Role::Medewerker);
    let again = |n| RegisterIntake::new(schakel_store::bench::intake(n, now));
    for (n, accept) in [(11, false), (12, true)] {
        let case = w.kit.melding(&vt, n).await;
        let mut seq = case.seq;
        for cmd in [
            CaseCommand::AssessUrgency {
                acute: false,
                melding: None,
            },
            CaseCommand::AssessSafety {
                acute_unsafety: false,
                structural_unsafety: false,
                multi_problem: Some(true),
                instrument: "Triage-instrument Veilig Thuis".into(),
                instrument_version: "0.6".into(),
                melding: None,
            },
            CaseCommand::DecideFollowUp {
                track: "overdracht_lokaal_veld".into(),
                veiligheidsvoorwaarden: vec![],
            },
            CaseCommand::OfferHandover {
                to_org: w.team.clone(),
                veiligheidsvoorwaarden: vec![],
                monitoring_agreements: vec![],
                conditions_dropped_reason: None,
            },
        ] {
            seq = w.kit.execute(&vt, &case.case_id, seq, cmd).await.seq;
        }
        if accept {
            let r = w
                .kit
                .execute(
                    &team,
                    &case.case_id,
                    seq,
                    CaseCommand::AcceptHandover {
                        regiehouder: w.team_user.clone(),
                    },
                )
                .await;
            // The end of involvement is recorded by the lifecycle right after the acceptance.
            assert_eq!(r.phase, Phase::VtBeeindigd);
            assert_eq!(r.accountable_org, w.team);
            let events = w.store.case_events(&case.case_id).await.unwrap();
            assert_eq!(
                events.last().map(|e| e.kind.as_str()),
                Some("vt_involvement_ended")
            );
        }
        let next = register_intake(&w.store, &vt, &policy, now, again(n))
            .await
            .unwrap();
        if accept {
            assert_eq!(next.classification, Some(MeldingClass::Hermelding));
            assert!(!next.joined_open_casus);
            assert_ne!(next.case_id, case.case_id);
        } else {
            assert!(
                matches!(next.classification, Some(MeldingClass::Vervolgmelding(_))),
                "{next:?}"
            );
            assert!(next.joined_open_casus);
        }
    }
}

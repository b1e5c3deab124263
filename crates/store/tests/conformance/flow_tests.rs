use schakel_domain::access::Participation;
use schakel_domain::case::{
    CaseEvent, CaseKind, CaseWide, FeedbackEvent, FeedbackMoment, HandoverEvent, IntakeEvent,
    Phase, TriageEvent,
};
use schakel_domain::classification::{MeldingClass, VervolgMoment};
use schakel_domain::intake::known::{Certainty, Reason};
use schakel_domain::intake::{Betrokkene, Gender, Intake, Melder};
use schakel_domain::org::OrgKind;
use schakel_store::StoreError;
use schakel_store::casework::{self, load_state};
use schakel_store::known::{KnownQuery, classify_matches, find_known, open_casussen};
use schakel_store::queue::work_queue;
use time::macros::{date, datetime};
use time::{Date, Duration, OffsetDateTime};

use crate::conformance;
use crate::harness::seed_orgs;
use crate::log_tests::author;

pub(crate) fn person(
    id: &str,
    role: &str,
    name: &str,
    born: Date,
    bsn: Option<&str>,
) -> Betrokkene {
    Betrokkene {
        person_id: id.into(),
        role: role.into(),
        name: Some(name.into()),
        birth_date: Some(born),
        estimated_age: None,
        gender: Gender::Onbekend,
        bsn: bsn.map(String::from),
        address: None,
        gemeente: "Venlo".into(),
    }
}

pub(crate) fn intake(
    at: OffsetDateTime,
    people: Vec<Betrokkene>,
    reporter_org: Option<String>,
) -> Intake {
    Intake {
        case_kind: CaseKind::Melding,
        received_at: at,
        channel: "politiemelding".into(),
        melder: Melder {
            melder_type: "justitie_en_veiligheid".into(),
            name: None,
            organisation: Some("Politie".into()),
            org_id: reporter_org,
            contact: None,
            anonymous_to_family: false,
            has_role: false,
            informant_doctor: false,
        },
        betrokkenen: people,
        violence_version: "regio-2018".into(),
        violence: vec![
            "lichamelijke_mishandeling".into(),
            "psychisch_geweld".into(),
        ],
        specific_groups: vec![],
        description: "Politie trof ruzie aan.".into(),
    }
}

pub(crate) fn family() -> Vec<Betrokkene> {
    vec![
        person(
            "p-kind",
            "kind_in_gezin",
            "Fenna Verzonnen",
            date!(2018 - 06 - 01),
            None,
        ),
        person(
            "p-moeder",
            "slachtoffer",
            "Anna Verzonnen",
            date!(1990 - 01 - 31),
            Some("111222333"),
        ),
        person(
            "p-vader",
            "pleger",
            "Bram Verzonnen",
            date!(1988 - 02 - 29),
            None,
        ),
    ]
}

pub(crate) fn opened(
    at: OffsetDateTime,
    vt: &str,
    i: Intake,
    class: MeldingClass,
) -> Vec<CaseEvent> {
    vec![
        CaseEvent::Intake(IntakeEvent::Opened {
            case_kind: CaseKind::Melding,
            received_at: at,
            accountable_org: vt.into(),
        }),
        CaseEvent::Intake(IntakeEvent::IntakeRecorded {
            intake: Box::new(i),
            classification: Some(class),
            n: None,
        }),
    ]
}

conformance!(a_melding_goes_from_intake_to_an_accepted_handover, |db| {
    let (vt, team) = seed_orgs(&db.store).await;
    let t0 = datetime!(2026-03-12 10:00 +1);
    let s = &db.store;
    let i = intake(t0, family(), None);
    let (seq, state) = casework::record(
        s,
        "c-1",
        0,
        &author(&vt),
        OrgKind::VeiligThuis,
        opened(t0, &vt, i, MeldingClass::EersteMelding),
        t0,
    )
    .await
    .unwrap();
    assert_eq!((seq, state.phase), (2, Phase::Intake));
    let summary = s.case_summary("c-1").await.unwrap().unwrap();
    assert_eq!(summary.title, "Melding 12-03-2026 · Venlo");
    assert_eq!(summary.status, "intake");
    let persons = s.case_persons("c-1").await.unwrap();
    assert_eq!(persons.len(), 3);
    assert!(
        persons
            .iter()
            .all(|(p, _)| p.gemeente.as_deref() == Some("Venlo"))
    );
    // VT's queue: urgency within 24 h first, then the assessment within 5 working days.
    let q = work_queue(s, &vt, t0, 10, 0).await.unwrap();
    assert_eq!(
        q.iter().map(|i| i.kind.as_str()).collect::<Vec<_>>(),
        ["urgentie", "veiligheidsbeoordeling"]
    );
    assert_eq!(q[1].due, date!(2026 - 03 - 19));
    assert!(q.iter().all(|i| !i.overdue));
    let later = work_queue(s, &vt, t0 + Duration::days(2), 10, 0)
        .await
        .unwrap();
    assert!(later[0].overdue && !later[1].overdue);

    let t1 = t0 + Duration::hours(2);
    let steps = vec![
        CaseEvent::Triage(TriageEvent::UrgencyAssessed {
            acute: false,
            melding: None,
        }),
        CaseEvent::Triage(TriageEvent::SafetyAssessed {
            acute_unsafety: false,
            structural_unsafety: true,
            multi_problem: None,
            instrument: "triage_vt".into(),
            instrument_version: "0.6".into(),
            assessor: "u-1".into(),
            melding: None,
        }),
        CaseEvent::Triage(TriageEvent::FollowUpDecided {
            track: "overdracht_lokaal_veld".into(),
            veiligheidsvoorwaarden: vec!["Geen geweld".into()],
        }),
        CaseEvent::Feedback(FeedbackEvent::Given {
            moment: FeedbackMoment::NaBeoordeling,
        }),
        CaseEvent::Handover(HandoverEvent::Offered {
            handover_id: "h-1".into(),
            to_org: team.clone(),
            veiligheidsvoorwaarden: vec!["Geen geweld".into()],
            monitoring_agreements: vec![],
            conditions_dropped_reason: None,
        }),
    ];
    let (seq, state) = casework::record(s, "c-1", 2, &author(&vt), OrgKind::VeiligThuis, steps, t1)
        .await
        .unwrap();
    assert_eq!((seq, state.phase), (7, Phase::Overdracht));
    let parts = s.case_participants("c-1").await.unwrap();
    assert!(parts.contains(&(team.clone(), Participation::HandoverReceiver)));
    assert!(parts.contains(&(vt.clone(), Participation::Accountable)));
    // The handover shows in both queues; in VT's with its age.
    let tq = work_queue(s, &team, t1, 10, 0).await.unwrap();
    assert_eq!(tq.len(), 1);
    assert_eq!(tq[0].kind, "overdracht_accepteren");
    let vq = work_queue(s, &vt, t1, 10, 0).await.unwrap();
    assert!(
        vq.iter()
            .any(|i| i.kind == "overdracht_wacht" && i.since.is_some())
    );

    // Only the receiver accepts.
    let accept = vec![CaseEvent::Handover(HandoverEvent::Accepted {
        handover_id: "h-1".into(),
        regiehouder_user: "r-1".into(),
    })];
    let err = casework::record(
        s,
        "c-1",
        7,
        &author(&vt),
        OrgKind::VeiligThuis,
        accept.clone(),
        t1,
    )
    .await
    .unwrap_err();
    assert!(matches!(err, StoreError::Rejected(_)), "{err:?}");
    let (seq, state) =
        casework::record(s, "c-1", 7, &author(&team), OrgKind::LokaalTeam, accept, t1)
            .await
            .unwrap();
    assert_eq!((seq, state.phase), (8, Phase::Monitoring));
    let summary = s.case_summary("c-1").await.unwrap().unwrap();
    assert_eq!(summary.accountable_org, team);
    let parts = s.case_participants("c-1").await.unwrap();
    assert!(parts.contains(&(team.clone(), Participation::Accountable)));
    assert!(parts.contains(&(vt.clone(), Participation::Contributor)));
    assert!(work_queue(s, &team, t1, 10, 0).await.unwrap().is_empty());
    let vq = work_queue(s, &vt, t1, 10, 0).await.unwrap();
    assert_eq!(
        vq.iter().map(|i| i.kind.as_str()).collect::<Vec<_>>(),
        ["monitoringsmoment"; 3]
    );

    // The stored history replays to the same state, and the chain holds.
    assert_eq!(load_state(s, "c-1").await.unwrap(), Some((8, state)));
    let report = s.verify().await.unwrap();
    assert!(report.broken.is_none(), "{report:?}");
});

conformance!(
    stale_writes_conflict_and_refusals_name_what_is_wrong,
    |db| {
        let (vt, team) = seed_orgs(&db.store).await;
        let t0 = datetime!(2026-03-12 10:00 +1);
        let s = &db.store;
        let events = opened(
            t0,
            &vt,
            intake(t0, family(), None),
            MeldingClass::EersteMelding,
        );
        casework::record(
            s,
            "c-1",
            0,
            &author(&vt),
            OrgKind::VeiligThuis,
            events.clone(),
            t0,
        )
        .await
        .unwrap();
        let err = casework::record(s, "c-1", 0, &author(&vt), OrgKind::VeiligThuis, events, t0)
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
        let close = vec![CaseEvent::Case(CaseWide::Closed {
            reason: "klaar".into(),
        })];
        let err = casework::record(s, "c-1", 2, &author(&vt), OrgKind::VeiligThuis, close, t0)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("veiligheidsbeoordeling"), "{err}");
        // A team cannot open a case; nothing is written.
        let events = opened(
            t0,
            &team,
            intake(t0, family(), None),
            MeldingClass::EersteMelding,
        );
        let err = casework::record(s, "c-2", 0, &author(&team), OrgKind::LokaalTeam, events, t0)
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Rejected(_)));
        assert!(s.case_summary("c-2").await.unwrap().is_none());
        // A bad field in an intake names the field.
        let mut bad = intake(t0, family(), None);
        bad.betrokkenen[1].bsn = Some("123456789".into());
        let events = opened(t0, &vt, bad, MeldingClass::EersteMelding);
        match casework::record(s, "c-3", 0, &author(&vt), OrgKind::VeiligThuis, events, t0)
            .await
            .unwrap_err()
        {
            StoreError::Rejected(schakel_domain::case::TransitionError::Field(f)) => {
                assert_eq!(f.field, "betrokkenen[1].bsn")
            }
            other => panic!("{other:?}"),
        }
    }
);

conformance!(
    known_before_check_classifies_and_joins_the_open_casus,
    |db| {
        let (vt, _team) = seed_orgs(&db.store).await;
        let t0 = datetime!(2026-03-12 10:00 +1);
        let s = &db.store;
        let q = |bsn: Option<&str>, name: &str, born: Date| KnownQuery {
            bsn: bsn.map(|b| schakel_domain::bsn::Bsn::parse("bsn", b).unwrap()),
            name: Some(name.into()),
            birth_date: Some(born),
            estimated_age: None,
            today: Some(date!(2026 - 03 - 12)),
        };
        // Nobody known yet: a 1e melding.
        let none = find_known(s, &q(None, "Anna Verzonnen", date!(1990 - 01 - 31)), 10)
            .await
            .unwrap();
        assert!(none.is_empty());
        assert_eq!(classify_matches(&none), MeldingClass::EersteMelding);
        let events = opened(
            t0,
            &vt,
            intake(t0, family(), Some(vt.clone())),
            MeldingClass::EersteMelding,
        );
        casework::record(s, "c-1", 0, &author(&vt), OrgKind::VeiligThuis, events, t0)
            .await
            .unwrap();

        let by_bsn = find_known(s, &q(Some("111222333"), "X Y", date!(2000 - 01 - 01)), 10)
            .await
            .unwrap();
        // The same BSN with another name and date of birth: a conflict, never certain.
        assert_eq!(by_bsn.len(), 1);
        assert_eq!(
            (by_bsn[0].assessment.certainty, by_bsn[0].person.id.as_str()),
            (Certainty::Conflict, "p-moeder")
        );
        assert_eq!(
            by_bsn[0].assessment.reasons,
            vec![
                Reason::BsnEqual,
                Reason::NameDifferent,
                Reason::BirthDateDifferent
            ]
        );
        let by_name = find_known(s, &q(None, "  anna VERZONNEN ", date!(1990 - 01 - 31)), 10)
            .await
            .unwrap();
        assert_eq!(by_name.len(), 1);
        assert_eq!(by_name[0].assessment.certainty, Certainty::Certain);
        // The match names its case by the number users know it by.
        assert!(
            by_name[0]
                .case_number
                .as_deref()
                .is_some_and(|n| n.starts_with("VT-")),
            "{:?}",
            by_name[0].case_number
        );
        let similar = find_known(s, &q(None, "Ana Verzonen", date!(1990 - 01 - 31)), 10)
            .await
            .unwrap();
        assert_eq!(similar.len(), 1);
        assert_eq!(similar[0].assessment.certainty, Certainty::Possible);
        assert!(similar[0].assessment.name_score > 0.88 && similar[0].assessment.name_score < 1.0);
        // A day off is possible, found through the birth-date index; two days off is not found.
        let day_off = find_known(s, &q(None, "Anna Verzonnen", date!(1990 - 02 - 01)), 10)
            .await
            .unwrap();
        assert_eq!(day_off.len(), 1);
        assert_eq!(day_off[0].assessment.certainty, Certainty::Possible);
        let other_day = find_known(s, &q(None, "Anna Verzonnen", date!(1990 - 02 - 02)), 10)
            .await
            .unwrap();
        assert!(other_day.is_empty());
        // Only an estimated age (35 on 12-3-2026 for someone born 31-1-1990: 36): found by a word
        // of the name, possible.
        let estimated = KnownQuery {
            birth_date: None,
            estimated_age: Some(35),
            ..q(None, "Ana Verzonnen", date!(1990 - 01 - 31))
        };
        let by_age = find_known(s, &estimated, 10).await.unwrap();
        assert_eq!(by_age.len(), 1);
        assert_eq!(by_age[0].assessment.certainty, Certainty::Possible);
        assert_eq!(
            by_age[0].assessment.reasons,
            vec![Reason::NameSimilar, Reason::AgeWithinMargin]
        );
        // The same name and date of birth with another BSN: a conflict.
        let other_bsn = find_known(
            s,
            &q(Some("123456782"), "Anna Verzonnen", date!(1990 - 01 - 31)),
            10,
        )
        .await
        .unwrap();
        assert_eq!(other_bsn.len(), 1);
        assert_eq!(other_bsn[0].assessment.certainty, Certainty::Conflict);

        // Open casus in intake: a vervolgmelding during the assessment, which joins it.
        let class = classify_matches(by_name.iter());
        assert_eq!(
            class,
            MeldingClass::Vervolgmelding(VervolgMoment::TijdensBeoordeling)
        );
        assert_eq!(open_casussen(by_name.iter()), vec!["c-1".to_string()]);
        let t1 = t0 + Duration::days(1);
        let join = vec![CaseEvent::Intake(IntakeEvent::IntakeRecorded {
            intake: Box::new(intake(t1, family()[1..].to_vec(), None)),
            classification: Some(class),
            n: Some(1),
        })];
        let (seq, state) =
            casework::record(s, "c-1", 2, &author(&vt), OrgKind::VeiligThuis, join, t1)
                .await
                .unwrap();
        assert_eq!((seq, state.intakes.len()), (3, 2));
        // The monitor facts hold both meldingen.
        let facts: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM melding_facts WHERE case_id = 'c-1'")
                .fetch_one(&db.raw)
                .await
                .unwrap();
        assert_eq!(facts, 2);
        let classes: Vec<String> = sqlx::query_scalar(
            "SELECT classification FROM melding_facts WHERE case_id = 'c-1' ORDER BY n",
        )
        .fetch_all(&db.raw)
        .await
        .unwrap();
        assert_eq!(
            classes,
            ["eerste_melding", "vervolgmelding_tijdens_beoordeling"]
        );
        let parts = s.case_participants("c-1").await.unwrap();
        assert!(parts.iter().all(|(o, _)| o == &vt), "{parts:?}");
    }
);

conformance!(bench_raw_insert_writes_the_rows_of_an_intake, |db| {
    // The bench's complete intakes go through the production use case (tested in schakel-app);
    // here only the raw reference and the fictional intake it mirrors.
    let (vt, _) = seed_orgs(&db.store).await;
    let now = datetime!(2026-03-12 10:00 +1);
    let s = &db.store;
    let mut intake = schakel_store::bench::intake(1, now);
    assert_eq!(intake.betrokkenen.len(), 3);
    for (i, b) in intake.betrokkenen.iter_mut().enumerate() {
        b.person_id = format!("p-{i}");
    }
    let valid = intake.normalised(Some(&["Venlo".to_string()]));
    assert!(valid.is_ok(), "{valid:?}");
    let rows = schakel_store::bench::raw_insert(s, &vt, 0, 5, now)
        .await
        .unwrap();
    assert_eq!(rows, 5 * 18);
    let raw_cases: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE id LIKE 'raw-%'")
        .fetch_one(&db.raw)
        .await
        .unwrap();
    assert_eq!(raw_cases, 5);
});

conformance!(
    concurrent_case_work_is_committed_in_groups_and_each_caller_gets_its_own_answer,
    |db| {
        let (vt, _team) = seed_orgs(&db.store).await;
        let at = OffsetDateTime::now_utc() - Duration::hours(1);
        // Twenty new cases at once, one refused (a lokaal team cannot open a case), and eight
        // writers racing on one existing case with the same expected sequence number.
        casework::record(
            &db.store,
            "race",
            0,
            &author(&vt),
            OrgKind::VeiligThuis,
            opened(
                at,
                &vt,
                intake(at, family(), None),
                MeldingClass::EersteMelding,
            ),
            at,
        )
        .await
        .unwrap();
        let mut handles = Vec::new();
        for i in 0..20 {
            let store = db.store.clone();
            let vt = vt.clone();
            let people = vec![person(
                &format!("p-{i}"),
                "slachtoffer",
                &format!("Persoon {i}"),
                date!(1990 - 01 - 01),
                None,
            )];
            let kind = if i == 7 {
                OrgKind::LokaalTeam
            } else {
                OrgKind::VeiligThuis
            };
            handles.push(tokio::spawn(async move {
                let events = opened(
                    at,
                    &vt,
                    intake(at, people, None),
                    MeldingClass::EersteMelding,
                );
                casework::record(
                    &store,
                    &format!("new-{i}"),
                    0,
                    &author(&vt),
                    kind,
                    events,
                    at,
                )
                .await
            }));
        }
        let mut racers = Vec::new();
        for _ in 0..8 {
            let store = db.store.clone();
            let vt = vt.clone();
            racers.push(tokio::spawn(async move {
                let urgency = vec![CaseEvent::Triage(TriageEvent::UrgencyAssessed {
                    acute: false,
                    melding: None,
                })];
                casework::record(
                    &store,
                    "race",
                    2,
                    &author(&vt),
                    OrgKind::VeiligThuis,
                    urgency,
                    at,
                )
                .await
            }));
        }
        for (i, h) in handles.into_iter().enumerate() {
            let result = h.await.unwrap();
            if i == 7 {
                assert!(matches!(result, Err(StoreError::Rejected(_))), "{result:?}");
            } else {
                assert_eq!(result.unwrap().0, 2, "case new-{i}");
            }
        }
        let mut wins = 0;
        for h in racers {
            match h.await.unwrap() {
                Ok((3, _)) => wins += 1,
                Err(StoreError::Conflict { .. }) => {}
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(wins, 1);
        assert!(
            db.store.case_summary("new-7").await.unwrap().is_none(),
            "the refused case was not written"
        );
        let report = db.store.verify().await.unwrap();
        assert!(report.broken.is_none());
        assert_eq!(report.cases, 20);
    }
);

conformance!(
    the_committer_computes_deadlines_with_the_rules_of_the_sending_handle,
    |db| {
        let (vt, _) = seed_orgs(&db.store).await;
        // Thursday before Easter 2026: 5 working days end on Friday 10 April, or on Monday 13 April
        // when Goede Vrijdag is off (domain calendar tests).
        let t0 = datetime!(2026-04-02 10:00 +2);
        let mut with_good_friday = schakel_domain::rules::RegionRules::default();
        with_good_friday.calendar.good_friday = true;
        let region = db
            .store
            .clone()
            .with_rules(std::sync::Arc::new(with_good_friday));
        // Sent at once, so the committer sees jobs under both rules in one batch.
        let record = |store: schakel_store::Store, case: &'static str, person: &'static str| {
            let vt = vt.clone();
            tokio::spawn(async move {
                let mut people = family();
                people.truncate(1);
                people[0].person_id = person.into();
                let events = opened(
                    t0,
                    &vt,
                    intake(t0, people, None),
                    MeldingClass::EersteMelding,
                );
                casework::record(
                    &store,
                    case,
                    0,
                    &author(&vt),
                    OrgKind::VeiligThuis,
                    events,
                    t0,
                )
                .await
            })
        };
        let a = record(db.store.clone(), "c-default", "p-1");
        let b = record(region.clone(), "c-region", "p-2");
        a.await.unwrap().unwrap();
        b.await.unwrap().unwrap();
        let due = |case: &str, q: &[schakel_store::queue::QueueItem]| {
            q.iter()
                .find(|i| i.case_id == case && i.kind == "veiligheidsbeoordeling")
                .map(|i| i.due.to_string())
        };
        let q = work_queue(&db.store, &vt, t0, 10, 0).await.unwrap();
        assert_eq!(due("c-default", &q).as_deref(), Some("2026-04-10"), "{q:?}");
        assert_eq!(due("c-region", &q).as_deref(), Some("2026-04-13"), "{q:?}");
    }
);

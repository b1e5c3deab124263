//! The order of the Veilig Thuis flow, input errors, deadlines and serialisation.

use time::Date;
use time::macros::{date, datetime};

use super::*;
use crate::classification::MeldingClass;

#[test]
fn bad_input_names_the_field() {
    let field = |steps: Vec<(&str, CaseEvent)>| match run(&steps).unwrap_err().1 {
        TransitionError::Field(f) => f.field,
        other => panic!("{other:?}"),
    };
    let mut unknown_track = up_to_decision("x", &[]);
    unknown_track.truncate(3);
    unknown_track.push((VT, decided("naar_de_maan", &[])));
    assert_eq!(field(unknown_track), "track");

    let mut no_conditions = up_to_decision("x", &[]);
    no_conditions.truncate(3);
    no_conditions.push((VT, decided("voorwaarden_en_vervolg", &[])));
    assert_eq!(field(no_conditions), "veiligheidsvoorwaarden");

    let mut empty_condition = up_to_decision("x", &[]);
    empty_condition.truncate(3);
    empty_condition.push((VT, decided("voorwaarden_en_vervolg", &["ok", "  "])));
    assert_eq!(field(empty_condition), "veiligheidsvoorwaarden[1]");

    // RULES.md 2.1: part C may be skipped only when part B is positive.
    let skip_c = vec![
        (VT, opened(CaseKind::Melding)),
        (
            VT,
            CaseEvent::Triage(TriageEvent::UrgencyAssessed {
                acute: false,
                melding: None,
            }),
        ),
        (
            VT,
            CaseEvent::Triage(TriageEvent::SafetyAssessed {
                acute_unsafety: false,
                structural_unsafety: false,
                multi_problem: None,
                instrument: "triage_vt".into(),
                instrument_version: "0.6".into(),
                assessor: "m".into(),
                melding: None,
            }),
        ),
    ];
    assert_eq!(field(skip_c), "multi_problem");

    let mut to_self = up_to_decision("overdracht_lokaal_veld", &[]);
    to_self.push((VT, offered("h1", VT, &[])));
    assert_eq!(field(to_self), "to_org");
}

#[test]
fn order_of_the_veilig_thuis_flow_is_enforced() {
    let start = vec![(VT, opened(CaseKind::Melding))];
    // Safety assessment before the urgency read.
    let mut early = start.clone();
    early.push((VT, assessed()));
    assert!(run(&early).is_err());
    // Decision before the safety assessment.
    let mut no_assessment = start.clone();
    no_assessment.push((
        VT,
        CaseEvent::Triage(TriageEvent::UrgencyAssessed {
            acute: true,
            melding: None,
        }),
    ));
    no_assessment.push((VT, decided("beeindigen_betrokkenheid", &[])));
    assert!(message(&run(&no_assessment).unwrap_err().1).contains("veiligheidsbeoordeling"));
    // Handover after "no further steps".
    let mut no_steps = up_to_decision("beeindigen_betrokkenheid", &[]);
    no_steps.push((VT, offered("h1", LT, &[])));
    assert!(run(&no_steps).is_err());
    // Events before opening, and opening twice.
    assert!(run(&[(VT, closed())]).is_err());
    assert!(
        run(&[
            (VT, opened(CaseKind::Melding)),
            (VT, opened(CaseKind::Melding))
        ])
        .is_err()
    );
}

#[test]
fn only_veilig_thuis_opens_cases_and_is_accountable_from_the_start() {
    assert!(
        message(&run(&[(LT, opened(CaseKind::Melding))]).unwrap_err().1)
            .contains("Alleen Veilig Thuis")
    );
    let other_accountable = CaseEvent::Intake(IntakeEvent::Opened {
        case_kind: CaseKind::Melding,
        received_at: datetime!(2026-03-02 09:00 +1),
        accountable_org: LT.into(),
    });
    assert!(run(&[(VT, other_accountable)]).is_err());
    let s = run(&[(VT, opened(CaseKind::Advies))]).unwrap();
    assert_eq!((s.phase, s.accountable()), (Phase::Advies, Some(VT)));
}

#[test]
fn advies_converts_to_melding_and_the_term_runs_from_conversion() {
    let steps = vec![
        (VT, opened(CaseKind::Advies)),
        (
            VT,
            CaseEvent::Intake(IntakeEvent::ConvertedToMelding {
                reason: "Melder geeft naam en contactgegevens".into(),
                classification: None,
                linked: Vec::new(),
            }),
        ),
    ];
    let s = run(&steps).unwrap();
    assert_eq!((s.case_kind, s.phase), (CaseKind::Melding, Phase::Intake));
    // Converted at 10:00 on Monday 2 March 2026: assessment due Monday 9 March, urgency by 10:00 the next day.
    let deadlines = s.deadlines(&HolidayCalendar::default(), &Terms::default());
    assert_eq!(deadlines[0].what, DeadlineKind::Urgentie);
    assert_eq!(deadlines[0].due_at, Some(datetime!(2026-03-03 10:00 +1)));
    assert_eq!(deadlines[1].what, DeadlineKind::Veiligheidsbeoordeling);
    assert_eq!(deadlines[1].due, date!(2026 - 03 - 09));
    assert!(deadlines.iter().all(|d| d.owner_org == VT));
    // An advies can be closed directly; a melding converted back to advies too.
    assert_eq!(
        run(&[(VT, opened(CaseKind::Advies)), (VT, closed())])
            .unwrap()
            .phase,
        Phase::Gesloten
    );
    let mut back = steps.clone();
    back.push((
        VT,
        CaseEvent::Intake(IntakeEvent::ConvertedToAdvies {
            reason: "Melder trekt naam terug".into(),
        }),
    ));
    back.push((VT, closed()));
    assert_eq!(run(&back).unwrap().phase, Phase::Gesloten);
}

#[test]
fn deadlines_reach_the_owners_work_queue() {
    let cal = HolidayCalendar::default();
    let terms = Terms::default();
    // Acute melding: the acute action is due 24 h after receipt.
    let acute = run(&[
        (VT, opened(CaseKind::Melding)),
        (
            VT,
            CaseEvent::Triage(TriageEvent::UrgencyAssessed {
                acute: true,
                melding: None,
            }),
        ),
    ])
    .unwrap();
    let d = acute.deadlines(&cal, &terms);
    assert_eq!(d[0].what, DeadlineKind::AcuteActie);
    assert_eq!(d[0].due_at, Some(datetime!(2026-03-03 09:00 +1)));

    // Open handover: the receiver owns the acceptance; feedback and onderzoek are VT's.
    let mut steps = up_to_decision("onderzoek", &[]);
    steps.remove(4);
    steps.push((VT, revised("overdracht_lokaal_veld", &[])));
    steps.push((VT, offered("h1", LT, &["c1"])));
    let s = run(&steps).unwrap();
    let d = s.deadlines(&cal, &terms);
    let owner = |k: &DeadlineKind| {
        d.iter()
            .find(|x| &x.what == k)
            .map(|x| (x.owner_org.clone(), x.due))
    };
    assert_eq!(
        owner(&DeadlineKind::OverdrachtAccepteren {
            handover_id: "h1".into()
        }),
        Some((LT.to_string(), date!(2026 - 03 - 09)))
    );
    assert_eq!(
        owner(&DeadlineKind::Onderzoek),
        Some((VT.to_string(), date!(2026 - 05 - 11)))
    );
    assert_eq!(
        owner(&DeadlineKind::Terugkoppeling {
            moment: FeedbackMoment::NaBeoordeling
        }),
        Some((VT.to_string(), date!(2026 - 03 - 09)))
    );
    assert!(owner(&DeadlineKind::Veiligheidsbeoordeling).is_none());

    // Monitoring: every unrecorded moment is VT's.
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["c1"]);
    steps.push((VT, offered("h1", LT, &["c1"])));
    steps.push((LT, accepted("h1")));
    steps.push((
        VT,
        CaseEvent::Monitoring(MonitoringEvent::Recorded {
            moment: "6_weken".into(),
            conditions_met: vec![("c1".into(), true)],
            report: None,
        }),
    ));
    let d = run(&steps).unwrap().deadlines(&cal, &terms);
    let moments: Vec<(String, Date, String)> = d
        .into_iter()
        .filter_map(|x| match x.what {
            DeadlineKind::Monitoringsmoment { moment } => Some((moment, x.due, x.owner_org)),
            _ => None,
        })
        .collect();
    assert_eq!(
        moments,
        vec![
            (
                "3_maanden".to_string(),
                date!(2026 - 06 - 02),
                VT.to_string()
            ),
            (
                "6_maanden".to_string(),
                date!(2026 - 09 - 02),
                VT.to_string()
            ),
        ]
    );
}

#[test]
fn closed_cases_accept_only_reopening_by_the_last_accountable_org() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    steps.push((LT, accepted("h1")));
    steps.push((LT, closed()));
    let s = run(&steps).unwrap();
    assert!(
        s.deadlines(&HolidayCalendar::default(), &Terms::default())
            .is_empty()
    );
    let mut after = steps.clone();
    after.push((
        VT,
        CaseEvent::Triage(TriageEvent::UrgencyAssessed {
            acute: true,
            melding: None,
        }),
    ));
    assert!(message(&run(&after).unwrap_err().1).contains("gesloten"));
    let mut by_vt = steps.clone();
    by_vt.push((VT, CaseEvent::Case(CaseWide::Reopened)));
    assert!(run(&by_vt).is_err());
    steps.push((LT, CaseEvent::Case(CaseWide::Reopened)));
    let s = run(&steps).unwrap();
    assert_eq!((s.phase, s.accountable()), (Phase::Overgedragen, Some(LT)));
}

#[test]
fn events_serialise_with_a_kind_tag_and_replay() {
    let event = offered("h1", LT, &["c1"]);
    let json = serde_json::to_value(&event).unwrap();
    assert_eq!(json["kind"], "handover_offered");
    assert_eq!(json["kind"], event.name());
    let open = serde_json::to_value(opened(CaseKind::Melding)).unwrap();
    assert_eq!(open["received_at"], "2026-03-02T09:00:00+01:00");
    assert_eq!(open["case_kind"], "melding");
    let back: CaseEvent = serde_json::from_value(json).unwrap();
    assert_eq!(back, event);

    let steps = up_to_decision("overdracht_lokaal_veld", &[]);
    let contexts: Vec<EventContext> = (0..steps.len())
        .map(|i| {
            ctx(
                steps[i].0,
                datetime!(2026-03-02 09:00 +1) + time::Duration::hours(i as i64),
            )
        })
        .collect();
    let replayed = replay(steps.iter().map(|(_, e)| e).zip(contexts.iter())).unwrap();
    assert_eq!(replayed, Some(run(&steps).unwrap()));
    let state_json = serde_json::to_string(&replayed).unwrap();
    assert_eq!(
        serde_json::from_str::<Option<CaseState>>(&state_json).unwrap(),
        replayed
    );

    let bad = [(&closed(), &contexts[0])];
    assert_eq!(replay(bad).unwrap_err().0, 0);
}

fn intake_event(kind: CaseKind, class: Option<MeldingClass>) -> CaseEvent {
    let mut intake = crate::intake::tests::melding();
    intake.case_kind = kind;
    CaseEvent::Intake(IntakeEvent::IntakeRecorded {
        intake: Box::new(intake),
        classification: class,
        n: None,
    })
}

#[test]
fn a_vervolgmelding_joins_the_open_casus() {
    use crate::classification::VervolgMoment::NaBeoordeling;
    let first = intake_event(CaseKind::Melding, Some(MeldingClass::EersteMelding));
    let join = intake_event(
        CaseKind::Melding,
        Some(MeldingClass::Vervolgmelding(NaBeoordeling)),
    );
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.insert(1, (VT, first.clone()));
    steps.push((VT, join.clone()));
    let s = run(&steps).unwrap();
    assert_eq!(s.intakes.len(), 2);
    assert_eq!(s.phase, Phase::Besloten);

    // A new casus cannot start with a vervolgmelding: it belongs to the open casus.
    let err = run(&[(VT, opened(CaseKind::Melding)), (VT, join.clone())]).unwrap_err();
    assert!(matches!(err.1, TransitionError::NotAllowed(_)));
    // A second intake must be a vervolgmelding.
    let err = run(&[
        (VT, opened(CaseKind::Melding)),
        (VT, first.clone()),
        (VT, first.clone()),
    ])
    .unwrap_err();
    assert!(matches!(&err.1, TransitionError::Field(f) if f.field == "classificatie"));
    // An advies is not classified and does not join a melding casus.
    let advies = intake_event(CaseKind::Advies, None);
    assert!(run(&[(VT, opened(CaseKind::Advies)), (VT, advies.clone())]).is_ok());
    let err = run(&[(VT, opened(CaseKind::Melding)), (VT, first), (VT, advies)]).unwrap_err();
    assert_eq!(err.0, 2);
    // Only Veilig Thuis records an intake.
    let err = run(&[
        (VT, opened(CaseKind::Advies)),
        (LT, intake_event(CaseKind::Advies, None)),
    ])
    .unwrap_err();
    assert_eq!(err.0, 1);
}

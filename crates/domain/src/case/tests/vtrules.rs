//! Issue 7, rule breaches 1, 2, 3 and 8: every melding assessed, conditions that travel, receivers
//! that can receive, unanswered handovers escalate.

use time::macros::{date, datetime};

use super::*;
use crate::classification::{MeldingClass, VervolgMoment};
use crate::org::{OrgKind, Role};

fn joined(n: Option<u32>) -> CaseEvent {
    CaseEvent::Intake(IntakeEvent::IntakeRecorded {
        intake: Box::new(crate::intake::tests::melding()),
        classification: Some(MeldingClass::Vervolgmelding(
            VervolgMoment::TijdensMonitoring,
        )),
        n,
    })
}

fn urgency(n: u32, acute: bool) -> CaseEvent {
    CaseEvent::Triage(TriageEvent::UrgencyAssessed {
        acute,
        melding: Some(n),
    })
}

fn assessed_melding(n: u32) -> CaseEvent {
    CaseEvent::Triage(TriageEvent::SafetyAssessed {
        acute_unsafety: true,
        structural_unsafety: true,
        multi_problem: None,
        instrument: "triage_vt".into(),
        instrument_version: "0.6".into(),
        assessor: "medewerker-1".into(),
        melding: Some(n),
    })
}

/// A case handed over to the local team with one condition under monitoring, plus its own
/// intake (position 0).
fn in_monitoring() -> Vec<(&'static str, CaseEvent)> {
    let mut steps = with_own_intake("voorwaarden_en_vervolg", &["Geen geweld"]);
    steps.push((VT, offered("h1", LT, &["Geen geweld"])));
    steps.push((LT, accepted("h1")));
    steps
}

/// Up to the decision, with the case's own intake recorded.
fn with_own_intake(track: &str, conditions: &[&str]) -> Vec<(&'static str, CaseEvent)> {
    let mut steps = up_to_decision(track, conditions);
    steps.insert(
        1,
        (
            VT,
            CaseEvent::Intake(IntakeEvent::IntakeRecorded {
                intake: Box::new(crate::intake::tests::melding()),
                classification: Some(MeldingClass::EersteMelding),
                n: None,
            }),
        ),
    );
    steps
}

#[test]
fn a_melding_joining_a_case_in_monitoring_gets_its_own_urgency_assessment_and_queue_items() {
    let cal = HolidayCalendar::default();
    let terms = Terms::default();
    let mut steps = in_monitoring();
    steps.push((VT, joined(Some(1))));
    let s = run(&steps).unwrap();
    assert_eq!(s.phase, Phase::Monitoring, "the casus stays where it was");
    assert_eq!(s.accountable(), Some(LT));
    let d = s.deadlines(&cal, &terms);
    let find = |k: DeadlineKind| d.iter().find(|x| x.what == k).cloned();
    // RULES.md 2.1: read for urgency within 24 h of its receipt (12-03-2026 10:00), assessed
    // within 5 working days, both in Veilig Thuis's queue.
    let u = find(DeadlineKind::MeldingUrgentie { n: 1 }).expect("urgency item");
    assert_eq!(u.owner_org, VT);
    assert_eq!(u.due_at, Some(datetime!(2026-03-13 10:00 +1)));
    let b = find(DeadlineKind::MeldingBeoordeling { n: 1 }).expect("assessment item");
    assert_eq!((b.owner_org.as_str(), b.due), (VT, date!(2026 - 03 - 19)));
    // The accountable local team is told in its own queue.
    let notice = find(DeadlineKind::NieuweMelding { n: 1 }).expect("notice");
    assert_eq!(notice.owner_org, LT);

    // Read as acute: the acute action replaces the urgency item.
    steps.push((VT, urgency(1, true)));
    let s = run(&steps).unwrap();
    let d = s.deadlines(&cal, &terms);
    assert!(
        d.iter()
            .any(|x| x.what == DeadlineKind::MeldingAcuteActie { n: 1 })
    );
    assert!(
        !d.iter()
            .any(|x| x.what == DeadlineKind::MeldingUrgentie { n: 1 })
    );
    // The assessment clears every item of that melding; the monitoring goes on.
    steps.push((VT, assessed_melding(1)));
    let s = run(&steps).unwrap();
    assert_eq!(
        s.intakes[1].safety.as_ref().map(|a| a.acute_unsafety),
        Some(true)
    );
    assert!(s.deadlines(&cal, &terms).iter().all(|x| !matches!(
        x.what,
        DeadlineKind::MeldingUrgentie { .. }
            | DeadlineKind::MeldingAcuteActie { .. }
            | DeadlineKind::MeldingBeoordeling { .. }
            | DeadlineKind::NieuweMelding { .. }
    )));
    assert_eq!(s.phase, Phase::Monitoring);
}

#[test]
fn a_joined_melding_is_read_for_urgency_before_it_is_assessed_and_blocks_closing() {
    let mut steps = with_own_intake("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    steps.push((LT, accepted("h1")));
    steps.push((VT, joined(None)));
    // The position names a melding of this casus.
    let mut wrong = steps.clone();
    wrong.push((VT, urgency(5, false)));
    match run(&wrong).unwrap_err().1 {
        TransitionError::Field(f) => assert_eq!(f.field, "melding"),
        other => panic!("{other:?}"),
    }
    // Urgency first.
    let mut early = steps.clone();
    early.push((VT, assessed_melding(1)));
    assert!(run(&early).is_err());
    // RULES.md 2.1: the accountable team cannot close while the melding waits.
    let mut close = steps.clone();
    close.push((LT, closed()));
    assert!(message(&run(&close).unwrap_err().1).contains("melding wacht"));
    // Only Veilig Thuis reads it.
    let mut by_lt = steps.clone();
    by_lt.push((LT, urgency(1, false)));
    assert!(run(&by_lt).is_err());
    steps.push((VT, urgency(1, false)));
    let mut twice = steps.clone();
    twice.push((VT, urgency(1, false)));
    assert!(run(&twice).is_err());
    steps.push((VT, assessed_melding(1)));
    steps.push((LT, closed()));
    assert_eq!(run(&steps).unwrap().phase, Phase::Gesloten);
}

#[test]
fn a_joined_intake_event_names_its_position_and_the_oldest_waiting_melding_is_the_default() {
    let mut steps = in_monitoring();
    let mut wrong = steps.clone();
    wrong.push((VT, joined(Some(3))));
    match run(&wrong).unwrap_err().1 {
        TransitionError::Field(f) => assert_eq!(f.field, "n"),
        other => panic!("{other:?}"),
    }
    steps.push((VT, joined(Some(1))));
    steps.push((VT, joined(Some(2))));
    let s = run(&steps).unwrap();
    assert_eq!(crate::triage::open_meldingen(&s), vec![1, 2]);
    assert_eq!(crate::triage::oldest_unread_urgency(&s), Some(1));
    assert_eq!(crate::triage::oldest_unassessed(&s), None);
    steps.push((VT, urgency(2, false)));
    let s = run(&steps).unwrap();
    assert_eq!(crate::triage::oldest_unread_urgency(&s), Some(1));
    assert_eq!(crate::triage::oldest_unassessed(&s), Some(2));
    // A fresh melding's own flow comes first.
    let fresh = run(&[(VT, opened(CaseKind::Melding))]).unwrap();
    assert_eq!(crate::triage::oldest_unread_urgency(&fresh), Some(0));
}

#[test]
fn a_handover_carries_the_decided_conditions_unless_a_reason_is_recorded() {
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["Geen geweld", "School"]);
    // Dropped without a reason: refused, naming the field.
    let mut bare = steps.clone();
    bare.push((VT, offered("h1", LT, &[])));
    match run(&bare).unwrap_err().1 {
        TransitionError::Field(f) => {
            assert_eq!(f.field, "conditions_dropped_reason");
        }
        other => panic!("{other:?}"),
    }
    let mut one_less = steps.clone();
    one_less.push((VT, offered("h1", LT, &["Geen geweld"])));
    assert!(run(&one_less).is_err());
    // Adding is fine, and monitoring starts with every condition.
    let mut more = steps.clone();
    more.push((
        VT,
        offered("h1", LT, &["Geen geweld", "School", "Huisbezoek"]),
    ));
    more.push((LT, accepted("h1")));
    let s = run(&more).unwrap();
    assert_eq!(s.phase, Phase::Monitoring);
    assert_eq!(s.monitoring.unwrap().veiligheidsvoorwaarden.len(), 3);
    // Dropping with a recorded reason is accepted; the reason is in the event.
    steps.push((
        VT,
        CaseEvent::Handover(HandoverEvent::Offered {
            handover_id: "h1".into(),
            to_org: LT.into(),
            veiligheidsvoorwaarden: vec!["Geen geweld".into()],
            monitoring_agreements: Vec::new(),
            conditions_dropped_reason: Some("School is al geregeld via leerplicht".into()),
        }),
    ));
    assert_eq!(run(&steps).unwrap().phase, Phase::Overdracht);
}

#[test]
fn a_decision_changes_only_by_a_revision_with_a_reason() {
    let steps = up_to_decision("voorwaarden_en_vervolg", &["Geen geweld"]);
    let mut silent = steps.clone();
    silent.push((VT, decided("overdracht_lokaal_veld", &[])));
    assert!(message(&run(&silent).unwrap_err().1).contains("Herzie het besluit"));
    let mut no_reason = steps.clone();
    no_reason.push((
        VT,
        CaseEvent::Triage(TriageEvent::FollowUpRevised {
            track: "overdracht_lokaal_veld".into(),
            veiligheidsvoorwaarden: vec!["Geen geweld".into()],
            reason: " ".into(),
        }),
    ));
    match run(&no_reason).unwrap_err().1 {
        TransitionError::Field(f) => assert_eq!(f.field, "reason"),
        other => panic!("{other:?}"),
    }
    let mut revised = steps.clone();
    revised.push((
        VT,
        super::revised("overdracht_lokaal_veld", &["Geen geweld", "School"]),
    ));
    let s = run(&revised).unwrap();
    let d = s.decision.unwrap();
    assert_eq!(d.track, "overdracht_lokaal_veld");
    assert_eq!(d.veiligheidsvoorwaarden.len(), 2);
    // Not while a handover is open.
    let mut open = steps.clone();
    open.push((VT, offered("h1", LT, &["Geen geweld"])));
    open.push((VT, super::revised("onderzoek", &[])));
    assert!(run(&open).is_err());
}

#[test]
fn only_organisations_that_may_take_regie_receive_and_the_track_fits_the_receiver() {
    use crate::handover::check_receiver;
    let field = |r: Result<(), crate::FieldError>| r.unwrap_err().field;
    for kind in [
        OrgKind::School,
        OrgKind::Gemeente,
        OrgKind::Kinderopvang,
        OrgKind::Programmabureau,
        OrgKind::Politie,
        OrgKind::VeiligThuis,
    ] {
        assert_eq!(
            field(check_receiver(Some(kind), "voorwaarden_en_vervolg")),
            "to_org",
            "{kind:?}"
        );
    }
    assert_eq!(
        field(check_receiver(None, "overdracht_lokaal_veld")),
        "to_org"
    );
    assert!(check_receiver(Some(OrgKind::LokaalTeam), "overdracht_lokaal_veld").is_ok());
    assert!(check_receiver(Some(OrgKind::Zorg), "overdracht_lokaal_veld").is_err());
    assert!(check_receiver(Some(OrgKind::MdaTeam), "overdracht_multidisciplinair_team").is_ok());
    assert!(
        check_receiver(
            Some(OrgKind::LokaalTeam),
            "overdracht_multidisciplinair_team"
        )
        .is_err()
    );
    assert!(check_receiver(Some(OrgKind::Zorg), "overdracht_betrokken_professional").is_ok());
    assert!(check_receiver(Some(OrgKind::Zorg), "voorwaarden_en_vervolg").is_ok());
}

#[test]
fn an_unanswered_offer_escalates_to_the_teamleider_and_a_refusal_needs_a_new_receiver() {
    let cal = HolidayCalendar::default();
    let terms = Terms::default();
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    let s = run(&steps).unwrap();
    let d = s.deadlines(&cal, &terms);
    let esc = d
        .iter()
        .find(|x| matches!(x.what, DeadlineKind::OverdrachtOnbeantwoord { .. }))
        .expect("escalation item");
    // Offered Monday 2 March; answer time 5 working days: Monday 9 March. Escalated from the
    // day after, to Veilig Thuis's teamleider.
    assert_eq!(esc.owner_org, VT);
    assert_eq!(esc.due, date!(2026 - 03 - 09));
    assert_eq!(esc.shown_from, Some(date!(2026 - 03 - 10)));
    assert_eq!(esc.for_role, Some(Role::Teamleider));

    steps.push((
        LT,
        CaseEvent::Handover(HandoverEvent::Refused {
            handover_id: "h1".into(),
            reason: "Geen capaciteit".into(),
        }),
    ));
    let s = run(&steps).unwrap();
    let d = s.deadlines(&cal, &terms);
    assert!(
        !d.iter()
            .any(|x| matches!(x.what, DeadlineKind::OverdrachtOnbeantwoord { .. }))
    );
    let again = d
        .iter()
        .find(|x| matches!(x.what, DeadlineKind::NieuweOntvanger { .. }))
        .expect("new receiver item");
    assert_eq!(
        (again.owner_org.as_str(), again.due),
        (VT, date!(2026 - 03 - 09))
    );
    // A new offer clears it.
    steps.push((VT, offered("h2", GGZ, &[])));
    let s = run(&steps).unwrap();
    assert!(
        !s.deadlines(&cal, &terms)
            .iter()
            .any(|x| matches!(x.what, DeadlineKind::NieuweOntvanger { .. }))
    );
}

//! Monitoring's rules (RULES.md 2.5), through the case aggregate.

use crate::calendar::{HolidayCalendar, Terms};
use crate::case::tests::*;
use crate::case::*;

#[test]
fn monitoring_checks_every_condition_and_only_known_ones() {
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["c1", "c2"]);
    steps.push((VT, offered("h1", LT, &["c1", "c2"])));
    steps.push((LT, accepted("h1")));
    let field_of = |conditions: Vec<(String, bool)>| {
        let mut attempt = steps.clone();
        attempt.push((
            VT,
            CaseEvent::Monitoring(MonitoringEvent::Recorded {
                moment: "6_weken".into(),
                conditions_met: conditions,
                report: None,
            }),
        ));
        match run(&attempt).unwrap_err().1 {
            TransitionError::Field(f) => f.field,
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(field_of(vec![("c3".into(), true)]), "conditions_met[0]");
    assert_eq!(
        field_of(vec![("c1".into(), true), ("c1".into(), true)]),
        "conditions_met[1]"
    );
    assert_eq!(field_of(vec![("c1".into(), true)]), "conditions_met");
}

#[test]
fn an_unmet_condition_demands_re_escalation_and_a_met_one_does_not() {
    let condition = "Geen geweld in bijzijn kinderen";
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &[condition]);
    steps.push((VT, offered("h1", LT, &[condition])));
    steps.push((LT, accepted("h1")));
    let record = |met: bool| {
        CaseEvent::Monitoring(MonitoringEvent::Recorded {
            moment: "6_weken".into(),
            conditions_met: vec![(condition.into(), met)],
            report: None,
        })
    };
    let mut met_steps = steps.clone();
    met_steps.push((VT, record(true)));
    assert_eq!(follow_up(&run(&met_steps).unwrap(), &record(true)), None);

    steps.push((VT, record(false)));
    let after = run(&steps).unwrap();
    let next = follow_up(&after, &record(false)).expect("re-escalation");
    assert!(
        matches!(&next, CaseEvent::Monitoring(MonitoringEvent::ReEscalated { reason }) if reason.contains(condition))
    );
    steps.push((VT, next));
    let s = run(&steps).unwrap();
    assert_eq!((s.phase, s.accountable()), (Phase::Intake, Some(VT)));
    assert!(s.monitoring.is_none());
}

#[test]
fn re_escalation_returns_accountability_to_vt_and_restarts_assessment() {
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["c1", "c2"]);
    steps.push((VT, offered("h1", LT, &["c1", "c2"])));
    steps.push((LT, accepted("h1")));
    steps.push((
        VT,
        CaseEvent::Monitoring(MonitoringEvent::Recorded {
            moment: "6_weken".into(),
            conditions_met: vec![("c1".into(), true), ("c2".into(), false)],
            report: None,
        }),
    ));
    let s = run(&steps).unwrap();
    assert_eq!(s.monitoring.as_ref().unwrap().unmet, vec!["c2".to_string()]);
    // Another organisation with no role cannot escalate; the accountable receiver can.
    let mut by_ggz = steps.clone();
    by_ggz.push((
        GGZ,
        CaseEvent::Monitoring(MonitoringEvent::ReEscalated { reason: "x".into() }),
    ));
    assert!(run(&by_ggz).is_err());
    steps.push((
        LT,
        CaseEvent::Monitoring(MonitoringEvent::ReEscalated {
            reason: "Voorwaarde c2 niet nageleefd".into(),
        }),
    ));
    let s = run(&steps).unwrap();
    assert_eq!(s.accountable(), Some(VT));
    assert_eq!(s.phase, Phase::Intake);
    assert!(s.monitoring.is_none() && s.decision.is_none() && s.safety.is_none());
    let kinds: Vec<DeadlineKind> = s
        .deadlines(&HolidayCalendar::default(), &Terms::default())
        .into_iter()
        .map(|d| d.what)
        .collect();
    assert!(kinds.contains(&DeadlineKind::Urgentie));
    assert!(kinds.contains(&DeadlineKind::Veiligheidsbeoordeling));
}

/// Applies the steps as the app does: each event followed by what the lifecycle demands after it.
fn run_with_follow_ups(steps: &[(&str, CaseEvent)]) -> (CaseState, Vec<&'static str>) {
    let start = time::macros::datetime!(2026-03-02 09:00 +1);
    let mut state: Option<CaseState> = None;
    let mut kinds = Vec::new();
    for (i, (org, event)) in steps.iter().enumerate() {
        let c = ctx(org, start + time::Duration::hours(i as i64));
        let after = apply(state.as_ref(), event, &c).unwrap();
        kinds.push(event.name());
        let next = follow_up(&after, event);
        state = Some(after);
        if let Some(next) = next {
            kinds.push(next.name());
            state = Some(apply(state.as_ref(), &next, &c).unwrap());
        }
    }
    (state.unwrap(), kinds)
}

fn class_of(s: &CaseState) -> crate::classification::MeldingClass {
    use crate::classification::{CaseMatch, classify};
    classify(&CaseMatch::from_states([s]))
}

#[test]
fn an_accepted_handover_without_monitoring_ends_vt_involvement_and_a_new_melding_is_a_hermelding() {
    use crate::classification::{MeldingClass, VervolgMoment};
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    // While the handover is open Veilig Thuis is still involved: a vervolgmelding after the
    // beoordeling (RULES.md 3, 85361NED).
    let (open_offer, _) = run_with_follow_ups(&steps);
    assert_eq!(
        class_of(&open_offer),
        MeldingClass::Vervolgmelding(VervolgMoment::NaBeoordeling)
    );
    steps.push((LT, accepted("h1")));
    let (s, kinds) = run_with_follow_ups(&steps);
    assert_eq!(kinds.last(), Some(&"vt_involvement_ended"));
    assert_eq!(s.phase, Phase::VtBeeindigd);
    // The receiver stays accountable and the case stays open for it.
    assert_eq!(s.accountable(), Some(LT));
    assert_eq!(class_of(&s), MeldingClass::Hermelding);
    // Without the end of involvement the same case would count as a vervolgmelding.
    let (before_end, _) = run_with_follow_ups(&steps[..steps.len() - 1]);
    assert_ne!(class_of(&before_end), class_of(&s));
}

#[test]
fn the_end_of_monitoring_ends_vt_involvement_and_changes_the_classification() {
    use crate::classification::{MeldingClass, VervolgMoment};
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["c1"]);
    steps.push((VT, offered("h1", LT, &["c1"])));
    steps.push((LT, accepted("h1")));
    let (monitored, kinds) = run_with_follow_ups(&steps);
    assert!(!kinds.contains(&"vt_involvement_ended"));
    assert_eq!(
        class_of(&monitored),
        MeldingClass::Vervolgmelding(VervolgMoment::TijdensMonitoring)
    );
    steps.push((
        VT,
        CaseEvent::Monitoring(MonitoringEvent::Ended {
            reason: "Veiligheid stabiel".into(),
        }),
    ));
    let (s, kinds) = run_with_follow_ups(&steps);
    assert_eq!(kinds.last(), Some(&"vt_involvement_ended"));
    assert_eq!((s.phase, s.accountable()), (Phase::VtBeeindigd, Some(LT)));
    assert_eq!(class_of(&s), MeldingClass::Hermelding);
    // The receiver can still send the case back to Veilig Thuis, and close it.
    let mut back = steps.clone();
    back.push((
        LT,
        CaseEvent::Monitoring(MonitoringEvent::ReEscalated {
            reason: "Opnieuw geweld".into(),
        }),
    ));
    assert_eq!(run_with_follow_ups(&back).0.accountable(), Some(VT));
    let mut close = steps.clone();
    close.push((LT, closed()));
    assert_eq!(run_with_follow_ups(&close).0.phase, Phase::Gesloten);
}

#[test]
fn involvement_cannot_be_ended_while_vt_still_has_a_part() {
    let ended = CaseEvent::Monitoring(MonitoringEvent::InvolvementEnded {
        ground: crate::monitoring::InvolvementEndGround::MonitoringEnded,
    });
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["c1"]);
    steps.push((VT, offered("h1", LT, &["c1"])));
    let mut during_offer = steps.clone();
    during_offer.push((VT, ended.clone()));
    assert!(run(&during_offer).is_err());
    steps.push((LT, accepted("h1")));
    let mut during_monitoring = steps.clone();
    during_monitoring.push((VT, ended));
    assert!(run(&during_monitoring).is_err());
}

#[test]
fn the_regiehouder_records_a_moment_and_after_re_escalation_keeps_only_a_former_regie() {
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["c1"]);
    steps.push((VT, offered("h1", LT, &["c1"])));
    steps.push((LT, accepted("h1")));
    let record = |met: bool| {
        CaseEvent::Monitoring(MonitoringEvent::Recorded {
            moment: "6_weken".into(),
            conditions_met: vec![("c1".into(), met)],
            report: Some(crate::monitoring::MomentReport {
                family_contact: true,
                contact_note: "Huisbezoek, moeder en kinderen gesproken".into(),
                next_step: "Terug naar Veilig Thuis".into(),
                early_reason: None,
            }),
        })
    };
    // An organisation without regie and without the monitoring may not record.
    let mut by_ggz = steps.clone();
    by_ggz.push((GGZ, record(true)));
    assert!(run(&by_ggz).is_err());
    let (s, kinds) = run_with_follow_ups(&{
        let mut s = steps.clone();
        s.push((LT, record(false)));
        s
    });
    assert_eq!(kinds.last(), Some(&"re_escalated"));
    assert_eq!((s.phase, s.accountable()), (Phase::Intake, Some(VT)));
    assert_eq!(
        s.former_regie
            .iter()
            .map(|f| f.org.as_str())
            .collect::<Vec<_>>(),
        vec![LT]
    );
    // A next step is required when the moment carries a report.
    let mut blank = steps.clone();
    blank.push((
        LT,
        CaseEvent::Monitoring(MonitoringEvent::Recorded {
            moment: "6_weken".into(),
            conditions_met: vec![("c1".into(), true)],
            report: Some(crate::monitoring::MomentReport {
                family_contact: false,
                contact_note: String::new(),
                next_step: "  ".into(),
                early_reason: None,
            }),
        }),
    ));
    match run(&blank).unwrap_err().1 {
        TransitionError::Field(f) => assert_eq!(f.field, "next_step"),
        other => panic!("{other:?}"),
    }
}

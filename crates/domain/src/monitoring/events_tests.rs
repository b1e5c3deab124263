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

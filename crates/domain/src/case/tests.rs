use time::macros::datetime;

use super::*;
use crate::calendar::{HolidayCalendar, Terms};

mod flow;

pub(super) const VT: &str = "vt-nml";
pub(super) const LT: &str = "lt-venlo";
pub(super) const GGZ: &str = "ggz-nml";

pub(super) fn ctx(org: &str, at: OffsetDateTime) -> EventContext {
    let org_kind = match org {
        VT => OrgKind::VeiligThuis,
        LT => OrgKind::LokaalTeam,
        _ => OrgKind::Zorg,
    };
    EventContext {
        at,
        org_id: org.into(),
        org_kind,
    }
}

/// Applies events in order, all by the given orgs, one hour apart from the start.
pub(super) fn run(steps: &[(&str, CaseEvent)]) -> Result<CaseState, (usize, TransitionError)> {
    let start = datetime!(2026-03-02 09:00 +1);
    let mut state: Option<CaseState> = None;
    for (i, (org, event)) in steps.iter().enumerate() {
        let at = start + time::Duration::hours(i as i64);
        state = Some(apply(state.as_ref(), event, &ctx(org, at)).map_err(|e| (i, e))?);
    }
    state.ok_or((0, TransitionError::NotAllowed("leeg".into())))
}

pub(super) fn opened(kind: CaseKind) -> CaseEvent {
    CaseEvent::Opened {
        case_kind: kind,
        received_at: datetime!(2026-03-02 09:00 +1),
        accountable_org: VT.into(),
    }
}

pub(super) fn assessed() -> CaseEvent {
    CaseEvent::SafetyAssessed {
        acute_unsafety: false,
        structural_unsafety: true,
        multi_problem: None,
        instrument: "triage_vt".into(),
        instrument_version: "0.6".into(),
        assessor: "medewerker-1".into(),
    }
}

pub(super) fn decided(track: &str, conditions: &[&str]) -> CaseEvent {
    CaseEvent::FollowUpDecided {
        track: track.into(),
        veiligheidsvoorwaarden: conditions.iter().map(|c| c.to_string()).collect(),
    }
}

pub(super) fn offered(id: &str, to: &str, conditions: &[&str]) -> CaseEvent {
    CaseEvent::HandoverOffered {
        handover_id: id.into(),
        to_org: to.into(),
        veiligheidsvoorwaarden: conditions.iter().map(|c| c.to_string()).collect(),
        monitoring_agreements: vec!["Elke 6 weken overleg met VT".into()],
    }
}

pub(super) fn accepted(id: &str) -> CaseEvent {
    CaseEvent::HandoverAccepted {
        handover_id: id.into(),
        regiehouder_user: "regisseur-1".into(),
    }
}

pub(super) fn closed() -> CaseEvent {
    CaseEvent::Closed {
        reason: "Afgerond".into(),
    }
}

/// Opened, read for urgency, assessed and decided for handover to the local team.
pub(super) fn up_to_decision(track: &str, conditions: &[&str]) -> Vec<(&'static str, CaseEvent)> {
    vec![
        (VT, opened(CaseKind::Melding)),
        (VT, CaseEvent::UrgencyAssessed { acute: false }),
        (VT, assessed()),
        (VT, decided(track, conditions)),
        (
            VT,
            CaseEvent::FeedbackGiven {
                moment: FeedbackMoment::NaBeoordeling,
            },
        ),
    ]
}

pub(super) fn message(err: &TransitionError) -> String {
    err.to_string()
}

#[test]
fn handover_with_conditions_moves_accountability_and_starts_monitoring() {
    let mut steps = up_to_decision(
        "voorwaarden_en_vervolg",
        &["Geen geweld in bijzijn kinderen"],
    );
    steps.push((VT, offered("h1", LT, &["Geen geweld in bijzijn kinderen"])));
    let s = run(&steps).unwrap();
    assert_eq!(s.phase, Phase::Overdracht);
    // RULES.md 0: VT stays accountable while the handover is open.
    assert_eq!(s.accountable(), Some(VT));

    steps.push((LT, accepted("h1")));
    let s = run(&steps).unwrap();
    assert_eq!(s.phase, Phase::Monitoring);
    assert_eq!(s.accountable(), Some(LT));
    assert!(s.open_handover.is_none());
    let m = s.monitoring.as_ref().unwrap();
    assert_eq!(m.monitored_by, VT);
    assert_eq!(
        m.veiligheidsvoorwaarden,
        vec!["Geen geweld in bijzijn kinderen".to_string()]
    );

    steps.push((
        VT,
        CaseEvent::MonitoringRecorded {
            moment: "6_weken".into(),
            conditions_met: vec![("Geen geweld in bijzijn kinderen".into(), true)],
        },
    ));
    steps.push((
        VT,
        CaseEvent::MonitoringEnded {
            reason: "Veiligheid stabiel".into(),
        },
    ));
    steps.push((LT, closed()));
    let s = run(&steps).unwrap();
    assert_eq!(s.phase, Phase::Gesloten);
    assert_eq!(s.accountable(), None);
    assert_eq!(s.accountable_org, LT);
}

#[test]
fn only_the_receiver_can_accept_or_refuse() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    for org in [VT, GGZ] {
        let mut attempt = steps.clone();
        attempt.push((org, accepted("h1")));
        let (i, err) = run(&attempt).unwrap_err();
        assert_eq!(i, attempt.len() - 1);
        assert!(message(&err).contains("ontvangende organisatie"), "{err}");
        let mut refuse = steps.clone();
        refuse.push((
            org,
            CaseEvent::HandoverRefused {
                handover_id: "h1".into(),
                reason: "Geen capaciteit".into(),
            },
        ));
        assert!(run(&refuse).is_err());
    }
    // The wrong handover id names the field.
    let mut wrong = steps.clone();
    wrong.push((LT, accepted("h9")));
    match run(&wrong).unwrap_err().1 {
        TransitionError::Field(f) => assert_eq!(f.field, "handover_id"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn handover_without_conditions_leaves_no_monitoring() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    steps.push((LT, accepted("h1")));
    let s = run(&steps).unwrap();
    assert_eq!(s.phase, Phase::Overgedragen);
    assert!(s.monitoring.is_none());
    // Only the accountable receiver closes it now.
    let mut by_vt = steps.clone();
    by_vt.push((VT, closed()));
    assert!(message(&run(&by_vt).unwrap_err().1).contains("verantwoordelijke organisatie"));
    steps.push((LT, closed()));
    assert_eq!(run(&steps).unwrap().phase, Phase::Gesloten);
}

#[test]
fn only_one_open_handover_at_a_time() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    steps.push((VT, offered("h2", GGZ, &[])));
    assert!(message(&run(&steps).unwrap_err().1).contains("al een overdracht open"));
}

#[test]
fn refusal_returns_the_case_to_vt_which_cannot_simply_close_it() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    steps.push((
        LT,
        CaseEvent::HandoverRefused {
            handover_id: "h1".into(),
            reason: "Niet ons gebied".into(),
        },
    ));
    let s = run(&steps).unwrap();
    assert_eq!(s.phase, Phase::Besloten);
    assert_eq!(s.accountable(), Some(VT));
    let mut close = steps.clone();
    close.push((VT, closed()));
    assert!(
        message(&run(&close).unwrap_err().1)
            .contains("geen organisatie heeft de casus geaccepteerd")
    );
    // The id of the refused handover cannot be reused; a new offer to another party can be made.
    let mut reuse = steps.clone();
    reuse.push((VT, offered("h1", GGZ, &[])));
    assert!(run(&reuse).is_err());
    steps.push((VT, offered("h2", GGZ, &[])));
    steps.push((GGZ, accepted("h2")));
    assert_eq!(run(&steps).unwrap().accountable(), Some(GGZ));
}

#[test]
fn withdrawal_is_for_vt_only() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    let mut by_lt = steps.clone();
    by_lt.push((
        LT,
        CaseEvent::HandoverWithdrawn {
            handover_id: "h1".into(),
            reason: "x".into(),
        },
    ));
    assert!(run(&by_lt).is_err());
    steps.push((
        VT,
        CaseEvent::HandoverWithdrawn {
            handover_id: "h1".into(),
            reason: "Gezin verhuisd".into(),
        },
    ));
    let s = run(&steps).unwrap();
    assert!(s.open_handover.is_none());
    assert_eq!(s.phase, Phase::Besloten);
}

#[test]
fn cannot_close_with_open_handover_monitoring_onderzoek_or_feedback() {
    let mut handover = up_to_decision("overdracht_lokaal_veld", &[]);
    handover.push((VT, offered("h1", LT, &["c1"])));
    handover.push((VT, closed()));
    assert!(message(&run(&handover).unwrap_err().1).contains("overdracht open"));

    let mut monitoring = up_to_decision("voorwaarden_en_vervolg", &["c1"]);
    monitoring.push((VT, offered("h1", LT, &["c1"])));
    monitoring.push((LT, accepted("h1")));
    monitoring.push((LT, closed()));
    assert!(message(&run(&monitoring).unwrap_err().1).contains("monitoring loopt nog"));

    let mut onderzoek = up_to_decision("onderzoek", &[]);
    onderzoek.push((VT, closed()));
    assert!(message(&run(&onderzoek).unwrap_err().1).contains("onderzoek loopt nog"));

    let mut feedback = up_to_decision("beeindigen_betrokkenheid", &[]);
    feedback.remove(4);
    feedback.push((VT, closed()));
    assert!(message(&run(&feedback).unwrap_err().1).contains("terugkoppeling"));

    let intake = vec![(VT, opened(CaseKind::Melding)), (VT, closed())];
    assert!(message(&run(&intake).unwrap_err().1).contains("veiligheidsbeoordeling"));
}

#[test]
fn onderzoek_and_feedback_complete_before_closing() {
    let mut steps = up_to_decision("onderzoek", &[]);
    steps.push((
        VT,
        CaseEvent::OnderzoekCompleted {
            outcome: OnderzoekOutcome::NietBevestigd,
        },
    ));
    // RULES.md 2.4: feedback after the onderzoek too.
    let s = run(&steps).unwrap();
    assert_eq!(s.feedback_pending.len(), 1);
    assert_eq!(s.feedback_pending[0].moment, FeedbackMoment::NaOnderzoek);
    steps.push((VT, decided("beeindigen_betrokkenheid", &[])));
    steps.push((
        VT,
        CaseEvent::FeedbackWaived {
            moment: FeedbackMoment::NaOnderzoek,
            reason: "Melder was huisarts, alleen informant".into(),
        },
    ));
    steps.push((VT, closed()));
    assert_eq!(run(&steps).unwrap().phase, Phase::Gesloten);
}

#[test]
fn re_escalation_returns_accountability_to_vt_and_restarts_assessment() {
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["c1", "c2"]);
    steps.push((VT, offered("h1", LT, &["c1", "c2"])));
    steps.push((LT, accepted("h1")));
    steps.push((
        VT,
        CaseEvent::MonitoringRecorded {
            moment: "6_weken".into(),
            conditions_met: vec![("c1".into(), true), ("c2".into(), false)],
        },
    ));
    let s = run(&steps).unwrap();
    assert_eq!(s.monitoring.as_ref().unwrap().unmet, vec!["c2".to_string()]);
    // Another organisation with no role cannot escalate; the accountable receiver can.
    let mut by_ggz = steps.clone();
    by_ggz.push((GGZ, CaseEvent::ReEscalated { reason: "x".into() }));
    assert!(run(&by_ggz).is_err());
    steps.push((
        LT,
        CaseEvent::ReEscalated {
            reason: "Voorwaarde c2 niet nageleefd".into(),
        },
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

#[test]
fn monitoring_checks_every_condition_and_only_known_ones() {
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["c1", "c2"]);
    steps.push((VT, offered("h1", LT, &["c1", "c2"])));
    steps.push((LT, accepted("h1")));
    let field_of = |conditions: Vec<(String, bool)>| {
        let mut attempt = steps.clone();
        attempt.push((
            VT,
            CaseEvent::MonitoringRecorded {
                moment: "6_weken".into(),
                conditions_met: conditions,
            },
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
fn a_note_changes_nothing_but_needs_text_and_an_open_case() {
    use super::{CaseEvent, CaseKind, EventContext, apply};
    use crate::org::OrgKind;
    let ctx = EventContext {
        at: time::macros::datetime!(2026-03-02 10:00 UTC),
        org_id: "vt".into(),
        org_kind: OrgKind::VeiligThuis,
    };
    let opened = CaseEvent::Opened {
        case_kind: CaseKind::Melding,
        received_at: ctx.at,
        accountable_org: "vt".into(),
    };
    let s = apply(None, &opened, &ctx).unwrap();
    let noted = apply(
        Some(&s),
        &CaseEvent::NoteAdded {
            text: "Gebeld met school.".into(),
        },
        &ctx,
    )
    .unwrap();
    assert_eq!(noted, s);
    assert!(apply(Some(&s), &CaseEvent::NoteAdded { text: "  ".into() }, &ctx).is_err());
    assert!(apply(None, &CaseEvent::NoteAdded { text: "x".into() }, &ctx).is_err());
}

#[test]
fn feedback_for_a_handed_over_case_names_the_receiver_and_shows_conditions_only_to_a_reporter_with_a_role()
 {
    use crate::feedback::{Feedback, compose, input_for_case};
    let mut steps = up_to_decision("overdracht_lokaal_veld", &["Vader komt niet in de woning"]);
    steps.push((VT, offered("h1", LT, &["Vader komt niet in de woning"])));
    let s = run(&steps).unwrap();
    let name = |id: &str| {
        if id == LT {
            "Wijkteam Venlo".to_string()
        } else {
            id.to_string()
        }
    };
    for role in [false, true] {
        let input = input_for_case(&s, FeedbackMoment::NaBeoordeling, role, false, name).unwrap();
        assert_eq!(input.handover_parties, vec!["Wijkteam Venlo".to_string()]);
        let Feedback::Standard(content) = compose(&input).unwrap() else {
            panic!("standard feedback expected")
        };
        let text = content.text_nl();
        assert!(text.contains("Wijkteam Venlo"));
        assert_eq!(
            text.contains("Vader komt niet in de woning"),
            role,
            "role={role}: {text}"
        );
    }
    let before_decision = run(&up_to_decision("overdracht_lokaal_veld", &[])[..3]).unwrap();
    assert_eq!(
        input_for_case(
            &before_decision,
            FeedbackMoment::NaBeoordeling,
            false,
            false,
            name
        )
        .unwrap_err()
        .field,
        "besluit"
    );
}

#[test]
fn an_unmet_condition_demands_re_escalation_and_a_met_one_does_not() {
    let condition = "Geen geweld in bijzijn kinderen";
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &[condition]);
    steps.push((VT, offered("h1", LT, &[condition])));
    steps.push((LT, accepted("h1")));
    let record = |met: bool| CaseEvent::MonitoringRecorded {
        moment: "6_weken".into(),
        conditions_met: vec![(condition.into(), met)],
    };
    let mut met_steps = steps.clone();
    met_steps.push((VT, record(true)));
    assert_eq!(follow_up(&run(&met_steps).unwrap(), &record(true)), None);

    steps.push((VT, record(false)));
    let after = run(&steps).unwrap();
    let next = follow_up(&after, &record(false)).expect("re-escalation");
    assert!(matches!(&next, CaseEvent::ReEscalated { reason } if reason.contains(condition)));
    steps.push((VT, next));
    let s = run(&steps).unwrap();
    assert_eq!((s.phase, s.accountable()), (Phase::Intake, Some(VT)));
    assert!(s.monitoring.is_none());
}

#[test]
fn a_scored_instrument_is_kept_as_a_validated_record() {
    use crate::instruments::{InstrumentKind, InstrumentRecord};
    let dash = |n: usize| InstrumentRecord {
        kind: InstrumentKind::Dash,
        version: "2009".into(),
        item_scores: vec!["ja".to_string(); n],
        overall_judgement: Some("hoog".into()),
    };
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["Geen geweld"]);
    steps.push((
        VT,
        CaseEvent::InstrumentScored {
            record: dash(27),
            assessor: "vt.mw".into(),
        },
    ));
    let s = run(&steps).unwrap();
    assert_eq!(s.instruments, vec![dash(27)]);
    steps.pop();
    steps.push((
        VT,
        CaseEvent::InstrumentScored {
            record: dash(26),
            assessor: "vt.mw".into(),
        },
    ));
    let (_, err) = run(&steps).unwrap_err();
    assert!(
        matches!(err, TransitionError::Field(ref f) if f.field == "items"),
        "{err:?}"
    );
}

#[test]
fn the_regiehouder_comes_from_the_accepting_organisation() {
    let members = vec!["u-team-1".to_string(), "u-team-2".to_string()];
    assert!(super::check_regiehouder("u-team-2", &members).is_ok());
    let err = super::check_regiehouder("u-vt-1", &members).unwrap_err();
    assert_eq!(err.field, "regiehouder");
    assert!(super::check_regiehouder("u-team-1", &[]).is_err());
}

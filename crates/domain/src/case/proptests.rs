//! Property tests: random event sequences, rejected events skipped, invariants checked on every
//! reachable state (RULES.md 0 and 2.5; DESIGN.md principle 3).

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use time::macros::datetime;

use super::*;
use crate::calendar::{HolidayCalendar, Terms};
use crate::classification::{MeldingClass, VervolgMoment};

const VT: &str = "vt";
const ORGS: [&str; 3] = ["vt", "lt", "ggz"];

fn org_strategy() -> impl Strategy<Value = &'static str> {
    // Mostly Veilig Thuis, which does most of the work, so that sequences get deep.
    prop_oneof![4 => Just("vt"), 2 => Just("lt"), 1 => Just("ggz")]
}

fn names(n: usize) -> Vec<String> {
    ["c1", "c2"].iter().take(n).map(|s| s.to_string()).collect()
}

fn event_strategy() -> impl Strategy<Value = CaseEvent> {
    let id = prop_oneof![Just("h1"), Just("h2"), Just("h3")].prop_map(String::from);
    let track = prop_oneof![
        Just("overdracht_lokaal_veld"),
        Just("voorwaarden_en_vervolg"),
        Just("onderzoek"),
        Just("beeindigen_betrokkenheid"),
        Just("omzetten_naar_advies"),
        Just("regionaal_maatwerk"),
        Just("onbekend_traject"),
    ]
    .prop_map(String::from);
    let text = prop_oneof![3 => Just("reden"), 1 => Just("")].prop_map(String::from);
    let class = prop_oneof![
        Just(None),
        Just(Some(MeldingClass::EersteMelding)),
        Just(Some(MeldingClass::Hermelding)),
        Just(Some(MeldingClass::Vervolgmelding(
            VervolgMoment::NaBeoordeling
        ))),
    ];
    prop_oneof![
        3 => (any::<bool>(), class).prop_map(|(advies, classification)| {
            let mut intake = crate::intake::tests::melding();
            if advies {
                intake.case_kind = CaseKind::Advies;
            }
            CaseEvent::Intake(IntakeEvent::IntakeRecorded { intake: Box::new(intake), classification, n: None, })
        }),
        1 => text.clone().prop_map(|reason| CaseEvent::Intake(IntakeEvent::ConvertedToMelding { reason, classification: None, linked: Vec::new() })),
        1 => text.clone().prop_map(|reason| CaseEvent::Intake(IntakeEvent::ConvertedToAdvies { reason })),
        4 => any::<bool>().prop_map(|acute| CaseEvent::Triage(TriageEvent::UrgencyAssessed { acute, melding: None })),
        4 => (any::<bool>(), any::<bool>(), proptest::option::of(any::<bool>())).prop_map(|(a, b, c)| {
            CaseEvent::Triage(TriageEvent::SafetyAssessed {
                acute_unsafety: a,
                structural_unsafety: b,
                multi_problem: c,
                instrument: "triage_vt".into(),
                instrument_version: "0.6".into(),
                assessor: "m".into(),
                melding: None,
            })
        }),
        4 => (track.clone(), 0_usize..3).prop_map(|(track, n)| CaseEvent::Triage(TriageEvent::FollowUpDecided {
            track,
            veiligheidsvoorwaarden: names(n),
        })),
        2 => (track.clone(), 0_usize..3, text.clone()).prop_map(|(track, n, reason)| CaseEvent::Triage(TriageEvent::FollowUpRevised {
            track,
            veiligheidsvoorwaarden: names(n),
            reason,
        })),
        4 => (id.clone(), prop_oneof![Just("lt"), Just("ggz"), Just("vt")], 0_usize..3).prop_map(
            |(handover_id, to, n)| CaseEvent::Handover(HandoverEvent::Offered {
                handover_id,
                to_org: to.into(),
                veiligheidsvoorwaarden: names(n),
                monitoring_agreements: vec!["afspraak".into()],
                conditions_dropped_reason: None,
            })
        ),
        4 => id.clone().prop_map(|handover_id| CaseEvent::Handover(HandoverEvent::Accepted {
            handover_id,
            regiehouder_user: "r".into(),
        })),
        1 => (id.clone(), text.clone()).prop_map(|(handover_id, reason)| CaseEvent::Handover(HandoverEvent::Refused { handover_id, reason })),
        1 => (id, text.clone()).prop_map(|(handover_id, reason)| CaseEvent::Handover(HandoverEvent::Withdrawn { handover_id, reason })),
        3 => (any::<bool>(), any::<bool>(), 1_usize..3).prop_map(|(a, b, n)| {
            CaseEvent::Monitoring(MonitoringEvent::Recorded {
                moment: "6_weken".into(),
                conditions_met: names(n).into_iter().zip([a, b]).collect(),
                report: None,
            })
        }),
        2 => text.clone().prop_map(|reason| CaseEvent::Monitoring(MonitoringEvent::ReEscalated { reason })),
        2 => text.clone().prop_map(|reason| CaseEvent::Monitoring(MonitoringEvent::Ended { reason })),
        2 => prop_oneof![Just(OnderzoekOutcome::Bevestigd), Just(OnderzoekOutcome::Weerlegd)]
            .prop_map(|outcome| CaseEvent::Triage(TriageEvent::OnderzoekCompleted { outcome })),
        2 => prop_oneof![Just(FeedbackMoment::NaBeoordeling), Just(FeedbackMoment::NaOnderzoek)]
            .prop_map(|moment| CaseEvent::Feedback(FeedbackEvent::Given { moment })),
        3 => text.prop_map(|reason| CaseEvent::Case(CaseWide::Closed { reason })),
        1 => Just(CaseEvent::Case(CaseWide::Reopened)),
    ]
}

fn history_strategy() -> impl Strategy<Value = (CaseKind, Vec<(&'static str, CaseEvent)>)> {
    (
        prop_oneof![Just(CaseKind::Melding), Just(CaseKind::Advies)],
        proptest::collection::vec((org_strategy(), event_strategy()), 0..80),
    )
}

fn kind_of(org: &str) -> OrgKind {
    match org {
        "vt" => OrgKind::VeiligThuis,
        "lt" => OrgKind::LokaalTeam,
        _ => OrgKind::Zorg,
    }
}

/// Runs a history, skipping rejected events, and calls `check` with (before, event, ctx, after)
/// for every accepted event.
fn walk(
    kind: CaseKind,
    history: &[(&'static str, CaseEvent)],
    mut check: impl FnMut(
        &CaseState,
        &CaseEvent,
        &EventContext,
        &CaseState,
    ) -> Result<(), TestCaseError>,
) -> Result<CaseState, TestCaseError> {
    let start = datetime!(2026-01-05 09:00 +1);
    let open = CaseEvent::Intake(IntakeEvent::Opened {
        case_kind: kind,
        received_at: start,
        accountable_org: VT.into(),
    });
    let ctx0 = EventContext {
        at: start,
        org_id: VT.into(),
        org_kind: OrgKind::VeiligThuis,
    };
    let mut state = apply(None, &open, &ctx0).map_err(|e| TestCaseError::fail(e.to_string()))?;
    for (i, (org, event)) in history.iter().enumerate() {
        let ctx = EventContext {
            at: start + time::Duration::days(i as i64 + 1),
            org_id: (*org).into(),
            org_kind: kind_of(org),
        };
        if let Ok(next) = apply(Some(&state), event, &ctx) {
            check(&state, event, &ctx, &next)?;
            state = next;
        }
    }
    Ok(state)
}

fn check_invariants(
    before: &CaseState,
    event: &CaseEvent,
    ctx: &EventContext,
    after: &CaseState,
) -> Result<(), TestCaseError> {
    // Exactly one accountable organisation while open, and a known one.
    if after.is_open() {
        let accountable = after.accountable();
        prop_assert!(
            accountable.is_some_and(|a| ORGS.contains(&a)),
            "{accountable:?}"
        );
    } else {
        prop_assert!(after.accountable().is_none());
        // Closed only with nothing left hanging.
        prop_assert!(after.open_handover.is_none());
        prop_assert!(after.monitoring.is_none());
        prop_assert!(after.feedback_pending.is_empty());
    }
    // Accountability changes only by acceptance (to the accepting receiver) or re-escalation (to VT).
    if after.accountable_org != before.accountable_org {
        match event {
            CaseEvent::Handover(HandoverEvent::Accepted { .. }) => {
                let offered_to = before.open_handover.as_ref().map(|h| h.to_org.as_str());
                prop_assert_eq!(offered_to, Some(ctx.org_id.as_str()));
                prop_assert_eq!(&after.accountable_org, &ctx.org_id);
            }
            CaseEvent::Monitoring(MonitoringEvent::ReEscalated { .. }) => {
                prop_assert_eq!(&after.accountable_org, &after.vt_org)
            }
            other => prop_assert!(false, "accountability moved by {}", other.name()),
        }
    }
    // While a handover is open, VT stays accountable; the phase says so.
    if let Some(h) = &after.open_handover {
        prop_assert_eq!(&after.accountable_org, &after.vt_org);
        prop_assert_ne!(&h.to_org, &after.vt_org);
        prop_assert_eq!(after.phase, Phase::Overdracht);
    } else {
        prop_assert_ne!(after.phase, Phase::Overdracht);
    }
    prop_assert_eq!(after.monitoring.is_some(), after.phase == Phase::Monitoring);
    // Intakes only grow, one at a time, by an intake event; the first matches the case's kind and a
    // later one is a vervolgmelding joining an open melding casus (RULES.md 3).
    if let CaseEvent::Intake(IntakeEvent::IntakeRecorded { .. }) = event {
        prop_assert_eq!(after.intakes.len(), before.intakes.len() + 1);
        prop_assert!(before.is_open());
        if let Some(last) = after.intakes.last() {
            if before.intakes.is_empty() {
                prop_assert_eq!(last.intake.case_kind, before.case_kind);
                prop_assert!(!matches!(
                    last.classification,
                    Some(MeldingClass::Vervolgmelding(_))
                ));
            } else {
                prop_assert_eq!(before.case_kind, CaseKind::Melding);
                prop_assert!(matches!(
                    last.classification,
                    Some(MeldingClass::Vervolgmelding(_))
                ));
            }
            prop_assert_eq!(
                last.classification.is_none(),
                last.intake.case_kind == CaseKind::Advies
            );
        }
    } else {
        prop_assert_eq!(&after.intakes, &before.intakes);
    }
    // An opened handover id is never reused.
    let mut ids = after.handover_ids.clone();
    ids.sort();
    ids.dedup();
    prop_assert_eq!(ids.len(), after.handover_ids.len());
    // No deadline passes unseen: a melding in assessment always has its assessment deadline, an
    // open handover its acceptance deadline in the receiver's queue; a closed case has none.
    let deadlines = after.deadlines(&HolidayCalendar::default(), &Terms::default());
    if !after.is_open() {
        prop_assert!(deadlines.is_empty());
    }
    if after.case_kind == CaseKind::Melding
        && matches!(after.phase, Phase::Intake | Phase::Beoordeling)
    {
        prop_assert!(
            deadlines
                .iter()
                .any(|d| d.what == DeadlineKind::Veiligheidsbeoordeling)
        );
    }
    if let Some(h) = &after.open_handover {
        let in_receivers_queue = deadlines.iter().any(|d| {
            matches!(&d.what, DeadlineKind::OverdrachtAccepteren { handover_id } if *handover_id == h.id)
                && d.owner_org == h.to_org
        });
        prop_assert!(in_receivers_queue);
    }
    for d in &deadlines {
        let receiver = after.open_handover.as_ref().map(|h| h.to_org.as_str());
        // The accountable organisation hears of a melding that joined its case (issue 7 item 1);
        // besides Veilig Thuis and the receiver, a former regiehouder is told that its case went
        // back to Veilig Thuis (issue 7 item 7), a notice, not a term.
        let former = d.what == DeadlineKind::TerugBijVeiligThuis
            && after.former_regie.iter().any(|f| f.org == d.owner_org);
        prop_assert!(
            d.owner_org == after.vt_org
                || Some(d.owner_org.as_str()) == receiver
                || d.owner_org == after.accountable_org
                || former
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn invariants_hold_on_every_reachable_state((kind, history) in history_strategy()) {
        walk(kind, &history, check_invariants)?;
    }

    #[test]
    fn rejected_events_change_nothing_and_replay_is_deterministic((kind, history) in history_strategy()) {
        // Folding the accepted events again gives the same state.
        let mut accepted: Vec<(CaseEvent, EventContext)> = Vec::new();
        let last = walk(kind, &history, |_, e, c, _| {
            accepted.push((e.clone(), c.clone()));
            Ok(())
        })?;
        let start = datetime!(2026-01-05 09:00 +1);
        let open = CaseEvent::Intake(IntakeEvent::Opened { case_kind: kind, received_at: start, accountable_org: VT.into() });
        let ctx0 = EventContext { at: start, org_id: VT.into(), org_kind: OrgKind::VeiligThuis };
        let replayed = replay(
            std::iter::once((&open, &ctx0)).chain(accepted.iter().map(|(e, c)| (e, c))),
        );
        prop_assert_eq!(replayed.ok().flatten(), Some(last));
    }
}

/// The generator must reach the deep states, or the properties above prove little.
#[test]
fn random_histories_reach_every_phase() {
    let mut runner = TestRunner::deterministic();
    let strategy = history_strategy();
    let mut seen = std::collections::HashSet::new();
    let mut accountability_moved = false;
    let mut re_escalated = false;
    let mut joined = false;
    for _ in 0..2000 {
        let (kind, history) = strategy.new_tree(&mut runner).unwrap().current();
        walk(kind, &history, |before, event, _, after| {
            seen.insert(after.phase);
            accountability_moved |= before.accountable_org != after.accountable_org;
            re_escalated |= matches!(
                event,
                CaseEvent::Monitoring(MonitoringEvent::ReEscalated { .. })
            );
            joined |= after.intakes.len() > 1;
            Ok(())
        })
        .unwrap();
    }
    for phase in [
        Phase::Advies,
        Phase::Intake,
        Phase::Beoordeling,
        Phase::Besloten,
        Phase::Overdracht,
        Phase::Overgedragen,
        Phase::Monitoring,
        Phase::Gesloten,
    ] {
        assert!(seen.contains(&phase), "never reached {phase:?}");
    }
    assert!(accountability_moved && re_escalated && joined);
}

//! Redaction on domain values: a handover receiver before acceptance, an organisation that is
//! accountable after it, break-the-glass and Veilig Thuis, on one case history.

use time::OffsetDateTime;
use time::macros::datetime;

use super::*;
use crate::access::{Actor, Resource, Sensitivity, disclose};
use crate::case::{EventContext, FeedbackMoment, apply};
use crate::instruments::{InstrumentKind, InstrumentRecord};
use crate::org::{OrgKind, Role};

const VT: &str = "vt-nml";
const LT: &str = "lt-venlo";
const BSN: &str = "111222333";
const STREET: &str = "Verzonnenstraat 12, Venlo";
const REPORTER: &str = "Mw. Voorbeeld";

fn view_of(kind: OrgKind, org: &str, participation: Option<Participation>, glass: bool) -> View {
    let actor = Actor {
        user_id: "u".into(),
        org_id: org.into(),
        org_kind: kind,
        role: Role::Medewerker,
        second_factor: true,
        break_glass: glass.then(|| "kind in acuut gevaar, VT gesloten".to_string()),
    };
    let mut participants = vec![(VT.to_string(), Participation::Accountable)];
    if let Some(p) = participation {
        participants.push((org.to_string(), p));
    }
    disclose(&actor, &Resource::case(participants, Sensitivity::Normal))
}

fn receiver() -> View {
    view_of(
        OrgKind::LokaalTeam,
        LT,
        Some(Participation::HandoverReceiver),
        false,
    )
}

fn accountable_team() -> View {
    view_of(
        OrgKind::LokaalTeam,
        LT,
        Some(Participation::Accountable),
        false,
    )
}

fn veilig_thuis() -> View {
    view_of(
        OrgKind::VeiligThuis,
        VT,
        Some(Participation::Accountable),
        false,
    )
}

fn break_glass() -> View {
    view_of(OrgKind::Politie, "politie", None, true)
}

fn melding(anonymous: bool) -> Intake {
    let mut i = crate::intake::tests::melding();
    i.melder.name = Some(REPORTER.into());
    i.melder.contact = Some("06-12345678".into());
    i.melder.org_id = Some("school-fictie".into());
    i.melder.anonymous_to_family = anonymous;
    i.betrokkenen[0].bsn = Some(BSN.into());
    i.betrokkenen[0].address = Some(STREET.into());
    i.normalised(None).expect("a valid melding")
}

fn history(anonymous: bool) -> Vec<CaseEvent> {
    vec![
        CaseEvent::Intake(IntakeEvent::Opened {
            case_kind: crate::case::CaseKind::Melding,
            received_at: datetime!(2026-03-12 10:00 +1),
            accountable_org: VT.into(),
        }),
        CaseEvent::Intake(IntakeEvent::IntakeRecorded {
            intake: Box::new(melding(anonymous)),
            classification: Some(crate::classification::MeldingClass::EersteMelding),
            n: None,
        }),
        CaseEvent::Triage(TriageEvent::UrgencyAssessed {
            acute: false,
            melding: None,
        }),
        CaseEvent::Triage(TriageEvent::SafetyAssessed {
            acute_unsafety: true,
            structural_unsafety: true,
            multi_problem: None,
            instrument: "triage_vt".into(),
            instrument_version: "0.6".into(),
            assessor: "Medewerker Eén".into(),
            melding: None,
        }),
        CaseEvent::Triage(TriageEvent::InstrumentScored {
            record: InstrumentRecord {
                kind: InstrumentKind::Dash,
                version: "2009".into(),
                item_scores: vec!["ja".to_string(); 27],
                overall_judgement: Some("hoog".into()),
            },
            assessor: "Medewerker Eén".into(),
        }),
        CaseEvent::Case(CaseWide::NoteAdded {
            text: "Buurvrouw Voorbeeld belde opnieuw.".into(),
        }),
        CaseEvent::Triage(TriageEvent::FollowUpDecided {
            track: "overdracht_lokaal_veld".into(),
            veiligheidsvoorwaarden: vec!["Vader verblijft niet in de woning".into()],
        }),
        CaseEvent::Feedback(FeedbackEvent::Given {
            moment: FeedbackMoment::NaBeoordeling,
        }),
        CaseEvent::Handover(HandoverEvent::Offered {
            handover_id: "h-1".into(),
            to_org: LT.into(),
            veiligheidsvoorwaarden: vec!["Vader verblijft niet in de woning".into()],
            monitoring_agreements: vec!["Na 6 weken overleg".into()],
            conditions_dropped_reason: None,
        }),
    ]
}

fn replayed(events: &[CaseEvent]) -> CaseState {
    let start: OffsetDateTime = datetime!(2026-03-12 10:00 +1);
    let mut state: Option<CaseState> = None;
    for (i, e) in events.iter().enumerate() {
        let ctx = EventContext {
            at: start + time::Duration::hours(i as i64),
            org_id: VT.into(),
            org_kind: OrgKind::VeiligThuis,
        };
        state = Some(apply(state.as_ref(), e, &ctx).expect("a valid history"));
    }
    state.expect("events")
}

fn json(events: &[Disclosed]) -> String {
    events
        .iter()
        .map(|d| match d {
            Disclosed::Shown(e) => serde_json::to_string(e).unwrap_or_default(),
            Disclosed::Withheld { kind, category } => format!("{kind}:{}", category.code()),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn disclosed(view: &View, anonymous: bool) -> Vec<Disclosed> {
    history(anonymous).iter().map(|e| event(e, view)).collect()
}

#[test]
fn a_receiver_before_acceptance_sees_the_household_and_the_conditions_only() {
    let out = disclosed(&receiver(), false);
    let text = json(&out);
    for secret in [
        BSN,
        STREET,
        REPORTER,
        "06-12345678",
        "Basisschool De Fictie",
        "school-fictie",
        "onderwijs",
        "Verzonnen",
        "2017-05-01",
        "ruzies",
        "Buurvrouw",
        "Medewerker Eén",
        "hoog",
    ] {
        assert!(!text.contains(secret), "{secret} leaked:\n{text}");
    }
    for needed in [
        "Fenna",
        "kind_in_gezin",
        "Venlo",
        "psychisch_geweld",
        "complexe_scheiding",
        "Vader verblijft niet in de woning",
        "Na 6 weken overleg",
        "overdracht_lokaal_veld",
        "\"anoniem_naar_gezin\":false",
    ] {
        assert!(text.contains(needed), "{needed} missing:\n{text}");
    }
    assert_eq!(
        out[3],
        Disclosed::Withheld {
            kind: "safety_assessed",
            category: DataCategory::RiskAssessment
        }
    );
    assert_eq!(
        out[4],
        Disclosed::Withheld {
            kind: "instrument_scored",
            category: DataCategory::RiskAssessment
        }
    );
    assert_eq!(
        out[5],
        Disclosed::Withheld {
            kind: "note_added",
            category: DataCategory::Journal
        }
    );
    // The household: first name, age at receipt instead of the date of birth, gender and role.
    let Disclosed::Shown(CaseEvent::Intake(IntakeEvent::IntakeRecorded { intake: i, .. })) =
        &out[1]
    else {
        panic!("intake withheld: {:?}", out[1]);
    };
    let child = &i.betrokkenen[0];
    assert_eq!(
        (
            child.name.as_deref(),
            child.birth_date,
            child.estimated_age,
            child.bsn.as_deref(),
            child.address.as_deref()
        ),
        (Some("Fenna"), None, Some(8), Some(WITHHELD), Some(WITHHELD))
    );
    assert_eq!(i.description, WITHHELD);
}

#[test]
fn an_anonymous_reporter_stays_hidden_from_the_accountable_team_and_break_the_glass() {
    for view in [accountable_team(), break_glass()] {
        let text = json(&disclosed(&view, true));
        for secret in [
            REPORTER,
            "06-12345678",
            "Basisschool De Fictie",
            "onderwijs",
        ] {
            assert!(!text.contains(secret), "{secret} leaked:\n{text}");
        }
        // Everything else is there, the special categories included.
        for needed in [
            BSN,
            STREET,
            "Fenna Verzonnen",
            "2017-05-01",
            "ruzies",
            "hoog",
        ] {
            assert!(text.contains(needed), "{needed} missing:\n{text}");
        }
        // A reporter who did not ask for anonymity is shown.
        let plain: Vec<Disclosed> = history(false).into_iter().map(Disclosed::Shown).collect();
        assert_eq!(disclosed(&view, false), plain);
    }
}

#[test]
fn veilig_thuis_sees_everything_even_an_anonymous_reporter() {
    for anonymous in [false, true] {
        let all: Vec<Disclosed> = history(anonymous)
            .into_iter()
            .map(Disclosed::Shown)
            .collect();
        assert_eq!(disclosed(&veilig_thuis(), anonymous), all);
        let s = replayed(&history(anonymous));
        assert_eq!(state(&s, &veilig_thuis()), s);
    }
}

#[test]
fn free_text_reasons_are_journal() {
    let closed = CaseEvent::Case(CaseWide::Closed {
        reason: "Moeder belde, vader is vertrokken".into(),
    });
    assert_eq!(
        event(&closed, &receiver()),
        Disclosed::Shown(CaseEvent::Case(CaseWide::Closed {
            reason: WITHHELD.into()
        }))
    );
    assert_eq!(
        event(&closed, &accountable_team()),
        Disclosed::Shown(closed.clone())
    );
    assert_eq!(
        event(&closed, &View::nothing()),
        Disclosed::Shown(CaseEvent::Case(CaseWide::Closed {
            reason: WITHHELD.into()
        }))
    );
}

#[test]
fn the_redacted_state_keeps_the_lifecycle_and_drops_what_the_receiver_may_not_see() {
    let full = replayed(&history(true));
    let seen = state(&full, &receiver());
    let calendar = crate::calendar::HolidayCalendar::default();
    let terms = crate::calendar::Terms::default();
    assert_eq!(seen.phase, full.phase);
    assert_eq!(seen.open_handover, full.open_handover);
    assert_eq!(seen.decision, full.decision);
    assert_eq!(
        seen.deadlines(&calendar, &terms),
        full.deadlines(&calendar, &terms)
    );
    assert!(seen.safety.is_none() && seen.instruments.is_empty());
    assert!(full.safety.is_some() && !full.instruments.is_empty());
    let text = serde_json::to_string(&seen).unwrap_or_default();
    for secret in [
        BSN,
        STREET,
        REPORTER,
        "Verzonnen",
        "ruzies",
        "Medewerker Eén",
    ] {
        assert!(!text.contains(secret), "{secret} leaked:\n{text}");
    }
}

#[test]
fn a_reporting_organisation_is_listed_only_where_its_reporter_is_shown() {
    let all = vec![
        (VT.to_string(), Participation::Accountable),
        (LT.to_string(), Participation::HandoverReceiver),
        ("school-fictie".to_string(), Participation::Reporter),
    ];
    let anonymous = melding(true);
    let open = melding(false);
    let without = all[..2].to_vec();
    assert_eq!(
        participants(&all, &veilig_thuis(), &[&anonymous.melder]),
        all
    );
    assert_eq!(
        participants(&all, &accountable_team(), &[&anonymous.melder]),
        without
    );
    assert_eq!(
        participants(&all, &accountable_team(), &[&open.melder]),
        all
    );
    assert_eq!(participants(&all, &receiver(), &[&open.melder]), without);
}

#[test]
fn names_and_dates_of_birth_of_persons() {
    assert_eq!(name("Fenna de Vries", &receiver()), "Fenna");
    assert_eq!(
        name("Fenna de Vries", &accountable_team()),
        "Fenna de Vries"
    );
    assert_eq!(name("Fenna de Vries", &View::nothing()), WITHHELD);
    assert_eq!(
        birth_date_text("2017-05-01", &receiver()).as_deref(),
        Some("2017")
    );
    assert_eq!(
        birth_date_text("2017-05-01", &accountable_team()).as_deref(),
        Some("2017-05-01")
    );
    assert_eq!(birth_date_text("2017-05-01", &View::nothing()), None);
    assert_eq!(
        bsn(&Some(BSN.into()), &receiver()).as_deref(),
        Some(WITHHELD)
    );
    assert_eq!(bsn(&None, &receiver()), None);
}

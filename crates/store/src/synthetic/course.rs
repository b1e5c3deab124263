//! The course of one synthetic case: its intake and what happens after, as domain events.

use schakel_domain::case::{
    CaseEvent, CaseKind, CaseWide, FeedbackEvent, FeedbackMoment, HandoverEvent, IntakeEvent,
    MonitoringEvent, OnderzoekOutcome, TriageEvent,
};
use schakel_domain::classification::MeldingClass;
use schakel_domain::intake::{Betrokkene, Gender, Intake, Melder};
use schakel_domain::org::OrgKind;
use time::{Duration, OffsetDateTime};

use super::{PlannedIntake, Rng, SyntheticConfig};
use crate::cases::Author;
use crate::casework::{CaseWork, Step};

/// Plainly invented surnames: nobody should mistake a synthetic case for a real family.
const SURNAMES: [&str; 12] = [
    "Verzonnen",
    "Fictief",
    "Voorbeeld",
    "Proefmans",
    "Testeling",
    "Denkbeeld",
    "Namaak",
    "Schijnveld",
    "Bedachtsma",
    "Verdichter",
    "Fantasia",
    "Nepperman",
];
const FIRST_NAMES: [&str; 16] = [
    "Anna", "Bram", "Fenna", "Daan", "Sanne", "Luuk", "Noor", "Sem", "Lotte", "Milan", "Iris",
    "Jesse", "Roos", "Thijs", "Ela", "Kacper",
];
const MELDER_TYPES: [&str; 8] = [
    "justitie_en_veiligheid",
    "justitie_en_veiligheid",
    "justitie_en_veiligheid",
    "onderwijs",
    "gezondheidszorg",
    "niet_beroepsmatig",
    "jeugdzorg",
    "andere_organisatie",
];
const CHANNELS: [&str; 4] = ["politiemelding", "telefoon", "web", "mail"];

fn vt_author(config: &SyntheticConfig) -> Author {
    Author {
        user_id: "synthetisch-vt".into(),
        org_id: config.vt_org_id.clone(),
        on_behalf_of: None,
    }
}

fn role_for(i: usize, age: u32, adults_before: usize) -> &'static str {
    match (age >= 18, adults_before, i) {
        (true, 0, _) => "pleger",
        (true, 1, _) => "slachtoffer",
        (true, _, _) => "ander_gezinslid",
        (false, _, 0) => "slachtoffer",
        (false, _, _) => "kind_in_gezin",
    }
}

fn intake(config: &SyntheticConfig, p: &PlannedIntake, n: usize, rng: &mut Rng) -> Intake {
    let gemeente = config
        .local_teams
        .get(p.gemeente)
        .map(|(g, _)| g.clone())
        .unwrap_or_default();
    let surname = rng.pick(&SURNAMES).copied().unwrap_or("Verzonnen");
    let received_on = schakel_domain::calendar::dutch_local_date(p.received_at);
    let mut adults = 0;
    let betrokkenen = p
        .ages
        .iter()
        .enumerate()
        .map(|(i, age)| {
            let role = role_for(i, *age, adults);
            if *age >= 18 {
                adults += 1;
            }
            let first = rng.pick(&FIRST_NAMES).copied().unwrap_or("Anna");
            // A birthday that gives exactly this age on the day of receipt.
            let birth = received_on
                .replace_year(received_on.year() - *age as i32)
                .unwrap_or_else(|_| received_on - Duration::days(365 * i64::from(*age)))
                - Duration::days(rng.below(360) as i64);
            let estimated = !p.melding || rng.percent(5);
            Betrokkene {
                person_id: format!("syn-{}-{n}-{i}", config.seed),
                role: role.into(),
                name: p.melding.then(|| format!("{first} {surname}")),
                birth_date: (!estimated).then_some(birth),
                estimated_age: estimated.then_some(*age),
                gender: if rng.percent(50) {
                    Gender::Vrouw
                } else {
                    Gender::Man
                },
                bsn: None,
                address: None,
                gemeente: gemeente.clone(),
            }
        })
        .collect();
    Intake {
        case_kind: if p.melding {
            CaseKind::Melding
        } else {
            CaseKind::Advies
        },
        received_at: p.received_at,
        channel: rng.pick(&CHANNELS).copied().unwrap_or("telefoon").into(),
        melder: Melder {
            melder_type: rng
                .pick(&MELDER_TYPES)
                .copied()
                .unwrap_or("onderwijs")
                .into(),
            name: None,
            organisation: None,
            org_id: None,
            contact: None,
            anonymous_to_family: rng.percent(10),
            has_role: false,
            informant_doctor: false,
        },
        betrokkenen,
        violence_version: "regio-2018".into(),
        violence: p.violence.iter().map(|v| v.to_string()).collect(),
        specific_groups: if rng.percent(10) {
            vec!["complexe_scheiding".into()]
        } else {
            Vec::new()
        },
        description: "Synthetische casus voor de demo; alle gegevens zijn verzonnen.".into(),
    }
}

/// The whole course of case number `n` as work for `record_many`.
pub(super) fn case_work(config: &SyntheticConfig, p: &PlannedIntake, n: usize) -> CaseWork {
    let mut rng = Rng::new(p.course);
    let case_id = format!("syn-{}-{}-{n:07}", config.year, config.seed);
    let at = |hours: i64| p.received_at + Duration::hours(hours);
    let vt = |at: OffsetDateTime, events: Vec<CaseEvent>| Step {
        author: vt_author(config),
        org_kind: OrgKind::VeiligThuis,
        at,
        events,
    };
    let intake = intake(config, p, n, &mut rng);
    let kind = intake.case_kind;
    let mut first = vec![
        CaseEvent::Intake(IntakeEvent::Opened {
            case_kind: kind,
            received_at: p.received_at,
            accountable_org: config.vt_org_id.clone(),
        }),
        CaseEvent::Intake(IntakeEvent::IntakeRecorded {
            intake: Box::new(intake),
            classification: p.melding.then_some(MeldingClass::EersteMelding),
        }),
    ];
    if !p.melding {
        // Most adviezen are answered and closed; a few stay open.
        if rng.percent(90) {
            first.push(CaseEvent::Case(CaseWide::Closed {
                reason: "Advies gegeven".into(),
            }));
        }
        return CaseWork {
            case_id,
            expected_seq: 0,
            steps: vec![vt(p.received_at, first)],
        };
    }
    let mut steps = Vec::new();
    let acute = rng.percent(8);
    first.push(CaseEvent::Triage(TriageEvent::UrgencyAssessed { acute }));
    let stage = rng.below(100);
    if stage < 4 {
        // Still in the assessment.
        steps.push(vt(p.received_at, first));
        return CaseWork {
            case_id,
            expected_seq: 0,
            steps,
        };
    }
    let structural = rng.percent(60);
    first.push(CaseEvent::Triage(TriageEvent::SafetyAssessed {
        acute_unsafety: acute,
        structural_unsafety: structural,
        multi_problem: Some(rng.percent(40)),
        instrument: "triage_vt".into(),
        instrument_version: "0.6".into(),
        assessor: "synthetisch-vt".into(),
    }));
    let team = config.local_teams.get(p.gemeente).map(|(_, t)| t.clone());
    let track = match (rng.below(100), &team) {
        (0..=44, Some(_)) => "overdracht_lokaal_veld",
        (45..=59, Some(_)) => "voorwaarden_en_vervolg",
        (60..=69, _) => "onderzoek",
        _ => "beeindigen_betrokkenheid",
    };
    let conditions: Vec<String> = if track == "voorwaarden_en_vervolg" || rng.percent(30) {
        vec![
            "Geen fysiek geweld".into(),
            "Kinderen gaan naar school".into(),
        ]
    } else {
        Vec::new()
    };
    first.push(CaseEvent::Triage(TriageEvent::FollowUpDecided {
        track: track.into(),
        veiligheidsvoorwaarden: if track == "voorwaarden_en_vervolg" {
            conditions.clone()
        } else {
            Vec::new()
        },
    }));
    first.push(CaseEvent::Feedback(FeedbackEvent::Given {
        moment: FeedbackMoment::NaBeoordeling,
    }));
    let decided = at(if acute { 20 } else { 72 });
    match (track, team) {
        ("onderzoek", _) => {
            steps.push(vt(decided, first));
            steps.push(vt(
                at(24 * 50),
                vec![
                    CaseEvent::Triage(TriageEvent::OnderzoekCompleted {
                        outcome: OnderzoekOutcome::Bevestigd,
                    }),
                    CaseEvent::Feedback(FeedbackEvent::Given {
                        moment: FeedbackMoment::NaOnderzoek,
                    }),
                    CaseEvent::Case(CaseWide::Closed {
                        reason: "Onderzoek afgerond".into(),
                    }),
                ],
            ));
        }
        ("overdracht_lokaal_veld" | "voorwaarden_en_vervolg", Some(team)) => {
            first.push(CaseEvent::Handover(HandoverEvent::Offered {
                handover_id: format!("{case_id}-h1"),
                to_org: team.clone(),
                veiligheidsvoorwaarden: conditions.clone(),
                monitoring_agreements: vec!["Elke 6 weken afstemming met Veilig Thuis".into()],
            }));
            steps.push(vt(decided, first));
            if rng.percent(5) {
                // Awaiting acceptance.
                return CaseWork {
                    case_id,
                    expected_seq: 0,
                    steps,
                };
            }
            let lt = |at: OffsetDateTime, events| Step {
                author: Author {
                    user_id: "synthetisch-lt".into(),
                    org_id: team.clone(),
                    on_behalf_of: None,
                },
                org_kind: OrgKind::LokaalTeam,
                at,
                events,
            };
            steps.push(lt(
                at(24 * 5),
                vec![CaseEvent::Handover(HandoverEvent::Accepted {
                    handover_id: format!("{case_id}-h1"),
                    regiehouder_user: "regisseur-synthetisch".into(),
                })],
            ));
            if !conditions.is_empty() {
                let met: Vec<(String, bool)> =
                    conditions.iter().map(|c| (c.clone(), true)).collect();
                let mut monitoring = vec![CaseEvent::Monitoring(MonitoringEvent::Recorded {
                    moment: "6_weken".into(),
                    conditions_met: met.clone(),
                    report: None,
                })];
                if rng.percent(60) {
                    monitoring.push(CaseEvent::Monitoring(MonitoringEvent::Ended {
                        reason: "Veiligheidsvoorwaarden duurzaam nageleefd".into(),
                    }));
                    steps.push(vt(at(24 * 50), monitoring));
                } else {
                    steps.push(vt(at(24 * 50), monitoring));
                    return CaseWork {
                        case_id,
                        expected_seq: 0,
                        steps,
                    };
                }
            }
            if rng.percent(70) {
                steps.push(lt(
                    at(24 * 120),
                    vec![CaseEvent::Case(CaseWide::Closed {
                        reason: "Hulp afgerond".into(),
                    })],
                ));
            }
        }
        _ => {
            first.push(CaseEvent::Case(CaseWide::Closed {
                reason: "Geen vervolg door Veilig Thuis nodig".into(),
            }));
            steps.push(vt(decided, first));
        }
    }
    CaseWork {
        case_id,
        expected_seq: 0,
        steps,
    }
}

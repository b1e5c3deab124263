//! The course of one synthetic case: its intake and what the workers do after it, as the commands
//! they would give, each with its moment and who gives it. The runner ([`super::run`]) gives them
//! through the use cases at those moments; whatever lies after the period's end is not done yet,
//! which is what makes recent work open.

use schakel_domain::calendar::dutch_local_date;
use schakel_domain::case::{CaseKind, FeedbackMoment, OnderzoekOutcome};
use schakel_domain::intake::{Betrokkene, Gender, Intake, Melder};
use schakel_domain::monitoring::MonitoringMoment;
use time::{Duration, OffsetDateTime, UtcOffset};

use super::plan::{PlannedIntake, Rng};
use crate::CaseCommand;

/// Kinds of reporter, roughly as CBS reports them for Veilig Thuis meldingen (police most of all).
const MELDER_TYPES: [&str; 10] = [
    "justitie_en_veiligheid",
    "justitie_en_veiligheid",
    "justitie_en_veiligheid",
    "justitie_en_veiligheid",
    "onderwijs",
    "gezondheidszorg",
    "niet_beroepsmatig",
    "niet_beroepsmatig",
    "jeugdzorg",
    "andere_organisatie",
];
const CHANNELS: [&str; 4] = ["politiemelding", "telefoon", "web", "mail"];

/// Who gives a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// A Veilig Thuis worker (by number; the runner maps it onto the synthetic workers).
    Vt(u64),
    /// The regisseur of the lokaal team of the case's gemeente.
    Team,
}

/// One command at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub at: OffsetDateTime,
    pub by: Who,
    pub command: CaseCommand,
}

/// A case's course: the intake, then the steps on a casus of its own, or (when Schakel joins the
/// melding to an open casus of the same household) the steps on that casus.
#[derive(Debug, Clone)]
pub struct Course {
    pub intake: Intake,
    pub by: Who,
    pub own: Vec<Step>,
    pub joined: Vec<Step>,
}

/// The region's handles the course needs.
pub struct Handles<'a> {
    pub gemeente: &'a str,
    /// The lokaal team of the gemeente, if it has one.
    pub team: Option<&'a str>,
    pub regiehouder: Option<&'a str>,
    /// The region's monitoring moments.
    pub moments: &'a [MonitoringMoment],
}

fn intake(p: &PlannedIntake, n: usize, gemeente: &str, rng: &mut Rng) -> Intake {
    let betrokkenen = p
        .persons
        .iter()
        .enumerate()
        .scan(0, |adults, (i, person)| {
            let age = person.age_on(dutch_local_date(p.received_at));
            let role = match (age >= 18, *adults, i) {
                (true, 0, _) => "pleger",
                (true, 1, _) => "slachtoffer",
                (true, _, _) => "ander_gezinslid",
                (false, _, 0) => "slachtoffer",
                (false, _, _) => "kind_in_gezin",
            };
            if age >= 18 {
                *adults += 1;
            }
            Some(Betrokkene {
                // The use case gives every betrokkene its own id or links a known person.
                person_id: format!("nieuw-{n}-{i}"),
                role: role.into(),
                name: p
                    .melding
                    .then(|| format!("{} {}", person.first_name, p.surname)),
                birth_date: person.estimated_age.is_none().then_some(person.birth_date),
                estimated_age: person.estimated_age,
                gender: if person.female {
                    Gender::Vrouw
                } else {
                    Gender::Man
                },
                bsn: None,
                address: None,
                gemeente: gemeente.to_string(),
            })
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
            // Professionals often keep a role in the follow-up (RULES.md 2.4).
            has_role: rng.percent(30),
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

/// Writes steps in order, each some hours after the one before.
struct Steps {
    at: OffsetDateTime,
    out: Vec<Step>,
}

impl Steps {
    fn after(&mut self, hours: i64, by: Who, command: CaseCommand) {
        self.at += Duration::hours(hours);
        self.out.push(Step {
            at: self.at,
            by,
            command,
        });
    }
}

fn reason(text: &str) -> String {
    text.to_string()
}

/// Urgency, the veiligheidsbeoordeling and the decision. Most assessments take a few days, some
/// longer than the five working days, so a few recent ones are just overdue.
fn triage(s: &mut Steps, vt: Who, rng: &mut Rng, acute: bool, track: &str, conditions: &[String]) {
    s.after(
        1,
        vt,
        CaseCommand::AssessUrgency {
            acute,
            melding: None,
        },
    );
    let hours = if acute {
        18
    } else if rng.percent(8) {
        24 * 9
    } else {
        24 + 24 * rng.below(4) as i64
    };
    s.after(
        hours,
        vt,
        CaseCommand::AssessSafety {
            acute_unsafety: acute,
            structural_unsafety: rng.percent(60),
            multi_problem: Some(rng.percent(40)),
            instrument: "triage_vt".into(),
            instrument_version: "0.6".into(),
            melding: None,
        },
    );
    s.after(
        2,
        vt,
        CaseCommand::DecideFollowUp {
            track: track.into(),
            veiligheidsvoorwaarden: conditions.to_vec(),
        },
    );
    s.after(
        1,
        vt,
        CaseCommand::GiveFeedback {
            moment: FeedbackMoment::NaBeoordeling,
        },
    );
}

/// An onderzoek that ends `days` later with `outcome`, the reporter told, the case closed.
fn onderzoek(s: &mut Steps, vt: Who, days: i64, outcome: OnderzoekOutcome, closing: &str) {
    s.after(24 * days, vt, CaseCommand::CompleteOnderzoek { outcome });
    s.after(
        2,
        vt,
        CaseCommand::GiveFeedback {
            moment: FeedbackMoment::NaOnderzoek,
        },
    );
    s.after(
        1,
        vt,
        CaseCommand::Close {
            reason: reason(closing),
        },
    );
}

/// The whole course of planned intake number `n`.
pub fn course(p: &PlannedIntake, n: usize, h: &Handles<'_>) -> Course {
    let mut rng = Rng::new(p.course);
    let vt = Who::Vt(rng.next_u64());
    let intake = intake(p, n, h.gemeente, &mut rng);
    let mut s = Steps {
        at: p.received_at,
        out: Vec::new(),
    };
    if !p.melding {
        match rng.below(100) {
            // A few adviezen turn out to need a melding.
            _ if p.converted => {
                s.after(
                    20,
                    vt,
                    CaseCommand::ConvertToMelding {
                        reason: reason("Zorgen te groot voor een advies; melder stemt in"),
                    },
                );
                triage(&mut s, vt, &mut rng, false, "beeindigen_betrokkenheid", &[]);
                s.after(
                    1,
                    vt,
                    CaseCommand::Close {
                        reason: reason("Geen vervolg door Veilig Thuis nodig"),
                    },
                );
            }
            // Most adviezen are answered and closed the same day; a few take longer.
            0..=89 => s.after(
                1,
                vt,
                CaseCommand::Close {
                    reason: reason("Advies gegeven"),
                },
            ),
            _ => s.after(
                24 * 3,
                vt,
                CaseCommand::Close {
                    reason: reason("Advies gegeven na terugbellen"),
                },
            ),
        }
        return Course {
            intake,
            by: vt,
            own: s.out,
            joined: Vec::new(),
        };
    }
    let joined = {
        // A melding that joins an open casus is read for urgency and assessed like any other
        // (RULES.md 2.1), and what Veilig Thuis learnt goes into the casus.
        let mut j = Steps {
            at: p.received_at,
            out: Vec::new(),
        };
        j.after(
            1,
            vt,
            CaseCommand::AssessUrgency {
                acute: false,
                melding: None,
            },
        );
        j.after(
            24 + 24 * rng.below(3) as i64,
            vt,
            CaseCommand::AssessSafety {
                acute_unsafety: false,
                structural_unsafety: rng.percent(60),
                multi_problem: Some(rng.percent(40)),
                instrument: "triage_vt".into(),
                instrument_version: "0.6".into(),
                melding: None,
            },
        );
        j.after(
            2,
            vt,
            CaseCommand::AddNote {
                text: reason("Nieuwe melding over dit gezin; meegenomen in de lopende casus"),
            },
        );
        j.out
    };
    let acute = rng.percent(8);
    let track = match (rng.below(100), h.team) {
        (0..=44, Some(_)) => "overdracht_lokaal_veld",
        (45..=59, Some(_)) => "voorwaarden_en_vervolg",
        (60..=69, _) => "onderzoek",
        _ => "beeindigen_betrokkenheid",
    };
    let conditions: Vec<String> = if track == "voorwaarden_en_vervolg" {
        vec![
            "Geen fysiek geweld".into(),
            "Kinderen gaan naar school".into(),
        ]
    } else {
        Vec::new()
    };
    triage(&mut s, vt, &mut rng, acute, track, &conditions);
    match (track, h.team, h.regiehouder) {
        ("onderzoek", _, _) => {
            let outcome = if rng.percent(70) {
                OnderzoekOutcome::Bevestigd
            } else {
                OnderzoekOutcome::NietBevestigd
            };
            onderzoek(&mut s, vt, 45, outcome, "Onderzoek afgerond");
        }
        ("overdracht_lokaal_veld" | "voorwaarden_en_vervolg", Some(team), Some(regiehouder)) => {
            handover(&mut s, vt, &mut rng, team, regiehouder, &conditions, h);
        }
        _ => s.after(
            1,
            vt,
            CaseCommand::Close {
                reason: reason("Geen vervolg door Veilig Thuis nodig"),
            },
        ),
    }
    Course {
        intake,
        by: vt,
        own: s.out,
        joined,
    }
}

/// The warm handover to the team, sometimes refused once and offered again, then monitoring of the
/// conditions (met, or not met and back to Veilig Thuis) and, later, the team closing its work.
fn handover(
    s: &mut Steps,
    vt: Who,
    rng: &mut Rng,
    team: &str,
    regiehouder: &str,
    conditions: &[String],
    h: &Handles<'_>,
) {
    let offer = |conditions: &[String]| CaseCommand::OfferHandover {
        to_org: team.to_string(),
        veiligheidsvoorwaarden: conditions.to_vec(),
        monitoring_agreements: vec!["Elke 6 weken afstemming met Veilig Thuis".into()],
        conditions_dropped_reason: None,
    };
    s.after(2, vt, offer(conditions));
    if rng.percent(8) {
        s.after(
            24 * 2,
            Who::Team,
            CaseCommand::RefuseHandover {
                reason: reason("Gezin woont sinds kort buiten ons werkgebied; eerst afstemmen"),
            },
        );
        s.after(24, vt, offer(conditions));
    }
    s.after(
        24 + 24 * rng.below(4) as i64,
        Who::Team,
        CaseCommand::AcceptHandover {
            regiehouder: regiehouder.to_string(),
        },
    );
    let accepted = s.at;
    let mut monitoring = !conditions.is_empty();
    if monitoring {
        for (i, moment) in h.moments.iter().enumerate() {
            // Recorded on the day it is due or within two days after.
            let due = moment.after.after(dutch_local_date(accepted));
            s.at = due.with_time(accepted.time()).assume_offset(UtcOffset::UTC)
                + Duration::hours(24 + rng.below(48) as i64);
            let unmet = rng.percent(12);
            s.after(
                0,
                vt,
                CaseCommand::RecordMonitoring {
                    moment: moment.code.clone(),
                    met: if unmet { vec![1] } else { vec![0, 1] },
                    family_contact: Some(true),
                    contact_note: reason(if unmet {
                        "Huisbezoek; moeder vertelt over een nieuw incident"
                    } else {
                        "Huisbezoek; afspraken worden nagekomen"
                    }),
                    next_step: reason(if unmet {
                        "Terug naar Veilig Thuis voor een nieuwe beoordeling"
                    } else {
                        "Volgend monitoringsmoment zoals gepland"
                    }),
                    early_reason: None,
                },
            );
            if unmet {
                // The unmet condition returned the case to Veilig Thuis, which assesses again.
                triage(s, vt, rng, false, "onderzoek", &[]);
                onderzoek(
                    s,
                    vt,
                    40,
                    OnderzoekOutcome::Bevestigd,
                    "Onderzoek afgerond; hulp via het lokale team loopt door",
                );
                return;
            }
            if i >= 1 && rng.percent(60) {
                s.after(
                    1,
                    vt,
                    CaseCommand::EndMonitoring {
                        reason: reason("Veiligheidsvoorwaarden duurzaam nageleefd"),
                    },
                );
                monitoring = false;
                break;
            }
        }
    }
    if !monitoring && rng.percent(70) {
        s.at = accepted + Duration::days(100 + rng.below(60) as i64);
        s.after(
            0,
            Who::Team,
            CaseCommand::Close {
                reason: reason("Hulp afgerond"),
            },
        );
    }
}

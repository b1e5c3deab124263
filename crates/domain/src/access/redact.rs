//! Applies a [`View`] to the data of a case: pure functions from domain values to the same values
//! with what the view withholds removed or replaced by [`WITHHELD`] (DESIGN.md principle 5). The web
//! gate calls them before any handler sees the data.
//!
//! Withheld text becomes [`WITHHELD`] where there was some, so a reader knows something exists and
//! is not shown; absent values stay absent. A whole event whose content is withheld becomes
//! [`Disclosed::Withheld`]: the reader learns that it happened, not what it said.

use time::Date;

use super::{DataCategory, Participation, View};
use crate::case::{
    CaseEvent, CaseState, CaseWide, FeedbackEvent, HandoverEvent, IntakeEvent, MonitoringEvent,
    RecordedIntake, TriageEvent,
};
use crate::intake::{Betrokkene, Gender, Intake, Melder};

/// The marker that replaces withheld text.
pub const WITHHELD: &str = "verborgen";

/// One event as a reader may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disclosed {
    /// The event, with withheld fields replaced by [`WITHHELD`].
    Shown(CaseEvent),
    /// Only that an event of this kind happened; its content is in a withheld category.
    Withheld {
        kind: &'static str,
        category: DataCategory,
    },
}

fn text(shown: bool, value: &str) -> String {
    if shown {
        value.to_string()
    } else {
        WITHHELD.to_string()
    }
}

fn optional(shown: bool, value: &Option<String>) -> Option<String> {
    value.as_ref().map(|v| text(shown, v))
}

fn list(shown: bool, values: &[String]) -> Vec<String> {
    if shown || values.is_empty() {
        values.to_vec()
    } else {
        vec![WITHHELD.to_string()]
    }
}

/// A person's name as the view allows: in full, only the first name (the household's composition),
/// or withheld.
pub fn name(full: &str, view: &View) -> String {
    if view.shows(DataCategory::Identity) {
        full.to_string()
    } else if view.shows(DataCategory::Household) {
        full.split_whitespace()
            .next()
            .unwrap_or(WITHHELD)
            .to_string()
    } else {
        WITHHELD.to_string()
    }
}

/// A date of birth given as ISO 8601 text, as the view allows: in full, or only the year (ISO 8601
/// reduced precision, enough for the household's composition), or not at all.
pub fn birth_date_text(iso: &str, view: &View) -> Option<String> {
    if view.shows(DataCategory::Identity) {
        Some(iso.to_string())
    } else if view.shows(DataCategory::Household) {
        iso.get(..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_string)
    } else {
        None
    }
}

/// A BSN (or any value of a category) as the view allows.
pub fn bsn(value: &Option<String>, view: &View) -> Option<String> {
    optional(view.shows(DataCategory::Bsn), value)
}

/// The reporter of one melding. Its anonymity towards the family is itself always shown: whoever
/// works with the family must know not to reveal or guess the source.
pub fn melder(m: &Melder, view: &View) -> Melder {
    let shown = view.shows_for(DataCategory::ReporterIdentity, m.anonymous_to_family);
    Melder {
        // The reporter type narrows an anonymous reporter down to a handful of people (a
        // neighbour, the school), so it goes with the identity.
        melder_type: text(shown, &m.melder_type),
        name: optional(shown, &m.name),
        organisation: optional(shown, &m.organisation),
        org_id: optional(shown, &m.org_id),
        contact: optional(shown, &m.contact),
        anonymous_to_family: m.anonymous_to_family,
        has_role: m.has_role,
        informant_doctor: m.informant_doctor,
    }
}

/// One betrokkene of a melding received on `received_on`. Without [`DataCategory::Identity`] the
/// date of birth becomes the age at receipt (what the household's composition needs).
pub fn betrokkene(b: &Betrokkene, view: &View, received_on: Date) -> Betrokkene {
    let identity = view.shows(DataCategory::Identity);
    let household = view.shows(DataCategory::Household);
    let (birth_date, estimated_age) = if identity {
        (b.birth_date, b.estimated_age)
    } else if household {
        (None, b.age_on(received_on))
    } else {
        (None, None)
    };
    Betrokkene {
        person_id: b.person_id.clone(),
        role: text(household, &b.role),
        name: b.name.as_deref().map(|n| name(n, view)),
        birth_date,
        estimated_age,
        gender: if household {
            b.gender
        } else {
            Gender::Onbekend
        },
        bsn: bsn(&b.bsn, view),
        address: optional(view.shows(DataCategory::Address), &b.address),
        gemeente: text(view.shows(DataCategory::Gemeente), &b.gemeente),
    }
}

/// An adviesvraag or melding. Channel, kind and time of receipt are how the case came in, not
/// about whom, and stay.
pub fn intake(i: &Intake, view: &View) -> Intake {
    let received_on = i.received_on();
    let kinds = view.shows(DataCategory::ViolenceKinds);
    Intake {
        case_kind: i.case_kind,
        received_at: i.received_at,
        channel: i.channel.clone(),
        melder: melder(&i.melder, view),
        betrokkenen: i
            .betrokkenen
            .iter()
            .map(|b| betrokkene(b, view, received_on))
            .collect(),
        violence_version: i.violence_version.clone(),
        violence: list(kinds, &i.violence),
        specific_groups: list(kinds, &i.specific_groups),
        description: text(view.shows(DataCategory::IntakeText), &i.description),
    }
}

/// One event of the case's history. The match names every kind, so a new kind of event cannot be
/// added without deciding what it discloses.
pub fn event(e: &CaseEvent, view: &View) -> Disclosed {
    use CaseEvent as E;
    use DataCategory as C;
    let journal = view.shows(C::Journal);
    let conditions = view.shows(C::Conditions);
    let whole = |category: DataCategory| {
        if view.shows(category) {
            Disclosed::Shown(e.clone())
        } else {
            Disclosed::Withheld {
                kind: e.name(),
                category,
            }
        }
    };
    let shown = |e: CaseEvent| Disclosed::Shown(e);
    match e {
        E::Intake(IntakeEvent::Opened { .. })
        | E::Triage(TriageEvent::UrgencyAssessed { .. })
        | E::Handover(HandoverEvent::Accepted { .. })
        | E::Monitoring(MonitoringEvent::InvolvementEnded { .. })
        | E::Feedback(FeedbackEvent::Given { .. })
        | E::Case(CaseWide::Reopened) => shown(e.clone()),
        E::Intake(IntakeEvent::IntakeRecorded {
            intake: i,
            classification,
            n,
        }) => shown(E::Intake(IntakeEvent::IntakeRecorded {
            intake: Box::new(intake(i, view)),
            classification: *classification,
            n: *n,
        })),
        E::Intake(IntakeEvent::ConvertedToMelding {
            reason,
            classification,
            linked,
        }) => shown(E::Intake(IntakeEvent::ConvertedToMelding {
            reason: text(journal, reason),
            classification: *classification,
            linked: linked.clone(),
        })),
        E::Intake(IntakeEvent::ConvertedToAdvies { reason }) => {
            shown(E::Intake(IntakeEvent::ConvertedToAdvies {
                reason: text(journal, reason),
            }))
        }
        // Issue 7: a merge names both persons; each fact as the view allows, the reason with the
        // journal.
        E::Intake(IntakeEvent::PersonMerged {
            kept,
            merged,
            reason,
            by,
            confirm_different_bsn,
        }) => {
            let person =
                |p: &crate::intake::merge::MergedPerson| crate::intake::merge::MergedPerson {
                    id: p.id.clone(),
                    name: name(&p.name, view),
                    birth_date: if view.shows(C::Identity) {
                        p.birth_date
                    } else {
                        None
                    },
                    bsn: bsn(&p.bsn, view),
                };
            shown(E::Intake(IntakeEvent::PersonMerged {
                kept: person(kept),
                merged: person(merged),
                reason: text(journal, reason),
                by: by.clone(),
                confirm_different_bsn: *confirm_different_bsn,
            }))
        }
        // RULES.md 8.1, 9: the triage-instrument's findings and scored instruments are special.
        E::Triage(TriageEvent::SafetyAssessed { .. } | TriageEvent::InstrumentScored { .. }) => {
            whole(C::RiskAssessment)
        }
        E::Triage(
            TriageEvent::FollowUpDecided { .. }
            | TriageEvent::FollowUpRevised { .. }
            | TriageEvent::OnderzoekCompleted { .. },
        )
        | E::Monitoring(MonitoringEvent::Recorded { .. }) => whole(C::Conditions),
        E::Handover(HandoverEvent::Offered {
            handover_id,
            to_org,
            veiligheidsvoorwaarden,
            monitoring_agreements,
            conditions_dropped_reason,
        }) => shown(E::Handover(HandoverEvent::Offered {
            handover_id: handover_id.clone(),
            to_org: to_org.clone(),
            veiligheidsvoorwaarden: list(conditions, veiligheidsvoorwaarden),
            monitoring_agreements: list(conditions, monitoring_agreements),
            conditions_dropped_reason: conditions_dropped_reason
                .as_ref()
                .map(|r| text(conditions, r)),
        })),
        E::Handover(HandoverEvent::Refused {
            handover_id,
            reason,
        }) => shown(E::Handover(HandoverEvent::Refused {
            handover_id: handover_id.clone(),
            reason: text(journal, reason),
        })),
        E::Handover(HandoverEvent::Withdrawn {
            handover_id,
            reason,
        }) => shown(E::Handover(HandoverEvent::Withdrawn {
            handover_id: handover_id.clone(),
            reason: text(journal, reason),
        })),
        // The receiver's question is about what the handover carries, and the receiver wrote it
        // from what it was shown: it goes with the conditions, so the receiver sees its own
        // questions and Veilig Thuis sees them all.
        E::Handover(HandoverEvent::QuestionAsked {
            handover_id,
            question,
        }) => shown(E::Handover(HandoverEvent::QuestionAsked {
            handover_id: handover_id.clone(),
            question: text(conditions, question),
        })),
        E::Monitoring(MonitoringEvent::ReEscalated { reason }) => {
            shown(E::Monitoring(MonitoringEvent::ReEscalated {
                reason: text(journal, reason),
            }))
        }
        E::Monitoring(MonitoringEvent::Ended { reason }) => {
            shown(E::Monitoring(MonitoringEvent::Ended {
                reason: text(journal, reason),
            }))
        }
        // The text may carry the conditions and names the reporter: whoever may see who reported.
        E::Feedback(FeedbackEvent::Sent { .. }) => whole(C::ReporterIdentity),
        E::Feedback(FeedbackEvent::FamilyInformed { moment, how }) => {
            shown(E::Feedback(FeedbackEvent::FamilyInformed {
                moment: *moment,
                how: text(journal, how),
            }))
        }
        E::Feedback(FeedbackEvent::Waived { moment, reason }) => {
            shown(E::Feedback(FeedbackEvent::Waived {
                moment: *moment,
                reason: text(journal, reason),
            }))
        }
        E::Case(CaseWide::Closed { reason }) => shown(E::Case(CaseWide::Closed {
            reason: text(journal, reason),
        })),
        E::Case(CaseWide::NoteAdded { .. }) => whole(C::Journal),
        // Which worker holds the case is no personal data of the family.
        E::Case(CaseWide::Assigned { .. }) => shown(e.clone()),
    }
}

/// The case's state as the view allows: what pages and forms read.
///
/// Without [`DataCategory::RiskAssessment`] the safety assessment and instruments are left out.
/// The lifecycle asks only whether an assessment exists, and only in the phases before a decision
/// (deadlines, forms); the one reader without that category, a handover receiver, reads a case only
/// while its handover is open, after the decision (RULES.md 2.2, 2.5).
pub fn state(s: &CaseState, view: &View) -> CaseState {
    let risk = view.shows(DataCategory::RiskAssessment);
    let conditions = view.shows(DataCategory::Conditions);
    let mut out = s.clone();
    out.intakes = s
        .intakes
        .iter()
        .map(|r| RecordedIntake {
            intake: intake(&r.intake, view),
            classification: r.classification,
            at: r.at,
            acute: r.acute,
            safety: if risk { r.safety.clone() } else { None },
        })
        .collect();
    if !risk {
        out.safety = None;
        out.instruments = Vec::new();
    }
    if let Some(d) = out.decision.as_mut() {
        d.veiligheidsvoorwaarden = list(conditions, &d.veiligheidsvoorwaarden);
    }
    if let Some(h) = out.open_handover.as_mut() {
        h.veiligheidsvoorwaarden = list(conditions, &h.veiligheidsvoorwaarden);
        h.monitoring_agreements = list(conditions, &h.monitoring_agreements);
    }
    if let Some(m) = out.monitoring.as_mut() {
        m.veiligheidsvoorwaarden = list(conditions, &m.veiligheidsvoorwaarden);
        m.agreements = list(conditions, &m.agreements);
        m.unmet = list(conditions, &m.unmet);
    }
    out
}

/// The organisations taking part, as the view allows: a reporting organisation is its reporter's
/// identity, so it is listed only where that melding's reporter is shown.
pub fn participants(
    all: &[(String, Participation)],
    view: &View,
    melders: &[&Melder],
) -> Vec<(String, Participation)> {
    all.iter()
        .filter(|(org, p)| {
            *p != Participation::Reporter
                || view.shows(DataCategory::ReporterIdentity)
                || melders.iter().any(|m| {
                    m.org_id.as_deref() == Some(org.as_str())
                        && view.shows_for(DataCategory::ReporterIdentity, m.anonymous_to_family)
                })
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests;

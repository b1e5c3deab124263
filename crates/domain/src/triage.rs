//! Triage: what Veilig Thuis does with a melding before anyone else takes over (RULES.md 2.1-2.3):
//! the urgency read within 24 hours, the veiligheidsbeoordeling within 5 working days, the risk
//! instruments scored on the way (RULES.md 9), the follow-up decision (RULES.md 2.2) and the
//! onderzoek it may start. Feedback to the reporter after these steps is its own stage
//! ([`crate::feedback`]).

use crate::{msg, msg_args};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::calendar::{
    HolidayCalendar, Terms, acute_deadline, assessment_deadline, dutch_local_date,
    onderzoek_deadline,
};
use crate::case::guards::{MAX_ID, MAX_TEXT, by_vt, not_allowed, texts};
use crate::case::{
    CaseKind, CaseState, Deadline, DeadlineKind, EventContext, Phase, RecordedIntake,
    TransitionError,
};
use crate::codes::{DecisionCategory, decision_category};
use crate::feedback::{FeedbackMoment, owe_feedback};
use crate::instruments::{InstrumentRecord, InstrumentSpec};
use crate::validate::required_text;

#[cfg(test)]
mod tests;

/// The events of triage. Stored with a `kind` tag as part of a [`crate::case::CaseEvent`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// RULES.md 2.1: each melding is first read for urgency (must something happen within 24 h?).
    /// `melding` is the position of a melding that joined the casus (issue 7 item 1); absent or
    /// 0 for the case's own melding.
    UrgencyAssessed {
        acute: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        melding: Option<u32>,
    },
    /// RULES.md 2.1: the veiligheidsbeoordeling (triage-instrument parts A, B and C).
    SafetyAssessed {
        acute_unsafety: bool,
        structural_unsafety: bool,
        /// Part C may be skipped when part B is positive (RULES.md 2.1).
        multi_problem: Option<bool>,
        instrument: String,
        instrument_version: String,
        assessor: String,
        /// The position of the joined melding this assessment is about (see `UrgencyAssessed`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        melding: Option<u32>,
    },
    /// RULES.md 2.2: the follow-up track, a code of the `vervolgtraject` list.
    FollowUpDecided {
        track: String,
        veiligheidsvoorwaarden: Vec<String>,
    },
    /// A decision changed after it was made, with the reason (issue 7 item 2): the track and the
    /// veiligheidsvoorwaarden in force from now on.
    FollowUpRevised {
        track: String,
        veiligheidsvoorwaarden: Vec<String>,
        reason: String,
    },
    /// RULES.md 2.3 and 3 (84853NED): the onderzoek ends with an outcome as CBS counts it.
    OnderzoekCompleted { outcome: OnderzoekOutcome },
    /// RULES.md 9: a risk instrument's item scores and overall judgement, stored as a versioned
    /// record without the instrument's (copyrighted) item texts.
    InstrumentScored {
        record: InstrumentRecord,
        assessor: String,
    },
}

impl Event {
    /// The stored `kind` of every triage event.
    pub const KINDS: &[&str] = &[
        "urgency_assessed",
        "safety_assessed",
        "follow_up_decided",
        "follow_up_revised",
        "onderzoek_completed",
        "instrument_scored",
    ];

    /// The snake_case name stored in the `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            Event::UrgencyAssessed { .. } => "urgency_assessed",
            Event::SafetyAssessed { .. } => "safety_assessed",
            Event::FollowUpDecided { .. } => "follow_up_decided",
            Event::FollowUpRevised { .. } => "follow_up_revised",
            Event::OnderzoekCompleted { .. } => "onderzoek_completed",
            Event::InstrumentScored { .. } => "instrument_scored",
        }
    }

    /// The Dutch label of a triage event kind; `None` for a kind of another stage.
    pub fn label_for_kind(kind: &str) -> Option<String> {
        Some(match kind {
            "urgency_assessed" => schakel_i18n::t("event-urgency-assessed"),
            "safety_assessed" => schakel_i18n::t("event-safety-assessed"),
            "follow_up_decided" => schakel_i18n::t("event-follow-up-decided"),
            "follow_up_revised" => schakel_i18n::t("event-follow-up-revised"),
            "onderzoek_completed" => schakel_i18n::t("event-onderzoek-completed"),
            "instrument_scored" => schakel_i18n::t("event-instrument-scored"),
            _ => return None,
        })
    }
}

/// The outcome of an onderzoek as CBS counts it (RULES.md 3: 84853NED).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnderzoekOutcome {
    Bevestigd,
    NietBevestigd,
    Weerlegd,
    VoortijdigAfgesloten,
}

/// The recorded veiligheidsbeoordeling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyAssessment {
    pub acute_unsafety: bool,
    pub structural_unsafety: bool,
    pub multi_problem: Option<bool>,
    pub instrument: String,
    pub instrument_version: String,
    pub assessor: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// The follow-up decision in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub track: String,
    pub category: DecisionCategory,
    pub veiligheidsvoorwaarden: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// An onderzoek in progress or done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Onderzoek {
    #[serde(with = "crate::calendar::iso_date")]
    pub started_on: Date,
    pub outcome: Option<OnderzoekOutcome>,
}

pub(crate) fn running_onderzoek(s: &CaseState) -> bool {
    s.onderzoek.as_ref().is_some_and(|o| o.outcome.is_none())
}

/// Applies one triage event to an open case; `next` starts as a copy of `s`.
pub(crate) fn apply(
    s: &CaseState,
    next: &mut CaseState,
    event: &Event,
    ctx: &EventContext,
) -> Result<(), TransitionError> {
    match event {
        Event::InstrumentScored { record, assessor } => {
            required_text("assessor", assessor, MAX_ID)?;
            record.validate(&InstrumentSpec::default_for(record.kind))?;
            next.instruments.push(record.clone());
        }
        Event::UrgencyAssessed {
            acute,
            melding: Some(n),
        } if *n > 0 => {
            by_vt(s, ctx)?;
            let r = joined_melding(s, *n)?;
            // RULES.md 2.1: each melding, also one that joined an open casus, is read for urgency.
            if r.acute.is_some() {
                return Err(not_allowed(msg("error-vtrules-melding-urgency-done")));
            }
            next.intakes[*n as usize].acute = Some(*acute);
        }
        Event::SafetyAssessed {
            acute_unsafety,
            structural_unsafety,
            multi_problem,
            instrument,
            instrument_version,
            assessor,
            melding: Some(n),
        } if *n > 0 => {
            by_vt(s, ctx)?;
            let r = joined_melding(s, *n)?;
            if r.acute.is_none() {
                return Err(not_allowed(msg("error-vtrules-melding-urgency-first")));
            }
            if r.safety.is_some() {
                return Err(not_allowed(msg("error-vtrules-melding-assessed")));
            }
            // RULES.md 2.1: part C may only be skipped when part B is positive.
            if multi_problem.is_none() && !structural_unsafety {
                return Err(crate::FieldError::new(
                    "multi_problem",
                    msg("error-triage-part-c-required"),
                )
                .into());
            }
            next.intakes[*n as usize].safety = Some(SafetyAssessment {
                acute_unsafety: *acute_unsafety,
                structural_unsafety: *structural_unsafety,
                multi_problem: *multi_problem,
                instrument: required_text("instrument", instrument, MAX_ID)?,
                instrument_version: required_text(
                    "instrument_version",
                    instrument_version,
                    MAX_ID,
                )?,
                assessor: required_text("assessor", assessor, MAX_ID)?,
                at: ctx.at,
            });
        }
        Event::UrgencyAssessed { acute, .. } => {
            by_vt(s, ctx)?;
            // RULES.md 2.1: each melding is first read for urgency.
            if s.phase != Phase::Intake {
                return Err(not_allowed(msg("error-triage-urgency-not-now")));
            }
            next.acute = Some(*acute);
            next.phase = Phase::Beoordeling;
        }
        Event::SafetyAssessed {
            acute_unsafety,
            structural_unsafety,
            multi_problem,
            instrument,
            instrument_version,
            assessor,
            ..
        } => {
            by_vt(s, ctx)?;
            if s.phase != Phase::Beoordeling {
                return Err(not_allowed(msg("error-triage-safety-assessment-not-now")));
            }
            // RULES.md 2.1: part C (multi-problem) may only be skipped when part B is positive.
            if multi_problem.is_none() && !structural_unsafety {
                return Err(crate::FieldError::new(
                    "multi_problem",
                    msg("error-triage-part-c-required"),
                )
                .into());
            }
            next.safety = Some(SafetyAssessment {
                acute_unsafety: *acute_unsafety,
                structural_unsafety: *structural_unsafety,
                multi_problem: *multi_problem,
                instrument: required_text("instrument", instrument, MAX_ID)?,
                instrument_version: required_text(
                    "instrument_version",
                    instrument_version,
                    MAX_ID,
                )?,
                assessor: required_text("assessor", assessor, MAX_ID)?,
                at: ctx.at,
            });
        }
        Event::FollowUpDecided {
            track,
            veiligheidsvoorwaarden,
        } => {
            by_vt(s, ctx)?;
            match s.phase {
                Phase::Beoordeling if s.safety.is_some() => {}
                // Issue 7 item 2: a decision made is changed only with a reason, as its own event.
                Phase::Besloten => {
                    return Err(not_allowed(msg(
                        "error-vtrules-decision-revise-with-reason",
                    )));
                }
                Phase::Beoordeling => {
                    return Err(not_allowed(msg("error-triage-safety-assessment-first")));
                }
                _ => {
                    return Err(not_allowed(msg("error-triage-decision-not-now")));
                }
            }
            owe_feedback(next, FeedbackMoment::NaBeoordeling, ctx);
            decide(s, next, track, veiligheidsvoorwaarden, ctx)?;
        }
        Event::FollowUpRevised {
            track,
            veiligheidsvoorwaarden,
            reason,
        } => {
            by_vt(s, ctx)?;
            // Issue 7 item 2: only a decision in force while Veilig Thuis still holds the case
            // (no handover open, none accepted) can be revised.
            if s.phase != Phase::Besloten {
                return Err(not_allowed(msg("error-vtrules-revision-not-now")));
            }
            required_text("reason", reason, MAX_TEXT)?;
            decide(s, next, track, veiligheidsvoorwaarden, ctx)?;
        }
        Event::OnderzoekCompleted { outcome } => {
            by_vt(s, ctx)?;
            if !running_onderzoek(s) {
                return Err(not_allowed(msg("error-investigation-not-running")));
            }
            if let Some(o) = next.onderzoek.as_mut() {
                o.outcome = Some(*outcome);
            }
            // RULES.md 2.4: the reporter hears the outcome after an onderzoek too.
            owe_feedback(next, FeedbackMoment::NaOnderzoek, ctx);
        }
    }
    Ok(())
}

/// The decision in force from now on: validated, an onderzoek started when chosen.
fn decide(
    s: &CaseState,
    next: &mut CaseState,
    track: &str,
    veiligheidsvoorwaarden: &[String],
    ctx: &EventContext,
) -> Result<(), TransitionError> {
    let category = decision_category(track).ok_or_else(|| {
        crate::FieldError::new(
            "track",
            msg_args(
                "error-follow-up-track-unknown",
                [("track", track.to_string())],
            ),
        )
    })?;
    let conditions = texts("veiligheidsvoorwaarden", veiligheidsvoorwaarden)?;
    // RULES.md 2.2: Voorwaarden & Vervolg means VT sets veiligheidsvoorwaarden.
    if track == "voorwaarden_en_vervolg" && conditions.is_empty() {
        return Err(crate::FieldError::new(
            "veiligheidsvoorwaarden",
            msg("error-triage-conditions-required"),
        )
        .into());
    }
    if track == "onderzoek" && !running_onderzoek(s) {
        next.onderzoek = Some(Onderzoek {
            started_on: dutch_local_date(ctx.at),
            outcome: None,
        });
    }
    next.decision = Some(Decision {
        track: track.to_string(),
        category,
        veiligheidsvoorwaarden: conditions,
        at: ctx.at,
    });
    next.phase = Phase::Besloten;
    Ok(())
}

/// The melding at position `n` (from 1) that joined the casus.
fn joined_melding(s: &CaseState, n: u32) -> Result<&RecordedIntake, TransitionError> {
    match s.intakes.get(n as usize) {
        Some(r) if r.intake.case_kind == CaseKind::Melding => Ok(r),
        _ => Err(crate::FieldError::new("melding", msg("error-vtrules-melding-unknown")).into()),
    }
}

/// The position of the oldest melding whose urgency is still to be read: 0 for the case's own
/// (through the case's flow), else a melding that joined. `None` when none waits.
pub fn oldest_unread_urgency(s: &CaseState) -> Option<u32> {
    if s.case_kind == CaseKind::Melding && s.phase == Phase::Intake {
        return Some(0);
    }
    s.intakes
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, r)| r.awaits_assessment() && r.acute.is_none())
        .map(|(n, _)| n as u32)
}

/// The position of the oldest melding read for urgency but not yet assessed (see
/// [`oldest_unread_urgency`]).
pub fn oldest_unassessed(s: &CaseState) -> Option<u32> {
    if s.case_kind == CaseKind::Melding && s.phase == Phase::Beoordeling && s.safety.is_none() {
        return Some(0);
    }
    s.intakes
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, r)| r.awaits_assessment() && r.acute.is_some())
        .map(|(n, _)| n as u32)
}

/// The positions of the meldingen that wait for their veiligheidsbeoordeling (0 is the case's own).
pub fn open_meldingen(s: &CaseState) -> Vec<u32> {
    let own = s.case_kind == CaseKind::Melding
        && matches!(s.phase, Phase::Intake | Phase::Beoordeling)
        && s.safety.is_none();
    own.then_some(0)
        .into_iter()
        .chain(
            s.intakes
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, r)| r.awaits_assessment())
                .map(|(n, _)| n as u32),
        )
        .collect()
}

/// The deadlines of triage, all Veilig Thuis's.
pub(crate) fn deadlines(
    s: &CaseState,
    calendar: &HolidayCalendar,
    terms: &Terms,
    out: &mut Vec<Deadline>,
) {
    let vt = &s.vt_org;
    if s.case_kind == CaseKind::Melding {
        // RULES.md 2.1 / 2.3: read for urgency, and act on an acute melding, within 24 hours.
        let acute_due = acute_deadline(terms, s.assessment_from);
        match s.phase {
            Phase::Intake => out.push(Deadline::at(DeadlineKind::Urgentie, acute_due, vt)),
            Phase::Beoordeling if s.acute == Some(true) && s.safety.is_none() => {
                out.push(Deadline::at(DeadlineKind::AcuteActie, acute_due, vt));
            }
            _ => {}
        }
        // RULES.md 2.1: veiligheidsbeoordeling and decision within 5 working days.
        if matches!(s.phase, Phase::Intake | Phase::Beoordeling) {
            out.push(Deadline::on(
                DeadlineKind::Veiligheidsbeoordeling,
                assessment_deadline(calendar, terms, s.assessment_from),
                vt,
            ));
        }
    }
    // RULES.md 2.1: every melding that joined the casus is read for urgency and assessed, by
    // Veilig Thuis, on its own terms from its receipt (issue 7 item 1); an accountable
    // organisation after a handover is told in its queue while the assessment runs.
    for (n, r) in s.intakes.iter().enumerate().skip(1) {
        if !r.awaits_assessment() {
            continue;
        }
        let n = n as u32;
        let from = r.intake.received_at;
        let acute_due = acute_deadline(terms, from);
        match r.acute {
            None => out.push(Deadline::at(
                DeadlineKind::MeldingUrgentie { n },
                acute_due,
                vt,
            )),
            Some(true) => out.push(Deadline::at(
                DeadlineKind::MeldingAcuteActie { n },
                acute_due,
                vt,
            )),
            Some(false) => {}
        }
        let assess_by = assessment_deadline(calendar, terms, from);
        out.push(Deadline::on(
            DeadlineKind::MeldingBeoordeling { n },
            assess_by,
            vt,
        ));
        if s.accountable_org != s.vt_org {
            out.push(Deadline::on(
                DeadlineKind::NieuweMelding { n },
                assess_by,
                &s.accountable_org,
            ));
        }
    }
    // RULES.md 2.3: onderzoek finished within 10 weeks.
    if let Some(o) = &s.onderzoek
        && o.outcome.is_none()
    {
        out.push(Deadline::on(
            DeadlineKind::Onderzoek,
            onderzoek_deadline(terms, o.started_on),
            vt,
        ));
    }
}
